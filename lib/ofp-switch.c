/*
 * The switch as a whole.
 *
 * A controller learns what kind of switch it talks to from the features
 * reply (datapath id, buffers, tables, capabilities and, before OpenFlow
 * 1.3, the ports) and from the description stats reply (free-form
 * strings); it sets global packet handling with set-config.  This file
 * encodes, decodes and prints those messages.
 */

#include <config.h>
#include "ofp-switch.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-1.2.h"
#include "openflow/openflow-1.4.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"

/* ---- Features ---- */

/* Wire capability bits that each version defines, and their abstract
 * meaning. */
static enum ofputil_capabilities
capabilities_from_wire(enum ofp_version version, uint32_t wire)
{
    enum ofputil_capabilities caps = wire & (OFPC_FLOW_STATS
                                             | OFPC_TABLE_STATS
                                             | OFPC_PORT_STATS
                                             | OFPC_IP_REASM
                                             | OFPC_QUEUE_STATS);
    if (version == OFP10_VERSION) {
        caps |= wire & (OFPC10_STP | OFPC10_ARP_MATCH_IP);
    } else {
        if (wire & OFPC11_GROUP_STATS) {
            caps |= OFPUTIL_C_GROUP_STATS;
        }
        if (version == OFP11_VERSION) {
            /* OpenFlow 1.1 kept 1.0's bit; 1.2 dropped it. */
            caps |= wire & OFPC10_ARP_MATCH_IP;
        } else {
            caps |= wire & OFPC12_PORT_BLOCKED;
        }
        if (version >= OFP14_VERSION) {
            caps |= wire & (OFPC14_BUNDLES | OFPC14_FLOW_MONITORING);
        }
    }
    return caps;
}

static uint32_t
capabilities_to_wire(enum ofp_version version,
                     enum ofputil_capabilities caps)
{
    uint32_t wire = caps & (OFPC_FLOW_STATS | OFPC_TABLE_STATS
                            | OFPC_PORT_STATS | OFPC_IP_REASM
                            | OFPC_QUEUE_STATS);
    if (version == OFP10_VERSION) {
        wire |= caps & (OFPC10_STP | OFPC10_ARP_MATCH_IP);
    } else {
        if (caps & OFPUTIL_C_GROUP_STATS) {
            wire |= OFPC11_GROUP_STATS;
        }
        if (version == OFP11_VERSION) {
            wire |= caps & OFPC10_ARP_MATCH_IP;
        } else {
            wire |= caps & OFPC12_PORT_BLOCKED;
        }
        if (version >= OFP14_VERSION) {
            wire |= caps & (OFPC14_BUNDLES | OFPC14_FLOW_MONITORING);
        }
    }
    return wire;
}

enum ofperr
ofputil_pull_switch_features(const struct ofp_header *oh,
                             struct ofputil_switch_features *features,
                             struct ofpbuf *b)
{
    ofpbuf_use_const(b, oh, ntohs(oh->length));
    enum ofpraw raw = ofpraw_pull_assert(b);
    const struct ofp10_switch_features *osf = ofpbuf_pull(b, sizeof *osf);

    memset(features, 0, sizeof *features);
    features->datapath_id = ntohll(osf->datapath_id);
    features->n_buffers = ntohl(osf->n_buffers);
    features->n_tables = osf->n_tables;
    features->capabilities = capabilities_from_wire(oh->version,
                                                    ntohl(osf->capabilities));
    if (raw == OFPRAW_OFPT10_FEATURES_REPLY) {
        features->ofp10_actions = ntohl(osf->actions);
    } else if (raw == OFPRAW_OFPT13_FEATURES_REPLY) {
        const struct ofp11_switch_features *osf11 = (const void *) osf;
        features->auxiliary_id = osf11->auxiliary_id;
    }
    return 0;
}

/* Returns a new features reply (owned by the caller) without ports; append
 * ports with ofputil_put_switch_features_port(). */
struct ofpbuf *
ofputil_encode_switch_features(const struct ofputil_switch_features *features,
                               enum ofputil_protocol protocol, ovs_be32 xid)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    enum ofpraw raw = (version == OFP10_VERSION
                       ? OFPRAW_OFPT10_FEATURES_REPLY
                       : version <= OFP12_VERSION
                       ? OFPRAW_OFPT11_FEATURES_REPLY
                       : OFPRAW_OFPT13_FEATURES_REPLY);
    struct ofpbuf *b = ofpraw_alloc_xid(raw, version, xid, 0);
    struct ofp11_switch_features *osf = ofpbuf_put_zeros(b, sizeof *osf);

    osf->datapath_id = htonll(features->datapath_id);
    osf->n_buffers = htonl(features->n_buffers);
    osf->n_tables = features->n_tables;
    osf->capabilities = htonl(capabilities_to_wire(version,
                                                   features->capabilities));
    if (version == OFP10_VERSION) {
        osf->reserved = htonl(features->ofp10_actions);
    } else if (version >= OFP13_VERSION) {
        osf->auxiliary_id = features->auxiliary_id;
    }
    ofpmsg_update_length(b);
    return b;
}

/* Appends 'pp' to features reply 'b', if its version carries ports. */
void
ofputil_put_switch_features_port(const struct ofputil_phy_port *pp,
                                 struct ofpbuf *b)
{
    const struct ofp_header *oh = b->header;
    if (oh->version < OFP13_VERSION) {
        ofputil_put_phy_port(oh->version, pp, b);
        ofpmsg_update_length(b);
    }
}

/* Returns true if one more port fits into features reply 'b' without
 * exceeding the 64 kB message limit, false if it does not or if the
 * reply's version carries no ports. */
bool
ofputil_switch_features_has_ports(struct ofpbuf *b)
{
    const struct ofp_header *oh = b->data;
    size_t port_len = (oh->version == OFP10_VERSION
                       ? sizeof(struct ofp10_phy_port)
                       : sizeof(struct ofp11_port));
    return (oh->version < OFP13_VERSION
            && ntohs(oh->length) + port_len <= UINT16_MAX);
}

static void
format_capabilities(struct ds *s, enum ofp_version version,
                    enum ofputil_capabilities caps)
{
    static const struct {
        enum ofputil_capabilities bit;
        const char *name;
    } names[] = {
        { OFPUTIL_C_FLOW_STATS, "FLOW_STATS" },
        { OFPUTIL_C_TABLE_STATS, "TABLE_STATS" },
        { OFPUTIL_C_PORT_STATS, "PORT_STATS" },
        { OFPUTIL_C_STP, "STP" },
        { OFPUTIL_C_GROUP_STATS, "GROUP_STATS" },
        { OFPUTIL_C_IP_REASM, "IP_REASM" },
        { OFPUTIL_C_QUEUE_STATS, "QUEUE_STATS" },
        { OFPUTIL_C_ARP_MATCH_IP, "ARP_MATCH_IP" },
        { OFPUTIL_C_PORT_BLOCKED, "PORT_BLOCKED" },
        { OFPUTIL_C_BUNDLES, "BUNDLES" },
        { OFPUTIL_C_FLOW_MONITORING, "FLOW_MONITORING" },
    };
    int n = 0;

    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (caps & names[i].bit) {
            ds_put_format(s, "%s%s", n++ ? " " : "", names[i].name);
        }
    }
    if (!n) {
        ds_put_char(s, '0');
    }
}

static void
format_ofp10_actions(struct ds *s, uint32_t actions)
{
    static const struct {
        int bit;
        const char *name;
    } names[] = {
        { OFPAT10_OUTPUT, "output" },
        { OFPAT10_ENQUEUE, "enqueue" },
        { OFPAT10_SET_VLAN_VID, "set_vlan_vid" },
        { OFPAT10_SET_VLAN_PCP, "set_vlan_pcp" },
        { OFPAT10_STRIP_VLAN, "strip_vlan" },
        { OFPAT10_SET_DL_SRC, "mod_dl_src" },
        { OFPAT10_SET_DL_DST, "mod_dl_dst" },
        { OFPAT10_SET_NW_SRC, "mod_nw_src" },
        { OFPAT10_SET_NW_DST, "mod_nw_dst" },
        { OFPAT10_SET_NW_TOS, "mod_nw_tos" },
        { OFPAT10_SET_TP_SRC, "mod_tp_src" },
        { OFPAT10_SET_TP_DST, "mod_tp_dst" },
    };
    int n = 0;

    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (actions & (1u << names[i].bit)) {
            ds_put_format(s, "%s%s", n++ ? " " : "", names[i].name);
        }
    }
}

static void
switch_features_format__(struct ds *s, enum ofp_version version,
                         const struct ofputil_switch_features *features)
{
    ds_put_format(s, " dpid:%016"PRIx64"\nn_tables:%"PRIu8
                  ", n_buffers:%"PRIu32, features->datapath_id,
                  features->n_tables, features->n_buffers);
    if (features->auxiliary_id) {
        ds_put_format(s, ", auxiliary_id:%"PRIu8, features->auxiliary_id);
    }
    ds_put_cstr(s, "\ncapabilities: ");
    format_capabilities(s, version, features->capabilities);
    ds_put_char(s, '\n');
    if (version == OFP10_VERSION && features->ofp10_actions & 0xfff) {
        ds_put_cstr(s, "actions: ");
        format_ofp10_actions(s, features->ofp10_actions);
        ds_put_char(s, '\n');
    }
}

void
ofputil_switch_features_format(struct ds *s,
                               const struct ofputil_switch_features *features)
{
    switch_features_format__(s, features->ofp10_actions ? OFP10_VERSION
                             : OFP13_VERSION, features);
}

enum ofperr
ofputil_switch_features_print(struct ds *s, const struct ofp_header *oh,
                              const struct ofputil_port_map *map)
{
    struct ofputil_switch_features features;
    struct ofpbuf b;
    enum ofperr error = ofputil_pull_switch_features(oh, &features, &b);
    if (error) {
        return error;
    }
    switch_features_format__(s, oh->version, &features);
    return ofputil_phy_ports_print(s, oh->version, &b, map);
}

/* ---- Switch configuration ---- */

const char *
ofputil_frag_handling_to_string(enum ofputil_frag_handling frag)
{
    static const char *const names[] = {
        [OFPUTIL_FRAG_NORMAL] = "normal",
        [OFPUTIL_FRAG_DROP] = "drop",
        [OFPUTIL_FRAG_REASM] = "reassemble",
        [OFPUTIL_FRAG_NX_MATCH] = "nx-match",
    };
    return frag < ARRAY_SIZE(names) ? names[frag] : "<invalid>";
}

bool
ofputil_frag_handling_from_string(const char *s,
                                  enum ofputil_frag_handling *frag)
{
    for (int i = OFPUTIL_FRAG_NORMAL; i <= OFPUTIL_FRAG_NX_MATCH; i++) {
        if (!strcasecmp(s, ofputil_frag_handling_to_string(i))) {
            *frag = i;
            return true;
        }
    }
    return false;
}

static enum ofperr
decode_switch_config(const struct ofp_header *oh,
                     struct ofputil_switch_config *config)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct ofp_switch_config *osc = b.data;
    uint16_t flags = ntohs(osc->flags);
    bool has_ttl_flag = (oh->version == OFP11_VERSION
                         || oh->version == OFP12_VERSION);
    uint16_t allowed = OFPC_FRAG_MASK
                       | (has_ttl_flag ? OFPC_INVALID_TTL_TO_CONTROLLER : 0);

    if (flags & ~allowed) {
        return OFPERR_OFPSCFC_BAD_FLAGS;
    }
    config->frag = flags & OFPC_FRAG_MASK;
    config->invalid_ttl_to_controller
        = (has_ttl_flag
           ? (flags & OFPC_INVALID_TTL_TO_CONTROLLER) != 0
           : -1);
    config->miss_send_len = ntohs(osc->miss_send_len);
    return 0;
}

enum ofperr
ofputil_decode_get_config_reply(const struct ofp_header *oh,
                                struct ofputil_switch_config *config)
{
    return decode_switch_config(oh, config);
}

enum ofperr
ofputil_decode_set_config(const struct ofp_header *oh,
                          struct ofputil_switch_config *config)
{
    return decode_switch_config(oh, config);
}

static void
put_switch_config(const struct ofputil_switch_config *config,
                  enum ofp_version version, struct ofpbuf *b)
{
    struct ofp_switch_config *osc = ofpbuf_put_zeros(b, sizeof *osc);
    uint16_t flags = config->frag;

    if (config->invalid_ttl_to_controller > 0
        && (version == OFP11_VERSION || version == OFP12_VERSION)) {
        flags |= OFPC_INVALID_TTL_TO_CONTROLLER;
    }
    osc->flags = htons(flags);
    osc->miss_send_len = htons(config->miss_send_len);
    ofpmsg_update_length(b);
}

/* Both return a new message owned by the caller. */
struct ofpbuf *
ofputil_encode_set_config(const struct ofputil_switch_config *config,
                          enum ofp_version version)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_OFPT_SET_CONFIG, version, 0);
    put_switch_config(config, version, msg);
    return msg;
}

struct ofpbuf *
ofputil_encode_get_config_reply(const struct ofp_header *request,
                                const struct ofputil_switch_config *config)
{
    struct ofpbuf *msg = ofpraw_alloc_reply(OFPRAW_OFPT_GET_CONFIG_REPLY,
                                            request, 0);
    put_switch_config(config, request->version, msg);
    return msg;
}

void
ofputil_switch_config_format(struct ds *s,
                             const struct ofputil_switch_config *config)
{
    const char *frag = ofputil_frag_handling_to_string(config->frag);

    ds_put_format(s, " frags=%s", frag);
    if (config->invalid_ttl_to_controller > 0) {
        ds_put_cstr(s, " invalid_ttl_to_controller");
    }
    ds_put_format(s, " miss_send_len=%"PRIu16, config->miss_send_len);
}

enum ofperr
ofputil_switch_config_print(struct ds *s, const struct ofp_header *oh)
{
    struct ofputil_switch_config config;
    enum ofperr error = decode_switch_config(oh, &config);
    if (!error) {
        ofputil_switch_config_format(s, &config);
    }
    return error;
}

/* ---- Description ---- */

static void
copy_field(char *dst, size_t dst_size, const char *src, size_t src_size)
{
    size_t len = strnlen(src, src_size);
    len = MIN(len, dst_size - 1);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

enum ofperr
ofputil_decode_desc_stats_reply(const struct ofp_header *oh,
                                struct ofputil_desc_stats *ds)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct ofp_desc_stats *ods = b.data;
    copy_field(ds->mfr_desc, sizeof ds->mfr_desc, ods->mfr_desc,
               sizeof ods->mfr_desc);
    copy_field(ds->hw_desc, sizeof ds->hw_desc, ods->hw_desc,
               sizeof ods->hw_desc);
    copy_field(ds->sw_desc, sizeof ds->sw_desc, ods->sw_desc,
               sizeof ods->sw_desc);
    copy_field(ds->serial_num, sizeof ds->serial_num, ods->serial_num,
               sizeof ods->serial_num);
    copy_field(ds->dp_desc, sizeof ds->dp_desc, ods->dp_desc,
               sizeof ods->dp_desc);
    return 0;
}

struct ofpbuf *
ofputil_encode_desc_stats_reply(const struct ofp_header *request,
                                const struct ofputil_desc_stats *ds)
{
    struct ofpbuf *b = ofpraw_alloc_stats_reply(request, 0);
    struct ofp_desc_stats *ods = ofpbuf_put_zeros(b, sizeof *ods);

    ovs_strlcpy(ods->mfr_desc, ds->mfr_desc, sizeof ods->mfr_desc);
    ovs_strlcpy(ods->hw_desc, ds->hw_desc, sizeof ods->hw_desc);
    ovs_strlcpy(ods->sw_desc, ds->sw_desc, sizeof ods->sw_desc);
    ovs_strlcpy(ods->serial_num, ds->serial_num, sizeof ods->serial_num);
    ovs_strlcpy(ods->dp_desc, ds->dp_desc, sizeof ods->dp_desc);
    ofpmsg_update_length(b);
    return b;
}

void
ofputil_desc_stats_format(struct ds *s, const struct ofputil_desc_stats *ds)
{
    ds_put_format(s, "\nManufacturer: %s\n", ds->mfr_desc);
    ds_put_format(s, "Hardware: %s\n", ds->hw_desc);
    ds_put_format(s, "Software: %s\n", ds->sw_desc);
    ds_put_format(s, "Serial Num: %s\n", ds->serial_num);
    ds_put_format(s, "DP Description: %s\n", ds->dp_desc);
}

enum ofperr
ofputil_desc_stats_reply_print(struct ds *s, const struct ofp_header *oh)
{
    struct ofputil_desc_stats ds;
    enum ofperr error = ofputil_decode_desc_stats_reply(oh, &ds);
    if (!error) {
        ofputil_desc_stats_format(s, &ds);
    }
    return error;
}
