/* A fast pseudo-random number generator for non-cryptographic uses
 * (jitter, hash basis, probes).  It is seeded from the clock and the
 * process ID on first use, unless a test fixes the seed first with
 * random_set_seed() for repeatable results.  Not for secrets. */

#ifndef RANDOM_H_INCLUDED
#define RANDOM_H_INCLUDED 1

#include <stddef.h>
#include <stdint.h>

void random_init(void);
void random_set_seed(uint32_t);

/* Fills N bytes at P with random data. */
void random_bytes(void *p, size_t n);
uint32_t random_uint32(void);
uint64_t random_uint64(void);

/* Narrower random values are the low bits of a 32-bit one. */
static inline uint8_t
random_uint8(void)
{
    return (uint8_t) random_uint32();
}

static inline uint16_t
random_uint16(void)
{
    return (uint16_t) random_uint32();
}

/* A random integer in [0, MAX); MAX must be nonzero.  Unbiased. */
uint32_t random_range(uint32_t max);

#endif /* random.h */
