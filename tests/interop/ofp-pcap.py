#! /usr/bin/env python3
"""Wraps OpenFlow messages in a pcap file, for decoding by other tools.

Usage: ofp-pcap.py OUTPUT.pcap < HEX-LINES

Each input line holds one OpenFlow message in hex.  Each message becomes
one Ethernet/IPv4/TCP packet from port 40000 to port 6653 (the OpenFlow
port), with sequence numbers that continue from packet to packet, so that
a dissector sees one TCP stream.
"""

import struct
import sys


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return ~total & 0xffff


def tcp_packet(payload, seq):
    src, dst = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    tcp = struct.pack('!HHIIBBHHH', 40000, 6653, seq, 1, 5 << 4, 0x18,
                      65535, 0, 0)
    pseudo = src + dst + struct.pack('!BBH', 0, 6, len(tcp) + len(payload))
    tcp = tcp[:16] + struct.pack('!H', checksum(pseudo + tcp + payload)) \
        + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp) + len(payload),
                     0, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
    eth = bytes.fromhex('00000000000200000000000108 00'.replace(' ', ''))
    return eth + ip + tcp + payload


def main():
    out = open(sys.argv[1], 'wb')
    out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    seq = 1000
    for n, line in enumerate(sys.stdin):
        line = line.strip()
        if not line:
            continue
        payload = bytes.fromhex(line)
        packet = tcp_packet(payload, seq)
        seq += len(payload)
        out.write(struct.pack('<IIII', n + 1, 0, len(packet), len(packet)))
        out.write(packet)
    out.close()


if __name__ == '__main__':
    main()
