"""examples/http_client against real servers: Python's http.server (a 1 MiB file, checked by
SHA-256), a chunked server built on it, and dnsmasq for the name, each in a network namespace
of the test's own (unshare -n), over POSIX on 127.0.0.1 and over lwIP on a TAP device with the
servers on the kernel's side.  Also its errors: a refused connection, an unknown name, bad usage.
Needs root (network namespaces), as CI has."""

import hashlib
import os
import shlex
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLIENT = os.path.join(ROOT, "build", "test", "examples", "http_client")
CHUNKED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chunked_server.py")
MIB = 1024 * 1024

# Where the servers listen and what the example is told, per configuration.
CONFIGS = {
    "posix": {"server": "127.0.0.1", "setup": "ip link set lo up", "options": "--stack posix --dns 127.0.0.1"},
    "lwip-tap": {"server": "192.168.7.1",
                 "setup": "ip link set lo up && ip tuntap add dev nsapi0 mode tap"
                          " && ip addr add 192.168.7.1/24 dev nsapi0 && ip link set nsapi0 up",
                 "options": "--stack lwip-tap --dns 192.168.7.1"},
}


def run_in_namespace(config, directory, client_args, chunked_size=1000):
    """Start the servers in a fresh network namespace, run the client, stop them; (rc, stdout, stderr)."""
    c = CONFIGS[config]
    ip = c["server"]
    script = f"""
set -u
{c["setup"]} || exit 90
python3 -m http.server 8080 --bind {ip} --directory {shlex.quote(directory)} >/dev/null 2>&1 & web=$!
python3 {shlex.quote(CHUNKED)} {ip} 8081 {chunked_size} >/dev/null 2>&1 & chunked=$!
/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces \
    --listen-address={ip} --port=53 --pid-file= --user=root --local=/test/ --host-record=web.test,{ip} & dns=$!
for port in 8080 8081; do
    i=0
    until python3 -c "import socket; socket.create_connection(('{ip}', $port), 0.2)" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 50 ] || exit 91; sleep 0.1
    done
done
{shlex.quote(CLIENT)} {c["options"]} {client_args}
rc=$?
kill $web $chunked $dns; wait
exit $rc
"""
    p = subprocess.run(["unshare", "-n", "--", "/bin/bash", "-c", script], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


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
        self.assertNotIn(rc, (90, 91), f"the namespace's setup failed: {stderr}")
        self.assertEqual(rc, want_rc, stdout + stderr)
        return stdout, stderr, out

    def check_big(self, config):
        stdout, _, out = self.fetch(config, "http://web.test:8080/big.bin")
        server = CONFIGS[config]["server"]
        self.assertEqual(stdout.splitlines(), [
            "resolving web.test", f"connecting to {server} port 8080", "sent GET /big.bin", "status: 200 OK",
            stdout.splitlines()[4], f"body: {MIB} bytes (content-length)"])
        self.assertRegex(stdout.splitlines()[4], r"^headers: [1-9]\d*$")
        with open(out, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(self.big).hexdigest())

    def check_chunked(self, config):
        size = 300000
        stdout, _, out = self.fetch(config, f"http://{CONFIGS[config]['server']}:8081/chunked.bin", chunked_size=size)
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
