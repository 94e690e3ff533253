/* Unit tests for flows, matches, fields and NXM/OXM.
 *
 * Subcommands read one input per line from stdin and print one result per
 * line, so that autotest cases can state exact expected output:
 *
 *   parse-match          match text -> match_format() text
 *   parse-match-ports    the same with ports 1 "eth0", 2 "br-int" and
 *                        3 "p 3" named
 *   nxm-roundtrip        match text -> NXM bytes -> match -> text
 *   oxm-roundtrip VER    the same through OXM of OpenFlow VER (12..15)
 *   nx-match             NXM text -> bytes -> nx_pull_match() -> bytes -> text
 *   oxm-match VER        the same for OXM
 *   flow-extract         packet hex -> flow_extract() -> flow text
 *   compose              match text (a flow) -> packet -> flow text
 *   fixed-match          match text -> usable protocols, and the match
 *                        after OpenFlow 1.0 and 1.1 round trips
 *   odp                  datapath flow text -> flow and mask -> text
 *   odp-packet           datapath flow text -> packet hex -> flow text
 *   subfield             "SUBFIELD | MATCH" -> normalized subfield and
 *                        mf_check_src()/mf_check_dst() verdicts
 *   subvalue             "SUBFIELD VALUE": writes VALUE into the subfield
 *                        of a zero flow, prints the whole field and the
 *                        value read back with its width
 *   metadata             flow (as match text) -> flow_get_metadata() ->
 *                        OXM entries -> oxm_decode_match() -> match text
 *   header               field name -> its NXM/OXM header per version,
 *                        pulled back
 *   fuzz N               feeds N pseudo-random and mutated inputs to every
 *                        decoder and parser here; must not crash
 *   write-pcap FILE      packet hex lines -> pcap FILE
 *   parse-pcap FILE      pcap FILE -> one flow per packet (in_port=ANY)
 */

#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csum.h"
#include "dp-packet.h"
#include "flow.h"
#include "match.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "odp-util.h"
#include "ofp-match.h"
#include "ofp-port.h"
#include "ofp-protocol.h"
#include "ofp-errors.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "pcap-file.h"

/* The protocols that the fields parsed by the last parse_match() call
 * allow, as ovs-ofctl's flow parser accumulates them. */
static enum ofputil_protocol parsed_usable;

/* Parses the match text 's' the way ovs-ofctl does.  Returns NULL or a
 * malloc()'d error. */
static char *
parse_match(const char *s, struct match *match, int *priority)
{
    *priority = 0x8000;
    return ofputil_match_from_string(s, NULL, match, priority,
                                     &parsed_usable);
}

static void
print_match(const struct match *match, int priority)
{
    char *s = match_to_string(match, NULL, priority);

    puts(s);
    free(s);
}

static int
parse_version(const char *s)
{
    int v = atoi(s);

    return v >= 12 && v <= 15 ? v - 9 : -1;
}

/* Reads lines of stdin, calling 'cb' on each non-blank line. */
static void
for_each_line(void (*cb)(const char *, void *), void *aux)
{
    struct ds line = DS_EMPTY_INITIALIZER;

    while (!ds_get_line(&line, stdin)) {
        const char *s = ds_cstr(&line);

        if (*s && *s != '#') {
            cb(s, aux);
        }
        fflush(stdout);
    }
    ds_destroy(&line);
}

static void
do_parse_match(const char *s, void *aux)
{
    struct match match;
    int priority;
    char *error = parse_match(s, &match, &priority);

    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        print_match(&match, priority);
    }
}

static void
do_parse_match_ports(const char *s, void *aux)
{
    struct ofputil_port_map map = OFPUTIL_PORT_MAP_INITIALIZER(&map);
    struct match match;
    int priority = 0x8000;
    char *error;

    ofputil_port_map_put(&map, u16_to_ofp(1), "eth0");
    ofputil_port_map_put(&map, u16_to_ofp(2), "br-int");
    ofputil_port_map_put(&map, u16_to_ofp(3), "p 3");
    error = ofputil_match_from_string(s, &map, &match, &priority, NULL);
    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        char *text = match_to_string(&match, &map, priority);
        puts(text);
        free(text);
    }
    ofputil_port_map_destroy(&map);
}

/* Encodes a parsed match in NXM ('version' 0) or OXM, prints the bytes in
 * text, decodes them and prints the match. */
static void
do_roundtrip(const char *s, void *aux)
{
    int version = *(int *) aux;
    struct ofpbuf b;
    struct match match, match2;
    int priority, len;
    enum ofperr error;
    char *err = parse_match(s, &match, &priority);
    char *text;

    if (err) {
        printf("error: %s\n", err);
        free(err);
        return;
    }
    ofpbuf_init(&b, 0);
    if (version) {
        len = oxm_put_match(&b, &match, version);
        text = oxm_match_to_string(&b, len);
        error = oxm_pull_match(&b, &match2);
    } else {
        len = nx_put_match(&b, &match, 0, 0);
        text = nx_match_to_string(b.data, len);
        error = nx_pull_match(&b, len, &match2, NULL, NULL);
    }
    printf("%s\n", text);
    free(text);
    if (error) {
        printf("decode error: %s\n", ofperr_get_name(error));
    } else {
        print_match(&match2, priority);
        if (!match_equal(&match, &match2)) {
            printf("(differs from the parsed match)\n");
        }
    }
    ofpbuf_uninit(&b);
}

/* Mirrors "ovs-ofctl parse-nx-match"/"parse-oxm": text -> bytes -> pull
 * -> put -> text. */
static void
do_nx_match(const char *s, void *aux)
{
    int version = *(int *) aux;
    struct ofpbuf b, out;
    struct match match;
    enum ofperr error;
    char *err, *text;
    int len;

    ofpbuf_init(&b, 0);
    err = (version ? oxm_match_from_string(s, &b, &len)
           : nx_match_from_string(s, &b, &len));
    if (err) {
        printf("error: %s\n", err);
        free(err);
        ofpbuf_uninit(&b);
        return;
    }
    error = (version ? oxm_pull_match(&b, &match)
             : nx_pull_match(&b, len, &match, NULL, NULL));
    if (error) {
        printf("%s_pull_match() returned error %s\n", version ? "oxm" : "nx",
               ofperr_get_name(error));
    } else {
        ofpbuf_init(&out, 0);
        if (version) {
            len = oxm_put_match(&out, &match, version);
            text = oxm_match_to_string(&out, len);
        } else {
            len = nx_put_match(&out, &match, 0, 0);
            text = nx_match_to_string(out.data, len);
        }
        puts(text);
        free(text);
        ofpbuf_uninit(&out);
    }
    ofpbuf_uninit(&b);
}

static void
do_fixed_match(const char *s, void *aux)
{
    struct match match, back;
    struct ofp10_match om10;
    struct ofp11_match om11;
    enum ofperr error;
    int priority;
    char *err = parse_match(s, &match, &priority);
    char *text;

    if (err) {
        printf("error: %s\n", err);
        free(err);
        return;
    }
    text = ofputil_protocols_to_string(ofputil_usable_protocols(&match)
                                       & parsed_usable);
    printf("usable protocols: %s\n", text);
    free(text);

    ofputil_normalize_match_quiet(&match);
    ofputil_match_to_ofp10_match(&match, &om10);
    ofputil_match_from_ofp10_match(&om10, &back);
    text = match_to_string(&back, NULL, priority);
    printf("OF1.0:%s%s\n", *text ? " " : "", text);
    free(text);

    ofputil_match_to_ofp11_match(&match, &om11);
    error = ofputil_match_from_ofp11_match(&om11, &back);
    if (error) {
        printf("OF1.1: error %s\n", ofperr_get_name(error));
    } else {
        text = match_to_string(&back, NULL, priority);
        printf("OF1.1:%s%s\n", *text ? " " : "", text);
        free(text);
    }
}

static void
do_odp(const char *s, void *aux)
{
    struct flow_wildcards wc;
    struct flow flow;
    char *error = odp_flow_from_string(s, &flow, &wc);
    char *text;

    if (error) {
        printf("error: %s\n", error);
        free(error);
        return;
    }
    text = odp_flow_to_string(&flow, &wc);
    puts(text);
    free(text);
}

static void
do_odp_packet(const char *s, void *aux)
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    struct dp_packet *p;
    struct flow flow;
    char *error = odp_flow_from_string(s, &flow, NULL);

    if (error) {
        printf("error: %s\n", error);
        free(error);
        return;
    }
    p = dp_packet_new(0);
    flow_compose(p, &flow);
    ds_put_hex_dump(&ds, dp_packet_data(p), dp_packet_size(p), 0, false);
    fputs(ds_cstr(&ds), stdout);
    ds_destroy(&ds);

    p->md.in_port.ofp_port = u16_to_ofp(odp_to_u32(flow.in_port.odp_port));
    flow_extract(p, &flow);
    error = flow_to_string(&flow);
    puts(error);
    free(error);
    dp_packet_delete(p);
}

static void
do_subfield(const char *line, void *aux)
{
    char *copy = xstrdup(line);
    char *bar = strchr(copy, '|');
    struct mf_subfield sf;
    struct match match;
    struct ds ds = DS_EMPTY_INITIALIZER;
    char *error;
    int priority;

    if (bar) {
        char *end = bar;

        while (end > copy && end[-1] == ' ') {
            end--;
        }
        *end = '\0';
    }
    error = mf_parse_subfield(&sf, copy);
    if (!error && bar) {
        error = parse_match(bar + 1, &match, &priority);
    }
    if (error) {
        printf("error: %s\n", error);
        free(error);
        free(copy);
        return;
    }
    mf_format_subfield(&sf, &ds);
    if (bar) {
        enum ofperr src = mf_check_src(&sf, &match);
        enum ofperr dst = mf_check_dst(&sf, &match);

        ds_put_format(&ds, " src:%s dst:%s",
                      src ? ofperr_get_name(src) : "ok",
                      dst ? ofperr_get_name(dst) : "ok");
    }
    puts(ds_cstr(&ds));
    ds_destroy(&ds);
    free(copy);
}

static void
do_subvalue(const char *line, void *aux)
{
    char *copy = xstrdup(line);
    char *space = strchr(copy, ' ');
    union mf_subvalue sv, back;
    union mf_value whole;
    struct mf_subfield sf;
    struct flow flow;
    struct ds ds = DS_EMPTY_INITIALIZER;
    unsigned long long x;
    char *error;

    if (!space) {
        printf("error: expected SUBFIELD VALUE\n");
        free(copy);
        return;
    }
    *space = '\0';
    error = mf_parse_subfield(&sf, copy);
    if (error) {
        printf("error: %s\n", error);
        free(error);
        free(copy);
        return;
    }
    x = strtoull(space + 1, NULL, 0);
    memset(&sv, 0, sizeof sv);
    sv.integer = htonll(x);
    memset(&flow, 0, sizeof flow);
    mf_write_subfield_flow(&sf, &sv, &flow);
    mf_get_value(sf.field, &flow, &whole);
    mf_format(sf.field, &whole, NULL, NULL, &ds);
    mf_read_subfield(&sf, &flow, &back);
    ds_put_format(&ds, " read=%#"PRIx64" width=%d",
                  ntohll(back.integer), mf_subvalue_width(&back));
    puts(ds_cstr(&ds));
    ds_destroy(&ds);
    free(copy);
}

static void
do_metadata(const char *line, void *aux)
{
    struct match match, md, back;
    struct ofpbuf b;
    enum ofperr error;
    int priority;
    char *err = parse_match(line, &match, &priority);
    char *text;

    if (err) {
        printf("error: %s\n", err);
        free(err);
        return;
    }
    flow_get_metadata(&match.flow, &md);
    ofpbuf_init(&b, 0);
    oxm_put_raw(&b, &md, OFP13_VERSION);
    text = nx_match_to_string(b.data, b.size);
    puts(text);
    free(text);
    error = oxm_decode_match(b.data, b.size, &back);
    if (error) {
        printf("decode error: %s\n", ofperr_get_name(error));
    } else {
        text = match_to_string(&back, NULL, 0x8000);
        printf("%s%s\n", text,
               match_equal(&md, &back) ? "" : " (differs)");
        free(text);
    }
    ofpbuf_uninit(&b);
}

static void
do_header(const char *name, void *aux)
{
    static const enum ofp_version versions[] = {
        0, OFP12_VERSION, OFP13_VERSION, OFP15_VERSION
    };
    const struct mf_field *mf = mf_from_name(name);
    struct ds ds = DS_EMPTY_INITIALIZER;
    size_t i;

    if (!mf) {
        printf("error: %s: unknown field\n", name);
        return;
    }
    ds_put_format(&ds, "%s:", mf->name);
    for (i = 0; i < ARRAY_SIZE(versions); i++) {
        const struct mf_field *back;
        struct ofpbuf b;
        enum ofperr error;
        bool masked;
        size_t j;

        ofpbuf_init(&b, 0);
        nx_put_header(&b, mf->id, versions[i], mf->maskable == MFM_FULLY);
        ds_put_char(&ds, ' ');
        for (j = 0; j < b.size; j++) {
            ds_put_format(&ds, "%02x", ((uint8_t *) b.data)[j]);
        }
        error = nx_pull_header(&b, &back, &masked);
        if (error) {
            ds_put_format(&ds, "(%s)", ofperr_get_name(error));
        } else if (back != mf) {
            ds_put_format(&ds, "(%s)", back->name);
        }
        ofpbuf_uninit(&b);
    }
    puts(ds_cstr(&ds));
    ds_destroy(&ds);
}

static void
do_flow_extract(const char *s, void *aux)
{
    struct ofpbuf hex;
    struct dp_packet *p;
    struct flow flow;
    char *text;
    size_t n;

    ofpbuf_init(&hex, 0);
    if (ofpbuf_put_hex(&hex, s, &n)[0] != '\0') {
        printf("error: bad hex\n");
        ofpbuf_uninit(&hex);
        return;
    }
    p = dp_packet_clone_data(hex.data, hex.size);
    p->md.in_port.ofp_port = u16_to_ofp(1);
    flow_extract(p, &flow);
    text = flow_to_string(&flow);
    puts(text);
    free(text);
    dp_packet_delete(p);
    ofpbuf_uninit(&hex);
}

/* Appends the bytes of 'p' as hex digit pairs. */
static void
put_packet_hex(struct ds *ds, const struct dp_packet *p)
{
    const uint8_t *data = dp_packet_data(p);
    size_t i;

    for (i = 0; i < dp_packet_size(p); i++) {
        ds_put_format(ds, "%02x", data[i]);
    }
}

/* Verifies the IPv4 header checksum and the TCP/UDP/ICMP/ICMPv6 checksum
 * of packet 'p', whose offsets flow_extract() has set.  Returns a short
 * verdict. */
static const char *
check_csums(const struct dp_packet *p, const struct flow *flow)
{
    const uint8_t *l4 = dp_packet_l4(p);
    size_t l4_len = dp_packet_l4_size(p);
    uint32_t sum = 0;

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        const struct ip_header *ip = dp_packet_l3(p);

        if (csum(ip, IP_HEADER_LEN)) {
            return "bad IPv4 header checksum";
        }
        if (flow->nw_proto == IPPROTO_ICMP && l4) {
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
    if (!l4 || (flow->nw_proto != IPPROTO_TCP
                && flow->nw_proto != IPPROTO_UDP
                && flow->nw_proto != IPPROTO_ICMPV6)) {
        return "checksums ok";
    }
    return (csum_finish(csum_continue(sum, l4, l4_len))
            ? "bad L4 checksum" : "checksums ok");
}

static void
do_compose(const char *s, void *aux)
{
    struct match match;
    struct dp_packet *p;
    struct flow flow;
    struct ds ds = DS_EMPTY_INITIALIZER;
    int priority;
    char *error = parse_match(s, &match, &priority);

    if (error) {
        printf("error: %s\n", error);
        free(error);
        return;
    }
    p = dp_packet_new(0);
    flow_compose(p, &match.flow);
    put_packet_hex(&ds, p);
    puts(ds_cstr(&ds));
    ds_destroy(&ds);

    p->md.in_port = match.flow.in_port;
    flow_extract(p, &flow);
    ds_init(&ds);
    flow_format(&ds, &flow);
    puts(ds_cstr(&ds));
    puts(check_csums(p, &flow));
    ds_destroy(&ds);
    dp_packet_delete(p);
}

static void
do_write_pcap(const char *s, void *pcap_)
{
    struct pcap_file *pcap = pcap_;
    struct ofpbuf hex;
    struct dp_packet *p;

    ofpbuf_init(&hex, 0);
    if (ofpbuf_put_hex(&hex, s, NULL)[0] != '\0') {
        ovs_fatal(0, "%s: bad hex", s);
    }
    p = dp_packet_clone_data(hex.data, hex.size);
    ovs_pcap_write(pcap, p);
    dp_packet_delete(p);
    ofpbuf_uninit(&hex);
}

static void
parse_pcap(const char *file_name)
{
    FILE *stream = fopen(file_name, "rb");
    struct pcap_file *pcap;
    char *error;

    if (!stream) {
        ovs_fatal(errno, "%s: open failed", file_name);
    }
    pcap = ovs_pcap_stdio_read(stream, &error);
    if (!pcap) {
        printf("error: %s\n", error);
        free(error);
        return;
    }
    for (;;) {
        struct dp_packet *p;
        struct flow flow;
        char *text;
        int retval = ovs_pcap_read(pcap, &p, NULL, &error);

        if (retval == EOF) {
            break;
        } else if (retval) {
            printf("error: %s\n", error);
            free(error);
            break;
        }
        p->md.in_port.ofp_port = u16_to_ofp(0xffff);
        flow_extract(p, &flow);
        text = flow_to_string(&flow);
        puts(text);
        free(text);
        dp_packet_delete(p);
    }
    ovs_pcap_close(pcap);
}

/* ----- Fuzzing --------------------------------------------------------- */

/* A deterministic pseudo-random sequence (xorshift), so that a failure can
 * be reproduced. */
static uint32_t fuzz_state = 2463534242u;

static uint32_t
fuzz_random(void)
{
    fuzz_state ^= fuzz_state << 13;
    fuzz_state ^= fuzz_state >> 17;
    fuzz_state ^= fuzz_state << 5;
    return fuzz_state;
}

/* Fills 'b' with up to 'max' bytes that look like NXM/OXM entries: mostly
 * plausible headers with random payloads and lengths. */
static void
fuzz_entries(struct ofpbuf *b, size_t max)
{
    while (b->size < max) {
        uint32_t r = fuzz_random();
        const struct mf_field *mf = mf_from_id(r % MFF_N_IDS);
        enum ofp_version v = (r >> 8) % 7;
        bool masked = (r >> 12) & 1;
        size_t n, i;

        if ((r >> 16) % 8 == 0) {
            /* A header with random bits. */
            ovs_be32 h = htonl(fuzz_random());
            ofpbuf_put(b, &h, 4);
        } else {
            nx_put_header(b, mf->id, v, masked);
        }
        n = (r >> 20) % 4 == 0 ? fuzz_random() % 40
            : mf->n_bytes * (masked ? 2 : 1);
        for (i = 0; i < n; i++) {
            uint8_t byte = fuzz_random();
            ofpbuf_put(b, &byte, 1);
        }
    }
}

static void
fuzz_match_decoders(void)
{
    struct ofpbuf b, copy;
    struct match match;
    ovs_be64 cookie, cookie_mask;
    uint16_t padded;
    size_t len = fuzz_random() % 96;
    char *s;

    ofpbuf_init(&b, 0);
    if (fuzz_random() % 2) {
        struct ofp11_match_header omh;

        omh.type = htons(fuzz_random() % 3);
        omh.length = htons(fuzz_random() % 4 ? 4 + len
                           : fuzz_random() % 200);
        ofpbuf_put(&b, &omh, sizeof omh);
    }
    fuzz_entries(&b, len);
    ofpbuf_put_zeros(&b, fuzz_random() % 9);

    s = nx_match_to_string(b.data, b.size);
    free(s);
    s = oxm_match_to_string(&b, b.size);
    free(s);
    ignore(oxm_decode_match(b.data, b.size, &match));

    copy = b;
    ignore(nx_pull_match(&copy, fuzz_random() % (b.size + 9), &match,
                         &cookie, &cookie_mask));
    copy = b;
    ignore(nx_pull_match_loose(&copy, fuzz_random() % (b.size + 9), &match,
                               NULL, NULL));
    copy = b;
    ignore(oxm_pull_match(&copy, &match));
    copy = b;
    ignore(oxm_pull_match_loose(&copy, &match));
    copy = b;
    ignore(ofputil_pull_ofp11_match(&copy, &match, &padded));
    ofpbuf_uninit(&b);
}

static void
fuzz_packets(void)
{
    static const char *const seeds[] = {
        "tcp,nw_src=1.2.3.4,tp_src=80,tcp_flags=+syn",
        "udp6,dl_vlan=3,tp_dst=53",
        "icmp6,icmp_type=135,icmp_code=0,nd_target=::1,"
        "nd_sll=00:00:00:00:00:01",
        "arp,arp_op=1", "sctp", "ip,nw_frag=first", "icmp",
    };
    struct match match;
    struct dp_packet *p;
    struct flow flow;
    int priority;
    char *error;
    size_t i, n;

    error = parse_match(seeds[fuzz_random() % ARRAY_SIZE(seeds)], &match,
                        &priority);
    ovs_assert(!error);
    p = dp_packet_new(0);
    flow_compose(p, &match.flow);
    n = fuzz_random() % 6;
    for (i = 0; i < n && dp_packet_size(p); i++) {
        uint8_t *data = dp_packet_data(p);
        data[fuzz_random() % dp_packet_size(p)] = fuzz_random();
    }
    if (fuzz_random() % 3 == 0) {
        dp_packet_set_size(p, fuzz_random() % (dp_packet_size(p) + 1));
    }
    flow_extract(p, &flow);
    free(flow_to_string(&flow));
    packet_set_ipv4(p, htonl(fuzz_random()), htonl(fuzz_random()), 1, 2);
    packet_set_tcp_port(p, htons(1), htons(2));
    packet_set_udp_port(p, htons(1), htons(2));
    packet_set_sctp_port(p, htons(1), htons(2));
    packet_set_icmp(p, 1, 2);
    packet_set_nd(p, &in6addr_exact, eth_addr_zero, eth_addr_exact);
    eth_pop_vlan(p);
    eth_push_vlan(p, htons(ETH_TYPE_VLAN), htons(5));
    flow_extract(p, &flow);
    dp_packet_delete(p);
}

static void
fuzz_text(void)
{
    static const char *const pieces[] = {
        "in_port(", "eth(", "ipv4(", "ipv6(", "tcp(", "icmp(", "nd(",
        "arp(", "vlan(", "encap(", "ct_state(", "ct_label(", "src=",
        "dst=", "frag=", "proto=", "tclass=", "label=", ")", ",", "/",
        "1", "0x", "ff", "::", ".", ":", "no", "+trk", "|", "(", "=",
        "256", "-", "[", "]", "..", "reg0", "eth_src", "NXM_NX_REG0",
    };
    char buf[128];
    size_t len = 0;
    int n = fuzz_random() % 12;
    struct flow_wildcards wc;
    struct flow flow;
    struct mf_subfield sf;
    union mf_value value, mask;
    const struct mf_field *mf = mf_from_id(fuzz_random() % MFF_N_IDS);

    buf[0] = '\0';
    while (n-- > 0) {
        const char *piece = pieces[fuzz_random() % ARRAY_SIZE(pieces)];
        if (len + strlen(piece) + 1 < sizeof buf) {
            strcpy(buf + len, piece);
            len += strlen(piece);
        }
    }
    free(odp_flow_from_string(buf, &flow, &wc));
    free(mf_parse(mf, buf, NULL, &value, &mask));
    free(mf_parse_subfield(&sf, buf));
}

static void
fuzz_pcap(void)
{
    FILE *stream = tmpfile();
    struct pcap_file *pcap;
    size_t i, n = fuzz_random() % 80;
    char *error;

    if (!stream) {
        return;
    }
    if (fuzz_random() % 2) {
        static const uint8_t hdr[24] = {
            0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0
        };
        fwrite(hdr, 1, sizeof hdr, stream);
    }
    for (i = 0; i < n; i++) {
        fputc(fuzz_random() % 4 ? fuzz_random() % 64 : fuzz_random(),
              stream);
    }
    rewind(stream);
    pcap = ovs_pcap_stdio_read(stream, &error);
    if (!pcap) {
        free(error);
        return;
    }
    for (;;) {
        struct dp_packet *p;
        int retval = ovs_pcap_read(pcap, &p, NULL, &error);

        if (retval) {
            free(error);
            break;
        }
        dp_packet_delete(p);
    }
    ovs_pcap_close(pcap);
}

static void
fuzz(int n)
{
    int i;

    for (i = 0; i < n; i++) {
        fuzz_match_decoders();
        fuzz_packets();
        fuzz_text();
        if (i % 16 == 0) {
            fuzz_pcap();
        }
    }
    printf("fuzz: %d rounds\n", n);
}

static void
test_flows_main(int argc, char *argv[])
{
    int version = 0;

    if (argc < 2) {
        ovs_fatal(0, "usage: %s COMMAND [ARG]", argv[0]);
    }
    if (argc > 2 && !strcmp(argv[1], "fuzz")) {
        fuzz(atoi(argv[2]));
        return;
    }
    if (argc > 2 && !strcmp(argv[1], "write-pcap")) {
        struct pcap_file *pcap = ovs_pcap_open(argv[2], "wb");
        if (!pcap) {
            ovs_fatal(errno, "%s: open failed", argv[2]);
        }
        for_each_line(do_write_pcap, pcap);
        ovs_pcap_close(pcap);
        return;
    } else if (argc > 2 && !strcmp(argv[1], "parse-pcap")) {
        parse_pcap(argv[2]);
        return;
    }
    if (argc > 2) {
        version = parse_version(argv[2]);
        if (version < 0) {
            ovs_fatal(0, "%s: bad OpenFlow version (use 12..15)", argv[2]);
        }
    }
    if (!strcmp(argv[1], "parse-match")) {
        for_each_line(do_parse_match, NULL);
    } else if (!strcmp(argv[1], "parse-match-ports")) {
        for_each_line(do_parse_match_ports, NULL);
    } else if (!strcmp(argv[1], "nxm-roundtrip")) {
        for_each_line(do_roundtrip, &version);
    } else if (!strcmp(argv[1], "oxm-roundtrip") && version) {
        for_each_line(do_roundtrip, &version);
    } else if (!strcmp(argv[1], "nx-match")) {
        for_each_line(do_nx_match, &version);
    } else if (!strcmp(argv[1], "oxm-match") && version) {
        for_each_line(do_nx_match, &version);
    } else if (!strcmp(argv[1], "fixed-match")) {
        for_each_line(do_fixed_match, NULL);
    } else if (!strcmp(argv[1], "odp")) {
        for_each_line(do_odp, NULL);
    } else if (!strcmp(argv[1], "odp-packet")) {
        for_each_line(do_odp_packet, NULL);
    } else if (!strcmp(argv[1], "subfield")) {
        for_each_line(do_subfield, NULL);
    } else if (!strcmp(argv[1], "subvalue")) {
        for_each_line(do_subvalue, NULL);
    } else if (!strcmp(argv[1], "metadata")) {
        for_each_line(do_metadata, NULL);
    } else if (!strcmp(argv[1], "header")) {
        for_each_line(do_header, NULL);
    } else if (!strcmp(argv[1], "flow-extract")) {
        for_each_line(do_flow_extract, NULL);
    } else if (!strcmp(argv[1], "compose")) {
        for_each_line(do_compose, NULL);
    } else {
        ovs_fatal(0, "%s: unknown command", argv[1]);
    }
}

OVSTEST_REGISTER("test-flows", test_flows_main);
