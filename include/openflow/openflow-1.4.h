/*
 * OpenFlow 1.4 wire definitions: ports, port-mod and port stats with
 * properties, role status and the property-based async config.  Bodies
 * exclude the struct ofp_header.
 */

#ifndef OPENFLOW_OPENFLOW_1_4_H
#define OPENFLOW_OPENFLOW_1_4_H 1

#include "openflow/openflow-1.3.h"

/* Capabilities added in OF1.4 (features reply). */
enum ofp14_capabilities {
    OFPC14_BUNDLES = 1 << 9,
    OFPC14_FLOW_MONITORING = 1 << 10,
};

/* Port description (OF1.4+); properties follow. */
struct ofp14_port {
    ovs_be32 port_no;
    ovs_be16 length;            /* Including properties. */
    uint8_t pad[2];
    uint8_t hw_addr[OFP_ETH_ALEN];
    uint8_t pad2[2];
    char name[OFP_MAX_PORT_NAME_LEN];
    ovs_be32 config;
    ovs_be32 state;
};
OFP_ASSERT(sizeof(struct ofp14_port) == 40);

/* Port description property types. */
enum ofp14_port_desc_prop_type {
    OFPPDPT14_ETHERNET = 0,
    OFPPDPT14_OPTICAL = 1,
    OFPPDPT14_EXPERIMENTER = 0xffff,
};

struct ofp14_port_desc_prop_ethernet {
    ovs_be16 type;
    ovs_be16 length;            /* 32. */
    uint8_t pad[4];
    ovs_be32 curr;
    ovs_be32 advertised;
    ovs_be32 supported;
    ovs_be32 peer;
    ovs_be32 curr_speed;
    ovs_be32 max_speed;
};
OFP_ASSERT(sizeof(struct ofp14_port_desc_prop_ethernet) == 32);

/* OFPT_PORT_MOD body (OF1.4+); properties follow. */
struct ofp14_port_mod {
    ovs_be32 port_no;
    uint8_t pad[4];
    uint8_t hw_addr[OFP_ETH_ALEN];
    uint8_t pad2[2];
    ovs_be32 config;
    ovs_be32 mask;
};
OFP_ASSERT(sizeof(struct ofp14_port_mod) == 24);

enum ofp14_port_mod_prop_type {
    OFPPMPT14_ETHERNET = 0,
    OFPPMPT14_OPTICAL = 1,
    OFPPMPT14_EXPERIMENTER = 0xffff,
};

struct ofp14_port_mod_prop_ethernet {
    ovs_be16 type;
    ovs_be16 length;            /* 8. */
    ovs_be32 advertise;
};
OFP_ASSERT(sizeof(struct ofp14_port_mod_prop_ethernet) == 8);

/* OFPMP_PORT_STATS reply entry (OF1.4+); properties follow. */
struct ofp14_port_stats {
    ovs_be16 length;
    uint8_t pad[2];
    ovs_be32 port_no;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be64 rx_packets;
    ovs_be64 tx_packets;
    ovs_be64 rx_bytes;
    ovs_be64 tx_bytes;
    ovs_be64 rx_dropped;
    ovs_be64 tx_dropped;
    ovs_be64 rx_errors;
    ovs_be64 tx_errors;
};
OFP_ASSERT(sizeof(struct ofp14_port_stats) == 80);

enum ofp14_port_stats_prop_type {
    OFPPSPT14_ETHERNET = 0,
    OFPPSPT14_OPTICAL = 1,
    OFPPSPT14_EXPERIMENTER = 0xffff,
};

struct ofp14_port_stats_prop_ethernet {
    ovs_be16 type;
    ovs_be16 length;            /* 40. */
    uint8_t pad[4];
    ovs_be64 rx_frame_err;
    ovs_be64 rx_over_err;
    ovs_be64 rx_crc_err;
    ovs_be64 collisions;
};
OFP_ASSERT(sizeof(struct ofp14_port_stats_prop_ethernet) == 40);

/* OFPT_ROLE_STATUS body (OF1.4+); properties follow. */
struct ofp14_role_status {
    ovs_be32 role;
    uint8_t reason;
    uint8_t pad[3];
    ovs_be64 generation_id;
};
OFP_ASSERT(sizeof(struct ofp14_role_status) == 16);

enum ofp14_controller_role_reason {
    OFPCRR_MASTER_REQUEST = 0,
    OFPCRR_CONFIG = 1,
    OFPCRR_EXPERIMENTER = 2,
};

/* Packet-in reason names changed in OF1.4 but the numbers did not. */

/* OF1.4 flow-mod flags. */
enum ofp14_flow_mod_flags {
    OFPFF14_BUNDLE = 1 << 5,    /* Not used by us. */
};

#endif /* openflow/openflow-1.4.h */
