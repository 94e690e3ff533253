/* "mutate" mutations.
 *
 * The arithmetic mutators (+= -= *= /= %=) take one number and apply it to
 * every element of an integer or real column, scalar or set; %= is for
 * integers only.  "insert" and "delete" take a set or map (a set of keys
 * also works for deleting from a map).  Every result is checked the way a
 * value written by "update" would be: against the column's constraints and
 * element limits, and for integers against 64-bit overflow. */

#include <config.h>
#include "mutation.h"
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "ovsdb.h"
#include "schema.h"

static const char *const mutator_names[] = {
    [OVSDB_M_ADD] = "+=",
    [OVSDB_M_SUB] = "-=",
    [OVSDB_M_MUL] = "*=",
    [OVSDB_M_DIV] = "/=",
    [OVSDB_M_MOD] = "%=",
    [OVSDB_M_INSERT] = "insert",
    [OVSDB_M_DELETE] = "delete",
};

const char *
ovsdb_mutator_to_string(enum ovsdb_mutator mutator)
{
    return mutator_names[mutator];
}

static bool
mutator_from_string(const char *s, enum ovsdb_mutator *mutator)
{
    for (size_t i = 0; i < ARRAY_SIZE(mutator_names); i++) {
        if (!strcmp(s, mutator_names[i])) {
            *mutator = i;
            return true;
        }
    }
    return false;
}

static struct ovsdb_error *
type_mismatch(const struct json *json, const char *mutator,
              const struct ovsdb_column *column)
{
    char *type = ovsdb_type_to_english(&column->type);
    struct ovsdb_error *error = ovsdb_syntax_error(
        json, NULL, "Type mismatch: \"%s\" operator may not be applied to "
        "column %s of type %s.", mutator, column->name, type);
    free(type);
    return error;
}

static struct ovsdb_error *
mutation_from_json(const struct ovsdb_table_schema *ts,
                   const struct json *json,
                   struct ovsdb_symbol_table *symtab,
                   struct ovsdb_mutation *m)
{
    if (json->type != JSON_ARRAY || json_array(json)->n != 3
        || json_array(json)->elems[0]->type != JSON_STRING
        || json_array(json)->elems[1]->type != JSON_STRING) {
        return ovsdb_syntax_error(json, NULL, "Parse error in mutation.");
    }
    struct json **elems = json_array(json)->elems;

    const char *column_name = json_string(elems[0]);
    const struct ovsdb_column *column = ovsdb_table_schema_get_column(
        ts, column_name);
    if (!column) {
        return ovsdb_syntax_error(json, "unknown column", "No column %s in "
                                  "table %s.", column_name, ts->name);
    }
    if (!column->mutable || column->index < OVSDB_N_STD_COLUMNS) {
        return ovsdb_syntax_error(json, "constraint violation", "Cannot "
                                  "mutate immutable column %s in table %s.",
                                  column->name, ts->name);
    }

    const char *mutator_name = json_string(elems[1]);
    enum ovsdb_mutator mutator;
    if (!mutator_from_string(mutator_name, &mutator)) {
        return ovsdb_syntax_error(json, "unknown mutator", "No mutator "
                                  "named %s.", mutator_name);
    }

    const struct ovsdb_type *ctype = &column->type;
    m->mutator = mutator;
    m->column = column;
    ovsdb_type_init(&m->type);

    if (mutator == OVSDB_M_INSERT || mutator == OVSDB_M_DELETE) {
        if (!ovsdb_type_is_composite(ctype)
            && !ovsdb_type_is_optional(ctype)) {
            return type_mismatch(json, mutator_name, column);
        }
        ovsdb_type_clone(&m->type, ctype);
        m->type.n_min = 0;
        m->type.n_max = UINT_MAX;
        if (mutator == OVSDB_M_DELETE && ovsdb_type_is_map(ctype)
            && !(elems[2]->type == JSON_ARRAY
                 && json_array(elems[2])->n >= 1
                 && elems[2]->type == JSON_ARRAY
                 && json_array(elems[2])->elems[0]->type == JSON_STRING
                 && !strcmp(json_string(json_array(elems[2])->elems[0]),
                            "map"))) {
            /* Deleting from a map by a set of keys. */
            ovsdb_base_type_destroy(&m->type.value);
            ovsdb_base_type_init(&m->type.value, OVSDB_TYPE_VOID);
        }
    } else {
        enum ovsdb_atomic_type kt = ctype->key.type;
        if (ovsdb_type_is_map(ctype)
            || (kt != OVSDB_TYPE_INTEGER && kt != OVSDB_TYPE_REAL)
            || (mutator == OVSDB_M_MOD && kt != OVSDB_TYPE_INTEGER)) {
            return type_mismatch(json, mutator_name, column);
        }
        /* The operand is a plain number: the column's constraints apply to
         * the result, not to it. */
        ovsdb_base_type_init(&m->type.key, kt);
    }

    struct ovsdb_error *error = ovsdb_datum_from_json(&m->arg, &m->type,
                                                      elems[2], symtab);
    if (!error && (mutator == OVSDB_M_DIV || mutator == OVSDB_M_MOD)) {
        if ((m->type.key.type == OVSDB_TYPE_INTEGER
             && !m->arg.keys[0].integer)
            || (m->type.key.type == OVSDB_TYPE_REAL
                && m->arg.keys[0].real == 0.0)) {
            ovsdb_datum_destroy(&m->arg, &m->type);
            error = ovsdb_error("domain error", "Division by zero.");
        }
    }
    if (error) {
        ovsdb_type_destroy(&m->type);
    }
    return error;
}

struct ovsdb_error *
ovsdb_mutation_set_from_json(const struct ovsdb_table_schema *ts,
                             const struct json *json,
                             struct ovsdb_symbol_table *names,
                             struct ovsdb_mutation_set *set)
{
    set->mutations = NULL;
    set->n_mutations = 0;
    if (json->type != JSON_ARRAY) {
        return ovsdb_syntax_error(json, NULL, "Parse error in mutation "
                                  "list: array expected.");
    }

    size_t n = json_array(json)->n;
    set->mutations = xmalloc((n ? n : 1) * sizeof *set->mutations);
    for (size_t i = 0; i < n; i++) {
        struct ovsdb_error *error = mutation_from_json(
            ts, json_array(json)->elems[i], names,
            &set->mutations[set->n_mutations]);
        if (error) {
            ovsdb_mutation_set_destroy(set);
            return error;
        }
        set->n_mutations++;
    }
    return NULL;
}

struct json *
ovsdb_mutation_set_to_json(const struct ovsdb_mutation_set *set)
{
    struct json *array = json_array_create_empty();
    for (size_t i = 0; i < set->n_mutations; i++) {
        const struct ovsdb_mutation *m = &set->mutations[i];
        json_array_add(array, json_array_create_3(
                           json_string_create(m->column->name),
                           json_string_create(
                               ovsdb_mutator_to_string(m->mutator)),
                           ovsdb_datum_to_json(&m->arg, &m->type)));
    }
    return array;
}

void
ovsdb_mutation_set_destroy(struct ovsdb_mutation_set *set)
{
    for (size_t i = 0; i < set->n_mutations; i++) {
        ovsdb_datum_destroy(&set->mutations[i].arg, &set->mutations[i].type);
        ovsdb_type_destroy(&set->mutations[i].type);
    }
    free(set->mutations);
    set->mutations = NULL;
    set->n_mutations = 0;
}

static struct ovsdb_error *
out_of_range(enum ovsdb_mutator mutator)
{
    return ovsdb_error("range error", "Result of \"%s\" operation is out "
                       "of range.", ovsdb_mutator_to_string(mutator));
}

static struct ovsdb_error *
mutate_integer(int64_t *x, int64_t y, enum ovsdb_mutator mutator)
{
    long long int r;
    switch (mutator) {
    case OVSDB_M_ADD:
        if (__builtin_add_overflow(*x, y, &r)) {
            return out_of_range(mutator);
        }
        break;
    case OVSDB_M_SUB:
        if (__builtin_sub_overflow(*x, y, &r)) {
            return out_of_range(mutator);
        }
        break;
    case OVSDB_M_MUL:
        if (__builtin_mul_overflow(*x, y, &r)) {
            return out_of_range(mutator);
        }
        break;
    case OVSDB_M_DIV:
        if (*x == INT64_MIN && y == -1) {
            return out_of_range(mutator);
        }
        r = *x / y;
        break;
    case OVSDB_M_MOD:
        r = (y == -1 ? 0 : *x % y);
        break;
    case OVSDB_M_INSERT:
    case OVSDB_M_DELETE:
    default:
        return ovsdb_internal_error("bad arithmetic mutator");
    }
    *x = r;
    return NULL;
}

static struct ovsdb_error *
mutate_real(double *x, double y, enum ovsdb_mutator mutator)
{
    double r;
    switch (mutator) {
    case OVSDB_M_ADD:
        r = *x + y;
        break;
    case OVSDB_M_SUB:
        r = *x - y;
        break;
    case OVSDB_M_MUL:
        r = *x * y;
        break;
    case OVSDB_M_DIV:
        r = *x / y;
        break;
    case OVSDB_M_MOD:
    case OVSDB_M_INSERT:
    case OVSDB_M_DELETE:
    default:
        return ovsdb_internal_error("bad arithmetic mutator");
    }
    if (!isfinite(r)) {
        return out_of_range(mutator);
    }
    *x = r;
    return NULL;
}

static struct ovsdb_error *
execute_arithmetic(struct ovsdb_datum *datum, const struct ovsdb_mutation *m)
{
    const struct ovsdb_type *type = &m->column->type;
    for (unsigned int i = 0; i < datum->n; i++) {
        struct ovsdb_error *error = (
            type->key.type == OVSDB_TYPE_INTEGER
            ? mutate_integer(&datum->keys[i].integer,
                             m->arg.keys[0].integer, m->mutator)
            : mutate_real(&datum->keys[i].real, m->arg.keys[0].real,
                          m->mutator));
        if (error) {
            return error;
        }
    }

    struct ovsdb_error *error = ovsdb_datum_sort(datum, type->key.type);
    if (error) {
        ovsdb_error_destroy(error);
        return ovsdb_error("constraint violation", "Result of \"%s\" "
                           "operation contains duplicate values.",
                           ovsdb_mutator_to_string(m->mutator));
    }
    error = ovsdb_datum_check_constraints(datum, type);
    if (error) {
        return ovsdb_wrap_error(error, "Result of \"%s\" operation on "
                                "column %s", ovsdb_mutator_to_string(
                                    m->mutator), m->column->name);
    }
    return NULL;
}

static struct ovsdb_error *
check_size(const struct ovsdb_datum *datum, const struct ovsdb_mutation *m)
{
    const struct ovsdb_type *type = &m->column->type;
    if (datum->n > type->n_max) {
        return ovsdb_error("constraint violation", "Attempted to store %u "
                           "elements in %s column %s, which holds at most "
                           "%u.", datum->n,
                           ovsdb_type_is_map(type) ? "map" : "set",
                           m->column->name, type->n_max);
    } else if (datum->n < type->n_min) {
        return ovsdb_error("constraint violation", "Attempted to store %u "
                           "elements in %s column %s, which needs at least "
                           "%u.", datum->n,
                           ovsdb_type_is_map(type) ? "map" : "set",
                           m->column->name, type->n_min);
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_mutation_set_execute(struct ovsdb_row *row,
                           const struct ovsdb_mutation_set *set)
{
    for (size_t i = 0; i < set->n_mutations; i++) {
        const struct ovsdb_mutation *m = &set->mutations[i];
        struct ovsdb_datum *datum = &row->fields[m->column->index];
        struct ovsdb_error *error;

        if (m->mutator == OVSDB_M_INSERT) {
            ovsdb_datum_union(datum, &m->arg, &m->column->type);
            error = check_size(datum, m);
        } else if (m->mutator == OVSDB_M_DELETE) {
            ovsdb_datum_subtract(datum, &m->column->type, &m->arg, &m->type);
            error = check_size(datum, m);
        } else {
            /* The rest are arithmetic. */
            error = execute_arithmetic(datum, m);
        }
        if (error) {
            return error;
        }
    }
    return NULL;
}
