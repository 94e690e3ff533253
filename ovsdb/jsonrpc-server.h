/* The RFC 7047 JSON-RPC server: serves databases to any number of clients
 * over any number of "remotes". */

#ifndef OVSDB_JSONRPC_SERVER_H
#define OVSDB_JSONRPC_SERVER_H 1

#include <stdbool.h>

struct ovsdb;
struct sset;

struct ovsdb_jsonrpc_server *ovsdb_jsonrpc_server_create(void);
void ovsdb_jsonrpc_server_destroy(struct ovsdb_jsonrpc_server *);

/* Serves 'db' (which must outlive the server) under its schema's name.
 * Returns false if a database of that name is already served. */
bool ovsdb_jsonrpc_server_add_db(struct ovsdb_jsonrpc_server *,
                                 struct ovsdb *db);

/* Adds a remote: "punix:", "ptcp:" or "pssl:" to listen for clients,
 * "unix:", "tcp:" or "ssl:" to connect out to a client (reconnecting as
 * needed).  Returns 0 or a positive errno value (the name is bad). */
int ovsdb_jsonrpc_server_add_remote(struct ovsdb_jsonrpc_server *,
                                    const char *name);

/* Adds the names of every remote to 'remotes'. */
void ovsdb_jsonrpc_server_get_remotes(const struct ovsdb_jsonrpc_server *,
                                      struct sset *remotes);

void ovsdb_jsonrpc_server_run(struct ovsdb_jsonrpc_server *);
void ovsdb_jsonrpc_server_wait(struct ovsdb_jsonrpc_server *);

#endif /* ovsdb/jsonrpc-server.h */
