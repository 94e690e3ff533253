# Build rules for ofproto/.
