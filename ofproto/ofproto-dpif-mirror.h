/* Port mirroring for one bridge.
 *
 * A mirror selects packets by the port they arrive on ('srcs'), the
 * port they leave by ('dsts') or all of them, optionally only those on
 * some VLANs, and sends a copy of each selected packet to its output
 * port, or floods it, tagged, on its output VLAN.  A bridge has at most
 * MAX_MIRRORS mirrors, numbered by slot, so that a set of mirrors fits in
 * a uint32_t bitmap: translation remembers in such a bitmap which mirrors
 * already got a copy
 * of the packet, and a closure carries it across a pause. */

#ifndef OFPROTO_DPIF_MIRROR_H
#define OFPROTO_DPIF_MIRROR_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"

#define MAX_MIRRORS 32

struct mbridge;
struct ofproto_mirror_settings;

struct mbridge *mbridge_create(void);
void mbridge_destroy(struct mbridge *);

/* Adds or reconfigures the mirror identified by 'aux'.  Returns 0, EFBIG
 * when every slot is in use, or EINVAL for a mirror without an output
 * port or VLAN. */
int mbridge_register(struct mbridge *, void *aux,
                     const struct ofproto_mirror_settings *);
void mbridge_unregister(struct mbridge *, void *aux);

bool mbridge_has_mirrors(const struct mbridge *);

/* Bitmaps of the mirrors that select packets received on 'port' and sent
 * to 'port'. */
uint32_t mbridge_src_mirrors(const struct mbridge *, ofp_port_t port);
uint32_t mbridge_dst_mirrors(const struct mbridge *, ofp_port_t port);

/* Output port of mirror 'idx', OFPP_NONE for an empty slot or a mirror
 * that outputs to a VLAN instead. */
ofp_port_t mbridge_mirror_out(const struct mbridge *, int idx);

/* The VLAN mirror 'idx' floods its copies on, or -1. */
int mbridge_mirror_out_vlan(const struct mbridge *, int idx);

/* Whether mirror 'idx' selects by VLAN (select_vlan), and whether it
 * selects packets on 'vlan' (0 for untagged packets). */
bool mbridge_mirror_has_vlans(const struct mbridge *, int idx);
bool mbridge_mirror_selects_vlan(const struct mbridge *, int idx,
                                 uint16_t vlan);

/* True if 'port' is some mirror's output port (such ports take no part in
 * NORMAL forwarding). */
bool mbridge_is_output_port(const struct mbridge *, ofp_port_t port);

/* Statistics: each mirror in bitmap 'mirrors' sent 'packets' more copies
 * of 'bytes' bytes in all.  Empty slots are ignored (a mirror removed
 * since the copies were made). */
void mbridge_credit(struct mbridge *, uint32_t mirrors, uint64_t packets,
                    uint64_t bytes);

/* Stores the copies the mirror identified by 'aux' sent so far in
 * '*packets' and '*bytes' and returns 0, or returns ENOENT if there is no
 * such mirror. */
int mbridge_get_stats(const struct mbridge *, const void *aux,
                      uint64_t *packets, uint64_t *bytes);

#endif /* ofproto-dpif-mirror.h */
