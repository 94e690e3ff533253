/* Datapath action execution.
 *
 * Header rewrites work from the packet itself: before a set the packet is
 * parsed again (flow_extract()), which both yields the current field
 * values and locates the headers, then the new value of each field is
 * the old one with the masked bits replaced, and the packet rewriters of
 * packets.h store it and patch the checksums that cover it.  Parsing again
 * costs a little per set action but keeps the executor independent of
 * what earlier actions did to the header offsets. */

#include <config.h>
#include "odp-execute.h"
#include <linux/openvswitch.h>
#include <string.h>
#include "dp-packet.h"
#include "flow.h"
#include "netlink.h"
#include "odp-util.h"
#include "openvswitch/util.h"
#include "packets.h"

/* new = (old & ~mask) | (value & mask), bytewise over a whole flow. */
static void
flow_apply_masked(struct flow *cur, const struct flow *value,
                  const struct flow *mask)
{
    uint8_t *c = (uint8_t *) cur;
    const uint8_t *v = (const uint8_t *) value;
    const uint8_t *m = (const uint8_t *) mask;
    size_t i;

    for (i = 0; i < sizeof *cur; i++) {
        c[i] = (c[i] & ~m[i]) | (v[i] & m[i]);
    }
}

/* Writes the header fields of 'f' for header attribute 'attr' into
 * 'packet', whose offsets flow_extract() has just set. */
static void
rewrite_headers(struct dp_packet *packet, uint16_t attr, const struct flow *f)
{
    switch (attr) {
    case OVS_KEY_ATTR_ETHERNET:
        packet_set_eth_addrs(packet, f->dl_src, f->dl_dst);
        break;
    case OVS_KEY_ATTR_IPV4:
        packet_set_ipv4(packet, f->nw_src, f->nw_dst, f->nw_tos, f->nw_ttl);
        break;
    case OVS_KEY_ATTR_IPV6:
        packet_set_ipv6(packet, &f->ipv6_src, &f->ipv6_dst, f->nw_tos,
                        f->ipv6_label, f->nw_ttl);
        break;
    case OVS_KEY_ATTR_TCP:
        packet_set_tcp_port(packet, f->tp_src, f->tp_dst);
        break;
    case OVS_KEY_ATTR_UDP:
        packet_set_udp_port(packet, f->tp_src, f->tp_dst);
        break;
    case OVS_KEY_ATTR_SCTP:
        packet_set_sctp_port(packet, f->tp_src, f->tp_dst);
        break;
    case OVS_KEY_ATTR_ICMP:
    case OVS_KEY_ATTR_ICMPV6:
        packet_set_icmp(packet, ntohs(f->tp_src), ntohs(f->tp_dst));
        break;
    case OVS_KEY_ATTR_ARP:
        packet_set_arp(packet, f->nw_proto, f->nw_src, f->nw_dst,
                       f->arp_sha, f->arp_tha);
        break;
    case OVS_KEY_ATTR_ND:
        packet_set_nd(packet, &f->nd_target, f->arp_sha, f->arp_tha);
        break;
    default:
        break;
    }
}

/* Whether 'cur' (freshly extracted) has the header that 'attr' names, so
 * that a set never writes into bytes that are something else. */
static bool
packet_has_header(const struct flow *cur, uint16_t attr)
{
    switch (attr) {
    case OVS_KEY_ATTR_ETHERNET:
        return true;
    case OVS_KEY_ATTR_IPV4:
        return cur->dl_type == htons(ETH_TYPE_IP);
    case OVS_KEY_ATTR_IPV6:
        return cur->dl_type == htons(ETH_TYPE_IPV6);
    case OVS_KEY_ATTR_TCP:
        return is_ip_any(cur) && cur->nw_proto == IPPROTO_TCP;
    case OVS_KEY_ATTR_UDP:
        return is_ip_any(cur) && cur->nw_proto == IPPROTO_UDP;
    case OVS_KEY_ATTR_SCTP:
        return is_ip_any(cur) && cur->nw_proto == IPPROTO_SCTP;
    case OVS_KEY_ATTR_ICMP:
        return is_icmpv4(cur);
    case OVS_KEY_ATTR_ICMPV6:
        return is_icmpv6(cur);
    case OVS_KEY_ATTR_ARP:
        return (cur->dl_type == htons(ETH_TYPE_ARP)
                || cur->dl_type == htons(ETH_TYPE_RARP));
    case OVS_KEY_ATTR_ND:
        return is_nd(cur);
    default:
        return false;
    }
}

static void
execute_set(struct dp_packet *packet, struct flow *md,
            const struct nlattr *action, bool masked)
{
    const struct nlattr *key = nl_attr_get(action);
    struct flow_wildcards mask;
    struct flow value;
    uint16_t attr;

    if (!nl_attr_is_valid(key, nl_attr_get_size(action))
        || !odp_set_action_to_flow(key, masked, &value, &mask)) {
        return;
    }
    attr = nl_attr_type(key);
    if (attr == OVS_KEY_ATTR_PRIORITY) {
        packet->md.skb_priority = ((packet->md.skb_priority
                                    & ~mask.masks.skb_priority)
                                   | value.skb_priority);
    } else if (attr == OVS_KEY_ATTR_SKB_MARK) {
        packet->md.pkt_mark = ((packet->md.pkt_mark & ~mask.masks.pkt_mark)
                               | value.pkt_mark);
    } else {
        struct flow cur;

        flow_extract(packet, &cur);
        if (!packet_has_header(&cur, attr)) {
            return;
        }
        flow_apply_masked(&cur, &value, &mask.masks);
        rewrite_headers(packet, attr, &cur);
    }
    if (md) {
        flow_apply_masked(md, &value, &mask.masks);
    }
}

static void
execute_push_vlan(struct dp_packet *packet, struct flow *md,
                  const struct nlattr *action)
{
    const struct ovs_action_push_vlan *pv = nl_attr_get(action);

    eth_push_vlan(packet, pv->vlan_tpid, pv->vlan_tci);
    if (md) {
        md->vlan_tci = pv->vlan_tci | htons(VLAN_CFI);
    }
}

static void
execute_pop_vlan(struct dp_packet *packet, struct flow *md)
{
    eth_pop_vlan(packet);
    if (md) {
        struct flow cur;

        /* An inner tag, if any, becomes the outer one. */
        flow_extract(packet, &cur);
        md->vlan_tci = cur.vlan_tci;
    }
}

static void
execute_clone(void *aux, const struct dp_packet *packet,
              const struct flow *md, const struct nlattr *action,
              odp_execute_cb *cb)
{
    struct dp_packet *copy = dp_packet_clone(packet);
    struct flow md_copy;

    if (md) {
        md_copy = *md;
    }
    odp_execute_actions(aux, copy, md ? &md_copy : NULL, nl_attr_get(action),
                        nl_attr_get_size(action), cb);
    dp_packet_delete(copy);
}

/* Forgets what connection tracking said about the packet: it becomes
 * untracked again, with zone, mark and label 0. */
static void
execute_ct_clear(struct dp_packet *packet, struct flow *md)
{
    packet->md.ct_state = 0;
    packet->md.ct_zone = 0;
    packet->md.ct_mark = 0;
    memset(&packet->md.ct_label, 0, sizeof packet->md.ct_label);
    if (md) {
        md->ct_state = 0;
        md->ct_zone = 0;
        md->ct_mark = 0;
        memset(&md->ct_label, 0, sizeof md->ct_label);
    }
}

void
odp_execute_actions(void *aux, struct dp_packet *packet, struct flow *md,
                    const struct nlattr *actions, size_t len,
                    odp_execute_cb *cb)
{
    const struct nlattr *a;
    size_t left;

    NL_ATTR_FOR_EACH (a, left, actions, len) {
        switch ((enum ovs_action_attr) nl_attr_type(a)) {
        case OVS_ACTION_ATTR_OUTPUT:
        case OVS_ACTION_ATTR_RECIRC:
            if (nl_attr_get_size(a) == sizeof(uint32_t) && cb) {
                cb(aux, packet, a);
            }
            break;
        case OVS_ACTION_ATTR_USERSPACE:
            if (cb) {
                cb(aux, packet, a);
            }
            break;
        case OVS_ACTION_ATTR_CT:
            if (cb) {
                cb(aux, packet, a);
            }
            if (md) {
                /* The callback leaves the tracker's verdict in the
                 * packet's metadata; keep 'md' in step. */
                md->ct_state = packet->md.ct_state;
                md->ct_zone = packet->md.ct_zone;
                md->ct_mark = packet->md.ct_mark;
                md->ct_label = packet->md.ct_label;
            }
            break;
        case OVS_ACTION_ATTR_CT_CLEAR:
            execute_ct_clear(packet, md);
            break;
        case OVS_ACTION_ATTR_SET:
            execute_set(packet, md, a, false);
            break;
        case OVS_ACTION_ATTR_SET_MASKED:
            execute_set(packet, md, a, true);
            break;
        case OVS_ACTION_ATTR_PUSH_VLAN:
            if (nl_attr_get_size(a) == sizeof(struct ovs_action_push_vlan)) {
                execute_push_vlan(packet, md, a);
            }
            break;
        case OVS_ACTION_ATTR_POP_VLAN:
            execute_pop_vlan(packet, md);
            break;
        case OVS_ACTION_ATTR_CLONE:
            execute_clone(aux, packet, md, a, cb);
            break;
        default:
            /* Not supported by this datapath; odp_actions_validate()
             * rejects these before they get here. */
            break;
        }
    }
}
