/* Interface between the generic stream code (stream.c) and each kind of
 * stream (stream-unix.c, stream-tcp.c, stream-ssl.c).  Only stream
 * implementations include this header.
 *
 * An implementation embeds "struct stream" (or "struct pstream") at the
 * start of its own structure, initializes it with stream_init() (or
 * pstream_init()) and recovers its structure with CONTAINER_OF(). */

#ifndef STREAM_PROVIDER_H
#define STREAM_PROVIDER_H 1

#include <sys/types.h>

#include "openvswitch/types.h"
#include "stream.h"

/* Connection status of an active stream. */
enum stream_state {
    SCS_CONNECTING,             /* Underlying connect still in progress. */
    SCS_CONNECTED,              /* Ready for stream_recv()/stream_send(). */
    SCS_DISCONNECTED            /* Failed; 'error' says why. */
};

struct stream {
    const struct stream_class *class;
    enum stream_state state;
    int error;                  /* Positive errno value once disconnected. */
    char *name;                 /* Owned. */
    char *peer_id;              /* Owned, may be NULL. */
};

/* Initializes STREAM of class CLASS.  CONNECT_STATUS is 0 if already
 * connected, EAGAIN if connecting, or an errno value for a connection that
 * already failed.  Takes ownership of NAME. */
void stream_init(struct stream *, const struct stream_class *,
                 int connect_status, char *name);

/* Replaces the stream's peer identity with a copy of PEER_ID (or none). */
void stream_set_peer_id(struct stream *, const char *peer_id);

struct stream_class {
    /* Prefix before the ':' in stream names, e.g. "tcp". */
    const char *name;

    /* True if connections of this kind need liveness probes. */
    bool needs_probes;

    /* Starts opening NAME, whose part after the ':' is SUFFIX (writable,
     * owned by the caller).  On success stores a new stream in *STREAMP
     * and returns 0; otherwise returns a positive errno value. */
    int (*open)(const char *name, char *suffix, struct stream **streamp,
                uint8_t dscp);

    /* Frees the stream and everything it holds. */
    void (*close)(struct stream *);

    /* Continues connecting a stream in SCS_CONNECTING.  Returns 0 when
     * connected, EAGAIN to keep waiting, or another errno value.  May be
     * null if streams of this class are created already connected. */
    int (*connect)(struct stream *);

    /* Like stream_recv() and stream_send(), for a connected stream and a
     * nonzero N. */
    ssize_t (*recv)(struct stream *, void *buffer, size_t n);
    ssize_t (*send)(struct stream *, const void *buffer, size_t n);

    /* Background work and its wait; both may be null. */
    void (*run)(struct stream *);
    void (*run_wait)(struct stream *);

    /* Arranges for poll_block() to wake when the operation WAIT (for
     * STREAM_CONNECT, only in SCS_CONNECTING) may make progress. */
    void (*wait)(struct stream *, enum stream_wait_type);
};

struct pstream {
    const struct pstream_class *class;
    char *name;                 /* Owned. */
    ovs_be16 bound_port;        /* TCP port, network order, or 0. */
};

/* Initializes PSTREAM of class CLASS, taking ownership of NAME. */
void pstream_init(struct pstream *, const struct pstream_class *,
                  char *name);
void pstream_set_bound_port(struct pstream *, ovs_be16 port);

struct pstream_class {
    const char *name;           /* E.g. "ptcp". */
    bool needs_probes;

    /* Like stream_class's 'open', for listening. */
    int (*listen)(const char *name, char *suffix, struct pstream **pstreamp,
                  uint8_t dscp);
    void (*close)(struct pstream *);

    /* Returns 0 and a new stream in *NEW_STREAMP, EAGAIN if no connection
     * is waiting, or another errno value. */
    int (*accept)(struct pstream *, struct stream **new_streamp);

    void (*wait)(struct pstream *);
};

extern const struct stream_class unix_stream_class;
extern const struct stream_class tcp_stream_class;
extern const struct stream_class ssl_stream_class;
extern const struct pstream_class punix_pstream_class;
extern const struct pstream_class ptcp_pstream_class;
extern const struct pstream_class pssl_pstream_class;

#endif /* stream-provider.h */
