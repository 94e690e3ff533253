/* Connection manager: every OpenFlow connection of one bridge
 * (controllers, the management socket, service listeners), their
 * per-connection state (protocol, role, async config, packet-in format,
 * controller id) and the delivery of asynchronous messages. */

#ifndef OFPROTO_CONNMGR_H
#define OFPROTO_CONNMGR_H 1

#include <stdint.h>
#include "ofp-packet.h"
#include "openvswitch/types.h"

struct connmgr;
struct ofputil_closure_private;

/* Why translation produced a packet-in for a table miss. */
enum ofproto_packet_in_miss_type {
    OFPROTO_PACKET_IN_NO_MISS,          /* Not a miss: controller action. */
    OFPROTO_PACKET_IN_MISS_FLOW,        /* Miss handled by a table-miss flow
                                         * (OF1.3+ "priority=0" rule). */
    OFPROTO_PACKET_IN_MISS_WITHOUT_FLOW /* No rule at all matched: sent only
                                         * to connections below OF1.3. */
};

/* A packet-in as translation produces it.  connmgr copies what it needs. */
struct ofproto_packet_in {
    struct ofputil_packet_in up;        /* packet, packet_len, reason,
                                         * table_id, cookie, flow_metadata. */
    enum ofproto_packet_in_miss_type miss_type;
    uint16_t controller_id;             /* Only connections with this id. */
    int max_len;                        /* Bytes of packet to send; -1: the
                                         * connection's miss_send_len. */
};

void connmgr_send_packet_in(struct connmgr *,
                            const struct ofproto_packet_in *);

/* Sends 'closure' as NXT_CLOSURE to every connection whose controller id is
 * 'controller_id' and that enabled closures in its async config, through
 * the closure queue of the packet-in scheduler for 'in_port'. */
void connmgr_send_closure(struct connmgr *,
                          const struct ofputil_closure_private *,
                          uint16_t controller_id, ofp_port_t in_port);

#endif /* connmgr.h */
