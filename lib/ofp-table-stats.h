/*
 * Statistics that summarize flow tables: the aggregate stats reply (totals
 * over the flows that match a request) and the table stats reply (per
 * table counters).
 */

#ifndef OFP_TABLE_STATS_H
#define OFP_TABLE_STATS_H 1

#include <stdint.h>
#include "ofp-errors.h"
#include "ofp-table-caps.h"
#include "openflow/openflow-common.h"

struct ds;
struct ofpbuf;
struct ovs_list;

/* Aggregate stats reply.  A count of UINT64_MAX means "unknown". */
struct ofputil_aggregate_stats {
    uint64_t packet_count;
    uint64_t byte_count;
    uint32_t flow_count;
};

enum ofperr ofputil_decode_aggregate_stats_reply(
    struct ofputil_aggregate_stats *, const struct ofp_header *reply);
struct ofpbuf *ofputil_encode_aggregate_stats_reply(
    const struct ofputil_aggregate_stats *, const struct ofp_header *request);
void ofputil_aggregate_stats_format(struct ds *,
                                    const struct ofputil_aggregate_stats *);

/* Table stats: one entry per table.  OpenFlow 1.0 to 1.2 entries also
 * describe what the table can do: OF1.0 by a wildcard bitmap (sent as
 * 'ofp10_wildcards', decoded into both it and 'caps'), OF1.1 and OF1.2 by
 * the capabilities in 'caps' (of which each version carries what it can
 * name; see ofp-table-caps.h). */
struct ofputil_table_stats {
    uint8_t table_id;
    char name[OFP_MAX_TABLE_NAME_LEN];  /* OF1.0-1.2 only. */
    uint32_t max_entries;               /* OF1.0-1.2 only. */
    uint32_t ofp10_wildcards;           /* OF1.0 only. */
    struct ofputil_table_caps caps;     /* OF1.0-1.2 only. */
    uint32_t active_count;
    uint64_t lookup_count;
    uint64_t matched_count;
};

/* Decodes the next entry of table stats reply 'msg' (the first call pulls
 * its headers).  Returns 0, EOF at the end, or an OpenFlow error. */
int ofputil_decode_table_stats_reply(struct ofpbuf *msg,
                                     struct ofputil_table_stats *);
struct ofpbuf *ofputil_encode_table_stats_request(enum ofp_version);
void ofputil_append_table_stats_reply(struct ofpbuf *reply,
                                      const struct ofputil_table_stats *);

/* Printing whole messages (used by lib/ofp-print.c). */
enum ofperr ofputil_aggregate_stats_reply_print(struct ds *,
                                                const struct ofp_header *);
enum ofperr ofputil_table_stats_reply_print(struct ds *,
                                            const struct ofp_header *,
                                            int verbosity);

#endif /* ofp-table-stats.h */
