/* The reconnect state machine (see reconnect.h for how callers drive it).
 *
 * States:
 *
 *   VOID        disabled, or out of tries: nothing happens.
 *   BACKOFF     waiting 'backoff' ms before the next attempt; then
 *               reconnect_run() says CONNECT (until the caller reports
 *               what it did).
 *   CONNECTING  an attempt is under way; if it takes longer than
 *               max(backoff, 1 s), reconnect_run() says DISCONNECT.
 *   ACTIVE      connected, and the peer was heard from recently.  After
 *               'probe_interval' of silence, reconnect_run() says PROBE
 *               and the state becomes IDLE.
 *   IDLE        probe sent.  Any activity returns to ACTIVE; another
 *               'probe_interval' of silence (during which the caller did
 *               try to receive) makes reconnect_run() say DISCONNECT.
 *   RECONNECT   the connection must be dropped (forced, or probe timed
 *               out); reconnect_run() says DISCONNECT until the caller
 *               reports the disconnection.
 *   LISTENING   passive mode: waiting for a peer, for as long as it takes.
 *
 * Every way a connection or attempt can end leads through
 * enter_backoff(), which decides the next wait: zero after the connection
 * of a passive listener ends (listen again at once), the minimum after a
 * connection that stayed up for at least the maximum backoff, otherwise
 * double the previous wait, bounded by the maximum.  It also counts down
 * the allowed tries and disables the machine when they run out.
 *
 * The caller that never calls reconnect_receive_attempted() is assumed to
 * always be receiving.  One that does call it is not disconnected for
 * silence while it was too busy to read: a reply may be waiting unread. */

#include <config.h>

#include "reconnect.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(reconnect);

/* Shortest time a connection attempt is given before it is abandoned. */
#define MIN_CONNECT_TIMEOUT 1000

enum state {
    S_VOID,
    S_BACKOFF,
    S_CONNECTING,
    S_ACTIVE,
    S_IDLE,
    S_RECONNECT,
    S_LISTENING
};

struct reconnect {
    char *name;                 /* For log messages. */
    bool quiet;                 /* Log state changes at debug level. */

    /* Policy. */
    bool passive;
    int probe_interval;         /* 0 = never probe. */
    int min_backoff, max_backoff;
    unsigned int max_tries;     /* As set; UINT_MAX for no limit. */
    unsigned int tries_left;    /* Attempts still allowed. */

    /* Where we are. */
    enum state state;
    long long int state_entered;
    int backoff;                /* Wait before the next attempt. */
    bool connected;             /* ACTIVE, IDLE, or RECONNECT from them. */

    /* History, in the caller's clock. */
    long long int creation_time;
    long long int last_activity;
    long long int last_connected;
    long long int last_disconnected;
    long long int last_receive_attempt;
    bool reports_receive_attempts;

    /* Counters. */
    unsigned int seqno;
    unsigned int n_attempted_connections;
    unsigned int n_successful_connections;
    unsigned long long int total_connected_duration;
};

static const char *
state_name(enum state state)
{
    switch (state) {
    case S_VOID: return "VOID";
    case S_BACKOFF: return "BACKOFF";
    case S_CONNECTING: return "CONNECTING";
    case S_ACTIVE: return "ACTIVE";
    case S_IDLE: return "IDLE";
    case S_RECONNECT: return "RECONNECT";
    case S_LISTENING: return "LISTENING";
    }
    return "***ERROR***";
}

/* Logs at info level, or at debug level in quiet mode. */
#define LOG_EVENT(R, ...)                               \
    do {                                                \
        if ((R)->quiet) {                               \
            VLOG_DBG(__VA_ARGS__);                      \
        } else {                                        \
            VLOG_INFO(__VA_ARGS__);                     \
        }                                               \
    } while (0)

struct reconnect *
reconnect_create(long long int now)
{
    struct reconnect *r = xzalloc(sizeof *r);

    r->name = xstrdup("void");
    r->min_backoff = RECONNECT_DEFAULT_MIN_BACKOFF;
    r->max_backoff = RECONNECT_DEFAULT_MAX_BACKOFF;
    r->probe_interval = RECONNECT_DEFAULT_PROBE_INTERVAL;
    r->max_tries = UINT_MAX;

    r->state = S_VOID;
    r->state_entered = now;
    r->backoff = 0;
    r->tries_left = UINT_MAX;
    r->last_activity = now;
    r->last_connected = LLONG_MIN;
    r->last_disconnected = LLONG_MIN;
    r->last_receive_attempt = now;

    r->creation_time = now;
    return r;
}

void
reconnect_destroy(struct reconnect *r)
{
    if (r) {
        free(r->name);
        free(r);
    }
}

const char *
reconnect_get_name(const struct reconnect *r)
{
    return r->name;
}

void
reconnect_set_name(struct reconnect *r, const char *name)
{
    free(r->name);
    r->name = xstrdup(name ? name : "void");
}

void
reconnect_set_quiet(struct reconnect *r, bool quiet)
{
    r->quiet = quiet;
}

int
reconnect_get_min_backoff(const struct reconnect *r)
{
    return r->min_backoff;
}

int
reconnect_get_max_backoff(const struct reconnect *r)
{
    return r->max_backoff;
}

void
reconnect_set_backoff(struct reconnect *r, int min_backoff, int max_backoff)
{
    r->min_backoff = min_backoff > 0 ? min_backoff
                     : RECONNECT_DEFAULT_MIN_BACKOFF;
    r->max_backoff = MAX(max_backoff, r->min_backoff);
    if (r->state == S_BACKOFF && r->backoff > r->max_backoff) {
        r->backoff = r->max_backoff;
    }
}

int
reconnect_get_probe_interval(const struct reconnect *r)
{
    return r->probe_interval;
}

void
reconnect_set_probe_interval(struct reconnect *r, int probe_interval)
{
    r->probe_interval = probe_interval > 0 ? MAX(probe_interval, 1000) : 0;
}

void
reconnect_set_max_tries(struct reconnect *r, unsigned int max_tries)
{
    r->max_tries = r->tries_left = max_tries;
}

unsigned int
reconnect_get_max_tries(const struct reconnect *r)
{
    return r->tries_left;
}

static void
transition(struct reconnect *r, long long int now, enum state new_state)
{
    bool connected = (new_state == S_ACTIVE || new_state == S_IDLE
                      || (new_state == S_RECONNECT && r->connected));

    if (r->connected && !connected) {
        r->total_connected_duration += now - r->last_connected;
        r->last_disconnected = now;
        r->seqno++;
    } else if (!r->connected && connected) {
        r->last_connected = now;
        r->n_successful_connections++;
        r->seqno++;
    }
    r->connected = connected;

    if (new_state == S_CONNECTING || new_state == S_LISTENING) {
        /* Every attempt (a listen, in passive mode) passes here. */
        r->n_attempted_connections++;
        if (r->tries_left != UINT_MAX && r->tries_left > 0) {
            r->tries_left--;
        }
    }

    VLOG_DBG("%s: entering %s", r->name, state_name(new_state));
    r->state = new_state;
    r->state_entered = now;
}

/* Ends a connection, attempt or listener with ERROR (0 for an orderly
 * close) and picks the wait before the next attempt. */
static void
enter_backoff(struct reconnect *r, long long int now, int error)
{
    bool was_connected = r->connected;

    if (was_connected && r->passive) {
        r->backoff = 0;
    } else if (was_connected && now - r->last_connected >= r->max_backoff) {
        r->backoff = r->min_backoff;
    } else if (!r->backoff) {
        r->backoff = r->min_backoff;
    } else {
        r->backoff = MIN((long long int) r->backoff * 2, r->max_backoff);
    }

    if (was_connected) {
        if (error_is_peer_hangup(error)) {
            LOG_EVENT(r, "%s: connection closed by peer", r->name);
        } else if (error > 0) {
            VLOG_WARN("%s: connection dropped (%s)",
                      r->name, ovs_strerror(error));
        } else {
            LOG_EVENT(r, "%s: connection closed", r->name);
        }
    }

    if (!r->tries_left) {
        LOG_EVENT(r, "%s: giving up after %u tries",
                  r->name, r->max_tries);
        transition(r, now, S_VOID);
        return;
    }
    if (r->backoff) {
        LOG_EVENT(r, "%s: waiting %.3g seconds before %s",
                  r->name, r->backoff / 1000.0,
                  r->passive ? "trying to listen again" : "reconnect");
    }
    transition(r, now, S_BACKOFF);
}

bool
reconnect_is_passive(const struct reconnect *r)
{
    return r->passive;
}

void
reconnect_set_passive(struct reconnect *r, bool passive, long long int now)
{
    if (r->passive != passive) {
        r->passive = passive;
        /* Whatever was going on was for the other mode: start over. */
        if (r->state != S_VOID) {
            r->backoff = 0;
            transition(r, now, S_BACKOFF);
        }
    }
}

bool
reconnect_is_enabled(const struct reconnect *r)
{
    return r->state != S_VOID;
}

void
reconnect_enable(struct reconnect *r, long long int now)
{
    if (r->state == S_VOID && r->tries_left > 0) {
        r->backoff = 0;
        transition(r, now, S_BACKOFF);
    }
}

void
reconnect_disable(struct reconnect *r, long long int now)
{
    if (r->state != S_VOID) {
        transition(r, now, S_VOID);
    }
}

void
reconnect_force_reconnect(struct reconnect *r, long long int now)
{
    if (r->state == S_CONNECTING || r->state == S_ACTIVE
        || r->state == S_IDLE || r->state == S_LISTENING) {
        transition(r, now, S_RECONNECT);
    }
}

void
reconnect_skip_backoff(struct reconnect *r)
{
    if (r->state == S_BACKOFF) {
        r->backoff = 0;
    }
}

void
reconnect_connecting(struct reconnect *r, long long int now)
{
    if (r->state != S_CONNECTING && r->state != S_VOID) {
        LOG_EVENT(r, "%s: connecting...", r->name);
        transition(r, now, S_CONNECTING);
    }
}

void
reconnect_connected(struct reconnect *r, long long int now)
{
    if (!r->connected && r->state != S_VOID) {
        if (r->state == S_BACKOFF) {
            /* Connected at the first try: still an attempt. */
            transition(r, now, S_CONNECTING);
        }
        LOG_EVENT(r, "%s: connected", r->name);
        transition(r, now, S_ACTIVE);
        r->last_activity = now;
    }
}

void
reconnect_connect_failed(struct reconnect *r, long long int now, int error)
{
    if (r->state == S_VOID) {
        return;
    }
    if (r->state != S_CONNECTING) {
        /* The attempt failed before it could even start: it still counts
         * as an attempt. */
        reconnect_connecting(r, now);
    }
    VLOG_INFO("%s: connection attempt failed (%s)",
              r->name, ovs_retval_to_string(error));
    enter_backoff(r, now, error);
}

void
reconnect_disconnected(struct reconnect *r, long long int now, int error)
{
    if (r->state == S_CONNECTING) {
        reconnect_connect_failed(r, now, error);
    } else if (r->state == S_LISTENING) {
        reconnect_listen_error(r, now, error);
    } else if (r->state != S_VOID && r->state != S_BACKOFF) {
        enter_backoff(r, now, error);
    }
}

void
reconnect_listening(struct reconnect *r, long long int now)
{
    if (r->state != S_LISTENING && r->state != S_VOID) {
        LOG_EVENT(r, "%s: listening...", r->name);
        transition(r, now, S_LISTENING);
    }
}

void
reconnect_listen_error(struct reconnect *r, long long int now, int error)
{
    if (r->state == S_VOID) {
        return;
    }
    if (r->state != S_LISTENING) {
        reconnect_listening(r, now);
    }
    VLOG_WARN("%s: error listening for connections (%s)",
              r->name, ovs_retval_to_string(error));
    enter_backoff(r, now, error);
}

void
reconnect_activity(struct reconnect *r, long long int now)
{
    if (r->state == S_IDLE) {
        transition(r, now, S_ACTIVE);
    }
    r->last_activity = now;
}

void
reconnect_receive_attempted(struct reconnect *r, long long int now)
{
    r->reports_receive_attempts = true;
    r->last_receive_attempt = now;
}

/* Returns the time at which reconnect_run() next has something to do, or
 * LLONG_MAX for never. */
static long long int
deadline(const struct reconnect *r)
{
    switch (r->state) {
    case S_VOID:
    case S_LISTENING:
        return LLONG_MAX;

    case S_BACKOFF:
        return r->state_entered + r->backoff;

    case S_CONNECTING:
        return r->state_entered + MAX(r->backoff, MIN_CONNECT_TIMEOUT);

    case S_ACTIVE:
        if (r->probe_interval) {
            return MAX(r->last_activity, r->state_entered)
                   + r->probe_interval;
        }
        return LLONG_MAX;

    case S_IDLE:
        if (r->probe_interval) {
            return r->state_entered + r->probe_interval;
        }
        return LLONG_MAX;

    case S_RECONNECT:
        return r->state_entered;
    }
    OVS_NOT_REACHED();
}

/* In IDLE: may the silence since the probe be held against the peer?  Not
 * if the caller reports its receive attempts and has made none since the
 * probe went out, because an answer may be sitting unread. */
static bool
probe_may_time_out(const struct reconnect *r)
{
    return (!r->reports_receive_attempts
            || r->last_receive_attempt >= r->state_entered);
}

enum reconnect_action
reconnect_run(struct reconnect *r, long long int now)
{
    long long int idle_for;

    if (now < deadline(r)) {
        return 0;
    }

    if (r->state == S_BACKOFF) {
        return RECONNECT_CONNECT;
    } else if (r->state == S_CONNECTING || r->state == S_RECONNECT) {
        /* An attempt that took too long, or a connection to drop. */
        return RECONNECT_DISCONNECT;
    } else if (r->state == S_ACTIVE) {
        idle_for = now - MAX(r->last_activity, r->state_entered);
        VLOG_DBG("%s: idle %lld ms, sending inactivity probe",
                 r->name, idle_for);
        transition(r, now, S_IDLE);
        return RECONNECT_PROBE;
    } else if (r->state == S_IDLE && probe_may_time_out(r)) {
        VLOG_ERR("%s: no response to inactivity probe after %.3g seconds, "
                 "disconnecting", r->name, (now - r->state_entered) / 1000.0);
        transition(r, now, S_RECONNECT);
        return RECONNECT_DISCONNECT;
    }
    return 0;                   /* VOID, LISTENING, or IDLE and unread. */
}

int
reconnect_timeout(struct reconnect *r, long long int now)
{
    long long int when = deadline(r);

    if (when == LLONG_MAX
        || (r->state == S_IDLE && now >= when && !probe_may_time_out(r))) {
        /* Nothing scheduled; or, waiting for the caller to read. */
        return -1;
    }
    return when <= now ? 0 : MIN(when - now, INT_MAX);
}

void
reconnect_wait(struct reconnect *r, long long int now)
{
    int timeout = reconnect_timeout(r, now);

    if (timeout >= 0) {
        poll_timer_wait(timeout);
    }
}

bool
reconnect_is_connected(const struct reconnect *r)
{
    return r->connected;
}

unsigned int
reconnect_get_last_connect_elapsed(const struct reconnect *r,
                                   long long int now)
{
    return (r->last_connected == LLONG_MIN ? UINT_MAX
            : MIN(now - r->last_connected, UINT_MAX));
}

unsigned int
reconnect_get_last_disconnect_elapsed(const struct reconnect *r,
                                      long long int now)
{
    return (r->last_disconnected == LLONG_MIN ? UINT_MAX
            : MIN(now - r->last_disconnected, UINT_MAX));
}

void
reconnect_get_stats(const struct reconnect *r, long long int now,
                    struct reconnect_stats *stats)
{
    unsigned long long int connected = r->total_connected_duration;

    if (r->connected) {
        connected += now - r->last_connected;
    }

    stats->creation_time = r->creation_time;
    stats->last_activity = r->last_activity;
    stats->last_connected = r->last_connected;
    stats->last_disconnected = r->last_disconnected;
    stats->backoff = r->backoff;
    stats->seqno = r->seqno;
    stats->is_connected = r->connected;
    stats->msec_since_connect = reconnect_get_last_connect_elapsed(r, now);
    stats->msec_since_disconnect
        = reconnect_get_last_disconnect_elapsed(r, now);
    stats->total_connected_duration = MIN(connected, UINT_MAX);
    stats->n_attempted_connections = r->n_attempted_connections;
    stats->n_successful_connections = r->n_successful_connections;
    stats->state = state_name(r->state);
    stats->state_elapsed = MIN(now - r->state_entered, UINT_MAX);
}
