/* Database schemas (RFC 7047 section 3.2).
 *
 * A schema names a database and its tables; each table has named, typed
 * columns, and may be a "root" table (rows live until deleted) or not
 * (rows live while something refers to them), have a row limit, and have
 * indexes (sets of columns whose values must be unique across rows).
 *
 * Every table also has two columns that the schema does not list: "_uuid",
 * the row's identity, and "_version", which changes with each modification.
 * Columns are numbered: _uuid is 0, _version is 1, and the schema's columns
 * follow in order of name, so a row stores its values in an array. */

#ifndef OVSDB_SCHEMA_H
#define OVSDB_SCHEMA_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/shash.h"
#include "ovsdb-error.h"
#include "ovsdb-types.h"

struct json;
struct ovsdb_table_schema;

enum {
    OVSDB_COL_UUID = 0,
    OVSDB_COL_VERSION = 1,
    OVSDB_N_STD_COLUMNS = 2
};

struct ovsdb_column {
    unsigned int index;         /* Position in a row's 'fields'. */
    char *name;
    bool mutable;               /* May "update"/"mutate" change it? */
    bool persistent;            /* False if "ephemeral": not stored. */
    struct ovsdb_type type;
};

/* An ordered list of columns, e.g. for "columns" in "select" or for an
 * index.  The columns belong to a table schema. */
struct ovsdb_column_set {
    const struct ovsdb_column **columns;
    size_t n, allocated;
};

#define OVSDB_COLUMN_SET_INITIALIZER { NULL, 0, 0 }

void ovsdb_column_set_init(struct ovsdb_column_set *);
void ovsdb_column_set_destroy(struct ovsdb_column_set *);
void ovsdb_column_set_clone(struct ovsdb_column_set *dst,
                            const struct ovsdb_column_set *src);
void ovsdb_column_set_add(struct ovsdb_column_set *,
                          const struct ovsdb_column *);
void ovsdb_column_set_add_all(struct ovsdb_column_set *,
                              const struct ovsdb_table_schema *);
bool ovsdb_column_set_contains(const struct ovsdb_column_set *,
                               unsigned int column_index);
struct json *ovsdb_column_set_to_json(const struct ovsdb_column_set *);

/* Parses 'json', an array of column names of 'ts', into 'set'. */
struct ovsdb_error *ovsdb_column_set_from_json(
    const struct json *json, const struct ovsdb_table_schema *ts,
    struct ovsdb_column_set *set) OVSDB_MUST_USE;

struct ovsdb_table_schema {
    char *name;
    bool mutable;               /* False if no column is mutable. */
    bool is_root;
    unsigned int max_rows;      /* UINT_MAX if unlimited. */
    struct shash columns;       /* Name -> struct ovsdb_column *. */
    struct ovsdb_column **by_index;     /* Columns in index order. */
    size_t n_columns;           /* Including the standard ones. */
    struct ovsdb_column_set *indexes;
    size_t n_indexes;
};

const struct ovsdb_column *ovsdb_table_schema_get_column(
    const struct ovsdb_table_schema *, const char *name);

struct ovsdb_schema {
    char *name;
    char *version;              /* "x.y.z", "" if none was given. */
    char *cksum;                /* "" if none was given. */
    struct shash tables;        /* Name -> struct ovsdb_table_schema *. */
};

/* Parses a complete schema, checking names, types and references.  On
 * success the caller owns '*schemap'. */
struct ovsdb_error *ovsdb_schema_from_json(const struct json *,
                                           struct ovsdb_schema **schemap)
    OVSDB_MUST_USE;
struct ovsdb_error *ovsdb_schema_from_file(const char *file_name,
                                           struct ovsdb_schema **schemap)
    OVSDB_MUST_USE;
struct json *ovsdb_schema_to_json(const struct ovsdb_schema *);
struct ovsdb_schema *ovsdb_schema_clone(const struct ovsdb_schema *);
void ovsdb_schema_destroy(struct ovsdb_schema *);
bool ovsdb_schema_equal(const struct ovsdb_schema *,
                        const struct ovsdb_schema *);

const struct ovsdb_table_schema *ovsdb_schema_get_table(
    const struct ovsdb_schema *, const char *name);

/* Checks that 'version' looks like "x.y.z" with decimal numbers. */
bool ovsdb_is_valid_version(const char *version);

#endif /* ovsdb/schema.h */
