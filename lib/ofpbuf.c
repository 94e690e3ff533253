/* Byte buffers for messages: the out-of-line operations.
 *
 * The interesting part is growth.  All growth funnels into one function,
 * ofpbuf_resize__(), which gives the buffer a new allocation with at least
 * the requested headroom and tailroom and copies the data over, keeping
 * 'header' and 'msg' pointing at the same bytes.  A stub buffer's first
 * growth moves it to the heap; a stack buffer must never grow.
 *
 * Growth is geometric (the new allocation is at least double the old
 * one), so building a message byte by byte is amortized linear. */

#include <config.h>
#include "openvswitch/ofpbuf.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

/* Common initialization: BUF uses ALLOCATED bytes at BASE from SOURCE. */
static void
ofpbuf_use__(struct ofpbuf *buf, void *base, size_t allocated,
             enum ofpbuf_source source)
{
    ovs_assert(allocated <= UINT32_MAX);
    buf->base = base;
    buf->data = base;
    buf->size = 0;
    buf->allocated = allocated;
    buf->header = NULL;
    buf->msg = NULL;
    ovs_list_poison(&buf->list_node);
    buf->source = source;
}

/* Makes BUF use the ALLOCATED heap bytes at BASE (which BUF then owns and will
 * free or reallocate). */
void
ofpbuf_use(struct ofpbuf *buf, void *base, size_t allocated)
{
    ofpbuf_use__(buf, base, allocated, OFPBUF_MALLOC);
}

/* Makes BUF use the caller's ALLOCATED bytes at BASE, which must outlive BUF.
 * BUF may never need more room than that. */
void
ofpbuf_use_stack(struct ofpbuf *buf, void *base, size_t allocated)
{
    ofpbuf_use__(buf, base, allocated, OFPBUF_STACK);
}

/* Makes BUF use the caller's ALLOCATED bytes at BASE until it needs more,
 * then heap memory.  Always call ofpbuf_uninit() when done. */
void
ofpbuf_use_stub(struct ofpbuf *buf, void *base, size_t allocated)
{
    ofpbuf_use__(buf, base, allocated, OFPBUF_STUB);
}

/* Makes BUF a read-only view of the SIZE bytes at DATA (all in use). */
void
ofpbuf_use_const(struct ofpbuf *buf, const void *data, size_t size)
{
    ofpbuf_use__(buf, CONST_CAST(void *, data), size, OFPBUF_STACK);
    buf->size = size;
}

void
ofpbuf_use_ds(struct ofpbuf *buf, const struct ds *ds)
{
    if (ds->string) {
        ofpbuf_use__(buf, ds->string, ds->allocated + 1, OFPBUF_MALLOC);
        buf->size = ds->length;
    } else {
        ofpbuf_init(buf, 0);
    }
}

/* Initializes BUF as an empty heap buffer with SIZE bytes of room. */
void
ofpbuf_init(struct ofpbuf *buf, size_t size)
{
    ofpbuf_use(buf, size ? xmalloc(size) : NULL, size);
}

void
ofpbuf_uninit(struct ofpbuf *buf)
{
    if (buf && buf->source == OFPBUF_MALLOC) {
        free(buf->base);
    }
}

void
ofpbuf_reinit(struct ofpbuf *buf, size_t size)
{
    ofpbuf_uninit(buf);
    ofpbuf_init(buf, size);
}

struct ofpbuf *
ofpbuf_new(size_t size)
{
    struct ofpbuf *buf = xmalloc(sizeof *buf);

    ofpbuf_init(buf, size);
    return buf;
}

/* A new heap ofpbuf with room for SIZE bytes after HEADROOM bytes. */
struct ofpbuf *
ofpbuf_new_with_headroom(size_t size, size_t headroom)
{
    struct ofpbuf *buf = ofpbuf_new(size + headroom);

    ofpbuf_reserve(buf, headroom);
    return buf;
}

struct ofpbuf *
ofpbuf_clone(const struct ofpbuf *buf)
{
    return ofpbuf_clone_with_headroom(buf, 0);
}

/* A heap copy of BUF's data with HEADROOM bytes of headroom.  'header' and
 * 'msg' in the copy point to the corresponding bytes of the copy. */
struct ofpbuf *
ofpbuf_clone_with_headroom(const struct ofpbuf *buf, size_t headroom)
{
    struct ofpbuf *copy;

    copy = ofpbuf_clone_data_with_headroom(buf->data, buf->size, headroom);
    if (buf->header) {
        ptrdiff_t ofs = (char *) buf->header - (char *) buf->data;

        copy->header = (char *) copy->data + ofs;
    }
    if (buf->msg) {
        ptrdiff_t ofs = (char *) buf->msg - (char *) buf->data;

        copy->msg = (char *) copy->data + ofs;
    }
    return copy;
}

struct ofpbuf *
ofpbuf_clone_data(const void *data, size_t size)
{
    return ofpbuf_clone_data_with_headroom(data, size, 0);
}

struct ofpbuf *
ofpbuf_clone_data_with_headroom(const void *data, size_t size,
                                size_t headroom)
{
    struct ofpbuf *buf = ofpbuf_new_with_headroom(size, headroom);

    ofpbuf_put(buf, data, size);
    return buf;
}

/* Gives BUF a new allocation with NEW_HEADROOM bytes before the data and
 * NEW_TAILROOM bytes after it, moving the data and the 'header' and 'msg'
 * pointers. */
static void
ofpbuf_resize__(struct ofpbuf *buf, size_t new_headroom, size_t new_tailroom)
{
    size_t new_allocated = new_headroom + buf->size + new_tailroom;
    char *new_base, *new_data;

    ovs_assert(new_allocated <= UINT32_MAX);
    switch (buf->source) {
    case OFPBUF_MALLOC:
        if (new_headroom == ofpbuf_headroom(buf)) {
            new_base = xrealloc(buf->base, new_allocated);
        } else {
            new_base = xmalloc(new_allocated);
            nullable_memcpy(new_base + new_headroom, buf->data, buf->size);
            free(buf->base);
        }
        break;

    case OFPBUF_STUB:
        buf->source = OFPBUF_MALLOC;
        new_base = xmalloc(new_allocated);
        nullable_memcpy(new_base + new_headroom, buf->data, buf->size);
        break;

    case OFPBUF_STACK:
    default:
        /* A stack buffer's size is fixed by its owner. */
        OVS_NOT_REACHED();
    }

    new_data = new_base + new_headroom;
    if (buf->header) {
        buf->header = new_data + ((char *) buf->header - (char *) buf->data);
    }
    if (buf->msg) {
        buf->msg = new_data + ((char *) buf->msg - (char *) buf->data);
    }
    buf->base = new_base;
    buf->allocated = new_allocated;
    buf->data = new_data;
}

/* Ensures at least SIZE bytes of tailroom, growing geometrically. */
void
ofpbuf_prealloc_tailroom(struct ofpbuf *buf, size_t size)
{
    if (size > ofpbuf_tailroom(buf)) {
        size_t headroom = ofpbuf_headroom(buf);
        size_t want = MAX(size, (size_t) buf->allocated + 64);

        ofpbuf_resize__(buf, headroom, want);
    }
}

/* Ensures at least SIZE bytes of headroom, growing geometrically. */
void
ofpbuf_prealloc_headroom(struct ofpbuf *buf, size_t size)
{
    if (size > ofpbuf_headroom(buf)) {
        size_t want = MAX(size, (size_t) buf->allocated + 64);

        ofpbuf_resize__(buf, want, ofpbuf_tailroom(buf));
    }
}

/* Shrinks a heap buffer's allocation to exactly its data. */
void
ofpbuf_trim(struct ofpbuf *buf)
{
    if (buf->source == OFPBUF_MALLOC
        && (ofpbuf_headroom(buf) || ofpbuf_tailroom(buf))) {
        ofpbuf_resize__(buf, 0, 0);
    }
}

void
ofpbuf_padto(struct ofpbuf *buf, size_t length)
{
    if (buf->size < length) {
        ofpbuf_put_zeros(buf, length - buf->size);
    }
}

/* Moves the data DELTA bytes within the allocation; the headroom or
 * tailroom must be large enough. */
void
ofpbuf_shift(struct ofpbuf *buf, int delta)
{
    ovs_assert(delta > 0 ? (size_t) delta <= ofpbuf_tailroom(buf)
               : delta < 0 ? (size_t) -delta <= ofpbuf_headroom(buf)
               : true);
    if (delta) {
        char *dst = (char *) buf->data + delta;

        if (buf->size) {
            memmove(dst, buf->data, buf->size);
        }
        if (buf->header) {
            buf->header = (char *) buf->header + delta;
        }
        if (buf->msg) {
            buf->msg = (char *) buf->msg + delta;
        }
        buf->data = dst;
    }
}

void *
ofpbuf_put_uninit(struct ofpbuf *buf, size_t size)
{
    void *p;

    ofpbuf_prealloc_tailroom(buf, size);
    p = ofpbuf_tail(buf);
    buf->size += size;
    return p;
}

void *
ofpbuf_put_zeros(struct ofpbuf *buf, size_t size)
{
    void *p = ofpbuf_put_uninit(buf, size);

    nullable_memset(p, 0, size);
    return p;
}

void *
ofpbuf_put(struct ofpbuf *buf, const void *data, size_t size)
{
    void *p = ofpbuf_put_uninit(buf, size);

    nullable_memcpy(p, data, size);
    return p;
}

char *
ofpbuf_put_hex(struct ofpbuf *buf, const char *s, size_t *n)
{
    size_t initial_size = buf->size;

    for (;;) {
        bool ok;
        uint8_t byte;

        while (isspace((unsigned char) *s)) {
            s++;
        }
        byte = hexits_value(s, 2, &ok);
        if (!ok) {
            break;
        }
        ofpbuf_put(buf, &byte, 1);
        s += 2;
    }
    if (n) {
        *n = buf->size - initial_size;
    }
    return CONST_CAST(char *, s);
}

void *
ofpbuf_push_uninit(struct ofpbuf *buf, size_t size)
{
    if (size) {
        ofpbuf_prealloc_headroom(buf, size);
        buf->data = (char *) buf->data - size;
        buf->size += size;
    }
    return buf->data;
}

void *
ofpbuf_push_zeros(struct ofpbuf *buf, size_t size)
{
    void *p = ofpbuf_push_uninit(buf, size);

    nullable_memset(p, 0, size);
    return p;
}

void *
ofpbuf_push(struct ofpbuf *buf, const void *data, size_t size)
{
    void *p = ofpbuf_push_uninit(buf, size);

    nullable_memcpy(p, data, size);
    return p;
}

/* Inserts N bytes at OFFSET (<= BUF->size).  'header' and 'msg' keep
 * pointing to the same bytes, except that a pointer exactly at OFFSET
 * stays at OFFSET (and so now points to the inserted bytes). */
void
ofpbuf_insert(struct ofpbuf *buf, size_t offset, const void *data, size_t n)
{
    ovs_assert(offset <= buf->size);
    if (!n) {
        return;
    }
    ofpbuf_prealloc_tailroom(buf, n);

    char *at = (char *) buf->data + offset;
    if (offset < buf->size) {
        memmove(at + n, at, buf->size - offset);
    }
    memcpy(at, data, n);
    if (buf->header && (char *) buf->header > at) {
        buf->header = (char *) buf->header + n;
    }
    if (buf->msg && (char *) buf->msg > at) {
        buf->msg = (char *) buf->msg + n;
    }
    buf->size += n;
}

/* Leaves SIZE bytes of headroom in empty buffer BUF. */
void
ofpbuf_reserve(struct ofpbuf *buf, size_t size)
{
    ovs_assert(!buf->size);
    ofpbuf_prealloc_tailroom(buf, size);
    buf->data = ofpbuf_ptr_add__(buf->data, size);
}

void
ofpbuf_reserve_with_tailroom(struct ofpbuf *buf, size_t headroom,
                             size_t tailroom)
{
    ovs_assert(!buf->size);
    ofpbuf_prealloc_tailroom(buf, headroom + tailroom);
    buf->data = ofpbuf_ptr_add__(buf->data, headroom);
}

void *
ofpbuf_steal_data(struct ofpbuf *buf)
{
    void *p;

    if (buf->source == OFPBUF_MALLOC && buf->data == buf->base) {
        p = buf->data;
    } else {
        p = xmemdup(buf->data, buf->size);
        if (buf->source == OFPBUF_MALLOC) {
            free(buf->base);
        }
    }
    buf->base = NULL;
    buf->data = NULL;
    buf->size = 0;
    buf->allocated = 0;
    buf->header = NULL;
    buf->msg = NULL;
    return p;
}

char *
ofpbuf_to_string(const struct ofpbuf *buf, size_t maxbytes)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ds_put_format(&s, "size=%"PRIu32", allocated=%"PRIu32", "
                  "head=%zu, tail=%zu\n",
                  buf->size, buf->allocated,
                  ofpbuf_headroom(buf), ofpbuf_tailroom(buf));
    ds_put_hex_dump(&s, buf->data, MIN(buf->size, maxbytes), 0, false);
    return ds_steal_cstr(&s);
}

void
ofpbuf_list_delete(struct ovs_list *list)
{
    struct ofpbuf *buf;

    LIST_FOR_EACH_POP (buf, list_node, list) {
        ofpbuf_delete(buf);
    }
}
