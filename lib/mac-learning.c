/* MAC learning table.
 *
 * A hash table keyed on (address, VLAN) gives the port; a list threaded
 * through the same entries keeps them in order of last refresh, so that
 * expiry and eviction only ever look at the front of the list.  Refreshing
 * an entry moves it to the back.  See mac-learning.h for the contract. */

#include <config.h>
#include "mac-learning.h"

#include <stdlib.h>
#include "hash.h"
#include "openflow/openflow-1.0.h"
#include "timeval.h"
#include "util.h"

static uint32_t
mac_entry_hash(struct eth_addr mac, uint16_t vlan)
{
    uint32_t hash = hash_int(vlan, 0x5eed);

    return hash_bytes(mac.ea, sizeof mac.ea, hash);
}

static struct mac_entry *
mac_entry_find(const struct mac_learning *ml, struct eth_addr mac,
               uint16_t vlan)
{
    struct mac_entry *e;

    HMAP_FOR_EACH_WITH_HASH (e, hmap_node, mac_entry_hash(mac, vlan),
                             &ml->table) {
        if (e->vlan == vlan && eth_addr_equals(e->mac, mac)) {
            return e;
        }
    }
    return NULL;
}

static void
mac_entry_remove(struct mac_learning *ml, struct mac_entry *e)
{
    hmap_remove(&ml->table, &e->hmap_node);
    ovs_list_remove(&e->lru_node);
    free(e);
}

struct mac_learning *
mac_learning_create(unsigned int idle_time)
{
    struct mac_learning *ml = xzalloc(sizeof *ml);

    hmap_init(&ml->table);
    ovs_list_init(&ml->lru);
    ml->idle_time = idle_time ? idle_time : MAC_DEFAULT_IDLE_TIME;
    ml->max_entries = MAC_DEFAULT_MAX;
    return ml;
}

void
mac_learning_destroy(struct mac_learning *ml)
{
    if (ml) {
        mac_learning_flush(ml);
        hmap_destroy(&ml->table);
        free(ml);
    }
}

void
mac_learning_set_idle_time(struct mac_learning *ml, unsigned int idle_time)
{
    ml->idle_time = idle_time ? idle_time : MAC_DEFAULT_IDLE_TIME;
}

void
mac_learning_set_max_entries(struct mac_learning *ml, size_t max_entries)
{
    ml->max_entries = max_entries ? max_entries : MAC_DEFAULT_MAX;
    while (hmap_count(&ml->table) > ml->max_entries) {
        struct mac_entry *oldest;

        oldest = CONTAINER_OF(ovs_list_front(&ml->lru), struct mac_entry,
                              lru_node);
        mac_entry_remove(ml, oldest);
    }
}

bool
mac_learning_learn(struct mac_learning *ml, struct eth_addr mac,
                   uint16_t vlan, ofp_port_t port)
{
    struct mac_entry *e = mac_entry_find(ml, mac, vlan);
    bool changed = false;

    if (!e) {
        if (hmap_count(&ml->table) >= ml->max_entries) {
            struct mac_entry *oldest;

            oldest = CONTAINER_OF(ovs_list_front(&ml->lru), struct mac_entry,
                                  lru_node);
            mac_entry_remove(ml, oldest);
        }
        e = xzalloc(sizeof *e);
        e->mac = mac;
        e->vlan = vlan;
        hmap_insert(&ml->table, &e->hmap_node, mac_entry_hash(mac, vlan));
        ovs_list_push_back(&ml->lru, &e->lru_node);
        changed = true;
    } else {
        ovs_list_remove(&e->lru_node);
        ovs_list_push_back(&ml->lru, &e->lru_node);
        changed = e->port != port;
    }
    e->port = port;
    e->learned = time_msec();
    return changed;
}

ofp_port_t
mac_learning_lookup(const struct mac_learning *ml, struct eth_addr mac,
                    uint16_t vlan)
{
    const struct mac_entry *e = mac_entry_find(ml, mac, vlan);

    return e ? e->port : OFPP_NONE;
}

bool
mac_learning_expire(struct mac_learning *ml)
{
    long long int cutoff = time_msec() - ml->idle_time * 1000LL;
    bool dropped = false;

    while (!ovs_list_is_empty(&ml->lru)) {
        struct mac_entry *oldest;

        oldest = CONTAINER_OF(ovs_list_front(&ml->lru), struct mac_entry,
                              lru_node);
        if (oldest->learned > cutoff) {
            break;
        }
        mac_entry_remove(ml, oldest);
        dropped = true;
    }
    return dropped;
}

bool
mac_learning_flush(struct mac_learning *ml)
{
    bool dropped = !hmap_is_empty(&ml->table);
    struct mac_entry *e;

    LIST_FOR_EACH_SAFE (e, lru_node, &ml->lru) {
        mac_entry_remove(ml, e);
    }
    return dropped;
}

bool
mac_learning_flush_port(struct mac_learning *ml, ofp_port_t port)
{
    bool dropped = false;
    struct mac_entry *e;

    LIST_FOR_EACH_SAFE (e, lru_node, &ml->lru) {
        if (e->port == port) {
            mac_entry_remove(ml, e);
            dropped = true;
        }
    }
    return dropped;
}

int
mac_entry_age(const struct mac_entry *e)
{
    return (time_msec() - e->learned) / 1000;
}
