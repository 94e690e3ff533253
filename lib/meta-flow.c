/* Meta-flow: generic access to the fields of flows and matches.
 *
 * The field catalogue comes from meta-flow.def.  Code elsewhere names a
 * field by "struct mf_field" and never needs to know where the field lives
 * in "struct flow": this file is the one place that maps each field to its
 * storage (some fields share storage, e.g. arp_sha and nd_sll, or are a
 * slice of another, e.g. dl_vlan of vlan_tci), converts values between
 * their wire form ("union mf_value", network byte order, field-sized) and
 * the flow, and parses and prints values as ovs-ofctl writes them. */

#include <config.h>
#include "meta-flow.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "match.h"
#include "ofp-port.h"
#include "openflow/openflow-common.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

const struct mf_field mf_fields[MFF_N_IDS] = {
#define MF_FIELD(ID, NAME, ALIAS, BYTES, BITS, MASK, STR, PREREQ, WR,    \
                 NXM_NAME, NXM_CLASS, NXM_FIELD,                        \
                 OXM_NAME, OXM_CLASS, OXM_FIELD, OXM_VERSION,           \
                 EXP_NAME, EXP_VENDOR, EXP_FIELD, EXP_VERSION,          \
                 OF10, OF11)                                            \
    [MFF_##ID] = {                                                      \
        .id = MFF_##ID, .name = NAME, .extra_name = ALIAS,              \
        .n_bytes = BYTES, .n_bits = BITS, .maskable = MASK,             \
        .string = STR, .prereqs = PREREQ, .writable = WR,               \
        .of10 = OF10, .of11 = OF11,                                     \
        .nxm_name = NXM_NAME[0] ? NXM_NAME : NULL,                      \
        .oxm_name = OXM_NAME[0] ? OXM_NAME : NULL,                      \
    },
#include "meta-flow.def"
#undef MF_FIELD
};

/* Looks up a field by its name or alias, 'len' bytes of 'name'. */
const struct mf_field *
mf_from_name_len(const char *name, size_t len)
{
    int i;

    for (i = 0; i < MFF_N_IDS; i++) {
        const struct mf_field *mf = &mf_fields[i];

        if ((strlen(mf->name) == len && !strncmp(mf->name, name, len))
            || (mf->extra_name && strlen(mf->extra_name) == len
                && !strncmp(mf->extra_name, name, len))) {
            return mf;
        }
    }
    return NULL;
}

const struct mf_field *
mf_from_name(const char *name)
{
    return mf_from_name_len(name, strlen(name));
}

/* ----- Prerequisites ------------------------------------------------- */

/* Whether 'flow' (with 'wc' recording what was consulted, if nonnull)
 * meets prerequisite 'p'. */
static bool
prereqs_ok(enum mf_prereqs p, const struct flow *flow,
           struct flow_wildcards *wc)
{
#define CHECK(MEMBER) (wc ? (void) memset(&wc->masks.MEMBER, 0xff,      \
                                          sizeof wc->masks.MEMBER)     \
                          : (void) 0)
    switch (p) {
    case MFP_NONE:
        return true;
    case MFP_ARP:
        CHECK(dl_type);
        return (flow->dl_type == htons(ETH_TYPE_ARP)
                || flow->dl_type == htons(ETH_TYPE_RARP));
    case MFP_VLAN_VID:
        if (wc) {
            wc->masks.vlan_tci |= htons(VLAN_CFI);
        }
        return (flow->vlan_tci & htons(VLAN_CFI)) != 0;
    case MFP_IPV4:
        CHECK(dl_type);
        return flow->dl_type == htons(ETH_TYPE_IP);
    case MFP_IPV6:
        CHECK(dl_type);
        return flow->dl_type == htons(ETH_TYPE_IPV6);
    case MFP_IP_ANY:
        CHECK(dl_type);
        return is_ip_any(flow);
    case MFP_TCP:
    case MFP_UDP:
    case MFP_SCTP:
        CHECK(dl_type);
        if (!is_ip_any(flow)) {
            return false;
        }
        CHECK(nw_proto);
        return flow->nw_proto == (p == MFP_TCP ? IPPROTO_TCP
                                  : p == MFP_UDP ? IPPROTO_UDP
                                  : IPPROTO_SCTP);
    case MFP_ICMPV4:
        CHECK(dl_type);
        if (flow->dl_type != htons(ETH_TYPE_IP)) {
            return false;
        }
        CHECK(nw_proto);
        return flow->nw_proto == IPPROTO_ICMP;
    case MFP_ICMPV6:
        CHECK(dl_type);
        if (flow->dl_type != htons(ETH_TYPE_IPV6)) {
            return false;
        }
        CHECK(nw_proto);
        return flow->nw_proto == IPPROTO_ICMPV6;
    case MFP_ND:
    case MFP_ND_SOLICIT:
    case MFP_ND_ADVERT:
        if (!prereqs_ok(MFP_ICMPV6, flow, wc)) {
            return false;
        }
        /* ICMPv6 type and code are the low bytes of tp_src/tp_dst. */
        if (wc) {
            wc->masks.tp_src |= htons(0xff);
            wc->masks.tp_dst |= htons(0xff);
        }
        if (flow->tp_dst != htons(0)) {
            return false;
        }
        return ((p != MFP_ND_ADVERT
                 && flow->tp_src == htons(ND_NEIGHBOR_SOLICIT))
                || (p != MFP_ND_SOLICIT
                    && flow->tp_src == htons(ND_NEIGHBOR_ADVERT)));
    }
#undef CHECK
    return false;
}

/* True if 'flow' meets the prerequisites of 'mf'.  If 'wc' is nonnull,
 * the fields that the decision looked at are added to it. */
bool
mf_are_prereqs_ok(const struct mf_field *mf, const struct flow *flow,
                  struct flow_wildcards *wc)
{
    return prereqs_ok(mf->prereqs, flow, wc);
}

/* True if every packet that 'match' matches meets the prerequisites of
 * 'mf': the fields the prerequisite looks at must be matched exactly. */
bool
mf_are_match_prereqs_ok(const struct mf_field *mf, const struct match *match)
{
    struct flow_wildcards need;

    flow_wildcards_init_catchall(&need);
    if (!prereqs_ok(mf->prereqs, &match->flow, &need)) {
        return false;
    }
    if (mf->prereqs == MFP_ND || mf->prereqs == MFP_ND_SOLICIT
        || mf->prereqs == MFP_ND_ADVERT) {
        /* The ICMPv6 code may stay unmatched: its value then reads as the 0
         * that neighbor discovery needs, and packets with another code
         * never carry ND fields (flow_extract leaves them zero). */
        need.masks.tp_dst = htons(0);
    }
    return !flow_wildcards_has_extra(&need, &match->wc);
}

const char *
mf_prereqs_to_string(enum mf_prereqs p)
{
    switch (p) {
    case MFP_NONE: return "none";
    case MFP_ARP: return "ARP";
    case MFP_VLAN_VID: return "VLAN VID";
    case MFP_IPV4: return "IPv4";
    case MFP_IPV6: return "IPv6";
    case MFP_IP_ANY: return "IPv4 or IPv6";
    case MFP_TCP: return "TCP";
    case MFP_UDP: return "UDP";
    case MFP_SCTP: return "SCTP";
    case MFP_ICMPV4: return "ICMPv4";
    case MFP_ICMPV6: return "ICMPv6";
    case MFP_ND: return "ND";
    case MFP_ND_SOLICIT: return "ND solicit";
    case MFP_ND_ADVERT: return "ND advert";
    }
    return "unknown";
}

/* ----- Where fields live --------------------------------------------- */

/* Most fields are a member of struct flow holding the value exactly as
 * the wire does (same size, network byte order).  Returns such a member's
 * address in 'flow', or NULL for fields that need conversion. */
static void *
field_storage(const struct mf_field *mf, struct flow *flow)
{
    switch (mf->id) {
    case MFF_METADATA: return &flow->metadata;
    case MFF_TUN_ID: return &flow->tun_id;
    case MFF_ETH_SRC: return &flow->dl_src;
    case MFF_ETH_DST: return &flow->dl_dst;
    case MFF_ETH_TYPE: return &flow->dl_type;
    case MFF_VLAN_TCI: return &flow->vlan_tci;
    case MFF_IPV4_SRC: case MFF_ARP_SPA: return &flow->nw_src;
    case MFF_IPV4_DST: case MFF_ARP_TPA: return &flow->nw_dst;
    case MFF_IPV6_SRC: return &flow->ipv6_src;
    case MFF_IPV6_DST: return &flow->ipv6_dst;
    case MFF_IPV6_LABEL: return &flow->ipv6_label;
    case MFF_IP_PROTO: return &flow->nw_proto;
    case MFF_IP_TTL: return &flow->nw_ttl;
    case MFF_IP_FRAG: return &flow->nw_frag;
    case MFF_ARP_SHA: case MFF_ND_SLL: return &flow->arp_sha;
    case MFF_ARP_THA: case MFF_ND_TLL: return &flow->arp_tha;
    case MFF_TCP_SRC: case MFF_UDP_SRC: case MFF_SCTP_SRC:
        return &flow->tp_src;
    case MFF_TCP_DST: case MFF_UDP_DST: case MFF_SCTP_DST:
        return &flow->tp_dst;
    case MFF_TCP_FLAGS: return &flow->tcp_flags;
    case MFF_ND_TARGET: return &flow->nd_target;
    default: return NULL;
    }
}

/* Fields kept in a host-order integer member of struct flow. */
struct host_int_field {
    enum mf_field_id id;
    size_t ofs;                 /* offsetof(struct flow, member). */
    unsigned int size;          /* sizeof member. */
};

#define HOST_INT(ID, MEMBER) \
    { ID, offsetof(struct flow, MEMBER), \
      sizeof ((struct flow *) NULL)->MEMBER }
static const struct host_int_field host_int_fields[] = {
    HOST_INT(MFF_IN_PORT, in_port.ofp_port),
    HOST_INT(MFF_PKT_MARK, pkt_mark),
    HOST_INT(MFF_RECIRC_ID, recirc_id),
    HOST_INT(MFF_CT_STATE, ct_state),
    HOST_INT(MFF_CT_ZONE, ct_zone),
    HOST_INT(MFF_CT_MARK, ct_mark),
};
#undef HOST_INT

/* Fields that are some bits of a one- or two-byte member ('size' 2 means
 * an ovs_be16), shifted right by 'shift' to form the field's value. */
struct slice_field {
    enum mf_field_id id;
    size_t ofs;
    unsigned int size;
    uint16_t bits;
    unsigned int shift;
};

#define SLICE(ID, MEMBER, BITS, SHIFT) \
    { ID, offsetof(struct flow, MEMBER), \
      sizeof ((struct flow *) NULL)->MEMBER, BITS, SHIFT }
static const struct slice_field slice_fields[] = {
    SLICE(MFF_DL_VLAN, vlan_tci, VLAN_VID_MASK, 0),
    SLICE(MFF_VLAN_VID, vlan_tci, VLAN_VID_MASK | VLAN_CFI, 0),
    SLICE(MFF_DL_VLAN_PCP, vlan_tci, VLAN_PCP_MASK, VLAN_PCP_SHIFT),
    SLICE(MFF_VLAN_PCP, vlan_tci, VLAN_PCP_MASK, VLAN_PCP_SHIFT),
    SLICE(MFF_IP_DSCP, nw_tos, IP_DSCP_MASK, 0),
    SLICE(MFF_IP_DSCP_SHIFTED, nw_tos, IP_DSCP_MASK, 2),
    SLICE(MFF_IP_ECN, nw_tos, IP_ECN_MASK, 0),
    SLICE(MFF_ARP_OP, nw_proto, 0xff, 0),
    SLICE(MFF_ICMPV4_TYPE, tp_src, 0xff, 0),
    SLICE(MFF_ICMPV6_TYPE, tp_src, 0xff, 0),
    SLICE(MFF_ICMPV4_CODE, tp_dst, 0xff, 0),
    SLICE(MFF_ICMPV6_CODE, tp_dst, 0xff, 0),
};
#undef SLICE

/* Big-endian integers of 'n' <= 8 bytes in a union mf_value. */
static uint64_t
value_to_uint(const union mf_value *v, unsigned int n)
{
    uint64_t x = 0;
    unsigned int i;

    for (i = 0; i < n; i++) {
        x = x << 8 | v->b[i];
    }
    return x;
}

static void
value_from_uint(union mf_value *v, unsigned int n, uint64_t x)
{
    while (n-- > 0) {
        v->b[n] = x & 0xff;
        x >>= 8;
    }
}

/* Host-order integers of 1, 2, 4 or 8 bytes at 'p'. */
static uint64_t
load_host_int(const void *p, unsigned int size)
{
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;

    switch (size) {
    case 1: memcpy(&u8, p, 1); return u8;
    case 2: memcpy(&u16, p, 2); return u16;
    case 4: memcpy(&u32, p, 4); return u32;
    default: memcpy(&u64, p, 8); return u64;
    }
}

static void
store_host_int(void *p, unsigned int size, uint64_t x)
{
    uint8_t u8 = x;
    uint16_t u16 = x;
    uint32_t u32 = x;

    switch (size) {
    case 1: memcpy(p, &u8, 1); break;
    case 2: memcpy(p, &u16, 2); break;
    case 4: memcpy(p, &u32, 4); break;
    default: memcpy(p, &x, 8); break;
    }
}

/* If 'mf' lives in a host-order integer member, stores where in '*out'
 * and returns true. */
static bool
find_host_int(const struct mf_field *mf, struct host_int_field *out)
{
    size_t i;

    if (mf->id >= MFF_REG0 && mf->id <= MFF_REG15) {
        out->id = mf->id;
        out->ofs = offsetof(struct flow, regs) + 4 * (mf->id - MFF_REG0);
        out->size = 4;
        return true;
    }
    for (i = 0; i < ARRAY_SIZE(host_int_fields); i++) {
        if (host_int_fields[i].id == mf->id) {
            *out = host_int_fields[i];
            return true;
        }
    }
    return false;
}

static const struct slice_field *
find_slice(const struct mf_field *mf)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(slice_fields); i++) {
        if (slice_fields[i].id == mf->id) {
            return &slice_fields[i];
        }
    }
    return NULL;
}

/* The bits of a slice's member, in host order. */
static uint16_t
load_slice_member(const struct slice_field *sl, const struct flow *flow)
{
    const uint8_t *p = (const uint8_t *) flow + sl->ofs;
    ovs_be16 be;

    if (sl->size == 1) {
        return *p;
    }
    memcpy(&be, p, 2);
    return ntohs(be);
}

static void
store_slice_member(const struct slice_field *sl, struct flow *flow,
                   uint16_t x)
{
    uint8_t *p = (uint8_t *) flow + sl->ofs;
    ovs_be16 be = htons(x);

    if (sl->size == 1) {
        *p = x;
    } else {
        memcpy(p, &be, 2);
    }
}

/* Reads 'mf' from 'flow' into 'value' in wire form.  Works equally on
 * masks (a flow_wildcards' 'masks' member), since every conversion below
 * is bitwise. */
void
mf_get_value(const struct mf_field *mf, const struct flow *flow,
             union mf_value *value)
{
    void *p = field_storage(mf, CONST_CAST(struct flow *, flow));
    struct host_int_field hi;
    const struct slice_field *sl;

    memset(value, 0, sizeof *value);
    if (p) {
        memcpy(value, p, mf->n_bytes);
    } else if (find_host_int(mf, &hi)) {
        value_from_uint(value, mf->n_bytes,
                        load_host_int((const uint8_t *) flow + hi.ofs,
                                      hi.size));
    } else if ((sl = find_slice(mf)) != NULL) {
        value_from_uint(value, mf->n_bytes,
                        (load_slice_member(sl, flow) & sl->bits)
                        >> sl->shift);
    } else if (mf->id >= MFF_XREG0 && mf->id <= MFF_XREG7) {
        value_from_uint(value, 8, flow_get_xreg(flow, mf->id - MFF_XREG0));
    } else if (mf->id == MFF_CT_LABEL) {
        value->be128 = hton128(flow->ct_label);
    } else if (mf->id == MFF_IN_PORT_OXM) {
        /* OpenFlow 1.1+ reserved ports sit at the top of 32 bits. */
        uint16_t port = ofp_to_u16(flow->in_port.ofp_port);
        value->be32 = htonl(port >= 0xff00 ? port + 0xffff0000 : port);
    }
}

/* Stores wire-form 'value' of 'mf' into 'flow'. */
void
mf_set_flow_value(const struct mf_field *mf, const union mf_value *value,
                  struct flow *flow)
{
    void *p = field_storage(mf, flow);
    struct host_int_field hi;
    const struct slice_field *sl;

    if (p) {
        memcpy(p, value, mf->n_bytes);
    } else if (find_host_int(mf, &hi)) {
        store_host_int((uint8_t *) flow + hi.ofs, hi.size,
                       value_to_uint(value, mf->n_bytes));
    } else if ((sl = find_slice(mf)) != NULL) {
        uint16_t old = load_slice_member(sl, flow);
        uint16_t bits = value_to_uint(value, mf->n_bytes) << sl->shift;

        store_slice_member(sl, flow, (old & ~sl->bits) | (bits & sl->bits));
    } else if (mf->id >= MFF_XREG0 && mf->id <= MFF_XREG7) {
        flow_set_xreg(flow, mf->id - MFF_XREG0, value_to_uint(value, 8));
    } else if (mf->id == MFF_CT_LABEL) {
        flow->ct_label = ntoh128(value->be128);
    } else if (mf->id == MFF_IN_PORT_OXM) {
        uint32_t port = ntohl(value->be32);
        flow->in_port.ofp_port = u16_to_ofp(port >= 0xffffff00
                                            ? port - 0xffff0000 : port);
    }
}

/* The mask of 'mf' in 'wc', in wire form. */
void
mf_get_mask(const struct mf_field *mf, const struct flow_wildcards *wc,
            union mf_value *mask)
{
    mf_get_value(mf, &wc->masks, mask);
    if (mf->id == MFF_ARP_OP && wc->masks.nw_proto == UINT8_MAX) {
        /* The opcode is stored in 8 bits; all of them mean all 16. */
        mask->be16 = OVS_BE16_MAX;
    } else if (mf->id == MFF_IN_PORT_OXM) {
        /* in_port's 16 mask bits stand for all 32 of the OXM form. */
        mask->be32 = wc->masks.in_port.ofp_port ? OVS_BE32_MAX : 0;
    }
}

/* Stores 'value' of 'mf' into 'flow' under 'mask': bits outside 'mask'
 * keep their old values. */
void
mf_set_flow_value_masked(const struct mf_field *mf,
                         const union mf_value *value,
                         const union mf_value *mask, struct flow *flow)
{
    union mf_value tmp;
    unsigned int i;

    mf_get_value(mf, flow, &tmp);
    for (i = 0; i < mf->n_bytes; i++) {
        tmp.b[i] = (tmp.b[i] & ~mask->b[i]) | (value->b[i] & mask->b[i]);
    }
    mf_set_flow_value(mf, &tmp, flow);
}

/* Reads both value and mask of 'mf' from 'match'. */
void
mf_get(const struct mf_field *mf, const struct match *match,
       union mf_value *value, union mf_value *mask)
{
    mf_get_value(mf, &match->flow, value);
    mf_get_mask(mf, &match->wc, mask);
}

/* The mask that means "exact match" for 'mf' in wire form: every bit of
 * n_bits, except for nw_tos, whose low (ECN) bits are not part of it. */
void
mf_get_exact_mask(const struct mf_field *mf, union mf_value *mask)
{
    int full = mf->n_bits / 8;
    int rem = mf->n_bits % 8;
    int lead = mf->n_bytes - full - (rem ? 1 : 0);

    memset(mask, 0, sizeof *mask);
    if (mf->id == MFF_IP_DSCP) {
        mask->u8 = IP_DSCP_MASK;
        return;
    }
    if (rem) {
        mask->b[lead] = (1 << rem) - 1;
    }
    memset(&mask->b[mf->n_bytes - full], 0xff, full);
}

/* Makes 'match' match 'mf' under 'mask' (NULL: exactly) equal to 'value'.
 * Bits of 'mask' beyond the field's width are ignored. */
void
mf_set(const struct mf_field *mf, const union mf_value *value,
       const union mf_value *mask, struct match *match)
{
    union mf_value exact, m;
    unsigned int i;

    mf_get_exact_mask(mf, &exact);
    for (i = 0; i < sizeof m.b; i++) {
        m.b[i] = (mask ? mask->b[i] : 0xff) & exact.b[i];
    }
    if (mf->id == MFF_IN_PORT_OXM) {
        m.be32 = is_all_zeros(&m, 4) ? 0 : OVS_BE32_MAX;
    }

    union mf_value v;
    for (i = 0; i < sizeof v.b; i++) {
        v.b[i] = value->b[i] & m.b[i];
    }

    mf_set_flow_value_masked(mf, &v, &exact, &match->flow);
    mf_set_flow_value_masked(mf, &m, &exact, &match->wc.masks);

    /* ICMP type and code live in the low byte of a 16-bit member whose
     * high byte is always zero: an exact 8-bit match is an exact match of
     * the member, as OpenFlow 1.0 matches express it. */
    if (m.u8 == UINT8_MAX) {
        if (mf->id == MFF_ICMPV4_TYPE || mf->id == MFF_ICMPV6_TYPE) {
            match->wc.masks.tp_src = OVS_BE16_MAX;
        } else if (mf->id == MFF_ICMPV4_CODE || mf->id == MFF_ICMPV6_CODE) {
            match->wc.masks.tp_dst = OVS_BE16_MAX;
        }
    }

    /* Matching a VLAN VID or PCP implies that a tag is present. */
    if ((mf->id == MFF_DL_VLAN || mf->id == MFF_DL_VLAN_PCP
         || mf->id == MFF_VLAN_PCP) && !is_all_zeros(&m, mf->n_bytes)) {
        match->flow.vlan_tci |= htons(VLAN_CFI);
        match->wc.masks.vlan_tci |= htons(VLAN_CFI);
    }
}

void
mf_set_value(const struct mf_field *mf, const union mf_value *value,
             struct match *match)
{
    /* "No VLAN tag" is spelled dl_vlan=0xffff in OpenFlow 1.0 and
     * vlan_vid=0 (no "present" bit) in OpenFlow 1.2.  Either way it is kept
     * as the whole TCI being zero, which every protocol can express. */
    if ((mf->id == MFF_DL_VLAN && value->be16 == htons(0xffff))
        || (mf->id == MFF_VLAN_VID && !(value->be16 & htons(VLAN_CFI)))) {
        match_set_dl_tci(match, 0);
        return;
    }
    mf_set(mf, value, NULL, match);
}

/* Stops matching on 'mf'. */
void
mf_set_wild(const struct mf_field *mf, struct match *match)
{
    union mf_value zero;

    memset(&zero, 0, sizeof zero);
    mf_set(mf, &zero, &zero, match);
    if (mf->id == MFF_VLAN_VID || mf->id == MFF_DL_VLAN) {
        match_set_any_vid(match);
    }
}

/* Makes every bit of 'mf' significant in 'wc'. */
void
mf_mask_field(const struct mf_field *mf, struct flow_wildcards *wc)
{
    union mf_value exact;

    mf_get_exact_mask(mf, &exact);
    mf_mask_field_masked(mf, &exact, wc);
}

/* Adds the 1-bits of 'mask' for 'mf' to 'wc'. */
void
mf_mask_field_masked(const struct mf_field *mf, const union mf_value *mask,
                     struct flow_wildcards *wc)
{
    union mf_value old;
    unsigned int i;

    mf_get_mask(mf, wc, &old);
    for (i = 0; i < mf->n_bytes; i++) {
        old.b[i] |= mask->b[i];
    }
    mf_set_flow_value(mf, &old, &wc->masks);
}

bool
mf_is_all_wild(const struct mf_field *mf, const struct flow_wildcards *wc)
{
    union mf_value mask;

    mf_get_mask(mf, wc, &mask);
    return is_all_zeros(&mask, mf->n_bytes);
}

/* True if 'mf' has a nonzero value in 'flow'. */
bool
mf_is_set(const struct mf_field *mf, const struct flow *flow)
{
    union mf_value value;

    mf_get_value(mf, flow, &value);
    return !is_all_zeros(&value, mf->n_bytes);
}

/* True if 'value' fits in 'mf' and is one the field may hold. */
bool
mf_is_value_valid(const struct mf_field *mf, const union mf_value *value)
{
    union mf_value exact;
    unsigned int i;

    mf_get_exact_mask(mf, &exact);
    for (i = 0; i < mf->n_bytes; i++) {
        if (value->b[i] & ~exact.b[i]) {
            return false;
        }
    }
    switch (mf->id) {
    case MFF_IP_DSCP:
        return !(value->u8 & ~IP_DSCP_MASK);
    case MFF_CT_STATE:
        return !(ntohl(value->be32) & ~CS_SUPPORTED_MASK);
    case MFF_IN_PORT_OXM: {
        uint32_t port = ntohl(value->be32);
        return port < 0xff00 || port >= 0xffffff00;
    }
    default:
        return true;
    }
}

/* True if 'mask' is a mask the field accepts. */
bool
mf_is_mask_valid(const struct mf_field *mf, const union mf_value *mask)
{
    union mf_value exact;

    if (mf->maskable == MFM_FULLY) {
        return true;
    }
    mf_get_exact_mask(mf, &exact);
    return (is_all_zeros(mask, mf->n_bytes)
            || !memcmp(mask, &exact, mf->n_bytes)
            || is_all_ones(mask, mf->n_bytes));
}

/* The number of bytes needed to encode 'value' (and 'mask', if masked):
 * always n_bytes here.  '*is_masked', if nonnull, says whether 'mask' is
 * partial. */
int
mf_field_len(const struct mf_field *mf, const union mf_value *value,
             const union mf_value *mask, bool *is_masked)
{
    bool masked = mask && !is_all_ones(mask, mf->n_bytes);

    if (is_masked) {
        *is_masked = masked;
    }
    return mf->n_bytes;
}

/* ----- Subfields ----------------------------------------------------- */

/* Copies 'sf->n_bits' bits of 'x' (right-justified) into the subfield of
 * 'flow'. */
void
mf_write_subfield_flow(const struct mf_subfield *sf,
                       const union mf_subvalue *x, struct flow *flow)
{
    const struct mf_field *mf = sf->field;
    union mf_value value;

    mf_get_value(mf, flow, &value);
    bitwise_copy(x, sizeof *x, 0, &value, mf->n_bytes, sf->ofs, sf->n_bits);
    mf_set_flow_value(mf, &value, flow);
}

/* Like mf_write_subfield_flow() for a match: the written bits also become
 * significant. */
void
mf_write_subfield(const struct mf_subfield *sf, const union mf_subvalue *x,
                  struct match *match)
{
    const struct mf_field *mf = sf->field;
    union mf_value value, mask;

    mf_get(mf, match, &value, &mask);
    bitwise_copy(x, sizeof *x, 0, &value, mf->n_bytes, sf->ofs, sf->n_bits);
    bitwise_one(&mask, mf->n_bytes, sf->ofs, sf->n_bits);
    mf_set(mf, &value, &mask, match);
}

/* Writes the subfield from 'src', a value of the subfield's field size. */
void
mf_write_subfield_value(const struct mf_subfield *sf, const void *src,
                        struct match *match)
{
    union mf_subvalue sv;

    mf_subvalue_from_value(sf, &sv, src);
    mf_write_subfield(sf, &sv, match);
}

/* Sets 'dst' to the bits of 'src' (a field-sized value) at the subfield's
 * position, right-justified. */
void
mf_subvalue_from_value(const struct mf_subfield *sf, union mf_subvalue *dst,
                       const void *src)
{
    memset(dst, 0, sizeof *dst);
    bitwise_copy(src, sf->field->n_bytes, sf->ofs, dst, sizeof *dst, 0,
                 sf->n_bits);
}

/* Makes 'match' match 'value' under 'mask', both whole subvalues aligned
 * to the end of the field. */
void
mf_mask_subfield(const struct mf_field *mf, const union mf_subvalue *value,
                 const union mf_subvalue *mask, struct match *match)
{
    union mf_value v, m, ov, om;
    unsigned int i;

    memset(&v, 0, sizeof v);
    memset(&m, 0, sizeof m);
    bitwise_copy(value, sizeof *value, 0, &v, mf->n_bytes, 0, mf->n_bits);
    bitwise_copy(mask, sizeof *mask, 0, &m, mf->n_bytes, 0, mf->n_bits);
    mf_get(mf, match, &ov, &om);
    for (i = 0; i < mf->n_bytes; i++) {
        ov.b[i] = (ov.b[i] & ~m.b[i]) | (v.b[i] & m.b[i]);
        om.b[i] |= m.b[i];
    }
    mf_set(mf, &ov, &om, match);
}

/* Reads the subfield from 'flow' into 'x', right-justified, zero-filled. */
void
mf_read_subfield(const struct mf_subfield *sf, const struct flow *flow,
                 union mf_subvalue *x)
{
    union mf_value whole;

    mf_get_value(sf->field, flow, &whole);
    mf_subvalue_from_value(sf, x, &whole);
}

/* Returns the subfield (at most 64 bits) of 'flow' as an integer. */
uint64_t
mf_get_subfield(const struct mf_subfield *sf, const struct flow *flow)
{
    union mf_value value;

    mf_get_value(sf->field, flow, &value);
    return bitwise_get(&value, sf->field->n_bytes, sf->ofs,
                       MIN(sf->n_bits, 64));
}

void
mf_set_subfield(const struct mf_subfield *sf, uint64_t x, struct flow *flow)
{
    union mf_value value;

    mf_get_value(sf->field, flow, &value);
    bitwise_put(x, &value, sf->field->n_bytes, sf->ofs, MIN(sf->n_bits, 64));
    mf_set_flow_value(sf->field, &value, flow);
}

bool
mf_subfield_is_valid(const struct mf_subfield *sf)
{
    return (sf->field && sf->n_bits >= 1
            && sf->ofs < sf->field->n_bits
            && sf->n_bits <= sf->field->n_bits - sf->ofs);
}

static enum ofperr
check_subfield(const struct mf_subfield *sf, const struct match *match)
{
    if (!mf_subfield_is_valid(sf)) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (match && !mf_are_match_prereqs_ok(sf->field, match)) {
        return OFPERR_OFPBAC_MATCH_INCONSISTENT;
    }
    return 0;
}

/* Checks that 'sf' may be read in a flow matching 'match' (NULL: skip the
 * prerequisite check). */
enum ofperr
mf_check_src(const struct mf_subfield *sf, const struct match *match)
{
    return check_subfield(sf, match);
}

/* Like mf_check_src(), and the field must also be writable. */
enum ofperr
mf_check_dst(const struct mf_subfield *sf, const struct match *match)
{
    enum ofperr error = check_subfield(sf, match);

    if (!error && !sf->field->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    return error;
}

/* Parses a field name that may be an NXM/OXM name (with an optional "_W"
 * suffix) or a meta-flow name, 'len' bytes at 's'. */
static const struct mf_field *
subfield_field_from_name(const char *s, size_t len)
{
    const struct mf_field *mf = mf_from_name_len(s, len);
    int i;

    if (mf) {
        return mf;
    }
    if (len > 2 && !strncmp(s + len - 2, "_W", 2)) {
        len -= 2;
    }
    for (i = 0; i < MFF_N_IDS; i++) {
        const struct mf_field *f = &mf_fields[i];
        if ((f->nxm_name && strlen(f->nxm_name) == len
             && !strncmp(f->nxm_name, s, len))
            || (f->oxm_name && strlen(f->oxm_name) == len
                && !strncmp(f->oxm_name, s, len))) {
            return f;
        }
    }
    if (len == 19 && !strncmp(s, "ONFOXM_ET_TCP_FLAGS", len)) {
        return &mf_fields[MFF_TCP_FLAGS];
    }
    return NULL;
}

/* Parses "FIELD[]", "FIELD[BIT]" or "FIELD[START..END]" at '*sp' into
 * 'sf', advancing '*sp' past it.  Returns NULL or a malloc()'d error. */
char *
mf_parse_subfield__(struct mf_subfield *sf, const char **sp)
{
    const char *s = *sp;
    const char *name = s;
    size_t name_len = strspn(s, "abcdefghijklmnopqrstuvwxyz"
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    const struct mf_field *mf;
    unsigned long start, end;
    char *tail;

    if (!name_len) {
        return xasprintf("%s: unknown field `'", s);
    }
    mf = subfield_field_from_name(name, name_len);
    if (!mf) {
        return xasprintf("%s: unknown field `%.*s'", s, (int) name_len, s);
    }
    s += name_len;
    if (*s != '[') {
        /* A bare field name means the whole field. */
        sf->field = mf;
        sf->ofs = 0;
        sf->n_bits = mf->n_bits;
        *sp = s;
        return NULL;
    }
    s++;
    if (*s == ']') {
        start = 0;
        end = mf->n_bits - 1;
        s++;
    } else {
        if (!isdigit((unsigned char) *s)) {
            return xasprintf("%s: syntax error expecting [] or [<bit>] or "
                             "[<start>..<end>]", *sp);
        }
        start = strtoul(s, &tail, 10);
        s = tail;
        if (s[0] == '.' && s[1] == '.' && isdigit((unsigned char) s[2])) {
            end = strtoul(s + 2, &tail, 10);
            s = tail;
        } else {
            end = start;
        }
        if (*s != ']') {
            return xasprintf("%s: syntax error expecting [] or [<bit>] or "
                             "[<start>..<end>]", *sp);
        }
        s++;
    }

    if (start > end) {
        return xasprintf("%s: starting bit %lu is after ending bit %lu",
                         *sp, start, end);
    } else if (start >= mf->n_bits) {
        return xasprintf("%s: starting bit %lu is not valid because field "
                         "is only %u bits wide", *sp, start, mf->n_bits);
    } else if (end >= mf->n_bits) {
        return xasprintf("%s: ending bit %lu is not valid because field is "
                         "only %u bits wide", *sp, end, mf->n_bits);
    }
    sf->field = mf;
    sf->ofs = start;
    sf->n_bits = end - start + 1;
    *sp = s;
    return NULL;
}

/* Parses all of 's' as a subfield. */
char *
mf_parse_subfield(struct mf_subfield *sf, const char *s)
{
    const char *p = s;
    char *error = mf_parse_subfield__(sf, &p);

    if (!error && *p) {
        error = xasprintf("%s: trailing garbage following subfield", s);
    }
    return error;
}

/* Appends 'sf' as "NAME[...]", NAME being the NXM or OXM name when the
 * field has one. */
void
mf_format_subfield(const struct mf_subfield *sf, struct ds *s)
{
    const struct mf_field *mf = sf->field;

    if (!mf) {
        ds_put_cstr(s, "<unknown>");
        return;
    }
    ds_put_cstr(s, mf->nxm_name ? mf->nxm_name
                : mf->oxm_name ? mf->oxm_name : mf->name);
    if (sf->ofs == 0 && sf->n_bits == mf->n_bits) {
        ds_put_cstr(s, "[]");
    } else if (sf->n_bits == 1) {
        ds_put_format(s, "[%u]", sf->ofs);
    } else {
        ds_put_format(s, "[%u..%u]", sf->ofs, sf->ofs + sf->n_bits - 1);
    }
}

/* The number of significant bits in 'v' (0 if zero). */
int
mf_subvalue_width(const union mf_subvalue *v)
{
    return 1 + bitwise_rscan(v, sizeof *v, true, sizeof *v * 8 - 1, -1);
}

/* Shifts 'v' left by 'n' bits (right if negative). */
void
mf_subvalue_shift(union mf_subvalue *v, int n)
{
    union mf_subvalue tmp;

    if (!n) {
        return;
    }
    memset(&tmp, 0, sizeof tmp);
    if (n > 0 && n < (int) sizeof *v * 8) {
        bitwise_copy(v, sizeof *v, 0, &tmp, sizeof tmp, n,
                     sizeof *v * 8 - n);
    } else if (n < 0 && -n < (int) sizeof *v * 8) {
        bitwise_copy(v, sizeof *v, -n, &tmp, sizeof tmp, 0,
                     sizeof *v * 8 + n);
    }
    *v = tmp;
}

/* Appends 'sv' in hex, every byte. */
void
mf_subvalue_format(const union mf_subvalue *sv, struct ds *s)
{
    ds_put_hex(s, sv, sizeof *sv);
}

/* ----- Ports --------------------------------------------------------- */

struct reserved_port {
    const char *name;
    uint16_t port;
};

static const struct reserved_port reserved_ports[] = {
    { "IN_PORT", 0xfff8 },
    { "TABLE", 0xfff9 },
    { "NORMAL", 0xfffa },
    { "FLOOD", 0xfffb },
    { "ALL", 0xfffc },
    { "CONTROLLER", 0xfffd },
    { "LOCAL", 0xfffe },
    { "ANY", 0xffff },
    { "NONE", 0xffff },
};

/* Parses a port number or reserved port name (case-insensitive), or a
 * port name (optionally in double quotes) that 'port_map' knows.  Numbers
 * may be OpenFlow 1.0 (16-bit) or 1.1+ (32-bit) reserved values; numbers
 * in the reserved-but-unnamed range are rejected, as ovs-ofctl does. */
bool
mf_parse_ofp_port(const char *s, const struct ofputil_port_map *port_map,
                  ofp_port_t *portp)
{
    unsigned long long n;
    size_t i;
    char *end;

    for (i = 0; i < ARRAY_SIZE(reserved_ports); i++) {
        if (!strcasecmp(s, reserved_ports[i].name)) {
            *portp = u16_to_ofp(reserved_ports[i].port);
            return true;
        }
    }
    if (isdigit((unsigned char) *s)) {
        errno = 0;
        n = strtoull(s, &end, 0);
        if (errno || *end) {
            return false;
        }
        if (n >= 0xffffff00 && n <= 0xffffffff) {
            n -= 0xffff0000;
        }
        if (n > 0xffff || (n >= 0xff00 && n < 0xfff8)) {
            return false;
        }
        *portp = u16_to_ofp(n);
        return true;
    }
    if (port_map) {
        size_t len = strlen(s);
        char *name = (len >= 2 && s[0] == '"' && s[len - 1] == '"'
                      ? xmemdup0(s + 1, len - 2) : xstrdup(s));
        ofp_port_t port = ofputil_port_map_get_number(port_map, name);

        free(name);
        if (port != OFPP_NONE) {
            *portp = port;
            return true;
        }
    }
    return false;
}

/* Appends 'port' as a reserved name, its name in 'port_map' (if nonnull),
 * or a decimal number. */
void
mf_format_ofp_port(ofp_port_t port, const struct ofputil_port_map *port_map,
                   struct ds *s)
{
    uint16_t p = ofp_to_u16(port);
    size_t i;

    for (i = 0; i < ARRAY_SIZE(reserved_ports); i++) {
        if (reserved_ports[i].port == p) {
            ds_put_cstr(s, reserved_ports[i].name);
            return;
        }
    }
    if (port_map) {
        ofputil_format_port(port, port_map, s);
    } else {
        ds_put_format(s, "%"PRIu16, p);
    }
}

/* ----- Flags --------------------------------------------------------- */

/* Appends 'value'/'mask' flags: "a|b" (or "0") if 'mask' covers all of
 * 'supported', otherwise "+a-b" listing only the masked bits. */
void
mf_format_flags(uint32_t value, uint32_t mask,
                const char *(*bit_to_string)(uint32_t),
                uint32_t supported, struct ds *s)
{
    uint32_t bit;

    if ((mask & supported) == supported) {
        bool any = false;

        for (bit = 1; bit && bit <= supported; bit <<= 1) {
            if (value & bit & supported) {
                if (any) {
                    ds_put_char(s, '|');
                }
                ds_put_cstr(s, bit_to_string(bit));
                any = true;
            }
        }
        if (!any) {
            ds_put_char(s, '0');
        }
        return;
    }
    for (bit = 1; bit && bit <= supported; bit <<= 1) {
        if (mask & bit & supported) {
            ds_put_format(s, "%c%s", value & bit ? '+' : '-',
                          bit_to_string(bit));
        }
    }
}

/* Parses "+a-b" or "a|b" flags in 's' into '*value'/'*mask'.  'field' is
 * the name for error messages ("ct_state", "TCP"). */
static char *
parse_flags(const char *s, const char *(*bit_to_string)(uint32_t),
            uint32_t supported, const char *what, uint32_t *value,
            uint32_t *mask)
{
    uint32_t v = 0, m = 0;
    const char *p = s;

    if (isdigit((unsigned char) *s)) {
        unsigned long long n, nm;
        char *end;

        errno = 0;
        n = strtoull(s, &end, 0);
        nm = supported;
        if (*end == '/') {
            nm = strtoull(end + 1, &end, 0);
        }
        if (errno || *end || n & ~(uint64_t) supported
            || nm & ~(uint64_t) supported) {
            return xasprintf("%s: unknown %s flag(s)", s, what);
        }
        *value = n;
        *mask = nm;
        return NULL;
    }

    bool plus_minus = *p == '+' || *p == '-';
    while (*p) {
        char sign = '+';
        size_t len;
        uint32_t bit, found = 0;

        if (plus_minus) {
            if (*p != '+' && *p != '-') {
                return xasprintf("%s: %s must be preceded by '+' (for SET) "
                                 "or '-' (NOT SET)", s, what);
            }
            sign = *p++;
            len = strcspn(p, "+-");
        } else {
            len = strcspn(p, "|");
        }
        for (bit = 1; bit && bit <= supported; bit <<= 1) {
            const char *name = bit_to_string(bit);
            if (name && strlen(name) == len && !strncmp(name, p, len)) {
                found = bit;
                break;
            }
        }
        if (!found) {
            return xasprintf("%.*s: unknown %s flag(s)", (int) len, p, what);
        }
        if (m & found) {
            return xasprintf("%.*s: Each %s flag can be specified only once",
                             (int) len, p, what);
        }
        m |= found;
        if (sign == '+') {
            v |= found;
        }
        p += len;
        if (!plus_minus && *p == '|') {
            p++;
        }
    }
    *value = v;
    *mask = plus_minus ? m : supported;
    return NULL;
}

/* ----- Values in text ------------------------------------------------ */

/* Parses an unsigned integer of up to 128 bits, decimal or 0x-hex, into
 * the 'n_bytes' at 'out' in network order.  Returns false on bad syntax,
 * and sets '*too_big' if it does not fit. */
static bool
parse_uint(const char *s, size_t len, uint8_t *out, size_t n_bytes,
           bool *too_big)
{
    uint8_t buf[16];
    size_t i;

    *too_big = false;
    memset(buf, 0, sizeof buf);
    if (!len) {
        return false;
    }
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        size_t nd = len - 2;
        for (i = 0; i < nd; i++) {
            int h = hexit_value(s[len - 1 - i]);
            if (h < 0) {
                return false;
            }
            if (i / 2 >= sizeof buf) {
                if (h) {
                    *too_big = true;
                }
                continue;
            }
            buf[sizeof buf - 1 - i / 2] |= i % 2 ? h << 4 : h;
        }
    } else {
        for (i = 0; i < len; i++) {
            int carry, j;

            if (!isdigit((unsigned char) s[i])) {
                return false;
            }
            carry = s[i] - '0';
            for (j = sizeof buf - 1; j >= 0; j--) {
                int x = buf[j] * 10 + carry;
                buf[j] = x & 0xff;
                carry = x >> 8;
            }
            if (carry) {
                *too_big = true;
            }
        }
    }
    if (!is_all_zeros(buf, sizeof buf - n_bytes)) {
        *too_big = true;
    }
    memcpy(out, buf + sizeof buf - n_bytes, n_bytes);
    return true;
}

static char *
parse_int_value(const struct mf_field *mf, const char *s,
                union mf_value *value, union mf_value *mask)
{
    const char *slash = strchr(s, '/');
    size_t len = slash ? (size_t) (slash - s) : strlen(s);
    bool too_big;

    memset(value, 0, sizeof *value);
    if (!parse_uint(s, len, value->b, mf->n_bytes, &too_big)) {
        return xasprintf("%s: bad syntax for %s value", s, mf->name);
    }
    if (too_big) {
        return xasprintf("%s: value too large for %u-byte field %s", s,
                         mf->n_bytes, mf->name);
    }
    if (slash) {
        if (!mask) {
            return xasprintf("%s: value may not have a mask", s);
        }
        memset(mask, 0, sizeof *mask);
        if (!parse_uint(slash + 1, strlen(slash + 1), mask->b, mf->n_bytes,
                        &too_big)) {
            return xasprintf("%s: bad syntax for %s mask", s, mf->name);
        }
        if (too_big) {
            return xasprintf("%s: value too large for %u-byte field %s", s,
                             mf->n_bytes, mf->name);
        }
    } else if (mask) {
        memset(mask, 0xff, sizeof *mask);
    }
    return NULL;
}

/* Parses an ip_frag keyword. */
static char *
parse_frag(const char *s, union mf_value *value, union mf_value *mask)
{
    static const struct {
        const char *name;
        uint8_t value, mask;
    } frags[] = {
        { "no", 0, FLOW_NW_FRAG_ANY },
        { "yes", FLOW_NW_FRAG_ANY, FLOW_NW_FRAG_ANY },
        { "first", FLOW_NW_FRAG_ANY, FLOW_NW_FRAG_MASK },
        { "later", FLOW_NW_FRAG_MASK, FLOW_NW_FRAG_MASK },
        { "not_later", 0, FLOW_NW_FRAG_LATER },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(frags); i++) {
        if (!strcasecmp(s, frags[i].name)) {
            value->u8 = frags[i].value;
            mask->u8 = frags[i].mask;
            return NULL;
        }
    }
    return xasprintf("%s: unknown fragment type (valid types are \"no\", "
                     "\"yes\", \"first\", \"later\", \"not_later\"", s);
}

/* Parses 's' as a value of 'mf' with optional "/mask" into 'value' and
 * 'mask' (all-ones if no mask is given).  Returns NULL or a malloc()'d
 * error. */
char *
mf_parse(const struct mf_field *mf, const char *s,
         const struct ofputil_port_map *port_map,
         union mf_value *value, union mf_value *mask)
{
    char *error = NULL;

    memset(value, 0, sizeof *value);
    memset(mask, 0xff, sizeof *mask);
    if (!strcmp(s, "*")) {
        memset(mask, 0, sizeof *mask);
        return NULL;
    }

    switch (mf->string) {
    case MFS_DECIMAL:
    case MFS_HEXADECIMAL:
        error = parse_int_value(mf, s, value, mask);
        break;

    case MFS_CT_STATE:
    case MFS_TCP_FLAGS: {
        uint32_t v = 0, m = 0;
        bool ct = mf->string == MFS_CT_STATE;

        error = parse_flags(s, ct ? ct_state_to_string
                            : packet_tcp_flag_to_string,
                            ct ? CS_SUPPORTED_MASK : 0x0fff,
                            ct ? "ct_state" : "TCP", &v, &m);
        if (!error) {
            if (ct) {
                value->be32 = htonl(v);
                mask->be32 = htonl(m == CS_SUPPORTED_MASK ? UINT32_MAX : m);
            } else {
                value->be16 = htons(v);
                mask->be16 = htons(m == 0x0fff ? UINT16_MAX : m);
            }
        }
        break;
    }

    case MFS_ETHERNET:
        error = eth_addr_parse_masked(s, &value->mac, &mask->mac);
        break;

    case MFS_IPV4:
        error = ip_parse_masked(s, &value->be32, &mask->be32);
        break;

    case MFS_IPV6:
        error = ipv6_parse_masked(s, &value->ipv6, &mask->ipv6);
        break;

    case MFS_OFP_PORT:
    case MFS_OFP_PORT_OXM: {
        ofp_port_t port;

        if (!mf_parse_ofp_port(s, port_map, &port)) {
            error = xasprintf("%s: invalid or unknown port for %s", s,
                              mf->name);
        } else if (mf->string == MFS_OFP_PORT) {
            value->be16 = htons(ofp_to_u16(port));
        } else {
            uint16_t p = ofp_to_u16(port);
            value->be32 = htonl(p >= 0xff00 ? p + 0xffff0000 : p);
        }
        break;
    }

    case MFS_FRAG:
        memset(mask, 0, sizeof *mask);
        error = parse_frag(s, value, mask);
        break;
    }

    if (!error && !mf_is_mask_valid(mf, mask)) {
        error = xasprintf("%s: invalid mask for field %s", s, mf->name);
    }
    return error;
}

/* Parses 's' as an exact value of 'mf'. */
char *
mf_parse_value(const struct mf_field *mf, const char *s,
               const struct ofputil_port_map *port_map,
               union mf_value *value)
{
    union mf_value mask;
    char *error = mf_parse(mf, s, port_map, value, &mask);

    if (!error && !is_all_ones(&mask, mf->n_bytes)
        && mf->string != MFS_FRAG) {
        union mf_value exact;

        mf_get_exact_mask(mf, &exact);
        if (memcmp(&mask, &exact, mf->n_bytes)) {
            error = xasprintf("%s: value may not have a mask", s);
        }
    }
    return error;
}

/* Parses "NAME" into the field it names. */
char *
mf_parse_field(const struct mf_field **mfp, const char *s)
{
    *mfp = mf_from_name(s);
    if (!*mfp) {
        *mfp = subfield_field_from_name(s, strlen(s));
    }
    return *mfp ? NULL : xasprintf("%s: unknown field", s);
}

/* Appends an integer value of up to 16 bytes in hex without leading
 * zeros. */
static void
format_hex_bytes(const uint8_t *b, size_t n, struct ds *s)
{
    size_t i = 0;

    while (i < n - 1 && !b[i]) {
        i++;
    }
    if (i == n - 1 && !b[i]) {
        ds_put_char(s, '0');
        return;
    }
    ds_put_format(s, "0x%"PRIx8, b[i]);
    for (i++; i < n; i++) {
        ds_put_format(s, "%02"PRIx8, b[i]);
    }
}

static uint64_t
bytes_to_uint(const uint8_t *b, size_t n)
{
    uint64_t x = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        x = (x << 8) | b[i];
    }
    return x;
}

/* Appends 'value' (with "/mask" if 'mask' is nonnull and not exact) as
 * ovs-ofctl writes a value of 'mf'. */
void
mf_format(const struct mf_field *mf, const union mf_value *value,
          const union mf_value *mask, const struct ofputil_port_map *port_map,
          struct ds *s)
{
    union mf_value exact;
    bool masked;

    mf_get_exact_mask(mf, &exact);
    masked = (mask && !is_all_ones(mask, mf->n_bytes)
              && memcmp(mask, &exact, mf->n_bytes));

    switch (mf->string) {
    case MFS_OFP_PORT:
        mf_format_ofp_port(u16_to_ofp(ntohs(value->be16)), port_map, s);
        return;
    case MFS_OFP_PORT_OXM: {
        uint32_t p = ntohl(value->be32);
        if (p >= 0xffffff00 || p < 0xff00) {
            mf_format_ofp_port(u16_to_ofp(p >= 0xffffff00 ? p - 0xffff0000
                                          : p), port_map, s);
        } else {
            ds_put_format(s, "%"PRIu32, p);
        }
        return;
    }
    case MFS_DECIMAL:
        ds_put_format(s, "%"PRIu64, bytes_to_uint(value->b, mf->n_bytes));
        if (masked) {
            ds_put_char(s, '/');
            format_hex_bytes(mask->b, mf->n_bytes, s);
        }
        return;
    case MFS_HEXADECIMAL:
        format_hex_bytes(value->b, mf->n_bytes, s);
        if (masked) {
            ds_put_char(s, '/');
            format_hex_bytes(mask->b, mf->n_bytes, s);
        }
        return;
    case MFS_CT_STATE:
        mf_format_flags(ntohl(value->be32),
                        mask ? ntohl(mask->be32) : UINT32_MAX,
                        ct_state_to_string, CS_SUPPORTED_MASK, s);
        return;
    case MFS_TCP_FLAGS:
        mf_format_flags(ntohs(value->be16),
                        mask ? ntohs(mask->be16) : UINT16_MAX,
                        packet_tcp_flag_to_string, 0x0fff, s);
        return;
    case MFS_ETHERNET:
        eth_format_masked(value->mac, masked ? &mask->mac : NULL, s);
        return;
    case MFS_IPV4:
        ip_format_masked(value->be32, masked ? mask->be32 : OVS_BE32_MAX, s);
        return;
    case MFS_IPV6:
        ipv6_format_masked(&value->ipv6, masked ? &mask->ipv6 : NULL, s);
        return;
    case MFS_FRAG: {
        uint8_t v = value->u8, m = mask ? mask->u8 : FLOW_NW_FRAG_MASK;
        m &= FLOW_NW_FRAG_MASK;
        ds_put_cstr(s, (m == FLOW_NW_FRAG_ANY
                        ? (v & FLOW_NW_FRAG_ANY ? "yes" : "no")
                        : m == FLOW_NW_FRAG_LATER
                        ? (v & FLOW_NW_FRAG_LATER ? "later" : "not_later")
                        : !(v & FLOW_NW_FRAG_ANY) ? "no"
                        : v & FLOW_NW_FRAG_LATER ? "later" : "first"));
        return;
    }
    }
}
