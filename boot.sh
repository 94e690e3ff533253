#! /bin/sh
# Regenerates the autotools files (configure, Makefile.in, ...) from
# configure.ac and Makefile.am.  Run once in a fresh checkout.
set -e
cd "$(dirname "$0")"
autoreconf --install --force
