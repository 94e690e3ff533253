/* "where" conditions (RFC 7047 section 5.1): a list of clauses
 * [column, function, value], all of which a row must satisfy. */

#ifndef OVSDB_CONDITION_H
#define OVSDB_CONDITION_H 1

#include <stdbool.h>
#include <stddef.h>
#include "ovsdb-data.h"
#include "ovsdb-error.h"

struct json;
struct ovsdb_column;
struct ovsdb_row;
struct ovsdb_table_schema;

enum ovsdb_function {
    OVSDB_F_LT, OVSDB_F_LE, OVSDB_F_EQ, OVSDB_F_NE, OVSDB_F_GE, OVSDB_F_GT,
    OVSDB_F_INCLUDES, OVSDB_F_EXCLUDES
};

/* Returns the RFC 7047 name of 'function' ("<", "includes", ...). */
const char *ovsdb_function_to_string(enum ovsdb_function);
bool ovsdb_function_from_string(const char *, enum ovsdb_function *);

struct ovsdb_clause {
    enum ovsdb_function function;
    const struct ovsdb_column *column;
    struct ovsdb_type type;     /* Type of 'arg' (relaxed column type). */
    struct ovsdb_datum arg;
};

/* A conjunction of clauses; no clauses at all is true for every row. */
struct ovsdb_condition {
    size_t n_clauses;
    struct ovsdb_clause *clauses;
};

#define OVSDB_CONDITION_INITIALIZER { .n_clauses = 0, .clauses = NULL }

/* Parses 'json' (an array of clauses) against table schema 'ts'.  On
 * success the caller must ovsdb_condition_destroy() 'cond'. */
struct ovsdb_error *ovsdb_condition_from_json(
    const struct ovsdb_table_schema *ts, const struct json *json,
    struct ovsdb_symbol_table *symtab, struct ovsdb_condition *cond)
    OVSDB_MUST_USE;
struct json *ovsdb_condition_to_json(const struct ovsdb_condition *);
void ovsdb_condition_destroy(struct ovsdb_condition *);

/* Returns true if 'row' satisfies every clause of 'cond'. */
bool ovsdb_condition_evaluate(const struct ovsdb_row *row,
                              const struct ovsdb_condition *cond);

#endif /* ovsdb/condition.h */
