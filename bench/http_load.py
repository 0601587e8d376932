"""HTTP load on examples/http_server, over lwIP on a TAP device and over POSIX on lo, each in a network
namespace of its own with the load generator on the kernel's side: ab (apache2-utils) one connection
at a time, and wrk (4 connections, each request a connection of its own since the server says
"Connection: close").  Rows: lwIP's requests/s against POSIX's (goal: at least half).

Also `python3 bench/http_load.py EXAMPLES CONFIG CLIENT...`: one client command line ({device} the
server's address) against http_server in CONFIG's namespace, its output printed (docs/lwip-tcp.md's
long runs)."""

import os
import re
import shlex
import shutil
import subprocess
import sys

PORT = 8080
# The namespace's setup, the examples' options there, and the two sides' addresses.
CONFIGS = {
    "posix": {"device": "127.0.0.1", "kernel": "127.0.0.1", "setup": "ip link set lo up",
              "options": "--interface posix:lo"},
    "lwip-tap": {"device": "192.168.7.2", "kernel": "192.168.7.1",
                 "setup": "ip link set lo up && ip tuntap add dev nsapi0 mode tap"
                          " && ip addr add 192.168.7.1/24 dev nsapi0 && ip link set nsapi0 up",
                 "options": "--stack lwip-tap"},
}
CLIENTS = [  # (name, command, pattern of its requests/s, pattern of its failures)
    ("ab -n 20000 -c 1", "ab -q -n 20000 -c 1 http://{device}:%d/" % PORT,
     r"Requests per second:\s+([\d.]+)", r"Failed requests:\s+(\d+)"),
    ("wrk -c 4 -d 5s", "wrk -c 4 -t 1 -d 5s http://{device}:%d/" % PORT,
     r"Requests/sec:\s+([\d.]+)", r"Socket errors: connect (\d+)"),
]


def in_namespace(examples, config, server, listens, client, timeout=600):
    """In a fresh network and PID namespace set up for config, start server, wait until {listens}:PORT
    accepts, run client; the client's (rc, stdout, stderr).  Both are shell commands, in which
    {examples} is the examples' directory, {options} the stack options of config and {device},
    {kernel} the two sides' addresses."""
    c = CONFIGS[config]
    fields = {"examples": shlex.quote(examples), "options": c["options"], "device": c["device"], "kernel": c["kernel"]}
    script = f"""
set -u
{c['setup']} || exit 90
{server.format(**fields)} >/dev/null 2>&1 &
pid=$!
i=0
until python3 -c "import socket; socket.create_connection(('{c[listens]}', {PORT}), 0.2)" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pid; exit 91; }}; sleep 0.1
done
{client.format(**fields)}
rc=$?
kill $pid; wait
exit $rc
"""
    p = subprocess.run(["unshare", "-n", "-p", "-f", "--mount-proc", "--kill-child", "--", "/bin/bash", "-c", script],
                       capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


HTTP_SERVER = "{examples}/http_server {options} %d" % PORT


def missing(tools):
    """Why the rows cannot be measured here, or None."""
    if os.geteuid() != 0:
        return "not root (network namespaces and a TAP device need root)"
    gone = [t for t in tools if shutil.which(t) is None]
    return f"{' and '.join(gone)} missing" if gone else None


def measure(examples):
    """[(name, lwIP's req/s, POSIX's req/s, unit, goal, note)] for each client; [] if it cannot run."""
    why = missing(["unshare", "ip", "ab", "wrk"])
    if why:
        print(f"http_load: skipped, {why}")
        return []
    rows = []
    for name, command, rate, failures in CLIENTS:
        got = {}
        for config in ("lwip-tap", "posix"):
            rc, out, err = in_namespace(examples, config, HTTP_SERVER, "device", command)
            found = re.search(rate, out)
            if rc != 0 or not found:
                print(f"http_load: {name} on {config} failed (exit {rc}): {(out + err).strip()[-300:]}")
                break
            failed = re.search(failures, out)
            got[config] = (float(found.group(1)), int(failed.group(1)) if failed else 0)
        if len(got) == 2:
            rows.append((f"http_server {name}: lwIP on TAP vs POSIX on lo", got["lwip-tap"][0], got["posix"][0],
                         "requests/s", 0.5, f"failures {got['lwip-tap'][1]} / {got['posix'][1]}; "
                         "one request a connection (Connection: close), the server closing first"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rc, out, err = in_namespace(sys.argv[1], sys.argv[2], HTTP_SERVER, "device", " ".join(sys.argv[3:]), 3600)
    print(out, err)
    sys.exit(rc)
