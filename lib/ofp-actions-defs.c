/* The actions themselves: for each one, how it is decoded from the wire,
 * encoded to the wire, parsed from ovs-ofctl text and formatted as text.
 * This file has output, controller, pause, control flow (resubmit, clone,
 * exit, ct) and the instructions; ofp-actions-fields.c has the actions that
 * rewrite fields.
 *
 * Each action's four functions sit together, in that order, so that adding
 * an action means adding one block of four functions, one line to OFPACTS
 * in ofp-actions.h and, if it has a wire form of its own, one line to
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

#include <errno.h>
#include <ctype.h>
#include <inttypes.h>
#include <string.h>
#include <stdlib.h>
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

/* ==== output ==== */

/* OF1.0 OFPAT_OUTPUT (8 bytes): type, len, be16 port, be16 max_len. */
enum ofperr
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
enum ofperr
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
    if (!act_zeros(a + 10, 6)) {
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

void
encode_OUTPUT(const struct ofpact_output *o, enum ofp_version version,
              struct ofpbuf *out)
{
    put_output(out, version, o->port, o->max_len);
}

/* "output:PORT" or "output:SUBFIELD" (the latter is output_reg).  A port
 * wins over a field of the same name; "reg2" alone is the whole field. */
static char * OVS_WARN_UNUSED_RESULT
parse_OUTPUT(char *arg, const struct act_parse_ctx *pc)
{
    ofp_port_t port;
    char *error = act_parse_port(arg, pc->port_map, &port);

    if (error) {
        struct mf_subfield src;

        free(error);
        error = mf_parse_subfield(&src, arg);
        if (error) {
            free(error);
            return xasprintf("%s: output to unknown port", arg);
        }
        struct ofpact_output_reg *r = ofpact_put_OUTPUT_REG(pc->ofpacts);
        r->src = src;
        r->max_len = UINT16_MAX;
        return NULL;
    }
    struct ofpact_output *o = ofpact_put_OUTPUT(pc->ofpacts);
    o->port = port;
    o->max_len = port == OFPP_CONTROLLER ? UINT16_MAX : 0;
    return NULL;
}

void
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
enum ofperr
decode_RAW_OF11_GROUP(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    ofpact_put_GROUP(out)->group_id = act_get32(a + 4);
    return 0;
}

/* NXAST_GROUP, for OF1.0 (16 bytes): Nicira header, 2 bytes of padding,
 * be32 group_id. */
enum ofperr
decode_RAW_NX_GROUP(const uint8_t *a, size_t len OVS_UNUSED,
                    const struct act_decode_ctx *ctx OVS_UNUSED,
                    struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 2)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_GROUP(out)->group_id = act_get32(a + 12);
    return 0;
}

void
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
    char *error = act_str_to_u32(arg, "group id", &id);

    if (!error) {
        ofpact_put_GROUP(pc->ofpacts)->group_id = id;
    }
    return error;
}

void
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
enum ofperr
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

void
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
 * "controller(pause[,id=N])" is another spelling of the pause action, so
 * that flow tables written for upstream Open vSwitch load unchanged; a
 * closure carries the whole packet, so "reason" and "max_len" have no
 * effect there. */
static char * OVS_WARN_UNUSED_RESULT
parse_CONTROLLER(char *arg, const struct act_parse_ctx *pc)
{
    uint16_t max_len = UINT16_MAX;
    uint16_t id = 0;
    uint8_t reason = OFPR_ACTION;
    bool pause = false;
    char *error;

    if (!strchr(arg, '=') && arg[0] && isdigit((unsigned char) arg[0])) {
        error = act_str_to_u16(arg, "max_len", &max_len);
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
                error = act_str_to_u16(value, "max_len", &max_len);
            } else if (!strcmp(key, "id")) {
                error = act_str_to_u16(value, "id", &id);
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

void
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
enum ofperr
decode_RAW_NX_PAUSE(const uint8_t *a, size_t len OVS_UNUSED,
                    const struct act_decode_ctx *ctx OVS_UNUSED,
                    struct ofpbuf *out)
{
    if (!act_zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_PAUSE(out)->controller_id = act_get16(a + 10);
    return 0;
}

void
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
        char *error = act_str_to_u16(value, "id", &id);
        if (error) {
            return error;
        }
    }
    ofpact_put_PAUSE(pc->ofpacts)->controller_id = id;
    return NULL;
}

void
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
enum ofperr
decode_RAW_NX_OUTPUT_REG(const uint8_t *a, size_t len OVS_UNUSED,
                         const struct act_decode_ctx *ctx,
                         struct ofpbuf *out)
{
    const struct mf_field *field;
    struct mf_subfield src;
    enum ofperr error;

    if (!act_zeros(a + 18, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    error = act_field_from_header32(a + 12, ctx, &field);
    if (!error) {
        error = act_subfield_from_ofs_nbits(field, act_get16(a + 10), &src);
    }
    if (error) {
        return error;
    }
    struct ofpact_output_reg *r = ofpact_put_OUTPUT_REG(out);
    r->src = src;
    r->max_len = act_get16(a + 16);
    return 0;
}

void
encode_OUTPUT_REG(const struct ofpact_output_reg *r, enum ofp_version version,
                  struct ofpbuf *out)
{
    uint8_t *a = act_put_raw(out, version, RAW_NX_OUTPUT_REG, 24);

    act_put16(a + 10, act_ofs_nbits_encode(r->src.ofs, r->src.n_bits));
    act_put32(a + 12, act_field_header32(r->src.field));
    act_put16(a + 16, r->max_len);
}

static char * OVS_WARN_UNUSED_RESULT
parse_OUTPUT_REG(char *arg, const struct act_parse_ctx *pc)
{
    return parse_OUTPUT(arg, pc);
}

void
format_OUTPUT_REG(const struct ofpact_output_reg *r,
                  const struct ofputil_port_map *port_map OVS_UNUSED,
                  struct ds *s)
{
    ds_put_cstr(s, "output:");
    mf_format_subfield(&r->src, s);
}

/* ==== dec_ttl ==== */

static void
put_dec_ttl(struct ofpbuf *out, const uint16_t *ids, size_t n, uint8_t raw)
{
    size_t ofs = out->size;
    struct ofpact_cnt_ids *d = ofpact_put_DEC_TTL(out);

    d->ofpact.raw = raw;
    d->n_controllers = n;
    ofpbuf_put(out, ids, n * sizeof *ids);     /* May move 'd'. */
    d = ofpbuf_at_assert(out, ofs, sizeof *d);
    ofpact_finish_DEC_TTL(out, &d);
}

/* NXAST_DEC_TTL (16 bytes): Nicira header, 6 zero bytes. */
enum ofperr
decode_RAW_NX_DEC_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                      const struct act_decode_ctx *ctx OVS_UNUSED,
                      struct ofpbuf *out)
{
    static const uint16_t id0 = 0;

    if (!act_zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    put_dec_ttl(out, &id0, 1, OFPACT_RAW_NONE);
    return 0;
}

/* OF1.1+ OFPAT_DEC_NW_TTL (8 bytes): type, len, 4 pad. */
enum ofperr
decode_RAW_OF11_DEC_NW_TTL(const uint8_t *a, size_t len OVS_UNUSED,
                           const struct act_decode_ctx *ctx OVS_UNUSED,
                           struct ofpbuf *out)
{
    static const uint16_t id0 = 0;

    if (!act_zeros(a + 4, 4)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    put_dec_ttl(out, &id0, 1, OFPACT_RAW_NONE);
    return 0;
}

/* NXAST_DEC_TTL_CNT_IDS (16+ bytes): Nicira header, be16 n_controllers,
 * 4 zero bytes, n_controllers be16 ids, zero padding. */
enum ofperr
decode_RAW_NX_DEC_TTL_CNT_IDS(const uint8_t *a, size_t len,
                              const struct act_decode_ctx *ctx OVS_UNUSED,
                              struct ofpbuf *out)
{
    size_t n = act_get16(a + 10);

    if (!act_zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    if (16 + 2 * n > len) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    if (!act_zeros(a + 16 + 2 * n, len - 16 - 2 * n)) {
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

void
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
        char *error = act_str_to_u16(tok, "controller id", &id);
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

void
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
enum ofperr
decode_RAW_NX_RESUBMIT(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    if (!act_zeros(a + 12, 4)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(out);
    r->in_port = u16_to_ofp(act_get16(a + 10));
    r->table_id = 0xff;
    return 0;
}

/* NXAST_RESUBMIT_TABLE (16 bytes): Nicira header, be16 in_port, u8 table,
 * 3 zero bytes. */
enum ofperr
decode_RAW_NX_RESUBMIT_TABLE(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    if (!act_zeros(a + 13, 3)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    struct ofpact_resubmit *r = ofpact_put_RESUBMIT(out);
    r->in_port = u16_to_ofp(act_get16(a + 10));
    r->table_id = a[12];
    return 0;
}

void
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

void
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
    size_t ofs = out->size;
    struct ofpact_note *note = ofpact_put_NOTE(out);

    note->length = n;
    ofpbuf_put(out, data, n);                   /* May move 'note'. */
    note = ofpbuf_at_assert(out, ofs, sizeof *note);
    ofpact_finish_NOTE(out, &note);
}

/* NXAST_NOTE (16+ bytes): Nicira header, then the note's bytes (including
 * the padding, which is part of the note). */
enum ofperr
decode_RAW_NX_NOTE(const uint8_t *a, size_t len,
                   const struct act_decode_ctx *ctx OVS_UNUSED,
                   struct ofpbuf *out)
{
    put_note(out, a + 10, len - 10);
    return 0;
}

void
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

void
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
enum ofperr
decode_RAW_NX_EXIT(const uint8_t *a, size_t len OVS_UNUSED,
                   const struct act_decode_ctx *ctx OVS_UNUSED,
                   struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_EXIT(out);
    return 0;
}

void
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

void
format_EXIT(const struct ofpact_null *n OVS_UNUSED,
            const struct ofputil_port_map *port_map OVS_UNUSED, struct ds *s)
{
    ds_put_cstr(s, "exit");
}

/* NXAST_CT_CLEAR (16 bytes): Nicira header, 6 zero bytes. */
enum ofperr
decode_RAW_NX_CT_CLEAR(const uint8_t *a, size_t len OVS_UNUSED,
                       const struct act_decode_ctx *ctx OVS_UNUSED,
                       struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_CT_CLEAR(out);
    return 0;
}

void
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

void
format_CT_CLEAR(const struct ofpact_null *n OVS_UNUSED,
                const struct ofputil_port_map *port_map OVS_UNUSED,
                struct ds *s)
{
    ds_put_cstr(s, "ct_clear");
}

/* ==== clone ==== */

/* NXAST_CLONE (16+ bytes): Nicira header, 6 zero bytes, nested actions. */
enum ofperr
decode_RAW_NX_CLONE(const uint8_t *a, size_t len,
                    const struct act_decode_ctx *ctx, struct ofpbuf *out)
{
    size_t ofs = out->size;
    struct ofpact_nest *clone;
    enum ofperr error;

    if (!act_zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    ofpact_put_CLONE(out);
    error = act_decode_nested(a + 16, len - 16, ctx, out, ofs);
    clone = ofpbuf_at_assert(out, ofs, sizeof *clone);
    ofpact_finish_CLONE(out, &clone);
    return error;
}

void
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
    char *error = act_parse_nested(arg, pc, ofs);
    nest = ofpbuf_at_assert(pc->ofpacts, ofs, sizeof *nest);
    ofpact_finish(pc->ofpacts, &nest->ofpact);
    return error;
}

static char * OVS_WARN_UNUSED_RESULT
parse_CLONE(char *arg, const struct act_parse_ctx *pc)
{
    return parse_nest(arg, pc, OFPACT_CLONE);
}

void
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
enum ofperr
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
    if (!act_zeros(a + 19, 3)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    if (zone_src) {
        const struct mf_field *field;

        error = act_field_from_header32(a + 12, ctx, &field);
        if (!error) {
            error = act_subfield_from_ofs_nbits(field, zone, &src);
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

    error = act_decode_nested(a + 24, len - 24, ctx, out, ofs);
    ct = ofpbuf_at_assert(out, ofs, sizeof *ct);
    ofpact_finish_CT(out, &ct);
    if (!error && ofpact_ct_get_action_len(ct)
        && !(ct->flags & NX_CT_F_COMMIT_)) {
        /* Setting ct_mark or ct_label only makes sense when committing. */
        error = OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return error;
}

void
encode_CT(const struct ofpact_conntrack *ct, enum ofp_version version,
          struct ofpbuf *out)
{
    size_t start = out->size;
    uint8_t *a = act_put_raw(out, version, RAW_NX_CT, 24);

    act_put16(a + 10, ct->flags);
    if (ct->zone_src.field) {
        act_put32(a + 12, act_field_header32(ct->zone_src.field));
        act_put16(a + 16, act_ofs_nbits_encode(ct->zone_src.ofs,
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
            return act_str_to_u16(value, "zone", &ct->zone_imm);
        }
        return mf_parse_subfield(&ct->zone_src, value);
    } else if (!strcmp(key, "alg")) {
        if (!strcmp(value, "ftp")) {
            ct->alg = CT_ALG_FTP;
        } else if (!strcmp(value, "tftp")) {
            ct->alg = CT_ALG_TFTP;
        } else {
            return act_str_to_u16(value, "alg", &ct->alg);
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
            error = act_parse_nested(value, pc, ofs);
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

void
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

void
encode_UNROLL_XLATE(const struct ofpact_unroll_xlate *u OVS_UNUSED,
                    enum ofp_version version OVS_UNUSED,
                    struct ofpbuf *out OVS_UNUSED)
{
    /* Translation's private marker: it never goes on the wire. */
}

void
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
 * NXAST_WRITE_METADATA for write_metadata).
 *
 * OpenFlow 1.0 has no action set, so clear_actions and write_actions have
 * nothing to do there and are left out of 1.0 encodings.  As in Open
 * vSwitch's ovs-ofctl, they therefore do not narrow the usable protocols
 * (the actions inside write_actions still do). */

void
encode_CLEAR_ACTIONS(const struct ofpact_null *n OVS_UNUSED,
                     enum ofp_version version OVS_UNUSED,
                     struct ofpbuf *out OVS_UNUSED)
{
}

static char * OVS_WARN_UNUSED_RESULT
parse_CLEAR_ACTIONS(char *arg OVS_UNUSED, const struct act_parse_ctx *pc)
{
    ofpact_put_CLEAR_ACTIONS(pc->ofpacts);
    return NULL;
}

void
format_CLEAR_ACTIONS(const struct ofpact_null *n OVS_UNUSED,
                     const struct ofputil_port_map *port_map OVS_UNUSED,
                     struct ds *s)
{
    ds_put_cstr(s, "clear_actions");
}

void
encode_WRITE_ACTIONS(const struct ofpact_nest *n OVS_UNUSED,
                     enum ofp_version version OVS_UNUSED,
                     struct ofpbuf *out OVS_UNUSED)
{
}

static char * OVS_WARN_UNUSED_RESULT
parse_WRITE_ACTIONS(char *arg, const struct act_parse_ctx *pc)
{
    return parse_nest(arg, pc, OFPACT_WRITE_ACTIONS);
}

void
format_WRITE_ACTIONS(const struct ofpact_nest *n,
                     const struct ofputil_port_map *port_map, struct ds *s)
{
    ds_put_cstr(s, "write_actions(");
    ofpacts_format(n->actions, ofpact_nest_get_action_len(n), port_map, s);
    ds_put_char(s, ')');
}

/* NXAST_WRITE_METADATA (32 bytes): Nicira header, 6 zero bytes,
 * be64 metadata, be64 mask. */
enum ofperr
decode_RAW_NX_WRITE_METADATA(const uint8_t *a, size_t len OVS_UNUSED,
                             const struct act_decode_ctx *ctx OVS_UNUSED,
                             struct ofpbuf *out)
{
    if (!act_zeros(a + 10, 6)) {
        return OFPERR_NXBAC_MUST_BE_ZERO;
    }
    struct ofpact_metadata *m = ofpact_put_WRITE_METADATA(out);
    m->metadata = htonll(act_get64(a + 16));
    m->mask = htonll(act_get64(a + 24));
    return 0;
}

void
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
        error = act_str_to_u64(slash + 1, "metadata mask", &mask);
        if (error) {
            return error;
        }
    }
    error = act_str_to_u64(arg, "metadata", &metadata);
    if (error) {
        return error;
    }
    *pc->usable_protocols &= OFPUTIL_P_NXM_OF11_UP;
    struct ofpact_metadata *m = ofpact_put_WRITE_METADATA(pc->ofpacts);
    m->metadata = htonll(metadata);
    m->mask = htonll(mask);
    return NULL;
}

void
format_WRITE_METADATA(const struct ofpact_metadata *m,
                      const struct ofputil_port_map *port_map OVS_UNUSED,
                      struct ds *s)
{
    ds_put_format(s, "write_metadata:%#"PRIx64, ntohll(m->metadata));
    if (m->mask != OVS_BE64_MAX) {
        ds_put_format(s, "/%#"PRIx64, ntohll(m->mask));
    }
}

void
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

void
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
#define OFPACT(ENUM, NAME, STRUCT, MEMBER)                              \
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
#define OFPACT(ENUM, NAME, STRUCT, MEMBER)                              \
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
