"""Measured runs over an impaired link (not a test): 10 MiB each way through TCP echo, as
examples/tcp_ping_pong rounds of 64 KiB against socat, over lwIP on a TAP device impaired by
NSAPI_IMPAIR (stacks/lwip/netif_impair.c) and over POSIX on lo with the kernel dropping packets at
random as they arrive (nftables, numgen random: loss only, the kernel here has no netem), lo's MTU
lwIP's 1500 and one segment a packet. Each run in a network namespace of its own; prints one line
per run (completed or not, the longest round) and a summary.

    python3 bench/lossy_link.py [--runs N] [--mib M] [--impair SPEC] [--examples DIR] [--nstat]
                                [--capture DIR] [--mtu M] [--peer-linear] [lwip-tap|posix ...]

--nstat adds the kernel's TCP counters of each run's namespace (the peer's side: its timeouts,
probes, recoveries); --capture writes each lwIP run's TCP headers as seen on the TAP device, after
lwIP's outgoing impairment and before its incoming one (bench/tap_capture.py), to DIR/run-N.txt,
and reports from it each sender's longest stall (its data out, the ACK still);
--peer-linear sets the kernel's tcp_thin_linear_timeouts in the run's namespace.
"""
import argparse
import concurrent.futures
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "examples"))
import netns  # noqa: E402
import tap_capture  # noqa: E402

SPEC = "loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed={seed}"
ECHO = "socat TCP-LISTEN:7000,bind={ip},reuseaddr,fork PIPE"
ROUND = 65536
# The kernel's counters worth a column: its timeouts and what it repaired without them.
NSTAT = ["TcpExtTCPTimeouts", "TcpExtTCPLossProbes", "TcpExtTCPLossProbeRecovery", "TcpExtTCPSackRecovery",
         "TcpExtTCPSACKReneging", "TcpExtTCPRenoRecovery", "TcpExtTCPLostRetransmit", "TcpExtTCPSpuriousRTOs",
         "TcpExtTCPDSACKRecv", "TcpRetransSegs"]
CAPTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tap_capture.py")


def one(config, rounds, spec, loss, size=ROUND, nstat=False, capture=None, mtu=None, peer_linear=False):
    """One run: (rc, seconds, the longest round, the longest wait in one call, the last line, the
    kernel's counters)."""
    if config == "lwip-tap":
        servers, options = [ECHO], f"NSAPI_IMPAIR={spec}"
        if capture:
            servers.insert(0, f"python3 {CAPTURE} nsapi0 {capture}")
    else:
        servers, options = [netns.nft_loss(loss, mtu), ECHO], ""
    if peer_linear:
        servers.insert(0, "sysctl -qw net.ipv4.tcp_thin_linear_timeouts=1")
    start = time.monotonic()
    rc, out, err = netns.run(config, servers, [7000], "tcp_ping_pong", f"{{ip}} 7000 {rounds} {size}", timeout=1800,
                             env=options, after="nstat -asz 'Tcp*'" if nstat else "")
    took = time.monotonic() - start
    m = re.search(r"max (\d+) ms", out)
    w = re.search(r"longest wait in one call: (\d+) ms", out)
    counts = {k: int(v) for k, v in re.findall(r"^(Tcp\w+)\s+(\d+)", out, re.M)}
    lines = [line for line in (out + err).strip().splitlines() if not re.match(r"(Tcp\w+\s|#kernel)", line)]
    last = lines[-1:] if rc == 0 else lines[-3:]  # a failed run's error, and what it said before
    return (rc, took, int(m.group(1)) if m else None, int(w.group(1)) if w else None, last, counts)


def stall_line(s):
    """Each sender's longest stall in a run's capture, as text."""
    return (f"stall with lwIP sending {s['L'][0] * 1000:.0f} ms (at {s['L'][1]:.1f} s),"
            f" with the kernel sending {s['K'][0] * 1000:.0f} ms (at {s['K'][1]:.1f} s)")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=10)
    a.add_argument("--parallel", type=int, default=5)
    a.add_argument("--round", type=int, default=ROUND, help="bytes a round each way (64 KiB at most)")
    a.add_argument("--mib", type=int, default=10)
    a.add_argument("--impair", default=SPEC)
    a.add_argument("--loss", type=int, default=10, help="POSIX: percent of TCP packets nft drops")
    a.add_argument("--mtu", type=int, default=1500,
                   help="POSIX: lo's MTU, one segment a packet (lwIP's segment size by default; 0: lo's own, with GSO)")
    a.add_argument("--peer-linear", action="store_true",
                   help="the kernel's tcp_thin_linear_timeouts in the run's namespace (Linux's timer undoubled)")
    a.add_argument("--examples", default=os.path.join(netns.ROOT, "build", "release", "examples"))
    a.add_argument("--nstat", action="store_true", help="the kernel's TCP counters of each run")
    a.add_argument("--capture", help="a directory for each lwIP run's TCP headers on the TAP device")
    a.add_argument("--first-seed", type=int, default=1, help="the first run's seed (NSAPI_IMPAIR's seed)")
    a.add_argument("configs", nargs="*", default=["lwip-tap", "posix"])
    o = a.parse_args()
    netns.EXAMPLES = o.examples
    rounds = o.mib * 1024 * 1024 // o.round

    def capture_of(seed):
        return o.capture and os.path.join(os.path.abspath(o.capture), f"run-{seed}.txt")

    for config in o.configs:
        # Runs wait on timers far more than they compute: several at once, each in its own namespace.
        with concurrent.futures.ThreadPoolExecutor(o.parallel) as pool:
            results = list(pool.map(
                lambda i: one(config, rounds, o.impair.format(seed=i), o.loss, o.round, o.nstat,
                              capture_of(i), o.mtu, o.peer_linear),
                range(o.first_seed, o.first_seed + o.runs)))
        stalls = []
        for i, (rc, took, longest, wait, last, counts) in enumerate(results):
            print(f"{config} run {i + o.first_seed}: rc {rc}, {took:.1f} s, longest round {longest} ms, longest wait"
                  f" {wait} ms  {last}", flush=True)
            if o.capture and config == "lwip-tap":
                stalls.append(tap_capture.stalls(capture_of(i + o.first_seed)))
                print("    " + stall_line(stalls[-1]), flush=True)
            if o.nstat:
                print("    " + ", ".join(f"{k.replace('TcpExt', '')} {counts.get(k, 0)}" for k in NSTAT), flush=True)
        print(f"{config}: {sum(r[0] == 0 for r in results)} of {o.runs} completed, longest round"
              f" {max(r[2] or 0 for r in results)} ms, longest wait {max(r[3] or 0 for r in results)} ms", flush=True)
        for who, name in (("L", "lwIP"), ("K", "the kernel")):
            if stalls:
                print(f"{config}: with {name} sending, {sum(s[who][0] <= 2 for s in stalls)} of {len(stalls)} runs"
                      f" stalled 2 s at most, the longest {max(s[who][0] for s in stalls) * 1000:.0f} ms", flush=True)


if __name__ == "__main__":
    main()
