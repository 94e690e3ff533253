/* Executing the operations of an RFC 7047 "transact" request.
 *
 * All operations run inside one transaction.  The first operation that
 * fails puts its error in its slot of the result array, the remaining slots
 * are null, and nothing is committed.  If every operation succeeds, the
 * transaction is committed; a failure there (a broken reference, a row
 * limit, a unique index, the disk) is reported as one more element after
 * the per-operation results.
 *
 * A "wait" operation whose condition does not hold yet makes the whole
 * request "not done": everything is undone and the caller runs the request
 * again after the database changes, until the wait is satisfied or its
 * timeout expires. */

#include <config.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "condition.h"
#include "mutation.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "ovsdb-parser.h"
#include "ovsdb.h"
#include "transaction.h"

struct exec_ctx {
    struct ovsdb *db;
    struct ovsdb_txn *txn;
    struct ovsdb_symbol_table *symtab;
    bool durable;
    bool not_done;              /* A "wait" is not satisfied yet. */
    long long int elapsed_msec;
    long long int timeout_msec; /* Earliest "wait" timeout. */
    bool (*has_lock)(const void *aux, const char *lock_name);
    const void *lock_aux;
};

typedef struct ovsdb_error *op_func(struct exec_ctx *, struct ovsdb_parser *,
                                    struct json *result);

static struct ovsdb_table *
parse_table(struct exec_ctx *x, struct ovsdb_parser *parser,
            struct ovsdb_error **errorp)
{
    const struct json *json = ovsdb_parser_member(parser, "table", OP_ID);
    *errorp = NULL;
    if (!json) {
        return NULL;
    }
    struct ovsdb_table *table = ovsdb_get_table(x->db, json_string(json));
    if (!table) {
        *errorp = ovsdb_syntax_error(json, "unknown table", "No table "
                                     "named %s.", json_string(json));
    }
    return table;
}

static struct ovsdb_error *
parse_row(const struct json *json, struct ovsdb_table *table,
          struct ovsdb_symbol_table *symtab, struct ovsdb_row **rowp,
          struct ovsdb_column_set *columns)
{
    *rowp = NULL;
    if (!json) {
        return NULL;
    }
    struct ovsdb_row *row = ovsdb_row_create(table);
    struct ovsdb_error *error = ovsdb_row_from_json(row, json, symtab,
                                                    columns);
    if (error) {
        ovsdb_row_destroy(row);
        return error;
    }
    *rowp = row;
    return NULL;
}

static struct ovsdb_error *
parse_where(struct exec_ctx *x, struct ovsdb_parser *parser,
            const struct ovsdb_table *table, struct ovsdb_condition *cond)
{
    const struct json *where = ovsdb_parser_member(parser, "where",
                                                   OP_ARRAY);
    if (!where) {
        return NULL;
    }
    return ovsdb_condition_from_json(table->schema, where, x->symtab, cond);
}

/* Collects the rows of 'table' that satisfy 'cond', in a stable order
 * (by UUID), into a new array that the caller frees. */
static int
compare_rows_by_uuid(const void *a_, const void *b_)
{
    const struct ovsdb_row *const *a = a_, *const *b = b_;
    union ovsdb_atom ua = { .uuid = *ovsdb_row_get_uuid(*a) };
    union ovsdb_atom ub = { .uuid = *ovsdb_row_get_uuid(*b) };
    return ovsdb_atom_compare_3way(&ua, &ub, OVSDB_TYPE_UUID);
}

static const struct ovsdb_row **
query(const struct ovsdb_table *table, const struct ovsdb_condition *cond,
      size_t *n)
{
    const struct ovsdb_row **rows = xmalloc(
        (hmap_count(&table->rows) + 1) * sizeof *rows);
    *n = 0;

    /* "_uuid == X" is answered by a lookup instead of a scan. */
    if (cond->n_clauses && cond->clauses[0].function == OVSDB_F_EQ
        && cond->clauses[0].column->index == OVSDB_COL_UUID) {
        const struct ovsdb_datum *arg = &cond->clauses[0].arg;
        if (arg->n == 1) {
            const struct ovsdb_row *row = ovsdb_table_get_row(
                table, &arg->keys[0].uuid);
            if (row && ovsdb_condition_evaluate(row, cond)) {
                rows[(*n)++] = row;
            }
        }
        return rows;
    }

    const struct ovsdb_row *row;
    HMAP_FOR_EACH (row, hmap_node, &table->rows) {
        if (ovsdb_condition_evaluate(row, cond)) {
            rows[(*n)++] = row;
        }
    }
    qsort(rows, *n, sizeof *rows, compare_rows_by_uuid);
    return rows;
}

static struct ovsdb_error *
execute_insert(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    const struct json *uuid_name = ovsdb_parser_member(
        parser, "uuid-name", OP_ID | OP_OPTIONAL);
    const struct json *uuid_json = ovsdb_parser_member(
        parser, "uuid", OP_STRING | OP_OPTIONAL);
    const struct json *row_json = ovsdb_parser_member(
        parser, "row", OP_OBJECT | OP_OPTIONAL);
    if (error || ovsdb_parser_has_error(parser)) {
        return error;
    }

    struct uuid uuid;
    if (uuid_json) {
        if (!uuid_from_string(&uuid, json_string(uuid_json))) {
            return ovsdb_syntax_error(uuid_json, NULL, "bad uuid");
        }
        if (ovsdb_table_get_row(table, &uuid)) {
            return ovsdb_error("duplicate uuid", "This UUID would duplicate "
                               "a UUID already present within the table.");
        }
    } else {
        uuid_generate(&uuid);
    }

    if (uuid_name) {
        const char *name = json_string(uuid_name);
        struct ovsdb_symbol *symbol = ovsdb_symbol_table_find(x->symtab,
                                                              name);
        if (symbol && symbol->created) {
            return ovsdb_syntax_error(uuid_name, "duplicate uuid-name",
                                      "This \"uuid-name\" appeared on an "
                                      "earlier \"insert\" operation.");
        }
        if (!symbol) {
            symbol = ovsdb_symbol_table_put(x->symtab, name, &uuid, true);
        } else if (uuid_json) {
            return ovsdb_syntax_error(uuid_json, NULL, "\"uuid\" conflicts "
                                      "with an earlier reference to "
                                      "\"uuid-name\" %s.", name);
        }
        symbol->created = true;
        uuid = symbol->uuid;
    }

    struct ovsdb_row *row;
    error = parse_row(row_json, table, x->symtab, &row, NULL);
    if (error) {
        return error;
    }
    if (!row) {
        row = ovsdb_row_create(table);
    }
    *ovsdb_row_get_uuid_rw(row) = uuid;
    ovsdb_txn_row_insert(x->txn, row);

    json_object_put(result, "uuid", ovsdb_atom_to_json(
                        &(union ovsdb_atom) { .uuid = uuid },
                        OVSDB_TYPE_UUID));
    return NULL;
}

static struct ovsdb_error *
execute_select(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    if (error || !table) {
        return error;
    }

    struct ovsdb_condition cond = OVSDB_CONDITION_INITIALIZER;
    struct ovsdb_column_set columns = OVSDB_COLUMN_SET_INITIALIZER;
    error = parse_where(x, parser, table, &cond);
    const struct json *columns_json = ovsdb_parser_member(
        parser, "columns", OP_ARRAY | OP_OPTIONAL);
    if (!error && columns_json) {
        error = ovsdb_column_set_from_json(columns_json, table->schema,
                                           &columns);
    } else if (!error) {
        ovsdb_column_set_add_all(&columns, table->schema);
    }

    if (!error && !ovsdb_parser_has_error(parser)) {
        size_t n;
        const struct ovsdb_row **rows = query(table, &cond, &n);
        struct json *array = json_array_create_empty();
        for (size_t i = 0; i < n; i++) {
            json_array_add(array, ovsdb_row_to_json(rows[i], &columns));
        }
        free(rows);
        json_object_put(result, "rows", array);
    }
    ovsdb_column_set_destroy(&columns);
    ovsdb_condition_destroy(&cond);
    return error;
}

static struct ovsdb_error *
execute_update(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    if (error || !table) {
        return error;
    }

    struct ovsdb_condition cond = OVSDB_CONDITION_INITIALIZER;
    struct ovsdb_column_set columns = OVSDB_COLUMN_SET_INITIALIZER;
    struct ovsdb_row *row = NULL;
    const struct json *row_json = ovsdb_parser_member(parser, "row",
                                                      OP_OBJECT);
    error = parse_where(x, parser, table, &cond);
    if (!error && row_json) {
        error = parse_row(row_json, table, x->symtab, &row, &columns);
    }
    for (size_t i = 0; !error && i < columns.n; i++) {
        if (!columns.columns[i]->mutable) {
            error = ovsdb_syntax_error(row_json, "constraint violation",
                                       "Cannot update immutable column %s "
                                       "in table %s.",
                                       columns.columns[i]->name,
                                       table->schema->name);
        }
    }

    if (!error && !ovsdb_parser_has_error(parser)) {
        size_t n;
        const struct ovsdb_row **rows = query(table, &cond, &n);
        for (size_t i = 0; i < n; i++) {
            struct ovsdb_row *dst = ovsdb_txn_row_modify(x->txn, rows[i]);
            ovsdb_row_update_columns(dst, row, &columns);
        }
        free(rows);
        json_object_put(result, "count", json_integer_create(n));
    }
    ovsdb_row_destroy(row);
    ovsdb_column_set_destroy(&columns);
    ovsdb_condition_destroy(&cond);
    return error;
}

static struct ovsdb_error *
execute_mutate(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    if (error || !table) {
        return error;
    }

    struct ovsdb_condition cond = OVSDB_CONDITION_INITIALIZER;
    struct ovsdb_mutation_set mutations = { NULL, 0 };
    const struct json *mutations_json = ovsdb_parser_member(
        parser, "mutations", OP_ARRAY);
    error = parse_where(x, parser, table, &cond);
    if (!error && mutations_json) {
        error = ovsdb_mutation_set_from_json(table->schema, mutations_json,
                                             x->symtab, &mutations);
    }

    if (!error && !ovsdb_parser_has_error(parser)) {
        size_t n;
        const struct ovsdb_row **rows = query(table, &cond, &n);
        for (size_t i = 0; !error && i < n; i++) {
            struct ovsdb_row *dst = ovsdb_txn_row_modify(x->txn, rows[i]);
            error = ovsdb_mutation_set_execute(dst, &mutations);
        }
        free(rows);
        if (!error) {
            json_object_put(result, "count", json_integer_create(n));
        }
    }
    ovsdb_mutation_set_destroy(&mutations);
    ovsdb_condition_destroy(&cond);
    return error;
}

static struct ovsdb_error *
execute_delete(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    if (error || !table) {
        return error;
    }

    struct ovsdb_condition cond = OVSDB_CONDITION_INITIALIZER;
    error = parse_where(x, parser, table, &cond);
    if (!error && !ovsdb_parser_has_error(parser)) {
        size_t n;
        const struct ovsdb_row **rows = query(table, &cond, &n);
        for (size_t i = 0; i < n; i++) {
            ovsdb_txn_row_delete(x->txn, rows[i]);
        }
        free(rows);
        json_object_put(result, "count", json_integer_create(n));
    }
    ovsdb_condition_destroy(&cond);
    return error;
}

/* A row projected onto some columns, for comparing multisets of rows. */
static int
compare_projected(const void *a_, const void *b_, void *columns_)
{
    const struct ovsdb_row *const *a = a_, *const *b = b_;
    return ovsdb_row_compare_columns_3way(*a, *b, columns_);
}

static struct ovsdb_error *
execute_wait(struct exec_ctx *x, struct ovsdb_parser *parser,
             struct json *result)
{
    struct ovsdb_error *error;
    struct ovsdb_table *table = parse_table(x, parser, &error);
    if (error || !table) {
        return error;
    }

    const struct json *timeout = ovsdb_parser_member(
        parser, "timeout", OP_INTEGER | OP_OPTIONAL);
    /* RFC 7047 lists "columns" as required, but Open vSwitch's clients
     * omit it (e.g. ovs-vsctl's opening "wait" on the root row); then the
     * rows are compared on the columns that they name. */
    const struct json *columns_json = ovsdb_parser_member(
        parser, "columns", OP_ARRAY | OP_OPTIONAL);
    const struct json *until = ovsdb_parser_member(parser, "until",
                                                   OP_STRING);
    const struct json *rows_json = ovsdb_parser_member(parser, "rows",
                                                       OP_ARRAY);
    struct ovsdb_condition cond = OVSDB_CONDITION_INITIALIZER;
    struct ovsdb_column_set columns = OVSDB_COLUMN_SET_INITIALIZER;
    error = parse_where(x, parser, table, &cond);
    if (error || ovsdb_parser_has_error(parser)) {
        goto exit;
    }

    bool want_equal;
    if (!strcmp(json_string(until), "==")) {
        want_equal = true;
    } else if (!strcmp(json_string(until), "!=")) {
        want_equal = false;
    } else {
        error = ovsdb_syntax_error(until, NULL, "\"until\" must be \"==\" "
                                   "or \"!=\".");
        goto exit;
    }
    if (columns_json) {
        error = ovsdb_column_set_from_json(columns_json, table->schema,
                                           &columns);
        if (error) {
            goto exit;
        }
    }

    /* Parse the expected rows. */
    size_t n_expected = json_array(rows_json)->n;
    struct ovsdb_row **expected = xcalloc(n_expected + 1, sizeof *expected);
    for (size_t i = 0; !error && i < n_expected; i++) {
        struct ovsdb_column_set given = OVSDB_COLUMN_SET_INITIALIZER;
        error = parse_row(json_array(rows_json)->elems[i], table, x->symtab,
                          &expected[i], &given);
        for (size_t j = 0; !error && j < given.n; j++) {
            unsigned int idx = given.columns[j]->index;
            if (!columns_json) {
                if (!ovsdb_column_set_contains(&columns, idx)) {
                    ovsdb_column_set_add(&columns, given.columns[j]);
                }
            } else if (!ovsdb_column_set_contains(&columns, idx)) {
                error = ovsdb_syntax_error(
                    json_array(rows_json)->elems[i], NULL, "wait row has "
                    "column %s that is not in \"columns\"",
                    given.columns[j]->name);
            }
        }
        ovsdb_column_set_destroy(&given);
    }

    if (!error) {
        size_t n_actual;
        const struct ovsdb_row **actual = query(table, &cond, &n_actual);
        bool equal = n_actual == n_expected;
        if (equal) {
            qsort_r(actual, n_actual, sizeof *actual, compare_projected,
                    &columns);
            qsort_r(expected, n_expected, sizeof *expected,
                    compare_projected, &columns);
            for (size_t i = 0; equal && i < n_actual; i++) {
                equal = ovsdb_row_equal_columns(actual[i], expected[i],
                                                &columns);
            }
        }
        free(actual);

        if (equal != want_equal) {
            long long int t = timeout ? json_integer(timeout) : LLONG_MAX;
            if (t <= x->elapsed_msec) {
                error = ovsdb_error("timed out", "\"wait\" timed out");
            } else {
                x->not_done = true;
                if (t < x->timeout_msec) {
                    x->timeout_msec = t;
                }
            }
        }
    }
    for (size_t i = 0; i < n_expected; i++) {
        ovsdb_row_destroy(expected[i]);
    }
    free(expected);

exit:
    ovsdb_column_set_destroy(&columns);
    ovsdb_condition_destroy(&cond);
    (void) result;
    return error;
}

static struct ovsdb_error *
execute_commit(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    const struct json *durable = ovsdb_parser_member(parser, "durable",
                                                     OP_BOOLEAN);
    if (durable && json_boolean(durable)) {
        x->durable = true;
    }
    return NULL;
}

static struct ovsdb_error *
execute_abort(struct exec_ctx *x, struct ovsdb_parser *parser,
              struct json *result)
{
    return ovsdb_error("aborted", "Aborted by request.");
}

static struct ovsdb_error *
execute_comment(struct exec_ctx *x, struct ovsdb_parser *parser,
                struct json *result)
{
    const struct json *comment = ovsdb_parser_member(parser, "comment",
                                                     OP_STRING);
    if (comment) {
        ovsdb_txn_add_comment(x->txn, json_string(comment));
    }
    return NULL;
}

static struct ovsdb_error *
execute_assert(struct exec_ctx *x, struct ovsdb_parser *parser,
               struct json *result)
{
    const struct json *lock = ovsdb_parser_member(parser, "lock", OP_ID);
    if (lock && !(x->has_lock
                  && x->has_lock(x->lock_aux, json_string(lock)))) {
        return ovsdb_error("not owner", "Asserted lock %s not held.",
                           json_string(lock));
    }
    return NULL;
}

static const struct {
    const char *name;
    op_func *func;
} operations[] = {
    { "insert", execute_insert },
    { "select", execute_select },
    { "update", execute_update },
    { "mutate", execute_mutate },
    { "delete", execute_delete },
    { "wait", execute_wait },
    { "commit", execute_commit },
    { "abort", execute_abort },
    { "comment", execute_comment },
    { "assert", execute_assert },
};

static op_func *
lookup_operation(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(operations); i++) {
        if (!strcmp(operations[i].name, name)) {
            return operations[i].func;
        }
    }
    return NULL;
}

static struct ovsdb_error *
execute_one(struct exec_ctx *x, const struct json *op, size_t idx,
            size_t n_ops, struct json **resultp)
{
    *resultp = NULL;

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, op, "ovsdb operation %zu of %zu", idx + 1,
                      n_ops);
    const struct json *op_name = ovsdb_parser_member(&parser, "op",
                                                     OP_ID);
    if (!op_name) {
        return ovsdb_parser_finish(&parser);
    }

    op_func *func = lookup_operation(json_string(op_name));
    if (!func) {
        ovsdb_parser_destroy(&parser);
        return ovsdb_syntax_error(op, "unknown operation", "No operation "
                                  "\"%s\"", json_string(op_name));
    }

    struct json *result = json_object_create();
    struct ovsdb_error *error = func(x, &parser, result);
    struct ovsdb_error *parse_error = ovsdb_parser_finish(&parser);
    if (!error) {
        error = parse_error;
    } else {
        ovsdb_error_destroy(parse_error);
    }
    if (error) {
        json_destroy(result);
        return error;
    }
    *resultp = result;
    return NULL;
}

struct json *
ovsdb_execute(struct ovsdb *db, const struct json *params,
              bool (*has_lock)(const void *aux, const char *lock_name),
              const void *lock_aux, long long int elapsed_msec,
              long long int *timeout_msec)
{
    *timeout_msec = LLONG_MAX;
    if (params->type != JSON_ARRAY || !json_array(params)->n
        || json_array(params)->elems[0]->type != JSON_STRING
        || strcmp(json_string(json_array(params)->elems[0]),
                  db->schema->name)) {
        struct ovsdb_error *error = (
            params->type != JSON_ARRAY || !json_array(params)->n
            ? ovsdb_syntax_error(params, NULL, "array expected")
            : ovsdb_syntax_error(params, "unknown database", "%s",
                                 "first element of params must be the "
                                 "name of the database to query"));
        return ovsdb_error_to_json_free(error);
    }

    struct exec_ctx x = {
        .db = db,
        .txn = ovsdb_txn_create(db),
        .symtab = ovsdb_symbol_table_create(),
        .elapsed_msec = elapsed_msec,
        .timeout_msec = LLONG_MAX,
        .has_lock = has_lock,
        .lock_aux = lock_aux,
    };

    size_t n_ops = json_array(params)->n - 1;
    struct json *results = json_array_create_empty();
    struct ovsdb_error *error = NULL;
    for (size_t i = 0; i < n_ops; i++) {
        const struct json *op = json_array(params)->elems[i + 1];
        struct json *result;
        error = execute_one(&x, op, i, n_ops, &result);
        if (error) {
            json_array_add(results, ovsdb_error_to_json_free(error));
            while (json_array(results)->n < n_ops) {
                json_array_add(results, json_null_create());
            }
            break;
        }
        json_array_add(results, result);
    }

    if (!error && x.not_done) {
        ovsdb_txn_abort(x.txn);
        json_destroy(results);
        results = NULL;
        *timeout_msec = x.timeout_msec;
    } else if (error) {
        ovsdb_txn_abort(x.txn);
    } else {
        const char *uncreated = ovsdb_symbol_table_find_uncreated(x.symtab);
        if (uncreated) {
            ovsdb_txn_abort(x.txn);
            error = ovsdb_error("syntax error", "named-uuid \"%s\" is not the "
                                "uuid-name of any insert operation in this "
                                "transaction", uncreated);
        } else {
            error = ovsdb_txn_commit(x.txn, x.durable);
        }
        if (error) {
            json_array_add(results, ovsdb_error_to_json_free(error));
        }
    }
    ovsdb_symbol_table_destroy(x.symtab);
    return results;
}
