/* Abstract OpenFlow actions ("ofpacts").
 *
 * Every OpenFlow version spells actions differently on the wire, and
 * ovs-ofctl has a text syntax of its own.  This module turns all of them
 * into one in-memory form: a run of variable-length "struct ofpact"s packed
 * back to back in an ofpbuf, each starting on an OFPACT_ALIGNTO boundary.
 * The rest of the switch only ever looks at that form.
 *
 * An ofpact's 'type' says which struct follows the header; 'raw' remembers
 * which wire action it came from when that changes how it is printed or
 * re-encoded (e.g. "load" versus "set_field", "strip_vlan" versus
 * "pop_vlan"); 'len' is the length of the struct including any trailing
 * variable part, not rounded up.
 *
 * OpenFlow 1.1+ instructions are represented in the same list: an
 * instruction is just an ofpact of one of the types that
 * ovs_instruction_type_from_ofpact_type() maps to an instruction, and the
 * actions of "apply_actions" are simply the ofpacts that come first. */

#ifndef OFP_ACTIONS_H
#define OFP_ACTIONS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "meta-flow.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-common.h"
#include "openvswitch/compiler.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/types.h"
#include "openvswitch/util.h"

struct ds;
struct flow;
struct match;
struct ofputil_port_map;
struct vl_mff_map;

/* The list of abstract actions.  Each entry is
 *
 *     OFPACT(ENUM, NAME, STRUCT, MEMBER)
 *
 * ENUM: OFPACT_<ENUM> is the type.
 * NAME: the action's primary name in ovs-ofctl syntax.
 * STRUCT: the struct that holds it, whose first member is a struct ofpact
 *         (possibly inside OFPACT_ALIGNED_HEAD).
 * MEMBER: the member at which the variable-length part starts, or 'ofpact'
 *         if there is none (then the size is just sizeof(STRUCT)).
 *
 * The order of the instructions at the end matters: it is the order in
 * which OpenFlow 1.1+ requires them to appear. */
#define OFPACTS                                                         \
    /* Output. */                                                       \
    OFPACT(OUTPUT, "output", ofpact_output, ofpact)                     \
    OFPACT(GROUP, "group", ofpact_group, ofpact)                        \
    OFPACT(CONTROLLER, "controller", ofpact_controller, ofpact)         \
    OFPACT(PAUSE, "pause", ofpact_pause, ofpact)                        \
    OFPACT(OUTPUT_REG, "output_reg", ofpact_output_reg, ofpact)         \
                                                                        \
    /* Header changes. */                                               \
    OFPACT(SET_FIELD, "set_field", ofpact_set_field, ofpact)            \
    OFPACT(SET_VLAN_VID, "set_vlan_vid", ofpact_vlan_vid, ofpact)       \
    OFPACT(SET_VLAN_PCP, "set_vlan_pcp", ofpact_vlan_pcp, ofpact)       \
    OFPACT(STRIP_VLAN, "strip_vlan", ofpact_null, ofpact)               \
    OFPACT(PUSH_VLAN, "push_vlan", ofpact_push_vlan, ofpact)            \
    OFPACT(SET_ETH_SRC, "mod_dl_src", ofpact_mac, ofpact)               \
    OFPACT(SET_ETH_DST, "mod_dl_dst", ofpact_mac, ofpact)               \
    OFPACT(SET_IPV4_SRC, "mod_nw_src", ofpact_ipv4, ofpact)             \
    OFPACT(SET_IPV4_DST, "mod_nw_dst", ofpact_ipv4, ofpact)             \
    OFPACT(SET_IP_DSCP, "mod_nw_tos", ofpact_dscp, ofpact)              \
    OFPACT(SET_IP_ECN, "mod_nw_ecn", ofpact_ecn, ofpact)                \
    OFPACT(SET_IP_TTL, "mod_nw_ttl", ofpact_ip_ttl, ofpact)             \
    OFPACT(SET_L4_SRC_PORT, "mod_tp_src", ofpact_l4_port, ofpact)       \
    OFPACT(SET_L4_DST_PORT, "mod_tp_dst", ofpact_l4_port, ofpact)       \
    OFPACT(REG_MOVE, "move", ofpact_reg_move, ofpact)                   \
    OFPACT(STACK_PUSH, "push", ofpact_stack, ofpact)                    \
    OFPACT(STACK_POP, "pop", ofpact_stack, ofpact)                      \
    OFPACT(DEC_TTL, "dec_ttl", ofpact_cnt_ids, cnt_ids)                 \
                                                                        \
    /* Control flow and other. */                                       \
    OFPACT(RESUBMIT, "resubmit", ofpact_resubmit, ofpact)               \
    OFPACT(NOTE, "note", ofpact_note, data)                             \
    OFPACT(EXIT, "exit", ofpact_null, ofpact)                           \
    OFPACT(CLONE, "clone", ofpact_nest, actions)                        \
    OFPACT(CT, "ct", ofpact_conntrack, actions)                         \
    OFPACT(CT_CLEAR, "ct_clear", ofpact_null, ofpact)                   \
                                                                        \
    /* Internal to translation: never on the wire or in text. */        \
    OFPACT(UNROLL_XLATE, "unroll_xlate", ofpact_unroll_xlate, ofpact)   \
                                                                        \
    /* Instructions, in the order OpenFlow 1.1+ requires. */            \
    OFPACT(CLEAR_ACTIONS, "clear_actions", ofpact_null, ofpact)         \
    OFPACT(WRITE_ACTIONS, "write_actions", ofpact_nest, actions)        \
    OFPACT(WRITE_METADATA, "write_metadata", ofpact_metadata, ofpact)   \
    OFPACT(GOTO_TABLE, "goto_table", ofpact_goto_table, ofpact)

#ifndef OVS_PACKED_ENUM
#define OVS_PACKED_ENUM __attribute__((__packed__))
#endif

enum OVS_PACKED_ENUM ofpact_type {
#define OFPACT(ENUM, NAME, STRUCT, MEMBER) OFPACT_##ENUM,
    OFPACTS
#undef OFPACT
};

enum {
#define OFPACT(ENUM, NAME, STRUCT, MEMBER) + 1
    N_OFPACTS = OFPACTS
#undef OFPACT
};

/* Header of every abstract action. */
struct ofpact {
    enum ofpact_type type;      /* OFPACT_*. */
    uint8_t raw;                /* Wire form it came from, or 0. */
    uint16_t len;               /* Length of the action, in bytes, including
                                 * the struct ofpact but not trailing
                                 * alignment padding. */
};
BUILD_ASSERT_DECL(sizeof(struct ofpact) == 4);

/* Every ofpact starts at a multiple of this many bytes. */
#define OFPACT_ALIGNTO 8
#define OFPACT_ALIGN(SIZE) ROUND_UP(SIZE, OFPACT_ALIGNTO)

/* Declares the fixed part of an ofpact whose variable part (nested actions,
 * bytes) must start on an OFPACT_ALIGNTO boundary.  MEMBERS are ordinary
 * member declarations, the first being "struct ofpact ofpact;". */
#define OFPACT_ALIGNED_HEAD(MEMBERS)                                    \
    union {                                                             \
        struct { MEMBERS };                                             \
        uint8_t head_pad_[OFPACT_ALIGN(sizeof(struct { MEMBERS }))];    \
    }

/* Returns the action that follows 'ofpact'. */
static inline struct ofpact *
ofpact_next(const struct ofpact *ofpact)
{
    return (void *) ((uint8_t *) ofpact + OFPACT_ALIGN(ofpact->len));
}

/* Returns the end of the 'ofpacts_len' bytes of actions at 'ofpacts'. */
static inline struct ofpact *
ofpact_end(const struct ofpact *ofpacts, size_t ofpacts_len)
{
    return (void *) ((uint8_t *) ofpacts + ofpacts_len);
}

/* Returns the last action in 'ofpacts', or NULL if there is none. */
const struct ofpact *ofpact_last(const struct ofpact *ofpacts,
                                 size_t ofpacts_len);

/* Iterates POS over each action in OFPACTS/OFPACTS_LEN (bytes). */
#define OFPACT_FOR_EACH(POS, OFPACTS, OFPACTS_LEN)                      \
    for ((POS) = (OFPACTS); (POS) < ofpact_end(OFPACTS, OFPACTS_LEN);   \
         (POS) = ofpact_next(POS))

/* Like OFPACT_FOR_EACH, but only visits actions of type OFPACT_<TYPE>,
 * assigning a pointer to the specific struct to POS. */
#define OFPACT_FOR_EACH_TYPE(POS, TYPE, OFPACTS, OFPACTS_LEN)           \
    for (const struct ofpact *ofpact_iter_ = ofpacts_find_type(        \
             OFPACTS, ofpact_end(OFPACTS, OFPACTS_LEN), OFPACT_##TYPE); \
         ofpact_iter_                                                   \
         && ((POS) = ofpact_get_##TYPE(                                 \
                 CONST_CAST(struct ofpact *, ofpact_iter_)), true);     \
         ofpact_iter_ = ofpacts_find_type(                              \
             ofpact_next(ofpact_iter_),                                 \
             ofpact_end(OFPACTS, OFPACTS_LEN), OFPACT_##TYPE))

const struct ofpact *ofpacts_find_type(const struct ofpact *start,
                                       const struct ofpact *end,
                                       enum ofpact_type);

/* Action structures.  Each is named in OFPACTS above. */

/* OFPACT_STRIP_VLAN, OFPACT_EXIT, OFPACT_CT_CLEAR, OFPACT_CLEAR_ACTIONS. */
struct ofpact_null {
    struct ofpact ofpact;
};

/* OFPACT_OUTPUT. */
struct ofpact_output {
    struct ofpact ofpact;
    ofp_port_t port;            /* Output port (OFPP_* for special ones). */
    uint16_t max_len;           /* Bytes to send, when port is CONTROLLER. */
};

/* OFPACT_GROUP. */
struct ofpact_group {
    struct ofpact ofpact;
    uint32_t group_id;
};

/* OFPACT_CONTROLLER. */
struct ofpact_controller {
    struct ofpact ofpact;
    uint16_t max_len;           /* Bytes of packet to send. */
    uint16_t controller_id;     /* Only to controllers with this id. */
    uint8_t reason;             /* enum ofp_packet_in_reason. */
};

/* OFPACT_PAUSE: freeze translation and send a closure to the controllers
 * whose id is 'controller_id'. */
struct ofpact_pause {
    struct ofpact ofpact;
    uint16_t controller_id;
};

/* OFPACT_OUTPUT_REG: output to the port number held in a subfield. */
struct ofpact_output_reg {
    struct ofpact ofpact;
    uint16_t max_len;
    struct mf_subfield src;
};

/* OFPACT_SET_FIELD: sets 'field' to 'value' in the bits that are 1 in
 * 'mask'.  'raw' is NXAST_RAW_REG_LOAD when it was written as "load" or
 * came from NXAST_REG_LOAD, which is then how it is printed. */
struct ofpact_set_field {
    struct ofpact ofpact;
    const struct mf_field *field;
    union mf_value value;
    union mf_value mask;
};

/* OFPACT_SET_VLAN_VID.  'push_vlan_if_needed' is true when it came from an
 * OpenFlow 1.0 "mod_vlan_vid", which adds a VLAN header to an untagged
 * packet, false for OpenFlow 1.1's, which only modifies an existing one. */
struct ofpact_vlan_vid {
    struct ofpact ofpact;
    uint16_t vlan_vid;          /* 0...4095. */
    bool push_vlan_if_needed;
    bool flow_has_vlan;         /* Filled in by ofpacts_check(). */
    bool closure_private;       /* See ofpacts_mark_closure_private(). */
};

/* OFPACT_SET_VLAN_PCP.  Like OFPACT_SET_VLAN_VID. */
struct ofpact_vlan_pcp {
    struct ofpact ofpact;
    uint8_t vlan_pcp;           /* 0...7. */
    bool push_vlan_if_needed;
    bool flow_has_vlan;
    bool closure_private;
};

/* OFPACT_PUSH_VLAN. */
struct ofpact_push_vlan {
    struct ofpact ofpact;
    ovs_be16 ethertype;         /* 0x8100 or 0x88a8. */
};

/* OFPACT_SET_ETH_SRC, OFPACT_SET_ETH_DST. */
struct ofpact_mac {
    struct ofpact ofpact;
    struct eth_addr mac;
};

/* OFPACT_SET_IPV4_SRC, OFPACT_SET_IPV4_DST. */
struct ofpact_ipv4 {
    struct ofpact ofpact;
    ovs_be32 ipv4;
};

/* OFPACT_SET_IP_DSCP.  'dscp' is the ToS byte with the ECN bits zero. */
struct ofpact_dscp {
    struct ofpact ofpact;
    uint8_t dscp;
};

/* OFPACT_SET_IP_ECN. */
struct ofpact_ecn {
    struct ofpact ofpact;
    uint8_t ecn;                /* 0...3. */
};

/* OFPACT_SET_IP_TTL. */
struct ofpact_ip_ttl {
    struct ofpact ofpact;
    uint8_t ttl;
};

/* OFPACT_SET_L4_SRC_PORT, OFPACT_SET_L4_DST_PORT. */
struct ofpact_l4_port {
    struct ofpact ofpact;
    uint16_t port;
    uint8_t flow_ip_proto;      /* Filled in by ofpacts_check(). */
    bool closure_private;       /* See ofpacts_mark_closure_private(). */
};

/* OFPACT_REG_MOVE. */
struct ofpact_reg_move {
    struct ofpact ofpact;
    struct mf_subfield src;
    struct mf_subfield dst;
};

/* OFPACT_STACK_PUSH, OFPACT_STACK_POP. */
struct ofpact_stack {
    struct ofpact ofpact;
    struct mf_subfield subfield;
};

/* OFPACT_DEC_TTL: decrements the TTL, sending a packet-in with reason
 * "invalid_ttl" to each controller id in 'cnt_ids' when it reaches 0. */
struct ofpact_cnt_ids {
    OFPACT_ALIGNED_HEAD(
        struct ofpact ofpact;
        uint16_t n_controllers;
    );
    uint16_t cnt_ids[];
};

/* OFPACT_RESUBMIT.  'in_port' OFPP_IN_PORT means "the current in_port",
 * 'table_id' 255 means "the current table". */
struct ofpact_resubmit {
    struct ofpact ofpact;
    ofp_port_t in_port;
    uint8_t table_id;
};

/* OFPACT_NOTE: opaque bytes carried along with the actions. */
struct ofpact_note {
    OFPACT_ALIGNED_HEAD(
        struct ofpact ofpact;
        uint16_t length;
    );
    uint8_t data[];
};

/* OFPACT_CLONE, OFPACT_WRITE_ACTIONS: a nested list of actions. */
struct ofpact_nest {
    OFPACT_ALIGNED_HEAD(
        struct ofpact ofpact;
    );
    struct ofpact actions[];
};

/* Returns the length of the actions nested in 'nest'. */
static inline size_t
ofpact_nest_get_action_len(const struct ofpact_nest *nest)
{
    return nest->ofpact.len - offsetof(struct ofpact_nest, actions);
}

/* Bits in struct ofpact_conntrack's 'flags', as in NXAST_CT. */
enum nx_conntrack_flags_ {
    NX_CT_F_COMMIT_ = 1 << 0,
    NX_CT_F_FORCE_ = 1 << 1,
};
#define NX_CT_RECIRC_NONE 255   /* 'recirc_table' when there is none. */

/* OFPACT_CT: connection tracking.  The zone is 'zone_src' when its field
 * is nonnull, otherwise 'zone_imm'.  'actions' holds "exec(...)". */
struct ofpact_conntrack {
    OFPACT_ALIGNED_HEAD(
        struct ofpact ofpact;
        uint16_t flags;             /* NX_CT_F_*_. */
        uint16_t zone_imm;
        struct mf_subfield zone_src;
        uint16_t alg;
        uint8_t recirc_table;       /* Or NX_CT_RECIRC_NONE. */
    );
    struct ofpact actions[];
};

static inline size_t
ofpact_ct_get_action_len(const struct ofpact_conntrack *oc)
{
    return oc->ofpact.len - offsetof(struct ofpact_conntrack, actions);
}

/* OFPACT_UNROLL_XLATE: a marker that translation inserts in frozen
 * actions to record the table and cookie of the rule the following
 * actions came from.  Never encoded, parsed or (normally) printed. */
struct ofpact_unroll_xlate {
    struct ofpact ofpact;
    uint8_t rule_table_id;
    ovs_be64 rule_cookie;
};

/* OFPACT_WRITE_METADATA. */
struct ofpact_metadata {
    struct ofpact ofpact;
    ovs_be64 metadata;
    ovs_be64 mask;
};

/* OFPACT_GOTO_TABLE. */
struct ofpact_goto_table {
    struct ofpact ofpact;
    uint8_t table_id;
};

/* Wire actions that change how an ofpact is printed or re-encoded; stored
 * in struct ofpact's 'raw'.  Values other than these are irrelevant. */
enum ofpact_raw_hint {
    OFPACT_RAW_NONE = 0,
    OFPACT_RAW_REG_LOAD,        /* SET_FIELD written as "load". */
    OFPACT_RAW_POP_VLAN,        /* STRIP_VLAN written as "pop_vlan". */
    OFPACT_RAW_DEC_TTL_CNT_IDS, /* DEC_TTL written with controller ids. */
};

/* Allocation.
 *
 * For each action type, these are generated:
 *
 *   ofpact_put_<ENUM>(ofpacts): appends a zeroed struct <STRUCT> of type
 *   OFPACT_<ENUM>, aligned, and returns it.  If the action has a variable
 *   part, append it afterward with ofpbuf_put() and the like, then call
 *   ofpact_finish_<ENUM>(ofpacts, &ptr) (which may move the buffer).
 *
 *   ofpact_get_<ENUM>(ofpact): casts 'ofpact' to its struct, checking the
 *   type.
 *
 *   ofpact_init_<ENUM>(ptr): initializes a caller-provided struct. */
void *ofpact_put(struct ofpbuf *, enum ofpact_type, size_t len);
void ofpact_init(struct ofpact *, enum ofpact_type, size_t len);
void *ofpact_finish(struct ofpbuf *, struct ofpact *);

/* Checks that 'a' has type 'type' and returns it as a pointer to its
 * specific struct. */
static inline void *
ofpact_cast__(const struct ofpact *a, enum ofpact_type type)
{
    ovs_assert(a->type == type);
    return CONST_CAST(struct ofpact *, a);
}

/* Bytes that ofpact_put_<ENUM>() reserves: up to the variable part, or the
 * whole (aligned) struct if there is none. */
#define OFPACT_FIXED_SIZE__(STRUCT, MEMBER)                            \
    (offsetof(struct STRUCT, MEMBER) > 0                               \
     ? offsetof(struct STRUCT, MEMBER)                                 \
     : OFPACT_ALIGN(sizeof(struct STRUCT)))

#define OFPACT(ENUM, NAME, STRUCT, MEMBER)                             \
    enum { OFPACT_##ENUM##_SIZE = OFPACT_FIXED_SIZE__(STRUCT, MEMBER) }; \
                                                                       \
    static inline struct STRUCT *                                      \
    ofpact_get_##ENUM(const struct ofpact *a)                          \
    {                                                                  \
        return ofpact_cast__(a, OFPACT_##ENUM);                        \
    }                                                                  \
    static inline struct STRUCT *                                      \
    ofpact_get_##ENUM##_nullable(const struct ofpact *a)               \
    {                                                                  \
        return a ? ofpact_cast__(a, OFPACT_##ENUM) : NULL;             \
    }                                                                  \
    static inline struct STRUCT *                                      \
    ofpact_put_##ENUM(struct ofpbuf *buf)                              \
    {                                                                  \
        return ofpact_put(buf, OFPACT_##ENUM, OFPACT_##ENUM##_SIZE);   \
    }                                                                  \
    static inline void                                                 \
    ofpact_init_##ENUM(struct STRUCT *s)                               \
    {                                                                  \
        ofpact_init((struct ofpact *) (void *) s, OFPACT_##ENUM,       \
                    OFPACT_##ENUM##_SIZE);                             \
    }                                                                  \
    static inline void                                                 \
    ofpact_finish_##ENUM(struct ofpbuf *buf, struct STRUCT **sp)       \
    {                                                                  \
        ofpact_cast__((struct ofpact *) (void *) *sp, OFPACT_##ENUM);  \
        *sp = ofpact_finish(buf, (struct ofpact *) (void *) *sp);      \
    }
OFPACTS
#undef OFPACT

/* Returns the name of 'type' ("output", "set_field", ...). */
const char *ofpact_name(enum ofpact_type type);

/* Appends a SET_FIELD that sets all of 'field' to 'value' ('mask' all
 * ones if null). */
struct ofpact_set_field *ofpact_put_set_field(struct ofpbuf *,
                                              const struct mf_field *,
                                              const void *value,
                                              const void *mask);

/* Decoding from OpenFlow.  'vl_mff_map' and 'tlv_bitmap' may be NULL. */
enum ofperr ofpacts_pull_openflow_actions(
    struct ofpbuf *msg, unsigned int len, enum ofp_version,
    const struct vl_mff_map *, uint64_t *tlv_bitmap, struct ofpbuf *out);
enum ofperr ofpacts_pull_openflow_instructions(
    struct ofpbuf *msg, unsigned int len, enum ofp_version,
    const struct vl_mff_map *, uint64_t *tlv_bitmap, struct ofpbuf *out);

/* A closure's private actions travel in one OpenFlow version, but a few
 * actions mean something that version cannot say: OpenFlow 1.0's
 * mod_vlan_vid and mod_vlan_pcp add a tag only if there is none,
 * OpenFlow 1.1's set_vlan_vid and set_vlan_pcp never add one, and
 * mod_tp_src and mod_tp_dst apply to whichever of TCP, UDP or SCTP the
 * packet has.  OpenFlow 1.2+ would spell them with push_vlan, set_field
 * or a protocol-specific field chosen from the rule's match, which is
 * right only for the packets that the rule's match describes.
 *
 * ofpacts_mark_closure_private() marks those actions in 'ofpacts'
 * (nested lists included) so that OpenFlow 1.2+ encodes each of them as a
 * private Nicira action wrapping its OpenFlow 1.0 or 1.1 form.  Only the
 * ofpacts_pull_closure_*() decoders accept that action, so a controller
 * cannot use it in a flow. */
void ofpacts_mark_closure_private(struct ofpact *ofpacts, size_t len);
enum ofperr ofpacts_pull_closure_actions(struct ofpbuf *msg,
                                         unsigned int len, enum ofp_version,
                                         struct ofpbuf *out);
enum ofperr ofpacts_pull_closure_instructions(struct ofpbuf *msg,
                                              unsigned int len,
                                              enum ofp_version,
                                              struct ofpbuf *out);

/* Encoding to OpenFlow. */
size_t ofpacts_put_openflow_actions(const struct ofpact *, size_t ofpacts_len,
                                    struct ofpbuf *openflow, enum ofp_version);
void ofpacts_put_openflow_instructions(const struct ofpact *,
                                       size_t ofpacts_len,
                                       struct ofpbuf *openflow,
                                       enum ofp_version);

/* Text. */
char *ofpacts_parse_actions(const char *, const struct ofputil_port_map *,
                            struct ofpbuf *ofpacts,
                            enum ofputil_protocol *usable_protocols)
    OVS_WARN_UNUSED_RESULT;
char *ofpacts_parse_instructions(const char *,
                                 const struct ofputil_port_map *,
                                 struct ofpbuf *ofpacts,
                                 enum ofputil_protocol *usable_protocols)
    OVS_WARN_UNUSED_RESULT;
void ofpacts_format(const struct ofpact *, size_t ofpacts_len,
                    const struct ofputil_port_map *, struct ds *);
void ofpact_format(const struct ofpact *, const struct ofputil_port_map *,
                   struct ds *);

/* Validation. */
enum ofperr ofpacts_check(struct ofpact[], size_t ofpacts_len,
                          struct match *, ofp_port_t max_ports,
                          uint8_t table_id, uint8_t n_tables,
                          enum ofputil_protocol *usable_protocols);
enum ofperr ofpacts_check_consistency(struct ofpact[], size_t ofpacts_len,
                                      struct match *, ofp_port_t max_ports,
                                      uint8_t table_id, uint8_t n_tables,
                                      enum ofputil_protocol usable_protocols);
enum ofperr ofpacts_verify(const struct ofpact *, size_t ofpacts_len,
                           enum ofp_version, uint32_t allowed_ovsinsts,
                           enum ofpact_type outer_action, char **errorp);

/* Queries. */
bool ofpacts_equal(const struct ofpact *a, size_t a_len,
                   const struct ofpact *b, size_t b_len);
bool ofpacts_output_to_port(const struct ofpact *, size_t ofpacts_len,
                            ofp_port_t port);
bool ofpacts_output_to_group(const struct ofpact *, size_t ofpacts_len,
                             uint32_t group_id);
bool ofpact_is_allowed_in_actions_set(const struct ofpact *);

/* OpenFlow 1.1+ instructions, in the order they must appear. */
enum ovs_instruction_type {
    OVSINST_OFPIT11_APPLY_ACTIONS,
    OVSINST_OFPIT11_CLEAR_ACTIONS,
    OVSINST_OFPIT11_WRITE_ACTIONS,
    OVSINST_OFPIT11_WRITE_METADATA,
    OVSINST_OFPIT11_GOTO_TABLE,
};
#define N_OVS_INSTRUCTIONS (OVSINST_OFPIT11_GOTO_TABLE + 1)

const char *ovs_instruction_name_from_type(enum ovs_instruction_type);
uint16_t ovs_instruction_code(enum ovs_instruction_type);
int ovs_instruction_type_from_name(const char *name);
enum ovs_instruction_type ovs_instruction_type_from_ofpact_type(
    enum ofpact_type);

#endif /* ofp-actions.h */
