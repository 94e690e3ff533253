/* Packet header formats and helpers.
 *
 * Wire layouts of the protocol headers that the switch looks into
 * (Ethernet, 802.1Q, ARP, IPv4, IPv6, TCP, UDP, SCTP, ICMP, ICMPv6 and
 * neighbor discovery), Ethernet and IP address types with their parsing and
 * printing, and "rewriters" that change one header field of a packet in
 * place and fix the checksums that cover it. */

#ifndef PACKETS_H
#define PACKETS_H 1

#include <inttypes.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "openvswitch/types.h"
#include "byte-order.h"
#include "unaligned.h"

struct dp_packet;
struct ds;

/* A packet's input port, as an OpenFlow or a datapath port number.  Which
 * member is meaningful depends on the layer that holds it. */
union flow_in_port {
    odp_port_t odp_port;
    ofp_port_t ofp_port;
};

/* Metadata that travels with a packet through the datapath, outside its
 * bytes. */
struct pkt_metadata {
    uint32_t recirc_id;         /* Recirculation id, 0 if none. */
    uint32_t dp_hash;
    uint32_t skb_priority;
    uint32_t pkt_mark;
    uint8_t ct_state;           /* CS_* bits. */
    uint16_t ct_zone;
    uint32_t ct_mark;
    ovs_u128 ct_label;
    union flow_in_port in_port;
};

/* Resets 'md' to describe a fresh packet received on datapath 'port'. */
static inline void
pkt_metadata_init(struct pkt_metadata *md, odp_port_t port)
{
    memset(md, 0, sizeof *md);
    md->in_port.odp_port = port;
}

/* ----- Ethernet addresses ------------------------------------------ */

#define ETH_ADDR_LEN 6

struct eth_addr {
    union {
        uint8_t ea[ETH_ADDR_LEN];
        ovs_be16 be16[3];
    };
};

static const struct eth_addr eth_addr_zero = { { { 0, 0, 0, 0, 0, 0 } } };
static const struct eth_addr eth_addr_exact = {
    { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } } };
static const struct eth_addr eth_addr_broadcast = {
    { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } } };

#define ETH_ADDR_FMT                                                    \
    "%02"PRIx8":%02"PRIx8":%02"PRIx8":%02"PRIx8":%02"PRIx8":%02"PRIx8
#define ETH_ADDR_ARGS(EA) ETH_ADDR_BYTES_ARGS((EA).ea)
#define ETH_ADDR_BYTES_ARGS(EAB) \
    (EAB)[0], (EAB)[1], (EAB)[2], (EAB)[3], (EAB)[4], (EAB)[5]

static inline bool
eth_addr_equals(const struct eth_addr a, const struct eth_addr b)
{
    return !memcmp(a.ea, b.ea, ETH_ADDR_LEN);
}

static inline bool
eth_addr_is_zero(const struct eth_addr a)
{
    return !(a.be16[0] | a.be16[1] | a.be16[2]);
}

static inline bool
eth_addr_is_multicast(const struct eth_addr a)
{
    return (a.ea[0] & 1) != 0;
}

static inline bool
eth_addr_is_broadcast(const struct eth_addr a)
{
    return (a.be16[0] & a.be16[1] & a.be16[2]) == htons(0xffff);
}

static inline bool
eth_mask_is_exact(const struct eth_addr a)
{
    return eth_addr_is_broadcast(a);
}

static inline struct eth_addr
eth_addr_and(const struct eth_addr a, const struct eth_addr b)
{
    struct eth_addr r;

    r.be16[0] = a.be16[0] & b.be16[0];
    r.be16[1] = a.be16[1] & b.be16[1];
    r.be16[2] = a.be16[2] & b.be16[2];
    return r;
}

static inline struct eth_addr
eth_addr_invert(const struct eth_addr a)
{
    struct eth_addr r;

    r.be16[0] = ~a.be16[0];
    r.be16[1] = ~a.be16[1];
    r.be16[2] = ~a.be16[2];
    return r;
}

bool eth_addr_from_string(const char *, struct eth_addr *);
char *eth_addr_parse_masked(const char *, struct eth_addr *,
                            struct eth_addr *mask);
void eth_format_masked(const struct eth_addr eth, const struct eth_addr *mask,
                       struct ds *);

/* ----- Ethernet and VLAN headers ----------------------------------- */

#define ETH_HEADER_LEN 14
#define ETH_TOTAL_MIN 60
#define ETH_TYPE_MIN 0x600
#define ETH_TYPE_IP 0x0800
#define ETH_TYPE_ARP 0x0806
#define ETH_TYPE_VLAN_8021Q 0x8100
#define ETH_TYPE_VLAN ETH_TYPE_VLAN_8021Q
#define ETH_TYPE_VLAN_8021AD 0x88a8
#define ETH_TYPE_IPV6 0x86dd
#define ETH_TYPE_RARP 0x8035
#define ETH_TYPE_MPLS 0x8847
#define ETH_TYPE_MPLS_MCAST 0x8848

/* Value of flow 'dl_type' for 802.2 frames without SNAP type. */
#define FLOW_DL_TYPE_NONE 0x5ff

static inline bool
eth_type_mpls(ovs_be16 eth_type)
{
    return (eth_type == htons(ETH_TYPE_MPLS)
            || eth_type == htons(ETH_TYPE_MPLS_MCAST));
}

static inline bool
eth_type_vlan(ovs_be16 eth_type)
{
    return (eth_type == htons(ETH_TYPE_VLAN_8021Q)
            || eth_type == htons(ETH_TYPE_VLAN_8021AD));
}

struct eth_header {
    struct eth_addr eth_dst;
    struct eth_addr eth_src;
    ovs_be16 eth_type;
};

#define LLC_DSAP_SNAP 0xaa
#define LLC_SSAP_SNAP 0xaa
#define LLC_CNTL_SNAP 3
#define LLC_HEADER_LEN 3
#define SNAP_HEADER_LEN 5

struct llc_snap_header {
    uint8_t llc_dsap;
    uint8_t llc_ssap;
    uint8_t llc_cntl;
    uint8_t snap_org[3];
    ovs_be16 snap_type;
};

#define VLAN_VID_MASK 0x0fff
#define VLAN_VID_SHIFT 0
#define VLAN_PCP_MASK 0xe000
#define VLAN_PCP_SHIFT 13
#define VLAN_CFI 0x1000
#define VLAN_CFI_SHIFT 12
#define VLAN_HEADER_LEN 4

static inline uint16_t
vlan_tci_to_vid(ovs_be16 vlan_tci)
{
    return (ntohs(vlan_tci) & VLAN_VID_MASK) >> VLAN_VID_SHIFT;
}

static inline int
vlan_tci_to_pcp(ovs_be16 vlan_tci)
{
    return (ntohs(vlan_tci) & VLAN_PCP_MASK) >> VLAN_PCP_SHIFT;
}

static inline int
vlan_tci_to_cfi(ovs_be16 vlan_tci)
{
    return (vlan_tci & htons(VLAN_CFI)) != 0;
}

struct vlan_header {
    ovs_be16 vlan_tci;
    ovs_be16 vlan_next_type;
};

struct vlan_eth_header {
    struct eth_addr veth_dst;
    struct eth_addr veth_src;
    ovs_be16 veth_type;         /* Always htons(ETH_TYPE_VLAN). */
    ovs_be16 veth_tci;
    ovs_be16 veth_next_type;
};

/* ----- ARP ----------------------------------------------------------- */

#define ARP_HRD_ETHERNET 1
#define ARP_PRO_IP 0x0800
#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2
#define ARP_OP_RARP 3
#define ARP_ETH_HEADER_LEN 28

struct arp_eth_header {
    ovs_be16 ar_hrd;
    ovs_be16 ar_pro;
    uint8_t ar_hln;
    uint8_t ar_pln;
    ovs_be16 ar_op;
    struct eth_addr ar_sha;
    ovs_16aligned_be32 ar_spa;
    struct eth_addr ar_tha;
    ovs_16aligned_be32 ar_tpa;
};

/* ----- IPv4 ---------------------------------------------------------- */

#define IP_FMT "%"PRIu32".%"PRIu32".%"PRIu32".%"PRIu32
#define IP_ARGS(ip)                             \
    ntohl(ip) >> 24,                            \
    (ntohl(ip) >> 16) & 0xff,                   \
    (ntohl(ip) >> 8) & 0xff,                    \
    ntohl(ip) & 0xff

#define IP_VER(ip_ihl_ver) ((ip_ihl_ver) >> 4)
#define IP_IHL(ip_ihl_ver) ((ip_ihl_ver) & 15)
#define IP_IHL_VER(ihl, ver) (((ver) << 4) | (ihl))

#define IP_DSCP_MASK 0xfc
#define IP_ECN_MASK 0x03
#define IP_ECN_NOT_ECT 0x0
#define IP_ECN_ECT_1 0x01
#define IP_ECN_ECT_0 0x02
#define IP_ECN_CE 0x03

#define IP_DONT_FRAGMENT 0x4000
#define IP_MORE_FRAGMENTS 0x2000
#define IP_FRAG_OFF_MASK 0x1fff
#define IP_IS_FRAGMENT(ip_frag_off) \
    ((ip_frag_off) & htons(IP_MORE_FRAGMENTS | IP_FRAG_OFF_MASK))

#define IP_HEADER_LEN 20

#ifndef IPPROTO_SCTP
#define IPPROTO_SCTP 132
#endif

struct ip_header {
    uint8_t ip_ihl_ver;
    uint8_t ip_tos;
    ovs_be16 ip_tot_len;
    ovs_be16 ip_id;
    ovs_be16 ip_frag_off;
    uint8_t ip_ttl;
    uint8_t ip_proto;
    ovs_be16 ip_csum;
    ovs_16aligned_be32 ip_src;
    ovs_16aligned_be32 ip_dst;
};

/* Returns true if 'netmask' is a CIDR netmask (ones followed by zeros). */
static inline bool
ip_is_cidr(ovs_be32 netmask)
{
    uint32_t x = ~ntohl(netmask);
    return !(x & (x + 1));
}

static inline bool
ip_is_multicast(ovs_be32 ip)
{
    return (ip & htonl(0xf0000000)) == htonl(0xe0000000);
}

int ip_count_cidr_bits(ovs_be32 netmask);
void ip_format_masked(ovs_be32 ip, ovs_be32 mask, struct ds *);
char *ip_parse(const char *s, ovs_be32 *ip);
char *ip_parse_masked(const char *s, ovs_be32 *ip, ovs_be32 *mask)
    __attribute__((warn_unused_result));
char *ip_parse_cidr(const char *s, ovs_be32 *ip, unsigned int *plen)
    __attribute__((warn_unused_result));

/* ----- ICMP ---------------------------------------------------------- */

#define ICMP_HEADER_LEN 8
#define ICMP4_ECHO_REQUEST 8
#define ICMP4_ECHO_REPLY 0
#define ICMP4_DST_UNREACH 3

struct icmp_header {
    uint8_t icmp_type;
    uint8_t icmp_code;
    ovs_be16 icmp_csum;
    union {
        struct {
            ovs_be16 id;
            ovs_be16 seq;
        } echo;
        ovs_16aligned_be32 gateway;
    } icmp_fields;
};

/* ----- TCP, UDP, SCTP ------------------------------------------------ */

#define TCP_FIN 0x001
#define TCP_SYN 0x002
#define TCP_RST 0x004
#define TCP_PSH 0x008
#define TCP_ACK 0x010
#define TCP_URG 0x020
#define TCP_ECE 0x040
#define TCP_CWR 0x080
#define TCP_NS 0x100

#define TCP_CTL(flags, offset) (htons((flags) | ((offset) << 12)))
#define TCP_FLAGS(tcp_ctl) (ntohs(tcp_ctl) & 0x0fff)
#define TCP_FLAGS_BE16(tcp_ctl) ((tcp_ctl) & htons(0x0fff))
#define TCP_OFFSET(tcp_ctl) (ntohs(tcp_ctl) >> 12)

#define TCP_HEADER_LEN 20
struct tcp_header {
    ovs_be16 tcp_src;
    ovs_be16 tcp_dst;
    ovs_16aligned_be32 tcp_seq;
    ovs_16aligned_be32 tcp_ack;
    ovs_be16 tcp_ctl;
    ovs_be16 tcp_winsz;
    ovs_be16 tcp_csum;
    ovs_be16 tcp_urg;
};

#define UDP_HEADER_LEN 8
struct udp_header {
    ovs_be16 udp_src;
    ovs_be16 udp_dst;
    ovs_be16 udp_len;
    ovs_be16 udp_csum;
};

#define SCTP_HEADER_LEN 12
struct sctp_header {
    ovs_be16 sctp_src;
    ovs_be16 sctp_dst;
    ovs_16aligned_be32 sctp_vtag;
    ovs_16aligned_be32 sctp_csum;
};

/* ----- IPv6, ICMPv6, neighbor discovery ------------------------------ */

#define IPV6_HEADER_LEN 40
#define IPV6_LABEL_MASK 0x000fffff
#define IPV6_SCAN_LEN 46

struct ovs_16aligned_ip6_hdr {
    ovs_16aligned_be32 ip6_flow;    /* 4 bits version, 8 tclass, 20 label. */
    ovs_be16 ip6_plen;
    uint8_t ip6_nxt;
    uint8_t ip6_hlim;
    union {
        uint8_t be8[16];
        ovs_be16 be16[8];
    } ip6_src, ip6_dst;
};

struct ovs_16aligned_ip6_frag {
    uint8_t ip6f_nxt;
    uint8_t ip6f_reserved;
    ovs_be16 ip6f_offlg;
    ovs_16aligned_be32 ip6f_ident;
};

#define IP6F_OFF_MASK 0xfff8
#define IP6F_MORE_FRAG 0x0001

#define ICMP6_HEADER_LEN 4
struct icmp6_header {
    uint8_t icmp6_type;
    uint8_t icmp6_code;
    ovs_be16 icmp6_cksum;
};

#define ND_NEIGHBOR_SOLICIT 135
#define ND_NEIGHBOR_ADVERT 136
#define ND_OPT_SOURCE_LINKADDR 1
#define ND_OPT_TARGET_LINKADDR 2
#define ND_MSG_LEN 24
#define ND_OPT_LEN 8

struct ovs_nd_msg {
    struct icmp6_header icmph;
    ovs_16aligned_be32 rso_flags;
    union {
        uint8_t be8[16];
        ovs_be16 be16[8];
    } target;
};

struct ovs_nd_opt {
    uint8_t nd_opt_type;
    uint8_t nd_opt_len;         /* In units of 8 octets. */
    struct eth_addr nd_opt_mac;
};

extern const struct in6_addr in6addr_exact;
#define IN6ADDR_EXACT_INIT { { { 0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff, \
                                 0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff } } }

static inline bool
ipv6_addr_equals(const struct in6_addr *a, const struct in6_addr *b)
{
    return !memcmp(a, b, sizeof *a);
}

static inline bool
ipv6_mask_is_any(const struct in6_addr *mask)
{
    return ipv6_addr_equals(mask, &in6addr_any);
}

static inline bool
ipv6_mask_is_exact(const struct in6_addr *mask)
{
    return ipv6_addr_equals(mask, &in6addr_exact);
}

struct in6_addr ipv6_addr_bitand(const struct in6_addr *,
                                 const struct in6_addr *);
struct in6_addr ipv6_create_mask(int prefix);
int ipv6_count_cidr_bits(const struct in6_addr *netmask);
bool ipv6_is_cidr(const struct in6_addr *netmask);
void ipv6_format_addr(const struct in6_addr *, struct ds *);
void ipv6_format_masked(const struct in6_addr *addr,
                        const struct in6_addr *mask, struct ds *);
char *ipv6_parse(const char *s, struct in6_addr *ip);
char *ipv6_parse_masked(const char *s, struct in6_addr *ipv6,
                        struct in6_addr *mask)
    __attribute__((warn_unused_result));

/* ----- Connection tracking state bits -------------------------------- */

enum {
    CS_NEW = 1 << 0,
    CS_ESTABLISHED = 1 << 1,
    CS_RELATED = 1 << 2,
    CS_REPLY_DIR = 1 << 3,
    CS_INVALID = 1 << 4,
    CS_TRACKED = 1 << 5,
    CS_SRC_NAT = 1 << 6,
    CS_DST_NAT = 1 << 7,
};
#define CS_SUPPORTED_MASK 0xff

const char *ct_state_to_string(uint32_t state);
uint32_t ct_state_from_string(const char *);

/* ----- Packet construction and rewriting ----------------------------- */

void *eth_compose(struct dp_packet *, const struct eth_addr eth_dst,
                  const struct eth_addr eth_src, uint16_t eth_type,
                  size_t size);
void eth_push_vlan(struct dp_packet *, ovs_be16 tpid, ovs_be16 tci);
void eth_pop_vlan(struct dp_packet *);
void eth_set_vlan_tci(struct dp_packet *, ovs_be16 tci);

void packet_set_eth_addrs(struct dp_packet *, const struct eth_addr src,
                          const struct eth_addr dst);
void packet_set_ipv4(struct dp_packet *, ovs_be32 src, ovs_be32 dst,
                     uint8_t tos, uint8_t ttl);
void packet_set_ipv6(struct dp_packet *, const struct in6_addr *src,
                     const struct in6_addr *dst, uint8_t tc,
                     ovs_be32 fl, uint8_t hlimit);
void packet_set_tcp_port(struct dp_packet *, ovs_be16 src, ovs_be16 dst);
void packet_set_udp_port(struct dp_packet *, ovs_be16 src, ovs_be16 dst);
void packet_set_sctp_port(struct dp_packet *, ovs_be16 src, ovs_be16 dst);
void packet_set_icmp(struct dp_packet *, uint8_t type, uint8_t code);
void packet_set_nd(struct dp_packet *, const struct in6_addr *target,
                   const struct eth_addr sll, const struct eth_addr tll);
void packet_set_arp(struct dp_packet *, uint16_t op, ovs_be32 spa,
                    ovs_be32 tpa, const struct eth_addr sha,
                    const struct eth_addr tha);

void packet_tcp_flags_format(struct ds *, uint16_t tcp_flags);
const char *packet_tcp_flag_to_string(uint32_t flag);

#endif /* packets.h */
