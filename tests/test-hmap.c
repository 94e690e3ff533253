/* Unit tests for struct hmap.
 *
 * Every test keeps a plain array as the reference for what the map should
 * contain and, after each change, checks the map against it: the count,
 * that every expected element is found through its hash, and that a full
 * iteration visits each element exactly once.  Hash functions that
 * collide heavily on purpose exercise long chains. */

#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "random.h"

struct element {
    int value;
    struct hmap_node node;
};

typedef size_t hash_func(int value);

static size_t
good_hash(int value)
{
    return hash_int(value, 0x1234);
}

static size_t
constant_hash(int value OVS_UNUSED)
{
    return 123;
}

static size_t
identity_hash(int value)
{
    return value;
}

static size_t
low_bits_hash(int value)
{
    return value & 3;
}

struct hash_kind {
    const char *name;
    hash_func *hash;
};

static const struct hash_kind hash_kinds[] = {
    { "good", good_hash },
    { "constant", constant_hash },
    { "identity", identity_hash },
    { "low-bits", low_bits_hash },
};

static int
compare_ints(const void *a_, const void *b_)
{
    int a = *(const int *) a_, b = *(const int *) b_;

    return a < b ? -1 : a > b;
}

/* Fails the test with MESSAGE if MAP does not hold exactly the N values in
 * VALUES (each exactly once). */
static void
check_map(const struct hmap *map, const int *values, size_t n,
          hash_func *hash)
{
    int *expected = xmemdup(values, n * sizeof *values);
    int *seen = xmalloc((n + 1) * sizeof *seen);
    struct element *e;
    size_t n_seen = 0;

    if (hmap_count(map) != n || hmap_is_empty(map) != !n) {
        ovs_fatal(0, "map has %zu elements, expected %zu",
                  hmap_count(map), n);
    }

    /* Iteration visits each value once. */
    HMAP_FOR_EACH (e, node, map) {
        if (n_seen >= n) {
            ovs_fatal(0, "iteration visits more than %zu elements", n);
        }
        seen[n_seen++] = e->value;
    }
    if (e != NULL) {
        ovs_fatal(0, "loop variable not NULL after a complete iteration");
    }
    qsort(seen, n_seen, sizeof *seen, compare_ints);
    qsort(expected, n, sizeof *expected, compare_ints);
    if (n_seen != n || (n && memcmp(seen, expected, n * sizeof *seen))) {
        ovs_fatal(0, "iteration did not visit the expected elements");
    }

    /* Each value is found through its hash, exactly once. */
    for (size_t i = 0; i < n; i++) {
        size_t found = 0;

        HMAP_FOR_EACH_WITH_HASH (e, node, hash(values[i]), map) {
            found += e->value == values[i];
        }
        if (found != 1) {
            ovs_fatal(0, "value %d found %zu times by hash", values[i],
                      found);
        }
    }

    /* The load factor respects the documented bound after insertions. */
    if (map->mask && n > 2 * (map->mask + 1)) {
        ovs_fatal(0, "%zu elements in %zu buckets", n, map->mask + 1);
    }

    free(seen);
    free(expected);
}

/* Inserts N elements, checking after each, then removes them in a random
 * order, checking after each. */
static void
test_insert_remove(hash_func *hash, size_t n)
{
    struct element *elements = xcalloc(n, sizeof *elements);
    int *values = xcalloc(n, sizeof *values);
    struct hmap map;

    hmap_init(&map);
    for (size_t i = 0; i < n; i++) {
        elements[i].value = i;
        values[i] = i;
        hmap_insert(&map, &elements[i].node, hash(i));
        check_map(&map, values, i + 1, hash);
    }

    /* Shuffle, then remove from the end of the shuffled array. */
    for (size_t i = n; i > 1; i--) {
        size_t j = random_range(i);
        int tmp = values[i - 1];

        values[i - 1] = values[j];
        values[j] = tmp;
    }
    for (size_t i = n; i > 0; i--) {
        hmap_remove(&map, &elements[values[i - 1]].node);
        check_map(&map, values, i - 1, hash);
    }
    hmap_destroy(&map);
    free(values);
    free(elements);
}

/* A long random mix of insertions and removals, with occasional shrinks
 * and reservations, against a reference array. */
static void
test_random_ops(hash_func *hash, int n_ops)
{
    enum { N_VALUES = 200 };
    struct element elements[N_VALUES];
    bool present[N_VALUES];
    int values[N_VALUES];
    struct hmap map;

    hmap_init(&map);
    memset(present, 0, sizeof present);
    for (int i = 0; i < N_VALUES; i++) {
        elements[i].value = i;
    }

    for (int op = 0; op < n_ops; op++) {
        int v = random_range(N_VALUES);
        size_t n = 0;

        if (present[v]) {
            hmap_remove(&map, &elements[v].node);
        } else {
            hmap_insert(&map, &elements[v].node, hash(v));
        }
        present[v] = !present[v];

        switch (random_range(20)) {
        case 0:
            hmap_shrink(&map);
            break;
        case 1:
            hmap_reserve(&map, random_range(2 * N_VALUES));
            break;
        case 2:
            hmap_expand(&map);
            break;
        default:
            break;
        }

        for (int i = 0; i < N_VALUES; i++) {
            if (present[i]) {
                values[n++] = i;
            }
        }
        check_map(&map, values, n, hash);
    }
    hmap_destroy(&map);
}

/* Shrinking returns to one bucket once the map is empty, and the embedded
 * bucket still works after hmap_moved() and hmap_swap(). */
static void
test_shrink_and_move(void)
{
    struct element elements[100];
    int values[100];
    struct hmap map, other;

    hmap_init(&map);
    for (int i = 0; i < 100; i++) {
        elements[i].value = values[i] = i;
        hmap_insert(&map, &elements[i].node, good_hash(i));
    }
    if (map.mask < 31) {
        ovs_fatal(0, "100 elements in only %zu buckets", map.mask + 1);
    }
    for (int i = 0; i < 99; i++) {
        hmap_remove(&map, &elements[i].node);
    }
    hmap_shrink(&map);
    if (map.mask != 0) {
        ovs_fatal(0, "shrunk map with 1 element has %zu buckets",
                  map.mask + 1);
    }
    check_map(&map, &values[99], 1, good_hash);

    /* Copy the struct elsewhere: the embedded bucket must be fixed up. */
    memcpy(&other, &map, sizeof map);
    hmap_moved(&other);
    check_map(&other, &values[99], 1, good_hash);

    hmap_init(&map);
    hmap_swap(&map, &other);
    check_map(&map, &values[99], 1, good_hash);
    check_map(&other, NULL, 0, good_hash);
    hmap_destroy(&other);

    /* Reserve then insert without any further resizing. */
    hmap_reserve(&map, 100);
    size_t mask = map.mask;
    for (int i = 0; i < 99; i++) {
        hmap_insert(&map, &elements[i].node, good_hash(i));
    }
    if (map.mask != mask) {
        ovs_fatal(0, "map resized despite hmap_reserve()");
    }
    check_map(&map, values, 100, good_hash);
    hmap_destroy(&map);
}

/* The _SAFE iterators (both forms) allow removing the current element;
 * _POP empties the map; position iteration visits everything once. */
static void
test_iterators(void)
{
    struct element elements[50];
    struct element *e, *next;
    int values[50];
    struct hmap map;
    size_t n;

    hmap_init(&map);
    for (int i = 0; i < 50; i++) {
        elements[i].value = i;
        hmap_insert(&map, &elements[i].node, low_bits_hash(i));
    }

    /* Remove the odd values with the 3-argument form. */
    HMAP_FOR_EACH_SAFE (e, node, &map) {
        if (e->value % 2) {
            hmap_remove(&map, &e->node);
        }
    }
    n = 0;
    for (int i = 0; i < 50; i += 2) {
        values[n++] = i;
    }
    check_map(&map, values, n, low_bits_hash);

    /* Remove multiples of 4 with the 4-argument form. */
    HMAP_FOR_EACH_SAFE (e, next, node, &map) {
        if (next && next->value % 2) {
            ovs_fatal(0, "NEXT points to a removed element");
        }
        if (e->value % 4 == 0) {
            hmap_remove(&map, &e->node);
        }
    }
    if (e || next) {
        ovs_fatal(0, "loop variables not NULL after the loop");
    }
    n = 0;
    for (int i = 2; i < 50; i += 4) {
        values[n++] = i;
    }
    check_map(&map, values, n, low_bits_hash);

    /* Position-based iteration. */
    struct hmap_position pos = { 0, 0 };
    struct hmap_node *hn;
    size_t visited = 0;
    while ((hn = hmap_at_position(&map, &pos)) != NULL) {
        visited++;
    }
    if (visited != n) {
        ovs_fatal(0, "hmap_at_position visited %zu of %zu", visited, n);
    }

    /* HMAP_FOR_EACH_CONTINUE from the first element visits the rest. */
    e = CONTAINER_OF(hmap_first(&map), struct element, node);
    visited = 1;
    HMAP_FOR_EACH_CONTINUE (e, node, &map) {
        visited++;
    }
    if (visited != n) {
        ovs_fatal(0, "HMAP_FOR_EACH_CONTINUE visited %zu of %zu",
                  visited, n);
    }

    /* Every node in a bucket is in the map; hmap_contains() agrees. */
    for (int i = 0; i < 50; i++) {
        bool expected = i % 4 == 2;

        if (hmap_contains(&map, &elements[i].node) != expected) {
            ovs_fatal(0, "hmap_contains() wrong for %d", i);
        }
    }

    /* A random node is always one of the elements. */
    for (int i = 0; i < 100; i++) {
        e = CONTAINER_OF(hmap_random_node(&map), struct element, node);
        if (e->value % 4 != 2) {
            ovs_fatal(0, "hmap_random_node() returned %d", e->value);
        }
    }

    /* Pop everything. */
    n = 0;
    HMAP_FOR_EACH_POP (e, node, &map) {
        n++;
    }
    if (n != 12 || !hmap_is_empty(&map) || e) {
        ovs_fatal(0, "HMAP_FOR_EACH_POP removed %zu elements", n);
    }
    if (hmap_random_node(&map)) {
        ovs_fatal(0, "hmap_random_node() of an empty map is not NULL");
    }
    hmap_destroy(&map);
}

/* hmap_replace() substitutes a node in place. */
static void
test_replace(void)
{
    struct element elements[10], substitute;
    int values[10];
    struct hmap map;

    hmap_init(&map);
    for (int i = 0; i < 10; i++) {
        elements[i].value = values[i] = i;
        hmap_insert(&map, &elements[i].node, constant_hash(i));
    }
    substitute.value = 5;
    hmap_replace(&map, &elements[5].node, &substitute.node);
    check_map(&map, values, 10, constant_hash);
    if (hmap_contains(&map, &elements[5].node)
        || !hmap_contains(&map, &substitute.node)) {
        ovs_fatal(0, "hmap_replace() did not replace the node");
    }
    hmap_destroy(&map);
}

static void
test_hmap_main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    random_set_seed(argc > 1 ? atoi(argv[1]) : 1);

    for (size_t i = 0; i < ARRAY_SIZE(hash_kinds); i++) {
        const struct hash_kind *kind = &hash_kinds[i];

        test_insert_remove(kind->hash, 70);
        test_random_ops(kind->hash, 2000);
        printf("%s hash: insert/remove and random operations passed\n",
               kind->name);
    }
    test_shrink_and_move();
    printf("shrink, move and reserve passed\n");
    test_iterators();
    printf("iterators passed\n");
    test_replace();
    printf("replace passed\n");
}

OVSTEST_REGISTER("test-hmap", test_hmap_main);
