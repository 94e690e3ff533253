/* Unit tests for flows, matches, fields and NXM/OXM.
 *
 * Subcommands read one input per line from stdin and print one result per
 * line, so that autotest cases can state exact expected output:
 *
 *   parse-match          match text -> match_format() text
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
 *   metadata             flow (as match text) -> flow_get_metadata() ->
 *                        OXM entries -> oxm_decode_match() -> match text
 *   header               field name -> its NXM/OXM header per version,
 *                        pulled back
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
        if (!match_equal(&match, &match2) && !version) {
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

static void
test_flows_main(int argc, char *argv[])
{
    int version = 0;

    if (argc < 2) {
        ovs_fatal(0, "usage: %s COMMAND [ARG]", argv[0]);
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
