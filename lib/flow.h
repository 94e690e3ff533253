/* Flows: the header fields and metadata that identify a packet.
 *
 * A "struct flow" holds everything the switch can match on or rewrite for
 * one packet, extracted once from its bytes (flow_extract()) plus the
 * metadata that travels with it (input port, registers, conntrack state).
 * A "struct flow_wildcards" says which bits of a flow matter: a 1-bit in
 * 'masks' means "this bit is significant". */

#ifndef FLOW_H
#define FLOW_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include "openvswitch/types.h"
#include "packets.h"

struct dp_packet;
struct ds;
struct match;

/* Number of 32-bit registers (reg0..reg15) and of their 64-bit pairs
 * (xreg0..xreg7: xregN is regs[2N] as high half, regs[2N+1] low half). */
#define FLOW_N_REGS 16
#define FLOW_N_XREGS (FLOW_N_REGS / 2)

/* Bits of 'nw_frag'. */
#define FLOW_NW_FRAG_ANY (1 << 0)    /* Any kind of fragment. */
#define FLOW_NW_FRAG_LATER (1 << 1)  /* Not the first fragment. */
#define FLOW_NW_FRAG_MASK (FLOW_NW_FRAG_ANY | FLOW_NW_FRAG_LATER)

/* The fields of a packet and its metadata.  Members are in network byte
 * order when named ovs_be*, in host order otherwise.  ICMP and ICMPv6 type
 * and code live in the low byte of 'tp_src' and 'tp_dst'; ARP's opcode
 * lives in 'nw_proto', its addresses in 'nw_src'/'nw_dst' and
 * 'arp_sha'/'arp_tha' (the latter two are also ND's source and target
 * link-layer addresses). */
struct flow {
    /* Metadata. */
    uint32_t regs[FLOW_N_REGS];
    ovs_be64 metadata;
    ovs_be64 tun_id;            /* Tunnel ID; 0 for packets from our ports,
                                 * which are never tunnels. */
    uint32_t pkt_mark;
    uint32_t recirc_id;
    uint32_t dp_hash;
    uint32_t skb_priority;
    union flow_in_port in_port;
    uint8_t ct_state;
    uint8_t pad1[1];
    uint16_t ct_zone;
    uint32_t ct_mark;
    ovs_u128 ct_label;

    /* Layer 2. */
    struct eth_addr dl_dst;
    struct eth_addr dl_src;
    ovs_be16 dl_type;
    ovs_be16 vlan_tci;          /* With VLAN_CFI set if a tag is present. */

    /* Layer 3. */
    ovs_be32 nw_src;
    ovs_be32 nw_dst;
    struct in6_addr ipv6_src;
    struct in6_addr ipv6_dst;
    ovs_be32 ipv6_label;
    uint8_t nw_frag;            /* FLOW_NW_FRAG_* bits. */
    uint8_t nw_tos;             /* DSCP and ECN. */
    uint8_t nw_ttl;
    uint8_t nw_proto;
    struct in6_addr nd_target;
    struct eth_addr arp_sha;
    struct eth_addr arp_tha;

    /* Layer 4. */
    ovs_be16 tcp_flags;
    ovs_be16 tp_src;
    ovs_be16 tp_dst;
    uint8_t pad2[6];
};

/* The bits of a flow that matter: 1-bits in 'masks' are significant. */
struct flow_wildcards {
    struct flow masks;
};

/* xregN is the pair regs[2N] (high half), regs[2N+1] (low half). */
static inline uint64_t
flow_get_xreg(const struct flow *flow, int idx)
{
    const uint32_t *pair = &flow->regs[2 * idx];

    return (uint64_t) pair[0] << 32 | pair[1];
}

static inline void
flow_set_xreg(struct flow *flow, int idx, uint64_t value)
{
    uint32_t *pair = &flow->regs[2 * idx];

    pair[1] = (uint32_t) value;
    pair[0] = (uint32_t) (value >> 32);
}

/* Extraction and composition. */
void flow_extract(struct dp_packet *, struct flow *);
void flow_compose(struct dp_packet *, const struct flow *);
uint16_t parse_dl_type(const void *data, size_t size);

/* Comparison and hashing. */
static inline bool
flow_equal(const struct flow *a, const struct flow *b)
{
    return !memcmp(a, b, sizeof *a);
}

uint32_t flow_hash(const struct flow *, uint32_t basis);
static inline int
flow_compare_3way(const struct flow *a, const struct flow *b)
{
    return memcmp(a, b, sizeof *a);
}

/* Protocol predicates. */
static inline bool
is_ip_any(const struct flow *flow)
{
    return (flow->dl_type == htons(ETH_TYPE_IP)
            || flow->dl_type == htons(ETH_TYPE_IPV6));
}

static inline bool
is_icmpv4(const struct flow *flow)
{
    return (flow->dl_type == htons(ETH_TYPE_IP)
            && flow->nw_proto == IPPROTO_ICMP);
}

static inline bool
is_icmpv6(const struct flow *flow)
{
    return (flow->dl_type == htons(ETH_TYPE_IPV6)
            && flow->nw_proto == IPPROTO_ICMPV6);
}

static inline bool
is_nd(const struct flow *flow)
{
    return (is_icmpv6(flow)
            && flow->tp_dst == htons(0)
            && (flow->tp_src == htons(ND_NEIGHBOR_SOLICIT)
                || flow->tp_src == htons(ND_NEIGHBOR_ADVERT)));
}

/* Text. */
void flow_format(struct ds *, const struct flow *);
char *flow_to_string(const struct flow *);
void flow_print(FILE *, const struct flow *);

/* Metadata (the fields a closure carries) as a match that has exactly
 * those fields that are nonzero in 'flow', plus in_port. */
void flow_get_metadata(const struct flow *, struct match *);

/* Clears every field of 'flow' that 'wc' does not care about. */
void flow_zero_wildcards(struct flow *, const struct flow_wildcards *);
void flow_apply_mask(struct flow *dst, const struct flow *src,
                     const struct flow_wildcards *);

/* Wildcards. */
void flow_wildcards_init_catchall(struct flow_wildcards *);
void flow_wildcards_init_exact(struct flow_wildcards *);
bool flow_wildcards_is_catchall(const struct flow_wildcards *);
bool flow_wildcards_is_exact(const struct flow_wildcards *);
void flow_wildcards_and(struct flow_wildcards *dst,
                        const struct flow_wildcards *,
                        const struct flow_wildcards *);
void flow_wildcards_or(struct flow_wildcards *dst,
                       const struct flow_wildcards *,
                       const struct flow_wildcards *);
bool flow_wildcards_has_extra(const struct flow_wildcards *,
                              const struct flow_wildcards *);
static inline bool
flow_wildcards_equal(const struct flow_wildcards *a,
                     const struct flow_wildcards *b)
{
    return flow_equal(&a->masks, &b->masks);
}
uint32_t flow_wildcards_hash(const struct flow_wildcards *, uint32_t basis);
bool flow_equal_except(const struct flow *, const struct flow *,
                       const struct flow_wildcards *);

#endif /* flow.h */
