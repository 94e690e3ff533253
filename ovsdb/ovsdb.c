/* An in-memory OVSDB database: rows, tables and the database itself.
 *
 * Rows are allocated with their column values in one block.  A table's
 * rows live in a hash map keyed by the row's UUID; the row does not own
 * its place there: the transaction code moves rows in and out. */

#include <config.h>
#include "ovsdb.h"
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "transaction.h"

/* ------------------------------------------------------------------ */
/* Rows. */

static struct ovsdb_row *
row_alloc(const struct ovsdb_table *table)
{
    size_t n = table->schema->n_columns;
    struct ovsdb_row *row = xzalloc(sizeof *row + n * sizeof *row->fields);
    row->table = CONST_CAST(struct ovsdb_table *, table);
    return row;
}

struct ovsdb_row *
ovsdb_row_create(const struct ovsdb_table *table)
{
    struct ovsdb_row *row = row_alloc(table);
    for (size_t i = 0; i < table->schema->n_columns; i++) {
        ovsdb_datum_init_default(&row->fields[i],
                                 &table->schema->by_index[i]->type);
    }
    return row;
}

struct ovsdb_row *
ovsdb_row_clone(const struct ovsdb_row *old)
{
    const struct ovsdb_table *table = old->table;
    struct ovsdb_row *row = row_alloc(table);
    for (size_t i = 0; i < table->schema->n_columns; i++) {
        ovsdb_datum_clone(&row->fields[i], &old->fields[i],
                          &table->schema->by_index[i]->type);
    }
    row->n_refs = old->n_refs;
    return row;
}

void
ovsdb_row_destroy(struct ovsdb_row *row)
{
    if (row) {
        const struct ovsdb_table_schema *ts = row->table->schema;
        for (size_t i = 0; i < ts->n_columns; i++) {
            ovsdb_datum_destroy(&row->fields[i], &ts->by_index[i]->type);
        }
        free(row);
    }
}

uint32_t
ovsdb_row_hash_columns(const struct ovsdb_row *row,
                       const struct ovsdb_column_set *set, uint32_t basis)
{
    uint32_t hash = basis;
    for (size_t i = 0; i < set->n; i++) {
        const struct ovsdb_column *c = set->columns[i];
        hash = ovsdb_datum_hash(&row->fields[c->index], &c->type, hash);
    }
    return hash;
}

int
ovsdb_row_compare_columns_3way(const struct ovsdb_row *a,
                               const struct ovsdb_row *b,
                               const struct ovsdb_column_set *set)
{
    int cmp = 0;
    for (size_t i = 0; !cmp && i < set->n; i++) {
        const struct ovsdb_column *c = set->columns[i];
        cmp = ovsdb_datum_compare_3way(&a->fields[c->index],
                                       &b->fields[c->index], &c->type);
    }
    return cmp;
}

bool
ovsdb_row_equal_columns(const struct ovsdb_row *a, const struct ovsdb_row *b,
                        const struct ovsdb_column_set *columns)
{
    return !ovsdb_row_compare_columns_3way(a, b, columns);
}

void
ovsdb_row_update_columns(struct ovsdb_row *dst, const struct ovsdb_row *src,
                         const struct ovsdb_column_set *columns)
{
    for (size_t i = 0; i < columns->n; i++) {
        const struct ovsdb_column *column = columns->columns[i];
        struct ovsdb_datum copy;
        ovsdb_datum_clone(&copy, &src->fields[column->index],
                          &column->type);
        ovsdb_datum_swap(&dst->fields[column->index], &copy);
        ovsdb_datum_destroy(&copy, &column->type);
    }
}

struct ovsdb_error *
ovsdb_row_from_json(struct ovsdb_row *row, const struct json *json,
                    struct ovsdb_symbol_table *symtab,
                    struct ovsdb_column_set *changed)
{
    const struct ovsdb_table_schema *ts = row->table->schema;

    if (json->type != JSON_OBJECT) {
        return ovsdb_syntax_error(json, NULL, "row must be JSON object");
    }

    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(json)) {
        const struct ovsdb_column *column = ovsdb_table_schema_get_column(
            ts, node->name);
        if (!column) {
            return ovsdb_syntax_error(json, "unknown column", "No column %s "
                                      "in table %s.", node->name, ts->name);
        }
        if (column->index < OVSDB_N_STD_COLUMNS) {
            return ovsdb_syntax_error(json, "constraint violation",
                                      "Cannot set read-only column %s in "
                                      "table %s.", column->name, ts->name);
        }

        struct ovsdb_datum datum;
        struct ovsdb_error *error = ovsdb_datum_from_json(
            &datum, &column->type, node->data, symtab);
        if (error) {
            return ovsdb_wrap_error(error, "column %s", column->name);
        }
        ovsdb_datum_swap(&row->fields[column->index], &datum);
        ovsdb_datum_destroy(&datum, &column->type);
        if (changed && !ovsdb_column_set_contains(changed, column->index)) {
            ovsdb_column_set_add(changed, column);
        }
    }
    return NULL;
}

struct json *
ovsdb_row_to_json(const struct ovsdb_row *row,
                  const struct ovsdb_column_set *columns)
{
    struct json *obj = json_object_create();
    for (size_t i = 0; i < columns->n; i++) {
        const struct ovsdb_column *column = columns->columns[i];
        json_object_put(obj, column->name,
                        ovsdb_datum_to_json(&row->fields[column->index],
                                            &column->type));
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Tables. */

const struct ovsdb_row *
ovsdb_table_get_row(const struct ovsdb_table *table, const struct uuid *uuid)
{
    const struct ovsdb_row *row;
    HMAP_FOR_EACH_WITH_HASH (row, hmap_node, uuid_hash(uuid), &table->rows) {
        if (uuid_equals(ovsdb_row_get_uuid(row), uuid)) {
            return row;
        }
    }
    return NULL;
}

static struct ovsdb_table *
table_create(struct ovsdb *db, const struct ovsdb_table_schema *ts)
{
    struct ovsdb_table *table = xzalloc(sizeof *table);
    table->schema = ts;
    table->db = db;
    hmap_init(&table->rows);
    return table;
}

static void
table_destroy(struct ovsdb_table *table)
{
    struct ovsdb_row *row;
    HMAP_FOR_EACH_POP (row, hmap_node, &table->rows) {
        ovsdb_row_destroy(row);
    }
    hmap_destroy(&table->rows);
    free(table);
}

/* ------------------------------------------------------------------ */
/* Replicas and databases. */

void
ovsdb_replica_init(struct ovsdb_replica *replica,
                   const struct ovsdb_replica_class *class)
{
    ovs_list_init(&replica->node);
    replica->class = class;
}

struct ovsdb *
ovsdb_create(struct ovsdb_schema *schema)
{
    struct ovsdb *db = xzalloc(sizeof *db);
    db->schema = schema;
    shash_init(&db->tables);
    ovs_list_init(&db->replicas);

    const struct shash_node *node;
    SHASH_FOR_EACH (node, &schema->tables) {
        struct ovsdb_table_schema *ts = node->data;
        shash_add(&db->tables, node->name, table_create(db, ts));
    }

    /* Resolve each reference column's table now that all tables exist. */
    SHASH_FOR_EACH (node, &schema->tables) {
        struct ovsdb_table_schema *ts = node->data;
        for (size_t i = 0; i < ts->n_columns; i++) {
            struct ovsdb_type *type = &ts->by_index[i]->type;
            struct ovsdb_base_type *bases[2] = { &type->key, &type->value };
            for (int j = 0; j < 2; j++) {
                if (bases[j]->type == OVSDB_TYPE_UUID
                    && bases[j]->uuid.refTableName) {
                    bases[j]->uuid.refTable = ovsdb_get_table(
                        db, bases[j]->uuid.refTableName);
                }
            }
        }
    }
    return db;
}

void
ovsdb_destroy(struct ovsdb *db)
{
    if (!db) {
        return;
    }
    if (db->txn) {
        ovsdb_txn_abort(db->txn);
    }
    struct ovsdb_replica *replica;
    LIST_FOR_EACH_POP (replica, node, &db->replicas) {
        replica->class->destroy(replica);
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, &db->tables) {
        table_destroy(node->data);
    }
    shash_destroy(&db->tables);
    ovsdb_schema_destroy(db->schema);
    free(db);
}

struct ovsdb_table *
ovsdb_get_table(const struct ovsdb *db, const char *name)
{
    return shash_find_data(&db->tables, name);
}

void
ovsdb_add_replica(struct ovsdb *db, struct ovsdb_replica *replica)
{
    ovs_list_push_back(&db->replicas, &replica->node);
}

void
ovsdb_remove_replica(struct ovsdb *db, struct ovsdb_replica *replica)
{
    ovs_list_remove(&replica->node);
    ovs_list_init(&replica->node);
}
