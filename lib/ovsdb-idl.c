/* The IDL: a client-side replica of chosen OVSDB tables, with transactions.
 *
 * Protocol.  After every (re)connection the IDL asks for the server's
 * schema ("get_schema"), so that it never monitors a table or column the
 * server lacks, then sends one "monitor" request for the replicated
 * columns.  The reply is the initial contents; from then on "update"
 * notifications carry inserts, modifications and deletions.  Rows live in
 * one hash map per table, keyed by UUID.
 *
 * Rows.  Each row keeps its committed contents as an array of datums, one
 * per column, and the typed members of the generated struct point into
 * them (strings) or are built from them (arrays, smaps, row pointers).
 * References are resolved to row pointers when the typed members are
 * built; since a referenced row may arrive after the row that refers to
 * it, the typed members of rows that hold references are rebuilt after
 * every batch of changes that adds or removes rows.
 *
 * Transactions live in ovsdb-idl-txn.c.  While one is open, the rows it
 * touched carry its writes, so messages from the server wait in the
 * session until it is committed or aborted. */

#include <config.h>
#include "ovsdb-idl.h"
#include "ovsdb-idl-private.h"

#include <string.h>
#include <stdlib.h>
#include <stdarg.h>
#include <limits.h>
#include <errno.h>

#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "hash.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_idl);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

static void idl_clear(struct ovsdb_idl *);
static void idl_send_schema_request(struct ovsdb_idl *);
static void idl_process_msg(struct ovsdb_idl *, struct jsonrpc_msg *);

/* ------------------------------------------------------------------ */
/* Classes. */

void
ovsdb_idl_class_init(struct ovsdb_idl_class *class)
{
    if (class->initialized) {
        return;
    }
    for (size_t i = 0; i < class->n_tables; i++) {
        struct ovsdb_idl_table_class *tc = &class->tables[i];
        for (size_t j = 0; j < tc->n_columns; j++) {
            struct ovsdb_idl_column *c = &tc->columns[j];
            /* Wrapped in an array: a bare string is not a JSON text for
             * every parser. */
            char *text = xasprintf("[%s]", c->type_json);
            struct json *json = json_from_string(text);
            struct ovsdb_error *error
                = (json->type == JSON_ARRAY && json_array_size(json) == 1
                   ? ovsdb_type_from_json(&c->type, json_array_get(json, 0))
                   : ovsdb_syntax_error(json, NULL, "bad type JSON"));
            json_destroy(json);
            free(text);
            if (error) {
                char *s = ovsdb_error_to_string_free(error);
                ovs_fatal(0, "%s.%s: bad generated type (%s)",
                          tc->name, c->name, s);
            }
        }
    }
    class->initialized = true;
}

size_t
ovsdb_idl_column_index__(const struct ovsdb_idl_table_class *tc,
             const struct ovsdb_idl_column *column)
{
    ovs_assert(column >= tc->columns
               && column < tc->columns + tc->n_columns);
    return column - tc->columns;
}

const struct ovsdb_idl_table_class *
ovsdb_idl_table_class_from_column(const struct ovsdb_idl_class *class,
                                  const struct ovsdb_idl_column *column)
{
    const struct ovsdb_idl_table_class *end = class->tables + class->n_tables;
    for (const struct ovsdb_idl_table_class *tc = class->tables; tc < end;
         tc++) {
        size_t offset = column - tc->columns;
        if (column >= tc->columns && offset < tc->n_columns) {
            return tc;
        }
    }
    return NULL;
}

struct ovsdb_idl_table *
ovsdb_idl_table__(const struct ovsdb_idl *idl,
          const struct ovsdb_idl_table_class *tc)
{
    ovs_assert(tc >= idl->class_->tables
               && tc < idl->class_->tables + idl->class_->n_tables);
    return &idl->tables[tc - idl->class_->tables];
}

static struct ovsdb_idl_table *
idl_table_for_column(const struct ovsdb_idl *idl,
                     const struct ovsdb_idl_column *column, size_t *idx)
{
    const struct ovsdb_idl_table_class *tc
        = ovsdb_idl_table_class_from_column(idl->class_, column);
    ovs_assert(tc);
    *idx = column - tc->columns;
    return ovsdb_idl_table__(idl, tc);
}

/* ------------------------------------------------------------------ */
/* Lifecycle. */

struct ovsdb_idl *
ovsdb_idl_create(const char *remote, struct ovsdb_idl_class *class,
                 bool monitor_everything_by_default, bool retry)
{
    ovsdb_idl_class_init(class);

    struct ovsdb_idl *idl = xzalloc(sizeof *idl);
    idl->class_ = class;
    idl->session = jsonrpc_session_open(remote, retry);
    idl->retry = retry;
    idl->session_seqno = UINT_MAX;
    idl->change_seqno = 1;
    idl->state = IDL_S_DISCONNECTED;
    shash_init(&idl->table_by_name);
    ovs_list_init(&idl->outstanding_txns);

    idl->tables = xcalloc(class->n_tables, sizeof *idl->tables);
    unsigned char mode = (monitor_everything_by_default
                          ? OVSDB_IDL_MONITOR | OVSDB_IDL_ALERT : 0);
    for (size_t i = 0; i < class->n_tables; i++) {
        const struct ovsdb_idl_table_class *tc = &class->tables[i];
        struct ovsdb_idl_table *t = &idl->tables[i];
        t->class_ = tc;
        t->idl = idl;
        t->modes = xmalloc(tc->n_columns + 1);
        memset(t->modes, mode, tc->n_columns + 1);
        t->server_has_column = xcalloc(tc->n_columns + 1, sizeof(bool));
        for (size_t j = 0; j < tc->n_columns; j++) {
            if (tc->columns[j].type.key.uuid.refTableName
                && tc->columns[j].type.key.type == OVSDB_TYPE_UUID) {
                t->has_refs = true;
            }
            if (tc->columns[j].type.value.type == OVSDB_TYPE_UUID
                && tc->columns[j].type.value.uuid.refTableName) {
                t->has_refs = true;
            }
        }
        hmap_init(&t->rows);
        ovs_list_init(&t->track_list);
        shash_add(&idl->table_by_name, tc->name, t);
    }
    return idl;
}

void
ovsdb_idl_destroy(struct ovsdb_idl *idl)
{
    if (!idl) {
        return;
    }
    ovs_assert(!idl->txn);
    struct ovsdb_idl_txn *txn;
    LIST_FOR_EACH_SAFE (txn, list_node, &idl->outstanding_txns) {
        ovsdb_idl_txn_finish__(txn, TXN_TRY_AGAIN);
    }
    ovsdb_idl_track_clear(idl);
    idl_clear(idl);
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        hmap_destroy(&t->rows);
        free(t->modes);
        free(t->server_has_column);
    }
    free(idl->tables);
    shash_destroy(&idl->table_by_name);
    jsonrpc_session_close(idl->session);
    json_destroy(idl->request_id);
    json_destroy(idl->lock_request_id);
    free(idl->lock_name);
    free(idl);
}

static void
idl_send_request(struct ovsdb_idl *idl, const char *method,
                 struct json *params, struct json **idp)
{
    json_destroy(*idp);
    *idp = NULL;
    struct jsonrpc_msg *msg = jsonrpc_create_request(method, params, idp);
    jsonrpc_session_send(idl->session, msg);
}

static void
idl_send_lock_request(struct ovsdb_idl *idl)
{
    if (idl->lock_name && jsonrpc_session_is_connected(idl->session)) {
        idl_send_request(idl, "lock",
                         json_array_create_1(
                             json_string_create(idl->lock_name)),
                         &idl->lock_request_id);
    }
}

void
ovsdb_idl_run(struct ovsdb_idl *idl)
{
    jsonrpc_session_run(idl->session);

    unsigned int seqno = jsonrpc_session_get_seqno(idl->session);
    if (seqno != idl->session_seqno) {
        /* Connected or disconnected: every outstanding request is lost. */
        idl->session_seqno = seqno;
        struct ovsdb_idl_txn *txn;
        LIST_FOR_EACH_SAFE (txn, list_node, &idl->outstanding_txns) {
            ovsdb_idl_txn_finish__(txn, TXN_TRY_AGAIN);
        }
        json_destroy(idl->request_id);
        idl->request_id = NULL;
        json_destroy(idl->lock_request_id);
        idl->lock_request_id = NULL;
        idl->has_lock = false;
        idl->is_lock_contended = false;
        idl->state = IDL_S_DISCONNECTED;
        idl->change_seqno++;
        if (jsonrpc_session_is_connected(idl->session)) {
            idl_send_schema_request(idl);
        }
    }

    /* Changes cannot be applied under an open transaction, whose rows
     * would go stale; they wait in the session until it is closed. */
    for (int i = 0; !idl->txn && i < 50; i++) {
        struct jsonrpc_msg *msg = jsonrpc_session_recv(idl->session);
        if (!msg) {
            break;
        }
        idl_process_msg(idl, msg);
        jsonrpc_msg_destroy(msg);
    }
}

void
ovsdb_idl_wait(struct ovsdb_idl *idl)
{
    jsonrpc_session_wait(idl->session);
    if (!idl->txn) {
        jsonrpc_session_recv_wait(idl->session);
    }
}

unsigned int
ovsdb_idl_get_seqno(const struct ovsdb_idl *idl)
{
    return idl->change_seqno;
}

bool
ovsdb_idl_has_ever_connected(const struct ovsdb_idl *idl)
{
    return idl->has_ever_connected;
}

bool
ovsdb_idl_is_connected(const struct ovsdb_idl *idl)
{
    return jsonrpc_session_is_connected(idl->session);
}

bool
ovsdb_idl_is_alive(const struct ovsdb_idl *idl)
{
    return !idl->failed && jsonrpc_session_is_alive(idl->session);
}

int
ovsdb_idl_get_last_error(const struct ovsdb_idl *idl)
{
    int err = idl->failed ? EPROTO
              : jsonrpc_session_get_last_error(idl->session);
    if (!err && !jsonrpc_session_is_alive(idl->session)) {
        err = ENOTCONN;
    }
    return err;
}

void
ovsdb_idl_force_reconnect(struct ovsdb_idl *idl)
{
    jsonrpc_session_force_reconnect(idl->session);
}

void
ovsdb_idl_set_probe_interval(const struct ovsdb_idl *idl, int probe_ms)
{
    jsonrpc_session_set_probe_interval(idl->session, probe_ms);
}

const struct ovsdb_idl_class *
ovsdb_idl_get_class(const struct ovsdb_idl *idl)
{
    return idl->class_;
}

/* ------------------------------------------------------------------ */
/* What to replicate. */

static void
set_mode(struct ovsdb_idl *idl, const struct ovsdb_idl_column *column,
         unsigned char set, unsigned char clear)
{
    size_t idx;
    struct ovsdb_idl_table *t = idl_table_for_column(idl, column, &idx);
    t->modes[idx] = (t->modes[idx] & ~clear) | set;
}

void
ovsdb_idl_add_column(struct ovsdb_idl *idl,
                     const struct ovsdb_idl_column *column)
{
    set_mode(idl, column, OVSDB_IDL_MONITOR | OVSDB_IDL_ALERT, 0);
}

void
ovsdb_idl_add_table(struct ovsdb_idl *idl,
                    const struct ovsdb_idl_table_class *tc)
{
    ovsdb_idl_table__(idl, tc)->need_table = true;
}

void
ovsdb_idl_omit(struct ovsdb_idl *idl, const struct ovsdb_idl_column *column)
{
    set_mode(idl, column, 0, 0xff);
}

void
ovsdb_idl_omit_alert(struct ovsdb_idl *idl,
                     const struct ovsdb_idl_column *column)
{
    set_mode(idl, column, OVSDB_IDL_MONITOR, OVSDB_IDL_ALERT);
}

void
ovsdb_idl_track_add_column(struct ovsdb_idl *idl,
                           const struct ovsdb_idl_column *column)
{
    set_mode(idl, column, OVSDB_IDL_MONITOR | OVSDB_IDL_TRACK, 0);
}

void
ovsdb_idl_track_add_all(struct ovsdb_idl *idl)
{
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        for (size_t j = 0; j < t->class_->n_columns; j++) {
            t->modes[j] |= OVSDB_IDL_MONITOR | OVSDB_IDL_TRACK;
        }
    }
}

bool
ovsdb_idl_server_has_table(const struct ovsdb_idl *idl,
                           const struct ovsdb_idl_table_class *tc)
{
    return ovsdb_idl_table__(idl, tc)->server_has;
}

bool
ovsdb_idl_server_has_column(const struct ovsdb_idl *idl,
                            const struct ovsdb_idl_column *column)
{
    size_t idx;
    const struct ovsdb_idl_table *t = idl_table_for_column(idl, column,
                                                           &idx);
    return t->server_has_column[idx];
}

static bool
table_is_tracked(const struct ovsdb_idl_table *t)
{
    for (size_t j = 0; j < t->class_->n_columns; j++) {
        if (t->modes[j] & OVSDB_IDL_TRACK) {
            return true;
        }
    }
    return false;
}

static bool
table_is_monitored(const struct ovsdb_idl_table *t)
{
    if (t->need_table) {
        return true;
    }
    for (size_t j = 0; j < t->class_->n_columns; j++) {
        if (t->modes[j] & OVSDB_IDL_MONITOR) {
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Schema and monitor requests. */

static void
idl_send_schema_request(struct ovsdb_idl *idl)
{
    idl_send_request(idl, "get_schema",
                     json_array_create_1(
                         json_string_create(idl->class_->database)),
                     &idl->request_id);
    idl->state = IDL_S_SCHEMA_REQUESTED;
}

/* Records which tables and columns the server's 'schema' has, warning
 * (once) about those it lacks. */
static void
idl_parse_schema(struct ovsdb_idl *idl, const struct json *schema)
{
    const struct json *tables = NULL;
    if (schema->type == JSON_OBJECT) {
        tables = shash_find_data(json_object(schema), "tables");
    }
    if (tables && tables->type != JSON_OBJECT) {
        tables = NULL;
    }
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        const struct json *tj = (tables
                                 ? shash_find_data(json_object(tables),
                                                   t->class_->name)
                                 : NULL);
        const struct json *cols = NULL;
        if (tj && tj->type == JSON_OBJECT) {
            cols = shash_find_data(json_object(tj), "columns");
        }
        t->server_has = cols && cols->type == JSON_OBJECT;
        if (!t->server_has && table_is_monitored(t) && !idl->schema_warned) {
            VLOG_WARN("%s database lacks %s table "
                      "(database needs upgrade?)",
                      idl->class_->database, t->class_->name);
        }
        for (size_t j = 0; j < t->class_->n_columns; j++) {
            const char *name = t->class_->columns[j].name;
            t->server_has_column[j] = (t->server_has
                                       && shash_find_data(json_object(cols),
                                                          name));
            if (t->server_has && !t->server_has_column[j]
                && (t->modes[j] & OVSDB_IDL_MONITOR)
                && !idl->schema_warned) {
                VLOG_WARN("%s table in %s database lacks %s column "
                          "(database needs upgrade?)", t->class_->name,
                          idl->class_->database, name);
            }
        }
    }
    idl->schema_warned = true;
}

static void
idl_send_monitor_request(struct ovsdb_idl *idl)
{
    struct json *requests = json_object_create();
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        const struct ovsdb_idl_table *t = &idl->tables[i];
        if (!t->server_has || !table_is_monitored(t)) {
            continue;
        }
        struct json *columns = json_array_create_empty();
        for (size_t j = 0; j < t->class_->n_columns; j++) {
            if ((t->modes[j] & OVSDB_IDL_MONITOR)
                && t->server_has_column[j]) {
                json_array_add(columns, json_string_create(
                                   t->class_->columns[j].name));
            }
        }
        struct json *req = json_object_create();
        json_object_put(req, "columns", columns);
        json_object_put(requests, t->class_->name, req);
    }
    idl_send_request(idl, "monitor",
                     json_array_create_3(
                         json_string_create(idl->class_->database),
                         json_string_create("idl"), requests),
                     &idl->request_id);
    idl->state = IDL_S_MONITOR_REQUESTED;
}

/* ------------------------------------------------------------------ */
/* Rows: typed members. */

static void *
row_member(const struct ovsdb_idl_row *row, size_t offset)
{
    return (char *) CONST_CAST(struct ovsdb_idl_row *, row) + offset;
}

size_t
ovsdb_idl_atom_c_size__(const struct ovsdb_base_type *base)
{
    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        return sizeof(int64_t);
    case OVSDB_TYPE_REAL:
        return sizeof(double);
    case OVSDB_TYPE_BOOLEAN:
        return sizeof(bool);
    case OVSDB_TYPE_STRING:
        return sizeof(char *);
    case OVSDB_TYPE_UUID:
        return (base->uuid.refTableName
                ? sizeof(struct ovsdb_idl_row *) : sizeof(struct uuid));
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

static bool
row_is_visible(const struct ovsdb_idl_row *row)
{
    return !row->txn_deleted && !row->server_deleted;
}

struct ovsdb_idl_row *
ovsdb_idl_find_row__(const struct ovsdb_idl_table *t, const struct uuid *uuid)
{
    struct ovsdb_idl_row *row;
    HMAP_FOR_EACH_WITH_HASH (row, hmap_node, uuid_hash(uuid), &t->rows) {
        if (uuid_equals(&row->uuid, uuid)) {
            return row;
        }
    }
    return NULL;
}

/* Stores 'atom' into 'dst' as the C value that typed members use.
 * Returns false for a reference to a row that is not in the replica. */
static bool
atom_to_c(const struct ovsdb_idl *idl, const struct ovsdb_base_type *base,
          const union ovsdb_atom *atom, void *dst)
{
    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        memcpy(dst, &atom->integer, sizeof atom->integer);
        return true;
    case OVSDB_TYPE_REAL:
        memcpy(dst, &atom->real, sizeof atom->real);
        return true;
    case OVSDB_TYPE_BOOLEAN:
        memcpy(dst, &atom->boolean, sizeof atom->boolean);
        return true;
    case OVSDB_TYPE_STRING:
        memcpy(dst, &atom->string, sizeof atom->string);
        return true;
    case OVSDB_TYPE_UUID:
        if (base->uuid.refTableName) {
            struct ovsdb_idl_table *rt
                = shash_find_data(&idl->table_by_name,
                                  base->uuid.refTableName);
            struct ovsdb_idl_row *r = (rt
                                       ? ovsdb_idl_find_row__(rt, &atom->uuid)
                                       : NULL);
            if (!r || !row_is_visible(r)) {
                return false;
            }
            memcpy(dst, &r, sizeof r);
        } else {
            memcpy(dst, &atom->uuid, sizeof atom->uuid);
        }
        return true;
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

/* The value of column 'i' as the row currently reads. */
const struct ovsdb_datum *
ovsdb_idl_row_datum__(const struct ovsdb_idl_row *row, size_t i)
{
    if (row->new_datum && (row->written[i] || !row->old_datum)) {
        return &row->new_datum[i];
    }
    return &row->old_datum[i];
}

static void
column_parse(struct ovsdb_idl_row *row, size_t i)
{
    const struct ovsdb_idl *idl = row->table->idl;
    const struct ovsdb_idl_column *c = &row->table->class_->columns[i];
    const struct ovsdb_datum *d = ovsdb_idl_row_datum__(row, i);
    void *x = row_member(row, c->offset);
    size_t size = ovsdb_idl_atom_c_size__(&c->type.key);

    switch (c->layout) {
    case OVSDB_IDL_LAYOUT_SCALAR:
        memset(x, 0, size);
        if (!d->n || !atom_to_c(idl, &c->type.key, &d->keys[0], x)) {
            if (c->type.key.type == OVSDB_TYPE_STRING) {
                static const char empty[] = "";
                const char *e = empty;
                memcpy(x, &e, sizeof e);
            }
        }
        break;

    case OVSDB_IDL_LAYOUT_POINTER:
        memset(x, 0, size);
        if (d->n) {
            atom_to_c(idl, &c->type.key, &d->keys[0], x);
        }
        break;

    case OVSDB_IDL_LAYOUT_ARRAY: {
        char *array = d->n ? xmalloc(d->n * size) : NULL;
        size_t n = 0;
        for (size_t k = 0; k < d->n; k++) {
            n += atom_to_c(idl, &c->type.key, &d->keys[k],
                           array + n * size);
        }
        if (!n) {
            free(array);
            array = NULL;
        }
        memcpy(x, &array, sizeof array);
        memcpy(row_member(row, c->n_offset), &n, sizeof n);
        break;
    }

    case OVSDB_IDL_LAYOUT_SMAP: {
        struct smap *smap = x;
        smap_init(smap);
        for (size_t k = 0; k < d->n; k++) {
            smap_add(smap, d->keys[k].string, d->values[k].string);
        }
        break;
    }

    case OVSDB_IDL_LAYOUT_MAP: {
        size_t vsize = ovsdb_idl_atom_c_size__(&c->type.value);
        char *keys = d->n ? xmalloc(d->n * size) : NULL;
        char *values = d->n ? xmalloc(d->n * vsize) : NULL;
        size_t n = 0;
        for (size_t k = 0; k < d->n; k++) {
            if (atom_to_c(idl, &c->type.key, &d->keys[k], keys + n * size)
                && atom_to_c(idl, &c->type.value, &d->values[k],
                             values + n * vsize)) {
                n++;
            }
        }
        if (!n) {
            free(keys);
            free(values);
            keys = values = NULL;
        }
        memcpy(x, &keys, sizeof keys);
        memcpy(row_member(row, c->value_offset), &values, sizeof values);
        memcpy(row_member(row, c->n_offset), &n, sizeof n);
        break;
    }
    }
}

static void
column_unparse(struct ovsdb_idl_row *row, size_t i)
{
    const struct ovsdb_idl_column *c = &row->table->class_->columns[i];
    void *x = row_member(row, c->offset);
    void *p;

    switch (c->layout) {
    case OVSDB_IDL_LAYOUT_SCALAR:
    case OVSDB_IDL_LAYOUT_POINTER:
        break;
    case OVSDB_IDL_LAYOUT_ARRAY:
        memcpy(&p, x, sizeof p);
        free(p);
        memset(x, 0, sizeof p);
        memset(row_member(row, c->n_offset), 0, sizeof(size_t));
        break;
    case OVSDB_IDL_LAYOUT_SMAP:
        smap_destroy(x);
        smap_init(x);
        break;
    case OVSDB_IDL_LAYOUT_MAP:
        memcpy(&p, x, sizeof p);
        free(p);
        memset(x, 0, sizeof p);
        x = row_member(row, c->value_offset);
        memcpy(&p, x, sizeof p);
        free(p);
        memset(x, 0, sizeof p);
        memset(row_member(row, c->n_offset), 0, sizeof(size_t));
        break;
    }
}

void
ovsdb_idl_row_parse__(struct ovsdb_idl_row *row)
{
    for (size_t i = 0; i < row->table->class_->n_columns; i++) {
        column_parse(row, i);
    }
}

void
ovsdb_idl_row_unparse__(struct ovsdb_idl_row *row)
{
    for (size_t i = 0; i < row->table->class_->n_columns; i++) {
        column_unparse(row, i);
    }
}

void
ovsdb_idl_row_reparse_column__(struct ovsdb_idl_row *row, size_t i)
{
    column_unparse(row, i);
    column_parse(row, i);
}

/* Rebuilds the typed members of every row that holds references, so that
 * references follow rows appearing and disappearing. */
void
ovsdb_idl_reparse_refs__(struct ovsdb_idl *idl)
{
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        if (!t->has_refs) {
            continue;
        }
        struct ovsdb_idl_row *row;
        HMAP_FOR_EACH (row, hmap_node, &t->rows) {
            ovsdb_idl_row_unparse__(row);
            ovsdb_idl_row_parse__(row);
        }
    }
}

struct ovsdb_datum *
ovsdb_idl_datums_create_default__(const struct ovsdb_idl_table_class *tc)
{
    struct ovsdb_datum *d = xcalloc(tc->n_columns + 1, sizeof *d);
    for (size_t i = 0; i < tc->n_columns; i++) {
        ovsdb_datum_init_default(&d[i], &tc->columns[i].type);
    }
    return d;
}

void
ovsdb_idl_datums_destroy__(struct ovsdb_datum *d,
                           const struct ovsdb_idl_table_class *tc)
{
    if (d) {
        for (size_t i = 0; i < tc->n_columns; i++) {
            ovsdb_datum_destroy(&d[i], &tc->columns[i].type);
        }
        free(d);
    }
}

/* Creates a row in 't' with UUID 'uuid' and default contents.  The typed
 * members are not built yet. */
struct ovsdb_idl_row *
ovsdb_idl_row_create__(struct ovsdb_idl_table *t, const struct uuid *uuid)
{
    const struct ovsdb_idl_table_class *tc = t->class_;
    struct ovsdb_idl_row *row = xzalloc(tc->allocation_size);
    row->uuid = *uuid;
    row->table = t;
    ovs_list_init(&row->txn_node);
    ovs_list_init(&row->track_node);
    row->updated = xcalloc(tc->n_columns + 1, sizeof(bool));
    for (size_t i = 0; i < tc->n_columns; i++) {
        if (tc->columns[i].layout == OVSDB_IDL_LAYOUT_SMAP) {
            smap_init(row_member(row, tc->columns[i].offset));
        }
    }
    hmap_insert(&t->rows, &row->hmap_node, uuid_hash(uuid));
    return row;
}

/* Frees 'row', which must already be out of its table's hash map. */
void
ovsdb_idl_row_free__(struct ovsdb_idl_row *row)
{
    const struct ovsdb_idl_table_class *tc = row->table->class_;
    ovsdb_idl_row_unparse__(row);
    for (size_t i = 0; i < tc->n_columns; i++) {
        if (tc->columns[i].layout == OVSDB_IDL_LAYOUT_SMAP) {
            smap_destroy(row_member(row, tc->columns[i].offset));
        }
    }
    ovsdb_idl_datums_destroy__(row->old_datum, tc);
    ovsdb_idl_datums_destroy__(row->new_datum, tc);
    free(row->written);
    free(row->prereqs);
    free(row->updated);
    if (row->tracked) {
        ovs_list_remove(&row->track_node);
    }
    free(row);
}

static void
idl_clear(struct ovsdb_idl *idl)
{
    bool changed = false;
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        struct ovsdb_idl_row *row;
        HMAP_FOR_EACH_POP (row, hmap_node, &t->rows) {
            ovsdb_idl_row_free__(row);
            changed = true;
        }
    }
    if (changed) {
        idl->change_seqno++;
    }
}

/* ------------------------------------------------------------------ */
/* Applying updates from the server. */

static void
note_change(struct ovsdb_idl_row *row, enum ovsdb_idl_change change,
            bool alert, bool track)
{
    struct ovsdb_idl_table *t = row->table;
    struct ovsdb_idl *idl = t->idl;
    if (alert) {
        idl->change_seqno++;
    }
    row->change_seqno[change] = idl->change_seqno;
    t->change_seqno[change] = idl->change_seqno;
    if (track && !row->tracked) {
        row->tracked = true;
        ovs_list_push_back(&t->track_list, &row->track_node);
    }
}

/* Applies the columns of JSON object 'values' to 'row''s committed
 * contents.  Returns true if an alerted column changed; sets '*tracked'
 * if a tracked one did. */
static bool
row_apply_json(struct ovsdb_idl_row *row, const struct json *values,
               bool *tracked)
{
    struct ovsdb_idl_table *t = row->table;
    const struct ovsdb_idl_table_class *tc = t->class_;
    bool alert = false;

    if (values->type != JSON_OBJECT) {
        VLOG_WARN_RL(&rl, "%s row "UUID_FMT": row is not an object",
                     tc->name, UUID_ARGS(&row->uuid));
        return false;
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(values)) {
        size_t i;
        for (i = 0; i < tc->n_columns; i++) {
            if (!strcmp(tc->columns[i].name, node->name)) {
                break;
            }
        }
        if (i >= tc->n_columns) {
            continue;           /* A column we do not know; ignore it. */
        }
        const struct ovsdb_idl_column *c = &tc->columns[i];
        struct ovsdb_datum d;
        struct ovsdb_error *error = ovsdb_datum_from_json(&d, &c->type,
                                                          node->data, NULL);
        if (error) {
            char *s = ovsdb_error_to_string_free(error);
            VLOG_WARN_RL(&rl, "%s.%s: error parsing value from server: %s",
                         tc->name, c->name, s);
            free(s);
            continue;
        }
        if (ovsdb_datum_equals(&row->old_datum[i], &d, &c->type)) {
            ovsdb_datum_destroy(&d, &c->type);
            continue;
        }
        ovsdb_datum_swap(&row->old_datum[i], &d);
        ovsdb_datum_destroy(&d, &c->type);
        row->updated[i] = true;
        if (t->modes[i] & OVSDB_IDL_ALERT) {
            alert = true;
        }
        if (t->modes[i] & OVSDB_IDL_TRACK) {
            *tracked = true;
        }
    }
    return alert;
}

/* Applies one row update (RFC 7047 <row-update>) to table 't'.  Returns
 * true if rows were added or removed. */
static bool
idl_apply_row_update(struct ovsdb_idl_table *t, const struct uuid *uuid,
                     const struct json *old, const struct json *new)
{
    struct ovsdb_idl_row *row = ovsdb_idl_find_row__(t, uuid);
    bool track = table_is_tracked(t);

    if (!new) {
        /* Deletion. */
        if (!row) {
            VLOG_WARN_RL(&rl, "cannot delete missing row "UUID_FMT
                         " from table %s", UUID_ARGS(uuid), t->class_->name);
            return false;
        }
        hmap_remove(&t->rows, &row->hmap_node);
        row->server_deleted = true;
        note_change(row, OVSDB_IDL_CHANGE_DELETE, true, track);
        if (!row->tracked) {
            ovsdb_idl_row_free__(row);
        }
        return true;
    }

    if (!row) {
        /* Insertion. */
        bool tracked = false;
        row = ovsdb_idl_row_create__(t, uuid);
        row->old_datum = ovsdb_idl_datums_create_default__(t->class_);
        row_apply_json(row, new, &tracked);
        ovsdb_idl_row_parse__(row);
        note_change(row, OVSDB_IDL_CHANGE_INSERT, true, track);
        memset(row->updated, 0, t->class_->n_columns * sizeof(bool));
        return true;
    }

    /* Modification ("new" holds the whole new row; "old" only says which
     * columns changed, which we find out ourselves). */
    bool tracked = false;
    if (!old) {
        VLOG_DBG("row "UUID_FMT" in %s re-inserted", UUID_ARGS(uuid),
                 t->class_->name);
    }
    ovsdb_idl_row_unparse__(row);
    bool alert = row_apply_json(row, new, &tracked);
    ovsdb_idl_row_parse__(row);
    if (alert || tracked) {
        note_change(row, OVSDB_IDL_CHANGE_MODIFY, alert, tracked);
    }
    return false;
}

/* Applies RFC 7047 <table-updates> 'updates'.  Returns false if they are
 * malformed. */
static bool
idl_apply_updates(struct ovsdb_idl *idl, const struct json *updates)
{
    if (updates->type != JSON_OBJECT) {
        VLOG_WARN_RL(&rl, "<table-updates> is not an object");
        return false;
    }
    bool rows_changed = false;
    struct shash_node *tn;
    SHASH_FOR_EACH (tn, json_object(updates)) {
        struct ovsdb_idl_table *t = shash_find_data(&idl->table_by_name,
                                                    tn->name);
        const struct json *tu = tn->data;
        if (!t) {
            VLOG_WARN_RL(&rl, "<table-updates> names unknown table %s",
                         tn->name);
            continue;
        }
        if (tu->type != JSON_OBJECT) {
            VLOG_WARN_RL(&rl, "<table-update> for %s is not an object",
                         tn->name);
            continue;
        }
        struct shash_node *rn;
        SHASH_FOR_EACH (rn, json_object(tu)) {
            const struct json *ru = rn->data;
            struct uuid uuid;
            if (!uuid_from_string(&uuid, rn->name)
                || ru->type != JSON_OBJECT) {
                VLOG_WARN_RL(&rl, "bad <row-update> %s in table %s",
                             rn->name, tn->name);
                continue;
            }
            const struct json *old = shash_find_data(json_object(ru), "old");
            const struct json *new = shash_find_data(json_object(ru), "new");
            if (!old && !new) {
                VLOG_WARN_RL(&rl, "<row-update> for "UUID_FMT" has neither "
                             "\"old\" nor \"new\"", UUID_ARGS(&uuid));
                continue;
            }
            rows_changed |= idl_apply_row_update(t, &uuid, old, new);
        }
    }
    if (rows_changed) {
        ovsdb_idl_reparse_refs__(idl);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Messages. */

static bool
id_matches(const struct json *id, const struct json *expected)
{
    return id && expected && json_equal(id, expected);
}

static struct ovsdb_idl_txn *
find_outstanding_txn(struct ovsdb_idl *idl, const struct json *id)
{
    struct ovsdb_idl_txn *txn;
    LIST_FOR_EACH (txn, list_node, &idl->outstanding_txns) {
        if (id_matches(id, txn->request_id)) {
            return txn;
        }
    }
    return NULL;
}


static void
idl_process_lock_notify(struct ovsdb_idl *idl, const struct jsonrpc_msg *msg,
                        bool locked)
{
    const struct json *params = msg->params;
    if (!idl->lock_name || !params || params->type != JSON_ARRAY
        || json_array_size(params) != 1
        || json_array_get(params, 0)->type != JSON_STRING
        || strcmp(json_string(json_array_get(params, 0)), idl->lock_name)) {
        return;
    }
    idl->has_lock = locked;
    idl->is_lock_contended = !locked;
    idl->change_seqno++;
    if (!locked) {
        VLOG_INFO("lock %s stolen by another client", idl->lock_name);
    }
}

static void
idl_process_msg(struct ovsdb_idl *idl, struct jsonrpc_msg *msg)
{
    bool is_reply = (msg->type == JSONRPC_REPLY
                     || msg->type == JSONRPC_ERROR);

    if (msg->type == JSONRPC_NOTIFY && !strcmp(msg->method, "update")
        && msg->params && msg->params->type == JSON_ARRAY
        && json_array_size(msg->params) == 2) {
        if (idl->state == IDL_S_MONITORING) {
            idl_apply_updates(idl, json_array_get(msg->params, 1));
        }
    } else if (is_reply && id_matches(msg->id, idl->request_id)) {
        json_destroy(idl->request_id);
        idl->request_id = NULL;
        if (msg->type == JSONRPC_ERROR) {
            char *s = json_to_string(msg->error, JSSF_SORT);
            VLOG_WARN("%s: %s request failed: %s",
                      jsonrpc_session_get_name(idl->session),
                      idl->state == IDL_S_SCHEMA_REQUESTED
                      ? "get_schema" : "monitor", s);
            free(s);
            /* Start over, with the session's backoff; a session without
             * retry gives up, which its owner sees as a dead IDL. */
            idl->state = IDL_S_DISCONNECTED;
            if (idl->retry) {
                jsonrpc_session_force_reconnect(idl->session);
            } else {
                idl->failed = true;
            }
            return;
        }
        if (idl->state == IDL_S_SCHEMA_REQUESTED) {
            idl_parse_schema(idl, msg->result);
            idl_send_monitor_request(idl);
        } else if (idl->state == IDL_S_MONITOR_REQUESTED) {
            idl_clear(idl);
            idl->state = IDL_S_MONITORING;
            idl_apply_updates(idl, msg->result);
            idl->has_ever_connected = true;
            idl->change_seqno++;
            idl_send_lock_request(idl);
        }
    } else if (is_reply && id_matches(msg->id, idl->lock_request_id)) {
        json_destroy(idl->lock_request_id);
        idl->lock_request_id = NULL;
        bool locked = false;
        if (msg->type == JSONRPC_REPLY && msg->result->type == JSON_OBJECT) {
            const struct json *l = shash_find_data(json_object(msg->result),
                                                   "locked");
            locked = l && l->type == JSON_TRUE;
        }
        idl->has_lock = locked;
        idl->is_lock_contended = !locked;
        idl->change_seqno++;
    } else if (msg->type == JSONRPC_NOTIFY && !strcmp(msg->method,
                                                      "locked")) {
        idl_process_lock_notify(idl, msg, true);
    } else if (msg->type == JSONRPC_NOTIFY && !strcmp(msg->method,
                                                      "stolen")) {
        idl_process_lock_notify(idl, msg, false);
    } else if (is_reply) {
        struct ovsdb_idl_txn *txn = find_outstanding_txn(idl, msg->id);
        if (txn) {
            ovsdb_idl_txn_process_reply__(txn, msg);
        }
    } else if (msg->type == JSONRPC_REQUEST
               && !strcmp(msg->method, "echo")) {
        jsonrpc_session_send(idl->session,
                             jsonrpc_create_reply(json_clone(msg->params),
                                                  msg->id));
    } else {
        VLOG_DBG_RL(&rl, "ignoring unexpected %s message",
                    jsonrpc_msg_type_to_string(msg->type));
    }
}

/* ------------------------------------------------------------------ */
/* Locks. */

void
ovsdb_idl_set_lock(struct ovsdb_idl *idl, const char *lock_name)
{
    if (idl->lock_name && (!lock_name || strcmp(lock_name, idl->lock_name))
        && jsonrpc_session_is_connected(idl->session)) {
        struct json *id = NULL;
        idl_send_request(idl, "unlock",
                         json_array_create_1(
                             json_string_create(idl->lock_name)), &id);
        json_destroy(id);
    }
    free(idl->lock_name);
    idl->lock_name = lock_name ? xstrdup(lock_name) : NULL;
    idl->has_lock = false;
    idl->is_lock_contended = false;
    if (idl->state == IDL_S_MONITORING) {
        idl_send_lock_request(idl);
    }
}

bool
ovsdb_idl_has_lock(const struct ovsdb_idl *idl)
{
    return idl->has_lock;
}

bool
ovsdb_idl_is_lock_contended(const struct ovsdb_idl *idl)
{
    return idl->is_lock_contended;
}

/* ------------------------------------------------------------------ */
/* Reading. */

const struct ovsdb_idl_row *
ovsdb_idl_first_row(const struct ovsdb_idl *idl,
                    const struct ovsdb_idl_table_class *tc)
{
    const struct ovsdb_idl_table *t = ovsdb_idl_table__(idl, tc);
    struct ovsdb_idl_row *row;
    HMAP_FOR_EACH (row, hmap_node, &t->rows) {
        if (row_is_visible(row)) {
            return row;
        }
    }
    return NULL;
}

const struct ovsdb_idl_row *
ovsdb_idl_next_row(const struct ovsdb_idl_row *row)
{
    const struct hmap *rows = &row->table->rows;
    for (struct hmap_node *node = hmap_next(rows, &row->hmap_node); node;
         node = hmap_next(rows, node)) {
        const struct ovsdb_idl_row *next
            = CONTAINER_OF(node, struct ovsdb_idl_row, hmap_node);
        if (row_is_visible(next)) {
            return next;
        }
    }
    return NULL;
}

const struct ovsdb_idl_row *
ovsdb_idl_get_row_for_uuid(const struct ovsdb_idl *idl,
                           const struct ovsdb_idl_table_class *tc,
                           const struct uuid *uuid)
{
    const struct ovsdb_idl_table *t = ovsdb_idl_table__(idl, tc);
    const struct ovsdb_idl_row *row = ovsdb_idl_find_row__(t, uuid);
    return row && row_is_visible(row) ? row : NULL;
}

const struct ovsdb_datum *
ovsdb_idl_read(const struct ovsdb_idl_row *row,
               const struct ovsdb_idl_column *column)
{
    size_t i = ovsdb_idl_column_index__(row->table->class_, column);
    return ovsdb_idl_row_datum__(row, i);
}

const struct ovsdb_datum *
ovsdb_idl_get(const struct ovsdb_idl_row *row,
              const struct ovsdb_idl_column *column,
              enum ovsdb_atomic_type key_type,
              enum ovsdb_atomic_type value_type)
{
    ovs_assert(column->type.key.type == key_type);
    ovs_assert(column->type.value.type == value_type);
    return ovsdb_idl_read(row, column);
}

/* ------------------------------------------------------------------ */
/* Change tracking. */

unsigned int
ovsdb_idl_table_get_seqno(const struct ovsdb_idl *idl,
                          const struct ovsdb_idl_table_class *tc)
{
    const struct ovsdb_idl_table *t = ovsdb_idl_table__(idl, tc);
    unsigned int max = 0;
    for (int i = 0; i < OVSDB_IDL_CHANGE_MAX; i++) {
        max = MAX(max, t->change_seqno[i]);
    }
    return max;
}

unsigned int
ovsdb_idl_row_get_seqno(const struct ovsdb_idl_row *row,
                        enum ovsdb_idl_change change)
{
    return row->change_seqno[change];
}

bool
ovsdb_idl_row_is_new(const struct ovsdb_idl_row *row)
{
    return row->change_seqno[OVSDB_IDL_CHANGE_INSERT] != 0
           && row->change_seqno[OVSDB_IDL_CHANGE_MODIFY] == 0
           && row->change_seqno[OVSDB_IDL_CHANGE_DELETE] == 0;
}

bool
ovsdb_idl_row_is_deleted(const struct ovsdb_idl_row *row)
{
    return row->server_deleted;
}

const struct ovsdb_idl_row *
ovsdb_idl_track_get_first(const struct ovsdb_idl *idl,
                          const struct ovsdb_idl_table_class *tc)
{
    const struct ovsdb_idl_table *t = ovsdb_idl_table__(idl, tc);
    if (ovs_list_is_empty(&t->track_list)) {
        return NULL;
    }
    return CONTAINER_OF(ovs_list_front(&t->track_list),
                        struct ovsdb_idl_row, track_node);
}

const struct ovsdb_idl_row *
ovsdb_idl_track_get_next(const struct ovsdb_idl_row *row)
{
    if (row->track_node.next == &row->table->track_list) {
        return NULL;
    }
    return CONTAINER_OF(row->track_node.next, struct ovsdb_idl_row,
                        track_node);
}

bool
ovsdb_idl_track_is_updated(const struct ovsdb_idl_row *row,
                           const struct ovsdb_idl_column *column)
{
    size_t i = ovsdb_idl_column_index__(row->table->class_, column);
    return row->tracked && row->updated[i];
}

void
ovsdb_idl_track_clear(struct ovsdb_idl *idl)
{
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        struct ovsdb_idl_row *row;
        LIST_FOR_EACH_SAFE (row, track_node, &t->track_list) {
            ovs_list_remove(&row->track_node);
            row->tracked = false;
            memset(row->updated, 0, t->class_->n_columns * sizeof(bool));
            memset(row->change_seqno, 0, sizeof row->change_seqno);
            if (row->server_deleted) {
                ovsdb_idl_row_free__(row);
            }
        }
    }
}
