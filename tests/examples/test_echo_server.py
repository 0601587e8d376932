"""examples/echo_server serving several kernel-side clients at once (clients.py: each sends its
own random bytes while it reads the echo, while the first holds its connection open until the
others are done, which a one-client-at-a-time server cannot pass), over POSIX on 127.0.0.1 and
over lwIP on a TAP device, in a network namespace of each case's own; then it stops by itself after
CLIENTS clients, or on SIGTERM (twice, as an impatient user does).  Its UDP echo serves
udp_ping_pong over IPv4 and IPv6, up to the largest datagram.  Also bad usage."""

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
out=$(mktemp); trap 'rm -f $out' EXIT
{shlex.quote(SERVER)} {c["options"]} {PORT} {clients} > $out 2>&1 & server=$!
i=0
until grep -q listening $out; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $server; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done
python3 {shlex.quote(os.path.join(HERE, "clients.py"))} {c["device"]} {PORT} {clients} {size} --hold
clients=$?
wait $server
server=$?
cat $out
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
        self.assertEqual(len(re.findall(rf"client \d: echoed {size} bytes, closed", stdout)), clients - 1, stdout)
        self.assertEqual(len(re.findall(r"client \d: echoed 4 bytes, closed", stdout)), 1, "the client that held on")
        self.assertIn(f"served {clients} clients, echoed 0 datagrams", stdout)

    def test_udp(self):
        """Datagrams from udp_ping_pong, another process, over IPv4 and IPv6: every one echoed."""
        c = netns.CONFIGS["posix"]
        client = shlex.quote(os.path.join(netns.EXAMPLES, "udp_ping_pong"))
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
out=$(mktemp); trap 'rm -f $out' EXIT
{shlex.quote(SERVER)} {c["options"]} {PORT} > $out & server=$!
i=0; until grep -q listening $out || [ $i -ge 50 ]; do i=$((i + 1)); sleep 0.1; done
{client} {c["options"]} 127.0.0.1 {PORT} 50 1000 && {client} {c["options"]} ::1 {PORT} 50 65507
echo "clients exit $?"
python3 -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 19))  # chargen's port: echoing to it could start an endless exchange
s.settimeout(0.5)
s.sendto(b'loop?', ('127.0.0.1', {PORT}))
try:
    s.recvfrom(100); print('echoed to 19')
except socket.timeout:
    print('not echoed to 19')
"
kill -TERM $server; wait $server; cat $out
""")
        self.assertIn("clients exit 0", stdout, stdout + stderr)
        self.assertIn("50 rounds of 1000 bytes each way, every echo intact", stdout)
        self.assertIn("50 rounds of 65507 bytes each way, every echo intact", stdout)
        self.assertIn("not echoed to 19", stdout)
        self.assertIn("served 0 clients, echoed 100 datagrams", stdout)

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")

    def test_restarts_on_its_port(self):
        """Defect 3's kin: a server stopped with a client connected closes first, and its end waits in
        TIME-WAIT; a new server takes the port at once (REUSEADDR), on POSIX."""
        c = netns.CONFIGS["posix"]
        server = f"{shlex.quote(SERVER)} {c['options']} {PORT}"
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
out=$(mktemp); trap 'rm -f $out $out.client' EXIT
{server} > $out 2>&1 & first=$!
i=0; until grep -q listening $out || [ $i -ge 50 ]; do i=$((i + 1)); sleep 0.1; done
python3 -c "
import socket, sys, time
s = socket.create_connection(('127.0.0.1', {PORT}), 5)
s.sendall(b'x'); s.recv(1)
print('echoed', flush=True)
s.recv(1)  # until the server's close
time.sleep(0.5)
" > $out.client & client=$!
i=0; until grep -q echoed $out.client || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done
kill -TERM $first; wait $first; echo "first exit $?"; wait $client
ss -Htan state time-wait "sport = :{PORT}" | grep -q . && echo "time-wait held"
{server} 1 > $out 2>&1 & second=$!
i=0; until grep -q listening $out || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done
kill -TERM $second; wait $second; echo "second exit $?"; cat $out
""", timeout=60)
        self.assertIn("first exit 0", stdout, stdout + stderr)
        self.assertIn("time-wait held", stdout, "the case needs the server's end in TIME-WAIT")
        self.assertIn("second exit 0", stdout, stdout + stderr)
        self.assertIn("listening on port", stdout)

    def test_stops_on_sigterm_and_bad_usage(self):
        c = netns.CONFIGS["posix"]
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
out=$(mktemp); trap 'rm -f $out' EXIT
{shlex.quote(SERVER)} {c["options"]} {PORT} > $out & server=$!
i=0; until grep -q listening $out || [ $i -ge 50 ]; do i=$((i + 1)); sleep 0.1; done
kill -TERM $server; sleep 0.05; kill -TERM $server; wait $server; echo "exit $?"; cat $out
{shlex.quote(SERVER)} {c["options"]} 0; echo "exit $?"
""")
        self.assertIn("exit 0\necho server listening on port 7007 (TCP and UDP)\nserved 0 clients, echoed 0 datagrams",
                      stdout, stdout + stderr)
        self.assertIn("usage: echo_server", stderr)
        self.assertTrue(stdout.rstrip().endswith("exit 2"), stdout)


if __name__ == "__main__":
    unittest.main()
