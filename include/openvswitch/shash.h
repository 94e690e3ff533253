/* String-keyed hash maps ("shashes"): each node maps a unique, owned copy of
 * a string name to an arbitrary, unowned data pointer.
 *
 * The map owns its nodes and their names but never the data: functions
 * that remove a node return (or discard) the data for the caller to free.
 * The _free_data variants call free() on each data pointer. */

#ifndef OPENVSWITCH_SHASH_H_INCLUDED
#define OPENVSWITCH_SHASH_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/util.h"

struct shash_node {
    struct hmap_node node;      /* In struct shash's 'map'. */
    char *name;                 /* Owned by the shash. */
    void *data;                 /* Not owned. */
};

struct shash {
    struct hmap map;
};

#define SHASH_INITIALIZER(SHASH) { HMAP_INITIALIZER(&(SHASH)->map) }

/* SHASH_FOR_EACH(NODE, SHASH): NODE is a "struct shash_node *" (const or
 * not).  The _SAFE form permits deleting NODE and accepts an optional NEXT
 * variable: SHASH_FOR_EACH_SAFE (NODE, [NEXT,] SHASH). */
#define SHASH_FOR_EACH(NODE, SHASH) \
    HMAP_FOR_EACH (NODE, node, &(SHASH)->map)

#define SHASH_FOR_EACH_SAFE_2__(NODE, SHASH) \
    HMAP_FOR_EACH_SAFE (NODE, node, &(SHASH)->map)
#define SHASH_FOR_EACH_SAFE_3__(NODE, NEXT, SHASH) \
    HMAP_FOR_EACH_SAFE (NODE, NEXT, node, &(SHASH)->map)
#define SHASH_PICK__(_1, _2, _3, NAME, ...) NAME
#define SHASH_FOR_EACH_SAFE(...)                                        \
    SHASH_PICK__(__VA_ARGS__, SHASH_FOR_EACH_SAFE_3__,                  \
                 SHASH_FOR_EACH_SAFE_2__, unused)(__VA_ARGS__)

void shash_init(struct shash *);
/* Frees the nodes and names, not the data. */
void shash_destroy(struct shash *);
/* Frees the nodes, names and (with free()) the data. */
void shash_destroy_free_data(struct shash *table);
/* Empty the map, keeping (or, with _free_data, freeing) the data. */
void shash_clear(struct shash *table);
void shash_clear_free_data(struct shash *table);
void shash_swap(struct shash *a, struct shash *b);
void shash_moved(struct shash *table);    /* After copying the struct. */
size_t shash_count(const struct shash *table);
bool shash_is_empty(const struct shash *table);

/* Adds NAME -> DATA without checking for an existing NAME (so the caller
 * must know it is absent) and returns the new node.  shash_add() copies
 * NAME; shash_add_nocopy() takes ownership of it. */
struct shash_node *shash_add(struct shash *, const char *name, const void *);
struct shash_node *shash_add_nocopy(struct shash *, char *name,
                                    const void *);
/* Adds NAME -> DATA if NAME is absent and returns true; otherwise leaves
 * the map unchanged and returns false. */
bool shash_add_once(struct shash *, const char *name, const void *);
/* Adds NAME -> DATA, asserting that NAME was absent. */
void shash_add_assert(struct shash *, const char *name, const void *);
/* Sets NAME -> DATA and returns the data NAME had before, or NULL if it was
 * absent.  The _nocopy form takes ownership of NAME (freeing it if the
 * node already existed). */
void *shash_replace(struct shash *, const char *name, const void *data);
void *shash_replace_nocopy(struct shash *, char *name, const void *data);

/* Removes NODE from the map and frees it and its name.  shash_delete()
 * discards the data; shash_steal() returns the name instead, which the
 * caller must free. */
void shash_delete(struct shash *, struct shash_node *);
char *shash_steal(struct shash *, struct shash_node *);

/* Lookup.  find_len() looks up the first LEN bytes of NAME (which need not
 * be null-terminated). */
struct shash_node *shash_find(const struct shash *, const char *name);
struct shash_node *shash_find_len(const struct shash *, const char *name,
                                  size_t len);
void *shash_find_data(const struct shash *, const char *name);
/* Removes NAME's node and returns its data, or NULL if NAME is absent.
 * The _assert form requires NAME to be present. */
void *shash_find_and_delete(struct shash *, const char *name);
void *shash_find_and_delete_assert(struct shash *, const char *name);

struct shash_node *shash_first(const struct shash *);
/* A new array of the nodes sorted by name, which the caller must free
 * (but not its elements), or NULL if the map is empty. */
const struct shash_node **shash_sort(const struct shash *);
/* True if A and B have the same set of names. */
bool shash_equal_keys(const struct shash *, const struct shash *);
struct shash_node *shash_random_node(struct shash *);

#endif /* openvswitch/shash.h */
