/* ovsdb-tool: offline operations on OVSDB database files and schemas.
 *
 * Each command opens the files it needs, does one thing and exits; none of
 * them needs a running server, and the ones that write take the database's
 * lock file, so they refuse to run against a database that ovsdb-server
 * has open. */

#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "command-line.h"
#include "dirs.h"
#include "file.h"
#include "log.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb.h"
#include "schema.h"

/* -m, once or more, for show-log. */
static int show_log_verbosity;

static void parse_options(int argc, char *argv[]);
static void usage(void) OVS_NO_RETURN;

static char *
default_db(void)
{
    return xasprintf("%s/conf.db", ovs_dbdir());
}

static char *
default_schema(void)
{
    return xasprintf("%s/vswitch.ovsschema", ovs_pkgdatadir());
}

/* Exits with a message if 'error' is nonnull. */
static void
check_ovsdb_error(struct ovsdb_error *error)
{
    if (error) {
        ovs_fatal(0, "%s", ovsdb_error_to_string_free(error));
    }
}

static void
do_create(struct ovs_cmdl_context *ctx)
{
    char *db = ctx->argc >= 2 ? xstrdup(ctx->argv[1]) : default_db();
    char *schema_file = (ctx->argc >= 3 ? xstrdup(ctx->argv[2])
                         : default_schema());
    struct ovsdb_schema *schema;
    check_ovsdb_error(ovsdb_schema_from_file(schema_file, &schema));
    check_ovsdb_error(ovsdb_file_create(db, schema));
    ovsdb_schema_destroy(schema);
    free(db);
    free(schema_file);
}

static void
do_compact(struct ovs_cmdl_context *ctx)
{
    char *db_name = ctx->argc >= 2 ? xstrdup(ctx->argv[1]) : default_db();
    const char *target = ctx->argc >= 3 ? ctx->argv[2] : db_name;

    /* Keep the source locked while rewriting it in place. */
    struct ovsdb *db;
    struct ovsdb_file *file;
    check_ovsdb_error(ovsdb_file_open(db_name, false, &db, &file));
    if (target == db_name) {
        check_ovsdb_error(ovsdb_file_compact(file));
    } else {
        check_ovsdb_error(ovsdb_file_save_copy(target, "compacted by "
                                               "ovsdb-tool", db));
    }
    ovsdb_destroy(db);
    free(db_name);
}

static void
print_schema_field(const char *file_name, bool is_db, const char *field)
{
    struct ovsdb_schema *schema;
    check_ovsdb_error(is_db
                      ? ovsdb_file_read_schema(file_name, &schema)
                      : ovsdb_schema_from_file(file_name, &schema));
    puts(!strcmp(field, "version") ? schema->version
         : !strcmp(field, "cksum") ? schema->cksum
         : schema->name);
    ovsdb_schema_destroy(schema);
}

static void
do_db_field(struct ovs_cmdl_context *ctx, const char *field)
{
    char *db = ctx->argc >= 2 ? xstrdup(ctx->argv[1]) : default_db();
    print_schema_field(db, true, field);
    free(db);
}

static void
do_schema_field(struct ovs_cmdl_context *ctx, const char *field)
{
    char *schema = (ctx->argc >= 2 ? xstrdup(ctx->argv[1])
                    : default_schema());
    print_schema_field(schema, false, field);
    free(schema);
}

static void
do_db_version(struct ovs_cmdl_context *ctx)
{
    do_db_field(ctx, "version");
}

static void
do_db_cksum(struct ovs_cmdl_context *ctx)
{
    do_db_field(ctx, "cksum");
}

static void
do_db_name(struct ovs_cmdl_context *ctx)
{
    do_db_field(ctx, "name");
}

static void
do_schema_version(struct ovs_cmdl_context *ctx)
{
    do_schema_field(ctx, "version");
}

static void
do_schema_cksum(struct ovs_cmdl_context *ctx)
{
    do_schema_field(ctx, "cksum");
}

static void
do_schema_name(struct ovs_cmdl_context *ctx)
{
    do_schema_field(ctx, "name");
}

static void
transact(struct ovs_cmdl_context *ctx, bool read_only)
{
    char *db_name = ctx->argc >= 3 ? xstrdup(ctx->argv[1]) : default_db();
    const char *txn_text = ctx->argv[ctx->argc - 1];

    struct json *request = json_from_string(txn_text);
    if (request->type == JSON_STRING) {
        ovs_fatal(0, "\"%s\": %s", txn_text, json_string(request));
    }

    struct ovsdb *db;
    check_ovsdb_error(ovsdb_file_open(db_name, read_only, &db, NULL));
    long long int timeout;
    struct json *result = ovsdb_execute(db, request, NULL, NULL, 0,
                                        &timeout);
    if (!result) {
        ovs_fatal(0, "transaction contains a \"wait\" that is not "
                  "satisfied and could never be in this context");
    }
    char *s = json_to_string(result, 0);
    puts(s);
    free(s);
    json_destroy(result);
    json_destroy(request);
    ovsdb_destroy(db);
    free(db_name);
}

static void
do_query(struct ovs_cmdl_context *ctx)
{
    transact(ctx, true);
}

static void
do_transact(struct ovs_cmdl_context *ctx)
{
    transact(ctx, false);
}

/* Prints one transaction record for show-log.  'seen' tracks the UUIDs of
 * rows that exist, to tell inserts from updates. */
static void
print_record(const struct json *record, struct sset *seen)
{
    const struct json *date = shash_find_data(json_object(record), "_date");
    const struct json *comment = shash_find_data(json_object(record),
                                                 "_comment");
    if (date && date->type == JSON_INTEGER) {
        long long int msec = json_integer(date);
        time_t t = msec / 1000;
        struct tm tm;
        char buf[64];
        localtime_r(&t, &tm);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
        printf(" %s.%03lld", buf, msec % 1000);
    }
    if (comment && comment->type == JSON_STRING) {
        printf(" \"%s\"", json_string(comment));
    }
    putchar('\n');

    const struct shash_node **tables = shash_sort(json_object(record));
    for (size_t i = 0; i < shash_count(json_object(record)); i++) {
        const char *table = tables[i]->name;
        const struct json *rows = tables[i]->data;
        if (table[0] == '_' || rows->type != JSON_OBJECT) {
            continue;
        }
        const struct shash_node **sorted = shash_sort(json_object(rows));
        for (size_t j = 0; j < shash_count(json_object(rows)); j++) {
            const char *uuid = sorted[j]->name;
            const struct json *row = sorted[j]->data;
            const char *action;
            if (row->type == JSON_NULL) {
                action = "delete";
                sset_find_and_delete(seen, uuid);
            } else if (sset_contains(seen, uuid)) {
                action = "update";
            } else {
                action = "insert";
                sset_add(seen, uuid);
            }
            if (show_log_verbosity > 0) {
                printf("  table %s %s row %.8s:\n", table, action, uuid);
            }
            if (show_log_verbosity > 1 && row->type == JSON_OBJECT) {
                const struct shash_node **cols = shash_sort(
                    json_object(row));
                for (size_t k = 0; k < shash_count(json_object(row)); k++) {
                    char *value = json_to_string(cols[k]->data, 0);
                    printf("    %s=%s\n", cols[k]->name, value);
                    free(value);
                }
                free(cols);
            }
        }
        free(sorted);
    }
    free(tables);
}

static void
do_show_log(struct ovs_cmdl_context *ctx)
{
    char *db_name = ctx->argc >= 2 ? xstrdup(ctx->argv[1]) : default_db();
    struct ovsdb_log *log;
    check_ovsdb_error(ovsdb_log_open(db_name, OVSDB_LOG_READ_ONLY, &log));

    struct sset seen = SSET_INITIALIZER(&seen);
    struct json *json;
    for (unsigned int i = 0;
         (check_ovsdb_error(ovsdb_log_read(log, &json)), json); i++) {
        if (i) {
            putchar('\n');
        }
        printf("record %u:", i);
        if (i == 0) {
            struct ovsdb_schema *schema;
            struct ovsdb_error *error = ovsdb_schema_from_json(json,
                                                               &schema);
            if (error) {
                char *s = ovsdb_error_to_string_free(error);
                printf(" bad schema: %s\n", s);
                free(s);
            } else {
                printf(" \"%s\" schema, version=\"%s\", cksum=\"%s\"\n",
                       schema->name, schema->version, schema->cksum);
                ovsdb_schema_destroy(schema);
            }
        } else {
            print_record(json, &seen);
        }
        json_destroy(json);
    }
    const char *problem = ovsdb_log_get_tail_problem(log);
    if (problem) {
        printf("(%s)\n", problem);
    }
    sset_destroy(&seen);
    ovsdb_log_close(log);
    free(db_name);
}

static void
do_help(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    usage();
}

static const struct ovs_cmdl_command all_commands[] = {
    { "create", "[db [schema]]", 0, 2, do_create, OVS_RW },
    { "compact", "[db [dst]]", 0, 2, do_compact, OVS_RW },
    { "db-name", "[db]", 0, 1, do_db_name, OVS_RO },
    { "db-version", "[db]", 0, 1, do_db_version, OVS_RO },
    { "db-cksum", "[db]", 0, 1, do_db_cksum, OVS_RO },
    { "schema-name", "[schema]", 0, 1, do_schema_name, OVS_RO },
    { "schema-version", "[schema]", 0, 1, do_schema_version, OVS_RO },
    { "schema-cksum", "[schema]", 0, 1, do_schema_cksum, OVS_RO },
    { "query", "[db] trns", 1, 2, do_query, OVS_RO },
    { "transact", "[db] trns", 1, 2, do_transact, OVS_RW },
    { "show-log", "[db]", 0, 1, do_show_log, OVS_RO },
    { "help", NULL, 0, INT_MAX, do_help, OVS_RO },
    { NULL, NULL, 0, 0, NULL, OVS_RO },
};

int
main(int argc, char *argv[])
{
    ovs_set_program_name(argv[0], PACKAGE_VERSION);
    parse_options(argc, argv);
    struct ovs_cmdl_context ctx = {
        .argc = argc - optind,
        .argv = argv + optind,
    };
    ovs_cmdl_run_command(&ctx, all_commands);
    return 0;
}

static void
parse_options(int argc, char *argv[])
{
    enum {
        VLOG_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"more", no_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        VLOG_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };

    int c;
    while ((c = getopt_long(argc, argv, "mhVv::", long_options, NULL)) != -1) {
        if (c == 'm') {
            show_log_verbosity++;
        } else if (c == 'h') {
            usage();
        } else if (c == 'V') {
            printf("%s (Open vSwitch) %s\n", ovs_get_program_name(),
                   PACKAGE_VERSION);
            exit(EXIT_SUCCESS);
        } else {
            switch (c) {
            VLOG_OPTION_HANDLERS
            default:
                /* getopt_long() already printed a message. */
                exit(EXIT_FAILURE);
            }
        }
    }
}

static void
usage(void)
{
    const char *name = ovs_get_program_name();
    printf("%s: offline tool for OVSDB database files\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n"
           "Commands:\n"
           "  create [DB [SCHEMA]]    new DB with SCHEMA and no rows\n"
           "  compact [DB [DST]]      rewrite DB (or a copy in DST) as a "
           "snapshot\n"
           "  db-name [DB]            name of DB's schema\n"
           "  db-version [DB]         version of DB's schema\n"
           "  db-cksum [DB]           checksum of DB's schema\n"
           "  schema-name [SCHEMA]    name in SCHEMA\n"
           "  schema-version [SCHEMA] version in SCHEMA\n"
           "  schema-cksum [SCHEMA]   checksum in SCHEMA\n"
           "  query [DB] TRNS         run TRNS on DB, keep no changes\n"
           "  transact [DB] TRNS      run TRNS on DB and save it\n"
           "  show-log [DB]           list DB's records (-m: more "
           "detail)\n"
           "Defaults: DB is %s/conf.db, SCHEMA is "
           "%s/vswitch.ovsschema.\n"
           "Options:\n"
           "  -m, --more              more detail from show-log\n"
           "  -V, --version           print the version and exit\n"
           "  -h, --help              print this help and exit\n",
           name, name, ovs_dbdir(), ovs_pkgdatadir());
    exit(EXIT_SUCCESS);
}
