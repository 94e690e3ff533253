# Build rules for ofproto/: the OpenFlow switch, as a library that
# ovs-vswitchd links.
noinst_LIBRARIES += ofproto/libofproto.a
ofproto_libofproto_a_SOURCES = \
	ofproto/ofproto.h \
	ofproto/ofproto-provider.h \
	ofproto/connmgr.h
# --- ofproto core, connmgr, pinsched (helper ofproto) ---
ofproto_libofproto_a_SOURCES +=
# --- end ofproto core ---
# --- ofproto-dpif, translation, upcalls, mac-learning, trace (helper xlate) ---
ofproto_libofproto_a_SOURCES +=
# --- end ofproto-dpif ---
