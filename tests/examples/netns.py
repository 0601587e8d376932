"""Running an example against real servers in a network namespace of its own (unshare -n):
over POSIX on 127.0.0.1, or over lwIP on a TAP device with the servers on the kernel's side.
Every server the script starts is stopped before it returns.  Needs root, as CI has."""

import os
import shlex
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "build", "test", "examples")

# server: the kernel side's address; device: the example's own address.
CONFIGS = {
    "posix": {"server": "127.0.0.1", "device": "127.0.0.1", "setup": "ip link set lo up",
              "options": "--interface posix:lo --dns 127.0.0.1"},
    "lwip-tap": {"server": "192.168.7.1", "device": "192.168.7.2",
                 "setup": "ip link set lo up && ip tuntap add dev nsapi0 mode tap"
                          " && ip addr add 192.168.7.1/24 dev nsapi0 && ip link set nsapi0 up",
                 "options": "--stack lwip-tap --dns 192.168.7.1"},
}
SETUP_FAILED, NOT_LISTENING = 90, 91


def nft_loss(percent, mtu=1500):
    """A server command that makes lo lose percent of the TCP packets it delivers, as a link would:
    on the input hook (a drop on output is a send that fails, which the sender repeats at once),
    one segment a packet at mtu (0: lo's own, with GSO), counted (NFT_DROPPED reads the counter).
    Its braces are doubled for run's format."""
    drop = ("nft add table inet impair && nft add chain inet impair in '{{ type filter hook input priority 0; }}'"
            f" && nft add rule inet impair in meta l4proto tcp numgen random mod 100 '<' {percent} counter drop")
    return f"ip link set lo mtu {mtu} gso_max_segs 1 && {drop}" if mtu else drop


NFT_DROPPED = "nft list chain inet impair in"  # after the example: what nft_loss dropped


def run(config, servers, tcp_ports, example, args, udp_ports=(), timeout=120, options=None, env="", after=""):
    """In a fresh namespace: set up config, start the servers (shell commands, {ip} replaced by the
    servers' address), wait for tcp_ports to accept and udp_ports to be bound, run the example with
    options (config's stack options unless given) and args, env (NAME=VALUE words) in its
    environment, then the shell commands after (the namespace's counters, say); (rc, stdout, stderr)."""
    c = CONFIGS[config]
    ip = c["server"]
    starts = "\n".join(f"{cmd.format(ip=ip)} >/dev/null 2>&1 & pids=\"$pids $!\"" for cmd in servers)
    waits = "\n".join(f"""i=0
until python3 -c "import socket; socket.create_connection(('{ip}', {port}), 0.2)" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {NOT_LISTENING}; }}; sleep 0.1
done""" for port in tcp_ports)
    waits += "\n" + "\n".join(f"""i=0
until [ -n "$(ss -Hlun 'sport = :{port}')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {NOT_LISTENING}; }}; sleep 0.1
done""" for port in udp_ports)
    script = f"""
set -u
pids=""
{c["setup"]} || exit {SETUP_FAILED}
{starts}
{waits}
{env} {shlex.quote(os.path.join(EXAMPLES, example))} {c["options"] if options is None else options} {args.format(ip=ip)}
rc=$?
{after}
kill $pids; wait
exit $rc
"""
    return run_script(script, timeout)


def run_script(script, timeout=120):
    """Run a bash script in a fresh network namespace; (rc, stdout, stderr)."""
    # A PID namespace too: when the script ends or times out, every process it started dies with it.
    p = subprocess.run(["unshare", "-n", "-p", "-f", "--mount-proc", "--kill-child", "--", "/bin/bash", "-c", script],
                       capture_output=True, text=True, timeout=timeout)
    assert p.returncode not in (SETUP_FAILED, NOT_LISTENING), f"the namespace's servers did not come up: {p.stderr}"
    return p.returncode, p.stdout, p.stderr


DNSMASQ = ("/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces"
           " --listen-address={ip} --port=53 --pid-file= --user=root --local=/test/ --host-record=partner.test,{ip}")
