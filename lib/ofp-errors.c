/*
 * OpenFlow errors: the mapping between "enum ofperr" and the wire.
 *
 * Each OpenFlow version numbers its errors differently, and Nicira and
 * ONF extension errors use yet other encodings (a vendor error body before
 * OpenFlow 1.2, an experimenter error from 1.2 on).  lib/ofp-errors.def
 * gives each error a MAPPING string that says where it lives in each
 * version.  At first use this file parses those strings into a table
 * indexed by error and version (for encoding); decoding searches the same
 * table in declaration order, so the first row wins when two rows share a
 * wire value in some version.
 */

#include <config.h>
#include "ofp-errors.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "ofp-msgs.h"
#include "openflow/openflow-common.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_errors);

/* Where one error lives in one version. */
struct ofperr_wire {
    bool present;
    uint32_t vendor;            /* 0 for standard errors. */
    int type;                   /* -1 for experimenter errors. */
    int code;
};

struct ofperr_row {
    const char *name;
    const char *mapping;
    const char *description;
};

static const struct ofperr_row ofperr_rows[] = {
#define OFPERR_ROW(NAME, MAPPING, DESCRIPTION) \
    { #NAME, MAPPING, DESCRIPTION },
#include "ofp-errors.def"
#undef OFPERR_ROW
};

#define N_VERSIONS (OFP15_VERSION + 1)
static struct ofperr_wire ofperr_wires[OFPERR_N_ERRORS][N_VERSIONS];
static pthread_once_t ofperr_once = PTHREAD_ONCE_INIT;

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

/* Parses one MAPPING string into ofperr_wires[idx].  A malformed string is
 * a bug in ofp-errors.def, so it aborts. */
static void
parse_mapping(size_t idx)
{
    const struct ofperr_row *row = &ofperr_rows[idx];
    const char *s = row->mapping;

    while (*s) {
        uint32_t vendor;
        if (!strncmp(s, "OF", 2) && s[2] >= '0' && s[2] <= '9') {
            vendor = 0;
            s += 2;
        } else if (!strncmp(s, "NX", 2)) {
            vendor = NX_VENDOR_ID;
            s += 2;
        } else if (!strncmp(s, "ONF", 3)) {
            vendor = ONF_VENDOR_ID;
            s += 3;
        } else {
            ovs_abort(0, "%s: bad vendor in \"%s\"", row->name, row->mapping);
        }

        int min = parse_version(&s), max;
        if (!min) {
            ovs_abort(0, "%s: bad version in \"%s\"", row->name,
                      row->mapping);
        }
        if (*s == '+') {
            max = OFP15_VERSION;
            s++;
        } else if (*s == '-') {
            s++;
            max = parse_version(&s);
        } else {
            max = min;
        }

        int a, b, n = 0;
        int type, code;
        if (sscanf(s, "(%d,%d)%n", &a, &b, &n) == 2 && n) {
            type = a;
            code = b;
        } else if (n = 0, sscanf(s, "(%d)%n", &a, &n) == 1 && n) {
            type = -1;
            code = a;
        } else {
            ovs_abort(0, "%s: bad code in \"%s\"", row->name, row->mapping);
        }
        s += n;

        for (int v = min; v <= max; v++) {
            /* Standard and pre-1.2 vendor errors need a type; experimenter
             * errors exist only from 1.2 on. */
            bool ok = (vendor == 0 || v < OFP12_VERSION
                       ? type >= 0 : type < 0);
            if (!ok || !max || max < min) {
                ovs_abort(0, "%s: code form does not suit version in \"%s\"",
                          row->name, row->mapping);
            }
            struct ofperr_wire *w = &ofperr_wires[idx][v];
            w->present = true;
            w->vendor = vendor;
            w->type = type;
            w->code = code;
        }

        if (*s == ',') {
            s++;
        }
        while (*s == ' ') {
            s++;
        }
    }
}

static void
init_ofperr_wires(void)
{
    BUILD_ASSERT_DECL(ARRAY_SIZE(ofperr_rows) == OFPERR_N_ERRORS);
    for (size_t i = 0; i < ARRAY_SIZE(ofperr_rows); i++) {
        parse_mapping(i);
    }
}

static const struct ofperr_wire *
get_wire(enum ofperr error, enum ofp_version version)
{
    pthread_once(&ofperr_once, init_ofperr_wires);
    if (!ofperr_is_valid(error)
        || version < OFP10_VERSION || version > OFP15_VERSION) {
        return NULL;
    }
    const struct ofperr_wire *w = &ofperr_wires[error - OFPERR_OFS][version];
    return w->present ? w : NULL;
}

bool
ofperr_is_valid(enum ofperr error)
{
    return error >= OFPERR_OFS && error < OFPERR_AFTER_LAST_;
}

/* Returns the name of 'error' without its "OFPERR_" prefix, e.g.
 * "OFPBRC_BAD_TYPE", or "<invalid>" if it is not valid. */
const char *
ofperr_get_name(enum ofperr error)
{
    return (ofperr_is_valid(error)
            ? ofperr_rows[error - OFPERR_OFS].name
            : "<invalid>");
}

const char *
ofperr_get_description(enum ofperr error)
{
    return (ofperr_is_valid(error)
            ? ofperr_rows[error - OFPERR_OFS].description
            : "<invalid>");
}

/* Returns the error named 'name' (with or without "OFPERR_"), or 0. */
enum ofperr
ofperr_from_name(const char *name)
{
    if (!strncmp(name, "OFPERR_", 7)) {
        name += 7;
    }
    for (size_t i = 0; i < ARRAY_SIZE(ofperr_rows); i++) {
        if (!strcmp(name, ofperr_rows[i].name)) {
            return OFPERR_OFS + i;
        }
    }
    return 0;
}

/* Appends the name of 'error' to 's'; an errno value gets its strerror()
 * text. */
void
ofperr_format(struct ds *s, enum ofperr error)
{
    ds_put_cstr(s, ofperr_to_string(error));
}

/* Returns a string for 'error', which may also be a positive errno value.
 * The string is static. */
const char *
ofperr_to_string(enum ofperr error)
{
    if (!ofperr_is_valid(error)) {
        return ovs_strerror(error);     /* An errno value. */
    }
    return ofperr_rows[error - OFPERR_OFS].name;
}

const char *
ofperr_domain_get_name(enum ofp_version version)
{
    switch (version) {
    case OFP10_VERSION: return "OpenFlow 1.0";
    case OFP11_VERSION: return "OpenFlow 1.1";
    case OFP12_VERSION: return "OpenFlow 1.2";
    case OFP13_VERSION: return "OpenFlow 1.3";
    case OFP14_VERSION: return "OpenFlow 1.4";
    case OFP15_VERSION: return "OpenFlow 1.5";
    default: return NULL;
    }
}

int
ofperr_get_vendor(enum ofperr error, enum ofp_version version)
{
    const struct ofperr_wire *w = get_wire(error, version);
    return w ? (int) w->vendor : -1;
}

/* For an experimenter error (OF1.2+ vendor errors) the type is 0xffff. */
int
ofperr_get_type(enum ofperr error, enum ofp_version version)
{
    const struct ofperr_wire *w = get_wire(error, version);
    return !w ? -1 : w->type >= 0 ? w->type : 0xffff;
}

int
ofperr_get_code(enum ofperr error, enum ofp_version version)
{
    const struct ofperr_wire *w = get_wire(error, version);
    return w ? w->code : -1;
}

/* Returns the error that 'version' encodes as ('vendor', 'type', 'code'),
 * or 0 if there is none.  For experimenter errors pass type 0xffff. */
enum ofperr
ofperr_decode(enum ofp_version version, uint32_t vendor, uint16_t type,
              uint16_t code)
{
    pthread_once(&ofperr_once, init_ofperr_wires);
    if (version < OFP10_VERSION || version > OFP15_VERSION) {
        return 0;
    }
    for (size_t i = 0; i < OFPERR_N_ERRORS; i++) {
        const struct ofperr_wire *w = &ofperr_wires[i][version];
        if (w->present && w->vendor == vendor && w->code == code
            && (w->type < 0 ? type == 0xffff : w->type == type)) {
            return OFPERR_OFS + i;
        }
    }
    return 0;
}

/* Builds an OFPT_ERROR for 'error' in 'version' with transaction id 'xid'
 * and 'data' as payload.  Errors with no encoding in 'version' are sent as
 * NXBRC_UNENCODABLE_ERROR. */
static struct ofpbuf *
encode_error(enum ofperr error, enum ofp_version version, ovs_be32 xid,
             const void *data, size_t data_len)
{
    const struct ofperr_wire *w = get_wire(error, version);
    if (!w) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
        VLOG_WARN_RL(&rl, "cannot encode error %s for %s",
                     ofperr_get_name(error),
                     ofperr_domain_get_name(version)
                     ? ofperr_domain_get_name(version) : "this version");
        w = get_wire(OFPERR_NXBRC_UNENCODABLE_ERROR, version);
        if (!w) {
            /* Not even a known version: speak OpenFlow 1.0. */
            version = OFP10_VERSION;
            w = get_wire(OFPERR_NXBRC_UNENCODABLE_ERROR, version);
        }
    }

    struct ofpbuf *buf = ofpraw_alloc_xid(OFPRAW_OFPT_ERROR, version, xid,
                                          data_len + 12);
    struct ofp_error_msg *oem = ofpbuf_put_uninit(buf, sizeof *oem);
    if (!w->vendor) {
        oem->type = htons(w->type);
        oem->code = htons(w->code);
    } else if (version < OFP12_VERSION) {
        struct nx_vendor_error *nve = ofpbuf_put_uninit(buf, sizeof *nve);
        oem->type = htons(NXET_VENDOR);
        oem->code = htons(NXVC_VENDOR_ERROR);
        nve->vendor = htonl(w->vendor);
        nve->type = htons(w->type);
        nve->code = htons(w->code);
    } else {
        ovs_be32 vendor = htonl(w->vendor);
        oem->type = htons(OFPET12_EXPERIMENTER);
        oem->code = htons(w->code);
        ofpbuf_put(buf, &vendor, sizeof vendor);
    }
    ofpbuf_put(buf, data, data_len);
    ofpmsg_update_length(buf);
    return buf;
}

/* Returns a new OFPT_ERROR that reports 'error' in reply to 'oh', quoting
 * all of 'oh' (the spec asks for at least 64 bytes; quoting everything lets
 * the controller print the whole request), cut short only where the reply
 * would exceed the 64 kB limit of an OpenFlow message.  The caller owns the
 * result. */
struct ofpbuf *
ofperr_encode_reply(enum ofperr error, const struct ofp_header *oh)
{
    size_t len = MIN(ntohs(oh->length), UINT16_MAX - 64);
    return encode_error(error, oh->version, oh->xid, oh, len);
}

/* Returns a new OFPT_ERROR that reports 'error' (normally a OFPHFC_* error)
 * during version negotiation, in 'version', with 'text' as explanation.
 * The caller owns the result. */
struct ofpbuf *
ofperr_encode_hello(enum ofperr error, enum ofp_version version,
                    const char *text)
{
    return encode_error(error, version, htonl(0), text, strlen(text));
}

/* Decodes OFPT_ERROR message 'oh'.  Returns the error it reports, or 0 if
 * 'oh' is not a well-formed error message or reports an error unknown
 * here.  If 'payload' is nonnull, on success it is set to point to the
 * error's data (the offending message or text), which remains part of
 * 'oh'. */
enum ofperr
ofperr_decode_msg(const struct ofp_header *oh, struct ofpbuf *payload)
{
    struct ofpbuf b;
    enum ofpraw raw;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    if (ofpraw_pull(&raw, &b) || raw != OFPRAW_OFPT_ERROR) {
        return 0;
    }

    const struct ofp_error_msg *oem = ofpbuf_pull(&b, sizeof *oem);
    uint32_t vendor = 0;
    uint16_t type = ntohs(oem->type);
    uint16_t code = ntohs(oem->code);

    if (oh->version < OFP12_VERSION && type == NXET_VENDOR
        && code == NXVC_VENDOR_ERROR) {
        /* The real vendor, type and code follow. */
        const struct nx_vendor_error *inner = ofpbuf_try_pull(&b,
                                                              sizeof *inner);
        if (!inner) {
            return 0;
        }
        code = ntohs(inner->code);
        type = ntohs(inner->type);
        vendor = ntohl(inner->vendor);
    } else if (oh->version >= OFP12_VERSION
               && type == OFPET12_EXPERIMENTER) {
        const ovs_be32 *vendorp = ofpbuf_try_pull(&b, sizeof *vendorp);
        if (!vendorp) {
            return 0;
        }
        vendor = ntohl(*vendorp);
    }

    enum ofperr error = ofperr_decode(oh->version, vendor, type, code);
    if (error && payload) {
        ofpbuf_use_const(payload, b.data, b.size);
    }
    return error;
}
