/* Flows: extracting header fields from packets, and building packets back
 * from them.
 *
 * flow_extract() walks an Ethernet frame from the outside in: Ethernet
 * (with 802.2/SNAP), one 802.1Q tag, then IPv4, IPv6 (skipping extension
 * headers, noting fragments) or ARP, then TCP, UDP, SCTP, ICMP or ICMPv6
 * with neighbor discovery.  It stops quietly at the first header that is
 * truncated or malformed, leaving the fields it could not read zero, and
 * records where each layer starts in the packet so that later rewrites can
 * find them.  flow_compose() does the reverse: it synthesizes a minimal,
 * checksummed packet whose extraction yields the given flow. */

#include <config.h>
#include "flow.h"
#include <stdlib.h>
#include <string.h>
#include "csum.h"
#include "dp-packet.h"
#include "match.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/util.h"
#include "unaligned.h"

/* A cursor over the bytes of a packet that are still to be parsed. */
struct cursor {
    const uint8_t *data;
    size_t size;
};

/* Returns the next 'n' bytes and advances past them, or NULL if fewer
 * remain. */
static const void *
cursor_pull(struct cursor *c, size_t n)
{
    const void *p = c->data;

    if (c->size < n) {
        return NULL;
    }
    c->data += n;
    c->size -= n;
    return p;
}

static size_t
cursor_ofs(const struct cursor *c, const struct dp_packet *b)
{
    return c->data - (const uint8_t *) dp_packet_data(b);
}

/* Reads the EtherType that follows the addresses (and any VLAN tag already
 * pulled), decoding 802.2 LLC/SNAP.  Returns 0 if truncated. */
static ovs_be16
pull_eth_type(struct cursor *c)
{
    const ovs_be16 *type = cursor_pull(c, sizeof *type);
    const struct llc_snap_header *llc;

    if (!type) {
        return 0;
    }
    if (ntohs(*type) >= ETH_TYPE_MIN) {
        return *type;
    }
    llc = (const struct llc_snap_header *) c->data;
    if (c->size < sizeof *llc
        || llc->llc_dsap != LLC_DSAP_SNAP
        || llc->llc_ssap != LLC_SSAP_SNAP
        || llc->llc_cntl != LLC_CNTL_SNAP
        || llc->snap_org[0] || llc->snap_org[1] || llc->snap_org[2]) {
        return htons(FLOW_DL_TYPE_NONE);
    }
    cursor_pull(c, sizeof *llc);
    if (ntohs(llc->snap_type) >= ETH_TYPE_MIN) {
        return llc->snap_type;
    }
    return htons(FLOW_DL_TYPE_NONE);
}

/* Returns the EtherType of the Ethernet frame in 'data' (after one VLAN
 * tag), as flow_extract() would find it, in host byte order. */
uint16_t
parse_dl_type(const void *data, size_t size)
{
    struct cursor c = { data, size };
    ovs_be16 type;

    if (!cursor_pull(&c, 2 * ETH_ADDR_LEN)) {
        return 0;
    }
    type = pull_eth_type(&c);
    if (type == htons(ETH_TYPE_VLAN) && cursor_pull(&c, 2)) {
        type = pull_eth_type(&c);
    }
    return ntohs(type);
}

static void
extract_l4(struct dp_packet *b, struct cursor *c, struct flow *flow)
{
    dp_packet_set_l4(b, c->data);

    if (flow->nw_proto == IPPROTO_TCP) {
        const struct tcp_header *tcp = (const void *) c->data;
        if (c->size >= TCP_HEADER_LEN
            && TCP_OFFSET(tcp->tcp_ctl) >= 5
            && TCP_OFFSET(tcp->tcp_ctl) * 4 <= c->size) {
            flow->tp_src = tcp->tcp_src;
            flow->tp_dst = tcp->tcp_dst;
            flow->tcp_flags = TCP_FLAGS_BE16(tcp->tcp_ctl);
        }
    } else if (flow->nw_proto == IPPROTO_UDP) {
        const struct udp_header *udp = cursor_pull(c, UDP_HEADER_LEN);
        if (udp) {
            flow->tp_src = udp->udp_src;
            flow->tp_dst = udp->udp_dst;
        }
    } else if (flow->nw_proto == IPPROTO_SCTP) {
        const struct sctp_header *sctp = cursor_pull(c, SCTP_HEADER_LEN);
        if (sctp) {
            flow->tp_src = sctp->sctp_src;
            flow->tp_dst = sctp->sctp_dst;
        }
    } else if (flow->nw_proto == IPPROTO_ICMP
               && flow->dl_type == htons(ETH_TYPE_IP)) {
        const struct icmp_header *icmp = cursor_pull(c, ICMP_HEADER_LEN);
        if (icmp) {
            flow->tp_src = htons(icmp->icmp_type);
            flow->tp_dst = htons(icmp->icmp_code);
        }
    } else if (flow->nw_proto == IPPROTO_ICMPV6
               && flow->dl_type == htons(ETH_TYPE_IPV6)) {
        const struct icmp6_header *icmp6 = (const void *) c->data;
        if (c->size >= ICMP6_HEADER_LEN) {
            flow->tp_src = htons(icmp6->icmp6_type);
            flow->tp_dst = htons(icmp6->icmp6_code);
        }
    }
}

/* Parses the neighbor discovery body of the ICMPv6 message at 'c'.
 * Malformed options leave the link-layer address fields zero. */
static void
extract_nd(struct cursor *c, struct flow *flow)
{
    const struct ovs_nd_msg *nd = cursor_pull(c, ND_MSG_LEN);

    if (!nd) {
        return;
    }
    memcpy(&flow->nd_target, &nd->target, sizeof flow->nd_target);

    while (c->size >= ND_OPT_LEN) {
        const struct ovs_nd_opt *opt = (const void *) c->data;
        size_t opt_len = opt->nd_opt_len * ND_OPT_LEN;
        struct eth_addr *mac = NULL;

        if (!opt_len || opt_len > c->size) {
            goto invalid;
        }
        if (opt->nd_opt_type == ND_OPT_SOURCE_LINKADDR && opt_len == 8) {
            mac = &flow->arp_sha;
        } else if (opt->nd_opt_type == ND_OPT_TARGET_LINKADDR
                   && opt_len == 8) {
            mac = &flow->arp_tha;
        }
        if (mac) {
            if (!eth_addr_is_zero(*mac)) {
                goto invalid;   /* The same option twice. */
            }
            *mac = opt->nd_opt_mac;
        }
        cursor_pull(c, opt_len);
    }
    return;

invalid:
    flow->arp_sha = eth_addr_zero;
    flow->arp_tha = eth_addr_zero;
}

static void
extract_ipv4(struct dp_packet *b, struct cursor *c, struct flow *flow)
{
    const struct ip_header *ip = (const void *) c->data;
    size_t ihl, tot_len;

    if (c->size < IP_HEADER_LEN || IP_VER(ip->ip_ihl_ver) != 4) {
        return;
    }
    ihl = IP_IHL(ip->ip_ihl_ver) * 4;
    tot_len = ntohs(ip->ip_tot_len);
    if (ihl < IP_HEADER_LEN || ihl > tot_len || tot_len > c->size) {
        return;
    }
    b->l2_pad_size = c->size - tot_len;
    c->size = tot_len;

    flow->nw_src = get_16aligned_be32(&ip->ip_src);
    flow->nw_dst = get_16aligned_be32(&ip->ip_dst);
    flow->nw_tos = ip->ip_tos;
    flow->nw_ttl = ip->ip_ttl;
    flow->nw_proto = ip->ip_proto;
    if (IP_IS_FRAGMENT(ip->ip_frag_off)) {
        flow->nw_frag = FLOW_NW_FRAG_ANY;
        if (ip->ip_frag_off & htons(IP_FRAG_OFF_MASK)) {
            flow->nw_frag |= FLOW_NW_FRAG_LATER;
        }
    }
    cursor_pull(c, ihl);
    if (!(flow->nw_frag & FLOW_NW_FRAG_LATER)) {
        extract_l4(b, c, flow);
    }
}

/* Skips IPv6 extension headers, updating '*nxt'.  Returns false if the
 * packet is truncated or malformed. */
static bool
skip_ipv6_ext(struct cursor *c, uint8_t *nxt, struct flow *flow)
{
    for (;;) {
        if (*nxt == IPPROTO_HOPOPTS || *nxt == IPPROTO_ROUTING
            || *nxt == IPPROTO_DSTOPTS || *nxt == IPPROTO_AH) {
            const uint8_t *ext = c->data;
            size_t len;

            if (c->size < 8) {
                return false;
            }
            len = (*nxt == IPPROTO_AH ? (ext[1] + 2) * 4 : (ext[1] + 1) * 8);
            if (len > c->size) {
                return false;
            }
            *nxt = ext[0];
            cursor_pull(c, len);
        } else if (*nxt == IPPROTO_FRAGMENT) {
            const struct ovs_16aligned_ip6_frag *frag;

            frag = cursor_pull(c, sizeof *frag);
            if (!frag) {
                return false;
            }
            flow->nw_frag = FLOW_NW_FRAG_ANY;
            if (frag->ip6f_offlg & htons(IP6F_OFF_MASK)) {
                /* A later fragment has no upper-layer header to name. */
                flow->nw_frag |= FLOW_NW_FRAG_LATER;
                return true;
            }
            *nxt = frag->ip6f_nxt;
        } else {
            return true;
        }
    }
}

static void
extract_ipv6(struct dp_packet *b, struct cursor *c, struct flow *flow)
{
    const struct ovs_16aligned_ip6_hdr *ip6 = (const void *) c->data;
    size_t plen;
    uint32_t tc_flow;
    uint8_t nxt;

    if (c->size < IPV6_HEADER_LEN) {
        return;
    }
    plen = ntohs(ip6->ip6_plen);
    if (plen + IPV6_HEADER_LEN > c->size) {
        return;
    }
    b->l2_pad_size = c->size - IPV6_HEADER_LEN - plen;
    c->size = IPV6_HEADER_LEN + plen;
    cursor_pull(c, IPV6_HEADER_LEN);

    memcpy(&flow->ipv6_src, &ip6->ip6_src, sizeof flow->ipv6_src);
    memcpy(&flow->ipv6_dst, &ip6->ip6_dst, sizeof flow->ipv6_dst);
    tc_flow = ntohl(get_16aligned_be32(&ip6->ip6_flow));
    flow->nw_tos = tc_flow >> 20;
    flow->ipv6_label = htonl(tc_flow & IPV6_LABEL_MASK);
    flow->nw_ttl = ip6->ip6_hlim;

    nxt = ip6->ip6_nxt;
    if (!skip_ipv6_ext(c, &nxt, flow)) {
        return;
    }
    flow->nw_proto = nxt;
    if (flow->nw_frag & FLOW_NW_FRAG_LATER) {
        return;
    }
    extract_l4(b, c, flow);
    if (flow->nw_proto == IPPROTO_ICMPV6 && flow->tp_dst == htons(0)
        && (flow->tp_src == htons(ND_NEIGHBOR_SOLICIT)
            || flow->tp_src == htons(ND_NEIGHBOR_ADVERT))) {
        extract_nd(c, flow);
    }
}

static void
extract_arp(struct cursor *c, struct flow *flow)
{
    const struct arp_eth_header *arp = cursor_pull(c, ARP_ETH_HEADER_LEN);

    if (arp && arp->ar_hrd == htons(ARP_HRD_ETHERNET)
        && arp->ar_pro == htons(ARP_PRO_IP)
        && arp->ar_hln == ETH_ADDR_LEN && arp->ar_pln == 4) {
        if (ntohs(arp->ar_op) <= 0xff) {
            flow->nw_proto = ntohs(arp->ar_op);
        }
        flow->nw_src = get_16aligned_be32(&arp->ar_spa);
        flow->nw_dst = get_16aligned_be32(&arp->ar_tpa);
        flow->arp_sha = arp->ar_sha;
        flow->arp_tha = arp->ar_tha;
    }
}

/* Fills 'flow' from the Ethernet frame in 'b' and the metadata in
 * 'b->md', and sets 'b''s layer offsets.  Never fails: fields that the
 * packet does not have, or that are truncated, are zero. */
void
flow_extract(struct dp_packet *b, struct flow *flow)
{
    struct cursor c = { dp_packet_data(b), dp_packet_size(b) };
    const struct eth_header *eth;

    memset(flow, 0, sizeof *flow);
    flow->in_port = b->md.in_port;
    flow->recirc_id = b->md.recirc_id;
    flow->dp_hash = b->md.dp_hash;
    flow->skb_priority = b->md.skb_priority;
    flow->pkt_mark = b->md.pkt_mark;
    flow->ct_state = b->md.ct_state;
    flow->ct_zone = b->md.ct_zone;
    flow->ct_mark = b->md.ct_mark;
    flow->ct_label = b->md.ct_label;

    dp_packet_reset_offsets(b);
    eth = cursor_pull(&c, 2 * ETH_ADDR_LEN);
    if (!eth || c.size < 2) {
        return;
    }
    flow->dl_dst = eth->eth_dst;
    flow->dl_src = eth->eth_src;

    flow->dl_type = pull_eth_type(&c);
    if (flow->dl_type == htons(ETH_TYPE_VLAN)) {
        const ovs_be16 *tci = cursor_pull(&c, sizeof *tci);
        if (!tci || c.size < 2) {
            return;             /* Truncated tag: keep dl_type 0x8100. */
        }
        flow->vlan_tci = *tci | htons(VLAN_CFI);
        flow->dl_type = pull_eth_type(&c);
    }

    b->l3_ofs = cursor_ofs(&c, b);
    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        extract_ipv4(b, &c, flow);
    } else if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
        extract_ipv6(b, &c, flow);
    } else if (flow->dl_type == htons(ETH_TYPE_ARP)
               || flow->dl_type == htons(ETH_TYPE_RARP)) {
        extract_arp(&c, flow);
    }
}

/* ----- Composing packets -------------------------------------------- */

static void
compose_l4(struct dp_packet *b, const struct flow *flow, uint32_t pseudo)
{
    size_t l4_len = 0;
    int csum_ofs = -1;          /* Offset of the checksum in L4, if any. */

    if (flow->nw_frag & FLOW_NW_FRAG_LATER) {
        return;
    }
    dp_packet_set_l4(b, dp_packet_tail(b));
    if (flow->nw_proto == IPPROTO_TCP) {
        struct tcp_header *tcp = dp_packet_put_zeros(b, TCP_HEADER_LEN);
        tcp->tcp_src = flow->tp_src;
        tcp->tcp_dst = flow->tp_dst;
        tcp->tcp_ctl = TCP_CTL(ntohs(flow->tcp_flags), 5);
        l4_len = TCP_HEADER_LEN;
        csum_ofs = offsetof(struct tcp_header, tcp_csum);
    } else if (flow->nw_proto == IPPROTO_UDP) {
        struct udp_header *udp = dp_packet_put_zeros(b, UDP_HEADER_LEN);
        udp->udp_src = flow->tp_src;
        udp->udp_dst = flow->tp_dst;
        udp->udp_len = htons(UDP_HEADER_LEN);
        l4_len = UDP_HEADER_LEN;
        csum_ofs = offsetof(struct udp_header, udp_csum);
    } else if (flow->nw_proto == IPPROTO_SCTP) {
        struct sctp_header *sctp = dp_packet_put_zeros(b, SCTP_HEADER_LEN);
        sctp->sctp_src = flow->tp_src;
        sctp->sctp_dst = flow->tp_dst;
        packet_set_sctp_port(b, flow->tp_src, flow->tp_dst);
        return;
    } else if (flow->nw_proto == IPPROTO_ICMP
               && flow->dl_type == htons(ETH_TYPE_IP)) {
        struct icmp_header *icmp = dp_packet_put_zeros(b, ICMP_HEADER_LEN);
        icmp->icmp_type = ntohs(flow->tp_src);
        icmp->icmp_code = ntohs(flow->tp_dst);
        icmp->icmp_csum = csum(icmp, ICMP_HEADER_LEN);
        return;
    } else if (flow->nw_proto == IPPROTO_ICMPV6
               && flow->dl_type == htons(ETH_TYPE_IPV6)) {
        struct icmp6_header *icmp6;

        if (is_nd(flow)) {
            struct ovs_nd_msg *nd = dp_packet_put_zeros(b, ND_MSG_LEN);

            memcpy(&nd->target, &flow->nd_target, sizeof nd->target);
            l4_len = ND_MSG_LEN;
            if (!eth_addr_is_zero(flow->arp_sha)) {
                struct ovs_nd_opt *opt = dp_packet_put_zeros(b, ND_OPT_LEN);
                opt->nd_opt_type = ND_OPT_SOURCE_LINKADDR;
                opt->nd_opt_len = 1;
                opt->nd_opt_mac = flow->arp_sha;
                l4_len += ND_OPT_LEN;
            }
            if (!eth_addr_is_zero(flow->arp_tha)) {
                struct ovs_nd_opt *opt = dp_packet_put_zeros(b, ND_OPT_LEN);
                opt->nd_opt_type = ND_OPT_TARGET_LINKADDR;
                opt->nd_opt_len = 1;
                opt->nd_opt_mac = flow->arp_tha;
                l4_len += ND_OPT_LEN;
            }
        } else {
            dp_packet_put_zeros(b, 8);
            l4_len = 8;
        }
        icmp6 = dp_packet_l4(b);    /* 'b' may have been reallocated. */
        icmp6->icmp6_type = ntohs(flow->tp_src);
        icmp6->icmp6_code = ntohs(flow->tp_dst);
        csum_ofs = offsetof(struct icmp6_header, icmp6_cksum);
    }

    if (csum_ofs >= 0) {
        uint8_t *l4 = dp_packet_l4(b);
        ovs_be16 sum;

        pseudo = csum_add16(pseudo, htons(l4_len));
        sum = csum_finish(csum_continue(pseudo, l4, l4_len));
        if (flow->nw_proto == IPPROTO_UDP && !sum) {
            sum = htons(0xffff);
        }
        memcpy(l4 + csum_ofs, &sum, sizeof sum);
    }
}

/* Clears 'b' and fills it with a packet whose flow_extract() gives back
 * the header fields of 'flow' (metadata is not represented).  Checksums
 * are valid. */
void
flow_compose(struct dp_packet *b, const struct flow *flow)
{
    eth_compose(b, flow->dl_dst, flow->dl_src, ntohs(flow->dl_type), 0);
    if (flow->vlan_tci & htons(VLAN_CFI)) {
        eth_push_vlan(b, htons(ETH_TYPE_VLAN), flow->vlan_tci);
    }
    dp_packet_set_l3(b, dp_packet_tail(b));

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        struct ip_header *ip;
        size_t l3_ofs = b->l3_ofs;
        uint32_t pseudo;

        /* A first fragment has "more fragments" set; a later one also
         * has a nonzero offset (any will do). */
        uint16_t frag = 0;
        if (flow->nw_frag & FLOW_NW_FRAG_ANY) {
            frag = IP_MORE_FRAGMENTS
                   | (flow->nw_frag & FLOW_NW_FRAG_LATER ? 100 : 0);
        }
        ip = dp_packet_put_zeros(b, IP_HEADER_LEN);
        put_16aligned_be32(&ip->ip_dst, flow->nw_dst);
        put_16aligned_be32(&ip->ip_src, flow->nw_src);
        ip->ip_frag_off = htons(frag);
        ip->ip_proto = flow->nw_proto;
        ip->ip_ttl = flow->nw_ttl;
        ip->ip_tos = flow->nw_tos;
        ip->ip_ihl_ver = IP_IHL_VER(5, 4);
        pseudo = csum_add32(csum_add32(0, flow->nw_src), flow->nw_dst);
        pseudo = csum_add16(pseudo, htons(flow->nw_proto));
        compose_l4(b, flow, pseudo);

        ip = (struct ip_header *) ((char *) dp_packet_data(b) + l3_ofs);
        ip->ip_tot_len = htons(dp_packet_size(b) - l3_ofs);
        ip->ip_csum = csum(ip, IP_HEADER_LEN);
    } else if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
        struct ovs_16aligned_ip6_hdr *ip6;
        size_t l3_ofs = b->l3_ofs;
        uint32_t pseudo;
        uint8_t proto = flow->nw_proto;

        ip6 = dp_packet_put_zeros(b, IPV6_HEADER_LEN);
        put_16aligned_be32(&ip6->ip6_flow,
                           htonl((6u << 28) | ((uint32_t) flow->nw_tos << 20)
                                 | (ntohl(flow->ipv6_label)
                                    & IPV6_LABEL_MASK)));
        ip6->ip6_hlim = flow->nw_ttl;
        memcpy(&ip6->ip6_src, &flow->ipv6_src, sizeof ip6->ip6_src);
        memcpy(&ip6->ip6_dst, &flow->ipv6_dst, sizeof ip6->ip6_dst);
        pseudo = csum_continue(0, &flow->ipv6_src, sizeof flow->ipv6_src);
        pseudo = csum_continue(pseudo, &flow->ipv6_dst,
                               sizeof flow->ipv6_dst);
        pseudo = csum_add16(pseudo, htons(proto));
        if (flow->nw_frag & FLOW_NW_FRAG_ANY) {
            struct ovs_16aligned_ip6_frag *frag;

            ip6->ip6_nxt = IPPROTO_FRAGMENT;
            frag = dp_packet_put_zeros(b, sizeof *frag);
            frag->ip6f_nxt = proto;
            frag->ip6f_offlg = htons(IP6F_MORE_FRAG);
            if (flow->nw_frag & FLOW_NW_FRAG_LATER) {
                frag->ip6f_offlg |= htons(100 << 3);
            }
        } else {
            ip6->ip6_nxt = proto;
        }
        compose_l4(b, flow, pseudo);

        ip6 = (void *) ((char *) dp_packet_data(b) + l3_ofs);
        ip6->ip6_plen = htons(dp_packet_size(b) - l3_ofs - IPV6_HEADER_LEN);
    } else if (flow->dl_type == htons(ETH_TYPE_ARP)
               || flow->dl_type == htons(ETH_TYPE_RARP)) {
        struct arp_eth_header *arp;

        arp = dp_packet_put_zeros(b, ARP_ETH_HEADER_LEN);
        arp->ar_hrd = htons(ARP_HRD_ETHERNET);
        arp->ar_pro = htons(ARP_PRO_IP);
        arp->ar_hln = ETH_ADDR_LEN;
        arp->ar_pln = 4;
        arp->ar_op = htons(flow->nw_proto);
        arp->ar_sha = flow->arp_sha;
        arp->ar_tha = flow->arp_tha;
        put_16aligned_be32(&arp->ar_spa, flow->nw_src);
        put_16aligned_be32(&arp->ar_tpa, flow->nw_dst);
    }
}

/* ----- Comparison, hashing, wildcards ------------------------------ */

uint32_t
flow_hash(const struct flow *flow, uint32_t basis)
{
    return hash_bytes(flow, sizeof *flow, basis);
}

void
flow_wildcards_init_catchall(struct flow_wildcards *wc)
{
    memset(&wc->masks, 0, sizeof wc->masks);
}

/* Makes 'wc' significant in every field (padding stays zero). */
void
flow_wildcards_init_exact(struct flow_wildcards *wc)
{
    memset(&wc->masks, 0xff, sizeof wc->masks);
    memset(wc->masks.pad1, 0, sizeof wc->masks.pad1);
    memset(wc->masks.pad2, 0, sizeof wc->masks.pad2);
}

bool
flow_wildcards_is_catchall(const struct flow_wildcards *wc)
{
    return is_all_zeros(&wc->masks, sizeof wc->masks);
}

bool
flow_wildcards_is_exact(const struct flow_wildcards *wc)
{
    struct flow_wildcards exact;

    flow_wildcards_init_exact(&exact);
    return flow_wildcards_equal(wc, &exact);
}

static void
bytes_combine(void *dst_, const void *a_, const void *b_, size_t n, bool and)
{
    uint8_t *dst = dst_;
    const uint8_t *a = a_, *b = b_;
    size_t i;

    for (i = 0; i < n; i++) {
        dst[i] = and ? a[i] & b[i] : a[i] | b[i];
    }
}

void
flow_wildcards_and(struct flow_wildcards *dst,
                   const struct flow_wildcards *a,
                   const struct flow_wildcards *b)
{
    bytes_combine(&dst->masks, &a->masks, &b->masks, sizeof dst->masks,
                  true);
}

void
flow_wildcards_or(struct flow_wildcards *dst,
                  const struct flow_wildcards *a,
                  const struct flow_wildcards *b)
{
    bytes_combine(&dst->masks, &a->masks, &b->masks, sizeof dst->masks,
                  false);
}

/* True if 'a' has a 1-bit somewhere that 'b' lacks. */
bool
flow_wildcards_has_extra(const struct flow_wildcards *a,
                         const struct flow_wildcards *b)
{
    const uint8_t *pa = (const uint8_t *) &a->masks;
    const uint8_t *pb = (const uint8_t *) &b->masks;
    size_t i;

    for (i = 0; i < sizeof a->masks; i++) {
        if (pa[i] & ~pb[i]) {
            return true;
        }
    }
    return false;
}

uint32_t
flow_wildcards_hash(const struct flow_wildcards *wc, uint32_t basis)
{
    return flow_hash(&wc->masks, basis);
}

/* True if 'a' and 'b' agree in every bit that 'wc' cares about. */
bool
flow_equal_except(const struct flow *a, const struct flow *b,
                  const struct flow_wildcards *wc)
{
    const uint8_t *pa = (const uint8_t *) a;
    const uint8_t *pb = (const uint8_t *) b;
    const uint8_t *pm = (const uint8_t *) &wc->masks;
    size_t i;

    for (i = 0; i < sizeof *a; i++) {
        if ((pa[i] ^ pb[i]) & pm[i]) {
            return false;
        }
    }
    return true;
}

/* Sets 'dst' to 'src' with every bit that 'wc' wildcards zeroed.  'dst'
 * may be 'src'.  The datapath does this once per megaflow mask for every
 * packet, so it works a 64-bit word at a time. */
void
flow_apply_mask(struct flow *dst, const struct flow *src,
                const struct flow_wildcards *wc)
{
    _Static_assert(sizeof(struct flow) % sizeof(uint64_t) == 0,
                   "struct flow must be a whole number of 64-bit words");
    char *d = (char *) dst;
    const char *s = (const char *) src;
    const char *m = (const char *) &wc->masks;

    /* memcpy() keeps the word accesses free of aliasing trouble; the
     * compiler turns each into a plain load or store. */
    for (size_t ofs = 0; ofs < sizeof *dst; ofs += sizeof(uint64_t)) {
        uint64_t value, mask;

        memcpy(&value, s + ofs, sizeof value);
        memcpy(&mask, m + ofs, sizeof mask);
        value &= mask;
        memcpy(d + ofs, &value, sizeof value);
    }
}

void
flow_zero_wildcards(struct flow *flow, const struct flow_wildcards *wc)
{
    flow_apply_mask(flow, flow, wc);
}

/* ----- Text --------------------------------------------------------- */

/* Sets in 'wc' the fields that a packet with flow 'flow' really has, so
 * that printing shows exactly those. */
static void
flow_wildcards_init_for_packet(struct flow_wildcards *wc,
                               const struct flow *flow)
{
    struct flow *m = &wc->masks;
    int i;

    flow_wildcards_init_catchall(wc);
    for (i = 0; i < FLOW_N_REGS; i++) {
        if (flow->regs[i]) {
            m->regs[i] = UINT32_MAX;
        }
    }
    if (flow->metadata) {
        m->metadata = OVS_BE64_MAX;
    }
    if (flow->tun_id) {
        m->tun_id = OVS_BE64_MAX;
    }
    if (flow->pkt_mark) {
        m->pkt_mark = UINT32_MAX;
    }
    if (flow->recirc_id) {
        m->recirc_id = UINT32_MAX;
    }
    if (flow->ct_state) {
        m->ct_state = UINT8_MAX;
    }
    if (flow->ct_zone) {
        m->ct_zone = UINT16_MAX;
    }
    if (flow->ct_mark) {
        m->ct_mark = UINT32_MAX;
    }
    if (!ovs_u128_is_zero(flow->ct_label)) {
        memset(&m->ct_label, 0xff, sizeof m->ct_label);
    }
    m->in_port.ofp_port = u16_to_ofp(UINT16_MAX);
    m->dl_src = eth_addr_exact;
    m->dl_dst = eth_addr_exact;
    m->dl_type = OVS_BE16_MAX;
    m->vlan_tci = OVS_BE16_MAX;

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        m->nw_src = OVS_BE32_MAX;
        m->nw_dst = OVS_BE32_MAX;
    } else if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
        m->ipv6_src = in6addr_exact;
        m->ipv6_dst = in6addr_exact;
        m->ipv6_label = htonl(IPV6_LABEL_MASK);
    } else if (flow->dl_type == htons(ETH_TYPE_ARP)
               || flow->dl_type == htons(ETH_TYPE_RARP)) {
        m->nw_src = OVS_BE32_MAX;
        m->nw_dst = OVS_BE32_MAX;
        m->nw_proto = UINT8_MAX;
        m->arp_sha = eth_addr_exact;
        m->arp_tha = eth_addr_exact;
        return;
    } else {
        return;
    }

    m->nw_proto = UINT8_MAX;
    m->nw_tos = UINT8_MAX;
    m->nw_ttl = UINT8_MAX;
    m->nw_frag = FLOW_NW_FRAG_MASK;
    if (flow->nw_frag & FLOW_NW_FRAG_LATER) {
        return;
    }
    if (flow->nw_proto == IPPROTO_TCP || flow->nw_proto == IPPROTO_UDP
        || flow->nw_proto == IPPROTO_SCTP || is_icmpv4(flow)
        || is_icmpv6(flow)) {
        m->tp_src = OVS_BE16_MAX;
        m->tp_dst = OVS_BE16_MAX;
    }
    if (flow->nw_proto == IPPROTO_TCP) {
        m->tcp_flags = htons(0x0fff);
    }
    if (is_nd(flow)) {
        m->nd_target = in6addr_exact;
        m->arp_sha = eth_addr_exact;
        m->arp_tha = eth_addr_exact;
    }
}

/* Appends 'flow' to 'ds' in the match syntax of ovs-ofctl, showing the
 * fields that the packet has. */
void
flow_format(struct ds *ds, const struct flow *flow)
{
    struct flow_wildcards wc;
    struct match match;

    flow_wildcards_init_for_packet(&wc, flow);
    match_init(&match, flow, &wc);
    match_format(&match, NULL, ds, 0x8000); /* Default priority. */
}

/* Returns 'flow' as a malloc()'d string. */
char *
flow_to_string(const struct flow *flow)
{
    struct ds ds = DS_EMPTY_INITIALIZER;

    flow_format(&ds, flow);
    return ds_steal_cstr(&ds);
}

void
flow_print(FILE *stream, const struct flow *flow)
{
    char *s = flow_to_string(flow);

    fputs(s, stream);
    free(s);
}

/* Initializes 'match' to match the metadata of 'flow' that a closure
 * carries: in_port always, and the registers, metadata, tun_id, pkt_mark
 * and conntrack fields that are nonzero. */
void
flow_get_metadata(const struct flow *flow, struct match *match)
{
    int i;

    match_init_catchall(match);
    match_set_in_port(match, flow->in_port.ofp_port);
    if (flow->metadata) {
        match_set_metadata(match, flow->metadata);
    }
    if (flow->tun_id) {
        match_set_tun_id(match, flow->tun_id);
    }
    for (i = 0; i < FLOW_N_REGS; i++) {
        if (flow->regs[i]) {
            match_set_reg(match, i, flow->regs[i]);
        }
    }
    if (flow->pkt_mark) {
        match_set_pkt_mark(match, flow->pkt_mark);
    }
    if (flow->ct_state) {
        match_set_ct_state(match, flow->ct_state);
    }
    if (flow->ct_zone) {
        match_set_ct_zone(match, flow->ct_zone);
    }
    if (flow->ct_mark) {
        match_set_ct_mark(match, flow->ct_mark);
    }
    if (!ovs_u128_is_zero(flow->ct_label)) {
        match_set_ct_label(match, flow->ct_label);
    }
}
