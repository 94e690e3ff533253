/* Internet checksums.
 *
 * The Internet checksum is the ones' complement of the ones' complement
 * sum of 16-bit words.  csum_continue() accumulates a 32-bit partial sum
 * over any number of buffers and csum_finish() folds it to 16 bits.  When a
 * header field changes, recalc_csum16() and friends patch an existing
 * checksum instead of summing the whole packet again (RFC 1624). */

#include <config.h>
#include "csum.h"
#include <string.h>
#include "packets.h"
#include "unaligned.h"

/* Adds 16-bit word 'word' (in network order) to the partial sum. */
uint32_t
csum_add16(uint32_t partial, ovs_be16 word)
{
    return partial + word;
}

/* Adds both halves of 'word' to the partial sum. */
uint32_t
csum_add32(uint32_t partial, ovs_be32 word)
{
    return partial + (word >> 16) + (word & 0xffff);
}

/* Adds the 'n' bytes at 'data' to the partial sum.  An odd trailing byte
 * counts as the first byte of a zero-padded word. */
uint32_t
csum_continue(uint32_t partial, const void *data, size_t n)
{
    const uint8_t *p = data;

    while (n >= 2) {
        ovs_be16 word;

        memcpy(&word, p, 2);
        partial = csum_add16(partial, word);
        p += 2;
        n -= 2;
    }
    if (n) {
        uint8_t last[2] = { *p, 0 };
        ovs_be16 word;

        memcpy(&word, last, 2);
        partial = csum_add16(partial, word);
    }
    return partial;
}

/* Folds the carries into 16 bits and complements.  Two folds suffice: the
 * first leaves at most 0x1fffe, the second at most 0xffff. */
ovs_be16
csum_finish(uint32_t partial)
{
    uint32_t folded = (partial & 0xffff) + (partial >> 16);

    folded = (folded & 0xffff) + (folded >> 16);
    return (uint16_t) ~folded;
}

/* The checksum of the 'n' bytes at 'data'. */
ovs_be16
csum(const void *data, size_t n)
{
    return csum_finish(csum_continue(0, data, n));
}

/* Returns 'old_csum' updated for a 16-bit word changing from 'old_u16' to
 * 'new_u16' (RFC 1624, equation 3). */
ovs_be16
recalc_csum16(ovs_be16 old_csum, ovs_be16 old_u16, ovs_be16 new_u16)
{
    uint32_t sum = (uint16_t) ~old_csum;

    sum += (uint16_t) ~old_u16;
    sum += new_u16;

    /* In ones' complement 0x0000 and 0xffff are both zero, but only 0xffff
     * verifies when every other word of the data is zero, and UDP reads
     * 0x0000 as "no checksum": never produce 0x0000. */
    ovs_be16 csum = csum_finish(sum);
    return csum ? csum : htons(0xffff);
}

/* Like recalc_csum16() for a 32-bit word. */
ovs_be16
recalc_csum32(ovs_be16 old_csum, ovs_be32 old_u32, ovs_be32 new_u32)
{
    ovs_be16 c = recalc_csum16(old_csum, old_u32 >> 16, new_u32 >> 16);
    return recalc_csum16(c, old_u32 & 0xffff, new_u32 & 0xffff);
}

/* Like recalc_csum16() for a 128-bit address. */
ovs_be16
recalc_csum128(ovs_be16 old_csum, ovs_16aligned_be32 old_u32[4],
               const struct in6_addr *new_addr)
{
    ovs_be32 words[4];
    int i;

    memcpy(words, new_addr, sizeof words);
    for (i = 0; i < 4; i++) {
        old_csum = recalc_csum32(old_csum, get_16aligned_be32(&old_u32[i]),
                                 words[i]);
    }
    return old_csum;
}

/* The partial sum of the IPv4 pseudo-header that TCP and UDP cover. */
uint32_t
packet_csum_pseudoheader(const struct ip_header *ip)
{
    uint16_t ip_len = ntohs(ip->ip_tot_len) - IP_IHL(ip->ip_ihl_ver) * 4;
    uint32_t partial = 0;

    partial = csum_add32(partial, get_16aligned_be32(&ip->ip_src));
    partial = csum_add32(partial, get_16aligned_be32(&ip->ip_dst));
    partial = csum_add16(partial, htons(ip->ip_proto));
    partial = csum_add16(partial, htons(ip_len));
    return partial;
}

/* The partial sum of the IPv6 pseudo-header (without extension
 * headers).  The source and destination addresses are adjacent in the
 * header, so one pass covers both. */
uint32_t
packet_csum_pseudoheader6(const struct ovs_16aligned_ip6_hdr *ip6)
{
    uint32_t sum = csum_add16(ip6->ip6_plen, htons(ip6->ip6_nxt));

    return csum_continue(sum, &ip6->ip6_src,
                         sizeof ip6->ip6_src + sizeof ip6->ip6_dst);
}

/* CRC32C (Castagnoli), as SCTP uses, bit by bit: SCTP packets are rare
 * enough here that a table is not worth its cache footprint. */
uint32_t
crc32c(const uint8_t *data, size_t n)
{
    uint32_t crc = 0xffffffff;
    size_t i;

    for (i = 0; i < n; i++) {
        int bit;

        crc ^= data[i];
        for (bit = 0; bit < 8; bit++) {
            crc = (crc >> 1) ^ (0x82f63b78 & -(crc & 1));
        }
    }
    return ~crc;
}
