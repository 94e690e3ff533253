/* Bit counting and bit ranges inside big-endian byte arrays.
 *
 * OpenFlow fields are big-endian byte strings, and NXM/OXM instructions
 * such as "load:5->NXM_NX_REG0[4..7]" address bits within them by offset
 * from the least significant end.  The bitwise_*() functions here do that
 * addressing: an array of LEN bytes is one integer of 8 * LEN bits, bit 0
 * being the lowest bit of the last byte.
 *
 * Each range operation walks the range in "chunks": maximal runs of bits
 * that stay within one byte of every array involved, so that each chunk is
 * a single shift-and-mask. */

#include <config.h>
#include "openvswitch/util.h"

#include "byte-order.h"

unsigned int
count_1bits(uint64_t x)
{
    return __builtin_popcountll(x);
}

int
ctz32(uint32_t x)
{
    return x ? __builtin_ctz(x) : 32;
}

int
ctz64(uint64_t x)
{
    return x ? __builtin_ctzll(x) : 64;
}

int
clz32(uint32_t x)
{
    return x ? __builtin_clz(x) : 32;
}

int
clz64(uint64_t x)
{
    return x ? __builtin_clzll(x) : 64;
}

/* Address of the byte holding bit OFS of a LEN-byte array at P. */
static inline uint8_t *
bit_byte(const void *p, unsigned int len, unsigned int ofs)
{
    return CONST_CAST(uint8_t *, p) + (len - 1 - ofs / 8);
}

/* A mask of the N (1...8) low bits of a byte. */
static inline unsigned int
low_mask(unsigned int n)
{
    return (1u << n) - 1;
}

/* How many bits, starting at OFS, stay within OFS's byte, capped at N. */
static inline unsigned int
chunk_in_byte(unsigned int ofs, unsigned int n)
{
    unsigned int room = 8 - ofs % 8;

    return n < room ? n : room;
}

void
bitwise_copy(const void *src, unsigned int src_len, unsigned int src_ofs,
             void *dst, unsigned int dst_len, unsigned int dst_ofs,
             unsigned int n_bits)
{
    while (n_bits > 0) {
        unsigned int n = chunk_in_byte(src_ofs, n_bits);
        uint8_t *d;
        unsigned int bits;

        n = chunk_in_byte(dst_ofs, n);
        bits = (*bit_byte(src, src_len, src_ofs) >> (src_ofs % 8))
               & low_mask(n);

        d = bit_byte(dst, dst_len, dst_ofs);
        *d = (*d & ~(low_mask(n) << (dst_ofs % 8))) | (bits << (dst_ofs % 8));

        src_ofs += n;
        dst_ofs += n;
        n_bits -= n;
    }
}

/* Sets N_BITS bits of DST at DST_OFS to all-0 (VALUE false) or all-1. */
static void
bitwise_fill(void *dst, unsigned int dst_len, unsigned int dst_ofs,
             unsigned int n_bits, bool value)
{
    while (n_bits > 0) {
        unsigned int n = chunk_in_byte(dst_ofs, n_bits);
        unsigned int mask = low_mask(n) << (dst_ofs % 8);
        uint8_t *d = bit_byte(dst, dst_len, dst_ofs);

        *d = value ? *d | mask : *d & ~mask;
        dst_ofs += n;
        n_bits -= n;
    }
}

void
bitwise_zero(void *dst, unsigned int dst_len, unsigned int dst_ofs,
             unsigned int n_bits)
{
    bitwise_fill(dst, dst_len, dst_ofs, n_bits, false);
}

void
bitwise_one(void *dst, unsigned int dst_len, unsigned int dst_ofs,
            unsigned int n_bits)
{
    bitwise_fill(dst, dst_len, dst_ofs, n_bits, true);
}

bool
bitwise_is_all_zeros(const void *p, unsigned int len, unsigned int ofs,
                     unsigned int n_bits)
{
    while (n_bits > 0) {
        unsigned int n = chunk_in_byte(ofs, n_bits);

        if ((*bit_byte(p, len, ofs) >> (ofs % 8)) & low_mask(n)) {
            return false;
        }
        ofs += n;
        n_bits -= n;
    }
    return true;
}

bool
bitwise_get_bit(const void *src, unsigned int len, unsigned int ofs)
{
    return (*bit_byte(src, len, ofs) >> (ofs % 8)) & 1;
}

void
bitwise_put0(void *dst, unsigned int len, unsigned int ofs)
{
    *bit_byte(dst, len, ofs) &= ~(1u << (ofs % 8));
}

void
bitwise_put1(void *dst, unsigned int len, unsigned int ofs)
{
    *bit_byte(dst, len, ofs) |= 1u << (ofs % 8);
}

void
bitwise_put_bit(void *dst, unsigned int len, unsigned int ofs, bool bit)
{
    if (bit) {
        bitwise_put1(dst, len, ofs);
    } else {
        bitwise_put0(dst, len, ofs);
    }
}

void
bitwise_toggle_bit(void *dst, unsigned int len, unsigned int ofs)
{
    *bit_byte(dst, len, ofs) ^= 1u << (ofs % 8);
}

unsigned int
bitwise_scan(const void *p, unsigned int len, bool target,
             unsigned int start, unsigned int end)
{
    unsigned int ofs = start;

    /* Skip whole bytes that cannot contain TARGET. */
    while (ofs < end) {
        uint8_t byte = *bit_byte(p, len, ofs);

        if (ofs % 8 == 0 && end - ofs >= 8 && byte == (target ? 0 : 0xff)) {
            ofs += 8;
        } else if (((byte >> (ofs % 8)) & 1) == target) {
            return ofs;
        } else {
            ofs++;
        }
    }
    return end;
}

int
bitwise_rscan(const void *p, unsigned int len, bool target, int start,
              int end)
{
    for (int ofs = start; ofs > end; ofs--) {
        if (bitwise_get_bit(p, len, ofs) == target) {
            return ofs;
        }
    }
    return end;
}

void
bitwise_put(uint64_t value, void *dst, unsigned int dst_len,
            unsigned int dst_ofs, unsigned int n_bits)
{
    ovs_be64 be = htonll(value);

    ovs_assert(n_bits <= 64);
    bitwise_copy(&be, sizeof be, 0, dst, dst_len, dst_ofs, n_bits);
}

uint64_t
bitwise_get(const void *src, unsigned int src_len, unsigned int src_ofs,
            unsigned int n_bits)
{
    ovs_be64 be = 0;

    ovs_assert(n_bits <= 64);
    bitwise_copy(src, src_len, src_ofs, &be, sizeof be, 0, n_bits);
    return ntohll(be);
}
