/* Internals shared by the files that implement ofp-actions.h.
 *
 * lib/ofp-actions.c holds the framework: the drivers that walk action
 * lists and instruction lists on the wire and in text, validation, queries
 * and helpers.  lib/ofp-actions-defs.c (output, control flow, nesting,
 * instructions, and the dispatch tables) and lib/ofp-actions-fields.c
 * (field rewrites) hold, for every action, its four small functions side
 * by side: decode (wire to ofpact), encode (ofpact to wire), parse (text
 * to ofpact), format (ofpact to text).  This header is their contract. */

#ifndef OFP_ACTIONS_PRIVATE_H
#define OFP_ACTIONS_PRIVATE_H 1

#include "ofp-actions.h"

struct ds;

/* Every wire action we know, one per (action, layout) pair.  Declared once;
 * the codes each OpenFlow version uses for it are in the table in
 * ofp-actions-defs.c ("raw_actions").  Columns of RAW_ACTIONS:
 *
 *   RAW(ENUM, VENDOR, OF10, OF11, OF12_14, OF15, LEN, VARIABLE)
 *
 * ENUM: RAW_<ENUM> names it and decode_RAW_<ENUM>() decodes it.
 * VENDOR: 0 for a standard action, NX_VENDOR_ID_ for a Nicira one.
 * OF10...OF15: the action type (standard) or subtype (Nicira) in that
 *   version, -1 if the version lacks it.
 * LEN: its length in bytes, or its minimum length if VARIABLE. */
#define NX_VENDOR_ID_ 0x00002320

#define RAW_ACTIONS                                                       \
    RAW(OF10_OUTPUT,        0,  0, -1, -1, -1,  8, false)                \
    RAW(OF11_OUTPUT,        0, -1,  0,  0,  0, 16, false)                \
    RAW(OF10_SET_VLAN_VID,  0,  1, -1, -1, -1,  8, false)                \
    RAW(OF10_SET_VLAN_PCP,  0,  2, -1, -1, -1,  8, false)                \
    RAW(OF10_STRIP_VLAN,    0,  3, -1, -1, -1,  8, false)                \
    RAW(OF11_SET_VLAN_VID,  0, -1,  1,  1,  1,  8, false)                \
    RAW(OF11_SET_VLAN_PCP,  0, -1,  2,  2,  2,  8, false)                \
    RAW(SET_DL_SRC,         0,  4,  3,  3,  3, 16, false)                \
    RAW(SET_DL_DST,         0,  5,  4,  4,  4, 16, false)                \
    RAW(SET_NW_SRC,         0,  6,  5,  5,  5,  8, false)                \
    RAW(SET_NW_DST,         0,  7,  6,  6,  6,  8, false)                \
    RAW(SET_NW_TOS,         0,  8,  7,  7,  7,  8, false)                \
    RAW(OF11_SET_NW_ECN,    0, -1,  8,  8,  8,  8, false)                \
    RAW(SET_TP_SRC,         0,  9,  9,  9,  9,  8, false)                \
    RAW(SET_TP_DST,         0, 10, 10, 10, 10,  8, false)                \
    RAW(OF11_PUSH_VLAN,     0, -1, 17, 17, 17,  8, false)                \
    RAW(OF11_POP_VLAN,      0, -1, 18, 18, 18,  8, false)                \
    RAW(OF11_GROUP,         0, -1, 22, 22, 22,  8, false)                \
    RAW(OF11_SET_NW_TTL,    0, -1, 23, 23, 23,  8, false)                \
    RAW(OF11_DEC_NW_TTL,    0, -1, 24, 24, 24,  8, false)                \
    RAW(OF12_SET_FIELD,     0, -1, -1, 25, 25,  8, true)                 \
    RAW(OF15_COPY_FIELD,    0, -1, -1, -1, 28, 16, true)                 \
    RAW(NX_RESUBMIT,        NX_VENDOR_ID_,  1,  1,  1,  1, 16, false)    \
    RAW(NX_REG_MOVE,        NX_VENDOR_ID_,  6,  6,  6,  6, 24, true)     \
    RAW(NX_REG_LOAD,        NX_VENDOR_ID_,  7,  7,  7,  7, 24, false)    \
    RAW(NX_NOTE,            NX_VENDOR_ID_,  8,  8,  8,  8, 16, true)     \
    RAW(NX_RESUBMIT_TABLE,  NX_VENDOR_ID_, 14, 14, 14, 14, 16, false)    \
    RAW(NX_OUTPUT_REG,      NX_VENDOR_ID_, 15, 15, 15, 15, 24, false)    \
    RAW(NX_EXIT,            NX_VENDOR_ID_, 17, 17, 17, 17, 16, false)    \
    RAW(NX_DEC_TTL,         NX_VENDOR_ID_, 18, 18, 18, 18, 16, false)    \
    RAW(NX_CONTROLLER,      NX_VENDOR_ID_, 20, 20, 20, 20, 16, false)    \
    RAW(NX_DEC_TTL_CNT_IDS, NX_VENDOR_ID_, 21, 21, 21, 21, 16, true)     \
    RAW(NX_WRITE_METADATA,  NX_VENDOR_ID_, 22, 22, 22, 22, 32, false)    \
    RAW(NX_STACK_PUSH,      NX_VENDOR_ID_, 27, 27, 27, 27, 24, false)    \
    RAW(NX_STACK_POP,       NX_VENDOR_ID_, 28, 28, 28, 28, 24, false)    \
    RAW(NX_REG_LOAD2,       NX_VENDOR_ID_, 33, 33, 33, 33, 16, true)     \
    RAW(NX_CT,              NX_VENDOR_ID_, 35, 35, 35, 35, 24, true)     \
    RAW(NX_PAUSE,           NX_VENDOR_ID_, 37, 37, 37, 37, 16, false)    \
    RAW(NX_GROUP,           NX_VENDOR_ID_, 40, -1, -1, -1, 16, false)    \
    RAW(NX_CLONE,           NX_VENDOR_ID_, 42, 42, 42, 42, 16, true)     \
    RAW(NX_CT_CLEAR,        NX_VENDOR_ID_, 43, 43, 43, 43, 16, false)    \
    RAW(NX_CLOSURE_LEGACY,  NX_VENDOR_ID_, 0x7f00, 0x7f00, 0x7f00,       \
        0x7f00, 24, false)

enum raw_action {
#define RAW(ENUM, VENDOR, OF10, OF11, OF12, OF15, LEN, VAR) RAW_##ENUM,
    RAW_ACTIONS
#undef RAW
    N_RAW_ACTIONS
};

/* What a decoder knows besides the bytes of its action. */
struct act_decode_ctx {
    enum ofp_version version;
    int depth;                          /* Nesting of clone/ct/... */
    const struct vl_mff_map *vl_mff_map;
    uint64_t *tlv_bitmap;
    bool closure;               /* Decoding a closure's private actions. */
};

/* What a text parser knows besides its argument. */
struct act_parse_ctx {
    const struct ofputil_port_map *port_map;
    struct ofpbuf *ofpacts;
    enum ofputil_protocol *usable_protocols;
    int depth;
};

/* Decodes the action of 'len' bytes at 'a' (header included, length
 * already checked against the table) and appends ofpacts to 'out'. */
typedef enum ofperr act_decode_func(const uint8_t *a, size_t len,
                                    const struct act_decode_ctx *,
                                    struct ofpbuf *out);

/* Parses the text argument 'arg' (may be modified in place, may be "").
 * Returns NULL on success, otherwise a malloc()'d error message. */
typedef char *act_parse_func(char *arg, const struct act_parse_ctx *);

/* Table of action keywords in ovs-ofctl syntax. */
struct act_keyword {
    const char *name;
    act_parse_func *parse;
};
extern const struct act_keyword act_keywords[];
extern const size_t n_act_keywords;

/* Per-wire-action decoders and per-ofpact encoders/formatters, generated in
 * ofp-actions-defs.c from RAW_ACTIONS and OFPACTS. */
struct raw_action_def {
    const char *name;
    uint32_t vendor;
    int16_t codes[4];           /* OF1.0, OF1.1, OF1.2-1.4, OF1.5+. */
    uint16_t len;
    bool variable;
    act_decode_func *decode;
};
extern const struct raw_action_def raw_action_defs[N_RAW_ACTIONS];

void act_encode(const struct ofpact *, enum ofp_version, struct ofpbuf *);
void act_format(const struct ofpact *, const struct ofputil_port_map *,
                struct ds *);

/* Framework services used by the per-action functions. */
enum ofperr act_find_raw(const uint8_t *a, size_t len, enum ofp_version,
                         const struct raw_action_def **);
uint8_t *act_put_raw(struct ofpbuf *, enum ofp_version, enum raw_action,
                     size_t len);
void act_finish_var(struct ofpbuf *, size_t start_ofs);
/* The nested decoders and parsers take the offset in 'out' of the ofpact
 * that holds the nested list, to check that it fits in its 16-bit length. */
enum ofperr act_decode_nested(const uint8_t *data, size_t len,
                              const struct act_decode_ctx *,
                              struct ofpbuf *out, size_t outer_ofs);
char *act_parse_nested(char *text, const struct act_parse_ctx *,
                       size_t outer_ofs)
    OVS_WARN_UNUSED_RESULT;
bool act_parse_key_value(char **stringp, char **keyp, char **valuep);
char *act_parse_port(const char *, const struct ofputil_port_map *,
                     ofp_port_t *) OVS_WARN_UNUSED_RESULT;
void act_format_port(ofp_port_t, const struct ofputil_port_map *,
                     struct ds *);
char *act_parse_table(const char *, uint8_t *table_id)
    OVS_WARN_UNUSED_RESULT;
void act_encode_list(const struct ofpact *, size_t len, enum ofp_version,
                     struct ofpbuf *);

/* Per-action functions, defined in ofp-actions-defs.c and
 * ofp-actions-fields.c next to each other, one set per action. */
#define RAW(ENUM, VENDOR, OF10, OF11, OF12, OF15, LEN, VAR)              \
    act_decode_func decode_RAW_##ENUM;
RAW_ACTIONS
#undef RAW

#define OFPACT(ENUM, NAME, STRUCT, MEMBER)                              \
    void encode_##ENUM(const struct STRUCT *, enum ofp_version,         \
                       struct ofpbuf *);                                \
    void format_##ENUM(const struct STRUCT *,                           \
                       const struct ofputil_port_map *, struct ds *);
OFPACTS
#undef OFPACT

/* Text parsers of ofp-actions-fields.c named in the keyword table. */
act_parse_func parse_SET_FIELD;
act_parse_func parse_LOAD;
act_parse_func parse_SET_VLAN_VID;
act_parse_func parse_set_vlan_vid;
act_parse_func parse_SET_VLAN_PCP;
act_parse_func parse_set_vlan_pcp;
act_parse_func parse_STRIP_VLAN;
act_parse_func parse_pop_vlan;
act_parse_func parse_PUSH_VLAN;
act_parse_func parse_SET_ETH_SRC;
act_parse_func parse_SET_ETH_DST;
act_parse_func parse_SET_IPV4_SRC;
act_parse_func parse_SET_IPV4_DST;
act_parse_func parse_SET_IP_DSCP;
act_parse_func parse_SET_IP_ECN;
act_parse_func parse_SET_IP_TTL;
act_parse_func parse_SET_L4_SRC_PORT;
act_parse_func parse_SET_L4_DST_PORT;
act_parse_func parse_REG_MOVE;
act_parse_func parse_STACK_PUSH;
act_parse_func parse_STACK_POP;

/* Helpers shared by the per-action functions (in ofp-actions.c). */
bool act_zeros(const uint8_t *, size_t n);
bool act_mask_is_full(const union mf_value *mask, const struct mf_field *);
char *act_str_to_u8(const char *, const char *what, uint8_t *)
    OVS_WARN_UNUSED_RESULT;
char *act_str_to_u16(const char *, const char *what, uint16_t *)
    OVS_WARN_UNUSED_RESULT;
char *act_str_to_u32(const char *, const char *what, uint32_t *)
    OVS_WARN_UNUSED_RESULT;
char *act_str_to_u64(const char *, const char *what, uint64_t *)
    OVS_WARN_UNUSED_RESULT;
uint16_t act_ofs_nbits_encode(unsigned int ofs, unsigned int n_bits);
enum ofperr act_subfield_from_ofs_nbits(const struct mf_field *,
                                        uint16_t ofs_nbits,
                                        struct mf_subfield *);
uint32_t act_field_header32(const struct mf_field *);
enum ofperr act_field_from_header32(const uint8_t *,
                                    const struct act_decode_ctx *,
                                    const struct mf_field **);
enum ofperr act_pull_field_header(const uint8_t **p, size_t *left,
                                  const struct act_decode_ctx *,
                                  const struct mf_field **);

/* Big-endian byte access that never assumes alignment. */
static inline uint16_t
act_get16(const uint8_t *p)
{
    return (p[0] << 8) | p[1];
}

static inline uint32_t
act_get32(const uint8_t *p)
{
    return ((uint32_t) act_get16(p) << 16) | act_get16(p + 2);
}

static inline uint64_t
act_get64(const uint8_t *p)
{
    return ((uint64_t) act_get32(p) << 32) | act_get32(p + 4);
}

static inline void
act_put16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static inline void
act_put32(uint8_t *p, uint32_t v)
{
    act_put16(p, v >> 16);
    act_put16(p + 2, v);
}

static inline void
act_put64(uint8_t *p, uint64_t v)
{
    act_put32(p, v >> 32);
    act_put32(p + 4, v);
}

#endif /* ofp-actions-private.h */
