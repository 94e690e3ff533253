/* ovs-vswitchd: the switch daemon.
 *
 * The daemon reads its configuration (bridges, ports, controllers,
 * mirrors) from an ovsdb-server and runs one OpenFlow switch per bridge
 * on a userspace datapath.  Everything happens in one thread, in one loop:
 * each iteration lets the bridge layer follow the database and run the
 * switches and datapaths (bridge_run()), serves ovs-appctl requests, and
 * then sleeps in poll_block() until a socket, a timer or a device needs
 * attention.
 *
 * "ovs-appctl exit" ends the loop; bridges are destroyed on the way out
 * ("--cleanup" asks for it explicitly, and is accepted for compatibility:
 * a userspace datapath leaves nothing behind either way). */

#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bridge.h"
#include "daemon.h"
#include "dirs.h"
#include "dpctl.h"
#include "fatal-signal.h"
#include "netdev.h"
#include "ofproto/ofproto.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "timeval.h"
#include "unixctl.h"

VLOG_DEFINE_THIS_MODULE(vswitchd);

/* How long a --detach parent waits for the first configuration before it
 * is released anyway (the database may be slow to come up). */
#define DETACH_WAIT_MS 10000

struct exit_request {
    bool exiting;
    bool cleanup;
};

static char *unixctl_path;
static bool enable_dummy;
static bool dummy_override;

static char *parse_options(int argc, char *argv[]);
static void usage(void) OVS_NO_RETURN;

/* "exit [--cleanup]". */
static void
vswitchd_unixctl_exit(struct unixctl_conn *conn, int argc,
                      const char *argv[], void *req_)
{
    struct exit_request *req = req_;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--cleanup")) {
            req->cleanup = true;
        } else {
            unixctl_command_reply_error(conn, "unknown option; usage: "
                                        "exit [--cleanup]");
            return;
        }
    }
    req->exiting = true;
    unixctl_command_reply(conn, NULL);
}

int
main(int argc, char *argv[])
{
    ovs_set_program_name(argv[0], PACKAGE_VERSION);
    fatal_ignore_sigpipe();
    fatal_signal_init();
    char *remote = parse_options(argc, argv);

    daemonize_start(true);

    struct unixctl_server *unixctl;
    if (unixctl_server_create(unixctl_path, &unixctl)) {
        exit(EXIT_FAILURE);
    }
    struct exit_request req = { .exiting = false };
    unixctl_command_register("exit", "[--cleanup]", 0, 1,
                             vswitchd_unixctl_exit, &req);

    if (enable_dummy) {
        netdev_dummy_register();
    }
    ofproto_init();
    dpctl_init();
    bridge_set_dummy_override(dummy_override);
    bridge_init(remote);
    VLOG_INFO("%s (Open vSwitch) %s", ovs_get_program_name(),
              PACKAGE_VERSION);

    long long int detach_deadline = time_msec() + DETACH_WAIT_MS;
    bool detached = false;
    while (!req.exiting) {
        bridge_run();
        netdev_run();
        unixctl_server_run(unixctl);
        fatal_signal_run();

        if (!detached && (bridge_is_configured()
                          || time_msec() >= detach_deadline)) {
            daemonize_complete();
            detached = true;
        }
        if (req.exiting) {
            break;
        }

        bridge_wait();
        netdev_wait();
        unixctl_server_wait(unixctl);
        fatal_signal_wait();
        if (!detached) {
            poll_timer_wait_until(detach_deadline);
        }
        poll_block();
    }

    VLOG_INFO("exiting%s", req.cleanup ? " (cleanup)" : "");
    bridge_exit(req.cleanup);
    unixctl_server_destroy(unixctl);
    free(unixctl_path);
    free(remote);
    return 0;
}

/* Parses the command line; returns the database remote (malloc()'d). */
static char *
parse_options(int argc, char *argv[])
{
    enum {
        OPT_UNIXCTL = UCHAR_MAX + 1,
        OPT_ENABLE_DUMMY,
        OPT_DISABLE_SYSTEM,
        OPT_DISABLE_SYSTEM_ROUTE,
        OPT_MLOCKALL,
        VLOG_OPTION_ENUMS,
        DAEMON_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        {"enable-dummy", optional_argument, NULL, OPT_ENABLE_DUMMY},
        {"disable-system", no_argument, NULL, OPT_DISABLE_SYSTEM},
        {"disable-system-route", no_argument, NULL,
         OPT_DISABLE_SYSTEM_ROUTE},
        {"mlockall", no_argument, NULL, OPT_MLOCKALL},
        DAEMON_LONG_OPTIONS,
        VLOG_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };

    int c;
    while ((c = getopt_long(argc, argv, "hVv::", long_options, NULL)) != -1) {
        switch (c) {
        VLOG_OPTION_HANDLERS
        DAEMON_OPTION_HANDLERS

        case OPT_UNIXCTL:
            free(unixctl_path);
            unixctl_path = xstrdup(optarg);
            break;

        case OPT_ENABLE_DUMMY:
            enable_dummy = true;
            dummy_override = optarg && !strcmp(optarg, "override");
            if (optarg && !dummy_override && strcmp(optarg, "system")) {
                ovs_fatal(0, "--enable-dummy: unknown mode \"%s\" "
                          "(expected \"override\" or \"system\")", optarg);
            }
            break;

        case OPT_DISABLE_SYSTEM:
        case OPT_DISABLE_SYSTEM_ROUTE:
        case OPT_MLOCKALL:
            /* There is no kernel datapath or routing table to leave alone,
             * and nothing to lock: accepted for compatibility. */
            break;

        case 'h':
            usage();

        case 'V':
            printf("%s (Open vSwitch) %s\n", ovs_get_program_name(),
                   PACKAGE_VERSION);
            exit(EXIT_SUCCESS);

        default:
            /* getopt_long() has explained the problem. */
            exit(EXIT_FAILURE);
        }
    }

    argc -= optind;
    argv += optind;
    if (argc > 1) {
        ovs_fatal(0, "at most one database remote may be given "
                  "(use --help for help)");
    }
    return (argc == 1
            ? xstrdup(argv[0])
            : xasprintf("unix:%s/db.sock", ovs_rundir()));
}

static void
usage(void)
{
    const char *name = ovs_get_program_name();
    printf("%s: Open vSwitch daemon\n"
           "usage: %s [OPTIONS] [DATABASE]\n"
           "DATABASE is the ovsdb-server to take the configuration from\n"
           "(default: \"unix:%s/db.sock\").\n"
           "\n"
           "Switch options:\n"
           "  --enable-dummy[=override]\n"
           "                          add the \"dummy\" datapath and device "
           "types\n"
           "                          (override: open system devices as "
           "dummies)\n"
           "  --disable-system        accepted for compatibility\n",
           name, name, ovs_rundir());
    daemon_usage();
    vlog_usage();
    printf("\nOther options:\n"
           "  --unixctl=SOCKET        control socket for ovs-appctl\n"
           "  -V, --version           print the version and exit\n"
           "  -h, --help              print this help and exit\n");
    exit(EXIT_SUCCESS);
}
