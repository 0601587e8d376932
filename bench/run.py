"""`scons bench`: every figure as a ratio against a baseline measured in the same run.

usage: python3 bench/run.py ROOT BUILD [--reps N] [--lwip TREE PORT] [--only dhcp|tls]
  ROOT   the project; BUILD the directory holding bench_lwip, bench_posix, bench_dhcp, bench_tls[_lwip],
         where bench.csv and bench.png are written; TREE and PORT the lwIP sources the build used,
         compiled for the Cortex-M4 footprint too; --only dhcp: that row alone (it needs root);
         --only tls: the TLS rows alone.
Prints a table (workload, ours, baseline, ratio, goal, met) and exits 0 whether or not the
goals are met: it is a measurement, not a test.  Medians of N rounds (5 unless given) after a
warm-up round; the spread is (max - min) / median of each side's rounds.
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

WORKLOADS = {"tcp_bulk": "MB/s", "udp_pingpong": "round trips/s", "tcp_connect": "connections/s"}
# (workload, program, ours, baseline, goal: ours/baseline at least this)
THROUGHPUT = [
    ("tcp_bulk", "bench_lwip", "nsapi", "sockets", 1.3),
    ("tcp_bulk", "bench_lwip", "nsapi", "raw", 0.9),
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


class Row:
    def __init__(self, name, ours, baseline, unit, goal=None, higher_is_better=True, note=""):
        self.name, self.ours, self.baseline, self.unit, self.goal = name, ours, baseline, unit, goal
        self.higher_is_better, self.note = higher_is_better, note

    @property
    def ratio(self):
        return self.ours / self.baseline if self.baseline else None

    @property
    def met(self):
        if self.goal is None:
            return "-"
        # a ratio goal when there is a baseline, an absolute one (ours against it) when there is none
        value = self.ours if self.baseline is None else self.ratio
        return "yes" if (value >= self.goal if self.higher_is_better else value <= self.goal) else "no"


def rounds(program, workload, reps):
    p = subprocess.run([program, workload, "all", str(reps)], capture_output=True, text=True, timeout=1200)
    if p.returncode != 0:
        print(f"{os.path.basename(program)} {workload} failed (exit {p.returncode}): {p.stderr.strip()}")
        return None
    out = p.stdout
    values, switches = {}, {}
    for line in out.splitlines():
        _, api, _, value, per = line.split()
        values.setdefault(api, []).append(float(value))
        switches.setdefault(api, []).append(float(per))
    return values, switches


def spread(values):
    return (max(values) - min(values)) / statistics.median(values) * 100


def throughput(build, reps):
    rows, cache = [], {}
    for workload, program, ours, baseline, goal in THROUGHPUT:
        key = (program, workload)
        if key not in cache:
            cache[key] = rounds(os.path.join(build, program), workload, reps)
        if cache[key] is None:
            continue
        values, switches = cache[key]
        stack = "lwIP" if program == "bench_lwip" else "POSIX"
        per = {"tcp_bulk": "MiB", "udp_pingpong": "round trip", "tcp_connect": "connection"}[workload]
        rows.append(Row(f"{workload} ({stack}) vs {baseline}", statistics.median(values[ours]),
                        statistics.median(values[baseline]), WORKLOADS[workload], goal,
                        note=f"spread {spread(values[ours]):.0f}% / {spread(values[baseline]):.0f}%; context switches"
                             f" a {per} {statistics.median(switches[ours]):.1f} / {statistics.median(switches[baseline]):.1f}"))
    return rows


def dhcp(root, build, reps):
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
                statistics.median(ours["ms"]), statistics.median(theirs["ms"]), "ms", 1.0, higher_is_better=False,
                note=f"spread {spread(ours['ms']):.0f}% / {spread(theirs['ms']):.0f}%; medians on the wire, ms after "
                     f"the start: nsapi {steps(ours)}; udhcpc {steps(theirs)}; dnsmasq "
                     f"{'pings' if result['ping'] else '--no-ping'}, {result['leases left']} leases left")]


def instructions(build):
    """callgrind: instructions per KiB received over lwIP, the nsapi and the lwIP-socket paths: the
    difference between a run of 8 MiB and one of 4 MiB, so that start-up is not counted."""
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


def tls(root, build, reps):
    """nsapi's TLSSocket on POSIX against mbedTLS over mbedtls_net_*, both clients of one openssl s_server -WWW
    serving a 64 MiB file from a temporary folder with certificates made for the run (tests/tls/make_certs.sh)."""
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
                    rows.append(Row(f"{workload} (POSIX) vs mbedtls_net", statistics.median(ours),
                                    statistics.median(base), unit, goal,
                                    note=f"openssl s_server -WWW; spread {spread(ours):.0f}% / {spread(base):.0f}%"))
        finally:
            server.kill()
            server.wait()
    return rows


def tls_lwip(root, build, reps):
    """The same over lwIP's loopback netif, in one process: nsapi's TLSSocket over nsapi's lwIP backend against
    mbedTLS over lwIP's sockets, both clients of an mbedTLS server of bench_tls_lwip's own on lwIP's sockets
    (openssl s_server cannot listen inside lwIP)."""
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
            rows.append(Row(f"{workload} (lwIP) vs lwIP sockets", statistics.median(ours), statistics.median(base),
                            unit, 1.2, note=f"in-process mbedTLS server; spread {spread(ours):.0f}% / "
                                            f"{spread(base):.0f}%"))
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


def tls_rows(root, build):
    files = tls_footprint(root, build)
    for name, text, data, bss in files:
        print(f"  TLS glue {name:40} text {text:6}  data {data:4}  bss {bss:5}")
    return [Row("footprint: TLS glue .text, tls/ + generated/tls (Cortex-M4, -Os)", sum(f[1] for f in files), None,
                "bytes", higher_is_better=False, note="mbedTLS excluded; no entropy hook (the port's)")] if files else []


def footprint(root, build):
    if shutil.which("arm-none-eabi-gcc") is None:
        return [], []
    out = os.path.join(build, "footprint")
    os.makedirs(out, exist_ok=True)
    include = ["-I" + os.path.join(root, "bench", "footprint"), "-I" + os.path.join(root, "generated", "include"),
               "-I" + os.path.join(root, "runtime", "include"), "-I" + os.path.join(root, "runtime"),
               "-I" + os.path.join(root, "generated", "src")]
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
    probe = os.path.join(out, "sizes.c")
    with open(probe, "w") as f:
        f.write('#include "nsapi/nsapi.h"\n#include "nsapi/stack_api.h"\n')
        f.writelines(f"const char size_of_{t}[sizeof({t})] = {{1}};\n" for t in types)
    subprocess.run(ARM + include + [probe, "-o", probe[:-2] + ".o"], check=True, capture_output=True)
    symbols = subprocess.run(["arm-none-eabi-nm", "-S", probe[:-2] + ".o"], capture_output=True, text=True,
                             check=True).stdout
    sizes = {m.group(2): int(m.group(1), 16) for m in re.finditer(r"^\S+ (\S+) R size_of_(\w+)$", symbols, re.M)}
    return files, [(t, sizes[t]) for t in types if t in sizes]


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


def board_rows(root):
    """The mps2 firmware's size (`scons board`: the worked example on QEMU's mps2-an386), whole from
    arm-none-eabi-size and per part from the link map (ports/mps2/size.py); none if it is not built."""
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


def generator_time(root, reps):
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(reps + 1):
            out = os.path.join(tmp, str(i))
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "--out", out], cwd=root, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first warms the disk cache


def number(x):
    return "" if x is None else f"{x:,.2f}" if x < 10 else f"{x:,.0f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("build")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--lwip", nargs=2, metavar=("TREE", "PORT"), default=(None, None))
    parser.add_argument("--only", choices=["dhcp", "tls"])
    args = parser.parse_args()
    started = time.time()
    if args.only == "dhcp":
        report(dhcp(args.root, args.build, args.reps), [], [], [], None, started)  # the table alone
        return
    if args.only == "tls":
        report(tls(args.root, args.build, args.reps) + tls_lwip(args.root, args.build, args.reps)
               + tls_rows(args.root, args.build), [], [], [], None, started)
        return
    rows = throughput(args.build, args.reps)
    rows += dhcp(args.root, args.build, args.reps)
    rows += tls(args.root, args.build, args.reps) + tls_lwip(args.root, args.build, args.reps)
    rows += tls_rows(args.root, args.build)
    rows += instructions(args.build)
    files, types = footprint(args.root, args.build)
    if files:
        text = sum(f[1] for f in files)
        rows.append(Row("footprint: runtime + generated .text (Cortex-M4, -Os)", text, None, "bytes", TEXT_GOAL,
                        higher_is_better=False,
                        note=f".data {sum(f[2] for f in files)} B, .bss {sum(f[3] for f in files)} B"))
        for t, size in types:
            if t in ("nsapi_socket_t", "nsapi_udp_socket_t", "nsapi_tcp_socket_t", "nsapi_tcp_server_t"):
                rows.append(Row(f"footprint: sizeof({t})", size, None, "bytes", OBJECT_GOAL, higher_is_better=False))
    lwip_files, lwip_bare = lwip_footprint(args.root, args.build, *args.lwip)
    if lwip_files:
        lwip_text = sum(f[1] for f in lwip_files)
        rows.append(Row("footprint: lwIP .text, nsapi's lwipopts.h (Cortex-M4, -Os)", lwip_text, None, "bytes",
                        note=f"core, IPv4/IPv6, TCP, UDP, DHCP, AutoIP, ND, MLD, IGMP, Ethernet, lwIP's thread; "
                             f"{lwip_bare:,} B without assertions; .data {sum(f[2] for f in lwip_files)} B, "
                             f".bss {sum(f[3] for f in lwip_files):,} B (static pools and heap)"))
        if files:
            rows.append(Row("footprint: network stack .text, runtime + generated + lwIP", text + lwip_text, None,
                            "bytes", note="what a firmware links for nsapi over lwIP, less the backend's glue"))
    rows += board_rows(args.root)
    rows.append(Row("generator: regenerate everything from idl/", generator_time(args.root, args.reps), None, "s",
                    GENERATOR_GOAL, higher_is_better=False, note="wall time, a process of its own"))
    report(rows, files, types, lwip_files, args.build, started)


def report(rows, files, types, lwip_files, build, started):
    """The table, the footprints per file, and bench.csv and bench.png in build unless it is None."""
    header = ["workload", "ours", "baseline", "ratio", "goal", "met", "unit", "note"]
    goals = ["" if r.goal is None else f"{'>=' if r.higher_is_better else '<='} {r.goal:g}{'x' if r.baseline else ''}"
             for r in rows]
    table = [[r.name, number(r.ours), number(r.baseline), number(r.ratio), goal, r.met, r.unit, r.note]
             for r, goal in zip(rows, goals)]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
    for line in [header] + table:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip())
    if files:
        print("\nfootprint per file (arm-none-eabi-gcc -Os -mcpu=cortex-m4 -mthumb; text includes rodata):")
        for name, text, data, bss in files:
            print(f"  {name:40} text {text:6}  data {data:4}  bss {bss:5}")
        print("sizeof on that target: " + ", ".join(f"{t} {s}" for t, s in types))
    if lwip_files:
        print("\nlwIP for the same target with nsapi's lwipopts.h, per file (text includes rodata):")
        for name, text, data, bss in lwip_files:
            print(f"  {name:40} text {text:6}  data {data:4}  bss {bss:5}")
    if build is None:
        return
    with open(os.path.join(build, "bench.csv"), "w", newline="") as f:
        csv.writer(f).writerows([header] + [[r.name, r.ours, "" if r.baseline is None else r.baseline,
                                             "" if r.ratio is None else round(r.ratio, 4),
                                             "" if r.goal is None else r.goal, r.met, r.unit, r.note] for r in rows])
    chart(rows, os.path.join(build, "bench.png"))
    print(f"\nbench.csv and bench.png in {build}; {time.time() - started:.0f} s")


def chart(rows, path):
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
    ax.barh(names, [r.ratio for r in ratios],
            color=["tab:green" if r.met == "yes" else "tab:red" if r.met == "no" else "tab:gray" for r in ratios])
    for i, r in enumerate(ratios):
        if r.goal is not None:
            ax.plot([r.goal, r.goal], [i - 0.4, i + 0.4], color="black")
    ax.set_xscale("log")
    ax.set_xlabel("ours / baseline (log scale; a black tick is the goal)")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main()
