/*
 * OpenFlow errors as values.
 *
 * An "enum ofperr" names one error independently of the protocol version;
 * this module maps it to and from the (vendor, type, code) triple that each
 * OpenFlow version puts on the wire.  The errors themselves are declared
 * once, in lib/ofp-errors.def.
 *
 * Functions that may fail with either an OpenFlow error or a system error
 * return an "int" that holds an enum ofperr (>= OFPERR_OFS) or an errno
 * value (< OFPERR_OFS); 0 always means success.
 */

#ifndef OFP_ERRORS_H
#define OFP_ERRORS_H 1

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "openflow/openflow-common.h"

struct ds;
struct ofpbuf;

/* enum ofperr values start here, far above any errno value. */
#define OFPERR_OFS (1 << 30)

enum ofperr {
    OFPERR_BEFORE_FIRST_ = OFPERR_OFS - 1,
#define OFPERR_ROW(NAME, MAPPING, DESCRIPTION) OFPERR_##NAME,
#include "ofp-errors.def"
#undef OFPERR_ROW
    OFPERR_AFTER_LAST_
};

#define OFPERR_N_ERRORS (OFPERR_AFTER_LAST_ - OFPERR_OFS)

/* The name that older code and OpenFlow 1.2 through 1.4 use. */
#define OFPERR_OFPBRC_IS_SLAVE OFPERR_OFPBRC_IS_SECONDARY

bool ofperr_is_valid(enum ofperr);

/* Names and text. */
const char *ofperr_get_name(enum ofperr);
const char *ofperr_get_description(enum ofperr);
enum ofperr ofperr_from_name(const char *);
void ofperr_format(struct ds *, enum ofperr);
const char *ofperr_to_string(enum ofperr);
const char *ofperr_domain_get_name(enum ofp_version);

/* Wire mapping.  Each returns -1 if 'error' has no encoding in 'version'.
 * The vendor is 0 for standard errors, else the vendor id. */
int ofperr_get_vendor(enum ofperr, enum ofp_version);
int ofperr_get_type(enum ofperr, enum ofp_version);
int ofperr_get_code(enum ofperr, enum ofp_version);
enum ofperr ofperr_decode(enum ofp_version, uint32_t vendor,
                          uint16_t type, uint16_t code);

/* Messages. */
enum ofperr ofperr_decode_msg(const struct ofp_header *,
                              struct ofpbuf *payload);
struct ofpbuf *ofperr_encode_reply(enum ofperr, const struct ofp_header *);
struct ofpbuf *ofperr_encode_hello(enum ofperr, enum ofp_version,
                                   const char *text);

#endif /* ofp-errors.h */
