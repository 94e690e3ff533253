/* Mirrors of one bridge.
 *
 * A small fixed array of slots: a mirror keeps its slot for its whole
 * life, because slot numbers are what the "already mirrored" bitmaps of
 * translation (and of frozen closures) refer to.  Lookups scan the slots;
 * with at most 32 mirrors that costs less than any index would. */

#include <config.h>
#include "ofproto-dpif-mirror.h"

#include <errno.h>
#include <stdlib.h>
#include "bitmap.h"
#include "ofproto.h"
#include "openflow/openflow-1.0.h"
#include "openvswitch/util.h"
#include "util.h"

struct mirror {
    void *aux;                  /* Identifies the mirror; NULL: free slot. */
    bool select_all;
    ofp_port_t *srcs;
    size_t n_srcs;
    ofp_port_t *dsts;
    size_t n_dsts;
    ofp_port_t out_port;
    unsigned long *vlans;       /* VLANs selected, NULL for all. */
    int out_vlan;               /* VLAN to flood copies on, or -1. */

    /* Copies sent, as of the last statistics push.  They belong to the
     * mirror, so reconfiguring it keeps them. */
    uint64_t tx_packets;
    uint64_t tx_bytes;
};

struct mbridge {
    struct mirror mirrors[MAX_MIRRORS];
};

struct mbridge *
mbridge_create(void)
{
    return xzalloc(sizeof(struct mbridge));
}

static void
mirror_clear(struct mirror *m)
{
    free(m->srcs);
    free(m->dsts);
    bitmap_free(m->vlans);
    memset(m, 0, sizeof *m);
}

void
mbridge_destroy(struct mbridge *mb)
{
    if (mb) {
        for (int i = 0; i < MAX_MIRRORS; i++) {
            mirror_clear(&mb->mirrors[i]);
        }
        free(mb);
    }
}

static struct mirror *
mirror_find(struct mbridge *mb, void *aux)
{
    for (int i = 0; i < MAX_MIRRORS; i++) {
        if (mb->mirrors[i].aux == aux) {
            return &mb->mirrors[i];
        }
    }
    return NULL;
}

int
mbridge_register(struct mbridge *mb, void *aux,
                 const struct ofproto_mirror_settings *s)
{
    struct mirror *m;

    if (!aux || (s->out_port == OFPP_NONE
                 && (s->out_vlan < 1 || s->out_vlan > 4095))) {
        return EINVAL;
    }
    m = mirror_find(mb, aux);
    if (!m) {
        m = mirror_find(mb, NULL);
        if (!m) {
            return EFBIG;
        }
    }
    uint64_t tx_packets = m->aux ? m->tx_packets : 0;
    uint64_t tx_bytes = m->aux ? m->tx_bytes : 0;

    mirror_clear(m);
    m->aux = aux;
    m->tx_packets = tx_packets;
    m->tx_bytes = tx_bytes;
    m->select_all = s->select_all;
    m->n_srcs = s->n_srcs;
    m->srcs = s->n_srcs ? xmemdup(s->srcs, s->n_srcs * sizeof *s->srcs)
                        : NULL;
    m->n_dsts = s->n_dsts;
    m->dsts = s->n_dsts ? xmemdup(s->dsts, s->n_dsts * sizeof *s->dsts)
                        : NULL;
    m->out_port = s->out_port;
    m->out_vlan = s->out_port == OFPP_NONE ? s->out_vlan : -1;
    if (s->n_vlans) {
        m->vlans = bitmap_allocate(4096);
        for (size_t i = 0; i < s->n_vlans; i++) {
            if (s->vlans[i] < 4096) {
                bitmap_set1(m->vlans, s->vlans[i]);
            }
        }
    }
    return 0;
}

void
mbridge_unregister(struct mbridge *mb, void *aux)
{
    struct mirror *m = aux ? mirror_find(mb, aux) : NULL;

    if (m) {
        mirror_clear(m);
    }
}

bool
mbridge_has_mirrors(const struct mbridge *mb)
{
    for (int i = 0; i < MAX_MIRRORS; i++) {
        if (mb->mirrors[i].aux) {
            return true;
        }
    }
    return false;
}

static bool
port_in(ofp_port_t port, const ofp_port_t *ports, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (ports[i] == port) {
            return true;
        }
    }
    return false;
}

uint32_t
mbridge_src_mirrors(const struct mbridge *mb, ofp_port_t port)
{
    uint32_t bits = 0;

    for (int i = 0; i < MAX_MIRRORS; i++) {
        const struct mirror *m = &mb->mirrors[i];

        if (m->aux && (m->select_all || port_in(port, m->srcs, m->n_srcs))) {
            bits |= UINT32_C(1) << i;
        }
    }
    return bits;
}

uint32_t
mbridge_dst_mirrors(const struct mbridge *mb, ofp_port_t port)
{
    uint32_t bits = 0;

    for (int i = 0; i < MAX_MIRRORS; i++) {
        const struct mirror *m = &mb->mirrors[i];

        if (m->aux && (m->select_all || port_in(port, m->dsts, m->n_dsts))) {
            bits |= UINT32_C(1) << i;
        }
    }
    return bits;
}

ofp_port_t
mbridge_mirror_out(const struct mbridge *mb, int idx)
{
    const struct mirror *m = &mb->mirrors[idx];

    return m->aux ? m->out_port : OFPP_NONE;
}

bool
mbridge_is_output_port(const struct mbridge *mb, ofp_port_t port)
{
    for (int i = 0; i < MAX_MIRRORS; i++) {
        if (mb->mirrors[i].aux && mb->mirrors[i].out_port == port) {
            return true;
        }
    }
    return false;
}

void
mbridge_credit(struct mbridge *mb, uint32_t mirrors, uint64_t packets,
               uint64_t bytes)
{
    while (mirrors) {
        struct mirror *m = &mb->mirrors[ctz32(mirrors)];

        mirrors &= mirrors - 1;
        if (m->aux) {
            m->tx_packets += packets;
            m->tx_bytes += bytes;
        }
    }
}

int
mbridge_get_stats(const struct mbridge *mb, const void *aux,
                  uint64_t *packets, uint64_t *bytes)
{
    for (int i = 0; aux && i < MAX_MIRRORS; i++) {
        const struct mirror *m = &mb->mirrors[i];

        if (m->aux == aux) {
            *packets = m->tx_packets;
            *bytes = m->tx_bytes;
            return 0;
        }
    }
    return ENOENT;
}

int
mbridge_mirror_out_vlan(const struct mbridge *mb, int idx)
{
    const struct mirror *m = &mb->mirrors[idx];

    return m->aux ? m->out_vlan : -1;
}

bool
mbridge_mirror_has_vlans(const struct mbridge *mb, int idx)
{
    return mb->mirrors[idx].vlans != NULL;
}

bool
mbridge_mirror_selects_vlan(const struct mbridge *mb, int idx,
                            uint16_t vlan)
{
    const struct mirror *m = &mb->mirrors[idx];

    return !m->vlans || (vlan < 4096 && bitmap_is_set(m->vlans, vlan));
}
