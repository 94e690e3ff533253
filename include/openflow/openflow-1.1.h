/*
 * OpenFlow 1.1 wire definitions: 32-bit port numbers, ofp11_match,
 * instructions and the message bodies that OF1.1 introduced or changed.
 * Later versions (1.2 ... 1.5) reuse most of these.  Bodies exclude the
 * struct ofp_header.
 */

#ifndef OPENFLOW_OPENFLOW_1_1_H
#define OPENFLOW_OPENFLOW_1_1_H 1

#include "openflow/openflow-common.h"

/* 32-bit port numbers.  Reserved ports are OFPP11_MAX + 1 and up; they map
 * onto the 16-bit OF1.0 reserved ports by adding OFPP11_OFFSET. */
#define OFPP11_MAX    OFP11_PORT_C(0xffffff00)
#define OFPP11_OFFSET 0xffff0000
#define OFPP11_ANY    OFP11_PORT_C(0xffffffff) /* = OFPP_NONE + offset. */

/* Group numbers. */
#define OFPG11_MAX 0xffffff00
#define OFPG_ALL   0xfffffffc
#define OFPG_ANY   0xffffffff

/* Port config bits (OF1.1+). */
enum ofp11_port_config {
    OFPPC_PORT_DOWN = 1 << 0,
    OFPPC_NO_RECV = 1 << 2,
    OFPPC_NO_FWD = 1 << 5,
    OFPPC_NO_PACKET_IN = 1 << 6,
#define OFPPC11_ALL (OFPPC_PORT_DOWN | OFPPC_NO_RECV | OFPPC_NO_FWD | \
                     OFPPC_NO_PACKET_IN)
};

/* Port state bits (OF1.1+). */
enum ofp11_port_state {
    OFPPS_LINK_DOWN = 1 << 0,
    OFPPS11_BLOCKED = 1 << 1,
    OFPPS11_LIVE = 1 << 2,
#define OFPPS11_ALL (OFPPS_LINK_DOWN | OFPPS11_BLOCKED | OFPPS11_LIVE)
};

/* Port feature bits (OF1.1+). */
enum ofp11_port_features {
    OFPPF11_10MB_HD = 1 << 0,
    OFPPF11_10MB_FD = 1 << 1,
    OFPPF11_100MB_HD = 1 << 2,
    OFPPF11_100MB_FD = 1 << 3,
    OFPPF11_1GB_HD = 1 << 4,
    OFPPF11_1GB_FD = 1 << 5,
    OFPPF11_10GB_FD = 1 << 6,
    OFPPF11_40GB_FD = 1 << 7,
    OFPPF11_100GB_FD = 1 << 8,
    OFPPF11_1TB_FD = 1 << 9,
    OFPPF11_OTHER = 1 << 10,
    OFPPF11_COPPER = 1 << 11,
    OFPPF11_FIBER = 1 << 12,
    OFPPF11_AUTONEG = 1 << 13,
    OFPPF11_PAUSE = 1 << 14,
    OFPPF11_PAUSE_ASYM = 1 << 15,
#define OFPPF11_ALL ((1 << 16) - 1)
};

/* Port description (OF1.1 through OF1.3). */
struct ofp11_port {
    ovs_be32 port_no;
    uint8_t pad[4];
    uint8_t hw_addr[OFP_ETH_ALEN];
    uint8_t pad2[2];
    char name[OFP_MAX_PORT_NAME_LEN];
    ovs_be32 config;
    ovs_be32 state;
    ovs_be32 curr;
    ovs_be32 advertised;
    ovs_be32 supported;
    ovs_be32 peer;
    ovs_be32 curr_speed;        /* kbps. */
    ovs_be32 max_speed;         /* kbps. */
};
OFP_ASSERT(sizeof(struct ofp11_port) == 64);

/* OFPT_PORT_MOD body (OF1.1 through OF1.3). */
struct ofp11_port_mod {
    ovs_be32 port_no;
    uint8_t pad[4];
    uint8_t hw_addr[OFP_ETH_ALEN];
    uint8_t pad2[2];
    ovs_be32 config;
    ovs_be32 mask;
    ovs_be32 advertise;
    uint8_t pad3[4];
};
OFP_ASSERT(sizeof(struct ofp11_port_mod) == 32);

/* Capabilities added in OF1.1. */
enum ofp11_capabilities {
    OFPC11_GROUP_STATS = 1 << 3,
};

/* OFPT_FEATURES_REPLY body (OF1.1+; ports follow through OF1.2). */
struct ofp11_switch_features {
    ovs_be64 datapath_id;
    ovs_be32 n_buffers;
    uint8_t n_tables;
    uint8_t auxiliary_id;       /* OF1.3+. */
    uint8_t pad[2];
    ovs_be32 capabilities;
    ovs_be32 reserved;
};
OFP_ASSERT(sizeof(struct ofp11_switch_features) == 24);

/* OF1.1 action types (OF1.2+ add set_field and more). */
enum ofp11_action_type {
    OFPAT11_OUTPUT,
    OFPAT11_SET_VLAN_VID,
    OFPAT11_SET_VLAN_PCP,
    OFPAT11_SET_DL_SRC,
    OFPAT11_SET_DL_DST,
    OFPAT11_SET_NW_SRC,
    OFPAT11_SET_NW_DST,
    OFPAT11_SET_NW_TOS,
    OFPAT11_SET_NW_ECN,
    OFPAT11_SET_TP_SRC,
    OFPAT11_SET_TP_DST,
    OFPAT11_COPY_TTL_OUT,
    OFPAT11_COPY_TTL_IN,
    OFPAT11_SET_MPLS_LABEL,
    OFPAT11_SET_MPLS_TC,
    OFPAT11_SET_MPLS_TTL,
    OFPAT11_DEC_MPLS_TTL,
    OFPAT11_PUSH_VLAN,
    OFPAT11_POP_VLAN,
    OFPAT11_PUSH_MPLS,
    OFPAT11_POP_MPLS,
    OFPAT11_SET_QUEUE,
    OFPAT11_GROUP,
    OFPAT11_SET_NW_TTL,
    OFPAT11_DEC_NW_TTL,
    OFPAT12_SET_FIELD,
    OFPAT13_PUSH_PBB,
    OFPAT13_POP_PBB,
    OFPAT11_EXPERIMENTER = 0xffff
};

/* OFPAT11_OUTPUT. */
struct ofp11_action_output {
    ovs_be16 type;
    ovs_be16 len;               /* 16. */
    ovs_be32 port;
    ovs_be16 max_len;
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct ofp11_action_output) == 16);

/* Instruction types. */
enum ofp11_instruction_type {
    OFPIT11_GOTO_TABLE = 1,
    OFPIT11_WRITE_METADATA = 2,
    OFPIT11_WRITE_ACTIONS = 3,
    OFPIT11_APPLY_ACTIONS = 4,
    OFPIT11_CLEAR_ACTIONS = 5,
    OFPIT13_METER = 6,
    OFPIT11_EXPERIMENTER = 0xffff
};

/* Generic instruction header. */
struct ofp11_instruction {
    ovs_be16 type;
    ovs_be16 len;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp11_instruction) == 8);

struct ofp11_instruction_goto_table {
    ovs_be16 type;
    ovs_be16 len;               /* 8. */
    uint8_t table_id;
    uint8_t pad[3];
};
OFP_ASSERT(sizeof(struct ofp11_instruction_goto_table) == 8);

struct ofp11_instruction_write_metadata {
    ovs_be16 type;
    ovs_be16 len;               /* 24. */
    uint8_t pad[4];
    ovs_be64 metadata;
    ovs_be64 metadata_mask;
};
OFP_ASSERT(sizeof(struct ofp11_instruction_write_metadata) == 24);

/* WRITE_ACTIONS, APPLY_ACTIONS, CLEAR_ACTIONS; actions follow. */
struct ofp11_instruction_actions {
    ovs_be16 type;
    ovs_be16 len;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp11_instruction_actions) == 8);

struct ofp13_instruction_meter {
    ovs_be16 type;
    ovs_be16 len;               /* 8. */
    ovs_be32 meter_id;
};
OFP_ASSERT(sizeof(struct ofp13_instruction_meter) == 8);

struct ofp11_instruction_experimenter {
    ovs_be16 type;
    ovs_be16 len;
    ovs_be32 experimenter;
};
OFP_ASSERT(sizeof(struct ofp11_instruction_experimenter) == 8);

/* Match types (struct ofp11_match_header 'type'). */
enum ofp11_match_type {
    OFPMT_STANDARD = 0,         /* OF1.1 ofp11_match. */
    OFPMT_OXM = 1,              /* OF1.2+ OXM TLVs. */
};

struct ofp11_match_header {
    ovs_be16 type;
    ovs_be16 length;
};
OFP_ASSERT(sizeof(struct ofp11_match_header) == 4);

/* Wildcard bits of ofp11_match. */
enum ofp11_flow_match_fields {
    OFPFMF11_IN_PORT = 1 << 0,
    OFPFMF11_DL_VLAN = 1 << 1,
    OFPFMF11_DL_VLAN_PCP = 1 << 2,
    OFPFMF11_DL_TYPE = 1 << 3,
    OFPFMF11_NW_TOS = 1 << 4,
    OFPFMF11_NW_PROTO = 1 << 5,
    OFPFMF11_TP_SRC = 1 << 6,
    OFPFMF11_TP_DST = 1 << 7,
    OFPFMF11_MPLS_LABEL = 1 << 8,
    OFPFMF11_MPLS_TC = 1 << 9,
    OFPFMF11_TYPE = 1 << 10,
    OFPFMF11_ALL = ((1 << 11) - 1)
};

/* Special dl_vlan values. */
enum ofp11_vlan_id {
    OFPVID11_ANY = 0xfffe,
    OFPVID11_NONE = 0xffff
};

#define OFPMT11_STANDARD_LENGTH 88

/* OF1.1 fixed match. */
struct ofp11_match {
    struct ofp11_match_header omh;
    ovs_be32 in_port;
    ovs_be32 wildcards;
    uint8_t dl_src[OFP_ETH_ALEN];
    uint8_t dl_src_mask[OFP_ETH_ALEN];
    uint8_t dl_dst[OFP_ETH_ALEN];
    uint8_t dl_dst_mask[OFP_ETH_ALEN];
    ovs_be16 dl_vlan;
    uint8_t dl_vlan_pcp;
    uint8_t pad1[1];
    ovs_be16 dl_type;
    uint8_t nw_tos;
    uint8_t nw_proto;
    ovs_be32 nw_src;
    ovs_be32 nw_src_mask;
    ovs_be32 nw_dst;
    ovs_be32 nw_dst_mask;
    ovs_be16 tp_src;
    ovs_be16 tp_dst;
    ovs_be32 mpls_label;
    uint8_t mpls_tc;
    uint8_t pad2[3];
    ovs_be64 metadata;
    ovs_be64 metadata_mask;
};
OFP_ASSERT(sizeof(struct ofp11_match) == OFPMT11_STANDARD_LENGTH);

/* OFPT_FLOW_MOD body (OF1.1+); match then instructions follow. */
struct ofp11_flow_mod {
    ovs_be64 cookie;
    ovs_be64 cookie_mask;
    uint8_t table_id;
    uint8_t command;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 priority;
    ovs_be32 buffer_id;
    ovs_be32 out_port;
    ovs_be32 out_group;
    ovs_be16 flags;
    ovs_be16 importance;        /* OF1.4+; pad before. */
};
OFP_ASSERT(sizeof(struct ofp11_flow_mod) == 40);

/* OFPT_FLOW_REMOVED body (OF1.1 through OF1.4); match follows. */
struct ofp11_flow_removed {
    ovs_be64 cookie;
    ovs_be16 priority;
    uint8_t reason;
    uint8_t table_id;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be64 packet_count;
    ovs_be64 byte_count;
};
OFP_ASSERT(sizeof(struct ofp11_flow_removed) == 40);

/* OFPT_PACKET_IN body (OF1.1 only); the packet follows. */
struct ofp11_packet_in {
    ovs_be32 buffer_id;
    ovs_be32 in_port;
    ovs_be32 in_phy_port;
    ovs_be16 total_len;
    uint8_t reason;
    uint8_t table_id;
};
OFP_ASSERT(sizeof(struct ofp11_packet_in) == 16);

/* OFPT_PACKET_OUT body (OF1.1 through OF1.4); actions then packet. */
struct ofp11_packet_out {
    ovs_be32 buffer_id;
    ovs_be32 in_port;
    ovs_be16 actions_len;
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct ofp11_packet_out) == 16);

/* Stats/multipart message header (OF1.1+), including the ofp_header. */
struct ofp11_stats_msg {
    struct ofp_header header;
    ovs_be16 type;
    ovs_be16 flags;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp11_stats_msg) == 16);

/* Experimenter stats header (OF1.1+), including the ofp_header. */
struct ofp11_vendor_stats_msg {
    struct ofp11_stats_msg osm; /* type == OFPST_VENDOR (0xffff). */
    ovs_be32 vendor;
    ovs_be32 subtype;
};
OFP_ASSERT(sizeof(struct ofp11_vendor_stats_msg) == 24);

/* OFPMP_FLOW / OFPMP_AGGREGATE request body (OF1.1+); match follows. */
struct ofp11_flow_stats_request {
    uint8_t table_id;
    uint8_t pad[3];
    ovs_be32 out_port;
    ovs_be32 out_group;
    uint8_t pad2[4];
    ovs_be64 cookie;
    ovs_be64 cookie_mask;
};
OFP_ASSERT(sizeof(struct ofp11_flow_stats_request) == 32);

/* OFPMP_FLOW reply entry (OF1.1+; OF1.3 puts flags in pad2[0..1]); match
 * then instructions follow. */
struct ofp11_flow_stats {
    ovs_be16 length;
    uint8_t table_id;
    uint8_t pad;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 priority;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 flags;             /* OF1.3+; pad before. */
    ovs_be16 importance;        /* OF1.4+; pad before. */
    uint8_t pad2[2];
    ovs_be64 cookie;
    ovs_be64 packet_count;
    ovs_be64 byte_count;
};
OFP_ASSERT(sizeof(struct ofp11_flow_stats) == 48);

/* OFPST_TABLE reply entry (OF1.1 only). */
struct ofp11_table_stats {
    uint8_t table_id;
    uint8_t pad[7];
    char name[OFP_MAX_TABLE_NAME_LEN];
    ovs_be32 wildcards;
    ovs_be32 match;
    ovs_be32 instructions;
    ovs_be32 write_actions;
    ovs_be32 apply_actions;
    ovs_be32 config;
    ovs_be32 max_entries;
    ovs_be32 active_count;
    ovs_be64 lookup_count;
    ovs_be64 matched_count;
};
OFP_ASSERT(sizeof(struct ofp11_table_stats) == 88);

/* The "config" of a flow table (OF1.1 and OF1.2): what a table miss does. */
enum ofp11_table_config {
    OFPTC11_TABLE_MISS_CONTROLLER = 0,  /* Send to the controller. */
    OFPTC11_TABLE_MISS_CONTINUE = 1,    /* Go on to the next table. */
    OFPTC11_TABLE_MISS_DROP = 2,        /* Drop the packet. */
    OFPTC11_TABLE_MISS_MASK = 3
};

/* OFPST_PORT request body (OF1.1+). */
struct ofp11_port_stats_request {
    ovs_be32 port_no;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp11_port_stats_request) == 8);

/* OFPST_PORT reply entry (OF1.1 and OF1.2). */
struct ofp11_port_stats {
    ovs_be32 port_no;
    uint8_t pad[4];
    ovs_be64 rx_packets;
    ovs_be64 tx_packets;
    ovs_be64 rx_bytes;
    ovs_be64 tx_bytes;
    ovs_be64 rx_dropped;
    ovs_be64 tx_dropped;
    ovs_be64 rx_errors;
    ovs_be64 tx_errors;
    ovs_be64 rx_frame_err;
    ovs_be64 rx_over_err;
    ovs_be64 rx_crc_err;
    ovs_be64 collisions;
};
OFP_ASSERT(sizeof(struct ofp11_port_stats) == 104);

/* OFPST_QUEUE request body (OF1.1+). */
struct ofp11_queue_stats_request {
    ovs_be32 port_no;
    ovs_be32 queue_id;
};
OFP_ASSERT(sizeof(struct ofp11_queue_stats_request) == 8);

/* Table config (OFPT_TABLE_MOD, OF1.1+). */
struct ofp11_table_mod {
    uint8_t table_id;
    uint8_t pad[3];
    ovs_be32 config;
};
OFP_ASSERT(sizeof(struct ofp11_table_mod) == 8);

#endif /* openflow/openflow-1.1.h */
