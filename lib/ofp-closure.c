/*
 * Closures on the wire: NXT_CLOSURE and NXT_RESUME.
 *
 * When a "pause" action stops a packet, translation freezes everything it
 * would need to carry on (the packet, its metadata, the data stack, the
 * action set, the actions left at each nesting level, ...) into a struct
 * ofputil_closure_private.  This file turns that struct into an
 * NXT_CLOSURE for a controller, and turns the NXT_RESUME that the
 * controller sends back into the same struct again.
 *
 * Both messages are a Nicira header followed by OpenFlow 1.4-style
 * properties (see lib/ofp-prop.h).  Property types below 0x8000 are public:
 *
 *   NXCPT_PACKET     the Ethernet frame.
 *   NXCPT_METADATA   NXM entries on OpenFlow 1.0 and 1.1 connections, OXM
 *                    entries on 1.2 and later: in_port, metadata, registers,
 *                    pkt_mark, conntrack fields.
 *
 * Types 0x8000 and up are private to the switch.  A controller hands them
 * back byte for byte, so this file alone decides their layout:
 *
 *   NXCPT_BRIDGE      16-byte UUID of the bridge that paused.
 *   NXCPT_STACK       one property per data-stack entry, bottom first, the
 *                     16-byte value with its leading zero bytes left out.
 *   NXCPT_MIRRORS     be32 bitmap of mirrors already output to (omitted if
 *                     0).
 *   NXCPT_CONNTRACKED empty flag, present when the packet went through
 *                     conntrack.
 *   NXCPT_TABLE_ID    u8 } the table and cookie of the rule that the next
 *   NXCPT_COOKIE      be64} NXCPT_ACTIONS came from; each is sent only when
 *                     it differs from the previous level's (both start out
 *                     as 0).
 *   NXCPT_ACTIONS     one property per nesting level, innermost first: 4
 *                     zero bytes (so that the actions start 8-byte aligned
 *                     within the message), then the level's ofpacts as
 *                     OpenFlow 1.3 instructions.
 *   NXCPT_ACTION_SET  4 zero bytes, then the action set as OpenFlow 1.3
 *                     actions.
 *
 * The private actions are always OpenFlow 1.3, whatever version the
 * connection speaks, so that a closure sent over one connection can be
 * resumed over any other.  They are instructions rather than bare actions
 * because what is left of a rule after a pause may still hold goto_table,
 * write_actions, write_metadata or clear_actions; OpenFlow 1.3 can carry
 * all of them.  The ofpacts of one level must therefore be in instruction
 * order, as they are in any rule.  The few actions whose meaning OpenFlow
 * 1.3 cannot say (mod_vlan_vid and mod_vlan_pcp, which add a tag only if
 * there is none, their OpenFlow 1.1 forms that never add one, mod_tp_src
 * and mod_tp_dst) travel wrapped in a private Nicira action instead; see
 * ofpacts_mark_closure_private().
 *
 * In memory each level starts with an OFPACT_UNROLL_XLATE marker that
 * holds the table id and cookie; the encoder turns the markers into
 * TABLE_ID/COOKIE properties and the decoder puts them back.  (Leading
 * actions with no marker are encoded as a level of table 0, cookie 0, so
 * they come back with such a marker.)
 *
 * Decoding is strict, because a closure comes from the network.  The
 * errors are:
 *
 *   OFPBPC_BAD_LEN      a property is truncated, its length is wrong for
 *                       its type, or the body is not a whole number of
 *                       properties.
 *   NXBRC_MUST_BE_ZERO  nonzero padding after a property, or in the 4
 *                       bytes that start NXCPT_ACTIONS / NXCPT_ACTION_SET.
 *   OFPBPC_BAD_TYPE     an unknown public property, or an unknown private
 *                       one unless the caller asked for 'loose' decoding.
 *   OFPBPC_DUP_TYPE     a second PACKET, METADATA, BRIDGE, MIRRORS,
 *                       CONNTRACKED or ACTION_SET, or a second TABLE_ID or
 *                       COOKIE for the same level.
 *   OFPBPC_BAD_VALUE    a TABLE_ID or COOKIE that no ACTIONS follows.
 *   OFPBRC_BAD_LEN      no NXCPT_PACKET property.
 *   OFPBMC_BAD_FIELD    a metadata entry for a field that is not metadata.
 *   others              from the NXM/OXM and action decoders.
 *
 * The decoders have no state but their arguments, so they may be fed
 * arbitrary bytes (tests/test-ofp-closure.c does so).
 */

#include <config.h>
#include "ofp-closure.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "ofp-actions.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-prop.h"
#include "openflow/nicira-ext.h"
#include "openflow/openflow-common.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_closure);

static struct vlog_rate_limit closure_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* The OpenFlow version of every private action property. */
#define CLOSURE_ACTIONS_VERSION OFP13_VERSION

/* Bytes of zeros that start an actions property, after its 4-byte header,
 * so that the actions begin on an 8-byte boundary. */
#define ACTIONS_PAD 4

/* ---- Memory ---- */

void
ofputil_closure_destroy(struct ofputil_closure *closure)
{
    if (closure) {
        free(closure->packet);
        closure->packet = NULL;
        closure->packet_len = 0;
    }
}

void
ofputil_closure_private_destroy(struct ofputil_closure_private *closure)
{
    if (closure) {
        ofputil_closure_destroy(&closure->public);
        free(closure->stack);
        free(closure->actions);
        free(closure->action_set);
        closure->stack = NULL;
        closure->n_stack = 0;
        closure->actions = NULL;
        closure->actions_len = 0;
        closure->action_set = NULL;
        closure->action_set_len = 0;
    }
}

/* Makes 'closure' the empty closure: no packet, catch-all metadata, nothing
 * private.  Does not free anything. */
static void
closure_private_init(struct ofputil_closure_private *closure)
{
    memset(closure, 0, sizeof *closure);
    match_init_catchall(&closure->public.metadata);
}

/* ---- Encoding ---- */

/* Appends the public properties of 'closure' to 'msg' for a connection
 * that speaks 'version'. */
static void
put_public(struct ofpbuf *msg, const struct ofputil_closure *closure,
           enum ofp_version version)
{
    ofpprop_put(msg, NXCPT_PACKET, closure->packet, closure->packet_len);

    /* NXM for versions without OXM, like NXT_PACKET_IN. */
    size_t start = ofpprop_start(msg, NXCPT_METADATA);
    if (version < OFP12_VERSION) {
        size_t match_ofs = msg->size;
        int match_len = nx_put_match(msg, &closure->metadata, 0, 0);
        msg->size = match_ofs + match_len;  /* Drop nx_put_match()'s
                                             * padding. */
    } else {
        oxm_put_raw(msg, &closure->metadata, version);
    }
    ofpprop_end(msg, start);
}

/* Appends an actions property of 'type' holding the 'len' bytes of ofpacts
 * at 'ofpacts', as instructions if 'instructions', else as actions. */
static void
put_actions_prop(struct ofpbuf *msg, uint64_t type,
                 const struct ofpact *ofpacts, size_t len,
                 bool instructions)
{
    size_t start = ofpprop_start(msg, type);

    /* A copy, to mark the actions that need their private encoding. */
    struct ofpact *copy = len ? xmemdup(ofpacts, len) : NULL;
    ofpacts_mark_closure_private(copy, len);

    ofpbuf_put_zeros(msg, ACTIONS_PAD);
    if (instructions) {
        ofpacts_put_openflow_instructions(copy, len, msg,
                                          CLOSURE_ACTIONS_VERSION);
    } else {
        ofpacts_put_openflow_actions(copy, len, msg,
                                     CLOSURE_ACTIONS_VERSION);
    }
    free(copy);
    ofpprop_end(msg, start);
}

/* Appends the data stack, one property per entry.  Leading zero bytes
 * are left out: most entries are small. */
static void
put_stack(struct ofpbuf *msg, const struct ofputil_closure_private *closure)
{
    for (size_t i = 0; i < closure->n_stack; i++) {
        const uint8_t *bytes = closure->stack[i].u8;
        size_t n = sizeof closure->stack[i];

        while (n > 0 && !*bytes) {
            bytes++;
            n--;
        }
        ofpprop_put(msg, NXCPT_STACK, bytes, n);
    }
}

/* Appends the frozen actions, one NXCPT_ACTIONS per level, with the
 * TABLE_ID and COOKIE properties that changed since the previous level. */
static void
put_levels(struct ofpbuf *msg, const struct ofpact *actions, size_t len)
{
    const struct ofpact *end = ofpact_end(actions, len);
    const struct ofpact *a = actions;
    uint8_t table_id = 0;
    ovs_be64 cookie = htonll(0);

    while (a < end) {
        /* The level's marker, if any, then its actions up to the next
         * marker. */
        uint8_t level_table = 0;
        ovs_be64 level_cookie = htonll(0);
        if (a->type == OFPACT_UNROLL_XLATE) {
            const struct ofpact_unroll_xlate *u = ofpact_get_UNROLL_XLATE(a);
            level_table = u->rule_table_id;
            level_cookie = u->rule_cookie;
            a = ofpact_next(a);
        }
        const struct ofpact *first = a;
        while (a < end && a->type != OFPACT_UNROLL_XLATE) {
            a = ofpact_next(a);
        }

        if (level_table != table_id) {
            ofpprop_put_u8(msg, NXCPT_TABLE_ID, level_table);
            table_id = level_table;
        }
        if (level_cookie != cookie) {
            ofpprop_put_be64(msg, NXCPT_COOKIE, level_cookie);
            cookie = level_cookie;
        }
        put_actions_prop(msg, NXCPT_ACTIONS, first,
                         (const uint8_t *) a - (const uint8_t *) first,
                         true);
    }
}

/* Returns an NXT_CLOSURE that holds all of 'closure', for a connection
 * that speaks 'protocol' (which only decides how the metadata is encoded).
 * The caller owns the result.  Returns NULL if the closure does not fit in
 * one OpenFlow message (65535 bytes), which a packet of more than about
 * 64 kB causes. */
struct ofpbuf *
ofputil_encode_closure_private(const struct ofputil_closure_private *closure,
                               enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    size_t guess = (closure->public.packet_len + 256
                    + closure->n_stack * 24
                    + 2 * closure->actions_len
                    + 2 * closure->action_set_len);
    struct ofpbuf *msg = ofpraw_alloc_xid(OFPRAW_NXT_CLOSURE, version,
                                          htonl(0), guess);

    put_public(msg, &closure->public, version);
    ofpprop_put_uuid(msg, NXCPT_BRIDGE, &closure->bridge);
    put_stack(msg, closure);
    if (closure->mirrors) {
        ofpprop_put_be32(msg, NXCPT_MIRRORS, htonl(closure->mirrors));
    }
    if (closure->conntracked) {
        ofpprop_put_flag(msg, NXCPT_CONNTRACKED);
    }
    put_levels(msg, closure->actions, closure->actions_len);
    if (closure->action_set_len) {
        put_actions_prop(msg, NXCPT_ACTION_SET, closure->action_set,
                         closure->action_set_len, false);
    }

    if (msg->size > UINT16_MAX) {
        VLOG_WARN_RL(&closure_rl, "closure of %"PRIu32" bytes does not fit "
                     "in an OpenFlow message", msg->size);
        ofpbuf_delete(msg);
        return NULL;
    }
    ofpmsg_update_length(msg);
    return msg;
}

/* Returns an NXT_RESUME made of the public part 'closure' and the private
 * properties 'private_properties', as ofputil_decode_closure() extracted
 * them, for a connection that speaks 'protocol'.  The caller owns the
 * result.  Returns NULL if it would not fit in one OpenFlow message. */
struct ofpbuf *
ofputil_encode_resume(const struct ofputil_closure *closure,
                      const struct ofpbuf *private_properties,
                      enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    size_t private_len = private_properties ? private_properties->size : 0;
    struct ofpbuf *msg = ofpraw_alloc_xid(OFPRAW_NXT_RESUME, version,
                                          htonl(0),
                                          closure->packet_len + 128
                                          + private_len);

    put_public(msg, closure, version);
    if (private_len) {
        ofpbuf_put(msg, private_properties->data, private_len);
    }
    if (msg->size > UINT16_MAX) {
        VLOG_WARN_RL(&closure_rl, "resume of %"PRIu32" bytes does not fit "
                     "in an OpenFlow message", msg->size);
        ofpbuf_delete(msg);
        return NULL;
    }
    ofpmsg_update_length(msg);
    return msg;
}

/* ---- Decoding ---- */

/* Splits the next property off 'props' into 'prop' and '*type', checking
 * that its padding is zero.  If 'raw' is nonnull, it is set to cover the
 * whole property including header and padding. */
static enum ofperr
pull_prop(struct ofpbuf *props, struct ofpbuf *prop, uint64_t *type,
          struct ofpbuf *raw)
{
    const uint8_t *start = props->data;
    enum ofperr error = ofpprop_pull(props, prop, type);

    if (error) {
        return error;
    }

    const uint8_t *value_end = (const uint8_t *) prop->data + prop->size;
    const uint8_t *next = props->data;
    for (const uint8_t *p = value_end; p < next; p++) {
        if (*p) {
            VLOG_WARN_RL(&closure_rl, "closure property 0x%"PRIx64" has "
                         "nonzero padding", *type);
            return OFPERR_NXBRC_MUST_BE_ZERO;
        }
    }
    if (raw) {
        ofpbuf_use_const(raw, start, next - start);
    }
    return 0;
}

/* True if a metadata match may hold 'id'. */
static bool
is_metadata_field(enum mf_field_id id)
{
    static const enum mf_field_id others[] = {
        MFF_CT_LABEL, MFF_CT_MARK, MFF_CT_STATE, MFF_CT_ZONE,
        MFF_IN_PORT, MFF_IN_PORT_OXM, MFF_METADATA, MFF_PKT_MARK,
        MFF_TUN_ID,
    };

    if ((id >= MFF_REG0 && id < MFF_REG0 + FLOW_N_REGS)
        || (id >= MFF_XREG0 && id < MFF_XREG0 + FLOW_N_XREGS)) {
        return true;
    }
    for (size_t i = 0; i < ARRAY_SIZE(others); i++) {
        if (others[i] == id) {
            return true;
        }
    }
    return false;
}

/* Decodes an NXCPT_METADATA value into 'metadata'. */
static enum ofperr
parse_metadata(const struct ofpbuf *prop, struct match *metadata)
{
    enum ofperr error = oxm_decode_match(prop->data, prop->size, metadata);
    if (error) {
        return error;
    }
    for (int id = 0; id < MFF_N_IDS; id++) {
        if (!is_metadata_field(id)
            && !mf_is_all_wild(mf_from_id(id), &metadata->wc)) {
            VLOG_WARN_RL(&closure_rl, "closure metadata holds %s, which is "
                         "not a metadata field", mf_from_id(id)->name);
            return OFPERR_OFPBMC_BAD_FIELD;
        }
    }
    return 0;
}

/* State of decoding one message. */
struct closure_decoder {
    bool loose;                 /* Ignore unknown private properties. */
    bool decode_private;        /* False: copy private properties only. */
    struct ofpbuf *private_copy; /* Where to copy them, or NULL. */

    bool seen_packet, seen_metadata, seen_bridge, seen_mirrors;
    bool seen_conntracked, seen_action_set;

    /* Table id and cookie for the next level, and whether a property set
     * them since the last level. */
    uint8_t table_id;
    ovs_be64 cookie;
    bool pending_table_id, pending_cookie;

    size_t allocated_stack;
    struct ofpbuf actions;      /* All levels, with markers. */
    struct ofpbuf action_set;
    struct ofpbuf scratch;      /* One property's decoded ofpacts. */
};

/* Checks and pulls the ACTIONS_PAD bytes that start an actions
 * property. */
static enum ofperr
pull_actions_pad(struct ofpbuf *prop)
{
    const uint8_t *pad = ofpbuf_try_pull(prop, ACTIONS_PAD);

    if (!pad) {
        VLOG_WARN_RL(&closure_rl, "closure actions property too short");
        return OFPERR_OFPBPC_BAD_LEN;
    }
    for (size_t i = 0; i < ACTIONS_PAD; i++) {
        if (pad[i]) {
            return OFPERR_NXBRC_MUST_BE_ZERO;
        }
    }
    return 0;
}

/* Decodes one NXCPT_ACTIONS property as a level of 'd->actions'. */
static enum ofperr
parse_level(struct closure_decoder *d, struct ofpbuf *prop)
{
    enum ofperr error = pull_actions_pad(prop);
    if (error) {
        return error;
    }
    error = ofpacts_pull_closure_instructions(prop, prop->size,
                                              CLOSURE_ACTIONS_VERSION,
                                              &d->scratch);
    if (error) {
        return error;
    }

    struct ofpact_unroll_xlate *u = ofpact_put_UNROLL_XLATE(&d->actions);
    u->rule_table_id = d->table_id;
    u->rule_cookie = d->cookie;
    ofpbuf_put(&d->actions, d->scratch.data, d->scratch.size);
    d->pending_table_id = d->pending_cookie = false;
    return 0;
}

static enum ofperr
parse_action_set(struct closure_decoder *d, struct ofpbuf *prop)
{
    enum ofperr error = pull_actions_pad(prop);
    if (error) {
        return error;
    }
    return ofpacts_pull_closure_actions(prop, prop->size,
                                        CLOSURE_ACTIONS_VERSION,
                                        &d->action_set);
}

/* Decodes an NXCPT_STACK value, which is at most 16 bytes, the low-order
 * bytes of the entry. */
static enum ofperr
parse_stack_entry(struct closure_decoder *d, const struct ofpbuf *prop,
                  struct ofputil_closure_private *closure)
{
    union mf_subvalue entry;

    if (prop->size > sizeof entry) {
        VLOG_WARN_RL(&closure_rl, "closure stack entry of %"PRIu32" bytes "
                     "(at most %zu allowed)", prop->size, sizeof entry);
        return OFPERR_OFPBPC_BAD_LEN;
    }
    memset(&entry, 0, sizeof entry);
    memcpy(&entry.u8[sizeof entry - prop->size], prop->data, prop->size);

    if (closure->n_stack >= d->allocated_stack) {
        closure->stack = x2nrealloc(closure->stack, &d->allocated_stack,
                                    sizeof *closure->stack);
    }
    closure->stack[closure->n_stack++] = entry;
    return 0;
}

/* Marks a single-valued property as seen, failing if it was already. */
static enum ofperr
once(bool *seen, uint64_t type)
{
    if (*seen) {
        VLOG_WARN_RL(&closure_rl, "closure has property 0x%"PRIx64" twice",
                     type);
        return OFPERR_OFPBPC_DUP_TYPE;
    }
    *seen = true;
    return 0;
}

static enum ofperr
parse_public(struct closure_decoder *d, uint64_t type,
             const struct ofpbuf *prop, struct ofputil_closure *public)
{
    enum ofperr error;

    switch (type) {
    case NXCPT_PACKET:
        error = once(&d->seen_packet, type);
        if (!error) {
            public->packet = xmemdup(prop->data, prop->size);
            public->packet_len = prop->size;
        }
        return error;

    case NXCPT_METADATA:
        error = once(&d->seen_metadata, type);
        return error ? error : parse_metadata(prop, &public->metadata);

    default:
        /* Public properties are part of the protocol: an unknown one is
         * an error even when decoding loosely. */
        return OFPPROP_UNKNOWN(false, "closure", type);
    }
}

static enum ofperr
parse_private(struct closure_decoder *d, uint64_t type, struct ofpbuf *prop,
              struct ofputil_closure_private *closure)
{
    enum ofperr error;
    ovs_be32 mirrors;

    switch (type) {
    case NXCPT_BRIDGE:
        error = once(&d->seen_bridge, type);
        return error ? error : ofpprop_parse_uuid(prop, &closure->bridge);

    case NXCPT_STACK:
        return parse_stack_entry(d, prop, closure);

    case NXCPT_MIRRORS:
        error = once(&d->seen_mirrors, type);
        if (!error) {
            error = ofpprop_parse_be32(prop, &mirrors);
            closure->mirrors = ntohl(mirrors);
        }
        return error;

    case NXCPT_CONNTRACKED:
        error = once(&d->seen_conntracked, type);
        if (!error) {
            error = ofpprop_parse_flag(prop);
            closure->conntracked = !error;
        }
        return error;

    case NXCPT_TABLE_ID:
        error = once(&d->pending_table_id, type);
        return error ? error : ofpprop_parse_u8(prop, &d->table_id);

    case NXCPT_COOKIE:
        error = once(&d->pending_cookie, type);
        return error ? error : ofpprop_parse_be64(prop, &d->cookie);

    case NXCPT_ACTIONS:
        return parse_level(d, prop);

    case NXCPT_ACTION_SET:
        error = once(&d->seen_action_set, type);
        return error ? error : parse_action_set(d, prop);

    default:
        return OFPPROP_UNKNOWN(d->loose, "closure", type);
    }
}

/* Walks every property of 'oh' into 'closure'. */
static enum ofperr
decode_properties(const struct ofp_header *oh, struct closure_decoder *d,
                  struct ofputil_closure_private *closure)
{
    struct ofpbuf props;
    enum ofpraw raw;
    enum ofperr error;

    ofpbuf_use_const(&props, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &props);
    if (error) {
        return error;
    }
    if (raw != OFPRAW_NXT_CLOSURE && raw != OFPRAW_NXT_RESUME) {
        return OFPERR_OFPBRC_BAD_TYPE;
    }

    while (props.size > 0) {
        struct ofpbuf prop, whole;
        uint64_t type;

        error = pull_prop(&props, &prop, &type, &whole);
        if (error) {
            return error;
        }
        if (type < 0x8000) {
            error = parse_public(d, type, &prop, &closure->public);
        } else if (d->decode_private) {
            error = parse_private(d, type, &prop, closure);
        } else if (d->private_copy) {
            ofpbuf_put(d->private_copy, whole.data, whole.size);
        }
        if (error) {
            return error;
        }
    }

    if (d->pending_table_id || d->pending_cookie) {
        VLOG_WARN_RL(&closure_rl, "closure table id or cookie property is "
                     "not followed by actions");
        return OFPERR_OFPBPC_BAD_VALUE;
    }
    if (!d->seen_packet) {
        VLOG_WARN_RL(&closure_rl, "closure lacks a packet property");
        return OFPERR_OFPBRC_BAD_LEN;
    }
    return 0;
}

/* The decoders' common body.  On error, 'closure' is left empty and the
 * private copy, if any, is restored to its original size. */
static enum ofperr
decode_closure__(const struct ofp_header *oh, bool loose,
                 bool decode_private, struct ofpbuf *private_copy,
                 struct ofputil_closure_private *closure)
{
    struct closure_decoder d = {
        .loose = loose,
        .decode_private = decode_private,
        .private_copy = private_copy,
    };
    size_t copy_size = private_copy ? private_copy->size : 0;

    closure_private_init(closure);
    ofpbuf_init(&d.actions, 0);
    ofpbuf_init(&d.action_set, 0);
    ofpbuf_init(&d.scratch, 0);

    enum ofperr error = decode_properties(oh, &d, closure);
    if (!error) {
        closure->actions_len = d.actions.size;
        closure->actions = ofpbuf_steal_data(&d.actions);
        closure->action_set_len = d.action_set.size;
        closure->action_set = ofpbuf_steal_data(&d.action_set);
    } else {
        ofputil_closure_private_destroy(closure);
        closure_private_init(closure);
        if (private_copy) {
            private_copy->size = copy_size;
        }
        ofpbuf_uninit(&d.actions);
        ofpbuf_uninit(&d.action_set);
    }
    ofpbuf_uninit(&d.scratch);
    return error;
}

/* Decodes NXT_CLOSURE 'oh' into 'closure' (whose packet the caller must
 * later free with ofputil_closure_destroy()) and appends its private
 * properties, unexamined but for their framing, to 'private_properties'
 * if it is nonnull.  On error, 'closure' is empty and 'private_properties'
 * is unchanged. */
enum ofperr
ofputil_decode_closure(const struct ofp_header *oh,
                       struct ofputil_closure *closure,
                       struct ofpbuf *private_properties)
{
    struct ofputil_closure_private whole;
    enum ofperr error = decode_closure__(oh, false, false,
                                         private_properties, &whole);

    *closure = whole.public;
    return error;
}

/* Decodes NXT_CLOSURE or NXT_RESUME 'oh' into 'closure', which the caller
 * must free with ofputil_closure_private_destroy().  See the top of this
 * file for the errors; after one, 'closure' is empty. */
enum ofperr
ofputil_decode_closure_private(const struct ofp_header *oh, bool loose,
                               struct ofputil_closure_private *closure)
{
    return decode_closure__(oh, loose, true, NULL, closure);
}

/* ---- Printing ----
 *
 * The printed form, one item per line, items that are empty or zero left
 * out (the bridge is always shown):
 *
 *   NXT_CLOSURE (xid=0x0): packet: <the packet as a flow>
 *    metadata: <match>
 *    bridge=<uuid>
 *    stack=<entry> <entry>...        (bottom first, hex)
 *    mirrors=0x<bitmap>
 *    conntracked
 *    level 0: table_id=N cookie=0xC actions=<actions>
 *    level 1: ...                   (innermost level first)
 *    action_set=<actions>
 */

static void
format_actions(struct ds *s, const struct ofpact *ofpacts, size_t len,
               const struct ofputil_port_map *port_map)
{
    if (len) {
        ofpacts_format(ofpacts, len, port_map, s);
    } else {
        ds_put_cstr(s, "drop");
    }
}

static void
format_levels(struct ds *s, const struct ofputil_closure_private *closure,
              const struct ofputil_port_map *port_map)
{
    const struct ofpact *end = ofpact_end(closure->actions,
                                          closure->actions_len);
    const struct ofpact *a = closure->actions;

    for (int level = 0; a < end; level++) {
        uint8_t table_id = 0;
        ovs_be64 cookie = htonll(0);

        if (a->type == OFPACT_UNROLL_XLATE) {
            const struct ofpact_unroll_xlate *u = ofpact_get_UNROLL_XLATE(a);
            table_id = u->rule_table_id;
            cookie = u->rule_cookie;
            a = ofpact_next(a);
        }
        const struct ofpact *first = a;
        while (a < end && a->type != OFPACT_UNROLL_XLATE) {
            a = ofpact_next(a);
        }
        ds_put_format(s, " level %d: table_id=%"PRIu8" cookie=0x%"PRIx64
                      " actions=", level, table_id, ntohll(cookie));
        format_actions(s, first,
                       (const uint8_t *) a - (const uint8_t *) first,
                       port_map);
        ds_put_char(s, '\n');
    }
}

enum ofperr
ofputil_closure_print(struct ds *s, const struct ofp_header *oh,
                      const struct ofputil_port_map *port_map,
                      int verbosity OVS_UNUSED)
{
    struct ofputil_closure_private closure;
    enum ofperr error = ofputil_decode_closure_private(oh, true, &closure);

    if (error) {
        return error;
    }

    const struct ofputil_closure *public = &closure.public;
    char *packet = ofp_packet_to_string(public->packet, public->packet_len);
    ds_put_format(s, " packet: %s\n", packet);
    free(packet);

    if (!match_is_catchall(&public->metadata)) {
        ds_put_cstr(s, " metadata: ");
        match_format(&public->metadata, port_map, s,
                     OFPUTIL_DEFAULT_PRIORITY);
        ds_put_char(s, '\n');
    }

    ds_put_format(s, " bridge="UUID_FMT"\n", UUID_ARGS(&closure.bridge));

    if (closure.n_stack) {
        ds_put_cstr(s, " stack=");
        for (size_t i = 0; i < closure.n_stack; i++) {
            if (i) {
                ds_put_char(s, ' ');
            }
            mf_subvalue_format(&closure.stack[i], s);
        }
        ds_put_char(s, '\n');
    }
    if (closure.mirrors) {
        ds_put_format(s, " mirrors=%#"PRIx32"\n", closure.mirrors);
    }
    if (closure.conntracked) {
        ds_put_cstr(s, " conntracked\n");
    }
    format_levels(s, &closure, port_map);
    if (closure.action_set_len) {
        ds_put_cstr(s, " action_set=");
        format_actions(s, closure.action_set, closure.action_set_len,
                       port_map);
        ds_put_char(s, '\n');
    }

    ofputil_closure_private_destroy(&closure);
    return 0;
}
