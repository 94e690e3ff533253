/* Access to integers at addresses that may not be suitably aligned, such
 * as fields inside packets and wire messages.
 *
 * get/put_unaligned_uNN() read and write host-order values at any address;
 * get/put_unaligned_beNN() read and write network-order values (returning
 * or taking ovs_beNN, i.e. without conversion).  The 16aligned and
 * 32aligned helpers work on the split types of "openvswitch/types.h". */

#ifndef UNALIGNED_H_INCLUDED
#define UNALIGNED_H_INCLUDED 1

#include <stdint.h>
#include <string.h>
#include "byte-order.h"
#include "openvswitch/types.h"

/* memcpy() of a constant size compiles to a single load or store where the
 * CPU allows it, and is always well defined. */
#define OVS_UNALIGNED_ACCESSORS__(TYPE, NAME)           \
    static inline TYPE                                  \
    get_unaligned_##NAME(const void *p)                 \
    {                                                   \
        TYPE x;                                         \
        memcpy(&x, p, sizeof x);                        \
        return x;                                       \
    }                                                   \
    static inline void                                  \
    put_unaligned_##NAME(void *p, TYPE x)               \
    {                                                   \
        memcpy(p, &x, sizeof x);                        \
    }

OVS_UNALIGNED_ACCESSORS__(uint16_t, u16)
OVS_UNALIGNED_ACCESSORS__(uint32_t, u32)
OVS_UNALIGNED_ACCESSORS__(uint64_t, u64)
OVS_UNALIGNED_ACCESSORS__(ovs_be16, be16)
OVS_UNALIGNED_ACCESSORS__(ovs_be32, be32)
OVS_UNALIGNED_ACCESSORS__(ovs_be64, be64)

/* 32-bit values split into 16-bit halves. */
static inline uint32_t
get_16aligned_u32(const ovs_16aligned_u32 *x)
{
    return ((uint32_t) x->hi << 16) | x->lo;
}

static inline void
put_16aligned_u32(ovs_16aligned_u32 *x, uint32_t value)
{
    x->hi = value >> 16;
    x->lo = value;
}

static inline ovs_be32
get_16aligned_be32(const ovs_16aligned_be32 *x)
{
    ovs_be32 value;

    memcpy(&value, x, sizeof value);
    return value;
}

static inline void
put_16aligned_be32(ovs_16aligned_be32 *x, ovs_be32 value)
{
    memcpy(x, &value, sizeof value);
}

/* 64-bit values split into 32-bit halves. */
static inline uint64_t
get_32aligned_u64(const ovs_32aligned_u64 *x)
{
    return ((uint64_t) x->hi << 32) | x->lo;
}

static inline void
put_32aligned_u64(ovs_32aligned_u64 *x, uint64_t value)
{
    x->hi = value >> 32;
    x->lo = value;
}

static inline ovs_be64
get_32aligned_be64(const ovs_32aligned_be64 *x)
{
    ovs_be64 value;

    memcpy(&value, x, sizeof value);
    return value;
}

static inline void
put_32aligned_be64(ovs_32aligned_be64 *x, ovs_be64 value)
{
    memcpy(x, &value, sizeof value);
}

/* Host-order reads of network-order data at any address. */
static inline uint16_t
ntohs_unaligned(const void *p)
{
    return ntohs(get_unaligned_be16(p));
}

static inline uint32_t
ntohl_unaligned(const void *p)
{
    return ntohl(get_unaligned_be32(p));
}

static inline uint64_t
ntohll_unaligned(const void *p)
{
    return ntohll(get_unaligned_be64(p));
}

#endif /* unaligned.h */
