/* Network devices: the ports a datapath sends and receives packets on.
 *
 * A netdev is opened by name and type and shared: opening the same name
 * twice gives the same object with its reference count raised.  Types:
 *
 *   "dummy"    a simulated device for tests (registered by
 *              netdev_dummy_register() under --enable-dummy); packets are
 *              injected with "ovs-appctl netdev-dummy/receive" or read from
 *              options:rxq_pcap, and sent packets go to options:tx_pcap.
 *   "system"   an existing Linux device, reached through an AF_PACKET socket.
 *   "internal" a tap device created for the bridge's local port (a dummy
 *              device in a dummy datapath, so sandboxes never collide).
 *   "patch"    no I/O at all: translation jumps to the peer named by
 *              options:peer.
 *
 * Everything here runs in the single main thread. */

#ifndef NETDEV_H
#define NETDEV_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "packets.h"

struct dp_packet;
struct smap;
struct netdev;
struct netdev_rxq;

#define NETDEV_MAX_BURST 32

/* A batch of received packets, owned by the caller of netdev_rxq_recv(). */
struct dp_packet_batch {
    size_t count;
    struct dp_packet *packets[NETDEV_MAX_BURST];
};

struct netdev_stats {
    uint64_t rx_packets, tx_packets;
    uint64_t rx_bytes, tx_bytes;
    uint64_t rx_errors, tx_errors;
    uint64_t rx_dropped, tx_dropped;
};

enum netdev_flags {
    NETDEV_UP = 1 << 0,         /* Administratively up. */
    NETDEV_PROMISC = 1 << 1,
};

void netdev_run(void);
void netdev_wait(void);

/* Registers the dummy type and the "netdev-dummy/..." unixctl commands. */
void netdev_dummy_register(void);

bool netdev_type_is_known(const char *type);

/* Opens (or references) device 'name' of 'type' ("" means "system").
 * Returns 0 or a positive errno; EEXIST if 'name' is open with another
 * type. */
int netdev_open(const char *name, const char *type, struct netdev **);
struct netdev *netdev_ref(const struct netdev *);
void netdev_close(struct netdev *);

const char *netdev_get_name(const struct netdev *);
const char *netdev_get_type(const struct netdev *);

/* Applies Interface.options.  On error returns a positive errno and, if
 * 'errp' is nonnull, stores a malloc()'d message there. */
int netdev_set_config(struct netdev *, const struct smap *args, char **errp);

/* For a "patch" device, the peer's name from options:peer, else NULL. */
const char *netdev_patch_peer(const struct netdev *);

int netdev_get_etheraddr(const struct netdev *, struct eth_addr *);
int netdev_set_etheraddr(struct netdev *, const struct eth_addr);
int netdev_get_mtu(const struct netdev *, int *mtup);
int netdev_get_ifindex(const struct netdev *);
bool netdev_get_carrier(const struct netdev *);
int netdev_get_stats(const struct netdev *, struct netdev_stats *);

/* Administrative state (NETDEV_UP). */
int netdev_get_flags(const struct netdev *, enum netdev_flags *);
int netdev_turn_flags_on(struct netdev *, enum netdev_flags);
int netdev_turn_flags_off(struct netdev *, enum netdev_flags);

/* Increases whenever carrier, flags, address or config change, so that
 * ofproto can send port-status messages. */
uint64_t netdev_get_change_seq(const struct netdev *);

/* Receiving.  A device without I/O (patch) returns EOPNOTSUPP. */
int netdev_rxq_open(struct netdev *, struct netdev_rxq **);
void netdev_rxq_close(struct netdev_rxq *);
/* Fills 'batch' with up to NETDEV_MAX_BURST packets, which the caller then
 * owns.  Returns 0 if at least one packet was received, EAGAIN if none. */
int netdev_rxq_recv(struct netdev_rxq *, struct dp_packet_batch *batch);
void netdev_rxq_wait(struct netdev_rxq *);

/* Sends 'packet' (not consumed).  Returns 0 or a positive errno. */
int netdev_send(struct netdev *, const struct dp_packet *packet);

#endif /* netdev.h */
