/* Internet checksums (RFC 1071) and their incremental update (RFC 1624). */

#ifndef CSUM_H
#define CSUM_H 1

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include "openvswitch/types.h"

struct ip_header;
struct ovs_16aligned_ip6_hdr;

ovs_be16 csum(const void *, size_t);
uint32_t csum_add16(uint32_t partial, ovs_be16);
uint32_t csum_add32(uint32_t partial, ovs_be32);
uint32_t csum_continue(uint32_t partial, const void *, size_t);
ovs_be16 csum_finish(uint32_t partial);
ovs_be16 recalc_csum16(ovs_be16 old_csum, ovs_be16 old_u16,
                       ovs_be16 new_u16);
ovs_be16 recalc_csum32(ovs_be16 old_csum, ovs_be32 old_u32,
                       ovs_be32 new_u32);
ovs_be16 recalc_csum128(ovs_be16 old_csum, ovs_16aligned_be32 old_u32[4],
                        const struct in6_addr *);
uint32_t packet_csum_pseudoheader(const struct ip_header *);
uint32_t packet_csum_pseudoheader6(const struct ovs_16aligned_ip6_hdr *);
uint32_t crc32c(const uint8_t *, size_t);

#endif /* csum.h */
