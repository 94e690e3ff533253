#! /usr/bin/env python3
"""Compares our decoding of OpenFlow messages with tshark's.

Usage: check-tshark.py OVS-OFCTL HEX-FILE PCAP-FILE

HEX-FILE holds one message per line; PCAP-FILE must hold the same messages
(see ofp-pcap.py).  For every message that tshark dissects (it knows
OpenFlow 1.0, 1.3, 1.4 and 1.5), checks that tshark and OVS-OFCTL's
"ofp-print" agree on the version, the transaction id and the message type.
Prints one line per disagreement, then "checked N messages".
"""

import re
import subprocess
import sys


def tshark_fields(pcap):
    fields = ['openflow.version', 'openflow_v4.version',
              'openflow_v5.version', 'openflow_v6.version',
              'openflow.xid', 'openflow_v4.xid', 'openflow_v5.xid',
              'openflow_v6.xid', '_ws.col.Info']
    args = ['tshark', '-r', pcap, '-d', 'tcp.port==6653,openflow',
            '-T', 'fields', '-E', 'separator=|']
    for f in fields:
        args += ['-e', f]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        cols = line.split('|')
        version = next((c for c in cols[0:4] if c), '').split(',')[0]
        xid = next((c for c in cols[4:8] if c), '').split(',')[0]
        info = cols[8] if len(cols) > 8 else ''
        rows.append((version, xid, info))
    return rows


def expected_type(name, version):
    """Maps our printed message name to the name tshark shows."""
    if name.startswith('OFPST_') or name.startswith('NXST_'):
        kind = 'REQUEST' if name.endswith('request') else 'REPLY'
        return ('OFPT_STATS_' if version == 1 else 'OFPT_MULTIPART_') + kind
    if name.startswith('NXT_'):
        return 'OFPT_VENDOR' if version == 1 else 'OFPT_EXPERIMENTER'
    return name


def main():
    ofctl, hexfile, pcap = sys.argv[1:4]
    messages = [l.strip() for l in open(hexfile) if l.strip()]
    rows = tshark_fields(pcap)
    if len(rows) != len(messages):
        print('tshark saw %d packets, expected %d' % (len(rows),
                                                      len(messages)))
        return 1
    checked = 0
    for hexmsg, (tversion, txid, info) in zip(messages, rows):
        if not info.startswith('Type: '):
            continue            # Not dissected (OpenFlow 1.1 and 1.2).
        first = subprocess.run([ofctl, 'ofp-print', hexmsg],
                               capture_output=True,
                               text=True).stdout.splitlines()[0]
        m = re.match(r'(\S+(?: request| reply)?)(?: \(OF1\.(\d)\))? '
                     r'\(xid=(0x[0-9a-f]+)\):', first)
        if not m:
            print('%s: cannot parse our output: %s' % (hexmsg, first))
            continue
        name, minor, xid = m.group(1), m.group(2), m.group(3)
        version = int(minor) + 1 if minor else 1
        want = expected_type(name, version)
        ttype = info[len('Type: '):].split(',')[0]
        if (int(tversion, 0) != version or int(txid, 0) != int(xid, 16)
                or ttype != want):
            print('%s: we say %s v%d xid %s, tshark says %s v%s xid %s'
                  % (hexmsg, want, version, xid, ttype, tversion, txid))
        checked += 1
    print('checked %d messages' % checked)
    return 0


if __name__ == '__main__':
    sys.exit(main())
