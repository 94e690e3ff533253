/*
 * Printing OpenFlow messages.
 *
 * The printed form is an interface: people and scripts read and grep it,
 * and the test suite compares it byte for byte.  It follows Open
 * vSwitch's: a header line with the message name, the version when it is
 * not 1.0 and the transaction id, then a message-specific body.  Messages
 * that cannot be decoded print as "***decode error: NAME***" followed by a
 * hex dump, so that a bad message is still visible.
 *
 * Each message type's body printer lives with the code that decodes the
 * message (lib/ofp-port.c, lib/ofp-switch.c, ...); the table below maps
 * types to printers, so adding a message means adding one row here.
 */

#include <config.h>
#include "ofp-print.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-port.h"
#include "ofp-switch.h"
#include "ofp-table-stats.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"

/* ---- Printers of the simplest messages, kept here ---- */

static enum ofperr
print_nothing(struct ds *s OVS_UNUSED, const struct ofp_header *oh OVS_UNUSED,
              const struct ofputil_port_map *map OVS_UNUSED,
              int verbosity OVS_UNUSED)
{
    return 0;
}

static enum ofperr
print_hello(struct ds *s, const struct ofp_header *oh,
            const struct ofputil_port_map *map OVS_UNUSED,
            int verbosity OVS_UNUSED)
{
    ofputil_hello_format(s, oh);
    return 0;
}

static enum ofperr
print_echo(struct ds *s, const struct ofp_header *oh,
           const struct ofputil_port_map *map OVS_UNUSED, int verbosity)
{
    size_t len = ntohs(oh->length) - sizeof *oh;

    ds_put_format(s, " %zu bytes of payload\n", len);
    if (verbosity > 1) {
        ds_put_hex_dump(s, oh + 1, len, 0, true);
    }
    return 0;
}

static enum ofperr
print_error_msg(struct ds *s, const struct ofp_header *oh,
                const struct ofputil_port_map *map,
                int verbosity OVS_UNUSED)
{
    struct ofpbuf payload;
    enum ofperr error = ofperr_decode_msg(oh, &payload);

    if (!error) {
        /* Malformed, or an error code unknown to us. */
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ds_put_format(s, " %s\n", ofperr_get_name(error));
    if (error == OFPERR_OFPHFC_INCOMPATIBLE || error == OFPERR_OFPHFC_EPERM) {
        ds_put_printable(s, payload.data, payload.size);
    } else {
        char *inner = ofp_to_string(payload.data, payload.size, map, 1);
        ds_put_cstr(s, inner);
        free(inner);
    }
    return 0;
}

/* Adapters for printers that do not need every argument. */

static enum ofperr
print_features_reply(struct ds *s, const struct ofp_header *oh,
                     const struct ofputil_port_map *map,
                     int verbosity OVS_UNUSED)
{
    return ofputil_switch_features_print(s, oh, map);
}

static enum ofperr
print_switch_config(struct ds *s, const struct ofp_header *oh,
                    const struct ofputil_port_map *map OVS_UNUSED,
                    int verbosity OVS_UNUSED)
{
    return ofputil_switch_config_print(s, oh);
}

static enum ofperr
print_port_status(struct ds *s, const struct ofp_header *oh,
                  const struct ofputil_port_map *map,
                  int verbosity OVS_UNUSED)
{
    return ofputil_port_status_print(s, oh, map);
}

static enum ofperr
print_port_mod(struct ds *s, const struct ofp_header *oh,
               const struct ofputil_port_map *map, int verbosity OVS_UNUSED)
{
    return ofputil_port_mod_print(s, oh, map);
}

static enum ofperr
print_role(struct ds *s, const struct ofp_header *oh,
           const struct ofputil_port_map *map OVS_UNUSED,
           int verbosity OVS_UNUSED)
{
    return ofputil_role_print(s, oh);
}

static enum ofperr
print_async_config(struct ds *s, const struct ofp_header *oh,
                   const struct ofputil_port_map *map OVS_UNUSED,
                   int verbosity OVS_UNUSED)
{
    return ofputil_async_config_print(s, oh);
}

static enum ofperr
print_set_flow_format(struct ds *s, const struct ofp_header *oh,
                      const struct ofputil_port_map *map OVS_UNUSED,
                      int verbosity OVS_UNUSED)
{
    return ofputil_set_flow_format_print(s, oh);
}

static enum ofperr
print_flow_mod_table_id(struct ds *s, const struct ofp_header *oh,
                        const struct ofputil_port_map *map OVS_UNUSED,
                        int verbosity OVS_UNUSED)
{
    return ofputil_flow_mod_table_id_print(s, oh);
}

static enum ofperr
print_packet_in_format(struct ds *s, const struct ofp_header *oh,
                       const struct ofputil_port_map *map OVS_UNUSED,
                       int verbosity OVS_UNUSED)
{
    return ofputil_set_packet_in_format_print(s, oh);
}

static enum ofperr
print_controller_id(struct ds *s, const struct ofp_header *oh,
                    const struct ofputil_port_map *map OVS_UNUSED,
                    int verbosity OVS_UNUSED)
{
    return ofputil_set_controller_id_print(s, oh);
}

static enum ofperr
print_desc_reply(struct ds *s, const struct ofp_header *oh,
                 const struct ofputil_port_map *map OVS_UNUSED,
                 int verbosity OVS_UNUSED)
{
    return ofputil_desc_stats_reply_print(s, oh);
}

static enum ofperr
print_aggregate_reply(struct ds *s, const struct ofp_header *oh,
                      const struct ofputil_port_map *map OVS_UNUSED,
                      int verbosity OVS_UNUSED)
{
    return ofputil_aggregate_stats_reply_print(s, oh);
}

static enum ofperr
print_table_reply(struct ds *s, const struct ofp_header *oh,
                  const struct ofputil_port_map *map OVS_UNUSED,
                  int verbosity)
{
    return ofputil_table_stats_reply_print(s, oh, verbosity);
}

static enum ofperr
print_port_stats_request(struct ds *s, const struct ofp_header *oh,
                         const struct ofputil_port_map *map,
                         int verbosity OVS_UNUSED)
{
    return ofputil_port_stats_request_print(s, oh, map);
}

static enum ofperr
print_port_desc_request(struct ds *s, const struct ofp_header *oh,
                        const struct ofputil_port_map *map,
                        int verbosity OVS_UNUSED)
{
    return ofputil_port_desc_request_print(s, oh, map);
}

static enum ofperr
print_port_desc_reply(struct ds *s, const struct ofp_header *oh,
                      const struct ofputil_port_map *map,
                      int verbosity OVS_UNUSED)
{
    return ofputil_port_desc_reply_print(s, oh, map);
}

/* The dispatch table.  Types without a row print only their header
 * line. */
static const struct {
    enum ofptype type;
    ofp_print_func *print;
} printers[] = {
    { OFPTYPE_HELLO, print_hello },
    { OFPTYPE_ERROR, print_error_msg },
    { OFPTYPE_ECHO_REQUEST, print_echo },
    { OFPTYPE_ECHO_REPLY, print_echo },
    { OFPTYPE_FEATURES_REQUEST, print_nothing },
    { OFPTYPE_FEATURES_REPLY, print_features_reply },
    { OFPTYPE_GET_CONFIG_REQUEST, print_nothing },
    { OFPTYPE_GET_CONFIG_REPLY, print_switch_config },
    { OFPTYPE_SET_CONFIG, print_switch_config },
    { OFPTYPE_PORT_STATUS, print_port_status },
    { OFPTYPE_PORT_MOD, print_port_mod },
    { OFPTYPE_BARRIER_REQUEST, print_nothing },
    { OFPTYPE_BARRIER_REPLY, print_nothing },
    { OFPTYPE_ROLE_REQUEST, print_role },
    { OFPTYPE_ROLE_REPLY, print_role },
    { OFPTYPE_GET_ASYNC_REQUEST, print_nothing },
    { OFPTYPE_GET_ASYNC_REPLY, print_async_config },
    { OFPTYPE_SET_ASYNC_CONFIG, print_async_config },
    { OFPTYPE_SET_FLOW_FORMAT, print_set_flow_format },
    { OFPTYPE_FLOW_MOD_TABLE_ID, print_flow_mod_table_id },
    { OFPTYPE_SET_PACKET_IN_FORMAT, print_packet_in_format },
    { OFPTYPE_FLOW_AGE, print_nothing },
    { OFPTYPE_SET_CONTROLLER_ID, print_controller_id },
    { OFPTYPE_DESC_STATS_REQUEST, print_nothing },
    { OFPTYPE_DESC_STATS_REPLY, print_desc_reply },
    { OFPTYPE_AGGREGATE_STATS_REPLY, print_aggregate_reply },
    { OFPTYPE_TABLE_STATS_REQUEST, print_nothing },
    { OFPTYPE_TABLE_STATS_REPLY, print_table_reply },
    { OFPTYPE_PORT_STATS_REQUEST, print_port_stats_request },
    { OFPTYPE_PORT_STATS_REPLY, ofputil_port_stats_reply_print },
    { OFPTYPE_PORT_DESC_STATS_REQUEST, print_port_desc_request },
    { OFPTYPE_PORT_DESC_STATS_REPLY, print_port_desc_reply },
    { OFPTYPE_FLOW_MOD, ofputil_flow_mod_print },
    { OFPTYPE_FLOW_STATS_REQUEST, ofputil_flow_stats_request_print },
    { OFPTYPE_AGGREGATE_STATS_REQUEST, ofputil_flow_stats_request_print },
    { OFPTYPE_FLOW_STATS_REPLY, ofputil_flow_stats_reply_print },
    { OFPTYPE_FLOW_REMOVED, ofputil_flow_removed_print },
    { OFPTYPE_PACKET_IN, ofputil_packet_in_print },
    { OFPTYPE_PACKET_OUT, ofputil_packet_out_print },
    { OFPTYPE_NXT_CLOSURE, ofputil_closure_print },
    { OFPTYPE_NXT_RESUME, ofputil_closure_print },
};

static ofp_print_func *
find_printer(enum ofptype type)
{
    for (size_t i = 0; i < ARRAY_SIZE(printers); i++) {
        if (printers[i].type == type) {
            return printers[i].print;
        }
    }
    return NULL;
}

/* ---- Framework ---- */

void
ofp_print_error(struct ds *s, enum ofperr error)
{
    ds_put_format(s, "***decode error: %s***\n", ofperr_get_name(error));
}

/* Appends "100s", "100.500s" (whole milliseconds) or "100.000000005s". */
void
ofp_print_duration(struct ds *s, unsigned int sec, unsigned int nsec)
{
    ds_put_format(s, "%u", sec);
    if (nsec) {
        ds_put_format(s, ".%03u", nsec / 1000000);
        if (nsec % 1000000) {
            ds_put_format(s, "%06u", nsec % 1000000);
        }
    }
    ds_put_char(s, 's');
}

static void
print_header_line(struct ds *s, const struct ofp_header *oh, enum ofpraw raw)
{
    ds_put_cstr(s, ofpraw_get_name(raw));
    if (oh->version >= OFP11_VERSION && oh->version <= OFP15_VERSION) {
        ds_put_format(s, " (OF1.%d)", oh->version - 1);
    } else if (oh->version != OFP10_VERSION) {
        ds_put_format(s, " (OF 0x%02"PRIx8")", oh->version);
    }
    ds_put_format(s, " (xid=0x%"PRIx32"):", ntohl(oh->xid));
}

/* Appends the flags of stats message 'oh', if any.  "more" exists for
 * requests only from OpenFlow 1.3 on. */
static void
print_stats_flags(struct ds *s, const struct ofp_header *oh)
{
    uint16_t flags = ofpmp_flags(oh);

    if (flags) {
        ds_put_cstr(s, " flags=");
        if (flags & OFPSF_REPLY_MORE
            && (ofpmsg_is_stat_reply(oh) || oh->version >= OFP13_VERSION)) {
            ds_put_cstr(s, "[more]");
            flags &= ~OFPSF_REPLY_MORE;
        }
        if (flags) {
            ds_put_format(s, "[***unknown flags 0x%04"PRIx16"***]", flags);
        }
    }
}

static void
ofp_to_string__(struct ds *s, const struct ofp_header *oh, size_t len,
                const struct ofputil_port_map *map, int verbosity)
{
    size_t msg_len = ntohs(oh->length);
    enum ofpraw raw;
    enum ofperr error;

    if (msg_len > len) {
        if (!ofpraw_decode_partial(&raw, oh, len)) {
            print_header_line(s, oh, raw);
            ds_put_char(s, '\n');
        }
        ds_put_format(s, "(***truncated to %zu bytes from %zu***)\n",
                      len, msg_len);
        ds_put_hex_dump(s, oh, len, 0, true);
        return;
    } else if (msg_len < len) {
        ds_put_format(s, "(***only uses %zu bytes out of %zu***)\n",
                      msg_len, len);
        ds_put_hex_dump(s, oh, len, 0, true);
        return;
    }

    error = ofpraw_decode(&raw, oh);
    if (error) {
        ofp_print_error(s, error);
        ds_put_hex_dump(s, oh, len, 0, true);
        return;
    }

    print_header_line(s, oh, raw);
    if (ofpmsg_is_stat(oh)) {
        print_stats_flags(s, oh);
    }
    ofp_print_func *print = find_printer(ofptype_from_ofpraw(raw));
    if (print) {
        size_t start = s->length;
        error = print(s, oh, map, verbosity);
        if (error) {
            ds_truncate(s, start);
            ds_put_char(s, ' ');
            ofp_print_error(s, error);
            ds_put_hex_dump(s, oh, len, 0, true);
            return;
        }
    }
    if (ds_last(s) != '\n') {
        ds_put_char(s, '\n');
    }
}

char *
ofp_to_string(const void *data, size_t len,
              const struct ofputil_port_map *map, int verbosity)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (!len) {
        ds_put_cstr(&s, "OpenFlow message is empty\n");
    } else if (len < sizeof(struct ofp_header)) {
        ds_put_format(&s, "OpenFlow packet too short (only %zu bytes):\n",
                      len);
        ds_put_hex_dump(&s, data, len, 0, true);
    } else {
        ofp_to_string__(&s, data, len, map, verbosity);
    }
    return ds_steal_cstr(&s);
}

void
ofp_print(FILE *stream, const void *data, size_t len,
          const struct ofputil_port_map *map, int verbosity)
{
    char *s = ofp_to_string(data, len, map, verbosity);
    fputs(s, stream);
    free(s);
}
