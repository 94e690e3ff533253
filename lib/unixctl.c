/* unixctl: a daemon's control socket, and the client side of it.
 *
 * The protocol is JSON-RPC over a Unix domain socket.  A request's method
 * is the command name and its params are the command's arguments, all
 * strings.  The reply's result (or, for a failure, its error) is a string
 * that ovs-appctl prints as is; the server makes sure that a non-empty
 * answer ends in a new-line.
 *
 * Commands live in one process-wide table, filled by
 * unixctl_command_register() from any module.  The server checks the
 * argument count against the command's declared range before calling it,
 * so handlers only see well-formed calls.  A connection handles one
 * request at a time: it stops reading until the handler has answered, which
 * lets a handler answer later (for example once a transaction commits)
 * without the replies ever getting out of order. */

#include <config.h>
#include "unixctl.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coverage.h"
#include "timeval.h"
#include "dirs.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/list.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "stream.h"

VLOG_DEFINE_THIS_MODULE(unixctl);

struct unixctl_command {
    char *usage;                /* NULL hides the command from "help". */
    int min_args, max_args;
    unixctl_cb_func *cb;
    void *aux;
};

struct unixctl_conn {
    struct ovs_list node;       /* In struct unixctl_server's 'conns'. */
    struct jsonrpc *rpc;

    /* The id of the request being handled, or NULL between requests. */
    struct json *request_id;
};

struct unixctl_server {
    struct pstream *listener;
    struct ovs_list conns;      /* Of struct unixctl_conn. */
    char *path;                 /* Absolute file name of the socket. */
};

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

/* Name -> struct unixctl_command. */
static struct shash commands = SHASH_INITIALIZER(&commands);

/* ------------------------------------------------------------------ */
/* Commands. */

/* Registers command NAME (see unixctl.h).  Registering a name again
 * replaces the earlier registration. */
void
unixctl_command_register(const char *name, const char *usage,
                         int min_args, int max_args,
                         unixctl_cb_func *cb, void *aux)
{
    struct unixctl_command *command = shash_find_data(&commands, name);

    ovs_assert(min_args >= 0 && min_args <= max_args);
    if (!command) {
        command = xzalloc(sizeof *command);
        shash_add(&commands, name, command);
    } else {
        free(command->usage);
    }
    command->usage = nullable_xstrdup(usage);
    command->min_args = min_args;
    command->max_args = max_args;
    command->cb = cb;
    command->aux = aux;
}

/* Sends the answer to the request being handled on CONN. */
static void
unixctl_command_reply__(struct unixctl_conn *conn, bool success,
                        const char *body)
{
    struct jsonrpc_msg *reply;
    struct json *body_json;
    size_t len;

    if (!conn->request_id) {
        VLOG_WARN_RL(&rl, "%s: reply without a pending request: %s",
                     jsonrpc_get_name(conn->rpc), body ? body : "");
        return;
    }

    /* ovs-appctl prints the text as is, so end it with a new-line. */
    len = body ? strlen(body) : 0;
    body_json = json_string_create_nocopy(
        xasprintf("%s%s", len ? body : "",
                  len && body[len - 1] != '\n' ? "\n" : ""));

    reply = (success
             ? jsonrpc_create_reply(body_json, conn->request_id)
             : jsonrpc_create_error(body_json, conn->request_id));
    jsonrpc_send(conn->rpc, reply);

    json_destroy(conn->request_id);
    conn->request_id = NULL;
}

void
unixctl_command_reply(struct unixctl_conn *conn, const char *body)
{
    unixctl_command_reply__(conn, true, body);
}

void
unixctl_command_reply_error(struct unixctl_conn *conn, const char *error)
{
    unixctl_command_reply__(conn, false, error);
}

/* Built-in commands. */

static void
unixctl_help(struct unixctl_conn *conn, int argc OVS_UNUSED,
             const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    const struct shash_node **nodes = shash_sort(&commands);
    struct ds ds = DS_EMPTY_INITIALIZER;
    char *help;
    size_t i;

    ds_put_cstr(&ds, "The available commands are:\n");
    for (i = 0; i < shash_count(&commands); i++) {
        const struct unixctl_command *command = nodes[i]->data;

        if (!command->usage) {
            continue;
        } else if (command->usage[0]) {
            ds_put_format(&ds, "  %-23s %s\n", nodes[i]->name,
                          command->usage);
        } else {
            ds_put_format(&ds, "  %s\n", nodes[i]->name);
        }
    }
    free(nodes);

    help = ds_steal_cstr(&ds);
    unixctl_command_reply(conn, help);
    free(help);
}

static void
unixctl_version(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    char *version = xasprintf("%s (Open vSwitch) %s",
                              ovs_get_program_name(),
                              ovs_get_program_version());

    unixctl_command_reply(conn, version);
    free(version);
}

static void
unixctl_coverage_show(struct unixctl_conn *conn, int argc OVS_UNUSED,
                      const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    struct ds ds = DS_EMPTY_INITIALIZER;

    coverage_format(&ds);
    unixctl_command_reply(conn, ds_cstr(&ds));
    ds_destroy(&ds);
}

static void
unixctl_register_builtins(void)
{
    static bool registered;

    if (!registered) {
        registered = true;
        unixctl_command_register("help", "", 0, 0, unixctl_help, NULL);
        unixctl_command_register("list-commands", "", 0, 0, unixctl_help,
                                 NULL);
        unixctl_command_register("version", "", 0, 0, unixctl_version,
                                 NULL);
        unixctl_command_register("coverage/show", "", 0, 0,
                                 unixctl_coverage_show, NULL);
        /* Every daemon gets time/stop and time/warp, so that tests can
         * drive its timers deterministically. */
        timeval_register_unixctl_commands();
        vlog_init();
    }
}

/* ------------------------------------------------------------------ */
/* Server. */

/* Returns the absolute socket name for PATH (see unixctl_server_create()),
 * which the caller must free(). */
static char *
unixctl_server_path(const char *path)
{
    if (!path) {
        return xasprintf("%s/%s.%ld.ctl", ovs_rundir(),
                         ovs_get_program_name(), (long int) getpid());
    } else if (path[0] == '/') {
        return xstrdup(path);
    } else {
        return xasprintf("%s/%s", ovs_rundir(), path);
    }
}

int
unixctl_server_create(const char *path, struct unixctl_server **serverp)
{
    struct unixctl_server *server;
    struct pstream *listener;
    char *abs_path;
    char *punix_name;
    int error;

    *serverp = NULL;
    if (path && !strcmp(path, "none")) {
        return 0;
    }

    abs_path = unixctl_server_path(path);
    punix_name = xasprintf("punix:%s", abs_path);
    error = pstream_open(punix_name, &listener, 0);
    free(punix_name);
    if (error) {
        ovs_error(error, "%s: could not initialize control socket",
                  abs_path);
        free(abs_path);
        return error;
    }

    unixctl_register_builtins();

    server = xmalloc(sizeof *server);
    server->listener = listener;
    ovs_list_init(&server->conns);
    server->path = abs_path;
    *serverp = server;
    return 0;
}

/* Closes CONN, dropping the request it was handling, if any. */
static void
unixctl_conn_destroy(struct unixctl_conn *conn)
{
    json_destroy(conn->request_id);
    jsonrpc_close(conn->rpc);
    ovs_list_remove(&conn->node);
    free(conn);
}

/* Answers REQUEST (read on CONN) by running the command it names. */
static void
process_command(struct unixctl_conn *conn, struct jsonrpc_msg *request)
{
    const struct unixctl_command *command;
    const struct json_array *params;
    const char *name;
    size_t n_args;
    const char **argv;
    char *error = NULL;
    size_t i;

    conn->request_id = json_clone(request->id);

    if (VLOG_IS_DBG_ENABLED()) {
        char *s = json_to_string(request->params, 0);

        VLOG_DBG("received request %s%s", request->method, s);
        free(s);
    }

    params = json_array(request->params);
    name = request->method;
    command = shash_find_data(&commands, name);
    n_args = params->n;
    if (!command) {
        error = xasprintf("\"%s\" is not a valid command", name);
    } else if (n_args < command->min_args || n_args > command->max_args) {
        bool too_few = n_args < command->min_args;

        error = xasprintf("\"%s\" command %s %d arguments", name,
                          too_few ? "requires at least" : "takes at most",
                          too_few ? command->min_args : command->max_args);
    } else {
        for (i = 0; i < params->n; i++) {
            if (params->elems[i]->type != JSON_STRING) {
                char *s = json_to_string(params->elems[i], 0);

                error = xasprintf("command has non-string argument: %s", s);
                free(s);
                break;
            }
        }
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return;
    }

    argv = xmalloc((params->n + 2) * sizeof *argv);
    argv[0] = request->method;
    for (i = 0; i < params->n; i++) {
        argv[i + 1] = json_string(params->elems[i]);
    }
    argv[params->n + 1] = NULL;
    command->cb(conn, params->n + 1, argv, command->aux);
    free(argv);
}

/* Does the work due on CONN.  Returns 0, EAGAIN, or the error that ended
 * the connection. */
static int
run_connection(struct unixctl_conn *conn)
{
    int error;
    int i;

    jsonrpc_run(conn->rpc);
    error = jsonrpc_get_status(conn->rpc);
    if (error) {
        return error;
    }

    for (i = 0; i < 10 && !conn->request_id; i++) {
        struct jsonrpc_msg *msg;

        error = jsonrpc_recv(conn->rpc, &msg);
        if (error) {
            break;
        }
        if (msg->type != JSONRPC_REQUEST) {
            /* Clients only send requests. */
            VLOG_WARN_RL(&rl, "%s: received unexpected %s message",
                         jsonrpc_get_name(conn->rpc),
                         jsonrpc_msg_type_to_string(msg->type));
            error = EINVAL;
        } else {
            process_command(conn, msg);
        }
        jsonrpc_msg_destroy(msg);
        if (error) {
            break;
        }
    }
    return error ? error : jsonrpc_get_status(conn->rpc);
}

void
unixctl_server_run(struct unixctl_server *server)
{
    struct unixctl_conn *conn;
    int i;

    if (!server) {
        return;
    }

    for (i = 0; i < 10; i++) {
        struct stream *stream;
        int error = pstream_accept(server->listener, &stream);

        if (!error) {
            conn = xzalloc(sizeof *conn);
            conn->rpc = jsonrpc_open(stream);
            ovs_list_push_back(&server->conns, &conn->node);
        } else {
            if (error != EAGAIN) {
                VLOG_WARN_RL(&rl, "%s: accept failed: %s",
                             pstream_get_name(server->listener),
                             ovs_strerror(error));
            }
            break;
        }
    }

    LIST_FOR_EACH_SAFE (conn, node, &server->conns) {
        int error = run_connection(conn);

        /* EAGAIN just means "nothing more for now". */
        if (error != 0 && error != EAGAIN) {
            unixctl_conn_destroy(conn);
        }
    }
}

void
unixctl_server_wait(struct unixctl_server *server)
{
    struct unixctl_conn *conn;

    if (server) {
        pstream_wait(server->listener);
    } else {
        return;
    }
    LIST_FOR_EACH (conn, node, &server->conns) {
        jsonrpc_wait(conn->rpc);
        if (!conn->request_id) {
            jsonrpc_recv_wait(conn->rpc);
        }
    }
}

/* Closes SERVER and its connections, and removes its socket.  SERVER may
 * be NULL. */
void
unixctl_server_destroy(struct unixctl_server *server)
{
    if (server) {
        struct unixctl_conn *conn;

        /* Pending requests get no answer. */
        LIST_FOR_EACH_SAFE (conn, node, &server->conns) {
            unixctl_conn_destroy(conn);
        }
        pstream_close(server->listener);
        free(server->path);
        free(server);
    }
}

const char *
unixctl_server_get_path(const struct unixctl_server *server)
{
    return server ? server->path : NULL;
}

/* ------------------------------------------------------------------ */
/* Client. */

int
unixctl_client_create(const char *path, struct jsonrpc **clientp)
{
    struct stream *stream;
    char *abs_path;
    char *unix_name;
    int error;

    abs_path = (path[0] == '/'
                ? xstrdup(path)
                : xasprintf("%s/%s", ovs_rundir(), path));
    unix_name = xasprintf("unix:%s", abs_path);
    error = stream_open_block(stream_open(unix_name, &stream, 0), -1,
                              &stream);
    free(unix_name);
    free(abs_path);

    *clientp = error ? NULL : jsonrpc_open(stream);
    return error;
}

/* Copies the string answer ANSWER into '*out', or logs and returns EINVAL
 * if it is not a string. */
static int
unixctl_take_answer(const struct jsonrpc *client, const char *what,
                    const struct json *answer, char **out)
{
    if (answer->type != JSON_STRING) {
        char *s = json_to_string(answer, 0);

        VLOG_WARN("%s: unexpected %s type in JSON-RPC reply: %s",
                  jsonrpc_get_name(client), what, s);
        free(s);
        return EINVAL;
    }
    *out = xstrdup(json_string(answer));
    return 0;
}

int
unixctl_client_transact(struct jsonrpc *client, const char *command,
                        int argc, char *argv[], char **result, char **err)
{
    struct jsonrpc_msg *request, *reply;
    struct json **args;
    int error;
    int i;

    *result = NULL;
    *err = NULL;

    args = argc ? xmalloc(argc * sizeof *args) : NULL;
    for (i = 0; i < argc; i++) {
        args[i] = json_string_create(argv[i]);
    }
    request = jsonrpc_create_request(command, json_array_create(args, argc),
                                     NULL);

    error = jsonrpc_transact_block(client, request, &reply);
    if (error) {
        VLOG_WARN("error communicating with %s: %s",
                  jsonrpc_get_name(client), ovs_retval_to_string(error));
        return error;
    }

    if (reply->type == JSONRPC_ERROR) {
        error = unixctl_take_answer(client, "error", reply->error, err);
    } else {
        error = unixctl_take_answer(client, "result", reply->result, result);
    }
    jsonrpc_msg_destroy(reply);
    return error;
}
