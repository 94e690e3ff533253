#! /usr/bin/env python3
"""Prints the packets of pcap files, one packet per line, in hex.

Usage: pcap-dump.py [--count] FILE...

Tests compare what a dummy port sent (options:tx_pcap) with the packets
they expect, byte for byte.  Files of either byte order and with
microsecond or nanosecond timestamps are accepted.  A file that ovs-vswitchd
is still writing may end in the middle of a record: that partial record
is ignored.  With --count, prints only the number of complete packets.
"""

import struct
import sys

MAGICS = {
    b'\xd4\xc3\xb2\xa1': '<', b'\xa1\xb2\xc3\xd4': '>',
    b'\x4d\x3c\xb2\xa1': '<', b'\xa1\xb2\x3c\x4d': '>',
}


def packets(path):
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 24:
        return
    order = MAGICS.get(data[:4])
    if order is None:
        sys.stderr.write('%s: not a pcap file\n' % path)
        sys.exit(1)
    pos = 24
    while pos + 16 <= len(data):
        caplen = struct.unpack(order + 'I', data[pos + 8:pos + 12])[0]
        start = pos + 16
        if start + caplen > len(data):
            return
        yield data[start:start + caplen]
        pos = start + caplen


def main(argv):
    count_only = '--count' in argv
    files = [a for a in argv if a != '--count']
    if not files:
        sys.stderr.write(__doc__)
        return 1
    n = 0
    for path in files:
        for pkt in packets(path):
            n += 1
            if not count_only:
                print(pkt.hex())
    if count_only:
        print(n)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
