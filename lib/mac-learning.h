/* MAC learning: which port each (MAC address, VLAN) was last seen on.
 *
 * The NORMAL action of a bridge behaves as an L2 learning switch: every
 * packet teaches the table that its source address lives behind its input
 * port, and a packet whose destination is known goes out of that one port
 * only.  Entries age out after 'idle_time' seconds without traffic, and the
 * table holds at most 'max_entries' entries (the least recently refreshed
 * one is evicted to make room).
 *
 * Ports are plain OpenFlow port numbers: this module knows nothing about
 * bridges.  Not thread-safe; the main loop owns it. */

#ifndef MAC_LEARNING_H
#define MAC_LEARNING_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/types.h"
#include "packets.h"

#define MAC_DEFAULT_IDLE_TIME 300       /* Seconds. */
#define MAC_DEFAULT_MAX 8192            /* Entries. */

/* One learned address. */
struct mac_entry {
    struct hmap_node hmap_node; /* In mac_learning's 'table'. */
    struct ovs_list lru_node;   /* In 'lru', least recently refreshed first. */
    struct eth_addr mac;
    uint16_t vlan;              /* 0...4095. */
    ofp_port_t port;
    long long int learned;      /* time_msec() of the last refresh. */
};

struct mac_learning {
    struct hmap table;
    struct ovs_list lru;
    unsigned int idle_time;     /* Seconds. */
    size_t max_entries;
};

struct mac_learning *mac_learning_create(unsigned int idle_time);
void mac_learning_destroy(struct mac_learning *);
void mac_learning_set_idle_time(struct mac_learning *, unsigned int);
void mac_learning_set_max_entries(struct mac_learning *, size_t);

/* Records that 'mac' on 'vlan' was seen on 'port'.  Returns true if that
 * changed where the address goes (new entry or moved), false for a mere
 * refresh, so the caller knows when cached forwarding decisions went
 * stale. */
bool mac_learning_learn(struct mac_learning *, struct eth_addr mac,
                        uint16_t vlan, ofp_port_t port);

/* Returns the port 'mac' on 'vlan' was learned on, or OFPP_NONE. */
ofp_port_t mac_learning_lookup(const struct mac_learning *,
                               struct eth_addr mac, uint16_t vlan);

/* Drops entries idle for too long.  Returns true if any was dropped. */
bool mac_learning_expire(struct mac_learning *);

/* Drops every entry (or, with mac_learning_flush_port(), those that point
 * to 'port').  Return true if anything was dropped. */
bool mac_learning_flush(struct mac_learning *);
bool mac_learning_flush_port(struct mac_learning *, ofp_port_t port);

/* Seconds since 'e' was last refreshed. */
int mac_entry_age(const struct mac_entry *e);

/* Iterates ENTRY over every entry, least recently refreshed first. */
#define MAC_LEARNING_FOR_EACH(ENTRY, ML) \
    LIST_FOR_EACH (ENTRY, lru_node, &(ML)->lru)

#endif /* mac-learning.h */
