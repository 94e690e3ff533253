/* ofproto/trace: shows how a bridge would handle a packet.
 *
 *   ovs-appctl ofproto/trace [BRIDGE] FLOW [-generate | PACKET]
 *
 * FLOW is either a datapath flow ("in_port(1),eth(...),...", whose input
 * port is a datapath port number and names the bridge if BRIDGE is left
 * out) or an OpenFlow match ("in_port=1,dl_dst=..."; port names allowed).
 * PACKET, in hex, supplies the packet's bytes; otherwise one is composed
 * from FLOW when a packet is needed.
 *
 * The trace is an ordinary translation with a report attached and without
 * side effects: no packet-ins or closures are sent, nothing is learned,
 * nothing is executed.  It prints every table visited with the rule found
 * and its actions (nested resubmits indented), where a packet pauses and
 * what its closure holds, then the final flow, the megaflow that the
 * datapath would cache and, last, the datapath actions. */

#include <config.h>
#include "ofproto-dpif.h"

#include <stdlib.h>
#include <string.h>
#include "dp-packet.h"
#include "dynamic-string.h"
#include "match.h"
#include "odp-util.h"
#include "ofp-flow.h"
#include "ofp-port.h"
#include "ofproto-dpif-xlate.h"
#include "ofproto-provider.h"
#include "unixctl.h"
#include "util.h"

struct trace_find_port {
    odp_port_t odp_port;
    struct ofport *port;
};

static void
find_odp_port_cb(struct ofproto *ofproto, void *aux_)
{
    struct trace_find_port *aux = aux_;
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (!aux->port && od) {
        struct ofport *port = ofproto_dpif_port_from_odp(od->backer,
                                                         aux->odp_port);

        if (port && port->ofproto == ofproto) {
            aux->port = port;
        }
    }
}

/* Parses 'flow_s' into 'flow' (with an OpenFlow input port).  '*ofprotop'
 * is the bridge named on the command line, or NULL to take it from a
 * datapath flow's input port.  Returns a malloc()'d error or NULL. */
static char *
trace_parse_flow(const char *flow_s, struct ofproto **ofprotop,
                 struct flow *flow)
{
    if (strchr(flow_s, '(')) {
        struct trace_find_port find;
        char *error = odp_flow_from_string(flow_s, flow, NULL);

        if (error) {
            char *msg = xasprintf("Bad datapath flow syntax: %s", error);

            free(error);
            return msg;
        }
        find.odp_port = flow->in_port.odp_port;
        find.port = NULL;
        if (*ofprotop) {
            find_odp_port_cb(*ofprotop, &find);
        } else {
            ofproto_for_each(find_odp_port_cb, &find);
        }
        if (!find.port) {
            return xasprintf("no OpenFlow port for datapath port %"PRIu32,
                             odp_to_u32(flow->in_port.odp_port));
        }
        *ofprotop = find.port->ofproto;
        flow->in_port.odp_port = 0;
        flow->in_port.ofp_port = find.port->ofp_port;
        return NULL;
    } else {
        struct ofputil_port_map map;
        struct ofputil_flow_mod fm;
        enum ofputil_protocol usable;
        struct ofport *port;
        char *error;

        if (!*ofprotop) {
            return xstrdup("an OpenFlow flow needs a bridge name");
        }
        ofputil_port_map_init(&map);
        HMAP_FOR_EACH (port, hmap_node, &(*ofprotop)->ports) {
            ofputil_port_map_put(&map, port->ofp_port, port->pp.name);
        }
        error = parse_ofp_str(&fm, OFPFC_DELETE, flow_s, &map, &usable);
        ofputil_port_map_destroy(&map);
        if (error) {
            char *msg = xasprintf("Bad OpenFlow flow syntax: %s", error);

            free(error);
            return msg;
        }
        free(fm.ofpacts);
        *flow = fm.match.flow;
        return NULL;
    }
}

static void
trace_cmd(struct unixctl_conn *conn, int argc, const char *argv[],
          void *aux OVS_UNUSED)
{
    struct ofproto *ofproto = NULL;
    struct dp_packet *packet = NULL;
    struct ds out = DS_EMPTY_INITIALIZER;
    const char *flow_s, *packet_s;
    struct xlate_out xout;
    struct xlate_in xin;
    struct match megaflow;
    char *error;
    int i = 1;

    if (argc > 2 && ofproto_lookup(argv[1])) {
        ofproto = ofproto_lookup(argv[1]);
        i = 2;
    }
    flow_s = argv[i++];
    packet_s = i < argc ? argv[i++] : NULL;
    if (i < argc) {
        unixctl_command_reply_error(conn, "too many arguments");
        return;
    }

    memset(&xin, 0, sizeof xin);
    error = trace_parse_flow(flow_s, &ofproto, &xin.flow);
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return;
    }
    if (!ofproto_dpif_cast(ofproto)) {
        unixctl_command_reply_error(conn, "no such bridge");
        return;
    }

    if (packet_s && strcmp(packet_s, "-generate")) {
        struct ofpbuf hex;
        ofp_port_t in_port = xin.flow.in_port.ofp_port;

        ofpbuf_init(&hex, 0);
        error = ofpbuf_put_hex(&hex, packet_s, NULL);
        if (error && *error) {
            unixctl_command_reply_error(conn, "Trailing garbage in packet "
                                        "data");
            ofpbuf_uninit(&hex);
            return;
        }
        packet = dp_packet_clone_data(hex.data, hex.size);
        ofpbuf_uninit(&hex);
        pkt_metadata_init(&packet->md, ODPP_NONE);
        flow_extract(packet, &xin.flow);
        xin.flow.in_port.odp_port = 0;
        xin.flow.in_port.ofp_port = in_port;
    }

    xin.ofproto = ofproto;
    xin.packet = packet;
    xin.trace = &out;

    ds_put_cstr(&out, "Flow: ");
    flow_format(&out, &xin.flow);
    ds_put_cstr(&out, "\n\n");

    xlate_out_init(&xout);
    xlate_actions(&xin, &xout);

    ds_put_cstr(&out, "\nFinal flow: ");
    if (flow_equal(&xin.flow, &xout.final_flow)) {
        ds_put_cstr(&out, "unchanged");
    } else {
        flow_format(&out, &xout.final_flow);
    }
    ds_put_cstr(&out, "\nMegaflow: ");
    match_init(&megaflow, &xin.flow, &xout.wc);
    match_format(&megaflow, NULL, &out, XLATE_DEFAULT_PRIORITY);
    ds_put_cstr(&out, "\nDatapath actions: ");
    format_odp_actions(&out, xout.odp_actions.data, xout.odp_actions.size);
    ds_put_char(&out, '\n');

    unixctl_command_reply(conn, ds_cstr(&out));
    xlate_out_uninit(&xout);
    dp_packet_delete(packet);
    ds_destroy(&out);
}

void
ofproto_dpif_trace_init(void)
{
    unixctl_command_register("ofproto/trace",
                             "[bridge] flow [-generate | packet]", 1, 3,
                             trace_cmd, NULL);
}
