/*
 * OpenFlow protocols and versions: names, conversions, and the Nicira
 * messages that switch an OpenFlow 1.0 connection between dialects.
 *
 * A "protocol" (enum ofputil_protocol) is one bit; sets of them are
 * bitmaps.  A "version" is the ofp_header version byte; sets of versions
 * are bitmaps with bit N for version N, as in the OpenFlow 1.3.1 hello
 * version bitmap.  Both have text forms that ovs-ofctl accepts on its
 * command line (-O, --protocols) and prints.
 */

#include <config.h>
#include "ofp-protocol.h"

#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "ofp-msgs.h"
#include "openflow/nicira-ext.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"

/* Every single protocol with its version and its table-id twin, declared
 * once; the conversions below are lookups in this table. */
struct protocol_info {
    enum ofputil_protocol protocol;
    enum ofp_version version;
    enum ofputil_protocol no_tid;       /* Same dialect, no table ids. */
    enum ofputil_protocol tid;          /* Same dialect with table ids. */
};

static const struct protocol_info protocol_infos[] = {
    { OFPUTIL_P_OF10_STD, OFP10_VERSION,
      OFPUTIL_P_OF10_STD, OFPUTIL_P_OF10_STD_TID },
    { OFPUTIL_P_OF10_STD_TID, OFP10_VERSION,
      OFPUTIL_P_OF10_STD, OFPUTIL_P_OF10_STD_TID },
    { OFPUTIL_P_OF10_NXM, OFP10_VERSION,
      OFPUTIL_P_OF10_NXM, OFPUTIL_P_OF10_NXM_TID },
    { OFPUTIL_P_OF10_NXM_TID, OFP10_VERSION,
      OFPUTIL_P_OF10_NXM, OFPUTIL_P_OF10_NXM_TID },
    { OFPUTIL_P_OF11_STD, OFP11_VERSION,
      OFPUTIL_P_OF11_STD, OFPUTIL_P_OF11_STD },
    { OFPUTIL_P_OF12_OXM, OFP12_VERSION,
      OFPUTIL_P_OF12_OXM, OFPUTIL_P_OF12_OXM },
    { OFPUTIL_P_OF13_OXM, OFP13_VERSION,
      OFPUTIL_P_OF13_OXM, OFPUTIL_P_OF13_OXM },
    { OFPUTIL_P_OF14_OXM, OFP14_VERSION,
      OFPUTIL_P_OF14_OXM, OFPUTIL_P_OF14_OXM },
    { OFPUTIL_P_OF15_OXM, OFP15_VERSION,
      OFPUTIL_P_OF15_OXM, OFPUTIL_P_OF15_OXM },
};

static const struct protocol_info *
protocol_info_find(enum ofputil_protocol protocol)
{
    for (size_t i = 0; i < ARRAY_SIZE(protocol_infos); i++) {
        if (protocol_infos[i].protocol == protocol) {
            return &protocol_infos[i];
        }
    }
    return NULL;
}

/* The protocols without the table-id variants of OpenFlow 1.0 (which a
 * connection reaches by NXT_FLOW_MOD_TABLE_ID, not by negotiation). */
const enum ofputil_protocol ofputil_protocols[] = {
    OFPUTIL_P_OF10_STD, OFPUTIL_P_OF10_NXM, OFPUTIL_P_OF11_STD,
    OFPUTIL_P_OF12_OXM, OFPUTIL_P_OF13_OXM, OFPUTIL_P_OF14_OXM,
    OFPUTIL_P_OF15_OXM,
};
const size_t ofputil_n_protocols = ARRAY_SIZE(ofputil_protocols);

/* A name for a set of protocols.  Longer sets come first so that
 * ofputil_protocols_to_string() prefers them. */
struct protocol_name {
    enum ofputil_protocol protocols;
    const char *name;
};

static const struct protocol_name set_names[] = {
    { OFPUTIL_P_ANY, "any" },
    { OFPUTIL_P_OF10_STD_ANY, "OpenFlow10" },
    { OFPUTIL_P_OF10_NXM_ANY, "NXM" },
    { OFPUTIL_P_ANY_OXM, "OXM" },
};

static const struct protocol_name single_names[] = {
    { OFPUTIL_P_OF10_STD, "OpenFlow10-table_id" },
    { OFPUTIL_P_OF10_STD_TID, "OpenFlow10+table_id" },
    { OFPUTIL_P_OF10_NXM, "NXM-table_id" },
    { OFPUTIL_P_OF10_NXM_TID, "NXM+table_id" },
    { OFPUTIL_P_OF11_STD, "OpenFlow11" },
    { OFPUTIL_P_OF12_OXM, "OXM-OpenFlow12" },
    { OFPUTIL_P_OF13_OXM, "OXM-OpenFlow13" },
    { OFPUTIL_P_OF14_OXM, "OXM-OpenFlow14" },
    { OFPUTIL_P_OF15_OXM, "OXM-OpenFlow15" },
};

bool
ofputil_protocol_is_valid(enum ofputil_protocol protocol)
{
    return protocol_info_find(protocol) != NULL;
}

/* Returns 'protocol' with flow-mod table ids turned on or off.  Protocols
 * other than OpenFlow 1.0's always carry table ids and are unchanged. */
enum ofputil_protocol
ofputil_protocol_set_tid(enum ofputil_protocol protocol, bool enable)
{
    const struct protocol_info *info = protocol_info_find(protocol);
    return !info ? protocol : enable ? info->tid : info->no_tid;
}

/* Returns 'protocol' without the table-id extension. */
enum ofputil_protocol
ofputil_protocol_to_base(enum ofputil_protocol protocol)
{
    return ofputil_protocol_set_tid(protocol, false);
}

/* Returns 'new_base' with the table-id setting of 'cur'. */
enum ofputil_protocol
ofputil_protocol_set_base(enum ofputil_protocol cur,
                          enum ofputil_protocol new_base)
{
    bool tid = (cur & (OFPUTIL_P_OF10_STD_TID | OFPUTIL_P_OF10_NXM_TID))
               != 0;
    return ofputil_protocol_set_tid(new_base, tid);
}

/* Returns the default protocol for a connection that negotiated
 * 'version' (the first table row of that version), or 0 if 'version' is
 * unknown. */
enum ofputil_protocol
ofputil_protocol_from_ofp_version(enum ofp_version version)
{
    for (size_t i = 0; i < ARRAY_SIZE(protocol_infos); i++) {
        if (protocol_infos[i].version == version) {
            return protocol_infos[i].protocol;
        }
    }
    return 0;
}

/* Returns every protocol that 'version' can use. */
enum ofputil_protocol
ofputil_protocols_from_ofp_version(enum ofp_version version)
{
    enum ofputil_protocol protocols = 0;
    for (size_t i = 0; i < ARRAY_SIZE(protocol_infos); i++) {
        if (protocol_infos[i].version == version) {
            protocols |= protocol_infos[i].protocol;
        }
    }
    return protocols;
}

/* Returns the version that single protocol 'protocol' uses. */
enum ofp_version
ofputil_protocol_to_ofp_version(enum ofputil_protocol protocol)
{
    const struct protocol_info *info = protocol_info_find(protocol);
    ovs_assert(info);
    return info->version;
}

/* Returns the name of single protocol 'protocol' or of one of the named
 * sets, or NULL. */
const char *
ofputil_protocol_to_string(enum ofputil_protocol protocol)
{
    for (size_t i = 0; i < ARRAY_SIZE(single_names); i++) {
        if (single_names[i].protocols == protocol) {
            return single_names[i].name;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(set_names); i++) {
        if (set_names[i].protocols == protocol) {
            return set_names[i].name;
        }
    }
    return NULL;
}

/* Appends to 's' a comma-separated list of names for 'protocols', using a
 * set's name wherever the whole set is present.  "none" for 0. */
void
ofputil_format_protocols(struct ds *s, enum ofputil_protocol protocols)
{
    size_t start = s->length;

    protocols &= OFPUTIL_P_ANY;
    for (size_t i = 0; i < ARRAY_SIZE(set_names); i++) {
        enum ofputil_protocol set = set_names[i].protocols;
        if ((protocols & set) == set) {
            ds_put_format(s, "%s,", set_names[i].name);
            protocols &= ~set;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(single_names); i++) {
        if (protocols & single_names[i].protocols) {
            ds_put_format(s, "%s,", single_names[i].name);
        }
    }
    if (s->length == start) {
        ds_put_cstr(s, "none");
    } else {
        ds_chomp(s, ',');
    }
}

/* Returns a newly allocated string (owned by the caller) that names
 * 'protocols'. */
char *
ofputil_protocols_to_string(enum ofputil_protocol protocols)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    ofputil_format_protocols(&s, protocols);
    return ds_steal_cstr(&s);
}

static enum ofputil_protocol
protocol_from_name(const char *name, size_t len)
{
    for (size_t i = 0; i < ARRAY_SIZE(single_names); i++) {
        if (strlen(single_names[i].name) == len
            && !strncasecmp(name, single_names[i].name, len)) {
            return single_names[i].protocols;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(set_names); i++) {
        if (strlen(set_names[i].name) == len
            && !strncasecmp(name, set_names[i].name, len)) {
            return set_names[i].protocols;
        }
    }
    return 0;
}

/* Parses 's', a list of protocol names separated by commas or spaces, and
 * returns their union, or 0 if 's' names no protocol or any name is
 * unknown. */
enum ofputil_protocol
ofputil_protocols_from_string(const char *s)
{
    enum ofputil_protocol protocols = 0;

    while (*s) {
        size_t len;

        s += strspn(s, ", \t");
        len = strcspn(s, ", \t");
        if (!len) {
            break;
        }
        enum ofputil_protocol p = protocol_from_name(s, len);
        if (!p) {
            return 0;
        }
        protocols |= p;
        s += len;
    }
    return protocols;
}

/* Versions. */

/* Returns "OpenFlow10" ... "OpenFlow15", or NULL for an unknown version. */
const char *
ofputil_version_to_string(enum ofp_version version)
{
    switch (version) {
    case OFP10_VERSION: return "OpenFlow10";
    case OFP11_VERSION: return "OpenFlow11";
    case OFP12_VERSION: return "OpenFlow12";
    case OFP13_VERSION: return "OpenFlow13";
    case OFP14_VERSION: return "OpenFlow14";
    case OFP15_VERSION: return "OpenFlow15";
    default: return NULL;
    }
}

static int
version_from_name(const char *s, size_t len)
{
    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        const char *name = ofputil_version_to_string(v);
        if (strlen(name) == len && !strncasecmp(s, name, len)) {
            return v;
        }
    }
    return 0;
}

/* Returns the version named 's' ("OpenFlow13"), or 0. */
int
ofputil_version_from_string(const char *s)
{
    return version_from_name(s, strlen(s));
}

/* Parses 's', version names separated by commas or spaces, into a bitmap
 * in '*versions'.  On failure returns false and, if 'errorp' is nonnull,
 * stores a message (owned by the caller) in '*errorp'. */
bool
ofputil_decode_version_list(const char *s, uint32_t *versions,
                            char **errorp)
{
    *versions = 0;
    while (*s) {
        s += strspn(s, ", \t");
        size_t len = strcspn(s, ", \t");
        if (!len) {
            break;
        }
        int v = version_from_name(s, len);
        if (!v) {
            if (errorp) {
                *errorp = xasprintf("%.*s: unknown OpenFlow version",
                                    (int) len, s);
            }
            return false;
        }
        *versions |= 1u << v;
        s += len;
    }
    return true;
}

/* Returns the bitmap of the versions named in 's', or 0 if any name is
 * unknown. */
uint32_t
ofputil_versions_from_string(const char *s)
{
    uint32_t versions;
    return ofputil_decode_version_list(s, &versions, NULL) ? versions : 0;
}

uint32_t
ofputil_versions_from_strings(char *const *strings, size_t n)
{
    uint32_t versions = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = ofputil_versions_from_string(strings[i]);
        if (!v) {
            return 0;
        }
        versions |= v;
    }
    return versions;
}

/* Appends "0x04" for OpenFlow 1.3, and so on. */
void
ofputil_format_version(struct ds *s, enum ofp_version version)
{
    ds_put_format(s, "0x%02x", version);
}

void
ofputil_format_version_name(struct ds *s, enum ofp_version version)
{
    const char *name = ofputil_version_to_string(version);
    if (name) {
        ds_put_cstr(s, name);
    } else {
        ofputil_format_version(s, version);
    }
}

/* Appends the versions in 'bitmap' as "0x01, 0x04". */
void
ofputil_format_version_bitmap(struct ds *s, uint32_t bitmap)
{
    bool first = true;
    for (int v = 0; v < 32; v++) {
        if (bitmap & (1u << v)) {
            if (!first) {
                ds_put_cstr(s, ", ");
            }
            first = false;
            ofputil_format_version(s, v);
        }
    }
}

/* Appends the versions in 'bitmap' as "OpenFlow10, OpenFlow13". */
void
ofputil_format_version_bitmap_names(struct ds *s, uint32_t bitmap)
{
    bool first = true;
    for (int v = 0; v < 32; v++) {
        if (bitmap & (1u << v)) {
            if (!first) {
                ds_put_cstr(s, ", ");
            }
            first = false;
            ofputil_format_version_name(s, v);
        }
    }
}

/* Nicira flow formats. */

bool
ofputil_nx_flow_format_is_valid(uint32_t nxff)
{
    return nxff == NXFF_OPENFLOW10 || nxff == NXFF_NXM;
}

const char *
ofputil_nx_flow_format_to_string(uint32_t nxff)
{
    switch (nxff) {
    case NXFF_OPENFLOW10: return "openflow10";
    case NXFF_NXM: return "nxm";
    default: return NULL;
    }
}

/* Returns the OpenFlow 1.0 protocol for 'nxff', or 0 if it is invalid. */
enum ofputil_protocol
ofputil_nx_flow_format_to_protocol(uint32_t nxff)
{
    switch (nxff) {
    case NXFF_OPENFLOW10: return OFPUTIL_P_OF10_STD;
    case NXFF_NXM: return OFPUTIL_P_OF10_NXM;
    default: return 0;
    }
}

/* Returns a new NXT_SET_FLOW_FORMAT (owned by the caller). */
struct ofpbuf *
ofputil_encode_nx_set_flow_format(uint32_t nxff)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_NXT_SET_FLOW_FORMAT,
                                      OFP10_VERSION, 0);
    struct nx_set_flow_format *sff = ofpbuf_put_zeros(msg, sizeof *sff);
    sff->format = htonl(nxff);
    ofpmsg_update_length(msg);
    return msg;
}

/* Returns the protocol that NXT_SET_FLOW_FORMAT 'oh' selects, or 0 if it
 * names an unknown format. */
enum ofputil_protocol
ofputil_decode_nx_set_flow_format(const struct ofp_header *oh)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct nx_set_flow_format *sff = b.msg;
    return ofputil_nx_flow_format_to_protocol(ntohl(sff->format));
}

/* Returns a new NXT_FLOW_MOD_TABLE_ID (owned by the caller). */
struct ofpbuf *
ofputil_encode_nx_flow_mod_table_id(bool enable)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_NXT_FLOW_MOD_TABLE_ID,
                                      OFP10_VERSION, 0);
    struct nx_flow_mod_table_id *nfmti = ofpbuf_put_zeros(msg,
                                                          sizeof *nfmti);
    nfmti->set = enable;
    ofpmsg_update_length(msg);
    return msg;
}

/* Returns whether NXT_FLOW_MOD_TABLE_ID 'oh' enables table ids. */
bool
ofputil_decode_nx_flow_mod_table_id(const struct ofp_header *oh)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct nx_flow_mod_table_id *nfmti = b.msg;
    return nfmti->set != 0;
}

struct ofpbuf *
ofputil_encode_set_protocol(enum ofputil_protocol current,
                            enum ofputil_protocol want,
                            enum ofputil_protocol *next)
{
    enum ofputil_protocol cur_base = ofputil_protocol_to_base(current);
    enum ofputil_protocol want_base = ofputil_protocol_to_base(want);
    bool cur_tid = ofputil_protocol_set_tid(current, true) == current;
    bool want_tid = ofputil_protocol_set_tid(want, true) == want;

    *next = current;
    if (ofputil_protocol_to_ofp_version(current)
        != ofputil_protocol_to_ofp_version(want)) {
        /* Only version negotiation can change the version. */
        return NULL;
    }
    if (cur_base != want_base) {
        *next = ofputil_protocol_set_base(current, want_base);
        return ofputil_encode_nx_set_flow_format(
            want_base == OFPUTIL_P_OF10_NXM ? NXFF_NXM : NXFF_OPENFLOW10);
    }
    if (cur_tid != want_tid) {
        *next = ofputil_protocol_set_tid(current, want_tid);
        return ofputil_encode_nx_flow_mod_table_id(want_tid);
    }
    return NULL;
}
