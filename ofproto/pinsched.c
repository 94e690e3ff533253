/* Packet-in scheduler.
 *
 * The rate is enforced by a token bucket (openvswitch/token-bucket.h).  A
 * message costs MSG_TOKENS, a thousand, so that 'rate_limit' messages per
 * second is 'rate_limit' tokens per millisecond and slow rates still
 * accumulate exactly.  The bucket holds at most 'burst_limit' whole
 * messages, and starts full, so a quiet connection can take a burst at
 * once.
 *
 * A message that finds a token and no one waiting goes straight out.
 * Otherwise it waits in the queue of the port its packet came from.  Ports
 * with waiting messages form a ring; each released message comes from the
 * port at the head of the ring, which then moves to the back.  A single
 * busy port therefore gets no more than its share while other ports also
 * have packets waiting, however many it has queued.
 *
 * At most 'burst_limit' messages wait in total.  When a new one would
 * exceed that, the oldest message of the longest queue is dropped: the
 * port that sends the most pays for the overload. */

#include <config.h>

#include "pinsched.h"

#include <stdlib.h>

#include "hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/token-bucket.h"
#include "timeval.h"
#include "util.h"

/* Messages waiting for one port. */
/* Tokens per message. */
#define MSG_TOKENS 1000

struct port_queue {
    struct hmap_node node;      /* In pinsched->queues, by port. */
    struct ovs_list ring_node;  /* In pinsched->ring while nonempty. */
    ofp_port_t port;
    struct ovs_list msgs;       /* struct ofpbuf, via list_node. */
    unsigned int n;
};

struct pinsched {
    int rate_limit;             /* Messages per second, <= 0: unlimited. */
    int burst_limit;            /* Bucket size in messages. */
    struct token_bucket bucket;

    struct hmap queues;         /* struct port_queue. */
    struct ovs_list ring;       /* Nonempty port_queues, next first. */
    unsigned int n_queued;

    struct pinsched_stats stats;
};

const char *
pinsched_queue_kind_name(enum pinsched_queue_kind kind)
{
    switch (kind) {
    case PINSCHED_ACTION:
        return "action";
    case PINSCHED_MISS:
        return "miss";
    case PINSCHED_CLOSURE:
        return "closure";
    case PINSCHED_N_KINDS:
    default:
        return "unknown";
    }
}

static int
effective_burst(int rate_limit, int burst_limit)
{
    if (burst_limit > 0) {
        return burst_limit;
    }
    return MAX(1, rate_limit / 4);
}

struct pinsched *
pinsched_create(int rate_limit, int burst_limit)
{
    struct pinsched *ps = xzalloc(sizeof *ps);

    hmap_init(&ps->queues);
    ovs_list_init(&ps->ring);
    token_bucket_init(&ps->bucket, 0, 0);
    pinsched_set_limits(ps, rate_limit, burst_limit);
    return ps;
}

void
pinsched_destroy(struct pinsched *ps)
{
    if (ps) {
        struct port_queue *q;

        pinsched_clear(ps);
        HMAP_FOR_EACH_POP (q, node, &ps->queues) {
            free(q);
        }
        hmap_destroy(&ps->queues);
        free(ps);
    }
}

void
pinsched_set_limits(struct pinsched *ps, int rate_limit, int burst_limit)
{
    ps->rate_limit = rate_limit > 0 ? rate_limit : 0;
    ps->burst_limit = effective_burst(ps->rate_limit, burst_limit);
    token_bucket_set(&ps->bucket, ps->rate_limit,
                     (unsigned long long) ps->burst_limit * MSG_TOKENS);
}

void
pinsched_get_limits(const struct pinsched *ps,
                    int *rate_limit, int *burst_limit)
{
    *rate_limit = ps->rate_limit;
    *burst_limit = ps->burst_limit;
}

static bool
take_token(struct pinsched *ps)
{
    return (!ps->rate_limit
            || token_bucket_withdraw(&ps->bucket, MSG_TOKENS, time_msec()));
}

static struct port_queue *
find_queue(const struct pinsched *ps, ofp_port_t port)
{
    struct port_queue *q;

    HMAP_FOR_EACH_WITH_HASH (q, node, hash_int(ofp_to_u16(port), 0),
                             &ps->queues) {
        if (q->port == port) {
            return q;
        }
    }
    return NULL;
}

static struct port_queue *
get_queue(struct pinsched *ps, ofp_port_t port)
{
    struct port_queue *q = find_queue(ps, port);

    if (!q) {
        q = xzalloc(sizeof *q);
        q->port = port;
        ovs_list_init(&q->msgs);
        ovs_list_poison(&q->ring_node);
        hmap_insert(&ps->queues, &q->node, hash_int(ofp_to_u16(port), 0));
    }
    return q;
}

/* Removes and returns the oldest message of 'q'.  Keeps the ring and the
 * totals right; an emptied queue leaves the ring. */
static struct ofpbuf *
queue_pop(struct pinsched *ps, struct port_queue *q)
{
    struct ofpbuf *msg = ofpbuf_from_list(ovs_list_pop_front(&q->msgs));

    q->n--;
    ps->n_queued--;
    if (!q->n) {
        ovs_list_remove(&q->ring_node);
        ovs_list_poison(&q->ring_node);
    }
    return msg;
}

static void
drop_from_longest(struct pinsched *ps)
{
    struct port_queue *longest = NULL;
    struct port_queue *q;

    LIST_FOR_EACH (q, ring_node, &ps->ring) {
        if (!longest || q->n > longest->n) {
            longest = q;
        }
    }
    if (longest) {
        ofpbuf_delete(queue_pop(ps, longest));
        ps->stats.n_queue_dropped++;
    }
}

void
pinsched_send(struct pinsched *ps, ofp_port_t port, struct ofpbuf *msg,
              struct ovs_list *txq)
{
    if (!ps->n_queued && take_token(ps)) {
        ps->stats.n_normal++;
        ps->stats.n_sent++;
        ovs_list_push_back(txq, &msg->list_node);
        return;
    }

    if (ps->n_queued >= (unsigned int) ps->burst_limit) {
        drop_from_longest(ps);
    }

    struct port_queue *q = get_queue(ps, port);
    if (!q->n) {
        ovs_list_push_back(&ps->ring, &q->ring_node);
    }
    ovs_list_push_back(&q->msgs, &msg->list_node);
    q->n++;
    ps->n_queued++;
    ps->stats.n_limited++;
}

void
pinsched_run(struct pinsched *ps, struct ovs_list *txq)
{
    /* Release at most a burst per call so that one call never hogs the
     * main loop. */
    for (int i = 0; i < ps->burst_limit + 1 && ps->n_queued; i++) {
        if (!take_token(ps)) {
            break;
        }
        struct port_queue *q = CONTAINER_OF(ovs_list_front(&ps->ring),
                                            struct port_queue, ring_node);
        struct ofpbuf *msg = queue_pop(ps, q);
        if (q->n) {
            /* Send this port to the back of the ring. */
            ovs_list_remove(&q->ring_node);
            ovs_list_push_back(&ps->ring, &q->ring_node);
        }
        ps->stats.n_sent++;
        ovs_list_push_back(txq, &msg->list_node);
    }
}

void
pinsched_wait(const struct pinsched *ps)
{
    if (ps->n_queued) {
        if (!ps->rate_limit) {
            poll_immediate_wake();
        } else {
            poll_timer_wait_until(token_bucket_ready_at(&ps->bucket,
                                                        MSG_TOKENS));
        }
    }
}

void
pinsched_clear(struct pinsched *ps)
{
    while (!ovs_list_is_empty(&ps->ring)) {
        struct port_queue *q = CONTAINER_OF(ovs_list_front(&ps->ring),
                                            struct port_queue, ring_node);
        ofpbuf_delete(queue_pop(ps, q));
    }
}

void
pinsched_get_stats(const struct pinsched *ps, struct pinsched_stats *stats)
{
    *stats = ps->stats;
    stats->n_queued = ps->n_queued;
}
