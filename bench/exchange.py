"""64 KiB request/response round trips: examples/tcp_ping_pong sends 64 KiB to socat (a kernel-side
echo, which writes back what each read gave it, up to 8 KiB at a time, with Nagle on) and reads the
64 KiB echoed back, 300 times on one connection; over lwIP on a TAP device against over POSIX on lo,
each in a network namespace of its own.  Row: lwIP's 99th percentile round trip against POSIX's
(goal: at most twice).  A delayed ACK meeting the peer's Nagle shows here as a round trip of a
timer's length (lwIP's 250 ms, Linux's 40 ms)."""

import re

import http_load

ROUNDS, SIZE = 300, 65536
ECHO = "socat TCP-LISTEN:%d,bind={kernel},reuseaddr,fork PIPE" % http_load.PORT
CLIENT = "{examples}/tcp_ping_pong {options} {kernel} %d %d %d" % (http_load.PORT, ROUNDS, SIZE)


def measure(examples):
    """[(name, lwIP's p99 ms, POSIX's p99 ms, unit, goal, note)]; [] if it cannot run."""
    why = http_load.missing(["unshare", "ip", "socat"])
    if why:
        print(f"exchange: skipped, {why}")
        return []
    got = {}
    for config in ("lwip-tap", "posix"):
        rc, out, err = http_load.in_namespace(examples, config, ECHO, "kernel", CLIENT)
        p99 = re.search(r"round trip 99th percentile: (\d+) ms", out)
        summary = re.search(r"round trip: min (\d+) ms, average (\d+) ms, max (\d+) ms", out)
        if rc != 0 or not p99 or not summary:
            print(f"exchange: {config} failed (exit {rc}): {(out + err).strip()[-300:]}")
            return []
        got[config] = int(p99.group(1)), summary.groups()
    (lwip, (_, lwip_avg, lwip_max)), (posix, (_, posix_avg, posix_max)) = got["lwip-tap"], got["posix"]
    return [(f"64 KiB request/response, p99 of {ROUNDS} round trips: lwIP on TAP vs POSIX on lo",
             lwip, posix, "ms", 2.0, f"average {lwip_avg} / {posix_avg} ms, max {lwip_max} / {posix_max} ms; "
             "examples/tcp_ping_pong against socat (ms resolution)")]
