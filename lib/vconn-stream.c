/*
 * OpenFlow connections over byte streams.
 *
 * A stream delivers bytes in arbitrary pieces; this class cuts them into
 * OpenFlow messages using the length in each header, and queues a message
 * whose sending the stream could only partly accept.  Every stream type
 * (tcp:, ssl:, unix: and their passive forms) works the same way, so
 * there is one class for all of them.
 */

#include <config.h>
#include "vconn-provider.h"

#include <errno.h>
#include <stdlib.h>
#include <arpa/inet.h>

#include "openflow/openflow-common.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "stream.h"

VLOG_DEFINE_THIS_MODULE(vconn_stream);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

struct vconn_stream {
    struct vconn vconn;
    struct stream *stream;
    struct ofpbuf *rxbuf;       /* Message being received, or NULL. */
    struct ofpbuf *txbuf;       /* Rest of a message being sent, or NULL. */
};

static struct vconn_stream *
vconn_stream_cast(struct vconn *vconn)
{
    return CONTAINER_OF(vconn, struct vconn_stream, vconn);
}

static struct vconn *
vconn_stream_new(struct stream *stream, int connect_status,
                 uint32_t allowed_versions)
{
    struct vconn_stream *s = xzalloc(sizeof *s);
    vconn_init(&s->vconn, &stream_vconn_class, connect_status,
               stream_get_name(stream), allowed_versions);
    s->stream = stream;
    return &s->vconn;
}

static int
vconn_stream_verify(const char *name)
{
    return stream_verify_name(name);
}

static int
vconn_stream_open(const char *name, uint32_t allowed_versions, uint8_t dscp,
                  struct vconn **vconnp)
{
    struct stream *stream;
    int error = stream_open_with_default_port(name, OFP_PORT, &stream, dscp);
    if (error) {
        return error;
    }
    error = stream_connect(stream);
    if (error && error != EAGAIN) {
        stream_close(stream);
        return error;
    }
    *vconnp = vconn_stream_new(stream, error, allowed_versions);
    return 0;
}

static void
vconn_stream_close(struct vconn *vconn)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);

    stream_close(s->stream);
    ofpbuf_delete(s->rxbuf);
    ofpbuf_delete(s->txbuf);
    free(s);
}

static int
vconn_stream_connect(struct vconn *vconn)
{
    return stream_connect(vconn_stream_cast(vconn)->stream);
}

/* Reads until 'rxbuf' holds 'want' bytes.  Returns 0 when it does, else
 * EAGAIN, EOF or an error. */
static int
read_until(struct vconn_stream *s, size_t want)
{
    while (s->rxbuf->size < want) {
        size_t n = want - s->rxbuf->size;
        ofpbuf_prealloc_tailroom(s->rxbuf, n);
        int retval = stream_recv(s->stream, ofpbuf_tail(s->rxbuf), n);
        if (retval > 0) {
            s->rxbuf->size += retval;
        } else if (retval == 0) {
            if (s->rxbuf->size) {
                VLOG_ERR_RL(&rl, "%s: connection dropped mid-packet",
                            s->vconn.name);
                return EPROTO;
            }
            return EOF;
        } else {
            return -retval;
        }
    }
    return 0;
}

static int
vconn_stream_recv(struct vconn *vconn, struct ofpbuf **msgp)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);
    int error;

    if (!s->rxbuf) {
        s->rxbuf = ofpbuf_new(1564);
    }

    error = read_until(s, sizeof(struct ofp_header));
    if (error) {
        return error;
    }
    const struct ofp_header *oh = s->rxbuf->data;
    size_t length = ntohs(oh->length);
    if (length < sizeof *oh) {
        VLOG_ERR_RL(&rl, "%s: received too-short ofp_header (%zu bytes)",
                    vconn->name, length);
        return EPROTO;
    }

    error = read_until(s, length);
    if (error) {
        return error;
    }
    *msgp = s->rxbuf;
    s->rxbuf = NULL;
    return 0;
}

/* Tries to push out the rest of 'txbuf'. */
static void
flush_txbuf(struct vconn_stream *s)
{
    int retval = stream_send(s->stream, s->txbuf->data, s->txbuf->size);
    if (retval >= 0) {
        ofpbuf_pull(s->txbuf, retval);
        if (!s->txbuf->size) {
            ofpbuf_delete(s->txbuf);
            s->txbuf = NULL;
        }
    } else if (retval != -EAGAIN) {
        VLOG_ERR_RL(&rl, "%s: send: %s", s->vconn.name,
                    ovs_strerror(-retval));
        ofpbuf_delete(s->txbuf);
        s->txbuf = NULL;
    }
}

static int
vconn_stream_send(struct vconn *vconn, struct ofpbuf *msg)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);

    if (s->txbuf) {
        return EAGAIN;
    }

    int retval = stream_send(s->stream, msg->data, msg->size);
    if (retval == msg->size) {
        ofpbuf_delete(msg);
        return 0;
    } else if (retval >= 0 || retval == -EAGAIN) {
        /* Keep the rest for vconn_stream_run(). */
        s->txbuf = msg;
        if (retval > 0) {
            ofpbuf_pull(msg, retval);
        }
        return 0;
    }
    return -retval;
}

static void
vconn_stream_run(struct vconn *vconn)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);

    stream_run(s->stream);
    if (s->txbuf) {
        flush_txbuf(s);
    }
}

static void
vconn_stream_run_wait(struct vconn *vconn)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);

    /* A pending partial message needs room in the stream to go on. */
    if (s->txbuf) {
        stream_send_wait(s->stream);
    }
    stream_run_wait(s->stream);
}

static void
vconn_stream_wait(struct vconn *vconn, enum vconn_wait_type wait)
{
    struct vconn_stream *s = vconn_stream_cast(vconn);

    if (wait == WAIT_RECV) {
        stream_recv_wait(s->stream);
    } else if (wait == WAIT_CONNECT) {
        stream_connect_wait(s->stream);
    } else if (s->txbuf) {
        /* vconn_stream_send() refuses new messages until this one is
         * out. */
        stream_send_wait(s->stream);
    } else {
        poll_immediate_wake();
    }
}

const struct vconn_class stream_vconn_class = {
    .name = "stream",
    .verify = vconn_stream_verify,
    .open = vconn_stream_open,
    .close = vconn_stream_close,
    .connect = vconn_stream_connect,
    .recv = vconn_stream_recv,
    .send = vconn_stream_send,
    .run = vconn_stream_run,
    .run_wait = vconn_stream_run_wait,
    .wait = vconn_stream_wait,
};

/* Passive side. */

struct pvconn_pstream {
    struct pvconn pvconn;
    struct pstream *pstream;
};

static struct pvconn_pstream *
pvconn_pstream_cast(struct pvconn *pvconn)
{
    return CONTAINER_OF(pvconn, struct pvconn_pstream, pvconn);
}

static int
pvconn_pstream_verify(const char *name)
{
    return pstream_verify_name(name);
}

static int
pvconn_pstream_listen(const char *name, uint32_t allowed_versions,
                      uint8_t dscp, struct pvconn **pvconnp)
{
    struct pstream *pstream;
    int error = pstream_open_with_default_port(name, OFP_PORT, &pstream,
                                               dscp);
    if (error) {
        return error;
    }

    struct pvconn_pstream *listener = xzalloc(sizeof *listener);
    listener->pstream = pstream;
    pvconn_init(&listener->pvconn, &pstream_pvconn_class,
                pstream_get_name(pstream), allowed_versions);
    *pvconnp = &listener->pvconn;
    return 0;
}

static void
pvconn_pstream_close(struct pvconn *pvconn)
{
    struct pvconn_pstream *listener = pvconn_pstream_cast(pvconn);

    /* The name belongs to the generic layer, which frees it. */
    pstream_close(listener->pstream);
    free(listener);
}

static int
pvconn_pstream_accept(struct pvconn *pvconn, struct vconn **new_vconnp)
{
    struct stream *stream;
    int error = pstream_accept(pvconn_pstream_cast(pvconn)->pstream,
                               &stream);
    if (error) {
        if (error != EAGAIN) {
            VLOG_DBG_RL(&rl, "%s: accept: %s", pvconn->name,
                        ovs_strerror(error));
        }
        return error;
    }
    *new_vconnp = vconn_stream_new(stream, stream_connect(stream),
                                   pvconn->allowed_versions);
    return 0;
}

static void
pvconn_pstream_wait(struct pvconn *pvconn)
{
    pstream_wait(pvconn_pstream_cast(pvconn)->pstream);
}

const struct pvconn_class pstream_pvconn_class = {
    .name = "pstream",
    .verify = pvconn_pstream_verify,
    .listen = pvconn_pstream_listen,
    .close = pvconn_pstream_close,
    .accept = pvconn_pstream_accept,
    .wait = pvconn_pstream_wait,
};
