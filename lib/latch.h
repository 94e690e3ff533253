/* A latch: a flag that one thread (or a signal handler) sets and that
 * wakes up another thread sleeping in poll_block().
 *
 * It is a pipe: setting the latch writes a byte, waiting on it polls the
 * read end, and latch_poll() empties the pipe and reports whether it was
 * set.  Setting an already set latch is harmless. */

#ifndef LATCH_H
#define LATCH_H 1

#include <stdbool.h>

#include "openvswitch/util.h"

struct latch {
    int fds[2];                 /* [0] read end, [1] write end. */
};

void latch_init(struct latch *);
void latch_destroy(struct latch *);

/* Clears the latch; returns true if it had been set. */
bool latch_poll(struct latch *);

/* Sets the latch (async-signal-safe). */
void latch_set(struct latch *);

/* Returns true if the latch is set, without clearing it. */
bool latch_is_set(const struct latch *);

/* Makes poll_block() wake while the latch is set. */
void latch_wait_at(const struct latch *, const char *where);
#define latch_wait(LATCH) latch_wait_at(LATCH, OVS_SOURCE_LOCATOR)

#endif /* latch.h */
