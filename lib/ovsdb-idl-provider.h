/* The parts of the IDL that generated code (ovsdb-idlc output) and the IDL
 * itself share: descriptions of a database's tables and columns, and the
 * header that every replicated row starts with.
 *
 * A generated row struct ("struct ovsrec_bridge") begins with a
 * struct ovsdb_idl_row and continues with typed members, one group per
 * column.  Each column descriptor says where its members sit (offsets into
 * the row struct) and which of a handful of layouts they follow, so that
 * ovsdb-idl.c can fill and free them without per-column code.
 *
 * Applications should use ovsdb-idl.h and the generated header; only code
 * that walks tables generically (ovs-vsctl's database commands, for
 * example) needs the members described here. */

#ifndef OVSDB_IDL_PROVIDER_H
#define OVSDB_IDL_PROVIDER_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/uuid.h"
#include "ovsdb-data.h"
#include "ovsdb-types.h"

struct ovsdb_idl;
struct ovsdb_idl_table;
struct ovsdb_idl_txn;

/* Kinds of change to a row, for change tracking. */
enum ovsdb_idl_change {
    OVSDB_IDL_CHANGE_INSERT,    /* The row appeared. */
    OVSDB_IDL_CHANGE_MODIFY,    /* Some column changed. */
    OVSDB_IDL_CHANGE_DELETE,    /* The row went away. */
    OVSDB_IDL_CHANGE_MAX
};

/* How a column's typed members are laid out in a row struct.  T is the C
 * type of one atom: int64_t, double, bool, char *, struct uuid, or a
 * pointer to the referenced table's row struct. */
enum ovsdb_idl_layout {
    OVSDB_IDL_LAYOUT_SCALAR,    /* T x;  (exactly one value) */
    OVSDB_IDL_LAYOUT_POINTER,   /* T x;  (optional string or reference,
                                 * NULL when empty) */
    OVSDB_IDL_LAYOUT_ARRAY,     /* T *x; size_t n_x; */
    OVSDB_IDL_LAYOUT_SMAP,      /* struct smap x;  (string-to-string map) */
    OVSDB_IDL_LAYOUT_MAP        /* K *key_x; V *value_x; size_t n_x; */
};

struct ovsdb_idl_column {
    const char *name;
    const char *type_json;      /* The schema's type, as JSON text. */
    bool is_mutable;
    enum ovsdb_idl_layout layout;
    size_t offset;              /* Member 'x' or 'key_x'. */
    size_t value_offset;        /* Member 'value_x' (MAP only). */
    size_t n_offset;            /* Member 'n_x' (ARRAY and MAP). */

    /* Parsed from 'type_json' by ovsdb_idl_class_init(). */
    struct ovsdb_type type;
};

struct ovsdb_idl_table_class {
    const char *name;
    bool is_root;               /* Rows live without references to them. */
    bool is_singleton;          /* maxRows is 1. */
    struct ovsdb_idl_column *columns;
    size_t n_columns;
    size_t allocation_size;     /* Size of the generated row struct. */
};

struct ovsdb_idl_class {
    const char *database;
    struct ovsdb_idl_table_class *tables;
    size_t n_tables;
    bool initialized;           /* Column types parsed? */
};

/* Lets generated FOR_EACH_SAFE macros take either (ROW, IDL) or
 * (ROW, NEXT, IDL). */
#define OVSDB_IDL_PICK_SAFE_(A1, A2, A3, NAME, ...) NAME

/* Parses the column types of 'class' if that has not been done yet.
 * Aborts on a malformed type, which would be a bug in ovsdb-idlc. */
void ovsdb_idl_class_init(struct ovsdb_idl_class *);

/* The client's view of one table.  Readers may use 'class_'; the rest is
 * private to ovsdb-idl.c. */
struct ovsdb_idl_table {
    const struct ovsdb_idl_table_class *class_;
    struct ovsdb_idl *idl;
    unsigned char *modes;       /* OVSDB_IDL_* bits, one per column. */
    bool need_table;            /* Replicate rows even with no columns. */
    bool has_refs;              /* Some column refers to another table. */
    bool server_has;            /* Present in the server's schema? */
    bool *server_has_column;    /* Per column. */
    struct hmap rows;           /* struct ovsdb_idl_row, by UUID. */
    unsigned int change_seqno[OVSDB_IDL_CHANGE_MAX];
    struct ovs_list track_list; /* Tracked rows. */
};

/* The start of every replicated row.  All members are private to
 * ovsdb-idl.c except 'uuid' and 'table', which readers may use. */
struct ovsdb_idl_row {
    struct hmap_node hmap_node;     /* In table's 'rows', by uuid. */
    struct uuid uuid;
    struct ovsdb_idl_table *table;

    /* Committed contents, one datum per column, as the server last sent
     * them; NULL for a row that only exists in the open transaction. */
    struct ovsdb_datum *old_datum;

    /* Contents written by the open transaction: new_datum[i] is valid
     * only if written[i].  NULL if nothing has been written. */
    struct ovsdb_datum *new_datum;
    bool *written;
    bool *prereqs;              /* Columns to verify before committing. */
    bool txn_deleted;           /* Deleted by the open transaction. */
    struct ovs_list txn_node;   /* In the transaction's row list. */
    bool in_txn;

    /* Change tracking. */
    unsigned int change_seqno[OVSDB_IDL_CHANGE_MAX];
    bool *updated;              /* Columns changed by the last update. */
    struct ovs_list track_node; /* In table's 'track_list' if tracked. */
    bool tracked;
    bool server_deleted;        /* Gone from the server, kept for tracking. */
};

#endif /* ovsdb-idl-provider.h */
