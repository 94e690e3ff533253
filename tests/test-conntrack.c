/* Unit tests for the connection tracker (lib/conntrack.c).
 *
 * "ovstest test-conntrack" reads a script from standard input, one command
 * per line, runs it against a fresh tracker whose clock starts at 0 ms and
 * moves only when the script says so, and prints what happened.
 *
 * Packets (each line is echoed, followed by " -> " and the verdict: the
 * ct_state bits, then mark= and label= when they are not zero):
 *
 *     [zone=N] [commit] [force] [mark=V[/M]] [label=V[/M]] PACKET
 *
 *   where PACKET is one of
 *
 *     tcp SRC:PORT > DST:PORT [flags=SAFRPU] [seq=N] [ack=N] [win=N]
 *                             [len=N] [wscale=N]
 *     udp SRC:PORT > DST:PORT          sctp SRC:PORT > DST:PORT
 *     icmp SRC > DST [type=N] [code=N] [id=N] [quote PACKET]
 *     ip SRC > DST proto=N
 *
 *   IPv6 endpoints are written as tcpdump does, with a dot before the port
 *   ("fd00::1.80"), and make the packet IPv6 (and "icmp" ICMPv6).  Any
 *   packet takes "frag=first" or "frag=later" to make it an IP fragment,
 *   "badcsum" to spoil its IPv4 header checksum, and "nonip" to send it as
 *   an ARP frame instead.  An ICMP message with "quote" carries the IP
 *   header and first 8 transport bytes of the packet described after it, as
 *   an error does.  TCP defaults to flags=A, win=65535, no payload; ICMP to
 *   an echo request with id 1.
 *
 * Other commands:
 *
 *     time +MSEC | time MSEC       advance or set the clock
 *     maxconns N                   conntrack_set_maxconns()
 *     seqchk on|off                conntrack_set_tcp_seq_chk()
 *     flush [zone=N] [ORIG [REPLY]]
 *                                  prints "flushed N"; ORIG and REPLY are
 *                                  tuples as dpctl/flush-conntrack takes
 *                                  them ("ct_nw_src=10.0.0.1,ct_tp_dst=80")
 *     dump [zone=N] [-m] [-s]      one line per connection, as
 *                                  dpctl/dump-conntrack prints them
 *     stats [zone=N] [verbose]     as dpctl/ct-stats-show prints them
 *     count                        connections and refused commits
 *     ct-set-limits [default=N] [zone=N,limit=N]...
 *     ct-get-limits [zone=N[,N...]]
 *     ct-del-limits zone=N[,N...]  zone limits, as the dpctl commands of
 *                                  the same names set and print them
 *     hex PACKET                   prints the Ethernet frame that PACKET
 *                                  stands for, in hex, without tracking it
 *                                  (to replay a script elsewhere)
 *
 * Lines that start with '#' and empty lines are ignored.  A line that
 * cannot be understood prints "error: ..." and the script goes on. */

#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "conntrack.h"
#include "csum.h"
#include "dp-packet.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "packets.h"
#include "unaligned.h"

/* What a packet line describes. */
struct pkt_spec {
    bool v6;
    bool nonip;
    bool bad_csum;
    int frag;                   /* 0: none, 1: first, 2: later. */
    uint8_t proto;
    union ct_addr src, dst;
    uint16_t sport, dport;

    /* TCP. */
    uint16_t flags;
    uint32_t seq, ack;
    uint16_t win;
    int wscale;                 /* -1: no option. */
    size_t len;                 /* Payload bytes. */

    /* ICMP. */
    uint8_t type, code;
    uint16_t id;
    struct pkt_spec *quote;
};

/* ----- Parsing a packet line ----------------------------------------- */

static char *parse_packet_spec(const char *proto, char **save,
                               struct pkt_spec *);

static void
pkt_spec_free(struct pkt_spec *spec)
{
    if (spec && spec->quote) {
        pkt_spec_free(spec->quote);
        free(spec->quote);
        spec->quote = NULL;
    }
}

/* Parses "ADDR" or "ADDR:PORT" for IPv4, "ADDR6" or "ADDR6.PORT" for IPv6
 * (tcpdump's way of writing them, which needs no brackets). */
static char *
parse_endpoint(const char *s, bool *v6, union ct_addr *addr, uint16_t *port)
{
    const char *first_colon = strchr(s, ':');
    const char *sep;
    char buf[64];
    char *error;

    memset(addr, 0, sizeof *addr);
    *port = 0;
    *v6 = first_colon && strchr(first_colon + 1, ':');
    sep = *v6 ? strrchr(s, '.') : first_colon;
    if (strlen(s) >= sizeof buf) {
        return xasprintf("%s: bad endpoint", s);
    }
    ovs_strlcpy(buf, s, sizeof buf);
    if (sep) {
        buf[sep - s] = '\0';
    }
    error = *v6 ? ipv6_parse(buf, &addr->ipv6) : ip_parse(buf, &addr->ipv4);
    if (error) {
        return error;
    }
    if (sep) {
        char *tail;
        unsigned long p = strtoul(sep + 1, &tail, 10);

        if (*tail || !sep[1] || p > UINT16_MAX) {
            return xasprintf("%s: bad port", s);
        }
        *port = p;
    }
    return NULL;
}

static char *
parse_tcp_flags(const char *s, uint16_t *flags)
{
    *flags = 0;
    for (; *s; s++) {
        switch (*s) {
        case 'S': *flags |= TCP_SYN; break;
        case 'A': *flags |= TCP_ACK; break;
        case 'F': *flags |= TCP_FIN; break;
        case 'R': *flags |= TCP_RST; break;
        case 'P': *flags |= TCP_PSH; break;
        case 'U': *flags |= TCP_URG; break;
        case '.': break;
        default:
            return xasprintf("%c: unknown TCP flag", *s);
        }
    }
    return NULL;
}

static char *
parse_uint(const char *name, const char *value, unsigned long long max,
           unsigned long long *out)
{
    char *tail;

    errno = 0;
    *out = strtoull(value, &tail, 0);
    if (errno || *tail || !*value || *out > max) {
        return xasprintf("%s=%s: bad value", name, value);
    }
    return NULL;
}

/* Parses the "key=value" options and flags that follow the endpoints. */
static char *
parse_packet_options(char **save, struct pkt_spec *spec)
{
    char *tok;

    while ((tok = strtok_r(NULL, " \t", save)) != NULL) {
        char *value = strchr(tok, '=');
        unsigned long long n;
        char *error = NULL;

        if (!strcmp(tok, "quote")) {
            spec->quote = xzalloc(sizeof *spec->quote);
            return parse_packet_spec(strtok_r(NULL, " \t", save), save,
                                     spec->quote);
        } else if (!strcmp(tok, "badcsum")) {
            spec->bad_csum = true;
            continue;
        } else if (!strcmp(tok, "nonip")) {
            spec->nonip = true;
            continue;
        } else if (!value) {
            return xasprintf("%s: unknown option", tok);
        }
        *value++ = '\0';
        if (!strcmp(tok, "flags")) {
            error = parse_tcp_flags(value, &spec->flags);
        } else if (!strcmp(tok, "frag")) {
            spec->frag = (!strcmp(value, "first") ? 1
                          : !strcmp(value, "later") ? 2 : -1);
            if (spec->frag < 0) {
                error = xasprintf("frag=%s: want first or later", value);
            }
        } else if (!strcmp(tok, "seq") || !strcmp(tok, "ack")) {
            error = parse_uint(tok, value, UINT32_MAX, &n);
            *(tok[0] == 's' ? &spec->seq : &spec->ack) = n;
        } else if (!strcmp(tok, "win") || !strcmp(tok, "id")) {
            error = parse_uint(tok, value, UINT16_MAX, &n);
            *(tok[0] == 'w' ? &spec->win : &spec->id) = n;
        } else if (!strcmp(tok, "len")) {
            error = parse_uint(tok, value, 1400, &n);
            spec->len = n;
        } else if (!strcmp(tok, "wscale")) {
            error = parse_uint(tok, value, UINT8_MAX, &n);
            spec->wscale = n;
        } else if (!strcmp(tok, "type") || !strcmp(tok, "code")
                   || !strcmp(tok, "proto")) {
            error = parse_uint(tok, value, UINT8_MAX, &n);
            *(tok[0] == 't' ? &spec->type
              : tok[0] == 'c' ? &spec->code : &spec->proto) = n;
        } else {
            error = xasprintf("%s: unknown option", tok);
        }
        if (error) {
            return error;
        }
    }
    return NULL;
}

/* Parses "SRC > DST OPTIONS..." from the tokens left in 'save', for a
 * packet of protocol 'proto' (null if missing). */
static char *
parse_packet_spec(const char *proto, char **save, struct pkt_spec *spec)
{
    const char *src = strtok_r(NULL, " \t", save);
    const char *arrow = strtok_r(NULL, " \t", save);
    const char *dst = strtok_r(NULL, " \t", save);
    bool src_v6, dst_v6;
    char *error;

    memset(spec, 0, sizeof *spec);
    spec->flags = TCP_ACK;
    spec->win = 65535;
    spec->wscale = -1;
    spec->type = ICMP4_ECHO_REQUEST;
    spec->id = 1;
    if (!proto || !src || !arrow || strcmp(arrow, ">") || !dst) {
        return xstrdup("want: PROTO SRC > DST [OPTIONS]");
    }
    error = parse_endpoint(src, &src_v6, &spec->src, &spec->sport);
    if (!error) {
        error = parse_endpoint(dst, &dst_v6, &spec->dst, &spec->dport);
    }
    if (error) {
        return error;
    }
    if (src_v6 != dst_v6) {
        return xstrdup("source and destination are different IP versions");
    }
    spec->v6 = src_v6;

    if (!strcmp(proto, "tcp")) {
        spec->proto = IPPROTO_TCP;
    } else if (!strcmp(proto, "udp")) {
        spec->proto = IPPROTO_UDP;
    } else if (!strcmp(proto, "sctp")) {
        spec->proto = IPPROTO_SCTP;
    } else if (!strcmp(proto, "icmp")) {
        spec->proto = spec->v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
        if (spec->v6) {
            spec->type = 128;
        }
    } else if (!strcmp(proto, "ip")) {
        spec->proto = 0;
    } else {
        return xasprintf("%s: unknown protocol", proto);
    }
    return parse_packet_options(save, spec);
}

/* ----- Building packets ---------------------------------------------- */

/* Writes the transport header (and payload) for 'spec' at 'p', returns its
 * length.  'quote' and 'quote_len' are an ICMP error's body. */
static size_t
put_l4(const struct pkt_spec *spec, uint8_t *p, const uint8_t *quote,
       size_t quote_len)
{
    size_t n;

    switch (spec->proto) {
    case IPPROTO_TCP: {
        struct tcp_header *th = (struct tcp_header *) p;
        size_t hlen = TCP_HEADER_LEN + (spec->wscale >= 0 ? 4 : 0);

        memset(p, 0, hlen + spec->len);
        th->tcp_src = htons(spec->sport);
        th->tcp_dst = htons(spec->dport);
        put_16aligned_be32(&th->tcp_seq, htonl(spec->seq));
        put_16aligned_be32(&th->tcp_ack, htonl(spec->ack));
        th->tcp_ctl = TCP_CTL(spec->flags, hlen / 4);
        th->tcp_winsz = htons(spec->win);
        if (spec->wscale >= 0) {
            uint8_t *opt = p + TCP_HEADER_LEN;

            opt[0] = 1;         /* NOP. */
            opt[1] = 3;         /* Window scale, length 3. */
            opt[2] = 3;
            opt[3] = spec->wscale;
        }
        memset(p + hlen, 'x', spec->len);
        return hlen + spec->len;
    }

    case IPPROTO_UDP:
    case IPPROTO_SCTP: {
        n = spec->proto == IPPROTO_UDP ? UDP_HEADER_LEN : SCTP_HEADER_LEN;
        memset(p, 0, n);
        ((ovs_be16 *) p)[0] = htons(spec->sport);
        ((ovs_be16 *) p)[1] = htons(spec->dport);
        if (spec->proto == IPPROTO_UDP) {
            ((struct udp_header *) p)->udp_len = htons(n);
        }
        return n;
    }

    case IPPROTO_ICMP:
    case IPPROTO_ICMPV6: {
        struct icmp_header *icmp = (struct icmp_header *) p;

        memset(p, 0, ICMP_HEADER_LEN);
        icmp->icmp_type = spec->type;
        icmp->icmp_code = spec->code;
        if (!quote) {
            icmp->icmp_fields.echo.id = htons(spec->id);
            icmp->icmp_fields.echo.seq = htons(1);
        }
        memcpy(p + ICMP_HEADER_LEN, quote, quote_len);
        return ICMP_HEADER_LEN + quote_len;
    }

    default:
        memset(p, 0, 8);
        return 8;
    }
}

/* Fills the transport checksum of the L4 data at 'l4' ('len' bytes), given
 * the pseudo-header sum 'pseudo'. */
static void
fix_l4_csum(uint8_t proto, uint8_t *l4, size_t len, uint32_t pseudo)
{
    ovs_be16 *field;

    if (proto == IPPROTO_TCP) {
        field = &((struct tcp_header *) l4)->tcp_csum;
    } else if (proto == IPPROTO_UDP) {
        field = &((struct udp_header *) l4)->udp_csum;
    } else if (proto == IPPROTO_ICMP) {
        field = &((struct icmp_header *) l4)->icmp_csum;
        pseudo = 0;
    } else if (proto == IPPROTO_ICMPV6) {
        field = &((struct icmp6_header *) l4)->icmp6_cksum;
    } else {
        return;
    }
    *field = 0;
    *field = csum_finish(csum_continue(pseudo, l4, len));
}

/* Writes the IP packet for 'spec' at 'p' (room for 2048 bytes) and
 * returns its length. */
static size_t
put_l3(const struct pkt_spec *spec, uint8_t *p)
{
    uint8_t quote[128];
    size_t quote_len = 0;
    size_t l3_len, l4_len;
    uint8_t *l4;

    if (spec->quote) {
        uint8_t inner[2048];
        size_t inner_len = put_l3(spec->quote, inner);
        size_t hdr = (spec->quote->v6 ? IPV6_HEADER_LEN
                      : IP_IHL(inner[0]) * 4);

        quote_len = MIN(inner_len, hdr + 8);
        memcpy(quote, inner, quote_len);
    }

    if (!spec->v6) {
        struct ip_header *ip = (struct ip_header *) p;

        l4 = p + IP_HEADER_LEN;
        l4_len = put_l4(spec, l4, spec->quote ? quote : NULL, quote_len);
        l3_len = IP_HEADER_LEN + l4_len;
        memset(ip, 0, IP_HEADER_LEN);
        ip->ip_ihl_ver = IP_IHL_VER(5, 4);
        ip->ip_tot_len = htons(l3_len);
        ip->ip_id = htons(1);
        ip->ip_frag_off = (spec->frag == 1 ? htons(IP_MORE_FRAGMENTS)
                           : spec->frag == 2 ? htons(100) : 0);
        ip->ip_ttl = 64;
        ip->ip_proto = spec->proto;
        put_16aligned_be32(&ip->ip_src, spec->src.ipv4);
        put_16aligned_be32(&ip->ip_dst, spec->dst.ipv4);
        ip->ip_csum = csum(ip, IP_HEADER_LEN);
        if (spec->bad_csum) {
            ip->ip_csum = ~ip->ip_csum;
        }
        fix_l4_csum(spec->proto, l4, l4_len, packet_csum_pseudoheader(ip));
    } else {
        struct ovs_16aligned_ip6_hdr *ip6 = (void *) p;
        size_t ext = spec->frag ? 8 : 0;

        l4 = p + IPV6_HEADER_LEN + ext;
        l4_len = put_l4(spec, l4, spec->quote ? quote : NULL, quote_len);
        l3_len = IPV6_HEADER_LEN + ext + l4_len;
        memset(ip6, 0, IPV6_HEADER_LEN);
        put_16aligned_be32(&ip6->ip6_flow, htonl(6u << 28));
        ip6->ip6_plen = htons(l4_len);
        ip6->ip6_nxt = spec->proto;
        ip6->ip6_hlim = 64;
        memcpy(&ip6->ip6_src, &spec->src.ipv6, 16);
        memcpy(&ip6->ip6_dst, &spec->dst.ipv6, 16);
        fix_l4_csum(spec->proto, l4, l4_len,
                    packet_csum_pseudoheader6(ip6));
        if (ext) {
            uint8_t *frag = p + IPV6_HEADER_LEN;

            memset(frag, 0, 8);
            frag[0] = spec->proto;
            ((ovs_be16 *) frag)[1] = htons(spec->frag == 1
                                           ? IP6F_MORE_FRAG : 800);
            ip6->ip6_nxt = IPPROTO_FRAGMENT;
            ip6->ip6_plen = htons(l4_len + ext);
        }
    }
    return l3_len;
}

static struct dp_packet *
build_packet(const struct pkt_spec *spec)
{
    struct eth_addr src = { { { 0x50, 0x54, 0, 0, 0, 1 } } };
    struct eth_addr dst = { { { 0x50, 0x54, 0, 0, 0, 2 } } };
    struct dp_packet *b = dp_packet_new(2048 + ETH_HEADER_LEN);
    struct eth_header *eth = dp_packet_put_zeros(b, ETH_HEADER_LEN);
    uint8_t l3[2048];
    size_t n = put_l3(spec, l3);

    eth->eth_src = src;
    eth->eth_dst = dst;
    eth->eth_type = htons(spec->nonip ? ETH_TYPE_ARP
                          : spec->v6 ? ETH_TYPE_IPV6 : ETH_TYPE_IP);
    dp_packet_put(b, l3, n);
    return b;
}

/* ----- Running a script ---------------------------------------------- */

struct script {
    struct conntrack *ct;
    long long now;
};

static char *
parse_u128(const char *s, ovs_u128 *out)
{
    memset(out, 0, sizeof *out);
    if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2)) {
        size_t n = strlen(s + 2);

        if (!n || n > 32) {
            return xasprintf("%s: bad 128-bit value", s);
        }
        for (const char *p = s + 2; *p; p++) {
            int d = hexit_value(*p);

            if (d < 0) {
                return xasprintf("%s: bad 128-bit value", s);
            }
            out->u64.hi = (out->u64.hi << 4) | (out->u64.lo >> 60);
            out->u64.lo = (out->u64.lo << 4) | d;
        }
        return NULL;
    } else {
        unsigned long long n;
        char *error = parse_uint("label", s, UINT64_MAX, &n);

        out->u64.lo = n;
        return error;
    }
}

static void
put_state(struct ds *s, uint8_t state)
{
    static const uint8_t order[] = {
        CS_NEW, CS_ESTABLISHED, CS_RELATED, CS_REPLY_DIR, CS_INVALID,
        CS_TRACKED,
    };

    for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
        if (state & order[i]) {
            ds_put_format(s, "+%s", ct_state_to_string(order[i]));
        }
    }
}

static char *
run_packet_line(struct script *sc, char *line_copy, struct ds *out)
{
    uint32_t mark[2] = { 0, 0 };
    ovs_u128 label[2];
    bool has_mark = false, has_label = false;
    bool commit = false, force = false;
    unsigned long long zone = 0;
    struct pkt_spec spec;
    struct dp_packet *b;
    char *save = NULL;
    struct flow flow;
    uint8_t state;
    char *error;

    /* Leading action options; the first other word names the packet's
     * protocol. */
    char *tok = strtok_r(line_copy, " \t", &save);
    for (; tok; tok = strtok_r(NULL, " \t", &save)) {
        char *value = strchr(tok, '=');

        if (!strcmp(tok, "commit")) {
            commit = true;
        } else if (!strcmp(tok, "force")) {
            force = true;
        } else if (value && !strncmp(tok, "zone=", 5)) {
            error = parse_uint("zone", value + 1, UINT16_MAX, &zone);
            if (error) {
                return error;
            }
        } else if (value && (!strncmp(tok, "mark=", 5)
                             || !strncmp(tok, "label=", 6))) {
            char *slash = strchr(value + 1, '/');
            bool is_mark = tok[0] == 'm';
            ovs_u128 v, m;

            if (slash) {
                *slash = '\0';
            }
            error = parse_u128(value + 1, &v);
            if (!error && slash) {
                error = parse_u128(slash + 1, &m);
            } else if (!error) {
                memset(&m, 0xff, sizeof m);
            }
            if (error) {
                return error;
            }
            if (is_mark) {
                mark[0] = v.u64.lo;
                mark[1] = m.u64.lo;
                has_mark = true;
            } else {
                label[0] = v;
                label[1] = m;
                has_label = true;
            }
        } else {
            break;
        }
    }
    if (!tok) {
        return xstrdup("no packet");
    }
    error = parse_packet_spec(tok, &save, &spec);
    if (error) {
        pkt_spec_free(&spec);
        return error;
    }

    b = build_packet(&spec);
    flow_extract(b, &flow);
    state = conntrack_execute(sc->ct, b, &flow, zone, commit, force,
                              has_mark ? mark : NULL,
                              has_label ? label : NULL, sc->now);
    put_state(out, state);
    if (state != flow.ct_state || state != b->md.ct_state
        || flow.ct_zone != zone || b->md.ct_zone != zone) {
        ds_put_cstr(out, " (metadata mismatch!)");
    }
    if (flow.ct_mark) {
        ds_put_format(out, " mark=%"PRIu32, flow.ct_mark);
    }
    if (!ovs_u128_is_zero(flow.ct_label)) {
        ovs_be128 be = hton128(flow.ct_label);

        ds_put_cstr(out, " label=");
        ds_put_hex(out, &be, sizeof be);
    }
    dp_packet_delete(b);
    pkt_spec_free(&spec);
    return NULL;
}

/* Parses an optional "zone=N" word. */
static char *
parse_zone_word(const char *tok, uint16_t *zone, bool *has_zone)
{
    unsigned long long n;
    char *error;

    if (strncmp(tok, "zone=", 5)) {
        return xasprintf("%s: unknown option", tok);
    }
    error = parse_uint("zone", tok + 5, UINT16_MAX, &n);
    *zone = n;
    *has_zone = !error;
    return error;
}

static char *
run_command(struct script *sc, const char *line, struct ds *out)
{
    char *copy = xstrdup(line);
    char *save = NULL;
    char *cmd = strtok_r(copy, " \t", &save);
    char *error = NULL;
    char *tok;

    if (!strcmp(cmd, "time")) {
        unsigned long long n;

        tok = strtok_r(NULL, " \t", &save);
        if (!tok) {
            error = xstrdup("time: missing value");
        } else if (tok[0] == '+') {
            error = parse_uint("time", tok + 1, INT32_MAX, &n);
            sc->now += error ? 0 : n;
        } else {
            error = parse_uint("time", tok, INT64_MAX, &n);
            sc->now = error ? sc->now : (long long) n;
        }
    } else if (!strcmp(cmd, "maxconns")) {
        unsigned long long n;

        tok = strtok_r(NULL, " \t", &save);
        error = (tok ? parse_uint("maxconns", tok, UINT32_MAX, &n)
                 : xstrdup("maxconns: missing value"));
        if (!error) {
            conntrack_set_maxconns(sc->ct, n);
        }
    } else if (!strcmp(cmd, "seqchk")) {
        tok = strtok_r(NULL, " \t", &save);
        if (tok && (!strcmp(tok, "on") || !strcmp(tok, "off"))) {
            conntrack_set_tcp_seq_chk(sc->ct, !strcmp(tok, "on"));
        } else {
            error = xstrdup("seqchk: want on or off");
        }
    } else if (!strcmp(cmd, "hex")) {
        struct pkt_spec spec;

        error = parse_packet_spec(strtok_r(NULL, " \t", &save), &save,
                                  &spec);
        if (!error) {
            struct dp_packet *b = build_packet(&spec);

            for (size_t i = 0; i < dp_packet_size(b); i++) {
                ds_put_format(out, "%02x",
                              ((const uint8_t *) dp_packet_data(b))[i]);
            }
            dp_packet_delete(b);
        }
        pkt_spec_free(&spec);
    } else if (!strcmp(cmd, "ct-set-limits")) {
        while (!error && (tok = strtok_r(NULL, " \t", &save)) != NULL) {
            unsigned long long zone, limit;

            if (!strncmp(tok, "default=", 8)) {
                error = parse_uint("default", tok + 8, UINT32_MAX, &limit);
                if (!error) {
                    conntrack_set_default_zone_limit(sc->ct, limit);
                }
            } else if (sscanf(tok, "zone=%llu,limit=%llu", &zone, &limit)
                       == 2 && zone <= UINT16_MAX && limit <= UINT32_MAX) {
                conntrack_set_zone_limit(sc->ct, zone, limit);
            } else {
                error = xasprintf("%s: want default=N or zone=N,limit=N",
                                  tok);
            }
        }
    } else if (!strcmp(cmd, "ct-get-limits")
               || !strcmp(cmd, "ct-del-limits")) {
        uint16_t zones[16];
        size_t n = 0;

        tok = strtok_r(NULL, " \t", &save);
        if (tok && !strncmp(tok, "zone=", 5)) {
            char *zsave = NULL;

            for (char *z = strtok_r(tok + 5, ",", &zsave); z && !error;
                 z = strtok_r(NULL, ",", &zsave)) {
                unsigned long long zone;

                error = (n >= ARRAY_SIZE(zones)
                         ? xstrdup("too many zones")
                         : parse_uint("zone", z, UINT16_MAX, &zone));
                if (!error) {
                    zones[n++] = zone;
                }
            }
        } else if (tok || cmd[3] == 'd') {
            error = xstrdup("want zone=N[,N...]");
        }
        if (!error && cmd[3] == 'g') {
            conntrack_format_zone_limits(out, sc->ct, zones, n);
        } else if (!error) {
            for (size_t i = 0; i < n; i++) {
                conntrack_del_zone_limit(sc->ct, zones[i]);
            }
        }
    } else if (!strcmp(cmd, "count")) {
        ds_put_format(out, "%"PRIu32" connections, %"PRIu64" refused",
                      conntrack_get_nconns(sc->ct),
                      conntrack_get_n_refused(sc->ct));
    } else if (!strcmp(cmd, "flush") || !strcmp(cmd, "dump")
               || !strcmp(cmd, "stats")) {
        bool verbose = false, stats = false, has_zone = false;
        struct conntrack_tuple_match tuples[2];
        int n_tuples = 0;
        uint16_t zone = 0;

        while (!error && (tok = strtok_r(NULL, " \t", &save)) != NULL) {
            if (cmd[0] == 'f' && strncmp(tok, "zone=", 5)) {
                if (n_tuples >= 2) {
                    error = xstrdup("flush: at most two tuples");
                } else {
                    error = conntrack_tuple_parse(tok, &tuples[n_tuples++]);
                }
            } else if (!strcmp(cmd, "dump") && !strcmp(tok, "-m")) {
                verbose = true;
            } else if (!strcmp(cmd, "dump") && !strcmp(tok, "-s")) {
                stats = true;
            } else if (!strcmp(cmd, "stats") && !strcmp(tok, "verbose")) {
                verbose = true;
            } else {
                error = parse_zone_word(tok, &zone, &has_zone);
            }
        }
        if (error) {
            /* Reported below. */
        } else if (cmd[0] == 'f') {
            const uint16_t *zonep = has_zone ? &zone : NULL;

            ds_put_format(out, "flushed %zu",
                          (n_tuples
                           ? conntrack_flush_matching(
                               sc->ct, zonep, &tuples[0],
                               n_tuples > 1 ? &tuples[1] : NULL)
                           : conntrack_flush(sc->ct, zonep)));
        } else if (cmd[0] == 'd') {
            struct conntrack_dump *dump;
            struct conntrack_entry e;
            bool first = true;

            dump = conntrack_dump_start(sc->ct, has_zone ? &zone : NULL,
                                        sc->now);
            while (conntrack_dump_next(dump, &e)) {
                if (!first) {
                    ds_put_char(out, '\n');
                }
                first = false;
                conntrack_format_entry(out, &e, verbose, stats);
            }
            conntrack_dump_done(dump);
            if (first) {
                ds_put_cstr(out, "(no connections)");
            }
        } else {
            conntrack_format_stats(out, sc->ct, has_zone ? &zone : NULL,
                                   verbose, sc->now);
            ds_chomp(out, '\n');
        }
    } else {
        /* A packet: echo it, then its verdict. */
        ds_put_format(out, "%s -> ", line);
        free(copy);
        copy = xstrdup(line);
        error = run_packet_line(sc, copy, out);
    }
    free(copy);
    return error;
}

static void
test_conntrack_main(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    struct script sc = { .ct = conntrack_create(), .now = 0 };
    struct ds line = DS_EMPTY_INITIALIZER;
    struct ds out = DS_EMPTY_INITIALIZER;

    while (!ds_get_line(&line, stdin)) {
        const char *s = ds_cstr(&line);
        char *error;

        s += strspn(s, " \t");
        if (!*s || *s == '#') {
            continue;
        }
        ds_clear(&out);
        error = run_command(&sc, s, &out);
        if (error) {
            printf("%serror: %s\n", ds_cstr(&out), error);
            free(error);
        } else if (out.length) {
            printf("%s\n", ds_cstr(&out));
        }
    }
    ds_destroy(&line);
    ds_destroy(&out);
    conntrack_destroy(sc.ct);
}

OVSTEST_REGISTER("test-conntrack", test_conntrack_main);
