/* test-poll-loop: checks of poll_block(), latches and the test clock.
 *
 *   ovstest test-poll-loop CHECK...
 *
 * runs each named check, printing "CHECK: ok" or a description of the
 * failure (then exiting with status 1).  None of the checks depends on how
 * fast the machine is: each only asserts lower bounds on elapsed time
 * (a timer never fires early) or the presence or absence of events.
 *
 *   ovstest test-timewarp SOCKET
 *
 * is a tiny daemon for "time/stop" and "time/warp": with its clock stopped
 * from the start, it listens for unixctl commands on SOCKET and prints
 * "tick at +N ms" each time a once-a-second timer fires, until "exit". */

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "latch.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovstest.h"
#include "socket-util.h"
#include "timeval.h"
#include "unixctl.h"

static const char *check_name;

static void OVS_PRINTF_FORMAT(1, 2) OVS_NO_RETURN
fail(const char *format, ...)
{
    va_list args;

    printf("%s: FAILED: ", check_name);
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
    fflush(stdout);
    exit(EXIT_FAILURE);
}

static bool
fd_is_readable(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int retval;

    do {
        retval = poll(&pfd, 1, 0);
    } while (retval < 0 && errno == EINTR);
    return retval > 0 && (pfd.revents & POLLIN);
}

/* The earliest of several timers wakes the loop, and not before it is
 * due. */
static void
check_timers(void)
{
    long long int start = time_msec();
    long long int elapsed;

    poll_timer_wait(60000);
    poll_timer_wait(40);
    poll_timer_wait_until(start + 50000);
    poll_block();
    elapsed = time_msec() - start;
    if (elapsed < 40) {
        fail("woke after %lld ms, before the 40-ms timer", elapsed);
    }
    if (elapsed >= 50000) {
        fail("slept through the 40-ms timer (%lld ms)", elapsed);
    }
}

/* A deadline in the past means "do not sleep". */
static void
check_past_deadline(void)
{
    long long int start = time_msec();

    poll_timer_wait_until(start - 1000);
    poll_timer_wait(60000);
    poll_block();
    if (time_msec() - start >= 60000) {
        fail("a past deadline did not wake the loop");
    }
}

/* poll_immediate_wake() overrides any timer. */
static void
check_immediate(void)
{
    long long int start = time_msec();

    poll_timer_wait(60000);
    poll_immediate_wake();
    poll_block();
    if (time_msec() - start >= 60000) {
        fail("poll_immediate_wake() did not wake the loop");
    }
}

/* Each poll_block() forgets the previous registrations: after an
 * immediate wake, a plain timer must be waited for in full. */
static void
check_reset(void)
{
    long long int start;

    poll_immediate_wake();
    poll_block();

    start = time_msec();
    poll_timer_wait(30);
    poll_block();
    if (time_msec() - start < 30) {
        fail("an old immediate wake was still registered");
    }
}

/* A readable descriptor wakes the loop; an idle one does not. */
static void
check_fd(void)
{
    long long int start;
    int fds[2];

    xpipe_nonblocking(fds);

    /* Idle pipe: only the timer can end the wait. */
    start = time_msec();
    poll_fd_wait(fds[0], POLLIN);
    poll_timer_wait(30);
    poll_block();
    if (time_msec() - start < 30) {
        fail("woke before the timer although the pipe was empty");
    }

    /* Data in the pipe: wake at once, despite a long timer. */
    if (write(fds[1], "x", 1) != 1) {
        fail("write to pipe failed (%s)", ovs_strerror(errno));
    }
    start = time_msec();
    poll_fd_wait(fds[0], POLLIN);
    poll_timer_wait(60000);
    poll_block();
    if (time_msec() - start >= 60000 || !fd_is_readable(fds[0])) {
        fail("readable pipe did not wake the loop");
    }

    /* The same descriptor registered twice, for reading and writing: a
     * writable pipe end wakes the loop. */
    start = time_msec();
    poll_fd_wait(fds[1], POLLIN);
    poll_fd_wait(fds[1], POLLOUT);
    poll_timer_wait(60000);
    poll_block();
    if (time_msec() - start >= 60000) {
        fail("writable pipe did not wake the loop");
    }

    close(fds[0]);
    close(fds[1]);
}

/* With debug logging on, each wakeup names its cause. */
static void
check_log(void)
{
    int fds[2];

    vlog_set_levels_from_string_assert("poll_loop:console:dbg");
    xpipe_nonblocking(fds);
    if (write(fds[1], "x", 1) != 1) {
        fail("write to pipe failed (%s)", ovs_strerror(errno));
    }

    poll_fd_wait(fds[0], POLLIN);
    poll_block();

    poll_timer_wait(100);
    poll_block();

    poll_immediate_wake();
    poll_block();

    vlog_set_levels_from_string_assert("poll_loop:console:info");
    close(fds[0]);
    close(fds[1]);
}

/* A latch wakes the loop while set, and latch_poll() clears it. */
static void
check_latch(void)
{
    struct latch latch;
    long long int start;

    latch_init(&latch);
    if (latch_is_set(&latch) || latch_poll(&latch)) {
        fail("new latch is set");
    }

    latch_set(&latch);
    latch_set(&latch);
    if (!latch_is_set(&latch)) {
        fail("latch_set() did not set the latch");
    }
    start = time_msec();
    latch_wait(&latch);
    poll_timer_wait(60000);
    poll_block();
    if (time_msec() - start >= 60000) {
        fail("set latch did not wake the loop");
    }
    if (!latch_poll(&latch)) {
        fail("latch_poll() did not report the set latch");
    }
    if (latch_poll(&latch) || latch_is_set(&latch)) {
        fail("latch_poll() did not clear the latch");
    }

    /* A clear latch does not wake the loop. */
    start = time_msec();
    latch_wait(&latch);
    poll_timer_wait(30);
    poll_block();
    if (time_msec() - start < 30) {
        fail("clear latch woke the loop");
    }
    latch_destroy(&latch);
}

static const struct {
    const char *name;
    void (*func)(void);
} checks[] = {
    { "timers", check_timers },
    { "past-deadline", check_past_deadline },
    { "immediate", check_immediate },
    { "reset", check_reset },
    { "fd", check_fd },
    { "log", check_log },
    { "latch", check_latch },
};

static void
test_poll_loop_main(int argc, char *argv[])
{
    int i;

    for (i = 1; i < argc; i++) {
        size_t j;

        for (j = 0; j < ARRAY_SIZE(checks); j++) {
            if (!strcmp(argv[i], checks[j].name)) {
                break;
            }
        }
        if (j >= ARRAY_SIZE(checks)) {
            printf("%s: unknown check\n", argv[i]);
            exit(EXIT_FAILURE);
        }
        check_name = checks[j].name;
        checks[j].func();
        printf("%s: ok\n", check_name);
    }
}

OVSTEST_REGISTER("test-poll-loop", test_poll_loop_main);

/* "exit": ends test-timewarp's main loop (AUX points to its flag). */
static void
timewarp_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[] OVS_UNUSED, void *flag)
{
    unixctl_command_reply(conn, NULL);
    *(bool *) flag = true;
}

static void
test_timewarp_main(int argc, char *argv[])
{
    struct unixctl_server *server;
    long long int start, next_tick;
    bool exiting = false;
    int error;

    if (argc != 2) {
        printf("usage: test-timewarp SOCKET\n");
        exit(EXIT_FAILURE);
    }

    /* Only warps move the clock, so what is printed is deterministic. */
    timeval_stop();
    error = unixctl_server_create(argv[1], &server);
    if (error) {
        printf("cannot listen on %s (%s)\n", argv[1], ovs_strerror(error));
        exit(EXIT_FAILURE);
    }
    timeval_register_unixctl_commands();
    unixctl_command_register("exit", "", 0, 0, timewarp_exit, &exiting);

    start = time_msec();
    next_tick = start + 1000;
    printf("ready\n");
    fflush(stdout);

    while (!exiting) {
        unixctl_server_run(server);
        while (time_msec() >= next_tick) {
            printf("tick at +%lld ms\n", time_msec() - start);
            fflush(stdout);
            next_tick += 1000;
        }

        unixctl_server_wait(server);
        poll_timer_wait_until(next_tick);
        poll_block();
    }
    unixctl_server_destroy(server);
}

OVSTEST_REGISTER("test-timewarp", test_timewarp_main);
