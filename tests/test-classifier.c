/* Tests for the classifier (lib/classifier.c).
 *
 * "test-classifier randomized SEED N_OPS" drives a classifier and a plain
 * list of rules searched one by one (the reference) through the same random
 * inserts, removals, lookups, exact finds, overlap checks and iterations,
 * and stops at the first disagreement.  Rules draw their masks from a few
 * fixed shapes (so subtables hold many rules) plus fully random ones, and
 * their values, like the looked-up flows' values, from small pools so that
 * lookups often hit.  Every lookup's reported wildcards are checked by
 * looking up random flows that agree with the original on those bits.
 *
 * "test-classifier focused" runs small hand-written scenarios, one per
 * behaviour. */

#include <config.h>
#include "classifier.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dynamic-string.h"
#include "ovstest.h"
#include "openvswitch/util.h"

/* A deterministic generator, independent of lib/random.c. */
static uint64_t prng_state;

static uint32_t
prng(void)
{
    uint64_t z = (prng_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) >> 32;
}

static uint32_t
prng_range(uint32_t n)
{
    return prng() % n;
}

static void
prng_bytes(uint8_t *p, size_t n)
{
    while (n--) {
        *p++ = prng();
    }
}

/* The fields random rules match on. */
struct test_field {
    const char *name;
    size_t ofs, len;
    bool is_prefix;             /* Partial masks are IP prefixes. */
};

#define TEST_FIELD(NAME, MEMBER, IS_PREFIX)                             \
    { NAME, offsetof(struct flow, MEMBER),                              \
      sizeof ((struct flow *) 0)->MEMBER, IS_PREFIX }

static const struct test_field fields[] = {
    TEST_FIELD("reg0", regs[0], false),
    TEST_FIELD("reg3", regs[3], false),
    TEST_FIELD("in_port", in_port, false),
    TEST_FIELD("dl_src", dl_src, false),
    TEST_FIELD("dl_dst", dl_dst, false),
    TEST_FIELD("dl_type", dl_type, false),
    TEST_FIELD("nw_src", nw_src, true),
    TEST_FIELD("nw_dst", nw_dst, true),
    TEST_FIELD("tp_src", tp_src, false),
    TEST_FIELD("tp_dst", tp_dst, false),
};
#define N_FIELDS ARRAY_SIZE(fields)
#define MAX_FIELD_LEN 8
#define N_POOL 3
#define N_SHAPES 12

static uint8_t value_pool[N_FIELDS][N_POOL][MAX_FIELD_LEN];
static uint8_t partial_mask[N_FIELDS][MAX_FIELD_LEN];
static struct flow_wildcards shapes[N_SHAPES];

/* Fills 'mask' (field 'f''s length) with a mask: all-zero, all-one or
 * partial (a prefix for addresses, a fixed bit pattern otherwise). */
static void
random_field_mask(size_t f, uint8_t *mask)
{
    const struct test_field *tf = &fields[f];
    uint32_t kind = prng_range(10);

    if (kind < 5) {
        memset(mask, 0, tf->len);
    } else if (kind < 8) {
        memset(mask, 0xff, tf->len);
    } else if (tf->is_prefix) {
        size_t plen = 1 + prng_range(tf->len * 8 - 1);
        size_t i;

        memset(mask, 0, tf->len);
        for (i = 0; i < plen; i++) {
            mask[i / 8] |= 0x80 >> (i % 8);
        }
    } else {
        memcpy(mask, partial_mask[f], tf->len);
    }
}

static void
random_mask(struct flow_wildcards *wc)
{
    size_t f;

    flow_wildcards_init_catchall(wc);
    for (f = 0; f < N_FIELDS; f++) {
        random_field_mask(f, (uint8_t *) &wc->masks + fields[f].ofs);
    }
}

/* A flow whose fields come mostly from the value pools. */
static void
random_flow(struct flow *flow)
{
    size_t f;

    memset(flow, 0, sizeof *flow);
    for (f = 0; f < N_FIELDS; f++) {
        uint8_t *p = (uint8_t *) flow + fields[f].ofs;

        if (prng_range(8)) {
            memcpy(p, value_pool[f][prng_range(N_POOL)], fields[f].len);
        } else {
            prng_bytes(p, fields[f].len);
        }
    }
}

static void
init_pools(void)
{
    size_t f, j;

    for (f = 0; f < N_FIELDS; f++) {
        for (j = 0; j < N_POOL; j++) {
            prng_bytes(value_pool[f][j], fields[f].len);
        }
        prng_bytes(partial_mask[f], fields[f].len);
    }
    for (j = 0; j < N_SHAPES; j++) {
        random_mask(&shapes[j]);
    }
}

static struct cls_rule *
random_rule(void)
{
    struct cls_rule *rule = xmalloc(sizeof *rule);
    struct match match;

    if (prng_range(5)) {
        match.wc = shapes[prng_range(N_SHAPES)];
    } else {
        random_mask(&match.wc);
    }
    random_flow(&match.flow);
    cls_rule_init(rule, &match, prng_range(16));
    return rule;
}

/* The reference: rules in insertion order, searched linearly. */
struct reference {
    struct cls_rule **rules;
    size_t n, allocated;
};

static bool
ref_matches(const struct cls_rule *rule, const struct flow *flow)
{
    const uint8_t *m = (const uint8_t *) &rule->match.wc.masks;
    const uint8_t *v = (const uint8_t *) &rule->match.flow;
    const uint8_t *p = (const uint8_t *) flow;
    size_t i;

    for (i = 0; i < sizeof *flow; i++) {
        if ((p[i] ^ v[i]) & m[i]) {
            return false;
        }
    }
    return true;
}

static const struct cls_rule *
ref_lookup(const struct reference *ref, const struct flow *flow)
{
    const struct cls_rule *best = NULL;
    size_t i;

    for (i = 0; i < ref->n; i++) {
        const struct cls_rule *r = ref->rules[i];

        /* '>=': later rules win ties. */
        if (ref_matches(r, flow) && (!best || r->priority >= best->priority)) {
            best = r;
        }
    }
    return best;
}

static bool
ref_overlaps(const struct reference *ref, const struct cls_rule *target)
{
    const uint8_t *tm = (const uint8_t *) &target->match.wc.masks;
    const uint8_t *tv = (const uint8_t *) &target->match.flow;
    size_t i, j;

    for (i = 0; i < ref->n; i++) {
        const struct cls_rule *r = ref->rules[i];
        const uint8_t *rm = (const uint8_t *) &r->match.wc.masks;
        const uint8_t *rv = (const uint8_t *) &r->match.flow;
        bool disjoint = false;

        if (r == target || r->priority != target->priority) {
            continue;
        }
        for (j = 0; j < sizeof (struct flow); j++) {
            if ((tv[j] ^ rv[j]) & tm[j] & rm[j]) {
                disjoint = true;
                break;
            }
        }
        if (!disjoint) {
            return true;
        }
    }
    return false;
}

static bool
ref_loose(const struct cls_rule *rule, const struct match *criteria)
{
    const uint8_t *rm = (const uint8_t *) &rule->match.wc.masks;
    const uint8_t *rv = (const uint8_t *) &rule->match.flow;
    const uint8_t *cm = (const uint8_t *) &criteria->wc.masks;
    const uint8_t *cv = (const uint8_t *) &criteria->flow;
    size_t j;

    for (j = 0; j < sizeof (struct flow); j++) {
        if ((cm[j] & ~rm[j]) || ((rv[j] ^ cv[j]) & cm[j])) {
            return false;
        }
    }
    return true;
}

static void
ref_remove_at(struct reference *ref, size_t i)
{
    memmove(&ref->rules[i], &ref->rules[i + 1],
            (ref->n - i - 1) * sizeof *ref->rules);
    ref->n--;
}

static size_t
ref_find_identical(const struct reference *ref, const struct cls_rule *rule)
{
    size_t i;

    for (i = 0; i < ref->n; i++) {
        if (cls_rule_equal(ref->rules[i], rule)) {
            return i;
        }
    }
    return SIZE_MAX;
}

static void
ref_append(struct reference *ref, struct cls_rule *rule)
{
    if (ref->n >= ref->allocated) {
        ref->rules = x2nrealloc(ref->rules, &ref->allocated,
                                sizeof *ref->rules);
    }
    ref->rules[ref->n++] = rule;
}

static char *
rule_to_string(const struct cls_rule *rule)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (rule) {
        cls_rule_format(rule, NULL, &s);
    } else {
        ds_put_cstr(&s, "(none)");
    }
    return ds_steal_cstr(&s);
}

static void
check_lookup(const struct classifier *cls, const struct reference *ref,
             const struct flow *flow, const char *what)
{
    const struct cls_rule *got = classifier_lookup(cls, flow, NULL);
    const struct cls_rule *want = ref_lookup(ref, flow);

    if (got != want) {
        ovs_fatal(0, "%s: lookup of %s found %s, expected %s", what,
                  flow_to_string(flow), rule_to_string(got),
                  rule_to_string(want));
    }
}

/* Looks up 'flow' with wildcard tracking, then checks that flows agreeing
 * with it on the reported bits get the same answer. */
static void
check_wildcards(const struct classifier *cls, const struct reference *ref,
                const struct flow *flow)
{
    const struct cls_rule *result;
    struct flow_wildcards wc;
    const uint8_t *m = (const uint8_t *) &wc.masks;
    const uint8_t *p = (const uint8_t *) flow;
    int i;

    flow_wildcards_init_catchall(&wc);
    result = classifier_lookup(cls, flow, &wc);
    for (i = 0; i < 4; i++) {
        struct flow other;
        uint8_t *o = (uint8_t *) &other;
        size_t j;

        random_flow(&other);
        for (j = 0; j < sizeof other; j++) {
            o[j] = (o[j] & ~m[j]) | (p[j] & m[j]);
        }
        check_lookup(cls, ref, &other, "wildcards");
        if (classifier_lookup(cls, &other, NULL) != result) {
            ovs_fatal(0, "flow %s agrees with %s on the reported wildcards "
                      "but gets a different rule", flow_to_string(&other),
                      flow_to_string(flow));
        }
    }
}

static void
check_iteration(const struct classifier *cls, const struct reference *ref)
{
    struct match criteria;
    struct cls_rule *rule;
    size_t i = 0;

    CLS_FOR_EACH (rule, match, cls) {
        if (i >= ref->n || rule != ref->rules[i]) {
            ovs_fatal(0, "iteration visits rules out of order at %zu", i);
        }
        i++;
    }
    if (i != ref->n) {
        ovs_fatal(0, "iteration visited %zu rules, expected %zu", i, ref->n);
    }

    random_mask(&criteria.wc);
    random_flow(&criteria.flow);
    flow_zero_wildcards(&criteria.flow, &criteria.wc);
    i = 0;
    CLS_FOR_EACH_TARGET (rule, match, cls, &criteria) {
        while (i < ref->n && !ref_loose(ref->rules[i], &criteria)) {
            i++;
        }
        if (i >= ref->n || rule != ref->rules[i]) {
            ovs_fatal(0, "targeted iteration disagrees at %zu", i);
        }
        i++;
    }
    while (i < ref->n && !ref_loose(ref->rules[i], &criteria)) {
        i++;
    }
    if (i != ref->n) {
        ovs_fatal(0, "targeted iteration missed rules");
    }
}

static bool
parse_uint(const char *s, unsigned long *value)
{
    char *end;

    if (!s[0] || s[0] == '-') {
        return false;
    }
    *value = strtoul(s, &end, 10);
    return !*end;
}

static void
test_randomized(int argc, char *argv[])
{
    unsigned long seed, n_ops, op;
    unsigned long n_inserts = 0, n_replaced = 0, n_removes = 0;
    unsigned long n_lookups = 0, n_hits = 0, n_overlaps = 0, n_loose = 0;
    struct reference ref = { NULL, 0, 0 };
    struct classifier cls;
    size_t i;

    if (argc != 4) {
        ovs_fatal(0, "usage: %s randomized SEED N_OPS", argv[0]);
    }
    if (!parse_uint(argv[2], &seed)) {
        ovs_fatal(0, "randomized: bad SEED \"%s\"", argv[2]);
    }
    if (!parse_uint(argv[3], &n_ops)) {
        ovs_fatal(0, "randomized: bad N_OPS \"%s\"", argv[3]);
    }

    prng_state = seed;
    init_pools();
    classifier_init(&cls);
    for (op = 0; op < n_ops; op++) {
        uint32_t what = prng_range(100);

        if (what < 35 || (what < 55 && !ref.n)) {
            /* Insert a new rule, or a twin of an existing one. */
            struct cls_rule *rule, *displaced;
            size_t old;

            if (what < 8 && ref.n) {
                const struct cls_rule *twin = ref.rules[prng_range(ref.n)];

                rule = xmalloc(sizeof *rule);
                cls_rule_init(rule, &twin->match, twin->priority);
            } else {
                rule = random_rule();
            }
            old = ref_find_identical(&ref, rule);
            displaced = classifier_insert(&cls, rule);
            if (old == SIZE_MAX ? displaced != NULL
                : displaced != ref.rules[old]) {
                ovs_fatal(0, "insert displaced the wrong rule");
            }
            if (displaced) {
                ref_remove_at(&ref, old);
                cls_rule_destroy(displaced);
                free(displaced);
                n_replaced++;
            }
            ref_append(&ref, rule);
            n_inserts++;
        } else if (what < 55) {
            size_t idx = prng_range(ref.n);
            struct cls_rule *rule = ref.rules[idx];

            if (!classifier_remove(&cls, rule)
                || classifier_remove(&cls, rule)) {
                ovs_fatal(0, "remove reported the wrong result");
            }
            ref_remove_at(&ref, idx);
            cls_rule_destroy(rule);
            free(rule);
            n_removes++;
        } else if (what < 90) {
            struct flow flow;

            random_flow(&flow);
            check_lookup(&cls, &ref, &flow, "lookup");
            check_wildcards(&cls, &ref, &flow);
            n_hits += ref_lookup(&ref, &flow) != NULL;
            n_lookups++;
        } else if (what < 95) {
            struct cls_rule *probe = random_rule();
            size_t idx;

            if (classifier_rule_overlaps(&cls, probe)
                != ref_overlaps(&ref, probe)) {
                ovs_fatal(0, "overlap check disagrees");
            }
            n_overlaps += ref_overlaps(&ref, probe);
            idx = ref_find_identical(&ref, probe);
            if (classifier_find_rule_exactly(&cls, probe)
                != (idx == SIZE_MAX ? NULL : ref.rules[idx])) {
                ovs_fatal(0, "find_rule_exactly disagrees");
            }
            if (ref.n) {
                const struct cls_rule *r = ref.rules[prng_range(ref.n)];
                struct match crit = ref.rules[prng_range(ref.n)]->match;
                size_t f;

                /* Criteria: another rule with some fields dropped. */
                for (f = 0; f < N_FIELDS; f++) {
                    if (prng_range(2)) {
                        memset((uint8_t *) &crit.wc.masks + fields[f].ofs,
                               0, fields[f].len);
                    }
                }
                flow_zero_wildcards(&crit.flow, &crit.wc);

                if (classifier_find_match_exactly(&cls, &r->match,
                                                  r->priority) != r) {
                    ovs_fatal(0, "find_match_exactly missed a rule");
                }
                n_loose += cls_rule_is_loose_match(r, &crit);
                if (cls_rule_is_loose_match(r, &crit) != ref_loose(r, &crit)
                    || cls_rule_is_loose_match(r, &probe->match)
                       != ref_loose(r, &probe->match)) {
                    ovs_fatal(0, "loose match disagrees");
                }
            }
            cls_rule_destroy(probe);
            free(probe);
        } else {
            check_iteration(&cls, &ref);
        }
        if (classifier_count(&cls) != ref.n
            || classifier_is_empty(&cls) != !ref.n) {
            ovs_fatal(0, "classifier has %zu rules, expected %zu",
                      classifier_count(&cls), ref.n);
        }
    }

    printf("ops=%lu inserts=%lu replaced=%lu removes=%lu\n",
           n_ops, n_inserts, n_replaced, n_removes);
    printf("lookups=%lu hits=%lu overlaps=%lu loose=%lu\n",
           n_lookups, n_hits, n_overlaps, n_loose);
    printf("final: %zu rules in %zu subtables\n",
           classifier_count(&cls), cls.n_subtables);

    classifier_destroy(&cls);
    for (i = 0; i < ref.n; i++) {
        cls_rule_destroy(ref.rules[i]);
        free(ref.rules[i]);
    }
    free(ref.rules);
}

/* Focused scenarios. */

static void
check(bool ok, const char *what)
{
    if (!ok) {
        ovs_fatal(0, "check failed: %s", what);
    }
}

static void
make_rule(struct cls_rule *rule, int priority, ovs_be32 nw_src,
          ovs_be32 src_mask, int tp_src)
{
    struct match match;

    match_init_catchall(&match);
    match_set_dl_type(&match, htons(ETH_TYPE_IP));
    if (src_mask) {
        match_set_nw_src_masked(&match, nw_src, src_mask);
    }
    if (tp_src >= 0) {
        match_set_nw_proto(&match, IPPROTO_TCP);
        match_set_tp_src(&match, htons(tp_src));
    }
    cls_rule_init(rule, &match, priority);
}

static void
make_flow(struct flow *flow, ovs_be32 nw_src, int tp_src)
{
    memset(flow, 0, sizeof *flow);
    flow->dl_type = htons(ETH_TYPE_IP);
    flow->nw_proto = IPPROTO_TCP;
    flow->nw_src = nw_src;
    flow->tp_src = htons(tp_src);
}

#define IP(A, B, C, D) htonl((A) << 24 | (B) << 16 | (C) << 8 | (D))
#define PREFIX(N) htonl(~0u << (32 - (N)))

static void
test_priority_order(void)
{
    struct cls_rule a, b, c, d;
    struct classifier cls;
    struct flow flow;

    classifier_init(&cls);
    make_rule(&a, 10, 0, 0, -1);                    /* ip */
    make_rule(&b, 30, IP(10, 0, 0, 0), PREFIX(8), -1);
    make_rule(&c, 20, IP(10, 1, 0, 0), PREFIX(16), 80);
    make_rule(&d, 5, IP(10, 0, 0, 0), PREFIX(8), -1); /* Same match as b. */
    check(!classifier_insert(&cls, &a), "insert a");
    check(!classifier_insert(&cls, &b), "insert b");
    check(!classifier_insert(&cls, &c), "insert c");
    check(!classifier_insert(&cls, &d), "insert d");
    check(classifier_count(&cls) == 4, "count 4");

    make_flow(&flow, IP(10, 1, 2, 3), 80);
    check(classifier_lookup(&cls, &flow, NULL) == &b, "b wins");
    check(classifier_remove(&cls, &b), "remove b");
    check(classifier_lookup(&cls, &flow, NULL) == &c, "then c");
    check(classifier_remove(&cls, &c), "remove c");
    check(classifier_lookup(&cls, &flow, NULL) == &a, "then a");
    check(classifier_remove(&cls, &a), "remove a");
    check(classifier_lookup(&cls, &flow, NULL) == &d, "then d");
    make_flow(&flow, IP(11, 1, 2, 3), 80);
    check(!classifier_lookup(&cls, &flow, NULL), "no match");
    check(!classifier_remove(&cls, &a), "a already removed");
    check(classifier_remove(&cls, &d), "remove d");
    check(classifier_is_empty(&cls), "empty");
    classifier_destroy(&cls);
    printf("priority order passed\n");
}

static void
test_replacement(void)
{
    struct cls_rule a, b, c;
    struct classifier cls;
    struct flow flow;

    classifier_init(&cls);
    make_rule(&a, 7, IP(192, 168, 0, 0), PREFIX(16), -1);
    make_rule(&b, 7, IP(192, 168, 0, 0), PREFIX(16), -1);
    make_rule(&c, 8, IP(192, 168, 0, 0), PREFIX(16), -1);
    check(!classifier_insert(&cls, &a), "insert a");
    check(classifier_insert(&cls, &b) == &a, "b displaces a");
    check(classifier_count(&cls) == 1, "count 1");
    check(!classifier_remove(&cls, &a), "a is out");
    check(classifier_find_rule_exactly(&cls, &a) == &b, "find finds b");
    check(!classifier_insert(&cls, &c), "c coexists");
    check(classifier_count(&cls) == 2, "count 2");
    make_flow(&flow, IP(192, 168, 9, 9), 0);
    check(classifier_lookup(&cls, &flow, NULL) == &c, "c wins");
    check(classifier_find_match_exactly(&cls, &b.match, 7) == &b, "b");
    check(!classifier_find_match_exactly(&cls, &b.match, 6), "no prio 6");
    check(classifier_remove(&cls, &c), "remove c");
    check(classifier_lookup(&cls, &flow, NULL) == &b, "b remains");
    classifier_destroy(&cls);
    cls_rule_destroy(&a);
    cls_rule_destroy(&b);
    cls_rule_destroy(&c);
    printf("identical rule replacement passed\n");
}

static void
test_ties(void)
{
    struct cls_rule a, b;
    struct classifier cls;
    struct flow flow;

    classifier_init(&cls);
    make_rule(&a, 50, IP(10, 0, 0, 0), PREFIX(8), -1);
    make_rule(&b, 50, 0, 0, 22);
    check(!classifier_insert(&cls, &a), "insert a");
    check(!classifier_insert(&cls, &b), "insert b");
    make_flow(&flow, IP(10, 0, 0, 1), 22);
    check(classifier_lookup(&cls, &flow, NULL) == &b, "newer b wins");
    check(classifier_remove(&cls, &a), "remove a");
    check(!classifier_insert(&cls, &a), "reinsert a");
    check(classifier_lookup(&cls, &flow, NULL) == &a, "newer a wins");
    classifier_destroy(&cls);
    cls_rule_destroy(&a);       /* Destroying 'cls' released them. */
    cls_rule_destroy(&b);
    printf("equal priority ties passed\n");
}

static void
test_overlap(void)
{
    struct cls_rule a, b, c, d, e;
    struct classifier cls;

    classifier_init(&cls);
    make_rule(&a, 100, IP(10, 0, 0, 0), PREFIX(8), -1);
    make_rule(&b, 100, IP(11, 0, 0, 0), PREFIX(8), 80);  /* Disjoint. */
    make_rule(&c, 100, 0, 0, 80);                         /* Overlaps a. */
    make_rule(&d, 99, IP(10, 0, 0, 0), PREFIX(8), -1);   /* Other prio. */
    make_rule(&e, 100, IP(10, 0, 0, 0), PREFIX(8), -1);  /* Same as a. */
    check(!classifier_insert(&cls, &a), "insert a");
    check(!classifier_rule_overlaps(&cls, &a), "a not with itself");
    check(!classifier_rule_overlaps(&cls, &b), "b disjoint");
    check(classifier_rule_overlaps(&cls, &c), "c overlaps");
    check(!classifier_rule_overlaps(&cls, &d), "d other priority");
    check(classifier_rule_overlaps(&cls, &e), "identical overlaps");
    classifier_destroy(&cls);
    printf("overlap detection passed\n");
}

static void
test_loose(void)
{
    struct cls_rule r8, r16;
    struct match crit;

    make_rule(&r8, 1, IP(10, 0, 0, 0), PREFIX(8), -1);
    make_rule(&r16, 1, IP(10, 1, 0, 0), PREFIX(16), -1);

    match_init_catchall(&crit);
    check(cls_rule_is_loose_match(&r8, &crit), "catchall takes all");
    match_set_nw_src_masked(&crit, IP(10, 0, 0, 0), PREFIX(8));
    check(cls_rule_is_loose_match(&r16, &crit), "/16 inside /8");
    check(cls_rule_is_loose_match(&r8, &crit), "/8 equals /8");
    match_set_nw_src_masked(&crit, IP(10, 1, 0, 0), PREFIX(16));
    check(!cls_rule_is_loose_match(&r8, &crit), "/8 not inside /16");
    match_set_nw_src_masked(&crit, IP(10, 2, 0, 0), PREFIX(16));
    check(!cls_rule_is_loose_match(&r16, &crit), "other /16");
    printf("loose match passed\n");
}

static void
test_wildcards(void)
{
    struct cls_rule hi, lo;
    struct classifier cls;
    struct flow_wildcards wc;
    struct flow flow;

    classifier_init(&cls);
    make_rule(&hi, 200, IP(10, 0, 0, 0), PREFIX(24), -1);
    make_rule(&lo, 100, 0, 0, 443);
    check(!classifier_insert(&cls, &hi), "insert hi");
    check(!classifier_insert(&cls, &lo), "insert lo");

    /* 'hi' matches in the first subtable: 'lo''s is never probed. */
    make_flow(&flow, IP(10, 0, 0, 7), 443);
    flow_wildcards_init_catchall(&wc);
    check(classifier_lookup(&cls, &flow, &wc) == &hi, "hi wins");
    check(wc.masks.nw_src == PREFIX(24), "nw_src /24 reported");
    check(wc.masks.dl_type == htons(0xffff), "dl_type reported");
    check(!wc.masks.tp_src, "tp_src not reported");

    /* 'hi' misses, so 'lo''s subtable decides too. */
    make_flow(&flow, IP(10, 0, 1, 7), 443);
    flow_wildcards_init_catchall(&wc);
    check(classifier_lookup(&cls, &flow, &wc) == &lo, "lo wins");
    check(wc.masks.nw_src == PREFIX(24), "nw_src /24 reported again");
    check(wc.masks.tp_src == htons(0xffff), "tp_src reported");
    check(wc.masks.nw_proto == 0xff, "nw_proto reported");
    classifier_destroy(&cls);
    printf("wildcard reporting passed\n");
}

static void
test_format(void)
{
    struct cls_rule a, b;
    char *s;

    make_rule(&a, 5, IP(10, 0, 0, 0), PREFIX(8), 80);
    make_rule(&b, 0x8000, 0, 0, -1);
    s = rule_to_string(&a);
    printf("%s\n", s);
    free(s);
    s = rule_to_string(&b);
    printf("%s\n", s);
    free(s);
}

static void
test_iteration_removal(void)
{
    struct cls_rule rules[6];
    struct classifier cls;
    struct cls_rule *rule;
    struct match crit;
    size_t i, n;

    classifier_init(&cls);
    for (i = 0; i < ARRAY_SIZE(rules); i++) {
        make_rule(&rules[i], i, IP(10, i % 2, 0, 0), PREFIX(16), -1);
        check(!classifier_insert(&cls, &rules[i]), "insert");
    }
    match_init_catchall(&crit);
    match_set_nw_src_masked(&crit, IP(10, 1, 0, 0), PREFIX(16));
    n = 0;
    CLS_FOR_EACH_TARGET (rule, match, &cls, &crit) {
        check(rule == &rules[2 * n + 1], "targeted order");
        check(classifier_remove(&cls, rule), "remove while iterating");
        n++;
    }
    check(n == 3 && classifier_count(&cls) == 3, "removed odd rules");
    n = 0;
    CLS_FOR_EACH (rule, match, &cls) {
        check(rule == &rules[2 * n], "remaining order");
        n++;
    }
    check(n == 3, "three remain");
    classifier_destroy(&cls);
    for (i = 0; i < ARRAY_SIZE(rules); i++) {
        cls_rule_destroy(&rules[i]);
    }
    printf("iteration with removal passed\n");
}

static void
test_focused(void)
{
    test_priority_order();
    test_replacement();
    test_ties();
    test_overlap();
    test_loose();
    test_wildcards();
    test_iteration_removal();
    test_format();
}

static void
test_classifier_main(int argc, char *argv[])
{
    if (argc >= 2 && !strcmp(argv[1], "randomized")) {
        test_randomized(argc, argv);
    } else if (argc == 2 && !strcmp(argv[1], "focused")) {
        test_focused();
    } else {
        ovs_fatal(0, "usage: %s focused | randomized SEED N_OPS", argv[0]);
    }
}

OVSTEST_REGISTER("test-classifier", test_classifier_main);
