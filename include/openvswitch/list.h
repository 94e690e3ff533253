/* Doubly linked circular lists with a sentinel head.
 *
 * A list is a "struct ovs_list" head; each element embeds its own "struct
 * ovs_list" member and is reached from it with CONTAINER_OF.  An empty
 * list's head points to itself in both directions.  All operations are
 * O(1) except ovs_list_size() and the iteration macros.  The list never
 * owns its elements: removing one from a list does not free it.
 *
 * Iteration: LIST_FOR_EACH(ITER, MEMBER, LIST) visits each element from
 * front to back, ITER being a pointer to the element type.  When the loop
 * runs to completion ITER is NULL; after "break" it points to the element
 * where the loop stopped.  The _SAFE variants allow removing (and freeing)
 * ITER inside the loop; they accept an optional NEXT variable:
 *     LIST_FOR_EACH_SAFE (ITER, MEMBER, LIST)
 *     LIST_FOR_EACH_SAFE (ITER, NEXT, MEMBER, LIST)
 * ITER (and NEXT) must be plain identifiers. */

#ifndef OPENVSWITCH_LIST_H_INCLUDED
#define OPENVSWITCH_LIST_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/util.h"

struct ovs_list {
    struct ovs_list *prev;      /* Previous element, or the head. */
    struct ovs_list *next;      /* Next element, or the head. */
};

/* Static initializer for an empty list named LIST. */
#define OVS_LIST_INITIALIZER(LIST) { LIST, LIST }

/* An address that crashes when dereferenced, to catch use of an element
 * after it was removed. */
#define OVS_LIST_POISON_PTR__ \
    ((struct ovs_list *) (uintptr_t) 0xccccccccccccccccULL)
#define OVS_LIST_POISON \
    ((struct ovs_list) { OVS_LIST_POISON_PTR__, OVS_LIST_POISON_PTR__ })

static inline void
ovs_list_init(struct ovs_list *head)
{
    head->next = head->prev = head;
}

/* Marks ITEM as not in any list, so that a stray use faults quickly. */
static inline void
ovs_list_poison(struct ovs_list *item)
{
    *item = OVS_LIST_POISON;
}

/* Inserts ITEM just before POS (which may be a head: then ITEM becomes
 * the last element of that list). */
static inline void
ovs_list_insert(struct ovs_list *pos, struct ovs_list *item)
{
    item->prev = pos->prev;
    item->next = pos;
    pos->prev->next = item;
    pos->prev = item;
}

/* Moves the elements FIRST up to but not including LAST (a range within
 * one list) so that they sit just before POS. */
static inline void
ovs_list_splice(struct ovs_list *pos, struct ovs_list *first,
                struct ovs_list *last)
{
    struct ovs_list *final;

    if (first == last) {
        return;
    }
    final = last->prev;

    /* Unlink [first, final] from its old place. */
    first->prev->next = last;
    last->prev = first->prev;

    /* Link it in before POS. */
    first->prev = pos->prev;
    final->next = pos;
    pos->prev->next = first;
    pos->prev = final;
}

static inline void
ovs_list_push_front(struct ovs_list *head, struct ovs_list *item)
{
    ovs_list_insert(head->next, item);
}

static inline void
ovs_list_push_back(struct ovs_list *head, struct ovs_list *item)
{
    ovs_list_insert(head, item);
}

/* ITEM takes the place of POSITION in its list; POSITION becomes
 * unlinked (its pointers are left stale). */
static inline void
ovs_list_replace(struct ovs_list *item, const struct ovs_list *position)
{
    item->next = position->next;
    item->prev = position->prev;
    item->prev->next = item;
    item->next->prev = item;
}

/* Repairs a list whose head was moved in memory (e.g. by realloc()) from
 * one location to HEAD.  ORIG is the old address; it is only compared,
 * never dereferenced. */
static inline void
ovs_list_moved(struct ovs_list *head, const struct ovs_list *orig)
{
    if (head->next == orig) {
        ovs_list_init(head);
    } else {
        head->prev->next = head;
        head->next->prev = head;
    }
}

/* Moves all of SRC's elements to DST, which need not be initialized.  SRC
 * is left with stale pointers; reinitialize it before reuse. */
static inline void
ovs_list_move(struct ovs_list *dst, struct ovs_list *src)
{
    *dst = *src;
    ovs_list_moved(dst, src);
}

/* Appends all of SRC's elements to DST, leaving SRC empty. */
static inline void
ovs_list_push_back_all(struct ovs_list *dst, struct ovs_list *src)
{
    ovs_list_splice(dst, src->next, src);
}

/* Unlinks ITEM from its list and returns the element that followed it. */
static inline struct ovs_list *
ovs_list_remove(struct ovs_list *item)
{
    item->prev->next = item->next;
    item->next->prev = item->prev;
    return item->next;
}

/* Unlinks and returns the first / last element of nonempty HEAD. */
static inline struct ovs_list *
ovs_list_pop_front(struct ovs_list *head)
{
    struct ovs_list *front = head->next;

    ovs_list_remove(front);
    return front;
}

static inline struct ovs_list *
ovs_list_pop_back(struct ovs_list *head)
{
    struct ovs_list *back = head->prev;

    ovs_list_remove(back);
    return back;
}

/* The first / last element of nonempty HEAD. */
static inline struct ovs_list *
ovs_list_front(const struct ovs_list *head_)
{
    struct ovs_list *head = CONST_CAST(struct ovs_list *, head_);

    ovs_assert(head->next != head);
    return head->next;
}

static inline struct ovs_list *
ovs_list_back(const struct ovs_list *head_)
{
    struct ovs_list *head = CONST_CAST(struct ovs_list *, head_);

    ovs_assert(head->prev != head);
    return head->prev;
}

/* Number of elements (walks the list). */
static inline size_t
ovs_list_size(const struct ovs_list *head)
{
    const struct ovs_list *e;
    size_t n = 0;

    for (e = head->next; e != head; e = e->next) {
        n++;
    }
    return n;
}

static inline bool
ovs_list_is_empty(const struct ovs_list *head)
{
    return head->next == head;
}

static inline bool
ovs_list_is_singleton(const struct ovs_list *head)
{
    return !ovs_list_is_empty(head) && head->next == head->prev;
}

/* True if HEAD has fewer than 2 elements. */
static inline bool
ovs_list_is_short(const struct ovs_list *head)
{
    return head->next == head->prev;
}

/* ---- Iteration ----
 *
 * Each loop keeps its position in a hidden "struct ovs_list *" variable
 * named after ITER, and converts it to ITER only for real elements, so
 * that ITER is never computed from the head (which is not an element). */

#define OVS_LIST_ITER__(ITER) ITER##__list_pos
#define OVS_LIST_NEXT__(ITER) ITER##__list_next

/* Sets ITER from POS and yields true, or sets ITER to NULL and yields false
 * once POS is back at HEAD. */
#define OVS_LIST_SET__(ITER, POS, MEMBER, HEAD)                         \
    ((POS) != (HEAD)                                                    \
     ? (ASSIGN_CONTAINER(ITER, POS, MEMBER), 1)                         \
     : ((ITER) = NULL, 0))

#define LIST_FOR_EACH(ITER, MEMBER, LIST)                               \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (LIST)->next;         \
         OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST);     \
         OVS_LIST_ITER__(ITER) = OVS_LIST_ITER__(ITER)->next)

/* Continues after ITER, which must point to an element of LIST. */
#define LIST_FOR_EACH_CONTINUE(ITER, MEMBER, LIST)                      \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (ITER)->MEMBER.next;  \
         OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST);     \
         OVS_LIST_ITER__(ITER) = OVS_LIST_ITER__(ITER)->next)

#define LIST_FOR_EACH_REVERSE(ITER, MEMBER, LIST)                       \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (LIST)->prev;         \
         OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST);     \
         OVS_LIST_ITER__(ITER) = OVS_LIST_ITER__(ITER)->prev)

/* Continues backward from the element before ITER. */
#define LIST_FOR_EACH_REVERSE_CONTINUE(ITER, MEMBER, LIST)              \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (ITER)->MEMBER.prev;  \
         OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST);     \
         OVS_LIST_ITER__(ITER) = OVS_LIST_ITER__(ITER)->prev)

/* Safe iteration: the position of the following element is read before
 * the body runs, so the body may remove or free ITER. */
#define LIST_FOR_EACH_SAFE_SHORT__(ITER, MEMBER, LIST, DIR)             \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (LIST)->DIR,          \
                         *OVS_LIST_NEXT__(ITER) = NULL;                 \
         (OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST)     \
          ? (OVS_LIST_NEXT__(ITER) = OVS_LIST_ITER__(ITER)->DIR, 1)     \
          : 0);                                                         \
         OVS_LIST_ITER__(ITER) = OVS_LIST_NEXT__(ITER))

/* Long form: NEXT (same type as ITER) is set to the following element, or
 * NULL at the last one. */
#define LIST_FOR_EACH_SAFE_LONG__(ITER, NEXT, MEMBER, LIST, DIR)        \
    for (struct ovs_list *OVS_LIST_ITER__(ITER) = (LIST)->DIR;          \
         (OVS_LIST_SET__(ITER, OVS_LIST_ITER__(ITER), MEMBER, LIST)     \
          ? ((void) OVS_LIST_SET__(NEXT, OVS_LIST_ITER__(ITER)->DIR,    \
                                   MEMBER, LIST), 1)                    \
          : ((NEXT) = NULL, 0));                                        \
         OVS_LIST_ITER__(ITER) = (NEXT) ? &(NEXT)->MEMBER : (LIST))

/* Picks the 3- or 4-argument form. */
#define OVS_LIST_PICK__(_1, _2, _3, _4, NAME, ...) NAME
#define LIST_FOR_EACH_SAFE(...)                                         \
    OVS_LIST_PICK__(__VA_ARGS__, LIST_FOR_EACH_SAFE_4__,                \
                    LIST_FOR_EACH_SAFE_3__, unused)(__VA_ARGS__)
#define LIST_FOR_EACH_SAFE_3__(ITER, MEMBER, LIST) \
    LIST_FOR_EACH_SAFE_SHORT__(ITER, MEMBER, LIST, next)
#define LIST_FOR_EACH_SAFE_4__(ITER, NEXT, MEMBER, LIST) \
    LIST_FOR_EACH_SAFE_LONG__(ITER, NEXT, MEMBER, LIST, next)

#define LIST_FOR_EACH_REVERSE_SAFE(...)                                 \
    OVS_LIST_PICK__(__VA_ARGS__, LIST_FOR_EACH_REVERSE_SAFE_4__,        \
                    LIST_FOR_EACH_REVERSE_SAFE_3__, unused)(__VA_ARGS__)
#define LIST_FOR_EACH_REVERSE_SAFE_3__(ITER, MEMBER, LIST) \
    LIST_FOR_EACH_SAFE_SHORT__(ITER, MEMBER, LIST, prev)
#define LIST_FOR_EACH_REVERSE_SAFE_4__(ITER, NEXT, MEMBER, LIST) \
    LIST_FOR_EACH_SAFE_LONG__(ITER, NEXT, MEMBER, LIST, prev)

/* Removes each element from the front of LIST in turn and runs the body
 * with ITER pointing to it.  The body owns the removed element. */
#define LIST_FOR_EACH_POP(ITER, MEMBER, LIST)                           \
    while (!ovs_list_is_empty(LIST)                                     \
           ? (ASSIGN_CONTAINER(ITER, ovs_list_pop_front(LIST), MEMBER), 1) \
           : ((ITER) = NULL, 0))

#endif /* openvswitch/list.h */
