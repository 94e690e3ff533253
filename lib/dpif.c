/* The datapath interface: what is common to every datapath.
 *
 * The userspace datapath itself is datapath/dpif-netdev.c; this file
 * holds what does not depend on how a datapath works, such as the text
 * form of a cached flow that "ovs-appctl dpif/dump-flows" prints. */

#include <config.h>
#include "dpif.h"
#include <inttypes.h>
#include <string.h>
#include "odp-util.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "packets.h"
#include "timeval.h"

/* Metadata keys, in the order Open vSwitch prints them before in_port. */
static void
format_metadata(struct ds *s, const struct dpif_flow *f)
{
    static const struct {
        size_t ofs, size;
    } fields[] = {
#define M(MEMBER) { offsetof(struct flow, MEMBER), \
                    sizeof ((struct flow *) 0)->MEMBER }
        M(skb_priority), M(pkt_mark), M(ct_state), M(ct_zone), M(ct_mark),
        M(ct_label), M(recirc_id), M(dp_hash),
#undef M
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(fields); i++) {
        struct flow_wildcards one;
        size_t start = s->length;

        flow_wildcards_init_catchall(&one);
        memcpy((char *) &one.masks + fields[i].ofs,
               (const char *) &f->mask.masks + fields[i].ofs,
               fields[i].size);
        if (is_all_zeros((const char *) &one.masks + fields[i].ofs,
                         fields[i].size)) {
            continue;
        }
        odp_flow_format(&f->key, &one, s);
        if (s->length > start) {
            ds_put_char(s, ',');
        }
    }
}

void
dpif_flow_format(const struct dpif_flow *f, struct ds *s)
{
    struct flow_wildcards rest = f->mask;
    size_t start;

    format_metadata(s, f);
    ds_put_format(s, "in_port(%"PRIu32"),packet_type(ns=0,id=0),",
                  odp_to_u32(f->key.in_port.odp_port));

    /* Everything else, with the metadata already printed left out. */
    rest.masks.skb_priority = 0;
    rest.masks.pkt_mark = 0;
    rest.masks.ct_state = 0;
    rest.masks.ct_zone = 0;
    rest.masks.ct_mark = 0;
    memset(&rest.masks.ct_label, 0, sizeof rest.masks.ct_label);
    rest.masks.recirc_id = 0;
    rest.masks.dp_hash = 0;
    rest.masks.in_port.odp_port = 0;
    start = s->length;
    odp_flow_format(&f->key, &rest, s);
    if (s->length == start) {
        ds_chomp(s, ',');
    }

    ds_put_format(s, ", packets:%"PRIu64", bytes:%"PRIu64", used:",
                  f->stats.n_packets, f->stats.n_bytes);
    if (f->stats.used) {
        long long int age = time_msec() - f->stats.used;

        ds_put_format(s, "%.3fs", (age > 0 ? age : 0) / 1000.0);
    } else {
        ds_put_cstr(s, "never");
    }
    if (f->stats.tcp_flags) {
        static const struct {
            uint16_t bit;
            char c;
        } flags[] = {
            { TCP_SYN, 'S' }, { TCP_FIN, 'F' }, { TCP_PSH, 'P' },
            { TCP_RST, 'R' }, { TCP_URG, 'U' }, { TCP_ACK, '.' },
            { TCP_ECE, 'E' }, { TCP_CWR, 'C' }, { TCP_NS, 'N' },
        };
        size_t i;

        ds_put_cstr(s, ", flags:");
        for (i = 0; i < ARRAY_SIZE(flags); i++) {
            if (f->stats.tcp_flags & flags[i].bit) {
                ds_put_char(s, flags[i].c);
            }
        }
    }
    ds_put_cstr(s, ", actions:");
    format_odp_actions(s, f->actions, f->actions_len);
}
