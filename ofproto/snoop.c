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
 * Snooping must never cost the switch anything it cares about.  So copies
 * wait in a short queue per snooper that is emptied only as fast as the
 * snooper's socket takes them; when the queue is full, new copies are
 * dropped (and counted) instead of waiting.  Anything a snooper sends us
 * is read and ignored, and a snooper that hangs up is forgotten. */

#include <config.h>

#include "snoop.h"

#include <errno.h>
#include <stdlib.h>

#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
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
    struct vconn *vconn;
    struct ovs_list queue;      /* struct ofpbuf copies, oldest first. */
    size_t n_queued;
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
    struct ofpbuf *msg;

    LIST_FOR_EACH_POP (msg, list_node, &s->queue) {
        ofpbuf_delete(msg);
    }
    ovs_list_remove(&s->node);
    snoop->n_snoopers--;
    vconn_close(s->vconn);
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
        s->vconn = vconn;
        ovs_list_init(&s->queue);
        ovs_list_push_back(&snoop->snoopers, &s->node);
        snoop->n_snoopers++;
    }
}

/* Runs snooper 's': negotiation, ignored input, queued output.  Returns 0,
 * or an error (EOF when it hung up) after which 's' must go. */
static int
snooper_run(struct snooper *s)
{
    vconn_run(s->vconn);

    for (int i = 0; i < SNOOP_RECV_PER_RUN; i++) {
        struct ofpbuf *in;
        int error = vconn_recv(s->vconn, &in);

        if (error == EAGAIN) {
            break;
        } else if (error) {
            return error;
        }
        ofpbuf_delete(in);
    }

    while (!ovs_list_is_empty(&s->queue)) {
        struct ofpbuf *msg = CONTAINER_OF(ovs_list_front(&s->queue),
                                          struct ofpbuf, list_node);
        int error;

        ovs_list_remove(&msg->list_node);
        error = vconn_send(s->vconn, msg);
        if (error) {
            ovs_list_push_front(&s->queue, &msg->list_node);
            return error == EAGAIN ? 0 : error;
        }
        s->n_queued--;
    }
    return 0;
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
        int error = snooper_run(s);
        if (error) {
            if (error != EOF) {
                VLOG_INFO_RL(&rl, "%s: snooper %s dropped (%s)",
                             snoop->name, vconn_get_name(s->vconn),
                             ovs_strerror(error));
            }
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
        vconn_run_wait(s->vconn);
        vconn_recv_wait(s->vconn);
        if (!ovs_list_is_empty(&s->queue)) {
            vconn_send_wait(s->vconn);
        }
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
        if (s->n_queued >= SNOOP_QUEUE_LIMIT) {
            snoop->n_dropped++;
            VLOG_DBG_RL(&rl, "%s: snooper %s is behind, dropping a copy",
                        snoop->name, vconn_get_name(s->vconn));
            continue;
        }
        ovs_list_push_back(&s->queue, &ofpbuf_clone(msg)->list_node);
        s->n_queued++;
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
