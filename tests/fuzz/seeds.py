#!/usr/bin/python3
"""Write the seed corpora of tests/fuzz/corpus/NAME: well-formed inputs of each parser, written here by hand
from the RFCs, a few near misses beside them.  Regression inputs (crashes found, named crash-*) live in the same
folders and are not touched.  Run from anywhere: /usr/bin/python3 tests/fuzz/seeds.py"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, seeds):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("seed-"):
            os.remove(os.path.join(folder, name))
    for name, data in seeds.items():
        with open(os.path.join(folder, f"seed-{name}"), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())


def socket_address():
    texts = ["0.0.0.0", "127.0.0.1", "255.255.255.255", "192.0.2.33", "::", "::1", "2001:db8::1",
             "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "64:ff9b::10.0.0.1", "2001:db8:0:0:1::1",
             "1::", "::2:3:4:5:6:7:8", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9",
             "1::2::3", ":::", "[::1]", "fe80::1%eth0", "1:2:3:4:5:6:1.2.3.4", "0x7f.1.1.1", " 1.2.3.4", ""]
    return {f"{i:02d}": t for i, t in enumerate(texts)}


def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def dns_response(qtype, answers, rcode=0, flags=0x8180, ident=0x1234, question="example.com"):
    head = struct.pack(">HHHHHH", ident, flags | rcode, 1, len(answers), 0, 0)
    body = dns_name(question) + struct.pack(">HH", qtype, 1)
    for owner, rtype, ttl, rdata in answers:
        body += owner + struct.pack(">HHIH", rtype, 1, ttl, len(rdata)) + rdata
    return head + body


def dns_message():
    ptr = b"\xc0\x0c"  # the question's name
    v4, v6 = bytes([192, 0, 2, 1]), bytes.fromhex("20010db8000000000000000000000001")
    cname = dns_name("www.example.net")
    return {
        "a": dns_response(1, [(ptr, 1, 300, v4)]),
        "a-two": dns_response(1, [(ptr, 1, 300, v4), (ptr, 1, 60, bytes([192, 0, 2, 2]))]),
        "aaaa": dns_response(28, [(ptr, 28, 300, v6)]),
        "cname": dns_response(1, [(ptr, 5, 100, cname), (b"\xc0\x29", 1, 50, v4)]),
        "nxdomain": dns_response(1, [], rcode=3),
        "nodata": dns_response(1, []),
        "servfail": dns_response(1, [], rcode=2),
        "truncated": dns_response(1, [], flags=0x8380),
        "loop": dns_response(1, [(b"\xc0\x1d", 1, 300, v4)]),
        "forward": dns_response(1, [(b"\xc0\x40", 1, 300, v4)]),
        "long-rdlength": dns_response(1, [(ptr, 1, 300, v4)])[:-6] + b"\x01\x00" + v4,
        "other-id": dns_response(1, [(ptr, 1, 300, v4)], ident=0x4321),
    }


def url():
    texts = ["example.com", "example.com:8080/path", "192.0.2.1:80", "[::1]:443/x", "[2001:db8::1]", "host?q=1",
             "host#frag", "a:65535", "a:65536", "a:0", ":80", "[::1", "[]", "host:", "h:12a", "x" * 300]
    return {f"{i:02d}": bytes([255]) + t.encode() for i, t in enumerate(texts)} | {"small-buffer": b"\x03abcd:1"}


def mqtt_length(n):
    out = b""
    while True:
        b, n = n % 128, n // 128
        out += bytes([b | (0x80 if n else 0)])
        if not n:
            return out


def mqtt_packet(first, body):
    return bytes([first]) + mqtt_length(len(body)) + body


def mqtt():
    publish0 = struct.pack(">H", 3) + b"a/b" + b"hello"
    publish1 = struct.pack(">H", 4) + "a/\u00e9".encode() + struct.pack(">H", 9) + b"xyz"
    return {
        "connack": mqtt_packet(0x20, b"\x00\x00"),
        "connack-refused": mqtt_packet(0x20, b"\x00\x05"),
        "publish-qos0": mqtt_packet(0x30, publish0),
        "publish-qos1": mqtt_packet(0x3b, publish1),
        "publish-long": mqtt_packet(0x30, struct.pack(">H", 1) + b"t" + b"p" * 200),
        "suback": mqtt_packet(0x90, b"\x00\x01\x00"),
        "puback": mqtt_packet(0x40, b"\x00\x09"),
        "pingresp": mqtt_packet(0xd0, b""),
        "session": mqtt_packet(0x20, b"\x00\x00") + mqtt_packet(0x90, b"\x00\x01\x01") + mqtt_packet(0x30, publish0),
        "bad-length": b"\x30\xff\xff\xff\xff\x01",
    }


def coap_option(delta, value):
    def nibble(n):
        return (n, b"") if n < 13 else (13, bytes([n - 13])) if n < 269 else (14, struct.pack(">H", n - 269))
    d, dx = nibble(delta)
    l, lx = nibble(len(value))
    return bytes([d << 4 | l]) + dx + lx + value


def coap(type_=2, code=0x45, mid=0x1234, token=b"\x01\x02", options=b"", payload=b""):
    return (bytes([0x40 | type_ << 4 | len(token), code]) + struct.pack(">H", mid) + token + options
            + (b"\xff" + payload if payload else b""))


def coap_seeds():
    return {
        "ack-content": coap(options=coap_option(12, b"\x00"), payload=b"hello"),
        "empty-ack": bytes([0x60, 0, 0x12, 0x34]),
        "rst": bytes([0x70, 0, 0, 1]),
        "block2": coap(options=coap_option(12, b"\x28") + coap_option(11, b"\x08"), payload=b"x" * 16),
        "con-notfound": coap(type_=0, code=0x84),
        "critical-unknown": coap(options=coap_option(9, b"abc")),
        "long-option": coap(options=coap_option(11, b"p" * 300)),
        "big-delta": coap(options=coap_option(2000, b"1")),
        "token8": coap(token=bytes(range(8)), payload=b"{}"),
        "marker-only": coap() + b"\xff",
    }


def ws_frame(first, payload, mask=None):
    n = len(payload)
    head = bytes([first]) + (bytes([n]) if n < 126 else b"\x7e" + struct.pack(">H", n) if n < 65536
                            else b"\x7f" + struct.pack(">Q", n))
    return head + payload


def websocket():
    accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
    answer = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              f"Sec-WebSocket-Accept: {accept}\r\n\r\n")
    return {
        "text": b"\0" + ws_frame(0x81, b"hello"),
        "fragments": b"\0" + ws_frame(0x01, b"hel") + ws_frame(0x89, b"") + ws_frame(0x80, b"lo"),
        "binary-126": b"\0" + ws_frame(0x82, bytes(200)),
        "close": b"\0" + ws_frame(0x88, b"\x03\xe8bye"),
        "close-empty": b"\0" + ws_frame(0x88, b""),
        "utf8": b"\0" + ws_frame(0x81, "h\u00e9llo \u20ac".encode()),
        "pong": b"\0" + ws_frame(0x8a, b"p"),
        "masked": b"\0" + b"\x81\x85abcd" + b"hello",
        "answer": b"\1" + answer.encode(),
        "answer-extension": b"\1" + answer.replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: x\r\n\r\n").encode(),
        "answer-200": b"\1HTTP/1.1 200 OK\r\n\r\n",
    }


if __name__ == "__main__":
    write("socket_address", socket_address())
    write("dns_message", dns_message())
    write("url", url())
    write("mqtt", mqtt())
    write("coap", coap_seeds())
    write("websocket", websocket())
