/* Generic stream code: picks the implementation from the name's prefix and
 * keeps the connection status that every kind of stream shares.
 *
 * An active stream starts in SCS_CONNECTING (unless its connection
 * completed at once) and moves to SCS_CONNECTED or SCS_DISCONNECTED the
 * first time stream_connect(), stream_recv() or stream_send() finds the
 * connection finished.  Keeping this here means implementations only say
 * "done", "not yet" or "failed" and never track state themselves, and a
 * failed connection reports the same error every time it is asked. */

#include <config.h>

#include "stream.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-provider.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(stream);

static const struct stream_class *const stream_classes[] = {
    &tcp_stream_class,
    &unix_stream_class,
    &ssl_stream_class,
};

static const struct pstream_class *const pstream_classes[] = {
    &ptcp_pstream_class,
    &punix_pstream_class,
    &pssl_pstream_class,
};

/* Returns the length of NAME's method prefix (before the ':'), or 0 if
 * NAME has no ':'. */
static size_t
prefix_len(const char *name)
{
    const char *colon = strchr(name, ':');
    return colon ? colon - name : 0;
}

static const struct stream_class *
find_stream_class(const char *name)
{
    size_t len = prefix_len(name);
    size_t i;

    for (i = 0; len && i < ARRAY_SIZE(stream_classes); i++) {
        const char *cname = stream_classes[i]->name;
        if (strlen(cname) == len && !strncmp(cname, name, len)) {
            return stream_classes[i];
        }
    }
    return NULL;
}

static const struct pstream_class *
find_pstream_class(const char *name)
{
    size_t len = prefix_len(name);
    size_t i;

    for (i = 0; len && i < ARRAY_SIZE(pstream_classes); i++) {
        const char *cname = pstream_classes[i]->name;
        if (strlen(cname) == len && !strncmp(cname, name, len)) {
            return pstream_classes[i];
        }
    }
    return NULL;
}

int
stream_verify_name(const char *name)
{
    return find_stream_class(name) ? 0 : EAFNOSUPPORT;
}

int
pstream_verify_name(const char *name)
{
    return find_pstream_class(name) ? 0 : EAFNOSUPPORT;
}

int
stream_or_pstream_needs_probes(const char *name)
{
    const struct stream_class *sc = find_stream_class(name);
    const struct pstream_class *pc = find_pstream_class(name);

    return sc ? sc->needs_probes : pc ? pc->needs_probes : -1;
}

void
stream_usage(const char *name, bool active, bool passive,
             bool bootstrap OVS_UNUSED)
{
    if (active) {
        printf("\nActive %s connection methods:\n", name);
        printf("  tcp:HOST:PORT           PORT at remote HOST\n"
               "  ssl:HOST:PORT           SSL PORT at remote HOST\n"
               "  unix:FILE               Unix domain socket named FILE\n");
    }
    if (passive) {
        printf("\nPassive %s connection methods:\n", name);
        printf("  ptcp:PORT[:IP]          listen to TCP PORT on IP\n"
               "  pssl:PORT[:IP]          listen for SSL on PORT on IP\n"
               "  punix:FILE              listen on Unix domain socket "
               "FILE\n");
    }
    printf("\nPKI configuration (required to use SSL):\n"
           "  -p, --private-key=FILE  file with private key\n"
           "  -c, --certificate=FILE  file with certificate for private "
           "key\n"
           "  -C, --ca-cert=FILE      file with peer CA certificate\n");
}

/* Active streams. */

int
stream_open(const char *name, struct stream **streamp, uint8_t dscp)
{
    const struct stream_class *class;
    struct stream *stream = NULL;
    char *suffix;
    int error;

    *streamp = NULL;
    class = find_stream_class(name);
    if (!class) {
        VLOG_WARN("%s: unknown stream type", name);
        return EAFNOSUPPORT;
    }

    suffix = xstrdup(name + strlen(class->name) + 1);
    error = class->open(name, suffix, &stream, dscp);
    free(suffix);
    if (error) {
        VLOG_DBG("%s: connection failed (%s)", name, ovs_strerror(error));
        return error;
    }
    *streamp = stream;
    return 0;
}

/* Returns a copy of NAME with ":DEFAULT_PORT" appended if NAME is a
 * "tcp:"/"ssl:" style name (METHOD_A or METHOD_B prefix) that lacks a
 * port, else a plain copy.  The caller frees it. */
static char *
add_default_port(const char *name, const char *method_a,
                 const char *method_b, uint16_t default_port)
{
    size_t len = prefix_len(name);
    const char *addr = name + len + 1;

    if (len
        && ((strlen(method_a) == len && !strncmp(name, method_a, len))
            || (strlen(method_b) == len && !strncmp(name, method_b, len)))) {
        /* The port comes after the host: after the last ']' for an IPv6
         * address, else after the first ':'. */
        const char *close = strrchr(addr, ']');
        const char *rest = close ? close + 1 : addr;

        if (addr[0] && !strchr(rest, ':')) {
            return xasprintf("%s:%"PRIu16, name, default_port);
        }
    }
    return xstrdup(name);
}

int
stream_open_with_default_port(const char *name, uint16_t default_port,
                              struct stream **streamp, uint8_t dscp)
{
    char *full = add_default_port(name, "tcp", "ssl", default_port);
    int error = stream_open(full, streamp, dscp);

    free(full);
    return error;
}

int
stream_open_block(int error, long long int timeout, struct stream **streamp)
{
    struct stream *stream = *streamp;
    long long int deadline = (timeout < 0 ? LLONG_MAX
                              : time_msec() + timeout);

    if (!error) {
        while ((error = stream_connect(stream)) == EAGAIN) {
            if (time_msec() >= deadline) {
                error = ETIMEDOUT;
                break;
            }
            stream_run(stream);
            stream_connect_wait(stream);
            stream_run_wait(stream);
            poll_timer_wait_until(deadline);
            poll_block();
        }
    }
    if (error) {
        stream_close(stream);
        *streamp = NULL;
    }
    return error;
}

void
stream_close(struct stream *stream)
{
    if (stream) {
        char *name = stream->name;
        char *peer_id = stream->peer_id;

        stream->class->close(stream);
        free(name);
        free(peer_id);
    }
}

const char *
stream_get_name(const struct stream *stream)
{
    return stream ? stream->name : "(null)";
}

const char *
stream_get_peer_id(const struct stream *stream)
{
    return stream->peer_id;
}

void
stream_set_peer_id(struct stream *stream, const char *peer_id)
{
    free(stream->peer_id);
    stream->peer_id = peer_id ? xstrdup(peer_id) : NULL;
}

int
stream_connect(struct stream *stream)
{
    if (stream->state == SCS_CONNECTING) {
        int error = (stream->class->connect
                     ? stream->class->connect(stream)
                     : 0);

        if (!error) {
            stream->state = SCS_CONNECTED;
        } else if (error != EAGAIN) {
            stream->state = SCS_DISCONNECTED;
            stream->error = error;
        }
    }

    switch (stream->state) {
    case SCS_CONNECTING:
        return EAGAIN;
    case SCS_CONNECTED:
        return 0;
    case SCS_DISCONNECTED:
    default:
        return stream->error;
    }
}

/* Clamps a byte count to what an int return value can carry. */
static size_t
clamp_io_size(size_t n)
{
    return MIN(n, (size_t) INT_MAX);
}

int
stream_recv(struct stream *stream, void *buffer, size_t n)
{
    int error = stream_connect(stream);

    if (error) {
        return -error;
    } else if (!n) {
        return 0;
    } else {
        ssize_t retval = stream->class->recv(stream, buffer,
                                             clamp_io_size(n));
        return retval;
    }
}

int
stream_send(struct stream *stream, const void *buffer, size_t n)
{
    int error = stream_connect(stream);

    if (error) {
        return -error;
    } else if (!n) {
        return 0;
    } else {
        ssize_t retval = stream->class->send(stream, buffer,
                                             clamp_io_size(n));
        return retval;
    }
}

void
stream_run(struct stream *stream)
{
    if (stream->class->run) {
        stream->class->run(stream);
    }
}

void
stream_run_wait(struct stream *stream)
{
    if (stream->class->run_wait) {
        stream->class->run_wait(stream);
    }
}

void
stream_wait(struct stream *stream, enum stream_wait_type wait)
{
    switch (stream->state) {
    case SCS_CONNECTING:
        /* Nothing can be sent or received before the connection is up. */
        if (stream->class->connect) {
            stream->class->wait(stream, STREAM_CONNECT);
        } else {
            poll_immediate_wake();
        }
        break;

    case SCS_CONNECTED:
        stream->class->wait(stream, wait);
        break;

    case SCS_DISCONNECTED:
    default:
        /* The caller will see the error at once. */
        poll_immediate_wake();
        break;
    }
}

/* Shorthands for stream_wait(). */
void
stream_connect_wait(struct stream *stream)
{
    stream_wait(stream, STREAM_CONNECT);
}

void
stream_recv_wait(struct stream *s)
{
    stream_wait(s, STREAM_RECV);
}

void
stream_send_wait(struct stream *s)
{
    stream_wait(s, STREAM_SEND);
}

bool
stream_parse_target_with_default_port(const char *target, int default_port,
                                      struct sockaddr_storage *ss)
{
    if (!strncmp(target, "tcp:", 4) || !strncmp(target, "ssl:", 4)) {
        return inet_parse_active(target + 4, default_port, ss, true, NULL);
    }
    memset(ss, 0, sizeof *ss);
    return false;
}

void
stream_init(struct stream *stream, const struct stream_class *class,
            int connect_status, char *name)
{
    *stream = (struct stream) {
        .class = class,
        .name = name,
        .peer_id = NULL,
    };
    if (connect_status == EAGAIN) {
        stream->state = SCS_CONNECTING;
    } else if (connect_status) {
        stream->state = SCS_DISCONNECTED;
        stream->error = connect_status;
    } else {
        stream->state = SCS_CONNECTED;
    }
}

/* Passive streams. */

int
pstream_open(const char *name, struct pstream **pstreamp, uint8_t dscp)
{
    const struct pstream_class *class;
    struct pstream *pstream = NULL;
    char *suffix;
    int error;

    *pstreamp = NULL;
    class = find_pstream_class(name);
    if (!class) {
        VLOG_WARN("%s: unknown passive stream type", name);
        return EAFNOSUPPORT;
    }

    suffix = xstrdup(name + strlen(class->name) + 1);
    error = class->listen(name, suffix, &pstream, dscp);
    free(suffix);
    if (error) {
        return error;
    }
    *pstreamp = pstream;
    return 0;
}

int
pstream_open_with_default_port(const char *name, uint16_t default_port,
                               struct pstream **pstreamp, uint8_t dscp)
{
    char *full = NULL;
    int error;

    /* For passive names the port comes first: "ptcp:" or "ptcp::IP" lack
     * one. */
    if ((!strncmp(name, "ptcp:", 5) || !strncmp(name, "pssl:", 5))
        && (name[5] == '\0' || name[5] == ':')) {
        full = xasprintf("%.5s%"PRIu16"%s", name, default_port, name + 5);
    }
    error = pstream_open(full ? full : name, pstreamp, dscp);
    free(full);
    return error;
}

const char *
pstream_get_name(const struct pstream *pstream)
{
    return pstream->name;
}

void
pstream_close(struct pstream *pstream)
{
    if (pstream) {
        char *name = pstream->name;

        pstream->class->close(pstream);
        free(name);
    }
}

int
pstream_accept(struct pstream *pstream, struct stream **new_streamp)
{
    int error = pstream->class->accept(pstream, new_streamp);

    if (error) {
        *new_streamp = NULL;
    }
    return error;
}

int
pstream_accept_block(struct pstream *pstream, struct stream **new_streamp)
{
    int error;

    while ((error = pstream_accept(pstream, new_streamp)) == EAGAIN) {
        pstream_wait(pstream);
        poll_block();
    }
    return error;
}

void
pstream_wait(struct pstream *pstream)
{
    pstream->class->wait(pstream);
}

ovs_be16
pstream_get_bound_port(const struct pstream *pstream)
{
    return pstream->bound_port;
}

void
pstream_init(struct pstream *pstream, const struct pstream_class *class,
             char *name)
{
    *pstream = (struct pstream) { .class = class, .name = name };
}

void
pstream_set_bound_port(struct pstream *pstream, ovs_be16 port)
{
    pstream->bound_port = port;
}
