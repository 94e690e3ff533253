/* Upcalls, cached datapath flows and their statistics.
 *
 * A packet that misses the datapath's megaflow cache comes here
 * (dpif_upcall_handler(), called synchronously from dpif_run()).  We find
 * the bridge from the datapath input port, translate, and hand the
 * datapath the actions and the wildcards.  If the translation has no side
 * effects that need every packet, the datapath caches the result, tagged
 * with a "ukey" that lists the rules the translation went through.
 *
 * Statistics.  The packet of the upcall is credited to its rules at once.
 * Packets that later hit the cached flow are counted by the datapath;
 * dpif_backer_push_stats() reads those counters and credits each ukey's
 * rules with what they gained since the last push.
 *
 * Revalidation.  When anything translation depends on changes, the policy
 * is the simplest correct one: push the statistics of every cached flow of
 * the datapath, then delete them all, so the next packet of each is
 * translated again against the new state. */

#include <config.h>
#include "ofproto-dpif.h"

#include <stdlib.h>
#include <string.h>
#include "dp-packet.h"
#include "dynamic-string.h"
#include "mac-learning.h"
#include "ofp-closure.h"
#include "ofproto-dpif-xlate.h"
#include "ofproto-provider.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

/* Drops an upcall's packet without caching anything. */
static void
drop_upcall(struct dpif_upcall_result *result)
{
    result->wc.masks.in_port.odp_port = UINT32_MAX;
    result->wc.masks.recirc_id = UINT32_MAX;
    result->install = false;
}

void
dpif_upcall_handler(const struct dpif_upcall *upcall,
                    struct dpif_upcall_result *result, void *backer_)
{
    struct dpif_backer *backer = backer_;
    struct ofport *ofport;
    struct xlate_out xout;
    struct xlate_in xin;

    memset(&xin, 0, sizeof xin);
    xin.flow = upcall->flow;
    xin.flow.in_port.odp_port = 0;
    xin.packet = upcall->packet;
    xin.side_effects = true;

    if (upcall->flow.recirc_id) {
        /* A recirculated packet: continue its frozen translation, with
         * the metadata it had then and the ct_* fields it has now. */
        const struct ofputil_closure_private *state;
        const struct flow *md;

        state = recirc_id_find(upcall->flow.recirc_id);
        xin.ofproto = state ? ofproto_lookup_by_uuid(&state->bridge) : NULL;
        if (!xin.ofproto || !ofproto_dpif_cast(xin.ofproto)) {
            drop_upcall(result);
            return;
        }
        md = &state->public.metadata.flow;
        xin.flow.in_port.ofp_port = md->in_port.ofp_port;
        memcpy(xin.flow.regs, md->regs, sizeof xin.flow.regs);
        xin.flow.metadata = md->metadata;
        xin.flow.tun_id = md->tun_id;
        xin.flow.pkt_mark = md->pkt_mark;
        xin.frozen = state;
    } else {
        ofport = ofproto_dpif_port_from_odp(backer,
                                            upcall->flow.in_port.odp_port);
        if (!ofport) {
            /* Not ours: a port being added or removed. */
            drop_upcall(result);
            return;
        }
        xin.ofproto = ofport->ofproto;
        xin.flow.in_port.ofp_port = ofport->ofp_port;
    }

    xlate_out_init(&xout);
    xlate_actions(&xin, &xout);
    xlate_out_credit(&xout, dp_packet_size(upcall->packet));

    ofpbuf_put(result->actions, xout.odp_actions.data,
               xout.odp_actions.size);
    flow_wildcards_or(&result->wc, &result->wc, &xout.wc);
    result->install = !xout.slow;
    if (result->install) {
        struct dpif_ukey *ukey = xzalloc(sizeof *ukey);

        /* The ukey takes over the rule references. */
        ukey->rules = xout.rules;
        ukey->n_rules = xout.n_rules;
        ukey->recircs = xout.recircs;
        ukey->n_recircs = xout.n_recircs;
        ukey->learned = (xout.n_learned
                         ? xmemdup(xout.learned,
                                   xout.n_learned * sizeof *xout.learned)
                         : NULL);
        ukey->n_learned = xout.n_learned;
        ukey->mirrored = (xout.n_mirrored
                          ? xmemdup(xout.mirrored,
                                    xout.n_mirrored * sizeof *xout.mirrored)
                          : NULL);
        ukey->n_mirrored = xout.n_mirrored;
        ukey->dump_seq = backer->dump_seq;
        xout.rules = NULL;
        xout.n_rules = 0;
        xout.recircs = NULL;
        xout.n_recircs = 0;
        ovs_list_push_back(&backer->ukeys, &ukey->node);
        result->owner = ukey;
    }
    xlate_out_uninit(&xout);
}

void
dpif_ukey_destroy(struct dpif_ukey *ukey)
{
    if (ukey) {
        for (size_t i = 0; i < ukey->n_rules; i++) {
            ofproto_rule_unref(ukey->rules[i]);
        }
        free(ukey->rules);
        for (size_t i = 0; i < ukey->n_recircs; i++) {
            recirc_id_unref(ukey->recircs[i]);
        }
        free(ukey->recircs);
        free(ukey->learned);
        free(ukey->mirrored);
        free(ukey);
    }
}

static void
push_flow_stats(const struct dpif_flow *flow, void *backer_)
{
    struct dpif_backer *backer = backer_;
    struct dpif_ukey *ukey = flow->owner;
    uint64_t packets, bytes;

    if (!ukey) {
        return;
    }
    ukey->dump_seq = backer->dump_seq;
    if (flow->stats.n_packets <= ukey->packets) {
        return;
    }
    packets = flow->stats.n_packets - ukey->packets;
    bytes = (flow->stats.n_bytes > ukey->bytes
             ? flow->stats.n_bytes - ukey->bytes : 0);
    for (size_t i = 0; i < ukey->n_rules; i++) {
        ofproto_rule_credit(ukey->rules[i], packets, bytes,
                            flow->stats.used);
    }
    xlate_mirrored_credit(ukey->mirrored, ukey->n_mirrored, packets, bytes);
    ukey->packets = flow->stats.n_packets;
    ukey->bytes = flow->stats.n_bytes;

    /* The flow's packets count as seen by NORMAL.  A changed entry cannot
     * happen here without a revalidation having deleted this flow, so the
     * return value does not matter. */
    for (size_t i = 0; i < ukey->n_learned; i++) {
        const struct xlate_learned *l = &ukey->learned[i];
        struct ofproto_dpif *od = ofproto_dpif_cast(l->bridge);

        if (od) {
            mac_learning_learn(od->ml, l->mac, l->vlan, l->port);
        }
    }
}

/* Credits rules with what the cached flows gathered since the last push,
 * and forgets the ukeys of flows the datapath no longer has. */
void
dpif_backer_push_stats(struct dpif_backer *backer)
{
    struct dpif_ukey *ukey;

    backer->dump_seq++;
    dpif_flow_dump(backer->dpif, push_flow_stats, backer);
    LIST_FOR_EACH_SAFE (ukey, node, &backer->ukeys) {
        if (ukey->dump_seq != backer->dump_seq) {
            ovs_list_remove(&ukey->node);
            dpif_ukey_destroy(ukey);
        }
    }
}

/* Pushes statistics, then deletes every cached flow of 'backer'. */
void
dpif_backer_flush(struct dpif_backer *backer)
{
    struct dpif_ukey *ukey;

    dpif_backer_push_stats(backer);
    dpif_flow_flush(backer->dpif);
    LIST_FOR_EACH_POP (ukey, node, &backer->ukeys) {
        dpif_ukey_destroy(ukey);
    }
    backer->need_revalidate = false;
}

static void
revalidator_wait_cmd(struct unixctl_conn *conn, int argc OVS_UNUSED,
                     const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    /* Revalidation is synchronous: by the time this runs, every datapath
     * already reflects the tables. */
    unixctl_command_reply(conn, NULL);
}

static void
revalidator_purge_one(struct ofproto *ofproto, void *aux OVS_UNUSED)
{
    struct ofproto_dpif *od = ofproto_dpif_cast(ofproto);

    if (od) {
        dpif_backer_flush(od->backer);
    }
}

static void
revalidator_purge_cmd(struct unixctl_conn *conn, int argc OVS_UNUSED,
                      const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    ofproto_for_each(revalidator_purge_one, NULL);
    unixctl_command_reply(conn, NULL);
}

void
ofproto_dpif_upcall_init(void)
{
    unixctl_command_register("revalidator/wait", "", 0, 0,
                             revalidator_wait_cmd, NULL);
    unixctl_command_register("revalidator/purge", "", 0, 0,
                             revalidator_purge_cmd, NULL);
}
