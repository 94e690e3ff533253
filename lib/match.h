/* Matches: a flow plus the wildcards that say which of its bits matter.
 *
 * "struct match" is what an OpenFlow flow entry matches on.  Setters keep
 * the invariant that every bit of 'flow' outside 'wc.masks' is zero, so two
 * matches that mean the same thing compare equal byte for byte. */

#ifndef MATCH_H
#define MATCH_H 1

#include <stdbool.h>
#include <stdint.h>
#include "flow.h"

struct ds;
struct ofputil_port_map;

struct match {
    struct flow flow;
    struct flow_wildcards wc;
};

/* Initializer for a match that matches every packet. */
#define MATCH_CATCHALL_INITIALIZER { .flow = { .dl_type = 0 } }

void match_init(struct match *match, const struct flow *,
                const struct flow_wildcards *);
void match_init_catchall(struct match *match);
void match_init_exact(struct match *match, const struct flow *);
void match_zero_wildcarded_fields(struct match *match);
bool match_is_catchall(const struct match *);
bool match_equal(const struct match *match, const struct match *);
uint32_t match_hash(const struct match *match, uint32_t basis);

/* Metadata. */
void match_set_in_port(struct match *match, ofp_port_t);
void match_set_reg(struct match *match, unsigned int reg_idx, uint32_t value);
void match_set_reg_masked(struct match *match, unsigned int reg_idx,
                          uint32_t value, uint32_t mask);
void match_set_xreg(struct match *match, unsigned int xreg_idx,
                    uint64_t value);
void match_set_xreg_masked(struct match *match, unsigned int xreg_idx,
                           uint64_t value, uint64_t mask);
void match_set_metadata(struct match *match, ovs_be64 metadata);
void match_set_tun_id(struct match *match, ovs_be64 tun_id);
void match_set_metadata_masked(struct match *match, ovs_be64 metadata,
                               ovs_be64 mask);
void match_set_pkt_mark(struct match *match, uint32_t pkt_mark);
void match_set_pkt_mark_masked(struct match *match, uint32_t pkt_mark,
                               uint32_t mask);
void match_set_recirc_id(struct match *match, uint32_t value);
void match_set_ct_state(struct match *match, uint32_t ct_state);
void match_set_ct_state_masked(struct match *match, uint32_t ct_state,
                               uint32_t mask);
void match_set_ct_zone(struct match *match, uint16_t ct_zone);
void match_set_ct_mark(struct match *match, uint32_t ct_mark);
void match_set_ct_mark_masked(struct match *match, uint32_t ct_mark,
                              uint32_t mask);
void match_set_ct_label(struct match *match, ovs_u128 ct_label);
void match_set_ct_label_masked(struct match *match, ovs_u128 ct_label,
                               ovs_u128 mask);

/* Layer 2. */
void match_set_dl_type(struct match *match, ovs_be16 value);
void match_set_dl_src(struct match *match, const struct eth_addr mac);
void match_set_dl_src_masked(struct match *match, const struct eth_addr dl_src,
                             const struct eth_addr mask);
void match_set_dl_dst(struct match *match, const struct eth_addr mac);
void match_set_dl_dst_masked(struct match *match, const struct eth_addr dl_dst,
                             const struct eth_addr mask);
void match_set_dl_tci(struct match *match, ovs_be16 tci);
void match_set_dl_tci_masked(struct match *match, ovs_be16 tci, ovs_be16 mask);
void match_set_any_vid(struct match *match);
void match_set_dl_vlan(struct match *match, ovs_be16 value);
void match_set_vlan_vid(struct match *match, ovs_be16 value);
void match_set_vlan_vid_masked(struct match *match, ovs_be16 vid,
                               ovs_be16 mask);
void match_set_any_pcp(struct match *match);
void match_set_dl_vlan_pcp(struct match *match, uint8_t value);

/* Layer 3. */
void match_set_nw_src(struct match *match, ovs_be32 value);
void match_set_nw_src_masked(struct match *match, ovs_be32 ip, ovs_be32 mask);
void match_set_nw_dst(struct match *match, ovs_be32 value);
void match_set_nw_dst_masked(struct match *match, ovs_be32 ip, ovs_be32 mask);
void match_set_nw_dscp(struct match *match, uint8_t value);
void match_set_nw_ecn(struct match *match, uint8_t value);
void match_set_nw_ttl(struct match *match, uint8_t value);
void match_set_nw_proto(struct match *match, uint8_t value);
void match_set_nw_frag(struct match *match, uint8_t nw_frag);
void match_set_nw_frag_masked(struct match *match, uint8_t nw_frag,
                              uint8_t mask);
void match_set_ipv6_src(struct match *match, const struct in6_addr *addr);
void match_set_ipv6_src_masked(struct match *match,
                               const struct in6_addr *addr,
                               const struct in6_addr *mask);
void match_set_ipv6_dst(struct match *match, const struct in6_addr *addr);
void match_set_ipv6_dst_masked(struct match *match,
                               const struct in6_addr *addr,
                               const struct in6_addr *mask);
void match_set_ipv6_label(struct match *match, ovs_be32 value);
void match_set_ipv6_label_masked(struct match *match, ovs_be32 label,
                                 ovs_be32 mask);
void match_set_nd_target(struct match *match, const struct in6_addr *addr);
void match_set_nd_target_masked(struct match *match,
                                const struct in6_addr *target,
                                const struct in6_addr *mask);
void match_set_arp_opcode_masked(struct match *match, uint8_t opcode,
                                 uint8_t mask);
void match_set_arp_sha(struct match *match, const struct eth_addr mac);
void match_set_arp_sha_masked(struct match *match, const struct eth_addr,
                              const struct eth_addr mask);
void match_set_arp_tha(struct match *match, const struct eth_addr mac);
void match_set_arp_tha_masked(struct match *match, const struct eth_addr,
                              const struct eth_addr mask);

/* Layer 4. */
void match_set_tp_src(struct match *match, ovs_be16 value);
void match_set_tp_src_masked(struct match *match, ovs_be16 port,
                             ovs_be16 mask);
void match_set_tp_dst(struct match *match, ovs_be16 value);
void match_set_tp_dst_masked(struct match *match, ovs_be16 port,
                             ovs_be16 mask);
void match_set_tcp_flags(struct match *match, ovs_be16 value);
void match_set_tcp_flags_masked(struct match *match, ovs_be16 flags,
                                ovs_be16 mask);
void match_set_icmp_type(struct match *match, uint8_t value);
void match_set_icmp_code(struct match *match, uint8_t value);

/* Text.  'port_map' may be NULL; ports are then printed by number or
 * reserved name. */
void match_format(const struct match *match,
                  const struct ofputil_port_map *port_map, struct ds *out,
                  int priority);
char *match_to_string(const struct match *match,
                      const struct ofputil_port_map *port_map, int priority);
void match_print(const struct match *match,
                 const struct ofputil_port_map *port_map);

#endif /* match.h */
