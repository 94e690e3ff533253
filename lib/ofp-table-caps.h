/*
 * Table capabilities as OpenFlow 1.1 and 1.2 table stats describe them:
 * which instructions, actions and match fields each flow table supports,
 * what it does on a miss and which metadata bits it can match and write.
 *
 * OpenFlow 1.3 moved this description into the table features message;
 * the older versions carried it as bitmaps inside every table stats
 * entry, numbered by wire codes that changed between 1.1 and 1.2.  This
 * module translates those bitmaps to and from one version-independent
 * form and prints it the way Open vSwitch's ovs-ofctl does.
 */

#ifndef OFP_TABLE_CAPS_H
#define OFP_TABLE_CAPS_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"

struct ds;
struct ofp11_table_stats;
struct ofp12_table_stats;

/* The actions that OpenFlow 1.1 and 1.2 table stats can advertise,
 * declared once in the order they are printed:
 *
 *     OTA(ENUM, NAME, OF11, OF12)
 *
 * OF11 and OF12 are the action type codes in those versions (the bit
 * numbers of the "write_actions" and "apply_actions" bitmaps), -1 if the
 * version lacks the action. */
#define OFPUTIL_TABLE_ACTIONS                          \
    OTA(OUTPUT,         "output",          0,  0)     \
    OTA(GROUP,          "group",          22, 22)     \
    OTA(SET_FIELD,      "set_field",      -1, 25)     \
    OTA(SET_VLAN_VID,   "set_vlan_vid",    1, -1)     \
    OTA(SET_VLAN_PCP,   "set_vlan_pcp",    2, -1)     \
    OTA(POP_VLAN,       "strip_vlan",     18, 18)     \
    OTA(PUSH_VLAN,      "push_vlan",      17, 17)     \
    OTA(SET_DL_SRC,     "mod_dl_src",      3, -1)     \
    OTA(SET_DL_DST,     "mod_dl_dst",      4, -1)     \
    OTA(SET_NW_SRC,     "mod_nw_src",      5, -1)     \
    OTA(SET_NW_DST,     "mod_nw_dst",      6, -1)     \
    OTA(SET_NW_TOS,     "mod_nw_tos",      7, -1)     \
    OTA(SET_NW_ECN,     "mod_nw_ecn",      8, -1)     \
    OTA(SET_NW_TTL,     "mod_nw_ttl",     23, 23)     \
    OTA(SET_TP_SRC,     "mod_tp_src",      9, -1)     \
    OTA(SET_TP_DST,     "mod_tp_dst",     10, -1)     \
    OTA(DEC_NW_TTL,     "dec_ttl",        24, 24)     \
    OTA(SET_MPLS_LABEL, "set_mpls_label", 13, -1)     \
    OTA(SET_MPLS_TC,    "set_mpls_tc",    14, -1)     \
    OTA(SET_MPLS_TTL,   "set_mpls_ttl",   15, 15)     \
    OTA(DEC_MPLS_TTL,   "dec_mpls_ttl",   16, 16)     \
    OTA(PUSH_MPLS,      "push_mpls",      19, 19)     \
    OTA(POP_MPLS,       "pop_mpls",       20, 20)     \
    OTA(SET_QUEUE,      "set_queue",      21, 21)

enum ofputil_table_action {
#define OTA(ENUM, NAME, OF11, OF12) OTA_##ENUM,
    OFPUTIL_TABLE_ACTIONS
#undef OTA
    N_OTAS
};

/* The match fields that OpenFlow 1.0 to 1.2 table stats can advertise,
 * declared once in the order they are printed:
 *
 *     OTF(ENUM, NAME, OF10, OF11, OF12)
 *
 * NAME is the field's name in the flow syntax (see meta-flow.def; a few
 * fields, such as MPLS, are named here although we cannot match them).
 * OF10 is the mask of OpenFlow 1.0 wildcard bits (OFPFW10_*) that stand
 * for the field, 0 if none.  OF11 is the bit number in OpenFlow 1.1's
 * "match" and "wildcards" bitmaps (OFPFMF11_*), OF12 the OXM field number
 * in OpenFlow 1.2's bitmaps, -1 if the version cannot name the field. */
#define OFPUTIL_TABLE_FIELDS                                                 \
    OTF(METADATA,    "metadata",    0,                    15,  2)            \
    OTF(IN_PORT,     "in_port",     OFPFW10_IN_PORT,       0, -1)            \
    OTF(IN_PORT_OXM, "in_port_oxm", 0,                    -1,  0)            \
    OTF(ETH_SRC,     "eth_src",     OFPFW10_DL_SRC,       11,  4)            \
    OTF(ETH_DST,     "eth_dst",     OFPFW10_DL_DST,       12,  3)            \
    OTF(ETH_TYPE,    "eth_type",    OFPFW10_DL_TYPE,       3,  5)            \
    OTF(VLAN_VID,    "vlan_vid",    OFPFW10_DL_VLAN,       1,  6)            \
    OTF(VLAN_PCP,    "vlan_pcp",    OFPFW10_DL_VLAN_PCP,   2,  7)            \
    OTF(MPLS_LABEL,  "mpls_label",  0,                     8, 34)            \
    OTF(MPLS_TC,     "mpls_tc",     0,                     9, 35)            \
    OTF(IPV4_SRC,    "ip_src",      OFPFW10_NW_SRC_MASK,  13, 11)            \
    OTF(IPV4_DST,    "ip_dst",      OFPFW10_NW_DST_MASK,  14, 12)            \
    OTF(IPV6_SRC,    "ipv6_src",    0,                    -1, 26)            \
    OTF(IPV6_DST,    "ipv6_dst",    0,                    -1, 27)            \
    OTF(IPV6_LABEL,  "ipv6_label",  0,                    -1, 28)            \
    OTF(IP_PROTO,    "nw_proto",    OFPFW10_NW_PROTO,      5, 10)            \
    OTF(NW_TOS,      "nw_tos",      OFPFW10_NW_TOS,        4, -1)            \
    OTF(IP_DSCP,     "ip_dscp",     0,                    -1,  8)            \
    OTF(IP_ECN,      "nw_ecn",      0,                    -1,  9)            \
    OTF(ARP_OP,      "arp_op",      0,                    -1, 21)            \
    OTF(ARP_SPA,     "arp_spa",     0,                    -1, 22)            \
    OTF(ARP_TPA,     "arp_tpa",     0,                    -1, 23)            \
    OTF(ARP_SHA,     "arp_sha",     0,                    -1, 24)            \
    OTF(ARP_THA,     "arp_tha",     0,                    -1, 25)            \
    OTF(TCP_SRC,     "tcp_src",     OFPFW10_TP_SRC,        6, 13)            \
    OTF(TCP_DST,     "tcp_dst",     OFPFW10_TP_DST,        7, 14)            \
    OTF(UDP_SRC,     "udp_src",     0,                    -1, 15)            \
    OTF(UDP_DST,     "udp_dst",     0,                    -1, 16)            \
    OTF(SCTP_SRC,    "sctp_src",    0,                    -1, 17)            \
    OTF(SCTP_DST,    "sctp_dst",    0,                    -1, 18)            \
    OTF(ICMPV4_TYPE, "icmp_type",   0,                    -1, 19)            \
    OTF(ICMPV4_CODE, "icmp_code",   0,                    -1, 20)            \
    OTF(ICMPV6_TYPE, "icmpv6_type", 0,                    -1, 29)            \
    OTF(ICMPV6_CODE, "icmpv6_code", 0,                    -1, 30)            \
    OTF(ND_TARGET,   "nd_target",   0,                    -1, 31)            \
    OTF(ND_SLL,      "nd_sll",      0,                    -1, 32)            \
    OTF(ND_TLL,      "nd_tll",      0,                    -1, 33)

enum ofputil_table_field {
#define OTF(ENUM, NAME, OF10, OF11, OF12) OTF_##ENUM,
    OFPUTIL_TABLE_FIELDS
#undef OTF
    N_OTFS
};

const char *ofputil_table_field_name(enum ofputil_table_field);

/* What a table does with a packet that no flow matches ("config").  The
 * values are the OFPTC11_TABLE_MISS_* wire codes. */
enum ofputil_table_miss {
    OFPUTIL_TABLE_MISS_CONTROLLER = 0,  /* Send to the controller. */
    OFPUTIL_TABLE_MISS_CONTINUE = 1,    /* Go on to the next table. */
    OFPUTIL_TABLE_MISS_DROP = 2         /* Drop the packet. */
};

/* The actions a table accepts in one kind of instruction: 'actions' has
 * bit (1 << OTA_*) for each action, 'set_fields' bit (1 << OTF_*) for each
 * field that a set_field action may write. */
struct ofputil_table_action_caps {
    uint32_t actions;
    uint64_t set_fields;
};

/* One table's capabilities.  OpenFlow 1.1 can express neither the
 * metadata masks nor set_field, and advertises a single action set for
 * both "write_actions" and "apply_actions" as far as ovs-ofctl is
 * concerned (it shows the write_actions bitmap for both). */
struct ofputil_table_caps {
    enum ofputil_table_miss miss;
    uint64_t metadata_match;    /* Metadata bits a flow can match. */
    uint64_t metadata_write;    /* Metadata bits write_metadata can set. */
    uint32_t instructions;      /* 1 << OVSINST_* (ofp-actions.h). */
    struct ofputil_table_action_caps write;   /* In write_actions. */
    struct ofputil_table_action_caps apply;   /* In apply_actions. */
    uint64_t match;             /* 1 << OTF_*: fields a flow can match. */
    uint64_t wildcard;          /* Subset of 'match' that may be omitted. */
};

/* Conversions from and to the capability members of wire table stats
 * entries (the counters, name and size are left to the caller). */
void ofputil_table_caps_from_ofp10(struct ofputil_table_caps *,
                                   uint32_t wildcards);
void ofputil_table_caps_from_ofp11(struct ofputil_table_caps *,
                                   const struct ofp11_table_stats *);
void ofputil_table_caps_to_ofp11(const struct ofputil_table_caps *,
                                 struct ofp11_table_stats *);
void ofputil_table_caps_from_ofp12(struct ofputil_table_caps *,
                                   const struct ofp12_table_stats *);
void ofputil_table_caps_to_ofp12(const struct ofputil_table_caps *,
                                 struct ofp12_table_stats *);

/* True if 'a' and 'b' print the same.  (The wildcard set does not count:
 * ovs-ofctl compares tables by the fields they match only.) */
bool ofputil_table_caps_equal(const struct ofputil_table_caps *a,
                              const struct ofputil_table_caps *b);

/* Printing, as ovs-ofctl does: the "metadata" and "config" lines, then
 * (after the caller's "max_entries") the instructions and matching
 * sections.  'prev', if nonnull, is the previous table's capabilities:
 * parts equal to it print as "(same ...)". */
void ofputil_table_caps_format_config(struct ds *,
                                      const struct ofputil_table_caps *);
void ofputil_table_caps_format(struct ds *, const struct ofputil_table_caps *,
                               const struct ofputil_table_caps *prev);

#endif /* ofp-table-caps.h */
