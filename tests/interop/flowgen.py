#! /usr/bin/env python3
"""Prints pseudo-random ovs-ofctl flows, one per line, for differential tests.

Usage: flowgen.py SEED COUNT

The same SEED and COUNT always give the same flows.  Each flow has a
protocol (or none), a few match fields that suit it, and one to three
actions.  Now and then a field or an action is drawn from the wrong
protocol on purpose, so that both parsers also have to agree on the
errors.  The vocabulary is the set of fields and actions that our codec
implements and that Open vSwitch 3.1 also knows; 'pause' is ours only and
is not generated."""

import random
import sys

GENERIC = {
    "in_port": ["1", "7", "LOCAL", "65000"],
    "metadata": ["0x1234", "0x10/0xf0", "0xffffffffffffffff"],
    "pkt_mark": ["7", "0x10/0x10"],
    "eth_src": ["00:11:22:33:44:55", "01:00:00:00:00:00/01:00:00:00:00:00"],
    "dl_src": ["aa:bb:cc:dd:ee:ff"],
    "eth_dst": ["ff:ff:ff:ff:ff:ff", "00:00:00:00:00:01/ff:ff:ff:00:00:00"],
    "dl_dst": ["02:00:00:00:00:09"],
    "vlan_tci": ["0x1005", "0x1000/0x1000", "0", "0x3000/0xf000"],
    "dl_vlan": ["5", "4095", "0xffff"],
    "dl_vlan_pcp": ["3", "7"],
    "vlan_vid": ["0x1005", "0x1000/0x1000"],
    "vlan_pcp": ["2"],
    "ct_state": ["+trk", "+trk+est", "-new+trk", "0x21/0x21", "+trk-inv"],
    "ct_zone": ["5", "0xffff"],
    "ct_mark": ["0x10", "0x1/0x1"],
    "ct_label": ["0x1", "0x10/0xf0"],
    "tun_id": ["0x64", "0x10/0xff"],
}
for i in (0, 3, 9, 15):
    GENERIC["reg%d" % i] = ["5", "0x10/0xff", "0xffffffff"]
for i in (0, 4, 7):
    GENERIC["xreg%d" % i] = ["0x123456789", "5/0xff"]

IP_FIELDS = {
    "nw_src": ["10.0.0.1", "10.0.0.0/8", "1.2.3.4/255.0.255.0", "0.0.0.0/0"],
    "nw_dst": ["192.168.1.0/24", "8.8.8.8"],
    "ip_src": ["172.16.0.1"],
    "ip_dst": ["172.16.0.0/12"],
    "nw_tos": ["0", "16", "252"],
    "ip_dscp": ["10", "63"],
    "nw_ttl": ["1", "64", "255"],
    "ip_frag": ["no", "yes", "first", "not_later"],
    "nw_proto": ["47", "89"],
}
IPV6_FIELDS = {
    "ipv6_src": ["2001:db8::1", "2001:db8::/32", "::1"],
    "ipv6_dst": ["fe80::/10", "2001:db8:1:2:3:4:5:6"],
    "ipv6_label": ["0x12345", "0x1/0x1"],
    "nw_tos": ["32"],
    "nw_ttl": ["128"],
    "ip_frag": ["no", "first"],
}
ARP_FIELDS = {
    "arp_op": ["1", "2"],
    "arp_spa": ["10.0.0.1", "10.0.0.0/24"],
    "arp_tpa": ["10.0.0.2"],
    "arp_sha": ["00:11:22:33:44:55"],
    "arp_tha": ["00:00:00:00:00:00", "00:11:00:00:00:00/ff:ff:00:00:00:00"],
}
TCP_FIELDS = {
    "tcp_src": ["80", "0x100/0xff00"],
    "tcp_dst": ["443", "0/0xfc00"],
    "tp_src": ["22"],
    "tp_dst": ["8080"],
    "tcp_flags": ["+syn-ack", "0x002/0x012", "+fin", "-rst"],
}
TCP_PORTS = {k: v for k, v in TCP_FIELDS.items() if k != "tcp_flags"}
UDP_FIELDS = {
    "udp_src": ["53", "0x10/0xfff0"],
    "udp_dst": ["67"],
    "tp_src": ["123"],
    "tp_dst": ["5000/0xfff8"],
}
SCTP_FIELDS = {"sctp_src": ["9"], "sctp_dst": ["1000"], "tp_dst": ["7"]}
ICMP_FIELDS = {"icmp_type": ["8", "0"], "icmp_code": ["0", "3"]}
ICMP6_FIELDS = {"icmpv6_type": ["128", "129"], "icmpv6_code": ["0"]}
ND_SOL = {"nd_target": ["2001:db8::5", "fe80::/64"],
          "nd_sll": ["00:11:22:33:44:55"]}
ND_ADV = {"nd_target": ["2001:db8::9"], "nd_tll": ["0a:00:00:00:00:01"]}

# Protocol keyword -> (field dictionaries that suit it, kind of packet).
PROTOCOLS = {
    "": ([], "eth"),
    "ip": ([IP_FIELDS], "ip"),
    "ipv6": ([IPV6_FIELDS], "ipv6"),
    "tcp": ([IP_FIELDS, TCP_FIELDS], "tcp"),
    "tcp6": ([IPV6_FIELDS, TCP_FIELDS], "tcp"),
    "udp": ([IP_FIELDS, UDP_FIELDS], "udp"),
    "udp6": ([IPV6_FIELDS, UDP_FIELDS], "udp"),
    "sctp": ([IP_FIELDS, SCTP_FIELDS], "sctp"),
    "icmp": ([IP_FIELDS, ICMP_FIELDS], "ip"),
    "icmp6": ([IPV6_FIELDS, ICMP6_FIELDS], "ipv6"),
    "icmp6,icmp_type=135": ([IPV6_FIELDS, ND_SOL], "ipv6"),
    "icmp6,icmp_type=136": ([IPV6_FIELDS, ND_ADV], "ipv6"),
    "arp": ([ARP_FIELDS], "arp"),
    "dl_type=0x88cc": ([], "eth"),
    "eth_type=0x0800": ([IP_FIELDS], "ip"),
}

PORTS = ["1", "2", "17", "IN_PORT", "NORMAL", "FLOOD", "ALL", "LOCAL",
         "CONTROLLER", "in_port", "local", "normal"]

GENERIC_ACTIONS = [
    "drop", "output:{port}", "{port}", "output:NXM_NX_REG0[]",
    "output:NXM_NX_REG1[0..15]", "output:reg2", "controller",
    "controller:100", "controller(max_len=128,reason=no_match)",
    "controller(id=7)", "controller(reason=invalid_ttl,id=2)",
    "load:0x5->NXM_NX_REG0[]", "load:1->NXM_NX_REG3[0..3]",
    "load:0xabc->NXM_NX_REG1[4..15]", "load:0x1->OXM_OF_METADATA[]",
    "move:NXM_NX_REG0[]->NXM_NX_REG1[]",
    "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[]",
    "move:NXM_NX_REG0[0..7]->NXM_NX_REG2[8..15]", "move:reg0->reg4",
    "push:NXM_NX_REG0[]", "pop:NXM_NX_REG1[]", "push:NXM_OF_IN_PORT[]",
    "push:reg5[0..7]", "push_vlan:0x8100", "pop_vlan", "strip_vlan",
    "mod_vlan_vid:5", "mod_vlan_vid:4095", "mod_vlan_pcp:3",
    "mod_dl_src:00:0a:0b:0c:0d:0e", "mod_dl_dst:ff:ff:ff:ff:ff:ff",
    "resubmit:3", "resubmit(,2)", "resubmit(1,2)", "resubmit(in_port,5)",
    "resubmit(LOCAL)", "note:01.02.03", "note:", "exit",
    "set_field:5->reg0", "set_field:0x10/0xf0->reg3",
    "set_field:00:11:22:33:44:55->eth_src", "set_field:1->pkt_mark",
    "set_field:0x1234->metadata", "set_field:7->tun_id",
    "set_field:4097->vlan_vid", "set_field:2->vlan_pcp",
    "clone(output:2)", "clone(resubmit(,3),output:1)", "clone()",
    "group:1", "write_metadata:0x1/0x1", "write_metadata:0xff",
    "clear_actions", "write_actions(output:2)",
    "write_actions(set_field:1->reg0,output:3)", "goto_table:{table}",
    "ct()", "ct(commit)", "ct(table=3)", "ct(zone=5,table=2)",
    "ct(commit,zone=NXM_NX_REG0[0..15])",
    "ct(commit,exec(set_field:1->ct_mark))",
    "ct(commit,exec(load:0x1->NXM_NX_CT_LABEL[0..3]))",
    "ct(commit,zone=7,exec(set_field:0x5/0xf->ct_mark))",
    "dec_ttl", "dec_ttl(1,2,3)",
]
IP_ACTIONS = [
    "mod_nw_src:1.2.3.4", "mod_nw_dst:10.0.0.9", "mod_nw_tos:16",
    "mod_nw_ecn:2", "mod_nw_ttl:9", "set_field:10.1.1.1->ip_src",
    "set_field:4->ip_dscp", "set_field:1->nw_ecn",
    "load:0x0a000001->NXM_OF_IP_DST[]", "move:NXM_OF_IP_SRC[]->NXM_NX_REG0[]",
    "dec_ttl",
]
# IP actions that both parsers refuse on a flow that is not IP.  (Open
# vSwitch 3.1 encodes mod_nw_ecn and mod_nw_ttl on an ARP flow as a
# register load that its own decoder then refuses.)
WRONG_IP_ACTIONS = [a for a in IP_ACTIONS
                    if not a.startswith(("mod_nw_ecn", "mod_nw_ttl",
                                         "dec_ttl"))]
IPV6_ACTIONS = [
    "set_field:2001:db8::7->ipv6_src", "set_field:0x5->ipv6_label",
    "mod_nw_tos:8", "mod_nw_ttl:3", "move:NXM_NX_IPV6_SRC[0..31]->reg0",
]
TP_ACTIONS = {
    "tcp": ["mod_tp_src:1000", "mod_tp_dst:80", "set_field:22->tcp_src",
            "set_field:8080->tcp_dst"],
    "udp": ["mod_tp_dst:53", "set_field:69->udp_dst",
            "set_field:1->udp_src"],
    "sctp": ["mod_tp_src:5", "set_field:7->sctp_dst"],
}
ARP_ACTIONS = [
    "set_field:2->arp_op", "set_field:10.0.0.5->arp_spa",
    "set_field:00:00:00:00:00:07->arp_tha", "load:1->NXM_OF_ARP_OP[]",
]


def fill(rng, template, table):
    return template.format(port=rng.choice(PORTS),
                           table=min(254, table + 1 + rng.randrange(3)))


def gen_flow(rng):
    parts = []
    table = 0
    if rng.random() < 0.3:
        table = rng.randrange(5)
        parts.append("table=%d" % table)
    if rng.random() < 0.4:
        parts.append("priority=%d" % rng.choice([0, 1, 100, 32768, 65535]))
    if rng.random() < 0.15:
        parts.append("cookie=0x%x" % rng.randrange(1 << 20))
    if rng.random() < 0.1:
        parts.append(rng.choice(["idle_timeout=30", "hard_timeout=5",
                                 "send_flow_rem", "check_overlap"]))

    proto = rng.choice(list(PROTOCOLS))
    dicts, kind = PROTOCOLS[proto]
    if proto:
        parts.append(proto)
    pool = [GENERIC] + dicts
    if rng.random() < 0.05:
        # Wrong protocol on purpose: a field whose prerequisite is not met.
        # Not tcp_flags: Open vSwitch 3.1 keeps it where ND keeps its option
        # type, and prints "nd_options_type" for it on ND flows.  Not TCP
        # ports on ICMP flows: they are the ICMP type and code there, and
        # 3.1 prints a masked port as a made-up "icmp_type=0".
        wrong = [IP_FIELDS, ARP_FIELDS, ND_ADV]
        if not proto.startswith("icmp"):
            wrong.append(TCP_PORTS)
        pool.append(rng.choice(wrong))
    used = set()
    for _ in range(rng.randrange(4)):
        d = rng.choice(pool)
        name = rng.choice(sorted(d))
        if name in used:
            continue
        used.add(name)
        parts.append("%s=%s" % (name, rng.choice(d[name])))

    candidates = list(GENERIC_ACTIONS)
    if kind in ("ip", "tcp", "udp", "sctp"):
        candidates += IP_ACTIONS
    if kind == "ipv6" or proto.endswith("6"):
        candidates += IPV6_ACTIONS
    if kind in TP_ACTIONS:
        candidates += TP_ACTIONS[kind]
    if kind == "arp":
        candidates += ARP_ACTIONS
    if rng.random() < 0.05:
        candidates = rng.choice([WRONG_IP_ACTIONS, ARP_ACTIONS,
                                 TP_ACTIONS["tcp"]])
    actions = [fill(rng, rng.choice(candidates), table)
               for _ in range(1 + rng.randrange(3))]
    # Open vSwitch 3.1 forgets what the actions before a clone need of the
    # protocol (it parses the nested actions afresh), so a clone goes first.
    actions.sort(key=lambda a: not a.startswith("clone("))

    sep = rng.choice([",", " ", ","])
    return ",".join(parts) + (sep if parts else "") \
        + "actions=" + ",".join(actions)


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    for _ in range(count):
        print(gen_flow(rng))


if __name__ == "__main__":
    main()
