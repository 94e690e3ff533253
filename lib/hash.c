/* Hash functions: the out-of-line ones that loop over memory.
 *
 * They feed 32-bit words to hash_add() and finish with the byte count, so
 * that inputs that differ only in length (e.g. trailing zero bytes) still
 * hash differently. */

#include <config.h>
#include "openvswitch/hash.h"

#include <string.h>

#include "unaligned.h"

uint32_t
hash_bytes(const void *p_, size_t n, uint32_t basis)
{
    const uint8_t *p = p_;
    size_t left = n;
    uint32_t hash = basis;

    for (; left >= 4; left -= 4, p += 4) {
        hash = hash_add(hash, get_unaligned_u32(p));
    }
    if (left) {
        uint32_t tail = 0;

        memcpy(&tail, p, left);
        hash = hash_add(hash, tail);
    }
    return hash_finish(hash, n);
}

uint32_t
hash_words(const uint32_t *p, size_t n_words, uint32_t basis)
{
    uint32_t hash = basis;

    for (size_t i = 0; i < n_words; i++) {
        hash = hash_add(hash, p[i]);
    }
    return hash_finish(hash, n_words * 4);
}

uint32_t
hash_words64(const uint64_t *p, size_t n_words, uint32_t basis)
{
    uint32_t hash = basis;

    for (size_t i = 0; i < n_words; i++) {
        hash = hash_add64(hash, p[i]);
    }
    return hash_finish(hash, n_words * 8);
}
