/*
 * ovs-ofctl: the OpenFlow command-line client.
 *
 * Two kinds of command live here.  Offline commands (ofp-print,
 * parse-flow, parse-pcap, ...) only use the codec.  Online commands talk
 * to a switch named by a "target": a bridge name (its management socket
 * $OVS_RUNDIR/BRIDGE.mgmt), a socket file, or an active connection method
 * such as unix:FILE, tcp:IP[:PORT] or ssl:IP[:PORT].
 *
 * The online commands reproduce Open vSwitch 3.1's ovs-ofctl as seen from
 * outside: the same arguments, the same printed text and the same
 * conversation with the switch.  That last point shows through in one
 * place that users see, the transaction ids in printed replies: before
 * parsing a flow that may name ports, Open vSwitch looks the switch's
 * port names (and table names) up on connections of their own, and every
 * message of those connections, hellos included, draws from the same
 * process-wide xid counter.  We look names up at the same moments, so
 * "NXST_FLOW reply (xid=0x4)" reads the same from either program.
 *
 * Flow formats.  An OpenFlow 1.0 connection starts in the plain OpenFlow
 * 1.0 format; a flow that needs more (a register, a table id) switches the
 * connection to NXM and/or turns on table ids in flow-mods first, with
 * NXT_SET_FLOW_FORMAT and NXT_FLOW_MOD_TABLE_ID.  Flow dumps prefer NXM
 * there, because NXST_FLOW replies carry flow ages.
 *
 * "monitor" keeps the connection open and prints every message the switch
 * sends.  With "resume" it also plays the controller's part of closures:
 * it asks for NXT_CLOSURE messages and sends each one straight back as an
 * NXT_RESUME, so that a paused packet carries on through the pipeline.
 */

#include <config.h>

/* C library and POSIX. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>

#include "byte-order.h"
#include "command-line.h"
#include "daemon.h"
#include "dirs.h"
#include "dp-packet.h"
#include "flow.h"
#include "match.h"
#include "meta-flow.h"
#include "odp-util.h"
#include "ofp-actions.h"
#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "ofp-switch.h"
#include "ofp-table-stats.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "pcap-file.h"
#include "socket-util.h"
#include "timeval.h"
#include "unixctl.h"
#include "vconn.h"
#include "openflow/openflow-1.0.h"

VLOG_DEFINE_THIS_MODULE(ofctl);

/* --protocols / -O: OpenFlow versions to offer when connecting.  Like
 * Open vSwitch 3.1's ovs-ofctl, only OpenFlow 1.0 unless told otherwise. */
static uint32_t allowed_versions = 1u << OFP10_VERSION;

/* --flow-format / -F: the protocols that a command may use. */
static enum ofputil_protocol allowed_protocols = OFPUTIL_P_ANY;

/* --strict: mod-flows and del-flows match priority and wildcards
 * exactly. */
static bool strict;

/* --timeout: give up after this many seconds (0: never). */
static int timeout_secs;

/* --names / --no-names: 1 or 0; -1 means "if stdout is a terminal". */
static int show_names = -1;

/* --stats / --no-stats: dump-flows prints counters and durations. */
static bool show_stats = true;

/* -m / --more: added to the verbosity of printed messages. */
static int verbosity;

/* -P / --packet-in-format for "monitor"; -1 for the default. */
static int preferred_packet_in_format = -1;

/* --timestamp: "monitor" prefixes each message with the time. */
static bool timestamp;

/* --sort / --rsort: how dump-flows orders flows.  A NULL 'field' sorts by
 * priority; 'order' is 1 for ascending, -1 for descending. */
struct sort_criterion {
    const struct mf_field *field;
    int order;
};
static struct sort_criterion *criteria;
static size_t n_criteria;

static const struct ovs_cmdl_command *get_all_commands(void);

OVS_NO_RETURN static void usage(void);

enum {
    OPT_FIRST_LONG = UCHAR_MAX + 1,
    OPT_STRICT,
    OPT_TIMEOUT,
    OPT_NAMES,
    OPT_NO_NAMES,
    OPT_STATS,
    OPT_NO_STATS,
    OPT_SORT,
    OPT_RSORT,
    OPT_TIMESTAMP,
    DAEMON_OPTION_ENUMS,
    VLOG_OPTION_ENUMS,
};

static void
add_sort_criterion(int order, const char *field_name)
{
    const struct mf_field *field = NULL;

    if (field_name && strcasecmp(field_name, "priority")) {
        field = mf_from_name(field_name);
        if (!field) {
            ovs_fatal(0, "%s: unknown field name", field_name);
        }
    }
    criteria = xrealloc(criteria, (n_criteria + 1) * sizeof *criteria);
    criteria[n_criteria].field = field;
    criteria[n_criteria].order = order;
    n_criteria++;
}

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

    case 'P':
        preferred_packet_in_format =
            ofputil_packet_in_format_from_string(arg);
        if (preferred_packet_in_format < 0) {
            ovs_fatal(0, "unknown packet-in format `%s'", arg);
        }
        return;

    case 'm':
        verbosity++;
        return;

    case 't':
    case OPT_TIMEOUT:
        if (!str_to_int(arg, 10, &timeout_secs) || timeout_secs < 0) {
            ovs_fatal(0, "value %s on -t or --timeout is invalid", arg);
        }
        return;

    case OPT_STRICT:
        strict = true;
        return;

    case OPT_NAMES:
    case OPT_NO_NAMES:
        show_names = c == OPT_NAMES;
        return;

    case OPT_STATS:
    case OPT_NO_STATS:
        show_stats = c == OPT_STATS;
        return;

    case OPT_SORT:
    case OPT_RSORT:
        add_sort_criterion(c == OPT_SORT ? 1 : -1, arg);
        return;

    case OPT_TIMESTAMP:
        timestamp = true;
        return;

    case '?':
        /* getopt_long() already said what was wrong. */
        exit(EXIT_FAILURE);

    default:
        OVS_NOT_REACHED();
    }
}

/* All the protocols of version 'v', with and without table ids. */
static enum ofputil_protocol
protocols_of_version(enum ofp_version v)
{
    enum ofputil_protocol base = ofputil_protocols_from_ofp_version(v);
    enum ofputil_protocol all = base;

    for (size_t i = 0; i < ofputil_n_protocols; i++) {
        if (base & ofputil_protocols[i]) {
            all |= ofputil_protocol_set_tid(ofputil_protocols[i], true);
        }
    }
    return all;
}

/* The protocols that -O and -F together allow. */
static enum ofputil_protocol
get_allowed_protocols(void)
{
    enum ofputil_protocol allowed = 0;

    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        if (allowed_versions & (1u << v)) {
            allowed |= protocols_of_version(v);
        }
    }
    return allowed & allowed_protocols;
}

/* -O and -F must leave something to talk; then -F also narrows -O (-F NXM
 * means OpenFlow 1.0). */
static void
reconcile_versions_and_formats(void)
{
    if (!get_allowed_protocols()) {
        struct ds versions = DS_EMPTY_INITIALIZER;
        char *formats = ofputil_protocols_to_string(allowed_protocols);

        ofputil_format_version_bitmap_names(&versions, allowed_versions);
        ovs_fatal(0, "None of the enabled OpenFlow versions (%s) supports "
                  "any of the enabled flow formats (%s).  (Use -O to enable "
                  "additional OpenFlow versions or -F to enable additional "
                  "flow formats.)", ds_cstr(&versions), formats);
    }
    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        if (!(protocols_of_version(v) & allowed_protocols)) {
            allowed_versions &= ~(1u << v);
        }
    }
}

/* Reads the options in 'argv' into the variables above. */
static void
parse_command_line(int argc, char *argv[])
{
    static const struct option options[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"protocols", required_argument, NULL, 'O'},
        {"flow-format", required_argument, NULL, 'F'},
        {"packet-in-format", required_argument, NULL, 'P'},
        {"more", no_argument, NULL, 'm'},
        {"timeout", required_argument, NULL, 't'},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"names", no_argument, NULL, OPT_NAMES},
        {"no-names", no_argument, NULL, OPT_NO_NAMES},
        {"stats", no_argument, NULL, OPT_STATS},
        {"no-stats", no_argument, NULL, OPT_NO_STATS},
        {"sort", optional_argument, NULL, OPT_SORT},
        {"rsort", optional_argument, NULL, OPT_RSORT},
        {"timestamp", no_argument, NULL, OPT_TIMESTAMP},
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(options);
    int c;

    while ((c = getopt_long(argc, argv, short_options, options,
                            NULL)) != -1) {
        switch (c) {
        DAEMON_OPTION_HANDLERS
        VLOG_OPTION_HANDLERS
        default:
            apply_option(c, optarg);
            break;
        }
    }
    free(short_options);
    reconcile_versions_and_formats();
}

/* The commands and options, as "ovs-ofctl --help" lists them. */
static void
usage(void)
{
    static const char *const lines[] = {
        "Commands that talk to a switch (SWITCH):",
        "  show SWITCH                   features, ports and configuration",
        "  dump-desc SWITCH              manufacturer and software",
        "  dump-tables SWITCH            flow table statistics",
        "  dump-ports SWITCH [PORT]      port counters",
        "  dump-ports-desc SWITCH [PORT] port descriptions",
        "  mod-port SWITCH PORT ACTION   up, down, [no-]flood, ...",
        "  dump-flows SWITCH [FLOWS]     the flows (that FLOWS selects)",
        "  dump-aggregate SWITCH [FLOWS] totals over those flows",
        "  add-flow SWITCH FLOW          add one flow",
        "  add-flows SWITCH FILE|-       add each flow of FILE",
        "  mod-flows SWITCH FLOW         change the actions of flows",
        "  del-flows SWITCH [FLOWS]      delete flows (all without FLOWS)",
        "  replace-flows SWITCH FILE     make the flows those of FILE",
        "  diff-flows SOURCE1 SOURCE2    compare switches or flow files",
        "  packet-out SWITCH \"in_port=P packet=HEX actions=A\"",
        "  packet-out SWITCH IN_PORT ACTIONS PACKET...",
        "                                run actions on packets",
        "  monitor SWITCH [MISS_LEN] [invalid_ttl] [resume]",
        "                                print what the switch sends",
        "  snoop SWITCH                  print a controller's conversation",
        "  probe SWITCH                  check that the switch answers",
        "",
        "Commands that need no switch:",
        "  ofp-print HEX [VERBOSITY]     decode an OpenFlow message",
        "  print-error ENUM              how ENUM is encoded",
        "  encode-error-reply ENUM HEX   the error reply to HEX",
        "  parse-pcap PCAP...            flows of the packets in PCAP",
        "  compose-packet DP_FLOW        the packet a datapath flow describes",
        "  parse-flow FLOW               the flow-mod for FLOW",
        "  parse-flows FILE              the flow-mods for FILE's flows",
        "",
        "SWITCH: a bridge name, a socket file, unix:FILE, tcp:IP[:PORT] or",
        "ssl:IP[:PORT].",
        "",
        "Options:",
        "  -O, --protocols=VERSIONS      OpenFlow versions to offer",
        "                                (default OpenFlow10)",
        "  -F, --flow-format=FORMATS     flow formats to allow",
        "  -P, --packet-in-format=FORMAT packet-in format for monitor",
        "  --strict                      exact match for mod/del-flows",
        "  -t, --timeout=SECS            give up after SECS seconds",
        "  --names, --no-names           ports by name or by number",
        "  --stats, --no-stats           flow counters in dump-flows",
        "  --sort[=FIELD], --rsort[=FIELD]  order of dump-flows",
        "  --timestamp                   time of each monitor message",
        "  -m, --more                    print messages in more detail",
        "  --detach, --pidfile[=FILE], --no-chdir  monitor as a daemon",
        "  -v, --verbose=SPEC            logging levels",
        "  -h, --help                    this text",
        "  -V, --version                 version",
    };

    printf("%s: OpenFlow switch management utility\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n\n",
           ovs_get_program_name(), ovs_get_program_name());
    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        puts(lines[i]);
    }
    exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    parse_command_line(argc, argv);
    if (timeout_secs) {
        /* The default action of SIGALRM ends the process. */
        alarm(timeout_secs);
    }

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


/* ---------------------------------------------------------------------- */
/* Talking to a switch. */

/* If 'retval' is nonzero, exits with a message made of 'format' and the
 * error 'retval' stands for. */
static void OVS_PRINTF_FORMAT(2, 3)
run(int retval, const char *format, ...)
{
    if (retval) {
        va_list args;

        va_start(args, format);
        ovs_fatal_valist(retval, format, args);
    }
}

static bool
is_socket(const char *file_name)
{
    struct stat s;

    return !stat(file_name, &s) && S_ISSOCK(s.st_mode);
}

/* Connects to target 'name' and waits for version negotiation.  'suffix'
 * is the socket that a bare bridge name stands for ("mgmt" or "snoop").
 * Returns the protocol the connection starts with.  Exits on failure. */
static enum ofputil_protocol
open_target(const char *name, const char *suffix, struct vconn **vconnp)
{
    int error;

    if (strchr(name, ':')) {
        error = vconn_open(name, allowed_versions, DSCP_DEFAULT, vconnp);
        if (error) {
            ovs_fatal(0, "connecting to %s (%s)", name, ovs_strerror(error));
        }
    } else {
        char *bridge_socket = xasprintf("%s/%s.%s", ovs_rundir(), name,
                                        suffix);
        char *vconn_name;

        if (is_socket(name)) {
            vconn_name = xasprintf("unix:%s", name);
        } else if (is_socket(bridge_socket)) {
            vconn_name = xasprintf("unix:%s", bridge_socket);
        } else {
            ovs_fatal(0, "%s is not a bridge or a socket", name);
        }
        free(bridge_socket);

        error = vconn_open(vconn_name, allowed_versions, DSCP_DEFAULT,
                           vconnp);
        free(vconn_name);
        if (error) {
            ovs_fatal(0, "%s: failed to open socket (%s)", name,
                      ovs_strerror(error));
        }
    }

    error = vconn_connect_block(*vconnp,
                                timeout_secs ? timeout_secs * 1000 : -1);
    if (error) {
        ovs_fatal(0, "%s: failed to connect to socket (%s)", name,
                  ovs_strerror(error));
    }
    return ofputil_protocol_from_ofp_version(vconn_get_version(*vconnp));
}

static enum ofputil_protocol
open_vconn(const char *name, struct vconn **vconnp)
{
    return open_target(name, "mgmt", vconnp);
}

static void
send_openflow_buffer(struct vconn *vconn, struct ofpbuf *msg)
{
    ofpmsg_update_length(msg);
    run(vconn_send_block(vconn, msg), "failed to send packet to switch");
}

/* Sends each message in 'requests', each followed by a barrier, and waits
 * for the barriers.  If the switch answers one with an error, prints the
 * error and exits with status 1. */
static void
transact_multiple_noreply(struct vconn *vconn, struct ovs_list *requests)
{
    struct ofpbuf *request;

    LIST_FOR_EACH_POP (request, list_node, requests) {
        struct ofpbuf *reply;

        ofpmsg_update_length(request);
        run(vconn_transact_noreply(vconn, request, &reply),
            "talking to %s", vconn_get_name(vconn));
        if (reply) {
            ofp_print(stderr, reply->data, reply->size, NULL, verbosity + 2);
            exit(1);
        }
    }
}

/* The same for a single 'request'. */
static void
transact_noreply(struct vconn *vconn, struct ofpbuf *request)
{
    struct ovs_list one = OVS_LIST_INITIALIZER(&one);

    ovs_list_insert(&one, &request->list_node);
    transact_multiple_noreply(vconn, &one);
}

/* Multipart transactions.  The reply to one request may come in several
 * messages, all but the last flagged "more".  Calls 'cb' for each message
 * with the request's xid, until the last part or an error reply.  Returns
 * false if the switch replied with an error (passed to 'cb' too). */
typedef void multipart_cb(const struct ofpbuf *reply, void *aux);

static bool
multipart_transaction(struct vconn *vconn, struct ofpbuf *request,
                      multipart_cb *cb, void *aux)
{
    const struct ofp_header *request_oh = request->data;
    ovs_be32 xid = request_oh->xid;
    enum ofpraw request_raw, reply_raw;

    ofpraw_decode_partial(&request_raw, request->data, request->size);
    reply_raw = ofpraw_stats_request_to_reply(request_raw,
                                              request_oh->version);
    send_openflow_buffer(vconn, request);

    for (;;) {
        struct ofpbuf *reply;
        enum ofpraw raw;

        run(vconn_recv_xid(vconn, xid, &reply),
            "OpenFlow packet receive failed");
        if (ofpraw_decode(&raw, reply->data)) {
            ovs_fatal(0, "received bad reply: %s",
                      ofp_to_string(reply->data, reply->size, NULL,
                                    verbosity + 1));
        }
        cb(reply, aux);
        if (ofptype_from_ofpraw(raw) == OFPTYPE_ERROR) {
            ofpbuf_delete(reply);
            return false;
        } else if (raw != reply_raw) {
            ovs_fatal(0, "received bad reply: %s",
                      ofp_to_string(reply->data, reply->size, NULL,
                                    verbosity + 1));
        }
        bool more = ofpmp_more(reply->data);
        ofpbuf_delete(reply);
        if (!more) {
            return true;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Port and table names.
 *
 * A target's port names come from its features reply (OpenFlow 1.0 to
 * 1.2, when the ports fit in it) or a port description dump, on a
 * connection of their own, fetched at most once per target. */

struct port_list {
    struct ofputil_phy_port *ports;
    size_t n;
};

static void
port_list_add(struct port_list *list, const struct ofputil_phy_port *pp)
{
    list->ports = xrealloc(list->ports, (list->n + 1) * sizeof *pp);
    list->ports[list->n++] = *pp;
}

static void
pull_ports(struct port_list *list, enum ofp_version version,
           struct ofpbuf *b)
{
    struct ofputil_phy_port pp;

    while (!ofputil_pull_phy_port(version, b, &pp)) {
        port_list_add(list, &pp);
    }
}

static void
collect_port_desc(const struct ofpbuf *reply, void *list_)
{
    const struct ofp_header *oh = reply->data;
    struct ofpbuf b;
    enum ofpraw raw;

    ofpbuf_use_const(&b, reply->data, reply->size);

    if (!ofpraw_pull(&raw, &b)
        && ofptype_from_ofpraw(raw) == OFPTYPE_PORT_DESC_STATS_REPLY) {
        pull_ports(list_, oh->version, &b);
    }
}

/* Fetches every port of target 'name' over a new connection. */
static struct port_list
fetch_ports(const char *name)
{
    struct port_list list = { NULL, 0 };
    struct vconn *vconn;

    open_vconn(name, &vconn);
    enum ofp_version version = vconn_get_version(vconn);
    bool have_ports = false;

    if (version < OFP13_VERSION) {
        struct ofpbuf *request, *reply;

        request = ofpraw_alloc(OFPRAW_OFPT_FEATURES_REQUEST, version, 0);
        run(vconn_transact(vconn, request, &reply), "talking to %s", name);

        struct ofputil_switch_features features;
        struct ofpbuf b;
        if (!ofputil_pull_switch_features(reply->data, &features, &b)
            && ofputil_switch_features_has_ports(reply)) {
            pull_ports(&list, version, &b);
            have_ports = true;
        }
        ofpbuf_delete(reply);
    }
    if (!have_ports) {
        multipart_transaction(
            vconn, ofputil_encode_port_desc_stats_request(version, OFPP_NONE),
            collect_port_desc, &list);
    }
    vconn_close(vconn);
    return list;
}

static struct ofputil_port_map *
get_port_map(const char *name)
{
    static struct shash maps = SHASH_INITIALIZER(&maps);
    struct ofputil_port_map *map = shash_find_data(&maps, name);

    if (!map) {
        struct port_list list = fetch_ports(name);

        map = xmalloc(sizeof *map);
        ofputil_port_map_init(map);
        for (size_t i = 0; i < list.n; i++) {
            ofputil_port_map_put(map, list.ports[i].port_no,
                                 list.ports[i].name);
        }
        free(list.ports);
        shash_add(&maps, name, map);
    }
    return map;
}

static void
ignore_reply(const struct ofpbuf *reply OVS_UNUSED, void *aux OVS_UNUSED)
{
}

/* Looks up the table names of target 'name', on a connection of its own,
 * as Open vSwitch 3.1 does before it parses or prints a flow: table stats
 * up to OpenFlow 1.2, table features from 1.3.  Our flow syntax does not
 * take table names yet, so the answer is not used; the lookup is kept so
 * that the switch sees the same conversation (see the top of this file). */
static void
look_up_table_names(const char *name)
{
    static struct sset done = SSET_INITIALIZER(&done);
    struct vconn *vconn;

    if (sset_contains(&done, name)) {
        return;
    }
    sset_add(&done, name);

    open_vconn(name, &vconn);
    enum ofp_version version = vconn_get_version(vconn);
    if (version < OFP13_VERSION) {
        multipart_transaction(vconn,
                              ofputil_encode_table_stats_request(version),
                              ignore_reply, NULL);
    } else {
        /* A multipart request (type 18) of type OFPMP_TABLE_FEATURES (12)
         * with no body: 8-byte header, 2-byte type, 2-byte flags, 4 bytes
         * of padding.  The codec has no table features, so it is built
         * here and its replies are only counted until the last part. */
        struct ofpbuf *request = ofpbuf_new(16);
        struct ofp_header *oh = ofpbuf_put_zeros(request, 16);
        uint8_t *body = (uint8_t *) (oh + 1);
        ovs_be32 xid = alloc_xid();

        oh->version = version;
        oh->type = 18;
        oh->length = htons(16);
        oh->xid = xid;
        body[1] = 12;
        run(vconn_send_block(vconn, request),
            "failed to send packet to switch");

        for (;;) {
            struct ofpbuf *reply;
            const struct ofp_header *roh;

            run(vconn_recv_xid(vconn, xid, &reply),
                "OpenFlow packet receive failed");
            roh = reply->data;
            bool last = (roh->type != 19 || reply->size < 12
                         || !ofpmp_more(roh));
            ofpbuf_delete(reply);
            if (last) {
                break;
            }
        }
    }
    vconn_close(vconn);
}

/* The port map for parsing what the user typed about target 'name'. */
static const struct ofputil_port_map *
ports_to_accept(const char *name)
{
    return get_port_map(name);
}

static bool
should_show_names(void)
{
    return show_names >= 0 ? show_names : isatty(STDOUT_FILENO);
}

/* The port map for printing what target 'name' says, or NULL to print
 * numbers. */
static const struct ofputil_port_map *
ports_to_show(const char *name)
{
    if (!should_show_names()) {
        return NULL;
    }
    look_up_table_names(name);
    return get_port_map(name);
}

/* Finds the port of target 'name' called 'port_name' (a number or a
 * name), on a connection of its own. */
static bool
find_phy_port(const char *name, const char *port_name,
              struct ofputil_phy_port *ppp)
{
    struct port_list list = fetch_ports(name);
    ofp_port_t port_no;
    bool by_number = ofputil_port_from_string(port_name, NULL, &port_no);
    bool found = false;

    for (size_t i = 0; i < list.n && !found; i++) {
        const struct ofputil_phy_port *pp = &list.ports[i];
        if (by_number ? pp->port_no == port_no
            : !strcmp(pp->name, port_name)) {
            *ppp = *pp;
            found = true;
        }
    }
    free(list.ports);
    return found;
}

/* Turns 'port_name' into a port number: a number or reserved name as it
 * is, otherwise a port name of target 'name'. */
static ofp_port_t
str_to_port_no(const char *name, const char *port_name)
{
    struct ofputil_phy_port pp;
    ofp_port_t port_no;

    if (ofputil_port_from_string(port_name, NULL, &port_no)) {
        return port_no;
    } else if (find_phy_port(name, port_name, &pp)) {
        return pp.port_no;
    }
    ovs_fatal(0, "%s: unknown port `%s'", name, port_name);
}

/* ---------------------------------------------------------------------- */
/* Printing replies. */

static void
print_reply(const struct ofpbuf *reply, void *vconn_)
{
    struct vconn *vconn = vconn_;

    ofp_print(stdout, reply->data, reply->size,
              ports_to_show(vconn_get_name(vconn)), verbosity + 1);
}

/* Sends 'request' and prints the reply, or every part of a multipart
 * reply. */
static void
dump_transaction(struct vconn *vconn, struct ofpbuf *request)
{
    ofpmsg_update_length(request);
    if (ofpmsg_is_stat_request(request->data)) {
        multipart_transaction(vconn, request, print_reply, vconn);
    } else {
        struct ofpbuf *reply;

        run(vconn_transact(vconn, request, &reply), "talking to %s",
            vconn_get_name(vconn));
        print_reply(reply, vconn);
        ofpbuf_delete(reply);
    }
}

/* Opens a connection to 'name' just to send a 'raw' request without a
 * body and print the reply. */
static void
dump_trivial_transaction(const char *name, enum ofpraw raw)
{
    struct vconn *vconn;

    open_vconn(name, &vconn);
    dump_transaction(vconn, ofpraw_alloc(raw, vconn_get_version(vconn), 0));
    vconn_close(vconn);
}

/* ---------------------------------------------------------------------- */
/* Choosing a flow format. */

/* Moves the connection from protocol '*cur' to 'want' (same version) one
 * step at a time (flow format, then table ids), each step a message and a
 * barrier.  Returns false, leaving '*cur' at the last step that worked,
 * if the switch refuses a step. */
static bool
try_set_protocol(struct vconn *vconn, enum ofputil_protocol want,
                 enum ofputil_protocol *cur)
{
    enum ofputil_protocol next;
    struct ofpbuf *step;

    while ((step = ofputil_encode_set_protocol(*cur, want, &next))) {
        struct ofpbuf *refusal;
        int error = vconn_transact_noreply(vconn, step, &refusal);

        run(error, "talking to %s", vconn_get_name(vconn));
        if (refusal) {
            if (VLOG_IS_DBG_ENABLED()) {
                char *text = ofp_to_string(refusal->data, refusal->size,
                                           NULL, 2);
                VLOG_DBG("%s: switch refused a flow format change: %s",
                         vconn_get_name(vconn), text);
                free(text);
            }
            ofpbuf_delete(refusal);
            break;
        }
        *cur = next;
    }
    return *cur == want;
}

static void OVS_NO_RETURN
no_usable_protocol(enum ofputil_protocol usable)
{
    char *usable_s = ofputil_protocols_to_string(usable);

    ovs_fatal(0, "switch does not support any of the usable flow formats "
              "(%s)", usable_s);
}

/* Opens 'name' for messages that one of 'usable' can carry (flow-mods,
 * packet-outs): keeps the connection's first protocol if it will do,
 * otherwise tries each usable one in turn, lowest bit first. */
static enum ofputil_protocol
open_vconn_for_flow_mod(const char *name, struct vconn **vconnp,
                        enum ofputil_protocol usable)
{
    enum ofputil_protocol allowed = get_allowed_protocols();

    if (!(usable & allowed)) {
        char *usable_s = ofputil_protocols_to_string(usable);
        char *allowed_s = ofputil_protocols_to_string(allowed);

        ovs_fatal(0, "none of the usable flow formats (%s) is among the "
                  "allowed flow formats (%s)", usable_s, allowed_s);
    }

    enum ofputil_protocol cur = open_vconn(name, vconnp);
    if (usable & allowed & cur) {
        return cur;
    }
    for (int i = 0; i < 32; i++) {
        enum ofputil_protocol candidate = 1u << i;

        if (candidate != cur && candidate & usable & allowed
            && try_set_protocol(*vconnp, candidate, &cur)) {
            return candidate;
        }
    }
    no_usable_protocol(usable);
}

/* Chooses the protocol for a flow dump or aggregate request: the richest
 * format the connection's version has, NXM rather than plain OpenFlow 1.0
 * (NXM replies carry flow ages). */
static enum ofputil_protocol
set_protocol_for_flow_dump(struct vconn *vconn, enum ofputil_protocol cur,
                           enum ofputil_protocol usable)
{
    static const enum ofputil_protocol preference[] = {
        OFPUTIL_P_OF15_OXM, OFPUTIL_P_OF14_OXM, OFPUTIL_P_OF13_OXM,
        OFPUTIL_P_OF12_OXM, OFPUTIL_P_OF11_STD, OFPUTIL_P_OF10_NXM,
        OFPUTIL_P_OF10_STD,
    };
    enum ofputil_protocol allowed = get_allowed_protocols();

    for (size_t i = 0; i < ARRAY_SIZE(preference); i++) {
        enum ofputil_protocol p = preference[i];

        if (p & usable & allowed && try_set_protocol(vconn, p, &cur)) {
            return p;
        }
    }
    no_usable_protocol(usable);
}

/* ---------------------------------------------------------------------- */
/* show, dump-desc, dump-tables, dump-ports, dump-ports-desc, mod-port,
 * probe. */

static void
ofctl_show(struct ovs_cmdl_context *ctx)
{
    const char *name = ctx->argv[1];
    struct ofpbuf *request, *reply;
    struct vconn *vconn;

    open_vconn(name, &vconn);
    enum ofp_version version = vconn_get_version(vconn);
    request = ofpraw_alloc(OFPRAW_OFPT_FEATURES_REQUEST, version, 0);
    run(vconn_transact(vconn, request, &reply), "talking to %s", name);

    bool has_ports = ofputil_switch_features_has_ports(reply);
    ofp_print(stdout, reply->data, reply->size, NULL, verbosity + 1);
    ofpbuf_delete(reply);

    if (!has_ports) {
        dump_transaction(vconn, ofputil_encode_port_desc_stats_request(
                             version, OFPP_NONE));
    }
    vconn_close(vconn);

    dump_trivial_transaction(name, OFPRAW_OFPT_GET_CONFIG_REQUEST);
}

/* dump-desc and dump-tables: one request without a body each. */
static void
ofctl_dump_simple(struct ovs_cmdl_context *ctx)
{
    bool tables = !strcmp(ctx->argv[0], "dump-tables");

    dump_trivial_transaction(ctx->argv[1],
                             tables ? OFPRAW_OFPST_TABLE_REQUEST
                                    : OFPRAW_OFPST_DESC_REQUEST);
}

static void
ofctl_dump_ports(struct ovs_cmdl_context *ctx)
{
    struct vconn *vconn;

    open_vconn(ctx->argv[1], &vconn);
    ofp_port_t port = (ctx->argc > 2
                       ? str_to_port_no(ctx->argv[1], ctx->argv[2])
                       : OFPP_NONE);
    dump_transaction(vconn, ofputil_encode_port_stats_request(
                         vconn_get_version(vconn), port));
    vconn_close(vconn);
}

static void
ofctl_dump_ports_desc(struct ovs_cmdl_context *ctx)
{
    struct vconn *vconn;

    open_vconn(ctx->argv[1], &vconn);
    ofp_port_t port = (ctx->argc > 2
                       ? str_to_port_no(ctx->argv[1], ctx->argv[2])
                       : OFPP_NONE);
    dump_transaction(vconn, ofputil_encode_port_desc_stats_request(
                         vconn_get_version(vconn), port));
    vconn_close(vconn);
}

/* mod-port SWITCH PORT ACTION: ACTION is one of the words below, maybe
 * with a "no-" or "no" prefix that inverts it.  'inverted' words name a
 * configuration bit that is set to turn the behaviour off. */
static void
ofctl_mod_port(struct ovs_cmdl_context *ctx)
{
    static const struct {
        const char *name;
        enum ofputil_port_config bit;
        bool inverted;
    } actions[] = {
        { "up", OFPUTIL_PC_PORT_DOWN, true },
        { "down", OFPUTIL_PC_PORT_DOWN, false },
        { "stp", OFPUTIL_PC_NO_STP, true },
        { "receive", OFPUTIL_PC_NO_RECV, true },
        { "receive-stp", OFPUTIL_PC_NO_RECV_STP, true },
        { "forward", OFPUTIL_PC_NO_FWD, true },
        { "flood", OFPUTIL_PC_NO_FLOOD, true },
        { "packet-in", OFPUTIL_PC_NO_PACKET_IN, true },
    };
    const char *word = ctx->argv[3];
    struct ofputil_phy_port pp;
    struct ofputil_port_mod pm;
    bool negate = false;

    if (!find_phy_port(ctx->argv[1], ctx->argv[2], &pp)) {
        ovs_fatal(0, "%s: couldn't find port `%s'", ctx->argv[1],
                  ctx->argv[2]);
    }
    memset(&pm, 0, sizeof pm);
    pm.port_no = pp.port_no;
    pm.hw_addr = pp.hw_addr;

    if (!strncasecmp(word, "no-", 3)) {
        word += 3;
        negate = true;
    } else if (!strncasecmp(word, "no", 2)) {
        word += 2;
        negate = true;
    }
    for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
        if (!strcasecmp(word, actions[i].name)) {
            bool set = actions[i].inverted == negate;
            struct vconn *vconn;

            pm.mask = actions[i].bit;
            pm.config = set ? actions[i].bit : 0;

            enum ofputil_protocol protocol = open_vconn(ctx->argv[1],
                                                        &vconn);
            transact_noreply(vconn, ofputil_encode_port_mod(&pm, protocol));
            vconn_close(vconn);
            return;
        }
    }
    ovs_fatal(0, "unknown mod-port command '%s'", ctx->argv[3]);
}

static void
ofctl_probe(struct ovs_cmdl_context *ctx)
{
    struct ofpbuf *request, *reply;
    struct vconn *vconn;

    open_vconn(ctx->argv[1], &vconn);
    request = ofpraw_alloc_xid(OFPRAW_OFPT_ECHO_REQUEST,
                               vconn_get_version(vconn), htonl(0), 0);
    run(vconn_transact(vconn, request, &reply), "talking to %s",
        ctx->argv[1]);
    if (reply->size != sizeof(struct ofp_header)) {
        ovs_fatal(0, "reply does not match request");
    }
    ofpbuf_delete(reply);
    vconn_close(vconn);
}

/* ---------------------------------------------------------------------- */
/* Flow tables: dump-flows, dump-aggregate, add/mod/del-flows. */

/* Parses the FLOWS argument of dump-flows or dump-aggregate (argv[2], if
 * any) for target argv[1], connects and chooses the protocol. */
static struct vconn *
prepare_dump_flows(int argc, char *argv[], bool aggregate,
                   struct ofputil_flow_stats_request *fsr,
                   enum ofputil_protocol *protocolp)
{
    const char *name = argv[1];
    const struct ofputil_port_map *port_map = NULL;
    enum ofputil_protocol usable;
    struct ofputil_flow_mod fm;
    struct vconn *vconn;
    char *error;

    if (argc > 2) {
        port_map = ports_to_accept(name);
        look_up_table_names(name);
    }
    /* A dump selects flows the way a (non-strict) delete does. */
    error = parse_ofp_str(&fm, OFPFC_DELETE, argc > 2 ? argv[2] : "",
                          port_map, &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    free(fm.ofpacts);

    memset(fsr, 0, sizeof *fsr);
    fsr->aggregate = aggregate;
    fsr->match = fm.match;
    fsr->cookie = fm.cookie;
    fsr->cookie_mask = fm.cookie_mask;
    fsr->table_id = fm.table_id;
    fsr->out_port = fm.out_port;
    fsr->out_group = fm.out_group;

    /* Every flow stats request names a table, so table ids do not narrow
     * the choice the way they do for flow-mods. */
    for (size_t i = 0; i < ofputil_n_protocols; i++) {
        if (usable & ofputil_protocol_set_tid(ofputil_protocols[i], true)) {
            usable |= ofputil_protocols[i];
        }
    }

    enum ofputil_protocol protocol = open_vconn(name, &vconn);
    *protocolp = set_protocol_for_flow_dump(vconn, protocol, usable);
    return vconn;
}

/* One flow from a dump, with its own copy of its actions. */
struct dumped_flow {
    struct ofputil_flow_stats fs;
    size_t index;               /* Position in the dump, for stability. */
};

struct flow_dump {
    struct dumped_flow *flows;
    size_t n, allocated;
    bool failed;                /* The switch replied with an error. */
};

static void
collect_flows(const struct ofpbuf *reply, void *dump_)
{
    struct flow_dump *dump = dump_;
    struct ofpbuf ofpacts;
    enum ofptype type;
    struct ofpbuf b;

    ofpbuf_use_const(&b, reply->data, reply->size);

    if (ofptype_decode(&type, reply->data) || type == OFPTYPE_ERROR) {
        ofp_print(stderr, reply->data, reply->size, NULL, verbosity + 2);
        dump->failed = true;
        return;
    }

    ofpbuf_init(&ofpacts, 64);
    for (;;) {
        struct ofputil_flow_stats fs;
        int retval = ofputil_decode_flow_stats_reply(&fs, &b, &ofpacts);

        if (retval == EOF) {
            break;
        } else if (retval) {
            ovs_fatal(0, "parse error in reply (%s)",
                      ofperr_to_string(retval));
        }
        if (dump->n >= dump->allocated) {
            dump->flows = x2nrealloc(dump->flows, &dump->allocated,
                                     sizeof *dump->flows);
        }
        struct dumped_flow *df = &dump->flows[dump->n];
        df->fs = fs;
        df->fs.ofpacts = xmemdup(fs.ofpacts, fs.ofpacts_len);
        df->index = dump->n++;
    }
    ofpbuf_uninit(&ofpacts);
}

static void
flow_dump_destroy(struct flow_dump *dump)
{
    for (size_t i = 0; i < dump->n; i++) {
        free(CONST_CAST(struct ofpact *, dump->flows[i].fs.ofpacts));
    }
    free(dump->flows);
}

/* Orders flows by the --sort and --rsort criteria.  A flow that does not
 * match on a sort field comes after those that do, in either direction;
 * ties keep the order of the dump. */
static int
compare_flows(const void *a_, const void *b_)
{
    const struct dumped_flow *a = a_;
    const struct dumped_flow *b = b_;

    for (size_t i = 0; i < n_criteria; i++) {
        const struct mf_field *f = criteria[i].field;
        int cmp = 0;

        if (!f) {
            cmp = (a->fs.priority > b->fs.priority) -
                  (a->fs.priority < b->fs.priority);
            cmp *= criteria[i].order;
        } else {
            bool in_a = (mf_are_prereqs_ok(f, &a->fs.match.flow, NULL)
                         && !mf_is_all_wild(f, &a->fs.match.wc));
            bool in_b = (mf_are_prereqs_ok(f, &b->fs.match.flow, NULL)
                         && !mf_is_all_wild(f, &b->fs.match.wc));

            if (in_a != in_b) {
                return in_a ? -1 : 1;
            } else if (in_a) {
                union mf_value va, vb;

                mf_get_value(f, &a->fs.match.flow, &va);
                mf_get_value(f, &b->fs.match.flow, &vb);
                cmp = memcmp(&va, &vb, f->n_bytes) * criteria[i].order;
            }
        }
        if (cmp) {
            return cmp;
        }
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

static void
ofctl_dump_flows(struct ovs_cmdl_context *ctx)
{
    struct ofputil_flow_stats_request fsr;
    enum ofputil_protocol protocol;
    struct vconn *vconn;

    vconn = prepare_dump_flows(ctx->argc, ctx->argv, false, &fsr,
                               &protocol);
    struct ofpbuf *request = ofputil_encode_flow_stats_request(&fsr,
                                                               protocol);
    if (!n_criteria && !should_show_names() && show_stats) {
        /* The replies as they come, headers and all. */
        dump_transaction(vconn, request);
        vconn_close(vconn);
        return;
    }

    /* Otherwise one line per flow, without the reply headers and without
     * ages, the way Open vSwitch 3.1 prints a sorted or named dump. */
    struct flow_dump dump = { NULL, 0, 0, false };
    ofpmsg_update_length(request);
    multipart_transaction(vconn, request, collect_flows, &dump);
    vconn_close(vconn);
    if (dump.failed) {
        exit(1);
    }

    if (n_criteria) {
        qsort(dump.flows, dump.n, sizeof *dump.flows, compare_flows);
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < dump.n; i++) {
        struct ofputil_flow_stats *fs = &dump.flows[i].fs;

        fs->idle_age = fs->hard_age = -1;
        ds_clear(&s);
        ofputil_flow_stats_format(&s, fs, ports_to_show(ctx->argv[1]),
                                  show_stats);
        printf("%s\n", ds_cstr(&s));
    }
    ds_destroy(&s);
    flow_dump_destroy(&dump);
}

static void
ofctl_dump_aggregate(struct ovs_cmdl_context *ctx)
{
    struct ofputil_flow_stats_request fsr;
    enum ofputil_protocol protocol;
    struct vconn *vconn;

    vconn = prepare_dump_flows(ctx->argc, ctx->argv, true, &fsr, &protocol);
    dump_transaction(vconn, ofputil_encode_flow_stats_request(&fsr,
                                                              protocol));
    vconn_close(vconn);
}

/* Sends the 'n' flow-mods in 'fms' to target 'name', each followed by a
 * barrier, and frees their actions. */
static void
send_flow_mods(const char *name, struct ofputil_flow_mod *fms, size_t n,
               enum ofputil_protocol usable)
{
    struct vconn *vconn;
    enum ofputil_protocol protocol = open_vconn_for_flow_mod(name, &vconn,
                                                             usable);

    for (size_t i = 0; i < n; i++) {
        transact_noreply(vconn, ofputil_encode_flow_mod(&fms[i], protocol));
        free(fms[i].ofpacts);
    }
    vconn_close(vconn);
}

/* add-flow, mod-flows, del-flows: argv[2] is one flow, or "-" or a file
 * name (add-flows) for many. */
static void
flow_mod_command(int argc, char *argv[], int command, bool from_file)
{
    const char *name = argv[1];
    enum ofputil_protocol usable;
    char *error;

    /* Open vSwitch 3.1 looks up table names, then port names. */
    look_up_table_names(name);
    const struct ofputil_port_map *port_map = ports_to_accept(name);

    if (from_file || (argc > 2 && !strcmp(argv[2], "-"))) {
        struct ofputil_flow_mod *fms;
        size_t n_fms;

        error = parse_ofp_flow_mod_file(argv[2], port_map, command, &fms,
                                        &n_fms, &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        send_flow_mods(name, fms, n_fms, usable);
        free(fms);
    } else {
        struct ofputil_flow_mod fm;

        error = parse_ofp_flow_mod_str(&fm, argc > 2 ? argv[2] : "",
                                       port_map, command, &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        send_flow_mods(name, &fm, 1, usable);
    }
}

static void
ofctl_add_flow(struct ovs_cmdl_context *ctx)
{
    flow_mod_command(ctx->argc, ctx->argv, OFPFC_ADD, false);
}

static void
ofctl_add_flows(struct ovs_cmdl_context *ctx)
{
    flow_mod_command(ctx->argc, ctx->argv, OFPFC_ADD, true);
}

static void
ofctl_mod_flows(struct ovs_cmdl_context *ctx)
{
    flow_mod_command(ctx->argc, ctx->argv,
                     strict ? OFPFC_MODIFY_STRICT : OFPFC_MODIFY, false);
}

static void
ofctl_del_flows(struct ovs_cmdl_context *ctx)
{
    flow_mod_command(ctx->argc, ctx->argv,
                     strict ? OFPFC_DELETE_STRICT : OFPFC_DELETE, false);
}

/* ---------------------------------------------------------------------- */
/* replace-flows and diff-flows.
 *
 * Both read two sets of flows into one table keyed by match and priority;
 * each entry holds the flow's "version" from each source, or nothing.
 * Like Open vSwitch's, the key leaves out the table id, so flows that
 * differ only in table are not told apart. */

enum { SWITCH_SIDE, FILE_SIDE };

struct flow_version {
    uint8_t table_id;
    ovs_be64 cookie;
    uint16_t idle_timeout, hard_timeout, importance;
    struct ofpact *ofpacts;
    size_t ofpacts_len;
};

struct flow_entry {
    struct hmap_node node;
    struct match match;
    int priority;
    struct flow_version *versions[2];
};

static uint32_t
flow_entry_hash(const struct match *match, int priority)
{
    return match_hash(match, priority);
}

static void
flow_table_put(struct hmap *table, const struct match *match, int priority,
               int side, struct flow_version *version)
{
    uint32_t hash = flow_entry_hash(match, priority);
    struct flow_entry *e;

    HMAP_FOR_EACH_WITH_HASH (e, node, hash, table) {
        if (e->priority == priority && match_equal(&e->match, match)) {
            break;
        }
    }
    if (!e) {
        e = xzalloc(sizeof *e);
        e->match = *match;
        e->priority = priority;
        hmap_insert(table, &e->node, hash);
    }
    if (e->versions[side]) {
        free(e->versions[side]->ofpacts);
        free(e->versions[side]);
    }
    e->versions[side] = version;
}

static void
flow_table_destroy(struct hmap *table)
{
    struct flow_entry *e;

    HMAP_FOR_EACH_POP (e, node, table) {
        for (int i = 0; i < 2; i++) {
            if (e->versions[i]) {
                free(e->versions[i]->ofpacts);
                free(e->versions[i]);
            }
        }
        free(e);
    }
    hmap_destroy(table);
}

static bool
flow_versions_equal(const struct flow_version *a,
                    const struct flow_version *b)
{
    return (a->table_id == b->table_id
            && a->cookie == b->cookie
            && a->idle_timeout == b->idle_timeout
            && a->hard_timeout == b->hard_timeout
            && a->importance == b->importance
            && ofpacts_equal(a->ofpacts, a->ofpacts_len,
                             b->ofpacts, b->ofpacts_len));
}

/* Reads the flows of 'file_name' into side 'side' of 'table'.  Returns the
 * protocols that can carry them all. */
static enum ofputil_protocol
read_flows_from_file(const char *file_name, struct hmap *table, int side)
{
    struct ofputil_flow_mod *fms;
    enum ofputil_protocol usable;
    size_t n_fms;
    char *error;

    /* Checked here for the message Open vSwitch prints for these two
     * commands ("FILE: open"), which differs from add-flows'. */
    if (strcmp(file_name, "-")) {
        FILE *probe = fopen(file_name, "r");
        if (!probe) {
            ovs_fatal(errno, "%s: open", file_name);
        }
        fclose(probe);
    }
    error = parse_ofp_flow_mod_file(file_name, NULL, OFPFC_ADD, &fms,
                                    &n_fms, &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    for (size_t i = 0; i < n_fms; i++) {
        struct flow_version *v = xzalloc(sizeof *v);

        v->table_id = fms[i].table_id == OFPTT_ALL ? 0 : fms[i].table_id;
        v->cookie = fms[i].new_cookie;
        v->idle_timeout = fms[i].idle_timeout;
        v->hard_timeout = fms[i].hard_timeout;
        v->importance = fms[i].importance;
        v->ofpacts = fms[i].ofpacts;
        v->ofpacts_len = fms[i].ofpacts_len;
        flow_table_put(table, &fms[i].match, fms[i].priority, side, v);
    }
    free(fms);
    return usable;
}

/* Reads every flow of the switch at the other end of 'vconn' into side
 * 'side' of 'table'.  Returns the protocol now in use. */
static enum ofputil_protocol
read_flows_from_switch(struct vconn *vconn, enum ofputil_protocol protocol,
                       struct hmap *table, int side)
{
    struct ofputil_flow_stats_request fsr;
    struct flow_dump dump = { NULL, 0, 0, false };

    memset(&fsr, 0, sizeof fsr);
    match_init_catchall(&fsr.match);
    fsr.table_id = OFPTT_ALL;
    fsr.out_port = OFPP_NONE;
    fsr.out_group = OFPG_ANY;

    protocol = set_protocol_for_flow_dump(vconn, protocol, OFPUTIL_P_ANY);
    struct ofpbuf *request = ofputil_encode_flow_stats_request(&fsr,
                                                               protocol);
    ofpmsg_update_length(request);
    multipart_transaction(vconn, request, collect_flows, &dump);
    if (dump.failed) {
        exit(1);
    }

    for (size_t i = 0; i < dump.n; i++) {
        const struct ofputil_flow_stats *fs = &dump.flows[i].fs;
        struct flow_version *v = xzalloc(sizeof *v);

        v->table_id = fs->table_id;
        v->cookie = fs->cookie;
        v->idle_timeout = fs->idle_timeout;
        v->hard_timeout = fs->hard_timeout;
        v->importance = fs->importance;
        v->ofpacts = xmemdup(fs->ofpacts, fs->ofpacts_len);
        v->ofpacts_len = fs->ofpacts_len;
        flow_table_put(table, &fs->match, fs->priority, side, v);
    }
    flow_dump_destroy(&dump);
    return protocol;
}

/* A source for diff-flows is a file if it looks like a path or names an
 * existing file without a colon, otherwise a switch. */
static bool
source_is_file(const char *source)
{
    struct stat s;

    return (source[0] == '/' || source[0] == '.'
            || (!strchr(source, ':') && !stat(source, &s)
                && !S_ISSOCK(s.st_mode)));
}

static void
read_flows_from_source(const char *source, struct hmap *table, int side)
{
    if (source_is_file(source)) {
        read_flows_from_file(source, table, side);
    } else {
        struct vconn *vconn;
        enum ofputil_protocol protocol = open_vconn(source, &vconn);

        read_flows_from_switch(vconn, protocol, table, side);
        vconn_close(vconn);
    }
}

static struct flow_entry **
sorted_entries(const struct hmap *table)
{
    struct flow_entry **entries = xmalloc((hmap_count(table) + 1)
                                          * sizeof *entries);
    const struct flow_entry *e;
    size_t n = 0;

    HMAP_FOR_EACH (e, node, table) {
        entries[n++] = CONST_CAST(struct flow_entry *, e);
    }
    entries[n] = NULL;
    return entries;
}

/* The order in which diff-flows prints entries: table, then priority
 * (highest first), then the printed match.  Open vSwitch's order is that
 * of its classifier, which no test can rely on. */
static int
compare_entries(const void *a_, const void *b_)
{
    const struct flow_entry *a = *(const struct flow_entry *const *) a_;
    const struct flow_entry *b = *(const struct flow_entry *const *) b_;
    const struct flow_version *va = a->versions[0] ? a->versions[0]
                                                   : a->versions[1];
    const struct flow_version *vb = b->versions[0] ? b->versions[0]
                                                   : b->versions[1];

    if (va->table_id != vb->table_id) {
        return va->table_id < vb->table_id ? -1 : 1;
    } else if (a->priority != b->priority) {
        return a->priority > b->priority ? -1 : 1;
    }

    char *sa = match_to_string(&a->match, NULL, a->priority);
    char *sb = match_to_string(&b->match, NULL, b->priority);
    int cmp = strcmp(sa, sb);
    free(sa);
    free(sb);
    return cmp;
}

/* Prints one side of an entry the way diff-flows shows it: "table=N "
 * unless table 0, the match, the cookie and timeouts that are set, then
 * the actions. */
static void
format_flow_version(struct ds *s, const struct flow_entry *e,
                    const struct flow_version *v)
{
    if (v->table_id) {
        ds_put_format(s, "table=%"PRIu8" ", v->table_id);
    }
    match_format(&e->match, NULL, s, e->priority);
    if (v->cookie != htonll(0)) {
        ds_put_format(s, " cookie=0x%"PRIx64, ntohll(v->cookie));
    }
    if (v->idle_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " idle_timeout=%"PRIu16, v->idle_timeout);
    }
    if (v->hard_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " hard_timeout=%"PRIu16, v->hard_timeout);
    }
    if (v->importance) {
        ds_put_format(s, " importance=%"PRIu16, v->importance);
    }
    ds_put_cstr(s, " actions=");
    ofpacts_format(v->ofpacts, v->ofpacts_len, NULL, s);
}

static void
ofctl_diff_flows(struct ovs_cmdl_context *ctx)
{
    struct hmap table = HMAP_INITIALIZER(&table);
    bool differences = false;

    read_flows_from_source(ctx->argv[1], &table, 0);
    read_flows_from_source(ctx->argv[2], &table, 1);

    struct flow_entry **entries = sorted_entries(&table);
    size_t n = hmap_count(&table);
    qsort(entries, n, sizeof *entries, compare_entries);

    struct ds s = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < n; i++) {
        const struct flow_entry *e = entries[i];
        const struct flow_version *a = e->versions[0];
        const struct flow_version *b = e->versions[1];

        if (a && b && flow_versions_equal(a, b)) {
            continue;
        }
        differences = true;
        if (a) {
            ds_clear(&s);
            format_flow_version(&s, e, a);
            printf("-%s\n", ds_cstr(&s));
        }
        if (b) {
            ds_clear(&s);
            format_flow_version(&s, e, b);
            printf("+%s\n", ds_cstr(&s));
        }
    }
    ds_destroy(&s);
    free(entries);
    flow_table_destroy(&table);

    if (differences) {
        exit(2);
    }
}

/* Fills 'fm' with the flow-mod that makes the switch hold 'v' (for
 * OFPFC_ADD) or no longer hold entry 'e' (for OFPFC_DELETE_STRICT).  'fm'
 * points to 'v''s actions.  Table 0 is left unnamed, so that OpenFlow 1.0
 * without table ids can carry it. */
static void
make_flow_mod(const struct flow_entry *e, const struct flow_version *v,
              uint16_t command, struct ofputil_flow_mod *fm)
{
    memset(fm, 0, sizeof *fm);
    fm->match = e->match;
    fm->priority = e->priority;
    fm->cookie = htonll(0);
    fm->cookie_mask = htonll(0);
    fm->new_cookie = v->cookie;
    fm->modify_cookie = true;
    fm->table_id = v->table_id ? v->table_id : OFPTT_ALL;
    fm->command = command;
    fm->idle_timeout = v->idle_timeout;
    fm->hard_timeout = v->hard_timeout;
    fm->importance = v->importance;
    fm->buffer_id = OFPUTIL_NO_BUFFER;
    fm->out_port = OFPP_NONE;
    fm->out_group = OFPG_ANY;
    if (command == OFPFC_ADD) {
        fm->ofpacts = v->ofpacts;
        fm->ofpacts_len = v->ofpacts_len;
    }
}

static void
ofctl_replace_flows(struct ovs_cmdl_context *ctx)
{
    struct hmap table = HMAP_INITIALIZER(&table);
    struct ovs_list requests;
    struct vconn *vconn;

    /* Open vSwitch 3.1 looks up port names, then table names, although
     * it parses the file without them. */
    get_port_map(ctx->argv[1]);
    look_up_table_names(ctx->argv[1]);

    read_flows_from_file(ctx->argv[2], &table, FILE_SIDE);
    enum ofputil_protocol protocol = open_vconn(ctx->argv[1], &vconn);
    protocol = read_flows_from_switch(vconn, protocol, &table, SWITCH_SIDE);

    struct flow_entry **entries = sorted_entries(&table);
    size_t n = hmap_count(&table);
    qsort(entries, n, sizeof *entries, compare_entries);

    /* First the deletions, then the additions and changes (an add
     * replaces a flow with the same match and priority). */
    struct ofputil_flow_mod *fms = xmalloc((2 * n + 1) * sizeof *fms);
    enum ofputil_protocol usable = OFPUTIL_P_ANY;
    size_t n_fms = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const struct flow_entry *fe = entries[i];
            const struct flow_version *old = fe->versions[SWITCH_SIDE];
            const struct flow_version *new = fe->versions[FILE_SIDE];

            if (!pass && old && !new) {
                make_flow_mod(fe, old, OFPFC_DELETE_STRICT, &fms[n_fms]);
            } else if (pass && new
                       && (!old || !flow_versions_equal(old, new))) {
                make_flow_mod(fe, new, OFPFC_ADD, &fms[n_fms]);
            } else {
                continue;
            }
            usable &= ofputil_flow_mod_usable_protocols(&fms[n_fms]);
            n_fms++;
        }
    }

    /* The dump may have left the connection in a format that cannot say
     * everything these flow-mods need (a table id, say). */
    if (n_fms && !(usable & protocol)) {
        enum ofputil_protocol candidates = usable & get_allowed_protocols();
        bool ok = false;

        for (int i = 0; i < 32 && !ok; i++) {
            enum ofputil_protocol p = 1u << i;
            ok = p & candidates && try_set_protocol(vconn, p, &protocol);
        }
        if (!ok) {
            no_usable_protocol(usable);
        }
    }

    ovs_list_init(&requests);
    for (size_t i = 0; i < n_fms; i++) {
        struct ofpbuf *msg = ofputil_encode_flow_mod(&fms[i], protocol);
        ovs_list_push_back(&requests, &msg->list_node);
    }
    transact_multiple_noreply(vconn, &requests);
    vconn_close(vconn);
    free(fms);
    free(entries);
    flow_table_destroy(&table);
}

/* ---------------------------------------------------------------------- */
/* packet-out. */

static void
ofctl_packet_out(struct ovs_cmdl_context *ctx)
{
    const char *name = ctx->argv[1];
    struct ofputil_packet_out po;
    enum ofputil_protocol usable;
    struct vconn *vconn;
    char *error;

    if (ctx->argc == 3) {
        /* packet-out SWITCH "in_port=... packet=... actions=...". */
        look_up_table_names(name);
        error = parse_ofp_packet_out_str(&po, ctx->argv[2],
                                         ports_to_accept(name), &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        enum ofputil_protocol protocol = open_vconn_for_flow_mod(name,
                                                                 &vconn,
                                                                 usable);
        transact_noreply(vconn, ofputil_encode_packet_out(&po, protocol));
        free(CONST_CAST(void *, po.packet));
        free(po.ofpacts);
        vconn_close(vconn);
        return;
    }

    /* packet-out SWITCH IN_PORT ACTIONS PACKET...: one packet-out per
     * PACKET, all with the same input port and actions. */
    if (ctx->argc < 5) {
        ovs_fatal(0, "'packet-out' command requires at least 3 arguments");
    }
    const struct ofputil_port_map *port_map = ports_to_accept(name);
    look_up_table_names(name);

    struct ovs_list requests;
    enum ofputil_protocol protocol = 0;
    ovs_list_init(&requests);
    vconn = NULL;
    for (int i = 4; i < ctx->argc; i++) {
        char *text = xasprintf("in_port=%s packet=%s actions=%s",
                               ctx->argv[2], ctx->argv[i], ctx->argv[3]);

        error = parse_ofp_packet_out_str(&po, text, port_map, &usable);
        free(text);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        if (!vconn) {
            protocol = open_vconn_for_flow_mod(name, &vconn, usable);
        }
        struct ofpbuf *msg = ofputil_encode_packet_out(&po, protocol);
        ovs_list_push_back(&requests, &msg->list_node);
        free(CONST_CAST(void *, po.packet));
        free(po.ofpacts);
    }
    transact_multiple_noreply(vconn, &requests);
    vconn_close(vconn);
}

/* ---------------------------------------------------------------------- */
/* monitor and snoop. */

/* Fetches the switch configuration over 'vconn'. */
static void
fetch_switch_config(struct vconn *vconn, struct ofputil_switch_config *cfg)
{
    struct ofpbuf *request, *reply;
    enum ofptype type;

    request = ofpraw_alloc(OFPRAW_OFPT_GET_CONFIG_REQUEST,
                           vconn_get_version(vconn), 0);
    run(vconn_transact(vconn, request, &reply), "talking to %s",
        vconn_get_name(vconn));

    if (ofptype_decode(&type, reply->data)
        || type != OFPTYPE_GET_CONFIG_REPLY
        || ofputil_decode_get_config_reply(reply->data, cfg)) {
        ovs_fatal(0, "%s: bad reply to config request",
                  vconn_get_name(vconn));
    }
    ofpbuf_delete(reply);
}

static void
set_switch_config(struct vconn *vconn,
                  const struct ofputil_switch_config *cfg)
{
    transact_noreply(vconn, ofputil_encode_set_config(
                         cfg, vconn_get_version(vconn)));
}

/* Asks for packet-ins in 'format'.  If 'must_succeed', a refusal is fatal;
 * otherwise returns false on refusal. */
static bool
set_packet_in_format(struct vconn *vconn,
                     enum ofputil_packet_in_format format, bool must_succeed)
{
    struct ofpbuf *request = ofputil_encode_set_packet_in_format(
        vconn_get_version(vconn), format);

    if (must_succeed) {
        transact_noreply(vconn, request);
        return true;
    }

    struct ofpbuf *reply;
    run(vconn_transact_noreply(vconn, request, &reply), "talking to %s",
        vconn_get_name(vconn));
    if (reply) {
        char *s = ofp_to_string(reply->data, reply->size, NULL, 2);
        VLOG_DBG("%s: failed to set packet-in format to %s, switch "
                 "replied: %s", vconn_get_name(vconn),
                 ofputil_packet_in_format_to_string(format), s);
        free(s);
        ofpbuf_delete(reply);
        return false;
    }
    return true;
}

/* Turns on NXT_CLOSURE messages for this connection (master role, the
 * only reason "enable"), leaving the other asynchronous messages as
 * OpenFlow's defaults have them. */
static void
enable_closures(struct vconn *vconn)
{
    enum ofp_version version = vconn_get_version(vconn);
    struct ofputil_async_cfg ac = ofputil_async_cfg_default(version);

    ac.master[OAM_CLOSURE] = 1u << 0;
    transact_noreply(vconn, ofputil_encode_set_async_config(
                         &ac, 1u << OAM_CLOSURE, version));
}

/* What the unixctl commands of a running monitor share with it. */
struct monitor {
    struct vconn *vconn;
    bool exiting;
    bool blocked;
    struct unixctl_conn *barrier_conn;  /* Waiting for a barrier reply. */
};

static void
monitor_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
             const char *argv[] OVS_UNUSED, void *m_)
{
    struct monitor *m = m_;

    m->exiting = true;
    unixctl_command_reply(conn, NULL);
}

/* Parses hex message 'hex' into a new buffer, fixing up its length
 * field.  Returns NULL and sets '*why' if it is not a message. */
static struct ofpbuf *
parse_hex_message(const char *hex, const char **why)
{
    struct ofpbuf *msg = ofpbuf_new(0);

    if (*ofpbuf_put_hex(msg, hex, NULL)) {
        *why = "Trailing garbage in hex data";
    } else if (msg->size < sizeof(struct ofp_header)) {
        *why = "Message too short";
    } else {
        ((struct ofp_header *) msg->data)->length = htons(msg->size);
        return msg;
    }
    ofpbuf_delete(msg);
    return NULL;
}

/* ofctl/send HEX...: sends each message as given (the length field is
 * fixed up) and prints it after "send: ".  Answers one line per message:
 * "sent" or why sending failed. */
static void
monitor_send(struct unixctl_conn *conn, int argc, const char *argv[],
             void *m_)
{
    struct monitor *m = m_;
    struct ds answer = DS_EMPTY_INITIALIZER;
    int error = 0;

    for (int i = 1; i < argc && !error; i++) {
        const char *why;
        struct ofpbuf *msg = parse_hex_message(argv[i], &why);

        if (!msg) {
            unixctl_command_reply_error(conn, why);
            ds_destroy(&answer);
            return;
        }

        fputs("send: ", stderr);
        ofp_print(stderr, msg->data, msg->size, NULL, verbosity + 2);
        fflush(stderr);

        error = vconn_send_block(m->vconn, msg);
        ds_put_format(&answer, "%s\n", error ? ovs_strerror(error) : "sent");
        if (error) {
            ofpbuf_delete(msg);
        }
    }
    (error ? unixctl_command_reply_error : unixctl_command_reply)(
        conn, ds_cstr(&answer));
    ds_destroy(&answer);
}

/* ofctl/barrier: answers once the switch has answered a barrier. */
static void
monitor_barrier(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *m_)
{
    struct monitor *m = m_;

    if (m->barrier_conn) {
        unixctl_command_reply_error(conn, "already waiting for barrier "
                                    "reply");
        return;
    }
    enum ofp_version version = vconn_get_version(m->vconn);
    struct ofpbuf *msg = ofpraw_alloc(version == OFP10_VERSION
                                      ? OFPRAW_OFPT10_BARRIER_REQUEST
                                      : OFPRAW_OFPT11_BARRIER_REQUEST,
                                      version, 0);
    int error = vconn_send_block(m->vconn, msg);
    if (error) {
        ofpbuf_delete(msg);
        unixctl_command_reply_error(conn, ovs_strerror(error));
    } else {
        m->barrier_conn = conn;
    }
}

/* ofctl/set-output-file FILE: prints from now on to FILE. */
static void
monitor_set_output_file(struct unixctl_conn *conn, int argc OVS_UNUSED,
                        const char *argv[], void *m_ OVS_UNUSED)
{
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0666);

    if (fd >= 0) {
        fflush(stderr);
        if (dup2(fd, STDERR_FILENO) < 0) {
            VLOG_WARN("%s: could not redirect output (%s)", argv[1],
                      ovs_strerror(errno));
        }
        close(fd);
        unixctl_command_reply(conn, NULL);
    } else {
        unixctl_command_reply_error(conn, ovs_strerror(errno));
    }
}

/* ofctl/block and ofctl/unblock: stop and resume reading from the
 * switch. */
static void
monitor_block(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[], void *m_)
{
    struct monitor *m = m_;

    m->blocked = !strcmp(argv[0], "ofctl/block");
    unixctl_command_reply(conn, NULL);
}

/* Answers NXT_CLOSURE 'oh' with the NXT_RESUME that sends it back
 * unchanged, printing the NXT_RESUME after "send: ". */
static void
resume_closure(struct vconn *vconn, const struct ofp_header *oh)
{
    struct ofpbuf private_properties;
    struct ofputil_closure closure;
    enum ofperr error;

    memset(&closure, 0, sizeof closure);
    ofpbuf_init(&private_properties, 0);
    error = ofputil_decode_closure(oh, &closure, &private_properties);
    if (error) {
        fprintf(stderr, "decoding closure failed: %s\n",
                ofperr_to_string(error));
    } else {
        enum ofputil_protocol protocol = ofputil_protocol_from_ofp_version(
            vconn_get_version(vconn));
        struct ofpbuf *resume = ofputil_encode_resume(&closure,
                                                      &private_properties,
                                                      protocol);

        fputs("send: ", stderr);
        ofp_print(stderr, resume->data, resume->size, NULL, verbosity + 2);
        fflush(stderr);

        int retval = vconn_send_block(vconn, resume);
        if (retval) {
            ofpbuf_delete(resume);
            ovs_fatal(retval, "failed to send NXT_RESUME");
        }
    }
    ofpbuf_uninit(&private_properties);
    ofputil_closure_destroy(&closure);
}

static void
print_timestamp(void)
{
    long long int now = time_wall_msec();
    time_t secs = now / 1000;
    struct tm tm;
    char buf[32];

    gmtime_r(&secs, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    fprintf(stderr, "%s.%03lld: ", buf, now % 1000);
}

/* Prints every message that arrives on 'vconn' to stderr until told to
 * exit through ovs-appctl.  Detaches first if --detach was given. */
static void
monitor_vconn(struct vconn *vconn, bool reply_to_echo_requests,
              bool resume_closures)
{
    struct monitor m = { vconn, false, false, NULL };
    struct unixctl_server *server;
    int saved_stderr = -1;
    int error;

    /* A detached daemon points its standard streams at /dev/null, but the
     * monitor's output is stderr: keep a copy and put it back. */
    if (get_detach()) {
        saved_stderr = dup(STDERR_FILENO);
    }
    daemonize_start(false);
    error = unixctl_server_create(NULL, &server);
    if (error) {
        ovs_fatal(error, "failed to create unixctl server");
    }
    unixctl_command_register("exit", "", 0, 0, monitor_exit, &m);
    unixctl_command_register("ofctl/send", "OFMSG...", 1, INT_MAX,
                             monitor_send, &m);
    unixctl_command_register("ofctl/barrier", "", 0, 0, monitor_barrier,
                             &m);
    unixctl_command_register("ofctl/set-output-file", "FILE", 1, 1,
                             monitor_set_output_file, &m);
    unixctl_command_register("ofctl/block", "", 0, 0, monitor_block, &m);
    unixctl_command_register("ofctl/unblock", "", 0, 0, monitor_block, &m);
    daemonize_complete();
    if (saved_stderr >= 0) {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
    }

    for (;;) {
        unixctl_server_run(server);

        while (!m.blocked) {
            struct ofpbuf *b;
            enum ofptype type;
            int retval = vconn_recv(vconn, &b);

            if (retval == EAGAIN) {
                break;
            }
            run(retval, "vconn_recv");

            if (timestamp) {
                print_timestamp();
            }
            ofp_print(stderr, b->data, b->size,
                      ports_to_show(vconn_get_name(vconn)), verbosity + 2);
            fflush(stderr);

            if (!ofptype_decode(&type, b->data)) {
                const struct ofp_header *oh = b->data;

                if (type == OFPTYPE_BARRIER_REPLY && m.barrier_conn) {
                    unixctl_command_reply(m.barrier_conn, NULL);
                    m.barrier_conn = NULL;
                } else if (type == OFPTYPE_ECHO_REQUEST
                           && reply_to_echo_requests) {
                    struct ofpbuf *echo = ofpraw_alloc_reply(
                        OFPRAW_OFPT_ECHO_REPLY, oh, b->size);

                    ofpbuf_put(echo, oh + 1, b->size - sizeof *oh);
                    ofpmsg_update_length(echo);
                    retval = vconn_send_block(vconn, echo);
                    if (retval) {
                        ovs_fatal(retval, "failed to send echo reply");
                    }
                } else if (type == OFPTYPE_NXT_CLOSURE && resume_closures) {
                    resume_closure(vconn, oh);
                }
            }
            ofpbuf_delete(b);
        }

        if (m.exiting) {
            break;
        }

        vconn_run(vconn);
        vconn_run_wait(vconn);
        if (!m.blocked) {
            vconn_recv_wait(vconn);
        }
        unixctl_server_wait(server);
        poll_block();
    }
    unixctl_server_destroy(server);
    vconn_close(vconn);
}

/* monitor SWITCH [MISS_LEN] [invalid_ttl] [resume]. */
static void
ofctl_monitor(struct ovs_cmdl_context *ctx)
{
    bool resume_closures = false;
    struct vconn *vconn;

    open_vconn(ctx->argv[1], &vconn);
    for (int i = 2; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i];
        struct ofputil_switch_config cfg;

        if (isdigit((unsigned char) arg[0])) {
            int miss_send_len;

            if (!str_to_int(arg, 10, &miss_send_len) || miss_send_len < 0
                || miss_send_len > UINT16_MAX) {
                ovs_fatal(0, "%s: invalid miss length", arg);
            }
            fetch_switch_config(vconn, &cfg);
            cfg.miss_send_len = miss_send_len;
            set_switch_config(vconn, &cfg);
        } else if (!strcmp(arg, "invalid_ttl")) {
            fetch_switch_config(vconn, &cfg);
            if (cfg.invalid_ttl_to_controller != 1) {
                cfg.invalid_ttl_to_controller = 1;
                set_switch_config(vconn, &cfg);
                fetch_switch_config(vconn, &cfg);
                if (cfg.invalid_ttl_to_controller != 1) {
                    ovs_fatal(0, "setting invalid_ttl_to_controller failed "
                              "(this switch probably doesn't support "
                              "invalid_ttl_to_controller)");
                }
            }
        } else if (!strcmp(arg, "resume")) {
            /* A management connection gets no asynchronous messages until
             * it sets a miss length, so set one, then ask for closures. */
            resume_closures = true;
            fetch_switch_config(vconn, &cfg);
            cfg.miss_send_len = UINT16_MAX;
            set_switch_config(vconn, &cfg);
            enable_closures(vconn);
        } else {
            ovs_fatal(0, "%s: unsupported \"monitor\" argument", arg);
        }
    }

    if (preferred_packet_in_format >= 0) {
        set_packet_in_format(vconn, preferred_packet_in_format, true);
    } else if (!set_packet_in_format(vconn, OFPUTIL_PACKET_IN_NXT2, false)
               && vconn_get_version(vconn) == OFP10_VERSION) {
        /* No NXT_PACKET_IN2: OpenFlow 1.0 still has NXT_PACKET_IN. */
        set_packet_in_format(vconn, OFPUTIL_PACKET_IN_NXT, false);
    }

    monitor_vconn(vconn, true, resume_closures);
}

static void
ofctl_snoop(struct ovs_cmdl_context *ctx)
{
    struct vconn *vconn;

    open_target(ctx->argv[1], "snoop", &vconn);
    /* The copies come in whatever version each controller speaks. */
    vconn_set_recv_any_version(vconn);
    monitor_vconn(vconn, false, false);
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
    /* Online. */
    { "show", "switch", 1, 1, ofctl_show, OVS_RO },
    { "dump-desc", "switch", 1, 1, ofctl_dump_simple, OVS_RO },
    { "dump-tables", "switch", 1, 1, ofctl_dump_simple, OVS_RO },
    { "dump-ports", "switch [port]", 1, 2, ofctl_dump_ports, OVS_RO },
    { "dump-ports-desc", "switch [port]", 1, 2, ofctl_dump_ports_desc,
      OVS_RO },
    { "mod-port", "switch iface act", 3, 3, ofctl_mod_port, OVS_RW },
    { "dump-flows", "switch [flow]", 1, 2, ofctl_dump_flows, OVS_RO },
    { "dump-aggregate", "switch [flow]", 1, 2, ofctl_dump_aggregate,
      OVS_RO },
    { "add-flow", "switch flow", 2, 2, ofctl_add_flow, OVS_RW },
    { "add-flows", "switch file", 2, 2, ofctl_add_flows, OVS_RW },
    { "mod-flows", "switch flow", 2, 2, ofctl_mod_flows, OVS_RW },
    { "del-flows", "switch [flow]", 1, 2, ofctl_del_flows, OVS_RW },
    { "replace-flows", "switch file", 2, 2, ofctl_replace_flows, OVS_RW },
    { "diff-flows", "source1 source2", 2, 2, ofctl_diff_flows, OVS_RW },
    { "packet-out", "switch \"in_port=<port> packet=<hex data> "
      "actions=...\"", 2, INT_MAX, ofctl_packet_out, OVS_RW },
    { "monitor", "switch [misslen] [invalid_ttl] [resume]", 1, 4,
      ofctl_monitor, OVS_RO },
    { "snoop", "switch", 1, 1, ofctl_snoop, OVS_RO },
    { "probe", "target", 1, 1, ofctl_probe, OVS_RO },

    /* Offline. */
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
