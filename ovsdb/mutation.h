/* "mutate" mutations (RFC 7047 section 5.1): [column, mutator, value]. */

#ifndef OVSDB_MUTATION_H
#define OVSDB_MUTATION_H 1

#include <stddef.h>
#include "ovsdb-data.h"
#include "ovsdb-error.h"

struct json;
struct ovsdb_column;
struct ovsdb_row;
struct ovsdb_table_schema;

enum ovsdb_mutator {
    OVSDB_M_ADD, OVSDB_M_SUB, OVSDB_M_MUL, OVSDB_M_DIV, OVSDB_M_MOD,
    OVSDB_M_INSERT, OVSDB_M_DELETE
};

const char *ovsdb_mutator_to_string(enum ovsdb_mutator);

struct ovsdb_mutation {
    enum ovsdb_mutator mutator;
    const struct ovsdb_column *column;
    struct ovsdb_type type;     /* Type of 'arg'. */
    struct ovsdb_datum arg;
};

struct ovsdb_mutation_set {
    struct ovsdb_mutation *mutations;
    size_t n_mutations;
};

/* Parses 'json', an array of mutations, against 'ts'.  On success the
 * caller must ovsdb_mutation_set_destroy() 'set'. */
struct ovsdb_error *ovsdb_mutation_set_from_json(
    const struct ovsdb_table_schema *ts, const struct json *json,
    struct ovsdb_symbol_table *symtab, struct ovsdb_mutation_set *set)
    OVSDB_MUST_USE;
struct json *ovsdb_mutation_set_to_json(const struct ovsdb_mutation_set *);
void ovsdb_mutation_set_destroy(struct ovsdb_mutation_set *);

/* Applies every mutation in 'set' to 'row'.  On error 'row' may be partly
 * mutated: callers work on a transaction's copy, which they abort. */
struct ovsdb_error *ovsdb_mutation_set_execute(
    struct ovsdb_row *row, const struct ovsdb_mutation_set *set)
    OVSDB_MUST_USE;

#endif /* ovsdb/mutation.h */
