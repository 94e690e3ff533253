/*
 * Packet-ins and packet-outs: encoding, decoding and printing.
 *
 * A packet-in carries part or all of a packet plus why it was sent (no
 * matching flow, an explicit controller action, ...).  OpenFlow 1.0 and
 * 1.1 give the input port as a field; 1.2 and later carry an OXM match
 * with the packet's metadata, and 1.3 adds the cookie of the flow that
 * sent it.  NXT_PACKET_IN, Open vSwitch's extension for OpenFlow 1.0
 * controllers that want the metadata, carries it as an NXM match along
 * with the table id and cookie.
 *
 * A packet-out goes the other way: a controller asks the switch to run
 * actions on a packet, either one it gives in full or one the switch
 * buffered.  Before OpenFlow 1.5 the input port is a field; 1.5 replaces
 * it by an OXM match that may hold other pipeline fields (registers,
 * metadata) as well.
 *
 * The printed forms follow Open vSwitch's: the header fields, then the
 * packet itself summarized as the flow it belongs to.
 */

#include <config.h>
#include "ofp-packet.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "dp-packet.h"
#include "flow.h"
#include "meta-flow.h"
#include "nx-match.h"
#include "ofp-actions.h"
#include "ofp-flow.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "openflow/nicira-ext.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-1.2.h"
#include "openflow/openflow-1.3.h"
#include "openflow/openflow-1.5.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "packets.h"

VLOG_DEFINE_THIS_MODULE(ofp_packet);

static struct vlog_rate_limit packet_rl = VLOG_RATE_LIMIT_INIT(1, 5);

static const char *const reason_names[] = {
    [OFPR_NO_MATCH] = "no_match",
    [OFPR_ACTION] = "action",
    [OFPR_INVALID_TTL] = "invalid_ttl",
    [OFPR_ACTION_SET] = "action_set",
    [OFPR_GROUP] = "group",
    [OFPR_PACKET_OUT] = "packet_out",
};

const char *
ofputil_packet_in_reason_to_string(uint8_t reason, char *buf,
                                   size_t bufsize)
{
    if (reason < ARRAY_SIZE(reason_names) && reason_names[reason]) {
        return reason_names[reason];
    }
    snprintf(buf, bufsize, "%"PRIu8, reason);
    return buf;
}

bool
ofputil_packet_in_reason_from_string(const char *s, uint8_t *reason)
{
    for (size_t i = 0; i < ARRAY_SIZE(reason_names); i++) {
        if (reason_names[i] && !strcmp(s, reason_names[i])) {
            *reason = i;
            return true;
        }
    }
    return false;
}

/* Pulls the metadata match of an OpenFlow 1.2+ packet-in (or, if 'nxm',
 * an NXT_PACKET_IN's 'match_len' bytes of NXM) and the two bytes of
 * padding after it from 'b'. */
static enum ofperr
pull_packet_in_match(struct ofpbuf *b, bool nxm, unsigned int match_len,
                     struct match *metadata)
{
    /* Unknown metadata fields are skipped rather than fatal. */
    enum ofperr error = (nxm
                         ? nx_pull_match_loose(b, match_len, metadata,
                                               NULL, NULL)
                         : oxm_pull_match_loose(b, metadata));
    if (error) {
        return error;
    }
    /* Two bytes of padding align the packet's IP header. */
    return ofpbuf_try_pull(b, 2) ? 0 : OFPERR_OFPBRC_BAD_LEN;
}

enum ofperr
ofputil_decode_packet_in(struct ofputil_packet_in *pin,
                         const struct ofp_header *oh)
{
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    memset(pin, 0, sizeof *pin);
    match_init_catchall(&pin->flow_metadata);
    pin->table_id = 0xff;
    pin->cookie = OVS_BE64_MAX;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &b);
    if (error) {
        return error;
    }

    if (raw == OFPRAW_OFPT10_PACKET_IN) {
        const struct ofp10_packet_in *opi = ofpbuf_try_pull(
            &b, OFP10_PACKET_IN_SIZE);
        if (!opi) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        match_set_in_port(&pin->flow_metadata,
                          u16_to_ofp(ntohs(opi->in_port)));
        pin->reason = opi->reason;
        pin->total_len = ntohs(opi->total_len);
        pin->buffer_id = ntohl(opi->buffer_id);
    } else if (raw == OFPRAW_OFPT11_PACKET_IN) {
        const struct ofp11_packet_in *opi = ofpbuf_try_pull(&b, sizeof *opi);
        ofp_port_t in_port;

        if (!opi) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        error = ofputil_port_from_ofp11(opi->in_port, &in_port);
        if (error) {
            return error;
        }
        match_set_in_port(&pin->flow_metadata, in_port);
        pin->reason = opi->reason;
        pin->table_id = opi->table_id;
        pin->total_len = ntohs(opi->total_len);
        pin->buffer_id = ntohl(opi->buffer_id);
    } else if (raw == OFPRAW_OFPT12_PACKET_IN
               || raw == OFPRAW_OFPT13_PACKET_IN) {
        const struct ofp12_packet_in *opi = ofpbuf_try_pull(&b, sizeof *opi);
        if (!opi) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        if (raw == OFPRAW_OFPT13_PACKET_IN) {
            const ovs_be64 *cookie = ofpbuf_try_pull(&b, sizeof *cookie);
            if (!cookie) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
            pin->cookie = *cookie;
        }
        error = pull_packet_in_match(&b, false, 0, &pin->flow_metadata);
        if (error) {
            return error;
        }
        pin->reason = opi->reason;
        pin->table_id = opi->table_id;
        pin->total_len = ntohs(opi->total_len);
        pin->buffer_id = ntohl(opi->buffer_id);
    } else if (raw == OFPRAW_NXT_PACKET_IN) {
        const struct nx_packet_in *npi = ofpbuf_try_pull(&b, sizeof *npi);
        if (!npi) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        error = pull_packet_in_match(&b, true, ntohs(npi->match_len),
                                     &pin->flow_metadata);
        if (error) {
            return error;
        }
        pin->reason = npi->reason;
        pin->table_id = npi->table_id;
        pin->cookie = npi->cookie;
        pin->total_len = ntohs(npi->total_len);
        pin->buffer_id = ntohl(npi->buffer_id);
    } else {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    pin->packet = b.data;
    pin->packet_len = b.size;
    return 0;
}

/* Reasons that OpenFlow 1.4 added are "action" to older controllers. */
static uint8_t
packet_in_reason_for_version(uint8_t reason, enum ofp_version version)
{
    if (version < OFP14_VERSION
        && (reason == OFPR_ACTION_SET || reason == OFPR_GROUP
            || reason == OFPR_PACKET_OUT)) {
        return OFPR_ACTION;
    }
    return reason;
}

/* Returns 'pin' as NXT_PACKET_IN: its header, the metadata as NXM, two
 * bytes of padding, the packet. */
static struct ofpbuf *
encode_nxt_packet_in(const struct ofputil_packet_in *pin,
                     enum ofp_version version)
{
    struct ofpbuf *msg = ofpraw_alloc_xid(OFPRAW_NXT_PACKET_IN, version,
                                          htonl(0), pin->packet_len + 128);
    struct nx_packet_in *npi = ofpbuf_put_zeros(msg, sizeof *npi);
    size_t npi_ofs = (uint8_t *) npi - (uint8_t *) msg->data;

    npi->buffer_id = htonl(pin->buffer_id);
    npi->total_len = htons(pin->total_len);
    npi->reason = packet_in_reason_for_version(pin->reason, version);
    npi->table_id = pin->table_id;
    npi->cookie = pin->cookie;

    int match_len = nx_put_match(msg, &pin->flow_metadata, 0, 0);
    npi = ofpbuf_at_assert(msg, npi_ofs, sizeof *npi);
    npi->match_len = htons(match_len);
    return msg;
}

struct ofpbuf *
ofputil_encode_packet_in(const struct ofputil_packet_in *pin,
                         enum ofputil_protocol protocol,
                         enum ofputil_packet_in_format format)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    uint8_t reason = packet_in_reason_for_version(pin->reason, version);
    ofp_port_t in_port = pin->flow_metadata.flow.in_port.ofp_port;
    struct ofpbuf *msg;

    if (format != OFPUTIL_PACKET_IN_STD) {
        /* NXT_PACKET_IN2 is not implemented; NXT_PACKET_IN carries the
         * same information but the continuation. */
        msg = encode_nxt_packet_in(pin, version);
    } else if (version == OFP10_VERSION) {
        struct ofp10_packet_in *opi;

        msg = ofpraw_alloc_xid(OFPRAW_OFPT10_PACKET_IN, version, htonl(0),
                               pin->packet_len + OFP10_PACKET_IN_SIZE);
        opi = ofpbuf_put_zeros(msg, OFP10_PACKET_IN_SIZE);
        opi->buffer_id = htonl(pin->buffer_id);
        opi->total_len = htons(pin->total_len);
        opi->in_port = htons(ofp_to_u16(in_port));
        opi->reason = reason;
    } else if (version == OFP11_VERSION) {
        struct ofp11_packet_in *opi;

        msg = ofpraw_alloc_xid(OFPRAW_OFPT11_PACKET_IN, version, htonl(0),
                               pin->packet_len);
        opi = ofpbuf_put_zeros(msg, sizeof *opi);
        opi->buffer_id = htonl(pin->buffer_id);
        opi->in_port = ofputil_port_to_ofp11(in_port);
        opi->in_phy_port = opi->in_port;
        opi->total_len = htons(pin->total_len);
        opi->reason = reason;
        opi->table_id = pin->table_id;
    } else {
        bool has_cookie = version >= OFP13_VERSION;
        struct ofp12_packet_in *opi;

        msg = ofpraw_alloc_xid(has_cookie ? OFPRAW_OFPT13_PACKET_IN
                               : OFPRAW_OFPT12_PACKET_IN, version, htonl(0),
                               pin->packet_len + 128);
        opi = ofpbuf_put_zeros(msg, sizeof *opi);
        opi->buffer_id = htonl(pin->buffer_id);
        opi->total_len = htons(pin->total_len);
        opi->reason = reason;
        opi->table_id = pin->table_id;
        if (has_cookie) {
            ofpbuf_put(msg, &pin->cookie, sizeof pin->cookie);
        }
        oxm_put_match(msg, &pin->flow_metadata, version);
    }

    if (version >= OFP12_VERSION || format != OFPUTIL_PACKET_IN_STD) {
        ofpbuf_put_zeros(msg, 2);
    }
    ofpbuf_put(msg, pin->packet, pin->packet_len);
    ofpmsg_update_length(msg);
    return msg;
}

/* flow_format() always shows the input port, which a bare packet does not
 * have; the flow was extracted with in_port 0, so drop that item. */
static void
remove_in_port(struct ds *s)
{
    static const char item[] = "in_port=0";
    size_t item_len = strlen(item);
    char *str = ds_cstr(s);
    char *p = strstr(str, item);

    if (p && (p == str || p[-1] == ',')
        && (p[item_len] == ',' || p[item_len] == '\0')) {
        size_t start = p - str;
        size_t n = item_len + (p[item_len] == ',');
        if (!p[item_len] && start) {
            start--;            /* Last item: drop the comma before it. */
            n++;
        }
        memmove(str + start, str + start + n, s->length - start - n + 1);
        s->length -= n;
    }
}

char *
ofp_packet_to_string(const void *data, size_t len)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct dp_packet *packet = dp_packet_new(len);
    struct flow flow;

    dp_packet_put(packet, data, len);
    packet->md.in_port.ofp_port = OFP_PORT_C(0);
    flow_extract(packet, &flow);
    flow_format(&s, &flow);
    remove_in_port(&s);

    /* The checksum is not part of the flow but helps when comparing
     * packets.  Each is printed in hex without leading zeros. */
    const uint8_t *l4 = dp_packet_l4(packet);
    size_t l4_size = l4 ? dp_packet_l4_size(packet) : 0;
    static const struct {
        uint8_t proto;
        const char *name;
        size_t header_len;      /* Smallest header that has a checksum. */
        size_t csum_ofs;
        size_t csum_len;        /* 2 or 4 bytes. */
    } csums[] = {
        { IPPROTO_TCP, "tcp", 20, 16, 2 },
        { IPPROTO_UDP, "udp", 8, 6, 2 },
        { IPPROTO_SCTP, "sctp", 12, 8, 4 },
        { IPPROTO_ICMP, "icmp", 8, 2, 2 },
        { IPPROTO_ICMPV6, "icmp6", 4, 2, 2 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(csums); i++) {
        if (flow.nw_proto == csums[i].proto
            && l4_size >= csums[i].header_len) {
            const uint8_t *c = l4 + csums[i].csum_ofs;
            uint32_t csum = 0;
            for (size_t j = 0; j < csums[i].csum_len; j++) {
                csum = (csum << 8) | c[j];
            }
            ds_put_format(&s, " %s_csum:%"PRIx32, csums[i].name, csum);
            break;
        }
    }
    dp_packet_delete(packet);
    return ds_steal_cstr(&s);
}

enum ofperr
ofputil_packet_in_print(struct ds *s, const struct ofp_header *oh,
                        const struct ofputil_port_map *port_map,
                        int verbosity OVS_UNUSED)
{
    struct ofputil_packet_in pin;
    enum ofperr error = ofputil_decode_packet_in(&pin, oh);
    char reasonbuf[16];

    if (error) {
        return error;
    }
    if (pin.table_id != 0 && pin.table_id != 0xff) {
        ds_put_format(s, " table_id=%"PRIu8, pin.table_id);
    }
    if (pin.cookie != OVS_BE64_MAX) {
        ds_put_format(s, " cookie=0x%"PRIx64, ntohll(pin.cookie));
    }
    ds_put_format(s, " total_len=%zu ", pin.total_len);
    match_format(&pin.flow_metadata, port_map, s, 0x8000);
    ds_put_format(s, " (via %s)",
                  ofputil_packet_in_reason_to_string(pin.reason, reasonbuf,
                                                     sizeof reasonbuf));
    ds_put_format(s, " data_len=%zu", pin.packet_len);
    if (pin.buffer_id == UINT32_MAX) {
        ds_put_cstr(s, " (unbuffered)");
        if (pin.total_len != pin.packet_len) {
            /* Without a buffer the whole packet should be here. */
            ds_put_cstr(s, " (***total_len != data_len***)");
        }
    } else {
        ds_put_format(s, " buffer=0x%08"PRIx32, pin.buffer_id);
    }
    ds_put_char(s, '\n');
    if (pin.packet_len) {
        char *text = ofp_packet_to_string(pin.packet, pin.packet_len);
        ds_put_format(s, "%s\n", text);
        free(text);
    }
    return 0;
}

/* ---- Packet-outs ---- */

/* Open vSwitch accepts a packet-out from any physical port or from the
 * switch itself, the controller, or no port at all. */
static bool
is_packet_out_in_port(ofp_port_t port)
{
    return (ofp_to_u16(port) < ofp_to_u16(OFPP_MAX)
            || port == OFPP_LOCAL
            || port == OFPP_CONTROLLER
            || port == OFPP_NONE);
}

/* Decodes the part of packet-out 'raw' that comes before its actions,
 * leaving 'b' at the actions.  Stores the length of the actions in
 * '*actions_len'. */
static enum ofperr
pull_packet_out_header(enum ofpraw raw, struct ofpbuf *b,
                       struct ofputil_packet_out *po,
                       unsigned int *actions_len)
{
    if (raw == OFPRAW_OFPT10_PACKET_OUT) {
        const struct ofp10_packet_out *opo = ofpbuf_try_pull(b, sizeof *opo);
        if (!opo) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        po->buffer_id = ntohl(opo->buffer_id);
        match_set_in_port(&po->flow_metadata,
                          u16_to_ofp(ntohs(opo->in_port)));
        *actions_len = ntohs(opo->actions_len);
    } else if (raw == OFPRAW_OFPT11_PACKET_OUT) {
        const struct ofp11_packet_out *opo = ofpbuf_try_pull(b, sizeof *opo);
        ofp_port_t in_port;

        if (!opo) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        enum ofperr error = ofputil_port_from_ofp11(opo->in_port, &in_port);
        if (error) {
            return error;
        }
        po->buffer_id = ntohl(opo->buffer_id);
        match_set_in_port(&po->flow_metadata, in_port);
        *actions_len = ntohs(opo->actions_len);
    } else if (raw == OFPRAW_OFPT15_PACKET_OUT) {
        const struct ofp15_packet_out *opo = ofpbuf_try_pull(b, sizeof *opo);
        if (!opo) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        enum ofperr error = oxm_pull_match_loose(b, &po->flow_metadata);
        if (error) {
            return error;
        }
        if (!po->flow_metadata.wc.masks.in_port.ofp_port) {
            /* OpenFlow 1.5 requires the input port in the match. */
            return OFPERR_OFPBRC_BAD_PORT;
        }
        po->buffer_id = ntohl(opo->buffer_id);
        *actions_len = ntohs(opo->actions_len);
    } else {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    return 0;
}

enum ofperr
ofputil_decode_packet_out(struct ofputil_packet_out *po,
                          const struct ofp_header *oh,
                          struct ofpbuf *ofpacts)
{
    unsigned int actions_len;
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    memset(po, 0, sizeof *po);
    match_init_catchall(&po->flow_metadata);
    ofpbuf_clear(ofpacts);

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &b);
    if (!error) {
        error = pull_packet_out_header(raw, &b, po, &actions_len);
    }
    if (!error) {
        error = ofpacts_pull_openflow_actions(&b, actions_len, oh->version,
                                              NULL, NULL, ofpacts);
    }
    if (error) {
        return error;
    }

    ofp_port_t in_port = po->flow_metadata.flow.in_port.ofp_port;
    if (!is_packet_out_in_port(in_port)) {
        VLOG_WARN_RL(&packet_rl, "packet-out has bad input port %#"PRIx32,
                     ofp_to_u16(in_port));
        return OFPERR_OFPBRC_BAD_PORT;
    }

    po->ofpacts = ofpacts->data;
    po->ofpacts_len = ofpacts->size;
    if (po->buffer_id == UINT32_MAX) {
        /* A buffered packet-out's trailing bytes, if any, mean nothing. */
        po->packet = b.data;
        po->packet_len = b.size;
    }
    return 0;
}

/* Returns 'po' as a packet-out for a connection that speaks 'protocol'.
 * The packet is included only when 'po' is not buffered.  The caller owns
 * the result. */
struct ofpbuf *
ofputil_encode_packet_out(const struct ofputil_packet_out *po,
                          enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    ofp_port_t in_port = po->flow_metadata.flow.in_port.ofp_port;
    size_t packet_len = po->buffer_id == UINT32_MAX ? po->packet_len : 0;
    size_t extra = packet_len + 2 * po->ofpacts_len + 128;
    struct ofpbuf *msg;
    size_t actions_ofs, len_ofs;

    if (version == OFP10_VERSION) {
        struct ofp10_packet_out *opo;

        msg = ofpraw_alloc(OFPRAW_OFPT10_PACKET_OUT, version, extra);
        opo = ofpbuf_put_zeros(msg, sizeof *opo);
        opo->buffer_id = htonl(po->buffer_id);
        opo->in_port = htons(ofp_to_u16(in_port));
        len_ofs = (uint8_t *) &opo->actions_len - (uint8_t *) msg->data;
    } else if (version < OFP15_VERSION) {
        struct ofp11_packet_out *opo;

        msg = ofpraw_alloc(OFPRAW_OFPT11_PACKET_OUT, version, extra);
        opo = ofpbuf_put_zeros(msg, sizeof *opo);
        opo->buffer_id = htonl(po->buffer_id);
        opo->in_port = ofputil_port_to_ofp11(in_port);
        len_ofs = (uint8_t *) &opo->actions_len - (uint8_t *) msg->data;
    } else {
        struct ofp15_packet_out *opo;

        msg = ofpraw_alloc(OFPRAW_OFPT15_PACKET_OUT, version, extra);
        opo = ofpbuf_put_zeros(msg, sizeof *opo);
        opo->buffer_id = htonl(po->buffer_id);
        len_ofs = (uint8_t *) &opo->actions_len - (uint8_t *) msg->data;
        oxm_put_match(msg, &po->flow_metadata, version);
    }

    actions_ofs = msg->size;
    ofpacts_put_openflow_actions(po->ofpacts, po->ofpacts_len, msg, version);
    ovs_be16 actions_len = htons(msg->size - actions_ofs);
    memcpy((uint8_t *) msg->data + len_ofs, &actions_len,
           sizeof actions_len);

    ofpbuf_put(msg, po->packet, packet_len);
    ofpmsg_update_length(msg);
    return msg;
}

/* Appends 'po' in ovs-ofctl's printed form. */
static void
packet_out_format(struct ds *s, const struct ofputil_packet_out *po,
                  const struct ofputil_port_map *port_map, int verbosity)
{
    ds_put_char(s, ' ');
    match_format(&po->flow_metadata, port_map, s, OFPUTIL_DEFAULT_PRIORITY);

    ds_put_cstr(s, " actions=");
    if (po->ofpacts_len) {
        ofpacts_format(po->ofpacts, po->ofpacts_len, port_map, s);
    } else {
        ds_put_cstr(s, "drop");
    }

    if (po->buffer_id != UINT32_MAX) {
        ds_put_format(s, " buffer=0x%08"PRIx32, po->buffer_id);
        return;
    }
    ds_put_format(s, " data_len=%zu", po->packet_len);
    if (verbosity > 0 && po->packet_len) {
        char *text = ofp_packet_to_string(po->packet, po->packet_len);
        ds_put_format(s, "\n%s\n", text);
        free(text);
    }
    if (verbosity > 2) {
        ds_put_hex_dump(s, po->packet, po->packet_len, 0, false);
    }
}

enum ofperr
ofputil_packet_out_print(struct ds *s, const struct ofp_header *oh,
                         const struct ofputil_port_map *port_map,
                         int verbosity)
{
    struct ofputil_packet_out po;
    struct ofpbuf ofpacts;

    ofpbuf_init(&ofpacts, 64);
    enum ofperr error = ofputil_decode_packet_out(&po, oh, &ofpacts);
    if (!error) {
        packet_out_format(s, &po, port_map, verbosity);
    }
    ofpbuf_uninit(&ofpacts);
    return error;
}

/* ---- Packet-out text ---- */

/* Cuts the "actions=..." part, which runs to the end, off 'string' and
 * returns what follows "actions=", or NULL if there is none. */
static char *
cut_actions(char *string)
{
    for (char *p = strstr(string, "actions"); p; p = strstr(p + 1,
                                                            "actions")) {
        bool starts_item = p == string || strchr(", \t\r\n", p[-1]);
        char *q = p + strlen("actions");

        q += strspn(q, " \t");
        if (starts_item && (*q == '=' || *q == ':')) {
            *p = '\0';
            return q + 1;
        }
    }
    return NULL;
}

/* Splits the next "KEY=VALUE" (or "KEY:VALUE", or a bare "KEY") off the
 * list at '*sp', which is modified.  '*valuep' is NULL for a bare key.
 * Returns false at the end of the list. */
static bool
next_key_value(char **sp, char **keyp, char **valuep)
{
    static const char delims[] = ", \t\r\n";
    char *p = *sp + strspn(*sp, delims);

    if (!*p) {
        *sp = p;
        return false;
    }
    *keyp = p;
    p += strcspn(p, "=:, \t\r\n");
    if (*p == '=' || *p == ':') {
        *p++ = '\0';
        *valuep = p;
        p += strcspn(p, delims);
    } else {
        *valuep = NULL;
    }
    if (*p) {
        *p++ = '\0';
    }
    *sp = p;
    return true;
}

/* Parses 'hex' as an Ethernet frame into a new malloc()'d buffer. */
static char *
packet_from_hex(const char *hex, uint8_t **datap, size_t *lenp)
{
    struct ofpbuf b;

    ofpbuf_init(&b, strlen(hex) / 2);
    if (*ofpbuf_put_hex(&b, hex, NULL) != '\0') {
        ofpbuf_uninit(&b);
        return xstrdup("packet: Trailing garbage in packet data");
    } else if (b.size < ETH_HEADER_LEN) {
        ofpbuf_uninit(&b);
        return xstrdup("packet: Packet data too short for Ethernet");
    }
    *lenp = b.size;
    *datap = ofpbuf_steal_data(&b);
    return NULL;
}

/* Fields that a packet-out may set besides in_port: the ones that live
 * only in the pipeline. */
static bool
is_pipeline_field(const struct mf_field *mf)
{
    return (mf->id == MFF_METADATA
            || (mf->id >= MFF_REG0 && mf->id < MFF_REG0 + FLOW_N_REGS)
            || (mf->id >= MFF_XREG0 && mf->id < MFF_XREG0 + FLOW_N_XREGS));
}

static char * OVS_WARN_UNUSED_RESULT
parse_packet_out_item(struct ofputil_packet_out *po, const char *key,
                      const char *value,
                      const struct ofputil_port_map *port_map,
                      enum ofputil_protocol *usable, uint8_t **packet)
{
    if (!value || !*value) {
        return xasprintf("field %s missing value", key);
    }

    if (!strcmp(key, "in_port")) {
        ofp_port_t in_port;

        if (!ofputil_port_from_string(value, port_map, &in_port)) {
            return xasprintf("%s is not a valid OpenFlow port", value);
        }
        /* OFPP_MAX itself gets through here, as in Open vSwitch, though
         * the switch will reject it. */
        if (ofp_to_u16(in_port) > ofp_to_u16(OFPP_MAX)
            && !is_packet_out_in_port(in_port)) {
            return xasprintf("%s is not a valid OpenFlow port for "
                             "PACKET_OUT", value);
        }
        match_set_in_port(&po->flow_metadata, in_port);
    } else if (!strcmp(key, "packet")) {
        uint8_t *data = NULL;
        size_t len = 0;
        char *error = packet_from_hex(value, &data, &len);
        if (error) {
            return error;
        }
        free(*packet);
        *packet = data;
        po->packet_len = len;
    } else {
        const struct mf_field *mf = mf_from_name(key);
        if (!mf) {
            return xasprintf("unknown keyword %s", key);
        }
        char *error = ofputil_parse_match_item(&po->flow_metadata, key,
                                               value, port_map, usable);
        if (error) {
            return error;
        }
        if (!is_pipeline_field(mf)) {
            return xasprintf("%s is not a valid pipeline field for "
                             "PACKET_OUT", key);
        }
    }
    return NULL;
}

/* Parses 'str' in ovs-ofctl's packet-out syntax, "in_port=PORT
 * packet=HEX [FIELD=VALUE...] actions=ACTIONS", into 'po': the input port
 * defaults to CONTROLLER, the packet is required, no actions means drop.
 * '*usable_protocols' is set to the protocols that can carry it.  Returns
 * NULL on success, after which the caller must free() 'po->packet' and
 * 'po->ofpacts', otherwise a malloc()'d error message (and 'po' holds
 * nothing to free). */
char *
parse_ofp_packet_out_str(struct ofputil_packet_out *po, const char *str,
                         const struct ofputil_port_map *port_map,
                         enum ofputil_protocol *usable_protocols)
{
    char *copy = xstrdup(str);
    char *act_str = cut_actions(copy);
    enum ofputil_protocol usable = OFPUTIL_P_ANY;
    struct ofpbuf ofpacts;
    uint8_t *packet = NULL;
    char *error = NULL;
    char *pos, *key, *value;

    memset(po, 0, sizeof *po);
    po->buffer_id = UINT32_MAX;
    match_init_catchall(&po->flow_metadata);
    match_set_in_port(&po->flow_metadata, OFPP_CONTROLLER);
    ofpbuf_init(&ofpacts, 64);

    pos = copy;
    while (!error && next_key_value(&pos, &key, &value)) {
        error = parse_packet_out_item(po, key, value, port_map, &usable,
                                      &packet);
    }
    if (!error && !packet) {
        error = xstrdup("must specify packet");
    }
    if (!error && act_str) {
        enum ofputil_protocol action_usable = OFPUTIL_P_ANY;
        error = ofpacts_parse_actions(act_str, port_map, &ofpacts,
                                      &action_usable);
        usable &= action_usable;
    }

    free(copy);
    if (error) {
        free(packet);
        ofpbuf_uninit(&ofpacts);
        memset(po, 0, sizeof *po);
        match_init_catchall(&po->flow_metadata);
        return error;
    }
    po->packet = packet;
    po->ofpacts_len = ofpacts.size;
    po->ofpacts = ofpbuf_steal_data(&ofpacts);
    *usable_protocols = usable;
    return NULL;
}
