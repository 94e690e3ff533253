/* classifier-bench: how much faster is tuple space search than a scan?
 *
 * Builds a table of N_RULES random rules over a handful of mask shapes
 * (like a real flow table: many rules, few distinct masks), then times
 * classifier_lookup() and a linear scan over the same rules and flows, and
 * prints both rates and their ratio.  Both searches must agree on every
 * flow; the program exits with status 1 if they do not.
 *
 * Usage: classifier-bench [N_RULES [N_SHAPES]]   (defaults 2000 and 16). */

#include <config.h>
#include "classifier.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "openvswitch/util.h"

static uint64_t bench_state = 42;

static uint32_t
bench_random(void)
{
    uint64_t z = (bench_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) >> 32;
}

/* Each shape masks some of these fields; values come from small pools so
 * that lookups hit rules often. */
static const struct {
    size_t ofs, len;
} bench_fields[] = {
    { offsetof(struct flow, regs[0]), 4 },
    { offsetof(struct flow, in_port), 4 },
    { offsetof(struct flow, dl_dst), 6 },
    { offsetof(struct flow, dl_type), 2 },
    { offsetof(struct flow, nw_src), 4 },
    { offsetof(struct flow, nw_dst), 4 },
    { offsetof(struct flow, tp_dst), 2 },
};
#define N_BENCH_FIELDS ARRAY_SIZE(bench_fields)
#define POOL 8

static uint8_t pool[N_BENCH_FIELDS][POOL][8];

static void
random_flow(struct flow *flow)
{
    size_t f;

    memset(flow, 0, sizeof *flow);
    for (f = 0; f < N_BENCH_FIELDS; f++) {
        memcpy((uint8_t *) flow + bench_fields[f].ofs,
               pool[f][bench_random() % POOL], bench_fields[f].len);
    }
}

static void
random_shape(struct flow_wildcards *wc)
{
    size_t f;

    flow_wildcards_init_catchall(wc);
    for (f = 0; f < N_BENCH_FIELDS; f++) {
        if (bench_random() % 2) {
            memset((uint8_t *) &wc->masks + bench_fields[f].ofs, 0xff,
                   bench_fields[f].len);
        }
    }
}

static bool
linear_matches(const struct cls_rule *rule, const struct flow *flow)
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

/* Same tie rule as the classifier: the later rule wins. */
static const struct cls_rule *
linear_lookup(struct cls_rule **rules, size_t n, const struct flow *flow)
{
    const struct cls_rule *best = NULL;
    size_t i;

    for (i = 0; i < n; i++) {
        if (linear_matches(rules[i], flow)
            && (!best || rules[i]->priority >= best->priority)) {
            best = rules[i];
        }
    }
    return best;
}

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t
parse_count(const char *s, const char *what)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (*end || v <= 0) {
        fprintf(stderr, "classifier-bench: bad %s \"%s\"\n", what, s);
        exit(EXIT_FAILURE);
    }
    return v;
}

int
main(int argc, char *argv[])
{
    size_t n_rules = argc > 1 ? parse_count(argv[1], "N_RULES") : 2000;
    size_t n_shapes = argc > 2 ? parse_count(argv[2], "N_SHAPES") : 16;
    enum { N_FLOWS = 4096 };
    struct flow_wildcards *shapes = xmalloc(n_shapes * sizeof *shapes);
    struct cls_rule **rules = xmalloc(n_rules * sizeof *rules);
    struct flow *flows = xmalloc(N_FLOWS * sizeof *flows);
    struct classifier cls;
    size_t i, j, n, n_cls, n_lin;
    double t0, t_cls, t_lin, rate_cls, rate_lin;
    unsigned long sink = 0;

    for (i = 0; i < N_BENCH_FIELDS; i++) {
        for (n = 0; n < POOL; n++) {
            for (j = 0; j < bench_fields[i].len; j++) {
                pool[i][n][j] = bench_random();
            }
        }
    }
    for (i = 0; i < n_shapes; i++) {
        random_shape(&shapes[i]);
    }

    classifier_init(&cls);
    n = 0;
    for (i = 0; i < n_rules; i++) {
        struct cls_rule *rule = xmalloc(sizeof *rule);
        struct cls_rule *old;
        struct match match;

        match.wc = shapes[bench_random() % n_shapes];
        random_flow(&match.flow);
        cls_rule_init(rule, &match, bench_random() % 1000);
        old = classifier_insert(&cls, rule);
        if (old) {
            /* Drop the displaced twin from the linear table too. */
            for (j = 0; j < n; j++) {
                if (rules[j] == old) {
                    memmove(&rules[j], &rules[j + 1],
                            (n - j - 1) * sizeof *rules);
                    n--;
                    break;
                }
            }
            cls_rule_destroy(old);
            free(old);
        }
        rules[n++] = rule;
    }

    for (i = 0; i < N_FLOWS; i++) {
        random_flow(&flows[i]);
        if (classifier_lookup(&cls, &flows[i], NULL)
            != linear_lookup(rules, n, &flows[i])) {
            fprintf(stderr, "classifier-bench: searches disagree\n");
            return EXIT_FAILURE;
        }
    }

    n_cls = 200 * N_FLOWS;
    t0 = now();
    for (i = 0; i < n_cls; i++) {
        sink += classifier_lookup(&cls, &flows[i % N_FLOWS], NULL) != NULL;
    }
    t_cls = now() - t0;

    n_lin = 2 * N_FLOWS;
    t0 = now();
    for (i = 0; i < n_lin; i++) {
        sink += linear_lookup(rules, n, &flows[i % N_FLOWS]) != NULL;
    }
    t_lin = now() - t0;

    rate_cls = n_cls / (t_cls > 0 ? t_cls : 1e-9);
    rate_lin = n_lin / (t_lin > 0 ? t_lin : 1e-9);
    printf("rules=%zu subtables=%zu (hits counted: %lu)\n",
           classifier_count(&cls), cls.n_subtables, sink);
    printf("classifier: %.0f lookups/s\n", rate_cls);
    printf("linear:     %.0f lookups/s\n", rate_lin);
    printf("speedup:    %.1fx\n", rate_cls / rate_lin);

    classifier_destroy(&cls);
    for (i = 0; i < n; i++) {
        cls_rule_destroy(rules[i]);
        free(rules[i]);
    }
    free(rules);
    free(flows);
    free(shapes);
    return 0;
}
