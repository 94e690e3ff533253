/* A database stored in an OVSDB log file.
 *
 * Loading replays the log: each record becomes a transaction on the
 * in-memory database, committed with the usual checks, so a file can never
 * produce a database that a client could not have built.  After loading,
 * the file joins the database's replicas and appends one record per
 * committed transaction.  Ephemeral columns are never written. */

#include <config.h>
#include "file.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "log.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb.h"
#include "schema.h"
#include "timeval.h"
#include "transaction.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_file);

/* Automatic compaction happens once the log holds at least this many
 * transactions since the last compaction, and has at least doubled. */
#define COMPACT_MIN_TXNS 100

struct ovsdb_file {
    struct ovsdb_replica replica;
    struct ovsdb *db;
    struct ovsdb_log *log;
    unsigned int n_txns;        /* Transactions since the snapshot. */
    off_t snapshot_size;        /* Log size right after the snapshot. */
};

static const struct ovsdb_replica_class file_replica_class;

/* ------------------------------------------------------------------ */
/* Reading records. */

/* Applies diff 'diff' to 'datum' the way Open vSwitch's "_is_diff" records
 * mean it: for sets, the symmetric difference; for maps, a key absent from
 * 'datum' is added, a key present with the same value is removed, and a
 * key present with another value gets the new value. */
static void
apply_datum_diff(struct ovsdb_datum *datum, const struct ovsdb_datum *diff,
                 const struct ovsdb_type *type)
{
    if (!ovsdb_type_is_composite(type)) {
        /* A scalar's "diff" is just its new value. */
        struct ovsdb_datum copy;
        ovsdb_datum_clone(&copy, diff, type);
        ovsdb_datum_swap(datum, &copy);
        ovsdb_datum_destroy(&copy, type);
        return;
    }
    for (unsigned int i = 0; i < diff->n; i++) {
        const union ovsdb_atom *key = &diff->keys[i];
        const union ovsdb_atom *value = diff->values ? &diff->values[i]
                                                     : NULL;
        unsigned int idx = ovsdb_datum_find_key(datum, key, type->key.type);
        if (idx == UINT_MAX) {
            ovsdb_datum_add_unsafe(datum, key, value, type);
        } else if (!value
                   || ovsdb_atom_equals(&datum->values[idx], value,
                                        type->value.type)) {
            ovsdb_datum_remove_unsafe(datum, idx, type);
        } else {
            ovsdb_atom_destroy(&datum->values[idx], type->value.type);
            ovsdb_atom_clone(&datum->values[idx], value, type->value.type);
        }
        ovsdb_datum_sort_assert(datum, type->key.type);
    }
}

static struct ovsdb_error *
apply_row_json(struct ovsdb_row *row, const struct json *json, bool is_diff)
{
    const struct ovsdb_table_schema *ts = row->table->schema;
    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(json)) {
        const struct ovsdb_column *column = ovsdb_table_schema_get_column(
            ts, node->name);
        if (!column || column->index < OVSDB_N_STD_COLUMNS) {
            return ovsdb_syntax_error(json, "unknown column", "No column %s "
                                      "in table %s.", node->name, ts->name);
        }

        struct ovsdb_type type;
        ovsdb_type_clone(&type, &column->type);
        if (is_diff) {
            type.n_min = 0;
            type.n_max = UINT_MAX;
        }
        struct ovsdb_datum datum;
        struct ovsdb_error *error = ovsdb_datum_from_json(&datum, &type,
                                                          node->data, NULL);
        if (!error) {
            struct ovsdb_datum *field = &row->fields[column->index];
            if (is_diff) {
                apply_datum_diff(field, &datum, &column->type);
            } else {
                ovsdb_datum_swap(field, &datum);
            }
            ovsdb_datum_destroy(&datum, &type);
        }
        ovsdb_type_destroy(&type);
        if (error) {
            return ovsdb_wrap_error(error, "column %s", column->name);
        }
    }
    return NULL;
}

static struct ovsdb_error *
apply_table_changes(struct ovsdb_txn *txn, struct ovsdb_table *table,
                    const struct json *json, bool is_diff)
{
    if (json->type != JSON_OBJECT) {
        return ovsdb_syntax_error(json, NULL, "object expected");
    }
    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(json)) {
        struct uuid uuid;
        if (!uuid_from_string(&uuid, node->name)) {
            return ovsdb_syntax_error(json, NULL, "\"%s\" is not a valid "
                                      "UUID", node->name);
        }
        const struct json *row_json = node->data;
        const struct ovsdb_row *row = ovsdb_table_get_row(table, &uuid);
        if (row_json->type == JSON_NULL) {
            if (!row) {
                return ovsdb_syntax_error(json, NULL, "transaction deletes "
                                          "row "UUID_FMT" that does not "
                                          "exist", UUID_ARGS(&uuid));
            }
            ovsdb_txn_row_delete(txn, row);
        } else if (row_json->type == JSON_OBJECT) {
            if (row) {
                struct ovsdb_row *new = ovsdb_txn_row_modify(txn, row);
                struct ovsdb_error *error = apply_row_json(new, row_json,
                                                           is_diff);
                if (error) {
                    return error;
                }
            } else {
                struct ovsdb_row *new = ovsdb_row_create(table);
                *ovsdb_row_get_uuid_rw(new) = uuid;
                struct ovsdb_error *error = apply_row_json(new, row_json,
                                                           false);
                if (error) {
                    ovsdb_row_destroy(new);
                    return error;
                }
                ovsdb_txn_row_insert(txn, new);
            }
        } else {
            return ovsdb_syntax_error(row_json, NULL, "row must be an "
                                      "object or null");
        }
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_file_apply_record(struct ovsdb *db, const struct json *record)
{
    if (record->type != JSON_OBJECT) {
        return ovsdb_syntax_error(record, NULL, "object expected");
    }
    const struct json *is_diff = shash_find_data(json_object(record),
                                                 "_is_diff");
    bool diff = is_diff && is_diff->type == JSON_TRUE;

    struct ovsdb_txn *txn = ovsdb_txn_create(db);
    const struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(record)) {
        if (node->name[0] == '_') {
            continue;
        }
        struct ovsdb_table *table = ovsdb_get_table(db, node->name);
        struct ovsdb_error *error;
        if (!table) {
            error = ovsdb_syntax_error(record, "unknown table", "No table "
                                       "named %s.", node->name);
        } else {
            error = apply_table_changes(txn, table, node->data, diff);
        }
        if (error) {
            ovsdb_txn_abort(txn);
            return error;
        }
    }
    const struct json *comment = shash_find_data(json_object(record),
                                                 "_comment");
    if (comment && comment->type == JSON_STRING) {
        ovsdb_txn_add_comment(txn, json_string(comment));
    }
    return ovsdb_txn_commit(txn, false);
}

static struct ovsdb_error *
read_schema_record(struct ovsdb_log *log, struct ovsdb_schema **schemap)
{
    struct json *json;
    struct ovsdb_error *error = ovsdb_log_read(log, &json);
    if (error) {
        return error;
    }
    if (!json) {
        const char *problem = ovsdb_log_get_tail_problem(log);
        return ovsdb_error("syntax error", "%s: %s",
                           ovsdb_log_get_name(log),
                           problem ? problem : "database file is empty");
    }
    error = ovsdb_schema_from_json(json, schemap);
    json_destroy(json);
    if (error) {
        return ovsdb_wrap_error(error, "failed to parse \"%s\" as ovsdb "
                                "schema", ovsdb_log_get_name(log));
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_file_read_schema(const char *file_name, struct ovsdb_schema **schemap)
{
    struct ovsdb_log *log;
    *schemap = NULL;
    struct ovsdb_error *error = ovsdb_log_open(file_name,
                                               OVSDB_LOG_READ_ONLY, &log);
    if (!error) {
        error = read_schema_record(log, schemap);
        ovsdb_log_close(log);
    }
    return error;
}

struct ovsdb_error *
ovsdb_file_open(const char *file_name, bool read_only, struct ovsdb **dbp,
                struct ovsdb_file **filep)
{
    *dbp = NULL;
    if (filep) {
        *filep = NULL;
    }

    struct ovsdb_log *log;
    struct ovsdb_error *error = ovsdb_log_open(
        file_name, read_only ? OVSDB_LOG_READ_ONLY : OVSDB_LOG_READ_WRITE,
        &log);
    if (error) {
        return error;
    }

    struct ovsdb_schema *schema;
    error = read_schema_record(log, &schema);
    if (error) {
        ovsdb_log_close(log);
        return error;
    }

    struct ovsdb *db = ovsdb_create(schema);
    unsigned int n_txns = 0;
    for (;;) {
        struct json *record;
        error = ovsdb_log_read(log, &record);
        if (error || !record) {
            break;
        }
        error = ovsdb_file_apply_record(db, record);
        json_destroy(record);
        if (error) {
            error = ovsdb_wrap_error(error, "%s: transaction %u", file_name,
                                     n_txns + 1);
            break;
        }
        n_txns++;
    }
    if (error) {
        ovsdb_destroy(db);
        ovsdb_log_close(log);
        return error;
    }

    if (read_only) {
        ovsdb_log_close(log);
    } else {
        struct ovsdb_file *file = xzalloc(sizeof *file);
        ovsdb_replica_init(&file->replica, &file_replica_class);
        file->db = db;
        file->log = log;
        file->n_txns = n_txns;
        file->snapshot_size = ovsdb_log_get_offset(log);
        ovsdb_add_replica(db, &file->replica);
        if (filep) {
            *filep = file;
        }
    }
    *dbp = db;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Writing records. */

struct record_ctx {
    struct json *record;
    bool any;
};

static bool
add_change(const struct ovsdb_row *old, const struct ovsdb_row *new,
           void *ctx_)
{
    struct record_ctx *ctx = ctx_;
    const struct ovsdb_row *any = new ? new : old;
    const struct ovsdb_table_schema *ts = any->table->schema;

    struct json *row_json;
    if (!new) {
        row_json = json_null_create();
    } else {
        row_json = json_object_create();
        for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
            const struct ovsdb_column *column = ts->by_index[i];
            const struct ovsdb_datum *d = &new->fields[i];
            if (!column->persistent
                || (old ? ovsdb_datum_equals(d, &old->fields[i],
                                             &column->type)
                    : ovsdb_datum_is_default(d, &column->type))) {
                continue;
            }
            json_object_put(row_json, column->name,
                            ovsdb_datum_to_json(d, &column->type));
        }
        if (old && shash_is_empty(json_object(row_json))) {
            /* Only ephemeral columns changed. */
            json_destroy(row_json);
            return true;
        }
    }

    struct json *table_json = shash_find_data(json_object(ctx->record),
                                              ts->name);
    if (!table_json) {
        table_json = json_object_create();
        json_object_put(ctx->record, ts->name, table_json);
    }
    char uuid[UUID_LEN + 1];
    snprintf(uuid, sizeof uuid, UUID_FMT, UUID_ARGS(ovsdb_row_get_uuid(any)));
    json_object_put(table_json, uuid, row_json);
    ctx->any = true;
    return true;
}

struct json *
ovsdb_file_txn_to_json(const struct ovsdb_txn *txn)
{
    struct record_ctx ctx = { .record = json_object_create() };
    ovsdb_txn_for_each_change(txn, add_change, &ctx);
    if (!ctx.any) {
        json_destroy(ctx.record);
        return NULL;
    }
    const char *comment = ovsdb_txn_get_comment(txn);
    if (comment) {
        json_object_put_string(ctx.record, "_comment", comment);
    }
    json_object_put(ctx.record, "_date",
                    json_integer_create(time_wall_msec()));
    return ctx.record;
}

/* Returns a record that inserts every row of 'db'. */
static struct json *
snapshot_to_json(const struct ovsdb *db, const char *comment)
{
    struct json *record = json_object_create();
    const struct shash_node *node;
    SHASH_FOR_EACH (node, &db->tables) {
        const struct ovsdb_table *table = node->data;
        if (hmap_is_empty(&table->rows)) {
            continue;
        }
        struct json *table_json = json_object_create();
        const struct ovsdb_row *row;
        HMAP_FOR_EACH (row, hmap_node, &table->rows) {
            struct record_ctx ctx = { .record = record };
            struct json *tmp = json_object_create();
            ctx.record = tmp;
            add_change(NULL, row, &ctx);
            struct json *rows = shash_find_data(json_object(tmp),
                                                table->schema->name);
            const struct shash_node *r = shash_first(json_object(rows));
            json_object_put(table_json, r->name, json_clone(r->data));
            json_destroy(tmp);
        }
        json_object_put(record, table->schema->name, table_json);
    }
    if (comment) {
        json_object_put_string(record, "_comment", comment);
    }
    json_object_put(record, "_date", json_integer_create(time_wall_msec()));
    return record;
}

struct ovsdb_error *
ovsdb_file_save_copy(const char *file_name, const char *comment,
                     const struct ovsdb *db)
{
    struct json *records[2];
    records[0] = ovsdb_schema_to_json(db->schema);
    records[1] = snapshot_to_json(db, comment);
    struct ovsdb_error *error = ovsdb_log_write_file(file_name, records, 2);
    json_destroy(records[0]);
    json_destroy(records[1]);
    return error;
}

struct ovsdb_error *
ovsdb_file_create(const char *file_name, const struct ovsdb_schema *schema)
{
    struct ovsdb_log *log;
    struct ovsdb_error *error = ovsdb_log_open(file_name,
                                               OVSDB_LOG_CREATE_EXCL, &log);
    if (error) {
        return error;
    }
    struct json *json = ovsdb_schema_to_json(schema);
    error = ovsdb_log_write(log, json);
    json_destroy(json);
    if (!error) {
        error = ovsdb_log_commit(log);
    }
    ovsdb_log_close(log);
    if (error) {
        unlink(file_name);
    }
    return error;
}

struct ovsdb_error *
ovsdb_file_compact(struct ovsdb_file *file)
{
    VLOG_INFO("%s: compacting database online",
              ovsdb_log_get_name(file->log));
    struct json *records[2];
    records[0] = ovsdb_schema_to_json(file->db->schema);
    records[1] = snapshot_to_json(file->db, "compacting database online");
    struct ovsdb_error *error = ovsdb_log_replace(file->log, records, 2);
    json_destroy(records[0]);
    json_destroy(records[1]);
    if (!error) {
        file->n_txns = 0;
        file->snapshot_size = ovsdb_log_get_offset(file->log);
    }
    return error;
}

static struct ovsdb_error *
file_replica_commit(struct ovsdb_replica *replica, const struct ovsdb_txn *txn,
                    bool durable)
{
    struct ovsdb_file *file = CONTAINER_OF(replica, struct ovsdb_file,
                                           replica);
    struct json *record = ovsdb_file_txn_to_json(txn);
    if (!record) {
        return durable ? ovsdb_log_commit(file->log) : NULL;
    }
    struct ovsdb_error *error = ovsdb_log_write(file->log, record);
    json_destroy(record);
    if (!error && durable) {
        error = ovsdb_log_commit(file->log);
    }
    if (error) {
        return error;
    }

    file->n_txns++;
    if (file->n_txns >= COMPACT_MIN_TXNS
        && ovsdb_log_get_offset(file->log) >= 2 * file->snapshot_size) {
        /* The transaction is already safely in the log, so a failed
         * compaction only costs disk space. */
        struct ovsdb_error *compact_error = ovsdb_file_compact(file);
        if (compact_error) {
            char *s = ovsdb_error_to_string_free(compact_error);
            VLOG_WARN("%s: compaction failed: %s",
                      ovsdb_log_get_name(file->log), s);
            free(s);
        }
    }
    return NULL;
}

static void
file_replica_destroy(struct ovsdb_replica *replica)
{
    struct ovsdb_file *file = CONTAINER_OF(replica, struct ovsdb_file,
                                           replica);
    ovsdb_log_close(file->log);
    free(file);
}

static const struct ovsdb_replica_class file_replica_class = {
    file_replica_commit,
    file_replica_destroy,
};
