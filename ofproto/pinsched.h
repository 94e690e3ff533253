/* Packet-in scheduler: limits how fast one connection's asynchronous
 * packet messages (packet-ins and closures) go to a controller, and shares
 * that rate fairly among the switch ports the packets came from.
 *
 * A connection has one scheduler per queue kind (table miss, controller
 * action, closure), each with its own token bucket, so that a flood of
 * table misses never starves action packet-ins or closures.  See
 * pinsched.c for the algorithm. */

#ifndef OFPROTO_PINSCHED_H
#define OFPROTO_PINSCHED_H 1

#include <stdint.h>
#include "openvswitch/types.h"

struct ofpbuf;
struct ovs_list;
struct pinsched;

/* The kinds of queue a connection has.  The names appear in the Controller
 * status column ("packet-in-NAME-queued") and in ofproto/closure-stats. */
enum pinsched_queue_kind {
    PINSCHED_ACTION,            /* Packet-ins from "controller" actions. */
    PINSCHED_MISS,              /* Packet-ins for table misses. */
    PINSCHED_CLOSURE,           /* NXT_CLOSURE from "pause" actions. */
    PINSCHED_N_KINDS
};
const char *pinsched_queue_kind_name(enum pinsched_queue_kind);

/* Counters of one scheduler. */
struct pinsched_stats {
    unsigned int n_queued;              /* Waiting now ("backlog"). */
    unsigned long long int n_normal;    /* Sent at once ("bypassed"). */
    unsigned long long int n_limited;   /* Had to wait ("queued"). */
    unsigned long long int n_queue_dropped; /* Dropped: queue full. */
    unsigned long long int n_sent;      /* Released to the connection. */
};

/* 'rate_limit' is in messages per second, 'burst_limit' the bucket size
 * (and the most messages that may wait); a 'burst_limit' of 0 or less
 * means a quarter of the rate, at least 1.  A 'rate_limit' of 0 or less
 * disables limiting: every message goes at once (and is still counted). */
struct pinsched *pinsched_create(int rate_limit, int burst_limit);
void pinsched_destroy(struct pinsched *);
void pinsched_set_limits(struct pinsched *, int rate_limit, int burst_limit);
void pinsched_get_limits(const struct pinsched *,
                         int *rate_limit, int *burst_limit);

/* Takes ownership of 'msg', a message about a packet that arrived on
 * 'port'.  Appends to 'txq' (a list of ofpbufs, via their list_node) the
 * messages that may be sent now: 'msg' itself if the bucket holds a token
 * and nothing waits, otherwise nothing (the message waits its turn, or is
 * dropped if the queue is full). */
void pinsched_send(struct pinsched *, ofp_port_t port, struct ofpbuf *msg,
                   struct ovs_list *txq);

/* Appends to 'txq' the waiting messages that the tokens gathered since the
 * last call allow, taking ports in turn. */
void pinsched_run(struct pinsched *, struct ovs_list *txq);
void pinsched_wait(const struct pinsched *);

/* Drops every waiting message. */
void pinsched_clear(struct pinsched *);

void pinsched_get_stats(const struct pinsched *, struct pinsched_stats *);

#endif /* ofproto/pinsched.h */
