/* Network devices: the registry of types and of open devices.
 *
 * Devices are shared by name: netdev_open() on a name that is already open
 * returns the same object with one more reference, provided the type
 * matches.  The generic layer holds the reference count and the change
 * sequence number; everything else is delegated to the device's class
 * (netdev-provider.h). */

#include <config.h>
#include "netdev.h"
#include <errno.h>
#include <string.h>
#include "netdev-provider.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(netdev);

/* Registered classes, by type name. */
static struct shash netdev_classes = SHASH_INITIALIZER(&netdev_classes);

/* Open devices, by name. */
static struct shash netdevs = SHASH_INITIALIZER(&netdevs);

/* Source of change sequence numbers: global, so that every change to any
 * device yields a number never seen before. */
static uint64_t next_change_seq = 1;

void
netdev_register_provider(const struct netdev_class *class)
{
    if (!shash_find(&netdev_classes, class->type)) {
        shash_add(&netdev_classes, class->type, class);
    }
}

/* Registers the types that are always available. */
static void
netdev_initialize(void)
{
    static bool inited;

    if (!inited) {
        inited = true;
        netdev_register_provider(&netdev_patch_class);
        netdev_register_provider(&netdev_system_class);
        netdev_register_provider(&netdev_internal_class);
    }
}

void
netdev_run(void)
{
    struct shash_node *node;

    netdev_initialize();
    SHASH_FOR_EACH (node, &netdev_classes) {
        const struct netdev_class *class = node->data;
        if (class->run) {
            class->run();
        }
    }
}

void
netdev_wait(void)
{
    struct shash_node *node;

    netdev_initialize();
    SHASH_FOR_EACH (node, &netdev_classes) {
        const struct netdev_class *class = node->data;
        if (class->wait) {
            class->wait();
        }
    }
}

bool
netdev_type_is_known(const char *type)
{
    netdev_initialize();
    return shash_find(&netdev_classes, type && *type ? type : "system");
}

struct netdev *
netdev_from_name(const char *name)
{
    return shash_find_data(&netdevs, name);
}

int
netdev_open(const char *name, const char *type, struct netdev **netdevp)
{
    const struct netdev_class *class;
    struct netdev *netdev;
    int error = 0;

    netdev_initialize();
    *netdevp = NULL;
    if (!type || !*type) {
        type = "system";
    }
    netdev = netdev_from_name(name);
    if (netdev) {
        if (strcmp(netdev->class->type, type)) {
            return EEXIST;
        }
        netdev->ref_cnt++;
        *netdevp = netdev;
        return 0;
    }

    class = shash_find_data(&netdev_classes, type);
    if (!class) {
        VLOG_WARN("could not create netdev %s of unknown type %s", name,
                  type);
        return EAFNOSUPPORT;
    }
    netdev = class->alloc(name, &error);
    if (!netdev) {
        return error ? error : ENOMEM;
    }
    netdev->name = xstrdup(name);
    netdev->class = class;
    netdev->ref_cnt = 1;
    netdev->change_seq = next_change_seq++;
    shash_add(&netdevs, name, netdev);
    *netdevp = netdev;
    return 0;
}

struct netdev *
netdev_ref(const struct netdev *netdev_)
{
    struct netdev *netdev = CONST_CAST(struct netdev *, netdev_);

    if (netdev) {
        netdev->ref_cnt++;
    }
    return netdev;
}

void
netdev_close(struct netdev *netdev)
{
    if (netdev && !--netdev->ref_cnt) {
        char *name = netdev->name;

        shash_find_and_delete(&netdevs, name);
        netdev->class->destroy(netdev);
        free(name);
    }
}

const char *
netdev_get_name(const struct netdev *netdev)
{
    return netdev->name;
}

const char *
netdev_get_type(const struct netdev *netdev)
{
    return netdev->class->type;
}

int
netdev_set_config(struct netdev *netdev, const struct smap *args,
                  char **errp)
{
    int error;

    if (errp) {
        *errp = NULL;
    }
    if (!netdev->class->set_config) {
        return 0;
    }
    char *msg = NULL;
    error = netdev->class->set_config(netdev, args, &msg);
    if (error && msg) {
        VLOG_WARN("%s", msg);
    }
    if (errp) {
        *errp = msg;
    } else {
        free(msg);
    }
    return error;
}

const char *
netdev_patch_peer(const struct netdev *netdev)
{
    return (netdev->class->get_peer
            ? netdev->class->get_peer(netdev) : NULL);
}

int
netdev_get_etheraddr(const struct netdev *netdev, struct eth_addr *mac)
{
    if (!netdev->class->get_etheraddr) {
        *mac = eth_addr_zero;
        return EOPNOTSUPP;
    }
    return netdev->class->get_etheraddr(netdev, mac);
}

int
netdev_set_etheraddr(struct netdev *netdev, const struct eth_addr mac)
{
    int error = (netdev->class->set_etheraddr
                 ? netdev->class->set_etheraddr(netdev, mac) : EOPNOTSUPP);
    if (!error) {
        netdev_change_seq_changed(netdev);
    }
    return error;
}

int
netdev_get_mtu(const struct netdev *netdev, int *mtup)
{
    if (!netdev->class->get_mtu) {
        *mtup = 0;
        return EOPNOTSUPP;
    }
    return netdev->class->get_mtu(netdev, mtup);
}

int
netdev_get_ifindex(const struct netdev *netdev)
{
    return (netdev->class->get_ifindex
            ? netdev->class->get_ifindex(netdev) : -EOPNOTSUPP);
}

bool
netdev_get_carrier(const struct netdev *netdev)
{
    return (netdev->class->get_carrier
            ? netdev->class->get_carrier(netdev) : true);
}

int
netdev_get_stats(const struct netdev *netdev, struct netdev_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    return (netdev->class->get_stats
            ? netdev->class->get_stats(netdev, stats) : EOPNOTSUPP);
}

int
netdev_get_flags(const struct netdev *netdev, enum netdev_flags *flagsp)
{
    if (!netdev->class->get_flags) {
        *flagsp = 0;
        return EOPNOTSUPP;
    }
    return netdev->class->get_flags(netdev, flagsp);
}

static int
update_flags(struct netdev *netdev, enum netdev_flags off,
             enum netdev_flags on)
{
    enum netdev_flags old, new;
    int error;

    if (!netdev->class->get_flags || !netdev->class->set_flags) {
        return EOPNOTSUPP;
    }
    error = netdev->class->get_flags(netdev, &old);
    if (error) {
        return error;
    }
    new = (old & ~off) | on;
    if (new == old) {
        return 0;
    }
    error = netdev->class->set_flags(netdev, new);
    if (!error) {
        netdev_change_seq_changed(netdev);
    }
    return error;
}

int
netdev_turn_flags_on(struct netdev *netdev, enum netdev_flags flags)
{
    return update_flags(netdev, 0, flags);
}

int
netdev_turn_flags_off(struct netdev *netdev, enum netdev_flags flags)
{
    return update_flags(netdev, flags, 0);
}

uint64_t
netdev_get_change_seq(const struct netdev *netdev)
{
    return netdev->change_seq;
}

void
netdev_change_seq_changed(struct netdev *netdev)
{
    netdev->change_seq = next_change_seq++;
}

int
netdev_rxq_open(struct netdev *netdev, struct netdev_rxq **rxqp)
{
    int error = 0;

    *rxqp = NULL;
    if (!netdev->class->rxq_alloc) {
        return EOPNOTSUPP;
    }
    *rxqp = netdev->class->rxq_alloc(netdev, &error);
    if (!*rxqp) {
        return error ? error : EOPNOTSUPP;
    }
    (*rxqp)->netdev = netdev_ref(netdev);
    return 0;
}

void
netdev_rxq_close(struct netdev_rxq *rxq)
{
    if (rxq) {
        struct netdev *netdev = rxq->netdev;

        netdev->class->rxq_destroy(rxq);
        netdev_close(netdev);
    }
}

int
netdev_rxq_recv(struct netdev_rxq *rxq, struct dp_packet_batch *batch)
{
    int error;

    batch->count = 0;
    error = rxq->netdev->class->rxq_recv(rxq, batch);
    return error ? error : batch->count ? 0 : EAGAIN;
}

void
netdev_rxq_wait(struct netdev_rxq *rxq)
{
    if (rxq->netdev->class->rxq_wait) {
        rxq->netdev->class->rxq_wait(rxq);
    }
}

int
netdev_send(struct netdev *netdev, const struct dp_packet *packet)
{
    return (netdev->class->send
            ? netdev->class->send(netdev, packet) : EOPNOTSUPP);
}
