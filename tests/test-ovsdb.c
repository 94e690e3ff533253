/* Unit-test drivers for OVSDB: "ovstest test-ovsdb COMMAND ARG...".
 *
 * Commands that parse print what they parsed back out as JSON (or the
 * error), so a test states both the accepted syntax and the canonical
 * form.  "execute" runs transactions against an in-memory database, and
 * "session" talks JSON-RPC to a running ovsdb-server over one or more
 * connections.  Output that contains UUIDs is made stable: object members
 * and result rows are ordered by their content, and each distinct UUID is
 * printed as <0>, <1>, ... in order of first appearance. */

#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "ovsdb-types.h"
#include "ovsdb/condition.h"
#include "ovsdb/mutation.h"
#include "ovsdb/ovsdb.h"
#include "ovsdb/schema.h"
#include "ovstest.h"
#include "stream.h"

/* ------------------------------------------------------------------ */
/* Stable output. */

static struct shash uuid_numbers = SHASH_INITIALIZER(&uuid_numbers);

static bool
looks_like_uuid(const char *s)
{
    static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    for (size_t i = 0; i < sizeof pattern - 1; i++) {
        unsigned char c = s[i];
        if (pattern[i] == '-' ? c != '-' : !isxdigit(c)) {
            return false;
        }
    }
    return true;
}

/* Replaces each UUID in 's' by "<N>" (or by "<>" if 'mask_only'). */
static char *
filter_uuids(const char *s, bool mask_only)
{
    struct ds out = DS_EMPTY_INITIALIZER;
    while (*s) {
        if (strlen(s) >= UUID_LEN && looks_like_uuid(s)) {
            if (mask_only) {
                ds_put_cstr(&out, "<>");
            } else {
                char *key = xmemdup0(s, UUID_LEN);
                uintptr_t n = (uintptr_t) shash_find_data(&uuid_numbers, key);
                if (!n) {
                    n = shash_count(&uuid_numbers) + 1;
                    shash_add(&uuid_numbers, key, (void *) n);
                }
                free(key);
                ds_put_format(&out, "<%u>", (unsigned int) (n - 1));
            }
            s += UUID_LEN;
        } else {
            ds_put_char(&out, *s++);
        }
    }
    return ds_steal_cstr(&out);
}

static char *
masked(const struct json *json)
{
    char *s = json_to_string(json, JSSF_SORT);
    char *m = filter_uuids(s, true);
    free(s);
    return m;
}

struct sort_item {
    char *key;                  /* What to sort by. */
    char *name;                 /* Member name, or NULL for array items. */
    struct json *value;
};

static int
compare_sort_items(const void *a_, const void *b_)
{
    const struct sort_item *a = a_, *b = b_;
    return strcmp(a->key, b->key);
}

/* Returns a copy of 'json' in canonical order: object members by name,
 * except that objects keyed by UUIDs and the arrays of rows under "rows"
 * are ordered by their (UUID-masked) content. */
static struct json *
canonicalize(const struct json *json, bool is_rows)
{
    if (json->type == JSON_OBJECT) {
        struct shash *obj = json_object(json);
        size_t n = shash_count(obj);
        struct sort_item *items = xcalloc(n + 1, sizeof *items);
        bool uuid_keys = n > 0;
        size_t i = 0;
        struct shash_node *node;
        SHASH_FOR_EACH (node, obj) {
            uuid_keys &= strlen(node->name) == UUID_LEN
                         && looks_like_uuid(node->name);
            items[i].name = node->name;
            items[i].value = canonicalize(node->data,
                                          !strcmp(node->name, "rows"));
            i++;
        }
        for (i = 0; i < n; i++) {
            if (uuid_keys) {
                char *m = masked(items[i].value);
                items[i].key = xasprintf("%s %s", m, items[i].name);
                free(m);
            } else {
                items[i].key = xstrdup(items[i].name);
            }
        }
        qsort(items, n, sizeof *items, compare_sort_items);
        struct json *out = json_object_create();
        for (i = 0; i < n; i++) {
            json_object_put(out, items[i].name, items[i].value);
            free(items[i].key);
        }
        free(items);
        return out;
    } else if (json->type == JSON_ARRAY) {
        size_t n = json_array(json)->n;
        struct sort_item *items = xcalloc(n + 1, sizeof *items);
        for (size_t i = 0; i < n; i++) {
            items[i].value = canonicalize(json_array(json)->elems[i], false);
            items[i].key = is_rows ? masked(items[i].value) : NULL;
        }
        if (is_rows) {
            qsort(items, n, sizeof *items, compare_sort_items);
        }
        struct json *out = json_array_create_empty();
        for (size_t i = 0; i < n; i++) {
            json_array_add(out, items[i].value);
            free(items[i].key);
        }
        free(items);
        return out;
    }
    return json_clone(json);
}

/* Prints 'json' in stable form, followed by a new-line. */
static void
print_json(const char *prefix, const struct json *json)
{
    struct json *c = canonicalize(json, false);
    char *s = json_to_string(c, 0);
    char *f = filter_uuids(s, false);
    printf("%s%s\n", prefix, f);
    free(f);
    free(s);
    json_destroy(c);
}

/* Parses 's' as any JSON value (the JSON parser itself takes only arrays
 * and objects at top level, so 's' is parsed inside an array). */
static struct json *
parse_json(const char *s)
{
    char *text = xasprintf("[%s]", s);
    struct json *array = json_from_string(text);
    free(text);
    if (array->type == JSON_STRING) {
        ovs_fatal(0, "\"%s\": %s", s, json_string(array));
    }
    if (json_array(array)->n != 1) {
        ovs_fatal(0, "\"%s\": exactly one JSON value expected", s);
    }
    struct json *json = json_clone(json_array(array)->elems[0]);
    json_destroy(array);
    return json;
}

static void
print_and_free_error(struct ovsdb_error *error)
{
    char *s = ovsdb_error_to_string_free(error);
    char *f = filter_uuids(s, false);
    puts(f);
    free(f);
    free(s);
}

static void
check_ovsdb_error(struct ovsdb_error *error)
{
    if (error) {
        ovs_fatal(0, "%s", ovsdb_error_to_string_free(error));
    }
}

/* ------------------------------------------------------------------ */
/* Types and data. */

static void
do_parse_atomic_type(int argc, char *argv[])
{
    for (int i = 1; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        enum ovsdb_atomic_type type;
        struct ovsdb_error *error = ovsdb_atomic_type_from_json(&type, json);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_atomic_type_to_json(type);
            print_json("", out);
            json_destroy(out);
        }
        json_destroy(json);
    }
}

static void
do_parse_base_type(int argc, char *argv[])
{
    for (int i = 1; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        struct ovsdb_base_type base;
        struct ovsdb_error *error = ovsdb_base_type_from_json(&base, json);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_base_type_to_json(&base);
            print_json("", out);
            json_destroy(out);
            ovsdb_base_type_destroy(&base);
        }
        json_destroy(json);
    }
}

static void
do_parse_type(int argc, char *argv[])
{
    for (int i = 1; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        struct ovsdb_type type;
        struct ovsdb_error *error = ovsdb_type_from_json(&type, json);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_type_to_json(&type);
            char *english = ovsdb_type_to_english(&type);
            print_json("", out);
            printf("(%s)\n", english);
            free(english);
            json_destroy(out);
            ovsdb_type_destroy(&type);
        }
        json_destroy(json);
    }
}

static void
parse_type_arg(const char *s, struct ovsdb_type *type)
{
    struct json *json = parse_json(s);
    check_ovsdb_error(ovsdb_type_from_json(type, json));
    json_destroy(json);
}

static void
do_parse_atoms(int argc, char *argv[])
{
    struct ovsdb_type type;
    parse_type_arg(argv[1], &type);
    for (int i = 2; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        union ovsdb_atom atom;
        struct ovsdb_error *error = ovsdb_atom_from_json(&atom, &type.key,
                                                         json, NULL);
        if (!error) {
            error = ovsdb_atom_check_constraints(&atom, &type.key);
            if (error) {
                ovsdb_atom_destroy(&atom, type.key.type);
            }
        }
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_atom_to_json(&atom, type.key.type);
            print_json("", out);
            json_destroy(out);
            ovsdb_atom_destroy(&atom, type.key.type);
        }
        json_destroy(json);
    }
    ovsdb_type_destroy(&type);
}

static void
do_parse_atom_strings(int argc, char *argv[])
{
    struct ovsdb_type type;
    parse_type_arg(argv[1], &type);
    struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
    for (int i = 2; i < argc; i++) {
        union ovsdb_atom atom;
        char *error = ovsdb_atom_from_string(&atom, &type.key, argv[i],
                                             symtab);
        if (error) {
            printf("%s\n", error);
            free(error);
            continue;
        }
        struct ds s = DS_EMPTY_INITIALIZER;
        ovsdb_atom_to_string(&atom, type.key.type, &s);
        char *f = filter_uuids(ds_cstr(&s), false);
        puts(f);
        free(f);

        /* What we print must read back as the same atom. */
        union ovsdb_atom again;
        error = ovsdb_atom_from_string(&again, &type.key, ds_cstr(&s),
                                       symtab);
        if (error || !ovsdb_atom_equals(&atom, &again, type.key.type)) {
            ovs_fatal(0, "\"%s\" did not read back", ds_cstr(&s));
        }
        ovsdb_atom_destroy(&again, type.key.type);
        ovsdb_atom_destroy(&atom, type.key.type);
        ds_destroy(&s);
    }
    ovsdb_symbol_table_destroy(symtab);
    ovsdb_type_destroy(&type);
}

static void
do_parse_data(int argc, char *argv[])
{
    struct ovsdb_type type;
    parse_type_arg(argv[1], &type);
    struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
    for (int i = 2; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        struct ovsdb_datum datum;
        struct ovsdb_error *error = ovsdb_datum_from_json(&datum, &type,
                                                          json, symtab);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_datum_to_json(&datum, &type);
            print_json("", out);
            json_destroy(out);
            ovsdb_datum_destroy(&datum, &type);
        }
        json_destroy(json);
    }
    ovsdb_symbol_table_destroy(symtab);
    ovsdb_type_destroy(&type);
}

static void
do_parse_data_strings(int argc, char *argv[])
{
    struct ovsdb_type type;
    parse_type_arg(argv[1], &type);
    struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
    for (int i = 2; i < argc; i++) {
        struct ovsdb_datum datum;
        char *error = ovsdb_datum_from_string(&datum, &type, argv[i],
                                              symtab);
        if (error) {
            printf("%s\n", error);
            free(error);
            continue;
        }
        struct ds s = DS_EMPTY_INITIALIZER;
        ovsdb_datum_to_string(&datum, &type, &s);
        char *f = filter_uuids(ds_cstr(&s), false);
        puts(f);
        free(f);

        struct ovsdb_datum again;
        error = ovsdb_datum_from_string(&again, &type, ds_cstr(&s), symtab);
        if (error || !ovsdb_datum_equals(&datum, &again, &type)) {
            ovs_fatal(0, "\"%s\" did not read back", ds_cstr(&s));
        }
        ovsdb_datum_destroy(&again, &type);
        ovsdb_datum_destroy(&datum, &type);
        ds_destroy(&s);
    }
    ovsdb_symbol_table_destroy(symtab);
    ovsdb_type_destroy(&type);
}

/* ------------------------------------------------------------------ */
/* Schemas, conditions, mutations, transactions. */

static void
do_parse_schema(int argc, char *argv[])
{
    struct json *json = parse_json(argv[1]);
    struct ovsdb_schema *schema;
    struct ovsdb_error *error = ovsdb_schema_from_json(json, &schema);
    if (error) {
        print_and_free_error(error);
    } else {
        struct json *out = ovsdb_schema_to_json(schema);
        print_json("", out);
        json_destroy(out);
        ovsdb_schema_destroy(schema);
    }
    json_destroy(json);
}

/* Builds a one-table schema named "t" from table schema 'ts_json'. */
static struct ovsdb *
one_table_db(const char *ts_json)
{
    char *text = xasprintf("{\"name\": \"db\", \"tables\": {\"t\": %s}}",
                           ts_json);
    struct json *json = parse_json(text);
    struct ovsdb_schema *schema;
    check_ovsdb_error(ovsdb_schema_from_json(json, &schema));
    json_destroy(json);
    free(text);
    return ovsdb_create(schema);
}

static void
do_parse_conditions(int argc, char *argv[])
{
    struct ovsdb *db = one_table_db(argv[1]);
    const struct ovsdb_table_schema *ts = ovsdb_get_table(db, "t")->schema;
    for (int i = 2; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        struct ovsdb_condition cond;
        struct ovsdb_error *error = ovsdb_condition_from_json(ts, json, NULL,
                                                              &cond);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_condition_to_json(&cond);
            print_json("", out);
            json_destroy(out);
            ovsdb_condition_destroy(&cond);
        }
        json_destroy(json);
    }
    ovsdb_destroy(db);
}

static void
do_parse_mutations(int argc, char *argv[])
{
    struct ovsdb *db = one_table_db(argv[1]);
    const struct ovsdb_table_schema *ts = ovsdb_get_table(db, "t")->schema;
    for (int i = 2; i < argc; i++) {
        struct json *json = parse_json(argv[i]);
        struct ovsdb_mutation_set set;
        struct ovsdb_error *error = ovsdb_mutation_set_from_json(ts, json,
                                                                 NULL, &set);
        if (error) {
            print_and_free_error(error);
        } else {
            struct json *out = ovsdb_mutation_set_to_json(&set);
            print_json("", out);
            json_destroy(out);
            ovsdb_mutation_set_destroy(&set);
        }
        json_destroy(json);
    }
    ovsdb_destroy(db);
}

/* evaluate-conditions TABLE-SCHEMA CONDITIONS ROWS: prints, for each
 * condition, a line with T or - for each row it matches or not. */
static void
do_evaluate_conditions(int argc, char *argv[])
{
    struct ovsdb *db = one_table_db(argv[1]);
    struct ovsdb_table *table = ovsdb_get_table(db, "t");
    struct json *conds = parse_json(argv[2]);
    struct json *rows = parse_json(argv[3]);
    if (conds->type != JSON_ARRAY || rows->type != JSON_ARRAY) {
        ovs_fatal(0, "CONDITIONS and ROWS must be arrays");
    }

    size_t n_rows = json_array(rows)->n;
    struct ovsdb_row **row = xcalloc(n_rows + 1, sizeof *row);
    for (size_t i = 0; i < n_rows; i++) {
        row[i] = ovsdb_row_create(table);
        check_ovsdb_error(ovsdb_row_from_json(row[i],
                                              json_array(rows)->elems[i],
                                              NULL, NULL));
    }
    for (size_t i = 0; i < json_array(conds)->n; i++) {
        struct ovsdb_condition cond;
        check_ovsdb_error(ovsdb_condition_from_json(
                              table->schema, json_array(conds)->elems[i],
                              NULL, &cond));
        printf("condition %zu:", i);
        for (size_t j = 0; j < n_rows; j++) {
            if (j % 5 == 0) {
                putchar(' ');
            }
            putchar(ovsdb_condition_evaluate(row[j], &cond) ? 'T' : '-');
        }
        putchar('\n');
        ovsdb_condition_destroy(&cond);
    }
    for (size_t i = 0; i < n_rows; i++) {
        ovsdb_row_destroy(row[i]);
    }
    free(row);
    json_destroy(conds);
    json_destroy(rows);
    ovsdb_destroy(db);
}

/* execute SCHEMA TXN...: runs each transaction in turn against one
 * in-memory database created from SCHEMA, printing each result. */
static void
do_execute(int argc, char *argv[])
{
    struct json *json = parse_json(argv[1]);
    struct ovsdb_schema *schema;
    check_ovsdb_error(ovsdb_schema_from_json(json, &schema));
    json_destroy(json);
    struct ovsdb *db = ovsdb_create(schema);

    for (int i = 2; i < argc; i++) {
        struct json *params = parse_json(argv[i]);
        long long int timeout;
        struct json *result = ovsdb_execute(db, params, NULL, NULL, 0,
                                            &timeout);
        if (result) {
            print_json("", result);
            json_destroy(result);
        } else {
            printf("not done (timeout %lld)\n", timeout);
        }
        json_destroy(params);
    }
    ovsdb_destroy(db);
}

/* ------------------------------------------------------------------ */
/* JSON-RPC sessions against a server. */

#define MAX_CONNS 10

static struct jsonrpc *
open_connection(const char *remote)
{
    struct stream *stream;
    int error = stream_open_block(stream_open(remote, &stream, 0), 10000,
                                  &stream);
    if (error) {
        ovs_fatal(error, "%s: connection failed", remote);
    }
    return jsonrpc_open(stream);
}

static void
print_message(int conn, const struct jsonrpc_msg *msg)
{
    char prefix[64];
    switch (msg->type) {
    case JSONRPC_REPLY:
        snprintf(prefix, sizeof prefix, "%d: reply: ", conn);
        print_json(prefix, msg->result);
        break;
    case JSONRPC_ERROR:
        snprintf(prefix, sizeof prefix, "%d: error: ", conn);
        print_json(prefix, msg->error);
        break;
    case JSONRPC_NOTIFY:
    case JSONRPC_REQUEST:
    default:
        snprintf(prefix, sizeof prefix, "%d: %s %s: ", conn,
                 msg->type == JSONRPC_NOTIFY ? "notify" : "request",
                 msg->method);
        print_json(prefix, msg->params);
        break;
    }
    fflush(stdout);
}

/* Sends 'request' on 'rpc' and prints everything that arrives on it until
 * the answer to it (printed too, unless 'quiet'). */
static void
send_and_print(int conn, struct jsonrpc *rpc, struct jsonrpc_msg *request,
               bool quiet)
{
    struct json *id = json_clone(request->id);
    int error = jsonrpc_send_block(rpc, request);
    if (error) {
        ovs_fatal(error, "connection %d: send failed", conn);
    }
    for (;;) {
        struct jsonrpc_msg *msg;
        error = jsonrpc_recv_block(rpc, &msg);
        if (error) {
            ovs_fatal(error, "connection %d: receive failed", conn);
        }
        bool answer = ((msg->type == JSONRPC_REPLY
                        || msg->type == JSONRPC_ERROR)
                       && json_equal(msg->id, id));
        if (!answer || !quiet) {
            print_message(conn, msg);
        }
        jsonrpc_msg_destroy(msg);
        if (answer) {
            break;
        }
    }
    json_destroy(id);
}

/* session REMOTE STEP...: each STEP is "N METHOD PARAMS" (one argument),
 * sent as a request on connection N (0 to 9, opened on first use); with
 * "!METHOD" the step does not wait for the answer.  After
 * each step's answer, every other open connection is synchronized with an
 * "echo" so that the notifications the step caused are printed too.  A
 * STEP of "N close" closes connection N. */
static void
do_session(int argc, char *argv[])
{
    const char *remote = argv[1];
    struct jsonrpc *conns[MAX_CONNS] = { NULL };

    for (int i = 2; i < argc; i++) {
        int conn;
        char method[64];
        int consumed;
        if (sscanf(argv[i], "%d %63s %n", &conn, method, &consumed) < 2
            || conn < 0 || conn >= MAX_CONNS) {
            ovs_fatal(0, "\"%s\": bad step", argv[i]);
        }
        if (!strcmp(method, "close")) {
            jsonrpc_close(conns[conn]);
            conns[conn] = NULL;
            continue;
        }
        if (!conns[conn]) {
            conns[conn] = open_connection(remote);
        }

        struct json *params = parse_json(argv[i] + consumed);
        struct jsonrpc_msg *request;
        if (!strcmp(method, "cancel-last")) {
            /* Sends a transact that will block, then cancels it. */
            request = jsonrpc_create_request("transact", params, NULL);
            struct json *cancel = json_array_create_1(
                json_clone(request->id));
            if (jsonrpc_send_block(conns[conn], request)) {
                ovs_fatal(0, "send failed");
            }
            send_and_print(conn, conns[conn],
                           jsonrpc_create_request("echo",
                                                  json_array_create_empty(),
                                                  NULL), true);
            jsonrpc_send_block(conns[conn],
                               jsonrpc_create_notify("cancel", cancel));
            send_and_print(conn, conns[conn],
                           jsonrpc_create_request("echo",
                                                  json_array_create_empty(),
                                                  NULL), true);
        } else if (method[0] == '!') {
            /* Sent without waiting: its answer shows up in a later
             * step's synchronization. */
            request = jsonrpc_create_request(method + 1, params, NULL);
            if (jsonrpc_send_block(conns[conn], request)) {
                ovs_fatal(0, "send failed");
            }
        } else {
            request = jsonrpc_create_request(method, params, NULL);
            send_and_print(conn, conns[conn], request, false);
        }

        for (int j = 0; j < MAX_CONNS; j++) {
            if (j != conn && conns[j]) {
                send_and_print(j, conns[j],
                               jsonrpc_create_request(
                                   "echo", json_array_create_empty(), NULL),
                               true);
            }
        }
    }
    for (int j = 0; j < MAX_CONNS; j++) {
        jsonrpc_close(conns[j]);
    }
}

/* uuidfilt: copies standard input to standard output with each UUID
 * replaced by <N>, for tests of other programs' output. */
static void
do_uuidfilt(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    char line[65536];
    while (fgets(line, sizeof line, stdin)) {
        char *f = filter_uuids(line, false);
        fputs(f, stdout);
        free(f);
    }
}

/* ------------------------------------------------------------------ */

static const struct {
    const char *name;
    int min_args;
    void (*func)(int argc, char *argv[]);
} commands[] = {
    { "parse-atomic-type", 1, do_parse_atomic_type },
    { "parse-base-type", 1, do_parse_base_type },
    { "parse-type", 1, do_parse_type },
    { "parse-atoms", 2, do_parse_atoms },
    { "parse-atom-strings", 2, do_parse_atom_strings },
    { "parse-data", 2, do_parse_data },
    { "parse-data-strings", 2, do_parse_data_strings },
    { "parse-schema", 1, do_parse_schema },
    { "parse-conditions", 2, do_parse_conditions },
    { "parse-mutations", 2, do_parse_mutations },
    { "evaluate-conditions", 3, do_evaluate_conditions },
    { "execute", 2, do_execute },
    { "session", 2, do_session },
    { "uuidfilt", 0, do_uuidfilt },
};

static void
test_ovsdb_main(int argc, char *argv[])
{
    ovs_set_program_name("test-ovsdb", "0");
    if (argc < 2) {
        ovs_fatal(0, "usage: test-ovsdb COMMAND ARG...");
    }
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
        if (!strcmp(argv[1], commands[i].name)) {
            if (argc - 2 < commands[i].min_args) {
                ovs_fatal(0, "%s needs at least %d argument(s)", argv[1],
                          commands[i].min_args);
            }
            commands[i].func(argc - 1, argv + 1);
            shash_destroy(&uuid_numbers);
            return;
        }
    }
    ovs_fatal(0, "unknown command \"%s\"", argv[1]);
}

OVSTEST_REGISTER("test-ovsdb", test_ovsdb_main);
