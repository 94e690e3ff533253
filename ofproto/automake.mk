# Build rules for ofproto/: the OpenFlow switch, as a library that
# ovs-vswitchd links.
noinst_LIBRARIES += ofproto/libofproto.a
ofproto_libofproto_a_SOURCES = \
	ofproto/ofproto.h \
	ofproto/ofproto-provider.h \
	ofproto/connmgr.h
# --- ofproto core, connmgr, pinsched (helper ofproto) ---
ofproto_libofproto_a_SOURCES += \
	ofproto/connmgr.c \
	ofproto/ofproto.c \
	ofproto/pinsched.c \
	ofproto/pinsched.h \
	ofproto/snoop.c \
	ofproto/snoop.h
EXTRA_DIST += ofproto/ofproto-unixctl.man
# --- end ofproto core ---
# --- ofproto-dpif, translation, upcalls, mac-learning, trace (helper xlate) ---
ofproto_libofproto_a_SOURCES += \
	lib/mac-learning.c \
	lib/mac-learning.h \
	ofproto/ofproto-dpif.c \
	ofproto/ofproto-dpif.h \
	ofproto/ofproto-dpif-freeze.c \
	ofproto/ofproto-dpif-mirror.c \
	ofproto/ofproto-dpif-mirror.h \
	ofproto/ofproto-dpif-recirc.c \
	ofproto/ofproto-dpif-trace.c \
	ofproto/ofproto-dpif-upcall.c \
	ofproto/ofproto-dpif-xlate.c \
	ofproto/ofproto-dpif-xlate.h
# --- end ofproto-dpif ---
