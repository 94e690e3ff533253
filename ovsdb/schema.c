/* Database schemas: parsing, checking and printing.
 *
 * Parsing goes top-down (database, tables, columns, types) and then makes
 * one pass over every column of type uuid to resolve "refTable" names, so a
 * table may refer to a table defined after it.  Names starting with "_" are
 * reserved for the standard columns. */

#include <config.h>
#include "schema.h"
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "ovsdb-data.h"
#include "ovsdb-parser.h"

/* ------------------------------------------------------------------ */
/* Column sets. */

void
ovsdb_column_set_init(struct ovsdb_column_set *set)
{
    set->columns = NULL;
    set->n = set->allocated = 0;
}

void
ovsdb_column_set_destroy(struct ovsdb_column_set *set)
{
    free(set->columns);
    ovsdb_column_set_init(set);
}

void
ovsdb_column_set_clone(struct ovsdb_column_set *dst,
                       const struct ovsdb_column_set *src)
{
    dst->columns = (src->n
                    ? xmemdup(src->columns, src->n * sizeof *src->columns)
                    : NULL);
    dst->n = dst->allocated = src->n;
}

void
ovsdb_column_set_add(struct ovsdb_column_set *set,
                     const struct ovsdb_column *column)
{
    if (set->n >= set->allocated) {
        set->allocated = set->allocated ? 2 * set->allocated : 8;
        set->columns = xrealloc(set->columns,
                                set->allocated * sizeof *set->columns);
    }
    set->columns[set->n++] = column;
}

void
ovsdb_column_set_add_all(struct ovsdb_column_set *set,
                         const struct ovsdb_table_schema *ts)
{
    for (size_t i = 0; i < ts->n_columns; i++) {
        ovsdb_column_set_add(set, ts->by_index[i]);
    }
}

bool
ovsdb_column_set_contains(const struct ovsdb_column_set *set,
                          unsigned int column_index)
{
    for (size_t i = 0; i < set->n; i++) {
        if (set->columns[i]->index == column_index) {
            return true;
        }
    }
    return false;
}

struct json *
ovsdb_column_set_to_json(const struct ovsdb_column_set *set)
{
    struct json *array = json_array_create_empty();
    for (size_t i = 0; i < set->n; i++) {
        json_array_add(array, json_string_create(set->columns[i]->name));
    }
    return array;
}

struct ovsdb_error *
ovsdb_column_set_from_json(const struct json *json,
                           const struct ovsdb_table_schema *ts,
                           struct ovsdb_column_set *set)
{
    ovsdb_column_set_init(set);
    if (json->type != JSON_ARRAY) {
        return ovsdb_syntax_error(json, NULL, "array of column names "
                                  "expected");
    }
    for (size_t i = 0; i < json_array(json)->n; i++) {
        const struct json *name = json_array(json)->elems[i];
        if (name->type != JSON_STRING) {
            ovsdb_column_set_destroy(set);
            return ovsdb_syntax_error(json, NULL, "array of column names "
                                      "expected");
        }
        const struct ovsdb_column *column = ovsdb_table_schema_get_column(
            ts, json_string(name));
        if (!column) {
            ovsdb_column_set_destroy(set);
            return ovsdb_syntax_error(json, "unknown column", "No column "
                                      "%s in table %s.", json_string(name),
                                      ts->name);
        }
        if (ovsdb_column_set_contains(set, column->index)) {
            ovsdb_column_set_destroy(set);
            return ovsdb_syntax_error(json, NULL, "column %s appears more "
                                      "than once", column->name);
        }
        ovsdb_column_set_add(set, column);
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Columns. */

static struct ovsdb_column *
column_create(const char *name, bool mutable, bool persistent,
              const struct ovsdb_type *type)
{
    struct ovsdb_column *c = xzalloc(sizeof *c);
    *c = (struct ovsdb_column) {
        .name = xstrdup(name),
        .mutable = mutable,
        .persistent = persistent,
    };
    ovsdb_type_clone(&c->type, type);
    return c;
}

static void
column_destroy(struct ovsdb_column *column)
{
    if (column) {
        ovsdb_type_destroy(&column->type);
        free(column->name);
        free(column);
    }
}

static struct ovsdb_error *
column_from_json(const struct json *json, const char *name,
                 struct ovsdb_column **columnp)
{
    *columnp = NULL;

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, json, "schema for column %s", name);
    const struct json *mutable_json = ovsdb_parser_member(
        &parser, "mutable", OP_BOOLEAN | OP_OPTIONAL);
    const struct json *ephemeral = ovsdb_parser_member(
        &parser, "ephemeral", OP_BOOLEAN | OP_OPTIONAL);
    const struct json *type_json = ovsdb_parser_member(
        &parser, "type", OP_STRING | OP_OBJECT);
    struct ovsdb_error *error = ovsdb_parser_finish(&parser);
    if (error) {
        return error;
    }

    struct ovsdb_type type;
    error = ovsdb_type_from_json(&type, type_json);
    if (error) {
        return ovsdb_wrap_error(error, "column %s", name);
    }
    *columnp = column_create(name,
                             mutable_json ? json_boolean(mutable_json) : true,
                             ephemeral ? !json_boolean(ephemeral) : true,
                             &type);
    ovsdb_type_destroy(&type);
    return NULL;
}

static struct json *
column_to_json(const struct ovsdb_column *column)
{
    struct json *obj = json_object_create();
    json_object_put(obj, "type", ovsdb_type_to_json(&column->type));
    if (!column->mutable) {
        json_object_put(obj, "mutable", json_boolean_create(false));
    }
    if (!column->persistent) {
        json_object_put(obj, "ephemeral", json_boolean_create(true));
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Tables. */

const struct ovsdb_column *
ovsdb_table_schema_get_column(const struct ovsdb_table_schema *ts,
                              const char *name)
{
    return shash_find_data(&ts->columns, name);
}

static void
table_schema_destroy(struct ovsdb_table_schema *ts)
{
    if (!ts) {
        return;
    }
    for (size_t i = 0; i < ts->n_indexes; i++) {
        ovsdb_column_set_destroy(&ts->indexes[i]);
    }
    free(ts->indexes);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &ts->columns) {
        column_destroy(node->data);
    }
    shash_destroy(&ts->columns);
    free(ts->by_index);
    free(ts->name);
    free(ts);
}

static int
compare_column_names(const void *a_, const void *b_)
{
    const struct ovsdb_column *const *a = a_;
    const struct ovsdb_column *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

/* Numbers the columns of 'ts': standard columns first, then by name. */
static void
table_schema_number_columns(struct ovsdb_table_schema *ts)
{
    ts->n_columns = shash_count(&ts->columns);
    ts->by_index = xmalloc(ts->n_columns * sizeof *ts->by_index);

    size_t n = OVSDB_N_STD_COLUMNS;
    struct shash_node *node;
    SHASH_FOR_EACH (node, &ts->columns) {
        struct ovsdb_column *column = node->data;
        if (!strcmp(column->name, "_uuid")) {
            ts->by_index[OVSDB_COL_UUID] = column;
        } else if (!strcmp(column->name, "_version")) {
            ts->by_index[OVSDB_COL_VERSION] = column;
        } else {
            ts->by_index[n++] = column;
        }
    }
    qsort(ts->by_index + OVSDB_N_STD_COLUMNS, n - OVSDB_N_STD_COLUMNS,
          sizeof *ts->by_index, compare_column_names);
    for (size_t i = 0; i < ts->n_columns; i++) {
        ts->by_index[i]->index = i;
    }
}

static struct ovsdb_table_schema *
table_schema_create(const char *name, bool is_root, unsigned int max_rows)
{
    struct ovsdb_table_schema *ts = xzalloc(sizeof *ts);
    ts->name = xstrdup(name);
    ts->is_root = is_root;
    ts->max_rows = max_rows;
    shash_init(&ts->columns);

    /* The standard columns are never mutable and always persistent. */
    struct ovsdb_column *uuid = column_create("_uuid", false, true,
                                              &ovsdb_type_uuid);
    struct ovsdb_column *version = column_create("_version", false, false,
                                                 &ovsdb_type_uuid);
    shash_add(&ts->columns, uuid->name, uuid);
    shash_add(&ts->columns, version->name, version);
    return ts;
}

static struct ovsdb_error *
table_schema_from_json(const struct json *json, const char *name,
                       struct ovsdb_table_schema **tsp)
{
    *tsp = NULL;

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, json, "table schema for table %s", name);
    const struct json *columns = ovsdb_parser_member(&parser, "columns",
                                                     OP_OBJECT);
    const struct json *max_rows = ovsdb_parser_member(
        &parser, "maxRows", OP_INTEGER | OP_OPTIONAL);
    const struct json *is_root = ovsdb_parser_member(
        &parser, "isRoot", OP_BOOLEAN | OP_OPTIONAL);
    const struct json *indexes = ovsdb_parser_member(
        &parser, "indexes", OP_ARRAY | OP_OPTIONAL);
    struct ovsdb_error *error = ovsdb_parser_finish(&parser);
    if (error) {
        return error;
    }

    unsigned int n_max_rows = UINT_MAX;
    if (max_rows) {
        if (json_integer(max_rows) <= 0
            || json_integer(max_rows) >= UINT_MAX) {
            return ovsdb_syntax_error(json, NULL, "table %s: maxRows must "
                                      "be at least 1", name);
        }
        n_max_rows = json_integer(max_rows);
    }
    if (shash_is_empty(json_object(columns))) {
        return ovsdb_syntax_error(json, NULL, "table %s must have at least "
                                  "one column", name);
    }

    struct ovsdb_table_schema *ts = table_schema_create(
        name, is_root ? json_boolean(is_root) : false, n_max_rows);
    ts->mutable = false;

    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(columns)) {
        if (node->name[0] == '_') {
            error = ovsdb_syntax_error(json, NULL, "table %s: names "
                                       "beginning with \"_\" are reserved",
                                       name);
        } else if (!ovsdb_parser_is_id(node->name)) {
            error = ovsdb_syntax_error(json, NULL, "table %s: \"%s\" is not "
                                       "a valid column name", name,
                                       node->name);
        } else {
            struct ovsdb_column *column;
            error = column_from_json(node->data, node->name, &column);
            if (!error) {
                if (column->mutable) {
                    ts->mutable = true;
                }
                shash_add(&ts->columns, column->name, column);
            }
        }
        if (error) {
            table_schema_destroy(ts);
            return error;
        }
    }
    table_schema_number_columns(ts);

    if (indexes) {
        size_t n = json_array(indexes)->n;
        ts->indexes = xcalloc(n ? n : 1, sizeof *ts->indexes);
        for (size_t i = 0; i < n; i++) {
            struct ovsdb_column_set *index = &ts->indexes[i];
            error = ovsdb_column_set_from_json(json_array(indexes)->elems[i],
                                               ts, index);
            if (!error && !index->n) {
                ovsdb_column_set_destroy(index);
                error = ovsdb_syntax_error(json, NULL, "table %s: index "
                                           "must have at least one column",
                                           name);
            }
            for (size_t j = 0; !error && j < index->n; j++) {
                if (!index->columns[j]->persistent) {
                    error = ovsdb_syntax_error(
                        json, NULL, "table %s: ephemeral column %s may not "
                        "be indexed", name, index->columns[j]->name);
                    ovsdb_column_set_destroy(index);
                }
            }
            if (error) {
                table_schema_destroy(ts);
                return ovsdb_wrap_error(error, "table %s index %zu", name,
                                        i);
            }
            ts->n_indexes++;
        }
    }

    *tsp = ts;
    return NULL;
}

static struct json *
table_schema_to_json(const struct ovsdb_table_schema *ts, bool all_root)
{
    struct json *obj = json_object_create();
    struct json *columns = json_object_create();
    for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
        json_object_put(columns, ts->by_index[i]->name,
                        column_to_json(ts->by_index[i]));
    }
    json_object_put(obj, "columns", columns);
    if (ts->is_root && !all_root) {
        json_object_put(obj, "isRoot", json_boolean_create(true));
    }
    if (ts->max_rows != UINT_MAX) {
        json_object_put(obj, "maxRows", json_integer_create(ts->max_rows));
    }
    if (ts->n_indexes) {
        struct json *indexes = json_array_create_empty();
        for (size_t i = 0; i < ts->n_indexes; i++) {
            json_array_add(indexes,
                           ovsdb_column_set_to_json(&ts->indexes[i]));
        }
        json_object_put(obj, "indexes", indexes);
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Whole schemas. */

bool
ovsdb_is_valid_version(const char *s)
{
    for (int part = 0; part < 3; part++) {
        if (part && *s++ != '.') {
            return false;
        }
        if (!isdigit((unsigned char) *s)) {
            return false;
        }
        while (isdigit((unsigned char) *s)) {
            s++;
        }
    }
    return *s == '\0';
}

const struct ovsdb_table_schema *
ovsdb_schema_get_table(const struct ovsdb_schema *schema, const char *name)
{
    return shash_find_data(&schema->tables, name);
}

void
ovsdb_schema_destroy(struct ovsdb_schema *schema)
{
    if (!schema) {
        return;
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, &schema->tables) {
        table_schema_destroy(node->data);
    }
    shash_destroy(&schema->tables);
    char *strings[] = { schema->name, schema->version, schema->cksum };
    for (size_t i = 0; i < ARRAY_SIZE(strings); i++) {
        free(strings[i]);
    }
    free(schema);
}

/* Resolves refTable names in 'base' against 'schema'. */
static struct ovsdb_error *
resolve_refs(const struct ovsdb_schema *schema,
             const struct ovsdb_table_schema *ts,
             const struct ovsdb_column *column,
             const struct ovsdb_base_type *base)
{
    if (base->type == OVSDB_TYPE_UUID && base->uuid.refTableName
        && !ovsdb_schema_get_table(schema, base->uuid.refTableName)) {
        return ovsdb_syntax_error(NULL, NULL, "column %s in table %s refers "
                                  "to undefined table %s", column->name,
                                  ts->name, base->uuid.refTableName);
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_schema_from_json(const struct json *json, struct ovsdb_schema **schemap)
{
    *schemap = NULL;

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, json, "database schema");
    const struct json *name = ovsdb_parser_member(&parser, "name", OP_ID);
    const struct json *version = ovsdb_parser_member(
        &parser, "version", OP_STRING | OP_OPTIONAL);
    ovsdb_parser_member(&parser, "doc", OP_STRING | OP_OPTIONAL);
    const struct json *cksum = ovsdb_parser_member(
        &parser, "cksum", OP_STRING | OP_OPTIONAL);
    const struct json *tables = ovsdb_parser_member(&parser, "tables",
                                                    OP_OBJECT);
    struct ovsdb_error *error = ovsdb_parser_finish(&parser);
    if (error) {
        return error;
    }
    if (version && !ovsdb_is_valid_version(json_string(version))) {
        return ovsdb_syntax_error(json, NULL, "schema version \"%s\" not in "
                                  "format x.y.z", json_string(version));
    }

    struct ovsdb_schema *schema = xzalloc(sizeof *schema);
    schema->name = xstrdup(json_string(name));
    schema->version = xstrdup(version ? json_string(version) : "");
    schema->cksum = xstrdup(cksum ? json_string(cksum) : "");
    shash_init(&schema->tables);

    bool any_root = false;
    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(tables)) {
        struct ovsdb_table_schema *ts = NULL;
        if (node->name[0] == '_') {
            error = ovsdb_syntax_error(json, NULL, "names beginning with "
                                       "\"_\" are reserved");
        } else if (!ovsdb_parser_is_id(node->name)) {
            error = ovsdb_syntax_error(json, NULL, "\"%s\" is not a valid "
                                       "table name", node->name);
        } else {
            error = table_schema_from_json(node->data, node->name, &ts);
        }
        if (error) {
            ovsdb_schema_destroy(schema);
            return error;
        }
        any_root |= ts->is_root;
        shash_add(&schema->tables, ts->name, ts);
    }

    /* Schemas written before "isRoot" existed have no root table at all;
     * they never had garbage collection, so treat every table as a root. */
    if (!any_root) {
        SHASH_FOR_EACH (node, &schema->tables) {
            struct ovsdb_table_schema *ts = node->data;
            ts->is_root = true;
        }
    }

    SHASH_FOR_EACH (node, &schema->tables) {
        const struct ovsdb_table_schema *ts = node->data;
        for (size_t i = 0; !error && i < ts->n_columns; i++) {
            const struct ovsdb_column *column = ts->by_index[i];
            error = resolve_refs(schema, ts, column, &column->type.key);
            if (!error) {
                error = resolve_refs(schema, ts, column, &column->type.value);
            }
        }
        if (error) {
            break;
        }
    }
    if (error) {
        ovsdb_schema_destroy(schema);
    } else {
        *schemap = schema;
    }
    return error;
}

struct ovsdb_error *
ovsdb_schema_from_file(const char *file_name, struct ovsdb_schema **schemap)
{
    *schemap = NULL;
    struct json *json = json_from_file(file_name);
    if (json->type == JSON_STRING) {
        struct ovsdb_error *error = ovsdb_error("syntax error", "%s: %s",
                                                file_name,
                                                json_string(json));
        json_destroy(json);
        return error;
    }
    struct ovsdb_error *error = ovsdb_schema_from_json(json, schemap);
    json_destroy(json);
    if (error) {
        return ovsdb_wrap_error(error, "failed to parse \"%s\" as ovsdb "
                                "schema", file_name);
    }
    return NULL;
}

struct json *
ovsdb_schema_to_json(const struct ovsdb_schema *schema)
{
    bool all_root = true;
    const struct shash_node *node;
    SHASH_FOR_EACH (node, &schema->tables) {
        const struct ovsdb_table_schema *ts = node->data;
        all_root &= ts->is_root;
    }

    struct json *obj = json_object_create();
    json_object_put_string(obj, "name", schema->name);
    if (schema->version[0]) {
        json_object_put_string(obj, "version", schema->version);
    }
    if (schema->cksum[0]) {
        json_object_put_string(obj, "cksum", schema->cksum);
    }
    struct json *tables = json_object_create();
    const struct shash_node **sorted = shash_sort(&schema->tables);
    for (size_t i = 0; i < shash_count(&schema->tables); i++) {
        json_object_put(tables, sorted[i]->name,
                        table_schema_to_json(sorted[i]->data, all_root));
    }
    free(sorted);
    json_object_put(obj, "tables", tables);
    return obj;
}

struct ovsdb_schema *
ovsdb_schema_clone(const struct ovsdb_schema *old)
{
    struct json *json = ovsdb_schema_to_json(old);
    struct ovsdb_schema *schema;
    ovsdb_error_assert(ovsdb_schema_from_json(json, &schema));
    json_destroy(json);
    return schema;
}

bool
ovsdb_schema_equal(const struct ovsdb_schema *a, const struct ovsdb_schema *b)
{
    struct json *ja = ovsdb_schema_to_json(a);
    struct json *jb = ovsdb_schema_to_json(b);
    bool equal = json_equal(ja, jb);
    json_destroy(ja);
    json_destroy(jb);
    return equal;
}
