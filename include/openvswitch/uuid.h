/* Universally unique identifiers (RFC 4122), as the database uses them for
 * row names and the switch for bridge identities.
 *
 * A UUID is 128 bits held as four 32-bit words in host order, 'parts[0]'
 * being the first 8 hex digits of the textual form
 * "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".  Print one with
 *     printf(UUID_FMT, UUID_ARGS(&uuid)); */

#ifndef OPENVSWITCH_UUID_H_INCLUDED
#define OPENVSWITCH_UUID_H_INCLUDED 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/util.h"

struct uuid {
    uint32_t parts[4];
};
BUILD_ASSERT_DECL(sizeof(struct uuid) == 16);

/* Length of the textual form, without a null terminator. */
#define UUID_LEN 36

#define UUID_FMT "%08x-%04x-%04x-%04x-%04x%08x"
#define UUID_ARGS(UUID)                                             \
    (unsigned int) (UUID)->parts[0],                                \
    (unsigned int) (UUID)->parts[1] >> 16,                          \
    (unsigned int) (UUID)->parts[1] & 0xffffu,                      \
    (unsigned int) (UUID)->parts[2] >> 16,                          \
    (unsigned int) (UUID)->parts[2] & 0xffffu,                      \
    (unsigned int) (UUID)->parts[3]

/* Sets *UUID to a new random (version 4) UUID. */
void uuid_generate(struct uuid *);
/* Returns a new random (version 4) UUID. */
struct uuid uuid_random(void);
/* Marks the random bits in *UUID as a version 4, variant 1 UUID. */
void uuid_set_bits_v4(struct uuid *);

void uuid_zero(struct uuid *);
bool uuid_is_zero(const struct uuid *);
bool uuid_equals(const struct uuid *, const struct uuid *);
/* -1, 0 or 1 as A sorts before, equal to or after B (word by word). */
int uuid_compare_3way(const struct uuid *, const struct uuid *);
/* A hash of the UUID (its bits are random already). */
uint32_t uuid_hash(const struct uuid *);

/* Parses S, which must be exactly a UUID in textual form (either case),
 * into *UUID.  On failure zeros *UUID and returns false. */
bool uuid_from_string(struct uuid *, const char *s);
/* Like uuid_from_string(), but only the first UUID_LEN characters of S
 * must form a UUID; what follows is ignored. */
bool uuid_from_string_prefix(struct uuid *, const char *s);
/* True if S is a prefix (at least one character long) of some textual
 * UUID: hex digits with dashes in the right places.  Returns the number
 * of hex digits in the prefix, or 0 if S is not such a prefix. */
int uuid_is_partial_string(const char *s);

/* For tests: makes uuid_generate() produce predictable UUIDs (counting up
 * from 0) instead of random ones.  Also enabled by setting the environment
 * variable OVS_UUID_PREDICTABLE before the first UUID is generated. */
void uuid_set_predictable(bool);

#endif /* openvswitch/uuid.h */
