/* Connection tracking: what the tracker core (conntrack.c) and the
 * per-protocol trackers (conntrack-tcp.c, conntrack-other.c) share.
 *
 * The core parses a packet into a "struct ct_pkt", finds the connection
 * its key belongs to, and hands the packet to the connection's protocol
 * class, which keeps the protocol's own state in the connection and answers
 * with a verdict.  The classes never touch the table; they only re-arm the
 * connection's timer through ct_conn_arm(). */

#ifndef CONNTRACK_PRIVATE_H
#define CONNTRACK_PRIVATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "conntrack.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"

/* Timer classes, one expiration list each (see conntrack.h for values). */
enum ct_timeout {
    CT_TM_TCP_FIRST,
    CT_TM_TCP_OPENING,
    CT_TM_TCP_ESTABLISHED,
    CT_TM_TCP_CLOSING,
    CT_TM_TCP_FIN_WAIT,
    CT_TM_TCP_CLOSED,
    CT_TM_OTHER_FIRST,
    CT_TM_OTHER_MULTIPLE,
    CT_TM_OTHER_BIDIR,
    CT_TM_ICMP_FIRST,
    CT_TM_ICMP_REPLY,
    CT_N_TM
};

/* What a table lookup compares: one direction's tuple and the zone.  Keys
 * are built from zeroed memory so that they can be hashed and compared as
 * bytes. */
struct ct_key {
    struct conntrack_tuple tuple;
    uint16_t zone;
    uint8_t pad[2];
};

/* A packet as the tracker sees it, filled by the core's parser. */
struct ct_pkt {
    struct ct_key key;          /* The packet's own key (for an ICMP error:
                                 * the key of the quoted packet). */
    bool related;               /* ICMP/ICMPv6 error about 'key'. */
    const void *l4;             /* Transport header (not for 'related'). */
    size_t l4_size;             /* Bytes from 'l4' to the end of the IP
                                 * payload. */
};

/* TCP state of one direction's sender. */
struct ct_tcp_peer {
    uint32_t sent_end;          /* Sequence number after its last byte. */
    uint32_t allowed_end;       /* Highest sequence number the other side
                                 * lets it reach (ack + window). */
    uint32_t max_win;           /* Largest window it advertised, unscaled. */
    uint8_t state;              /* enum ct_tcp_state. */
    uint8_t wscale;             /* CT_WSCALE_* flags and shift. */
};

#define CT_WSCALE_SHIFT_MASK 0x0f
#define CT_WSCALE_KNOWN 0x80    /* Its SYN carried a window scale option. */
#define CT_WSCALE_LIBERAL 0x40  /* Picked up without seeing a SYN. */

struct ct_conn;

/* One of the two directions of a connection, as indexed in the table. */
struct ct_dir {
    struct hmap_node hmap_node; /* In struct conntrack's 'table'. */
    struct ct_key key;
    uint8_t index;              /* 0: original, 1: reply. */
};

struct ct_conn {
    struct ct_dir dirs[2];      /* Original and reply direction. */
    const struct ct_l4_class *l4;

    struct ovs_list exp_node;   /* In the 'timer' class's list. */
    long long expiration;       /* Expired when the clock reaches it. */
    enum ct_timeout timer;

    uint64_t serial;            /* Creation order, for dumps. */
    uint32_t mark;
    ovs_u128 label;

    union {
        struct ct_tcp_peer tcp[2];  /* [0] original sender, [1] replier. */
        uint8_t simple_state;       /* UDP, SCTP, other, ICMP. */
    } u;
};

/* What a protocol class says about a packet of an existing connection. */
enum ct_verdict {
    CT_VERDICT_INVALID,         /* Refused: +inv. */
    CT_VERDICT_ACCEPT,          /* Accepted: +est. */
    CT_VERDICT_OPENING,         /* Accepted, repeats the opening: +new. */
    CT_VERDICT_RESTART,         /* Starts a new connection over this one. */
};

struct conntrack;

struct ct_l4_class {
    /* May 'pkt' create a connection? */
    bool (*may_start)(const struct ct_pkt *pkt);

    /* Initializes the protocol state of the new connection 'conn' from its
     * first packet and arms its timer. */
    void (*start)(struct conntrack *, struct ct_conn *conn,
                  const struct ct_pkt *pkt, long long now);

    /* Processes 'pkt', which belongs to 'conn' in the reply direction if
     * 'reply'.  Re-arms the timer of accepted packets. */
    enum ct_verdict (*track)(struct conntrack *, struct ct_conn *conn,
                             const struct ct_pkt *pkt, bool reply,
                             long long now);

    /* Fills the protocol fields of 'entry' (optional). */
    void (*describe)(const struct ct_conn *, struct conntrack_entry *entry);
};

extern const struct ct_l4_class ct_l4_tcp;
extern const struct ct_l4_class ct_l4_other;
extern const struct ct_l4_class ct_l4_icmp;

/* Re-arms 'conn''s timer with the 'timer' class's timeout from 'now'. */
void ct_conn_arm(struct conntrack *, struct ct_conn *, enum ct_timeout timer,
                 long long now);

/* Whether TCP window checks are on. */
bool ct_tcp_seq_chk(const struct conntrack *);

#endif /* conntrack-private.h */
