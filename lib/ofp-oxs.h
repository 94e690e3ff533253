/*
 * OXS: the OpenFlow 1.5 encoding of flow statistics.
 *
 * OpenFlow 1.5 stopped giving statistics fixed places in a structure.  A
 * flow-stats entry, an aggregate reply and a flow-removed message instead
 * carry a small block: a 16-bit reserved field, a 16-bit length (counting
 * the block's 4-byte header and its TLVs but not its padding), the TLVs,
 * and zero padding to a multiple of 8 bytes.  Each TLV has a 32-bit header
 * laid out like an OXM header (class, 7-bit field, a reserved bit, 8-bit
 * value length) followed by a big-endian value.
 *
 * A statistic may be absent; struct ofputil_oxs_stats marks that with the
 * all-ones value of its member, as the abstract stats structures do.
 */

#ifndef OFP_OXS_H
#define OFP_OXS_H 1

#include <stdint.h>
#include "ofp-errors.h"

struct ofpbuf;

struct ofputil_oxs_stats {
    uint32_t duration_sec;      /* UINT32_MAX: absent. */
    uint32_t duration_nsec;
    uint32_t idle_sec;          /* UINT32_MAX: absent. */
    uint32_t idle_nsec;
    uint64_t packet_count;      /* UINT64_MAX: absent. */
    uint64_t byte_count;        /* UINT64_MAX: absent. */
    uint32_t flow_count;        /* UINT32_MAX: absent. */
};

/* Marks every statistic in 'stats' absent. */
void ofputil_oxs_stats_init(struct ofputil_oxs_stats *stats);

/* Appends the block for the statistics present in 'stats' to 'b', padded
 * to a multiple of 8 bytes. */
void ofputil_put_oxs_stats(struct ofpbuf *b,
                           const struct ofputil_oxs_stats *stats);

/* Pulls one block, with its padding, off the front of 'b' into 'stats'.
 * TLVs of unknown class or field, or whose length does not suit their
 * field, are skipped; a block or TLV that overruns its space is
 * OFPERR_OFPBMC_BAD_LEN. */
enum ofperr ofputil_pull_oxs_stats(struct ofpbuf *b,
                                   struct ofputil_oxs_stats *stats);

#endif /* ofp-oxs.h */
