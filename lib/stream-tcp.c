/* "tcp:HOST:PORT" and "ptcp:PORT[:HOST]": streams over TCP.
 *
 * Opening is nonblocking: the stream is returned while the three-way
 * handshake is still under way and stream_connect() reports when it
 * finishes.  A listener bound to port 0 gets a port from the kernel; its
 * name is rewritten to show the real port, and pstream_get_bound_port()
 * returns it, which is how tests find a free port without races. */

#include <config.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-fd.h"
#include "stream-provider.h"
#include "stream-tcp.h"

VLOG_DEFINE_THIS_MODULE(stream_tcp);

int
tcp_open_socket(const char *name, const char *suffix, int *fdp,
                int *connect_statusp, int *familyp, uint8_t dscp)
{
    struct sockaddr_storage ss;
    bool dns_failure;
    char *msg;
    int error;

    msg = inet_parse_active_error(suffix, -1, &ss, true, &dns_failure);
    if (msg) {
        VLOG_WARN("%s: %s", name, msg);
        free(msg);
        return dns_failure ? ENOENT : EINVAL;
    }

    error = inet_open_active_ss(SOCK_STREAM, &ss, fdp, dscp);
    if (error && error != EAGAIN) {
        VLOG_DBG("%s: connect: %s", name, ovs_strerror(error));
        return error;
    }
    *connect_statusp = error;
    *familyp = ss.ss_family;
    return 0;
}

static int
tcp_open(const char *name, char *suffix, struct stream **streamp,
         uint8_t dscp)
{
    int fd, status, family;
    int error = tcp_open_socket(name, suffix, &fd, &status, &family, dscp);

    if (error) {
        return error;
    }
    return new_fd_stream(xstrdup(name), fd, status, family, streamp);
}

const struct stream_class tcp_stream_class = {
    .name = "tcp",
    .needs_probes = true,
    .open = tcp_open,
};

/* Passive TCP. */

char *
tcp_format_peer(const char *prefix, const struct sockaddr_storage *ss)
{
    struct ds name = DS_EMPTY_INITIALIZER;

    ds_put_format(&name, "%s:", prefix);
    ss_format_address(ss, &name);
    ds_put_format(&name, ":%"PRIu16, ss_get_port(ss));
    return ds_steal_cstr(&name);
}

int
ptcp_open_socket(const char *name, const char *prefix, const char *suffix,
                 int *fdp, char **bound_namep, uint16_t *portp,
                 uint8_t dscp)
{
    struct sockaddr_storage ss;
    struct ds bound = DS_EMPTY_INITIALIZER;
    bool dns_failure;
    char *msg;
    int fd;

    msg = inet_parse_passive_error(suffix, -1, &ss, true, &dns_failure);
    if (msg) {
        VLOG_WARN("%s: %s", name, msg);
        free(msg);
        return dns_failure ? ENOENT : EINVAL;
    }
    fd = inet_open_passive_ss(SOCK_STREAM, &ss, dscp);
    if (fd < 0) {
        return -fd;
    }

    /* The name shows the port actually bound, then the address. */
    *portp = ss_get_port(&ss);
    ds_put_format(&bound, "%s:%"PRIu16":", prefix, *portp);
    ss_format_address(&ss, &bound);
    *bound_namep = ds_steal_cstr(&bound);
    *fdp = fd;
    return 0;
}

static int
ptcp_accept(int fd, const struct sockaddr_storage *ss,
            size_t ss_len OVS_UNUSED, struct stream **streamp)
{
    return new_fd_stream(tcp_format_peer("tcp", ss), fd, 0, ss->ss_family,
                         streamp);
}

static int
ptcp_open(const char *name, char *suffix, struct pstream **pstreamp,
          uint8_t dscp)
{
    char *bound_name;
    uint16_t port;
    int error;
    int fd;

    error = ptcp_open_socket(name, "ptcp", suffix, &fd, &bound_name, &port,
                             dscp);
    if (error) {
        return error;
    }
    error = new_fd_pstream(bound_name, fd, ptcp_accept, NULL, pstreamp);
    if (!error) {
        pstream_set_bound_port(*pstreamp, htons(port));
    }
    return error;
}

const struct pstream_class ptcp_pstream_class = {
    .name = "ptcp",
    .needs_probes = true,
    .listen = ptcp_open,
};
