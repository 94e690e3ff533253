/* A database stored in an OVSDB log file.
 *
 * The file's first record is the schema; each later record is one
 * committed transaction: an object mapping table names to objects that map
 * row UUIDs to the row's new column values, or to null for a deleted row,
 * plus "_date" (milliseconds since the epoch) and, if the transaction had
 * one, "_comment".  A modified row lists only the columns that changed,
 * with their new values ("_is_diff": true records, written by Open vSwitch,
 * list set and map differences instead and are read as such).
 *
 * Compaction rewrites the file as the schema plus one record that inserts
 * every row; it runs on request and whenever the log has grown to many
 * transactions and at least twice its size after the previous compaction. */

#ifndef OVSDB_FILE_H
#define OVSDB_FILE_H 1

#include <stdbool.h>
#include "ovsdb-error.h"

struct json;
struct ovsdb;
struct ovsdb_file;
struct ovsdb_schema;
struct ovsdb_txn;

/* Opens database file 'file_name' and loads it into a new database.
 * Unless 'read_only', the file stays open and locked, and every
 * transaction committed to '*dbp' is appended to it (the returned
 * '*filep' lives as long as the database).  On success the caller owns
 * '*dbp' and must ovsdb_destroy() it. */
struct ovsdb_error *ovsdb_file_open(const char *file_name, bool read_only,
                                    struct ovsdb **dbp,
                                    struct ovsdb_file **filep)
    OVSDB_MUST_USE;

/* Reads only the schema of database file 'file_name'. */
struct ovsdb_error *ovsdb_file_read_schema(const char *file_name,
                                           struct ovsdb_schema **schemap)
    OVSDB_MUST_USE;

/* Creates database file 'file_name' (which must not exist) holding
 * 'schema' and no rows. */
struct ovsdb_error *ovsdb_file_create(const char *file_name,
                                      const struct ovsdb_schema *schema)
    OVSDB_MUST_USE;

/* Compacts the open database file now. */
struct ovsdb_error *ovsdb_file_compact(struct ovsdb_file *) OVSDB_MUST_USE;

/* Writes a compacted copy of 'db' to 'file_name', replacing it. */
struct ovsdb_error *ovsdb_file_save_copy(const char *file_name,
                                         const char *comment,
                                         const struct ovsdb *db)
    OVSDB_MUST_USE;

/* Applies one transaction record (as found in a database file) to 'db'
 * and commits it.  For tools that replay logs. */
struct ovsdb_error *ovsdb_file_apply_record(struct ovsdb *db,
                                            const struct json *record)
    OVSDB_MUST_USE;

/* Returns a new JSON record describing 'txn' (for use during its
 * commit), or NULL if it changes nothing persistent. */
struct json *ovsdb_file_txn_to_json(const struct ovsdb_txn *txn);

#endif /* ovsdb/file.h */
