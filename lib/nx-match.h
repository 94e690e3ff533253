/* NXM and OXM: the type-length-value encodings of matches.
 *
 * Nicira Extended Match (NXM) and OpenFlow Extensible Match (OXM, OpenFlow
 * 1.2 and later) write a match as a sequence of entries, each a 32-bit
 * header (class, field, has-mask bit, payload length), an optional 32-bit
 * experimenter id, the value and, if the has-mask bit is set, a mask.
 * This module converts between such sequences and "struct match", and
 * between single entries and meta-flow fields (for the actions that name
 * fields: load, move, push/pop, set_field). */

#ifndef NX_MATCH_H
#define NX_MATCH_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "openflow/openflow-common.h"
#include "meta-flow.h"
#include "ofp-errors.h"

struct ds;
struct match;
struct ofpbuf;

/* Decoding a whole match.  'match_len' bytes are pulled from 'b' (plus, for
 * the OXM forms, the padding of struct ofp11_match_header).  The _loose
 * variants skip fields they do not know instead of failing.  'cookie' and
 * 'cookie_mask' may be NULL; if not, an NXM_NX_COOKIE entry is decoded into
 * them. */
enum ofperr nx_pull_match(struct ofpbuf *b, unsigned int match_len,
                          struct match *, ovs_be64 *cookie,
                          ovs_be64 *cookie_mask);
enum ofperr nx_pull_match_loose(struct ofpbuf *b, unsigned int match_len,
                                struct match *, ovs_be64 *cookie,
                                ovs_be64 *cookie_mask);
enum ofperr oxm_pull_match(struct ofpbuf *, struct match *);
enum ofperr oxm_pull_match_loose(struct ofpbuf *, struct match *);
enum ofperr oxm_decode_match(const void *, size_t, struct match *);

/* Encoding a whole match.  nx_put_match() returns the number of bytes
 * appended (not padded); oxm_put_match() appends an ofp11_match_header,
 * the entries and padding to a multiple of 8 and returns the unpadded
 * length.  oxm_put_raw() appends only the entries. */
int nx_put_match(struct ofpbuf *, const struct match *,
                 ovs_be64 cookie, ovs_be64 cookie_mask);
int oxm_put_match(struct ofpbuf *, const struct match *, enum ofp_version);
void oxm_put_raw(struct ofpbuf *, const struct match *, enum ofp_version);

/* Single entries and headers.  nx_put_header() and nx_put_entry() choose
 * the code for 'version': the newest OXM code the version has, else the
 * NXM code.  Pass 0 for NXM messages, which prefer NXM codes. */
enum ofperr nx_pull_entry(struct ofpbuf *, const struct mf_field **,
                          union mf_value *value, union mf_value *mask);
enum ofperr nx_pull_header(struct ofpbuf *, const struct mf_field **,
                           bool *masked);
void nx_put_header(struct ofpbuf *, enum mf_field_id, enum ofp_version,
                   bool masked);
void nx_put_entry(struct ofpbuf *, enum mf_field_id, enum ofp_version,
                  const union mf_value *value, const union mf_value *mask);
void nx_put_mff_header(struct ofpbuf *, const struct mf_field *,
                       enum ofp_version, bool masked);
uint32_t mf_nxm_header(enum mf_field_id);
uint32_t mf_oxm_header(enum mf_field_id, enum ofp_version);
const struct mf_field *mf_from_nxm_header(uint32_t header);
void nx_format_field_name(enum mf_field_id, enum ofp_version, struct ds *);
const char *nx_field_name(enum mf_field_id);

/* The 32-bit header layout. */
#define NXM_HEADER(CLASS, FIELD, HASMASK, LENGTH)                       \
    (((uint32_t) (CLASS) << 16) | ((uint32_t) (FIELD) << 9)            \
     | ((uint32_t) (HASMASK) << 8) | (uint32_t) (LENGTH))
#define NXM_CLASS(HEADER) ((HEADER) >> 16)
#define NXM_FIELD(HEADER) (((HEADER) >> 9) & 0x7f)
#define NXM_HASMASK(HEADER) (((HEADER) >> 8) & 1)
#define NXM_LENGTH(HEADER) ((HEADER) & 0xff)

/* Text forms, for tests and debugging: "NXM_OF_IN_PORT(0001),..." and the
 * same with OXM names.  The _to_string functions take 'match_len' bytes
 * from 'b' without modifying it and return a malloc()'d string (also for
 * malformed input, which is shown in the text). */
char *nx_match_to_string(const uint8_t *, unsigned int match_len);
char *oxm_match_to_string(const struct ofpbuf *, unsigned int match_len);
char *nx_match_from_string(const char *, struct ofpbuf *, int *match_lenp)
    __attribute__((warn_unused_result));
char *oxm_match_from_string(const char *, struct ofpbuf *, int *match_lenp)
    __attribute__((warn_unused_result));

/* Nicira cookie entries in NXM flow mods. */
#define NXM_NX_COOKIE NXM_HEADER(0x0001, 30, 0, 8)
#define NXM_NX_COOKIE_W NXM_HEADER(0x0001, 30, 1, 16)

/* Upper bound on the length of an encoded match with every field. */
#define NXM_MAX_LEN 2048

#endif /* nx-match.h */
