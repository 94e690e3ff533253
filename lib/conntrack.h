/* Connection tracking for the userspace datapath.
 *
 * A connection tracker remembers the transport conversations ("connections")
 * that a pipeline has accepted, so that later packets can be classified by
 * their relation to them: the first packet of a conversation is new, later
 * ones are established, packets going the other way are replies, ICMP errors
 * about a known conversation are related, and packets that make no sense for
 * the conversation they belong to (a TCP segment outside the peer's window)
 * are invalid.  The datapath calls conntrack_execute() for the
 * OVS_ACTION_ATTR_CT action and stores the verdict in the packet's metadata,
 * where the pipeline matches it as ct_state, ct_zone, ct_mark and ct_label.
 *
 * Keys.  A connection is identified by its zone (a 16-bit number that splits
 * the tracker into independent tables) and the tuple of its first packet:
 * addresses, IP protocol and, for TCP and UDP, the two ports.  ICMP and
 * ICMPv6 echo (and the IPv4 timestamp and information) exchanges are keyed
 * by the echo identifier and the message type; a reply carries the matching
 * reply type.  Other IP protocols, SCTP included, are keyed by addresses and
 * protocol alone (so their dumps show sport=0,dport=0, as Open vSwitch 3.1
 * does).  Each connection is findable from both directions.
 *
 * Committing.  Only committed connections are remembered: a packet that
 * would start a connection is reported +new, but the connection enters the
 * table only when the action says "commit".  Until then every such packet
 * is +new again.  ct_mark and ct_label can be written (with a mask) only by
 * a committing action; they stay with the connection and are reported to
 * every later packet of it, in both directions.
 *
 * Verdicts (the CS_* bits of packets.h, which have Open vSwitch's values:
 * new 0x01, est 0x02, rel 0x04, rpl 0x08, inv 0x10, trk 0x20).  Every packet
 * that goes through conntrack_execute() gets CS_TRACKED plus:
 *
 *   CS_NEW                 no committed connection, and the packet may start
 *                          one (TCP without SYN+ACK and with sane flags, UDP,
 *                          other protocols, ICMP echo/timestamp/info
 *                          requests, ICMPv6 echo requests); also a packet of
 *                          a committed connection that has not yet seen a
 *                          reply, when it repeats the opening (a second pure
 *                          SYN, a second UDP or echo request; also a SYN
 *                          from the replier, still without CS_REPLY_DIR,
 *                          as in Open vSwitch).
 *   CS_ESTABLISHED         a committed connection accepted the packet.
 *   + CS_REPLY_DIR         ... and the packet goes in the reply direction.
 *   CS_RELATED             an ICMP or ICMPv6 error (destination unreachable,
 *                          packet too big, time exceeded, parameter problem,
 *                          source quench, redirect) whose quoted header
 *                          belongs to a committed connection; CS_REPLY_DIR
 *                          is added when the error travels in the reply
 *                          direction of that connection.
 *   CS_INVALID             anything else: not IPv4 or IPv6, truncated or
 *                          malformed headers, a bad IPv4 header checksum,
 *                          IP fragments (see below), ICMP messages that are
 *                          neither echo-like nor errors about a known
 *                          connection, a TCP segment refused by the window
 *                          check, or a packet that may not start a
 *                          connection (a TCP SYN+ACK, or a TCP segment with
 *                          contradictory flags such as SYN+RST or a FIN
 *                          without ACK, or an ICMP echo reply, with no
 *                          connection).
 *
 * The packet's ct_zone becomes the action's zone.  Its ct_mark and ct_label
 * become those of the connection it belongs to (also when the packet is
 * invalid for that connection), or 0 when there is none.
 *
 * TCP.  Each direction's peer has a state (CLOSED, SYN_SENT, ESTABLISHED,
 * CLOSING, FIN_WAIT_2, TIME_WAIT; the other names exist for reporting) and a
 * window: the highest sequence number it sent and the highest the other
 * side allowed it to send (acknowledged + advertised window, scaled by the
 * window scale option when both SYNs carried it).  A segment is accepted if
 * its data ends within the allowed window, starts no more than one window
 * before what was already sent, acknowledges nothing far beyond what the
 * other side sent, and, for RST, sits exactly at the expected sequence
 * number.  A SYN moves its sender to SYN_SENT, a FIN to CLOSING, an ACK moves
 * the other side from SYN_SENT to ESTABLISHED or from CLOSING to FIN_WAIT_2,
 * and RST puts both in TIME_WAIT.  Segments without payload are not
 * sequence-checked (only their acknowledgment is).  A connection picked up
 * without a SYN is tracked with maximal window scaling ("be liberal").  A new
 * SYN after both sides closed (FIN_WAIT_2 or TIME_WAIT) replaces the old
 * connection.  conntrack_set_tcp_seq_chk(ct, false) turns the window check
 * off.
 *
 * Timeouts (milliseconds; the same defaults as Open vSwitch's userspace
 * connection tracker).  Every accepted packet re-arms its connection's timer
 * with the value for the state the connection is in afterwards:
 *
 *   TCP, first packet only ............... 30000      (CT_TM_TCP_FIRST)
 *   TCP, a side not yet ESTABLISHED ...... 30000      (CT_TM_TCP_OPENING)
 *   TCP, both ESTABLISHED ................ 86400000   (CT_TM_TCP_ESTABLISHED)
 *   TCP, one side closing ................ 900000     (CT_TM_TCP_CLOSING)
 *   TCP, both sides closing .............. 45000      (CT_TM_TCP_FIN_WAIT)
 *   TCP, both closed (FIN acked, or RST) . 30000      (CT_TM_TCP_CLOSED)
 *   UDP/other, one packet ................ 60000      (CT_TM_OTHER_FIRST)
 *   UDP/other, more, one way ............. 60000      (CT_TM_OTHER_MULTIPLE)
 *   UDP/other, both ways ................. 30000      (CT_TM_OTHER_BIDIR)
 *   ICMP/ICMPv6, request only ............ 60000      (CT_TM_ICMP_FIRST)
 *   ICMP/ICMPv6, replied ................. 30000      (CT_TM_ICMP_REPLY)
 *
 * A connection expires when the clock reaches its expiration time.  There
 * is no thread: every call that takes 'now' first removes the connections
 * that expired by then, and a lookup never returns an expired connection.
 * The clock is the caller's: 'now' is in milliseconds (time_msec() in the
 * switch, a script-controlled value in tests) and must not go backwards.
 *
 * Limit.  At most conntrack_get_maxconns() connections (default 3000000) are
 * committed.  When the table is full, a packet that would commit a new
 * connection is still reported +new+trk (with ct_mark and ct_label 0), but
 * nothing is remembered, exactly as if it had not asked to commit; the
 * pipeline decides what to do with it.  conntrack_get_n_refused() counts
 * such packets.  This is what Open vSwitch's userspace datapath does.  The
 * same policy applies to optional per-zone limits (see
 * conntrack_set_zone_limit()).
 *
 * IP fragments are not reassembled: every IPv4 or IPv6 fragment, first or
 * later, is +inv+trk.  (Open vSwitch's userspace datapath does the same
 * unless its optional reassembly is turned on.)
 *
 * Checksums: the IPv4 header checksum is verified (a bad one makes the
 * packet invalid); TCP, UDP and ICMP checksums are not, because packets
 * from local stacks with checksum offload reach the datapath with partial
 * checksums and the datapath has no flag that says so.
 *
 * Threads: a struct conntrack is not thread-safe; its user serializes
 * calls (the userspace datapath is single-threaded). */

#ifndef CONNTRACK_H
#define CONNTRACK_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"

struct conntrack;
struct dp_packet;
struct ds;
struct flow;

/* Life cycle.  conntrack_destroy() frees every connection. */
struct conntrack *conntrack_create(void);
void conntrack_destroy(struct conntrack *);

/* Runs 'pkt' through the tracker: the OVS_ACTION_ATTR_CT action.
 *
 * 'pkt' must have its layer 3 offset set (flow_extract() does it).  Its
 * EtherType is taken from 'flow' if nonnull, otherwise from the packet.
 * The verdict is written to pkt->md (ct_state, ct_zone, ct_mark, ct_label)
 * and, if 'flow' is nonnull, to the same fields of 'flow'; it is also
 * returned (the ct_state bits).  The packet's bytes are not changed.
 *
 * 'zone' selects the table.  'commit' lets the packet create a connection
 * (and lets 'set_mark' and 'set_label' write to it).  'force' (which
 * implies commit) first deletes a committed connection that this packet
 * would hit in the reply direction, so that it starts over with this
 * packet's direction as the original one.  'set_mark', if nonnull, points
 * to { value, mask }: the connection's mark becomes
 * (mark & ~mask) | (value & mask); 'set_label' likewise for the label.
 * Both are read, never kept.  'now' is the current time in msec.
 *
 * For the datapath action OVS_ACTION_ATTR_CT: OVS_CT_ATTR_ZONE gives
 * 'zone', OVS_CT_ATTR_COMMIT sets 'commit', OVS_CT_ATTR_FORCE_COMMIT sets
 * 'commit' and 'force', OVS_CT_ATTR_MARK is the { value, mask } pair for
 * 'set_mark', OVS_CT_ATTR_LABELS the value and mask for 'set_label' (in the
 * representation of struct flow's 'ct_label').  NAT and helpers are not
 * supported.  Running a packet through the tracker twice (say ct(table=N)
 * and, after recirculation, ct(commit)) is fine: the second pass sees the
 * same connection and gives the same verdict. */
uint8_t conntrack_execute(struct conntrack *, struct dp_packet *pkt,
                          struct flow *flow, uint16_t zone, bool commit,
                          bool force, const uint32_t *set_mark,
                          const ovs_u128 *set_label, long long now);

/* Removes the connections of 'zone' (all connections if 'zone' is null).
 * Returns how many were removed. */
size_t conntrack_flush(struct conntrack *, const uint16_t *zone);

/* Removes expired connections.  conntrack_execute(), the dumps and the
 * statistics already do this; a caller with idle periods may call it from
 * its main loop too. */
void conntrack_sweep(struct conntrack *, long long now);

/* Table limit (see the file comment for the policy when it is reached). */
void conntrack_set_maxconns(struct conntrack *, uint32_t maxconns);
uint32_t conntrack_get_maxconns(const struct conntrack *);
uint32_t conntrack_get_nconns(const struct conntrack *);
uint64_t conntrack_get_n_refused(const struct conntrack *);

/* Per-zone limits, as "ovs-appctl dpctl/ct-set-limits" sets them.  A zone
 * with a limit of its own holds at most that many connections (0 means
 * none); other zones are bounded by the default zone limit, where 0 means
 * "no limit".  Commits beyond a zone's limit are refused like those beyond
 * maxconns. */
void conntrack_set_default_zone_limit(struct conntrack *, uint32_t limit);
uint32_t conntrack_get_default_zone_limit(const struct conntrack *);
void conntrack_set_zone_limit(struct conntrack *, uint16_t zone,
                              uint32_t limit);
void conntrack_del_zone_limit(struct conntrack *, uint16_t zone);

/* Appends what "ovs-appctl dpctl/ct-get-limits [zone=N,...]" prints
 * (without the final newline): the default limit, then either the 'n'
 * zones in 'zones' with their effective limits or, if 'n' is 0, every zone
 * that has a limit of its own, in increasing order. */
void conntrack_format_zone_limits(struct ds *, const struct conntrack *,
                                  const uint16_t *zones, size_t n);

/* TCP window (sequence number) checking, on by default. */
void conntrack_set_tcp_seq_chk(struct conntrack *, bool enabled);
bool conntrack_get_tcp_seq_chk(const struct conntrack *);

/* ----- Describing connections ---------------------------------------- */

/* An IPv4 or IPv6 address (which one is given by the tuple's dl_type).
 * Unused bytes are zero. */
union ct_addr {
    ovs_be32 ipv4;
    struct in6_addr ipv6;
};

/* One direction of a connection, as its packets look. */
struct conntrack_tuple {
    union ct_addr src;
    union ct_addr dst;
    ovs_be16 src_port;          /* TCP/UDP port; ICMP echo id; else 0. */
    ovs_be16 dst_port;          /* TCP/UDP port; ICMP echo id; else 0. */
    ovs_be16 dl_type;           /* htons(ETH_TYPE_IP or ETH_TYPE_IPV6). */
    uint8_t nw_proto;           /* IPPROTO_*. */
    uint8_t icmp_type;          /* ICMP/ICMPv6: type sent this way. */
    uint8_t icmp_code;          /* ICMP/ICMPv6: code. */
    uint8_t pad[3];
};

/* TCP peer states, in the order that conntrack's formatting relies on (a
 * connection is reported in the "larger" of its two peers' states). */
enum ct_tcp_state {
    CT_TCPS_CLOSED,
    CT_TCPS_LISTEN,
    CT_TCPS_SYN_SENT,
    CT_TCPS_SYN_RECV,
    CT_TCPS_ESTABLISHED,
    CT_TCPS_CLOSE_WAIT,
    CT_TCPS_FIN_WAIT_1,
    CT_TCPS_CLOSING,
    CT_TCPS_LAST_ACK,
    CT_TCPS_FIN_WAIT_2,
    CT_TCPS_TIME_WAIT,
    CT_N_TCPS
};
const char *ct_tcp_state_name(enum ct_tcp_state);

/* Per-peer TCP flags reported in verbose dumps. */
#define CT_TCPF_WINDOW_SCALE 0x01   /* The peer's SYN had window scaling. */
#define CT_TCPF_BE_LIBERAL 0x08     /* Picked up mid-stream. */

/* A snapshot of one connection, as the dump functions return it. */
struct conntrack_entry {
    struct conntrack_tuple orig;
    struct conntrack_tuple reply;
    uint16_t zone;
    uint32_t mark;
    ovs_u128 label;
    uint32_t timeout;           /* Seconds left before it expires. */
    uint32_t id;                /* Always 0 (as Open vSwitch reports). */
    uint32_t status;            /* Always 0 (as Open vSwitch reports). */

    /* TCP only (orig.nw_proto == IPPROTO_TCP): [0] original direction's
     * sender, [1] reply direction's sender. */
    uint8_t tcp_state[2];       /* enum ct_tcp_state. */
    uint8_t tcp_wscale[2];      /* Window scale shift, 0 if none. */
    uint8_t tcp_flags[2];       /* CT_TCPF_*. */
};

/* A partly specified tuple, as "ovs-appctl dpctl/flush-conntrack" takes
 * it: 'mask' has 1-bits where 'value' matters. */
struct conntrack_tuple_match {
    struct conntrack_tuple value;
    struct conntrack_tuple mask;
};

/* Parses 's', a comma-separated list of the fields "ct_nw_src=IP",
 * "ct_nw_dst=IP", "ct_ipv6_src=IP6", "ct_ipv6_dst=IP6", "ct_nw_proto=N",
 * "ct_tp_src=PORT", "ct_tp_dst=PORT", "icmp_type=N", "icmp_code=N" and
 * "icmp_id=N", into 'match'; fields not given are wildcards.  Returns null
 * on success, otherwise an error message that the caller must free. */
char *conntrack_tuple_parse(const char *s,
                            struct conntrack_tuple_match *match)
    OVS_WARN_UNUSED_RESULT;

/* Removes the connections of 'zone' (all zones if null) whose original
 * direction tuple matches 'orig' and whose reply direction tuple matches
 * 'reply', where "t matches m" means that t agrees with m->value on every
 * bit set in m->mask (see conntrack_tuple_parse()).  A null 'orig' or
 * 'reply' matches anything.  Returns how many were removed. */
size_t conntrack_flush_matching(struct conntrack *, const uint16_t *zone,
                                const struct conntrack_tuple_match *orig,
                                const struct conntrack_tuple_match *reply);

/* Dumps: a snapshot of the connections of 'zone' (all zones if 'zone' is
 * null) as of 'now', oldest first.  The caller owns the dump until
 * conntrack_dump_done(); the tracker may be used meanwhile. */
struct conntrack_dump *conntrack_dump_start(struct conntrack *,
                                            const uint16_t *zone,
                                            long long now);
bool conntrack_dump_next(struct conntrack_dump *, struct conntrack_entry *);
void conntrack_dump_done(struct conntrack_dump *);

/* Formats 'entry' as one line of "ovs-appctl dpctl/dump-conntrack" (no
 * newline): 'verbose' is its -m option, 'print_stats' its -s. */
void conntrack_format_entry(struct ds *, const struct conntrack_entry *,
                            bool verbose, bool print_stats);

/* Appends the output of "ovs-appctl dpctl/ct-stats-show [zone=N]
 * [verbose]" for 'zone' (all if null), including the final newline. */
void conntrack_format_stats(struct ds *, struct conntrack *,
                            const uint16_t *zone, bool verbose,
                            long long now);

#endif /* conntrack.h */
