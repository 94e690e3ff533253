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
 * Transactions.  Writes go into a per-row array of new datums, and the
 * typed members follow them, so that the client reads its own writes.  At
 * commit the IDL turns the writes into a "transact" request: "wait"
 * operations for verified columns (with timeout 0, so a changed column
 * fails the transaction at once, which the IDL reports as TXN_TRY_AGAIN),
 * then "insert", "update" and "delete" operations.  As soon as the request
 * is sent, the rows go back to their committed contents: the server's
 * "update" notifications, which arrive before the reply, bring the new
 * contents in the ordinary way.  Rows of non-root tables are not deleted
 * explicitly; the server collects them once nothing refers to them. */

#include <config.h>
#include "ovsdb-idl.h"

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

enum idl_state {
    IDL_S_DISCONNECTED,         /* Waiting for a connection. */
    IDL_S_SCHEMA_REQUESTED,     /* Sent "get_schema". */
    IDL_S_MONITOR_REQUESTED,    /* Sent "monitor". */
    IDL_S_MONITORING            /* Replica is live. */
};

struct ovsdb_idl {
    struct ovsdb_idl_class *class_;
    struct jsonrpc_session *session;
    struct ovsdb_idl_table *tables;     /* One per class table. */
    struct shash table_by_name;

    enum idl_state state;
    struct json *request_id;    /* Outstanding get_schema/monitor id. */
    unsigned int session_seqno; /* Last seen jsonrpc session seqno. */
    unsigned int change_seqno;
    bool has_ever_connected;
    bool schema_warned;

    char *lock_name;
    bool has_lock;
    bool is_lock_contended;
    struct json *lock_request_id;

    struct ovsdb_idl_txn *txn;          /* Open transaction, if any. */
    struct ovs_list outstanding_txns;   /* Committed, awaiting reply. */
};

/* A row inserted by a transaction: its temporary and final UUIDs. */
struct ovsdb_idl_txn_insert {
    struct hmap_node hmap_node; /* By temporary UUID. */
    struct uuid dummy;          /* Temporary UUID. */
    struct uuid real;           /* Assigned by the server. */
    size_t op_index;            /* Index of the "insert" operation. */
};

struct ovsdb_idl_txn {
    struct ovsdb_idl *idl;
    struct ovs_list txn_rows;   /* Rows touched, via 'txn_node'. */
    enum ovsdb_idl_txn_status status;
    char *error;
    bool dry_run;
    struct ds comment;

    /* Increment. */
    struct uuid inc_row;
    const struct ovsdb_idl_table_class *inc_table;
    const struct ovsdb_idl_column *inc_column;
    bool inc_force;
    size_t inc_index;           /* Index of the "select" that reads it. */
    int64_t inc_new_value;

    struct hmap inserted;       /* struct ovsdb_idl_txn_insert. */
    struct json *request_id;    /* While TXN_INCOMPLETE. */
    struct ovs_list list_node;  /* In idl's 'outstanding_txns'. */
    size_t n_ops;               /* Operations sent, excluding the db name. */
    size_t *verify_ops;         /* Which operations are "wait"s. */
    size_t n_verify_ops;
    size_t lock_op;             /* Index of the lock "assert", or SIZE_MAX. */
    size_t abort_op;            /* Index of the dry run's "abort", or
                                 * SIZE_MAX. */
};

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

static void idl_clear(struct ovsdb_idl *);
static void idl_send_schema_request(struct ovsdb_idl *);
static void idl_process_msg(struct ovsdb_idl *, struct jsonrpc_msg *);
static void idl_reparse_refs(struct ovsdb_idl *);
static void row_parse(struct ovsdb_idl_row *);
static void row_unparse(struct ovsdb_idl_row *);
static void row_free(struct ovsdb_idl_row *);
static void txn_disassemble(struct ovsdb_idl_txn *);
static void txn_finish(struct ovsdb_idl_txn *, enum ovsdb_idl_txn_status);

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

static size_t
column_index(const struct ovsdb_idl_table_class *tc,
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

static struct ovsdb_idl_table *
idl_table(const struct ovsdb_idl *idl,
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
    return idl_table(idl, tc);
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
        txn_finish(txn, TXN_TRY_AGAIN);
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
            txn_finish(txn, TXN_TRY_AGAIN);
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
    return jsonrpc_session_is_alive(idl->session);
}

int
ovsdb_idl_get_last_error(const struct ovsdb_idl *idl)
{
    int err = jsonrpc_session_get_last_error(idl->session);
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
    idl_table(idl, tc)->need_table = true;
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
    return idl_table(idl, tc)->server_has;
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

static size_t
atom_c_size(const struct ovsdb_base_type *base)
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

static struct ovsdb_idl_row *
find_row(const struct ovsdb_idl_table *t, const struct uuid *uuid)
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
            struct ovsdb_idl_row *r = rt ? find_row(rt, &atom->uuid) : NULL;
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
static const struct ovsdb_datum *
row_datum(const struct ovsdb_idl_row *row, size_t i)
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
    const struct ovsdb_datum *d = row_datum(row, i);
    void *x = row_member(row, c->offset);
    size_t size = atom_c_size(&c->type.key);

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
        size_t vsize = atom_c_size(&c->type.value);
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

static void
row_parse(struct ovsdb_idl_row *row)
{
    for (size_t i = 0; i < row->table->class_->n_columns; i++) {
        column_parse(row, i);
    }
}

static void
row_unparse(struct ovsdb_idl_row *row)
{
    for (size_t i = 0; i < row->table->class_->n_columns; i++) {
        column_unparse(row, i);
    }
}

static void
row_reparse_column(struct ovsdb_idl_row *row, size_t i)
{
    column_unparse(row, i);
    column_parse(row, i);
}

/* Rebuilds the typed members of every row that holds references, so that
 * references follow rows appearing and disappearing. */
static void
idl_reparse_refs(struct ovsdb_idl *idl)
{
    for (size_t i = 0; i < idl->class_->n_tables; i++) {
        struct ovsdb_idl_table *t = &idl->tables[i];
        if (!t->has_refs) {
            continue;
        }
        struct ovsdb_idl_row *row;
        HMAP_FOR_EACH (row, hmap_node, &t->rows) {
            row_unparse(row);
            row_parse(row);
        }
    }
}

static struct ovsdb_datum *
datums_create_default(const struct ovsdb_idl_table_class *tc)
{
    struct ovsdb_datum *d = xcalloc(tc->n_columns + 1, sizeof *d);
    for (size_t i = 0; i < tc->n_columns; i++) {
        ovsdb_datum_init_default(&d[i], &tc->columns[i].type);
    }
    return d;
}

static void
datums_destroy(struct ovsdb_datum *d, const struct ovsdb_idl_table_class *tc)
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
static struct ovsdb_idl_row *
row_create(struct ovsdb_idl_table *t, const struct uuid *uuid)
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
static void
row_free(struct ovsdb_idl_row *row)
{
    const struct ovsdb_idl_table_class *tc = row->table->class_;
    row_unparse(row);
    for (size_t i = 0; i < tc->n_columns; i++) {
        if (tc->columns[i].layout == OVSDB_IDL_LAYOUT_SMAP) {
            smap_destroy(row_member(row, tc->columns[i].offset));
        }
    }
    datums_destroy(row->old_datum, tc);
    datums_destroy(row->new_datum, tc);
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
            row_free(row);
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
    struct ovsdb_idl_row *row = find_row(t, uuid);
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
            row_free(row);
        }
        return true;
    }

    if (!row) {
        /* Insertion. */
        bool tracked = false;
        row = row_create(t, uuid);
        row->old_datum = datums_create_default(t->class_);
        row_apply_json(row, new, &tracked);
        row_parse(row);
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
    row_unparse(row);
    bool alert = row_apply_json(row, new, &tracked);
    row_parse(row);
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
        idl_reparse_refs(idl);
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

static void txn_process_reply(struct ovsdb_idl_txn *,
                              const struct jsonrpc_msg *);

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
            idl->state = IDL_S_DISCONNECTED;
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
            txn_process_reply(txn, msg);
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
    const struct ovsdb_idl_table *t = idl_table(idl, tc);
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
    const struct ovsdb_idl_row *row = find_row(idl_table(idl, tc), uuid);
    return row && row_is_visible(row) ? row : NULL;
}

const struct ovsdb_datum *
ovsdb_idl_read(const struct ovsdb_idl_row *row,
               const struct ovsdb_idl_column *column)
{
    return row_datum(row, column_index(row->table->class_, column));
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
    const struct ovsdb_idl_table *t = idl_table(idl, tc);
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
    const struct ovsdb_idl_table *t = idl_table(idl, tc);
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
    size_t i = column_index(row->table->class_, column);
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
                row_free(row);
            }
        }
    }
}

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
    size_t i = column_index(tc, column);
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
    if (ovsdb_datum_equals(row_datum(row, i), datum, &column->type)) {
        ovsdb_datum_destroy(datum, &column->type);
        return;
    }

    row_prepare_write(row);
    ovsdb_datum_destroy(&row->new_datum[i], &column->type);
    row->new_datum[i] = *datum;
    ovsdb_datum_init_empty(datum);
    row->written[i] = true;
    txn_add_row(txn, row);
    row_reparse_column(row, i);
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
    size_t ksize = atom_c_size(&type->key);
    size_t vsize = (type->value.type != OVSDB_TYPE_VOID
                    ? atom_c_size(&type->value) : 0);
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
    size_t i = column_index(row->table->class_, column);

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
    idl_reparse_refs(txn->idl);
}

const struct ovsdb_idl_row *
ovsdb_idl_txn_insert(struct ovsdb_idl_txn *txn,
                     const struct ovsdb_idl_table_class *tc,
                     const struct uuid *uuid)
{
    struct ovsdb_idl_table *t = idl_table(txn->idl, tc);
    struct uuid u;

    if (uuid) {
        u = *uuid;
    } else {
        do {
            uuid_generate(&u);
        } while (find_row(t, &u));
    }
    struct ovsdb_idl_row *row = row_create(t, &u);
    row->new_datum = datums_create_default(tc);
    row->written = xcalloc(tc->n_columns + 1, sizeof(bool));
    txn_add_row(txn, row);
    row_parse(row);

    struct ovsdb_idl_txn_insert *ins = xzalloc(sizeof *ins);
    ins->dummy = u;
    ins->op_index = SIZE_MAX;
    hmap_insert(&txn->inserted, &ins->hmap_node, uuid_hash(&u));
    return row;
}

/* Returns the rows touched by 'txn' to their committed state, freeing the
 * rows that 'txn' inserted. */
static void
txn_disassemble(struct ovsdb_idl_txn *txn)
{
    struct ovsdb_idl *idl = txn->idl;
    struct ovsdb_idl_row *row;
    bool had_rows = !ovs_list_is_empty(&txn->txn_rows);

    LIST_FOR_EACH_POP (row, txn_node, &txn->txn_rows) {
        const struct ovsdb_idl_table_class *tc = row->table->class_;
        row->in_txn = false;
        if (!row->old_datum) {
            hmap_remove(&row->table->rows, &row->hmap_node);
            row_free(row);
            continue;
        }
        row_unparse(row);
        datums_destroy(row->new_datum, tc);
        row->new_datum = NULL;
        free(row->written);
        row->written = NULL;
        free(row->prereqs);
        row->prereqs = NULL;
        row->txn_deleted = false;
        row_parse(row);
    }
    if (idl->txn == txn) {
        idl->txn = NULL;
    }
    if (had_rows) {
        idl_reparse_refs(idl);
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
        txn_disassemble(txn);
        txn->status = TXN_TRY_AGAIN;
        return txn->status;
    }
    if (idl->lock_name && !idl->has_lock) {
        txn_disassemble(txn);
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
    txn_disassemble(txn);

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
    txn_disassemble(txn);
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
static void
txn_finish(struct ovsdb_idl_txn *txn, enum ovsdb_idl_txn_status status)
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
        txn_finish(txn, TXN_ABORTED);
    }
    txn_disassemble(txn);
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

static void
txn_process_reply(struct ovsdb_idl_txn *txn, const struct jsonrpc_msg *msg)
{
    bool hard = false, soft = false, lock = false;

    if (msg->type == JSONRPC_ERROR) {
        txn_set_error(txn, msg->error);
        txn_finish(txn, TXN_ERROR);
        return;
    }
    const struct json *results = msg->result;
    if (!results || results->type != JSON_ARRAY) {
        VLOG_WARN_RL(&rl, "reply to \"transact\" is not a JSON array");
        txn_finish(txn, TXN_ERROR);
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
    txn_finish(txn, (hard ? TXN_ERROR
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
