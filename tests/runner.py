"""Run every test suite and print one summary line: `N passed, N failed, N skipped`.

Suites: the layering checks on the sources and the built libraries, the generator's Python unit tests, the `scons new-stack` scaffold test, the examples against real
servers, the check that generated/ matches
idl/, each Criterion program (counted test by test), and plain programs
(counted by their "ok"/"not ok" lines, or as one test that passes by exiting 0).
"""

import concurrent.futures
import fnmatch
import os
import re
import subprocess
import sys
import threading
import time

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_SYNTHESIS = re.compile(r"Synthesis: Tested: (\d+) \| Passing: (\d+) \| Failing: (\d+) \| Crashing: (\d+)")
_SKIP = re.compile(r"^\[SKIP\] ", re.M)
_RAN = re.compile(r"^Ran (\d+) tests?", re.M)
_FAILED = re.compile(r"^FAILED \((.*)\)", re.M)
TIMEOUT = 480  # seconds for any one suite, or one module of a PARALLEL suite: a hang fails instead of stalling CI


class Result:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self._lock = threading.Lock()  # suites that run at once report one at a time

    @property
    def ok(self):
        return self.failed == 0 and self.passed + self.skipped > 0

    @property
    def line(self):
        return f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"

    def add(self, name, passed, failed, output="", skipped=0, seconds=None, note=""):
        status = "ok  " if failed == 0 and passed + skipped > 0 else "FAIL"
        took = f" ({seconds:.1f} s)" if seconds is not None else ""  # CI's budget is spent suite by suite
        block = f"[{status}] {name}: {passed} passed, {failed} failed, {skipped} skipped{took}\n{note}"
        if status == "FAIL" and output:
            block += output.rstrip() + "\n"
        with self._lock:
            self.passed += passed
            self.failed += failed
            self.skipped += skipped
            sys.stdout.write(block)  # one write: a suite's block is never split by another's
            sys.stdout.flush()


def _run(cmd, cwd, env=None):
    """Run cmd; its exit code, its output and its wall time in seconds."""
    full_env = dict(os.environ, **(env or {}))
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=TIMEOUT)
        return p.returncode, _ANSI.sub("", p.stdout + p.stderr), time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") + (e.stderr or b"").decode(errors="replace")
        return -1, out + f"\ntimed out after {TIMEOUT} s", time.monotonic() - start


def _unittest_counts(rc, out):
    """(tests, failed, skipped) from one unittest run's exit code and output."""
    ran = _RAN.search(out)
    total = int(ran.group(1)) if ran else 0
    bad = 0
    m = _FAILED.search(out)
    if m:
        bad = sum(int(n) for k, n in re.findall(r"(\w+)=(\d+)", m.group(1)) if k in ("failures", "errors"))
    if rc != 0 and bad == 0 and not (rc == 5 and total == 0):  # 5: Python 3.12's "no tests ran"
        bad = 1
    skipped = re.search(r"skipped=(\d+)", m.group(1)) if m else re.search(r"^OK \(skipped=(\d+)\)", out, re.M)
    return total, bad, int(skipped.group(1)) if skipped else 0


def python_suite(result, root, name, start, env=None, case=None, workers=1, slow_first=()):
    """One folder's unittest suite: discovered in one interpreter, or with workers > 1 each test_*.py
    module in an interpreter of its own, workers at once, those named in slow_first started first
    (so that the longest does not start last); the counts summed into one line."""
    k = ["-k", case] if case else []
    if workers == 1:
        rc, out, seconds = _run([sys.executable, "-m", "unittest", "discover", "-s", start] + k, root, env)
        total, bad, skipped = _unittest_counts(rc, out)
        result.add(name, total - bad - skipped, bad, out, skipped, seconds)
        return
    found = sorted(f[:-3] for f in os.listdir(start) if f.startswith("test_") and f.endswith(".py"))
    modules = [m for m in slow_first if m in found] + [m for m in found if m not in slow_first]
    began = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(lambda m: _run([sys.executable, "-m", "unittest"] + k + [m], start, env), modules))
    seconds = time.monotonic() - began
    counts = [_unittest_counts(rc, out) for rc, out, _ in runs]
    total, bad, skipped = (sum(c[i] for c in counts) for i in range(3))
    note = f"    {workers} modules at once: " + ", ".join(
        f"{m} {t:.0f} s" for m, (_, _, t) in sorted(zip(modules, runs), key=lambda r: -r[1][2])) + "\n"
    out = "".join(f"=== {m} ({t:.1f} s, exit {rc})\n{o}\n" for m, (rc, o, t), c in zip(modules, runs, counts) if c[1])
    result.add(name, total - bad - skipped, bad, out, skipped, seconds, note)


def criterion_suite(result, root, program, case=None):
    rc, out, seconds = _run([program, "--color=never", "--verbose", "-j2"] + ([f"--filter=*/{case}"] if case else []), root)
    m = _SYNTHESIS.search(out)
    name = os.path.basename(program)
    if not m:
        result.add(name, 0, 1, out, seconds=seconds)
        return
    _, passing, failing, crashing = map(int, m.groups())
    failed = failing + crashing + (1 if rc != 0 and failing + crashing == 0 else 0)
    result.add(name, passing, failed, out, len(_SKIP.findall(out)), seconds)


def program_suite(result, root, program, env):
    """A plain program: one test, or one per "ok NAME" / "not ok NAME" line it prints."""
    rc, out, seconds = _run([program], root, env)
    passed = len(re.findall(r"^ok ", out, re.M))
    failed = len(re.findall(r"^not ok ", out, re.M))
    if passed + failed == 0:
        passed = 1 if rc == 0 else 0
    if rc != 0 and failed == 0:
        failed = 1  # a crash or a sanitizer report after the cases
    result.add(os.path.basename(program), passed, failed, out, seconds=seconds)


PYTHON_SUITES = ["structure", "tools", "generator", "docs", "scaffold", "examples", "mbed", "board"]
# Python suites whose modules run in parallel: how many at once, the slowest modules (started first).
# The examples' modules share no fixed name: each script has network and PID namespaces of its own (its
# TAP device, addresses and ports are its namespace's), and temporary files come from mktemp.
PARALLEL = {"examples": (3, ["test_hostile_clients", "test_mqtt_client", "test_http_client", "test_websocket_client"])}


def run_all(root, criterion, programs, python_env=None, suites=None, case=None):
    """Run every suite, or those whose name matches one of the comma-separated shell patterns in
    suites; case narrows each to the cases matching a pattern (Criterion's test name, unittest's -k;
    a plain program runs whole).  A selection that matches no suite fails."""
    patterns = suites.split(",") if suites else ["*"]

    def chosen(name):
        return any(fnmatch.fnmatchcase(name, p) for p in patterns)

    result = Result()
    for name in PYTHON_SUITES:
        if chosen(name):
            python_suite(result, root, f"{name} (python unittest)", os.path.join(root, "tests", name),
                         python_env if name == "structure" else None, case, *PARALLEL.get(name, (1, ())))
    if chosen("check-generated"):
        rc, out, seconds = _run([sys.executable, "-m", "generator", "--check"], root)
        result.add("check-generated", 1 if rc == 0 else 0, 0 if rc == 0 else 1, out, seconds=seconds)
    for program, env in programs:
        if chosen(os.path.basename(program)):
            program_suite(result, root, program, env)
    for program in criterion:
        if chosen(os.path.basename(program)):
            criterion_suite(result, root, program, case)
    if result.passed + result.failed + result.skipped == 0:
        result.add(f"SUITE={suites} CASE={case}: no suite or case matches", 0, 1)
    return result
