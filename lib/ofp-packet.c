/*
 * Packet-ins: decoding and printing.
 *
 * A packet-in carries part or all of a packet plus why it was sent (no
 * matching flow, an explicit controller action, ...).  OpenFlow 1.0 gives
 * the input port as a field; 1.2 and later carry an OXM match with the
 * packet's metadata, and 1.3 adds the cookie of the flow that sent it.
 * The printed form shows the header fields, then the packet itself
 * summarized as the flow it belongs to.
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
#include "nx-match.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.2.h"
#include "openflow/openflow-1.3.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "packets.h"

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
        /* Unknown metadata fields are skipped rather than fatal. */
        error = oxm_pull_match_loose(&b, &pin->flow_metadata);
        if (error) {
            return error;
        }
        /* Two bytes of padding align the packet's IP header. */
        if (!ofpbuf_try_pull(&b, 2)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        pin->reason = opi->reason;
        pin->table_id = opi->table_id;
        pin->total_len = ntohs(opi->total_len);
        pin->buffer_id = ntohl(opi->buffer_id);
    } else {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    pin->packet = b.data;
    pin->packet_len = b.size;
    return 0;
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
     * packets. */
    const uint8_t *l4 = dp_packet_l4(packet);
    size_t l4_size = l4 ? dp_packet_l4_size(packet) : 0;
    if (flow.nw_proto == IPPROTO_TCP && l4_size >= 18) {
        ds_put_format(&s, " tcp_csum:%02x%02x", l4[16], l4[17]);
    } else if (flow.nw_proto == IPPROTO_UDP && l4_size >= 8) {
        ds_put_format(&s, " udp_csum:%02x%02x", l4[6], l4[7]);
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
