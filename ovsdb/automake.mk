# Build rules for ovsdb/.
