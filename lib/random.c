/* A small pseudo-random number generator.
 *
 * The state is 64 bits advanced by the "splitmix" recipe (add an odd
 * constant, then scramble with multiplications and shifts), which passes
 * common statistical tests and cannot get stuck at zero.  It is seeded
 * lazily from the clock and the process ID so that two processes started
 * together still differ; random_set_seed() overrides that for tests. */

#include <config.h>
#include "random.h"

#include <stdbool.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>


static uint64_t state;
static bool seeded;

void
random_set_seed(uint32_t seed)
{
    state = seed;
    seeded = true;
}

void
random_init(void)
{
    if (!seeded) {
        struct timeval tv;

        gettimeofday(&tv, NULL);
        state = ((uint64_t) tv.tv_sec << 32) ^ (uint64_t) tv.tv_usec
                ^ ((uint64_t) getpid() << 16);
        seeded = true;
    }
}

uint64_t
random_uint64(void)
{
    uint64_t z;

    random_init();
    state += 0x9e3779b97f4a7c15ULL;
    z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint32_t
random_uint32(void)
{
    return random_uint64() >> 32;
}

void
random_bytes(void *p_, size_t n)
{
    uint8_t *p = p_;

    while (n > 0) {
        uint64_t x = random_uint64();
        size_t chunk = n < sizeof x ? n : sizeof x;

        memcpy(p, &x, chunk);
        p += chunk;
        n -= chunk;
    }
}

/* Rejects the top partial "slice" of the 32-bit range so that every
 * result in [0, MAX) is equally likely. */
uint32_t
random_range(uint32_t max)
{
    uint32_t limit = UINT32_MAX - UINT32_MAX % max;
    uint32_t x;

    do {
        x = random_uint32();
    } while (x >= limit);
    return x % max;
}
