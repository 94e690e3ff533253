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
struct ofputil_port_map;
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

/* Text.  ofputil_parse_match_item() applies one item of the match part
 * of a flow in ovs-ofctl syntax to 'match': a protocol name ("tcp",
 * "icmp6", ...) when 'value' is NULL, otherwise "FIELD=VALUE" (a field
 * named without a value means "FIELD=0/0", as in ovs-ofctl).  It narrows
 * '*usable' to the protocols that can express what it parsed.
 * ofputil_match_from_string() parses a whole comma- or space-separated
 * list of such items plus "priority=N" (stored in '*priority', which is
 * left alone if there is none).  Both return NULL or a malloc()'d error
 * message, with the text ovs-ofctl gives. */
char *ofputil_parse_match_item(struct match *, const char *name,
                               const char *value,
                               const struct ofputil_port_map *,
                               enum ofputil_protocol *usable)
    __attribute__((warn_unused_result));
char *ofputil_match_from_string(const char *, const struct ofputil_port_map *,
                                struct match *, int *priority,
                                enum ofputil_protocol *usable)
    __attribute__((warn_unused_result));
bool ofputil_match_set_protocol(struct match *, const char *name);

/* The protocols that can express 'match', and those that can express one
 * field with a given mask (NULL: exact match). */
enum ofputil_protocol ofputil_usable_protocols(const struct match *);
enum ofputil_protocol ofputil_field_usable_protocols(
    const struct mf_field *, const union mf_value *mask);

#endif /* ofp-match.h */
