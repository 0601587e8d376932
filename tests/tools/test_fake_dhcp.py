"""tests/tools/fake_dhcp.py, the scripted DHCP server of the lwip_dhcp suite: its messages, how it
tells a renewal from a rebinding, where it sends replies, what each scenario answers and that its
hostile replies are broken the way they are named.  The suite itself runs it against lwIP."""

import contextlib
import fcntl
import io
import json
import os
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_dhcp as fd  # noqa: E402

MAC = bytes.fromhex("02005e000001")


def client(kind, xid=0x1234, ciaddr="0.0.0.0", requested=None, server=None, flags=0):
    options = fd.option(fd.OPT_TYPE, bytes([kind]))
    if requested:
        options += fd.option(fd.OPT_REQUESTED, fd.ip_bytes(requested))
    if server:
        options += fd.option(fd.OPT_SERVER, fd.ip_bytes(server))
    return fd.Message(fd.message(fd.BOOTREQUEST, xid, MAC, ciaddr=ciaddr, options=options, flags=flags))


class Recorder(fd.Server):
    """The server's logic without its socket: what it would send, and where."""

    def __init__(self, scenario, log):
        self.args = fd.arguments(["--interface", "tap0", "--address", "192.168.7.1", "--scenario", scenario,
                                  "--log", log, "--lease", "480"])
        self.log = open(log, "a")
        self.sent = []
        self.acked = self.answered = False
        self.round = 0
        self.rounds = fd.hostile_rounds()

    def arp_entry(self, address, mac):
        return True

    def send(self, data, to, text):
        self.sent.append((data, to, text))

    def handle(self, msg, dest=fd.BROADCAST):
        self.sent = []
        getattr(self, "on_" + self.args.scenario.replace("-", "_"))(msg, fd.request_kind(msg, dest))
        return [(fd.Message(d), to) for d, to, text in self.sent if not text.startswith("HOSTILE")]


class FakeDhcp(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.log = os.path.join(self.dir.name, "log")

    def tearDown(self):
        self.dir.cleanup()

    def server(self, scenario):
        s = Recorder(scenario, self.log)
        self.addCleanup(s.log.close)
        return s

    def test_message_round_trip(self):
        m = fd.Message(fd.message(fd.BOOTREPLY, 0xCAFE, MAC, yiaddr="192.168.7.100",
                                  options=fd.option(fd.OPT_TYPE, b"\x02") + fd.option(fd.OPT_LEASE, b"\0\0\1\0")))
        self.assertEqual((m.op, m.xid, m.type, m.chaddr), (fd.BOOTREPLY, 0xCAFE, fd.OFFER, MAC))
        self.assertEqual(fd.ip_text(m.yiaddr), "192.168.7.100")
        self.assertEqual(m.options[fd.OPT_LEASE], b"\0\0\1\0")
        with self.assertRaises(ValueError):
            fd.Message(b"\x02" * 100)
        with self.assertRaises(ValueError):
            fd.Message(fd.message(fd.BOOTREPLY, 1, MAC, cookie=0xDEADBEEF))

    def test_options_parse_stops_at_a_cut_option(self):
        self.assertEqual(fd.parse_options(b"\x00\x35\x01\x01\x36\x04\x01\x02"), {53: b"\x01"})

    def test_request_kinds(self):
        self.assertEqual(fd.request_kind(client(fd.DISCOVER), fd.BROADCAST), "discover")
        self.assertEqual(fd.request_kind(client(fd.REQUEST, requested="192.168.7.100", server="192.168.7.1"),
                                         fd.BROADCAST), "select")
        self.assertEqual(fd.request_kind(client(fd.REQUEST, requested="192.168.7.100"), fd.BROADCAST), "reboot")
        self.assertEqual(fd.request_kind(client(fd.REQUEST, ciaddr="192.168.7.100"), "192.168.7.1"), "renew")
        self.assertEqual(fd.request_kind(client(fd.REQUEST, ciaddr="192.168.7.100"), fd.BROADCAST), "rebind")

    def test_normal_offers_and_acks_with_every_option_sent_where_rfc_2131_says(self):
        s = self.server("normal")
        [(offer, to)] = s.handle(client(fd.DISCOVER))
        self.assertEqual((offer.type, offer.xid, fd.ip_text(offer.yiaddr), to), (fd.OFFER, 0x1234, "192.168.7.100",
                                                                                  "192.168.7.100"))
        self.assertEqual(offer.ip_option(fd.OPT_SERVER), "192.168.7.1")
        self.assertEqual(offer.ip_option(fd.OPT_MASK), "255.255.255.0")
        self.assertEqual(struct.unpack("!I", offer.options[fd.OPT_LEASE])[0], 480)
        [(ack, to)] = s.handle(client(fd.REQUEST, requested="192.168.7.100", server="192.168.7.1"))
        self.assertEqual((ack.type, to), (fd.ACK, "192.168.7.100"))
        [(ack, to)] = s.handle(client(fd.REQUEST, ciaddr="192.168.7.100"), "192.168.7.1")
        self.assertEqual((ack.type, to), (fd.ACK, "192.168.7.100"), "a renewal: to ciaddr")
        [(offer, to)] = s.handle(client(fd.DISCOVER, flags=0x8000))
        self.assertEqual(to, fd.BROADCAST, "the client asked for broadcast")
        [(nak, to)] = s.handle(client(fd.REQUEST, requested="192.168.7.50", server="192.168.7.1"))
        self.assertEqual((nak.type, to), (fd.NAK, fd.BROADCAST))

    def test_scenarios(self):
        select = client(fd.REQUEST, requested="192.168.7.100", server="192.168.7.1")
        renew = client(fd.REQUEST, ciaddr="192.168.7.100")
        self.assertEqual([m.type for m, _ in self.server("nak").handle(select)], [fd.NAK])
        self.assertEqual(self.server("silent").handle(client(fd.DISCOVER)), [])
        s = self.server("wrong-xid")
        [(offer, _)] = s.handle(client(fd.DISCOVER))
        self.assertNotEqual(offer.xid, 0x1234)
        self.assertEqual(s.handle(client(fd.DISCOVER)) + s.handle(select), [])
        [(ack, _)] = self.server("missing-options").handle(select)
        self.assertEqual(ack.type, fd.ACK)
        self.assertFalse({fd.OPT_SERVER, fd.OPT_LEASE, fd.OPT_MASK} & set(ack.options))
        s = self.server("short-lease")
        self.assertEqual(s.handle(renew, "192.168.7.1"), [], "renewals ignored")
        self.assertEqual([m.type for m, _ in s.handle(renew, fd.BROADCAST)], [fd.ACK], "rebinding answered")
        s = self.server("ack-anything")
        [(ack, to)] = s.handle(client(fd.REQUEST, requested="224.0.0.1", server="192.168.7.1"))
        self.assertEqual((ack.type, fd.ip_text(ack.yiaddr), to), (fd.ACK, "224.0.0.1", fd.BROADCAST))
        s = self.server("vanish")
        self.assertEqual([m.type for m, _ in s.handle(select)], [fd.ACK])
        self.assertEqual(s.handle(renew, "192.168.7.1") + s.handle(client(fd.DISCOVER)), [])

    def test_hostile_rounds_then_a_lease(self):
        s = self.server("hostile")
        select = client(fd.REQUEST, requested="192.168.7.100", server="192.168.7.1")
        for _ in fd.hostile_rounds():
            self.assertEqual([m.type for m, _ in s.handle(client(fd.DISCOVER))], [fd.OFFER])
            self.assertTrue(any(t.startswith("HOSTILE") for _, _, t in s.sent))
            self.assertEqual([m.type for m, _ in s.handle(select)], [fd.NAK])
        self.assertEqual([m.type for m, _ in s.handle(client(fd.DISCOVER))], [fd.OFFER])
        self.assertEqual([m.type for m, _ in s.handle(select)], [fd.ACK])
        self.assertTrue(any(t.startswith("HOSTILE name=ack") for _, _, t in s.sent), "garbage before the ACK")

    def test_hostile_replies_are_broken_as_named(self):
        s = self.server("hostile")
        msg = client(fd.DISCOVER)
        replies = dict(fd.malformed(s, msg))
        self.assertEqual(len(replies["truncated-43"]), 43)
        self.assertEqual(len(replies["truncated-239"]), 239)
        self.assertGreater(len(replies["fragmented-3000"]), 1500, "more than one Ethernet frame")
        self.assertEqual(fd.Message(replies["other-mac"]).chaddr, fd.OTHER_MAC)
        self.assertNotEqual(fd.Message(replies["other-xid"]).xid, msg.xid)
        with self.assertRaises(ValueError):
            fd.Message(replies["bad-cookie"])
        overload = fd.Message(replies["overload-garbage"])
        self.assertEqual(overload.options[fd.OPT_OVERLOAD], b"\x03")
        self.assertGreater(len(fd.Message(replies["huge-option-count"]).options), 30)
        zero = fd.Message(dict(fd.misleading_zero(s, msg))["offer-0.0.0.0"])
        self.assertEqual(zero.yiaddr, 0)

    def test_arguments(self):
        a = fd.arguments(["--interface", "t", "--address", "10.0.0.1", "--scenario", "nak", "--log", "x"])
        self.assertEqual((a.offer, a.lease), ("10.0.0.100", 600))
        with self.assertRaises(SystemExit), contextlib.redirect_stderr(io.StringIO()):
            fd.arguments(["--interface", "t", "--address", "10.0.0.1", "--scenario", "bogus", "--log", "x"])


# ---- over a real TAP device: this side plays the client with raw Ethernet frames ------------------

TUNSETIFF, IFF_TAP, IFF_NO_PI = 0x400454CA, 0x0002, 0x1000


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def frame(dst_mac, src_ip, dst_ip, payload):
    """An Ethernet frame holding a UDP datagram from port 68 to 67 (no UDP checksum, as IPv4 allows)."""
    udp = struct.pack("!HHHH", 68, 67, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, fd.ip_bytes(src_ip), fd.ip_bytes(dst_ip))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return dst_mac + MAC + b"\x08\x00" + ip + udp


def await_reply(tap, seconds=3.0):
    """The next DHCP reply the kernel sends out of the TAP device: (destination MAC, destination IP, Message)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not select.select([tap], [], [], 0.1)[0]:
            continue
        f = os.read(tap, 4096)
        if len(f) < 42 or f[12:14] != b"\x08\x00" or f[23] != 17 or struct.unpack("!H", f[36:38])[0] != 68:
            continue  # not IPv4 UDP to port 68 (IPv6 router solicitations and the like)
        ihl = (f[14] & 0xF) * 4
        return f[:6], fd.ip_text(f[30:34]), fd.Message(f[14 + ihl + 8:])
    raise AssertionError("no DHCP reply within %s s" % seconds)


def exchange_over_tap(folder):
    """In a network namespace of its own: a TAP device, the server on its kernel side, and a DISCOVER,
    REQUEST, renewal and rebinding from this side; returns what came back, for the test to check."""
    subprocess.run("ip tuntap add dev fake0 mode tap && ip addr add 192.168.7.1/24 dev fake0 && "
                   "ip link set fake0 up", shell=True, check=True)
    log = os.path.join(folder, "log")
    server = subprocess.Popen([sys.executable, fd.__file__, "--interface", "fake0", "--address", "192.168.7.1",
                               "--scenario", "short-lease", "--log", log, "--duration", "20"])
    try:
        tap = os.open("/dev/net/tun", os.O_RDWR)
        fcntl.ioctl(tap, TUNSETIFF, struct.pack("16sH", b"fake0", IFF_TAP | IFF_NO_PI))
        for _ in range(250):
            if os.path.exists(log) and "ready" in open(log).read():
                break
            time.sleep(0.02)
        link = json.loads(subprocess.run(["ip", "-j", "link", "show", "fake0"], capture_output=True, check=True).stdout)
        kernel_mac = bytes.fromhex(link[0]["address"].replace(":", ""))  # /sys shows the first namespace's
        out = {}
        for name, dst_mac, src, dst, kind, ciaddr, opts in [
                ("offer", b"\xff" * 6, "0.0.0.0", fd.BROADCAST, fd.DISCOVER, "0.0.0.0", b""),
                ("ack", b"\xff" * 6, "0.0.0.0", fd.BROADCAST, fd.REQUEST, "0.0.0.0",
                 fd.option(fd.OPT_REQUESTED, fd.ip_bytes("192.168.7.100"))
                 + fd.option(fd.OPT_SERVER, fd.ip_bytes("192.168.7.1"))),
                ("renew", kernel_mac, "192.168.7.100", "192.168.7.1", fd.REQUEST, "192.168.7.100", b""),
                ("rebind", b"\xff" * 6, "192.168.7.100", fd.BROADCAST, fd.REQUEST, "192.168.7.100", b"")]:
            payload = fd.message(fd.BOOTREQUEST, 0x5EED, MAC, ciaddr=ciaddr,
                                 options=fd.option(fd.OPT_TYPE, bytes([kind])) + opts)
            os.write(tap, frame(dst_mac, src, dst, payload))
            try:
                mac, ip, msg = await_reply(tap, 1.5 if name == "renew" else 3.0)
                out[name] = {"mac": mac.hex(), "ip": ip, "type": msg.type, "yiaddr": fd.ip_text(msg.yiaddr),
                             "xid": msg.xid}
            except AssertionError:
                out[name] = None
        os.close(tap)
    finally:
        server.terminate()
        server.wait(5)
    out["log"] = open(log).read()
    return out


class OverTap(unittest.TestCase):
    @unittest.skipUnless(os.geteuid() == 0, "makes a network namespace and a TAP device: root only")
    def test_a_client_on_a_tap_device_gets_offer_ack_and_a_rebinding_ack(self):
        with tempfile.TemporaryDirectory() as folder:
            code = (f"import sys, json; sys.path.insert(0, {os.path.dirname(__file__)!r}); "
                    f"import test_fake_dhcp as t; print(json.dumps(t.exchange_over_tap({folder!r})))")
            p = subprocess.run(["unshare", "--net", sys.executable, "-c", code], capture_output=True, text=True,
                               timeout=30)
            self.assertEqual(p.returncode, 0, p.stderr)
            out = json.loads(p.stdout.strip().splitlines()[-1])
        mac = MAC.hex()
        self.assertEqual(out["offer"], {"mac": mac, "ip": "192.168.7.100", "type": fd.OFFER,
                                        "yiaddr": "192.168.7.100", "xid": 0x5EED}, "unicast to the offered address")
        self.assertEqual(out["ack"]["type"], fd.ACK)
        self.assertIsNone(out["renew"], "short-lease ignores renewals")
        self.assertEqual((out["rebind"]["type"], out["rebind"]["ip"]), (fd.ACK, "192.168.7.100"), "to ciaddr")
        kinds = [line.split("kind=")[1] for line in out["log"].splitlines() if "kind=" in line]
        self.assertEqual(kinds, ["discover", "select", "renew", "rebind"], out["log"])


if __name__ == "__main__":
    unittest.main()
