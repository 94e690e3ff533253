/* An in-memory OVSDB database: tables of rows under a schema.
 *
 * struct ovsdb holds one table per table in its schema; a table holds its
 * rows in a hash map keyed by UUID; a row holds one datum per column.  The
 * tables always show the state as seen by the transaction in progress, if
 * any (see transaction.h): a transaction edits rows in place, remembering
 * the old versions so that it can undo everything on abort.
 *
 * A "replica" is anything that must see each committed transaction: the
 * file storage, the monitors of connected clients.  Replicas are told
 * about a transaction in the order they were added; a replica that fails
 * (e.g. the disk is full) makes the commit fail, as long as it comes before
 * the ones that cannot fail. */

#ifndef OVSDB_OVSDB_H
#define OVSDB_OVSDB_H 1

#include "schema.h"
#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/shash.h"
#include "openvswitch/uuid.h"
#include <stdbool.h>

struct json;
struct ovsdb;
struct ovsdb_txn;
struct ovsdb_txn_row;

/* ------------------------------------------------------------------ */
/* Rows. */

struct ovsdb_row {
    struct hmap_node hmap_node; /* In table->rows, hashed by UUID. */
    struct ovsdb_table *table;
    struct ovsdb_txn_row *txn_row;  /* Set while a transaction holds it. */
    size_t n_refs;              /* Number of strong references to it. */
    struct ovsdb_datum fields[];    /* One per column of the table. */
};

/* Creates a row of 'table' with every column at its default value and
 * a zero UUID.  The caller owns the row. */
struct ovsdb_row *ovsdb_row_create(const struct ovsdb_table *);
struct ovsdb_row *ovsdb_row_clone(const struct ovsdb_row *);
void ovsdb_row_destroy(struct ovsdb_row *);

/* The row's identity and version live in its first two columns, which
 * always hold exactly one UUID each. */
#define OVSDB_ROW_STD_UUID(ROW, COL) (&(ROW)->fields[COL].keys->uuid)

static inline const struct uuid *
ovsdb_row_get_uuid(const struct ovsdb_row *row)
{
    return OVSDB_ROW_STD_UUID(row, OVSDB_COL_UUID);
}

static inline struct uuid *
ovsdb_row_get_uuid_rw(struct ovsdb_row *row)
{
    return OVSDB_ROW_STD_UUID(row, OVSDB_COL_UUID);
}

static inline const struct uuid *
ovsdb_row_get_version(const struct ovsdb_row *row)
{
    return OVSDB_ROW_STD_UUID(row, OVSDB_COL_VERSION);
}

uint32_t ovsdb_row_hash_columns(const struct ovsdb_row *,
                                const struct ovsdb_column_set *,
                                uint32_t basis);
bool ovsdb_row_equal_columns(const struct ovsdb_row *a,
                             const struct ovsdb_row *b,
                             const struct ovsdb_column_set *);
int ovsdb_row_compare_columns_3way(const struct ovsdb_row *a,
                                   const struct ovsdb_row *b,
                                   const struct ovsdb_column_set *);

/* Copies the given columns of 'src' into 'dst'. */
void ovsdb_row_update_columns(struct ovsdb_row *dst,
                              const struct ovsdb_row *src,
                              const struct ovsdb_column_set *);

/* Parses 'json', an object mapping column names to values, into 'row'
 * (replacing the named columns).  If 'changed' is nonnull, adds each parsed
 * column to it.  Read-only and unknown columns are errors. */
struct ovsdb_error *ovsdb_row_from_json(struct ovsdb_row *row,
                                        const struct json *json,
                                        struct ovsdb_symbol_table *symtab,
                                        struct ovsdb_column_set *changed)
    OVSDB_MUST_USE;

/* Returns the given columns of 'row' as a JSON object. */
struct json *ovsdb_row_to_json(const struct ovsdb_row *,
                               const struct ovsdb_column_set *);

/* ------------------------------------------------------------------ */
/* Tables. */

struct ovsdb_table {
    const struct ovsdb_table_schema *schema;
    struct ovsdb *db;
    struct hmap rows;           /* Contains struct ovsdb_row. */
};

const struct ovsdb_row *ovsdb_table_get_row(const struct ovsdb_table *,
                                            const struct uuid *);

/* ------------------------------------------------------------------ */
/* Replicas. */

struct ovsdb_replica;

struct ovsdb_replica_class {
    /* Called for each committed transaction.  May refuse it by returning
     * an error; then the transaction is aborted. */
    struct ovsdb_error *(*commit)(struct ovsdb_replica *,
                                  const struct ovsdb_txn *, bool durable);
    void (*destroy)(struct ovsdb_replica *);
};

struct ovsdb_replica {
    struct ovs_list node;       /* In struct ovsdb's 'replicas'. */
    const struct ovsdb_replica_class *class;
};

void ovsdb_replica_init(struct ovsdb_replica *,
                        const struct ovsdb_replica_class *);

/* ------------------------------------------------------------------ */
/* Databases. */

struct ovsdb {
    struct ovsdb_schema *schema;    /* Owned. */
    struct shash tables;        /* Name -> struct ovsdb_table *. */
    struct ovs_list replicas;   /* Contains struct ovsdb_replica. */
    struct ovsdb_txn *txn;      /* Transaction in progress, if any. */
};

/* Creates an empty database, taking ownership of 'schema'. */
struct ovsdb *ovsdb_create(struct ovsdb_schema *schema);
void ovsdb_destroy(struct ovsdb *);
struct ovsdb_table *ovsdb_get_table(const struct ovsdb *, const char *name);
void ovsdb_add_replica(struct ovsdb *, struct ovsdb_replica *);
void ovsdb_remove_replica(struct ovsdb *, struct ovsdb_replica *);

/* Runs the RFC 7047 "transact" operations in 'params' (the whole params
 * array, starting with the database name) against 'db'.
 *
 * Returns the JSON result array (owned by the caller), or NULL if a "wait"
 * operation is not yet satisfied: the caller should retry when the database
 * changes, or at the latest when '*timeout_msec' more milliseconds have
 * passed since 'start_msec' (LLONG_MAX if never).  'now_msec' -
 * 'start_msec' is how long the transaction has waited so far.
 *
 * 'has_lock', if nonnull, tells whether the client owns a lock, for
 * "assert". */
struct json *ovsdb_execute(struct ovsdb *db, const struct json *params,
                           bool (*has_lock)(const void *aux,
                                            const char *lock_name),
                           const void *lock_aux,
                           long long int elapsed_msec,
                           long long int *timeout_msec);

#endif /* ovsdb/ovsdb.h */
