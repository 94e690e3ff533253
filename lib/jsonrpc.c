/* JSON-RPC 1.0 connections and reconnecting sessions.
 *
 * On the wire, a JSON-RPC connection is a plain sequence of JSON objects,
 * with no framing: a message ends where its closing brace is.  So the
 * receive side keeps one incremental JSON parser alive across reads and
 * starts a new one after each complete value; the send side serializes each
 * message into a buffer and queues it until the stream takes it.
 *
 * A connection that sees anything wrong (a read or write error, the peer
 * closing, bytes that are not JSON, JSON that is not a JSON-RPC message)
 * records the error as its status, drops its queues, and from then on does
 * nothing but report that status.  Recovery is the session's job: a session
 * owns a struct reconnect that tells it when to connect, when to give up on
 * a silent peer, and when to probe an idle one with an "echo" request.
 * Echo requests from the peer are answered inside the session, so the
 * layers above never see them. */

#include <config.h>
#include "jsonrpc.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/list.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "reconnect.h"
#include "stream.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(jsonrpc);

/* A message waiting to be sent. */
struct jsonrpc_output {
    struct ovs_list list_node;  /* In struct jsonrpc's 'output'. */
    char *data;                 /* Serialized message, owned. */
    size_t size;                /* Bytes in 'data'. */
    size_t ofs;                 /* Bytes of 'data' already sent. */
};

struct jsonrpc {
    struct stream *stream;
    char *name;
    int status;                 /* 0 or a positive errno value (or EOF). */

    /* Input. */
    char input[4096];
    size_t input_ofs;           /* First unparsed byte in 'input'. */
    size_t input_len;           /* Bytes in 'input'. */
    struct json_parser *parser; /* Parser of the message in progress. */
    unsigned int received_bytes;

    /* Output. */
    struct ovs_list output;     /* Of struct jsonrpc_output. */
    size_t output_count;        /* Messages in 'output'. */
    size_t backlog;             /* Unsent bytes in 'output'. */
    size_t max_output;          /* Limit on 'output_count', 0 for none. */
    size_t max_backlog;         /* Limit on 'backlog', 0 for none. */
};

static void jsonrpc_error(struct jsonrpc *, int error);
static void jsonrpc_flush(struct jsonrpc *);

/* Returns a new connection over STREAM, which it takes over. */
struct jsonrpc *
jsonrpc_open(struct stream *stream)
{
    struct jsonrpc *rpc = xzalloc(sizeof *rpc);

    ovs_assert(stream);
    rpc->stream = stream;
    rpc->name = xstrdup(stream_get_name(rpc->stream));
    ovs_list_init(&rpc->output);
    return rpc;
}

static void
jsonrpc_purge_output(struct jsonrpc *rpc)
{
    struct jsonrpc_output *out;

    LIST_FOR_EACH_POP (out, list_node, &rpc->output) {
        free(out->data);
        free(out);
    }
    rpc->output_count = 0;
    rpc->backlog = 0;
}

/* Closes RPC and frees everything it owns.  RPC may be NULL. */
void
jsonrpc_close(struct jsonrpc *rpc)
{
    if (rpc) {
        jsonrpc_purge_output(rpc);
        json_parser_abort(rpc->parser);
        stream_close(rpc->stream);
        free(rpc->name);
        free(rpc);
    }
}

/* Sends as much queued output as the stream accepts. */
void
jsonrpc_run(struct jsonrpc *rpc)
{
    if (!rpc->status) {
        stream_run(rpc->stream);
        jsonrpc_flush(rpc);
    }
}

/* Hands queued output to the stream until it is all gone or the stream is
 * full. */
static void
jsonrpc_flush(struct jsonrpc *rpc)
{
    while (!rpc->status && rpc->output_count > 0) {
        struct jsonrpc_output *out;
        int retval;

        out = CONTAINER_OF(ovs_list_front(&rpc->output),
                           struct jsonrpc_output, list_node);
        retval = stream_send(rpc->stream, out->data + out->ofs,
                             out->size - out->ofs);
        if (retval < 0) {
            if (retval != -EAGAIN) {
                if (error_is_peer_hangup(-retval)) {
                    VLOG_DBG("%s: peer went away while sending (%s)",
                             rpc->name, ovs_strerror(-retval));
                } else {
                    VLOG_WARN("%s: send error: %s", rpc->name,
                              ovs_strerror(-retval));
                }
                jsonrpc_error(rpc, -retval);
            }
            break;
        }

        out->ofs += retval;
        rpc->backlog -= retval;
        if (out->ofs < out->size) {
            break;              /* The stream is full for now. */
        }
        ovs_list_remove(&out->list_node);
        rpc->output_count--;
        free(out->data);
        free(out);
    }
}

void
jsonrpc_wait(struct jsonrpc *rpc)
{
    if (rpc->status) {
        return;
    }
    stream_run_wait(rpc->stream);
    if (rpc->output_count > 0) {
        /* More to send once the stream has room. */
        stream_send_wait(rpc->stream);
    }
}

int
jsonrpc_get_status(const struct jsonrpc *rpc)
{
    return rpc->status;
}

size_t
jsonrpc_get_backlog(const struct jsonrpc *rpc)
{
    return rpc->status ? 0 : rpc->backlog;
}

unsigned int
jsonrpc_get_received_bytes(const struct jsonrpc *rpc)
{
    return rpc->received_bytes;
}

void
jsonrpc_set_backlog_threshold(struct jsonrpc *rpc, size_t max_n_msgs,
                              size_t max_backlog_bytes)
{
    rpc->max_output = max_n_msgs;
    rpc->max_backlog = max_backlog_bytes;
}

const char *
jsonrpc_get_name(const struct jsonrpc *rpc)
{
    return rpc->name;
}

/* Puts RPC into the failed state with ERROR, dropping everything queued. */
static void
jsonrpc_error(struct jsonrpc *rpc, int error)
{
    ovs_assert(error != 0);
    if (!rpc->status) {
        rpc->status = error;
        jsonrpc_purge_output(rpc);
        json_parser_abort(rpc->parser);
        rpc->parser = NULL;
        rpc->input_ofs = rpc->input_len = 0;
    }
}

static void
jsonrpc_log_msg(const struct jsonrpc *rpc, const char *title,
                const struct jsonrpc_msg *msg)
{
    if (VLOG_IS_DBG_ENABLED()) {
        char *s = jsonrpc_msg_to_string(msg);

        VLOG_DBG("%s: %s %s", rpc->name, title, s);
        free(s);
    }
}

/* Queues MSG (taking ownership) for sending. */
int
jsonrpc_send(struct jsonrpc *rpc, struct jsonrpc_msg *msg)
{
    struct jsonrpc_output *out;
    struct json *json;

    if (!rpc->status) {
        jsonrpc_log_msg(rpc, "send", msg);
    } else {
        jsonrpc_msg_destroy(msg);
        return rpc->status;
    }
    json = jsonrpc_msg_to_json(msg);
    out = xmalloc(sizeof *out);
    out->data = json_to_string(json, 0);
    out->size = strlen(out->data);
    out->ofs = 0;
    json_destroy(json);

    ovs_list_push_back(&rpc->output, &out->list_node);
    rpc->output_count++;
    rpc->backlog += out->size;

    if ((rpc->max_output && rpc->output_count > rpc->max_output)
        || (rpc->max_backlog && rpc->backlog > rpc->max_backlog)) {
        VLOG_WARN("%s: send queue is too long (%zu messages, "
                  "%zu bytes), disconnecting", rpc->name,
                  rpc->output_count, rpc->backlog);
        jsonrpc_error(rpc, ENOBUFS);
        return rpc->status;
    }

    jsonrpc_run(rpc);
    return rpc->status;
}

/* Hands the value that the parser finished to the caller, as a message. */
static int
jsonrpc_received(struct jsonrpc *rpc, struct jsonrpc_msg **msgp)
{
    struct json *json = json_parser_finish(rpc->parser);
    char *error;

    rpc->parser = NULL;
    if (json->type == JSON_STRING) {
        VLOG_WARN("%s: error parsing stream: %s", rpc->name,
                  json_string(json));
        json_destroy(json);
        jsonrpc_error(rpc, EPROTO);
        return EPROTO;
    }

    error = jsonrpc_msg_from_json(json, msgp);
    if (error) {
        VLOG_WARN("%s: received bad JSON-RPC message: %s", rpc->name,
                  error);
        free(error);
        jsonrpc_error(rpc, EPROTO);
        return EPROTO;
    }
    jsonrpc_log_msg(rpc, "received", *msgp);
    return 0;
}

/* Tries to receive a message (see jsonrpc.h). */
int
jsonrpc_recv(struct jsonrpc *rpc, struct jsonrpc_msg **msgp)
{
    int i;

    *msgp = NULL;
    if (rpc->status) {
        return rpc->status;
    }

    /* Bound the work done per call, so that a fast peer cannot starve the
     * rest of the main loop. */
    for (i = 0; i < 50; i++) {
        if (rpc->input_ofs == rpc->input_len) {
            int retval = stream_recv(rpc->stream, rpc->input,
                                     sizeof rpc->input);

            if (retval < 0) {
                if (retval == -EAGAIN) {
                    return EAGAIN;
                }
                VLOG_WARN("%s: receive error: %s", rpc->name,
                          ovs_strerror(-retval));
                jsonrpc_error(rpc, -retval);
                return rpc->status;
            } else if (retval == 0) {
                if (rpc->parser && !json_parser_is_done(rpc->parser)) {
                    struct json *partial = json_parser_finish(rpc->parser);

                    rpc->parser = NULL;
                    if (partial->type == JSON_STRING
                        && !strstr(json_string(partial), "empty input")) {
                        VLOG_WARN("%s: connection closed in the middle of "
                                  "a message", rpc->name);
                    }
                    json_destroy(partial);
                }
                jsonrpc_error(rpc, EOF);
                return EOF;
            }
            rpc->input_ofs = 0;
            rpc->input_len = retval;
            rpc->received_bytes += retval;
        } else {
            size_t n;

            if (!rpc->parser) {
                rpc->parser = json_parser_create(0);
            }
            n = json_parser_feed(rpc->parser, rpc->input + rpc->input_ofs,
                                 rpc->input_len - rpc->input_ofs);
            rpc->input_ofs += n;
            if (json_parser_is_done(rpc->parser)) {
                return jsonrpc_received(rpc, msgp);
            }
        }
    }
    return EAGAIN;
}

void
jsonrpc_recv_wait(struct jsonrpc *rpc)
{
    if (rpc->status || rpc->input_ofs < rpc->input_len) {
        poll_immediate_wake();
    } else {
        stream_recv_wait(rpc->stream);
    }
}

/* Sends MSG (taking ownership) and waits until the stream has taken all of
 * the queued output, or the connection failed. */
int
jsonrpc_send_block(struct jsonrpc *rpc, struct jsonrpc_msg *msg)
{
    int error = jsonrpc_send(rpc, msg);

    while (!error && rpc->output_count > 0) {
        jsonrpc_wait(rpc);
        poll_block();
        jsonrpc_run(rpc);
        error = rpc->status;
    }
    return error;
}

/* Waits for a message (or an error). */
int
jsonrpc_recv_block(struct jsonrpc *rpc, struct jsonrpc_msg **msgp)
{
    int error;

    while ((error = jsonrpc_recv(rpc, msgp)) == EAGAIN) {
        /* Keep output moving too: the peer may wait for it. */
        jsonrpc_run(rpc);
        jsonrpc_recv_wait(rpc);
        jsonrpc_wait(rpc);
        poll_block();
    }
    return error;
}

static bool
is_answer_to(const struct jsonrpc_msg *msg, const struct json *id)
{
    return ((msg->type == JSONRPC_ERROR || msg->type == JSONRPC_REPLY)
            && msg->id && json_equal(msg->id, id));
}

int
jsonrpc_transact_block(struct jsonrpc *rpc, struct jsonrpc_msg *request,
                       struct jsonrpc_msg **replyp)
{
    struct json *request_id = (request->id
                               ? json_clone(request->id)
                               : json_null_create());
    int error = jsonrpc_send_block(rpc, request);

    *replyp = NULL;
    while (!error) {
        struct jsonrpc_msg *msg;

        error = jsonrpc_recv_block(rpc, &msg);
        if (!error && is_answer_to(msg, request_id)) {
            *replyp = msg;
            break;
        }
        /* Anything else that arrives meanwhile is dropped. */
        jsonrpc_msg_destroy(msg);
    }
    json_destroy(request_id);
    return error;
}

/* ------------------------------------------------------------------ */
/* Messages. */

/* Returns a new message with the given parts, taking ownership of the JSON
 * values (METHOD is copied). */
static struct jsonrpc_msg *
jsonrpc_msg_create__(enum jsonrpc_msg_type type, const char *method,
                     struct json *params, struct json *result,
                     struct json *error, struct json *id)
{
    struct jsonrpc_msg *msg = xmalloc(sizeof *msg);

    *msg = (struct jsonrpc_msg) {
        .type = type,
        .method = method ? xstrdup(method) : NULL,
        .params = params,
        .result = result,
        .error = error,
        .id = id,
    };
    return msg;
}

/* Request ids are consecutive integers, unique within the process. */
static struct json *
jsonrpc_next_id(void)
{
    static unsigned int counter;

    return json_integer_create(__atomic_fetch_add(&counter, 1,
                                                  __ATOMIC_RELAXED));
}

struct jsonrpc_msg *
jsonrpc_create_request(const char *method, struct json *params,
                       struct json **idp)
{
    struct jsonrpc_msg *request;

    request = jsonrpc_msg_create__(JSONRPC_REQUEST, method, params, NULL,
                                   NULL, jsonrpc_next_id());
    if (idp) {
        *idp = json_clone(request->id);
    }
    return request;
}

struct jsonrpc_msg *
jsonrpc_create_notify(const char *method, struct json *params)
{
    return jsonrpc_msg_create__(JSONRPC_NOTIFY, method, params,
                                NULL, NULL, NULL);
}

/* Replies and errors answer request ID, which is cloned. */
struct jsonrpc_msg *
jsonrpc_create_reply(struct json *result, const struct json *id)
{
    struct json *id_copy = json_clone(id);

    return jsonrpc_msg_create__(JSONRPC_REPLY, NULL, NULL,
                                result, NULL, id_copy);
}

struct jsonrpc_msg *
jsonrpc_create_error(struct json *error, const struct json *id)
{
    struct json *id_copy = json_clone(id);

    return jsonrpc_msg_create__(JSONRPC_ERROR, NULL, NULL,
                                NULL, error, id_copy);
}

static struct json *
nullable_json_clone(const struct json *json)
{
    return json ? json_clone(json) : NULL;
}

/* Returns a copy of MSG (sharing its JSON values, which are immutable once
 * in a message). */
struct jsonrpc_msg *
jsonrpc_msg_clone(const struct jsonrpc_msg *msg)
{
    return jsonrpc_msg_create__(msg->type, msg->method,
                          nullable_json_clone(msg->params),
                          nullable_json_clone(msg->result),
                          nullable_json_clone(msg->error),
                          nullable_json_clone(msg->id));
}

void
jsonrpc_msg_destroy(struct jsonrpc_msg *msg)
{
    if (msg) {
        free(msg->method);
        json_destroy(msg->params);
        json_destroy(msg->result);
        json_destroy(msg->error);
        json_destroy(msg->id);
        free(msg);
    }
}

const char *
jsonrpc_msg_type_to_string(enum jsonrpc_msg_type type)
{
    static const char *const names[] = {
        [JSONRPC_REQUEST] = "request",
        [JSONRPC_NOTIFY] = "notification",
        [JSONRPC_REPLY] = "reply",
        [JSONRPC_ERROR] = "error",
    };

    return ((unsigned int) type < ARRAY_SIZE(names)
            ? names[type] : "(bad message type)");
}

/* The members each type of message must have (1) or must not have (0). */
struct msg_shape {
    bool method, params, result, error, id;
};

static const struct msg_shape msg_shapes[] = {
    [JSONRPC_REQUEST] = { true, true, false, false, true },
    [JSONRPC_NOTIFY] = { true, true, false, false, false },
    [JSONRPC_REPLY] = { false, false, true, false, true },
    [JSONRPC_ERROR] = { false, false, false, true, true },
};

static char *
check_member(const char *type_name, const char *member, bool present,
             bool wanted)
{
    if (present != wanted) {
        return xasprintf("%s must%s have \"%s\"", type_name,
                         wanted ? "" : " not", member);
    }
    return NULL;
}

/* Returns NULL if MSG is well formed, otherwise an error message that the
 * caller must free(). */
char *
jsonrpc_msg_is_valid(const struct jsonrpc_msg *msg)
{
    const struct msg_shape *shape;
    const char *type_name;
    char *error;

    if (msg->type < JSONRPC_REQUEST || msg->type > JSONRPC_ERROR) {
        return xasprintf("invalid JSON-RPC message type %d", msg->type);
    }
    shape = &msg_shapes[msg->type];
    type_name = jsonrpc_msg_type_to_string(msg->type);

    if ((error = check_member(type_name, "method", msg->method != NULL,
                              shape->method))
        || (error = check_member(type_name, "params", msg->params != NULL,
                                 shape->params))
        || (error = check_member(type_name, "result", msg->result != NULL,
                                 shape->result))
        || (error = check_member(type_name, "error", msg->error != NULL,
                                 shape->error))
        || (error = check_member(type_name, "id", msg->id != NULL,
                                 shape->id))) {
        return error;
    }
    if (msg->params && msg->params->type != JSON_ARRAY) {
        return xasprintf("\"params\" must be JSON array, not %s",
                         json_type_to_string(msg->params->type));
    }
    return NULL;
}

/* Removes member NAME from OBJECT and returns its value, or NULL if it is
 * absent.  With NULL_IS_ABSENT, a JSON null value also counts as absent. */
static struct json *
take_member(struct json *object, const char *name, bool null_is_absent)
{
    struct json *value = shash_find_and_delete(json_object(object), name);

    if (value && null_is_absent && value->type == JSON_NULL) {
        json_destroy(value);
        value = NULL;
    }
    return value;
}

char *
jsonrpc_msg_from_json(struct json *json, struct jsonrpc_msg **msgp)
{
    struct json *method = NULL, *params = NULL, *result = NULL;
    struct json *error = NULL, *id = NULL;
    struct jsonrpc_msg *msg = NULL;
    enum jsonrpc_msg_type type;
    char *problem = NULL;

    *msgp = NULL;
    if (json->type != JSON_OBJECT) {
        problem = xasprintf("message is not a JSON object (it is %s)",
                            json_type_to_string(json->type));
        goto exit;
    }

    method = take_member(json, "method", false);
    params = take_member(json, "params", false);
    result = take_member(json, "result", false);
    error = take_member(json, "error", true);
    id = take_member(json, "id", true);

    if (!shash_is_empty(json_object(json))) {
        const struct shash_node **extra = shash_sort(json_object(json));

        problem = xasprintf("message has unexpected member \"%s\"",
                            extra[0]->name);
        free(extra);
        goto exit;
    }
    if (method && method->type != JSON_STRING) {
        problem = xasprintf("method is not a JSON string (it is %s)",
                            json_type_to_string(method->type));
        goto exit;
    }

    /* A JSON-RPC 1.0 error response carries "result": null next to its
     * error; a reply carries "error": null, already dropped above. */
    if (error && result && result->type == JSON_NULL) {
        json_destroy(result);
        result = NULL;
    }
    type = (error ? JSONRPC_ERROR
            : result ? JSONRPC_REPLY
            : id ? JSONRPC_REQUEST
            : JSONRPC_NOTIFY);

    msg = jsonrpc_msg_create__(type, method ? json_string(method) : NULL,
                               params, result, error, id);
    params = result = error = id = NULL;
    problem = jsonrpc_msg_is_valid(msg);
    if (problem) {
        jsonrpc_msg_destroy(msg);
        msg = NULL;
    }

exit:
    json_destroy(method);
    json_destroy(params);
    json_destroy(result);
    json_destroy(error);
    json_destroy(id);
    json_destroy(json);
    *msgp = msg;
    return problem;
}

struct json *
jsonrpc_msg_to_json(struct jsonrpc_msg *msg)
{
    struct json *json = json_object_create();

    switch (msg->type) {
    case JSONRPC_REQUEST:
    case JSONRPC_NOTIFY:
        if (msg->method) {
            json_object_put_nocopy(json, xstrdup("method"),
                                   json_string_create_nocopy(msg->method));
            msg->method = NULL;
        }
        if (msg->params) {
            json_object_put(json, "params", msg->params);
            msg->params = NULL;
        }
        json_object_put(json, "id",
                        msg->id ? msg->id : json_null_create());
        msg->id = NULL;
        break;

    case JSONRPC_REPLY:
    case JSONRPC_ERROR:
        json_object_put(json, "id", msg->id ? msg->id : json_null_create());
        msg->id = NULL;
        json_object_put(json, "result",
                        msg->result ? msg->result : json_null_create());
        msg->result = NULL;
        json_object_put(json, "error",
                        msg->error ? msg->error : json_null_create());
        msg->error = NULL;
        break;

    default:
        OVS_NOT_REACHED();
    }

    jsonrpc_msg_destroy(msg);
    return json;
}

char *
jsonrpc_msg_to_string(const struct jsonrpc_msg *msg)
{
    struct json *json = jsonrpc_msg_to_json(jsonrpc_msg_clone(msg));
    char *s = json_to_string(json, JSSF_SORT);

    json_destroy(json);
    return s;
}

/* ------------------------------------------------------------------ */
/* Sessions. */

struct jsonrpc_session {
    char *name;
    struct reconnect *reconnect;
    struct jsonrpc *rpc;        /* The connection, if connected. */
    struct stream *stream;      /* A connection in progress (active). */
    struct pstream *pstream;    /* The listener (passive). */
    int last_error;
    unsigned int seqno;
    uint8_t dscp;
    size_t max_n_msgs;
    size_t max_backlog_bytes;
};

static struct jsonrpc_session *
jsonrpc_session_create__(const char *name)
{
    struct jsonrpc_session *s = xzalloc(sizeof *s);

    s->name = xstrdup(name);
    s->reconnect = reconnect_create(time_msec());
    reconnect_set_name(s->reconnect, name);
    s->dscp = 0;
    return s;
}

struct jsonrpc_session *
jsonrpc_session_open(const char *name, bool retry)
{
    struct jsonrpc_session *s = jsonrpc_session_create__(name);
    long long int now = time_msec();

    if (!pstream_verify_name(name)) {
        reconnect_set_passive(s->reconnect, true, now);
    }
    if (!stream_or_pstream_needs_probes(name)) {
        reconnect_set_probe_interval(s->reconnect, 0);
    }
    if (!retry) {
        reconnect_set_max_tries(s->reconnect, 1);
    }
    reconnect_enable(s->reconnect, now);
    return s;
}

struct jsonrpc_session *
jsonrpc_session_open_unreliably(struct jsonrpc *rpc, uint8_t dscp)
{
    struct jsonrpc_session *s = jsonrpc_session_create__(
        jsonrpc_get_name(rpc));
    long long int now = time_msec();

    reconnect_set_quiet(s->reconnect, true);
    /* Probe only connections known to cross a network (an accepted
     * connection's name, e.g. "unix#3", may be unknown to the stream
     * library). */
    if (stream_or_pstream_needs_probes(s->name) != 1) {
        reconnect_set_probe_interval(s->reconnect, 0);
    }
    reconnect_enable(s->reconnect, now);
    reconnect_connected(s->reconnect, now);
    /* No tries left: once this connection drops, the session is dead. */
    reconnect_set_max_tries(s->reconnect, 0);
    s->rpc = rpc;
    s->dscp = dscp;
    s->seqno = 1;
    return s;
}

static void
jsonrpc_session_disconnect(struct jsonrpc_session *s)
{
    /* Only a connection that was up counts as a change for the seqno. */
    s->seqno += s->rpc != NULL;
    jsonrpc_close(s->rpc);
    s->rpc = NULL;
    stream_close(s->stream);
    s->stream = NULL;
}

void
jsonrpc_session_close(struct jsonrpc_session *s)
{
    if (s) {
        jsonrpc_close(s->rpc);
        stream_close(s->stream);
        pstream_close(s->pstream);
        reconnect_destroy(s->reconnect);
        free(s->name);
        free(s);
    }
}

static void
jsonrpc_session_set_rpc(struct jsonrpc_session *s, struct stream *stream)
{
    s->rpc = jsonrpc_open(stream);
    jsonrpc_set_backlog_threshold(s->rpc, s->max_n_msgs,
                                  s->max_backlog_bytes);
    s->seqno++;
}

static void
jsonrpc_session_connect(struct jsonrpc_session *s)
{
    long long int now = time_msec();
    int error;

    jsonrpc_session_disconnect(s);
    if (!reconnect_is_passive(s->reconnect)) {
        error = stream_open(s->name, &s->stream, s->dscp);
        if (!error) {
            reconnect_connecting(s->reconnect, now);
        } else {
            reconnect_connect_failed(s->reconnect, now, error);
        }
    } else {
        error = s->pstream ? 0 : pstream_open(s->name, &s->pstream, s->dscp);
        if (!error) {
            reconnect_listening(s->reconnect, now);
        } else {
            reconnect_listen_error(s->reconnect, now, error);
        }
    }
    if (error) {
        s->last_error = error;
    }
}

static void
jsonrpc_session_send_probe(struct jsonrpc_session *s)
{
    struct jsonrpc_msg *request;

    request = jsonrpc_create_request("echo", json_array_create_empty(),
                                     NULL);
    json_destroy(request->id);
    request->id = json_string_create("echo");
    jsonrpc_send(s->rpc, request);
}

void
jsonrpc_session_run(struct jsonrpc_session *s)
{
    long long int now = time_msec();

    if (s->pstream) {
        struct stream *stream;
        int error = pstream_accept(s->pstream, &stream);

        if (!error) {
            if (s->rpc || s->stream) {
                VLOG_INFO("%s: new connection replacing active connection",
                          s->name);
                reconnect_disconnected(s->reconnect, now, 0);
                jsonrpc_session_disconnect(s);
            }
            reconnect_connected(s->reconnect, now);
            jsonrpc_session_set_rpc(s, stream);
        } else if (error != EAGAIN) {
            reconnect_listen_error(s->reconnect, now, error);
            pstream_close(s->pstream);
            s->pstream = NULL;
            s->last_error = error;
        }
    }

    if (s->rpc) {
        size_t backlog = jsonrpc_get_backlog(s->rpc);
        int error;

        jsonrpc_run(s->rpc);
        if (jsonrpc_get_backlog(s->rpc) < backlog) {
            /* Data went out: the peer is reading, so it is alive. */
            reconnect_activity(s->reconnect, now);
        }
        error = jsonrpc_get_status(s->rpc);
        if (error) {
            reconnect_disconnected(s->reconnect, now, error);
            jsonrpc_session_disconnect(s);
            s->last_error = error;
        }
    } else if (s->stream) {
        int error;

        /* Still connecting: see whether that finished. */
        stream_run(s->stream);
        error = stream_connect(s->stream);
        if (!error) {
            struct stream *stream = s->stream;

            s->stream = NULL;
            reconnect_connected(s->reconnect, now);
            jsonrpc_session_set_rpc(s, stream);
        } else if (error != EAGAIN) {
            reconnect_connect_failed(s->reconnect, now, error);
            stream_close(s->stream);
            s->stream = NULL;
            s->last_error = error;
        }
    }

    switch (reconnect_run(s->reconnect, now)) {
    case RECONNECT_CONNECT:
        jsonrpc_session_connect(s);
        break;
    case RECONNECT_DISCONNECT:
        reconnect_disconnected(s->reconnect, now, 0);
        jsonrpc_session_disconnect(s);
        break;
    case RECONNECT_PROBE:
        if (s->rpc) {
            jsonrpc_session_send_probe(s);
        }
        break;
    default:
        break;
    }
}

void
jsonrpc_session_wait(struct jsonrpc_session *s)
{
    reconnect_wait(s->reconnect, time_msec());
    if (s->pstream) {
        pstream_wait(s->pstream);
    }
    if (s->stream) {
        stream_run_wait(s->stream);
        stream_connect_wait(s->stream);
    } else if (s->rpc) {
        jsonrpc_wait(s->rpc);
    }
}

size_t
jsonrpc_session_get_backlog(const struct jsonrpc_session *s)
{
    return s->rpc ? jsonrpc_get_backlog(s->rpc) : 0;
}

const char *
jsonrpc_session_get_name(const struct jsonrpc_session *s)
{
    return s->name;
}

int
jsonrpc_session_send(struct jsonrpc_session *s, struct jsonrpc_msg *msg)
{
    if (s->rpc) {
        return jsonrpc_send(s->rpc, msg);
    }
    jsonrpc_msg_destroy(msg);
    return ENOTCONN;
}

static bool
is_echo_reply(const struct jsonrpc_msg *msg)
{
    return (msg->type == JSONRPC_REPLY && msg->id
            && msg->id->type == JSON_STRING
            && !strcmp(msg->id->string, "echo"));
}

struct jsonrpc_msg *
jsonrpc_session_recv(struct jsonrpc_session *s)
{
    int i;

    /* Echo traffic is handled here; look a little further for a message
     * for the caller. */
    for (i = 0; i < 50 && s->rpc; i++) {
        unsigned int received_bytes = jsonrpc_get_received_bytes(s->rpc);
        struct jsonrpc_msg *msg;
        int error;

        error = jsonrpc_recv(s->rpc, &msg);
        if (received_bytes != jsonrpc_get_received_bytes(s->rpc)) {
            reconnect_activity(s->reconnect, time_msec());
        }
        if (error) {
            break;
        }

        if (msg->type == JSONRPC_REQUEST && !strcmp(msg->method, "echo")) {
            jsonrpc_session_send(s, jsonrpc_create_reply(
                                     json_clone(msg->params), msg->id));
        } else if (!is_echo_reply(msg)) {
            return msg;
        }
        jsonrpc_msg_destroy(msg);
    }
    return NULL;
}

void
jsonrpc_session_recv_wait(struct jsonrpc_session *s)
{
    struct jsonrpc *rpc = s->rpc;

    if (rpc) {
        jsonrpc_recv_wait(rpc);
    }
}

bool
jsonrpc_session_is_alive(const struct jsonrpc_session *s)
{
    return (s->rpc || s->stream || s->pstream
            || reconnect_is_enabled(s->reconnect));
}

bool
jsonrpc_session_is_connected(const struct jsonrpc_session *s)
{
    return s->rpc != NULL;
}

unsigned int
jsonrpc_session_get_seqno(const struct jsonrpc_session *s)
{
    return s->seqno;
}

int
jsonrpc_session_get_status(const struct jsonrpc_session *s)
{
    return s->rpc ? jsonrpc_get_status(s->rpc) : 0;
}

int
jsonrpc_session_get_last_error(const struct jsonrpc_session *s)
{
    return s->last_error;
}

void
jsonrpc_session_get_reconnect_stats(const struct jsonrpc_session *s,
                                    struct reconnect_stats *stats)
{
    reconnect_get_stats(s->reconnect, time_msec(), stats);
}

void
jsonrpc_session_enable_reconnect(struct jsonrpc_session *s)
{
    reconnect_set_max_tries(s->reconnect, UINT_MAX);
    reconnect_set_backoff(s->reconnect, RECONNECT_DEFAULT_MIN_BACKOFF,
                          RECONNECT_DEFAULT_MAX_BACKOFF);
}

void
jsonrpc_session_force_reconnect(struct jsonrpc_session *s)
{
    reconnect_force_reconnect(s->reconnect, time_msec());
}

void
jsonrpc_session_reset_backoff(struct jsonrpc_session *s)
{
    reconnect_skip_backoff(s->reconnect);
}

void
jsonrpc_session_set_max_backoff(struct jsonrpc_session *s, int max_backoff)
{
    reconnect_set_backoff(s->reconnect,
                          reconnect_get_min_backoff(s->reconnect),
                          max_backoff);
}

void
jsonrpc_session_set_probe_interval(struct jsonrpc_session *s,
                                   int probe_interval)
{
    reconnect_set_probe_interval(s->reconnect, probe_interval);
}

void
jsonrpc_session_set_dscp(struct jsonrpc_session *s, uint8_t dscp)
{
    if (s->dscp != dscp) {
        s->dscp = dscp;
        /* Takes effect with the next connection. */
    }
}

void
jsonrpc_session_set_backlog_threshold(struct jsonrpc_session *s,
                                      size_t max_n_msgs,
                                      size_t max_backlog_bytes)
{
    /* Remembered for future connections, applied to the current one. */
    s->max_backlog_bytes = max_backlog_bytes;
    s->max_n_msgs = max_n_msgs;
    if (s->rpc) {
        jsonrpc_set_backlog_threshold(s->rpc, max_n_msgs,
                                      max_backlog_bytes);
    }
}
