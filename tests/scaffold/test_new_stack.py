"""`scons new-stack NAME=foo`, as a backend author runs it, in a scratch copy of the project.

The scaffold builds, and the conformance suite runs on it with every case
reported skipped as unsupported (no failure, no crash, no hang).  Then an
operation is added to the IDL's vtable: every backend written before it
(lwIP, POSIX, the scaffold) still builds, and the new operation answers
NSAPI_ERROR_UNSUPPORTED on a backend that lacks it.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCONS = shutil.which("scons") or "/usr/bin/scons"
NEW_OP = """
      - c: nsapi_error_t socket_shutdown(nsapi_stack_t *stack, nsapi_handle_t handle, int how)
        doc: Stop sending, receiving or both on a connected socket.
        errors:
          NSAPI_ERROR_OK: done.
"""
PROBE = r"""
#include <stdio.h>
#include "nsapi/foo.h"
#include "stack_api_calls.h"

int main(void)
{
    nsapi_stack_t stack = {0};
    nsapi_error_t err;

    if (nsapi_foo_init(&stack) != NSAPI_ERROR_OK) {
        return 2;
    }
    err = stack_api_socket_shutdown(&stack, NULL, 0);
    printf("%s\n", nsapi_error_name(err));
    nsapi_foo_deinit(&stack);
    return err != NSAPI_ERROR_UNSUPPORTED;
}
"""


def project_files():
    """The project's own files (tracked or new, never build output), relative to ROOT."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode()
    return [p for p in out.split("\0") if p and os.path.isfile(os.path.join(ROOT, p))]


def run(cmd, cwd, timeout=300):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout + p.stderr


class NewStack(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-scaffold-")
        cls.dir = cls.tmp.name
        for rel in project_files():
            os.makedirs(os.path.dirname(os.path.join(cls.dir, rel)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, rel), os.path.join(cls.dir, rel))
        shutil.rmtree(os.path.join(cls.dir, "stacks", "foo"), ignore_errors=True)
        rc, cls.scaffold_output = run([SCONS, "-Q", "new-stack", "NAME=foo"], cls.dir)
        assert rc == 0, cls.scaffold_output

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_0_scons_names_the_stack_it_writes(self):
        self.assertIn("Writing stacks/foo\n", self.scaffold_output)
        self.assertIn("wrote stacks/foo/foo_stack.c\n", self.scaffold_output)
        self.assertNotIn("$", self.scaffold_output)
        rc, out = run([SCONS, "-Q", "new-stack"], self.dir)
        self.assertNotEqual(rc, 0)
        self.assertIn("usage: scons new-stack NAME=name", out)

    def test_1_scaffold_has_every_operation_unsupported_and_documented(self):
        with open(os.path.join(self.dir, "stacks", "foo", "foo_stack.c")) as f:
            text = f.read()
        with open(os.path.join(self.dir, "idl", "stack_api.yaml")) as f:
            ops = re.findall(r"^\s+- c: \S+ (\w+)\(", f.read(), re.M)
        self.assertGreater(len(ops), 10)
        for op in ops:
            body = re.search(r"/\*\*(?:(?!\*/).)*\*/\nstatic \w+ foo_%s\(.*?\n}" % op, text, re.S)
            self.assertIsNotNone(body, f"foo_{op} with its doc comment")
            self.assertIn("return NSAPI_ERROR_UNSUPPORTED;", body.group(0))
            self.assertIn(f".{op} = foo_{op},", text)
        for name in ("SConscript", "tests/fixture_foo.c", "include/nsapi/foo.h"):
            self.assertTrue(os.path.isfile(os.path.join(self.dir, "stacks", "foo", name)), name)
        rc, out = run([SCONS, "-Q", "new-stack", "NAME=foo"], self.dir)
        self.assertNotEqual(rc, 0, "a second scaffold never overwrites the first")
        self.assertIn("stacks/foo exists", out)

    def test_2_conformance_reports_every_case_unsupported(self):
        rc, out = run([SCONS, "-Q", "-j2", "build/test/bin/conformance_foo"], self.dir)
        self.assertEqual(rc, 0, out[-3000:])
        program = os.path.join(self.dir, "build", "test", "bin", "conformance_foo")
        rc, listing = run([program, "--list"], self.dir, timeout=60)
        cases = re.findall(r"[├└]── (\w+)", listing)
        self.assertGreaterEqual(len(cases), 30, listing)
        rc, out = run([program, "--verbose", "--color=never", "-j2"], self.dir, timeout=120)
        self.assertEqual(rc, 0, out[-3000:])
        skipped = re.findall(r"^\[SKIP\] \w+::\w+: unsupported: foo IPv4 opens no (?:TCP|UDP) socket", out, re.M)
        self.assertEqual(len(skipped), len(cases), out[-3000:])
        self.assertRegex(out, r"Failing: 0 \| Crashing: 0")

    def test_3_an_operation_added_later_defaults_to_unsupported(self):
        path = os.path.join(self.dir, "idl", "stack_api.yaml")
        with open(path, "a") as f:
            f.write(NEW_OP)
        libs = [f"build/release/libnsapi{s}.a" for s in ("", "_foo", "_lwip", "_posix")]
        rc, out = run([SCONS, "-Q", "-j2"] + libs, self.dir)
        self.assertEqual(rc, 0, "backends without the new operation still build:\n" + out[-3000:])
        with open(os.path.join(self.dir, "generated", "include", "nsapi", "stack_api.h")) as f:
            self.assertIn("(*socket_shutdown)(nsapi_stack_t *stack, nsapi_handle_t handle, int how);", f.read())
        probe = os.path.join(self.dir, "build", "probe.c")
        with open(probe, "w") as f:
            f.write(PROBE)
        includes = [f"-I{self.dir}/{d}" for d in ("generated/include", "runtime/include", "stacks/foo/include",
                                                    "generated/src")]
        rc, out = run(["gcc", "-std=c99", "-Wall", "-Werror", *includes, probe, "-o", probe[:-2],
                       f"{self.dir}/build/release/libnsapi_foo.a", f"{self.dir}/build/release/libnsapi.a",
                       "-pthread"], self.dir)
        self.assertEqual(rc, 0, out)
        rc, out = run([probe[:-2]], self.dir, timeout=30)
        self.assertEqual((rc, out.strip()), (0, "NSAPI_ERROR_UNSUPPORTED"))


if __name__ == "__main__":
    unittest.main()
