"""`scons bench`: every figure as a ratio against a baseline measured in the same run.

usage: python3 bench/run.py ROOT BUILD [--rounds N] [--quick] [--pin one|split|none] [--lwip TREE PORT]
                            [--only GROUP[,GROUP...]]
  ROOT   the project; BUILD the directory holding bench_lwip, bench_posix, bench_dhcp, bench_tls[_lwip],
         where bench.csv and bench.png are written; TREE and PORT the lwIP sources the build used,
         compiled for the Cortex-M4 footprint too.
  --rounds N  timed rounds a row, after an untimed one (7 unless given; --reps is the old name);
  --quick     for development: the socket rows alone, 3 rounds, 32 MiB bulk, 200 ms rounds;
  --pin       where the two ends of a ping-pong or connection round run: "one" CPU for both (the
              default), "split" (client on CPU 0, server on CPU 1) or "none"; bulk is never pinned;
  --only      the groups to run (GROUPS below: throughput, dhcp, tls, instructions, footprint,
              generator, http, board, scale), e.g. --only dhcp (which needs root).
Prints a table and exits 0 whether or not the goals are met: it is a measurement, not a test.
Each figure is the median of the rounds, with its interquartile range (IQR); a ratio is the median of
the rounds' ratios (each round runs ours and the baseline back to back) with the IQR of those.  "met"
is yes or no, or "noisy" when that IQR is larger than the ratio's distance to its goal: the run cannot
tell.  docs/bench-method.md says why.

Adding rows: a group is a function of the run (class Run) returning Rows; give Row the rounds of each
side as lists (or single figures for a size), and add the function to GROUPS.
"""

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import exchange  # noqa: E402 -- bench/, the script's own directory
import http_load  # noqa: E402
import scale  # noqa: E402

WORKLOADS = {"tcp_bulk": "MB/s", "udp_pingpong": "round trips/s", "tcp_connect": "connections/s"}
PER = {"tcp_bulk": "MiB", "udp_pingpong": "round trip", "tcp_connect": "connection"}
# (workload, program, ours, baseline, goal: ours/baseline at least this)
THROUGHPUT = [
    ("tcp_bulk", "bench_lwip", "nsapi", "sockets", 1.3),
    ("tcp_bulk", "bench_lwip", "nsapi", "raw", 0.9),
    ("tcp_bulk", "bench_lwip", "event", "raw", 0.9),  # nsapi in lwIP's event-driven mode: sigio under the lock
    ("udp_pingpong", "bench_lwip", "nsapi", "sockets", 1.3),
    ("udp_pingpong", "bench_lwip", "nsapi", "raw", None),
    ("tcp_connect", "bench_lwip", "nsapi", "sockets", 1.3),
    ("tcp_connect", "bench_lwip", "nsapi", "raw", None),
    ("tcp_bulk", "bench_posix", "nsapi", "kernel", 0.95),
    ("udp_pingpong", "bench_posix", "nsapi", "kernel", 0.95),
    ("tcp_connect", "bench_posix", "nsapi", "kernel", 0.95),
]
ARM = ["arm-none-eabi-gcc", "-Os", "-mcpu=cortex-m4", "-mthumb", "-std=c99", "-ffunction-sections",
       "-fdata-sections", "-c"]
TEXT_GOAL, OBJECT_GOAL, GENERATOR_GOAL = 8192, 128, 1.0
# The footprint's parts named in its note (by file), and the lean configuration's options (nsapi/options.h).
PARTS = {"resolver": ("dns.c", "dns_message.c"), "error strings": ("nsapi_error_strings.c",),
         "NetworkInterface": ("interface.c", "interface_checks.c")}
LEAN = ("-DNSAPI_CONFIG_DNS=0", "-DNSAPI_CONFIG_ERROR_TEXT=0")


def quartiles(values):
    """(first quartile, median, third quartile) of values, or the one value thrice."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


class Row:
    """One line of the table.  ours and baseline are each a list of rounds (a throughput, a time; round i
    of each measured back to back) or a single figure (a size); baseline None when there is none.
    switches: (ours, baseline) context switches an operation, each a list of rounds (or None); goal: the
    ratio's when there is a baseline, ours' otherwise."""

    def __init__(self, name, ours, baseline, unit, goal=None, higher_is_better=True, note="", switches=None,
                 voluntary=None):
        as_list = lambda x: None if x is None else list(x) if isinstance(x, (list, tuple)) else [x]
        self.name, self.unit, self.goal, self.higher_is_better, self.note = name, unit, goal, higher_is_better, note
        self.ours_rounds, self.baseline_rounds = as_list(ours), as_list(baseline)
        self.switches = [None if s is None else statistics.median(s) for s in (switches or (None, None))]
        self.voluntary = [None if s is None else statistics.median(s) for s in (voluntary or (None, None))]

    @property
    def ours(self):
        return statistics.median(self.ours_rounds)

    @property
    def baseline(self):
        return None if self.baseline_rounds is None else statistics.median(self.baseline_rounds)

    def iqr(self, rounds):
        """The interquartile range of rounds as a share of their median (0 for a single figure)."""
        if rounds is None or len(rounds) < 2 or statistics.median(rounds) == 0:
            return None
        q1, q2, q3 = quartiles(rounds)
        return (q3 - q1) / q2

    def ratios(self):
        """Each round's ours / baseline, when the rounds pair up."""
        b = self.baseline_rounds
        if b is None or len(b) != len(self.ours_rounds) or len(b) < 2 or 0 in b:
            return None
        return [o / x for o, x in zip(self.ours_rounds, b)]

    @property
    def ratio(self):
        if self.ratios():
            return statistics.median(self.ratios())
        return self.ours / self.baseline if self.baseline else None

    @property
    def ratio_quartiles(self):
        return quartiles(self.ratios()) if self.ratios() else None

    @property
    def spread(self):
        """What the goal is compared with, how uncertain: the ratio's IQR, or ours' without a baseline."""
        if self.baseline_rounds is not None:
            q = self.ratio_quartiles
            return None if q is None else q[2] - q[0]
        if len(self.ours_rounds) < 2:
            return None
        q1, _, q3 = quartiles(self.ours_rounds)
        return q3 - q1

    @property
    def met(self):
        if self.goal is None:
            return "-"
        value = self.ours if self.baseline_rounds is None else self.ratio
        if self.spread is not None and self.spread > abs(value - self.goal):
            return "noisy"
        return "yes" if (value >= self.goal if self.higher_is_better else value <= self.goal) else "no"


class Run:
    """What a run was asked for, as every group sees it."""

    def __init__(self, args):
        self.root, self.build, self.rounds, self.quick = args.root, args.build, args.rounds, args.quick
        self.lwip_tree, self.lwip_port, self.pin = args.lwip[0], args.lwip[1], args.pin
        self.bulk_bytes = (32 << 20) if args.quick else None
        self.duration_ms = 200 if args.quick else None

    def env(self, workload):
        """The environment of a socket benchmark program for workload: its pinning and round length."""
        env = dict(os.environ)
        cpus = pinning(self.pin, workload)
        if cpus:
            env["BENCH_CPUS"] = cpus
        if self.duration_ms:
            env["BENCH_DURATION_MS"] = str(self.duration_ms)
        return env


def pinning(pin, workload):
    """BENCH_CPUS for a workload: the two ends of a strictly alternating round (ping-pong, connect) on
    one CPU, or split over two; bulk, whose ends run at once, never pinned.  None: not pinned."""
    cpus = sorted(os.sched_getaffinity(0))
    if workload == "tcp_bulk" or pin == "none" or len(cpus) < (2 if pin == "split" else 1):
        return None
    return f"{cpus[0]},{cpus[1]}" if pin == "split" else f"{cpus[-1]},{cpus[-1]}"


def rounds(run, program, workload):
    """{api: ([figure a round], [switches an operation], [voluntary ones])} of one program's rounds."""
    command = [program, workload, "all", str(run.rounds)] + ([str(run.bulk_bytes)] if run.bulk_bytes else [])
    p = subprocess.run(command, capture_output=True, text=True, timeout=1200, env=run.env(workload))
    if p.returncode != 0:
        print(f"{os.path.basename(program)} {workload} failed (exit {p.returncode}): {p.stderr.strip()}")
        return None
    result = {}
    for line in p.stdout.splitlines():
        _, api, _, value, per, voluntary = line.split()
        for i, x in enumerate((value, per, voluntary)):
            result.setdefault(api, ([], [], []))[i].append(float(x))
    return result


def throughput(run):
    rows, cache = [], {}
    for workload, program, ours, baseline, goal in THROUGHPUT:
        key = (program, workload)
        if key not in cache:
            cache[key] = rounds(run, os.path.join(run.build, program), workload)
        if cache[key] is None:
            continue
        got = cache[key]
        stack = "lwIP" if program == "bench_lwip" else "POSIX"
        cpus = pinning(run.pin, workload)
        mode = " event mode" if ours == "event" else ""
        rows.append(Row(f"{workload} ({stack}{mode}) vs {baseline}", got[ours][0], got[baseline][0], WORKLOADS[workload],
                        goal, switches=(got[ours][1], got[baseline][1]), voluntary=(got[ours][2], got[baseline][2]),
                        note=f"switches a {PER[workload]}; " + (f"both ends on CPU {cpus.split(',')[0]}"
                             if cpus and cpus.split(",")[0] == cpus.split(",")[1] else
                             f"client on CPU {cpus.split(',')[0]}, server on {cpus.split(',')[1]}" if cpus
                             else "not pinned")))
    return rows


def dhcp(run):
    root, build, reps = run.root, run.build, run.rounds
    """Connect to GLOBAL_UP with DHCP from dnsmasq: nsapi's interface over lwIP against busybox udhcpc, in
    a network namespace (bench/dhcp_netns.py builds it and says why the two are compared fairly)."""
    if os.geteuid() != 0:
        print("dhcp: skipped, not root (a network namespace, a TAP device and dnsmasq need root)")
        return []
    env = dict(os.environ, PATH=os.environ.get("PATH", os.defpath) + ":/usr/sbin:/sbin")  # SCons's lacks sbin
    missing = [t for t in ("unshare", "nsenter", "ip", "dnsmasq", "busybox")
               if shutil.which(t, path=env["PATH"]) is None]
    if missing:
        print(f"dhcp: skipped, {' and '.join(missing)} missing")
        return []
    # a PID namespace too, so that nothing it started (dnsmasq first) outlives it whatever happens
    p = subprocess.run(["unshare", "-n", "-p", "-f", "--mount-proc", "--kill-child", "--", sys.executable,
                        os.path.join(root, "bench", "dhcp_netns.py"), os.path.join(build, "bench_dhcp"), str(reps)],
                       capture_output=True, text=True, timeout=900, env=env)
    try:
        result = json.loads(p.stdout.splitlines()[-1])
    except (IndexError, ValueError):
        result = {"error": f"exit {p.returncode}: {p.stderr.strip()[-500:]}"}
    if "error" in result:
        print(f"dhcp failed: {result['error']}")
        return []
    ours, theirs = result["nsapi"], result["udhcpc"]
    # Why they differ, as measured on the wire (2026-12-06, lwIP 2.1.3, busybox 1.35, dnsmasq 2.90):
    # the exchange itself takes about 1.5 ms for both (lwIP's DISCOVER leaves 0.03 ms after connect;
    # udhcpc's 5-10 ms after its start, busybox's exec and its "deconfig" script coming first).  Then
    # lwIP, with DHCP_DOES_ARP_CHECK (on by default with ARP), probes the acknowledged address (RFC
    # 2131 3.1's "final check", ARP from 0.0.0.0) and binds only after two more ticks of its 500 ms
    # DHCP timer pass unanswered: 500 to 1000 ms by where connect falls in the tick, the whole
    # difference (2-3 probes: etharp's 1 s timer resends the pending one).  udhcpc probes only with
    # -a, and binds at the ACK without it (10 ms; lwIP built with DHCP_DOES_ARP_CHECK 0, a scratch
    # build, took 2 ms).  nsapi keeps lwIP's (and Mbed's) default, the check, so the baseline checks
    # too: udhcpc -a1000, one second for a conflict to answer, where lwIP waits 0.5 to 1 s.

    def steps(side):
        marks = sorted((ms, kind) for kind, ms in side["steps"].items() if kind != "PROBES")
        return ", ".join(f"{kind} {ms:.1f}" for ms, kind in marks) + f", {side['steps'].get('PROBES', 0):g} ARP probes"

    return [Row("interface connect to GLOBAL_UP (lwIP, DHCP from dnsmasq) vs busybox udhcpc -a1000",
                ours["ms"], theirs["ms"], "ms", 1.0, higher_is_better=False,
                note=f"medians on the wire, ms after "
                     f"the start: nsapi {steps(ours)}; udhcpc {steps(theirs)}; dnsmasq "
                     f"{'pings' if result['ping'] else '--no-ping'}, {result['leases left']} leases left")]


def instructions(run):
    """callgrind: instructions per KiB received over lwIP, the nsapi and the lwIP-socket paths: the
    difference between a run of 8 MiB and one of 4 MiB, so that start-up is not counted."""
    build = run.build
    if shutil.which("valgrind") is None:
        return []
    per_kib = {}
    with tempfile.TemporaryDirectory() as tmp:
        for api in ("nsapi", "sockets"):
            totals = []
            for mib in (4, 8):
                out = os.path.join(tmp, f"{api}{mib}.out")
                subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                                os.path.join(build, "bench_lwip"), "tcp_bulk", api, "1", str(mib << 20)],
                               capture_output=True, check=True, timeout=600)
                with open(out) as f:
                    totals.append(int(re.search(r"^(?:summary|totals): (\d+)", f.read(), re.M).group(1)))
            # each run moves 2 x BYTES (its warm-up round and its timed one)
            per_kib[api] = (totals[1] - totals[0]) / (2 * 4 * 1024)
    return [Row("tcp_bulk (lwIP) instructions per KiB, nsapi vs sockets", per_kib["nsapi"], per_kib["sockets"],
                "instructions", None, higher_is_better=False, note="callgrind; lower is better")]


TLS_PORT = 4490


def tls(run):
    """nsapi's TLSSocket on POSIX against mbedTLS over mbedtls_net_*, both clients of one openssl s_server -WWW
    serving a 64 MiB file from a temporary folder with certificates made for the run (tests/tls/make_certs.sh)."""
    root, build, reps = run.root, run.build, run.rounds
    program = os.path.join(build, "bench_tls")
    if shutil.which("openssl") is None or not os.path.exists(program):
        return []
    rows = []
    with tempfile.TemporaryDirectory(prefix="nsapi-bench-tls-") as tmp:
        subprocess.run(["sh", os.path.join(root, "tests", "tls", "make_certs.sh"), tmp], check=True)
        with open(os.path.join(tmp, "big.bin"), "wb") as f:
            f.write(os.urandom(64 * 1024 * 1024))
        server = subprocess.Popen(["openssl", "s_server", "-accept", f"127.0.0.1:{TLS_PORT}", "-cert", "server.pem",
                                   "-key", "server.key", "-WWW", "-quiet"], cwd=tmp, stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.5)
            for workload, unit, goal in (("tls_bulk", "MB/s", 0.95), ("tls_handshake", "handshakes/s", 0.95),
                                         ("tls_heap", "bytes", None)):
                p = subprocess.run([program, workload, "all", str(reps), str(TLS_PORT), tmp], capture_output=True,
                                   text=True, timeout=1200)
                if p.returncode != 0:
                    print(f"bench_tls {workload} failed (exit {p.returncode}): {p.stderr.strip()}")
                    continue
                values = {}
                for line in p.stdout.splitlines():
                    values.setdefault(line.split()[1], []).append(float(line.split()[3]))
                ours, base = values["nsapi"], values["mbedtls"]
                if workload == "tls_heap":
                    rows.append(Row("tls peak heap a connection (POSIX) vs mbedtls_net", max(ours), max(base), unit,
                                    higher_is_better=False,
                                    note="counted by bench_tls's malloc over glibc's; the TLSSocket's 3 KB of "
                                         "contexts are the caller's, not heap"))
                else:
                    rows.append(Row(f"{workload} (POSIX) vs mbedtls_net", ours, base, unit, goal,
                                    note="openssl s_server -WWW"))
        finally:
            server.kill()
            server.wait()
    return rows


def tls_lwip(run):
    """The same over lwIP's loopback netif, in one process: nsapi's TLSSocket over nsapi's lwIP backend against
    mbedTLS over lwIP's sockets, both clients of an mbedTLS server of bench_tls_lwip's own on lwIP's sockets
    (openssl s_server cannot listen inside lwIP)."""
    root, build, reps = run.root, run.build, run.rounds
    program = os.path.join(build, "bench_tls_lwip")
    if not os.path.exists(program):
        return []
    rows = []
    with tempfile.TemporaryDirectory(prefix="nsapi-bench-tls-lwip-") as tmp:
        subprocess.run(["sh", os.path.join(root, "tests", "tls", "make_certs.sh"), tmp], check=True)
        for workload, unit in (("tls_bulk", "MB/s"), ("tls_handshake", "handshakes/s")):
            p = subprocess.run([program, workload, "all", str(reps), tmp], capture_output=True, text=True,
                               timeout=1200)
            if p.returncode != 0:
                print(f"bench_tls_lwip {workload} failed (exit {p.returncode}): {p.stderr.strip()}")
                continue
            values = {}
            for line in p.stdout.splitlines():
                values.setdefault(line.split()[1], []).append(float(line.split()[3]))
            ours, base = values["nsapi"], values["sockets"]
            rows.append(Row(f"{workload} (lwIP) vs lwIP sockets", ours, base, unit, 1.2,
                            note="in-process mbedTLS server"))
    return rows


def tls_footprint(root, build):
    """.text of nsapi's TLS glue on the Cortex-M4 (mbedTLS excluded; its headers from /usr/include, less
    its pthread mutexes: bench/footprint/mbedtls_user_config.h), without the host's entropy hook
    (tls_entropy.c, getrandom: a board's port gives its own)."""
    if shutil.which("arm-none-eabi-gcc") is None or not os.path.isdir("/usr/include/mbedtls"):
        return []
    out = os.path.join(build, "footprint", "tls")
    os.makedirs(out, exist_ok=True)
    link = os.path.join(out, "mbedtls")
    if not os.path.islink(link):
        os.symlink("/usr/include/mbedtls", link)  # mbedTLS's headers alone, not the host's libc's
    flags = ["-I" + os.path.join(root, p) for p in ("bench/footprint", "generated/include", "runtime/include",
                                                     "tls/include", "tls", "generated/tls/src")]
    flags += ["-isystem", out, '-DMBEDTLS_USER_CONFIG_FILE="mbedtls_user_config.h"',
              "-D_POSIX_MONOTONIC_CLOCK=200112L"]
    sources = sorted(os.path.join(root, "tls", f) for f in os.listdir(os.path.join(root, "tls"))
                     if f.endswith(".c") and f != "tls_entropy.c")
    sources += sorted(os.path.join(root, "generated", "tls", "src", f)
                      for f in os.listdir(os.path.join(root, "generated", "tls", "src")) if f.endswith(".c"))
    return [(os.path.relpath(s, root),) + object_size(s, flags, os.path.join(out, os.path.basename(s)[:-2] + ".o"))
            for s in sources]


def tls_rows(run):
    files = tls_footprint(run.root, run.build)
    for name, text, data, bss in files:
        print(f"  TLS glue {name:40} text {text:6}  data {data:4}  bss {bss:5}")
    return [Row("footprint: TLS glue .text, tls/ + generated/tls (Cortex-M4, -Os)", sum(f[1] for f in files), None,
                "bytes", higher_is_better=False, note="mbedTLS excluded; no entropy hook (the port's)")] if files else []


def footprint(root, build, config="", defines=()):
    """Per file (name, text, data, bss) and sizeof each public type, the runtime built with defines."""
    if shutil.which("arm-none-eabi-gcc") is None:
        return [], []
    out = os.path.join(build, "footprint", config)
    os.makedirs(out, exist_ok=True)
    include = ["-I" + os.path.join(root, "bench", "footprint"), "-I" + os.path.join(root, "generated", "include"),
               "-I" + os.path.join(root, "runtime", "include"), "-I" + os.path.join(root, "runtime"),
               "-I" + os.path.join(root, "generated", "src")] + list(defines)
    sources = sorted(os.path.join(root, "runtime", f) for f in os.listdir(os.path.join(root, "runtime"))
                     if f.endswith(".c") and f != "os_pthread.c")
    sources += sorted(os.path.join(root, "generated", "src", f) for f in os.listdir(os.path.join(root, "generated", "src"))
                      if f.endswith(".c"))
    sources.append(os.path.join(root, "bench", "footprint", "os_rtos.c"))
    files = []
    for source in sources:
        obj = os.path.join(out, os.path.basename(source)[:-2] + ".o")
        files.append((os.path.relpath(source, root),) + object_size(source, include, obj))
    # sizeof every public object type on the target: the size of an array of that many bytes
    # (the core's headers and the backends' side; not a part's such as TLS, which needs its own dependency)
    folder = os.path.join(root, "generated", "include", "nsapi")
    with open(os.path.join(folder, "nsapi.h")) as f:
        headers = re.findall(r'^#include "nsapi/(\w+\.h)"', f.read(), re.M) + ["stack_api.h"]
    types, text = [], ""
    for name in sorted(set(headers) & set(os.listdir(folder))):
        with open(os.path.join(folder, name)) as f:
            text += f.read()
    # a forward typedef counts only where those headers define the struct too
    types += [t for tag, t in re.findall(r"^typedef struct (\w+) (nsapi_\w+_t);", text, re.M)
              if re.search(rf"^struct {tag} \{{", text, re.M)]
    types += re.findall(r"^typedef struct \w+ \{.*?^\} (nsapi_\w+_t);", text, re.M | re.S)
    sizes = {}
    for group in [types] + [[t] for t in types]:  # one type at a time if some are left out by the defines
        probe = os.path.join(out, "sizes.c")
        with open(probe, "w") as f:
            f.write('#include "nsapi/nsapi.h"\n#include "nsapi/stack_api.h"\n')
            f.writelines(f"const char size_of_{t}[sizeof({t})] = {{1}};\n" for t in group)
        if subprocess.run(ARM + include + [probe, "-o", probe[:-2] + ".o"], capture_output=True).returncode != 0:
            continue
        symbols = subprocess.run(["arm-none-eabi-nm", "-S", probe[:-2] + ".o"], capture_output=True, text=True,
                                 check=True).stdout
        sizes.update({m.group(2): int(m.group(1), 16)
                      for m in re.finditer(r"^\S+ (\S+) R size_of_(\w+)$", symbols, re.M)})
        if group is types:
            break
    return files, [(t, sizes[t]) for t in types if t in sizes]


def linked_client(root, build, config):
    """.text of what bench/footprint/client.c (a firmware's TCP client) links of the runtime and generated code
    that footprint(build, config) compiled, with --gc-sections: the client's own function, the C library and
    the RTOS left out."""
    out = os.path.join(build, "footprint", config)
    objects = [os.path.join(out, f) for f in sorted(os.listdir(out))
               if f.endswith(".o") and f not in ("sizes.o", "client.o")]
    flags = ["-I" + os.path.join(root, p) for p in ("bench/footprint", "generated/include", "runtime/include")]
    client = os.path.join(out, "client")
    own = object_size(os.path.join(root, "bench", "footprint", "client.c"), flags, client + ".o")[0]
    subprocess.run(ARM[:-1] + ["-nostdlib", "-Wl,--gc-sections", "-Wl,--unresolved-symbols=ignore-all",
                               "-Wl,-e,nsapi_footprint_client", client + ".o"] + objects + ["-o", client + ".elf"],
                   check=True, capture_output=True)
    return int(subprocess.run(["arm-none-eabi-size", client + ".elf"], capture_output=True, text=True,
                              check=True).stdout.splitlines()[1].split()[0]) - own


def configuration_rows(root, build, files, types, config, title, goal=None):
    """The total of one configuration, its parts, the client's share, and the stack object's size in it."""
    part = {name: sum(f[1] for f in files if os.path.basename(f[0]) in members) for name, members in PARTS.items()}
    return [Row(f"footprint: runtime + generated .text{title} (Cortex-M4, -Os)", sum(f[1] for f in files), None,
                "bytes", goal, higher_is_better=False,
                note=", ".join(f"{name} {size:,} B" for name, size in part.items())
                + f"; .data {sum(f[2] for f in files)} B, .bss {sum(f[3] for f in files)} B"),
            Row(f"footprint: what a TCP client links of it{title}", linked_client(root, build, config), None, "bytes",
                higher_is_better=False, note="bench/footprint/client.c, --gc-sections; libc and the RTOS not counted"),
            Row(f"footprint: sizeof(nsapi_stack_t){title}", dict(types)["nsapi_stack_t"], None, "bytes",
                higher_is_better=False)]


def object_size(source, flags, obj):
    """(text including read-only data, data, bss) of source compiled for the Cortex-M4."""
    subprocess.run(ARM + flags + [source, "-o", obj], check=True, capture_output=True)
    text, data, bss = subprocess.run(["arm-none-eabi-size", obj], capture_output=True, text=True,
                                     check=True).stdout.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


def lwip_footprint(root, build, tree, port):
    """lwIP for the Cortex-M4 with nsapi's lwipopts.h (its small-target profile: static pools), as a
    firmware links it under nsapi: the product's lwIP files but the Unix port's sys_arch.c (the
    RTOS brings its own), and config/core_unlock.c.  Per file, and the total without assertions."""
    if shutil.which("arm-none-eabi-gcc") is None or tree is None:
        return [], None
    sys.path.insert(0, os.path.join(root, "stacks", "lwip"))
    import lwip_source
    out = os.path.join(build, "footprint", "lwip")
    os.makedirs(out, exist_ok=True)
    flags = ["-I" + os.path.join(root, "stacks", "lwip", "config"), "-I" + os.path.join(tree, "src", "include"),
             "-I" + os.path.join(port, "include")]
    sources = [f for f in lwip_source.sources(tree, port) if os.path.basename(f) != "sys_arch.c"]
    sources.append(os.path.join(root, "stacks", "lwip", "config", "core_unlock.c"))
    files, bare = [], 0
    for source in sources:
        obj = os.path.join(out, os.path.basename(source)[:-2] + ".o")
        files.append((os.path.relpath(source, tree if source.startswith(tree) else root),)
                     + object_size(source, flags, obj))
        bare += object_size(source, flags + ["-DLWIP_NOASSERT"], obj)[0]
    return files, bare


def board_rows(run):
    """The mps2 firmware's size (`scons board`: the worked example on QEMU's mps2-an386), whole from
    arm-none-eabi-size and per part from the link map (ports/mps2/size.py); none if it is not built."""
    root = run.root
    elf = os.path.join(root, "build", "board", "ethernet_http.elf")
    if shutil.which("arm-none-eabi-size") is None or not os.path.exists(elf):
        return []
    sys.path.insert(0, os.path.join(root, "ports", "mps2"))
    import size
    text, data, bss = subprocess.run(["arm-none-eabi-size", elf], capture_output=True, text=True,
                                     check=True).stdout.splitlines()[1].split()[:3]
    rows = [Row("firmware: mps2 ethernet_http .text, whole image (Cortex-M4, -Os, newlib-nano)", int(text), None,
                "bytes", higher_is_better=False, note=f".data {data} B, .bss {int(bss):,} B; no heap or stack counted")]
    for part, (ptext, pdata, pbss) in size.parts(elf[:-4] + ".map").items():
        rows.append(Row(f"firmware: .text of {part}", ptext, None, "bytes", higher_is_better=False,
                        note=f".data {pdata} B, .bss {pbss:,} B (link map; merged strings counted per part)"))
    return rows


def generator_time(run):
    """Regenerating everything from idl/, a process of its own, wall time: each round's."""
    root, reps, times = run.root, run.rounds, []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(reps + 1):
            out = os.path.join(tmp, str(i))
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "--out", out], cwd=root, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
    return [Row("generator: regenerate everything from idl/", times[1:], None, "s", GENERATOR_GOAL,
                higher_is_better=False, note="wall time, a process of its own; the first round, untimed, warms "
                                             "the disk cache")]


def footprint_rows(run):
    """Cortex-M4 .text of the runtime and generated code, sizeof the socket objects, lwIP with nsapi's options;
    the per-file figures printed as they come."""
    rows = []
    files, types = footprint(run.root, run.build)
    if files:
        print("footprint per file (arm-none-eabi-gcc -Os -mcpu=cortex-m4 -mthumb; text includes rodata):")
        for name, text, data, bss in files:
            print(f"  {name:40} text {text:6}  data {data:4}  bss {bss:5}")
        print("sizeof on that target: " + ", ".join(f"{t} {s}" for t, s in types))
        text = sum(f[1] for f in files)
        rows += configuration_rows(run.root, run.build, files, types, "", "", TEXT_GOAL)
        rows += configuration_rows(run.root, run.build, *footprint(run.root, run.build, "lean", LEAN), "lean",
                                   ", no resolver, error names only")
        for t, size in types:
            if t in ("nsapi_socket_t", "nsapi_udp_socket_t", "nsapi_tcp_socket_t", "nsapi_tcp_server_t"):
                rows.append(Row(f"footprint: sizeof({t})", size, None, "bytes", OBJECT_GOAL, higher_is_better=False))
    lwip_files, lwip_bare = lwip_footprint(run.root, run.build, run.lwip_tree, run.lwip_port)
    if lwip_files:
        print("\nlwIP for the same target with nsapi's lwipopts.h, per file (text includes rodata):")
        for name, text_, data, bss in lwip_files:
            print(f"  {name:40} text {text_:6}  data {data:4}  bss {bss:5}")
        lwip_text = sum(f[1] for f in lwip_files)
        rows.append(Row("footprint: lwIP .text, nsapi's lwipopts.h (Cortex-M4, -Os)", lwip_text, None, "bytes",
                        note=f"core, IPv4/IPv6, TCP, UDP, DHCP, AutoIP, ND, MLD, IGMP, Ethernet, lwIP's thread; "
                             f"{lwip_bare:,} B without assertions; .data {sum(f[2] for f in lwip_files)} B, "
                             f".bss {sum(f[3] for f in lwip_files):,} B (static pools and heap)"))
        if files:
            rows.append(Row("footprint: network stack .text, runtime + generated + lwIP", text + lwip_text, None,
                            "bytes", note="what a firmware links for nsapi over lwIP, less the backend's glue"))
    return rows


def tls_all(run):
    return tls(run) + tls_lwip(run) + tls_rows(run)


# The groups of rows, in the table's order: (name for --only, function of the Run returning Rows).
# Another kind of row (an HTTP load, a firmware's sizes) is a function here and one line below.
def http_rows(run):
    """http_server under ab and wrk, and 64 KiB request/response exchanges: lwIP on TAP against POSIX on lo
    (bench/http_load.py, bench/exchange.py; as root)."""
    examples = os.path.join(os.path.dirname(run.build), "examples")
    return [Row(name, ours, base, unit, goal, higher_is_better=unit != "ms", note=note)
            for name, ours, base, unit, goal, note in http_load.measure(examples) + exchange.measure(examples)]


def scale_rows(run):
    """An echo server holding 10,000 TCP connections (bench/scale.py): nsapi over POSIX against the same server
    on epoll, messages a second (nsapi's server doing its work in sigio, one thread as epoll's; and handing each
    event to a loop in a second thread) and memory a connection; lwIP on TAP's count and memory.  As root, in a
    network namespace of its own."""
    got = scale.measure(run.build, run.rounds, 1.0 if run.quick else 1.5)
    if "error" in got:
        print(f"scale failed: {got['error']}")
        return []
    pick = lambda server, key: [r[key] for r in got[server]]
    per_message = lambda server: statistics.median(r["server_cpu"] / r["rate"] * 1e6 for r in got[server])
    cpu = lambda server: statistics.median(pick(server, "server_cpu"))
    load = lambda server: statistics.median(pick(server, "load_cpu"))
    switches = lambda server: statistics.median(pick(server, "switches_each"))
    nsapi, epoll, sigio, lwip = (pick(s, "rate") for s in ("nsapi", "epoll", "nsapi-sigio", "lwip"))
    overhead = statistics.median(pick("nsapi", "bytes_each")) - statistics.median(pick("epoll", "bytes_each"))
    lwip_runs = got["lwip"]
    return [
        Row(f"scale: {scale.CONNECTIONS:,} TCP connections (POSIX), echo, one thread: nsapi's work in sigio (the "
            "stack's thread) vs epoll", sigio, epoll, "messages/s", 0.9,
            note=f"server CPU a message {per_message('nsapi-sigio'):.1f} / {per_message('epoll'):.1f} us, context "
                 f"switches a message {switches('nsapi-sigio'):.3f} / {switches('epoll'):.3f}, server "
                 f"{cpu('nsapi-sigio'):.2f} / {cpu('epoll'):.2f} cores, generator {load('nsapi-sigio'):.2f} / "
                 f"{load('epoll'):.2f}; one {scale.MESSAGE} B message in flight a connection; not pinned"),
        Row("scale: the same, two threads: sigio wakes the application's loop vs epoll", nsapi, epoll, "messages/s",
            note=f"server CPU a message {per_message('nsapi'):.1f} us, context switches a message "
                 f"{switches('nsapi'):.3f}, {cpu('nsapi'):.2f} cores: what handing each event to another thread "
                 "costs"),
        Row(f"scale: memory a connection (POSIX, {scale.CONNECTIONS:,} open), nsapi vs epoll",
            pick("nsapi", "bytes_each"), pick("epoll", "bytes_each"), "bytes", 1.5, higher_is_better=False,
            note=f"RSS growth / connections; nsapi adds {overhead:.0f} B a connection to the server's own "
                 f"{scale.BUFFER} B buffer and state"),
        Row(f"scale: lwIP on TAP, connections held (of {scale.LWIP_CONNECTIONS:,} asked)", pick("lwip", "held"),
            None, "connections",
            note=f"{statistics.median(pick('lwip', 'rate')):,.0f} messages/s at that count, connecting took "
                 f"{statistics.median(r['connect_s'] for r in lwip_runs):.1f} s; closed gracefully within 2 s: "
                 f"{statistics.median(pick('lwip', 'closed')):,.0f}"),
        Row("scale: lwIP on TAP, memory a connection", pick("lwip", "bytes_each"), None, "bytes",
            higher_is_better=False, note="RSS growth / connections, the same server and buffers as POSIX's"),
    ]


GROUPS = [
    ("throughput", throughput),
    ("dhcp", dhcp),
    ("tls", tls_all),
    ("instructions", instructions),
    ("footprint", footprint_rows),
    ("generator", generator_time),
    ("http", http_rows),
    ("board", board_rows),
    ("scale", scale_rows),
]
QUICK_GROUPS = ["throughput"]


def number(x):
    return "" if x is None else f"{x:,.2f}" if x < 10 else f"{x:,.0f}"


def percent(x):
    return "" if x is None else f"{x * 100:.0f}%"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("build")
    parser.add_argument("--rounds", "--reps", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pin", choices=["one", "split", "none"], default="one")
    parser.add_argument("--lwip", nargs=2, metavar=("TREE", "PORT"), default=(None, None))
    parser.add_argument("--only", help="comma-separated: " + ", ".join(name for name, _ in GROUPS))
    args = parser.parse_args()
    args.rounds = args.rounds or (3 if args.quick else 7)
    names = [name for name, _ in GROUPS]
    chosen = args.only.split(",") if args.only else QUICK_GROUPS if args.quick else names
    unknown = [name for name in chosen if name not in names]
    if unknown:
        parser.error(f"--only: no group {', '.join(unknown)}; the groups: {', '.join(names)}")
    started, run, rows = time.time(), Run(args), []
    for name, group in GROUPS:
        if name in chosen:
            rows += group(run)
    report(rows, args.build, started, f"{run.rounds} rounds a row" + (", quick" if args.quick else ""))


HEADER = ["workload", "ours", "ours IQR", "baseline", "baseline IQR", "ratio", "ratio IQR", "goal", "met",
          "switches/op", "unit", "note"]


def report(rows, build, started, how):
    """The table, and bench.csv and bench.png in build."""
    goals = ["" if r.goal is None else f"{'>=' if r.higher_is_better else '<='} {r.goal:g}{'x' if r.baseline else ''}"
             for r in rows]
    table = []
    for r, goal in zip(rows, goals):
        q = r.ratio_quartiles
        switches = "" if r.switches[0] is None else f"{r.switches[0]:.2f} / {r.switches[1]:.2f}"
        table.append([r.name, number(r.ours), percent(r.iqr(r.ours_rounds)), number(r.baseline),
                      percent(r.iqr(r.baseline_rounds)), number(r.ratio), "" if q is None else f"{q[0]:.2f}-{q[2]:.2f}",
                      goal, r.met, switches, r.unit, r.note])
    widths = [max(len(str(x)) for x in col) for col in zip(HEADER, *table)]
    print()
    for line in [HEADER] + table:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip())
    with open(os.path.join(build, "bench.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["workload", "ours", "ours_iqr", "baseline", "baseline_iqr", "ratio", "ratio_q1", "ratio_q3",
                      "goal", "met", "switches_ours", "switches_baseline", "voluntary_ours", "voluntary_baseline",
                      "unit", "rounds", "note"])
        for r in rows:
            q = r.ratio_quartiles
            blank = lambda x, digits=4: "" if x is None else round(x, digits)
            out.writerow([r.name, r.ours, blank(r.iqr(r.ours_rounds)), blank(r.baseline),
                          blank(r.iqr(r.baseline_rounds)), blank(r.ratio), blank(q and q[0]), blank(q and q[2]),
                          "" if r.goal is None else r.goal, r.met, blank(r.switches[0], 2), blank(r.switches[1], 2),
                          blank(r.voluntary[0], 2), blank(r.voluntary[1], 2), r.unit, len(r.ours_rounds), r.note])
    chart(rows, os.path.join(build, "bench.png"), how)
    print(f"\n{how}; bench.csv and bench.png in {build}; {time.time() - started:.0f} s")


def chart(rows, path, how):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("python3-matplotlib is missing: no bench.png")
        return
    ratios = [r for r in rows if r.baseline and r.ratio is not None]
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(ratios) + 1.5))
    names = [r.name for r in ratios]
    # the whiskers: each ratio's interquartile range over the rounds
    errors = [[r.ratio - r.ratio_quartiles[0] if r.ratio_quartiles else 0 for r in ratios],
              [r.ratio_quartiles[2] - r.ratio if r.ratio_quartiles else 0 for r in ratios]]
    colours = {"yes": "tab:green", "no": "tab:red", "noisy": "tab:orange"}
    ax.barh(names, [r.ratio for r in ratios], xerr=errors, capsize=3,
            color=[colours.get(r.met, "tab:gray") for r in ratios])
    for i, r in enumerate(ratios):
        if r.goal is not None:
            ax.plot([r.goal, r.goal], [i - 0.4, i + 0.4], color="black")
    ax.set_xscale("log")
    ax.set_xlabel("ours / baseline, median of the rounds, whiskers their IQR (log scale; a black tick is the goal;\n"
                  f"green met, red missed, orange noisy: the IQR is wider than the distance to the goal); {how}")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main()
