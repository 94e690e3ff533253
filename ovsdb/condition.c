/* "where" conditions.
 *
 * Each clause compares one column of a row with a constant.  The constant
 * is parsed with the column's type relaxed to "any number of elements",
 * since "includes" and "excludes" naturally take subsets, and comparing a
 * column for equality with a value it could never hold is simply false.
 * The ordering functions apply only to integer and real columns holding at
 * most one value; an empty value satisfies none of them. */

#include <config.h>
#include "condition.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "ovsdb.h"
#include "schema.h"

static const char *const function_names[] = {
    [OVSDB_F_LT] = "<",
    [OVSDB_F_LE] = "<=",
    [OVSDB_F_EQ] = "==",
    [OVSDB_F_NE] = "!=",
    [OVSDB_F_GE] = ">=",
    [OVSDB_F_GT] = ">",
    [OVSDB_F_INCLUDES] = "includes",
    [OVSDB_F_EXCLUDES] = "excludes",
};

const char *
ovsdb_function_to_string(enum ovsdb_function function)
{
    return function_names[function];
}

bool
ovsdb_function_from_string(const char *s, enum ovsdb_function *function)
{
    for (size_t i = 0; i < ARRAY_SIZE(function_names); i++) {
        if (!strcmp(s, function_names[i])) {
            *function = i;
            return true;
        }
    }
    return false;
}

static bool
is_ordering(enum ovsdb_function function)
{
    return function <= OVSDB_F_GT && function != OVSDB_F_EQ
           && function != OVSDB_F_NE;
}

static struct ovsdb_error *
clause_from_json(const struct ovsdb_table_schema *ts,
                 const struct json *json, struct ovsdb_symbol_table *symtab,
                 struct ovsdb_clause *clause)
{
    if (json->type != JSON_ARRAY || json_array(json)->n != 3
        || json_array(json)->elems[0]->type != JSON_STRING
        || json_array(json)->elems[1]->type != JSON_STRING) {
        return ovsdb_syntax_error(json, NULL, "Parse error in condition.");
    }
    const struct json **elems = (const struct json **)
                                json_array(json)->elems;

    const char *column_name = json_string(elems[0]);
    const struct ovsdb_column *column = ovsdb_table_schema_get_column(
        ts, column_name);
    if (!column) {
        return ovsdb_syntax_error(json, "unknown column", "No column %s in "
                                  "table %s.", column_name, ts->name);
    }

    const char *function_name = json_string(elems[1]);
    enum ovsdb_function function;
    if (!ovsdb_function_from_string(function_name, &function)) {
        return ovsdb_syntax_error(json, "unknown function", "No function "
                                  "named %s.", function_name);
    }

    const struct ovsdb_type *ctype = &column->type;
    if (is_ordering(function)
        && (ctype->n_max != 1 || ovsdb_type_is_map(ctype)
            || (ctype->key.type != OVSDB_TYPE_INTEGER
                && ctype->key.type != OVSDB_TYPE_REAL))) {
        char *type = ovsdb_type_to_english(ctype);
        struct ovsdb_error *error = ovsdb_syntax_error(
            json, NULL, "Type mismatch: \"%s\" operator may not be applied "
            "to column %s of type %s.", function_name, column->name, type);
        free(type);
        return error;
    }

    clause->function = function;
    clause->column = column;
    ovsdb_type_clone(&clause->type, ctype);
    clause->type.n_min = 0;
    clause->type.n_max = UINT_MAX;
    struct ovsdb_error *error = ovsdb_datum_from_json(&clause->arg,
                                                      &clause->type,
                                                      elems[2], symtab);
    if (error) {
        ovsdb_type_destroy(&clause->type);
    }
    return error;
}

struct ovsdb_error *
ovsdb_condition_from_json(const struct ovsdb_table_schema *ts,
                          const struct json *json,
                          struct ovsdb_symbol_table *symtab,
                          struct ovsdb_condition *cond)
{
    cond->clauses = NULL;
    cond->n_clauses = 0;
    if (json->type != JSON_ARRAY) {
        return ovsdb_syntax_error(json, NULL, "Parse error in condition: "
                                  "array expected.");
    }

    size_t n = json_array(json)->n;
    cond->clauses = xmalloc((n ? n : 1) * sizeof *cond->clauses);
    for (size_t i = 0; i < n; i++) {
        struct ovsdb_error *error = clause_from_json(
            ts, json_array(json)->elems[i], symtab,
            &cond->clauses[cond->n_clauses]);
        if (error) {
            ovsdb_condition_destroy(cond);
            return error;
        }
        cond->n_clauses++;
    }
    return NULL;
}

struct json *
ovsdb_condition_to_json(const struct ovsdb_condition *cond)
{
    struct json *array = json_array_create_empty();
    for (size_t i = 0; i < cond->n_clauses; i++) {
        const struct ovsdb_clause *c = &cond->clauses[i];
        json_array_add(array, json_array_create_3(
                           json_string_create(c->column->name),
                           json_string_create(
                               ovsdb_function_to_string(c->function)),
                           ovsdb_datum_to_json(&c->arg, &c->type)));
    }
    return array;
}

void
ovsdb_condition_destroy(struct ovsdb_condition *cond)
{
    for (size_t i = 0; i < cond->n_clauses; i++) {
        ovsdb_datum_destroy(&cond->clauses[i].arg, &cond->clauses[i].type);
        ovsdb_type_destroy(&cond->clauses[i].type);
    }
    free(cond->clauses);
    cond->clauses = NULL;
    cond->n_clauses = 0;
}

static bool
evaluate_clause(const struct ovsdb_datum *field,
                const struct ovsdb_clause *c)
{
    const struct ovsdb_type *type = &c->column->type;
    switch (c->function) {
    case OVSDB_F_EQ:
        return ovsdb_datum_equals(field, &c->arg, type);
    case OVSDB_F_NE:
        return !ovsdb_datum_equals(field, &c->arg, type);
    case OVSDB_F_INCLUDES:
        return ovsdb_datum_includes_all(field, &c->arg, type);
    case OVSDB_F_EXCLUDES:
        return ovsdb_datum_excludes_all(field, &c->arg, type);
    case OVSDB_F_LT:
    case OVSDB_F_LE:
    case OVSDB_F_GE:
    case OVSDB_F_GT: {
        if (field->n != 1 || c->arg.n != 1) {
            return false;
        }
        int cmp = ovsdb_atom_compare_3way(&field->keys[0], &c->arg.keys[0],
                                          type->key.type);
        return (c->function == OVSDB_F_LT ? cmp < 0
                : c->function == OVSDB_F_LE ? cmp <= 0
                : c->function == OVSDB_F_GE ? cmp >= 0
                : cmp > 0);
    }
    default:
        return false;
    }
}

bool
ovsdb_condition_evaluate(const struct ovsdb_row *row,
                         const struct ovsdb_condition *cond)
{
    for (size_t i = 0; i < cond->n_clauses; i++) {
        const struct ovsdb_clause *c = &cond->clauses[i];
        if (!evaluate_clause(&row->fields[c->column->index], c)) {
            return false;
        }
    }
    return true;
}
