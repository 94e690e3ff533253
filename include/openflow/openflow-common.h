/*
 * Wire definitions shared by every OpenFlow version (1.0 through 1.5).
 *
 * Only layouts and numbers live here: no logic.  Every structure is exactly
 * as it appears on the wire, in network byte order, and each carries a size
 * assertion.  Structures describe message bodies *after* the 8-byte
 * struct ofp_header, because the message codec (lib/ofp-msgs.c) pulls the
 * header off before handing the body to a decoder.
 */

#ifndef OPENFLOW_OPENFLOW_COMMON_H
#define OPENFLOW_OPENFLOW_COMMON_H 1

#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"

/* Compile-time check of a wire layout. */
#ifndef OFP_ASSERT
#define OFP_ASSERT(EXPR) _Static_assert(EXPR, #EXPR)
#endif

/* Port-number literals of the right (sparse-checked) type. */
#ifndef OFP_PORT_C
#define OFP_PORT_C(X) ((ofp_port_t) (X))
#endif
#ifndef OFP11_PORT_C
#define OFP11_PORT_C(X) ((ofp11_port_t) (X))
#endif

/* The "version" field of struct ofp_header. */
enum ofp_version {
    OFP10_VERSION = 0x01,
    OFP11_VERSION = 0x02,
    OFP12_VERSION = 0x03,
    OFP13_VERSION = 0x04,
    OFP14_VERSION = 0x05,
    OFP15_VERSION = 0x06,
};

/* The IANA-assigned TCP port for OpenFlow, and the historical one. */
#define OFP_PORT 6653
#define OFP_OLD_PORT 6633
#define OFP_SSL_PORT 6653

#define OFP_MAX_TABLE_NAME_LEN 32
#define OFP_MAX_PORT_NAME_LEN 16
#define OFP_ETH_ALEN 6

/* Common header of every OpenFlow message. */
struct ofp_header {
    uint8_t version;            /* One of enum ofp_version. */
    uint8_t type;               /* Message type (see lib/ofp-msgs.h). */
    ovs_be16 length;            /* Whole message, header included. */
    ovs_be32 xid;               /* Transaction id, echoed in replies. */
};
OFP_ASSERT(sizeof(struct ofp_header) == 8);

/* OFPT_HELLO body: zero or more of these elements (OF1.3.1+). */
struct ofp_hello_elem_header {
    ovs_be16 type;              /* One of OFPHET_*. */
    ovs_be16 length;            /* Without padding to 8 bytes. */
};
OFP_ASSERT(sizeof(struct ofp_hello_elem_header) == 4);

enum ofp_hello_elem_type {
    OFPHET_VERSIONBITMAP = 1,   /* Followed by be32 bitmaps. */
};

/* OFPT_ERROR body (the offending message or text follows 'code'). */
struct ofp_error_msg {
    ovs_be16 type;
    ovs_be16 code;
};
OFP_ASSERT(sizeof(struct ofp_error_msg) == 4);

/* OF1.2+ error type for experimenter errors. */
#define OFPET12_EXPERIMENTER 0xffff

/* OFPET_EXPERIMENTER (0xffff) error body, OF1.2+. */
struct ofp12_error_experimenter {
    ovs_be16 type;              /* 0xffff. */
    ovs_be16 exp_code;
    ovs_be32 experimenter;
};
OFP_ASSERT(sizeof(struct ofp12_error_experimenter) == 8);

/* Nicira's pre-OF1.2 way to carry an extended error: type/code are
 * NXET_VENDOR (0xb0c2) / NXVC_VENDOR_ERROR (0), followed by this. */
struct nx_vendor_error {
    ovs_be32 vendor;
    ovs_be16 type;
    ovs_be16 code;
};
OFP_ASSERT(sizeof(struct nx_vendor_error) == 8);
#define NXET_VENDOR 0xb0c2
#define NXVC_VENDOR_ERROR 0

/* OFPT_GET_CONFIG_REPLY / OFPT_SET_CONFIG body. */
struct ofp_switch_config {
    ovs_be16 flags;             /* OFPC_* flags. */
    ovs_be16 miss_send_len;     /* Bytes of a table-miss packet to send. */
};
OFP_ASSERT(sizeof(struct ofp_switch_config) == 4);

/* Fragment handling (ofp_switch_config 'flags'). */
enum ofp_config_flags {
    OFPC_FRAG_NORMAL = 0,
    OFPC_FRAG_DROP = 1,
    OFPC_FRAG_REASM = 2,
    OFPC_FRAG_NX_MATCH = 3,     /* Nicira: match on ip_frag. */
    OFPC_FRAG_MASK = 3,
    OFPC_INVALID_TTL_TO_CONTROLLER = 1 << 2,    /* OF1.1 and 1.2 only. */
};

#define OFP_DEFAULT_MISS_SEND_LEN 128
#define OFPCML_MAX 0xffe5       /* Largest max_len for a packet-in. */
#define OFPCML_NO_BUFFER 0xffff /* Send the whole packet, unbuffered. */

/* The buffer_id that means "no buffered packet". */
#define UINT32_MAX_BUFFER 0xffffffff

/* Common "capabilities" bits of a features reply. */
enum ofp_capabilities {
    OFPC_FLOW_STATS = 1 << 0,
    OFPC_TABLE_STATS = 1 << 1,
    OFPC_PORT_STATS = 1 << 2,
    OFPC_IP_REASM = 1 << 5,
    OFPC_QUEUE_STATS = 1 << 6,
};

/* OFPT_PORT_STATUS body header (the port follows). */
struct ofp_port_status {
    uint8_t reason;             /* OFPPR_*. */
    uint8_t pad[7];
};
OFP_ASSERT(sizeof(struct ofp_port_status) == 8);

enum ofp_port_reason {
    OFPPR_ADD,
    OFPPR_DELETE,
    OFPPR_MODIFY,
    OFPPR_N_REASONS
};

/* Reasons for a packet-in. */
enum ofp_packet_in_reason {
    OFPR_NO_MATCH,              /* OF1.3+ "table_miss" */
    OFPR_ACTION,                /* OF1.4+ "apply_action" */
    OFPR_INVALID_TTL,
    OFPR_ACTION_SET,            /* OF1.4+ */
    OFPR_GROUP,                 /* OF1.4+ */
    OFPR_PACKET_OUT,            /* OF1.4+ */
    OFPR_N_REASONS
};

/* Reasons for a flow-removed. */
enum ofp_flow_removed_reason {
    OFPRR_IDLE_TIMEOUT,
    OFPRR_HARD_TIMEOUT,
    OFPRR_DELETE,
    OFPRR_GROUP_DELETE,         /* OF1.3+ */
    OFPRR_METER_DELETE,         /* OF1.4+ */
    OFPRR_EVICTION,             /* OF1.4+ */
    OFPRR_N_REASONS
};

/* Flow-mod commands. */
enum ofp_flow_mod_command {
    OFPFC_ADD,
    OFPFC_MODIFY,
    OFPFC_MODIFY_STRICT,
    OFPFC_DELETE,
    OFPFC_DELETE_STRICT
};

/* Flow-mod flags common to all versions. */
enum ofp_flow_mod_flags {
    OFPFF_SEND_FLOW_REM = 1 << 0,
    OFPFF_CHECK_OVERLAP = 1 << 1,
};

/* Table ids. */
#define OFPTT_MAX 0xfe
#define OFPTT_ALL 0xff

/* Stats/multipart flags. */
enum ofp_stats_reply_flags {
    OFPSF_REPLY_MORE = 1 << 0,
};
enum ofp_stats_request_flags {
    OFPSF_REQ_MORE = 1 << 0,    /* OF1.3+ */
};

/* OFPST_DESC / OFPMP_DESC reply body. */
#define DESC_STR_LEN 256
#define SERIAL_NUM_LEN 32
struct ofp_desc_stats {
    char mfr_desc[DESC_STR_LEN];
    char hw_desc[DESC_STR_LEN];
    char sw_desc[DESC_STR_LEN];
    char serial_num[SERIAL_NUM_LEN];
    char dp_desc[DESC_STR_LEN];
};
OFP_ASSERT(sizeof(struct ofp_desc_stats) == 1056);

/* Aggregate stats reply (all versions). */
struct ofp_aggregate_stats_reply {
    ovs_32aligned_be64 packet_count;
    ovs_32aligned_be64 byte_count;
    ovs_be32 flow_count;
    uint8_t pad[4];
};
OFP_ASSERT(sizeof(struct ofp_aggregate_stats_reply) == 24);

/* Generic action header (OF1.0 and OF1.1+ agree on it). */
struct ofp_action_header {
    ovs_be16 type;
    ovs_be16 len;               /* Multiple of 8. */
    ovs_be32 pad;
};
OFP_ASSERT(sizeof(struct ofp_action_header) == 8);

/* Vendor/experimenter action header. */
struct ofp_action_vendor_header {
    ovs_be16 type;              /* OFPAT_VENDOR (0xffff). */
    ovs_be16 len;
    ovs_be32 vendor;
};
OFP_ASSERT(sizeof(struct ofp_action_vendor_header) == 8);

/* Controller roles (OF1.2+ role request/reply, OF1.4+ role status). */
enum ofp12_controller_role {
    OFPCR12_ROLE_NOCHANGE,
    OFPCR12_ROLE_EQUAL,
    OFPCR12_ROLE_MASTER,
    OFPCR12_ROLE_SLAVE,
};

/* OF1.2+ role request/reply body. */
struct ofp12_role_request {
    ovs_be32 role;              /* One of OFPCR12_ROLE_*. */
    uint8_t pad[4];
    ovs_be64 generation_id;
};
OFP_ASSERT(sizeof(struct ofp12_role_request) == 16);

/* OF1.4-style property header (TLV, value padded to a multiple of 8). */
struct ofp_prop_header {
    ovs_be16 type;
    ovs_be16 len;               /* Without the trailing padding. */
};
OFP_ASSERT(sizeof(struct ofp_prop_header) == 4);

/* OF1.4-style experimenter property header. */
struct ofp_prop_experimenter {
    ovs_be16 type;              /* 0xffff (or 0xfffe for some tables). */
    ovs_be16 len;
    ovs_be32 experimenter;
    ovs_be32 exp_type;
};
OFP_ASSERT(sizeof(struct ofp_prop_experimenter) == 12);

/* Vendor (experimenter) ids. */
#define NX_VENDOR_ID 0x00002320         /* Nicira. */
#define ONF_VENDOR_ID 0x4f4e4600        /* Open Networking Foundation. */
#define INTEL_VENDOR_ID 0x0000AA01

/* Experimenter message header, after struct ofp_header. */
struct ofp_vendor_header {
    ovs_be32 vendor;
};
OFP_ASSERT(sizeof(struct ofp_vendor_header) == 4);

/* OF1.3+ OFPT_GET_ASYNC_REPLY / OFPT_SET_ASYNC body (bitmask form). */
struct ofp13_async_config {
    ovs_be32 packet_in_mask[2];         /* [0] master/equal, [1] slave. */
    ovs_be32 port_status_mask[2];
    ovs_be32 flow_removed_mask[2];
};
OFP_ASSERT(sizeof(struct ofp13_async_config) == 24);

/* OF1.4+ async config property types. */
enum ofp14_async_config_prop_type {
    OFPACPT_PACKET_IN_SLAVE = 0,
    OFPACPT_PACKET_IN_MASTER = 1,
    OFPACPT_PORT_STATUS_SLAVE = 2,
    OFPACPT_PORT_STATUS_MASTER = 3,
    OFPACPT_FLOW_REMOVED_SLAVE = 4,
    OFPACPT_FLOW_REMOVED_MASTER = 5,
    OFPACPT_ROLE_STATUS_SLAVE = 6,
    OFPACPT_ROLE_STATUS_MASTER = 7,
    OFPACPT_TABLE_STATUS_SLAVE = 8,
    OFPACPT_TABLE_STATUS_MASTER = 9,
    OFPACPT_REQUESTFORWARD_SLAVE = 10,
    OFPACPT_REQUESTFORWARD_MASTER = 11,
    OFPACPT_EXPERIMENTER_SLAVE = 0xfffe,
    OFPACPT_EXPERIMENTER_MASTER = 0xffff,
};

#endif /* openflow/openflow-common.h */
