"""The network of bench_dhcp, run by bench/run.py inside a network and PID namespace of its own
(unshare -n -p -f --mount-proc --kill-child), as root.

usage: python3 bench/dhcp_netns.py BENCH_DHCP REPS
Prints one JSON object: each side's rounds in ms and the median time of each DHCP step after the
start, measured on the wire.

The network: one dnsmasq serves two clients, each over a single kernel hop of its own.
  - nsapi's interface: lwIP on TAP device nsdhcp0; the kernel's side 192.168.77.1/24.
  - udhcpc: needs a kernel interface as its client, so a veth pair: nsdhcps (192.168.78.1/24) here,
    nsdhcpc in a second network namespace, a host of its own as lwIP is one (its address configured
    there by the script, so that udhcpc's release leaves from it as a real client's does).
Fair because the server side is the same for both: one dnsmasq process, one lease database, the
same options, two ranges of the same shape and lease time; a bridge joining both would only add a
hop.  --no-ping for both: without it dnsmasq pings an address before offering it to a client new
to it, a server-side wait the same for any client that would only blur the clients' difference
(measured on 2026-12-06, dnsmasq 2.90: one echo request per client, in its first, untimed round, 3 s
after its first DISCOVER; the timed rounds as fast as with --no-ping; the JSON has a PING step
should one fall in every timed round).
"""

import json
import os
import select
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

TAP, SERVER, CLIENT = "nsdhcp0", "nsdhcps", "nsdhcpc"
RANGES = {TAP: ("192.168.77.1/24", "192.168.77.10,192.168.77.99,255.255.255.0,1h"),
          SERVER: ("192.168.78.1/24", "192.168.78.10,192.168.78.99,255.255.255.0,1h")}
NO_PING = True
DHCP_TYPES = {1: "DISCOVER", 2: "OFFER", 3: "REQUEST", 4: "DECLINE", 5: "ACK", 6: "NAK", 7: "RELEASE"}
SO_TIMESTAMPNS = 35
LIMIT_S = 600


def sh(*command):
    subprocess.run(command, check=True, capture_output=True, timeout=30)


def frame_kind(frame):
    """The DHCP message type; "PROBE" for an ARP probe (a request from 0.0.0.0: is the address taken?);
    "PING" for an ICMP echo request; else None."""
    ethertype = struct.unpack("!H", frame[12:14])[0]
    if ethertype == 0x0806 and len(frame) >= 42 and frame[20:22] == b"\x00\x01" and frame[28:32] == bytes(4):
        return "PROBE"
    if ethertype != 0x0800 or len(frame) < 34:
        return None
    ihl = (frame[14] & 0x0F) * 4
    protocol, ip = frame[23], 14 + ihl
    if protocol == 1 and len(frame) > ip and frame[ip] == 8:
        return "PING"
    if protocol != 17 or struct.unpack("!HH", frame[ip:ip + 4]) not in ((68, 67), (67, 68)):
        return None
    options = ip + 8 + 240  # UDP header, BOOTP fixed part with its magic cookie
    while options + 1 < len(frame) and frame[options] != 255:
        code, length = frame[options], frame[options + 1] if frame[options] else 0
        if code == 53:
            return DHCP_TYPES.get(frame[options + 2])
        options += 2 + length if code else 1
    return None


class Sniffer(threading.Thread):
    """Every DHCP, ARP-probe and ping frame on the server's side of both clients' links, with the
    kernel's time of it on CLOCK_MONOTONIC (bench_dhcp's clock)."""

    def __init__(self, interfaces):
        super().__init__(daemon=True)
        self.events, self.stopping = [], False
        self.offset = time.clock_gettime(time.CLOCK_MONOTONIC) - time.clock_gettime(time.CLOCK_REALTIME)
        self.sockets = {}
        for name in interfaces:
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
            s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
            s.bind((name, 0))
            self.sockets[s] = name

    def run(self):
        while not self.stopping:
            for s in select.select(list(self.sockets), [], [], 0.1)[0]:
                frame, ancillary, _, _ = s.recvmsg(2048, socket.CMSG_SPACE(16))
                kind = frame_kind(frame)
                stamp = [struct.unpack("qq", data[:16]) for level, kind_, data in ancillary
                         if level == socket.SOL_SOCKET and kind_ == SO_TIMESTAMPNS]
                if kind and stamp:
                    self.events.append((stamp[0][0] + stamp[0][1] / 1e9 + self.offset, self.sockets[s], kind))

    def stop(self):
        self.stopping = True
        self.join()
        for s in self.sockets:
            s.close()


def client_namespace():
    """A process holding a second network namespace, with the veth's client end moved into it."""
    holder = subprocess.Popen(["unshare", "-n", "sleep", str(LIMIT_S)])
    mine = os.readlink("/proc/self/ns/net")
    for _ in range(200):
        try:
            if os.readlink(f"/proc/{holder.pid}/ns/net") != mine:
                break
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    else:
        raise RuntimeError("the client's namespace did not appear")
    sh("ip", "link", "set", CLIENT, "netns", str(holder.pid))
    for command in (["ip", "link", "set", "lo", "up"], ["ip", "link", "set", CLIENT, "up"]):
        sh("nsenter", "-t", str(holder.pid), "-n", *command)
    return holder


def network():
    sh("ip", "link", "set", "lo", "up")
    sh("ip", "tuntap", "add", "dev", TAP, "mode", "tap")
    sh("ip", "link", "add", SERVER, "type", "veth", "peer", "name", CLIENT)
    for name, (address, _) in RANGES.items():
        sh("ip", "addr", "add", address, "dev", name)
        sh("ip", "link", "set", name, "up")


def dnsmasq(folder):
    command = ["dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
               "--no-poll", "--pid-file=", "--user=root", "--bind-interfaces", "--except-interface=lo",
               f"--dhcp-leasefile={folder}/leases", f"--log-facility={folder}/dnsmasq.log"]
    command += [f"--interface={name}" for name in RANGES] + [f"--dhcp-range={r}" for _, r in RANGES.values()]
    command += ["--no-ping"] if NO_PING else []
    server = subprocess.Popen(command)
    for _ in range(100):  # bound once its DHCP socket is
        if ":0043 " in open("/proc/net/udp").read():
            return server
        time.sleep(0.05)
    server.terminate()
    raise RuntimeError("dnsmasq did not start")


def steps(events, interface, start, end):
    """The time after start of the round's first DISCOVER, PING (dnsmasq's), OFFER, REQUEST, ACK and
    PROBE on its interface, of its last PROBE, and how many PROBEs it sent."""
    mine = [(t - start, kind) for t, name, kind in events if name == interface and start <= t <= end]
    first = {}
    for t, kind in mine:
        first.setdefault(kind, t)
    probes = [t for t, kind in mine if kind == "PROBE"]
    first["PROBES"] = len(probes)
    if probes:
        first["last PROBE"] = probes[-1]
    return first


def main():
    program, reps = sys.argv[1], sys.argv[2]
    network()
    holder = client_namespace()
    with tempfile.TemporaryDirectory() as folder:
        server = dnsmasq(folder)
        sniffer = Sniffer([TAP, SERVER])
        sniffer.start()
        try:
            run = subprocess.run([program, TAP, f"/proc/{holder.pid}/ns/net", CLIENT, reps], capture_output=True,
                                 text=True, timeout=LIMIT_S, env=dict(os.environ, BENCH_DHCP_TIMES=f"{folder}/times"))
        finally:
            sniffer.stop()
            server.terminate()
            server.wait(timeout=10)
            holder.kill()
            holder.wait()
        with open(f"{folder}/leases") as f:
            leases = f.read().splitlines()
    if run.returncode != 0:
        print(json.dumps({"error": f"bench_dhcp exit {run.returncode}: {run.stderr.strip()}"}))
        return
    result = {"ping": not NO_PING, "leases left": len(leases)}
    for api, interface in (("nsapi", TAP), ("udhcpc", SERVER)):
        rounds = [line.split()[3:] for line in run.stdout.splitlines() if line.split()[1] == api]
        per_step = {}
        for ms, start, end in rounds:
            for kind, t in steps(sniffer.events, interface, float(start), float(end)).items():
                per_step.setdefault(kind, []).append(t)
        result[api] = {"ms": [float(r[0]) for r in rounds],
                       "steps": {kind: statistics.median(ts) * (1 if kind == "PROBES" else 1e3)
                                 for kind, ts in per_step.items() if len(ts) == len(rounds)}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
