"""tests/runner.py: what it counts from each kind of suite, and the summary line it ends with."""

import contextlib
import io
import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
import runner  # noqa: E402


def script(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


class Counting(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.result = runner.Result()

    def tearDown(self):
        self.tmp.cleanup()

    def quiet(self, fn, *args):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            fn(self.result, self.tmp.name, *args)
        return out.getvalue()

    def test_criterion_skips_are_counted_apart(self):
        fake = script(self.tmp.name, "fake_criterion", """cat <<'END'
[SKIP] dns::one: unsupported: no server
[SKIP] dns::two: unsupported: no server
[====] Synthesis: Tested: 3 | Passing: 3 | Failing: 0 | Crashing: 0
END
""")
        line = self.quiet(runner.criterion_suite, fake)
        self.assertEqual((self.result.passed, self.result.failed, self.result.skipped), (3, 0, 2))
        self.assertIn("fake_criterion: 3 passed, 0 failed, 2 skipped", line)
        self.assertEqual(self.result.line, "3 passed, 0 failed, 2 skipped")

    def test_a_suite_of_skips_only_is_not_a_failure(self):
        fake = script(self.tmp.name, "all_skipped", """cat <<'END'
[SKIP] s::a: unsupported
[====] Synthesis: Tested: 0 | Passing: 0 | Failing: 0 | Crashing: 0
END
""")
        self.assertIn("[ok  ]", self.quiet(runner.criterion_suite, fake))
        self.assertTrue(self.result.ok)

    def test_a_crash_after_passing_cases_fails(self):
        fake = script(self.tmp.name, "crashes", "echo '[====] Synthesis: Tested: 2 | Passing: 2 | Failing: 0 | Crashing: 0'\nexit 1\n")
        self.quiet(runner.criterion_suite, fake)
        self.assertEqual((self.result.passed, self.result.failed), (2, 1))
        self.assertFalse(self.result.ok)

    def test_no_synthesis_is_one_failure(self):
        fake = script(self.tmp.name, "silent", "exit 0\n")
        self.quiet(runner.criterion_suite, fake)
        self.assertEqual((self.result.passed, self.result.failed), (0, 1))

    def test_python_skips_are_counted_apart(self):
        folder = os.path.join(self.tmp.name, "py")
        os.mkdir(folder)
        with open(os.path.join(folder, "test_x.py"), "w") as f:
            f.write("import unittest\nclass T(unittest.TestCase):\n"
                    "    def test_a(self): pass\n"
                    "    def test_b(self): self.skipTest('no peer')\n"
                    "    def test_c(self): self.fail('no')\n")
        self.quiet(runner.python_suite, "py", folder)
        self.assertEqual((self.result.passed, self.result.failed, self.result.skipped), (1, 1, 1))

    def test_parallel_modules_sum_into_one_line(self):
        folder = os.path.join(self.tmp.name, "par")
        os.mkdir(folder)
        bodies = {"test_a": "    def test_1(self): pass\n    def test_2(self): self.skipTest('no peer')\n",
                  "test_b": "    def test_3(self): self.fail('no')\n    def test_4(self): raise OSError\n",
                  "test_c": "    def test_5(self): pass\n"}
        for name, body in bodies.items():
            with open(os.path.join(folder, name + ".py"), "w") as f:
                f.write("import unittest\nclass T(unittest.TestCase):\n" + body)
        out = self.quiet(runner.python_suite, "par", folder, None, None, 2, ["test_c"])
        self.assertEqual((self.result.passed, self.result.failed, self.result.skipped), (2, 2, 1))
        self.assertRegex(out, r"2 modules at once: test_\w \d+ s, test_\w \d+ s, test_\w \d+ s\n")
        self.assertIn("=== test_b", out, "a failing module's output")
        self.assertNotIn("=== test_a", out, "only the failing modules' output")

    def test_parallel_modules_take_the_case_pattern(self):
        folder = os.path.join(self.tmp.name, "par")
        os.mkdir(folder)
        for name in ("test_a", "test_b"):
            with open(os.path.join(folder, name + ".py"), "w") as f:
                f.write(f"import unittest\nclass T(unittest.TestCase):\n    def {name}_one(self): pass\n"
                        f"    def {name}_two(self): self.fail('not chosen')\n")
        self.quiet(runner.python_suite, "par", folder, None, "*_one", 2)
        self.assertEqual((self.result.passed, self.result.failed), (2, 0))

    def test_plain_program_lines(self):
        fake = script(self.tmp.name, "plain", "echo 'ok one'; echo 'ok two'; echo 'not ok three'; exit 1\n")
        self.quiet(runner.program_suite, fake, {})
        self.assertEqual((self.result.passed, self.result.failed), (2, 1))


class Selecting(unittest.TestCase):
    """scons test SUITE=... CASE=...: run_all runs only what the patterns name."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        # a Criterion stand-in that prints the --filter it was given
        self.crit = [script(self.tmp.name, name, """echo "filter: $*" >&2
echo '[====] Synthesis: Tested: 1 | Passing: 1 | Failing: 0 | Crashing: 0'
""") for name in ("conformance_posix", "conformance_lwip_tap", "socket_runtime")]
        self.plain = script(self.tmp.name, "tsan_posix", "echo 'ok one'\n")

    def tearDown(self):
        self.tmp.cleanup()

    def run_all(self, suites, case=None):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            result = runner.run_all(self.tmp.name, self.crit, [(self.plain, {})], suites=suites, case=case)
        return result, out.getvalue()

    def test_patterns_pick_suites(self):
        result, out = self.run_all("conformance_*,tsan_posix")
        self.assertEqual(result.line, "3 passed, 0 failed, 0 skipped")
        self.assertNotIn("socket_runtime", out)
        self.assertNotIn("python unittest", out)

    def test_case_reaches_criterion_as_a_filter(self):
        crit = script(self.tmp.name, "one", """case "$*" in *--filter=\*/timeout_\**) ;; *) exit 3;; esac
echo '[====] Synthesis: Tested: 1 | Passing: 1 | Failing: 0 | Crashing: 0'
""")
        self.crit = [crit]
        result, _ = self.run_all("one", case="timeout_*")
        self.assertTrue(result.ok, "the program saw --filter=*/timeout_*")

    def test_nothing_matched_fails(self):
        result, out = self.run_all("no_such_suite")
        self.assertFalse(result.ok)
        self.assertIn("no suite or case matches", out)


if __name__ == "__main__":
    unittest.main()
