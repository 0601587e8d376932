"""examples/http_client against real servers: Python's http.server (a 1 MiB file, checked by
SHA-256), a chunked server built on it, and dnsmasq for the name, each in a network namespace
of the test's own (unshare -n), over POSIX on 127.0.0.1 and over lwIP on a TAP device with the
servers on the kernel's side; and localhost over POSIX with no DNS server.  Also its errors: a
refused connection, an unknown name, bad usage.  Needs root (network namespaces), as CI has."""

import hashlib
import os
import subprocess
import tempfile
import unittest

import netns

CHUNKED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chunked_server.py")
ODD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "odd_server.py")
MIB = 1024 * 1024


def run_in_namespace(config, directory, client_args, chunked_size=1000):
    servers = [f"python3 -m http.server 8080 --bind {{ip}} --directory {directory}",
               f"python3 {CHUNKED} {{ip}} 8081 {chunked_size}", f"python3 {ODD} {{ip}} 8082",
               netns.DNSMASQ.replace("partner.test", "web.test")]
    return netns.run(config, servers, [8080, 8081, 8082], "http_client", client_args, udp_ports=[53])


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

    def test_posix_localhost_without_dns(self):
        """localhost resolves with no DNS server, as on the host: python3's http.server on 127.0.0.1."""
        out = os.path.join(self.tmp.name, "out-localhost")
        rc, stdout, stderr = netns.run("posix", [f"python3 -m http.server 8080 --bind 127.0.0.1 --directory {self.tmp.name}"],
                                       [8080], "http_client", f"http://localhost:8080/big.bin -o {out}",
                                       options="--interface posix:lo")
        self.assertEqual(rc, 0, stdout + stderr)
        self.assertEqual(stdout.splitlines()[:2], ["resolving localhost", "connecting to 127.0.0.1 port 8080"])
        self.assertIn(f"body: {MIB} bytes (content-length)", stdout)
        with open(out, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(self.big).hexdigest())

    def test_errors(self):
        _, stderr, _ = self.fetch("posix", "http://127.0.0.1:8099/", want_rc=1)
        self.assertIn("connect: NSAPI_ERROR_NO_CONNECTION", stderr)
        _, stderr, _ = self.fetch("posix", "http://missing.test:8080/", want_rc=1)
        self.assertIn("gethostbyname: NSAPI_ERROR_DNS_FAILURE", stderr)
        _, stderr, _ = self.fetch("posix", "ftp://web.test/", want_rc=2)
        self.assertIn("usage: http_client", stderr)
        stdout, _, _ = self.fetch("posix", "http://web.test:8080/nothing-here")
        self.assertIn("status: 404 File not found", stdout)

    def test_odd_servers(self):
        """Answers a careful client must get right, or refuse with a message and status 1."""
        want = {
            "/continue": (0, "body: 5 bytes (content-length)"),
            "/te-space": (0, "body: 5 bytes (chunked)"),
            "/not-modified": (0, "body: 0 bytes (none)"),
            "/host": (0, "body: 20 bytes (content-length)"),
            "/bad-status": (1, 'not an HTTP/1.x status line: "HTTP/1.19 OK"'),
            "/empty": (1, "the response ended inside a line"),
            "/hex-size": (1, 'a bad chunk size line: "0x5"'),
            "/gzip": (1, 'a transfer coding this client cannot undo: "gzip"'),
            "/short": (1, "the body ended after 5 of 10 bytes"),
        }
        for path, (rc, text) in want.items():
            with self.subTest(path=path):
                stdout, stderr, out = self.fetch("posix", f"http://127.0.0.1:8082{path}", want_rc=rc)
                self.assertIn(text, stdout + stderr)
                self.assertNotIn("runtime error", stderr)  # UBSan
        stdout, _, out = self.fetch("posix", "http://127.0.0.1:8082/host")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"Host: 127.0.0.1:8082", "the port is in the Host header")


if __name__ == "__main__":
    unittest.main()
