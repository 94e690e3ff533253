/*
 * OpenFlow message framing.
 *
 * Every message starts with struct ofp_header; vendor messages and stats
 * (multipart) messages add more header.  An "enum ofpraw" identifies one
 * concrete encoding (kind, version range, number, body layout) and an
 * "enum ofptype" the message independent of its encoding, so that code
 * which handles, say, any packet-in switches on OFPTYPE_PACKET_IN and
 * leaves the differences to the decoder.  Both enums come from the table
 * in lib/ofp-msgs.def.
 *
 * This module decodes headers (checking length against the table),
 * allocates messages with the right headers, and splits long stats replies
 * into several multipart messages.
 */

#ifndef OFP_MSGS_H
#define OFP_MSGS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openflow/openflow-common.h"
#include "ofp-errors.h"

struct ofpbuf;
struct ovs_list;

enum ofptype {
#define OFPTYPE_ROW(NAME) OFPTYPE_##NAME,
#include "ofp-msgs.def"
    OFPTYPE_N_TYPES_
};

enum ofpraw {
#define OFPRAW_ROW(NAME, SPEC, BODY, ELEM, TYPE) OFPRAW_##NAME,
#include "ofp-msgs.def"
    OFPRAW_N_RAWS_
};

/* Decoding.  The _assert variants are for messages already decoded once
 * successfully (they abort on failure, which then is a bug). */
enum ofperr ofpraw_decode(enum ofpraw *, const struct ofp_header *);
enum ofpraw ofpraw_decode_assert(const struct ofp_header *);
enum ofperr ofpraw_decode_partial(enum ofpraw *, const struct ofp_header *,
                                  size_t length);
enum ofperr ofpraw_pull(enum ofpraw *, struct ofpbuf *);
enum ofpraw ofpraw_pull_assert(struct ofpbuf *);

enum ofperr ofptype_decode(enum ofptype *, const struct ofp_header *);
enum ofperr ofptype_pull(enum ofptype *, struct ofpbuf *);
enum ofptype ofptype_from_ofpraw(enum ofpraw);

const char *ofpraw_get_name(enum ofpraw);
const char *ofptype_get_name(enum ofptype);
bool ofpraw_is_valid_for_version(enum ofpraw, enum ofp_version);

/* Allocation.  Each returns (or fills in) a buffer whose 'header' points
 * to the OpenFlow header and whose 'msg' and tail point just past all the
 * headers, ready for the body to be appended.  The length field is set
 * for an empty body; call ofpmsg_update_length() after appending.  The
 * caller owns the returned buffer. */
struct ofpbuf *ofpraw_alloc(enum ofpraw, uint8_t version,
                            size_t extra_tailroom);
struct ofpbuf *ofpraw_alloc_xid(enum ofpraw, uint8_t version, ovs_be32 xid,
                                size_t extra_tailroom);
struct ofpbuf *ofpraw_alloc_reply(enum ofpraw raw,
                                  const struct ofp_header *request,
                                  size_t extra_tailroom);
/* The reply type comes from the request's. */
struct ofpbuf *ofpraw_alloc_stats_reply(const struct ofp_header *request,
                                        size_t extra_tailroom);
void ofpraw_put(enum ofpraw, uint8_t version, struct ofpbuf *);
void ofpraw_put_xid(enum ofpraw, uint8_t version, ovs_be32 xid,
                    struct ofpbuf *);
void ofpraw_put_reply(enum ofpraw, const struct ofp_header *request,
                      struct ofpbuf *);
void ofpraw_put_stats_reply(const struct ofp_header *request,
                            struct ofpbuf *);
enum ofpraw ofpraw_stats_request_to_reply(enum ofpraw, uint8_t version);

/* A fresh transaction id. */
ovs_be32 alloc_xid(void);

/* Whole messages. */
void ofpmsg_update_length(struct ofpbuf *msg);
const void *ofpmsg_body(const struct ofp_header *oh);
bool ofpmsg_is_stat(const struct ofp_header *oh);
bool ofpmsg_is_stat_request(const struct ofp_header *oh);
bool ofpmsg_is_stat_reply(const struct ofp_header *oh);
size_t ofpmsg_header_len(const struct ofp_header *);

/* Multipart replies.  A list of ofpbufs holds one logical reply split into
 * messages no longer than 65535 bytes, each but the last flagged "more".
 * ofpmp_init() starts the list with one empty reply to 'request';
 * ofpmp_reserve() makes room for 'len' more bytes, starting a new message
 * if the last one would overflow; ofpmp_append() appends; ofpmp_postappend()
 * moves a just-appended entry that began at 'start_ofs' into a new message
 * if it overflowed the last one. */
void ofpmp_init(struct ovs_list *replies, const struct ofp_header *request);
struct ofpbuf *ofpmp_reserve(struct ovs_list *replies, size_t len);
void *ofpmp_append(struct ovs_list *replies, size_t len);
void ofpmp_postappend(struct ovs_list *replies, size_t start_ofs);
enum ofp_version ofpmp_version(struct ovs_list *replies);
enum ofpraw ofpmp_decode_raw(struct ovs_list *replies);

/* Stats flags of a multipart message. */
uint16_t ofpmp_flags(const struct ofp_header *);
bool ofpmp_more(const struct ofp_header *);

#endif /* ofp-msgs.h */
