/* Unit tests for the packet-in scheduler (ofproto/pinsched.c).
 *
 * "ovstest test-pinsched RATE BURST STEP..." creates a scheduler and runs
 * the steps in order, printing every message the scheduler lets through:
 *
 *     send:PORT:NAME   offers message NAME for a packet from PORT
 *     warp:MSECS       moves the (stopped) clock forward
 *     run              lets pinsched_run() release what the tokens allow
 *     stats            prints the counters
 *
 * Released messages print as "PORT:NAME" on one line per step, or "-" if
 * the step released nothing. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "ovstest.h"
#include "ofproto/pinsched.h"
#include "timeval.h"
#include "util.h"

static void
print_released(const char *step, struct ovs_list *txq)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ofpbuf *msg;

    LIST_FOR_EACH_POP (msg, list_node, txq) {
        ds_put_format(&s, " %.*s", (int) msg->size, (const char *) msg->data);
        ofpbuf_delete(msg);
    }
    printf("%s:%s\n", step, s.length ? ds_cstr(&s) : " -");
    ds_destroy(&s);
}

static void
do_step(struct pinsched *ps, const char *step)
{
    struct ovs_list txq;
    unsigned int port;
    char name[32];
    int msecs;

    ovs_list_init(&txq);
    if (sscanf(step, "send:%u:%31s", &port, name) == 2) {
        /* The message body is "PORT:NAME", so the output shows both. */
        char *body = xasprintf("%u:%s", port, name);
        struct ofpbuf *msg = ofpbuf_clone_data(body, strlen(body));

        free(body);
        pinsched_send(ps, u16_to_ofp(port), msg, &txq);
        print_released(step, &txq);
    } else if (sscanf(step, "warp:%d", &msecs) == 1) {
        timeval_warp(msecs);
    } else if (!strcmp(step, "run")) {
        pinsched_run(ps, &txq);
        print_released(step, &txq);
    } else if (!strcmp(step, "stats")) {
        struct pinsched_stats s;

        pinsched_get_stats(ps, &s);
        printf("stats: backlog=%u bypassed=%llu queued=%llu dropped=%llu "
               "sent=%llu\n", s.n_queued, s.n_normal, s.n_limited,
               s.n_queue_dropped, s.n_sent);
    } else {
        ovs_fatal(0, "unknown step \"%s\"", step);
    }
}

static void
test_pinsched_main(int argc, char *argv[])
{
    if (argc < 3) {
        ovs_fatal(0, "usage: %s RATE BURST STEP...", argv[0]);
    }

    timeval_stop();
    struct pinsched *ps = pinsched_create(atoi(argv[1]), atoi(argv[2]));
    int rate, burst;

    pinsched_get_limits(ps, &rate, &burst);
    printf("rate=%d burst=%d\n", rate, burst);
    for (int i = 3; i < argc; i++) {
        do_step(ps, argv[i]);
    }
    pinsched_destroy(ps);
}

OVSTEST_REGISTER("test-pinsched", test_pinsched_main);

static void
test_pinsched_kinds_main(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    for (int i = 0; i < PINSCHED_N_KINDS; i++) {
        printf("%d %s\n", i, pinsched_queue_kind_name(i));
    }
}

OVSTEST_REGISTER("test-pinsched-kinds", test_pinsched_kinds_main);
