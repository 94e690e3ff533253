/* Matches: building them field by field and printing them.
 *
 * Every setter stores the value already masked, so a match never carries
 * bits in 'flow' that 'wc' ignores.  match_format() prints a match in the
 * flow syntax of ovs-ofctl: protocol shorthands such as "tcp" or "icmp6"
 * stand for the EtherType and IP protocol they imply, and the fields come
 * in a fixed order, names and number bases that scripts rely on. */

#include <config.h>
#include "match.h"
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "meta-flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/util.h"

/* The priority that match_format() leaves out (OpenFlow's default). */
#define MATCH_DEFAULT_PRIORITY 0x8000

void
match_init(struct match *match, const struct flow *flow,
           const struct flow_wildcards *wc)
{
    match->flow = *flow;
    match->wc = *wc;
    match_zero_wildcarded_fields(match);
}

void
match_init_catchall(struct match *match)
{
    memset(&match->flow, 0, sizeof match->flow);
    flow_wildcards_init_catchall(&match->wc);
}

void
match_init_exact(struct match *match, const struct flow *flow)
{
    match->flow = *flow;
    flow_wildcards_init_exact(&match->wc);
}

void
match_zero_wildcarded_fields(struct match *match)
{
    flow_zero_wildcards(&match->flow, &match->wc);
}

bool
match_is_catchall(const struct match *match)
{
    return flow_wildcards_is_catchall(&match->wc);
}

bool
match_equal(const struct match *a, const struct match *b)
{
    return (flow_equal(&a->flow, &b->flow)
            && flow_wildcards_equal(&a->wc, &b->wc));
}

uint32_t
match_hash(const struct match *match, uint32_t basis)
{
    return flow_hash(&match->flow, flow_wildcards_hash(&match->wc, basis));
}

/* Stores 'n' bytes of 'value' under 'mask' into the same member of the
 * flow and the mask.  'flow_field' points into match->flow; the mask
 * member sits at the same offset in match->wc.masks. */
static void
set_masked(struct match *match, void *flow_field, const void *value,
           const void *mask, size_t n)
{
    size_t ofs = (uint8_t *) flow_field - (uint8_t *) &match->flow;
    uint8_t *f = flow_field;
    uint8_t *m = (uint8_t *) &match->wc.masks + ofs;
    const uint8_t *v = value, *mk = mask;
    size_t i;

    for (i = 0; i < n; i++) {
        m[i] = mk[i];
        f[i] = v[i] & mk[i];
    }
}

#define SET_MASKED(MATCH, MEMBER, VALUE, MASK)                          \
    do {                                                                \
        typeof((MATCH)->flow.MEMBER) v_ = (VALUE);                      \
        typeof((MATCH)->flow.MEMBER) m_ = (MASK);                       \
        set_masked(MATCH, &(MATCH)->flow.MEMBER, &v_, &m_, sizeof v_);  \
    } while (0)

void
match_set_in_port(struct match *match, ofp_port_t port)
{
    match->wc.masks.in_port.ofp_port = u16_to_ofp(UINT16_MAX);
    match->flow.in_port.ofp_port = port;
}

void
match_set_reg(struct match *match, unsigned int idx, uint32_t value)
{
    match_set_reg_masked(match, idx, value, UINT32_MAX);
}

void
match_set_reg_masked(struct match *match, unsigned int idx, uint32_t value,
                     uint32_t mask)
{
    if (idx < FLOW_N_REGS) {
        SET_MASKED(match, regs[idx], value, mask);
    }
}

void
match_set_xreg(struct match *match, unsigned int idx, uint64_t value)
{
    match_set_xreg_masked(match, idx, value, UINT64_MAX);
}

void
match_set_xreg_masked(struct match *match, unsigned int idx, uint64_t value,
                      uint64_t mask)
{
    if (idx < FLOW_N_XREGS) {
        match_set_reg_masked(match, idx * 2, value >> 32, mask >> 32);
        match_set_reg_masked(match, idx * 2 + 1, value, mask);
    }
}

void
match_set_metadata(struct match *match, ovs_be64 metadata)
{
    match_set_metadata_masked(match, metadata, OVS_BE64_MAX);
}

void
match_set_metadata_masked(struct match *match, ovs_be64 metadata,
                          ovs_be64 mask)
{
    SET_MASKED(match, metadata, metadata, mask);
}

void
match_set_tun_id(struct match *match, ovs_be64 tun_id)
{
    match->flow.tun_id = tun_id;
    match->wc.masks.tun_id = OVS_BE64_MAX;
}

void
match_set_pkt_mark(struct match *match, uint32_t pkt_mark)
{
    match_set_pkt_mark_masked(match, pkt_mark, UINT32_MAX);
}

void
match_set_pkt_mark_masked(struct match *match, uint32_t pkt_mark,
                          uint32_t mask)
{
    SET_MASKED(match, pkt_mark, pkt_mark, mask);
}

void
match_set_recirc_id(struct match *match, uint32_t value)
{
    SET_MASKED(match, recirc_id, value, UINT32_MAX);
}

void
match_set_ct_state(struct match *match, uint32_t ct_state)
{
    match_set_ct_state_masked(match, ct_state, UINT32_MAX);
}

void
match_set_ct_state_masked(struct match *match, uint32_t ct_state,
                          uint32_t mask)
{
    SET_MASKED(match, ct_state, ct_state, mask);
}

void
match_set_ct_zone(struct match *match, uint16_t ct_zone)
{
    SET_MASKED(match, ct_zone, ct_zone, UINT16_MAX);
}

void
match_set_ct_mark(struct match *match, uint32_t ct_mark)
{
    match_set_ct_mark_masked(match, ct_mark, UINT32_MAX);
}

void
match_set_ct_mark_masked(struct match *match, uint32_t ct_mark,
                         uint32_t mask)
{
    SET_MASKED(match, ct_mark, ct_mark, mask);
}

void
match_set_ct_label(struct match *match, ovs_u128 ct_label)
{
    ovs_u128 ones;

    memset(&ones, 0xff, sizeof ones);
    match_set_ct_label_masked(match, ct_label, ones);
}

void
match_set_ct_label_masked(struct match *match, ovs_u128 value, ovs_u128 mask)
{
    set_masked(match, &match->flow.ct_label, &value, &mask, sizeof value);
}

void
match_set_dl_type(struct match *match, ovs_be16 dl_type)
{
    SET_MASKED(match, dl_type, dl_type, OVS_BE16_MAX);
}

void
match_set_dl_src(struct match *match, const struct eth_addr dl_src)
{
    match_set_dl_src_masked(match, dl_src, eth_addr_exact);
}

void
match_set_dl_src_masked(struct match *match, const struct eth_addr dl_src,
                        const struct eth_addr mask)
{
    set_masked(match, &match->flow.dl_src, &dl_src, &mask, ETH_ADDR_LEN);
}

void
match_set_dl_dst(struct match *match, const struct eth_addr dl_dst)
{
    match_set_dl_dst_masked(match, dl_dst, eth_addr_exact);
}

void
match_set_dl_dst_masked(struct match *match, const struct eth_addr dl_dst,
                        const struct eth_addr mask)
{
    set_masked(match, &match->flow.dl_dst, &dl_dst, &mask, ETH_ADDR_LEN);
}

void
match_set_dl_tci(struct match *match, ovs_be16 tci)
{
    match_set_dl_tci_masked(match, tci, OVS_BE16_MAX);
}

void
match_set_dl_tci_masked(struct match *match, ovs_be16 tci, ovs_be16 mask)
{
    SET_MASKED(match, vlan_tci, tci, mask);
}

/* Removes 'bits' from the VLAN TCI match.  Once neither the VID nor the
 * PCP is matched any longer, the CFI ("tag present") bit goes too: it only
 * came along with them. */
static void
forget_tci_bits(struct match *match, uint16_t bits, uint16_t other)
{
    ovs_be16 *mask = &match->wc.masks.vlan_tci;

    if (!(*mask & htons(other))) {
        *mask = 0;
    } else {
        *mask &= ~htons(bits);
    }
    match->flow.vlan_tci &= *mask;
}

/* Stops matching on the VLAN id (keeps the priority match, if any). */
void
match_set_any_vid(struct match *match)
{
    forget_tci_bits(match, VLAN_VID_MASK, VLAN_PCP_MASK);
}

/* Matches OpenFlow 1.0 "dl_vlan": a VID, or OFP10_VLAN_NONE (0xffff) for
 * "no tag". */
void
match_set_dl_vlan(struct match *match, ovs_be16 dl_vlan)
{
    if (dl_vlan == htons(0xffff)) {
        match_set_dl_tci(match, 0);
    } else {
        ovs_be16 mask = htons(VLAN_VID_MASK | VLAN_CFI);
        ovs_be16 keep = match->wc.masks.vlan_tci & htons(VLAN_PCP_MASK);

        match->flow.vlan_tci &= keep;
        match->flow.vlan_tci |= (dl_vlan & htons(VLAN_VID_MASK))
                                | htons(VLAN_CFI);
        match->wc.masks.vlan_tci = keep | mask;
    }
}

/* Matches OXM "vlan_vid": 'vid' with the OFPVID_PRESENT bit (0x1000). */
void
match_set_vlan_vid(struct match *match, ovs_be16 vid)
{
    match_set_vlan_vid_masked(match, vid, htons(VLAN_VID_MASK | VLAN_CFI));
}

void
match_set_vlan_vid_masked(struct match *match, ovs_be16 vid, ovs_be16 mask)
{
    ovs_be16 bits = htons(VLAN_VID_MASK | VLAN_CFI);
    ovs_be16 keep = match->wc.masks.vlan_tci & ~bits;

    mask &= bits;
    if (mask & htons(VLAN_CFI) && !(vid & htons(VLAN_CFI))) {
        match_set_dl_tci(match, 0);     /* "No tag". */
        return;
    }
    match->flow.vlan_tci = (match->flow.vlan_tci & keep) | (vid & mask);
    match->wc.masks.vlan_tci = keep | mask;
}

void
match_set_any_pcp(struct match *match)
{
    forget_tci_bits(match, VLAN_PCP_MASK, VLAN_VID_MASK);
}

/* Matches a VLAN priority; implies that a tag is present. */
void
match_set_dl_vlan_pcp(struct match *match, uint8_t pcp)
{
    ovs_be16 pcp_bits = htons((pcp << VLAN_PCP_SHIFT) & VLAN_PCP_MASK);

    match->flow.vlan_tci &= ~htons(VLAN_PCP_MASK);
    match->flow.vlan_tci |= pcp_bits | htons(VLAN_CFI);
    match->wc.masks.vlan_tci |= htons(VLAN_PCP_MASK | VLAN_CFI);
}

void
match_set_nw_src(struct match *match, ovs_be32 nw_src)
{
    match_set_nw_src_masked(match, nw_src, OVS_BE32_MAX);
}

void
match_set_nw_src_masked(struct match *match, ovs_be32 ip, ovs_be32 mask)
{
    SET_MASKED(match, nw_src, ip, mask);
}

void
match_set_nw_dst(struct match *match, ovs_be32 nw_dst)
{
    match_set_nw_dst_masked(match, nw_dst, OVS_BE32_MAX);
}

void
match_set_nw_dst_masked(struct match *match, ovs_be32 ip, ovs_be32 mask)
{
    SET_MASKED(match, nw_dst, ip, mask);
}

/* Matches the DSCP bits (the upper six) of 'nw_tos'. */
void
match_set_nw_dscp(struct match *match, uint8_t nw_tos)
{
    match->flow.nw_tos &= ~IP_DSCP_MASK;
    match->flow.nw_tos |= nw_tos & IP_DSCP_MASK;
    match->wc.masks.nw_tos |= IP_DSCP_MASK;
}

void
match_set_nw_ecn(struct match *match, uint8_t nw_ecn)
{
    match->flow.nw_tos &= ~IP_ECN_MASK;
    match->flow.nw_tos |= nw_ecn & IP_ECN_MASK;
    match->wc.masks.nw_tos |= IP_ECN_MASK;
}

void
match_set_nw_ttl(struct match *match, uint8_t nw_ttl)
{
    SET_MASKED(match, nw_ttl, nw_ttl, UINT8_MAX);
}

void
match_set_nw_proto(struct match *match, uint8_t nw_proto)
{
    SET_MASKED(match, nw_proto, nw_proto, UINT8_MAX);
}

void
match_set_nw_frag(struct match *match, uint8_t nw_frag)
{
    match_set_nw_frag_masked(match, nw_frag, FLOW_NW_FRAG_MASK);
}

void
match_set_nw_frag_masked(struct match *match, uint8_t nw_frag, uint8_t mask)
{
    SET_MASKED(match, nw_frag, nw_frag, mask & FLOW_NW_FRAG_MASK);
}

void
match_set_ipv6_src(struct match *match, const struct in6_addr *src)
{
    match_set_ipv6_src_masked(match, src, &in6addr_exact);
}

void
match_set_ipv6_src_masked(struct match *match, const struct in6_addr *src,
                          const struct in6_addr *mask)
{
    set_masked(match, &match->flow.ipv6_src, src, mask, sizeof *src);
}

void
match_set_ipv6_dst(struct match *match, const struct in6_addr *dst)
{
    match_set_ipv6_dst_masked(match, dst, &in6addr_exact);
}

void
match_set_ipv6_dst_masked(struct match *match, const struct in6_addr *dst,
                          const struct in6_addr *mask)
{
    set_masked(match, &match->flow.ipv6_dst, dst, mask, sizeof *dst);
}

void
match_set_ipv6_label(struct match *match, ovs_be32 label)
{
    match_set_ipv6_label_masked(match, label, OVS_BE32_MAX);
}

void
match_set_ipv6_label_masked(struct match *match, ovs_be32 label,
                            ovs_be32 mask)
{
    SET_MASKED(match, ipv6_label, label, mask & htonl(IPV6_LABEL_MASK));
}

void
match_set_nd_target(struct match *match, const struct in6_addr *target)
{
    match_set_nd_target_masked(match, target, &in6addr_exact);
}

void
match_set_nd_target_masked(struct match *match,
                           const struct in6_addr *target,
                           const struct in6_addr *mask)
{
    set_masked(match, &match->flow.nd_target, target, mask, sizeof *target);
}

void
match_set_arp_opcode_masked(struct match *match, uint8_t opcode,
                            uint8_t mask)
{
    SET_MASKED(match, nw_proto, opcode, mask);
}

void
match_set_arp_sha(struct match *match, const struct eth_addr sha)
{
    match_set_arp_sha_masked(match, sha, eth_addr_exact);
}

void
match_set_arp_sha_masked(struct match *match, const struct eth_addr sha,
                         const struct eth_addr mask)
{
    set_masked(match, &match->flow.arp_sha, &sha, &mask, ETH_ADDR_LEN);
}

void
match_set_arp_tha(struct match *match, const struct eth_addr tha)
{
    match_set_arp_tha_masked(match, tha, eth_addr_exact);
}

void
match_set_arp_tha_masked(struct match *match, const struct eth_addr tha,
                         const struct eth_addr mask)
{
    set_masked(match, &match->flow.arp_tha, &tha, &mask, ETH_ADDR_LEN);
}

void
match_set_tp_src(struct match *match, ovs_be16 tp_src)
{
    match_set_tp_src_masked(match, tp_src, OVS_BE16_MAX);
}

void
match_set_tp_src_masked(struct match *match, ovs_be16 port, ovs_be16 mask)
{
    SET_MASKED(match, tp_src, port, mask);
}

void
match_set_tp_dst(struct match *match, ovs_be16 tp_dst)
{
    match_set_tp_dst_masked(match, tp_dst, OVS_BE16_MAX);
}

void
match_set_tp_dst_masked(struct match *match, ovs_be16 port, ovs_be16 mask)
{
    SET_MASKED(match, tp_dst, port, mask);
}

void
match_set_tcp_flags(struct match *match, ovs_be16 flags)
{
    match_set_tcp_flags_masked(match, flags, OVS_BE16_MAX);
}

void
match_set_tcp_flags_masked(struct match *match, ovs_be16 flags,
                           ovs_be16 mask)
{
    SET_MASKED(match, tcp_flags, flags, mask & htons(0x0fff));
}

void
match_set_icmp_type(struct match *match, uint8_t icmp_type)
{
    match_set_tp_src(match, htons(icmp_type));
}

void
match_set_icmp_code(struct match *match, uint8_t icmp_code)
{
    match_set_tp_dst(match, htons(icmp_code));
}

/* ----- Printing ------------------------------------------------------ */

/* Appends "NAME=VALUE," for an integer field, in hex with "/MASK" unless
 * the mask is all-ones ('max').  Nothing if the mask is zero. */
static void
format_hex_masked(struct ds *s, const char *name, uint64_t value,
                  uint64_t mask, uint64_t max)
{
    if (mask) {
        ds_put_format(s, "%s=%#"PRIx64, name, value);
        if (mask != max) {
            ds_put_format(s, "/%#"PRIx64, mask);
        }
        ds_put_char(s, ',');
    }
}

/* Appends a 128-bit value in hex without leading zeros. */
static void
format_u128_hex(struct ds *s, ovs_u128 v)
{
    if (v.u64.hi) {
        ds_put_format(s, "%#"PRIx64"%016"PRIx64, v.u64.hi, v.u64.lo);
    } else {
        ds_put_format(s, "%#"PRIx64, v.u64.lo);
    }
}

static void
format_ct_label(struct ds *s, ovs_u128 value, ovs_u128 mask)
{
    if (!ovs_u128_is_zero(mask)) {
        ds_put_cstr(s, "ct_label=");
        format_u128_hex(s, value);
        if (!ovs_u128_is_ones(mask)) {
            ds_put_char(s, '/');
            format_u128_hex(s, mask);
        }
        ds_put_char(s, ',');
    }
}

static void
format_eth_masked(struct ds *s, const char *name, struct eth_addr value,
                  struct eth_addr mask)
{
    if (!eth_addr_is_zero(mask)) {
        ds_put_format(s, "%s=", name);
        eth_format_masked(value, &mask, s);
        ds_put_char(s, ',');
    }
}

static void
format_ip_masked(struct ds *s, const char *name, ovs_be32 value,
                 ovs_be32 mask)
{
    if (mask) {
        ds_put_format(s, "%s=", name);
        ip_format_masked(value, mask, s);
        ds_put_char(s, ',');
    }
}

static void
format_ipv6_masked(struct ds *s, const char *name,
                   const struct in6_addr *value, const struct in6_addr *mask)
{
    if (!ipv6_mask_is_any(mask)) {
        ds_put_format(s, "%s=", name);
        ipv6_format_masked(value, mask, s);
        ds_put_char(s, ',');
    }
}

/* Port-style fields: decimal when exact, hex "V/M" otherwise. */
static void
format_be16_masked(struct ds *s, const char *name, ovs_be16 value,
                   ovs_be16 mask)
{
    if (mask == OVS_BE16_MAX) {
        ds_put_format(s, "%s=%"PRIu16",", name, ntohs(value));
    } else if (mask) {
        /* Not "%#x": that would print a zero value as "0", not "0x0". */
        ds_put_format(s, "%s=0x%"PRIx16"/0x%"PRIx16",", name, ntohs(value),
                      ntohs(mask));
    }
}

/* Appends "NAME=" and flags in the style of ovs-ofctl: "a|b" when the
 * mask covers every supported flag, "+a-b" otherwise. */
static void
format_flags_field(struct ds *s, const char *name, uint32_t value,
                   uint32_t mask, const char *(*bit_to_string)(uint32_t),
                   uint32_t supported)
{
    if (mask) {
        ds_put_format(s, "%s=", name);
        mf_format_flags(value, mask, bit_to_string, supported, s);
        ds_put_char(s, ',');
    }
}

/* Appends the VLAN part of the match: "dl_vlan=N,dl_vlan_pcp=N" when the
 * match says "tagged, with this whole VID and/or whole PCP", otherwise
 * "vlan_tci=V[/M]". */
static void
format_vlan(struct ds *s, const struct flow *f, const struct flow *m)
{
    uint16_t tci = ntohs(f->vlan_tci);
    uint16_t mask = ntohs(m->vlan_tci);
    uint16_t vid_bits = mask & VLAN_VID_MASK;
    uint16_t pcp_bits = mask & VLAN_PCP_MASK;
    bool whole_vid = vid_bits == VLAN_VID_MASK;
    bool whole_pcp = pcp_bits == VLAN_PCP_MASK;
    bool short_form = ((mask & tci & VLAN_CFI)
                       && (whole_vid || !vid_bits)
                       && (whole_pcp || !pcp_bits)
                       && (whole_vid || whole_pcp));

    if (!mask) {
        return;
    } else if (short_form) {
        if (whole_vid) {
            ds_put_format(s, "dl_vlan=%d,", tci & VLAN_VID_MASK);
        }
        if (whole_pcp) {
            ds_put_format(s, "dl_vlan_pcp=%d,", tci >> VLAN_PCP_SHIFT);
        }
    } else {
        ds_put_format(s, "vlan_tci=0x%04"PRIx16, tci);
        if (mask != UINT16_MAX) {
            ds_put_format(s, "/0x%04"PRIx16, mask);
        }
        ds_put_char(s, ',');
    }
}

static void
format_frag(struct ds *s, uint8_t value, uint8_t mask)
{
    const char *name = NULL;

    mask &= FLOW_NW_FRAG_MASK;
    if (mask == FLOW_NW_FRAG_ANY) {
        name = value & FLOW_NW_FRAG_ANY ? "yes" : "no";
    } else if (mask == FLOW_NW_FRAG_MASK) {
        name = (!(value & FLOW_NW_FRAG_ANY) ? "no"
                : value & FLOW_NW_FRAG_LATER ? "later" : "first");
    } else if (mask == FLOW_NW_FRAG_LATER) {
        name = value & FLOW_NW_FRAG_LATER ? "later" : "not_later";
    }
    if (name) {
        ds_put_format(s, "nw_frag=%s,", name);
    }
}

/* The shorthand for the protocol that 'f' and 'm' pin down, or NULL.
 * '*covers_proto' says whether it also stands for the nw_proto match. */
static const char *
protocol_shorthand(const struct flow *f, const struct flow *m,
                   bool *covers_proto)
{
    *covers_proto = false;
    if (m->dl_type != OVS_BE16_MAX) {
        return NULL;
    }
    if (f->dl_type == htons(ETH_TYPE_IP)
        || f->dl_type == htons(ETH_TYPE_IPV6)) {
        bool v6 = f->dl_type == htons(ETH_TYPE_IPV6);

        if (m->nw_proto == UINT8_MAX) {
            *covers_proto = true;
            switch (f->nw_proto) {
            case IPPROTO_TCP: return v6 ? "tcp6" : "tcp";
            case IPPROTO_UDP: return v6 ? "udp6" : "udp";
            case IPPROTO_SCTP: return v6 ? "sctp6" : "sctp";
            case IPPROTO_ICMP:
                if (!v6) {
                    return "icmp";
                }
                break;
            case IPPROTO_ICMPV6:
                if (v6) {
                    return "icmp6";
                }
                break;
            default:
                break;
            }
            *covers_proto = false;
        }
        return v6 ? "ipv6" : "ip";
    } else if (f->dl_type == htons(ETH_TYPE_ARP)) {
        return "arp";
    } else if (f->dl_type == htons(ETH_TYPE_RARP)) {
        return "rarp";
    } else if (f->dl_type == htons(ETH_TYPE_MPLS)) {
        return "mpls";
    } else if (f->dl_type == htons(ETH_TYPE_MPLS_MCAST)) {
        return "mplsm";
    }
    return NULL;
}

/* Appends 'match' to 's' in ovs-ofctl syntax, preceded by
 * "priority=N," if 'priority' is not the default.  'port_map' (may be
 * NULL) names ports.  An empty match appends nothing but the priority. */
void
match_format(const struct match *match,
             const struct ofputil_port_map *port_map, struct ds *s,
             int priority)
{
    const struct flow *f = &match->flow;
    const struct flow *m = &match->wc.masks;
    size_t start = s->length;
    const char *proto;
    bool covers_proto;
    bool is_arp, is_icmp;
    int i;

    if (priority != MATCH_DEFAULT_PRIORITY) {
        ds_put_format(s, "priority=%d,", priority);
    }

    format_hex_masked(s, "pkt_mark", f->pkt_mark, m->pkt_mark, UINT32_MAX);
    if (m->recirc_id) {
        ds_put_format(s, "recirc_id=%#"PRIx32",", f->recirc_id);
    }
    if (m->dp_hash) {
        format_hex_masked(s, "dp_hash", f->dp_hash, m->dp_hash, UINT32_MAX);
    }
    format_flags_field(s, "ct_state", f->ct_state, m->ct_state,
                       ct_state_to_string, CS_SUPPORTED_MASK);
    if (m->ct_zone) {
        ds_put_format(s, "ct_zone=%"PRIu16",", f->ct_zone);
    }
    format_hex_masked(s, "ct_mark", f->ct_mark, m->ct_mark, UINT32_MAX);
    format_ct_label(s, f->ct_label, m->ct_label);

    proto = protocol_shorthand(f, m, &covers_proto);
    if (proto) {
        ds_put_format(s, "%s,", proto);
    }

    for (i = 0; i < FLOW_N_REGS; i++) {
        char name[16];

        snprintf(name, sizeof name, "reg%d", i);
        format_hex_masked(s, name, f->regs[i], m->regs[i], UINT32_MAX);
    }
    format_hex_masked(s, "tun_id", ntohll(f->tun_id), ntohll(m->tun_id),
                      UINT64_MAX);
    format_hex_masked(s, "metadata", ntohll(f->metadata),
                      ntohll(m->metadata), UINT64_MAX);

    if (m->in_port.ofp_port) {
        ds_put_cstr(s, "in_port=");
        mf_format_ofp_port(f->in_port.ofp_port, port_map, s);
        ds_put_char(s, ',');
    }

    format_vlan(s, f, m);
    format_eth_masked(s, "dl_src", f->dl_src, m->dl_src);
    format_eth_masked(s, "dl_dst", f->dl_dst, m->dl_dst);
    if (!proto && m->dl_type) {
        ds_put_format(s, "dl_type=0x%04"PRIx16",", ntohs(f->dl_type));
    }

    format_ipv6_masked(s, "ipv6_src", &f->ipv6_src, &m->ipv6_src);
    format_ipv6_masked(s, "ipv6_dst", &f->ipv6_dst, &m->ipv6_dst);
    if (m->ipv6_label) {
        if (m->ipv6_label == htonl(IPV6_LABEL_MASK)) {
            ds_put_format(s, "ipv6_label=0x%05"PRIx32",",
                          ntohl(f->ipv6_label));
        } else {
            ds_put_format(s, "ipv6_label=0x%05"PRIx32"/0x%05"PRIx32",",
                          ntohl(f->ipv6_label), ntohl(m->ipv6_label));
        }
    }

    is_arp = (m->dl_type == OVS_BE16_MAX
              && (f->dl_type == htons(ETH_TYPE_ARP)
                  || f->dl_type == htons(ETH_TYPE_RARP)));
    format_ip_masked(s, is_arp ? "arp_spa" : "nw_src", f->nw_src, m->nw_src);
    format_ip_masked(s, is_arp ? "arp_tpa" : "nw_dst", f->nw_dst, m->nw_dst);
    if (m->nw_proto && !covers_proto) {
        ds_put_format(s, "%s=%"PRIu8",", is_arp ? "arp_op" : "nw_proto",
                      f->nw_proto);
    }
    if (is_arp) {
        format_eth_masked(s, "arp_sha", f->arp_sha, m->arp_sha);
        format_eth_masked(s, "arp_tha", f->arp_tha, m->arp_tha);
    }
    if (m->nw_tos & IP_DSCP_MASK) {
        ds_put_format(s, "nw_tos=%d,", f->nw_tos & IP_DSCP_MASK);
    }
    if (m->nw_tos & IP_ECN_MASK) {
        ds_put_format(s, "nw_ecn=%d,", f->nw_tos & IP_ECN_MASK);
    }
    if (m->nw_ttl) {
        ds_put_format(s, "nw_ttl=%d,", f->nw_ttl);
    }
    format_frag(s, f->nw_frag, m->nw_frag);

    is_icmp = (m->dl_type == OVS_BE16_MAX && m->nw_proto == UINT8_MAX
               && ((f->dl_type == htons(ETH_TYPE_IP)
                    && f->nw_proto == IPPROTO_ICMP)
                   || (f->dl_type == htons(ETH_TYPE_IPV6)
                       && f->nw_proto == IPPROTO_ICMPV6)));
    if (is_icmp) {
        if (m->tp_src) {
            ds_put_format(s, "icmp_type=%"PRIu16",", ntohs(f->tp_src));
        }
        if (m->tp_dst) {
            ds_put_format(s, "icmp_code=%"PRIu16",", ntohs(f->tp_dst));
        }
    } else {
        format_be16_masked(s, "tp_src", f->tp_src, m->tp_src);
        format_be16_masked(s, "tp_dst", f->tp_dst, m->tp_dst);
    }
    format_ipv6_masked(s, "nd_target", &f->nd_target, &m->nd_target);
    if (!is_arp) {
        format_eth_masked(s, "nd_sll", f->arp_sha, m->arp_sha);
        format_eth_masked(s, "nd_tll", f->arp_tha, m->arp_tha);
    }
    format_flags_field(s, "tcp_flags", ntohs(f->tcp_flags),
                       ntohs(m->tcp_flags), packet_tcp_flag_to_string,
                       0x0fff);

    if (s->length > start) {
        ds_chomp(s, ',');
    }
}

/* Returns 'match' in text, as match_format() writes it, in a malloc()'d
 * string that the caller must free. */
char *
match_to_string(const struct match *match,
                const struct ofputil_port_map *port_map, int priority)
{
    struct ds text;

    ds_init(&text);
    match_format(match, port_map, &text, priority);
    return ds_steal_cstr(&text);
}

/* Prints 'match' on stdout, for debugging. */
void
match_print(const struct match *match,
            const struct ofputil_port_map *port_map)
{
    struct ds text = DS_EMPTY_INITIALIZER;

    match_format(match, port_map, &text, MATCH_DEFAULT_PRIORITY);
    printf("%s\n", ds_cstr(&text));
    ds_destroy(&text);
}
