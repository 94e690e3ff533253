# Build rules for datapath/.
