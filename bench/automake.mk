# Build rules for bench/.
