/*
 * The switch as a whole: features request/reply, get/set config and the
 * description (OFPST_DESC) reply.
 */

#ifndef OFP_SWITCH_H
#define OFP_SWITCH_H 1

#include <stdbool.h>
#include <stdint.h>
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openflow/openflow-common.h"

struct ds;
struct ofpbuf;
struct ofputil_phy_port;
struct ofputil_port_map;

/* Capabilities, abstracted over versions. */
enum ofputil_capabilities {
    OFPUTIL_C_FLOW_STATS = 1 << 0,
    OFPUTIL_C_TABLE_STATS = 1 << 1,
    OFPUTIL_C_PORT_STATS = 1 << 2,
    OFPUTIL_C_STP = 1 << 3,             /* OF1.0 only. */
    OFPUTIL_C_GROUP_STATS = 1 << 4,     /* OF1.1+ only. */
    OFPUTIL_C_IP_REASM = 1 << 5,
    OFPUTIL_C_QUEUE_STATS = 1 << 6,
    OFPUTIL_C_ARP_MATCH_IP = 1 << 7,    /* OF1.0 and OF1.1 only. */
    OFPUTIL_C_PORT_BLOCKED = 1 << 8,    /* OF1.2+ only. */
    OFPUTIL_C_BUNDLES = 1 << 9,         /* OF1.4+ only. */
    OFPUTIL_C_FLOW_MONITORING = 1 << 10, /* OF1.4+ only. */
};

struct ofputil_switch_features {
    uint64_t datapath_id;
    uint32_t n_buffers;
    uint8_t n_tables;
    uint8_t auxiliary_id;               /* OF1.3+. */
    enum ofputil_capabilities capabilities;
    uint32_t ofp10_actions;             /* OF1.0 bitmap of OFPAT10_*. */
};

/* Decodes the fixed part of features reply 'oh' into 'features' and
 * initializes 'b' to the port descriptions that follow (empty in
 * OF1.3+). */
enum ofperr ofputil_pull_switch_features(const struct ofp_header *oh,
                                         struct ofputil_switch_features *,
                                         struct ofpbuf *b);
struct ofpbuf *ofputil_encode_switch_features(
    const struct ofputil_switch_features *features,
    enum ofputil_protocol protocol, ovs_be32 xid);
void ofputil_put_switch_features_port(const struct ofputil_phy_port *pp,
                                      struct ofpbuf *features_reply);
bool ofputil_switch_features_has_ports(struct ofpbuf *);
void ofputil_switch_features_format(struct ds *,
                                    const struct ofputil_switch_features *);

/* Switch configuration. */
enum ofputil_frag_handling {
    OFPUTIL_FRAG_NORMAL = OFPC_FRAG_NORMAL,
    OFPUTIL_FRAG_DROP = OFPC_FRAG_DROP,
    OFPUTIL_FRAG_REASM = OFPC_FRAG_REASM,
    OFPUTIL_FRAG_NX_MATCH = OFPC_FRAG_NX_MATCH,
};
const char *ofputil_frag_handling_to_string(enum ofputil_frag_handling);
bool ofputil_frag_handling_from_string(const char *,
                                       enum ofputil_frag_handling *);

struct ofputil_switch_config {
    enum ofputil_frag_handling frag;
    int invalid_ttl_to_controller;      /* OF1.1/1.2: 0 or 1; else -1. */
    uint16_t miss_send_len;
};

enum ofperr ofputil_decode_get_config_reply(const struct ofp_header *,
                                            struct ofputil_switch_config *);
enum ofperr ofputil_decode_set_config(const struct ofp_header *,
                                      struct ofputil_switch_config *);
struct ofpbuf *ofputil_encode_get_config_reply(
    const struct ofp_header *request, const struct ofputil_switch_config *);
struct ofpbuf *ofputil_encode_set_config(const struct ofputil_switch_config *,
                                         enum ofp_version);
void ofputil_switch_config_format(struct ds *,
                                  const struct ofputil_switch_config *);

/* Description stats. */
struct ofputil_desc_stats {
    char mfr_desc[256];
    char hw_desc[256];
    char sw_desc[256];
    char serial_num[32];
    char dp_desc[256];
};
enum ofperr ofputil_decode_desc_stats_reply(const struct ofp_header *,
                                            struct ofputil_desc_stats *);
struct ofpbuf *ofputil_encode_desc_stats_reply(
    const struct ofp_header *request, const struct ofputil_desc_stats *);
void ofputil_desc_stats_format(struct ds *,
                               const struct ofputil_desc_stats *);

/* Printing whole messages (used by lib/ofp-print.c). */
enum ofperr ofputil_switch_features_print(struct ds *,
                                          const struct ofp_header *,
                                          const struct ofputil_port_map *);
enum ofperr ofputil_switch_config_print(struct ds *,
                                        const struct ofp_header *);
enum ofperr ofputil_desc_stats_reply_print(struct ds *,
                                           const struct ofp_header *);

#endif /* ofp-switch.h */
