/* Packet buffers with headroom and layer offsets.
 *
 * A dp_packet owns one malloc()'d block.  The packet's bytes sit somewhere
 * inside it, with "headroom" before them (so that pushing a VLAN tag or
 * an encapsulation header rarely moves data) and "tailroom" after.  When
 * either runs out the block is reallocated and the data moved; layer
 * offsets are relative to the data start, so they survive moves. */

#include <config.h>
#include "dp-packet.h"
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

/* Default headroom for new packets: room for a couple of VLAN tags. */
#define DP_PACKET_DEFAULT_HEADROOM 64

/* Initializes 'b' as an empty packet with room for 'size' bytes.  The
 * caller must eventually call dp_packet_uninit(). */
void
dp_packet_init(struct dp_packet *b, size_t size)
{
    memset(b, 0, sizeof *b);
    b->allocated_ = size;
    b->base_ = size ? xmalloc(size) : NULL;
    dp_packet_reset_offsets(b);
    pkt_metadata_init(&b->md, 0);
}

/* Frees the data of 'b' (not 'b' itself). */
void
dp_packet_uninit(struct dp_packet *b)
{
    if (b) {
        free(b->base_);
        b->base_ = NULL;
    }
}

/* Returns a new, empty, heap-allocated packet that the caller must free
 * with dp_packet_delete(). */
struct dp_packet *
dp_packet_new(size_t size)
{
    struct dp_packet *packet = xmalloc(sizeof *packet);

    dp_packet_init(packet, size);
    return packet;
}

struct dp_packet *
dp_packet_new_with_headroom(size_t size, size_t headroom)
{
    struct dp_packet *b = dp_packet_new(size + headroom);

    b->data_ofs = headroom;
    return b;
}

/* Returns a copy of 'data' ('size' bytes) in a new packet with default
 * headroom. */
struct dp_packet *
dp_packet_clone_data_with_headroom(const void *data, size_t size,
                                   size_t headroom)
{
    struct dp_packet *b = dp_packet_new_with_headroom(size, headroom);

    dp_packet_put(b, data, size);
    return b;
}

struct dp_packet *
dp_packet_clone_data(const void *data, size_t size)
{
    return dp_packet_clone_data_with_headroom(data, size,
                                              DP_PACKET_DEFAULT_HEADROOM);
}

/* Returns a deep copy of 'src': data, offsets and metadata. */
struct dp_packet *
dp_packet_clone(const struct dp_packet *src)
{
    struct dp_packet *b = dp_packet_clone_data_with_headroom(
        dp_packet_data(src), dp_packet_size(src), dp_packet_headroom(src));

    b->l2_pad_size = src->l2_pad_size;
    b->l2_5_ofs = src->l2_5_ofs;
    b->l3_ofs = src->l3_ofs;
    b->l4_ofs = src->l4_ofs;
    b->md = src->md;
    return b;
}

void
dp_packet_delete(struct dp_packet *b)
{
    if (b) {
        dp_packet_uninit(b);
        free(b);
    }
}

/* Reallocates 'b' so that it has exactly 'headroom' bytes before and at
 * least 'tailroom' bytes after its data. */
static void
dp_packet_resize(struct dp_packet *b, size_t headroom, size_t tailroom)
{
    size_t new_allocated = headroom + b->size_ + tailroom;
    char *new_base = xmalloc(new_allocated ? new_allocated : 1);

    if (b->size_) {
        memcpy(new_base + headroom, dp_packet_data(b), b->size_);
    }
    free(b->base_);
    b->base_ = new_base;
    b->allocated_ = new_allocated;
    b->data_ofs = headroom;
}

/* Ensures that 'b' has at least 'size' bytes of tailroom. */
void
dp_packet_prealloc_tailroom(struct dp_packet *b, size_t size)
{
    if (size > dp_packet_tailroom(b)) {
        dp_packet_resize(b, dp_packet_headroom(b), MAX(size, 64));
    }
}

/* Ensures that 'b' has at least 'size' bytes of headroom. */
void
dp_packet_prealloc_headroom(struct dp_packet *b, size_t size)
{
    if (size > dp_packet_headroom(b)) {
        dp_packet_resize(b, MAX(size, DP_PACKET_DEFAULT_HEADROOM),
                         dp_packet_tailroom(b));
    }
}

/* Moves the (empty) data of 'b' 'headroom' bytes into its buffer. */
void
dp_packet_reserve(struct dp_packet *b, size_t headroom)
{
    if (!b->size_) {
        dp_packet_prealloc_tailroom(b, headroom);
        b->data_ofs += headroom;
    }
}

/* Appends 'size' uninitialized bytes and returns them. */
void *
dp_packet_put_uninit(struct dp_packet *b, size_t size)
{
    void *p;

    dp_packet_prealloc_tailroom(b, size);
    p = dp_packet_tail(b);
    b->size_ += size;
    return p;
}

void *
dp_packet_put_zeros(struct dp_packet *b, size_t size)
{
    void *p = dp_packet_put_uninit(b, size);

    memset(p, 0, size);
    return p;
}

void *
dp_packet_put(struct dp_packet *b, const void *data, size_t size)
{
    void *p = dp_packet_put_uninit(b, size);

    if (size) {
        memcpy(p, data, size);
    }
    return p;
}

/* Prepends 'size' uninitialized bytes.  Layer offsets are not adjusted:
 * use dp_packet_resize_l2() for that. */
void *
dp_packet_push_uninit(struct dp_packet *b, size_t size)
{
    dp_packet_prealloc_headroom(b, size);
    b->data_ofs -= size;
    b->size_ += size;
    return dp_packet_data(b);
}

void *
dp_packet_push_zeros(struct dp_packet *b, size_t size)
{
    void *p = dp_packet_push_uninit(b, size);

    memset(p, 0, size);
    return p;
}

void *
dp_packet_push(struct dp_packet *b, const void *data, size_t size)
{
    void *p = dp_packet_push_uninit(b, size);

    memcpy(p, data, size);
    return p;
}

/* Removes 'size' bytes from the front and returns them; NULL if 'b' is
 * shorter. */
void *
dp_packet_try_pull(struct dp_packet *b, size_t size)
{
    void *p = dp_packet_data(b);

    if (size > b->size_) {
        return NULL;
    }
    b->data_ofs += size;
    b->size_ -= size;
    return p;
}

void *
dp_packet_pull(struct dp_packet *b, size_t size)
{
    return dp_packet_try_pull(b, size);
}

static void
shift_ofs(uint16_t *ofs, int increment)
{
    if (*ofs != UINT16_MAX) {
        *ofs += increment;
    }
}

/* Grows (or, if 'increment' is negative, shrinks) the L2 header at the
 * front of 'b', keeping the other layer offsets pointing at the same
 * headers. */
void
dp_packet_resize_l2(struct dp_packet *b, int increment)
{
    dp_packet_resize_l2_5(b, increment);
    shift_ofs(&b->l2_5_ofs, increment);
}

void
dp_packet_resize_l2_5(struct dp_packet *b, int increment)
{
    if (increment < 0) {
        dp_packet_pull(b, -increment);
    } else if (increment > 0) {
        dp_packet_push_uninit(b, increment);
    }
    shift_ofs(&b->l3_ofs, increment);
    shift_ofs(&b->l4_ofs, increment);
}

/* Returns a malloc()'d hex dump of 'b', for debugging. */
char *
dp_packet_to_string(const struct dp_packet *b)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ds_put_format(&s, "size=%"PRIu32", allocated=%"PRIu32", headroom=%zu, "
                  "tailroom=%zu\n", dp_packet_size(b), b->allocated_,
                  dp_packet_headroom(b), dp_packet_tailroom(b));
    ds_put_hex_dump(&s, dp_packet_data(b), dp_packet_size(b), 0, false);
    return ds_steal_cstr(&s);
}
