/* bridge.c: from the configuration database to running switches.
 *
 * The configuration of ovs-vswitchd lives in the Open_vSwitch database: the
 * root row lists Bridge rows, a Bridge lists Port rows, a Port lists
 * Interface rows, and a Bridge also points to its Controller and Mirror
 * rows.  For every Bridge row this file keeps one switch (an ofproto) and
 * for every Interface row one OpenFlow port on it, and it keeps them in
 * step with the database as the database changes.
 *
 * Reconfiguring is a diff, never a rebuild.  Whenever the local replica
 * changes, bridge_reconfigure() compares the rows with what it built the
 * last time and touches only what differs: a bridge that did not change
 * keeps its flows and connections, a port that did not change keeps its
 * number.  Removals all happen before additions, so a name or a port
 * number can move from one place to another in a single transaction.
 * A Bridge row that was deleted and created again (a new UUID) is a new
 * switch, so no closure taken on the old one can be resumed on it.
 *
 * A row is a request; what became of it is written back: the OpenFlow
 * port number of each interface (or -1 and a readable message in
 * Interface.error when it could not be created), the datapath id, link and
 * administrative state, counters, the state of each controller connection.
 * Then Open_vSwitch.cur_cfg is set to the next_cfg value that was applied:
 * that is what "ovs-vsctl" waits for before it returns.
 *
 * Rows are valid only until the next ovsdb_idl_run(), so nothing here keeps
 * a pointer to a row: bridges, interfaces and mirrors remember names and
 * UUIDs, and status is written by walking the rows afresh. */

#include <config.h>
#include "bridge.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netdev.h"
#include "ofproto/ofproto.h"
#include "ofp-protocol.h"
#include "openflow/openflow-1.0.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "hash.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "timeval.h"
#include "uuid.h"
#include "vswitch-idl.h"

VLOG_DEFINE_THIS_MODULE(bridge);

/* How often counters and connection status go to the database. */
#define STATUS_INTERVAL_MS 5000

/* After a failed status transaction, wait this long before the next. */
#define RETRY_HOLDOFF_MS 200

/* MAC learning defaults, as Bridge.other_config documents them. */
#define DEFAULT_MAC_AGING_TIME 300
#define DEFAULT_MAC_TABLE_SIZE 2048

/* One Interface row, as built on its bridge. */
struct iface {
    struct hmap_node node;      /* In struct bridge's 'ifaces', by name. */
    struct bridge *br;
    char *name;
    char *type;                 /* Interface.type; "" is kept as "system". */
    int64_t ofport_request;     /* Interface.ofport_request, or -1. */
    struct smap options;        /* Interface.options as last applied. */

    /* Result: either 'netdev' (our reference) and 'ofp_port', or 'error'. */
    struct netdev *netdev;
    ofp_port_t ofp_port;
    char *error;

    uint64_t change_seq;        /* netdev change number last reported. */
};

/* One Mirror row registered with a bridge's ofproto; the struct's address
 * is the 'aux' that identifies it to ofproto. */
struct mirror {
    struct hmap_node node;      /* In struct bridge's 'mirrors', by UUID. */
    struct uuid uuid;
    char *settings;             /* Description of what was registered, or
                                 * NULL if nothing is. */
};

/* One Bridge row. */
struct bridge {
    char *name;                 /* Key in 'all_bridges'. */
    struct uuid uuid;           /* The Bridge row: this incarnation. */
    char *type;                 /* Datapath type ("netdev", "dummy"). */
    struct ofproto *ofproto;
    struct hmap ifaces;         /* struct iface. */
    struct hmap mirrors;        /* struct mirror. */

    /* Settings last given to 'ofproto', so that only changes are passed
     * on. */
    uint64_t dpid;              /* 0: not set yet. */
    int fail_mode;              /* enum ofproto_fail_mode, or -1. */
    unsigned int mac_idle;
    size_t mac_max;
    uint32_t mgmt_versions;     /* OpenFlow versions on BRIDGE.mgmt. */
    bool mgmt_versions_set;
    char *controllers;          /* Description of the controllers set. */
    size_t n_controllers;
    char *conn_summary;         /* Last controller connectivity seen. */
};

static struct shash all_bridges = SHASH_INITIALIZER(&all_bridges);

static struct ovsdb_idl *idl;
static struct ovsdb_idl_loop idl_loop;
static unsigned int idl_seqno;

static bool dummy_override;
static bool configured;             /* Applied the database at least once. */
static bool reported;               /* ...and the database has heard so. */

/* What the database has not heard yet. */
static bool status_unreported;      /* Ports, ids, counters, connections. */
static bool cfg_unreported;         /* cur_cfg = 'applied_cfg'. */
static bool cfg_in_flight;          /* Sent, outcome unknown. */
static int64_t applied_cfg;
static long long int next_status_ms;
static long long int holdoff_until_ms;

static void bridge_reconfigure(const struct ovsrec_open_vswitch *);
static void bridge_write_status(const struct ovsrec_open_vswitch *);

/* ------------------------------------------------------------------ */
/* Lookups and small helpers. */

static struct bridge *
bridge_lookup(const char *name)
{
    return shash_find_data(&all_bridges, name);
}

static struct iface *
iface_lookup(const struct bridge *br, const char *name)
{
    struct iface *iface;

    HMAP_FOR_EACH_WITH_HASH (iface, node, hash_string(name, 0),
                             &br->ifaces) {
        if (!strcmp(iface->name, name)) {
            return iface;
        }
    }
    return NULL;
}

static struct mirror *
mirror_lookup(const struct bridge *br, const struct uuid *uuid)
{
    struct mirror *m;

    HMAP_FOR_EACH_WITH_HASH (m, node, uuid_hash(uuid), &br->mirrors) {
        if (uuid_equals(&m->uuid, uuid)) {
            return m;
        }
    }
    return NULL;
}

/* The datapath type a Bridge row asks for: "netdev" unless it says
 * otherwise. */
static const char *
bridge_row_type(const struct ovsrec_bridge *row)
{
    return row->datapath_type && row->datapath_type[0]
           ? row->datapath_type : "netdev";
}

/* The device type an Interface row asks for, with "" spelled "system" and,
 * under --enable-dummy=override, system devices replaced by dummies. */
static const char *
iface_row_type(const struct ovsrec_interface *row)
{
    const char *type = row->type && row->type[0] ? row->type : "system";
    if (dummy_override && !strcmp(type, "system")) {
        type = "dummy";
    }
    return type;
}

static int64_t
iface_row_ofport_request(const struct ovsrec_interface *row)
{
    return row->n_ofport_request ? row->ofport_request[0] : -1;
}

/* Fills 'ifaces' (name -> const struct ovsrec_interface *) with every
 * Interface of every Port of 'row'.  A name listed twice counts once. */
static void
bridge_row_ifaces(const struct ovsrec_bridge *row, struct shash *ifaces)
{
    for (size_t i = 0; i < row->n_ports; i++) {
        const struct ovsrec_port *port = row->ports[i];
        for (size_t j = 0; j < port->n_interfaces; j++) {
            const struct ovsrec_interface *ic = port->interfaces[j];
            if (!shash_add_once(ifaces, ic->name, ic)) {
                VLOG_WARN("bridge %s: interface %s listed more than once",
                          row->name, ic->name);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Interfaces. */

/* Opens 'iface''s device, configures it and adds it to the bridge's
 * ofproto.  Returns NULL on success, otherwise the message for
 * Interface.error (malloc()'d, owned by the caller). */
static char *
iface_open(struct iface *iface, const struct ovsrec_interface *row)
{
    struct bridge *br = iface->br;
    const char *name = iface->name;

    if (!strcmp(iface->type, "patch") && !smap_get(&row->options, "peer")) {
        return xasprintf("%s: patch type requires valid 'peer' argument",
                         name);
    }

    const char *netdev_type = ofproto_port_open_type(br->type, iface->type);
    struct netdev *netdev = NULL;
    int error = (netdev_type_is_known(netdev_type)
                 ? netdev_open(name, netdev_type, &netdev)
                 : EAFNOSUPPORT);
    if (error) {
        return xasprintf("could not open network device %s (%s)",
                         name, ovs_strerror(error));
    }

    char *msg = NULL;
    error = netdev_set_config(netdev, &row->options, &msg);
    if (error) {
        netdev_close(netdev);
        return msg ? msg : xasprintf("%s: could not set configuration (%s)",
                                     name, ovs_strerror(error));
    }

    struct eth_addr mac;
    if (row->mac && !strcmp(iface->type, "internal")
        && eth_addr_from_string(row->mac, &mac)) {
        netdev_set_etheraddr(netdev, mac);
    }

    ofp_port_t ofp_port = OFPP_NONE;
    if (!strcmp(iface->type, "internal") && !strcmp(name, br->name)) {
        ofp_port = OFPP_LOCAL;
    } else if (iface->ofport_request >= 1
               && iface->ofport_request < ofp_to_u16(OFPP_MAX)) {
        ofp_port = u16_to_ofp(iface->ofport_request);
    }
    error = ofproto_port_add(br->ofproto, netdev, &ofp_port);
    if (error) {
        netdev_close(netdev);
        return xasprintf("could not add network device %s to ofproto (%s)",
                         name, ovs_strerror(error));
    }

    iface->netdev = netdev;
    iface->ofp_port = ofp_port;
    iface->change_seq = netdev_get_change_seq(netdev);
    VLOG_INFO("bridge %s: added interface %s on port %d",
              br->name, name, ofp_to_u16(ofp_port));
    return NULL;
}

/* Creates the interface for 'row' on 'br'.  A device that cannot be created
 * still gets a struct iface, which holds the error for the database. */
static void
iface_create(struct bridge *br, const struct ovsrec_interface *row)
{
    struct iface *iface = xzalloc(sizeof *iface);

    iface->br = br;
    iface->name = xstrdup(row->name);
    iface->type = xstrdup(iface_row_type(row));
    iface->ofport_request = iface_row_ofport_request(row);
    smap_clone(&iface->options, &row->options);
    iface->ofp_port = OFPP_NONE;
    hmap_insert(&br->ifaces, &iface->node, hash_string(iface->name, 0));

    iface->error = iface_open(iface, row);
    if (iface->error) {
        VLOG_WARN("bridge %s: %s", br->name, iface->error);
    }
}

/* Takes 'iface' out of its ofproto and closes its device, keeping the
 * struct (for an error) or not. */
static void
iface_close(struct iface *iface)
{
    if (iface->netdev) {
        if (iface->ofp_port != OFPP_NONE) {
            ofproto_port_del(iface->br->ofproto, iface->ofp_port);
            VLOG_INFO("bridge %s: deleted interface %s on port %d",
                      iface->br->name, iface->name,
                      ofp_to_u16(iface->ofp_port));
        }
        netdev_close(iface->netdev);
        iface->netdev = NULL;
        iface->ofp_port = OFPP_NONE;
    }
}

static void
iface_destroy(struct iface *iface)
{
    iface_close(iface);
    hmap_remove(&iface->br->ifaces, &iface->node);
    smap_destroy(&iface->options);
    free(iface->name);
    free(iface->type);
    free(iface->error);
    free(iface);
}

/* Whether 'iface' must be taken down and built again to match 'row'. */
static bool
iface_needs_rebuild(const struct iface *iface,
                    const struct ovsrec_interface *row)
{
    return (!iface->netdev
            || strcmp(iface->type, iface_row_type(row))
            || iface->ofport_request != iface_row_ofport_request(row));
}

/* Applies changed Interface.options to a working interface.  If the device
 * refuses them, the port goes away and the error is kept. */
static void
iface_update_options(struct iface *iface, const struct ovsrec_interface *row)
{
    if (smap_equal(&iface->options, &row->options)) {
        return;
    }
    smap_destroy(&iface->options);
    smap_clone(&iface->options, &row->options);

    char *msg = NULL;
    int error;
    if (!strcmp(iface->type, "patch") && !smap_get(&row->options, "peer")) {
        error = EINVAL;
        msg = xasprintf("%s: patch type requires valid 'peer' argument",
                        iface->name);
    } else {
        error = netdev_set_config(iface->netdev, &row->options, &msg);
    }
    if (error) {
        if (!msg) {
            msg = xasprintf("%s: could not set configuration (%s)",
                            iface->name, ovs_strerror(error));
        }
        VLOG_WARN("bridge %s: %s", iface->br->name, msg);
        iface_close(iface);
        iface->error = msg;
    }
}

/* ------------------------------------------------------------------ */
/* Bridges. */

static struct bridge *
bridge_create(const struct ovsrec_bridge *row)
{
    const char *type = bridge_row_type(row);
    struct ofproto *ofproto;
    int error = ofproto_create(row->name, type, &row->header_.uuid,
                               &ofproto);
    if (error) {
        VLOG_ERR("failed to create bridge %s: %s", row->name,
                 ovs_strerror(error));
        return NULL;
    }

    struct bridge *br = xzalloc(sizeof *br);
    br->name = xstrdup(row->name);
    br->uuid = row->header_.uuid;
    br->type = xstrdup(type);
    br->ofproto = ofproto;
    hmap_init(&br->ifaces);
    hmap_init(&br->mirrors);
    br->fail_mode = -1;
    shash_add(&all_bridges, br->name, br);
    VLOG_INFO("bridge %s: created (datapath type %s)", br->name, br->type);
    return br;
}

static void
mirror_destroy(struct bridge *br, struct mirror *m)
{
    if (m->settings) {
        ofproto_mirror_unregister(br->ofproto, m);
    }
    hmap_remove(&br->mirrors, &m->node);
    free(m->settings);
    free(m);
}

static void
bridge_destroy(struct bridge *br)
{
    struct mirror *m;
    HMAP_FOR_EACH_SAFE (m, node, &br->mirrors) {
        mirror_destroy(br, m);
    }
    struct iface *iface;
    HMAP_FOR_EACH_SAFE (iface, node, &br->ifaces) {
        iface_destroy(iface);
    }
    ofproto_destroy(br->ofproto);
    VLOG_INFO("bridge %s: deleted", br->name);

    shash_find_and_delete(&all_bridges, br->name);
    hmap_destroy(&br->ifaces);
    hmap_destroy(&br->mirrors);
    free(br->name);
    free(br->type);
    free(br->controllers);
    free(br->conn_summary);
    free(br);
}

/* Removes from 'br' the mirrors and interfaces that 'row' no longer has,
 * and the interfaces that must be built again. */
static void
bridge_remove_stale(struct bridge *br, const struct ovsrec_bridge *row)
{
    struct mirror *m;
    HMAP_FOR_EACH_SAFE (m, node, &br->mirrors) {
        bool wanted = false;
        for (size_t i = 0; i < row->n_mirrors; i++) {
            if (uuid_equals(&row->mirrors[i]->header_.uuid, &m->uuid)) {
                wanted = true;
                break;
            }
        }
        if (!wanted) {
            mirror_destroy(br, m);
        }
    }

    struct shash wanted = SHASH_INITIALIZER(&wanted);
    bridge_row_ifaces(row, &wanted);
    struct iface *iface;
    HMAP_FOR_EACH_SAFE (iface, node, &br->ifaces) {
        const struct ovsrec_interface *ic = shash_find_data(&wanted,
                                                            iface->name);
        if (!ic || iface_needs_rebuild(iface, ic)) {
            iface_destroy(iface);
        } else {
            iface_update_options(iface, ic);
        }
    }
    shash_destroy(&wanted);
}

/* Creates the interfaces of 'row' that 'br' does not have yet, in name
 * order (so that automatically numbered ports are numbered the same way
 * every time).  'owners' maps each interface name already in use to its
 * bridge: a name can be on one bridge only. */
static void
bridge_add_ifaces(struct bridge *br, const struct ovsrec_bridge *row,
                  struct shash *owners)
{
    struct shash wanted = SHASH_INITIALIZER(&wanted);
    bridge_row_ifaces(row, &wanted);

    const struct shash_node **sorted = shash_sort(&wanted);
    size_t n = shash_count(&wanted);
    for (size_t i = 0; i < n; i++) {
        const struct ovsrec_interface *ic = sorted[i]->data;
        const struct bridge *owner = shash_find_data(owners, ic->name);
        if (owner && owner != br) {
            VLOG_WARN("bridge %s: interface %s is already on bridge %s, "
                      "not adding it", br->name, ic->name, owner->name);
            continue;
        }
        if (!iface_lookup(br, ic->name)) {
            iface_create(br, ic);
            shash_add_once(owners, ic->name, br);
        }
    }
    free(sorted);
    shash_destroy(&wanted);
}

/* Parses a datapath id given as 16 hex digits (optionally after "0x"). */
static bool
parse_dpid(const char *s, uint64_t *dpid)
{
    if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2)) {
        s += 2;
    }
    if (strlen(s) != 16 || strspn(s, "0123456789abcdefABCDEF") != 16) {
        return false;
    }
    unsigned long long int value;
    if (!str_to_ullong(s, 16, &value) || !value) {
        return false;
    }
    *dpid = value;
    return true;
}

static uint64_t
eth_addr_to_dpid(struct eth_addr ea)
{
    uint64_t dpid = 0;
    for (int i = 0; i < ETH_ADDR_LEN; i++) {
        dpid = (dpid << 8) | ea.ea[i];
    }
    return dpid;
}

static struct iface *
bridge_local_iface(const struct bridge *br)
{
    struct iface *iface = iface_lookup(br, br->name);
    return iface && iface->netdev && iface->ofp_port == OFPP_LOCAL
           ? iface : NULL;
}

/* Gives the bridge its MAC address (other_config:hwaddr) and datapath id
 * (other_config:datapath-id, else derived from the MAC). */
static void
bridge_configure_dpid(struct bridge *br, const struct ovsrec_bridge *row)
{
    struct iface *local = bridge_local_iface(br);
    const char *hwaddr = smap_get(&row->other_config, "hwaddr");
    struct eth_addr ea = eth_addr_zero;

    if (hwaddr) {
        if (!eth_addr_from_string(hwaddr, &ea) || eth_addr_is_zero(ea)
            || eth_addr_is_multicast(ea)) {
            VLOG_WARN("bridge %s: ignoring invalid other_config:hwaddr %s",
                      br->name, hwaddr);
            ea = eth_addr_zero;
        } else if (local) {
            struct eth_addr cur;
            if (netdev_get_etheraddr(local->netdev, &cur)
                || !eth_addr_equals(cur, ea)) {
                netdev_set_etheraddr(local->netdev, ea);
            }
        }
    }
    if (eth_addr_is_zero(ea) && local) {
        netdev_get_etheraddr(local->netdev, &ea);
    }
    if (eth_addr_is_zero(ea)) {
        /* No address to go by: derive a stable, locally administered one
         * from the bridge row. */
        uint32_t h = uuid_hash(&br->uuid);
        ea.ea[0] = 0x02;
        ea.ea[1] = 0x00;
        for (int i = 0; i < 4; i++) {
            ea.ea[2 + i] = h >> (24 - 8 * i);
        }
    }

    uint64_t dpid = eth_addr_to_dpid(ea);
    const char *s = smap_get(&row->other_config, "datapath-id");
    if (s && !parse_dpid(s, &dpid)) {
        VLOG_WARN("bridge %s: ignoring invalid other_config:datapath-id %s "
                  "(expected 16 hex digits)", br->name, s);
    }
    if (dpid != br->dpid) {
        br->dpid = dpid;
        ofproto_set_datapath_id(br->ofproto, dpid);
        VLOG_INFO("bridge %s: using datapath ID %016"PRIx64, br->name, dpid);
    }
}

static void
bridge_configure_fail_mode(struct bridge *br, const struct ovsrec_bridge *row)
{
    int mode = (row->fail_mode && !strcmp(row->fail_mode, "secure")
                ? OFPROTO_FAIL_SECURE : OFPROTO_FAIL_STANDALONE);
    if (mode != br->fail_mode) {
        br->fail_mode = mode;
        ofproto_set_fail_mode(br->ofproto, mode);
    }
}

static void
bridge_configure_mac_table(struct bridge *br, const struct ovsrec_bridge *row)
{
    int idle = smap_get_int(&row->other_config, "mac-aging-time",
                            DEFAULT_MAC_AGING_TIME);
    int max = smap_get_int(&row->other_config, "mac-table-size",
                           DEFAULT_MAC_TABLE_SIZE);
    if (idle <= 0) {
        idle = DEFAULT_MAC_AGING_TIME;
    }
    if (max <= 0) {
        max = DEFAULT_MAC_TABLE_SIZE;
    }
    if (idle != br->mac_idle || max != br->mac_max) {
        br->mac_idle = idle;
        br->mac_max = max;
        ofproto_set_mac_table_config(br->ofproto, idle, max);
    }
}

static int
compare_controller_rows(const void *a_, const void *b_)
{
    const struct ovsrec_controller *const *a = a_;
    const struct ovsrec_controller *const *b = b_;
    return strcmp((*a)->target, (*b)->target);
}

/* Milliseconds in the database, seconds for ofproto. */
static int
ms_column_to_s(const int64_t *value, size_t n, int def)
{
    if (!n) {
        return def;
    }
    return value[0] <= 0 ? 0 : MAX(1, value[0] / 1000);
}

static int
int_column(const int64_t *value, size_t n)
{
    return n && value[0] > 0 ? MIN(value[0], INT32_MAX) : 0;
}

/* Passes the Controller rows and Bridge.protocols (which apply to the
 * controllers and to the management socket alike) to ofproto, if they
 * changed. */
static void
bridge_configure_controllers(struct bridge *br,
                             const struct ovsrec_bridge *row)
{
    uint32_t versions = 0;
    if (row->n_protocols) {
        versions = ofputil_versions_from_strings(row->protocols,
                                                 row->n_protocols);
        if (!versions) {
            VLOG_WARN("bridge %s: ignoring unknown protocols", br->name);
        }
    }

    if (!br->mgmt_versions_set || versions != br->mgmt_versions) {
        br->mgmt_versions = versions;
        br->mgmt_versions_set = true;
        ofproto_set_mgmt_versions(br->ofproto, versions);
    }

    size_t n = row->n_controller;
    const struct ovsrec_controller **rows = xmemdup(
        row->controller, n * sizeof *rows);
    qsort(rows, n, sizeof *rows, compare_controller_rows);

    struct ofproto_controller *cs = xcalloc(n ? n : 1, sizeof *cs);
    struct ds desc = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < n; i++) {
        const struct ovsrec_controller *c = rows[i];
        struct ofproto_controller *oc = &cs[i];

        oc->target = c->target;
        oc->max_backoff = ms_column_to_s(c->max_backoff, c->n_max_backoff,
                                         8);
        oc->probe_interval = ms_column_to_s(c->inactivity_probe,
                                            c->n_inactivity_probe, 5);
        oc->rate_limit = int_column(c->controller_rate_limit,
                                    c->n_controller_rate_limit);
        oc->burst_limit = int_column(c->controller_burst_limit,
                                     c->n_controller_burst_limit);
        oc->allowed_versions = versions;
        ds_put_format(&desc, "%s backoff=%d probe=%d rate=%d burst=%d "
                      "versions=%#"PRIx32"\n", oc->target, oc->max_backoff,
                      oc->probe_interval, oc->rate_limit, oc->burst_limit,
                      versions);
    }
    if (!br->controllers || strcmp(br->controllers, ds_cstr(&desc))) {
        ofproto_set_controllers(br->ofproto, cs, n);
        free(br->controllers);
        br->controllers = ds_steal_cstr(&desc);
        br->n_controllers = n;
    }
    ds_destroy(&desc);
    free(cs);
    free(rows);
}

/* Appends to 'ports' the OpenFlow numbers of the working interfaces of
 * Port row 'port' on 'br'. */
static void
mirror_add_port(const struct bridge *br, const struct ovsrec_port *port,
                ofp_port_t **ports, size_t *n, size_t *allocated)
{
    for (size_t i = 0; i < port->n_interfaces; i++) {
        const struct iface *iface = iface_lookup(br,
                                                 port->interfaces[i]->name);
        if (iface && iface->netdev) {
            if (*n >= *allocated) {
                *ports = x2nrealloc(*ports, allocated, sizeof **ports);
            }
            (*ports)[(*n)++] = iface->ofp_port;
        }
    }
}

static void
format_port_list(struct ds *s, const char *title, const ofp_port_t *ports,
                 size_t n)
{
    ds_put_format(s, " %s=", title);
    for (size_t i = 0; i < n; i++) {
        ds_put_format(s, "%s%d", i ? "," : "", ofp_to_u16(ports[i]));
    }
}

/* Registers the Mirror rows of 'row' whose settings changed. */
static void
bridge_configure_mirrors(struct bridge *br, const struct ovsrec_bridge *row)
{
    for (size_t i = 0; i < row->n_mirrors; i++) {
        const struct ovsrec_mirror *mc = row->mirrors[i];
        struct mirror *m = mirror_lookup(br, &mc->header_.uuid);
        if (!m) {
            m = xzalloc(sizeof *m);
            m->uuid = mc->header_.uuid;
            hmap_insert(&br->mirrors, &m->node, uuid_hash(&m->uuid));
        }

        struct ofproto_mirror_settings s = {
            .name = mc->name,
            .select_all = mc->select_all,
            .out_port = OFPP_NONE,
            .out_vlan = -1,
        };
        uint16_t *vlans = xmalloc((mc->n_select_vlan + 1) * sizeof *vlans);
        for (size_t j = 0; j < mc->n_select_vlan; j++) {
            vlans[j] = mc->select_vlan[j];
        }
        s.vlans = vlans;
        s.n_vlans = mc->n_select_vlan;
        size_t n_src_alloc = 0, n_dst_alloc = 0;
        for (size_t j = 0; j < mc->n_select_src_port; j++) {
            mirror_add_port(br, mc->select_src_port[j], &s.srcs, &s.n_srcs,
                            &n_src_alloc);
        }
        for (size_t j = 0; j < mc->n_select_dst_port; j++) {
            mirror_add_port(br, mc->select_dst_port[j], &s.dsts, &s.n_dsts,
                            &n_dst_alloc);
        }
        if (mc->output_port) {
            ofp_port_t *out = NULL;
            size_t n_out = 0, n_out_alloc = 0;
            mirror_add_port(br, mc->output_port, &out, &n_out,
                            &n_out_alloc);
            if (n_out) {
                s.out_port = out[0];
            }
            free(out);
        }
        if (mc->n_output_vlan) {
            if (mc->output_port) {
                VLOG_WARN("bridge %s: mirror %s has both an output port "
                          "and an output VLAN, ignoring the VLAN",
                          br->name, mc->name);
            } else {
                s.out_vlan = *mc->output_vlan;
            }
        }

        struct ds desc = DS_EMPTY_INITIALIZER;
        ds_put_format(&desc, "%s all=%d", mc->name, s.select_all);
        format_port_list(&desc, "src", s.srcs, s.n_srcs);
        format_port_list(&desc, "dst", s.dsts, s.n_dsts);
        ds_put_format(&desc, " out=%d vlans=", ofp_to_u16(s.out_port));
        for (size_t j = 0; j < s.n_vlans; j++) {
            ds_put_format(&desc, "%s%d", j ? "," : "", s.vlans[j]);
        }
        ds_put_format(&desc, " out_vlan=%d", s.out_vlan);

        if (s.out_port == OFPP_NONE && s.out_vlan < 0) {
            if (m->settings) {
                ofproto_mirror_unregister(br->ofproto, m);
                free(m->settings);
                m->settings = NULL;
            }
            VLOG_WARN("bridge %s: mirror %s has no usable output port, "
                      "not mirroring", br->name, mc->name);
        } else if (!m->settings || strcmp(m->settings, ds_cstr(&desc))) {
            int error = ofproto_mirror_register(br->ofproto, m, &s);
            free(m->settings);
            m->settings = NULL;
            if (error) {
                VLOG_WARN("bridge %s: mirror %s: %s", br->name, mc->name,
                          ovs_strerror(error));
            } else {
                m->settings = ds_steal_cstr(&desc);
            }
        }
        ds_destroy(&desc);
        free(s.srcs);
        free(s.dsts);
        free(vlans);
    }
}

static void
bridge_configure(struct bridge *br, const struct ovsrec_bridge *row)
{
    bridge_configure_dpid(br, row);
    bridge_configure_fail_mode(br, row);
    bridge_configure_mac_table(br, row);
    bridge_configure_controllers(br, row);
    bridge_configure_mirrors(br, row);
}

/* Makes the bridges match 'cfg' (NULL: no bridges at all). */
static void
bridge_reconfigure(const struct ovsrec_open_vswitch *cfg)
{
    struct shash rows = SHASH_INITIALIZER(&rows);
    for (size_t i = 0; cfg && i < cfg->n_bridges; i++) {
        const struct ovsrec_bridge *row = cfg->bridges[i];
        if (!shash_add_once(&rows, row->name, row)) {
            VLOG_WARN("more than one bridge named %s", row->name);
        }
    }

    /* Everything that goes away, first. */
    struct shash_node *bnode;
    SHASH_FOR_EACH_SAFE (bnode, &all_bridges) {
        struct bridge *br = bnode->data;
        const struct ovsrec_bridge *row = shash_find_data(&rows, br->name);
        if (!row || !uuid_equals(&row->header_.uuid, &br->uuid)
            || strcmp(bridge_row_type(row), br->type)) {
            bridge_destroy(br);
        } else {
            bridge_remove_stale(br, row);
        }
    }

    /* Which bridge holds each interface name now. */
    struct shash owners = SHASH_INITIALIZER(&owners);
    SHASH_FOR_EACH (bnode, &all_bridges) {
        struct bridge *br = bnode->data;
        struct iface *iface;
        HMAP_FOR_EACH (iface, node, &br->ifaces) {
            shash_add_once(&owners, iface->name, br);
        }
    }

    /* Then what is new, and the settings of each bridge. */
    const struct shash_node **sorted = shash_sort(&rows);
    size_t n = shash_count(&rows);
    for (size_t i = 0; i < n; i++) {
        const struct ovsrec_bridge *row = sorted[i]->data;
        struct bridge *br = bridge_lookup(row->name);
        if (!br) {
            br = bridge_create(row);
        }
        if (br) {
            bridge_add_ifaces(br, row, &owners);
            bridge_configure(br, row);
        }
    }
    free(sorted);
    shash_destroy(&owners);
    shash_destroy(&rows);
}

/* ------------------------------------------------------------------ */
/* Status written back to the database. */

static void
iface_write_status(const struct iface *iface,
                   const struct ovsrec_interface *row)
{
    if (!iface->netdev) {
        int64_t none = -1;
        ovsrec_interface_set_ofport(row, &none, 1);
        ovsrec_interface_set_error(row, iface->error);
        ovsrec_interface_set_admin_state(row, NULL);
        ovsrec_interface_set_link_state(row, NULL);
        ovsrec_interface_set_mac_in_use(row, NULL);
        ovsrec_interface_set_mtu(row, NULL, 0);
        ovsrec_interface_set_ifindex(row, NULL, 0);
        return;
    }

    int64_t ofport = ofp_to_u16(iface->ofp_port);
    ovsrec_interface_set_ofport(row, &ofport, 1);
    ovsrec_interface_set_error(row, NULL);

    enum netdev_flags flags;
    if (!netdev_get_flags(iface->netdev, &flags)) {
        ovsrec_interface_set_admin_state(row,
                                         flags & NETDEV_UP ? "up" : "down");
    } else {
        ovsrec_interface_set_admin_state(row, NULL);
    }
    ovsrec_interface_set_link_state(row, netdev_get_carrier(iface->netdev)
                                         ? "up" : "down");

    struct eth_addr ea;
    if (!netdev_get_etheraddr(iface->netdev, &ea)) {
        char mac[18];
        snprintf(mac, sizeof mac, ETH_ADDR_FMT, ETH_ADDR_ARGS(ea));
        ovsrec_interface_set_mac_in_use(row, mac);
    } else {
        ovsrec_interface_set_mac_in_use(row, NULL);
    }

    int mtu;
    if (!netdev_get_mtu(iface->netdev, &mtu)) {
        int64_t mtu64 = mtu;
        ovsrec_interface_set_mtu(row, &mtu64, 1);
    } else {
        ovsrec_interface_set_mtu(row, NULL, 0);
    }

    int ifindex = netdev_get_ifindex(iface->netdev);
    int64_t ifindex64 = ifindex > 0 ? ifindex : 0;
    ovsrec_interface_set_ifindex(row, &ifindex64, 1);

    struct netdev_stats st;
    if (!netdev_get_stats(iface->netdev, &st)) {
        /* In key order, as the database stores maps. */
        static const char *keys[] = {
            "rx_bytes", "rx_dropped", "rx_errors", "rx_packets",
            "tx_bytes", "tx_dropped", "tx_errors", "tx_packets",
        };
        uint64_t all[] = {
            st.rx_bytes, st.rx_dropped, st.rx_errors, st.rx_packets,
            st.tx_bytes, st.tx_dropped, st.tx_errors, st.tx_packets,
        };
        const char *present_keys[ARRAY_SIZE(keys)];
        int64_t values[ARRAY_SIZE(keys)];
        size_t n = 0;

        /* A counter the device does not keep (all-ones) is left out, as
         * Open vSwitch does. */
        for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
            if (all[i] != UINT64_MAX) {
                present_keys[n] = keys[i];
                values[n++] = all[i];
            }
        }
        ovsrec_interface_set_statistics(row, present_keys, values, n);
    }
}

static void
controller_write_status(const struct ovsrec_controller *row,
                        const struct shash *info)
{
    const struct ofproto_controller_info *ci = shash_find_data(info,
                                                               row->target);
    if (ci) {
        struct smap empty = SMAP_INITIALIZER(&empty);
        ovsrec_controller_set_is_connected(row, ci->is_connected);
        ovsrec_controller_set_role(row, ci->role);
        ovsrec_controller_set_status(row, ci->pairs ? ci->pairs : &empty);
    } else {
        ovsrec_controller_set_is_connected(row, false);
        ovsrec_controller_set_role(row, NULL);
        ovsrec_controller_set_status(row, NULL);
    }
}

/* The Mirror row's statistics: the copies the mirror sent, or nothing
 * for a mirror that is not in effect. */
static void
mirror_write_status(const struct bridge *br,
                    const struct ovsrec_mirror *row)
{
    static const char *keys[] = { "tx_bytes", "tx_packets" };
    struct mirror *m = mirror_lookup(br, &row->header_.uuid);
    uint64_t packets, bytes;

    if (m && m->settings
        && !ofproto_mirror_get_stats(br->ofproto, m, &packets, &bytes)) {
        int64_t values[] = { bytes, packets };
        ovsrec_mirror_set_statistics(row, keys, values, ARRAY_SIZE(keys));
    } else {
        ovsrec_mirror_set_statistics(row, NULL, NULL, 0);
    }
}

static void
bridge_row_write_status(const struct bridge *br,
                        const struct ovsrec_bridge *row)
{
    char dpid[17];
    snprintf(dpid, sizeof dpid, "%016"PRIx64, br->dpid);
    ovsrec_bridge_set_datapath_id(row, dpid);

    for (size_t i = 0; i < row->n_ports; i++) {
        const struct ovsrec_port *port = row->ports[i];
        for (size_t j = 0; j < port->n_interfaces; j++) {
            const struct ovsrec_interface *ic = port->interfaces[j];
            const struct iface *iface = iface_lookup(br, ic->name);
            if (iface) {
                iface_write_status(iface, ic);
            }
        }
    }

    if (row->n_controller) {
        struct shash info = SHASH_INITIALIZER(&info);
        ofproto_get_ofproto_controller_info(br->ofproto, &info);
        for (size_t i = 0; i < row->n_controller; i++) {
            controller_write_status(row->controller[i], &info);
        }
        ofproto_free_ofproto_controller_info(&info);
    }

    for (size_t i = 0; i < row->n_mirrors; i++) {
        mirror_write_status(br, row->mirrors[i]);
    }
}

/* Datapath and interface types this ovs-vswitchd can create, for the
 * Open_vSwitch row. */
static void
write_supported_types(const struct ovsrec_open_vswitch *cfg)
{
    static const char *iface_candidates[] = {
        "dummy", "internal", "patch", "system", "tap",
    };
    const char *iface_types[ARRAY_SIZE(iface_candidates)];
    size_t n_iface_types = 0;
    for (size_t i = 0; i < ARRAY_SIZE(iface_candidates); i++) {
        if (netdev_type_is_known(iface_candidates[i])) {
            iface_types[n_iface_types++] = iface_candidates[i];
        }
    }
    ovsrec_open_vswitch_set_iface_types(cfg, iface_types,
                                        n_iface_types);

    const char *dp_types[2];
    size_t n_dp_types = 0;
    if (netdev_type_is_known("dummy")) {
        dp_types[n_dp_types++] = "dummy";
    }
    dp_types[n_dp_types++] = "netdev";
    ovsrec_open_vswitch_set_datapath_types(cfg, dp_types,
                                           n_dp_types);
}

static void
bridge_write_status(const struct ovsrec_open_vswitch *cfg)
{
    const struct ovsrec_bridge *row;
    OVSREC_BRIDGE_FOR_EACH (row, idl) {
        const struct bridge *br = bridge_lookup(row->name);
        if (br && uuid_equals(&br->uuid, &row->header_.uuid)) {
            bridge_row_write_status(br, row);
        }
    }
    if (cfg) {
        write_supported_types(cfg);
    }
}

/* Whether something the database shows changed since it was last written:
 * a device's state, or a controller connection. */
static bool
bridge_status_changed(void)
{
    bool changed = false;
    struct shash_node *bnode;

    SHASH_FOR_EACH (bnode, &all_bridges) {
        struct bridge *br = bnode->data;
        struct iface *iface;
        HMAP_FOR_EACH (iface, node, &br->ifaces) {
            if (iface->netdev) {
                uint64_t seq = netdev_get_change_seq(iface->netdev);
                if (seq != iface->change_seq) {
                    iface->change_seq = seq;
                    changed = true;
                }
            }
        }

        if (br->n_controllers) {
            struct shash info = SHASH_INITIALIZER(&info);
            ofproto_get_ofproto_controller_info(br->ofproto, &info);
            struct ds s = DS_EMPTY_INITIALIZER;
            const struct shash_node **sorted = shash_sort(&info);
            for (size_t i = 0; i < shash_count(&info); i++) {
                const struct ofproto_controller_info *ci = sorted[i]->data;
                ds_put_format(&s, "%s %d %s\n", sorted[i]->name,
                              ci->is_connected,
                              ci->role ? ci->role : "");
            }
            free(sorted);
            ofproto_free_ofproto_controller_info(&info);
            if (!br->conn_summary || strcmp(br->conn_summary, ds_cstr(&s))) {
                free(br->conn_summary);
                br->conn_summary = ds_steal_cstr(&s);
                changed = true;
            }
            ds_destroy(&s);
        }
    }
    return changed;
}

/* ------------------------------------------------------------------ */
/* Public interface. */

void
bridge_set_dummy_override(bool override)
{
    dummy_override = override;
}

void
bridge_init(const char *remote)
{
    ovsrec_init();
    idl = ovsdb_idl_create(remote, &ovsrec_idl_class, true, true);
    idl_seqno = ovsdb_idl_get_seqno(idl);

    /* Columns this process writes: replicate them, but a change to one of
     * them is not a reason to reconfigure. */
    static const struct ovsdb_idl_column *written[] = {
        &ovsrec_open_vswitch_col_cur_cfg,
        &ovsrec_open_vswitch_col_datapath_types,
        &ovsrec_open_vswitch_col_iface_types,
        &ovsrec_open_vswitch_col_statistics,
        &ovsrec_bridge_col_datapath_id,
        &ovsrec_bridge_col_datapath_version,
        &ovsrec_bridge_col_status,
        &ovsrec_port_col_statistics,
        &ovsrec_port_col_status,
        &ovsrec_interface_col_admin_state,
        &ovsrec_interface_col_duplex,
        &ovsrec_interface_col_error,
        &ovsrec_interface_col_ifindex,
        &ovsrec_interface_col_link_resets,
        &ovsrec_interface_col_link_speed,
        &ovsrec_interface_col_link_state,
        &ovsrec_interface_col_mac_in_use,
        &ovsrec_interface_col_mtu,
        &ovsrec_interface_col_ofport,
        &ovsrec_interface_col_statistics,
        &ovsrec_interface_col_status,
        &ovsrec_controller_col_is_connected,
        &ovsrec_controller_col_role,
        &ovsrec_controller_col_status,
        &ovsrec_mirror_col_statistics,
    };
    for (size_t i = 0; i < ARRAY_SIZE(written); i++) {
        ovsdb_idl_omit_alert(idl, written[i]);
    }

    idl_loop = (struct ovsdb_idl_loop) OVSDB_IDL_LOOP_INITIALIZER(idl);
    next_status_ms = time_msec() + STATUS_INTERVAL_MS;
}

bool
bridge_is_configured(void)
{
    return reported;
}

void
bridge_run(void)
{
    struct ovsdb_idl_txn *txn = ovsdb_idl_loop_run(&idl_loop);
    const struct ovsrec_open_vswitch *cfg = ovsrec_open_vswitch_first(idl);

    if (ovsdb_idl_has_ever_connected(idl)
        && ovsdb_idl_get_seqno(idl) != idl_seqno) {
        idl_seqno = ovsdb_idl_get_seqno(idl);
        bridge_reconfigure(cfg);
        if (cfg) {
            applied_cfg = cfg->next_cfg;
            cfg_unreported = true;
        }
        status_unreported = true;
        configured = true;
    }

    ofproto_type_run();
    struct shash_node *bnode;
    SHASH_FOR_EACH (bnode, &all_bridges) {
        struct bridge *br = bnode->data;
        int error = ofproto_run(br->ofproto);
        if (error) {
            static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
            VLOG_ERR_RL(&rl, "bridge %s: %s", br->name,
                        ovs_strerror(error));
        }
    }

    if (bridge_status_changed()) {
        status_unreported = true;
    }
    long long int now = time_msec();
    if (now >= next_status_ms) {
        status_unreported = true;
        next_status_ms = now + STATUS_INTERVAL_MS;
    }

    if (txn && now >= holdoff_until_ms
        && (status_unreported || cfg_unreported)) {
        ovsdb_idl_txn_add_comment(txn, "ovs-vswitchd: status update");
        bridge_write_status(cfg);
        if (cfg_unreported && cfg) {
            ovsrec_open_vswitch_set_cur_cfg(cfg, applied_cfg);
            cfg_in_flight = true;
        }
        status_unreported = cfg_unreported = false;
    }

    int retval = ovsdb_idl_loop_commit_and_wait(&idl_loop);
    if (retval < 0) {
        /* Report it all again, after a short pause. */
        status_unreported = true;
        cfg_unreported = cfg_unreported || cfg_in_flight;
        cfg_in_flight = false;
        holdoff_until_ms = time_msec() + RETRY_HOLDOFF_MS;
    } else if (retval > 0) {
        cfg_in_flight = false;
    }
    if (configured && retval > 0 && !status_unreported && !cfg_unreported) {
        reported = true;
    }
}

void
bridge_wait(void)
{
    struct shash_node *bnode;
    SHASH_FOR_EACH (bnode, &all_bridges) {
        struct bridge *br = bnode->data;
        ofproto_wait(br->ofproto);
    }
    ofproto_type_wait();
    poll_timer_wait_until(next_status_ms);
    if ((status_unreported || cfg_unreported)
        && holdoff_until_ms > time_msec()) {
        poll_timer_wait_until(holdoff_until_ms);
    }
}

void
bridge_exit(bool cleanup OVS_UNUSED)
{
    struct shash_node *bnode;
    SHASH_FOR_EACH_SAFE (bnode, &all_bridges) {
        bridge_destroy(bnode->data);
    }
    ovsdb_idl_loop_destroy(&idl_loop);
    idl = NULL;
}
