/* unixctl: the control channel that ovs-appctl talks to.
 *
 * A daemon creates one server, which listens on a Unix socket (by default
 * $OVS_RUNDIR/PROGRAM.PID.ctl) and speaks JSON-RPC: each request names a
 * command and carries its arguments as an array of strings; the reply is a
 * string, or an error whose text is a string.
 *
 * Modules register commands with unixctl_command_register().  The server
 * checks the argument count before calling the handler, which must
 * eventually answer with unixctl_command_reply() or
 * unixctl_command_reply_error() (not necessarily before returning, so a
 * handler can finish its work later in the main loop). */

#ifndef UNIXCTL_H
#define UNIXCTL_H 1

/* Only opaque types are needed here. */
#ifdef __cplusplus
extern "C" {
#endif

struct jsonrpc;
struct unixctl_conn;
struct unixctl_server;

/* Server. */

/* Creates a server listening at PATH:
 *   - NULL: the default, $OVS_RUNDIR/PROGRAM.PID.ctl;
 *   - "none": no server at all ('*serverp' becomes NULL, returns 0);
 *   - a relative name: taken relative to $OVS_RUNDIR;
 *   - an absolute name: used as is.
 * Returns 0 and stores the server in '*serverp', or a positive errno value
 * (already logged) and stores NULL.  The socket is removed when the
 * process exits. */
int unixctl_server_create(const char *path, struct unixctl_server **serverp);
void unixctl_server_run(struct unixctl_server *);
void unixctl_server_wait(struct unixctl_server *);
void unixctl_server_destroy(struct unixctl_server *);
const char *unixctl_server_get_path(const struct unixctl_server *);

/* Commands.  A handler receives the command name in ARGV[0] followed by
 * ARGC - 1 arguments, MIN_ARGS <= ARGC - 1 <= MAX_ARGS.  USAGE describes
 * the arguments for "help" (e.g. "[MODULE]"). */
typedef void unixctl_cb_func(struct unixctl_conn *, int argc,
                             const char *argv[], void *aux);
void unixctl_command_register(const char *name, const char *usage,
                              int min_args, int max_args,
                              unixctl_cb_func *cb, void *aux);

/* Answers the request being handled on CONN, exactly once.  BODY or ERROR
 * is copied; NULL means an empty string. */
void unixctl_command_reply(struct unixctl_conn *, const char *body);
void unixctl_command_reply_error(struct unixctl_conn *, const char *error);

/* Client. */

/* Connects to the server at PATH (a socket file name).  Returns 0 and
 * stores the connection in '*clientp', or a positive errno value and
 * stores NULL. */
int unixctl_client_create(const char *path, struct jsonrpc **clientp);

/* Runs COMMAND with ARGC arguments ARGV on CLIENT and waits for the answer.
 * Returns 0 if the server answered, storing either its reply in '*result'
 * or its error text in '*err' (the other one NULL; the caller frees both);
 * otherwise returns a positive errno value (the connection failed or the
 * answer was malformed, which is logged) with both NULL. */
int unixctl_client_transact(struct jsonrpc *client, const char *command,
                            int argc, char *argv[],
                            char **result, char **err);

#ifdef __cplusplus
}
#endif

#endif /* unixctl.h */
