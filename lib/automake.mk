# lib/libopenvswitch.a: everything reusable.  Sources are grouped by area;
# each group keeps its own block so that areas grow independently.

noinst_LIBRARIES += lib/libopenvswitch.a
lib_libopenvswitch_a_SOURCES =
lib_libopenvswitch_a_CPPFLAGS = $(AM_CPPFLAGS)

# --- core data structures and utilities ---
lib_libopenvswitch_a_SOURCES +=
# --- end core ---

# --- I/O: poll loop, time, signals, sockets, streams, reconnect ---
lib_libopenvswitch_a_SOURCES +=
# --- end I/O ---

# --- JSON, JSON-RPC, vlog, unixctl, daemon, coverage ---
lib_libopenvswitch_a_SOURCES +=
# --- end JSON/daemon ---

# --- OpenFlow codec: wire messages, properties, errors, print, vconn ---
lib_libopenvswitch_a_SOURCES +=
# --- end OpenFlow codec ---

# --- flows, matches, fields, packets, datapath flow text ---
lib_libopenvswitch_a_SOURCES +=
# --- end flows ---

# --- OpenFlow actions ---
lib_libopenvswitch_a_SOURCES +=
# --- end actions ---

# --- OVSDB library: data, types, IDL ---
lib_libopenvswitch_a_SOURCES +=
# --- end OVSDB library ---
