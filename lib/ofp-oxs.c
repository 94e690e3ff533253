/*
 * OXS statistics blocks (OpenFlow 1.5); see ofp-oxs.h for the layout.
 */

#include <config.h>
#include "ofp-oxs.h"

#include <string.h>
#include <arpa/inet.h>

#include "openflow/openflow-1.5.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"

/* The block header: reserved (16 bits), then length (16 bits). */
#define OXS_BLOCK_HEADER_LEN 4

/* A TLV header holds class, field << 1 (the low bit is reserved) and the
 * value length, one byte each for the last two. */
#define OXS_TLV_HEADER_LEN 4

void
ofputil_oxs_stats_init(struct ofputil_oxs_stats *stats)
{
    stats->duration_sec = UINT32_MAX;
    stats->duration_nsec = 0;
    stats->idle_sec = UINT32_MAX;
    stats->idle_nsec = 0;
    stats->packet_count = UINT64_MAX;
    stats->byte_count = UINT64_MAX;
    stats->flow_count = UINT32_MAX;
}

static void
put_be_bytes(struct ofpbuf *b, uint64_t value, size_t len)
{
    uint8_t *p = ofpbuf_put_uninit(b, len);

    for (size_t i = 0; i < len; i++) {
        p[i] = value >> (8 * (len - 1 - i));
    }
}

static void
put_tlv(struct ofpbuf *b, enum oxs_ofb_stat_fields field, uint64_t value,
        size_t len)
{
    put_be_bytes(b, OFPXSC_OPENFLOW_BASIC, 2);
    put_be_bytes(b, field << 1, 1);
    put_be_bytes(b, len, 1);
    put_be_bytes(b, value, len);
}

/* Durations and idle times are 32 bits of seconds then 32 of nanoseconds. */
static uint64_t
time_value(uint32_t sec, uint32_t nsec)
{
    return ((uint64_t) sec << 32) | nsec;
}

void
ofputil_put_oxs_stats(struct ofpbuf *b, const struct ofputil_oxs_stats *stats)
{
    size_t start = b->size;

    ofpbuf_put_zeros(b, OXS_BLOCK_HEADER_LEN);
    /* Open vSwitch writes them in this order; keeping it makes our bytes
     * identical to the reference implementation's. */
    if (stats->duration_sec != UINT32_MAX) {
        put_tlv(b, OFPXST_OFB_DURATION,
                time_value(stats->duration_sec, stats->duration_nsec), 8);
    }
    if (stats->idle_sec != UINT32_MAX) {
        put_tlv(b, OFPXST_OFB_IDLE_TIME,
                time_value(stats->idle_sec, stats->idle_nsec), 8);
    }
    if (stats->packet_count != UINT64_MAX) {
        put_tlv(b, OFPXST_OFB_PACKET_COUNT, stats->packet_count, 8);
    }
    if (stats->byte_count != UINT64_MAX) {
        put_tlv(b, OFPXST_OFB_BYTE_COUNT, stats->byte_count, 8);
    }
    if (stats->flow_count != UINT32_MAX) {
        put_tlv(b, OFPXST_OFB_FLOW_COUNT, stats->flow_count, 4);
    }

    size_t len = b->size - start;
    uint8_t *hdr = ofpbuf_at_assert(b, start, OXS_BLOCK_HEADER_LEN);
    hdr[2] = len >> 8;
    hdr[3] = len;
    ofpbuf_put_zeros(b, ROUND_UP(len, 8) - len);
}

static uint64_t
get_be_bytes(const uint8_t *p, size_t len)
{
    uint64_t value = 0;

    for (size_t i = 0; i < len; i++) {
        value = (value << 8) | p[i];
    }
    return value;
}

/* Stores 'value' (of 'len' bytes) from TLV 'field' into 'stats', if the
 * field is one we know and its length is the one it must have. */
static void
store_tlv(struct ofputil_oxs_stats *stats, unsigned int field,
          const uint8_t *value, size_t len)
{
    switch (field) {
    case OFPXST_OFB_DURATION:
        if (len == 8) {
            stats->duration_sec = get_be_bytes(value, 4);
            stats->duration_nsec = get_be_bytes(value + 4, 4);
        }
        break;
    case OFPXST_OFB_IDLE_TIME:
        if (len == 8) {
            stats->idle_sec = get_be_bytes(value, 4);
            stats->idle_nsec = get_be_bytes(value + 4, 4);
        }
        break;
    case OFPXST_OFB_FLOW_COUNT:
        if (len == 4) {
            stats->flow_count = get_be_bytes(value, 4);
        }
        break;
    case OFPXST_OFB_PACKET_COUNT:
        if (len == 8) {
            stats->packet_count = get_be_bytes(value, 8);
        }
        break;
    case OFPXST_OFB_BYTE_COUNT:
        if (len == 8) {
            stats->byte_count = get_be_bytes(value, 8);
        }
        break;
    default:
        break;
    }
}

enum ofperr
ofputil_pull_oxs_stats(struct ofpbuf *b, struct ofputil_oxs_stats *stats)
{
    ofputil_oxs_stats_init(stats);

    const uint8_t *hdr = ofpbuf_try_pull(b, OXS_BLOCK_HEADER_LEN);
    if (!hdr) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    size_t len = get_be_bytes(hdr + 2, 2);
    if (len < OXS_BLOCK_HEADER_LEN
        || ROUND_UP(len, 8) - OXS_BLOCK_HEADER_LEN > b->size) {
        return OFPERR_OFPBMC_BAD_LEN;
    }

    struct ofpbuf tlvs;
    ofpbuf_use_const(&tlvs, b->data, len - OXS_BLOCK_HEADER_LEN);
    ofpbuf_pull(b, ROUND_UP(len, 8) - OXS_BLOCK_HEADER_LEN);

    while (tlvs.size) {
        const uint8_t *tlv = ofpbuf_try_pull(&tlvs, OXS_TLV_HEADER_LEN);
        if (!tlv) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        size_t value_len = tlv[3];
        const uint8_t *value = ofpbuf_try_pull(&tlvs, value_len);
        if (!value) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        if (get_be_bytes(tlv, 2) == OFPXSC_OPENFLOW_BASIC) {
            store_tlv(stats, tlv[2] >> 1, value, value_len);
        }
    }
    return 0;
}
