"""The C programs the README and docs/naming.md show compile as C99 with -Werror against this tree's
libraries and print what the pages say they print."""

import os
import re
import subprocess
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RELEASE = os.path.join(TOP, "build", "release")
INCLUDES = ["generated/include", "runtime/include", "stacks/lwip/include"]


def first_c_block(page):
    with open(os.path.join(TOP, page), encoding="utf-8") as f:
        return re.search(r"^```c\n(.*?)^```", f.read(), re.M | re.S).group(1)


@unittest.skipUnless(os.path.exists(os.path.join(RELEASE, "libnsapi_lwip.a")), "build the tree first (scons)")
class Programs(unittest.TestCase):
    def run_program(self, page):
        with tempfile.TemporaryDirectory() as scratch:
            source, program = os.path.join(scratch, "app.c"), os.path.join(scratch, "app")
            with open(source, "w") as f:
                f.write(first_c_block(page))
            build = subprocess.run(
                ["cc", "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", source, "-o", program]
                + [f"-I{os.path.join(TOP, i)}" for i in INCLUDES]
                + [f"-L{RELEASE}", f"-L{os.path.join(RELEASE, 'lwip')}", f"-Wl,-rpath,{RELEASE}",
                   "-lnsapi_lwip", "-lnsapi", "-llwip_nsapi", "-pthread"], capture_output=True, text=True)
            self.assertEqual(build.returncode, 0, build.stderr)
            run = subprocess.run([program], capture_output=True, text=True, timeout=30)
            return run.returncode, run.stdout

    def test_readme_first_program(self):
        self.assertEqual(self.run_program("README.md"), (0, "hello from fd00::1\n"))

    def test_naming_echo_client_with_nothing_listening(self):
        self.assertEqual(self.run_program("docs/naming.md"), (1, "connect: NSAPI_ERROR_NO_CONNECTION (not connected)\n"))


if __name__ == "__main__":
    unittest.main()
