/*
 * Per-connection OpenFlow state that a controller negotiates with the
 * switch: the protocol version (hello), its role (role request/reply),
 * which asynchronous messages it wants (async config), the packet-in
 * format and its controller id.
 */

#ifndef OFP_CONNECTION_H
#define OFP_CONNECTION_H 1

#include <stdbool.h>
#include <stdint.h>
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openflow/openflow-common.h"

struct ds;
struct ofpbuf;

/* ---- Hello ---- */

/* Returns a new OFPT_HELLO (owned by the caller) that offers the versions
 * in bitmap 'allowed_versions'. */
struct ofpbuf *ofputil_encode_hello(uint32_t allowed_versions);

/* Decodes OFPT_HELLO 'oh' into '*allowed_versions' (a version bitmap).
 * Returns false if the hello holds data that could not be understood; the
 * bitmap is still usable then (it defaults to every version up to the
 * header's). */
bool ofputil_decode_hello(const struct ofp_header *oh,
                          uint32_t *allowed_versions);
void ofputil_hello_format(struct ds *, const struct ofp_header *);

/* ---- Roles ---- */

/* A role request or reply (OF1.2+ or Nicira).  Nicira messages have no
 * generation id and map "other" to OFPCR12_ROLE_EQUAL. */
struct ofputil_role_request {
    enum ofp12_controller_role role;
    uint64_t generation_id;     /* Meaningful if 'have_generation_id'. */
    bool have_generation_id;
};

enum ofperr ofputil_decode_role_message(const struct ofp_header *oh,
                                        struct ofputil_role_request *rr);
struct ofpbuf *ofputil_encode_role_request(
    const struct ofputil_role_request *, enum ofputil_protocol);
struct ofpbuf *ofputil_encode_role_reply(const struct ofp_header *request,
                                         const struct ofputil_role_request *);
const char *ofputil_role_to_string(enum ofp12_controller_role);
void ofputil_role_request_format(struct ds *,
                                 const struct ofputil_role_request *);

/* ---- Asynchronous message configuration ---- */

/* The kinds of asynchronous message a controller can turn on and off,
 * each with a bitmap of "reasons". */
enum ofputil_async_msg_type {
    OAM_PACKET_IN,              /* Reasons: enum ofp_packet_in_reason. */
    OAM_PORT_STATUS,            /* Reasons: enum ofp_port_reason. */
    OAM_FLOW_REMOVED,           /* Reasons: enum ofp_flow_removed_reason. */
    OAM_ROLE_STATUS,            /* Reasons: ofp14_controller_role_reason. */
    OAM_TABLE_STATUS,           /* Reasons: vacancy down (3), up (4). */
    OAM_REQUESTFORWARD,         /* Reasons: group-mod (0), meter-mod (1). */

    /* Open vSwitch extensions. */
    OAM_CLOSURE,                /* NXT_CLOSURE; one reason, "enable" (0). */
#define OAM_EXTENSIONS (1u << OAM_CLOSURE)
    OAM_N_TYPES
};
const char *ofputil_async_msg_type_to_string(enum ofputil_async_msg_type);

/* Which reasons of each type a controller receives, as a master (or
 * equal) and as a slave. */
struct ofputil_async_cfg {
    uint32_t master[OAM_N_TYPES];
    uint32_t slave[OAM_N_TYPES];
};

/* The OpenFlow defaults: packet-ins for table misses and actions, every
 * port status, flow-removed for timeouts and deletes; slaves get only port
 * status.  Closures are off until enabled. */
#define OFPUTIL_ASYNC_CFG_INIT                                          \
    (struct ofputil_async_cfg) {                                        \
        .master[OAM_PACKET_IN] = (1u << OFPR_NO_MATCH)                  \
                                 | (1u << OFPR_ACTION),                 \
        .master[OAM_PORT_STATUS] = (1u << OFPPR_N_REASONS) - 1,         \
        .master[OAM_FLOW_REMOVED] = (1u << OFPRR_IDLE_TIMEOUT)          \
                                    | (1u << OFPRR_HARD_TIMEOUT)        \
                                    | (1u << OFPRR_DELETE),             \
        .slave[OAM_PORT_STATUS] = (1u << OFPPR_N_REASONS) - 1,          \
    }

struct ofputil_async_cfg ofputil_async_cfg_default(enum ofp_version);

/* Decodes OFPT_SET_ASYNC, OFPT_GET_ASYNC_REPLY, NXT_SET_ASYNC_CONFIG or
 * NXT_SET_ASYNC_CONFIG2 'oh' on top of 'basis' (types the message does not
 * mention keep their 'basis' settings).  With 'loose', unknown properties
 * and unknown reason bits are ignored instead of rejected. */
enum ofperr ofputil_decode_set_async_config(
    const struct ofp_header *oh, bool loose,
    const struct ofputil_async_cfg *basis, struct ofputil_async_cfg *);

/* Returns a message (owned by the caller) that sets the types in bitmap
 * 'oams' (1 << OAM_*) to their values in 'cfg', in the best form that
 * 'version' allows: OFPT_SET_ASYNC for OF1.4+ and for OF1.3 when only
 * standard types are involved, otherwise NXT_SET_ASYNC_CONFIG2. */
struct ofpbuf *ofputil_encode_set_async_config(
    const struct ofputil_async_cfg *, uint32_t oams, enum ofp_version);
struct ofpbuf *ofputil_encode_get_async_reply(
    const struct ofp_header *request, const struct ofputil_async_cfg *);
struct ofpbuf *ofputil_encode_get_async_request(enum ofp_version);
void ofputil_async_cfg_format(struct ds *, const struct ofputil_async_cfg *);

/* ---- Packet-in format ---- */

enum ofputil_packet_in_format {
    OFPUTIL_PACKET_IN_STD = 0,          /* NXPIF_STANDARD. */
    OFPUTIL_PACKET_IN_NXT = 1,          /* NXPIF_NXT_PACKET_IN. */
    OFPUTIL_PACKET_IN_NXT2 = 2,         /* NXPIF_NXT_PACKET_IN2. */
};
bool ofputil_packet_in_format_is_valid(uint32_t);
const char *ofputil_packet_in_format_to_string(enum ofputil_packet_in_format);
int ofputil_packet_in_format_from_string(const char *);
enum ofperr ofputil_decode_set_packet_in_format(
    const struct ofp_header *, enum ofputil_packet_in_format *);
struct ofpbuf *ofputil_encode_set_packet_in_format(
    enum ofp_version, enum ofputil_packet_in_format);

/* ---- Controller id ---- */

struct ofpbuf *ofputil_encode_set_controller_id(enum ofp_version,
                                                uint16_t id);
uint16_t ofputil_decode_set_controller_id(const struct ofp_header *);

/* Printing whole messages (used by lib/ofp-print.c). */
enum ofperr ofputil_role_print(struct ds *, const struct ofp_header *);
enum ofperr ofputil_async_config_print(struct ds *,
                                       const struct ofp_header *);
enum ofperr ofputil_set_packet_in_format_print(struct ds *,
                                               const struct ofp_header *);
enum ofperr ofputil_set_controller_id_print(struct ds *,
                                            const struct ofp_header *);
enum ofperr ofputil_set_flow_format_print(struct ds *,
                                          const struct ofp_header *);
enum ofperr ofputil_flow_mod_table_id_print(struct ds *,
                                            const struct ofp_header *);

#endif /* ofp-connection.h */
