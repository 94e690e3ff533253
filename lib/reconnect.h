/* A state machine that decides when to connect, reconnect, probe an idle
 * connection, and give up, for any kind of connection (OpenFlow,
 * OVSDB...).
 *
 * The machine does no I/O and reads no clock: the caller passes the
 * current time (in milliseconds, normally time_msec()) to every function,
 * reports what happened (connecting, connected, disconnected, activity)
 * and acts on what reconnect_run() asks for.  That makes it easy to test
 * with a fake clock.  A typical user:
 *
 *     switch (reconnect_run(r, time_msec())) {
 *     case RECONNECT_CONNECT:    start connecting, then call
 *                                reconnect_connecting() or _connected()
 *                                or _connect_failed();
 *     case RECONNECT_DISCONNECT: close the connection, then call
 *                                reconnect_disconnected();
 *     case RECONNECT_PROBE:      send something that needs an answer;
 *     }
 *     ...
 *     reconnect_wait(r, time_msec());    before poll_block()
 *
 * and calls reconnect_activity() whenever data arrives.
 *
 * Failed attempts are spaced out with exponential backoff: the wait
 * starts at the minimum backoff and doubles after each failure up to the
 * maximum.  A connection that stays up for at least the maximum backoff is
 * considered good, and the next failure starts again from the minimum.
 *
 * In passive mode, "connect" means "listen": reconnect_listening() and
 * reconnect_listen_error() report the outcome, and a connection accepted
 * while listening is reported with reconnect_connected(). */

#ifndef RECONNECT_H
#define RECONNECT_H 1

#include <stdbool.h>

/* Defaults, in milliseconds. */
#define RECONNECT_DEFAULT_MIN_BACKOFF 1000
#define RECONNECT_DEFAULT_MAX_BACKOFF 8000
#define RECONNECT_DEFAULT_PROBE_INTERVAL 5000

struct reconnect;

/* Creation.  The new machine is disabled (call reconnect_enable()), named
 * "void", with the default backoff and probe interval and no limit on the
 * number of tries. */
struct reconnect *reconnect_create(long long int now);
void reconnect_destroy(struct reconnect *);

/* NAME (copied) prefixes every log message. */
const char *reconnect_get_name(const struct reconnect *);
void reconnect_set_name(struct reconnect *, const char *name);

/* With QUIET, state changes are logged at debug level instead of info. */
void reconnect_set_quiet(struct reconnect *, bool quiet);

/* Backoff bounds in milliseconds.  MIN_BACKOFF of 0 or less means the
 * default; MAX_BACKOFF less than MIN_BACKOFF is raised to it. */
int reconnect_get_min_backoff(const struct reconnect *);
int reconnect_get_max_backoff(const struct reconnect *);
void reconnect_set_backoff(struct reconnect *, int min_backoff,
                           int max_backoff);

/* Inactivity probes: after PROBE_INTERVAL ms without activity on a
 * connection, ask for a probe; after as long again, disconnect.  0
 * disables probing; other values below 1000 count as 1000. */
int reconnect_get_probe_interval(const struct reconnect *);
void reconnect_set_probe_interval(struct reconnect *, int probe_interval);

/* Limits the number of connection attempts (UINT_MAX, the default, means
 * no limit).  Once they are used up, the machine disables itself instead
 * of backing off.  Setting a limit restarts the count; the getter returns
 * the number of attempts left. */
void reconnect_set_max_tries(struct reconnect *, unsigned int max_tries);
unsigned int reconnect_get_max_tries(const struct reconnect *);

/* Passive mode: listen rather than connect. */
bool reconnect_is_passive(const struct reconnect *);
void reconnect_set_passive(struct reconnect *, bool passive,
                           long long int now);

/* Enabling starts connecting at once (no backoff for the first try).
 * Disabling stops all activity; closing an open connection is then the
 * caller's business. */
bool reconnect_is_enabled(const struct reconnect *);
void reconnect_enable(struct reconnect *, long long int now);
void reconnect_disable(struct reconnect *, long long int now);

/* Asks reconnect_run() to drop the current connection (or listener), so
 * that a new one is made after the usual backoff. */
void reconnect_force_reconnect(struct reconnect *, long long int now);

/* Makes the next connection attempt happen without waiting out the
 * current backoff. */
void reconnect_skip_backoff(struct reconnect *);

/* Events reported by the caller. */
void reconnect_connecting(struct reconnect *, long long int now);
void reconnect_connected(struct reconnect *, long long int now);
void reconnect_connect_failed(struct reconnect *, long long int now,
                              int error);
void reconnect_disconnected(struct reconnect *, long long int now,
                            int error);
void reconnect_listening(struct reconnect *, long long int now);
void reconnect_listen_error(struct reconnect *, long long int now,
                            int error);
void reconnect_activity(struct reconnect *, long long int now);
void reconnect_receive_attempted(struct reconnect *, long long int now);

/* What reconnect_run() asks the caller to do (0: nothing). */
enum reconnect_action {
    RECONNECT_CONNECT = 1,
    RECONNECT_DISCONNECT,
    RECONNECT_PROBE
};
enum reconnect_action reconnect_run(struct reconnect *, long long int now);

/* Arranges for poll_block() to wake when reconnect_run() will next have
 * something to say.  reconnect_timeout() returns the number of ms until
 * then (0 if now), or -1 if nothing is scheduled. */
void reconnect_wait(struct reconnect *, long long int now);
int reconnect_timeout(struct reconnect *, long long int now);

/* Status.  The _elapsed functions return the milliseconds since the last
 * connection or disconnection, or UINT_MAX if there was none. */
unsigned int reconnect_get_last_connect_elapsed(const struct reconnect *,
                                                long long int now);
unsigned int reconnect_get_last_disconnect_elapsed(const struct reconnect *,
                                                   long long int now);
bool reconnect_is_connected(const struct reconnect *);

struct reconnect_stats {
    /* Times, in the caller's clock; LLONG_MIN if it never happened. */
    long long int creation_time;
    long long int last_activity;
    long long int last_connected;
    long long int last_disconnected;
    int backoff;                /* Current backoff, in ms. */

    /* Changes on every connect and disconnect. */
    unsigned int seqno;

    bool is_connected;
    unsigned int msec_since_connect;    /* UINT_MAX if never connected. */
    unsigned int msec_since_disconnect; /* UINT_MAX if never dropped. */
    unsigned int total_connected_duration;  /* Sum over connections, ms. */
    unsigned int n_attempted_connections;
    unsigned int n_successful_connections;

    const char *state;          /* "VOID", "BACKOFF", "CONNECTING", ... */
    unsigned int state_elapsed; /* ms in the current state. */
};

void reconnect_get_stats(const struct reconnect *, long long int now,
                         struct reconnect_stats *);

#endif /* reconnect.h */
