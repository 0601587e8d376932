"""A crowd of TCP clients against a server, well-formed and hostile at once, with a probe that
times well-formed requests while the crowd runs.

usage: python3 crowd.py ADDRESS PORT PROTOCOL [--clients N [--at-once C]] [--slowloris N] [--idle N]
                        [--hostile] [--probes N] [--deadline S] [--tls CA [--idle-tls N]]
PROTOCOL is http (each client GETs /bytes/1000 and checks the answer) or echo (each client sends
1000 bytes and checks the echo).  The clients start all at once, or with --at-once C, C at a time:
each of C threads makes its share of them one after another, so that a newcomer (the probe) finds
at most C of them ahead of it.  --slowloris: clients that send a request head a byte a second
and never end it, reconnecting when dropped; --idle: connections that send nothing; --hostile:
one each of an oversized head, an oversized body, garbage bytes, a client that vanishes
mid-request and one that resets, again and again.  The probe sends a well-formed request every
0.5 s once the crowd has started, and reports the slowest.  Everything stops by --deadline.
--tls CA: the server speaks HTTPS with a certificate for tls.test that CA signed.  The clients and
the probe then make the TLS handshake first (the name and chain checked); --slowloris sends a
ClientHello a byte a second; --idle connections never send a ClientHello; --idle-tls connections
make the handshake and then send nothing (the crowd and the probe start once those handshakes are
made, 10 s at most, so that they are not ahead of the probe); --hostile's attacks are garbage
instead of a ClientHello, a record header announcing 64 KiB that never come, plain HTTP, a
ClientHello and then a FIN, a ClientHello and a reset once the server has answered it, half a
ClientHello and a reset.
Prints "clients served N of M, reset R, failed F, last after T s" and "probe slowest MS ms over N
(connect A, handshake B, exchange C ms)", the slowest probe's time split (handshake 0 without TLS)."""

import argparse
import os
import socket
import ssl
import struct
import threading
import time

REQUEST = b"GET /bytes/1000 HTTP/1.1\r\nHost: crowd\r\n\r\n"
PATTERN = bytes(i % 251 for i in range(1000))
TLS_NAME = "tls.test"


def http_exchange(s):
    s.sendall(REQUEST)
    got = bytearray()
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    return got.startswith(b"HTTP/1.1 200 OK") and got.endswith(PATTERN)


def echo_exchange(s):
    data = os.urandom(1000)
    s.sendall(data)
    got = bytearray()
    while len(got) < len(data):
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    return bytes(got) == data


class Crowd:
    def __init__(self, args):
        self.args = args
        self.exchange = http_exchange if args.protocol == "http" else echo_exchange
        self.lock = threading.Lock()
        self.served = self.reset = self.failed = 0
        self.idle_connected = self.idle_reset = self.idle_failed = 0
        self.idle_tls = self.idle_tls_failed = 0
        self.tls = ssl.create_default_context(cafile=args.tls) if args.tls else None
        self.last = 0.0
        self.probes = []  # (total, connect, handshake, exchange) in ms, total inf when it failed
        self.next_client = 0
        self.stop = threading.Event()
        self.start = time.monotonic()
        self.end = self.start + args.deadline

    def connect(self, timeout):
        s = socket.create_connection((self.args.address, self.args.port), timeout=timeout)
        s.settimeout(max(0.1, self.end - time.monotonic()))
        return s

    def secure(self, s):
        """s itself, or over TLS when the server speaks it (the handshake made, the name checked)."""
        return self.tls.wrap_socket(s, server_hostname=TLS_NAME) if self.tls else s

    def client_hello(self):
        """The bytes of a ClientHello, as the first flight of a real handshake."""
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        handshake = self.tls.wrap_bio(incoming, outgoing, server_hostname=TLS_NAME)
        try:
            handshake.do_handshake()
        except ssl.SSLWantReadError:
            pass
        return outgoing.read()

    def client(self):
        try:
            with self.secure(self.connect(max(0.1, self.end - time.monotonic()))) as s:
                ok = self.exchange(s)
            with self.lock:
                self.served += ok
                self.failed += not ok
                self.last = time.monotonic() - self.start
        except ConnectionResetError:
            with self.lock:
                self.reset += 1
        except OSError:
            with self.lock:
                self.failed += 1

    def clients(self):
        """Clients one after another until the crowd's count is reached (--at-once)."""
        while True:
            with self.lock:
                if self.next_client == self.args.clients:
                    return
                self.next_client += 1
            self.client()

    def slowloris(self):
        head = b"GET / HTTP/1.1\r\nHost: slow\r\nX-Slow: " + b"x" * 10000
        while not self.stop.is_set():
            if self.tls:
                head = self.client_hello()  # the handshake trickled
            try:
                with self.connect(5) as s:
                    for byte in head:
                        s.sendall(bytes([byte]))
                        if self.stop.wait(1):
                            return
            except OSError:
                self.stop.wait(0.1)

    @staticmethod
    def closed(s):
        """Whether the server has closed s (a reset raises)."""
        try:
            return s.recv(1, socket.MSG_PEEK) == b""
        except BlockingIOError:
            return False

    def idle(self):
        try:
            with self.connect(max(0.1, self.end - time.monotonic())) as s:
                with self.lock:
                    self.idle_connected += 1
                s.setblocking(False)
                while not self.stop.wait(0.5) and not self.closed(s):
                    pass
        except ConnectionResetError:
            with self.lock:
                self.idle_reset += 1
        except OSError:
            with self.lock:
                self.idle_failed += 1

    def idle_after_handshake(self):
        try:
            with self.secure(self.connect(max(0.1, self.end - time.monotonic()))):
                with self.lock:
                    self.idle_tls += 1
                self.stop.wait()
        except OSError:
            with self.lock:
                self.idle_tls_failed += 1

    def tls_attacks(self):
        """One round of the TLS attacks, each on a connection of its own."""
        hello = self.client_hello()
        sends = [
            (bytes(range(256)) * 40, False, False),  # garbage instead of a ClientHello
            (b"\x16\x03\x01\xff\xff" + b"\x01" * 1000, False, False),  # a record of 64 KiB announced, 1000 bytes sent
            (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", False, False),  # no TLS at all
            (hello, False, True),  # a ClientHello, then gone with a FIN
            (hello, True, False),  # a ClientHello, the server's answer read, then a reset
            (hello[:len(hello) // 2], False, False),  # half a ClientHello, then a reset
        ]
        for data, read, fin in sends:
            try:
                s = self.connect(5)
                s.settimeout(5)
                s.sendall(data)
                if read:
                    s.recv(100)
                if not fin:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.close()
            except OSError:
                pass

    def hostile(self):
        while self.tls and not self.stop.is_set():
            self.tls_attacks()
            self.stop.wait(0.2)
        attacks = [
            b"GET / HTTP/1.1\r\nX: " + b"y" * 20000 + b"\r\n\r\n",  # oversized head
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n" + b"z" * 3000000,  # oversized body
            bytes(range(256)) * 40,  # garbage
        ]
        while not self.stop.is_set():
            for attack in attacks:
                try:
                    with self.connect(5) as s:
                        s.settimeout(5)
                        s.sendall(attack)
                        s.recv(100)
                except OSError:
                    pass
            for linger in (False, True):  # vanish mid-request: a FIN, then a reset
                try:
                    s = self.connect(5)
                    s.sendall(b"GET /bytes/100 HTTP/1.1\r\nHo")
                    if linger:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    s.close()
                except OSError:
                    pass
            self.stop.wait(0.2)

    def probe(self):
        while not self.stop.wait(0.5) and len(self.probes) < self.args.probes:
            times = [time.monotonic()]  # the start, then the end of each step
            try:
                with self.connect(10) as raw:
                    times.append(time.monotonic())
                    with self.secure(raw) as s:
                        times.append(time.monotonic())
                        ok = self.exchange(s)
            except OSError:
                ok = False
            times.append(time.monotonic())
            steps = [(b - a) * 1000 for a, b in zip(times, times[1:])] + [0, 0]
            self.probes.append(((times[-1] - times[0]) * 1000 if ok else float("inf"), *steps[:3]))

    def run(self):
        a = self.args
        background = [threading.Thread(target=self.slowloris) for _ in range(a.slowloris)]
        background += [threading.Thread(target=self.idle) for _ in range(a.idle)]
        background += [threading.Thread(target=self.idle_after_handshake) for _ in range(a.idle_tls)]
        background += [threading.Thread(target=self.hostile)] if a.hostile else []
        for t in background:
            t.start()
        time.sleep(1.5 if background else 0)  # the hostile ones settle in first
        settled = time.monotonic() + 10  # and the idle connections' handshakes are made before the crowd comes
        while self.idle_tls + self.idle_tls_failed < a.idle_tls and time.monotonic() < settled:
            time.sleep(0.05)
        prober = threading.Thread(target=self.probe)
        prober.start()
        if a.at_once:
            clients = [threading.Thread(target=self.clients) for _ in range(min(a.at_once, a.clients))]
        else:
            clients = [threading.Thread(target=self.client) for _ in range(a.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        prober.join(max(0.1, self.end - time.monotonic()))
        self.stop.set()
        for t in background + [prober]:
            t.join()
        print(f"clients served {self.served} of {a.clients}, reset {self.reset}, failed {self.failed}, "
              f"last after {self.last:.1f} s")
        if a.idle:
            print(f"idle connected {self.idle_connected} of {a.idle}, reset {self.idle_reset}, "
                  f"failed {self.idle_failed}")
        if a.idle_tls:
            print(f"idle after the handshake {self.idle_tls} of {a.idle_tls}")
        slowest = max(self.probes) if self.probes else (float("inf"), 0, 0, 0)
        print(f"probe slowest {slowest[0]:.0f} ms over {len(self.probes)} (connect {slowest[1]:.0f}, handshake"
              f" {slowest[2]:.0f}, exchange {slowest[3]:.0f} ms)")
        return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("address")
    p.add_argument("port", type=int)
    p.add_argument("protocol", choices=["http", "echo"])
    p.add_argument("--clients", type=int, default=0)
    p.add_argument("--at-once", type=int, default=0, metavar="C", help="the clients C at a time (default: all)")
    p.add_argument("--slowloris", type=int, default=0)
    p.add_argument("--idle", type=int, default=0)
    p.add_argument("--hostile", action="store_true")
    p.add_argument("--probes", type=int, default=6)
    p.add_argument("--deadline", type=float, default=40)
    p.add_argument("--tls", metavar="CA", help="the server speaks HTTPS for tls.test, signed by CA")
    p.add_argument("--idle-tls", type=int, default=0)
    return Crowd(p.parse_args()).run()


if __name__ == "__main__":
    raise SystemExit(main())
