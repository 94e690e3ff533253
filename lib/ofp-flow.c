/*
 * Flow-mods: decoding, encoding, printing and parsing from text.
 *
 * A flow-mod asks a switch to add, change or remove flows.  OpenFlow has
 * three ways of saying it: OpenFlow 1.0's fixed layout (where a Nicira
 * extension lets the upper byte of the command name a table), Nicira's
 * NXT_FLOW_MOD (the same fields but an NXM match, which can also carry a
 * cookie mask), and OpenFlow 1.1's layout used by every later version
 * (table id, cookie mask, output group, instructions instead of actions).
 * Everything here converts between those and struct ofputil_flow_mod.
 *
 * Cookies need care: an "add" sets a flow's cookie; a "modify" may set a
 * new cookie or, with a mask, select flows by cookie; a "delete" may only
 * select.  The struct keeps the two roles apart (new_cookie versus
 * cookie/cookie_mask) so that each encoding can put them where it wants.
 */

#include <config.h>
#include "ofp-flow.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "nx-match.h"
#include "ofp-actions.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-oxs.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "unaligned.h"
#include "openflow/nicira-ext.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-1.2.h"
#include "openflow/openflow-1.3.h"
#include "openflow/openflow-1.5.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"

#define COOKIE_NONE OVS_BE64_MAX

/* ---- Flags ---- */

/* Wire bits of the flags that version 'version' knows, as pairs of
 * (ofputil flag, wire bit). */
struct flag_bit {
    enum ofputil_flow_mod_flags flag;
    uint16_t bit;
    enum ofp_version min_version;
    enum ofp_version max_version;
};

static const struct flag_bit flag_bits[] = {
    { OFPUTIL_FF_SEND_FLOW_REM, OFPFF_SEND_FLOW_REM,
      OFP10_VERSION, OFP15_VERSION },
    { OFPUTIL_FF_CHECK_OVERLAP, OFPFF_CHECK_OVERLAP,
      OFP10_VERSION, OFP15_VERSION },
    { OFPUTIL_FF_EMERG, OFPFF10_EMERG, OFP10_VERSION, OFP10_VERSION },
    { OFPUTIL_FF_RESET_COUNTS, OFPFF12_RESET_COUNTS,
      OFP12_VERSION, OFP15_VERSION },
    { OFPUTIL_FF_NO_PKT_COUNTS, OFPFF13_NO_PKT_COUNTS,
      OFP13_VERSION, OFP15_VERSION },
    { OFPUTIL_FF_NO_BYT_COUNTS, OFPFF13_NO_BYT_COUNTS,
      OFP13_VERSION, OFP15_VERSION },
};

static uint16_t
flags_to_wire(enum ofputil_flow_mod_flags flags, enum ofp_version version)
{
    uint16_t bits = 0;

    for (size_t i = 0; i < ARRAY_SIZE(flag_bits); i++) {
        const struct flag_bit *fb = &flag_bits[i];
        if (flags & fb->flag && version >= fb->min_version
            && version <= fb->max_version) {
            bits |= fb->bit;
        }
    }
    return bits;
}

/* Converts wire 'bits' of 'version' into '*flags'.  Bits that 'version'
 * does not define are an error. */
static enum ofperr
flags_from_wire(uint16_t bits, enum ofp_version version,
                enum ofputil_flow_mod_flags *flags)
{
    *flags = 0;
    for (size_t i = 0; i < ARRAY_SIZE(flag_bits); i++) {
        const struct flag_bit *fb = &flag_bits[i];
        if (bits & fb->bit && version >= fb->min_version
            && version <= fb->max_version) {
            *flags |= fb->flag;
            bits &= ~fb->bit;
        }
    }
    return bits ? OFPERR_OFPFMFC_BAD_FLAGS : 0;
}

/* ---- Decoding ---- */

/* Splits an OpenFlow 1.0 or NXM 'command' field into command and table
 * id, the latter only if 'protocol' uses the table-id extension. */
static enum ofperr
split_tid_command(struct ofputil_flow_mod *fm, uint16_t raw_command,
                  enum ofputil_protocol protocol)
{
    if (ofputil_protocol_set_tid(protocol, true) == protocol) {
        fm->table_id = raw_command >> 8;
        fm->command = raw_command & 0xff;
    } else {
        fm->table_id = OFPTT_ALL;
        fm->command = raw_command;
    }
    return fm->command > OFPFC_DELETE_STRICT ? OFPERR_OFPFMFC_BAD_COMMAND : 0;
}

/* OpenFlow 1.0 and NXM carry one cookie: the new one. */
static void
set_single_cookie(struct ofputil_flow_mod *fm, ovs_be64 cookie)
{
    fm->new_cookie = cookie;
    fm->modify_cookie = (fm->command != OFPFC_ADD && cookie != COOKIE_NONE);
}

/* OF1.0 and NXT_FLOW_MOD flow-mods share the fields from idle_timeout to
 * flags, in the same order and sizes; 'tail' points at that run inside the
 * wire message.  Decodes them, the cookie, and the actions left in 'b'. */
struct ofp10_flow_mod_tail {
    ovs_be16 idle_timeout;
    ovs_be16 hard_timeout;
    ovs_be16 priority;
    ovs_16aligned_be32 buffer_id;
    ovs_be16 out_port;
    ovs_be16 flags;
};
BUILD_ASSERT_DECL(sizeof(struct ofp10_flow_mod_tail) == 14);

static enum ofperr
decode_ofp10_style_tail(struct ofputil_flow_mod *fm, ovs_be64 cookie,
                        const void *tail_, struct ofpbuf *b,
                        struct ofpbuf *ofpacts)
{
    struct ofp10_flow_mod_tail tail;
    enum ofperr error;

    memcpy(&tail, tail_, sizeof tail);
    set_single_cookie(fm, cookie);
    fm->idle_timeout = ntohs(tail.idle_timeout);
    fm->hard_timeout = ntohs(tail.hard_timeout);
    fm->priority = ntohs(tail.priority);
    fm->buffer_id = ntohl(get_16aligned_be32(&tail.buffer_id));
    fm->out_port = u16_to_ofp(ntohs(tail.out_port));
    error = flags_from_wire(ntohs(tail.flags), OFP10_VERSION, &fm->flags);
    if (error) {
        return error;
    }
    return ofpacts_pull_openflow_instructions(b, b->size, OFP10_VERSION,
                                              NULL, NULL, ofpacts);
}

static enum ofperr
decode_ofp10_flow_mod(struct ofputil_flow_mod *fm, struct ofpbuf *b,
                      enum ofputil_protocol protocol, struct ofpbuf *ofpacts)
{
    const struct ofp10_flow_mod *ofm = ofpbuf_try_pull(b, sizeof *ofm);
    enum ofperr error;

    if (!ofm) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ofputil_match_from_ofp10_match(&ofm->match, &fm->match);
    ofputil_normalize_match_quiet(&fm->match);
    error = split_tid_command(fm, ntohs(ofm->command), protocol);
    if (error) {
        return error;
    }
    return decode_ofp10_style_tail(fm, ofm->cookie, &ofm->idle_timeout, b,
                                   ofpacts);
}

static enum ofperr
decode_nx_flow_mod(struct ofputil_flow_mod *fm, struct ofpbuf *b,
                   enum ofputil_protocol protocol, struct ofpbuf *ofpacts)
{
    const struct nx_flow_mod *nfm = ofpbuf_try_pull(b, sizeof *nfm);
    enum ofperr error;

    if (!nfm) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = nx_pull_match(b, ntohs(nfm->match_len), &fm->match,
                          &fm->cookie, &fm->cookie_mask);
    if (error) {
        return error;
    }
    error = split_tid_command(fm, ntohs(nfm->command), protocol);
    if (error) {
        return error;
    }
    if (fm->command == OFPFC_ADD && fm->cookie_mask) {
        /* An added flow has one cookie; a mask makes no sense. */
        return OFPERR_NXBRC_NXM_INVALID;
    }
    return decode_ofp10_style_tail(fm, nfm->cookie, &nfm->idle_timeout, b,
                                   ofpacts);
}

static enum ofperr
decode_ofp11_flow_mod(struct ofputil_flow_mod *fm, struct ofpbuf *b,
                      enum ofp_version version, struct ofpbuf *ofpacts)
{
    const struct ofp11_flow_mod *ofm = ofpbuf_try_pull(b, sizeof *ofm);
    enum ofperr error;

    if (!ofm) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = ofputil_pull_ofp11_match(b, &fm->match, NULL);
    if (error) {
        return error;
    }
    fm->command = ofm->command;
    if (fm->command > OFPFC_DELETE_STRICT) {
        return OFPERR_OFPFMFC_BAD_COMMAND;
    }
    fm->table_id = ofm->table_id;
    if (fm->table_id == OFPTT_ALL
        && (version < OFP12_VERSION
            || (fm->command != OFPFC_DELETE
                && fm->command != OFPFC_DELETE_STRICT))) {
        /* Only deletes may name every table, and only from 1.2 on. */
        return OFPERR_OFPFMFC_BAD_TABLE_ID;
    }
    if (fm->command == OFPFC_ADD) {
        fm->new_cookie = ofm->cookie;
    } else if (version == OFP11_VERSION && !ofm->cookie_mask
               && (fm->command == OFPFC_MODIFY
                   || fm->command == OFPFC_MODIFY_STRICT)) {
        /* OpenFlow 1.1 lets an unmasked modify set the cookie. */
        fm->new_cookie = ofm->cookie;
        fm->modify_cookie = true;
    } else {
        fm->cookie = ofm->cookie;
        fm->cookie_mask = ofm->cookie_mask;
    }
    fm->idle_timeout = ntohs(ofm->idle_timeout);
    fm->hard_timeout = ntohs(ofm->hard_timeout);
    fm->priority = ntohs(ofm->priority);
    fm->buffer_id = ntohl(ofm->buffer_id);
    error = ofputil_port_from_ofp11(ofm->out_port, &fm->out_port);
    if (error) {
        return error;
    }
    fm->out_group = ntohl(ofm->out_group);
    error = flags_from_wire(ntohs(ofm->flags), version, &fm->flags);
    if (error) {
        return error;
    }
    if (version >= OFP14_VERSION) {
        fm->importance = ntohs(ofm->importance);
    }
    return ofpacts_pull_openflow_instructions(b, b->size, version, NULL,
                                              NULL, ofpacts);
}

static void
flow_mod_init(struct ofputil_flow_mod *fm)
{
    memset(fm, 0, sizeof *fm);
    match_init_catchall(&fm->match);
    fm->priority = OFPUTIL_DEFAULT_PRIORITY;
    fm->new_cookie = COOKIE_NONE;
    fm->table_id = OFPTT_ALL;
    fm->buffer_id = OFPUTIL_NO_BUFFER;
    fm->out_port = OFPP_NONE;
    fm->out_group = OFPG_ANY;
}

enum ofperr
ofputil_decode_flow_mod(struct ofputil_flow_mod *fm,
                        const struct ofp_header *oh,
                        enum ofputil_protocol protocol,
                        struct ofpbuf *ofpacts)
{
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    flow_mod_init(fm);
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &b);
    if (error) {
        return error;
    }

    ofpbuf_clear(ofpacts);
    switch ((int) raw) {
    case OFPRAW_OFPT10_FLOW_MOD:
        error = decode_ofp10_flow_mod(fm, &b, protocol, ofpacts);
        break;
    case OFPRAW_NXT_FLOW_MOD:
        error = decode_nx_flow_mod(fm, &b, protocol, ofpacts);
        break;
    case OFPRAW_OFPT11_FLOW_MOD:
        error = decode_ofp11_flow_mod(fm, &b, oh->version, ofpacts);
        break;
    default:
        error = OFPERR_OFPBRC_BAD_TYPE;
        break;
    }
    fm->ofpacts = ofpacts->data;
    fm->ofpacts_len = ofpacts->size;
    return error;
}

/* ---- Encoding ---- */

static uint16_t
tid_command(const struct ofputil_flow_mod *fm, enum ofputil_protocol protocol)
{
    if (ofputil_protocol_set_tid(protocol, true) == protocol) {
        return (fm->table_id << 8) | (fm->command & 0xff);
    }
    return fm->command;
}

/* The one cookie that OpenFlow 1.0 and NXM can carry besides a mask. */
static ovs_be64
single_cookie(const struct ofputil_flow_mod *fm)
{
    if (fm->command == OFPFC_ADD || fm->modify_cookie) {
        return fm->new_cookie;
    }
    return fm->cookie_mask ? fm->cookie : COOKIE_NONE;
}

static struct ofpbuf *
encode_ofp10_flow_mod(const struct ofputil_flow_mod *fm,
                      enum ofputil_protocol protocol)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_OFPT10_FLOW_MOD, OFP10_VERSION,
                                      fm->ofpacts_len);
    struct ofp10_flow_mod *ofm = ofpbuf_put_zeros(msg, sizeof *ofm);

    ofputil_match_to_ofp10_match(&fm->match, &ofm->match);
    ofm->flags = htons(flags_to_wire(fm->flags, OFP10_VERSION));
    ofm->priority = htons(fm->priority);
    ofm->command = htons(tid_command(fm, protocol));
    ofm->cookie = single_cookie(fm);
    ofm->out_port = htons(ofp_to_u16(fm->out_port));
    ofm->buffer_id = htonl(fm->buffer_id);
    ofm->hard_timeout = htons(fm->hard_timeout);
    ofm->idle_timeout = htons(fm->idle_timeout);
    ofpacts_put_openflow_actions(fm->ofpacts, fm->ofpacts_len, msg,
                                 OFP10_VERSION);
    return msg;
}

static struct ofpbuf *
encode_nx_flow_mod(const struct ofputil_flow_mod *fm,
                   enum ofputil_protocol protocol)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_NXT_FLOW_MOD, OFP10_VERSION,
                                      fm->ofpacts_len + 64);
    struct nx_flow_mod *nfm;
    int match_len;

    ofpbuf_put_zeros(msg, sizeof *nfm);
    match_len = nx_put_match(msg, &fm->match, fm->cookie, fm->cookie_mask);
    ofpacts_put_openflow_actions(fm->ofpacts, fm->ofpacts_len, msg,
                                 OFP10_VERSION);

    nfm = msg->msg;
    nfm->match_len = htons(match_len);
    nfm->flags = htons(flags_to_wire(fm->flags, OFP10_VERSION));
    nfm->priority = htons(fm->priority);
    nfm->command = htons(tid_command(fm, protocol));
    nfm->cookie = single_cookie(fm);
    nfm->out_port = htons(ofp_to_u16(fm->out_port));
    nfm->buffer_id = htonl(fm->buffer_id);
    nfm->hard_timeout = htons(fm->hard_timeout);
    nfm->idle_timeout = htons(fm->idle_timeout);
    return msg;
}

static struct ofpbuf *
encode_ofp11_flow_mod(const struct ofputil_flow_mod *fm,
                      enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_OFPT11_FLOW_MOD, version,
                                      fm->ofpacts_len + 64);
    struct ofp11_flow_mod *ofm = ofpbuf_put_zeros(msg, sizeof *ofm);

    if (fm->command == OFPFC_ADD
        || (fm->modify_cookie && !fm->cookie_mask)) {
        ofm->cookie = fm->new_cookie == COOKIE_NONE ? 0 : fm->new_cookie;
    } else {
        ofm->cookie = fm->cookie;
        ofm->cookie_mask = fm->cookie_mask;
    }
    /* "Every table" exists only for deletes, and only from OpenFlow 1.2 on;
     * otherwise it becomes table 0 (so an OpenFlow 1.1 del-flows empties
     * table 0 only, as Open vSwitch's does). */
    ofm->table_id = (fm->table_id == OFPTT_ALL
                     && (version == OFP11_VERSION
                         || fm->command == OFPFC_ADD
                         || fm->command == OFPFC_MODIFY
                         || fm->command == OFPFC_MODIFY_STRICT)
                     ? 0 : fm->table_id);
    ofm->command = fm->command;
    ofm->flags = htons(flags_to_wire(fm->flags, version));
    ofm->priority = htons(fm->priority);
    ofm->out_group = htonl(fm->out_group);
    ofm->out_port = ofputil_port_to_ofp11(fm->out_port);
    ofm->buffer_id = htonl(fm->buffer_id);
    ofm->hard_timeout = htons(fm->hard_timeout);
    ofm->idle_timeout = htons(fm->idle_timeout);
    if (version >= OFP14_VERSION) {
        ofm->importance = htons(fm->importance);
    }
    ofputil_put_ofp11_match(msg, &fm->match, protocol);
    ofpacts_put_openflow_instructions(fm->ofpacts, fm->ofpacts_len, msg,
                                      version);
    return msg;
}

struct ofpbuf *
ofputil_encode_flow_mod(const struct ofputil_flow_mod *fm,
                        enum ofputil_protocol protocol)
{
    struct ofpbuf *msg;

    switch (protocol) {
    case OFPUTIL_P_OF10_STD:
    case OFPUTIL_P_OF10_STD_TID:
        msg = encode_ofp10_flow_mod(fm, protocol);
        break;
    case OFPUTIL_P_OF10_NXM:
    case OFPUTIL_P_OF10_NXM_TID:
        msg = encode_nx_flow_mod(fm, protocol);
        break;
    default:
        msg = encode_ofp11_flow_mod(fm, protocol);
        break;
    }
    ofpmsg_update_length(msg);
    return msg;
}

/* ---- Printing ---- */

void
ofputil_flow_mod_command_format(struct ds *s, uint16_t command)
{
    static const char *const names[] = {
        [OFPFC_ADD] = "ADD",
        [OFPFC_MODIFY] = "MOD",
        [OFPFC_MODIFY_STRICT] = "MOD_STRICT",
        [OFPFC_DELETE] = "DEL",
        [OFPFC_DELETE_STRICT] = "DEL_STRICT",
    };

    if (command < ARRAY_SIZE(names)) {
        ds_put_cstr(s, names[command]);
    } else {
        ds_put_format(s, "cmd:%"PRIu16, command);
    }
}

void
ofputil_flow_mod_format(struct ds *s, const struct ofputil_flow_mod *fm,
                        enum ofp_version version OVS_UNUSED,
                        const struct ofputil_port_map *port_map)
{
    static const struct {
        enum ofputil_flow_mod_flags flag;
        const char *name;
    } flag_names[] = {
        { OFPUTIL_FF_SEND_FLOW_REM, "send_flow_rem" },
        { OFPUTIL_FF_CHECK_OVERLAP, "check_overlap" },
        { OFPUTIL_FF_RESET_COUNTS, "reset_counts" },
        { OFPUTIL_FF_NO_PKT_COUNTS, "no_packet_counts" },
        { OFPUTIL_FF_NO_BYT_COUNTS, "no_byte_counts" },
        { OFPUTIL_FF_EMERG, "emerg" },
    };
    size_t match_start;

    ds_put_char(s, ' ');
    ofputil_flow_mod_command_format(s, fm->command);
    if (fm->table_id != 0) {
        ds_put_format(s, " table:%"PRIu8, fm->table_id);
    }

    ds_put_char(s, ' ');
    match_start = s->length;
    match_format(&fm->match, port_map, s, fm->priority);
    if (s->length == match_start) {
        ds_truncate(s, match_start - 1);
    }

    if (fm->new_cookie != htonll(0) && fm->new_cookie != COOKIE_NONE) {
        ds_put_format(s, " cookie:0x%"PRIx64, ntohll(fm->new_cookie));
    }
    if (fm->cookie_mask != htonll(0)) {
        ds_put_format(s, " cookie:0x%"PRIx64"/0x%"PRIx64,
                      ntohll(fm->cookie), ntohll(fm->cookie_mask));
    }
    if (fm->idle_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " idle:%"PRIu16, fm->idle_timeout);
    }
    if (fm->hard_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " hard:%"PRIu16, fm->hard_timeout);
    }
    if (fm->importance) {
        ds_put_format(s, " importance:%"PRIu16, fm->importance);
    }
    if (fm->buffer_id != OFPUTIL_NO_BUFFER) {
        ds_put_format(s, " buf:0x%"PRIx32, fm->buffer_id);
    }
    if (fm->out_port != OFPP_NONE) {
        ds_put_cstr(s, " out_port:");
        ofputil_format_port(fm->out_port, port_map, s);
    }
    for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++) {
        if (fm->flags & flag_names[i].flag) {
            ds_put_format(s, " %s", flag_names[i].name);
        }
    }
    ds_put_cstr(s, " actions=");
    ofpacts_format(fm->ofpacts, fm->ofpacts_len, port_map, s);
}

enum ofperr
ofputil_flow_mod_print(struct ds *s, const struct ofp_header *oh,
                       const struct ofputil_port_map *port_map,
                       int verbosity OVS_UNUSED)
{
    enum ofputil_protocol protocol;
    struct ofputil_flow_mod fm;
    struct ofpbuf ofpacts;
    enum ofperr error;

    /* A printer cannot know whether the table-id extension was turned on,
     * so it assumes it was. */
    protocol = ofputil_protocol_from_ofp_version(oh->version);
    protocol = ofputil_protocol_set_tid(protocol, true);

    ofpbuf_init(&ofpacts, 64);
    error = ofputil_decode_flow_mod(&fm, oh, protocol, &ofpacts);
    if (!error) {
        ofputil_flow_mod_format(s, &fm, oh->version, port_map);
    }
    ofpbuf_uninit(&ofpacts);
    return error;
}

/* ---- Usable protocols ---- */

enum ofputil_protocol
ofputil_flow_mod_usable_protocols(const struct ofputil_flow_mod *fm)
{
    enum ofputil_protocol usable = ofputil_usable_protocols(&fm->match);

    if (fm->table_id != OFPTT_ALL) {
        usable &= OFPUTIL_P_TID;
    }
    if (fm->cookie_mask) {
        usable &= OFPUTIL_P_NXM_OF11_UP;
    }
    if (fm->out_group != OFPG_ANY) {
        usable &= OFPUTIL_P_OF11_UP;
    }
    if (fm->flags & OFPUTIL_FF_RESET_COUNTS) {
        usable &= OFPUTIL_P_OF12_UP;
    }
    if (fm->flags & (OFPUTIL_FF_NO_PKT_COUNTS | OFPUTIL_FF_NO_BYT_COUNTS)) {
        usable &= OFPUTIL_P_OF13_UP;
    }
    return usable;
}

/* ---- Parsing ovs-ofctl flow syntax ---- */

/* Which keywords a command accepts besides match fields.  A keyword that
 * a command does not accept is handed to the match parser, which then
 * reports it as unknown, as ovs-ofctl does. */
enum flow_field_set {
    FF_TIMEOUT = 1 << 0,        /* idle_timeout, hard_timeout. */
    FF_PRIORITY = 1 << 1,
    FF_OUT_PORT = 1 << 2,       /* out_port, out_group. */
    FF_FLAGS = 1 << 3,          /* send_flow_rem and friends. */
    FF_IMPORTANCE = 1 << 4,
};

static enum flow_field_set
fields_for_command(int command)
{
    switch (command) {
    case OFPFC_ADD:
        return FF_TIMEOUT | FF_PRIORITY | FF_FLAGS | FF_IMPORTANCE;
    case OFPFC_MODIFY:
        return FF_TIMEOUT | FF_FLAGS | FF_IMPORTANCE;
    case OFPFC_MODIFY_STRICT:
        return FF_TIMEOUT | FF_PRIORITY | FF_FLAGS | FF_IMPORTANCE;
    case OFPFC_DELETE:
        return FF_OUT_PORT;
    case OFPFC_DELETE_STRICT:
        return FF_PRIORITY | FF_OUT_PORT;
    default:
        return 0;
    }
}

/* Reads one "key[=value]" item from '*pos', advancing it.  Items are
 * separated by commas or white space; a value runs to the next separator
 * outside parentheses.  Returns false at the end of the string. */
static bool
next_item(char **pos, char **key, char **value)
{
    static const char separators[] = ", \t\r\n";
    char *p = *pos + strspn(*pos, separators);
    int depth = 0;

    if (!*p) {
        *pos = p;
        return false;
    }
    *key = p;
    p += strcspn(p, "=, \t\r\n");
    if (*p == '=') {
        *p++ = '\0';
        *value = p;
        for (; *p; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')' && depth) {
                depth--;
            } else if (!depth && strchr(separators, *p)) {
                break;
            }
        }
    } else {
        *value = NULL;
    }
    if (*p) {
        *p++ = '\0';
    }
    *pos = p;
    return true;
}

static char * OVS_WARN_UNUSED_RESULT
parse_u16(const char *name, const char *value, uint16_t *out)
{
    unsigned int u;

    if (!str_to_uint(value, 0, &u) || u > UINT16_MAX) {
        return xasprintf("invalid %s \"%s\"", name, value);
    }
    *out = u;
    return NULL;
}

/* Like strtoull() in base 0, as ovs-ofctl reads numbers: a leading '-'
 * negates modulo 2**64, so "-1" means all ones. */
static char * OVS_WARN_UNUSED_RESULT
parse_u64(const char *value, uint64_t *out)
{
    char *tail;

    if (!*value) {
        return xstrdup("missing required numeric argument");
    }
    errno = 0;
    *out = strtoull(value, &tail, 0);
    if (errno || *tail) {
        return xasprintf("invalid numeric format %s", value);
    }
    return NULL;
}

/* "cookie=VALUE" or "cookie=VALUE/MASK".  A flow addition sets a cookie
 * and so takes no mask, whatever the mask says; a delete only matches, so
 * it needs one. */
static char * OVS_WARN_UNUSED_RESULT
parse_cookie(struct ofputil_flow_mod *fm, int command, char *value,
             enum ofputil_protocol *usable)
{
    char *slash = strchr(value, '/');
    uint64_t cookie = 0, mask = 0;
    char *error;

    if (slash && command == OFPFC_ADD) {
        return xstrdup("flow additions cannot use a cookie mask");
    }
    if (slash) {
        *slash = '\0';
    }
    error = parse_u64(value, &cookie);
    if (error) {
        return error;
    }
    if (slash) {
        error = parse_u64(slash + 1, &mask);
        if (error) {
            return error;
        }
        fm->cookie = htonll(cookie);
        fm->cookie_mask = htonll(mask);
        if (mask) {
            *usable &= OFPUTIL_P_NXM_OF11_UP;
        }
    } else if (command == OFPFC_DELETE || command == OFPFC_DELETE_STRICT) {
        return xasprintf("cannot set cookie (to match on a cookie, specify "
                         "a mask, e.g. cookie=%s/-1)", value);
    } else {
        fm->new_cookie = htonll(cookie);
        fm->modify_cookie = command != OFPFC_ADD;
    }
    return NULL;
}

/* Handles 'key' if it is a flow-mod keyword that 'fields' allows.  Sets
 * '*handled' accordingly.  Returns NULL or an error message. */
static char * OVS_WARN_UNUSED_RESULT
parse_flow_keyword(struct ofputil_flow_mod *fm, int command,
                   enum flow_field_set fields, const char *key, char *value,
                   const struct ofputil_port_map *port_map,
                   enum ofputil_protocol *usable, bool *handled)
{
    static const struct {
        const char *name;
        enum ofputil_flow_mod_flags flag;
    } flag_keywords[] = {
        { "send_flow_rem", OFPUTIL_FF_SEND_FLOW_REM },
        { "check_overlap", OFPUTIL_FF_CHECK_OVERLAP },
        { "reset_counts", OFPUTIL_FF_RESET_COUNTS },
        { "no_packet_counts", OFPUTIL_FF_NO_PKT_COUNTS },
        { "no_byte_counts", OFPUTIL_FF_NO_BYT_COUNTS },
    };
    bool has_value = value && *value;

    *handled = true;
    if (fields & FF_FLAGS) {
        for (size_t i = 0; i < ARRAY_SIZE(flag_keywords); i++) {
            if (!strcmp(key, flag_keywords[i].name)) {
                fm->flags |= flag_keywords[i].flag;
                return NULL;
            }
        }
    }

    bool is_table = !strcmp(key, "table");
    bool is_cookie = !strcmp(key, "cookie");
    bool is_priority = (fields & FF_PRIORITY) && !strcmp(key, "priority");
    bool is_idle = (fields & FF_TIMEOUT) && !strcmp(key, "idle_timeout");
    bool is_hard = (fields & FF_TIMEOUT) && !strcmp(key, "hard_timeout");
    bool is_importance = ((fields & FF_IMPORTANCE)
                          && !strcmp(key, "importance"));
    bool is_out_port = (fields & FF_OUT_PORT) && !strcmp(key, "out_port");
    bool is_out_group = (fields & FF_OUT_PORT) && !strcmp(key, "out_group");

    if (!(is_table || is_cookie || is_priority || is_idle || is_hard
          || is_importance || is_out_port || is_out_group)) {
        *handled = false;
        return NULL;
    }
    if (!has_value) {
        return xasprintf("field %s missing value", key);
    }

    if (is_table) {
        unsigned int table;
        if (!str_to_uint(value, 0, &table) || table > UINT8_MAX) {
            return xasprintf("unknown table \"%s\"", value);
        }
        fm->table_id = table;
        if (table != OFPTT_ALL) {
            *usable &= OFPUTIL_P_TID;
        }
        return NULL;
    } else if (is_cookie) {
        return parse_cookie(fm, command, value, usable);
    } else if (is_priority) {
        uint16_t priority = 0;
        char *error = parse_u16(key, value, &priority);
        fm->priority = priority;
        return error;
    } else if (is_idle) {
        return parse_u16(key, value, &fm->idle_timeout);
    } else if (is_hard) {
        return parse_u16(key, value, &fm->hard_timeout);
    } else if (is_importance) {
        return parse_u16(key, value, &fm->importance);
    } else if (is_out_port) {
        if (!ofputil_port_from_string(value, port_map, &fm->out_port)) {
            return xasprintf("%s is not a valid OpenFlow port", value);
        }
        return NULL;
    } else {
        unsigned int group;
        if (!str_to_uint(value, 0, &group)) {
            return xasprintf("invalid out_group \"%s\"", value);
        }
        fm->out_group = group;
        *usable &= OFPUTIL_P_OF11_UP;
        return NULL;
    }
}

/* Finds the actions part of 'string' (which it modifies): returns a
 * pointer to the text after "actions=" and cuts 'string' before
 * "actions", or returns NULL if there is none. */
static char *
split_actions(char *string)
{
    char *act = strstr(string, "action");
    char *eq;

    if (!act) {
        return NULL;
    }
    eq = strchr(act, '=');
    *act = '\0';
    return eq ? eq + 1 : NULL;
}

static char * OVS_WARN_UNUSED_RESULT
parse_ofp_str__(struct ofputil_flow_mod *fm, int command, char *string,
                const struct ofputil_port_map *port_map,
                enum ofputil_protocol *usable, struct ofpbuf *ofpacts)
{
    enum flow_field_set fields = fields_for_command(command);
    char *pos, *key, *value, *act_str;
    char *error;

    flow_mod_init(fm);
    fm->command = command;
    if (command == OFPFC_ADD) {
        fm->new_cookie = htonll(0);
    }
    *usable = OFPUTIL_P_ANY;

    /* Adds and modifies need actions; deletes ignore any. */
    act_str = split_actions(string);
    if (!act_str && (fields & FF_TIMEOUT)) {
        return xstrdup("must specify an action");
    }

    pos = string;
    while (next_item(&pos, &key, &value)) {
        bool handled;

        error = parse_flow_keyword(fm, command, fields, key, value,
                                   port_map, usable, &handled);
        if (!error && !handled) {
            error = ofputil_parse_match_item(&fm->match, key, value,
                                             port_map, usable);
        }
        if (error) {
            return error;
        }
    }

    if (act_str) {
        enum ofputil_protocol action_usable = OFPUTIL_P_ANY;
        enum ofperr err;

        error = ofpacts_parse_instructions(act_str, port_map, ofpacts,
                                           &action_usable);
        if (error) {
            return error;
        }
        *usable &= action_usable;

        /* A flow added without a table goes to table 0, which is what
         * goto_table's check must compare against. */
        err = ofpacts_check(ofpacts->data, ofpacts->size, &fm->match,
                            OFPP_MAX,
                            fm->table_id == OFPTT_ALL ? 0 : fm->table_id,
                            255, usable);
        if (!err && !*usable) {
            err = OFPERR_OFPBAC_MATCH_INCONSISTENT;
        }
        if (err) {
            return xasprintf("actions are invalid with specified match "
                             "(%s)", ofperr_to_string(err));
        }
    }

    *usable &= ofputil_flow_mod_usable_protocols(fm);
    return NULL;
}

char *
parse_ofp_str(struct ofputil_flow_mod *fm, int command, const char *string,
              const struct ofputil_port_map *port_map,
              enum ofputil_protocol *usable)
{
    char *copy = xstrdup(string);
    struct ofpbuf ofpacts;
    char *error;

    ofpbuf_init(&ofpacts, 64);
    error = parse_ofp_str__(fm, command, copy, port_map, usable, &ofpacts);
    free(copy);
    if (error) {
        ofpbuf_uninit(&ofpacts);
        fm->ofpacts = NULL;
        fm->ofpacts_len = 0;
        return error;
    }
    fm->ofpacts_len = ofpacts.size;
    fm->ofpacts = ofpbuf_steal_data(&ofpacts);
    return NULL;
}

/* Recognizes a leading command word in '*string' and skips it. */
static int
parse_command_word(const char **string)
{
    static const struct {
        const char *name;
        int command;
    } words[] = {
        { "add", OFPFC_ADD },
        { "modify", OFPFC_MODIFY },
        { "mod", OFPFC_MODIFY },
        { "modify_strict", OFPFC_MODIFY_STRICT },
        { "delete", OFPFC_DELETE },
        { "del", OFPFC_DELETE },
        { "delete_strict", OFPFC_DELETE_STRICT },
    };
    const char *s = *string + strspn(*string, " \t");
    size_t len = strcspn(s, " \t");

    for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
        if (len == strlen(words[i].name)
            && !strncmp(s, words[i].name, len)) {
            *string = s + len;
            return words[i].command;
        }
    }
    return OFPFC_ADD;
}

char *
parse_ofp_flow_mod_str(struct ofputil_flow_mod *fm, const char *string,
                       const struct ofputil_port_map *port_map, int command,
                       enum ofputil_protocol *usable)
{
    if (command == -2) {
        command = parse_command_word(&string);
    }
    return parse_ofp_str(fm, command, string, port_map, usable);
}

char *
parse_ofp_flow_mod_file(const char *file_name,
                        const struct ofputil_port_map *port_map,
                        int command, struct ofputil_flow_mod **fms,
                        size_t *n_fms, enum ofputil_protocol *usable)
{
    FILE *stream = (!strcmp(file_name, "-") ? stdin
                    : fopen(file_name, "r"));
    struct ds line = DS_EMPTY_INITIALIZER;
    size_t allocated = 0;
    int line_number = 0;
    char *error = NULL;

    *fms = NULL;
    *n_fms = 0;
    *usable = OFPUTIL_P_ANY;
    if (!stream) {
        return xasprintf("%s: open failed (%s)", file_name,
                         ovs_strerror(errno));
    }

    while (!ds_get_preprocessed_line(&line, stream, &line_number)) {
        enum ofputil_protocol line_usable;

        if (*n_fms >= allocated) {
            *fms = x2nrealloc(*fms, &allocated, sizeof **fms);
        }
        error = parse_ofp_flow_mod_str(&(*fms)[*n_fms], ds_cstr(&line),
                                       port_map, command, &line_usable);
        if (error) {
            char *with_line = xasprintf("%s:%d: %s", file_name,
                                        line_number, error);
            free(error);
            error = with_line;
            break;
        }
        *usable &= line_usable;
        (*n_fms)++;
    }

    ds_destroy(&line);
    if (stream != stdin) {
        fclose(stream);
    }
    if (error) {
        for (size_t i = 0; i < *n_fms; i++) {
            free((*fms)[i].ofpacts);
        }
        free(*fms);
        *fms = NULL;
        *n_fms = 0;
    }
    return error;
}

/* ---- Flow statistics requests ---- */

static enum ofperr
decode_ofp10_flow_stats_request(struct ofputil_flow_stats_request *fsr,
                                struct ofpbuf *b)
{
    const struct ofp10_flow_stats_request *req = ofpbuf_try_pull(b,
                                                                 sizeof *req);
    if (!req) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ofputil_match_from_ofp10_match(&req->match, &fsr->match);
    fsr->table_id = req->table_id;
    fsr->out_port = u16_to_ofp(ntohs(req->out_port));
    return 0;
}

static enum ofperr
decode_nx_flow_stats_request(struct ofputil_flow_stats_request *fsr,
                             struct ofpbuf *b)
{
    const struct nx_flow_stats_request *req = ofpbuf_try_pull(b,
                                                              sizeof *req);
    enum ofperr error;

    if (!req) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    fsr->out_port = u16_to_ofp(ntohs(req->out_port));
    fsr->table_id = req->table_id;
    error = nx_pull_match(b, ntohs(req->match_len), &fsr->match,
                          &fsr->cookie, &fsr->cookie_mask);
    /* Nothing may follow the match. */
    return error ? error : b->size ? OFPERR_OFPBRC_BAD_LEN : 0;
}

static enum ofperr
decode_ofp11_flow_stats_request(struct ofputil_flow_stats_request *fsr,
                                struct ofpbuf *b)
{
    const struct ofp11_flow_stats_request *req = ofpbuf_try_pull(b,
                                                                 sizeof *req);
    enum ofperr error;

    if (!req) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = ofputil_port_from_ofp11(req->out_port, &fsr->out_port);
    if (error) {
        return error;
    }
    fsr->table_id = req->table_id;
    fsr->out_group = ntohl(req->out_group);
    fsr->cookie = req->cookie;
    fsr->cookie_mask = req->cookie_mask;
    return ofputil_pull_ofp11_match(b, &fsr->match, NULL);
}

enum ofperr
ofputil_decode_flow_stats_request(struct ofputil_flow_stats_request *fsr,
                                  const struct ofp_header *oh)
{
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    memset(fsr, 0, sizeof *fsr);
    match_init_catchall(&fsr->match);
    fsr->out_port = OFPP_NONE;
    fsr->out_group = OFPG_ANY;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &b);
    if (error) {
        return error;
    }
    switch ((int) raw) {
    case OFPRAW_OFPST10_AGGREGATE_REQUEST:
        fsr->aggregate = true;
        /* fall through */
    case OFPRAW_OFPST10_FLOW_REQUEST:
        return decode_ofp10_flow_stats_request(fsr, &b);
    case OFPRAW_NXST_AGGREGATE_REQUEST:
        fsr->aggregate = true;
        /* fall through */
    case OFPRAW_NXST_FLOW_REQUEST:
        return decode_nx_flow_stats_request(fsr, &b);
    case OFPRAW_OFPST11_AGGREGATE_REQUEST:
        fsr->aggregate = true;
        /* fall through */
    case OFPRAW_OFPST11_FLOW_REQUEST:
        return decode_ofp11_flow_stats_request(fsr, &b);
    default:
        return OFPERR_OFPBRC_BAD_STAT;
    }
}

struct ofpbuf *
ofputil_encode_flow_stats_request(const struct ofputil_flow_stats_request *fsr,
                                  enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    struct ofpbuf *msg;

    if (protocol & OFPUTIL_P_OF10_STD_ANY) {
        struct ofp10_flow_stats_request *req;

        msg = ofpraw_alloc(fsr->aggregate ? OFPRAW_OFPST10_AGGREGATE_REQUEST
                           : OFPRAW_OFPST10_FLOW_REQUEST, version, 0);
        req = ofpbuf_put_zeros(msg, sizeof *req);
        ofputil_match_to_ofp10_match(&fsr->match, &req->match);
        req->out_port = htons(ofp_to_u16(fsr->out_port));
        req->table_id = fsr->table_id;
    } else if (protocol & OFPUTIL_P_OF10_NXM_ANY) {
        struct nx_flow_stats_request *req;
        int match_len;

        msg = ofpraw_alloc(fsr->aggregate ? OFPRAW_NXST_AGGREGATE_REQUEST
                           : OFPRAW_NXST_FLOW_REQUEST, version, 64);
        ofpbuf_put_zeros(msg, sizeof *req);
        match_len = nx_put_match(msg, &fsr->match, fsr->cookie,
                                 fsr->cookie_mask);
        req = msg->msg;
        req->table_id = fsr->table_id;
        req->match_len = htons(match_len);
        req->out_port = htons(ofp_to_u16(fsr->out_port));
    } else {
        struct ofp11_flow_stats_request *req;

        msg = ofpraw_alloc(fsr->aggregate ? OFPRAW_OFPST11_AGGREGATE_REQUEST
                           : OFPRAW_OFPST11_FLOW_REQUEST, version, 64);
        req = ofpbuf_put_zeros(msg, sizeof *req);
        req->cookie_mask = fsr->cookie_mask;
        req->cookie = fsr->cookie;
        req->out_group = htonl(fsr->out_group);
        req->out_port = ofputil_port_to_ofp11(fsr->out_port);
        req->table_id = fsr->table_id;
        ofputil_put_ofp11_match(msg, &fsr->match, protocol);
    }
    ofpmsg_update_length(msg);
    return msg;
}

void
ofputil_flow_stats_request_format(
    struct ds *s, const struct ofputil_flow_stats_request *fsr,
    const struct ofputil_port_map *port_map)
{
    if (fsr->table_id != OFPTT_ALL) {
        ds_put_format(s, " table=%"PRIu8, fsr->table_id);
    }
    if (fsr->out_port != OFPP_NONE) {
        ds_put_cstr(s, " out_port=");
        ofputil_format_port(fsr->out_port, port_map, s);
    }
    ds_put_char(s, ' ');
    size_t match_start = s->length;
    match_format(&fsr->match, port_map, s, OFPUTIL_DEFAULT_PRIORITY);
    if (s->length == match_start) {
        ds_truncate(s, match_start - 1);
    }
}

enum ofperr
ofputil_flow_stats_request_print(struct ds *s, const struct ofp_header *oh,
                                 const struct ofputil_port_map *port_map,
                                 int verbosity OVS_UNUSED)
{
    struct ofputil_flow_stats_request fsr;
    enum ofperr error = ofputil_decode_flow_stats_request(&fsr, oh);

    if (!error) {
        ofputil_flow_stats_request_format(s, &fsr, port_map);
    }
    return error;
}

/* ---- Flow statistics replies ---- */

/* Ages travel as "seconds plus one", with 0 for unknown. */
static uint16_t
age_to_wire(int age)
{
    return age < 0 ? 0 : age < UINT16_MAX ? age + 1 : UINT16_MAX;
}

static int
age_from_wire(ovs_be16 age)
{
    return age ? ntohs(age) - 1 : -1;
}

/* OpenFlow 1.5 moved the times and counters out of the fixed part into an
 * OXS block between the match and the instructions. */
static void
append_ofp15_flow_stats(const struct ofputil_flow_stats *fs,
                        struct ofpbuf *reply)
{
    size_t start = reply->size;
    struct ofputil_oxs_stats oxs;
    struct ofp15_flow_desc *ofd;

    ofputil_oxs_stats_init(&oxs);
    oxs.duration_sec = fs->duration_sec;
    oxs.duration_nsec = fs->duration_nsec;
    if (fs->idle_age >= 0) {
        oxs.idle_sec = fs->idle_age;
    }
    oxs.packet_count = fs->packet_count;
    oxs.byte_count = fs->byte_count;

    ofpbuf_put_zeros(reply, sizeof *ofd);
    ofputil_put_ofp11_match(reply, &fs->match, OFPUTIL_P_OF15_OXM);
    ofputil_put_oxs_stats(reply, &oxs);
    ofpacts_put_openflow_instructions(fs->ofpacts, fs->ofpacts_len, reply,
                                      OFP15_VERSION);

    ofd = ofpbuf_at_assert(reply, start, sizeof *ofd);
    ofd->length = htons(reply->size - start);
    ofd->table_id = fs->table_id;
    ofd->priority = htons(fs->priority);
    ofd->idle_timeout = htons(fs->idle_timeout);
    ofd->hard_timeout = htons(fs->hard_timeout);
    ofd->flags = htons(flags_to_wire(fs->flags, OFP15_VERSION));
    ofd->importance = htons(fs->importance);
    ofd->cookie = fs->cookie;
}

void
ofputil_append_flow_stats_reply(const struct ofputil_flow_stats *fs,
                                struct ovs_list *replies)
{
    struct ofpbuf *reply = ofpbuf_from_list(ovs_list_back(replies));
    enum ofp_version version = ((const struct ofp_header *)
                                reply->data)->version;
    size_t start = reply->size;
    enum ofpraw raw = ofpraw_decode_assert(reply->data);

    if (raw == OFPRAW_OFPST10_FLOW_REPLY) {
        struct ofp10_flow_stats *ofs = ofpbuf_put_zeros(reply, sizeof *ofs);

        ofputil_match_to_ofp10_match(&fs->match, &ofs->match);
        ofs->table_id = fs->table_id;
        ofs->priority = htons(fs->priority);
        ofs->duration_sec = htonl(fs->duration_sec);
        ofs->duration_nsec = htonl(fs->duration_nsec);
        ofs->hard_timeout = htons(fs->hard_timeout);
        ofs->idle_timeout = htons(fs->idle_timeout);
        put_32aligned_be64(&ofs->cookie, fs->cookie);
        put_32aligned_be64(&ofs->byte_count, htonll(fs->byte_count));
        put_32aligned_be64(&ofs->packet_count, htonll(fs->packet_count));
        ofpacts_put_openflow_actions(fs->ofpacts, fs->ofpacts_len, reply,
                                     version);
        ofs = ofpbuf_at_assert(reply, start, sizeof *ofs);
        ofs->length = htons(reply->size - start);
    } else if (raw == OFPRAW_NXST_FLOW_REPLY) {
        struct nx_flow_stats *nfs;
        int match_len;

        ofpbuf_put_zeros(reply, sizeof *nfs);
        match_len = nx_put_match(reply, &fs->match, 0, 0);
        ofpacts_put_openflow_actions(fs->ofpacts, fs->ofpacts_len, reply,
                                     version);
        nfs = ofpbuf_at_assert(reply, start, sizeof *nfs);
        nfs->length = htons(reply->size - start);
        nfs->match_len = htons(match_len);
        nfs->table_id = fs->table_id;
        nfs->priority = htons(fs->priority);
        nfs->duration_sec = htonl(fs->duration_sec);
        nfs->duration_nsec = htonl(fs->duration_nsec);
        nfs->hard_timeout = htons(fs->hard_timeout);
        nfs->idle_timeout = htons(fs->idle_timeout);
        nfs->idle_age = htons(age_to_wire(fs->idle_age));
        nfs->hard_age = htons(age_to_wire(fs->hard_age));
        nfs->cookie = fs->cookie;
        nfs->byte_count = htonll(fs->byte_count);
        nfs->packet_count = htonll(fs->packet_count);
    } else if (raw == OFPRAW_OFPST15_FLOW_REPLY) {
        append_ofp15_flow_stats(fs, reply);
    } else {
        enum ofputil_protocol protocol
            = ofputil_protocol_from_ofp_version(version);
        struct ofp11_flow_stats *ofs;

        ofpbuf_put_zeros(reply, sizeof *ofs);
        ofputil_put_ofp11_match(reply, &fs->match, protocol);
        ofpacts_put_openflow_instructions(fs->ofpacts, fs->ofpacts_len,
                                          reply, version);
        ofs = ofpbuf_at_assert(reply, start, sizeof *ofs);
        ofs->length = htons(reply->size - start);
        ofs->table_id = fs->table_id;
        ofs->priority = htons(fs->priority);
        ofs->duration_sec = htonl(fs->duration_sec);
        ofs->duration_nsec = htonl(fs->duration_nsec);
        ofs->hard_timeout = htons(fs->hard_timeout);
        ofs->idle_timeout = htons(fs->idle_timeout);
        if (version >= OFP13_VERSION) {
            ofs->flags = htons(flags_to_wire(fs->flags, version));
        }
        if (version >= OFP14_VERSION) {
            ofs->importance = htons(fs->importance);
        }
        ofs->cookie = fs->cookie;
        ofs->byte_count = htonll(fs->byte_count);
        ofs->packet_count = htonll(fs->packet_count);
    }
    ofpmp_postappend(replies, start);
}

static int
decode_ofp10_flow_stats(struct ofputil_flow_stats *fs, struct ofpbuf *msg,
                        struct ofpbuf *ofpacts)
{
    const struct ofp10_flow_stats *ofs = ofpbuf_try_pull(msg, sizeof *ofs);
    size_t length;

    if (!ofs) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    length = ntohs(ofs->length);
    if (length < sizeof *ofs || length - sizeof *ofs > msg->size) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ofputil_match_from_ofp10_match(&ofs->match, &fs->match);
    fs->table_id = ofs->table_id;
    fs->priority = ntohs(ofs->priority);
    fs->duration_sec = ntohl(ofs->duration_sec);
    fs->duration_nsec = ntohl(ofs->duration_nsec);
    fs->idle_timeout = ntohs(ofs->idle_timeout);
    fs->hard_timeout = ntohs(ofs->hard_timeout);
    fs->cookie = get_32aligned_be64(&ofs->cookie);
    fs->packet_count = ntohll(get_32aligned_be64(&ofs->packet_count));
    fs->byte_count = ntohll(get_32aligned_be64(&ofs->byte_count));
    return ofpacts_pull_openflow_instructions(msg, length - sizeof *ofs,
                                              OFP10_VERSION, NULL, NULL,
                                              ofpacts);
}

static int
decode_nx_flow_stats(struct ofputil_flow_stats *fs, struct ofpbuf *msg,
                     struct ofpbuf *ofpacts)
{
    const struct nx_flow_stats *nfs = ofpbuf_try_pull(msg, sizeof *nfs);
    size_t length, match_len, consumed;
    enum ofperr error;

    if (!nfs) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    length = ntohs(nfs->length);
    match_len = ntohs(nfs->match_len);
    if (length < sizeof *nfs + ROUND_UP(match_len, 8)
        || length - sizeof *nfs > msg->size) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    consumed = msg->size;
    error = nx_pull_match(msg, match_len, &fs->match, NULL, NULL);
    if (error) {
        return error;
    }
    consumed -= msg->size;
    fs->table_id = nfs->table_id;
    fs->priority = ntohs(nfs->priority);
    fs->duration_sec = ntohl(nfs->duration_sec);
    fs->duration_nsec = ntohl(nfs->duration_nsec);
    fs->idle_timeout = ntohs(nfs->idle_timeout);
    fs->hard_timeout = ntohs(nfs->hard_timeout);
    fs->idle_age = age_from_wire(nfs->idle_age);
    fs->hard_age = age_from_wire(nfs->hard_age);
    fs->cookie = nfs->cookie;
    fs->packet_count = ntohll(nfs->packet_count);
    fs->byte_count = ntohll(nfs->byte_count);
    return ofpacts_pull_openflow_instructions(msg,
                                              length - sizeof *nfs - consumed,
                                              OFP10_VERSION, NULL, NULL,
                                              ofpacts);
}

/* Pulls from 'msg' the fixed part, 'size' bytes, of an OpenFlow 1.1+ flow
 * entry whose first member is the entry's be16 total length.  Returns the
 * fixed part and sets '*rest' to the length of the entry that follows it,
 * or returns NULL if the entry is truncated. */
static const void *
pull_flow_entry(struct ofpbuf *msg, size_t size, size_t *rest)
{
    const ovs_be16 *length = ofpbuf_try_pull(msg, size);
    size_t total;

    if (!length) {
        return NULL;
    }
    total = ntohs(*length);
    if (total < size || total - size > msg->size) {
        return NULL;
    }
    *rest = total - size;
    return length;
}

static int
decode_ofp11_flow_stats(struct ofputil_flow_stats *fs, struct ofpbuf *msg,
                        enum ofp_version version, struct ofpbuf *ofpacts)
{
    size_t rest, before;
    const struct ofp11_flow_stats *ofs = pull_flow_entry(msg, sizeof *ofs,
                                                         &rest);
    enum ofperr error;

    if (!ofs) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    before = msg->size;
    error = ofputil_pull_ofp11_match(msg, &fs->match, NULL);
    if (error) {
        return error;
    }
    if (before - msg->size > rest) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    rest -= before - msg->size;
    fs->table_id = ofs->table_id;
    fs->priority = ntohs(ofs->priority);
    fs->duration_sec = ntohl(ofs->duration_sec);
    fs->duration_nsec = ntohl(ofs->duration_nsec);
    fs->idle_timeout = ntohs(ofs->idle_timeout);
    fs->hard_timeout = ntohs(ofs->hard_timeout);
    if (version >= OFP13_VERSION) {
        error = flags_from_wire(ntohs(ofs->flags), version, &fs->flags);
        if (error) {
            return error;
        }
    }
    if (version >= OFP14_VERSION) {
        fs->importance = ntohs(ofs->importance);
    }
    fs->cookie = ofs->cookie;
    fs->packet_count = ntohll(ofs->packet_count);
    fs->byte_count = ntohll(ofs->byte_count);
    return ofpacts_pull_openflow_instructions(msg, rest, version, NULL, NULL,
                                              ofpacts);
}

static int
decode_ofp15_flow_stats(struct ofputil_flow_stats *fs, struct ofpbuf *msg,
                        struct ofpbuf *ofpacts)
{
    size_t rest, before;
    const struct ofp15_flow_desc *ofd = pull_flow_entry(msg, sizeof *ofd,
                                                        &rest);
    struct ofputil_oxs_stats oxs;
    enum ofperr error;

    if (!ofd) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    before = msg->size;
    error = ofputil_pull_ofp11_match(msg, &fs->match, NULL);
    if (!error) {
        error = ofputil_pull_oxs_stats(msg, &oxs);
    }
    if (error) {
        return error;
    }
    if (before - msg->size > rest) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    rest -= before - msg->size;
    error = flags_from_wire(ntohs(ofd->flags), OFP15_VERSION, &fs->flags);
    if (error) {
        return error;
    }
    fs->table_id = ofd->table_id;
    fs->priority = ntohs(ofd->priority);
    fs->idle_timeout = ntohs(ofd->idle_timeout);
    fs->hard_timeout = ntohs(ofd->hard_timeout);
    fs->importance = ntohs(ofd->importance);
    fs->cookie = ofd->cookie;
    fs->duration_sec = oxs.duration_sec;
    fs->duration_nsec = oxs.duration_nsec;
    fs->idle_age = oxs.idle_sec == UINT32_MAX ? -1 : oxs.idle_sec;
    fs->packet_count = oxs.packet_count;
    fs->byte_count = oxs.byte_count;
    return ofpacts_pull_openflow_instructions(msg, rest, OFP15_VERSION,
                                              NULL, NULL, ofpacts);
}

int
ofputil_decode_flow_stats_reply(struct ofputil_flow_stats *fs,
                                struct ofpbuf *msg, struct ofpbuf *ofpacts)
{
    const struct ofp_header *oh;
    enum ofpraw raw;
    int error;

    if (!msg->header) {
        error = ofpraw_pull(&raw, msg);
        if (error) {
            return error;
        }
    } else {
        raw = ofpraw_decode_assert(msg->header);
    }
    oh = msg->header;
    if (!msg->size) {
        return EOF;
    }

    memset(fs, 0, sizeof *fs);
    fs->idle_age = fs->hard_age = -1;
    ofpbuf_clear(ofpacts);
    switch ((int) raw) {
    case OFPRAW_OFPST10_FLOW_REPLY:
        error = decode_ofp10_flow_stats(fs, msg, ofpacts);
        break;
    case OFPRAW_NXST_FLOW_REPLY:
        error = decode_nx_flow_stats(fs, msg, ofpacts);
        break;
    case OFPRAW_OFPST11_FLOW_REPLY:
    case OFPRAW_OFPST13_FLOW_REPLY:
        error = decode_ofp11_flow_stats(fs, msg, oh->version, ofpacts);
        break;
    case OFPRAW_OFPST15_FLOW_REPLY:
        error = decode_ofp15_flow_stats(fs, msg, ofpacts);
        break;
    default:
        error = OFPERR_OFPBRC_BAD_STAT;
        break;
    }
    fs->ofpacts = ofpacts->data;
    fs->ofpacts_len = ofpacts->size;
    return error;
}

void
ofputil_flow_stats_format(struct ds *s, const struct ofputil_flow_stats *fs,
                          const struct ofputil_port_map *port_map,
                          bool show_stats)
{
    if (show_stats || fs->cookie) {
        ds_put_format(s, " cookie=0x%"PRIx64",", ntohll(fs->cookie));
    }
    if (show_stats) {
        ds_put_cstr(s, " duration=");
        ofp_print_duration(s, fs->duration_sec, fs->duration_nsec);
        ds_put_format(s, ", table=%"PRIu8",", fs->table_id);
        ds_put_format(s, " n_packets=%"PRIu64",", fs->packet_count);
        ds_put_format(s, " n_bytes=%"PRIu64",", fs->byte_count);
    } else if (fs->table_id) {
        /* Without statistics, a table other than 0 still tells the flows
         * apart. */
        ds_put_format(s, " table=%"PRIu8",", fs->table_id);
    }
    if (fs->idle_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " idle_timeout=%"PRIu16",", fs->idle_timeout);
    }
    if (fs->hard_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " hard_timeout=%"PRIu16",", fs->hard_timeout);
    }
    if (fs->flags) {
        static const struct {
            enum ofputil_flow_mod_flags flag;
            const char *name;
        } names[] = {
            { OFPUTIL_FF_SEND_FLOW_REM, "send_flow_rem" },
            { OFPUTIL_FF_CHECK_OVERLAP, "check_overlap" },
            { OFPUTIL_FF_RESET_COUNTS, "reset_counts" },
            { OFPUTIL_FF_NO_PKT_COUNTS, "no_packet_counts" },
            { OFPUTIL_FF_NO_BYT_COUNTS, "no_byte_counts" },
        };
        for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
            if (fs->flags & names[i].flag) {
                ds_put_format(s, " %s", names[i].name);
            }
        }
    }
    if (fs->importance) {
        ds_put_format(s, " importance=%"PRIu16",", fs->importance);
    }
    if (show_stats && fs->idle_age >= 0) {
        ds_put_format(s, " idle_age=%d,", fs->idle_age);
    }
    if (show_stats && fs->hard_age >= 0 && fs->hard_age != fs->duration_sec) {
        ds_put_format(s, " hard_age=%d,", fs->hard_age);
    }

    ds_put_char(s, ' ');
    match_format(&fs->match, port_map, s, fs->priority);
    if (ds_last(s) != ' ') {
        ds_put_char(s, ' ');
    }
    ds_put_cstr(s, "actions=");
    ofpacts_format(fs->ofpacts, fs->ofpacts_len, port_map, s);
}

enum ofperr
ofputil_flow_stats_reply_print(struct ds *s, const struct ofp_header *oh,
                               const struct ofputil_port_map *port_map,
                               int verbosity OVS_UNUSED)
{
    struct ofpbuf ofpacts;
    struct ofpbuf b;
    int retval;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpbuf_init(&ofpacts, 64);
    for (;;) {
        struct ofputil_flow_stats fs;

        retval = ofputil_decode_flow_stats_reply(&fs, &b, &ofpacts);
        if (retval) {
            break;
        }
        ds_put_char(s, '\n');
        ofputil_flow_stats_format(s, &fs, port_map, true);
    }
    ofpbuf_uninit(&ofpacts);
    return retval == EOF ? 0 : retval;
}

/* ---- Flow-removed notifications ---- */

const char *
ofputil_flow_removed_reason_to_string(uint8_t reason)
{
    switch (reason) {
    case OFPRR_IDLE_TIMEOUT: return "idle";
    case OFPRR_HARD_TIMEOUT: return "hard";
    case OFPRR_DELETE: return "delete";
    case OFPRR_GROUP_DELETE: return "group_delete";
    case OFPRR_METER_DELETE: return "meter_delete";
    case OFPRR_EVICTION: return "eviction";
    default: return NULL;
    }
}

/* OpenFlow 1.5: the fixed part, the match, then an OXS block with the
 * duration and counters. */
static enum ofperr
decode_ofp15_flow_removed(struct ofputil_flow_removed *fr, struct ofpbuf *b)
{
    const struct ofp15_flow_removed *ofr = ofpbuf_try_pull(b, sizeof *ofr);
    struct ofputil_oxs_stats oxs;
    enum ofperr error;

    if (!ofr) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = ofputil_pull_ofp11_match(b, &fr->match, NULL);
    if (!error) {
        error = ofputil_pull_oxs_stats(b, &oxs);
    }
    if (error) {
        return error;
    }
    fr->table_id = ofr->table_id;
    fr->reason = ofr->reason;
    fr->priority = ntohs(ofr->priority);
    fr->cookie = ofr->cookie;
    fr->idle_timeout = ntohs(ofr->idle_timeout);
    fr->hard_timeout = ntohs(ofr->hard_timeout);
    fr->duration_sec = oxs.duration_sec;
    fr->duration_nsec = oxs.duration_nsec;
    fr->packet_count = oxs.packet_count;
    fr->byte_count = oxs.byte_count;
    return 0;
}

static void
put_ofp15_flow_removed(const struct ofputil_flow_removed *fr,
                       struct ofpbuf *msg)
{
    struct ofp15_flow_removed *ofr = ofpbuf_put_zeros(msg, sizeof *ofr);
    struct ofputil_oxs_stats oxs;

    ofr->table_id = fr->table_id;
    ofr->reason = fr->reason;
    ofr->priority = htons(fr->priority);
    ofr->idle_timeout = htons(fr->idle_timeout);
    ofr->hard_timeout = htons(fr->hard_timeout);
    ofr->cookie = fr->cookie;
    ofputil_put_ofp11_match(msg, &fr->match, OFPUTIL_P_OF15_OXM);

    ofputil_oxs_stats_init(&oxs);
    oxs.duration_sec = fr->duration_sec;
    oxs.duration_nsec = fr->duration_nsec;
    oxs.packet_count = fr->packet_count;
    oxs.byte_count = fr->byte_count;
    ofputil_put_oxs_stats(msg, &oxs);
}

enum ofperr
ofputil_decode_flow_removed(struct ofputil_flow_removed *fr,
                            const struct ofp_header *oh)
{
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    memset(fr, 0, sizeof *fr);
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    error = ofpraw_pull(&raw, &b);
    if (error) {
        return error;
    }

    if (raw == OFPRAW_OFPT10_FLOW_REMOVED) {
        const struct ofp10_flow_removed *ofr = ofpbuf_try_pull(&b,
                                                               sizeof *ofr);
        if (!ofr) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofputil_match_from_ofp10_match(&ofr->match, &fr->match);
        fr->table_id = OFPTT_ALL;
        fr->reason = ofr->reason;
        fr->priority = ntohs(ofr->priority);
        fr->cookie = ofr->cookie;
        fr->duration_sec = ntohl(ofr->duration_sec);
        fr->duration_nsec = ntohl(ofr->duration_nsec);
        fr->idle_timeout = ntohs(ofr->idle_timeout);
        fr->byte_count = ntohll(ofr->byte_count);
        fr->packet_count = ntohll(ofr->packet_count);
    } else if (raw == OFPRAW_NXT_FLOW_REMOVED) {
        const struct nx_flow_removed *nfr = ofpbuf_try_pull(&b, sizeof *nfr);
        if (!nfr) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        error = nx_pull_match(&b, ntohs(nfr->match_len), &fr->match,
                              NULL, NULL);
        if (error) {
            return error;
        }
        fr->table_id = nfr->table_id ? nfr->table_id - 1 : OFPTT_ALL;
        fr->reason = nfr->reason;
        fr->priority = ntohs(nfr->priority);
        fr->cookie = nfr->cookie;
        fr->duration_sec = ntohl(nfr->duration_sec);
        fr->duration_nsec = ntohl(nfr->duration_nsec);
        fr->idle_timeout = ntohs(nfr->idle_timeout);
        fr->byte_count = ntohll(nfr->byte_count);
        fr->packet_count = ntohll(nfr->packet_count);
    } else if (raw == OFPRAW_OFPT11_FLOW_REMOVED) {
        const struct ofp11_flow_removed *ofr = ofpbuf_try_pull(&b,
                                                               sizeof *ofr);
        if (!ofr) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        error = ofputil_pull_ofp11_match(&b, &fr->match, NULL);
        if (error) {
            return error;
        }
        fr->table_id = ofr->table_id;
        fr->reason = ofr->reason;
        fr->priority = ntohs(ofr->priority);
        fr->cookie = ofr->cookie;
        fr->duration_sec = ntohl(ofr->duration_sec);
        fr->duration_nsec = ntohl(ofr->duration_nsec);
        fr->idle_timeout = ntohs(ofr->idle_timeout);
        fr->hard_timeout = ntohs(ofr->hard_timeout);
        fr->byte_count = ntohll(ofr->byte_count);
        fr->packet_count = ntohll(ofr->packet_count);
    } else if (raw == OFPRAW_OFPT15_FLOW_REMOVED) {
        return decode_ofp15_flow_removed(fr, &b);
    } else {
        return OFPERR_OFPBRC_BAD_VERSION;
    }
    return 0;
}

struct ofpbuf *
ofputil_encode_flow_removed(const struct ofputil_flow_removed *fr,
                            enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    struct ofpbuf *msg;

    if (protocol & OFPUTIL_P_OF10_STD_ANY) {
        struct ofp10_flow_removed *ofr;

        msg = ofpraw_alloc_xid(OFPRAW_OFPT10_FLOW_REMOVED, version, 0, 0);
        ofr = ofpbuf_put_zeros(msg, sizeof *ofr);
        ofputil_match_to_ofp10_match(&fr->match, &ofr->match);
        ofr->packet_count = htonll(fr->packet_count);
        ofr->byte_count = htonll(fr->byte_count);
        ofr->idle_timeout = htons(fr->idle_timeout);
        ofr->duration_nsec = htonl(fr->duration_nsec);
        ofr->duration_sec = htonl(fr->duration_sec);
        ofr->reason = fr->reason;
        ofr->priority = htons(fr->priority);
        ofr->cookie = fr->cookie;
    } else if (protocol & OFPUTIL_P_OF10_NXM_ANY) {
        struct nx_flow_removed *nfr;
        int match_len;

        msg = ofpraw_alloc_xid(OFPRAW_NXT_FLOW_REMOVED, version, 0, 64);
        ofpbuf_put_zeros(msg, sizeof *nfr);
        match_len = nx_put_match(msg, &fr->match, 0, 0);
        nfr = msg->msg;
        nfr->match_len = htons(match_len);
        nfr->packet_count = htonll(fr->packet_count);
        nfr->byte_count = htonll(fr->byte_count);
        nfr->idle_timeout = htons(fr->idle_timeout);
        nfr->duration_nsec = htonl(fr->duration_nsec);
        nfr->duration_sec = htonl(fr->duration_sec);
        /* Table ids travel plus one, so that 0 can mean "unknown". */
        nfr->table_id = fr->table_id == OFPTT_ALL ? 0 : fr->table_id + 1;
        nfr->reason = fr->reason;
        nfr->priority = htons(fr->priority);
        nfr->cookie = fr->cookie;
    } else if (version >= OFP15_VERSION) {
        msg = ofpraw_alloc_xid(OFPRAW_OFPT15_FLOW_REMOVED, version, 0, 64);
        put_ofp15_flow_removed(fr, msg);
    } else {
        struct ofp11_flow_removed *ofr;

        msg = ofpraw_alloc_xid(OFPRAW_OFPT11_FLOW_REMOVED, version, 0, 64);
        ofr = ofpbuf_put_zeros(msg, sizeof *ofr);
        ofr->packet_count = htonll(fr->packet_count);
        ofr->byte_count = htonll(fr->byte_count);
        ofr->hard_timeout = htons(fr->hard_timeout);
        ofr->idle_timeout = htons(fr->idle_timeout);
        ofr->duration_nsec = htonl(fr->duration_nsec);
        ofr->duration_sec = htonl(fr->duration_sec);
        ofr->table_id = fr->table_id;
        ofr->reason = fr->reason;
        ofr->priority = htons(fr->priority);
        ofr->cookie = fr->cookie;
        ofputil_put_ofp11_match(msg, &fr->match, protocol);
    }
    ofpmsg_update_length(msg);
    return msg;
}

void
ofputil_flow_removed_format(struct ds *s,
                            const struct ofputil_flow_removed *fr,
                            const struct ofputil_port_map *port_map)
{
    const char *reason = ofputil_flow_removed_reason_to_string(fr->reason);

    ds_put_char(s, ' ');
    match_format(&fr->match, port_map, s, fr->priority);

    if (reason) {
        ds_put_format(s, " reason=%s", reason);
    } else {
        ds_put_format(s, " reason=%"PRIu8, fr->reason);
    }
    if (fr->table_id != OFPTT_ALL) {
        ds_put_format(s, " table_id=%"PRIu8, fr->table_id);
    }
    uint64_t cookie = ntohll(fr->cookie);
    if (cookie) {
        ds_put_format(s, " cookie:%#"PRIx64, cookie);
    }

    /* Times and counters run together with their labels, as OVS has it
     * ("duration1.5s idle10 pkts3"). */
    ds_put_cstr(s, " duration");
    ofp_print_duration(s, fr->duration_sec, fr->duration_nsec);
    ds_put_format(s, " idle%u", (unsigned int) fr->idle_timeout);
    if (fr->hard_timeout != OFPUTIL_FLOW_PERMANENT) {
        ds_put_format(s, " hard%u", (unsigned int) fr->hard_timeout);
    }
    ds_put_format(s, " pkts%"PRIu64, fr->packet_count);
    ds_put_format(s, " bytes%"PRIu64, fr->byte_count);
}

enum ofperr
ofputil_flow_removed_print(struct ds *s, const struct ofp_header *oh,
                           const struct ofputil_port_map *port_map,
                           int verbosity OVS_UNUSED)
{
    struct ofputil_flow_removed fr;
    enum ofperr error = ofputil_decode_flow_removed(&fr, oh);

    if (!error) {
        ofputil_flow_removed_format(s, &fr, port_map);
    }
    return error;
}
