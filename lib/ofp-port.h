/*
 * OpenFlow ports: numbers and names, port descriptions, and the messages
 * about ports (port-status, port-mod, port-desc and port stats).
 *
 * Internally a port number is an ofp_port_t (16 bits, OpenFlow 1.0's
 * space); OpenFlow 1.1+ 32-bit numbers are mapped into it, reserved ports
 * by subtracting OFPP11_OFFSET.
 */

#ifndef OFP_PORT_H
#define OFP_PORT_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "netdev-features.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openvswitch/hmap.h"
#include "openvswitch/types.h"
#include "packets.h"

struct ds;
struct ofpbuf;
struct ovs_list;

/* Port numbers. */
enum ofperr ofputil_port_from_ofp11(ovs_be32 ofp11_port, ofp_port_t *);
ovs_be32 ofputil_port_to_ofp11(ofp_port_t);
enum ofperr ofputil_check_output_port(ofp_port_t, ofp_port_t max_ports);

/* A two-way map between port numbers and names, used to print and parse
 * port names.  A name that maps to more than one number (or a number with
 * more than one name) is remembered as ambiguous and not used. */
struct ofputil_port_map {
    struct hmap by_name;
    struct hmap by_number;
};
#define OFPUTIL_PORT_MAP_INITIALIZER(MAP) \
    { HMAP_INITIALIZER(&(MAP)->by_name), HMAP_INITIALIZER(&(MAP)->by_number) }

void ofputil_port_map_init(struct ofputil_port_map *);
void ofputil_port_map_put(struct ofputil_port_map *, ofp_port_t,
                          const char *name);
const char *ofputil_port_map_get_name(const struct ofputil_port_map *,
                                      ofp_port_t);
ofp_port_t ofputil_port_map_get_number(const struct ofputil_port_map *,
                                       const char *name);
void ofputil_port_map_destroy(struct ofputil_port_map *);

/* Text.  ofputil_port_from_string() accepts a reserved name (IN_PORT,
 * TABLE, NORMAL, FLOOD, ALL, CONTROLLER, LOCAL, ANY or NONE), a number, or
 * a name known to 'map' (which may be NULL); names may be in double
 * quotes. */
bool ofputil_port_from_string(const char *, const struct ofputil_port_map *,
                              ofp_port_t *portp);
const char *ofputil_port_get_reserved_name(ofp_port_t);
void ofputil_format_port(ofp_port_t, const struct ofputil_port_map *,
                         struct ds *);
void ofputil_port_to_string(ofp_port_t, const struct ofputil_port_map *,
                            char *namebuf, size_t bufsize);

/* Abstract port configuration (OpenFlow 1.0 bit positions). */
enum ofputil_port_config {
    OFPUTIL_PC_PORT_DOWN = 1 << 0,
    OFPUTIL_PC_NO_STP = 1 << 1,         /* OF1.0 only. */
    OFPUTIL_PC_NO_RECV = 1 << 2,
    OFPUTIL_PC_NO_RECV_STP = 1 << 3,    /* OF1.0 only. */
    OFPUTIL_PC_NO_FLOOD = 1 << 4,       /* OF1.0 only. */
    OFPUTIL_PC_NO_FWD = 1 << 5,
    OFPUTIL_PC_NO_PACKET_IN = 1 << 6,
};

/* Abstract port state. */
enum ofputil_port_state {
    OFPUTIL_PS_LINK_DOWN = 1 << 0,
    OFPUTIL_PS_BLOCKED = 1 << 1,        /* OF1.1+ */
    OFPUTIL_PS_LIVE = 1 << 2,           /* OF1.1+ */

    /* Spanning tree state (OF1.0 only). */
    OFPUTIL_PS_STP_LISTEN = 0 << 8,
    OFPUTIL_PS_STP_LEARN = 1 << 8,
    OFPUTIL_PS_STP_FORWARD = 2 << 8,
    OFPUTIL_PS_STP_BLOCK = 3 << 8,
    OFPUTIL_PS_STP_MASK = 3 << 8,
};

/* A port description. */
struct ofputil_phy_port {
    ofp_port_t port_no;
    char name[OFP_MAX_PORT_NAME_LEN];   /* Null-terminated. */
    struct eth_addr hw_addr;
    enum ofputil_port_state state;
    enum ofputil_port_config config;

    enum netdev_features curr, advertised, supported, peer;
    uint32_t curr_speed;        /* kbps. */
    uint32_t max_speed;         /* kbps. */
};

/* Decodes the next port description of a 'version' message from 'b'.
 * Returns 0, EOF when 'b' is empty, or an OpenFlow error. */
int ofputil_pull_phy_port(enum ofp_version, struct ofpbuf *b,
                          struct ofputil_phy_port *);
void ofputil_put_phy_port(enum ofp_version, const struct ofputil_phy_port *,
                          struct ofpbuf *);
size_t ofputil_count_phy_ports(enum ofp_version, struct ofpbuf *);
void ofputil_phy_port_format(struct ds *, const struct ofputil_phy_port *,
                             const struct ofputil_port_map *);
enum ofperr ofputil_phy_ports_print(struct ds *, enum ofp_version,
                                    struct ofpbuf *,
                                    const struct ofputil_port_map *);
void ofputil_port_config_format(struct ds *, enum ofputil_port_config);
void ofputil_port_state_format(struct ds *, enum ofputil_port_state);
void ofputil_port_features_format(struct ds *, enum netdev_features);

/* Port status. */
enum ofputil_port_status_reason {
    OFPUTIL_PPR_ADD = OFPPR_ADD,
    OFPUTIL_PPR_DELETE = OFPPR_DELETE,
    OFPUTIL_PPR_MODIFY = OFPPR_MODIFY,
};

struct ofputil_port_status {
    enum ofp_port_reason reason;        /* OFPPR_ADD, _DELETE, _MODIFY. */
    struct ofputil_phy_port desc;
};

enum ofperr ofputil_decode_port_status(const struct ofp_header *oh,
                                       struct ofputil_port_status *ps);
struct ofpbuf *ofputil_encode_port_status(
    const struct ofputil_port_status *ps, enum ofputil_protocol protocol);
void ofputil_port_status_format(struct ds *s,
                                const struct ofputil_port_status *ps,
                                const struct ofputil_port_map *map);

/* Port mod. */
struct ofputil_port_mod {
    ofp_port_t port_no;
    struct eth_addr hw_addr;            /* Must match the port's. */
    enum ofputil_port_config mask;      /* Bits of 'config' to change. */
    enum ofputil_port_config config;
    enum netdev_features advertise;     /* 0: leave unchanged. */
};

enum ofperr ofputil_decode_port_mod(const struct ofp_header *oh,
                                    struct ofputil_port_mod *pm, bool loose);
struct ofpbuf *ofputil_encode_port_mod(const struct ofputil_port_mod *pm,
                                       enum ofputil_protocol protocol);
void ofputil_port_mod_format(struct ds *s, const struct ofputil_port_mod *pm,
                             const struct ofputil_port_map *map);

/* Port description stats. */
enum ofperr ofputil_decode_port_desc_stats_request(const struct ofp_header *,
                                                   ofp_port_t *portp);
struct ofpbuf *ofputil_encode_port_desc_stats_request(enum ofp_version,
                                                      ofp_port_t);
void ofputil_append_port_desc_stats_reply(const struct ofputil_phy_port *,
                                          struct ovs_list *replies);

/* Port statistics. */
struct ofputil_port_stats {
    ofp_port_t port_no;
    uint64_t rx_packets, tx_packets;
    uint64_t rx_bytes, tx_bytes;
    uint64_t rx_dropped, tx_dropped;
    uint64_t rx_errors, tx_errors;
    uint64_t rx_frame_errors, rx_over_errors, rx_crc_errors;
    uint64_t collisions;
    uint32_t duration_sec;      /* UINT32_MAX if unknown. */
    uint32_t duration_nsec;
};

enum ofperr ofputil_decode_port_stats_request(const struct ofp_header *,
                                              ofp_port_t *portp);
struct ofpbuf *ofputil_encode_port_stats_request(enum ofp_version,
                                                 ofp_port_t);
int ofputil_decode_port_stats(struct ofputil_port_stats *, struct ofpbuf *);
size_t ofputil_count_port_stats(const struct ofp_header *);
void ofputil_append_port_stat(struct ovs_list *replies,
                              const struct ofputil_port_stats *);
void ofputil_format_port_stats(struct ds *, const struct ofputil_port_stats *,
                               const struct ofputil_port_map *);

/* Printing whole messages (used by lib/ofp-print.c). */
enum ofperr ofputil_port_status_print(struct ds *, const struct ofp_header *,
                                      const struct ofputil_port_map *);
enum ofperr ofputil_port_mod_print(struct ds *, const struct ofp_header *,
                                   const struct ofputil_port_map *);
enum ofperr ofputil_port_desc_request_print(struct ds *,
                                            const struct ofp_header *,
                                            const struct ofputil_port_map *);
enum ofperr ofputil_port_desc_reply_print(struct ds *,
                                          const struct ofp_header *,
                                          const struct ofputil_port_map *);
enum ofperr ofputil_port_stats_request_print(struct ds *,
                                             const struct ofp_header *,
                                             const struct ofputil_port_map *);
enum ofperr ofputil_port_stats_reply_print(struct ds *,
                                           const struct ofp_header *,
                                           const struct ofputil_port_map *,
                                           int verbosity);

#endif /* ofp-port.h */
