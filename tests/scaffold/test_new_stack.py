"""`scons new-stack NAME=foo`, as a backend author runs it, in a scratch copy of the project.

The scaffold builds, and the conformance suite runs on it with every case
reported skipped as unsupported (no failure, no crash, no hang).  A second
scaffold, `fwd`, whose operations are filled in by forwarding each to a
POSIX stack, passes every case with nothing else changed: the scaffold's
fixture and SConscript bring the peers, and the name lookups it leaves to
the runtime's resolver work.  Then an operation is added to the IDL's
vtable: every backend written before it (lwIP, POSIX, the scaffold) still
builds, and the new operation answers NSAPI_ERROR_UNSUPPORTED on a backend
that lacks it.
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
# What turns the fwd scaffold into a backend: its operations forward to a POSIX stack, created by its
# start function and kept as its context, through the public vtable of that stack.
FORWARD_PRELUDE = r"""
#include <stdlib.h>

#include "nsapi/posix.h"

static nsapi_stack_t *inner(nsapi_stack_t *stack)
{
    return stack->context;
}

static nsapi_error_t forward_start(nsapi_stack_t *stack, const nsapi_stack_api_t *api)
{
    nsapi_stack_t *posix = calloc(1, sizeof *posix);
    nsapi_error_t err = posix == NULL ? NSAPI_ERROR_NO_MEMORY : nsapi_posix_init(posix);

    if (err == NSAPI_ERROR_OK) {
        err = nsapi_stack_init(stack, api, posix);
        if (err != NSAPI_ERROR_OK) {
            nsapi_posix_deinit(posix);
        }
    }
    if (err != NSAPI_ERROR_OK) {
        free(posix);
    }
    return err;
}

static nsapi_error_t forward_stop(nsapi_stack_t *stack)
{
    nsapi_stack_t *posix = inner(stack);
    nsapi_error_t err = nsapi_stack_deinit(stack);

    if (err == NSAPI_ERROR_OK) {
        err = nsapi_posix_deinit(posix);
        free(posix);
    }
    return err;
}
"""
STUB = re.compile(r"(static \w+ fwd_(\w+)\((.*?)\)\n\{\n)(?:    \(void\)\w+;\n)*    return NSAPI_ERROR_UNSUPPORTED;\n\}")
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


def forward_to_posix(text):
    """The fwd scaffold's stack.c with every generated stub forwarding to the inner POSIX stack."""
    def forward(m):
        args = ", ".join(["inner(stack)"] + [p.split()[-1].lstrip("*") for p in m.group(3).split(", ")[1:]])
        return f"{m.group(1)}    return inner(stack)->api->{m.group(2)}({args});\n}}"

    text, stubs = STUB.subn(forward, text)
    assert stubs >= 10, f"{stubs} stubs"
    for old, new in [('#include "nsapi/fwd.h"\n', '#include "nsapi/fwd.h"\n' + FORWARD_PRELUDE),
                     ("    return nsapi_stack_init(stack, &fwd_api, NULL);", "    return forward_start(stack, &fwd_api);"),
                     ("    return nsapi_stack_deinit(stack);", "    return forward_stop(stack);"),
                     ("    (void)stack;\n    return 0;", "    return nsapi_posix_open_sockets(inner(stack));")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def synthesis(out):
    """(tested, passing, failing, crashing, skipped) from a Criterion run."""
    m = re.search(r"Synthesis: Tested: (\d+) \| Passing: (\d+) \| Failing: (\d+) \| Crashing: (\d+)", out)
    assert m, out[-3000:]
    return tuple(int(n) for n in m.groups()) + (len(re.findall(r"^\[SKIP\] ", out, re.M)),)


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
        """Every operation UNSUPPORTED under its doc, but those the runtime does itself when they are NULL
        (their IDL says when_null: name resolution, blocking in the backend): left NULL, so that the
        runtime's own way runs."""
        with open(os.path.join(self.dir, "stacks", "foo", "foo_stack.c")) as f:
            text = f.read()
        with open(os.path.join(self.dir, "idl", "stack_api.yaml")) as f:
            stack_vtable = f.read().split("  - name: nsapi_interface_api_t")[0]  # a stack's; not an interface's
            ops = re.findall(r"^\s+- c: \S+ (\w+)\(nsapi_stack_t", stack_vtable, re.M)
            # each operation's text, from its "- c:" line to the next one's
            blocks = re.split(r"^\s+- c: ", stack_vtable, flags=re.M)[1:]
            runtime_does = {re.match(r"\S+ (\w+)\(", block).group(1) for block in blocks
                            if re.match(r"\S+ \w+\(nsapi_stack_t", block) and re.search(r"^\s+when_null:", block, re.M)}
        self.assertGreater(len(ops), 10)
        self.assertTrue({"gethostbyname", "add_dns_server"} <= runtime_does, runtime_does)
        for op in ops:
            if op in runtime_does:
                self.assertRegex(text, r"\*/\n/\* Left NULL in foo_api below; a backend with its own answer writes\n"
                                       r" \* static nsapi_error_t foo_%s\(nsapi_stack_t \*stack[,)]" % op)  # may_wait takes the stack alone
                self.assertIn(f"    /* .{op} = foo_{op}: NULL, see above */\n", text)
                self.assertNotIn(f"    .{op} =", text)
                continue
            body = re.search(r"/\*\*(?:(?!\*/).)*\*/\nstatic \w+ foo_%s\(.*?\n}" % op, text, re.S)
            self.assertIsNotNone(body, f"foo_{op} with its doc comment")
            self.assertIn("return NSAPI_ERROR_UNSUPPORTED;", body.group(0))
            self.assertIn(f".{op} = foo_{op},", text)
        for name in ("SConscript", "tests/fixture_foo.c", "include/nsapi/foo.h"):
            self.assertTrue(os.path.isfile(os.path.join(self.dir, "stacks", "foo", name)), name)
        rc, out = run([SCONS, "-Q", "new-stack", "NAME=foo"], self.dir)
        self.assertNotEqual(rc, 0, "a second scaffold never overwrites the first")
        self.assertIn("stacks/foo exists", out)

    def conformance(self, name):
        """Build conformance_<name>; (the program, its cases)."""
        rc, out = run([SCONS, "-Q", "-j2", f"build/test/bin/conformance_{name}"], self.dir)
        self.assertEqual(rc, 0, out[-3000:])
        program = os.path.join(self.dir, "build", "test", "bin", f"conformance_{name}")
        rc, listing = run([program, "--list"], self.dir, timeout=60)
        cases = re.findall(r"[├└]── (\w+)", listing)
        self.assertGreaterEqual(len(cases), 45, listing)
        return program, cases

    def test_2_conformance_reports_every_case_unsupported(self):
        program, cases = self.conformance("foo")
        if os.geteuid() != 0:
            self.skipTest("the scaffold's fixture makes a network namespace per case: it needs root, as CI has")
        rc, out = run([program, "--verbose", "--color=never", "-j2"], self.dir, timeout=120)
        self.assertEqual(rc, 0, out[-3000:])
        skipped = re.findall(r"^\[SKIP\] \w+::\w+: unsupported: foo IPv4 opens no (?:TCP|UDP) socket", out, re.M)
        self.assertEqual(len(skipped), len(cases), out[-3000:])
        self.assertEqual(synthesis(out)[2:4], (0, 0))

    @unittest.skipUnless(os.geteuid() == 0, "the scaffold's fixture makes a network namespace per case: "
                                            "it needs root, as CI has")
    def test_3_a_backend_forwarding_to_posix_passes_every_case(self):
        """Only the backend's own functions change (and its SConscript says it is built with POSIX's header and
        library, as lwIP's says liblwip): the fixture's peers, namespace and DNS server come with the scaffold."""
        rc, out = run([SCONS, "-Q", "new-stack", "NAME=fwd"], self.dir)
        self.assertEqual(rc, 0, out)
        path = os.path.join(self.dir, "stacks", "fwd", "fwd_stack.c")
        with open(path) as f:
            text = forward_to_posix(f.read())
        with open(path, "w") as f:
            f.write(text)
        path = os.path.join(self.dir, "stacks", "fwd", "SConscript")
        with open(path) as f:
            text = f.read()
        self.assertEqual(text.count("libs=[]"), 1)
        with open(path, "w") as f:
            f.write(text.replace("libs=[]", 'libs=[], flags="-I#stacks/posix/include #build/release/libnsapi_posix.a"'))
        program, cases = self.conformance("fwd")
        rc, out = run([program, "--verbose", "--color=never", "-j2"], self.dir, timeout=180)
        self.assertEqual(rc, 0, out[-3000:])
        tested, passing, failing, crashing, skipped = synthesis(out)
        self.assertEqual((passing, failing, crashing, skipped), (len(cases), 0, 0, 0), out[-3000:])
        self.assertIn("dns::", out, "the DNS cases ran, through the runtime's resolver")

    def test_4_an_operation_added_later_defaults_to_unsupported(self):
        path = os.path.join(self.dir, "idl", "stack_api.yaml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:  # at the end of the stack's vtable, before the interface's
            f.write(text.replace("\n  - name: nsapi_interface_api_t", NEW_OP.rstrip("\n") + "\n\n  - name: nsapi_interface_api_t", 1))
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
