/* OpenFlow 1.0 and 1.1 fixed matches, normalization, usable protocols.
 *
 * The fixed matches of OpenFlow 1.0 and 1.1 say "this field is ignored"
 * with wildcard bits, and mask IPv4 addresses with a prefix length (1.0)
 * or an inverted mask (1.1: a 1-bit means "ignore").  Converting from them
 * builds a "struct match"; converting to them drops what they cannot say,
 * which is why ofputil_usable_protocols() decides by trying: a match is
 * expressible in a fixed format exactly when the round trip through it
 * gives the match back. */

#include <config.h>
#include "ofp-match.h"
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "match.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_match);

/* OpenFlow 1.0 spells "no EtherType" (802.2 without SNAP) 0x05ff, as the
 * flow does. */
#define OFP_DL_TYPE_NOT_ETH_TYPE 0x05ff

/* OpenFlow 1.1+ reserved ports are OpenFlow 1.0's plus this offset. */
#define OFP11_RESERVED_OFFSET 0xffff0000

/* The IPv4 mask for an OpenFlow 1.0 wildcard count: 'n' low bits
 * ignored. */
static ovs_be32
ofp10_ip_mask(uint32_t n)
{
    return n >= 32 ? 0 : htonl(UINT32_MAX << n);
}

void
ofputil_wildcard_from_ofpfw10(uint32_t ofpfw, struct flow_wildcards *wc)
{
    struct flow *m = &wc->masks;

    flow_wildcards_init_catchall(wc);
    if (!(ofpfw & OFPFW10_IN_PORT)) {
        m->in_port.ofp_port = u16_to_ofp(UINT16_MAX);
    }
    if (!(ofpfw & OFPFW10_DL_SRC)) {
        m->dl_src = eth_addr_exact;
    }
    if (!(ofpfw & OFPFW10_DL_DST)) {
        m->dl_dst = eth_addr_exact;
    }
    if (!(ofpfw & OFPFW10_DL_TYPE)) {
        m->dl_type = OVS_BE16_MAX;
    }
    if (!(ofpfw & OFPFW10_NW_PROTO)) {
        m->nw_proto = UINT8_MAX;
    }
    if (!(ofpfw & OFPFW10_NW_TOS)) {
        m->nw_tos |= IP_DSCP_MASK;
    }
    m->nw_src = ofp10_ip_mask((ofpfw & OFPFW10_NW_SRC_MASK)
                              >> OFPFW10_NW_SRC_SHIFT);
    m->nw_dst = ofp10_ip_mask((ofpfw & OFPFW10_NW_DST_MASK)
                              >> OFPFW10_NW_DST_SHIFT);
    if (!(ofpfw & OFPFW10_TP_SRC)) {
        m->tp_src = OVS_BE16_MAX;
    }
    if (!(ofpfw & OFPFW10_TP_DST)) {
        m->tp_dst = OVS_BE16_MAX;
    }
    /* VLAN bits depend on the values too; see below. */
}

/* Sets the VLAN part of 'match' from OpenFlow 1.0/1.1 style fields. */
static void
set_vlan_from_fixed(struct match *match, bool vid_wild, uint16_t vid,
                    bool pcp_wild, uint8_t pcp, uint16_t none_value)
{
    ovs_be16 tci = 0, mask = 0;

    if (!vid_wild && vid == none_value) {
        match_set_dl_tci(match, 0);     /* Packets without a tag. */
        return;
    }
    if (!vid_wild) {
        tci |= htons((vid & VLAN_VID_MASK) | VLAN_CFI);
        mask |= htons(VLAN_VID_MASK | VLAN_CFI);
    }
    if (!pcp_wild) {
        tci |= htons(((pcp << VLAN_PCP_SHIFT) & VLAN_PCP_MASK) | VLAN_CFI);
        mask |= htons(VLAN_PCP_MASK | VLAN_CFI);
    }
    match_set_dl_tci_masked(match, tci, mask);
}

void
ofputil_match_from_ofp10_match(const struct ofp10_match *om,
                               struct match *match)
{
    uint32_t ofpfw = ntohl(om->wildcards) & OFPFW10_ALL;
    struct flow *f = &match->flow;

    memset(f, 0, sizeof *f);
    ofputil_wildcard_from_ofpfw10(ofpfw, &match->wc);
    f->in_port.ofp_port = u16_to_ofp(ntohs(om->in_port));
    memcpy(f->dl_src.ea, om->dl_src, ETH_ADDR_LEN);
    memcpy(f->dl_dst.ea, om->dl_dst, ETH_ADDR_LEN);
    f->dl_type = om->dl_type;
    f->nw_src = om->nw_src;
    f->nw_dst = om->nw_dst;
    f->nw_tos = om->nw_tos & IP_DSCP_MASK;
    f->nw_proto = om->nw_proto;
    f->tp_src = om->tp_src;
    f->tp_dst = om->tp_dst;
    set_vlan_from_fixed(match, ofpfw & OFPFW10_DL_VLAN, ntohs(om->dl_vlan),
                        ofpfw & OFPFW10_DL_VLAN_PCP, om->dl_vlan_pcp,
                        OFP10_VLAN_NONE);
    match_zero_wildcarded_fields(match);
}

/* The OpenFlow 1.0 wildcard count for IPv4 mask 'mask' (which the caller
 * has made CIDR). */
static uint32_t
ofp10_ip_wild_bits(ovs_be32 mask)
{
    return mask ? 32 - ip_count_cidr_bits(mask) : 32;
}

/* Converts 'match' to OpenFlow 1.0, losing what 1.0 cannot say (partial
 * masks become exact or wildcarded, non-CIDR IP masks are widened). */
void
ofputil_match_to_ofp10_match(const struct match *match,
                             struct ofp10_match *om)
{
    const struct flow_wildcards *wc = &match->wc;
    const struct flow *f = &match->flow;
    uint32_t ofpfw = 0;
    ovs_be32 src_mask = wc->masks.nw_src, dst_mask = wc->masks.nw_dst;

    memset(om, 0, sizeof *om);

    /* Each of these is either fully matched or ignored in OpenFlow 1.0. */
    const struct {
        const void *mask;
        size_t size;
        uint32_t wildcard;
    } simple[] = {
        { &wc->masks.in_port.ofp_port, sizeof(ofp_port_t), OFPFW10_IN_PORT },
        { &wc->masks.dl_src, ETH_ADDR_LEN, OFPFW10_DL_SRC },
        { &wc->masks.dl_dst, ETH_ADDR_LEN, OFPFW10_DL_DST },
        { &wc->masks.dl_type, 2, OFPFW10_DL_TYPE },
        { &wc->masks.nw_proto, 1, OFPFW10_NW_PROTO },
        { &wc->masks.tp_src, 2, OFPFW10_TP_SRC },
        { &wc->masks.tp_dst, 2, OFPFW10_TP_DST },
    };
    for (size_t i = 0; i < ARRAY_SIZE(simple); i++) {
        if (is_all_zeros(simple[i].mask, simple[i].size)) {
            ofpfw |= simple[i].wildcard;
        }
    }
    ofpfw |= wc->masks.nw_tos & IP_DSCP_MASK ? 0 : OFPFW10_NW_TOS;

    if (!ip_is_cidr(src_mask)) {
        src_mask = 0;
    }
    if (!ip_is_cidr(dst_mask)) {
        dst_mask = 0;
    }
    ofpfw |= ofp10_ip_wild_bits(src_mask) << OFPFW10_NW_SRC_SHIFT;
    ofpfw |= ofp10_ip_wild_bits(dst_mask) << OFPFW10_NW_DST_SHIFT;

    /* VLAN. */
    if (!wc->masks.vlan_tci) {
        ofpfw |= OFPFW10_DL_VLAN | OFPFW10_DL_VLAN_PCP;
    } else if (wc->masks.vlan_tci & htons(VLAN_CFI)
               && !(f->vlan_tci & htons(VLAN_CFI))) {
        om->dl_vlan = htons(OFP10_VLAN_NONE);
        ofpfw |= OFPFW10_DL_VLAN_PCP;
    } else {
        if (!(wc->masks.vlan_tci & htons(VLAN_VID_MASK))) {
            ofpfw |= OFPFW10_DL_VLAN;
        } else {
            om->dl_vlan = htons(vlan_tci_to_vid(f->vlan_tci));
        }
        if (!(wc->masks.vlan_tci & htons(VLAN_PCP_MASK))) {
            ofpfw |= OFPFW10_DL_VLAN_PCP;
        } else {
            om->dl_vlan_pcp = vlan_tci_to_pcp(f->vlan_tci);
        }
    }

    om->wildcards = htonl(ofpfw);
    om->in_port = htons(ofp_to_u16(f->in_port.ofp_port));
    memcpy(om->dl_src, f->dl_src.ea, ETH_ADDR_LEN);
    memcpy(om->dl_dst, f->dl_dst.ea, ETH_ADDR_LEN);
    om->dl_type = f->dl_type;
    om->nw_src = f->nw_src & src_mask;
    om->nw_dst = f->nw_dst & dst_mask;
    om->nw_tos = f->nw_tos & IP_DSCP_MASK;
    om->nw_proto = f->nw_proto;
    om->tp_src = f->tp_src;
    om->tp_dst = f->tp_dst;
}

/* ----- OpenFlow 1.1 ------------------------------------------------- */

static struct eth_addr
eth_from_bytes(const uint8_t b[ETH_ADDR_LEN])
{
    struct eth_addr ea;

    memcpy(ea.ea, b, ETH_ADDR_LEN);
    return ea;
}

/* Decodes an OpenFlow 1.1 standard match.  Fields that the match names
 * without their prerequisites are OFPBMC_BAD_FIELD, unsupported MPLS
 * matches too. */
enum ofperr
ofputil_match_from_ofp11_match(const struct ofp11_match *om,
                               struct match *match)
{
    uint32_t wc = ntohl(om->wildcards);
    ovs_be16 dl_type = om->dl_type;
    bool ipv4, arp;

    match_init_catchall(match);
    if (!(wc & OFPFMF11_IN_PORT)) {
        uint32_t port = ntohl(om->in_port);

        if (port >= 0xff00 && port < 0xffffff00) {
            return OFPERR_OFPBMC_BAD_VALUE;
        }
        match_set_in_port(match, u16_to_ofp(port >= 0xffffff00
                                            ? port - OFP11_RESERVED_OFFSET
                                            : port));
    }

    match_set_dl_src_masked(match, eth_from_bytes(om->dl_src),
                            eth_addr_invert(eth_from_bytes(om->dl_src_mask)));
    match_set_dl_dst_masked(match, eth_from_bytes(om->dl_dst),
                            eth_addr_invert(eth_from_bytes(om->dl_dst_mask)));

    if (!(wc & OFPFMF11_DL_VLAN)
        && om->dl_vlan == htons(OFPVID11_ANY)) {
        /* Any tagged packet, with the priority possibly matched. */
        ovs_be16 tci = htons(VLAN_CFI), mask = htons(VLAN_CFI);

        if (!(wc & OFPFMF11_DL_VLAN_PCP)) {
            tci |= htons((om->dl_vlan_pcp << VLAN_PCP_SHIFT)
                         & VLAN_PCP_MASK);
            mask |= htons(VLAN_PCP_MASK);
        }
        match_set_dl_tci_masked(match, tci, mask);
    } else {
        if (!(wc & OFPFMF11_DL_VLAN)
            && ntohs(om->dl_vlan) > VLAN_VID_MASK
            && om->dl_vlan != htons(OFPVID11_NONE)) {
            return OFPERR_OFPBMC_BAD_VALUE;
        }
        set_vlan_from_fixed(match, wc & OFPFMF11_DL_VLAN,
                            ntohs(om->dl_vlan), wc & OFPFMF11_DL_VLAN_PCP,
                            om->dl_vlan_pcp, OFPVID11_NONE);
    }

    if (!(wc & OFPFMF11_DL_TYPE)) {
        match_set_dl_type(match, dl_type);
    }
    ipv4 = !(wc & OFPFMF11_DL_TYPE) && dl_type == htons(ETH_TYPE_IP);
    arp = (!(wc & OFPFMF11_DL_TYPE)
           && (dl_type == htons(ETH_TYPE_ARP)
               || dl_type == htons(ETH_TYPE_RARP)));

    if (ipv4 || arp) {
        match_set_nw_src_masked(match, om->nw_src, ~om->nw_src_mask);
        match_set_nw_dst_masked(match, om->nw_dst, ~om->nw_dst_mask);
    } else if (om->nw_src_mask != OVS_BE32_MAX
               || om->nw_dst_mask != OVS_BE32_MAX) {
        return OFPERR_OFPBMC_BAD_FIELD;
    }

    if (!(wc & OFPFMF11_NW_TOS)) {
        if (!ipv4) {
            return OFPERR_OFPBMC_BAD_FIELD;
        }
        if (om->nw_tos & ~IP_DSCP_MASK) {
            return OFPERR_OFPBMC_BAD_VALUE;
        }
        match_set_nw_dscp(match, om->nw_tos);
    }
    if (!(wc & OFPFMF11_NW_PROTO)) {
        if (ipv4) {
            match_set_nw_proto(match, om->nw_proto);
        } else if (arp) {
            match_set_arp_opcode_masked(match, om->nw_proto, UINT8_MAX);
        } else {
            return OFPERR_OFPBMC_BAD_FIELD;
        }
    }

    if (!(wc & OFPFMF11_TP_SRC) || !(wc & OFPFMF11_TP_DST)) {
        uint8_t proto = om->nw_proto;

        if (!ipv4 || (wc & OFPFMF11_NW_PROTO)
            || (proto != IPPROTO_TCP && proto != IPPROTO_UDP
                && proto != IPPROTO_SCTP && proto != IPPROTO_ICMP)) {
            return OFPERR_OFPBMC_BAD_FIELD;
        }
        if (!(wc & OFPFMF11_TP_SRC)) {
            match_set_tp_src(match, om->tp_src);
        }
        if (!(wc & OFPFMF11_TP_DST)) {
            match_set_tp_dst(match, om->tp_dst);
        }
    }

    if (!(wc & OFPFMF11_MPLS_LABEL) || !(wc & OFPFMF11_MPLS_TC)) {
        return OFPERR_OFPBMC_BAD_FIELD;    /* No MPLS support. */
    }

    match_set_metadata_masked(match, om->metadata, ~om->metadata_mask);
    return 0;
}

/* Converts 'match' to OpenFlow 1.1, dropping what 1.1 cannot say and
 * fields whose prerequisites 'match' does not meet (which a 1.1 decoder
 * would refuse). */
void
ofputil_match_to_ofp11_match(const struct match *match_,
                             struct ofp11_match *om)
{
    struct match match = *match_;
    const struct flow_wildcards *wc = &match.wc;
    const struct flow *f = &match.flow;
    uint32_t wild = 0;
    struct eth_addr m;

    ofputil_normalize_match_quiet(&match);

    memset(om, 0, sizeof *om);
    om->omh.type = htons(OFPMT_STANDARD);
    om->omh.length = htons(OFPMT11_STANDARD_LENGTH);

    if (!wc->masks.in_port.ofp_port) {
        wild |= OFPFMF11_IN_PORT;
    } else {
        uint16_t p = ofp_to_u16(f->in_port.ofp_port);
        om->in_port = htonl(p >= 0xff00 ? p + OFP11_RESERVED_OFFSET : p);
    }

    memcpy(om->dl_src, f->dl_src.ea, ETH_ADDR_LEN);
    m = eth_addr_invert(wc->masks.dl_src);
    memcpy(om->dl_src_mask, m.ea, ETH_ADDR_LEN);
    memcpy(om->dl_dst, f->dl_dst.ea, ETH_ADDR_LEN);
    m = eth_addr_invert(wc->masks.dl_dst);
    memcpy(om->dl_dst_mask, m.ea, ETH_ADDR_LEN);

    if (!wc->masks.vlan_tci) {
        wild |= OFPFMF11_DL_VLAN | OFPFMF11_DL_VLAN_PCP;
    } else if (wc->masks.vlan_tci & htons(VLAN_CFI)
               && !(f->vlan_tci & htons(VLAN_CFI))) {
        om->dl_vlan = htons(OFPVID11_NONE);
        wild |= OFPFMF11_DL_VLAN_PCP;
    } else {
        if (!(wc->masks.vlan_tci & htons(VLAN_VID_MASK))) {
            om->dl_vlan = htons(OFPVID11_ANY);
        } else {
            om->dl_vlan = htons(vlan_tci_to_vid(f->vlan_tci));
        }
        if (!(wc->masks.vlan_tci & htons(VLAN_PCP_MASK))) {
            wild |= OFPFMF11_DL_VLAN_PCP;
        } else {
            om->dl_vlan_pcp = vlan_tci_to_pcp(f->vlan_tci);
        }
    }

    if (!wc->masks.dl_type) {
        wild |= OFPFMF11_DL_TYPE;
    } else {
        om->dl_type = f->dl_type;
    }
    if (!(wc->masks.nw_tos & IP_DSCP_MASK)) {
        wild |= OFPFMF11_NW_TOS;
    } else {
        om->nw_tos = f->nw_tos & IP_DSCP_MASK;
    }
    if (!wc->masks.nw_proto) {
        wild |= OFPFMF11_NW_PROTO;
    } else {
        om->nw_proto = f->nw_proto;
    }
    om->nw_src = f->nw_src;
    om->nw_src_mask = ~wc->masks.nw_src;
    om->nw_dst = f->nw_dst;
    om->nw_dst_mask = ~wc->masks.nw_dst;
    if (!wc->masks.tp_src) {
        wild |= OFPFMF11_TP_SRC;
    } else {
        om->tp_src = f->tp_src;
    }
    if (!wc->masks.tp_dst) {
        wild |= OFPFMF11_TP_DST;
    } else {
        om->tp_dst = f->tp_dst;
    }
    wild |= OFPFMF11_MPLS_LABEL | OFPFMF11_MPLS_TC;
    om->wildcards = htonl(wild);
    om->metadata = f->metadata;
    om->metadata_mask = ~wc->masks.metadata;
}

enum ofperr
ofputil_pull_ofp11_match(struct ofpbuf *b, struct match *match,
                         uint16_t *padded_match_len)
{
    const struct ofp11_match_header *omh = b->data;
    uint16_t match_len;

    if (b->size < sizeof *omh) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    match_len = ntohs(omh->length);

    if (omh->type == htons(OFPMT_OXM)) {
        if (padded_match_len) {
            *padded_match_len = ROUND_UP(match_len, 8);
        }
        return oxm_pull_match(b, match);
    } else if (omh->type != htons(OFPMT_STANDARD)) {
        return OFPERR_OFPBMC_BAD_TYPE;
    } else if (match_len != OFPMT11_STANDARD_LENGTH
               || b->size < OFPMT11_STANDARD_LENGTH) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    if (padded_match_len) {
        *padded_match_len = OFPMT11_STANDARD_LENGTH;
    }
    return ofputil_match_from_ofp11_match(
        ofpbuf_pull(b, OFPMT11_STANDARD_LENGTH), match);
}

/* Appends 'match' in the form 'protocol' uses for OpenFlow 1.1+ messages.
 * Returns the number of bytes appended, padding included. */
int
ofputil_put_ofp11_match(struct ofpbuf *b, const struct match *match,
                        enum ofputil_protocol protocol)
{
    size_t start = b->size;

    if (protocol == OFPUTIL_P_OF11_STD) {
        struct ofp11_match *om = ofpbuf_put_uninit(b, sizeof *om);
        ofputil_match_to_ofp11_match(match, om);
    } else {
        oxm_put_match(b, match, ofputil_protocol_to_ofp_version(protocol));
    }
    return b->size - start;
}

/* The size of a typical match in 'protocol', for sizing buffers. */
int
ofputil_match_typical_len(enum ofputil_protocol protocol)
{
    if (protocol & OFPUTIL_P_OF10_STD_ANY) {
        return 40;              /* sizeof(struct ofp10_match) */
    } else if (protocol == OFPUTIL_P_OF11_STD) {
        return OFPMT11_STANDARD_LENGTH;
    }
    return 64;                  /* A few NXM/OXM entries. */
}

/* ----- Normalization -------------------------------------------------- */

/* Wildcards the fields of 'match' that cannot matter given its EtherType
 * and IP protocol. */
static void
normalize(struct match *match)
{
    struct flow *f = &match->flow, *m = &match->wc.masks;
    bool type_exact = m->dl_type == OVS_BE16_MAX;
    bool ipv4 = type_exact && f->dl_type == htons(ETH_TYPE_IP);
    bool ipv6 = type_exact && f->dl_type == htons(ETH_TYPE_IPV6);
    bool arp = type_exact && (f->dl_type == htons(ETH_TYPE_ARP)
                              || f->dl_type == htons(ETH_TYPE_RARP));
    bool proto_exact = (ipv4 || ipv6) && m->nw_proto == UINT8_MAX;
    uint8_t proto = f->nw_proto;
    bool l4 = proto_exact && (proto == IPPROTO_TCP || proto == IPPROTO_UDP
                              || proto == IPPROTO_SCTP
                              || (ipv4 && proto == IPPROTO_ICMP)
                              || (ipv6 && proto == IPPROTO_ICMPV6));
    /* Neighbor discovery needs an exact ICMPv6 type; the code may be left
     * unmatched, since a wildcarded field reads as 0 here. */
    bool nd = (ipv6 && proto_exact && proto == IPPROTO_ICMPV6
               && (m->tp_src & htons(0xff)) == htons(0xff)
               && f->tp_dst == htons(0)
               && (f->tp_src == htons(ND_NEIGHBOR_SOLICIT)
                   || f->tp_src == htons(ND_NEIGHBOR_ADVERT)));

    if (!ipv4 && !arp) {
        m->nw_src = m->nw_dst = 0;
    }
    if (!ipv6) {
        memset(&m->ipv6_src, 0, sizeof m->ipv6_src);
        memset(&m->ipv6_dst, 0, sizeof m->ipv6_dst);
        m->ipv6_label = 0;
    }
    if (!ipv4 && !ipv6 && !arp) {
        m->nw_proto = 0;
    }
    if (!ipv4 && !ipv6) {
        m->nw_tos = m->nw_ttl = m->nw_frag = 0;
    }
    if (!l4) {
        m->tp_src = m->tp_dst = 0;
    }
    if (!(proto_exact && proto == IPPROTO_TCP)) {
        m->tcp_flags = 0;
    }
    if (!nd) {
        memset(&m->nd_target, 0, sizeof m->nd_target);
    }
    if (!arp && !(nd && f->tp_src == htons(ND_NEIGHBOR_SOLICIT))) {
        m->arp_sha = eth_addr_zero;
    }
    if (!arp && !(nd && f->tp_src == htons(ND_NEIGHBOR_ADVERT))) {
        m->arp_tha = eth_addr_zero;
    }
    match_zero_wildcarded_fields(match);
}

void
ofputil_normalize_match_quiet(struct match *match)
{
    normalize(match);
}

void
ofputil_normalize_match(struct match *match)
{
    struct match old = *match;

    normalize(match);
    if (!match_equal(&old, match) && VLOG_IS_INFO_ENABLED()) {
        char *pre = match_to_string(&old, NULL, 0x8000);
        char *post = match_to_string(match, NULL, 0x8000);

        VLOG_INFO("fields without their prerequisites dropped from match "
                  "\"%s\", leaving \"%s\"", pre, post);
        free(post);
        free(pre);
    }
}

/* ----- Usable protocols ---------------------------------------------- */

enum ofputil_protocol
ofputil_usable_protocols(const struct match *match_)
{
    enum ofputil_protocol usable = OFPUTIL_P_NXM_OXM_ANY;
    struct match match = *match_, back;
    struct ofp10_match om10;
    struct ofp11_match om11;

    ofputil_normalize_match_quiet(&match);

    /* The fixed matches have no IPv6 fields: beyond the EtherType, an IPv6
     * match needs NXM or OXM. */
    if (match.wc.masks.dl_type == OVS_BE16_MAX
        && match.flow.dl_type == htons(ETH_TYPE_IPV6)) {
        struct match l2 = match;

        l2.wc.masks.dl_type = 0;
        l2.wc.masks.in_port.ofp_port = 0;
        l2.wc.masks.vlan_tci = 0;
        l2.wc.masks.dl_src = l2.wc.masks.dl_dst = eth_addr_zero;
        l2.wc.masks.metadata = 0;
        if (!flow_wildcards_is_catchall(&l2.wc)) {
            return usable;
        }
    }

    ofputil_match_to_ofp10_match(&match, &om10);
    ofputil_match_from_ofp10_match(&om10, &back);
    if (match_equal(&match, &back)) {
        usable |= OFPUTIL_P_OF10_STD_ANY;
    }

    ofputil_match_to_ofp11_match(&match, &om11);
    if (!ofputil_match_from_ofp11_match(&om11, &back)
        && match_equal(&match, &back)) {
        usable |= OFPUTIL_P_OF11_STD;
    }
    return usable;
}

/* The protocols that can express field 'mf' with mask 'mask' (NULL for
 * an exact match), per the field table. */
enum ofputil_protocol
ofputil_field_usable_protocols(const struct mf_field *mf,
                               const union mf_value *mask)
{
    enum ofputil_protocol usable = OFPUTIL_P_NXM_OXM_ANY;
    enum mf_ofmatch need = MFO_EXACT;

    if (mask) {
        union mf_value exact;

        mf_get_exact_mask(mf, &exact);
        if (is_all_zeros(mask, mf->n_bytes)) {
            return OFPUTIL_P_ANY;
        } else if (is_all_ones(mask, mf->n_bytes)
                   || !memcmp(mask, &exact, mf->n_bytes)) {
            need = MFO_EXACT;
        } else if (mf->string == MFS_IPV4 && ip_is_cidr(mask->be32)) {
            need = MFO_CIDR;
        } else {
            need = MFO_BITWISE;
        }
    }
    if (mf->of10 != MFO_NONE && mf->of10 >= need) {
        usable |= OFPUTIL_P_OF10_STD_ANY;
    }
    if (mf->of11 != MFO_NONE && mf->of11 >= need) {
        usable |= OFPUTIL_P_OF11_STD;
    }
    return usable;
}

/* ----- Text ---------------------------------------------------------- */

/* Sets the EtherType (and IP protocol) that protocol name 'name' stands
 * for.  Returns false if 'name' is not a protocol name. */
bool
ofputil_match_set_protocol(struct match *match, const char *name)
{
    static const struct {
        const char *name;
        uint16_t dl_type;
        uint8_t nw_proto;       /* 0: none. */
    } protocols[] = {
        { "ip", ETH_TYPE_IP, 0 },
        { "ipv6", ETH_TYPE_IPV6, 0 },
        { "ip6", ETH_TYPE_IPV6, 0 },
        { "icmp", ETH_TYPE_IP, IPPROTO_ICMP },
        { "icmp6", ETH_TYPE_IPV6, IPPROTO_ICMPV6 },
        { "tcp", ETH_TYPE_IP, IPPROTO_TCP },
        { "tcp6", ETH_TYPE_IPV6, IPPROTO_TCP },
        { "udp", ETH_TYPE_IP, IPPROTO_UDP },
        { "udp6", ETH_TYPE_IPV6, IPPROTO_UDP },
        { "sctp", ETH_TYPE_IP, IPPROTO_SCTP },
        { "sctp6", ETH_TYPE_IPV6, IPPROTO_SCTP },
        { "arp", ETH_TYPE_ARP, 0 },
        { "rarp", ETH_TYPE_RARP, 0 },
        { "mpls", ETH_TYPE_MPLS, 0 },
        { "mplsm", ETH_TYPE_MPLS_MCAST, 0 },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(protocols); i++) {
        if (!strcmp(name, protocols[i].name)) {
            match_set_dl_type(match, htons(protocols[i].dl_type));
            if (protocols[i].nw_proto) {
                match_set_nw_proto(match, protocols[i].nw_proto);
            }
            return true;
        }
    }
    return false;
}

char *
ofputil_parse_match_item(struct match *match, const char *name,
                         const char *value,
                         const struct ofputil_port_map *port_map,
                         enum ofputil_protocol *usable)
{
    const struct mf_field *mf;
    union mf_value v, m;
    char *error;

    if (!value && ofputil_match_set_protocol(match, name)) {
        return NULL;
    }
    mf = mf_from_name(name);
    if (!mf) {
        return (value ? xasprintf("unknown keyword %s", name)
                : xasprintf("field %s missing value", name));
    }

    error = mf_parse(mf, value ? value : "0/0", port_map, &v, &m);
    if (error) {
        return error;
    }
    if (usable) {
        *usable &= ofputil_field_usable_protocols(mf, &m);
    }
    if (is_all_ones(&m, mf->n_bytes)) {
        mf_set_value(mf, &v, match);    /* Handles dl_vlan=0xffff. */
    } else {
        mf_set(mf, &v, &m, match);
    }
    return NULL;
}

/* Cuts the next item out of '*sp': items are separated by commas and white
 * space, except inside double quotes.  Returns NULL at the end. */
static char *
next_item(char **sp)
{
    char *p = *sp + strspn(*sp, ", \t\r\n");
    char *start = p;
    bool quoted = false;

    if (!*p) {
        return NULL;
    }
    for (; *p; p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted && strchr(", \t\r\n", *p)) {
            *p++ = '\0';
            break;
        }
    }
    *sp = p;
    return start;
}

char *
ofputil_match_from_string(const char *s_,
                          const struct ofputil_port_map *port_map,
                          struct match *match, int *priority,
                          enum ofputil_protocol *usable)
{
    char *s = xstrdup(s_);
    char *pos = s;
    char *error = NULL;
    char *item;

    match_init_catchall(match);
    if (usable) {
        *usable = OFPUTIL_P_ANY;
    }
    while (!error && (item = next_item(&pos)) != NULL) {
        char *value = strchr(item, '=');

        if (value) {
            *value++ = '\0';
        }
        if (value && !strcmp(item, "priority")) {
            unsigned int p;

            if (!str_to_uint(value, 10, &p) || p > UINT16_MAX) {
                error = xasprintf("invalid priority \"%s\"", value);
            } else if (priority) {
                *priority = p;
            }
        } else {
            error = ofputil_parse_match_item(match, item, value, port_map,
                                             usable);
        }
    }
    free(s);
    return error;
}
