/* The OpenFlow switch: bridges, their ports and flow tables, and the
 * meaning of every OpenFlow request a controller may send.
 *
 * A bridge ("struct ofproto") has up to OFPROTO_N_TABLES flow tables, each
 * a classifier of rules, and a set of OpenFlow ports, each backed by a
 * netdev.  This file decides what a flow-mod, a port-mod, a stats request
 * or a resume means; it never touches packets.  What packets do is the
 * business of ofproto-dpif (translation and the datapath), which this file
 * tells whenever something translation depends on changes
 * (ofproto_dpif_flows_changed()), and which credits rule statistics back
 * (ofproto_rule_credit()).
 *
 * Rules are reference counted: the table holds one reference, and
 * translation may hold more for the duration of a main-loop iteration.  A
 * rule removed from its table is marked 'removed' and freed when the last
 * reference goes.
 *
 * Requests arrive through the connection manager (connmgr.c), which
 * remembers per connection what the peer negotiated.  A request that fails
 * gets an OpenFlow error reply that quotes it, and changes nothing: every
 * check happens before the first change. */

#include <config.h>

#include "ofproto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "netdev.h"
#include "connmgr.h"
#include "dirs.h"
#include "dp-packet.h"
#include "dynamic-string.h"
#include "flow.h"
#include "hash.h"
#include "meta-flow.h"
#include "ofp-actions.h"
#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-port.h"
#include "ofp-protocol.h"
#include "ofp-switch.h"
#include "ofp-table-stats.h"
#include "openflow/openflow-1.3.h"
#include "ofproto-provider.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "shash.h"
#include "smap.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ofproto);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

/* How often timeouts are checked, in milliseconds. */
#define EXPIRE_INTERVAL 100

/* A bridge, with what only this file needs. */
struct ofproto_impl {
    struct ofproto up;
    struct ovs_list expirable;  /* struct rule_impl with a timeout. */
    long long int next_expire;  /* time_msec() of the next timeout check. */
};

/* A rule, with what only this file needs. */
struct rule_impl {
    struct rule up;
    struct ovs_list expirable_node; /* In ofproto_impl->expirable, if the
                                     * rule has a timeout and is in a table;
                                     * else poisoned. */
};

/* An OpenFlow port, with when it was added (for port stats). */
struct ofport_impl {
    struct ofport up;
    long long int created;
};

static struct hmap all_ofprotos = HMAP_INITIALIZER(&all_ofprotos);

static struct ofproto_impl *
ofproto_impl(const struct ofproto *ofproto)
{
    return CONTAINER_OF(ofproto, struct ofproto_impl, up);
}

static struct rule_impl *
rule_impl(const struct rule *rule)
{
    return CONTAINER_OF(rule, struct rule_impl, up);
}

static void handle_openflow(struct ofconn *, const struct ofp_header *,
                            void *ofproto);
static void flush_flows(struct ofproto *);
static void rule_remove(struct rule *, int reason);

/* ---- Module. ---- */

void
ofproto_init(void)
{
    connmgr_init();
    ofproto_dpif_init();
}

void
ofproto_type_run(void)
{
    ofproto_dpif_type_run();
}

void
ofproto_type_wait(void)
{
    ofproto_dpif_type_wait();
}

/* ---- Bridges. ---- */

struct ofproto *
ofproto_lookup(const char *name)
{
    size_t hash = hash_string(name, 0);
    struct hmap_node *node;

    for (node = hmap_first_with_hash(&all_ofprotos, hash); node;
         node = hmap_next_with_hash(node)) {
        struct ofproto *candidate = CONTAINER_OF(node, struct ofproto,
                                                 hmap_node);
        if (!strcmp(candidate->name, name)) {
            return candidate;
        }
    }
    return NULL;
}

struct ofproto *
ofproto_lookup_by_uuid(const struct uuid *uuid)
{
    struct ofproto *ofproto;

    HMAP_FOR_EACH (ofproto, hmap_node, &all_ofprotos) {
        if (uuid_equals(&ofproto->uuid, uuid)) {
            return ofproto;
        }
    }
    return NULL;
}

void
ofproto_for_each(void (*cb)(struct ofproto *, void *aux), void *aux)
{
    struct ofproto *ofproto;

    HMAP_FOR_EACH_SAFE (ofproto, hmap_node, &all_ofprotos) {
        cb(ofproto, aux);
    }
}

const char *
ofproto_get_name(const struct ofproto *ofproto)
{
    return ofproto->name;
}

int
ofproto_create(const char *name, const char *type,
               const struct uuid *bridge_uuid, struct ofproto **ofprotop)
{
    *ofprotop = NULL;
    if (ofproto_lookup(name)) {
        return EEXIST;
    }

    struct ofproto_impl *impl = xzalloc(sizeof *impl);
    struct ofproto *ofproto = &impl->up;

    ofproto->name = xstrdup(name);
    ofproto->type = xstrdup(type && type[0] ? type : "netdev");
    ofproto->uuid = *bridge_uuid;
    ofproto->fail_mode = OFPROTO_FAIL_STANDALONE;
    ofproto->frag_handling = OFPUTIL_FRAG_NORMAL;
    hmap_init(&ofproto->ports);
    shash_init(&ofproto->port_by_name);
    ofproto->max_ports = OFPP_MAX;
    for (int i = 0; i < OFPROTO_N_TABLES; i++) {
        classifier_init(&ofproto->tables[i].cls);
    }
    ovs_list_init(&impl->expirable);
    impl->next_expire = LLONG_MAX;

    char *mgmt = xasprintf("punix:%s/%s.mgmt", ovs_rundir(), name);
    char *snoop = xasprintf("punix:%s/%s.snoop", ovs_rundir(), name);
    ofproto->connmgr = connmgr_create(ofproto, name, mgmt, snoop,
                                      handle_openflow, ofproto);
    free(snoop);
    free(mgmt);

    hmap_insert(&all_ofprotos, &ofproto->hmap_node, hash_string(name, 0));

    int error = ofproto_dpif_construct(ofproto);
    if (error) {
        VLOG_ERR("%s: failed to create datapath side (%s)", name,
                 ovs_strerror(error));
        hmap_remove(&all_ofprotos, &ofproto->hmap_node);
        connmgr_destroy(ofproto->connmgr);
        for (int i = 0; i < OFPROTO_N_TABLES; i++) {
            classifier_destroy(&ofproto->tables[i].cls);
        }
        hmap_destroy(&ofproto->ports);
        shash_destroy(&ofproto->port_by_name);
        free(ofproto->type);
        free(ofproto->name);
        free(impl);
        return error;
    }

    flush_flows(ofproto);
    *ofprotop = ofproto;
    return 0;
}

/* Removes every rule of every table, without flow-removed messages. */
static void
delete_all_rules(struct ofproto *ofproto)
{
    for (int i = 0; i < OFPROTO_N_TABLES; i++) {
        struct rule *rule;

        CLS_FOR_EACH (rule, cr, &ofproto->tables[i].cls) {
            rule_remove(rule, -1);
        }
    }
}

void
ofproto_destroy(struct ofproto *ofproto)
{
    if (!ofproto) {
        return;
    }

    delete_all_rules(ofproto);

    struct ofport *port;
    HMAP_FOR_EACH_SAFE (port, hmap_node, &ofproto->ports) {
        ofproto_port_del(ofproto, port->ofp_port);
    }

    ofproto_dpif_destruct(ofproto);
    connmgr_destroy(ofproto->connmgr);
    hmap_remove(&all_ofprotos, &ofproto->hmap_node);

    for (int i = 0; i < OFPROTO_N_TABLES; i++) {
        classifier_destroy(&ofproto->tables[i].cls);
        free(ofproto->tables[i].name);
    }
    hmap_destroy(&ofproto->ports);
    shash_destroy(&ofproto->port_by_name);
    free(ofproto->type);
    free(ofproto->name);
    free(ofproto_impl(ofproto));
}

void
ofproto_set_datapath_id(struct ofproto *ofproto, uint64_t datapath_id)
{
    ofproto->datapath_id = datapath_id;
}

uint64_t
ofproto_get_datapath_id(const struct ofproto *ofproto)
{
    return ofproto->datapath_id;
}

void
ofproto_set_fail_mode(struct ofproto *ofproto, enum ofproto_fail_mode mode)
{
    if (ofproto->fail_mode != mode) {
        ofproto->fail_mode = mode;
        if (!connmgr_has_controllers(ofproto->connmgr)) {
            flush_flows(ofproto);
        }
        ofproto_dpif_flows_changed(ofproto);
    }
}

void
ofproto_set_controllers(struct ofproto *ofproto,
                        const struct ofproto_controller *ctls, size_t n)
{
    bool had = connmgr_has_controllers(ofproto->connmgr);

    connmgr_set_controllers(ofproto->connmgr, ctls, n);
    if (had != connmgr_has_controllers(ofproto->connmgr)) {
        flush_flows(ofproto);
    }
}

void
ofproto_set_mgmt_versions(struct ofproto *ofproto, uint32_t allowed_versions)
{
    connmgr_set_mgmt_versions(ofproto->connmgr, allowed_versions);
}

void
ofproto_get_ofproto_controller_info(const struct ofproto *ofproto,
                                    struct shash *info)
{
    connmgr_get_controller_info(ofproto->connmgr, info);
}

void
ofproto_free_ofproto_controller_info(struct shash *info)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, info) {
        struct ofproto_controller_info *cinfo = node->data;
        if (cinfo->pairs) {
            smap_destroy(cinfo->pairs);
            free(cinfo->pairs);
        }
        free(cinfo);
    }
    shash_destroy(info);
}

int
ofproto_mirror_register(struct ofproto *ofproto, void *aux,
                        const struct ofproto_mirror_settings *s)
{
    return ofproto_dpif_mirror_register(ofproto, aux, s);
}

int
ofproto_mirror_get_stats(struct ofproto *ofproto, const void *aux,
                         uint64_t *packets, uint64_t *bytes)
{
    return ofproto_dpif_mirror_get_stats(ofproto, aux, packets, bytes);
}

void
ofproto_mirror_unregister(struct ofproto *ofproto, void *aux)
{
    ofproto_dpif_mirror_unregister(ofproto, aux);
}

void
ofproto_set_mac_table_config(struct ofproto *ofproto, unsigned int idle_time,
                             size_t max_entries)
{
    ofproto_dpif_set_mac_table_config(ofproto, idle_time, max_entries);
}

const char *
ofproto_port_open_type(const char *datapath_type, const char *port_type)
{
    if (port_type && !strcmp(port_type, "internal")) {
        return (datapath_type && !strcmp(datapath_type, "dummy")
                ? "dummy" : "internal");
    }
    return port_type;
}

/* ---- Ports. ---- */

struct ofport *
ofproto_get_port(const struct ofproto *ofproto, ofp_port_t ofp_port)
{
    struct ofport *port;

    HMAP_FOR_EACH_WITH_HASH (port, hmap_node, hash_int(ofp_to_u16(ofp_port),
                                                       0),
                             &ofproto->ports) {
        if (port->ofp_port == ofp_port) {
            return port;
        }
    }
    return NULL;
}

struct ofport *
ofproto_get_port_by_name(const struct ofproto *ofproto, const char *name)
{
    return shash_find_data(&ofproto->port_by_name, name);
}

ofp_port_t
ofproto_port_by_name(const struct ofproto *ofproto, const char *name)
{
    const struct ofport *port = ofproto_get_port_by_name(ofproto, name);
    return port ? port->ofp_port : OFPP_NONE;
}

/* Fills 'pp' from the current state of 'netdev', keeping the configuration
 * bits that live only in OpenFlow (no_recv, no_fwd, ...) from 'old'. */
static void
port_describe(const struct netdev *netdev, ofp_port_t ofp_port,
              const struct ofputil_phy_port *old,
              struct ofputil_phy_port *pp)
{
    enum netdev_flags flags = 0;

    memset(pp, 0, sizeof *pp);
    pp->port_no = ofp_port;
    ovs_strlcpy(pp->name, netdev_get_name(netdev), sizeof pp->name);
    netdev_get_etheraddr(netdev, &pp->hw_addr);

    netdev_get_flags(netdev, &flags);
    pp->config = old ? old->config & ~OFPUTIL_PC_PORT_DOWN : 0;
    if (!(flags & NETDEV_UP)) {
        pp->config |= OFPUTIL_PC_PORT_DOWN;
    }
    if (!netdev_get_carrier(netdev)) {
        pp->state |= OFPUTIL_PS_LINK_DOWN;
    } else if (!(pp->config & OFPUTIL_PC_PORT_DOWN)) {
        pp->state |= OFPUTIL_PS_LIVE;
    }
}

/* True if a port-status message would describe 'a' and 'b' alike. */
static bool
phy_port_equal(const struct ofputil_phy_port *a,
               const struct ofputil_phy_port *b)
{
    const enum netdev_features fa[] = { a->curr, a->advertised,
                                        a->supported, a->peer };
    const enum netdev_features fb[] = { b->curr, b->advertised,
                                        b->supported, b->peer };

    if (strcmp(a->name, b->name) || a->port_no != b->port_no
        || !eth_addr_equals(a->hw_addr, b->hw_addr)) {
        return false;
    }
    if (a->config != b->config || a->state != b->state) {
        return false;
    }
    return (!memcmp(fa, fb, sizeof fa)
            && a->curr_speed == b->curr_speed
            && a->max_speed == b->max_speed);
}

static ofp_port_t
alloc_port_number(const struct ofproto *ofproto, ofp_port_t requested)
{
    if (requested != OFPP_NONE
        && (ofp_to_u16(requested) < ofp_to_u16(ofproto->max_ports)
            || requested == OFPP_LOCAL)
        && requested != 0
        && !ofproto_get_port(ofproto, requested)) {
        return requested;
    }
    for (uint16_t i = 1; i < ofp_to_u16(ofproto->max_ports); i++) {
        if (!ofproto_get_port(ofproto, u16_to_ofp(i))) {
            return u16_to_ofp(i);
        }
    }
    return OFPP_NONE;
}

int
ofproto_port_add(struct ofproto *ofproto, struct netdev *netdev,
                 ofp_port_t *ofp_portp)
{
    const char *name = netdev_get_name(netdev);
    ofp_port_t requested = ofp_portp ? *ofp_portp : OFPP_NONE;

    if (ofproto_get_port_by_name(ofproto, name)) {
        return EEXIST;
    }
    if (requested == OFPP_LOCAL && ofproto_get_port(ofproto, OFPP_LOCAL)) {
        return EEXIST;
    }

    ofp_port_t ofp_port = alloc_port_number(ofproto, requested);
    if (ofp_port == OFPP_NONE) {
        return EFBIG;
    }

    struct ofport_impl *impl = xzalloc(sizeof *impl);
    struct ofport *port = &impl->up;
    port->ofproto = ofproto;
    port->netdev = netdev_ref(netdev);
    port->ofp_port = ofp_port;
    port->change_seq = netdev_get_change_seq(netdev);
    port_describe(netdev, ofp_port, NULL, &port->pp);
    impl->created = time_msec();

    hmap_insert(&ofproto->ports, &port->hmap_node,
                hash_int(ofp_to_u16(ofp_port), 0));
    shash_add(&ofproto->port_by_name, name, port);

    int error = ofproto_dpif_port_add(ofproto, port);
    if (error) {
        VLOG_WARN("%s: could not add port %s (%s)", ofproto->name, name,
                  ovs_strerror(error));
        hmap_remove(&ofproto->ports, &port->hmap_node);
        shash_find_and_delete(&ofproto->port_by_name, name);
        netdev_close(port->netdev);
        free(impl);
        return error;
    }

    if (ofp_portp) {
        *ofp_portp = ofp_port;
    }
    connmgr_send_port_status(ofproto->connmgr, NULL, &port->pp, OFPPR_ADD);
    ofproto_dpif_flows_changed(ofproto);
    return 0;
}

int
ofproto_port_del(struct ofproto *ofproto, ofp_port_t ofp_port)
{
    struct ofport *port = ofproto_get_port(ofproto, ofp_port);

    if (!port) {
        return ENOENT;
    }

    connmgr_send_port_status(ofproto->connmgr, NULL, &port->pp,
                             OFPPR_DELETE);
    ofproto_dpif_port_del(ofproto, port);
    hmap_remove(&ofproto->ports, &port->hmap_node);
    shash_find_and_delete(&ofproto->port_by_name,
                          netdev_get_name(port->netdev));
    netdev_close(port->netdev);
    free(CONTAINER_OF(port, struct ofport_impl, up));
    ofproto_dpif_flows_changed(ofproto);
    return 0;
}

int
ofproto_port_get_stats(const struct ofproto *ofproto, ofp_port_t ofp_port,
                       struct netdev_stats *stats)
{
    const struct ofport *port = ofproto_get_port(ofproto, ofp_port);

    memset(stats, 0, sizeof *stats);
    return port ? ofproto_dpif_port_get_stats(port, stats) : ENOENT;
}

/* Re-reads 'port''s netdev and reports a change to the controllers.
 * 'source' is the connection whose port-mod caused it, if any. */
static void
port_refresh(struct ofproto *ofproto, struct ofport *port,
             struct ofconn *source)
{
    struct ofputil_phy_port pp;

    port->change_seq = netdev_get_change_seq(port->netdev);
    port_describe(port->netdev, port->ofp_port, &port->pp, &pp);
    if (!phy_port_equal(&pp, &port->pp)) {
        port->pp = pp;
        connmgr_send_port_status(ofproto->connmgr, source, &port->pp,
                                 OFPPR_MODIFY);
        ofproto_dpif_flows_changed(ofproto);
    }
}

static void
poll_port_changes(struct ofproto *ofproto)
{
    struct ofport *port;

    HMAP_FOR_EACH (port, hmap_node, &ofproto->ports) {
        if (netdev_get_change_seq(port->netdev) != port->change_seq) {
            port_refresh(ofproto, port, NULL);
        }
    }
}

static int
compare_ports(const void *a_, const void *b_)
{
    const struct ofport *const *a = a_;
    const struct ofport *const *b = b_;
    uint16_t pa = ofp_to_u16((*a)->ofp_port);
    uint16_t pb = ofp_to_u16((*b)->ofp_port);

    return pa < pb ? -1 : pa > pb;
}

/* Returns the ports of 'ofproto' sorted by number, in a malloc()'d array
 * of '*n' pointers. */
static struct ofport **
sorted_ports(const struct ofproto *ofproto, size_t *n)
{
    struct ofport **ports = xmalloc((hmap_count(&ofproto->ports) + 1)
                                    * sizeof *ports);
    struct ofport *port;
    size_t i = 0;

    HMAP_FOR_EACH (port, hmap_node, &ofproto->ports) {
        ports[i++] = port;
    }
    qsort(ports, i, sizeof *ports, compare_ports);
    *n = i;
    return ports;
}

/* ---- Rules. ---- */

void
ofproto_rule_ref(struct rule *rule)
{
    if (rule) {
        rule->ref_count++;
    }
}

void
ofproto_rule_unref(struct rule *rule)
{
    if (rule && --rule->ref_count == 0) {
        cls_rule_destroy(&rule->cr);
        free(rule->ofpacts);
        free(rule_impl(rule));
    }
}

void
ofproto_rule_credit(struct rule *rule, uint64_t packets, uint64_t bytes,
                    long long int used)
{
    rule->packet_count += packets;
    rule->byte_count += bytes;
    if (used > rule->used) {
        rule->used = used;
    }
}

struct rule *
ofproto_rule_lookup(struct ofproto *ofproto, uint8_t table_id,
                    const struct flow *flow, struct flow_wildcards *wc)
{
    if (table_id >= OFPROTO_N_TABLES) {
        return NULL;
    }

    struct oftable *table = &ofproto->tables[table_id];
    struct cls_rule *cr = classifier_lookup(&table->cls, flow, wc);

    table->n_lookups++;
    if (!cr) {
        return NULL;
    }
    table->n_matched++;
    return CONTAINER_OF(cr, struct rule, cr);
}

static struct rule *
rule_create(struct ofproto *ofproto, uint8_t table_id,
            const struct ofputil_flow_mod *fm)
{
    struct rule_impl *impl = xzalloc(sizeof *impl);
    struct rule *rule = &impl->up;
    long long int now = time_msec();

    cls_rule_init(&rule->cr, &fm->match, fm->priority);
    rule->ofproto = ofproto;
    rule->table_id = table_id;
    rule->ref_count = 1;
    rule->flow_cookie = fm->new_cookie;
    rule->idle_timeout = fm->idle_timeout;
    rule->hard_timeout = fm->hard_timeout;
    rule->importance = fm->importance;
    /* Flow stats report these flags back as they were given (as Open
     * vSwitch does).  The counters are kept regardless of the
     * no_*_counts flags, which OpenFlow makes a hint, not a duty. */
    rule->flags = fm->flags & (OFPUTIL_FF_SEND_FLOW_REM
                               | OFPUTIL_FF_CHECK_OVERLAP
                               | OFPUTIL_FF_RESET_COUNTS
                               | OFPUTIL_FF_NO_PKT_COUNTS
                               | OFPUTIL_FF_NO_BYT_COUNTS);
    rule->created = rule->modified = rule->used = now;
    rule->ofpacts = xmemdup(fm->ofpacts, fm->ofpacts_len);
    rule->ofpacts_len = fm->ofpacts_len;
    ovs_list_poison(&impl->expirable_node);
    return rule;
}

static void
rule_insert(struct rule *rule)
{
    struct ofproto *ofproto = rule->ofproto;
    struct cls_rule *displaced OVS_UNUSED;

    displaced = classifier_insert(&ofproto->tables[rule->table_id].cls,
                                  &rule->cr);
    ovs_assert(!displaced);
    if (rule->idle_timeout || rule->hard_timeout) {
        struct ofproto_impl *impl = ofproto_impl(ofproto);
        ovs_list_push_back(&impl->expirable,
                           &rule_impl(rule)->expirable_node);
        impl->next_expire = MIN(impl->next_expire,
                                time_msec() + EXPIRE_INTERVAL);
    }
}

/* Splits the time from 'since' to 'now' (msec) into OpenFlow's seconds and
 * nanoseconds. */
static void
duration_since(long long int since, long long int now,
               uint32_t *sec, uint32_t *nsec)
{
    long long int msecs = MAX(0, now - since);

    *sec = msecs / 1000;
    *nsec = (msecs % 1000) * 1000000;
}

static void
rule_duration(const struct rule *rule, long long int now,
              uint32_t *sec, uint32_t *nsec)
{
    duration_since(rule->created, now, sec, nsec);
}

static void
send_flow_removed(struct rule *rule, uint8_t reason)
{
    struct ofputil_flow_removed fr;

    memset(&fr, 0, sizeof fr);
    fr.match = rule->cr.match;
    fr.priority = rule->cr.priority;
    fr.cookie = rule->flow_cookie;
    fr.reason = reason;
    fr.table_id = rule->table_id;
    rule_duration(rule, time_msec(), &fr.duration_sec, &fr.duration_nsec);
    fr.idle_timeout = rule->idle_timeout;
    fr.hard_timeout = rule->hard_timeout;
    fr.packet_count = rule->packet_count;
    fr.byte_count = rule->byte_count;
    connmgr_send_flow_removed(rule->ofproto->connmgr, &fr);
}

/* Takes 'rule' out of its table and drops the table's reference.  With
 * 'reason' >= 0 (an OFPRR_*), sends a flow-removed message if the rule
 * asked for one.  The caller tells ofproto-dpif about the change. */
static void
rule_remove(struct rule *rule, int reason)
{
    struct ofproto *ofproto = rule->ofproto;
    struct rule_impl *impl = rule_impl(rule);

    if (rule->removed) {
        return;
    }
    if (reason >= 0 && rule->flags & OFPUTIL_FF_SEND_FLOW_REM) {
        send_flow_removed(rule, reason);
    }
    classifier_remove(&ofproto->tables[rule->table_id].cls, &rule->cr);
    rule->removed = true;
    if (rule->idle_timeout || rule->hard_timeout) {
        ovs_list_remove(&impl->expirable_node);
        ovs_list_poison(&impl->expirable_node);
    }
    ofproto_rule_unref(rule);
}

/* Adds the "priority=0 actions=NORMAL" flow that a standalone bridge
 * without controllers shows, as Open vSwitch does. */
static void
add_standalone_flow(struct ofproto *ofproto)
{
    struct ofputil_flow_mod fm;
    struct ofpbuf ofpacts;

    memset(&fm, 0, sizeof fm);
    ofpbuf_init(&ofpacts, 0);
    ofpact_put_OUTPUT(&ofpacts)->port = OFPP_NORMAL;
    match_init_catchall(&fm.match);
    fm.priority = 0;
    fm.ofpacts = ofpacts.data;
    fm.ofpacts_len = ofpacts.size;
    rule_insert(rule_create(ofproto, 0, &fm));
    ofpbuf_uninit(&ofpacts);
}

/* Empties every table, then adds the standalone flow if the fail mode and
 * the lack of controllers call for it. */
static void
flush_flows(struct ofproto *ofproto)
{
    delete_all_rules(ofproto);
    if (ofproto->fail_mode == OFPROTO_FAIL_STANDALONE
        && !connmgr_has_controllers(ofproto->connmgr)) {
        add_standalone_flow(ofproto);
    }
    ofproto_dpif_flows_changed(ofproto);
}

/* ---- Timeouts. ---- */

static void
expire_rules(struct ofproto *ofproto)
{
    struct ofproto_impl *impl = ofproto_impl(ofproto);
    long long int now = time_msec();
    bool changed = false;

    if (now < impl->next_expire) {
        return;
    }
    if (ovs_list_is_empty(&impl->expirable)) {
        impl->next_expire = LLONG_MAX;
        return;
    }

    /* Idle timeouts depend on the real last use, which the datapath may not
     * have reported yet. */
    ofproto_dpif_push_stats(ofproto);

    struct rule_impl *ri;
    LIST_FOR_EACH_SAFE (ri, expirable_node, &impl->expirable) {
        struct rule *rule = &ri->up;
        int reason = -1;

        if (rule->hard_timeout
            && now >= rule->modified + rule->hard_timeout * 1000LL) {
            reason = OFPRR_HARD_TIMEOUT;
        } else if (rule->idle_timeout
                   && now >= rule->used + rule->idle_timeout * 1000LL) {
            reason = OFPRR_IDLE_TIMEOUT;
        }
        if (reason >= 0) {
            rule_remove(rule, reason);
            changed = true;
        }
    }
    if (changed) {
        ofproto_dpif_flows_changed(ofproto);
    }
    impl->next_expire = (ovs_list_is_empty(&impl->expirable) ? LLONG_MAX
                         : now + EXPIRE_INTERVAL);
}

int
ofproto_run(struct ofproto *ofproto)
{
    ofproto_dpif_run(ofproto);
    poll_port_changes(ofproto);
    connmgr_run(ofproto->connmgr);
    expire_rules(ofproto);
    return 0;
}

void
ofproto_wait(struct ofproto *ofproto)
{
    struct ofproto_impl *impl = ofproto_impl(ofproto);

    ofproto_dpif_wait(ofproto);
    connmgr_wait(ofproto->connmgr);
    if (impl->next_expire != LLONG_MAX) {
        poll_timer_wait_until(impl->next_expire);
    }
}

/* ---- Flow-mods. ---- */

static bool
rule_has_cookie(const struct rule *rule, ovs_be64 cookie, ovs_be64 mask)
{
    return !((rule->flow_cookie ^ cookie) & mask);
}

static bool
rule_has_out_port(const struct rule *rule, ofp_port_t out_port)
{
    return (out_port == OFPP_NONE
            || ofpacts_output_to_port(rule->ofpacts, rule->ofpacts_len,
                                      out_port));
}

/* The switch has no group table (groups exist in the codec only), so an
 * action that outputs to any group names a group that does not exist. */
static enum ofperr
check_no_groups(const struct ofpact *ofpacts, size_t ofpacts_len)
{
    return (ofpacts_output_to_group(ofpacts, ofpacts_len, OFPG_ANY)
            ? OFPERR_OFPBAC_BAD_OUT_GROUP : 0);
}

static bool
rule_has_out_group(const struct rule *rule, uint32_t out_group)
{
    return (out_group == OFPG_ANY
            || ofpacts_output_to_group(rule->ofpacts, rule->ofpacts_len,
                                       out_group));
}

/* What selects existing rules for modify, delete and stats requests. */
struct rule_criteria {
    const struct match *match;
    int priority;               /* Only if 'strict'. */
    bool strict;
    uint8_t table_id;           /* OFPTT_ALL: every table. */
    ovs_be64 cookie, cookie_mask;
    ofp_port_t out_port;
    uint32_t out_group;
};

/* Appends the rules that 'c' selects to 'rules', an array of '*n'
 * pointers with room for '*allocated' (reallocated as needed). */
static void
collect_rules(struct ofproto *ofproto, const struct rule_criteria *c,
              struct rule ***rules, size_t *n, size_t *allocated)
{
    int first = c->table_id == OFPTT_ALL ? 0 : c->table_id;
    int last = c->table_id == OFPTT_ALL ? OFPROTO_N_TABLES - 1 : c->table_id;

    for (int i = first; i <= last; i++) {
        struct classifier *cls = &ofproto->tables[i].cls;
        struct rule *rule;

        if (classifier_is_empty(cls)) {
            continue;
        }
        if (c->strict) {
            struct cls_rule *cr = classifier_find_match_exactly(
                cls, c->match, c->priority);
            if (!cr) {
                continue;
            }
            rule = CONTAINER_OF(cr, struct rule, cr);
            if (rule_has_cookie(rule, c->cookie, c->cookie_mask)
                && rule_has_out_port(rule, c->out_port)
                && rule_has_out_group(rule, c->out_group)) {
                if (*n >= *allocated) {
                    *rules = x2nrealloc(*rules, allocated, sizeof **rules);
                }
                (*rules)[(*n)++] = rule;
            }
            continue;
        }

        CLS_FOR_EACH_TARGET (rule, cr, cls, c->match) {
            if (rule_has_cookie(rule, c->cookie, c->cookie_mask)
                && rule_has_out_port(rule, c->out_port)
                && rule_has_out_group(rule, c->out_group)) {
                if (*n >= *allocated) {
                    *rules = x2nrealloc(*rules, allocated, sizeof **rules);
                }
                (*rules)[(*n)++] = rule;
            }
        }
    }
}

static enum ofperr
check_table_id(uint8_t table_id, bool all_ok)
{
    if (table_id == OFPTT_ALL) {
        return all_ok ? 0 : OFPERR_OFPBRC_BAD_TABLE_ID;
    }
    if (table_id == OFPROTO_N_TABLES) {
        /* Table 254 exists in Open vSwitch but is reserved for the switch's
         * own use, so a controller gets "permission denied" for it. */
        return OFPERR_OFPBRC_EPERM;
    }
    return table_id < OFPROTO_N_TABLES ? 0 : OFPERR_OFPBRC_BAD_TABLE_ID;
}

static enum ofperr
add_flow(struct ofproto *ofproto, struct ofputil_flow_mod *fm)
{
    uint8_t table_id = fm->table_id == OFPTT_ALL ? 0 : fm->table_id;
    struct classifier *cls = &ofproto->tables[table_id].cls;
    struct cls_rule target;

    cls_rule_init(&target, &fm->match, fm->priority);
    if (fm->flags & OFPUTIL_FF_CHECK_OVERLAP
        && classifier_rule_overlaps(cls, &target)) {
        cls_rule_destroy(&target);
        return OFPERR_OFPFMFC_OVERLAP;
    }

    struct cls_rule *old_cr = classifier_find_rule_exactly(cls, &target);
    cls_rule_destroy(&target);

    struct rule *rule = rule_create(ofproto, table_id, fm);
    if (old_cr) {
        struct rule *old = CONTAINER_OF(old_cr, struct rule, cr);

        /* A replaced flow passes on its counters unless told not to. */
        if (!(fm->flags & OFPUTIL_FF_RESET_COUNTS)) {
            ofproto_dpif_push_stats(ofproto);
            rule->packet_count = old->packet_count;
            rule->byte_count = old->byte_count;
        }
        rule_remove(old, -1);
    }
    rule_insert(rule);
    return 0;
}

static void
modify_rule(struct rule *rule, const struct ofputil_flow_mod *fm)
{
    if (!ofpacts_equal(rule->ofpacts, rule->ofpacts_len,
                       fm->ofpacts, fm->ofpacts_len)) {
        free(rule->ofpacts);
        rule->ofpacts = xmemdup(fm->ofpacts, fm->ofpacts_len);
        rule->ofpacts_len = fm->ofpacts_len;
    }
    if (fm->modify_cookie && fm->new_cookie != OVS_BE64_MAX) {
        rule->flow_cookie = fm->new_cookie;
    }
    if (fm->flags & OFPUTIL_FF_RESET_COUNTS) {
        rule->packet_count = 0;
        rule->byte_count = 0;
    }
    rule->modified = time_msec();
}

static enum ofperr
handle_flow_mod__(struct ofproto *ofproto, struct ofputil_flow_mod *fm)
{
    bool is_delete = (fm->command == OFPFC_DELETE
                      || fm->command == OFPFC_DELETE_STRICT);
    enum ofperr error;

    error = check_table_id(fm->table_id, true);
    if (error) {
        return error;
    }
    if (fm->command == OFPFC_ADD || fm->command == OFPFC_MODIFY
        || fm->command == OFPFC_MODIFY_STRICT) {
        enum ofputil_protocol usable = OFPUTIL_P_ANY;
        uint8_t table_id = fm->table_id == OFPTT_ALL ? 0 : fm->table_id;

        error = ofpacts_check(fm->ofpacts, fm->ofpacts_len, &fm->match,
                              ofproto->max_ports, table_id,
                              OFPROTO_N_TABLES, &usable);
        if (!error) {
            error = check_no_groups(fm->ofpacts, fm->ofpacts_len);
        }
        if (error) {
            return error;
        }
    }

    if (fm->command == OFPFC_ADD) {
        error = add_flow(ofproto, fm);
        if (!error) {
            ofproto_dpif_flows_changed(ofproto);
        }
        return error;
    }

    bool strict = (fm->command == OFPFC_MODIFY_STRICT
                   || fm->command == OFPFC_DELETE_STRICT);
    struct rule_criteria c = {
        .match = &fm->match,
        .priority = fm->priority,
        .strict = strict,
        .table_id = fm->table_id,
        .cookie = fm->cookie,
        .cookie_mask = fm->cookie_mask,
        .out_port = is_delete ? fm->out_port : OFPP_NONE,
        .out_group = is_delete ? fm->out_group : OFPG_ANY,
    };
    struct rule **rules = NULL;
    size_t n = 0, allocated = 0;

    switch (fm->command) {
    case OFPFC_MODIFY:
    case OFPFC_MODIFY_STRICT:
        collect_rules(ofproto, &c, &rules, &n, &allocated);
        for (size_t i = 0; i < n; i++) {
            modify_rule(rules[i], fm);
        }
        break;

    case OFPFC_DELETE:
    case OFPFC_DELETE_STRICT:
        collect_rules(ofproto, &c, &rules, &n, &allocated);
        if (n) {
            ofproto_dpif_push_stats(ofproto);
        }
        for (size_t i = 0; i < n; i++) {
            rule_remove(rules[i], OFPRR_DELETE);
        }
        break;

    default:
        free(rules);
        return OFPERR_OFPFMFC_BAD_COMMAND;
    }
    free(rules);
    if (n) {
        ofproto_dpif_flows_changed(ofproto);
    }
    return 0;
}

static enum ofperr
handle_flow_mod(struct ofproto *ofproto, struct ofconn *ofconn,
                const struct ofp_header *oh)
{
    struct ofputil_flow_mod fm;
    struct ofpbuf ofpacts;
    enum ofperr error;

    if (ofconn_get_role(ofconn) == OFPCR12_ROLE_SLAVE) {
        return OFPERR_OFPBRC_IS_SLAVE;
    }

    ofpbuf_init(&ofpacts, 64);
    error = ofputil_decode_flow_mod(&fm, oh, ofconn_get_protocol(ofconn),
                                    &ofpacts);
    if (!error) {
        error = handle_flow_mod__(ofproto, &fm);
    }
    if (!error && fm.buffer_id != OFPUTIL_NO_BUFFER) {
        /* The switch buffers nothing (n_buffers:0). */
        error = OFPERR_OFPBRC_BUFFER_UNKNOWN;
    }
    ofpbuf_uninit(&ofpacts);
    return error;
}

/* ---- Statistics. ---- */

static void
flow_stats_from_rule(const struct rule *rule, long long int now,
                     struct ofputil_flow_stats *fs)
{
    memset(fs, 0, sizeof *fs);
    fs->match = rule->cr.match;
    fs->priority = rule->cr.priority;
    fs->cookie = rule->flow_cookie;
    fs->table_id = rule->table_id;
    rule_duration(rule, now, &fs->duration_sec, &fs->duration_nsec);
    fs->idle_timeout = rule->idle_timeout;
    fs->hard_timeout = rule->hard_timeout;
    fs->importance = rule->importance;
    fs->idle_age = MAX(0, (now - rule->used) / 1000);
    fs->hard_age = MAX(0, (now - rule->modified) / 1000);
    fs->packet_count = rule->packet_count;
    fs->byte_count = rule->byte_count;
    fs->flags = rule->flags;
    fs->ofpacts = rule->ofpacts;
    fs->ofpacts_len = rule->ofpacts_len;
}

static enum ofperr
handle_flow_stats_request(struct ofproto *ofproto, struct ofconn *ofconn,
                          const struct ofp_header *oh)
{
    struct ofputil_flow_stats_request fsr;
    enum ofperr error;

    error = ofputil_decode_flow_stats_request(&fsr, oh);
    if (!error) {
        error = check_table_id(fsr.table_id, true);
    }
    if (error) {
        return error;
    }

    struct rule_criteria c = {
        .match = &fsr.match,
        .table_id = fsr.table_id,
        .cookie = fsr.cookie,
        .cookie_mask = fsr.cookie_mask,
        .out_port = fsr.out_port,
        .out_group = fsr.out_group,
    };
    struct rule **rules = NULL;
    size_t n = 0, allocated = 0;

    ofproto_dpif_push_stats(ofproto);
    collect_rules(ofproto, &c, &rules, &n, &allocated);

    long long int now = time_msec();
    if (fsr.aggregate) {
        struct ofputil_aggregate_stats stats = { 0, 0, 0 };

        for (size_t i = 0; i < n; i++) {
            const struct rule *rule = rules[i];
            stats.packet_count += rule->packet_count;
            stats.byte_count += rule->byte_count;
            stats.flow_count++;
        }
        ofconn_send_reply(ofconn,
                          ofputil_encode_aggregate_stats_reply(&stats, oh));
    } else {
        struct ovs_list replies;

        ofpmp_init(&replies, oh);
        for (size_t i = 0; i < n; i++) {
            struct ofputil_flow_stats fs;

            flow_stats_from_rule(rules[i], now, &fs);
            ofputil_append_flow_stats_reply(&fs, &replies);
        }
        ofconn_send_replies(ofconn, &replies);
    }
    free(rules);
    return 0;
}

/* Fills 'caps' with what table 'table_id' can do, for OpenFlow 1.1 and
 * 1.2 table stats.  Every table is alike except the last, which has no
 * goto_table since that instruction only goes forward.  A miss goes to
 * the controller, as OpenFlow before 1.3 wants; there are no groups or
 * queues to name, nor MPLS fields to match or set. */
static void
fill_table_caps(struct ofputil_table_caps *caps, uint8_t table_id)
{
    static const enum ofputil_table_action actions[] = {
        OTA_OUTPUT, OTA_SET_FIELD, OTA_SET_VLAN_VID, OTA_SET_VLAN_PCP,
        OTA_POP_VLAN, OTA_PUSH_VLAN, OTA_SET_DL_SRC, OTA_SET_DL_DST,
        OTA_SET_NW_SRC, OTA_SET_NW_DST, OTA_SET_NW_TOS, OTA_SET_NW_ECN,
        OTA_SET_NW_TTL, OTA_SET_TP_SRC, OTA_SET_TP_DST, OTA_DEC_NW_TTL,
    };

    memset(caps, 0, sizeof *caps);
    caps->miss = OFPUTIL_TABLE_MISS_CONTROLLER;
    caps->metadata_match = UINT64_MAX;
    caps->metadata_write = UINT64_MAX;

    caps->instructions = (UINT32_C(1) << N_OVS_INSTRUCTIONS) - 1;
    if (table_id == OFPROTO_N_TABLES - 1) {
        caps->instructions &= ~(UINT32_C(1) << OVSINST_OFPIT11_GOTO_TABLE);
    }

    for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
        caps->write.actions |= UINT32_C(1) << actions[i];
    }

    /* The fields are those of meta-flow that the catalog names; set_field
     * writes fields by their OXM header. */
    for (int i = 0; i < N_OTFS; i++) {
        const struct mf_field *mf = mf_from_name(ofputil_table_field_name(i));
        if (mf) {
            caps->match |= UINT64_C(1) << i;
            if (mf->writable && mf->oxm_name) {
                caps->write.set_fields |= UINT64_C(1) << i;
            }
        }
    }
    caps->wildcard = caps->match;
    caps->apply = caps->write;
}

static enum ofperr
handle_table_stats_request(struct ofproto *ofproto, struct ofconn *ofconn,
                           const struct ofp_header *oh)
{
    struct ofpbuf *reply = ofpraw_alloc_stats_reply(oh, 0);

    for (int i = 0; i < OFPROTO_N_TABLES; i++) {
        const struct oftable *table = &ofproto->tables[i];
        struct ofputil_table_stats ts;

        memset(&ts, 0, sizeof ts);
        ts.table_id = i;
        /* Unnamed tables go out with an empty name, as Open vSwitch sends
         * them, so that runs of identical tables print as "ditto". */
        if (table->name) {
            ovs_strlcpy(ts.name, table->name, sizeof ts.name);
        }
        ts.max_entries = 1000000;
        ts.ofp10_wildcards = OFPFW10_ALL;
        fill_table_caps(&ts.caps, i);
        ts.active_count = classifier_count(&table->cls);
        ts.lookup_count = table->n_lookups;
        ts.matched_count = table->n_matched;
        ofputil_append_table_stats_reply(reply, &ts);
    }
    ofconn_send_reply(ofconn, reply);
    return 0;
}

static void
append_port_stats(const struct ofport *port, long long int now,
                  struct ovs_list *replies)
{
    const struct ofport_impl *impl = CONTAINER_OF(port, struct ofport_impl,
                                                  up);
    struct netdev_stats stats;
    struct ofputil_port_stats ps;

    memset(&stats, 0, sizeof stats);
    ofproto_dpif_port_get_stats(port, &stats);

    memset(&ps, 0, sizeof ps);
    ps.port_no = port->ofp_port;
    ps.rx_packets = stats.rx_packets;
    ps.tx_packets = stats.tx_packets;
    ps.rx_bytes = stats.rx_bytes;
    ps.tx_bytes = stats.tx_bytes;
    ps.rx_dropped = stats.rx_dropped;
    ps.tx_dropped = stats.tx_dropped;
    ps.rx_errors = stats.rx_errors;
    ps.tx_errors = stats.tx_errors;
    ps.rx_frame_errors = UINT64_MAX;
    ps.rx_over_errors = UINT64_MAX;
    ps.rx_crc_errors = UINT64_MAX;
    ps.collisions = UINT64_MAX;
    duration_since(impl->created, now, &ps.duration_sec, &ps.duration_nsec);
    ofputil_append_port_stat(replies, &ps);
}

static enum ofperr
handle_port_stats_request(struct ofproto *ofproto, struct ofconn *ofconn,
                          const struct ofp_header *oh)
{
    struct ovs_list replies;
    ofp_port_t port_no;
    enum ofperr error;

    error = ofputil_decode_port_stats_request(oh, &port_no);
    if (error) {
        return error;
    }

    long long int now = time_msec();
    ofpmp_init(&replies, oh);
    if (port_no != OFPP_NONE) {
        const struct ofport *port = ofproto_get_port(ofproto, port_no);
        if (port) {
            append_port_stats(port, now, &replies);
        }
    } else {
        size_t n;
        struct ofport **ports = sorted_ports(ofproto, &n);
        for (size_t i = 0; i < n; i++) {
            append_port_stats(ports[i], now, &replies);
        }
        free(ports);
    }
    ofconn_send_replies(ofconn, &replies);
    return 0;
}

static enum ofperr
handle_port_desc_stats_request(struct ofproto *ofproto,
                               struct ofconn *ofconn,
                               const struct ofp_header *oh)
{
    struct ovs_list replies;
    ofp_port_t port_no;
    enum ofperr error;

    error = ofputil_decode_port_desc_stats_request(oh, &port_no);
    if (error) {
        return error;
    }

    ofpmp_init(&replies, oh);
    size_t n;
    struct ofport **ports = sorted_ports(ofproto, &n);
    for (size_t i = 0; i < n; i++) {
        if (port_no == OFPP_NONE
            || port_no == ports[i]->ofp_port) {
            ofputil_append_port_desc_stats_reply(&ports[i]->pp, &replies);
        }
    }
    free(ports);
    ofconn_send_replies(ofconn, &replies);
    return 0;
}

static enum ofperr
handle_desc_stats_request(struct ofproto *ofproto OVS_UNUSED,
                          struct ofconn *ofconn, const struct ofp_header *oh)
{
    struct ofputil_desc_stats ds;

    memset(&ds, 0, sizeof ds);
    ovs_strlcpy(ds.mfr_desc, "Nicira, Inc.", sizeof ds.mfr_desc);
    ovs_strlcpy(ds.hw_desc, "Open vSwitch", sizeof ds.hw_desc);
    ovs_strlcpy(ds.sw_desc, PACKAGE_VERSION, sizeof ds.sw_desc);
    ovs_strlcpy(ds.serial_num, "None", sizeof ds.serial_num);
    ovs_strlcpy(ds.dp_desc, "None", sizeof ds.dp_desc);
    ofconn_send_reply(ofconn, ofputil_encode_desc_stats_reply(oh, &ds));
    return 0;
}

/* OpenFlow 1.3+ table features.  The tables' features are fixed (every
 * table can match every field and run every action), and describing them
 * property by property is not implemented yet, so a request gets a reply
 * that lists no tables; a request that tries to change features is
 * refused. */
static enum ofperr
handle_table_features_request(struct ofproto *ofproto, struct ofconn *ofconn,
                              const struct ofp_header *oh)
{
    /* Changing table features is not supported. */
    if (ntohs(oh->length) > ofpmsg_header_len(oh)) {
        return OFPERR_OFPTFFC_EPERM;
    }

    /* Describe every table, without the optional properties: enough for
     * clients such as ovs-ofctl, which ask for table names. */
    struct ovs_list replies;
    ofpmp_init(&replies, oh);
    /* The properties that OpenFlow 1.3 makes mandatory (instructions, next
     * tables, write and apply actions, match, wildcards, write and apply
     * set-field), each with an empty list: no restrictions announced.
     * Each is a 4-byte header padded to 8 bytes. */
    static const uint16_t required[] = { 0, 2, 4, 6, 8, 10, 12, 14 };
    struct {
        struct ofp13_table_features tf;
        ovs_be16 props[ARRAY_SIZE(required)][4];
    } entry;

    for (int i = 0; i < OFPROTO_N_TABLES; i++) {
        const struct oftable *table = &ofproto->tables[i];

        memset(&entry, 0, sizeof entry);
        entry.tf.length = htons(sizeof entry);
        entry.tf.table_id = i;
        if (table->name) {
            ovs_strlcpy(entry.tf.name, table->name, sizeof entry.tf.name);
        }
        entry.tf.metadata_match = OVS_BE64_MAX;
        entry.tf.metadata_write = OVS_BE64_MAX;
        entry.tf.max_entries = htonl(1000000);
        for (size_t j = 0; j < ARRAY_SIZE(required); j++) {
            entry.props[j][0] = htons(required[j]);
            entry.props[j][1] = htons(4);
        }
        memcpy(ofpmp_append(&replies, sizeof entry), &entry, sizeof entry);
    }
    ofconn_send_replies(ofconn, &replies);
    return 0;
}

/* ---- The switch as a whole. ---- */

static enum ofperr
handle_features_request(struct ofproto *ofproto, struct ofconn *ofconn,
                        const struct ofp_header *oh)
{
    struct ofputil_switch_features features = {
        .datapath_id = ofproto->datapath_id,
        .n_buffers = 0,
        .n_tables = OFPROTO_N_TABLES,
        .capabilities = (OFPUTIL_C_FLOW_STATS | OFPUTIL_C_TABLE_STATS
                         | OFPUTIL_C_PORT_STATS | OFPUTIL_C_QUEUE_STATS
                         | OFPUTIL_C_GROUP_STATS
                         | OFPUTIL_C_ARP_MATCH_IP),
        /* Every OpenFlow 1.0 action: output through enqueue. */
        .ofp10_actions = 0xfff,
    };
    struct ofpbuf *reply = ofputil_encode_switch_features(
        &features, ofconn_get_protocol(ofconn), oh->xid);

    if (oh->version < OFP13_VERSION) {
        size_t n;
        struct ofport **ports = sorted_ports(ofproto, &n);
        for (size_t i = 0; i < n; i++) {
            ofputil_put_switch_features_port(&ports[i]->pp, reply);
        }
        free(ports);
    }
    ofconn_send_reply(ofconn, reply);
    return 0;
}

static enum ofperr
handle_get_config_request(struct ofproto *ofproto, struct ofconn *ofconn,
                          const struct ofp_header *oh)
{
    struct ofputil_switch_config config = {
        .frag = ofproto->frag_handling,
        .invalid_ttl_to_controller = (oh->version == OFP11_VERSION
                                      || oh->version == OFP12_VERSION
                                      ? 0 : -1),
        .miss_send_len = ofconn_get_miss_send_len(ofconn),
    };

    ofconn_send_reply(ofconn, ofputil_encode_get_config_reply(oh, &config));
    return 0;
}

static enum ofperr
handle_set_config(struct ofproto *ofproto, struct ofconn *ofconn,
                  const struct ofp_header *oh)
{
    struct ofputil_switch_config config;
    enum ofperr error = ofputil_decode_set_config(oh, &config);

    if (error) {
        return error;
    }
    if (ofconn_get_role(ofconn) != OFPCR12_ROLE_SLAVE
        && config.frag != ofproto->frag_handling) {
        if (config.frag == OFPUTIL_FRAG_REASM) {
            VLOG_WARN_RL(&rl, "%s: fragment reassembly is not supported",
                         ofproto->name);
        } else {
            ofproto->frag_handling = config.frag;
            ofproto_dpif_flows_changed(ofproto);
        }
    }
    ofconn_set_miss_send_len(ofconn, config.miss_send_len);
    return 0;
}

static enum ofperr
handle_barrier_request(struct ofconn *ofconn, const struct ofp_header *oh)
{
    /* Requests are carried out as they arrive, so everything before the
     * barrier is already done. */
    enum ofpraw raw = (oh->version == OFP10_VERSION
                       ? OFPRAW_OFPT10_BARRIER_REPLY
                       : OFPRAW_OFPT11_BARRIER_REPLY);

    ofconn_send_reply(ofconn, ofpraw_alloc_reply(raw, oh, 0));
    return 0;
}

static enum ofperr
handle_echo_request(struct ofconn *ofconn, const struct ofp_header *oh)
{
    size_t len = ntohs(oh->length);
    struct ofpbuf *reply = ofpraw_alloc_reply(OFPRAW_OFPT_ECHO_REPLY, oh,
                                              len);

    ofpbuf_put(reply, (const uint8_t *) oh + sizeof *oh, len - sizeof *oh);
    ofconn_send_reply(ofconn, reply);
    return 0;
}

static enum ofperr
handle_port_mod(struct ofproto *ofproto, struct ofconn *ofconn,
                const struct ofp_header *oh)
{
    struct ofputil_port_mod pm;
    enum ofperr error;

    if (ofconn_get_role(ofconn) == OFPCR12_ROLE_SLAVE) {
        return OFPERR_OFPBRC_IS_SLAVE;
    }
    error = ofputil_decode_port_mod(oh, &pm, false);
    if (error) {
        return error;
    }

    struct ofport *port = ofproto_get_port(ofproto, pm.port_no);
    if (!port) {
        return OFPERR_OFPPMFC_BAD_PORT;
    }
    if (!eth_addr_equals(port->pp.hw_addr, pm.hw_addr)) {
        return OFPERR_OFPPMFC_BAD_HW_ADDR;
    }

    enum ofputil_port_config toggle = (pm.config ^ port->pp.config) & pm.mask;
    if (toggle & OFPUTIL_PC_PORT_DOWN) {
        if (pm.config & OFPUTIL_PC_PORT_DOWN) {
            netdev_turn_flags_off(port->netdev, NETDEV_UP);
        } else {
            netdev_turn_flags_on(port->netdev, NETDEV_UP);
        }
    }
    /* The other bits exist only in OpenFlow; translation reads them. */
    port->pp.config ^= toggle & ~OFPUTIL_PC_PORT_DOWN;
    if (toggle & ~OFPUTIL_PC_PORT_DOWN) {
        connmgr_send_port_status(ofproto->connmgr, ofconn, &port->pp,
                                 OFPPR_MODIFY);
        ofproto_dpif_flows_changed(ofproto);
    }
    port_refresh(ofproto, port, ofconn);
    return 0;
}

/* ---- Connection state. ---- */

static enum ofperr
handle_role_request(struct ofconn *ofconn, const struct ofp_header *oh)
{
    struct ofputil_role_request request;
    enum ofperr error = ofputil_decode_role_message(oh, &request);

    if (error) {
        return error;
    }
    if (request.role != OFPCR12_ROLE_NOCHANGE) {
        error = ofconn_set_role(ofconn, request.role,
                                (request.have_generation_id
                                 ? &request.generation_id : NULL));
        if (error) {
            return error;
        }
    }

    struct ofputil_role_request reply;
    bool defined;
    memset(&reply, 0, sizeof reply);
    reply.role = ofconn_get_role(ofconn);
    reply.generation_id = connmgr_get_generation_id(
        ofconn_get_connmgr(ofconn), &defined);
    reply.have_generation_id = defined;
    ofconn_send_reply(ofconn, ofputil_encode_role_reply(oh, &reply));
    return 0;
}

static enum ofperr
handle_set_async_config(struct ofconn *ofconn, const struct ofp_header *oh)
{
    struct ofputil_async_cfg basis = ofconn_get_async_config(ofconn);
    struct ofputil_async_cfg cfg;
    enum ofperr error;

    error = ofputil_decode_set_async_config(oh, false, &basis, &cfg);
    if (!error) {
        ofconn_set_async_config(ofconn, &cfg);
    }
    return error;
}

static enum ofperr
handle_get_async_request(struct ofconn *ofconn, const struct ofp_header *oh)
{
    struct ofputil_async_cfg cfg = ofconn_get_async_config(ofconn);

    ofconn_send_reply(ofconn, ofputil_encode_get_async_reply(oh, &cfg));
    return 0;
}

static enum ofperr
handle_set_packet_in_format(struct ofconn *ofconn,
                            const struct ofp_header *oh)
{
    enum ofputil_packet_in_format format;
    enum ofperr error = ofputil_decode_set_packet_in_format(oh, &format);

    if (error) {
        return error;
    }
    if (format != OFPUTIL_PACKET_IN_STD && format != OFPUTIL_PACKET_IN_NXT) {
        return OFPERR_OFPBRC_EPERM;
    }
    ofconn_set_packet_in_format(ofconn, format);
    return 0;
}

static enum ofperr
handle_set_flow_format(struct ofconn *ofconn, const struct ofp_header *oh)
{
    enum ofputil_protocol base = ofputil_decode_nx_set_flow_format(oh);
    enum ofputil_protocol cur = ofconn_get_protocol(ofconn);

    if (!base || !(cur & OFPUTIL_P_OF10_ANY)) {
        return OFPERR_OFPBRC_EPERM;
    }
    ofconn_set_protocol(ofconn, ofputil_protocol_set_base(cur, base));
    return 0;
}

static enum ofperr
handle_flow_mod_table_id(struct ofconn *ofconn, const struct ofp_header *oh)
{
    enum ofputil_protocol cur = ofconn_get_protocol(ofconn);
    bool enable = ofputil_decode_nx_flow_mod_table_id(oh);

    if (cur & OFPUTIL_P_OF10_ANY) {
        ofconn_set_protocol(ofconn, ofputil_protocol_set_tid(cur, enable));
    }
    return 0;
}

/* ---- Packets. ---- */

static enum ofperr
handle_packet_out(struct ofproto *ofproto, struct ofconn *ofconn,
                  const struct ofp_header *oh)
{
    struct ofputil_packet_out po;
    struct ofpbuf ofpacts;
    enum ofperr error;

    if (ofconn_get_role(ofconn) == OFPCR12_ROLE_SLAVE) {
        return OFPERR_OFPBRC_IS_SLAVE;
    }

    ofpbuf_init(&ofpacts, 64);
    error = ofputil_decode_packet_out(&po, oh, &ofpacts);
    if (error) {
        goto exit;
    }
    if (po.buffer_id != UINT32_MAX) {
        error = OFPERR_OFPBRC_BUFFER_UNKNOWN;
        goto exit;
    }

    ofp_port_t in_port = po.flow_metadata.flow.in_port.ofp_port;
    if (ofp_to_u16(in_port) >= ofp_to_u16(ofproto->max_ports)
        && ofp_to_u16(in_port) < ofp_to_u16(OFPP_MAX)) {
        error = OFPERR_OFPBRC_BAD_PORT;
        goto exit;
    }

    struct dp_packet *packet = dp_packet_clone_data(po.packet,
                                                    po.packet_len);
    struct flow flow;
    flow_extract(packet, &flow);
    flow.in_port.ofp_port = in_port;

    struct match match;
    enum ofputil_protocol usable = OFPUTIL_P_ANY;
    match_init_exact(&match, &flow);
    error = ofpacts_check(po.ofpacts, po.ofpacts_len, &match,
                          ofproto->max_ports, 0, OFPROTO_N_TABLES, &usable);
    if (!error) {
        error = check_no_groups(po.ofpacts, po.ofpacts_len);
    }
    if (!error) {
        error = ofproto_dpif_packet_out(ofproto, packet, &flow, po.ofpacts,
                                        po.ofpacts_len);
    }
    dp_packet_delete(packet);

exit:
    ofpbuf_uninit(&ofpacts);
    return error;
}

/* Checks 'ofpacts' as a flow-mod's would be, against a packet whose flow
 * is 'flow'. */
static enum ofperr
check_frozen_actions(struct ofproto *ofproto, const struct flow *flow,
                     struct ofpact *ofpacts, size_t ofpacts_len)
{
    enum ofputil_protocol usable = OFPUTIL_P_ANY;
    struct match match;

    if (!ofpacts_len) {
        return 0;
    }
    match_init_exact(&match, flow);
    enum ofperr error = ofpacts_check(ofpacts, ofpacts_len, &match,
                                      ofproto->max_ports, 0,
                                      OFPROTO_N_TABLES, &usable);
    return error ? error : check_no_groups(ofpacts, ofpacts_len);
}

/* NXT_RESUME.  The errors, in the order they are checked:
 *
 *   - OFPBRC_IS_SECONDARY: a controller in the slave role may not resume.
 *   - whatever ofputil_decode_closure_private() reports for a malformed
 *     message (bad lengths, unknown or duplicated private properties,
 *     undecodable actions).
 *   - NXR_STALE: the closure names a bridge that no longer exists (it was
 *     deleted, or deleted and recreated, which gives it a new uuid).
 *   - NXR_WRONG_BRIDGE: the closure belongs to another bridge that does
 *     exist; it must be resumed through that bridge's connection.
 *   - any ofpacts_check() error for the frozen actions or action set.
 *   - what ofproto_dpif_resume() returns, e.g. NXR_NOT_SUPPORTED.
 *
 * Closures carry all their state, so resuming the same closure twice runs
 * the rest of its pipeline twice; the switch keeps nothing in between. */
static enum ofperr
handle_nxt_resume(struct ofproto *ofproto, struct ofconn *ofconn,
                  const struct ofp_header *oh)
{
    struct ofputil_closure_private closure;
    enum ofperr error;

    if (ofconn_get_role(ofconn) == OFPCR12_ROLE_SLAVE) {
        connmgr_count_resume(ofconn, false, CLOSURE_REJ_SLAVE);
        return OFPERR_OFPBRC_IS_SLAVE;
    }

    error = ofputil_decode_closure_private(oh, false, &closure);
    if (error) {
        connmgr_count_resume(ofconn, false, CLOSURE_REJ_MALFORMED);
        return error;
    }

    if (!uuid_equals(&closure.bridge, &ofproto->uuid)) {
        bool exists = ofproto_lookup_by_uuid(&closure.bridge) != NULL;
        connmgr_count_resume(ofconn, false, (exists
                                             ? CLOSURE_REJ_WRONG_BRIDGE
                                             : CLOSURE_REJ_STALE));
        error = exists ? OFPERR_NXR_WRONG_BRIDGE : OFPERR_NXR_STALE;
        goto exit;
    }

    struct flow flow;
    if (closure.public.packet_len) {
        struct dp_packet *packet = dp_packet_clone_data(
            closure.public.packet, closure.public.packet_len);
        flow_extract(packet, &flow);
        dp_packet_delete(packet);
    } else {
        memset(&flow, 0, sizeof flow);
    }
    flow.in_port = closure.public.metadata.flow.in_port;

    error = check_frozen_actions(ofproto, &flow, closure.actions,
                                 closure.actions_len);
    if (!error) {
        error = check_frozen_actions(ofproto, &flow, closure.action_set,
                                     closure.action_set_len);
    }
    if (error) {
        connmgr_count_resume(ofconn, false, CLOSURE_REJ_BAD_ACTIONS);
        goto exit;
    }

    error = ofproto_dpif_resume(ofproto, &closure);
    connmgr_count_resume(ofconn, !error, CLOSURE_REJ_DATAPATH);

exit:
    ofputil_closure_private_destroy(&closure);
    return error;
}

/* ---- Dispatch. ---- */

static enum ofperr
handle_openflow__(struct ofproto *ofproto, struct ofconn *ofconn,
                  const struct ofp_header *oh)
{
    enum ofptype type;
    enum ofperr error = ofptype_decode(&type, oh);

    if (error) {
        return error;
    }

    switch (type) {
    case OFPTYPE_HELLO:
    case OFPTYPE_ECHO_REPLY:
    case OFPTYPE_FLOW_AGE:
        return 0;
    case OFPTYPE_ECHO_REQUEST:
        return handle_echo_request(ofconn, oh);
    case OFPTYPE_FEATURES_REQUEST:
        return handle_features_request(ofproto, ofconn, oh);
    case OFPTYPE_GET_CONFIG_REQUEST:
        return handle_get_config_request(ofproto, ofconn, oh);
    case OFPTYPE_SET_CONFIG:
        return handle_set_config(ofproto, ofconn, oh);
    case OFPTYPE_PACKET_OUT:
        return handle_packet_out(ofproto, ofconn, oh);
    case OFPTYPE_FLOW_MOD:
        return handle_flow_mod(ofproto, ofconn, oh);
    case OFPTYPE_PORT_MOD:
        return handle_port_mod(ofproto, ofconn, oh);
    case OFPTYPE_BARRIER_REQUEST:
        return handle_barrier_request(ofconn, oh);
    case OFPTYPE_ROLE_REQUEST:
        return handle_role_request(ofconn, oh);
    case OFPTYPE_GET_ASYNC_REQUEST:
        return handle_get_async_request(ofconn, oh);
    case OFPTYPE_SET_ASYNC_CONFIG:
        return handle_set_async_config(ofconn, oh);
    case OFPTYPE_SET_FLOW_FORMAT:
        return handle_set_flow_format(ofconn, oh);
    case OFPTYPE_FLOW_MOD_TABLE_ID:
        return handle_flow_mod_table_id(ofconn, oh);
    case OFPTYPE_SET_PACKET_IN_FORMAT:
        return handle_set_packet_in_format(ofconn, oh);
    case OFPTYPE_SET_CONTROLLER_ID:
        ofconn_set_controller_id(ofconn,
                                 ofputil_decode_set_controller_id(oh));
        return 0;
    case OFPTYPE_NXT_RESUME:
        return handle_nxt_resume(ofproto, ofconn, oh);
    case OFPTYPE_DESC_STATS_REQUEST:
        return handle_desc_stats_request(ofproto, ofconn, oh);
    case OFPTYPE_FLOW_STATS_REQUEST:
    case OFPTYPE_AGGREGATE_STATS_REQUEST:
        return handle_flow_stats_request(ofproto, ofconn, oh);
    case OFPTYPE_TABLE_STATS_REQUEST:
        return handle_table_stats_request(ofproto, ofconn, oh);
    case OFPTYPE_PORT_STATS_REQUEST:
        return handle_port_stats_request(ofproto, ofconn, oh);
    case OFPTYPE_PORT_DESC_STATS_REQUEST:
        return handle_port_desc_stats_request(ofproto, ofconn, oh);
    case OFPTYPE_TABLE_FEATURES_STATS_REQUEST:
        return handle_table_features_request(ofproto, ofconn, oh);

    default:
        /* Replies, asynchronous messages and anything we do not
         * implement. */
        if (ofpmsg_is_stat_request(oh)) {
            return OFPERR_OFPBRC_BAD_STAT;
        }
        return OFPERR_OFPBRC_BAD_TYPE;
    }
}

static void
handle_openflow(struct ofconn *ofconn, const struct ofp_header *oh,
                void *ofproto_)
{
    struct ofproto *ofproto = ofproto_;
    enum ofperr error = handle_openflow__(ofproto, ofconn, oh);

    if (error) {
        ofconn_send_error(ofconn, oh, error);
    }
}
