/* Executing datapath actions on one packet.
 *
 * odp_execute_actions() applies the actions that only change the packet
 * (set, set_masked, push_vlan, pop_vlan, ct_clear) in place, fixing
 * checksums, runs the nested actions of clone on a copy, and hands every
 * action that needs the outside world (output, recirc, userspace, ct) to
 * a callback together with the packet as it is at that point. */

#ifndef ODP_EXECUTE_H
#define ODP_EXECUTE_H 1

#include <stddef.h>

struct dp_packet;
struct flow;
struct nlattr;

/* Called for OVS_ACTION_ATTR_OUTPUT, RECIRC, USERSPACE and CT.  The packet
 * still belongs to the executor: the callback may read it (or copy it)
 * but must neither free nor keep it.  Its metadata (packet->md) is
 * current.  For CT the callback stores the tracker's verdict in
 * packet->md (ct_state, ct_zone, ct_mark, ct_label); the executor then
 * copies those fields into 'md' if it has one. */
typedef void odp_execute_cb(void *aux, struct dp_packet *,
                            const struct nlattr *action);

/* Executes the 'len' bytes of actions at 'actions' on 'packet'.  If 'md'
 * is nonnull, the metadata and header fields that actions set are also
 * written into it, so that it keeps describing the packet.  Malformed
 * actions are skipped (callers validate with odp_actions_validate()). */
void odp_execute_actions(void *aux, struct dp_packet *packet,
                         struct flow *md, const struct nlattr *actions,
                         size_t len, odp_execute_cb *);

#endif /* odp-execute.h */
