/* Unit tests for lib/bitmap.c, against an array of bools as the
 * reference. */

#include <config.h>
#include <stdio.h>
#include <string.h>

#include "bitmap.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "random.h"

enum { N_BITS = 200 };

static void
check_bitmap(const unsigned long *bits, const bool *ref, size_t n)
{
    size_t count = 0, idx;

    for (size_t i = 0; i < n; i++) {
        if (bitmap_is_set(bits, i) != ref[i]) {
            ovs_fatal(0, "bit %zu is %d, expected %d", i,
                      bitmap_is_set(bits, i), ref[i]);
        }
        count += ref[i];
    }
    if (bitmap_count1(bits, n) != count) {
        ovs_fatal(0, "bitmap_count1() is %zu, expected %zu",
                  bitmap_count1(bits, n), count);
    }
    if (bitmap_is_all_zeros(bits, n) != !count
        || bitmap_is_all_ones(bits, n) != (count == n)) {
        ovs_fatal(0, "all-zeros/all-ones predicates are wrong");
    }

    /* BITMAP_FOR_EACH_1 visits exactly the 1-bits, in order. */
    size_t prev = 0, visited = 0;
    BITMAP_FOR_EACH_1 (idx, n, bits) {
        if (!ref[idx] || (visited && idx <= prev)) {
            ovs_fatal(0, "BITMAP_FOR_EACH_1 visited %zu", idx);
        }
        prev = idx;
        visited++;
    }
    if (visited != count) {
        ovs_fatal(0, "BITMAP_FOR_EACH_1 visited %zu of %zu", visited, count);
    }

    /* bitmap_scan() over random ranges. */
    for (int i = 0; i < 20; i++) {
        size_t start = random_range(n + 1);
        size_t end = start + random_range(n - start + 1);
        bool target = random_range(2);
        size_t want = end;

        for (size_t j = start; j < end; j++) {
            if (ref[j] == target) {
                want = j;
                break;
            }
        }
        if (bitmap_scan(bits, target, start, end) != want) {
            ovs_fatal(0, "bitmap_scan(%d, %zu, %zu) is %zu, expected %zu",
                      target, start, end,
                      bitmap_scan(bits, target, start, end), want);
        }
    }
}

static void
test_bitmap_main(int argc OVS_UNUSED, char *argv[])
{
    unsigned long *bits, *other;
    bool ref[N_BITS], ref2[N_BITS];
    int n_checks = 0;

    set_program_name(argv[0]);
    random_set_seed(3);

    /* Sizes around word boundaries. */
    for (size_t n = 0; n <= 130; n += (n < 70 ? 1 : 13)) {
        bits = bitmap_allocate(n);
        memset(ref, 0, sizeof ref);
        check_bitmap(bits, ref, n);
        bitmap_free(bits);

        bits = bitmap_allocate1(n);
        memset(ref, 1, sizeof ref);
        check_bitmap(bits, ref, n);
        bitmap_free(bits);
        n_checks += 2;
    }

    /* Random single-bit and range operations. */
    bits = bitmap_allocate(N_BITS);
    memset(ref, 0, sizeof ref);
    for (int op = 0; op < 3000; op++) {
        size_t i = random_range(N_BITS);
        bool value = random_range(2);

        switch (random_range(4)) {
        case 0:
            bitmap_set1(bits, i);
            ref[i] = true;
            break;
        case 1:
            bitmap_set0(bits, i);
            ref[i] = false;
            break;
        case 2:
            bitmap_set(bits, i, value);
            ref[i] = value;
            break;
        default: {
            size_t count = random_range(N_BITS - i + 1);

            bitmap_set_multiple(bits, i, count, value);
            memset(&ref[i], value, count);
            break;
        }
        }
        check_bitmap(bits, ref, N_BITS);
        n_checks++;
    }

    /* Clone, equality (ignoring bits past the end), and/or/not. */
    other = bitmap_clone(bits, N_BITS);
    ovs_assert(bitmap_equal(bits, other, N_BITS));
    bitmap_set(other, N_BITS - 1, !ref[N_BITS - 1]);
    ovs_assert(!bitmap_equal(bits, other, N_BITS));
    ovs_assert(bitmap_equal(bits, other, N_BITS - 1));
    bitmap_set(other, N_BITS - 1, ref[N_BITS - 1]);

    for (size_t i = 0; i < N_BITS; i++) {
        ref2[i] = random_range(2);
        bitmap_set(other, i, ref2[i]);
    }
    bitmap_and(bits, other, N_BITS);
    for (size_t i = 0; i < N_BITS; i++) {
        ref[i] = ref[i] && ref2[i];
    }
    check_bitmap(bits, ref, N_BITS);
    bitmap_or(bits, other, N_BITS);
    for (size_t i = 0; i < N_BITS; i++) {
        ref[i] = ref[i] || ref2[i];
    }
    check_bitmap(bits, ref, N_BITS);
    bitmap_not(bits, N_BITS);
    for (size_t i = 0; i < N_BITS; i++) {
        ref[i] = !ref[i];
    }
    check_bitmap(bits, ref, N_BITS);
    bitmap_free(other);

    /* bitmap_allocate_bit() hands out the lowest free bit. */
    bitmap_set_multiple(bits, 0, N_BITS, true);
    bitmap_set0(bits, 77);
    bitmap_set0(bits, 5);
    ovs_assert(bitmap_allocate_bit(bits, N_BITS) == 5);
    ovs_assert(bitmap_allocate_bit(bits, N_BITS) == 77);
    ovs_assert(bitmap_allocate_bit(bits, N_BITS) == N_BITS);
    bitmap_free(bits);

    printf("bitmap: %d checks passed\n", n_checks);
}

OVSTEST_REGISTER("test-bitmap", test_bitmap_main);
