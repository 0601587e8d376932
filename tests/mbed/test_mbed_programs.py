"""Mbed-style C++ programs (tests/mbed/programs/, built with -std=c++11 and -std=c++17) against real
peers, in a network namespace of their own: over POSIX on 127.0.0.1 (NSAPI_INTERFACE=posix:lo, the
names in an /etc/hosts bound over the namespace's) and over lwIP on a TAP device
(NSAPI_INTERFACE=lwip-tap:nsapi0, address and DNS by DHCP from dnsmasq, which also answers the
names).  The peers are those of the C suites: inetd's echo service (TCP port 7; UDP's from socat, as
inetd drops datagrams from loopback addresses), python3's
http.server (port 80, for the worked example), openssl s_server -www with certificates from
tests/tls/make_certs.sh (port 4433), and a python3 client for the echo servers.  Each configuration
runs every program once in one namespace; every server goes with the namespace's PID namespace."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples"))
import netns  # noqa: E402

ROOT = netns.ROOT
BIN = os.path.join(ROOT, "build", "test", "mbed")
NAMES = "peer.test tls.test developer.mbed.org"
INETD = "$server:echo stream tcp nowait root internal\\n"
CLIENT = """
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), 5)
data = b"x" * 3000
s.sendall(data)
got = b""
while len(got) < len(data):
    chunk = s.recv(65536)
    if not chunk:
        break
    got += chunk
s.close()
print("client echo", "ok" if got == data else "wrong")
"""
CONFIGS = {
    "posix": {"interface": "posix:lo", "std": "cxx11", "setup": f"""ip link set lo up || exit {netns.SETUP_FAILED}
echo "127.0.0.1 {NAMES}" > "$tmp/hosts" && mount --bind "$tmp/hosts" /etc/hosts || exit {netns.SETUP_FAILED}
server=127.0.0.1"""},
    "lwip_tap": {"interface": "lwip-tap:nsapi0", "std": "cxx17", "setup": f"""ip link set lo up && ip tuntap add dev nsapi0 mode tap \\
  && ip addr add 192.168.7.1/24 dev nsapi0 && ip link set nsapi0 up || exit {netns.SETUP_FAILED}
server=192.168.7.1
/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces \\
  --interface=nsapi0 --listen-address=192.168.7.1 --pid-file= --user=root --local=/test/ \\
  {" ".join(f"--host-record={n},192.168.7.1" for n in NAMES.split())} --dhcp-leasefile="$tmp/leases" \\
  --dhcp-range=192.168.7.100,192.168.7.150,255.255.255.0,1h --dhcp-option=option:router,192.168.7.1 \\
  --dhcp-option=option:dns-server,192.168.7.1 >/dev/null 2>&1 & pids="$pids $!"
{{wait_udp}}"""},
}


def wait_port(proto, port):
    return f"""i=0
until [ -n "$(ss -Hl{proto}n 'sport = :{port}')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done"""


def script(config, std):
    c = CONFIGS[config]
    run = "\n".join(f"""echo "=== {name}"
NSAPI_INTERFACE={c["interface"]} ROOT_CA="$tmp/ca.pem" timeout 40 {BIN}/{name}_{std}; echo "=== rc $?\"""" for name in (
        "interface_bringup", "worked_example", "tcp_client", "udp_client", "sigio_loop", "tls_client"))
    return f"""
set -u
pids=""
tmp=$(mktemp -d)
{c["setup"].replace("{wait_udp}", wait_port("u", 67) + chr(10) + wait_port("u", 53))}
sh {ROOT}/tests/tls/make_certs.sh "$tmp" || exit {netns.SETUP_FAILED}
printf "{INETD}" > "$tmp/inetd.conf"
/usr/sbin/inetd -i "$tmp/inetd.conf" >/dev/null 2>&1 & pids="$pids $!"
socat UDP-RECVFROM:7,bind=$server,fork EXEC:cat >/dev/null 2>&1 & pids="$pids $!"
mkdir "$tmp/www" && echo "<p>Hello from the kernel side</p>" > "$tmp/www/index.html"
python3 -m http.server --bind $server --directory "$tmp/www" 80 >/dev/null 2>&1 & pids="$pids $!"
openssl s_server -quiet -www -accept 4433 -cert "$tmp/server.pem" -key "$tmp/server.key" >/dev/null 2>&1 & pids="$pids $!"
{wait_port("t", 7)}
{wait_port("u", 7)}
{wait_port("t", 80)}
{wait_port("t", 4433)}
{run}
echo "=== tcp_server"
NSAPI_INTERFACE={c["interface"]} timeout 40 {BIN}/tcp_server_{std} > "$tmp/server.out" 2>&1 & server_pid=$!
for port in 7007 7008; do
    i=0
    until grep -q "listening on .* $port" "$tmp/server.out"; do
        i=$((i + 1)); [ $i -lt 200 ] || break; sleep 0.1
    done
    address=$(sed -n "s/^listening on \\(.*\\) $port$/\\1/p" "$tmp/server.out")
    python3 -c '{CLIENT}' "$address" $port
done
wait $server_pid; rc=$?
cat "$tmp/server.out"; echo "=== rc $rc"
kill $pids; wait
rm -rf "$tmp"
"""


def sections(out):
    """{program: (rc, its output)} from the namespace's output."""
    found = {}
    for m in re.finditer(r"^=== (\w+)\n(.*?)^=== rc (\d+)$", out, re.M | re.S):
        found[m.group(1)] = (int(m.group(3)), m.group(2))
    return found


class Programs:
    """The cases, once per configuration (a subclass names it)."""
    config = None
    _runs = {}

    @classmethod
    def setUpClass(cls):
        rc, out, err = netns.run_script(script(cls.config, CONFIGS[cls.config]["std"]), timeout=300)
        cls.out, cls.err = out, err
        cls.found = sections(out)

    def program(self, name):
        self.assertIn(name, self.found, self.out + self.err)
        rc, out = self.found[name]
        self.assertEqual(rc, 0, out + self.err)
        self.assertNotIn("runtime error", out)
        return out

    def test_interface_bringup(self):
        out = self.program("interface_bringup")
        self.assertIn("ethInterface: yes\nwifiInterface: no\nconnect: 0\n", out)
        ip = re.search(r"^IP address: (\S+)$", out, re.M).group(1)
        self.assertIn(f"Mbed 5 IP address: {ip}\n", out)
        self.assertIn("status: 1\n", out)  # NSAPI_STATUS_GLOBAL_UP
        self.assertIn("status changes seen: some, last: 2\n", out)  # then NSAPI_STATUS_DISCONNECTED
        if self.config == "lwip_tap":
            self.assertRegex(ip, r"^192\.168\.7\.1[0-5][0-9]$", "a lease from dnsmasq's range")
            self.assertRegex(out, r"MAC address: [0-9a-f]{2}(:[0-9a-f]{2}){5}\n")
        else:
            self.assertEqual(ip, "127.0.0.1")

    def test_worked_example(self):
        out = self.program("worked_example")
        self.assertTrue(out.startswith("bringing up Ethernet\nconnect: 0, address: "), out)
        self.assertNotIn("address: none", out)
        self.assertIn("TCP connect to developer.mbed.org: 0\n", out)
        self.assertIn('sent: 63 bytes, first line "GET / HTTP/1.1"\n', out)
        self.assertRegex(out, r'received: \d+ bytes, first line "HTTP/1\.[01] 200 OK"\n')
        self.assertTrue(out.endswith("finished\n"), out)

    def test_tcp_client(self):
        out = self.program("tcp_client")
        for line in ("connected: yes", "echo hello: ok", "echo from an Mbed program: ok", "echo Mbed 5 connect: ok",
                     "unopened send: -3005", "Done"):  # NSAPI_ERROR_NO_SOCKET
            self.assertIn(line + "\n", out)

    def test_udp_client(self):
        out = self.program("udp_client")
        for line in ("reply to mbed5: ok", "reply to mbed6: ok", "accept on UDP: nullptr", "Done"):
            self.assertIn(line + "\n", out)

    def test_sigio_event_loop(self):
        out = self.program("sigio_loop")
        for line in ("non-blocking connect: done", "TCP echo by sigio: ok", "UDP echo by sigio: ok", "Done"):
            self.assertIn(line + "\n", out)

    def test_tls_with_root_ca(self):
        out = self.program("tls_client")
        for line in ("Mbed 5 connect: 0", "Mbed 5 form: HTTP/1.0 200 ok", "Mbed 6 connect: 0",
                     "Mbed 6 form: HTTP/1.0 200 ok", "wrong name: NSAPI_ERROR_AUTH_FAILURE", "Done"):
            self.assertIn(line + "\n", out)

    def test_tcp_server_echo(self):
        out = self.program("tcp_server")
        self.assertEqual(out.count("client echo ok\n"), 2, out)
        self.assertIn("TCPServer echoed 3000 bytes\n", out)
        self.assertIn("accept: 0\nTCPSocket::accept echoed 3000 bytes\n", out)
        self.assertTrue(out.endswith("Done\n"), out)


class OverPosix(Programs, unittest.TestCase):
    config = "posix"


class OverLwipTap(Programs, unittest.TestCase):
    config = "lwip_tap"


if __name__ == "__main__":
    unittest.main()
