/* Bitmaps: arrays of unsigned long holding one bit per index.
 *
 * Bit N lives in word N / BITMAP_ULONG_BITS at position
 * N % BITMAP_ULONG_BITS.  Heap bitmaps come from bitmap_allocate() and are
 * freed with bitmap_free(); fixed-size ones can be declared with
 * "unsigned long name[BITMAP_N_LONGS(N)]". */

#ifndef BITMAP_H_INCLUDED
#define BITMAP_H_INCLUDED 1

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include "openvswitch/util.h"

#define BITMAP_ULONG_BITS (sizeof(unsigned long) * CHAR_BIT)

/* Words and bytes needed for N_BITS bits. */
#define BITMAP_N_LONGS(N_BITS) DIV_ROUND_UP(N_BITS, BITMAP_ULONG_BITS)

static inline size_t
bitmap_n_longs(size_t nbits)
{
    return BITMAP_N_LONGS(nbits);
}

static inline size_t
bitmap_n_bytes(size_t nbits)
{
    return bitmap_n_longs(nbits) * sizeof(unsigned long);
}

/* The word holding bit OFFSET, and that bit's mask within it. */
static inline unsigned long *
bitmap_word__(const unsigned long *bits, size_t idx)
{
    return CONST_CAST(unsigned long *, &bits[idx / BITMAP_ULONG_BITS]);
}

static inline unsigned long
bitmap_mask__(size_t idx)
{
    return 1UL << (idx % BITMAP_ULONG_BITS);
}

/* New bitmaps of N_BITS bits, all 0 / all 1.  Free with bitmap_free(). */
unsigned long *bitmap_allocate(size_t nbits);
unsigned long *bitmap_allocate1(size_t nbits);
unsigned long *bitmap_clone(const unsigned long *, size_t nbits);

static inline void
bitmap_free(unsigned long *bits)
{
    free(bits);
}

static inline bool
bitmap_is_set(const unsigned long *bits, size_t idx)
{
    return (*bitmap_word__(bits, idx) & bitmap_mask__(idx)) != 0;
}

static inline unsigned long *
bitmap_set1(unsigned long *bits, size_t idx)
{
    *bitmap_word__(bits, idx) |= bitmap_mask__(idx);
    return bits;
}

static inline unsigned long *
bitmap_set0(unsigned long *bits, size_t idx)
{
    *bitmap_word__(bits, idx) &= ~bitmap_mask__(idx);
    return bits;
}

static inline unsigned long *
bitmap_set(unsigned long *bits, size_t idx, bool value)
{
    return value ? bitmap_set1(bits, idx) : bitmap_set0(bits, idx);
}

/* Sets the COUNT bits starting at START to VALUE. */
void bitmap_set_multiple(unsigned long *, size_t start, size_t count,
                         bool value);
/* True if the first N_BITS bits of A and B are equal. */
bool bitmap_equal(const unsigned long *a, const unsigned long *b,
                  size_t nbits);
/* The index of the first bit equal to TARGET in [START, END), or END. */
size_t bitmap_scan(const unsigned long *, bool target, size_t start,
                   size_t end);
/* Number of 1-bits among the first N_BITS. */
size_t bitmap_count1(const unsigned long *, size_t nbits);
/* DST &= ARG, DST |= ARG, DST = ~DST over N_BITS bits. */
void bitmap_and(unsigned long *dst, const unsigned long *arg, size_t nbits);
void bitmap_or(unsigned long *dst, const unsigned long *arg, size_t nbits);
void bitmap_not(unsigned long *dst, size_t nbits);

static inline bool
bitmap_is_all_zeros(const unsigned long *bits, size_t nbits)
{
    return bitmap_scan(bits, true, 0, nbits) == nbits;
}

static inline bool
bitmap_is_all_ones(const unsigned long *bits, size_t nbits)
{
    return bitmap_scan(bits, false, 0, nbits) == nbits;
}

/* Finds the first 0-bit below N_BITS (sets it to 1 and returns its index)
 * or returns N_BITS if every bit is set. */
size_t bitmap_allocate_bit(unsigned long *, size_t nbits);

/* Visits in increasing order each index IDX (a size_t) below SIZE whose
 * bit is 1 in BITMAP. */
#define BITMAP_FOR_EACH_1(IDX, SIZE, BITMAP)                            \
    for ((IDX) = bitmap_scan(BITMAP, true, 0, SIZE); (IDX) < (SIZE);    \
         (IDX) = bitmap_scan(BITMAP, true, (IDX) + 1, SIZE))

#endif /* bitmap.h */
