/*
 * OpenFlow 1.2 wire definitions: OXM match classes, set_field, the
 * OF1.2 packet-in, role messages and table stats.  Bodies exclude the
 * struct ofp_header.
 */

#ifndef OPENFLOW_OPENFLOW_1_2_H
#define OPENFLOW_OPENFLOW_1_2_H 1

#include "openflow/openflow-1.1.h"

/* OXM classes. */
enum ofp12_oxm_class {
    OFPXMC12_NXM_0 = 0x0000,            /* Nicira NXM_OF_*. */
    OFPXMC12_NXM_1 = 0x0001,            /* Nicira NXM_NX_*. */
    OFPXMC12_OPENFLOW_BASIC = 0x8000,
    OFPXMC15_PACKET_REGS = 0x8001,
    OFPXMC12_EXPERIMENTER = 0xffff,
};

/* Capability added in OF1.2. */
enum ofp12_capabilities {
    OFPC12_PORT_BLOCKED = 1 << 8,
};

/* OFPAT12_SET_FIELD header; an OXM TLV and padding follow. */
struct ofp12_action_set_field {
    ovs_be16 type;
    ovs_be16 len;
};
OFP_ASSERT(sizeof(struct ofp12_action_set_field) == 4);

/* OFPT_PACKET_IN body (OF1.2); OXM match, 2 pad bytes, packet follow. */
struct ofp12_packet_in {
    ovs_be32 buffer_id;
    ovs_be16 total_len;
    uint8_t reason;
    uint8_t table_id;
};
OFP_ASSERT(sizeof(struct ofp12_packet_in) == 8);

/* OF1.2 flow-mod flag. */
enum ofp12_flow_mod_flags {
    OFPFF12_RESET_COUNTS = 1 << 2,
};

/* OFPST_TABLE reply entry (OF1.2 only). */
struct ofp12_table_stats {
    uint8_t table_id;
    uint8_t pad[7];
    char name[OFP_MAX_TABLE_NAME_LEN];
    ovs_be64 match;
    ovs_be64 wildcards;
    ovs_be32 write_actions;
    ovs_be32 apply_actions;
    ovs_be64 write_setfields;
    ovs_be64 apply_setfields;
    ovs_be64 metadata_match;
    ovs_be64 metadata_write;
    ovs_be32 instructions;
    ovs_be32 config;
    ovs_be32 max_entries;
    ovs_be32 active_count;
    ovs_be64 lookup_count;
    ovs_be64 matched_count;
};
OFP_ASSERT(sizeof(struct ofp12_table_stats) == 128);

#endif /* openflow/openflow-1.2.h */
