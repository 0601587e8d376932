"""Several TCP clients at once, each sending its own random bytes and checking the echo.

usage: python3 clients.py ADDRESS PORT CLIENTS BYTES [--hold]
With --hold, client 0 first gets an echo of a few bytes, then keeps its connection open until every
other client is done: a server that serves one client at a time fails them all.
Prints one line per client and exits 0 only if every echo was exact.
"""

import os
import socket
import sys
import threading


def exchange(s, data):
    got = bytearray()
    sender = threading.Thread(target=s.sendall, args=(data,))
    sender.start()
    while len(got) < len(data):
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    sender.join()
    return bytes(got) == data


def client(address, port, size, results, i, others_done):
    try:
        with socket.create_connection((address, port), timeout=20) as s:
            if others_done is not None:
                results[i] = exchange(s, b"hold") and others_done.wait(20)
            else:
                results[i] = exchange(s, os.urandom(size))
    except OSError as e:
        print(f"client {i}: {e}")


def main():
    address, port, clients, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    hold = sys.argv[5:] == ["--hold"]
    results = [False] * clients
    others_done = threading.Event()
    holder = None
    if hold:
        holder = threading.Thread(target=client, args=(address, port, size, results, 0, others_done))
        holder.start()
    threads = [threading.Thread(target=client, args=(address, port, size, results, i, None))
               for i in range(1 if hold else 0, clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    others_done.set()
    if holder is not None:
        holder.join()
    for i, ok in enumerate(results):
        print(f"client {i}: {'echo exact' if ok else 'echo WRONG'}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
