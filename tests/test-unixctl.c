/* A tiny daemon for testing unixctl, ovs-appctl, vlog and daemon.
 *
 *     ovstest test-unixctl [--unixctl=PATH] [-vSPEC] [--log-file[=FILE]]
 *                          [--detach] [--pidfile[=FILE]] [--monitor] ...
 *
 * It serves these commands besides the built-in ones:
 *
 *     exit                 exit
 *     echo ARG [ARG]       answer "ARG[ ARG]"
 *     echo_error ARG [ARG] fail with "ARG[ ARG]"
 *     log [ARG...]         log the arguments at INFO level
 *     log_rl N TEXT        log TEXT N times through a rate limiter that
 *                          passes bursts of 3 and then 1 message a minute
 *     block                never answer
 *     crash                abort (for --monitor tests)
 */

#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovstest.h"
#include "timeval.h"
#include "unixctl.h"

VLOG_DEFINE_THIS_MODULE(test_unixctl);

static bool exiting;

static char *
join_args(int argc, const char *argv[])
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    int i;

    for (i = 1; i < argc; i++) {
        ds_put_format(&ds, "%s%s", i > 1 ? " " : "", argv[i]);
    }
    return ds_steal_cstr(&ds);
}

static void
test_unixctl_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    exiting = true;
    unixctl_command_reply(conn, NULL);
}

static void
test_unixctl_echo(struct unixctl_conn *conn, int argc, const char *argv[],
                  void *error)
{
    char *s = join_args(argc, argv);

    if (error) {
        unixctl_command_reply_error(conn, s);
    } else {
        unixctl_command_reply(conn, s);
    }
    free(s);
}

static void
test_unixctl_log(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *aux OVS_UNUSED)
{
    char *s = join_args(argc, argv);

    VLOG_INFO("%s", s);
    free(s);
    unixctl_command_reply(conn, NULL);
}

static void
test_unixctl_log_rl(struct unixctl_conn *conn, int argc OVS_UNUSED,
                    const char *argv[], void *aux OVS_UNUSED)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 3);
    unsigned int n, i;

    if (!str_to_uint(argv[1], 10, &n)) {
        unixctl_command_reply_error(conn, "N must be a number");
        return;
    }
    for (i = 0; i < n; i++) {
        VLOG_WARN_RL(&rl, "%s %u", argv[2], i);
    }
    unixctl_command_reply(conn, NULL);
}

static void
test_unixctl_block(struct unixctl_conn *conn OVS_UNUSED, int argc OVS_UNUSED,
                   const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    /* No reply, ever. */
}

static void
test_unixctl_crash(struct unixctl_conn *conn OVS_UNUSED,
                   int argc OVS_UNUSED, const char *argv[] OVS_UNUSED,
                   void *aux OVS_UNUSED)
{
    abort();
}

static char *
parse_options(int argc, char *argv[])
{
    enum {
        DAEMON_OPTION_ENUMS,
        VLOG_OPTION_ENUMS,
        OPT_UNIXCTL
    };
    static const struct option long_options[] = {
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *unixctl_path = NULL;

    optind = 1;
    for (;;) {
        int c = getopt_long(argc, argv, "v::", long_options, NULL);

        if (c == -1) {
            break;
        }
        switch (c) {
        case OPT_UNIXCTL:
            free(unixctl_path);
            unixctl_path = xstrdup(optarg);
            break;

        DAEMON_OPTION_HANDLERS
        VLOG_OPTION_HANDLERS

        default:
            /* getopt_long() has printed the problem. */
            exit(EXIT_FAILURE);
        }
    }
    if (optind != argc) {
        ovs_fatal(0, "no non-option arguments are accepted");
    }
    return unixctl_path;
}

static void
test_unixctl_main(int argc, char *argv[])
{
    struct unixctl_server *server;
    char *unixctl_path;
    int error;

    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    unixctl_path = parse_options(argc, argv);

    daemonize_start(false);
    error = unixctl_server_create(unixctl_path, &server);
    if (error) {
        ovs_fatal(error, "could not initialize control socket");
    }
    free(unixctl_path);

    unixctl_command_register("exit", "", 0, 0, test_unixctl_exit, NULL);
    unixctl_command_register("echo", "ARG [ARG]", 1, 2, test_unixctl_echo,
                             NULL);
    unixctl_command_register("echo_error", "ARG [ARG]", 1, 2,
                             test_unixctl_echo, (void *) 1);
    unixctl_command_register("log", "[ARG...]", 0, INT_MAX,
                             test_unixctl_log, NULL);
    unixctl_command_register("log_rl", "N TEXT", 2, 2, test_unixctl_log_rl,
                             NULL);
    unixctl_command_register("block", "", 0, 0, test_unixctl_block, NULL);
    unixctl_command_register("crash", NULL, 0, 0, test_unixctl_crash, NULL);
    timeval_register_unixctl_commands();
    daemonize_complete();

    VLOG_INFO("Entering run loop.");
    while (!exiting) {
        unixctl_server_run(server);
        unixctl_server_wait(server);
        if (exiting) {
            poll_immediate_wake();
        }
        poll_block();
    }
    unixctl_server_destroy(server);
}

OVSTEST_REGISTER("test-unixctl", test_unixctl_main);
