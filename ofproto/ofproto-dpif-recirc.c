/* Recirculation ids: frozen translations kept in the switch.
 *
 * When translation must see the packet again after the datapath changed
 * it in a way translation cannot predict (ct(table=N) fills in the
 * conntrack fields), it freezes its state (ofproto-dpif-freeze.c) and asks
 * the datapath to recirculate: OVS_ACTION_ATTR_RECIRC(id) re-injects the
 * packet with that recirculation id, the lookup misses (or hits a flow
 * cached for that id), and the upcall thaws the state stored here.
 *
 * Identical states get the same id, so a cached flow that recirculates
 * keeps meaning the same thing after revalidation re-translates it.  An id
 * lives while a cached flow refers to it (ukeys hold references) and for a
 * grace period after its last use, long enough for the datapath to finish
 * the packet whose translation created it. */

#include <config.h>
#include "ofproto-dpif-xlate.h"

#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "hmap.h"
#include "ofp-actions.h"
#include "ofp-closure.h"
#include "timeval.h"
#include "util.h"

#define RECIRC_GRACE_MSEC 5000

struct recirc_entry {
    struct hmap_node by_id;
    struct hmap_node by_state;
    uint32_t id;
    uint32_t hash;
    int refcnt;
    long long int last_used;
    struct ofputil_closure_private state;   /* Deep copy, no packet. */
};

static struct hmap recirc_by_id = HMAP_INITIALIZER(&recirc_by_id);
static struct hmap recirc_by_state = HMAP_INITIALIZER(&recirc_by_state);
static uint32_t next_recirc_id = 1;

static uint32_t
recirc_state_hash(const struct ofputil_closure_private *s)
{
    uint32_t hash = hash_bytes(&s->bridge, sizeof s->bridge, 0);

    hash = hash_bytes(&s->public.metadata, sizeof s->public.metadata, hash);
    hash = hash_bytes(s->stack, s->n_stack * sizeof *s->stack, hash);
    hash = hash_bytes(s->actions, s->actions_len, hash);
    hash = hash_bytes(s->action_set, s->action_set_len, hash);
    return hash_2words(hash, s->mirrors | (s->conntracked << 31));
}

static bool
bytes_equal(const void *a, size_t a_len, const void *b, size_t b_len)
{
    return a_len == b_len && (!a_len || !memcmp(a, b, a_len));
}

static bool
recirc_state_equal(const struct ofputil_closure_private *a,
                   const struct ofputil_closure_private *b)
{
    return (uuid_equals(&a->bridge, &b->bridge)
            && !memcmp(&a->public.metadata, &b->public.metadata,
                       sizeof a->public.metadata)
            && a->mirrors == b->mirrors
            && a->conntracked == b->conntracked
            && bytes_equal(a->stack, a->n_stack * sizeof *a->stack,
                           b->stack, b->n_stack * sizeof *b->stack)
            && bytes_equal(a->actions, a->actions_len,
                           b->actions, b->actions_len)
            && bytes_equal(a->action_set, a->action_set_len,
                           b->action_set, b->action_set_len));
}

static void *
copy_bytes(const void *p, size_t n)
{
    return n ? xmemdup(p, n) : NULL;
}

/* Returns the id of 'state' (whose packet is ignored), allocating one if
 * needed, with a reference that the caller releases with
 * recirc_id_unref(). */
uint32_t
recirc_id_get(const struct ofputil_closure_private *state)
{
    uint32_t hash = recirc_state_hash(state);
    struct recirc_entry *e;

    HMAP_FOR_EACH_WITH_HASH (e, by_state, hash, &recirc_by_state) {
        if (recirc_state_equal(&e->state, state)) {
            e->refcnt++;
            e->last_used = time_msec();
            return e->id;
        }
    }

    e = xzalloc(sizeof *e);
    do {
        e->id = next_recirc_id++;
    } while (!e->id || recirc_id_find(e->id));
    e->hash = hash;
    e->refcnt = 1;
    e->last_used = time_msec();
    e->state.bridge = state->bridge;
    e->state.public.metadata = state->public.metadata;
    e->state.stack = copy_bytes(state->stack,
                                state->n_stack * sizeof *state->stack);
    e->state.n_stack = state->n_stack;
    e->state.mirrors = state->mirrors;
    e->state.conntracked = state->conntracked;
    e->state.actions = copy_bytes(state->actions, state->actions_len);
    e->state.actions_len = state->actions_len;
    e->state.action_set = copy_bytes(state->action_set,
                                     state->action_set_len);
    e->state.action_set_len = state->action_set_len;
    hmap_insert(&recirc_by_id, &e->by_id, hash_int(e->id, 0));
    hmap_insert(&recirc_by_state, &e->by_state, hash);
    return e->id;
}

static struct recirc_entry *
recirc_entry_find(uint32_t id)
{
    struct recirc_entry *e;

    HMAP_FOR_EACH_WITH_HASH (e, by_id, hash_int(id, 0), &recirc_by_id) {
        if (e->id == id) {
            return e;
        }
    }
    return NULL;
}

/* Returns the frozen state of recirculation id 'id', or NULL. */
const struct ofputil_closure_private *
recirc_id_find(uint32_t id)
{
    struct recirc_entry *e = recirc_entry_find(id);

    if (e) {
        e->last_used = time_msec();
    }
    return e ? &e->state : NULL;
}

void
recirc_id_unref(uint32_t id)
{
    struct recirc_entry *e = recirc_entry_find(id);

    if (e && e->refcnt > 0) {
        e->refcnt--;
        e->last_used = time_msec();
    }
}

/* Frees the ids that nothing refers to and nothing used lately. */
void
recirc_run(void)
{
    long long int cutoff = time_msec() - RECIRC_GRACE_MSEC;
    struct recirc_entry *e;

    HMAP_FOR_EACH_SAFE (e, by_id, &recirc_by_id) {
        if (!e->refcnt && e->last_used < cutoff) {
            hmap_remove(&recirc_by_id, &e->by_id);
            hmap_remove(&recirc_by_state, &e->by_state);
            free(e->state.stack);
            free(e->state.actions);
            free(e->state.action_set);
            free(e);
        }
    }
}
