/* Unit tests for lib/jsonrpc.c.
 *
 *     ovstest test-jsonrpc [DAEMON-OPTIONS] [VLOG-OPTIONS] COMMAND ARG...
 *
 * Commands:
 *
 *     listen PASSIVE          serve connections on PASSIVE (e.g.
 *                             punix:socket): a request is answered with
 *                             its params as the result, except method
 *                             "fail", answered with an error; the
 *                             notification "shutdown" makes it exit.
 *                             Connections are sessions, so "echo"
 *                             requests are answered by the session layer.
 *     request REMOTE METHOD PARAMS
 *                             send a request and print the reply
 *     notify REMOTE METHOD PARAMS
 *                             send a notification
 *     session-request REMOTE METHOD PARAMS
 *                             like request, through a reconnecting
 *                             session (so REMOTE may come up later)
 *     raw REMOTE TEXT         send TEXT as is, then print whatever comes
 *                             back until the peer closes the connection
 *     parse JSON              check JSON as a JSON-RPC message and print
 *                             it back, or the error
 */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "fatal-signal.h"
#include "jsonrpc.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovstest.h"
#include "stream.h"

/* Handles the options before the command. */
static void
parse_jsonrpc_test_options(int argc, char *argv[])
{
    enum { DAEMON_OPTION_ENUMS, VLOG_OPTION_ENUMS };
    static const struct option long_options[] = {
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };

    optind = 1;
    for (;;) {
        /* '+': options end at the command. */
        int c = getopt_long(argc, argv, "+v::", long_options, NULL);

        if (c == -1) {
            break;
        }
        switch (c) {
        DAEMON_OPTION_HANDLERS
        VLOG_OPTION_HANDLERS

        default:
            /* getopt_long() has printed the problem. */
            exit(EXIT_FAILURE);
        }
    }
}

/* Parses S as the JSON params of a message, exiting on error. */
static struct json *
parse_params(const char *s)
{
    struct json *json = json_from_string(s);

    if (json->type == JSON_STRING) {
        ovs_fatal(0, "\"%s\": %s", s, json_string(json));
    } else if (json->type != JSON_ARRAY) {
        ovs_fatal(0, "\"%s\": not a JSON array", s);
    }
    return json;
}

static void
print_msg(const struct jsonrpc_msg *msg)
{
    char *s = jsonrpc_msg_to_string(msg);

    printf("%s\n", s);
    free(s);
}

static struct jsonrpc *
open_rpc(const char *remote)
{
    struct stream *stream;
    int error;

    error = stream_open_block(stream_open(remote, &stream, 0), -1, &stream);
    if (error) {
        ovs_fatal(error, "could not open \"%s\"", remote);
    }
    return jsonrpc_open(stream);
}

/* The listener. */

struct listen_conn {
    struct jsonrpc_session *session;
};

/* Handles one message received by the listener.  Returns true if it asked
 * the listener to shut down. */
static bool
handle_msg(struct jsonrpc_session *session, struct jsonrpc_msg *msg)
{
    bool shutdown = false;

    if (msg->type == JSONRPC_REQUEST) {
        struct jsonrpc_msg *reply;

        if (!strcmp(msg->method, "fail")) {
            reply = jsonrpc_create_error(
                json_string_create("failure requested"), msg->id);
        } else {
            reply = jsonrpc_create_reply(json_clone(msg->params), msg->id);
        }
        jsonrpc_session_send(session, reply);
    } else if (msg->type == JSONRPC_NOTIFY
               && !strcmp(msg->method, "shutdown")) {
        shutdown = true;
    }
    jsonrpc_msg_destroy(msg);
    return shutdown;
}

static void
do_listen(const char *name)
{
    struct jsonrpc_session **sessions = NULL;
    size_t n_sessions = 0, allocated = 0;
    struct pstream *pstream;
    bool done = false;
    size_t i;
    int error;

    error = pstream_open(name, &pstream, 0);
    if (error) {
        ovs_fatal(error, "could not listen on \"%s\"", name);
    }
    daemonize_complete();

    while (!done) {
        struct stream *stream;

        error = pstream_accept(pstream, &stream);
        if (!error) {
            if (n_sessions >= allocated) {
                sessions = x2nrealloc(sessions, &allocated,
                                      sizeof *sessions);
            }
            sessions[n_sessions++] = jsonrpc_session_open_unreliably(
                jsonrpc_open(stream), 0);
        } else if (error != EAGAIN) {
            ovs_fatal(error, "pstream_accept failed");
        }

        for (i = 0; i < n_sessions; ) {
            struct jsonrpc_session *s = sessions[i];
            struct jsonrpc_msg *msg;

            jsonrpc_session_run(s);
            while (!done && (msg = jsonrpc_session_recv(s))) {
                done = handle_msg(s, msg);
            }
            if (!jsonrpc_session_is_alive(s)) {
                jsonrpc_session_close(s);
                sessions[i] = sessions[--n_sessions];
            } else {
                i++;
            }
        }

        pstream_wait(pstream);
        for (i = 0; i < n_sessions; i++) {
            jsonrpc_session_wait(sessions[i]);
            jsonrpc_session_recv_wait(sessions[i]);
        }
        if (!done) {
            poll_block();
        }
    }

    for (i = 0; i < n_sessions; i++) {
        jsonrpc_session_close(sessions[i]);
    }
    free(sessions);
    pstream_close(pstream);
}

/* Clients. */

static void
do_request(const char *remote, const char *method, const char *params)
{
    struct jsonrpc_msg *request, *reply;
    struct jsonrpc *rpc = open_rpc(remote);
    int error;

    request = jsonrpc_create_request(method, parse_params(params), NULL);
    error = jsonrpc_transact_block(rpc, request, &reply);
    if (error) {
        ovs_fatal(error, "transaction failed");
    }
    print_msg(reply);
    jsonrpc_msg_destroy(reply);
    jsonrpc_close(rpc);
}

static void
do_notify(const char *remote, const char *method, const char *params)
{
    struct jsonrpc *rpc = open_rpc(remote);
    int error;

    error = jsonrpc_send_block(rpc, jsonrpc_create_notify(
                                   method, parse_params(params)));
    if (error) {
        ovs_fatal(error, "could not send notification");
    }
    jsonrpc_close(rpc);
}

static void
do_session_request(const char *remote, const char *method,
                   const char *params)
{
    struct jsonrpc_session *s = jsonrpc_session_open(remote, true);
    struct json *request_id = NULL;
    struct json *params_json = parse_params(params);
    unsigned int seqno = 0;

    jsonrpc_session_set_max_backoff(s, 1000);
    for (;;) {
        struct jsonrpc_msg *msg;

        jsonrpc_session_run(s);
        if (!jsonrpc_session_is_alive(s)) {
            ovs_fatal(jsonrpc_session_get_last_error(s), "session died");
        }

        /* (Re)send the request on every new connection. */
        if (jsonrpc_session_is_connected(s)
            && seqno != jsonrpc_session_get_seqno(s)) {
            struct jsonrpc_msg *request;

            seqno = jsonrpc_session_get_seqno(s);
            json_destroy(request_id);
            request = jsonrpc_create_request(method,
                                             json_clone(params_json),
                                             &request_id);
            jsonrpc_session_send(s, request);
        }

        msg = jsonrpc_session_recv(s);
        if (msg) {
            if (request_id && msg->id && json_equal(msg->id, request_id)) {
                print_msg(msg);
                jsonrpc_msg_destroy(msg);
                break;
            }
            jsonrpc_msg_destroy(msg);
            continue;
        }

        jsonrpc_session_wait(s);
        jsonrpc_session_recv_wait(s);
        poll_block();
    }
    json_destroy(request_id);
    json_destroy(params_json);
    jsonrpc_session_close(s);
}

static void
do_raw(const char *remote, const char *text)
{
    struct stream *stream;
    size_t ofs = 0;
    int error;

    error = stream_open_block(stream_open(remote, &stream, 0), -1, &stream);
    if (error) {
        ovs_fatal(error, "could not open \"%s\"", remote);
    }

    while (ofs < strlen(text)) {
        int retval = stream_send(stream, text + ofs, strlen(text) - ofs);

        if (retval >= 0) {
            ofs += retval;
        } else if (retval == -EAGAIN) {
            stream_run(stream);
            stream_send_wait(stream);
            poll_block();
        } else {
            ovs_fatal(-retval, "send failed");
        }
    }

    for (;;) {
        char buf[256];
        int retval = stream_recv(stream, buf, sizeof buf);

        if (retval > 0) {
            fwrite(buf, 1, retval, stdout);
        } else if (retval == 0) {
            printf("<EOF>\n");
            break;
        } else if (retval == -EAGAIN) {
            stream_run(stream);
            stream_recv_wait(stream);
            poll_block();
        } else {
            printf("<%s>\n", ovs_strerror(-retval));
            break;
        }
    }
    stream_close(stream);
}

static void
do_parse(const char *s)
{
    struct json *json = json_from_string(s);
    struct jsonrpc_msg *msg;
    char *error;

    if (json->type == JSON_STRING) {
        printf("bad JSON: %s\n", json_string(json));
        json_destroy(json);
        exit(1);
    }

    error = jsonrpc_msg_from_json(json, &msg);
    if (error) {
        printf("error: %s\n", error);
        free(error);
        exit(1);
    }
    printf("%s: ", jsonrpc_msg_type_to_string(msg->type));
    print_msg(msg);
    jsonrpc_msg_destroy(msg);
}

static void
test_jsonrpc_main(int argc, char *argv[])
{
    const char *command;
    int n_args;

    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    parse_jsonrpc_test_options(argc, argv);
    if (optind >= argc) {
        ovs_fatal(0, "missing command (see tests/test-jsonrpc.c)");
    }
    command = argv[optind];
    n_args = argc - optind - 1;
    argv += optind + 1;

    if (!strcmp(command, "listen") && n_args == 1) {
        daemonize_start(false);
        do_listen(argv[0]);
    } else if (!strcmp(command, "request") && n_args == 3) {
        do_request(argv[0], argv[1], argv[2]);
    } else if (!strcmp(command, "notify") && n_args == 3) {
        do_notify(argv[0], argv[1], argv[2]);
    } else if (!strcmp(command, "session-request") && n_args == 3) {
        do_session_request(argv[0], argv[1], argv[2]);
    } else if (!strcmp(command, "raw") && n_args == 2) {
        do_raw(argv[0], argv[1]);
    } else if (!strcmp(command, "parse") && n_args == 1) {
        do_parse(argv[0]);
    } else {
        ovs_fatal(0, "unknown command \"%s\" or wrong number of arguments",
                  command);
    }
}

OVSTEST_REGISTER("test-jsonrpc", test_jsonrpc_main);
