/* The poll loop: how a thread sleeps until it has something to do.
 *
 * A main loop has two halves.  In the first, every module does whatever
 * work is ready ("run" functions).  In the second, every module says what
 * would give it more work ("wait" functions): a file descriptor becoming
 * readable or writable, a moment in time, or "right now".  Then
 * poll_block() sleeps until the first of those happens and forgets them
 * all, ready for the next iteration:
 *
 *     for (;;) {
 *         widget_run(w);
 *         gadget_run(g);
 *
 *         widget_wait(w);
 *         gadget_wait(g);
 *         poll_block();
 *     }
 *
 * The registrations belong to the calling thread; every thread has its own
 * set.  Each registration remembers the source location that made it, so
 * that with debug logging for module "poll_loop" enabled, every wakeup
 * names its cause. */

#ifndef OPENVSWITCH_POLL_LOOP_H
#define OPENVSWITCH_POLL_LOOP_H 1

#include <poll.h>

#include "openvswitch/util.h"   /* OVS_SOURCE_LOCATOR. */

#ifdef __cplusplus
extern "C" {
#endif

/* Wake up when FD has any of EVENTS (POLLIN, POLLOUT) pending.  Errors and
 * hang-ups on FD also wake the loop. */
void poll_fd_wait_at(int fd, short int events, const char *where);
#define poll_fd_wait(FD, EVENTS) \
    poll_fd_wait_at(FD, EVENTS, OVS_SOURCE_LOCATOR)

/* Wake up after MSEC milliseconds from now (0 or less means right away). */
void poll_timer_wait_at(long long int msec, const char *where);
#define poll_timer_wait(MSEC) \
    poll_timer_wait_at(MSEC, OVS_SOURCE_LOCATOR)

/* Wake up at monotonic time MSEC, as returned by time_msec().  LLONG_MAX
 * means never. */
void poll_timer_wait_until_at(long long int msec, const char *where);
#define poll_timer_wait_until(MSEC) \
    poll_timer_wait_until_at(MSEC, OVS_SOURCE_LOCATOR)

/* Do not sleep at all in the next poll_block(). */
void poll_immediate_wake_at(const char *where);
#define poll_immediate_wake() \
    poll_immediate_wake_at(OVS_SOURCE_LOCATOR)

/* Sleeps until one of the registered events happens (or a signal arrives),
 * then clears every registration. */
void poll_block(void);

#ifdef __cplusplus
}
#endif

#endif /* openvswitch/poll-loop.h */
