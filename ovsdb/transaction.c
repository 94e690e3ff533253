/* Transactions over an in-memory database.
 *
 * Each row a transaction touches gets a "txn_row" that remembers the row's
 * committed version ("old", taken out of the table and kept aside) and its
 * current version ("new", in the table).  Rows point back at their
 * txn_row, so finding whether a row is already part of the transaction
 * costs nothing.
 *
 * Commit runs the whole-transaction rules in this order:
 *
 *   1. Strong references.  The change in the number of strong references
 *      to each row is computed from the old and new versions of every
 *      touched row.  Rows of non-root tables left with no references are
 *      deleted (which can leave more rows unreferenced, so this repeats).
 *      Then every strong reference must point to an existing row, and no
 *      deleted row may still be referenced.
 *   2. Weak references to rows that do not exist are removed, which may
 *      violate a column's minimum size.
 *   3. Row limits ("maxRows") and unique indexes.
 *   4. The replicas (storage, monitors) see the result.
 *
 * Only after all that succeeds are the reference counts updated and the old
 * rows freed, so a failure at any step can still undo everything. */

#include <config.h>
#include "transaction.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/util.h"
#include "ovsdb.h"

struct ovsdb_txn_row {
    struct ovs_list node;       /* In struct ovsdb_txn's 'rows'. */
    struct ovsdb_table *table;
    struct uuid uuid;
    struct ovsdb_row *old;      /* Committed version, or NULL if inserted. */
    struct ovsdb_row *new;      /* Current version, or NULL if deleted. */
    bool changed;               /* Set by commit: differs from 'old'? */
};

struct ovsdb_txn {
    struct ovsdb *db;
    struct ovs_list rows;       /* Contains struct ovsdb_txn_row. */
    struct ds comment;
};

struct ovsdb_txn *
ovsdb_txn_create(struct ovsdb *db)
{
    struct ovsdb_txn *txn = xzalloc(sizeof *txn);
    txn->db = db;
    ovs_list_init(&txn->rows);
    ds_init(&txn->comment);
    db->txn = txn;
    return txn;
}

static void
txn_free(struct ovsdb_txn *txn)
{
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH_POP (tr, node, &txn->rows) {
        free(tr);
    }
    ds_destroy(&txn->comment);
    if (txn->db->txn == txn) {
        txn->db->txn = NULL;
    }
    free(txn);
}

void
ovsdb_txn_abort(struct ovsdb_txn *txn)
{
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH_REVERSE (tr, node, &txn->rows) {
        struct hmap *rows = &tr->table->rows;
        if (tr->new) {
            hmap_remove(rows, &tr->new->hmap_node);
            ovsdb_row_destroy(tr->new);
            tr->new = NULL;
        }
        if (tr->old) {
            tr->old->txn_row = NULL;
            hmap_insert(rows, &tr->old->hmap_node, uuid_hash(&tr->uuid));
        }
    }
    txn_free(txn);
}

static struct ovsdb_txn_row *
txn_row_add(struct ovsdb_txn *txn, struct ovsdb_table *table,
            const struct uuid *uuid, struct ovsdb_row *old,
            struct ovsdb_row *new)
{
    struct ovsdb_txn_row *tr = xzalloc(sizeof *tr);
    tr->table = table;
    tr->uuid = *uuid;
    tr->old = old;
    tr->new = new;
    if (old) {
        old->txn_row = tr;
    }
    if (new) {
        new->txn_row = tr;
    }
    ovs_list_push_back(&txn->rows, &tr->node);
    return tr;
}

struct ovsdb_row *
ovsdb_txn_row_modify(struct ovsdb_txn *txn, const struct ovsdb_row *row_)
{
    struct ovsdb_row *row = CONST_CAST(struct ovsdb_row *, row_);
    if (row->txn_row) {
        /* Already part of the transaction: 'row' is its new version. */
        return row;
    }

    struct ovsdb_row *new = ovsdb_row_clone(row);
    hmap_replace(&row->table->rows, &row->hmap_node, &new->hmap_node);
    txn_row_add(txn, row->table, ovsdb_row_get_uuid(row), row, new);
    return new;
}

void
ovsdb_txn_row_insert(struct ovsdb_txn *txn, struct ovsdb_row *row)
{
    const struct uuid *uuid = ovsdb_row_get_uuid(row);
    hmap_insert(&row->table->rows, &row->hmap_node, uuid_hash(uuid));
    txn_row_add(txn, row->table, uuid, NULL, row);
}

void
ovsdb_txn_row_delete(struct ovsdb_txn *txn, const struct ovsdb_row *row_)
{
    struct ovsdb_row *row = CONST_CAST(struct ovsdb_row *, row_);
    struct ovsdb_txn_row *tr = row->txn_row;

    hmap_remove(&row->table->rows, &row->hmap_node);
    if (!tr) {
        txn_row_add(txn, row->table, ovsdb_row_get_uuid(row), row, NULL);
    } else {
        ovsdb_row_destroy(tr->new);
        tr->new = NULL;
        if (!tr->old) {
            /* Inserted and deleted in the same transaction: forget it. */
            ovs_list_remove(&tr->node);
            free(tr);
        }
    }
}

bool
ovsdb_txn_is_empty(const struct ovsdb_txn *txn)
{
    return ovs_list_is_empty(&txn->rows);
}

void
ovsdb_txn_add_comment(struct ovsdb_txn *txn, const char *comment)
{
    if (txn->comment.length) {
        ds_put_char(&txn->comment, '\n');
    }
    ds_put_cstr(&txn->comment, comment);
}

const char *
ovsdb_txn_get_comment(const struct ovsdb_txn *txn)
{
    return txn->comment.length ? txn->comment.string : NULL;
}

bool
ovsdb_txn_for_each_change(const struct ovsdb_txn *txn,
                          ovsdb_txn_row_cb_func *cb, void *aux)
{
    const struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->changed && !cb(tr->old, tr->new, aux)) {
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Strong references and garbage collection. */

/* Pending change in the number of strong references to one row. */
struct ref_delta {
    struct hmap_node hmap_node; /* In 'deltas', by uuid_hash(). */
    struct uuid uuid;
    struct ovsdb_table *table;
    long long int delta;
};

static struct ref_delta *
find_delta(struct hmap *deltas, struct ovsdb_table *table,
           const struct uuid *uuid)
{
    struct ref_delta *d;
    HMAP_FOR_EACH_WITH_HASH (d, hmap_node, uuid_hash(uuid), deltas) {
        if (d->table == table && uuid_equals(&d->uuid, uuid)) {
            return d;
        }
    }
    d = xzalloc(sizeof *d);
    d->uuid = *uuid;
    d->table = table;
    hmap_insert(deltas, &d->hmap_node, uuid_hash(uuid));
    return d;
}

/* Calls 'cb' for every strong reference held by 'row'. */
typedef void strong_ref_cb(struct ovsdb_table *target_table,
                           const struct uuid *target, void *aux);

static void
for_each_strong_ref(const struct ovsdb_row *row, strong_ref_cb *cb,
                    void *aux)
{
    const struct ovsdb_table_schema *ts = row->table->schema;
    for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
        const struct ovsdb_type *type = &ts->by_index[i]->type;
        const struct ovsdb_datum *datum = &row->fields[i];
        if (ovsdb_base_type_is_strong_ref(&type->key)) {
            for (unsigned int j = 0; j < datum->n; j++) {
                cb(type->key.uuid.refTable, &datum->keys[j].uuid, aux);
            }
        }
        if (ovsdb_base_type_is_strong_ref(&type->value)) {
            for (unsigned int j = 0; j < datum->n; j++) {
                cb(type->value.uuid.refTable, &datum->values[j].uuid, aux);
            }
        }
    }
}

static void
count_ref_down(struct ovsdb_table *table, const struct uuid *uuid, void *d)
{
    find_delta(d, table, uuid)->delta--;
}

static void
count_ref_up(struct ovsdb_table *table, const struct uuid *uuid, void *d)
{
    find_delta(d, table, uuid)->delta++;
}

/* Returns the number of strong references 'row' will have. */
static long long int
final_refs(const struct ovsdb_row *row, struct hmap *deltas)
{
    return row->n_refs + find_delta(deltas, row->table,
                                    ovsdb_row_get_uuid(row))->delta;
}

/* Deletes rows of non-root tables that nothing refers to any more. */
static void
collect_garbage(struct ovsdb_txn *txn, struct hmap *deltas)
{
    bool progress = true;
    while (progress) {
        progress = false;
        struct ref_delta *d;
        HMAP_FOR_EACH (d, hmap_node, deltas) {
            const struct ovsdb_row *row = ovsdb_table_get_row(d->table,
                                                              &d->uuid);
            if (row && !d->table->schema->is_root
                && final_refs(row, deltas) <= 0) {
                for_each_strong_ref(row, count_ref_down, deltas);
                ovsdb_txn_row_delete(txn, row);
                progress = true;
                break;      /* 'deltas' may have changed under us. */
            }
        }
    }

    /* Rows inserted into non-root tables without any reference vanish. */
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH_SAFE (tr, node, &txn->rows) {
        if (tr->new && !tr->old && !tr->table->schema->is_root
            && final_refs(tr->new, deltas) <= 0) {
            for_each_strong_ref(tr->new, count_ref_down, deltas);
            ovsdb_txn_row_delete(txn, tr->new);
            /* That may make other rows garbage too. */
            collect_garbage(txn, deltas);
            return;
        }
    }
}

struct ref_check {
    const struct ovsdb_row *row;
    const struct ovsdb_column *column;
    struct ovsdb_error *error;
};

static void
check_ref_target(struct ovsdb_table *table, const struct uuid *uuid,
                 void *check_)
{
    struct ref_check *check = check_;
    if (!check->error && !ovsdb_table_get_row(table, uuid)) {
        check->error = ovsdb_error(
            "referential integrity violation",
            "Table %s row "UUID_FMT" references nonexistent row "UUID_FMT
            " in table %s.", check->row->table->schema->name,
            UUID_ARGS(ovsdb_row_get_uuid(check->row)), UUID_ARGS(uuid),
            table->schema->name);
    }
}

static struct ovsdb_error *
check_strong_refs(struct ovsdb_txn *txn, struct hmap *deltas)
{
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->new) {
            struct ref_check check = { .row = tr->new };
            for_each_strong_ref(tr->new, check_ref_target, &check);
            if (check.error) {
                return check.error;
            }
        } else {
            long long int n = final_refs(tr->old, deltas);
            if (n > 0) {
                return ovsdb_error("referential integrity violation",
                                   "cannot delete %s row "UUID_FMT" because "
                                   "of %lld remaining reference(s)",
                                   tr->table->schema->name,
                                   UUID_ARGS(&tr->uuid), n);
            }
        }
    }
    return NULL;
}

static void
apply_ref_deltas(struct hmap *deltas)
{
    struct ref_delta *d;
    HMAP_FOR_EACH (d, hmap_node, deltas) {
        const struct ovsdb_row *row = ovsdb_table_get_row(d->table,
                                                          &d->uuid);
        if (row) {
            CONST_CAST(struct ovsdb_row *, row)->n_refs += d->delta;
        }
    }
}

static void
free_deltas(struct hmap *deltas)
{
    struct ref_delta *d;
    HMAP_FOR_EACH_POP (d, hmap_node, deltas) {
        free(d);
    }
    hmap_destroy(deltas);
}

/* ------------------------------------------------------------------ */
/* Weak references. */

/* Returns true if 'atom' (of 'base' type) is a weak reference to a row that
 * does not exist. */
static bool
is_dangling_weak_ref(const union ovsdb_atom *atom,
                     const struct ovsdb_base_type *base)
{
    return (ovsdb_base_type_is_weak_ref(base)
            && !ovsdb_table_get_row(base->uuid.refTable, &atom->uuid));
}

/* Removes dangling weak references from 'row', modifying it within 'txn'
 * if needed. */
static struct ovsdb_error *
remove_weak_refs(struct ovsdb_txn *txn, const struct ovsdb_row *row)
{
    const struct ovsdb_table_schema *ts = row->table->schema;
    for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
        const struct ovsdb_column *column = ts->by_index[i];
        const struct ovsdb_type *type = &column->type;
        if (!ovsdb_base_type_is_weak_ref(&type->key)
            && !ovsdb_base_type_is_weak_ref(&type->value)) {
            continue;
        }

        unsigned int n_dangling = 0;
        const struct ovsdb_datum *datum = &row->fields[i];
        for (unsigned int j = 0; j < datum->n; j++) {
            if (is_dangling_weak_ref(&datum->keys[j], &type->key)
                || (datum->values
                    && is_dangling_weak_ref(&datum->values[j],
                                            &type->value))) {
                n_dangling++;
            }
        }
        if (!n_dangling) {
            continue;
        }

        struct ovsdb_row *new = ovsdb_txn_row_modify(txn, row);
        struct ovsdb_datum *d = &new->fields[i];
        unsigned int dst = 0;
        for (unsigned int j = 0; j < d->n; j++) {
            bool drop = (is_dangling_weak_ref(&d->keys[j], &type->key)
                         || (d->values
                             && is_dangling_weak_ref(&d->values[j],
                                                     &type->value)));
            if (drop) {
                ovsdb_atom_destroy(&d->keys[j], type->key.type);
                if (d->values) {
                    ovsdb_atom_destroy(&d->values[j], type->value.type);
                }
            } else {
                d->keys[dst] = d->keys[j];
                if (d->values) {
                    d->values[dst] = d->values[j];
                }
                dst++;
            }
        }
        d->n = dst;
        if (d->n < type->n_min) {
            return ovsdb_error(
                "constraint violation", "Deletion of %u weak reference(s) "
                "to deleted (or never-existing) rows from column \"%s\" in "
                "\"%s\" row "UUID_FMT" caused this column to become empty, "
                "but constraints on this column disallow an empty column.",
                n_dangling, column->name, ts->name,
                UUID_ARGS(ovsdb_row_get_uuid(new)));
        }
        row = new;
    }
    return NULL;
}

static bool
table_has_weak_refs_to(const struct ovsdb_table_schema *ts,
                       const struct ovsdb_table *target)
{
    for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
        const struct ovsdb_type *type = &ts->by_index[i]->type;
        if ((ovsdb_base_type_is_weak_ref(&type->key)
             && (!target || type->key.uuid.refTable == target))
            || (ovsdb_base_type_is_weak_ref(&type->value)
                && (!target || type->value.uuid.refTable == target))) {
            return true;
        }
    }
    return false;
}

static struct ovsdb_error *
update_weak_refs(struct ovsdb_txn *txn)
{
    struct ovsdb *db = txn->db;
    struct ovsdb_error *error = NULL;

    /* Rows that this transaction wrote may hold dangling weak refs. */
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->new && table_has_weak_refs_to(tr->table->schema, NULL)) {
            error = remove_weak_refs(txn, tr->new);
            if (error) {
                return error;
            }
        }
    }

    /* Rows anywhere may refer to rows this transaction deleted. */
    struct shash_node *node;
    SHASH_FOR_EACH (node, &db->tables) {
        struct ovsdb_table *table = node->data;
        bool affected = false;
        LIST_FOR_EACH (tr, node, &txn->rows) {
            if (!tr->new && table_has_weak_refs_to(table->schema,
                                                   tr->table)) {
                affected = true;
                break;
            }
        }
        if (!affected) {
            continue;
        }

        struct ovsdb_row *row;
        HMAP_FOR_EACH_SAFE (row, hmap_node, &table->rows) {
            error = remove_weak_refs(txn, row);
            if (error) {
                return error;
            }
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Row limits and indexes. */

static bool
txn_touches_table(const struct ovsdb_txn *txn,
                  const struct ovsdb_table *table)
{
    const struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->table == table) {
            return true;
        }
    }
    return false;
}

static struct ovsdb_error *
check_max_rows(const struct ovsdb_txn *txn)
{
    const struct shash_node *node;
    SHASH_FOR_EACH (node, &txn->db->tables) {
        const struct ovsdb_table *table = node->data;
        size_t n = hmap_count(&table->rows);
        if (n > table->schema->max_rows && txn_touches_table(txn, table)) {
            return ovsdb_error("constraint violation", "transaction causes "
                               "\"%s\" table to contain %zu rows, greater "
                               "than the schema-defined limit of %u "
                               "row(s).", table->schema->name, n,
                               table->schema->max_rows);
        }
    }
    return NULL;
}

static const char *
row_history(const struct ovsdb_row *row)
{
    const struct ovsdb_txn_row *tr = row->txn_row;
    return (!tr ? "existed in the database before this transaction and "
            "was not modified by the transaction"
            : !tr->old ? "was inserted by this transaction"
            : "was modified by this transaction");
}

struct index_entry {
    struct hmap_node hmap_node;
    const struct ovsdb_row *row;
};

static struct ovsdb_error *
index_violation(const struct ovsdb_table *table,
                const struct ovsdb_column_set *index,
                const struct ovsdb_row *a, const struct ovsdb_row *b)
{
    struct ds values = DS_EMPTY_INITIALIZER;
    struct ds names = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < index->n; i++) {
        const struct ovsdb_column *column = index->columns[i];
        if (i) {
            ds_put_cstr(&values, ", ");
            ds_put_cstr(&names, i == index->n - 1 ? " and " : ", ");
        }
        ovsdb_datum_to_string(&a->fields[column->index], &column->type,
                              &values);
        ds_put_format(&names, "\"%s\"", column->name);
    }
    struct ovsdb_error *error = ovsdb_error(
        "constraint violation", "Transaction causes multiple rows in \"%s\" "
        "table to have identical values (%s) for index on column%s %s.  "
        "First row, with UUID "UUID_FMT", %s.  Second row, with UUID "
        UUID_FMT", %s.", table->schema->name, ds_cstr(&values),
        index->n > 1 ? "s" : "", ds_cstr(&names),
        UUID_ARGS(ovsdb_row_get_uuid(a)), row_history(a),
        UUID_ARGS(ovsdb_row_get_uuid(b)), row_history(b));
    ds_destroy(&values);
    ds_destroy(&names);
    return error;
}

static struct ovsdb_error *
check_index(const struct ovsdb_table *table,
            const struct ovsdb_column_set *index)
{
    struct ovsdb_error *error = NULL;
    struct hmap seen = HMAP_INITIALIZER(&seen);
    size_t n = hmap_count(&table->rows);
    struct index_entry *entries = xmalloc((n ? n : 1) * sizeof *entries);
    size_t n_entries = 0;

    const struct ovsdb_row *row;
    HMAP_FOR_EACH (row, hmap_node, &table->rows) {
        uint32_t hash = ovsdb_row_hash_columns(row, index, 0);
        struct index_entry *e;
        HMAP_FOR_EACH_WITH_HASH (e, hmap_node, hash, &seen) {
            if (ovsdb_row_equal_columns(e->row, row, index)) {
                /* Name the row that the transaction touched first. */
                bool swap = !e->row->txn_row && row->txn_row;
                error = index_violation(table, index, swap ? row : e->row,
                                        swap ? e->row : row);
                goto done;
            }
        }
        e = &entries[n_entries++];
        e->row = row;
        hmap_insert(&seen, &e->hmap_node, hash);
    }

done:
    hmap_destroy(&seen);
    free(entries);
    return error;
}

static struct ovsdb_error *
check_indexes(const struct ovsdb_txn *txn)
{
    const struct shash_node *node;
    SHASH_FOR_EACH (node, &txn->db->tables) {
        const struct ovsdb_table *table = node->data;
        if (!table->schema->n_indexes || !txn_touches_table(txn, table)) {
            continue;
        }
        for (size_t i = 0; i < table->schema->n_indexes; i++) {
            struct ovsdb_error *error = check_index(
                table, &table->schema->indexes[i]);
            if (error) {
                return error;
            }
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Commit. */

static bool
row_changed(const struct ovsdb_txn_row *tr)
{
    if (!tr->old || !tr->new) {
        return true;
    }
    const struct ovsdb_table_schema *ts = tr->table->schema;
    for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
        if (!ovsdb_datum_equals(&tr->old->fields[i], &tr->new->fields[i],
                                &ts->by_index[i]->type)) {
            return true;
        }
    }
    return false;
}

/* Marks the rows that really changed and gives each a new _version. */
static void
mark_changes(struct ovsdb_txn *txn)
{
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        tr->changed = row_changed(tr);
        if (tr->changed && tr->new) {
            uuid_generate(&tr->new->fields[OVSDB_COL_VERSION].keys[0].uuid);
        }
    }
}

static struct ovsdb_error *
txn_check(struct ovsdb_txn *txn, struct hmap *deltas)
{
    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->old) {
            for_each_strong_ref(tr->old, count_ref_down, deltas);
        }
        if (tr->new) {
            for_each_strong_ref(tr->new, count_ref_up, deltas);
        }
    }
    collect_garbage(txn, deltas);

    struct ovsdb_error *error = check_strong_refs(txn, deltas);
    if (!error) {
        error = update_weak_refs(txn);
    }
    if (!error) {
        error = check_max_rows(txn);
    }
    if (!error) {
        error = check_indexes(txn);
    }
    return error;
}

struct ovsdb_error *
ovsdb_txn_commit(struct ovsdb_txn *txn, bool durable)
{
    struct hmap deltas = HMAP_INITIALIZER(&deltas);
    struct ovsdb_error *error = txn_check(txn, &deltas);
    if (error) {
        free_deltas(&deltas);
        ovsdb_txn_abort(txn);
        return error;
    }

    mark_changes(txn);
    struct ovsdb_replica *replica;
    LIST_FOR_EACH (replica, node, &txn->db->replicas) {
        error = replica->class->commit(replica, txn, durable);
        if (error) {
            free_deltas(&deltas);
            ovsdb_txn_abort(txn);
            return error;
        }
    }

    apply_ref_deltas(&deltas);
    free_deltas(&deltas);

    struct ovsdb_txn_row *tr;
    LIST_FOR_EACH (tr, node, &txn->rows) {
        if (tr->new) {
            tr->new->txn_row = NULL;
        }
        ovsdb_row_destroy(tr->old);
    }
    txn_free(txn);
    return NULL;
}
