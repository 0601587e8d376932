"""The scale rows: bench_scale's echo server holding 10,000 TCP connections, driven by scale_load (a kernel-side
load generator: one 64-byte message in flight on each connection), in a network namespace of its own so that
nothing else on the machine shares its ports or its connection tables.  Over POSIX on lo: nsapi's server (its
loop woken by sigio) and nsapi's server doing its work in sigio, against the same server written on epoll,
round i of each run back to back, each a fresh process on a fresh port; over lwIP on a TAP device: the
connections it holds and the memory each takes (bench_scale nsapi --stack lwip-tap, 192.168.7.2).

As root only.  `python3 bench/scale.py BUILD ROUNDS SECONDS` runs one measurement (it enters the namespace
itself) and prints its JSON."""

import json
import os
import re
import select
import subprocess
import sys
import time

CONNECTIONS = 10000
MESSAGE, BUFFER = 64, 512  # bench/scale.h's SCALE_MESSAGE and SCALE_BUFFER
LWIP_CONNECTIONS = 10000
SOURCES = 4                # source addresses 127.0.1.1-4 for the generator (ephemeral ports are per address)
SERVERS = {"epoll": ["epoll"], "nsapi": ["nsapi", "--interface", "posix:lo"],
           "nsapi-sigio": ["nsapi-sigio", "--interface", "posix:lo"]}
LWIP = ["nsapi", "--stack", "lwip-tap"]
TAP_SETUP = [["ip", "tuntap", "add", "dev", "nsapi0", "mode", "tap"],
             ["ip", "addr", "add", "192.168.7.1/24", "dev", "nsapi0"], ["ip", "link", "set", "nsapi0", "up"]]


def line_within(stream, pattern, seconds):
    """The first line of stream matching pattern within seconds, or None."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([stream], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            return None
        line = stream.readline()
        if not line:
            return None
        found = re.search(pattern, line)
        if found:
            return found
    return None


def run_one(build, server, port, connections, address, seconds, sources, close_seconds):
    """One server process and one generator against it: a dict of the figures; raises RuntimeError."""
    p = subprocess.Popen([os.path.join(build, "bench_scale")] + server + [str(port), str(connections)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if line_within(p.stdout, r"^listening on port", 30) is None:
            raise RuntimeError(f"{server[0]} did not listen: {p.stderr.read() if p.poll() is not None else ''}")
        load = subprocess.run([os.path.join(build, "scale_load"), address, str(port), str(connections), str(seconds),
                               str(sources), str(p.pid), str(close_seconds)],
                              capture_output=True, text=True, timeout=seconds + 240)
        rate = re.search(r"connected (\d+) messages (\d+) seconds \S+ rate (\S+) load_cpu (\S+) server_cpu (\S+)"
                         r" server_switches (\S+)", load.stdout)
        closed = re.search(r"closed (\d+) of", load.stdout)
        up = re.search(r"up in (\S+) s", load.stderr)
        if load.returncode != 0 or not rate:
            raise RuntimeError(f"scale_load against {server[0]}: exit {load.returncode}: {load.stderr.strip()[-300:]}")
        rss = line_within(p.stdout, r"rss_before_kib (\d+) rss_full_kib (\d+) connections (\d+)", 30)
        if rss is None:
            raise RuntimeError(f"{server[0]} reported no memory")
        before, full, held = (int(x) for x in rss.groups())
        return {"connections": int(rate.group(1)), "held": held, "rate": float(rate.group(3)),
                "load_cpu": float(rate.group(4)), "server_cpu": float(rate.group(5)),
                "switches_each": float(rate.group(6)) / max(1, int(rate.group(2))),
                "bytes_each": (full - before) * 1024 / held, "closed": int(closed.group(1)) if closed else 0,
                "connect_s": float(up.group(1)) if up else None}
    finally:
        try:
            p.wait(timeout=10)  # it ends once every connection has gone
        except subprocess.TimeoutExpired:
            p.kill()  # lwIP still closing what the generator left: the figures are in
            p.wait()


def inside(build, rounds, seconds):
    """In the namespace: every round of the POSIX servers, then lwIP's; the JSON of the figures."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    for command in TAP_SETUP:
        subprocess.run(command, check=True)
    result, port, order = {name: [] for name in SERVERS}, 7000, list(SERVERS)
    for r in range(-1, rounds):  # round -1 warms up, untimed
        for k in range(len(order)):
            name = order[(k + r + 1) % len(order)]  # each round starts with another server
            port += 1
            got = run_one(build, SERVERS[name], port, CONNECTIONS, "127.0.0.1", seconds, SOURCES, 20)
            if r >= 0:
                result[name].append(got)
    result["lwip"] = []
    for r in range(max(1, rounds // 3)):  # lwIP's figures are counts and sizes, steady from run to run
        port += 1
        result["lwip"].append(run_one(build, LWIP, port, LWIP_CONNECTIONS, "192.168.7.2", 1, 0, 2))
    return result


def measure(build, rounds, seconds):
    """{server: [figures a round]} from a namespace of its own, or {"error": why}."""
    if os.geteuid() != 0:
        return {"error": "not root (a network namespace and a TAP device need root)"}
    p = subprocess.run(["unshare", "-n", "-p", "-f", "--mount-proc", "--kill-child", "--", sys.executable,
                        os.path.abspath(__file__), build, str(rounds), str(seconds), "--inside"],
                       capture_output=True, text=True, timeout=900)
    try:
        return json.loads(p.stdout.splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": f"exit {p.returncode}: {p.stderr.strip()[-500:]}"}


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[4] == "--inside":
        try:
            print(json.dumps(inside(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))))
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            print(json.dumps({"error": str(e)}))
    elif len(sys.argv) == 4:
        print(json.dumps(measure(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])), indent=1))
    else:
        sys.exit(__doc__)
