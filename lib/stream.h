/* Streams: reliable, ordered byte connections named by a string.
 *
 * An active stream connects to a peer:
 *
 *     unix:FILE          Unix domain socket FILE (relative to the run
 *                        directory unless absolute)
 *     tcp:HOST:PORT      TCP to HOST (IPv4, or IPv6 in [brackets])
 *     ssl:HOST:PORT      SSL/TLS over TCP (needs the PKI options)
 *
 * and a passive stream ("pstream") listens for connections:
 *
 *     punix:FILE         Unix domain socket FILE
 *     ptcp:PORT[:HOST]   TCP PORT (0 = any free port) on HOST (default all)
 *     pssl:PORT[:HOST]   the same, with SSL/TLS
 *
 * Every operation is nonblocking.  Functions that return an "int" error
 * return 0 on success, EAGAIN when the operation cannot complete yet (call
 * the matching wait function, then poll_block(), then try again), or
 * another positive errno value.  stream_recv() and stream_send() return a
 * byte count or a negative errno value instead. */

#ifndef STREAM_H
#define STREAM_H 1

#include <sys/socket.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openvswitch/types.h"

struct pstream;
struct stream;

/* Checks that NAME has the form of an active (stream_) or passive
 * (pstream_) stream name.  Returns 0 or EAFNOSUPPORT for an unknown
 * method. */
int stream_verify_name(const char *name);
int pstream_verify_name(const char *name);

/* Returns 1 if a connection of this kind should be probed for liveness
 * (it crosses a network), 0 if not (Unix sockets), or -1 if NAME has no
 * known method. */
int stream_or_pstream_needs_probes(const char *name);

/* Prints the syntax of stream names on stdout for a program's --help. */
void stream_usage(const char *name, bool active, bool passive,
                  bool bootstrap);

/* Opening and closing.
 *
 * stream_open() starts connecting to NAME and stores the new stream in
 * *STREAMP; it returns 0 even if the connection is still in progress
 * (stream_connect() tells).  On error, *STREAMP is NULL.  DSCP applies to
 * IP-based streams. */
int stream_open(const char *name, struct stream **streamp, uint8_t dscp);

/* Like stream_open(), but for "tcp:" and "ssl:" names without a port uses
 * DEFAULT_PORT. */
int stream_open_with_default_port(const char *name, uint16_t default_port,
                                  struct stream **streamp, uint8_t dscp);

/* Waits until the stream returned by stream_open() (whose return value is
 * ERROR) has connected or failed, for at most TIMEOUT milliseconds (or
 * without limit if TIMEOUT is negative).  Returns 0 with *STREAMP
 * connected, or an errno value (ETIMEDOUT if the time ran out) with the
 * stream closed and *STREAMP set to NULL. */
int stream_open_block(int error, long long int timeout,
                      struct stream **streamp);

void stream_close(struct stream *);

/* The name given when the stream was opened (or made up on accept), owned
 * by the stream. */
const char *stream_get_name(const struct stream *);

/* Returns 0 if the stream is connected, EAGAIN if connecting, otherwise
 * the error that ended the connection attempt. */
int stream_connect(struct stream *);

/* Receives up to N bytes into BUFFER.  Returns the number of bytes
 * received (0 means the peer closed the connection) or a negative errno
 * value (-EAGAIN if nothing is available yet). */
int stream_recv(struct stream *, void *buffer, size_t n);

/* Sends up to N bytes from BUFFER.  Returns the number of bytes accepted,
 * which may be less than N, or a negative errno value (-EAGAIN if none can
 * be sent now). */
int stream_send(struct stream *, const void *buffer, size_t n);

/* Lets the stream do background work (e.g. flush buffered SSL data).
 * Call stream_run() in each main loop iteration and stream_run_wait()
 * before poll_block(). */
void stream_run(struct stream *);
void stream_run_wait(struct stream *);

/* Makes the next poll_block() wake up when the stream may be able to make
 * progress on connecting, receiving or sending.  The _wait() shorthands
 * below pass each of the three. */
enum stream_wait_type {
    STREAM_CONNECT,             /* stream_connect() may finish. */
    STREAM_RECV,                /* stream_recv() may return data. */
    STREAM_SEND                 /* stream_send() may accept data. */
};
void stream_wait(struct stream *, enum stream_wait_type);
void stream_connect_wait(struct stream *);
void stream_recv_wait(struct stream *);
void stream_send_wait(struct stream *);

/* The identity of the peer, when the stream can tell (the common name of
 * an SSL peer's certificate), else NULL.  Owned by the stream. */
const char *stream_get_peer_id(const struct stream *);

/* Parses the address part of a "tcp:" or "ssl:" TARGET into *SS, using
 * DEFAULT_PORT if none is given.  Returns false (and clears *SS) if TARGET
 * is not such a name or is malformed. */
bool stream_parse_target_with_default_port(const char *target,
                                           int default_port,
                                           struct sockaddr_storage *ss);

/* Passive streams. */
int pstream_open(const char *name, struct pstream **pstreamp, uint8_t dscp);
int pstream_open_with_default_port(const char *name, uint16_t default_port,
                                   struct pstream **pstreamp, uint8_t dscp);
const char *pstream_get_name(const struct pstream *);
void pstream_close(struct pstream *);

/* Accepts a connection.  Returns 0 and stores a new stream (whose own
 * connection, e.g. an SSL handshake, may still be in progress) in
 * *NEW_STREAMP, or returns EAGAIN if none is waiting, or another positive
 * errno value; then *NEW_STREAMP is NULL. */
int pstream_accept(struct pstream *, struct stream **new_streamp);
int pstream_accept_block(struct pstream *, struct stream **new_streamp);
void pstream_wait(struct pstream *);

/* The TCP port a "ptcp:" or "pssl:" stream listens on, in network byte
 * order (useful after asking for port 0), or 0 for other kinds. */
ovs_be16 pstream_get_bound_port(const struct pstream *);

#endif /* stream.h */
