# Command-line tools: ovs-appctl, ovs-ofctl, ovs-vsctl.

# ovs-appctl (JSON/daemon area).
bin_PROGRAMS += utilities/ovs-appctl
utilities_ovs_appctl_SOURCES = utilities/ovs-appctl.c
utilities_ovs_appctl_LDADD = lib/libopenvswitch.a
dist_man_MANS += utilities/ovs-appctl.8

# ovs-ofctl (OpenFlow codec area).
bin_PROGRAMS += utilities/ovs-ofctl
utilities_ovs_ofctl_SOURCES = utilities/ovs-ofctl.c
utilities_ovs_ofctl_LDADD = lib/libopenvswitch.a

# ovs-vsctl (OVSDB area).
bin_PROGRAMS += utilities/ovs-vsctl
utilities_ovs_vsctl_SOURCES = utilities/ovs-vsctl.c
utilities_ovs_vsctl_LDADD = lib/libopenvswitch.a
dist_man_MANS += utilities/ovs-vsctl.8
dist_man_MANS += utilities/ovs-ofctl.8 utilities/ovs-closures.7
EXTRA_DIST += utilities/ovs-closure-demo
