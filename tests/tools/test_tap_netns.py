"""tools/tap-netns: the recipe in docs/stacks/lwip.md for running any example over lwIP on a TAP device, with a
server on the kernel's side of it."""

import os
import subprocess
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOL = os.path.join(ROOT, "tools", "tap-netns")
CLIENT = os.path.join(ROOT, "build", "release", "examples", "http_client")


def run(*args, timeout=60):
    return subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


class TapNetns(unittest.TestCase):
    def test_help(self):
        out = run("--help")
        self.assertEqual(out.returncode, 0)
        self.assertIn("192.168.7.1", out.stdout)
        self.assertEqual(run().returncode, 2, "no command is a usage error")

    @unittest.skipUnless(os.geteuid() == 0, "makes a network namespace: root only")
    def test_example_over_lwip_reaches_a_kernel_side_server(self):
        script = (
            # a server on the kernel's side, then the example on lwIP, IPv4 and IPv6
            "python3 -m http.server --bind :: 8000 >/dev/null 2>&1 & "
            "i=0; until ss -Hlnt 'sport = :8000' | grep -q .; do i=$((i+1)); [ $i -lt 50 ]; sleep 0.1; done; "
            f"{CLIENT} --stack lwip-tap http://192.168.7.1:8000/ -o /dev/null && "
            f"{CLIENT} --stack lwip-tap 'http://[fd07::1]:8000/' -o /dev/null")
        out = run("sh", "-c", script)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertEqual(out.stdout.count("status: 200 OK"), 2, out.stdout)
        gone = subprocess.run(["ip", "link", "show", "nsapi0"], capture_output=True)
        self.assertNotEqual(gone.returncode, 0, "the device went with its namespace")

    @unittest.skipUnless(os.geteuid() == 0, "makes a network namespace: root only")
    def test_exit_status_is_the_commands(self):
        self.assertEqual(run("sh", "-c", "ip -br link show nsapi0 | grep -q UP; exit 7").returncode, 7)


if __name__ == "__main__":
    unittest.main()
