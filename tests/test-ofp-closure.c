/*
 * Test driver for the closure codec (lib/ofp-closure.c) and the
 * packet-out and packet-in encoders (lib/ofp-packet.c).
 *
 *   closure PROTOCOL ITEM...
 *       Builds a closure from ITEMs, encodes it as NXT_CLOSURE for
 *       PROTOCOL, prints the message as hex and as text, then checks the
 *       round trips: decoding and encoding again gives the same bytes, and
 *       the NXT_RESUME that a controller builds from it decodes to the same
 *       closure.  Prints "round trip ok" or what differed.  ITEMs:
 *         packet=HEX  metadata=MATCH  bridge=UUID  stack=HEX  mirrors=N
 *         conntracked  level=TABLE:COOKIE:INSTRUCTIONS  action_set=ACTIONS
 *       (stack and level may repeat; levels are innermost first).
 *   decode HEX [loose]
 *       Decodes HEX as a closure (switch side) and prints "ok" and the
 *       text, or the error's name.
 *   fuzz N SEED
 *       Damages a valid closure N times (byte changes, truncations, length
 *       changes, swapped properties), with a fixed pseudo-random SEED, and
 *       decodes each result every way; prints how many were accepted.
 *   packet-out PROTOCOL TEXT
 *       Parses TEXT in ovs-ofctl packet-out syntax, encodes it for
 *       PROTOCOL and prints the hex (xid zeroed) and the decoded text.
 *   packet-in PROTOCOL FORMAT REASON TABLE COOKIE BUFFER METADATA HEX
 *       Encodes a packet-in (FORMAT: standard or nxt_packet_in) and prints
 *       its hex and text.
 */

#include <config.h>

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "meta-flow.h"
#include "ofp-actions.h"
#include "ofp-closure.h"
#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovstest.h"
#include "uuid.h"

static enum ofputil_protocol
protocol_arg(const char *s)
{
    /* For a set such as "OpenFlow10", its first member. */
    enum ofputil_protocol p = ofputil_protocols_from_string(s);
    if (!p) {
        ovs_fatal(0, "%s: unknown protocol", s);
    }
    return p & -p;
}

/* Appends the bytes given as hex digits in 's' to 'b'. */
static void
put_hex_arg(struct ofpbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ') {
            continue;
        }
        int hi = hexit_value(s[0]);
        int lo = s[1] ? hexit_value(s[1]) : -1;
        if (hi < 0 || lo < 0) {
            ovs_fatal(0, "bad hex digits in \"%s\"", s);
        }
        ofpbuf_put(b, &(uint8_t) { hi * 16 + lo }, 1);
        s++;
    }
}

static void
print_hex(const struct ofpbuf *msg)
{
    const uint8_t *p = msg->data;
    for (size_t i = 0; i < msg->size; i++) {
        printf("%02x", p[i]);
    }
    putchar('\n');
}

static void
print_msg(const struct ofpbuf *msg)
{
    ofp_print(stdout, msg->data, msg->size, NULL, 1);
}

/* ---- closure ---- */

static void
parse_level(const char *value, struct ofpbuf *actions)
{
    unsigned int table;
    unsigned long long int cookie;
    int n = 0;

    if (sscanf(value, "%u:%lli:%n", &table, &cookie, &n) != 2 || !n
        || table > 255) {
        ovs_fatal(0, "bad level \"%s\"", value);
    }
    struct ofpact_unroll_xlate *u = ofpact_put_UNROLL_XLATE(actions);
    u->rule_table_id = table;
    u->rule_cookie = htonll(cookie);

    struct ofpbuf level;
    enum ofputil_protocol usable;
    ofpbuf_init(&level, 0);
    char *error = ofpacts_parse_instructions(value + n, NULL, &level,
                                             &usable);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    ofpbuf_put(actions, level.data, level.size);
    ofpbuf_uninit(&level);
}

static void
parse_closure(int argc, char *argv[], struct ofputil_closure_private *c)
{
    struct ofpbuf packet, actions, action_set;
    size_t allocated_stack = 0;

    memset(c, 0, sizeof *c);
    match_init_catchall(&c->public.metadata);
    ofpbuf_init(&packet, 0);
    ofpbuf_init(&actions, 0);
    ofpbuf_init(&action_set, 0);

    for (int i = 0; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        const char *value = eq ? eq + 1 : "";
        size_t key_len = eq ? eq - argv[i] : strlen(argv[i]);
        char *key = xmemdup0(argv[i], key_len);
        char *error = NULL;

        if (!strcmp(key, "packet")) {
            put_hex_arg(&packet, value);
        } else if (!strcmp(key, "metadata")) {
            error = ofputil_match_from_string(value, NULL,
                                              &c->public.metadata, NULL,
                                              NULL);
        } else if (!strcmp(key, "bridge")) {
            if (!uuid_from_string(&c->bridge, value)) {
                error = xasprintf("bad uuid %s", value);
            }
        } else if (!strcmp(key, "stack")) {
            struct ofpbuf bytes;
            ofpbuf_init(&bytes, 0);
            put_hex_arg(&bytes, value);
            if (bytes.size > sizeof *c->stack) {
                ovs_fatal(0, "stack entry too long");
            }
            if (c->n_stack >= allocated_stack) {
                c->stack = x2nrealloc(c->stack, &allocated_stack,
                                      sizeof *c->stack);
            }
            union mf_subvalue *sv = &c->stack[c->n_stack++];
            memset(sv, 0, sizeof *sv);
            memcpy(&sv->u8[sizeof *sv - bytes.size], bytes.data, bytes.size);
            ofpbuf_uninit(&bytes);
        } else if (!strcmp(key, "mirrors")) {
            c->mirrors = strtoul(value, NULL, 0);
        } else if (!strcmp(key, "conntracked")) {
            c->conntracked = true;
        } else if (!strcmp(key, "level")) {
            parse_level(value, &actions);
        } else if (!strcmp(key, "action_set")) {
            enum ofputil_protocol usable;
            error = ofpacts_parse_actions(value, NULL, &action_set, &usable);
        } else {
            error = xasprintf("unknown item %s", key);
        }
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        free(key);
    }

    c->public.packet_len = packet.size;
    c->public.packet = ofpbuf_steal_data(&packet);
    c->actions_len = actions.size;
    c->actions = ofpbuf_steal_data(&actions);
    c->action_set_len = action_set.size;
    c->action_set = ofpbuf_steal_data(&action_set);
}

/* Returns true if 'a' and 'b' hold the same closure. */
static bool
closures_equal(const struct ofputil_closure_private *a,
               const struct ofputil_closure_private *b)
{
    return (a->public.packet_len == b->public.packet_len
            && !memcmp(a->public.packet, b->public.packet,
                       a->public.packet_len)
            && match_equal(&a->public.metadata, &b->public.metadata)
            && uuid_equals(&a->bridge, &b->bridge)
            && a->n_stack == b->n_stack
            && !memcmp(a->stack, b->stack, a->n_stack * sizeof *a->stack)
            && a->mirrors == b->mirrors
            && a->conntracked == b->conntracked
            && ofpacts_equal(a->actions, a->actions_len,
                             b->actions, b->actions_len)
            && ofpacts_equal(a->action_set, a->action_set_len,
                             b->action_set, b->action_set_len));
}

static bool
msgs_equal(const struct ofpbuf *a, const struct ofpbuf *b)
{
    return a->size == b->size && !memcmp(a->data, b->data, a->size);
}

/* Checks every round trip of 'msg', the encoding of 'c' for 'protocol'. */
static int
check_round_trips(const struct ofputil_closure_private *c,
                  const struct ofpbuf *msg, enum ofputil_protocol protocol)
{
    struct ofputil_closure_private back, resumed;
    struct ofputil_closure public;
    struct ofpbuf privates;
    int status = 0;

    /* Switch side: bytes -> struct -> bytes. */
    enum ofperr error = ofputil_decode_closure_private(msg->data, false,
                                                       &back);
    if (error) {
        printf("decode failed: %s\n", ofperr_get_name(error));
        return 1;
    }
    if (!closures_equal(c, &back)) {
        printf("decoded closure differs\n");
        status = 1;
    }
    struct ofpbuf *again = ofputil_encode_closure_private(&back, protocol);
    if (!msgs_equal(msg, again)) {
        printf("re-encoded closure differs:\n");
        print_hex(again);
        status = 1;
    }

    /* Controller side: NXT_CLOSURE -> NXT_RESUME -> switch's struct. */
    ofpbuf_init(&privates, 0);
    error = ofputil_decode_closure(msg->data, &public, &privates);
    if (error) {
        printf("controller decode failed: %s\n", ofperr_get_name(error));
        status = 1;
    } else {
        struct ofpbuf *resume = ofputil_encode_resume(&public, &privates,
                                                      protocol);
        error = ofputil_decode_closure_private(resume->data, false,
                                               &resumed);
        if (error) {
            printf("resume decode failed: %s\n", ofperr_get_name(error));
            status = 1;
        } else {
            if (!closures_equal(c, &resumed)) {
                printf("resumed closure differs\n");
                status = 1;
            }
            ofputil_closure_private_destroy(&resumed);
        }
        ofpbuf_delete(resume);
        ofputil_closure_destroy(&public);
    }

    ofpbuf_uninit(&privates);
    ofpbuf_delete(again);
    ofputil_closure_private_destroy(&back);
    if (!status) {
        printf("round trip ok\n");
    }
    return status;
}

static int
do_closure(int argc, char *argv[])
{
    enum ofputil_protocol protocol = protocol_arg(argv[1]);
    struct ofputil_closure_private c;

    parse_closure(argc - 2, argv + 2, &c);
    struct ofpbuf *msg = ofputil_encode_closure_private(&c, protocol);
    if (!msg) {
        printf("closure does not fit in a message\n");
        ofputil_closure_private_destroy(&c);
        return 1;
    }
    print_hex(msg);
    print_msg(msg);
    int status = check_round_trips(&c, msg, protocol);
    ofpbuf_delete(msg);
    ofputil_closure_private_destroy(&c);
    return status;
}

/* ---- decode ---- */

static int
do_decode(int argc, char *argv[])
{
    struct ofputil_closure_private c;
    struct ofpbuf msg;

    ofpbuf_init(&msg, 0);
    put_hex_arg(&msg, argv[1]);
    if (msg.size < sizeof(struct ofp_header)
        || ntohs(((struct ofp_header *) msg.data)->length) != msg.size) {
        ovs_fatal(0, "message length does not match its header");
    }
    bool loose = argc > 2 && !strcmp(argv[2], "loose");
    enum ofperr error = ofputil_decode_closure_private(msg.data, loose, &c);
    if (error) {
        printf("%s\n", ofperr_get_name(error));
    } else {
        printf("ok\n");
        ofputil_closure_private_destroy(&c);
        print_msg(&msg);
    }
    ofpbuf_uninit(&msg);
    return 0;
}

/* ---- fuzz ---- */

/* A small deterministic generator (xorshift32), so that the run is the
 * same everywhere. */
static uint32_t
next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* Damages the message in 'b' (which keeps a correct header length). */
static void
mutate(struct ofpbuf *b, uint32_t *rnd)
{
    uint8_t *p = b->data;
    size_t body = sizeof(struct ofp_header);

    unsigned int kind = next_random(rnd) % 5;
    if (b->size - body < 8) {
        kind = 0;               /* Too little left to pick words from. */
    }
    switch (kind) {
    case 0: case 1:
        /* Change 1 to 4 bytes after the length field. */
        for (int n = 1 + next_random(rnd) % 4; n > 0; n--) {
            size_t i = 4 + next_random(rnd) % (b->size - 4);
            p[i] ^= 1 + next_random(rnd) % 255;
        }
        break;

    case 2:
        /* Truncate, keeping the header. */
        b->size = body + next_random(rnd) % (b->size - body + 1);
        break;

    case 3: {
        /* Set some 16-bit word (often a property length) to a small
         * value. */
        size_t i = body + (next_random(rnd) % ((b->size - body) / 2)) * 2;
        p[i] = 0;
        p[i + 1] = next_random(rnd) % 64;
        break;
    }

    case 4: {
        /* Swap two 8-byte blocks of the body (reorders properties or
         * parts of them). */
        size_t n = (b->size - body) / 8;
        size_t i = body + 8 * (next_random(rnd) % n);
        size_t j = body + 8 * (next_random(rnd) % n);
        uint8_t tmp[8];
        memcpy(tmp, p + i, 8);
        memcpy(p + i, p + j, 8);
        memcpy(p + j, tmp, 8);
        break;
    }
    }
    ((struct ofp_header *) p)->length = htons(b->size);
}

static int
do_fuzz(int argc OVS_UNUSED, char *argv[])
{
    int n = atoi(argv[1]);
    uint32_t rnd = strtoul(argv[2], NULL, 0) | 1;
    char *items[] = {
        "packet=000000000002000000000001080045000028000000004006"
        "7ce00a0000010a00000204d200500000000000000000500220002ff20000",
        "metadata=in_port=1,reg0=0x5,metadata=0x99",
        "bridge=01234567-89ab-cdef-0123-456789abcdef",
        "stack=1234", "stack=0a000001", "mirrors=3", "conntracked",
        "level=2:0x10:output:4,push:reg1[],write_metadata:0x5",
        "level=1:0x20:resubmit(,2),pause,goto_table:3",
        "level=0:0:write_actions(output:7),goto_table:1",
        "action_set=set_field:10.0.0.9->ip_dst,output:5",
    };
    struct ofputil_closure_private c;
    int accepted = 0;

    /* The rejected closures are expected; only crashes would matter. */
    vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_OFF);

    parse_closure(ARRAY_SIZE(items), items, &c);
    struct ofpbuf *orig = ofputil_encode_closure_private(&c,
                                                         OFPUTIL_P_OF13_OXM);
    ofputil_closure_private_destroy(&c);

    for (int i = 0; i < n; i++) {
        struct ofpbuf *b = ofpbuf_clone(orig);
        struct ofputil_closure_private d;
        struct ofputil_closure public;
        struct ofpbuf privates;

        for (int k = 1 + next_random(&rnd) % 3; k > 0; k--) {
            mutate(b, &rnd);
        }

        if (!ofputil_decode_closure_private(b->data, false, &d)) {
            accepted++;
            /* Whatever decodes must encode and decode again. */
            struct ofpbuf *re = ofputil_encode_closure_private(
                &d, OFPUTIL_P_OF10_NXM);
            struct ofputil_closure_private e;
            if (re && ofputil_decode_closure_private(re->data, false, &e)) {
                ovs_fatal(0, "mutation %d: re-encoded closure rejected", i);
            }
            if (re) {
                ofputil_closure_private_destroy(&e);
            }
            ofpbuf_delete(re);
            ofputil_closure_private_destroy(&d);
        }
        if (!ofputil_decode_closure_private(b->data, true, &d)) {
            ofputil_closure_private_destroy(&d);
        }
        ofpbuf_init(&privates, 0);
        if (!ofputil_decode_closure(b->data, &public, &privates)) {
            ofputil_closure_destroy(&public);
        }
        ofpbuf_uninit(&privates);
        free(ofp_to_string(b->data, b->size, NULL, 2));
        ofpbuf_delete(b);
    }
    ofpbuf_delete(orig);
    printf("%d mutations, %d accepted\n", n, accepted);
    return 0;
}

/* ---- packet-out, packet-in ---- */

static void
print_with_zero_xid(struct ofpbuf *msg)
{
    ((struct ofp_header *) msg->data)->xid = htonl(0);
    print_hex(msg);
    print_msg(msg);
}

static int
do_packet_out(int argc OVS_UNUSED, char *argv[])
{
    enum ofputil_protocol protocol = protocol_arg(argv[1]);
    enum ofputil_protocol usable;
    struct ofputil_packet_out po;

    char *error = parse_ofp_packet_out_str(&po, argv[2], NULL, &usable);
    if (error) {
        printf("%s\n", error);
        free(error);
        return 1;
    }
    struct ofpbuf *msg = ofputil_encode_packet_out(&po, protocol);
    print_with_zero_xid(msg);
    ofpbuf_delete(msg);
    free(CONST_CAST(void *, po.packet));
    free(po.ofpacts);
    return 0;
}

static int
do_packet_in(int argc OVS_UNUSED, char *argv[])
{
    enum ofputil_protocol protocol = protocol_arg(argv[1]);
    struct ofputil_packet_in pin;
    struct ofpbuf packet;

    memset(&pin, 0, sizeof pin);
    enum ofputil_packet_in_format format
        = (!strcmp(argv[2], "nxt_packet_in") ? OFPUTIL_PACKET_IN_NXT
           : OFPUTIL_PACKET_IN_STD);
    if (!ofputil_packet_in_reason_from_string(argv[3], &pin.reason)) {
        ovs_fatal(0, "%s: unknown reason", argv[3]);
    }
    pin.table_id = atoi(argv[4]);
    pin.cookie = htonll(strtoull(argv[5], NULL, 0));
    pin.buffer_id = strtoul(argv[6], NULL, 0);
    char *error = ofputil_match_from_string(argv[7], NULL,
                                            &pin.flow_metadata, NULL, NULL);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    ofpbuf_init(&packet, 0);
    put_hex_arg(&packet, argv[8]);
    pin.packet = packet.data;
    pin.packet_len = pin.total_len = packet.size;

    struct ofpbuf *msg = ofputil_encode_packet_in(&pin, protocol, format);
    print_with_zero_xid(msg);
    ofpbuf_delete(msg);
    ofpbuf_uninit(&packet);
    return 0;
}

static void
test_ofp_closure_main(int argc, char *argv[])
{
    static const struct {
        const char *name;
        int min_args, max_args;
        int (*run)(int argc, char *argv[]);
    } commands[] = {
        { "closure", 1, INT_MAX, do_closure },
        { "decode", 1, 2, do_decode },
        { "fuzz", 2, 2, do_fuzz },
        { "packet-out", 2, 2, do_packet_out },
        { "packet-in", 8, 8, do_packet_in },
    };

    set_program_name(argv[0]);
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
        if (argc > 1 && !strcmp(argv[1], commands[i].name)) {
            int n = argc - 2;
            if (n < commands[i].min_args || n > commands[i].max_args) {
                ovs_fatal(0, "%s: wrong number of arguments",
                          commands[i].name);
            }
            exit(commands[i].run(argc - 1, argv + 1));
        }
    }
    ovs_fatal(0, "usage: %s closure|decode|fuzz|packet-out|packet-in ...",
              argv[0]);
}

OVSTEST_REGISTER("test-ofp-closure", test_ofp_closure_main);
