"""tests/tools/fake_dhcp.py, the scripted DHCP server of the lwip_dhcp suite: its messages, how it
tells a renewal from a rebinding, where it sends replies, what each scenario answers and that its
hostile replies are broken the way they are named.  The suite itself runs it against lwIP."""

import contextlib
import io
import os
import struct
import sys
import tempfile
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


if __name__ == "__main__":
    unittest.main()
