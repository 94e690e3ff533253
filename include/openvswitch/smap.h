/* String-to-string maps ("smaps"), as used for the "other_config" and
 * "options" style columns of the database.  The map owns copies of every
 * key and value.  Keys are unique unless the caller uses smap_add() on an
 * existing key (then lookups find an arbitrary one of them). */

#ifndef OPENVSWITCH_SMAP_H_INCLUDED
#define OPENVSWITCH_SMAP_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/util.h"

struct uuid;

struct smap_node {
    struct hmap_node node;      /* In struct smap's 'map'. */
    char *key;                  /* Owned by the smap. */
    char *value;                /* Owned by the smap. */
};

struct smap {
    struct hmap map;
};

#define SMAP_INITIALIZER(SMAP) { HMAP_INITIALIZER(&(SMAP)->map) }

/* SMAP_FOR_EACH(NODE, SMAP): NODE is a "struct smap_node *" (const or
 * not).  SMAP_FOR_EACH_SAFE (NODE, [NEXT,] SMAP) allows deleting NODE. */
#define SMAP_FOR_EACH(NODE, SMAP) \
    HMAP_FOR_EACH (NODE, node, &(SMAP)->map)

#define SMAP_FOR_EACH_SAFE_2__(NODE, SMAP) \
    HMAP_FOR_EACH_SAFE (NODE, node, &(SMAP)->map)
#define SMAP_FOR_EACH_SAFE_3__(NODE, NEXT, SMAP) \
    HMAP_FOR_EACH_SAFE (NODE, NEXT, node, &(SMAP)->map)
#define SMAP_PICK__(_1, _2, _3, NAME, ...) NAME
#define SMAP_FOR_EACH_SAFE(...)                                         \
    SMAP_PICK__(__VA_ARGS__, SMAP_FOR_EACH_SAFE_3__,                    \
                SMAP_FOR_EACH_SAFE_2__, unused)(__VA_ARGS__)

void smap_init(struct smap *);
void smap_destroy(struct smap *);
void smap_clear(struct smap *);
/* Makes DST (uninitialized) an independent copy of SRC. */
void smap_clone(struct smap *dst, const struct smap *src);
void smap_swap(struct smap *, struct smap *);
void smap_moved(struct smap *);

/* Adds KEY=VALUE (both copied) without checking for an existing KEY. */
struct smap_node *smap_add(struct smap *, const char *key,
                           const char *value);
/* The same, taking ownership of KEY and VALUE. */
struct smap_node *smap_add_nocopy(struct smap *, char *key, char *value);
/* Adds KEY=VALUE only if KEY is absent; returns true if it added it. */
bool smap_add_once(struct smap *, const char *key, const char *value);
/* Adds KEY with a printf-formatted value. */
void smap_add_format(struct smap *, const char *key, const char *format,
                     ...) OVS_PRINTF_FORMAT(3, 4);
/* Sets KEY to VALUE, replacing any existing value. */
void smap_replace(struct smap *, const char *key, const char *value);
void smap_replace_nocopy(struct smap *, const char *key, char *value);

/* Removes KEY (if present) / NODE, freeing the key and value. */
bool smap_remove(struct smap *, const char *key);
void smap_remove_node(struct smap *, struct smap_node *);
/* Removes NODE, handing its key and value to the caller (via *KEYP and
 * *VALUEP if nonnull; what is not handed over is freed). */
void smap_steal(struct smap *, struct smap_node *, char **keyp,
                char **valuep);

/* Lookup.  smap_get() returns KEY's value (owned by the map) or NULL;
 * smap_get_def() returns DEF instead of NULL. */
const char *smap_get(const struct smap *, const char *key);
const char *smap_get_def(const struct smap *, const char *key,
                         const char *def);
struct smap_node *smap_get_node(const struct smap *, const char *key);

/* Typed lookups: each returns DEF when KEY is absent or its value does not
 * parse.  smap_get_bool() accepts "true" and "false" in any case. */
bool smap_get_bool(const struct smap *, const char *key, bool def);
int smap_get_int(const struct smap *, const char *key, int def);
unsigned int smap_get_uint(const struct smap *, const char *key,
                           unsigned int def);
unsigned long long int smap_get_ullong(const struct smap *, const char *key,
                                       unsigned long long def);
/* Parses KEY's value as a UUID into *UUID; returns false (and zeros *UUID)
 * if absent or malformed. */
bool smap_get_uuid(const struct smap *, const char *key, struct uuid *);

bool smap_is_empty(const struct smap *);
size_t smap_count(const struct smap *);
/* True if A and B hold the same key/value pairs. */
bool smap_equal(const struct smap *, const struct smap *);
/* A new array of the nodes sorted by key (the caller frees the array, not
 * the nodes), or NULL if the map is empty. */
const struct smap_node **smap_sort(const struct smap *);

#endif /* openvswitch/smap.h */
