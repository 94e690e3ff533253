/* The interface between lib/netdev.c and the netdev types.
 *
 * Each type is a "struct netdev_class" of callbacks.  A type allocates its
 * own device structure that embeds "struct netdev" (first member by
 * convention, recovered with CONTAINER_OF) and its own receive queue that
 * embeds "struct netdev_rxq".  Callbacks that a type leaves NULL give the
 * caller EOPNOTSUPP (or a harmless default, as documented in netdev.h). */

#ifndef NETDEV_PROVIDER_H
#define NETDEV_PROVIDER_H 1

#include "netdev.h"

struct netdev {
    char *name;
    const struct netdev_class *class;
    int ref_cnt;
    uint64_t change_seq;
};

struct netdev_rxq {
    struct netdev *netdev;
};

struct netdev_class {
    const char *type;

    /* Called once per netdev_run()/netdev_wait() for the whole type. */
    void (*run)(void);
    void (*wait)(void);

    /* Allocates a device of this type named 'name' (already copied into
     * the returned netdev by the caller).  Returns NULL and sets '*errorp'
     * to a positive errno on failure. */
    struct netdev *(*alloc)(const char *name, int *errorp);
    void (*destroy)(struct netdev *);

    int (*set_config)(struct netdev *, const struct smap *, char **errp);
    const char *(*get_peer)(const struct netdev *);

    int (*get_etheraddr)(const struct netdev *, struct eth_addr *);
    int (*set_etheraddr)(struct netdev *, const struct eth_addr);
    int (*get_mtu)(const struct netdev *, int *);
    int (*get_ifindex)(const struct netdev *);
    bool (*get_carrier)(const struct netdev *);
    int (*get_stats)(const struct netdev *, struct netdev_stats *);
    int (*get_flags)(const struct netdev *, enum netdev_flags *);
    int (*set_flags)(struct netdev *, enum netdev_flags);

    struct netdev_rxq *(*rxq_alloc)(struct netdev *, int *errorp);
    void (*rxq_destroy)(struct netdev_rxq *);
    int (*rxq_recv)(struct netdev_rxq *, struct dp_packet_batch *);
    void (*rxq_wait)(struct netdev_rxq *);

    int (*send)(struct netdev *, const struct dp_packet *);
};

/* Registers 'class'; its 'type' must be new. */
void netdev_register_provider(const struct netdev_class *);

/* Looks up an open device by name, without taking a reference. */
struct netdev *netdev_from_name(const char *name);

/* Records a change visible to netdev_get_change_seq(). */
void netdev_change_seq_changed(struct netdev *);

/* Types built in. */
extern const struct netdev_class netdev_patch_class;
extern const struct netdev_class netdev_system_class;
extern const struct netdev_class netdev_internal_class;
extern const struct netdev_class netdev_dummy_class;

/* Exposed for unit tests: queues 'packet' (consumed) for reception on
 * dummy device 'netdev', as "netdev-dummy/receive" does. */
void netdev_dummy_queue_packet(struct netdev *, struct dp_packet *);

/* Exposed for unit tests: completes the TCP/UDP checksum of an
 * Ethernet frame whose checksum was left to hardware offload (Linux
 * TP_STATUS_CSUMNOTREADY).  Returns true if it found a checksum to fill
 * in. */
bool netdev_linux_complete_csum(struct dp_packet *);

/* Exposed for unit tests: cuts TCP frame 'gso' (not consumed) into
 * segments carrying at most 'mss' payload bytes each, with lengths,
 * sequence numbers, flags and checksums fixed.  Stores a malloc()'d array
 * of new packets (owned by the caller) in '*segsp' and returns how many;
 * returns 0 if 'gso' is not a TCP frame. */
size_t netdev_linux_segment_tcp(const struct dp_packet *gso, size_t mss,
                                struct dp_packet ***segsp);

#endif /* netdev-provider.h */
