/* The userspace datapath.
 *
 * One datapath exists per type ("netdev", "dummy"), shared by every bridge
 * of that type.  It owns ports (netdevs with their receive queues) and a
 * megaflow cache.
 *
 * The megaflow cache maps (key, mask) to actions.  Flows are grouped in
 * "subtables", one per distinct mask; a subtable is a hash table of the
 * masked keys of its flows.  Looking a packet up masks its flow with each
 * subtable's mask in turn and probes that subtable's hash table, so the
 * cost grows with the number of distinct masks, not with the number of
 * flows.  Translation makes only a handful of distinct masks in practice.
 *
 * A packet that misses goes to the upcall callback, synchronously.  The
 * callback returns actions, the wildcards it used and whether the result
 * may be cached; the datapath installs (key & mask) -> actions if so and
 * executes the actions either way.  The packet that caused the upcall is
 * not counted in the new flow's statistics (as in Open vSwitch): a flow's
 * counters tell how many packets the cache handled.
 *
 * Recirculation re-runs the lookup with the packet's recirc_id set, up to
 * a fixed depth, which stops loops made by buggy translations.
 *
 * Connection tracking: each datapath owns one connection tracker
 * (lib/conntrack.h).  The ct action runs the packet through it; the verdict
 * lands in the packet's metadata (ct_state, ct_zone, ct_mark, ct_label),
 * which recirculation carries along and flow_extract() copies into the key
 * of the next lookup, so that flows after "ct(...),recirc(N)" can match
 * on it.  ct_clear (done by odp-execute) resets those fields. */

#include <config.h>
#include "dpif.h"
#include <ctype.h>
#include <errno.h>
#include <linux/openvswitch.h>
#include <stdlib.h>
#include <string.h>
#include "conntrack.h"
#include "dp-packet.h"
#include "dpctl.h"
#include "flow.h"
#include "hash.h"
#include "netdev.h"
#include "netlink.h"
#include "odp-execute.h"
#include "odp-util.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(dpif_netdev);

/* How many times one packet may recirculate. */
#define MAX_RECIRC_DEPTH 6

struct dp_port {
    struct hmap_node node;      /* In dpif's 'ports', by port number. */
    odp_port_t port_no;
    struct netdev *netdev;
    struct netdev_rxq *rxq;     /* NULL if the netdev cannot receive. */
};

struct dp_flow {
    struct hmap_node node;      /* In its subtable's 'flows'. */
    struct dpif_flow f;         /* 'f.actions' points to 'actions'. */
    struct nlattr *actions;
};

struct dp_subtable {
    struct hmap_node node;      /* In dpif's 'subtables', by mask hash. */
    struct flow_wildcards mask;
    struct hmap flows;
};

struct dpif {
    char *type;
    char *name;
    int ref_cnt;
    struct hmap ports;
    struct hmap subtables;
    size_t n_flows;
    uint64_t n_hit, n_missed;
    dpif_upcall_cb *upcall_cb;
    void *upcall_aux;
    struct conntrack *conntrack;
    long long int next_sweep;   /* When to expire idle connections. */
};

/* Datapaths by type. */
static struct shash dpifs = SHASH_INITIALIZER(&dpifs);

int
dpif_open(const char *type, struct dpif **dpifp)
{
    struct dpif *dpif;

    *dpifp = NULL;
    if (!type || !*type) {
        type = "netdev";
    }
    if (strcmp(type, "netdev") && strcmp(type, "dummy")) {
        return EAFNOSUPPORT;
    }
    dpif = shash_find_data(&dpifs, type);
    if (!dpif) {
        dpif = xzalloc(sizeof *dpif);
        dpif->type = xstrdup(type);
        dpif->name = xasprintf("%s@ovs-%s", type, type);
        hmap_init(&dpif->ports);
        hmap_init(&dpif->subtables);
        dpif->conntrack = conntrack_create();
        shash_add(&dpifs, type, dpif);
        dpctl_init();
    }
    dpif->ref_cnt++;
    *dpifp = dpif;
    return 0;
}

static void
dp_port_destroy(struct dp_port *port)
{
    netdev_rxq_close(port->rxq);
    netdev_close(port->netdev);
    free(port);
}

void
dpif_close(struct dpif *dpif)
{
    struct dp_port *port;

    if (!dpif || --dpif->ref_cnt) {
        return;
    }
    dpif_flow_flush(dpif);
    HMAP_FOR_EACH_SAFE (port, node, &dpif->ports) {
        hmap_remove(&dpif->ports, &port->node);
        dp_port_destroy(port);
    }
    hmap_destroy(&dpif->ports);
    hmap_destroy(&dpif->subtables);
    conntrack_destroy(dpif->conntrack);
    shash_find_and_delete(&dpifs, dpif->type);
    free(dpif->type);
    free(dpif->name);
    free(dpif);
}

const char *
dpif_name(const struct dpif *dpif)
{
    return dpif->name;
}

const char *
dpif_type(const struct dpif *dpif)
{
    return dpif->type;
}

struct dpif *
dpif_find(const char *name)
{
    struct shash_node *node;

    if (!name) {
        return shash_count(&dpifs) == 1 ? shash_first(&dpifs)->data : NULL;
    }
    SHASH_FOR_EACH (node, &dpifs) {
        struct dpif *dpif = node->data;

        if (!strcmp(dpif->name, name) || !strcmp(dpif->type, name)) {
            return dpif;
        }
    }
    return NULL;
}

void
dpif_names(struct ds *s)
{
    const struct shash_node **nodes = shash_sort(&dpifs);
    size_t i;

    for (i = 0; i < shash_count(&dpifs); i++) {
        struct dpif *dpif = nodes[i]->data;

        ds_put_format(s, "%s\n", dpif->name);
    }
    free(nodes);
}

struct conntrack *
dpif_conntrack(struct dpif *dpif)
{
    return dpif->conntrack;
}

/* ----- Ports --------------------------------------------------------- */

static struct dp_port *
dp_port_lookup(const struct dpif *dpif, odp_port_t port_no)
{
    struct dp_port *port;

    HMAP_FOR_EACH_WITH_HASH (port, node, hash_int(odp_to_u32(port_no), 0),
                             &dpif->ports) {
        if (port->port_no == port_no) {
            return port;
        }
    }
    return NULL;
}

/* Picks a number for a new port named 'name'.  In the dummy datapath, as
 * in Open vSwitch's, a name with digits asks for that number ("p3" -> 3)
 * and a name starting with "br" for 100 plus it ("br0" -> 100), which
 * keeps test expectations readable.  Otherwise the lowest free number
 * from 1 up; 0 is never used (it is the datapath's own port in Open
 * vSwitch). */
static uint32_t
choose_port(const struct dpif *dpif, const char *name)
{
    uint32_t n;

    if (!strcmp(dpif->type, "dummy")) {
        const char *p = name + strcspn(name, "0123456789");

        if (*p) {
            unsigned long v = strtoul(p, NULL, 10);

            n = (!strncmp(name, "br", 2) ? 100 : 0) + v;
            if (v < UINT16_MAX && n && !dp_port_lookup(dpif, u32_to_odp(n))) {
                return n;
            }
        }
    }
    for (n = 1; n < UINT16_MAX; n++) {
        if (!dp_port_lookup(dpif, u32_to_odp(n))) {
            return n;
        }
    }
    return 0;
}

int
dpif_port_add(struct dpif *dpif, struct netdev *netdev, odp_port_t *port_nop)
{
    struct dp_port *port;
    uint32_t n;
    int error;

    if (*port_nop != ODPP_NONE) {
        n = odp_to_u32(*port_nop);
        if (dp_port_lookup(dpif, *port_nop)) {
            return EBUSY;
        }
    } else {
        n = choose_port(dpif, netdev_get_name(netdev));
        if (!n) {
            return EFBIG;
        }
    }
    HMAP_FOR_EACH (port, node, &dpif->ports) {
        if (port->netdev == netdev) {
            return EEXIST;
        }
    }

    port = xzalloc(sizeof *port);
    port->port_no = u32_to_odp(n);
    port->netdev = netdev_ref(netdev);
    error = netdev_rxq_open(netdev, &port->rxq);
    if (error && error != EOPNOTSUPP) {
        VLOG_WARN("%s: could not open receive queue on %s (%s)",
                  dpif->name, netdev_get_name(netdev), ovs_strerror(error));
    }
    hmap_insert(&dpif->ports, &port->node, hash_int(n, 0));
    *port_nop = port->port_no;
    return 0;
}

int
dpif_port_del(struct dpif *dpif, odp_port_t port_no)
{
    struct dp_port *port = dp_port_lookup(dpif, port_no);

    if (!port) {
        return ENOENT;
    }
    hmap_remove(&dpif->ports, &port->node);
    dp_port_destroy(port);
    return 0;
}

/* ----- Megaflow cache ------------------------------------------------ */

static struct dp_subtable *
subtable_find(const struct dpif *dpif, const struct flow_wildcards *mask)
{
    struct dp_subtable *st;

    HMAP_FOR_EACH_WITH_HASH (st, node, flow_wildcards_hash(mask, 0),
                             &dpif->subtables) {
        if (flow_wildcards_equal(&st->mask, mask)) {
            return st;
        }
    }
    return NULL;
}

static struct dp_flow *
subtable_find_flow(const struct dp_subtable *st, const struct flow *masked)
{
    struct dp_flow *flow;

    HMAP_FOR_EACH_WITH_HASH (flow, node, flow_hash(masked, 0), &st->flows) {
        if (flow_equal(&flow->f.key, masked)) {
            return flow;
        }
    }
    return NULL;
}

static struct dp_flow *
dp_flow_lookup(const struct dpif *dpif, const struct flow *flow)
{
    struct dp_subtable *st;

    HMAP_FOR_EACH (st, node, &dpif->subtables) {
        struct flow masked;
        struct dp_flow *hit;

        flow_apply_mask(&masked, flow, &st->mask);
        hit = subtable_find_flow(st, &masked);
        if (hit) {
            return hit;
        }
    }
    return NULL;
}

/* Adds the fields every datapath flow matches on, whatever translation
 * looked at: the recirculation id, the input port, whether there is a
 * VLAN tag (a struct flow keeps the inner EtherType in 'dl_type', so
 * without this a tagged packet could match an untagged flow), the
 * EtherType and, for IP, the fragment type (a later fragment has no
 * transport header). */
static void
add_mandatory_mask(struct flow_wildcards *wc, const struct flow *flow)
{
    wc->masks.recirc_id = UINT32_MAX;
    wc->masks.in_port.odp_port = u32_to_odp(UINT32_MAX);
    wc->masks.vlan_tci |= htons(VLAN_CFI);
    wc->masks.dl_type = OVS_BE16_MAX;
    if (is_ip_any(flow)) {
        wc->masks.nw_frag = FLOW_NW_FRAG_MASK;
    }
}

static void
dp_flow_install(struct dpif *dpif, const struct flow *flow,
                const struct flow_wildcards *wc_,
                const struct ofpbuf *actions, void *owner)
{
    struct flow_wildcards wc = *wc_;
    struct dp_subtable *st;
    struct dp_flow *dpf;
    struct flow key;

    add_mandatory_mask(&wc, flow);
    flow_apply_mask(&key, flow, &wc);
    st = subtable_find(dpif, &wc);
    if (!st) {
        st = xzalloc(sizeof *st);
        st->mask = wc;
        hmap_init(&st->flows);
        hmap_insert(&dpif->subtables, &st->node,
                    flow_wildcards_hash(&wc, 0));
    } else if (subtable_find_flow(st, &key)) {
        return;                 /* Installed already. */
    }

    dpf = xzalloc(sizeof *dpf);
    dpf->f.key = key;
    dpf->f.mask = wc;
    dpf->actions = xmemdup(actions->data, actions->size);
    dpf->f.actions = dpf->actions;
    dpf->f.actions_len = actions->size;
    dpf->f.owner = owner;
    hmap_insert(&st->flows, &dpf->node, flow_hash(&key, 0));
    dpif->n_flows++;
}

static void
dp_flow_remove(struct dpif *dpif, struct dp_subtable *st, struct dp_flow *dpf)
{
    hmap_remove(&st->flows, &dpf->node);
    free(dpf->actions);
    free(dpf);
    dpif->n_flows--;
    if (hmap_is_empty(&st->flows)) {
        hmap_remove(&dpif->subtables, &st->node);
        hmap_destroy(&st->flows);
        free(st);
    }
}

void
dpif_flow_dump(struct dpif *dpif,
               void (*cb)(const struct dpif_flow *, void *aux), void *aux)
{
    struct dp_subtable *st;

    HMAP_FOR_EACH (st, node, &dpif->subtables) {
        struct dp_flow *dpf;

        HMAP_FOR_EACH (dpf, node, &st->flows) {
            cb(&dpf->f, aux);
        }
    }
}

int
dpif_flow_del(struct dpif *dpif, const struct flow *key,
              const struct flow_wildcards *mask_,
              struct dpif_flow_stats *stats)
{
    struct flow_wildcards mask = *mask_;
    struct dp_subtable *st;
    struct dp_flow *dpf;
    struct flow masked;

    /* Accept the mask as translation produced it, too. */
    add_mandatory_mask(&mask, key);
    st = subtable_find(dpif, &mask);
    if (!st) {
        return ENOENT;
    }
    flow_apply_mask(&masked, key, &mask);
    dpf = subtable_find_flow(st, &masked);
    if (!dpf) {
        return ENOENT;
    }
    if (stats) {
        *stats = dpf->f.stats;
    }
    dp_flow_remove(dpif, st, dpf);
    return 0;
}

void
dpif_flow_flush(struct dpif *dpif)
{
    struct dp_subtable *st;

    HMAP_FOR_EACH_SAFE (st, node, &dpif->subtables) {
        struct dp_flow *dpf;

        HMAP_FOR_EACH_SAFE (dpf, node, &st->flows) {
            hmap_remove(&st->flows, &dpf->node);
            free(dpf->actions);
            free(dpf);
        }
        hmap_remove(&dpif->subtables, &st->node);
        hmap_destroy(&st->flows);
        free(st);
    }
    dpif->n_flows = 0;
}

size_t
dpif_flow_count(const struct dpif *dpif)
{
    return dpif->n_flows;
}

void
dpif_get_stats(const struct dpif *dpif, uint64_t *n_hit, uint64_t *n_missed)
{
    *n_hit = dpif->n_hit;
    *n_missed = dpif->n_missed;
}

/* ----- Packet processing --------------------------------------------- */

struct exec_ctx {
    struct dpif *dpif;
    int depth;                  /* Recirculations so far. */
};

static void process_packet(struct dpif *, struct dp_packet *, int depth);

/* Runs 'packet' through the datapath's connection tracker as the ct action
 * 'a' says, leaving the verdict in packet->md.  An action that cannot be
 * decoded (validation rejects those before they are cached) marks the
 * packet invalid, so that no pipeline mistakes it for a tracked one. */
static void
execute_ct(struct dpif *dpif, struct dp_packet *packet,
           const struct nlattr *a)
{
    struct odp_ct_action ct;
    struct flow flow;

    if (odp_ct_action_parse(a, &ct)) {
        packet->md.ct_state = CS_TRACKED | CS_INVALID;
        return;
    }
    /* Earlier actions may have moved the headers: find them again. */
    flow_extract(packet, &flow);
    conntrack_execute(dpif->conntrack, packet, &flow, ct.zone, ct.commit,
                      ct.force, ct.has_mark ? ct.mark : NULL,
                      ct.has_label ? ct.label : NULL, time_msec());
}

static void
execute_cb(void *ctx_, struct dp_packet *packet, const struct nlattr *a)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);
    struct exec_ctx *ctx = ctx_;

    switch (nl_attr_type(a)) {
    case OVS_ACTION_ATTR_OUTPUT: {
        struct dp_port *port = dp_port_lookup(ctx->dpif,
                                              u32_to_odp(nl_attr_get_u32(a)));
        if (port) {
            netdev_send(port->netdev, packet);
        }
        break;
    }
    case OVS_ACTION_ATTR_RECIRC:
        if (ctx->depth < MAX_RECIRC_DEPTH) {
            struct dp_packet *copy = dp_packet_clone(packet);

            copy->md = packet->md;
            copy->md.recirc_id = nl_attr_get_u32(a);
            process_packet(ctx->dpif, copy, ctx->depth + 1);
            dp_packet_delete(copy);
        } else {
            VLOG_WARN_RL(&rl, "%s: packet dropped: recirculated more than "
                         "%d times", ctx->dpif->name, MAX_RECIRC_DEPTH);
        }
        break;
    case OVS_ACTION_ATTR_CT:
        execute_ct(ctx->dpif, packet, a);
        break;
    default:
        VLOG_WARN_RL(&rl, "%s: datapath action %d not supported",
                     ctx->dpif->name, nl_attr_type(a));
        break;
    }
}

static void
execute_actions(struct dpif *dpif, struct dp_packet *packet, int depth,
                const struct nlattr *actions, size_t len)
{
    struct exec_ctx ctx = { dpif, depth };

    odp_execute_actions(&ctx, packet, NULL, actions, len, execute_cb);
}

/* Looks up 'packet' (not consumed), upcalling on a miss, and executes the
 * resulting actions. */
static void
process_packet(struct dpif *dpif, struct dp_packet *packet, int depth)
{
    struct dpif_upcall_result result;
    struct dpif_upcall upcall;
    struct dp_flow *dpf;
    struct ofpbuf actions;

    flow_extract(packet, &upcall.flow);
    dpf = dp_flow_lookup(dpif, &upcall.flow);
    if (dpf) {
        struct dpif_flow_stats *stats = &dpf->f.stats;

        dpif->n_hit++;
        stats->n_packets++;
        stats->n_bytes += dp_packet_size(packet);
        stats->used = time_msec();
        stats->tcp_flags |= ntohs(upcall.flow.tcp_flags);
        execute_actions(dpif, packet, depth, dpf->f.actions,
                        dpf->f.actions_len);
        return;
    }

    dpif->n_missed++;
    if (!dpif->upcall_cb) {
        return;
    }
    ofpbuf_init(&actions, 64);
    upcall.packet = packet;
    result.actions = &actions;
    flow_wildcards_init_catchall(&result.wc);
    result.install = false;
    result.owner = NULL;
    dpif->upcall_cb(&upcall, &result, dpif->upcall_aux);

    if (odp_actions_validate(actions.data, actions.size)) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);
        struct ds s = DS_EMPTY_INITIALIZER;

        format_odp_actions(&s, actions.data, actions.size);
        VLOG_WARN_RL(&rl, "%s: upcall returned actions this datapath cannot "
                     "execute (%s); not caching them", dpif->name,
                     ds_cstr(&s));
        ds_destroy(&s);
        result.install = false;
    }
    if (result.install) {
        dp_flow_install(dpif, &upcall.flow, &result.wc, &actions,
                        result.owner);
    }
    execute_actions(dpif, packet, depth, actions.data, actions.size);
    ofpbuf_uninit(&actions);
}

void
dpif_register_upcall_cb(struct dpif *dpif, dpif_upcall_cb *cb, void *aux)
{
    dpif->upcall_cb = cb;
    dpif->upcall_aux = aux;
}

void
dpif_run(struct dpif *dpif)
{
    size_t n_ports = hmap_count(&dpif->ports);
    odp_port_t *port_nos = xmalloc((n_ports + 1) * sizeof *port_nos);
    struct dp_port *port;
    size_t i, n = 0;

    netdev_run();
    if (time_msec() >= dpif->next_sweep) {
        conntrack_sweep(dpif->conntrack, time_msec());
        dpif->next_sweep = time_msec() + 1000;
    }

    /* Upcalls may add or delete ports, so walk a copy of the numbers and
     * look each port up again. */
    HMAP_FOR_EACH (port, node, &dpif->ports) {
        port_nos[n++] = port->port_no;
    }
    for (i = 0; i < n; i++) {
        struct dp_packet_batch batch;
        size_t j;

        port = dp_port_lookup(dpif, port_nos[i]);
        if (!port || !port->rxq || netdev_rxq_recv(port->rxq, &batch)) {
            continue;
        }
        for (j = 0; j < batch.count; j++) {
            struct dp_packet *packet = batch.packets[j];

            if (dp_port_lookup(dpif, port_nos[i])) {
                pkt_metadata_init(&packet->md, port_nos[i]);
                process_packet(dpif, packet, 0);
            }
            dp_packet_delete(packet);
        }
    }
    free(port_nos);
}

void
dpif_wait(struct dpif *dpif)
{
    struct dp_port *port;

    netdev_wait();
    HMAP_FOR_EACH (port, node, &dpif->ports) {
        if (port->rxq) {
            netdev_rxq_wait(port->rxq);
        }
    }
}

int
dpif_execute(struct dpif *dpif, const struct dp_packet *packet_,
             const struct flow *flow, const struct nlattr *actions,
             size_t actions_len)
{
    struct dp_packet *packet;
    int error;

    error = odp_actions_validate(actions, actions_len);
    if (error) {
        return error;
    }
    packet = dp_packet_clone(packet_);
    pkt_metadata_init(&packet->md, flow->in_port.odp_port);
    packet->md.recirc_id = flow->recirc_id;
    packet->md.dp_hash = flow->dp_hash;
    packet->md.skb_priority = flow->skb_priority;
    packet->md.pkt_mark = flow->pkt_mark;
    packet->md.ct_state = flow->ct_state;
    packet->md.ct_zone = flow->ct_zone;
    packet->md.ct_mark = flow->ct_mark;
    packet->md.ct_label = flow->ct_label;
    execute_actions(dpif, packet, 0, actions, actions_len);
    dp_packet_delete(packet);
    return 0;
}
