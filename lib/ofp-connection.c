/*
 * Connection-level OpenFlow messages.
 *
 * Hello: each side sends the highest version it supports and, when the
 * set of versions it supports has holes, a version bitmap (OpenFlow
 * 1.3.1+).  Role: a controller asks to be master, slave or equal.  Async
 * config: a controller chooses, separately for when it is master and when
 * it is slave, which reasons of each asynchronous message it receives;
 * OpenFlow 1.3 does this with three pairs of bitmasks, OpenFlow 1.4 with
 * one property per message kind and role, and Open vSwitch offers the
 * property form to older versions as NXT_SET_ASYNC_CONFIG2.  Closures are
 * one more kind, controlled by a Nicira experimenter property.
 */

#include <config.h>
#include "ofp-connection.h"

#include <inttypes.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "ofp-msgs.h"
#include "ofp-prop.h"
#include "openflow/nicira-ext.h"
#include "openflow/openflow-1.4.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_connection);

static struct vlog_rate_limit bad_ofmsg_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* ---- Hello ---- */

/* A version bitmap must be sent unless the versions are exactly 1 through
 * the highest one. */
static bool
needs_version_bitmap(uint32_t allowed_versions)
{
    uint32_t below = (allowed_versions >> 1) + 1;
    return (below & (below - 1)) != 0;
}

struct ofpbuf *
ofputil_encode_hello(uint32_t allowed_versions)
{
    ovs_assert(allowed_versions);
    int version = 31 - __builtin_clz(allowed_versions);
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_OFPT_HELLO, version, 0);

    if (needs_version_bitmap(allowed_versions)) {
        struct ofp_hello_elem_header *elem = ofpbuf_put_zeros(msg,
                                                              sizeof *elem);
        ovs_be32 bitmap = htonl(allowed_versions);

        elem->type = htons(OFPHET_VERSIONBITMAP);
        elem->length = htons(sizeof *elem + sizeof bitmap);
        ofpbuf_put(msg, &bitmap, sizeof bitmap);
        ofpbuf_padto(msg, ROUND_UP(msg->size, 8));
    }
    ofpmsg_update_length(msg);
    return msg;
}

bool
ofputil_decode_hello(const struct ofp_header *oh, uint32_t *allowed_versions)
{
    struct ofpbuf b;
    bool ok = true;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpbuf_pull(&b, sizeof *oh);

    /* Without a bitmap, every version up to the header's. */
    *allowed_versions = (oh->version >= 31
                         ? UINT32_MAX - 1
                         : (UINT32_C(1) << (oh->version + 1)) - 2);

    while (b.size > 0) {
        const struct ofp_hello_elem_header *elem;
        size_t len;

        elem = ofpbuf_try_pull(&b, sizeof *elem);
        if (!elem) {
            ok = false;
            break;
        }
        len = ntohs(elem->length);
        if (len < sizeof *elem
            || ROUND_UP(len, 8) - sizeof *elem > b.size) {
            ok = false;
            break;
        }
        const uint8_t *data = ofpbuf_pull(&b, ROUND_UP(len, 8)
                                              - sizeof *elem);
        if (ntohs(elem->type) != OFPHET_VERSIONBITMAP
            || len < sizeof *elem + 4) {
            ok = false;
            continue;
        }

        ovs_be32 first;
        memcpy(&first, data, sizeof first);
        uint32_t bitmap = ntohl(first);
        if (bitmap & 1) {
            VLOG_WARN_RL(&bad_ofmsg_rl, "peer claims to support invalid "
                         "OpenFlow version 0x00");
            bitmap &= ~1u;
        }
        *allowed_versions = bitmap;
    }
    return ok;
}

void
ofputil_hello_format(struct ds *s, const struct ofp_header *oh)
{
    uint32_t allowed;
    bool ok = ofputil_decode_hello(oh, &allowed);

    ds_put_cstr(s, "\n version bitmap: ");
    ofputil_format_version_bitmap(s, allowed);
    if (!ok) {
        ds_put_cstr(s, "\n unknown data in hello:\n");
        ds_put_hex_dump(s, oh, ntohs(oh->length), 0, true);
    }
}

/* ---- Roles ---- */

enum ofperr
ofputil_decode_role_message(const struct ofp_header *oh,
                            struct ofputil_role_request *rr)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    enum ofpraw raw = ofpraw_pull_assert(&b);

    memset(rr, 0, sizeof *rr);
    if (raw == OFPRAW_OFPT12_ROLE_REQUEST
        || raw == OFPRAW_OFPT12_ROLE_REPLY) {
        const struct ofp12_role_request *orr = b.data;
        uint32_t role = ntohl(orr->role);
        if (role > OFPCR12_ROLE_SLAVE) {
            return OFPERR_OFPRRFC_BAD_ROLE;
        }
        rr->role = role;
        rr->generation_id = ntohll(orr->generation_id);
        rr->have_generation_id = (role != OFPCR12_ROLE_NOCHANGE
                                  && rr->generation_id != UINT64_MAX);
        return 0;
    }

    const struct nx_role_request *nrr = b.data;
    switch (ntohl(nrr->role)) {
    case NX_ROLE_OTHER:
        rr->role = OFPCR12_ROLE_EQUAL;
        return 0;
    case NX_ROLE_MASTER:
        rr->role = OFPCR12_ROLE_MASTER;
        return 0;
    case NX_ROLE_SLAVE:
        rr->role = OFPCR12_ROLE_SLAVE;
        return 0;
    default:
        return OFPERR_OFPRRFC_BAD_ROLE;
    }
}

static uint32_t
role_to_nx(enum ofp12_controller_role role)
{
    return (role == OFPCR12_ROLE_MASTER ? NX_ROLE_MASTER
            : role == OFPCR12_ROLE_SLAVE ? NX_ROLE_SLAVE
            : NX_ROLE_OTHER);
}

static void
put_role(struct ofpbuf *b, enum ofpraw raw,
         const struct ofputil_role_request *rr)
{
    if (raw == OFPRAW_NXT_ROLE_REQUEST || raw == OFPRAW_NXT_ROLE_REPLY) {
        struct nx_role_request *nrr = ofpbuf_put_zeros(b, sizeof *nrr);
        nrr->role = htonl(role_to_nx(rr->role));
    } else {
        struct ofp12_role_request *orr = ofpbuf_put_zeros(b, sizeof *orr);
        orr->role = htonl(rr->role);
        orr->generation_id = htonll(rr->have_generation_id
                                    ? rr->generation_id : UINT64_MAX);
    }
    ofpmsg_update_length(b);
}

struct ofpbuf *
ofputil_encode_role_request(const struct ofputil_role_request *rr,
                            enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    enum ofpraw raw = (version < OFP12_VERSION
                       ? OFPRAW_NXT_ROLE_REQUEST
                       : OFPRAW_OFPT12_ROLE_REQUEST);
    struct ofpbuf *b = ofpraw_alloc(raw, version, 0);
    put_role(b, raw, rr);
    return b;
}

/* Returns a reply (owned by the caller) to role request 'request' that
 * reports the role in 'rr'. */
struct ofpbuf *
ofputil_encode_role_reply(const struct ofp_header *request,
                          const struct ofputil_role_request *rr)
{
    enum ofpraw raw = (ofpraw_decode_assert(request)
                       == OFPRAW_NXT_ROLE_REQUEST
                       ? OFPRAW_NXT_ROLE_REPLY
                       : OFPRAW_OFPT12_ROLE_REPLY);
    struct ofpbuf *b = ofpraw_alloc_reply(raw, request, 0);
    put_role(b, raw, rr);
    return b;
}

const char *
ofputil_role_to_string(enum ofp12_controller_role role)
{
    switch (role) {
    case OFPCR12_ROLE_NOCHANGE: return "nochange";
    case OFPCR12_ROLE_EQUAL: return "equal";
    case OFPCR12_ROLE_MASTER: return "primary";
    case OFPCR12_ROLE_SLAVE: return "secondary";
    default: return "<invalid>";
    }
}

void
ofputil_role_request_format(struct ds *s,
                            const struct ofputil_role_request *rr)
{
    ds_put_format(s, " role=%s", ofputil_role_to_string(rr->role));
    if (rr->have_generation_id) {
        ds_put_format(s, " generation_id=%"PRIu64, rr->generation_id);
    }
}

enum ofperr
ofputil_role_print(struct ds *s, const struct ofp_header *oh)
{
    struct ofputil_role_request rr;
    enum ofperr error = ofputil_decode_role_message(oh, &rr);
    if (!error) {
        ofputil_role_request_format(s, &rr);
    }
    return error;
}

/* ---- Asynchronous message configuration ---- */

/* One row per kind of asynchronous message, declared once. */
struct async_type_info {
    const char *name;
    uint64_t slave_prop;        /* OF1.4 property type for the slave role. */
    uint64_t master_prop;
    uint32_t ofp13_bits;        /* Valid reasons through OF1.3. */
    uint32_t ofp14_bits;        /* Valid reasons from OF1.4 on. */
    const char *reasons[8];     /* Names of reason bits 0...7. */
};

static const struct async_type_info async_types[OAM_N_TYPES] = {
    [OAM_PACKET_IN] = {
        "PACKET_IN", OFPACPT_PACKET_IN_SLAVE, OFPACPT_PACKET_IN_MASTER,
        0x7, 0x3f,
        { "no_match", "action", "invalid_ttl", "action_set", "group",
          "packet_out" },
    },
    [OAM_PORT_STATUS] = {
        "PORT_STATUS", OFPACPT_PORT_STATUS_SLAVE, OFPACPT_PORT_STATUS_MASTER,
        0x7, 0x7,
        { "add", "delete", "modify" },
    },
    [OAM_FLOW_REMOVED] = {
        "FLOW_REMOVED", OFPACPT_FLOW_REMOVED_SLAVE,
        OFPACPT_FLOW_REMOVED_MASTER, 0xf, 0x3f,
        { "idle", "hard", "delete", "group_delete", "meter_delete",
          "eviction" },
    },
    [OAM_ROLE_STATUS] = {
        "ROLE_STATUS", OFPACPT_ROLE_STATUS_SLAVE, OFPACPT_ROLE_STATUS_MASTER,
        0x7, 0x7,
        { "primary_request", "configuration_changed",
          "experimenter_data_changed" },
    },
    [OAM_TABLE_STATUS] = {
        "TABLE_STATUS", OFPACPT_TABLE_STATUS_SLAVE,
        OFPACPT_TABLE_STATUS_MASTER, 0x18, 0x18,
        { NULL, NULL, NULL, "vacancy_down", "vacancy_up" },
    },
    [OAM_REQUESTFORWARD] = {
        "REQUESTFORWARD", OFPACPT_REQUESTFORWARD_SLAVE,
        OFPACPT_REQUESTFORWARD_MASTER, 0x3, 0x3,
        { "group_mod_request", "meter_mod_request" },
    },
    [OAM_CLOSURE] = {
        "CLOSURE", OFPPROP_EXP(NX_VENDOR_ID, 0), OFPPROP_EXP(NX_VENDOR_ID, 1),
        0x1, 0x1,
        { "enable" },
    },
};

const char *
ofputil_async_msg_type_to_string(enum ofputil_async_msg_type type)
{
    return type < OAM_N_TYPES ? async_types[type].name : "<invalid>";
}

struct ofputil_async_cfg
ofputil_async_cfg_default(enum ofp_version version)
{
    struct ofputil_async_cfg cfg = OFPUTIL_ASYNC_CFG_INIT;
    if (version >= OFP14_VERSION) {
        cfg.master[OAM_PACKET_IN] |= ((1u << OFPR_ACTION_SET)
                                      | (1u << OFPR_GROUP)
                                      | (1u << OFPR_PACKET_OUT));
        cfg.master[OAM_FLOW_REMOVED] |= 1u << OFPRR_GROUP_DELETE;
    }
    return cfg;
}

/* Finds the type and role that OF1.4 property type 'prop' controls. */
static bool
async_prop_lookup(uint64_t prop, enum ofputil_async_msg_type *typep,
                  bool *masterp)
{
    for (int i = 0; i < OAM_N_TYPES; i++) {
        if (async_types[i].slave_prop == prop
            || async_types[i].master_prop == prop) {
            *typep = i;
            *masterp = async_types[i].master_prop == prop;
            return true;
        }
    }
    return false;
}

static enum ofperr
decode_async_mask(ovs_be32 src, enum ofputil_async_msg_type type,
                  enum ofp_version version, bool loose, uint32_t *dst)
{
    uint32_t mask = ntohl(src);
    uint32_t valid = (version >= OFP14_VERSION
                      ? async_types[type].ofp14_bits
                      : async_types[type].ofp13_bits);
    if (mask & ~valid) {
        if (!loose) {
            VLOG_WARN_RL(&bad_ofmsg_rl, "bad value %#"PRIx32" for %s "
                         "(allowed mask %#"PRIx32")",
                         mask, async_types[type].name, valid);
            return OFPERR_OFPACFC_INVALID;
        }
        mask &= valid;
    }
    *dst = mask;
    return 0;
}

static enum ofperr
decode_async_props(struct ofpbuf *b, enum ofp_version version, bool loose,
                   struct ofputil_async_cfg *cfg)
{
    while (b->size > 0) {
        struct ofpbuf payload;
        enum ofputil_async_msg_type type;
        uint64_t prop;
        bool master;
        enum ofperr error;

        error = ofpprop_pull__(b, &payload, 8, 0xfffe, &prop);
        if (error) {
            return error;
        }
        if (!async_prop_lookup(prop, &type, &master)) {
            if (OFPPROP_IS_EXPERIMENTER(prop)) {
                error = OFPPROP_UNKNOWN(loose, "async config", prop);
            } else {
                VLOG_WARN_RL(&bad_ofmsg_rl, "unknown async config property "
                             "type %"PRIu64, prop);
                error = loose ? 0 : OFPERR_OFPACFC_UNSUPPORTED;
            }
            if (error) {
                return error;
            }
            continue;
        }

        ovs_be32 mask;
        error = ofpprop_parse_be32(&payload, &mask);
        if (!error) {
            error = decode_async_mask(mask, type, version, loose,
                                      master ? &cfg->master[type]
                                             : &cfg->slave[type]);
        }
        if (error) {
            return error;
        }
    }
    return 0;
}

enum ofperr
ofputil_decode_set_async_config(const struct ofp_header *oh, bool loose,
                                const struct ofputil_async_cfg *basis,
                                struct ofputil_async_cfg *cfg)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    enum ofpraw raw = ofpraw_pull_assert(&b);

    *cfg = *basis;
    if (raw == OFPRAW_OFPT13_SET_ASYNC
        || raw == OFPRAW_OFPT13_GET_ASYNC_REPLY
        || raw == OFPRAW_NXT_SET_ASYNC_CONFIG) {
        const struct ofp13_async_config *msg = b.data;
        static const struct {
            enum ofputil_async_msg_type type;
            size_t ofs;
        } fields[] = {
            { OAM_PACKET_IN, offsetof(struct ofp13_async_config,
                                      packet_in_mask) },
            { OAM_PORT_STATUS, offsetof(struct ofp13_async_config,
                                        port_status_mask) },
            { OAM_FLOW_REMOVED, offsetof(struct ofp13_async_config,
                                         flow_removed_mask) },
        };
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
            const ovs_be32 *masks = (const ovs_be32 *)
                ((const uint8_t *) msg + fields[i].ofs);
            enum ofputil_async_msg_type type = fields[i].type;
            enum ofperr error;

            /* The bitmask forms have no way to report a bad bit, so extra
             * bits are always ignored. */
            error = decode_async_mask(masks[0], type, oh->version, true,
                                      &cfg->master[type]);
            if (!error) {
                error = decode_async_mask(masks[1], type, oh->version,
                                          true, &cfg->slave[type]);
            }
            if (error) {
                return error;
            }
        }
        return 0;
    }
    return decode_async_props(&b, oh->version, loose, cfg);
}

static void
put_async_prop(struct ofpbuf *b, enum ofputil_async_msg_type type,
               bool master, uint32_t mask)
{
    uint64_t prop = (master ? async_types[type].master_prop
                     : async_types[type].slave_prop);
    size_t start_ofs = ofpprop_start(b, prop);
    ovs_be32 value = htonl(mask);

    if (OFPPROP_IS_EXPERIMENTER(prop)) {
        /* Async config has an experimenter type for each role. */
        struct ofp_prop_header *oph = ofpbuf_at_assert(b, start_ofs,
                                                       sizeof *oph);
        oph->type = htons(master ? OFPACPT_EXPERIMENTER_MASTER
                          : OFPACPT_EXPERIMENTER_SLAVE);
    }
    ofpbuf_put(b, &value, sizeof value);
    ofpprop_end(b, start_ofs);
}

static void
put_async_props(struct ofpbuf *b, const struct ofputil_async_cfg *cfg,
                uint32_t oams)
{
    for (int type = 0; type < OAM_N_TYPES; type++) {
        if (oams & (1u << type)) {
            put_async_prop(b, type, false, cfg->slave[type]);
            put_async_prop(b, type, true, cfg->master[type]);
        }
    }
}

static void
put_async_masks(struct ofpbuf *b, const struct ofputil_async_cfg *cfg)
{
    struct ofp13_async_config *msg = ofpbuf_put_zeros(b, sizeof *msg);
    msg->packet_in_mask[0] = htonl(cfg->master[OAM_PACKET_IN]);
    msg->packet_in_mask[1] = htonl(cfg->slave[OAM_PACKET_IN]);
    msg->port_status_mask[0] = htonl(cfg->master[OAM_PORT_STATUS]);
    msg->port_status_mask[1] = htonl(cfg->slave[OAM_PORT_STATUS]);
    msg->flow_removed_mask[0] = htonl(cfg->master[OAM_FLOW_REMOVED]);
    msg->flow_removed_mask[1] = htonl(cfg->slave[OAM_FLOW_REMOVED]);
}

#define OAM_OF13_TYPES ((1u << OAM_PACKET_IN) | (1u << OAM_PORT_STATUS) \
                        | (1u << OAM_FLOW_REMOVED))

struct ofpbuf *
ofputil_encode_set_async_config(const struct ofputil_async_cfg *cfg,
                                uint32_t oams, enum ofp_version version)
{
    struct ofpbuf *b;

    if (version >= OFP14_VERSION) {
        b = ofpraw_alloc(OFPRAW_OFPT14_SET_ASYNC, version, 0);
        put_async_props(b, cfg, oams);
    } else if (version == OFP13_VERSION && !(oams & ~OAM_OF13_TYPES)) {
        b = ofpraw_alloc(OFPRAW_OFPT13_SET_ASYNC, version, 0);
        put_async_masks(b, cfg);
    } else {
        b = ofpraw_alloc(OFPRAW_NXT_SET_ASYNC_CONFIG2, version, 0);
        put_async_props(b, cfg, oams);
    }
    ofpmsg_update_length(b);
    return b;
}

struct ofpbuf *
ofputil_encode_get_async_request(enum ofp_version version)
{
    return ofpraw_alloc(OFPRAW_OFPT13_GET_ASYNC_REQUEST, version, 0);
}

struct ofpbuf *
ofputil_encode_get_async_reply(const struct ofp_header *request,
                               const struct ofputil_async_cfg *cfg)
{
    struct ofpbuf *b;

    if (request->version >= OFP14_VERSION) {
        b = ofpraw_alloc_reply(OFPRAW_OFPT14_GET_ASYNC_REPLY, request, 0);
        put_async_props(b, cfg, (1u << OAM_N_TYPES) - 1);
    } else {
        b = ofpraw_alloc_reply(OFPRAW_OFPT13_GET_ASYNC_REPLY, request, 0);
        put_async_masks(b, cfg);
    }
    ofpmsg_update_length(b);
    return b;
}

static void
format_async_reasons(struct ds *s, enum ofputil_async_msg_type type,
                     uint32_t mask)
{
    bool any = false;
    for (int i = 0; i < 32; i++) {
        if (mask & (1u << i)) {
            const char *name = i < 8 ? async_types[type].reasons[i] : NULL;
            if (name) {
                ds_put_format(s, "%s ", name);
            } else {
                ds_put_format(s, "(unknown %d) ", i);
            }
            any = true;
        }
    }
    if (any) {
        ds_chomp(s, ' ');
    } else {
        ds_put_cstr(s, "(off)");
    }
}

void
ofputil_async_cfg_format(struct ds *s, const struct ofputil_async_cfg *cfg)
{
    for (int role = 0; role < 2; role++) {
        const uint32_t *masks = role ? cfg->slave : cfg->master;

        ds_put_cstr(s, role ? "\n secondary:\n" : "\n primary:\n");
        for (int type = 0; type < OAM_N_TYPES; type++) {
            ds_put_format(s, "%16s: ", async_types[type].name);
            format_async_reasons(s, type, masks[type]);
            ds_put_char(s, '\n');
        }
    }
}

enum ofperr
ofputil_async_config_print(struct ds *s, const struct ofp_header *oh)
{
    static const struct ofputil_async_cfg zero;
    struct ofputil_async_cfg cfg;
    enum ofptype type;

    /* A reply reports what the switch has, so it is read loosely; a
     * request must be exact. */
    bool loose = (!ofptype_decode(&type, oh)
                  && type == OFPTYPE_GET_ASYNC_REPLY);
    enum ofperr error = ofputil_decode_set_async_config(oh, loose, &zero,
                                                        &cfg);
    if (!error) {
        ofputil_async_cfg_format(s, &cfg);
    }
    return error;
}

/* ---- Packet-in format ---- */

bool
ofputil_packet_in_format_is_valid(uint32_t format)
{
    return format <= OFPUTIL_PACKET_IN_NXT2;
}

const char *
ofputil_packet_in_format_to_string(enum ofputil_packet_in_format format)
{
    switch (format) {
    case OFPUTIL_PACKET_IN_STD: return "standard";
    case OFPUTIL_PACKET_IN_NXT: return "nxt_packet_in";
    case OFPUTIL_PACKET_IN_NXT2: return "nxt_packet_in2";
    default: return NULL;
    }
}

/* Returns the format named 's' ("standard", "nxt_packet_in",
 * "nxt_packet_in2", also "openflow10" and "nxm"), or -1. */
int
ofputil_packet_in_format_from_string(const char *s)
{
    static const struct {
        const char *name;
        enum ofputil_packet_in_format format;
    } names[] = {
        { "standard", OFPUTIL_PACKET_IN_STD },
        { "openflow10", OFPUTIL_PACKET_IN_STD },     /* Old name. */
        { "nxt_packet_in", OFPUTIL_PACKET_IN_NXT },
        { "nxm", OFPUTIL_PACKET_IN_NXT },            /* Old name. */
        { "nxt_packet_in2", OFPUTIL_PACKET_IN_NXT2 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (!strcmp(s, names[i].name)) {
            return names[i].format;
        }
    }
    return -1;
}

enum ofperr
ofputil_decode_set_packet_in_format(const struct ofp_header *oh,
                                    enum ofputil_packet_in_format *format)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct nx_set_packet_in_format *spif = b.data;
    uint32_t value = ntohl(spif->format);
    if (!ofputil_packet_in_format_is_valid(value)) {
        VLOG_WARN_RL(&bad_ofmsg_rl, "NXT_SET_PACKET_IN_FORMAT message "
                     "specified invalid packet-in format %"PRIu32, value);
        return OFPERR_OFPBRC_EPERM;
    }
    *format = value;
    return 0;
}

struct ofpbuf *
ofputil_encode_set_packet_in_format(enum ofp_version version,
                                    enum ofputil_packet_in_format format)
{
    struct ofpbuf *b = ofpraw_alloc(OFPRAW_NXT_SET_PACKET_IN_FORMAT,
                                    version, 0);
    struct nx_set_packet_in_format *spif = ofpbuf_put_zeros(b, sizeof *spif);
    spif->format = htonl(format);
    ofpmsg_update_length(b);
    return b;
}

enum ofperr
ofputil_set_packet_in_format_print(struct ds *s, const struct ofp_header *oh)
{
    enum ofputil_packet_in_format format;
    enum ofperr error = ofputil_decode_set_packet_in_format(oh, &format);
    if (!error) {
        ds_put_format(s, " format=%s",
                      ofputil_packet_in_format_to_string(format));
    }
    return error;
}

/* ---- Controller id ---- */

struct ofpbuf *
ofputil_encode_set_controller_id(enum ofp_version version, uint16_t id)
{
    struct ofpbuf *b = ofpraw_alloc(OFPRAW_NXT_SET_CONTROLLER_ID, version, 0);
    struct nx_controller_id *nci = ofpbuf_put_zeros(b, sizeof *nci);
    nci->controller_id = htons(id);
    ofpmsg_update_length(b);
    return b;
}

uint16_t
ofputil_decode_set_controller_id(const struct ofp_header *oh)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct nx_controller_id *nci = b.data;
    return ntohs(nci->controller_id);
}

enum ofperr
ofputil_set_controller_id_print(struct ds *s, const struct ofp_header *oh)
{
    ds_put_format(s, " id=%"PRIu16, ofputil_decode_set_controller_id(oh));
    return 0;
}

/* ---- Flow format and table id (Nicira) ---- */

enum ofperr
ofputil_set_flow_format_print(struct ds *s, const struct ofp_header *oh)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct nx_set_flow_format *sff = b.data;
    uint32_t format = ntohl(sff->format);
    const char *name = ofputil_nx_flow_format_to_string(format);
    if (!name) {
        VLOG_WARN_RL(&bad_ofmsg_rl, "NXT_SET_FLOW_FORMAT message specified "
                     "invalid flow format %"PRIu32, format);
    }
    ds_put_format(s, " format=%s", name ? name : "(unknown)");
    return 0;
}

enum ofperr
ofputil_flow_mod_table_id_print(struct ds *s, const struct ofp_header *oh)
{
    ds_put_cstr(s, ofputil_decode_nx_flow_mod_table_id(oh)
                   ? " enable" : " disable");
    return 0;
}
