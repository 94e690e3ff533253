/* String-to-string maps.
 *
 * Like struct shash, but both the key and the value are strings owned by
 * the map.  The typed getters (smap_get_int() and friends) implement the
 * usual convention of configuration columns: a missing or malformed value
 * means "use the default". */

#include <config.h>
#include "openvswitch/smap.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "openvswitch/hash.h"
#include "openvswitch/uuid.h"

static size_t
hash_key(const char *key, size_t len)
{
    return hash_bytes(key, len, 0);
}

static struct smap_node *
smap_find__(const struct smap *sm, const char *key, size_t key_len,
            size_t hash)
{
    struct smap_node *sn;

    HMAP_FOR_EACH_WITH_HASH (sn, node, hash, &sm->map) {
        if (!strncmp(sn->key, key, key_len) && !sn->key[key_len]) {
            return sn;
        }
    }
    return NULL;
}

static struct smap_node *
smap_add__(struct smap *sm, char *key, char *value, size_t hash)
{
    struct smap_node *sn = xmalloc(sizeof *sn);

    sn->key = key;
    sn->value = value;
    hmap_insert(&sm->map, &sn->node, hash);
    return sn;
}

void
smap_init(struct smap *sm)
{
    hmap_init(&sm->map);
}

void
smap_destroy(struct smap *sm)
{
    if (sm) {
        smap_clear(sm);
        hmap_destroy(&sm->map);
    }
}

void
smap_clear(struct smap *sm)
{
    struct smap_node *sn;

    HMAP_FOR_EACH_POP (sn, node, &sm->map) {
        free(sn->key);
        free(sn->value);
        free(sn);
    }
}

void
smap_clone(struct smap *dst, const struct smap *src)
{
    const struct smap_node *sn;

    smap_init(dst);
    hmap_reserve(&dst->map, smap_count(src));
    SMAP_FOR_EACH (sn, src) {
        smap_add__(dst, xstrdup(sn->key), xstrdup(sn->value),
                   sn->node.hash);
    }
}

void
smap_swap(struct smap *a, struct smap *b)
{
    hmap_swap(&a->map, &b->map);
}

void
smap_moved(struct smap *sm)
{
    hmap_moved(&sm->map);
}

struct smap_node *
smap_add_nocopy(struct smap *sm, char *key, char *value)
{
    return smap_add__(sm, key, value, hash_key(key, strlen(key)));
}

struct smap_node *
smap_add(struct smap *sm, const char *key, const char *value)
{
    return smap_add_nocopy(sm, xstrdup(key), xstrdup(value));
}

bool
smap_add_once(struct smap *sm, const char *key, const char *value)
{
    if (!smap_get_node(sm, key)) {
        smap_add(sm, key, value);
        return true;
    }
    return false;
}

void
smap_add_format(struct smap *sm, const char *key, const char *format, ...)
{
    char *formatted;
    va_list ap;

    va_start(ap, format);
    formatted = xvasprintf(format, ap);
    va_end(ap);
    smap_add_nocopy(sm, xstrdup(key), formatted);
}

void
smap_replace_nocopy(struct smap *sm, const char *key, char *value)
{
    size_t key_len = strlen(key);
    size_t hash = hash_key(key, key_len);
    struct smap_node *sn = smap_find__(sm, key, key_len, hash);

    if (sn) {
        free(sn->value);
        sn->value = value;
    } else {
        smap_add__(sm, xmemdup0(key, key_len), value, hash);
    }
}

void
smap_replace(struct smap *sm, const char *key, const char *value)
{
    smap_replace_nocopy(sm, key, xstrdup(value));
}

bool
smap_remove(struct smap *sm, const char *key)
{
    struct smap_node *sn = smap_get_node(sm, key);

    if (sn) {
        smap_remove_node(sm, sn);
    }
    return sn != NULL;
}

void
smap_remove_node(struct smap *sm, struct smap_node *sn)
{
    smap_steal(sm, sn, NULL, NULL);
}

void
smap_steal(struct smap *sm, struct smap_node *sn, char **keyp,
           char **valuep)
{
    if (keyp) {
        *keyp = sn->key;
    } else {
        free(sn->key);
    }
    if (valuep) {
        *valuep = sn->value;
    } else {
        free(sn->value);
    }
    hmap_remove(&sm->map, &sn->node);
    free(sn);
}

struct smap_node *
smap_get_node(const struct smap *sm, const char *key)
{
    size_t key_len = strlen(key);

    return smap_find__(sm, key, key_len, hash_key(key, key_len));
}

const char *
smap_get(const struct smap *sm, const char *key)
{
    return smap_get_def(sm, key, NULL);
}

const char *
smap_get_def(const struct smap *sm, const char *key, const char *def)
{
    struct smap_node *sn = smap_get_node(sm, key);

    return sn ? sn->value : def;
}

bool
smap_get_bool(const struct smap *sm, const char *key, bool def)
{
    const char *value = smap_get(sm, key);

    if (value && !strcasecmp(value, "true")) {
        return true;
    } else if (value && !strcasecmp(value, "false")) {
        return false;
    }
    return def;
}

int
smap_get_int(const struct smap *sm, const char *key, int def)
{
    const char *value = smap_get(sm, key);
    int i;

    return value && str_to_int(value, 10, &i) ? i : def;
}

unsigned int
smap_get_uint(const struct smap *sm, const char *key, unsigned int def)
{
    const char *value = smap_get(sm, key);
    unsigned int u;

    return value && str_to_uint(value, 10, &u) ? u : def;
}

unsigned long long int
smap_get_ullong(const struct smap *sm, const char *key,
                unsigned long long def)
{
    const char *value = smap_get(sm, key);
    unsigned long long ull;

    return value && str_to_ullong(value, 10, &ull) ? ull : def;
}

bool
smap_get_uuid(const struct smap *sm, const char *key, struct uuid *uuid)
{
    const char *value = smap_get(sm, key);

    if (value && uuid_from_string(uuid, value)) {
        return true;
    }
    uuid_zero(uuid);
    return false;
}

bool
smap_is_empty(const struct smap *sm)
{
    return hmap_is_empty(&sm->map);
}

size_t
smap_count(const struct smap *sm)
{
    return hmap_count(&sm->map);
}

bool
smap_equal(const struct smap *a, const struct smap *b)
{
    const struct smap_node *sn;

    if (smap_count(a) != smap_count(b)) {
        return false;
    }
    SMAP_FOR_EACH (sn, a) {
        const char *value = smap_get(b, sn->key);

        if (!value || strcmp(value, sn->value)) {
            return false;
        }
    }
    return true;
}

static int
compare_nodes_by_key(const void *x, const void *y)
{
    const struct smap_node *const *px = x, *const *py = y;

    return strcmp((*px)->key, (*py)->key);
}

const struct smap_node **
smap_sort(const struct smap *sm)
{
    const struct smap_node **nodes;
    const struct smap_node *sn;
    size_t i, n = smap_count(sm);

    if (!n) {
        return NULL;
    }
    nodes = xmalloc(n * sizeof *nodes);
    i = 0;
    SMAP_FOR_EACH (sn, sm) {
        nodes[i++] = sn;
    }
    qsort(nodes, n, sizeof *nodes, compare_nodes_by_key);
    return nodes;
}
