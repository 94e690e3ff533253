/* Coverage counters: cheap, always-on event counters for debugging.
 *
 * A module defines a counter once, at file scope:
 *     COVERAGE_DEFINE(flow_mod_rejected);
 * and bumps it where the event happens:
 *     COVERAGE_INC(flow_mod_rejected);
 * Counters register themselves before main() runs.  "ovs-appctl
 * coverage/show" prints them all (through coverage_format()), with the
 * average rate of each over the last 5 seconds, minute and hour when the
 * program calls coverage_run() from its main loop. */

#ifndef COVERAGE_H_INCLUDED
#define COVERAGE_H_INCLUDED 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct ds;

/* Number of 5-second intervals in a minute, and minutes in an hour. */
#define COVERAGE_MIN_INTERVALS 12
#define COVERAGE_HOUR_MINUTES 60

struct coverage_counter {
    const char *name;           /* The name given to COVERAGE_DEFINE. */
    unsigned long long int count;       /* Running total. */

    /* Rate history, maintained by coverage_run(). */
    unsigned long long int last_total;  /* 'count' at the last snapshot. */
    unsigned int min[COVERAGE_MIN_INTERVALS];  /* Per 5-second interval. */
    unsigned int hr[COVERAGE_HOUR_MINUTES];    /* Per minute. */
};

void coverage_counter_register(struct coverage_counter *);

#define COVERAGE_DEFINE(NAME)                                           \
    struct coverage_counter NAME##_coverage_counter = { #NAME, 0, 0,    \
                                                        {0}, {0} };     \
    OVS_CONSTRUCTOR(NAME##_coverage_register)                           \
    {                                                                   \
        coverage_counter_register(&NAME##_coverage_counter);            \
    }                                                                   \
    struct coverage_counter NAME##_coverage_counter

#define COVERAGE_ADD(NAME, AMOUNT) \
    ((void) (NAME##_coverage_counter.count += (AMOUNT)))
#define COVERAGE_INC(NAME) COVERAGE_ADD(NAME, 1)

/* Appends the table that "coverage/show" prints to DS. */
void coverage_format(struct ds *);
/* Writes the same table to stderr, for programs without a log. */
void coverage_log(void);
/* Looks up counter NAME; stores its total in *COUNT and returns true, or
 * returns false if there is no such counter. */
bool coverage_read_counter(const char *name, unsigned long long int *count);
/* Takes rate snapshots.  Call from the main loop with the current time in
 * milliseconds (monotonic); it does nothing until 5 s have passed since the
 * previous snapshot. */
void coverage_run_at(long long int now_msec);
void coverage_run(void);

#endif /* coverage.h */
