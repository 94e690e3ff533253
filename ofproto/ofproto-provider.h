/* The data that ofproto.c (OpenFlow semantics) and ofproto-dpif*.c
 * (translation and the datapath) share, and the calls between them.
 *
 * ofproto.c owns bridges, ports, tables and rules and implements the
 * OpenFlow protocol.  ofproto-dpif.c attaches its own state to each of
 * them ('dpif_data'), translates packets through the tables, and reports
 * statistics back into the rules.  There is only one such back end, so the
 * calls are direct functions, not a class of function pointers.
 *
 * Everything runs in the main thread. */

#ifndef OFPROTO_OFPROTO_PROVIDER_H
#define OFPROTO_OFPROTO_PROVIDER_H 1

#include "classifier.h"
#include "flow.h"
#include "hmap.h"
#include "ofp-errors.h"
#include "ofp-port.h"
#include "ofp-switch.h"
#include "ofproto.h"
#include "openvswitch/list.h"
#include "shash.h"
#include "uuid.h"

struct connmgr;
struct dp_packet;
struct ofpact;
struct ofputil_closure_private;

#define OFPROTO_N_TABLES 254    /* Tables 0 through 253. */

/* A flow table. */
struct oftable {
    struct classifier cls;      /* Contains "struct rule"s via 'cr'. */
    char *name;                 /* NULL: "table%d". */
    uint64_t n_lookups;         /* Lookups by translation (table stats). */
    uint64_t n_matched;         /* Lookups that found a rule. */
};

/* An OpenFlow port. */
struct ofport {
    struct hmap_node hmap_node; /* In ofproto->ports, by ofp_port. */
    struct ofproto *ofproto;
    struct netdev *netdev;
    struct ofputil_phy_port pp; /* Description, as in port-desc replies. */
    ofp_port_t ofp_port;
    uint64_t change_seq;        /* netdev change_seq last reported. */

    /* Owned by ofproto-dpif. */
    odp_port_t odp_port;        /* ODPP_NONE for a patch port. */
    void *dpif_data;
};

/* An OpenFlow flow. */
struct rule {
    struct cls_rule cr;         /* In ofproto->tables[table_id].cls. */
    struct ofproto *ofproto;
    uint8_t table_id;
    int ref_count;              /* ofproto_rule_ref(), _unref(). */
    bool removed;               /* No longer in a table. */

    ovs_be64 flow_cookie;
    uint16_t idle_timeout, hard_timeout;    /* Seconds, 0: none. */
    uint16_t importance;
    enum ofputil_flow_mod_flags flags;
    long long int created;      /* time_msec() of the add. */
    long long int modified;     /* time_msec() of the last add or modify. */

    /* The actions (instructions), owned by the rule.  A modify replaces
     * them; translation never keeps a pointer across main-loop
     * iterations (frozen state copies what it needs). */
    struct ofpact *ofpacts;
    size_t ofpacts_len;

    /* Statistics, credited by ofproto-dpif through ofproto_rule_credit(). */
    uint64_t packet_count;
    uint64_t byte_count;
    long long int used;         /* Last use, time_msec(); for idle timeout. */
};

/* A bridge. */
struct ofproto {
    struct hmap_node hmap_node; /* In the global map, by name. */
    char *name;
    char *type;                 /* Datapath type: "netdev", "dummy". */
    struct uuid uuid;           /* This incarnation (for closures). */
    uint64_t datapath_id;
    enum ofproto_fail_mode fail_mode;
    enum ofputil_frag_handling frag_handling;

    struct hmap ports;          /* struct ofport, by ofp_port. */
    struct shash port_by_name;  /* struct ofport. */
    ofp_port_t max_ports;       /* OFPP_MAX. */

    struct oftable tables[OFPROTO_N_TABLES];

    struct connmgr *connmgr;

    void *dpif_data;            /* struct ofproto_dpif, owned by it. */
};

/* --- Provided by ofproto.c for ofproto-dpif --- */

struct ofport *ofproto_get_port(const struct ofproto *, ofp_port_t);
struct ofport *ofproto_get_port_by_name(const struct ofproto *,
                                        const char *name);
struct ofproto *ofproto_lookup_by_uuid(const struct uuid *);
/* Calls 'cb' for each bridge. */
void ofproto_for_each(void (*cb)(struct ofproto *, void *aux), void *aux);

/* Looks up 'flow' in table 'table_id', OR-ing into 'wc' (if nonnull) the
 * bits the lookup examined, and counts the lookup in the table's
 * statistics.  Returns NULL if no rule matches. */
struct rule *ofproto_rule_lookup(struct ofproto *, uint8_t table_id,
                                 const struct flow *,
                                 struct flow_wildcards *wc);

void ofproto_rule_ref(struct rule *);
void ofproto_rule_unref(struct rule *);

/* Adds a packet's worth of statistics to 'rule' (and its idle timer). */
void ofproto_rule_credit(struct rule *, uint64_t packets, uint64_t bytes,
                         long long int used);

/* --- Provided by ofproto-dpif.c for ofproto.c --- */

void ofproto_dpif_init(void);           /* unixctl commands. */
void ofproto_dpif_type_run(void);       /* Every datapath in use. */
void ofproto_dpif_type_wait(void);

int ofproto_dpif_construct(struct ofproto *);
void ofproto_dpif_destruct(struct ofproto *);
void ofproto_dpif_run(struct ofproto *);
void ofproto_dpif_wait(struct ofproto *);

/* Adds 'port' (its netdev, ofp_port and pp filled in) to the datapath, or
 * for a patch port links it to its peer.  Sets port->odp_port. */
int ofproto_dpif_port_add(struct ofproto *, struct ofport *);
void ofproto_dpif_port_del(struct ofproto *, struct ofport *);

/* Something translation depends on changed (flow tables, ports, port
 * config, mirrors, fail mode, patch peers): cached datapath flows must no
 * longer be used without revalidation. */
void ofproto_dpif_flows_changed(struct ofproto *);

/* Credits every rule with the statistics that cached datapath flows have
 * gathered since the last push.  ofproto.c calls this before it reports or
 * acts on rule statistics (flow stats, aggregate, idle expiry). */
void ofproto_dpif_push_stats(struct ofproto *);

/* Executes 'ofpacts' on 'packet', whose metadata (in_port etc.) is in
 * 'flow', as for a packet-out.  Packet-ins and closures the actions
 * produce are sent through the connmgr. */
enum ofperr ofproto_dpif_packet_out(struct ofproto *,
                                    const struct dp_packet *packet,
                                    const struct flow *flow,
                                    const struct ofpact *, size_t ofpacts_len);

/* Continues the translation frozen in 'closure' (already decoded and
 * checked against this bridge by ofproto.c) and executes the result. */
enum ofperr ofproto_dpif_resume(struct ofproto *,
                                const struct ofputil_closure_private *);

int ofproto_dpif_mirror_register(struct ofproto *, void *aux,
                                 const struct ofproto_mirror_settings *);
void ofproto_dpif_mirror_unregister(struct ofproto *, void *aux);
int ofproto_dpif_mirror_get_stats(struct ofproto *, const void *aux,
                                  uint64_t *packets, uint64_t *bytes);
void ofproto_dpif_set_mac_table_config(struct ofproto *,
                                       unsigned int idle_time,
                                       size_t max_entries);
int ofproto_dpif_port_get_stats(const struct ofport *,
                                struct netdev_stats *);

#endif /* ofproto-provider.h */
