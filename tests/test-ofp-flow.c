/*
 * Test driver for lib/ofp-flow: turns flows in ovs-ofctl syntax into
 * flow-mods and prints them, so that tests/ofp-flow.at can check parsing,
 * protocol choice, encoding and printing with exact expected text.
 *
 *   parse-flow VERSIONS FLOW    prints usable and chosen protocols and the
 *                               printed message, like ovs-ofctl -O
 *                               VERSIONS parse-flow FLOW
 *   parse-flows VERSIONS FILE   the same for every flow of FILE
 *   encode PROTOCOL CMD FLOW    prints the flow-mod as hex (CMD: add,
 *                               modify, modify_strict, delete,
 *                               delete_strict), then decodes and prints it
 *   decode HEX                  decodes a flow-mod and prints it, or the
 *                               decoding error's name
 *   stats-request PROTOCOL flow|aggregate FLOW
 *                               encodes a flow or aggregate stats request
 *                               selecting FLOW (delete syntax) and prints
 *                               it as hex and text
 *   flow-removed PROTOCOL REASON FLOW
 *                               encodes a flow-removed for FLOW and prints
 *                               it as hex and text
 *   stats-reply PROTOCOL FLOW...
 *                               encodes a flow stats reply with one entry
 *                               per FLOW and prints it as hex and text
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "openflow/openflow-1.0.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "ovstest.h"

static enum ofputil_protocol
protocols_arg(const char *s)
{
    enum ofputil_protocol p = ofputil_protocols_from_string(s);
    if (!p) {
        ovs_fatal(0, "%s: unknown protocols", s);
    }
    return p;
}

/* Returns every protocol of the OpenFlow versions listed in 's' (as for
 * ovs-ofctl -O), e.g. "OpenFlow10,OpenFlow13". */
static enum ofputil_protocol
versions_arg(const char *s)
{
    uint32_t versions = ofputil_versions_from_string(s);
    enum ofputil_protocol p = 0;

    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        if (versions & (1u << v)) {
            enum ofputil_protocol vp = ofputil_protocols_from_ofp_version(v);
            for (size_t i = 0; i < ofputil_n_protocols; i++) {
                if (vp & ofputil_protocols[i]) {
                    p |= ofputil_protocol_set_tid(ofputil_protocols[i], true);
                    p |= ofputil_protocol_set_tid(ofputil_protocols[i], false);
                }
            }
        }
    }
    if (!p) {
        ovs_fatal(0, "%s: unknown versions", s);
    }
    return p;
}

/* Returns the first protocol, in preference order, in 'usable', preferring
 * each base protocol to its table-id variant. */
static enum ofputil_protocol
choose_protocol(enum ofputil_protocol usable)
{
    for (size_t i = 0; i < ofputil_n_protocols; i++) {
        enum ofputil_protocol p = ofputil_protocols[i];
        enum ofputil_protocol tid = ofputil_protocol_set_tid(p, true);

        if (usable & p) {
            return p;
        } else if (usable & tid) {
            return tid;
        }
    }
    return 0;
}

/* Prints usable and chosen protocols, then each of the 'n' flow-mods in
 * 'fms' encoded and printed. */
static int
print_flow_mods(const struct ofputil_flow_mod *fms, size_t n,
                enum ofputil_protocol usable, enum ofputil_protocol allowed)
{
    enum ofputil_protocol chosen;
    char *names = ofputil_protocols_to_string(usable);

    printf("usable protocols: %s\n", names);
    free(names);
    chosen = choose_protocol(usable & allowed);
    if (!chosen) {
        fflush(stdout);
        fprintf(stderr, "no usable protocol\n");
        return 1;
    }
    printf("chosen protocol: %s\n", ofputil_protocol_to_string(chosen));
    for (size_t i = 0; i < n; i++) {
        struct ofpbuf *msg = ofputil_encode_flow_mod(&fms[i], chosen);
        ofp_print(stdout, msg->data, msg->size, NULL, 2);
        ofpbuf_delete(msg);
    }
    return 0;
}

static int
do_parse_flow(char *argv[])
{
    enum ofputil_protocol allowed = versions_arg(argv[1]);
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    char *error;
    int status;

    error = parse_ofp_flow_mod_str(&fm, argv[2], NULL, OFPFC_ADD, &usable);
    if (error) {
        fprintf(stderr, "%s\n", error);
        free(error);
        return 1;
    }
    status = print_flow_mods(&fm, 1, usable, allowed);
    free(fm.ofpacts);
    return status;
}

static int
do_parse_flows(char *argv[])
{
    enum ofputil_protocol allowed = versions_arg(argv[1]);
    enum ofputil_protocol usable;
    struct ofputil_flow_mod *fms;
    size_t n_fms;
    char *error;
    int status;

    error = parse_ofp_flow_mod_file(argv[2], NULL, OFPFC_ADD, &fms, &n_fms,
                                    &usable);
    if (error) {
        fprintf(stderr, "%s\n", error);
        free(error);
        return 1;
    }
    status = print_flow_mods(fms, n_fms, usable, allowed);
    for (size_t i = 0; i < n_fms; i++) {
        free(fms[i].ofpacts);
    }
    free(fms);
    return status;
}

static int
command_arg(const char *s)
{
    static const char *const names[] = {
        "add", "modify", "modify_strict", "delete", "delete_strict",
    };
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (!strcmp(s, names[i])) {
            return i;
        }
    }
    ovs_fatal(0, "%s: unknown command", s);
}

static void
print_hex_and_text(const struct ofpbuf *msg)
{
    for (size_t i = 0; i < msg->size; i++) {
        printf("%02x", ((const uint8_t *) msg->data)[i]);
    }
    putchar('\n');
    ofp_print(stdout, msg->data, msg->size, NULL, 2);
}

static int
do_encode(char *argv[])
{
    enum ofputil_protocol protocol = protocols_arg(argv[1]);
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    struct ofpbuf *msg;
    char *error;

    error = parse_ofp_str(&fm, command_arg(argv[2]), argv[3], NULL,
                          &usable);
    if (error) {
        fprintf(stderr, "%s\n", error);
        free(error);
        return 1;
    }
    msg = ofputil_encode_flow_mod(&fm, protocol);
    print_hex_and_text(msg);
    ofpbuf_delete(msg);
    free(fm.ofpacts);
    return 0;
}

/* Parses 'flow' as a delete command would (match, table, cookie,
 * out_port) into a flow stats request. */
static int
do_stats_request(char *argv[])
{
    enum ofputil_protocol protocol = protocols_arg(argv[1]);
    struct ofputil_flow_stats_request fsr;
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    struct ofpbuf *msg;
    char *error;

    error = parse_ofp_str(&fm, OFPFC_DELETE, argv[3], NULL, &usable);
    if (error) {
        fprintf(stderr, "%s\n", error);
        free(error);
        return 1;
    }
    memset(&fsr, 0, sizeof fsr);
    fsr.aggregate = !strcmp(argv[2], "aggregate");
    fsr.match = fm.match;
    fsr.table_id = fm.table_id;
    fsr.out_port = fm.out_port;
    fsr.out_group = fm.out_group;
    fsr.cookie = fm.cookie;
    fsr.cookie_mask = fm.cookie_mask;
    free(fm.ofpacts);

    msg = ofputil_encode_flow_stats_request(&fsr, protocol);
    print_hex_and_text(msg);
    ofpbuf_delete(msg);
    return 0;
}

/* Builds a flow stats reply to a request in 'protocol' with one flow per
 * FLOW argument (add syntax), giving flow N the counters N, 100*N, a
 * duration of N.5 seconds and, for NXST, ages N and N+1. */
static int
do_stats_reply(int argc, char *argv[])
{
    enum ofputil_protocol protocol = protocols_arg(argv[1]);
    struct ofputil_flow_stats_request fsr;
    struct ofpbuf *request;
    struct ovs_list replies;
    struct ofpbuf *reply;

    memset(&fsr, 0, sizeof fsr);
    match_init_catchall(&fsr.match);
    fsr.table_id = 0xff;
    fsr.out_port = OFPP_NONE;
    fsr.out_group = 0xffffffff;
    request = ofputil_encode_flow_stats_request(&fsr, protocol);
    ofpmp_init(&replies, request->data);

    for (int i = 2; i < argc; i++) {
        struct ofputil_flow_stats fs;
        enum ofputil_protocol usable;
        struct ofputil_flow_mod fm;
        char *error;

        error = parse_ofp_str(&fm, OFPFC_ADD, argv[i], NULL, &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        memset(&fs, 0, sizeof fs);
        fs.match = fm.match;
        fs.priority = fm.priority;
        fs.cookie = fm.new_cookie;
        fs.table_id = fm.table_id == 0xff ? 0 : fm.table_id;
        fs.duration_sec = i - 1;
        fs.duration_nsec = 500000000;
        fs.idle_timeout = fm.idle_timeout;
        fs.hard_timeout = fm.hard_timeout;
        fs.importance = fm.importance;
        fs.flags = fm.flags;
        fs.idle_age = i - 1;
        fs.hard_age = i;
        fs.packet_count = i - 1;
        fs.byte_count = 100 * (i - 1);
        fs.ofpacts = fm.ofpacts;
        fs.ofpacts_len = fm.ofpacts_len;
        ofputil_append_flow_stats_reply(&fs, &replies);
        free(fm.ofpacts);
    }

    LIST_FOR_EACH_POP (reply, list_node, &replies) {
        ofpmsg_update_length(reply);
        print_hex_and_text(reply);
        ofpbuf_delete(reply);
    }
    ofpbuf_delete(request);
    return 0;
}

/* Encodes a flow-removed for FLOW (add syntax) with reason REASON (a
 * number), duration 3.25 s, 4 packets and 400 bytes. */
static int
do_flow_removed(char *argv[])
{
    enum ofputil_protocol protocol = protocols_arg(argv[1]);
    struct ofputil_flow_removed fr;
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    struct ofpbuf *msg;
    char *error;

    error = parse_ofp_str(&fm, OFPFC_ADD, argv[3], NULL, &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    memset(&fr, 0, sizeof fr);
    fr.match = fm.match;
    fr.priority = fm.priority;
    fr.cookie = fm.new_cookie;
    fr.reason = atoi(argv[2]);
    fr.table_id = fm.table_id;
    fr.duration_sec = 3;
    fr.duration_nsec = 250000000;
    fr.idle_timeout = fm.idle_timeout;
    fr.hard_timeout = fm.hard_timeout;
    fr.packet_count = 4;
    fr.byte_count = 400;
    free(fm.ofpacts);

    msg = ofputil_encode_flow_removed(&fr, protocol);
    print_hex_and_text(msg);
    ofpbuf_delete(msg);
    return 0;
}

static int
do_decode(char *argv[])
{
    struct ofpbuf msg, ofpacts;
    struct ofputil_flow_mod fm;
    enum ofputil_protocol protocol;
    const struct ofp_header *oh;
    enum ofperr error;
    size_t n;
    char *tail;
    struct ds s = DS_EMPTY_INITIALIZER;

    ofpbuf_init(&msg, 64);
    tail = ofpbuf_put_hex(&msg, argv[1], &n);
    if (*tail || msg.size < sizeof *oh) {
        ovs_fatal(0, "bad hex");
    }
    oh = msg.data;
    protocol = ofputil_protocol_from_ofp_version(oh->version);
    protocol = ofputil_protocol_set_tid(protocol, true);
    ofpbuf_init(&ofpacts, 64);
    error = ofputil_decode_flow_mod(&fm, oh, protocol, &ofpacts);
    if (error) {
        printf("error: %s\n", ofperr_get_name(error));
    } else {
        ofputil_flow_mod_format(&s, &fm, oh->version, NULL);
        printf("%s\n", ds_cstr(&s));
    }
    ds_destroy(&s);
    ofpbuf_uninit(&ofpacts);
    ofpbuf_uninit(&msg);
    return error ? 1 : 0;
}

static void
test_ofp_flow_main(int argc, char *argv[])
{
    static const struct {
        const char *name;
        int n_args;
        int (*run)(char *argv[]);
    } commands[] = {
        { "parse-flow", 2, do_parse_flow },
        { "parse-flows", 2, do_parse_flows },
        { "encode", 3, do_encode },
        { "decode", 1, do_decode },
        { "stats-request", 3, do_stats_request },
        { "flow-removed", 3, do_flow_removed },
    };

    set_program_name(argv[0]);
    if (argc > 2 && !strcmp(argv[1], "stats-reply")) {
        exit(do_stats_reply(argc - 1, argv + 1));
    }
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
        if (argc > 1 && !strcmp(argv[1], commands[i].name)) {
            if (argc - 2 != commands[i].n_args) {
                ovs_fatal(0, "%s takes %d arguments", commands[i].name,
                          commands[i].n_args);
            }
            exit(commands[i].run(argv + 1));
        }
    }
    ovs_fatal(0, "usage: %s parse-flow|parse-flows|encode|decode ...",
              argv[0]);
}

OVSTEST_REGISTER("test-ofp-flow", test_ofp_flow_main);
