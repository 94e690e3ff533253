/* Generic database commands for ovs-vsctl-like tools.
 *
 * Everything here works on the IDL's generic view of rows (datums read and
 * written through ovsdb_idl_read() and ovsdb_idl_txn_write()), so it
 * applies to any table of any schema.  Names typed by the user are matched
 * leniently: case does not matter, '-' and '_' are the same, and a unique
 * prefix of a table or column name is enough.  A record is named by UUID
 * (or a unique UUID prefix), by "." when its table has exactly one row, or
 * by the tool's naming rules (a bridge by its name, ...).
 *
 * A command that finds a user error calls ctl_fatal(), which exits: the
 * transaction being built is simply never committed. */

#include <config.h>
#include "db-ctl-base.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <limits.h>

#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"

VLOG_DEFINE_THIS_MODULE(db_ctl_base);

static const struct ovsdb_idl_class *idl_class;
static const struct ctl_table_class *ctl_tables;
static void (*ctl_exit_cb)(void);
static struct shash all_commands = SHASH_INITIALIZER(&all_commands);

void
ctl_init(const struct ovsdb_idl_class *class,
         const struct ctl_table_class *tables, void (*exit_cb)(void))
{
    idl_class = class;
    ctl_tables = tables;
    ctl_exit_cb = exit_cb;
}

void
ctl_register_commands(const struct ctl_command_syntax *commands)
{
    for (const struct ctl_command_syntax *p = commands; p->name; p++) {
        shash_add_assert(&all_commands, p->name, p);
    }
}

void
ctl_fatal(const char *format, ...)
{
    va_list args;
    char *msg;

    va_start(args, format);
    msg = xvasprintf(format, args);
    va_end(args);

    fprintf(stderr, "%s: %s\n", ovs_get_program_name(), msg);
    free(msg);
    if (ctl_exit_cb) {
        ctl_exit_cb();
    }
    exit(EXIT_FAILURE);
}

void
ctl_exit(int status)
{
    if (ctl_exit_cb) {
        ctl_exit_cb();
    }
    exit(status);
}

/* ------------------------------------------------------------------ */
/* Command-line parsing. */

/* Returns true if 'option' ("--if-exists" or "--id=") names an option
 * that some registered command accepts. */
static bool
option_listed(const char *list, const char *name, bool *takes_arg)
{
    size_t len = strlen(name);
    for (const char *p = list; p && *p; ) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t) (end - p) : strlen(p);
        bool arg = n && p[n - 1] == '=';
        size_t nlen = arg ? n - 1 : n;
        if (nlen == len && !strncmp(p, name, len)) {
            if (takes_arg) {
                *takes_arg = arg;
            }
            return true;
        }
        p = end ? end + 1 : p + n;
    }
    return false;
}

bool
ctl_is_command_option(const char *name)
{
    struct shash_node *node;
    SHASH_FOR_EACH (node, &all_commands) {
        const struct ctl_command_syntax *s = node->data;
        if (option_listed(s->options, name, NULL)) {
            return true;
        }
    }
    return false;
}

/* Splits "--name=value" into a new name and value. */
static void
split_option(const char *arg, char **name, char **value)
{
    const char *eq = strchr(arg, '=');
    if (eq) {
        *name = xmemdup0(arg, eq - arg);
        *value = xstrdup(eq + 1);
    } else {
        *name = xstrdup(arg);
        *value = NULL;
    }
}

static void
add_option(struct shash *options, const char *arg)
{
    char *name, *value;
    split_option(arg, &name, &value);
    if (shash_find(options, name)) {
        ctl_fatal("'%s' option specified multiple times", name);
    }
    shash_add_nocopy(options, name, value);
}

static void
parse_one_command(int argc, char *argv[], struct shash *options,
                  struct ctl_command *command)
{
    int i;

    shash_init(&command->options);
    shash_swap(options, &command->options);
    for (i = 0; i < argc; i++) {
        if (argv[i][0] != '-') {
            break;
        }
        add_option(&command->options, argv[i]);
    }
    if (i == argc) {
        ctl_fatal("missing command name (use --help for help)");
    }

    const struct ctl_command_syntax *p = shash_find_data(&all_commands,
                                                         argv[i]);
    if (!p) {
        ctl_fatal("unknown command '%s'; use --help for help", argv[i]);
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, &command->options) {
        bool takes_arg = false;
        if (!option_listed(p->options, node->name, &takes_arg)) {
            ctl_fatal("'%s' command has no '%s' option",
                      argv[i], node->name);
        }
        if (takes_arg && !node->data) {
            ctl_fatal("missing argument to '%s' option on '%s' command",
                      node->name, argv[i]);
        } else if (!takes_arg && node->data) {
            ctl_fatal("'%s' option on '%s' does not accept an argument",
                      node->name, argv[i]);
        }
    }

    int n_arg = argc - i - 1;
    if (n_arg < p->min_args) {
        ctl_fatal("'%s' command requires at least %d arguments",
                  p->name, p->min_args);
    } else if (n_arg > p->max_args) {
        /* A stray option among the arguments deserves a hint. */
        bool has_option = false;
        for (int j = i + 1; j < argc && !has_option; j++) {
            has_option = argv[j][0] == '-';
        }
        ctl_fatal("'%s' command takes at most %d arguments%s", p->name,
                  p->max_args,
                  has_option ? " (note that options must precede command "
                               "names and follow a \"--\" argument)" : "");
    }

    command->syntax = p;
    command->argc = n_arg + 1;
    command->argv = xmalloc((command->argc + 1) * sizeof *command->argv);
    for (int j = 0; j < command->argc; j++) {
        command->argv[j] = xstrdup(argv[i + j]);
    }
    command->argv[command->argc] = NULL;
    ds_init(&command->output);
    command->table = NULL;
}

struct ctl_command *
ctl_parse_commands(int argc, char *argv[], struct shash *local_options,
                   size_t *n_commandsp)
{
    /* Counted first: a command embeds an shash, which must not move. */
    size_t max_commands = 1;
    for (int i = 0; i < argc; i++) {
        max_commands += !strcmp(argv[i], "--");
    }
    struct ctl_command *commands = xcalloc(max_commands, sizeof *commands);
    size_t n_commands = 0;
    int start = 0;

    for (int i = 0; i <= argc; i++) {
        bool at_end = i == argc || !strcmp(argv[i], "--");
        if (!at_end) {
            continue;
        }
        /* argv[start..i-1] is one command, if not empty.  An empty one is
         * fine ("-- cmd"), unless options were given for it. */
        if (i > start || !shash_is_empty(local_options)) {
            if (i == start) {
                break;
            }
            parse_one_command(i - start, &argv[start], local_options,
                              &commands[n_commands++]);
        }
        start = i + 1;
    }
    if (!n_commands || !shash_is_empty(local_options)) {
        ctl_fatal("missing command name (use --help for help)");
    }
    *n_commandsp = n_commands;
    return commands;
}

void
ctl_commands_destroy(struct ctl_command *commands, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct ctl_command *c = &commands[i];
        for (int j = 0; j < c->argc; j++) {
            free(c->argv[j]);
        }
        free(c->argv);
        shash_destroy_free_data(&c->options);
        ds_destroy(&c->output);
        ctl_table_destroy(c->table);
    }
    free(commands);
}

char *
ctl_args_to_string(int argc, char *argv[])
{
    struct ds s = DS_EMPTY_INITIALIZER;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (i) {
            ds_put_char(&s, ' ');
        }
        if (arg[strspn(arg, "abcdefghijklmnopqrstuvwxyz"
                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/@=,")]) {
            json_string_escape(arg, &s);
        } else {
            ds_put_cstr(&s, arg);
        }
    }
    return ds_steal_cstr(&s);
}

void
ctl_context_init(struct ctl_context *ctx, struct ctl_command *command,
                 struct ovsdb_idl *idl, struct ovsdb_idl_txn *txn,
                 struct ovsdb_symbol_table *symtab, void *pvt)
{
    memset(ctx, 0, sizeof *ctx);
    if (command) {
        ctx->argc = command->argc;
        ctx->argv = command->argv;
        ctx->options = &command->options;
        ds_swap(&ctx->output, &command->output);
        ctx->table = command->table;
        command->table = NULL;
    } else {
        ds_init(&ctx->output);
    }
    ctx->idl = idl;
    ctx->txn = txn;
    ctx->symtab = symtab;
    ctx->pvt = pvt;
}

void
ctl_context_done(struct ctl_context *ctx, struct ctl_command *command)
{
    if (command) {
        ds_swap(&ctx->output, &command->output);
        ctl_table_destroy(command->table);
        command->table = ctx->table;
        ctx->table = NULL;
    }
    ds_destroy(&ctx->output);
    ctl_table_destroy(ctx->table);
    ctx->table = NULL;
}

/* ------------------------------------------------------------------ */
/* Names. */

static unsigned int
score_partial_match(const char *name, const char *s)
{
    int i;
    if (!strcmp(name, s)) {
        return UINT_MAX;
    }
    for (i = 0; ; i++) {
        int a = tolower((unsigned char) name[i]);
        int b = tolower((unsigned char) s[i]);
        a = a == '-' ? '_' : a;
        b = b == '-' ? '_' : b;
        if (!b) {
            return !a ? UINT_MAX - 1 : i;
        }
        if (a != b) {
            return 0;
        }
    }
}

const struct ovsdb_idl_table_class *
ctl_get_table(const char *name)
{
    const struct ovsdb_idl_table_class *best = NULL;
    unsigned int best_score = 0;

    for (size_t i = 0; i < idl_class->n_tables; i++) {
        const struct ovsdb_idl_table_class *t = &idl_class->tables[i];
        unsigned int score = score_partial_match(t->name, name);
        if (score > best_score) {
            best = t;
            best_score = score;
        } else if (score && score == best_score) {
            best = NULL;
        }
    }
    if (!best) {
        if (best_score) {
            ctl_fatal("multiple table names match \"%s\"", name);
        }
        ctl_fatal("unknown table \"%s\"", name);
    }
    return best;
}

/* Returns the column of 'table' that 'name' names, NULL for "_uuid", or
 * a malloc'd error in '*errorp'. */
static const struct ovsdb_idl_column *
find_column(const struct ovsdb_idl_table_class *table, const char *name,
            bool *is_uuid, char **errorp)
{
    const struct ovsdb_idl_column *best = NULL;
    unsigned int best_score = 0;

    *errorp = NULL;
    *is_uuid = false;
    if (!strcasecmp(name, "_uuid")) {
        *is_uuid = true;
        return NULL;
    }
    for (size_t i = 0; i < table->n_columns; i++) {
        const struct ovsdb_idl_column *c = &table->columns[i];
        unsigned int score = score_partial_match(c->name, name);
        if (score > best_score) {
            best = c;
            best_score = score;
        } else if (score && score == best_score) {
            best = NULL;
        }
    }
    if (!best) {
        *errorp = xasprintf(best_score
                            ? "%s contains more than one column whose name "
                              "matches \"%s\""
                            : "%s does not contain a column whose name "
                              "matches \"%s\"", table->name, name);
    }
    return best;
}

const struct ovsdb_idl_column *
ctl_get_column(const struct ovsdb_idl_table_class *table, const char *name)
{
    bool is_uuid;
    char *error;
    const struct ovsdb_idl_column *c = find_column(table, name, &is_uuid,
                                                   &error);
    if (error) {
        ctl_fatal("%s", error);
    }
    if (is_uuid) {
        ctl_fatal("cannot use \"_uuid\" here");
    }
    return c;
}

static const struct ctl_table_class *
get_ctl_table(const struct ovsdb_idl_table_class *table)
{
    for (const struct ctl_table_class *t = ctl_tables; t && t->class; t++) {
        if (t->class == table) {
            return t;
        }
    }
    return NULL;
}

/* Finds a row of 'table' by 'id'.  Returns NULL if none. */
static const struct ovsdb_idl_row *
get_row_by_id(struct ctl_context *ctx,
              const struct ovsdb_idl_table_class *table,
              const struct ctl_row_id *id, const char *record_id)
{
    const struct ovsdb_idl_row *referrer = NULL;

    if (!id->table) {
        return NULL;
    } else if (!id->name_column) {
        /* A table without names: "." stands for its only row. */
        const struct ovsdb_idl_row *first;
        first = ovsdb_idl_first_row(ctx->idl, id->table);
        if (!strcmp(record_id, ".") && first && !ovsdb_idl_next_row(first)) {
            referrer = first;
        }
    } else {
        const struct ovsdb_idl_row *row;
        for (row = ovsdb_idl_first_row(ctx->idl, id->table); row;
             row = ovsdb_idl_next_row(row)) {
            const struct ovsdb_datum *name = ovsdb_idl_read(row,
                                                            id->name_column);
            if (name->n == 1
                && id->name_column->type.key.type == OVSDB_TYPE_STRING
                && !strcmp(name->keys[0].string, record_id)) {
                if (referrer) {
                    ctl_fatal("multiple rows in %s match \"%s\"",
                              id->table->name, record_id);
                }
                referrer = row;
            }
        }
    }
    if (!referrer) {
        return NULL;
    }
    if (!id->uuid_column) {
        return referrer;
    }
    const struct ovsdb_datum *uuid = ovsdb_idl_read(referrer,
                                                    id->uuid_column);
    if (uuid->n != 1) {
        return NULL;
    }
    return ovsdb_idl_get_row_for_uuid(ctx->idl, table, &uuid->keys[0].uuid);
}

const struct ovsdb_idl_row *
ctl_get_row(struct ctl_context *ctx,
            const struct ovsdb_idl_table_class *table,
            const char *record_id, bool must_exist)
{
    const struct ovsdb_idl_row *row = NULL;
    struct uuid uuid;

    if (uuid_from_string(&uuid, record_id)) {
        row = ovsdb_idl_get_row_for_uuid(ctx->idl, table, &uuid);
    }
    if (!row && !strcmp(record_id, ".")) {
        row = ovsdb_idl_first_row(ctx->idl, table);
        if (row && ovsdb_idl_next_row(row)) {
            row = NULL;
        }
    }
    const struct ctl_table_class *ct = get_ctl_table(table);
    for (int i = 0; !row && ct && i < ARRAY_SIZE(ct->row_ids); i++) {
        row = get_row_by_id(ctx, table, &ct->row_ids[i], record_id);
    }
    if (!row && strlen(record_id) >= 4
        && strspn(record_id, "0123456789abcdefABCDEF-")
           == strlen(record_id)) {
        /* A UUID prefix. */
        const struct ovsdb_idl_row *r;
        for (r = ovsdb_idl_first_row(ctx->idl, table); r;
             r = ovsdb_idl_next_row(r)) {
            char s[UUID_LEN + 1];
            snprintf(s, sizeof s, UUID_FMT, UUID_ARGS(&r->uuid));
            if (!strncasecmp(s, record_id, strlen(record_id))) {
                if (row) {
                    ctl_fatal("%s contains 2 or more rows whose UUIDs "
                              "begin with %s", table->name, record_id);
                }
                row = r;
            }
        }
    }
    if (!row && must_exist) {
        ctl_fatal("no row \"%s\" in table %s", record_id, table->name);
    }
    return row;
}

/* ------------------------------------------------------------------ */
/* Arguments of the form column[:key][OP value]. */

/* Parses a key: a quoted string or a run of characters up to one of
 * 'delims'.  Returns a malloc'd string and advances '*p'. */
static char *
parse_token(const char **p, const char *delims)
{
    const char *s = *p;
    struct ds out = DS_EMPTY_INITIALIZER;

    if (*s == '"') {
        s++;
        while (*s && *s != '"') {
            if (*s == '\\' && s[1]) {
                s++;
            }
            ds_put_char(&out, *s++);
        }
        if (*s == '"') {
            s++;
        }
    } else {
        while (*s && !strchr(delims, *s)) {
            ds_put_char(&out, *s++);
        }
    }
    *p = s;
    return ds_steal_cstr(&out);
}

/* Parses 'arg' as column[:key][OP value] where OP is one of 'ops' (NULL:
 * no operator allowed).  On success returns NULL and sets the outputs
 * (strings malloc'd, '*opp' index into 'ops', or -1 if no value).  On
 * failure returns a malloc'd error. */
static char *
parse_column_key_value(const char *arg,
                       const struct ovsdb_idl_table_class *table,
                       const struct ovsdb_idl_column **columnp,
                       bool *is_uuid, char **keyp, int *opp,
                       const char *const *ops, size_t n_ops, char **valuep)
{
    const char *p = arg;
    size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
    char *error;

    *keyp = NULL;
    *valuep = NULL;
    *opp = -1;
    if (!len) {
        return xasprintf("%s: missing column name", arg);
    }
    char *name = xmemdup0(p, len);
    *columnp = find_column(table, name, is_uuid, &error);
    free(name);
    if (error) {
        return error;
    }
    p += len;
    if (*p == ':') {
        p++;
        *keyp = parse_token(&p, "=!<>{}");
    }

    if (ops) {
        int best = -1;
        size_t best_len = 0;
        for (size_t i = 0; i < n_ops; i++) {
            size_t oplen = strlen(ops[i]);
            if (oplen > best_len && !strncmp(p, ops[i], oplen)) {
                best = i;
                best_len = oplen;
            }
        }
        if (best < 0) {
            struct ds msg = DS_EMPTY_INITIALIZER;
            ds_put_format(&msg, "%s: argument does not end in ", arg);
            for (size_t i = 0; i < n_ops; i++) {
                if (i) {
                    ds_put_cstr(&msg, i == n_ops - 1
                                ? (n_ops > 2 ? ", or " : " or ") : ", ");
                }
                ds_put_format(&msg, "\"%s\"", ops[i]);
            }
            ds_put_cstr(&msg, " followed by a value.");
            free(*keyp);
            *keyp = NULL;
            return ds_steal_cstr(&msg);
        }
        *opp = best;
        *valuep = xstrdup(p + best_len);
    } else if (*p) {
        free(*keyp);
        *keyp = NULL;
        return xasprintf("%s: trailing garbage \"%s\" in argument", arg, p);
    }
    return NULL;
}

static void
die_if_error(char *error)
{
    if (error) {
        ctl_fatal("%s", error);
    }
}

static void
check_mutable(const struct ovsdb_idl_row *row,
              const struct ovsdb_idl_table_class *table,
              const struct ovsdb_idl_column *column)
{
    /* A row that the transaction inserted may still be initialized. */
    if (!column->is_mutable && row->old_datum) {
        ctl_fatal("cannot modify read-only column %s in table %s",
                  column->name, table->name);
    }
}

void
ctl_set_column(const struct ovsdb_idl_table_class *table,
               const struct ovsdb_idl_row *row, const char *arg,
               struct ovsdb_symbol_table *symtab)
{
    static const char *const set_ops[] = { "=" };
    const struct ovsdb_idl_column *column;
    bool is_uuid;
    char *key, *value;
    int op;

    die_if_error(parse_column_key_value(arg, table, &column, &is_uuid, &key,
                                        &op, set_ops, 1, &value));
    if (is_uuid) {
        ctl_fatal("cannot modify read-only column _uuid in table %s",
                  table->name);
    }
    check_mutable(row, table, column);

    if (key) {
        union ovsdb_atom k, v;
        if (column->type.value.type == OVSDB_TYPE_VOID) {
            ctl_fatal("cannot specify key to set for non-map column %s",
                      column->name);
        }
        die_if_error(ovsdb_atom_from_string(&k, &column->type.key, key,
                                            symtab));
        die_if_error(ovsdb_atom_from_string(&v, &column->type.value, value,
                                            symtab));
        struct ovsdb_datum d;
        ovsdb_datum_clone(&d, ovsdb_idl_read(row, column), &column->type);
        unsigned int idx = ovsdb_datum_find_key(&d, &k,
                                                column->type.key.type);
        if (idx != UINT_MAX) {
            ovsdb_datum_remove_unsafe(&d, idx, &column->type);
        }
        ovsdb_datum_add_unsafe(&d, &k, &v, &column->type);
        ovsdb_datum_sort_assert(&d, column->type.key.type);
        ovsdb_atom_destroy(&k, column->type.key.type);
        ovsdb_atom_destroy(&v, column->type.value.type);
        ovsdb_idl_txn_verify(row, column);
        ovsdb_idl_txn_write(row, column, &d);
    } else {
        struct ovsdb_datum d;
        die_if_error(ovsdb_datum_from_string(&d, &column->type, value,
                                             symtab));
        ovsdb_idl_txn_write(row, column, &d);
    }
    free(key);
    free(value);
}

/* ------------------------------------------------------------------ */
/* Table output. */

struct ctl_cell {
    struct ovsdb_datum datum;
    const struct ovsdb_type *type;
};

struct ctl_table {
    char **headings;
    size_t n_columns;
    struct ctl_cell *cells;     /* n_rows * n_columns. */
    size_t n_rows, allocated_rows;
};

static struct ctl_table *
ctl_table_create(void)
{
    return xzalloc(sizeof(struct ctl_table));
}

static void
ctl_table_add_column(struct ctl_table *t, const char *heading)
{
    t->headings = xrealloc(t->headings,
                           (t->n_columns + 1) * sizeof *t->headings);
    t->headings[t->n_columns++] = xstrdup(heading);
}

static struct ctl_cell *
ctl_table_add_row(struct ctl_table *t)
{
    if (t->n_rows >= t->allocated_rows) {
        t->cells = x2nrealloc(t->cells, &t->allocated_rows,
                              t->n_columns * sizeof *t->cells);
    }
    return &t->cells[t->n_rows++ * t->n_columns];
}

void
ctl_table_destroy(struct ctl_table *t)
{
    if (!t) {
        return;
    }
    for (size_t i = 0; i < t->n_rows * t->n_columns; i++) {
        ovsdb_datum_destroy(&t->cells[i].datum, t->cells[i].type);
    }
    for (size_t i = 0; i < t->n_columns; i++) {
        free(t->headings[i]);
    }
    free(t->headings);
    free(t->cells);
    free(t);
}

bool
ctl_table_parse_format(struct ctl_table_style *style, const char *s)
{
    if (!strcmp(s, "list")) {
        style->format = CTL_TF_LIST;
    } else if (!strcmp(s, "table")) {
        style->format = CTL_TF_TABLE;
    } else if (!strcmp(s, "csv")) {
        style->format = CTL_TF_CSV;
    } else if (!strcmp(s, "json")) {
        style->format = CTL_TF_JSON;
    } else {
        return false;
    }
    return true;
}

bool
ctl_table_parse_data(struct ctl_table_style *style, const char *s)
{
    if (!strcmp(s, "string")) {
        style->cell_format = CTL_CF_STRING;
    } else if (!strcmp(s, "bare")) {
        style->cell_format = CTL_CF_BARE;
    } else if (!strcmp(s, "json")) {
        style->cell_format = CTL_CF_JSON;
    } else {
        return false;
    }
    return true;
}

static char *
cell_to_string(const struct ctl_cell *cell, enum ctl_cell_format format)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    if (format == CTL_CF_JSON) {
        struct json *json = ovsdb_datum_to_json(&cell->datum, cell->type);
        json_to_ds(json, JSSF_SORT, &s);
        json_destroy(json);
    } else if (format == CTL_CF_BARE) {
        ovsdb_datum_to_bare(&cell->datum, cell->type, &s);
    } else {
        ovsdb_datum_to_string(&cell->datum, cell->type, &s);
    }
    return ds_steal_cstr(&s);
}

static void
put_csv(struct ds *out, const char *s)
{
    if (!s[strcspn(s, ",\"\r\n")] && !isspace((unsigned char) s[0])
        && !(s[0] && isspace((unsigned char) s[strlen(s) - 1]))) {
        ds_put_cstr(out, s);
        return;
    }
    ds_put_char(out, '"');
    for (; *s; s++) {
        if (*s == '"') {
            ds_put_char(out, '"');
        }
        ds_put_char(out, *s);
    }
    ds_put_char(out, '"');
}

static void
chomp_spaces(struct ds *line)
{
    while (line->length && line->string[line->length - 1] == ' ') {
        line->length--;
    }
    ds_cstr(line);
}

static void
format_table_text(const struct ctl_table *t,
                  const struct ctl_table_style *style, struct ds *out)
{
    size_t nc = t->n_columns, nr = t->n_rows;
    char **text = xcalloc(nr * nc + 1, sizeof *text);
    size_t *width = xcalloc(nc + 1, sizeof *width);

    for (size_t j = 0; j < nc; j++) {
        width[j] = style->headings ? strlen(t->headings[j]) : 0;
    }
    for (size_t i = 0; i < nr * nc; i++) {
        text[i] = cell_to_string(&t->cells[i], style->cell_format);
        width[i % nc] = MAX(width[i % nc], strlen(text[i]));
    }

    struct ds line = DS_EMPTY_INITIALIZER;
    if (style->headings) {
        for (size_t j = 0; j < nc; j++) {
            ds_put_format(&line, "%s%-*s", j ? " " : "", (int) width[j],
                          t->headings[j]);
        }
        chomp_spaces(&line);
        ds_put_format(out, "%s\n", ds_cstr(&line));
        ds_clear(&line);
        for (size_t j = 0; j < nc; j++) {
            if (j) {
                ds_put_char(&line, ' ');
            }
            ds_put_char_multiple(&line, '-', width[j]);
        }
        ds_put_format(out, "%s\n", ds_cstr(&line));
    }
    for (size_t i = 0; i < nr; i++) {
        ds_clear(&line);
        for (size_t j = 0; j < nc; j++) {
            ds_put_format(&line, "%s%-*s", j ? " " : "", (int) width[j],
                          text[i * nc + j]);
        }
        chomp_spaces(&line);
        ds_put_format(out, "%s\n", ds_cstr(&line));
    }
    ds_destroy(&line);
    for (size_t i = 0; i < nr * nc; i++) {
        free(text[i]);
    }
    free(text);
    free(width);
}

void
ctl_table_format(const struct ctl_table *t,
                 const struct ctl_table_style *style, struct ds *out)
{
    switch (style->format) {
    case CTL_TF_LIST:
        for (size_t i = 0; i < t->n_rows; i++) {
            if (i) {
                ds_put_char(out, '\n');
            }
            for (size_t j = 0; j < t->n_columns; j++) {
                char *s = cell_to_string(&t->cells[i * t->n_columns + j],
                                         style->cell_format);
                if (style->headings) {
                    ds_put_format(out, "%-20s: ", t->headings[j]);
                }
                ds_put_format(out, "%s\n", s);
                free(s);
            }
        }
        break;

    case CTL_TF_TABLE:
        format_table_text(t, style, out);
        break;

    case CTL_TF_CSV:
        if (style->headings) {
            for (size_t j = 0; j < t->n_columns; j++) {
                if (j) {
                    ds_put_char(out, ',');
                }
                put_csv(out, t->headings[j]);
            }
            ds_put_char(out, '\n');
        }
        for (size_t i = 0; i < t->n_rows; i++) {
            for (size_t j = 0; j < t->n_columns; j++) {
                char *s = cell_to_string(&t->cells[i * t->n_columns + j],
                                         style->cell_format);
                if (j) {
                    ds_put_char(out, ',');
                }
                put_csv(out, s);
                free(s);
            }
            ds_put_char(out, '\n');
        }
        break;

    case CTL_TF_JSON: {
        struct json *json = json_object_create();
        struct json *data = json_array_create_empty();
        for (size_t i = 0; i < t->n_rows; i++) {
            struct json *row = json_array_create_empty();
            for (size_t j = 0; j < t->n_columns; j++) {
                const struct ctl_cell *c = &t->cells[i * t->n_columns + j];
                json_array_add(row, ovsdb_datum_to_json(&c->datum, c->type));
            }
            json_array_add(data, row);
        }
        json_object_put(json, "data", data);
        if (style->headings) {
            struct json *h = json_array_create_empty();
            for (size_t j = 0; j < t->n_columns; j++) {
                json_array_add(h, json_string_create(t->headings[j]));
            }
            json_object_put(json, "headings", h);
        }
        json_to_ds(json, JSSF_SORT | (style->pretty ? JSSF_PRETTY : 0), out);
        ds_put_char(out, '\n');
        json_destroy(json);
        break;
    }
    }
}

/* ------------------------------------------------------------------ */
/* list and find. */

struct column_choice {
    const struct ovsdb_idl_column *column;  /* NULL for _uuid. */
};

static struct column_choice *
parse_column_names(const char *names,
                   const struct ovsdb_idl_table_class *table, size_t *np)
{
    struct column_choice *cols;
    size_t n = 0;

    if (!names) {
        cols = xmalloc((table->n_columns + 1) * sizeof *cols);
        cols[n++].column = NULL;
        for (size_t i = 0; i < table->n_columns; i++) {
            cols[n++].column = &table->columns[i];
        }
    } else {
        char *copy = xstrdup(names);
        char *save = NULL;
        cols = xmalloc((strlen(names) + 1) * sizeof *cols);
        for (char *tok = strtok_r(copy, ", ", &save); tok;
             tok = strtok_r(NULL, ", ", &save)) {
            bool is_uuid;
            char *error;
            const struct ovsdb_idl_column *c = find_column(table, tok,
                                                           &is_uuid, &error);
            if (error) {
                free(copy);
                free(cols);
                ctl_fatal("%s", error);
            }
            cols[n++].column = c;
        }
        free(copy);
        if (!n) {
            free(cols);
            ctl_fatal("must specify at least one column name");
        }
    }
    *np = n;
    return cols;
}

static const struct ovsdb_type uuid_type = {
    OVSDB_BASE_UUID_INIT, OVSDB_BASE_VOID_INIT, 1, 1
};

static struct ctl_table *
list_table_create(const struct ovsdb_idl_table_class *table,
                  const struct column_choice *cols, size_t n)
{
    struct ctl_table *t = ctl_table_create();
    for (size_t i = 0; i < n; i++) {
        ctl_table_add_column(t, cols[i].column ? cols[i].column->name
                             : "_uuid");
    }
    return t;
}

static void
list_record(struct ctl_table *t, const struct ovsdb_idl_row *row,
            const struct column_choice *cols, size_t n)
{
    struct ctl_cell *cells = ctl_table_add_row(t);
    for (size_t i = 0; i < n; i++) {
        const struct ovsdb_idl_column *c = cols[i].column;
        if (c) {
            ovsdb_datum_clone(&cells[i].datum, ovsdb_idl_read(row, c),
                              &c->type);
            cells[i].type = &c->type;
        } else {
            union ovsdb_atom atom;
            atom.uuid = row->uuid;
            cells[i].datum.n = 1;
            cells[i].datum.keys = xmemdup(&atom, sizeof atom);
            cells[i].datum.values = NULL;
            cells[i].type = &uuid_type;
        }
    }
}

static void
cmd_list(struct ctl_context *ctx)
{
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    struct shash_node *cn = shash_find(ctx->options, "--columns");
    bool if_exists = shash_find(ctx->options, "--if-exists");
    size_t n;
    struct column_choice *cols = parse_column_names(cn ? cn->data : NULL,
                                                    table, &n);

    ctx->table = list_table_create(table, cols, n);
    if (ctx->argc > 2) {
        for (int i = 2; i < ctx->argc; i++) {
            const struct ovsdb_idl_row *row = ctl_get_row(ctx, table,
                                                          ctx->argv[i],
                                                          !if_exists);
            if (row) {
                list_record(ctx->table, row, cols, n);
            }
        }
    } else {
        for (const struct ovsdb_idl_row *row
                 = ovsdb_idl_first_row(ctx->idl, table);
             row; row = ovsdb_idl_next_row(row)) {
            list_record(ctx->table, row, cols, n);
        }
    }
    free(cols);
}

/* Relational operators of find and wait-until. */
enum relop {
    RELOP_EQ, RELOP_NE, RELOP_LT, RELOP_GT, RELOP_LE, RELOP_GE,
    RELOP_SET_EQ, RELOP_SET_NE, RELOP_SET_LT, RELOP_SET_GT, RELOP_SET_LE,
    RELOP_SET_GE, RELOP_SET_IN, RELOP_SET_NOT_IN
};
static const char *const relops[] = {
    "=", "!=", "<", ">", "<=", ">=",
    "{=}", "{!=}", "{<}", "{>}", "{<=}", "{>=}", "{in}", "{not-in}"
};

static bool
evaluate_relop(const struct ovsdb_datum *a, const struct ovsdb_datum *b,
               const struct ovsdb_type *type, enum relop op)
{
    int cmp = (op <= RELOP_SET_NE ? ovsdb_datum_compare_3way(a, b, type)
               : 0);
    switch (op) {
    case RELOP_EQ: case RELOP_SET_EQ: return cmp == 0;
    case RELOP_NE: case RELOP_SET_NE: return cmp != 0;
    case RELOP_LT: return cmp < 0;
    case RELOP_GT: return cmp > 0;
    case RELOP_LE: return cmp <= 0;
    case RELOP_GE: return cmp >= 0;
    case RELOP_SET_LT:
        return b->n > a->n && ovsdb_datum_includes_all(b, a, type);
    case RELOP_SET_GT:
        return a->n > b->n && ovsdb_datum_includes_all(a, b, type);
    case RELOP_SET_LE:
    case RELOP_SET_IN:
        return ovsdb_datum_includes_all(b, a, type);
    case RELOP_SET_GE:
        return ovsdb_datum_includes_all(a, b, type);
    case RELOP_SET_NOT_IN:
        return ovsdb_datum_excludes_all(b, a, type);
    }
    OVS_NOT_REACHED();
}

/* Returns true if 'row' satisfies condition 'arg'. */
static bool
is_condition_satisfied(const struct ovsdb_idl_table_class *table,
                       const struct ovsdb_idl_row *row, const char *arg,
                       struct ovsdb_symbol_table *symtab)
{
    const struct ovsdb_idl_column *column;
    bool is_uuid;
    char *key, *value;
    int op;

    die_if_error(parse_column_key_value(arg, table, &column, &is_uuid, &key,
                                        &op, relops, ARRAY_SIZE(relops),
                                        &value));
    bool set_op = op >= RELOP_SET_EQ;

    /* The type that the value is parsed as, and the value compared. */
    struct ovsdb_type type;
    struct ovsdb_datum a;
    if (is_uuid) {
        if (key) {
            ctl_fatal("cannot specify key to check for non-map column "
                      "_uuid");
        }
        type = uuid_type;
        a.n = 1;
        a.keys = xmalloc(sizeof *a.keys);
        a.keys[0].uuid = row->uuid;
        a.values = NULL;
    } else if (key) {
        union ovsdb_atom k;
        if (column->type.value.type == OVSDB_TYPE_VOID) {
            ctl_fatal("cannot specify key to check for non-map column %s",
                      column->name);
        }
        die_if_error(ovsdb_atom_from_string(&k, &column->type.key, key,
                                            symtab));
        type.key = column->type.value;
        type.value.type = OVSDB_TYPE_VOID;
        type.n_min = 0;
        type.n_max = 1;
        const struct ovsdb_datum *d = ovsdb_idl_read(row, column);
        unsigned int idx = ovsdb_datum_find_key(d, &k,
                                                column->type.key.type);
        ovsdb_datum_init_empty(&a);
        if (idx != UINT_MAX) {
            ovsdb_datum_add_unsafe(&a, &d->values[idx], NULL, &type);
        }
        ovsdb_atom_destroy(&k, column->type.key.type);
    } else {
        type = column->type;
        type.n_min = 0;
        ovsdb_datum_clone(&a, ovsdb_idl_read(row, column), &column->type);
    }
    if (set_op) {
        type.n_min = 0;
        type.n_max = UINT_MAX;
    }

    struct ovsdb_datum b;
    die_if_error(ovsdb_datum_from_string(&b, &type, value, symtab));
    bool ok = evaluate_relop(&a, &b, &type, op);
    ovsdb_datum_destroy(&a, &type);
    ovsdb_datum_destroy(&b, &type);
    free(key);
    free(value);
    return ok;
}

static void
cmd_find(struct ctl_context *ctx)
{
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    struct shash_node *cn = shash_find(ctx->options, "--columns");
    size_t n;
    struct column_choice *cols = parse_column_names(cn ? cn->data : NULL,
                                                    table, &n);

    ctx->table = list_table_create(table, cols, n);
    for (const struct ovsdb_idl_row *row = ovsdb_idl_first_row(ctx->idl,
                                                               table);
         row; row = ovsdb_idl_next_row(row)) {
        bool ok = true;
        for (int i = 2; ok && i < ctx->argc; i++) {
            ok = is_condition_satisfied(table, row, ctx->argv[i],
                                        ctx->symtab);
        }
        if (ok) {
            list_record(ctx->table, row, cols, n);
        }
    }
    free(cols);
}

/* ------------------------------------------------------------------ */
/* get, set, add, remove, clear. */

/* Defines symbol '@name' for the row with 'uuid', from option 'id'. */
static struct ovsdb_symbol *
create_symbol(struct ovsdb_symbol_table *symtab, const char *id, bool *newp)
{
    if (id[0] != '@') {
        ctl_fatal("row id \"%s\" does not begin with \"@\"", id);
    }
    if (!ovsdb_token_is_id(id + 1)) {
        ctl_fatal("row id \"%s\" is not a valid identifier", id);
    }
    if (newp) {
        *newp = ovsdb_symbol_table_find(symtab, id + 1) == NULL;
    }
    struct ovsdb_symbol *symbol = ovsdb_symbol_table_insert(symtab, id + 1);
    if (symbol->created) {
        ctl_fatal("row id \"%s\" may only be specified on one --id option",
                  id);
    }
    symbol->created = true;
    return symbol;
}

static void
cmd_get(struct ctl_context *ctx)
{
    const char *id = shash_find_data(ctx->options, "--id");
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  !if_exists);
    if (!row) {
        return;
    }
    if (id) {
        bool new;
        struct ovsdb_symbol *symbol = create_symbol(ctx->symtab, id, &new);
        if (!new) {
            ctl_fatal("row id \"%s\" specified on \"get\" command was used "
                      "before it was defined", id);
        }
        symbol->uuid = row->uuid;
        symbol->strong_ref = true;
    }

    for (int i = 3; i < ctx->argc; i++) {
        const struct ovsdb_idl_column *column;
        bool is_uuid;
        char *key, *value;
        int op;

        die_if_error(parse_column_key_value(ctx->argv[i], table, &column,
                                            &is_uuid, &key, &op, NULL, 0,
                                            &value));
        if (is_uuid) {
            if (key) {
                ctl_fatal("cannot specify key to get for non-map column "
                          "_uuid");
            }
            ds_put_format(&ctx->output, UUID_FMT"\n", UUID_ARGS(&row->uuid));
            continue;
        }
        const struct ovsdb_datum *d = ovsdb_idl_read(row, column);
        if (key) {
            union ovsdb_atom k;
            if (column->type.value.type == OVSDB_TYPE_VOID) {
                ctl_fatal("cannot specify key to get for non-map column %s",
                          column->name);
            }
            die_if_error(ovsdb_atom_from_string(&k, &column->type.key, key,
                                                ctx->symtab));
            unsigned int idx = ovsdb_datum_find_key(d, &k,
                                                    column->type.key.type);
            if (idx == UINT_MAX) {
                if (!if_exists) {
                    ctl_fatal("no key \"%s\" in %s record \"%s\" column %s",
                              key, table->name, ctx->argv[2], column->name);
                }
            } else {
                ovsdb_atom_to_string(&d->values[idx],
                                     column->type.value.type, &ctx->output);
            }
            ovsdb_atom_destroy(&k, column->type.key.type);
        } else {
            ovsdb_datum_to_string(d, &column->type, &ctx->output);
        }
        ds_put_char(&ctx->output, '\n');
        free(key);
    }
}

static void
cmd_set(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  !if_exists);
    if (!row) {
        return;
    }
    for (int i = 3; i < ctx->argc; i++) {
        ctl_set_column(table, row, ctx->argv[i], ctx->symtab);
    }
}

static void
cmd_add(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_column *column = ctl_get_column(table,
                                                           ctx->argv[3]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  !if_exists);
    if (!row) {
        return;
    }
    check_mutable(row, table, column);

    const struct ovsdb_type *type = &column->type;
    struct ovsdb_type add_type = *type;
    add_type.n_min = 1;
    add_type.n_max = UINT_MAX;

    struct ovsdb_datum old;
    ovsdb_datum_clone(&old, ovsdb_idl_read(row, column), type);
    for (int i = 4; i < ctx->argc; i++) {
        struct ovsdb_datum add;
        die_if_error(ovsdb_datum_from_string(&add, &add_type, ctx->argv[i],
                                             ctx->symtab));
        if (ovsdb_type_is_map(type)) {
            /* New values replace those of existing keys. */
            struct ovsdb_type keys_type = *type;
            keys_type.value.type = OVSDB_TYPE_VOID;
            ovsdb_datum_subtract(&old, type, &add, &keys_type);
        }
        ovsdb_datum_union(&old, &add, type);
        ovsdb_datum_destroy(&add, type);
    }
    if (old.n > type->n_max) {
        ctl_fatal("\"add\" operation would put %u %s in column %s of "
                  "table %s but the maximum number is %u", old.n,
                  type->value.type == OVSDB_TYPE_VOID ? "values" : "pairs",
                  column->name, table->name, type->n_max);
    }
    ovsdb_idl_txn_verify(row, column);
    ovsdb_idl_txn_write(row, column, &old);
}

static void
cmd_remove(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_column *column = ctl_get_column(table,
                                                           ctx->argv[3]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  !if_exists);
    if (!row) {
        return;
    }
    check_mutable(row, table, column);

    const struct ovsdb_type *type = &column->type;
    struct ovsdb_datum old;
    ovsdb_datum_clone(&old, ovsdb_idl_read(row, column), type);
    for (int i = 4; i < ctx->argc; i++) {
        struct ovsdb_type rm_type = *type;
        struct ovsdb_datum rm;
        rm_type.n_min = 1;
        rm_type.n_max = UINT_MAX;
        char *error = ovsdb_datum_from_string(&rm, &rm_type, ctx->argv[i],
                                              ctx->symtab);
        if (error && ovsdb_type_is_map(&rm_type)) {
            /* Not key=value pairs: try a set of keys. */
            free(error);
            rm_type.value.type = OVSDB_TYPE_VOID;
            error = ovsdb_datum_from_string(&rm, &rm_type, ctx->argv[i],
                                            ctx->symtab);
        }
        die_if_error(error);
        ovsdb_datum_subtract(&old, type, &rm, &rm_type);
        ovsdb_datum_destroy(&rm, &rm_type);
    }
    if (old.n < type->n_min) {
        ctl_fatal("\"remove\" operation would put %u %s in column %s of "
                  "table %s but the minimum number is %u", old.n,
                  type->value.type == OVSDB_TYPE_VOID ? "values" : "pairs",
                  column->name, table->name, type->n_min);
    }
    ovsdb_idl_txn_verify(row, column);
    ovsdb_idl_txn_write(row, column, &old);
}

static void
cmd_clear(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  !if_exists);
    if (!row) {
        return;
    }
    for (int i = 3; i < ctx->argc; i++) {
        const struct ovsdb_idl_column *column = ctl_get_column(table,
                                                               ctx->argv[i]);
        check_mutable(row, table, column);
        if (column->type.n_min > 0) {
            ctl_fatal("\"clear\" operation cannot be applied to column %s "
                      "of table %s, which is not allowed to be empty",
                      column->name, table->name);
        }
        struct ovsdb_datum d;
        ovsdb_datum_init_empty(&d);
        ovsdb_idl_txn_write(row, column, &d);
    }
}

/* ------------------------------------------------------------------ */
/* create, destroy, wait-until. */

struct create_pvt {
    struct uuid uuid;           /* Temporary UUID of the new row. */
};

static void
cmd_create(struct ctl_context *ctx)
{
    const char *id = shash_find_data(ctx->options, "--id");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct uuid *uuid = NULL;

    if (id) {
        struct ovsdb_symbol *symbol = create_symbol(ctx->symtab, id, NULL);
        if (table->is_root) {
            /* A root row lives without references, so the name is only
             * a convenience: count it as referenced. */
            symbol->strong_ref = true;
        }
        uuid = &symbol->uuid;
    } else if (!table->is_root) {
        VLOG_WARN("applying \"create\" command to table %s without --id "
                  "option will have no effect", table->name);
    }

    const struct ovsdb_idl_row *row = ovsdb_idl_txn_insert(ctx->txn, table,
                                                           uuid);
    for (int i = 2; i < ctx->argc; i++) {
        ctl_set_column(table, row, ctx->argv[i], ctx->symtab);
    }
    ds_put_format(&ctx->output, UUID_FMT, UUID_ARGS(&row->uuid));
}

static void
post_create(struct ctl_context *ctx)
{
    struct uuid dummy;
    if (!uuid_from_string(&dummy, ds_cstr(&ctx->output))) {
        OVS_NOT_REACHED();
    }
    const struct uuid *real = ovsdb_idl_txn_get_insert_uuid(ctx->txn,
                                                            &dummy);
    ds_clear(&ctx->output);
    if (real) {
        ds_put_format(&ctx->output, UUID_FMT, UUID_ARGS(real));
    }
    ds_put_char(&ctx->output, '\n');
}

static void
cmd_destroy(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    bool all = shash_find(ctx->options, "--all");
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);

    if (all && ctx->argc > 2) {
        ctl_fatal("--all and records argument should not be specified "
                  "together");
    }
    if (!all && ctx->argc < 3) {
        ctl_fatal("either --all or records argument should be specified");
    }
    if (all) {
        const struct ovsdb_idl_row *row, *next;
        for (row = ovsdb_idl_first_row(ctx->idl, table); row; row = next) {
            next = ovsdb_idl_next_row(row);
            ovsdb_idl_txn_delete(row);
        }
        return;
    }
    for (int i = 2; i < ctx->argc; i++) {
        const struct ovsdb_idl_row *row = ctl_get_row(ctx, table,
                                                      ctx->argv[i],
                                                      !if_exists);
        if (row) {
            ovsdb_idl_txn_delete(row);
        }
    }
}

static void
cmd_wait_until(struct ctl_context *ctx)
{
    const struct ovsdb_idl_table_class *table = ctl_get_table(ctx->argv[1]);
    const struct ovsdb_idl_row *row = ctl_get_row(ctx, table, ctx->argv[2],
                                                  false);
    if (!row) {
        ctx->try_again = true;
        return;
    }
    for (int i = 3; i < ctx->argc; i++) {
        if (!is_condition_satisfied(table, row, ctx->argv[i], ctx->symtab)) {
            ctx->try_again = true;
            return;
        }
    }
}

static const struct ctl_command_syntax db_ctl_commands[] = {
    { "list", 1, INT_MAX, "TABLE [RECORD]...", cmd_list, NULL,
      "--if-exists,--columns=", true },
    { "find", 1, INT_MAX, "TABLE [COLUMN[:KEY]=VALUE]...", cmd_find, NULL,
      "--columns=", true },
    { "get", 2, INT_MAX, "TABLE RECORD [COLUMN[:KEY]]...", cmd_get, NULL,
      "--if-exists,--id=", true },
    { "set", 3, INT_MAX, "TABLE RECORD COLUMN[:KEY]=VALUE...", cmd_set,
      NULL, "--if-exists", false },
    { "add", 4, INT_MAX, "TABLE RECORD COLUMN [KEY=]VALUE...", cmd_add,
      NULL, "--if-exists", false },
    { "remove", 4, INT_MAX, "TABLE RECORD COLUMN KEY|VALUE|KEY=VALUE...",
      cmd_remove, NULL, "--if-exists", false },
    { "clear", 3, INT_MAX, "TABLE RECORD COLUMN...", cmd_clear, NULL,
      "--if-exists", false },
    { "create", 2, INT_MAX, "TABLE COLUMN[:KEY]=VALUE...", cmd_create,
      post_create, "--id=", false },
    { "destroy", 1, INT_MAX, "TABLE [RECORD]...", cmd_destroy, NULL,
      "--if-exists,--all", false },
    { "wait-until", 2, INT_MAX, "TABLE RECORD [COLUMN[:KEY]=VALUE]...",
      cmd_wait_until, NULL, "", true },
    { NULL, 0, 0, NULL, NULL, NULL, NULL, false },
};

static void ctl_register_db_commands(void) __attribute__((constructor));
static void
ctl_register_db_commands(void)
{
    ctl_register_commands(db_ctl_commands);
}

void
ctl_print_generic_usage(void)
{
    printf("\nDatabase Commands:\n");
    for (const struct ctl_command_syntax *p = db_ctl_commands; p->name;
         p++) {
        printf("  %s%s%s\n", p->name, *p->arguments ? " " : "",
               p->arguments);
    }
}
