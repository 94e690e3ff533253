# Build rules for datapath/.
# The userspace datapath is part of libopenvswitch.a (lib/dpif.h is its
# interface).
# --- userspace datapath (helper dp) ---
lib_libopenvswitch_a_SOURCES += datapath/dpif-netdev.c
# --- end userspace datapath ---
