/* Hash maps: the out-of-line parts (life cycle, resizing, random access).
 *
 * Sizing policy.  A map with N nodes wants about N / 2 buckets, i.e. an
 * average chain length of 2, rounded up to a power of 2 so that a hash is
 * turned into a bucket index with a mask.  hmap_insert() expands once the
 * map holds more than two nodes per bucket; hmap_shrink() (called by the
 * owner, never implicitly) reduces the bucket array once it is more than
 * twice as large as needed.  Between those two thresholds the size is left
 * alone, so inserting and removing around a boundary does not thrash.
 *
 * An empty or tiny map uses the single bucket 'one' embedded in the
 * struct, which is why a moved map needs hmap_moved(). */

#include <config.h>
#include "openvswitch/hmap.h"
#include <stdint.h>
#include "coverage.h"
#include "random.h"

COVERAGE_DEFINE(hmap_expand);
COVERAGE_DEFINE(hmap_shrink);
COVERAGE_DEFINE(hmap_reserve);

void
hmap_init(struct hmap *map)
{
    map->buckets = &map->one;
    map->one = NULL;
    map->mask = 0;
    map->n = 0;
}

/* Frees the bucket array.  The nodes, which the map does not own, are
 * left untouched. */
void
hmap_destroy(struct hmap *map)
{
    if (map && map->buckets != &map->one) {
        free(map->buckets);
    }
}

/* Forgets every node (without touching them) and returns to one bucket. */
void
hmap_clear(struct hmap *map)
{
    hmap_destroy(map);
    hmap_init(map);
}

void
hmap_swap(struct hmap *a, struct hmap *b)
{
    struct hmap saved_a = *a;

    *a = *b;
    hmap_moved(a);
    *b = saved_a;
    hmap_moved(b);
}

/* Repairs MAP after its struct was copied to a new address. */
void
hmap_moved(struct hmap *map)
{
    if (!map->mask) {
        map->buckets = &map->one;
    }
}

/* Rebuilds MAP with NEW_MASK + 1 buckets, relinking every node. */
static void
resize(struct hmap *map, size_t new_mask, const char *where OVS_UNUSED)
{
    struct hmap tmp;

    ovs_assert(is_pow2(new_mask + 1));

    tmp.mask = new_mask;
    tmp.n = 0;
    tmp.one = NULL;
    if (new_mask) {
        tmp.buckets = xcalloc(new_mask + 1, sizeof *tmp.buckets);
    } else {
        tmp.buckets = &tmp.one;
    }

    for (size_t i = 0; i <= map->mask; i++) {
        struct hmap_node *node = map->buckets[i];

        while (node) {
            struct hmap_node *next = node->next;

            hmap_insert_fast(&tmp, node, node->hash);
            node = next;
        }
    }

    hmap_swap(map, &tmp);
    hmap_destroy(&tmp);
}

/* The mask for the smallest bucket array that holds CAPACITY nodes at no
 * more than 2 per bucket on average. */
static size_t
calc_mask(size_t capacity)
{
    size_t want = capacity / 2 + capacity % 2;
    size_t mask = 0;

    while (mask + 1 < want) {
        mask = mask * 2 + 1;
    }
    return mask;
}

void
hmap_expand_at(struct hmap *map, const char *where)
{
    size_t new_mask = calc_mask(map->n);

    if (new_mask > map->mask) {
        COVERAGE_INC(hmap_expand);
        resize(map, new_mask, where);
    }
}

void
hmap_shrink_at(struct hmap *map, const char *where)
{
    size_t new_mask = calc_mask(map->n);

    if (new_mask < map->mask) {
        COVERAGE_INC(hmap_shrink);
        resize(map, new_mask, where);
    }
}

void
hmap_reserve_at(struct hmap *map, size_t n, const char *where)
{
    size_t new_mask = calc_mask(n);

    if (new_mask > map->mask) {
        COVERAGE_INC(hmap_reserve);
        resize(map, new_mask, where);
    }
}

bool
hmap_contains(const struct hmap *map, const struct hmap_node *node)
{
    const struct hmap_node *p;

    for (p = hmap_first_in_bucket(map, node->hash); p; p = p->next) {
        if (p == node) {
            return true;
        }
    }
    return false;
}

/* Picks a node at random: first a random nonempty bucket, then a random
 * node in it.  Nodes in short chains are somewhat more likely to be
 * chosen; that is acceptable for the uses (eviction, sampling).  Returns
 * NULL if MAP is empty. */
struct hmap_node *
hmap_random_node(const struct hmap *map)
{
    struct hmap_node *bucket, *node;
    size_t n;

    if (!map->n) {
        return NULL;
    }
    do {
        bucket = map->buckets[random_uint32() & map->mask];
    } while (!bucket);

    n = 0;
    for (node = bucket; node; node = node->next) {
        n++;
    }
    for (n = random_range(n), node = bucket; n; n--) {
        node = node->next;
    }
    return node;
}

struct hmap_node *
hmap_at_position(const struct hmap *map, struct hmap_position *pos)
{
    for (size_t b = pos->bucket; b <= map->mask; b++) {
        struct hmap_node *node = map->buckets[b];
        size_t i;

        for (i = 0; node && i < pos->offset; i++) {
            node = node->next;
        }
        if (node) {
            pos->bucket = b;
            pos->offset = i + 1;
            return node;
        }
        pos->offset = 0;
    }
    pos->bucket = 0;
    pos->offset = 0;
    return NULL;
}

/* Support for HMAP_FOR_EACH_POP: removes and returns some node, resuming
 * the bucket scan at *BUCKET, or returns NULL if MAP is empty. */
struct hmap_node *
hmap_pop_helper__(struct hmap *map, size_t *bucket)
{
    for (; *bucket <= map->mask; (*bucket)++) {
        struct hmap_node *node = map->buckets[*bucket];

        if (node) {
            hmap_remove(map, node);
            return node;
        }
    }
    return NULL;
}
