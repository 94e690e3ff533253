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

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fatal-signal.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-provider.h"

VLOG_DEFINE_THIS_MODULE(stream_fd);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 25);

struct stream_fd {
    struct stream stream;
    int fd;
    int fd_type;                /* AF_INET, AF_INET6, AF_UNIX. */
};

static const struct stream_class stream_fd_class;

static struct stream_fd *
stream_fd_cast(struct stream *stream)
{
    return CONTAINER_OF(stream, struct stream_fd, stream);
}

int
new_fd_stream(char *name, int fd, int connect_status, int fd_type,
              struct stream **streamp)
{
    struct stream_fd *s = xmalloc(sizeof *s);

    stream_init(&s->stream, &stream_fd_class, connect_status, name);
    s->fd = fd;
    s->fd_type = fd_type;
    *streamp = &s->stream;
    return 0;
}

static void
fd_close(struct stream *stream)
{
    struct stream_fd *s = stream_fd_cast(stream);

    close(s->fd);
    free(s);
}

static int
fd_connect(struct stream *stream)
{
    struct stream_fd *s = stream_fd_cast(stream);
    int error = check_connection_completion(s->fd);

    if (!error && s->fd_type != AF_UNIX) {
        setsockopt_tcp_nodelay(s->fd);
    }
    return error;
}

static ssize_t
fd_recv(struct stream *stream, void *buffer, size_t n)
{
    struct stream_fd *s = stream_fd_cast(stream);
    ssize_t retval;

    do {
        retval = recv(s->fd, buffer, n, 0);
    } while (retval < 0 && errno == EINTR);

    if (retval < 0) {
        int error = errno == EWOULDBLOCK ? EAGAIN : errno;
        if (error != EAGAIN) {
            VLOG_DBG_RL(&rl, "%s: recv: %s",
                        stream_get_name(stream), ovs_strerror(error));
        }
        return -error;
    }
    return retval;
}

static ssize_t
fd_send(struct stream *stream, const void *buffer, size_t n)
{
    struct stream_fd *s = stream_fd_cast(stream);
    ssize_t retval;

    /* MSG_NOSIGNAL: a closed peer is an EPIPE error, not a SIGPIPE. */
    do {
        retval = send(s->fd, buffer, n, MSG_NOSIGNAL);
    } while (retval < 0 && errno == EINTR);

    if (retval < 0) {
        int error = errno == EWOULDBLOCK ? EAGAIN : errno;
        if (error != EAGAIN) {
            VLOG_DBG_RL(&rl, "%s: send: %s",
                        stream_get_name(stream), ovs_strerror(error));
        }
        return -error;
    }
    return retval;
}

static void
fd_wait(struct stream *stream, enum stream_wait_type wait)
{
    struct stream_fd *s = stream_fd_cast(stream);

    switch (wait) {
    case STREAM_CONNECT:
    case STREAM_SEND:
        poll_fd_wait(s->fd, POLLOUT);
        break;
    case STREAM_RECV:
        poll_fd_wait(s->fd, POLLIN);
        break;
    default:
        OVS_NOT_REACHED();
    }
}

static const struct stream_class stream_fd_class = {
    .name = "fd",
    .needs_probes = false,
    .open = NULL,
    .close = fd_close,
    .connect = fd_connect,
    .recv = fd_recv,
    .send = fd_send,
    .run = NULL,
    .run_wait = NULL,
    .wait = fd_wait,
};

/* Passive fd streams. */

struct fd_pstream {
    struct pstream pstream;
    int fd;
    int (*accept_cb)(int fd, const struct sockaddr_storage *, size_t ss_len,
                     struct stream **);
    char *unlink_path;
};

static const struct pstream_class fd_pstream_class;

static struct fd_pstream *
fd_pstream_cast(struct pstream *pstream)
{
    return CONTAINER_OF(pstream, struct fd_pstream, pstream);
}

int
new_fd_pstream(char *name, int fd,
               int (*accept_cb)(int fd, const struct sockaddr_storage *,
                                size_t ss_len, struct stream **),
               char *unlink_path, struct pstream **pstreamp)
{
    struct fd_pstream *ps = xmalloc(sizeof *ps);

    pstream_init(&ps->pstream, &fd_pstream_class, name);
    ps->fd = fd;
    ps->accept_cb = accept_cb;
    ps->unlink_path = unlink_path;
    *pstreamp = &ps->pstream;
    return 0;
}

static void
pfd_close(struct pstream *pstream)
{
    struct fd_pstream *ps = fd_pstream_cast(pstream);

    close(ps->fd);
    if (ps->unlink_path) {
        fatal_signal_unlink_file_now(ps->unlink_path);
        free(ps->unlink_path);
    }
    free(ps);
}

static int
pfd_accept(struct pstream *pstream, struct stream **new_streamp)
{
    struct fd_pstream *ps = fd_pstream_cast(pstream);
    struct sockaddr_storage ss;
    socklen_t ss_len;
    int new_fd;

    do {
        ss_len = sizeof ss;
        memset(&ss, 0, sizeof ss);
        new_fd = accept4(ps->fd, (struct sockaddr *) &ss, &ss_len,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (new_fd < 0 && errno == EINTR);

    if (new_fd < 0) {
        int error = errno == EWOULDBLOCK ? EAGAIN : errno;

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
    return ps->accept_cb(new_fd, &ss, ss_len, new_streamp);
}

static void
pfd_wait(struct pstream *pstream)
{
    struct fd_pstream *ps = fd_pstream_cast(pstream);
    poll_fd_wait(ps->fd, POLLIN);
}

static const struct pstream_class fd_pstream_class = {
    .name = "pfd",
    .needs_probes = false,
    .listen = NULL,
    .close = pfd_close,
    .accept = pfd_accept,
    .wait = pfd_wait,
};
