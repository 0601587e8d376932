"""The main demo (README's first command runs it through `scons demo`): first, as root,
examples/tap_demo.sh, the overview's worked example (ethernet_http) on lwIP over TAP with its
address and DNS server by DHCP from dnsmasq, fetching a page by name from the kernel's side of a
namespace the script makes and removes; then lwIP in one process with the project's echo and HTTP
servers serving the client examples on its loopback interface (the ASan build)."""

import os
import subprocess
import time
import unittest

import netns


def marked(mark):
    """The command lines of the processes whose environment holds mark, their arguments joined by spaces."""
    lines = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if mark not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                lines.append(f.read().replace(b"\0", b" "))
        except OSError:
            pass  # gone meanwhile
    return lines


class Demo(unittest.TestCase):
    def test_in_process(self):
        p = subprocess.run([os.path.join(netns.EXAMPLES, "demo")], capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        out = p.stdout
        self.assertEqual(out.count("rounds of 1000 bytes each way, every echo intact"), 2, out)
        self.assertIn("datagrams sent again: 0", out)
        self.assertIn("<h1>Hello from nsapi</h1>", out)
        self.assertIn("body: 100000 bytes (chunked)", out)
        self.assertIn("body: 1048576 bytes (content-length)", out)
        self.assertIn("GET /chunked/100000 from fd00::1", out, "IPv6 end to end")
        self.assertIn("served 1 clients, echoed 20 datagrams", out)
        self.assertIn("http server answered 3 requests", out)
        self.assertTrue(out.rstrip().endswith("every step worked"), out)

    def test_tap_part(self):
        # The script's processes carry a mark of this run's own: the same servers started by another suite
        # running meanwhile (ethernet_http's, the board's) are not this script's leftovers.
        run = f"{os.getpid()}-{time.monotonic_ns()}"
        p = subprocess.run(["sh", os.path.join(netns.ROOT, "examples", "tap_demo.sh")], capture_output=True,
                           text=True, timeout=120, env={**os.environ, "NSAPI_DEMO_RUN": run})
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        out = p.stdout
        self.assertRegex(out, r"IP address: 192\.168\.7\.(1[0-4][0-9]|150)\n", "an address of dnsmasq's range")
        self.assertIn("Netmask: 255.255.255.0\n", out)
        self.assertIn("Gateway: 192.168.7.1\n", out)
        self.assertIn("www.demo.test is 192.168.7.1; connecting to port 80", out)
        self.assertIn("recv: HTTP/1.0 200 OK", out)
        self.assertIn("dnsmasq: DHCPACK(nsapi0)", out, "the lease, in dnsmasq's log")
        self.assertIn('"GET / HTTP/1.1" 200', out, "the kernel-side server's log")
        self.assertIn("\nDone\n", out)
        self.assertEqual(marked(f"NSAPI_DEMO_RUN={run}".encode()), [], "the servers went with the namespace")


if __name__ == "__main__":
    unittest.main()
