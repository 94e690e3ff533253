/* Byte buffers for building and parsing messages ("ofpbufs").
 *
 * An ofpbuf is a block of memory [base, base + allocated) holding data
 * [data, data + size).  The space before 'data' is headroom, the space
 * after it tailroom.  Building a message appends with ofpbuf_put*() and
 * prepends with ofpbuf_push*(); parsing consumes the front with
 * ofpbuf_pull().  When more room is needed the block is reallocated, and
 * 'header' and 'msg' (pointers into the data that message code uses to
 * remember where the OpenFlow header and body begin) are moved with it.
 *
 * The memory comes from one of three places:
 *   - OFPBUF_MALLOC: the heap; the ofpbuf owns and frees it.
 *   - OFPBUF_STACK:  caller memory that must never be reallocated; running
 *                    out of room is a programming error (it aborts).
 *   - OFPBUF_STUB:   caller memory (typically on the stack) that is used
 *                    until it is too small, after which the data move to
 *                    the heap.  ofpbuf_uninit() frees only heap memory.
 *
 * Pointers into the data become invalid whenever the buffer may grow. */

#ifndef OPENVSWITCH_OFPBUF_H_INCLUDED
#define OPENVSWITCH_OFPBUF_H_INCLUDED 1

#include <stddef.h>
#include <stdint.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/util.h"

enum OVS_PACKED_ENUM ofpbuf_source {
    OFPBUF_MALLOC,              /* Obtained via malloc(). */
    OFPBUF_STACK,               /* Caller memory, never reallocated. */
    OFPBUF_STUB                 /* Caller memory, moved to malloc() when
                                 * it runs out. */
};

struct ofpbuf {
    void *base;                 /* Start of the memory block. */
    void *data;                 /* Start of the bytes that hold data. */
    uint32_t size;              /* Length of the data. */
    uint32_t allocated;         /* Length of the memory block. */

    void *header;               /* OpenFlow header, or NULL. */
    void *msg;                  /* Message body, or NULL. */

    struct ovs_list list_node;  /* For the owner's use (e.g. queues). */
    enum ofpbuf_source source;  /* Where 'base' came from. */
};

/* Initializer for an ofpbuf that uses the array STUB (not a pointer: the
 * size comes from sizeof) as its stub. */
#define OFPBUF_STUB_INITIALIZER(STUB) {                     \
        .source = OFPBUF_STUB,                              \
        .base = (STUB), .data = (STUB),                     \
        .allocated = sizeof (STUB), .size = 0,              \
        .header = NULL, .msg = NULL,                        \
        .list_node = OVS_LIST_POISON,                       \
    }

/* Initializer for a read-only ofpbuf over SIZE bytes at DATA. */
#define OFPBUF_CONST_INITIALIZER(DATA, SIZE) {              \
        .base = CONST_CAST(void *, DATA),                   \
        .data = CONST_CAST(void *, DATA),                   \
        .size = (SIZE),                                     \
        .allocated = (SIZE),                                \
        .header = NULL,                                     \
        .msg = NULL,                                        \
        .list_node = OVS_LIST_POISON,                       \
        .source = OFPBUF_STACK,                             \
    }

/* ---- Life cycle ---- */

/* Initializers.  ofpbuf_use*() make B use caller memory (see the sources
 * above); ofpbuf_use_const() makes B a read-only view of SIZE bytes that
 * are all "in use".  ofpbuf_init() allocates SIZE bytes on the heap. */
void ofpbuf_use(struct ofpbuf *, void *, size_t);
void ofpbuf_use_stack(struct ofpbuf *, void *, size_t);
void ofpbuf_use_stub(struct ofpbuf *, void *, size_t);
void ofpbuf_use_const(struct ofpbuf *, const void *, size_t);
/* Makes B hold the text of DS, taking over DS's buffer: afterward B owns
 * the memory, so do not ds_destroy() DS. */
void ofpbuf_use_ds(struct ofpbuf *, const struct ds *);
void ofpbuf_init(struct ofpbuf *, size_t);
/* Frees heap memory owned by B.  B itself is not freed. */
void ofpbuf_uninit(struct ofpbuf *);
/* ofpbuf_uninit() then ofpbuf_init(). */
void ofpbuf_reinit(struct ofpbuf *, size_t);

/* Heap-allocated ofpbufs, freed with ofpbuf_delete(). */
struct ofpbuf *ofpbuf_new(size_t capacity);
struct ofpbuf *ofpbuf_new_with_headroom(size_t capacity, size_t headroom);
static inline void ofpbuf_delete(struct ofpbuf *buf);
/* Copies of an ofpbuf's data, or of N bytes at DATA: */
struct ofpbuf *ofpbuf_clone(const struct ofpbuf *buf);
struct ofpbuf *ofpbuf_clone_with_headroom(const struct ofpbuf *buf,
                                          size_t headroom);
struct ofpbuf *ofpbuf_clone_data(const void *data, size_t n);
struct ofpbuf *ofpbuf_clone_data_with_headroom(const void *data, size_t n,
                                               size_t headroom);

/* ---- Access ---- */

/* Pointer to SIZE bytes at OFFSET into the data, or NULL if the data are
 * too short.  ofpbuf_at_assert() aborts instead of returning NULL. */
static inline void *ofpbuf_at(const struct ofpbuf *, size_t offset,
                              size_t size);
static inline void *ofpbuf_at_assert(const struct ofpbuf *, size_t offset,
                                     size_t size);
/* First byte after the data; first byte after the allocated space. */
static inline void *ofpbuf_tail(const struct ofpbuf *);
static inline void *ofpbuf_end(const struct ofpbuf *);
static inline size_t ofpbuf_headroom(const struct ofpbuf *);
static inline size_t ofpbuf_tailroom(const struct ofpbuf *);
/* Bytes from 'header' to 'msg', and from 'msg' to the end of the data. */
static inline size_t ofpbuf_headersize(const struct ofpbuf *);
static inline size_t ofpbuf_msgsize(const struct ofpbuf *);
static inline bool ofpbuf_equal(const struct ofpbuf *,
                                const struct ofpbuf *);

/* ---- Growing ---- */

/* Each returns a pointer to the new bytes in the data. */
void *ofpbuf_put_uninit(struct ofpbuf *, size_t);
void *ofpbuf_put_zeros(struct ofpbuf *, size_t);
void *ofpbuf_put(struct ofpbuf *, const void *, size_t);
/* Appends bytes for the pairs of hex digits at the start of S, which may
 * be separated by white space.  Returns the first character not parsed;
 * stores the number of bytes added in *N if N is nonnull. */
char *ofpbuf_put_hex(struct ofpbuf *, const char *s, size_t *n);
void *ofpbuf_push_uninit(struct ofpbuf *, size_t);
void *ofpbuf_push_zeros(struct ofpbuf *, size_t);
void *ofpbuf_push(struct ofpbuf *, const void *, size_t);
/* Inserts N bytes of DATA at OFFSET into the data. */
void ofpbuf_insert(struct ofpbuf *, size_t offset, const void *data,
                   size_t n);

/* Makes room: ofpbuf_reserve() moves empty data forward to leave SIZE
 * bytes of headroom; the prealloc functions ensure at least SIZE bytes of
 * room at either end. */
void ofpbuf_reserve(struct ofpbuf *, size_t);
void ofpbuf_reserve_with_tailroom(struct ofpbuf *, size_t headroom,
                                  size_t tailroom);
void ofpbuf_prealloc_headroom(struct ofpbuf *, size_t);
void ofpbuf_prealloc_tailroom(struct ofpbuf *, size_t);
/* Shrinks the allocation to fit the data exactly. */
void ofpbuf_trim(struct ofpbuf *);
/* Appends zeros until the data are LENGTH bytes long. */
void ofpbuf_padto(struct ofpbuf *, size_t length);
/* Moves the data DELTA bytes (negative: toward the start). */
void ofpbuf_shift(struct ofpbuf *, int delta);

/* ---- Shrinking ---- */

/* Empties B, keeping its headroom where it is. */
static inline void ofpbuf_clear(struct ofpbuf *);
/* Removes SIZE bytes from the front and returns a pointer to them (they
 * stay valid until B grows).  ofpbuf_pull() asserts that there are enough
 * bytes; ofpbuf_try_pull() returns NULL instead. */
static inline void *ofpbuf_pull(struct ofpbuf *, size_t);
static inline void *ofpbuf_try_pull(struct ofpbuf *, size_t);

/* Returns the data as a heap block that the caller must free, leaving B
 * empty and uninitialized (as after ofpbuf_uninit()). */
void *ofpbuf_steal_data(struct ofpbuf *);

/* A description of B ("size=..., allocated=..., head=..., tail=...") and a
 * hex dump of at most MAXBYTES of its data.  The caller frees it. */
char *ofpbuf_to_string(const struct ofpbuf *, size_t maxbytes);

/* ---- Lists of ofpbufs (linked through 'list_node') ---- */

static inline struct ofpbuf *ofpbuf_from_list(const struct ovs_list *);
/* Deletes every ofpbuf in LIST, leaving it empty. */
void ofpbuf_list_delete(struct ovs_list *);

/* ---- Inline implementations ---- */

/* P + N, without doing arithmetic on a null P (undefined behavior even
 * when N is 0). */
static inline void *
ofpbuf_ptr_add__(const void *p, size_t n)
{
    return n ? (char *) p + n : CONST_CAST(void *, p);
}

static inline void
ofpbuf_delete(struct ofpbuf *b)
{
    if (b) {
        ofpbuf_uninit(b);
        free(b);
    }
}

static inline void *
ofpbuf_at(const struct ofpbuf *b, size_t offset, size_t size)
{
    if (offset <= b->size && size <= b->size - offset) {
        return ofpbuf_ptr_add__(b->data, offset);
    }
    return NULL;
}

static inline void *
ofpbuf_at_assert(const struct ofpbuf *b, size_t offset, size_t size)
{
    ovs_assert(offset <= b->size && size <= b->size - offset);
    return ofpbuf_ptr_add__(b->data, offset);
}

static inline void *
ofpbuf_tail(const struct ofpbuf *b)
{
    return ofpbuf_ptr_add__(b->data, b->size);
}

static inline void *
ofpbuf_end(const struct ofpbuf *b)
{
    return ofpbuf_ptr_add__(b->base, b->allocated);
}

static inline size_t
ofpbuf_headroom(const struct ofpbuf *b)
{
    return (char *) b->data - (char *) b->base;
}

static inline size_t
ofpbuf_tailroom(const struct ofpbuf *b)
{
    return (char *) ofpbuf_end(b) - (char *) ofpbuf_tail(b);
}

static inline size_t
ofpbuf_headersize(const struct ofpbuf *b)
{
    return (char *) b->msg - (char *) b->header;
}

static inline size_t
ofpbuf_msgsize(const struct ofpbuf *b)
{
    return b->msg ? (char *) ofpbuf_tail(b) - (char *) b->msg : 0;
}

static inline bool
ofpbuf_equal(const struct ofpbuf *a, const struct ofpbuf *b)
{
    return a->size == b->size
           && (!a->size || !memcmp(a->data, b->data, a->size));
}

static inline void
ofpbuf_clear(struct ofpbuf *b)
{
    b->size = 0;
}

static inline void *
ofpbuf_pull(struct ofpbuf *b, size_t size)
{
    void *front = b->data;

    ovs_assert(size <= b->size);
    b->data = ofpbuf_ptr_add__(b->data, size);
    b->size -= size;
    return front;
}

static inline void *
ofpbuf_try_pull(struct ofpbuf *b, size_t size)
{
    return size <= b->size ? ofpbuf_pull(b, size) : NULL;
}

static inline struct ofpbuf *
ofpbuf_from_list(const struct ovs_list *list)
{
    return CONTAINER_OF(list, struct ofpbuf, list_node);
}

#endif /* openvswitch/ofpbuf.h */
