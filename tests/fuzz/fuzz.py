#!/usr/bin/python3
"""Run the libFuzzer targets of tests/fuzz, one process at a time.

  fuzz.py check BINARY CORPUS SECONDS   `scons test`: replay every input of the committed corpus (the regression
                                        inputs among them), then fuzz for SECONDS from it; prints "ok"/"not ok" lines
  fuzz.py run SECONDS OUT BINARY CORPUS [BINARY CORPUS ...]
                                        `scons fuzz`: each target for SECONDS under nice -n 19, new inputs kept in
                                        OUT/corpus/NAME, crashes in OUT/crashes/NAME, libFuzzer's log in OUT/logs;
                                        a table of execs/s, cov and ft per target

A target's name is its binary's without "fuzz_".  Exit status 1 when any target crashed.
"""
import os
import re
import subprocess
import sys
import tempfile

DONE = re.compile(r"^#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+)", re.M)
EXECS = re.compile(r"^stat::number_of_executed_units:\s+(\d+)", re.M)
RATE = re.compile(r"^stat::average_exec_per_sec:\s+(\d+)", re.M)
ARTIFACT = re.compile(r"Test unit written to (\S+)")
FLAGS = ["-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"]
# lwIP keeps state from one input to the next (queued packets, reassembly, connections, its timers' thread), so
# most inputs end with more allocated than freed, and libFuzzer's leak check after each one would run LeakSanitizer
# after nearly every input (50 times slower) to find memory the next input may still use.  Leaks are checked at exit
# instead, after the target has torn lwIP's state down (fuzz_lwip_ethernet.c, teardown()).
TARGET_FLAGS = {"lwip_ethernet": ["-detect_leaks=0"]}
TARGET_ENV = {}


def name_of(binary):
    return os.path.basename(binary)[len("fuzz_"):]


def inputs(corpus):
    return sorted(os.path.join(corpus, f) for f in os.listdir(corpus)) if os.path.isdir(corpus) else []


def fuzz(binary, corpus, seconds, work, artifacts, nice=False):
    """Fuzz for seconds from corpus (read only), new inputs into work: (ok, stats dict, output)."""
    os.makedirs(work, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    cmd = (["nice", "-n", "19"] if nice else []) + [binary, f"-max_total_time={seconds}", f"-artifact_prefix={artifacts}/"]
    cmd += FLAGS + TARGET_FLAGS.get(name_of(binary), []) + [work, corpus]
    # A hang the target's own -timeout misses still ends: libFuzzer's time plus a margin.
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 120,
                           env=dict(os.environ, **TARGET_ENV.get(name_of(binary), {})))
        out, rc = p.stdout + p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out, rc = (e.stderr or b"").decode(errors="replace"), -1
    done, execs, rate = DONE.search(out), EXECS.search(out), RATE.search(out)
    stats = {"execs": int(execs.group(1)) if execs else 0, "rate": int(rate.group(1)) if rate else 0,
             "cov": int(done.group(2)) if done else 0, "ft": int(done.group(3)) if done else 0,
             "artifact": ARTIFACT.search(out).group(1) if ARTIFACT.search(out) else None}
    return rc == 0 and done is not None, stats, out


def check(binary, corpus, seconds):
    name, ok = name_of(binary), True
    files = inputs(corpus)
    env = dict(os.environ, **TARGET_ENV.get(name, {}))
    cmd = [binary] + TARGET_FLAGS.get(name, []) + files
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env) if files else None
    if p is None or p.returncode != 0:
        print(f"not ok fuzz_{name} replay: {len(files)} inputs of {corpus}")
        print(p.stdout[-4000:] + p.stderr[-4000:] if p else "no corpus")
        ok = False
    else:
        print(f"ok fuzz_{name} replay: {len(files)} inputs")
    with tempfile.TemporaryDirectory(prefix=f"nsapi-fuzz-{name}-") as tmp:
        good, s, out = fuzz(binary, corpus, seconds, os.path.join(tmp, "new"), os.path.join(tmp, "crashes"))
        if good:
            print(f"ok fuzz_{name} {seconds} s: {s['execs']} runs ({s['rate']}/s), cov {s['cov']}, ft {s['ft']}")
        else:
            kept = keep(s["artifact"], name)
            print(f"not ok fuzz_{name} {seconds} s: a crash{' kept in ' + kept if kept else ''}")
            print(out[-6000:])
            ok = False
    return ok


def keep(artifact, name):
    """A crash found in a scratch folder copied to build/fuzz/crashes/NAME: its new path, or None."""
    if not artifact or not os.path.exists(artifact):
        return None
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = os.path.join(top, "build", "fuzz", "crashes", name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, os.path.basename(artifact))
    with open(artifact, "rb") as src, open(path, "wb") as dst:
        dst.write(src.read())
    return path


def run(seconds, out, pairs):
    rows, ok = [], True
    os.makedirs(os.path.join(out, "logs"), exist_ok=True)
    for binary, corpus in pairs:
        name = name_of(binary)
        print(f"fuzzing {name} for {seconds} s", flush=True)
        good, s, log = fuzz(binary, corpus, seconds, os.path.join(out, "corpus", name),
                            os.path.join(out, "crashes", name), nice=True)
        with open(os.path.join(out, "logs", f"{name}.log"), "w") as f:
            f.write(log)
        rows.append((name, "ok" if good else "CRASH " + str(s["artifact"]), s))
        ok &= good
    print(f"{'target':16} {'seconds':>7} {'runs':>11} {'runs/s':>8} {'cov':>6} {'ft':>7}  result")
    for name, result, s in rows:
        print(f"{name:16} {seconds:>7} {s['execs']:>11} {s['rate']:>8} {s['cov']:>6} {s['ft']:>7}  {result}")
    return ok


def main(argv):
    if len(argv) == 4 and argv[0] == "check":
        return 0 if check(argv[1], argv[2], int(argv[3])) else 1
    if len(argv) >= 5 and argv[0] == "run" and len(argv) % 2 == 1:
        return 0 if run(int(argv[1]), argv[2], list(zip(argv[3::2], argv[4::2]))) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
