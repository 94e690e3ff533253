/*
 * OpenFlow 1.4-style properties.
 *
 * A property is a TLV: a 16-bit type, a 16-bit length that counts the
 * 4-byte header and the value but not the padding, the value, and zero
 * padding to a multiple of 8 bytes.  Experimenter properties have type
 * 0xffff (in a few tables 0xfffe) and carry a 32-bit experimenter id and a
 * 32-bit experimenter type after the header.
 *
 * This module represents a property type as a uint64_t: standard types are
 * the 16-bit type itself, experimenter types are OFPPROP_EXP(vendor, type)
 * (vendor in the upper 32 bits, experimenter type in the lower).  The same
 * helpers then build and parse both kinds.
 *
 * Building: ofpprop_put*() append a whole property; ofpprop_start() and
 * ofpprop_end() bracket a property whose value is appended in between.
 * Parsing: ofpprop_pull() splits the next property off a buffer; the
 * ofpprop_parse_*() helpers then check its length and read its value.
 */

#ifndef OFP_PROP_H
#define OFP_PROP_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp-errors.h"
#include "openvswitch/types.h"

struct ofpbuf;
struct uuid;
struct vlog_module;

/* Experimenter property type for 'VENDOR' and experimenter type 'TYPE'. */
#define OFPPROP_EXP(VENDOR, TYPE) \
    (((uint64_t) (VENDOR) << 32) | (uint64_t) (uint32_t) (TYPE))
#define OFPPROP_IS_EXPERIMENTER(TYPE) (((TYPE) >> 32) != 0)
#define OFPPROP_EXP_VENDOR(TYPE) ((uint32_t) ((TYPE) >> 32))
#define OFPPROP_EXP_TYPE(TYPE) ((uint32_t) (TYPE))

/* Pulling properties. */
enum ofperr ofpprop_pull(struct ofpbuf *msg, struct ofpbuf *property,
                         uint64_t *typep);
/* The general form: 'alignment' of the padding (normally 8) and the
 * smallest type that is an experimenter type (normally 0xffff). */
enum ofperr ofpprop_pull__(struct ofpbuf *msg, struct ofpbuf *property,
                           unsigned int alignment, unsigned int min_exp,
                           uint64_t *typep);

/* Parsing a property pulled by ofpprop_pull(). */
enum ofperr ofpprop_parse_be16(const struct ofpbuf *, ovs_be16 *value);
enum ofperr ofpprop_parse_be32(const struct ofpbuf *, ovs_be32 *value);
enum ofperr ofpprop_parse_be64(const struct ofpbuf *, ovs_be64 *value);
enum ofperr ofpprop_parse_u8(const struct ofpbuf *, uint8_t *value);
enum ofperr ofpprop_parse_u16(const struct ofpbuf *, uint16_t *value);
enum ofperr ofpprop_parse_u32(const struct ofpbuf *, uint32_t *value);
enum ofperr ofpprop_parse_u64(const struct ofpbuf *, uint64_t *value);
enum ofperr ofpprop_parse_uuid(const struct ofpbuf *, struct uuid *);
enum ofperr ofpprop_parse_flag(const struct ofpbuf *);
enum ofperr ofpprop_parse_nested(const struct ofpbuf *, struct ofpbuf *);

/* Building properties. */
void ofpprop_put(struct ofpbuf *, uint64_t type, const void *value,
                 size_t len);
void *ofpprop_put_zeros(struct ofpbuf *, uint64_t type, size_t len);
void ofpprop_put_be16(struct ofpbuf *, uint64_t type, ovs_be16 value);
void ofpprop_put_be32(struct ofpbuf *, uint64_t type, ovs_be32 value);
void ofpprop_put_be64(struct ofpbuf *, uint64_t type, ovs_be64 value);
void ofpprop_put_u8(struct ofpbuf *, uint64_t type, uint8_t value);
void ofpprop_put_u16(struct ofpbuf *, uint64_t type, uint16_t value);
void ofpprop_put_u32(struct ofpbuf *, uint64_t type, uint32_t value);
void ofpprop_put_u64(struct ofpbuf *, uint64_t type, uint64_t value);
void ofpprop_put_bitmap(struct ofpbuf *, uint64_t type, uint64_t bitmap);
void ofpprop_put_flag(struct ofpbuf *, uint64_t type);
void ofpprop_put_uuid(struct ofpbuf *, uint64_t type, const struct uuid *);
void ofpprop_put_nested(struct ofpbuf *, uint64_t type,
                        const struct ofpbuf *nested);

size_t ofpprop_start(struct ofpbuf *, uint64_t type);
void ofpprop_end(struct ofpbuf *, size_t start_ofs);

/* Unknown properties.  Returns OFPERR_OFPBPC_BAD_TYPE (or, for an
 * experimenter property, OFPBPC_BAD_EXPERIMENTER) when 'loose' is false,
 * and 0 when 'loose' is true; logs the property either way, naming 'msg'
 * (e.g. "async config"). */
enum ofperr ofpprop_unknown(struct vlog_module *, bool loose,
                            const char *msg, uint64_t type);
#define OFPPROP_UNKNOWN(LOOSE, MSG, TYPE) \
    ofpprop_unknown(NULL, LOOSE, MSG, TYPE)

#endif /* ofp-prop.h */
