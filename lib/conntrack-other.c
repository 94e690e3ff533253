/* Connection tracking for protocols without a handshake: UDP, SCTP, any
 * other IP protocol, and ICMP/ICMPv6 query exchanges (echo, timestamp,
 * information).
 *
 * None of them says in its headers where a conversation stands, so the
 * tracker only notes which directions it has seen.  A connection is "first"
 * after its committing packet, "multiple" once more packets went the same
 * way, and "bidirectional" once the other side answered.  Until the answer,
 * a packet from the originator repeats the opening and stays +new; after
 * it, both directions are established.  For ICMP only a request type may
 * open a connection (the parser already paired each type with its reply). */

#include <config.h>
#include "conntrack-private.h"
#include <netinet/in.h>
#include "packets.h"

enum ct_simple_state {
    CT_SIMPLE_FIRST,
    CT_SIMPLE_MULTIPLE,
    CT_SIMPLE_BIDIR,
};

static const enum ct_timeout other_timer[] = {
    [CT_SIMPLE_FIRST] = CT_TM_OTHER_FIRST,
    [CT_SIMPLE_MULTIPLE] = CT_TM_OTHER_MULTIPLE,
    [CT_SIMPLE_BIDIR] = CT_TM_OTHER_BIDIR,
};

static const enum ct_timeout icmp_timer[] = {
    [CT_SIMPLE_FIRST] = CT_TM_ICMP_FIRST,
    [CT_SIMPLE_MULTIPLE] = CT_TM_ICMP_FIRST,
    [CT_SIMPLE_BIDIR] = CT_TM_ICMP_REPLY,
};

/* Starts 'conn' in the "first" state, with the timeout 'timers' gives it. */
static void
simple_start(struct conntrack *ct, struct ct_conn *conn,
             const enum ct_timeout timers[], long long now)
{
    conn->u.simple_state = CT_SIMPLE_FIRST;
    ct_conn_arm(ct, conn, timers[CT_SIMPLE_FIRST], now);
}

/* Advances 'conn''s direction bookkeeping for a packet, re-arms its timer
 * from 'timers' for the new state, and returns the verdict. */
static enum ct_verdict
simple_track(struct conntrack *ct, struct ct_conn *conn, bool reply,
             const enum ct_timeout timers[], long long now)
{
    enum ct_verdict verdict = CT_VERDICT_ACCEPT;

    if (reply) {
        conn->u.simple_state = CT_SIMPLE_BIDIR;
    } else if (conn->u.simple_state != CT_SIMPLE_BIDIR) {
        conn->u.simple_state = CT_SIMPLE_MULTIPLE;
        verdict = CT_VERDICT_OPENING;
    }
    ct_conn_arm(ct, conn, timers[conn->u.simple_state], now);
    return verdict;
}

/* ----- UDP, SCTP and other protocols --------------------------------- */

static bool
other_may_start(const struct ct_pkt *pkt OVS_UNUSED)
{
    return true;
}

static void
other_start(struct conntrack *ct, struct ct_conn *conn,
            const struct ct_pkt *pkt OVS_UNUSED, long long now)
{
    simple_start(ct, conn, other_timer, now);
}

static enum ct_verdict
other_track(struct conntrack *ct, struct ct_conn *conn,
            const struct ct_pkt *pkt OVS_UNUSED, bool reply, long long now)
{
    return simple_track(ct, conn, reply, other_timer, now);
}

const struct ct_l4_class ct_l4_other = {
    .may_start = other_may_start,
    .start = other_start,
    .track = other_track,
    .describe = NULL,
};

/* ----- ICMP and ICMPv6 queries --------------------------------------- */

static bool
icmp_may_start(const struct ct_pkt *pkt)
{
    const struct conntrack_tuple *t = &pkt->key.tuple;

    if (t->nw_proto == IPPROTO_ICMP) {
        return (t->icmp_type == ICMP4_ECHO_REQUEST
                || t->icmp_type == 13       /* Timestamp request. */
                || t->icmp_type == 15);     /* Information request. */
    }
    return t->icmp_type == 128;             /* ICMPv6 echo request. */
}

static void
icmp_start(struct conntrack *ct, struct ct_conn *conn,
           const struct ct_pkt *pkt OVS_UNUSED, long long now)
{
    simple_start(ct, conn, icmp_timer, now);
}

static enum ct_verdict
icmp_track(struct conntrack *ct, struct ct_conn *conn,
           const struct ct_pkt *pkt OVS_UNUSED, bool reply, long long now)
{
    return simple_track(ct, conn, reply, icmp_timer, now);
}

const struct ct_l4_class ct_l4_icmp = {
    .may_start = icmp_may_start,
    .start = icmp_start,
    .track = icmp_track,
    .describe = NULL,
};
