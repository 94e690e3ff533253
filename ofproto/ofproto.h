/* ofproto: an OpenFlow switch, as the bridge layer (vswitchd/bridge.c) sees
 * it.  One "struct ofproto" per bridge.  The OpenFlow side (tables,
 * flow-mod semantics, connections) lives in ofproto.c and connmgr.c; the
 * datapath side (translation, caching) in ofproto-dpif*.c. */

#ifndef OFPROTO_OFPROTO_H
#define OFPROTO_OFPROTO_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "uuid.h"

struct netdev;
struct netdev_stats;
struct ofproto;
struct smap;
struct shash;

/* Registers unixctl commands (ofproto/trace, fdb/show, dpif/dump-flows,
 * revalidator/wait, ofproto/list, ...).  Call once at startup. */
void ofproto_init(void);

/* Runs and waits for every datapath type in use (receive, upcalls,
 * revalidation).  Call once per main-loop iteration, besides
 * ofproto_run() on each bridge. */
void ofproto_type_run(void);
void ofproto_type_wait(void);

/* Creates bridge 'name' on a datapath of 'type' ("netdev", "dummy"; "" is
 * "netdev").  'bridge_uuid' identifies this incarnation of the bridge: it
 * goes into every closure so that a closure is never resumed on another
 * bridge or on a bridge that was deleted and recreated.  The bridge
 * listens at once on $OVS_RUNDIR/NAME.mgmt. */
int ofproto_create(const char *name, const char *type,
                   const struct uuid *bridge_uuid, struct ofproto **);
void ofproto_destroy(struct ofproto *);
struct ofproto *ofproto_lookup(const char *name);
const char *ofproto_get_name(const struct ofproto *);

int ofproto_run(struct ofproto *);
void ofproto_wait(struct ofproto *);

void ofproto_set_datapath_id(struct ofproto *, uint64_t datapath_id);
uint64_t ofproto_get_datapath_id(const struct ofproto *);

enum ofproto_fail_mode {
    OFPROTO_FAIL_SECURE,        /* Table misses go to the controller only. */
    OFPROTO_FAIL_STANDALONE     /* Without a controller, act as a learning
                                 * switch (a priority-0 NORMAL flow). */
};
void ofproto_set_fail_mode(struct ofproto *, enum ofproto_fail_mode);

/* Controllers (Controller rows). */
struct ofproto_controller {
    char *target;               /* "tcp:IP:PORT", "ptcp:PORT", "unix:F", ... */
    int max_backoff;            /* Seconds. */
    int probe_interval;         /* Seconds, 0 disables. */
    int rate_limit;             /* Packet-ins per second, 0 = no limit. */
    int burst_limit;            /* Bucket size, 0 = rate_limit / 4. */
    uint32_t allowed_versions;  /* Bitmap of OFP1x_VERSION; 0 = default. */
};
void ofproto_set_controllers(struct ofproto *,
                             const struct ofproto_controller *, size_t n);

/* Versions allowed on the bridge's management socket ($OVS_RUNDIR/BR.mgmt)
 * and other connections not configured through ofproto_set_controllers()
 * (Bridge.protocols); 0 means the default set. */
void ofproto_set_mgmt_versions(struct ofproto *, uint32_t allowed_versions);

/* Status of one controller connection, for the Controller table. */
struct ofproto_controller_info {
    bool is_connected;
    const char *role;           /* "other", "master", "slave"; NULL when
                                 * not connected. */
    struct smap *pairs;         /* status column: "state", "sec_since_connect",
                                 * "last_error", packet-in queue statistics
                                 * ("packet-in-TYPE-queued" etc.). */
};
/* Fills 'info' (target -> struct ofproto_controller_info *) for each
 * configured controller; free with ofproto_free_ofproto_controller_info(). */
void ofproto_get_ofproto_controller_info(const struct ofproto *,
                                         struct shash *info);
void ofproto_free_ofproto_controller_info(struct shash *info);

/* Ports.  '*ofp_portp' is the requested OpenFlow port number
 * (Interface.ofport_request) or OFPP_NONE; on success it is the number
 * assigned. */
int ofproto_port_add(struct ofproto *, struct netdev *, ofp_port_t *ofp_portp);
int ofproto_port_del(struct ofproto *, ofp_port_t);
/* Returns the OpenFlow port number of the port named 'name', or OFPP_NONE. */
ofp_port_t ofproto_port_by_name(const struct ofproto *, const char *name);
/* Port statistics and state, for Interface.statistics etc. */
int ofproto_port_get_stats(const struct ofproto *, ofp_port_t,
                           struct netdev_stats *);

/* Mirrors (Mirror rows).  'aux' identifies the mirror (the bridge's own
 * pointer).  At most 32 mirrors per bridge (a bitmap travels in
 * closures). */
struct ofproto_mirror_settings {
    const char *name;
    bool select_all;
    ofp_port_t *srcs;           /* select_src_port: packets received. */
    size_t n_srcs;
    ofp_port_t *dsts;           /* select_dst_port: packets sent. */
    size_t n_dsts;
    ofp_port_t out_port;        /* output_port, or OFPP_NONE. */
    const uint16_t *vlans;      /* select_vlan: only packets on these VLANs
                                 * (0: untagged); none: every VLAN. */
    size_t n_vlans;
    int out_vlan;               /* output_vlan (1...4095), used only
                                 * without 'out_port'; -1 if none. */
};
int ofproto_mirror_register(struct ofproto *, void *aux,
                            const struct ofproto_mirror_settings *);
void ofproto_mirror_unregister(struct ofproto *, void *aux);
/* Copies the mirror identified by 'aux' sent so far (the Mirror table's
 * tx_packets and tx_bytes): returns 0, or ENOENT if it is not
 * registered. */
int ofproto_mirror_get_stats(struct ofproto *, const void *aux,
                             uint64_t *packets, uint64_t *bytes);

/* MAC learning table for NORMAL. */
void ofproto_set_mac_table_config(struct ofproto *, unsigned int idle_time,
                                  size_t max_entries);

/* For Interface.type "internal": the netdev type to open on this
 * datapath type ("dummy" under a dummy datapath, else "internal"). */
const char *ofproto_port_open_type(const char *datapath_type,
                                   const char *port_type);

#endif /* ofproto.h */
