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

/* ----- Datapath actions ---------------------------------------------
 *
 * Datapath actions are netlink attributes of the OVS_ACTION_ATTR_* types
 * of <linux/openvswitch.h>.  Their text form is the one Open vSwitch
 * prints in "dpif/dump-flows" and "ofproto/trace": "2,3",
 * "push_vlan(vid=10,pcp=0)", "pop_vlan", "set(eth(src=...,dst=...))",
 * "set(ipv4(tos=0x10/0xfc))", "recirc(0x1)", "clone(...)",
 * "ct(commit,zone=1,mark=0x1/0xffffffff,label=0x2/0x3)", "ct", "ct_clear",
 * and "drop" for no actions at all. */

struct nlattr;
struct ofpbuf;

/* Appends the text form of the 'len' bytes of actions at 'actions'. */
void format_odp_actions(struct ds *, const struct nlattr *actions,
                        size_t len);

/* Parses the text form 's' and appends the actions to 'actions'.  Returns
 * NULL on success, otherwise a malloc()'d error message ('actions' may
 * then hold a partial result). */
char *odp_actions_from_string(const char *s, struct ofpbuf *actions)
    __attribute__((warn_unused_result));

/* Checks that 'len' bytes at 'actions' are well-formed actions that this
 * userspace datapath can execute.  Returns 0, EINVAL for a malformed
 * action, or EOPNOTSUPP for a known but unsupported one (such as a ct
 * action that asks for NAT). */
int odp_actions_validate(const struct nlattr *actions, size_t len);

/* Appends to 'odp_actions' the actions that turn a packet described by
 * 'base' into one described by 'flow': pop_vlan/push_vlan and a set of
 * each header that differs (as a masked set that touches only the
 * differing fields), then copies those fields of 'flow' into 'base'.
 * Each field rewritten is added to 'wc' if 'wc' is nonnull: the masked set
 * takes its mask from 'wc', widened to the whole field if 'wc' does not
 * cover every bit that changes. */
void commit_odp_actions(const struct flow *flow, struct flow *base,
                        struct ofpbuf *odp_actions,
                        struct flow_wildcards *wc);

/* Decodes the header attribute nested in an OVS_ACTION_ATTR_SET
 * ('masked' false) or OVS_ACTION_ATTR_SET_MASKED ('masked' true) action:
 * stores the new values in 'value' and the bits to change in 'mask' (all
 * other bits zero in both).  Returns false if the attribute is unknown or
 * has the wrong size. */
bool odp_set_action_to_flow(const struct nlattr *key, bool masked,
                            struct flow *value, struct flow_wildcards *mask);

/* The arguments of an OVS_ACTION_ATTR_CT action, decoded. */
struct odp_ct_action {
    bool commit;                /* OVS_CT_ATTR_COMMIT or FORCE_COMMIT. */
    bool force;                 /* OVS_CT_ATTR_FORCE_COMMIT. */
    uint16_t zone;              /* OVS_CT_ATTR_ZONE, 0 if absent. */
    bool has_mark;              /* OVS_CT_ATTR_MARK present? */
    uint32_t mark[2];           /* Its value and mask. */
    bool has_label;             /* OVS_CT_ATTR_LABELS present? */
    ovs_u128 label[2];          /* Its value and mask, in the
                                 * representation of flow's ct_label. */
};

/* Decodes the ct action 'action' into '*ct' (if nonnull).  Returns 0,
 * EINVAL if it is malformed, or EOPNOTSUPP if it asks for something this
 * datapath does not do (NAT, helpers, timeout policies, event masks). */
int odp_ct_action_parse(const struct nlattr *action,
                        struct odp_ct_action *ct);

#endif /* odp-util.h */
