/* The RFC 7047 JSON-RPC server.
 *
 * A "remote" is a place clients come from: a passive stream that accepts
 * connections, or an active connection that the server itself keeps open
 * to a listening client.  Each connection becomes a session, and a session
 * carries the client's state:
 *
 *   - monitors: each replicates chosen columns of chosen tables.  The
 *     "monitor" reply carries the initial contents, and afterwards every
 *     committed transaction that touches a monitored column is turned into
 *     an "update" notification to the session;
 *
 *   - locks: named, server-wide, owned by one session at a time; others
 *     wait in line ("lock") or take it over ("steal");
 *
 *   - triggers: "transact" requests whose "wait" operations cannot be
 *     satisfied yet; they run again whenever the database changes, until
 *     they complete, time out, or are canceled.
 *
 * The server learns about commits by being one of each database's replicas,
 * after the storage, so it never announces a change the disk refused. */

#include <config.h>
#include "jsonrpc-server.h"
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "ovsdb.h"
#include "transaction.h"
#include "jsonrpc.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/shash.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb-parser.h"
#include "stream.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_jsonrpc_server);

struct db_entry {
    struct ovsdb_replica replica;   /* Tells us about commits. */
    struct ovsdb_jsonrpc_server *server;
    struct ovsdb *db;
    unsigned long long int generation; /* Bumped at each commit. */
};

struct remote {
    struct ovs_list node;       /* In server's 'remotes'. */
    char *name;
    struct pstream *listener;   /* Passive remote, or NULL. */
    struct session *active;     /* Session of an active remote, or NULL. */
};

struct lock {
    char *name;
    struct ovs_list waiters;    /* struct lock_waiter; first one owns. */
};

struct lock_waiter {
    struct ovs_list lock_node;  /* In struct lock's 'waiters'. */
    struct lock *lock;
    struct session *session;
};

struct monitor_table {
    const struct ovsdb_table *table;
    struct ovsdb_column_set columns;
    bool initial, insert, delete, modify;
};

struct monitor {
    struct hmap_node node;      /* In session's 'monitors', by json_hash. */
    struct ovs_list list_node;  /* In session's 'monitor_list'. */
    struct json *id;
    struct db_entry *dbe;
    struct monitor_table *tables;
    size_t n_tables;
    struct json *pending;       /* table-updates being built, or NULL. */
};

struct trigger {
    struct ovs_list node;       /* In session's 'triggers'. */
    struct jsonrpc_msg *request;
    struct db_entry *dbe;
    long long int created;
    long long int deadline;     /* LLONG_MAX if none. */
    unsigned long long int generation; /* DB generation last tried. */
};

struct session {
    struct ovs_list node;       /* In server's 'sessions'. */
    struct ovsdb_jsonrpc_server *server;
    struct jsonrpc_session *js;
    struct remote *remote;      /* Active remote it belongs to, or NULL. */
    struct hmap monitors;
    struct ovs_list monitor_list;   /* Same monitors, oldest first. */
    struct ovs_list triggers;
    struct shash locks;         /* Name -> struct lock_waiter *. */
};

struct ovsdb_jsonrpc_server {
    struct shash dbs;           /* Name -> struct db_entry *. */
    struct ovs_list remotes;
    struct ovs_list sessions;
    struct shash locks;         /* Name -> struct lock *. */
};

static const struct ovsdb_replica_class server_replica_class;

static void session_destroy(struct session *);
static void session_send(struct session *, struct jsonrpc_msg *);

/* ------------------------------------------------------------------ */
/* Server, databases, remotes. */

struct ovsdb_jsonrpc_server *
ovsdb_jsonrpc_server_create(void)
{
    struct ovsdb_jsonrpc_server *server = xzalloc(sizeof *server);
    shash_init(&server->dbs);
    ovs_list_init(&server->remotes);
    ovs_list_init(&server->sessions);
    shash_init(&server->locks);
    return server;
}

bool
ovsdb_jsonrpc_server_add_db(struct ovsdb_jsonrpc_server *server,
                            struct ovsdb *db)
{
    if (shash_find(&server->dbs, db->schema->name)) {
        return false;
    }
    struct db_entry *dbe = xzalloc(sizeof *dbe);
    ovsdb_replica_init(&dbe->replica, &server_replica_class);
    dbe->server = server;
    dbe->db = db;
    ovsdb_add_replica(db, &dbe->replica);
    shash_add(&server->dbs, db->schema->name, dbe);
    return true;
}

static struct session *
session_create(struct ovsdb_jsonrpc_server *server,
               struct jsonrpc_session *js, struct remote *remote)
{
    struct session *s = xzalloc(sizeof *s);
    s->server = server;
    s->js = js;
    s->remote = remote;
    hmap_init(&s->monitors);
    ovs_list_init(&s->monitor_list);
    ovs_list_init(&s->triggers);
    shash_init(&s->locks);
    ovs_list_push_back(&server->sessions, &s->node);
    return s;
}

int
ovsdb_jsonrpc_server_add_remote(struct ovsdb_jsonrpc_server *server,
                                const char *name)
{
    struct remote *remote;
    LIST_FOR_EACH (remote, node, &server->remotes) {
        if (!strcmp(remote->name, name)) {
            return 0;
        }
    }

    struct pstream *listener = NULL;
    bool passive = !pstream_verify_name(name);
    if (passive) {
        int error = pstream_open(name, &listener, 0);
        if (error) {
            VLOG_ERR("%s: listen failed: %s", name, ovs_strerror(error));
            return error;
        }
        ovs_be16 port = pstream_get_bound_port(listener);
        if (port) {
            VLOG_INFO("%s: listening on port %d", name, ntohs(port));
        }
    } else if (stream_verify_name(name)) {
        VLOG_ERR("%s: not a valid remote name", name);
        return EAFNOSUPPORT;
    }

    remote = xzalloc(sizeof *remote);
    remote->name = xstrdup(name);
    remote->listener = listener;
    ovs_list_push_back(&server->remotes, &remote->node);
    if (!passive) {
        remote->active = session_create(server,
                                        jsonrpc_session_open(name, true),
                                        remote);
    }
    return 0;
}

void
ovsdb_jsonrpc_server_get_remotes(const struct ovsdb_jsonrpc_server *server,
                                 struct sset *remotes)
{
    const struct remote *remote;
    LIST_FOR_EACH (remote, node, &server->remotes) {
        sset_add(remotes, remote->name);
    }
}

void
ovsdb_jsonrpc_server_destroy(struct ovsdb_jsonrpc_server *server)
{
    if (!server) {
        return;
    }
    struct session *s;
    LIST_FOR_EACH_SAFE (s, node, &server->sessions) {
        session_destroy(s);
    }
    struct remote *remote;
    LIST_FOR_EACH_POP (remote, node, &server->remotes) {
        pstream_close(remote->listener);
        free(remote->name);
        free(remote);
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, &server->dbs) {
        struct db_entry *dbe = node->data;
        ovsdb_remove_replica(dbe->db, &dbe->replica);
        free(dbe);
    }
    shash_destroy(&server->dbs);
    shash_destroy(&server->locks);
    free(server);
}

/* ------------------------------------------------------------------ */
/* Locks. */

static struct lock_waiter *
lock_owner(const struct lock *lock)
{
    return (ovs_list_is_empty(&lock->waiters) ? NULL
            : CONTAINER_OF(ovs_list_front(&lock->waiters),
                           struct lock_waiter, lock_node));
}

static void
notify_lock(struct session *s, const char *method, const char *name)
{
    struct json *params = json_array_create_1(json_string_create(name));
    session_send(s, jsonrpc_create_notify(method, params));
}

/* Removes 'w' from its lock, handing the lock on if 'w' owned it. */
static void
lock_waiter_remove(struct ovsdb_jsonrpc_server *server,
                   struct lock_waiter *w)
{
    struct lock *lock = w->lock;
    bool was_owner = lock_owner(lock) == w;
    ovs_list_remove(&w->lock_node);
    shash_find_and_delete(&w->session->locks, lock->name);
    free(w);

    struct lock_waiter *next = lock_owner(lock);
    if (!next) {
        shash_find_and_delete(&server->locks, lock->name);
        free(lock->name);
        free(lock);
    } else if (was_owner) {
        notify_lock(next->session, "locked", lock->name);
    }
}

static struct json *
handle_lock(struct session *s, const struct json *params,
            const char *method, struct ovsdb_error **errorp)
{
    *errorp = NULL;
    if (params->type != JSON_ARRAY || json_array(params)->n != 1
        || json_array(params)->elems[0]->type != JSON_STRING
        || !ovsdb_parser_is_id(json_string(json_array(params)->elems[0]))) {
        *errorp = ovsdb_syntax_error(params, NULL, "%s request should have "
                                     "one lock name argument", method);
        return NULL;
    }
    const char *name = json_string(json_array(params)->elems[0]);
    struct ovsdb_jsonrpc_server *server = s->server;

    if (!strcmp(method, "unlock")) {
        struct lock_waiter *w = shash_find_data(&s->locks, name);
        if (!w) {
            *errorp = ovsdb_syntax_error(params, "not locked", "\"unlock\" "
                                         "of lock %s that this session "
                                         "does not hold or await", name);
            return NULL;
        }
        lock_waiter_remove(server, w);
        return json_object_create();
    }

    if (shash_find(&s->locks, name)) {
        *errorp = ovsdb_syntax_error(params, "duplicate lock", "This "
                                     "session already holds or awaits lock "
                                     "%s.", name);
        return NULL;
    }

    struct lock *lock = shash_find_data(&server->locks, name);
    if (!lock) {
        lock = xzalloc(sizeof *lock);
        lock->name = xstrdup(name);
        ovs_list_init(&lock->waiters);
        shash_add(&server->locks, name, lock);
    }

    struct lock_waiter *w = xzalloc(sizeof *w);
    w->lock = lock;
    w->session = s;
    shash_add(&s->locks, name, w);

    bool locked;
    if (!strcmp(method, "steal")) {
        struct lock_waiter *old = lock_owner(lock);
        ovs_list_push_front(&lock->waiters, &w->lock_node);
        if (old) {
            /* The victim loses the lock and stops waiting for it. */
            ovs_list_remove(&old->lock_node);
            shash_find_and_delete(&old->session->locks, name);
            notify_lock(old->session, "stolen", name);
            free(old);
        }
        locked = true;
    } else {
        ovs_list_push_back(&lock->waiters, &w->lock_node);
        locked = lock_owner(lock) == w;
    }

    struct json *result = json_object_create();
    json_object_put(result, "locked", json_boolean_create(locked));
    return result;
}

static bool
session_has_lock(const void *s_, const char *name)
{
    const struct session *s = s_;
    const struct lock_waiter *w = shash_find_data(&s->locks, name);
    return w && lock_owner(w->lock) == w;
}

/* ------------------------------------------------------------------ */
/* Monitors. */

static struct json *
row_json_for(const struct ovsdb_row *row,
             const struct ovsdb_column_set *columns)
{
    return ovsdb_row_to_json(row, columns);
}

static void
monitor_destroy(struct monitor *m)
{
    for (size_t i = 0; i < m->n_tables; i++) {
        ovsdb_column_set_destroy(&m->tables[i].columns);
    }
    free(m->tables);
    json_destroy(m->id);
    json_destroy(m->pending);
    free(m);
}

static struct monitor *
find_monitor(const struct session *s, const struct json *id)
{
    struct monitor *m;
    HMAP_FOR_EACH_WITH_HASH (m, node, json_hash(id, 0), &s->monitors) {
        if (json_equal(m->id, id)) {
            return m;
        }
    }
    return NULL;
}

static struct ovsdb_error *
parse_monitor_request(struct monitor_table *mt, const struct json *request)
{
    const struct ovsdb_table_schema *ts = mt->table->schema;
    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, request, "table %s", ts->name);
    const struct json *columns = ovsdb_parser_member(
        &parser, "columns", OP_ARRAY | OP_OPTIONAL);
    const struct json *select = ovsdb_parser_member(
        &parser, "select", OP_OBJECT | OP_OPTIONAL);
    struct ovsdb_error *error = ovsdb_parser_finish(&parser);
    if (error) {
        return error;
    }

    mt->initial = mt->insert = mt->delete = mt->modify = true;
    if (select) {
        ovsdb_parser_init(&parser, select, "table %s select", ts->name);
        const struct json *j;
        bool *flags[] = { &mt->initial, &mt->insert, &mt->delete,
                          &mt->modify };
        const char *names[] = { "initial", "insert", "delete", "modify" };
        for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
            j = ovsdb_parser_member(&parser, names[i],
                                    OP_BOOLEAN | OP_OPTIONAL);
            if (j) {
                *flags[i] = json_boolean(j);
            }
        }
        error = ovsdb_parser_finish(&parser);
        if (error) {
            return error;
        }
    }

    if (columns) {
        struct ovsdb_column_set set;
        error = ovsdb_column_set_from_json(columns, ts, &set);
        if (error) {
            return error;
        }
        for (size_t i = 0; i < set.n; i++) {
            if (set.columns[i]->index != OVSDB_COL_UUID
                && !ovsdb_column_set_contains(&mt->columns,
                                              set.columns[i]->index)) {
                ovsdb_column_set_add(&mt->columns, set.columns[i]);
            }
        }
        ovsdb_column_set_destroy(&set);
    } else {
        for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
            ovsdb_column_set_add(&mt->columns, ts->by_index[i]);
        }
    }
    return NULL;
}

/* Adds '{"old": ..., "new": ...}' for 'uuid' to table-updates 'updates'. */
static void
add_row_update(struct json *updates, const char *table,
               const struct uuid *uuid, struct json *old, struct json *new)
{
    struct json *table_json = shash_find_data(json_object(updates), table);
    if (!table_json) {
        table_json = json_object_create();
        json_object_put(updates, table, table_json);
    }
    struct json *row_update = json_object_create();
    if (old) {
        json_object_put(row_update, "old", old);
    }
    if (new) {
        json_object_put(row_update, "new", new);
    }
    char name[UUID_LEN + 1];
    snprintf(name, sizeof name, UUID_FMT, UUID_ARGS(uuid));
    json_object_put(table_json, name, row_update);
}

static struct json *
monitor_initial(const struct monitor *m)
{
    struct json *updates = json_object_create();
    for (size_t i = 0; i < m->n_tables; i++) {
        const struct monitor_table *mt = &m->tables[i];
        if (!mt->initial) {
            continue;
        }
        const struct ovsdb_row *row;
        HMAP_FOR_EACH (row, hmap_node, &mt->table->rows) {
            add_row_update(updates, mt->table->schema->name,
                           ovsdb_row_get_uuid(row), NULL,
                           row_json_for(row, &mt->columns));
        }
    }
    return updates;
}

static struct json *
handle_monitor(struct session *s, const struct json *params,
               struct ovsdb_error **errorp)
{
    *errorp = NULL;
    if (params->type != JSON_ARRAY || json_array(params)->n != 3
        || json_array(params)->elems[0]->type != JSON_STRING
        || json_array(params)->elems[2]->type != JSON_OBJECT) {
        *errorp = ovsdb_syntax_error(params, NULL, "monitor request "
                                     "should have parameters [db-name, "
                                     "monitor-id, monitor-requests]");
        return NULL;
    }
    const char *db_name = json_string(json_array(params)->elems[0]);
    struct db_entry *dbe = shash_find_data(&s->server->dbs, db_name);
    if (!dbe) {
        *errorp = ovsdb_syntax_error(params, "unknown database", "%s is "
                                     "not a database served here", db_name);
        return NULL;
    }
    const struct json *id = json_array(params)->elems[1];
    if (find_monitor(s, id)) {
        *errorp = ovsdb_syntax_error(params, NULL, "duplicate monitor ID");
        return NULL;
    }

    const struct json *requests = json_array(params)->elems[2];
    struct monitor *m = xzalloc(sizeof *m);
    m->id = json_clone(id);
    m->dbe = dbe;
    m->tables = xcalloc(shash_count(json_object(requests)) + 1,
                        sizeof *m->tables);

    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(requests)) {
        const struct ovsdb_table *table = ovsdb_get_table(dbe->db,
                                                          node->name);
        if (!table) {
            *errorp = ovsdb_syntax_error(requests, "unknown table", "no "
                                         "table named %s", node->name);
            break;
        }
        struct monitor_table *mt = &m->tables[m->n_tables++];
        mt->table = table;
        ovsdb_column_set_init(&mt->columns);

        /* The request may be one object or an array of them. */
        const struct json *req = node->data;
        if (req->type == JSON_ARRAY) {
            for (size_t i = 0; !*errorp && i < json_array(req)->n; i++) {
                *errorp = parse_monitor_request(mt,
                                                json_array(req)->elems[i]);
            }
        } else {
            *errorp = parse_monitor_request(mt, req);
        }
        if (*errorp) {
            break;
        }
    }
    if (*errorp) {
        monitor_destroy(m);
        return NULL;
    }

    hmap_insert(&s->monitors, &m->node, json_hash(id, 0));
    ovs_list_push_back(&s->monitor_list, &m->list_node);
    return monitor_initial(m);
}

static struct json *
handle_monitor_cancel(struct session *s, const struct json *params,
                      struct ovsdb_error **errorp)
{
    *errorp = NULL;
    if (params->type != JSON_ARRAY || json_array(params)->n != 1) {
        *errorp = ovsdb_syntax_error(params, NULL, "monitor_cancel request "
                                     "should have one parameter");
        return NULL;
    }
    struct monitor *m = find_monitor(s, json_array(params)->elems[0]);
    if (!m) {
        *errorp = ovsdb_syntax_error(params, "unknown monitor", "no "
                                     "monitor with that ID");
        return NULL;
    }
    hmap_remove(&s->monitors, &m->node);
    ovs_list_remove(&m->list_node);
    monitor_destroy(m);
    return json_object_create();
}

/* Returns true if 'a' and 'b' differ in any of 'columns'. */
static bool
columns_differ(const struct ovsdb_row *a, const struct ovsdb_row *b,
               const struct ovsdb_column_set *columns)
{
    return !ovsdb_row_equal_columns(a, b, columns);
}

struct change_ctx {
    struct monitor *monitor;
};

static bool
monitor_add_change(const struct ovsdb_row *old, const struct ovsdb_row *new,
                   void *m_)
{
    struct monitor *m = m_;
    const struct ovsdb_row *any = new ? new : old;
    for (size_t i = 0; i < m->n_tables; i++) {
        const struct monitor_table *mt = &m->tables[i];
        if (mt->table != any->table) {
            continue;
        }

        struct json *old_json = NULL, *new_json = NULL;
        if (!old) {
            if (!mt->insert) {
                continue;
            }
            new_json = row_json_for(new, &mt->columns);
        } else if (!new) {
            if (!mt->delete) {
                continue;
            }
            old_json = row_json_for(old, &mt->columns);
        } else {
            if (!mt->modify || !columns_differ(old, new, &mt->columns)) {
                continue;
            }
            /* "old" has only the columns that changed. */
            old_json = json_object_create();
            for (size_t j = 0; j < mt->columns.n; j++) {
                const struct ovsdb_column *c = mt->columns.columns[j];
                if (!ovsdb_datum_equals(&old->fields[c->index],
                                        &new->fields[c->index], &c->type)) {
                    json_object_put(old_json, c->name, ovsdb_datum_to_json(
                                        &old->fields[c->index], &c->type));
                }
            }
            new_json = row_json_for(new, &mt->columns);
        }

        if (!m->pending) {
            m->pending = json_object_create();
        }
        add_row_update(m->pending, mt->table->schema->name,
                       ovsdb_row_get_uuid(any), old_json, new_json);
    }
    return true;
}

static struct ovsdb_error *
server_replica_commit(struct ovsdb_replica *replica,
                      const struct ovsdb_txn *txn, bool durable)
{
    struct db_entry *dbe = CONTAINER_OF(replica, struct db_entry, replica);
    dbe->generation++;

    struct session *s;
    LIST_FOR_EACH (s, node, &dbe->server->sessions) {
        struct monitor *m;
        LIST_FOR_EACH (m, list_node, &s->monitor_list) {
            if (m->dbe != dbe) {
                continue;
            }
            ovsdb_txn_for_each_change(txn, monitor_add_change, m);
            if (m->pending) {
                struct json *params = json_array_create_2(json_clone(m->id),
                                                          m->pending);
                m->pending = NULL;
                session_send(s, jsonrpc_create_notify("update", params));
            }
        }
    }
    return NULL;
}

static void
server_replica_destroy(struct ovsdb_replica *replica)
{
    struct db_entry *dbe = CONTAINER_OF(replica, struct db_entry, replica);
    /* The database is going away before the server: forget it. */
    shash_find_and_delete(&dbe->server->dbs, dbe->db->schema->name);
    free(dbe);
}

static const struct ovsdb_replica_class server_replica_class = {
    server_replica_commit,
    server_replica_destroy,
};

/* ------------------------------------------------------------------ */
/* Transactions and triggers. */

static void
reply_error(struct session *s, struct ovsdb_error *error,
            const struct json *id)
{
    session_send(s, jsonrpc_create_error(ovsdb_error_to_json_free(error),
                                         id));
}

/* Tries to run 'trigger'.  Returns true if it is finished (and replied). */
static bool
trigger_try(struct session *s, struct trigger *t, long long int now)
{
    long long int timeout;
    t->generation = t->dbe->generation;
    struct json *result = ovsdb_execute(t->dbe->db, t->request->params,
                                        session_has_lock, s,
                                        now - t->created, &timeout);
    if (result) {
        session_send(s, jsonrpc_create_reply(result, t->request->id));
        return true;
    }
    t->deadline = (timeout == LLONG_MAX ? LLONG_MAX
                   : t->created + timeout);
    return false;
}

static void
trigger_destroy(struct trigger *t)
{
    ovs_list_remove(&t->node);
    jsonrpc_msg_destroy(t->request);
    free(t);
}

static void
handle_transact(struct session *s, struct jsonrpc_msg *request)
{
    const struct json *params = request->params;
    if (params->type != JSON_ARRAY || !json_array(params)->n
        || json_array(params)->elems[0]->type != JSON_STRING) {
        reply_error(s, ovsdb_syntax_error(params, NULL, "transact request "
                                          "must start with a database "
                                          "name"), request->id);
        jsonrpc_msg_destroy(request);
        return;
    }
    const char *db_name = json_string(json_array(params)->elems[0]);
    struct db_entry *dbe = shash_find_data(&s->server->dbs, db_name);
    if (!dbe) {
        reply_error(s, ovsdb_syntax_error(params, "unknown database", "%s "
                                          "is not a database served here",
                                          db_name), request->id);
        jsonrpc_msg_destroy(request);
        return;
    }

    struct trigger *t = xzalloc(sizeof *t);
    t->request = request;
    t->dbe = dbe;
    t->created = time_msec();
    ovs_list_push_back(&s->triggers, &t->node);
    if (trigger_try(s, t, t->created)) {
        trigger_destroy(t);
    }
}

static void
handle_cancel(struct session *s, const struct jsonrpc_msg *msg)
{
    const struct json *params = msg->params;
    if (params->type != JSON_ARRAY || json_array(params)->n != 1) {
        return;
    }
    const struct json *id = json_array(params)->elems[0];
    struct trigger *t;
    LIST_FOR_EACH (t, node, &s->triggers) {
        if (json_equal(t->request->id, id)) {
            struct json *error = json_object_create();
            json_object_put_string(error, "error", "canceled");
            session_send(s, jsonrpc_create_error(error, t->request->id));
            trigger_destroy(t);
            return;
        }
    }
}

static void
session_run_triggers(struct session *s)
{
    long long int now = time_msec();
    struct trigger *t;
    LIST_FOR_EACH_SAFE (t, node, &s->triggers) {
        if ((t->generation != t->dbe->generation || now >= t->deadline)
            && trigger_try(s, t, now)) {
            trigger_destroy(t);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Sessions. */

static void
session_send(struct session *s, struct jsonrpc_msg *msg)
{
    jsonrpc_session_send(s->js, msg);
}

/* Forgets everything a client set up, e.g. when its connection drops. */
static void
session_reset(struct session *s)
{
    struct monitor *m;
    HMAP_FOR_EACH_POP (m, node, &s->monitors) {
        ovs_list_remove(&m->list_node);
        monitor_destroy(m);
    }
    struct trigger *t;
    LIST_FOR_EACH_SAFE (t, node, &s->triggers) {
        trigger_destroy(t);
    }
    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, &s->locks) {
        lock_waiter_remove(s->server, node->data);
    }
}

static void
session_destroy(struct session *s)
{
    session_reset(s);
    hmap_destroy(&s->monitors);
    shash_destroy(&s->locks);
    jsonrpc_session_close(s->js);
    ovs_list_remove(&s->node);
    if (s->remote) {
        s->remote->active = NULL;
    }
    free(s);
}

static void
handle_request(struct session *s, struct jsonrpc_msg *request)
{
    const char *method = request->method;
    struct ovsdb_error *error = NULL;
    struct json *result = NULL;

    if (!strcmp(method, "transact")) {
        handle_transact(s, request);
        return;
    } else if (!strcmp(method, "list_dbs")) {
        result = json_array_create_empty();
        const struct shash_node **dbs = shash_sort(&s->server->dbs);
        for (size_t i = 0; i < shash_count(&s->server->dbs); i++) {
            json_array_add(result, json_string_create(dbs[i]->name));
        }
        free(dbs);
    } else if (!strcmp(method, "get_schema")) {
        const struct json *params = request->params;
        struct db_entry *dbe = NULL;
        if (params->type == JSON_ARRAY && json_array(params)->n == 1
            && json_array(params)->elems[0]->type == JSON_STRING) {
            dbe = shash_find_data(
                &s->server->dbs, json_string(json_array(params)->elems[0]));
        }
        if (dbe) {
            result = ovsdb_schema_to_json(dbe->db->schema);
        } else {
            error = ovsdb_syntax_error(params, "unknown database", "%s",
                                       "get_schema request names no "
                                       "database served here");
        }
    } else if (!strcmp(method, "monitor")) {
        result = handle_monitor(s, request->params, &error);
    } else if (!strcmp(method, "monitor_cancel")) {
        result = handle_monitor_cancel(s, request->params, &error);
    } else if (!strcmp(method, "lock") || !strcmp(method, "steal")
               || !strcmp(method, "unlock")) {
        result = handle_lock(s, request->params, method, &error);
    } else if (!strcmp(method, "echo")) {
        result = json_clone(request->params);
    } else if (!strcmp(method, "cancel")) {
        handle_cancel(s, request);
        jsonrpc_msg_destroy(request);
        return;
    } else {
        error = ovsdb_error("unknown method", "\"%s\" is not a method of "
                            "this server", method);
    }

    if (error) {
        reply_error(s, error, request->id);
    } else {
        session_send(s, jsonrpc_create_reply(result, request->id));
    }
    jsonrpc_msg_destroy(request);
}

static void
session_run(struct session *s)
{
    jsonrpc_session_run(s->js);

    /* Blocked transactions go first: if the database changed since they
     * last ran, their replies belong before replies to newer requests. */
    session_run_triggers(s);
    for (int i = 0; i < 50 && jsonrpc_session_is_alive(s->js); i++) {
        struct jsonrpc_msg *msg = jsonrpc_session_recv(s->js);
        if (!msg) {
            break;
        }
        if (msg->type == JSONRPC_REQUEST) {
            handle_request(s, msg);
        } else if (msg->type == JSONRPC_NOTIFY
                   && !strcmp(msg->method, "cancel")) {
            handle_cancel(s, msg);
            jsonrpc_msg_destroy(msg);
        } else {
            /* Replies (e.g. to an "echo" probe) need nothing from us. */
            jsonrpc_msg_destroy(msg);
        }
    }
}

void
ovsdb_jsonrpc_server_run(struct ovsdb_jsonrpc_server *server)
{
    struct remote *remote;
    LIST_FOR_EACH (remote, node, &server->remotes) {
        for (int i = 0; remote->listener && i < 10; i++) {
            struct stream *stream;
            int error = pstream_accept(remote->listener, &stream);
            if (error) {
                if (error != EAGAIN) {
                    VLOG_WARN("%s: accept failed: %s", remote->name,
                              ovs_strerror(error));
                }
                break;
            }
            session_create(server,
                           jsonrpc_session_open_unreliably(
                               jsonrpc_open(stream), 0), NULL);
        }
    }

    struct session *s;
    LIST_FOR_EACH_SAFE (s, node, &server->sessions) {
        unsigned int seqno = jsonrpc_session_get_seqno(s->js);
        session_run(s);
        if (jsonrpc_session_get_seqno(s->js) != seqno && s->remote) {
            /* An active remote reconnected: it is a new client. */
            session_reset(s);
        }
        if (!jsonrpc_session_is_alive(s->js)) {
            session_destroy(s);
        }
    }
}

void
ovsdb_jsonrpc_server_wait(struct ovsdb_jsonrpc_server *server)
{
    struct remote *remote;
    LIST_FOR_EACH (remote, node, &server->remotes) {
        if (remote->listener) {
            pstream_wait(remote->listener);
        }
    }

    struct session *s;
    LIST_FOR_EACH (s, node, &server->sessions) {
        jsonrpc_session_wait(s->js);
        jsonrpc_session_recv_wait(s->js);
        struct trigger *t;
        LIST_FOR_EACH (t, node, &s->triggers) {
            if (t->generation != t->dbe->generation) {
                poll_immediate_wake();
            } else if (t->deadline != LLONG_MAX) {
                poll_timer_wait_until(t->deadline);
            }
        }
    }
}
