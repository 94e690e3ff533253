/*
 * Flow table summaries: aggregate stats (totals over matching flows) and
 * table stats (per-table lookup and match counters).
 *
 * OpenFlow 1.0 to 1.2 table stats entries also describe what each table
 * can match and do; OpenFlow 1.3 moved that to table features and left
 * only counters.  Those capabilities are translated by ofp-table-caps.c.
 */

#include <config.h>
#include "ofp-table-stats.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "ofp-msgs.h"
#include "ofp-oxs.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-1.2.h"
#include "openflow/openflow-1.3.h"
#include "openflow/openflow-1.5.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "unaligned.h"

/* ---- Aggregate ---- */

enum ofperr
ofputil_decode_aggregate_stats_reply(struct ofputil_aggregate_stats *stats,
                                     const struct ofp_header *reply)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, reply, ntohs(reply->length));
    enum ofpraw raw = ofpraw_pull_assert(&b);

    if (raw == OFPRAW_OFPST15_AGGREGATE_REPLY) {
        struct ofputil_oxs_stats oxs;
        enum ofperr error = ofputil_pull_oxs_stats(&b, &oxs);

        stats->packet_count = oxs.packet_count;
        stats->byte_count = oxs.byte_count;
        stats->flow_count = oxs.flow_count;
        return error;
    }

    const struct ofp_aggregate_stats_reply *asr = b.data;
    stats->packet_count = ntohll(get_32aligned_be64(&asr->packet_count));
    stats->byte_count = ntohll(get_32aligned_be64(&asr->byte_count));
    stats->flow_count = ntohl(asr->flow_count);
    return 0;
}

/* Returns a reply (owned by the caller) to aggregate stats request
 * 'request'. */
struct ofpbuf *
ofputil_encode_aggregate_stats_reply(
    const struct ofputil_aggregate_stats *stats,
    const struct ofp_header *request)
{
    struct ofpbuf *b = ofpraw_alloc_stats_reply(request, 0);

    if (request->version >= OFP15_VERSION) {
        struct ofputil_oxs_stats oxs;

        ofputil_oxs_stats_init(&oxs);
        oxs.packet_count = stats->packet_count;
        oxs.byte_count = stats->byte_count;
        oxs.flow_count = stats->flow_count;
        ofputil_put_oxs_stats(b, &oxs);
        ofpmsg_update_length(b);
        return b;
    }

    struct ofp_aggregate_stats_reply *asr = ofpbuf_put_zeros(b, sizeof *asr);

    put_32aligned_be64(&asr->packet_count, htonll(stats->packet_count));
    put_32aligned_be64(&asr->byte_count, htonll(stats->byte_count));
    asr->flow_count = htonl(stats->flow_count);
    ofpmsg_update_length(b);
    return b;
}

void
ofputil_aggregate_stats_format(struct ds *s,
                               const struct ofputil_aggregate_stats *stats)
{
    ds_put_format(s, " packet_count=%"PRIu64, stats->packet_count);
    ds_put_format(s, " byte_count=%"PRIu64, stats->byte_count);
    ds_put_format(s, " flow_count=%"PRIu32, stats->flow_count);
}

enum ofperr
ofputil_aggregate_stats_reply_print(struct ds *s, const struct ofp_header *oh)
{
    struct ofputil_aggregate_stats stats;
    enum ofperr error = ofputil_decode_aggregate_stats_reply(&stats, oh);
    if (!error) {
        ofputil_aggregate_stats_format(s, &stats);
    }
    return error;
}

/* ---- Tables ---- */

static uint64_t
get_be64(const void *p)
{
    ovs_be64 x;
    memcpy(&x, p, sizeof x);
    return ntohll(x);
}

static void
put_be64(void *p, uint64_t x)
{
    ovs_be64 be = htonll(x);
    memcpy(p, &be, sizeof be);
}

/* OF1.1 and OF1.2 table statistics differ only in fields that come after
 * these, so both decode their common part with this. */
#define COPY_OFP11_TABLE_STATS(TS, OTS)                         \
    do {                                                        \
        (TS)->table_id = (OTS)->table_id;                       \
        copy_name((TS)->name, (OTS)->name);                     \
        (TS)->max_entries = ntohl((OTS)->max_entries);          \
        (TS)->active_count = ntohl((OTS)->active_count);        \
        (TS)->lookup_count = get_be64(&(OTS)->lookup_count);    \
        (TS)->matched_count = get_be64(&(OTS)->matched_count);  \
    } while (0)

static void
copy_name(char *dst, const char *src)
{
    size_t len = strnlen(src, OFP_MAX_TABLE_NAME_LEN);
    len = MIN(len, OFP_MAX_TABLE_NAME_LEN - 1);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

int
ofputil_decode_table_stats_reply(struct ofpbuf *msg,
                                 struct ofputil_table_stats *ts)
{
    enum ofpraw raw;
    enum ofperr error;

    memset(ts, 0, sizeof *ts);
    if (msg->header) {
        /* Headers already pulled by an earlier call. */
        error = ofpraw_decode(&raw, msg->header);
    } else {
        error = ofpraw_pull(&raw, msg);
    }
    if (error || !msg->size) {
        return error ? error : EOF;
    }

    switch (raw) {
    case OFPRAW_OFPST10_TABLE_REPLY: {
        const struct ofp10_table_stats *ots = ofpbuf_try_pull(msg,
                                                              sizeof *ots);
        if (!ots) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ts->table_id = ots->table_id;
        copy_name(ts->name, ots->name);
        ts->max_entries = ntohl(ots->max_entries);
        ts->ofp10_wildcards = ntohl(ots->wildcards);
        ofputil_table_caps_from_ofp10(&ts->caps, ts->ofp10_wildcards);
        ts->active_count = ntohl(ots->active_count);
        ts->lookup_count = ntohll(get_32aligned_be64(&ots->lookup_count));
        ts->matched_count = ntohll(get_32aligned_be64(&ots->matched_count));
        return 0;
    }
    case OFPRAW_OFPST11_TABLE_REPLY: {
        const struct ofp11_table_stats *ots = ofpbuf_try_pull(msg,
                                                              sizeof *ots);
        if (!ots) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        COPY_OFP11_TABLE_STATS(ts, ots);
        ofputil_table_caps_from_ofp11(&ts->caps, ots);
        return 0;
    }
    case OFPRAW_OFPST12_TABLE_REPLY: {
        const struct ofp12_table_stats *ots = ofpbuf_try_pull(msg,
                                                              sizeof *ots);
        if (!ots) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        COPY_OFP11_TABLE_STATS(ts, ots);
        ofputil_table_caps_from_ofp12(&ts->caps, ots);
        return 0;
    }
    case OFPRAW_OFPST13_TABLE_REPLY: {
        const struct ofp13_table_stats *ots = ofpbuf_try_pull(msg,
                                                              sizeof *ots);
        if (!ots) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ts->table_id = ots->table_id;
        ts->active_count = ntohl(ots->active_count);
        ts->lookup_count = get_be64(&ots->lookup_count);
        ts->matched_count = get_be64(&ots->matched_count);
        return 0;
    }
    default:
        return OFPERR_OFPBRC_BAD_TYPE;
    }
}

struct ofpbuf *
ofputil_encode_table_stats_request(enum ofp_version version)
{
    return ofpraw_alloc(OFPRAW_OFPST_TABLE_REQUEST, version, 0);
}

/* Appends 'ts' to table stats reply 'reply', in the layout of the reply's
 * version. */
void
ofputil_append_table_stats_reply(struct ofpbuf *reply,
                                 const struct ofputil_table_stats *ts)
{
    const struct ofp_header *oh = reply->header;

    switch (oh->version) {
    case OFP10_VERSION: {
        struct ofp10_table_stats *ots = ofpbuf_put_zeros(reply, sizeof *ots);
        ots->table_id = ts->table_id;
        ovs_strlcpy(ots->name, ts->name, sizeof ots->name);
        ots->wildcards = htonl(ts->ofp10_wildcards);
        ots->max_entries = htonl(ts->max_entries);
        ots->active_count = htonl(ts->active_count);
        put_32aligned_be64(&ots->lookup_count, htonll(ts->lookup_count));
        put_32aligned_be64(&ots->matched_count, htonll(ts->matched_count));
        break;
    }
    case OFP11_VERSION: {
        struct ofp11_table_stats *ots = ofpbuf_put_zeros(reply, sizeof *ots);
        ots->table_id = ts->table_id;
        ovs_strlcpy(ots->name, ts->name, sizeof ots->name);
        ots->max_entries = htonl(ts->max_entries);
        ots->active_count = htonl(ts->active_count);
        put_be64(&ots->lookup_count, ts->lookup_count);
        put_be64(&ots->matched_count, ts->matched_count);
        ofputil_table_caps_to_ofp11(&ts->caps, ots);
        break;
    }
    case OFP12_VERSION: {
        struct ofp12_table_stats *ots = ofpbuf_put_zeros(reply, sizeof *ots);
        ots->table_id = ts->table_id;
        ovs_strlcpy(ots->name, ts->name, sizeof ots->name);
        ots->max_entries = htonl(ts->max_entries);
        ots->active_count = htonl(ts->active_count);
        put_be64(&ots->lookup_count, ts->lookup_count);
        put_be64(&ots->matched_count, ts->matched_count);
        ofputil_table_caps_to_ofp12(&ts->caps, ots);
        break;
    }
    default: {
        struct ofp13_table_stats *ots = ofpbuf_put_zeros(reply, sizeof *ots);
        ots->table_id = ts->table_id;
        ots->active_count = htonl(ts->active_count);
        put_be64(&ots->lookup_count, ts->lookup_count);
        put_be64(&ots->matched_count, ts->matched_count);
        break;
    }
    }
    ofpmsg_update_length(reply);
}

/* True if 'a' and 'b' have the same counters. */
static bool
table_counters_equal(const struct ofputil_table_stats *a,
                     const struct ofputil_table_stats *b)
{
    return (a->active_count == b->active_count
            && a->lookup_count == b->lookup_count
            && a->matched_count == b->matched_count);
}

/* True if 'a' and 'b' describe the same capabilities in 'version' (the
 * name does not count). */
static bool
table_features_equal(enum ofp_version version,
                     const struct ofputil_table_stats *a,
                     const struct ofputil_table_stats *b)
{
    return (version >= OFP13_VERSION
            || (a->max_entries == b->max_entries
                && ofputil_table_caps_equal(&a->caps, &b->caps)));
}

/* Prints the run of unnamed tables 'first'...'last' that repeated the
 * table before them, if there is one. */
static void
put_ditto(struct ds *s, int first, int last)
{
    if (first < 0) {
        return;
    } else if (first == last) {
        ds_put_format(s, "\n  table %d: ditto\n", first);
    } else {
        ds_put_format(s, "\n  tables %d...%d: ditto\n", first, last);
    }
}

/* OpenFlow 1.0 tables have no miss behaviour to show. */
static void
put_table_features(struct ds *s, enum ofp_version version,
                   const struct ofputil_table_stats *ts,
                   const struct ofputil_table_stats *prev)
{
    if (version != OFP10_VERSION) {
        ofputil_table_caps_format_config(s, &ts->caps);
    }
    if (ts->max_entries) {
        ds_put_format(s, "    max_entries=%"PRIu32"\n", ts->max_entries);
    }
    ofputil_table_caps_format(s, &ts->caps, prev ? &prev->caps : NULL);
}

/* Prints one table, given the table before it ('prev', null for the
 * first).  A table with the previous one's capabilities says only "(same
 * features)" after its counters, and one that repeats it entirely just
 * "ditto". */
static void
put_table_stats(struct ds *s, enum ofp_version version,
                const struct ofputil_table_stats *ts,
                const struct ofputil_table_stats *prev)
{
    bool same_features = prev && table_features_equal(version, ts, prev);

    ds_put_format(s, "\n  table %"PRIu8, ts->table_id);
    if (ts->name[0]) {
        ds_put_format(s, " (\"%s\")", ts->name);
    }
    ds_put_char(s, ':');
    if (same_features && table_counters_equal(ts, prev)) {
        ds_put_cstr(s, " ditto");
        return;
    }
    ds_put_format(s, "\n    active=%"PRIu32", lookup=%"PRIu64
                  ", matched=%"PRIu64"\n",
                  ts->active_count, ts->lookup_count, ts->matched_count);
    if (version >= OFP13_VERSION) {
        return;
    } else if (version == OFP10_VERSION && !ts->max_entries
               && !ts->caps.match) {
        /* Nothing to say, not even that it is the same. */
    } else if (same_features) {
        ds_put_cstr(s, "    (same features)\n");
    } else {
        put_table_features(s, version, ts, prev);
    }
}

/* Prints a table stats reply as Open vSwitch does: unnamed tables
 * identical to the one before them (a long run of empty tables,
 * typically) are folded into a "tables N...M: ditto" line; a named one
 * gets a "ditto" line of its own. */
enum ofperr
ofputil_table_stats_reply_print(struct ds *s, const struct ofp_header *oh,
                                int verbosity OVS_UNUSED)
{
    struct ofputil_table_stats prev;
    int ditto_first = -1, ditto_last = -1;
    bool first = true;
    struct ofpbuf b;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    for (;;) {
        struct ofputil_table_stats ts;
        int retval = ofputil_decode_table_stats_reply(&b, &ts);
        if (retval) {
            put_ditto(s, ditto_first, ditto_last);
            return retval == EOF ? 0 : retval;
        }

        if (!first && !ts.name[0]
            && table_features_equal(oh->version, &ts, &prev)
            && table_counters_equal(&ts, &prev)) {
            if (ditto_first < 0) {
                ditto_first = ts.table_id;
            }
            ditto_last = ts.table_id;
            continue;
        }
        put_ditto(s, ditto_first, ditto_last);
        ditto_first = ditto_last = -1;
        put_table_stats(s, oh->version, &ts, first ? NULL : &prev);
        prev = ts;
        first = false;
    }
}
