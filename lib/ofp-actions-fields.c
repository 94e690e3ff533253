/* Actions that rewrite packet fields and metadata: set_field and load,
 * the VLAN actions, the OpenFlow 1.0/1.1 header rewrites (mod_dl_src,
 * mod_nw_tos, mod_tp_dst, ...), move, and push/pop on the data stack.
 * As in ofp-actions-defs.c, each action's decode, encode, parse and format
 * functions sit together; the dispatch tables there refer to them.
 *
 * These actions share one difficulty: each OpenFlow version has its own
 * way to say "set this field".  OpenFlow 1.0 and 1.1 have one action per
 * header field, 1.2 and later a generic set_field carrying an OXM entry
 * (with a mask from 1.5 on), and Nicira's reg_load/reg_load2 can say it in
 * any version.  put_set_field_any() picks the form for a version. */

#include <config.h>
#include "ofp-actions-private.h"

#include <string.h>
#include "byte-order.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "packets.h"

#define OFPVID12_PRESENT_ 0x1000

/* ---- Set-field encoding shared by many actions. ---- */

/* Appends an OpenFlow 1.2+ set_field of 'field' to 'value' (under 'mask'
 * if nonnull, OpenFlow 1.5+ only). */
static void
put_set_field_oxm(struct ofpbuf *out, enum ofp_version version,
                  const struct mf_field *field, const union mf_value *value,
                  const union mf_value *mask)
{
    size_t start = out->size;

    act_put_raw(out, version, RAW_OF12_SET_FIELD, 4);
    nx_put_entry(out, field->id, version, value, mask);
    act_finish_var(out, start);
}

static void
put_set_field_id(struct ofpbuf *out, enum ofp_version version,
                 enum mf_field_id id, uint64_t value)
{
    const struct mf_field *field = mf_from_id(id);
    union mf_value v;

    memset(&v, 0, sizeof v);
    bitwise_put(value, &v, field->n_bytes, 0, field->n_bits);
    put_set_field_oxm(out, version, field, &v, NULL);
}

static void
put_reg_load(struct ofpbuf *out, enum ofp_version version,
             const struct mf_field *field, unsigned int ofs,
             unsigned int n_bits, uint64_t value)
{
    uint8_t *a = act_put_raw(out, version, RAW_NX_REG_LOAD, 24);

    act_put16(a + 10, act_ofs_nbits_encode(ofs, n_bits));
    act_put32(a + 12, act_field_header32(field));
    act_put64(a + 16, value);
}

/* Finds the next run of 1-bits in 'sf''s mask at or after bit 'ofs', at
 * most 64 bits long.  Returns false when there is none. */
static bool
next_mask_run(const struct ofpact_set_field *sf, unsigned int ofs,
              unsigned int *run_ofs, unsigned int *run_bits)
{
    unsigned int n_bytes = sf->field->n_bytes;
    unsigned int total = sf->field->n_bits;
    unsigned int start = bitwise_scan(&sf->mask, n_bytes, true, ofs, total);

    if (start >= total) {
        return false;
    }
    unsigned int end = bitwise_scan(&sf->mask, n_bytes, false, start, total);
    *run_ofs = start;
    *run_bits = MIN(end - start, 64);
    return true;
}

/* Encodes 'sf' with Nicira actions: one reg_load per run of mask bits if
 * the field has a 32-bit header, otherwise a single reg_load2. */
static void
set_field_to_nxast(const struct ofpact_set_field *sf,
                   enum ofp_version version, struct ofpbuf *out)
{
    if (act_field_header32(sf->field)) {
        unsigned int ofs = 0, n_bits;

        while (next_mask_run(sf, ofs, &ofs, &n_bits)) {
            uint64_t v = bitwise_get(&sf->value, sf->field->n_bytes,
                                     ofs, n_bits);
            put_reg_load(out, version, sf->field, ofs, n_bits, v);
            ofs += n_bits;
        }
    } else {
        size_t start = out->size;
        bool all = is_all_ones(&sf->mask, sf->field->n_bytes);

        act_put_raw(out, version, RAW_NX_REG_LOAD2, 10);
        nx_put_entry(out, sf->field->id, 0, &sf->value,
                     all ? NULL : &sf->mask);
        act_finish_var(out, start);
    }
}

/* Tries to encode 'sf' as an OpenFlow 1.0 or 1.1 header-rewrite action.
 * Returns false if there is none for it. */
static bool
set_field_to_legacy(const struct ofpact_set_field *sf,
                    enum ofp_version version, struct ofpbuf *out)
{
    bool of10 = version == OFP10_VERSION;
    const union mf_value *v = &sf->value;
    uint8_t *a;

    if (!is_all_ones(&sf->mask, sf->field->n_bytes)) {
        return false;
    }
    switch ((int) sf->field->id) {
    case MFF_VLAN_VID:
        if (!(ntohs(v->be16) & OFPVID12_PRESENT_)) {
            act_put_raw(out, version,
                        of10 ? RAW_OF10_STRIP_VLAN : RAW_OF11_POP_VLAN, 8);
        } else {
            a = act_put_raw(out, version, (of10 ? RAW_OF10_SET_VLAN_VID
                                           : RAW_OF11_SET_VLAN_VID), 8);
            act_put16(a + 4, ntohs(v->be16) & VLAN_VID_MASK);
        }
        return true;

    case MFF_VLAN_PCP:
        a = act_put_raw(out, version, (of10 ? RAW_OF10_SET_VLAN_PCP
                                       : RAW_OF11_SET_VLAN_PCP), 8);
        a[4] = v->u8;
        return true;

    case MFF_ETH_SRC:
    case MFF_ETH_DST:
        a = act_put_raw(out, version, (sf->field->id == MFF_ETH_SRC
                                       ? RAW_SET_DL_SRC : RAW_SET_DL_DST),
                        16);
        memcpy(a + 4, &v->mac, 6);
        return true;

    case MFF_IPV4_SRC:
    case MFF_IPV4_DST:
        a = act_put_raw(out, version, (sf->field->id == MFF_IPV4_SRC
                                       ? RAW_SET_NW_SRC : RAW_SET_NW_DST),
                        8);
        memcpy(a + 4, &v->be32, 4);
        return true;

    case MFF_IP_DSCP:
    case MFF_IP_DSCP_SHIFTED:
        a = act_put_raw(out, version, RAW_SET_NW_TOS, 8);
        a[4] = (sf->field->id == MFF_IP_DSCP ? v->u8 : v->u8 << 2);
        return true;

    case MFF_IP_ECN:
        if (of10) {
            return false;
        }
        a = act_put_raw(out, version, RAW_OF11_SET_NW_ECN, 8);
        a[4] = v->u8;
        return true;

    case MFF_IP_TTL:
        if (of10) {
            return false;
        }
        a = act_put_raw(out, version, RAW_OF11_SET_NW_TTL, 8);
        a[4] = v->u8;
        return true;

    /* SCTP ports have no OpenFlow 1.0 match, so they are left to
     * NXAST_REG_LOAD in 1.0 and 1.1 alike, as Open vSwitch does. */
    case MFF_TCP_SRC: case MFF_UDP_SRC:
    case MFF_TCP_DST: case MFF_UDP_DST: {
        bool src = (sf->field->id == MFF_TCP_SRC
                    || sf->field->id == MFF_UDP_SRC);
        a = act_put_raw(out, version, src ? RAW_SET_TP_SRC : RAW_SET_TP_DST,
                        8);
        act_put16(a + 4, ntohs(v->be16));
        return true;
    }

    default:
        return false;
    }
}

/* Encodes a set_field action as the best form 'version' offers. */
static void
put_set_field_any(const struct ofpact_set_field *sf, enum ofp_version version,
                  struct ofpbuf *out)
{
    bool all = is_all_ones(&sf->mask, sf->field->n_bytes);

    if (version >= OFP15_VERSION) {
        put_set_field_oxm(out, version, sf->field, &sf->value,
                          all ? NULL : &sf->mask);
    } else if (sf->ofpact.raw == OFPACT_RAW_REG_LOAD) {
        set_field_to_nxast(sf, version, out);
    } else if (version < OFP12_VERSION) {
        if (!set_field_to_legacy(sf, version, out)) {
            set_field_to_nxast(sf, version, out);
        }
    } else if (all) {
        put_set_field_oxm(out, version, sf->field, &sf->value, NULL);
    } else {
        set_field_to_nxast(sf, version, out);
    }
}

/* Encodes "set all of field 'id' to 'value'" with a reg_load, for
 * OpenFlow 1.0 which has no set_field. */
static void
put_reg_load_id(struct ofpbuf *out, enum ofp_version version,
                enum mf_field_id id, uint64_t value)
{
    const struct mf_field *field = mf_from_id(id);

    put_reg_load(out, version, field, 0, field->n_bits, value);
}

/* ==== set_field and load ==== */

/* Checks and records a decoded set_field. */
static enum ofperr
put_decoded_set_field(const struct mf_field *field,
                      const union mf_value *value,
                      const union mf_value *mask, uint8_t raw,
                      struct ofpbuf *out)
{
    if (!field->writable) {
        return OFPERR_OFPBAC_BAD_SET_TYPE;
    }
    if (!mf_is_value_valid(field, value)) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    struct ofpact_set_field *sf = ofpact_put_set_field(out, field, value,
                                                       mask);
    sf->ofpact.raw = raw;
    return 0;
}

/* Decodes the OXM entry that starts at 'p' ('left' bytes follow, the part
 * after the entry must be zero padding). */
static enum ofperr
decode_oxm_set_field(const uint8_t *p, size_t left,
                     const struct act_decode_ctx *ctx OVS_UNUSED,
                     bool allow_mask,
                     uint8_t raw, struct ofpbuf *out)
{
    const struct mf_field *field;
    union mf_value value, mask;
    struct ofpbuf b;
    enum ofperr error;

    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    if (left < 4) {
        return OFPERR_OFPBAC_BAD_SET_LEN;
    }
    bool has_mask = (act_get32(p) >> 8) & 1;
    ofpbuf_use_const(&b, p, left);
    error = nx_pull_entry(&b, &field, &value, &mask);
    if (error) {
        return (error == OFPERR_OFPBMC_BAD_MASK
                ? OFPERR_OFPBAC_BAD_SET_MASK : error);
    }
    if (!act_zeros(b.data, b.size)) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (!has_mask) {
        memset(&mask, 0xff, field->n_bytes);
    }
    bool masked = !is_all_ones(&mask, field->n_bytes);
    if (masked && !allow_mask) {
        return OFPERR_OFPBAC_BAD_SET_MASK;
    }
    if (field->id == MFF_VLAN_VID
        && !(ntohs(value.be16) & OFPVID12_PRESENT_)) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    return put_decoded_set_field(field, &value, &mask, raw, out);
}

/* OF1.2+ OFPAT_SET_FIELD: type, len, OXM entry, zero padding to a
 * multiple of 8 bytes.  Masks are allowed from OpenFlow 1.5 on. */
enum ofperr
decode_RAW_OF12_SET_FIELD(const uint8_t *a, size_t len,
                          const struct act_decode_ctx *ctx,
                          struct ofpbuf *out)
{
    return decode_oxm_set_field(a + 4, len - 4, ctx,
                                ctx->version >= OFP15_VERSION,
                                OFPACT_RAW_NONE, out);
}

/* NXAST_REG_LOAD2: Nicira header, OXM entry (maybe masked), zero padding. */
enum ofperr
decode_RAW_NX_REG_LOAD2(const uint8_t *a, size_t len,
                        const struct act_decode_ctx *ctx,
                        struct ofpbuf *out)
{
    return decode_oxm_set_field(a + 10, len - 10, ctx, true,
                                OFPACT_RAW_REG_LOAD, out);
}

/* NXAST_REG_LOAD (24 bytes): Nicira header, be16 ofs_nbits, be32 dst
 * header, be64 value. */
enum ofperr
decode_RAW_NX_REG_LOAD(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    const struct mf_field *field;
    struct mf_subfield dst;
    union mf_value value, mask;
    uint64_t v = act_get64(a + 16);
    enum ofperr error;

    error = act_field_from_header32(a + 12, ctx, &field);
    if (!error) {
        error = act_subfield_from_ofs_nbits(field, act_get16(a + 10), &dst);
    }
    if (error) {
        return error;
    }
    if (!field->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (dst.n_bits < 64 && v >> dst.n_bits) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    bitwise_put(v, &value, field->n_bytes, dst.ofs, dst.n_bits);
    bitwise_one(&mask, field->n_bytes, dst.ofs, dst.n_bits);

    struct ofpact_set_field *sf = ofpact_put_set_field(out, field, &value,
                                                       &mask);
    sf->ofpact.raw = OFPACT_RAW_REG_LOAD;
    return 0;
}

void
encode_SET_FIELD(const struct ofpact_set_field *sf, enum ofp_version version,
                 struct ofpbuf *out)
{
    put_set_field_any(sf, version, out);
}

/* "set_field:VALUE[/MASK]->FIELD". */
char *
parse_SET_FIELD(char *arg, const struct act_parse_ctx *pc)
{
    char *arrow = strstr(arg, "->");
    union mf_value value, mask;
    const struct mf_field *field;

    if (!arrow) {
        return xasprintf("%s: missing `->'", arg);
    }
    if (!arrow[2]) {
        return xasprintf("%s: missing field name following `->'", arg);
    }
    *arrow = '\0';
    const char *name = arrow + 2;
    field = mf_from_name(name);
    if (!field) {
        return xasprintf("%s is not a valid OXM field name", name);
    }
    if (!field->writable) {
        return xasprintf("%s is read-only", name);
    }
    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    char *error = mf_parse(field, arg, pc->port_map, &value, &mask);
    if (error) {
        return error;
    }
    if (!mf_is_value_valid(field, &value)) {
        return xasprintf("%s is not a valid value for field %s", arg, name);
    }
    if (field->id == MFF_VLAN_VID
        && act_mask_is_full(&mask, field)) {
        /* A VID names a tagged packet even if the "present" bit was left
         * out, as in "set_field:5->vlan_vid". */
        value.be16 |= htons(OFPVID12_PRESENT_);
    }
    if (field->maskable == MFM_NONE && !act_mask_is_full(&mask, field)) {
        return xasprintf("%s: invalid mask for field %s", arg, name);
    }
    /* A flow that sets a field can only be sent with a flow format that
     * can also match on it. */
    bool full = act_mask_is_full(&mask, field);
    if (field->of10 == MFO_NONE || (!full && field->of10 != MFO_BITWISE)) {
        *pc->usable_protocols &= ~OFPUTIL_P_OF10_STD_ANY;
    }
    if ((field->of11 == MFO_NONE || (!full && field->of11 != MFO_BITWISE))
        && !(field->id == MFF_IP_ECN && full)) {
        /* (OpenFlow 1.1 cannot match the ECN bits but has an action that
         * sets them.) */
        *pc->usable_protocols &= ~OFPUTIL_P_OF11_STD;
    }
    ofpact_put_set_field(pc->ofpacts, field, &value, &mask);
    return NULL;
}

/* "load:VALUE->DST[RANGE]". */
char *
parse_LOAD(char *arg, const struct act_parse_ctx *pc)
{
    char *arrow = strstr(arg, "->");
    struct mf_subfield dst;
    union mf_value value, mask;
    uint8_t bits[sizeof(union mf_value)];
    char *tail;

    if (!arrow) {
        return xasprintf("%s: missing `->' following value", arg);
    }
    *arrow = '\0';
    memset(bits, 0, sizeof bits);
    if (parse_int_string(arg, bits, sizeof bits, &tail) || *tail) {
        return xasprintf("%s: cannot parse integer value", arg);
    }
    char *error = mf_parse_subfield(&dst, arrow + 2);
    if (error) {
        return error;
    }
    if (!dst.field->writable) {
        return xasprintf("%s is read-only", dst.field->name);
    }
    unsigned int width = 8 * sizeof bits;
    if (bitwise_scan(bits, sizeof bits, true, dst.n_bits, width) < width) {
        return xasprintf("%s: value %s does not fit into %d bits",
                         arrow + 2, arg, dst.n_bits);
    }

    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    bitwise_copy(bits, sizeof bits, 0, &value, dst.field->n_bytes, dst.ofs,
                 dst.n_bits);
    bitwise_one(&mask, dst.field->n_bytes, dst.ofs, dst.n_bits);
    struct ofpact_set_field *sf = ofpact_put_set_field(pc->ofpacts,
                                                       dst.field, &value,
                                                       &mask);
    sf->ofpact.raw = OFPACT_RAW_REG_LOAD;
    return NULL;
}

void
format_SET_FIELD(const struct ofpact_set_field *sf,
                 const struct ofputil_port_map *port_map, struct ds *s)
{
    if (sf->ofpact.raw == OFPACT_RAW_REG_LOAD) {
        unsigned int ofs = 0, n_bits;

        while (next_mask_run(sf, ofs, &ofs, &n_bits)) {
            struct mf_subfield dst = { sf->field, ofs, n_bits };
            uint64_t v = bitwise_get(&sf->value, sf->field->n_bytes,
                                     ofs, n_bits);

            ds_put_format(s, "load:%#"PRIx64"->", v);
            mf_format_subfield(&dst, s);
            ds_put_char(s, ',');
            ofs += n_bits;
        }
        ds_chomp(s, ',');
    } else {
        bool all = is_all_ones(&sf->mask, sf->field->n_bytes);

        ds_put_cstr(s, "set_field:");
        mf_format(sf->field, &sf->value, all ? NULL : &sf->mask, port_map,
                  s);
        ds_put_format(s, "->%s", sf->field->name);
    }
}

/* ==== Closure-private wrapper for version-dependent actions ==== */

/* NX_CLOSURE_LEGACY (24 bytes): the Nicira header (10 bytes), the OpenFlow
 * version of the wrapped action (1 byte), 5 zero bytes, then one 8-byte
 * OpenFlow 1.0 or 1.1 action.  See ofpacts_mark_closure_private() for
 * why; the subtype is in a range Open vSwitch does not use. */
#define CLOSURE_LEGACY_LEN 24
#define CLOSURE_LEGACY_INNER_OFS 16

/* Appends the wrapper and the header of the wrapped 'raw' action of
 * 'inner' version, and returns the wrapped action's start for the caller
 * to fill in. */
static uint8_t *
put_closure_legacy(struct ofpbuf *out, enum ofp_version version,
                   enum ofp_version inner, enum raw_action raw)
{
    size_t start = out->size;

    act_put_raw(out, version, RAW_NX_CLOSURE_LEGACY,
                CLOSURE_LEGACY_INNER_OFS);
    uint8_t *w = (uint8_t *) out->data + start;
    act_put16(w + 2, CLOSURE_LEGACY_LEN);
    w[10] = inner;
    return act_put_raw(out, inner, raw, 8);
}

enum ofperr
decode_RAW_NX_CLOSURE_LEGACY(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx,
                             struct ofpbuf *out)
{
    static const enum raw_action allowed[] = {
        RAW_OF10_SET_VLAN_VID, RAW_OF10_SET_VLAN_PCP,
        RAW_OF11_SET_VLAN_VID, RAW_OF11_SET_VLAN_PCP,
        RAW_SET_TP_SRC, RAW_SET_TP_DST,
    };
    const uint8_t *inner = a + CLOSURE_LEGACY_INNER_OFS;
    const struct raw_action_def *def;
    enum ofperr error;

    if (!ctx->closure) {
        /* Not part of any public protocol. */
        return OFPERR_OFPBAC_BAD_VENDOR_TYPE;
    }
    if ((a[10] != OFP10_VERSION && a[10] != OFP11_VERSION)
        || !act_zeros(a + 11, 5) || act_get16(inner + 2) != 8) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    error = act_find_raw(inner, 8, a[10], &def);
    if (error) {
        return error;
    }
    for (size_t i = 0; i < ARRAY_SIZE(allowed); i++) {
        if (def == &raw_action_defs[allowed[i]]) {
            struct act_decode_ctx inner_ctx = *ctx;

            inner_ctx.version = a[10];
            return def->decode(inner, 8, &inner_ctx, out);
        }
    }
    return OFPERR_OFPBAC_BAD_ARGUMENT;
}

/* ==== VLAN ==== */

static enum ofperr
decode_vlan_vid(const uint8_t *a, bool push_if_needed, struct ofpbuf *out)
{
    uint16_t vid = act_get16(a + 4);

    if (vid & ~VLAN_VID_MASK) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!act_zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_vlan_vid *v = ofpact_put_SET_VLAN_VID(out);
    v->vlan_vid = vid;
    v->push_vlan_if_needed = push_if_needed;
    return 0;
}

/* OF1.0 OFPAT_SET_VLAN_VID (8 bytes): type, len, be16 vid, 2 pad. */
enum ofperr
decode_RAW_OF10_SET_VLAN_VID(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_vid(a, true, out);
}

/* OF1.1 OFPAT_SET_VLAN_VID: the same layout, but never adds a tag. */
enum ofperr
decode_RAW_OF11_SET_VLAN_VID(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_vid(a, false, out);
}

/* Adds a VLAN header first, in OpenFlow 1.1+, where an OpenFlow 1.0 style
 * "mod_vlan_*" would have added one implicitly. */
static void
push_vlan_if_needed(bool push, bool flow_has_vlan, enum ofp_version version,
                    struct ofpbuf *out)
{
    if (push && !flow_has_vlan) {
        act_put16(act_put_raw(out, version, RAW_OF11_PUSH_VLAN, 8) + 4,
                  ETH_TYPE_VLAN_8021Q);
    }
}

void
encode_SET_VLAN_VID(const struct ofpact_vlan_vid *v, enum ofp_version version,
                    struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        act_put16(act_put_raw(out, version, RAW_OF10_SET_VLAN_VID, 8) + 4,
                  v->vlan_vid);
    } else if (version == OFP11_VERSION) {
        push_vlan_if_needed(v->push_vlan_if_needed, v->flow_has_vlan,
                            version, out);
        act_put16(act_put_raw(out, version, RAW_OF11_SET_VLAN_VID, 8) + 4,
                  v->vlan_vid);
    } else if (v->closure_private) {
        act_put16(put_closure_legacy(out, version,
                                     (v->push_vlan_if_needed ? OFP10_VERSION
                                      : OFP11_VERSION),
                                     (v->push_vlan_if_needed
                                      ? RAW_OF10_SET_VLAN_VID
                                      : RAW_OF11_SET_VLAN_VID)) + 4,
                  v->vlan_vid);
    } else {
        push_vlan_if_needed(v->push_vlan_if_needed, v->flow_has_vlan,
                            version, out);
        put_set_field_id(out, version, MFF_VLAN_VID,
                         v->vlan_vid | OFPVID12_PRESENT_);
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_vlan_vid(char *arg, const struct act_parse_ctx *pc, bool push)
{
    uint16_t vid;
    char *error = act_str_to_u16(arg, "VLAN VID", &vid);

    if (error) {
        return error;
    }
    if (vid & ~VLAN_VID_MASK) {
        return xasprintf("%s: not a valid VLAN VID", arg);
    }
    struct ofpact_vlan_vid *v = ofpact_put_SET_VLAN_VID(pc->ofpacts);
    v->vlan_vid = vid;
    v->push_vlan_if_needed = push;
    return NULL;
}

/* "mod_vlan_vid:VID" (adds a tag if needed). */
char *
parse_SET_VLAN_VID(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_vid(arg, pc, true);
}

/* "set_vlan_vid:VID" (only modifies an existing tag). */
char *
parse_set_vlan_vid(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_vid(arg, pc, false);
}

void
format_SET_VLAN_VID(const struct ofpact_vlan_vid *v,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "%s:%"PRIu16,
                  v->push_vlan_if_needed ? "mod_vlan_vid" : "set_vlan_vid",
                  v->vlan_vid);
}

static enum ofperr
decode_vlan_pcp(const uint8_t *a, bool push_if_needed, struct ofpbuf *out)
{
    if (a[4] & ~7) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!act_zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_vlan_pcp *p = ofpact_put_SET_VLAN_PCP(out);
    p->vlan_pcp = a[4];
    p->push_vlan_if_needed = push_if_needed;
    return 0;
}

/* OF1.0 OFPAT_SET_VLAN_PCP (8 bytes): type, len, u8 pcp, 3 pad. */
enum ofperr
decode_RAW_OF10_SET_VLAN_PCP(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_pcp(a, true, out);
}

/* OF1.1 OFPAT_SET_VLAN_PCP: the same layout, never adds a tag. */
enum ofperr
decode_RAW_OF11_SET_VLAN_PCP(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_pcp(a, false, out);
}

void
encode_SET_VLAN_PCP(const struct ofpact_vlan_pcp *p, enum ofp_version version,
                    struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        act_put_raw(out, version, RAW_OF10_SET_VLAN_PCP, 8)[4] = p->vlan_pcp;
    } else if (version == OFP11_VERSION) {
        push_vlan_if_needed(p->push_vlan_if_needed, p->flow_has_vlan,
                            version, out);
        act_put_raw(out, version, RAW_OF11_SET_VLAN_PCP, 8)[4] = p->vlan_pcp;
    } else if (p->closure_private) {
        put_closure_legacy(out, version,
                           (p->push_vlan_if_needed ? OFP10_VERSION
                            : OFP11_VERSION),
                           (p->push_vlan_if_needed ? RAW_OF10_SET_VLAN_PCP
                            : RAW_OF11_SET_VLAN_PCP))[4] = p->vlan_pcp;
    } else {
        push_vlan_if_needed(p->push_vlan_if_needed, p->flow_has_vlan,
                            version, out);
        put_set_field_id(out, version, MFF_VLAN_PCP, p->vlan_pcp);
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_vlan_pcp(char *arg, const struct act_parse_ctx *pc, bool push)
{
    uint8_t pcp;
    char *error = act_str_to_u8(arg, "VLAN PCP", &pcp);

    if (error) {
        return error;
    }
    if (pcp & ~7) {
        return xasprintf("%s: not a valid VLAN PCP", arg);
    }
    struct ofpact_vlan_pcp *p = ofpact_put_SET_VLAN_PCP(pc->ofpacts);
    p->vlan_pcp = pcp;
    p->push_vlan_if_needed = push;
    return NULL;
}

char *
parse_SET_VLAN_PCP(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_pcp(arg, pc, true);
}

char *
parse_set_vlan_pcp(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_pcp(arg, pc, false);
}

void
format_SET_VLAN_PCP(const struct ofpact_vlan_pcp *p,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "%s:%"PRIu8,
                  p->push_vlan_if_needed ? "mod_vlan_pcp" : "set_vlan_pcp",
                  p->vlan_pcp);
}

/* OF1.0 OFPAT_STRIP_VLAN (8 bytes): type, len, 4 pad. */
enum ofperr
decode_RAW_OF10_STRIP_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (!act_zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_STRIP_VLAN(out);
    return 0;
}

/* OF1.1+ OFPAT_POP_VLAN (8 bytes): type, len, 4 pad. */
enum ofperr
decode_RAW_OF11_POP_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx OVS_UNUSED,
                         struct ofpbuf *out)
{
    if (!act_zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_STRIP_VLAN(out)->ofpact.raw = OFPACT_RAW_POP_VLAN;
    return 0;
}

void
encode_STRIP_VLAN(const struct ofpact_null *n OVS_UNUSED,
                  enum ofp_version version, struct ofpbuf *out)
{
    act_put_raw(out, version, (version == OFP10_VERSION
                               ? RAW_OF10_STRIP_VLAN : RAW_OF11_POP_VLAN), 8);
}

char *
parse_STRIP_VLAN(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_STRIP_VLAN(pc->ofpacts);
    return NULL;
}

char *
parse_pop_vlan(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_STRIP_VLAN(pc->ofpacts)->ofpact.raw = OFPACT_RAW_POP_VLAN;
    return NULL;
}

void
format_STRIP_VLAN(const struct ofpact_null *n,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, (n->ofpact.raw == OFPACT_RAW_POP_VLAN
                    ? "pop_vlan" : "strip_vlan"));
}

/* OF1.1+ OFPAT_PUSH_VLAN (8 bytes): type, len, be16 ethertype, 2 pad. */
enum ofperr
decode_RAW_OF11_PUSH_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                          const struct act_decode_ctx *ctx OVS_UNUSED,
                          struct ofpbuf *out)
{
    uint16_t ethertype = act_get16(a + 4);

    if (ethertype != ETH_TYPE_VLAN_8021Q
        && ethertype != ETH_TYPE_VLAN_8021AD) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!act_zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_PUSH_VLAN(out)->ethertype = htons(ethertype);
    return 0;
}

void
encode_PUSH_VLAN(const struct ofpact_push_vlan *p, enum ofp_version version,
                 struct ofpbuf *out)
{
    /* OpenFlow 1.0 has no push_vlan: its mod_vlan_* add tags by
     * themselves, and parsing restricts push_vlan to OpenFlow 1.1+. */
    if (version > OFP10_VERSION) {
        act_put16(act_put_raw(out, version, RAW_OF11_PUSH_VLAN, 8) + 4,
                  ntohs(p->ethertype));
    }
}

char *
parse_PUSH_VLAN(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t ethertype;
    char *error = act_str_to_u16(arg, "ethertype", &ethertype);

    if (error) {
        return error;
    }
    if (ethertype != ETH_TYPE_VLAN_8021Q
        && ethertype != ETH_TYPE_VLAN_8021AD) {
        return xasprintf("%s: not a valid VLAN ethertype", arg);
    }
    *pc->usable_protocols &= OFPUTIL_P_OF11_UP;
    ofpact_put_PUSH_VLAN(pc->ofpacts)->ethertype = htons(ethertype);
    return NULL;
}

void
format_PUSH_VLAN(const struct ofpact_push_vlan *p,
                 const struct ofputil_port_map *port_map OVS_UNUSED,
                 struct ds *s)
{
    ds_put_format(s, "push_vlan:%#"PRIx16, ntohs(p->ethertype));
}

/* ==== Ethernet addresses ==== */

/* OFPAT_SET_DL_SRC/DST (16 bytes): type, len, 6-byte address, 6 pad. */
static enum ofperr
decode_mac(const uint8_t *a, bool src, struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 6)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_mac *m = (src
                            ? ofpact_put_SET_ETH_SRC(out)
                            : ofpact_put_SET_ETH_DST(out));
    memcpy(&m->mac, a + 4, 6);
    return 0;
}

enum ofperr
decode_RAW_SET_DL_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    return decode_mac(a, true, out);
}

enum ofperr
decode_RAW_SET_DL_DST(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    return decode_mac(a, false, out);
}

static void
encode_mac(const struct ofpact_mac *m, bool src, enum ofp_version version,
           struct ofpbuf *out)
{
    if (version < OFP12_VERSION) {
        uint8_t *a = act_put_raw(out, version,
                                 src ? RAW_SET_DL_SRC : RAW_SET_DL_DST, 16);
        memcpy(a + 4, &m->mac, 6);
    } else {
        union mf_value v;

        memset(&v, 0, sizeof v);
        v.mac = m->mac;
        put_set_field_oxm(out, version,
                          mf_from_id(src ? MFF_ETH_SRC : MFF_ETH_DST),
                          &v, NULL);
    }
}

void
encode_SET_ETH_SRC(const struct ofpact_mac *m, enum ofp_version version,
                   struct ofpbuf *out)
{
    encode_mac(m, true, version, out);
}

void
encode_SET_ETH_DST(const struct ofpact_mac *m, enum ofp_version version,
                   struct ofpbuf *out)
{
    encode_mac(m, false, version, out);
}

static char * OVS_WARN_UNUSED_RESULT
parse_mac(const char *arg, struct eth_addr *mac)
{
    return (eth_addr_from_string(arg, mac)
            ? NULL : xasprintf("invalid mac address %s", arg));
}

char *
parse_SET_ETH_SRC(char *arg, const struct act_parse_ctx *pc)
{
    struct eth_addr mac;
    char *error = parse_mac(arg, &mac);

    if (!error) {
        ofpact_put_SET_ETH_SRC(pc->ofpacts)->mac = mac;
    }
    return error;
}

char *
parse_SET_ETH_DST(char *arg, const struct act_parse_ctx *pc)
{
    struct eth_addr mac;
    char *error = parse_mac(arg, &mac);

    if (!error) {
        ofpact_put_SET_ETH_DST(pc->ofpacts)->mac = mac;
    }
    return error;
}

void
format_SET_ETH_SRC(const struct ofpact_mac *m,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_dl_src:"ETH_ADDR_FMT, ETH_ADDR_ARGS(m->mac));
}

void
format_SET_ETH_DST(const struct ofpact_mac *m,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_dl_dst:"ETH_ADDR_FMT, ETH_ADDR_ARGS(m->mac));
}

/* ==== IPv4 addresses ==== */

/* OFPAT_SET_NW_SRC/DST (8 bytes): type, len, be32 address. */
enum ofperr
decode_RAW_SET_NW_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    ofpact_put_SET_IPV4_SRC(out)->ipv4 = htonl(act_get32(a + 4));
    return 0;
}

enum ofperr
decode_RAW_SET_NW_DST(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    ofpact_put_SET_IPV4_DST(out)->ipv4 = htonl(act_get32(a + 4));
    return 0;
}

static void
encode_ipv4(ovs_be32 ip, bool src, enum ofp_version version,
            struct ofpbuf *out)
{
    if (version < OFP12_VERSION) {
        act_put32(act_put_raw(out, version,
                              src ? RAW_SET_NW_SRC : RAW_SET_NW_DST, 8) + 4,
                  ntohl(ip));
    } else {
        put_set_field_id(out, version, src ? MFF_IPV4_SRC : MFF_IPV4_DST,
                         ntohl(ip));
    }
}

void
encode_SET_IPV4_SRC(const struct ofpact_ipv4 *a, enum ofp_version version,
                    struct ofpbuf *out)
{
    encode_ipv4(a->ipv4, true, version, out);
}

void
encode_SET_IPV4_DST(const struct ofpact_ipv4 *a, enum ofp_version version,
                    struct ofpbuf *out)
{
    encode_ipv4(a->ipv4, false, version, out);
}

static char * OVS_WARN_UNUSED_RESULT
parse_ipv4(const char *arg, ovs_be32 *ip)
{
    char *error = ip_parse(arg, ip);

    if (error) {
        free(error);
        return xasprintf("%s: could not convert to IP address", arg);
    }
    return NULL;
}

char *
parse_SET_IPV4_SRC(char *arg, const struct act_parse_ctx *pc)
{
    ovs_be32 ip;
    char *error = parse_ipv4(arg, &ip);

    if (!error) {
        ofpact_put_SET_IPV4_SRC(pc->ofpacts)->ipv4 = ip;
    }
    return error;
}

char *
parse_SET_IPV4_DST(char *arg, const struct act_parse_ctx *pc)
{
    ovs_be32 ip;
    char *error = parse_ipv4(arg, &ip);

    if (!error) {
        ofpact_put_SET_IPV4_DST(pc->ofpacts)->ipv4 = ip;
    }
    return error;
}

void
format_SET_IPV4_SRC(const struct ofpact_ipv4 *a,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "mod_nw_src:"IP_FMT, IP_ARGS(a->ipv4));
}

void
format_SET_IPV4_DST(const struct ofpact_ipv4 *a,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "mod_nw_dst:"IP_FMT, IP_ARGS(a->ipv4));
}

/* ==== IP DSCP, ECN, TTL ==== */

/* OFPAT_SET_NW_TOS (8 bytes): type, len, u8 tos (ECN bits zero), 3 pad. */
enum ofperr
decode_RAW_SET_NW_TOS(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (a[4] & ~IP_DSCP_MASK || !act_zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_DSCP(out)->dscp = a[4];
    return 0;
}

void
encode_SET_IP_DSCP(const struct ofpact_dscp *d, enum ofp_version version,
                   struct ofpbuf *out)
{
    if (version < OFP12_VERSION) {
        act_put_raw(out, version, RAW_SET_NW_TOS, 8)[4] = d->dscp;
    } else {
        put_set_field_id(out, version, MFF_IP_DSCP_SHIFTED, d->dscp >> 2);
    }
}

char *
parse_SET_IP_DSCP(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t tos;
    char *error = act_str_to_u8(arg, "TOS", &tos);

    if (error) {
        return error;
    }
    if (tos & ~IP_DSCP_MASK) {
        return xasprintf("%s: not a valid TOS", arg);
    }
    ofpact_put_SET_IP_DSCP(pc->ofpacts)->dscp = tos;
    return NULL;
}

void
format_SET_IP_DSCP(const struct ofpact_dscp *d,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_nw_tos:%"PRIu8, d->dscp);
}

/* OF1.1+ OFPAT_SET_NW_ECN (8 bytes): type, len, u8 ecn, 3 pad. */
enum ofperr
decode_RAW_OF11_SET_NW_ECN(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (a[4] & ~IP_ECN_MASK || !act_zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_ECN(out)->ecn = a[4];
    return 0;
}

void
encode_SET_IP_ECN(const struct ofpact_ecn *e, enum ofp_version version,
                  struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        put_reg_load_id(out, version, MFF_IP_ECN, e->ecn);
    } else if (version == OFP11_VERSION) {
        act_put_raw(out, version, RAW_OF11_SET_NW_ECN, 8)[4] = e->ecn;
    } else {
        put_set_field_id(out, version, MFF_IP_ECN, e->ecn);
    }
}

char *
parse_SET_IP_ECN(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t ecn;
    char *error = act_str_to_u8(arg, "ECN", &ecn);

    if (error) {
        return error;
    }
    if (ecn & ~IP_ECN_MASK) {
        return xasprintf("%s: not a valid ECN", arg);
    }
    ofpact_put_SET_IP_ECN(pc->ofpacts)->ecn = ecn;
    return NULL;
}

void
format_SET_IP_ECN(const struct ofpact_ecn *e,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_format(s, "mod_nw_ecn:%"PRIu8, e->ecn);
}

/* OF1.1+ OFPAT_SET_NW_TTL (8 bytes): type, len, u8 ttl, 3 pad. */
enum ofperr
decode_RAW_OF11_SET_NW_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (!act_zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_TTL(out)->ttl = a[4];
    return 0;
}

void
encode_SET_IP_TTL(const struct ofpact_ip_ttl *t, enum ofp_version version,
                  struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        put_reg_load_id(out, version, MFF_IP_TTL, t->ttl);
    } else {
        act_put_raw(out, version, RAW_OF11_SET_NW_TTL, 8)[4] = t->ttl;
    }
}

char *
parse_SET_IP_TTL(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t ttl;
    char *error = act_str_to_u8(arg, "TTL", &ttl);

    if (!error) {
        ofpact_put_SET_IP_TTL(pc->ofpacts)->ttl = ttl;
    }
    return error;
}

void
format_SET_IP_TTL(const struct ofpact_ip_ttl *t,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_format(s, "mod_nw_ttl:%"PRIu8, t->ttl);
}

/* ==== L4 ports ==== */

/* OFPAT_SET_TP_SRC/DST (8 bytes): type, len, be16 port, 2 pad. */
enum ofperr
decode_RAW_SET_TP_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (!act_zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_L4_SRC_PORT(out)->port = act_get16(a + 4);
    return 0;
}

enum ofperr
decode_RAW_SET_TP_DST(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (!act_zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_L4_DST_PORT(out)->port = act_get16(a + 4);
    return 0;
}

static void
encode_l4_port(const struct ofpact_l4_port *p, bool src,
               enum ofp_version version, struct ofpbuf *out)
{
    if (version < OFP12_VERSION) {
        act_put16(act_put_raw(out, version,
                              src ? RAW_SET_TP_SRC : RAW_SET_TP_DST, 8) + 4,
                  p->port);
        return;
    }
    if (p->closure_private) {
        act_put16(put_closure_legacy(out, version, OFP10_VERSION,
                                     src ? RAW_SET_TP_SRC : RAW_SET_TP_DST)
                  + 4, p->port);
        return;
    }

    /* OpenFlow 1.2+ needs to know the protocol; ofpacts_check() found it
     * (and made such a flow unusable in 1.2+ if it could not). */
    enum mf_field_id id;
    switch (p->flow_ip_proto) {
    case IPPROTO_TCP:
        id = src ? MFF_TCP_SRC : MFF_TCP_DST;
        break;
    case IPPROTO_UDP:
        id = src ? MFF_UDP_SRC : MFF_UDP_DST;
        break;
    case IPPROTO_SCTP:
        id = src ? MFF_SCTP_SRC : MFF_SCTP_DST;
        break;
    default:
        return;
    }
    put_set_field_id(out, version, id, p->port);
}

void
encode_SET_L4_SRC_PORT(const struct ofpact_l4_port *p,
                       enum ofp_version version, struct ofpbuf *out)
{
    encode_l4_port(p, true, version, out);
}

void
encode_SET_L4_DST_PORT(const struct ofpact_l4_port *p,
                       enum ofp_version version, struct ofpbuf *out)
{
    encode_l4_port(p, false, version, out);
}

char *
parse_SET_L4_SRC_PORT(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t port;
    char *error = act_str_to_u16(arg, "source port", &port);

    if (!error) {
        ofpact_put_SET_L4_SRC_PORT(pc->ofpacts)->port = port;
    }
    return error;
}

char *
parse_SET_L4_DST_PORT(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t port;
    char *error = act_str_to_u16(arg, "destination port", &port);

    if (!error) {
        ofpact_put_SET_L4_DST_PORT(pc->ofpacts)->port = port;
    }
    return error;
}

void
format_SET_L4_SRC_PORT(const struct ofpact_l4_port *p,
                       const struct ofputil_port_map *port_map OVS_UNUSED,
                       struct ds *s)
{
    ds_put_format(s, "mod_tp_src:%"PRIu16, p->port);
}

void
format_SET_L4_DST_PORT(const struct ofpact_l4_port *p,
                       const struct ofputil_port_map *port_map OVS_UNUSED,
                       struct ds *s)
{
    ds_put_format(s, "mod_tp_dst:%"PRIu16, p->port);
}

/* ==== move ==== */

/* Checks and records a decoded move. */
static enum ofperr
put_decoded_move(const struct mf_field *src_field, unsigned int src_ofs,
                 const struct mf_field *dst_field, unsigned int dst_ofs,
                 unsigned int n_bits, struct ofpbuf *out)
{
    if (!n_bits
        || src_ofs + n_bits > src_field->n_bits
        || dst_ofs + n_bits > dst_field->n_bits) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!dst_field->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    struct ofpact_reg_move *m = ofpact_put_REG_MOVE(out);
    m->src.field = src_field;
    m->src.ofs = src_ofs;
    m->src.n_bits = n_bits;
    m->dst.field = dst_field;
    m->dst.ofs = dst_ofs;
    m->dst.n_bits = n_bits;
    return 0;
}

/* Decodes the "src header, dst header, zero padding" tail of a move. */
static enum ofperr
decode_move_tail(const uint8_t *p, size_t left, unsigned int n_bits,
                 unsigned int src_ofs, unsigned int dst_ofs,
                 const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    const struct mf_field *src, *dst;
    enum ofperr error;

    error = act_pull_field_header(&p, &left, ctx, &src);
    if (!error) {
        error = act_pull_field_header(&p, &left, ctx, &dst);
    }
    if (error) {
        return error;
    }
    if (!act_zeros(p, left)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    return put_decoded_move(src, src_ofs, dst, dst_ofs, n_bits, out);
}

/* NXAST_REG_MOVE (24+ bytes): Nicira header, be16 n_bits, be16 src_ofs,
 * be16 dst_ofs, src header, dst header, zero padding. */
enum ofperr
decode_RAW_NX_REG_MOVE(const uint8_t *a, size_t len,
                       const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    return decode_move_tail(a + 16, len - 16, act_get16(a + 10),
                            act_get16(a + 12), act_get16(a + 14), ctx, out);
}

/* OF1.5 OFPAT_COPY_FIELD (16+ bytes): type, len, be16 n_bits,
 * be16 src_offset, be16 dst_offset, 2 pad, src header, dst header, zero
 * padding. */
enum ofperr
decode_RAW_OF15_COPY_FIELD(const uint8_t *a, size_t len,
                           const struct act_decode_ctx *ctx,
                           struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return decode_move_tail(a + 12, len - 12, act_get16(a + 4),
                            act_get16(a + 6), act_get16(a + 8), ctx, out);
}

void
encode_REG_MOVE(const struct ofpact_reg_move *m, enum ofp_version version,
                struct ofpbuf *out)
{
    size_t start = out->size;
    uint8_t *a;

    if (version >= OFP15_VERSION) {
        a = act_put_raw(out, version, RAW_OF15_COPY_FIELD, 12);
        act_put16(a + 4, m->src.n_bits);
        act_put16(a + 6, m->src.ofs);
        act_put16(a + 8, m->dst.ofs);
    } else {
        a = act_put_raw(out, version, RAW_NX_REG_MOVE, 16);
        act_put16(a + 10, m->src.n_bits);
        act_put16(a + 12, m->src.ofs);
        act_put16(a + 14, m->dst.ofs);
        version = 0;                /* Prefer NXM headers, as OVS does. */
    }
    nx_put_header(out, m->src.field->id, version, false);
    nx_put_header(out, m->dst.field->id, version, false);
    act_finish_var(out, start);
}

/* "move:SRC[RANGE]->DST[RANGE]". */
char *
parse_REG_MOVE(char *arg, const struct act_parse_ctx *pc)
{
    struct mf_subfield src, dst;
    const char *s = arg;
    char *error;

    error = mf_parse_subfield__(&src, &s);
    if (error) {
        return error;
    }
    if (strncmp(s, "->", 2)) {
        return xasprintf("%s: missing `->' following source", arg);
    }
    s += 2;
    error = mf_parse_subfield(&dst, s);
    if (error) {
        return error;
    }
    if (src.n_bits != dst.n_bits) {
        return xasprintf("%s: source field is %d bits wide but destination "
                         "is %d bits wide", arg, src.n_bits, dst.n_bits);
    }
    if (!dst.field->writable) {
        return xasprintf("%s is read-only", dst.field->name);
    }
    struct ofpact_reg_move *m = ofpact_put_REG_MOVE(pc->ofpacts);
    m->src = src;
    m->dst = dst;
    return NULL;
}

void
format_REG_MOVE(const struct ofpact_reg_move *m,
                const struct ofputil_port_map *port_map OVS_UNUSED,
                struct ds *s)
{
    ds_put_cstr(s, "move:");
    mf_format_subfield(&m->src, s);
    ds_put_cstr(s, "->");
    mf_format_subfield(&m->dst, s);
}

/* ==== push and pop (the data stack) ==== */

/* NXAST_STACK_PUSH/POP (24 bytes): Nicira header, be16 offset, be32 field
 * header, be16 n_bits, 6 zero bytes. */
static enum ofperr
decode_stack(const uint8_t *a, const struct act_decode_ctx *ctx, bool push,
             struct ofpbuf *out)
{
    const struct mf_field *field;
    unsigned int ofs = act_get16(a + 10);
    unsigned int n_bits = act_get16(a + 16);
    enum ofperr error;

    if (!act_zeros(a + 18, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    error = act_field_from_header32(a + 12, ctx, &field);
    if (error) {
        return error;
    }
    if (!n_bits || ofs + n_bits > field->n_bits) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!push && !field->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    struct ofpact_stack *st = (push
                               ? ofpact_put_STACK_PUSH(out)
                               : ofpact_put_STACK_POP(out));
    st->subfield.field = field;
    st->subfield.ofs = ofs;
    st->subfield.n_bits = n_bits;
    return 0;
}

enum ofperr
decode_RAW_NX_STACK_PUSH(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx,
                         struct ofpbuf *out)
{
    return decode_stack(a, ctx, true, out);
}

enum ofperr
decode_RAW_NX_STACK_POP(const uint8_t *a, size_t len OVS_UNUSED,
                        const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    return decode_stack(a, ctx, false, out);
}

static void
encode_stack(const struct ofpact_stack *st, enum raw_action raw,
             enum ofp_version version, struct ofpbuf *out)
{
    uint8_t *a = act_put_raw(out, version, raw, 24);

    act_put16(a + 10, st->subfield.ofs);
    act_put32(a + 12, act_field_header32(st->subfield.field));
    act_put16(a + 16, st->subfield.n_bits);
}

void
encode_STACK_PUSH(const struct ofpact_stack *st, enum ofp_version version,
                  struct ofpbuf *out)
{
    encode_stack(st, RAW_NX_STACK_PUSH, version, out);
}

void
encode_STACK_POP(const struct ofpact_stack *st, enum ofp_version version,
                 struct ofpbuf *out)
{
    encode_stack(st, RAW_NX_STACK_POP, version, out);
}

char *
parse_STACK_PUSH(char *arg, const struct act_parse_ctx *pc)
{
    struct mf_subfield sf;
    char *error = mf_parse_subfield(&sf, arg);

    if (!error) {
        ofpact_put_STACK_PUSH(pc->ofpacts)->subfield = sf;
    }
    return error;
}

char *
parse_STACK_POP(char *arg, const struct act_parse_ctx *pc)
{
    struct mf_subfield sf;
    char *error = mf_parse_subfield(&sf, arg);

    if (error) {
        return error;
    }
    if (!sf.field->writable) {
        return xasprintf("%s is read-only", sf.field->name);
    }
    ofpact_put_STACK_POP(pc->ofpacts)->subfield = sf;
    return NULL;
}

void
format_STACK_PUSH(const struct ofpact_stack *st,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, "push:");
    mf_format_subfield(&st->subfield, s);
}

void
format_STACK_POP(const struct ofpact_stack *st,
                 const struct ofputil_port_map *port_map OVS_UNUSED,
                 struct ds *s)
{
    ds_put_cstr(s, "pop:");
    mf_format_subfield(&st->subfield, s);
}

