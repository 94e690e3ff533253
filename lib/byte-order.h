/* Byte-order conversions beyond <arpa/inet.h>: 64-bit and 128-bit values,
 * and compile-time constants in network byte order.
 *
 * CONSTANT_HTONS/HTONL/HTONLL are for case labels and static initializers
 * where htons() and friends cannot be used; in ordinary code use the
 * functions. */

#ifndef BYTE_ORDER_H_INCLUDED
#define BYTE_ORDER_H_INCLUDED 1

#include <arpa/inet.h>
#include <stdint.h>
#include "openvswitch/types.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define OVS_HOST_IS_BIG_ENDIAN 1
#else
#define OVS_HOST_IS_BIG_ENDIAN 0
#endif

static inline uint64_t
uint64_byteswap(uint64_t x)
{
    return __builtin_bswap64(x);
}

static inline uint32_t
uint32_byteswap(uint32_t x)
{
    return __builtin_bswap32(x);
}

static inline uint16_t
uint16_byteswap(uint16_t x)
{
    return __builtin_bswap16(x);
}

#ifndef HAVE_HTONLL
static inline ovs_be64
htonll(uint64_t n)
{
    return OVS_HOST_IS_BIG_ENDIAN ? n : uint64_byteswap(n);
}

static inline uint64_t
ntohll(ovs_be64 n)
{
    return OVS_HOST_IS_BIG_ENDIAN ? n : uint64_byteswap(n);
}
#endif

/* 128-bit values, converting each half. */
static inline ovs_be128
hton128(const ovs_u128 host)
{
    ovs_be128 net;

    net.be64.lo = htonll(host.u64.lo);
    net.be64.hi = htonll(host.u64.hi);
    return net;
}

static inline ovs_u128
ntoh128(const ovs_be128 net)
{
    ovs_u128 host;

    host.u64.lo = ntohll(net.be64.lo);
    host.u64.hi = ntohll(net.be64.hi);
    return host;
}

/* Network-byte-order constants usable in constant expressions. */
#if OVS_HOST_IS_BIG_ENDIAN
#define CONSTANT_HTONS(VALUE) ((ovs_be16) (VALUE))
#define CONSTANT_HTONL(VALUE) ((ovs_be32) (VALUE))
#define CONSTANT_HTONLL(VALUE) ((ovs_be64) (VALUE))
#else
#define CONSTANT_HTONS(VALUE)                           \
    ((ovs_be16) ((((uint16_t) (VALUE) & 0xff00) >> 8) | \
                 (((uint16_t) (VALUE) & 0x00ff) << 8)))
#define CONSTANT_HTONL(VALUE)                                   \
    ((ovs_be32) ((((uint32_t) (VALUE) & 0xff000000) >> 24) |    \
                 (((uint32_t) (VALUE) & 0x00ff0000) >> 8) |     \
                 (((uint32_t) (VALUE) & 0x0000ff00) << 8) |     \
                 (((uint32_t) (VALUE) & 0x000000ff) << 24)))
#define CONSTANT_HTONLL(VALUE)                                          \
    ((ovs_be64) (((uint64_t) CONSTANT_HTONL((uint64_t) (VALUE) >> 32)) \
                 | ((uint64_t) CONSTANT_HTONL(VALUE) << 32)))
#endif

/* Short names for the constants. */
#define BE16(VALUE) CONSTANT_HTONS(VALUE)
#define BE32(VALUE) CONSTANT_HTONL(VALUE)
#define BE64(VALUE) CONSTANT_HTONLL(VALUE)

/* Network-order composites: bytes B0 (most significant) ... B3 into an
 * ovs_be32, and two ovs_be16 halves into an ovs_be32. */
#if OVS_HOST_IS_BIG_ENDIAN
#define BYTES_TO_BE32(B0, B1, B2, B3) \
    ((ovs_be32) (((B0) << 24) | ((B1) << 16) | ((B2) << 8) | (B3)))
#define BE16S_TO_BE32(HI, LO) ((ovs_be32) (((uint32_t) (HI) << 16) | (LO)))
#else
#define BYTES_TO_BE32(B0, B1, B2, B3)                                   \
    ((ovs_be32) (((uint32_t) (B3) << 24) | ((uint32_t) (B2) << 16)      \
                 | ((uint32_t) (B1) << 8) | (uint32_t) (B0)))
#define BE16S_TO_BE32(HI, LO) ((ovs_be32) (((uint32_t) (LO) << 16) | (HI)))
#endif

/* Widening and narrowing in network byte order, keeping the numeric
 * value (the narrowing ones drop the high bits). */
static inline ovs_be32
be16_to_be32(ovs_be16 x)
{
    return htonl(ntohs(x));
}

static inline ovs_be64
be32_to_be64(ovs_be32 x)
{
    return htonll(ntohl(x));
}

static inline ovs_be16
be32_to_be16(ovs_be32 x)
{
    return htons(ntohl(x));
}

static inline ovs_be32
be64_to_be32(ovs_be64 x)
{
    return htonl(ntohll(x));
}

#endif /* byte-order.h */
