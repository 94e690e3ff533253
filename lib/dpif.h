/* The datapath interface: what ofproto-dpif sees of a datapath.
 *
 * A datapath owns ports (netdevs), receives packets on them, extracts each
 * packet's flow key and looks it up in its megaflow cache: a set of
 * (key, mask) -> actions entries.  A hit executes the cached actions; a
 * miss is handed synchronously to the upcall callback that the owner
 * registered, which translates the packet and says whether the result may
 * be cached.  Actions are Linux datapath netlink attributes
 * (OVS_ACTION_ATTR_* from <linux/openvswitch.h>), so the same action
 * encoding could later drive the kernel module.
 *
 * One datapath exists per datapath type ("netdev", and "dummy" under
 * --enable-dummy); every bridge of that type shares it.  The userspace
 * implementation is datapath/dpif-netdev.c.  Single-threaded: dpif_run()
 * does all receiving, lookup, upcalls and execution. */

#ifndef DPIF_H
#define DPIF_H 1

#include "flow.h"
#include "openvswitch/types.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct conntrack;
struct dpif;
struct ds;
struct netdev;
struct nlattr;
struct ofpbuf;
struct dp_packet;

#define ODPP_NONE ODP_PORT_C(UINT32_MAX)

/* Opens the datapath for 'type' ("netdev" or "dummy"), creating it on
 * first use; later calls return the same datapath with a reference added.
 * Returns 0 or a positive errno (EAFNOSUPPORT for an unknown type). */
int dpif_open(const char *type, struct dpif **);
void dpif_close(struct dpif *);
const char *dpif_name(const struct dpif *);   /* e.g. "dummy@ovs-dummy". */
const char *dpif_type(const struct dpif *);

/* Returns the open datapath called 'name' (its full name, such as
 * "dummy@ovs-dummy", or its type, "dummy"), or, if 'name' is null, the
 * only open datapath; null if there is no such datapath (or, for a null
 * 'name', not exactly one).  No reference is added. */
struct dpif *dpif_find(const char *name);

/* Appends the names of the open datapaths, one per line, sorted. */
void dpif_names(struct ds *);

/* The datapath's connection tracker (lib/conntrack.h), which the ct action
 * uses.  Owned by the datapath: valid until dpif_close() destroys it. */
struct conntrack *dpif_conntrack(struct dpif *);

/* Ports.  On input '*port_no' is the wanted number or ODPP_NONE for any;
 * on success it is the number assigned.  The datapath keeps a reference to
 * 'netdev' and opens its receive queue (if it has one). */
int dpif_port_add(struct dpif *, struct netdev *, odp_port_t *port_no);
int dpif_port_del(struct dpif *, odp_port_t);

/* A packet that missed the megaflow cache. */
struct dpif_upcall {
    struct dp_packet *packet;   /* Packet as received (do not free). */
    struct flow flow;           /* Its key: in_port.odp_port, recirc_id, ct
                                 * fields from the datapath, headers. */
};

/* What the upcall callback fills in.  'actions' is initialized empty by the
 * datapath; 'wc' starts as catch-all and the callback adds every bit that
 * translation looked at.  If 'install' is set, the datapath caches (key
 * masked by wc) -> actions, tagged with 'owner' (an opaque pointer that
 * dpif_flow_dump() hands back). */
struct dpif_upcall_result {
    struct ofpbuf *actions;
    struct flow_wildcards wc;
    bool install;
    void *owner;
};

typedef void dpif_upcall_cb(const struct dpif_upcall *,
                            struct dpif_upcall_result *, void *aux);
void dpif_register_upcall_cb(struct dpif *, dpif_upcall_cb *, void *aux);

/* Receives and processes packets from every port.  Call from the main
 * loop; dpif_wait() arranges for the poll loop to wake when there is
 * work. */
void dpif_run(struct dpif *);
void dpif_wait(struct dpif *);

/* Executes 'actions' on 'packet' (not consumed) outside of the cache, as
 * for a packet-out or a resumed closure.  'packet''s metadata
 * (in_port, recirc_id, ct state) is taken from 'flow'. */
int dpif_execute(struct dpif *, const struct dp_packet *packet,
                 const struct flow *flow,
                 const struct nlattr *actions, size_t actions_len);

/* The megaflow cache. */
struct dpif_flow_stats {
    uint64_t n_packets;
    uint64_t n_bytes;
    long long int used;         /* Last use, msec (time_msec()), 0: never. */
    uint16_t tcp_flags;
};

struct dpif_flow {
    struct flow key;            /* Already masked by 'mask'. */
    struct flow_wildcards mask;
    const struct nlattr *actions;
    size_t actions_len;
    struct dpif_flow_stats stats;
    void *owner;
};

/* Calls 'cb' for every cached flow.  'cb' must not add or delete flows;
 * collect what to delete and call dpif_flow_del() afterwards. */
void dpif_flow_dump(struct dpif *,
                    void (*cb)(const struct dpif_flow *, void *aux),
                    void *aux);

/* Deletes the flow with exactly this 'key' and 'mask', storing its final
 * statistics in 'stats' if nonnull.  Returns 0 or ENOENT. */
int dpif_flow_del(struct dpif *, const struct flow *key,
                  const struct flow_wildcards *mask,
                  struct dpif_flow_stats *stats);
void dpif_flow_flush(struct dpif *);
size_t dpif_flow_count(const struct dpif *);

/* Packets that hit the cache and packets that missed it (upcalls), since
 * the datapath was created. */
void dpif_get_stats(const struct dpif *, uint64_t *n_hit, uint64_t *n_missed);

/* Formats 'flow' as "ovs-appctl dpif/dump-flows" prints one line:
 *   recirc_id(0),in_port(1),eth_type(0x0800),ipv4(frag=no), packets:1,
 *   bytes:60, used:0.001s, actions:2
 * 'port_names' (odp port -> name) may be NULL. */
void dpif_flow_format(const struct dpif_flow *, struct ds *);

#endif /* dpif.h */
