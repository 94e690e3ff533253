/* The datapath flow text form: parsing and printing.
 *
 * A datapath flow is written as keys, each "name(fields)", in the order
 * metadata, Ethernet, VLAN, EtherType, network, transport.  Fields are
 * "name=value" or "name=value/mask"; a field that is not written is
 * wildcarded.  An 802.1Q tag is written as eth_type(0x8100),vlan(...)
 * followed by encap(...) holding the inner EtherType and the rest; a bare
 * vlan(...) key is accepted too.  Parsing fills a "struct flow" and its
 * mask; every error names the text that caused it. */

#include <config.h>
#include "odp-util.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "meta-flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

/* Parser state: the text left to parse and where results go. */
struct odp_parser {
    const char *s;              /* Current position. */
    struct flow *flow;
    struct flow *mask;
};

/* ----- Field values -------------------------------------------------- */

/* Parses an unsigned integer (decimal or 0x-hex) of at most 'max',
 * 'len' bytes at 's'. */
static char *
parse_uint(const char *s, size_t len, uint64_t max, uint64_t *valuep)
{
    char buf[32];
    char *end;
    unsigned long long v;

    if (!len || len >= sizeof buf || !isdigit((unsigned char) *s)) {
        return xasprintf("%.*s: expected a number", (int) len, s);
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    v = strtoull(buf, &end, 0);
    if (errno || *end) {
        return xasprintf("%s: expected a number", buf);
    }
    if (v > max) {
        return xasprintf("%s: value out of range (maximum %"PRIu64")", buf,
                         max);
    }
    *valuep = v;
    return NULL;
}

/* Parses "V" or "V/M" integers. */
static char *
parse_uint_masked(const char *s, size_t len, uint64_t max, uint64_t *value,
                  uint64_t *mask)
{
    const char *slash = memchr(s, '/', len);
    char *error;

    if (!slash) {
        *mask = max;
        return parse_uint(s, len, max, value);
    }
    error = parse_uint(s, slash - s, max, value);
    if (!error) {
        error = parse_uint(slash + 1, len - (slash + 1 - s), max, mask);
    }
    return error;
}

/* Copies 'len' bytes at 's' into a new string. */
static char *
substr(const char *s, size_t len)
{
    return xmemdup0(s, len);
}

/* ----- Keys ---------------------------------------------------------- */

/* Where a field's value goes: 'n_bytes' in network byte order at an
 * offset of struct flow, except for the special kinds. */
enum odp_field_kind {
    OFK_INT,                    /* Host-order integer member. */
    OFK_BE,                     /* Network-order integer member. */
    OFK_U8_IN_BE16,             /* u8 stored as a be16 (ICMP). */
    OFK_ETH,
    OFK_IPV4,
    OFK_IPV6,
    OFK_FRAG,
    OFK_TCP_FLAGS,
    OFK_CT_STATE,
    OFK_U128
};

struct odp_field {
    const char *name;
    enum odp_field_kind kind;
    size_t ofs;                 /* offsetof(struct flow, ...). */
    unsigned int n_bytes;
    uint64_t max;               /* For integers. */
};

#define F(NAME, KIND, MEMBER, MAX) \
    { NAME, KIND, offsetof(struct flow, MEMBER), \
      sizeof ((struct flow *) 0)->MEMBER, MAX }

static const struct odp_field eth_fields[] = {
    F("src", OFK_ETH, dl_src, 0), F("dst", OFK_ETH, dl_dst, 0), { NULL }
};
static const struct odp_field ipv4_fields[] = {
    F("src", OFK_IPV4, nw_src, 0), F("dst", OFK_IPV4, nw_dst, 0),
    F("proto", OFK_INT, nw_proto, 255), F("tos", OFK_INT, nw_tos, 255),
    F("ttl", OFK_INT, nw_ttl, 255), F("frag", OFK_FRAG, nw_frag, 0),
    { NULL }
};
static const struct odp_field ipv6_fields[] = {
    F("src", OFK_IPV6, ipv6_src, 0), F("dst", OFK_IPV6, ipv6_dst, 0),
    F("label", OFK_BE, ipv6_label, IPV6_LABEL_MASK),
    F("proto", OFK_INT, nw_proto, 255), F("tclass", OFK_INT, nw_tos, 255),
    F("hlimit", OFK_INT, nw_ttl, 255), F("frag", OFK_FRAG, nw_frag, 0),
    { NULL }
};
static const struct odp_field ports_fields[] = {
    F("src", OFK_BE, tp_src, 65535), F("dst", OFK_BE, tp_dst, 65535),
    { NULL }
};
static const struct odp_field icmp_fields[] = {
    F("type", OFK_U8_IN_BE16, tp_src, 255),
    F("code", OFK_U8_IN_BE16, tp_dst, 255), { NULL }
};
static const struct odp_field arp_fields[] = {
    F("sip", OFK_IPV4, nw_src, 0), F("tip", OFK_IPV4, nw_dst, 0),
    F("op", OFK_INT, nw_proto, 255), F("sha", OFK_ETH, arp_sha, 0),
    F("tha", OFK_ETH, arp_tha, 0), { NULL }
};
static const struct odp_field nd_fields[] = {
    F("target", OFK_IPV6, nd_target, 0), F("sll", OFK_ETH, arp_sha, 0),
    F("tll", OFK_ETH, arp_tha, 0), { NULL }
};

/* Keys with a single unnamed value. */
static const struct odp_field in_port_field =
    F("in_port", OFK_INT, in_port.odp_port, UINT32_MAX);
static const struct odp_field scalar_fields[] = {
    F("recirc_id", OFK_INT, recirc_id, UINT32_MAX),
    F("dp_hash", OFK_INT, dp_hash, UINT32_MAX),
    F("skb_priority", OFK_INT, skb_priority, UINT32_MAX),
    F("skb_mark", OFK_INT, pkt_mark, UINT32_MAX),
    F("ct_state", OFK_CT_STATE, ct_state, 0),
    F("ct_zone", OFK_INT, ct_zone, UINT16_MAX),
    F("ct_mark", OFK_INT, ct_mark, UINT32_MAX),
    F("ct_label", OFK_U128, ct_label, 0),
    F("eth_type", OFK_BE, dl_type, UINT16_MAX),
    F("tcp_flags", OFK_TCP_FLAGS, tcp_flags, 0),
    { NULL }
};
#undef F

/* Keys with named fields, and the IP protocol (or EtherType) they
 * imply. */
struct odp_key {
    const char *name;
    const struct odp_field *fields;
    uint16_t dl_type;           /* 0 if none implied. */
    int nw_proto;               /* -1 if none implied. */
};

static const struct odp_key keys[] = {
    { "eth", eth_fields, 0, -1 },
    { "ipv4", ipv4_fields, ETH_TYPE_IP, -1 },
    { "ipv6", ipv6_fields, ETH_TYPE_IPV6, -1 },
    { "tcp", ports_fields, 0, IPPROTO_TCP },
    { "udp", ports_fields, 0, IPPROTO_UDP },
    { "sctp", ports_fields, 0, IPPROTO_SCTP },
    { "icmp", icmp_fields, ETH_TYPE_IP, IPPROTO_ICMP },
    { "icmpv6", icmp_fields, ETH_TYPE_IPV6, IPPROTO_ICMPV6 },
    { "arp", arp_fields, ETH_TYPE_ARP, -1 },
    { "nd", nd_fields, ETH_TYPE_IPV6, IPPROTO_ICMPV6 },
};

/* Stores 'value'/'mask' (host order) into an integer member. */
static void
store_int(void *vp, void *mp, const struct odp_field *f, uint64_t value,
          uint64_t mask)
{
    bool be = f->kind == OFK_BE;

    value &= mask;
    switch (f->n_bytes) {
    case 1:
        *(uint8_t *) vp = value;
        *(uint8_t *) mp = mask;
        break;
    case 2:
        *(uint16_t *) vp = be ? htons(value) : value;
        *(uint16_t *) mp = be ? htons(mask) : mask;
        break;
    case 4:
        *(uint32_t *) vp = be ? htonl(value) : value;
        *(uint32_t *) mp = be ? htonl(mask) : mask;
        break;
    case 8:
        *(uint64_t *) vp = be ? htonll(value) : value;
        *(uint64_t *) mp = be ? htonll(mask) : mask;
        break;
    }
}

/* Parses the value text 'v' ('len' bytes) of field 'f' into the parser's
 * flow and mask. */
static char *
parse_field_value(struct odp_parser *p, const struct odp_field *f,
                  const char *v, size_t len)
{
    uint8_t *vp = (uint8_t *) p->flow + f->ofs;
    uint8_t *mp = (uint8_t *) p->mask + f->ofs;
    char *text = substr(v, len);
    char *error = NULL;

    switch (f->kind) {
    case OFK_INT:
    case OFK_BE: {
        uint64_t value, mask;

        error = parse_uint_masked(v, len, f->max, &value, &mask);
        if (!error) {
            store_int(vp, mp, f, value, mask);
        }
        break;
    }
    case OFK_U8_IN_BE16: {
        uint64_t value, mask;

        error = parse_uint_masked(v, len, f->max, &value, &mask);
        if (!error) {
            *(ovs_be16 *) vp = htons(value & mask);
            *(ovs_be16 *) mp = htons(mask == 0xff ? 0xffff : mask);
        }
        break;
    }
    case OFK_ETH: {
        struct eth_addr ea, em;

        error = eth_addr_parse_masked(text, &ea, &em);
        if (!error) {
            ea = eth_addr_and(ea, em);
            memcpy(vp, &ea, sizeof ea);
            memcpy(mp, &em, sizeof em);
        }
        break;
    }
    case OFK_IPV4: {
        ovs_be32 ip, im;

        error = ip_parse_masked(text, &ip, &im);
        if (!error) {
            ip &= im;
            memcpy(vp, &ip, 4);
            memcpy(mp, &im, 4);
        }
        break;
    }
    case OFK_IPV6: {
        struct in6_addr ip, im;

        error = ipv6_parse_masked(text, &ip, &im);
        if (!error) {
            ip = ipv6_addr_bitand(&ip, &im);
            memcpy(vp, &ip, sizeof ip);
            memcpy(mp, &im, sizeof im);
        }
        break;
    }
    case OFK_FRAG:
        if (!strcmp(text, "no")) {
            *vp = 0;
        } else if (!strcmp(text, "first")) {
            *vp = FLOW_NW_FRAG_ANY;
        } else if (!strcmp(text, "later")) {
            *vp = FLOW_NW_FRAG_ANY | FLOW_NW_FRAG_LATER;
        } else {
            error = xasprintf("%s: unknown fragment type (expected no, "
                              "first or later)", text);
        }
        *mp = FLOW_NW_FRAG_MASK;
        break;
    case OFK_TCP_FLAGS:
    case OFK_CT_STATE: {
        const struct mf_field *mf = mf_from_id(f->kind == OFK_CT_STATE
                                               ? MFF_CT_STATE
                                               : MFF_TCP_FLAGS);
        union mf_value value, mask;

        error = mf_parse(mf, text, NULL, &value, &mask);
        if (!error && f->kind == OFK_CT_STATE) {
            *vp = ntohl(value.be32 & mask.be32);
            *mp = ntohl(mask.be32);
        } else if (!error) {
            *(ovs_be16 *) vp = value.be16 & mask.be16 & htons(0x0fff);
            *(ovs_be16 *) mp = mask.be16 & htons(0x0fff);
        }
        break;
    }
    case OFK_U128: {
        const struct mf_field *mf = mf_from_id(MFF_CT_LABEL);
        union mf_value value, mask;

        error = mf_parse(mf, text, NULL, &value, &mask);
        if (!error) {
            ovs_u128 v128 = ntoh128(value.be128);
            ovs_u128 m128 = ntoh128(mask.be128);

            v128.u64.hi &= m128.u64.hi;
            v128.u64.lo &= m128.u64.lo;
            memcpy(vp, &v128, sizeof v128);
            memcpy(mp, &m128, sizeof m128);
        }
        break;
    }
    }
    free(text);
    return error;
}

/* Returns the length of the parenthesized argument at 's' (which follows
 * the '('), up to the matching ')', or -1 if unbalanced. */
static int
arg_len(const char *s)
{
    int depth = 0;
    const char *p;

    for (p = s; *p; p++) {
        if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            if (!depth) {
                return p - s;
            }
            depth--;
        }
    }
    return -1;
}

static char *parse_keys(struct odp_parser *, const char *s, size_t len);

/* Parses "name=value,..." for 'key' in the 'len' bytes at 'arg'. */
static char *
parse_named_fields(struct odp_parser *p, const struct odp_key *key,
                   const char *arg, size_t len)
{
    const char *end = arg + len;

    while (arg < end) {
        const char *comma = memchr(arg, ',', end - arg);
        const char *item_end = comma ? comma : end;
        const char *eq = memchr(arg, '=', item_end - arg);
        const struct odp_field *f;
        char *error;

        if (!eq) {
            return xasprintf("%s(%.*s): expected name=value", key->name,
                             (int) len, end - len);
        }
        for (f = key->fields; f->name; f++) {
            if (strlen(f->name) == (size_t) (eq - arg)
                && !strncmp(f->name, arg, eq - arg)) {
                break;
            }
        }
        if (!f->name) {
            return xasprintf("%s: unknown field `%.*s'", key->name,
                             (int) (eq - arg), arg);
        }
        error = parse_field_value(p, f, eq + 1, item_end - eq - 1);
        if (error) {
            char *e = xasprintf("%s(%s=...): %s", key->name, f->name,
                                error);
            free(error);
            return e;
        }
        arg = comma ? comma + 1 : end;
    }
    return NULL;
}

/* Sets an implied exact match of 'dl_type'/'nw_proto' unless the text
 * already said otherwise. */
static void
imply_protocol(struct odp_parser *p, const struct odp_key *key)
{
    if (key->dl_type && !p->mask->dl_type) {
        p->flow->dl_type = htons(key->dl_type);
        p->mask->dl_type = OVS_BE16_MAX;
    }
    if (key->nw_proto >= 0 && !p->mask->nw_proto) {
        p->flow->nw_proto = key->nw_proto;
        p->mask->nw_proto = UINT8_MAX;
    }
}

/* Parses "vlan(vid=N,pcp=N[,cfi=N])". */
static char *
parse_vlan(struct odp_parser *p, const char *arg, size_t len)
{
    const char *end = arg + len;
    uint64_t vid = 0, pcp = 0, cfi = 1;

    while (arg < end) {
        const char *comma = memchr(arg, ',', end - arg);
        const char *item_end = comma ? comma : end;
        const char *eq = memchr(arg, '=', item_end - arg);
        uint64_t *dst, max;
        char *error;

        if (eq && eq - arg == 3 && !strncmp(arg, "vid", 3)) {
            dst = &vid;
            max = VLAN_VID_MASK;
        } else if (eq && eq - arg == 3 && !strncmp(arg, "pcp", 3)) {
            dst = &pcp;
            max = 7;
        } else if (eq && eq - arg == 3 && !strncmp(arg, "cfi", 3)) {
            dst = &cfi;
            max = 1;
        } else {
            return xasprintf("vlan: unknown field `%.*s'",
                             (int) (item_end - arg), arg);
        }
        error = parse_uint(eq + 1, item_end - eq - 1, max, dst);
        if (error) {
            char *e = xasprintf("vlan(%.*s): %s", (int) (eq - arg), arg,
                                error);
            free(error);
            return e;
        }
        arg = comma ? comma + 1 : end;
    }
    p->flow->vlan_tci = htons(vid | (pcp << VLAN_PCP_SHIFT)
                              | (cfi ? VLAN_CFI : 0));
    p->mask->vlan_tci = OVS_BE16_MAX;
    return NULL;
}

/* Parses one "name(arg)" key. */
static char *
parse_key(struct odp_parser *p, const char *name, size_t name_len,
          const char *arg, size_t len)
{
    const struct odp_field *f;
    size_t i;

#define NAME_IS(S) (name_len == strlen(S) && !strncmp(name, S, name_len))
    if (NAME_IS("in_port")) {
        return parse_field_value(p, &in_port_field, arg, len);
    } else if (NAME_IS("vlan")) {
        return parse_vlan(p, arg, len);
    } else if (NAME_IS("encap")) {
        /* The inner EtherType replaces the 802.1Q one. */
        p->mask->dl_type = 0;
        return parse_keys(p, arg, len);
    }
    for (f = scalar_fields; f->name; f++) {
        if (NAME_IS(f->name)) {
            char *error = parse_field_value(p, f, arg, len);
            if (error) {
                char *e = xasprintf("%s(%.*s): %s", f->name, (int) len, arg,
                                    error);
                free(error);
                return e;
            }
            return NULL;
        }
    }
    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        if (NAME_IS(keys[i].name)) {
            char *error = parse_named_fields(p, &keys[i], arg, len);
            if (!error) {
                imply_protocol(p, &keys[i]);
            }
            return error;
        }
    }
#undef NAME_IS
    return xasprintf("%.*s: unknown key", (int) name_len, name);
}

/* Parses a comma-separated sequence of keys in the 'len' bytes at 's'. */
static char *
parse_keys(struct odp_parser *p, const char *s, size_t len)
{
    const char *end = s + len;

    while (s < end) {
        size_t name_len;
        int alen;
        char *error;

        s += strspn(s, ", \t\n");
        if (s >= end) {
            break;
        }
        name_len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (!name_len || s + name_len >= end || s[name_len] != '(') {
            return xasprintf("%.*s: syntax error (expected key(...))",
                             (int) (end - s), s);
        }
        alen = arg_len(s + name_len + 1);
        if (alen < 0 || s + name_len + 1 + alen >= end + 1) {
            return xasprintf("%.*s: missing `)'", (int) (end - s), s);
        }
        error = parse_key(p, s, name_len, s + name_len + 1, alen);
        if (error) {
            return error;
        }
        s += name_len + 1 + alen + 1;
        if (s < end && *s != ',' && !isspace((unsigned char) *s)) {
            return xasprintf("%.*s: expected `,' between keys",
                             (int) (end - s), s);
        }
    }
    return NULL;
}

char *
odp_flow_from_string(const char *s, struct flow *flow,
                     struct flow_wildcards *mask)
{
    struct flow_wildcards scratch;
    struct odp_parser p;

    memset(flow, 0, sizeof *flow);
    if (!mask) {
        mask = &scratch;
    }
    flow_wildcards_init_catchall(mask);
    p.flow = flow;
    p.mask = &mask->masks;
    return parse_keys(&p, s, strlen(s));
}

/* ----- Formatting ---------------------------------------------------- */

/* Whether integer field 'f' is conventionally printed in hex. */
static bool
field_is_hex(const struct odp_field *f)
{
    static const char *const hex_names[] = {
        "tos", "tclass", "label", "recirc_id", "dp_hash", "skb_mark",
        "ct_mark",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(hex_names); i++) {
        if (!strcmp(f->name, hex_names[i])) {
            return true;
        }
    }
    return false;
}

/* Appends "name=value[/mask]," for field 'f' unless wildcarded; with no
 * mask, always. */
static void
format_field(struct ds *s, const struct odp_field *f, const struct flow *flow,
             const struct flow *mask, bool with_name)
{
    const uint8_t *vp = (const uint8_t *) flow + f->ofs;
    const uint8_t *mp = mask ? (const uint8_t *) mask + f->ofs : NULL;
    bool exact;

    if (mp && is_all_zeros(mp, f->n_bytes)) {
        return;
    }
    exact = !mp || is_all_ones(mp, f->n_bytes);
    if (with_name) {
        ds_put_format(s, "%s=", f->name);
    }

    switch (f->kind) {
    case OFK_INT:
    case OFK_BE: {
        uint64_t v = 0, m = 0;
        bool be = f->kind == OFK_BE;

        switch (f->n_bytes) {
        case 1: v = *vp; m = mp ? *mp : 0; break;
        case 2:
            v = be ? ntohs(*(ovs_be16 *) vp) : *(uint16_t *) vp;
            m = mp ? (be ? ntohs(*(ovs_be16 *) mp) : *(uint16_t *) mp) : 0;
            break;
        case 4:
            v = be ? ntohl(*(ovs_be32 *) vp) : *(uint32_t *) vp;
            m = mp ? (be ? ntohl(*(ovs_be32 *) mp) : *(uint32_t *) mp) : 0;
            break;
        }
        if (f->max == IPV6_LABEL_MASK && (!mp || m == IPV6_LABEL_MASK)) {
            exact = true;
        }
        if (!strcmp(f->name, "eth_type")) {
            ds_put_format(s, "0x%04"PRIx64, v);
        } else if (field_is_hex(f)) {
            ds_put_format(s, "%#"PRIx64, v);
        } else {
            ds_put_format(s, "%"PRIu64, v);
        }
        if (!exact) {
            ds_put_format(s, "/%#"PRIx64, m);
        }
        break;
    }
    case OFK_U8_IN_BE16:
        ds_put_format(s, "%"PRIu16, ntohs(*(ovs_be16 *) vp));
        if (mp && (*(ovs_be16 *) mp & htons(0xff)) != htons(0xff)) {
            ds_put_format(s, "/%#"PRIx16, ntohs(*(ovs_be16 *) mp));
        }
        break;
    case OFK_ETH:
        eth_format_masked(*(const struct eth_addr *) vp,
                          exact ? NULL : (const struct eth_addr *) mp, s);
        break;
    case OFK_IPV4:
        ip_format_masked(*(ovs_be32 *) vp,
                         exact ? OVS_BE32_MAX : *(ovs_be32 *) mp, s);
        break;
    case OFK_IPV6:
        ipv6_format_masked((const struct in6_addr *) vp,
                           exact ? NULL : (const struct in6_addr *) mp, s);
        break;
    case OFK_FRAG:
        ds_put_cstr(s, (!(*vp & FLOW_NW_FRAG_ANY) ? "no"
                        : *vp & FLOW_NW_FRAG_LATER ? "later" : "first"));
        break;
    case OFK_TCP_FLAGS:
        if (exact || (mp && (*(ovs_be16 *) mp & htons(0x0fff))
                      == htons(0x0fff))) {
            packet_tcp_flags_format(s, ntohs(*(ovs_be16 *) vp));
        } else {
            mf_format_flags(ntohs(*(ovs_be16 *) vp), ntohs(*(ovs_be16 *) mp),
                            packet_tcp_flag_to_string, 0x0fff, s);
        }
        break;
    case OFK_CT_STATE:
        mf_format_flags(*vp, mp ? *mp : UINT8_MAX, ct_state_to_string,
                        CS_SUPPORTED_MASK, s);
        break;
    case OFK_U128: {
        union mf_value v, m;
        ovs_u128 v128, m128;

        memcpy(&v128, vp, sizeof v128);
        v.be128 = hton128(v128);
        if (mp) {
            memcpy(&m128, mp, sizeof m128);
            m.be128 = hton128(m128);
        }
        mf_format(mf_from_id(MFF_CT_LABEL), &v, mp ? &m : NULL, NULL, s);
        break;
    }
    }
    ds_put_char(s, ',');
}

static const struct odp_field *
scalar_field(const char *name)
{
    const struct odp_field *f;

    for (f = scalar_fields; f->name; f++) {
        if (!strcmp(f->name, name)) {
            return f;
        }
    }
    OVS_NOT_REACHED();
}

/* Appends "name(value)," for a scalar key; without a mask, only if the
 * value is nonzero (or 'always'). */
static void
format_scalar(struct ds *s, const char *name, const struct flow *flow,
              const struct flow *mask, bool always)
{
    const struct odp_field *f = scalar_field(name);
    const uint8_t *vp = (const uint8_t *) flow + f->ofs;

    if (!mask && !always && is_all_zeros(vp, f->n_bytes)) {
        return;
    }
    if (mask && is_all_zeros((const uint8_t *) mask + f->ofs, f->n_bytes)) {
        return;
    }
    ds_put_format(s, "%s(", name);
    format_field(s, f, flow, mask, false);
    ds_chomp(s, ',');
    ds_put_cstr(s, "),");
}

/* Appends "name(fields)," unless every field is wildcarded. */
static void
format_key(struct ds *s, const char *name, const struct odp_field *fields,
           const struct flow *flow, const struct flow *mask)
{
    size_t start = s->length;
    const struct odp_field *f;

    ds_put_format(s, "%s(", name);
    size_t body = s->length;
    for (f = fields; f->name; f++) {
        format_field(s, f, flow, mask, true);
    }
    if (s->length == body) {
        ds_truncate(s, start);
        return;
    }
    ds_chomp(s, ',');
    ds_put_cstr(s, "),");
}

/* Appends the network and transport keys. */
static void
format_l3_l4(struct ds *s, const struct flow *flow, const struct flow *mask)
{
    bool later = (flow->nw_frag & FLOW_NW_FRAG_LATER) != 0;

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        format_key(s, "ipv4", ipv4_fields, flow, mask);
    } else if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
        format_key(s, "ipv6", ipv6_fields, flow, mask);
    } else if (flow->dl_type == htons(ETH_TYPE_ARP)
               || flow->dl_type == htons(ETH_TYPE_RARP)) {
        format_key(s, "arp", arp_fields, flow, mask);
        return;
    } else {
        return;
    }
    if (later) {
        return;
    }

    switch (flow->nw_proto) {
    case IPPROTO_TCP:
        format_key(s, "tcp", ports_fields, flow, mask);
        if (mask ? mask->tcp_flags != 0 : flow->tcp_flags != 0) {
            format_scalar(s, "tcp_flags", flow, mask, true);
        }
        break;
    case IPPROTO_UDP:
        format_key(s, "udp", ports_fields, flow, mask);
        break;
    case IPPROTO_SCTP:
        format_key(s, "sctp", ports_fields, flow, mask);
        break;
    case IPPROTO_ICMP:
        if (flow->dl_type == htons(ETH_TYPE_IP)) {
            format_key(s, "icmp", icmp_fields, flow, mask);
        }
        break;
    case IPPROTO_ICMPV6:
        if (flow->dl_type == htons(ETH_TYPE_IPV6)) {
            format_key(s, "icmpv6", icmp_fields, flow, mask);
            if (is_nd(flow)) {
                format_key(s, "nd", nd_fields, flow, mask);
            }
        }
        break;
    default:
        break;
    }
}

void
odp_flow_format(const struct flow *flow, const struct flow_wildcards *wc,
                struct ds *s)
{
    const struct flow *mask = wc ? &wc->masks : NULL;
    size_t start = s->length;

    format_scalar(s, "recirc_id", flow, mask, false);
    format_scalar(s, "dp_hash", flow, mask, false);
    format_scalar(s, "skb_priority", flow, mask, false);
    if (!mask || mask->in_port.odp_port) {
        ds_put_format(s, "in_port(%"PRIu32"),",
                      odp_to_u32(flow->in_port.odp_port));
    }
    format_scalar(s, "skb_mark", flow, mask, false);
    format_scalar(s, "ct_state", flow, mask, false);
    format_scalar(s, "ct_zone", flow, mask, false);
    format_scalar(s, "ct_mark", flow, mask, false);
    format_scalar(s, "ct_label", flow, mask, false);
    format_key(s, "eth", eth_fields, flow, mask);

    if (flow->vlan_tci & htons(VLAN_CFI)
        && (!mask || mask->vlan_tci)) {
        ds_put_format(s, "eth_type(0x8100),vlan(vid=%"PRIu16",pcp=%d),"
                      "encap(", vlan_tci_to_vid(flow->vlan_tci),
                      vlan_tci_to_pcp(flow->vlan_tci));
        format_scalar(s, "eth_type", flow, mask, true);
        format_l3_l4(s, flow, mask);
        ds_chomp(s, ',');
        ds_put_cstr(s, "),");
    } else {
        format_scalar(s, "eth_type", flow, mask, false);
        format_l3_l4(s, flow, mask);
    }
    if (s->length > start) {
        ds_chomp(s, ',');
    }
}

char *
odp_flow_to_string(const struct flow *flow, const struct flow_wildcards *wc)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    odp_flow_format(flow, wc, &s);
    return ds_steal_cstr(&s);
}
