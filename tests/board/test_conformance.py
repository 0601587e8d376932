"""The thread-free conformance cases as firmware (tests/board/conformance.c) on QEMU's mps2-an386,
against inetd's echo, discard and chargen (TCP) and echo (UDP) on the TAP device's kernel side
and dnsmasq's DHCP and DNS: the firmware's own "N passed, N failed" says 8 passed, 0 failed, and
QEMU exits 0."""

import re
import unittest

import qemu

INETD_CONF = "\\n".join(f"192.168.7.1:{service} root internal" for service in [
    "echo stream tcp nowait", "discard stream tcp nowait", "chargen stream tcp nowait", "echo dgram udp wait"])


class Conformance(unittest.TestCase):
    def test_thread_free_cases_against_inetd(self):
        inetd = f"sh -c 'conf=$(mktemp) && printf \"{INETD_CONF}\\n\" > $conf && exec /usr/sbin/inetd -i $conf'"
        rc, out, err = qemu.run(qemu.qemu("conformance.elf", 90), servers=[inetd],
                                listening=[(7, "tcp"), (9, "tcp"), (19, "tcp"), (7, "udp")], timeout=120)
        self.assertTrue(out.startswith("conformance (mps2-an386, LAN9118, lwIP NO_SYS)\n"), out + err)
        summary = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
        self.assertIsNotNone(summary, out + err)
        self.assertEqual(summary.groups(), ("8", "0"), out)
        self.assertEqual(rc, 0, out + err)


if __name__ == "__main__":
    unittest.main()
