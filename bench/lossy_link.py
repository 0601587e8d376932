"""Measured runs over an impaired link (not a test): 10 MiB each way through TCP echo, as
examples/tcp_ping_pong rounds of 64 KiB against socat, over lwIP on a TAP device impaired by
NSAPI_IMPAIR (stacks/lwip/netif_impair.c) and over POSIX on lo with the kernel dropping packets at
random (nftables, numgen random: loss only, the kernel here has no netem). Each run in a network
namespace of its own; prints one line per run (completed or not, the longest round) and a summary.

    python3 bench/lossy_link.py [--runs N] [--mib M] [--impair SPEC] [--examples DIR] [lwip-tap|posix ...]
"""
import argparse
import concurrent.futures
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "examples"))
import netns  # noqa: E402

SPEC = "loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed={seed}"
ECHO = "socat TCP-LISTEN:7000,bind={ip},reuseaddr,fork PIPE"
ROUND = 65536


def nft_loss(percent):
    """Shell commands dropping percent of the packets lo carries (each is output once)."""
    return ("nft add table inet impair && nft add chain inet impair out '{{{{ type filter hook output priority 0; }}}}'"
            f" && nft add rule inet impair out meta l4proto tcp numgen random mod 100 '<' {percent} counter drop")


def one(config, rounds, spec, loss, size=ROUND):
    """One run: (rc, seconds, the longest round, the longest wait in one call, the last line)."""
    if config == "lwip-tap":
        servers, options = [ECHO], f"NSAPI_IMPAIR={spec}"
    else:
        servers, options = [nft_loss(loss), ECHO], ""
    start = time.monotonic()
    rc, out, err = netns.run(config, servers, [7000], "tcp_ping_pong", f"{{ip}} 7000 {rounds} {size}", timeout=1800,
                             env=options)
    took = time.monotonic() - start
    m = re.search(r"max (\d+) ms", out)
    w = re.search(r"longest wait in one call: (\d+) ms", out)
    return (rc, took, int(m.group(1)) if m else None, int(w.group(1)) if w else None,
            (out + err).strip().splitlines()[-1:])


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=10)
    a.add_argument("--parallel", type=int, default=5)
    a.add_argument("--round", type=int, default=ROUND, help="bytes a round each way (64 KiB at most)")
    a.add_argument("--mib", type=int, default=10)
    a.add_argument("--impair", default=SPEC)
    a.add_argument("--loss", type=int, default=10, help="POSIX: percent of TCP packets nft drops")
    a.add_argument("--examples", default=os.path.join(netns.ROOT, "build", "release", "examples"))
    a.add_argument("configs", nargs="*", default=["lwip-tap", "posix"])
    o = a.parse_args()
    netns.EXAMPLES = o.examples
    rounds = o.mib * 1024 * 1024 // o.round
    for config in o.configs:
        # Runs wait on timers far more than they compute: several at once, each in its own namespace.
        with concurrent.futures.ThreadPoolExecutor(o.parallel) as pool:
            results = list(pool.map(lambda i: one(config, rounds, o.impair.format(seed=i + 1), o.loss, o.round), range(o.runs)))
        for i, (rc, took, longest, wait, last) in enumerate(results):
            print(f"{config} run {i + 1}: rc {rc}, {took:.1f} s, longest round {longest} ms, longest wait {wait} ms"
                  f"  {last}", flush=True)
        print(f"{config}: {sum(r[0] == 0 for r in results)} of {o.runs} completed, longest round"
              f" {max(r[2] or 0 for r in results)} ms, longest wait {max(r[3] or 0 for r in results)} ms", flush=True)


if __name__ == "__main__":
    main()
