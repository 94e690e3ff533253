/* JSON-RPC 1.0 over a stream, as used by OVSDB (RFC 7047) and unixctl.
 *
 * Two layers:
 *
 *   - struct jsonrpc: one connection over an already-open stream.  Sends
 *     and receives struct jsonrpc_msg; once an error occurs the connection
 *     is dead and reports that error forever.
 *
 *   - struct jsonrpc_session: a connection that comes back.  Given a
 *     remote name ("unix:FILE", "tcp:IP:PORT", or a passive "punix:FILE",
 *     "ptcp:PORT"), it connects, reconnects with backoff after failures
 *     (using struct reconnect), and keeps an idle connection honest by
 *     sending "echo" requests and answering the peer's. */

#ifndef JSONRPC_H
#define JSONRPC_H 1

/* Standard types used below. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


struct ds;
struct jsonrpc_msg;
struct json;
struct stream;
struct pstream;
struct reconnect_stats;

/* Well-known ports (IANA assigned 6640 to OVSDB). */
#define JSONRPC_TCP_PORT 6640
#define JSONRPC_SSL_PORT 6640

/* A single JSON-RPC connection. */
struct jsonrpc *jsonrpc_open(struct stream *);  /* Takes ownership. */
void jsonrpc_close(struct jsonrpc *);

void jsonrpc_run(struct jsonrpc *);
void jsonrpc_wait(struct jsonrpc *);

/* 0 while the connection is usable, else a positive errno value (EOF for
 * an orderly close by the peer, EPROTO for garbage on the wire). */
int jsonrpc_get_status(const struct jsonrpc *);

/* Bytes queued for sending but not yet accepted by the stream. */
size_t jsonrpc_get_backlog(const struct jsonrpc *);

/* Bytes received so far (wraps around). */
unsigned int jsonrpc_get_received_bytes(const struct jsonrpc *);

/* Limits the send queue: when it holds more than MAX_N_MSGS messages or
 * more than MAX_BACKLOG_BYTES bytes, the connection is dropped with
 * ENOBUFS rather than let a slow peer exhaust memory.  0 means no limit
 * (the default). */
void jsonrpc_set_backlog_threshold(struct jsonrpc *, size_t max_n_msgs,
                                   size_t max_backlog_bytes);

/* The stream's name, e.g. "unix:/var/run/openvswitch/db.sock". */
const char *jsonrpc_get_name(const struct jsonrpc *);

/* Sending takes ownership of the message, whatever the outcome.  Returns 0
 * or the connection's (positive errno) status.  jsonrpc_send() only queues;
 * jsonrpc_send_block() waits until the message has been handed to the
 * stream. */
int jsonrpc_send(struct jsonrpc *, struct jsonrpc_msg *);
int jsonrpc_send_block(struct jsonrpc *, struct jsonrpc_msg *);

/* Receiving.  On success returns 0 and stores a message that the caller
 * must free with jsonrpc_msg_destroy(); otherwise stores NULL and returns
 * EAGAIN (nothing complete yet) or the connection's error. */
int jsonrpc_recv(struct jsonrpc *, struct jsonrpc_msg **);
void jsonrpc_recv_wait(struct jsonrpc *);
int jsonrpc_recv_block(struct jsonrpc *, struct jsonrpc_msg **);

/* Sends REQUEST (taking ownership) and waits for the reply or error whose
 * id matches, discarding anything else that arrives meanwhile.  On success
 * returns 0 and stores the reply in '*replyp'; otherwise returns a positive
 * errno value and stores NULL. */
int jsonrpc_transact_block(struct jsonrpc *, struct jsonrpc_msg *request,
                           struct jsonrpc_msg **replyp);

/* Messages. */
enum jsonrpc_msg_type {
    JSONRPC_REQUEST,            /* method, params, id. */
    JSONRPC_NOTIFY,             /* method, params; id null. */
    JSONRPC_REPLY,              /* result, id. */
    JSONRPC_ERROR               /* error, id. */
};

struct jsonrpc_msg {
    enum jsonrpc_msg_type type;
    char *method;               /* Request or notification only. */
    struct json *params;        /* Array; request or notification only. */
    struct json *result;        /* Reply only. */
    struct json *error;         /* Error only. */
    struct json *id;            /* Request, reply or error. */
};

/* Constructors take ownership of the JSON passed in (but copy ID for
 * replies and errors).  jsonrpc_create_request() gives the request a fresh
 * integer id and, if IDP is nonnull, stores a clone of it there for the
 * caller to match the reply against (the caller frees it). */
struct jsonrpc_msg *jsonrpc_create_request(const char *method,
                                           struct json *params,
                                           struct json **idp);

/* A request that wants no answer. */
struct jsonrpc_msg *jsonrpc_create_notify(const char *method,
                                          struct json *params);

/* Answers to the request whose id is ID: success, or failure. */
struct jsonrpc_msg *jsonrpc_create_reply(struct json *result,
                                         const struct json *id);
struct jsonrpc_msg *jsonrpc_create_error(struct json *error,
                                         const struct json *id);

/* Copying and freeing. */
struct jsonrpc_msg *jsonrpc_msg_clone(const struct jsonrpc_msg *);
void jsonrpc_msg_destroy(struct jsonrpc_msg *);

/* "request", "notification", "reply", "error". */
const char *jsonrpc_msg_type_to_string(enum jsonrpc_msg_type);

/* Checks that MSG has exactly the members its type requires.  Returns NULL
 * if so, otherwise an error message that the caller must free(). */
char *jsonrpc_msg_is_valid(const struct jsonrpc_msg *);

/* Converts JSON (taking ownership) into a message.  Returns NULL and stores
 * the message in '*msgp', or returns an error message (caller frees) and
 * stores NULL. */
char *jsonrpc_msg_from_json(struct json *, struct jsonrpc_msg **msgp);

/* Converts MSG (taking ownership) into its JSON form. */
struct json *jsonrpc_msg_to_json(struct jsonrpc_msg *);

/* Returns MSG as a JSON string, for logging.  The caller must free() it. */
char *jsonrpc_msg_to_string(const struct jsonrpc_msg *);

/* Reconnecting sessions. */

/* Opens a session to NAME.  An active NAME ("unix:", "tcp:", "ssl:")
 * connects, and reconnects after failures if RETRY is true; a passive
 * NAME ("punix:", "ptcp:", "pssl:") listens and takes one connection at a
 * time.  Without RETRY, a failed connection attempt is not retried, and
 * the session stays dead (jsonrpc_session_is_alive() returns false). */
struct jsonrpc_session *jsonrpc_session_open(const char *name, bool retry);

/* Wraps an already-connected JSONRPC (taking ownership) in a session that
 * never reconnects: once it drops, the session is dead.  DSCP is accepted
 * for compatibility and otherwise ignored. */
struct jsonrpc_session *jsonrpc_session_open_unreliably(struct jsonrpc *,
                                                        uint8_t dscp);
void jsonrpc_session_close(struct jsonrpc_session *);

/* The main loop's share of the work: (re)connecting, probing, sending. */
void jsonrpc_session_run(struct jsonrpc_session *);
void jsonrpc_session_wait(struct jsonrpc_session *);

size_t jsonrpc_session_get_backlog(const struct jsonrpc_session *);
const char *jsonrpc_session_get_name(const struct jsonrpc_session *);

/* Sends MSG (taking ownership) if connected, otherwise discards it.
 * Returns 0 or ENOTCONN. */
int jsonrpc_session_send(struct jsonrpc_session *, struct jsonrpc_msg *);

/* Returns the next message received, if any (caller frees), after having
 * answered "echo" requests and swallowed echo replies itself. */
struct jsonrpc_msg *jsonrpc_session_recv(struct jsonrpc_session *);
void jsonrpc_session_recv_wait(struct jsonrpc_session *);

bool jsonrpc_session_is_alive(const struct jsonrpc_session *);
bool jsonrpc_session_is_connected(const struct jsonrpc_session *);

/* Changes every time the session connects or disconnects, so that a
 * client can tell that it must resend its state. */
unsigned int jsonrpc_session_get_seqno(const struct jsonrpc_session *);

/* Status of the current connection (0 or a positive errno value), and the
 * error of the last failed connection or connection attempt. */
int jsonrpc_session_get_status(const struct jsonrpc_session *);
int jsonrpc_session_get_last_error(const struct jsonrpc_session *);
void jsonrpc_session_get_reconnect_stats(const struct jsonrpc_session *,
                                         struct reconnect_stats *);

/* Reconnection policy.  enable_reconnect() lifts a "no retry" limit. */
void jsonrpc_session_enable_reconnect(struct jsonrpc_session *);
void jsonrpc_session_force_reconnect(struct jsonrpc_session *);
void jsonrpc_session_reset_backoff(struct jsonrpc_session *);

void jsonrpc_session_set_max_backoff(struct jsonrpc_session *,
                                     int max_backoff);
void jsonrpc_session_set_probe_interval(struct jsonrpc_session *,
                                        int probe_interval);
void jsonrpc_session_set_dscp(struct jsonrpc_session *, uint8_t dscp);
void jsonrpc_session_set_backlog_threshold(struct jsonrpc_session *,
                                           size_t max_n_msgs,
                                           size_t max_backlog_bytes);


#endif /* jsonrpc.h */
