/* Bitmaps: the operations that loop over whole words. */

#include <config.h>
#include "bitmap.h"

#include <string.h>

unsigned long *
bitmap_allocate(size_t n_bits)
{
    return xzalloc(bitmap_n_bytes(n_bits));
}

/* Sets every bit, including the unused ones in the last word; the other
 * functions never look at those. */
unsigned long *
bitmap_allocate1(size_t n_bits)
{
    size_t n_bytes = bitmap_n_bytes(n_bits);
    unsigned long *bits = xmalloc(n_bytes);

    memset(bits, 0xff, n_bytes);
    return bits;
}

unsigned long *
bitmap_clone(const unsigned long *bits, size_t n_bits)
{
    return xmemdup(bits, bitmap_n_bytes(n_bits));
}

void
bitmap_set_multiple(unsigned long *bits, size_t start, size_t count,
                    bool value)
{
    for (size_t i = start; i < start + count; i++) {
        bitmap_set(bits, i, value);
    }
}

/* A mask of the bits of the last word that are among the first N_BITS,
 * or all-ones if the last word is full. */
static unsigned long
last_word_mask(size_t n_bits)
{
    size_t rem = n_bits % BITMAP_ULONG_BITS;

    return rem ? (1UL << rem) - 1 : ~0UL;
}

bool
bitmap_equal(const unsigned long *a, const unsigned long *b, size_t n_bits)
{
    size_t n_longs = bitmap_n_longs(n_bits);

    if (!n_longs) {
        return true;
    }
    for (size_t i = 0; i + 1 < n_longs; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return !((a[n_longs - 1] ^ b[n_longs - 1]) & last_word_mask(n_bits));
}

size_t
bitmap_scan(const unsigned long *bits, bool target, size_t start,
            size_t end)
{
    size_t i = start;

    while (i < end) {
        unsigned long word = *bitmap_word__(bits, i);
        size_t bit = i % BITMAP_ULONG_BITS;

        if (!target) {
            word = ~word;
        }
        word &= ~0UL << bit;    /* Ignore bits below I. */
        if (word) {
            size_t found = i - bit + __builtin_ctzl(word);

            return found < end ? found : end;
        }
        i += BITMAP_ULONG_BITS - bit;
    }
    return end;
}

size_t
bitmap_count1(const unsigned long *bits, size_t n_bits)
{
    size_t n_longs = bitmap_n_longs(n_bits);
    size_t count = 0;

    for (size_t i = 0; i < n_longs; i++) {
        unsigned long word = bits[i];

        if (i == n_longs - 1) {
            word &= last_word_mask(n_bits);
        }
        count += __builtin_popcountl(word);
    }
    return count;
}

void
bitmap_and(unsigned long *dst, const unsigned long *arg, size_t n_bits)
{
    for (size_t i = 0; i < bitmap_n_longs(n_bits); i++) {
        dst[i] &= arg[i];
    }
}

void
bitmap_or(unsigned long *dst, const unsigned long *arg, size_t n_bits)
{
    for (size_t i = 0; i < bitmap_n_longs(n_bits); i++) {
        dst[i] |= arg[i];
    }
}

void
bitmap_not(unsigned long *dst, size_t n_bits)
{
    for (size_t i = 0; i < bitmap_n_longs(n_bits); i++) {
        dst[i] = ~dst[i];
    }
}

size_t
bitmap_allocate_bit(unsigned long *bits, size_t n_bits)
{
    size_t idx = bitmap_scan(bits, false, 0, n_bits);

    if (idx < n_bits) {
        bitmap_set1(bits, idx);
    }
    return idx;
}
