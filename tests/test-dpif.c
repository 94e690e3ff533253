/* Unit tests of the datapath layer: datapath actions (text, execution,
 * commit), netlink attributes, the dummy netdev and the userspace
 * datapath.
 *
 *   odp-actions               action text per line -> parse -> print
 *   execute FLOW ACTIONS      composes a packet from datapath flow text,
 *                             executes ACTIONS on it and prints each
 *                             output's port, headers and checksum state
 *   commit                    lines "BASE | FLOW | WC": prints the actions
 *                             commit_odp_actions() emits and the updated
 *                             wildcards
 *   dpif                      runs a script of datapath commands from
 *                             stdin (see run_dpif_script())
 *   pcap FILE                 prints each packet of FILE as a flow
 *   csum-complete FLOW        composes a TCP/UDP packet, replaces its
 *                             checksum with what offload leaves behind,
 *                             completes it and checks the result
 *   tso FLOW BYTES MSS        composes a TCP frame carrying BYTES of
 *                             payload, cuts it into MSS-sized segments
 *                             and prints each
 *   netlink                   exercises attribute building and walking */

#include <config.h>
#include <errno.h>
#include <linux/openvswitch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "csum.h"
#include "dp-packet.h"
#include "dpctl.h"
#include "dpif.h"
#include "flow.h"
#include "netdev.h"
#include "netdev-provider.h"
#include "netlink.h"
#include "odp-execute.h"
#include "odp-util.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "openvswitch/poll-loop.h"
#include "packets.h"
#include "pcap-file.h"
#include "timeval.h"
#include "unixctl.h"

static void
for_each_line(void (*cb)(char *, void *), void *aux)
{
    struct ds line = DS_EMPTY_INITIALIZER;

    while (!ds_get_line(&line, stdin)) {
        char *s = ds_cstr(&line);

        if (*s && *s != '#') {
            cb(s, aux);
        }
        fflush(stdout);
    }
    ds_destroy(&line);
}

/* ----- odp-actions ---------------------------------------------------- */

static void
do_odp_actions(char *s, void *aux OVS_UNUSED)
{
    struct ofpbuf actions;
    char *error;

    ofpbuf_init(&actions, 64);
    error = odp_actions_from_string(s, &actions);
    if (error) {
        printf("error: %s\n", error);
        free(error);
    } else {
        struct ds out = DS_EMPTY_INITIALIZER;
        int verdict = odp_actions_validate(actions.data, actions.size);

        format_odp_actions(&out, actions.data, actions.size);
        printf("%s%s\n", ds_cstr(&out),
               verdict ? " (invalid)" : "");
        ds_destroy(&out);
    }
    ofpbuf_uninit(&actions);
}

/* ----- execute -------------------------------------------------------- */

/* Returns "ok" or "BAD" for the IPv4 header and L4 checksums. */
static void
check_checksums(struct dp_packet *packet, struct ds *s)
{
    struct flow flow;
    uint8_t *l4;
    size_t l4_size;

    flow_extract(packet, &flow);
    l4 = dp_packet_l4(packet);
    l4_size = dp_packet_l4_size(packet);
    if (flow.dl_type == htons(ETH_TYPE_IP)) {
        const struct ip_header *ip = dp_packet_l3(packet);

        ds_put_format(s, " ip_csum:%s",
                      csum(ip, IP_IHL(ip->ip_ihl_ver) * 4) ? "BAD" : "ok");
    }
    if (!l4 || !is_ip_any(&flow)) {
        return;
    }
    if (flow.nw_proto == IPPROTO_TCP || flow.nw_proto == IPPROTO_UDP
        || flow.nw_proto == IPPROTO_ICMPV6) {
        uint32_t partial = (flow.dl_type == htons(ETH_TYPE_IP)
                            ? packet_csum_pseudoheader(dp_packet_l3(packet))
                            : packet_csum_pseudoheader6(
                                  dp_packet_l3(packet)));
        ds_put_format(s, " l4_csum:%s",
                      csum_finish(csum_continue(partial, l4, l4_size))
                      ? "BAD" : "ok");
    } else if (flow.nw_proto == IPPROTO_ICMP) {
        ds_put_format(s, " l4_csum:%s", csum(l4, l4_size) ? "BAD" : "ok");
    }
}

static void
print_packet(const char *prefix, struct dp_packet *packet)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct flow flow;

    flow_extract(packet, &flow);
    flow.in_port.odp_port = 0;
    ds_put_cstr(&s, prefix);
    odp_flow_format(&flow, NULL, &s);
    check_checksums(packet, &s);
    printf("%s\n", ds_cstr(&s));
    ds_destroy(&s);
}

static void
execute_cb(void *aux OVS_UNUSED, struct dp_packet *packet,
           const struct nlattr *a)
{
    char prefix[64];

    switch (nl_attr_type(a)) {
    case OVS_ACTION_ATTR_OUTPUT:
        snprintf(prefix, sizeof prefix, "output %"PRIu32": ",
                 nl_attr_get_u32(a));
        break;
    case OVS_ACTION_ATTR_RECIRC:
        snprintf(prefix, sizeof prefix, "recirc %#"PRIx32": ",
                 nl_attr_get_u32(a));
        break;
    default:
        snprintf(prefix, sizeof prefix, "action %d: ", nl_attr_type(a));
        break;
    }
    print_packet(prefix, packet);
    if (packet->md.skb_priority || packet->md.pkt_mark) {
        printf("  skb_priority=%#"PRIx32" skb_mark=%#"PRIx32"\n",
               packet->md.skb_priority, packet->md.pkt_mark);
    }
}

static struct dp_packet *
packet_from_flow_text(const char *s)
{
    struct dp_packet *packet;
    struct flow flow;
    char *error = odp_flow_from_string(s, &flow, NULL);

    if (error) {
        ovs_fatal(0, "%s: %s", s, error);
    }
    packet = dp_packet_new(0);
    flow_compose(packet, &flow);
    return packet;
}

static void
test_execute(const char *flow_s, const char *actions_s)
{
    struct dp_packet *packet = packet_from_flow_text(flow_s);
    struct ofpbuf actions;
    struct flow md;
    char *error;

    ofpbuf_init(&actions, 64);
    error = odp_actions_from_string(actions_s, &actions);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    flow_extract(packet, &md);
    print_packet("input: ", packet);
    odp_execute_actions(NULL, packet, &md, actions.data, actions.size,
                        execute_cb);
    ofpbuf_uninit(&actions);
    dp_packet_delete(packet);
}

/* ----- commit --------------------------------------------------------- */

static void
do_commit(char *line, void *aux OVS_UNUSED)
{
    char *base_s = line, *flow_s, *wc_s;
    struct flow base, flow, wc_flow;
    struct flow_wildcards wc;
    struct ofpbuf actions;
    struct ds s = DS_EMPTY_INITIALIZER;
    char *error;

    flow_s = strchr(base_s, '|');
    wc_s = flow_s ? strchr(flow_s + 1, '|') : NULL;
    if (!wc_s) {
        printf("error: expected BASE | FLOW | WC\n");
        return;
    }
    *flow_s++ = '\0';
    *wc_s++ = '\0';
    error = odp_flow_from_string(base_s, &base, NULL);
    if (!error) {
        error = odp_flow_from_string(flow_s, &flow, NULL);
    }
    if (!error) {
        error = odp_flow_from_string(wc_s, &wc_flow, &wc);
    }
    if (error) {
        printf("error: %s\n", error);
        free(error);
        return;
    }

    ofpbuf_init(&actions, 64);
    commit_odp_actions(&flow, &base, &actions, &wc);
    ds_put_cstr(&s, "actions: ");
    format_odp_actions(&s, actions.data, actions.size);
    ds_put_cstr(&s, "\nwc: ");
    odp_flow_format(&flow, &wc, &s);
    ds_put_format(&s, "\nbase %s flow\n",
                  flow_equal(&base, &flow) ? "==" : "!=");
    fputs(ds_cstr(&s), stdout);
    ds_destroy(&s);

    /* Committing again must emit nothing. */
    ofpbuf_clear(&actions);
    commit_odp_actions(&flow, &base, &actions, &wc);
    if (actions.size) {
        printf("second commit was not empty\n");
    }
    ofpbuf_uninit(&actions);
}

/* ----- dpif script ---------------------------------------------------- */

/* An upcall rule: upcalls whose key matches 'key' under 'mask' are
 * answered with 'actions', and the result is cached if 'install'. */
struct upcall_rule {
    struct flow key;            /* Already masked. */
    struct flow_wildcards mask;
    struct ofpbuf actions;
    bool install;
};

struct script {
    struct dpif *dpif;
    struct upcall_rule *rules; /* From "rule", tried before 'actions'. */
    size_t n_rules;
    struct ofpbuf actions;      /* What the next upcalls answer. */
    bool cross;                 /* Answer "output to the other port of
                                 * ports 1 and 2" instead. */
    bool install;
    struct flow_wildcards wc;
    struct netdev *netdevs[16];
    size_t n_netdevs;
    struct unixctl_server *unixctl;     /* From "unixctl PATH", or NULL. */
};

static bool flow_equal_except_masked(const struct flow *,
                                     const struct flow *,
                                     const struct flow_wildcards *);

static void
upcall_cb(const struct dpif_upcall *upcall, struct dpif_upcall_result *res,
          void *aux)
{
    struct script *sc = aux;
    struct ds s = DS_EMPTY_INITIALIZER;

    odp_flow_format(&upcall->flow, NULL, &s);
    printf("upcall: %s\n", ds_cstr(&s));
    ds_destroy(&s);
    if (sc->n_rules) {
        size_t i;

        for (i = 0; i < sc->n_rules; i++) {
            const struct upcall_rule *rule = &sc->rules[i];

            if (flow_equal_except_masked(&upcall->flow, &rule->key,
                                         &rule->mask)) {
                res->wc = rule->mask;
                res->install = rule->install;
                ofpbuf_put(res->actions, rule->actions.data,
                           rule->actions.size);
                return;
            }
        }
        printf("no rule matches: drop\n");
        return;
    }
    res->wc = sc->wc;
    res->install = sc->install;
    if (sc->cross) {
        uint32_t in_port = odp_to_u32(upcall->flow.in_port.odp_port);

        nl_msg_put_u32(res->actions, OVS_ACTION_ATTR_OUTPUT, 3 - in_port);
        res->wc.masks.in_port.odp_port = u32_to_odp(UINT32_MAX);
    } else {
        ofpbuf_put(res->actions, sc->actions.data, sc->actions.size);
    }
}

/* Adds a rule from "install|slow FLOW ACTIONS". */
static void
script_add_rule(struct script *sc, char *save)
{
    char *mode = strtok_r(NULL, " ", &save);
    char *flow_s = strtok_r(NULL, " ", &save);
    struct upcall_rule *rule;
    char *error;

    if (!mode || !flow_s || !save || !*save) {
        ovs_fatal(0, "usage: rule install|slow FLOW ACTIONS");
    }
    sc->rules = xrealloc(sc->rules, (sc->n_rules + 1) * sizeof *sc->rules);
    rule = &sc->rules[sc->n_rules++];
    rule->install = strcmp(mode, "slow") != 0;
    error = odp_flow_from_string(flow_s, &rule->key, &rule->mask);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    ofpbuf_init(&rule->actions, 64);
    error = odp_actions_from_string(save, &rule->actions);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
}

/* Does 'a' agree with the masked key 'b' on every bit of 'mask'? */
static bool
flow_equal_except_masked(const struct flow *a, const struct flow *b,
                         const struct flow_wildcards *mask)
{
    const uint8_t *ap = (const uint8_t *) a;
    const uint8_t *bp = (const uint8_t *) b;
    const uint8_t *mp = (const uint8_t *) &mask->masks;
    size_t i;

    for (i = 0; i < sizeof *a; i++) {
        if ((ap[i] ^ bp[i]) & mp[i]) {
            return false;
        }
    }
    return true;
}

static int
compare_strings(const void *a_, const void *b_)
{
    const char *const *a = a_;
    const char *const *b = b_;

    return strcmp(*a, *b);
}

struct dump_aux {
    char **lines;
    size_t n, allocated;
};

static void
dump_cb(const struct dpif_flow *f, void *aux_)
{
    struct dump_aux *aux = aux_;
    struct ds s = DS_EMPTY_INITIALIZER;

    dpif_flow_format(f, &s);
    if (aux->n >= aux->allocated) {
        aux->lines = x2nrealloc(aux->lines, &aux->allocated,
                                sizeof *aux->lines);
    }
    aux->lines[aux->n++] = ds_steal_cstr(&s);
}

static void
script_dump(struct script *sc)
{
    struct dump_aux aux = { NULL, 0, 0 };
    size_t i;

    dpif_flow_dump(sc->dpif, dump_cb, &aux);
    qsort(aux.lines, aux.n, sizeof *aux.lines, compare_strings);
    for (i = 0; i < aux.n; i++) {
        /* "used:" depends on the clock: show only whether it is set. */
        char *used = strstr(aux.lines[i], "used:");
        if (used && strncmp(used, "used:never", 10)) {
            char *end = strchr(used, ',');
            printf("%.*sused:set%s\n", (int) (used - aux.lines[i]),
                   aux.lines[i], end ? end : "");
        } else {
            printf("%s\n", aux.lines[i]);
        }
        free(aux.lines[i]);
    }
    free(aux.lines);
    printf("flows: %zu\n", dpif_flow_count(sc->dpif));
}

static struct netdev *
script_netdev(struct script *sc, const char *name)
{
    size_t i;

    for (i = 0; i < sc->n_netdevs; i++) {
        if (!strcmp(netdev_get_name(sc->netdevs[i]), name)) {
            return sc->netdevs[i];
        }
    }
    ovs_fatal(0, "%s: no such port", name);
}

/* Script commands, one per line:
 *   add-port NAME [type=TYPE] [KEY=VALUE...]
 *                                  netdev (dummy by default) with those
 *                                  options
 *   upcall cross                   next upcalls output ports 1 and 2 to
 *                                  each other, installing a flow
 *   run-for MSEC                   runs the datapath's main loop
 *   run-until FILE MSEC            the same, stopping early once FILE
 *                                  exists
 *   unixctl PATH                   serves unixctl commands (such as
 *                                  netdev-dummy/receive) at PATH while
 *                                  running
 *   del-port NUMBER
 *   upcall install|slow WC ACTIONS  what the next upcalls answer (WC is a
 *                                  masked datapath flow, or "-")
 *   receive NAME FLOW              queues a packet on dummy NAME
 *   receive-hex NAME HEX           the same, with the packet in hex
 *   rule install|slow FLOW ACTIONS from now on, upcalls are answered by
 *                                  the first rule whose (masked) FLOW
 *                                  matches, and dropped if none does
 *   dpctl CMD [ARG...]             runs dpctl/CMD (lib/dpctl.h) and
 *                                  prints its output or error
 *   run                            dpif_run()
 *   execute IN_PORT FLOW ACTIONS   dpif_execute()
 *   dump                           the cached flows, sorted
 *   flush
 *   stats                          hit and missed counters
 *   del FLOW                       dpif_flow_del() of the flow whose
 *                                  masked key and mask the text gives */
static void
do_dpif_line(char *line, void *sc_)
{
    struct script *sc = sc_;
    char *save = NULL;
    char *cmd = strtok_r(line, " ", &save);

    printf("# %s%s%s\n", cmd, *save ? " " : "", save);
    if (!strcmp(cmd, "add-port")) {
        const char *name = strtok_r(NULL, " ", &save);
        struct netdev *netdev;
        struct smap args = SMAP_INITIALIZER(&args);
        odp_port_t port_no = ODPP_NONE;
        char *opt, *err = NULL;
        const char *type;
        int error;

        while ((opt = strtok_r(NULL, " ", &save)) != NULL) {
            char *eq = strchr(opt, '=');
            if (eq) {
                *eq = '\0';
                smap_add(&args, opt, eq + 1);
            }
        }
        type = smap_get_def(&args, "type", "dummy");
        error = netdev_open(name, type, &netdev);
        if (error) {
            ovs_fatal(error, "%s: open failed", name);
        }
        smap_remove(&args, "type");
        error = netdev_set_config(netdev, &args, &err);
        if (error) {
            printf("set_config: %s\n", err);
        }
        free(err);
        smap_destroy(&args);
        error = dpif_port_add(sc->dpif, netdev, &port_no);
        printf("%s: port %"PRIu32" (%s)\n", name, odp_to_u32(port_no),
               error ? ovs_strerror(error) : "ok");
        sc->netdevs[sc->n_netdevs++] = netdev;
    } else if (!strcmp(cmd, "del-port")) {
        int error = dpif_port_del(sc->dpif,
                                  u32_to_odp(atoi(strtok_r(NULL, " ",
                                                           &save))));
        printf("del-port: %s\n", error ? ovs_strerror(error) : "ok");
    } else if (!strcmp(cmd, "upcall")) {
        const char *mode = strtok_r(NULL, " ", &save);
        const char *wc_s = strtok_r(NULL, " ", &save);
        char *error;

        sc->install = strcmp(mode, "slow") != 0;
        sc->cross = !strcmp(mode, "cross");
        flow_wildcards_init_catchall(&sc->wc);
        if (sc->cross) {
            return;
        }
        if (strcmp(wc_s, "-")) {
            struct flow scratch;

            error = odp_flow_from_string(wc_s, &scratch, &sc->wc);
            if (error) {
                ovs_fatal(0, "%s", error);
            }
        }
        ofpbuf_clear(&sc->actions);
        error = odp_actions_from_string(save, &sc->actions);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
    } else if (!strcmp(cmd, "receive")) {
        struct netdev *netdev = script_netdev(sc, strtok_r(NULL, " ",
                                                           &save));

        netdev_dummy_queue_packet(netdev, packet_from_flow_text(save));
    } else if (!strcmp(cmd, "receive-hex")) {
        struct netdev *netdev = script_netdev(sc, strtok_r(NULL, " ",
                                                           &save));
        struct ofpbuf hex;

        ofpbuf_init(&hex, 64);
        if (*ofpbuf_put_hex(&hex, save, NULL)) {
            ovs_fatal(0, "%s: bad hex packet", save);
        }
        netdev_dummy_queue_packet(netdev,
                                  dp_packet_clone_data(hex.data, hex.size));
        ofpbuf_uninit(&hex);
    } else if (!strcmp(cmd, "rule")) {
        script_add_rule(sc, save);
    } else if (!strcmp(cmd, "dpctl")) {
        const char *argv[16];
        struct ds out = DS_EMPTY_INITIALIZER;
        char *arg, *error;
        int argc = 0;

        while (argc < ARRAY_SIZE(argv)
               && (arg = strtok_r(NULL, " ", &save)) != NULL) {
            argv[argc++] = arg;
        }
        if (!argc) {
            ovs_fatal(0, "usage: dpctl CMD [ARG...]");
        }
        error = dpctl_run(argc, argv, &out);
        if (error) {
            printf("dpctl: %s\n", error);
            free(error);
        } else {
            fputs(ds_cstr(&out), stdout);
        }
        ds_destroy(&out);
    } else if (!strcmp(cmd, "run")) {
        dpif_run(sc->dpif);
    } else if (!strcmp(cmd, "run-for") || !strcmp(cmd, "run-until")) {
        const char *stop_file = (!strcmp(cmd, "run-until")
                                 ? strtok_r(NULL, " ", &save) : NULL);
        long long int deadline = time_msec() + atoi(save);

        while (time_msec() < deadline
               && (!stop_file || access(stop_file, F_OK))) {
            if (stop_file) {
                poll_timer_wait(100);
            }
            if (sc->unixctl) {
                unixctl_server_run(sc->unixctl);
                unixctl_server_wait(sc->unixctl);
            }
            dpif_run(sc->dpif);
            dpif_wait(sc->dpif);
            poll_timer_wait_until(deadline);
            poll_block();
        }
    } else if (!strcmp(cmd, "execute")) {
        const char *in_port = strtok_r(NULL, " ", &save);
        const char *flow_s = strtok_r(NULL, " ", &save);
        struct dp_packet *packet = packet_from_flow_text(flow_s);
        struct ofpbuf actions;
        struct flow flow;
        char *error;
        int retval;

        ofpbuf_init(&actions, 64);
        error = odp_actions_from_string(save, &actions);
        if (error) {
            /* Let an unsupported action through as raw attributes: a ct
             * action that asks for NAT. */
            size_t ofs;

            printf("parse: %s\n", error);
            free(error);
            ofpbuf_clear(&actions);
            ofs = nl_msg_start_nested(&actions, OVS_ACTION_ATTR_CT);
            nl_msg_put_flag(&actions, OVS_CT_ATTR_COMMIT);
            nl_msg_put_flag(&actions, OVS_CT_ATTR_NAT);
            nl_msg_end_nested(&actions, ofs);
        }
        flow_extract(packet, &flow);
        flow.in_port.odp_port = u32_to_odp(atoi(in_port));
        retval = dpif_execute(sc->dpif, packet, &flow, actions.data,
                              actions.size);
        printf("execute: %s\n", retval ? ovs_strerror(retval) : "ok");
        ofpbuf_uninit(&actions);
        dp_packet_delete(packet);
    } else if (!strcmp(cmd, "unixctl")) {
        int error = unixctl_server_create(save, &sc->unixctl);
        if (error) {
            ovs_fatal(error, "%s: could not create unixctl server", save);
        }
    } else if (!strcmp(cmd, "dump")) {
        script_dump(sc);
    } else if (!strcmp(cmd, "flush")) {
        dpif_flow_flush(sc->dpif);
    } else if (!strcmp(cmd, "stats")) {
        uint64_t hit, missed;

        dpif_get_stats(sc->dpif, &hit, &missed);
        printf("hit:%"PRIu64" missed:%"PRIu64"\n", hit, missed);
    } else if (!strcmp(cmd, "del")) {
        struct flow_wildcards mask;
        struct dpif_flow_stats stats;
        struct flow key;
        char *error = odp_flow_from_string(save, &key, &mask);
        int retval;

        if (error) {
            ovs_fatal(0, "%s", error);
        }
        retval = dpif_flow_del(sc->dpif, &key, &mask, &stats);
        if (retval) {
            printf("del: %s\n", ovs_strerror(retval));
        } else {
            printf("del: packets:%"PRIu64" bytes:%"PRIu64"\n",
                   stats.n_packets, stats.n_bytes);
        }
    } else {
        ovs_fatal(0, "%s: unknown script command", cmd);
    }
}

static void
run_dpif_script(const char *type)
{
    struct script sc;
    size_t i;
    int error;

    memset(&sc, 0, sizeof sc);
    netdev_dummy_register();
    error = dpif_open(type, &sc.dpif);
    if (error) {
        ovs_fatal(error, "dpif_open");
    }
    printf("datapath %s\n", dpif_name(sc.dpif));
    ofpbuf_init(&sc.actions, 64);
    flow_wildcards_init_catchall(&sc.wc);
    dpif_register_upcall_cb(sc.dpif, upcall_cb, &sc);
    for_each_line(do_dpif_line, &sc);
    dpif_close(sc.dpif);
    unixctl_server_destroy(sc.unixctl);
    for (i = 0; i < sc.n_netdevs; i++) {
        netdev_close(sc.netdevs[i]);
    }
    ofpbuf_uninit(&sc.actions);
    for (i = 0; i < sc.n_rules; i++) {
        ofpbuf_uninit(&sc.rules[i].actions);
    }
    free(sc.rules);
}

/* ----- pcap, csum-complete, netlink ----------------------------------- */

static void
print_pcap(const char *file_name)
{
    struct pcap_file *pcap = ovs_pcap_open(file_name, "rb");
    struct dp_packet *packet;

    if (!pcap) {
        ovs_fatal(errno, "%s: open failed", file_name);
    }
    while (!ovs_pcap_read(pcap, &packet, NULL, NULL)) {
        print_packet("", packet);
        dp_packet_delete(packet);
    }
    ovs_pcap_close(pcap);
}

/* Replaces the L4 checksum by the folded pseudo-header sum, which is what
 * a sender that relies on checksum offload leaves in the packet. */
static void
test_csum_complete(const char *flow_s)
{
    struct dp_packet *packet = packet_from_flow_text(flow_s);
    struct flow flow;
    uint32_t partial;
    ovs_be16 *csump;
    ovs_be16 folded;

    flow_extract(packet, &flow);
    if (flow.nw_proto == IPPROTO_TCP) {
        csump = &((struct tcp_header *) dp_packet_l4(packet))->tcp_csum;
    } else {
        csump = &((struct udp_header *) dp_packet_l4(packet))->udp_csum;
    }
    partial = (flow.dl_type == htons(ETH_TYPE_IP)
               ? packet_csum_pseudoheader(dp_packet_l3(packet))
               : packet_csum_pseudoheader6(dp_packet_l3(packet)));
    partial = csum_add16(partial, htons(dp_packet_l4_size(packet)));
    folded = ~csum_finish(partial);
    memcpy(csump, &folded, sizeof folded);
    print_packet("offloaded: ", packet);
    printf("completed: %s\n",
           netdev_linux_complete_csum(packet) ? "yes" : "no");
    print_packet("after: ", packet);
    dp_packet_delete(packet);
}

static void
test_tso(const char *flow_s, size_t n_bytes, size_t mss)
{
    struct dp_packet *packet = packet_from_flow_text(flow_s);
    struct dp_packet **segs;
    struct flow flow;
    size_t i, n;

    for (i = 0; i < n_bytes; i++) {
        uint8_t byte = i;
        dp_packet_put(packet, &byte, 1);
    }
    flow_extract(packet, &flow);
    if (flow.dl_type == htons(ETH_TYPE_IP)) {
        struct ip_header *ip = dp_packet_l3(packet);

        ip->ip_tot_len = htons(dp_packet_size(packet) - packet->l3_ofs);
        ip->ip_csum = 0;
        ip->ip_csum = csum(ip, IP_HEADER_LEN);
    } else {
        struct ovs_16aligned_ip6_hdr *ip6 = dp_packet_l3(packet);

        ip6->ip6_plen = htons(dp_packet_size(packet) - packet->l4_ofs);
    }
    netdev_linux_complete_csum(packet);

    n = netdev_linux_segment_tcp(packet, mss, &segs);
    printf("%zu segments\n", n);
    for (i = 0; i < n; i++) {
        const struct tcp_header *th;
        struct ds s = DS_EMPTY_INITIALIZER;
        struct flow f;

        flow_extract(segs[i], &f);
        th = dp_packet_l4(segs[i]);
        size_t hdr = TCP_OFFSET(th->tcp_ctl) * 4;

        ds_put_format(&s, "seq=%"PRIu32" payload=%zu flags=",
                      ntohl(get_16aligned_be32(&th->tcp_seq)),
                      dp_packet_l4_size(segs[i]) - hdr);
        packet_tcp_flags_format(&s, TCP_FLAGS(th->tcp_ctl));
        check_checksums(segs[i], &s);
        printf("%s\n", ds_cstr(&s));
        ds_destroy(&s);
        dp_packet_delete(segs[i]);
    }
    free(segs);
    dp_packet_delete(packet);
}

static void
test_netlink(void)
{
    struct ofpbuf buf;
    const struct nlattr *a;
    size_t left, ofs;

    ofpbuf_init(&buf, 0);
    nl_msg_put_u8(&buf, 1, 0xab);
    nl_msg_put_u16(&buf, 2, 0x1234);
    nl_msg_put_u32(&buf, 3, 0xdeadbeef);
    nl_msg_put_u64(&buf, 4, UINT64_C(0x0102030405060708));
    nl_msg_put_flag(&buf, 5);
    ofs = nl_msg_start_nested(&buf, 6);
    nl_msg_put_u32(&buf, 7, 42);
    nl_msg_put_string(&buf, 8, "abc");
    nl_msg_end_nested(&buf, ofs);
    ofs = nl_msg_start_nested(&buf, 9);
    printf("empty nested removed: %s\n",
           nl_msg_end_non_empty_nested(&buf, ofs) ? "yes" : "no");
    printf("size %"PRIu32" valid %s\n", buf.size,
           nl_attrs_validate(buf.data, buf.size) ? "yes" : "no");

    NL_ATTR_FOR_EACH (a, left, buf.data, buf.size) {
        printf("type %d len %zu:", nl_attr_type(a),
               nl_attr_get_size(a));
        switch (nl_attr_type(a)) {
        case 1: printf(" %#x", nl_attr_get_u8(a)); break;
        case 2: printf(" %#x", nl_attr_get_u16(a)); break;
        case 3: printf(" %#"PRIx32, nl_attr_get_u32(a)); break;
        case 4: printf(" %#"PRIx64, nl_attr_get_u64(a)); break;
        case 6: {
            const struct nlattr *b;
            size_t left2;

            NL_NESTED_FOR_EACH (b, left2, a) {
                printf(" [type %d len %zu]", nl_attr_type(b),
                       nl_attr_get_size(b));
            }
            break;
        }
        default: break;
        }
        printf("\n");
    }

    /* A truncated run: the walk must stop without reading past it. */
    printf("truncated valid %s\n",
           nl_attrs_validate(buf.data, buf.size - 2) ? "yes" : "no");
    NL_ATTR_FOR_EACH (a, left, buf.data, 3) {
        printf("unexpected attribute\n");
    }
    printf("left %zu\n", left);
    printf("find 3: %s\n", nl_attr_find(buf.data, buf.size, 3) ? "yes"
                                                                 : "no");
    ofpbuf_uninit(&buf);
}

static void
test_dpif_main(int argc, char *argv[])
{
    if (argc < 2) {
        ovs_fatal(0, "usage: test-dpif COMMAND...");
    }
    if (!strcmp(argv[1], "odp-actions")) {
        for_each_line(do_odp_actions, NULL);
    } else if (!strcmp(argv[1], "execute") && argc == 4) {
        test_execute(argv[2], argv[3]);
    } else if (!strcmp(argv[1], "commit")) {
        for_each_line(do_commit, NULL);
    } else if (!strcmp(argv[1], "dpif")) {
        run_dpif_script(argc > 2 ? argv[2] : "dummy");
    } else if (!strcmp(argv[1], "pcap") && argc == 3) {
        print_pcap(argv[2]);
    } else if (!strcmp(argv[1], "csum-complete") && argc == 3) {
        test_csum_complete(argv[2]);
    } else if (!strcmp(argv[1], "tso") && argc == 5) {
        test_tso(argv[2], atoi(argv[3]), atoi(argv[4]));
    } else if (!strcmp(argv[1], "netlink")) {
        test_netlink();
    } else {
        ovs_fatal(0, "%s: unknown command or wrong arguments", argv[1]);
    }
}

OVSTEST_REGISTER("test-dpif", test_dpif_main);
