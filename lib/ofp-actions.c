/* The action framework: lists of abstract actions and how whole lists and
 * instruction sets travel between the wire, the text syntax and memory.
 *
 * An OpenFlow action list is a run of variable-length actions, each
 * starting with a 16-bit type and a 16-bit length; Nicira extension
 * actions use the vendor type 0xffff followed by the vendor id 0x00002320
 * and a 16-bit subtype.  Decoding looks each action up in the wire action
 * table (RAW_ACTIONS, declared once in ofp-actions-private.h) for the
 * message's OpenFlow version, checks its length against the table, and
 * hands its bytes to that action's decoder.  Encoding asks each ofpact for
 * the wire form that suits the target version.
 *
 * OpenFlow 1.1 added instructions around actions: "apply_actions" (the
 * plain action list), "clear_actions", "write_actions" (the action set),
 * "write_metadata" and "goto_table".  They may arrive in any order on the
 * wire, each at most once; in memory they always appear in the order the
 * specification executes them, which ofpacts_verify() enforces.
 *
 * Validation happens in two steps.  ofpacts_verify() checks what can be
 * known from the actions alone (nesting rules, instruction order).
 * ofpacts_check() checks the actions against a flow's match (ports in
 * range, prerequisites of the fields they rewrite) and against the switch
 * (table ids); it is what a switch runs before it installs a flow. */

#include <config.h>
#include "ofp-actions.h"

#include <errno.h>
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <inttypes.h>
#include "byte-order.h"
#include "flow.h"
#include "match.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "ofp-actions-private.h"
#include "ofp-port.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "packets.h"

VLOG_DEFINE_THIS_MODULE(ofp_actions);

/* Decoding errors come from the network: say why, but not too often. */
static struct vlog_rate_limit bad_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* Nested action lists (clone, ct, write_actions) deeper than this are
 * rejected, so that hostile input cannot exhaust the stack. */
#define MAX_NESTING 32

/* ---- Building action lists. ---- */

/* Appends a zeroed ofpact of 'type' and 'len' bytes to 'ofpacts', at an
 * OFPACT_ALIGNTO boundary, and returns it.  The caller owns nothing new;
 * the returned pointer is valid until 'ofpacts' next grows. */
void *
ofpact_put(struct ofpbuf *ofpacts, enum ofpact_type type, size_t len)
{
    ofpbuf_put_zeros(ofpacts, PAD_SIZE(ofpacts->size, OFPACT_ALIGNTO));
    struct ofpact *ofpact = ofpbuf_put_zeros(ofpacts, OFPACT_ALIGN(len));
    ofpact_init(ofpact, type, len);
    return ofpact;
}

/* Initializes the 'len' bytes at 'ofpact' as an empty ofpact of 'type'. */
void
ofpact_init(struct ofpact *ofpact, enum ofpact_type type, size_t len)
{
    memset(ofpact, 0, len);
    ofpact->type = type;
    ofpact->raw = 0;
    ofpact->len = len;
}

/* Ends an ofpact with a variable-length part: 'ofpact', which must be the
 * last ofpact begun in 'ofpacts', now extends to the end of 'ofpacts'.
 * Pads 'ofpacts' to alignment and returns the (possibly moved) ofpact. */
void *
ofpact_finish(struct ofpbuf *ofpacts, struct ofpact *ofpact)
{
    size_t ofs = (uint8_t *) ofpact - (uint8_t *) ofpacts->data;

    ovs_assert(ofs <= ofpacts->size);
    ofpact->len = ofpacts->size - ofs;
    ofpbuf_put_zeros(ofpacts, PAD_SIZE(ofpacts->size, OFPACT_ALIGNTO));
    return ofpbuf_at_assert(ofpacts, ofs, sizeof *ofpact);
}

const struct ofpact *
ofpact_last(const struct ofpact *ofpacts, size_t ofpacts_len)
{
    const struct ofpact *a, *last = NULL;

    OFPACT_FOR_EACH (a, ofpacts, ofpacts_len) {
        last = a;
    }
    return last;
}

/* Returns the first ofpact of 'type' in [start, end), or NULL. */
const struct ofpact *
ofpacts_find_type(const struct ofpact *start, const struct ofpact *end,
                  enum ofpact_type type)
{
    for (const struct ofpact *a = start; a < end; a = ofpact_next(a)) {
        if (a->type == type) {
            return a;
        }
    }
    return NULL;
}

static const char *const ofpact_names[N_OFPACTS] = {
#define OFPACT(ENUM, NAME, STRUCT, MEMBER) [OFPACT_##ENUM] = NAME,
    OFPACTS
#undef OFPACT
};

const char *
ofpact_name(enum ofpact_type type)
{
    return (int) type < N_OFPACTS ? ofpact_names[type] : "<unknown>";
}

/* Returns true if 'mask' has a 1-bit for every significant bit of
 * 'field'. */
static bool
mask_covers_field(const void *mask, const struct mf_field *field)
{
    return (bitwise_scan(mask, field->n_bytes, false, 0, field->n_bits)
            >= field->n_bits);
}

/* Appends a SET_FIELD of 'field' to 'ofpacts'.  'value' and 'mask' point
 * to field->n_bytes bytes each; a null 'mask' means all ones. */
struct ofpact_set_field *
ofpact_put_set_field(struct ofpbuf *ofpacts, const struct mf_field *field,
                     const void *value, const void *mask)
{
    struct ofpact_set_field *sf = ofpact_put_SET_FIELD(ofpacts);

    sf->field = field;
    memcpy(&sf->value, value, field->n_bytes);
    if (mask && !mask_covers_field(mask, field)) {
        memcpy(&sf->mask, mask, field->n_bytes);
        /* Keep bits outside the mask zero, so that equal actions compare
         * equal byte for byte. */
        uint8_t *v = (uint8_t *) &sf->value;
        const uint8_t *m = (const uint8_t *) &sf->mask;
        for (size_t i = 0; i < field->n_bytes; i++) {
            v[i] &= m[i];
        }
    } else {
        memset(&sf->mask, 0xff, field->n_bytes);
    }
    return sf;
}

/* ---- Wire helpers for the per-action encoders. ---- */

static int
version_column(enum ofp_version version)
{
    return (version <= OFP10_VERSION ? 0
            : version == OFP11_VERSION ? 1
            : version < OFP15_VERSION ? 2
            : 3);
}

/* Appends the header of wire action 'raw' for 'version' to 'out', followed
 * by zeros up to 'len' bytes in total, and returns the start of the
 * action.  For a variable-length action, append the rest and then call
 * act_finish_var(). */
uint8_t *
act_put_raw(struct ofpbuf *out, enum ofp_version version,
            enum raw_action raw, size_t len)
{
    const struct raw_action_def *def = &raw_action_defs[raw];
    int code = def->codes[version_column(version)];
    uint8_t *a = ofpbuf_put_zeros(out, len);

    ovs_assert(code >= 0);
    act_put16(a + 2, len);
    if (def->vendor) {
        act_put16(a, 0xffff);
        act_put32(a + 4, def->vendor);
        act_put16(a + 8, code);
    } else {
        act_put16(a, code);
    }
    return a;
}

/* Pads the variable-length action that starts at 'start_ofs' in 'out' to a
 * multiple of 8 bytes and fills in its length. */
void
act_finish_var(struct ofpbuf *out, size_t start_ofs)
{
    ofpbuf_put_zeros(out, PAD_SIZE(out->size - start_ofs, 8));
    act_put16((uint8_t *) out->data + start_ofs + 2, out->size - start_ofs);
}

/* ---- Helpers for the per-action decoders and parsers. ---- */

/* Returns true if 'mask' has a 1-bit for every significant bit of
 * 'field'. */
bool
act_mask_is_full(const union mf_value *mask, const struct mf_field *field)
{
    return (bitwise_scan(mask, field->n_bytes, false, 0, field->n_bits)
            >= field->n_bits);
}

/* Returns true if the 'n' bytes at 'p' are all zero. */
bool
act_zeros(const uint8_t *p, size_t n)
{
    return is_all_zeros(p, n);
}

/* Parses 's' as an unsigned integer (decimal, or hex with "0x") no
 * bigger than 'max'.  Returns NULL or a malloc()'d error naming 'what'. */
static char * OVS_WARN_UNUSED_RESULT
str_to_uint_range(const char *s, const char *what, uintmax_t max,
                  uintmax_t *valuep)
{
    char *tail;

    if (!s[0]) {
        return xasprintf("missing %s", what);
    }
    if (s[0] == '-' || isspace((unsigned char) s[0])) {
        return xasprintf("invalid %s \"%s\"", what, s);
    }
    errno = 0;
    uintmax_t v = strtoumax(s, &tail, 0);
    if (errno || *tail || v > max) {
        return xasprintf("invalid %s \"%s\"", what, s);
    }
    *valuep = v;
    return NULL;
}

char *
act_str_to_u8(const char *s, const char *what, uint8_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT8_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

char *
act_str_to_u16(const char *s, const char *what, uint16_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT16_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

char *
act_str_to_u32(const char *s, const char *what, uint32_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT32_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

char *
act_str_to_u64(const char *s, const char *what, uint64_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT64_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

/* Encodes 'ofs' and 'n_bits' the way NXM actions pack them in 16 bits. */
uint16_t
act_ofs_nbits_encode(unsigned int ofs, unsigned int n_bits)
{
    return (ofs << 6) | (n_bits - 1);
}

/* Fills 'sf' from a packed 'ofs_nbits' and 'field', checking that the bits
 * lie within the field. */
enum ofperr
act_subfield_from_ofs_nbits(const struct mf_field *field, uint16_t ofs_nbits,
                        struct mf_subfield *sf)
{
    sf->field = field;
    sf->ofs = ofs_nbits >> 6;
    sf->n_bits = (ofs_nbits & 0x3f) + 1;
    return (sf->ofs + sf->n_bits <= field->n_bits
            ? 0 : OFPERR_OFPBAC_BAD_ARGUMENT);
}

/* Returns the 32-bit NXM or OXM header that names 'field' in Nicira
 * actions, or 0 if the field needs a longer (experimenter) header. */
uint32_t
act_field_header32(const struct mf_field *field)
{
    uint64_t stub[4];
    struct ofpbuf b;
    uint32_t header = 0;

    ofpbuf_use_stub(&b, stub, sizeof stub);
    nx_put_header(&b, field->id, 0, false);
    if (b.size == 4) {
        header = act_get32(b.data);
    }
    ofpbuf_uninit(&b);
    return header;
}

/* Looks up the field named by the 4-byte header at 'p'. */
enum ofperr
act_field_from_header32(const uint8_t *p,
                    const struct act_decode_ctx *ctx OVS_UNUSED,
                    const struct mf_field **fieldp)
{
    struct ofpbuf b;
    bool masked;

    ofpbuf_use_const(&b, p, 4);
    enum ofperr error = nx_pull_header(&b, fieldp, &masked);
    if (error) {
        return error;
    }
    return masked ? OFPERR_OFPBAC_BAD_ARGUMENT : 0;
}

/* Pulls one field header (4 or 8 bytes) from '*p', which has '*left'
 * bytes. */
enum ofperr
act_pull_field_header(const uint8_t **p, size_t *left,
                  const struct act_decode_ctx *ctx OVS_UNUSED,
                  const struct mf_field **fieldp)
{
    struct ofpbuf b;
    bool masked;

    ofpbuf_use_const(&b, *p, *left);
    enum ofperr error = nx_pull_header(&b, fieldp, &masked);
    if (error) {
        return error;
    }
    if (masked) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    *p = b.data;
    *left = b.size;
    return 0;
}

/* ---- Decoding. ---- */

/* Finds the table entry for the action at 'a' in 'version'. */
enum ofperr
act_find_raw(const uint8_t *a, size_t len, enum ofp_version version,
             const struct raw_action_def **defp)
{
    int col = version_column(version);
    uint16_t type = act_get16(a);
    uint32_t vendor = 0;
    uint16_t code = type;

    if (type == 0xffff) {
        if (len < 16) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        vendor = act_get32(a + 4);
        code = act_get16(a + 8);
        if (vendor != NX_VENDOR_ID_) {
            return OFPERR_OFPBAC_BAD_VENDOR;
        }
    }

    for (size_t i = 0; i < N_RAW_ACTIONS; i++) {
        const struct raw_action_def *def = &raw_action_defs[i];
        if (def->vendor == vendor && def->codes[col] == code) {
            *defp = def;
            return 0;
        }
    }
    return vendor ? OFPERR_OFPBAC_BAD_VENDOR_TYPE : OFPERR_OFPBAC_BAD_TYPE;
}

/* Decodes the 'len' bytes of actions at 'data', appending to 'out'. */
static enum ofperr decode_action_list__(const uint8_t *, size_t,
                                        const struct act_decode_ctx *,
                                        struct ofpbuf *, size_t *ofsp);

/* Decodes the 'len' bytes of actions at 'data', appending to 'out'.  Logs
 * where a top-level list went wrong. */
static enum ofperr
decode_action_list(const uint8_t *data, size_t len,
                   const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    size_t ofs = 0;
    enum ofperr error = decode_action_list__(data, len, ctx, out, &ofs);

    if (error && !ctx->depth) {
        VLOG_WARN_RL(&bad_rl, "bad OpenFlow %#x action at byte %zu of %zu "
                     "(%s)", ctx->version, ofs, len, ofperr_get_name(error));
    }
    return error;
}

/* Does the work of decode_action_list(), storing in '*ofsp' the offset
 * of the action where it stopped. */
static enum ofperr
decode_action_list__(const uint8_t *data, size_t len,
                     const struct act_decode_ctx *ctx, struct ofpbuf *out,
                     size_t *ofsp)
{
    const uint8_t *start = data;

    if (ctx->depth > MAX_NESTING) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    while (len > 0) {
        *ofsp = data - start;
        const struct raw_action_def *def;
        size_t alen;
        enum ofperr error;

        if (len < 8) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        alen = act_get16(data + 2);
        if (alen < 8 || alen % 8 || alen > len) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        error = act_find_raw(data, alen, ctx->version, &def);
        if (error) {
            return error;
        }
        if (def->variable ? alen < def->len : alen != def->len) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        error = def->decode(data, alen, ctx, out);
        if (error) {
            return error;
        }
        data += alen;
        len -= alen;
    }
    return 0;
}

/* Decodes actions nested inside another action (clone, ct). */
enum ofperr
act_decode_nested(const uint8_t *data, size_t len,
                  const struct act_decode_ctx *ctx, struct ofpbuf *out,
                  size_t outer_ofs)
{
    struct act_decode_ctx inner = *ctx;
    enum ofperr error;

    inner.depth++;
    error = decode_action_list(data, len, &inner, out);
    if (!error && out->size - outer_ofs > UINT16_MAX) {
        /* In memory the nested actions take more room than on the wire, and
         * may not fit in the 16-bit length of the outer ofpact. */
        error = OFPERR_OFPBAC_BAD_LEN;
    }
    return error;
}

/* Verifies freshly decoded 'ofpacts', logging why they are rejected. */
static enum ofperr
verify_decoded(const struct ofpbuf *ofpacts, enum ofp_version version,
               uint32_t allowed_ovsinsts)
{
    char *msg;
    enum ofperr error = ofpacts_verify(ofpacts->data, ofpacts->size, version,
                                       allowed_ovsinsts, 0, &msg);
    if (error) {
        VLOG_WARN_RL(&bad_rl, "%s (%s)", msg ? msg : "invalid actions",
                     ofperr_get_name(error));
        free(msg);
    }
    return error;
}

static enum ofperr
pull_actions__(struct ofpbuf *openflow, unsigned int actions_len,
               enum ofp_version version, uint32_t allowed_ovsinsts,
               const struct vl_mff_map *vl_mff_map,
               uint64_t *tlv_bitmap, bool closure, struct ofpbuf *ofpacts)
{
    const uint8_t *data;
    enum ofperr error;

    ofpbuf_clear(ofpacts);
    if (actions_len % 8 || actions_len > openflow->size) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    data = ofpbuf_pull(openflow, actions_len);

    struct act_decode_ctx ctx = {
        .version = version,
        .depth = 0,
        .vl_mff_map = vl_mff_map,
        .tlv_bitmap = tlv_bitmap,
        .closure = closure,
    };
    error = decode_action_list(data, actions_len, &ctx, ofpacts);
    if (!error) {
        error = verify_decoded(ofpacts, version, allowed_ovsinsts);
    }
    if (error) {
        ofpbuf_clear(ofpacts);
    }
    return error;
}

/* Pulls 'actions_len' bytes of OpenFlow actions of 'version' from the
 * front of 'openflow' and decodes them into 'ofpacts' (cleared first).
 * On error, 'ofpacts' is left empty.  'vl_mff_map' and
 * 'ofpacts_tlv_bitmap' may be null. */
enum ofperr
ofpacts_pull_openflow_actions(struct ofpbuf *msg, unsigned int len,
                              enum ofp_version version,
                              const struct vl_mff_map *map,
                              uint64_t *tlv_bitmap, struct ofpbuf *out)
{
    uint32_t only_apply = 1u << OVSINST_OFPIT11_APPLY_ACTIONS;

    return pull_actions__(msg, len, version, only_apply, map, tlv_bitmap,
                          false, out);
}

enum ofperr
ofpacts_pull_closure_actions(struct ofpbuf *msg, unsigned int len,
                             enum ofp_version version, struct ofpbuf *out)
{
    uint32_t only_apply = 1u << OVSINST_OFPIT11_APPLY_ACTIONS;

    return pull_actions__(msg, len, version, only_apply, NULL, NULL, true,
                          out);
}

/* Wire codes of the OpenFlow 1.1+ instructions. */
enum {
    OFPIT_GOTO_TABLE = 1,
    OFPIT_WRITE_METADATA = 2,
    OFPIT_WRITE_ACTIONS = 3,
    OFPIT_APPLY_ACTIONS = 4,
    OFPIT_CLEAR_ACTIONS = 5,
    OFPIT_METER = 6,
    OFPIT_EXPERIMENTER = 0xffff,
};

static const struct {
    uint16_t code;
    const char *name;
} instructions[N_OVS_INSTRUCTIONS] = {
    [OVSINST_OFPIT11_APPLY_ACTIONS] = { OFPIT_APPLY_ACTIONS,
                                        "apply_actions" },
    [OVSINST_OFPIT11_CLEAR_ACTIONS] = { OFPIT_CLEAR_ACTIONS,
                                        "clear_actions" },
    [OVSINST_OFPIT11_WRITE_ACTIONS] = { OFPIT_WRITE_ACTIONS,
                                        "write_actions" },
    [OVSINST_OFPIT11_WRITE_METADATA] = { OFPIT_WRITE_METADATA,
                                         "write_metadata" },
    [OVSINST_OFPIT11_GOTO_TABLE] = { OFPIT_GOTO_TABLE, "goto_table" },
};

const char *
ovs_instruction_name_from_type(enum ovs_instruction_type type)
{
    return type < N_OVS_INSTRUCTIONS ? instructions[type].name : NULL;
}

/* Returns the OpenFlow 1.1+ wire code (OFPIT_*) of instruction 'type'. */
uint16_t
ovs_instruction_code(enum ovs_instruction_type type)
{
    return instructions[type].code;
}

/* Returns the ovs_instruction_type named 'name', or -1. */
int
ovs_instruction_type_from_name(const char *name)
{
    for (int i = 0; i < N_OVS_INSTRUCTIONS; i++) {
        if (!strcasecmp(name, instructions[i].name)) {
            return i;
        }
    }
    return -1;
}

enum ovs_instruction_type
ovs_instruction_type_from_ofpact_type(enum ofpact_type type)
{
    return (type == OFPACT_CLEAR_ACTIONS ? OVSINST_OFPIT11_CLEAR_ACTIONS
            : type == OFPACT_WRITE_ACTIONS ? OVSINST_OFPIT11_WRITE_ACTIONS
            : type == OFPACT_WRITE_METADATA ? OVSINST_OFPIT11_WRITE_METADATA
            : type == OFPACT_GOTO_TABLE ? OVSINST_OFPIT11_GOTO_TABLE
            : OVSINST_OFPIT11_APPLY_ACTIONS);
}

/* Splits the instructions at 'data' into 'insts' by type, rejecting
 * unknown, unsupported, duplicate and badly sized ones. */
static enum ofperr
split_instructions(const uint8_t *data, size_t len,
                   const uint8_t *insts[N_OVS_INSTRUCTIONS],
                   size_t lens[N_OVS_INSTRUCTIONS])
{
    while (len > 0) {
        if (len < 8) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        uint16_t code = act_get16(data);
        size_t ilen = act_get16(data + 2);
        if (ilen < 8 || ilen % 8 || ilen > len) {
            return OFPERR_OFPBIC_BAD_LEN;
        }

        int type;
        for (type = 0; type < N_OVS_INSTRUCTIONS; type++) {
            if (instructions[type].code == code) {
                break;
            }
        }
        if (type >= N_OVS_INSTRUCTIONS) {
            return (code == OFPIT_METER ? OFPERR_OFPBIC_UNSUP_INST
                    : code == OFPIT_EXPERIMENTER
                    ? OFPERR_OFPBIC_BAD_EXPERIMENTER
                    : OFPERR_OFPBIC_UNKNOWN_INST);
        }
        if (insts[type]) {
            return OFPERR_OFPBIC_DUP_INST;
        }
        insts[type] = data;
        lens[type] = ilen;
        data += ilen;
        len -= ilen;
    }
    return 0;
}

/* Decodes the instructions of 'insts' into 'ofpacts' in canonical order. */
static enum ofperr
decode_instructions(const uint8_t *insts[N_OVS_INSTRUCTIONS],
                    const size_t lens[N_OVS_INSTRUCTIONS],
                    const struct act_decode_ctx *ctx, struct ofpbuf *ofpacts)
{
    const uint8_t *p;
    enum ofperr error;

    p = insts[OVSINST_OFPIT11_APPLY_ACTIONS];
    if (p) {
        error = decode_action_list(p + 8,
                                   lens[OVSINST_OFPIT11_APPLY_ACTIONS] - 8,
                                   ctx, ofpacts);
        if (error) {
            return error;
        }
    }

    p = insts[OVSINST_OFPIT11_CLEAR_ACTIONS];
    if (p) {
        if (lens[OVSINST_OFPIT11_CLEAR_ACTIONS] != 8) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        ofpact_put_CLEAR_ACTIONS(ofpacts);
    }

    p = insts[OVSINST_OFPIT11_WRITE_ACTIONS];
    if (p) {
        size_t ofs = ofpacts->size;
        struct ofpact_nest *w;

        ofpact_put_WRITE_ACTIONS(ofpacts);
        error = act_decode_nested(p + 8,
                                  lens[OVSINST_OFPIT11_WRITE_ACTIONS] - 8,
                                  ctx, ofpacts, ofs);
        w = ofpbuf_at_assert(ofpacts, ofs, sizeof *w);
        ofpact_finish_WRITE_ACTIONS(ofpacts, &w);
        if (error) {
            return error;
        }
    }

    p = insts[OVSINST_OFPIT11_WRITE_METADATA];
    if (p) {
        if (lens[OVSINST_OFPIT11_WRITE_METADATA] != 24) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        struct ofpact_metadata *m = ofpact_put_WRITE_METADATA(ofpacts);
        m->metadata = htonll(act_get64(p + 8));
        m->mask = htonll(act_get64(p + 16));
    }

    p = insts[OVSINST_OFPIT11_GOTO_TABLE];
    if (p) {
        if (lens[OVSINST_OFPIT11_GOTO_TABLE] != 8) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        ofpact_put_GOTO_TABLE(ofpacts)->table_id = p[4];
    }
    return 0;
}

/* Pulls 'instructions_len' bytes of OpenFlow 1.1+ instructions from the
 * front of 'openflow' and decodes them into 'ofpacts' (cleared first), in
 * the order OpenFlow executes them.  For OpenFlow 1.0, which has no
 * instructions, the bytes are an action list (whose Nicira extensions may
 * stand for instructions).  On error, 'ofpacts' is left empty. */
static enum ofperr
pull_instructions__(struct ofpbuf *openflow, unsigned int instructions_len,
                    enum ofp_version version, const struct vl_mff_map *map,
                    uint64_t *tlv_bitmap, bool closure,
                    struct ofpbuf *ofpacts)
{
    const uint8_t *insts[N_OVS_INSTRUCTIONS] = { NULL };
    size_t lens[N_OVS_INSTRUCTIONS] = { 0 };
    const uint8_t *data;
    enum ofperr error;

    if (version == OFP10_VERSION) {
        return pull_actions__(openflow, instructions_len, version,
                              (1u << N_OVS_INSTRUCTIONS) - 1, map,
                              tlv_bitmap, closure, ofpacts);
    }

    ofpbuf_clear(ofpacts);
    if (instructions_len % 8 || instructions_len > openflow->size) {
        return OFPERR_OFPBIC_BAD_LEN;
    }
    data = ofpbuf_pull(openflow, instructions_len);

    struct act_decode_ctx ctx = {
        .version = version,
        .depth = 0,
        .vl_mff_map = map,
        .tlv_bitmap = tlv_bitmap,
        .closure = closure,
    };
    error = split_instructions(data, instructions_len, insts, lens);
    if (error) {
        VLOG_WARN_RL(&bad_rl, "bad OpenFlow %#x instructions (%s)", version,
                     ofperr_get_name(error));
    }
    error = (error ? error
             : decode_instructions(insts, lens, &ctx, ofpacts));
    error = (error ? error
             : verify_decoded(ofpacts, version,
                              (1u << N_OVS_INSTRUCTIONS) - 1));
    if (error) {
        /* Leave nothing half-decoded behind. */
        ofpacts->size = 0;
    }
    return error;
}

enum ofperr
ofpacts_pull_openflow_instructions(struct ofpbuf *openflow,
                                   unsigned int instructions_len,
                                   enum ofp_version version,
                                   const struct vl_mff_map *map,
                                   uint64_t *tlv_bitmap,
                                   struct ofpbuf *ofpacts)
{
    return pull_instructions__(openflow, instructions_len, version, map,
                               tlv_bitmap, false, ofpacts);
}

enum ofperr
ofpacts_pull_closure_instructions(struct ofpbuf *openflow,
                                  unsigned int instructions_len,
                                  enum ofp_version version,
                                  struct ofpbuf *ofpacts)
{
    return pull_instructions__(openflow, instructions_len, version, NULL,
                               NULL, true, ofpacts);
}

void
ofpacts_mark_closure_private(struct ofpact *ofpacts, size_t len)
{
    struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, len) {
        switch (a->type) {
        case OFPACT_SET_VLAN_VID:
            ofpact_get_SET_VLAN_VID(a)->closure_private = true;
            break;
        case OFPACT_SET_VLAN_PCP:
            ofpact_get_SET_VLAN_PCP(a)->closure_private = true;
            break;
        case OFPACT_SET_L4_SRC_PORT:
            ofpact_get_SET_L4_SRC_PORT(a)->closure_private = true;
            break;
        case OFPACT_SET_L4_DST_PORT:
            ofpact_get_SET_L4_DST_PORT(a)->closure_private = true;
            break;
        case OFPACT_CLONE:
        case OFPACT_WRITE_ACTIONS: {
            struct ofpact_nest *nest = ALIGNED_CAST(struct ofpact_nest *, a);
            ofpacts_mark_closure_private(nest->actions,
                                         ofpact_nest_get_action_len(nest));
            break;
        }
        case OFPACT_CT: {
            struct ofpact_conntrack *ct = ofpact_get_CT(a);
            ofpacts_mark_closure_private(ct->actions,
                                         ofpact_ct_get_action_len(ct));
            break;
        }
        default:
            break;
        }
    }
}

/* ---- Encoding. ---- */

/* Appends each of the 'len' bytes of ofpacts at 'ofpacts' to 'out' in the
 * wire form of 'version'. */
void
act_encode_list(const struct ofpact *ofpacts, size_t len,
                enum ofp_version version, struct ofpbuf *out)
{
    const struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, len) {
        act_encode(a, version, out);
    }
}

/* Appends the OpenFlow actions of 'version' for 'ofpacts' to 'openflow'
 * and returns the number of bytes appended.  Instructions other than
 * OpenFlow 1.0's Nicira equivalents are left out. */
size_t
ofpacts_put_openflow_actions(const struct ofpact *ofpacts, size_t ofpacts_len,
                             struct ofpbuf *openflow,
                             enum ofp_version version)
{
    size_t start = openflow->size;

    act_encode_list(ofpacts, ofpacts_len, version, openflow);
    return openflow->size - start;
}

static size_t
start_instruction(struct ofpbuf *out, uint16_t code, size_t len)
{
    size_t ofs = out->size;
    uint8_t *p = ofpbuf_put_zeros(out, len);

    act_put16(p, code);
    act_put16(p + 2, len);
    return ofs;
}

static void
finish_instruction(struct ofpbuf *out, size_t ofs)
{
    act_put16((uint8_t *) out->data + ofs + 2, out->size - ofs);
}

/* Appends 'ofpacts' to 'openflow' as OpenFlow 1.1+ instructions of
 * 'version' (or, for OpenFlow 1.0, as an action list). */
void
ofpacts_put_openflow_instructions(const struct ofpact *ofpacts,
                                  size_t ofpacts_len,
                                  struct ofpbuf *openflow,
                                  enum ofp_version version)
{
    const struct ofpact *end = ofpact_end(ofpacts, ofpacts_len);
    const struct ofpact *a = ofpacts;

    if (version == OFP10_VERSION) {
        ofpacts_put_openflow_actions(ofpacts, ofpacts_len, openflow, version);
        return;
    }

    /* The leading plain actions are "apply_actions". */
    const struct ofpact *apply_end = a;
    while (apply_end < end
           && (ovs_instruction_type_from_ofpact_type(apply_end->type)
               == OVSINST_OFPIT11_APPLY_ACTIONS)) {
        apply_end = ofpact_next(apply_end);
    }
    if (apply_end > a) {
        size_t ofs = start_instruction(openflow, OFPIT_APPLY_ACTIONS, 8);
        act_encode_list(a, (uint8_t *) apply_end - (uint8_t *) a, version,
                        openflow);
        finish_instruction(openflow, ofs);
        a = apply_end;
    }

    for (; a < end; a = ofpact_next(a)) {
        size_t ofs;
        uint8_t *p;

        switch (ovs_instruction_type_from_ofpact_type(a->type)) {
        case OVSINST_OFPIT11_CLEAR_ACTIONS:
            start_instruction(openflow, OFPIT_CLEAR_ACTIONS, 8);
            break;

        case OVSINST_OFPIT11_WRITE_ACTIONS: {
            const struct ofpact_nest *w = ofpact_get_WRITE_ACTIONS(a);
            ofs = start_instruction(openflow, OFPIT_WRITE_ACTIONS, 8);
            act_encode_list(w->actions, ofpact_nest_get_action_len(w),
                            version, openflow);
            finish_instruction(openflow, ofs);
            break;
        }

        case OVSINST_OFPIT11_WRITE_METADATA: {
            const struct ofpact_metadata *m = ofpact_get_WRITE_METADATA(a);
            ofs = start_instruction(openflow, OFPIT_WRITE_METADATA, 24);
            p = (uint8_t *) openflow->data + ofs;
            act_put64(p + 8, ntohll(m->metadata));
            act_put64(p + 16, ntohll(m->mask));
            break;
        }

        case OVSINST_OFPIT11_GOTO_TABLE:
            ofs = start_instruction(openflow, OFPIT_GOTO_TABLE, 8);
            p = (uint8_t *) openflow->data + ofs;
            p[4] = ofpact_get_GOTO_TABLE(a)->table_id;
            break;

        case OVSINST_OFPIT11_APPLY_ACTIONS:
            /* An action after an instruction: ofpacts_verify() forbids
             * this, so it can only come from a caller's bug.  Encode it as
             * a separate apply_actions rather than lose it. */
            ofs = start_instruction(openflow, OFPIT_APPLY_ACTIONS, 8);
            act_encode(a, version, openflow);
            finish_instruction(openflow, ofs);
            break;
        }
    }
}

/* ---- Text: tokens, ports, tables. ---- */

/* Splits the next "KEY", "KEY:VALUE", "KEY=VALUE" or "KEY(VALUE)" off the
 * comma- or space-separated list at '*stringp', modifying it in place.
 * Parentheses nest.  Stores the key and value (possibly "", never null)
 * and returns true, or returns false at the end of the list. */
bool
act_parse_key_value(char **stringp, char **keyp, char **valuep)
{
    char *s = *stringp + strspn(*stringp, ", \t\r\n");

    if (!*s) {
        *stringp = s;
        *keyp = *valuep = NULL;
        return false;
    }

    char *key = s;
    char *p = s + strcspn(s, ":=(, \t\r\n");
    char *value = p;
    char delim = *p;

    if (delim == ':' || delim == '=') {
        int depth = 0;

        *p++ = '\0';
        value = p;
        for (; *p; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')' && depth > 0) {
                depth--;
            } else if (!depth && strchr(", \t\r\n", *p)) {
                break;
            }
        }
    } else if (delim == '(') {
        int depth = 1;

        *p++ = '\0';
        value = p;
        for (; *p; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')' && !--depth) {
                *p++ = '\0';
                break;
            }
        }
    }
    if (*p && strchr(", \t\r\n", *p)) {
        *p++ = '\0';
    }
    *stringp = p;
    *keyp = key;
    *valuep = value;
    return true;
}

/* Parses 's' as a port number, reserved port name or (through 'port_map',
 * which may be null) port name into '*port'.  Returns NULL or a malloc()'d
 * error. */
char *
act_parse_port(const char *s, const struct ofputil_port_map *port_map,
               ofp_port_t *port)
{
    return (ofputil_port_from_string(s, port_map, port)
            ? NULL : xasprintf("%s: unknown port", s));
}

/* Appends 'port' to 's' as a number, reserved port name or mapped name. */
void
act_format_port(ofp_port_t port, const struct ofputil_port_map *port_map,
                struct ds *s)
{
    ofputil_format_port(port, port_map, s);
}

/* Parses 's' as a table id. */
char *
act_parse_table(const char *s, uint8_t *table_id)
{
    unsigned int n;

    if (!str_to_uint(s, 10, &n) || n > UINT8_MAX) {
        return xasprintf("unknown table \"%s\"", s);
    }
    *table_id = n;
    return NULL;
}

/* ---- Text: parsing. ---- */

static const struct act_keyword *
find_keyword(const char *name)
{
    for (size_t i = 0; i < n_act_keywords; i++) {
        if (!strcasecmp(name, act_keywords[i].name)) {
            return &act_keywords[i];
        }
    }
    return NULL;
}

/* Parses the action list 's' (modified in place), appending to
 * pc->ofpacts. */
static char * OVS_WARN_UNUSED_RESULT
parse_list(char *s, const struct act_parse_ctx *pc)
{
    size_t start = pc->ofpacts->size;
    bool drop = false;
    char *key, *value;

    if (pc->depth > MAX_NESTING) {
        return xstrdup("actions nested too deeply");
    }
    while (act_parse_key_value(&s, &key, &value)) {
        const struct act_keyword *kw = find_keyword(key);
        ofp_port_t port;
        char *error;

        if (!strcasecmp(key, "drop")) {
            drop = true;
        } else if (!strcasecmp(key, "apply_actions")) {
            return xstrdup("apply_actions is the default instruction");
        } else if (kw) {
            error = kw->parse(value, pc);
            if (error) {
                return error;
            }
        } else if (!*value && !(error = act_parse_port(key, pc->port_map,
                                                       &port))) {
            struct ofpact_output *o = ofpact_put_OUTPUT(pc->ofpacts);
            o->port = port;
            o->max_len = port == OFPP_CONTROLLER ? UINT16_MAX : 0;
        } else {
            if (!*value) {
                free(error);
            }
            return xasprintf("unknown action %s", key);
        }
    }
    if (drop && pc->ofpacts->size > start) {
        return xstrdup("\"drop\" must not be accompanied by any other "
                       "action or instruction");
    }
    return NULL;
}

/* Parses the nested action list 'text' of an action of type 'outer'. */
char *
act_parse_nested(char *text, const struct act_parse_ctx *pc,
                 size_t outer_ofs)
{
    struct act_parse_ctx inner = *pc;
    char *error;

    inner.depth++;
    error = parse_list(text, &inner);
    if (!error && pc->ofpacts->size - outer_ofs > UINT16_MAX) {
        error = xstrdup("nested actions are too long");
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_top(const char *str, const struct ofputil_port_map *port_map,
          struct ofpbuf *ofpacts, enum ofputil_protocol *usable_protocols,
          uint32_t allowed_ovsinsts)
{
    size_t orig_size = ofpacts->size;
    char *copy = xstrdup(str);
    char *error;

    *usable_protocols = OFPUTIL_P_ANY;
    struct act_parse_ctx pc = {
        .port_map = port_map,
        .ofpacts = ofpacts,
        .usable_protocols = usable_protocols,
        .depth = 0,
    };
    error = parse_list(copy, &pc);
    free(copy);

    if (!error) {
        const struct ofpact *start = ofpbuf_at_assert(ofpacts, orig_size, 0);
        ofpacts_verify(start, ofpacts->size - orig_size, OFP11_VERSION,
                       allowed_ovsinsts, 0, &error);
    }
    if (error) {
        ofpacts->size = orig_size;
    }
    return error;
}

/* Parses 'str' as a list of actions in ovs-ofctl syntax, appending them to
 * 'ofpacts', and stores in '*usable_protocols' the protocols that can
 * express them.  Returns NULL on success, otherwise a malloc()'d error
 * message for the caller to free (and 'ofpacts' is unchanged). */
char *
ofpacts_parse_actions(const char *str,
                      const struct ofputil_port_map *port_map,
                      struct ofpbuf *ofpacts,
                      enum ofputil_protocol *usable_protocols)
{
    return parse_top(str, port_map, ofpacts, usable_protocols,
                     1u << OVSINST_OFPIT11_APPLY_ACTIONS);
}

/* Like ofpacts_parse_actions(), but also accepts instructions. */
char *
ofpacts_parse_instructions(const char *str,
                           const struct ofputil_port_map *port_map,
                           struct ofpbuf *ofpacts,
                           enum ofputil_protocol *usable_protocols)
{
    return parse_top(str, port_map, ofpacts, usable_protocols,
                     (1u << N_OVS_INSTRUCTIONS) - 1);
}

/* ---- Text: formatting. ---- */

/* Appends 'a' to 's' in ovs-ofctl syntax. */
void
ofpact_format(const struct ofpact *a, const struct ofputil_port_map *port_map,
              struct ds *s)
{
    act_format(a, port_map, s);
}

/* Appends the 'ofpacts_len' bytes of ofpacts to 's' in ovs-ofctl syntax,
 * as "drop" if there are none. */
void
ofpacts_format(const struct ofpact *ofpacts, size_t ofpacts_len,
               const struct ofputil_port_map *port_map, struct ds *s)
{
    const struct ofpact *a;

    if (!ofpacts_len) {
        ds_put_cstr(s, "drop");
        return;
    }
    OFPACT_FOR_EACH (a, ofpacts, ofpacts_len) {
        if (a != ofpacts) {
            ds_put_char(s, ',');
        }
        act_format(a, port_map, s);
    }
}

/* ---- Verification. ---- */

/* The actions an OpenFlow 1.1+ action set may hold. */
static const bool allowed_in_action_set[N_OFPACTS] = {
    [OFPACT_OUTPUT] = true,
    [OFPACT_GROUP] = true,
    [OFPACT_SET_FIELD] = true,
    [OFPACT_SET_VLAN_VID] = true,
    [OFPACT_SET_VLAN_PCP] = true,
    [OFPACT_STRIP_VLAN] = true,
    [OFPACT_PUSH_VLAN] = true,
    [OFPACT_SET_ETH_SRC] = true,
    [OFPACT_SET_ETH_DST] = true,
    [OFPACT_SET_IPV4_SRC] = true,
    [OFPACT_SET_IPV4_DST] = true,
    [OFPACT_SET_IP_DSCP] = true,
    [OFPACT_SET_IP_ECN] = true,
    [OFPACT_SET_IP_TTL] = true,
    [OFPACT_SET_L4_SRC_PORT] = true,
    [OFPACT_SET_L4_DST_PORT] = true,
    [OFPACT_REG_MOVE] = true,
    [OFPACT_DEC_TTL] = true,
};

/* Returns true if 'a' may appear in an OpenFlow 1.1+ action set
 * (write_actions).  Actions that stop, divert or duplicate the pipeline
 * (pause, controller, resubmit, clone, ct, ...) may not. */
bool
ofpact_is_allowed_in_actions_set(const struct ofpact *a)
{
    return (int) a->type < (int) N_OFPACTS && allowed_in_action_set[a->type];
}

static bool
is_ct_field(const struct mf_field *field)
{
    return field->id == MFF_CT_MARK || field->id == MFF_CT_LABEL;
}

static enum ofperr
verify_error(char **errorp, enum ofperr error, char *msg)
{
    if (errorp) {
        *errorp = msg;
    } else {
        free(msg);
    }
    return error;
}

static enum ofperr verify_list(const struct ofpact *, size_t len,
                               enum ofp_version, uint32_t allowed_ovsinsts,
                               enum ofpact_type outer, char **errorp);

/* Checks the rules about what 'a' may contain and where it may be. */
static enum ofperr
verify_nesting(const struct ofpact *a, enum ofp_version version,
               enum ofpact_type outer, char **errorp)
{
    const struct mf_field *field = (a->type == OFPACT_SET_FIELD
                                    ? ofpact_get_SET_FIELD(a)->field
                                    : NULL);
    uint32_t apply = 1u << OVSINST_OFPIT11_APPLY_ACTIONS;

    if (outer == OFPACT_WRITE_ACTIONS
        && !ofpact_is_allowed_in_actions_set(a)) {
        return verify_error(errorp, OFPERR_OFPBAC_BAD_TYPE,
                            xasprintf("%s action not allowed inside "
                                      "write_actions", ofpact_name(a->type)));
    }
    if (outer == OFPACT_CT) {
        if (!field) {
            return verify_error(errorp, OFPERR_OFPBAC_BAD_ARGUMENT,
                                xasprintf("ct action doesn't support nested "
                                          "action %s",
                                          ofpact_name(a->type)));
        } else if (!is_ct_field(field)) {
            return verify_error(errorp, OFPERR_OFPBAC_BAD_ARGUMENT,
                                xasprintf("ct action doesn't support nested "
                                          "modification of %s",
                                          field->name));
        }
    } else if (field && is_ct_field(field)) {
        return verify_error(errorp, OFPERR_OFPBAC_BAD_SET_ARGUMENT,
                            xstrdup("cannot set CT fields outside of ct "
                                    "action"));
    }

    switch (a->type) {
    case OFPACT_CLONE: {
        const struct ofpact_nest *n = ofpact_get_CLONE(a);
        return verify_list(n->actions, ofpact_nest_get_action_len(n),
                           version, apply, OFPACT_CLONE, errorp);
    }
    case OFPACT_WRITE_ACTIONS: {
        const struct ofpact_nest *n = ofpact_get_WRITE_ACTIONS(a);
        return verify_list(n->actions, ofpact_nest_get_action_len(n),
                           version, apply, OFPACT_WRITE_ACTIONS, errorp);
    }
    case OFPACT_CT: {
        const struct ofpact_conntrack *ct = ofpact_get_CT(a);
        return verify_list(ct->actions, ofpact_ct_get_action_len(ct),
                           version, apply, OFPACT_CT, errorp);
    }
    default:
        return 0;
    }
}

static enum ofperr
verify_list(const struct ofpact *ofpacts, size_t ofpacts_len,
            enum ofp_version version, uint32_t allowed_ovsinsts,
            enum ofpact_type outer, char **errorp)
{
    enum ovs_instruction_type inst = OVSINST_OFPIT11_APPLY_ACTIONS;
    const struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, ofpacts_len) {
        enum ovs_instruction_type next;
        enum ofperr error;

        error = verify_nesting(a, version, outer, errorp);
        if (error) {
            return error;
        }

        /* OpenFlow 1.0 carries instructions as plain (Nicira) actions, in
         * any order. */
        next = (version == OFP10_VERSION && outer == 0
                && allowed_ovsinsts != (1u << OVSINST_OFPIT11_APPLY_ACTIONS)
                ? OVSINST_OFPIT11_APPLY_ACTIONS
                : ovs_instruction_type_from_ofpact_type(a->type));
        if (a != ofpacts
            && (inst == OVSINST_OFPIT11_APPLY_ACTIONS
                ? next < inst : next <= inst)) {
            const char *name = ovs_instruction_name_from_type(inst);
            const char *next_name = ovs_instruction_name_from_type(next);

            return verify_error(
                errorp, OFPERR_OFPBAC_UNSUPPORTED_ORDER,
                (next == inst
                 ? xasprintf("duplicate %s instruction not allowed, for "
                             "OpenFlow 1.1+ compatibility", name)
                 : xasprintf("invalid instruction ordering: %s must appear "
                             "before %s, for OpenFlow 1.1+ compatibility",
                             next_name, name)));
        }
        if (!((1u << next) & allowed_ovsinsts)) {
            return verify_error(errorp, OFPERR_OFPBIC_UNSUP_INST,
                                xasprintf("%s instruction not allowed here",
                                          ovs_instruction_name_from_type(
                                              next)));
        }
        inst = next;
    }
    return 0;
}

/* Checks that 'ofpacts' obey the rules that do not depend on a flow:
 * instruction order and uniqueness, the instructions in
 * 'allowed_ovsinsts' (a bitmap of 1 << OVSINST_*) only, what may be nested
 * in clone, ct and write_actions ('outer_action' is the enclosing action's
 * type, or 0 at the top level).  On error, if 'errorp' is nonnull, stores
 * a malloc()'d explanation there for the caller to free. */
enum ofperr
ofpacts_verify(const struct ofpact *ofpacts, size_t ofpacts_len,
               enum ofp_version version, uint32_t allowed_ovsinsts,
               enum ofpact_type outer_action, char **errorp)
{
    if (errorp) {
        *errorp = NULL;
    }
    return verify_list(ofpacts, ofpacts_len, version, allowed_ovsinsts,
                       outer_action, errorp);
}

/* ---- Checking against a flow and a switch. ---- */

struct check_ctx {
    ofp_port_t max_ports;
    uint8_t table_id;
    uint8_t n_tables;
    enum ofputil_protocol *usable_protocols;
};

/* The action is meaningless for packets that match the flow.  OpenFlow
 * 1.0 tolerates that (the action does nothing); 1.1+ does not, so such
 * actions limit the flow to OpenFlow 1.0. */
static void
inconsistent_match(const struct check_ctx *cc)
{
    *cc->usable_protocols &= OFPUTIL_P_OF10_ANY;
}

/* A switch port below 'max_ports', or a reserved port that stands for a
 * real destination (IN_PORT up to LOCAL; not NONE). */
static enum ofperr
check_output_port(ofp_port_t port, ofp_port_t max_ports)
{
    uint16_t p = ofp_to_u16(port);
    bool reserved = (p >= ofp_to_u16(OFPP_IN_PORT)
                     && p <= ofp_to_u16(OFPP_LOCAL));

    return p < ofp_to_u16(max_ports) || reserved
           ? 0 : OFPERR_OFPBAC_BAD_OUT_PORT;
}

static enum ofperr check_list(struct ofpact *, size_t len, struct match *,
                              const struct check_ctx *);

static enum ofperr
check_nested(struct ofpact *ofpacts, size_t len, const struct match *match,
             const struct check_ctx *cc)
{
    struct match copy = *match;

    return check_list(ofpacts, len, &copy, cc);
}

static bool
has_vlan(const struct flow *flow)
{
    return (flow->vlan_tci & htons(VLAN_CFI)) != 0;
}

static enum ofperr
check_one(struct ofpact *a, struct match *match, const struct check_ctx *cc)
{
    struct flow *flow = &match->flow;
    enum ofperr error;

    switch (a->type) {
    case OFPACT_OUTPUT:
        return check_output_port(ofpact_get_OUTPUT(a)->port, cc->max_ports);

    case OFPACT_OUTPUT_REG:
        return mf_check_src(&ofpact_get_OUTPUT_REG(a)->src, match);

    case OFPACT_SET_FIELD: {
        const struct mf_field *field = ofpact_get_SET_FIELD(a)->field;

        if (!mf_are_prereqs_ok(field, flow, NULL)
            || ((field->id == MFF_VLAN_VID || field->id == MFF_VLAN_PCP)
                && !has_vlan(flow))) {
            return OFPERR_OFPBAC_MATCH_INCONSISTENT;
        }
        return 0;
    }

    case OFPACT_SET_VLAN_VID: {
        struct ofpact_vlan_vid *v = ofpact_get_SET_VLAN_VID(a);

        v->flow_has_vlan = has_vlan(flow);
        if (!v->flow_has_vlan && !v->push_vlan_if_needed) {
            inconsistent_match(cc);
        }
        flow->vlan_tci = htons(VLAN_CFI | v->vlan_vid
                               | (ntohs(flow->vlan_tci) & ~0x1fff));
        return 0;
    }

    case OFPACT_SET_VLAN_PCP: {
        struct ofpact_vlan_pcp *p = ofpact_get_SET_VLAN_PCP(a);

        p->flow_has_vlan = has_vlan(flow);
        if (!p->flow_has_vlan && !p->push_vlan_if_needed) {
            inconsistent_match(cc);
        }
        flow->vlan_tci = htons(VLAN_CFI | (p->vlan_pcp << 13)
                               | (ntohs(flow->vlan_tci) & 0x0fff));
        return 0;
    }

    case OFPACT_STRIP_VLAN:
        if (!has_vlan(flow)) {
            inconsistent_match(cc);
        }
        flow->vlan_tci = 0;
        return 0;

    case OFPACT_PUSH_VLAN:
        flow->vlan_tci |= htons(VLAN_CFI);
        return 0;

    case OFPACT_SET_IPV4_SRC:
    case OFPACT_SET_IPV4_DST:
        if (flow->dl_type != htons(ETH_TYPE_IP)) {
            inconsistent_match(cc);
        }
        return 0;

    case OFPACT_DEC_TTL:
    case OFPACT_SET_IP_TTL:
    case OFPACT_SET_IP_ECN:
    case OFPACT_SET_IP_DSCP:
        if (!is_ip_any(flow)) {
            inconsistent_match(cc);
        }
        return 0;

    case OFPACT_SET_L4_SRC_PORT:
    case OFPACT_SET_L4_DST_PORT: {
        struct ofpact_l4_port *p = ALIGNED_CAST(struct ofpact_l4_port *, a);

        if (!is_ip_any(flow) || (flow->nw_frag & FLOW_NW_FRAG_LATER)
            || (flow->nw_proto != IPPROTO_TCP
                && flow->nw_proto != IPPROTO_UDP
                && flow->nw_proto != IPPROTO_SCTP)) {
            inconsistent_match(cc);
        }
        p->flow_ip_proto = flow->nw_proto;
        return 0;
    }

    case OFPACT_REG_MOVE: {
        struct ofpact_reg_move *m = ofpact_get_REG_MOVE(a);

        error = mf_check_src(&m->src, match);
        return error ? error : mf_check_dst(&m->dst, match);
    }

    case OFPACT_STACK_PUSH:
        return mf_check_src(&ofpact_get_STACK_PUSH(a)->subfield, match);

    case OFPACT_STACK_POP:
        return mf_check_dst(&ofpact_get_STACK_POP(a)->subfield, match);

    case OFPACT_RESUBMIT: {
        uint8_t t = ofpact_get_RESUBMIT(a)->table_id;
        return (t != 0xff && t >= cc->n_tables
                ? OFPERR_OFPBRC_BAD_TABLE_ID : 0);
    }

    case OFPACT_CLONE: {
        struct ofpact_nest *n = ofpact_get_CLONE(a);
        return check_nested(n->actions, ofpact_nest_get_action_len(n),
                            match, cc);
    }

    case OFPACT_WRITE_ACTIONS: {
        struct ofpact_nest *n = ofpact_get_WRITE_ACTIONS(a);
        return check_nested(n->actions, ofpact_nest_get_action_len(n),
                            match, cc);
    }

    case OFPACT_CT: {
        struct ofpact_conntrack *ct = ofpact_get_CT(a);

        /* A datapath cannot track a non-IP packet; unlike a header
         * rewrite, this is an error in any OpenFlow version. */
        if (!is_ip_any(flow)) {
            return OFPERR_OFPBAC_MATCH_INCONSISTENT;
        }
        if (ct->recirc_table != NX_CT_RECIRC_NONE
            && ct->recirc_table >= cc->n_tables) {
            return OFPERR_OFPBRC_BAD_TABLE_ID;
        }
        if ((ct->alg == 21 && flow->nw_proto != IPPROTO_TCP)
            || (ct->alg == 69 && flow->nw_proto != IPPROTO_UDP)) {
            /* The FTP helper needs TCP, the TFTP helper UDP. */
            return OFPERR_OFPBAC_MATCH_INCONSISTENT;
        }
        if (ct->zone_src.field) {
            error = mf_check_src(&ct->zone_src, match);
            if (error) {
                return error;
            }
        }
        return check_nested(ct->actions, ofpact_ct_get_action_len(ct),
                            match, cc);
    }

    case OFPACT_GOTO_TABLE: {
        uint8_t t = ofpact_get_GOTO_TABLE(a)->table_id;
        return (t <= cc->table_id || t >= cc->n_tables
                ? OFPERR_OFPBIC_BAD_TABLE_ID : 0);
    }

    case OFPACT_GROUP:
    case OFPACT_CONTROLLER:
    case OFPACT_PAUSE:
    case OFPACT_SET_ETH_SRC:
    case OFPACT_SET_ETH_DST:
    case OFPACT_NOTE:
    case OFPACT_EXIT:
    case OFPACT_CT_CLEAR:
    case OFPACT_UNROLL_XLATE:
    case OFPACT_CLEAR_ACTIONS:
    case OFPACT_WRITE_METADATA:
        return 0;
    }
    OVS_NOT_REACHED();
}

static enum ofperr
check_list(struct ofpact *ofpacts, size_t len, struct match *match,
           const struct check_ctx *cc)
{
    struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, len) {
        enum ofperr error = check_one(a, match, cc);
        if (error) {
            return error;
        }
    }
    return 0;
}

/* Checks 'ofpacts' against a flow that matches 'match', in a table
 * 'table_id' of a switch with 'max_ports' ports and 'n_tables' tables.
 * Fills in the flow-dependent members of some actions (so that they encode
 * right) and narrows '*usable_protocols' to the protocols in which the
 * actions make sense for the flow.  'match' is used as scratch space (the
 * actions' effects on the flow are tracked in it) and restored before
 * returning. */
enum ofperr
ofpacts_check(struct ofpact ofpacts[], size_t ofpacts_len,
              struct match *match, ofp_port_t max_ports,
              uint8_t table_id, uint8_t n_tables,
              enum ofputil_protocol *usable_protocols)
{
    struct check_ctx cc = {
        .max_ports = max_ports,
        .table_id = table_id,
        .n_tables = n_tables,
        .usable_protocols = usable_protocols,
    };

    return check_nested(ofpacts, ofpacts_len, match, &cc);
}

/* Like ofpacts_check(), but fails with OFPERR_OFPBAC_MATCH_INCONSISTENT
 * if the actions make no sense for the flow in any of 'usable_protocols'. */
enum ofperr
ofpacts_check_consistency(struct ofpact ofpacts[], size_t ofpacts_len,
                          struct match *match, ofp_port_t max_ports,
                          uint8_t table_id, uint8_t n_tables,
                          enum ofputil_protocol usable_protocols)
{
    enum ofputil_protocol p = usable_protocols;
    enum ofperr error = ofpacts_check(ofpacts, ofpacts_len, match, max_ports,
                                      table_id, n_tables, &p);

    return (error ? error
            : !(p & usable_protocols) ? OFPERR_OFPBAC_MATCH_INCONSISTENT
            : 0);
}

/* ---- Queries. ---- */

/* Returns true if the two action lists are the same. */
bool
ofpacts_equal(const struct ofpact *a, size_t a_len,
              const struct ofpact *b, size_t b_len)
{
    return a_len == b_len && (!a_len || !memcmp(a, b, a_len));
}

static bool
outputs_to_port(const struct ofpact *a, ofp_port_t port)
{
    switch (a->type) {
    case OFPACT_OUTPUT:
        return ofpact_get_OUTPUT(a)->port == port;
    case OFPACT_CONTROLLER:
        return port == OFPP_CONTROLLER;
    case OFPACT_CLONE: {
        const struct ofpact_nest *n = ofpact_get_CLONE(a);
        return ofpacts_output_to_port(n->actions,
                                      ofpact_nest_get_action_len(n), port);
    }
    case OFPACT_WRITE_ACTIONS: {
        const struct ofpact_nest *n = ofpact_get_WRITE_ACTIONS(a);
        return ofpacts_output_to_port(n->actions,
                                      ofpact_nest_get_action_len(n), port);
    }
    default:
        return false;
    }
}

/* Returns true if any action in 'ofpacts' (including nested ones) outputs
 * to 'port' explicitly.  Used for "out_port" filtering. */
bool
ofpacts_output_to_port(const struct ofpact *ofpacts, size_t ofpacts_len,
                       ofp_port_t port)
{
    const struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, ofpacts_len) {
        if (outputs_to_port(a, port)) {
            return true;
        }
    }
    return false;
}

/* Returns true if any action in 'ofpacts' outputs to group 'group_id', or
 * to any group at all if 'group_id' is OFPG_ANY. */
bool
ofpacts_output_to_group(const struct ofpact *ofpacts, size_t ofpacts_len,
                        uint32_t group_id)
{
    const struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, ofpacts_len) {
        if (a->type == OFPACT_GROUP
            && (group_id == OFPG_ANY
                || ofpact_get_GROUP(a)->group_id == group_id)) {
            return true;
        }
        if (a->type == OFPACT_CLONE || a->type == OFPACT_WRITE_ACTIONS) {
            const struct ofpact_nest *n = ALIGNED_CAST(
                const struct ofpact_nest *, a);
            if (ofpacts_output_to_group(n->actions,
                                        ofpact_nest_get_action_len(n),
                                        group_id)) {
                return true;
            }
        }
    }
    return false;
}
