"""examples/http_client against real servers: Python's http.server (a 1 MiB file, checked by
SHA-256), a chunked server built on it, and dnsmasq for the name, each in a network namespace
of the test's own (unshare -n), over POSIX on 127.0.0.1 and over lwIP on a TAP device with the
servers on the kernel's side.  Also its errors: a refused connection, an unknown name, bad usage.
Needs root (network namespaces), as CI has."""

import hashlib
import os
import subprocess
import tempfile
import unittest

import netns

CHUNKED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chunked_server.py")
MIB = 1024 * 1024


def run_in_namespace(config, directory, client_args, chunked_size=1000):
    servers = [f"python3 -m http.server 8080 --bind {{ip}} --directory {directory}",
               f"python3 {CHUNKED} {{ip}} 8081 {chunked_size}",
               netns.DNSMASQ.replace("partner.test", "web.test")]
    return netns.run(config, servers, [8080, 8081], "http_client", client_args, udp_ports=[53])


class HttpClient(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-http-")
        cls.big = os.urandom(MIB)
        with open(os.path.join(cls.tmp.name, "big.bin"), "wb") as f:
            f.write(cls.big)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def fetch(self, config, url, want_rc=0, chunked_size=1000):
        out = os.path.join(self.tmp.name, f"out-{config}")
        rc, stdout, stderr = run_in_namespace(config, self.tmp.name, f"{url} -o {out}", chunked_size)
        self.assertEqual(rc, want_rc, stdout + stderr)
        return stdout, stderr, out

    def check_big(self, config):
        stdout, _, out = self.fetch(config, "http://web.test:8080/big.bin")
        server = netns.CONFIGS[config]["server"]
        self.assertEqual(stdout.splitlines(), [
            "resolving web.test", f"connecting to {server} port 8080", "sent GET /big.bin", "status: 200 OK",
            stdout.splitlines()[4], f"body: {MIB} bytes (content-length)"])
        self.assertRegex(stdout.splitlines()[4], r"^headers: [1-9]\d*$")
        with open(out, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(self.big).hexdigest())

    def check_chunked(self, config):
        size = 300000
        stdout, _, out = self.fetch(config, f"http://{netns.CONFIGS[config]['server']}:8081/chunked.bin", chunked_size=size)
        self.assertIn(f"body: {size} bytes (chunked)", stdout)
        expected = subprocess.run(["python3", "-c", f"import sys; sys.path.insert(0, {os.path.dirname(CHUNKED)!r});"
                                   f" import chunked_server; sys.stdout.buffer.write(chunked_server.body({size}))"],
                                  capture_output=True, check=True).stdout
        with open(out, "rb") as f:
            self.assertEqual(f.read(), expected)

    def test_posix_1_mib_by_name(self):
        self.check_big("posix")

    def test_lwip_tap_1_mib_by_name(self):
        self.check_big("lwip-tap")

    def test_posix_chunked(self):
        self.check_chunked("posix")

    def test_lwip_tap_chunked(self):
        self.check_chunked("lwip-tap")

    def test_errors(self):
        _, stderr, _ = self.fetch("posix", "http://127.0.0.1:8099/", want_rc=1)
        self.assertIn("connect: NSAPI_ERROR_NO_CONNECTION", stderr)
        _, stderr, _ = self.fetch("posix", "http://missing.test:8080/", want_rc=1)
        self.assertIn("gethostbyname: NSAPI_ERROR_DNS_FAILURE", stderr)
        _, stderr, _ = self.fetch("posix", "ftp://web.test/", want_rc=2)
        self.assertIn("usage: http_client", stderr)
        stdout, _, _ = self.fetch("posix", "http://web.test:8080/nothing-here")
        self.assertIn("status: 404 File not found", stdout)


if __name__ == "__main__":
    unittest.main()
