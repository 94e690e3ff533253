/* test-ofp-actions: drives the OpenFlow action codec from the command line.
 *
 *   parse [-i] TEXT
 *       Parses TEXT as actions (with -i, as instructions) and prints the
 *       formatted result and the usable protocols, or the error.
 *
 *   roundtrip VERSION MATCH TEXT
 *       Parses TEXT as instructions, checks them against a flow matching
 *       MATCH, encodes them for VERSION, prints the hex, decodes the hex
 *       and prints the text.  Re-encoding what was decoded must give the
 *       same bytes; if not, "reencode:" shows the difference.
 *
 *   decode VERSION HEX
 *   decode-actions VERSION HEX
 *       Decodes HEX as instructions (or, with decode-actions, as a plain
 *       action list) and prints the text, or the error name.  Prints
 *       "reencode:" if encoding the result gives other bytes.
 *
 *   check MATCH TABLE N_TABLES TEXT
 *       Parses TEXT as instructions and prints the result of checking it
 *       against MATCH in table TABLE of a switch with N_TABLES tables.
 *
 *   names TEXT
 *       Parses and formats TEXT with port names "p1" and "p2" known.
 *
 *   unroll
 *       Shows how translation's internal unroll marker prints and encodes
 *       (it never reaches the wire), and exercises the list queries.
 *
 *   fuzz SEED COUNT
 *       Decodes COUNT randomly damaged copies of a set of valid encodings
 *       in every version; whatever decodes must re-encode and decode again
 *       to the same bytes.  Also parses damaged copies of their text:
 *       whatever parses must format to text that parses back the same.
 *
 *   flow-mod VERSION MATCH TEXT
 *       Prints the hex of a flow_mod that adds a flow with MATCH and the
 *       instructions TEXT, for feeding to "ovs-ofctl ofp-print".
 *
 * VERSION is OpenFlow10 ... OpenFlow15.  MATCH is "any", "ip", "ipv6",
 * "tcp", "udp", "sctp", "arp" or "vlan" (a tagged packet with VID 10). */

#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "flow.h"
#include "match.h"
#include "ofp-actions.h"
#include "ofp-errors.h"
#include "ofp-port.h"
#include "ofp-protocol.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovstest.h"
#include "packets.h"

static enum ofp_version
parse_version(const char *s)
{
    int minor;

    if (sscanf(s, "OpenFlow1%d", &minor) != 1 || minor < 0 || minor > 5) {
        ovs_fatal(0, "%s: unknown OpenFlow version", s);
    }
    return OFP10_VERSION + minor;
}

/* The kinds of flow that MATCH names: what a test needs to satisfy (or
 * violate) the prerequisites of actions. */
struct match_kind {
    const char *name;
    uint16_t dl_type;
    uint8_t nw_proto;
    bool vlan;
};

static const struct match_kind match_kinds[] = {
    { "any", 0, 0, false },
    { "ip", ETH_TYPE_IP, 0, false },
    { "ipv6", ETH_TYPE_IPV6, 0, false },
    { "tcp", ETH_TYPE_IP, IPPROTO_TCP, false },
    { "udp", ETH_TYPE_IP, IPPROTO_UDP, false },
    { "sctp", ETH_TYPE_IP, IPPROTO_SCTP, false },
    { "arp", ETH_TYPE_ARP, 0, false },
    { "vlan", 0, 0, true },
};

static const struct match_kind *
parse_match_kind(const char *s)
{
    for (size_t i = 0; i < ARRAY_SIZE(match_kinds); i++) {
        if (!strcmp(s, match_kinds[i].name)) {
            return &match_kinds[i];
        }
    }
    ovs_fatal(0, "%s: unknown match", s);
}

static void
build_match(const struct match_kind *k, struct match *match)
{
    match_init_catchall(match);
    if (k->dl_type) {
        match_set_dl_type(match, htons(k->dl_type));
    }
    if (k->nw_proto) {
        match_set_nw_proto(match, k->nw_proto);
    }
    if (k->vlan) {
        match_set_dl_tci(match, htons(VLAN_CFI | 10));
    }
}

static void
put_hex(struct ds *s, const struct ofpbuf *b)
{
    const uint8_t *p = b->data;

    for (size_t i = 0; i < b->size; i++) {
        ds_put_format(s, "%02x", p[i]);
    }
}

static void
print_hex(const char *label, const struct ofpbuf *b)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    put_hex(&s, b);
    printf("%s%s\n", label, b->size ? ds_cstr(&s) : "(empty)");
    ds_destroy(&s);
}

static void
put_instructions(const struct ofpbuf *ofpacts, enum ofp_version version,
                 struct ofpbuf *out)
{
    ofpacts_put_openflow_instructions(ofpacts->data, ofpacts->size, out,
                                      version);
}

/* Decodes 'hex' as instructions (or actions) and prints the result. */
static void
decode_and_print(enum ofp_version version, const char *hex,
                 bool actions_only)
{
    struct ofpbuf wire, ofpacts, again;
    enum ofperr error;

    ofpbuf_init(&wire, 0);
    if (ofpbuf_put_hex(&wire, hex, NULL)[0]) {
        ovs_fatal(0, "%s: bad hex", hex);
    }
    ofpbuf_init(&ofpacts, 0);
    size_t len = wire.size;
    error = (actions_only
             ? ofpacts_pull_openflow_actions(&wire, len, version, NULL, NULL,
                                             &ofpacts)
             : ofpacts_pull_openflow_instructions(&wire, len, version, NULL,
                                                  NULL, &ofpacts));
    if (error) {
        printf("error: %s\n", ofperr_get_name(error));
    } else {
        struct ds s = DS_EMPTY_INITIALIZER;

        ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s);
        printf("actions=%s\n", ds_cstr(&s));
        ds_destroy(&s);

        ofpbuf_init(&again, 0);
        if (actions_only) {
            ofpacts_put_openflow_actions(ofpacts.data, ofpacts.size, &again,
                                         version);
        } else {
            put_instructions(&ofpacts, version, &again);
        }
        ofpbuf_uninit(&wire);
        ofpbuf_init(&wire, 0);
        ofpbuf_put_hex(&wire, hex, NULL);
        if (!ofpbuf_equal(&wire, &again)) {
            print_hex("reencode: ", &again);
        }
        ofpbuf_uninit(&again);
    }
    ofpbuf_uninit(&wire);
    ofpbuf_uninit(&ofpacts);
}

static void
cmd_parse(int argc, char *argv[])
{
    bool instructions = argc > 2 && !strcmp(argv[1], "-i");
    const char *text = argv[argc - 1];
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts;
    char *error;

    ofpbuf_init(&ofpacts, 0);
    error = (instructions
             ? ofpacts_parse_instructions(text, NULL, &ofpacts, &usable)
             : ofpacts_parse_actions(text, NULL, &ofpacts, &usable));
    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        struct ds s = DS_EMPTY_INITIALIZER;

        ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s);
        printf("actions=%s\n", ds_cstr(&s));
        ds_clear(&s);
        ofputil_format_protocols(&s, usable);
        printf("usable protocols: %s\n", ds_cstr(&s));
        ds_destroy(&s);
    }
    ofpbuf_uninit(&ofpacts);
}

/* Parses and checks 'text' for a flow matching 'k'.  Exits on error. */
static void
parse_checked(const char *text, const struct match_kind *k,
              struct ofpbuf *ofpacts, enum ofputil_protocol *usable)
{
    struct match match;
    char *error = ofpacts_parse_instructions(text, NULL, ofpacts, usable);

    if (error) {
        printf("error: %s\n", error);
        free(error);
        exit(0);
    }
    build_match(k, &match);
    enum ofperr err = ofpacts_check(ofpacts->data, ofpacts->size, &match,
                                    OFPP_MAX, 0, 255, usable);
    if (err) {
        printf("check error: %s\n", ofperr_get_name(err));
        exit(0);
    }
}

static void
cmd_roundtrip(int argc OVS_UNUSED, char *argv[])
{
    enum ofp_version version = parse_version(argv[1]);
    const struct match_kind *k = parse_match_kind(argv[2]);
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts, wire;

    ofpbuf_init(&ofpacts, 0);
    parse_checked(argv[3], k, &ofpacts, &usable);
    if (!(usable & ofputil_protocols_from_ofp_version(version))) {
        struct ds s = DS_EMPTY_INITIALIZER;

        ofputil_format_protocols(&s, usable);
        printf("not usable in %s (usable protocols: %s)\n", argv[1],
               ds_cstr(&s));
        ds_destroy(&s);
        ofpbuf_uninit(&ofpacts);
        return;
    }

    ofpbuf_init(&wire, 0);
    put_instructions(&ofpacts, version, &wire);
    print_hex("hex: ", &wire);

    struct ds hex = DS_EMPTY_INITIALIZER;
    put_hex(&hex, &wire);
    decode_and_print(version, ds_cstr(&hex), false);
    ds_destroy(&hex);

    ofpbuf_uninit(&wire);
    ofpbuf_uninit(&ofpacts);
}

static void
cmd_decode(int argc OVS_UNUSED, char *argv[])
{
    decode_and_print(parse_version(argv[1]), argv[2],
                     !strcmp(argv[0], "decode-actions"));
}

static void
cmd_check(int argc OVS_UNUSED, char *argv[])
{
    const struct match_kind *k = parse_match_kind(argv[1]);
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts;
    struct match match;
    char *error;

    ofpbuf_init(&ofpacts, 0);
    error = ofpacts_parse_instructions(argv[4], NULL, &ofpacts, &usable);
    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        build_match(k, &match);
        enum ofperr err = ofpacts_check(ofpacts.data, ofpacts.size, &match,
                                        OFPP_MAX, atoi(argv[2]),
                                        atoi(argv[3]), &usable);
        if (err) {
            printf("check error: %s\n", ofperr_get_name(err));
        } else {
            struct ds s = DS_EMPTY_INITIALIZER;

            ofputil_format_protocols(&s, usable);
            printf("ok, usable protocols: %s\n", ds_cstr(&s));
            ds_destroy(&s);
        }
    }
    ofpbuf_uninit(&ofpacts);
}

/* Appends an OpenFlow 1.0 match for 'k' (dl_vlan at offset 18, dl_type
 * at 22, nw_proto at 25). */
static void
put_ofp10_match(struct ofpbuf *b, const struct match_kind *k)
{
    uint8_t *m = ofpbuf_put_zeros(b, 40);
    uint32_t wildcards = (1u << 22) - 1;

    if (k->dl_type) {
        wildcards &= ~(1u << 4);
        m[22] = k->dl_type >> 8;
        m[23] = k->dl_type;
    }
    if (k->nw_proto) {
        wildcards &= ~(1u << 5);
        m[25] = k->nw_proto;
    }
    if (k->vlan) {
        wildcards &= ~(1u << 1);
        m[18] = 0;
        m[19] = 10;
    }
    m[0] = wildcards >> 24;
    m[1] = wildcards >> 16;
    m[2] = wildcards >> 8;
    m[3] = wildcards;
}

/* Appends an OXM match for 'k'. */
static void
put_oxm_match(struct ofpbuf *b, const struct match_kind *k)
{
    size_t start = b->size;
    uint8_t *h = ofpbuf_put_zeros(b, 4);

    if (k->vlan) {
        static const uint8_t vid[] = { 0x80, 0x00, 0x0c, 0x02, 0x10, 10 };
        ofpbuf_put(b, vid, sizeof vid);
    }
    if (k->dl_type) {
        uint8_t e[] = { 0x80, 0x00, 0x0a, 0x02, k->dl_type >> 8,
                        k->dl_type & 0xff };
        ofpbuf_put(b, e, sizeof e);
    }
    if (k->nw_proto) {
        uint8_t e[] = { 0x80, 0x00, 0x14, 0x01, k->nw_proto };
        ofpbuf_put(b, e, sizeof e);
    }
    h = (uint8_t *) b->data + start;
    h[1] = 1;                   /* OFPMT_OXM. */
    h[2] = (b->size - start) >> 8;
    h[3] = b->size - start;
    ofpbuf_put_zeros(b, PAD_SIZE(b->size - start, 8));
}

static void
cmd_flow_mod(int argc OVS_UNUSED, char *argv[])
{
    enum ofp_version version = parse_version(argv[1]);
    const struct match_kind *k = parse_match_kind(argv[2]);
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts, msg;
    uint8_t *p;

    if (version == OFP11_VERSION) {
        ovs_fatal(0, "flow-mod: OpenFlow11 is not supported");
    }
    ofpbuf_init(&ofpacts, 0);
    parse_checked(argv[3], k, &ofpacts, &usable);

    ofpbuf_init(&msg, 0);
    p = ofpbuf_put_zeros(&msg, 8);
    p[0] = version;
    p[1] = 14;                  /* OFPT_FLOW_MOD. */
    p[7] = 1;                   /* xid. */
    if (version == OFP10_VERSION) {
        put_ofp10_match(&msg, k);
        p = ofpbuf_put_zeros(&msg, 24);
        p[14] = 0x80;           /* priority 0x8000. */
        memset(p + 16, 0xff, 6);    /* buffer_id, out_port. */
    } else {
        p = ofpbuf_put_zeros(&msg, 40);
        p[18] = 0x80;           /* priority 0x8000. */
        memset(p + 20, 0xff, 12);   /* buffer_id, out_port, out_group. */
        put_oxm_match(&msg, k);
    }
    put_instructions(&ofpacts, version, &msg);
    p = msg.data;
    p[2] = msg.size >> 8;
    p[3] = msg.size;
    print_hex("", &msg);
    ofpbuf_uninit(&msg);
    ofpbuf_uninit(&ofpacts);
}

/* "names TEXT": parses and formats TEXT with port names p1 (port 1) and
 * p2 (port 2) known, then formats the same actions without names. */
static void
cmd_names(int argc OVS_UNUSED, char *argv[])
{
    struct ofputil_port_map map;
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts;
    char *error;

    ofputil_port_map_init(&map);
    ofputil_port_map_put(&map, u16_to_ofp(1), "p1");
    ofputil_port_map_put(&map, u16_to_ofp(2), "p2");
    ofpbuf_init(&ofpacts, 0);
    error = ofpacts_parse_actions(argv[1], &map, &ofpacts, &usable);
    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        struct ds s = DS_EMPTY_INITIALIZER;

        ofpacts_format(ofpacts.data, ofpacts.size, &map, &s);
        printf("with names: %s\n", ds_cstr(&s));
        ds_clear(&s);
        ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s);
        printf("without: %s\n", ds_cstr(&s));
        ds_destroy(&s);
    }
    ofpbuf_uninit(&ofpacts);
    ofputil_port_map_destroy(&map);
}

/* Builds a list with translation's unroll marker in it, which has no text
 * syntax and no wire form, and shows how it prints and encodes, and what
 * the queries say about a few lists. */
static void
cmd_unroll(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    struct ofpbuf ofpacts, wire;
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct ofpact *a;

    ofpbuf_init(&ofpacts, 0);
    ofpact_put_OUTPUT(&ofpacts)->port = u16_to_ofp(1);
    struct ofpact_unroll_xlate *u = ofpact_put_UNROLL_XLATE(&ofpacts);
    u->rule_table_id = 3;
    u->rule_cookie = htonll(0x1234);
    ofpact_put_PAUSE(&ofpacts)->controller_id = 9;
    ofpact_put_OUTPUT(&ofpacts)->port = u16_to_ofp(2);

    ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s);
    printf("actions=%s\n", ds_cstr(&s));

    ofpbuf_init(&wire, 0);
    ofpacts_put_openflow_actions(ofpacts.data, ofpacts.size, &wire,
                                 OFP13_VERSION);
    print_hex("OpenFlow13 hex: ", &wire);

    OFPACT_FOR_EACH (a, ofpacts.data, ofpacts.size) {
        bool ok = ofpact_is_allowed_in_actions_set(a);
        printf("%s: %s in action set\n", ofpact_name(a->type),
               ok ? "allowed" : "not allowed");
    }
    const struct ofpact_output *o;
    OFPACT_FOR_EACH_TYPE (o, OUTPUT, ofpacts.data, ofpacts.size) {
        printf("output to port %"PRIu16"\n", ofp_to_u16(o->port));
    }
    printf("outputs to 2: %s, to 3: %s\n",
           ofpacts_output_to_port(ofpacts.data, ofpacts.size,
                                  u16_to_ofp(2)) ? "yes" : "no",
           ofpacts_output_to_port(ofpacts.data, ofpacts.size,
                                  u16_to_ofp(3)) ? "yes" : "no");

    struct ofpbuf copy;
    ofpbuf_init(&copy, 0);
    ofpbuf_put(&copy, ofpacts.data, ofpacts.size);
    printf("equal to copy: %s\n",
           ofpacts_equal(ofpacts.data, ofpacts.size, copy.data, copy.size)
           ? "yes" : "no");
    ofpact_get_PAUSE(ofpact_next(ofpact_next(copy.data)))->controller_id = 8;
    printf("equal after change: %s\n",
           ofpacts_equal(ofpacts.data, ofpacts.size, copy.data, copy.size)
           ? "yes" : "no");

    ofpbuf_uninit(&copy);
    ofpbuf_uninit(&wire);
    ofpbuf_uninit(&ofpacts);
    ds_destroy(&s);
}

/* Text for the seeds of "fuzz": between them they use every wire action. */
static const char *const fuzz_seeds[] = {
    "output:1,in_port,controller(reason=no_match,id=3),pause(id=2)",
    "output:NXM_NX_REG0[],group:7,mod_vlan_vid:5,mod_vlan_pcp:3,strip_vlan",
    "push_vlan:0x8100,mod_dl_src:00:01:02:03:04:05,mod_nw_src:1.2.3.4",
    "mod_nw_tos:16,mod_nw_ecn:2,mod_nw_ttl:5,mod_tp_src:1,dec_ttl(1,2)",
    "set_field:5->reg1,load:5->NXM_NX_REG1[3..6],set_field:::1->ipv6_src",
    "move:NXM_NX_REG0[0..3]->NXM_NX_REG1[3..6],push:NXM_NX_REG0[]",
    "pop:NXM_NX_REG2[],resubmit:3,resubmit(,4),note:01.02.03,exit",
    "clone(output:1,clone(ct_clear)),ct(commit,zone=5,table=3,"
    "exec(set_field:1->ct_mark))",
    "ct(zone=NXM_NX_REG0[0..15]),dec_ttl,"
    "clear_actions,write_actions(output:2,set_field:1->reg0),"
    "write_metadata:0x5/0xff,goto_table:3",
};

/* A small deterministic generator, so that a failure can be replayed. */
static uint32_t
fuzz_random(uint32_t *state)
{
    *state = *state * 1103515245 + 12345;
    return *state >> 8;
}

/* Damages 'b' in one of several ways a hostile peer might. */
static void
fuzz_mutate(struct ofpbuf *b, uint32_t *state)
{
    uint8_t *p = b->data;
    size_t n = b->size;

    if (!n) {
        return;
    }
    switch (fuzz_random(state) % 6) {
    case 0:                     /* Flip a byte. */
        p[fuzz_random(state) % n] ^= 1 + fuzz_random(state) % 255;
        break;
    case 1:                     /* Change a length field. */
        p[(fuzz_random(state) % n) | 2] = fuzz_random(state);
        break;
    case 2:                     /* Truncate, keeping 8-byte multiples. */
        b->size = ROUND_DOWN(fuzz_random(state) % n, 8);
        break;
    case 3:                     /* Truncate anywhere. */
        b->size = fuzz_random(state) % n;
        break;
    case 4:                     /* Zero a byte. */
        p[fuzz_random(state) % n] = 0;
        break;
    default:                    /* Set a byte to all ones. */
        p[fuzz_random(state) % n] = 0xff;
        break;
    }
}

/* Decodes 'wire' as instructions (or as a plain action list) in 'version'
 * into 'ofpacts'. */
static enum ofperr
fuzz_decode(const struct ofpbuf *wire, enum ofp_version version,
            bool as_actions, struct ofpbuf *ofpacts)
{
    struct ofpbuf msg;

    ofpbuf_use_const(&msg, wire->data, wire->size);
    return (as_actions
            ? ofpacts_pull_openflow_actions(&msg, wire->size, version, NULL,
                                            NULL, ofpacts)
            : ofpacts_pull_openflow_instructions(&msg, wire->size, version,
                                                 NULL, NULL, ofpacts));
}

static void
fuzz_encode(const struct ofpbuf *ofpacts, enum ofp_version version,
            bool as_actions, struct ofpbuf *wire)
{
    if (as_actions) {
        ofpacts_put_openflow_actions(ofpacts->data, ofpacts->size, wire,
                                     version);
    } else {
        put_instructions(ofpacts, version, wire);
    }
}

/* Decodes 'wire' (as instructions, then as a plain action list).  Whatever
 * decodes is formatted, encoded again and decoded again; from there on the
 * bytes must stay the same (a first round may legitimately change them,
 * e.g. an old-style action becomes a set_field). */
static void
fuzz_one(const struct ofpbuf *wire, enum ofp_version version,
         unsigned int *n_ok)
{
    for (int as_actions = 0; as_actions < 2; as_actions++) {
        struct ofpbuf ofpacts, wire2, ofpacts2, wire3;
        struct ds s = DS_EMPTY_INITIALIZER;

        ofpbuf_init(&ofpacts, 0);
        if (!fuzz_decode(wire, version, as_actions, &ofpacts)) {
            ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s);

            ofpbuf_init(&wire2, 0);
            fuzz_encode(&ofpacts, version, as_actions, &wire2);
            ofpbuf_init(&ofpacts2, 0);
            enum ofperr error = fuzz_decode(&wire2, version, as_actions,
                                            &ofpacts2);
            ofpbuf_init(&wire3, 0);
            fuzz_encode(&ofpacts2, version, as_actions, &wire3);
            if (error || !ofpbuf_equal(&wire2, &wire3)) {
                ovs_fatal(0, "unstable re-encoding of \"%s\" (%s)",
                          ds_cstr(&s),
                          error ? ofperr_get_name(error) : "bytes differ");
            }
            (*n_ok)++;
            ofpbuf_uninit(&wire2);
            ofpbuf_uninit(&ofpacts2);
            ofpbuf_uninit(&wire3);
        }
        ds_destroy(&s);
        ofpbuf_uninit(&ofpacts);
    }
}

/* Parses a damaged copy of 'text'.  Whatever parses must format to text
 * that parses back to the same text. */
static void
fuzz_text(const char *text, uint32_t *state)
{
    static const char alphabet[] = "(),:=->[]./0123456789abcdefxNX_";
    char *copy = xstrdup(text);
    size_t n = strlen(copy);
    enum ofputil_protocol usable;
    struct ofpbuf ofpacts;
    char *error;

    for (int k = 1 + fuzz_random(state) % 3; k > 0 && n; k--) {
        size_t i = fuzz_random(state) % n;
        if (fuzz_random(state) % 4) {
            copy[i] = alphabet[fuzz_random(state) % (sizeof alphabet - 1)];
        } else {
            copy[i] = '\0';
            n = i;
        }
    }

    ofpbuf_init(&ofpacts, 0);
    error = ofpacts_parse_instructions(copy, NULL, &ofpacts, &usable);
    if (!error) {
        struct ds s1 = DS_EMPTY_INITIALIZER, s2 = DS_EMPTY_INITIALIZER;
        struct ofpbuf again;

        ofpacts_format(ofpacts.data, ofpacts.size, NULL, &s1);
        ofpbuf_init(&again, 0);
        error = ofpacts_parse_instructions(ds_cstr(&s1), NULL, &again,
                                           &usable);
        if (error) {
            ovs_fatal(0, "\"%s\" formats as \"%s\", which does not parse: %s",
                      copy, ds_cstr(&s1), error);
        }
        ofpacts_format(again.data, again.size, NULL, &s2);
        if (strcmp(ds_cstr(&s1), ds_cstr(&s2))) {
            ovs_fatal(0, "\"%s\" formats as \"%s\" then \"%s\"",
                      copy, ds_cstr(&s1), ds_cstr(&s2));
        }
        ofpbuf_uninit(&again);
        ds_destroy(&s1);
        ds_destroy(&s2);
    }
    free(error);
    ofpbuf_uninit(&ofpacts);
    free(copy);
}

/* "fuzz SEED COUNT": decodes COUNT damaged versions of the seed encodings
 * in every version.  Exits nonzero if anything decodes unstably; crashes
 * and memory errors show up under the sanitizers or valgrind. */
static void
cmd_fuzz(int argc OVS_UNUSED, char *argv[])
{
    uint32_t state = atoi(argv[1]);
    int count = atoi(argv[2]);
    unsigned int n_ok = 0, n_total = 0;

    for (enum ofp_version v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        for (size_t i = 0; i < ARRAY_SIZE(fuzz_seeds); i++) {
            enum ofputil_protocol usable;
            struct ofpbuf ofpacts, wire;
            struct match match;
            char *error;

            ofpbuf_init(&ofpacts, 0);
            error = ofpacts_parse_instructions(fuzz_seeds[i], NULL, &ofpacts,
                                               &usable);
            if (error) {
                ovs_fatal(0, "%s: %s", fuzz_seeds[i], error);
            }
            build_match(&match_kinds[3], &match);
            ofpacts_check(ofpacts.data, ofpacts.size, &match, OFPP_MAX, 0,
                          255, &usable);
            ofpbuf_init(&wire, 0);
            put_instructions(&ofpacts, v, &wire);

            for (int j = 0; j < count; j++) {
                struct ofpbuf copy;

                ofpbuf_init(&copy, wire.size);
                ofpbuf_put(&copy, wire.data, wire.size);
                for (int k = 1 + fuzz_random(&state) % 3; k > 0; k--) {
                    fuzz_mutate(&copy, &state);
                }
                fuzz_one(&copy, v, &n_ok);
                if (v == OFP10_VERSION) {
                    fuzz_text(fuzz_seeds[i], &state);
                }
                n_total++;
                ofpbuf_uninit(&copy);
            }
            ofpbuf_uninit(&wire);
            ofpbuf_uninit(&ofpacts);
        }
    }
    printf("%u inputs, none unstable\n", n_total);
}

static void
test_ofp_actions_main(int argc, char *argv[])
{
    static const struct {
        const char *name;
        int min_args, max_args;
        void (*cmd)(int argc, char *argv[]);
    } cmds[] = {
        { "parse", 1, 2, cmd_parse },
        { "roundtrip", 3, 3, cmd_roundtrip },
        { "decode", 2, 2, cmd_decode },
        { "decode-actions", 2, 2, cmd_decode },
        { "check", 4, 4, cmd_check },
        { "flow-mod", 3, 3, cmd_flow_mod },
        { "unroll", 0, 0, cmd_unroll },
        { "names", 1, 1, cmd_names },
        { "fuzz", 2, 2, cmd_fuzz },
    };

    if (argc < 2) {
        ovs_fatal(0, "usage: %s COMMAND ARG...", argv[0]);
    }
    /* Log lines without timestamps, so that tests can expect them. */
    vlog_set_pattern(VLF_CONSOLE, "%c|%p|%m");
    for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
        if (!strcmp(argv[1], cmds[i].name)) {
            int n = argc - 2;
            if (n < cmds[i].min_args || n > cmds[i].max_args) {
                ovs_fatal(0, "%s: wrong number of arguments", argv[1]);
            }
            cmds[i].cmd(argc - 1, argv + 1);
            return;
        }
    }
    ovs_fatal(0, "%s: unknown command", argv[1]);
}

OVSTEST_REGISTER("test-ofp-actions", test_ofp_actions_main);
