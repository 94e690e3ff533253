/*
 * OpenFlow connections: version negotiation and message exchange.
 *
 * A new vconn goes through these states:
 *
 *     TRANSPORT -> OUR_HELLO -> THEIR_HELLO -> READY
 *                                      \-> REFUSE -> CLOSED
 *
 * Our hello offers every version in 'allowed_versions' (with a version
 * bitmap when the set has holes).  The peer's hello tells which versions
 * it accepts; the connection then uses the highest version both accept.
 * With no common version we send an OFPHFC_INCOMPATIBLE error that says
 * what each side supports, and give up with EPROTO.
 *
 * Once connected, messages of another version than the negotiated one are
 * refused with OFPBRC_BAD_VERSION (unless the owner asked to receive any
 * version), except hello, error and echo, which are version-independent
 * enough to pass.
 */

#include <config.h>
#include "vconn.h"
#include "vconn-provider.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "stream.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(vconn);

static struct vlog_rate_limit bad_ofmsg_rl = VLOG_RATE_LIMIT_INIT(1, 5);

enum vconn_step {
    STEP_TRANSPORT,
    STEP_OUR_HELLO,
    STEP_THEIR_HELLO,
    STEP_READY,
    STEP_REFUSE,
    STEP_CLOSED
};

static const struct vconn_class *const vconn_classes[] = {
    &stream_vconn_class,
};

static const struct pvconn_class *const pvconn_classes[] = {
    &pstream_pvconn_class,
};

/* Highest version in bitmap 'versions' (which must be nonzero). */
static enum ofp_version
highest_version(uint32_t versions)
{
    return 31 - __builtin_clz(versions);
}

void
vconn_usage(bool active, bool passive, bool bootstrap)
{
    stream_usage("OpenFlow", active, passive, bootstrap);
}

void
vconn_init(struct vconn *vconn, const struct vconn_class *vclass,
           int connect_status, const char *name, uint32_t allowed_versions)
{
    memset(vconn, 0, sizeof *vconn);
    vconn->vclass = vclass;
    vconn->state = (connect_status == EAGAIN ? STEP_TRANSPORT
                    : !connect_status ? STEP_OUR_HELLO
                    : STEP_CLOSED);
    vconn->error = connect_status == EAGAIN ? 0 : connect_status;
    vconn->allowed_versions = allowed_versions;
    vconn->name = xstrdup(name);
}

void
pvconn_init(struct pvconn *pvconn, const struct pvconn_class *pvclass,
            const char *name, uint32_t allowed_versions)
{
    pvconn->pvclass = pvclass;
    pvconn->name = xstrdup(name);
    pvconn->allowed_versions = allowed_versions;
}

static const struct vconn_class *
find_vconn_class(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(vconn_classes); i++) {
        if (!vconn_classes[i]->verify(name)) {
            return vconn_classes[i];
        }
    }
    return NULL;
}

static const struct pvconn_class *
find_pvconn_class(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(pvconn_classes); i++) {
        if (!pvconn_classes[i]->verify(name)) {
            return pvconn_classes[i];
        }
    }
    return NULL;
}

/* Returns 0 if 'name' is a valid active connection name, otherwise
 * EAFNOSUPPORT. */
int
vconn_verify_name(const char *name)
{
    return find_vconn_class(name) ? 0 : EAFNOSUPPORT;
}

int
pvconn_verify_name(const char *name)
{
    return find_pvconn_class(name) ? 0 : EAFNOSUPPORT;
}

/* Starts connecting to 'name' and stores the new vconn (owned by the
 * caller, closed with vconn_close()) in '*vconnp'.  Returns 0 even if the
 * connection is still in progress, otherwise an errno value with
 * '*vconnp' set to NULL.  0 for 'allowed_versions' means the defaults. */
int
vconn_open(const char *name, uint32_t allowed_versions, uint8_t dscp,
           struct vconn **vconnp)
{
    const struct vconn_class *vclass = find_vconn_class(name);

    *vconnp = NULL;
    if (!vclass) {
        return EAFNOSUPPORT;
    }
    if (!allowed_versions) {
        allowed_versions = OFPUTIL_DEFAULT_VERSIONS;
    }
    return vclass->open(name, allowed_versions, dscp, vconnp);
}

void
vconn_close(struct vconn *vconn)
{
    if (vconn) {
        char *name = vconn->name;
        vconn->vclass->close(vconn);
        free(name);
    }
}

const char *
vconn_get_name(const struct vconn *vconn)
{
    return vconn->name;
}

uint32_t
vconn_get_allowed_versions(const struct vconn *vconn)
{
    return vconn->allowed_versions;
}

/* Changes the versions 'vconn' offers; only effective before the hello is
 * sent. */
void
vconn_set_allowed_versions(struct vconn *vconn, uint32_t allowed_versions)
{
    vconn->allowed_versions = allowed_versions;
}

/* Returns the negotiated version, or -1 if negotiation is not done. */
int
vconn_get_version(const struct vconn *vconn)
{
    return vconn->version ? vconn->version : -1;
}

void
vconn_set_recv_any_version(struct vconn *vconn)
{
    vconn->recv_any_version = true;
}

/* Returns 0 if connected, EAGAIN if still negotiating, otherwise the
 * error that ended the connection. */
int
vconn_get_status(const struct vconn *vconn)
{
    return (vconn->state == STEP_READY ? 0
            : vconn->state == STEP_CLOSED ? vconn->error
            : EAGAIN);
}

static void
format_versions(struct ds *s, uint32_t versions)
{
    ds_put_cstr(s, versions & (versions - 1) ? "versions " : "version ");
    ofputil_format_version_bitmap(s, versions);
}

/* Moves to 'next' on success, stays put on EAGAIN, and closes with
 * 'status' as the reason otherwise. */
static void
advance(struct vconn *vconn, int status, enum vconn_step next)
{
    if (status == EAGAIN) {
        return;
    }
    vconn->state = status ? STEP_CLOSED : next;
    if (status) {
        vconn->error = status;
    }
}

static void
step_transport(struct vconn *vconn)
{
    advance(vconn, vconn->vclass->connect(vconn), STEP_OUR_HELLO);
}

static void
step_our_hello(struct vconn *vconn)
{
    struct ofpbuf *hello = ofputil_encode_hello(vconn->allowed_versions);
    int status = vconn->vclass->send(vconn, hello);

    if (status) {
        ofpbuf_delete(hello);   /* Not taken by the class. */
    }
    advance(vconn, status, STEP_THEIR_HELLO);
}

static void
step_their_hello(struct vconn *vconn)
{
    struct ofpbuf *b;
    int retval = vconn->vclass->recv(vconn, &b);

    if (retval) {
        if (retval != EAGAIN) {
            vconn->state = STEP_CLOSED;
            vconn->error = retval == EOF ? ECONNRESET : retval;
        }
        return;
    }

    const struct ofp_header *oh = b->data;
    enum ofptype type;
    if (!ofptype_decode(&type, oh) && type == OFPTYPE_HELLO) {
        uint32_t peer;
        if (!ofputil_decode_hello(oh, &peer)) {
            VLOG_WARN_RL(&bad_ofmsg_rl, "%s: ignoring unknown data in "
                         "hello", vconn->name);
        }
        vconn->peer_versions = peer;

        uint32_t common = vconn->allowed_versions & peer;
        if (common) {
            vconn->version = highest_version(common);
            vconn->state = STEP_READY;
            VLOG_DBG("%s: using OpenFlow version 0x%02x", vconn->name,
                     vconn->version);
        } else {
            struct ds msg = DS_EMPTY_INITIALIZER;
            ds_put_cstr(&msg, "we support ");
            format_versions(&msg, vconn->allowed_versions);
            ds_put_cstr(&msg, ", peer supports ");
            format_versions(&msg, peer);
            VLOG_WARN_RL(&bad_ofmsg_rl, "%s: version negotiation failed "
                         "(%s)", vconn->name, ds_cstr(&msg));
            ds_destroy(&msg);
            vconn->state = STEP_REFUSE;
        }
    } else {
        char *s = ofp_to_string(b->data, b->size, NULL, 1);
        VLOG_WARN_RL(&bad_ofmsg_rl, "%s: received message while expecting "
                     "hello: %s", vconn->name, s);
        free(s);
        vconn->state = STEP_CLOSED;
        vconn->error = EPROTO;
    }
    ofpbuf_delete(b);
}

static void
step_refuse(struct vconn *vconn)
{
    struct ds text = DS_EMPTY_INITIALIZER;

    ds_put_cstr(&text, "We support ");
    format_versions(&text, vconn->allowed_versions);
    ds_put_cstr(&text, ", you support ");
    format_versions(&text, vconn->peer_versions);
    ds_put_cstr(&text, ", no common versions");

    struct ofpbuf *b = ofperr_encode_hello(
        OFPERR_OFPHFC_INCOMPATIBLE,
        highest_version(vconn->allowed_versions), ds_cstr(&text));
    ds_destroy(&text);

    int retval = vconn->vclass->send(vconn, b);
    if (retval) {
        ofpbuf_delete(b);
    }
    if (retval != EAGAIN) {
        vconn->state = STEP_CLOSED;
        vconn->error = EPROTO;
    }
}

/* Advances negotiation as far as possible.  Returns 0 when connected,
 * EAGAIN while in progress, or the error that ended the connection. */
int
vconn_connect(struct vconn *vconn)
{
    static void (*const steps[])(struct vconn *) = {
        [STEP_TRANSPORT] = step_transport,
        [STEP_OUR_HELLO] = step_our_hello,
        [STEP_THEIR_HELLO] = step_their_hello,
        [STEP_REFUSE] = step_refuse,
    };

    /* Each step either moves on (then try the next one at once) or has
     * to wait for the peer. */
    for (;;) {
        int before = vconn->state;
        if (before == STEP_READY) {
            return 0;
        } else if (before == STEP_CLOSED) {
            return vconn->error;
        }
        steps[before](vconn);
        if (vconn->state == before) {
            return EAGAIN;
        }
    }
}

/* Messages of these types pass even with a different version. */
static bool
version_independent(const struct ofp_header *oh)
{
    enum ofptype type;
    return (!ofptype_decode(&type, oh)
            && (type == OFPTYPE_HELLO || type == OFPTYPE_ERROR
                || type == OFPTYPE_ECHO_REQUEST
                || type == OFPTYPE_ECHO_REPLY));
}

/* Receives the next message.  On success stores it in '*msgp' (owned by
 * the caller) and returns 0; otherwise returns EAGAIN, EOF or an error
 * with '*msgp' NULL. */
int
vconn_recv(struct vconn *vconn, struct ofpbuf **msgp)
{
    *msgp = NULL;

    int retval = vconn_connect(vconn);
    if (retval) {
        return retval;
    }

    struct ofpbuf *msg;
    retval = vconn->vclass->recv(vconn, &msg);
    if (retval) {
        return retval;
    }

    const struct ofp_header *oh = msg->data;
    if (oh->version != vconn->version && !vconn->recv_any_version
        && !version_independent(oh)) {
        VLOG_ERR_RL(&bad_ofmsg_rl, "%s: received OpenFlow version 0x%02"
                    PRIx8" != expected %02x", vconn->name, oh->version,
                    vconn->version);
        struct ofpbuf *reply = ofperr_encode_reply(OFPERR_OFPBRC_BAD_VERSION,
                                                   oh);
        ofpbuf_delete(msg);
        if (vconn->vclass->send(vconn, reply)) {
            ofpbuf_delete(reply);
        }
        return EAGAIN;
    }

    if (VLOG_IS_DBG_ENABLED()) {
        char *s = ofp_to_string(msg->data, msg->size, NULL, 1);
        VLOG_DBG("%s: received: %s", vconn->name, s);
        free(s);
    }
    *msgp = msg;
    return 0;
}

/* Sends 'msg' (whose header length is updated first).  Takes ownership of
 * 'msg' on success; on EAGAIN or error the caller keeps it. */
int
vconn_send(struct vconn *vconn, struct ofpbuf *msg)
{
    int retval = vconn_connect(vconn);
    if (retval) {
        return retval;
    }

    ovs_assert(msg->size >= sizeof(struct ofp_header));
    struct ofp_header *oh = msg->data;
    oh->length = htons(msg->size);

    if (VLOG_IS_DBG_ENABLED()) {
        char *s = ofp_to_string(msg->data, msg->size, NULL, 1);
        VLOG_DBG("%s: sent: %s", vconn->name, s);
        free(s);
    }
    return vconn->vclass->send(vconn, msg);
}

void
vconn_run(struct vconn *vconn)
{
    if (vconn->state < STEP_READY || vconn->state == STEP_REFUSE) {
        vconn_connect(vconn);
    }
    if (vconn->vclass->run) {
        vconn->vclass->run(vconn);
    }
}

void
vconn_run_wait(struct vconn *vconn)
{
    if (vconn->state < STEP_READY || vconn->state == STEP_REFUSE) {
        vconn_connect_wait(vconn);
    }
    if (vconn->vclass->run_wait) {
        vconn->vclass->run_wait(vconn);
    }
}

void
vconn_wait(struct vconn *vconn, enum vconn_wait_type wait)
{
    if (vconn->state == STEP_CLOSED) {
        poll_immediate_wake();  /* The caller will see the error. */
        return;
    }
    if (vconn->state != STEP_READY) {
        /* While negotiating, what we wait for depends on the step, not on
         * what the caller wants to do next. */
        static const enum vconn_wait_type step_waits[] = {
            [STEP_TRANSPORT] = WAIT_CONNECT,
            [STEP_OUR_HELLO] = WAIT_SEND,
            [STEP_THEIR_HELLO] = WAIT_RECV,
            [STEP_REFUSE] = WAIT_SEND,
        };
        wait = step_waits[vconn->state];
    }
    vconn->vclass->wait(vconn, wait);
}

/* Shorthands for vconn_wait(). */
void
vconn_send_wait(struct vconn *vconn)
{
    vconn_wait(vconn, WAIT_SEND);
}

void
vconn_connect_wait(struct vconn *vconn)
{
    vconn_wait(vconn, WAIT_CONNECT);
}

void
vconn_recv_wait(struct vconn *vconn)
{
    vconn_wait(vconn, WAIT_RECV);
}

/* ---- Blocking helpers ---- */

static long long int
deadline_for(long long int timeout)
{
    return timeout >= 0 ? time_msec() + timeout : LLONG_MAX;
}

int
vconn_connect_block(struct vconn *vconn, long long int timeout)
{
    long long int deadline = deadline_for(timeout);
    int error;

    for (;;) {
        error = vconn_connect(vconn);
        if (error != EAGAIN) {
            return error;
        } else if (time_msec() >= deadline) {
            return ETIMEDOUT;
        }
        vconn_run(vconn);
        vconn_connect_wait(vconn);
        vconn_run_wait(vconn);
        if (timeout >= 0) {
            poll_timer_wait_until(deadline);
        }
        poll_block();
    }
}

/* Opens 'name' and waits for negotiation to finish.  On failure closes
 * the vconn and stores NULL in '*vconnp'. */
int
vconn_open_block(const char *name, uint32_t allowed_versions, uint8_t dscp,
                 long long int timeout, struct vconn **vconnp)
{
    struct vconn *vconn;
    int error = vconn_open(name, allowed_versions, dscp, &vconn);
    if (!error) {
        error = vconn_connect_block(vconn, timeout);
    }
    if (error) {
        vconn_close(vconn);
        vconn = NULL;
    }
    *vconnp = vconn;
    return error;
}

int
vconn_send_block(struct vconn *vconn, struct ofpbuf *msg)
{
    int error;

    while ((error = vconn_send(vconn, msg)) == EAGAIN) {
        vconn_run(vconn);
        vconn_run_wait(vconn);
        vconn_send_wait(vconn);
        poll_block();
    }
    return error;
}

int
vconn_recv_block(struct vconn *vconn, struct ofpbuf **msgp)
{
    int error;

    while ((error = vconn_recv(vconn, msgp)) == EAGAIN) {
        vconn_run(vconn);
        vconn_run_wait(vconn);
        vconn_recv_wait(vconn);
        poll_block();
    }
    return error;
}

/* Receives messages until one with transaction id 'xid' arrives, stores
 * it in '*replyp' and returns 0.  Answers echo requests that arrive
 * meanwhile and drops other messages. */
int
vconn_recv_xid(struct vconn *vconn, ovs_be32 xid, struct ofpbuf **replyp)
{
    for (;;) {
        struct ofpbuf *reply;
        int error = vconn_recv_block(vconn, &reply);
        if (error) {
            *replyp = NULL;
            return error;
        }

        const struct ofp_header *oh = reply->data;
        if (oh->xid == xid) {
            *replyp = reply;
            return 0;
        }

        enum ofptype type;
        if (!ofptype_decode(&type, oh) && type == OFPTYPE_ECHO_REQUEST) {
            struct ofpbuf *echo = ofpraw_alloc_reply(OFPRAW_OFPT_ECHO_REPLY,
                                                     oh, reply->size);
            ofpbuf_put(echo, oh + 1, reply->size - sizeof *oh);
            ofpmsg_update_length(echo);
            if (vconn_send_block(vconn, echo)) {
                ofpbuf_delete(echo);
            }
        } else {
            VLOG_DBG_RL(&bad_ofmsg_rl, "%s: received reply with xid %08"
                        PRIx32" != expected %08"PRIx32, vconn->name,
                        ntohl(oh->xid), ntohl(xid));
        }
        ofpbuf_delete(reply);
    }
}

/* Sends 'request' (taking ownership) and waits for the reply with the same
 * transaction id, which it stores in '*replyp' (owned by the caller). */
int
vconn_transact(struct vconn *vconn, struct ofpbuf *request,
               struct ofpbuf **replyp)
{
    const struct ofp_header *oh = request->data;
    ovs_be32 xid = oh->xid;

    *replyp = NULL;
    int error = vconn_send_block(vconn, request);
    if (error) {
        ofpbuf_delete(request);
        return error;
    }
    return vconn_recv_xid(vconn, xid, replyp);
}

static struct ofpbuf *
make_barrier(enum ofp_version version)
{
    return ofpraw_alloc(version == OFP10_VERSION
                        ? OFPRAW_OFPT10_BARRIER_REQUEST
                        : OFPRAW_OFPT11_BARRIER_REQUEST, version, 0);
}

/* Sends every message in 'requests' (taking ownership) followed by a
 * barrier, and waits for the barrier reply.  If any request drew a reply
 * (normally an error), the first such reply is stored in '*replyp' (owned
 * by the caller), otherwise NULL. */
int
vconn_transact_multiple_noreply(struct vconn *vconn,
                                struct ovs_list *requests,
                                struct ofpbuf **replyp)
{
    struct ofpbuf *request;
    int error = 0;

    *replyp = NULL;
    LIST_FOR_EACH_POP (request, list_node, requests) {
        if (!error) {
            error = vconn_send_block(vconn, request);
        }
        if (error) {
            ofpbuf_delete(request);
        }
    }
    if (error) {
        return error;
    }

    struct ofpbuf *barrier = make_barrier(vconn->version);
    ovs_be32 barrier_xid = ((const struct ofp_header *) barrier->data)->xid;
    error = vconn_send_block(vconn, barrier);
    if (error) {
        ofpbuf_delete(barrier);
        return error;
    }

    /* Everything before the barrier reply answers one of our requests. */
    for (;;) {
        struct ofpbuf *msg;
        error = vconn_recv_block(vconn, &msg);
        if (error) {
            return error;
        }
        const struct ofp_header *oh = msg->data;
        enum ofptype type;
        if (oh->xid == barrier_xid) {
            ofpbuf_delete(msg);
            return 0;
        } else if (!ofptype_decode(&type, oh)
                   && type == OFPTYPE_ECHO_REQUEST) {
            struct ofpbuf *echo = ofpraw_alloc_reply(OFPRAW_OFPT_ECHO_REPLY,
                                                     oh, msg->size);
            ofpbuf_put(echo, oh + 1, msg->size - sizeof *oh);
            ofpmsg_update_length(echo);
            if (vconn_send_block(vconn, echo)) {
                ofpbuf_delete(echo);
            }
            ofpbuf_delete(msg);
        } else if (!*replyp) {
            *replyp = msg;
        } else {
            ofpbuf_delete(msg);
        }
    }
}

int
vconn_transact_noreply(struct vconn *vconn, struct ofpbuf *request,
                       struct ofpbuf **replyp)
{
    struct ovs_list requests;

    ovs_list_init(&requests);
    ovs_list_push_back(&requests, &request->list_node);
    return vconn_transact_multiple_noreply(vconn, &requests, replyp);
}

/* ---- Passive connections ---- */

int
pvconn_open(const char *name, uint32_t allowed_versions, uint8_t dscp,
            struct pvconn **pvconnp)
{
    const struct pvconn_class *pvclass = find_pvconn_class(name);

    *pvconnp = NULL;
    if (!pvclass) {
        return EAFNOSUPPORT;
    }
    if (!allowed_versions) {
        allowed_versions = OFPUTIL_DEFAULT_VERSIONS;
    }
    return pvclass->listen(name, allowed_versions, dscp, pvconnp);
}

const char *
pvconn_get_name(const struct pvconn *pvconn)
{
    return pvconn->name;
}

void
pvconn_close(struct pvconn *pvconn)
{
    if (pvconn) {
        char *name = pvconn->name;
        pvconn->pvclass->close(pvconn);
        free(name);
    }
}

/* Accepts a connection; the new vconn (owned by the caller) still has to
 * negotiate, which vconn_connect() and the other calls do. */
int
pvconn_accept(struct pvconn *pvconn, struct vconn **new_vconnp)
{
    *new_vconnp = NULL;
    return pvconn->pvclass->accept(pvconn, new_vconnp);
}

void
pvconn_wait(struct pvconn *pvconn)
{
    pvconn->pvclass->wait(pvconn);
}
