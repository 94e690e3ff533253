/* NXM and OXM encoding and decoding of matches.
 *
 * Each field of meta-flow.def may have up to three codes: a Nicira (NXM)
 * code, a standard OXM code that exists from some OpenFlow version on, and
 * an experimenter OXM code (with a 32-bit experimenter id after the
 * header).  Encoding picks, per OpenFlow version, the newest code that the
 * version has, falling back to the NXM code.  Decoding accepts any code,
 * checks lengths, masks and values, refuses a field twice, and checks
 * prerequisites once all entries are in, since entries may come in any
 * order.  Errors are the OFPBMC_* codes that OpenFlow prescribes. */

#include <config.h>
#include "nx-match.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "match.h"
#include "openflow/openflow-1.1.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "unaligned.h"

VLOG_DEFINE_THIS_MODULE(nx_match);

#define OXM_CLASS_EXPERIMENTER 0xffff

/* One code of one field. */
struct nxm_code {
    const char *name;           /* "NXM_OF_ETH_SRC", ... */
    enum mf_field_id id;
    uint16_t class;
    uint8_t field;
    uint32_t vendor;            /* Experimenter id, or 0. */
    uint8_t version;            /* First OpenFlow version, 0 for NXM. */
};

static const struct nxm_code nxm_codes[] = {
#define MF_FIELD(ID, NAME, ALIAS, BYTES, BITS, MASK, STR, PREREQ, WR,    \
                 NXM_NAME, NXM_CLASS, NXM_FIELD,                        \
                 OXM_NAME, OXM_CLASS, OXM_FIELD, OXM_VERSION,           \
                 EXP_NAME, EXP_VENDOR, EXP_FIELD, EXP_VERSION,          \
                 OF10, OF11)                                            \
    { NXM_NAME, MFF_##ID, NXM_CLASS, NXM_FIELD, 0, 0 },                 \
    { OXM_NAME, MFF_##ID, OXM_CLASS, OXM_FIELD, 0, OXM_VERSION },       \
    { EXP_NAME, MFF_##ID, OXM_CLASS_EXPERIMENTER, EXP_FIELD,            \
      EXP_VENDOR, EXP_VERSION },
#include "meta-flow.def"
#undef MF_FIELD
};

static uint32_t
code_header(const struct nxm_code *c, bool masked, unsigned int n_bytes)
{
    unsigned int len = n_bytes * (masked ? 2 : 1) + (c->vendor ? 4 : 0);
    return NXM_HEADER(c->class, c->field, masked, len);
}

/* The code for field 'id' in 'version' (0 for NXM messages): the newest
 * OXM or experimenter code the version has, else the NXM code, else the
 * oldest OXM code.  NULL for the few fields that have no code at all
 * (dl_vlan, dl_vlan_pcp: they exist only in OpenFlow 1.0 matches). */
static const struct nxm_code *
code_for(enum mf_field_id id, enum ofp_version version)
{
    const struct nxm_code *best = NULL, *nxm = NULL, *oldest = NULL;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(nxm_codes); i++) {
        const struct nxm_code *c = &nxm_codes[i];

        if (c->id != id || !c->name[0]) {
            continue;
        }
        if (!c->version) {
            nxm = c;
        } else {
            if (version && c->version <= version
                && (!best || c->version > best->version)) {
                best = c;
            }
            if (!oldest || c->version < oldest->version) {
                oldest = c;
            }
        }
    }
    return best ? best : nxm ? nxm : oldest;
}

/* The header (without mask) of field 'id' in NXM messages, or 0 if the
 * field has no code. */
uint32_t
mf_nxm_header(enum mf_field_id id)
{
    return mf_oxm_header(id, 0);
}

/* Like mf_nxm_header() for OpenFlow 'version'. */
uint32_t
mf_oxm_header(enum mf_field_id id, enum ofp_version version)
{
    const struct nxm_code *c = code_for(id, version);

    return c ? code_header(c, false, mf_from_id(id)->n_bytes) : 0;
}

/* The NXM or OXM name of field 'id' (its meta-flow name if it has
 * neither). */
const char *
nx_field_name(enum mf_field_id id)
{
    const struct nxm_code *c = code_for(id, 0);

    return c ? c->name : mf_from_id(id)->name;
}

void
nx_format_field_name(enum mf_field_id id, enum ofp_version version,
                     struct ds *s)
{
    const struct nxm_code *c = code_for(id, version);

    ds_put_cstr(s, c ? c->name : mf_from_id(id)->name);
}

/* Finds the code with 'class', 'field' and 'vendor'. */
static const struct nxm_code *
code_lookup(uint16_t class, uint8_t field, uint32_t vendor)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(nxm_codes); i++) {
        const struct nxm_code *c = &nxm_codes[i];
        if (c->name[0] && c->class == class && c->field == field
            && c->vendor == vendor) {
            return c;
        }
    }
    return NULL;
}

const struct mf_field *
mf_from_nxm_header(uint32_t header)
{
    const struct nxm_code *c = code_lookup(NXM_CLASS(header),
                                           NXM_FIELD(header), 0);
    return c ? mf_from_id(c->id) : NULL;
}

/* ----- Headers and entries ------------------------------------------- */

void
nx_put_mff_header(struct ofpbuf *b, const struct mf_field *mf,
                  enum ofp_version version, bool masked)
{
    const struct nxm_code *c = code_for(mf->id, version);
    ovs_be32 h;

    if (!c) {
        /* No wire form: callers translate such fields first. */
        VLOG_WARN("field %s has no NXM or OXM code", mf->name);
        return;
    }
    h = htonl(code_header(c, masked, mf->n_bytes));
    ofpbuf_put(b, &h, 4);
    if (c->vendor) {
        ovs_be32 v = htonl(c->vendor);
        ofpbuf_put(b, &v, 4);
    }
}

void
nx_put_header(struct ofpbuf *b, enum mf_field_id id,
              enum ofp_version version, bool masked)
{
    nx_put_mff_header(b, mf_from_id(id), version, masked);
}

/* Appends an entry for field 'id' with 'value' and, if 'mask' is nonnull
 * and not all-ones, 'mask'.  Appends nothing for a field without a
 * code. */
void
nx_put_entry(struct ofpbuf *b, enum mf_field_id id,
             enum ofp_version version, const union mf_value *value,
             const union mf_value *mask)
{
    const struct mf_field *mf = mf_from_id(id);
    union mf_value exact;
    bool masked;

    if (!code_for(id, version)) {
        VLOG_WARN("field %s has no NXM or OXM code", mf->name);
        return;
    }
    mf_get_exact_mask(mf, &exact);
    masked = (mask && !is_all_ones(mask, mf->n_bytes)
              && memcmp(mask, &exact, mf->n_bytes));

    nx_put_mff_header(b, mf, version, masked);
    ofpbuf_put(b, value, mf->n_bytes);
    if (masked) {
        ofpbuf_put(b, mask, mf->n_bytes);
    }
}

/* Pulls a header from 'b'.  '*mfp' is NULL (and the return value
 * OFPERR_OFPBMC_BAD_FIELD) for an unknown field, in which case the header
 * (with any experimenter id) has still been pulled, so that the caller can
 * skip the payload by its length. */
static enum ofperr
pull_header(struct ofpbuf *b, const struct mf_field **mfp, bool *masked,
            uint32_t *headerp, unsigned int *payload_len)
{
    const ovs_be32 *hp = ofpbuf_try_pull(b, 4);
    uint32_t header, vendor = 0;
    unsigned int len;
    const struct nxm_code *c;

    *mfp = NULL;
    *masked = false;
    if (!hp) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    header = ntohl(get_unaligned_be32(hp));
    *headerp = header;
    len = NXM_LENGTH(header);
    *masked = NXM_HASMASK(header);
    if (!len) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    if (NXM_CLASS(header) == OXM_CLASS_EXPERIMENTER) {
        const ovs_be32 *vp;

        if (len < 4) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        vp = ofpbuf_try_pull(b, 4);
        if (!vp) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        vendor = ntohl(get_unaligned_be32(vp));
        len -= 4;
    }
    *payload_len = len;

    c = code_lookup(NXM_CLASS(header), NXM_FIELD(header), vendor);
    if (!c) {
        return OFPERR_OFPBMC_BAD_FIELD;
    }
    *mfp = mf_from_id(c->id);
    if (len != (*mfp)->n_bytes * (*masked ? 2 : 1)) {
        *mfp = NULL;
        return OFPERR_OFPBMC_BAD_LEN;
    }
    return 0;
}

enum ofperr
nx_pull_header(struct ofpbuf *b, const struct mf_field **mfp, bool *masked)
{
    uint32_t header;
    unsigned int len;
    bool m;
    enum ofperr error = pull_header(b, mfp, &m, &header, &len);

    if (masked) {
        *masked = m;
    } else if (!error && m) {
        return OFPERR_OFPBMC_BAD_MASK;
    }
    return error;
}

/* Pulls one whole entry.  On success '*mask' is all-ones if the entry had
 * no mask.  On OFPERR_OFPBMC_BAD_FIELD the entry has been skipped. */
enum ofperr
nx_pull_entry(struct ofpbuf *b, const struct mf_field **mfp,
              union mf_value *value, union mf_value *mask)
{
    uint32_t header;
    unsigned int len;
    bool masked;
    const struct mf_field *mf;
    enum ofperr error = pull_header(b, &mf, &masked, &header, &len);

    *mfp = mf;
    if (error == OFPERR_OFPBMC_BAD_FIELD) {
        return ofpbuf_try_pull(b, len) ? error : OFPERR_OFPBMC_BAD_LEN;
    } else if (error) {
        return error;
    }

    const uint8_t *payload = ofpbuf_try_pull(b, len);
    if (!payload) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    memset(value, 0, sizeof *value);
    memcpy(value, payload, mf->n_bytes);
    if (mask) {
        memset(mask, 0xff, sizeof *mask);
        if (masked) {
            memset(mask, 0, sizeof *mask);
            memcpy(mask, payload + mf->n_bytes, mf->n_bytes);
        }
    }
    if (masked && mf->maskable == MFM_NONE) {
        union mf_value tmp;

        memcpy(&tmp, payload + mf->n_bytes, mf->n_bytes);
        if (!mf_is_mask_valid(mf, &tmp)) {
            return OFPERR_OFPBMC_BAD_MASK;
        }
    }
    if (!mf_is_value_valid(mf, value)) {
        return OFPERR_OFPBMC_BAD_VALUE;
    }
    return 0;
}

/* ----- Whole matches ------------------------------------------------- */

static bool
is_cookie_header(uint32_t header)
{
    return header == NXM_NX_COOKIE || header == NXM_NX_COOKIE_W;
}

/* Decodes the 'len' bytes at 'data' into 'match'.  'strict' rejects
 * unknown fields.  Cookie entries go to 'cookie'/'cookie_mask' when those
 * are nonnull. */
static enum ofperr
decode_entries(const void *data, size_t len, bool strict,
               struct match *match, ovs_be64 *cookie, ovs_be64 *cookie_mask)
{
    bool seen[MFF_N_IDS];
    struct ofpbuf b;
    int i;

    memset(seen, 0, sizeof seen);
    match_init_catchall(match);
    if (cookie) {
        *cookie = *cookie_mask = 0;
    }
    ofpbuf_use_const(&b, data, len);
    while (b.size) {
        const struct mf_field *mf;
        union mf_value value, mask;
        enum ofperr error;

        if (b.size >= 4 && cookie
            && is_cookie_header(ntohl(get_unaligned_be32(b.data)))) {
            bool w = ntohl(get_unaligned_be32(b.data)) == NXM_NX_COOKIE_W;
            const uint8_t *p = ofpbuf_try_pull(&b, w ? 20 : 12);

            if (!p) {
                return OFPERR_OFPBMC_BAD_LEN;
            }
            if (*cookie_mask) {
                return OFPERR_OFPBMC_DUP_FIELD;
            }
            memcpy(cookie, p + 4, 8);
            *cookie_mask = OVS_BE64_MAX;
            if (w) {
                memcpy(cookie_mask, p + 12, 8);
            }
            *cookie &= *cookie_mask;
            continue;
        }

        error = nx_pull_entry(&b, &mf, &value, &mask);
        if (error == OFPERR_OFPBMC_BAD_FIELD && !strict) {
            continue;
        } else if (error) {
            return error;
        }

        /* in_port and in_port_oxm are the same field. */
        const struct mf_field *dup = (mf->id == MFF_IN_PORT_OXM
                                      ? mf_from_id(MFF_IN_PORT) : mf);
        if (!mf_is_all_wild(dup, &match->wc)) {
            return OFPERR_OFPBMC_DUP_FIELD;
        }
        for (i = 0; i < (int) mf->n_bytes; i++) {
            if (value.b[i] & ~mask.b[i]) {
                return OFPERR_OFPBMC_BAD_WILDCARDS;
            }
        }
        mf_set(mf, &value, &mask, match);
        seen[mf->id] = true;
    }

    /* Prerequisites, now that every entry is in. */
    for (i = 0; i < MFF_N_IDS; i++) {
        const struct mf_field *mf = mf_from_id(i);
        if (seen[i] && !mf_are_match_prereqs_ok(mf, match)) {
            VLOG_DBG("%s: prerequisites not met", mf->name);
            return OFPERR_OFPBMC_BAD_PREREQ;
        }
    }
    return 0;
}

static enum ofperr
nx_pull_match__(struct ofpbuf *b, unsigned int match_len, bool strict,
                struct match *match, ovs_be64 *cookie,
                ovs_be64 *cookie_mask)
{
    const void *p = NULL;

    if (match_len) {
        p = ofpbuf_try_pull(b, ROUND_UP(match_len, 8));
        if (!p) {
            VLOG_DBG("nx_match length %u, rounded up to a multiple of 8, is "
                     "longer than space in message (max length %"PRIu32")",
                     match_len, b->size);
            return OFPERR_OFPBMC_BAD_LEN;
        }
    }
    return decode_entries(p, match_len, strict, match, cookie, cookie_mask);
}

/* Pulls an NXM match of 'match_len' bytes (plus padding to 8) from 'b'. */
enum ofperr
nx_pull_match(struct ofpbuf *b, unsigned int match_len, struct match *match,
              ovs_be64 *cookie, ovs_be64 *cookie_mask)
{
    return nx_pull_match__(b, match_len, true, match, cookie, cookie_mask);
}

enum ofperr
nx_pull_match_loose(struct ofpbuf *b, unsigned int match_len,
                    struct match *match, ovs_be64 *cookie,
                    ovs_be64 *cookie_mask)
{
    return nx_pull_match__(b, match_len, false, match, cookie, cookie_mask);
}

static enum ofperr
oxm_pull_match__(struct ofpbuf *b, bool strict, struct match *match)
{
    const struct ofp11_match_header *omh;
    size_t padded;
    unsigned int len;

    /* The header's length counts itself but not the padding to 8. */
    omh = b->size >= sizeof *omh ? b->data : NULL;
    len = omh ? ntohs(omh->length) : 0;
    if (!omh || len < sizeof *omh) {
        return OFPERR_OFPBMC_BAD_LEN;
    } else if (ntohs(omh->type) != OFPMT_OXM) {
        return OFPERR_OFPBMC_BAD_TYPE;
    }
    padded = ROUND_UP(len, 8);
    if (b->size < padded) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    ofpbuf_pull(b, padded);
    return decode_entries(omh + 1, len - sizeof *omh, strict, match, NULL,
                          NULL);
}

/* Pulls an OXM match (struct ofp11_match_header, entries, padding). */
enum ofperr
oxm_pull_match(struct ofpbuf *b, struct match *match)
{
    return oxm_pull_match__(b, true, match);
}

enum ofperr
oxm_pull_match_loose(struct ofpbuf *b, struct match *match)
{
    return oxm_pull_match__(b, false, match);
}

/* Decodes 'size' bytes of bare OXM entries, strictly. */
enum ofperr
oxm_decode_match(const void *data, size_t size, struct match *match)
{
    return decode_entries(data, size, true, match, NULL, NULL);
}

/* Appends 'mf' from 'match' if it is matched at all. */
static void
put_field(struct ofpbuf *b, enum mf_field_id id, const struct match *match,
          enum ofp_version version)
{
    const struct mf_field *mf = mf_from_id(id);
    union mf_value value, mask;

    mf_get(mf, match, &value, &mask);
    if (!is_all_zeros(&mask, mf->n_bytes)) {
        nx_put_entry(b, id, version, &value, &mask);
    }
}

/* Appends the VLAN match in OXM form.  vlan_vid carries the VID and the
 * "present" bit (CFI in our TCI) with the mask they have in 'match', so
 * "no tag" is vlan_vid=0 with the present bit in the mask.  vlan_pcp goes
 * along when the whole priority is matched, unless the match says there is
 * no tag, where a priority means nothing (and OXM forbids one). */
static void
put_oxm_vlan(struct ofpbuf *b, const struct match *match,
             enum ofp_version version)
{
    ovs_be16 tci = match->flow.vlan_tci, m = match->wc.masks.vlan_tci;
    ovs_be16 vid_bits = htons(VLAN_VID_MASK | VLAN_CFI);
    ovs_be16 vid_mask = m & vid_bits;
    bool no_tag = (vid_mask & htons(VLAN_CFI)) && !(tci & htons(VLAN_CFI));
    union mf_value value, mask;

    if (vid_mask) {
        memset(&value, 0, sizeof value);
        memset(&mask, 0, sizeof mask);
        value.be16 = tci & vid_bits;
        mask.be16 = vid_mask;
        nx_put_entry(b, MFF_VLAN_VID, version, &value,
                     vid_mask == vid_bits ? NULL : &mask);
    }
    if (!no_tag && (m & htons(VLAN_PCP_MASK)) == htons(VLAN_PCP_MASK)) {
        memset(&value, 0, sizeof value);
        value.u8 = vlan_tci_to_pcp(tci);
        nx_put_entry(b, MFF_VLAN_PCP, version, &value, NULL);
    }
}

/* Appends the entries for 'match' in the conventional order.  'version'
 * 0 means NXM. */
static void
put_raw(struct ofpbuf *b, const struct match *match,
        enum ofp_version version)
{
    const struct flow *f = &match->flow;
    bool oxm = version != 0;
    int i;

    put_field(b, MFF_RECIRC_ID, match, version);
    put_field(b, oxm ? MFF_IN_PORT_OXM : MFF_IN_PORT, match, version);
    put_field(b, MFF_ETH_SRC, match, version);
    put_field(b, MFF_ETH_DST, match, version);
    put_field(b, MFF_ETH_TYPE, match, version);
    if (oxm) {
        put_oxm_vlan(b, match, version);
    } else {
        put_field(b, MFF_VLAN_TCI, match, version);
    }

    if (match->wc.masks.dl_type == OVS_BE16_MAX && is_ip_any(f)) {
        if (f->dl_type == htons(ETH_TYPE_IP)) {
            put_field(b, MFF_IPV4_SRC, match, version);
            put_field(b, MFF_IPV4_DST, match, version);
        } else {
            put_field(b, MFF_IPV6_SRC, match, version);
            put_field(b, MFF_IPV6_DST, match, version);
            put_field(b, MFF_IPV6_LABEL, match, version);
        }
        put_field(b, MFF_IP_FRAG, match, version);
        put_field(b, oxm ? MFF_IP_DSCP_SHIFTED : MFF_IP_DSCP, match,
                  version);
        put_field(b, MFF_IP_ECN, match, version);
        put_field(b, MFF_IP_TTL, match, version);
        put_field(b, MFF_IP_PROTO, match, version);

        if (match->wc.masks.nw_proto == UINT8_MAX) {
            switch (f->nw_proto) {
            case IPPROTO_TCP:
                put_field(b, MFF_TCP_SRC, match, version);
                put_field(b, MFF_TCP_DST, match, version);
                put_field(b, MFF_TCP_FLAGS, match, version);
                break;
            case IPPROTO_UDP:
                put_field(b, MFF_UDP_SRC, match, version);
                put_field(b, MFF_UDP_DST, match, version);
                break;
            case IPPROTO_SCTP:
                put_field(b, MFF_SCTP_SRC, match, version);
                put_field(b, MFF_SCTP_DST, match, version);
                break;
            case IPPROTO_ICMP:
                if (f->dl_type == htons(ETH_TYPE_IP)) {
                    put_field(b, MFF_ICMPV4_TYPE, match, version);
                    put_field(b, MFF_ICMPV4_CODE, match, version);
                }
                break;
            case IPPROTO_ICMPV6:
                if (f->dl_type == htons(ETH_TYPE_IPV6)) {
                    put_field(b, MFF_ICMPV6_TYPE, match, version);
                    put_field(b, MFF_ICMPV6_CODE, match, version);
                    if (mf_are_match_prereqs_ok(mf_from_id(MFF_ND_TARGET),
                                                match)) {
                        put_field(b, MFF_ND_TARGET, match, version);
                        put_field(b, f->tp_src == htons(ND_NEIGHBOR_SOLICIT)
                                  ? MFF_ND_SLL : MFF_ND_TLL, match, version);
                    }
                }
                break;
            default:
                break;
            }
        }
    } else if (match->wc.masks.dl_type == OVS_BE16_MAX
               && (f->dl_type == htons(ETH_TYPE_ARP)
                   || f->dl_type == htons(ETH_TYPE_RARP))) {
        put_field(b, MFF_ARP_OP, match, version);
        put_field(b, MFF_ARP_SPA, match, version);
        put_field(b, MFF_ARP_TPA, match, version);
        put_field(b, MFF_ARP_SHA, match, version);
        put_field(b, MFF_ARP_THA, match, version);
    }

    put_field(b, MFF_TUN_ID, match, version);
    for (i = 0; i < FLOW_N_REGS; i++) {
        put_field(b, MFF_REG0 + i, match, version);
    }
    put_field(b, MFF_PKT_MARK, match, version);
    put_field(b, MFF_CT_STATE, match, version);
    put_field(b, MFF_CT_ZONE, match, version);
    put_field(b, MFF_CT_MARK, match, version);
    put_field(b, MFF_CT_LABEL, match, version);
    put_field(b, MFF_METADATA, match, version);
}

/* Appends 'match' (and the cookie, if 'cookie_mask' is nonzero) in NXM
 * form, padded to a multiple of 8 bytes.  Returns the unpadded length. */
int
nx_put_match(struct ofpbuf *b, const struct match *match, ovs_be64 cookie,
             ovs_be64 cookie_mask)
{
    size_t start = b->size;
    int match_len;

    put_raw(b, match, 0);
    if (cookie_mask) {
        bool w = cookie_mask != OVS_BE64_MAX;
        ovs_be32 h = htonl(w ? NXM_NX_COOKIE_W : NXM_NX_COOKIE);
        ovs_be64 c = cookie & cookie_mask;

        ofpbuf_put(b, &h, 4);
        ofpbuf_put(b, &c, 8);
        if (w) {
            ofpbuf_put(b, &cookie_mask, 8);
        }
    }
    match_len = b->size - start;
    ofpbuf_put_zeros(b, PAD_SIZE(match_len, 8));
    return match_len;
}

/* Appends 'match' as an OXM match: header, entries, padding.  Returns the
 * length recorded in the header (unpadded). */
int
oxm_put_match(struct ofpbuf *b, const struct match *match,
              enum ofp_version version)
{
    size_t start = b->size;
    struct ofp11_match_header *omh;
    int match_len;

    ofpbuf_put_zeros(b, sizeof *omh);
    put_raw(b, match, version);
    match_len = b->size - start;
    omh = ofpbuf_at(b, start, sizeof *omh);
    omh->type = htons(OFPMT_OXM);
    omh->length = htons(match_len);
    ofpbuf_put_zeros(b, PAD_SIZE(match_len, 8));
    return match_len;
}

/* Appends only the OXM entries of 'match', for properties that carry a
 * match without the header. */
void
oxm_put_raw(struct ofpbuf *b, const struct match *match,
            enum ofp_version version)
{
    put_raw(b, match, version ? version : OFP12_VERSION);
}

/* ----- Text ---------------------------------------------------------- */

/* Appends the 'n' bytes at 'p' as pairs of hex digits. */
static void
put_hex_bytes(struct ds *s, const uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        ds_put_format(s, "%02"PRIx8, p[i]);
    }
}

static void
format_entries(struct ds *s, const uint8_t *data, unsigned int len)
{
    struct ofpbuf b;
    bool first = true;

    ofpbuf_use_const(&b, data, len);
    while (b.size) {
        const uint8_t *start = b.data;
        const struct mf_field *mf;
        uint32_t header = 0, vendor = 0;
        unsigned int plen = 0;
        bool masked;
        enum ofperr error;

        if (!first) {
            ds_put_cstr(s, ", ");
        }
        first = false;
        error = pull_header(&b, &mf, &masked, &header, &plen);
        if (error && error != OFPERR_OFPBMC_BAD_FIELD) {
            ds_put_format(s, "<%u invalid bytes>",
                          (unsigned int) (len - (start - data)));
            return;
        }
        if (NXM_CLASS(header) == OXM_CLASS_EXPERIMENTER) {
            vendor = ntohl(get_unaligned_be32(start + 4));
        }
        const uint8_t *payload = ofpbuf_try_pull(&b, plen);
        if (!payload) {
            ds_put_format(s, "<%u invalid bytes>",
                          (unsigned int) (len - (start - data)));
            return;
        }

        const struct nxm_code *c = code_lookup(NXM_CLASS(header),
                                               NXM_FIELD(header), vendor);
        if (c) {
            ds_put_format(s, "%s%s(", c->name, masked ? "_W" : "");
        } else if (is_cookie_header(header)) {
            ds_put_format(s, "NXM_NX_COOKIE%s(", masked ? "_W" : "");
        } else {
            ds_put_format(s, "<%#"PRIx32":%u:%u:%d:%u>(", NXM_CLASS(header),
                          vendor, NXM_FIELD(header), masked, plen);
        }
        if (masked && plen % 2 == 0) {
            put_hex_bytes(s, payload, plen / 2);
            ds_put_char(s, '/');
            put_hex_bytes(s, payload + plen / 2, plen / 2);
        } else {
            put_hex_bytes(s, payload, plen);
        }
        ds_put_char(s, ')');
    }
}

/* Returns a malloc()'d text form of the 'match_len' bytes of NXM at 'p'. */
char *
nx_match_to_string(const uint8_t *p, unsigned int match_len)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (!match_len) {
        return xstrdup("<any>");
    }
    format_entries(&s, p, match_len);
    return ds_steal_cstr(&s);
}

/* Like nx_match_to_string() for an OXM match (with header) in 'b'. */
char *
oxm_match_to_string(const struct ofpbuf *b, unsigned int match_len)
{
    const struct ofp11_match_header *omh = b->data;
    struct ds s = DS_EMPTY_INITIALIZER;

    if (match_len < sizeof *omh || b->size < match_len) {
        ds_put_format(&s, "<match too short: %u>", match_len);
    } else if (omh->type != htons(OFPMT_OXM)) {
        ds_put_format(&s, "<bad match type field: %"PRIu16">",
                      ntohs(omh->type));
    } else if (ntohs(omh->length) != match_len) {
        ds_put_format(&s, "<bad match length field: %"PRIu16">",
                      ntohs(omh->length));
    } else if (match_len == sizeof *omh) {
        ds_put_cstr(&s, "<any>");
    } else {
        format_entries(&s, (const uint8_t *) b->data + sizeof *omh,
                       match_len - sizeof *omh);
    }
    return ds_steal_cstr(&s);
}

/* Parses hex digits at 's' (up to 'n' bytes' worth) into 'b'.  Returns
 * the number of bytes, or -1. */
static int
put_hex(struct ofpbuf *b, const char *s, size_t len)
{
    size_t i;

    if (len % 2) {
        return -1;
    }
    for (i = 0; i < len; i += 2) {
        int hi = hexit_value(s[i]), lo = hexit_value(s[i + 1]);
        uint8_t byte;

        if (hi < 0 || lo < 0) {
            return -1;
        }
        byte = hi * 16 + lo;
        ofpbuf_put(b, &byte, 1);
    }
    return len / 2;
}

static char *
from_string(const char *s, struct ofpbuf *b, int *match_lenp,
            enum ofp_version version)
{
    size_t start = b->size;
    const char *p = s;

    *match_lenp = 0;
    if (!strcmp(s, "<any>")) {
        return NULL;
    }
    while (*p) {
        const char *name, *paren, *close, *slash;
        size_t name_len;
        const struct mf_field *mf;
        bool masked;

        p += strspn(p, ", \t");
        if (!*p) {
            break;
        }
        name = p;
        paren = strchr(p, '(');
        if (!paren) {
            return xasprintf("%s: missing `(' at end of field name", p);
        }
        close = strchr(paren, ')');
        if (!close) {
            return xasprintf("%s: missing `)' following field value", p);
        }
        name_len = paren - name;
        masked = name_len > 2 && !strncmp(paren - 2, "_W", 2);

        if (name_len == 13 + (masked ? 2 : 0)
            && !strncmp(name, "NXM_NX_COOKIE", 13)) {
            ovs_be32 h = htonl(masked ? NXM_NX_COOKIE_W : NXM_NX_COOKIE);
            ofpbuf_put(b, &h, 4);
        } else {
            const struct nxm_code *c = NULL;
            size_t i, base_len = name_len - (masked ? 2 : 0);

            for (i = 0; i < ARRAY_SIZE(nxm_codes); i++) {
                if (nxm_codes[i].name[0]
                    && strlen(nxm_codes[i].name) == base_len
                    && !strncmp(nxm_codes[i].name, name, base_len)) {
                    c = &nxm_codes[i];
                    break;
                }
            }
            if (!c) {
                return xasprintf("%.*s: unknown field", (int) name_len,
                                 name);
            }
            mf = mf_from_id(c->id);
            ovs_be32 h = htonl(code_header(c, masked, mf->n_bytes));
            ofpbuf_put(b, &h, 4);
            if (c->vendor) {
                ovs_be32 v = htonl(c->vendor);
                ofpbuf_put(b, &v, 4);
            }
        }

        slash = memchr(paren + 1, '/', close - paren - 1);
        if (masked != (slash != NULL)) {
            return xasprintf("%.*s: %s", (int) (close - name + 1), name,
                             masked ? "missing mask" : "unexpected mask");
        }
        if (slash) {
            if (put_hex(b, paren + 1, slash - paren - 1) < 0
                || put_hex(b, slash + 1, close - slash - 1) < 0) {
                return xasprintf("%.*s: bad hex", (int) (close - name + 1),
                                 name);
            }
        } else if (put_hex(b, paren + 1, close - paren - 1) < 0) {
            return xasprintf("%.*s: bad hex", (int) (close - name + 1),
                             name);
        }
        p = close + 1;
    }
    (void) version;
    *match_lenp = b->size - start;
    return NULL;
}

/* Parses the text form of NXM entries into 'b', padded to 8 bytes, and
 * stores the unpadded length in '*match_lenp'.  Lengths in headers follow
 * the field sizes, so that bad values can be tested.  Returns NULL or a
 * malloc()'d error. */
char *
nx_match_from_string(const char *s, struct ofpbuf *b, int *match_lenp)
{
    char *error = from_string(s, b, match_lenp, 0);

    if (!error) {
        ofpbuf_put_zeros(b, PAD_SIZE(*match_lenp, 8));
    }
    return error;
}

/* Like nx_match_from_string() with an ofp11_match_header in front;
 * '*match_lenp' includes the header. */
char *
oxm_match_from_string(const char *s, struct ofpbuf *b, int *match_lenp)
{
    size_t start = b->size;
    struct ofp11_match_header *omh;
    char *error;
    int len;

    ofpbuf_put_zeros(b, sizeof *omh);
    error = from_string(s, b, &len, OFP12_VERSION);
    if (error) {
        return error;
    }
    *match_lenp = len + sizeof *omh;
    omh = ofpbuf_at(b, start, sizeof *omh);
    omh->type = htons(OFPMT_OXM);
    omh->length = htons(*match_lenp);
    ofpbuf_put_zeros(b, PAD_SIZE(*match_lenp, 8));
    return NULL;
}
