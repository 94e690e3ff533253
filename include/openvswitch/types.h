/* Basic fixed-width types shared by the whole tree.
 *
 * The ovs_beNN types hold values in network byte order.  They are plain
 * integer typedefs, so the compiler cannot catch a missing htons(); the
 * distinct names still tell the reader which order a value is in.
 *
 * The port-number types name the three numbering spaces a switch deals
 * with: OpenFlow 1.0 ports (16 bits), OpenFlow 1.1+ ports (32 bits) and
 * datapath ports (32 bits).  Convert between integers and them only with
 * the helpers below, never with bare casts, so that conversions are easy
 * to find. */

#ifndef OPENVSWITCH_TYPES_H_INCLUDED
#define OPENVSWITCH_TYPES_H_INCLUDED 1

#include <stdint.h>
#include <sys/types.h>
#include "openvswitch/compiler.h"

typedef uint16_t ovs_be16;
typedef uint32_t ovs_be32;
typedef uint64_t ovs_be64;

#define OVS_BE16_MAX ((ovs_be16) 0xffff)
#define OVS_BE32_MAX ((ovs_be32) 0xffffffff)
#define OVS_BE64_MAX ((ovs_be64) 0xffffffffffffffffULL)

/* A 128-bit unsigned value in host byte order.  'u32[0]' and 'u64.lo' are
 * the least significant parts on a little-endian host; 'u64.hi'/'u64.lo'
 * always name the high and low halves. */
typedef union {
    uint32_t u32[4];
    struct {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        uint64_t hi, lo;
#else
        uint64_t lo, hi;
#endif
    } u64;
} ovs_u128;

/* A 128-bit value in network byte order: 'be32[0]' and 'be64.hi' hold the
 * most significant bits. */
typedef union {
    struct {
        ovs_be64 hi;            /* Most significant half. */
        ovs_be64 lo;
    } be64;
    ovs_be32 be32[4];
} ovs_be128;

/* A 32-bit value that may sit at an address that is only 16-bit aligned,
 * as in IPv4 headers after a 14-byte Ethernet header.  Read and write it
 * with get_16aligned_be32() and put_16aligned_be32() from "unaligned.h". */
typedef struct {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    uint16_t hi, lo;
#else
    uint16_t lo, hi;
#endif
} ovs_16aligned_u32;

typedef struct {
    ovs_be16 hi, lo;
} ovs_16aligned_be32;

/* A 64-bit value that is only 32-bit aligned, as many OpenFlow wire
 * structures require.  Access with get_32aligned_be64() and friends. */
typedef struct {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    uint32_t hi, lo;
#else
    uint32_t lo, hi;
#endif
} ovs_32aligned_u64;

typedef struct {
    ovs_be32 hi, lo;
} ovs_32aligned_be64;

/* Port numbers. */
typedef uint16_t ofp_port_t;    /* OpenFlow 1.0 port number. */
typedef uint32_t ofp11_port_t;  /* OpenFlow 1.1+ port number. */
typedef uint32_t odp_port_t;    /* Datapath port number. */

#define OFP_PORT_C(X) ((ofp_port_t) (X))
#define OFP11_PORT_C(X) ((ofp11_port_t) (X))
#define ODP_PORT_C(X) ((odp_port_t) (X))

static inline uint16_t
ofp_to_u16(ofp_port_t port)
{
    return port;
}

static inline ofp_port_t
u16_to_ofp(uint16_t port)
{
    return OFP_PORT_C(port);
}

static inline uint32_t
ofp11_to_u32(ofp11_port_t port)
{
    return port;
}

static inline ofp11_port_t
u32_to_ofp11(uint32_t port)
{
    return OFP11_PORT_C(port);
}

static inline uint32_t
odp_to_u32(odp_port_t port)
{
    return port;
}

static inline odp_port_t
u32_to_odp(uint32_t port)
{
    return ODP_PORT_C(port);
}

/* An Ethernet-style 48-bit address is declared in "packets.h"; a 128-bit
 * IPv6 address is struct in6_addr. */

#endif /* openvswitch/types.h */
