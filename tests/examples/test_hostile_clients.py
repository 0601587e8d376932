"""The server examples under a crowd (crowd.py), over POSIX on 127.0.0.1 and over lwIP on a TAP
device, in a network namespace of each case's own: well-formed clients by the hundred beside
slowloris heads, idle connections, oversized heads and bodies, garbage bytes and clients that
vanish or reset mid-request; and http_server over TLS (--cert --key) beside hostile handshakes:
a ClientHello trickled a byte a second, connections that never send one or go idle after the
handshake, garbage, plain HTTP or an oversized record instead of a ClientHello, clients that
vanish mid-handshake.  Every well-formed client is served, none is reset, a probe's well-formed
request is answered within a bound while the crowd runs, and the server's resident memory after a
second crowd is within a bound of that after the first (no growth with clients served).  The
full-size runs (1,000 clients) are measured in docs/reliability.md."""

import os
import re
import shlex
import subprocess
import tempfile
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
CROWD = os.path.join(HERE, "crowd.py")
PORT = 8090
# ASan's quarantine would hold every freed block up to 256 MiB: too much noise for a memory bound.
SANITIZERS = "ASAN_OPTIONS=quarantine_size_mb=8:detect_leaks=1"


def crowd(config, server_args, crowd_args, rounds=2, server="http_server"):
    """Start server with server_args on PORT, run crowd.py with crowd_args rounds times, reading
    the server's VmRSS after each; then stop it.  The script's output."""
    c = netns.CONFIGS[config]
    program = shlex.quote(os.path.join(netns.EXAMPLES, server))
    protocol = "http" if server == "http_server" else "echo"
    runs = "\n".join(f"""python3 {shlex.quote(CROWD)} {c["device"]} {PORT} {protocol} {crowd_args}
echo "rss $(awk '/VmRSS/ {{print $2}}' /proc/$server/status) kB" """ for _ in range(rounds))
    script = f"""
set -u
{c["setup"]} || exit {netns.SETUP_FAILED}
ulimit -n 8192
out=$(mktemp); trap 'rm -f $out' EXIT
{SANITIZERS} {program} {c["options"]} {server_args} {PORT} > $out 2>&1 & server=$!
i=0
until grep -q listening $out; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $server; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done
{runs}
kill -TERM $server; wait $server; echo "server exit $?"
grep -c "" $out | sed 's/^/server lines /'
grep -i "error\\|sanitizer" $out | head -5
"""
    rc, stdout, stderr = netns.run_script(script, timeout=120)
    return stdout + stderr


class HostileClients(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.certs = tempfile.TemporaryDirectory(prefix="nsapi-hostile-")
        subprocess.run(["sh", os.path.join(netns.ROOT, "tests", "tls", "make_certs.sh"), cls.certs.name], check=True,
                       capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.certs.cleanup()

    def check_crowd(self, out, clients, probe_ms, growth_kb=None):
        served = [int(n) for n in re.findall(rf"clients served (\d+) of {clients}", out)]
        self.assertTrue(served and all(n == clients for n in served), out)
        self.assertNotRegex(out, r"reset [1-9]", out)
        slowest = [float(ms) for ms in re.findall(r"probe slowest (\S+) ms", out)]
        self.assertTrue(slowest and max(slowest) <= probe_ms, out)
        rss = [int(kb) for kb in re.findall(r"rss (\d+) kB", out)]
        if growth_kb is not None:
            self.assertEqual(len(rss), 2, out)
            self.assertLessEqual(rss[1] - rss[0], growth_kb, f"memory grew: {rss}\n{out}")
        self.assertIn("server exit 0", out)
        self.assertNotIn("Sanitizer", out)

    def http(self, config):
        """Defect 6: 300 well-formed clients at once beside 5 slowloris and the hostile ones."""
        out = crowd(config, "", "--clients 300 --slowloris 5 --hostile --deadline 25")
        self.check_crowd(out, 300, 1000, 8192)

    def http_idle(self, config):
        """300 idle connections, more than the server serves at once: they give way to 50 clients."""
        out = crowd(config, "--backlog 128", "--clients 50 --idle 300 --deadline 25", rounds=1)
        self.check_crowd(out, 50, 10000)
        self.assertIn("idle connected 300 of 300, reset 0", out)

    def https(self, config):
        """TLS: 100 clients over HTTPS, 4 at a time, beside 5 trickled handshakes, hostile handshakes, 50
        connections that never send a ClientHello and 50 idle after their handshake, twice.  4 at a time:
        a fair server makes the probe wait for the handshakes ahead of it, about 17 ms of the server's CPU
        each under ASan, so 100 at once would put 1.7 s ahead of it on any fair server; 4 at a time keep
        the 1 s bound with a margin when two other programs share the 2 cores (docs/reliability.md, HTTPS
        under hostile clients)."""
        d = self.certs.name
        out = crowd(config, f"--cert {d}/server.pem --key {d}/server.key",
                    f"--tls {d}/ca.pem --clients 100 --at-once 4 --probes 4 --slowloris 5 --hostile --idle 50"
                    " --idle-tls 50 --deadline 25")
        self.check_crowd(out, 100, 1000, 8192)
        self.assertEqual(out.count("idle connected 50 of 50, reset 0"), 2, out)
        self.assertEqual(out.count("idle after the handshake 50 of 50"), 2, out)

    def echo(self, config):
        out = crowd(config, "", "--clients 300 --slowloris 5 --hostile --deadline 25", server="echo_server")
        self.check_crowd(out, 300, 1000, 8192)

    def echo_idle(self, config):
        out = crowd(config, "", "--clients 50 --idle 300 --deadline 25", rounds=1, server="echo_server")
        self.check_crowd(out, 50, 10000)
        self.assertIn("idle connected 300 of 300, reset 0", out)

    def test_echo_server_posix(self):
        self.echo("posix")

    def test_echo_server_lwip_tap(self):
        self.echo("lwip-tap")

    def test_echo_server_idle_posix(self):
        self.echo_idle("posix")

    def test_echo_server_idle_lwip_tap(self):
        self.echo_idle("lwip-tap")

    def test_http_server_posix(self):
        self.http("posix")

    def test_http_server_lwip_tap(self):
        self.http("lwip-tap")

    def test_https_server_posix(self):
        self.https("posix")

    def test_https_server_lwip_tap(self):
        self.https("lwip-tap")

    def test_http_server_idle_posix(self):
        self.http_idle("posix")

    def test_http_server_idle_lwip_tap(self):
        self.http_idle("lwip-tap")


if __name__ == "__main__":
    unittest.main()
