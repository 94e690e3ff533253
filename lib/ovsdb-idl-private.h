/* Internals shared by the two halves of the IDL: ovsdb-idl.c (the
 * replica: connection, monitoring, rows and their typed members, change
 * tracking) and ovsdb-idl-txn.c (transactions).  Nothing outside those two
 * files may include this header. */

#ifndef OVSDB_IDL_PRIVATE_H
#define OVSDB_IDL_PRIVATE_H 1

#include "ovsdb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"

struct jsonrpc_msg;

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
    bool retry;                 /* Reconnect after failures? */
    bool failed;                /* Server refused get_schema/monitor and
                                 * 'retry' is false: the IDL is dead. */
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

/* Replica helpers (ovsdb-idl.c).  See the definitions for details. */
size_t ovsdb_idl_column_index__(const struct ovsdb_idl_table_class *tc,
    const struct ovsdb_idl_column *column);
struct ovsdb_idl_table *ovsdb_idl_table__(const struct ovsdb_idl *idl,
    const struct ovsdb_idl_table_class *tc);
struct ovsdb_idl_row *ovsdb_idl_find_row__(const struct ovsdb_idl_table *t,
    const struct uuid *uuid);
size_t ovsdb_idl_atom_c_size__(const struct ovsdb_base_type *base);
const struct ovsdb_datum *ovsdb_idl_row_datum__(
    const struct ovsdb_idl_row *row, size_t i);
void ovsdb_idl_row_parse__(struct ovsdb_idl_row *row);
void ovsdb_idl_row_unparse__(struct ovsdb_idl_row *row);
void ovsdb_idl_row_reparse_column__(struct ovsdb_idl_row *row, size_t i);
void ovsdb_idl_reparse_refs__(struct ovsdb_idl *idl);
struct ovsdb_datum *ovsdb_idl_datums_create_default__(
    const struct ovsdb_idl_table_class *tc);
void ovsdb_idl_datums_destroy__(struct ovsdb_datum *d,
    const struct ovsdb_idl_table_class *tc);
struct ovsdb_idl_row *ovsdb_idl_row_create__(struct ovsdb_idl_table *t,
    const struct uuid *uuid);
void ovsdb_idl_row_free__(struct ovsdb_idl_row *row);

/* Transaction helpers (ovsdb-idl-txn.c). */
void ovsdb_idl_txn_finish__(struct ovsdb_idl_txn *txn,
    enum ovsdb_idl_txn_status status);
void ovsdb_idl_txn_process_reply__(struct ovsdb_idl_txn *txn,
    const struct jsonrpc_msg *msg);
void ovsdb_idl_txn_disassemble__(struct ovsdb_idl_txn *txn);

#endif /* ovsdb-idl-private.h */
