/* Packet buffers for the datapath.
 *
 * A "struct dp_packet" holds one packet's bytes with room to grow at both
 * ends (to push or pop headers), the offsets of its layer 2, 3 and 4
 * headers once they are known, and metadata that travels with the packet
 * (input port, conntrack state, recirculation id). */

#ifndef DP_PACKET_H
#define DP_PACKET_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "packets.h"

/* Offsets are relative to the start of the data; UINT16_MAX means "not
 * present". */
struct dp_packet {
    void *base_;                /* Start of allocated space. */
    uint32_t allocated_;        /* Bytes allocated at 'base_'. */
    uint32_t data_ofs;          /* Headroom: bytes before the data. */
    uint32_t size_;             /* Bytes of data. */
    uint16_t l2_pad_size;       /* Padding after the L2 payload. */
    uint16_t l2_5_ofs;          /* MPLS label stack, if any. */
    uint16_t l3_ofs;            /* Network header. */
    uint16_t l4_ofs;            /* Transport header. */
    struct pkt_metadata md;
};

struct dp_packet *dp_packet_new(size_t size);
struct dp_packet *dp_packet_new_with_headroom(size_t size, size_t headroom);
struct dp_packet *dp_packet_clone(const struct dp_packet *);
struct dp_packet *dp_packet_clone_data(const void *, size_t);
struct dp_packet *dp_packet_clone_data_with_headroom(const void *, size_t,
                                                     size_t headroom);
void dp_packet_init(struct dp_packet *, size_t size);
void dp_packet_uninit(struct dp_packet *);
void dp_packet_delete(struct dp_packet *);

void *dp_packet_put_uninit(struct dp_packet *, size_t);
void *dp_packet_put_zeros(struct dp_packet *, size_t);
void *dp_packet_put(struct dp_packet *, const void *, size_t);
void *dp_packet_push_uninit(struct dp_packet *, size_t);
void *dp_packet_push_zeros(struct dp_packet *, size_t);
void *dp_packet_push(struct dp_packet *, const void *, size_t);
void *dp_packet_pull(struct dp_packet *, size_t);
void *dp_packet_try_pull(struct dp_packet *, size_t);
void dp_packet_reserve(struct dp_packet *, size_t headroom);
void dp_packet_prealloc_headroom(struct dp_packet *, size_t);
void dp_packet_prealloc_tailroom(struct dp_packet *, size_t);
void dp_packet_resize_l2(struct dp_packet *, int increment);
void dp_packet_resize_l2_5(struct dp_packet *, int increment);
char *dp_packet_to_string(const struct dp_packet *);

static inline void *
dp_packet_data(const struct dp_packet *b)
{
    return (char *) b->base_ + b->data_ofs;
}

static inline uint32_t
dp_packet_size(const struct dp_packet *b)
{
    return b->size_;
}

static inline void
dp_packet_set_size(struct dp_packet *b, uint32_t size)
{
    b->size_ = size;
}

static inline void *
dp_packet_tail(const struct dp_packet *b)
{
    return (char *) dp_packet_data(b) + b->size_;
}

static inline size_t
dp_packet_headroom(const struct dp_packet *b)
{
    return b->data_ofs;
}

static inline size_t
dp_packet_tailroom(const struct dp_packet *b)
{
    return b->allocated_ - b->data_ofs - b->size_;
}

static inline void *
dp_packet_at(const struct dp_packet *b, size_t offset, size_t size)
{
    return (offset + size <= b->size_
            ? (char *) dp_packet_data(b) + offset : NULL);
}

/* Forgets where the headers are (as before parsing). */
static inline void
dp_packet_reset_offsets(struct dp_packet *b)
{
    b->l2_5_ofs = b->l3_ofs = b->l4_ofs = UINT16_MAX;
    b->l2_pad_size = 0;
}

static inline void *
dp_packet_eth(const struct dp_packet *b)
{
    return b->size_ >= ETH_HEADER_LEN ? dp_packet_data(b) : NULL;
}

static inline void *
dp_packet_l2(const struct dp_packet *b)
{
    return dp_packet_data(b);
}

static inline void *
dp_packet_l3(const struct dp_packet *b)
{
    return (b->l3_ofs != UINT16_MAX
            ? (char *) dp_packet_data(b) + b->l3_ofs : NULL);
}

static inline void *
dp_packet_l4(const struct dp_packet *b)
{
    return (b->l4_ofs != UINT16_MAX
            ? (char *) dp_packet_data(b) + b->l4_ofs : NULL);
}

static inline size_t
dp_packet_l3_size(const struct dp_packet *b)
{
    return (b->l3_ofs != UINT16_MAX
            ? b->size_ - b->l3_ofs - b->l2_pad_size : 0);
}

static inline size_t
dp_packet_l4_size(const struct dp_packet *b)
{
    return (b->l4_ofs != UINT16_MAX
            ? b->size_ - b->l4_ofs - b->l2_pad_size : 0);
}

static inline void
dp_packet_set_l3(struct dp_packet *b, const void *l3)
{
    b->l3_ofs = l3 ? (const char *) l3 - (char *) dp_packet_data(b)
                   : UINT16_MAX;
}

static inline void
dp_packet_set_l4(struct dp_packet *b, const void *l4)
{
    b->l4_ofs = l4 ? (const char *) l4 - (char *) dp_packet_data(b)
                   : UINT16_MAX;
}

static inline void
dp_packet_clear(struct dp_packet *b)
{
    b->data_ofs = 0;
    b->size_ = 0;
    dp_packet_reset_offsets(b);
}

#endif /* dp-packet.h */
