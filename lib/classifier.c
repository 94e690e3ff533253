/* Classifier: finding the best rule for a packet by tuple space search.
 *
 * The problem.  A flow table holds rules, each a pattern over the packet's
 * fields where any subset of bits may be "don't care", plus a priority.  A
 * packet must be matched to the highest-priority rule whose pattern it fits.
 * Comparing the packet with every rule is simple but slow when tables hold
 * thousands of rules.
 *
 * The idea.  Real tables use few distinct patterns of care bits: "exact
 * destination MAC", "IPv4 /24 source and TCP port", and so on.  We group the
 * rules by that pattern (their mask).  Inside a group, a rule matches a
 * packet exactly when the packet's bits under the mask equal the rule's, so
 * a group is simply a hash table keyed by the masked bits: one hash probe
 * answers "does any rule of this group match?".  Such a group is a
 * "subtable".  A lookup probes each subtable once, so it costs time in
 * proportion to the number of distinct masks, not the number of rules.
 *
 * Priorities.  Each subtable remembers the highest priority it contains,
 * and the classifier keeps its subtables sorted by that number, highest
 * first.  Once a lookup has found a matching rule of priority P, subtables
 * whose best priority is below P cannot offer anything better, and the
 * search stops.
 *
 * Identical matches.  Several rules may share one match and differ only in
 * priority.  They hash to the same key, so only the highest-priority one,
 * the "group head", sits in the subtable's hash table; the others hang off
 * it in a ring sorted by decreasing priority.  Lookups only ever need the
 * head.  A rule with the same match and the same priority as an existing
 * one replaces it.
 *
 * Ties.  Two different rules of equal priority may both match a packet.
 * We let the most recently inserted one win; every rule gets a sequence
 * number at insertion to make that comparison cheap.
 *
 * Megaflows.  The datapath caches the outcome of a lookup for every packet
 * that agrees with this one on the bits the lookup depended on.  Our
 * outcome depends on the masked bits of each subtable we probed (whether it
 * had a match, and which), and on nothing else: which subtables we skip
 * depends only on priorities.  So classifier_lookup() reports the union of
 * the masks of the subtables it probed.
 *
 * Representation.  A struct flow is treated as an array of 64-bit words.
 * Each subtable records which words of its mask are nonzero, so that
 * hashing and comparing touch only the words that matter. */

#include <config.h>
#include "classifier.h"

#include <stdlib.h>
#include <string.h>
#include "dynamic-string.h"
#include "hash.h"
#include "openvswitch/util.h"

#define FLOW_U64S (sizeof (struct flow) / sizeof (uint64_t))
_Static_assert(sizeof (struct flow) % sizeof (uint64_t) == 0,
               "struct flow must be a whole number of 64-bit words");

/* All rules sharing one mask. */
struct cls_subtable {
    struct hmap_node mask_node; /* In classifier's 'subtables_by_mask'. */
    const struct classifier *cls; /* Owner. */
    struct flow_wildcards mask;
    size_t index;               /* Position in classifier's 'subtables'. */

    /* The nonzero words of 'mask': word number and value. */
    size_t n_words;
    uint16_t word_idx[FLOW_U64S];
    uint64_t word_mask[FLOW_U64S];

    struct hmap groups;         /* Group-head cls_rules, by masked hash. */
    size_t n_rules;             /* All rules, heads or not. */
    int max_priority;           /* Highest priority of any rule. */
    size_t max_count;           /* Number of rules with 'max_priority'. */
};

/* Word 'i' of 'flow'.  memcpy keeps this clear of aliasing rules; compilers
 * turn it into a single load. */
static inline uint64_t
flow_word(const struct flow *flow, size_t i)
{
    uint64_t w;

    memcpy(&w, (const char *) flow + i * sizeof w, sizeof w);
    return w;
}

static inline void
flow_word_or(struct flow *flow, size_t i, uint64_t bits)
{
    uint64_t w = flow_word(flow, i) | bits;

    memcpy((char *) flow + i * sizeof w, &w, sizeof w);
}

/* Rules. */

/* Initializes 'rule' to match 'match' at 'priority'.  The match is copied
 * (the caller keeps 'match') and normalized: value bits that the mask does
 * not cover are cleared.  'rule' is not in any classifier afterward. */
void
cls_rule_init(struct cls_rule *rule, const struct match *match, int priority)
{
    rule->match = *match;
    flow_zero_wildcards(&rule->match.flow, &rule->match.wc);
    rule->priority = priority;
    hmap_node_nullify(&rule->hmap_node);
    ovs_list_init(&rule->group_node);
    ovs_list_init(&rule->all_node);
    rule->subtable = NULL;
    rule->seq = 0;
}

/* Releases what cls_rule_init() set up ('rule' owns no memory today, but
 * callers should pair the two).  'rule' must not be in a classifier. */
void
cls_rule_destroy(struct cls_rule *rule)
{
    ovs_assert(!rule->subtable);
}

/* True if 'a' and 'b' have the same match and priority. */
bool
cls_rule_equal(const struct cls_rule *a, const struct cls_rule *b)
{
    return a->priority == b->priority && match_equal(&a->match, &b->match);
}

/* True if 'rule' matches every packet. */
bool
cls_rule_is_catchall(const struct cls_rule *rule)
{
    return flow_wildcards_is_catchall(&rule->match.wc);
}

/* True if every packet that 'rule' matches is also matched by 'criteria',
 * judged by the fields alone: 'rule' cares about every bit that 'criteria'
 * cares about, with the same value.  This is OpenFlow's non-strict
 * selection of rules for modification and deletion. */
bool
cls_rule_is_loose_match(const struct cls_rule *rule,
                        const struct match *criteria)
{
    const struct flow *rmask = &rule->match.wc.masks;
    const struct flow *cmask = &criteria->wc.masks;
    size_t i;

    for (i = 0; i < FLOW_U64S; i++) {
        uint64_t cm = flow_word(cmask, i);

        if (cm & ~flow_word(rmask, i)) {
            return false;
        }
        if ((flow_word(&rule->match.flow, i)
             ^ flow_word(&criteria->flow, i)) & cm) {
            return false;
        }
    }
    return true;
}

/* Appends 'rule' to 'out' in ovs-ofctl's syntax ("priority=N," first unless
 * the priority is the default, then the fields).  'port_map' may be NULL. */
void
cls_rule_format(const struct cls_rule *rule,
                const struct ofputil_port_map *port_map, struct ds *out)
{
    match_format(&rule->match, port_map, out, rule->priority);
}

/* Subtables. */

/* Hash of the bits of 'flow' that 'st' cares about. */
static uint32_t
subtable_hash(const struct cls_subtable *st, const struct flow *flow)
{
    uint32_t hash = 0;
    size_t k;

    for (k = 0; k < st->n_words; k++) {
        hash = hash_add64(hash, flow_word(flow, st->word_idx[k])
                                & st->word_mask[k]);
    }
    return hash_finish(hash, st->n_words * 8);
}

/* True if 'flow', under 'st''s mask, equals 'rule''s (normalized) flow. */
static inline bool
subtable_rule_matches(const struct cls_subtable *st,
                      const struct cls_rule *rule, const struct flow *flow)
{
    size_t k;

    for (k = 0; k < st->n_words; k++) {
        size_t i = st->word_idx[k];

        if ((flow_word(flow, i) & st->word_mask[k])
            != flow_word(&rule->match.flow, i)) {
            return false;
        }
    }
    return true;
}

/* The group head in 'st' that 'flow' matches, or NULL.  'hash' must be
 * subtable_hash(st, flow). */
static struct cls_rule *
subtable_find_group(const struct cls_subtable *st, const struct flow *flow,
                    uint32_t hash)
{
    struct cls_rule *head;

    HMAP_FOR_EACH_WITH_HASH (head, hmap_node, hash, &st->groups) {
        if (subtable_rule_matches(st, head, flow)) {
            return head;
        }
    }
    return NULL;
}

/* The next rule in 'rule''s ring of identical matches. */
static inline struct cls_rule *
ring_next(const struct cls_rule *rule)
{
    return CONTAINER_OF(rule->group_node.next, struct cls_rule, group_node);
}

static struct cls_subtable *
find_subtable(const struct classifier *cls, const struct flow_wildcards *wc)
{
    struct cls_subtable *st;

    HMAP_FOR_EACH_WITH_HASH (st, mask_node, flow_wildcards_hash(wc, 0),
                             &cls->subtables_by_mask) {
        if (flow_wildcards_equal(&st->mask, wc)) {
            return st;
        }
    }
    return NULL;
}

static void
swap_subtables(struct classifier *cls, size_t a, size_t b)
{
    struct cls_subtable *tmp = cls->subtables[a];

    cls->subtables[a] = cls->subtables[b];
    cls->subtables[b] = tmp;
    cls->subtables[a]->index = a;
    cls->subtables[b]->index = b;
}

/* Moves 'st' within the sorted array after its 'max_priority' changed. */
static void
reposition_subtable(struct classifier *cls, struct cls_subtable *st)
{
    while (st->index > 0
           && cls->subtables[st->index - 1]->max_priority < st->max_priority) {
        swap_subtables(cls, st->index - 1, st->index);
    }
    while (st->index + 1 < cls->n_subtables
           && cls->subtables[st->index + 1]->max_priority > st->max_priority) {
        swap_subtables(cls, st->index, st->index + 1);
    }
}

/* Creates an empty subtable for 'wc' in 'cls', placed last in the sorted
 * array (the caller repositions it once it holds a rule). */
static struct cls_subtable *
create_subtable(struct classifier *cls, const struct flow_wildcards *wc)
{
    struct cls_subtable *st = xzalloc(sizeof *st);
    size_t i;

    st->cls = cls;
    st->mask = *wc;
    for (i = 0; i < FLOW_U64S; i++) {
        uint64_t m = flow_word(&wc->masks, i);

        if (m) {
            st->word_idx[st->n_words] = i;
            st->word_mask[st->n_words] = m;
            st->n_words++;
        }
    }
    hmap_init(&st->groups);
    hmap_insert(&cls->subtables_by_mask, &st->mask_node,
                flow_wildcards_hash(wc, 0));

    if (cls->n_subtables >= cls->allocated_subtables) {
        cls->subtables = x2nrealloc(cls->subtables,
                                    &cls->allocated_subtables,
                                    sizeof *cls->subtables);
    }
    st->index = cls->n_subtables;
    cls->subtables[cls->n_subtables++] = st;
    return st;
}

static void
destroy_subtable(struct classifier *cls, struct cls_subtable *st)
{
    size_t i;

    for (i = st->index + 1; i < cls->n_subtables; i++) {
        cls->subtables[i - 1] = cls->subtables[i];
        cls->subtables[i - 1]->index = i - 1;
    }
    cls->n_subtables--;
    hmap_remove(&cls->subtables_by_mask, &st->mask_node);
    hmap_destroy(&st->groups);
    free(st);
}

/* Recomputes 'st''s highest priority after the last rule holding it left.
 * Only group heads need looking at: each holds its group's maximum. */
static void
recompute_max_priority(struct cls_subtable *st)
{
    const struct cls_rule *head;

    st->max_count = 0;
    HMAP_FOR_EACH (head, hmap_node, &st->groups) {
        if (!st->max_count || head->priority > st->max_priority) {
            st->max_priority = head->priority;
            st->max_count = 1;
        } else if (head->priority == st->max_priority) {
            st->max_count++;
        }
    }
}

/* Classifiers. */

/* Initializes 'cls' as empty. */
void
classifier_init(struct classifier *cls)
{
    hmap_init(&cls->subtables_by_mask);
    cls->subtables = NULL;
    cls->n_subtables = 0;
    cls->allocated_subtables = 0;
    ovs_list_init(&cls->rules);
    cls->n_rules = 0;
    cls->next_seq = 1;
}

/* Frees the memory 'cls' itself uses.  Rules still in it are not freed
 * (the caller owns them) but are marked as no longer inserted, so the
 * caller may cls_rule_destroy() them afterward. */
void
classifier_destroy(struct classifier *cls)
{
    struct cls_rule *rule;

    LIST_FOR_EACH (rule, all_node, &cls->rules) {
        rule->subtable = NULL;
    }
    while (cls->n_subtables) {
        destroy_subtable(cls, cls->subtables[cls->n_subtables - 1]);
    }
    hmap_destroy(&cls->subtables_by_mask);
    free(cls->subtables);
    cls->subtables = NULL;
    ovs_list_init(&cls->rules);
    cls->n_rules = 0;
}

bool
classifier_is_empty(const struct classifier *cls)
{
    return cls->n_rules == 0;
}

size_t
classifier_count(const struct classifier *cls)
{
    return cls->n_rules;
}

/* Places 'rule', which must not already be in a classifier, into 'cls'.
 * If a rule with the same match and priority was there, 'rule' takes its
 * place and the old rule is returned (now out of the classifier, still
 * owned by the caller); otherwise returns NULL.  'cls' does not take
 * ownership of 'rule'. */
struct cls_rule *
classifier_insert(struct classifier *cls, struct cls_rule *rule)
{
    struct cls_subtable *st;
    struct cls_rule *head, *pos, *r;
    uint32_t hash;

    ovs_assert(!rule->subtable);

    st = find_subtable(cls, &rule->match.wc);
    if (!st) {
        st = create_subtable(cls, &rule->match.wc);
    }
    rule->subtable = st;
    rule->seq = cls->next_seq++;
    ovs_list_push_back(&cls->rules, &rule->all_node);

    hash = subtable_hash(st, &rule->match.flow);
    head = subtable_find_group(st, &rule->match.flow, hash);
    if (!head) {
        hmap_insert(&st->groups, &rule->hmap_node, hash);
        ovs_list_init(&rule->group_node);
        goto added;
    }

    /* Find the first rule in the ring whose priority is not above ours. */
    pos = NULL;
    r = head;
    do {
        if (r->priority <= rule->priority) {
            pos = r;
            break;
        }
        r = ring_next(r);
    } while (r != head);

    if (pos && pos->priority == rule->priority) {
        if (ovs_list_is_empty(&pos->group_node)) {
            /* A ring of one: ovs_list_replace() would keep 'pos' in it. */
            ovs_list_init(&rule->group_node);
        } else {
            ovs_list_replace(&rule->group_node, &pos->group_node);
        }
        if (pos == head) {
            hmap_replace(&st->groups, &pos->hmap_node, &rule->hmap_node);
        }
        ovs_list_remove(&pos->all_node);
        pos->subtable = NULL;
        return pos;
    }

    /* Inserting before 'head' in a ring means at its end. */
    ovs_list_insert(pos ? &pos->group_node : &head->group_node,
                    &rule->group_node);
    if (pos == head) {
        hmap_replace(&st->groups, &head->hmap_node, &rule->hmap_node);
    }

added:
    st->n_rules++;
    cls->n_rules++;
    if (st->n_rules == 1 || rule->priority > st->max_priority) {
        st->max_priority = rule->priority;
        st->max_count = 1;
    } else if (rule->priority == st->max_priority) {
        st->max_count++;
    }
    reposition_subtable(cls, st);
    return NULL;
}

/* Takes 'rule' out of 'cls'.  Returns false, doing nothing, if 'rule' is
 * not in 'cls'.  The caller keeps ownership of 'rule'. */
bool
classifier_remove(struct classifier *cls, struct cls_rule *rule)
{
    struct cls_subtable *st = rule->subtable;
    struct cls_rule *head;

    if (!st || st->cls != cls) {
        return false;
    }

    head = subtable_find_group(st, &rule->match.flow,
                               subtable_hash(st, &rule->match.flow));
    if (head == rule) {
        if (ovs_list_is_empty(&rule->group_node)) {
            hmap_remove(&st->groups, &rule->hmap_node);
        } else {
            hmap_replace(&st->groups, &rule->hmap_node,
                         &ring_next(rule)->hmap_node);
        }
    }
    ovs_list_remove(&rule->group_node);
    ovs_list_init(&rule->group_node);
    ovs_list_remove(&rule->all_node);
    ovs_list_init(&rule->all_node);
    rule->subtable = NULL;

    cls->n_rules--;
    if (!--st->n_rules) {
        destroy_subtable(cls, st);
    } else if (rule->priority == st->max_priority && !--st->max_count) {
        recompute_max_priority(st);
        reposition_subtable(cls, st);
    }
    return true;
}

/* True if 'a' should be chosen over 'b' when both match. */
static inline bool
rule_beats(const struct cls_rule *a, const struct cls_rule *b)
{
    return (a->priority > b->priority
            || (a->priority == b->priority && a->seq > b->seq));
}

/* Returns the highest-priority rule in 'cls' that matches 'flow' (among
 * equals, the one inserted last), or NULL.  The rule still belongs to the
 * caller who inserted it.
 *
 * If 'wc' is nonnull, ORs into it every bit of 'flow' the answer depended
 * on: any flow that agrees with 'flow' on the bits set in 'wc' afterward
 * gets the same answer. */
struct cls_rule *
classifier_lookup(const struct classifier *cls, const struct flow *flow,
                  struct flow_wildcards *wc)
{
    struct cls_rule *best = NULL;
    size_t i, k;

    for (i = 0; i < cls->n_subtables; i++) {
        const struct cls_subtable *st = cls->subtables[i];
        struct cls_rule *head;

        if (best && st->max_priority < best->priority) {
            break;
        }
        if (wc) {
            for (k = 0; k < st->n_words; k++) {
                flow_word_or(&wc->masks, st->word_idx[k], st->word_mask[k]);
            }
        }
        head = subtable_find_group(st, flow, subtable_hash(st, flow));
        if (head && (!best || rule_beats(head, best))) {
            best = head;
        }
    }
    return best;
}

/* Returns the rule in 'cls' whose match and priority equal 'target''s
 * (possibly 'target' itself), or NULL. */
struct cls_rule *
classifier_find_rule_exactly(const struct classifier *cls,
                             const struct cls_rule *target)
{
    return classifier_find_match_exactly(cls, &target->match,
                                         target->priority);
}

/* Returns the rule in 'cls' with exactly 'match' (compared after clearing
 * value bits outside its mask) and 'priority', or NULL. */
struct cls_rule *
classifier_find_match_exactly(const struct classifier *cls,
                              const struct match *match, int priority)
{
    const struct cls_subtable *st = find_subtable(cls, &match->wc);
    struct cls_rule *head, *r;
    struct flow flow;

    if (!st) {
        return NULL;
    }
    flow = match->flow;
    flow_zero_wildcards(&flow, &match->wc);
    head = subtable_find_group(st, &flow, subtable_hash(st, &flow));
    if (!head) {
        return NULL;
    }
    r = head;
    do {
        if (r->priority == priority) {
            return r;
        }
        if (r->priority < priority) {
            break;
        }
        r = ring_next(r);
    } while (r != head);
    return NULL;
}

/* True if no packet can match both 'a' (a rule in 'st') and 'b': some bit
 * that both care about has different values in them. */
static bool
rules_disagree(const struct cls_subtable *st, const struct cls_rule *a,
                const struct cls_rule *b)
{
    size_t k;

    for (k = 0; k < st->n_words; k++) {
        size_t i = st->word_idx[k];
        uint64_t both = st->word_mask[k] & flow_word(&b->match.wc.masks, i);

        if ((flow_word(&a->match.flow, i) ^ flow_word(&b->match.flow, i))
            & both) {
            return true;
        }
    }
    return false;
}

/* True if 'cls' holds a rule other than 'target' itself with the same
 * priority as 'target' such that some packet could match both (this
 * includes a rule with an identical match).  'target' need not be in
 * 'cls'.  Costs time linear in the rules of the subtables that hold that
 * priority or higher. */
bool
classifier_rule_overlaps(const struct classifier *cls,
                         const struct cls_rule *target)
{
    size_t i;

    for (i = 0; i < cls->n_subtables; i++) {
        const struct cls_subtable *st = cls->subtables[i];
        const struct cls_rule *head;

        if (st->max_priority < target->priority) {
            break;
        }
        HMAP_FOR_EACH (head, hmap_node, &st->groups) {
            const struct cls_rule *r = head;

            do {
                if (r->priority == target->priority) {
                    if (r != target && !rules_disagree(st, r, target)) {
                        return true;
                    }
                    break;
                }
                if (r->priority < target->priority) {
                    break;
                }
                r = ring_next(r);
            } while (r != head);
        }
    }
    return false;
}

/* Iteration. */

/* Moves 'cursor' from 'node' onward to the first rule that fits its
 * target, or to NULL at the end. */
static void
cursor_settle(struct cls_cursor *cursor, struct ovs_list *node)
{
    for (; node != cursor->end; node = node->next) {
        struct cls_rule *rule = CONTAINER_OF(node, struct cls_rule, all_node);

        if (!cursor->target
            || cls_rule_is_loose_match(rule, cursor->target)) {
            cursor->rule = rule;
            return;
        }
    }
    cursor->rule = NULL;
}

/* Starts iterating over 'cls', restricted to rules that loosely match
 * 'target' if it is nonnull.  'target' must outlive the iteration. */
struct cls_cursor
cls_cursor_start(const struct classifier *cls, const struct match *target)
{
    struct cls_cursor cursor;

    cursor.target = target;
    cursor.end = CONST_CAST(struct ovs_list *, &cls->rules);
    cursor_settle(&cursor, cursor.end->next);
    return cursor;
}

/* Steps 'cursor' past its current rule. */
void
cls_cursor_advance(struct cls_cursor *cursor)
{
    cursor_settle(cursor, cursor->rule->all_node.next);
}
