/* Netlink attribute encoding and decoding over ofpbufs.
 *
 * Appending an attribute reserves its header plus its padded payload at
 * the tail of the buffer, so the buffer's length stays a multiple of
 * NLA_ALIGNTO as long as it started that way.  Nested attributes are
 * opened by remembering where the header went and closed by writing the
 * final length into it. */

#include <config.h>
#include "netlink.h"
#include <string.h>
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "unaligned.h"

void *
nl_msg_put_unspec_uninit(struct ofpbuf *buf, uint16_t type, size_t size)
{
    size_t total = NLA_HDRLEN + size;
    size_t padded = NLA_ALIGN(total);
    struct nlattr *nla;

    ovs_assert(total <= UINT16_MAX);
    nla = ofpbuf_put_uninit(buf, padded);
    nla->nla_len = total;
    nla->nla_type = type;
    memset((char *) nla + total, 0, padded - total);
    return nla + 1;
}

void *
nl_msg_put_unspec_zero(struct ofpbuf *buf, uint16_t type, size_t size)
{
    void *payload = nl_msg_put_unspec_uninit(buf, type, size);

    memset(payload, 0, size);
    return payload;
}

void
nl_msg_put_unspec(struct ofpbuf *buf, uint16_t type, const void *data,
                  size_t size)
{
    void *payload = nl_msg_put_unspec_uninit(buf, type, size);

    if (size) {
        memcpy(payload, data, size);
    }
}

void
nl_msg_put_flag(struct ofpbuf *buf, uint16_t type)
{
    nl_msg_put_unspec(buf, type, NULL, 0);
}

void
nl_msg_put_u8(struct ofpbuf *buf, uint16_t type, uint8_t value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_u16(struct ofpbuf *buf, uint16_t type, uint16_t value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_u32(struct ofpbuf *buf, uint16_t type, uint32_t value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_u64(struct ofpbuf *buf, uint16_t type, uint64_t value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_be16(struct ofpbuf *buf, uint16_t type, ovs_be16 value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_be32(struct ofpbuf *buf, uint16_t type, ovs_be32 value)
{
    nl_msg_put_unspec(buf, type, &value, sizeof value);
}

void
nl_msg_put_string(struct ofpbuf *buf, uint16_t type, const char *s)
{
    nl_msg_put_unspec(buf, type, s, strlen(s) + 1);
}

size_t
nl_msg_start_nested(struct ofpbuf *buf, uint16_t type)
{
    size_t offset = buf->size;

    nl_msg_put_unspec(buf, type, NULL, 0);
    return offset;
}

void
nl_msg_end_nested(struct ofpbuf *buf, size_t offset)
{
    struct nlattr *nla = ofpbuf_at_assert(buf, offset, sizeof *nla);
    size_t len = buf->size - offset;

    ovs_assert(len <= UINT16_MAX);
    nla->nla_len = len;
}

bool
nl_msg_end_non_empty_nested(struct ofpbuf *buf, size_t offset)
{
    nl_msg_end_nested(buf, offset);
    if (buf->size - offset == NLA_HDRLEN) {
        buf->size = offset;
        return true;
    }
    return false;
}

void
nl_msg_put_nested(struct ofpbuf *buf, uint16_t type, const void *data,
                  size_t size)
{
    nl_msg_put_unspec(buf, type, data, size);
}

/* Copies a payload of exactly 'size' bytes into 'dst', or zeros if the
 * attribute is shorter (callers validate sizes before reading). */
static void
get_fixed(const struct nlattr *nla, void *dst, size_t size)
{
    if (nl_attr_get_size(nla) >= size) {
        memcpy(dst, nl_attr_get(nla), size);
    } else {
        memset(dst, 0, size);
    }
}

uint8_t
nl_attr_get_u8(const struct nlattr *nla)
{
    uint8_t v;

    get_fixed(nla, &v, sizeof v);
    return v;
}

uint16_t
nl_attr_get_u16(const struct nlattr *nla)
{
    uint16_t v;

    get_fixed(nla, &v, sizeof v);
    return v;
}

uint32_t
nl_attr_get_u32(const struct nlattr *nla)
{
    uint32_t v;

    get_fixed(nla, &v, sizeof v);
    return v;
}

uint64_t
nl_attr_get_u64(const struct nlattr *nla)
{
    uint64_t v;

    get_fixed(nla, &v, sizeof v);
    return v;
}

ovs_be16
nl_attr_get_be16(const struct nlattr *nla)
{
    return nl_attr_get_u16(nla);
}

ovs_be32
nl_attr_get_be32(const struct nlattr *nla)
{
    return nl_attr_get_u32(nla);
}

bool
nl_attr_get_flag(const struct nlattr *nla)
{
    return nla != NULL;
}

const struct nlattr *
nl_attr_get_nested(const struct nlattr *nla, size_t *lenp)
{
    *lenp = nl_attr_get_size(nla);
    return nl_attr_get(nla);
}

bool
nl_attrs_validate(const struct nlattr *attrs, size_t len)
{
    const struct nlattr *a;
    size_t left;

    NL_ATTR_FOR_EACH (a, left, attrs, len) {
        continue;
    }
    return left == 0;
}

const struct nlattr *
nl_attr_find(const struct nlattr *attrs, size_t len, uint16_t type)
{
    const struct nlattr *a;
    size_t left;

    NL_ATTR_FOR_EACH (a, left, attrs, len) {
        if (nl_attr_type(a) == type) {
            return a;
        }
    }
    return NULL;
}
