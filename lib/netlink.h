/* Netlink attributes: type-length-value records in a buffer.
 *
 * An attribute is a "struct nlattr" header (16-bit length that includes
 * the header, 16-bit type) followed by its payload, padded to a multiple
 * of NLA_ALIGNTO bytes.  A nested attribute's payload is itself a run of
 * attributes.  Datapath actions and flow keys use this encoding (the
 * OVS_ACTION_ATTR_* and OVS_KEY_ATTR_* types of <linux/openvswitch.h>).
 *
 * The nl_msg_put_*() functions append attributes to an ofpbuf; the
 * nl_attr_get_*() functions read a payload, and NL_ATTR_FOR_EACH walks a
 * run of attributes, stopping at the first one that does not fit (so a
 * truncated run is never read past its end).  nl_attrs_validate() checks
 * that a whole run is well formed. */

#ifndef NETLINK_H
#define NETLINK_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>
#include "openvswitch/types.h"

struct ofpbuf;

/* Appending attributes.  Each returns nothing; the buffer grows. */
void *nl_msg_put_unspec_uninit(struct ofpbuf *, uint16_t type, size_t size);
void *nl_msg_put_unspec_zero(struct ofpbuf *, uint16_t type, size_t size);
void nl_msg_put_unspec(struct ofpbuf *, uint16_t type, const void *,
                       size_t size);
void nl_msg_put_flag(struct ofpbuf *, uint16_t type);
void nl_msg_put_u8(struct ofpbuf *, uint16_t type, uint8_t);
void nl_msg_put_u16(struct ofpbuf *, uint16_t type, uint16_t);
void nl_msg_put_u32(struct ofpbuf *, uint16_t type, uint32_t);
void nl_msg_put_u64(struct ofpbuf *, uint16_t type, uint64_t);
void nl_msg_put_be16(struct ofpbuf *, uint16_t type, ovs_be16);
void nl_msg_put_be32(struct ofpbuf *, uint16_t type, ovs_be32);
void nl_msg_put_string(struct ofpbuf *, uint16_t type, const char *);

/* Nesting: nl_msg_start_nested() returns the offset of the new attribute,
 * to be passed to nl_msg_end_nested() once its contents are appended. */
size_t nl_msg_start_nested(struct ofpbuf *, uint16_t type);
void nl_msg_end_nested(struct ofpbuf *, size_t offset);
/* Like nl_msg_end_nested(), but removes the attribute again if it ended up
 * with an empty payload.  Returns true if it was removed. */
bool nl_msg_end_non_empty_nested(struct ofpbuf *, size_t offset);
void nl_msg_put_nested(struct ofpbuf *, uint16_t type, const void *,
                       size_t size);

/* Reading. */
static inline uint16_t
nl_attr_type(const struct nlattr *nla)
{
    return nla->nla_type & NLA_TYPE_MASK;
}

static inline const void *
nl_attr_get(const struct nlattr *nla)
{
    return (const char *) nla + NLA_HDRLEN;
}

static inline size_t
nl_attr_get_size(const struct nlattr *nla)
{
    return nla->nla_len - NLA_HDRLEN;
}

/* Fixed-size payloads.  A payload shorter than the type reads as 0. */
bool nl_attr_get_flag(const struct nlattr *);
ovs_be32 nl_attr_get_be32(const struct nlattr *);
ovs_be16 nl_attr_get_be16(const struct nlattr *);
uint64_t nl_attr_get_u64(const struct nlattr *);
uint32_t nl_attr_get_u32(const struct nlattr *);
uint16_t nl_attr_get_u16(const struct nlattr *);
uint8_t nl_attr_get_u8(const struct nlattr *);
/* Returns the payload of a nested attribute as an unaligned-safe pointer
 * and length, for NL_ATTR_FOR_EACH. */
const struct nlattr *nl_attr_get_nested(const struct nlattr *,
                                        size_t *lenp);

/* Walking a run of attributes.  'LEFT' counts the bytes not yet visited;
 * the loop stops at the first attribute that is shorter than a header or
 * longer than what is left. */
static inline bool
nl_attr_is_valid(const struct nlattr *nla, size_t maxlen)
{
    return (maxlen >= NLA_HDRLEN
            && nla->nla_len >= NLA_HDRLEN
            && nla->nla_len <= maxlen);
}

static inline const struct nlattr *
nl_attr_next(const struct nlattr *nla)
{
    return (const struct nlattr *) ((const char *) nla
                                    + NLA_ALIGN(nla->nla_len));
}

static inline size_t
nl_attr_len_pad(const struct nlattr *nla, size_t maxlen)
{
    size_t len = NLA_ALIGN(nla->nla_len);

    return len <= maxlen ? len : nla->nla_len;
}

#define NL_ATTR_FOR_EACH(ITER, LEFT, ATTRS, ATTRS_LEN)                   \
    for ((ITER) = (ATTRS), (LEFT) = (ATTRS_LEN);                        \
         nl_attr_is_valid(ITER, LEFT);                                  \
         (LEFT) -= nl_attr_len_pad(ITER, LEFT), (ITER) = nl_attr_next(ITER))

/* Like NL_ATTR_FOR_EACH for attributes already validated. */
#define NL_ATTR_FOR_EACH_UNSAFE(ITER, LEFT, ATTRS, ATTRS_LEN)            \
    NL_ATTR_FOR_EACH (ITER, LEFT, ATTRS, ATTRS_LEN)

#define NL_NESTED_FOR_EACH(ITER, LEFT, NLA)                             \
    NL_ATTR_FOR_EACH (ITER, LEFT, (const struct nlattr *) nl_attr_get(NLA), \
                      nl_attr_get_size(NLA))

/* Returns true if the 'len' bytes at 'attrs' are a sequence of complete
 * attributes with nothing left over. */
bool nl_attrs_validate(const struct nlattr *attrs, size_t len);

/* Returns the first attribute of 'type' in the run, or NULL. */
const struct nlattr *nl_attr_find(const struct nlattr *attrs, size_t len,
                                  uint16_t type);

#endif /* netlink.h */
