/* Dummy network devices, for tests and sandboxes.
 *
 * A dummy device has no wire.  Packets "arrive" in three ways: through
 * "ovs-appctl netdev-dummy/receive NAME PACKET...", where PACKET is hex
 * bytes or a datapath flow from which a packet is composed; and from the
 * pcap file named by options:rxq_pcap, which is read when configured and
 * polled for records appended later.  The rxq_pcap file is also a log:
 * packets received through netdev-dummy/receive are appended to it (and
 * skipped by the reader), so it always lists everything the device
 * received, as with Open vSwitch.  Packets sent to the device are appended
 * to the pcap file named by options:tx_pcap, flushed at once so that a
 * test can read them.
 *
 * Each device gets a MAC address derived from a hash of its name: stable
 * from run to run, different between devices. */

#include <config.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "dp-packet.h"
#include "flow.h"
#include "hash.h"
#include "netdev-provider.h"
#include "odp-util.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "pcap-file.h"
#include "unixctl.h"

/* Packets queued for a receive queue; more are dropped. */
#define DUMMY_MAX_QUEUE 1000

struct netdev_dummy {
    struct netdev up;
    struct ovs_list list_node;  /* In 'dummies'. */
    struct eth_addr mac;
    int mtu;
    enum netdev_flags flags;
    struct netdev_stats stats;
    struct ovs_list rxqs;       /* Contains "struct dummy_rxq"s. */

    char *rx_name;              /* options:rxq_pcap, or NULL. */
    struct pcap_file *rx_log;   /* Appends received packets. */
    struct pcap_file *rx_src;   /* Reads records the test appends. */
    char *tx_name;              /* options:tx_pcap, or NULL. */
    struct pcap_file *tx_log;
};

struct dummy_rxq {
    struct netdev_rxq up;
    struct ovs_list node;       /* In netdev_dummy's 'rxqs'. */
    struct dp_packet **queue;
    size_t n, allocated;
};

static struct ovs_list dummies = OVS_LIST_INITIALIZER(&dummies);

static bool
same_name(const char *a, const char *b)
{
    a = a && *a ? a : NULL;
    b = b && *b ? b : NULL;
    return a == b || (a && b && !strcmp(a, b));
}

static struct netdev_dummy *
netdev_dummy_cast(const struct netdev *netdev)
{
    return CONTAINER_OF(netdev, struct netdev_dummy, up);
}

static struct dummy_rxq *
dummy_rxq_cast(const struct netdev_rxq *rxq)
{
    return CONTAINER_OF(rxq, struct dummy_rxq, up);
}

static struct netdev *
dummy_alloc(const char *name, int *errorp OVS_UNUSED)
{
    struct netdev_dummy *dev = xzalloc(sizeof *dev);
    uint32_t h = hash_string(name, 0);

    dev->mac.ea[0] = 0xaa;
    dev->mac.ea[1] = 0x55;
    dev->mac.ea[2] = h >> 24;
    dev->mac.ea[3] = h >> 16;
    dev->mac.ea[4] = h >> 8;
    dev->mac.ea[5] = h;
    dev->mtu = 1500;
    dev->flags = NETDEV_UP;
    ovs_list_init(&dev->rxqs);
    ovs_list_push_back(&dummies, &dev->list_node);
    return &dev->up;
}

static void
close_pcaps(struct netdev_dummy *dev)
{
    if (dev->rx_log) {
        ovs_pcap_close(dev->rx_log);
    }
    if (dev->rx_src) {
        ovs_pcap_close(dev->rx_src);
    }
    if (dev->tx_log) {
        ovs_pcap_close(dev->tx_log);
    }
    dev->rx_log = dev->rx_src = dev->tx_log = NULL;
    free(dev->rx_name);
    free(dev->tx_name);
    dev->rx_name = dev->tx_name = NULL;
}

static void
dummy_destroy(struct netdev *netdev)
{
    struct netdev_dummy *dev = netdev_dummy_cast(netdev);

    close_pcaps(dev);
    ovs_list_remove(&dev->list_node);
    free(dev);
}

/* Hands 'packet' (consumed) to the device's receive queue, or drops it if
 * no queue is open or the queue is full. */
static void
dummy_deliver(struct netdev_dummy *dev, struct dp_packet *packet)
{
    struct dummy_rxq *rxq;

    dev->stats.rx_packets++;
    dev->stats.rx_bytes += dp_packet_size(packet);
    if (ovs_list_is_empty(&dev->rxqs)) {
        dp_packet_delete(packet);
        return;
    }
    rxq = CONTAINER_OF(ovs_list_front(&dev->rxqs), struct dummy_rxq, node);
    if (rxq->n >= DUMMY_MAX_QUEUE) {
        dev->stats.rx_dropped++;
        dp_packet_delete(packet);
        return;
    }
    if (rxq->n >= rxq->allocated) {
        rxq->queue = x2nrealloc(rxq->queue, &rxq->allocated,
                                sizeof *rxq->queue);
    }
    rxq->queue[rxq->n++] = packet;
}

/* Reads every complete record appended to options:rxq_pcap since the last
 * call.  A record cut short (a writer still busy) is retried later.
 * Records wait in the file until a receive queue is open to take them. */
static void
dummy_read_rx_pcap(struct netdev_dummy *dev)
{
    FILE *stream;

    if (!dev->rx_src || ovs_list_is_empty(&dev->rxqs)) {
        return;
    }
    stream = ovs_pcap_stream(dev->rx_src);
    for (;;) {
        long pos = ftell(stream);
        struct dp_packet *packet;
        int error;

        error = ovs_pcap_read(dev->rx_src, &packet, NULL, NULL);
        if (error) {
            clearerr(stream);
            fseek(stream, pos, SEEK_SET);
            return;
        }
        dummy_deliver(dev, packet);
    }
}

/* Opens options:rxq_pcap as both log and source.  The log is opened
 * first so that an empty or new file gets its header. */
static int
dummy_open_rx_pcap(struct netdev_dummy *dev, const char *name, char **errp)
{
    dev->rx_log = ovs_pcap_open(name, "ab");
    if (!dev->rx_log) {
        *errp = xasprintf("%s: %s: could not open rxq_pcap (%s)",
                          netdev_get_name(&dev->up), name,
                          ovs_strerror(errno));
        return errno ? errno : EIO;
    }
    fflush(ovs_pcap_stream(dev->rx_log));
    dev->rx_src = ovs_pcap_open(name, "rb");
    if (!dev->rx_src) {
        *errp = xasprintf("%s: %s: could not read rxq_pcap",
                          netdev_get_name(&dev->up), name);
        return EPROTO;
    }
    dev->rx_name = xstrdup(name);
    return 0;
}

static int
dummy_set_config(struct netdev *netdev, const struct smap *args,
                 char **errp)
{
    struct netdev_dummy *dev = netdev_dummy_cast(netdev);
    const char *rx = smap_get(args, "rxq_pcap");
    const char *tx = smap_get(args, "tx_pcap");
    const char *mac = smap_get(args, "mac");

    if (mac) {
        struct eth_addr ea;

        if (!eth_addr_from_string(mac, &ea)) {
            *errp = xasprintf("%s: bad mac address %s", netdev->name, mac);
            return EINVAL;
        }
        if (!eth_addr_equals(ea, dev->mac)) {
            dev->mac = ea;
            netdev_change_seq_changed(netdev);
        }
    }

    /* Reopen files only when their names change, so that reconfiguring
     * does not replay the rxq_pcap records. */
    if (!same_name(rx, dev->rx_name)
        || !same_name(tx, dev->tx_name)) {
        int error = 0;

        close_pcaps(dev);
        if (tx && *tx) {
            dev->tx_log = ovs_pcap_open(tx, "ab");
            if (!dev->tx_log) {
                *errp = xasprintf("%s: %s: could not open tx_pcap (%s)",
                                  netdev->name, tx, ovs_strerror(errno));
                return errno ? errno : EIO;
            }
            fflush(ovs_pcap_stream(dev->tx_log));
            dev->tx_name = xstrdup(tx);
        }
        if (rx && *rx) {
            error = dummy_open_rx_pcap(dev, rx, errp);
        }
        return error;
    }
    return 0;
}

static int
dummy_get_etheraddr(const struct netdev *netdev, struct eth_addr *mac)
{
    *mac = netdev_dummy_cast(netdev)->mac;
    return 0;
}

static int
dummy_set_etheraddr(struct netdev *netdev, const struct eth_addr mac)
{
    netdev_dummy_cast(netdev)->mac = mac;
    return 0;
}

static int
dummy_get_mtu(const struct netdev *netdev, int *mtup)
{
    *mtup = netdev_dummy_cast(netdev)->mtu;
    return 0;
}

static int
dummy_get_ifindex(const struct netdev *netdev OVS_UNUSED)
{
    return -EOPNOTSUPP;
}

static bool
dummy_get_carrier(const struct netdev *netdev)
{
    return (netdev_dummy_cast(netdev)->flags & NETDEV_UP) != 0;
}

static int
dummy_get_stats(const struct netdev *netdev, struct netdev_stats *stats)
{
    *stats = netdev_dummy_cast(netdev)->stats;

    /* Like Open vSwitch's dummy devices, report only packet and byte
     * counts; "unknown" (all-ones) for the rest, which prints as "?". */
    stats->rx_dropped = stats->tx_dropped = UINT64_MAX;
    stats->rx_errors = stats->tx_errors = UINT64_MAX;
    return 0;
}

static int
dummy_get_flags(const struct netdev *netdev, enum netdev_flags *flags)
{
    *flags = netdev_dummy_cast(netdev)->flags;
    return 0;
}

static int
dummy_set_flags(struct netdev *netdev, enum netdev_flags flags)
{
    netdev_dummy_cast(netdev)->flags = flags;
    return 0;
}

static struct netdev_rxq *
dummy_rxq_alloc(struct netdev *netdev, int *errorp OVS_UNUSED)
{
    struct netdev_dummy *dev = netdev_dummy_cast(netdev);
    struct dummy_rxq *rxq = xzalloc(sizeof *rxq);

    ovs_list_push_back(&dev->rxqs, &rxq->node);
    return &rxq->up;
}

static void
dummy_rxq_destroy(struct netdev_rxq *rxq_)
{
    struct dummy_rxq *rxq = dummy_rxq_cast(rxq_);
    size_t i;

    for (i = 0; i < rxq->n; i++) {
        dp_packet_delete(rxq->queue[i]);
    }
    free(rxq->queue);
    ovs_list_remove(&rxq->node);
    free(rxq);
}

static int
dummy_rxq_recv(struct netdev_rxq *rxq_, struct dp_packet_batch *batch)
{
    struct dummy_rxq *rxq = dummy_rxq_cast(rxq_);
    size_t n = MIN(rxq->n, NETDEV_MAX_BURST);

    memcpy(batch->packets, rxq->queue, n * sizeof *rxq->queue);
    batch->count = n;
    rxq->n -= n;
    memmove(rxq->queue, rxq->queue + n, rxq->n * sizeof *rxq->queue);
    return 0;
}

static void
dummy_rxq_wait(struct netdev_rxq *rxq_)
{
    if (dummy_rxq_cast(rxq_)->n) {
        poll_immediate_wake();
    }
}

static int
dummy_send(struct netdev *netdev, const struct dp_packet *packet)
{
    struct netdev_dummy *dev = netdev_dummy_cast(netdev);

    if (!(dev->flags & NETDEV_UP)) {
        dev->stats.tx_dropped++;
        return 0;
    }
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += dp_packet_size(packet);
    if (dev->tx_log) {
        ovs_pcap_write(dev->tx_log, CONST_CAST(struct dp_packet *, packet));
        fflush(ovs_pcap_stream(dev->tx_log));
    }
    return 0;
}

static void
dummy_run(void)
{
    struct netdev_dummy *dev;

    LIST_FOR_EACH (dev, list_node, &dummies) {
        dummy_read_rx_pcap(dev);
    }
}

static void
dummy_wait(void)
{
    struct netdev_dummy *dev;

    /* Appended pcap records cannot be waited for; poll for them. */
    LIST_FOR_EACH (dev, list_node, &dummies) {
        if (dev->rx_src) {
            poll_timer_wait(100);
            break;
        }
    }
}

const struct netdev_class netdev_dummy_class = {
    .type = "dummy",
    .run = dummy_run,
    .wait = dummy_wait,
    .alloc = dummy_alloc,
    .destroy = dummy_destroy,
    .set_config = dummy_set_config,
    .get_etheraddr = dummy_get_etheraddr,
    .set_etheraddr = dummy_set_etheraddr,
    .get_mtu = dummy_get_mtu,
    .get_ifindex = dummy_get_ifindex,
    .get_carrier = dummy_get_carrier,
    .get_stats = dummy_get_stats,
    .get_flags = dummy_get_flags,
    .set_flags = dummy_set_flags,
    .rxq_alloc = dummy_rxq_alloc,
    .rxq_destroy = dummy_rxq_destroy,
    .rxq_recv = dummy_rxq_recv,
    .rxq_wait = dummy_rxq_wait,
    .send = dummy_send,
};

/* Receives 'packet' (consumed) from outside the rxq_pcap file: logs it
 * there, if there is such a file, then delivers it. */
static void
dummy_receive(struct netdev_dummy *dev, struct dp_packet *packet)
{
    if (dev->rx_log) {
        /* Take in what the test appended first, then log this packet
         * and move the reader past it. */
        dummy_read_rx_pcap(dev);
        ovs_pcap_write(dev->rx_log, packet);
        fflush(ovs_pcap_stream(dev->rx_log));
        fseek(ovs_pcap_stream(dev->rx_src), 0, SEEK_END);
    }
    dummy_deliver(dev, packet);
}

void
netdev_dummy_queue_packet(struct netdev *netdev, struct dp_packet *packet)
{
    if (netdev->class == &netdev_dummy_class) {
        dummy_receive(netdev_dummy_cast(netdev), packet);
    } else {
        dp_packet_delete(packet);
    }
}

/* ----- unixctl commands ---------------------------------------------- */

static struct netdev_dummy *
dummy_from_name(const char *name)
{
    struct netdev *netdev = netdev_from_name(name);

    return (netdev && netdev->class == &netdev_dummy_class
            ? netdev_dummy_cast(netdev) : NULL);
}

/* Builds a packet from hex bytes or a datapath flow.  Returns NULL on a
 * syntax error. */
static struct dp_packet *
packet_from_text(const char *s)
{
    size_t n = strlen(s);

    if (n && n % 2 == 0 && strspn(s, "0123456789abcdefABCDEF") == n) {
        struct ofpbuf hex;
        struct dp_packet *packet;

        ofpbuf_init(&hex, n / 2);
        ofpbuf_put_hex(&hex, s, NULL);
        packet = dp_packet_clone_data(hex.data, hex.size);
        ofpbuf_uninit(&hex);
        return packet;
    } else {
        struct flow flow;
        char *error = odp_flow_from_string(s, &flow, NULL);
        struct dp_packet *packet;

        if (error) {
            free(error);
            return NULL;
        }
        packet = dp_packet_new(0);
        flow_compose(packet, &flow);
        return packet;
    }
}

/* "netdev-dummy/receive NAME [--qid N] PACKET [--len N]...": each PACKET
 * is hex bytes or a datapath flow; "--len N" pads the packet before it to
 * N bytes; "--qid" is accepted for compatibility (a dummy device has one
 * queue). */
static void
dummy_receive_cmd(struct unixctl_conn *conn, int argc, const char *argv[],
                  void *aux OVS_UNUSED)
{
    struct netdev_dummy *dev = dummy_from_name(argv[1]);
    struct dp_packet **packets = NULL;
    size_t n = 0, i;
    int k;

    if (!dev) {
        unixctl_command_reply_error(conn, "no such dummy netdev");
        return;
    }
    packets = xmalloc(argc * sizeof *packets);
    for (k = 2; k < argc; k++) {
        if (!strcmp(argv[k], "--qid") && k + 1 < argc) {
            k++;
        } else if (!strcmp(argv[k], "--len") && k + 1 < argc && n) {
            long len = strtol(argv[++k], NULL, 10);
            struct dp_packet *last = packets[n - 1];

            if (len > (long) dp_packet_size(last) && len <= 65535) {
                dp_packet_put_zeros(last, len - dp_packet_size(last));
            }
        } else {
            struct dp_packet *packet = packet_from_text(argv[k]);

            if (!packet) {
                for (i = 0; i < n; i++) {
                    dp_packet_delete(packets[i]);
                }
                free(packets);
                unixctl_command_reply_error(conn,
                                            "bad packet or flow syntax");
                return;
            }
            packets[n++] = packet;
        }
    }
    for (i = 0; i < n; i++) {
        dummy_receive(dev, packets[i]);
    }
    free(packets);
    unixctl_command_reply(conn, NULL);
}

static void
dummy_set_admin_state(struct netdev_dummy *dev, bool up)
{
    enum netdev_flags flags = up ? NETDEV_UP : 0;

    if ((dev->flags & NETDEV_UP) != flags) {
        dev->flags = (dev->flags & ~NETDEV_UP) | flags;
        netdev_change_seq_changed(&dev->up);
    }
}

static void
dummy_set_admin_state_cmd(struct unixctl_conn *conn, int argc,
                          const char *argv[], void *aux OVS_UNUSED)
{
    const char *state = argv[argc - 1];
    bool up = !strcasecmp(state, "up");

    if (!up && strcasecmp(state, "down")) {
        unixctl_command_reply_error(conn, "Invalid Admin State");
        return;
    }

    if (argc > 2) {
        struct netdev_dummy *dev = dummy_from_name(argv[1]);

        if (!dev) {
            unixctl_command_reply_error(conn, "Unknown Dummy Interface");
            return;
        }
        dummy_set_admin_state(dev, up);
    } else {
        struct netdev_dummy *dev;

        LIST_FOR_EACH (dev, list_node, &dummies) {
            dummy_set_admin_state(dev, up);
        }
    }
    unixctl_command_reply(conn, "OK");
}

void
netdev_dummy_register(void)
{
    static bool registered;

    if (registered) {
        return;
    }
    registered = true;
    netdev_register_provider(&netdev_dummy_class);
    unixctl_command_register("netdev-dummy/receive",
                             "name packet|flow...", 2, INT_MAX,
                             dummy_receive_cmd, NULL);
    unixctl_command_register("netdev-dummy/set-admin-state",
                             "[netdev] up|down", 1, 2,
                             dummy_set_admin_state_cmd, NULL);
}
