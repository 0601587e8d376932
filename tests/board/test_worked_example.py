"""The overview's worked example as firmware (examples/board/ethernet_http.c) on QEMU's
mps2-an386: the LAN9118 netif gets a lease from dnsmasq on the TAP device's kernel side, the name
resolves through the DNS server DHCP gave, python3's http.server serves the page; the console
shows each step and QEMU exits 0 through semihosting.  Also: without a DHCP server's answer the
firmware's connect times out and QEMU exits 1, so a failure is seen as one."""

import re
import unittest

import qemu

HTTP = ('www=$(mktemp -d) && echo "<p>Hello from the kernel side of nsapi0</p>" > "$www/index.html"'
        ' && exec python3 -m http.server --bind 192.168.7.1 --directory "$www" 80')


class WorkedExample(unittest.TestCase):
    def test_dhcp_dns_and_http_over_the_lan9118(self):
        rc, out, err = qemu.run(qemu.qemu("ethernet_http.elf", 60), servers=[f"sh -c '{HTTP}'"],
                                listening=[(80, "tcp")])
        self.assertEqual(rc, 0, out + err)
        self.assertTrue(out.startswith("Ethernet socket example (mps2-an386, LAN9118, lwIP NO_SYS)\n"), out)
        address = re.search(r"^IP address: (\S+)$", out, re.M)
        self.assertIsNotNone(address, out)
        parts = address.group(1).split(".")
        self.assertEqual(parts[:3], ["192", "168", "7"], out)
        self.assertTrue(100 <= int(parts[3]) <= 150, f"{address.group(1)} is outside dnsmasq's range")
        self.assertIn("Netmask: 255.255.255.0\n", out)
        self.assertIn("Gateway: 192.168.7.1\n", out)
        self.assertIn("MAC address: 52:54:00:12:34:56\n", out, "QEMU's default MAC, read from the LAN9118")
        self.assertIn("www.demo.test is 192.168.7.1; connecting to port 80\n", out)
        self.assertIn("recv: HTTP/1.0 200 OK\n", out)
        self.assertIn("body: 44 bytes\n", out)
        self.assertTrue(out.endswith("Done\n"), out)

    def test_no_http_server_fails_with_exit_1(self):
        rc, out, err = qemu.run(qemu.qemu("ethernet_http.elf", 60))
        self.assertEqual(rc, 1, out + err)
        self.assertIn("connect failed: NSAPI_ERROR_NO_CONNECTION\n", out)  # refused: nothing on port 80
        self.assertNotIn("Done", out)


if __name__ == "__main__":
    unittest.main()
