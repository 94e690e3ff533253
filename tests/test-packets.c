/* Unit tests for packet rewriting (lib/packets.c, lib/csum.c).
 *
 * "ovstest test-packets rewrite" reads lines of the form
 *
 *     MATCH-TEXT ; OP ARGS... ; OP ARGS...
 *
 * builds a packet from the flow that MATCH-TEXT describes, applies each
 * operation in turn, then prints the flow extracted from the result and
 * whether its checksums are valid.  Operations:
 *
 *     ipv4 SRC DST TOS TTL      packet_set_ipv4()
 *     ipv6 SRC DST TC LABEL HL  packet_set_ipv6()
 *     tcp SRC DST / udp SRC DST / sctp SRC DST
 *     icmp TYPE CODE            packet_set_icmp()
 *     nd TARGET SLL TLL         packet_set_nd()
 *     arp OP SPA TPA SHA THA    packet_set_arp()
 *     eth SRC DST               packet_set_eth_addrs()
 *     push-vlan TCI / pop-vlan / set-vlan TCI
 */

#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csum.h"
#include "dp-packet.h"
#include "flow.h"
#include "match.h"
#include "ofp-match.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "packets.h"

/* Verifies the checksums of 'p' (offsets set by flow_extract()). */
static const char *
verify_csums(const struct dp_packet *p, const struct flow *flow)
{
    const uint8_t *l4 = dp_packet_l4(p);
    size_t l4_len = dp_packet_l4_size(p);
    uint32_t sum;

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        const struct ip_header *ip = dp_packet_l3(p);

        if (csum(ip, IP_HEADER_LEN)) {
            return "bad IPv4 header checksum";
        } else if (!l4) {
            return "checksums ok";
        } else if (flow->nw_proto == IPPROTO_ICMP) {
            return csum(l4, l4_len) ? "bad ICMP checksum" : "checksums ok";
        }
        sum = packet_csum_pseudoheader(ip);
    } else if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
        sum = csum_continue(0, &flow->ipv6_src, 16);
        sum = csum_continue(sum, &flow->ipv6_dst, 16);
        sum = csum_add16(sum, htons(flow->nw_proto));
        sum = csum_add16(sum, htons(l4_len));
    } else {
        return "no checksums";
    }

    if (l4 && flow->nw_proto == IPPROTO_SCTP) {
        uint8_t *copy = xmemdup(l4, l4_len);
        uint8_t *c = copy + 8;
        uint32_t want = c[0] | c[1] << 8 | c[2] << 16 | (uint32_t) c[3] << 24;
        bool ok;

        memset(c, 0, 4);
        ok = crc32c(copy, l4_len) == want;
        free(copy);
        return ok ? "checksums ok" : "bad SCTP checksum";
    }
    if (!l4 || (flow->nw_proto != IPPROTO_TCP
                && flow->nw_proto != IPPROTO_UDP
                && flow->nw_proto != IPPROTO_ICMPV6)) {
        return "checksums ok";
    }
    return (csum_finish(csum_continue(sum, l4, l4_len))
            ? "bad L4 checksum" : "checksums ok");
}

static bool
parse_mac(const char *s, struct eth_addr *mac)
{
    return eth_addr_from_string(s, mac);
}

/* Applies operation 'op' with 'args' to 'p'.  Returns NULL or a malloc()'d
 * error. */
static char *
apply_op(struct dp_packet *p, char *op, char **args, int n_args)
{
    struct flow flow;

    flow_extract(p, &flow);     /* Sets the layer offsets. */

#define NEED(N) if (n_args != (N)) { \
        return xasprintf("%s: expected %d arguments", op, N); }
    if (!strcmp(op, "ipv4")) {
        ovs_be32 src, dst;
        char *error;

        NEED(4);
        error = ip_parse(args[0], &src);
        if (!error) {
            error = ip_parse(args[1], &dst);
        }
        if (error) {
            return error;
        }
        packet_set_ipv4(p, src, dst, atoi(args[2]), atoi(args[3]));
    } else if (!strcmp(op, "ipv6")) {
        struct in6_addr src, dst;
        char *error;

        NEED(5);
        error = ipv6_parse(args[0], &src);
        if (!error) {
            error = ipv6_parse(args[1], &dst);
        }
        if (error) {
            return error;
        }
        packet_set_ipv6(p, &src, &dst, atoi(args[2]),
                        htonl(strtoul(args[3], NULL, 0)), atoi(args[4]));
    } else if (!strcmp(op, "tcp") || !strcmp(op, "udp")
               || !strcmp(op, "sctp")) {
        ovs_be16 src, dst;

        NEED(2);
        src = htons(atoi(args[0]));
        dst = htons(atoi(args[1]));
        if (op[0] == 't') {
            packet_set_tcp_port(p, src, dst);
        } else if (op[0] == 'u') {
            packet_set_udp_port(p, src, dst);
        } else {
            packet_set_sctp_port(p, src, dst);
        }
    } else if (!strcmp(op, "icmp")) {
        NEED(2);
        packet_set_icmp(p, atoi(args[0]), atoi(args[1]));
    } else if (!strcmp(op, "nd")) {
        struct in6_addr target;
        struct eth_addr sll, tll;
        char *error;

        NEED(3);
        error = ipv6_parse(args[0], &target);
        if (error) {
            return error;
        }
        if (!parse_mac(args[1], &sll) || !parse_mac(args[2], &tll)) {
            return xstrdup("nd: bad MAC");
        }
        packet_set_nd(p, &target, sll, tll);
    } else if (!strcmp(op, "arp")) {
        ovs_be32 spa, tpa;
        struct eth_addr sha, tha;
        char *error;

        NEED(5);
        error = ip_parse(args[1], &spa);
        if (!error) {
            error = ip_parse(args[2], &tpa);
        }
        if (error) {
            return error;
        }
        if (!parse_mac(args[3], &sha) || !parse_mac(args[4], &tha)) {
            return xstrdup("arp: bad MAC");
        }
        packet_set_arp(p, atoi(args[0]), spa, tpa, sha, tha);
    } else if (!strcmp(op, "eth")) {
        struct eth_addr src, dst;

        NEED(2);
        if (!parse_mac(args[0], &src) || !parse_mac(args[1], &dst)) {
            return xstrdup("eth: bad MAC");
        }
        packet_set_eth_addrs(p, src, dst);
    } else if (!strcmp(op, "push-vlan")) {
        NEED(1);
        eth_push_vlan(p, htons(ETH_TYPE_VLAN), htons(strtoul(args[0], NULL,
                                                             0)));
    } else if (!strcmp(op, "pop-vlan")) {
        NEED(0);
        eth_pop_vlan(p);
    } else if (!strcmp(op, "set-vlan")) {
        NEED(1);
        eth_set_vlan_tci(p, htons(strtoul(args[0], NULL, 0)));
    } else {
        return xasprintf("%s: unknown operation", op);
    }
#undef NEED
    return NULL;
}

static void
do_rewrite(const char *line)
{
    char *copy = xstrdup(line);
    char *save = NULL;
    char *part = strtok_r(copy, ";", &save);
    struct match match;
    struct dp_packet *p;
    struct flow flow;
    int priority;
    char *error;
    struct ds ds = DS_EMPTY_INITIALIZER;

    error = ofputil_match_from_string(part ? part : "", NULL, &match,
                                      &priority, NULL);
    if (error) {
        printf("error: %s\n", error);
        free(error);
        free(copy);
        return;
    }
    p = dp_packet_new(0);
    flow_compose(p, &match.flow);

    while ((part = strtok_r(NULL, ";", &save)) != NULL) {
        char *args[8];
        char *wsave = NULL;
        char *op = strtok_r(part, " ", &wsave);
        int n = 0;
        char *w;

        if (!op) {
            continue;
        }
        while ((w = strtok_r(NULL, " ", &wsave)) && n < 8) {
            args[n++] = w;
        }
        error = apply_op(p, op, args, n);
        if (error) {
            printf("error: %s\n", error);
            free(error);
        }
    }

    p->md.in_port.ofp_port = u16_to_ofp(1);
    flow_extract(p, &flow);
    flow_format(&ds, &flow);
    printf("%s\n%s\n", ds_cstr(&ds), verify_csums(p, &flow));
    ds_destroy(&ds);
    dp_packet_delete(p);
    free(copy);
}

static void
test_packets_main(int argc, char *argv[])
{
    struct ds line = DS_EMPTY_INITIALIZER;

    if (argc != 2 || strcmp(argv[1], "rewrite")) {
        ovs_fatal(0, "usage: %s rewrite < INPUT", argv[0]);
    }
    while (!ds_get_line(&line, stdin)) {
        if (line.length && ds_cstr(&line)[0] != '#') {
            do_rewrite(ds_cstr(&line));
            fflush(stdout);
        }
    }
    ds_destroy(&line);
}

OVSTEST_REGISTER("test-packets", test_packets_main);
