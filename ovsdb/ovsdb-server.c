/* ovsdb-server: serves OVSDB database files over RFC 7047 JSON-RPC.
 *
 * Each database file named on the command line is loaded into memory and
 * kept open: every committed transaction is appended to it before any
 * client hears about the commit.  Clients connect through the remotes given
 * with --remote (or added later with "ovsdb-server/add-remote"). */

#include <config.h>
#include "ovsdb.h"
#include "file.h"
#include "jsonrpc-server.h"
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "daemon.h"
#include "dirs.h"
#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "stream-ssl.h"
#include "stream.h"
#include "timeval.h"
#include "unixctl.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_server);

struct served_db {
    char *file_name;
    struct ovsdb *db;
    struct ovsdb_file *file;
};

struct server_state {
    struct ovsdb_jsonrpc_server *jsonrpc;
    struct served_db *dbs;
    size_t n_dbs;
    bool exiting;
};

static char *unixctl_path;
static struct sset remotes = SSET_INITIALIZER(&remotes);

static void parse_options(int argc, char *argv[]);
static void usage(void) OVS_NO_RETURN;

static void
unixctl_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
             const char *argv[] OVS_UNUSED, void *state_)
{
    struct server_state *state = state_;
    state->exiting = true;
    unixctl_command_reply(conn, NULL);
}

static void
unixctl_compact(struct unixctl_conn *conn, int argc, const char *argv[],
                void *state_)
{
    struct server_state *state = state_;
    struct ds reply = DS_EMPTY_INITIALIZER;
    bool found = false;

    for (size_t i = 0; i < state->n_dbs; i++) {
        struct served_db *sdb = &state->dbs[i];
        if (argc > 1 && strcmp(argv[1], sdb->db->schema->name)) {
            continue;
        }
        found = true;
        struct ovsdb_error *error = ovsdb_file_compact(sdb->file);
        if (error) {
            char *s = ovsdb_error_to_string_free(error);
            ds_put_format(&reply, "%s\n", s);
            free(s);
        }
    }

    if (!found) {
        ds_put_cstr(&reply, "no database by that name");
    }
    if (reply.length) {
        unixctl_command_reply_error(conn, ds_cstr(&reply));
    } else {
        unixctl_command_reply(conn, NULL);
    }
    ds_destroy(&reply);
}

static void
unixctl_add_remote(struct unixctl_conn *conn, int argc OVS_UNUSED,
                   const char *argv[], void *state_)
{
    struct server_state *state = state_;
    int error = ovsdb_jsonrpc_server_add_remote(state->jsonrpc, argv[1]);
    if (error) {
        char *msg = xasprintf("%s: %s", argv[1], ovs_strerror(error));
        unixctl_command_reply_error(conn, msg);
        free(msg);
    } else {
        unixctl_command_reply(conn, NULL);
    }
}

static void
unixctl_list_remotes(struct unixctl_conn *conn, int argc OVS_UNUSED,
                     const char *argv[] OVS_UNUSED, void *state_)
{
    struct server_state *state = state_;
    struct sset names = SSET_INITIALIZER(&names);
    ovsdb_jsonrpc_server_get_remotes(state->jsonrpc, &names);

    struct ds s = DS_EMPTY_INITIALIZER;
    const char **sorted = sset_sort(&names);
    for (size_t i = 0; i < sset_count(&names); i++) {
        ds_put_format(&s, "%s\n", sorted[i]);
    }
    free(sorted);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
    sset_destroy(&names);
}

static void
unixctl_list_dbs(struct unixctl_conn *conn, int argc OVS_UNUSED,
                 const char *argv[] OVS_UNUSED, void *state_)
{
    struct server_state *state = state_;
    struct ds s = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < state->n_dbs; i++) {
        ds_put_format(&s, "%s\n", state->dbs[i].db->schema->name);
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

int
main(int argc, char *argv[])
{
    ovs_set_program_name(argv[0], PACKAGE_VERSION);
    fatal_ignore_sigpipe();
    fatal_signal_init();
    parse_options(argc, argv);
    argc -= optind;
    argv += optind;

    struct sset files = SSET_INITIALIZER(&files);
    if (argc) {
        for (int i = 0; i < argc; i++) {
            sset_add(&files, argv[i]);
        }
    } else {
        char *def = xasprintf("%s/conf.db", ovs_dbdir());
        sset_add(&files, def);
        free(def);
    }

    daemonize_start(false);

    struct server_state state = { .jsonrpc = ovsdb_jsonrpc_server_create() };
    state.dbs = xcalloc(sset_count(&files), sizeof *state.dbs);
    const char *file_name;
    SSET_FOR_EACH (file_name, &files) {
        struct served_db *sdb = &state.dbs[state.n_dbs];
        struct ovsdb_error *error = ovsdb_file_open(file_name, false,
                                                    &sdb->db, &sdb->file);
        if (error) {
            ovs_fatal(0, "%s", ovsdb_error_to_string_free(error));
        }
        if (!ovsdb_jsonrpc_server_add_db(state.jsonrpc, sdb->db)) {
            ovs_fatal(0, "%s: duplicate database name \"%s\"", file_name,
                      sdb->db->schema->name);
        }
        sdb->file_name = xstrdup(file_name);
        state.n_dbs++;
    }

    const char *remote;
    SSET_FOR_EACH (remote, &remotes) {
        int error = ovsdb_jsonrpc_server_add_remote(state.jsonrpc, remote);
        if (error) {
            ovs_fatal(error, "%s: cannot add remote", remote);
        }
    }

    struct unixctl_server *unixctl;
    int retval = unixctl_server_create(unixctl_path, &unixctl);
    if (retval) {
        exit(EXIT_FAILURE);
    }
    unixctl_command_register("exit", "", 0, 0, unixctl_exit, &state);
    unixctl_command_register("ovsdb-server/compact", "[DB]", 0, 1,
                             unixctl_compact, &state);
    unixctl_command_register("ovsdb-server/add-remote", "REMOTE", 1, 1,
                             unixctl_add_remote, &state);
    unixctl_command_register("ovsdb-server/list-remotes", "", 0, 0,
                             unixctl_list_remotes, &state);
    unixctl_command_register("ovsdb-server/list-dbs", "", 0, 0,
                             unixctl_list_dbs, &state);

    daemonize_complete();
    VLOG_INFO("%s (Open vSwitch) %s", ovs_get_program_name(),
              PACKAGE_VERSION);

    while (!state.exiting) {
        ovsdb_jsonrpc_server_run(state.jsonrpc);
        unixctl_server_run(unixctl);
        fatal_signal_run();
        if (state.exiting) {
            break;
        }
        ovsdb_jsonrpc_server_wait(state.jsonrpc);
        unixctl_server_wait(unixctl);
        fatal_signal_wait();
        poll_block();
    }

    ovsdb_jsonrpc_server_destroy(state.jsonrpc);
    for (size_t i = 0; i < state.n_dbs; i++) {
        ovsdb_destroy(state.dbs[i].db);
        free(state.dbs[i].file_name);
    }
    free(state.dbs);
    unixctl_server_destroy(unixctl);
    sset_destroy(&files);
    sset_destroy(&remotes);
    free(unixctl_path);
    return 0;
}

static void
parse_options(int argc, char *argv[])
{
    enum {
        OPT_REMOTE = UCHAR_MAX + 1,
        OPT_UNIXCTL,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_SSL_PROTOCOLS_,
        OPT_SSL_CIPHERS_,
        VLOG_OPTION_ENUMS,
        DAEMON_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        DAEMON_LONG_OPTIONS,
        VLOG_LONG_OPTIONS,
        {"remote", required_argument, NULL, OPT_REMOTE},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        {"version", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},
        /* STREAM_SSL_OPTION_ENUMS collides with DAEMON_OPTION_ENUMS, so
         * the SSL options are spelled out here. */
        {"private-key", required_argument, NULL, 'p'},
        {"certificate", required_argument, NULL, 'c'},
        {"ca-cert", required_argument, NULL, 'C'},
        {"ssl-protocols", required_argument, NULL, OPT_SSL_PROTOCOLS_},
        {"ssl-ciphers", required_argument, NULL, OPT_SSL_CIPHERS_},
        {NULL, 0, NULL, 0},
    };

    for (;;) {
        int c = getopt_long(argc, argv, "hVv::p:c:C:", long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case OPT_REMOTE:
            sset_add(&remotes, optarg);
            break;
        case OPT_UNIXCTL:
            free(unixctl_path);
            unixctl_path = xstrdup(optarg);
            break;
        case 'h':
            usage();
        case 'V':
            printf("%s (Open vSwitch) %s\n", ovs_get_program_name(),
                   PACKAGE_VERSION);
            exit(EXIT_SUCCESS);
        VLOG_OPTION_HANDLERS
        DAEMON_OPTION_HANDLERS
        case 'p':
            stream_ssl_set_private_key_file(optarg);
            break;
        case 'c':
            stream_ssl_set_certificate_file(optarg);
            break;
        case 'C':
            stream_ssl_set_ca_cert_file(optarg, false);
            break;
        case OPT_SSL_PROTOCOLS_:
            stream_ssl_set_protocols(optarg);
            break;
        case OPT_SSL_CIPHERS_:
            stream_ssl_set_ciphers(optarg);
            break;
        default:
            /* getopt_long() already printed a message. */
            exit(EXIT_FAILURE);
        }
    }
}

static void
usage(void)
{
    const char *name = ovs_get_program_name();
    printf("%s: serves OVSDB databases over JSON-RPC (RFC 7047)\n"
           "usage: %s [OPTIONS] [DATABASE...]\n"
           "Each DATABASE is a database file (default: %s/conf.db).\n"
           "\n"
           "Remotes (--remote may be repeated):\n"
           "  --remote=REMOTE         listen on or connect to REMOTE\n",
           name, name, ovs_dbdir());
    stream_usage("JSON-RPC", true, true, true);
    daemon_usage();
    vlog_usage();
    printf("\nOther options:\n"
           "  --unixctl=SOCKET        control socket for ovs-appctl\n"
           "  -V, --version           print the version and exit\n"
           "  -h, --help              print this help and exit\n");
    exit(EXIT_SUCCESS);
}
