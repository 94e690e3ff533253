/*
 * Nicira (Open vSwitch) OpenFlow extensions: vendor messages, vendor stats,
 * the closure property numbers and the structures that go with them.
 * Vendor id NX_VENDOR_ID (0x00002320) is defined in openflow-common.h.
 * Bodies exclude the struct ofp_header and the 8-byte Nicira header
 * (vendor + subtype) that precedes each extension message.
 */

#ifndef OPENFLOW_NICIRA_EXT_H
#define OPENFLOW_NICIRA_EXT_H 1

#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"

/* Header of a Nicira vendor message, including the ofp_header. */
struct nicira_header {
    struct ofp_header header;
    ovs_be32 vendor;            /* NX_VENDOR_ID. */
    ovs_be32 subtype;           /* One of NXT_* (see lib/ofp-msgs.h). */
};
OFP_ASSERT(sizeof(struct nicira_header) == 16);

/* Header of a Nicira stats message in OF1.0, including the ofp_header. */
struct nicira10_stats_msg {
    struct ofp10_vendor_stats_msg vsm;  /* vendor == NX_VENDOR_ID. */
    ovs_be32 subtype;                   /* One of NXST_*. */
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct nicira10_stats_msg) == 24);

/* Header of a Nicira stats message in OF1.1+ is struct
 * ofp11_vendor_stats_msg with vendor == NX_VENDOR_ID. */

/* Nicira error codes carried in the extended error formats are defined by
 * lib/ofp-errors.h. */

/* ---- Controller role (NXT_ROLE_REQUEST / NXT_ROLE_REPLY) ---- */

enum nx_role {
    NX_ROLE_OTHER,              /* Full access, receives async messages. */
    NX_ROLE_MASTER,             /* Full access, at most one master. */
    NX_ROLE_SLAVE               /* Read-only, no async messages. */
};

struct nx_role_request {
    ovs_be32 role;              /* One of NX_ROLE_*. */
};
OFP_ASSERT(sizeof(struct nx_role_request) == 4);

/* ---- Flow formats (NXT_SET_FLOW_FORMAT) ---- */

enum nx_flow_format {
    NXFF_OPENFLOW10 = 0,        /* Standard OF1.0 ofp10_match. */
    NXFF_NXM = 2                /* Nicira extensible match. */
};

struct nx_set_flow_format {
    ovs_be32 format;            /* One of NXFF_*. */
};
OFP_ASSERT(sizeof(struct nx_set_flow_format) == 4);

/* ---- NXT_FLOW_MOD_TABLE_ID ---- */

struct nx_flow_mod_table_id {
    uint8_t set;                /* Nonzero: upper byte of command = table. */
    uint8_t pad[7];
};
OFP_ASSERT(sizeof(struct nx_flow_mod_table_id) == 8);

/* ---- Packet-in formats (NXT_SET_PACKET_IN_FORMAT) ---- */

enum nx_packet_in_format {
    NXPIF_STANDARD = 0,         /* OFPT_PACKET_IN of the version in use. */
    NXPIF_NXT_PACKET_IN = 1,    /* NXT_PACKET_IN. */
    NXPIF_NXT_PACKET_IN2 = 2,   /* NXT_PACKET_IN2. */
};

struct nx_set_packet_in_format {
    ovs_be32 format;            /* One of NXPIF_*. */
};
OFP_ASSERT(sizeof(struct nx_set_packet_in_format) == 4);

/* ---- NXT_SET_CONTROLLER_ID ---- */

struct nx_controller_id {
    uint8_t zero[6];
    ovs_be16 controller_id;
};
OFP_ASSERT(sizeof(struct nx_controller_id) == 8);

/* ---- NXT_FLOW_MOD: NXM match then actions follow ---- */

struct nx_flow_mod {
    ovs_be64 cookie;
    ovs_be16 command;           /* Upper byte = table id if enabled. */
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 priority;
    ovs_be32 buffer_id;
    ovs_be16 out_port;
    ovs_be16 flags;
    ovs_be16 match_len;         /* Without padding. */
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct nx_flow_mod) == 32);

/* ---- NXT_FLOW_REMOVED: NXM match follows ---- */

struct nx_flow_removed {
    ovs_be64 cookie;
    ovs_be16 priority;
    uint8_t reason;             /* OFPRR_*. */
    uint8_t table_id;           /* 0 in old versions. */
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 idle_timeout;
    ovs_be16 match_len;
    ovs_be64 packet_count;
    ovs_be64 byte_count;
};
OFP_ASSERT(sizeof(struct nx_flow_removed) == 40);

/* ---- NXT_PACKET_IN: NXM match, 2 pad bytes, then the packet ---- */

struct nx_packet_in {
    ovs_be32 buffer_id;
    ovs_be16 total_len;
    uint8_t reason;             /* OFPR_*. */
    uint8_t table_id;
    ovs_be64 cookie;
    ovs_be16 match_len;
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct nx_packet_in) == 24);

/* ---- NXT_CLOSURE / NXT_RESUME ----
 *
 * A closure is the state of a packet's trip through the flow tables at the
 * point where a "pause" action (NXAST_PAUSE) ran.  The switch sends it to
 * the controller as NXT_CLOSURE; the controller returns it, possibly with
 * the packet or metadata changed, as NXT_RESUME, and the trip continues.
 * Both bodies are a sequence of OF1.4-style properties (struct
 * ofp_prop_header, value padded to 8 bytes).  Types below 0x8000 are public
 * and documented for controllers; types 0x8000 and up are the switch's
 * private state, which controllers must hand back unchanged. */
enum nx_closure_prop_type {
    /* Public. */
    NXCPT_PACKET = 0,           /* The packet, Ethernet frame. */
    NXCPT_METADATA = 1,         /* NXM/OXM entries for metadata fields. */

    /* Private: may change between switch versions. */
    NXCPT_BRIDGE = 0x8000,      /* Bridge UUID. */
    NXCPT_STACK = 0x8001,       /* One data-stack entry. */
    NXCPT_MIRRORS = 0x8002,     /* be32 bitmap of mirrors already used. */
    NXCPT_CONNTRACKED = 0x8003, /* Flag. */
    NXCPT_TABLE_ID = 0x8004,    /* u8. */
    NXCPT_COOKIE = 0x8005,      /* be64. */
    NXCPT_ACTIONS = 0x8006,     /* Remaining actions of one level. */
    NXCPT_ACTION_SET = 0x8007,  /* The OF1.1+ action set. */
};

/* ---- NXT_SET_ASYNC_CONFIG (bitmask form, like OF1.3's) ---- */

struct nx_async_config {
    ovs_be32 packet_in_mask[2];         /* [0] master/other, [1] slave. */
    ovs_be32 port_status_mask[2];
    ovs_be32 flow_removed_mask[2];
};
OFP_ASSERT(sizeof(struct nx_async_config) == 24);

/* NXT_SET_ASYNC_CONFIG2 carries OF1.4-style async properties. */

/* ---- NXST_FLOW / NXST_AGGREGATE ---- */

struct nx_flow_stats_request {
    ovs_be16 out_port;
    ovs_be16 match_len;
    uint8_t table_id;
    uint8_t pad[3];
};
OFP_ASSERT(sizeof(struct nx_flow_stats_request) == 8);

/* NXST_FLOW reply entry; NXM match (padded) then actions follow. */
struct nx_flow_stats {
    ovs_be16 length;
    uint8_t table_id;
    uint8_t pad;
    ovs_be32 duration_sec;
    ovs_be32 duration_nsec;
    ovs_be16 priority;
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 match_len;
    ovs_be16 idle_age;          /* Seconds since last use, plus one. */
    ovs_be16 hard_age;          /* Seconds since last modify, plus one. */
    ovs_be64 cookie;
    ovs_be64 packet_count;
    ovs_be64 byte_count;
};
OFP_ASSERT(sizeof(struct nx_flow_stats) == 48);

/* NXST_AGGREGATE request is nx_flow_stats_request; reply is
 * struct ofp_aggregate_stats_reply. */

/* ---- Nicira action header ---- */

struct nx_action_header {
    ovs_be16 type;              /* OFPAT_VENDOR. */
    ovs_be16 len;
    ovs_be32 vendor;            /* NX_VENDOR_ID. */
    ovs_be16 subtype;           /* NXAST_*. */
    uint8_t pad[6];
};
OFP_ASSERT(sizeof(struct nx_action_header) == 16);

#endif /* openflow/nicira-ext.h */
