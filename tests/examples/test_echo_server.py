"""examples/echo_server serving several kernel-side clients at once (clients.py: each sends its
own random bytes while it reads the echo), over POSIX on 127.0.0.1 and over lwIP on a TAP device,
in a network namespace of each case's own; then it stops by itself after CLIENTS clients, or on
SIGTERM.  Also bad usage."""

import os
import re
import shlex
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(netns.EXAMPLES, "echo_server")
PORT = 7007


def serve(config, clients, size):
    c = netns.CONFIGS[config]
    script = f"""
set -u
{c["setup"]} || exit {netns.SETUP_FAILED}
out=$(mktemp)
{shlex.quote(SERVER)} {c["options"]} {PORT} {clients} > $out 2>&1 & server=$!
i=0
until grep -q listening $out; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $server; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done
python3 {shlex.quote(os.path.join(HERE, "clients.py"))} {c["device"]} {PORT} {clients} {size}
clients=$?
wait $server
server=$?
cat $out
rm -f $out
echo "clients exit $clients, server exit $server"
"""
    return netns.run_script(script)


class EchoServer(unittest.TestCase):
    def check(self, config):
        clients, size = 4, 200000
        rc, stdout, stderr = serve(config, clients, size)
        self.assertIn("clients exit 0, server exit 0", stdout, stdout + stderr)
        self.assertEqual(stdout.count("echo exact"), clients)
        self.assertIn(f"listening on port {PORT}", stdout)
        self.assertEqual(len(re.findall(rf"client \d: echoed {size} bytes, closed", stdout)), clients, stdout)
        self.assertIn(f"served {clients} clients", stdout)

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")

    def test_stops_on_sigterm_and_bad_usage(self):
        c = netns.CONFIGS["posix"]
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
{shlex.quote(SERVER)} {c["options"]} {PORT} & server=$!
sleep 0.5; kill -TERM $server; wait $server; echo "exit $?"
{shlex.quote(SERVER)} {c["options"]} 0; echo "exit $?"
""")
        self.assertIn("served 0 clients\nexit 0", stdout, stdout + stderr)
        self.assertIn("usage: echo_server", stderr)
        self.assertTrue(stdout.rstrip().endswith("exit 2"), stdout)


if __name__ == "__main__":
    unittest.main()
