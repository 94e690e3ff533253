/* Hash functions for hash tables.
 *
 * The building block is a MurmurHash3-style mixer: hash_add() folds one
 * 32-bit word into a running hash, hash_finish() mixes in the total length
 * and avalanches the bits.  Everything else is a convenience on top.  The
 * BASIS argument lets callers chain hashes or vary them; any value is
 * fine.  Results are for in-memory tables only: they are not stable
 * across versions and must never appear on the wire. */

#ifndef OPENVSWITCH_HASH_H_INCLUDED
#define OPENVSWITCH_HASH_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "openvswitch/types.h"
#include "openvswitch/util.h"

static inline uint32_t
hash_rot(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

/* Folds DATA into HASH. */
static inline uint32_t
hash_add(uint32_t hash, uint32_t data)
{
    data *= 0xcc9e2d51;
    data = hash_rot(data, 15);
    data *= 0x1b873593;

    hash ^= data;
    hash = hash_rot(hash, 13);
    return hash * 5 + 0xe6546b64;
}

/* Folds the two halves of DATA into HASH. */
static inline uint32_t
hash_add64(uint32_t hash, uint64_t data)
{
    return hash_add(hash_add(hash, data), data >> 32);
}

/* Finishes a hash to which FINAL (usually the number of bytes hashed) is
 * added. */
static inline uint32_t
hash_finish(uint32_t hash, uint32_t final)
{
    uint32_t h = hash ^ final;

    /* MurmurHash3's 32-bit finalizer ("fmix32"). */
    h = (h ^ (h >> 16)) * 0x85ebca6b;
    h = (h ^ (h >> 13)) * 0xc2b2ae35;
    return h ^ (h >> 16);
}

/* Hashes N bytes at P, which need not be aligned. */
uint32_t hash_bytes(const void *p, size_t n, uint32_t basis);
/* Hashes N_WORDS 32-bit / 64-bit words at P, which must be aligned. */
uint32_t hash_words(const uint32_t *p, size_t n_words, uint32_t basis);
uint32_t hash_words64(const uint64_t *p, size_t n_words, uint32_t basis);

static inline uint32_t
hash_2words(uint32_t x, uint32_t y)
{
    return hash_finish(hash_add(hash_add(x, 0), y), 8);
}

static inline uint32_t
hash_3words(uint32_t x, uint32_t y, uint32_t z)
{
    return hash_finish(hash_add(hash_add(hash_add(x, 0), y), z), 12);
}

static inline uint32_t
hash_int(uint32_t x, uint32_t basis)
{
    return hash_2words(x, basis);
}

static inline uint32_t
hash_uint64_basis(uint64_t x, uint32_t basis)
{
    return hash_finish(hash_add64(basis, x), 8);
}

static inline uint32_t
hash_uint64(uint64_t x)
{
    return hash_uint64_basis(x, 0);
}

static inline uint32_t
hash_string(const char *s, uint32_t basis)
{
    return hash_bytes(s, strlen(s), basis);
}

/* Hashes the pointer value P itself (not what it points to). */
static inline uint32_t
hash_pointer(const void *p, uint32_t basis)
{
    return hash_uint64_basis((uintptr_t) p, basis);
}

static inline uint32_t
hash_boolean(bool x, uint32_t basis)
{
    uint32_t word = x ? 0x9e3779b9 : 0x7f4a7c15;

    return hash_finish(hash_add(basis, word), 1);
}

#endif /* openvswitch/hash.h */
