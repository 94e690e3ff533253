/* ovs-appctl: sends one command to a running daemon's unixctl socket and
 * prints the answer.
 *
 * The target is a program name, found through its pidfile
 * ($OVS_RUNDIR/NAME.pid names pid P, and the daemon listens on
 * $OVS_RUNDIR/NAME.P.ctl), or the absolute name of a socket.  A successful
 * answer goes to stdout (exit status 0); an error answer goes to stderr,
 * followed by a line saying so (exit status 2); failing to reach the daemon
 * at all is exit status 1. */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "dirs.h"
#include "fatal-signal.h"
#include "jsonrpc.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "unixctl.h"

/* The daemon to talk to. */
static const char *target = "ovs-vswitchd";

/* Seconds to wait for the whole exchange, or 0 to wait forever. */
static unsigned int timeout;

/* Written by the SIGALRM handler, so formatted in advance. */
static char timeout_message[512];

OVS_NO_RETURN static void usage(void);

static void
usage(void)
{
    printf("%s, for querying and controlling Open vSwitch daemons\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n"
           "\n"
           "The daemon named by --target answers COMMAND; \"help\" lists\n"
           "the commands it knows.\n"
           "\n"
           "Options:\n"
           "  -t, --target=TARGET  talk to TARGET, a program name (found\n"
           "                       through %s/TARGET.pid) or the absolute\n"
           "                       name of a control socket\n"
           "                       (default: ovs-vswitchd)\n"
           "  -T, --timeout=SECS   give up after SECS seconds\n"
           "  -h, --help           display this help message\n"
           "  -V, --version        display version information\n",
           program_name, program_name, ovs_rundir());
    exit(EXIT_SUCCESS);
}

static void
timeout_handler(int signr OVS_UNUSED)
{
    ssize_t retval = write(STDERR_FILENO, timeout_message,
                           strlen(timeout_message));

    (void) retval;
    _exit(EXIT_FAILURE);
}

static void
parse_options(int argc, char *argv[])
{
    static const struct option long_options[] = {
        {"target", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };

    for (;;) {
        /* '+': stop at the command, so that its arguments may look like
         * options. */
        int c = getopt_long(argc, argv, "+t:T:hV", long_options, NULL);

        if (c == -1) {
            break;
        }
        switch (c) {
        case 't':
            target = optarg;
            break;

        case 'T':
            if (!str_to_uint(optarg, 10, &timeout) || !timeout) {
                ovs_fatal(0, "value %s on -T or --timeout is not a positive "
                          "integer", optarg);
            }
            break;

        case 'V':
            ovs_print_version(0, 0);
            exit(0);

        case 'h':
            usage();

        default:
            /* getopt_long() already said what is wrong. */
            exit(1);
        }
    }

    if (optind >= argc) {
        ovs_fatal(0, "at least one non-option argument is required "
                  "(use --help for help)");
    }
}

/* Returns the socket name for TARGET (see the top of the file), which the
 * caller must free().  Exits if there is no pidfile to resolve it. */
static char *
resolve_target(const char *name)
{
    char *pidfile_name;
    pid_t pid;

    if (name[0] == '/') {
        return xstrdup(name);
    }

    pidfile_name = xasprintf("%s/%s.pid", ovs_rundir(), name);
    pid = read_pidfile(pidfile_name);
    if (pid < 0) {
        ovs_fatal(-pid, "cannot read pidfile \"%s\"", pidfile_name);
    }
    free(pidfile_name);
    return xasprintf("%s/%s.%ld.ctl", ovs_rundir(), name, (long int) pid);
}

int
main(int argc, char *argv[])
{
    char *cmd_result, *cmd_error;
    struct jsonrpc *client;
    char *socket_name;
    int error;

    set_program_name(argv[0]);
    /* Only problems are worth showing on the console of a one-shot tool. */
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    parse_options(argc, argv);

    if (timeout) {
        snprintf(timeout_message, sizeof timeout_message,
                 "%s: %s: no reply within %u seconds (--timeout)\n",
                 program_name, target, timeout);
        /* Take SIGALRM over from the fatal signal module, which would
         * otherwise claim it the first time it is used. */
        fatal_signal_init();
        signal(SIGALRM, timeout_handler);
        alarm(timeout);
    }

    socket_name = resolve_target(target);
    error = unixctl_client_create(socket_name, &client);
    if (error) {
        ovs_fatal(error, "cannot connect to \"%s\"", socket_name);
    }
    free(socket_name);

    error = unixctl_client_transact(client, argv[optind], argc - optind - 1,
                                    &argv[optind + 1], &cmd_result,
                                    &cmd_error);
    if (error) {
        ovs_fatal(error, "%s: transaction error", target);
    }
    jsonrpc_close(client);

    if (cmd_error) {
        fflush(stdout);
        fputs(cmd_error, stderr);
        ovs_error(0, "%s: server returned an error", target);
        free(cmd_error);
        exit(2);
    }
    fputs(cmd_result, stdout);
    free(cmd_result);
    return 0;
}
