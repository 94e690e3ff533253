/* Connection manager.
 *
 * A bridge talks OpenFlow over several connections at once.  Each is an
 * "ofconn" wrapped around a reconnecting rconn, of one of two kinds:
 *
 *   - Controllers (the Controller rows): an active target that we keep
 *     connected, or every connection accepted on a passive target.  Their
 *     presence is what "fail_mode" is about.
 *
 *   - Service connections, accepted on the bridge's management socket
 *     ($OVS_RUNDIR/BRIDGE.mgmt): ovs-ofctl and friends.  As in Open
 *     vSwitch they receive no asynchronous messages unless they ask for
 *     them, by setting a nonzero miss_send_len or (our addition) by setting
 *     an asynchronous configuration explicitly, as "ovs-ofctl monitor BR
 *     resume" does to turn closures on.
 *
 * Every message on a controller connection is also copied to the
 * snoopers of $OVS_RUNDIR/BRIDGE.snoop (see snoop.c); service connections
 * are not.
 *
 * Every connection keeps what its peer negotiated: the protocol (version,
 * flow format, table-id extension), the role, the asynchronous
 * configuration, the packet-in format, miss_send_len and the controller id.
 * These reset whenever the underlying connection reconnects.
 *
 * Packet-ins and closures pass through the connection's packet-in
 * scheduler (pinsched), one per queue kind, before they reach the rconn,
 * whose own backlog for them is bounded too.  Closure counters (sent,
 * dropped, resumed, rejected by reason) live here, per connection and per
 * bridge, and are shown by "ovs-appctl ofproto/closure-stats BRIDGE" and in
 * the Controller status column. */

#include <config.h>

#include "connmgr.h"

#include "netdev.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "dynamic-string.h"
#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "ofproto-provider.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
#include "pinsched.h"
#include "rconn.h"
#include "shash.h"
#include "smap.h"
#include "snoop.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"
#include "vconn.h"

VLOG_DEFINE_THIS_MODULE(connmgr);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

/* Most packet-ins and closures that may wait in one rconn's send queue. */
#define ASYNC_TXQ_LIMIT 100

/* Most messages handled per connection per main-loop iteration. */
#define MSGS_PER_RUN 50

enum ofconn_type {
    OFCONN_PRIMARY,             /* A controller. */
    OFCONN_SERVICE              /* The management socket. */
};

/* Closure counters. */
struct closure_counters {
    unsigned long long int sent;
    unsigned long long int dropped;     /* Rate limit or full backlog. */
    unsigned long long int resumed;
    unsigned long long int rejected[CLOSURE_N_REJ];
};

struct ofconn {
    struct ovs_list node;       /* In connmgr->conns. */
    struct connmgr *mgr;
    struct rconn *rconn;
    enum ofconn_type type;
    char *target;               /* For a controller: its configured target
                                 * (for the status map), else NULL. */
    bool reliable;              /* Reconnects by itself (active target);
                                 * otherwise destroyed once closed. */
    unsigned int seqno;         /* rconn connection seqno of 'protocol'. */

    /* Negotiated state, reset on reconnection. */
    enum ofputil_protocol protocol;
    enum ofp12_controller_role role;
    enum ofputil_packet_in_format packet_in_format;
    int miss_send_len;
    uint16_t controller_id;
    struct ofputil_async_cfg *async_cfg; /* NULL: the version's default. */

    /* Asynchronous packet messages. */
    struct pinsched *schedulers[PINSCHED_N_KINDS];
    struct rconn_packet_counter *async_counter;
    struct rconn_packet_counter *reply_counter;
    unsigned long long int n_async_dropped[PINSCHED_N_KINDS];

    struct closure_counters closures;
};

/* A passive listener. */
struct ofservice {
    struct ovs_list node;       /* In connmgr->services. */
    struct pvconn *pvconn;
    char *target;
    enum ofconn_type type;      /* Of the connections it accepts. */
    int rate_limit, burst_limit;
    int probe_interval;
};

struct connmgr {
    struct ofproto *ofproto;
    char *name;
    connmgr_msg_cb *cb;
    void *aux;

    struct ovs_list conns;      /* struct ofconn. */
    struct ovs_list services;   /* struct ofservice. */
    char *mgmt_target;
    uint32_t mgmt_versions;     /* 0: default. */
    struct snoop *snoop;        /* Listener on BRIDGE.snoop, or NULL. */
    struct shash controllers;   /* Active targets: struct ofconn. */
    size_t n_controllers;       /* Configured, active plus passive. */

    bool election_id_defined;
    uint64_t election_id;

    /* Counters of connections already closed, so that totals survive. */
    struct closure_counters retired;

    /* Whether some connection wants packet-ins for table misses that no
     * table-miss flow handles, as last reported to ofproto-dpif: while
     * none does, such misses are plain drops that the datapath caches. */
    bool wants_miss;
};

static void connmgr_check_miss_interest(struct connmgr *);
static struct ofconn *ofconn_create(struct connmgr *, struct rconn *,
                                    enum ofconn_type, const char *target,
                                    int rate_limit, int burst_limit);
static void ofconn_destroy(struct ofconn *);
static void ofconn_flush(struct ofconn *);
static void ofconn_run(struct ofconn *);
static void ofconn_wait(struct ofconn *);
static void ofconn_sync(struct ofconn *);

/* ---- Connection manager. ---- */

static struct ofservice *
ofservice_create(struct connmgr *mgr, const char *target,
                 enum ofconn_type type, uint32_t allowed_versions)
{
    struct pvconn *pvconn;
    int error = pvconn_open(target, allowed_versions, 0, &pvconn);

    if (error) {
        VLOG_ERR("%s: failed to listen on %s (%s)", mgr->name, target,
                 ovs_strerror(error));
        return NULL;
    }

    struct ofservice *svc = xzalloc(sizeof *svc);
    svc->pvconn = pvconn;
    svc->target = xstrdup(target);
    svc->type = type;
    ovs_list_push_back(&mgr->services, &svc->node);
    return svc;
}

static void
ofservice_destroy(struct ofservice *svc)
{
    ovs_list_remove(&svc->node);
    pvconn_close(svc->pvconn);
    free(svc->target);
    free(svc);
}

struct connmgr *
connmgr_create(struct ofproto *ofproto, const char *name,
               const char *mgmt_target, const char *snoop_target,
               connmgr_msg_cb *cb, void *aux)
{
    struct connmgr *mgr = xzalloc(sizeof *mgr);

    mgr->ofproto = ofproto;
    mgr->name = xstrdup(name);
    mgr->cb = cb;
    mgr->aux = aux;
    ovs_list_init(&mgr->conns);
    ovs_list_init(&mgr->services);
    shash_init(&mgr->controllers);
    mgr->mgmt_target = xstrdup(mgmt_target);
    ofservice_create(mgr, mgmt_target, OFCONN_SERVICE, 0);
    mgr->snoop = snoop_target ? snoop_create(name, snoop_target) : NULL;
    return mgr;
}

void
connmgr_destroy(struct connmgr *mgr)
{
    if (!mgr) {
        return;
    }

    struct ofconn *ofconn;
    LIST_FOR_EACH_SAFE (ofconn, node, &mgr->conns) {
        ofconn_destroy(ofconn);
    }
    struct ofservice *svc;
    LIST_FOR_EACH_SAFE (svc, node, &mgr->services) {
        ofservice_destroy(svc);
    }
    snoop_destroy(mgr->snoop);
    shash_destroy(&mgr->controllers);
    free(mgr->mgmt_target);
    free(mgr->name);
    free(mgr);
}

static void
accept_connections(struct connmgr *mgr, struct ofservice *svc)
{
    for (int i = 0; i < 10; i++) {
        struct vconn *vconn;
        int error = pvconn_accept(svc->pvconn, &vconn);

        if (error) {
            if (error != EAGAIN) {
                VLOG_WARN_RL(&rl, "%s: accept on %s failed (%s)",
                             mgr->name, svc->target, ovs_strerror(error));
            }
            return;
        }

        struct rconn *rc = rconn_create(svc->probe_interval, 0, 0, 0);
        char *name = xasprintf("%s<->%s", mgr->name, vconn_get_name(vconn));
        rconn_connect_unreliably(rc, vconn, name);
        free(name);
        ofconn_create(mgr, rc, svc->type,
                      svc->type == OFCONN_PRIMARY ? svc->target : NULL,
                      svc->rate_limit, svc->burst_limit);
    }
}

void
connmgr_run(struct connmgr *mgr)
{
    struct ofservice *svc;
    LIST_FOR_EACH (svc, node, &mgr->services) {
        accept_connections(mgr, svc);
    }

    struct ofconn *ofconn;
    LIST_FOR_EACH_SAFE (ofconn, node, &mgr->conns) {
        ofconn_run(ofconn);
        if (!ofconn->reliable && !rconn_is_alive(ofconn->rconn)) {
            /* An accepted connection that closed: it never comes back. */
            ofconn_destroy(ofconn);
        }
    }
    snoop_run(mgr->snoop, mgr->n_controllers > 0);
    connmgr_check_miss_interest(mgr);
}

void
connmgr_wait(struct connmgr *mgr)
{
    struct ofservice *svc;
    LIST_FOR_EACH (svc, node, &mgr->services) {
        pvconn_wait(svc->pvconn);
    }

    struct ofconn *ofconn;
    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        ofconn_wait(ofconn);
    }
    snoop_wait(mgr->snoop);
}

void
connmgr_set_mgmt_versions(struct connmgr *mgr, uint32_t allowed_versions)
{
    if (allowed_versions == mgr->mgmt_versions) {
        return;
    }
    mgr->mgmt_versions = allowed_versions;

    struct ofservice *svc;
    LIST_FOR_EACH_SAFE (svc, node, &mgr->services) {
        if (svc->type == OFCONN_SERVICE) {
            ofservice_destroy(svc);
        }
    }
    ofservice_create(mgr, mgr->mgmt_target, OFCONN_SERVICE,
                     allowed_versions);
}

static bool
is_passive_target(const char *target)
{
    return !pvconn_verify_name(target);
}

void
connmgr_set_controllers(struct connmgr *mgr,
                        const struct ofproto_controller *ctls, size_t n)
{
    struct shash wanted = SHASH_INITIALIZER(&wanted);

    for (size_t i = 0; i < n; i++) {
        shash_add_once(&wanted, ctls[i].target, &ctls[i]);
    }

    /* Active controllers: drop the ones no longer wanted, update and add
     * the rest. */
    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, &mgr->controllers) {
        if (!shash_find(&wanted, node->name)) {
            ofconn_destroy(node->data);
            shash_delete(&mgr->controllers, node);
        }
    }

    /* Passive controller listeners are simply recreated when they change;
     * connections already accepted stay. */
    struct ofservice *svc;
    LIST_FOR_EACH_SAFE (svc, node, &mgr->services) {
        if (svc->type == OFCONN_PRIMARY) {
            const struct ofproto_controller *c
                = shash_find_data(&wanted, svc->target);
            if (!c) {
                ofservice_destroy(svc);
            }
        }
    }

    mgr->n_controllers = 0;
    SHASH_FOR_EACH (node, &wanted) {
        const struct ofproto_controller *c = node->data;

        if (is_passive_target(c->target)) {
            struct ofservice *found = NULL;
            LIST_FOR_EACH (svc, node, &mgr->services) {
                if (svc->type == OFCONN_PRIMARY
                    && !strcmp(svc->target, c->target)) {
                    found = svc;
                }
            }
            if (!found) {
                found = ofservice_create(mgr, c->target, OFCONN_PRIMARY,
                                         c->allowed_versions);
            }
            if (found) {
                found->rate_limit = c->rate_limit;
                found->burst_limit = c->burst_limit;
                found->probe_interval = c->probe_interval;
            }
        } else if (!vconn_verify_name(c->target)) {
            struct ofconn *ofconn = shash_find_data(&mgr->controllers,
                                                    c->target);
            if (!ofconn) {
                struct rconn *rc = rconn_create(c->probe_interval,
                                                c->max_backoff, 0,
                                                c->allowed_versions);
                rconn_connect(rc, c->target, NULL);
                ofconn = ofconn_create(mgr, rc, OFCONN_PRIMARY, c->target,
                                       c->rate_limit, c->burst_limit);
                ofconn->reliable = true;
                shash_add(&mgr->controllers, c->target, ofconn);
            } else {
                rconn_set_probe_interval(ofconn->rconn, c->probe_interval);
                rconn_set_max_backoff(ofconn->rconn, c->max_backoff);
                for (int i = 0; i < PINSCHED_N_KINDS; i++) {
                    pinsched_set_limits(ofconn->schedulers[i],
                                        c->rate_limit, c->burst_limit);
                }
            }
        } else {
            VLOG_WARN_RL(&rl, "%s: unsupported controller target %s",
                         mgr->name, c->target);
            continue;
        }
        mgr->n_controllers++;
    }
    shash_destroy(&wanted);
    connmgr_check_miss_interest(mgr);
}

bool
connmgr_has_controllers(const struct connmgr *mgr)
{
    return mgr->n_controllers > 0;
}

/* ---- Closure counters. ---- */

const char *
closure_reject_reason_name(enum closure_reject_reason reason)
{
    switch (reason) {
    case CLOSURE_REJ_SLAVE:
        return "slave";
    case CLOSURE_REJ_MALFORMED:
        return "malformed";
    case CLOSURE_REJ_STALE:
        return "stale";
    case CLOSURE_REJ_WRONG_BRIDGE:
        return "wrong_bridge";
    case CLOSURE_REJ_BAD_ACTIONS:
        return "bad_actions";
    case CLOSURE_REJ_DATAPATH:
        return "datapath";
    case CLOSURE_N_REJ:
    default:
        return "unknown";
    }
}

void
connmgr_count_resume(struct ofconn *ofconn, bool ok,
                     enum closure_reject_reason reason)
{
    if (ok) {
        ofconn->closures.resumed++;
    } else if (reason < CLOSURE_N_REJ) {
        ofconn->closures.rejected[reason]++;
    }
}

static void
closure_counters_add(struct closure_counters *sum,
                     const struct closure_counters *c)
{
    sum->sent += c->sent;
    sum->dropped += c->dropped;
    sum->resumed += c->resumed;
    for (int i = 0; i < CLOSURE_N_REJ; i++) {
        sum->rejected[i] += c->rejected[i];
    }
}

static void
connmgr_closure_totals(const struct connmgr *mgr,
                       struct closure_counters *sum)
{
    *sum = mgr->retired;

    const struct ofconn *ofconn;
    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        closure_counters_add(sum, &ofconn->closures);
    }
}

static void
format_closure_counters(struct ds *s, const struct closure_counters *c,
                        const char *indent)
{
    unsigned long long int n_rejected = 0;

    for (int i = 0; i < CLOSURE_N_REJ; i++) {
        n_rejected += c->rejected[i];
    }
    ds_put_format(s, "%ssent: %llu\n", indent, c->sent);
    ds_put_format(s, "%sdropped: %llu\n", indent, c->dropped);
    ds_put_format(s, "%sresumed: %llu\n", indent, c->resumed);
    ds_put_format(s, "%srejected: %llu\n", indent, n_rejected);
    for (int i = 0; i < CLOSURE_N_REJ; i++) {
        if (c->rejected[i]) {
            ds_put_format(s, "%s  %s: %llu\n", indent,
                          closure_reject_reason_name(i), c->rejected[i]);
        }
    }
}

static void
closure_stats_unixctl(struct unixctl_conn *conn, int argc OVS_UNUSED,
                      const char *argv[], void *aux OVS_UNUSED)
{
    struct ofproto *ofproto = ofproto_lookup(argv[1]);

    if (!ofproto || !ofproto->connmgr) {
        unixctl_command_reply_error(conn, "no such bridge");
        return;
    }

    struct connmgr *mgr = ofproto->connmgr;
    struct closure_counters total;
    struct ds s = DS_EMPTY_INITIALIZER;

    connmgr_closure_totals(mgr, &total);
    ds_put_format(&s, "%s:\n", mgr->name);
    format_closure_counters(&s, &total, "  ");

    const struct ofconn *ofconn;
    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        if (!rconn_is_connected(ofconn->rconn)) {
            continue;
        }
        ds_put_format(&s, "  connection %s (%s):\n",
                      rconn_get_name(ofconn->rconn),
                      ofconn->type == OFCONN_PRIMARY ? "controller"
                      : "service");
        format_closure_counters(&s, &ofconn->closures, "    ");

        struct pinsched_stats ps;
        pinsched_get_stats(ofconn->schedulers[PINSCHED_CLOSURE], &ps);
        ds_put_format(&s, "    queue: backlog %u, bypassed %llu, "
                      "queued %llu, dropped %llu\n", ps.n_queued,
                      ps.n_normal, ps.n_limited, ps.n_queue_dropped);
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

void
connmgr_init(void)
{
    static bool registered;

    if (!registered) {
        registered = true;
        unixctl_command_register("ofproto/closure-stats", "BRIDGE", 1, 1,
                                 closure_stats_unixctl, NULL);
    }
}

/* ---- Status. ---- */

static void
ofconn_get_info(const struct ofconn *ofconn,
                struct ofproto_controller_info *info)
{
    const struct rconn *rc = ofconn->rconn;
    int last_error = rconn_get_last_error(rc);
    long long int now = time_msec();

    /* As in Open vSwitch, a connection that is down has no role. */
    info->is_connected = rconn_is_connected(rc);
    info->role = (!info->is_connected ? NULL
                  : ofconn->role == OFPCR12_ROLE_MASTER ? "master"
                  : ofconn->role == OFPCR12_ROLE_SLAVE ? "slave"
                  : "other");
    info->pairs = xmalloc(sizeof *info->pairs);
    smap_init(info->pairs);

    struct smap *pairs = info->pairs;
    if (last_error) {
        smap_add(pairs, "last_error",
                 last_error == EOF ? "End of file" : ovs_strerror(last_error));
    }
    smap_add(pairs, "state", rconn_get_state(rc));
    /* Both times come from the monotonic clock, like 'now': a wall-clock
     * time subtracted from a monotonic one gave negative ages. */
    long long int last = rconn_get_last_connection(rc);
    if (last != LLONG_MIN) {
        smap_add_format(pairs, "sec_since_connect", "%lld",
                        (now - last) / 1000);
    }
    long long int disc = rconn_get_last_disconnect(rc);
    if (disc != LLONG_MIN) {
        smap_add_format(pairs, "sec_since_disconnect", "%lld",
                        (now - disc) / 1000);
    }

    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        const char *name = pinsched_queue_kind_name(i);
        struct pinsched_stats s;

        pinsched_get_stats(ofconn->schedulers[i], &s);
        smap_add_nocopy(pairs, xasprintf("packet-in-%s-backlog", name),
                        xasprintf("%u", s.n_queued));
        smap_add_nocopy(pairs, xasprintf("packet-in-%s-bypassed", name),
                        xasprintf("%llu", s.n_normal));
        smap_add_nocopy(pairs, xasprintf("packet-in-%s-queued", name),
                        xasprintf("%llu", s.n_limited));
        smap_add_nocopy(pairs, xasprintf("packet-in-%s-dropped", name),
                        xasprintf("%llu", (s.n_queue_dropped
                                           + ofconn->n_async_dropped[i])));
    }

    const struct closure_counters *c = &ofconn->closures;
    smap_add_format(pairs, "closure-sent", "%llu", c->sent);
    smap_add_format(pairs, "closure-dropped", "%llu", c->dropped);
    smap_add_format(pairs, "closure-resumed", "%llu", c->resumed);
    for (int i = 0; i < CLOSURE_N_REJ; i++) {
        smap_add_nocopy(pairs, xasprintf("closure-rejected-%s",
                                         closure_reject_reason_name(i)),
                        xasprintf("%llu", c->rejected[i]));
    }
}

void
connmgr_get_controller_info(const struct connmgr *mgr, struct shash *info)
{
    const struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        const char *target = ofconn->target;
        if (ofconn->type != OFCONN_PRIMARY || !target
            || shash_find(info, target)) {
            continue;
        }

        struct ofproto_controller_info *cinfo = xzalloc(sizeof *cinfo);
        ofconn_get_info(ofconn, cinfo);
        shash_add(info, target, cinfo);
    }
}

/* ---- One connection. ---- */

/* rconn tap of a controller connection: snoopers get a copy. */
static void
ofconn_tap(const struct ofpbuf *msg, void *mgr_)
{
    struct connmgr *mgr = mgr_;

    snoop_copy(mgr->snoop, msg);
}

static struct ofconn *
ofconn_create(struct connmgr *mgr, struct rconn *rconn,
              enum ofconn_type type, const char *target,
              int rate_limit, int burst_limit)
{
    struct ofconn *ofconn = xzalloc(sizeof *ofconn);

    ofconn->mgr = mgr;
    ofconn->rconn = rconn;
    ofconn->type = type;
    ofconn->target = nullable_xstrdup(target);
    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        ofconn->schedulers[i] = pinsched_create(rate_limit, burst_limit);
    }
    ofconn->async_counter = rconn_packet_counter_create();
    ofconn->reply_counter = rconn_packet_counter_create();
    if (type == OFCONN_PRIMARY) {
        rconn_set_tap(rconn, ofconn_tap, mgr);
    }
    ofconn_flush(ofconn);
    ovs_list_push_back(&mgr->conns, &ofconn->node);
    return ofconn;
}

/* Drops the messages still waiting in 'ofconn''s schedulers: their
 * connection is gone.  Lost closures count as dropped. */
static void
ofconn_clear_queues(struct ofconn *ofconn)
{
    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        struct pinsched_stats stats;

        pinsched_get_stats(ofconn->schedulers[i], &stats);
        if (i == PINSCHED_CLOSURE) {
            ofconn->closures.dropped += stats.n_queued;
        }
        pinsched_clear(ofconn->schedulers[i]);
    }
}

/* Forgets everything the peer negotiated: a new connection starts over. */
static void
ofconn_flush(struct ofconn *ofconn)
{
    ofconn->seqno = rconn_get_connection_seqno(ofconn->rconn);
    ofconn->protocol = OFPUTIL_P_NONE;
    ofconn->role = OFPCR12_ROLE_EQUAL;
    ofconn->packet_in_format = OFPUTIL_PACKET_IN_STD;
    ofconn->miss_send_len = (ofconn->type == OFCONN_PRIMARY
                             ? OFP_DEFAULT_MISS_SEND_LEN : 0);
    ofconn->controller_id = 0;
    free(ofconn->async_cfg);
    ofconn->async_cfg = NULL;
    ofconn_clear_queues(ofconn);
}

static void
ofconn_destroy(struct ofconn *ofconn)
{
    struct connmgr *mgr = ofconn->mgr;

    ofconn_clear_queues(ofconn);
    closure_counters_add(&mgr->retired, &ofconn->closures);
    ovs_list_remove(&ofconn->node);
    rconn_destroy(ofconn->rconn);
    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        pinsched_destroy(ofconn->schedulers[i]);
    }
    rconn_packet_counter_destroy(ofconn->async_counter);
    rconn_packet_counter_destroy(ofconn->reply_counter);
    free(ofconn->async_cfg);
    free(ofconn->target);
    free(ofconn);
}

/* Resets the negotiated state if the rconn reconnected meanwhile. */
static void
ofconn_sync(struct ofconn *ofconn)
{
    if (ofconn->seqno != rconn_get_connection_seqno(ofconn->rconn)) {
        ofconn_flush(ofconn);
    }
}

static void
ofconn_send_async(struct ofconn *ofconn, enum pinsched_queue_kind kind,
                  struct ovs_list *txq)
{
    struct ofpbuf *msg;

    LIST_FOR_EACH_POP (msg, list_node, txq) {
        int error = rconn_send_with_limit(ofconn->rconn, msg,
                                          ofconn->async_counter,
                                          ASYNC_TXQ_LIMIT);
        if (kind == PINSCHED_CLOSURE) {
            if (error) {
                ofconn->closures.dropped++;
            } else {
                ofconn->closures.sent++;
            }
        } else if (error) {
            ofconn->n_async_dropped[kind]++;
        }
    }
}

static void
ofconn_run(struct ofconn *ofconn)
{
    struct connmgr *mgr = ofconn->mgr;

    rconn_run(ofconn->rconn);
    ofconn_sync(ofconn);

    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        struct ovs_list txq;

        ovs_list_init(&txq);
        pinsched_run(ofconn->schedulers[i], &txq);
        ofconn_send_async(ofconn, i, &txq);
    }

    /* Don't read more requests while replies are piling up. */
    for (int i = 0; i < MSGS_PER_RUN; i++) {
        if (rconn_packet_counter_n_packets(ofconn->reply_counter) >= 100) {
            break;
        }
        struct ofpbuf *msg = rconn_recv(ofconn->rconn);
        if (!msg) {
            break;
        }
        ofconn_sync(ofconn);
        mgr->cb(ofconn, msg->data, mgr->aux);
        ofpbuf_delete(msg);
    }
}

static void
ofconn_wait(struct ofconn *ofconn)
{
    rconn_run_wait(ofconn->rconn);
    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        pinsched_wait(ofconn->schedulers[i]);
    }
    if (rconn_packet_counter_n_packets(ofconn->reply_counter) < 100) {
        rconn_recv_wait(ofconn->rconn);
    }
}

struct connmgr *
ofconn_get_connmgr(const struct ofconn *ofconn)
{
    return ofconn->mgr;
}

enum ofputil_protocol
ofconn_get_protocol(struct ofconn *ofconn)
{
    ofconn_sync(ofconn);
    if (ofconn->protocol == OFPUTIL_P_NONE
        && rconn_is_connected(ofconn->rconn)) {
        int version = rconn_get_version(ofconn->rconn);
        if (version > 0) {
            ofconn->protocol = ofputil_protocol_from_ofp_version(version);
        }
    }
    return ofconn->protocol;
}

void
ofconn_set_protocol(struct ofconn *ofconn, enum ofputil_protocol protocol)
{
    ofconn->protocol = protocol;
}

static enum ofp_version
ofconn_version(struct ofconn *ofconn)
{
    enum ofputil_protocol p = ofconn_get_protocol(ofconn);
    return p ? ofputil_protocol_to_ofp_version(p) : OFP10_VERSION;
}

enum ofp12_controller_role
ofconn_get_role(const struct ofconn *ofconn)
{
    return ofconn->role;
}

uint64_t
connmgr_get_generation_id(const struct connmgr *mgr, bool *defined)
{
    *defined = mgr->election_id_defined;
    return mgr->election_id;
}

enum ofperr
ofconn_set_role(struct ofconn *ofconn, enum ofp12_controller_role role,
                const uint64_t *generation_id)
{
    struct connmgr *mgr = ofconn->mgr;

    if (generation_id && (role == OFPCR12_ROLE_MASTER
                          || role == OFPCR12_ROLE_SLAVE)) {
        /* Generation ids compare as a wrapping 64-bit sequence. */
        if (mgr->election_id_defined
            && (int64_t) (*generation_id - mgr->election_id) < 0) {
            return OFPERR_OFPRRFC_STALE;
        }
        mgr->election_id = *generation_id;
        mgr->election_id_defined = true;
    }

    if (role == OFPCR12_ROLE_MASTER) {
        struct ofconn *other;
        LIST_FOR_EACH (other, node, &mgr->conns) {
            if (other != ofconn && other->role == OFPCR12_ROLE_MASTER) {
                other->role = OFPCR12_ROLE_SLAVE;
            }
        }
    }
    if (role != OFPCR12_ROLE_NOCHANGE) {
        ofconn->role = role;
    }
    return 0;
}

int
ofconn_get_miss_send_len(const struct ofconn *ofconn)
{
    return ofconn->miss_send_len;
}

void
ofconn_set_miss_send_len(struct ofconn *ofconn, int miss_send_len)
{
    ofconn->miss_send_len = miss_send_len;
}

enum ofputil_packet_in_format
ofconn_get_packet_in_format(const struct ofconn *ofconn)
{
    return ofconn->packet_in_format;
}

void
ofconn_set_packet_in_format(struct ofconn *ofconn,
                            enum ofputil_packet_in_format format)
{
    ofconn->packet_in_format = format;
}

void
ofconn_set_controller_id(struct ofconn *ofconn, uint16_t id)
{
    ofconn->controller_id = id;
}

struct ofputil_async_cfg
ofconn_get_async_config(struct ofconn *ofconn)
{
    if (ofconn->async_cfg) {
        return *ofconn->async_cfg;
    }
    return ofputil_async_cfg_default(ofconn_version(ofconn));
}

void
ofconn_set_async_config(struct ofconn *ofconn,
                        const struct ofputil_async_cfg *cfg)
{
    if (!ofconn->async_cfg) {
        ofconn->async_cfg = xmalloc(sizeof *ofconn->async_cfg);
    }
    *ofconn->async_cfg = *cfg;
}

void
ofconn_send_reply(struct ofconn *ofconn, struct ofpbuf *msg)
{
    ofpmsg_update_length(msg);
    rconn_send(ofconn->rconn, msg, ofconn->reply_counter);
}

void
ofconn_send_replies(struct ofconn *ofconn, struct ovs_list *replies)
{
    struct ofpbuf *msg;

    LIST_FOR_EACH_POP (msg, list_node, replies) {
        rconn_send(ofconn->rconn, msg, ofconn->reply_counter);
    }
}

void
ofconn_send_error(struct ofconn *ofconn, const struct ofp_header *request,
                  enum ofperr error)
{
    struct ofpbuf *reply = ofperr_encode_reply(error, request);

    if (reply) {
        static struct vlog_rate_limit err_rl = VLOG_RATE_LIMIT_INIT(10, 10);
        VLOG_INFO_RL(&err_rl, "%s: sending %s error reply to %s",
                     ofconn->mgr->name, ofperr_get_name(error),
                     rconn_get_name(ofconn->rconn));
        rconn_send(ofconn->rconn, reply, ofconn->reply_counter);
    }
}

/* ---- Asynchronous messages. ---- */

/* True if 'ofconn' wants asynchronous messages of 'type' for 'reason'. */
static bool
ofconn_receives_async(struct ofconn *ofconn,
                      enum ofputil_async_msg_type type, unsigned int reason)
{
    ofconn_sync(ofconn);
    if (!rconn_is_connected(ofconn->rconn)
        || ofconn_get_protocol(ofconn) == OFPUTIL_P_NONE) {
        return false;
    }
    if (ofconn->type == OFCONN_SERVICE && !ofconn->miss_send_len
        && !ofconn->async_cfg) {
        /* A service connection has to ask for asynchronous messages. */
        return false;
    }
    if (reason >= 32) {
        return false;
    }

    struct ofputil_async_cfg cfg = ofconn_get_async_config(ofconn);
    const uint32_t *masks = (ofconn->role == OFPCR12_ROLE_SLAVE
                             ? cfg.slave : cfg.master);
    return (masks[type] & (1u << reason)) != 0;
}

/* True if 'ofconn' would get a packet-in for a table miss that no
 * table-miss flow handles: OpenFlow 1.3 made those silent. */
static bool
ofconn_wants_miss(struct ofconn *ofconn)
{
    return (!ofconn->controller_id
            && ofconn_receives_async(ofconn, OAM_PACKET_IN, OFPR_NO_MATCH)
            && ofconn_version(ofconn) < OFP13_VERSION);
}

bool
connmgr_wants_miss_packet_in(struct connmgr *mgr)
{
    struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        if (ofconn_wants_miss(ofconn)) {
            return true;
        }
    }
    return false;
}

/* Translation caches a table miss as a drop while no connection wants to
 * hear about it, so when that changes (a controller connects or leaves,
 * changes its role, version, async config, miss_send_len or controller id)
 * the cached flows must go.  Every such change happens inside connmgr_run()
 * or connmgr_set_controllers(), which call this at their end, before the
 * datapath handles another packet. */
static void
connmgr_check_miss_interest(struct connmgr *mgr)
{
    bool wants_miss = connmgr_wants_miss_packet_in(mgr);

    if (wants_miss != mgr->wants_miss) {
        mgr->wants_miss = wants_miss;
        ofproto_dpif_flows_changed(mgr->ofproto);
    }
}

void
connmgr_send_port_status(struct connmgr *mgr, struct ofconn *source,
                         const struct ofputil_phy_port *pp, uint8_t reason)
{
    struct ofputil_port_status ps = { .reason = reason, .desc = *pp };
    struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        if (!ofconn_receives_async(ofconn, OAM_PORT_STATUS, reason)) {
            continue;
        }
        if (ofconn == source && ofconn_version(ofconn) < OFP15_VERSION) {
            /* Before OpenFlow 1.5 a port-mod's sender gets no echo. */
            continue;
        }
        struct ofpbuf *msg = ofputil_encode_port_status(
            &ps, ofconn_get_protocol(ofconn));
        if (msg) {
            rconn_send(ofconn->rconn, msg, NULL);
        }
    }
}

void
connmgr_send_flow_removed(struct connmgr *mgr,
                          const struct ofputil_flow_removed *fr)
{
    struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        if (ofconn_receives_async(ofconn, OAM_FLOW_REMOVED, fr->reason)) {
            struct ofpbuf *msg = ofputil_encode_flow_removed(
                fr, ofconn_get_protocol(ofconn));
            if (msg) {
                rconn_send(ofconn->rconn, msg, NULL);
            }
        }
    }
}

/* The reason 'ofconn' sees for 'pin': a table-miss flow's packet-ins are
 * table misses from OpenFlow 1.3 on (earlier versions call them "action",
 * as the flow's action sent them), and the reasons OpenFlow 1.4 carved out
 * of "action" are plain "action" before 1.4. */
static uint8_t
packet_in_wire_reason(struct ofconn *ofconn,
                      const struct ofproto_packet_in *pin)
{
    enum ofp_version version = ofconn_version(ofconn);
    uint8_t reason = pin->up.reason;

    if (reason != OFPR_NO_MATCH && reason != OFPR_INVALID_TTL
        && version < OFP14_VERSION) {
        reason = OFPR_ACTION;
    }
    if (reason == OFPR_ACTION
        && pin->miss_type == OFPROTO_PACKET_IN_MISS_FLOW
        && version >= OFP13_VERSION) {
        reason = OFPR_NO_MATCH;
    }
    return reason;
}

void
connmgr_send_packet_in(struct connmgr *mgr,
                       const struct ofproto_packet_in *pin)
{
    ofp_port_t in_port = pin->up.flow_metadata.flow.in_port.ofp_port;
    bool is_miss = pin->miss_type != OFPROTO_PACKET_IN_NO_MISS;
    enum pinsched_queue_kind kind = is_miss ? PINSCHED_MISS : PINSCHED_ACTION;
    struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        uint8_t reason = packet_in_wire_reason(ofconn, pin);
        if (ofconn->controller_id != pin->controller_id
            || !ofconn_receives_async(ofconn, OAM_PACKET_IN, reason)) {
            continue;
        }
        /* OpenFlow 1.3 made table misses silent unless a table-miss flow
         * says otherwise. */
        if (pin->miss_type == OFPROTO_PACKET_IN_MISS_WITHOUT_FLOW
            && ofconn_version(ofconn) >= OFP13_VERSION) {
            continue;
        }

        struct ofputil_packet_in up = pin->up;
        up.reason = reason;
        int max_len = pin->max_len < 0 ? ofconn->miss_send_len
                                       : pin->max_len;
        up.total_len = pin->up.packet_len;
        up.buffer_id = UINT32_MAX;
        if (max_len >= 0 && up.packet_len > (size_t) max_len) {
            up.packet_len = max_len;
        }

        struct ofpbuf *msg = ofputil_encode_packet_in(
            &up, ofconn_get_protocol(ofconn), ofconn->packet_in_format);
        if (!msg) {
            continue;
        }

        struct ovs_list txq;
        ovs_list_init(&txq);
        pinsched_send(ofconn->schedulers[kind], in_port, msg, &txq);
        ofconn_send_async(ofconn, kind, &txq);
    }
}

void
connmgr_send_closure(struct connmgr *mgr,
                     const struct ofputil_closure_private *closure,
                     uint16_t controller_id, ofp_port_t in_port)
{
    struct ofconn *ofconn;

    LIST_FOR_EACH (ofconn, node, &mgr->conns) {
        if (ofconn->controller_id != controller_id
            || !ofconn_receives_async(ofconn, OAM_CLOSURE, 0)) {
            continue;
        }

        struct ofpbuf *msg = ofputil_encode_closure_private(
            closure, ofconn_get_protocol(ofconn));
        if (!msg) {
            ofconn->closures.dropped++;
            continue;
        }

        /* Closures share out the rate by input port, like packet-ins. */
        struct pinsched *ps = ofconn->schedulers[PINSCHED_CLOSURE];
        struct pinsched_stats before, after;
        struct ovs_list txq;

        ovs_list_init(&txq);
        pinsched_get_stats(ps, &before);
        pinsched_send(ps, in_port, msg, &txq);
        pinsched_get_stats(ps, &after);
        ofconn->closures.dropped += (after.n_queue_dropped
                                     - before.n_queue_dropped);
        ofconn_send_async(ofconn, PINSCHED_CLOSURE, &txq);
    }
}
