/*
 * OpenFlow connections ("vconns").
 *
 * A vconn carries OpenFlow messages over a stream (tcp:, ssl:, unix:) and
 * negotiates the protocol version with the peer: each side sends a hello
 * listing the versions it accepts and the connection uses the highest
 * version both accept.  A pvconn listens (ptcp:, pssl:, punix:) and
 * accepts vconns.
 *
 * All calls are nonblocking and return EAGAIN when they cannot complete
 * yet, except the _block variants, which run the poll loop until done.
 * Echo requests are not answered here (lib/rconn.c and the switch do
 * that), except while a transaction helper waits for its reply.
 */

#ifndef VCONN_H
#define VCONN_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openflow/openflow-common.h"
#include "openvswitch/types.h"

struct ofpbuf;
struct ovs_list;
struct pvconn;
struct vconn;

void vconn_usage(bool active, bool passive, bool bootstrap);

/* Active connections. */
int vconn_verify_name(const char *name);
int vconn_open(const char *name, uint32_t allowed_versions, uint8_t dscp,
               struct vconn **vconnp);
void vconn_close(struct vconn *vconn);
const char *vconn_get_name(const struct vconn *vconn);

uint32_t vconn_get_allowed_versions(const struct vconn *vconn);
void vconn_set_allowed_versions(struct vconn *vconn, uint32_t versions);
int vconn_get_version(const struct vconn *vconn);
void vconn_set_recv_any_version(struct vconn *vconn);

int vconn_connect(struct vconn *vconn);
int vconn_recv(struct vconn *vconn, struct ofpbuf **);
int vconn_send(struct vconn *vconn, struct ofpbuf *);
int vconn_get_status(const struct vconn *vconn);

void vconn_run(struct vconn *vconn);
void vconn_run_wait(struct vconn *vconn);

enum vconn_wait_type {
    WAIT_CONNECT,
    WAIT_RECV,
    WAIT_SEND
};
void vconn_wait(struct vconn *vconn, enum vconn_wait_type);
void vconn_connect_wait(struct vconn *vconn);
void vconn_recv_wait(struct vconn *vconn);
void vconn_send_wait(struct vconn *vconn);

/* Blocking helpers.  'timeout' is in milliseconds; negative means none. */
int vconn_open_block(const char *name, uint32_t allowed_versions,
                     uint8_t dscp, long long int timeout,
                     struct vconn **vconnp);
int vconn_connect_block(struct vconn *vconn, long long int timeout);
int vconn_send_block(struct vconn *vconn, struct ofpbuf *);
int vconn_recv_block(struct vconn *vconn, struct ofpbuf **);
int vconn_recv_xid(struct vconn *vconn, ovs_be32 xid, struct ofpbuf **);
int vconn_transact(struct vconn *vconn, struct ofpbuf *request,
                   struct ofpbuf **replyp);
int vconn_transact_noreply(struct vconn *vconn, struct ofpbuf *request,
                           struct ofpbuf **replyp);
int vconn_transact_multiple_noreply(struct vconn *vconn,
                                    struct ovs_list *requests,
                                    struct ofpbuf **replyp);

/* Passive connections. */
int pvconn_verify_name(const char *name);
int pvconn_open(const char *name, uint32_t allowed_versions, uint8_t dscp,
                struct pvconn **pvconnp);
const char *pvconn_get_name(const struct pvconn *pvconn);
void pvconn_close(struct pvconn *pvconn);
int pvconn_accept(struct pvconn *pvconn, struct vconn **);
void pvconn_wait(struct pvconn *pvconn);

#endif /* vconn.h */
