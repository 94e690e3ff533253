/*
 * Packet-in and packet-out messages: a switch handing a packet to its
 * controller, and a controller asking the switch to run actions on one.
 *
 * struct ofputil_packet_in is the version-independent view of
 * OFPT_PACKET_IN (OpenFlow 1.0, 1.1, 1.2, 1.3+) and NXT_PACKET_IN.  The
 * packet's metadata (in_port, registers, ...) travels as a match in 1.2
 * and later and in NXT_PACKET_IN, and is kept in 'flow_metadata' here.
 * struct ofputil_packet_out is the same for OFPT_PACKET_OUT (OpenFlow 1.0,
 * 1.1-1.4, and 1.5 with its match).
 */

#ifndef OFP_PACKET_H
#define OFP_PACKET_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "match.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openvswitch/types.h"

struct ds;
struct ofp_header;
struct ofputil_port_map;

struct ofputil_packet_in {
    const void *packet;         /* Points into the decoded message. */
    size_t packet_len;
    size_t total_len;           /* Length of the whole packet. */
    uint32_t buffer_id;         /* UINT32_MAX: not buffered. */
    uint8_t reason;             /* enum ofp_packet_in_reason. */
    uint8_t table_id;           /* 255 if unknown (OpenFlow 1.0). */
    ovs_be64 cookie;            /* OVS_BE64_MAX if unknown. */
    struct match flow_metadata; /* in_port and other metadata. */
};

/* Names as in controller(reason=...): "no_match", "action", ... Returns
 * 'buf' (of 'bufsize' bytes) holding the number for unknown reasons. */
const char *ofputil_packet_in_reason_to_string(uint8_t reason, char *buf,
                                               size_t bufsize);
bool ofputil_packet_in_reason_from_string(const char *, uint8_t *reason);

/* Decodes OFPT_PACKET_IN or NXT_PACKET_IN 'oh'; 'pin->packet' points into
 * 'oh'.  Returns 0 or an OpenFlow error. */
enum ofperr ofputil_decode_packet_in(struct ofputil_packet_in *pin,
                                     const struct ofp_header *oh);

/* Returns a malloc()'d one-line description of the Ethernet frame in the
 * 'len' bytes at 'data' (the flow it belongs to plus its L4 checksum), as
 * Open vSwitch prints packets. */
char *ofp_packet_to_string(const void *data, size_t len);

enum ofperr ofputil_packet_in_print(struct ds *, const struct ofp_header *,
                                    const struct ofputil_port_map *,
                                    int verbosity);


/* Encodes 'pin' as a packet-in for a connection that speaks 'protocol' and
 * asked for packet-in 'format' (NXPIF_STANDARD or NXPIF_NXT_PACKET_IN):
 * OFPT_PACKET_IN in its OF1.0, OF1.2 or OF1.3+ layout, or NXT_PACKET_IN.
 * 'pin->packet_len' bytes of packet are included. */
struct ofpbuf *ofputil_encode_packet_in(const struct ofputil_packet_in *pin,
                                        enum ofputil_protocol protocol,
                                        enum ofputil_packet_in_format format);

/* Abstract packet-out. */
struct ofputil_packet_out {
    const void *packet;         /* Frame to send (if buffer_id is none). */
    size_t packet_len;
    uint32_t buffer_id;         /* UINT32_MAX: not buffered. */
    struct match flow_metadata; /* in_port (and, OF1.5, other metadata). */
    struct ofpact *ofpacts;
    size_t ofpacts_len;
};

/* Decodes 'oh'.  'po->packet' points into 'oh'; the actions are appended
 * to 'ofpacts' (owned by the caller) and 'po->ofpacts' points there. */
enum ofperr ofputil_decode_packet_out(struct ofputil_packet_out *po,
                                      const struct ofp_header *oh,
                                      struct ofpbuf *ofpacts);
struct ofpbuf *ofputil_encode_packet_out(const struct ofputil_packet_out *po,
                                         enum ofputil_protocol protocol);
/* Parses ovs-ofctl's "in_port=PORT packet=HEX actions=ACTIONS" syntax.
 * On success the caller owns po->packet and po->ofpacts (free() both). */
char *parse_ofp_packet_out_str(struct ofputil_packet_out *po,
                               const char *str,
                               const struct ofputil_port_map *port_map,
                               enum ofputil_protocol *usable_protocols)
    OVS_WARN_UNUSED_RESULT;
enum ofperr ofputil_packet_out_print(struct ds *, const struct ofp_header *,
                                     const struct ofputil_port_map *,
                                     int verbosity);

#endif /* ofp-packet.h */
