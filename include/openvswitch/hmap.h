/* A hash map: an intrusive, chained hash table keyed by 32-bit hash values.
 *
 * The caller computes each element's hash and embeds a "struct hmap_node" in
 * the element.  The map stores nodes, not keys: to find an element, iterate
 * over the nodes with a given hash (HMAP_FOR_EACH_WITH_HASH) and compare
 * keys yourself.  The map never allocates or frees elements, only its
 * bucket array.
 *
 * The bucket array always has a power-of-2 number of buckets.  hmap_insert()
 * doubles it once the map holds more than two nodes per bucket on average
 * and hmap_remove() never shrinks it (call hmap_shrink() for that), so the
 * cost of a lookup stays constant on average.
 *
 * Iteration order is unspecified and changes when the map is resized.  Do
 * not insert while iterating; removal of the current node is allowed only
 * with the _SAFE and _POP variants.  As with lists, the loop variable is
 * NULL after a loop runs to completion and must be a plain identifier. */

#ifndef OPENVSWITCH_HMAP_H_INCLUDED
#define OPENVSWITCH_HMAP_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/util.h"

/* A node in a hash map, embedded in the element. */
struct hmap_node {
    size_t hash;                /* Hash value given at insertion. */
    struct hmap_node *next;     /* Next node in the same bucket. */
};

/* The hash of NODE. */
static inline size_t
hmap_node_hash(const struct hmap_node *hn)
{
    return hn->hash;
}

/* A value for 'next' that marks a node as not in any map; see
 * hmap_node_nullify() and hmap_node_is_null(). */
#define HMAP_NODE_NULL ((struct hmap_node *) 1)
#define HMAP_NODE_NULL_INITIALIZER { 0, HMAP_NODE_NULL }

static inline bool
hmap_node_is_null(const struct hmap_node *hn)
{
    return hn->next == HMAP_NODE_NULL;
}

static inline void
hmap_node_nullify(struct hmap_node *hn)
{
    hn->next = HMAP_NODE_NULL;
}

/* A hash map. */
struct hmap {
    struct hmap_node **buckets; /* Array of 'mask + 1' bucket heads. */
    struct hmap_node *one;      /* The only bucket while 'mask' is 0. */
    size_t mask;                /* Number of buckets minus 1. */
    size_t n;                   /* Number of nodes. */
};

/* Static initializer for an empty hash map named HMAP. */
#define HMAP_INITIALIZER(HMAP) \
    { (struct hmap_node **const) &(HMAP)->one, NULL, 0, 0 }

/* Static initializer for a read-only, one-bucket map whose bucket array
 * BUCKETS (a "struct hmap_node **") heads a chain of N nodes. */
#define HMAP_CONST(HMAP, N, BUCKETS) \
    { (struct hmap_node **) (BUCKETS), NULL, 0, N }

/* Life cycle.  hmap_destroy() frees only the bucket array: free the
 * elements first (e.g. with HMAP_FOR_EACH_POP). */
void hmap_init(struct hmap *);
void hmap_destroy(struct hmap *);
void hmap_clear(struct hmap *);
void hmap_swap(struct hmap *a, struct hmap *b);
void hmap_moved(struct hmap *);

static inline size_t hmap_count(const struct hmap *);
static inline bool hmap_is_empty(const struct hmap *);

/* Resizing.  hmap_expand() / hmap_shrink() adjust the bucket array to the
 * current number of nodes; hmap_reserve() sizes it for N nodes. */
#define hmap_expand(HMAP) hmap_expand_at(HMAP, OVS_SOURCE_LOCATOR)
#define hmap_shrink(HMAP) hmap_shrink_at(HMAP, OVS_SOURCE_LOCATOR)
#define hmap_reserve(HMAP, CAPACITY) \
    hmap_reserve_at(HMAP, CAPACITY, OVS_SOURCE_LOCATOR)
/* WHERE, in each of these, names the caller's source location. */
void hmap_expand_at(struct hmap *map, const char *where);
void hmap_shrink_at(struct hmap *map, const char *where);
void hmap_reserve_at(struct hmap *map, size_t capacity, const char *where);

/* Insertion and removal. */
static inline void hmap_insert_at(struct hmap *, struct hmap_node *,
                                  size_t hash, const char *where);
#define hmap_insert(HMAP, NODE, HASH) \
    hmap_insert_at(HMAP, NODE, HASH, OVS_SOURCE_LOCATOR)
static inline void hmap_insert_fast(struct hmap *, struct hmap_node *,
                                    size_t hash);
static inline void hmap_remove(struct hmap *, struct hmap_node *);
static inline void hmap_replace(struct hmap *, const struct hmap_node *old,
                                struct hmap_node *new_node);

/* Search. */
bool hmap_contains(const struct hmap *map, const struct hmap_node *hn);
/* Nodes inserted with exactly HASH: */
static inline struct hmap_node *hmap_first_with_hash(const struct hmap *map,
                                                     size_t hash);
static inline struct hmap_node *hmap_next_with_hash(
    const struct hmap_node *hn);
/* Nodes in the bucket that HASH maps to (whatever their hash): */
static inline struct hmap_node *hmap_first_in_bucket(const struct hmap *map,
                                                     size_t hash);
static inline struct hmap_node *hmap_next_in_bucket(
    const struct hmap_node *hn);

/* Iteration by node. */
static inline struct hmap_node *hmap_first(const struct hmap *);
static inline struct hmap_node *hmap_next(const struct hmap *,
                                          const struct hmap_node *);
struct hmap_node *hmap_random_node(const struct hmap *);

/* A position that survives changes to other nodes: start with both at 0;
 * each call returns the next node (NULL at the end) and updates them.
 * Nodes inserted or removed meanwhile may be missed or seen twice only if
 * the map is resized. */
struct hmap_position {
    unsigned int bucket;        /* Index of the current bucket. */
    unsigned int offset;        /* Nodes of that bucket already seen. */
};
struct hmap_node *hmap_at_position(const struct hmap *map,
                                   struct hmap_position *pos);

/* ---- Iteration macros ----
 *
 * HMAP_FOR_EACH(NODE, MEMBER, HMAP): NODE is a pointer to the element type
 * whose "struct hmap_node" member is MEMBER. */

#define HMAP_POS__(NODE) NODE##__hmap_pos
#define HMAP_NEXT__(NODE) NODE##__hmap_next

/* Sets NODE from hmap_node POS and yields true, or NULL and false. */
#define HMAP_SET__(NODE, POS, MEMBER)                                   \
    ((POS) != NULL                                                      \
     ? (ASSIGN_CONTAINER(NODE, POS, MEMBER), 1)                         \
     : ((NODE) = NULL, 0))

#define HMAP_FOR_EACH(NODE, MEMBER, HMAP)                               \
    for (struct hmap_node *HMAP_POS__(NODE) = hmap_first(HMAP);         \
         HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER);                    \
         HMAP_POS__(NODE) = hmap_next(HMAP, HMAP_POS__(NODE)))

/* Continues after NODE, which must be in HMAP. */
#define HMAP_FOR_EACH_CONTINUE(NODE, MEMBER, HMAP)                      \
    for (struct hmap_node *HMAP_POS__(NODE) =                           \
             hmap_next(HMAP, &(NODE)->MEMBER);                          \
         HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER);                    \
         HMAP_POS__(NODE) = hmap_next(HMAP, HMAP_POS__(NODE)))

/* Visits the nodes inserted with exactly HASH (possibly with different
 * keys: compare them). */
#define HMAP_FOR_EACH_WITH_HASH(NODE, MEMBER, HASH, HMAP)               \
    for (struct hmap_node *HMAP_POS__(NODE) =                           \
             hmap_first_with_hash(HMAP, HASH);                          \
         HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER);                    \
         HMAP_POS__(NODE) = hmap_next_with_hash(HMAP_POS__(NODE)))

/* Visits every node in the bucket HASH falls in, whatever its hash. */
#define HMAP_FOR_EACH_IN_BUCKET(NODE, MEMBER, HASH, HMAP)               \
    for (struct hmap_node *HMAP_POS__(NODE) =                           \
             hmap_first_in_bucket(HMAP, HASH);                          \
         HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER);                    \
         HMAP_POS__(NODE) = hmap_next_in_bucket(HMAP_POS__(NODE)))

/* Safe iteration: the body may remove (and free) NODE.  Both
 *     HMAP_FOR_EACH_SAFE (NODE, MEMBER, HMAP)
 *     HMAP_FOR_EACH_SAFE (NODE, NEXT, MEMBER, HMAP)
 * are accepted; NEXT, if given, is set to the following element or NULL. */
#define HMAP_FOR_EACH_SAFE_3__(NODE, MEMBER, HMAP)                      \
    for (struct hmap_node *HMAP_POS__(NODE) = hmap_first(HMAP),         \
                          *HMAP_NEXT__(NODE) = NULL;                    \
         (HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER)                    \
          ? (HMAP_NEXT__(NODE) = hmap_next(HMAP, HMAP_POS__(NODE)), 1)  \
          : 0);                                                         \
         HMAP_POS__(NODE) = HMAP_NEXT__(NODE))

#define HMAP_FOR_EACH_SAFE_4__(NODE, NEXT, MEMBER, HMAP)                \
    for (struct hmap_node *HMAP_POS__(NODE) = hmap_first(HMAP);         \
         (HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER)                    \
          ? ((void) HMAP_SET__(NEXT, hmap_next(HMAP, HMAP_POS__(NODE)), \
                               MEMBER), 1)                              \
          : ((NEXT) = NULL, 0));                                        \
         HMAP_POS__(NODE) = (NEXT) ? &(NEXT)->MEMBER : NULL)

#define HMAP_PICK__(_1, _2, _3, _4, NAME, ...) NAME
#define HMAP_FOR_EACH_SAFE(...)                                         \
    HMAP_PICK__(__VA_ARGS__, HMAP_FOR_EACH_SAFE_4__,                    \
                HMAP_FOR_EACH_SAFE_3__, unused)(__VA_ARGS__)

/* Safe iteration over the nodes with exactly HASH. */
#define HMAP_FOR_EACH_SAFE_WITH_HASH(NODE, MEMBER, HASH, HMAP)          \
    for (struct hmap_node *HMAP_POS__(NODE) =                           \
             hmap_first_with_hash(HMAP, HASH),                          \
                          *HMAP_NEXT__(NODE) = NULL;                    \
         (HMAP_SET__(NODE, HMAP_POS__(NODE), MEMBER)                    \
          ? (HMAP_NEXT__(NODE) = hmap_next_with_hash(HMAP_POS__(NODE)), 1) \
          : 0);                                                         \
         HMAP_POS__(NODE) = HMAP_NEXT__(NODE))

/* Removes each node from HMAP in turn and runs the body with NODE pointing
 * to its element, which the body then owns.  Faster than _SAFE when the
 * whole map is being emptied. */
#define HMAP_FOR_EACH_POP(NODE, MEMBER, HMAP)                           \
    for (struct { size_t bucket; struct hmap_node *hn; } NODE##__pop     \
             = { 0, NULL };                                             \
         (NODE##__pop.hn = hmap_pop_helper__(HMAP, &NODE##__pop.bucket), \
          HMAP_SET__(NODE, NODE##__pop.hn, MEMBER));)

struct hmap_node *hmap_pop_helper__(struct hmap *, size_t *bucket);

/* ---- Inline implementations ---- */

static inline size_t
hmap_count(const struct hmap *map)
{
    return map->n;
}

static inline bool
hmap_is_empty(const struct hmap *map)
{
    return map->n == 0;
}

/* Inserts NODE with the given HASH without ever resizing the map.  Use
 * when a series of insertions was preceded by hmap_reserve(). */
static inline void
hmap_insert_fast(struct hmap *map, struct hmap_node *hn, size_t hash)
{
    struct hmap_node **bucket = &map->buckets[hash & map->mask];

    hn->hash = hash;
    hn->next = *bucket;
    *bucket = hn;
    map->n++;
}

/* Inserts NODE with the given HASH, doubling the bucket array if the map is
 * getting crowded.  WHERE names the caller, for diagnostics. */
static inline void
hmap_insert_at(struct hmap *map, struct hmap_node *hn, size_t hash,
               const char *where)
{
    hmap_insert_fast(map, hn, hash);
    if (map->n > 2 * map->mask + 2) {
        hmap_expand_at(map, where);
    }
}

/* Removes NODE, which must be in MAP.  Never resizes the map. */
static inline void
hmap_remove(struct hmap *map, struct hmap_node *hn)
{
    struct hmap_node **link = &map->buckets[hn->hash & map->mask];

    while (*link != hn) {
        link = &(*link)->next;
    }
    *link = hn->next;
    map->n--;
}

/* Puts NEW_NODE where OLD is in HMAP.  They must have the same hash; OLD
 * is no longer in the map afterward. */
static inline void
hmap_replace(struct hmap *map, const struct hmap_node *old,
             struct hmap_node *new_node)
{
    struct hmap_node **link = &map->buckets[old->hash & map->mask];

    while (*link != old) {
        link = &(*link)->next;
    }
    *link = new_node;
    new_node->hash = old->hash;
    new_node->next = old->next;
}

/* Starting at NODE (inclusive), the first node whose hash is HASH. */
static inline struct hmap_node *
hmap_find_hash__(struct hmap_node *hn, size_t hash)
{
    while (hn && hn->hash != hash) {
        hn = hn->next;
    }
    return hn;
}

static inline struct hmap_node *
hmap_first_with_hash(const struct hmap *map, size_t hash)
{
    return hmap_find_hash__(map->buckets[hash & map->mask], hash);
}

static inline struct hmap_node *
hmap_next_with_hash(const struct hmap_node *hn)
{
    return hmap_find_hash__(hn->next, hn->hash);
}

static inline struct hmap_node *
hmap_first_in_bucket(const struct hmap *map, size_t hash)
{
    return map->buckets[hash & map->mask];
}

static inline struct hmap_node *
hmap_next_in_bucket(const struct hmap_node *hn)
{
    return hn->next;
}

/* The first nonempty bucket's head at or after bucket index START. */
static inline struct hmap_node *
hmap_next__(const struct hmap *map, size_t start)
{
    for (size_t i = start; i <= map->mask; i++) {
        if (map->buckets[i]) {
            return map->buckets[i];
        }
    }
    return NULL;
}

/* The first node in MAP in iteration order, or NULL if it is empty. */
static inline struct hmap_node *
hmap_first(const struct hmap *map)
{
    return hmap_next__(map, 0);
}

/* The node after NODE in iteration order, or NULL. */
static inline struct hmap_node *
hmap_next(const struct hmap *map, const struct hmap_node *hn)
{
    return (hn->next
            ? hn->next
            : hmap_next__(map, (hn->hash & map->mask) + 1));
}

#endif /* openvswitch/hmap.h */
