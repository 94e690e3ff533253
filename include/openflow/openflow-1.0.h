/*
 * OpenFlow 1.0 wire definitions: 16-bit port numbers, the fixed
 * ofp10_match, OF1.0 actions and message bodies.  Bodies exclude the
 * struct ofp_header (see openflow-common.h).
 */

#ifndef OPENFLOW_OPENFLOW_1_0_H
#define OPENFLOW_OPENFLOW_1_0_H 1

#include "openflow/openflow-common.h"

/* Port numbers (16 bits).  Physical ports are 1 ... OFPP_MAX - 1. */
#define OFPP_MAX        OFP_PORT_C(0xff00)
#define OFPP_UNSET      OFP_PORT_C(0xfff7) /* Internal: "not set". */
#define OFPP_IN_PORT    OFP_PORT_C(0xfff8)
#define OFPP_TABLE      OFP_PORT_C(0xfff9)
#define OFPP_NORMAL     OFP_PORT_C(0xfffa)
#define OFPP_FLOOD      OFP_PORT_C(0xfffb)
#define OFPP_ALL        OFP_PORT_C(0xfffc)
#define OFPP_CONTROLLER OFP_PORT_C(0xfffd)
#define OFPP_LOCAL      OFP_PORT_C(0xfffe)
#define OFPP_NONE       OFP_PORT_C(0xffff)

/* OF1.0 port config bits. */
enum ofp10_port_config {
    OFPPC10_PORT_DOWN = 1 << 0,
    OFPPC10_NO_STP = 1 << 1,
    OFPPC10_NO_RECV = 1 << 2,
    OFPPC10_NO_RECV_STP = 1 << 3,
    OFPPC10_NO_FLOOD = 1 << 4,
    OFPPC10_NO_FWD = 1 << 5,
    OFPPC10_NO_PACKET_IN = 1 << 6,
#define OFPPC10_ALL 0x7f
};

/* OF1.0 port state bits. */
enum ofp10_port_state {
    OFPPS10_LINK_DOWN = 1 << 0,
    OFPPS10_STP_LISTEN = 0 << 8,
    OFPPS10_STP_LEARN = 1 << 8,
    OFPPS10_STP_FORWARD = 2 << 8,
    OFPPS10_STP_BLOCK = 3 << 8,
    OFPPS10_STP_MASK = 3 << 8,
};

/* OF1.0 port feature bits. */
enum ofp10_port_features {
    OFPPF10_10MB_HD = 1 << 0,
    OFPPF10_10MB_FD = 1 << 1,
    OFPPF10_100MB_HD = 1 << 2,
    OFPPF10_100MB_FD = 1 << 3,
    OFPPF10_1GB_HD = 1 << 4,
    OFPPF10_1GB_FD = 1 << 5,
    OFPPF10_10GB_FD = 1 << 6,
    OFPPF10_COPPER = 1 << 7,
    OFPPF10_FIBER = 1 << 8,
    OFPPF10_AUTONEG = 1 << 9,
    OFPPF10_PAUSE = 1 << 10,
    OFPPF10_PAUSE_ASYM = 1 << 11,
};

/* OF1.0 port description. */
struct ofp10_phy_port {
    ovs_be16 port_no;
    uint8_t hw_addr[OFP_ETH_ALEN];
    char name[OFP_MAX_PORT_NAME_LEN];
    ovs_be32 config;
    ovs_be32 state;
    ovs_be32 curr;
    ovs_be32 advertised;
    ovs_be32 supported;
    ovs_be32 peer;
};
OFP_ASSERT(sizeof(struct ofp10_phy_port) == 48);

/* OFPT_PORT_MOD body. */
struct ofp10_port_mod {
    ovs_be16 port_no;
    uint8_t hw_addr[OFP_ETH_ALEN];
    ovs_be32 config;
    ovs_be32 mask;
    ovs_be32 advertise;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp10_port_mod) == 24);

/* OF1.0 capabilities beyond the common ones. */
enum ofp10_capabilities {
    OFPC10_STP = 1 << 3,
    OFPC10_RESERVED = 1 << 4,
    OFPC10_ARP_MATCH_IP = 1 << 7,
};

/* OFPT_FEATURES_REPLY body (OF1.0); ports follow. */
struct ofp10_switch_features {
    ovs_be64 datapath_id;
    ovs_be32 n_buffers;
    uint8_t n_tables;
    uint8_t pad[3];
    ovs_be32 capabilities;
    ovs_be32 actions;           /* Bitmap of supported OFPAT10_*. */
};
OFP_ASSERT(sizeof(struct ofp10_switch_features) == 24);

/* OF1.0 action types. */
enum ofp10_action_type {
    OFPAT10_OUTPUT,
    OFPAT10_SET_VLAN_VID,
    OFPAT10_SET_VLAN_PCP,
    OFPAT10_STRIP_VLAN,
    OFPAT10_SET_DL_SRC,
    OFPAT10_SET_DL_DST,
    OFPAT10_SET_NW_SRC,
    OFPAT10_SET_NW_DST,
    OFPAT10_SET_NW_TOS,
    OFPAT10_SET_TP_SRC,
    OFPAT10_SET_TP_DST,
    OFPAT10_ENQUEUE,
    OFPAT10_VENDOR = 0xffff
};

/* OFPAT10_OUTPUT. */
struct ofp10_action_output {
    ovs_be16 type;
    ovs_be16 len;               /* 8. */
    ovs_be16 port;
    ovs_be16 max_len;
};
OFP_ASSERT(sizeof(struct ofp10_action_output) == 8);

/* OFPAT10_ENQUEUE. */
struct ofp10_action_enqueue {
    ovs_be16 type;
    ovs_be16 len;               /* 16. */
    ovs_be16 port;
    uint8_t pad[6];
    ovs_be32 queue_id;
};
OFP_ASSERT(sizeof(struct ofp10_action_enqueue) == 16);

/* Wildcard bits of ofp10_match. */
enum ofp10_flow_wildcards {
    OFPFW10_IN_PORT = 1 << 0,
    OFPFW10_DL_VLAN = 1 << 1,
    OFPFW10_DL_SRC = 1 << 2,
    OFPFW10_DL_DST = 1 << 3,
    OFPFW10_DL_TYPE = 1 << 4,
    OFPFW10_NW_PROTO = 1 << 5,
    OFPFW10_TP_SRC = 1 << 6,
    OFPFW10_TP_DST = 1 << 7,
    /* 6 bits: number of wildcarded low bits of nw_src (>= 32 = all). */
    OFPFW10_NW_SRC_SHIFT = 8,
    OFPFW10_NW_SRC_BITS = 6,
    OFPFW10_NW_SRC_MASK = ((1 << OFPFW10_NW_SRC_BITS) - 1)
                          << OFPFW10_NW_SRC_SHIFT,
    OFPFW10_NW_SRC_ALL = 32 << OFPFW10_NW_SRC_SHIFT,
    OFPFW10_NW_DST_SHIFT = 14,
    OFPFW10_NW_DST_BITS = 6,
    OFPFW10_NW_DST_MASK = ((1 << OFPFW10_NW_DST_BITS) - 1)
                          << OFPFW10_NW_DST_SHIFT,
    OFPFW10_NW_DST_ALL = 32 << OFPFW10_NW_DST_SHIFT,
    OFPFW10_DL_VLAN_PCP = 1 << 20,
    OFPFW10_NW_TOS = 1 << 21,
    OFPFW10_ALL = ((1 << 22) - 1)
};

/* "No VLAN" value of dl_vlan. */
#define OFP10_VLAN_NONE 0xffff

/* OF1.0 flow match. */
struct ofp10_match {
    ovs_be32 wildcards;
    ovs_be16 in_port;
    uint8_t dl_src[OFP_ETH_ALEN];
    uint8_t dl_dst[OFP_ETH_ALEN];
    ovs_be16 dl_vlan;
    uint8_t dl_vlan_pcp;
    uint8_t pad1[1];
    ovs_be16 dl_type;
    uint8_t nw_tos;
    uint8_t nw_proto;
    uint8_t pad2[2];
    ovs_be32 nw_src;
    ovs_be32 nw_dst;
    ovs_be16 tp_src;
    ovs_be16 tp_dst;
};
OFP_ASSERT(sizeof(struct ofp10_match) == 40);

/* OF1.0-only flow-mod flag. */
enum ofp10_flow_mod_flags {
    OFPFF10_EMERG = 1 << 2,
};

/* OFPT_FLOW_MOD body (OF1.0); actions follow. */
struct ofp10_flow_mod {
    struct ofp10_match match;
    ovs_be64 cookie;
    ovs_be16 command;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 priority;
    ovs_be32 buffer_id;
    ovs_be16 out_port;
    ovs_be16 flags;
};
OFP_ASSERT(sizeof(struct ofp10_flow_mod) == 64);

/* OFPT_FLOW_REMOVED body (OF1.0). */
struct ofp10_flow_removed {
    struct ofp10_match match;
    ovs_be64 cookie;
    ovs_be16 priority;
    uint8_t reason;
    uint8_t pad[1];
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 idle_timeout;
    uint8_t pad2[2];
    ovs_be64 packet_count;
    ovs_be64 byte_count;
};
OFP_ASSERT(sizeof(struct ofp10_flow_removed) == 80);

/* OFPT_PACKET_IN body (OF1.0); the packet follows at offset 10. */
struct ofp10_packet_in {
    ovs_be32 buffer_id;
    ovs_be16 total_len;
    ovs_be16 in_port;
    uint8_t reason;
    uint8_t pad;
    uint8_t data[];
};
#define OFP10_PACKET_IN_SIZE 10
OFP_ASSERT(offsetof(struct ofp10_packet_in, data) == OFP10_PACKET_IN_SIZE);

/* OFPT_PACKET_OUT body (OF1.0); actions then the packet follow. */
struct ofp10_packet_out {
    ovs_be32 buffer_id;
    ovs_be16 in_port;
    ovs_be16 actions_len;
};
OFP_ASSERT(sizeof(struct ofp10_packet_out) == 8);

/* Stats message header (OF1.0), including the ofp_header. */
struct ofp10_stats_msg {
    struct ofp_header header;
    ovs_be16 type;              /* OFPST_*. */
    ovs_be16 flags;
};
OFP_ASSERT(sizeof(struct ofp10_stats_msg) == 12);

/* Vendor stats header (OF1.0), including the ofp_header. */
struct ofp10_vendor_stats_msg {
    struct ofp10_stats_msg osm; /* type == OFPST_VENDOR (0xffff). */
    ovs_be32 vendor;
};
OFP_ASSERT(sizeof(struct ofp10_vendor_stats_msg) == 16);

/* OFPST_FLOW / OFPST_AGGREGATE request body (OF1.0). */
struct ofp10_flow_stats_request {
    struct ofp10_match match;
    uint8_t table_id;
    uint8_t pad;
    ovs_be16 out_port;
};
OFP_ASSERT(sizeof(struct ofp10_flow_stats_request) == 44);

/* OFPST_FLOW reply entry (OF1.0); actions follow. */
struct ofp10_flow_stats {
    ovs_be16 length;
    uint8_t table_id;
    uint8_t pad;
    struct ofp10_match match;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 priority;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    uint8_t pad2[6];
    ovs_32aligned_be64 cookie;
    ovs_32aligned_be64 packet_count;
    ovs_32aligned_be64 byte_count;
};
OFP_ASSERT(sizeof(struct ofp10_flow_stats) == 88);

/* OFPST_TABLE reply entry (OF1.0). */
struct ofp10_table_stats {
    uint8_t table_id;
    uint8_t pad[3];
    char name[OFP_MAX_TABLE_NAME_LEN];
    ovs_be32 wildcards;
    ovs_be32 max_entries;
    ovs_be32 active_count;
    ovs_32aligned_be64 lookup_count;
    ovs_32aligned_be64 matched_count;
};
OFP_ASSERT(sizeof(struct ofp10_table_stats) == 64);

/* OFPST_PORT request body (OF1.0). */
struct ofp10_port_stats_request {
    ovs_be16 port_no;
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct ofp10_port_stats_request) == 8);

/* OFPST_PORT reply entry (OF1.0). */
struct ofp10_port_stats {
    ovs_be16 port_no;
    uint8_t pad[6];
    ovs_32aligned_be64 rx_packets;
    ovs_32aligned_be64 tx_packets;
    ovs_32aligned_be64 rx_bytes;
    ovs_32aligned_be64 tx_bytes;
    ovs_32aligned_be64 rx_dropped;
    ovs_32aligned_be64 tx_dropped;
    ovs_32aligned_be64 rx_errors;
    ovs_32aligned_be64 tx_errors;
    ovs_32aligned_be64 rx_frame_err;
    ovs_32aligned_be64 rx_over_err;
    ovs_32aligned_be64 rx_crc_err;
    ovs_32aligned_be64 collisions;
};
OFP_ASSERT(sizeof(struct ofp10_port_stats) == 104);

/* OFPST_QUEUE request body (OF1.0). */
struct ofp10_queue_stats_request {
    ovs_be16 port_no;
    uint8_t pad[2];
    ovs_be32 queue_id;
};
OFP_ASSERT(sizeof(struct ofp10_queue_stats_request) == 8);

#define OFPQ_ALL 0xffffffff

#endif /* openflow/openflow-1.0.h */
