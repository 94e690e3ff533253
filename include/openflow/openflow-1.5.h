/*
 * OpenFlow 1.5 wire definitions: the packet-out with a match, the OF1.5
 * flow-removed and flow-stats layouts.  Bodies exclude the struct
 * ofp_header.
 */

#ifndef OPENFLOW_OPENFLOW_1_5_H
#define OPENFLOW_OPENFLOW_1_5_H 1

#include "openflow/openflow-1.4.h"

/* OFPT_PACKET_OUT body (OF1.5+); OXM match, actions, packet follow. */
struct ofp15_packet_out {
    ovs_be32 buffer_id;
    ovs_be16 actions_len;
    uint8_t pad[2];
};
OFP_ASSERT(sizeof(struct ofp15_packet_out) == 8);

/* OFPT_FLOW_REMOVED body (OF1.5+); OXM match and OXS stats follow. */
struct ofp15_flow_removed {
    uint8_t table_id;
    uint8_t reason;
    ovs_be16 priority;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be64 cookie;
};
OFP_ASSERT(sizeof(struct ofp15_flow_removed) == 16);

/* OF1.5 OXS (statistics TLV) classes and fields. */
#define OFPXSC_OPENFLOW_BASIC 0x8002
enum oxs_ofb_stat_fields {
    OFPXST_OFB_DURATION = 0,
    OFPXST_OFB_IDLE_TIME = 1,
    OFPXST_OFB_FLOW_COUNT = 3,
    OFPXST_OFB_PACKET_COUNT = 4,
    OFPXST_OFB_BYTE_COUNT = 5,
};

/* OFPMP_FLOW_DESC/FLOW_STATS reply entry (OF1.5); match and stats
 * follow. */
struct ofp15_flow_desc {
    ovs_be16 length;
    uint8_t pad2[2];
    uint8_t table_id;
    uint8_t reason;
    ovs_be16 priority;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 flags;
    ovs_be16 importance;
    ovs_be64 cookie;
};
OFP_ASSERT(sizeof(struct ofp15_flow_desc) == 24);

/* Port-status reasons are unchanged; OF1.5 adds packet-in reasons. */

#endif /* openflow/openflow-1.5.h */
