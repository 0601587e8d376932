"""Several TCP clients at once, each sending its own random bytes and checking the echo.

usage: python3 clients.py ADDRESS PORT CLIENTS BYTES
Prints one line per client and exits 0 only if every echo was exact.
"""

import os
import socket
import sys
import threading


def client(address, port, size, results, i):
    data = os.urandom(size)
    got = bytearray()
    with socket.create_connection((address, port), timeout=20) as s:
        sender = threading.Thread(target=s.sendall, args=(data,))
        sender.start()
        while len(got) < size:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
        sender.join()
    results[i] = bytes(got) == data


def main():
    address, port, clients, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    results = [False] * clients
    threads = [threading.Thread(target=client, args=(address, port, size, results, i)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, ok in enumerate(results):
        print(f"client {i}: {'echo exact' if ok else 'echo WRONG'}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
