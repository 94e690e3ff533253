/* Snooping on a bridge's controller connections.
 *
 * Each bridge listens on $OVS_RUNDIR/BRIDGE.snoop.  Whoever connects there
 * (normally "ovs-ofctl snoop BRIDGE") is a snooper: it receives a copy of
 * every OpenFlow message that the bridge sends to or receives from its
 * controllers, in the order they went over the wire, each in the version
 * its controller speaks.  Service connections on BRIDGE.mgmt are not
 * copied, as in Open vSwitch, and, as there, a snooper that arrives while
 * the bridge has no controller at all is turned away at once.
 *
 * Snooping must never cost the switch anything it cares about.  So each
 * snooper is an unreliable rconn whose send queue is bounded: copies wait
 * only as long as the snooper's socket takes them, and when the queue is
 * full new copies are dropped (and counted) instead of waiting.  Anything
 * a snooper sends us is read and ignored, and a snooper that hangs up is
 * forgotten. */

#include <config.h>

#include "snoop.h"

#include <errno.h>
#include <stdlib.h>

#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
#include "rconn.h"
#include "util.h"
#include "vconn.h"

VLOG_DEFINE_THIS_MODULE(snoop);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

/* Most copies that wait for one snooper. */
#define SNOOP_QUEUE_LIMIT 100

/* Most snoopers of one bridge at a time. */
#define MAX_SNOOPERS 8

/* Most messages read (and ignored) from one snooper per run. */
#define SNOOP_RECV_PER_RUN 10

struct snooper {
    struct ovs_list node;       /* In snoop->snoopers. */
    struct rconn *rconn;
    struct rconn_packet_counter *queued;    /* Copies not yet sent. */
};

struct snoop {
    char *name;                 /* The bridge's name, for log messages. */
    char *target;
    struct pvconn *pvconn;
    struct ovs_list snoopers;   /* struct snooper. */
    size_t n_snoopers;
    unsigned long long int n_dropped;
};

struct snoop *
snoop_create(const char *name, const char *target)
{
    struct pvconn *pvconn;
    int error = pvconn_open(target, 0, 0, &pvconn);

    if (error) {
        VLOG_ERR("%s: failed to listen on %s (%s)", name, target,
                 ovs_strerror(error));
        return NULL;
    }

    struct snoop *snoop = xzalloc(sizeof *snoop);
    snoop->name = xstrdup(name);
    snoop->target = xstrdup(target);
    snoop->pvconn = pvconn;
    ovs_list_init(&snoop->snoopers);
    return snoop;
}

static void
snooper_destroy(struct snoop *snoop, struct snooper *s)
{
    ovs_list_remove(&s->node);
    snoop->n_snoopers--;
    rconn_destroy(s->rconn);
    rconn_packet_counter_destroy(s->queued);
    free(s);
}

void
snoop_destroy(struct snoop *snoop)
{
    if (!snoop) {
        return;
    }

    struct snooper *s;
    LIST_FOR_EACH_SAFE (s, node, &snoop->snoopers) {
        snooper_destroy(snoop, s);
    }
    pvconn_close(snoop->pvconn);
    free(snoop->target);
    free(snoop->name);
    free(snoop);
}

static void
accept_snoopers(struct snoop *snoop, bool have_controllers)
{
    for (int i = 0; i < MAX_SNOOPERS; i++) {
        struct vconn *vconn;
        int error = pvconn_accept(snoop->pvconn, &vconn);

        if (error) {
            if (error != EAGAIN) {
                VLOG_WARN_RL(&rl, "%s: accept on %s failed (%s)",
                             snoop->name, snoop->target,
                             ovs_strerror(error));
            }
            return;
        }
        if (!have_controllers) {
            VLOG_INFO_RL(&rl, "%s: no controller connection to snoop",
                         snoop->name);
            vconn_close(vconn);
            continue;
        }
        if (snoop->n_snoopers >= MAX_SNOOPERS) {
            VLOG_WARN_RL(&rl, "%s: too many snoopers (at most %d), turning "
                         "one away", snoop->name, MAX_SNOOPERS);
            vconn_close(vconn);
            continue;
        }

        struct snooper *s = xzalloc(sizeof *s);
        s->rconn = rconn_create(0, 0, 0, 0);
        rconn_connect_unreliably(s->rconn, vconn, NULL);
        s->queued = rconn_packet_counter_create();
        ovs_list_push_back(&snoop->snoopers, &s->node);
        snoop->n_snoopers++;
    }
}

void
snoop_run(struct snoop *snoop, bool have_controllers)
{
    if (!snoop) {
        return;
    }

    accept_snoopers(snoop, have_controllers);

    struct snooper *s;
    LIST_FOR_EACH_SAFE (s, node, &snoop->snoopers) {
        rconn_run(s->rconn);
        for (int i = 0; i < SNOOP_RECV_PER_RUN; i++) {
            struct ofpbuf *in = rconn_recv(s->rconn);
            if (!in) {
                break;
            }
            ofpbuf_delete(in);
        }
        if (!rconn_is_alive(s->rconn)) {
            snooper_destroy(snoop, s);
        }
    }
}

void
snoop_wait(struct snoop *snoop)
{
    if (!snoop) {
        return;
    }

    pvconn_wait(snoop->pvconn);

    struct snooper *s;
    LIST_FOR_EACH (s, node, &snoop->snoopers) {
        rconn_run_wait(s->rconn);
        rconn_recv_wait(s->rconn);
    }
}

void
snoop_copy(struct snoop *snoop, const struct ofpbuf *msg)
{
    if (!snoop) {
        return;
    }

    struct snooper *s;
    LIST_FOR_EACH (s, node, &snoop->snoopers) {
        if (rconn_send_with_limit(s->rconn, ofpbuf_clone(msg), s->queued,
                                  SNOOP_QUEUE_LIMIT)) {
            snoop->n_dropped++;
            VLOG_DBG_RL(&rl, "%s: snooper %s is behind, dropping a copy",
                        snoop->name, rconn_get_name(s->rconn));
        }
    }
}

size_t
snoop_count(const struct snoop *snoop)
{
    return snoop ? snoop->n_snoopers : 0;
}

unsigned long long int
snoop_n_dropped(const struct snoop *snoop)
{
    return snoop ? snoop->n_dropped : 0;
}
