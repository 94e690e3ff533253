/*
 * OpenFlow ports.
 *
 * A switch describes each of its ports to the controller (features reply,
 * port-desc reply, port-status), the controller reconfigures ports with
 * port-mod and reads their counters with port stats.  Every OpenFlow
 * version lays these out differently: 16-bit port numbers and a 48-byte
 * description in 1.0, 32-bit numbers and a 64-byte description in 1.1 to
 * 1.3, and a shorter description plus properties from 1.4 on.  This file
 * converts all of them to and from struct ofputil_phy_port and friends,
 * and prints them.
 *
 * It also keeps the port-name map that lets ovs-ofctl print and parse
 * ports by name.
 */

#include <config.h>
#include "ofp-port.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <arpa/inet.h>

#include "byte-order.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-prop.h"
#include "ofp-protocol.h"
#include "openflow/openflow-1.4.h"
#include "openflow/openflow-1.5.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "unaligned.h"

VLOG_DEFINE_THIS_MODULE(ofp_port);

static struct vlog_rate_limit bad_ofmsg_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* ---- Port numbers ---- */

/* Converts OpenFlow 1.1+ port number 'ofp11_port' into '*ofp10_port'.
 * Returns 0, or OFPERR_OFPBAC_BAD_OUT_PORT for a number that has no
 * 16-bit equivalent. */
enum ofperr
ofputil_port_from_ofp11(ovs_be32 ofp11_port, ofp_port_t *ofp10_port)
{
    uint32_t port = ntohl(ofp11_port);

    if (port < ofp_to_u16(OFPP_MAX)) {
        *ofp10_port = u16_to_ofp(port);
        return 0;
    } else if (port >= ofp11_to_u32(OFPP11_MAX)) {
        *ofp10_port = u16_to_ofp(port - OFPP11_OFFSET);
        return 0;
    }
    *ofp10_port = OFPP_NONE;
    VLOG_WARN_RL(&bad_ofmsg_rl, "port %"PRIu32" is outside the supported "
                 "range 0 through %d or 0x%"PRIx32" through 0x%"PRIx32,
                 port, ofp_to_u16(OFPP_MAX) - 1,
                 ofp11_to_u32(OFPP11_MAX), UINT32_MAX);
    return OFPERR_OFPBAC_BAD_OUT_PORT;
}

/* Returns the OpenFlow 1.1+ number for 'ofp10_port'. */
ovs_be32
ofputil_port_to_ofp11(ofp_port_t ofp10_port)
{
    uint16_t port = ofp_to_u16(ofp10_port);
    return htonl(port < ofp_to_u16(OFPP_MAX)
                 ? port
                 : port + OFPP11_OFFSET);
}

/* Checks that 'port' may be the target of an output action on a switch
 * with 'max_ports' ports. */
enum ofperr
ofputil_check_output_port(ofp_port_t port, ofp_port_t max_ports)
{
    /* Reserved ports other than ANY and UNSET are fine as outputs. */
    bool ok = (ofp_to_u16(port) < ofp_to_u16(max_ports)
               || (port != OFPP_NONE && port != OFPP_UNSET
                   && ofputil_port_get_reserved_name(port)));
    return ok ? 0 : OFPERR_OFPBAC_BAD_OUT_PORT;
}

/* ---- Names ---- */

struct reserved_port {
    ofp_port_t port;
    const char *name;
};

static const struct reserved_port reserved_ports[] = {
    { OFPP_IN_PORT, "IN_PORT" },
    { OFPP_TABLE, "TABLE" },
    { OFPP_NORMAL, "NORMAL" },
    { OFPP_FLOOD, "FLOOD" },
    { OFPP_ALL, "ALL" },
    { OFPP_CONTROLLER, "CONTROLLER" },
    { OFPP_LOCAL, "LOCAL" },
    { OFPP_NONE, "ANY" },
    { OFPP_UNSET, "UNSET" },
};

/* Returns the name of reserved port 'port', or NULL if it has none. */
const char *
ofputil_port_get_reserved_name(ofp_port_t port)
{
    for (size_t i = 0; i < ARRAY_SIZE(reserved_ports); i++) {
        if (reserved_ports[i].port == port) {
            return reserved_ports[i].name;
        }
    }
    return NULL;
}

/* One name-number pair of a port map.  A pair whose name or number
 * appears more than once is 'duplicate' and ignored by lookups. */
struct port_map_node {
    struct hmap_node name_node;
    struct hmap_node number_node;
    ofp_port_t port;
    char *name;
    bool duplicate;
};

void
ofputil_port_map_init(struct ofputil_port_map *map)
{
    hmap_init(&map->by_name);
    hmap_init(&map->by_number);
}

static struct port_map_node *
find_by_name(const struct ofputil_port_map *map, const char *name)
{
    struct port_map_node *node;
    HMAP_FOR_EACH_WITH_HASH (node, name_node, hash_bytes(name, strlen(name),
                                                         0),
                             &map->by_name) {
        if (!strcmp(node->name, name)) {
            return node;
        }
    }
    return NULL;
}

static struct port_map_node *
find_by_number(const struct ofputil_port_map *map, ofp_port_t port)
{
    struct port_map_node *node;
    HMAP_FOR_EACH_WITH_HASH (node, number_node, hash_int(port, 0),
                             &map->by_number) {
        if (node->port == port) {
            return node;
        }
    }
    return NULL;
}

/* Adds 'port' <-> 'name' to 'map'; 'name' is copied. */
void
ofputil_port_map_put(struct ofputil_port_map *map, ofp_port_t port,
                     const char *name)
{
    struct port_map_node *by_name = find_by_name(map, name);
    struct port_map_node *by_number = find_by_number(map, port);

    if (by_name && by_name == by_number) {
        return;                 /* Already present. */
    }
    if (by_name || by_number) {
        if (by_name) {
            by_name->duplicate = true;
        }
        if (by_number) {
            by_number->duplicate = true;
        }
    }

    struct port_map_node *node = xzalloc(sizeof *node);
    node->port = port;
    node->name = xstrdup(name);
    node->duplicate = by_name || by_number;
    hmap_insert(&map->by_name, &node->name_node,
                hash_bytes(name, strlen(name), 0));
    hmap_insert(&map->by_number, &node->number_node, hash_int(port, 0));
}

/* Returns the unique name of 'port' in 'map' (which may be NULL), or NULL. */
const char *
ofputil_port_map_get_name(const struct ofputil_port_map *map,
                          ofp_port_t port)
{
    struct port_map_node *node = map ? find_by_number(map, port) : NULL;
    return node && !node->duplicate ? node->name : NULL;
}

/* Returns the unique port named 'name' in 'map' (which may be NULL), or
 * OFPP_NONE. */
ofp_port_t
ofputil_port_map_get_number(const struct ofputil_port_map *map,
                            const char *name)
{
    struct port_map_node *node = map ? find_by_name(map, name) : NULL;
    return node && !node->duplicate ? node->port : OFPP_NONE;
}

void
ofputil_port_map_destroy(struct ofputil_port_map *map)
{
    if (map) {
        struct port_map_node *node;
        HMAP_FOR_EACH_POP (node, name_node, &map->by_name) {
            free(node->name);
            free(node);
        }
        hmap_destroy(&map->by_name);
        hmap_destroy(&map->by_number);
    }
}

/* Parses a port number in decimal.  OpenFlow 1.1+ reserved numbers
 * (0xfffffff8 and up) are accepted too. */
static bool
parse_port_number(const char *s, ofp_port_t *portp)
{
    unsigned long long int n;
    char *end;

    if (!*s || *s == '-' || *s == '+') {
        return false;
    }
    errno = 0;
    n = strtoull(s, &end, 0);
    if (errno || *end) {
        return false;
    }
    if (n < ofp_to_u16(OFPP_MAX)) {
        *portp = u16_to_ofp(n);
        return true;
    } else if (n <= UINT16_MAX) {
        if (n < ofp_to_u16(OFPP_UNSET)) {
            VLOG_WARN("port %llu is a reserved OF1.0 port number that will "
                      "be translated to %llu when talking to an OF1.1 or "
                      "later controller", n, n + OFPP11_OFFSET);
        }
        *portp = u16_to_ofp(n);
        return true;
    } else if (n >= ofp11_to_u32(OFPP11_MAX) && n <= UINT32_MAX) {
        *portp = u16_to_ofp(n - OFPP11_OFFSET);
        return true;
    }
    VLOG_WARN("port %llu is outside the supported range 0 through %d or "
              "0x%"PRIx32" through 0x%"PRIx32, n, UINT16_MAX,
              ofp11_to_u32(OFPP11_MAX), UINT32_MAX);
    return false;
}

bool
ofputil_port_from_string(const char *s, const struct ofputil_port_map *map,
                         ofp_port_t *portp)
{
    char *unquoted = NULL;
    bool ok = false;

    if (*s == '"') {
        size_t len = strlen(s);
        if (len < 2 || s[len - 1] != '"') {
            return false;
        }
        unquoted = xmemdup0(s + 1, len - 2);
        s = unquoted;
    } else if (parse_port_number(s, portp)) {
        return true;
    } else {
        for (size_t i = 0; i < ARRAY_SIZE(reserved_ports); i++) {
            if (!strcasecmp(s, reserved_ports[i].name)) {
                *portp = reserved_ports[i].port;
                return true;
            }
        }
        if (!strcasecmp(s, "none")) {
            *portp = OFPP_NONE;
            return true;
        }
    }

    ofp_port_t port = ofputil_port_map_get_number(map, s);
    if (port != OFPP_NONE) {
        *portp = port;
        ok = true;
    }
    free(unquoted);
    return ok;
}

/* Returns true if 'name' must be quoted to be parsed back as a name. */
static bool
port_name_needs_quotes(const char *name)
{
    ofp_port_t dummy;

    if (!*name || parse_port_number(name, &dummy)) {
        return true;
    }
    for (const char *p = name; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
              || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'
              || *p == '.')) {
            return true;
        }
    }
    return false;
}

/* Appends 'port' to 's': a reserved name, the name from 'map' (which may be
 * NULL), or the number. */
void
ofputil_format_port(ofp_port_t port, const struct ofputil_port_map *map,
                    struct ds *s)
{
    const char *reserved = ofputil_port_get_reserved_name(port);
    if (reserved) {
        ds_put_cstr(s, reserved);
        return;
    }

    const char *name = ofputil_port_map_get_name(map, port);
    if (name) {
        if (port_name_needs_quotes(name)) {
            ds_put_char(s, '"');
            for (const char *p = name; *p; p++) {
                if (*p == '"' || *p == '\\') {
                    ds_put_char(s, '\\');
                }
                ds_put_char(s, *p);
            }
            ds_put_char(s, '"');
        } else {
            ds_put_cstr(s, name);
        }
        return;
    }
    ds_put_format(s, "%"PRIu16, ofp_to_u16(port));
}

/* Like ofputil_format_port() into 'namebuf' of 'bufsize' bytes (truncated
 * if necessary). */
void
ofputil_port_to_string(ofp_port_t port, const struct ofputil_port_map *map,
                       char *namebuf, size_t bufsize)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    ofputil_format_port(port, map, &s);
    ovs_strlcpy(namebuf, ds_cstr(&s), bufsize);
    ds_destroy(&s);
}

/* ---- Features (link properties) ---- */

/* OF1.0 keeps the speed bits where OF1.1 has them but puts the medium and
 * negotiation bits 4 positions lower. */
static enum netdev_features
netdev_features_from_ofp10(ovs_be32 ofp10)
{
    uint32_t x = ntohl(ofp10);
    return (x & 0x7f) | ((x & 0xf80) << 4);
}

static ovs_be32
netdev_features_to_ofp10(enum netdev_features features)
{
    return htonl((features & 0x7f) | ((features & 0xf800) >> 4));
}

/* Returns the fastest speed in 'features', in kbps (0 if none). */
static uint32_t
netdev_features_to_kbps(enum netdev_features features)
{
    static const struct {
        enum netdev_features bits;
        uint32_t kbps;
    } speeds[] = {
        { NETDEV_F_1TB_FD, UINT32_C(1000000000) },
        { NETDEV_F_100GB_FD, UINT32_C(100000000) },
        { NETDEV_F_40GB_FD, UINT32_C(40000000) },
        { NETDEV_F_10GB_FD, UINT32_C(10000000) },
        { NETDEV_F_1GB_HD | NETDEV_F_1GB_FD, UINT32_C(1000000) },
        { NETDEV_F_100MB_HD | NETDEV_F_100MB_FD, UINT32_C(100000) },
        { NETDEV_F_10MB_HD | NETDEV_F_10MB_FD, UINT32_C(10000) },
    };
    for (size_t i = 0; i < ARRAY_SIZE(speeds); i++) {
        if (features & speeds[i].bits) {
            return speeds[i].kbps;
        }
    }
    return 0;
}

/* ---- Port descriptions ---- */

static void
decode_ofp10_phy_port(const struct ofp10_phy_port *opp,
                      struct ofputil_phy_port *pp)
{
    memset(pp, 0, sizeof *pp);
    pp->port_no = u16_to_ofp(ntohs(opp->port_no));
    memcpy(pp->hw_addr.ea, opp->hw_addr, ETH_ADDR_LEN);
    ovs_strlcpy(pp->name, opp->name, OFP_MAX_PORT_NAME_LEN);
    pp->config = ntohl(opp->config) & OFPPC10_ALL;
    pp->state = ntohl(opp->state) & (OFPPS10_LINK_DOWN | OFPPS10_STP_MASK);
    pp->curr = netdev_features_from_ofp10(opp->curr);
    pp->advertised = netdev_features_from_ofp10(opp->advertised);
    pp->supported = netdev_features_from_ofp10(opp->supported);
    pp->peer = netdev_features_from_ofp10(opp->peer);
    pp->curr_speed = netdev_features_to_kbps(pp->curr);
    pp->max_speed = netdev_features_to_kbps(pp->supported);
}

static enum ofperr
decode_ofp11_port(const struct ofp11_port *op, struct ofputil_phy_port *pp)
{
    memset(pp, 0, sizeof *pp);
    enum ofperr error = ofputil_port_from_ofp11(op->port_no, &pp->port_no);
    if (error) {
        return error;
    }
    memcpy(pp->hw_addr.ea, op->hw_addr, ETH_ADDR_LEN);
    ovs_strlcpy(pp->name, op->name, OFP_MAX_PORT_NAME_LEN);
    pp->config = ntohl(op->config) & OFPPC11_ALL;
    pp->state = ntohl(op->state) & OFPPS11_ALL;
    pp->curr = ntohl(op->curr) & OFPPF11_ALL;
    pp->advertised = ntohl(op->advertised) & OFPPF11_ALL;
    pp->supported = ntohl(op->supported) & OFPPF11_ALL;
    pp->peer = ntohl(op->peer) & OFPPF11_ALL;
    pp->max_speed = ntohl(op->max_speed);
    pp->curr_speed = ntohl(op->curr_speed);
    return 0;
}

/* Pulls from 'msg' an OpenFlow 1.4 structure of 'fixed_len' bytes whose
 * total length, properties included, is the be16 at 'len_ofs'.  Returns
 * the fixed part (or NULL if the lengths do not add up) and points
 * 'props' at the properties. */
static const void *
pull_with_props(struct ofpbuf *msg, size_t fixed_len, size_t len_ofs,
                struct ofpbuf *props)
{
    if (msg->size < fixed_len) {
        return NULL;
    }
    const uint8_t *p = msg->data;
    size_t total = (p[len_ofs] << 8) | p[len_ofs + 1];
    if (total < fixed_len || total > msg->size) {
        return NULL;
    }
    ofpbuf_pull(msg, total);
    ofpbuf_use_const(props, p + fixed_len, total - fixed_len);
    return p;
}

static enum ofperr
parse_ofp14_port_ethernet_property(const struct ofpbuf *payload,
                                   struct ofputil_phy_port *pp)
{
    struct ofp14_port_desc_prop_ethernet eth;

    /* The property value starts after the 4-byte header. */
    if (payload->size != sizeof eth - 4) {
        return OFPERR_OFPBPC_BAD_LEN;
    }
    memcpy((uint8_t *) &eth + 4, payload->data, payload->size);
    pp->curr = ntohl(eth.curr) & OFPPF11_ALL;
    pp->advertised = ntohl(eth.advertised) & OFPPF11_ALL;
    pp->supported = ntohl(eth.supported) & OFPPF11_ALL;
    pp->peer = ntohl(eth.peer) & OFPPF11_ALL;
    pp->curr_speed = ntohl(eth.curr_speed);
    pp->max_speed = ntohl(eth.max_speed);
    return 0;
}

static enum ofperr
pull_ofp14_port(struct ofpbuf *msg, struct ofputil_phy_port *pp)
{
    struct ofpbuf props;
    const struct ofp14_port *op = pull_with_props(
        msg, sizeof *op, offsetof(struct ofp14_port, length), &props);
    if (!op) {
        return OFPERR_OFPBRC_BAD_LEN;
    }

    memset(pp, 0, sizeof *pp);
    memcpy(pp->hw_addr.ea, op->hw_addr, ETH_ADDR_LEN);
    ovs_strlcpy(pp->name, op->name, OFP_MAX_PORT_NAME_LEN);
    pp->config = ntohl(op->config) & OFPPC11_ALL;
    pp->state = ntohl(op->state) & OFPPS11_ALL;

    /* Optical and experimenter properties are not used here. */
    enum ofperr error = ofputil_port_from_ofp11(op->port_no, &pp->port_no);
    while (!error && props.size) {
        struct ofpbuf payload;
        uint64_t type;

        error = ofpprop_pull(&props, &payload, &type);
        if (!error && type == OFPPDPT14_ETHERNET) {
            error = parse_ofp14_port_ethernet_property(&payload, pp);
        }
    }
    return error;
}

int
ofputil_pull_phy_port(enum ofp_version version, struct ofpbuf *b,
                      struct ofputil_phy_port *pp)
{
    if (!b->size) {
        return EOF;
    }
    switch (version) {
    case OFP10_VERSION: {
        const struct ofp10_phy_port *opp = ofpbuf_try_pull(b, sizeof *opp);
        if (!opp) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        decode_ofp10_phy_port(opp, pp);
        return 0;
    }
    case OFP11_VERSION:
    case OFP12_VERSION:
    case OFP13_VERSION: {
        const struct ofp11_port *op = ofpbuf_try_pull(b, sizeof *op);
        return op ? decode_ofp11_port(op, pp) : OFPERR_OFPBRC_BAD_LEN;
    }
    case OFP14_VERSION:
    case OFP15_VERSION:
        return pull_ofp14_port(b, pp);
    default:
        return OFPERR_OFPBRC_BAD_VERSION;
    }
}

/* Returns the number of ports in 'b' (not modified), counting until the
 * first malformed one. */
size_t
ofputil_count_phy_ports(enum ofp_version version, struct ofpbuf *b)
{
    struct ofpbuf tmp = *b;
    struct ofputil_phy_port pp;
    size_t n = 0;

    while (!ofputil_pull_phy_port(version, &tmp, &pp)) {
        n++;
    }
    return n;
}

void
ofputil_put_phy_port(enum ofp_version version,
                     const struct ofputil_phy_port *pp, struct ofpbuf *b)
{
    switch (version) {
    case OFP10_VERSION: {
        struct ofp10_phy_port *opp = ofpbuf_put_zeros(b, sizeof *opp);
        opp->port_no = htons(ofp_to_u16(pp->port_no));
        memcpy(opp->hw_addr, pp->hw_addr.ea, ETH_ADDR_LEN);
        ovs_strlcpy(opp->name, pp->name, OFP_MAX_PORT_NAME_LEN);
        opp->config = htonl(pp->config & OFPPC10_ALL);
        opp->state = htonl(pp->state
                           & (OFPPS10_LINK_DOWN | OFPPS10_STP_MASK));
        opp->curr = netdev_features_to_ofp10(pp->curr);
        opp->advertised = netdev_features_to_ofp10(pp->advertised);
        opp->supported = netdev_features_to_ofp10(pp->supported);
        opp->peer = netdev_features_to_ofp10(pp->peer);
        break;
    }
    case OFP11_VERSION:
    case OFP12_VERSION:
    case OFP13_VERSION: {
        struct ofp11_port *op = ofpbuf_put_zeros(b, sizeof *op);
        op->port_no = ofputil_port_to_ofp11(pp->port_no);
        memcpy(op->hw_addr, pp->hw_addr.ea, ETH_ADDR_LEN);
        ovs_strlcpy(op->name, pp->name, OFP_MAX_PORT_NAME_LEN);
        op->config = htonl(pp->config & OFPPC11_ALL);
        op->state = htonl(pp->state & OFPPS11_ALL);
        op->curr = htonl(pp->curr);
        op->advertised = htonl(pp->advertised);
        op->supported = htonl(pp->supported);
        op->peer = htonl(pp->peer);
        op->curr_speed = htonl(pp->curr_speed);
        op->max_speed = htonl(pp->max_speed);
        break;
    }
    case OFP14_VERSION:
    case OFP15_VERSION:
    default: {
        size_t start_ofs = b->size;
        struct ofp14_port *op = ofpbuf_put_zeros(b, sizeof *op);
        op->port_no = ofputil_port_to_ofp11(pp->port_no);
        memcpy(op->hw_addr, pp->hw_addr.ea, ETH_ADDR_LEN);
        ovs_strlcpy(op->name, pp->name, OFP_MAX_PORT_NAME_LEN);
        op->config = htonl(pp->config & OFPPC11_ALL);
        op->state = htonl(pp->state & OFPPS11_ALL);

        struct ofp14_port_desc_prop_ethernet *eth
            = ofpbuf_put_zeros(b, sizeof *eth);
        eth->type = htons(OFPPDPT14_ETHERNET);
        eth->length = htons(sizeof *eth);
        eth->curr = htonl(pp->curr);
        eth->advertised = htonl(pp->advertised);
        eth->supported = htonl(pp->supported);
        eth->peer = htonl(pp->peer);
        eth->curr_speed = htonl(pp->curr_speed);
        eth->max_speed = htonl(pp->max_speed);

        op = ofpbuf_at_assert(b, start_ofs, sizeof *op);
        op->length = htons(b->size - start_ofs);
        break;
    }
    }
}

/* ---- Printing port descriptions ---- */

/* Appends the names of the bits set in 'bits' (bit i named names[i]),
 * separated by spaces.  Returns the number of names appended. */
static int
format_bit_names(struct ds *s, uint32_t bits, const char *const names[],
                 size_t n_names)
{
    int n = 0;
    for (size_t i = 0; i < n_names; i++) {
        if (bits & (1u << i) && names[i]) {
            if (n++) {
                ds_put_char(s, ' ');
            }
            ds_put_cstr(s, names[i]);
        }
    }
    return n;
}

void
ofputil_port_config_format(struct ds *s, enum ofputil_port_config config)
{
    static const char *const names[] = {
        "PORT_DOWN", "NO_STP", "NO_RECV", "NO_RECV_STP", "NO_FLOOD",
        "NO_FWD", "NO_PACKET_IN",
    };
    if (!format_bit_names(s, config, names, ARRAY_SIZE(names))) {
        ds_put_char(s, '0');
    }
}

void
ofputil_port_state_format(struct ds *s, enum ofputil_port_state state)
{
    static const char *const names[] = { "LINK_DOWN", "BLOCKED", "LIVE" };
    static const char *const stp_names[] = {
        NULL, "STP_LEARN", "STP_FORWARD", "STP_BLOCK",
    };
    const char *stp = stp_names[(state & OFPUTIL_PS_STP_MASK) >> 8];
    int n = 0;

    /* Open vSwitch prints the spanning tree state and the flags without a
     * separator between them; we keep its output. */
    if (stp) {
        ds_put_cstr(s, stp);
        n++;
    }
    n += format_bit_names(s, state & ~OFPUTIL_PS_STP_MASK, names,
                          ARRAY_SIZE(names));
    if (!n) {
        ds_put_char(s, '0');
    }
}

void
ofputil_port_features_format(struct ds *s, enum netdev_features features)
{
    static const char *const names[] = {
        "10MB-HD", "10MB-FD", "100MB-HD", "100MB-FD", "1GB-HD", "1GB-FD",
        "10GB-FD", "40GB-FD", "100GB-FD", "1TB-FD", "OTHER", "COPPER",
        "FIBER", "AUTO_NEG", "AUTO_PAUSE", "AUTO_PAUSE_ASYM",
    };
    if (!format_bit_names(s, features, names, ARRAY_SIZE(names))) {
        ds_put_char(s, '0');
    }
}

static void
format_features_line(struct ds *s, const char *label,
                     enum netdev_features features)
{
    if (features) {
        ds_put_format(s, "     %-12s", label);
        ofputil_port_features_format(s, features);
        ds_put_char(s, '\n');
    }
}

/* Appends 'pp' as a multi-line description, each line ending in a new-line
 * and the first starting with a space. */
void
ofputil_phy_port_format(struct ds *s, const struct ofputil_phy_port *pp,
                        const struct ofputil_port_map *map OVS_UNUSED)
{
    /* The port's own name follows in parentheses, so it is not looked up
     * in 'map'. */
    ds_put_char(s, ' ');
    ofputil_format_port(pp->port_no, NULL, s);
    ds_put_format(s, "(%s): addr:"ETH_ADDR_FMT"\n", pp->name,
                  ETH_ADDR_ARGS(pp->hw_addr));

    ds_put_cstr(s, "     config:     ");
    ofputil_port_config_format(s, pp->config);
    ds_put_cstr(s, "\n     state:      ");
    ofputil_port_state_format(s, pp->state);
    ds_put_char(s, '\n');

    format_features_line(s, "current:", pp->curr);
    format_features_line(s, "advertised:", pp->advertised);
    format_features_line(s, "supported:", pp->supported);
    format_features_line(s, "peer:", pp->peer);

    ds_put_format(s, "     speed: %"PRIu32" Mbps now, %"PRIu32" Mbps max\n",
                  pp->curr_speed / 1000, pp->max_speed / 1000);
}

/* ---- Port status ---- */

enum ofperr
ofputil_decode_port_status(const struct ofp_header *oh,
                           struct ofputil_port_status *ps)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    const struct ofp_port_status *ops = ofpbuf_pull(&b, sizeof *ops);
    if (ops->reason != OFPPR_ADD && ops->reason != OFPPR_DELETE
        && ops->reason != OFPPR_MODIFY) {
        return OFPERR_NXBRC_BAD_REASON;
    }
    ps->reason = ops->reason;

    int retval = ofputil_pull_phy_port(oh->version, &b, &ps->desc);
    return (retval == EOF ? OFPERR_OFPBRC_BAD_LEN
            : retval ? retval
            : b.size ? OFPERR_OFPBRC_BAD_LEN
            : 0);
}

struct ofpbuf *
ofputil_encode_port_status(const struct ofputil_port_status *ps,
                           enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    enum ofpraw raw = (version == OFP10_VERSION ? OFPRAW_OFPT10_PORT_STATUS
                       : version <= OFP13_VERSION ? OFPRAW_OFPT11_PORT_STATUS
                       : OFPRAW_OFPT14_PORT_STATUS);
    struct ofpbuf *b = ofpraw_alloc_xid(raw, version, htonl(0), 0);
    struct ofp_port_status *ops = ofpbuf_put_zeros(b, sizeof *ops);

    ops->reason = ps->reason;
    ofputil_put_phy_port(version, &ps->desc, b);
    ofpmsg_update_length(b);
    return b;
}

void
ofputil_port_status_format(struct ds *s, const struct ofputil_port_status *ps,
                           const struct ofputil_port_map *map)
{
    ds_put_cstr(s, (ps->reason == OFPPR_ADD ? " ADD:"
                    : ps->reason == OFPPR_DELETE ? " DEL:"
                    : " MOD:"));
    ofputil_phy_port_format(s, &ps->desc, map);
}

enum ofperr
ofputil_port_status_print(struct ds *s, const struct ofp_header *oh,
                          const struct ofputil_port_map *map)
{
    struct ofputil_port_status ps;
    enum ofperr error = ofputil_decode_port_status(oh, &ps);
    if (!error) {
        ofputil_port_status_format(s, &ps, map);
    }
    return error;
}

/* ---- Port mod ---- */

enum ofperr
ofputil_decode_port_mod(const struct ofp_header *oh,
                        struct ofputil_port_mod *pm, bool loose)
{
    struct ofpbuf b;
    enum ofpraw raw;
    enum ofperr error;

    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    raw = ofpraw_pull_assert(&b);
    memset(pm, 0, sizeof *pm);

    if (raw == OFPRAW_OFPT10_PORT_MOD) {
        const struct ofp10_port_mod *opm = b.data;
        pm->port_no = u16_to_ofp(ntohs(opm->port_no));
        memcpy(pm->hw_addr.ea, opm->hw_addr, ETH_ADDR_LEN);
        pm->config = ntohl(opm->config) & OFPPC10_ALL;
        pm->mask = ntohl(opm->mask) & OFPPC10_ALL;
        pm->advertise = netdev_features_from_ofp10(opm->advertise);
    } else if (raw == OFPRAW_OFPT11_PORT_MOD) {
        const struct ofp11_port_mod *opm = b.data;
        error = ofputil_port_from_ofp11(opm->port_no, &pm->port_no);
        if (error) {
            return error;
        }
        memcpy(pm->hw_addr.ea, opm->hw_addr, ETH_ADDR_LEN);
        pm->config = ntohl(opm->config) & OFPPC11_ALL;
        pm->mask = ntohl(opm->mask) & OFPPC11_ALL;
        pm->advertise = ntohl(opm->advertise) & OFPPF11_ALL;
    } else {
        const struct ofp14_port_mod *opm = ofpbuf_pull(&b, sizeof *opm);
        error = ofputil_port_from_ofp11(opm->port_no, &pm->port_no);
        if (error) {
            return error;
        }
        memcpy(pm->hw_addr.ea, opm->hw_addr, ETH_ADDR_LEN);
        pm->config = ntohl(opm->config) & OFPPC11_ALL;
        pm->mask = ntohl(opm->mask) & OFPPC11_ALL;

        while (b.size > 0) {
            struct ofpbuf payload;
            uint64_t type;

            error = ofpprop_pull(&b, &payload, &type);
            if (error) {
                return error;
            }
            if (type == OFPPMPT14_ETHERNET) {
                uint32_t advertise;
                error = ofpprop_parse_u32(&payload, &advertise);
                pm->advertise = advertise & OFPPF11_ALL;
            } else {
                error = OFPPROP_UNKNOWN(loose, "port_mod", type);
            }
            if (error) {
                return error;
            }
        }
    }
    return 0;
}

struct ofpbuf *
ofputil_encode_port_mod(const struct ofputil_port_mod *pm,
                        enum ofputil_protocol protocol)
{
    enum ofp_version version = ofputil_protocol_to_ofp_version(protocol);
    struct ofpbuf *b;

    if (version == OFP10_VERSION) {
        b = ofpraw_alloc(OFPRAW_OFPT10_PORT_MOD, version, 0);
        struct ofp10_port_mod *opm = ofpbuf_put_zeros(b, sizeof *opm);
        opm->port_no = htons(ofp_to_u16(pm->port_no));
        memcpy(opm->hw_addr, pm->hw_addr.ea, ETH_ADDR_LEN);
        opm->config = htonl(pm->config & OFPPC10_ALL);
        opm->mask = htonl(pm->mask & OFPPC10_ALL);
        opm->advertise = netdev_features_to_ofp10(pm->advertise);
    } else if (version <= OFP13_VERSION) {
        b = ofpraw_alloc(OFPRAW_OFPT11_PORT_MOD, version, 0);
        struct ofp11_port_mod *opm = ofpbuf_put_zeros(b, sizeof *opm);
        opm->port_no = ofputil_port_to_ofp11(pm->port_no);
        memcpy(opm->hw_addr, pm->hw_addr.ea, ETH_ADDR_LEN);
        opm->config = htonl(pm->config & OFPPC11_ALL);
        opm->mask = htonl(pm->mask & OFPPC11_ALL);
        opm->advertise = htonl(pm->advertise);
    } else {
        b = ofpraw_alloc(OFPRAW_OFPT14_PORT_MOD, version, 0);
        struct ofp14_port_mod *opm = ofpbuf_put_zeros(b, sizeof *opm);
        opm->port_no = ofputil_port_to_ofp11(pm->port_no);
        memcpy(opm->hw_addr, pm->hw_addr.ea, ETH_ADDR_LEN);
        opm->config = htonl(pm->config & OFPPC11_ALL);
        opm->mask = htonl(pm->mask & OFPPC11_ALL);
        if (pm->advertise) {
            ofpprop_put_u32(b, OFPPMPT14_ETHERNET, pm->advertise);
        }
    }
    ofpmsg_update_length(b);
    return b;
}

void
ofputil_port_mod_format(struct ds *s, const struct ofputil_port_mod *pm,
                        const struct ofputil_port_map *map)
{
    ds_put_cstr(s, " port: ");
    ofputil_format_port(pm->port_no, map, s);
    ds_put_format(s, ": addr:"ETH_ADDR_FMT"\n", ETH_ADDR_ARGS(pm->hw_addr));

    ds_put_cstr(s, "     config: ");
    ofputil_port_config_format(s, pm->config);
    ds_put_cstr(s, "\n     mask:   ");
    ofputil_port_config_format(s, pm->mask);
    ds_put_cstr(s, "\n     advertise: ");
    if (pm->advertise) {
        ofputil_port_features_format(s, pm->advertise);
    } else {
        ds_put_cstr(s, "UNCHANGED");
    }
    ds_put_char(s, '\n');
}

enum ofperr
ofputil_port_mod_print(struct ds *s, const struct ofp_header *oh,
                       const struct ofputil_port_map *map)
{
    struct ofputil_port_mod pm;
    enum ofperr error = ofputil_decode_port_mod(oh, &pm, true);
    if (!error) {
        ofputil_port_mod_format(s, &pm, map);
    }
    return error;
}

/* ---- Port description stats ---- */

/* OF1.5 port-desc request body. */
struct ofp15_port_desc_request {
    ovs_be32 port_no;
    uint8_t pad[4];
};
BUILD_ASSERT_DECL(sizeof(struct ofp15_port_desc_request) == 8);

enum ofperr
ofputil_decode_port_desc_stats_request(const struct ofp_header *oh,
                                       ofp_port_t *portp)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    enum ofpraw raw = ofpraw_pull_assert(&b);

    if (raw == OFPRAW_OFPST15_PORT_DESC_REQUEST) {
        const struct ofp15_port_desc_request *req = b.data;
        return ofputil_port_from_ofp11(req->port_no, portp);
    }
    *portp = OFPP_NONE;
    return 0;
}

struct ofpbuf *
ofputil_encode_port_desc_stats_request(enum ofp_version version,
                                       ofp_port_t port)
{
    struct ofpbuf *b;

    if (version >= OFP15_VERSION) {
        b = ofpraw_alloc(OFPRAW_OFPST15_PORT_DESC_REQUEST, version, 0);
        struct ofp15_port_desc_request *req = ofpbuf_put_zeros(b,
                                                               sizeof *req);
        req->port_no = ofputil_port_to_ofp11(port);
    } else {
        b = ofpraw_alloc(OFPRAW_OFPST10_PORT_DESC_REQUEST, version, 0);
    }
    ofpmsg_update_length(b);
    return b;
}

void
ofputil_append_port_desc_stats_reply(const struct ofputil_phy_port *pp,
                                     struct ovs_list *replies)
{
    enum ofp_version version = ofpmp_version(replies);
    struct ofpbuf *last = ofpbuf_from_list(ovs_list_back(replies));
    size_t entry_start = last->size;

    /* Append, then move the entry to a new message if it overflowed. */
    ofputil_put_phy_port(version, pp, last);
    ofpmp_postappend(replies, entry_start);
    ofpmsg_update_length(ofpbuf_from_list(ovs_list_back(replies)));
}

enum ofperr
ofputil_port_desc_request_print(struct ds *s, const struct ofp_header *oh,
                                const struct ofputil_port_map *map)
{
    ofp_port_t port;
    enum ofperr error = ofputil_decode_port_desc_stats_request(oh, &port);
    if (!error) {
        ds_put_cstr(s, " port=");
        ofputil_format_port(port, map, s);
    }
    return error;
}

enum ofperr
ofputil_port_desc_reply_print(struct ds *s, const struct ofp_header *oh,
                              const struct ofputil_port_map *map)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    ofpraw_pull_assert(&b);

    ds_put_char(s, '\n');
    return ofputil_phy_ports_print(s, oh->version, &b, map);
}

static int
compare_phy_ports(const void *a_, const void *b_)
{
    const struct ofputil_phy_port *a = a_;
    const struct ofputil_phy_port *b = b_;
    uint16_t pa = ofp_to_u16(a->port_no);
    uint16_t pb = ofp_to_u16(b->port_no);

    return pa < pb ? -1 : pa > pb;
}

/* Formats every port description left in 'b' (a 'version' message) into
 * 's', in port number order: switches send them in any order, but people
 * read lists sorted, and LOCAL (0xfffe) then naturally comes last. */
enum ofperr
ofputil_phy_ports_print(struct ds *s, enum ofp_version version,
                        struct ofpbuf *b, const struct ofputil_port_map *map)
{
    struct ofputil_phy_port *ports = NULL;
    size_t n = 0, allocated = 0;
    enum ofperr error = 0;

    for (;;) {
        struct ofputil_phy_port pp;
        int retval = ofputil_pull_phy_port(version, b, &pp);
        if (retval) {
            error = retval == EOF ? 0 : retval;
            break;
        }
        if (n >= allocated) {
            ports = x2nrealloc(ports, &allocated, sizeof *ports);
        }
        ports[n++] = pp;
    }
    qsort(ports, n, sizeof *ports, compare_phy_ports);
    for (size_t i = 0; i < n; i++) {
        ofputil_phy_port_format(s, &ports[i], map);
    }
    free(ports);
    return error;
}

/* ---- Port statistics ---- */

enum ofperr
ofputil_decode_port_stats_request(const struct ofp_header *oh,
                                  ofp_port_t *portp)
{
    struct ofpbuf b;
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    enum ofpraw raw = ofpraw_pull_assert(&b);

    if (raw == OFPRAW_OFPST10_PORT_REQUEST) {
        const struct ofp10_port_stats_request *req = b.data;
        *portp = u16_to_ofp(ntohs(req->port_no));
        return 0;
    }
    const struct ofp11_port_stats_request *req = b.data;
    return ofputil_port_from_ofp11(req->port_no, portp);
}

struct ofpbuf *
ofputil_encode_port_stats_request(enum ofp_version version, ofp_port_t port)
{
    struct ofpbuf *b;

    if (version == OFP10_VERSION) {
        b = ofpraw_alloc(OFPRAW_OFPST10_PORT_REQUEST, version, 0);
        struct ofp10_port_stats_request *req = ofpbuf_put_zeros(b,
                                                                sizeof *req);
        req->port_no = htons(ofp_to_u16(port));
    } else {
        b = ofpraw_alloc(OFPRAW_OFPST11_PORT_REQUEST, version, 0);
        struct ofp11_port_stats_request *req = ofpbuf_put_zeros(b,
                                                                sizeof *req);
        req->port_no = ofputil_port_to_ofp11(port);
    }
    ofpmsg_update_length(b);
    return b;
}

static uint64_t
get_be64(const void *p)
{
    ovs_be64 x;
    memcpy(&x, p, sizeof x);
    return ntohll(x);
}

static void
put_be64(void *p, uint64_t x)
{
    ovs_be64 be = htonll(x);
    memcpy(p, &be, sizeof be);
}

/* The twelve counters, in the order OF1.0 to 1.3 put them on the wire. */
#define PORT_COUNTERS(PS)                                               \
    &(PS)->rx_packets, &(PS)->tx_packets, &(PS)->rx_bytes,              \
    &(PS)->tx_bytes, &(PS)->rx_dropped, &(PS)->tx_dropped,              \
    &(PS)->rx_errors, &(PS)->tx_errors, &(PS)->rx_frame_errors,         \
    &(PS)->rx_over_errors, &(PS)->rx_crc_errors, &(PS)->collisions

static void
get_counters(const uint8_t *p, struct ofputil_port_stats *ps, size_t n)
{
    uint64_t *counters[] = { PORT_COUNTERS(ps) };
    for (size_t i = 0; i < n; i++) {
        *counters[i] = get_be64(p + 8 * i);
    }
}

static void
put_counters(uint8_t *p, const struct ofputil_port_stats *ps, size_t n)
{
    struct ofputil_port_stats copy = *ps;
    uint64_t *counters[] = { PORT_COUNTERS(&copy) };
    for (size_t i = 0; i < n; i++) {
        put_be64(p + 8 * i, *counters[i]);
    }
}

static enum ofperr
pull_ofp14_port_stats(struct ofpbuf *msg, struct ofputil_port_stats *ps)
{
    struct ofpbuf props;
    const struct ofp14_port_stats *ops = pull_with_props(
        msg, sizeof *ops, offsetof(struct ofp14_port_stats, length), &props);
    if (!ops) {
        return OFPERR_OFPBRC_BAD_LEN;
    }

    ps->duration_sec = ntohl(ops->duration_sec);
    ps->duration_nsec = ntohl(ops->duration_nsec);
    get_counters((const uint8_t *) &ops->rx_packets, ps, 8);

    /* Counters that only the Ethernet property carries. */
    ps->rx_frame_errors = ps->rx_over_errors = UINT64_MAX;
    ps->rx_crc_errors = ps->collisions = UINT64_MAX;

    enum ofperr error = ofputil_port_from_ofp11(ops->port_no, &ps->port_no);
    while (!error && props.size) {
        struct ofpbuf payload;
        uint64_t type;

        error = ofpprop_pull(&props, &payload, &type);
        if (error || type != OFPPSPT14_ETHERNET) {
            continue;
        }
        /* 4 bytes of padding, then four counters. */
        if (payload.size != 36) {
            error = OFPERR_OFPBPC_BAD_LEN;
            continue;
        }
        const uint8_t *p = (const uint8_t *) payload.data + 4;
        ps->rx_frame_errors = get_be64(p);
        ps->rx_over_errors = get_be64(p + 8);
        ps->rx_crc_errors = get_be64(p + 16);
        ps->collisions = get_be64(p + 24);
    }
    return error;
}

/* Decodes the next port statistics entry from 'msg', a port stats reply
 * (whose headers the first call pulls).  Returns 0, EOF at the end, or an
 * OpenFlow error. */
int
ofputil_decode_port_stats(struct ofputil_port_stats *ps, struct ofpbuf *msg)
{
    enum ofpraw raw;
    enum ofperr error;

    memset(ps, 0, sizeof *ps);
    ps->duration_sec = ps->duration_nsec = UINT32_MAX;

    /* The first call pulls the headers; later calls find them. */
    if (!msg->header) {
        error = ofpraw_pull(&raw, msg);
    } else {
        error = ofpraw_decode(&raw, msg->header);
    }
    if (error || !msg->size) {
        return error ? error : EOF;
    }

    switch (raw) {
    case OFPRAW_OFPST10_PORT_REPLY: {
        const struct ofp10_port_stats *ops = ofpbuf_try_pull(msg,
                                                             sizeof *ops);
        if (!ops) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ps->port_no = u16_to_ofp(ntohs(ops->port_no));
        get_counters((const uint8_t *) &ops->rx_packets, ps, 12);
        return 0;
    }
    case OFPRAW_OFPST11_PORT_REPLY:
    case OFPRAW_OFPST13_PORT_REPLY: {
        const struct ofp11_port_stats *ops = ofpbuf_try_pull(msg,
                                                             sizeof *ops);
        if (!ops) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        error = ofputil_port_from_ofp11(ops->port_no, &ps->port_no);
        if (error) {
            return error;
        }
        get_counters((const uint8_t *) &ops->rx_packets, ps, 12);
        if (raw == OFPRAW_OFPST13_PORT_REPLY) {
            const ovs_be32 *d = ofpbuf_try_pull(msg, 8);
            if (!d) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
            ps->duration_sec = ntohl(d[0]);
            ps->duration_nsec = ntohl(d[1]);
        }
        return 0;
    }
    case OFPRAW_OFPST14_PORT_REPLY:
        return pull_ofp14_port_stats(msg, ps);
    default:
        return OFPERR_OFPBRC_BAD_TYPE;
    }
}

/* Returns the number of entries in port stats reply 'oh', up to the first
 * malformed one. */
size_t
ofputil_count_port_stats(const struct ofp_header *oh)
{
    struct ofpbuf msg;
    size_t count;

    ofpbuf_use_const(&msg, oh, ntohs(oh->length));
    for (count = 0; ; count++) {
        struct ofputil_port_stats ps;
        if (ofputil_decode_port_stats(&ps, &msg)) {
            return count;
        }
    }
}

void
ofputil_append_port_stat(struct ovs_list *replies,
                         const struct ofputil_port_stats *ps)
{
    enum ofp_version version = ofpmp_version(replies);

    if (version == OFP10_VERSION) {
        struct ofp10_port_stats *ops = ofpmp_append(replies, sizeof *ops);
        memset(ops, 0, sizeof *ops);
        ops->port_no = htons(ofp_to_u16(ps->port_no));
        put_counters((uint8_t *) &ops->rx_packets, ps, 12);
    } else if (version <= OFP13_VERSION) {
        size_t len = (version == OFP13_VERSION
                      ? sizeof(struct ofp13_port_stats)
                      : sizeof(struct ofp11_port_stats));
        uint8_t *p = ofpmp_append(replies, len);
        struct ofp11_port_stats *ops = (struct ofp11_port_stats *) p;
        memset(p, 0, len);
        ops->port_no = ofputil_port_to_ofp11(ps->port_no);
        put_counters((uint8_t *) &ops->rx_packets, ps, 12);
        if (version == OFP13_VERSION) {
            ovs_be32 d[2] = { htonl(ps->duration_sec),
                              htonl(ps->duration_nsec) };
            memcpy(p + sizeof *ops, d, sizeof d);
        }
    } else {
        size_t len = sizeof(struct ofp14_port_stats)
                     + sizeof(struct ofp14_port_stats_prop_ethernet);
        uint8_t *p = ofpmp_append(replies, len);
        struct ofp14_port_stats *ops = (struct ofp14_port_stats *) p;
        memset(p, 0, len);
        ops->length = htons(len);
        ops->port_no = ofputil_port_to_ofp11(ps->port_no);
        ops->duration_sec = htonl(ps->duration_sec);
        ops->duration_nsec = htonl(ps->duration_nsec);
        put_counters((uint8_t *) &ops->rx_packets, ps, 8);

        uint8_t *prop = p + sizeof *ops;
        prop[1] = OFPPSPT14_ETHERNET;
        prop[3] = sizeof(struct ofp14_port_stats_prop_ethernet);
        put_be64(prop + 8, ps->rx_frame_errors);
        put_be64(prop + 16, ps->rx_over_errors);
        put_be64(prop + 24, ps->rx_crc_errors);
        put_be64(prop + 32, ps->collisions);
    }
    ofpmsg_update_length(ofpbuf_from_list(ovs_list_back(replies)));
}

static void
format_counter(struct ds *s, const char *name, uint64_t count, bool more)
{
    if (count == UINT64_MAX) {
        ds_put_format(s, "%s=?", name);
    } else {
        ds_put_format(s, "%s=%"PRIu64, name, count);
    }
    ds_put_cstr(s, more ? ", " : "");
}

void
ofputil_format_port_stats(struct ds *s, const struct ofputil_port_stats *ps,
                          const struct ofputil_port_map *map)
{
    struct ds port = DS_EMPTY_INITIALIZER;

    ofputil_format_port(ps->port_no, map, &port);
    ds_put_format(s, "  port %2s: ", ds_cstr(&port));
    ds_destroy(&port);

    ds_put_cstr(s, "rx ");
    format_counter(s, "pkts", ps->rx_packets, true);
    format_counter(s, "bytes", ps->rx_bytes, true);
    format_counter(s, "drop", ps->rx_dropped, true);
    format_counter(s, "errs", ps->rx_errors, true);
    format_counter(s, "frame", ps->rx_frame_errors, true);
    format_counter(s, "over", ps->rx_over_errors, true);
    format_counter(s, "crc", ps->rx_crc_errors, false);

    ds_put_cstr(s, "\n           tx ");
    format_counter(s, "pkts", ps->tx_packets, true);
    format_counter(s, "bytes", ps->tx_bytes, true);
    format_counter(s, "drop", ps->tx_dropped, true);
    format_counter(s, "errs", ps->tx_errors, true);
    format_counter(s, "coll", ps->collisions, false);
    ds_put_char(s, '\n');

    if (ps->duration_sec != UINT32_MAX) {
        ds_put_cstr(s, "           duration=");
        ofp_print_duration(s, ps->duration_sec, ps->duration_nsec);
        ds_put_char(s, '\n');
    }
}

enum ofperr
ofputil_port_stats_request_print(struct ds *s, const struct ofp_header *oh,
                                 const struct ofputil_port_map *map)
{
    ofp_port_t port;
    enum ofperr error = ofputil_decode_port_stats_request(oh, &port);
    if (!error) {
        ds_put_cstr(s, " port_no=");
        ofputil_format_port(port, map, s);
    }
    return error;
}

enum ofperr
ofputil_port_stats_reply_print(struct ds *s, const struct ofp_header *oh,
                               const struct ofputil_port_map *map,
                               int verbosity OVS_UNUSED)
{
    struct ofpbuf b;

    ds_put_format(s, " %zu ports\n", ofputil_count_port_stats(oh));
    ofpbuf_use_const(&b, oh, ntohs(oh->length));
    for (;;) {
        struct ofputil_port_stats ps;
        int retval = ofputil_decode_port_stats(&ps, &b);
        if (retval) {
            return retval == EOF ? 0 : retval;
        }
        ofputil_format_port_stats(s, &ps, map);
    }
}
