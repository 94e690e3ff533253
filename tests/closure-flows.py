#! /usr/bin/env python3
"""Writes variants of a flow table with some "pause" actions taken out.

Usage: closure-flows.py FLOWS-FILE N

Prints FLOWS-FILE with its first N pause actions removed (counting in file
order), so a test can run the same packet through the same pipeline with
every pause, then with one pause fewer each time, down to none, and expect
identical results: pausing must be transparent.

A pause is the action "pause" or "pause(id=K)" standing alone between
commas (or at either end of an action list).  "N" larger than the number
of pauses removes them all.  With N = "count", prints how many there are.
"""

import re
import sys

PAUSE = re.compile(r'(?<![\w(])pause(\(id=\d+\))?(?![\w(])')


def remove_pauses(text, n):
    removed = 0
    out = []
    for line in text.splitlines(keepends=True):
        while removed < n:
            m = PAUSE.search(line)
            if not m:
                break
            start, end = m.span()
            # Take one adjoining comma with the action, so that the action
            # list stays well formed ("a,pause,b" -> "a,b", "pause,b" ->
            # "b", "a,pause" -> "a").
            if end < len(line) and line[end] == ',':
                end += 1
            elif start > 0 and line[start - 1] == ',':
                start -= 1
            line = line[:start] + line[end:]
            removed += 1
        out.append(line)
    return ''.join(out)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write('usage: %s FLOWS-FILE N|count\n' % sys.argv[0])
        sys.exit(2)
    with open(sys.argv[1]) as f:
        text = f.read()
    if sys.argv[2] == 'count':
        print(len(PAUSE.findall(text)))
    else:
        sys.stdout.write(remove_pauses(text, int(sys.argv[2])))


if __name__ == '__main__':
    main()
