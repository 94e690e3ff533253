/* Socket utilities.
 *
 * Most of this file is about turning the text that users write for an
 * address into a socket and back:
 *
 *   - an "active" target names the peer to connect to: "HOST[:PORT]";
 *   - a "passive" target names where to listen: "[PORT][:HOST]" (port
 *     first, because the host is the part usually left out);
 *
 * with IPv6 hosts written in square brackets ("[::1]:6653"), so that the
 * colons inside them are not mistaken for the port separator.
 *
 * Unix domain socket names are limited to about 100 bytes by struct
 * sockaddr_un, while test directories can be deeper than that.  For a long
 * path we open its directory and name the socket through
 * "/proc/self/fd/DIRFD/BASENAME", which the kernel resolves like any other
 * path.
 *
 * All sockets opened here are close-on-exec and (except where the caller
 * asks otherwise) nonblocking. */

#include <config.h>

#include "socket-util.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <netinet/tcp.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(socket_util);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

int
set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);

    if (flags < 0) {
        VLOG_ERR("fcntl(F_GETFL) failed: %s", ovs_strerror(errno));
        return errno;
    }
    if (!(flags & O_NONBLOCK) && fcntl(fd, F_SETFL, flags | O_NONBLOCK)) {
        VLOG_ERR("fcntl(F_SETFL) failed: %s", ovs_strerror(errno));
        return errno;
    }
    return 0;
}

void
xset_nonblocking(int fd)
{
    if (set_nonblocking(fd)) {
        exit(EXIT_FAILURE);
    }
}

int
set_dscp(int fd, int family, uint8_t dscp)
{
    int tos;

    if (dscp > 63) {
        return EINVAL;
    }
    tos = dscp << 2;
    switch (family) {
    case AF_INET:
        if (setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof tos)) {
            return errno;
        }
        return 0;
    case AF_INET6:
        if (setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos, sizeof tos)) {
            return errno;
        }
        return 0;
    default:
        return ENOPROTOOPT;
    }
}

void
setsockopt_tcp_nodelay(int fd)
{
    int on = 1;

    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on)) {
        VLOG_ERR_RL(&rl, "setsockopt(TCP_NODELAY): %s", ovs_strerror(errno));
    }
}

void
xpipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC)) {
        ovs_fatal(errno, "pipe failed");
    }
}

void
xpipe_nonblocking(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK)) {
        ovs_fatal(errno, "pipe failed");
    }
}

int
get_null_fd(void)
{
    static int null_fd = -1;

    if (null_fd < 0) {
        null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (null_fd < 0) {
            int error = errno;
            VLOG_ERR("could not open /dev/null: %s", ovs_strerror(error));
            return -error;
        }
    }
    return null_fd;
}

/* Returns the pending error on socket FD (clearing it), 0 if none, or the
 * errno value of getsockopt() itself if that fails. */
int
get_socket_error(int fd)
{
    int error;
    socklen_t len = sizeof error;

    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len)) {
        error = errno;
        VLOG_ERR_RL(&rl, "getsockopt(SO_ERROR): %s", ovs_strerror(error));
    }
    return error;
}

/* Checks whether a nonblocking connect() on FD has finished.  Returns 0 if
 * it succeeded, EAGAIN if it is still in progress, otherwise the positive
 * errno value with which it failed. */
int
check_connection_completion(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLOUT, .revents = 0 };
    int n_ready;

    /* A zero timeout only samples the state; retry if a signal hit. */
    for (;;) {
        n_ready = poll(&pfd, 1, 0);
        if (n_ready >= 0 || errno != EINTR) {
            break;
        }
    }

    if (n_ready < 0) {
        return errno;
    } else if (!n_ready) {
        return EAGAIN;
    } else if (pfd.revents & (POLLERR | POLLHUP)) {
        int error = get_socket_error(fd);
        return error ? error : EPROTO;
    } else {
        return 0;
    }
}

int
read_fully(int fd, void *buffer, size_t n, size_t *bytes_read)
{
    size_t done = 0;
    int error = 0;

    while (done < n && !error) {
        ssize_t got = read(fd, (char *) buffer + done, n - done);

        if (got < 0) {
            error = errno == EINTR ? 0 : errno;
        } else if (!got) {
            error = EOF;        /* The peer closed before N bytes came. */
        } else {
            done += got;
        }
    }
    *bytes_read = done;
    return error;
}

int
write_fully(int fd, const void *buffer, size_t n, size_t *bytes_written)
{
    size_t done = 0;
    int error = 0;

    while (done < n && !error) {
        ssize_t put = write(fd, (const char *) buffer + done, n - done);

        if (put < 0) {
            error = errno == EINTR ? 0 : errno;
        } else if (!put) {
            error = EPROTO;     /* Should never happen; do not spin. */
        } else {
            done += put;
        }
    }
    *bytes_written = done;
    return error;
}

int
drain_rcvbuf(int fd)
{
    char buffer[2048];

    for (;;) {
        ssize_t n = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT | MSG_TRUNC);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : errno;
        } else if (n == 0) {
            return 0;
        }
    }
}

void
drain_fd(int fd, size_t n_packets)
{
    for (; n_packets > 0; n_packets--) {
        char buffer[128];

        /* Each read() consumes one datagram (or some stream bytes). */
        if (read(fd, buffer, sizeof buffer) <= 0) {
            break;
        }
    }
}

/* Appends to S a description of the socket address SS of length LEN. */
static void
describe_sockaddr(struct ds *s, const struct sockaddr_storage *ss,
                  socklen_t len)
{
    if (ss->ss_family == AF_INET || ss->ss_family == AF_INET6) {
        ss_format_address(ss, s);
        ds_put_format(s, ":%"PRIu16, ss_get_port(ss));
    } else if (ss->ss_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *) ss;
        int name_len = get_unix_name_len(un, len);

        if (name_len > 0 && un->sun_path[0]) {
            ds_put_format(s, "\"%.*s\"", name_len, un->sun_path);
        } else {
            ds_put_cstr(s, "unnamed");
        }
    } else {
        ds_put_format(s, "AF_%d", ss->ss_family);
    }
}

char *
describe_fd(int fd)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct stat st;

    if (fstat(fd, &st)) {
        ds_put_format(&s, "fstat failed (%s)", ovs_strerror(errno));
    } else if (S_ISSOCK(st.st_mode)) {
        struct sockaddr_storage local, peer;
        socklen_t local_len = sizeof local, peer_len = sizeof peer;

        memset(&local, 0, sizeof local);
        memset(&peer, 0, sizeof peer);
        if (getsockname(fd, (struct sockaddr *) &local, &local_len)) {
            ds_put_format(&s, "socket (%s)", ovs_strerror(errno));
        } else {
            ds_put_cstr(&s, local.ss_family == AF_UNIX ? "unix socket "
                        : local.ss_family == AF_INET ? "IPv4 socket "
                        : local.ss_family == AF_INET6 ? "IPv6 socket "
                        : "socket ");
            describe_sockaddr(&s, &local, local_len);
            if (!getpeername(fd, (struct sockaddr *) &peer, &peer_len)) {
                ds_put_cstr(&s, "<->");
                describe_sockaddr(&s, &peer, peer_len);
            }
        }
    } else {
        char link[64];
        char target[PATH_MAX];
        ssize_t n;

        ds_put_cstr(&s, S_ISFIFO(st.st_mode) ? "FIFO"
                    : S_ISCHR(st.st_mode) ? "character device"
                    : S_ISBLK(st.st_mode) ? "block device"
                    : S_ISDIR(st.st_mode) ? "directory"
                    : S_ISREG(st.st_mode) ? "file"
                    : "descriptor");
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        n = readlink(link, target, sizeof target - 1);
        if (n > 0) {
            target[n] = '\0';
            ds_put_format(&s, " %s", target);
        }
    }
    return ds_steal_cstr(&s);
}

/* Address parsing. */

/* Parses PORT_S as a port number into *PORT.  Returns NULL or an error
 * message that the caller must free(). */
static char *
parse_port(const char *port_s, uint16_t *port)
{
    char *end;
    long value;

    errno = 0;
    value = strtol(port_s, &end, 10);
    if (errno || end == port_s || *end || value < 0 || value > 65535
        || !isdigit((unsigned char) port_s[0])) {
        return xasprintf("bad port number \"%s\"", port_s);
    }
    *port = value;
    return NULL;
}

/* Stores HOST (a numeric address, brackets removed) and PORT into *SS.
 * Resolves HOST as a name if it is not numeric and RESOLVE_HOST is true,
 * setting *DNS_FAILURE on lookup failure.  Returns NULL or an error message
 * that the caller must free(). */
static char *
fill_sockaddr(const char *host, uint16_t port,
              bool resolve_host, bool *dns_failure,
              struct sockaddr_storage *ss)
{
    struct sockaddr_in *sin = (struct sockaddr_in *) ss;
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) ss;

    memset(ss, 0, sizeof *ss);
    if (inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        return NULL;
    }
    if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        return NULL;
    }
    if (!resolve_host) {
        return xasprintf("bad IP address \"%s\"", host);
    }

    struct addrinfo hints, *result;
    int error;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    error = getaddrinfo(host, NULL, &hints, &result);
    if (error) {
        if (dns_failure) {
            *dns_failure = true;
        }
        return xasprintf("could not resolve \"%s\" (%s)",
                         host, gai_strerror(error));
    }
    memcpy(ss, result->ai_addr, MIN(result->ai_addrlen, sizeof *ss));
    if (ss->ss_family == AF_INET) {
        sin->sin_port = htons(port);
    } else {
        sin6->sin6_port = htons(port);
    }
    freeaddrinfo(result);
    return NULL;
}

/* Splits the host part off the front of *S: either "[...]" (brackets
 * removed) or everything up to the next ':'.  Returns the host, which the
 * caller frees, and advances *S past it, or returns NULL and sets *ERRORP
 * for an unclosed bracket. */
static char *
take_host(const char **s, char **errorp)
{
    const char *p = *s;

    if (*p == '[') {
        const char *close = strchr(p, ']');

        if (!close) {
            *errorp = xstrdup("missing ']' after IPv6 address");
            return NULL;
        }
        *s = close + 1;
        return xmemdup0(p + 1, close - (p + 1));
    } else {
        size_t len = strcspn(p, ":");

        *s = p + len;
        return xmemdup0(p, len);
    }
}

/* Parses an active target "HOST[:PORT]".  Returns NULL or an error message
 * that the caller must free(). */
static char *
parse_active(const char *target, int default_port,
             struct sockaddr_storage *ss, bool resolve_host,
             bool *dns_failure)
{
    const char *p = target;
    uint16_t port;
    char *error = NULL;
    char *host;

    host = take_host(&p, &error);
    if (!host) {
        return error;
    }
    if (!host[0]) {
        error = xstrdup("host must be specified");
    } else if (*p == ':' && p[1]) {
        error = parse_port(p + 1, &port);
    } else if (*p && *p != ':') {
        error = xasprintf("unexpected \"%s\" after host", p);
    } else if (default_port < 0) {
        error = xstrdup("port must be specified");
    } else {
        port = default_port;
    }
    if (!error) {
        error = fill_sockaddr(host, port, resolve_host,
                              dns_failure, ss);
    }
    free(host);
    return error;
}

/* Parses a passive target "[PORT][:HOST]".  Returns NULL or an error
 * message that the caller must free(). */
static char *
parse_passive(const char *target, int default_port,
              struct sockaddr_storage *ss, bool resolve_host,
              bool *dns_failure)
{
    size_t port_len = strcspn(target, ":");
    const char *host_s = target[port_len] ? target + port_len + 1 : "";
    char *host = NULL;
    char *error = NULL;
    uint16_t port;

    if (port_len) {
        char *port_s = xmemdup0(target, port_len);
        error = parse_port(port_s, &port);
        free(port_s);
    } else if (default_port < 0) {
        error = xstrdup("port must be specified");
    } else {
        port = default_port;
    }
    if (error) {
        return error;
    }

    if (host_s[0] == '[') {
        const char *p = host_s;

        host = take_host(&p, &error);
        if (host && *p) {
            error = xasprintf("unexpected \"%s\" after host", p);
        }
    } else {
        host = xstrdup(host_s[0] ? host_s : "0.0.0.0");
    }
    if (!error) {
        error = fill_sockaddr(host, port, resolve_host, dns_failure,
                              ss);
    }
    free(host);
    return error;
}

static bool
report_parse(const char *target, char *error, struct sockaddr_storage *ssp)
{
    if (error) {
        VLOG_WARN_RL(&rl, "%s: %s", target, error);
        free(error);
        memset(ssp, 0, sizeof *ssp);
        return false;
    }
    return true;
}

bool
inet_parse_active(const char *target, int default_port,
                  struct sockaddr_storage *ssp,
                  bool resolve_host, bool *dns_failure)
{
    if (dns_failure) {
        *dns_failure = false;
    }
    return report_parse(target, parse_active(target, default_port, ssp,
                                     resolve_host, dns_failure), ssp);
}

bool
inet_parse_passive(const char *target, int default_port,
                   struct sockaddr_storage *ssp,
                   bool resolve_host, bool *dns_failure)
{
    if (dns_failure) {
        *dns_failure = false;
    }
    return report_parse(target, parse_passive(target, default_port, ssp,
                                      resolve_host, dns_failure), ssp);
}

char *
inet_parse_active_error(const char *target, int default_port,
                        struct sockaddr_storage *ssp,
                        bool resolve_host, bool *dns_failure)
{
    char *error;

    if (dns_failure) {
        *dns_failure = false;
    }
    error = parse_active(target, default_port, ssp, resolve_host,
                         dns_failure);
    if (error) {
        memset(ssp, 0, sizeof *ssp);
    }
    return error;
}

char *
inet_parse_passive_error(const char *target, int default_port,
                         struct sockaddr_storage *ssp,
                         bool resolve_host, bool *dns_failure)
{
    char *error;

    if (dns_failure) {
        *dns_failure = false;
    }
    error = parse_passive(target, default_port, ssp, resolve_host,
                          dns_failure);
    if (error) {
        memset(ssp, 0, sizeof *ssp);
    }
    return error;
}

/* Opening IP sockets. */

/* Returns "ADDRESS:PORT" for SS, for messages.  The caller frees it. */
static char *
format_ss(const struct sockaddr_storage *ss)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ss_format_address(ss, &s);
    ds_put_format(&s, ":%"PRIu16, ss_get_port(ss));
    return ds_steal_cstr(&s);
}

/* Logs that OPERATION failed with ERROR on a socket for SS. */
static void
log_socket_error(const struct sockaddr_storage *ss, const char *operation,
                 int error)
{
    char *addr = format_ss(ss);

    VLOG_ERR("%s: %s: %s", addr, operation, ovs_strerror(error));
    free(addr);
}

int
inet_open_active_ss(int style, const struct sockaddr_storage *ss,
                    int *fdp, uint8_t dscp)
{
    int error;
    int fd;

    *fdp = -1;
    fd = socket(ss->ss_family, style | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = errno;
        log_socket_error(ss, "socket", error);
        return error;
    }
    error = set_dscp(fd, ss->ss_family, dscp);
    if (error) {
        log_socket_error(ss, "set_dscp", error);
        close(fd);
        return error;
    }

    if (connect(fd, (const struct sockaddr *) ss, ss_length(ss))) {
        error = errno == EINPROGRESS ? EAGAIN : errno;
        if (error != EAGAIN) {
            close(fd);
            return error;
        }
    }
    if (style == SOCK_STREAM) {
        setsockopt_tcp_nodelay(fd);
    }
    *fdp = fd;
    return error;
}

int
inet_open_active(int style, const char *target, int default_port,
                 struct sockaddr_storage *ssp, int *fdp, uint8_t dscp)
{
    struct sockaddr_storage ss;
    bool dns_failure;
    int error;

    *fdp = -1;
    if (!inet_parse_active(target, default_port, &ss, true, &dns_failure)) {
        error = dns_failure ? ENOENT : EINVAL;
    } else {
        error = inet_open_active_ss(style, &ss, fdp, dscp);
    }
    if (ssp) {
        if (error && error != EAGAIN) {
            memset(ssp, 0, sizeof *ssp);
        } else {
            *ssp = ss;
        }
    }
    return error;
}

int
inet_open_passive_ss(int style, struct sockaddr_storage *ss, uint8_t dscp)
{
    socklen_t ss_len;
    int error;
    int on = 1;
    int fd;

    fd = socket(ss->ss_family, style | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = errno;
        log_socket_error(ss, "socket", error);
        return -error;
    }
    if (style == SOCK_STREAM
        && setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on)) {
        error = errno;
        log_socket_error(ss, "setsockopt(SO_REUSEADDR)", error);
        goto error;
    }
    if (bind(fd, (struct sockaddr *) ss, ss_length(ss))) {
        error = errno;
        log_socket_error(ss, "bind", error);
        goto error;
    }
    error = set_dscp(fd, ss->ss_family, dscp);
    if (error) {
        log_socket_error(ss, "set_dscp", error);
        goto error;
    }
    if (style == SOCK_STREAM && listen(fd, 64)) {
        error = errno;
        log_socket_error(ss, "listen", error);
        goto error;
    }

    /* Learn the port the kernel chose, if port 0 was asked for. */
    ss_len = sizeof *ss;
    if (getsockname(fd, (struct sockaddr *) ss, &ss_len)) {
        error = errno;
        log_socket_error(ss, "getsockname", error);
        goto error;
    }
    return fd;

error:
    close(fd);
    return -error;
}

int
inet_open_passive(int style, const char *target, int default_port,
                  struct sockaddr_storage *ssp, uint8_t dscp,
                  bool kernel_print_port)
{
    struct sockaddr_storage ss;
    int fd;

    if (!inet_parse_passive(target, default_port, &ss, true, NULL)) {
        fd = -EINVAL;
    } else {
        fd = inet_open_passive_ss(style, &ss, dscp);
    }
    if (fd >= 0 && kernel_print_port) {
        printf("%"PRIu16"\n", ss_get_port(&ss));
        fflush(stdout);
    }
    if (ssp) {
        if (fd >= 0) {
            *ssp = ss;
        } else {
            memset(ssp, 0, sizeof *ssp);
        }
    }
    return fd;
}

/* Unix domain sockets. */

int
make_sockaddr_un(const char *path, struct sockaddr_un *un,
                 socklen_t *un_len, int *dirfdp)
{
    size_t max = sizeof un->sun_path - 1;
    size_t len = strlen(path);

    *dirfdp = -1;
    memset(un, 0, sizeof *un);
    un->sun_family = AF_UNIX;
    if (len > max) {
        /* Too long: go through the directory's descriptor. */
        const char *slash = strrchr(path, '/');
        char *dir;
        int dirfd;

        if (!slash) {
            return ENAMETOOLONG;
        }
        dir = slash == path ? xstrdup("/") : xmemdup0(path, slash - path);
        dirfd = open(dir, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
        free(dir);
        if (dirfd < 0) {
            return errno;
        }

        char short_name[sizeof un->sun_path];
        int n = snprintf(short_name, sizeof short_name, "/proc/self/fd/%d/%s",
                         dirfd, slash + 1);
        if (n < 0 || n > max) {
            close(dirfd);
            return ENAMETOOLONG;
        }
        memcpy(un->sun_path, short_name, n + 1);
        len = n;
        *dirfdp = dirfd;
    } else {
        memcpy(un->sun_path, path, len + 1);
    }
    *un_len = offsetof(struct sockaddr_un, sun_path) + len + 1;
    return 0;
}

void
free_sockaddr_un(int dirfd, const char *linkname OVS_UNUSED)
{
    if (dirfd >= 0) {
        close(dirfd);
    }
}

/* Binds FD to PATH, registering PATH for removal at exit.  Returns 0 or a
 * positive errno value. */
static int
bind_unix_socket(int fd, const char *path)
{
    struct sockaddr_un un;
    socklen_t un_len;
    int dirfd;
    int error;

    /* A stale socket left by a previous run would make bind() fail. */
    if (unlink(path) && errno != ENOENT) {
        VLOG_WARN("unlinking \"%s\": %s", path, ovs_strerror(errno));
    }

    error = make_sockaddr_un(path, &un, &un_len, &dirfd);
    if (error) {
        return error;
    }
    fatal_signal_add_file_to_unlink(path);
    if (bind(fd, (struct sockaddr *) &un, un_len)) {
        error = errno;
        fatal_signal_remove_file_to_unlink(path);
    }
    free_sockaddr_un(dirfd, NULL);
    return error;
}

/* Starts connecting FD to PATH.  Returns 0 (also while the connection is
 * in progress) or a positive errno value. */
static int
connect_unix_socket(int fd, const char *path)
{
    struct sockaddr_un un;
    socklen_t un_len;
    int dirfd;
    int error;

    error = make_sockaddr_un(path, &un, &un_len, &dirfd);
    if (error) {
        return error;
    }
    if (connect(fd, (struct sockaddr *) &un, un_len) && errno != EINPROGRESS) {
        /* A full listen queue gives EAGAIN, which callers would take for
         * "in progress": call it a refusal. */
        error = errno == EAGAIN ? ECONNREFUSED : errno;
    }
    free_sockaddr_un(dirfd, NULL);
    return error;
}

int
make_unix_socket(int style, bool nonblock,
                 const char *bind_path, const char *connect_path)
{
    int flags = SOCK_CLOEXEC | (nonblock ? SOCK_NONBLOCK : 0);
    int error = 0;
    int fd;

    fd = socket(AF_UNIX, style | flags, 0);
    if (fd < 0) {
        return -errno;
    }

    if (bind_path) {
        error = bind_unix_socket(fd, bind_path);
    }
    if (!error && connect_path) {
        error = connect_unix_socket(fd, connect_path);
        if (error && bind_path) {
            fatal_signal_unlink_file_now(bind_path);
        }
    }
    if (error) {
        close(fd);
        return -error;
    }
    return fd;
}

int
get_unix_name_len(const struct sockaddr_un *un, socklen_t sun_len)
{
    size_t offset = offsetof(struct sockaddr_un, sun_path);

    return (sun_len > offset && un->sun_path[0]
            ? strnlen(un->sun_path, sun_len - offset)
            : 0);
}

/* struct sockaddr_storage. */

uint16_t
ss_get_port(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        return ntohs(((const struct sockaddr_in *) ss)->sin_port);
    } else if (ss->ss_family == AF_INET6) {
        return ntohs(((const struct sockaddr_in6 *) ss)->sin6_port);
    } else {
        return 0;
    }
}

size_t
ss_length(const struct sockaddr_storage *ss)
{
    return (ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
            : ss->ss_family == AF_INET ? sizeof(struct sockaddr_in)
            : sizeof *ss);
}

static void
format_address(const struct sockaddr_storage *ss, struct ds *s,
               bool brackets)
{
    char buf[INET6_ADDRSTRLEN];

    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *) ss;
        ds_put_cstr(s, inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf));
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) ss;
        ds_put_format(s, brackets ? "[%s]" : "%s",
                      inet_ntop(AF_INET6, &sin6->sin6_addr, buf, sizeof buf));
    } else {
        ds_put_cstr(s, "(unknown address family)");
    }
}

void
ss_format_address(const struct sockaddr_storage *ss, struct ds *s)
{
    format_address(ss, s, true);
}

void
ss_format_address_nobracks(const struct sockaddr_storage *ss, struct ds *s)
{
    format_address(ss, s, false);
}
