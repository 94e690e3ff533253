/* The datapath flow text form.
 *
 * Datapath flows are written as a comma-separated list of keys, each a
 * name with its fields in parentheses:
 *
 *   in_port(1),eth(src=00:01:02:03:04:05,dst=...),eth_type(0x0800),
 *   ipv4(src=10.0.0.1,dst=10.0.0.2,proto=1,tos=0,ttl=64,frag=no),
 *   icmp(type=8,code=0)
 *
 * Any field may carry a mask ("src=10.0.0.0/255.0.0.0").  This module
 * parses that text into a "struct flow" (and a mask) and prints a flow in
 * the same form.  It is independent of any binary datapath encoding. */

#ifndef ODP_UTIL_H
#define ODP_UTIL_H 1

#include <stdbool.h>
#include "flow.h"

struct ds;

/* Parses 's' into 'flow' and, if 'mask' is nonnull, the masks given in the
 * text into 'mask' (fields named without a mask are exact).  Fields not
 * named are zero in both.  Returns NULL on success, otherwise a malloc()'d
 * error message (and 'flow' and 'mask' are then unspecified). */
char *odp_flow_from_string(const char *s, struct flow *flow,
                           struct flow_wildcards *mask)
    __attribute__((warn_unused_result));

/* Appends 'flow' (with 'mask' if nonnull: fields wholly wildcarded are
 * left out, partial masks are printed as VALUE/MASK) to 'ds'. */
void odp_flow_format(const struct flow *flow,
                     const struct flow_wildcards *mask, struct ds *);
char *odp_flow_to_string(const struct flow *,
                         const struct flow_wildcards *mask);

#endif /* odp-util.h */
