/* Translation: walking OpenFlow actions to build datapath actions.
 *
 * A translation keeps two views of the packet.  'flow' is the packet as the
 * OpenFlow actions so far have changed it; 'base_flow' is the packet as the
 * datapath actions emitted so far will leave it.  Header changes only touch
 * 'flow'; whenever the packet must really exist in its current form (an
 * output, a packet-in, a pause) commit_odp_actions() emits the set and VLAN
 * actions that bring 'base_flow' up to 'flow'.  This keeps the datapath
 * actions short: ten set_field actions before one output cost one masked
 * set.
 *
 * Every field translation looks at, whether through a table lookup (the
 * classifier adds what it examined), through an action that reads it, or
 * because a decision depends on it, is added to the wildcards 'wc'.  The
 * datapath may then reuse the result for every packet that agrees on those
 * bits.  Translations that must see each packet (packet-ins, pauses) are
 * marked 'slow' and never cached.
 *
 * Nesting.  resubmit and goto_table look up another table and run the
 * actions of the rule found there, then come back; a depth limit and a
 * lookup budget stop loops.  clone runs its actions on a copy of the
 * translation state and throws the copy away.  An output to a patch port
 * continues in the peer bridge's table 0 as a separate pipeline (own stack
 * and action set) and then comes back.
 *
 * Freezing (ofproto-dpif-freeze.c) stops the walk at a "pause" and records
 * what is left to do at every nesting level, so a later translation can
 * pick it up.  A clone or a patch port bounds a freeze: the pause captures
 * only the copy, and the original goes on at once. */

#include <config.h>
#include "ofproto-dpif-xlate.h"

#include <linux/openvswitch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "connmgr.h"
#include "dp-packet.h"
#include "dynamic-string.h"
#include "mac-learning.h"
#include "meta-flow.h"
#include "netlink.h"
#include "odp-execute.h"
#include "odp-util.h"
#include "ofp-actions.h"
#include "ofproto-dpif-mirror.h"
#include "ofproto-dpif.h"
#include "ofp-flow.h"
#include "ofproto-provider.h"
#include "openvswitch/vlog.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ofproto_dpif_xlate);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

static void xlate_output(struct xlate_ctx *, ofp_port_t, uint16_t max_len);
static void xlate_table(struct xlate_ctx *, ofp_port_t in_port,
                        uint8_t table_id, bool honor_miss, bool nested);

/* ----- Reporting (ofproto/trace) ------------------------------------- */

void
xlate_report(struct xlate_ctx *ctx, const char *format, ...)
{
    struct ds *out = ctx->xin->trace;
    va_list args;

    if (!out) {
        return;
    }
    ds_put_char_multiple(out, ' ', ctx->indent * 4);
    va_start(args, format);
    ds_put_format_valist(out, format, args);
    va_end(args);
    ds_put_char(out, '\n');
}

static void
report_action(struct xlate_ctx *ctx, const struct ofpact *a)
{
    if (ctx->xin->trace && a->type != OFPACT_UNROLL_XLATE) {
        struct ds s = DS_EMPTY_INITIALIZER;

        ofpact_format(a, NULL, &s);
        xlate_report(ctx, "%s", ds_cstr(&s));
        ds_destroy(&s);
    }
}

static void
report_rule(struct xlate_ctx *ctx, const struct rule *rule)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (!ctx->xin->trace) {
        return;
    }
    match_format(&rule->cr.match, NULL, &s, XLATE_DEFAULT_PRIORITY);
    if (s.length) {
        ds_put_cstr(&s, ", ");
    }
    ds_put_format(&s, "priority %d", rule->cr.priority);
    if (rule->flow_cookie) {
        ds_put_format(&s, ", cookie %#"PRIx64, ntohll(rule->flow_cookie));
    }
    ctx->indent--;
    ds_put_char_multiple(ctx->xin->trace, ' ', ctx->indent * 4);
    ds_put_format(ctx->xin->trace, "%2d. %s\n", rule->table_id, ds_cstr(&s));
    ctx->indent++;
    ds_destroy(&s);
}

static void
report_bridge(struct xlate_ctx *ctx)
{
    struct ds *out = ctx->xin->trace;
    size_t start;

    if (!out) {
        return;
    }
    ds_put_char(out, '\n');
    ds_put_char_multiple(out, ' ', ctx->indent * 4);
    start = out->length;
    ds_put_format(out, "bridge(\"%s\")", ctx->bridge->name);
    size_t len = out->length - start;
    ds_put_char(out, '\n');
    ds_put_char_multiple(out, ' ', ctx->indent * 4);
    ds_put_char_multiple(out, '-', len);
    ds_put_char(out, '\n');
}

/* ----- Output results ------------------------------------------------ */

void
xlate_out_init(struct xlate_out *xout)
{
    memset(xout, 0, sizeof *xout);
    ofpbuf_init(&xout->odp_actions, 64);
    flow_wildcards_init_catchall(&xout->wc);
}

void
xlate_out_uninit(struct xlate_out *xout)
{
    if (xout) {
        ofpbuf_uninit(&xout->odp_actions);
        for (size_t i = 0; i < xout->n_rules; i++) {
            ofproto_rule_unref(xout->rules[i]);
        }
        free(xout->rules);
        xout->rules = NULL;
        xout->n_rules = 0;
        for (size_t i = 0; i < xout->n_recircs; i++) {
            recirc_id_unref(xout->recircs[i]);
        }
        free(xout->recircs);
        xout->recircs = NULL;
        xout->n_recircs = 0;
    }
}

void
xlate_out_credit(const struct xlate_out *xout, uint64_t bytes)
{
    long long int now = time_msec();

    for (size_t i = 0; i < xout->n_rules; i++) {
        ofproto_rule_credit(xout->rules[i], 1, bytes, now);
    }
    xlate_mirrored_credit(xout->mirrored, xout->n_mirrored, 1, bytes);
}

void
xlate_mirrored_credit(const struct xlate_mirrored *mirrored, size_t n,
                      uint64_t packets, uint64_t bytes)
{
    for (size_t i = 0; i < n; i++) {
        struct ofproto_dpif *od = ofproto_dpif_cast(mirrored[i].bridge);

        if (od) {
            mbridge_credit(od->mbridge, mirrored[i].mirrors, packets, bytes);
        }
    }
}

/* Remembers that mirror 'idx' of the current bridge got a copy.  Beyond
 * four bridges in one translation (patch ports), copies go uncounted. */
static void
xout_add_mirror(struct xlate_ctx *ctx, int idx)
{
    struct xlate_out *xout = ctx->xout;

    for (size_t i = 0; i < xout->n_mirrored; i++) {
        if (xout->mirrored[i].bridge == ctx->bridge) {
            xout->mirrored[i].mirrors |= UINT32_C(1) << idx;
            return;
        }
    }
    if (xout->n_mirrored < ARRAY_SIZE(xout->mirrored)) {
        struct xlate_mirrored *m = &xout->mirrored[xout->n_mirrored++];

        m->bridge = ctx->bridge;
        m->mirrors = UINT32_C(1) << idx;
    }
}

/* Remembers that the packet went through 'rule'.  A rule gets a packet
 * for every time the packet goes through it, which keeps counts the same
 * whether or not the translation pauses between two visits. */
static void
xout_add_rule(struct xlate_out *xout, struct rule *rule)
{
    if (xout->n_rules >= xout->allocated_rules) {
        xout->rules = x2nrealloc(xout->rules, &xout->allocated_rules,
                                 sizeof *xout->rules);
    }
    ofproto_rule_ref(rule);
    xout->rules[xout->n_rules++] = rule;
}

/* ----- The packet as translated so far ------------------------------- */

static void
ignore_output(void *aux OVS_UNUSED, struct dp_packet *packet OVS_UNUSED,
              const struct nlattr *action OVS_UNUSED)
{
}

/* Returns a new packet: the input packet with every header change made so
 * far applied (the caller frees it).  Commits pending changes to the
 * datapath actions as a side effect, which later outputs would do
 * anyway. */
struct dp_packet *
xlate_current_packet(struct xlate_ctx *ctx)
{
    struct dp_packet *packet;

    commit_odp_actions(&ctx->flow, &ctx->base_flow, ctx->odp_actions,
                       ctx->wc);
    if (ctx->xin->packet) {
        packet = dp_packet_clone(ctx->xin->packet);
    } else {
        packet = dp_packet_new(128);
        flow_compose(packet, &ctx->xin->flow);
    }
    odp_execute_actions(NULL, packet, NULL, ctx->odp_actions->data,
                        ctx->odp_actions->size, ignore_output);
    return packet;
}

/* ----- Packet-ins ---------------------------------------------------- */

static bool
rule_is_table_miss(const struct rule *rule)
{
    return rule && rule->cr.priority == 0
           && cls_rule_is_catchall(&rule->cr);
}

static void
xlate_packet_in(struct xlate_ctx *ctx, uint8_t reason, int max_len,
                uint16_t controller_id,
                enum ofproto_packet_in_miss_type miss_type)
{
    struct ofproto_packet_in pin;
    struct dp_packet *packet;

    ctx->xout->slow = true;
    if (!ctx->xin->side_effects) {
        return;
    }
    packet = xlate_current_packet(ctx);

    memset(&pin, 0, sizeof pin);
    pin.up.packet = dp_packet_data(packet);
    pin.up.packet_len = dp_packet_size(packet);
    pin.up.total_len = dp_packet_size(packet);
    pin.up.buffer_id = UINT32_MAX;
    pin.up.reason = reason;
    pin.up.table_id = ctx->table_id;
    pin.up.cookie = ctx->cookie;
    flow_get_metadata(&ctx->flow, &pin.up.flow_metadata);
    pin.miss_type = miss_type;
    pin.controller_id = controller_id;
    pin.max_len = max_len;
    connmgr_send_packet_in(ctx->bridge->connmgr, &pin);
    dp_packet_delete(packet);
}

/* Sends the packet to the controllers for a "controller" action or an
 * output to OFPP_CONTROLLER.  OpenFlow 1.4 split the "action" reason by
 * where the action was: in a packet-out, in the action set, or in a table.
 * Connections that predate 1.4 see all of them as "action" (connmgr takes
 * care of that, and of reporting a table-miss flow's action as a miss). */
static void
xlate_controller(struct xlate_ctx *ctx, uint8_t reason, uint16_t max_len,
                 uint16_t controller_id)
{
    if (reason == OFPR_ACTION) {
        if (ctx->xin->ofpacts) {
            reason = OFPR_PACKET_OUT;
        } else if (ctx->in_action_set) {
            reason = OFPR_ACTION_SET;
        }
    }

    enum ofproto_packet_in_miss_type miss = (rule_is_table_miss(ctx->rule)
                                             ? OFPROTO_PACKET_IN_MISS_FLOW
                                             : OFPROTO_PACKET_IN_NO_MISS);

    xlate_packet_in(ctx, reason, max_len, controller_id, miss);
}

/* ----- Mirrors and output -------------------------------------------- */

static void compose_output(struct xlate_ctx *, ofp_port_t, bool mirror);

static ofp_port_t *xlate_collect_ports(const struct xlate_ctx *,
                                       ofp_port_t skip_port,
                                       bool skip_no_flood,
                                       bool skip_mirror_outputs, size_t *n);

/* Sends a mirror's copy to VLAN 'vlan': tagged with it (keeping the
 * packet's priority bits), to every port of the bridge that carries the
 * VLAN, the input port included, mirror output ports excepted.  This
 * bridge has no per-port VLAN configuration, so every port carries every
 * VLAN. */
static void
mirror_flood_vlan(struct xlate_ctx *ctx, int vlan)
{
    size_t n;
    ofp_port_t *ports = xlate_collect_ports(ctx, OFPP_NONE, false, true, &n);
    ovs_be16 old_tci = ctx->flow.vlan_tci;

    ctx->wc->masks.vlan_tci |= htons(VLAN_PCP_MASK | VLAN_CFI);
    ctx->flow.vlan_tci = ((old_tci & htons(VLAN_PCP_MASK))
                          | htons(vlan | VLAN_CFI));
    for (size_t i = 0; i < n; i++) {
        compose_output(ctx, ports[i], false);
    }
    ctx->flow.vlan_tci = old_tci;
    free(ports);
}

/* Sends a copy to every mirror in 'mirrors' that has not had one yet and
 * that selects the packet's VLAN. */
static void
mirror_packet(struct xlate_ctx *ctx, uint32_t mirrors)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ctx->bridge);
    uint16_t vlan = (ctx->flow.vlan_tci & htons(VLAN_CFI)
                     ? vlan_tci_to_vid(ctx->flow.vlan_tci) : 0);

    mirrors &= ~ctx->mirrors;
    while (mirrors) {
        int idx = ctz32(mirrors);
        ofp_port_t out = mbridge_mirror_out(od->mbridge, idx);
        int out_vlan = mbridge_mirror_out_vlan(od->mbridge, idx);

        mirrors &= mirrors - 1;
        if (mbridge_mirror_has_vlans(od->mbridge, idx)) {
            ctx->wc->masks.vlan_tci |= htons(VLAN_VID_MASK | VLAN_CFI);
            if (!mbridge_mirror_selects_vlan(od->mbridge, idx, vlan)) {
                continue;
            }
        }
        ctx->mirrors |= UINT32_C(1) << idx;
        if (out != OFPP_NONE && out != ctx->flow.in_port.ofp_port) {
            xlate_report(ctx, "mirror %d: output to port %"PRIu16,
                         idx, ofp_to_u16(out));
            compose_output(ctx, out, false);
            xout_add_mirror(ctx, idx);
        } else if (out == OFPP_NONE && out_vlan > 0) {
            xlate_report(ctx, "mirror %d: output to VLAN %d", idx, out_vlan);
            mirror_flood_vlan(ctx, out_vlan);
            xout_add_mirror(ctx, idx);
        }
    }
}

/* Continues translation in the bridge at the other end of patch port
 * 'ofport', as a pipeline of its own, then comes back with the
 * translation state as it was. */
static void
patch_output(struct xlate_ctx *ctx, struct ofport *ofport)
{
    struct ofport *peer = ofproto_dpif_patch_peer(ofport);
    struct ofproto *old_bridge = ctx->bridge;
    struct flow old_flow = ctx->flow;
    struct ofpbuf old_stack = ctx->stack;
    struct ofpbuf old_action_set = ctx->action_set;
    uint32_t old_mirrors = ctx->mirrors;
    bool old_conntracked = ctx->conntracked;
    uint8_t old_table_id = ctx->table_id;
    struct rule *old_rule = ctx->rule;
    ovs_be64 old_cookie = ctx->cookie;

    if (!peer) {
        xlate_report(ctx, "patch port %s has no peer, dropping",
                     ofport->pp.name);
        return;
    }
    if (ctx->depth >= XLATE_MAX_DEPTH) {
        xlate_report(ctx, "over max translation depth %d", XLATE_MAX_DEPTH);
        VLOG_WARN_RL(&rl, "%s: over max translation depth at patch port %s",
                     ctx->bridge->name, ofport->pp.name);
        return;
    }

    ctx->bridge = peer->ofproto;
    ofpbuf_init(&ctx->stack, 0);
    ofpbuf_init(&ctx->action_set, 0);
    ctx->mirrors = 0;
    ctx->conntracked = false;
    ctx->flow.in_port.ofp_port = peer->ofp_port;
    ctx->flow.metadata = htonll(0);
    ctx->flow.tun_id = htonll(0);
    memset(ctx->flow.regs, 0, sizeof ctx->flow.regs);
    ctx->flow.ct_state = 0;
    ctx->flow.ct_zone = 0;
    ctx->flow.ct_mark = 0;
    memset(&ctx->flow.ct_label, 0, sizeof ctx->flow.ct_label);

    ctx->indent++;
    report_bridge(ctx);
    if (peer->pp.config & OFPUTIL_PC_NO_RECV) {
        xlate_report(ctx, "peer port has no-recv set, dropping");
    } else {
        mirror_packet(ctx, mbridge_src_mirrors(
                          ofproto_dpif_cast(ctx->bridge)->mbridge,
                          peer->ofp_port));
        ctx->depth++;
        xlate_table(ctx, peer->ofp_port, 0, true, true);
        ctx->depth--;
        ctx->exit = false;
        if (!ctx->freezing) {
            xlate_execute_action_set(ctx);
        }
        if (ctx->freezing) {
            freeze_finish(ctx, false);
        }
    }
    ctx->indent--;

    ofpbuf_uninit(&ctx->stack);
    ofpbuf_uninit(&ctx->action_set);
    ctx->stack = old_stack;
    ctx->action_set = old_action_set;
    ctx->bridge = old_bridge;
    ctx->flow = old_flow;
    ctx->mirrors = old_mirrors;
    ctx->conntracked = old_conntracked;
    ctx->table_id = old_table_id;
    ctx->rule = old_rule;
    ctx->cookie = old_cookie;
    ctx->exit = false;
}

/* Outputs to 'port' of the current bridge, then to the mirrors that
 * select packets sent there (if 'mirror'). */
static void
compose_output(struct xlate_ctx *ctx, ofp_port_t port, bool mirror)
{
    struct ofport *ofport = ofproto_get_port(ctx->bridge, port);
    struct ofport_dpif *op;

    if (!ofport) {
        xlate_report(ctx, "nonexistent output port %"PRIu16,
                     ofp_to_u16(port));
        return;
    }
    if (ofport->pp.config & OFPUTIL_PC_NO_FWD) {
        xlate_report(ctx, "port %s has no-forward set, skipping output",
                     ofport->pp.name);
        return;
    }
    op = ofport_dpif_cast(ofport);
    if (op && op->is_patch) {
        patch_output(ctx, ofport);
    } else if (ofport->odp_port != ODPP_NONE) {
        commit_odp_actions(&ctx->flow, &ctx->base_flow, ctx->odp_actions,
                           ctx->wc);
        nl_msg_put_u32(ctx->odp_actions, OVS_ACTION_ATTR_OUTPUT,
                       odp_to_u32(ofport->odp_port));
    }
    if (mirror) {
        mirror_packet(ctx, mbridge_dst_mirrors(
                          ofproto_dpif_cast(ctx->bridge)->mbridge, port));
    }
}

static int
compare_ofp_ports(const void *a_, const void *b_)
{
    const ofp_port_t *a = a_;
    const ofp_port_t *b = b_;

    return *a < *b ? -1 : *a > *b;
}

/* Returns the ports of the current bridge in number order, except
 * 'skip_port' (OFPP_NONE to keep them all), ports with no-flood set if
 * 'skip_no_flood', and mirror output ports if 'skip_mirror_outputs'.
 * Their count goes in '*n'.  The caller frees the array. */
static ofp_port_t *
xlate_collect_ports(const struct xlate_ctx *ctx, ofp_port_t skip_port,
                    bool skip_no_flood, bool skip_mirror_outputs, size_t *n)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ctx->bridge);
    ofp_port_t *ports = xmalloc((hmap_count(&ctx->bridge->ports) + 1)
                                * sizeof *ports);
    struct ofport *ofport;

    *n = 0;
    HMAP_FOR_EACH (ofport, hmap_node, &ctx->bridge->ports) {
        if (ofport->ofp_port == skip_port
            || (skip_no_flood && ofport->pp.config & OFPUTIL_PC_NO_FLOOD)
            || (skip_mirror_outputs
                && mbridge_is_output_port(od->mbridge, ofport->ofp_port))) {
            continue;
        }
        ports[(*n)++] = ofport->ofp_port;
    }
    qsort(ports, *n, sizeof *ports, compare_ofp_ports);
    return ports;
}

/* Outputs to every port but the input port: all of them ('all'), or those
 * that allow flooding.  'normal' also leaves out mirror output ports. */
static void
xlate_flood(struct xlate_ctx *ctx, bool all, bool normal)
{
    size_t n;
    ofp_port_t *ports = xlate_collect_ports(ctx, ctx->flow.in_port.ofp_port,
                                            !all, normal, &n);

    for (size_t i = 0; i < n; i++) {
        compose_output(ctx, ports[i], true);
    }
    free(ports);
}

/* The NORMAL action: an L2 learning switch. */
static void
xlate_normal(struct xlate_ctx *ctx)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ctx->bridge);
    struct flow *flow = &ctx->flow;
    struct flow_wildcards *wc = ctx->wc;
    ofp_port_t in_port = flow->in_port.ofp_port;
    uint16_t vlan = vlan_tci_to_vid(flow->vlan_tci);
    ofp_port_t out;

    memset(&wc->masks.dl_src, 0xff, sizeof wc->masks.dl_src);
    memset(&wc->masks.dl_dst, 0xff, sizeof wc->masks.dl_dst);
    wc->masks.vlan_tci |= htons(VLAN_VID_MASK | VLAN_CFI);

    if (mbridge_is_output_port(od->mbridge, in_port)) {
        xlate_report(ctx, "dropping packet received on mirror output port");
        return;
    }
    if (eth_addr_is_multicast(flow->dl_src)) {
        xlate_report(ctx, "dropping packet with multicast source address");
        return;
    }

    if (ctx->xin->side_effects && ofproto_get_port(ctx->bridge, in_port)) {
        struct xlate_out *xout = ctx->xout;

        if (mac_learning_learn(od->ml, flow->dl_src, vlan, in_port)) {
            xlate_report(ctx, "learned that "ETH_ADDR_FMT" is on port %"
                         PRIu16" in VLAN %"PRIu16,
                         ETH_ADDR_ARGS(flow->dl_src), ofp_to_u16(in_port),
                         vlan);
            od->backer->need_revalidate = true;
        }
        if (xout->n_learned < ARRAY_SIZE(xout->learned)) {
            struct xlate_learned *l = &xout->learned[xout->n_learned++];

            l->bridge = ctx->bridge;
            l->mac = flow->dl_src;
            l->vlan = vlan;
            l->port = in_port;
        }
    }

    out = (eth_addr_is_multicast(flow->dl_dst) ? OFPP_NONE
           : mac_learning_lookup(od->ml, flow->dl_dst, vlan));
    if (out == OFPP_NONE) {
        xlate_report(ctx, "no learned MAC for destination, flooding");
        xlate_flood(ctx, false, true);
    } else if (out == in_port) {
        xlate_report(ctx, "learned port is input port, dropping");
    } else {
        xlate_report(ctx, "forwarding to learned port");
        compose_output(ctx, out, true);
    }
}

static void
xlate_output(struct xlate_ctx *ctx, ofp_port_t port, uint16_t max_len)
{
    ofp_port_t in_port = ctx->flow.in_port.ofp_port;

    switch (port) {
    case OFPP_NORMAL:
        xlate_normal(ctx);
        break;
    case OFPP_ALL:
    case OFPP_FLOOD:
        xlate_flood(ctx, port == OFPP_ALL, false);
        break;
    case OFPP_CONTROLLER:
        xlate_controller(ctx, OFPR_ACTION, max_len, 0);
        break;
    case OFPP_IN_PORT:
        compose_output(ctx, in_port, true);
        break;
    case OFPP_TABLE:
        xlate_table(ctx, in_port, 0, true, true);
        break;
    case OFPP_NONE:
        break;
    default:
        if (port == in_port) {
            xlate_report(ctx, "skipping output to input port");
        } else {
            compose_output(ctx, port, true);
        }
        break;
    }
}

/* ----- Tables -------------------------------------------------------- */

/* A table miss without a table-miss flow is a packet-in if some
 * connection wants one, and otherwise a drop that the datapath may cache:
 * connmgr revalidates the cache when that interest changes. */
static bool
miss_wants_packet_in(const struct xlate_ctx *ctx)
{
    return connmgr_wants_miss_packet_in(ctx->bridge->connmgr);
}

static void
xlate_table_miss(struct xlate_ctx *ctx)
{
    struct ofport *in = ofproto_get_port(ctx->bridge,
                                         ctx->flow.in_port.ofp_port);

    ctx->rule = NULL;
    ctx->cookie = htonll(0);
    if (in && in->pp.config & OFPUTIL_PC_NO_PACKET_IN) {
        xlate_report(ctx, "input port has no-packet-in set, dropping");
    } else if (miss_wants_packet_in(ctx)) {
        xlate_report(ctx, "packet-in to controllers (reason no_match)");
        xlate_packet_in(ctx, OFPR_NO_MATCH, -1, 0,
                        OFPROTO_PACKET_IN_MISS_WITHOUT_FLOW);
    } else {
        xlate_report(ctx, "drop");
    }
}

/* Looks up table 'table_id' with in_port 'in_port' and runs the actions
 * of the rule found.  'honor_miss' sends table misses to the controller
 * (table 0, goto_table); resubmit just does nothing on a miss.  'nested'
 * indents the trace (resubmit), goto_table does not. */
static void
xlate_table(struct xlate_ctx *ctx, ofp_port_t in_port, uint8_t table_id,
            bool honor_miss, bool nested)
{
    ofp_port_t old_in_port = ctx->flow.in_port.ofp_port;
    uint8_t old_table_id = ctx->table_id;
    struct rule *old_rule = ctx->rule;
    ovs_be64 old_cookie = ctx->cookie;
    struct rule *rule;

    if (table_id >= OFPROTO_N_TABLES) {
        xlate_report(ctx, "table %d does not exist", table_id);
        return;
    }
    if (ctx->depth >= XLATE_MAX_DEPTH
        || ++ctx->n_lookups > XLATE_MAX_RESUBMITS) {
        xlate_report(ctx, "over max translation depth or resubmits, "
                     "dropping");
        VLOG_WARN_RL(&rl, "%s: over %d nested resubmits or %d lookups, "
                     "dropping the packet", ctx->bridge->name,
                     XLATE_MAX_DEPTH, XLATE_MAX_RESUBMITS);
        /* Drop the packet: no actions, and nothing committed either. */
        ofpbuf_clear(ctx->odp_actions);
        ctx->base_flow = ctx->xin->flow;
        ctx->exit = true;
        return;
    }

    ctx->flow.in_port.ofp_port = in_port;
    rule = ofproto_rule_lookup(ctx->bridge, table_id, &ctx->flow, ctx->wc);
    ctx->table_id = table_id;
    if (!nested) {
        ctx->indent--;
    }
    if (rule) {
        xout_add_rule(ctx->xout, rule);
        ctx->rule = rule;
        ctx->cookie = rule->flow_cookie;
        ctx->indent++;
        report_rule(ctx, rule);
        ctx->depth++;
        xlate_do_actions(ctx, rule->ofpacts, rule->ofpacts_len);
        ctx->depth--;
        ctx->indent--;
    } else {
        if (ctx->xin->trace) {
            ds_put_char_multiple(ctx->xin->trace, ' ', ctx->indent * 4);
            ds_put_format(ctx->xin->trace, "%2d. No match.\n", table_id);
        }
        if (honor_miss) {
            ctx->indent++;
            xlate_table_miss(ctx);
            ctx->indent--;
        }
    }
    if (!nested) {
        ctx->indent++;
    }

    ctx->table_id = old_table_id;
    ctx->rule = old_rule;
    ctx->cookie = old_cookie;
    if (in_port != old_in_port) {
        if (ctx->freezing) {
            /* The frozen inner levels keep 'in_port'; the caller's level
             * must get its own back when it is thawed. */
            ctx->restore_in_port = old_in_port;
        } else {
            ctx->flow.in_port.ofp_port = old_in_port;
        }
    }
}

/* ----- The action set ------------------------------------------------ */

/* Appends to 'out' the last action of 'type' in the action set, if any.
 * Returns true if there was one. */
static bool
copy_last(struct ofpbuf *out, const struct ofpbuf *set, enum ofpact_type type)
{
    const struct ofpact *a, *last = NULL;

    OFPACT_FOR_EACH (a, set->data, set->size) {
        if (a->type == type) {
            last = a;
        }
    }
    if (last) {
        ofpbuf_put(out, last, OFPACT_ALIGN(last->len));
    }
    return last != NULL;
}

/* The action set's "set" slot takes every action allowed in the set
 * except those with a slot of their own. */
static bool
is_set_or_move(const struct ofpact *a)
{
    return (ofpact_is_allowed_in_actions_set(a)
            && a->type != OFPACT_OUTPUT && a->type != OFPACT_GROUP
            && a->type != OFPACT_STRIP_VLAN && a->type != OFPACT_PUSH_VLAN
            && a->type != OFPACT_DEC_TTL);
}

/* Runs the action set in the order OpenFlow 1.1+ prescribes: pop, push,
 * decrement TTL, every set, then the output (nothing at all if there is
 * no output).  The set is emptied first, so a pause inside it (through
 * output:TABLE in a packet-out) does not run it twice. */
void
xlate_execute_action_set(struct xlate_ctx *ctx)
{
    struct ofpbuf list;
    const struct ofpact *a;

    if (!ctx->action_set.size) {
        return;
    }
    ofpbuf_init(&list, ctx->action_set.size);
    copy_last(&list, &ctx->action_set, OFPACT_STRIP_VLAN);
    copy_last(&list, &ctx->action_set, OFPACT_PUSH_VLAN);
    copy_last(&list, &ctx->action_set, OFPACT_DEC_TTL);
    OFPACT_FOR_EACH (a, ctx->action_set.data, ctx->action_set.size) {
        if (is_set_or_move(a)) {
            ofpbuf_put(&list, a, OFPACT_ALIGN(a->len));
        }
    }
    if (!copy_last(&list, &ctx->action_set, OFPACT_GROUP)
        && !copy_last(&list, &ctx->action_set, OFPACT_OUTPUT)) {
        list.size = 0;
    }
    ofpbuf_clear(&ctx->action_set);

    xlate_report(ctx, "Executing action set:");
    ctx->indent++;
    bool was_in_action_set = ctx->in_action_set;
    ctx->in_action_set = true;
    xlate_do_actions(ctx, list.data, list.size);
    ctx->in_action_set = was_in_action_set;
    ctx->indent--;
    ofpbuf_uninit(&list);
}

/* ----- Individual actions -------------------------------------------- */

static void
xlate_clone(struct xlate_ctx *ctx, const struct ofpact_nest *nest)
{
    struct flow old_flow = ctx->flow;
    struct ofpbuf old_stack = ctx->stack;
    struct ofpbuf old_action_set = ctx->action_set;
    bool old_conntracked = ctx->conntracked;

    ofpbuf_init(&ctx->stack, old_stack.size);
    ofpbuf_put(&ctx->stack, old_stack.data, old_stack.size);
    ofpbuf_init(&ctx->action_set, old_action_set.size);
    ofpbuf_put(&ctx->action_set, old_action_set.data, old_action_set.size);

    ctx->indent++;
    xlate_do_actions(ctx, nest->actions, ofpact_nest_get_action_len(nest));
    if (ctx->freezing) {
        freeze_finish(ctx, true);
    }
    ctx->indent--;

    ofpbuf_uninit(&ctx->stack);
    ofpbuf_uninit(&ctx->action_set);
    ctx->stack = old_stack;
    ctx->action_set = old_action_set;
    ctx->conntracked = old_conntracked;
    /* 'base_flow' keeps what the clone's datapath actions did, so the
     * next commit undoes the clone's header changes. */
    ctx->flow = old_flow;
    ctx->exit = false;
}

/* Decrements the IP TTL.  Returns true if the packet's TTL expired (then a
 * packet-in with reason invalid_ttl went to the controllers and the rest
 * of this action list is skipped). */
static bool
xlate_dec_ttl(struct xlate_ctx *ctx, const struct ofpact_cnt_ids *ids)
{
    if (!is_ip_any(&ctx->flow)) {
        return false;
    }
    ctx->wc->masks.nw_ttl = 0xff;
    if (ctx->flow.nw_ttl > 1) {
        ctx->flow.nw_ttl--;
        return false;
    }
    xlate_report(ctx, "TTL expired: packet-in with reason invalid_ttl");
    if (!ids->n_controllers) {
        xlate_packet_in(ctx, OFPR_INVALID_TTL, UINT16_MAX, 0,
                        OFPROTO_PACKET_IN_NO_MISS);
    }
    for (size_t i = 0; i < ids->n_controllers; i++) {
        xlate_packet_in(ctx, OFPR_INVALID_TTL, UINT16_MAX, ids->cnt_ids[i],
                        OFPROTO_PACKET_IN_NO_MISS);
    }
    return true;
}

static void
xlate_set_field(struct xlate_ctx *ctx, const struct ofpact_set_field *sf)
{
    if (!mf_are_prereqs_ok(sf->field, &ctx->flow, ctx->wc)) {
        xlate_report(ctx, "prerequisites of %s not met, skipping",
                     sf->field->name);
        return;
    }
    mf_mask_field_masked(sf->field, &sf->mask, ctx->wc);
    mf_set_flow_value_masked(sf->field, &sf->value, &sf->mask, &ctx->flow);
}

static void
xlate_reg_move(struct xlate_ctx *ctx, const struct ofpact_reg_move *move)
{
    union mf_subvalue value;

    if (!mf_are_prereqs_ok(move->src.field, &ctx->flow, ctx->wc)
        || !mf_are_prereqs_ok(move->dst.field, &ctx->flow, ctx->wc)) {
        xlate_report(ctx, "prerequisites not met, skipping move");
        return;
    }
    mf_mask_field(move->src.field, ctx->wc);
    mf_mask_field(move->dst.field, ctx->wc);
    memset(&value, 0, sizeof value);
    mf_read_subfield(&move->src, &ctx->flow, &value);
    mf_write_subfield_flow(&move->dst, &value, &ctx->flow);
}

static void
xlate_stack_push(struct xlate_ctx *ctx, const struct ofpact_stack *push)
{
    union mf_subvalue value;

    memset(&value, 0, sizeof value);
    mf_mask_field(push->subfield.field, ctx->wc);
    mf_read_subfield(&push->subfield, &ctx->flow, &value);
    ofpbuf_put(&ctx->stack, &value, sizeof value);
}

static void
xlate_stack_pop(struct xlate_ctx *ctx, const struct ofpact_stack *pop)
{
    union mf_subvalue value;

    if (ctx->stack.size < sizeof value) {
        xlate_report(ctx, "stack underflow, pop does nothing");
        VLOG_WARN_RL(&rl, "%s: pop from an empty stack", ctx->bridge->name);
        return;
    }
    ctx->stack.size -= sizeof value;
    memcpy(&value, (char *) ctx->stack.data + ctx->stack.size, sizeof value);
    mf_mask_field(pop->subfield.field, ctx->wc);
    mf_write_subfield_flow(&pop->subfield, &value, &ctx->flow);
}

static void
xlate_set_vlan(struct xlate_ctx *ctx, ovs_be16 mask, ovs_be16 value,
               bool push_if_needed)
{
    struct flow *flow = &ctx->flow;

    ctx->wc->masks.vlan_tci |= htons(VLAN_VID_MASK | VLAN_CFI
                                     | VLAN_PCP_MASK);
    if (flow->vlan_tci & htons(VLAN_CFI) || push_if_needed) {
        flow->vlan_tci = (flow->vlan_tci & ~mask) | value | htons(VLAN_CFI);
    }
}

/* mod_nw_tos, mod_nw_ecn and mod_nw_ttl: no-ops on non-IP packets. */
static void
xlate_set_ip_field(struct xlate_ctx *ctx, const struct ofpact *a)
{
    struct flow *flow = &ctx->flow;
    uint8_t *wc_tos = &ctx->wc->masks.nw_tos;

    if (!is_ip_any(flow)) {
        return;
    }
    if (a->type == OFPACT_SET_IP_TTL) {
        ctx->wc->masks.nw_ttl = UINT8_MAX;
        flow->nw_ttl = ofpact_get_SET_IP_TTL(a)->ttl;
    } else if (a->type == OFPACT_SET_IP_ECN) {
        *wc_tos |= IP_ECN_MASK;
        flow->nw_tos &= ~IP_ECN_MASK;
        flow->nw_tos |= ofpact_get_SET_IP_ECN(a)->ecn;
    } else {
        *wc_tos |= IP_DSCP_MASK;
        flow->nw_tos &= ~IP_DSCP_MASK;
        flow->nw_tos |= ofpact_get_SET_IP_DSCP(a)->dscp;
    }
}

static bool
flow_has_l4_ports(const struct flow *flow, struct flow_wildcards *wc)
{
    if (!is_ip_any(flow) || flow->nw_frag & FLOW_NW_FRAG_LATER) {
        return false;
    }
    wc->masks.nw_proto = 0xff;
    return (flow->nw_proto == IPPROTO_TCP || flow->nw_proto == IPPROTO_UDP
            || flow->nw_proto == IPPROTO_SCTP);
}

/* ct(): the datapath runs the packet through its connection tracker.
 * The ct_* fields it finds are only visible after a recirculation, so
 * ct(table=N) forks: the datapath recirculates a copy, which continues from
 * frozen state in table N with the ct_* fields filled in, while this
 * translation goes on with the actions after ct(). */
static void
xlate_conntrack(struct xlate_ctx *ctx, const struct ofpact_conntrack *ct)
{
    struct flow value, mask;
    bool set_mark = false, set_label = false;
    uint16_t zone = ct->zone_imm;
    const struct ofpact *a;
    size_t ofs;

    if (ct->zone_src.field) {
        mf_mask_field(ct->zone_src.field, ctx->wc);
        zone = mf_get_subfield(&ct->zone_src, &ctx->flow);
    }

    /* exec(set_field:...->ct_mark, ...->ct_label) write the connection,
     * not the packet: collect them as value and mask. */
    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    OFPACT_FOR_EACH (a, ct->actions, ofpact_ct_get_action_len(ct)) {
        const struct ofpact_set_field *sf;

        if (a->type != OFPACT_SET_FIELD) {
            continue;
        }
        sf = ofpact_get_SET_FIELD(a);
        if (sf->field->id == MFF_CT_MARK) {
            set_mark = true;
        } else if (sf->field->id == MFF_CT_LABEL) {
            set_label = true;
        } else {
            continue;
        }
        mf_set_flow_value_masked(sf->field, &sf->value, &sf->mask, &value);
        mf_set_flow_value_masked(sf->field, &sf->mask, &sf->mask, &mask);
    }

    commit_odp_actions(&ctx->flow, &ctx->base_flow, ctx->odp_actions,
                       ctx->wc);
    ofs = nl_msg_start_nested(ctx->odp_actions, OVS_ACTION_ATTR_CT);
    if (ct->flags & NX_CT_F_FORCE_) {
        nl_msg_put_flag(ctx->odp_actions, OVS_CT_ATTR_FORCE_COMMIT);
    } else if (ct->flags & NX_CT_F_COMMIT_) {
        nl_msg_put_flag(ctx->odp_actions, OVS_CT_ATTR_COMMIT);
    }
    nl_msg_put_u16(ctx->odp_actions, OVS_CT_ATTR_ZONE, zone);
    if (set_mark) {
        uint32_t pair[2] = { value.ct_mark, mask.ct_mark };

        nl_msg_put_unspec(ctx->odp_actions, OVS_CT_ATTR_MARK, pair,
                          sizeof pair);
    }
    if (set_label) {
        ovs_u128 pair[2] = { value.ct_label, mask.ct_label };

        nl_msg_put_unspec(ctx->odp_actions, OVS_CT_ATTR_LABELS, pair,
                          sizeof pair);
    }
    nl_msg_end_nested(ctx->odp_actions, ofs);

    if (ct->recirc_table != NX_CT_RECIRC_NONE) {
        uint32_t id = freeze_recirc(ctx, ct->recirc_table);

        nl_msg_put_u32(ctx->odp_actions, OVS_ACTION_ATTR_RECIRC, id);
        xlate_report(ctx, "-> recirculates as recirc(%#"PRIx32") into "
                     "table %d with the ct_* fields filled in", id,
                     ct->recirc_table);
    }
    ctx->conntracked = false;
}

/* Translates 'a'.  Returns true to stop the current action list. */
static bool
xlate_one(struct xlate_ctx *ctx, const struct ofpact *a)
{
    struct flow *flow = &ctx->flow;
    struct flow_wildcards *wc = ctx->wc;

    switch (a->type) {
    case OFPACT_OUTPUT: {
        const struct ofpact_output *o = ofpact_get_OUTPUT(a);

        xlate_output(ctx, o->port, o->max_len);
        break;
    }
    case OFPACT_OUTPUT_REG: {
        const struct ofpact_output_reg *o = ofpact_get_OUTPUT_REG(a);

        mf_mask_field(o->src.field, wc);
        xlate_output(ctx, u16_to_ofp(mf_get_subfield(&o->src, flow)),
                     o->max_len);
        break;
    }
    case OFPACT_CONTROLLER: {
        const struct ofpact_controller *c = ofpact_get_CONTROLLER(a);

        xlate_controller(ctx, c->reason, c->max_len, c->controller_id);
        break;
    }
    case OFPACT_PAUSE:
        freeze_start(ctx, ofpact_get_PAUSE(a)->controller_id);
        break;
    case OFPACT_GROUP:
        xlate_report(ctx, "groups are not supported, dropping");
        break;
    case OFPACT_SET_FIELD:
        xlate_set_field(ctx, ofpact_get_SET_FIELD(a));
        break;
    case OFPACT_SET_VLAN_VID: {
        const struct ofpact_vlan_vid *v = ofpact_get_SET_VLAN_VID(a);

        xlate_set_vlan(ctx, htons(VLAN_VID_MASK), htons(v->vlan_vid),
                       v->push_vlan_if_needed);
        break;
    }
    case OFPACT_SET_VLAN_PCP: {
        const struct ofpact_vlan_pcp *p = ofpact_get_SET_VLAN_PCP(a);

        xlate_set_vlan(ctx, htons(VLAN_PCP_MASK),
                       htons(p->vlan_pcp << VLAN_PCP_SHIFT),
                       p->push_vlan_if_needed);
        break;
    }
    case OFPACT_STRIP_VLAN:
        wc->masks.vlan_tci = OVS_BE16_MAX;
        flow->vlan_tci = htons(0);
        break;
    case OFPACT_PUSH_VLAN:
        wc->masks.vlan_tci = OVS_BE16_MAX;
        if (!(flow->vlan_tci & htons(VLAN_CFI))) {
            flow->vlan_tci = htons(VLAN_CFI);
        } else {
            xlate_report(ctx, "only one VLAN tag is supported, "
                         "push_vlan ignored");
        }
        break;
    case OFPACT_SET_ETH_SRC:
        memset(&wc->masks.dl_src, 0xff, sizeof wc->masks.dl_src);
        flow->dl_src = ofpact_get_SET_ETH_SRC(a)->mac;
        break;
    case OFPACT_SET_ETH_DST:
        memset(&wc->masks.dl_dst, 0xff, sizeof wc->masks.dl_dst);
        flow->dl_dst = ofpact_get_SET_ETH_DST(a)->mac;
        break;
    case OFPACT_SET_IPV4_SRC:
        if (flow->dl_type == htons(ETH_TYPE_IP)) {
            wc->masks.nw_src = OVS_BE32_MAX;
            flow->nw_src = ofpact_get_SET_IPV4_SRC(a)->ipv4;
        }
        break;
    case OFPACT_SET_IPV4_DST:
        if (flow->dl_type == htons(ETH_TYPE_IP)) {
            wc->masks.nw_dst = OVS_BE32_MAX;
            flow->nw_dst = ofpact_get_SET_IPV4_DST(a)->ipv4;
        }
        break;
    case OFPACT_SET_IP_DSCP:
    case OFPACT_SET_IP_ECN:
    case OFPACT_SET_IP_TTL:
        xlate_set_ip_field(ctx, a);
        break;
    case OFPACT_SET_L4_SRC_PORT:
        if (flow_has_l4_ports(flow, wc)) {
            wc->masks.tp_src = OVS_BE16_MAX;
            flow->tp_src = htons(ofpact_get_SET_L4_SRC_PORT(a)->port);
        }
        break;
    case OFPACT_SET_L4_DST_PORT:
        if (flow_has_l4_ports(flow, wc)) {
            wc->masks.tp_dst = OVS_BE16_MAX;
            flow->tp_dst = htons(ofpact_get_SET_L4_DST_PORT(a)->port);
        }
        break;
    case OFPACT_REG_MOVE:
        xlate_reg_move(ctx, ofpact_get_REG_MOVE(a));
        break;
    case OFPACT_STACK_PUSH:
        xlate_stack_push(ctx, ofpact_get_STACK_PUSH(a));
        break;
    case OFPACT_STACK_POP:
        xlate_stack_pop(ctx, ofpact_get_STACK_POP(a));
        break;
    case OFPACT_DEC_TTL:
        return xlate_dec_ttl(ctx, ofpact_get_DEC_TTL(a));
    case OFPACT_RESUBMIT: {
        const struct ofpact_resubmit *r = ofpact_get_RESUBMIT(a);
        ofp_port_t in_port = (r->in_port == OFPP_IN_PORT
                              ? flow->in_port.ofp_port : r->in_port);
        uint8_t table_id = r->table_id == 255 ? ctx->table_id : r->table_id;

        xlate_table(ctx, in_port, table_id, false, true);
        break;
    }
    case OFPACT_NOTE:
        break;
    case OFPACT_EXIT:
        ctx->exit = true;
        break;
    case OFPACT_CLONE:
        xlate_clone(ctx, ofpact_get_CLONE(a));
        break;
    case OFPACT_CT:
        xlate_conntrack(ctx, ofpact_get_CT(a));
        break;
    case OFPACT_CT_CLEAR:
        flow->ct_state = 0;
        flow->ct_zone = 0;
        flow->ct_mark = 0;
        memset(&flow->ct_label, 0, sizeof flow->ct_label);
        ctx->conntracked = false;
        break;
    case OFPACT_UNROLL_XLATE: {
        const struct ofpact_unroll_xlate *u = ofpact_get_UNROLL_XLATE(a);

        ctx->table_id = u->rule_table_id;
        ctx->cookie = u->rule_cookie;
        ctx->rule = NULL;
        break;
    }
    case OFPACT_CLEAR_ACTIONS:
        ofpbuf_clear(&ctx->action_set);
        break;
    case OFPACT_WRITE_ACTIONS: {
        const struct ofpact_nest *nest = ofpact_get_WRITE_ACTIONS(a);

        ofpbuf_put(&ctx->action_set, nest->actions,
                   ofpact_nest_get_action_len(nest));
        break;
    }
    case OFPACT_WRITE_METADATA: {
        const struct ofpact_metadata *md = ofpact_get_WRITE_METADATA(a);

        flow->metadata = (flow->metadata & ~md->mask)
                         | (md->metadata & md->mask);
        break;
    }
    case OFPACT_GOTO_TABLE:
        xlate_table(ctx, flow->in_port.ofp_port,
                    ofpact_get_GOTO_TABLE(a)->table_id, true, false);
        break;
    }
    return false;
}

void
xlate_do_actions(struct xlate_ctx *ctx, const struct ofpact *ofpacts,
                 size_t ofpacts_len)
{
    const struct ofpact *end = ofpact_end(ofpacts, ofpacts_len);
    const struct ofpact *a;

    for (a = ofpacts; a < end; a = ofpact_next(a)) {
        bool stop;

        if (ctx->exit) {
            break;
        }
        report_action(ctx, a);
        stop = xlate_one(ctx, a);
        if (ctx->freezing) {
            freeze_unroll_level(ctx, ofpact_next(a), end);
            return;
        }
        if (stop) {
            break;
        }
    }
}

/* ----- Entry point --------------------------------------------------- */

void
xlate_actions(const struct xlate_in *xin, struct xlate_out *xout)
{
    struct xlate_ctx ctx;
    ofp_port_t in_port = xin->flow.in_port.ofp_port;

    memset(&ctx, 0, sizeof ctx);
    ctx.xin = xin;
    ctx.xout = xout;
    ctx.bridge = xin->ofproto;
    ctx.flow = xin->flow;
    ctx.base_flow = xin->flow;
    ctx.wc = &xout->wc;
    ctx.odp_actions = &xout->odp_actions;
    ctx.restore_in_port = OFPP_NONE;
    ofpbuf_init(&ctx.stack, 0);
    ofpbuf_init(&ctx.action_set, 0);
    ofpbuf_init(&ctx.frozen_actions, 0);

    /* Bits every cached flow must match on. */
    ctx.wc->masks.in_port.odp_port = UINT32_MAX;
    ctx.wc->masks.recirc_id = UINT32_MAX;
    ctx.wc->masks.dl_type = OVS_BE16_MAX;
    if (is_ip_any(&ctx.flow)) {
        ctx.wc->masks.nw_frag |= FLOW_NW_FRAG_MASK;
    }

    if (xin->trace) {
        ds_put_format(xin->trace, "bridge(\"%s\")\n", ctx.bridge->name);
        ds_put_char_multiple(xin->trace, '-',
                             strlen(ctx.bridge->name) + 10);
        ds_put_char(xin->trace, '\n');
    }

    if (xin->frozen) {
        freeze_thaw(&ctx, xin->frozen);
    } else {
        struct ofport *ofport = ofproto_get_port(ctx.bridge, in_port);

        if (ofport && ofport->pp.config & OFPUTIL_PC_NO_RECV) {
            xlate_report(&ctx, "input port has no-recv set, dropping");
            goto done;
        }
        if (ofport) {
            mirror_packet(&ctx, mbridge_src_mirrors(
                              ofproto_dpif_cast(ctx.bridge)->mbridge,
                              in_port));
        }
        if (xin->ofpacts) {
            ctx.indent = 1;
            xlate_do_actions(&ctx, xin->ofpacts, xin->ofpacts_len);
            ctx.indent = 0;
        } else {
            xlate_table(&ctx, in_port, 0, true, true);
        }
    }
    ctx.exit = false;
    if (!ctx.freezing) {
        ctx.indent = 1;
        xlate_execute_action_set(&ctx);
        ctx.indent = 0;
    }
    if (ctx.freezing) {
        freeze_finish(&ctx, false);
    }

done:
    freeze_reset(&ctx);
    xout->final_flow = ctx.flow;
    ofpbuf_uninit(&ctx.stack);
    ofpbuf_uninit(&ctx.action_set);
    ofpbuf_uninit(&ctx.frozen_actions);
}
