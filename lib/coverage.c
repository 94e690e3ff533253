/* Coverage counters.
 *
 * Every COVERAGE_DEFINE registers its counter in a global array before
 * main() runs.  Incrementing a counter is a single addition; all the work
 * happens when someone asks for the numbers.
 *
 * Rates.  coverage_run() takes a snapshot every 5 seconds: each counter's
 * increase over the interval goes into a ring of 12 slots (the last
 * minute), and every 12th snapshot the minute's total goes into a ring of
 * 60 slots (the last hour).  coverage_format() turns these into average
 * events per second over the last 5 s, minute and hour. */

#include <config.h>
#include "coverage.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/util.h"

#define COVERAGE_RUN_INTERVAL 5000      /* Milliseconds between snapshots. */

static struct coverage_counter **counters;
static size_t n_counters, allocated_counters;

/* Snapshot bookkeeping. */
static long long int next_snapshot;     /* When to take the next one. */
static unsigned int min_idx;            /* Next slot in each 'min' ring. */
static unsigned int hr_idx;             /* Next slot in each 'hr' ring. */

void
coverage_counter_register(struct coverage_counter *counter)
{
    if (n_counters >= allocated_counters) {
        counters = x2nrealloc(counters, &allocated_counters,
                              sizeof *counters);
    }
    counters[n_counters++] = counter;
}

static int
compare_counters(const void *a_, const void *b_)
{
    const struct coverage_counter *const *a = a_;
    const struct coverage_counter *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

/* Sorts the counters by name, so that output is stable. */
static void
sort_counters(void)
{
    if (n_counters) {
        qsort(counters, n_counters, sizeof *counters, compare_counters);
    }
}

static unsigned long long int
sum_ring(const unsigned int *ring, size_t n)
{
    unsigned long long int sum = 0;

    for (size_t i = 0; i < n; i++) {
        sum += ring[i];
    }
    return sum;
}

void
coverage_format(struct ds *ds)
{
    size_t n_never_hit = 0;
    uint32_t hash = 0;

    sort_counters();
    for (size_t i = 0; i < n_counters; i++) {
        hash = hash_int(i, hash_string(counters[i]->name, hash));
    }

    ds_put_format(ds, "Event coverage, avg rate over last: 5 seconds, "
                  "last minute, last hour,  hash=%08"PRIx32":\n", hash);
    for (size_t i = 0; i < n_counters; i++) {
        const struct coverage_counter *c = counters[i];
        unsigned int last = c->min[(min_idx + COVERAGE_MIN_INTERVALS - 1)
                                   % COVERAGE_MIN_INTERVALS];
        unsigned long long int minute = sum_ring(c->min,
                                                 COVERAGE_MIN_INTERVALS);
        unsigned long long int hour = sum_ring(c->hr,
                                               COVERAGE_HOUR_MINUTES);

        if (!c->count) {
            n_never_hit++;
            continue;
        }
        ds_put_format(ds, "%-24s %5.1f/sec %9.3f/sec %13.4f/sec"
                      "   total: %llu\n", c->name,
                      last / (COVERAGE_RUN_INTERVAL / 1000.0),
                      minute / 60.0, hour / 3600.0, c->count);
    }
    ds_put_format(ds, "%zu events never hit\n", n_never_hit);
}

void
coverage_log(void)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    coverage_format(&s);
    fputs(ds_cstr(&s), stderr);
    ds_destroy(&s);
}

bool
coverage_read_counter(const char *name, unsigned long long int *count)
{
    for (size_t i = 0; i < n_counters; i++) {
        if (!strcmp(counters[i]->name, name)) {
            *count = counters[i]->count;
            return true;
        }
    }
    return false;
}

/* Records one 5-second interval for every counter. */
static void
take_snapshot(void)
{
    bool minute_done = (min_idx + 1) % COVERAGE_MIN_INTERVALS == 0;

    for (size_t i = 0; i < n_counters; i++) {
        struct coverage_counter *c = counters[i];
        unsigned long long int delta = c->count - c->last_total;

        c->last_total = c->count;
        c->min[min_idx] = delta > UINT32_MAX ? UINT32_MAX : delta;
        if (minute_done) {
            unsigned long long int minute
                = sum_ring(c->min, COVERAGE_MIN_INTERVALS);

            c->hr[hr_idx] = minute > UINT32_MAX ? UINT32_MAX : minute;
        }
    }
    min_idx = (min_idx + 1) % COVERAGE_MIN_INTERVALS;
    if (minute_done) {
        hr_idx = (hr_idx + 1) % COVERAGE_HOUR_MINUTES;
    }
}

void
coverage_run_at(long long int now)
{
    if (!next_snapshot) {
        next_snapshot = now + COVERAGE_RUN_INTERVAL;
        return;
    }
    while (now >= next_snapshot) {
        take_snapshot();
        next_snapshot += COVERAGE_RUN_INTERVAL;
    }
}

void
coverage_run(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    coverage_run_at((long long int) ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}
