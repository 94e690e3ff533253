/*
 * Reliable OpenFlow connections.
 *
 * The reconnect state machine (lib/reconnect.c) decides when to connect,
 * when to probe an idle connection and when to give up on it; this file
 * carries out those decisions on a vconn, keeps the send queue, answers
 * echo requests and keeps the counters that the switch reports
 * (connection sequence number, last error, queue lengths).
 *
 * A message is "admitted" when the peer sends something other than
 * hello, echo or error: only then do we know the peer really speaks
 * OpenFlow to us, which a switch uses to decide when a controller has
 * failed.
 */

#include <config.h>
#include "rconn.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ofp-msgs.h"
#include "ofp-protocol.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "reconnect.h"
#include "timeval.h"
#include "vconn.h"

VLOG_DEFINE_THIS_MODULE(rconn);

/* A queued message and the counter it is charged to. */
struct txq_entry {
    struct ovs_list node;
    struct ofpbuf *msg;
    struct rconn_packet_counter *counter;
};

struct rconn {
    struct reconnect *reconnect;
    char *target;               /* vconn name, or NULL before connect. */
    char *name;
    bool reliable;              /* Reconnect after failure? */
    uint8_t dscp;
    uint32_t allowed_versions;

    struct vconn *vconn;
    bool connected;             /* 'vconn' finished negotiation. */
    struct ovs_list txq;        /* struct txq_entry. */

    int probe_interval;         /* Seconds, 0 if none. */
    int max_backoff;            /* Seconds. */

    long long int last_connected;   /* msec, LLONG_MIN if never. */
    long long int last_disconnected;
    long long int last_admitted;
    unsigned int seqno;
    int last_error;

    unsigned int packets_sent;
    unsigned int packets_received;

    rconn_tap_cb *tap;          /* Sees each message sent or received. */
    void *tap_aux;
};

static void disconnect(struct rconn *, int error);

struct rconn *
rconn_create(int probe_interval, int max_backoff, uint8_t dscp,
             uint32_t allowed_versions)
{
    struct rconn *rc = xzalloc(sizeof *rc);
    long long int now = time_msec();

    rc->reconnect = reconnect_create(now);
    reconnect_set_quiet(rc->reconnect, true);
    rc->name = xstrdup("void");
    rc->dscp = dscp;
    rc->allowed_versions = (allowed_versions ? allowed_versions
                            : OFPUTIL_DEFAULT_VERSIONS);
    ovs_list_init(&rc->txq);
    rc->last_connected = rc->last_disconnected = LLONG_MIN;
    rc->last_admitted = LLONG_MIN;
    rconn_set_max_backoff(rc, max_backoff);
    rconn_set_probe_interval(rc, probe_interval);
    return rc;
}

void
rconn_set_dscp(struct rconn *rc, uint8_t dscp)
{
    rc->dscp = dscp;            /* Takes effect on the next connection. */
}

uint8_t
rconn_get_dscp(const struct rconn *rc)
{
    return rc->dscp;
}

void
rconn_set_max_backoff(struct rconn *rc, int max_backoff)
{
    rc->max_backoff = max_backoff > 0 ? max_backoff : 8;
    reconnect_set_backoff(rc->reconnect, 1000, rc->max_backoff * 1000);
}

int
rconn_get_max_backoff(const struct rconn *rc)
{
    return rc->max_backoff;
}

void
rconn_set_probe_interval(struct rconn *rc, int probe_interval)
{
    rc->probe_interval = MAX(0, probe_interval);
    reconnect_set_probe_interval(rc->reconnect, rc->probe_interval * 1000);
}

int
rconn_get_probe_interval(const struct rconn *rc)
{
    return rc->probe_interval;
}

uint32_t
rconn_get_allowed_versions(const struct rconn *rc)
{
    return rc->allowed_versions;
}

static void
set_names(struct rconn *rc, const char *target, const char *name)
{
    free(rc->target);
    free(rc->name);
    rc->target = xstrdup(target);
    rc->name = xstrdup(name ? name : target);
    reconnect_set_name(rc->reconnect, rc->name);
}

void
rconn_connect(struct rconn *rc, const char *target, const char *name)
{
    rconn_disconnect(rc);
    set_names(rc, target, name);
    rc->reliable = true;
    reconnect_set_max_tries(rc->reconnect, UINT_MAX);
    reconnect_enable(rc->reconnect, time_msec());
}

void
rconn_connect_unreliably(struct rconn *rc, struct vconn *vconn,
                         const char *name)
{
    long long int now = time_msec();

    rconn_disconnect(rc);
    set_names(rc, vconn_get_name(vconn), name);
    rc->reliable = false;
    rc->vconn = vconn;
    reconnect_set_max_tries(rc->reconnect, 0);
    reconnect_enable(rc->reconnect, now);
    reconnect_connecting(rc->reconnect, now);
}

/* Drops the connection now; a reliable rconn reconnects after backoff. */
void
rconn_reconnect(struct rconn *rc)
{
    if (rc->vconn) {
        VLOG_INFO("%s: disconnecting", rc->name);
        disconnect(rc, 0);
    }
}

/* Drops the connection and stops reconnecting. */
void
rconn_disconnect(struct rconn *rc)
{
    if (rc->vconn) {
        disconnect(rc, 0);
    }
    reconnect_disable(rc->reconnect, time_msec());
}

static void
flush_queue(struct rconn *rc)
{
    struct txq_entry *e;
    LIST_FOR_EACH_POP (e, node, &rc->txq) {
        if (e->counter) {
            rconn_packet_counter_dec(e->counter, e->msg->size);
        }
        ofpbuf_delete(e->msg);
        free(e);
    }
}

void
rconn_destroy(struct rconn *rc)
{
    if (rc) {
        if (rc->vconn) {
            disconnect(rc, 0);
        }
        flush_queue(rc);
        reconnect_destroy(rc->reconnect);
        free(rc->target);
        free(rc->name);
        free(rc);
    }
}

/* Closes the vconn and tells the state machine why. */
static void
disconnect(struct rconn *rc, int error)
{
    long long int now = time_msec();

    if (rc->connected) {
        /* A peer that hangs up is normal (ovs-ofctl does it after every
         * command); only real errors deserve a warning. */
        if (error_is_peer_hangup(error)) {
            VLOG_INFO("%s: connection closed by peer", rc->name);
        } else if (error) {
            VLOG_WARN("%s: connection dropped (%s)", rc->name,
                      ovs_strerror(error));
        }
        rc->last_disconnected = now;
        rc->seqno++;
        reconnect_disconnected(rc->reconnect, now, error);
    } else if (error) {
        VLOG_INFO("%s: connection failed (%s)", rc->name,
                  error == EOF ? "End of file" : ovs_strerror(error));
        reconnect_connect_failed(rc->reconnect, now, error);
    } else {
        reconnect_disconnected(rc->reconnect, now, 0);
    }
    if (error) {
        rc->last_error = error;
    }
    vconn_close(rc->vconn);
    rc->vconn = NULL;
    rc->connected = false;
    flush_queue(rc);
}

/* Shows 'msg' to the tap, if any.  Called once per message, after it left
 * or arrived, so that the tap sees the conversation in order and never
 * sees a message twice because the transport was busy. */
static void
tap_msg(const struct rconn *rc, const struct ofpbuf *msg)
{
    if (rc->tap) {
        rc->tap(msg, rc->tap_aux);
    }
}

/* Sends what the vconn accepts from the queue. */
static void
try_send(struct rconn *rc)
{
    while (rc->connected && !ovs_list_is_empty(&rc->txq)) {
        struct txq_entry *e = CONTAINER_OF(ovs_list_front(&rc->txq),
                                           struct txq_entry, node);
        size_t size = e->msg->size;

        /* The vconn owns the message once it accepts it: keep a copy for
         * the tap only when somebody is listening. */
        struct ofpbuf *copy = rc->tap ? ofpbuf_clone(e->msg) : NULL;
        int error = vconn_send(rc->vconn, e->msg);
        if (error) {
            ofpbuf_delete(copy);
            if (error != EAGAIN) {
                disconnect(rc, error);
            }
            break;
        }
        if (copy) {
            tap_msg(rc, copy);
            ofpbuf_delete(copy);
        }
        ovs_list_remove(&e->node);
        if (e->counter) {
            rconn_packet_counter_dec(e->counter, size);
        }
        free(e);
        rc->packets_sent++;
    }
}

static void
start_connecting(struct rconn *rc)
{
    long long int now = time_msec();
    int error = vconn_open(rc->target, rc->allowed_versions, rc->dscp,
                           &rc->vconn);
    if (error) {
        VLOG_WARN("%s: connection failed (%s)", rc->name,
                  ovs_strerror(error));
        rc->last_error = error;
        reconnect_connect_failed(rc->reconnect, now, error);
    } else {
        VLOG_INFO("%s: connecting...", rc->name);
        reconnect_connecting(rc->reconnect, now);
    }
}

static void
send_probe(struct rconn *rc)
{
    if (rc->connected) {
        /* Queued like any message, so it keeps its place and the tap
         * sees it. */
        rconn_send(rc, ofpraw_alloc(OFPRAW_OFPT_ECHO_REQUEST,
                                    vconn_get_version(rc->vconn), 0), NULL);
    }
}

void
rconn_run(struct rconn *rc)
{
    long long int now = time_msec();

    if (rc->vconn) {
        vconn_run(rc->vconn);
        if (!rc->connected) {
            int error = vconn_connect(rc->vconn);
            if (!error) {
                VLOG_INFO("%s: connected", rc->name);
                rc->connected = true;
                rc->last_connected = now;
                rc->seqno++;
                reconnect_connected(rc->reconnect, now);
            } else if (error != EAGAIN) {
                disconnect(rc, error);
            }
        }
    }

    for (;;) {
        enum reconnect_action action = reconnect_run(rc->reconnect, now);
        if (!action) {
            break;
        }
        if (action == RECONNECT_CONNECT) {
            if (rc->reliable && rc->target && !rc->vconn) {
                start_connecting(rc);
            }
            break;
        } else if (action == RECONNECT_DISCONNECT) {
            if (rc->vconn) {
                VLOG_ERR("%s: no response to inactivity probe after %d "
                         "seconds, disconnecting", rc->name,
                         rc->probe_interval);
                disconnect(rc, ETIMEDOUT);
            } else {
                break;
            }
        } else if (action == RECONNECT_PROBE) {
            send_probe(rc);
            break;
        }
    }

    try_send(rc);
}

void
rconn_run_wait(struct rconn *rc)
{
    if (rc->vconn) {
        vconn_run_wait(rc->vconn);
        if (!rc->connected) {
            vconn_connect_wait(rc->vconn);
        } else if (!ovs_list_is_empty(&rc->txq)) {
            vconn_send_wait(rc->vconn);
        }
    }
    reconnect_wait(rc->reconnect, time_msec());
}

static bool
is_admitted_msg(const struct ofpbuf *msg)
{
    enum ofptype type;
    return (ofptype_decode(&type, msg->data)
            || (type != OFPTYPE_HELLO && type != OFPTYPE_ERROR
                && type != OFPTYPE_ECHO_REQUEST
                && type != OFPTYPE_ECHO_REPLY));
}

/* Returns the next message received (owned by the caller), or NULL. */
struct ofpbuf *
rconn_recv(struct rconn *rc)
{
    while (rc->connected) {
        struct ofpbuf *msg;
        int error = vconn_recv(rc->vconn, &msg);
        if (error) {
            if (error != EAGAIN) {
                disconnect(rc, error);
            }
            return NULL;
        }

        long long int now = time_msec();
        reconnect_activity(rc->reconnect, now);
        rc->packets_received++;
        tap_msg(rc, msg);

        enum ofptype type;
        const struct ofp_header *oh = msg->data;
        if (!ofptype_decode(&type, oh) && type == OFPTYPE_ECHO_REQUEST) {
            struct ofpbuf *reply = ofpraw_alloc_reply(OFPRAW_OFPT_ECHO_REPLY,
                                                      oh, msg->size);
            ofpbuf_put(reply, oh + 1, msg->size - sizeof *oh);
            ofpmsg_update_length(reply);
            rconn_send(rc, reply, NULL);
            ofpbuf_delete(msg);
            continue;
        } else if (!ofptype_decode(&type, oh)
                   && type == OFPTYPE_ECHO_REPLY) {
            ofpbuf_delete(msg);
            continue;
        }
        if (is_admitted_msg(msg)) {
            rc->last_admitted = now;
        }
        return msg;
    }
    return NULL;
}

void
rconn_recv_wait(struct rconn *rc)
{
    if (rc->connected) {
        vconn_recv_wait(rc->vconn);
    }
}

int
rconn_send(struct rconn *rc, struct ofpbuf *msg,
           struct rconn_packet_counter *counter)
{
    if (!rc->connected) {
        ofpbuf_delete(msg);
        return ENOTCONN;
    }

    struct txq_entry *e = xmalloc(sizeof *e);
    e->msg = msg;
    e->counter = counter;
    if (counter) {
        rconn_packet_counter_inc(counter, msg->size);
    }
    ovs_list_push_back(&rc->txq, &e->node);
    try_send(rc);
    return 0;
}

int
rconn_send_with_limit(struct rconn *rc, struct ofpbuf *msg,
                      struct rconn_packet_counter *counter, int queue_limit)
{
    if (counter && counter->n_packets >= queue_limit) {
        ofpbuf_delete(msg);
        return EAGAIN;
    }
    return rconn_send(rc, msg, counter);
}

void
rconn_set_tap(struct rconn *rc, rconn_tap_cb *tap, void *aux)
{
    rc->tap = tap;
    rc->tap_aux = aux;
}

const char *
rconn_get_name(const struct rconn *rc)
{
    return rc->name;
}

void
rconn_set_name(struct rconn *rc, const char *name)
{
    free(rc->name);
    rc->name = xstrdup(name);
    reconnect_set_name(rc->reconnect, name);
}

const char *
rconn_get_target(const struct rconn *rc)
{
    return rc->target;
}

/* True if connected or (for a reliable rconn) trying to be. */
bool
rconn_is_alive(const struct rconn *rc)
{
    return rc->vconn != NULL || (rc->reliable && rc->target != NULL);
}

bool
rconn_is_connected(const struct rconn *rc)
{
    return rc->connected;
}

bool
rconn_is_admitted(const struct rconn *rc)
{
    return rc->connected && rc->last_admitted >= rc->last_connected;
}

/* Seconds since the connection last carried an admitted message, 0 if it
 * does now. */
int
rconn_failure_duration(const struct rconn *rc)
{
    if (rconn_is_admitted(rc)) {
        return 0;
    }
    long long int since = MAX(rc->last_admitted, rc->last_disconnected);
    return since == LLONG_MIN ? 0 : (time_msec() - since) / 1000;
}

int
rconn_get_version(const struct rconn *rc)
{
    return rc->connected ? vconn_get_version(rc->vconn) : -1;
}

const char *
rconn_get_state(const struct rconn *rc)
{
    return (!rc->target ? "VOID"
            : rc->connected ? (rconn_is_admitted(rc) ? "ACTIVE" : "IDLE")
            : rc->vconn ? "CONNECTING"
            : rc->reliable ? "BACKOFF"
            : "DISCONNECTED");
}

long long int
rconn_get_last_connection(const struct rconn *rc)
{
    return rc->last_connected;
}

long long int
rconn_get_last_disconnect(const struct rconn *rc)
{
    return rc->last_disconnected;
}

/* Changes every time the rconn connects or disconnects. */
unsigned int
rconn_get_connection_seqno(const struct rconn *rc)
{
    return rc->seqno;
}

int
rconn_get_last_error(const struct rconn *rc)
{
    return rc->last_error;
}

unsigned int
rconn_count_txqlen(const struct rconn *rc)
{
    return ovs_list_size(&rc->txq);
}

unsigned int
rconn_packets_sent(const struct rconn *rc)
{
    return rc->packets_sent;
}

unsigned int
rconn_packets_received(const struct rconn *rc)
{
    return rc->packets_received;
}

/* Packet counters. */

struct rconn_packet_counter *
rconn_packet_counter_create(void)
{
    struct rconn_packet_counter *c = xzalloc(sizeof *c);
    c->ref_cnt = 1;
    return c;
}

/* Drops a reference; the counter goes away once no queued message refers
 * to it either. */
void
rconn_packet_counter_destroy(struct rconn_packet_counter *c)
{
    if (c) {
        ovs_assert(c->ref_cnt > 0);
        if (--c->ref_cnt == 0 && !c->n_packets) {
            free(c);
        }
    }
}

void
rconn_packet_counter_inc(struct rconn_packet_counter *c, unsigned int n_bytes)
{
    if (!c->n_packets++) {
        c->ref_cnt++;           /* Queued messages hold a reference. */
    }
    c->n_bytes += n_bytes;
}

void
rconn_packet_counter_dec(struct rconn_packet_counter *c, unsigned int n_bytes)
{
    ovs_assert(c->n_packets > 0 && c->n_bytes >= n_bytes);
    c->n_bytes -= n_bytes;
    if (!--c->n_packets && !--c->ref_cnt) {
        free(c);
    }
}

unsigned int
rconn_packet_counter_n_packets(const struct rconn_packet_counter *c)
{
    return c->n_packets;
}

unsigned int
rconn_packet_counter_n_bytes(const struct rconn_packet_counter *c)
{
    return c->n_bytes;
}
