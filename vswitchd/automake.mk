# Build rules for vswitchd/.

# The Open_vSwitch database schema, its documentation, and the C IDL that
# ovsdb-idlc generates from it (lib/vswitch-idl.[ch], built sources).
dist_pkgdata_DATA += vswitchd/vswitch.ovsschema
EXTRA_DIST += vswitchd/vswitch.xml build-aux/ovsdb-idlc

BUILT_SOURCES += lib/vswitch-idl.h lib/vswitch-idl.c
CLEANFILES += lib/vswitch-idl.h lib/vswitch-idl.c
lib/vswitch-idl.h: $(srcdir)/vswitchd/vswitch.ovsschema \
		$(srcdir)/build-aux/ovsdb-idlc
	$(AM_V_GEN)$(MKDIR_P) lib && \
	$(PYTHON3) $(srcdir)/build-aux/ovsdb-idlc --prefix=ovsrec_ \
	  --header=vswitch-idl.h c-idl-header \
	  $(srcdir)/vswitchd/vswitch.ovsschema > $@.tmp && mv $@.tmp $@
lib/vswitch-idl.c: $(srcdir)/vswitchd/vswitch.ovsschema \
		$(srcdir)/build-aux/ovsdb-idlc lib/vswitch-idl.h
	$(AM_V_GEN)$(MKDIR_P) lib && \
	$(PYTHON3) $(srcdir)/build-aux/ovsdb-idlc --prefix=ovsrec_ \
	  --header=vswitch-idl.h c-idl-source \
	  $(srcdir)/vswitchd/vswitch.ovsschema > $@.tmp && mv $@.tmp $@

# --- ovs-vswitchd and bridge.c (helper vswitchd) ---
sbin_PROGRAMS += vswitchd/ovs-vswitchd
vswitchd_ovs_vswitchd_SOURCES = \
	vswitchd/bridge.c \
	vswitchd/bridge.h \
	vswitchd/ovs-vswitchd.c
vswitchd_ovs_vswitchd_LDADD = ofproto/libofproto.a lib/libopenvswitch.a
dist_man_MANS += vswitchd/ovs-vswitchd.8
# --- end ovs-vswitchd ---
