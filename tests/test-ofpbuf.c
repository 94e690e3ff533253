/* Unit tests for struct ofpbuf.
 *
 * The self-checking part ("check") builds buffers in every memory mode,
 * grows them at both ends and verifies contents and the 'header' and
 * 'msg' pointers after each reallocation.  The "dump" subcommand prints
 * ofpbuf_to_string() of a buffer built from its arguments, for exact
 * comparison in the autotest case. */

#include <config.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "ovstest.h"

/* Fails unless BUF holds exactly the N bytes at EXPECT. */
static void
check_data(const struct ofpbuf *buf, const void *expect, size_t n)
{
    if (buf->size != n || (n && memcmp(buf->data, expect, n))) {
        ovs_fatal(0, "buffer holds %"PRIu32" bytes, not the expected %zu",
                  buf->size, n);
    }
    if (ofpbuf_headroom(buf) + buf->size + ofpbuf_tailroom(buf)
        != buf->allocated) {
        ovs_fatal(0, "headroom, size and tailroom do not add up");
    }
}

/* Builds a 1000-byte message a byte at a time in BUF, with 'header'
 * pointing at byte 0 and 'msg' at byte 8 from the start, pushing some of
 * it at the front, and checks that the pointers follow the data through
 * every reallocation. */
static void
grow_and_check(struct ofpbuf *buf)
{
    uint8_t expect[1000];

    for (int i = 0; i < 16; i++) {
        expect[i] = i;
    }
    ofpbuf_put(buf, &expect[8], 8);
    buf->header = buf->data;
    buf->msg = ofpbuf_at_assert(buf, 4, 4);
    ofpbuf_push(buf, expect, 8);
    for (int i = 16; i < 1000; i++) {
        uint8_t byte = expect[i] = i * 7;

        ofpbuf_put(buf, &byte, 1);
        if (memcmp(buf->header, &expect[8], 8)
            || memcmp(buf->msg, &expect[12], 4)) {
            ovs_fatal(0, "header or msg lost after %d bytes", i);
        }
    }
    check_data(buf, expect, sizeof expect);
    if (ofpbuf_msgsize(buf) != 1000 - 12
        || ofpbuf_headersize(buf) != 4) {
        ovs_fatal(0, "msgsize %zu or headersize %zu wrong",
                  ofpbuf_msgsize(buf), ofpbuf_headersize(buf));
    }
}

static void
check_modes(void)
{
    uint64_t stub[2];
    uint8_t stack[64];
    struct ofpbuf buf, *heap, *clone;

    /* Heap. */
    ofpbuf_init(&buf, 0);
    grow_and_check(&buf);
    ofpbuf_uninit(&buf);

    /* Stub that outgrows its stub. */
    ofpbuf_use_stub(&buf, stub, sizeof stub);
    ovs_assert(buf.base == stub);
    grow_and_check(&buf);
    ovs_assert(buf.base != stub && buf.source == OFPBUF_MALLOC);

    /* Clones keep header and msg at the same offsets. */
    clone = ofpbuf_clone_with_headroom(&buf, 10);
    ovs_assert(ofpbuf_headroom(clone) == 10);
    check_data(clone, buf.data, buf.size);
    ovs_assert((char *) clone->msg - (char *) clone->data
               == (char *) buf.msg - (char *) buf.data);
    ovs_assert(ofpbuf_equal(clone, &buf));
    ofpbuf_delete(clone);
    ofpbuf_uninit(&buf);

    /* Stack memory within its limit. */
    ofpbuf_use_stack(&buf, stack, sizeof stack);
    ofpbuf_put_zeros(&buf, 60);
    ofpbuf_put(&buf, "abcd", 4);
    ovs_assert(ofpbuf_tailroom(&buf) == 0 && buf.base == stack);
    ovs_assert(!memcmp(ofpbuf_at(&buf, 60, 4), "abcd", 4));
    ovs_assert(!ofpbuf_at(&buf, 61, 4) && ofpbuf_at(&buf, 64, 0));

    /* Const views. */
    ofpbuf_use_const(&buf, "hello", 5);
    ovs_assert(!memcmp(ofpbuf_pull(&buf, 2), "he", 2));
    ovs_assert(!ofpbuf_try_pull(&buf, 4) && buf.size == 3);
    ovs_assert(!memcmp(ofpbuf_try_pull(&buf, 3), "llo", 3));
    ovs_assert(buf.size == 0);

    /* Headroom. */
    heap = ofpbuf_new_with_headroom(10, 20);
    ovs_assert(ofpbuf_headroom(heap) == 20 && ofpbuf_tailroom(heap) >= 10);
    ofpbuf_push_zeros(heap, 20);
    ovs_assert(ofpbuf_headroom(heap) == 0);
    ofpbuf_push_uninit(heap, 1);
    ovs_assert(heap->size == 21);
    ofpbuf_delete(heap);
    ofpbuf_delete(NULL);
}

static void
check_editing(void)
{
    struct ofpbuf buf;
    size_t n;
    char *rest;

    /* Insert in the middle, at both ends, and shift. */
    ofpbuf_init(&buf, 4);
    ofpbuf_put(&buf, "ad", 2);
    ofpbuf_insert(&buf, 1, "bc", 2);
    ofpbuf_insert(&buf, 0, "<", 1);
    ofpbuf_insert(&buf, 5, ">", 1);
    check_data(&buf, "<abcd>", 6);
    ofpbuf_prealloc_tailroom(&buf, 10);
    ofpbuf_shift(&buf, 3);
    ovs_assert(ofpbuf_headroom(&buf) == 3);
    check_data(&buf, "<abcd>", 6);
    ofpbuf_shift(&buf, -3);
    check_data(&buf, "<abcd>", 6);

    /* Pad, trim, clear, reserve. */
    ofpbuf_padto(&buf, 8);
    ofpbuf_padto(&buf, 4);
    check_data(&buf, "<abcd>\0\0", 8);
    ofpbuf_trim(&buf);
    ovs_assert(buf.allocated == 8);
    ofpbuf_clear(&buf);
    ofpbuf_reserve(&buf, 16);
    ovs_assert(ofpbuf_headroom(&buf) == 16 && buf.size == 0);
    ofpbuf_prealloc_headroom(&buf, 100);
    ovs_assert(ofpbuf_headroom(&buf) >= 100);
    ofpbuf_uninit(&buf);

    /* Hex input. */
    ofpbuf_init(&buf, 0);
    rest = ofpbuf_put_hex(&buf, "01 02fe  ab x", &n);
    ovs_assert(n == 4 && !strcmp(rest, "x") && buf.size == 4);
    check_data(&buf, "\x01\x02\xfe\xab", 4);
    rest = ofpbuf_put_hex(&buf, "1", NULL);
    ovs_assert(!strcmp(rest, "1") && buf.size == 4);

    /* Stealing the data. */
    char *stolen = ofpbuf_steal_data(&buf);
    ovs_assert(!memcmp(stolen, "\x01\x02\xfe\xab", 4) && !buf.size);
    free(stolen);
    ofpbuf_uninit(&buf);

    uint8_t stub[8];
    ofpbuf_use_stub(&buf, stub, sizeof stub);
    ofpbuf_put(&buf, "xy", 2);
    stolen = ofpbuf_steal_data(&buf);
    ovs_assert(stolen != (char *) stub && !memcmp(stolen, "xy", 2));
    free(stolen);

    /* A dynamic string's buffer becomes the ofpbuf's. */
    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&s, "text");
    ofpbuf_use_ds(&buf, &s);
    check_data(&buf, "text", 4);
    ofpbuf_put(&buf, "!", 1);
    check_data(&buf, "text!", 5);
    ofpbuf_uninit(&buf);
}

/* A list of ofpbufs is deleted as a whole. */
static void
check_list(void)
{
    struct ovs_list list = OVS_LIST_INITIALIZER(&list);

    for (int i = 0; i < 5; i++) {
        struct ofpbuf *b = ofpbuf_clone_data("data", 4);

        ovs_list_push_back(&list, &b->list_node);
    }
    ovs_assert(ovs_list_size(&list) == 5);
    ovs_assert(ofpbuf_from_list(ovs_list_front(&list))->size == 4);
    ofpbuf_list_delete(&list);
    ovs_assert(ovs_list_is_empty(&list));
}

/* "dump HEADROOM HEX MAXBYTES": prints the description of a buffer that
 * has HEADROOM bytes of headroom and the bytes given in HEX. */
static void
dump(int argc, char *argv[])
{
    struct ofpbuf *buf;
    char *s;

    if (argc != 4) {
        ovs_fatal(0, "usage: dump HEADROOM HEX MAXBYTES");
    }
    buf = ofpbuf_new_with_headroom(0, atoi(argv[1]));
    if (*ofpbuf_put_hex(buf, argv[2], NULL)) {
        ovs_fatal(0, "trailing garbage in hex string");
    }
    ofpbuf_prealloc_tailroom(buf, 3);
    ofpbuf_trim(buf);
    ofpbuf_prealloc_tailroom(buf, 3);
    s = ofpbuf_to_string(buf, atoi(argv[3]));
    fputs(s, stdout);
    free(s);
    ofpbuf_delete(buf);
}

static void
test_ofpbuf_main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    if (argc >= 2 && !strcmp(argv[1], "dump")) {
        dump(argc - 1, argv + 1);
    } else {
        check_modes();
        check_editing();
        check_list();
        printf("ofpbuf checks passed\n");
    }
}

OVSTEST_REGISTER("test-ofpbuf", test_ofpbuf_main);
