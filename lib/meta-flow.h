/* Meta-flow: the catalogue of fields that OpenFlow can match and rewrite.
 *
 * Every field (in_port, eth_src, reg3, ct_state, ...) is described once, in
 * meta-flow.def: its names, size, maskability, how its values are written
 * in text, what a match must already say before the field may be used
 * ("prerequisites") and its NXM/OXM codes.  This header turns that table
 * into "enum mf_field_id" and offers generic access to fields of a flow or
 * match by id, plus parsing and printing of field values. */

#ifndef META_FLOW_H
#define META_FLOW_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include "openvswitch/types.h"
#include "packets.h"
#include "flow.h"
#include "ofp-errors.h"

struct ds;
struct match;
struct ofputil_port_map;

/* How a field may be masked in a match. */
enum mf_maskable {
    MFM_NONE,                   /* Exact match or wildcard only. */
    MFM_FULLY                   /* Any bitwise mask. */
};

/* How a field's values are written as text. */
enum mf_string {
    MFS_DECIMAL,
    MFS_HEXADECIMAL,
    MFS_CT_STATE,               /* "+trk-new" style flags. */
    MFS_ETHERNET,
    MFS_IPV4,
    MFS_IPV6,
    MFS_OFP_PORT,               /* 16-bit OpenFlow port number or name. */
    MFS_OFP_PORT_OXM,           /* 32-bit OpenFlow port number or name. */
    MFS_FRAG,                   /* no, yes, first, later, not_later. */
    MFS_TCP_FLAGS               /* "+syn-ack" style flags. */
};

/* What a match must already specify before a field is meaningful. */
enum mf_prereqs {
    MFP_NONE,
    MFP_ARP,                    /* eth_type is ARP or RARP. */
    MFP_VLAN_VID,               /* A VLAN tag is present. */
    MFP_IPV4,
    MFP_IPV6,
    MFP_IP_ANY,
    MFP_TCP,                    /* IPv4 or IPv6, nw_proto TCP. */
    MFP_UDP,
    MFP_SCTP,
    MFP_ICMPV4,
    MFP_ICMPV6,
    MFP_ND,                     /* ICMPv6 neighbor solicit or advert. */
    MFP_ND_SOLICIT,
    MFP_ND_ADVERT
};

/* What the fixed-layout OpenFlow 1.0 and 1.1 matches can say about a
 * field. */
enum mf_ofmatch {
    MFO_NONE,                   /* Nothing: the field needs NXM or OXM. */
    MFO_EXACT,                  /* Exact match or wildcard. */
    MFO_CIDR,                   /* Prefix masks. */
    MFO_BITWISE                 /* Arbitrary masks. */
};

enum mf_field_id {
#define MF_FIELD(ID, ...) MFF_##ID,
#include "meta-flow.def"
#undef MF_FIELD
    MFF_N_IDS
};

/* Helpers for the numbered families. */
#define MFF_REG(N) ((enum mf_field_id) (MFF_REG0 + (N)))
#define MFF_XREG(N) ((enum mf_field_id) (MFF_XREG0 + (N)))

/* One field.  All members are constant; the array lives in meta-flow.c. */
struct mf_field {
    enum mf_field_id id;
    const char *name;           /* e.g. "eth_src". */
    const char *extra_name;     /* Alias such as "dl_src", or NULL. */
    unsigned int n_bytes;       /* Size of a value, in bytes. */
    unsigned int n_bits;        /* Significant bits (<= 8 * n_bytes). */
    enum mf_maskable maskable;
    enum mf_string string;
    enum mf_prereqs prereqs;
    bool writable;              /* May actions change it? */
    enum mf_ofmatch of10;       /* What an ofp10_match can hold. */
    enum mf_ofmatch of11;       /* What an ofp11_match can hold. */
    const char *nxm_name;       /* "NXM_OF_ETH_SRC" or NULL. */
    const char *oxm_name;       /* "OXM_OF_ETH_SRC" or NULL. */
};

/* A field's value (or mask), in network byte order, padded at the end.
 * Only the first 'n_bytes' bytes of the field's size are meaningful. */
union mf_value {
    uint8_t u8;
    ovs_be16 be16;
    ovs_be32 be32;
    ovs_be64 be64;
    struct eth_addr mac;
    struct in6_addr ipv6;
    ovs_be128 be128;
    uint8_t b[16];
};

/* A bit-field value, right-justified (the least significant bit of the
 * value is the least significant bit of the last byte). */
union mf_subvalue {
    uint8_t u8[16];
    ovs_be16 be16[8];
    ovs_be32 be32[4];
    ovs_be64 be64[2];
    struct {
        ovs_be64 dummy_integer;
        ovs_be64 integer;
    };
    struct {
        uint8_t dummy_mac[10];
        struct eth_addr mac;
    };
    struct {
        ovs_be32 dummy_ipv4[3];
        ovs_be32 ipv4;
    };
    struct in6_addr ipv6;
};

/* Bits [ofs, ofs + n_bits) of 'field'. */
struct mf_subfield {
    const struct mf_field *field;
    unsigned int ofs;
    unsigned int n_bits;
};

extern const struct mf_field mf_fields[MFF_N_IDS];

static inline const struct mf_field *
mf_from_id(enum mf_field_id id)
{
    return &mf_fields[id];
}

const struct mf_field *mf_from_name(const char *name);
const struct mf_field *mf_from_name_len(const char *name, size_t len);

/* Prerequisites. */
bool mf_are_prereqs_ok(const struct mf_field *, const struct flow *,
                       struct flow_wildcards *wc);
bool mf_are_match_prereqs_ok(const struct mf_field *, const struct match *);
const char *mf_prereqs_to_string(enum mf_prereqs);

/* Field values. */
bool mf_is_value_valid(const struct mf_field *, const union mf_value *);
bool mf_is_mask_valid(const struct mf_field *, const union mf_value *mask);
bool mf_is_all_wild(const struct mf_field *, const struct flow_wildcards *);
bool mf_is_set(const struct mf_field *, const struct flow *);

void mf_get_value(const struct mf_field *, const struct flow *,
                  union mf_value *);
void mf_get_mask(const struct mf_field *, const struct flow_wildcards *,
                 union mf_value *mask);
void mf_get_exact_mask(const struct mf_field *, union mf_value *mask);
void mf_get(const struct mf_field *, const struct match *,
            union mf_value *value, union mf_value *mask);
void mf_set_flow_value(const struct mf_field *, const union mf_value *,
                       struct flow *);
void mf_set_flow_value_masked(const struct mf_field *,
                              const union mf_value *value,
                              const union mf_value *mask, struct flow *);
void mf_set_value(const struct mf_field *, const union mf_value *,
                  struct match *);
void mf_set(const struct mf_field *, const union mf_value *value,
            const union mf_value *mask, struct match *);
void mf_set_wild(const struct mf_field *, struct match *);
void mf_mask_field(const struct mf_field *field, struct flow_wildcards *wc);
void mf_mask_field_masked(const struct mf_field *field,
                          const union mf_value *mask,
                          struct flow_wildcards *wc);
int mf_field_len(const struct mf_field *field, const union mf_value *value,
                 const union mf_value *mask, bool *is_masked);

/* Subfields: reading and writing some bits of a field. */
void mf_write_subfield_flow(const struct mf_subfield *sf,
                            const union mf_subvalue *bits, struct flow *flow);
void mf_write_subfield(const struct mf_subfield *sf,
                       const union mf_subvalue *bits, struct match *match);
void mf_write_subfield_value(const struct mf_subfield *sf, const void *src,
                             struct match *match);
void mf_mask_subfield(const struct mf_field *, const union mf_subvalue *value,
                      const union mf_subvalue *mask, struct match *);
void mf_read_subfield(const struct mf_subfield *, const struct flow *,
                      union mf_subvalue *);
uint64_t mf_get_subfield(const struct mf_subfield *, const struct flow *);
void mf_set_subfield(const struct mf_subfield *, uint64_t value,
                     struct flow *);
bool mf_subfield_is_valid(const struct mf_subfield *);
enum ofperr mf_check_src(const struct mf_subfield *, const struct match *);
enum ofperr mf_check_dst(const struct mf_subfield *, const struct match *);

/* Subfield text: "reg0[]", "NXM_NX_REG0[5..7]", "eth_src[3]". */
char *mf_parse_subfield__(struct mf_subfield *, const char **s)
    __attribute__((warn_unused_result));
char *mf_parse_subfield(struct mf_subfield *, const char *s)
    __attribute__((warn_unused_result));
void mf_format_subfield(const struct mf_subfield *, struct ds *);

/* Subvalues. */
int mf_subvalue_width(const union mf_subvalue *);
void mf_subvalue_shift(union mf_subvalue *, int n);
void mf_subvalue_format(const union mf_subvalue *, struct ds *);
void mf_subvalue_from_value(const struct mf_subfield *,
                            union mf_subvalue *dst, const void *src);

/* Text.  'port_map' may be NULL.  Functions that return char * return NULL
 * on success or a malloc()'d error message that the caller must free. */
char *mf_parse(const struct mf_field *, const char *,
               const struct ofputil_port_map *,
               union mf_value *value, union mf_value *mask)
    __attribute__((warn_unused_result));
char *mf_parse_value(const struct mf_field *, const char *,
                     const struct ofputil_port_map *, union mf_value *)
    __attribute__((warn_unused_result));
char *mf_parse_field(const struct mf_field **, const char *)
    __attribute__((warn_unused_result));
void mf_format(const struct mf_field *, const union mf_value *value,
               const union mf_value *mask, const struct ofputil_port_map *,
               struct ds *);

/* Port names.  OpenFlow's reserved ports have names (LOCAL, IN_PORT, ...);
 * other names are looked up through 'port_map' if nonnull. */
bool mf_parse_ofp_port(const char *, const struct ofputil_port_map *,
                       ofp_port_t *);
void mf_format_ofp_port(ofp_port_t, const struct ofputil_port_map *,
                        struct ds *);

/* Flags of ct_state and tcp_flags in text. */
void mf_format_flags(uint32_t value, uint32_t mask,
                     const char *(*bit_to_string)(uint32_t),
                     uint32_t supported, struct ds *);

#endif /* meta-flow.h */
