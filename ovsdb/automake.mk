# Build rules for ovsdb/.

# The database engine: schema, tables and rows, transactions, conditions,
# mutations, the transaction executor, log file storage and the JSON-RPC
# server.  Linked into ovsdb-server, ovsdb-tool and tests/ovstest.
OVSDB_ENGINE_SOURCES = \
	ovsdb/condition.c ovsdb/condition.h \
	ovsdb/execution.c \
	ovsdb/file.c ovsdb/file.h \
	ovsdb/jsonrpc-server.c ovsdb/jsonrpc-server.h \
	ovsdb/log.c ovsdb/log.h \
	ovsdb/mutation.c ovsdb/mutation.h \
	ovsdb/ovsdb.c ovsdb/ovsdb.h \
	ovsdb/schema.c ovsdb/schema.h \
	ovsdb/transaction.c ovsdb/transaction.h

sbin_PROGRAMS += ovsdb/ovsdb-server
ovsdb_ovsdb_server_SOURCES = ovsdb/ovsdb-server.c $(OVSDB_ENGINE_SOURCES)
ovsdb_ovsdb_server_LDADD = lib/libopenvswitch.a

bin_PROGRAMS += ovsdb/ovsdb-tool
ovsdb_ovsdb_tool_SOURCES = ovsdb/ovsdb-tool.c $(OVSDB_ENGINE_SOURCES)
ovsdb_ovsdb_tool_LDADD = lib/libopenvswitch.a

dist_man_MANS += ovsdb/ovsdb-server.1 ovsdb/ovsdb-tool.1
