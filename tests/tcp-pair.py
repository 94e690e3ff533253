#! /usr/bin/env python3
"""A TCP echo server and a client that checks its echo, for system tests.

Usage:
  tcp-pair.py server PORT READY-FILE
      Listens on PORT (all addresses), creates READY-FILE once listening,
      then echoes back everything each connection sends until it closes.
      Serves connections one after another until killed.
  tcp-pair.py client ADDRESS PORT NBYTES [TIMEOUT]
      Connects to ADDRESS:PORT, sends NBYTES bytes of a fixed pattern,
      closes its sending side and reads the echo.  Prints
      "echoed NBYTES bytes" and exits 0 when the echo is exact; prints
      "connect: REASON" or "echo: REASON" and exits 1 otherwise.  Every
      step gives up after TIMEOUT seconds (default 3).
"""

import socket
import sys


def pattern(n):
    block = bytes(range(256))
    return (block * (n // 256 + 1))[:n]


def serve(port, ready_file):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('0.0.0.0', port))
    listener.listen(4)
    open(ready_file, 'w').close()
    while True:
        conn, _ = listener.accept()
        conn.settimeout(10)
        try:
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                conn.sendall(data)
        except OSError:
            pass
        conn.close()


def client(address, port, nbytes, timeout):
    payload = pattern(nbytes)
    try:
        sock = socket.create_connection((address, port), timeout=timeout)
    except OSError as e:
        print('connect: %s' % (e.strerror or str(e)))
        return 1
    received = bytearray()
    try:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        while True:
            data = sock.recv(65536)
            if not data:
                break
            received += data
    except OSError as e:
        print('echo: %s after %d bytes'
              % (e.strerror or str(e), len(received)))
        return 1
    finally:
        sock.close()
    if bytes(received) != payload:
        print('echo: got %d bytes, not the %d sent'
              % (len(received), nbytes))
        return 1
    print('echoed %d bytes' % nbytes)
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == 'server':
        serve(int(argv[2]), argv[3])
        return 0
    if len(argv) in (5, 6) and argv[1] == 'client':
        timeout = float(argv[5]) if len(argv) == 6 else 3.0
        return client(argv[2], int(argv[3]), int(argv[4]), timeout)
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
