/* The actions themselves: for each one, how it is decoded from the wire,
 * encoded to the wire, parsed from ovs-ofctl text and formatted as text.
 *
 * Each action's four functions sit together, in that order, so that adding
 * an action means adding one block here, one line to OFPACTS in
 * ofp-actions.h and, if it has a wire form of its own, one line to
 * RAW_ACTIONS in ofp-actions-private.h.  The dispatch tables at the end of
 * this file are generated from those two lists.
 *
 * Wire actions are read and written byte by byte at fixed offsets (the
 * comment above each decoder gives the layout), so nothing here depends on
 * structure packing or alignment of the input.
 *
 * Version differences: an ofpact is encoded in the form the target
 * OpenFlow version understands.  OpenFlow 1.2 and later use "set_field" for
 * header rewrites that OpenFlow 1.0 and 1.1 had dedicated actions for;
 * OpenFlow 1.0 has no set_field at all, so a rewrite it cannot express is
 * sent as the Nicira "reg_load" extension, and so on.  Decoding never loses
 * information that printing needs: 'raw' in struct ofpact records, for
 * example, that a SET_FIELD arrived as "load". */

#include <config.h>
#include "ofp-actions-private.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "byte-order.h"
#include "flow.h"
#include "match.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "packets.h"

#define OFPVID12_PRESENT_ 0x1000

/* ---- Small helpers for decoders and parsers. ---- */

/* Returns true if 'mask' has a 1-bit for every significant bit of
 * 'field'. */
static bool
mask_is_full(const union mf_value *mask, const struct mf_field *field)
{
    return (bitwise_scan(mask, field->n_bytes, false, 0, field->n_bits)
            >= field->n_bits);
}

/* Returns true if the 'n' bytes at 'p' are all zero. */
static bool
zeros(const uint8_t *p, size_t n)
{
    return is_all_zeros(p, n);
}

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

static char * OVS_WARN_UNUSED_RESULT
str_to_u8_(const char *s, const char *what, uint8_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT8_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
str_to_u16_(const char *s, const char *what, uint16_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT16_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
str_to_u32_(const char *s, const char *what, uint32_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT32_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
str_to_u64_(const char *s, const char *what, uint64_t *valuep)
{
    uintmax_t v;
    char *error = str_to_uint_range(s, what, UINT64_MAX, &v);
    if (!error) {
        *valuep = v;
    }
    return error;
}

/* Encodes 'ofs' and 'n_bits' the way NXM actions pack them in 16 bits. */
static uint16_t
ofs_nbits_encode(unsigned int ofs, unsigned int n_bits)
{
    return (ofs << 6) | (n_bits - 1);
}

/* Fills 'sf' from a packed 'ofs_nbits' and 'field', checking that the bits
 * lie within the field. */
static enum ofperr
subfield_from_ofs_nbits(const struct mf_field *field, uint16_t ofs_nbits,
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
static uint32_t
field_header32(const struct mf_field *field)
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
static enum ofperr
field_from_header32(const uint8_t *p,
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
static enum ofperr
pull_field_header(const uint8_t **p, size_t *left,
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

/* Returns true if 'port' may be the destination of an output action. */
static bool
output_port_ok(ofp_port_t port)
{
    uint16_t p = ofp_to_u16(port);

    return (p < ofp_to_u16(OFPP_MAX)
            || (port != OFPP_NONE && port != OFPP_UNSET
                && p >= ofp_to_u16(OFPP_IN_PORT)));
}

/* Converts a 32-bit OpenFlow 1.1+ port to a 16-bit one. */
static enum ofperr
port_from_ofp11(uint32_t port32, ofp_port_t *port)
{
    if (port32 < ofp_to_u16(OFPP_MAX)) {
        *port = u16_to_ofp(port32);
        return 0;
    } else if (port32 >= 0xffffff00) {
        *port = u16_to_ofp(port32 - OFPP11_OFFSET);
        return 0;
    }
    return OFPERR_OFPBAC_BAD_OUT_PORT;
}

static uint32_t
port_to_ofp11(ofp_port_t port)
{
    uint16_t p = ofp_to_u16(port);

    return p < ofp_to_u16(OFPP_MAX) ? p : p + OFPP11_OFFSET;
}

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

    act_put16(a + 10, ofs_nbits_encode(ofs, n_bits));
    act_put32(a + 12, field_header32(field));
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
    if (field_header32(sf->field)) {
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

    case MFF_TCP_SRC: case MFF_UDP_SRC: case MFF_SCTP_SRC:
    case MFF_TCP_DST: case MFF_UDP_DST: case MFF_SCTP_DST: {
        bool src = (sf->field->id == MFF_TCP_SRC
                    || sf->field->id == MFF_UDP_SRC
                    || sf->field->id == MFF_SCTP_SRC);
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

/* ==== output ==== */

/* OF1.0 OFPAT_OUTPUT (8 bytes): type, len, be16 port, be16 max_len. */
static enum ofperr
decode_RAW_OF10_OUTPUT(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    ofp_port_t port = u16_to_ofp(act_get16(a + 4));

    if (!output_port_ok(port)) {
        return OFPERR_OFPBAC_BAD_OUT_PORT;
    }
    struct ofpact_output *o = ofpact_put_OUTPUT(out);
    o->port = port;
    o->max_len = act_get16(a + 6);
    return 0;
}

/* OF1.1+ OFPAT_OUTPUT (16 bytes): type, len, be32 port, be16 max_len,
 * 6 bytes of padding. */
static enum ofperr
decode_RAW_OF11_OUTPUT(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    ofp_port_t port;
    enum ofperr error = port_from_ofp11(act_get32(a + 4), &port);

    if (error) {
        return error;
    }
    if (!output_port_ok(port)) {
        return OFPERR_OFPBAC_BAD_OUT_PORT;
    }
    if (!zeros(a + 10, 6)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_output *o = ofpact_put_OUTPUT(out);
    o->port = port;
    o->max_len = act_get16(a + 8);
    return 0;
}

static void
put_output(struct ofpbuf *out, enum ofp_version version, ofp_port_t port,
           uint16_t max_len)
{
    uint8_t *a;

    if (version == OFP10_VERSION) {
        a = act_put_raw(out, version, RAW_OF10_OUTPUT, 8);
        act_put16(a + 4, ofp_to_u16(port));
        act_put16(a + 6, max_len);
    } else {
        a = act_put_raw(out, version, RAW_OF11_OUTPUT, 16);
        act_put32(a + 4, port_to_ofp11(port));
        act_put16(a + 8, max_len);
    }
}

static void
encode_OUTPUT(const struct ofpact_output *o, enum ofp_version version,
              struct ofpbuf *out)
{
    put_output(out, version, o->port, o->max_len);
}

/* "output:PORT" or "output:SUBFIELD" (the latter is output_reg). */
static char * OVS_WARN_UNUSED_RESULT
parse_OUTPUT(char *arg, const struct act_parse_ctx *pc)
{
    if (strchr(arg, '[')) {
        struct ofpact_output_reg *r = ofpact_put_OUTPUT_REG(pc->ofpacts);
        r->max_len = UINT16_MAX;
        return mf_parse_subfield(&r->src, arg);
    }

    ofp_port_t port;
    char *error = act_parse_port(arg, pc->port_map, &port);
    if (error) {
        free(error);
        return xasprintf("%s: output to unknown port", arg);
    }
    struct ofpact_output *o = ofpact_put_OUTPUT(pc->ofpacts);
    o->port = port;
    o->max_len = port == OFPP_CONTROLLER ? UINT16_MAX : 0;
    return NULL;
}

static void
format_OUTPUT(const struct ofpact_output *o,
              const struct ofputil_port_map *port_map, struct ds *s)
{
    if (ofp_to_u16(o->port) < ofp_to_u16(OFPP_MAX)) {
        ds_put_cstr(s, "output:");
    }
    act_format_port(o->port, port_map, s);
    if (o->port == OFPP_CONTROLLER) {
        ds_put_format(s, ":%"PRIu16, o->max_len);
    }
}

/* ==== group ==== */

/* OF1.1+ OFPAT_GROUP (8 bytes): type, len, be32 group_id. */
static enum ofperr
decode_RAW_OF11_GROUP(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    ofpact_put_GROUP(out)->group_id = act_get32(a + 4);
    return 0;
}

/* NXAST_GROUP, for OF1.0 (16 bytes): Nicira header, 2 bytes of padding,
 * be32 group_id. */
static enum ofperr
decode_RAW_NX_GROUP(const uint8_t *a, size_t len OVS_UNUSED,
                    const struct act_decode_ctx *ctx OVS_UNUSED,
                    struct ofpbuf *out)
{
    if (!zeros(a + 10, 2)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_GROUP(out)->group_id = act_get32(a + 12);
    return 0;
}

static void
encode_GROUP(const struct ofpact_group *g, enum ofp_version version,
             struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        act_put32(act_put_raw(out, version, RAW_NX_GROUP, 16) + 12,
                  g->group_id);
    } else {
        act_put32(act_put_raw(out, version, RAW_OF11_GROUP, 8) + 4,
                  g->group_id);
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_GROUP(char *arg, const struct act_parse_ctx *pc)
{
    uint32_t id;
    char *error = str_to_u32_(arg, "group id", &id);

    if (!error) {
        ofpact_put_GROUP(pc->ofpacts)->group_id = id;
    }
    return error;
}

static void
format_GROUP(const struct ofpact_group *g,
             const struct ofputil_port_map *port_map OVS_UNUSED,
             struct ds *s)
{
    ds_put_format(s, "group:%"PRIu32, g->group_id);
}

/* ==== controller ==== */

static const char *const reason_names[OFPR_N_REASONS] = {
    [OFPR_NO_MATCH] = "no_match",
    [OFPR_ACTION] = "action",
    [OFPR_INVALID_TTL] = "invalid_ttl",
    [OFPR_ACTION_SET] = "action_set",
    [OFPR_GROUP] = "group",
    [OFPR_PACKET_OUT] = "packet_out",
};

/* NXAST_CONTROLLER (16 bytes): Nicira header, be16 max_len,
 * be16 controller_id, u8 reason, u8 zero. */
static enum ofperr
decode_RAW_NX_CONTROLLER(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx OVS_UNUSED,
                         struct ofpbuf *out)
{
    struct ofpact_controller *c = ofpact_put_CONTROLLER(out);

    c->max_len = act_get16(a + 10);
    c->controller_id = act_get16(a + 12);
    c->reason = a[14];
    return 0;
}

static void
encode_CONTROLLER(const struct ofpact_controller *c, enum ofp_version version,
                  struct ofpbuf *out)
{
    if (c->reason == OFPR_ACTION && !c->controller_id) {
        /* The standard output action says the same thing. */
        put_output(out, version, OFPP_CONTROLLER, c->max_len);
    } else {
        uint8_t *a = act_put_raw(out, version, RAW_NX_CONTROLLER, 16);
        act_put16(a + 10, c->max_len);
        act_put16(a + 12, c->controller_id);
        a[14] = c->reason;
    }
}

/* "controller", "controller:MAX_LEN" or "controller(KEY=VALUE,...)".
 * "controller(pause[,id=N])" is another spelling of the pause action. */
static char * OVS_WARN_UNUSED_RESULT
parse_CONTROLLER(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t max_len = UINT16_MAX;
    uint16_t id = 0;
    uint8_t reason = OFPR_ACTION;
    bool pause = false;
    char *error;

    if (!strchr(arg, '=') && arg[0] && isdigit((unsigned char) arg[0])) {
        error = str_to_u16_(arg, "max_len", &max_len);
        if (error) {
            return error;
        }
    } else {
        char *key, *value;

        while (act_parse_key_value(&arg, &key, &value)) {
            if (!strcmp(key, "reason")) {
                size_t i;

                for (i = 0; i < OFPR_N_REASONS; i++) {
                    if (!strcmp(value, reason_names[i])) {
                        break;
                    }
                }
                if (i >= OFPR_N_REASONS) {
                    return xasprintf("unknown reason \"%s\"", value);
                }
                reason = i;
            } else if (!strcmp(key, "max_len")) {
                error = str_to_u16_(value, "max_len", &max_len);
            } else if (!strcmp(key, "id")) {
                error = str_to_u16_(value, "id", &id);
            } else if (!strcmp(key, "pause")) {
                pause = true;
            } else {
                return xasprintf("unknown key \"%s\" parsing controller "
                                 "action", key);
            }
            if (error) {
                return error;
            }
        }
    }

    if (pause) {
        ofpact_put_PAUSE(pc->ofpacts)->controller_id = id;
    } else if (reason == OFPR_ACTION && !id) {
        struct ofpact_output *o = ofpact_put_OUTPUT(pc->ofpacts);
        o->port = OFPP_CONTROLLER;
        o->max_len = max_len;
    } else {
        struct ofpact_controller *c = ofpact_put_CONTROLLER(pc->ofpacts);
        c->max_len = max_len;
        c->controller_id = id;
        c->reason = reason;
    }
    return NULL;
}

static void
format_CONTROLLER(const struct ofpact_controller *c,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    if (c->reason == OFPR_ACTION && !c->controller_id) {
        ds_put_format(s, "CONTROLLER:%"PRIu16, c->max_len);
        return;
    }
    ds_put_cstr(s, "controller(");
    if (c->reason != OFPR_ACTION) {
        if (c->reason < OFPR_N_REASONS) {
            ds_put_format(s, "reason=%s,", reason_names[c->reason]);
        } else {
            ds_put_format(s, "reason=%"PRIu8",", c->reason);
        }
    }
    if (c->max_len != UINT16_MAX) {
        ds_put_format(s, "max_len=%"PRIu16",", c->max_len);
    }
    if (c->controller_id) {
        ds_put_format(s, "id=%"PRIu16",", c->controller_id);
    }
    ds_chomp(s, ',');
    ds_put_char(s, ')');
}

/* ==== pause ==== */

/* NXAST_PAUSE (16 bytes): Nicira header, be16 controller_id, 4 zero
 * bytes. */
static enum ofperr
decode_RAW_NX_PAUSE(const uint8_t *a, size_t len OVS_UNUSED,
                    const struct act_decode_ctx *ctx OVS_UNUSED,
                    struct ofpbuf *out)
{
    if (!zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_PAUSE(out)->controller_id = act_get16(a + 10);
    return 0;
}

static void
encode_PAUSE(const struct ofpact_pause *p, enum ofp_version version,
             struct ofpbuf *out)
{
    act_put16(act_put_raw(out, version, RAW_NX_PAUSE, 16) + 10,
              p->controller_id);
}

/* "pause" or "pause(id=N)". */
static char * OVS_WARN_UNUSED_RESULT
parse_PAUSE(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t id = 0;
    char *key, *value;

    while (act_parse_key_value(&arg, &key, &value)) {
        if (strcmp(key, "id")) {
            return xasprintf("unknown key \"%s\" parsing pause action", key);
        }
        char *error = str_to_u16_(value, "id", &id);
        if (error) {
            return error;
        }
    }
    ofpact_put_PAUSE(pc->ofpacts)->controller_id = id;
    return NULL;
}

static void
format_PAUSE(const struct ofpact_pause *p,
             const struct ofputil_port_map *port_map OVS_UNUSED,
             struct ds *s)
{
    ds_put_cstr(s, "pause");
    if (p->controller_id) {
        ds_put_format(s, "(id=%"PRIu16")", p->controller_id);
    }
}

/* ==== output_reg ==== */

/* NXAST_OUTPUT_REG (24 bytes): Nicira header, be16 ofs_nbits, be32 src
 * header, be16 max_len, 6 zero bytes. */
static enum ofperr
decode_RAW_NX_OUTPUT_REG(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx,
                         struct ofpbuf *out)
{
    const struct mf_field *field;
    struct mf_subfield src;
    enum ofperr error;

    if (!zeros(a + 18, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    error = field_from_header32(a + 12, ctx, &field);
    if (!error) {
        error = subfield_from_ofs_nbits(field, act_get16(a + 10), &src);
    }
    if (error) {
        return error;
    }
    struct ofpact_output_reg *r = ofpact_put_OUTPUT_REG(out);
    r->src = src;
    r->max_len = act_get16(a + 16);
    return 0;
}

static void
encode_OUTPUT_REG(const struct ofpact_output_reg *r, enum ofp_version version,
                  struct ofpbuf *out)
{
    uint8_t *a = act_put_raw(out, version, RAW_NX_OUTPUT_REG, 24);

    act_put16(a + 10, ofs_nbits_encode(r->src.ofs, r->src.n_bits));
    act_put32(a + 12, field_header32(r->src.field));
    act_put16(a + 16, r->max_len);
}

static char * OVS_WARN_UNUSED_RESULT
parse_OUTPUT_REG(char *arg, const struct act_parse_ctx *pc)
{
    return parse_OUTPUT(arg, pc);
}

static void
format_OUTPUT_REG(const struct ofpact_output_reg *r,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, "output:");
    mf_format_subfield(&r->src, s);
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
    if (!zeros(b.data, b.size)) {
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
static enum ofperr
decode_RAW_OF12_SET_FIELD(const uint8_t *a, size_t len,
                          const struct act_decode_ctx *ctx,
                          struct ofpbuf *out)
{
    return decode_oxm_set_field(a + 4, len - 4, ctx,
                                ctx->version >= OFP15_VERSION,
                                OFPACT_RAW_NONE, out);
}

/* NXAST_REG_LOAD2: Nicira header, OXM entry (maybe masked), zero padding. */
static enum ofperr
decode_RAW_NX_REG_LOAD2(const uint8_t *a, size_t len,
                        const struct act_decode_ctx *ctx,
                        struct ofpbuf *out)
{
    return decode_oxm_set_field(a + 10, len - 10, ctx, true,
                                OFPACT_RAW_REG_LOAD, out);
}

/* NXAST_REG_LOAD (24 bytes): Nicira header, be16 ofs_nbits, be32 dst
 * header, be64 value. */
static enum ofperr
decode_RAW_NX_REG_LOAD(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    const struct mf_field *field;
    struct mf_subfield dst;
    union mf_value value, mask;
    uint64_t v = act_get64(a + 16);
    enum ofperr error;

    error = field_from_header32(a + 12, ctx, &field);
    if (!error) {
        error = subfield_from_ofs_nbits(field, act_get16(a + 10), &dst);
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

static void
encode_SET_FIELD(const struct ofpact_set_field *sf, enum ofp_version version,
                 struct ofpbuf *out)
{
    put_set_field_any(sf, version, out);
}

/* "set_field:VALUE[/MASK]->FIELD". */
static char * OVS_WARN_UNUSED_RESULT
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
        && mask_is_full(&mask, field)) {
        /* A VID names a tagged packet even if the "present" bit was left
         * out, as in "set_field:5->vlan_vid". */
        value.be16 |= htons(OFPVID12_PRESENT_);
    }
    if (field->maskable == MFM_NONE && !mask_is_full(&mask, field)) {
        return xasprintf("%s: invalid mask for field %s", arg, name);
    }
    /* A flow that sets a field can only be sent with a flow format that
     * can also match on it. */
    bool full = mask_is_full(&mask, field);
    if (field->of10 == MFO_NONE || (!full && field->of10 != MFO_BITWISE)) {
        *pc->usable_protocols &= ~OFPUTIL_P_OF10_STD_ANY;
    }
    if (field->of11 == MFO_NONE || (!full && field->of11 != MFO_BITWISE)) {
        *pc->usable_protocols &= ~OFPUTIL_P_OF11_STD;
    }
    ofpact_put_set_field(pc->ofpacts, field, &value, &mask);
    return NULL;
}

/* "load:VALUE->DST[RANGE]". */
static char * OVS_WARN_UNUSED_RESULT
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

static void
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

/* ==== VLAN ==== */

static enum ofperr
decode_vlan_vid(const uint8_t *a, bool push_if_needed, struct ofpbuf *out)
{
    uint16_t vid = act_get16(a + 4);

    if (vid & ~VLAN_VID_MASK) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_vlan_vid *v = ofpact_put_SET_VLAN_VID(out);
    v->vlan_vid = vid;
    v->push_vlan_if_needed = push_if_needed;
    return 0;
}

/* OF1.0 OFPAT_SET_VLAN_VID (8 bytes): type, len, be16 vid, 2 pad. */
static enum ofperr
decode_RAW_OF10_SET_VLAN_VID(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_vid(a, true, out);
}

/* OF1.1 OFPAT_SET_VLAN_VID: the same layout, but never adds a tag. */
static enum ofperr
decode_RAW_OF11_SET_VLAN_VID(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_vid(a, false, out);
}

/* Adds a VLAN header first, in OpenFlow 1.2+, where an OpenFlow 1.0 style
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

static void
encode_SET_VLAN_VID(const struct ofpact_vlan_vid *v, enum ofp_version version,
                    struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        act_put16(act_put_raw(out, version, RAW_OF10_SET_VLAN_VID, 8) + 4,
                  v->vlan_vid);
    } else if (version == OFP11_VERSION) {
        act_put16(act_put_raw(out, version, RAW_OF11_SET_VLAN_VID, 8) + 4,
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
    char *error = str_to_u16_(arg, "VLAN VID", &vid);

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
static char * OVS_WARN_UNUSED_RESULT
parse_SET_VLAN_VID(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_vid(arg, pc, true);
}

/* "set_vlan_vid:VID" (only modifies an existing tag). */
static char * OVS_WARN_UNUSED_RESULT
parse_set_vlan_vid(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_vid(arg, pc, false);
}

static void
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
    if (!zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_vlan_pcp *p = ofpact_put_SET_VLAN_PCP(out);
    p->vlan_pcp = a[4];
    p->push_vlan_if_needed = push_if_needed;
    return 0;
}

/* OF1.0 OFPAT_SET_VLAN_PCP (8 bytes): type, len, u8 pcp, 3 pad. */
static enum ofperr
decode_RAW_OF10_SET_VLAN_PCP(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_pcp(a, true, out);
}

/* OF1.1 OFPAT_SET_VLAN_PCP: the same layout, never adds a tag. */
static enum ofperr
decode_RAW_OF11_SET_VLAN_PCP(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    return decode_vlan_pcp(a, false, out);
}

static void
encode_SET_VLAN_PCP(const struct ofpact_vlan_pcp *p, enum ofp_version version,
                    struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        act_put_raw(out, version, RAW_OF10_SET_VLAN_PCP, 8)[4] = p->vlan_pcp;
    } else if (version == OFP11_VERSION) {
        act_put_raw(out, version, RAW_OF11_SET_VLAN_PCP, 8)[4] = p->vlan_pcp;
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
    char *error = str_to_u8_(arg, "VLAN PCP", &pcp);

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

static char * OVS_WARN_UNUSED_RESULT
parse_SET_VLAN_PCP(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_pcp(arg, pc, true);
}

static char * OVS_WARN_UNUSED_RESULT
parse_set_vlan_pcp(char *arg, const struct act_parse_ctx *pc)
{
    return parse_vlan_pcp(arg, pc, false);
}

static void
format_SET_VLAN_PCP(const struct ofpact_vlan_pcp *p,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "%s:%"PRIu8,
                  p->push_vlan_if_needed ? "mod_vlan_pcp" : "set_vlan_pcp",
                  p->vlan_pcp);
}

/* OF1.0 OFPAT_STRIP_VLAN (8 bytes): type, len, 4 pad. */
static enum ofperr
decode_RAW_OF10_STRIP_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (!zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_STRIP_VLAN(out);
    return 0;
}

/* OF1.1+ OFPAT_POP_VLAN (8 bytes): type, len, 4 pad. */
static enum ofperr
decode_RAW_OF11_POP_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx OVS_UNUSED,
                         struct ofpbuf *out)
{
    if (!zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_STRIP_VLAN(out)->ofpact.raw = OFPACT_RAW_POP_VLAN;
    return 0;
}

static void
encode_STRIP_VLAN(const struct ofpact_null *n OVS_UNUSED,
                  enum ofp_version version, struct ofpbuf *out)
{
    act_put_raw(out, version, (version == OFP10_VERSION
                               ? RAW_OF10_STRIP_VLAN : RAW_OF11_POP_VLAN), 8);
}

static char * OVS_WARN_UNUSED_RESULT
parse_STRIP_VLAN(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_STRIP_VLAN(pc->ofpacts);
    return NULL;
}

static char * OVS_WARN_UNUSED_RESULT
parse_pop_vlan(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_STRIP_VLAN(pc->ofpacts)->ofpact.raw = OFPACT_RAW_POP_VLAN;
    return NULL;
}

static void
format_STRIP_VLAN(const struct ofpact_null *n,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, (n->ofpact.raw == OFPACT_RAW_POP_VLAN
                    ? "pop_vlan" : "strip_vlan"));
}

/* OF1.1+ OFPAT_PUSH_VLAN (8 bytes): type, len, be16 ethertype, 2 pad. */
static enum ofperr
decode_RAW_OF11_PUSH_VLAN(const uint8_t *a, size_t len OVS_UNUSED,
                          const struct act_decode_ctx *ctx OVS_UNUSED,
                          struct ofpbuf *out)
{
    uint16_t ethertype = act_get16(a + 4);

    if (ethertype != ETH_TYPE_VLAN_8021Q
        && ethertype != ETH_TYPE_VLAN_8021AD) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_PUSH_VLAN(out)->ethertype = htons(ethertype);
    return 0;
}

static void
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

static char * OVS_WARN_UNUSED_RESULT
parse_PUSH_VLAN(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t ethertype;
    char *error = str_to_u16_(arg, "ethertype", &ethertype);

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

static void
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
    if (!zeros(a + 10, 6)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_mac *m = (src
                            ? ofpact_put_SET_ETH_SRC(out)
                            : ofpact_put_SET_ETH_DST(out));
    memcpy(&m->mac, a + 4, 6);
    return 0;
}

static enum ofperr
decode_RAW_SET_DL_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    return decode_mac(a, true, out);
}

static enum ofperr
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

static void
encode_SET_ETH_SRC(const struct ofpact_mac *m, enum ofp_version version,
                   struct ofpbuf *out)
{
    encode_mac(m, true, version, out);
}

static void
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

static char * OVS_WARN_UNUSED_RESULT
parse_SET_ETH_SRC(char *arg, const struct act_parse_ctx *pc)
{
    struct eth_addr mac;
    char *error = parse_mac(arg, &mac);

    if (!error) {
        ofpact_put_SET_ETH_SRC(pc->ofpacts)->mac = mac;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_ETH_DST(char *arg, const struct act_parse_ctx *pc)
{
    struct eth_addr mac;
    char *error = parse_mac(arg, &mac);

    if (!error) {
        ofpact_put_SET_ETH_DST(pc->ofpacts)->mac = mac;
    }
    return error;
}

static void
format_SET_ETH_SRC(const struct ofpact_mac *m,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_dl_src:"ETH_ADDR_FMT, ETH_ADDR_ARGS(m->mac));
}

static void
format_SET_ETH_DST(const struct ofpact_mac *m,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_dl_dst:"ETH_ADDR_FMT, ETH_ADDR_ARGS(m->mac));
}

/* ==== IPv4 addresses ==== */

/* OFPAT_SET_NW_SRC/DST (8 bytes): type, len, be32 address. */
static enum ofperr
decode_RAW_SET_NW_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    ofpact_put_SET_IPV4_SRC(out)->ipv4 = htonl(act_get32(a + 4));
    return 0;
}

static enum ofperr
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

static void
encode_SET_IPV4_SRC(const struct ofpact_ipv4 *a, enum ofp_version version,
                    struct ofpbuf *out)
{
    encode_ipv4(a->ipv4, true, version, out);
}

static void
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

static char * OVS_WARN_UNUSED_RESULT
parse_SET_IPV4_SRC(char *arg, const struct act_parse_ctx *pc)
{
    ovs_be32 ip;
    char *error = parse_ipv4(arg, &ip);

    if (!error) {
        ofpact_put_SET_IPV4_SRC(pc->ofpacts)->ipv4 = ip;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_IPV4_DST(char *arg, const struct act_parse_ctx *pc)
{
    ovs_be32 ip;
    char *error = parse_ipv4(arg, &ip);

    if (!error) {
        ofpact_put_SET_IPV4_DST(pc->ofpacts)->ipv4 = ip;
    }
    return error;
}

static void
format_SET_IPV4_SRC(const struct ofpact_ipv4 *a,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "mod_nw_src:"IP_FMT, IP_ARGS(a->ipv4));
}

static void
format_SET_IPV4_DST(const struct ofpact_ipv4 *a,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "mod_nw_dst:"IP_FMT, IP_ARGS(a->ipv4));
}

/* ==== IP DSCP, ECN, TTL ==== */

/* OFPAT_SET_NW_TOS (8 bytes): type, len, u8 tos (ECN bits zero), 3 pad. */
static enum ofperr
decode_RAW_SET_NW_TOS(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (a[4] & ~IP_DSCP_MASK || !zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_DSCP(out)->dscp = a[4];
    return 0;
}

static void
encode_SET_IP_DSCP(const struct ofpact_dscp *d, enum ofp_version version,
                   struct ofpbuf *out)
{
    if (version < OFP12_VERSION) {
        act_put_raw(out, version, RAW_SET_NW_TOS, 8)[4] = d->dscp;
    } else {
        put_set_field_id(out, version, MFF_IP_DSCP_SHIFTED, d->dscp >> 2);
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_IP_DSCP(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t tos;
    char *error = str_to_u8_(arg, "TOS", &tos);

    if (error) {
        return error;
    }
    if (tos & ~IP_DSCP_MASK) {
        return xasprintf("%s: not a valid TOS", arg);
    }
    ofpact_put_SET_IP_DSCP(pc->ofpacts)->dscp = tos;
    return NULL;
}

static void
format_SET_IP_DSCP(const struct ofpact_dscp *d,
                   const struct ofputil_port_map *port_map OVS_UNUSED,
                   struct ds *s)
{
    ds_put_format(s, "mod_nw_tos:%"PRIu8, d->dscp);
}

/* OF1.1+ OFPAT_SET_NW_ECN (8 bytes): type, len, u8 ecn, 3 pad. */
static enum ofperr
decode_RAW_OF11_SET_NW_ECN(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (a[4] & ~IP_ECN_MASK || !zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_ECN(out)->ecn = a[4];
    return 0;
}

static void
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

static char * OVS_WARN_UNUSED_RESULT
parse_SET_IP_ECN(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t ecn;
    char *error = str_to_u8_(arg, "ECN", &ecn);

    if (error) {
        return error;
    }
    if (ecn & ~IP_ECN_MASK) {
        return xasprintf("%s: not a valid ECN", arg);
    }
    ofpact_put_SET_IP_ECN(pc->ofpacts)->ecn = ecn;
    return NULL;
}

static void
format_SET_IP_ECN(const struct ofpact_ecn *e,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_format(s, "mod_nw_ecn:%"PRIu8, e->ecn);
}

/* OF1.1+ OFPAT_SET_NW_TTL (8 bytes): type, len, u8 ttl, 3 pad. */
static enum ofperr
decode_RAW_OF11_SET_NW_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    if (!zeros(a + 5, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_IP_TTL(out)->ttl = a[4];
    return 0;
}

static void
encode_SET_IP_TTL(const struct ofpact_ip_ttl *t, enum ofp_version version,
                  struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        put_reg_load_id(out, version, MFF_IP_TTL, t->ttl);
    } else {
        act_put_raw(out, version, RAW_OF11_SET_NW_TTL, 8)[4] = t->ttl;
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_IP_TTL(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t ttl;
    char *error = str_to_u8_(arg, "TTL", &ttl);

    if (!error) {
        ofpact_put_SET_IP_TTL(pc->ofpacts)->ttl = ttl;
    }
    return error;
}

static void
format_SET_IP_TTL(const struct ofpact_ip_ttl *t,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_format(s, "mod_nw_ttl:%"PRIu8, t->ttl);
}

/* ==== L4 ports ==== */

/* OFPAT_SET_TP_SRC/DST (8 bytes): type, len, be16 port, 2 pad. */
static enum ofperr
decode_RAW_SET_TP_SRC(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (!zeros(a + 6, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    ofpact_put_SET_L4_SRC_PORT(out)->port = act_get16(a + 4);
    return 0;
}

static enum ofperr
decode_RAW_SET_TP_DST(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    if (!zeros(a + 6, 2)) {
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

static void
encode_SET_L4_SRC_PORT(const struct ofpact_l4_port *p,
                       enum ofp_version version, struct ofpbuf *out)
{
    encode_l4_port(p, true, version, out);
}

static void
encode_SET_L4_DST_PORT(const struct ofpact_l4_port *p,
                       enum ofp_version version, struct ofpbuf *out)
{
    encode_l4_port(p, false, version, out);
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_L4_SRC_PORT(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t port;
    char *error = str_to_u16_(arg, "source port", &port);

    if (!error) {
        ofpact_put_SET_L4_SRC_PORT(pc->ofpacts)->port = port;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_SET_L4_DST_PORT(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t port;
    char *error = str_to_u16_(arg, "destination port", &port);

    if (!error) {
        ofpact_put_SET_L4_DST_PORT(pc->ofpacts)->port = port;
    }
    return error;
}

static void
format_SET_L4_SRC_PORT(const struct ofpact_l4_port *p,
                       const struct ofputil_port_map *port_map OVS_UNUSED,
                       struct ds *s)
{
    ds_put_format(s, "mod_tp_src:%"PRIu16, p->port);
}

static void
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

    error = pull_field_header(&p, &left, ctx, &src);
    if (!error) {
        error = pull_field_header(&p, &left, ctx, &dst);
    }
    if (error) {
        return error;
    }
    if (!zeros(p, left)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    return put_decoded_move(src, src_ofs, dst, dst_ofs, n_bits, out);
}

/* NXAST_REG_MOVE (24+ bytes): Nicira header, be16 n_bits, be16 src_ofs,
 * be16 dst_ofs, src header, dst header, zero padding. */
static enum ofperr
decode_RAW_NX_REG_MOVE(const uint8_t *a, size_t len,
                       const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    return decode_move_tail(a + 16, len - 16, act_get16(a + 10),
                            act_get16(a + 12), act_get16(a + 14), ctx, out);
}

/* OF1.5 OFPAT_COPY_FIELD (16+ bytes): type, len, be16 n_bits,
 * be16 src_offset, be16 dst_offset, 2 pad, src header, dst header, zero
 * padding. */
static enum ofperr
decode_RAW_OF15_COPY_FIELD(const uint8_t *a, size_t len,
                           const struct act_decode_ctx *ctx,
                           struct ofpbuf *out)
{
    if (!zeros(a + 10, 2)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return decode_move_tail(a + 12, len - 12, act_get16(a + 4),
                            act_get16(a + 6), act_get16(a + 8), ctx, out);
}

static void
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
static char * OVS_WARN_UNUSED_RESULT
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

static void
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

    if (!zeros(a + 18, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    error = field_from_header32(a + 12, ctx, &field);
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

static enum ofperr
decode_RAW_NX_STACK_PUSH(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx,
                         struct ofpbuf *out)
{
    return decode_stack(a, ctx, true, out);
}

static enum ofperr
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
    act_put32(a + 12, field_header32(st->subfield.field));
    act_put16(a + 16, st->subfield.n_bits);
}

static void
encode_STACK_PUSH(const struct ofpact_stack *st, enum ofp_version version,
                  struct ofpbuf *out)
{
    encode_stack(st, RAW_NX_STACK_PUSH, version, out);
}

static void
encode_STACK_POP(const struct ofpact_stack *st, enum ofp_version version,
                 struct ofpbuf *out)
{
    encode_stack(st, RAW_NX_STACK_POP, version, out);
}

static char * OVS_WARN_UNUSED_RESULT
parse_STACK_PUSH(char *arg, const struct act_parse_ctx *pc)
{
    struct mf_subfield sf;
    char *error = mf_parse_subfield(&sf, arg);

    if (!error) {
        ofpact_put_STACK_PUSH(pc->ofpacts)->subfield = sf;
    }
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
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

static void
format_STACK_PUSH(const struct ofpact_stack *st,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, "push:");
    mf_format_subfield(&st->subfield, s);
}

static void
format_STACK_POP(const struct ofpact_stack *st,
                 const struct ofputil_port_map *port_map OVS_UNUSED,
                 struct ds *s)
{
    ds_put_cstr(s, "pop:");
    mf_format_subfield(&st->subfield, s);
}

/* ==== dec_ttl ==== */

static void
put_dec_ttl(struct ofpbuf *out, const uint16_t *ids, size_t n, uint8_t raw)
{
    struct ofpact_cnt_ids *d = ofpact_put_DEC_TTL(out);

    d->ofpact.raw = raw;
    d->n_controllers = n;
    ofpbuf_put(out, ids, n * sizeof *ids);
    ofpact_finish_DEC_TTL(out, &d);
}

/* NXAST_DEC_TTL (16 bytes): Nicira header, 6 zero bytes. */
static enum ofperr
decode_RAW_NX_DEC_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    static const uint16_t id0 = 0;

    if (!zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    put_dec_ttl(out, &id0, 1, OFPACT_RAW_NONE);
    return 0;
}

/* OF1.1+ OFPAT_DEC_NW_TTL (8 bytes): type, len, 4 pad. */
static enum ofperr
decode_RAW_OF11_DEC_NW_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    static const uint16_t id0 = 0;

    if (!zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    put_dec_ttl(out, &id0, 1, OFPACT_RAW_NONE);
    return 0;
}

/* NXAST_DEC_TTL_CNT_IDS (16+ bytes): Nicira header, be16 n_controllers,
 * 4 zero bytes, n_controllers be16 ids, zero padding. */
static enum ofperr
decode_RAW_NX_DEC_TTL_CNT_IDS(const uint8_t *a, size_t len,
                              const struct act_decode_ctx *ctx OVS_UNUSED,
                              struct ofpbuf *out)
{
    size_t n = act_get16(a + 10);

    if (!zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    if (16 + 2 * n > len) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    if (!zeros(a + 16 + 2 * n, len - 16 - 2 * n)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }

    size_t ofs = out->size;
    struct ofpact_cnt_ids *d = ofpact_put_DEC_TTL(out);
    d->ofpact.raw = OFPACT_RAW_DEC_TTL_CNT_IDS;
    d->n_controllers = n;
    for (size_t i = 0; i < n; i++) {
        uint16_t id = act_get16(a + 16 + 2 * i);
        ofpbuf_put(out, &id, sizeof id);
    }
    d = ofpbuf_at_assert(out, ofs, sizeof *d);
    ofpact_finish_DEC_TTL(out, &d);
    return 0;
}

static void
encode_DEC_TTL(const struct ofpact_cnt_ids *d, enum ofp_version version,
               struct ofpbuf *out)
{
    if (d->ofpact.raw == OFPACT_RAW_DEC_TTL_CNT_IDS
        || d->n_controllers != 1 || d->cnt_ids[0] != 0) {
        size_t start = out->size;
        uint8_t *a = act_put_raw(out, version, RAW_NX_DEC_TTL_CNT_IDS, 16);

        act_put16(a + 10, d->n_controllers);
        for (size_t i = 0; i < d->n_controllers; i++) {
            uint8_t *p = ofpbuf_put_uninit(out, 2);
            act_put16(p, d->cnt_ids[i]);
        }
        act_finish_var(out, start);
    } else if (version == OFP10_VERSION) {
        act_put_raw(out, version, RAW_NX_DEC_TTL, 16);
    } else {
        act_put_raw(out, version, RAW_OF11_DEC_NW_TTL, 8);
    }
}

/* "dec_ttl" or "dec_ttl(ID[,ID]...)". */
static char * OVS_WARN_UNUSED_RESULT
parse_DEC_TTL(char *arg, const struct act_parse_ctx *pc)
{
    if (!*arg) {
        static const uint16_t id0 = 0;
        put_dec_ttl(pc->ofpacts, &id0, 1, OFPACT_RAW_NONE);
        return NULL;
    }

    uint16_t *ids = NULL;
    size_t n = 0, allocated = 0;
    char *save = NULL;
    for (char *tok = strtok_r(arg, ", ", &save); tok;
         tok = strtok_r(NULL, ", ", &save)) {
        uint16_t id;
        char *error = str_to_u16_(tok, "controller id", &id);
        if (error) {
            free(ids);
            return error;
        }
        if (n >= allocated) {
            ids = x2nrealloc(ids, &allocated, sizeof *ids);
        }
        ids[n++] = id;
    }
    if (!n) {
        free(ids);
        return xstrdup("dec_ttl_cnt_ids: expected at least one controller "
                       "id.");
    }
    put_dec_ttl(pc->ofpacts, ids, n, OFPACT_RAW_DEC_TTL_CNT_IDS);
    free(ids);
    return NULL;
}

static void
format_DEC_TTL(const struct ofpact_cnt_ids *d,
               const struct ofputil_port_map *port_map OVS_UNUSED,
               struct ds *s)
{
    ds_put_cstr(s, "dec_ttl");
    if (d->ofpact.raw == OFPACT_RAW_DEC_TTL_CNT_IDS) {
        ds_put_char(s, '(');
        for (size_t i = 0; i < d->n_controllers; i++) {
            ds_put_format(s, "%s%"PRIu16, i ? "," : "", d->cnt_ids[i]);
        }
        ds_put_char(s, ')');
    }
}

/* ==== resubmit ==== */

/* NXAST_RESUBMIT (16 bytes): Nicira header, be16 in_port, 4 zero bytes. */
static enum ofperr
decode_RAW_NX_RESUBMIT(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    if (!zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(out);
    r->in_port = u16_to_ofp(act_get16(a + 10));
    r->table_id = 0xff;
    return 0;
}

/* NXAST_RESUBMIT_TABLE (16 bytes): Nicira header, be16 in_port, u8 table,
 * 3 zero bytes. */
static enum ofperr
decode_RAW_NX_RESUBMIT_TABLE(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    if (!zeros(a + 13, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(out);
    r->in_port = u16_to_ofp(act_get16(a + 10));
    r->table_id = a[12];
    return 0;
}

static void
encode_RESUBMIT(const struct ofpact_resubmit *r, enum ofp_version version,
                struct ofpbuf *out)
{
    if (r->table_id == 0xff) {
        act_put16(act_put_raw(out, version, RAW_NX_RESUBMIT, 16) + 10,
                  ofp_to_u16(r->in_port));
    } else {
        uint8_t *a = act_put_raw(out, version, RAW_NX_RESUBMIT_TABLE, 16);
        act_put16(a + 10, ofp_to_u16(r->in_port));
        a[12] = r->table_id;
    }
}

/* "resubmit:PORT" or "resubmit([PORT],[TABLE])". */
static char * OVS_WARN_UNUSED_RESULT
parse_RESUBMIT(char *arg, const struct act_parse_ctx *pc)
{
    ofp_port_t in_port = OFPP_IN_PORT;
    uint8_t table_id = 0xff;
    char *port_s, *table_s, *extra;
    char *error;

    port_s = arg;
    table_s = strchr(arg, ',');
    if (table_s) {
        *table_s++ = '\0';
        extra = strchr(table_s, ',');
        if (extra) {
            *extra++ = '\0';
            extra[strcspn(extra, ",")] = '\0';
            return xasprintf("%s: unknown parameter", extra);
        }
    }

    if (port_s[0]) {
        error = act_parse_port(port_s, pc->port_map, &in_port);
        if (error) {
            free(error);
            return xasprintf("%s: resubmit to unknown port", port_s);
        }
    }
    if (table_s && table_s[0]) {
        error = act_parse_table(table_s, &table_id);
        if (error) {
            free(error);
            return xasprintf("%s: resubmit to unknown table", table_s);
        }
    }
    if (in_port == OFPP_IN_PORT && table_id == 0xff) {
        return xstrdup("at least one \"in_port\" or \"table\" must be "
                       "specified on resubmit");
    }
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(pc->ofpacts);
    r->in_port = in_port;
    r->table_id = table_id;
    return NULL;
}

static void
format_RESUBMIT(const struct ofpact_resubmit *r,
                const struct ofputil_port_map *port_map, struct ds *s)
{
    if (r->in_port != OFPP_IN_PORT && r->table_id == 0xff) {
        ds_put_cstr(s, "resubmit:");
        act_format_port(r->in_port, port_map, s);
        return;
    }
    ds_put_cstr(s, "resubmit(");
    if (r->in_port != OFPP_IN_PORT) {
        act_format_port(r->in_port, port_map, s);
    }
    ds_put_char(s, ',');
    if (r->table_id != 0xff) {
        ds_put_format(s, "%"PRIu8, r->table_id);
    }
    ds_put_char(s, ')');
}

/* ==== note ==== */

static void
put_note(struct ofpbuf *out, const uint8_t *data, size_t n)
{
    struct ofpact_note *note = ofpact_put_NOTE(out);

    note->length = n;
    ofpbuf_put(out, data, n);
    ofpact_finish_NOTE(out, &note);
}

/* NXAST_NOTE (16+ bytes): Nicira header, then the note's bytes (including
 * the padding, which is part of the note). */
static enum ofperr
decode_RAW_NX_NOTE(const uint8_t *a, size_t len,
                   const struct act_decode_ctx *ctx OVS_UNUSED,
                   struct ofpbuf *out)
{
    put_note(out, a + 10, len - 10);
    return 0;
}

static void
encode_NOTE(const struct ofpact_note *note, enum ofp_version version,
            struct ofpbuf *out)
{
    size_t start = out->size;

    act_put_raw(out, version, RAW_NX_NOTE, 10);
    ofpbuf_put(out, note->data, note->length);
    act_finish_var(out, start);
}

/* "note:HH.HH.HH..." (the periods are optional). */
static char * OVS_WARN_UNUSED_RESULT
parse_NOTE(char *arg, const struct act_parse_ctx *pc)
{
    size_t n = 0;
    uint8_t *bytes = xmalloc(strlen(arg) / 2 + 1);

    while (*arg) {
        bool ok;

        if (*arg == '.') {
            arg++;
            continue;
        }
        uint8_t byte = hexits_value(arg, 2, &ok);
        if (!ok) {
            free(bytes);
            return xstrdup("bad hex digit in `note' argument");
        }
        bytes[n++] = byte;
        arg += 2;
    }
    put_note(pc->ofpacts, bytes, n);
    free(bytes);
    return NULL;
}

static void
format_NOTE(const struct ofpact_note *note,
            const struct ofputil_port_map *port_map OVS_UNUSED,
            struct ds *s)
{
    ds_put_cstr(s, "note:");
    for (size_t i = 0; i < note->length; i++) {
        ds_put_format(s, "%s%02x", i ? "." : "", note->data[i]);
    }
}

/* ==== exit, ct_clear ==== */

/* NXAST_EXIT (16 bytes): Nicira header, 6 zero bytes. */
static enum ofperr
decode_RAW_NX_EXIT(const uint8_t *a, size_t len OVS_UNUSED,
                   const struct act_decode_ctx *ctx OVS_UNUSED,
                   struct ofpbuf *out)
{
    if (!zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_EXIT(out);
    return 0;
}

static void
encode_EXIT(const struct ofpact_null *n OVS_UNUSED, enum ofp_version version,
            struct ofpbuf *out)
{
    act_put_raw(out, version, RAW_NX_EXIT, 16);
}

static char * OVS_WARN_UNUSED_RESULT
parse_EXIT(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_EXIT(pc->ofpacts);
    return NULL;
}

static void
format_EXIT(const struct ofpact_null *n OVS_UNUSED,
            const struct ofputil_port_map *port_map OVS_UNUSED, struct ds *s)
{
    ds_put_cstr(s, "exit");
}

/* NXAST_CT_CLEAR (16 bytes): Nicira header, 6 zero bytes. */
static enum ofperr
decode_RAW_NX_CT_CLEAR(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    if (!zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_CT_CLEAR(out);
    return 0;
}

static void
encode_CT_CLEAR(const struct ofpact_null *n OVS_UNUSED,
                enum ofp_version version, struct ofpbuf *out)
{
    act_put_raw(out, version, RAW_NX_CT_CLEAR, 16);
}

static char * OVS_WARN_UNUSED_RESULT
parse_CT_CLEAR(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_CT_CLEAR(pc->ofpacts);
    return NULL;
}

static void
format_CT_CLEAR(const struct ofpact_null *n OVS_UNUSED,
                const struct ofputil_port_map *port_map OVS_UNUSED,
                struct ds *s)
{
    ds_put_cstr(s, "ct_clear");
}

/* ==== clone ==== */

/* NXAST_CLONE (16+ bytes): Nicira header, 6 zero bytes, nested actions. */
static enum ofperr
decode_RAW_NX_CLONE(const uint8_t *a, size_t len,
                    const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    size_t ofs = out->size;
    struct ofpact_nest *clone;
    enum ofperr error;

    if (!zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_CLONE(out);
    error = act_decode_nested(a + 16, len - 16, ctx, out);
    clone = ofpbuf_at_assert(out, ofs, sizeof *clone);
    ofpact_finish_CLONE(out, &clone);
    return error;
}

static void
encode_CLONE(const struct ofpact_nest *clone, enum ofp_version version,
             struct ofpbuf *out)
{
    size_t start = out->size;

    act_put_raw(out, version, RAW_NX_CLONE, 16);
    act_encode_list(clone->actions, ofpact_nest_get_action_len(clone),
                    version, out);
    act_finish_var(out, start);
}

static char * OVS_WARN_UNUSED_RESULT
parse_nest(char *arg, const struct act_parse_ctx *pc, enum ofpact_type type)
{
    size_t ofs = pc->ofpacts->size;
    struct ofpact_nest *nest;

    ofpact_put(pc->ofpacts, type, offsetof(struct ofpact_nest, actions));
    char *error = act_parse_nested(arg, pc, type);
    nest = ofpbuf_at_assert(pc->ofpacts, ofs, sizeof *nest);
    ofpact_finish(pc->ofpacts, &nest->ofpact);
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_CLONE(char *arg, const struct act_parse_ctx *pc)
{
    return parse_nest(arg, pc, OFPACT_CLONE);
}

static void
format_CLONE(const struct ofpact_nest *clone,
             const struct ofputil_port_map *port_map, struct ds *s)
{
    ds_put_cstr(s, "clone(");
    ofpacts_format(clone->actions, ofpact_nest_get_action_len(clone),
                   port_map, s);
    ds_put_char(s, ')');
}

/* ==== ct ==== */

#define CT_ALG_FTP 21
#define CT_ALG_TFTP 69

/* NXAST_CT (24+ bytes): Nicira header, be16 flags, be32 zone_src header
 * (0 for an immediate zone), be16 zone (ofs_nbits or the zone itself),
 * u8 recirc_table, 3 zero bytes, be16 alg, nested actions. */
static enum ofperr
decode_RAW_NX_CT(const uint8_t *a, size_t len,
                 const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    uint16_t flags = act_get16(a + 10);
    uint32_t zone_src = act_get32(a + 12);
    uint16_t zone = act_get16(a + 16);
    struct mf_subfield src;
    enum ofperr error;

    memset(&src, 0, sizeof src);
    if (flags & ~(NX_CT_F_COMMIT_ | NX_CT_F_FORCE_)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if ((flags & NX_CT_F_FORCE_) && !(flags & NX_CT_F_COMMIT_)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (!zeros(a + 19, 3)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    if (zone_src) {
        const struct mf_field *field;

        error = field_from_header32(a + 12, ctx, &field);
        if (!error) {
            error = subfield_from_ofs_nbits(field, zone, &src);
        }
        if (error) {
            return error;
        }
    }

    size_t ofs = out->size;
    struct ofpact_conntrack *ct = ofpact_put_CT(out);
    ct->flags = flags;
    ct->zone_src = src;
    ct->zone_imm = zone_src ? 0 : zone;
    ct->recirc_table = a[18];
    ct->alg = act_get16(a + 22);

    error = act_decode_nested(a + 24, len - 24, ctx, out);
    ct = ofpbuf_at_assert(out, ofs, sizeof *ct);
    ofpact_finish_CT(out, &ct);
    if (!error && ofpact_ct_get_action_len(ct)
        && !(ct->flags & NX_CT_F_COMMIT_)) {
        /* Setting ct_mark or ct_label only makes sense when committing. */
        error = OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return error;
}

static void
encode_CT(const struct ofpact_conntrack *ct, enum ofp_version version,
          struct ofpbuf *out)
{
    size_t start = out->size;
    uint8_t *a = act_put_raw(out, version, RAW_NX_CT, 24);

    act_put16(a + 10, ct->flags);
    if (ct->zone_src.field) {
        act_put32(a + 12, field_header32(ct->zone_src.field));
        act_put16(a + 16, ofs_nbits_encode(ct->zone_src.ofs,
                                           ct->zone_src.n_bits));
    } else {
        act_put16(a + 16, ct->zone_imm);
    }
    a[18] = ct->recirc_table;
    act_put16(a + 22, ct->alg);
    act_encode_list(ct->actions, ofpact_ct_get_action_len(ct), version, out);
    act_finish_var(out, start);
}

/* Parses one "KEY[=VALUE]" of "ct(...)" into 'ct'.  "exec" is handled by
 * the caller because it appends to the buffer. */
static char * OVS_WARN_UNUSED_RESULT
parse_ct_key(struct ofpact_conntrack *ct, const char *key, char *value)
{
    if (!strcmp(key, "commit")) {
        ct->flags |= NX_CT_F_COMMIT_;
    } else if (!strcmp(key, "force")) {
        ct->flags |= NX_CT_F_FORCE_;
    } else if (!strcmp(key, "table")) {
        char *error = act_parse_table(value, &ct->recirc_table);
        if (error) {
            return error;
        }
        if (ct->recirc_table == NX_CT_RECIRC_NONE) {
            return xasprintf("invalid table %s", value);
        }
    } else if (!strcmp(key, "zone")) {
        if (isdigit((unsigned char) value[0])) {
            return str_to_u16_(value, "zone", &ct->zone_imm);
        }
        return mf_parse_subfield(&ct->zone_src, value);
    } else if (!strcmp(key, "alg")) {
        if (!strcmp(value, "ftp")) {
            ct->alg = CT_ALG_FTP;
        } else if (!strcmp(value, "tftp")) {
            ct->alg = CT_ALG_TFTP;
        } else {
            return str_to_u16_(value, "alg", &ct->alg);
        }
    } else {
        return xasprintf("invalid argument to \"ct\" action: `%s'", key);
    }
    return NULL;
}

/* "ct(commit,force,table=N,zone=N|SUBFIELD,exec(ACTIONS),alg=ALG)". */
static char * OVS_WARN_UNUSED_RESULT
parse_CT(char *arg, const struct act_parse_ctx *pc)
{
    size_t ofs = pc->ofpacts->size;
    struct ofpact_conntrack *ct = ofpact_put_CT(pc->ofpacts);
    char *key, *value;
    char *error = NULL;

    ct->recirc_table = NX_CT_RECIRC_NONE;
    while (!error && act_parse_key_value(&arg, &key, &value)) {
        if (!strcmp(key, "exec")) {
            error = act_parse_nested(value, pc, OFPACT_CT);
        } else {
            ct = ofpbuf_at_assert(pc->ofpacts, ofs, sizeof *ct);
            error = parse_ct_key(ct, key, value);
        }
    }
    ct = ofpbuf_at_assert(pc->ofpacts, ofs, sizeof *ct);
    ofpact_finish_CT(pc->ofpacts, &ct);
    if (error) {
        return error;
    }
    if ((ct->flags & NX_CT_F_FORCE_) && !(ct->flags & NX_CT_F_COMMIT_)) {
        return xstrdup("\"force\" flag requires \"commit\" flag.");
    }
    if (ofpact_ct_get_action_len(ct) && !(ct->flags & NX_CT_F_COMMIT_)) {
        return xstrdup("CT action requires commit flag if actions other "
                       "than NAT without arguments are specified.");
    }
    return NULL;
}

static void
format_CT(const struct ofpact_conntrack *ct,
          const struct ofputil_port_map *port_map, struct ds *s)
{
    ds_put_cstr(s, "ct(");
    if (ct->flags & NX_CT_F_COMMIT_) {
        ds_put_cstr(s, "commit,");
    }
    if (ct->flags & NX_CT_F_FORCE_) {
        ds_put_cstr(s, "force,");
    }
    if (ct->recirc_table != NX_CT_RECIRC_NONE) {
        ds_put_format(s, "table=%"PRIu8",", ct->recirc_table);
    }
    if (ct->zone_src.field) {
        ds_put_cstr(s, "zone=");
        mf_format_subfield(&ct->zone_src, s);
        ds_put_char(s, ',');
    } else if (ct->zone_imm) {
        ds_put_format(s, "zone=%"PRIu16",", ct->zone_imm);
    }
    if (ofpact_ct_get_action_len(ct)) {
        ds_put_cstr(s, "exec(");
        ofpacts_format(ct->actions, ofpact_ct_get_action_len(ct), port_map,
                       s);
        ds_put_cstr(s, "),");
    }
    if (ct->alg == CT_ALG_FTP) {
        ds_put_cstr(s, "alg=ftp,");
    } else if (ct->alg == CT_ALG_TFTP) {
        ds_put_cstr(s, "alg=tftp,");
    } else if (ct->alg) {
        ds_put_format(s, "alg=%"PRIu16",", ct->alg);
    }
    ds_chomp(s, ',');
    ds_put_char(s, ')');
}

/* ==== unroll_xlate (internal) ==== */

static void
encode_UNROLL_XLATE(const struct ofpact_unroll_xlate *u OVS_UNUSED,
                    enum ofp_version version OVS_UNUSED,
                    struct ofpbuf *out OVS_UNUSED)
{
    /* Translation's private marker: it never goes on the wire. */
}

static void
format_UNROLL_XLATE(const struct ofpact_unroll_xlate *u,
                    const struct ofputil_port_map *port_map OVS_UNUSED,
                    struct ds *s)
{
    ds_put_format(s, "unroll_xlate(table=%"PRIu8", cookie=%"PRIu64")",
                  u->rule_table_id, ntohll(u->rule_cookie));
}

/* ==== Instructions ====
 *
 * In OpenFlow 1.1+ these are encoded as instructions by
 * ofpacts_put_openflow_instructions(), not by the encoders below, which
 * only handle OpenFlow 1.0's Nicira equivalents (a resubmit for goto_table,
 * NXAST_WRITE_METADATA for write_metadata). */

static void
encode_CLEAR_ACTIONS(const struct ofpact_null *n OVS_UNUSED,
                     enum ofp_version version OVS_UNUSED,
                     struct ofpbuf *out OVS_UNUSED)
{
}

static char * OVS_WARN_UNUSED_RESULT
parse_CLEAR_ACTIONS(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    *pc->usable_protocols &= OFPUTIL_P_OF11_UP;
    ofpact_put_CLEAR_ACTIONS(pc->ofpacts);
    return NULL;
}

static void
format_CLEAR_ACTIONS(const struct ofpact_null *n OVS_UNUSED,
                     const struct ofputil_port_map *port_map OVS_UNUSED,
                     struct ds *s)
{
    ds_put_cstr(s, "clear_actions");
}

static void
encode_WRITE_ACTIONS(const struct ofpact_nest *n OVS_UNUSED,
                     enum ofp_version version OVS_UNUSED,
                     struct ofpbuf *out OVS_UNUSED)
{
}

static char * OVS_WARN_UNUSED_RESULT
parse_WRITE_ACTIONS(char *arg, const struct act_parse_ctx *pc)
{
    *pc->usable_protocols &= OFPUTIL_P_OF11_UP;
    return parse_nest(arg, pc, OFPACT_WRITE_ACTIONS);
}

static void
format_WRITE_ACTIONS(const struct ofpact_nest *n,
                     const struct ofputil_port_map *port_map, struct ds *s)
{
    ds_put_cstr(s, "write_actions(");
    ofpacts_format(n->actions, ofpact_nest_get_action_len(n), port_map, s);
    ds_put_char(s, ')');
}

/* NXAST_WRITE_METADATA (32 bytes): Nicira header, 6 zero bytes,
 * be64 metadata, be64 mask. */
static enum ofperr
decode_RAW_NX_WRITE_METADATA(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    if (!zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    struct ofpact_metadata *m = ofpact_put_WRITE_METADATA(out);
    m->metadata = htonll(act_get64(a + 16));
    m->mask = htonll(act_get64(a + 24));
    return 0;
}

static void
encode_WRITE_METADATA(const struct ofpact_metadata *m,
                      enum ofp_version version, struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        uint8_t *a = act_put_raw(out, version, RAW_NX_WRITE_METADATA, 32);
        act_put64(a + 16, ntohll(m->metadata));
        act_put64(a + 24, ntohll(m->mask));
    }
}

/* "write_metadata:VALUE[/MASK]". */
static char * OVS_WARN_UNUSED_RESULT
parse_WRITE_METADATA(char *arg, const struct act_parse_ctx *pc)
{
    uint64_t metadata, mask = UINT64_MAX;
    char *slash = strchr(arg, '/');
    char *error;

    if (slash) {
        *slash = '\0';
        error = str_to_u64_(slash + 1, "metadata mask", &mask);
        if (error) {
            return error;
        }
    }
    error = str_to_u64_(arg, "metadata", &metadata);
    if (error) {
        return error;
    }
    *pc->usable_protocols &= OFPUTIL_P_NXM_OF11_UP;
    struct ofpact_metadata *m = ofpact_put_WRITE_METADATA(pc->ofpacts);
    m->metadata = htonll(metadata);
    m->mask = htonll(mask);
    return NULL;
}

static void
format_WRITE_METADATA(const struct ofpact_metadata *m,
                      const struct ofputil_port_map *port_map OVS_UNUSED,
                      struct ds *s)
{
    ds_put_format(s, "write_metadata:%#"PRIx64, ntohll(m->metadata));
    if (m->mask != OVS_BE64_MAX) {
        ds_put_format(s, "/%#"PRIx64, ntohll(m->mask));
    }
}

static void
encode_GOTO_TABLE(const struct ofpact_goto_table *g, enum ofp_version version,
                  struct ofpbuf *out)
{
    if (version == OFP10_VERSION) {
        uint8_t *a = act_put_raw(out, version, RAW_NX_RESUBMIT_TABLE, 16);
        act_put16(a + 10, ofp_to_u16(OFPP_IN_PORT));
        a[12] = g->table_id;
    }
}

static char * OVS_WARN_UNUSED_RESULT
parse_GOTO_TABLE(char *arg, const struct act_parse_ctx *pc)
{
    uint8_t table_id;
    char *error = act_parse_table(arg, &table_id);

    if (!error) {
        ofpact_put_GOTO_TABLE(pc->ofpacts)->table_id = table_id;
    }
    return error;
}

static void
format_GOTO_TABLE(const struct ofpact_goto_table *g,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_format(s, "goto_table:%"PRIu8, g->table_id);
}

/* ==== Tables generated from RAW_ACTIONS and OFPACTS ==== */

const struct raw_action_def raw_action_defs[N_RAW_ACTIONS] = {
#define RAW(ENUM, VENDOR, OF10, OF11, OF12, OF15, LEN, VAR)              \
    [RAW_##ENUM] = { #ENUM, VENDOR, { OF10, OF11, OF12, OF15 }, LEN, VAR, \
                     decode_RAW_##ENUM },
    RAW_ACTIONS
#undef RAW
};

/* Encodes 'a' for 'version' by calling encode_<TYPE>(). */
void
act_encode(const struct ofpact *a, enum ofp_version version,
           struct ofpbuf *out)
{
    switch (a->type) {
#define OFPACT(ENUM, STRUCT, MEMBER, NAME)                              \
    case OFPACT_##ENUM:                                                 \
        encode_##ENUM(ofpact_get_##ENUM(a), version, out);              \
        return;
        OFPACTS
#undef OFPACT
    }
    OVS_NOT_REACHED();
}

/* Appends 'a' in text form by calling format_<TYPE>(). */
void
act_format(const struct ofpact *a, const struct ofputil_port_map *port_map,
           struct ds *s)
{
    switch (a->type) {
#define OFPACT(ENUM, STRUCT, MEMBER, NAME)                              \
    case OFPACT_##ENUM:                                                 \
        format_##ENUM(ofpact_get_##ENUM(a), port_map, s);               \
        return;
        OFPACTS
#undef OFPACT
    }
    OVS_NOT_REACHED();
}

/* Every keyword of ovs-ofctl action syntax.  Most are the primary name of
 * an OFPACTS entry; the rest are alternate spellings. */
const struct act_keyword act_keywords[] = {
    { "output", parse_OUTPUT },
    { "output_reg", parse_OUTPUT_REG },
    { "group", parse_GROUP },
    { "controller", parse_CONTROLLER },
    { "pause", parse_PAUSE },
    { "set_field", parse_SET_FIELD },
    { "load", parse_LOAD },
    { "mod_vlan_vid", parse_SET_VLAN_VID },
    { "set_vlan_vid", parse_set_vlan_vid },
    { "mod_vlan_pcp", parse_SET_VLAN_PCP },
    { "set_vlan_pcp", parse_set_vlan_pcp },
    { "strip_vlan", parse_STRIP_VLAN },
    { "pop_vlan", parse_pop_vlan },
    { "push_vlan", parse_PUSH_VLAN },
    { "mod_dl_src", parse_SET_ETH_SRC },
    { "mod_dl_dst", parse_SET_ETH_DST },
    { "mod_nw_src", parse_SET_IPV4_SRC },
    { "mod_nw_dst", parse_SET_IPV4_DST },
    { "mod_nw_tos", parse_SET_IP_DSCP },
    { "mod_nw_ecn", parse_SET_IP_ECN },
    { "mod_nw_ttl", parse_SET_IP_TTL },
    { "mod_tp_src", parse_SET_L4_SRC_PORT },
    { "mod_tp_dst", parse_SET_L4_DST_PORT },
    { "move", parse_REG_MOVE },
    { "push", parse_STACK_PUSH },
    { "pop", parse_STACK_POP },
    { "dec_ttl", parse_DEC_TTL },
    { "resubmit", parse_RESUBMIT },
    { "note", parse_NOTE },
    { "exit", parse_EXIT },
    { "clone", parse_CLONE },
    { "ct", parse_CT },
    { "ct_clear", parse_CT_CLEAR },
    { "clear_actions", parse_CLEAR_ACTIONS },
    { "write_actions", parse_WRITE_ACTIONS },
    { "write_metadata", parse_WRITE_METADATA },
    { "goto_table", parse_GOTO_TABLE },
};
const size_t n_act_keywords = ARRAY_SIZE(act_keywords);
