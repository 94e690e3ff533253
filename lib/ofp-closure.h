/* Closures: NXT_CLOSURE (switch to controller) and NXT_RESUME (controller
 * to switch).
 *
 * A closure is the state of a packet's trip through the flow tables at the
 * point where a "pause" action stopped it.  On the wire it is a list of
 * OpenFlow 1.4-style properties (see enum nx_closure_prop_type in
 * nicira-ext.h).  Public properties (the packet, its metadata) are meant
 * for the controller, which may change them; private ones (0x8000 and up)
 * belong to the switch and come back untouched.
 *
 * Two views: a controller uses struct ofputil_closure plus the private
 * properties as opaque bytes; the switch uses struct
 * ofputil_closure_private, which decodes everything. */

#ifndef OFP_CLOSURE_H
#define OFP_CLOSURE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "match.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "uuid.h"

struct ds;
struct ofp_header;
struct ofpact;
struct ofpbuf;
struct ofputil_port_map;
union mf_subvalue;

/* The public part. */
struct ofputil_closure {
    void *packet;               /* NXCPT_PACKET: the frame, malloc()'d. */
    size_t packet_len;
    struct match metadata;      /* NXCPT_METADATA: in_port, metadata,
                                 * registers, pkt_mark, ct fields. */
};
void ofputil_closure_destroy(struct ofputil_closure *);

/* Controller side.  Decodes NXT_CLOSURE 'oh' into 'closure' and appends its
 * private properties, verbatim, to 'private_properties'. */
enum ofperr ofputil_decode_closure(const struct ofp_header *oh,
                                   struct ofputil_closure *closure,
                                   struct ofpbuf *private_properties);
/* Builds the NXT_RESUME that sends 'closure' back. */
struct ofpbuf *ofputil_encode_resume(const struct ofputil_closure *closure,
                                     const struct ofpbuf *private_properties,
                                     enum ofputil_protocol);

/* The switch's view. */
struct ofputil_closure_private {
    struct ofputil_closure public;

    struct uuid bridge;         /* NXCPT_BRIDGE. */

    union mf_subvalue *stack;   /* NXCPT_STACK, bottom first. */
    size_t n_stack;

    uint32_t mirrors;           /* NXCPT_MIRRORS: already output to. */
    bool conntracked;           /* NXCPT_CONNTRACKED. */

    /* NXCPT_TABLE_ID, NXCPT_COOKIE, NXCPT_ACTIONS: the actions still to
     * run, innermost nesting level first, each level introduced by an
     * OFPACT_UNROLL_XLATE that carries its table id and cookie. */
    struct ofpact *actions;
    size_t actions_len;

    struct ofpact *action_set;  /* NXCPT_ACTION_SET. */
    size_t action_set_len;
};
void ofputil_closure_private_destroy(struct ofputil_closure_private *);

/* Decodes NXT_CLOSURE or NXT_RESUME 'oh' completely.  With 'loose', unknown
 * private properties are ignored instead of rejected.  Every error is
 * reported (the decoder never returns 0 after a failure) and leaves
 * 'closure' empty. */
enum ofperr ofputil_decode_closure_private(const struct ofp_header *oh,
                                           bool loose,
                                           struct ofputil_closure_private *);
/* Encodes NXT_CLOSURE for a connection speaking 'protocol'.  Private
 * actions are always encoded in one fixed OpenFlow version, so a closure
 * can be resumed over any version. */
struct ofpbuf *ofputil_encode_closure_private(
    const struct ofputil_closure_private *, enum ofputil_protocol);

/* ofp-print of NXT_CLOSURE and NXT_RESUME. */
enum ofperr ofputil_closure_print(struct ds *, const struct ofp_header *,
                                  const struct ofputil_port_map *,
                                  int verbosity);

#endif /* ofp-closure.h */
