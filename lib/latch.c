/* Latches over nonblocking pipes (see latch.h).
 *
 * Both ends are nonblocking: a full pipe only means the latch is already
 * set, and draining stops when the pipe is empty. */

#include <config.h>

#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "latch.h"
#include "openvswitch/poll-loop.h"
#include "socket-util.h"

void
latch_init(struct latch *latch)
{
    xpipe_nonblocking(latch->fds);
}

void
latch_destroy(struct latch *latch)
{
    close(latch->fds[0]);
    close(latch->fds[1]);
}

bool
latch_poll(struct latch *latch)
{
    char buffer[64];
    bool was_set = false;
    ssize_t n;

    for (;;) {
        n = read(latch->fds[0], buffer, sizeof buffer);
        if (n > 0) {
            was_set = true;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    return was_set;
}

void
latch_set(struct latch *latch)
{
    ssize_t n;

    do {
        n = write(latch->fds[1], "", 1);
    } while (n < 0 && errno == EINTR);
    /* EAGAIN: the pipe is full, so the latch is set already. */
}

bool
latch_is_set(const struct latch *latch)
{
    struct pollfd pfd = { .fd = latch->fds[0], .events = POLLIN };

    /* Peek with a zero timeout; a signal may interrupt even that. */
    for (;;) {
        int n = poll(&pfd, 1, 0);
        if (n >= 0) {
            return n > 0 && (pfd.revents & POLLIN);
        } else if (errno != EINTR) {
            return false;
        }
    }
}

void
latch_wait_at(const struct latch *latch, const char *where)
{
    poll_fd_wait_at(latch->fds[0], POLLIN, where);
}
