/* test-reconnect: drives the reconnect state machine from a script.
 *
 * Reads commands from stdin, one per line ('#' starts a comment), with a
 * fake clock that starts at 0 and moves only with "advance".  Each command
 * is echoed after "> ", followed by what it produced:
 *
 *   run                  prints the action ("connect", "disconnect",
 *                        "probe" or "none")
 *   timeout              prints the time until the next action, or "none"
 *   advance MSECS        moves the clock, prints the new time
 *   stats                prints every statistic
 *
 * and, after any command, a line for each aspect of the machine that
 * changed: "state: NAME, backoff N ms", "connection: ..." (when the
 * sequence number moves), "tries left: N".
 *
 * Commands that report events: enable, disable, force-reconnect,
 * skip-backoff, connecting, connected, connect-failed [ERRNO],
 * disconnected [ERRNO], listening, listen-error [ERRNO], activity,
 * receive-attempted.  Settings: set-backoff MIN MAX, set-probe-interval
 * MSECS, set-max-tries N, passive, active. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>

#include "openvswitch/util.h"
#include "ovstest.h"
#include "reconnect.h"

static long long int now;

/* Reports a bad script and exits. */
static void OVS_PRINTF_FORMAT(1, 2) OVS_NO_RETURN
fail(const char *format, ...)
{
    va_list args;

    fflush(stdout);
    fputs("test-reconnect: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    putc('\n', stderr);
    exit(EXIT_FAILURE);
}

/* What was last printed, to print only changes. */
struct snapshot {
    const char *state;
    int backoff;
    unsigned int seqno;
    unsigned int tries_left;
};

static int
parse_int_arg(const char *cmd, const char *arg, int default_value)
{
    char *end;
    long value;

    if (!arg) {
        if (default_value == INT_MIN) {
            fail("%s: missing argument", cmd);
        }
        return default_value;
    }
    errno = 0;
    value = strtol(arg, &end, 10);
    if (errno || *end || end == arg || value < INT_MIN || value > INT_MAX) {
        fail("%s: bad number \"%s\"", cmd, arg);
    }
    return value;
}

static const char *
action_name(enum reconnect_action action)
{
    switch (action) {
    case RECONNECT_CONNECT: return "connect";
    case RECONNECT_DISCONNECT: return "disconnect";
    case RECONNECT_PROBE: return "probe";
    }
    return "none";
}

static void
print_msecs(const char *label, unsigned int msecs)
{
    if (msecs == UINT_MAX) {
        printf("  %s: never\n", label);
    } else {
        printf("  %s: %u ms\n", label, msecs);
    }
}

static void
print_stats(const struct reconnect *r)
{
    struct reconnect_stats s;

    reconnect_get_stats(r, now, &s);
    printf("  state %s for %u ms, backoff %d ms\n",
           s.state, s.state_elapsed, s.backoff);
    printf("  seqno %u, %s, %u attempts, %u successes\n",
           s.seqno, s.is_connected ? "connected" : "not connected",
           s.n_attempted_connections, s.n_successful_connections);
    print_msecs("since connect", s.msec_since_connect);
    print_msecs("since disconnect", s.msec_since_disconnect);
    print_msecs("total connected", s.total_connected_duration);
}

static void
print_changes(const struct reconnect *r, struct snapshot *last)
{
    struct reconnect_stats s;
    unsigned int tries_left = reconnect_get_max_tries(r);

    reconnect_get_stats(r, now, &s);
    if (strcmp(s.state, last->state) || s.backoff != last->backoff) {
        printf("  state: %s, backoff %d ms\n", s.state, s.backoff);
    }
    if (s.seqno != last->seqno) {
        printf("  connection: %s (seqno %u, %u of %u attempts "
               "succeeded)\n",
               s.is_connected ? "up" : "down", s.seqno,
               s.n_successful_connections, s.n_attempted_connections);
    }
    if (tries_left != last->tries_left) {
        if (tries_left == UINT_MAX) {
            printf("  tries left: unlimited\n");
        } else {
            printf("  tries left: %u\n", tries_left);
        }
    }
    last->state = s.state;
    last->backoff = s.backoff;
    last->seqno = s.seqno;
    last->tries_left = tries_left;
}

/* Runs one command.  Returns false if it is unknown. */
static bool
do_command(struct reconnect *r, const char *cmd, const char *arg1,
           const char *arg2)
{
    if (!strcmp(cmd, "enable")) {
        reconnect_enable(r, now);
    } else if (!strcmp(cmd, "disable")) {
        reconnect_disable(r, now);
    } else if (!strcmp(cmd, "force-reconnect")) {
        reconnect_force_reconnect(r, now);
    } else if (!strcmp(cmd, "skip-backoff")) {
        reconnect_skip_backoff(r);
    } else if (!strcmp(cmd, "connecting")) {
        reconnect_connecting(r, now);
    } else if (!strcmp(cmd, "connected")) {
        reconnect_connected(r, now);
    } else if (!strcmp(cmd, "connect-failed")) {
        reconnect_connect_failed(r, now,
                                 parse_int_arg(cmd, arg1, ECONNREFUSED));
    } else if (!strcmp(cmd, "disconnected")) {
        reconnect_disconnected(r, now, parse_int_arg(cmd, arg1, 0));
    } else if (!strcmp(cmd, "listening")) {
        reconnect_listening(r, now);
    } else if (!strcmp(cmd, "listen-error")) {
        reconnect_listen_error(r, now, parse_int_arg(cmd, arg1, EADDRINUSE));
    } else if (!strcmp(cmd, "activity")) {
        reconnect_activity(r, now);
    } else if (!strcmp(cmd, "receive-attempted")) {
        reconnect_receive_attempted(r, now);
    } else if (!strcmp(cmd, "set-backoff")) {
        reconnect_set_backoff(r, parse_int_arg(cmd, arg1, INT_MIN),
                              parse_int_arg(cmd, arg2, INT_MIN));
        printf("  backoff range: %d...%d ms\n",
               reconnect_get_min_backoff(r), reconnect_get_max_backoff(r));
    } else if (!strcmp(cmd, "set-probe-interval")) {
        reconnect_set_probe_interval(r, parse_int_arg(cmd, arg1, INT_MIN));
        printf("  probe interval: %d ms\n", reconnect_get_probe_interval(r));
    } else if (!strcmp(cmd, "set-max-tries")) {
        reconnect_set_max_tries(r, parse_int_arg(cmd, arg1, INT_MIN));
    } else if (!strcmp(cmd, "passive")) {
        reconnect_set_passive(r, true, now);
    } else if (!strcmp(cmd, "active")) {
        reconnect_set_passive(r, false, now);
    } else if (!strcmp(cmd, "run")) {
        printf("  run: %s\n", action_name(reconnect_run(r, now)));
    } else if (!strcmp(cmd, "timeout")) {
        int timeout = reconnect_timeout(r, now);
        if (timeout < 0) {
            printf("  timeout: none\n");
        } else {
            printf("  timeout: %d ms\n", timeout);
        }
    } else if (!strcmp(cmd, "advance")) {
        int msecs = parse_int_arg(cmd, arg1, INT_MIN);
        if (msecs < 0) {
            fail("advance: time cannot go backward");
        }
        now += msecs;
        printf("  t=%lld\n", now);
    } else if (!strcmp(cmd, "stats")) {
        print_stats(r);
    } else {
        return false;
    }
    return true;
}

static void
test_reconnect_main(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    struct snapshot last;
    struct reconnect *r;
    char line[256];
    int line_number = 0;

    now = 0;
    r = reconnect_create(now);
    reconnect_set_name(r, "remote");
    memset(&last, 0, sizeof last);
    last.state = "";
    last.tries_left = UINT_MAX;
    print_changes(r, &last);

    while (fgets(line, sizeof line, stdin)) {
        char *save_ptr = NULL;
        char *cmd, *arg1, *arg2;

        line_number++;
        line[strcspn(line, "#\n")] = '\0';
        cmd = strtok_r(line, " \t", &save_ptr);
        if (!cmd) {
            continue;
        }
        arg1 = strtok_r(NULL, " \t", &save_ptr);
        arg2 = arg1 ? strtok_r(NULL, " \t", &save_ptr) : NULL;

        printf("> %s%s%s%s%s\n", cmd, arg1 ? " " : "", arg1 ? arg1 : "",
               arg2 ? " " : "", arg2 ? arg2 : "");
        if (!do_command(r, cmd, arg1, arg2)) {
            fail("line %d: unknown command \"%s\"", line_number, cmd);
        }
        print_changes(r, &last);
    }
    reconnect_destroy(r);
}

OVSTEST_REGISTER("test-reconnect", test_reconnect_main);
