/* ofproto-dpif: bridges on top of a datapath.
 *
 * Every bridge of one datapath type shares a single datapath (a "backer"
 * here): the datapath's ports are the union of the bridges' ports, and a
 * packet's datapath input port says which bridge it belongs to.  This file
 * manages backers, attaches per-bridge and per-port state to ofproto.c's
 * objects, links patch ports to their peers (by name, across bridges of
 * the same type), and runs packet-outs and resumed closures through
 * translation and then the datapath.
 *
 * Caching.  Anything translation depends on (flow tables, ports, mirrors,
 * MAC learning, fail mode) changing makes ofproto_dpif_flows_changed() or
 * the backer's 'need_revalidate' flag flush the datapath's cached flows
 * (after crediting their statistics), so the next packet is translated
 * again.  Flow-table changes flush at once, so the very next packet,
 * however it arrives, sees the new tables. */

#include <config.h>
#include "ofproto-dpif.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dp-packet.h"
#include "dynamic-string.h"
#include "hash.h"
#include "mac-learning.h"
#include "netdev.h"
#include "ofp-closure.h"
#include "ofp-port.h"
#include "ofproto-dpif-mirror.h"
#include "ofproto-dpif-xlate.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ofproto_dpif);

static struct hmap all_backers = HMAP_INITIALIZER(&all_backers);

/* ----- Backers ------------------------------------------------------- */

static const char *
normalize_type(const char *type)
{
    return type && type[0] ? type : "netdev";
}

static struct dpif_backer *
backer_find(const char *type)
{
    struct dpif_backer *backer;

    HMAP_FOR_EACH_WITH_HASH (backer, node, hash_string(type, 0),
                             &all_backers) {
        if (!strcmp(backer->type, type)) {
            return backer;
        }
    }
    return NULL;
}

static int
backer_ref(const char *type_, struct dpif_backer **backerp)
{
    const char *type = normalize_type(type_);
    struct dpif_backer *backer = backer_find(type);

    if (!backer) {
        struct dpif *dpif;
        int error = dpif_open(type, &dpif);

        if (error) {
            VLOG_ERR("cannot open datapath of type %s (%s)", type,
                     ovs_strerror(error));
            return error;
        }
        backer = xzalloc(sizeof *backer);
        backer->type = xstrdup(type);
        backer->dpif = dpif;
        hmap_init(&backer->ports);
        ovs_list_init(&backer->ukeys);
        hmap_insert(&all_backers, &backer->node, hash_string(type, 0));
        dpif_register_upcall_cb(dpif, dpif_upcall_handler, backer);
    }
    backer->n_bridges++;
    *backerp = backer;
    return 0;
}

static void
backer_unref(struct dpif_backer *backer)
{
    if (backer && !--backer->n_bridges) {
        dpif_backer_flush(backer);
        hmap_remove(&all_backers, &backer->node);
        hmap_destroy(&backer->ports);
        dpif_close(backer->dpif);
        free(backer->type);
        free(backer);
    }
}

void
ofproto_dpif_backer_revalidate(struct dpif_backer *backer)
{
    dpif_backer_flush(backer);
}

struct ofport *
ofproto_dpif_port_from_odp(const struct dpif_backer *backer,
                           odp_port_t odp_port)
{
    struct ofport_dpif *port;

    HMAP_FOR_EACH_WITH_HASH (port, node, hash_int(odp_to_u32(odp_port), 0),
                             &backer->ports) {
        if (port->up->odp_port == odp_port) {
            return port->up;
        }
    }
    return NULL;
}

odp_port_t
ofproto_dpif_odp_port(const struct ofproto *ofproto, ofp_port_t ofp_port)
{
    const struct ofport *port = ofproto_get_port(ofproto, ofp_port);

    return port ? port->odp_port : ODPP_NONE;
}

/* ----- Bridges ------------------------------------------------------- */

int
ofproto_dpif_construct(struct ofproto *ofproto)
{
    struct ofproto_dpif *od;
    struct dpif_backer *backer;
    int error = backer_ref(ofproto->type, &backer);

    if (error) {
        return error;
    }
    od = xzalloc(sizeof *od);
    od->up = ofproto;
    od->backer = backer;
    od->ml = mac_learning_create(MAC_DEFAULT_IDLE_TIME);
    od->mbridge = mbridge_create();
    od->next_expire = time_msec() + 1000;
    ofproto->dpif_data = od;
    return 0;
}

void
ofproto_dpif_destruct(struct ofproto *ofproto)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (!od) {
        return;
    }
    dpif_backer_flush(od->backer);
    mac_learning_destroy(od->ml);
    mbridge_destroy(od->mbridge);
    backer_unref(od->backer);
    free(od);
    ofproto->dpif_data = NULL;
}

void
ofproto_dpif_run(struct ofproto *ofproto)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);
    long long int now = time_msec();

    if (od && now >= od->next_expire) {
        od->next_expire = now + 1000;
        if (mac_learning_expire(od->ml)) {
            od->backer->need_revalidate = true;
        }
    }
}

void
ofproto_dpif_wait(struct ofproto *ofproto)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (od && !hmap_is_empty(&od->ml->table)) {
        poll_timer_wait_until(od->next_expire);
    }
}

void
ofproto_dpif_type_run(void)
{
    struct dpif_backer *backer;

    recirc_run();
    HMAP_FOR_EACH (backer, node, &all_backers) {
        if (backer->need_revalidate) {
            dpif_backer_flush(backer);
        }
        dpif_run(backer->dpif);
        if (backer->need_revalidate) {
            dpif_backer_flush(backer);
        } else if (time_msec() >= backer->next_push) {
            /* Keeps idle timeouts and MAC learning ages current. */
            dpif_backer_push_stats(backer);
            backer->next_push = time_msec() + 1000;
        }
    }
}

void
ofproto_dpif_type_wait(void)
{
    struct dpif_backer *backer;

    HMAP_FOR_EACH (backer, node, &all_backers) {
        dpif_wait(backer->dpif);
        if (!ovs_list_is_empty(&backer->ukeys)) {
            poll_timer_wait_until(backer->next_push);
        }
    }
}

void
ofproto_dpif_flows_changed(struct ofproto *ofproto)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (od) {
        dpif_backer_flush(od->backer);
    }
}

void
ofproto_dpif_push_stats(struct ofproto *ofproto)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (od) {
        dpif_backer_push_stats(od->backer);
    }
}

/* ----- Ports --------------------------------------------------------- */

int
ofproto_dpif_port_add(struct ofproto *ofproto, struct ofport *port)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);
    struct ofport_dpif *op = xzalloc(sizeof *op);

    op->up = port;
    port->odp_port = ODPP_NONE;
    if (!strcmp(netdev_get_type(port->netdev), "patch")) {
        op->is_patch = true;
    } else {
        /* Datapath port numbers follow OpenFlow's where they are free,
         * which makes traces and flow dumps easier to read. */
        odp_port_t odp_port = (port->ofp_port == OFPP_LOCAL ? ODPP_NONE
                               : u32_to_odp(ofp_to_u16(port->ofp_port)));
        int error = dpif_port_add(od->backer->dpif, port->netdev, &odp_port);

        if (error && odp_port != ODPP_NONE) {
            odp_port = ODPP_NONE;
            error = dpif_port_add(od->backer->dpif, port->netdev, &odp_port);
        }
        if (error) {
            VLOG_WARN("%s: cannot add port %s to datapath (%s)",
                      ofproto->name, netdev_get_name(port->netdev),
                      ovs_strerror(error));
            free(op);
            return error;
        }
        port->odp_port = odp_port;
        hmap_insert(&od->backer->ports, &op->node,
                    hash_int(odp_to_u32(odp_port), 0));
    }
    port->dpif_data = op;
    dpif_backer_flush(od->backer);
    return 0;
}

void
ofproto_dpif_port_del(struct ofproto *ofproto, struct ofport *port)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);
    struct ofport_dpif *op = ofport_dpif_cast(port);

    if (!op) {
        return;
    }
    if (!op->is_patch) {
        hmap_remove(&od->backer->ports, &op->node);
        if (port->odp_port != ODPP_NONE) {
            dpif_port_del(od->backer->dpif, port->odp_port);
        }
    }
    mac_learning_flush_port(od->ml, port->ofp_port);
    port->dpif_data = NULL;
    port->odp_port = ODPP_NONE;
    free(op);
    dpif_backer_flush(od->backer);
}

struct peer_search {
    const struct ofport *port;
    const char *peer_name;
    struct ofport *peer;
};

static void
find_peer_cb(struct ofproto *ofproto, void *search_)
{
    struct peer_search *search = search_;
    struct ofport *peer;

    if (search->peer || ofproto == search->port->ofproto
        || strcmp(normalize_type(ofproto->type),
                  normalize_type(search->port->ofproto->type))) {
        return;
    }
    peer = ofproto_get_port_by_name(ofproto, search->peer_name);
    if (peer && ofport_dpif_cast(peer) && ofport_dpif_cast(peer)->is_patch) {
        search->peer = peer;
    }
}

/* Returns the patch port that patch port 'port' is linked to: the patch
 * port named by its options:peer in another bridge of the same datapath
 * type, or NULL. */
struct ofport *
ofproto_dpif_patch_peer(const struct ofport *port)
{
    struct peer_search search = {
        .port = port,
        .peer_name = netdev_patch_peer(port->netdev),
    };

    if (search.peer_name) {
        ofproto_for_each(find_peer_cb, &search);
    }
    return search.peer;
}

int
ofproto_dpif_port_get_stats(const struct ofport *port,
                            struct netdev_stats *stats)
{
    return netdev_get_stats(port->netdev, stats);
}

/* ----- Packet-out and resume ----------------------------------------- */

/* Translates per 'xin' and executes the result on 'packet'. */
static enum ofperr
xlate_and_execute(struct xlate_in *xin, const struct dp_packet *packet)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(xin->ofproto);
    struct xlate_out xout;
    struct flow md;
    int error;

    xlate_out_init(&xout);
    xlate_actions(xin, &xout);
    xlate_out_credit(&xout, dp_packet_size(packet));

    md = xin->flow;
    md.in_port.odp_port = ofproto_dpif_odp_port(xin->ofproto,
                                                xin->flow.in_port.ofp_port);
    error = dpif_execute(od->backer->dpif, packet, &md,
                         xout.odp_actions.data, xout.odp_actions.size);
    xlate_out_uninit(&xout);
    if (error) {
        VLOG_WARN("%s: datapath failed to execute actions (%s)",
                  xin->ofproto->name, ovs_strerror(error));
        return OFPERR_NXR_NOT_SUPPORTED;
    }
    return 0;
}

/* Initializes 'flow' from 'packet''s headers with the metadata of 'md'. */
static void
flow_from_packet_and_metadata(struct dp_packet *packet,
                              const struct flow *md, struct flow *flow)
{
    pkt_metadata_init(&packet->md, ODPP_NONE);
    flow_extract(packet, flow);
    flow->in_port.odp_port = 0;
    flow->in_port.ofp_port = md->in_port.ofp_port;
    memcpy(flow->regs, md->regs, sizeof flow->regs);
    flow->metadata = md->metadata;
    flow->tun_id = md->tun_id;
    flow->pkt_mark = md->pkt_mark;
    flow->ct_state = md->ct_state;
    flow->ct_zone = md->ct_zone;
    flow->ct_mark = md->ct_mark;
    flow->ct_label = md->ct_label;
}

enum ofperr
ofproto_dpif_packet_out(struct ofproto *ofproto,
                        const struct dp_packet *packet_,
                        const struct flow *flow,
                        const struct ofpact *ofpacts, size_t ofpacts_len)
{
    struct dp_packet *packet = dp_packet_clone(packet_);
    struct xlate_in xin;
    enum ofperr error;

    memset(&xin, 0, sizeof xin);
    xin.ofproto = ofproto;
    flow_from_packet_and_metadata(packet, flow, &xin.flow);
    xin.packet = packet;
    xin.ofpacts = ofpacts;
    xin.ofpacts_len = ofpacts_len;
    xin.side_effects = true;
    error = xlate_and_execute(&xin, packet);
    dp_packet_delete(packet);
    return error;
}

enum ofperr
ofproto_dpif_resume(struct ofproto *ofproto,
                    const struct ofputil_closure_private *closure)
{
    struct dp_packet *packet;
    struct xlate_in xin;
    enum ofperr error;

    if (!closure->public.packet_len) {
        return OFPERR_NXR_NOT_SUPPORTED;
    }
    packet = dp_packet_clone_data(closure->public.packet,
                                  closure->public.packet_len);
    memset(&xin, 0, sizeof xin);
    xin.ofproto = ofproto;
    flow_from_packet_and_metadata(packet, &closure->public.metadata.flow,
                                  &xin.flow);
    xin.packet = packet;
    xin.frozen = closure;
    xin.side_effects = true;
    error = xlate_and_execute(&xin, packet);
    dp_packet_delete(packet);
    return error;
}

/* ----- Mirrors and MAC learning -------------------------------------- */

int
ofproto_dpif_mirror_register(struct ofproto *ofproto, void *aux,
                             const struct ofproto_mirror_settings *s)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);
    int error = mbridge_register(od->mbridge, aux, s);

    dpif_backer_flush(od->backer);
    return error;
}

void
ofproto_dpif_mirror_unregister(struct ofproto *ofproto, void *aux)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    mbridge_unregister(od->mbridge, aux);
    dpif_backer_flush(od->backer);
}

int
ofproto_dpif_mirror_get_stats(struct ofproto *ofproto, const void *aux,
                              uint64_t *packets, uint64_t *bytes)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    /* Cached flows count their copies in the datapath until pushed. */
    dpif_backer_push_stats(od->backer);
    return mbridge_get_stats(od->mbridge, aux, packets, bytes);
}

void
ofproto_dpif_set_mac_table_config(struct ofproto *ofproto,
                                  unsigned int idle_time, size_t max_entries)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    mac_learning_set_idle_time(od->ml, idle_time);
    mac_learning_set_max_entries(od->ml, max_entries);
    dpif_backer_flush(od->backer);
}

/* ----- unixctl ------------------------------------------------------- */

static struct ofproto *
bridge_from_arg(struct unixctl_conn *conn, const char *name)
{
    struct ofproto *ofproto = ofproto_lookup(name);

    if (!ofproto || !ofproto_dpif_cast(ofproto)) {
        unixctl_command_reply_error(conn, "no such bridge");
        return NULL;
    }
    return ofproto;
}

static void
fdb_show_cmd(struct unixctl_conn *conn, int argc OVS_UNUSED,
             const char *argv[], void *aux OVS_UNUSED)
{
    struct ofproto *ofproto = bridge_from_arg(conn, argv[1]);
    struct ds ds = DS_EMPTY_INITIALIZER;
    const struct mac_entry *e;

    if (!ofproto) {
        return;
    }
    ds_put_cstr(&ds, " port  VLAN  MAC                Age\n");
    MAC_LEARNING_FOR_EACH (e, ofproto_dpif_cast(ofproto)->ml) {
        char name[OFP_MAX_PORT_NAME_LEN];

        ofputil_port_to_string(e->port, NULL, name, sizeof name);
        ds_put_format(&ds, "%5s  %4d  "ETH_ADDR_FMT"  %3d\n",
                      name, e->vlan, ETH_ADDR_ARGS(e->mac),
                      mac_entry_age(e));
    }
    unixctl_command_reply(conn, ds_cstr(&ds));
    ds_destroy(&ds);
}

static void
fdb_flush_one(struct ofproto *ofproto, void *aux OVS_UNUSED)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (od && mac_learning_flush(od->ml)) {
        dpif_backer_flush(od->backer);
    }
}

static void
fdb_flush_cmd(struct unixctl_conn *conn, int argc, const char *argv[],
              void *aux OVS_UNUSED)
{
    if (argc > 1) {
        struct ofproto *ofproto = bridge_from_arg(conn, argv[1]);

        if (!ofproto) {
            return;
        }
        fdb_flush_one(ofproto, NULL);
    } else {
        ofproto_for_each(fdb_flush_one, NULL);
    }
    unixctl_command_reply(conn, "table successfully flushed");
}

struct dump_flows_ctx {
    struct ofproto *ofproto;
    struct ds *ds;
};

static void
dump_flow_cb(const struct dpif_flow *flow, void *aux_)
{
    struct dump_flows_ctx *aux = aux_;
    struct ofproto_dpif *od = ofproto_dpif_cast(aux->ofproto);
    struct ofport *port;

    port = ofproto_dpif_port_from_odp(od->backer, flow->key.in_port.odp_port);
    if (port && port->ofproto == aux->ofproto) {
        size_t start = aux->ds->length;

        dpif_flow_format(flow, aux->ds);
        if (aux->ds->length > start
            && aux->ds->string[aux->ds->length - 1] != '\n') {
            ds_put_char(aux->ds, '\n');
        }
    }
}

static void
dump_flows_cmd(struct unixctl_conn *conn, int argc, const char *argv[],
               void *aux OVS_UNUSED)
{
    struct ofproto *ofproto = bridge_from_arg(conn, argv[argc - 1]);
    struct ds ds = DS_EMPTY_INITIALIZER;
    struct dump_flows_ctx ctx = { .ofproto = ofproto, .ds = &ds };

    if (!ofproto) {
        return;
    }
    dpif_flow_dump(ofproto_dpif_cast(ofproto)->backer->dpif, dump_flow_cb,
                   &ctx);
    unixctl_command_reply(conn, ds_cstr(&ds));
    ds_destroy(&ds);
}

static int
compare_ports_by_number(const void *a_, const void *b_)
{
    const struct ofport *const *a = a_;
    const struct ofport *const *b = b_;

    return ((*a)->ofp_port < (*b)->ofp_port ? -1
            : (*a)->ofp_port > (*b)->ofp_port);
}

struct dpif_show_ctx {
    const struct dpif_backer *backer;
    struct ds *ds;
    struct ofproto **bridges;
    size_t n, allocated;
};

static void
collect_bridge(struct ofproto *ofproto, void *ctx_)
{
    struct dpif_show_ctx *ctx = ctx_;

    if (ctx->n >= ctx->allocated) {
        ctx->bridges = x2nrealloc(ctx->bridges, &ctx->allocated,
                                  sizeof *ctx->bridges);
    }
    ctx->bridges[ctx->n++] = ofproto;
}

static int
compare_bridges_by_name(const void *a_, const void *b_)
{
    const struct ofproto *const *a = a_;
    const struct ofproto *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

static void
dpif_show_bridge(struct ofproto *ofproto, void *ctx_)
{
    const struct dpif_show_ctx *ctx = ctx_;
    struct ds *ds = ctx->ds;
    size_t n = 0, n_ports = hmap_count(&ofproto->ports);
    struct ofport **ports;
    struct ofport *port;

    if (!ofproto_dpif_cast(ofproto)
        || ofproto_dpif_cast(ofproto)->backer != ctx->backer) {
        return;
    }
    ports = xmalloc((n_ports + 1) * sizeof *ports);
    HMAP_FOR_EACH (port, hmap_node, &ofproto->ports) {
        ports[n++] = port;
    }
    qsort(ports, n, sizeof *ports, compare_ports_by_number);

    ds_put_format(ds, "  %s:\n", ofproto->name);
    for (size_t i = 0; i < n; i++) {
        char name[OFP_MAX_PORT_NAME_LEN];
        const char *peer;

        port = ports[i];
        ofputil_port_to_string(port->ofp_port, NULL, name, sizeof name);
        ds_put_format(ds, "    %s %s/", netdev_get_name(port->netdev),
                      port->ofp_port == OFPP_LOCAL ? "65534" : name);
        if (port->odp_port == ODPP_NONE) {
            ds_put_cstr(ds, "none");
        } else {
            ds_put_format(ds, "%"PRIu32, odp_to_u32(port->odp_port));
        }
        ds_put_format(ds, ": (%s", netdev_get_type(port->netdev));
        peer = netdev_patch_peer(port->netdev);
        if (peer) {
            ds_put_format(ds, ": peer=%s", peer);
        }
        ds_put_cstr(ds, ")\n");
    }
    free(ports);
}

static void
dpif_show_cmd(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    struct dpif_show_ctx ctx = { .ds = &ds };
    struct dpif_backer *backer;

    HMAP_FOR_EACH (backer, node, &all_backers) {
        ctx.backer = backer;
        uint64_t n_hit, n_missed;

        dpif_get_stats(backer->dpif, &n_hit, &n_missed);
        ds_put_format(&ds, "%s: hit:%"PRIu64" missed:%"PRIu64"\n",
                      dpif_name(backer->dpif), n_hit, n_missed);
        ctx.n = 0;
        ofproto_for_each(collect_bridge, &ctx);
        qsort(ctx.bridges, ctx.n, sizeof *ctx.bridges,
              compare_bridges_by_name);
        for (size_t i = 0; i < ctx.n; i++) {
            dpif_show_bridge(ctx.bridges[i], &ctx);
        }
    }
    free(ctx.bridges);
    unixctl_command_reply(conn, ds_cstr(&ds));
    ds_destroy(&ds);
}

void
ofproto_dpif_init(void)
{
    unixctl_command_register("dpif/show", "", 0, 0, dpif_show_cmd, NULL);
    unixctl_command_register("fdb/show", "bridge", 1, 1, fdb_show_cmd,
                             NULL);
    unixctl_command_register("fdb/flush", "[bridge]", 0, 1, fdb_flush_cmd,
                             NULL);
    unixctl_command_register("dpif/dump-flows", "[-m] bridge", 1, 2,
                             dump_flows_cmd, NULL);
    ofproto_dpif_upcall_init();
    ofproto_dpif_trace_init();
}
