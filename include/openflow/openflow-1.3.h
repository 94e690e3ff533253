/*
 * OpenFlow 1.3 wire definitions: multipart types, the OF1.3 packet-in,
 * flow/table/port stats layouts, meters (numbers only) and flow-mod flags.
 * Bodies exclude the struct ofp_header.
 */

#ifndef OPENFLOW_OPENFLOW_1_3_H
#define OPENFLOW_OPENFLOW_1_3_H 1

#include "openflow/openflow-1.2.h"

/* Multipart (stats) types; OF1.0-1.2 call them OFPST_*. */
enum ofp13_multipart_type {
    OFPMP13_DESC = 0,
    OFPMP13_FLOW = 1,
    OFPMP13_AGGREGATE = 2,
    OFPMP13_TABLE = 3,
    OFPMP13_PORT_STATS = 4,
    OFPMP13_QUEUE = 5,
    OFPMP13_GROUP = 6,
    OFPMP13_GROUP_DESC = 7,
    OFPMP13_GROUP_FEATURES = 8,
    OFPMP13_METER = 9,
    OFPMP13_METER_CONFIG = 10,
    OFPMP13_METER_FEATURES = 11,
    OFPMP13_TABLE_FEATURES = 12,
    OFPMP13_PORT_DESC = 13,
    OFPMP14_TABLE_DESC = 14,
    OFPMP14_QUEUE_DESC = 15,
    OFPMP14_FLOW_MONITOR = 16,
    OFPMP13_EXPERIMENTER = 0xffff
};

/* OF1.3 flow-mod flags. */
enum ofp13_flow_mod_flags {
    OFPFF13_NO_PKT_COUNTS = 1 << 3,
    OFPFF13_NO_BYT_COUNTS = 1 << 4,
};

/* OFPT_PACKET_IN body (OF1.3+); OXM match, 2 pad bytes, packet follow. */
struct ofp13_packet_in {
    ovs_be32 buffer_id;
    ovs_be16 total_len;
    uint8_t reason;
    uint8_t table_id;
    ovs_be64 cookie;
};
OFP_ASSERT(sizeof(struct ofp13_packet_in) == 16);

/* OFPMP_TABLE reply entry (OF1.3+). */
struct ofp13_table_stats {
    uint8_t table_id;
    uint8_t pad[3];
    ovs_be32 active_count;
    ovs_be64 lookup_count;
    ovs_be64 matched_count;
};
OFP_ASSERT(sizeof(struct ofp13_table_stats) == 24);

/* OFPMP_PORT_STATS reply entry (OF1.3). */
struct ofp13_port_stats {
    struct ofp11_port_stats ps;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
};
OFP_ASSERT(sizeof(struct ofp13_port_stats) == 112);

/* Meter ids. */
#define OFPM13_MAX        0xffff0000
#define OFPM13_SLOWPATH   0xfffffffd
#define OFPM13_CONTROLLER 0xfffffffe
#define OFPM13_ALL        0xffffffff

/* Capability added in OF1.3 (replaces OFPC11_GROUP_STATS meaning). */
enum ofp13_capabilities {
    OFPC13_GROUP_STATS = 1 << 3,
};

/* Body of an OFPMP_TABLE_FEATURES reply (and request): one of these per
 * table, each followed by properties up to 'length'. */
struct ofp13_table_features {
    ovs_be16 length;
    uint8_t table_id;
    uint8_t pad[5];
    char name[OFP_MAX_TABLE_NAME_LEN];
    ovs_be64 metadata_match;
    ovs_be64 metadata_write;
    ovs_be32 config;            /* OF1.4+: 'capabilities'. */
    ovs_be32 max_entries;
};
OFP_ASSERT(sizeof(struct ofp13_table_features) == 64);

#endif /* openflow/openflow-1.3.h */
