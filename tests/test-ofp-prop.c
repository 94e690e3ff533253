/*
 * Unit tests for lib/ofp-prop.c: building properties of every kind and
 * splitting them back apart, and the errors for malformed input.
 *
 *   ovstest test-ofp-prop build
 *       Builds one property of each kind, prints the bytes, then pulls and
 *       parses them back and prints the values.
 *   ovstest test-ofp-prop pull HEX
 *       Splits HEX into properties and prints each one's type and value,
 *       or the error that stopped the split.
 */

#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "ofp-errors.h"
#include "ofp-prop.h"
#include "openflow/openflow-common.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/uuid.h"
#include "ovstest.h"

static void
print_type(uint64_t type)
{
    if (OFPPROP_IS_EXPERIMENTER(type)) {
        printf("exp(%#"PRIx32",%"PRIu32")", OFPPROP_EXP_VENDOR(type),
               OFPPROP_EXP_TYPE(type));
    } else {
        printf("%"PRIu64, type);
    }
}

static void
print_hex(const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        printf("%02x", p[i]);
    }
}

/* Pulls every property from 'b', printing each; returns 0 or the error. */
static enum ofperr
pull_all(struct ofpbuf *b)
{
    while (b->size > 0) {
        struct ofpbuf payload;
        uint64_t type;
        enum ofperr error = ofpprop_pull(b, &payload, &type);
        if (error) {
            printf("error: %s\n", ofperr_get_name(error));
            return error;
        }
        printf("type=");
        print_type(type);
        printf(" value=");
        print_hex(payload.data, payload.size);
        printf("\n");
    }
    return 0;
}

static void
test_build(void)
{
    struct uuid uuid = { .parts = { 0x01020304, 0x05060708,
                                    0x090a0b0c, 0x0d0e0f10 } };
    struct ofpbuf b;

    ofpbuf_init(&b, 0);
    ofpprop_put_u8(&b, 1, 0xab);
    ofpprop_put_u16(&b, 2, 0x1234);
    ofpprop_put_u32(&b, 3, 0xdeadbeef);
    ofpprop_put_u64(&b, 4, UINT64_C(0x0102030405060708));
    ofpprop_put_flag(&b, 5);
    ofpprop_put_uuid(&b, 0x8000, &uuid);
    ofpprop_put(&b, 7, "abcdefghi", 9);
    ofpprop_put_u32(&b, OFPPROP_EXP(NX_VENDOR_ID, 1), 42);
    ofpprop_put_u64(&b, OFPPROP_EXP(NX_VENDOR_ID, 2), 7);
    size_t start = ofpprop_start(&b, 9);
    ofpbuf_put(&b, "xy", 2);
    ofpprop_end(&b, start);

    print_hex(b.data, b.size);
    printf("\n");
    printf("length=%"PRIu32"\n", b.size);

    /* Parse the values back with the typed parsers. */
    struct ofpbuf msg = b;
    for (int i = 0; msg.size > 0; i++) {
        struct ofpbuf payload;
        uint64_t type;
        enum ofperr error = ofpprop_pull(&msg, &payload, &type);
        if (error) {
            printf("error: %s\n", ofperr_get_name(error));
            break;
        }
        print_type(type);
        printf(": ");
        switch (i) {
        case 0: {
            uint8_t x;
            error = ofpprop_parse_u8(&payload, &x);
            printf("u8 %#"PRIx8, x);
            break;
        }
        case 1: {
            uint16_t x;
            error = ofpprop_parse_u16(&payload, &x);
            printf("u16 %#"PRIx16, x);
            break;
        }
        case 2: {
            uint32_t x;
            error = ofpprop_parse_u32(&payload, &x);
            printf("u32 %#"PRIx32, x);
            break;
        }
        case 3: {
            uint64_t x;
            error = ofpprop_parse_u64(&payload, &x);
            printf("u64 %#"PRIx64, x);
            break;
        }
        case 4:
            error = ofpprop_parse_flag(&payload);
            printf("flag");
            break;
        case 5: {
            struct uuid u;
            error = ofpprop_parse_uuid(&payload, &u);
            printf("uuid %s", memcmp(&u, &uuid, sizeof u) ? "differs"
                   : "same");
            break;
        }
        case 7: {
            uint32_t x;
            error = ofpprop_parse_u32(&payload, &x);
            printf("u32 %"PRIu32, x);
            break;
        }
        case 8: {
            uint64_t x;
            error = ofpprop_parse_u64(&payload, &x);
            printf("u64 %"PRIu64, x);
            break;
        }
        default:
            printf("raw ");
            print_hex(payload.data, payload.size);
            break;
        }
        printf("%s%s\n", error ? " error: " : "",
               error ? ofperr_get_name(error) : "");
    }

    /* Wrong-size parses fail. */
    struct ofpbuf bad = b;
    struct ofpbuf payload;
    uint64_t type;
    uint32_t u32;
    ovs_assert(!ofpprop_pull(&bad, &payload, &type));
    printf("u32 from u8 property: %s\n",
           ofperr_get_name(ofpprop_parse_u32(&payload, &u32)));
    printf("flag from u8 property: %s\n",
           ofperr_get_name(ofpprop_parse_flag(&payload)));
    ofpbuf_uninit(&b);
}

static void
test_pull(const char *hex)
{
    struct ofpbuf b;
    ofpbuf_init(&b, 0);
    const char *tail = ofpbuf_put_hex(&b, hex, NULL);
    if (*tail) {
        ovs_fatal(0, "trailing garbage in hex");
    }
    struct ofpbuf msg = b;
    if (!pull_all(&msg)) {
        printf("ok\n");
    }
    ofpbuf_uninit(&b);
}

static void
test_ofp_prop_main(int argc, char *argv[])
{
    if (argc == 2 && !strcmp(argv[1], "build")) {
        test_build();
    } else if (argc == 3 && !strcmp(argv[1], "pull")) {
        test_pull(argv[2]);
    } else {
        ovs_fatal(0, "usage: test-ofp-prop build | pull HEX");
    }
}

OVSTEST_REGISTER("test-ofp-prop", test_ofp_prop_main);
