/* UUIDs: generation, comparison and the textual form.
 *
 * New UUIDs are version 4 ("random") UUIDs.  The random bits come from the
 * kernel's random number generator, read in blocks to keep system calls
 * rare, because the database creates a UUID for every row it inserts.
 * If the kernel source fails (it should not), the process-local generator
 * of "random.h" is used instead: uniqueness then still holds in practice,
 * unpredictability does not. */

#include <config.h>
#include "openvswitch/uuid.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "openvswitch/util.h"
#include "random.h"

static bool predictable;
static bool predictable_checked;
static uint32_t predictable_counter;

void
uuid_set_predictable(bool on)
{
    predictable = on;
    predictable_checked = true;
    predictable_counter = 0;
}

/* Fills *UUID with random bits from a block of kernel randomness. */
static void
fill_random(struct uuid *uuid)
{
    static uint8_t pool[4096];
    static size_t pool_left;

    if (pool_left < sizeof *uuid) {
        ssize_t n = getrandom(pool, sizeof pool, 0);

        if (n < (ssize_t) sizeof *uuid) {
            random_bytes(uuid, sizeof *uuid);
            return;
        }
        pool_left = n;
    }
    pool_left -= sizeof *uuid;
    memcpy(uuid, &pool[pool_left], sizeof *uuid);
    /* Never hand out the same bits twice. */
    memset(&pool[pool_left], 0, sizeof *uuid);
}

void
uuid_set_bits_v4(struct uuid *uuid)
{
    /* Version 4 in the high nibble of the 7th byte. */
    uuid->parts[1] = (uuid->parts[1] & ~0x0000f000u) | 0x00004000u;
    /* Variant 1 (binary 10) in the top bits of the 9th byte. */
    uuid->parts[2] = (uuid->parts[2] & ~0xc0000000u) | 0x80000000u;
}

void
uuid_generate(struct uuid *uuid)
{
    if (!predictable_checked) {
        predictable_checked = true;
        predictable = getenv("OVS_UUID_PREDICTABLE") != NULL;
    }
    if (predictable) {
        uuid_zero(uuid);
        uuid->parts[3] = predictable_counter++;
    } else {
        fill_random(uuid);
    }
    uuid_set_bits_v4(uuid);
}

struct uuid
uuid_random(void)
{
    struct uuid fresh;

    uuid_generate(&fresh);
    return fresh;
}

void
uuid_zero(struct uuid *uuid)
{
    memset(uuid, 0, sizeof *uuid);
}

bool
uuid_is_zero(const struct uuid *uuid)
{
    return !(uuid->parts[0] | uuid->parts[1] | uuid->parts[2]
             | uuid->parts[3]);
}

bool
uuid_equals(const struct uuid *a, const struct uuid *b)
{
    return !memcmp(a, b, sizeof *a);
}

int
uuid_compare_3way(const struct uuid *a, const struct uuid *b)
{
    for (size_t i = 0; i < 4; i++) {
        if (a->parts[i] != b->parts[i]) {
            return a->parts[i] < b->parts[i] ? -1 : 1;
        }
    }
    return 0;
}

uint32_t
uuid_hash(const struct uuid *uuid)
{
    /* Random UUIDs need no mixing, but predictable ones (and UUIDs made up
     * by users) vary only in some words, so fold them all together. */
    return (uuid->parts[0] ^ uuid->parts[1] ^ uuid->parts[2]
            ^ uuid->parts[3]);
}

/* Positions of the dashes in the textual form. */
static bool
is_dash_position(size_t i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

bool
uuid_from_string_prefix(struct uuid *uuid, const char *s)
{
    uint32_t words[4] = { 0, 0, 0, 0 };
    size_t digit = 0;

    for (size_t i = 0; i < UUID_LEN; i++) {
        if (is_dash_position(i)) {
            if (s[i] != '-') {
                goto error;
            }
        } else {
            int h = hexit_value(s[i]);

            if (h < 0) {
                goto error;
            }
            words[digit / 8] = (words[digit / 8] << 4) | h;
            digit++;
        }
    }
    memcpy(uuid->parts, words, sizeof words);
    return true;

error:
    uuid_zero(uuid);
    return false;
}

bool
uuid_from_string(struct uuid *uuid, const char *s)
{
    return uuid_from_string_prefix(uuid, s) && s[UUID_LEN] == '\0';
}

int
uuid_is_partial_string(const char *s)
{
    int n_hex = 0;
    size_t i;

    for (i = 0; s[i] && i < UUID_LEN; i++) {
        if (is_dash_position(i)) {
            if (s[i] != '-') {
                return 0;
            }
        } else if (hexit_value(s[i]) < 0) {
            return 0;
        } else {
            n_hex++;
        }
    }
    return s[i] ? 0 : n_hex;
}
