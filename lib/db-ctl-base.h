/* Generic database commands for ovs-vsctl-like tools.
 *
 * A "ctl" tool runs a chain of commands ("cmd1 args -- cmd2 args ...")
 * inside one OVSDB transaction through the IDL.  This module provides the
 * commands that work on any table (list, find, get, set, add, remove,
 * clear, create, destroy, wait-until), the parsing of the command chain
 * and of "column[:key]=value" arguments, the lookup of tables, columns and
 * records by name, and the printing of results as list, table, CSV or
 * JSON.  The tool adds its own commands and says how records of each table
 * may be named. */

#ifndef DB_CTL_BASE_H
#define DB_CTL_BASE_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "ovsdb-idl.h"

struct ctl_context;
struct ctl_table;
struct ovsdb_symbol_table;

struct ctl_command_syntax {
    const char *name;
    int min_args;
    int max_args;               /* INT_MAX for unlimited. */
    const char *arguments;      /* For --help. */
    /* Runs the command inside the transaction. */
    void (*run)(struct ctl_context *);
    /* After a successful commit, e.g. to print real UUIDs.  May be NULL. */
    void (*postprocess)(struct ctl_context *);
    /* Comma-separated options the command accepts: "--if-exists,--id=".
     * A trailing "=" means the option takes a value. */
    const char *options;
    bool read_only;
};

/* One command of a chain, as parsed from the command line. */
struct ctl_command {
    const struct ctl_command_syntax *syntax;
    int argc;
    char **argv;                /* argv[0] is the command name. */
    struct shash options;       /* "--name" -> value (char *, maybe NULL). */
    struct ds output;
    struct ctl_table *table;
};

/* What a running command sees. */
struct ctl_context {
    int argc;
    char **argv;
    struct shash *options;
    struct ds output;
    struct ctl_table *table;    /* Table output, if any (owned). */
    struct ovsdb_idl *idl;
    struct ovsdb_idl_txn *txn;
    struct ovsdb_symbol_table *symtab;
    bool try_again;             /* Set by a command that must wait. */
    void *pvt;                  /* For the tool. */
};

/* How records of a table may be named on the command line: by the value
 * of 'name_column' in a row of 'table' (or, if it is NULL, as "."), and
 * then, if 'uuid_column' is nonnull, by following that reference column
 * of the row found (it must hold exactly one reference). */
struct ctl_row_id {
    const struct ovsdb_idl_table_class *table;  /* Where names live. */
    const struct ovsdb_idl_column *name_column; /* NULL: only ".". */
    const struct ovsdb_idl_column *uuid_column; /* Reference to follow. */
};

struct ctl_table_class {
    const struct ovsdb_idl_table_class *class;
    struct ctl_row_id row_ids[2];
};

/* Sets up the module for a database class.  'tables' (ending with a null
 * 'class') says how records are named; 'exit_cb' is called by ctl_fatal()
 * and ctl_exit() before exiting (may be NULL). */
void ctl_init(const struct ovsdb_idl_class *,
              const struct ctl_table_class *tables,
              void (*exit_cb)(void));
void ctl_register_commands(const struct ctl_command_syntax *);

/* Prints "PROGRAM: message" on stderr and exits with status 1. */
OVS_NO_RETURN void ctl_fatal(const char *, ...)
    __attribute__((format(printf, 1, 2)));
OVS_NO_RETURN void ctl_exit(int status);

/* Parses the command chain in 'argv'.  'local_options' are options seen
 * before the first command (they belong to it); this function takes them
 * over.  Returns an array of '*n_commandsp' commands that the caller frees
 * with ctl_commands_destroy(). */
struct ctl_command *ctl_parse_commands(int argc, char *argv[],
                                       struct shash *local_options,
                                       size_t *n_commandsp);
void ctl_commands_destroy(struct ctl_command *, size_t n);
/* Returns a newly allocated string with 'argv' joined by spaces, with
 * arguments that need it in quotes, for the transaction comment. */
char *ctl_args_to_string(int argc, char *argv[]);
bool ctl_is_command_option(const char *name);

void ctl_context_init(struct ctl_context *, struct ctl_command *,
                      struct ovsdb_idl *, struct ovsdb_idl_txn *,
                      struct ovsdb_symbol_table *, void *pvt);
/* Moves the output back into 'command' and frees the rest. */
void ctl_context_done(struct ctl_context *, struct ctl_command *);

/* Lookups.  Each calls ctl_fatal() on error, except that ctl_get_row()
 * returns NULL for a missing record if '!must_exist'. */
const struct ovsdb_idl_table_class *ctl_get_table(const char *name);
const struct ovsdb_idl_column *ctl_get_column(
    const struct ovsdb_idl_table_class *, const char *name);
const struct ovsdb_idl_row *ctl_get_row(struct ctl_context *,
                                        const struct ovsdb_idl_table_class *,
                                        const char *record_id,
                                        bool must_exist);
/* Parses "column[:key]=value" and writes it to 'row'. */
void ctl_set_column(const struct ovsdb_idl_table_class *,
                    const struct ovsdb_idl_row *, const char *arg,
                    struct ovsdb_symbol_table *);

/* Output of the generic commands that print tables. */
enum ctl_table_format {
    CTL_TF_LIST, CTL_TF_TABLE, CTL_TF_CSV, CTL_TF_JSON
};
enum ctl_cell_format {
    CTL_CF_STRING, CTL_CF_BARE, CTL_CF_JSON
};
struct ctl_table_style {
    enum ctl_table_format format;
    enum ctl_cell_format cell_format;
    bool headings;
    bool pretty;                /* For JSON output. */
};
#define CTL_TABLE_STYLE_DEFAULT { CTL_TF_LIST, CTL_CF_STRING, true, false }

/* Parses an option's argument into 'style'; returns false if invalid. */
bool ctl_table_parse_format(struct ctl_table_style *, const char *);
bool ctl_table_parse_data(struct ctl_table_style *, const char *);
/* Appends 'table' to 'out' in 'style'. */
void ctl_table_format(const struct ctl_table *,
                      const struct ctl_table_style *, struct ds *out);
void ctl_table_destroy(struct ctl_table *);

/* The generic commands, for the tool's --help. */
void ctl_print_generic_usage(void);

#endif /* db-ctl-base.h */
