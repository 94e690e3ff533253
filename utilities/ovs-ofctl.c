/*
 * ovs-ofctl: the OpenFlow command-line client.
 *
 * This file holds option parsing, the command table and the commands that
 * work without a switch (decoding messages, parsing flows and packets).
 * Commands that talk to a switch are added to the same table as the
 * connection code grows.
 */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "command-line.h"
#include "dp-packet.h"
#include "flow.h"
#include "odp-util.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "pcap-file.h"
#include "openflow/openflow-1.0.h"

/* --protocols / -O: OpenFlow versions to offer when connecting. */
static uint32_t allowed_versions = OFPUTIL_DEFAULT_VERSIONS;

/* --flow-format / -F: the protocols that a command may use. */
static enum ofputil_protocol allowed_protocols = OFPUTIL_P_ANY;

static const struct ovs_cmdl_command *get_all_commands(void);

OVS_NO_RETURN static void usage(void);

enum {
    OPT_FIRST_LONG = UCHAR_MAX + 1,
    VLOG_OPTION_ENUMS,
};

/* Acts on one option 'c' with argument 'arg' (may be NULL). */
static void
apply_option(int c, const char *arg)
{
    char *error = NULL;

    switch (c) {
    case 'V':
        ovs_print_version(OFP10_VERSION, OFP15_VERSION);
        exit(EXIT_SUCCESS);

    case 'h':
        usage();

    case 'O':
        if (!ofputil_decode_version_list(arg, &allowed_versions, &error)) {
            ovs_fatal(0, "%s", error);
        } else if (!allowed_versions) {
            ovs_fatal(0, "-O requires at least one OpenFlow version");
        }
        return;

    case 'F':
        allowed_protocols = ofputil_protocols_from_string(arg);
        if (!allowed_protocols) {
            ovs_fatal(0, "%s: invalid flow format(s)", arg);
        }
        return;

    case '?':
        /* getopt_long() already said what was wrong. */
        exit(EXIT_FAILURE);

    default:
        OVS_NOT_REACHED();
    }
}

static void
parse_options(int argc, char *argv[])
{
    static const struct option long_options[] = {
        {"protocols", required_argument, NULL, 'O'},
        {"flow-format", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        VLOG_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(
        long_options);
    int c;

    while ((c = getopt_long(argc, argv, short_options, long_options,
                            NULL)) != -1) {
        switch (c) {
        VLOG_OPTION_HANDLERS
        default:
            apply_option(c, optarg);
            break;
        }
    }
    free(short_options);
}

static void
usage(void)
{
    printf("%s: OpenFlow switch management utility\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n"
           "\nOffline commands:\n"
           "  ofp-print HEX [VERBOSITY]   decode and print an OpenFlow "
           "message\n"
           "  print-error ENUM            print error ENUM's codes\n"
           "  encode-error-reply ENUM HEX encode error reply to HEX\n"
           "  parse-pcap PCAP...          print flows of packets in PCAP\n"
           "  compose-packet DP_FLOW      print packet for datapath flow\n"
           "  parse-flow FLOW             print flow-mod for FLOW\n"
           "  parse-flows FILE            print flow-mods for flows in FILE\n"
           "\nOptions:\n"
           "  -O, --protocols=LIST    OpenFlow versions to allow, e.g. "
           "OpenFlow10,OpenFlow13\n"
           "  -F, --flow-format=LIST  flow formats (protocols) to allow\n"
           "  -v, --verbose=SPEC      set logging levels\n"
           "  -h, --help              display this help message\n"
           "  -V, --version           display version information\n",
           ovs_get_program_name(), ovs_get_program_name());
    exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    parse_options(argc, argv);

    /* What getopt_long() left is the command and its arguments. */
    struct ovs_cmdl_context ctx = {
        .argc = argc - optind,
        .argv = argv + optind,
    };
    ovs_cmdl_run_command(&ctx, get_all_commands());
    return 0;
}

/* ofp-print HEX [VERBOSITY]: decodes and prints the OpenFlow message given
 * as hex digits (white space allowed between bytes). */
static void
ofctl_ofp_print(struct ovs_cmdl_context *ctx)
{
    struct ofpbuf packet;
    int verbosity = 2;
    char *buffer;

    ofpbuf_init(&packet, strlen(ctx->argv[1]) / 2);
    buffer = ofpbuf_put_hex(&packet, ctx->argv[1], NULL);
    buffer += strspn(buffer, " \t\r\n");
    if (*buffer) {
        ovs_fatal(0, "trailing garbage following hex bytes");
    }
    if (ctx->argc > 2) {
        if (!str_to_int(ctx->argv[2], 10, &verbosity) || verbosity < 0) {
            ovs_fatal(0, "%s: invalid verbosity", ctx->argv[2]);
        }
    }
    ofp_print(stdout, packet.data, packet.size, NULL, verbosity);
    ofpbuf_uninit(&packet);
}

/* print-error ENUM: prints how each OpenFlow version encodes error ENUM. */
static void
ofctl_print_error(struct ovs_cmdl_context *ctx)
{
    enum ofperr error = ofperr_from_name(ctx->argv[1]);
    if (!error) {
        ovs_fatal(0, "unknown error \"%s\"", ctx->argv[1]);
    }

    for (int version = OFP10_VERSION; version <= OFP15_VERSION; version++) {
        int vendor = ofperr_get_vendor(error, version);
        int type = ofperr_get_type(error, version);
        int code = ofperr_get_code(error, version);

        if (vendor < 0) {
            continue;
        }
        if (vendor && version >= OFP12_VERSION) {
            /* Experimenter errors have only a code; show it as the type,
             * the way Open vSwitch does. */
            type = code;
            code = 0;
        }
        printf("%s: vendor %#x, type %d, code %d\n",
               ofperr_domain_get_name(version), vendor, type, code);
    }
}

/* encode-error-reply ENUM HEX: prints, as hex, the error reply to the
 * OpenFlow message given in HEX. */
static void
ofctl_encode_error_reply(struct ovs_cmdl_context *ctx)
{
    enum ofperr error = ofperr_from_name(ctx->argv[1]);
    if (!error) {
        ovs_fatal(0, "unknown error \"%s\"", ctx->argv[1]);
    }

    struct ofpbuf request;
    ofpbuf_init(&request, 0);
    char *tail = ofpbuf_put_hex(&request, ctx->argv[2], NULL);
    tail += strspn(tail, " \t\r\n");
    if (*tail) {
        ovs_fatal(0, "trailing garbage following hex bytes");
    }
    const struct ofp_header *oh = request.data;
    if (request.size < sizeof *oh || ntohs(oh->length) != request.size) {
        ovs_fatal(0, "Request size inconsistent");
    }

    struct ofpbuf *reply = ofperr_encode_reply(error, oh);
    ovs_hex_dump(stdout, reply->data, reply->size, 0, false);
    ofpbuf_delete(reply);
    ofpbuf_uninit(&request);
}

/* parse-pcap FILE...: prints the flow extracted from each packet in each
 * pcap FILE, one per line, as a match would print it (in_port=ANY). */
static void
ofctl_parse_pcap(struct ovs_cmdl_context *ctx)
{
    for (int i = 1; i < ctx->argc; i++) {
        const char *file_name = ctx->argv[i];
        FILE *stream = fopen(file_name, "rb");
        if (!stream) {
            ovs_fatal(errno, "%s: open failed", file_name);
        }

        char *error;
        struct pcap_file *pcap = ovs_pcap_stdio_read(stream, &error);
        if (!pcap) {
            ovs_fatal(0, "%s: %s", file_name, error);
        }

        for (;;) {
            struct dp_packet *packet;
            int retval = ovs_pcap_read(pcap, &packet, NULL, &error);
            if (retval == EOF) {
                break;
            } else if (retval) {
                ovs_fatal(0, "%s: %s", file_name, error);
            }

            struct flow flow;
            packet->md.in_port.ofp_port = OFPP_NONE;
            flow_extract(packet, &flow);
            char *text = flow_to_string(&flow);
            puts(text);
            free(text);
            dp_packet_delete(packet);
        }
        ovs_pcap_close(pcap);
    }
}

/* compose-packet DP_FLOW: prints, as one line of hex, the Ethernet frame
 * described by datapath flow DP_FLOW (the form "in_port(1),eth(...),..."
 * that ovs-appctl netdev-dummy/receive also takes).  Open vSwitch 3.1's
 * command of the same name takes an OpenFlow flow instead. */
static void
ofctl_compose_packet(struct ovs_cmdl_context *ctx)
{
    struct flow flow;
    char *error = odp_flow_from_string(ctx->argv[1], &flow, NULL);
    if (error) {
        ovs_fatal(0, "%s", error);
    }

    struct dp_packet *packet = dp_packet_new(0);
    flow_compose(packet, &flow);

    const uint8_t *data = dp_packet_data(packet);
    for (size_t i = 0; i < dp_packet_size(packet); i++) {
        printf("%02x", data[i]);
    }
    putchar('\n');
    dp_packet_delete(packet);
}

/* The protocols that -O and -F together allow. */
static enum ofputil_protocol
get_allowed_protocols(void)
{
    enum ofputil_protocol allowed = 0;

    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        if (allowed_versions & (1u << v)) {
            enum ofputil_protocol p = ofputil_protocols_from_ofp_version(v);
            allowed |= p;
            for (size_t i = 0; i < ofputil_n_protocols; i++) {
                if (p & ofputil_protocols[i]) {
                    allowed |= ofputil_protocol_set_tid(ofputil_protocols[i],
                                                        true);
                }
            }
        }
    }
    return allowed & allowed_protocols;
}

/* Prints what parse-flow and parse-flows print for the 'n' flow-mods in
 * 'fms', which together can use 'usable'. */
static void
print_parsed_flow_mods(struct ofputil_flow_mod *fms, size_t n,
                       enum ofputil_protocol usable)
{
    enum ofputil_protocol allowed = usable & get_allowed_protocols();
    enum ofputil_protocol chosen = 0;
    char *names = ofputil_protocols_to_string(usable);

    printf("usable protocols: %s\n", names);
    free(names);
    for (size_t i = 0; i < ofputil_n_protocols && !chosen; i++) {
        enum ofputil_protocol base = ofputil_protocols[i];
        enum ofputil_protocol tid = ofputil_protocol_set_tid(base, true);
        chosen = (allowed & base ? base : allowed & tid ? tid : 0);
    }
    if (!chosen) {
        ovs_fatal(0, "no usable protocol");
    }
    printf("chosen protocol: %s\n", ofputil_protocol_to_string(chosen));

    for (size_t i = 0; i < n; i++) {
        struct ofpbuf *msg = ofputil_encode_flow_mod(&fms[i], chosen);
        ofp_print(stdout, msg->data, msg->size, NULL, 2);
        ofpbuf_delete(msg);
        free(fms[i].ofpacts);
    }
}

/* parse-flow FLOW: parses FLOW as add-flow would and prints the protocols
 * that can carry it and the flow-mod. */
static void
ofctl_parse_flow(struct ovs_cmdl_context *ctx)
{
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    char *error;

    error = parse_ofp_flow_mod_str(&fm, ctx->argv[1], NULL, OFPFC_ADD,
                                   &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    print_parsed_flow_mods(&fm, 1, usable);
}

/* parse-flows FILE: the same for every flow in FILE. */
static void
ofctl_parse_flows(struct ovs_cmdl_context *ctx)
{
    enum ofputil_protocol usable;
    struct ofputil_flow_mod *fms;
    size_t n_fms;
    char *error;

    error = parse_ofp_flow_mod_file(ctx->argv[1], NULL, OFPFC_ADD, &fms,
                                    &n_fms, &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    print_parsed_flow_mods(fms, n_fms, usable);
    free(fms);
}

/* "help" prints the usage text; "list-commands" the command table. */
static void
ofctl_help_or_list(struct ovs_cmdl_context *ctx)
{
    if (!strcmp(ctx->argv[0], "help")) {
        usage();
    }
    ovs_cmdl_print_commands(get_all_commands());
}

static const struct ovs_cmdl_command all_commands[] = {
    { "ofp-print", "HEX [VERBOSITY]", 1, 2, ofctl_ofp_print, OVS_RO },
    { "print-error", "ENUM", 1, 1, ofctl_print_error, OVS_RO },
    { "parse-pcap", "PCAP...", 1, INT_MAX, ofctl_parse_pcap, OVS_RO },
    { "compose-packet", "DP_FLOW", 1, 1, ofctl_compose_packet, OVS_RO },
    { "encode-error-reply", "ENUM HEX", 2, 2, ofctl_encode_error_reply,
      OVS_RO },
    { "parse-flow", "FLOW", 1, 1, ofctl_parse_flow, OVS_RO },
    { "parse-flows", "FILE", 1, 1, ofctl_parse_flows, OVS_RO },
    { "help", NULL, 0, INT_MAX, ofctl_help_or_list, OVS_RO },
    { "list-commands", NULL, 0, INT_MAX, ofctl_help_or_list, OVS_RO },
    { NULL, NULL, 0, 0, NULL, OVS_RO },
};

static const struct ovs_cmdl_command *
get_all_commands(void)
{
    return all_commands;
}
