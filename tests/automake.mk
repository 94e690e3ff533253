# The GNU autotest suite (tests/testsuite) and the C test driver
# (tests/ovstest) whose subcommands hold the unit tests.

EXTRA_DIST += \
	$(TESTSUITE_AT) \
	$(TESTSUITE) \
	tests/atlocal.in \
	$(srcdir)/tests/package.m4

# Each area lists its .at files in its own block.
TESTSUITE_AT = \
	tests/testsuite.at \
	tests/ovs-macros.at
# --- core tests ---
TESTSUITE_AT += tests/library.at
# --- I/O tests ---
TESTSUITE_AT +=
TESTSUITE_AT += \
	tests/poll-loop.at \
	tests/reconnect.at \
	tests/stream.at
# --- JSON/daemon tests ---
TESTSUITE_AT +=
TESTSUITE_AT += \
	tests/json.at \
	tests/jsonrpc.at \
	tests/vlog.at \
	tests/unixctl.at \
	tests/daemon.at
# --- OpenFlow codec tests ---
TESTSUITE_AT +=
TESTSUITE_AT += tests/ofp-print.at tests/ofp-errors.at tests/ofp-prop.at \
	tests/vconn.at tests/ovs-ofctl.at tests/interop/ofp-print.at \
	tests/interop/vconn.at
EXTRA_DIST += tests/interop/ofp-pcap.py tests/interop/check-tshark.py \
	tests/interop/flowgen.py
TESTSUITE_AT += tests/ofp-actions.at tests/interop/ofp-actions.at
TESTSUITE_AT += tests/ofp-flow.at tests/interop/ofp-flow.at
TESTSUITE_AT += tests/ofp-packet.at tests/interop/ofp-packet.at
TESTSUITE_AT += tests/meta-flow.at tests/nx-match.at tests/flow-extract.at \
	tests/odp.at tests/pcap.at tests/packets.at tests/interop/match.at
TESTSUITE_AT += tests/classifier.at
# --- OVSDB tests ---
TESTSUITE_AT +=
TESTSUITE_AT += \
	tests/ovsdb-data.at \
	tests/ovsdb-execution.at \
	tests/ovsdb-tool.at \
	tests/ovsdb-server.at \
	tests/interop/ovsdb.at
TESTSUITE_AT += tests/ovs-vsctl.at tests/ovsdb-idl.at \
	tests/interop/vsctl.at
# --- packet/closure codec tests ---
TESTSUITE_AT +=
TESTSUITE_AT += tests/ofp-closure.at
# --- netdev/dpif tests ---
TESTSUITE_AT += tests/odp-actions.at tests/dpif.at tests/dpctl.at
# --- ofproto tests ---
TESTSUITE_AT +=
TESTSUITE_AT += tests/pinsched.at tests/ofproto.at tests/snoop.at
# --- ofproto-dpif tests ---
TESTSUITE_AT += tests/ofproto-dpif.at
# --- vswitchd tests ---
TESTSUITE_AT +=
TESTSUITE_AT += tests/ofproto-macros.at tests/vswitchd.at \
	tests/system-traffic.at tests/interop/testcontroller.at
EXTRA_DIST += tests/pcap-dump.py
# --- online ovs-ofctl tests ---
TESTSUITE_AT += tests/ovs-ofctl-online.at tests/interop/ofctl-switch.at
TESTSUITE_AT +=
# --- closures tests (lead) ---
TESTSUITE_AT += tests/closures.at
EXTRA_DIST += tests/closure-flows.py tests/tcp-pair.py
# --- conntrack tests ---
TESTSUITE_AT += tests/conntrack.at
# --- end of .at lists ---

TESTSUITE = $(srcdir)/tests/testsuite
DISTCLEANFILES += tests/atconfig tests/atlocal

# Directories searched for the programs under test, build tree first, so
# that our binaries always win over any installed Open vSwitch.
AUTOTEST_PATH = utilities:vswitchd:ovsdb:tests

check-local: tests/atconfig tests/atlocal $(TESTSUITE) $(check_PROGRAMS)
	$(SHELL) '$(TESTSUITE)' -C tests AUTOTEST_PATH='$(AUTOTEST_PATH)' $(TESTSUITEFLAGS)

# check-valgrind: the same suite, with every program we built run under
# valgrind (through wrapper scripts that come first on the PATH).  Any
# memory error or definite leak fails the test that caused it.
valgrind_wrapped_programs = \
	tests/ovstest utilities/ovs-appctl utilities/ovs-ofctl \
	utilities/ovs-vsctl ovsdb/ovsdb-server ovsdb/ovsdb-tool \
	vswitchd/ovs-vswitchd
check-valgrind: all tests/atconfig tests/atlocal $(TESTSUITE) $(check_PROGRAMS)
	@rm -rf tests/valgrind && $(MKDIR_P) tests/valgrind
	@for p in $(valgrind_wrapped_programs); do \
	  test -x $$p || continue; \
	  b=`basename $$p`; \
	  { echo '#! /bin/sh'; \
	    echo "exec valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file=valgrind.%p --suppressions=$(abs_srcdir)/tests/valgrind.supp $(abs_builddir)/$$p \"\$$@\""; \
	  } > tests/valgrind/$$b; \
	  chmod +x tests/valgrind/$$b; \
	done
	$(SHELL) '$(TESTSUITE)' -C tests CHECK_VALGRIND=true AUTOTEST_PATH='tests/valgrind:$(AUTOTEST_PATH)' $(TESTSUITEFLAGS) -j1
EXTRA_DIST += tests/valgrind.supp
.PHONY: check-valgrind

clean-local: tests-clean
tests-clean:
	test ! -f '$(TESTSUITE)' || $(SHELL) '$(TESTSUITE)' -C tests --clean
	rm -rf tests/valgrind
.PHONY: tests-clean

AUTOM4TE = autom4te
AUTOTEST = $(AUTOM4TE) -l autotest
$(TESTSUITE): $(srcdir)/tests/package.m4 $(TESTSUITE_AT)
	$(AM_V_GEN)$(AUTOTEST) -I '$(srcdir)' -I '$(srcdir)/tests' -o $@.tmp $@.at && mv $@.tmp $@

$(srcdir)/tests/package.m4: $(top_srcdir)/configure.ac
	$(AM_V_GEN){ \
	  echo '# Signature of the current package.'; \
	  echo 'm4_define([AT_PACKAGE_NAME],      [$(PACKAGE_NAME)])'; \
	  echo 'm4_define([AT_PACKAGE_TARNAME],   [$(PACKAGE_TARNAME)])'; \
	  echo 'm4_define([AT_PACKAGE_VERSION],   [$(PACKAGE_VERSION)])'; \
	  echo 'm4_define([AT_PACKAGE_STRING],    [$(PACKAGE_STRING)])'; \
	  echo 'm4_define([AT_PACKAGE_BUGREPORT], [$(PACKAGE_BUGREPORT)])'; \
	} > $@.tmp && mv $@.tmp $@

# The unit-test driver.  Each tests/test-*.c registers its subcommands with
# OVSTEST_REGISTER; areas list their files in their own block.
check_PROGRAMS = tests/ovstest
tests_ovstest_SOURCES = tests/ovstest.c tests/ovstest.h
# --- core unit tests ---
tests_ovstest_SOURCES += \
	tests/test-hmap.c \
	tests/test-list.c \
	tests/test-util.c \
	tests/test-uuid.c \
	tests/test-bitmap.c \
	tests/test-shash-smap-sset.c \
	tests/test-command-line.c \
	tests/test-ofpbuf.c
# --- I/O unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += \
	tests/test-fatal-signal.c \
	tests/test-poll-loop.c \
	tests/test-reconnect.c \
	tests/test-stream.c
# --- JSON/daemon unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += \
	tests/test-json.c \
	tests/test-jsonrpc.c \
	tests/test-unixctl.c
# --- OpenFlow codec unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += tests/test-ofp-prop.c tests/test-vconn.c \
	tests/test-ofp-encode.c
tests_ovstest_SOURCES += tests/test-ofp-actions.c
tests_ovstest_SOURCES += tests/test-ofp-flow.c
tests_ovstest_SOURCES += tests/test-flows.c tests/test-packets.c
tests_ovstest_SOURCES += tests/test-classifier.c
# --- OVSDB unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += tests/test-ovsdb.c $(OVSDB_ENGINE_SOURCES)
# The IDL test driver and the typed interface generated for its schema.
tests_ovstest_SOURCES += tests/test-ovsdb-idl.c
nodist_tests_ovstest_SOURCES = tests/idltest.c tests/idltest.h
BUILT_SOURCES += tests/idltest.c tests/idltest.h
CLEANFILES += tests/idltest.c tests/idltest.h
EXTRA_DIST += tests/idltest.ovsschema
tests/test-ovsdb-idl.$(OBJEXT): tests/idltest.h
tests/idltest.h: $(srcdir)/tests/idltest.ovsschema \
		$(srcdir)/build-aux/ovsdb-idlc
	$(AM_V_GEN)$(MKDIR_P) tests && \
	$(PYTHON3) $(srcdir)/build-aux/ovsdb-idlc --prefix=idltest_ \
	  --header=idltest.h c-idl-header $(srcdir)/tests/idltest.ovsschema \
	  > $@.tmp && mv $@.tmp $@
tests/idltest.c: $(srcdir)/tests/idltest.ovsschema \
		$(srcdir)/build-aux/ovsdb-idlc tests/idltest.h
	$(AM_V_GEN)$(MKDIR_P) tests && \
	$(PYTHON3) $(srcdir)/build-aux/ovsdb-idlc --prefix=idltest_ \
	  --header=idltest.h c-idl-source $(srcdir)/tests/idltest.ovsschema \
	  > $@.tmp && mv $@.tmp $@
# --- packet/closure codec unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += tests/test-ofp-closure.c
# --- netdev/dpif unit tests ---
tests_ovstest_SOURCES += tests/test-dpif.c
# --- ofproto unit tests ---
tests_ovstest_SOURCES +=
tests_ovstest_SOURCES += tests/test-pinsched.c tests/test-ofproto-conn.c
# --- ofproto-dpif unit tests ---
tests_ovstest_SOURCES +=
# --- vswitchd unit tests ---
tests_ovstest_SOURCES +=
# --- online ovs-ofctl unit tests ---
tests_ovstest_SOURCES +=
# --- conntrack unit tests ---
tests_ovstest_SOURCES += tests/test-conntrack.c
# --- closures unit tests (lead) ---
tests_ovstest_SOURCES += tests/test-closure-controller.c
# --- end of unit tests ---
tests_ovstest_LDADD = ofproto/libofproto.a lib/libopenvswitch.a
