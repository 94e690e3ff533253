/* Connection tracking for TCP: per-direction states and sequence windows.
 *
 * Each side of a TCP connection ("peer") is followed separately.  For the
 * side that sends a segment we know how far it has sent ('sent_end') and
 * how far the other side allows it to go ('allowed_end', the other side's
 * latest acknowledgment plus its advertised window).  A segment is believable
 * when
 *
 *   - its last byte lies within what the receiver allowed,
 *   - it starts no more than one receiver window before what was already
 *     sent (an old retransmission is fine, a wild sequence number is not),
 *   - it acknowledges neither far beyond what the receiver has sent nor far
 *     behind it (about one maximal window each way), and
 *   - if it is a reset, its sequence number is the expected one (or off by
 *     one), so that a blind attacker cannot tear the connection down.
 *
 * This is the classic window-tracking scheme of stateful packet filters
 * (Guido van Rooij, "Real Stateful TCP Packet Filtering in IP Filter").
 * Window scale options count only when both SYNs carried one; a connection
 * picked up in the middle cannot know the scale and assumes the largest.
 * Segments that carry no data are not sequence-checked.
 *
 * When a segment fails the strict test but the connection is still being
 * opened by the receiver, or is already closing, a looser test (one maximal
 * window of slack) keeps the tracker in step with stacks that resend SYNs or
 * spray FINs after closing; such segments are accepted but do not re-arm
 * the timer.
 *
 * States move on flags of accepted segments: SYN puts its sender in
 * SYN_SENT, FIN in CLOSING; an ACK moves the receiver from SYN_SENT to
 * ESTABLISHED or from CLOSING to FIN_WAIT_2; RST puts both in TIME_WAIT. */

#include <config.h>
#include "conntrack-private.h"
#include <netinet/in.h>
#include "openvswitch/util.h"
#include "packets.h"
#include "unaligned.h"

/* Slack for acknowledgments: one maximal unscaled window plus a frame. */
#define CT_ACK_SLACK (0xffff + 1500)

/* Largest window scale shift that TCP allows (RFC 7323). */
#define CT_MAX_WSCALE 14

/* TCP option kinds that the tracker reads. */
#define CT_TCPOPT_END 0
#define CT_TCPOPT_NOP 1
#define CT_TCPOPT_WSCALE 3

/* Sequence number comparisons, modulo 2**32. */
static inline bool
seq_geq(uint32_t a, uint32_t b)
{
    return (int32_t) (a - b) >= 0;
}

static inline bool
seq_gt(uint32_t a, uint32_t b)
{
    return (int32_t) (a - b) > 0;
}

/* The parts of a segment that the tracker looks at. */
struct ct_tcp_seg {
    const struct tcp_header *th;
    size_t hdr_len;             /* Header with options, in bytes. */
    uint32_t seq;
    uint32_t ack;
    uint32_t len;               /* Sequence space used: payload+SYN+FIN. */
    uint32_t win;               /* Advertised window, unscaled. */
    uint16_t flags;             /* TCP_* flags. */
};

static void
ct_tcp_seg_init(struct ct_tcp_seg *seg, const struct ct_pkt *pkt)
{
    const struct tcp_header *th = pkt->l4;

    seg->th = th;
    seg->hdr_len = TCP_OFFSET(th->tcp_ctl) * 4;
    seg->seq = ntohl(get_16aligned_be32(&th->tcp_seq));
    seg->ack = ntohl(get_16aligned_be32(&th->tcp_ack));
    seg->flags = TCP_FLAGS(th->tcp_ctl);
    seg->win = ntohs(th->tcp_winsz);
    seg->len = pkt->l4_size - seg->hdr_len;
    if (seg->flags & TCP_SYN) {
        seg->len++;
    }
    if (seg->flags & TCP_FIN) {
        seg->len++;
    }
}

/* Flag combinations that no correct stack sends. */
static bool
ct_tcp_flags_bogus(uint16_t flags)
{
    if (flags & TCP_SYN) {
        if (flags & (TCP_RST | TCP_FIN)) {
            return true;
        }
    } else if (!(flags & (TCP_ACK | TCP_RST))) {
        return true;
    }
    return !(flags & TCP_ACK) && (flags & (TCP_FIN | TCP_PSH | TCP_URG));
}

/* Returns the window scale announced in 'seg''s options as CT_WSCALE_KNOWN
 * plus the shift, or 0 if there is none. */
static uint8_t
ct_tcp_parse_wscale(const struct ct_tcp_seg *seg)
{
    const uint8_t *opts = (const uint8_t *) (seg->th + 1);
    size_t n = seg->hdr_len - TCP_HEADER_LEN;
    size_t i = 0;

    while (i < n) {
        uint8_t kind = opts[i];
        uint8_t len;

        if (kind == CT_TCPOPT_END) {
            break;
        } else if (kind == CT_TCPOPT_NOP) {
            i++;
            continue;
        }
        if (i + 2 > n) {
            break;
        }
        len = opts[i + 1];
        if (len < 2 || i + len > n) {
            break;
        }
        if (kind == CT_TCPOPT_WSCALE && len == 3) {
            return CT_WSCALE_KNOWN | MIN(opts[i + 2], CT_MAX_WSCALE);
        }
        i += len;
    }
    return 0;
}

static uint8_t
wscale_shift(uint8_t wscale)
{
    return wscale & CT_WSCALE_SHIFT_MASK;
}

static bool
tcp_may_start(const struct ct_pkt *pkt)
{
    uint16_t flags = TCP_FLAGS(((const struct tcp_header *) pkt->l4)
                               ->tcp_ctl);

    /* A SYN+ACK answers an opening we did not see: refuse it rather than
     * pick up a half-open connection. */
    return (!ct_tcp_flags_bogus(flags)
            && (flags & (TCP_SYN | TCP_ACK)) != (TCP_SYN | TCP_ACK));
}

static void
tcp_start(struct conntrack *ct, struct ct_conn *conn,
          const struct ct_pkt *pkt, long long now)
{
    struct ct_tcp_peer *opener = &conn->u.tcp[0];
    struct ct_tcp_peer *other = &conn->u.tcp[1];
    struct ct_tcp_seg seg;

    ct_tcp_seg_init(&seg, pkt);

    if (seg.flags & TCP_SYN) {
        opener->wscale = ct_tcp_parse_wscale(&seg);
    } else {
        opener->wscale = CT_WSCALE_LIBERAL;
        other->wscale = CT_WSCALE_LIBERAL;
    }
    opener->sent_end = seg.seq;
    opener->allowed_end = seg.seq + seg.len + 1;
    opener->max_win = MAX(seg.win, 1);
    if (wscale_shift(opener->wscale)) {
        opener->max_win = DIV_ROUND_UP(opener->max_win,
                                       1u << wscale_shift(opener->wscale));
    }
    opener->state = CT_TCPS_SYN_SENT;

    /* 'allowed_end' 1 means "not known yet": the first segment from the
     * other side sets it. */
    other->allowed_end = 1;
    other->max_win = 1;
    other->state = CT_TCPS_CLOSED;

    ct_conn_arm(ct, conn, CT_TM_TCP_FIRST, now);
}

/* Picks the timer for 'conn' from its peers' states. */
static enum ct_timeout
tcp_timer(const struct ct_conn *conn)
{
    uint8_t a = conn->u.tcp[0].state;
    uint8_t b = conn->u.tcp[1].state;

    if (a >= CT_TCPS_FIN_WAIT_2 && b >= CT_TCPS_FIN_WAIT_2) {
        return CT_TM_TCP_CLOSED;
    } else if (a >= CT_TCPS_CLOSING && b >= CT_TCPS_CLOSING) {
        return CT_TM_TCP_FIN_WAIT;
    } else if (a < CT_TCPS_ESTABLISHED || b < CT_TCPS_ESTABLISHED) {
        return CT_TM_TCP_OPENING;
    } else if (a >= CT_TCPS_CLOSING || b >= CT_TCPS_CLOSING) {
        return CT_TM_TCP_CLOSING;
    }
    return CT_TM_TCP_ESTABLISHED;
}

/* Records an accepted segment's progress: the sender's reach, and the
 * window it opens for the receiver. */
static void
tcp_advance_windows(struct ct_tcp_peer *src, struct ct_tcp_peer *dst,
                    uint32_t end, uint32_t ack, uint32_t win, uint8_t shift)
{
    uint32_t reach = ack + (win << shift);

    if (win > src->max_win) {
        src->max_win = win;
    }
    if (seq_gt(end, src->sent_end)) {
        src->sent_end = end;
    }
    if (seq_geq(reach, dst->allowed_end)) {
        dst->allowed_end = ack + MAX(win << shift, 1);
    }
}

static enum ct_verdict
tcp_track(struct conntrack *ct, struct ct_conn *conn,
          const struct ct_pkt *pkt, bool reply, long long now)
{
    struct ct_tcp_peer *src = &conn->u.tcp[reply];
    struct ct_tcp_peer *dst = &conn->u.tcp[!reply];
    uint8_t src_shift = 0, dst_shift = 0;
    bool check_ack = true;
    struct ct_tcp_seg seg;
    uint32_t seq, end, ack, win;
    int32_t ack_skew;
    bool ok;

    ct_tcp_seg_init(&seg, pkt);
    if (ct_tcp_flags_bogus(seg.flags)) {
        return CT_VERDICT_INVALID;
    }

    if ((seg.flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
        if (src->state >= CT_TCPS_FIN_WAIT_2
            && dst->state >= CT_TCPS_FIN_WAIT_2) {
            /* Both sides are done: this SYN opens a new conversation. */
            return CT_VERDICT_RESTART;
        } else if (src->state <= CT_TCPS_SYN_SENT) {
            /* A repeated SYN while the handshake has not progressed. */
            src->state = CT_TCPS_SYN_SENT;
            ct_conn_arm(ct, conn, CT_TM_TCP_FIRST, now);
            return CT_VERDICT_OPENING;
        }
    }

    if (!(seg.flags & TCP_SYN)) {
        if (src->wscale & dst->wscale & CT_WSCALE_KNOWN) {
            src_shift = wscale_shift(src->wscale);
            dst_shift = wscale_shift(dst->wscale);
        } else if (src->wscale & dst->wscale & CT_WSCALE_LIBERAL) {
            src_shift = dst_shift = CT_MAX_WSCALE;
        }
    }

    seq = seg.seq;
    ack = seg.ack;
    win = seg.win;
    end = seq + seg.len;
    if (src->state < CT_TCPS_SYN_SENT) {
        /* First segment from this side (normally the SYN+ACK). */
        uint32_t limit;

        if (seg.flags & TCP_SYN && dst->wscale & CT_WSCALE_KNOWN) {
            src->wscale = ct_tcp_parse_wscale(&seg);
            if (src->wscale & CT_WSCALE_KNOWN) {
                src_shift = wscale_shift(src->wscale);
                dst_shift = wscale_shift(dst->wscale);
                win = DIV_ROUND_UP(win, 1u << src_shift);
            } else {
                /* Scaling is off after all: the opener's window was
                 * meant literally. */
                dst->max_win <<= wscale_shift(dst->wscale);
                dst->wscale = 0;
            }
        }
        src->sent_end = seq;
        src->state = CT_TCPS_SYN_SENT;
        limit = end + MAX(dst->max_win << dst_shift, 1);
        if (src->allowed_end == 1 || seq_geq(limit, src->allowed_end)) {
            src->allowed_end = limit;
            check_ack = false;
        }
        if (win > src->max_win) {
            src->max_win = win;
        }
    }

    if (!(seg.flags & TCP_ACK)
        || (!ack && (seg.flags & (TCP_ACK | TCP_RST))
            == (TCP_ACK | TCP_RST))) {
        /* Nothing acknowledged (or a stack that sends RST+ACK with a zero
         * ack): nothing to check. */
        ack = dst->sent_end;
    }

    if (seq == end) {
        /* No data: place it at the sender's current position. */
        seq = end = src->sent_end;
    }

    ack_skew = check_ack ? (int32_t) (dst->sent_end - ack) : 0;
    ok = (!ct_tcp_seq_chk(ct)
          || (seq_geq(src->allowed_end, end)
              && seq_geq(seq, src->sent_end - (dst->max_win << dst_shift))
              && ack_skew >= -CT_ACK_SLACK
              && ack_skew <= (CT_ACK_SLACK << src_shift)
              && (!(seg.flags & TCP_RST)
                  || seg.seq == src->sent_end
                  || seg.seq == src->sent_end + 1
                  || seg.seq + 1 == src->sent_end)));
    if (ok) {
        tcp_advance_windows(src, dst, end, ack, win, src_shift);
        if (seg.flags & TCP_SYN && src->state < CT_TCPS_SYN_SENT) {
            src->state = CT_TCPS_SYN_SENT;
        }
        if (seg.flags & TCP_FIN && src->state < CT_TCPS_CLOSING) {
            src->state = CT_TCPS_CLOSING;
        }
        if (seg.flags & TCP_ACK) {
            if (dst->state == CT_TCPS_SYN_SENT) {
                dst->state = CT_TCPS_ESTABLISHED;
            } else if (dst->state == CT_TCPS_CLOSING) {
                dst->state = CT_TCPS_FIN_WAIT_2;
            }
        }
        if (seg.flags & TCP_RST) {
            src->state = dst->state = CT_TCPS_TIME_WAIT;
        }
        ct_conn_arm(ct, conn, tcp_timer(conn), now);
        return CT_VERDICT_ACCEPT;
    }

    if ((dst->state < CT_TCPS_SYN_SENT
         || dst->state >= CT_TCPS_FIN_WAIT_2
         || src->state >= CT_TCPS_FIN_WAIT_2)
        && seq_geq(src->allowed_end + CT_ACK_SLACK, end)
        && seq_geq(seq, src->sent_end - CT_ACK_SLACK)) {
        /* Loose acceptance (see the file comment).  The receiver's window
         * is not trusted here, and the timer is left alone so that a flood
         * of such segments cannot keep the connection alive. */
        tcp_advance_windows(src, dst, end, ack, win, src_shift);
        if (seg.flags & TCP_FIN && src->state < CT_TCPS_CLOSING) {
            src->state = CT_TCPS_CLOSING;
        }
        if (seg.flags & TCP_RST) {
            src->state = dst->state = CT_TCPS_TIME_WAIT;
        }
        return CT_VERDICT_ACCEPT;
    }
    return CT_VERDICT_INVALID;
}

static void
tcp_describe(const struct ct_conn *conn, struct conntrack_entry *entry)
{
    for (int i = 0; i < 2; i++) {
        const struct ct_tcp_peer *peer = &conn->u.tcp[i];

        entry->tcp_state[i] = peer->state;
        entry->tcp_wscale[i] = wscale_shift(peer->wscale);
        entry->tcp_flags[i] = ((peer->wscale & CT_WSCALE_KNOWN
                                ? CT_TCPF_WINDOW_SCALE : 0)
                               | (peer->wscale & CT_WSCALE_LIBERAL
                                  ? CT_TCPF_BE_LIBERAL : 0));
    }
}

const struct ct_l4_class ct_l4_tcp = {
    .may_start = tcp_may_start,
    .start = tcp_start,
    .track = tcp_track,
    .describe = tcp_describe,
};
