/* Sets of strings ("ssets").  The set owns a copy of each member. */

#ifndef OPENVSWITCH_SSET_H_INCLUDED
#define OPENVSWITCH_SSET_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/util.h"

struct sset_node {
    struct hmap_node hmap_node;
    char name[];                /* Null-terminated member, stored inline. */
};

struct sset {
    struct hmap map;
};

#define SSET_INITIALIZER(SSET) { HMAP_INITIALIZER(&(SSET)->map) }

/* From a member's name (as given by SSET_FOR_EACH) back to its node. */
#define SSET_NODE_FROM_NAME(NAME) CONTAINER_OF(NAME, struct sset_node, name)
#define SSET_NODE_FROM_HMAP_NODE(HMAP_NODE) \
    CONTAINER_OF(HMAP_NODE, struct sset_node, hmap_node)
#define SSET_NAME_FROM_HMAP_NODE(HMAP_NODE) \
    ((const char *) SSET_NODE_FROM_HMAP_NODE(HMAP_NODE)->name)

void sset_init(struct sset *);
void sset_destroy(struct sset *);
void sset_clone(struct sset *dst, const struct sset *src);
void sset_swap(struct sset *, struct sset *);
void sset_moved(struct sset *);
void sset_clear(struct sset *);
bool sset_is_empty(const struct sset *);
size_t sset_count(const struct sset *);

/* Adds NAME (copied) if absent.  Returns the new node, or NULL if NAME was
 * already a member. */
struct sset_node *sset_add(struct sset *, const char *name);
/* Like sset_add(), but frees NAME afterward. */
struct sset_node *sset_add_and_free(struct sset *, char *name);
/* Adds NAME, asserting that it was absent. */
void sset_add_assert(struct sset *, const char *name);
/* Adds each of the N strings in NAMES. */
void sset_add_array(struct sset *, char **names, size_t n);

/* Removes NODE from the set and frees it. */
void sset_delete(struct sset *, struct sset_node *);
/* Removes NAME if present; returns true if it was. */
bool sset_find_and_delete(struct sset *, const char *name);
void sset_find_and_delete_assert(struct sset *, const char *name);
/* Removes an arbitrary member and returns it (the caller frees it), or
 * NULL if the set is empty. */
char *sset_pop(struct sset *);

struct sset_node *sset_find(const struct sset *, const char *name);
bool sset_contains(const struct sset *, const char *name);
bool sset_equals(const struct sset *, const struct sset *);
/* Removes from A every member that is not also in B. */
void sset_intersect(struct sset *a, const struct sset *b);

/* Adds every DELIMITERS-separated word of S.  For example, with " ,"
 * "a, b c" adds "a", "b" and "c". */
void sset_from_delimited_string(struct sset *, const char *s,
                                const char *delimiters);
/* The members joined with DELIMITER, sorted, followed by SUFFIX.  The
 * caller frees the result. */
char *sset_join(const struct sset *, const char *delimiter,
                const char *suffix);

/* Position-based iteration that survives deletions; see hmap_at_position.
 * Returns NULL at the end. */
struct sset_node *sset_at_position(const struct sset *,
                                   struct hmap_position *);

/* A new null-terminated array of the members (unsorted / sorted).  The
 * caller frees the array with free() but not the strings, which stay
 * owned by the set. */
const char **sset_array(const struct sset *);
const char **sset_sort(const struct sset *);

/* Iteration: NAME is a "const char *" set to each member in turn.  The
 * _SAFE form allows deleting the current member (with
 * sset_find_and_delete() or sset_delete(SSET_NODE_FROM_NAME(NAME)));
 * SSET_FOR_EACH_SAFE (NAME, [NEXT,] SSET). */
#define SSET_POS__(NAME) NAME##__sset_pos
#define SSET_NEXTPOS__(NAME) NAME##__sset_nextpos
#define SSET_SET__(NAME, POS)                                           \
    ((POS) != NULL                                                      \
     ? ((NAME) = SSET_NAME_FROM_HMAP_NODE(POS), 1)                      \
     : ((NAME) = NULL, 0))

#define SSET_FOR_EACH(NAME, SSET)                                       \
    for (struct hmap_node *SSET_POS__(NAME) = hmap_first(&(SSET)->map); \
         SSET_SET__(NAME, SSET_POS__(NAME));                            \
         SSET_POS__(NAME) = hmap_next(&(SSET)->map, SSET_POS__(NAME)))

#define SSET_FOR_EACH_SAFE_2__(NAME, SSET)                              \
    for (struct hmap_node *SSET_POS__(NAME) = hmap_first(&(SSET)->map), \
                          *SSET_NEXTPOS__(NAME) = NULL;                 \
         (SSET_SET__(NAME, SSET_POS__(NAME))                            \
          ? (SSET_NEXTPOS__(NAME) = hmap_next(&(SSET)->map,             \
                                              SSET_POS__(NAME)), 1)     \
          : 0);                                                         \
         SSET_POS__(NAME) = SSET_NEXTPOS__(NAME))

#define SSET_FOR_EACH_SAFE_3__(NAME, NEXT, SSET)                        \
    for (struct hmap_node *SSET_POS__(NAME) = hmap_first(&(SSET)->map), \
                          *SSET_NEXTPOS__(NAME) = NULL;                 \
         (SSET_SET__(NAME, SSET_POS__(NAME))                            \
          ? (SSET_NEXTPOS__(NAME) = hmap_next(&(SSET)->map,             \
                                              SSET_POS__(NAME)),        \
             (void) SSET_SET__(NEXT, SSET_NEXTPOS__(NAME)), 1)          \
          : ((NEXT) = NULL, 0));                                        \
         SSET_POS__(NAME) = SSET_NEXTPOS__(NAME))

#define SSET_PICK__(_1, _2, _3, NAME, ...) NAME
#define SSET_FOR_EACH_SAFE(...)                                         \
    SSET_PICK__(__VA_ARGS__, SSET_FOR_EACH_SAFE_3__,                    \
                SSET_FOR_EACH_SAFE_2__, unused)(__VA_ARGS__)

/* Visits the members in sorted order.  The loop must run to completion
 * (no "break"), since the sorted array is freed at its end. */
#define SSET_FOR_EACH_SORTED(NAME, SSET)                                \
    for (const char **NAME##__sset_array = sset_sort(SSET),             \
                    **NAME##__sset_p = NAME##__sset_array;              \
         ((NAME) = *NAME##__sset_p) != NULL                             \
         || (free(NAME##__sset_array), 0);                              \
         NAME##__sset_p++)

#endif /* openvswitch/sset.h */
