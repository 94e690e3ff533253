/*
 * OpenFlow message framing: from header bytes to a message identity and
 * back.
 *
 * An OpenFlow message is identified by up to four header fields: the
 * version and type of struct ofp_header; for stats (multipart) messages
 * also the stats type; for vendor messages also the vendor id and
 * subtype.  lib/ofp-msgs.def lists every encoding we know as a row with
 * those numbers, the versions it exists in and the shape of its body.  At
 * first use, this file turns the rows into a table of struct raw_info;
 * decoding then means reading the header fields, finding the row, and
 * checking the body length against the row's shape.  Allocation runs the
 * other way: a row and a version determine every header byte.
 *
 * Stats replies can exceed the 64 kB OpenFlow length limit; the ofpmp_*()
 * functions keep such a reply as a list of messages, each but the last
 * flagged "more".
 */

#include <config.h>
#include "ofp-msgs.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "openflow/nicira-ext.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_msgs);

/* OFPT numbers that frame other messages. */
enum {
    OFPT_VENDOR = 4,                /* OFPT_EXPERIMENTER from 1.1 on. */
    OFPT10_STATS_REQUEST = 16,      /* The reply is one more. */
    OFPT11_STATS_REQUEST = 18,      /* Also OFPT_MULTIPART_REQUEST. */
    OFPST_VENDOR = 0xffff,          /* Stats type of vendor stats. */
};

/* How a message is framed. */
enum raw_kind {
    KIND_OFPT,                  /* Plain message. */
    KIND_OFPST,                 /* Standard stats message. */
    KIND_NXT,                   /* Nicira vendor message. */
    KIND_NXST,                  /* Nicira vendor stats message. */
};

struct raw_info {
    char *name;                 /* Printed name, e.g. "OFPST_DESC request". */
    enum ofptype type;
    enum raw_kind kind;
    bool is_reply;              /* Stats kinds only. */
    uint8_t min_version, max_version;
    uint32_t number;            /* Type, stats type or subtype. */
    unsigned int body;          /* Fixed body length. */
    unsigned int elem;          /* 0, or granularity of the variable part. */
};

/* The table as declared. */
struct raw_row {
    const char *name;
    const char *spec;
    unsigned int body;
    unsigned int elem;
    enum ofptype type;
};

static const struct raw_row raw_rows[] = {
#define OFPRAW_ROW(NAME, SPEC, BODY, ELEM, TYPE) \
    { #NAME, SPEC, BODY, ELEM, OFPTYPE_##TYPE },
#include "ofp-msgs.def"
};

static const char *const type_names[] = {
#define OFPTYPE_ROW(NAME) #NAME,
#include "ofp-msgs.def"
};

static struct raw_info raw_infos[OFPRAW_N_RAWS_];
static pthread_once_t raw_once = PTHREAD_ONCE_INIT;

static struct vlog_rate_limit bad_msg_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* Parses a version such as "1.3" at '*s' into an enum ofp_version,
 * advancing '*s'.  Returns 0 on failure. */
static int
parse_version(const char **s)
{
    const char *p = *s;
    if (p[0] != '1' || p[1] != '.' || p[2] < '0' || p[2] > '5') {
        return 0;
    }
    *s = p + 3;
    return p[2] - '0' + 1;
}

/* Derives the printed name of a row from its enum name: drops version
 * digits after the kind and turns a stats _REQUEST/_REPLY suffix into a
 * word. */
static char *
make_name(const char *enum_name, enum raw_kind kind)
{
    static const char *const prefixes[] = { "OFPT", "OFPST", "NXT", "NXST" };
    const char *prefix = prefixes[kind];
    size_t plen = strlen(prefix);
    const char *rest = enum_name + plen;

    while (*rest >= '0' && *rest <= '9') {
        rest++;
    }

    char *name = xasprintf("%s%s", prefix, rest);
    if (kind == KIND_OFPST || kind == KIND_NXST) {
        size_t len = strlen(name);
        if (len > 8 && !strcmp(name + len - 8, "_REQUEST")) {
            strcpy(name + len - 8, " request");
        } else if (len > 6 && !strcmp(name + len - 6, "_REPLY")) {
            strcpy(name + len - 6, " reply");
        }
    }
    return name;
}

/* Fills in raw_infos[] from raw_rows[].  A malformed row is a bug in
 * ofp-msgs.def, so it aborts. */
static void
init_raw_infos(void)
{
    BUILD_ASSERT_DECL(ARRAY_SIZE(raw_rows) == OFPRAW_N_RAWS_);

    for (size_t i = 0; i < ARRAY_SIZE(raw_rows); i++) {
        const struct raw_row *row = &raw_rows[i];
        struct raw_info *info = &raw_infos[i];
        const char *s = row->spec;
        size_t klen = strcspn(s, " ");

        if (!strncmp(s, "OFPT ", 5)) {
            info->kind = KIND_OFPT;
        } else if (!strncmp(s, "OFPST ", 6)) {
            info->kind = KIND_OFPST;
        } else if (!strncmp(s, "NXT ", 4)) {
            info->kind = KIND_NXT;
        } else if (!strncmp(s, "NXST ", 5)) {
            info->kind = KIND_NXST;
        } else {
            ovs_abort(0, "%s: bad kind in \"%s\"", row->name, row->spec);
        }
        s += klen + 1;

        info->min_version = parse_version(&s);
        if (!info->min_version) {
            ovs_abort(0, "%s: bad version in \"%s\"", row->name, row->spec);
        }
        if (*s == '+') {
            info->max_version = OFP15_VERSION;
            s++;
        } else if (*s == '-') {
            s++;
            info->max_version = parse_version(&s);
            if (!info->max_version) {
                ovs_abort(0, "%s: bad range in \"%s\"", row->name, row->spec);
            }
        } else {
            info->max_version = info->min_version;
        }

        unsigned int number;
        int n = 0;
        if (sscanf(s, " (%u)%n", &number, &n) != 1 || s[n]) {
            ovs_abort(0, "%s: bad number in \"%s\"", row->name, row->spec);
        }
        info->number = number;
        info->body = row->body;
        info->elem = row->elem;
        info->type = row->type;
        info->name = make_name(row->name, info->kind);
        if (info->kind == KIND_OFPST || info->kind == KIND_NXST) {
            info->is_reply = strstr(info->name, " reply") != NULL;
        }
    }
}

static const struct raw_info *
raw_info_get(enum ofpraw raw)
{
    pthread_once(&raw_once, init_raw_infos);
    ovs_assert(raw < OFPRAW_N_RAWS_);
    return &raw_infos[raw];
}

/* The header fields that identify a message. */
struct msg_key {
    enum raw_kind kind;
    uint8_t version;
    bool is_reply;
    uint32_t number;
    size_t hdrs_len;            /* Bytes of header before the body. */
};

static bool
is_stats_type(uint8_t version, uint8_t type, bool *is_reply)
{
    uint8_t req = (version == OFP10_VERSION
                   ? OFPT10_STATS_REQUEST : OFPT11_STATS_REQUEST);
    if (type == req || type == req + 1) {
        *is_reply = type == req + 1;
        return true;
    }
    return false;
}

/* Reads the identifying fields of the message 'oh', of which 'length'
 * bytes are available.  Returns 0 or an OpenFlow error. */
static enum ofperr
read_key(const struct ofp_header *oh, size_t length, struct msg_key *key)
{
    const uint8_t *p = (const uint8_t *) oh;

    memset(key, 0, sizeof *key);
    if (length < sizeof *oh) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    key->version = oh->version;
    key->kind = KIND_OFPT;
    key->number = oh->type;
    key->hdrs_len = sizeof *oh;

    if (oh->type == OFPT_VENDOR) {
        const struct nicira_header *nh = (const void *) oh;
        if (length < sizeof *nh) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        if (ntohl(nh->vendor) != NX_VENDOR_ID) {
            VLOG_WARN_RL(&bad_msg_rl, "unknown vendor %#"PRIx32" in "
                         "OpenFlow message", ntohl(nh->vendor));
            return OFPERR_OFPBRC_BAD_VENDOR;
        }
        key->kind = KIND_NXT;
        key->number = ntohl(nh->subtype);
        key->hdrs_len = sizeof *nh;
    } else if (is_stats_type(oh->version, oh->type, &key->is_reply)) {
        size_t stats_len = (oh->version == OFP10_VERSION
                            ? sizeof(struct ofp10_stats_msg)
                            : sizeof(struct ofp11_stats_msg));
        if (length < stats_len) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        uint16_t stype = (p[8] << 8) | p[9];
        key->kind = KIND_OFPST;
        key->number = stype;
        key->hdrs_len = stats_len;
        if (stype == OFPST_VENDOR) {
            /* Both vendor stats headers are 24 bytes long: the vendor id
             * follows the stats header and the subtype follows that. */
            BUILD_ASSERT_DECL(sizeof(struct nicira10_stats_msg) == 24);
            BUILD_ASSERT_DECL(sizeof(struct ofp11_vendor_stats_msg) == 24);
            if (length < stats_len + 4) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
            const uint8_t *v = p + stats_len;
            uint32_t vendor = ((uint32_t) v[0] << 24) | (v[1] << 16)
                              | (v[2] << 8) | v[3];
            if (vendor != NX_VENDOR_ID) {
                return OFPERR_OFPBRC_BAD_VENDOR;
            }
            if (length < 24) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
            key->kind = KIND_NXST;
            key->number = ((uint32_t) v[4] << 24) | (v[5] << 16)
                          | (v[6] << 8) | v[7];
            key->hdrs_len = 24;
        }
    }
    return 0;
}

/* Finds the row for 'key'. */
static enum ofperr
find_raw(const struct msg_key *key, enum ofpraw *rawp)
{
    pthread_once(&raw_once, init_raw_infos);
    for (size_t i = 0; i < OFPRAW_N_RAWS_; i++) {
        const struct raw_info *info = &raw_infos[i];
        uint8_t version = key->version;

        /* A hello of an unknown version is still a hello (negotiation
         * depends on it). */
        if (info->kind == KIND_OFPT && info->type == OFPTYPE_HELLO
            && key->kind == KIND_OFPT && key->number == info->number) {
            *rawp = i;
            return 0;
        }
        if (info->kind == key->kind && info->number == key->number
            && info->is_reply == key->is_reply
            && version >= info->min_version && version <= info->max_version) {
            *rawp = i;
            return 0;
        }
    }

    switch (key->kind) {
    case KIND_OFPT:
        VLOG_WARN_RL(&bad_msg_rl, "unknown OpenFlow message (version %d, "
                     "type %"PRIu32")", key->version, key->number);
        return OFPERR_OFPBRC_BAD_TYPE;
    case KIND_OFPST:
        VLOG_WARN_RL(&bad_msg_rl, "unknown OpenFlow message (version %d, "
                     "stat %"PRIu32")", key->version, key->number);
        return OFPERR_OFPBRC_BAD_STAT;
    case KIND_NXT:
    case KIND_NXST:
    default:
        VLOG_WARN_RL(&bad_msg_rl, "unknown OpenFlow message (version %d, "
                     "vendor 0x2320, subtype %"PRIu32")",
                     key->version, key->number);
        return OFPERR_OFPBRC_BAD_SUBTYPE;
    }
}

/* Checks that a body of 'body_len' bytes fits the shape of 'info'. */
static enum ofperr
check_body_len(const struct raw_info *info, size_t body_len)
{
    bool ok = (info->elem
               ? body_len >= info->body
                 && (body_len - info->body) % info->elem == 0
               : body_len == info->body);
    if (ok) {
        return 0;
    }
    if (info->elem) {
        VLOG_WARN_RL(&bad_msg_rl, "received %s with incorrect length %zu "
                     "(must be exactly %u bytes or longer by an integer "
                     "multiple of %u bytes)", info->name, body_len,
                     info->body, info->elem);
    } else {
        VLOG_WARN_RL(&bad_msg_rl, "received %s with incorrect length %zu "
                     "(expected length %u)", info->name, body_len,
                     info->body);
    }
    return OFPERR_OFPBRC_BAD_LEN;
}

/* Identifies the message 'oh', whose whole 'ntohs(oh->length)' bytes the
 * caller guarantees are readable, and checks its length.  Stores the raw
 * type in '*rawp' and returns 0, or returns an OpenFlow error (and leaves
 * '*rawp' unspecified). */
enum ofperr
ofpraw_decode(enum ofpraw *rawp, const struct ofp_header *oh)
{
    size_t len = ntohs(oh->length);
    struct msg_key key;
    enum ofperr error = read_key(oh, len, &key);
    if (!error) {
        error = find_raw(&key, rawp);
    }
    if (!error) {
        error = check_body_len(&raw_infos[*rawp], len - key.hdrs_len);
    }
    return error;
}

/* Like ofpraw_decode() but only identifies the message from its first
 * 'length' bytes, without checking the body length. */
enum ofperr
ofpraw_decode_partial(enum ofpraw *rawp, const struct ofp_header *oh,
                      size_t length)
{
    struct msg_key key;
    enum ofperr error = read_key(oh, length, &key);
    return error ? error : find_raw(&key, rawp);
}

enum ofpraw
ofpraw_decode_assert(const struct ofp_header *oh)
{
    enum ofpraw raw;
    enum ofperr error = ofpraw_decode(&raw, oh);

    /* Only for messages that were already decoded once. */
    ovs_assert(!error);
    return raw;
}

/* Decodes the message at the start of 'b' (whose 'size' must equal the
 * message's length field, or be larger when the header is wrong) and pulls
 * its headers: afterward 'b->header' points to the ofp_header, 'b->msg' and
 * 'b->data' to the body.  Returns 0 or an OpenFlow error. */
enum ofperr
ofpraw_pull(enum ofpraw *rawp, struct ofpbuf *b)
{
    const struct ofp_header *oh = b->data;
    struct msg_key key;
    enum ofperr error;

    if (b->size < sizeof *oh || ntohs(oh->length) > b->size
        || ntohs(oh->length) < sizeof *oh) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = read_key(oh, ntohs(oh->length), &key);
    if (!error) {
        error = find_raw(&key, rawp);
    }
    if (!error) {
        error = check_body_len(&raw_infos[*rawp],
                               ntohs(oh->length) - key.hdrs_len);
    }
    if (error) {
        return error;
    }
    b->header = b->data;
    ofpbuf_pull(b, key.hdrs_len);
    b->msg = b->data;
    return 0;
}

enum ofpraw
ofpraw_pull_assert(struct ofpbuf *b)
{
    enum ofpraw raw;
    ovs_assert(!ofpraw_pull(&raw, b));
    return raw;
}

enum ofperr
ofptype_decode(enum ofptype *typep, const struct ofp_header *oh)
{
    enum ofpraw raw;
    enum ofperr error = ofpraw_decode(&raw, oh);
    if (!error) {
        *typep = ofptype_from_ofpraw(raw);
    }
    return error;
}

enum ofperr
ofptype_pull(enum ofptype *typep, struct ofpbuf *b)
{
    enum ofpraw raw;
    enum ofperr error = ofpraw_pull(&raw, b);
    if (!error) {
        *typep = ofptype_from_ofpraw(raw);
    }
    return error;
}

enum ofptype
ofptype_from_ofpraw(enum ofpraw raw)
{
    return raw_info_get(raw)->type;
}

/* Returns the printed name of 'raw', e.g. "OFPT_HELLO". */
const char *
ofpraw_get_name(enum ofpraw raw)
{
    return raw_info_get(raw)->name;
}

/* Returns the name of 'type' without the "OFPTYPE_" prefix. */
const char *
ofptype_get_name(enum ofptype type)
{
    ovs_assert(type < OFPTYPE_N_TYPES_);
    return type_names[type];
}

bool
ofpraw_is_valid_for_version(enum ofpraw raw, enum ofp_version version)
{
    const struct raw_info *info = raw_info_get(raw);
    return version >= info->min_version && version <= info->max_version;
}

/* Returns the length of the headers of 'info' in 'version'. */
static size_t
hdrs_len_for(const struct raw_info *info, uint8_t version)
{
    switch (info->kind) {
    case KIND_OFPT:
        return sizeof(struct ofp_header);
    case KIND_NXT:
        return sizeof(struct nicira_header);
    case KIND_OFPST:
        return (version == OFP10_VERSION
                ? sizeof(struct ofp10_stats_msg)
                : sizeof(struct ofp11_stats_msg));
    case KIND_NXST:
    default:
        return 24;
    }
}

static void
put_be16(uint8_t *p, uint16_t x)
{
    p[0] = x >> 8;
    p[1] = x;
}

static void
put_be32(uint8_t *p, uint32_t x)
{
    p[0] = x >> 24;
    p[1] = x >> 16;
    p[2] = x >> 8;
    p[3] = x;
}

void
ofpraw_put_xid(enum ofpraw raw, uint8_t version, ovs_be32 xid,
               struct ofpbuf *buf)
{
    const struct raw_info *info = raw_info_get(raw);
    size_t hdrs_len = hdrs_len_for(info, version);
    uint8_t *p;

    ovs_assert(version >= info->min_version
               && version <= info->max_version);
    ofpbuf_prealloc_tailroom(buf, hdrs_len + info->body);
    p = ofpbuf_put_zeros(buf, hdrs_len);
    buf->header = p;
    buf->msg = ofpbuf_tail(buf);

    struct ofp_header *oh = (struct ofp_header *) p;
    oh->version = version;
    oh->length = htons(hdrs_len);
    oh->xid = xid;
    switch (info->kind) {
    case KIND_OFPT:
        oh->type = info->number;
        break;
    case KIND_NXT:
        oh->type = OFPT_VENDOR;
        put_be32(p + 8, NX_VENDOR_ID);
        put_be32(p + 12, info->number);
        break;
    case KIND_OFPST:
    case KIND_NXST:
        oh->type = ((version == OFP10_VERSION
                     ? OFPT10_STATS_REQUEST : OFPT11_STATS_REQUEST)
                    + info->is_reply);
        if (info->kind == KIND_OFPST) {
            put_be16(p + 8, info->number);
        } else {
            size_t ofs = version == OFP10_VERSION ? 12 : 16;
            put_be16(p + 8, OFPST_VENDOR);
            put_be32(p + ofs, NX_VENDOR_ID);
            put_be32(p + ofs + 4, info->number);
        }
        break;
    }
}

void
ofpraw_put(enum ofpraw raw, uint8_t version, struct ofpbuf *buf)
{
    ofpraw_put_xid(raw, version, alloc_xid(), buf);
}

void
ofpraw_put_reply(enum ofpraw raw, const struct ofp_header *request,
                 struct ofpbuf *buf)
{
    ofpraw_put_xid(raw, request->version, request->xid, buf);
}

void
ofpraw_put_stats_reply(const struct ofp_header *request, struct ofpbuf *buf)
{
    enum ofpraw raw = ofpraw_stats_request_to_reply(
        ofpraw_decode_assert(request), request->version);
    ofpraw_put_xid(raw, request->version, request->xid, buf);
}

struct ofpbuf *
ofpraw_alloc_xid(enum ofpraw raw, uint8_t version, ovs_be32 xid,
                 size_t extra_tailroom)
{
    const struct raw_info *info = raw_info_get(raw);
    struct ofpbuf *buf = ofpbuf_new(hdrs_len_for(info, version)
                                    + info->body + extra_tailroom);
    ofpraw_put_xid(raw, version, xid, buf);
    return buf;
}

struct ofpbuf *
ofpraw_alloc(enum ofpraw raw, uint8_t version, size_t extra_tailroom)
{
    return ofpraw_alloc_xid(raw, version, alloc_xid(), extra_tailroom);
}

/* A reply has its request's version and transaction id. */
struct ofpbuf *
ofpraw_alloc_reply(enum ofpraw raw, const struct ofp_header *request,
                   size_t extra_tailroom)
{
    uint8_t version = request->version;
    return ofpraw_alloc_xid(raw, version, request->xid, extra_tailroom);
}

struct ofpbuf *
ofpraw_alloc_stats_reply(const struct ofp_header *request,
                         size_t extra_tailroom)
{
    enum ofpraw raw = ofpraw_stats_request_to_reply(
        ofpraw_decode_assert(request), request->version);
    return ofpraw_alloc_xid(raw, request->version, request->xid,
                            extra_tailroom);
}

/* Returns the stats reply that answers stats request 'raw' in 'version'.
 * 'raw' must be a stats request. */
enum ofpraw
ofpraw_stats_request_to_reply(enum ofpraw raw, uint8_t version)
{
    const struct raw_info *req = raw_info_get(raw);

    ovs_assert(req->kind == KIND_OFPST || req->kind == KIND_NXST);
    ovs_assert(!req->is_reply);
    for (size_t i = 0; i < OFPRAW_N_RAWS_; i++) {
        const struct raw_info *info = &raw_infos[i];
        if (info->kind == req->kind && info->number == req->number
            && info->is_reply
            && version >= info->min_version
            && version <= info->max_version) {
            return i;
        }
    }
    OVS_NOT_REACHED();
}

ovs_be32
alloc_xid(void)
{
    static uint32_t next_xid = 1;
    return htonl(__atomic_fetch_add(&next_xid, 1, __ATOMIC_RELAXED));
}

/* Sets the length field of the message in 'buf' (starting at
 * 'buf->header') to cover everything up to the end of 'buf'. */
void
ofpmsg_update_length(struct ofpbuf *buf)
{
    struct ofp_header *oh = buf->header;
    size_t len = (const uint8_t *) ofpbuf_tail(buf) - (const uint8_t *) oh;
    oh->length = htons(len);
}

/* Returns the length of the headers of 'oh', which must be a valid
 * message. */
size_t
ofpmsg_header_len(const struct ofp_header *oh)
{
    enum ofpraw raw = ofpraw_decode_assert(oh);
    return hdrs_len_for(raw_info_get(raw), oh->version);
}

const void *
ofpmsg_body(const struct ofp_header *oh)
{
    return (const uint8_t *) oh + ofpmsg_header_len(oh);
}

static bool
stats_kind(const struct ofp_header *oh, bool *is_reply)
{
    return is_stats_type(oh->version, oh->type, is_reply);
}

bool
ofpmsg_is_stat_request(const struct ofp_header *oh)
{
    bool is_reply;
    return stats_kind(oh, &is_reply) && !is_reply;
}

bool
ofpmsg_is_stat_reply(const struct ofp_header *oh)
{
    bool is_reply;
    return stats_kind(oh, &is_reply) && is_reply;
}

bool
ofpmsg_is_stat(const struct ofp_header *oh)
{
    bool is_reply;
    return stats_kind(oh, &is_reply);
}

/* Returns the flags of stats message 'oh'. */
uint16_t
ofpmp_flags(const struct ofp_header *oh)
{
    const uint8_t *p = (const uint8_t *) oh;
    return (p[10] << 8) | p[11];
}

bool
ofpmp_more(const struct ofp_header *oh)
{
    return (ofpmp_flags(oh) & OFPSF_REPLY_MORE) != 0;
}

static void
ofpmp_set_more(struct ofp_header *oh)
{
    uint8_t *p = (uint8_t *) oh;
    put_be16(p + 10, ofpmp_flags(oh) | OFPSF_REPLY_MORE);
}

void
ofpmp_init(struct ovs_list *replies, const struct ofp_header *request)
{
    ovs_list_init(replies);
    struct ofpbuf *msg = ofpraw_alloc_stats_reply(request, 1000);
    ovs_list_push_back(replies, &msg->list_node);
}

/* Starts a new message after 'last', copying its headers, and flags
 * 'last' as having more to come. */
static struct ofpbuf *
ofpmp_start_next(struct ovs_list *replies, struct ofpbuf *last)
{
    size_t hdrs_len = (const uint8_t *) last->msg
                      - (const uint8_t *) last->header;
    struct ofpbuf *next = ofpbuf_new(MAX(1024, hdrs_len));

    next->header = ofpbuf_put(next, last->header, hdrs_len);
    next->msg = ofpbuf_tail(next);
    ofpmsg_update_length(next);
    ofpmp_set_more(last->header);
    ovs_list_push_back(replies, &next->list_node);
    return next;
}

struct ofpbuf *
ofpmp_reserve(struct ovs_list *replies, size_t len)
{
    struct ofpbuf *last = ofpbuf_from_list(ovs_list_back(replies));
    if (last->size + len <= UINT16_MAX) {
        ofpbuf_prealloc_tailroom(last, len);
        return last;
    }
    struct ofpbuf *next = ofpmp_start_next(replies, last);
    ofpbuf_prealloc_tailroom(next, len);
    return next;
}

void *
ofpmp_append(struct ovs_list *replies, size_t len)
{
    return ofpbuf_put_uninit(ofpmp_reserve(replies, len), len);
}

void
ofpmp_postappend(struct ovs_list *replies, size_t start_ofs)
{
    struct ofpbuf *last = ofpbuf_from_list(ovs_list_back(replies));

    ovs_assert(start_ofs <= last->size);
    if (last->size > UINT16_MAX) {
        size_t len = last->size - start_ofs;
        struct ofpbuf *next = ofpmp_start_next(replies, last);
        ofpbuf_put(next, (const uint8_t *) last->data + start_ofs, len);
        last->size = start_ofs;
        ofpmsg_update_length(last);
        ofpmsg_update_length(next);
    }
}

enum ofp_version
ofpmp_version(struct ovs_list *replies)
{
    struct ofpbuf *msg = ofpbuf_from_list(ovs_list_back(replies));
    const struct ofp_header *oh = msg->header;
    return oh->version;
}

enum ofpraw
ofpmp_decode_raw(struct ovs_list *replies)
{
    struct ofpbuf *msg = ofpbuf_from_list(ovs_list_back(replies));
    enum ofpraw raw;
    ovs_assert(!ofpraw_decode_partial(&raw, msg->header, msg->size));
    return raw;
}
