"""examples/tcp_ping_pong and udp_ping_pong against a kernel-side partner, socat echoing every
byte back, over POSIX on 127.0.0.1 and over lwIP on a TAP device, the partner found by name
(dnsmasq): every round compared byte for byte, no datagram lost on these loss-free links; and UDP against a
partner that drops datagrams and echoes some twice, late.  Also their errors: a refused connection,
a partner that never answers (the 5 s timeout reported as such), bad usage."""

import os
import re
import unittest

import netns

TCP_PARTNER = "socat TCP-LISTEN:7000,bind={ip},reuseaddr,fork PIPE"
UDP_PARTNER = "socat UDP-RECVFROM:7001,bind={ip},fork PIPE"
SILENT_PARTNER = "socat -u TCP-LISTEN:7000,bind={ip},reuseaddr,fork OPEN:/dev/null"  # reads, never answers
LOSSY_PARTNER = "python3 " + os.path.join(os.path.dirname(os.path.abspath(__file__)), "lossy_udp_echo.py") + " {ip} 7001"


class PingPong(unittest.TestCase):
    def play(self, config, example, partner, port, rounds, size):
        tcp = "TCP-" in partner
        rc, stdout, stderr = netns.run(config, [partner, netns.DNSMASQ], [port] if tcp else [], example,
                                       f"partner.test {port} {rounds} {size}", udp_ports=[53] if tcp else [53, port])
        self.assertEqual(rc, 0, stdout + stderr)
        self.assertIn(f"{rounds} rounds of {size} bytes each way, every echo intact", stdout)
        self.assertRegex(stdout, r"round trip: min \d+ ms, average \d+ ms, max \d+ ms")
        return stdout

    def test_tcp_posix(self):
        self.play("posix", "tcp_ping_pong", TCP_PARTNER, 7000, 200, 1000)
        self.play("posix", "tcp_ping_pong", TCP_PARTNER, 7000, 5, 65536)

    def test_tcp_lwip_tap(self):
        self.play("lwip-tap", "tcp_ping_pong", TCP_PARTNER, 7000, 200, 1000)
        self.play("lwip-tap", "tcp_ping_pong", TCP_PARTNER, 7000, 5, 65536)

    def udp(self, config):
        stdout = self.play(config, "udp_ping_pong", UDP_PARTNER, 7001, 200, 1000)
        self.assertIn("datagrams sent again: 0", stdout, "a loss-free link")

    def test_udp_posix(self):
        self.udp("posix")

    def test_udp_lwip_tap(self):
        self.udp("lwip-tap")

    def test_udp_lost_and_late_echoes(self):
        stdout = self.play("posix", "udp_ping_pong", LOSSY_PARTNER, 7001, 20, 100)
        resent = int(re.search(r"datagrams sent again: (\d+)", stdout).group(1))
        self.assertGreaterEqual(resent, 4, "every 4th datagram was dropped and sent again")

    def test_errors(self):
        rc, _, stderr = netns.run("posix", [], [], "tcp_ping_pong", "{ip} 7999 3 10")
        self.assertEqual(rc, 1)
        self.assertIn("connect: NSAPI_ERROR_NO_CONNECTION", stderr)
        rc, _, stderr = netns.run("posix", [SILENT_PARTNER], [7000], "tcp_ping_pong", "--timeout 5000 {ip} 7000 1 10")
        self.assertEqual(rc, 1)
        self.assertIn("recv: timed out after 5000 ms", stderr, "WOULD_BLOCK from a call with a timeout")
        self.assertNotIn("without blocking", stderr)
        rc, _, stderr = netns.run("posix", [], [], "udp_ping_pong", "{ip} 7001 3 2")
        self.assertEqual(rc, 2)
        self.assertIn("SIZE must be 4 to 65507 for UDP", stderr)
        rc, _, stderr = netns.run("posix", [], [], "tcp_ping_pong", "{ip} notaport")
        self.assertEqual(rc, 2)
        self.assertIn("usage: tcp_ping_pong [--interface SPEC]", stderr, "the basename, not the path it was run by")


if __name__ == "__main__":
    unittest.main()
