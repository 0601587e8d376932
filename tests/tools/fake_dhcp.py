"""A scripted DHCPv4 server for the DHCP client tests: python3 fake_dhcp.py --interface DEV --address IP
--scenario NAME --log FILE [--offer IP] [--lease SECONDS] [--duration SECONDS].

It listens on UDP port 67 of DEV (the kernel's side of a TAP device whose address is IP), answers one
client as the scenario says, and logs one line per message it receives or sends to FILE, each starting
with the time of CLOCK_MONOTONIC (the clock a C test reads too):

  T ready
  T recv TYPE xid=0x... ciaddr=A requested=A|- server=A|- dest=A kind=discover|select|renew|rebind|reboot|...
  T send TYPE xid=0x... yiaddr=A to=A [note=...]

Scenarios:
  normal           OFFER and ACK: the lease, router and DNS server (both IP), netmask /24, server id
  nak              OFFER, then NAK every REQUEST
  silent           answers nothing
  wrong-xid        answers the first DISCOVER with an OFFER of another transaction id, then nothing
  missing-options  OFFER as normal, then an ACK without server id, lease time or netmask
  short-lease      normal, but ignores renewals (unicast REQUESTs): the client has to rebind
  vanish           normal until it has sent an ACK, then nothing
  hostile          rounds of malformed and misleading replies (NAKing the client's REQUESTs meanwhile),
                   then a normal exchange with more garbage before the real ACK
  ack-anything     OFFERs --offer and ACKs whatever address is requested (give a broadcast, multicast or
                   loopback address as --offer to see whether a client binds it)

Replies go where RFC 2131 4.1 says (giaddr is always 0 here): a NAK by broadcast; to ciaddr when the
client has one; by broadcast when the client set the broadcast flag; else to the offered address and
the client's MAC, which an ARP entry made for it lets the kernel send to.  It exits on SIGTERM, or by
itself after --duration seconds.
"""

import argparse
import fcntl
import ipaddress
import os
import select
import signal
import socket
import struct
import sys
import time

COOKIE = 0x63825363
BOOTREQUEST, BOOTREPLY = 1, 2
TYPES = {1: "DISCOVER", 2: "OFFER", 3: "REQUEST", 4: "DECLINE", 5: "ACK", 6: "NAK", 7: "RELEASE", 8: "INFORM"}
DISCOVER, OFFER, REQUEST, DECLINE, ACK, NAK, RELEASE, INFORM = range(1, 9)
OPT_MASK, OPT_ROUTER, OPT_DNS, OPT_REQUESTED, OPT_LEASE, OPT_OVERLOAD = 1, 3, 6, 50, 51, 52
OPT_TYPE, OPT_SERVER, OPT_END = 53, 54, 255
HEADER = struct.Struct("!BBBBIHHIIII16s64s128sI")  # through the magic cookie: 240 bytes
IP_PKTINFO = 8  # Linux; Python's socket module lacks the constant
SIOCSARP, ATF_COM, ARPHRD_ETHER = 0x8955, 0x02, 1
SCENARIOS = ["normal", "nak", "silent", "wrong-xid", "missing-options", "short-lease", "vanish", "hostile",
             "ack-anything"]
BROADCAST = "255.255.255.255"
OTHER_MAC = bytes.fromhex("020000000099")


def ip_bytes(text):
    return socket.inet_aton(text)


def ip_text(value):
    return socket.inet_ntoa(value) if isinstance(value, bytes) else socket.inet_ntoa(struct.pack("!I", value))


# ---- messages -------------------------------------------------------------------------------------


class Message:
    """A parsed BOOTP/DHCP message: the header fields and the options (the first of each code)."""

    def __init__(self, data):
        if len(data) < HEADER.size:
            raise ValueError(f"{len(data)} bytes, shorter than a DHCP header")
        (self.op, _htype, self.hlen, _hops, self.xid, _secs, self.flags, self.ciaddr, self.yiaddr, _siaddr,
         _giaddr, chaddr, _sname, _file, cookie) = HEADER.unpack_from(data)
        if cookie != COOKIE:
            raise ValueError(f"magic cookie {cookie:#x}")
        self.chaddr = chaddr[:min(self.hlen, 16)]
        self.options = parse_options(data[HEADER.size:])
        kind = self.options.get(OPT_TYPE, b"")
        self.type = kind[0] if len(kind) == 1 else 0

    def ip_option(self, code):
        value = self.options.get(code)
        return ip_text(value) if value is not None and len(value) == 4 else None


def parse_options(data):
    """Options as {code: value}, the first of each; stops at END or at an option cut short."""
    options, i = {}, 0
    while i < len(data) and data[i] != OPT_END:
        if data[i] == 0:
            i += 1
            continue
        if i + 2 > len(data) or i + 2 + data[i + 1] > len(data):
            break
        options.setdefault(data[i], data[i + 2:i + 2 + data[i + 1]])
        i += 2 + data[i + 1]
    return options


def option(code, value):
    return bytes([code, len(value)]) + value


def message(op, xid, chaddr, yiaddr="0.0.0.0", ciaddr="0.0.0.0", siaddr="0.0.0.0", options=b"", flags=0,
            cookie=COOKIE, sname=b"", file=b"", end=True):
    """A BOOTP message; options are the encoded options, END appended unless end is False."""
    header = HEADER.pack(op, 1, 6, 0, xid, 0, flags, struct.unpack("!I", ip_bytes(ciaddr))[0],
                         struct.unpack("!I", ip_bytes(yiaddr))[0], struct.unpack("!I", ip_bytes(siaddr))[0], 0,
                         chaddr.ljust(16, b"\0")[:16], sname.ljust(64, b"\0")[:64], file.ljust(128, b"\0")[:128],
                         cookie)
    return header + options + (bytes([OPT_END]) if end else b"")


def asked(msg):
    """The address a REQUEST asks for: its requested IP option, else its ciaddr."""
    return msg.ip_option(OPT_REQUESTED) or ip_text(msg.ciaddr)


def request_kind(msg, dest):
    """What a client's message is for, from its type, options and where it was sent (RFC 2131 4.3.2)."""
    if msg.type != REQUEST:
        return TYPES.get(msg.type, "unknown").lower()
    if OPT_SERVER in msg.options:
        return "select"
    if msg.ciaddr == 0:
        return "reboot"
    return "rebind" if dest == BROADCAST else "renew"


# ---- the server -----------------------------------------------------------------------------------


class Server:
    def __init__(self, args):
        self.args = args
        self.log = open(args.log, "a", buffering=1)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, args.interface.encode())
        self.sock.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
        self.sock.setsockopt(socket.IPPROTO_IP, getattr(socket, "IP_MTU_DISCOVER", 10), 0)  # fragment big garbage
        self.sock.bind(("0.0.0.0", 67))
        self.acked = False  # vanish: silent from the first ACK on
        self.answered = False  # wrong-xid: one answer only
        self.round = 0  # hostile: DISCOVERs seen
        self.rounds = hostile_rounds()

    def note(self, text):
        self.log.write(f"{time.monotonic():.6f} {text}\n")

    def run(self):
        deadline = time.monotonic() + self.args.duration
        self.note("ready")
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.sock], [], [], 0.5)
            if ready:
                self.receive()

    def receive(self):
        data, ancillary, _flags, source = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        dest = "?"
        for level, kind, value in ancillary:
            if level == socket.IPPROTO_IP and kind == IP_PKTINFO and len(value) >= 12:
                dest = ip_text(value[8:12])  # in_pktinfo: ifindex, spec_dst, addr (the header's destination)
        try:
            msg = Message(data)
        except ValueError as e:
            self.note(f"recv malformed from={source[0]} len={len(data)} why={str(e).replace(' ', '_')}")
            return
        if msg.op != BOOTREQUEST:
            self.note(f"recv reply-op from={source[0]}")
            return
        kind = request_kind(msg, dest)
        self.note(f"recv {TYPES.get(msg.type, 'UNKNOWN')} xid={msg.xid:#010x} ciaddr={ip_text(msg.ciaddr)} "
                  f"requested={msg.ip_option(OPT_REQUESTED) or '-'} server={msg.ip_option(OPT_SERVER) or '-'} "
                  f"dest={dest} kind={kind}")
        getattr(self, "on_" + self.args.scenario.replace("-", "_"))(msg, kind)

    # -- replies --

    def lease_options(self, kind, mask=True, lease=True, server=True):
        a = self.args
        out = option(OPT_TYPE, bytes([kind]))
        if server:
            out += option(OPT_SERVER, ip_bytes(a.address))
        if lease:
            out += option(OPT_LEASE, struct.pack("!I", a.lease))
        if mask:
            out += option(OPT_MASK, ip_bytes("255.255.255.0"))
        return out + option(OPT_ROUTER, ip_bytes(a.address)) + option(OPT_DNS, ip_bytes(a.address))

    def reply(self, msg, kind, xid=None, **fields):
        """A reply of kind to msg: the lease's options unless options= is given."""
        fields.setdefault("options", self.lease_options(kind))
        yiaddr = fields.pop("yiaddr", self.args.offer if kind != NAK else "0.0.0.0")
        xid = msg.xid if xid is None else xid
        data = message(BOOTREPLY, xid, msg.chaddr, yiaddr=yiaddr, siaddr=self.args.address, **fields)
        self.send(data, self.destination(msg, kind, yiaddr), f"{TYPES[kind]} xid={xid:#010x} yiaddr={yiaddr}")

    def destination(self, msg, kind, yiaddr):
        """Where RFC 2131 4.1 sends a reply (giaddr being 0)."""
        if kind == NAK:
            return BROADCAST
        if msg.ciaddr != 0:
            return ip_text(msg.ciaddr)
        if msg.flags & 0x8000:
            return BROADCAST
        a = ipaddress.IPv4Address(yiaddr)
        if a.is_unspecified or a.is_multicast or a.is_loopback or yiaddr == BROADCAST:
            return BROADCAST  # no unicast to make: hostile offers
        if not self.arp_entry(yiaddr, msg.chaddr):
            return BROADCAST
        return yiaddr

    def arp_entry(self, address, mac):
        """Tell the kernel address is at mac (as dnsmasq does), so that a unicast reaches a client
        that does not answer ARP yet."""
        if len(mac) != 6:
            return False
        request = (struct.pack("=HH4s8x", socket.AF_INET, 0, ip_bytes(address))  # arpreq: protocol address,
                   + struct.pack("=H6s8x", ARPHRD_ETHER, mac) + struct.pack("=i", ATF_COM)  # hardware one, flags,
                   + bytes(16) + self.args.interface.encode().ljust(16, b"\0")[:16])  # netmask, device
        try:
            fcntl.ioctl(self.sock.fileno(), SIOCSARP, request)
            return True
        except OSError as e:
            self.note(f"arp-failed {address} {e.strerror.replace(' ', '_')}")
            return False

    def send(self, data, to, text):
        try:
            self.sock.sendto(data, (to, 68))
            self.note(f"send {text} to={to}")
        except OSError as e:
            self.note(f"send-failed {text} to={to} why={e.strerror.replace(' ', '_')}")

    def answer(self, msg, kind):
        """What a plain server does: OFFER a DISCOVER; ACK a REQUEST for the offered address, NAK another."""
        if msg.type == DISCOVER:
            self.reply(msg, OFFER)
        elif msg.type == REQUEST:
            self.reply(msg, ACK if asked(msg) == self.args.offer else NAK)

    # -- scenarios --

    def on_normal(self, msg, kind):
        self.answer(msg, kind)

    def on_nak(self, msg, kind):
        if msg.type == REQUEST:
            self.reply(msg, NAK)
        else:
            self.answer(msg, kind)

    def on_ack_anything(self, msg, kind):
        if msg.type == DISCOVER:
            self.reply(msg, OFFER)
        elif msg.type == REQUEST:
            self.reply(msg, ACK, yiaddr=asked(msg))

    def on_silent(self, msg, kind):
        pass

    def on_wrong_xid(self, msg, kind):
        if msg.type == DISCOVER and not self.answered:
            self.answered = True
            self.reply(msg, OFFER, xid=msg.xid ^ 0x5A5A5A5A)

    def on_missing_options(self, msg, kind):
        if msg.type == REQUEST and asked(msg) == self.args.offer:
            self.reply(msg, ACK, options=self.lease_options(ACK, mask=False, lease=False, server=False))
        else:
            self.answer(msg, kind)

    def on_short_lease(self, msg, kind):
        if kind != "renew":
            self.answer(msg, kind)

    def on_vanish(self, msg, kind):
        if not self.acked:
            self.answer(msg, kind)
            self.acked = msg.type == REQUEST and asked(msg) == self.args.offer

    def on_hostile(self, msg, kind):
        if msg.type == DISCOVER:
            self.round += 1
            if self.round <= len(self.rounds):
                for name, data in self.rounds[self.round - 1](self, msg):
                    self.send(data, BROADCAST, f"HOSTILE name={name}")
            self.reply(msg, OFFER)
        elif msg.type == REQUEST and self.round < len(self.rounds) + 1:
            self.reply(msg, NAK)  # more rounds to go: start the client over
        elif msg.type == REQUEST:
            if asked(msg) == self.args.offer and kind == "select":
                for name, data in garbage_before_ack(self, msg):
                    self.send(data, BROADCAST, f"HOSTILE name={name}")
            self.answer(msg, kind)


# ---- hostile replies ------------------------------------------------------------------------------


def offer_of(server, msg, **fields):
    """A well-formed OFFER to msg, with fields changed."""
    fields.setdefault("yiaddr", server.args.offer)
    fields.setdefault("siaddr", server.args.address)
    fields.setdefault("options", server.lease_options(OFFER))
    chaddr = fields.pop("chaddr", msg.chaddr)
    return message(BOOTREPLY, fields.pop("xid", msg.xid), chaddr, **fields)


def malformed(server, msg):
    """Replies that match the client's xid and MAC but are broken: a client must drop each."""
    good = offer_of(server, msg)
    a = server.args
    type_offer = option(OPT_TYPE, bytes([OFFER]))
    server_id = option(OPT_SERVER, ip_bytes(a.address))
    garbage = bytes((i * 37 + 11) & 0xFF for i in range(192))
    many = type_offer + server_id + b"".join(option(224 + i % 30, bytes([i & 0xFF, 0])) for i in range(300))
    many += option(OPT_DNS, b"".join(ip_bytes(f"192.0.2.{i}") for i in range(1, 64)))
    many += type_offer * 20 + option(OPT_ROUTER, ip_bytes(a.address) * 60) + bytes(200)  # pads, then END
    yield "one-byte", good[:1]
    yield "truncated-43", good[:43]
    yield "truncated-44", good[:44]
    yield "truncated-239", good[:239]
    yield "truncated-in-option", good[:HEADER.size + 4]  # message type whole, server id cut
    yield "request-op", message(BOOTREQUEST, msg.xid, msg.chaddr, yiaddr=a.offer, options=server.lease_options(OFFER))
    yield "length-past-end", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer,
                                     options=type_offer + bytes([OPT_SERVER, 200]) + ip_bytes(a.address), end=False)
    yield "no-end", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer, options=type_offer + server_id, end=False)
    yield "bad-lengths", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer, options=type_offer + bytes(
        [OPT_SERVER, 3, 1, 2, 3, OPT_MASK, 5, 1, 2, 3, 4, 5, OPT_LEASE, 2, 0, 1, OPT_DNS, 6, 1, 2, 3, 4, 5, 6,
         OPT_TYPE, 0, OPT_OVERLOAD, 0]))
    yield "overload-garbage", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer,
                                      options=type_offer + option(OPT_OVERLOAD, b"\x03"),
                                      sname=server_id + bytes([OPT_MASK, 250]) + garbage[:54],
                                      file=bytes([OPT_DNS, 255]) + garbage[:126])
    yield "overload-no-end", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer,
                                     options=type_offer + option(OPT_OVERLOAD, b"\x01"),
                                     file=server_id + garbage[:122].replace(b"\xff", b"\x01"))
    yield "overload-nested", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer,
                                     options=type_offer + option(OPT_OVERLOAD, b"\x02"),
                                     sname=option(OPT_OVERLOAD, b"\x01") + server_id + b"\xff")
    yield "overload-invalid", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer,
                                      options=option(OPT_OVERLOAD, b"\x07") + option(OPT_OVERLOAD, b"\x03\x03"))
    yield "overload-sname-only-type", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr="203.0.113.9",
                                              options=option(OPT_OVERLOAD, b"\x02"), sname=garbage[:64])
    yield "huge-option-count", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr="203.0.113.10", options=many)
    yield "fragmented-3000", message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr="203.0.113.11",
                                     options=type_offer + bytes([OPT_SERVER, 4]) + garbage[:4]
                                     + b"".join(option(250, garbage[:250]) for _ in range(11)))
    yield "other-mac", offer_of(server, msg, chaddr=OTHER_MAC, yiaddr="192.0.2.77")
    yield "other-xid", offer_of(server, msg, xid=msg.xid ^ 1, yiaddr="192.0.2.78")
    yield "bad-cookie", offer_of(server, msg, cookie=0xDEADBEEF, yiaddr="192.0.2.79")


def misleading_zero(server, msg):
    yield "offer-0.0.0.0", offer_of(server, msg, yiaddr="0.0.0.0")


def misleading_broadcast(server, msg):
    yield "offer-255.255.255.255", offer_of(server, msg, yiaddr=BROADCAST)


def misleading_server(server, msg):
    options = option(OPT_TYPE, bytes([OFFER])) + option(OPT_SERVER, ip_bytes("0.0.0.0"))
    options += option(OPT_MASK, ip_bytes("255.255.255.255")) + option(OPT_ROUTER, ip_bytes(BROADCAST))
    yield "offer-server-0-mask-32", offer_of(server, msg, yiaddr="192.0.2.80", options=options)


def hostile_rounds():
    """One generator of replies per DISCOVER; each round also ends with a good OFFER, whose REQUEST is
    NAKed while rounds remain."""
    return [malformed, misleading_zero, misleading_broadcast, misleading_server]


def garbage_before_ack(server, msg):
    """Broken or foreign ACKs and NAKs, sent before the real ACK."""
    a = server.args
    ack = message(BOOTREPLY, msg.xid, msg.chaddr, yiaddr=a.offer, options=server.lease_options(ACK))
    nak = message(BOOTREPLY, msg.xid, msg.chaddr, options=option(OPT_TYPE, bytes([NAK])))
    yield "ack-truncated", ack[:HEADER.size + 5]
    yield "ack-length-past-end", ack[:HEADER.size] + bytes([OPT_TYPE, 1, ACK, OPT_LEASE, 255, 0, 0])
    yield "ack-other-mac", message(BOOTREPLY, msg.xid, OTHER_MAC, yiaddr="192.0.2.81",
                                   options=server.lease_options(ACK))
    yield "nak-other-xid", message(BOOTREPLY, msg.xid ^ 0x10000, msg.chaddr, options=option(OPT_TYPE, bytes([NAK])))
    yield "nak-other-mac", message(BOOTREPLY, msg.xid, OTHER_MAC, options=option(OPT_TYPE, bytes([NAK])))
    yield "nak-truncated", nak[:100]


# ---- main -----------------------------------------------------------------------------------------


def arguments(argv):
    p = argparse.ArgumentParser(description="A scripted DHCPv4 server for tests.")
    p.add_argument("--interface", required=True, help="the device to serve (the kernel's side of a TAP)")
    p.add_argument("--address", required=True, help="this side's IPv4 address on it: server id, router, DNS")
    p.add_argument("--scenario", required=True, choices=SCENARIOS)
    p.add_argument("--log", required=True, help="file to append one line per message to")
    p.add_argument("--offer", default=None, help="the address to lease (default: the server's + 99)")
    p.add_argument("--lease", type=int, default=600, help="lease time in seconds")
    p.add_argument("--duration", type=float, default=120.0, help="exit after this many seconds")
    args = p.parse_args(argv)
    ipaddress.IPv4Address(args.address)
    if args.offer is None:
        args.offer = str(ipaddress.IPv4Address(args.address) + 99)
    ipaddress.IPv4Address(args.offer)
    return args


def main(argv):
    args = arguments(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = Server(args)
    try:
        server.run()
    finally:
        server.note("exit")
        server.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
