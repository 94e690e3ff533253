/* The poll loop (see openvswitch/poll-loop.h for how a main loop uses it).
 *
 * Each thread collects, between two calls of poll_block(), an array of
 * "struct pollfd" for poll(2) plus the earliest deadline asked for.  Beside
 * each pollfd (and beside the deadline) we keep the source location of the
 * call that asked for it, which costs nothing and makes "why did we wake
 * up?" answerable from the debug log.
 *
 * The same descriptor may be registered several times (say, once for
 * reading by one module and once for writing by another); poll(2) accepts
 * duplicates, so they are left alone.
 *
 * poll_block() also waits on the fatal-signal pipe and handles fatal
 * signals after waking, so that SIGTERM ends a daemon cleanly at the next
 * iteration of its main loop rather than in the middle of its work. */

#include <config.h>

#include "openvswitch/poll-loop.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(poll_loop);

/* Deadline value that means "no timer registered". */
#define NO_DEADLINE LLONG_MAX

struct poll_loop {
    struct pollfd *pollfds;     /* Descriptors to wait for. */
    const char **wheres;        /* wheres[i] asked for pollfds[i]. */
    size_t n;                   /* Number of registrations. */
    size_t allocated;           /* Capacity of both arrays. */

    long long int deadline;     /* Earliest wakeup time, or NO_DEADLINE. */
    const char *deadline_where; /* Who asked for 'deadline'. */
};

static pthread_key_t loop_key;
static pthread_once_t loop_key_once = PTHREAD_ONCE_INIT;

static void
free_poll_loop(void *loop_)
{
    struct poll_loop *loop = loop_;

    free(loop->pollfds);
    free(loop->wheres);
    free(loop);
}

static void
create_loop_key(void)
{
    int error = pthread_key_create(&loop_key, free_poll_loop);
    if (error) {
        ovs_fatal(error, "pthread_key_create failed");
    }
}

/* Returns the calling thread's poll loop, creating it if needed.  It is
 * freed when the thread exits. */
static struct poll_loop *
poll_loop(void)
{
    static __thread struct poll_loop *loop;

    if (!loop) {
        pthread_once(&loop_key_once, create_loop_key);
        loop = xzalloc(sizeof *loop);
        loop->deadline = NO_DEADLINE;
        pthread_setspecific(loop_key, loop);
    }
    return loop;
}

void
poll_fd_wait_at(int fd, short int events, const char *where)
{
    struct poll_loop *loop = poll_loop();

    if (fd < 0) {
        /* A caller waiting on a closed descriptor is a bug, but sleeping
         * forever because of it would be worse: wake at once instead. */
        VLOG_WARN("%s: poll_fd_wait on invalid fd %d", where, fd);
        poll_immediate_wake_at(where);
        return;
    }
    if (loop->n >= loop->allocated) {
        loop->allocated = loop->allocated ? 2 * loop->allocated : 16;
        loop->pollfds = xrealloc(loop->pollfds,
                                 loop->allocated * sizeof *loop->pollfds);
        loop->wheres = xrealloc(loop->wheres,
                                loop->allocated * sizeof *loop->wheres);
    }
    loop->pollfds[loop->n].fd = fd;
    loop->pollfds[loop->n].events = events;
    loop->pollfds[loop->n].revents = 0;
    loop->wheres[loop->n] = where;
    loop->n++;
}

void
poll_timer_wait_until_at(long long int msec, const char *where)
{
    struct poll_loop *loop = poll_loop();

    if (msec < loop->deadline) {
        loop->deadline = msec;
        loop->deadline_where = where;
    }
}

void
poll_timer_wait_at(long long int msec, const char *where)
{
    long long int now = time_msec();
    long long int when;

    if (msec <= 0) {
        when = now;
    } else if (msec >= NO_DEADLINE - now) {
        when = NO_DEADLINE;     /* Effectively never; avoid overflow. */
    } else {
        when = now + msec;
    }
    poll_timer_wait_until_at(when, where);
}

void
poll_immediate_wake_at(const char *where)
{
    poll_timer_wait_until_at(LLONG_MIN, where);
}

static void
describe_events(struct ds *s, short int revents)
{
    static const struct {
        short int bit;
        const char *name;
    } names[] = {
        { POLLIN, "POLLIN" },
        { POLLPRI, "POLLPRI" },
        { POLLOUT, "POLLOUT" },
        { POLLERR, "POLLERR" },
        { POLLHUP, "POLLHUP" },
        { POLLNVAL, "POLLNVAL" },
    };
    size_t i;

    ds_put_char(s, '[');
    for (i = 0; i < ARRAY_SIZE(names); i++) {
        if (revents & names[i].bit) {
            if (s->string[s->length - 1] != '[') {
                ds_put_char(s, '|');
            }
            ds_put_cstr(s, names[i].name);
        }
    }
    ds_put_char(s, ']');
}

/* Logs, at debug level, why poll_block() returned.  PFD is the descriptor
 * that became ready, or NULL if a timer expired; WHERE is who asked. */
static void
log_wakeup(const struct pollfd *pfd, const char *where, long long int wait)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (pfd) {
        char *desc = describe_fd(pfd->fd);

        ds_put_cstr(&s, "wakeup due to ");
        describe_events(&s, pfd->revents);
        ds_put_format(&s, " on fd %d (%s)", pfd->fd, desc);
        free(desc);
    } else if (wait <= 0) {
        ds_put_cstr(&s, "wakeup due to immediate wake");
    } else {
        ds_put_format(&s, "wakeup due to %lld-ms timeout", wait);
    }
    ds_put_format(&s, " at %s", where ? where : "(unknown)");
    VLOG_DBG("%s", ds_cstr(&s));
    ds_destroy(&s);
}

void
poll_block(void)
{
    struct poll_loop *loop;
    long long int start;
    int retval;

    /* Registering the signal pipe may itself add to the loop, so do it
     * before taking a pointer to the arrays. */
    fatal_signal_wait();
    loop = poll_loop();

    start = time_msec();
    retval = time_poll(loop->pollfds, loop->n, loop->deadline);
    if (retval < 0) {
        if (retval != -EINTR) {
            static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
            VLOG_ERR_RL(&rl, "poll: %s", ovs_strerror(-retval));
        }
    } else if (VLOG_IS_DBG_ENABLED()) {
        if (retval == 0) {
            log_wakeup(NULL, loop->deadline_where,
                       loop->deadline == LLONG_MIN ? 0
                       : loop->deadline - start);
        } else {
            size_t i;

            for (i = 0; i < loop->n; i++) {
                if (loop->pollfds[i].revents) {
                    log_wakeup(&loop->pollfds[i], loop->wheres[i], 0);
                }
            }
        }
    }

    loop->n = 0;
    loop->deadline = NO_DEADLINE;
    loop->deadline_where = NULL;

    /* Handle any signal now, before the caller starts new work. */
    fatal_signal_run();
}
