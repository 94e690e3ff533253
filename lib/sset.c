/* Sets of strings.
 *
 * Each member is stored in a single allocation together with its hash map
 * sn (the name follows the sn), so a set of N strings costs N
 * allocations plus the bucket array. */

#include <config.h>
#include "openvswitch/sset.h"

#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"

static struct sset_node *
sset_find__(const struct sset *ss, const char *name, size_t hash)
{
    struct sset_node *sn;

    HMAP_FOR_EACH_WITH_HASH (sn, hmap_node, hash, &ss->map) {
        if (!strcmp(sn->name, name)) {
            return sn;
        }
    }
    return NULL;
}

static struct sset_node *
sset_add__(struct sset *ss, const char *name, size_t length, size_t hash)
{
    struct sset_node *sn = xmalloc(sizeof *sn + length + 1);

    memcpy(sn->name, name, length + 1);
    hmap_insert(&ss->map, &sn->hmap_node, hash);
    return sn;
}

void
sset_init(struct sset *ss)
{
    hmap_init(&ss->map);
}

void
sset_destroy(struct sset *ss)
{
    if (ss) {
        sset_clear(ss);
        hmap_destroy(&ss->map);
    }
}

/* Initializes DST as a copy of SRC. */
void
sset_clone(struct sset *dst, const struct sset *src)
{
    struct sset_node *sn;

    sset_init(dst);
    hmap_reserve(&dst->map, sset_count(src));
    HMAP_FOR_EACH (sn, hmap_node, &src->map) {
        sset_add__(dst, sn->name, strlen(sn->name),
                   sn->hmap_node.hash);
    }
}

void
sset_swap(struct sset *a, struct sset *b)
{
    hmap_swap(&a->map, &b->map);
}

void
sset_moved(struct sset *ss)
{
    hmap_moved(&ss->map);
}

void
sset_clear(struct sset *ss)
{
    struct sset_node *sn;

    HMAP_FOR_EACH_POP (sn, hmap_node, &ss->map) {
        free(sn);
    }
}

bool
sset_is_empty(const struct sset *ss)
{
    return hmap_is_empty(&ss->map);
}

size_t
sset_count(const struct sset *ss)
{
    return hmap_count(&ss->map);
}

struct sset_node *
sset_add(struct sset *ss, const char *name)
{
    size_t length = strlen(name);
    size_t hash = hash_bytes(name, length, 0);

    return (sset_find__(ss, name, hash)
            ? NULL
            : sset_add__(ss, name, length, hash));
}

struct sset_node *
sset_add_and_free(struct sset *ss, char *name)
{
    struct sset_node *sn = sset_add(ss, name);

    free(name);
    return sn;
}

void
sset_add_assert(struct sset *ss, const char *name)
{
    bool added = sset_add(ss, name) != NULL;

    ovs_assert(added);
}

void
sset_add_array(struct sset *ss, char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sset_add(ss, names[i]);
    }
}

void
sset_delete(struct sset *ss, struct sset_node *sn)
{
    hmap_remove(&ss->map, &sn->hmap_node);
    free(sn);
}

bool
sset_find_and_delete(struct sset *ss, const char *name)
{
    struct sset_node *sn = sset_find(ss, name);

    if (sn) {
        sset_delete(ss, sn);
    }
    return sn != NULL;
}

void
sset_find_and_delete_assert(struct sset *ss, const char *name)
{
    bool deleted = sset_find_and_delete(ss, name);

    ovs_assert(deleted);
}

char *
sset_pop(struct sset *ss)
{
    struct hmap_node *hnode = hmap_first(&ss->map);
    char *name;

    if (!hnode) {
        return NULL;
    }
    name = xstrdup(SSET_NAME_FROM_HMAP_NODE(hnode));
    sset_delete(ss, SSET_NODE_FROM_HMAP_NODE(hnode));
    return name;
}

struct sset_node *
sset_find(const struct sset *ss, const char *name)
{
    return sset_find__(ss, name, hash_string(name, 0));
}

bool
sset_contains(const struct sset *ss, const char *name)
{
    return sset_find(ss, name) != NULL;
}

bool
sset_equals(const struct sset *a, const struct sset *b)
{
    struct sset_node *sn;

    if (sset_count(a) != sset_count(b)) {
        return false;
    }
    HMAP_FOR_EACH (sn, hmap_node, &a->map) {
        if (!sset_find__(b, sn->name, sn->hmap_node.hash)) {
            return false;
        }
    }
    return true;
}

void
sset_intersect(struct sset *a, const struct sset *b)
{
    struct sset_node *sn;

    HMAP_FOR_EACH_SAFE (sn, hmap_node, &a->map) {
        if (!sset_find__(b, sn->name, sn->hmap_node.hash)) {
            sset_delete(a, sn);
        }
    }
}

void
sset_from_delimited_string(struct sset *ss, const char *s,
                           const char *delimiters)
{
    while (*s) {
        size_t skip = strspn(s, delimiters);
        size_t len;

        s += skip;
        len = strcspn(s, delimiters);
        if (len) {
            char *word = xmemdup0(s, len);

            sset_add_and_free(ss, word);
            s += len;
        }
    }
}

char *
sset_join(const struct sset *ss, const char *delimiter, const char *suffix)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    const char **names = sset_sort(ss);

    for (size_t i = 0; names[i]; i++) {
        if (i) {
            ds_put_cstr(&s, delimiter);
        }
        ds_put_cstr(&s, names[i]);
    }
    ds_put_cstr(&s, suffix);
    free(names);
    return ds_steal_cstr(&s);
}

struct sset_node *
sset_at_position(const struct sset *ss, struct hmap_position *pos)
{
    struct hmap_node *hnode = hmap_at_position(&ss->map, pos);

    return hnode ? SSET_NODE_FROM_HMAP_NODE(hnode) : NULL;
}

const char **
sset_array(const struct sset *ss)
{
    size_t n = sset_count(ss);
    const char **array = xmalloc((n + 1) * sizeof *array);
    struct sset_node *sn;
    size_t i = 0;

    HMAP_FOR_EACH (sn, hmap_node, &ss->map) {
        array[i++] = sn->name;
    }
    ovs_assert(i == n);
    array[n] = NULL;
    return array;
}

static int
compare_string_pointers(const void *x, const void *y)
{
    const char *const *px = x, *const *py = y;

    return strcmp(*px, *py);
}

const char **
sset_sort(const struct sset *ss)
{
    const char **array = sset_array(ss);

    qsort(array, sset_count(ss), sizeof *array, compare_string_pointers);
    return array;
}
