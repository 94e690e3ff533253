/* Streams over a socket descriptor.
 *
 * TCP and Unix domain streams behave the same once the socket exists:
 * bytes go in and out with send() and recv() on a nonblocking socket, and
 * the connection is complete when the socket becomes writable.  So both
 * are this one implementation and differ only in how they open the socket
 * and name the peer (stream-tcp.c, stream-unix.c).  The stream's name
 * keeps the "tcp:" or "unix:" prefix; the class pointer inside it is the
 * shared one below. */

#include <config.h>

#include "stream-fd.h"

#include <poll.h>
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "fatal-signal.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-provider.h"

VLOG_DEFINE_THIS_MODULE(stream_fd);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 25);

/* An active stream over a connected (or connecting) socket. */
struct sock_stream {
    struct stream up;
    int sock;
    int family;                 /* AF_INET, AF_INET6, AF_UNIX. */
};

static const struct stream_class sock_stream_class;

static struct sock_stream *
sock_stream_from(struct stream *stream)
{
    return CONTAINER_OF(stream, struct sock_stream, up);
}

int
new_fd_stream(char *name, int fd, int connect_status, int fd_type,
              struct stream **streamp)
{
    struct sock_stream *ss = xmalloc(sizeof *ss);

    ss->sock = fd;
    ss->family = fd_type;
    stream_init(&ss->up, &sock_stream_class, connect_status, name);
    *streamp = &ss->up;
    return 0;
}

static void
sock_stream_close(struct stream *stream)
{
    struct sock_stream *ss = sock_stream_from(stream);

    close(ss->sock);
    free(ss);
}

static int
sock_stream_connect(struct stream *stream)
{
    struct sock_stream *ss = sock_stream_from(stream);
    int error = check_connection_completion(ss->sock);

    if (!error && ss->family != AF_UNIX) {
        setsockopt_tcp_nodelay(ss->sock);
    }
    return error;
}

/* Turns the result RETVAL of send() or recv() (OPERATION) into what the
 * stream interface returns: the byte count, or a negative errno value with
 * EWOULDBLOCK folded into EAGAIN.  Real errors are logged at debug level:
 * the caller reports them as it sees fit. */
static ssize_t
sock_io_result(struct stream *stream, const char *operation, ssize_t retval)
{
    int error;

    if (retval >= 0) {
        return retval;
    }
    error = errno == EWOULDBLOCK ? EAGAIN : errno;
    if (error != EAGAIN) {
        VLOG_DBG_RL(&rl, "%s: %s: %s",
                    stream_get_name(stream), operation, ovs_strerror(error));
    }
    return -error;
}

static ssize_t
sock_stream_recv(struct stream *stream, void *buffer, size_t n)
{
    int sock = sock_stream_from(stream)->sock;
    ssize_t retval;

    for (;;) {
        retval = recv(sock, buffer, n, 0);
        if (retval >= 0 || errno != EINTR) {
            return sock_io_result(stream, "recv", retval);
        }
    }
}

static ssize_t
sock_stream_send(struct stream *stream, const void *buffer, size_t n)
{
    int sock = sock_stream_from(stream)->sock;
    ssize_t retval;

    /* MSG_NOSIGNAL: a vanished peer is an EPIPE error, not a SIGPIPE. */
    for (;;) {
        retval = send(sock, buffer, n, MSG_NOSIGNAL);
        if (retval >= 0 || errno != EINTR) {
            return sock_io_result(stream, "send", retval);
        }
    }
}

static void
sock_stream_wait(struct stream *stream, enum stream_wait_type wait)
{
    /* Connecting and sending both wait for room to write. */
    poll_fd_wait(sock_stream_from(stream)->sock,
                 wait == STREAM_RECV ? POLLIN : POLLOUT);
}

static const struct stream_class sock_stream_class = {
    .name = "fd",
    .needs_probes = false,
    .open = NULL,
    .close = sock_stream_close,
    .connect = sock_stream_connect,
    .recv = sock_stream_recv,
    .send = sock_stream_send,
    .run = NULL,
    .run_wait = NULL,
    .wait = sock_stream_wait,
};

/* A passive stream over a listening socket. */
struct sock_listener {
    struct pstream up;
    int sock;
    char *path_to_remove;       /* Socket file removed on close, or NULL. */

    /* Wraps an accepted socket into a stream. */
    int (*make_stream)(int fd, const struct sockaddr_storage *,
                       size_t ss_len, struct stream **);
};

static const struct pstream_class sock_listener_class;

static struct sock_listener *
sock_listener_from(struct pstream *pstream)
{
    return CONTAINER_OF(pstream, struct sock_listener, up);
}

int
new_fd_pstream(char *name, int fd,
               int (*accept_cb)(int fd, const struct sockaddr_storage *,
                                size_t ss_len, struct stream **),
               char *unlink_path, struct pstream **pstreamp)
{
    struct sock_listener *sl = xmalloc(sizeof *sl);

    sl->sock = fd;
    sl->path_to_remove = unlink_path;
    sl->make_stream = accept_cb;
    pstream_init(&sl->up, &sock_listener_class, name);
    *pstreamp = &sl->up;
    return 0;
}

static void
sock_listener_close(struct pstream *pstream)
{
    struct sock_listener *sl = sock_listener_from(pstream);

    close(sl->sock);
    if (sl->path_to_remove) {
        fatal_signal_unlink_file_now(sl->path_to_remove);
        free(sl->path_to_remove);
    }
    free(sl);
}

static int
sock_listener_accept(struct pstream *pstream, struct stream **new_streamp)
{
    struct sock_listener *sl = sock_listener_from(pstream);
    struct sockaddr_storage peer;
    socklen_t peer_len;
    int error;
    int fd;

    do {
        memset(&peer, 0, sizeof peer);
        peer_len = sizeof peer;
        fd = accept4(sl->sock, (struct sockaddr *) &peer, &peer_len,
                     SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);

    if (fd >= 0) {
        return sl->make_stream(fd, &peer, peer_len, new_streamp);
    }

    error = errno == EWOULDBLOCK ? EAGAIN : errno;
    if (error == ECONNABORTED) {
        /* The peer gave up before we got to it: nothing to report. */
        return EAGAIN;
    }
    if (error != EAGAIN) {
        VLOG_DBG_RL(&rl, "%s: accept: %s",
                    pstream_get_name(pstream), ovs_strerror(error));
    }
    return error;
}

static void
sock_listener_wait(struct pstream *pstream)
{
    poll_fd_wait(sock_listener_from(pstream)->sock, POLLIN);
}

static const struct pstream_class sock_listener_class = {
    .name = "pfd",
    .needs_probes = false,
    .listen = NULL,
    .close = sock_listener_close,
    .accept = sock_listener_accept,
    .wait = sock_listener_wait,
};
