/* The fixed-layout matches of OpenFlow 1.0 and 1.1.
 *
 * OpenFlow 1.0's "struct ofp10_match" and OpenFlow 1.1's
 * "struct ofp11_match" can say less than "struct match" (no registers, no
 * IPv6, limited masks).  This module converts between them and
 * "struct match", decides which protocols can express a given match, and
 * dispatches between the OpenFlow 1.1 layout and OXM for OpenFlow 1.1+
 * messages. */

#ifndef OFP_MATCH_H
#define OFP_MATCH_H 1

#include <stdint.h>
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"

struct flow_wildcards;
struct match;
struct mf_field;
struct ofpbuf;
union mf_value;

/* OpenFlow 1.0. */
void ofputil_wildcard_from_ofpfw10(uint32_t ofpfw, struct flow_wildcards *);
void ofputil_match_from_ofp10_match(const struct ofp10_match *,
                                    struct match *);
void ofputil_match_to_ofp10_match(const struct match *,
                                  struct ofp10_match *);

/* OpenFlow 1.1 and later.  ofputil_pull_ofp11_match() accepts either the
 * OpenFlow 1.1 standard match or an OXM match (by its type) and stores the
 * padded length it pulled in '*padded_match_len' if nonnull.
 * ofputil_put_ofp11_match() appends the form that 'protocol' uses and
 * returns the number of bytes appended. */
enum ofperr ofputil_pull_ofp11_match(struct ofpbuf *, struct match *,
                                     uint16_t *padded_match_len);
enum ofperr ofputil_match_from_ofp11_match(const struct ofp11_match *,
                                           struct match *);
void ofputil_match_to_ofp11_match(const struct match *,
                                  struct ofp11_match *);
int ofputil_put_ofp11_match(struct ofpbuf *, const struct match *,
                            enum ofputil_protocol);
int ofputil_match_typical_len(enum ofputil_protocol);

/* Clears fields whose prerequisites 'match' does not meet (OpenFlow 1.0
 * semantics: such fields are ignored).  ofputil_normalize_match() logs a
 * warning when it changes something; the _quiet form does not. */
void ofputil_normalize_match(struct match *);
void ofputil_normalize_match_quiet(struct match *);

/* The protocols that can express 'match', and those that can express one
 * field with a given mask (NULL: exact match). */
enum ofputil_protocol ofputil_usable_protocols(const struct match *);
enum ofputil_protocol ofputil_field_usable_protocols(
    const struct mf_field *, const union mf_value *mask);

#endif /* ofp-match.h */
