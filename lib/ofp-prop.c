/*
 * OpenFlow 1.4-style properties (type-length-value, padded to 8 bytes).
 *
 * Newer OpenFlow messages (port descriptions, async config, and Open
 * vSwitch's closures) carry optional data as a sequence of properties, so
 * that old readers can skip what they do not understand.  This file
 * builds and splits such sequences.  See lib/ofp-prop.h for the encoding
 * of experimenter types into a uint64_t.
 *
 * Alignment of 64-bit values: both header sizes (4 bytes standard, 12
 * bytes experimenter) leave the value 4 bytes short of an 8-byte boundary,
 * so ofpprop_put_be64() puts 4 zero bytes of filler first (lengths 16 and
 * 24) and ofpprop_parse_be64() accepts the value with or without them.
 */

#include <config.h>
#include "ofp-prop.h"

#include <inttypes.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "openflow/openflow-common.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/uuid.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_prop);

static struct vlog_rate_limit bad_prop_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* Splits the property at the start of 'msg' off into 'property' and
 * advances 'msg' past it and its padding.
 *
 * 'alignment' is the padding granularity (8 for nearly every message) and
 * 'min_exp' the smallest type value that denotes an experimenter property
 * (0xffff normally, 0xfffe in tables with two experimenter types, 0 if
 * there are none).
 *
 * On success, stores the type in '*typep' (OFPPROP_EXP() form for an
 * experimenter), points 'property->header' at the property header and
 * 'property->msg'/'property->data' at the value, and returns 0.
 * 'property' refers to memory in 'msg', which the caller still owns. */
enum ofperr
ofpprop_pull__(struct ofpbuf *msg, struct ofpbuf *property,
               unsigned int alignment, unsigned int min_exp,
               uint64_t *typep)
{
    if (msg->size < sizeof(struct ofp_prop_header)) {
        VLOG_WARN_RL(&bad_prop_rl, "property too short (%"PRIu32" bytes)",
                     msg->size);
        return OFPERR_OFPBPC_BAD_LEN;
    }

    const struct ofp_prop_header *oph = msg->data;
    unsigned int type = ntohs(oph->type);
    unsigned int len = ntohs(oph->len);
    bool is_exp = min_exp && type >= min_exp;
    size_t hdr_len = (is_exp
                      ? sizeof(struct ofp_prop_experimenter)
                      : sizeof(struct ofp_prop_header));

    if (len < hdr_len || len > msg->size) {
        VLOG_WARN_RL(&bad_prop_rl, "property has bad length %u (%"PRIu32
                     " bytes remain)", len, msg->size);
        return OFPERR_OFPBPC_BAD_LEN;
    }
    size_t padded_len = ROUND_UP(len, alignment);
    if (padded_len > msg->size) {
        VLOG_WARN_RL(&bad_prop_rl, "property padding overflows message "
                     "(%zu bytes of property, %"PRIu32" bytes remain)",
                     padded_len, msg->size);
        return OFPERR_OFPBPC_BAD_LEN;
    }

    if (is_exp) {
        const struct ofp_prop_experimenter *ope = msg->data;
        *typep = OFPPROP_EXP(ntohl(ope->experimenter), ntohl(ope->exp_type));
    } else {
        *typep = type;
    }

    if (property) {
        ofpbuf_use_const(property, msg->data, len);
        property->header = property->data;
        ofpbuf_pull(property, hdr_len);
        property->msg = property->data;
    }
    ofpbuf_pull(msg, padded_len);
    return 0;
}

/* ofpprop_pull__() with the usual 8-byte padding and 0xffff experimenter
 * type. */
enum ofperr
ofpprop_pull(struct ofpbuf *msg, struct ofpbuf *property, uint64_t *typep)
{
    return ofpprop_pull__(msg, property, 8, 0xffff, typep);
}

/* Checks that 'property' has exactly 'len' bytes of value. */
static enum ofperr
check_len(const struct ofpbuf *property, size_t len)
{
    if (property->size != len) {
        VLOG_WARN_RL(&bad_prop_rl, "property value has length %"PRIu32
                     " (expected %zu)", property->size, len);
        return OFPERR_OFPBPC_BAD_LEN;
    }
    return 0;
}

enum ofperr
ofpprop_parse_be16(const struct ofpbuf *property, ovs_be16 *value)
{
    enum ofperr error = check_len(property, sizeof *value);
    if (!error) {
        memcpy(value, property->data, sizeof *value);
    }
    return error;
}

enum ofperr
ofpprop_parse_be32(const struct ofpbuf *property, ovs_be32 *value)
{
    enum ofperr error = check_len(property, sizeof *value);
    if (!error) {
        memcpy(value, property->data, sizeof *value);
    }
    return error;
}

/* Accepts the value either directly after the header or after the 4 bytes
 * of filler that a standard header needs (see the file comment). */
enum ofperr
ofpprop_parse_be64(const struct ofpbuf *property, ovs_be64 *value)
{
    const uint8_t *p = property->data;
    size_t hdr_len = (const uint8_t *) property->msg
                     - (const uint8_t *) property->header;
    size_t filler = property->header && hdr_len % 8 == 4 ? 4 : 0;

    if (property->size == 8 + filler) {
        memcpy(value, p + filler, sizeof *value);
        return 0;
    }
    if (property->size == 8) {
        memcpy(value, p, sizeof *value);
        return 0;
    }
    VLOG_WARN_RL(&bad_prop_rl, "64-bit property value has length %"PRIu32,
                 property->size);
    return OFPERR_OFPBPC_BAD_LEN;
}

enum ofperr
ofpprop_parse_u8(const struct ofpbuf *property, uint8_t *value)
{
    enum ofperr error = check_len(property, sizeof *value);
    if (!error) {
        *value = *(const uint8_t *) property->data;
    }
    return error;
}

enum ofperr
ofpprop_parse_u16(const struct ofpbuf *property, uint16_t *value)
{
    ovs_be16 be;
    enum ofperr error = ofpprop_parse_be16(property, &be);
    if (!error) {
        *value = ntohs(be);
    }
    return error;
}

enum ofperr
ofpprop_parse_u32(const struct ofpbuf *property, uint32_t *value)
{
    ovs_be32 be;
    enum ofperr error = ofpprop_parse_be32(property, &be);
    if (!error) {
        *value = ntohl(be);
    }
    return error;
}

enum ofperr
ofpprop_parse_u64(const struct ofpbuf *property, uint64_t *value)
{
    ovs_be64 be;
    enum ofperr error = ofpprop_parse_be64(property, &be);
    if (!error) {
        *value = ntohll(be);
    }
    return error;
}

enum ofperr
ofpprop_parse_uuid(const struct ofpbuf *property, struct uuid *uuid)
{
    enum ofperr error = check_len(property, sizeof *uuid);
    if (!error) {
        memcpy(uuid, property->data, sizeof *uuid);
    }
    return error;
}

/* A flag property has no value. */
enum ofperr
ofpprop_parse_flag(const struct ofpbuf *property)
{
    return check_len(property, 0);
}

/* Points 'nested' at the value of 'property', which holds properties of
 * its own, and checks that the value is 8-byte aligned in length. */
enum ofperr
ofpprop_parse_nested(const struct ofpbuf *property, struct ofpbuf *nested)
{
    size_t hdr_len = (const uint8_t *) property->msg
                     - (const uint8_t *) property->header;
    size_t filler = PAD_SIZE(hdr_len, 8);

    if (property->size < filler) {
        return OFPERR_OFPBPC_BAD_LEN;
    }
    ofpbuf_use_const(nested, (const uint8_t *) property->data + filler,
                     property->size - filler);
    return 0;
}

/* Building. */

size_t
ofpprop_start(struct ofpbuf *msg, uint64_t type)
{
    size_t start_ofs = msg->size;

    if (!OFPPROP_IS_EXPERIMENTER(type)) {
        struct ofp_prop_header *oph = ofpbuf_put_zeros(msg, sizeof *oph);
        oph->type = htons(type);
    } else {
        struct ofp_prop_experimenter *ope = ofpbuf_put_zeros(msg,
                                                             sizeof *ope);
        ope->type = htons(0xffff);
        ope->experimenter = htonl(OFPPROP_EXP_VENDOR(type));
        ope->exp_type = htonl(OFPPROP_EXP_TYPE(type));
    }
    return start_ofs;
}

/* Finishes the property that began at 'start_ofs': sets its length and
 * pads 'msg' to a multiple of 8 bytes. */
void
ofpprop_end(struct ofpbuf *msg, size_t start_ofs)
{
    struct ofp_prop_header *oph = ofpbuf_at_assert(msg, start_ofs,
                                                   sizeof *oph);
    oph->len = htons(msg->size - start_ofs);
    ofpbuf_padto(msg, ROUND_UP(msg->size, 8));
}

void
ofpprop_put(struct ofpbuf *msg, uint64_t type, const void *value,
            size_t len)
{
    size_t start_ofs = ofpprop_start(msg, type);
    ofpbuf_put(msg, value, len);
    ofpprop_end(msg, start_ofs);
}

/* Appends a property with 'len' zero bytes of value and returns a pointer
 * to the value, valid until 'msg' is next modified. */
void *
ofpprop_put_zeros(struct ofpbuf *msg, uint64_t type, size_t len)
{
    size_t start_ofs = ofpprop_start(msg, type);
    size_t value_ofs = msg->size;
    ofpbuf_put_zeros(msg, len);
    ofpprop_end(msg, start_ofs);
    return (uint8_t *) msg->data + value_ofs;
}

void
ofpprop_put_be16(struct ofpbuf *msg, uint64_t type, ovs_be16 value)
{
    ofpprop_put(msg, type, &value, sizeof value);
}

void
ofpprop_put_be32(struct ofpbuf *msg, uint64_t type, ovs_be32 value)
{
    ofpprop_put(msg, type, &value, sizeof value);
}

void
ofpprop_put_be64(struct ofpbuf *msg, uint64_t type, ovs_be64 value)
{
    size_t start_ofs = ofpprop_start(msg, type);
    ofpbuf_padto(msg, ROUND_UP(msg->size, 8));
    ofpbuf_put(msg, &value, sizeof value);
    ofpprop_end(msg, start_ofs);
}

void
ofpprop_put_u8(struct ofpbuf *msg, uint64_t type, uint8_t value)
{
    ofpprop_put(msg, type, &value, sizeof value);
}

void
ofpprop_put_u16(struct ofpbuf *msg, uint64_t type, uint16_t value)
{
    ofpprop_put_be16(msg, type, htons(value));
}

void
ofpprop_put_u32(struct ofpbuf *msg, uint64_t type, uint32_t value)
{
    ofpprop_put_be32(msg, type, htonl(value));
}

void
ofpprop_put_u64(struct ofpbuf *msg, uint64_t type, uint64_t value)
{
    ofpprop_put_be64(msg, type, htonll(value));
}

/* Appends 'bitmap' as a 32-bit value when it fits, otherwise 64-bit. */
void
ofpprop_put_bitmap(struct ofpbuf *msg, uint64_t type, uint64_t bitmap)
{
    if (bitmap <= UINT32_MAX) {
        ofpprop_put_u32(msg, type, bitmap);
    } else {
        ofpprop_put_u64(msg, type, bitmap);
    }
}

void
ofpprop_put_flag(struct ofpbuf *msg, uint64_t type)
{
    size_t start_ofs = ofpprop_start(msg, type);
    ofpprop_end(msg, start_ofs);
}

void
ofpprop_put_uuid(struct ofpbuf *msg, uint64_t type, const struct uuid *uuid)
{
    ofpprop_put(msg, type, uuid, sizeof *uuid);
}

/* Appends a property whose value is the properties in 'nested', aligned to
 * 8 bytes. */
void
ofpprop_put_nested(struct ofpbuf *msg, uint64_t type,
                   const struct ofpbuf *nested)
{
    size_t start_ofs = ofpprop_start(msg, type);
    ofpbuf_padto(msg, ROUND_UP(msg->size, 8));
    ofpbuf_put(msg, nested->data, nested->size);
    ofpprop_end(msg, start_ofs);
}

enum ofperr
ofpprop_unknown(struct vlog_module *module OVS_UNUSED, bool loose,
                const char *msg, uint64_t type)
{
    if (!OFPPROP_IS_EXPERIMENTER(type)) {
        VLOG_WARN_RL(&bad_prop_rl, "unknown %s property type %"PRIu64,
                     msg, type);
        return loose ? 0 : OFPERR_OFPBPC_BAD_TYPE;
    }

    uint32_t vendor = OFPPROP_EXP_VENDOR(type);
    VLOG_WARN_RL(&bad_prop_rl, "unknown %s property type for "
                 "experimenter %#"PRIx32", type %"PRIu32,
                 msg, vendor, OFPPROP_EXP_TYPE(type));
    if (loose) {
        return 0;
    }
    return (vendor == NX_VENDOR_ID
            ? OFPERR_OFPBPC_BAD_EXP_TYPE
            : OFPERR_OFPBPC_BAD_EXPERIMENTER);
}
