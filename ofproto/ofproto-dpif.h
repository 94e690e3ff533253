/* ofproto-dpif: the datapath side of a bridge, shared by the
 * ofproto-dpif*.c files.
 *
 * One "backer" exists per datapath type in use ("netdev", "dummy"): it
 * owns the dpif that every bridge of that type shares, knows which
 * bridge port each datapath port belongs to, and keeps one "ukey" per
 * datapath flow it installed (the rules whose statistics that flow feeds).
 * Each bridge has a struct ofproto_dpif (its MAC learning table, its
 * mirrors) and each port a struct ofport_dpif.
 *
 * None of this is visible outside ofproto/ofproto-dpif*.c; ofproto.c
 * talks to this layer only through ofproto-provider.h. */

#ifndef OFPROTO_OFPROTO_DPIF_H
#define OFPROTO_OFPROTO_DPIF_H 1

#include <stdbool.h>
#include <stdint.h>
#include "dpif.h"
#include "flow.h"
#include "hmap.h"
#include "openvswitch/list.h"
#include "ofp-flow.h"
#include "ofproto-provider.h"

struct mac_learning;
struct mbridge;
struct rule;

/* A datapath shared by every bridge of one type. */
struct dpif_backer {
    struct hmap_node node;      /* In the global 'backers', by type. */
    char *type;
    struct dpif *dpif;
    int n_bridges;

    struct hmap ports;          /* struct ofport_dpif, by odp_port. */
    struct ovs_list ukeys;      /* struct dpif_ukey, installed flows. */
    uint64_t dump_seq;          /* Generation of the last stats push. */
    long long int next_push;    /* Next periodic stats push. */
    bool need_revalidate;       /* Flush cached flows before next packet. */
};

/* Bridge state of ofproto-dpif (ofproto->dpif_data). */
struct ofproto_dpif {
    struct ofproto *up;
    struct dpif_backer *backer;
    struct mac_learning *ml;
    struct mbridge *mbridge;    /* Mirrors. */
    long long int next_expire;  /* Next MAC learning expiry check. */
};

/* Port state of ofproto-dpif (ofport->dpif_data). */
struct ofport_dpif {
    struct hmap_node node;      /* In backer->ports, unless a patch port. */
    struct ofport *up;
    bool is_patch;
};

/* A datapath flow we installed: the rules it was translated through,
 * which get its statistics, plus what NORMAL learned from it. */
struct dpif_ukey {
    struct ovs_list node;       /* In backer->ukeys. */
    struct rule **rules;        /* Each holds a reference. */
    size_t n_rules;
    uint32_t *recircs;          /* Recirculation ids, referenced. */
    size_t n_recircs;
    struct xlate_learned *learned;  /* MAC entries to refresh. */
    size_t n_learned;
    struct xlate_mirrored *mirrored;    /* Mirrors that get copies. */
    size_t n_mirrored;
    uint64_t packets, bytes;    /* Already credited. */
    uint64_t dump_seq;          /* Last push that saw the flow alive. */
};

static inline struct ofproto_dpif *
ofproto_dpif_cast(const struct ofproto *ofproto)
{
    return ofproto->dpif_data;
}

static inline struct ofport_dpif *
ofport_dpif_cast(const struct ofport *ofport)
{
    return ofport->dpif_data;
}

/* ofproto-dpif.c. */
struct ofport *ofproto_dpif_port_from_odp(const struct dpif_backer *,
                                          odp_port_t);
struct ofport *ofproto_dpif_patch_peer(const struct ofport *);
void ofproto_dpif_backer_revalidate(struct dpif_backer *);
odp_port_t ofproto_dpif_odp_port(const struct ofproto *, ofp_port_t);

/* ofproto-dpif-upcall.c. */
void dpif_upcall_handler(const struct dpif_upcall *,
                         struct dpif_upcall_result *, void *backer);
void dpif_backer_push_stats(struct dpif_backer *);
void dpif_backer_flush(struct dpif_backer *);
void dpif_ukey_destroy(struct dpif_ukey *);
void ofproto_dpif_upcall_init(void);

/* ofproto-dpif-trace.c. */
void ofproto_dpif_trace_init(void);

#endif /* ofproto-dpif.h */
