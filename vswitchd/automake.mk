# Build rules for vswitchd/.
