/* Connection manager: every OpenFlow connection of one bridge
 * (controllers, the management socket, service listeners), their
 * per-connection state (protocol, role, async config, packet-in format,
 * controller id) and the delivery of asynchronous messages. */

#ifndef OFPROTO_CONNMGR_H
#define OFPROTO_CONNMGR_H 1

#include <stdbool.h>
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


/* --- Everything below is used by ofproto.c. --- */

struct ofconn;
struct ofp_header;
struct ofpbuf;
struct ofproto;
struct ofproto_controller;
struct ofputil_flow_removed;
struct ofputil_phy_port;
struct ovs_list;
struct shash;

/* Called for each OpenFlow message a connection receives (echo requests
 * and replies excepted, which rconn answers).  'oh' is valid only during
 * the call. */
typedef void connmgr_msg_cb(struct ofconn *, const struct ofp_header *oh,
                            void *aux);

/* Creates the connection manager of bridge 'ofproto' named 'name', which
 * listens at once on 'mgmt_target' (e.g. "punix:RUNDIR/br0.mgmt") for
 * service connections and, unless it is NULL, on 'snoop_target' (e.g.
 * "punix:RUNDIR/br0.snoop") for snoopers of its controller connections;
 * 'cb' with 'aux' handles their messages.  A listener that cannot be
 * opened is logged; the management one is retried at the next
 * connmgr_set_controllers(). */
struct connmgr *connmgr_create(struct ofproto *, const char *name,
                               const char *mgmt_target,
                               const char *snoop_target,
                               connmgr_msg_cb *cb, void *aux);
void connmgr_destroy(struct connmgr *);
void connmgr_run(struct connmgr *);
void connmgr_wait(struct connmgr *);

/* Controllers.  Active targets ("tcp:", "unix:", "ssl:") get a reconnecting
 * connection each; passive ones ("ptcp:", "punix:", "pssl:") a listener
 * whose accepted connections count as controllers too. */
void connmgr_set_controllers(struct connmgr *,
                             const struct ofproto_controller *, size_t n);
/* Reopens the management socket listener so that it accepts only
 * 'allowed_versions' (0: the default set).  Open connections stay. */
void connmgr_set_mgmt_versions(struct connmgr *, uint32_t allowed_versions);
/* True if any controller is configured (whether connected or not). */
bool connmgr_has_controllers(const struct connmgr *);

/* True if some connection would get a packet-in for a table miss that no
 * table-miss flow handles (an OpenFlow 1.0-1.2 controller, say). */
bool connmgr_wants_miss_packet_in(struct connmgr *);
void connmgr_get_controller_info(const struct connmgr *, struct shash *);

/* Asynchronous messages other than packet-ins and closures.  A port-status
 * caused by 'source''s port-mod is not echoed to 'source' below OF1.5. */
void connmgr_send_port_status(struct connmgr *, struct ofconn *source,
                              const struct ofputil_phy_port *,
                              uint8_t reason);
void connmgr_send_flow_removed(struct connmgr *,
                               const struct ofputil_flow_removed *);

/* Why an NXT_RESUME was refused (for the closure counters). */
enum closure_reject_reason {
    CLOSURE_REJ_SLAVE,          /* Sender has the slave role. */
    CLOSURE_REJ_MALFORMED,      /* Bad or unknown properties. */
    CLOSURE_REJ_STALE,          /* Its bridge no longer exists. */
    CLOSURE_REJ_WRONG_BRIDGE,   /* It belongs to another bridge. */
    CLOSURE_REJ_BAD_ACTIONS,    /* Its actions fail ofpacts_check(). */
    CLOSURE_REJ_DATAPATH,       /* Translation or datapath refused it. */
    CLOSURE_N_REJ
};
const char *closure_reject_reason_name(enum closure_reject_reason);
void connmgr_count_resume(struct ofconn *, bool ok,
                          enum closure_reject_reason);
/* Registers "ofproto/closure-stats".  Called by ofproto_init(). */
void connmgr_init(void);

/* One connection. */
struct connmgr *ofconn_get_connmgr(const struct ofconn *);
enum ofputil_protocol ofconn_get_protocol(struct ofconn *);
void ofconn_set_protocol(struct ofconn *, enum ofputil_protocol);
enum ofp12_controller_role ofconn_get_role(const struct ofconn *);
/* Applies role request 'role' with optional 'generation_id' (NULL: none)
 * and returns 0, or OFPERR_OFPRRFC_STALE.  A new master demotes the
 * others to slave. */
enum ofperr ofconn_set_role(struct ofconn *, enum ofp12_controller_role,
                            const uint64_t *generation_id);
uint64_t connmgr_get_generation_id(const struct connmgr *, bool *defined);
int ofconn_get_miss_send_len(const struct ofconn *);
void ofconn_set_miss_send_len(struct ofconn *, int);
enum ofputil_packet_in_format ofconn_get_packet_in_format(
    const struct ofconn *);
void ofconn_set_packet_in_format(struct ofconn *,
                                 enum ofputil_packet_in_format);
void ofconn_set_controller_id(struct ofconn *, uint16_t);
struct ofputil_async_cfg ofconn_get_async_config(struct ofconn *);
void ofconn_set_async_config(struct ofconn *,
                             const struct ofputil_async_cfg *);

/* Replies.  Each takes ownership of what it is given. */
void ofconn_send_reply(struct ofconn *, struct ofpbuf *);
void ofconn_send_replies(struct ofconn *, struct ovs_list *);
void ofconn_send_error(struct ofconn *, const struct ofp_header *request,
                       enum ofperr);

#endif /* connmgr.h */
