# Command-line tools: ovs-appctl, ovs-ofctl, ovs-vsctl.
