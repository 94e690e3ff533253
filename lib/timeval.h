/* Clocks: monotonic time for timers and durations, wall time for logs and
 * timestamps, and a test hook that freezes and advances the monotonic
 * clock on demand. */

#ifndef TIMEVAL_H
#define TIMEVAL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct pollfd;

/* Monotonic clock.  These never go backward and are unaffected by changes
 * to the system's wall clock.  While a test has stopped the clock (see
 * timeval_stop()), they return the frozen value plus any warps. */
long long int time_msec(void);
long long int time_usec(void);
time_t time_now(void);

/* Wall clock (real time, seconds or milliseconds since the Unix epoch). */
time_t time_wall(void);
long long int time_wall_msec(void);
long long int time_wall_usec(void);

/* Monotonic time at which this process first asked for the time, which is
 * close enough to its start time for "uptime" style reports. */
long long int time_boot_msec(void);

/* Testing hooks.  timeval_stop() freezes the monotonic clock at its current
 * value; timeval_warp() adds MSECS to it, stopped or not.  Both affect
 * every thread of the process. */
void timeval_stop(void);
void timeval_warp(long long int msecs);
bool timeval_is_stopped(void);

/* Registers the unixctl commands "time/stop" and "time/warp [MSECS]" (and
 * "time/warp LARGE_MSECS MSECS", which advances in MSECS steps, letting the
 * main loop run between steps).  Safe to call more than once. */
void timeval_register_unixctl_commands(void);

/* Waits like poll(2) for at most until monotonic time TIMEOUT_WHEN (or
 * forever if TIMEOUT_WHEN is LLONG_MAX, or not at all if it is in the past).
 * Returns the number of ready descriptors, 0 on timeout, or a negative errno
 * value (-EINTR when a signal arrived).  This is the only place the process
 * sleeps in its main loop; poll_block() calls it. */
int time_poll(struct pollfd *pollfds, size_t n_pollfds,
              long long int timeout_when);

/* Converts between "struct timespec" / "struct timeval" and milliseconds. */
struct timeval;
long long int timespec_to_msec(const struct timespec *);
long long int timeval_to_msec(const struct timeval *);

#endif /* timeval.h */
