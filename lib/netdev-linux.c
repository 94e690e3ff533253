/* Linux network devices: "system" and "internal".
 *
 * A "system" netdev is an existing Linux device reached through an
 * AF_PACKET socket bound to it.  Receiving drains up to a burst of frames
 * with non-blocking recvmsg() calls.  Two kernel shortcuts are undone on
 * the way in, so that the datapath sees the frame as it was on the wire:
 *
 *   - A frame whose transport checksum the kernel left for offload
 *     (veth pairs do this: TP_STATUS_CSUMNOTREADY in PACKET_AUXDATA) gets
 *     its TCP or UDP checksum computed here.  Without this, forwarding
 *     between veths would send frames with bad checksums and users would
 *     have to turn offloads off.
 *   - A VLAN tag the kernel stripped into the auxiliary data is put back.
 *   - A TCP "super-frame" that the sender handed over unsegmented (veth
 *     passes TSO frames of up to 64 kB along; the socket reports them in
 *     a virtio-net header, PACKET_VNET_HDR) is cut into segments of the
 *     size the sender asked for, each with its own IP length and
 *     checksum, TCP sequence number and checksum.  Otherwise such frames
 *     could not be sent on any port with a normal MTU.
 *
 * An "internal" netdev is a tap device (/dev/net/tun) created with the
 * netdev's name, where the process is allowed to create one; frames are
 * read and written on the tap's file descriptor. */

#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/virtio_net.h>
#include "csum.h"
#include "dp-packet.h"
#include "flow.h"
#include "netdev-provider.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "packets.h"

VLOG_DEFINE_THIS_MODULE(netdev_linux);

/* Largest frame we receive: a jumbo frame plus a VLAN tag. */
#define LINUX_RX_SIZE (65536 + VLAN_HEADER_LEN)

/* Frames are read here, then copied into a packet of the right size. */
static uint8_t rx_buf[LINUX_RX_SIZE];

struct netdev_linux {
    struct netdev up;
    int fd;                     /* AF_PACKET socket or tap fd. */
    int ifindex;
    bool is_tap;
    struct netdev_stats stats;
};

struct linux_rxq {
    struct netdev_rxq up;
    struct dp_packet **pending;         /* Segments not yet returned. */
    size_t n_pending, allocated;
};

static struct netdev_linux *
netdev_linux_cast(const struct netdev *netdev)
{
    return CONTAINER_OF(netdev, struct netdev_linux, up);
}

/* A socket for interface ioctls, shared by all devices. */
static int
ioctl_sock(void)
{
    static int sock = -1;

    if (sock < 0) {
        sock = socket(AF_INET, SOCK_DGRAM, 0);
    }
    return sock;
}

static int
do_ifreq(const char *name, unsigned long cmd, struct ifreq *ifr)
{
    int sock = ioctl_sock();

    if (sock < 0) {
        return errno;
    }
    ovs_strzcpy(ifr->ifr_name, name, sizeof ifr->ifr_name);
    return ioctl(sock, cmd, ifr) < 0 ? errno : 0;
}

static int
set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);

    return (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0
            ? errno : 0);
}

static int
open_packet_socket(const char *name, int *fdp, int *ifindexp)
{
    struct sockaddr_ll sll;
    struct ifreq ifr;
    int one = 1;
    int error;
    int fd;

    memset(&ifr, 0, sizeof ifr);
    error = do_ifreq(name, SIOCGIFINDEX, &ifr);
    if (error) {
        return error;
    }
    fd = socket(AF_PACKET, SOCK_RAW, 0);
    if (fd < 0) {
        return errno;
    }
    if (setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof one) < 0
        || setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &one,
                      sizeof one) < 0) {
        error = errno;
        goto error;
    }
    memset(&sll, 0, sizeof sll);
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = ifr.ifr_ifindex;
    if (bind(fd, (struct sockaddr *) &sll, sizeof sll) < 0) {
        error = errno;
        goto error;
    }
    error = set_nonblocking(fd);
    if (error) {
        goto error;
    }

    /* A bridge port must see frames addressed to other hosts.  Asking the
     * socket (rather than setting IFF_PROMISC) undoes itself on close. */
    struct packet_mreq mreq;
    memset(&mreq, 0, sizeof mreq);
    mreq.mr_ifindex = ifr.ifr_ifindex;
    mreq.mr_type = PACKET_MR_PROMISC;
    if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mreq,
                   sizeof mreq) < 0) {
        VLOG_WARN("%s: could not enable promiscuous mode (%s)", name,
                  ovs_strerror(errno));
    }
    *fdp = fd;
    *ifindexp = ifr.ifr_ifindex;
    return 0;

error:
    close(fd);
    return error;
}

static struct netdev *
system_alloc(const char *name, int *errorp)
{
    struct netdev_linux *dev;
    int fd = -1, ifindex = 0;

    *errorp = open_packet_socket(name, &fd, &ifindex);
    if (*errorp) {
        VLOG_WARN("%s: could not open AF_PACKET socket (%s)", name,
                  ovs_strerror(*errorp));
        return NULL;
    }
    dev = xzalloc(sizeof *dev);
    dev->fd = fd;
    dev->ifindex = ifindex;
    return &dev->up;
}

static struct netdev *
internal_alloc(const char *name, int *errorp)
{
    struct netdev_linux *dev;
    struct ifreq ifr;
    int fd;

    fd = open("/dev/net/tun", O_RDWR);
    if (fd < 0) {
        *errorp = errno;
        VLOG_WARN("%s: could not open /dev/net/tun (%s)", name,
                  ovs_strerror(*errorp));
        return NULL;
    }
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    ovs_strzcpy(ifr.ifr_name, name, sizeof ifr.ifr_name);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0 || set_nonblocking(fd)) {
        *errorp = errno;
        VLOG_WARN("%s: could not create tap device (%s)", name,
                  ovs_strerror(*errorp));
        close(fd);
        return NULL;
    }
    dev = xzalloc(sizeof *dev);
    dev->fd = fd;
    dev->is_tap = true;
    memset(&ifr, 0, sizeof ifr);
    dev->ifindex = (!do_ifreq(name, SIOCGIFINDEX, &ifr)
                    ? ifr.ifr_ifindex : 0);
    return &dev->up;
}

static void
linux_destroy(struct netdev *netdev)
{
    struct netdev_linux *dev = netdev_linux_cast(netdev);

    close(dev->fd);
    free(dev);
}

static int
linux_get_etheraddr(const struct netdev *netdev, struct eth_addr *mac)
{
    struct ifreq ifr;
    int error;

    memset(&ifr, 0, sizeof ifr);
    error = do_ifreq(netdev->name, SIOCGIFHWADDR, &ifr);
    if (!error) {
        memcpy(mac->ea, ifr.ifr_hwaddr.sa_data, ETH_ADDR_LEN);
    }
    return error;
}

static int
linux_set_etheraddr(struct netdev *netdev, const struct eth_addr mac)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
    memcpy(ifr.ifr_hwaddr.sa_data, mac.ea, ETH_ADDR_LEN);
    return do_ifreq(netdev->name, SIOCSIFHWADDR, &ifr);
}

static int
linux_get_mtu(const struct netdev *netdev, int *mtup)
{
    struct ifreq ifr;
    int error;

    memset(&ifr, 0, sizeof ifr);
    error = do_ifreq(netdev->name, SIOCGIFMTU, &ifr);
    *mtup = error ? 0 : ifr.ifr_mtu;
    return error;
}

static int
linux_get_ifindex(const struct netdev *netdev)
{
    return netdev_linux_cast(netdev)->ifindex;
}

static int
linux_get_flags(const struct netdev *netdev, enum netdev_flags *flagsp)
{
    struct ifreq ifr;
    int error;

    memset(&ifr, 0, sizeof ifr);
    error = do_ifreq(netdev->name, SIOCGIFFLAGS, &ifr);
    *flagsp = 0;
    if (!error) {
        *flagsp = ((ifr.ifr_flags & IFF_UP ? NETDEV_UP : 0)
                   | (ifr.ifr_flags & IFF_PROMISC ? NETDEV_PROMISC : 0));
    }
    return error;
}

static int
linux_set_flags(struct netdev *netdev, enum netdev_flags flags)
{
    struct ifreq ifr;
    int error;

    memset(&ifr, 0, sizeof ifr);
    error = do_ifreq(netdev->name, SIOCGIFFLAGS, &ifr);
    if (error) {
        return error;
    }
    ifr.ifr_flags &= ~(IFF_UP | IFF_PROMISC);
    ifr.ifr_flags |= ((flags & NETDEV_UP ? IFF_UP : 0)
                      | (flags & NETDEV_PROMISC ? IFF_PROMISC : 0));
    return do_ifreq(netdev->name, SIOCSIFFLAGS, &ifr);
}

static bool
linux_get_carrier(const struct netdev *netdev)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof ifr);
    return (!do_ifreq(netdev->name, SIOCGIFFLAGS, &ifr)
            && (ifr.ifr_flags & IFF_RUNNING));
}

static int
linux_get_stats(const struct netdev *netdev, struct netdev_stats *stats)
{
    *stats = netdev_linux_cast(netdev)->stats;
    return 0;
}

static struct netdev_rxq *
linux_rxq_alloc(struct netdev *netdev OVS_UNUSED, int *errorp OVS_UNUSED)
{
    struct linux_rxq *rxq = xzalloc(sizeof *rxq);

    return &rxq->up;
}

static struct linux_rxq *
linux_rxq_cast(const struct netdev_rxq *rxq)
{
    return CONTAINER_OF(rxq, struct linux_rxq, up);
}

static void
linux_rxq_destroy(struct netdev_rxq *rxq_)
{
    struct linux_rxq *rxq = linux_rxq_cast(rxq_);

    for (size_t i = 0; i < rxq->n_pending; i++) {
        dp_packet_delete(rxq->pending[i]);
    }
    free(rxq->pending);
    free(rxq);
}

bool
netdev_linux_complete_csum(struct dp_packet *packet)
{
    struct flow flow;
    uint32_t partial;
    size_t l4_size, csum_ofs;
    uint8_t *l4;
    ovs_be16 sum;

    flow_extract(packet, &flow);
    l4 = dp_packet_l4(packet);
    l4_size = dp_packet_l4_size(packet);
    if (!l4 || flow.nw_frag & FLOW_NW_FRAG_ANY) {
        return false;
    }
    if (flow.nw_proto == IPPROTO_TCP && l4_size >= TCP_HEADER_LEN) {
        csum_ofs = offsetof(struct tcp_header, tcp_csum);
    } else if (flow.nw_proto == IPPROTO_UDP && l4_size >= UDP_HEADER_LEN) {
        csum_ofs = offsetof(struct udp_header, udp_csum);
    } else {
        return false;
    }

    if (flow.dl_type == htons(ETH_TYPE_IP)) {
        partial = packet_csum_pseudoheader(dp_packet_l3(packet));
    } else if (flow.dl_type == htons(ETH_TYPE_IPV6)) {
        partial = packet_csum_pseudoheader6(dp_packet_l3(packet));
    } else {
        return false;
    }
    memset(l4 + csum_ofs, 0, 2);
    sum = csum_finish(csum_continue(partial, l4, l4_size));
    if (flow.nw_proto == IPPROTO_UDP && !sum) {
        sum = htons(0xffff);
    }
    memcpy(l4 + csum_ofs, &sum, 2);
    return true;
}

/* Builds segment number 'i' of 'gso': its headers ('hdr_len' bytes, the
 * TCP header last) followed by 'len' payload bytes from 'payload_ofs'. */
static struct dp_packet *
make_segment(const struct dp_packet *gso, const struct flow *flow,
             size_t hdr_len, size_t payload_ofs, size_t len, int i,
             bool last)
{
    struct dp_packet *seg = dp_packet_new_with_headroom(hdr_len + len,
                                                        VLAN_HEADER_LEN);
    const uint8_t *data = dp_packet_data(gso);
    size_t l3_ofs = gso->l3_ofs, l4_ofs = gso->l4_ofs;
    struct tcp_header *th;
    uint32_t seq;
    uint16_t ctl;

    dp_packet_put(seg, data, hdr_len);
    dp_packet_put(seg, data + payload_ofs, len);
    seg->l3_ofs = l3_ofs;
    seg->l4_ofs = l4_ofs;
    seg->md = gso->md;

    if (flow->dl_type == htons(ETH_TYPE_IP)) {
        struct ip_header *ip = dp_packet_l3(seg);

        ip->ip_tot_len = htons(hdr_len - l3_ofs + len);
        ip->ip_id = htons(ntohs(ip->ip_id) + i);
        ip->ip_csum = 0;
        ip->ip_csum = csum(ip, IP_IHL(ip->ip_ihl_ver) * 4);
    } else {
        struct ovs_16aligned_ip6_hdr *ip6 = dp_packet_l3(seg);

        ip6->ip6_plen = htons(hdr_len - l3_ofs - IPV6_HEADER_LEN + len);
    }

    th = dp_packet_l4(seg);
    seq = ntohl(get_16aligned_be32(&th->tcp_seq));
    put_16aligned_be32(&th->tcp_seq,
                       htonl(seq + (payload_ofs - hdr_len)));
    ctl = ntohs(th->tcp_ctl);
    if (!last) {
        ctl &= ~(TCP_FIN | TCP_PSH);
    }
    if (i) {
        ctl &= ~TCP_CWR;
    }
    th->tcp_ctl = htons(ctl);
    netdev_linux_complete_csum(seg);
    return seg;
}

size_t
netdev_linux_segment_tcp(const struct dp_packet *gso_, size_t mss,
                         struct dp_packet ***segsp)
{
    struct dp_packet *gso = dp_packet_clone(gso_);
    size_t hdr_len, total, ofs, n = 0, allocated = 0;
    const struct tcp_header *th;
    struct flow flow;

    *segsp = NULL;
    gso->md = gso_->md;
    flow_extract(gso, &flow);
    th = dp_packet_l4(gso);
    if (!mss || !th || !is_ip_any(&flow) || flow.nw_proto != IPPROTO_TCP
        || dp_packet_l4_size(gso) < TCP_HEADER_LEN
        || TCP_OFFSET(th->tcp_ctl) * 4 < TCP_HEADER_LEN
        || dp_packet_l4_size(gso) < TCP_OFFSET(th->tcp_ctl) * 4) {
        dp_packet_delete(gso);
        return 0;
    }
    hdr_len = gso->l4_ofs + TCP_OFFSET(th->tcp_ctl) * 4;
    total = dp_packet_size(gso) - gso->l2_pad_size;
    ofs = hdr_len;
    do {
        size_t len = MIN(mss, total - ofs);

        if (n >= allocated) {
            *segsp = x2nrealloc(*segsp, &allocated, sizeof **segsp);
        }
        (*segsp)[n] = make_segment(gso, &flow, hdr_len, ofs, len, n,
                                   ofs + len >= total);
        n++;
        ofs += len;
    } while (ofs < total);
    dp_packet_delete(gso);
    return n;
}

/* Appends 'packet' (consumed) to 'rxq''s pending packets. */
static void
rxq_add_pending(struct linux_rxq *rxq, struct dp_packet *packet)
{
    if (rxq->n_pending >= rxq->allocated) {
        rxq->pending = x2nrealloc(rxq->pending, &rxq->allocated,
                                  sizeof *rxq->pending);
    }
    rxq->pending[rxq->n_pending++] = packet;
}

/* Undoes what the kernel's offloads did to a received frame, as the
 * comment at the top of this file explains, and queues the result on
 * 'rxq'. */
static void
fix_offloads(struct linux_rxq *rxq, struct dp_packet *packet,
             const struct virtio_net_hdr *vnet, bool csum_not_ready)
{
    uint8_t gso_type = vnet->gso_type & ~VIRTIO_NET_HDR_GSO_ECN;

    if (gso_type == VIRTIO_NET_HDR_GSO_TCPV4
        || gso_type == VIRTIO_NET_HDR_GSO_TCPV6) {
        struct dp_packet **segs;
        size_t i, n;

        n = netdev_linux_segment_tcp(packet, vnet->gso_size, &segs);
        for (i = 0; i < n; i++) {
            rxq_add_pending(rxq, segs[i]);
        }
        free(segs);
        dp_packet_delete(packet);
        return;
    }
    if (csum_not_ready || vnet->flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) {
        netdev_linux_complete_csum(packet);
    }
    rxq_add_pending(rxq, packet);
}

/* Reads one frame from an AF_PACKET socket into 'rxq''s pending packets
 * (several, if it has to be segmented).  Returns 0, EAGAIN when nothing
 * is left, or another errno. */
static int
recv_packet_socket(struct netdev_linux *dev, struct linux_rxq *rxq)
{
    union {
        struct cmsghdr cmsg;
        char buf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
    } cmsg_buf;
    struct virtio_net_hdr vnet;
    struct dp_packet *packet;
    bool csum_not_ready = false;
    struct sockaddr_ll sll;
    struct cmsghdr *cmsg;
    struct iovec iov[2];
    struct msghdr msg;
    ssize_t n;

    iov[0].iov_base = &vnet;
    iov[0].iov_len = sizeof vnet;
    iov[1].iov_base = rx_buf;
    iov[1].iov_len = LINUX_RX_SIZE;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &sll;
    msg.msg_namelen = sizeof sll;
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    msg.msg_control = &cmsg_buf;
    msg.msg_controllen = sizeof cmsg_buf;

    do {
        n = recvmsg(dev->fd, &msg, MSG_TRUNC);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return errno == EWOULDBLOCK ? EAGAIN : errno;
    }
    if (sll.sll_pkttype == PACKET_OUTGOING
        || n < (ssize_t) sizeof vnet
        || n > (ssize_t) (sizeof vnet + LINUX_RX_SIZE)) {
        /* Our own transmissions echoed back, or a truncated frame. */
        return 0;
    }
    packet = dp_packet_clone_data_with_headroom(rx_buf, n - sizeof vnet,
                                                VLAN_HEADER_LEN);

    for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
        const struct tpacket_auxdata *aux;

        if (cmsg->cmsg_level != SOL_PACKET
            || cmsg->cmsg_type != PACKET_AUXDATA
            || cmsg->cmsg_len < CMSG_LEN(sizeof *aux)) {
            continue;
        }
        aux = (const struct tpacket_auxdata *) CMSG_DATA(cmsg);
        if (aux->tp_status & TP_STATUS_VLAN_VALID || aux->tp_vlan_tci) {
            ovs_be16 tpid = htons(aux->tp_status & TP_STATUS_VLAN_TPID_VALID
                                  ? aux->tp_vlan_tpid : ETH_TYPE_VLAN);
            eth_push_vlan(packet, tpid, htons(aux->tp_vlan_tci));
        }
        csum_not_ready = (aux->tp_status & TP_STATUS_CSUMNOTREADY) != 0;
    }
    fix_offloads(rxq, packet, &vnet, csum_not_ready);
    return 0;
}

static int
recv_tap(struct netdev_linux *dev, struct dp_packet **packetp)
{
    ssize_t n;

    do {
        n = read(dev->fd, rx_buf, LINUX_RX_SIZE);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return errno == EWOULDBLOCK ? EAGAIN : errno;
    }
    *packetp = dp_packet_clone_data_with_headroom(rx_buf, n,
                                                  VLAN_HEADER_LEN);
    return 0;
}

static int
linux_rxq_recv(struct netdev_rxq *rxq_, struct dp_packet_batch *batch)
{
    struct netdev_linux *dev = netdev_linux_cast(rxq_->netdev);
    struct linux_rxq *rxq = linux_rxq_cast(rxq_);
    int tries;

    /* Bounded so that a flood on one device cannot starve the others. */
    for (tries = 0; tries < 2 * NETDEV_MAX_BURST; tries++) {
        size_t n = MIN(rxq->n_pending, NETDEV_MAX_BURST - batch->count);
        struct dp_packet *packet = NULL;
        int error;

        /* Hand over what is pending (segments of an earlier frame). */
        memcpy(&batch->packets[batch->count], rxq->pending,
               n * sizeof *rxq->pending);
        batch->count += n;
        rxq->n_pending -= n;
        memmove(rxq->pending, rxq->pending + n,
                rxq->n_pending * sizeof *rxq->pending);
        if (batch->count >= NETDEV_MAX_BURST) {
            break;
        }

        if (dev->is_tap) {
            error = recv_tap(dev, &packet);
            if (!error) {
                rxq_add_pending(rxq, packet);
            }
        } else {
            error = recv_packet_socket(dev, rxq);
        }
        if (error) {
            if (error != EAGAIN) {
                dev->stats.rx_errors++;
            }
            break;
        }
    }
    for (size_t i = 0; i < batch->count; i++) {
        dev->stats.rx_packets++;
        dev->stats.rx_bytes += dp_packet_size(batch->packets[i]);
    }
    return 0;
}

static void
linux_rxq_wait(struct netdev_rxq *rxq)
{
    if (linux_rxq_cast(rxq)->n_pending) {
        poll_immediate_wake();
    } else {
        poll_fd_wait(netdev_linux_cast(rxq->netdev)->fd, POLLIN);
    }
}

static int
linux_send(struct netdev *netdev, const struct dp_packet *packet)
{
    struct netdev_linux *dev = netdev_linux_cast(netdev);
    ssize_t n;

    do {
        if (dev->is_tap) {
            n = write(dev->fd, dp_packet_data(packet),
                      dp_packet_size(packet));
        } else {
            /* The socket has PACKET_VNET_HDR: an all-zero header says
             * "no offload". */
            struct virtio_net_hdr vnet;
            struct iovec iov[2];
            struct msghdr msg;

            memset(&vnet, 0, sizeof vnet);
            iov[0].iov_base = &vnet;
            iov[0].iov_len = sizeof vnet;
            iov[1].iov_base = dp_packet_data(packet);
            iov[1].iov_len = dp_packet_size(packet);
            memset(&msg, 0, sizeof msg);
            msg.msg_iov = iov;
            msg.msg_iovlen = 2;
            n = sendmsg(dev->fd, &msg, 0);
        }
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        dev->stats.tx_errors++;
        /* A full queue or a device that is down is not fatal. */
        return errno == ENOBUFS || errno == EAGAIN ? 0 : errno;
    }
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += dp_packet_size(packet);
    return 0;
}

#define LINUX_CLASS(TYPE, ALLOC)                        \
    {                                                   \
        .type = TYPE,                                   \
        .alloc = ALLOC,                                 \
        .destroy = linux_destroy,                       \
        .get_etheraddr = linux_get_etheraddr,           \
        .set_etheraddr = linux_set_etheraddr,           \
        .get_mtu = linux_get_mtu,                       \
        .get_ifindex = linux_get_ifindex,               \
        .get_carrier = linux_get_carrier,               \
        .get_stats = linux_get_stats,                   \
        .get_flags = linux_get_flags,                   \
        .set_flags = linux_set_flags,                   \
        .rxq_alloc = linux_rxq_alloc,                   \
        .rxq_destroy = linux_rxq_destroy,               \
        .rxq_recv = linux_rxq_recv,                     \
        .rxq_wait = linux_rxq_wait,                     \
        .send = linux_send,                             \
    }

const struct netdev_class netdev_system_class =
    LINUX_CLASS("system", system_alloc);
const struct netdev_class netdev_internal_class =
    LINUX_CLASS("internal", internal_alloc);
