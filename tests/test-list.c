/* Unit tests for struct ovs_list.
 *
 * Lists are built from arrays of integers and compared, after each
 * operation, with the array that the operation should produce: forward and
 * backward iteration, the size and the shape predicates all have to
 * agree. */

#include <config.h>
#include <stdio.h>
#include <string.h>

#include "openvswitch/list.h"
#include "openvswitch/util.h"
#include "ovstest.h"

struct item {
    int value;
    struct ovs_list node;
};

#define MAX_ITEMS 10

/* Fails unless LIST holds exactly the N values in VALUES, in order. */
static void
check_list(const struct ovs_list *list, const int *values, size_t n)
{
    const struct item *it;
    size_t i;

    i = 0;
    LIST_FOR_EACH (it, node, list) {
        if (i >= n || it->value != values[i]) {
            ovs_fatal(0, "forward iteration mismatch at %zu", i);
        }
        i++;
    }
    if (i != n || it) {
        ovs_fatal(0, "forward iteration saw %zu of %zu", i, n);
    }

    i = n;
    LIST_FOR_EACH_REVERSE (it, node, list) {
        if (!i || it->value != values[i - 1]) {
            ovs_fatal(0, "reverse iteration mismatch at %zu", i);
        }
        i--;
    }
    if (i != 0) {
        ovs_fatal(0, "reverse iteration missed %zu", i);
    }

    if (ovs_list_size(list) != n
        || ovs_list_is_empty(list) != (n == 0)
        || ovs_list_is_singleton(list) != (n == 1)
        || ovs_list_is_short(list) != (n < 2)) {
        ovs_fatal(0, "size or shape predicates wrong for %zu items", n);
    }
    if (n) {
        const struct item *front = CONTAINER_OF(ovs_list_front(list),
                                                struct item, node);
        const struct item *back = CONTAINER_OF(ovs_list_back(list),
                                               struct item, node);
        if (front->value != values[0] || back->value != values[n - 1]) {
            ovs_fatal(0, "front or back wrong");
        }
    }
}

/* Makes LIST hold items 0...N-1, with value I in ITEMS[I]. */
static void
make_list(struct ovs_list *list, struct item items[], int values[], size_t n)
{
    ovs_list_init(list);
    for (size_t i = 0; i < n; i++) {
        items[i].value = values[i] = i;
        ovs_list_push_back(list, &items[i].node);
    }
    check_list(list, values, n);
}

static void
test_push_pop(void)
{
    struct item items[MAX_ITEMS];
    int values[MAX_ITEMS] = { 0 };
    struct ovs_list list;

    /* Pushing at the front builds the list in reverse. */
    ovs_list_init(&list);
    check_list(&list, values, 0);
    for (int i = 0; i < MAX_ITEMS; i++) {
        items[i].value = i;
        ovs_list_push_front(&list, &items[i].node);
        for (int j = 0; j <= i; j++) {
            values[j] = i - j;
        }
        check_list(&list, values, i + 1);
    }

    /* Pop from both ends alternately. */
    size_t lo = 0, hi = MAX_ITEMS;
    while (lo < hi) {
        struct item *it;

        if ((hi - lo) % 2) {
            it = CONTAINER_OF(ovs_list_pop_front(&list), struct item, node);
            if (it->value != values[lo++]) {
                ovs_fatal(0, "pop_front returned %d", it->value);
            }
        } else {
            it = CONTAINER_OF(ovs_list_pop_back(&list), struct item, node);
            if (it->value != values[--hi]) {
                ovs_fatal(0, "pop_back returned %d", it->value);
            }
        }
        check_list(&list, &values[lo], hi - lo);
    }
}

/* Removing each possible element, and each element while iterating with
 * LIST_FOR_EACH_SAFE, from lists of every length. */
static void
test_remove(void)
{
    for (size_t n = 0; n <= MAX_ITEMS; n++) {
        for (size_t victim = 0; victim < n; victim++) {
            struct item items[MAX_ITEMS];
            int values[MAX_ITEMS] = { 0 };
            struct ovs_list list;
            struct ovs_list *after;

            make_list(&list, items, values, n);
            after = ovs_list_remove(&items[victim].node);
            if (victim + 1 < n ? after != &items[victim + 1].node
                : after != &list) {
                ovs_fatal(0, "ovs_list_remove() returned the wrong node");
            }
            memmove(&values[victim], &values[victim + 1],
                    (n - victim - 1) * sizeof *values);
            check_list(&list, values, n - 1);
        }

        /* Remove the even values with the short _SAFE form and the odd
         * ones with the long form. */
        struct item items[MAX_ITEMS], *it, *next;
        int values[MAX_ITEMS] = { 0 };
        struct ovs_list list;
        size_t m = 0;

        make_list(&list, items, values, n);
        LIST_FOR_EACH_SAFE (it, node, &list) {
            if (it->value % 2 == 0) {
                ovs_list_remove(&it->node);
                ovs_list_poison(&it->node);
            }
        }
        for (size_t i = 1; i < n; i += 2) {
            values[m++] = i;
        }
        check_list(&list, values, m);
        LIST_FOR_EACH_SAFE (it, next, node, &list) {
            if (next && next->value != it->value + 2) {
                ovs_fatal(0, "NEXT is wrong in LIST_FOR_EACH_SAFE");
            }
            ovs_list_remove(&it->node);
        }
        if (it || next) {
            ovs_fatal(0, "loop variables not NULL after the loop");
        }
        check_list(&list, values, 0);

        /* Reverse _SAFE and _POP. */
        make_list(&list, items, values, n);
        m = n;
        LIST_FOR_EACH_REVERSE_SAFE (it, node, &list) {
            if (it->value != (int) --m) {
                ovs_fatal(0, "LIST_FOR_EACH_REVERSE_SAFE out of order");
            }
            ovs_list_remove(&it->node);
        }
        check_list(&list, values, 0);
        make_list(&list, items, values, n);
        m = 0;
        LIST_FOR_EACH_POP (it, node, &list) {
            if (it->value != (int) m++) {
                ovs_fatal(0, "LIST_FOR_EACH_POP out of order");
            }
        }
        if (m != n || !ovs_list_is_empty(&list)) {
            ovs_fatal(0, "LIST_FOR_EACH_POP popped %zu of %zu", m, n);
        }
    }
}

/* Splicing every sub-range [first, last) of one list to every position of
 * another. */
static void
test_splice(void)
{
    enum { N = 6 };

    for (size_t first = 0; first <= N; first++) {
        for (size_t last = first; last <= N; last++) {
            for (size_t pos = 0; pos <= 3; pos++) {
                struct item a_items[N], b_items[3];
                int a_values[N], b_values[3], expect[N + 3];
                struct ovs_list a, b;
                size_t n = 0;

                make_list(&a, a_items, a_values, N);
                make_list(&b, b_items, b_values, 3);
                for (int i = 0; i < 3; i++) {
                    b_items[i].value = b_values[i] = 100 + i;
                }

                ovs_list_splice(pos < 3 ? &b_items[pos].node : &b,
                                first < N ? &a_items[first].node : &a,
                                last < N ? &a_items[last].node : &a);

                for (size_t i = 0; i < pos; i++) {
                    expect[n++] = b_values[i];
                }
                for (size_t i = first; i < last; i++) {
                    expect[n++] = a_values[i];
                }
                for (size_t i = pos; i < 3; i++) {
                    expect[n++] = b_values[i];
                }
                check_list(&b, expect, n);

                n = 0;
                for (size_t i = 0; i < N; i++) {
                    if (i < first || i >= last) {
                        expect[n++] = a_values[i];
                    }
                }
                check_list(&a, expect, n);
            }
        }
    }
}

/* ovs_list_insert(), ovs_list_replace(), ovs_list_moved(),
 * ovs_list_move(), ovs_list_push_back_all() and the _CONTINUE macros. */
static void
test_misc(void)
{
    struct item items[MAX_ITEMS], extra, *it;
    int values[MAX_ITEMS + 1] = { 0 };
    struct ovs_list list, moved, all;

    make_list(&list, items, values, 4);
    extra.value = 42;
    ovs_list_insert(&items[2].node, &extra.node);
    check_list(&list, (int[]) { 0, 1, 42, 2, 3 }, 5);

    ovs_list_remove(&extra.node);
    ovs_list_replace(&extra.node, &items[0].node);
    check_list(&list, (int[]) { 42, 1, 2, 3 }, 4);

    /* Move the head to another variable. */
    memcpy(&moved, &list, sizeof list);
    ovs_list_moved(&moved, &list);
    check_list(&moved, (int[]) { 42, 1, 2, 3 }, 4);
    ovs_list_move(&list, &moved);
    check_list(&list, (int[]) { 42, 1, 2, 3 }, 4);

    /* Moving an empty list gives an empty list. */
    ovs_list_init(&moved);
    ovs_list_move(&all, &moved);
    check_list(&all, values, 0);

    ovs_list_push_back_all(&all, &list);
    check_list(&all, (int[]) { 42, 1, 2, 3 }, 4);
    check_list(&list, values, 0);

    /* Continue from the second element, forward and backward. */
    int seen[4], n = 0;
    it = &items[1];
    LIST_FOR_EACH_CONTINUE (it, node, &all) {
        seen[n++] = it->value;
    }
    if (n != 2 || seen[0] != 2 || seen[1] != 3 || it) {
        ovs_fatal(0, "LIST_FOR_EACH_CONTINUE visited the wrong items");
    }
    n = 0;
    it = &items[2];
    LIST_FOR_EACH_REVERSE_CONTINUE (it, node, &all) {
        seen[n++] = it->value;
    }
    if (n != 2 || seen[0] != 1 || seen[1] != 42 || it) {
        ovs_fatal(0, "LIST_FOR_EACH_REVERSE_CONTINUE visited the wrong "
                  "items");
    }
}

static void
test_list_main(int argc OVS_UNUSED, char *argv[])
{
    set_program_name(argv[0]);
    test_push_pop();
    printf("push and pop passed\n");
    test_remove();
    printf("remove and safe iteration passed\n");
    test_splice();
    printf("splice passed\n");
    test_misc();
    printf("insert, replace, move and continue passed\n");
}

OVSTEST_REGISTER("test-list", test_list_main);
