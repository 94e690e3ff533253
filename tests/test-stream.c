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
 *       Connects to NAME, sends MESSAGE (--repeat=N times), reads the
 *       echo back, sending and receiving at once, and prints it
 *       ("connected", the peer's certificate name for SSL, "received
 *       "..."", or with --repeat "received N bytes intact").  Exits with
 *       status 1 after printing the failure.
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
 * --ssl-ciphers), --port-file, and --default-port=PORT (server and client
 * then use the _with_default_port() functions).  Every wait is bounded
 * (60 s, generous for valgrind) so that a broken peer makes the test fail
 * instead of hanging. */

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

#define TIMEOUT_MSEC 60000

static const char *port_file;
static int default_port = -1;   /* --default-port, or -1. */
static size_t repeat = 1;       /* --repeat: copies of the message. */

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
        OPT_DEFAULT_PORT,
        OPT_REPEAT,
        STREAM_SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"port-file", required_argument, NULL, OPT_PORT_FILE},
        {"default-port", required_argument, NULL, OPT_DEFAULT_PORT},
        {"repeat", required_argument, NULL, OPT_REPEAT},
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

        case OPT_DEFAULT_PORT:
            default_port = atoi(optarg);
            break;

        case OPT_REPEAT:
            repeat = MAX(atoi(optarg), 1);
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

    error = (default_port < 0
             ? pstream_open(name, &pstream, DSCP_DEFAULT)
             : pstream_open_with_default_port(name, default_port, &pstream,
                                              DSCP_DEFAULT));
    if (error) {
        printf("pstream_open failed: %s\n", ovs_strerror(error));
        finish(EXIT_FAILURE);
    }
    /* The port file first: "listening" tells the test both are ready. */
    write_port_file(pstream);
    printf("listening on %s\n", pstream_get_name(pstream));
    fflush(stdout);

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

/* Sends OUT (N bytes) on STREAM and reads back as many bytes into IN,
 * doing both at once so that neither side's buffers can fill up and stall
 * the other.  Returns NULL or a static error description. */
static const char *
exchange(struct stream *stream, const char *out, char *in, size_t n)
{
    long long int deadline = time_msec() + TIMEOUT_MSEC;
    size_t sent = 0, received = 0;

    while (received < n) {
        bool progress = false;
        int retval;

        stream_run(stream);
        if (sent < n) {
            retval = stream_send(stream, out + sent, n - sent);
            if (retval > 0) {
                sent += retval;
                progress = true;
            } else if (retval != -EAGAIN) {
                return ovs_strerror(-retval);
            }
        }

        retval = stream_recv(stream, in + received, n - received);
        if (retval > 0) {
            received += retval;
            progress = true;
        } else if (!retval) {
            return "connection closed early";
        } else if (retval != -EAGAIN) {
            return ovs_strerror(-retval);
        }

        if (progress) {
            deadline = time_msec() + TIMEOUT_MSEC;
        } else if (time_msec() >= deadline) {
            return ovs_strerror(ETIMEDOUT);
        } else {
            stream_run_wait(stream);
            if (sent < n) {
                stream_send_wait(stream);
            }
            stream_recv_wait(stream);
            poll_timer_wait_until(deadline);
            poll_block();
        }
    }
    return NULL;
}

static void
do_client(const char *name, const char *message)
{
    size_t len = strlen(message);
    size_t total = len * repeat;
    char *out = xmalloc(total + 1);
    char *in = xmalloc(total + 1);
    struct stream *stream;
    const char *failure;
    int error;
    size_t i;

    for (i = 0; i < repeat; i++) {
        memcpy(out + i * len, message, len);
    }
    out[total] = in[total] = '\0';

    error = (default_port < 0
             ? stream_open(name, &stream, DSCP_DEFAULT)
             : stream_open_with_default_port(name, default_port, &stream,
                                             DSCP_DEFAULT));
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

    failure = exchange(stream, out, in, total);
    if (failure) {
        printf("exchange failed: %s\n", failure);
        finish(EXIT_FAILURE);
    }
    if (memcmp(in, out, total)) {
        printf("echo differs from what was sent\n");
        finish(EXIT_FAILURE);
    }
    if (repeat == 1) {
        printf("received \"%s\"\n", in);
    } else {
        printf("received %zu bytes intact\n", total);
    }
    free(out);
    free(in);
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
