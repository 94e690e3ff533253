/* Unit tests for the string-keyed containers: struct shash, struct smap
 * and struct sset.  Each subcommand prints what it observes (sorted, so
 * the output does not depend on hash order) for the autotest case to
 * compare. */

#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/shash.h"
#include "openvswitch/smap.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/uuid.h"
#include "ovstest.h"

static void
print_shash(const char *title, const struct shash *sh)
{
    const struct shash_node **nodes = shash_sort(sh);
    size_t n = shash_count(sh);

    printf("%s (%zu):", title, n);
    for (size_t i = 0; i < n; i++) {
        printf(" %s=%s", nodes[i]->name, (const char *) nodes[i]->data);
    }
    putchar('\n');
    free(nodes);
}

static void
test_shash(void)
{
    struct shash sh = SHASH_INITIALIZER(&sh);
    struct shash copy;
    struct shash_node *node;

    print_shash("empty", &sh);
    ovs_assert(shash_is_empty(&sh) && !shash_first(&sh));

    shash_add(&sh, "b", "2");
    shash_add_nocopy(&sh, xstrdup("a"), "1");
    ovs_assert(shash_add_once(&sh, "c", "3"));
    ovs_assert(!shash_add_once(&sh, "c", "33"));
    shash_add_assert(&sh, "d", "4");
    print_shash("added", &sh);

    printf("replace c: old=%s\n", (char *) shash_replace(&sh, "c", "30"));
    printf("replace e: old=%s\n",
           (char *) shash_replace(&sh, "e", "5") ?: "(null)");
    printf("replace_nocopy e: old=%s\n",
           (char *) shash_replace_nocopy(&sh, xstrdup("e"), "50"));
    print_shash("replaced", &sh);

    printf("find b: %s, find x: %s, find_len \"abc\",1: %s\n",
           (char *) shash_find_data(&sh, "b"),
           shash_find(&sh, "x") ? "found" : "absent",
           shash_find_len(&sh, "abc", 1)
           ? (char *) shash_find_len(&sh, "abc", 1)->data : "absent");
    const char *deleted = shash_find_and_delete(&sh, "d");
    printf("find_and_delete d: %s, again: %s\n", deleted,
           shash_find_and_delete(&sh, "d") ? "found" : "absent");
    free(shash_steal(&sh, shash_find(&sh, "a")));
    printf("find_and_delete_assert e: %s\n",
           (char *) shash_find_and_delete_assert(&sh, "e"));
    print_shash("deleted", &sh);

    /* Safe iteration deletes everything but "c". */
    shash_add(&sh, "x", "9");
    SHASH_FOR_EACH_SAFE (node, &sh) {
        if (strcmp(node->name, "c")) {
            shash_delete(&sh, node);
        }
    }
    print_shash("after safe delete", &sh);

    /* Equal keys, swap, moved. */
    shash_init(&copy);
    shash_add(&copy, "c", "other");
    ovs_assert(shash_equal_keys(&sh, &copy));
    shash_add(&copy, "z", "26");
    ovs_assert(!shash_equal_keys(&sh, &copy));
    shash_swap(&sh, &copy);
    print_shash("swapped", &sh);
    ovs_assert(shash_random_node(&sh) != NULL);
    shash_destroy(&copy);

    /* Data freed by the _free_data variants. */
    shash_clear(&sh);
    shash_add(&sh, "m", xstrdup("malloced"));
    print_shash("malloced data", &sh);
    shash_destroy_free_data(&sh);
}

static void
print_smap(const char *title, const struct smap *smap)
{
    const struct smap_node **nodes = smap_sort(smap);
    size_t n = smap_count(smap);

    printf("%s (%zu):", title, n);
    for (size_t i = 0; i < n; i++) {
        printf(" %s=%s", nodes[i]->key, nodes[i]->value);
    }
    putchar('\n');
    free(nodes);
}

static void
test_smap(void)
{
    struct smap smap = SMAP_INITIALIZER(&smap);
    struct smap clone;
    struct smap_node *node;
    struct uuid uuid;
    char *key, *value;

    print_smap("empty", &smap);
    smap_add(&smap, "int", "-17");
    smap_add(&smap, "uint", "4000000000");
    smap_add_format(&smap, "big", "%llu", 18446744073709551615ULL);
    smap_add_nocopy(&smap, xstrdup("bool"), xstrdup("True"));
    ovs_assert(smap_add_once(&smap, "bad", "12x"));
    ovs_assert(!smap_add_once(&smap, "bad", "13"));
    smap_add(&smap, "uuid", "01234567-89ab-cdef-0123-456789abcdef");
    print_smap("added", &smap);

    printf("get int=%d uint=%u big=%llu bool=%d\n",
           smap_get_int(&smap, "int", 0), smap_get_uint(&smap, "uint", 0),
           smap_get_ullong(&smap, "big", 0),
           smap_get_bool(&smap, "bool", false));
    printf("defaults: bad int=%d missing int=%d bad bool=%d "
           "missing=%s def=%s\n",
           smap_get_int(&smap, "bad", 5), smap_get_int(&smap, "none", 6),
           smap_get_bool(&smap, "int", true),
           smap_get(&smap, "none") ? "found" : "(null)",
           smap_get_def(&smap, "none", "dflt"));
    printf("uuid ok=%d", smap_get_uuid(&smap, "uuid", &uuid));
    printf(" "UUID_FMT, UUID_ARGS(&uuid));
    bool ok = smap_get_uuid(&smap, "int", &uuid);
    printf(", bad uuid ok=%d zero=%d\n", ok, uuid_is_zero(&uuid));

    smap_clone(&clone, &smap);
    ovs_assert(smap_equal(&clone, &smap));
    smap_replace(&smap, "int", "1");
    smap_replace(&smap, "new", "n");
    ovs_assert(!smap_equal(&clone, &smap));
    ovs_assert(smap_remove(&smap, "uint") && !smap_remove(&smap, "uint"));
    node = smap_get_node(&smap, "bad");
    smap_steal(&smap, node, &key, &value);
    printf("stole %s=%s\n", key, value);
    free(key);
    free(value);
    print_smap("changed", &smap);
    print_smap("clone", &clone);

    SMAP_FOR_EACH_SAFE (node, &clone) {
        if (strlen(node->key) > 3) {
            smap_remove_node(&clone, node);
        }
    }
    print_smap("short keys", &clone);
    smap_destroy(&clone);
    smap_clear(&smap);
    ovs_assert(smap_is_empty(&smap));
    smap_destroy(&smap);
}

static void
print_sset(const char *title, const struct sset *set)
{
    char *joined = sset_join(set, ",", "");

    printf("%s (%zu):%s%s\n", title, sset_count(set),
           sset_is_empty(set) ? "" : " ", joined);
    free(joined);
}

static void
test_sset(void)
{
    struct sset set = SSET_INITIALIZER(&set);
    struct sset other;
    const char *name;
    char *popped;

    print_sset("empty", &set);
    ovs_assert(sset_add(&set, "b") && !sset_add(&set, "b"));
    sset_add_and_free(&set, xstrdup("a"));
    sset_add_assert(&set, "c");
    sset_from_delimited_string(&set, ",,d, e ,,f", ", ");
    sset_add_array(&set, (char *[]) { "g", "a" }, 2);
    print_sset("added", &set);

    ovs_assert(sset_contains(&set, "d") && !sset_contains(&set, "z"));
    ovs_assert(sset_find_and_delete(&set, "d"));
    ovs_assert(!sset_find_and_delete(&set, "d"));
    sset_find_and_delete_assert(&set, "e");
    print_sset("deleted", &set);

    sset_clone(&other, &set);
    ovs_assert(sset_equals(&set, &other));
    SSET_FOR_EACH_SAFE (name, &other) {
        if (name[0] < 'c') {
            sset_delete(&other, SSET_NODE_FROM_NAME(name));
        }
    }
    ovs_assert(!sset_equals(&set, &other));
    print_sset("safe delete", &other);
    sset_intersect(&set, &other);
    print_sset("intersection", &set);

    printf("sorted:");
    SSET_FOR_EACH_SORTED (name, &set) {
        printf(" %s", name);
    }
    printf("\n");

    size_t n = 0;
    while ((popped = sset_pop(&other)) != NULL) {
        n++;
        free(popped);
    }
    printf("popped %zu, left %zu\n", n, sset_count(&other));

    char *s = sset_join(&set, " + ", ".");
    printf("join: %s\n", s);
    free(s);
    sset_destroy(&other);
    sset_destroy(&set);
}

static void
test_shash_smap_sset_main(int argc OVS_UNUSED, char *argv[])
{
    set_program_name(argv[0]);
    test_shash();
    test_smap();
    test_sset();
}

OVSTEST_REGISTER("test-shash-smap-sset", test_shash_smap_sset_main);
