/*
 * OpenFlow "protocols": a protocol version plus the Nicira flow-format
 * extensions in effect on a connection.
 *
 * OpenFlow 1.0 alone has four dialects, because Nicira extensions let a
 * controller switch the match format to NXM (NXT_SET_FLOW_FORMAT) and let
 * flow-mods carry a table id in the upper byte of 'command'
 * (NXT_FLOW_MOD_TABLE_ID).  Each later version has exactly one dialect.
 * A set of protocols is a bitmap of enum ofputil_protocol; code that builds
 * a message from text computes the set of protocols that can express it
 * ("usable protocols") and the connection picks one.
 */

#ifndef OFP_PROTOCOL_H
#define OFP_PROTOCOL_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openflow/openflow-common.h"

struct ds;
struct ofpbuf;

enum ofputil_protocol {
    OFPUTIL_P_NONE = 0,

    /* OpenFlow 1.0, standard match, without and with table ids. */
    OFPUTIL_P_OF10_STD = 1 << 0,
    OFPUTIL_P_OF10_STD_TID = 1 << 1,

    /* OpenFlow 1.0, NXM match, without and with table ids. */
    OFPUTIL_P_OF10_NXM = 1 << 2,
    OFPUTIL_P_OF10_NXM_TID = 1 << 3,

    OFPUTIL_P_OF11_STD = 1 << 4,        /* OpenFlow 1.1, ofp11_match. */
    OFPUTIL_P_OF12_OXM = 1 << 5,        /* OpenFlow 1.2, OXM. */
    OFPUTIL_P_OF13_OXM = 1 << 6,        /* OpenFlow 1.3, OXM. */
    OFPUTIL_P_OF14_OXM = 1 << 7,        /* OpenFlow 1.4, OXM. */
    OFPUTIL_P_OF15_OXM = 1 << 8,        /* OpenFlow 1.5, OXM. */
};

/* Handy sets. */
#define OFPUTIL_P_OF10_STD_ANY (OFPUTIL_P_OF10_STD | OFPUTIL_P_OF10_STD_TID)
#define OFPUTIL_P_OF10_NXM_ANY (OFPUTIL_P_OF10_NXM | OFPUTIL_P_OF10_NXM_TID)
#define OFPUTIL_P_OF10_ANY (OFPUTIL_P_OF10_STD_ANY | OFPUTIL_P_OF10_NXM_ANY)
#define OFPUTIL_P_ANY_OXM (OFPUTIL_P_OF12_OXM | OFPUTIL_P_OF13_OXM | \
                           OFPUTIL_P_OF14_OXM | OFPUTIL_P_OF15_OXM)
#define OFPUTIL_P_NXM_OXM_ANY (OFPUTIL_P_OF10_NXM_ANY | OFPUTIL_P_ANY_OXM)
#define OFPUTIL_P_OF11_UP (OFPUTIL_P_OF11_STD | OFPUTIL_P_ANY_OXM)
#define OFPUTIL_P_NXM_OF11_UP (OFPUTIL_P_OF10_NXM_ANY | OFPUTIL_P_OF11_UP)
#define OFPUTIL_P_OF12_UP OFPUTIL_P_ANY_OXM
#define OFPUTIL_P_OF13_UP (OFPUTIL_P_OF13_OXM | OFPUTIL_P_OF14_UP)
#define OFPUTIL_P_OF14_UP (OFPUTIL_P_OF14_OXM | OFPUTIL_P_OF15_UP)
#define OFPUTIL_P_OF15_UP OFPUTIL_P_OF15_OXM
/* Protocols that can carry a flow-mod table id. */
#define OFPUTIL_P_TID (OFPUTIL_P_OF10_STD_TID | OFPUTIL_P_OF10_NXM_TID | \
                       OFPUTIL_P_OF11_UP)
#define OFPUTIL_P_ANY ((1 << 9) - 1)

/* Every single protocol, in preference order (the order in which
 * ofputil_protocols_to_string() lists them). */
extern const enum ofputil_protocol ofputil_protocols[];
extern const size_t ofputil_n_protocols;

bool ofputil_protocol_is_valid(enum ofputil_protocol p);
enum ofputil_protocol ofputil_protocol_to_base(enum ofputil_protocol p);
enum ofputil_protocol ofputil_protocol_set_base(
    enum ofputil_protocol cur, enum ofputil_protocol new_base);
enum ofputil_protocol ofputil_protocol_set_tid(enum ofputil_protocol p,
                                               bool enable);

/* Versions. */
enum ofputil_protocol ofputil_protocol_from_ofp_version(enum ofp_version);
enum ofputil_protocol ofputil_protocols_from_ofp_version(enum ofp_version);
enum ofp_version ofputil_protocol_to_ofp_version(enum ofputil_protocol);

/* Names.  ofputil_protocols_from_string() accepts a comma-separated list of
 * protocol names and aliases ("OpenFlow10", "NXM", "OXM", "any", ...) and
 * returns their union, or 0 if any name is unknown. */
const char *ofputil_protocol_to_string(enum ofputil_protocol);
char *ofputil_protocols_to_string(enum ofputil_protocol);
enum ofputil_protocol ofputil_protocols_from_string(const char *);
void ofputil_format_protocols(struct ds *, enum ofputil_protocol);

/* Version bitmaps: bit N set means enum ofp_version N is allowed. */
/* Bits 1 (OpenFlow 1.0) through 6 (OpenFlow 1.5). */
#define OFPUTIL_SUPPORTED_VERSIONS \
    (((1u << (OFP15_VERSION + 1)) - 1) & ~((1u << OFP10_VERSION) - 1))
#define OFPUTIL_DEFAULT_VERSIONS OFPUTIL_SUPPORTED_VERSIONS

const char *ofputil_version_to_string(enum ofp_version);
int ofputil_version_from_string(const char *);
uint32_t ofputil_versions_from_string(const char *);
uint32_t ofputil_versions_from_strings(char *const *, size_t n);
bool ofputil_decode_version_list(const char *, uint32_t *versions,
                                 char **errorp);
void ofputil_format_version(struct ds *, enum ofp_version);
void ofputil_format_version_name(struct ds *, enum ofp_version);
void ofputil_format_version_bitmap(struct ds *, uint32_t bitmap);
void ofputil_format_version_bitmap_names(struct ds *, uint32_t bitmap);

/* Nicira flow formats (NXT_SET_FLOW_FORMAT). */
bool ofputil_nx_flow_format_is_valid(uint32_t nxff);
const char *ofputil_nx_flow_format_to_string(uint32_t nxff);
enum ofputil_protocol ofputil_nx_flow_format_to_protocol(uint32_t nxff);
struct ofpbuf *ofputil_encode_nx_set_flow_format(uint32_t nxff);
enum ofputil_protocol ofputil_decode_nx_set_flow_format(
    const struct ofp_header *);

/* NXT_FLOW_MOD_TABLE_ID. */
struct ofpbuf *ofputil_encode_nx_flow_mod_table_id(bool enable);
bool ofputil_decode_nx_flow_mod_table_id(const struct ofp_header *);

/* Switching a connection from 'current' toward 'want': returns the next
 * message to send (or NULL if none is needed) and stores in '*next' the
 * protocol that will be in effect once it is accepted. */
struct ofpbuf *ofputil_encode_set_protocol(enum ofputil_protocol current,
                                           enum ofputil_protocol want,
                                           enum ofputil_protocol *next);

#endif /* ofp-protocol.h */
