"""The overview's worked example, examples/ethernet_http, as the demo runs it: lwIP over a TAP
device in a namespace of its own, the interface the default one (NSAPI_INTERFACE=lwip-tap:nsapi0),
its address, gateway and DNS server by DHCP from dnsmasq on the kernel's side, which also answers
the name, and python3's http.server serving the page.  Also: the same over the kernel's interface
(posix:lo), and a malformed NSAPI_INTERFACE or --interface refused with a clear message and exit 2.
Every server the namespace runs goes with its PID namespace."""

import os
import re
import subprocess
import unittest

import netns

EXAMPLE = os.path.join(netns.EXAMPLES, "ethernet_http")
TAP_SETUP = ("ip link set lo up && ip tuntap add dev nsapi0 mode tap && ip addr add 192.168.7.1/24 dev nsapi0"
             " && ip link set nsapi0 up")
DHCP_DNS = ("/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces"
            " --interface=nsapi0 --listen-address=192.168.7.1 --pid-file= --user=root --local=/test/"
            " --host-record=www.demo.test,192.168.7.1 --dhcp-leasefile=$www/leases"
            " --dhcp-range=192.168.7.100,192.168.7.150,255.255.255.0,1h --dhcp-option=option:router,192.168.7.1"
            " --dhcp-option=option:dns-server,192.168.7.1")


def wait(port, proto):
    """A shell loop: until something listens on port (tcp or udp), 5 s at most."""
    return f"""i=0
until [ -n "$(ss -Hl{proto[0]}n 'sport = :{port}')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done"""


def run_over_tap(command, timeout=90):
    """command (a shell line) in a namespace with dnsmasq and http.server on nsapi0's kernel side."""
    script = f"""
set -u
pids=""
{TAP_SETUP} || exit {netns.SETUP_FAILED}
www=$(mktemp -d)
echo "<p>Hello from the kernel side of nsapi0</p>" > "$www/index.html"
{DHCP_DNS} >/dev/null 2>&1 & pids="$pids $!"
python3 -m http.server --bind 192.168.7.1 --directory "$www" 80 >/dev/null 2>&1 & pids="$pids $!"
{wait(67, "udp")}
{wait(53, "udp")}
{wait(80, "tcp")}
{command}
rc=$?
kill $pids; wait
rm -rf "$www"
exit $rc
"""
    return netns.run_script(script, timeout)


def run(*args, env=None):
    p = subprocess.run([EXAMPLE, *args], capture_output=True, text=True, timeout=60,
                       env={**os.environ, **(env or {})})
    return p.returncode, p.stdout, p.stderr


class WorkedExample(unittest.TestCase):
    def test_dhcp_dns_and_http_over_lwip_tap(self):
        rc, out, err = run_over_tap(f"NSAPI_INTERFACE=lwip-tap:nsapi0 {EXAMPLE} --timeout 20 www.demo.test")
        self.assertEqual(rc, 0, out + err)
        address = re.search(r"^IP address: (\S+)$", out, re.M)
        self.assertIsNotNone(address, out)
        parts = address.group(1).split(".")
        self.assertEqual(parts[:3], ["192", "168", "7"], out)
        self.assertTrue(100 <= int(parts[3]) <= 150, f"{address.group(1)} is outside dnsmasq's range")
        self.assertIn("Netmask: 255.255.255.0\n", out)
        self.assertIn("Gateway: 192.168.7.1\n", out)
        self.assertRegex(out, r"MAC address: [0-9a-f]{2}(:[0-9a-f]{2}){5}\n")
        self.assertIn("www.demo.test is 192.168.7.1; connecting to port 80\n", out, "the name from DHCP's DNS server")
        self.assertIn("recv: HTTP/1.0 200 OK\n", out)
        self.assertRegex(out, r"body: [1-9][0-9]* bytes\n")
        self.assertTrue(out.endswith("Done\n"), out)
        self.assertNotIn("runtime error", err)  # UBSan

    def test_interface_option_over_the_kernels_interface(self):
        rc, out, err = run_over_tap(f"{EXAMPLE} --interface posix:lo 192.168.7.1")
        self.assertEqual(rc, 0, out + err)
        self.assertIn("IP address: 127.0.0.1\n", out, "lo's address, from the kernel")
        self.assertIn("recv: HTTP/1.0 200 OK\n", out)

    def test_no_lease_is_dhcp_failure_within_the_timeout(self):
        script = f"""{TAP_SETUP} || exit {netns.SETUP_FAILED}
NSAPI_INTERFACE=lwip-tap:nsapi0 {EXAMPLE} --timeout 2 www.demo.test"""
        rc, out, err = netns.run_script(script, timeout=60)
        self.assertEqual(rc, 1, out + err)
        self.assertIn("connect: NSAPI_ERROR_DHCP_FAILURE", err)

    def test_a_malformed_interface_is_refused(self):
        for value in ("bogus", "lwip-tap", "lwip-tap:", "posix:", "lwip-tap:abcdefghijklmnop", ""):
            with self.subTest(value=value):
                rc, out, err = run("www.demo.test", env={"NSAPI_INTERFACE": value})
                self.assertEqual(rc, 2, out + err)
                self.assertIn(f"NSAPI_INTERFACE={value}: not an interface "
                              "(lwip-tap:NAME, lwip-loop, posix or posix:NAME)", err)
        rc, out, err = run("--interface", "wifi", "www.demo.test")
        self.assertEqual(rc, 2, out + err)
        self.assertIn("--interface wifi: not an interface (lwip-tap:NAME, lwip-loop, posix or posix:NAME)", err)

    def test_a_missing_device_is_a_device_error(self):
        rc, out, err = netns.run_script(f"{EXAMPLE} --interface lwip-tap:nosuchtap www.demo.test", timeout=60)
        self.assertEqual(rc, 1, out + err)
        self.assertIn("interface lwip-tap:nosuchtap: cannot be made: NSAPI_ERROR_DEVICE_ERROR", err)

    def test_help(self):
        rc, out, err = run("--help", env={"NSAPI_INTERFACE": "lwip-loop"})
        self.assertEqual((rc, err), (0, ""), out)
        self.assertTrue(out.startswith("usage: ethernet_http [--interface SPEC] [--timeout SECONDS] HOST [PORT]\n"))
        self.assertIn("(default: NSAPI_INTERFACE, else the build's; now lwip-loop)", out)
        rc, out, err = run()
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("ethernet_http --help lists every option and its default", err)


if __name__ == "__main__":
    unittest.main()
