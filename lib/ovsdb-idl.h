/* The IDL ("interface definition language" client): a local, read-mostly
 * replica of part of an OVSDB database, plus transactions to change it.
 *
 * A client creates an IDL for a database class (generated from a schema by
 * ovsdb-idlc), says which tables and columns it cares about, and then calls
 * ovsdb_idl_run() from its main loop.  The IDL connects (and reconnects)
 * to the server, asks it to "monitor" those columns, and keeps its rows up
 * to date from the server's notifications.  ovsdb_idl_get_seqno() changes
 * whenever the replica changes in a way the client asked to be alerted
 * about.
 *
 * To change the database, a client opens a transaction, writes typed
 * values through the generated setters (which land here), optionally
 * "verifies" columns whose old values its decisions depend on, and
 * commits.  The commit turns the writes into one RFC 7047 "transact"
 * request; if a verified column changed meanwhile, the server refuses and
 * the commit reports TXN_TRY_AGAIN, after which the client waits for the
 * replica to catch up and redoes its work.
 *
 * Rows and their typed members are valid until the next ovsdb_idl_run()
 * or the end of the transaction that created them. */

#ifndef OVSDB_IDL_H
#define OVSDB_IDL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ovsdb-idl-provider.h"

struct json;
struct smap;
struct uuid;

/* Lifecycle. */

/* Creates an IDL for 'class' that connects to 'remote' (e.g.
 * "unix:/var/run/openvswitch/db.sock").  If 'monitor_everything_by_default'
 * is true, every table and column is replicated with alerts, otherwise
 * nothing is until ovsdb_idl_add_column()/add_table().  If 'retry' is
 * false, a failed connection is not retried.  The caller owns the result
 * and must free it with ovsdb_idl_destroy(). */
struct ovsdb_idl *ovsdb_idl_create(const char *remote,
                                   struct ovsdb_idl_class *,
                                   bool monitor_everything_by_default,
                                   bool retry);
/* Main loop: ovsdb_idl_run() processes what the server sent and keeps the
 * connection going; ovsdb_idl_wait() arranges for poll_block() to wake up
 * when there is something to do. */
void ovsdb_idl_run(struct ovsdb_idl *);
void ovsdb_idl_wait(struct ovsdb_idl *);
void ovsdb_idl_destroy(struct ovsdb_idl *);

/* Changes whenever the replica changes (in an alerted column) or the
 * connection is lost. */
unsigned int ovsdb_idl_get_seqno(const struct ovsdb_idl *);
bool ovsdb_idl_has_ever_connected(const struct ovsdb_idl *);
bool ovsdb_idl_is_connected(const struct ovsdb_idl *);
bool ovsdb_idl_is_alive(const struct ovsdb_idl *);
/* 0, or a positive errno value for the last connection failure. */
int ovsdb_idl_get_last_error(const struct ovsdb_idl *);
void ovsdb_idl_force_reconnect(struct ovsdb_idl *);
void ovsdb_idl_set_probe_interval(const struct ovsdb_idl *, int probe_ms);
const struct ovsdb_idl_class *ovsdb_idl_get_class(const struct ovsdb_idl *);

/* Choosing what to replicate.  A column's mode is a combination of these
 * bits: MONITOR replicates it; ALERT makes changes to it bump the IDL's
 * seqno; TRACK records which rows changed it, for the tracking API. */
#define OVSDB_IDL_MONITOR (1 << 0)
#define OVSDB_IDL_ALERT   (1 << 1)
#define OVSDB_IDL_TRACK   (1 << 2)

/* Replicates 'column' with alerts. */
void ovsdb_idl_add_column(struct ovsdb_idl *, const struct ovsdb_idl_column *);
/* Replicates 'table''s rows even if none of its columns is replicated. */
void ovsdb_idl_add_table(struct ovsdb_idl *,
                         const struct ovsdb_idl_table_class *);
/* Stops replicating 'column'. */
void ovsdb_idl_omit(struct ovsdb_idl *, const struct ovsdb_idl_column *);
/* Keeps replicating 'column' but without alerts: a client that only
 * writes a column (e.g. status it reports) need not wake up for it. */
void ovsdb_idl_omit_alert(struct ovsdb_idl *,
                          const struct ovsdb_idl_column *);
/* Reports whether the server's schema has 'table' / 'column' (false until
 * the schema has been received). */
bool ovsdb_idl_server_has_table(const struct ovsdb_idl *,
                                const struct ovsdb_idl_table_class *);
bool ovsdb_idl_server_has_column(const struct ovsdb_idl *,
                                 const struct ovsdb_idl_column *);

/* Change tracking.  With tracking on for a column, rows that change it
 * (and rows inserted or deleted in its table) are listed by
 * ovsdb_idl_track_get_first()/next() until ovsdb_idl_track_clear();
 * deleted rows stay readable until then. */
void ovsdb_idl_track_add_column(struct ovsdb_idl *,
                                const struct ovsdb_idl_column *);
void ovsdb_idl_track_add_all(struct ovsdb_idl *);
void ovsdb_idl_track_clear(struct ovsdb_idl *);
const struct ovsdb_idl_row *ovsdb_idl_track_get_first(
    const struct ovsdb_idl *, const struct ovsdb_idl_table_class *);
const struct ovsdb_idl_row *ovsdb_idl_track_get_next(
    const struct ovsdb_idl_row *);
bool ovsdb_idl_track_is_updated(const struct ovsdb_idl_row *,
                                const struct ovsdb_idl_column *);
unsigned int ovsdb_idl_table_get_seqno(const struct ovsdb_idl *,
                                       const struct ovsdb_idl_table_class *);
unsigned int ovsdb_idl_row_get_seqno(const struct ovsdb_idl_row *,
                                     enum ovsdb_idl_change);
bool ovsdb_idl_row_is_new(const struct ovsdb_idl_row *);
bool ovsdb_idl_row_is_deleted(const struct ovsdb_idl_row *);

/* Locks.  With a lock name set, the IDL asks the server for that lock
 * after each connection; transactions then assert it. */
void ovsdb_idl_set_lock(struct ovsdb_idl *, const char *lock_name);
bool ovsdb_idl_has_lock(const struct ovsdb_idl *);
bool ovsdb_idl_is_lock_contended(const struct ovsdb_idl *);

/* Reading rows. */
const struct ovsdb_idl_row *ovsdb_idl_first_row(
    const struct ovsdb_idl *, const struct ovsdb_idl_table_class *);
const struct ovsdb_idl_row *ovsdb_idl_next_row(const struct ovsdb_idl_row *);
const struct ovsdb_idl_row *ovsdb_idl_get_row_for_uuid(
    const struct ovsdb_idl *, const struct ovsdb_idl_table_class *,
    const struct uuid *);
/* Returns 'column''s current value in 'row' (as written by the open
 * transaction, if it was).  Never NULL; owned by the IDL. */
const struct ovsdb_datum *ovsdb_idl_read(const struct ovsdb_idl_row *,
                                         const struct ovsdb_idl_column *);
/* Same, checking that 'column' belongs to 'row''s table. */
const struct ovsdb_datum *ovsdb_idl_get(const struct ovsdb_idl_row *,
                                        const struct ovsdb_idl_column *,
                                        enum ovsdb_atomic_type key_type,
                                        enum ovsdb_atomic_type value_type);
const struct ovsdb_idl_table_class *ovsdb_idl_table_class_from_column(
    const struct ovsdb_idl_class *, const struct ovsdb_idl_column *);

/* Transactions. */

enum ovsdb_idl_txn_status {
    TXN_UNCOMMITTED,            /* Not yet committed or aborted. */
    TXN_UNCHANGED,              /* Nothing to do: no request was sent. */
    TXN_INCOMPLETE,             /* Sent, waiting for the reply. */
    TXN_ABORTED,                /* ovsdb_idl_txn_abort() was called. */
    TXN_SUCCESS,                /* The server committed it. */
    TXN_TRY_AGAIN,              /* Verification failed or the connection
                                 * dropped: redo the work and retry. */
    TXN_NOT_LOCKED,             /* The IDL's lock is not held. */
    TXN_ERROR                   /* Refused; see ovsdb_idl_txn_get_error(). */
};

const char *ovsdb_idl_txn_status_to_string(enum ovsdb_idl_txn_status);

/* Opens a transaction on 'idl' (at most one at a time).  The caller owns
 * it and must eventually call ovsdb_idl_txn_destroy(). */
struct ovsdb_idl_txn *ovsdb_idl_txn_create(struct ovsdb_idl *);
void ovsdb_idl_txn_add_comment(struct ovsdb_idl_txn *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* With 'dry_run', the request ends with an "abort" operation, so the
 * server checks it but commits nothing. */
void ovsdb_idl_txn_set_dry_run(struct ovsdb_idl_txn *);
/* Asks the commit to add 1 to integer 'column' of 'row' and report the
 * result through ovsdb_idl_txn_get_increment_new_value().  If 'force' is
 * false the increment is done only if the transaction changes something
 * else too. */
void ovsdb_idl_txn_increment(struct ovsdb_idl_txn *,
                             const struct ovsdb_idl_row *,
                             const struct ovsdb_idl_column *, bool force);
int64_t ovsdb_idl_txn_get_increment_new_value(const struct ovsdb_idl_txn *);

enum ovsdb_idl_txn_status ovsdb_idl_txn_commit(struct ovsdb_idl_txn *);
enum ovsdb_idl_txn_status ovsdb_idl_txn_commit_block(struct ovsdb_idl_txn *);
void ovsdb_idl_txn_abort(struct ovsdb_idl_txn *);
void ovsdb_idl_txn_destroy(struct ovsdb_idl_txn *);
void ovsdb_idl_txn_wait(const struct ovsdb_idl_txn *);
/* A description of the last error, owned by the transaction. */
const char *ovsdb_idl_txn_get_error(const struct ovsdb_idl_txn *);
struct ovsdb_idl *ovsdb_idl_txn_get_idl(struct ovsdb_idl_txn *);
/* After a successful commit, maps the temporary UUID that
 * ovsdb_idl_txn_insert() gave a row to the UUID the server assigned;
 * NULL if 'uuid' was not inserted by this transaction. */
const struct uuid *ovsdb_idl_txn_get_insert_uuid(const struct ovsdb_idl_txn *,
                                                 const struct uuid *);

/* Writes 'datum' (taking ownership) as the new value of 'column' in
 * 'row'.  The _clone variant copies 'datum' instead. */
void ovsdb_idl_txn_write(const struct ovsdb_idl_row *,
                         const struct ovsdb_idl_column *,
                         struct ovsdb_datum *datum);
void ovsdb_idl_txn_write_clone(const struct ovsdb_idl_row *,
                               const struct ovsdb_idl_column *,
                               const struct ovsdb_datum *datum);
/* Builds a datum from 'n' C values (laid out as the column's typed
 * members are: int64_t, double, bool, const char *, struct uuid, or
 * const struct ovsdb_idl_row * for references) and writes it. */
void ovsdb_idl_txn_write_c(const struct ovsdb_idl_row *,
                           const struct ovsdb_idl_column *,
                           const void *keys, const void *values, size_t n);
void ovsdb_idl_txn_write_smap(const struct ovsdb_idl_row *,
                              const struct ovsdb_idl_column *,
                              const struct smap *);
/* Adds ('add' true) or removes one element of a set, or sets or deletes
 * one key of a map ('value' ignored for deletion).  The change applies to
 * the column's current value and the whole column is written, so a client
 * that must not lose concurrent changes to other elements should verify
 * the column first. */
void ovsdb_idl_txn_write_partial(const struct ovsdb_idl_row *,
                                 const struct ovsdb_idl_column *, bool add,
                                 const void *key, const void *value);
/* Makes the commit fail with TXN_TRY_AGAIN if 'column' of 'row' has
 * changed on the server since the replica last saw it. */
void ovsdb_idl_txn_verify(const struct ovsdb_idl_row *,
                          const struct ovsdb_idl_column *);
void ovsdb_idl_txn_delete(const struct ovsdb_idl_row *);
/* Inserts a new row of 'class' with default values.  If 'uuid' is
 * nonnull it becomes the row's temporary UUID, otherwise one is chosen.
 * The row belongs to the transaction. */
const struct ovsdb_idl_row *ovsdb_idl_txn_insert(
    struct ovsdb_idl_txn *, const struct ovsdb_idl_table_class *,
    const struct uuid *);

/* A main-loop helper for clients that keep committing changes:
 *
 *     struct ovsdb_idl_loop loop = OVSDB_IDL_LOOP_INITIALIZER(idl);
 *     for (;;) {
 *         struct ovsdb_idl_txn *txn = ovsdb_idl_loop_run(&loop);
 *         ...read rows; if txn, write through it...
 *         ovsdb_idl_loop_commit_and_wait(&loop);
 *         poll_block();
 *     }
 */
struct ovsdb_idl_loop {
    struct ovsdb_idl *idl;      /* Owned: freed by ovsdb_idl_loop_destroy(). */
    struct ovsdb_idl_txn *open_txn;       /* Returned by ..._loop_run(). */
    struct ovsdb_idl_txn *committing_txn; /* Sent, awaiting its outcome. */
    unsigned int precommit_seqno;   /* IDL seqno when it was sent. */
    unsigned int skip_seqno;        /* Open no transaction at this seqno. */
    int64_t next_cfg;           /* Result of the last increment, or -1. */
};

#define OVSDB_IDL_LOOP_INITIALIZER(IDL) \
    { .idl = (IDL), .next_cfg = -1 }

void ovsdb_idl_loop_destroy(struct ovsdb_idl_loop *);
struct ovsdb_idl_txn *ovsdb_idl_loop_run(struct ovsdb_idl_loop *);
int ovsdb_idl_loop_commit_and_wait(struct ovsdb_idl_loop *);

#endif /* ovsdb-idl.h */
