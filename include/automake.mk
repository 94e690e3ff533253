# Build rules for include/.
