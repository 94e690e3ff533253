/* Packet headers: addresses in text, and in-place header rewriting.
 *
 * The parsers here accept the address syntaxes that ovs-ofctl accepts
 * (Ethernet "xx:xx:xx:xx:xx:xx", IPv4 dotted quads with "/N" or
 * "/a.b.c.d" masks, IPv6 with "/N" or "/addr" masks) and return a
 * malloc()'d message on bad input.  The rewriters change one header of a
 * packet whose layer offsets flow_extract() has set, and patch every
 * checksum that covers the changed bytes so that the packet stays valid. */

#include <config.h>
#include "packets.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include "csum.h"
#include "dp-packet.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

const struct in6_addr in6addr_exact = IN6ADDR_EXACT_INIT;

/* ----- Ethernet addresses ------------------------------------------ */

/* Parses exactly six colon-separated hex bytes at the start of 's'.
 * Returns the number of characters consumed, or 0 if there is no
 * address. */
static int
scan_eth_addr(const char *s, struct eth_addr *ea)
{
    const char *p = s;
    int i;

    for (i = 0; i < ETH_ADDR_LEN; i++) {
        int hi, lo;

        if (i && *p++ != ':') {
            return 0;
        }
        hi = hexit_value(p[0]);
        if (hi < 0) {
            return 0;
        }
        lo = hexit_value(p[1]);
        if (lo < 0) {
            ea->ea[i] = hi;
            p += 1;
        } else {
            ea->ea[i] = hi * 16 + lo;
            p += 2;
        }
    }
    return p - s;
}

/* Parses 's' as an Ethernet address.  Returns true if it is one, with
 * nothing after it. */
bool
eth_addr_from_string(const char *s, struct eth_addr *ea)
{
    int n = scan_eth_addr(s, ea);

    if (n && s[n] == '\0') {
        return true;
    }
    *ea = eth_addr_zero;
    return false;
}

/* Parses "ADDR" or "ADDR/MASK".  Without a mask, '*mask' becomes all-ones.
 * Returns NULL or a malloc()'d error. */
char *
eth_addr_parse_masked(const char *s, struct eth_addr *ea,
                      struct eth_addr *mask)
{
    int n = scan_eth_addr(s, ea);

    if (!n) {
        return xasprintf("%s: invalid Ethernet address", s);
    }
    if (s[n] == '\0') {
        *mask = eth_addr_exact;
        return NULL;
    }
    if (s[n] == '/') {
        int m = scan_eth_addr(s + n + 1, mask);
        if (m && s[n + 1 + m] == '\0') {
            return NULL;
        }
    }
    return xasprintf("%s: invalid Ethernet address", s);
}

/* Appends "ADDR" or, if 'mask' is nonnull and not all-ones, "ADDR/MASK". */
void
eth_format_masked(const struct eth_addr eth, const struct eth_addr *mask,
                  struct ds *s)
{
    ds_put_format(s, ETH_ADDR_FMT, ETH_ADDR_ARGS(eth));
    if (mask && !eth_mask_is_exact(*mask)) {
        ds_put_format(s, "/"ETH_ADDR_FMT, ETH_ADDR_ARGS(*mask));
    }
}

/* ----- IPv4 addresses ---------------------------------------------- */

/* The prefix length of CIDR netmask 'netmask'. */
int
ip_count_cidr_bits(ovs_be32 netmask)
{
    return 32 - ctz32(ntohl(netmask));
}

/* Appends "IP", "IP/N" for prefix masks, or "IP/MASK". */
void
ip_format_masked(ovs_be32 ip, ovs_be32 mask, struct ds *s)
{
    ds_put_format(s, IP_FMT, IP_ARGS(ip));
    if (mask == OVS_BE32_MAX) {
        return;
    }
    ds_put_char(s, '/');
    if (!ip_is_cidr(mask)) {
        ds_put_format(s, IP_FMT, IP_ARGS(mask));
    } else {
        ds_put_format(s, "%d", ip_count_cidr_bits(mask));
    }
}

/* Parses a dotted quad at the start of 's'.  Returns characters consumed
 * or 0. */
static int
scan_ipv4(const char *s, ovs_be32 *ip)
{
    uint32_t value = 0;
    const char *p = s;
    int i;

    for (i = 0; i < 4; i++) {
        unsigned int octet = 0;
        int digits = 0;

        if (i && *p++ != '.') {
            return 0;
        }
        while (isdigit((unsigned char) *p) && digits < 4) {
            octet = octet * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits || octet > 255) {
            return 0;
        }
        value = (value << 8) | octet;
    }
    *ip = htonl(value);
    return p - s;
}

/* Parses 's' as an IPv4 address.  Returns NULL or a malloc()'d error. */
char *
ip_parse(const char *s, ovs_be32 *ip)
{
    int n = scan_ipv4(s, ip);

    if (!n || s[n]) {
        return xasprintf("%s: invalid IP address", s);
    }
    return NULL;
}

/* Parses "IP", "IP/N" or "IP/MASK"; without a mask, '*mask' is all-ones. */
char *
ip_parse_masked(const char *s, ovs_be32 *ip, ovs_be32 *mask)
{
    int n = scan_ipv4(s, ip);

    if (!n) {
        return xasprintf("%s: invalid IP address", s);
    }
    if (!s[n]) {
        *mask = OVS_BE32_MAX;
        return NULL;
    }
    if (s[n] != '/') {
        return xasprintf("%s: invalid IP address", s);
    }

    const char *m = s + n + 1;
    int mn = scan_ipv4(m, mask);
    if (mn && !m[mn]) {
        return NULL;
    }

    char *end;
    long plen;
    errno = 0;
    plen = isdigit((unsigned char) *m) ? strtol(m, &end, 10) : -1;
    if (plen < 0 || errno || *end) {
        return xasprintf("%s: invalid IP address", s);
    }
    if (plen > 32) {
        return xasprintf("%s: IPv4 network prefix bits not between 0 and "
                         "32, inclusive", s);
    }
    *mask = plen ? htonl(UINT32_MAX << (32 - plen)) : 0;
    return NULL;
}

/* Parses "IP/N" or "IP" (prefix 32) into an address and prefix length. */
char *
ip_parse_cidr(const char *s, ovs_be32 *ip, unsigned int *plen)
{
    ovs_be32 mask;
    char *error = ip_parse_masked(s, ip, &mask);

    if (!error && ip_is_cidr(mask)) {
        *plen = ip_count_cidr_bits(mask);
    } else if (!error) {
        error = xasprintf("%s: CIDR network required", s);
    }
    return error;
}

/* ----- IPv6 addresses ---------------------------------------------- */

struct in6_addr
ipv6_addr_bitand(const struct in6_addr *a, const struct in6_addr *b)
{
    struct in6_addr r;
    int i;

    for (i = 0; i < 16; i++) {
        r.s6_addr[i] = a->s6_addr[i] & b->s6_addr[i];
    }
    return r;
}

/* A mask with the 'prefix' leading bits set. */
struct in6_addr
ipv6_create_mask(int prefix)
{
    struct in6_addr mask;
    int i;

    memset(&mask, 0, sizeof mask);
    for (i = 0; i < 16 && prefix > 0; i++, prefix -= 8) {
        mask.s6_addr[i] = prefix >= 8 ? 0xff : (0xff << (8 - prefix));
    }
    return mask;
}

/* The prefix length of CIDR mask 'netmask'. */
int
ipv6_count_cidr_bits(const struct in6_addr *netmask)
{
    int count = 0;
    int i;

    for (i = 0; i < 16; i++) {
        uint8_t b = netmask->s6_addr[i];
        if (b == 0xff) {
            count += 8;
        } else {
            while (b & 0x80) {
                count++;
                b <<= 1;
            }
            break;
        }
    }
    return count;
}

/* True if 'netmask' is some number of 1-bits followed by 0-bits. */
bool
ipv6_is_cidr(const struct in6_addr *netmask)
{
    struct in6_addr cidr = ipv6_create_mask(ipv6_count_cidr_bits(netmask));
    return ipv6_addr_equals(&cidr, netmask);
}

void
ipv6_format_addr(const struct in6_addr *addr, struct ds *s)
{
    char buf[INET6_ADDRSTRLEN];

    inet_ntop(AF_INET6, addr, buf, sizeof buf);
    ds_put_cstr(s, buf);
}

/* Appends "ADDR", "ADDR/N" or "ADDR/MASK"; a null or all-ones 'mask'
 * gives just "ADDR". */
void
ipv6_format_masked(const struct in6_addr *addr, const struct in6_addr *mask,
                   struct ds *s)
{
    ipv6_format_addr(addr, s);
    if (!mask || ipv6_mask_is_exact(mask)) {
        return;
    }
    ds_put_char(s, '/');
    if (!ipv6_is_cidr(mask)) {
        ipv6_format_addr(mask, s);
    } else {
        ds_put_format(s, "%d", ipv6_count_cidr_bits(mask));
    }
}

char *
ipv6_parse(const char *s, struct in6_addr *ip)
{
    if (strlen(s) < INET6_ADDRSTRLEN && inet_pton(AF_INET6, s, ip) == 1) {
        return NULL;
    }
    return xasprintf("%s: invalid IPv6 address", s);
}

/* Parses "ADDR", "ADDR/N" or "ADDR/MASK". */
char *
ipv6_parse_masked(const char *s, struct in6_addr *ip, struct in6_addr *mask)
{
    const char *slash = strchr(s, '/');
    char addr[INET6_ADDRSTRLEN];
    size_t len = slash ? (size_t) (slash - s) : strlen(s);

    if (len >= sizeof addr) {
        return xasprintf("%s: invalid IPv6 address", s);
    }
    memcpy(addr, s, len);
    addr[len] = '\0';
    if (inet_pton(AF_INET6, addr, ip) != 1) {
        return xasprintf("%s: invalid IPv6 address", s);
    }
    if (!slash) {
        *mask = in6addr_exact;
        return NULL;
    }

    const char *m = slash + 1;
    if (strchr(m, ':')) {
        bool ok = (strlen(m) < INET6_ADDRSTRLEN
                   && inet_pton(AF_INET6, m, mask) == 1);
        return ok ? NULL : xasprintf("%s: invalid IPv6 address", s);
    }

    char *end;
    long plen;
    errno = 0;
    plen = isdigit((unsigned char) *m) ? strtol(m, &end, 10) : -1;
    if (plen < 0 || errno || *end) {
        return xasprintf("%s: invalid IPv6 address", s);
    }
    if (plen > 128) {
        return xasprintf("%s: IPv6 network prefix bits not between 0 and "
                         "128, inclusive", s);
    }
    *mask = ipv6_create_mask(plen);
    return NULL;
}

/* ----- Flag names ---------------------------------------------------- */

const char *
ct_state_to_string(uint32_t state)
{
    switch (state) {
    case CS_NEW: return "new";
    case CS_ESTABLISHED: return "est";
    case CS_RELATED: return "rel";
    case CS_REPLY_DIR: return "rpl";
    case CS_INVALID: return "inv";
    case CS_TRACKED: return "trk";
    case CS_SRC_NAT: return "snat";
    case CS_DST_NAT: return "dnat";
    default: return NULL;
    }
}

/* Returns the CS_* bit named 's', or 0. */
uint32_t
ct_state_from_string(const char *s)
{
    uint32_t bit;

    for (bit = 1; bit <= CS_DST_NAT; bit <<= 1) {
        if (!strcmp(s, ct_state_to_string(bit))) {
            return bit;
        }
    }
    return 0;
}

const char *
packet_tcp_flag_to_string(uint32_t flag)
{
    switch (flag) {
    case TCP_FIN: return "fin";
    case TCP_SYN: return "syn";
    case TCP_RST: return "rst";
    case TCP_PSH: return "psh";
    case TCP_ACK: return "ack";
    case TCP_URG: return "urg";
    case TCP_ECE: return "ece";
    case TCP_CWR: return "cwr";
    case TCP_NS: return "ns";
    case 0x200: return "[200]";
    case 0x400: return "[400]";
    case 0x800: return "[800]";
    default: return NULL;
    }
}

/* Appends the set TCP flags as "syn|ack" (or "0" if none), the form the
 * datapath flow text uses. */
void
packet_tcp_flags_format(struct ds *s, uint16_t tcp_flags)
{
    uint16_t bit;
    bool first = true;

    if (!tcp_flags) {
        ds_put_cstr(s, "0");
        return;
    }
    for (bit = 1; bit && bit <= 0x800; bit <<= 1) {
        if (tcp_flags & bit) {
            if (!first) {
                ds_put_char(s, '|');
            }
            ds_put_cstr(s, packet_tcp_flag_to_string(bit));
            first = false;
        }
    }
}

/* ----- Building and rewriting packets ------------------------------ */

/* Clears 'b' and fills it with an Ethernet header followed by 'size' zero
 * bytes of payload; returns the payload.  Offsets are set: L3 at the
 * payload. */
void *
eth_compose(struct dp_packet *b, const struct eth_addr eth_dst,
            const struct eth_addr eth_src, uint16_t eth_type, size_t size)
{
    void *payload;

    dp_packet_clear(b);
    dp_packet_prealloc_tailroom(b, 2 + VLAN_HEADER_LEN + ETH_HEADER_LEN
                                + size);
    dp_packet_reserve(b, 2 + VLAN_HEADER_LEN);
    struct eth_header hdr = {
        .eth_type = htons(eth_type),
        .eth_src = eth_src,
        .eth_dst = eth_dst,
    };
    dp_packet_put(b, &hdr, sizeof hdr);
    payload = dp_packet_put_zeros(b, size);
    dp_packet_set_l3(b, payload);
    return payload;
}

/* Inserts an 802.1Q tag with 'tpid' and 'tci' after the addresses. */
void
eth_push_vlan(struct dp_packet *b, ovs_be16 tpid, ovs_be16 tci)
{
    struct vlan_eth_header *veh;

    if (dp_packet_size(b) < ETH_HEADER_LEN) {
        return;
    }
    dp_packet_resize_l2(b, VLAN_HEADER_LEN);
    veh = dp_packet_data(b);
    memmove(veh, (char *) veh + VLAN_HEADER_LEN, 2 * ETH_ADDR_LEN);
    veh->veth_type = tpid;
    veh->veth_tci = tci & htons(~VLAN_CFI);
}

/* Removes the outermost 802.1Q tag, if there is one. */
void
eth_pop_vlan(struct dp_packet *b)
{
    struct vlan_eth_header *veh = dp_packet_data(b);

    if (dp_packet_size(b) >= sizeof *veh && eth_type_vlan(veh->veth_type)) {
        memmove((char *) veh + VLAN_HEADER_LEN, veh, 2 * ETH_ADDR_LEN);
        dp_packet_resize_l2(b, -VLAN_HEADER_LEN);
    }
}

/* Rewrites the outermost tag's TCI, or pushes a tag if there is none. */
void
eth_set_vlan_tci(struct dp_packet *b, ovs_be16 tci)
{
    struct vlan_eth_header *veh = dp_packet_data(b);

    if (dp_packet_size(b) >= sizeof *veh && eth_type_vlan(veh->veth_type)) {
        veh->veth_tci = tci & htons(~VLAN_CFI);
    } else {
        eth_push_vlan(b, htons(ETH_TYPE_VLAN), tci);
    }
}

void
packet_set_eth_addrs(struct dp_packet *b, const struct eth_addr src,
                     const struct eth_addr dst)
{
    struct eth_header *eth = dp_packet_eth(b);

    if (eth) {
        eth->eth_src = src;
        eth->eth_dst = dst;
    }
}

/* Returns the IPv4 header if 'b' has a complete one at its L3 offset. */
static struct ip_header *
packet_ipv4(const struct dp_packet *b)
{
    struct ip_header *ip = dp_packet_l3(b);

    if (ip && dp_packet_l3_size(b) >= IP_HEADER_LEN
        && IP_VER(ip->ip_ihl_ver) == 4) {
        return ip;
    }
    return NULL;
}

/* Patches the L4 checksum of an IPv4 packet for a 32-bit change in the
 * pseudo-header. */
static void
fix_l4_csum4(struct dp_packet *b, const struct ip_header *ip,
             ovs_be32 old, ovs_be32 new)
{
    size_t l4_size = dp_packet_l4_size(b);
    void *l4 = dp_packet_l4(b);

    if (!l4 || IP_IS_FRAGMENT(ip->ip_frag_off)) {
        return;
    }
    if (ip->ip_proto == IPPROTO_TCP && l4_size >= TCP_HEADER_LEN) {
        struct tcp_header *th = l4;
        th->tcp_csum = recalc_csum32(th->tcp_csum, old, new);
    } else if (ip->ip_proto == IPPROTO_UDP && l4_size >= UDP_HEADER_LEN) {
        struct udp_header *uh = l4;
        if (uh->udp_csum) {
            uh->udp_csum = recalc_csum32(uh->udp_csum, old, new);
            if (!uh->udp_csum) {
                uh->udp_csum = htons(0xffff);
            }
        }
    }
}

static void
set_ipv4_addr(struct dp_packet *b, struct ip_header *ip,
              ovs_16aligned_be32 *addr, ovs_be32 new)
{
    ovs_be32 old = get_16aligned_be32(addr);

    if (old != new) {
        fix_l4_csum4(b, ip, old, new);
        ip->ip_csum = recalc_csum32(ip->ip_csum, old, new);
        put_16aligned_be32(addr, new);
    }
}

/* Sets the IPv4 addresses, TOS and TTL, fixing the IP and L4 checksums. */
void
packet_set_ipv4(struct dp_packet *b, ovs_be32 src, ovs_be32 dst,
                uint8_t tos, uint8_t ttl)
{
    struct ip_header *ip = packet_ipv4(b);

    if (!ip) {
        return;
    }
    set_ipv4_addr(b, ip, &ip->ip_src, src);
    set_ipv4_addr(b, ip, &ip->ip_dst, dst);
    if (ip->ip_tos != tos) {
        ip->ip_csum = recalc_csum16(ip->ip_csum, htons(ip->ip_tos),
                                    htons(tos));
        ip->ip_tos = tos;
    }
    if (ip->ip_ttl != ttl) {
        ip->ip_csum = recalc_csum16(ip->ip_csum, htons(ip->ip_ttl << 8),
                                    htons(ttl << 8));
        ip->ip_ttl = ttl;
    }
}

static struct ovs_16aligned_ip6_hdr *
packet_ipv6(const struct dp_packet *b)
{
    struct ovs_16aligned_ip6_hdr *ip6 = dp_packet_l3(b);

    if (ip6 && dp_packet_l3_size(b) >= IPV6_HEADER_LEN) {
        return ip6;
    }
    return NULL;
}

/* Returns a pointer to the L4 checksum of 'b' if its L4 header is TCP,
 * UDP (with a nonzero checksum) or ICMPv6 under IPv6 'nxt'. */
static ovs_be16 *
l4_csum_ptr6(struct dp_packet *b, uint8_t nxt)
{
    size_t l4_size = dp_packet_l4_size(b);
    void *l4 = dp_packet_l4(b);

    if (!l4) {
        return NULL;
    }
    if (nxt == IPPROTO_TCP && l4_size >= TCP_HEADER_LEN) {
        return &((struct tcp_header *) l4)->tcp_csum;
    } else if (nxt == IPPROTO_UDP && l4_size >= UDP_HEADER_LEN) {
        struct udp_header *uh = l4;
        return uh->udp_csum ? &uh->udp_csum : NULL;
    } else if (nxt == IPPROTO_ICMPV6 && l4_size >= ICMP6_HEADER_LEN) {
        return &((struct icmp6_header *) l4)->icmp6_cksum;
    }
    return NULL;
}

static void
set_ipv6_addr(struct dp_packet *b, uint8_t nxt, void *field,
              const struct in6_addr *new)
{
    if (memcmp(field, new, sizeof *new)) {
        ovs_be16 *csump = l4_csum_ptr6(b, nxt);
        if (csump) {
            *csump = recalc_csum128(*csump, field, new);
        }
        memcpy(field, new, sizeof *new);
    }
}

/* Sets IPv6 addresses, traffic class, flow label and hop limit, fixing the
 * L4 checksum. */
void
packet_set_ipv6(struct dp_packet *b, const struct in6_addr *src,
                const struct in6_addr *dst, uint8_t tc, ovs_be32 fl,
                uint8_t hlimit)
{
    struct ovs_16aligned_ip6_hdr *ip6 = packet_ipv6(b);
    uint32_t flow;

    if (!ip6) {
        return;
    }
    set_ipv6_addr(b, ip6->ip6_nxt, &ip6->ip6_src, src);
    set_ipv6_addr(b, ip6->ip6_nxt, &ip6->ip6_dst, dst);
    flow = ntohl(get_16aligned_be32(&ip6->ip6_flow));
    flow = (flow & 0xf0000000) | ((uint32_t) tc << 20)
           | (ntohl(fl) & IPV6_LABEL_MASK);
    put_16aligned_be32(&ip6->ip6_flow, htonl(flow));
    ip6->ip6_hlim = hlimit;
}

static void
set_port(ovs_be16 *port, ovs_be16 new, ovs_be16 *csump)
{
    if (*port != new) {
        if (csump) {
            *csump = recalc_csum16(*csump, *port, new);
        }
        *port = new;
    }
}

void
packet_set_tcp_port(struct dp_packet *b, ovs_be16 src, ovs_be16 dst)
{
    struct tcp_header *th = dp_packet_l4(b);

    if (th && dp_packet_l4_size(b) >= TCP_HEADER_LEN) {
        set_port(&th->tcp_src, src, &th->tcp_csum);
        set_port(&th->tcp_dst, dst, &th->tcp_csum);
    }
}

void
packet_set_udp_port(struct dp_packet *b, ovs_be16 src, ovs_be16 dst)
{
    struct udp_header *uh = dp_packet_l4(b);

    if (uh && dp_packet_l4_size(b) >= UDP_HEADER_LEN) {
        ovs_be16 *csump = uh->udp_csum ? &uh->udp_csum : NULL;

        set_port(&uh->udp_src, src, csump);
        set_port(&uh->udp_dst, dst, csump);
        if (csump && !uh->udp_csum) {
            uh->udp_csum = htons(0xffff);
        }
    }
}

/* Sets SCTP ports and recomputes the CRC32c over the whole L4 payload. */
void
packet_set_sctp_port(struct dp_packet *b, ovs_be16 src, ovs_be16 dst)
{
    struct sctp_header *sh = dp_packet_l4(b);
    size_t len = dp_packet_l4_size(b);
    uint8_t *p;
    uint32_t crc;

    if (!sh || len < SCTP_HEADER_LEN) {
        return;
    }
    sh->sctp_src = src;
    sh->sctp_dst = dst;
    put_16aligned_be32(&sh->sctp_csum, 0);
    crc = crc32c((const uint8_t *) sh, len);
    p = (uint8_t *) &sh->sctp_csum;
    p[0] = crc;
    p[1] = crc >> 8;
    p[2] = crc >> 16;
    p[3] = crc >> 24;
}

/* Sets the ICMP (v4 or v6) type and code, fixing the checksum. */
void
packet_set_icmp(struct dp_packet *b, uint8_t type, uint8_t code)
{
    struct icmp_header *ih = dp_packet_l4(b);

    if (ih && dp_packet_l4_size(b) >= ICMP6_HEADER_LEN) {
        ovs_be16 old = htons(ih->icmp_type << 8 | ih->icmp_code);
        ovs_be16 new = htons(type << 8 | code);

        ih->icmp_csum = recalc_csum16(ih->icmp_csum, old, new);
        ih->icmp_type = type;
        ih->icmp_code = code;
    }
}

/* Sets the target address and link-layer address options of a neighbor
 * discovery message, fixing the ICMPv6 checksum. */
void
packet_set_nd(struct dp_packet *b, const struct in6_addr *target,
              const struct eth_addr sll, const struct eth_addr tll)
{
    struct ovs_nd_msg *ns = dp_packet_l4(b);
    size_t bytes = dp_packet_l4_size(b);
    struct ovs_nd_opt *opt;

    if (!ns || bytes < ND_MSG_LEN) {
        return;
    }
    if (memcmp(&ns->target, target, sizeof *target)) {
        ns->icmph.icmp6_cksum = recalc_csum128(ns->icmph.icmp6_cksum,
                                               (void *) &ns->target, target);
        memcpy(&ns->target, target, sizeof *target);
    }

    opt = (struct ovs_nd_opt *) (ns + 1);
    bytes -= ND_MSG_LEN;
    while (bytes >= ND_OPT_LEN && opt->nd_opt_len) {
        size_t opt_len = opt->nd_opt_len * ND_OPT_LEN;
        const struct eth_addr *mac = NULL;

        if (opt_len > bytes) {
            break;
        }
        if (opt->nd_opt_type == ND_OPT_SOURCE_LINKADDR && opt_len == 8) {
            mac = &sll;
        } else if (opt->nd_opt_type == ND_OPT_TARGET_LINKADDR
                   && opt_len == 8) {
            mac = &tll;
        }
        if (mac && !eth_addr_equals(*mac, opt->nd_opt_mac)) {
            int i;
            for (i = 0; i < 3; i++) {
                ns->icmph.icmp6_cksum = recalc_csum16(
                    ns->icmph.icmp6_cksum, opt->nd_opt_mac.be16[i],
                    mac->be16[i]);
            }
            opt->nd_opt_mac = *mac;
        }
        bytes -= opt_len;
        opt = (struct ovs_nd_opt *) ((uint8_t *) opt + opt_len);
    }
}

/* Rewrites the fields of an Ethernet/IPv4 ARP packet. */
void
packet_set_arp(struct dp_packet *b, uint16_t op, ovs_be32 spa, ovs_be32 tpa,
               const struct eth_addr sha, const struct eth_addr tha)
{
    struct arp_eth_header *arp = dp_packet_l3(b);

    if (arp && dp_packet_l3_size(b) >= ARP_ETH_HEADER_LEN) {
        arp->ar_op = htons(op);
        arp->ar_sha = sha;
        arp->ar_tha = tha;
        put_16aligned_be32(&arp->ar_spa, spa);
        put_16aligned_be32(&arp->ar_tpa, tpa);
    }
}
