/* Unit tests for UUIDs: generation, the textual form and comparison.
 *
 * "ovstest test-uuid check" runs the self-checking tests;
 * "ovstest test-uuid parse STRING..." prints how each STRING parses, for
 * the autotest cases to compare against exact expected output. */

#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/uuid.h"
#include "openvswitch/util.h"
#include "ovstest.h"

/* Generation yields distinct version 4, variant 1 UUIDs whose text form
 * parses back to the same value. */
static void
check_generate(void)
{
    enum { N = 1000 };
    struct uuid *uuids = xmalloc(N * sizeof *uuids);

    for (int i = 0; i < N; i++) {
        char text[UUID_LEN + 1];
        struct uuid back;

        uuids[i] = uuid_random();
        snprintf(text, sizeof text, UUID_FMT, UUID_ARGS(&uuids[i]));
        if (strlen(text) != UUID_LEN || text[14] != '4'
            || !strchr("89ab", text[19])) {
            ovs_fatal(0, "%s is not a version 4, variant 1 UUID", text);
        }
        if (!uuid_from_string(&back, text)
            || !uuid_equals(&back, &uuids[i])
            || uuid_hash(&back) != uuid_hash(&uuids[i])
            || uuid_compare_3way(&back, &uuids[i])) {
            ovs_fatal(0, "%s does not survive a round trip", text);
        }
        for (int j = 0; j < i; j++) {
            if (uuid_equals(&uuids[i], &uuids[j])) {
                ovs_fatal(0, "uuid_generate() repeated %s", text);
            }
        }
        if (uuid_is_zero(&uuids[i])) {
            ovs_fatal(0, "uuid_generate() produced the zero UUID");
        }
    }
    free(uuids);
}

static void
check_compare(void)
{
    struct uuid a, b, zero;

    uuid_zero(&zero);
    ovs_assert(uuid_is_zero(&zero));
    ovs_assert(uuid_from_string(&a, "00000001-0000-0000-0000-000000000000"));
    ovs_assert(uuid_from_string(&b, "00000000-ffff-ffff-ffff-ffffffffffff"));
    ovs_assert(uuid_compare_3way(&a, &b) > 0);
    ovs_assert(uuid_compare_3way(&b, &a) < 0);
    ovs_assert(uuid_compare_3way(&zero, &b) < 0);
    ovs_assert(!uuid_equals(&a, &b) && !uuid_is_zero(&a));
}

static void
check_predictable(void)
{
    struct uuid u;
    char text[UUID_LEN + 1];

    uuid_set_predictable(true);
    uuid_generate(&u);
    uuid_generate(&u);
    snprintf(text, sizeof text, UUID_FMT, UUID_ARGS(&u));
    ovs_assert(!strcmp(text, "00000000-0000-4000-8000-000000000001"));
    uuid_set_predictable(false);
}

static void
test_uuid_main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    if (argc >= 2 && !strcmp(argv[1], "check")) {
        check_generate();
        check_compare();
        check_predictable();
        printf("uuid checks passed\n");
    } else if (argc >= 2 && !strcmp(argv[1], "parse")) {
        for (int i = 2; i < argc; i++) {
            struct uuid u;
            bool full = uuid_from_string(&u, argv[i]);
            bool prefix;

            printf("\"%s\": ", argv[i]);
            if (full) {
                printf(UUID_FMT, UUID_ARGS(&u));
            } else {
                printf("invalid");
            }
            prefix = uuid_from_string_prefix(&u, argv[i]);
            printf(", prefix %s", prefix ? "ok" : "invalid");
            printf(", partial %d\n", uuid_is_partial_string(argv[i]));
        }
    } else {
        ovs_fatal(0, "usage: test-uuid check | parse STRING...");
    }
}

OVSTEST_REGISTER("test-uuid", test_uuid_main);
