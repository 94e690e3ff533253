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

/* printf() support: printf(ETH_ADDR_FMT, ETH_ADDR_ARGS(mac)) prints
 * "xx:xx:xx:xx:xx:xx". */
#define ETH_ADDR_FMT "%02x:%02x:%02x:%02x:%02x:%02x"
#define ETH_ADDR_BYTES_ARGS(B) \
    (unsigned int) (B)[0], (unsigned int) (B)[1], (unsigned int) (B)[2], \
    (unsigned int) (B)[3], (unsigned int) (B)[4], (unsigned int) (B)[5]
#define ETH_ADDR_ARGS(EA) ETH_ADDR_BYTES_ARGS((EA).ea)

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

/* The 16-bit 802.1Q tag control information: priority (3 bits), CFI (1),
 * VLAN id (12).  In a flow, CFI set means "a tag is present". */
#define VLAN_PCP_SHIFT 13
#define VLAN_PCP_MASK (7 << VLAN_PCP_SHIFT)
#define VLAN_CFI_SHIFT 12
#define VLAN_CFI (1 << VLAN_CFI_SHIFT)
#define VLAN_VID_SHIFT 0
#define VLAN_VID_MASK 0xfff
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

#define ARP_ETH_HEADER_LEN 28     /* For Ethernet and IPv4 addresses. */
#define ARP_HRD_ETHERNET 1          /* ar_hrd for Ethernet. */
#define ARP_PRO_IP 0x0800           /* ar_pro for IPv4. */
enum {
    ARP_OP_REQUEST = 1,
    ARP_OP_REPLY = 2,
    ARP_OP_RARP = 3             /* Reverse ARP request. */
};

struct arp_eth_header {
    ovs_be16 ar_hrd;            /* Hardware type: ARP_HRD_ETHERNET. */
    ovs_be16 ar_pro;            /* Protocol type: ARP_PRO_IP. */
    uint8_t ar_hln;             /* Hardware address length: 6. */
    uint8_t ar_pln;             /* Protocol address length: 4. */
    ovs_be16 ar_op;             /* ARP_OP_*. */
    struct eth_addr ar_sha;     /* Sender hardware address. */
    ovs_16aligned_be32 ar_spa;  /* Sender IPv4 address. */
    struct eth_addr ar_tha;     /* Target hardware address. */
    ovs_16aligned_be32 ar_tpa;  /* Target IPv4 address. */
};

/* ----- IPv4 ---------------------------------------------------------- */

/* printf() support for an ovs_be32 IPv4 address: "a.b.c.d". */
#define IP_FMT "%u.%u.%u.%u"
#define IP_ARGS(IP) \
    (unsigned int) ((uint8_t *) &(ovs_be32) { IP })[0], \
    (unsigned int) ((uint8_t *) &(ovs_be32) { IP })[1], \
    (unsigned int) ((uint8_t *) &(ovs_be32) { IP })[2], \
    (unsigned int) ((uint8_t *) &(ovs_be32) { IP })[3]

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
    uint8_t ip_ihl_ver;         /* Version (high 4 bits), length/4 (low). */
    uint8_t ip_tos;             /* DSCP (high 6 bits) and ECN (low 2). */
    ovs_be16 ip_tot_len;        /* Header plus payload, in bytes. */
    ovs_be16 ip_id;             /* Identifies the fragments of a datagram. */
    ovs_be16 ip_frag_off;       /* Flags and offset/8 of this fragment. */
    uint8_t ip_ttl;             /* Hops left. */
    uint8_t ip_proto;           /* Upper-layer protocol, IPPROTO_*. */
    ovs_be16 ip_csum;           /* Checksum of the header only. */
    ovs_16aligned_be32 ip_src;  /* Source address. */
    ovs_16aligned_be32 ip_dst;  /* Destination address. */
};

/* Returns true if 'netmask' is a CIDR netmask (ones followed by zeros). */
static inline bool
ip_is_cidr(ovs_be32 netmask)
{
    /* The inverted host-order mask must be of the form 0...01...1, so
     * adding one to it carries through every 1-bit. */
    uint32_t host_bits = ~ntohl(netmask);
    return ((host_bits + 1) & host_bits) == 0;
}

/* True for 224.0.0.0/4. */
static inline bool
ip_is_multicast(ovs_be32 ip)
{
    return ntohl(ip) >> 28 == 0xe;
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
    uint8_t icmp_type;          /* ICMP4_*. */
    uint8_t icmp_code;          /* Meaning depends on the type. */
    ovs_be16 icmp_csum;         /* Over the whole ICMP message. */
    union {
        struct {
            ovs_be16 id;        /* Echo identifier. */
            ovs_be16 seq;       /* Echo sequence number. */
        } echo;
        ovs_16aligned_be32 gateway;
    } icmp_fields;
};

/* ----- TCP, UDP, SCTP ------------------------------------------------ */

/* TCP flags, the low 12 bits of 'tcp_ctl' (OpenFlow matches all 12). */
enum {
    TCP_FIN = 1 << 0, TCP_SYN = 1 << 1, TCP_RST = 1 << 2, TCP_PSH = 1 << 3,
    TCP_ACK = 1 << 4, TCP_URG = 1 << 5, TCP_ECE = 1 << 6, TCP_CWR = 1 << 7,
    TCP_NS = 1 << 8
};

/* Builds and takes apart 'tcp_ctl': data offset in 32-bit words in the top
 * 4 bits, flags below. */
#define TCP_CTL(FLAGS, OFFSET) htons((OFFSET) << 12 | (FLAGS))
#define TCP_OFFSET(CTL) (ntohs(CTL) >> 12)
#define TCP_FLAGS(CTL) (ntohs(CTL) & 0xfff)
#define TCP_FLAGS_BE16(CTL) ((CTL) & htons(0xfff))

#define TCP_HEADER_LEN 20
struct tcp_header {
    ovs_be16 tcp_src;           /* Source port. */
    ovs_be16 tcp_dst;           /* Destination port. */
    ovs_16aligned_be32 tcp_seq; /* Sequence number. */
    ovs_16aligned_be32 tcp_ack; /* Acknowledgment number. */
    ovs_be16 tcp_ctl;           /* Data offset/4 (high 4 bits) and flags. */
    ovs_be16 tcp_winsz;         /* Receive window. */
    ovs_be16 tcp_csum;          /* Covers a pseudo-header too. */
    ovs_be16 tcp_urg;           /* Urgent pointer. */
};

#define UDP_HEADER_LEN 8
struct udp_header {
    ovs_be16 udp_src;           /* Source port. */
    ovs_be16 udp_dst;           /* Destination port. */
    ovs_be16 udp_len;           /* Header plus payload, in bytes. */
    ovs_be16 udp_csum;          /* Zero means "none" (IPv4 only). */
};

#define SCTP_HEADER_LEN 12
struct sctp_header {
    ovs_be16 sctp_src;          /* Source port. */
    ovs_be16 sctp_dst;          /* Destination port. */
    ovs_16aligned_be32 sctp_vtag; /* Verification tag. */
    ovs_16aligned_be32 sctp_csum; /* CRC32c, least significant byte first. */
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
    uint8_t ip6f_nxt;           /* Header after this one. */
    uint8_t ip6f_reserved;      /* Zero. */
    ovs_be16 ip6f_offlg; /* Offset/8 (high 13 bits), more-fragments bit. */
    ovs_16aligned_be32 ip6f_ident; /* Identifies the fragments. */
};

#define IP6F_OFF_MASK 0xfff8
#define IP6F_MORE_FRAG 0x0001

#define ICMP6_HEADER_LEN 4
struct icmp6_header {
    uint8_t icmp6_type;         /* ND_NEIGHBOR_* and others. */
    uint8_t icmp6_code;         /* Meaning depends on the type. */
    ovs_be16 icmp6_cksum;       /* Covers a pseudo-header too. */
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
