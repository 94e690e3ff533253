/*
 * Reliable OpenFlow connections ("rconns").
 *
 * An rconn keeps a vconn to a target up: it reconnects with exponential
 * backoff after failures, sends an echo request when the connection has
 * been idle for the probe interval and drops it if nothing comes back,
 * and queues outgoing messages while the transport is busy.  Echo
 * requests from the peer are answered here and echo replies consumed, so
 * callers never see them.
 *
 * Queued messages can be charged to an rconn_packet_counter, which lets a
 * sender (e.g. of packet-ins) limit its backlog.
 */

#ifndef RCONN_H
#define RCONN_H 1

#include <time.h>
#include <stdint.h>
#include <stdbool.h>

struct ofpbuf;
struct rconn;
struct rconn_packet_counter;
struct vconn;

/* 'probe_interval' and 'max_backoff' are in seconds (0 disables probes;
 * 0 backoff means the default of 8 s).  'allowed_versions' is a version
 * bitmap (0 for the defaults). */
struct rconn *rconn_create(int probe_interval, int max_backoff,
                           uint8_t dscp, uint32_t allowed_versions);
void rconn_set_dscp(struct rconn *rc, uint8_t dscp);
uint8_t rconn_get_dscp(const struct rconn *rc);
void rconn_set_max_backoff(struct rconn *rc, int max_backoff);
int rconn_get_max_backoff(const struct rconn *rc);
void rconn_set_probe_interval(struct rconn *rc, int probe_interval);
int rconn_get_probe_interval(const struct rconn *rc);
uint32_t rconn_get_allowed_versions(const struct rconn *rc);

/* Connects (and keeps reconnecting) to vconn name 'target'; 'name' is for
 * log messages and may be NULL to use 'target'. */
void rconn_connect(struct rconn *rc, const char *target, const char *name);
/* Uses the already open 'vconn' (taking ownership) without reconnecting
 * once it fails, as for a connection accepted from a listener. */
void rconn_connect_unreliably(struct rconn *rc, struct vconn *,
                              const char *name);
void rconn_reconnect(struct rconn *rc);
void rconn_disconnect(struct rconn *rc);
void rconn_destroy(struct rconn *rc);

void rconn_run(struct rconn *rc);
void rconn_run_wait(struct rconn *rc);
struct ofpbuf *rconn_recv(struct rconn *rc);
void rconn_recv_wait(struct rconn *rc);

/* Sending.  Both take ownership of 'msg' in every case.  rconn_send()
 * returns ENOTCONN (dropping 'msg') when not connected.
 * rconn_send_with_limit() also drops 'msg' (returning EAGAIN) when
 * 'counter' already has 'queue_limit' packets queued. */
int rconn_send(struct rconn *rc, struct ofpbuf *msg,
               struct rconn_packet_counter *);
int rconn_send_with_limit(struct rconn *rc, struct ofpbuf *msg,
                          struct rconn_packet_counter *, int queue_limit);

/* A tap sees every OpenFlow message that 'rc' sends or receives (echo
 * requests and replies included, hellos excepted: those belong to the
 * vconn), just after it went out or came in.  'msg' stays the rconn's:
 * a tap that keeps it must copy it.  This is how "ovs-ofctl snoop" sees a
 * controller's conversation.  A null 'tap' removes it. */
typedef void rconn_tap_cb(const struct ofpbuf *msg, void *aux);
void rconn_set_tap(struct rconn *rc, rconn_tap_cb *tap, void *aux);

const char *rconn_get_name(const struct rconn *rc);
void rconn_set_name(struct rconn *rc, const char *);
const char *rconn_get_target(const struct rconn *rc);

bool rconn_is_alive(const struct rconn *rc);
bool rconn_is_connected(const struct rconn *rc);
bool rconn_is_admitted(const struct rconn *rc);
int rconn_failure_duration(const struct rconn *rc);
int rconn_get_version(const struct rconn *rc);
const char *rconn_get_state(const struct rconn *rc);
/* When the connection last came up and last went down, in time_msec()
 * terms (the monotonic clock, which "time/warp" moves), or LLONG_MIN if
 * never. */
long long int rconn_get_last_connection(const struct rconn *rc);
long long int rconn_get_last_disconnect(const struct rconn *rc);
unsigned int rconn_get_connection_seqno(const struct rconn *rc);
int rconn_get_last_error(const struct rconn *rc);
unsigned int rconn_count_txqlen(const struct rconn *rc);

/* Message counts since creation. */
unsigned int rconn_packets_sent(const struct rconn *rc);
unsigned int rconn_packets_received(const struct rconn *rc);

/* Counting queued messages. */
struct rconn_packet_counter {
    unsigned int n_packets;     /* Queued and not yet sent. */
    unsigned int n_bytes;
    int ref_cnt;
};
struct rconn_packet_counter *rconn_packet_counter_create(void);
void rconn_packet_counter_destroy(struct rconn_packet_counter *);
void rconn_packet_counter_inc(struct rconn_packet_counter *,
                              unsigned int n_bytes);
void rconn_packet_counter_dec(struct rconn_packet_counter *,
                              unsigned int n_bytes);
unsigned int rconn_packet_counter_n_packets(
    const struct rconn_packet_counter *);
unsigned int rconn_packet_counter_n_bytes(
    const struct rconn_packet_counter *);

#endif /* rconn.h */
