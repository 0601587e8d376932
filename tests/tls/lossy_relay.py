"""A UDP relay that loses datagrams deterministically: python3 lossy_relay.py LISTEN_ADDR LISTEN_PORT SERVER_ADDR SERVER_PORT.

The kernel here has no sch_netem, so the DTLS suite's loss comes from this relay: between the client
(which sends to LISTEN) and the server, it drops the 1st, 4th, 7th... datagram of each direction (a third
of them, the first ones of the handshake included), forwards the rest, and prints one line per datagram
("c>s 0 dropped", "s>c 1 sent").  One client; it exits after 60 s or on SIGTERM.
"""

import select
import socket
import sys
import time


def main(listen_addr, listen_port, server_addr, server_port):
    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    front.bind((listen_addr, int(listen_port)))
    back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    back.connect((server_addr, int(server_port)))
    client = None
    counts = {"c>s": 0, "s>c": 0}
    print("ready", flush=True)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        readable, _, _ = select.select([front, back], [], [], 1.0)
        for sock in readable:
            if sock is front:
                data, client = front.recvfrom(65536)
                way, send = "c>s", lambda d: back.send(d)
            else:
                data = back.recv(65536)
                way, send = "s>c", lambda d: front.sendto(d, client)
            n = counts[way]
            counts[way] += 1
            if n % 3 == 0 or (way == "s>c" and client is None):
                print(f"{way} {n} dropped", flush=True)
            else:
                send(data)
                print(f"{way} {n} sent", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
