/* Translation: OpenFlow actions and flow tables to datapath actions.
 *
 * xlate_actions() follows one packet (or, for ofproto/trace, a flow)
 * through a bridge's flow tables and produces the datapath actions that do
 * the same thing, the wildcards that say which packets would be translated
 * alike (so the datapath may cache the result), and the rules it went
 * through (for their statistics).
 *
 * The walk can be frozen at any point (ofproto-dpif-freeze.c): the
 * remaining work is captured as data and continued later, by a later
 * xlate_actions() that starts from that data instead of table 0.  That is
 * how "pause" hands a packet to a controller in a closure and how the
 * controller's NXT_RESUME continues it.
 *
 * struct xlate_ctx is shared by the translation files only. */

#ifndef OFPROTO_DPIF_XLATE_H
#define OFPROTO_DPIF_XLATE_H 1

#include <stdbool.h>
#include <stdint.h>
#include "flow.h"
#include "openvswitch/compiler.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/types.h"
#include "packets.h"

struct dp_packet;
struct ds;
struct ofpact;
struct ofproto;
struct ofputil_closure_private;
struct rule;

/* What to translate. */
struct xlate_in {
    struct ofproto *ofproto;    /* Bridge where the packet enters. */
    struct flow flow;           /* in_port.ofp_port is an OpenFlow port. */

    /* The packet, or NULL (a trace without one).  Needed for packet-ins
     * and closures, which carry the packet as modified so far. */
    const struct dp_packet *packet;

    /* Packet-out: these actions instead of table 0. */
    const struct ofpact *ofpacts;
    size_t ofpacts_len;

    /* Resume: continue this frozen translation instead of table 0. */
    const struct ofputil_closure_private *frozen;

    /* Whether to act on the outside world: send packet-ins and closures,
     * learn MAC addresses.  False for ofproto/trace. */
    bool side_effects;

    /* If nonnull, a human-readable account is appended (ofproto/trace). */
    struct ds *trace;
};

/* What translation produced. */
struct xlate_out {
    struct ofpbuf odp_actions;
    struct flow_wildcards wc;
    bool slow;                  /* Needs userspace for every packet. */
    bool paused;                /* Translation froze into a closure. */
    struct flow final_flow;     /* The packet at the end (for traces). */

    /* Rules traversed, once per visit, each with a reference. */
    struct rule **rules;
    size_t n_rules, allocated_rules;

    /* Recirculation ids the actions use, each with a reference. */
    uint32_t *recircs;
    size_t n_recircs, allocated_recircs;

    /* What NORMAL learned (or refreshed) from the packet, so that packets
     * of a cached flow keep the MAC learning entries alive. */
    struct xlate_learned {
        struct ofproto *bridge;
        struct eth_addr mac;
        uint16_t vlan;
        ofp_port_t port;
    } learned[4];
    size_t n_learned;

    /* Mirrors that got a copy, per bridge, so that each packet of a
     * cached flow counts for them too. */
    struct xlate_mirrored {
        struct ofproto *bridge;
        uint32_t mirrors;       /* Bitmap of mirror slots. */
    } mirrored[4];
    size_t n_mirrored;
};

/* Credits 'n' mirror bitmaps with 'packets' copies of 'bytes' bytes. */
void xlate_mirrored_credit(const struct xlate_mirrored *, size_t n,
                           uint64_t packets, uint64_t bytes);

void xlate_out_init(struct xlate_out *);
void xlate_out_uninit(struct xlate_out *);
void xlate_actions(const struct xlate_in *, struct xlate_out *);

/* Credits the rules and mirrors in 'xout' with one packet of 'bytes'
 * bytes. */
void xlate_out_credit(const struct xlate_out *, uint64_t bytes);

/* ----- Internal to ofproto-dpif-xlate.c and ofproto-dpif-freeze.c ---- */

/* OpenFlow's default priority, which match_format() leaves out. */
#define XLATE_DEFAULT_PRIORITY 0x8000

#define XLATE_MAX_DEPTH 64          /* Nested resubmits. */
#define XLATE_MAX_RESUBMITS 4096    /* Lookups in one translation. */

struct xlate_ctx {
    const struct xlate_in *xin;
    struct xlate_out *xout;

    struct ofproto *bridge;     /* Current bridge (changes at patch ports). */
    struct flow flow;           /* The packet as translated so far. */
    struct flow base_flow;      /* The packet as the datapath actions
                                 * emitted so far leave it. */
    struct flow_wildcards *wc;
    struct ofpbuf *odp_actions;

    uint8_t table_id;           /* Table of the current rule. */
    struct rule *rule;          /* Current rule, NULL if none. */
    ovs_be64 cookie;            /* Its cookie (or a thawed level's). */
    int depth;                  /* Resubmit nesting. */
    int n_lookups;              /* For loop protection. */
    bool exit;                  /* "exit" or an error: stop everything. */

    struct ofpbuf stack;        /* union mf_subvalue entries. */
    struct ofpbuf action_set;   /* Written actions (OF1.1+ action set). */
    uint32_t mirrors;           /* Mirrors that already got the packet. */
    bool conntracked;
    bool in_action_set;         /* Running the action set at pipeline end. */

    /* Freezing.  While 'freezing' is set every nesting level, as it
     * returns, appends an OFPACT_UNROLL_XLATE and its remaining actions to
     * 'frozen_actions'.  The packet and metadata are captured at the
     * moment of the pause. */
    bool freezing;
    uint16_t pause_controller_id;
    struct ofpbuf frozen_actions;
    struct flow frozen_flow;
    struct dp_packet *frozen_packet;
    ofp_port_t restore_in_port; /* OFPP_NONE, or in_port a resubmit must
                                 * put back when its caller resumes. */

    int indent;                 /* Trace nesting. */
};

void xlate_report(struct xlate_ctx *, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);
void xlate_do_actions(struct xlate_ctx *, const struct ofpact *,
                      size_t ofpacts_len);
void xlate_execute_action_set(struct xlate_ctx *);
struct dp_packet *xlate_current_packet(struct xlate_ctx *);

/* ofproto-dpif-freeze.c. */
void freeze_start(struct xlate_ctx *, uint16_t controller_id);
void freeze_unroll_level(struct xlate_ctx *, const struct ofpact *rest,
                         const struct ofpact *end);
void freeze_finish(struct xlate_ctx *, bool as_clone);
void freeze_reset(struct xlate_ctx *);
void freeze_thaw(struct xlate_ctx *, const struct ofputil_closure_private *);
uint32_t freeze_recirc(struct xlate_ctx *, uint8_t table_id);

/* ofproto-dpif-recirc.c. */
uint32_t recirc_id_get(const struct ofputil_closure_private *);
const struct ofputil_closure_private *recirc_id_find(uint32_t id);
void recirc_id_unref(uint32_t id);
void recirc_run(void);
void freeze_format_closure(struct ds *,
                           const struct ofputil_closure_private *);

#endif /* ofproto-dpif-xlate.h */
