# lib/libopenvswitch.a: everything reusable.  Sources are grouped by area;
# each group keeps its own block so that areas grow independently.

noinst_LIBRARIES += lib/libopenvswitch.a
lib_libopenvswitch_a_SOURCES =
lib_libopenvswitch_a_CPPFLAGS = $(AM_CPPFLAGS)

# --- core data structures and utilities ---
lib_libopenvswitch_a_SOURCES += \
	include/openvswitch/compiler.h \
	include/openvswitch/dynamic-string.h \
	include/openvswitch/hash.h \
	include/openvswitch/hmap.h \
	include/openvswitch/list.h \
	include/openvswitch/ofpbuf.h \
	include/openvswitch/shash.h \
	include/openvswitch/smap.h \
	include/openvswitch/sset.h \
	include/openvswitch/token-bucket.h \
	include/openvswitch/types.h \
	include/openvswitch/util.h \
	include/openvswitch/uuid.h \
	lib/bitmap.c lib/bitmap.h \
	lib/byte-order.h \
	lib/command-line.c lib/command-line.h \
	lib/coverage.c lib/coverage.h \
	lib/dirs.c lib/dirs.h \
	lib/dynamic-string.c lib/dynamic-string.h \
	lib/hash.c lib/hash.h \
	lib/hmap.c lib/hmap.h \
	lib/list.h \
	lib/ofpbuf.c lib/ofpbuf.h \
	lib/random.c lib/random.h \
	lib/shash.c lib/shash.h \
	lib/smap.c lib/smap.h \
	lib/sset.c lib/sset.h \
	lib/token-bucket.c \
	lib/unaligned.h \
	lib/util.c lib/util.h \
	lib/util-bits.c \
	lib/util-scan.c \
	lib/uuid.c lib/uuid.h
# Installation directories, expanded by make (see lib/dirs.c).
lib_libopenvswitch_a_CPPFLAGS += \
	-DOVS_DEFAULT_SYSCONFDIR='"$(sysconfdir)"' \
	-DOVS_DEFAULT_PKGDATADIR='"$(pkgdatadir)"' \
	-DOVS_DEFAULT_RUNDIR='"$(localstatedir)/run/openvswitch"' \
	-DOVS_DEFAULT_LOGDIR='"$(localstatedir)/log/openvswitch"' \
	-DOVS_DEFAULT_DBDIR='"$(sysconfdir)/openvswitch"' \
	-DOVS_DEFAULT_BINDIR='"$(bindir)"'
# --- end core ---

# --- I/O: poll loop, time, signals, sockets, streams, reconnect ---
lib_libopenvswitch_a_SOURCES +=
lib_libopenvswitch_a_SOURCES += \
	include/openvswitch/poll-loop.h \
	lib/fatal-signal.c lib/fatal-signal.h \
	lib/latch.c lib/latch.h \
	lib/poll-loop.c \
	lib/reconnect.c lib/reconnect.h \
	lib/socket-util.c lib/socket-util.h \
	lib/stream.c lib/stream.h lib/stream-provider.h \
	lib/stream-fd.c lib/stream-fd.h \
	lib/stream-ssl.c lib/stream-ssl.h \
	lib/stream-tcp.c lib/stream-tcp.h \
	lib/stream-unix.c \
	lib/timeval.c lib/timeval.h
# --- end I/O ---

# --- JSON, JSON-RPC, vlog, unixctl, daemon, coverage ---
lib_libopenvswitch_a_SOURCES +=
lib_libopenvswitch_a_SOURCES += \
	include/openvswitch/json.h \
	include/openvswitch/vlog.h \
	lib/daemon.c lib/daemon.h \
	lib/json.c \
	lib/jsonrpc.c lib/jsonrpc.h \
	lib/unixctl.c lib/unixctl.h \
	lib/vlog.c
# --- end JSON/daemon ---

# --- OpenFlow codec: wire messages, properties, errors, print, vconn ---
lib_libopenvswitch_a_SOURCES += \
	include/openflow/openflow-common.h \
	include/openflow/openflow-1.0.h \
	include/openflow/openflow-1.1.h \
	include/openflow/openflow-1.2.h \
	include/openflow/openflow-1.3.h \
	include/openflow/openflow-1.4.h \
	include/openflow/openflow-1.5.h \
	include/openflow/nicira-ext.h \
	lib/netdev-features.h \
	lib/ofp-connection.c \
	lib/ofp-connection.h \
	lib/ofp-errors.c \
	lib/ofp-errors.h \
	lib/ofp-msgs.c \
	lib/ofp-msgs.h \
	lib/ofp-port.c \
	lib/ofp-port.h \
	lib/ofp-oxs.c \
	lib/ofp-oxs.h \
	lib/ofp-print.c \
	lib/ofp-print.h \
	lib/ofp-prop.c \
	lib/ofp-prop.h \
	lib/ofp-protocol.c \
	lib/ofp-protocol.h \
	lib/ofp-switch.c \
	lib/ofp-switch.h \
	lib/ofp-table-caps.c \
	lib/ofp-table-caps.h \
	lib/ofp-table-stats.c \
	lib/ofp-table-stats.h \
	lib/rconn.c \
	lib/rconn.h \
	lib/vconn-provider.h \
	lib/vconn-stream.c \
	lib/vconn.c \
	lib/vconn.h
EXTRA_DIST += lib/ofp-errors.def lib/ofp-msgs.def
lib_libopenvswitch_a_SOURCES += lib/ofp-flow.c lib/ofp-flow.h
lib_libopenvswitch_a_SOURCES += lib/ofp-packet.c lib/ofp-packet.h
# --- end OpenFlow codec ---

# --- flows, matches, fields, packets, datapath flow text ---
lib_libopenvswitch_a_SOURCES += \
	lib/csum.c \
	lib/csum.h \
	lib/dp-packet.c \
	lib/dp-packet.h \
	lib/flow.c \
	lib/flow.h \
	lib/match.c \
	lib/match.h \
	lib/meta-flow.c \
	lib/meta-flow.def \
	lib/meta-flow.h \
	lib/nx-match.c \
	lib/nx-match.h \
	lib/odp-util.c \
	lib/odp-util.h \
	lib/ofp-match.c \
	lib/ofp-match.h \
	lib/packets.c \
	lib/packets.h \
	lib/pcap-file.c \
	lib/pcap-file.h
# --- end flows ---

# --- OpenFlow actions ---
lib_libopenvswitch_a_SOURCES += \
	lib/ofp-actions.c \
	lib/ofp-actions.h \
	lib/ofp-actions-defs.c \
	lib/ofp-actions-fields.c \
	lib/ofp-actions-private.h
# --- end actions ---

# --- OVSDB library: data, types, IDL ---
lib_libopenvswitch_a_SOURCES +=
lib_libopenvswitch_a_SOURCES += \
	lib/ovsdb-data.c lib/ovsdb-data.h \
	lib/ovsdb-error.c lib/ovsdb-error.h \
	lib/ovsdb-parser.c lib/ovsdb-parser.h \
	lib/ovsdb-types.c lib/ovsdb-types.h
lib_libopenvswitch_a_SOURCES += \
	lib/db-ctl-base.c lib/db-ctl-base.h \
	lib/ovsdb-idl.c lib/ovsdb-idl.h lib/ovsdb-idl-provider.h \
	lib/ovsdb-idl-private.h lib/ovsdb-idl-txn.c
nodist_lib_libopenvswitch_a_SOURCES = lib/vswitch-idl.c lib/vswitch-idl.h
# --- end OVSDB library ---

# --- classifier ---
lib_libopenvswitch_a_SOURCES += lib/classifier.c lib/classifier.h
# --- end classifier ---

# --- packet-out, packet-in encoding, closures codec (helper codec) ---
lib_libopenvswitch_a_SOURCES +=
lib_libopenvswitch_a_SOURCES += lib/ofp-closure.c lib/ofp-closure.h
# --- end packet/closure codec ---

# --- netdevs, datapath interface, netlink attributes, odp actions (helper dp) ---
lib_libopenvswitch_a_SOURCES += \
	lib/dpctl.c \
	lib/dpctl.h \
	lib/dpif.c \
	lib/netdev.c \
	lib/netdev-dummy.c \
	lib/netdev-linux.c \
	lib/netdev-patch.c \
	lib/netdev-provider.h \
	lib/netlink.c \
	lib/netlink.h \
	lib/odp-execute.c \
	lib/odp-execute.h
# --- end netdev/dpif ---

# --- connection tracking (helper conntrack) ---
lib_libopenvswitch_a_SOURCES += \
	lib/conntrack.c \
	lib/conntrack.h \
	lib/conntrack-other.c \
	lib/conntrack-private.h \
	lib/conntrack-tcp.c
# --- end connection tracking ---
