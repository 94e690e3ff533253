/* Snooping: read-only copies of a bridge's controller conversations for
 * "ovs-ofctl snoop BRIDGE". */

#ifndef OFPROTO_SNOOP_H
#define OFPROTO_SNOOP_H 1

#include <stdbool.h>
#include <stddef.h>

struct ofpbuf;
struct snoop;

/* Starts listening on 'target' (e.g. "punix:RUNDIR/br0.snoop") for bridge
 * 'name'.  Returns NULL, after logging why, if the listener cannot be
 * opened; every function below accepts a null 'snoop'. */
struct snoop *snoop_create(const char *name, const char *target);
void snoop_destroy(struct snoop *);

/* Accepts new snoopers, pushes queued copies out, drops snoopers that hung
 * up.  'have_controllers' false turns new snoopers away, as Open vSwitch
 * does when there is no controller to watch. */
void snoop_run(struct snoop *, bool have_controllers);
void snoop_wait(struct snoop *);

/* Queues a copy of 'msg' for every snooper.  Never blocks: a snooper whose
 * queue is full loses the copy (and the loss is counted). */
void snoop_copy(struct snoop *, const struct ofpbuf *msg);

/* Number of connected snoopers, and copies dropped so far. */
size_t snoop_count(const struct snoop *);
unsigned long long int snoop_n_dropped(const struct snoop *);

#endif /* ofproto/snoop.h */
