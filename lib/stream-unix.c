/* "unix:FILE" and "punix:FILE": streams over Unix domain sockets.
 *
 * A relative FILE is taken relative to the run directory ($OVS_RUNDIR, or
 * the configured default), where daemons keep their sockets, so that
 * "unix:db.sock" means the same socket wherever a program is started.
 * The listening socket's file is removed when the pstream is closed or
 * the process dies of a fatal signal. */

#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "dirs.h"
#include "fatal-signal.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-fd.h"
#include "stream-provider.h"

VLOG_DEFINE_THIS_MODULE(stream_unix);

/* Returns FILE made absolute relative to the run directory, or NULL if the
 * working directory cannot be found.  The caller frees it. */
static char *
unix_socket_path(const char *file)
{
    return abs_file_name(ovs_rundir(), file);
}

static int
unix_open(const char *name, char *suffix, struct stream **streamp,
          uint8_t dscp OVS_UNUSED)
{
    char *path;
    int fd;

    if (!suffix[0]) {
        VLOG_WARN("%s: socket file name must be specified", name);
        return EINVAL;
    }
    path = unix_socket_path(suffix);
    if (!path) {
        return ENOENT;
    }
    fd = make_unix_socket(SOCK_STREAM, true, NULL, path);
    free(path);
    if (fd < 0) {
        VLOG_DBG("%s: connection failed (%s)", name, ovs_strerror(-fd));
        return -fd;
    }
    return new_fd_stream(xstrdup(name), fd, check_connection_completion(fd),
                         AF_UNIX, streamp);
}

const struct stream_class unix_stream_class = {
    .name = "unix",
    .needs_probes = false,
    .open = unix_open,
};

/* Passive Unix domain sockets. */

/* Makes a stream for a connection accepted on a Unix socket, named after
 * the address the client bound, if any, else "unix#N". */
static int
punix_accept(int fd, const struct sockaddr_storage *peer, size_t peer_len,
             struct stream **streamp)
{
    static unsigned int n_unnamed;
    const struct sockaddr_un *un = (const struct sockaddr_un *) peer;
    int len = get_unix_name_len(un, peer_len);
    char *name = (len > 0
                  ? xasprintf("unix:%.*s", len, un->sun_path)
                  : xasprintf("unix#%u", n_unnamed++));

    return new_fd_stream(name, fd, 0, AF_UNIX, streamp);
}

static int
punix_open(const char *name, char *suffix, struct pstream **pstreamp,
           uint8_t dscp OVS_UNUSED)
{
    char *path;
    int error;
    int fd;

    if (!suffix[0]) {
        VLOG_WARN("%s: socket file name must be specified", name);
        return EINVAL;
    }
    path = unix_socket_path(suffix);
    if (!path) {
        return ENOENT;
    }
    fd = make_unix_socket(SOCK_STREAM, true, path, NULL);
    if (fd < 0) {
        error = -fd;
        VLOG_ERR("%s: binding failed: %s", path, ovs_strerror(error));
        free(path);
        return error;
    }
    if (listen(fd, 64) < 0) {
        error = errno;
        VLOG_ERR("%s: listen: %s", name, ovs_strerror(error));
        close(fd);
        fatal_signal_unlink_file_now(path);
        free(path);
        return error;
    }
    return new_fd_pstream(xstrdup(name), fd, punix_accept, path, pstreamp);
}

const struct pstream_class punix_pstream_class = {
    .name = "punix",
    .needs_probes = false,
    .listen = punix_open,
};
