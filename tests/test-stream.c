/* test-stream: exercises active and passive streams.
 *
 *   ovstest test-stream [OPTIONS] server PNAME
 *       Listens on PNAME, accepts one connection, echoes everything it
 *       receives until the peer closes it, and exits.  Prints, on stdout,
 *       "listening on NAME", "accepted", and at the end how many bytes
 *       were echoed (or why the connection failed, exiting with status 1).
 *       With --port-file=FILE, writes the bound TCP port to FILE once it
 *       listens.
 *
 *   ovstest test-stream [OPTIONS] client NAME MESSAGE
 *       Connects to NAME, sends MESSAGE, reads the echo back and prints it
 *       ("connected", the peer's certificate name for SSL, "received
 *       "..."").  Exits with status 1 after printing the failure.
 *
 *   ovstest test-stream [OPTIONS] open NAME
 *   ovstest test-stream [OPTIONS] listen PNAME
 *       Just opens the stream or pstream and prints the outcome.
 *
 *   ovstest test-stream verify NAME...
 *       Prints, for each NAME, whether it is a valid active or passive
 *       stream name and whether it needs probes.
 *
 * OPTIONS are the SSL options (-p, -c, -C, --ssl-protocols,
 * --ssl-ciphers) and --port-file.  Every wait is bounded (10 s) so that a
 * broken peer makes the test fail instead of hanging. */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fatal-signal.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "socket-util.h"
#include "stream-ssl.h"
#include "stream.h"
#include "timeval.h"

#define TIMEOUT_MSEC 10000

static const char *port_file;

static void OVS_NO_RETURN
finish(int status)
{
    fflush(stdout);
    exit(status);
}

static void
parse_options(int *argcp, char ***argvp)
{
    enum {
        OPT_PORT_FILE = UCHAR_MAX + 1,
        STREAM_SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"port-file", required_argument, NULL, OPT_PORT_FILE},
        STREAM_SSL_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int argc = *argcp;
    char **argv = *argvp;

    optind = 1;
    for (;;) {
        int c = getopt_long(argc, argv, "+p:c:C:", long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case OPT_PORT_FILE:
            port_file = optarg;
            break;

        STREAM_SSL_OPTION_HANDLERS

        default:
            printf("bad option\n");
            finish(EXIT_FAILURE);
        }
    }
    *argcp = argc - optind;
    *argvp = argv + optind;
}

static void
write_port_file(const struct pstream *pstream)
{
    char *tmp;
    FILE *f;

    if (!port_file) {
        return;
    }
    tmp = xasprintf("%s.tmp", port_file);
    f = fopen(tmp, "w");
    if (!f || fprintf(f, "%"PRIu16"\n",
                      ntohs(pstream_get_bound_port(pstream))) < 0
        || fclose(f) || rename(tmp, port_file)) {
        printf("cannot write %s\n", port_file);
        finish(EXIT_FAILURE);
    }
    free(tmp);
}

/* Sends all N bytes of DATA on STREAM, waiting as needed.  Returns 0 or a
 * positive errno value.  (An SSL stream may still hold some of the data;
 * the stream_run() calls in recv_some() push it out.) */
static int
send_fully(struct stream *stream, const char *data, size_t n)
{
    long long int deadline = time_msec() + TIMEOUT_MSEC;

    while (n > 0) {
        int retval = stream_send(stream, data, n);

        if (retval > 0) {
            data += retval;
            n -= retval;
        } else if (retval != -EAGAIN) {
            return -retval;
        } else if (time_msec() >= deadline) {
            return ETIMEDOUT;
        } else {
            stream_run(stream);
            stream_run_wait(stream);
            stream_send_wait(stream);
            poll_timer_wait_until(deadline);
            poll_block();
        }
    }

    return 0;
}

/* Receives up to N bytes into BUF, waiting until at least one byte (or end
 * of stream) arrives.  Returns the count, 0 at end of stream, or a
 * negative errno value. */
static int
recv_some(struct stream *stream, char *buf, size_t n)
{
    long long int deadline = time_msec() + TIMEOUT_MSEC;

    for (;;) {
        int retval;

        stream_run(stream);
        retval = stream_recv(stream, buf, n);
        if (retval != -EAGAIN) {
            return retval;
        } else if (time_msec() >= deadline) {
            return -ETIMEDOUT;
        }
        stream_run_wait(stream);
        stream_recv_wait(stream);
        poll_timer_wait_until(deadline);
        poll_block();
    }
}

static void
do_server(const char *name)
{
    struct pstream *pstream;
    struct stream *stream;
    size_t echoed = 0;
    int error;

    error = pstream_open(name, &pstream, DSCP_DEFAULT);
    if (error) {
        printf("pstream_open failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    printf("listening on %s\n", pstream_get_name(pstream));
    fflush(stdout);
    write_port_file(pstream);

    error = pstream_accept_block(pstream, &stream);
    if (error) {
        printf("accept failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    pstream_close(pstream);
    printf("accepted\n");

    error = stream_open_block(0, TIMEOUT_MSEC, &stream);
    if (error) {
        printf("connection failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    if (stream_get_peer_id(stream)) {
        printf("peer certificate: %s\n", stream_get_peer_id(stream));
    }

    for (;;) {
        char buf[4096];
        int n = recv_some(stream, buf, sizeof buf);

        if (n == 0) {
            break;
        } else if (n < 0) {
            printf("receive failed: %s\n", ovs_strerror(-n));
            finish(EXIT_FAILURE);
        }
        error = send_fully(stream, buf, n);
        if (error) {
            printf("send failed: %s\n", ovs_strerror(error));
            finish(EXIT_FAILURE);
        }
        echoed += n;
    }
    printf("echoed %zu bytes, then the peer closed the connection\n",
           echoed);
    stream_close(stream);
    finish(EXIT_SUCCESS);
}

static void
do_client(const char *name, const char *message)
{
    size_t len = strlen(message);
    char *reply = xmalloc(len + 1);
    struct stream *stream;
    size_t received = 0;
    int error;

    error = stream_open(name, &stream, DSCP_DEFAULT);
    if (error) {
        printf("stream_open failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    error = stream_open_block(error, TIMEOUT_MSEC, &stream);
    if (error) {
        printf("connection failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    printf("connected\n");
    if (stream_get_peer_id(stream)) {
        printf("peer certificate: %s\n", stream_get_peer_id(stream));
    }

    error = send_fully(stream, message, len);
    if (error) {
        printf("send failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    while (received < len) {
        int n = recv_some(stream, reply + received, len - received);

        if (n <= 0) {
            printf("receive failed: %s\n",
                   n ? ovs_strerror(-n) : "connection closed early");
            finish(EXIT_FAILURE);
        }
        received += n;
    }
    reply[len] = '\0';
    printf("received \"%s\"\n", reply);
    free(reply);
    stream_close(stream);
    finish(EXIT_SUCCESS);
}

static void
do_open(const char *name)
{
    struct stream *stream;
    int error = stream_open(name, &stream, DSCP_DEFAULT);

    if (error) {
        printf("%s: %s\n", name, ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    printf("%s: opened\n", stream_get_name(stream));
    stream_close(stream);
}

static void
do_listen(const char *name)
{
    struct pstream *pstream;
    int error = pstream_open(name, &pstream, DSCP_DEFAULT);

    if (error) {
        printf("%s: %s\n", name, ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    printf("%s: listening as %s\n", name, pstream_get_name(pstream));
    pstream_close(pstream);
}

static void
do_verify(int argc, char *argv[])
{
    int i;

    for (i = 0; i < argc; i++) {
        const char *name = argv[i];
        int probes = stream_or_pstream_needs_probes(name);

        printf("%s: %s, %s\n", name,
               !stream_verify_name(name) ? "active"
               : !pstream_verify_name(name) ? "passive" : "unknown",
               probes < 0 ? "-" : probes ? "probed" : "not probed");
    }
}

static void
test_stream_main(int argc, char *argv[])
{
    const char *cmd;

    parse_options(&argc, &argv);
    if (argc < 1) {
        printf("missing command\n");
        finish(EXIT_FAILURE);
    }
    cmd = argv[0];
    if (!strcmp(cmd, "server") && argc == 2) {
        do_server(argv[1]);
    } else if (!strcmp(cmd, "client") && argc == 3) {
        do_client(argv[1], argv[2]);
    } else if (!strcmp(cmd, "open") && argc == 2) {
        do_open(argv[1]);
    } else if (!strcmp(cmd, "listen") && argc == 2) {
        do_listen(argv[1]);
    } else if (!strcmp(cmd, "verify")) {
        do_verify(argc - 1, argv + 1);
    } else {
        printf("bad command or argument count\n");
        finish(EXIT_FAILURE);
    }
    finish(EXIT_SUCCESS);
}

OVSTEST_REGISTER("test-stream", test_stream_main);
