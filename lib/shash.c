/* String-keyed hash maps.
 *
 * A thin layer over struct hmap: each sn carries a malloc'd copy of its
 * name, hashed with hash_string(), and an opaque data pointer.  Lookups
 * hash the name and compare it against the nodes with the same hash. */

#include <config.h>
#include "openvswitch/shash.h"

#include <stdlib.h>
#include <string.h>

#include "openvswitch/hash.h"
#include "random.h"

static size_t
hash_name(const char *name)
{
    return hash_string(name, 0);
}

void
shash_init(struct shash *table)
{
    hmap_init(&table->map);
}

void
shash_destroy(struct shash *table)
{
    if (table) {
        shash_clear(table);
        hmap_destroy(&table->map);
    }
}

void
shash_destroy_free_data(struct shash *table)
{
    if (table) {
        shash_clear_free_data(table);
        hmap_destroy(&table->map);
    }
}

void
shash_swap(struct shash *a, struct shash *b)
{
    hmap_swap(&a->map, &b->map);
}

void
shash_moved(struct shash *table)
{
    hmap_moved(&table->map);
}

/* Frees every sn and name, leaving the data alone. */
void
shash_clear(struct shash *table)
{
    struct shash_node *sn;

    HMAP_FOR_EACH_POP (sn, node, &table->map) {
        free(sn->name);
        free(sn);
    }
}

void
shash_clear_free_data(struct shash *table)
{
    struct shash_node *sn;

    HMAP_FOR_EACH_POP (sn, node, &table->map) {
        free(sn->data);
        free(sn->name);
        free(sn);
    }
}

bool
shash_is_empty(const struct shash *table)
{
    return hmap_is_empty(&table->map);
}

size_t
shash_count(const struct shash *table)
{
    return hmap_count(&table->map);
}

/* Inserts a sn for NAME (taking ownership) with precomputed HASH. */
static struct shash_node *
shash_add_nocopy__(struct shash *table, char *name, const void *data,
                   size_t hash)
{
    struct shash_node *sn = xmalloc(sizeof *sn);

    sn->name = name;
    sn->data = CONST_CAST(void *, data);
    hmap_insert(&table->map, &sn->node, hash);
    return sn;
}

struct shash_node *
shash_add_nocopy(struct shash *table, char *name, const void *data)
{
    return shash_add_nocopy__(table, name, data, hash_name(name));
}

struct shash_node *
shash_add(struct shash *table, const char *name, const void *data)
{
    return shash_add_nocopy(table, xstrdup(name), data);
}

/* Looks NAME (LEN bytes) up among the nodes with HASH. */
static struct shash_node *
shash_find__(const struct shash *table, const char *name, size_t len,
             size_t hash)
{
    struct shash_node *sn;

    HMAP_FOR_EACH_WITH_HASH (sn, node, hash, &table->map) {
        if (!strncmp(sn->name, name, len) && !sn->name[len]) {
            return sn;
        }
    }
    return NULL;
}

bool
shash_add_once(struct shash *table, const char *name, const void *data)
{
    if (!shash_find(table, name)) {
        shash_add(table, name, data);
        return true;
    }
    return false;
}

void
shash_add_assert(struct shash *table, const char *name, const void *data)
{
    bool added = shash_add_once(table, name, data);

    ovs_assert(added);
}

void *
shash_replace(struct shash *table, const char *name, const void *data)
{
    size_t hash = hash_name(name);
    struct shash_node *sn = shash_find__(table, name, strlen(name), hash);

    if (!sn) {
        shash_add_nocopy__(table, xstrdup(name), data, hash);
        return NULL;
    } else {
        void *old = sn->data;

        sn->data = CONST_CAST(void *, data);
        return old;
    }
}

void *
shash_replace_nocopy(struct shash *table, char *name, const void *data)
{
    size_t hash = hash_name(name);
    struct shash_node *sn = shash_find__(table, name, strlen(name), hash);

    if (!sn) {
        shash_add_nocopy__(table, name, data, hash);
        return NULL;
    } else {
        void *old = sn->data;

        free(name);
        sn->data = CONST_CAST(void *, data);
        return old;
    }
}

void
shash_delete(struct shash *table, struct shash_node *sn)
{
    free(shash_steal(table, sn));
}

char *
shash_steal(struct shash *table, struct shash_node *sn)
{
    char *name = sn->name;

    hmap_remove(&table->map, &sn->node);
    free(sn);
    return name;
}

struct shash_node *
shash_find(const struct shash *table, const char *name)
{
    return shash_find__(table, name, strlen(name), hash_name(name));
}

struct shash_node *
shash_find_len(const struct shash *table, const char *name, size_t len)
{
    return shash_find__(table, name, len, hash_bytes(name, len, 0));
}

void *
shash_find_data(const struct shash *table, const char *name)
{
    struct shash_node *sn = shash_find(table, name);

    return sn ? sn->data : NULL;
}

void *
shash_find_and_delete(struct shash *table, const char *name)
{
    struct shash_node *sn = shash_find(table, name);
    void *data = NULL;

    if (sn) {
        data = sn->data;
        shash_delete(table, sn);
    }
    return data;
}

void *
shash_find_and_delete_assert(struct shash *table, const char *name)
{
    struct shash_node *sn = shash_find(table, name);
    void *data;

    ovs_assert(sn);
    data = sn->data;
    shash_delete(table, sn);
    return data;
}

struct shash_node *
shash_first(const struct shash *table)
{
    struct hmap_node *first = hmap_first(&table->map);

    return first ? CONTAINER_OF(first, struct shash_node, node) : NULL;
}

static int
compare_nodes_by_name(const void *x, const void *y)
{
    const struct shash_node *const *px = x, *const *py = y;

    return strcmp((*px)->name, (*py)->name);
}

const struct shash_node **
shash_sort(const struct shash *table)
{
    const struct shash_node **nodes;
    struct shash_node *sn;
    size_t i, n = shash_count(table);

    if (!n) {
        return NULL;
    }
    nodes = xmalloc(n * sizeof *nodes);
    i = 0;
    SHASH_FOR_EACH (sn, table) {
        nodes[i++] = sn;
    }
    ovs_assert(i == n);
    qsort(nodes, n, sizeof *nodes, compare_nodes_by_name);
    return nodes;
}

bool
shash_equal_keys(const struct shash *a, const struct shash *b)
{
    struct shash_node *sn;

    if (shash_count(a) != shash_count(b)) {
        return false;
    }
    SHASH_FOR_EACH (sn, a) {
        if (!shash_find(b, sn->name)) {
            return false;
        }
    }
    return true;
}

struct shash_node *
shash_random_node(struct shash *table)
{
    struct hmap_node *pick = hmap_random_node(&table->map);

    return pick ? CONTAINER_OF(pick, struct shash_node, node) : NULL;
}
