/* Time keeping.
 *
 * Everything that measures intervals (timers, probe intervals, backoff,
 * flow durations) reads the monotonic clock through time_msec(), so that a
 * change of the system date never makes a timer fire early or late.  Log
 * timestamps and anything shown to people as a date use the wall clock.
 *
 * Tests need time to be deterministic.  A test can stop the monotonic clock
 * ("ovs-appctl time/stop") and then move it forward by exact amounts
 * ("ovs-appctl time/warp 5000").  The frozen clock is simply the reading at
 * the moment of the stop plus the sum of all warps; warps also apply when
 * the clock is running, as a fixed offset.
 *
 * A warp given as "time/warp TOTAL STEP" is carried out a step at a time:
 * each pass through time_poll() (that is, each iteration of the daemon's
 * main loop) moves the clock forward by one STEP and makes the loop spin
 * again at once.  The reply goes back only after the main loop has run once
 * at the final time, so that by the time the test sees "warped" every timer
 * that the warp made due has fired. */

#include <config.h>

#include "timeval.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "openvswitch/util.h"
#include "unixctl.h"

/* State of the monotonic clock, shared by every thread. */
static pthread_mutex_t clock_mutex = PTHREAD_MUTEX_INITIALIZER;
static bool clock_stopped;
static long long int stopped_at_usec;   /* Raw reading when stopped. */
static long long int warp_usec;         /* Sum of all warps. */
static long long int boot_usec = -1;    /* First reading, warps included. */

/* A "time/warp" in progress.  It belongs to the thread that received the
 * command (normally the main thread), because that thread's main loop must
 * run between steps and the reply must be sent from it; hence the
 * thread-local pointer. */
struct warp_job {
    struct unixctl_conn *conn;  /* Where to send the reply. */
    long long int remaining;    /* Milliseconds still to warp. */
    long long int step;         /* Milliseconds per main loop iteration. */
    bool done;                  /* Warped fully, reply at next poll. */
};
static __thread struct warp_job *warp_job;

static long long int
read_clock_usec(clockid_t id)
{
    struct timespec ts;

    if (clock_gettime(id, &ts)) {
        ovs_fatal(errno, "clock_gettime failed");
    }
    return (long long int) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

long long int
time_usec(void)
{
    long long int now;

    pthread_mutex_lock(&clock_mutex);
    now = (clock_stopped ? stopped_at_usec
           : read_clock_usec(CLOCK_MONOTONIC)) + warp_usec;
    if (boot_usec < 0) {
        boot_usec = now;
    }
    pthread_mutex_unlock(&clock_mutex);
    return now;
}

long long int
time_msec(void)
{
    return time_usec() / 1000;
}

time_t
time_now(void)
{
    return time_usec() / 1000000;
}

long long int
time_boot_msec(void)
{
    long long int boot;

    time_usec();                /* Makes sure 'boot_usec' is set. */
    pthread_mutex_lock(&clock_mutex);
    boot = boot_usec / 1000;
    pthread_mutex_unlock(&clock_mutex);
    return boot;
}

long long int
time_wall_usec(void)
{
    return read_clock_usec(CLOCK_REALTIME);
}

long long int
time_wall_msec(void)
{
    return time_wall_usec() / 1000;
}

time_t
time_wall(void)
{
    return time_wall_usec() / 1000000;
}

void
timeval_stop(void)
{
    pthread_mutex_lock(&clock_mutex);
    if (!clock_stopped) {
        stopped_at_usec = read_clock_usec(CLOCK_MONOTONIC);
        clock_stopped = true;
    }
    pthread_mutex_unlock(&clock_mutex);
}

bool
timeval_is_stopped(void)
{
    bool stopped;

    pthread_mutex_lock(&clock_mutex);
    stopped = clock_stopped;
    pthread_mutex_unlock(&clock_mutex);
    return stopped;
}

void
timeval_warp(long long int msecs)
{
    if (msecs > 0) {
        pthread_mutex_lock(&clock_mutex);
        warp_usec += msecs * 1000;
        pthread_mutex_unlock(&clock_mutex);
    }
}

long long int
timespec_to_msec(const struct timespec *ts)
{
    return (long long int) ts->tv_sec * 1000 + ts->tv_nsec / 1000000;
}

long long int
timeval_to_msec(const struct timeval *tv)
{
    return (long long int) tv->tv_sec * 1000 + tv->tv_usec / 1000;
}

/* Advances the warp job owned by this thread, if any.  Returns true if the
 * caller must not sleep, so that the main loop runs again right away. */
static bool
warp_job_advance(void)
{
    struct warp_job *job = warp_job;

    if (!job) {
        return false;
    }
    if (job->done) {
        /* The main loop has run once at the final time: report back. */
        unixctl_command_reply(job->conn, "warped");
        free(job);
        warp_job = NULL;
        return true;
    }

    long long int step = MIN(job->step, job->remaining);
    timeval_warp(step);
    job->remaining -= step;
    if (job->remaining <= 0) {
        job->done = true;
    }
    return true;
}

int
time_poll(struct pollfd *pollfds, size_t n_pollfds,
          long long int timeout_when)
{
    int timeout;
    int retval;

    if (warp_job_advance()) {
        timeout = 0;
    } else if (timeout_when == LLONG_MAX) {
        timeout = -1;
    } else {
        long long int now = time_msec();

        /* Compare before subtracting: TIMEOUT_WHEN may be LLONG_MIN. */
        if (timeout_when <= now) {
            timeout = 0;
        } else {
            long long int left = timeout_when - now;
            timeout = left >= INT_MAX ? INT_MAX : left;
        }
    }

    retval = poll(pollfds, n_pollfds, timeout);
    return retval < 0 ? -errno : retval;
}

/* unixctl commands. */

static void
timeval_unixctl_stop(struct unixctl_conn *conn, int argc OVS_UNUSED,
                     const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    timeval_stop();
    unixctl_command_reply(conn, NULL);
}

/* Parses ARG as a non-negative number of milliseconds into *MSECS.  Returns
 * true if successful. */
static bool
parse_msecs(const char *arg, long long int *msecs)
{
    char *end;
    long long int value;

    errno = 0;
    value = strtoll(arg, &end, 10);
    if (errno || end == arg || *end || value < 0) {
        return false;
    }
    *msecs = value;
    return true;
}

static void
timeval_unixctl_warp(struct unixctl_conn *conn, int argc,
                     const char *argv[], void *aux OVS_UNUSED)
{
    long long int total, step;

    if (warp_job) {
        unixctl_command_reply_error(conn, "a time/warp is already running");
        return;
    }
    if (!parse_msecs(argv[1], &total)
        || (argc > 2 && !parse_msecs(argv[2], &step))) {
        unixctl_command_reply_error(conn, "invalid number of milliseconds");
        return;
    }
    if (argc <= 2) {
        step = total;
    } else if (step == 0) {
        unixctl_command_reply_error(conn, "step must be positive");
        return;
    }

    warp_job = xzalloc(sizeof *warp_job);
    warp_job->conn = conn;
    warp_job->remaining = total;
    warp_job->step = step;
    warp_job->done = total == 0;
}

void
timeval_register_unixctl_commands(void)
{
    static bool registered;

    if (!registered) {
        registered = true;
        unixctl_command_register("time/stop", "", 0, 0,
                                 timeval_unixctl_stop, NULL);
        unixctl_command_register("time/warp", "[LARGE_MSECS] MSECS", 1, 2,
                                 timeval_unixctl_warp, NULL);
    }
}
