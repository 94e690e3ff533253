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
#include <linux/openvswitch.h>
#include "byte-order.h"
#include "meta-flow.h"
#include "netlink.h"
#include "openvswitch/ofpbuf.h"
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
        "ct_mark", "ct_zone",
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

/* Appends the fields of a VLAN tag: with an exact mask "vid=V,pcp=P";
 * otherwise a field appears only if its value or mask is nonzero, with
 * "/MASK" when partly wildcarded (so a flow that only cares that a tag is
 * present prints "vlan()"). */
static void
format_vlan_fields(struct ds *s, ovs_be16 tci, ovs_be16 mask)
{
    uint16_t vid = vlan_tci_to_vid(tci), vid_mask = vlan_tci_to_vid(mask);
    int pcp = vlan_tci_to_pcp(tci), pcp_mask = vlan_tci_to_pcp(mask);
    size_t start = s->length;

    if (vid || vid_mask) {
        ds_put_format(s, "vid=%"PRIu16, vid);
        if (vid_mask != VLAN_VID_MASK) {
            ds_put_format(s, "/%#"PRIx16, vid_mask);
        }
    }
    if (pcp || pcp_mask) {
        if (s->length > start) {
            ds_put_char(s, ',');
        }
        ds_put_format(s, "pcp=%d", pcp);
        if (pcp_mask != 7) {
            ds_put_format(s, "/%#x", pcp_mask);
        }
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
        ds_put_cstr(s, "eth_type(0x8100),vlan(");
        format_vlan_fields(s, flow->vlan_tci, mask ? mask->vlan_tci
                                                   : OVS_BE16_MAX);
        ds_put_cstr(s, "),encap(");
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

/* ===== Datapath actions =============================================
 *
 * A "set" action names one header (an OVS_KEY_ATTR_* attribute holding a
 * struct ovs_key_*) and, when masked, the bits of it to change.  The
 * tables below say where each member of those structs lives in a "struct
 * flow", so that one piece of code converts between the two for
 * execution, printing, parsing and committing. */

/* How a key member is represented in a struct flow. */
enum key_conv {
    KC_COPY,                    /* Same bytes. */
    KC_U8_IN_BE16,              /* Key u8, flow be16 (ICMP type, code). */
    KC_BE16_IN_U8,              /* Key be16, flow u8 (ARP opcode). */
    KC_FRAG                     /* OVS_FRAG_TYPE_* vs. FLOW_NW_FRAG_*. */
};

struct key_member {
    uint16_t key_ofs;           /* Offset in the ovs_key_* struct. */
    uint16_t flow_ofs;          /* Offset in struct flow. */
    uint8_t size;               /* Bytes in the ovs_key_* struct. */
    uint8_t conv;               /* enum key_conv. */
    bool writable;              /* May a set action change it? */
};

#define KM(KTYPE, KMEMBER, FMEMBER, CONV, WRITABLE)                     \
    { offsetof(struct KTYPE, KMEMBER), offsetof(struct flow, FMEMBER),  \
      sizeof ((struct KTYPE *) 0)->KMEMBER, CONV, WRITABLE }

static const struct key_member eth_members[] = {
    KM(ovs_key_ethernet, eth_src, dl_src, KC_COPY, true),
    KM(ovs_key_ethernet, eth_dst, dl_dst, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member ipv4_members[] = {
    KM(ovs_key_ipv4, ipv4_src, nw_src, KC_COPY, true),
    KM(ovs_key_ipv4, ipv4_dst, nw_dst, KC_COPY, true),
    KM(ovs_key_ipv4, ipv4_proto, nw_proto, KC_COPY, false),
    KM(ovs_key_ipv4, ipv4_tos, nw_tos, KC_COPY, true),
    KM(ovs_key_ipv4, ipv4_ttl, nw_ttl, KC_COPY, true),
    KM(ovs_key_ipv4, ipv4_frag, nw_frag, KC_FRAG, false),
    { 0, 0, 0, 0, false }
};
static const struct key_member ipv6_members[] = {
    KM(ovs_key_ipv6, ipv6_src, ipv6_src, KC_COPY, true),
    KM(ovs_key_ipv6, ipv6_dst, ipv6_dst, KC_COPY, true),
    KM(ovs_key_ipv6, ipv6_label, ipv6_label, KC_COPY, true),
    KM(ovs_key_ipv6, ipv6_proto, nw_proto, KC_COPY, false),
    KM(ovs_key_ipv6, ipv6_tclass, nw_tos, KC_COPY, true),
    KM(ovs_key_ipv6, ipv6_hlimit, nw_ttl, KC_COPY, true),
    KM(ovs_key_ipv6, ipv6_frag, nw_frag, KC_FRAG, false),
    { 0, 0, 0, 0, false }
};
static const struct key_member tcp_members[] = {
    KM(ovs_key_tcp, tcp_src, tp_src, KC_COPY, true),
    KM(ovs_key_tcp, tcp_dst, tp_dst, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member udp_members[] = {
    KM(ovs_key_udp, udp_src, tp_src, KC_COPY, true),
    KM(ovs_key_udp, udp_dst, tp_dst, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member sctp_members[] = {
    KM(ovs_key_sctp, sctp_src, tp_src, KC_COPY, true),
    KM(ovs_key_sctp, sctp_dst, tp_dst, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member icmp_members[] = {
    KM(ovs_key_icmp, icmp_type, tp_src, KC_U8_IN_BE16, true),
    KM(ovs_key_icmp, icmp_code, tp_dst, KC_U8_IN_BE16, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member icmpv6_members[] = {
    KM(ovs_key_icmpv6, icmpv6_type, tp_src, KC_U8_IN_BE16, true),
    KM(ovs_key_icmpv6, icmpv6_code, tp_dst, KC_U8_IN_BE16, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member arp_members[] = {
    KM(ovs_key_arp, arp_sip, nw_src, KC_COPY, true),
    KM(ovs_key_arp, arp_tip, nw_dst, KC_COPY, true),
    KM(ovs_key_arp, arp_op, nw_proto, KC_BE16_IN_U8, true),
    KM(ovs_key_arp, arp_sha, arp_sha, KC_COPY, true),
    KM(ovs_key_arp, arp_tha, arp_tha, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
static const struct key_member nd_members[] = {
    KM(ovs_key_nd, nd_target, nd_target, KC_COPY, true),
    KM(ovs_key_nd, nd_sll, arp_sha, KC_COPY, true),
    KM(ovs_key_nd, nd_tll, arp_tha, KC_COPY, true),
    { 0, 0, 0, 0, false }
};
#undef KM

static const struct key_member priority_members[] = {
    { 0, offsetof(struct flow, skb_priority), 4, KC_COPY, true },
    { 0, 0, 0, 0, false }
};
static const struct key_member mark_members[] = {
    { 0, offsetof(struct flow, pkt_mark), 4, KC_COPY, true },
    { 0, 0, 0, 0, false }
};

/* One settable header. */
struct set_key {
    uint16_t attr;                      /* OVS_KEY_ATTR_*. */
    const char *name;                   /* Text name, "eth", ... */
    size_t size;                        /* sizeof(struct ovs_key_*). */
    const struct key_member *members;
    const struct odp_field *fields;     /* For text, NULL for scalars. */
};

static const struct set_key set_keys[] = {
    { OVS_KEY_ATTR_PRIORITY, "skb_priority", 4, priority_members, NULL },
    { OVS_KEY_ATTR_SKB_MARK, "skb_mark", 4, mark_members, NULL },
    { OVS_KEY_ATTR_ETHERNET, "eth", sizeof(struct ovs_key_ethernet),
      eth_members, eth_fields },
    { OVS_KEY_ATTR_IPV4, "ipv4", sizeof(struct ovs_key_ipv4),
      ipv4_members, ipv4_fields },
    { OVS_KEY_ATTR_IPV6, "ipv6", sizeof(struct ovs_key_ipv6),
      ipv6_members, ipv6_fields },
    { OVS_KEY_ATTR_TCP, "tcp", sizeof(struct ovs_key_tcp),
      tcp_members, ports_fields },
    { OVS_KEY_ATTR_UDP, "udp", sizeof(struct ovs_key_udp),
      udp_members, ports_fields },
    { OVS_KEY_ATTR_SCTP, "sctp", sizeof(struct ovs_key_sctp),
      sctp_members, ports_fields },
    { OVS_KEY_ATTR_ICMP, "icmp", sizeof(struct ovs_key_icmp),
      icmp_members, icmp_fields },
    { OVS_KEY_ATTR_ICMPV6, "icmpv6", sizeof(struct ovs_key_icmpv6),
      icmpv6_members, icmp_fields },
    { OVS_KEY_ATTR_ARP, "arp", sizeof(struct ovs_key_arp),
      arp_members, arp_fields },
    { OVS_KEY_ATTR_ND, "nd", sizeof(struct ovs_key_nd),
      nd_members, nd_fields },
};

static const struct set_key *
set_key_by_attr(uint16_t attr)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(set_keys); i++) {
        if (set_keys[i].attr == attr) {
            return &set_keys[i];
        }
    }
    return NULL;
}

static const struct set_key *
set_key_by_name(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(set_keys); i++) {
        if (strlen(set_keys[i].name) == len
            && !strncmp(set_keys[i].name, name, len)) {
            return &set_keys[i];
        }
    }
    return NULL;
}

/* Converts between the flow's and the key's representation of one member.
 * 'is_mask' selects mask semantics for the conversions that widen or
 * narrow a value. */
static void
member_flow_to_key(const struct key_member *m, const struct flow *flow,
                   void *key, bool is_mask)
{
    const uint8_t *fp = (const uint8_t *) flow + m->flow_ofs;
    uint8_t *kp = (uint8_t *) key + m->key_ofs;

    switch ((enum key_conv) m->conv) {
    case KC_COPY:
        memcpy(kp, fp, m->size);
        break;
    case KC_U8_IN_BE16: {
        ovs_be16 v;

        memcpy(&v, fp, 2);
        *kp = ntohs(v) & 0xff;
        break;
    }
    case KC_BE16_IN_U8: {
        ovs_be16 v = htons(is_mask && *fp == 0xff ? 0xffff : *fp);

        memcpy(kp, &v, 2);
        break;
    }
    case KC_FRAG:
        if (is_mask) {
            *kp = *fp ? 0xff : 0;
        } else {
            *kp = (!(*fp & FLOW_NW_FRAG_ANY) ? OVS_FRAG_TYPE_NONE
                   : *fp & FLOW_NW_FRAG_LATER ? OVS_FRAG_TYPE_LATER
                   : OVS_FRAG_TYPE_FIRST);
        }
        break;
    }
}

static void
member_key_to_flow(const struct key_member *m, const void *key,
                   struct flow *flow, bool is_mask)
{
    uint8_t *fp = (uint8_t *) flow + m->flow_ofs;
    const uint8_t *kp = (const uint8_t *) key + m->key_ofs;

    switch ((enum key_conv) m->conv) {
    case KC_COPY:
        memcpy(fp, kp, m->size);
        break;
    case KC_U8_IN_BE16: {
        ovs_be16 v = htons(is_mask && *kp == 0xff ? 0xffff : *kp);

        memcpy(fp, &v, 2);
        break;
    }
    case KC_BE16_IN_U8: {
        ovs_be16 v;

        memcpy(&v, kp, 2);
        *fp = is_mask ? (v ? 0xff : 0) : ntohs(v);
        break;
    }
    case KC_FRAG:
        if (is_mask) {
            *fp = *kp ? FLOW_NW_FRAG_MASK : 0;
        } else {
            *fp = (*kp == OVS_FRAG_TYPE_NONE ? 0
                   : *kp == OVS_FRAG_TYPE_FIRST ? FLOW_NW_FRAG_ANY
                   : FLOW_NW_FRAG_ANY | FLOW_NW_FRAG_LATER);
        }
        break;
    }
}

/* Width in bytes of a member as stored in struct flow. */
static size_t
member_flow_size(const struct key_member *m)
{
    return (m->conv == KC_U8_IN_BE16 ? 2
            : m->conv == KC_BE16_IN_U8 || m->conv == KC_FRAG ? 1
            : m->size);
}

bool
odp_set_action_to_flow(const struct nlattr *nla, bool masked,
                       struct flow *value, struct flow_wildcards *mask)
{
    const struct set_key *sk = set_key_by_attr(nl_attr_type(nla));
    const struct key_member *m;
    const uint8_t *payload = nl_attr_get(nla);

    memset(value, 0, sizeof *value);
    flow_wildcards_init_catchall(mask);
    if (!sk || nl_attr_get_size(nla) != (masked ? 2 : 1) * sk->size) {
        return false;
    }
    for (m = sk->members; m->size; m++) {
        member_key_to_flow(m, payload, value, false);
        if (masked) {
            member_key_to_flow(m, payload + sk->size, &mask->masks, true);
        } else {
            memset((uint8_t *) &mask->masks + m->flow_ofs, 0xff,
                   member_flow_size(m));
        }
    }
    /* A set never changes what is not writable. */
    for (m = sk->members; m->size; m++) {
        if (!m->writable) {
            memset((uint8_t *) &mask->masks + m->flow_ofs, 0,
                   member_flow_size(m));
            memset((uint8_t *) value + m->flow_ofs, 0, member_flow_size(m));
        }
    }
    return true;
}

/* Appends a SET_MASKED action for 'sk' with 'value' under 'mask'. */
static void
put_set_masked(struct ofpbuf *actions, const struct set_key *sk,
               const struct flow *value, const struct flow *mask)
{
    size_t ofs = nl_msg_start_nested(actions, OVS_ACTION_ATTR_SET_MASKED);
    uint8_t *key = nl_msg_put_unspec_zero(actions, sk->attr, 2 * sk->size);
    const struct key_member *m;

    for (m = sk->members; m->size; m++) {
        member_flow_to_key(m, value, key, false);
        member_flow_to_key(m, mask, key + sk->size, true);
    }
    /* Keep only the value bits that the mask selects. */
    for (size_t i = 0; i < sk->size; i++) {
        key[i] &= key[sk->size + i];
    }
    nl_msg_end_nested(actions, ofs);
}

/* ----- Formatting actions -------------------------------------------- */

static void
format_set_action(struct ds *s, const struct nlattr *nla, bool masked)
{
    const struct nlattr *key = nl_attr_get(nla);
    size_t key_len = nl_attr_get_size(nla);
    const struct set_key *sk;
    struct flow_wildcards mask;
    struct flow value;

    if (!nl_attr_is_valid(key, key_len)
        || !odp_set_action_to_flow(key, masked, &value, &mask)) {
        ds_put_cstr(s, "set(<invalid>)");
        return;
    }
    sk = set_key_by_attr(nl_attr_type(key));
    ds_put_cstr(s, "set(");
    if (!sk->fields) {
        const uint32_t *vp = (const uint32_t *) ((const uint8_t *) &value
                                                 + sk->members->flow_ofs);
        const uint32_t *mp = (const uint32_t *) ((const uint8_t *)
                                                 &mask.masks
                                                 + sk->members->flow_ofs);

        ds_put_format(s, "%s(%#"PRIx32, sk->name, *vp);
        if (*mp != UINT32_MAX) {
            ds_put_format(s, "/%#"PRIx32, *mp);
        }
        ds_put_char(s, ')');
    } else {
        size_t start = s->length;

        format_key(s, sk->name, sk->fields, &value, &mask.masks);
        if (s->length == start) {
            ds_put_format(s, "%s()", sk->name);
        } else {
            ds_chomp(s, ',');
        }
    }
    ds_put_char(s, ')');
}

static void
format_push_vlan(struct ds *s, const struct nlattr *nla)
{
    const struct ovs_action_push_vlan *pv = nl_attr_get(nla);
    ovs_be16 tci = pv->vlan_tci;

    ds_put_cstr(s, "push_vlan(");
    if (pv->vlan_tpid != htons(ETH_TYPE_VLAN)) {
        ds_put_format(s, "tpid=0x%04"PRIx16",", ntohs(pv->vlan_tpid));
    }
    ds_put_format(s, "vid=%"PRIu16",pcp=%d", vlan_tci_to_vid(tci),
                  vlan_tci_to_pcp(tci));
    if (!(tci & htons(VLAN_CFI))) {
        ds_put_cstr(s, ",cfi=0");
    }
    ds_put_char(s, ')');
}

static void
format_userspace(struct ds *s, const struct nlattr *nla)
{
    const struct nlattr *a;
    size_t left;

    ds_put_cstr(s, "userspace(");
    NL_NESTED_FOR_EACH (a, left, nla) {
        switch (nl_attr_type(a)) {
        case OVS_USERSPACE_ATTR_PID:
            ds_put_format(s, "pid=%"PRIu32",", nl_attr_get_u32(a));
            break;
        case OVS_USERSPACE_ATTR_USERDATA:
            ds_put_cstr(s, "userdata(");
            for (size_t i = 0; i < nl_attr_get_size(a); i++) {
                ds_put_format(s, "%02x",
                              ((const uint8_t *) nl_attr_get(a))[i]);
            }
            ds_put_cstr(s, "),");
            break;
        default:
            break;
        }
    }
    ds_chomp(s, ',');
    ds_put_char(s, ')');
}

/* ----- The ct action ------------------------------------------------- */

/* Payload sizes of the OVS_CT_ATTR_* attributes this datapath knows, -1
 * for those it cannot execute. */
static int
ct_attr_size(uint16_t type)
{
    switch (type) {
    case OVS_CT_ATTR_COMMIT:
    case OVS_CT_ATTR_FORCE_COMMIT:
        return 0;
    case OVS_CT_ATTR_ZONE:
        return sizeof(uint16_t);
    case OVS_CT_ATTR_MARK:
        return 2 * sizeof(uint32_t);
    case OVS_CT_ATTR_LABELS:
        return 2 * sizeof(struct ovs_key_ct_labels);
    default:
        return -1;
    }
}

int
odp_ct_action_parse(const struct nlattr *action, struct odp_ct_action *ctp)
{
    struct odp_ct_action ct;
    const struct nlattr *a;
    size_t left;

    memset(&ct, 0, sizeof ct);
    NL_NESTED_FOR_EACH (a, left, action) {
        uint16_t type = nl_attr_type(a);
        int size = ct_attr_size(type);

        if (size < 0) {
            /* NAT, helpers, timeouts, event masks: known to the kernel
             * module, not to this datapath. */
            return type <= OVS_CT_ATTR_MAX ? EOPNOTSUPP : EINVAL;
        } else if (nl_attr_get_size(a) != (size_t) size) {
            return EINVAL;
        }
        switch (type) {
        case OVS_CT_ATTR_FORCE_COMMIT:
            ct.force = true;
            /* fall through */
        case OVS_CT_ATTR_COMMIT:
            ct.commit = true;
            break;
        case OVS_CT_ATTR_ZONE:
            ct.zone = nl_attr_get_u16(a);
            break;
        case OVS_CT_ATTR_MARK:
            memcpy(ct.mark, nl_attr_get(a), sizeof ct.mark);
            ct.has_mark = true;
            break;
        case OVS_CT_ATTR_LABELS:
            memcpy(ct.label, nl_attr_get(a), sizeof ct.label);
            ct.has_label = true;
            break;
        }
    }
    if (left) {
        return EINVAL;
    }
    if (ctp) {
        *ctp = ct;
    }
    return 0;
}

/* Prints a ct action the way Open vSwitch does: "ct" alone when it has
 * nothing to say, otherwise the flags, a nonzero zone, and the mark and
 * label writes whose masks are not empty ("mark=V/M" always with its
 * mask, "label=V" without it when the mask is all-ones). */
static void
format_ct_action(struct ds *s, const struct nlattr *action)
{
    struct odp_ct_action ct;
    size_t start;

    if (odp_ct_action_parse(action, &ct)) {
        ds_put_cstr(s, "ct(<unsupported or malformed>)");
        return;
    }
    ds_put_cstr(s, "ct(");
    start = s->length;
    if (ct.commit) {
        ds_put_cstr(s, ct.force ? "force_commit," : "commit,");
    }
    if (ct.zone) {
        ds_put_format(s, "zone=%"PRIu16",", ct.zone);
    }
    if (ct.has_mark && ct.mark[1]) {
        ds_put_format(s, "mark=%#"PRIx32"/%#"PRIx32",",
                      ct.mark[0], ct.mark[1]);
    }
    if (ct.has_label && !ovs_u128_is_zero(ct.label[1])) {
        ovs_be128 v = hton128(ct.label[0]);

        ds_put_cstr(s, "label=");
        ds_put_hex(s, &v, sizeof v);
        if (!ovs_u128_is_ones(ct.label[1])) {
            ovs_be128 m = hton128(ct.label[1]);

            ds_put_char(s, '/');
            ds_put_hex(s, &m, sizeof m);
        }
        ds_put_char(s, ',');
    }
    if (s->length == start) {
        ds_truncate(s, start - 1);          /* Just "ct". */
    } else {
        ds_chomp(s, ',');
        ds_put_char(s, ')');
    }
}

/* Expected payload size of each action type, -1 for variable (nested),
 * -2 for unknown. */
static int
action_size(uint16_t type)
{
    switch ((enum ovs_action_attr) type) {
    case OVS_ACTION_ATTR_OUTPUT: return sizeof(uint32_t);
    case OVS_ACTION_ATTR_RECIRC: return sizeof(uint32_t);
    case OVS_ACTION_ATTR_PUSH_VLAN:
        return sizeof(struct ovs_action_push_vlan);
    case OVS_ACTION_ATTR_POP_VLAN: return 0;
    case OVS_ACTION_ATTR_CT_CLEAR: return 0;
    case OVS_ACTION_ATTR_SET:
    case OVS_ACTION_ATTR_SET_MASKED:
    case OVS_ACTION_ATTR_CLONE:
    case OVS_ACTION_ATTR_USERSPACE:
    case OVS_ACTION_ATTR_CT:
        return -1;
    default:
        return -2;
    }
}

void
format_odp_actions(struct ds *s, const struct nlattr *actions, size_t len)
{
    const struct nlattr *a;
    size_t left;

    if (!len) {
        ds_put_cstr(s, "drop");
        return;
    }
    NL_ATTR_FOR_EACH (a, left, actions, len) {
        uint16_t type = nl_attr_type(a);
        int expected = action_size(type);

        if (expected >= 0 && nl_attr_get_size(a) != (size_t) expected) {
            ds_put_format(s, "action%"PRIu16"(bad length %zu),",
                          type, nl_attr_get_size(a));
            continue;
        }
        switch ((enum ovs_action_attr) type) {
        case OVS_ACTION_ATTR_OUTPUT:
            ds_put_format(s, "%"PRIu32, nl_attr_get_u32(a));
            break;
        case OVS_ACTION_ATTR_RECIRC:
            ds_put_format(s, "recirc(%#"PRIx32")", nl_attr_get_u32(a));
            break;
        case OVS_ACTION_ATTR_PUSH_VLAN:
            format_push_vlan(s, a);
            break;
        case OVS_ACTION_ATTR_POP_VLAN:
            ds_put_cstr(s, "pop_vlan");
            break;
        case OVS_ACTION_ATTR_SET:
            format_set_action(s, a, false);
            break;
        case OVS_ACTION_ATTR_SET_MASKED:
            format_set_action(s, a, true);
            break;
        case OVS_ACTION_ATTR_CLONE:
            ds_put_cstr(s, "clone(");
            format_odp_actions(s, nl_attr_get(a), nl_attr_get_size(a));
            ds_put_char(s, ')');
            break;
        case OVS_ACTION_ATTR_USERSPACE:
            format_userspace(s, a);
            break;
        case OVS_ACTION_ATTR_CT:
            format_ct_action(s, a);
            break;
        case OVS_ACTION_ATTR_CT_CLEAR:
            ds_put_cstr(s, "ct_clear");
            break;
        default:
            ds_put_format(s, "action%"PRIu16, type);
            break;
        }
        ds_put_char(s, ',');
    }
    if (left) {
        ds_put_format(s, "<%zu invalid bytes>,", left);
    }
    ds_chomp(s, ',');
}

int
odp_actions_validate(const struct nlattr *actions, size_t len)
{
    const struct nlattr *a;
    size_t left;

    NL_ATTR_FOR_EACH (a, left, actions, len) {
        uint16_t type = nl_attr_type(a);
        int expected = action_size(type);
        int error;

        if (expected == -2) {
            return EINVAL;
        } else if (expected >= 0 && nl_attr_get_size(a) != (size_t) expected) {
            return EINVAL;
        }
        switch ((enum ovs_action_attr) type) {
        case OVS_ACTION_ATTR_SET:
        case OVS_ACTION_ATTR_SET_MASKED: {
            const struct nlattr *key = nl_attr_get(a);
            struct flow_wildcards mask;
            struct flow value;

            if (!nl_attr_is_valid(key, nl_attr_get_size(a))
                || NLA_ALIGN(key->nla_len) < nl_attr_get_size(a)
                || !odp_set_action_to_flow(
                       key, type == OVS_ACTION_ATTR_SET_MASKED,
                       &value, &mask)) {
                return EINVAL;
            }
            break;
        }
        case OVS_ACTION_ATTR_CLONE:
            error = odp_actions_validate(nl_attr_get(a), nl_attr_get_size(a));
            if (error) {
                return error;
            }
            break;
        case OVS_ACTION_ATTR_USERSPACE:
            if (!nl_attrs_validate(nl_attr_get(a), nl_attr_get_size(a))) {
                return EINVAL;
            }
            break;
        case OVS_ACTION_ATTR_CT:
            error = odp_ct_action_parse(a, NULL);
            if (error) {
                return error;
            }
            break;
        default:
            break;
        }
    }
    return left ? EINVAL : 0;
}

/* ----- Parsing actions ----------------------------------------------- */

static char *parse_actions(const char *s, size_t len, struct ofpbuf *);

/* Parses "name=value,..." for push_vlan. */
static char *
parse_push_vlan(const char *arg, size_t len, struct ofpbuf *actions)
{
    struct ovs_action_push_vlan pv;
    uint64_t tpid = ETH_TYPE_VLAN, vid = 0, pcp = 0, cfi = 1;
    const char *end = arg + len;

    while (arg < end) {
        const char *comma = memchr(arg, ',', end - arg);
        const char *item_end = comma ? comma : end;
        const char *eq = memchr(arg, '=', item_end - arg);
        size_t name_len = eq ? (size_t) (eq - arg) : 0;
        uint64_t *dst, max;
        char *error;

        if (name_len == 4 && !strncmp(arg, "tpid", 4)) {
            dst = &tpid;
            max = UINT16_MAX;
        } else if (name_len == 3 && !strncmp(arg, "vid", 3)) {
            dst = &vid;
            max = VLAN_VID_MASK;
        } else if (name_len == 3 && !strncmp(arg, "pcp", 3)) {
            dst = &pcp;
            max = 7;
        } else if (name_len == 3 && !strncmp(arg, "cfi", 3)) {
            dst = &cfi;
            max = 1;
        } else {
            return xasprintf("push_vlan: unknown field `%.*s'",
                             (int) (item_end - arg), arg);
        }
        error = parse_uint(eq + 1, item_end - eq - 1, max, dst);
        if (error) {
            char *e = xasprintf("push_vlan(%.*s): %s", (int) name_len, arg,
                                error);
            free(error);
            return e;
        }
        arg = comma ? comma + 1 : end;
    }
    pv.vlan_tpid = htons(tpid);
    pv.vlan_tci = htons(vid | pcp << VLAN_PCP_SHIFT | (cfi ? VLAN_CFI : 0));
    nl_msg_put_unspec(actions, OVS_ACTION_ATTR_PUSH_VLAN, &pv, sizeof pv);
    return NULL;
}

/* Parses the "KEY(...)" inside "set(...)". */
static char *
parse_set(const char *arg, size_t len, struct ofpbuf *actions)
{
    size_t name_len = strspn(arg, "abcdefghijklmnopqrstuvwxyz0123456789_");
    const struct set_key *sk;
    struct flow value, mask;
    int alen;

    if (name_len >= len || arg[name_len] != '(') {
        return xasprintf("set(%.*s): expected set(key(...))", (int) len, arg);
    }
    sk = set_key_by_name(arg, name_len);
    if (!sk) {
        return xasprintf("set(%.*s): unknown or unsettable key `%.*s'",
                         (int) len, arg, (int) name_len, arg);
    }
    alen = arg_len(arg + name_len + 1);
    if (alen < 0 || name_len + 1 + alen + 1 != len) {
        return xasprintf("set(%.*s): missing `)'", (int) len, arg);
    }
    arg += name_len + 1;
    memset(&value, 0, sizeof value);
    memset(&mask, 0, sizeof mask);
    if (!sk->fields) {
        uint64_t v, m;
        char *error = parse_uint_masked(arg, alen, UINT32_MAX, &v, &m);

        if (error) {
            char *e = xasprintf("set(%s): %s", sk->name, error);
            free(error);
            return e;
        }
        *(uint32_t *) ((uint8_t *) &value + sk->members->flow_ofs) = v & m;
        *(uint32_t *) ((uint8_t *) &mask + sk->members->flow_ofs) = m;
    } else {
        struct odp_parser p = { arg, &value, &mask };
        const struct odp_key *key = NULL;
        const struct key_member *m;
        size_t i;
        char *error;

        for (i = 0; i < ARRAY_SIZE(keys); i++) {
            if (!strcmp(keys[i].name, sk->name)) {
                key = &keys[i];
            }
        }
        error = parse_named_fields(&p, key, arg, alen);
        if (error) {
            return error;
        }
        for (m = sk->members; m->size; m++) {
            if (!m->writable
                && !is_all_zeros((uint8_t *) &mask + m->flow_ofs,
                                 member_flow_size(m))) {
                return xasprintf("set(%s): a field of %s is not writable",
                                 sk->name, sk->name);
            }
        }
    }
    put_set_masked(actions, sk, &value, &mask);
    return NULL;
}

static char *
parse_userspace(const char *arg, size_t len, struct ofpbuf *actions)
{
    size_t ofs = nl_msg_start_nested(actions, OVS_ACTION_ATTR_USERSPACE);
    const char *end = arg + len;
    uint64_t pid = 0;
    char *error;

    if (len < 4 || strncmp(arg, "pid=", 4)) {
        return xasprintf("userspace(%.*s): expected pid=N", (int) len, arg);
    }
    arg += 4;
    size_t plen = strcspn(arg, ",)");
    if (arg + plen > end) {
        plen = end - arg;
    }
    error = parse_uint(arg, plen, UINT32_MAX, &pid);
    if (error) {
        return error;
    }
    nl_msg_put_u32(actions, OVS_USERSPACE_ATTR_PID, pid);
    arg += plen;
    if (arg < end) {
        static const char ud[] = ",userdata(";
        struct ofpbuf hex;
        size_t n;

        if ((size_t) (end - arg) < sizeof ud || strncmp(arg, ud,
                                                        sizeof ud - 1)
            || end[-1] != ')') {
            return xasprintf("userspace: `%.*s': expected ,userdata(HEX)",
                             (int) (end - arg), arg);
        }
        char *text = xmemdup0(arg + sizeof ud - 1,
                              end - 1 - (arg + sizeof ud - 1));
        ofpbuf_init(&hex, 16);
        if (*ofpbuf_put_hex(&hex, text, &n)) {
            error = xasprintf("userspace: bad userdata `%s'", text);
            free(text);
            ofpbuf_uninit(&hex);
            return error;
        }
        free(text);
        nl_msg_put_unspec(actions, OVS_USERSPACE_ATTR_USERDATA, hex.data,
                          hex.size);
        ofpbuf_uninit(&hex);
    }
    nl_msg_end_nested(actions, ofs);
    return NULL;
}

/* Parses the inside of "ct(...)": "commit", "force_commit", "zone=N",
 * "mark=V[/M]", "label=V[/M]". */
static char *
parse_ct_action(const char *arg, size_t len, struct ofpbuf *actions)
{
    size_t ofs = nl_msg_start_nested(actions, OVS_ACTION_ATTR_CT);
    const char *end = arg + len;
    bool commit = false, force = false;

    while (arg < end) {
        const char *comma = memchr(arg, ',', end - arg);
        const char *item_end = comma ? comma : end;
        size_t name_len = strspn(arg, "abcdefghijklmnopqrstuvwxyz_");
        const char *eq = arg + name_len;
        const char *val = (eq < item_end && *eq == '=') ? eq + 1 : NULL;
        size_t val_len = val ? item_end - val : 0;
        char *error = NULL;

        if (name_len > (size_t) (item_end - arg)) {
            name_len = item_end - arg;
        }

#define NAME_IS(NAME) (name_len == strlen(NAME) && !strncmp(arg, NAME, \
                                                            name_len))
        if (NAME_IS("commit") && !val) {
            commit = true;
        } else if (NAME_IS("force_commit") && !val) {
            force = true;
        } else if (NAME_IS("zone") && val) {
            uint64_t zone;

            error = parse_uint(val, val_len, UINT16_MAX, &zone);
            if (!error) {
                nl_msg_put_u16(actions, OVS_CT_ATTR_ZONE, zone);
            }
        } else if (NAME_IS("mark") && val) {
            uint64_t v, m;

            error = parse_uint_masked(val, val_len, UINT32_MAX, &v, &m);
            if (!error) {
                uint32_t pair[2] = { v & m, m };

                nl_msg_put_unspec(actions, OVS_CT_ATTR_MARK, pair,
                                  sizeof pair);
            }
        } else if (NAME_IS("label") && val) {
            union mf_value value, mask;
            char *text = xmemdup0(val, val_len);

            error = mf_parse(mf_from_id(MFF_CT_LABEL), text, NULL, &value,
                             &mask);
            free(text);
            if (!error) {
                ovs_u128 pair[2];

                pair[0] = ntoh128(value.be128);
                pair[1] = ntoh128(mask.be128);
                pair[0].u64.hi &= pair[1].u64.hi;
                pair[0].u64.lo &= pair[1].u64.lo;
                nl_msg_put_unspec(actions, OVS_CT_ATTR_LABELS, pair,
                                  sizeof pair);
            }
        } else if (NAME_IS("nat") || NAME_IS("helper")
                   || NAME_IS("timeout") || NAME_IS("eventmask")) {
            return xasprintf("ct: %.*s is not supported by this datapath",
                             (int) name_len, arg);
        } else {
            return xasprintf("ct: unknown or malformed argument `%.*s'",
                             (int) (item_end - arg), arg);
        }
#undef NAME_IS
        if (error) {
            char *e = xasprintf("ct(%.*s): %s", (int) name_len, arg, error);
            free(error);
            return e;
        }
        arg = comma ? comma + 1 : end;
    }
    if (force) {
        nl_msg_put_flag(actions, OVS_CT_ATTR_FORCE_COMMIT);
    } else if (commit) {
        nl_msg_put_flag(actions, OVS_CT_ATTR_COMMIT);
    }
    nl_msg_end_nested(actions, ofs);
    return NULL;
}

/* Parses one action, 'len' bytes at 's'. */
static char *
parse_action(const char *s, size_t len, struct ofpbuf *actions)
{
    size_t name_len = strspn(s, "abcdefghijklmnopqrstuvwxyz_");
    const char *arg = s + name_len + 1;
    size_t alen = len - name_len - 2;
    uint64_t port;

    if (len && isdigit((unsigned char) *s)) {
        char *error = parse_uint(s, len, UINT32_MAX, &port);
        if (!error) {
            nl_msg_put_u32(actions, OVS_ACTION_ATTR_OUTPUT, port);
        }
        return error;
    }
#define IS(NAME) (name_len == strlen(NAME) && !strncmp(s, NAME, name_len))
    if (IS("pop_vlan") && len == name_len) {
        nl_msg_put_flag(actions, OVS_ACTION_ATTR_POP_VLAN);
        return NULL;
    }
    if (IS("ct_clear") && len == name_len) {
        nl_msg_put_flag(actions, OVS_ACTION_ATTR_CT_CLEAR);
        return NULL;
    }
    if (IS("ct") && len == name_len) {
        nl_msg_put_flag(actions, OVS_ACTION_ATTR_CT);
        return NULL;
    }
    if (name_len >= len || s[name_len] != '(' || s[len - 1] != ')') {
        return xasprintf("%.*s: unknown action", (int) len, s);
    }
    if (IS("push_vlan")) {
        return parse_push_vlan(arg, alen, actions);
    } else if (IS("set")) {
        return parse_set(arg, alen, actions);
    } else if (IS("recirc")) {
        uint64_t id;
        char *error = parse_uint(arg, alen, UINT32_MAX, &id);
        if (!error) {
            nl_msg_put_u32(actions, OVS_ACTION_ATTR_RECIRC, id);
        }
        return error;
    } else if (IS("clone")) {
        size_t ofs = nl_msg_start_nested(actions, OVS_ACTION_ATTR_CLONE);
        char *error = parse_actions(arg, alen, actions);

        nl_msg_end_nested(actions, ofs);
        return error;
    } else if (IS("userspace")) {
        return parse_userspace(arg, alen, actions);
    } else if (IS("ct")) {
        return parse_ct_action(arg, alen, actions);
    }
#undef IS
    return xasprintf("%.*s: unknown action", (int) len, s);
}

static char *
parse_actions(const char *s, size_t len, struct ofpbuf *actions)
{
    const char *end = s + len;

    if (len == 4 && !strncmp(s, "drop", 4)) {
        return NULL;
    }
    while (s < end) {
        const char *p;
        int depth = 0;
        char *error;

        for (p = s; p < end; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')') {
                if (--depth < 0) {
                    return xasprintf("%.*s: unbalanced `)'",
                                     (int) (end - s), s);
                }
            } else if (*p == ',' && !depth) {
                break;
            }
        }
        if (depth) {
            return xasprintf("%.*s: missing `)'", (int) (end - s), s);
        }
        const char *item = s, *item_end = p;

        while (item < item_end && isspace((unsigned char) *item)) {
            item++;
        }
        while (item_end > item && isspace((unsigned char) item_end[-1])) {
            item_end--;
        }
        if (item == item_end) {
            return xstrdup("empty action");
        }
        error = parse_action(item, item_end - item, actions);
        if (error) {
            return error;
        }
        s = p < end ? p + 1 : end;
    }
    return NULL;
}

char *
odp_actions_from_string(const char *s, struct ofpbuf *actions)
{
    size_t len;

    s += strspn(s, " \t\n");
    len = strlen(s);
    while (len && isspace((unsigned char) s[len - 1])) {
        len--;
    }
    if (!len) {
        return xstrdup("empty action list (use \"drop\")");
    }
    return parse_actions(s, len, actions);
}

/* ----- Committing changes -------------------------------------------- */

/* Emits a masked set of 'sk' for the writable members that differ between
 * 'flow' and 'base', as the description of commit_odp_actions() says. */
static void
commit_set_key(const struct set_key *sk, const struct flow *flow,
               struct flow *base, struct ofpbuf *actions,
               struct flow_wildcards *wc)
{
    const struct key_member *m;
    struct flow mask;
    bool differ = false;

    memset(&mask, 0, sizeof mask);
    for (m = sk->members; m->size; m++) {
        size_t ofs = m->flow_ofs, n = member_flow_size(m);
        const uint8_t *fp = (const uint8_t *) flow + ofs;
        uint8_t *bp = (uint8_t *) base + ofs;
        uint8_t *mp = (uint8_t *) &mask + ofs;
        const uint8_t *wp = wc ? (const uint8_t *) &wc->masks + ofs : NULL;
        bool covered = wp != NULL;
        size_t i;

        if (!m->writable || !memcmp(fp, bp, n)) {
            continue;
        }
        differ = true;
        for (i = 0; i < n && covered; i++) {
            if ((fp[i] ^ bp[i]) & ~wp[i]) {
                covered = false;
            }
        }
        if (covered) {
            memcpy(mp, wp, n);
        } else {
            memset(mp, 0xff, n);
        }
        if (m->conv == KC_U8_IN_BE16) {
            /* Only the low byte exists in the key. */
            mp[0] = 0;
        }
    }
    if (!differ) {
        return;
    }
    put_set_masked(actions, sk, flow, &mask);
    for (m = sk->members; m->size; m++) {
        size_t ofs = m->flow_ofs, n = member_flow_size(m);
        uint8_t *mp = (uint8_t *) &mask + ofs;
        uint8_t *bp = (uint8_t *) base + ofs;
        const uint8_t *fp = (const uint8_t *) flow + ofs;
        size_t i;

        for (i = 0; i < n; i++) {
            bp[i] = (bp[i] & ~mp[i]) | (fp[i] & mp[i]);
            if (wc) {
                ((uint8_t *) &wc->masks)[ofs + i] |= mp[i];
            }
        }
    }
}

static void
commit_vlan(const struct flow *flow, struct flow *base,
            struct ofpbuf *actions, struct flow_wildcards *wc)
{
    if (base->vlan_tci == flow->vlan_tci) {
        return;
    }
    if (wc) {
        wc->masks.vlan_tci = OVS_BE16_MAX;
    }
    if (base->vlan_tci & htons(VLAN_CFI)) {
        nl_msg_put_flag(actions, OVS_ACTION_ATTR_POP_VLAN);
    }
    if (flow->vlan_tci & htons(VLAN_CFI)) {
        struct ovs_action_push_vlan pv;

        pv.vlan_tpid = htons(ETH_TYPE_VLAN);
        pv.vlan_tci = flow->vlan_tci;
        nl_msg_put_unspec(actions, OVS_ACTION_ATTR_PUSH_VLAN, &pv,
                          sizeof pv);
    }
    base->vlan_tci = flow->vlan_tci;
}

/* The network-layer header, if 'base' has one that may be rewritten. */
static void
commit_l3(const struct flow *flow, struct flow *base, struct ofpbuf *actions,
          struct flow_wildcards *wc)
{
    if (base->dl_type != flow->dl_type) {
        return;
    }
    if (base->dl_type == htons(ETH_TYPE_IP) && base->nw_proto) {
        commit_set_key(set_key_by_attr(OVS_KEY_ATTR_IPV4), flow, base,
                       actions, wc);
    } else if (base->dl_type == htons(ETH_TYPE_IPV6) && base->nw_proto) {
        commit_set_key(set_key_by_attr(OVS_KEY_ATTR_IPV6), flow, base,
                       actions, wc);
    } else if (base->dl_type == htons(ETH_TYPE_ARP)
               || base->dl_type == htons(ETH_TYPE_RARP)) {
        commit_set_key(set_key_by_attr(OVS_KEY_ATTR_ARP), flow, base,
                       actions, wc);
    }
}

/* The transport header (or ICMP type and code, or ND fields). */
static void
commit_l4(const struct flow *flow, struct flow *base, struct ofpbuf *actions,
          struct flow_wildcards *wc)
{
    uint16_t attr;

    if (!is_ip_any(base) || base->dl_type != flow->dl_type
        || base->nw_proto != flow->nw_proto
        || base->nw_frag & FLOW_NW_FRAG_LATER) {
        return;
    }
    switch (base->nw_proto) {
    case IPPROTO_TCP:
        attr = OVS_KEY_ATTR_TCP;
        break;
    case IPPROTO_UDP:
        attr = OVS_KEY_ATTR_UDP;
        break;
    case IPPROTO_SCTP:
        attr = OVS_KEY_ATTR_SCTP;
        break;
    case IPPROTO_ICMP:
        attr = OVS_KEY_ATTR_ICMP;
        break;
    case IPPROTO_ICMPV6:
        if (is_nd(base)) {
            commit_set_key(set_key_by_attr(OVS_KEY_ATTR_ND), flow, base,
                           actions, wc);
        }
        attr = OVS_KEY_ATTR_ICMPV6;
        break;
    default:
        return;
    }
    if (base->dl_type == htons(ETH_TYPE_IPV6)
        ? attr != OVS_KEY_ATTR_ICMP : attr != OVS_KEY_ATTR_ICMPV6) {
        commit_set_key(set_key_by_attr(attr), flow, base, actions, wc);
    }
}

void
commit_odp_actions(const struct flow *flow, struct flow *base,
                   struct ofpbuf *actions, struct flow_wildcards *wc)
{
    commit_set_key(set_key_by_attr(OVS_KEY_ATTR_ETHERNET), flow, base,
                   actions, wc);
    commit_l3(flow, base, actions, wc);
    commit_l4(flow, base, actions, wc);
    commit_vlan(flow, base, actions, wc);
    commit_set_key(set_key_by_attr(OVS_KEY_ATTR_PRIORITY), flow, base,
                   actions, wc);
    commit_set_key(set_key_by_attr(OVS_KEY_ATTR_SKB_MARK), flow, base,
                   actions, wc);
}
