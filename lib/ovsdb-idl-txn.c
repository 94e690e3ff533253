/* IDL transactions: how a client's writes to replicated rows become one
 * RFC 7047 "transact" request, and how the reply becomes a status.
 *
 * A transaction records which rows it touched.  Writes land in each row's
 * 'new_datum' array (the typed members follow, so the client reads its own
 * writes); verifications mark columns in 'prereqs'; insertions create rows
 * that exist only in the transaction; deletions hide rows.  Committing
 * turns this into operations, in this order: the lock assertion, one
 * "wait" per row with verified columns (timeout 0, comparing with the
 * replica's values, so that a concurrent change fails the transaction at
 * once: TXN_TRY_AGAIN), the inserts, updates and deletes (rows refer to
 * rows inserted alongside them through "named-uuid"), the increment
 * ("mutate" plus a "select" to learn the result), the comment, and for a
 * dry run a final "abort".  As soon as the request is sent the rows return
 * to their committed contents; the server's notifications bring the new
 * contents before its reply arrives. */

#include <config.h>
#include "ovsdb-idl.h"
#include "ovsdb-idl-private.h"

#include <string.h>
#include <stdlib.h>
#include <stdarg.h>
#include <limits.h>

#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "hash.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_idl_txn);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

/* ------------------------------------------------------------------ */
/* Transactions: building. */

const char *
ovsdb_idl_txn_status_to_string(enum ovsdb_idl_txn_status status)
{
    static const char *const names[] = {
        [TXN_UNCOMMITTED] = "uncommitted", [TXN_UNCHANGED] = "unchanged",
        [TXN_INCOMPLETE] = "incomplete", [TXN_ABORTED] = "aborted",
        [TXN_SUCCESS] = "success", [TXN_TRY_AGAIN] = "try again",
        [TXN_NOT_LOCKED] = "not locked", [TXN_ERROR] = "error",
    };
    return ((unsigned int) status < ARRAY_SIZE(names) && names[status]
            ? names[status] : "<unknown>");
}

struct ovsdb_idl_txn *
ovsdb_idl_txn_create(struct ovsdb_idl *idl)
{
    ovs_assert(!idl->txn);
    struct ovsdb_idl_txn *txn = xzalloc(sizeof *txn);
    txn->idl = idl;
    ovs_list_init(&txn->txn_rows);
    ovs_list_init(&txn->list_node);
    txn->status = TXN_UNCOMMITTED;
    ds_init(&txn->comment);
    hmap_init(&txn->inserted);
    txn->inc_index = SIZE_MAX;
    txn->lock_op = SIZE_MAX;
    txn->abort_op = SIZE_MAX;
    idl->txn = txn;
    return txn;
}

void
ovsdb_idl_txn_add_comment(struct ovsdb_idl_txn *txn, const char *format,
                          ...)
{
    /* Several comments become one "comment" operation, one per line. */
    va_list ap;
    va_start(ap, format);
    char *text = xvasprintf(format, ap);
    va_end(ap);
    ds_put_format(&txn->comment, "%s%s", txn->comment.length ? "\n" : "",
                  text);
    free(text);
}

void
ovsdb_idl_txn_set_dry_run(struct ovsdb_idl_txn *txn)
{
    txn->dry_run = true;
}

void
ovsdb_idl_txn_increment(struct ovsdb_idl_txn *txn,
                        const struct ovsdb_idl_row *row,
                        const struct ovsdb_idl_column *column, bool force)
{
    ovs_assert(column->type.key.type == OVSDB_TYPE_INTEGER
               && ovsdb_type_is_scalar(&column->type));
    txn->inc_row = row->uuid;
    txn->inc_table = row->table->class_;
    txn->inc_column = column;
    txn->inc_force = force;
}

int64_t
ovsdb_idl_txn_get_increment_new_value(const struct ovsdb_idl_txn *txn)
{
    return txn->inc_new_value;
}

struct ovsdb_idl *
ovsdb_idl_txn_get_idl(struct ovsdb_idl_txn *txn)
{
    return txn->idl;
}

const char *
ovsdb_idl_txn_get_error(const struct ovsdb_idl_txn *txn)
{
    if (txn->error) {
        return txn->error;
    }
    return ovsdb_idl_txn_status_to_string(txn->status);
}

static void
txn_add_row(struct ovsdb_idl_txn *txn, struct ovsdb_idl_row *row)
{
    if (!row->in_txn) {
        row->in_txn = true;
        ovs_list_push_back(&txn->txn_rows, &row->txn_node);
    }
}

static void
row_prepare_write(struct ovsdb_idl_row *row)
{
    size_t n = row->table->class_->n_columns;
    if (!row->new_datum) {
        row->new_datum = xcalloc(n + 1, sizeof *row->new_datum);
        for (size_t i = 0; i < n; i++) {
            ovsdb_datum_init_empty(&row->new_datum[i]);
        }
    }
    if (!row->written) {
        row->written = xcalloc(n + 1, sizeof(bool));
    }
}

void
ovsdb_idl_txn_write(const struct ovsdb_idl_row *row_,
                    const struct ovsdb_idl_column *column,
                    struct ovsdb_datum *datum)
{
    struct ovsdb_idl_row *row = CONST_CAST(struct ovsdb_idl_row *, row_);
    const struct ovsdb_idl_table_class *tc = row->table->class_;
    size_t i = ovsdb_idl_column_index__(tc, column);
    struct ovsdb_idl_txn *txn = row->table->idl->txn;

    ovs_assert(txn);
    if (row->txn_deleted) {
        VLOG_WARN_RL(&rl, "write to deleted %s row "UUID_FMT" ignored",
                     tc->name, UUID_ARGS(&row->uuid));
        ovsdb_datum_destroy(datum, &column->type);
        return;
    }
    if (!column->is_mutable && row->old_datum) {
        VLOG_WARN_RL(&rl, "write to immutable column %s.%s ignored",
                     tc->name, column->name);
        ovsdb_datum_destroy(datum, &column->type);
        return;
    }
    const struct ovsdb_datum *current = ovsdb_idl_row_datum__(row, i);
    if (ovsdb_datum_equals(current, datum, &column->type)) {
        ovsdb_datum_destroy(datum, &column->type);
        return;
    }

    row_prepare_write(row);
    ovsdb_datum_destroy(&row->new_datum[i], &column->type);
    row->new_datum[i] = *datum;
    ovsdb_datum_init_empty(datum);
    row->written[i] = true;
    txn_add_row(txn, row);
    ovsdb_idl_row_reparse_column__(row, i);
}

void
ovsdb_idl_txn_write_clone(const struct ovsdb_idl_row *row,
                          const struct ovsdb_idl_column *column,
                          const struct ovsdb_datum *datum)
{
    struct ovsdb_datum copy;
    ovsdb_datum_clone(&copy, datum, &column->type);
    ovsdb_idl_txn_write(row, column, &copy);
}

/* Converts the C value at 'src' (laid out as typed members are) into an
 * atom of 'base' type. */
static void
atom_from_c(union ovsdb_atom *atom, const struct ovsdb_base_type *base,
            const void *src)
{
    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        memcpy(&atom->integer, src, sizeof atom->integer);
        break;
    case OVSDB_TYPE_REAL:
        memcpy(&atom->real, src, sizeof atom->real);
        break;
    case OVSDB_TYPE_BOOLEAN:
        memcpy(&atom->boolean, src, sizeof atom->boolean);
        break;
    case OVSDB_TYPE_STRING: {
        const char *s;
        memcpy(&s, src, sizeof s);
        atom->string = xstrdup(s ? s : "");
        break;
    }
    case OVSDB_TYPE_UUID:
        if (base->uuid.refTableName) {
            const struct ovsdb_idl_row *r;
            memcpy(&r, src, sizeof r);
            atom->uuid = r->uuid;
        } else {
            memcpy(&atom->uuid, src, sizeof atom->uuid);
        }
        break;
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

/* The C size of one element as the generated setters pass it: the same
 * as in typed members, except that references are passed as
 * struct ovsdb_idl_row pointers (the same size). */
void
ovsdb_idl_txn_write_c(const struct ovsdb_idl_row *row,
                      const struct ovsdb_idl_column *column,
                      const void *keys, const void *values, size_t n)
{
    const struct ovsdb_type *type = &column->type;
    size_t ksize = ovsdb_idl_atom_c_size__(&type->key);
    size_t vsize = (type->value.type != OVSDB_TYPE_VOID
                    ? ovsdb_idl_atom_c_size__(&type->value) : 0);
    struct ovsdb_datum d;

    d.n = n;
    d.keys = n ? xmalloc(n * sizeof *d.keys) : NULL;
    d.values = (vsize && n) ? xmalloc(n * sizeof *d.values) : NULL;
    for (size_t i = 0; i < n; i++) {
        atom_from_c(&d.keys[i], &type->key, (const char *) keys + i * ksize);
        if (vsize) {
            atom_from_c(&d.values[i], &type->value,
                        (const char *) values + i * vsize);
        }
    }
    ovsdb_datum_sort_unique(&d, type->key.type, type->value.type);
    ovsdb_idl_txn_write(row, column, &d);
}

void
ovsdb_idl_txn_write_smap(const struct ovsdb_idl_row *row,
                         const struct ovsdb_idl_column *column,
                         const struct smap *smap)
{
    struct ovsdb_datum d;
    ovs_assert(column->type.key.type == OVSDB_TYPE_STRING
               && column->type.value.type == OVSDB_TYPE_STRING);
    if (smap) {
        ovsdb_datum_from_smap(&d, smap);
    } else {
        ovsdb_datum_init_empty(&d);
    }
    ovsdb_idl_txn_write(row, column, &d);
}

void
ovsdb_idl_txn_write_partial(const struct ovsdb_idl_row *row,
                            const struct ovsdb_idl_column *column, bool add,
                            const void *key, const void *value)
{
    const struct ovsdb_type *type = &column->type;
    bool is_map = type->value.type != OVSDB_TYPE_VOID;
    union ovsdb_atom k, v;
    struct ovsdb_datum d;

    ovsdb_datum_clone(&d, ovsdb_idl_read(row, column), type);
    atom_from_c(&k, &type->key, key);
    unsigned int idx = ovsdb_datum_find_key(&d, &k, type->key.type);
    if (idx != UINT_MAX) {
        ovsdb_datum_remove_unsafe(&d, idx, type);
    }
    if (add) {
        if (is_map) {
            atom_from_c(&v, &type->value, value);
        }
        ovsdb_datum_add_unsafe(&d, &k, is_map ? &v : NULL, type);
        if (is_map) {
            ovsdb_atom_destroy(&v, type->value.type);
        }
    }
    ovsdb_atom_destroy(&k, type->key.type);
    ovsdb_datum_sort_unique(&d, type->key.type, type->value.type);
    ovsdb_idl_txn_write(row, column, &d);
}

void
ovsdb_idl_txn_verify(const struct ovsdb_idl_row *row_,
                     const struct ovsdb_idl_column *column)
{
    struct ovsdb_idl_row *row = CONST_CAST(struct ovsdb_idl_row *, row_);
    struct ovsdb_idl_txn *txn = row->table->idl->txn;
    size_t i = ovsdb_idl_column_index__(row->table->class_, column);

    ovs_assert(txn);
    if (!row->old_datum) {
        return;                 /* Inserted by this transaction. */
    }
    if (!row->prereqs) {
        row->prereqs = xcalloc(row->table->class_->n_columns + 1,
                               sizeof(bool));
    }
    row->prereqs[i] = true;
    txn_add_row(txn, row);
}

void
ovsdb_idl_txn_delete(const struct ovsdb_idl_row *row_)
{
    struct ovsdb_idl_row *row = CONST_CAST(struct ovsdb_idl_row *, row_);
    struct ovsdb_idl_txn *txn = row->table->idl->txn;

    ovs_assert(txn);
    if (row->txn_deleted) {
        return;
    }
    row->txn_deleted = true;
    txn_add_row(txn, row);
    ovsdb_idl_reparse_refs__(txn->idl);
}

const struct ovsdb_idl_row *
ovsdb_idl_txn_insert(struct ovsdb_idl_txn *txn,
                     const struct ovsdb_idl_table_class *tc,
                     const struct uuid *uuid)
{
    struct ovsdb_idl_table *t = ovsdb_idl_table__(txn->idl, tc);
    struct uuid u;

    if (uuid) {
        u = *uuid;
    } else {
        do {
            uuid_generate(&u);
        } while (ovsdb_idl_find_row__(t, &u));
    }
    struct ovsdb_idl_row *row = ovsdb_idl_row_create__(t, &u);
    row->new_datum = ovsdb_idl_datums_create_default__(tc);
    row->written = xcalloc(tc->n_columns + 1, sizeof(bool));
    txn_add_row(txn, row);
    ovsdb_idl_row_parse__(row);

    struct ovsdb_idl_txn_insert *ins = xzalloc(sizeof *ins);
    ins->dummy = u;
    ins->op_index = SIZE_MAX;
    hmap_insert(&txn->inserted, &ins->hmap_node, uuid_hash(&u));
    return row;
}

/* Returns the rows touched by 'txn' to their committed state, freeing the
 * rows that 'txn' inserted. */
void
ovsdb_idl_txn_disassemble__(struct ovsdb_idl_txn *txn)
{
    struct ovsdb_idl *idl = txn->idl;
    struct ovsdb_idl_row *row;
    bool had_rows = !ovs_list_is_empty(&txn->txn_rows);

    LIST_FOR_EACH_POP (row, txn_node, &txn->txn_rows) {
        const struct ovsdb_idl_table_class *tc = row->table->class_;
        row->in_txn = false;
        if (!row->old_datum) {
            hmap_remove(&row->table->rows, &row->hmap_node);
            ovsdb_idl_row_free__(row);
            continue;
        }
        ovsdb_idl_row_unparse__(row);
        ovsdb_idl_datums_destroy__(row->new_datum, tc);
        row->new_datum = NULL;
        free(row->written);
        row->written = NULL;
        free(row->prereqs);
        row->prereqs = NULL;
        row->txn_deleted = false;
        ovsdb_idl_row_parse__(row);
    }
    if (idl->txn == txn) {
        idl->txn = NULL;
    }
    if (had_rows) {
        ovsdb_idl_reparse_refs__(idl);
    }
}

/* ------------------------------------------------------------------ */
/* Transactions: committing. */

static struct json *
where_uuid(const struct uuid *uuid)
{
    char s[UUID_LEN + 1];
    snprintf(s, sizeof s, UUID_FMT, UUID_ARGS(uuid));
    return json_array_create_1(
        json_array_create_3(json_string_create("_uuid"),
                            json_string_create("=="),
                            json_array_create_2(json_string_create("uuid"),
                                                json_string_create(s))));
}

static char *
named_uuid(const struct uuid *uuid)
{
    char *s = xasprintf("row"UUID_FMT, UUID_ARGS(uuid));
    for (char *p = s; *p; p++) {
        if (*p == '-') {
            *p = '_';
        }
    }
    return s;
}

/* Replaces, anywhere in 'json', ["uuid", U] by ["named-uuid", NAME] when U
 * is a row that 'txn' inserts. */
static void
substitute_named_uuids(const struct ovsdb_idl_txn *txn, struct json *json)
{
    if (json->type == JSON_OBJECT) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, json_object(json)) {
            substitute_named_uuids(txn, node->data);
        }
    } else if (json->type == JSON_ARRAY) {
        size_t n = json_array_size(json);
        struct json *a0 = n == 2 ? json_array_get(json, 0) : NULL;
        struct json *a1 = n == 2 ? json_array_get(json, 1) : NULL;
        struct uuid uuid;
        if (a0 && a0->type == JSON_STRING && !strcmp(json_string(a0), "uuid")
            && a1->type == JSON_STRING
            && uuid_from_string(&uuid, json_string(a1))) {
            struct ovsdb_idl_txn_insert *ins;
            HMAP_FOR_EACH_WITH_HASH (ins, hmap_node, uuid_hash(&uuid),
                                     &txn->inserted) {
                if (uuid_equals(&ins->dummy, &uuid)) {
                    json_array_set(json, 0, json_string_create("named-uuid"));
                    json_array_set(json, 1, json_string_create_nocopy(
                                       named_uuid(&uuid)));
                    break;
                }
            }
            return;
        }
        for (size_t i = 0; i < n; i++) {
            substitute_named_uuids(txn, json_array_get(json, i));
        }
    }
}

static struct ovsdb_idl_txn_insert *
find_insert(const struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    struct ovsdb_idl_txn_insert *ins;
    HMAP_FOR_EACH_WITH_HASH (ins, hmap_node, uuid_hash(uuid),
                             &txn->inserted) {
        if (uuid_equals(&ins->dummy, uuid)) {
            return ins;
        }
    }
    return NULL;
}

static void
add_op(struct ovsdb_idl_txn *txn, struct json *ops, struct json *op)
{
    json_array_add(ops, op);
    txn->n_ops++;
}

/* Adds a "wait" operation for the verified columns of 'row'. */
static void
add_verify_op(struct ovsdb_idl_txn *txn, struct json *ops,
              const struct ovsdb_idl_row *row)
{
    const struct ovsdb_idl_table *t = row->table;
    const struct ovsdb_idl_table_class *tc = t->class_;
    struct json *columns = json_array_create_empty();
    struct json *values = json_object_create();

    for (size_t i = 0; i < tc->n_columns; i++) {
        if (row->prereqs[i] && t->server_has_column[i]) {
            const struct ovsdb_idl_column *c = &tc->columns[i];
            json_array_add(columns, json_string_create(c->name));
            json_object_put(values, c->name,
                            ovsdb_datum_to_json(&row->old_datum[i],
                                                &c->type));
        }
    }
    if (!json_array_size(columns)) {
        json_destroy(columns);
        json_destroy(values);
        return;
    }
    struct json *op = json_object_create();
    json_object_put_string(op, "op", "wait");
    json_object_put_string(op, "table", tc->name);
    json_object_put(op, "timeout", json_integer_create(0));
    json_object_put(op, "where", where_uuid(&row->uuid));
    json_object_put_string(op, "until", "==");
    json_object_put(op, "columns", columns);
    json_object_put(op, "rows", json_array_create_1(values));
    txn->verify_ops = xrealloc(txn->verify_ops, (txn->n_verify_ops + 1)
                               * sizeof *txn->verify_ops);
    txn->verify_ops[txn->n_verify_ops++] = txn->n_ops;
    add_op(txn, ops, op);
}

/* Adds the operation that carries out the changes to 'row', if any.
 * Returns true if it added one. */
static bool
add_write_op(struct ovsdb_idl_txn *txn, struct json *ops,
             const struct ovsdb_idl_row *row)
{
    const struct ovsdb_idl_table *t = row->table;
    const struct ovsdb_idl_table_class *tc = t->class_;

    if (row->txn_deleted) {
        if (!row->old_datum || !tc->is_root) {
            /* Never existed, or the server collects it once nothing
             * refers to it any more. */
            return false;
        }
        struct json *op = json_object_create();
        json_object_put_string(op, "op", "delete");
        json_object_put_string(op, "table", tc->name);
        json_object_put(op, "where", where_uuid(&row->uuid));
        add_op(txn, ops, op);
        return true;
    }

    struct json *values = json_object_create();
    size_t n_values = 0;
    for (size_t i = 0; row->written && i < tc->n_columns; i++) {
        const struct ovsdb_idl_column *c = &tc->columns[i];
        if (!row->written[i] || !t->server_has_column[i]) {
            continue;
        }
        if (row->old_datum
            && ovsdb_datum_equals(&row->old_datum[i], &row->new_datum[i],
                                  &c->type)) {
            continue;
        }
        json_object_put(values, c->name,
                        ovsdb_datum_to_json(&row->new_datum[i], &c->type));
        n_values++;
    }

    struct json *op = json_object_create();
    if (!row->old_datum) {
        struct ovsdb_idl_txn_insert *ins = find_insert(txn, &row->uuid);
        json_object_put_string(op, "op", "insert");
        json_object_put_string(op, "table", tc->name);
        json_object_put_nocopy(op, xstrdup("uuid-name"),
                               json_string_create_nocopy(
                                   named_uuid(&row->uuid)));
        json_object_put(op, "row", values);
        if (ins) {
            ins->op_index = txn->n_ops;
        }
    } else if (n_values) {
        json_object_put_string(op, "op", "update");
        json_object_put_string(op, "table", tc->name);
        json_object_put(op, "where", where_uuid(&row->uuid));
        json_object_put(op, "row", values);
    } else {
        json_destroy(op);
        json_destroy(values);
        return false;
    }
    add_op(txn, ops, op);
    return true;
}

static void
add_increment_ops(struct ovsdb_idl_txn *txn, struct json *ops)
{
    const char *table = txn->inc_table->name;
    const char *column = txn->inc_column->name;

    struct json *op = json_object_create();
    json_object_put_string(op, "op", "mutate");
    json_object_put_string(op, "table", table);
    json_object_put(op, "where", where_uuid(&txn->inc_row));
    json_object_put(op, "mutations",
                    json_array_create_1(
                        json_array_create_3(json_string_create(column),
                                            json_string_create("+="),
                                            json_integer_create(1))));
    add_op(txn, ops, op);

    op = json_object_create();
    json_object_put_string(op, "op", "select");
    json_object_put_string(op, "table", table);
    json_object_put(op, "where", where_uuid(&txn->inc_row));
    json_object_put(op, "columns",
                    json_array_create_1(json_string_create(column)));
    txn->inc_index = txn->n_ops;
    add_op(txn, ops, op);
}

enum ovsdb_idl_txn_status
ovsdb_idl_txn_commit(struct ovsdb_idl_txn *txn)
{
    struct ovsdb_idl *idl = txn->idl;

    if (txn->status != TXN_UNCOMMITTED) {
        return txn->status;
    }
    if (idl->state != IDL_S_MONITORING) {
        ovsdb_idl_txn_disassemble__(txn);
        txn->status = TXN_TRY_AGAIN;
        return txn->status;
    }
    if (idl->lock_name && !idl->has_lock) {
        ovsdb_idl_txn_disassemble__(txn);
        txn->status = TXN_NOT_LOCKED;
        return txn->status;
    }

    struct json *ops = json_array_create_1(
        json_string_create(idl->class_->database));
    txn->n_ops = 0;
    if (idl->lock_name) {
        struct json *op = json_object_create();
        json_object_put_string(op, "op", "assert");
        json_object_put_string(op, "lock", idl->lock_name);
        txn->lock_op = txn->n_ops;
        add_op(txn, ops, op);
    }

    struct ovsdb_idl_row *row;
    LIST_FOR_EACH (row, txn_node, &txn->txn_rows) {
        if (row->prereqs && row->old_datum) {
            add_verify_op(txn, ops, row);
        }
    }
    bool any_updates = false;
    LIST_FOR_EACH (row, txn_node, &txn->txn_rows) {
        any_updates |= add_write_op(txn, ops, row);
    }
    if (txn->inc_column && (any_updates || txn->inc_force)) {
        add_increment_ops(txn, ops);
        any_updates = true;
    }
    if (txn->comment.length) {
        struct json *op = json_object_create();
        json_object_put_string(op, "op", "comment");
        json_object_put_string(op, "comment", ds_cstr(&txn->comment));
        add_op(txn, ops, op);
    }
    if (txn->dry_run) {
        struct json *op = json_object_create();
        json_object_put_string(op, "op", "abort");
        txn->abort_op = txn->n_ops;
        add_op(txn, ops, op);
    }
    substitute_named_uuids(txn, ops);
    ovsdb_idl_txn_disassemble__(txn);

    if (!any_updates && !txn->n_verify_ops) {
        json_destroy(ops);
        txn->status = TXN_UNCHANGED;
        return txn->status;
    }

    struct jsonrpc_msg *msg = jsonrpc_create_request("transact", ops,
                                                     &txn->request_id);
    if (jsonrpc_session_send(idl->session, msg)) {
        txn->status = TXN_TRY_AGAIN;
        return txn->status;
    }
    ovs_list_push_back(&idl->outstanding_txns, &txn->list_node);
    txn->status = TXN_INCOMPLETE;
    return txn->status;
}

enum ovsdb_idl_txn_status
ovsdb_idl_txn_commit_block(struct ovsdb_idl_txn *txn)
{
    enum ovsdb_idl_txn_status status;

    while ((status = ovsdb_idl_txn_commit(txn)) == TXN_INCOMPLETE) {
        ovsdb_idl_run(txn->idl);
        if (txn->status != TXN_INCOMPLETE) {
            continue;
        }
        ovsdb_idl_wait(txn->idl);
        ovsdb_idl_txn_wait(txn);
        poll_block();
    }
    return status;
}

void
ovsdb_idl_txn_abort(struct ovsdb_idl_txn *txn)
{
    ovsdb_idl_txn_disassemble__(txn);
    if (txn->status == TXN_UNCOMMITTED || txn->status == TXN_INCOMPLETE) {
        txn->status = TXN_ABORTED;
    }
}

void
ovsdb_idl_txn_wait(const struct ovsdb_idl_txn *txn)
{
    if (txn->status != TXN_UNCOMMITTED && txn->status != TXN_INCOMPLETE) {
        poll_immediate_wake();
    }
}

/* Records 'status' as the outcome of outstanding 'txn'. */
void
ovsdb_idl_txn_finish__(struct ovsdb_idl_txn *txn,
                       enum ovsdb_idl_txn_status status)
{
    txn->status = status;
    ovs_list_remove(&txn->list_node);
    ovs_list_init(&txn->list_node);
    json_destroy(txn->request_id);
    txn->request_id = NULL;
}

void
ovsdb_idl_txn_destroy(struct ovsdb_idl_txn *txn)
{
    if (!txn) {
        return;
    }
    if (txn->status == TXN_INCOMPLETE) {
        ovsdb_idl_txn_finish__(txn, TXN_ABORTED);
    }
    ovsdb_idl_txn_disassemble__(txn);
    ds_destroy(&txn->comment);
    free(txn->error);
    free(txn->verify_ops);
    struct ovsdb_idl_txn_insert *ins;
    HMAP_FOR_EACH_POP (ins, hmap_node, &txn->inserted) {
        free(ins);
    }
    hmap_destroy(&txn->inserted);
    json_destroy(txn->request_id);
    free(txn);
}

const struct uuid *
ovsdb_idl_txn_get_insert_uuid(const struct ovsdb_idl_txn *txn,
                              const struct uuid *uuid)
{
    const struct ovsdb_idl_txn_insert *ins = find_insert(txn, uuid);
    if (!ins || txn->status != TXN_SUCCESS || ins->op_index == SIZE_MAX) {
        return NULL;
    }
    return &ins->real;
}

static bool
is_verify_op(const struct ovsdb_idl_txn *txn, size_t index)
{
    for (size_t i = 0; i < txn->n_verify_ops; i++) {
        if (txn->verify_ops[i] == index) {
            return true;
        }
    }
    return false;
}

static void
txn_set_error(struct ovsdb_idl_txn *txn, const struct json *error)
{
    if (!txn->error) {
        txn->error = json_to_string(error, JSSF_SORT);
    }
}

/* Reads the new value of the incremented column from the result of the
 * "select" operation.  Returns false if the result is malformed. */
static bool
txn_read_increment(struct ovsdb_idl_txn *txn, const struct json *result)
{
    const struct json *rows = (result->type == JSON_OBJECT
                               ? shash_find_data(json_object(result), "rows")
                               : NULL);
    if (!rows || rows->type != JSON_ARRAY || json_array_size(rows) != 1) {
        return false;
    }
    const struct json *r = json_array_get(rows, 0);
    const struct json *v = (r->type == JSON_OBJECT
                            ? shash_find_data(json_object(r),
                                              txn->inc_column->name)
                            : NULL);
    if (!v || v->type != JSON_INTEGER) {
        return false;
    }
    txn->inc_new_value = json_integer(v);
    return true;
}

static bool
txn_read_insert(struct ovsdb_idl_txn *txn, size_t index,
                const struct json *result)
{
    struct ovsdb_idl_txn_insert *ins;
    HMAP_FOR_EACH (ins, hmap_node, &txn->inserted) {
        if (ins->op_index == index) {
            const struct json *u = (result->type == JSON_OBJECT
                                    ? shash_find_data(json_object(result),
                                                      "uuid")
                                    : NULL);
            if (!u || u->type != JSON_ARRAY || json_array_size(u) != 2
                || json_array_get(u, 1)->type != JSON_STRING
                || !uuid_from_string(&ins->real,
                                     json_string(json_array_get(u, 1)))) {
                return false;
            }
            return true;
        }
    }
    return true;
}

void
ovsdb_idl_txn_process_reply__(struct ovsdb_idl_txn *txn,
                              const struct jsonrpc_msg *msg)
{
    bool hard = false, soft = false, lock = false;

    if (msg->type == JSONRPC_ERROR) {
        txn_set_error(txn, msg->error);
        ovsdb_idl_txn_finish__(txn, TXN_ERROR);
        return;
    }
    const struct json *results = msg->result;
    if (!results || results->type != JSON_ARRAY) {
        VLOG_WARN_RL(&rl, "reply to \"transact\" is not a JSON array");
        ovsdb_idl_txn_finish__(txn, TXN_ERROR);
        return;
    }

    size_t n = json_array_size(results);
    for (size_t i = 0; i < n; i++) {
        const struct json *r = json_array_get(results, i);
        const struct json *err = (r->type == JSON_OBJECT
                                  ? shash_find_data(json_object(r), "error")
                                  : NULL);
        if (r->type == JSON_NULL) {
            continue;           /* Not executed after an earlier error. */
        } else if (err) {
            const char *tag = err->type == JSON_STRING ? json_string(err) : "";
            if (i < txn->n_ops && is_verify_op(txn, i)
                && !strcmp(tag, "timed out")) {
                soft = true;
            } else if (i == txn->lock_op && !strcmp(tag, "not owner")) {
                lock = true;
            } else if (i == txn->abort_op && !strcmp(tag, "aborted")) {
                /* The dry run ended as asked. */
            } else {
                hard = true;
                txn_set_error(txn, r);
            }
        } else if (i >= txn->n_ops || r->type != JSON_OBJECT) {
            hard = true;
            txn_set_error(txn, r);
        } else if (i == txn->inc_index) {
            if (!txn_read_increment(txn, r)) {
                hard = true;
            }
        } else if (!txn_read_insert(txn, i, r)) {
            hard = true;
        }
    }
    if (!hard && !soft && !lock && n < txn->n_ops) {
        hard = true;
    }
    ovsdb_idl_txn_finish__(txn, (hard ? TXN_ERROR
                     : lock ? TXN_NOT_LOCKED
                     : soft ? TXN_TRY_AGAIN
                     : TXN_SUCCESS));
}

/* ------------------------------------------------------------------ */
/* The commit loop helper. */

void
ovsdb_idl_loop_destroy(struct ovsdb_idl_loop *loop)
{
    if (loop) {
        ovsdb_idl_txn_destroy(loop->committing_txn);
        ovsdb_idl_txn_destroy(loop->open_txn);
        ovsdb_idl_destroy(loop->idl);
        loop->committing_txn = loop->open_txn = NULL;
        loop->idl = NULL;
    }
}

struct ovsdb_idl_txn *
ovsdb_idl_loop_run(struct ovsdb_idl_loop *loop)
{
    ovsdb_idl_run(loop->idl);

    /* No new transaction while one is in flight, nor while the replica is
     * still what a failed transaction was based on. */
    bool stale = loop->skip_seqno == ovsdb_idl_get_seqno(loop->idl);
    if (!loop->open_txn && !loop->committing_txn && !stale) {
        loop->open_txn = ovsdb_idl_txn_create(loop->idl);
    }
    return loop->open_txn;
}

/* Commits the loop's open transaction, if any, and arranges for the poll
 * loop to wake up when there is more to do.  Returns 1 once a commit has
 * succeeded (or was unchanged), 0 if still in progress, -1 on failure. */
int
ovsdb_idl_loop_commit_and_wait(struct ovsdb_idl_loop *loop)
{
    struct ovsdb_idl_txn *txn = loop->committing_txn;
    if (!txn && loop->open_txn) {
        txn = loop->committing_txn = loop->open_txn;
        loop->open_txn = NULL;
        loop->precommit_seqno = ovsdb_idl_get_seqno(loop->idl);
    }

    enum ovsdb_idl_txn_status status = (txn ? ovsdb_idl_txn_commit(txn)
                                        : TXN_UNCHANGED);
    int retval = 1;

    if (status == TXN_INCOMPLETE) {
        retval = 0;
    } else if (status == TXN_SUCCESS) {
        /* Something changed: the caller may have more to do. */
        if (txn->inc_index != SIZE_MAX) {
            loop->next_cfg = txn->inc_new_value;
        }
        poll_immediate_wake();
    } else if (status == TXN_TRY_AGAIN) {
        /* Redo the work, but only once the replica has moved on from
         * what the failed transaction was based on. */
        loop->skip_seqno = loop->precommit_seqno;
        if (ovsdb_idl_get_seqno(loop->idl) != loop->skip_seqno) {
            poll_immediate_wake();
        }
        retval = -1;
    } else if (status == TXN_ERROR) {
        VLOG_WARN_RL(&rl, "transaction error: %s",
                     ovsdb_idl_txn_get_error(txn));
        retval = -1;
    }
    if (txn && status != TXN_INCOMPLETE) {
        ovsdb_idl_txn_destroy(txn);
        loop->committing_txn = NULL;
    }
    ovsdb_idl_wait(loop->idl);
    return retval;
}
