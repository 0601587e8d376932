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


def http_response():
    ok = "HTTP/1.1 200 OK\r\n"
    answers = {
        "length": ok + "Content-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
        "chunked": ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n",
        "chunked-trailers": ok + "Transfer-Encoding: gzip, chunked\r\n\r\na\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n",
        "close": "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the close",
        "continue": "HTTP/1.1 100 Continue\r\n\r\n" + ok + "Content-Length: 2\r\n\r\nok",
        "lf-only": "HTTP/1.1 404 Not Found\nContent-Length: 3\n\nno\n",
        "no-content": "HTTP/1.1 204 No Content\r\n\r\n",
        "bad-length": ok + "Content-Length: -1\r\n\r\n",
        "short": ok + "Content-Length: 10\r\n\r\nhello",
        "hex-size": ok + "Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
        "bad-status": "HTTP/1.19 OK\r\n\r\n",
        "gzip": ok + "Transfer-Encoding: gzip\r\n\r\n",
    }
    seeds = {name: b"\0" + text.encode() for name, text in answers.items()}
    seeds["chunked-bytewise"] = b"\x01" + answers["chunked"].encode()
    seeds["length-in-3s"] = b"\x03" + answers["length"].encode()
    return seeds


def http_request():
    get = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
    filler = "X-Filler: " + "f" * 70 + "\r\n"  # 82 bytes a line
    exact = "GET / HTTP/1.1\r\nHost: a\r\n" + filler * 98  # 100 headers in all, then padded to end exactly at HTTP_HEAD_MAX (8192)
    exact += "X-Pad: " + "p" * (8192 - len(exact) - 7 - 4) + "\r\n\r\n"
    heads = {
        # accepted: 0
        "get": get,
        "head": "HEAD /index.html?q=1 HTTP/1.1\r\nHost: example.com:8080\r\nAccept: */*\r\n\r\n",
        "http10-no-host": "GET /a HTTP/1.0\r\n\r\n",
        "host-lowercase": "GET / HTTP/1.1\r\nhost: a\r\nUser-Agent: curl/7.88.1\r\n\r\n",
        "http12": "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
        "absolute-form": "GET http://example.com/path?q HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "absolute-no-path": "GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "lf-only": "GET / HTTP/1.1\nHost: a\n\n",
        "mixed-endings": "GET / HTTP/1.1\r\nHost: a\n\r\n",
        "empty-lines-first": "\r\n\r\n\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "empty-value": "GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\n\r\n",
        "body-zero": "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
        "body-length": "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
        "body-chunked": "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "pipelined": get + get.replace("/", "/two", 1),
        "head-at-limit": exact,
        # 400: malformed
        "no-host": "GET / HTTP/1.1\r\n\r\n",
        "two-hosts": "GET / HTTP/1.1\r\nHost: a\r\nHOST: b\r\n\r\n",
        "obs-fold": "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n",
        "obs-fold-tab": "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n",
        "space-before-colon": "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        "no-colon": "GET / HTTP/1.1\r\nHost: a\r\nJunk\r\n\r\n",
        "bare-cr": "GET / HTTP/1.1\r\nHost: a\rX-B: b\r\n\r\n",
        "nul": "GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n",
        "control-in-target": "GET /a\x01b HTTP/1.1\r\nHost: a\r\n\r\n",
        "high-bit-target": "GET /caf\xe9 HTTP/1.1\r\nHost: a\r\n\r\n",
        "tab-separator": "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n",
        "two-spaces": "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
        "no-version": "GET /\r\nHost: a\r\n\r\n",
        "version-two-digits": "GET / HTTP/1.10\r\nHost: a\r\n\r\n",
        "version-lowercase": "GET / http/1.1\r\nHost: a\r\n\r\n",
        "version-https": "GET / HTTPS/1.1\r\nHost: a\r\n\r\n",
        "trailing-space": "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
        "relative-target": "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n",
        "asterisk-target": "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        "too-many-headers": "GET / HTTP/1.1\r\nHost: a\r\n" + "X: 1\r\n" * 100 + "\r\n",
        # 405: a method other than GET and HEAD
        "post": "POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc",
        "delete": "DELETE /x HTTP/1.1\r\nHost: a\r\n\r\n",
        "lowercase-get": "get / HTTP/1.1\r\nHost: a\r\n\r\n",
        # 431: no end within HTTP_HEAD_MAX bytes
        "long-target": "GET /" + "a" * 9000 + " HTTP/1.1\r\nHost: a\r\n\r\n",
        "long-header": "GET / HTTP/1.1\r\nHost: a\r\nCookie: " + "c" * 9000 + "\r\n\r\n",
        "head-over-limit": exact[:-2] + "X: y\r\n\r\n",
        "empty-lines-only": "\r\n" * 4200,
        # 505: an HTTP major version other than 1
        "http20": "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
        "http09": "GET / HTTP/0.9\r\n\r\n",
        # incomplete: the server waits for more
        "incomplete": "GET / HTTP/1.1\r\nHost: a\r\n",
    }
    assert len(exact) == 8192 and exact.endswith("\r\n\r\n")
    seeds = {name: b"\0" + text.encode("latin-1") for name, text in heads.items()}
    for piece in (1, 2, 3, 7):  # the same bytes in small receives: an end of head split across them
        seeds[f"get-in-{piece}s"] = bytes([piece]) + heads["get"].encode()
    seeds["mixed-endings-in-1s"] = b"\x01" + heads["mixed-endings"].encode()
    seeds["head-at-limit-in-100s"] = b"\x64" + exact.encode()
    return seeds


US_MAC, PEER_MAC = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")
US4, PEER4 = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
US6, PEER6 = bytes.fromhex("20010db8000000000000000000000001"), bytes.fromhex("20010db8000000000000000000000002")
LINK6 = bytes.fromhex("fe80000000000000000000fffe000001")  # the netif's link-local address, from its MAC
PEER_LINK6 = bytes.fromhex("fe800000000000000000000000000002")


def checksum(data):
    data += b"\0" * (len(data) % 2)
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return struct.pack(">H", ~total & 0xffff)


def ether(kind, payload, to=US_MAC):
    return to + PEER_MAC + struct.pack(">H", kind) + payload


def ipv4(proto, payload, src=PEER4, dst=US4, ident=1, frag=0x4000, ttl=64):
    head = struct.pack(">BBHHHBB", 0x45, 0, 20 + len(payload), ident, frag, ttl, proto) + b"\0\0" + src + dst
    return ether(0x0800, head[:10] + checksum(head) + head[12:] + payload)


def ipv6(next_header, payload, src=PEER6, dst=US6, hops=64):
    return ether(0x86dd, struct.pack(">IHBB", 0x60000000, len(payload), next_header, hops) + src + dst + payload)


def with_checksum(segment, at, pseudo):
    return segment[:at] + checksum(pseudo + segment) + segment[at + 2:]


def tcp4(flags, payload=b"", seq=1000, ack=0, port=80, options=b""):
    offset = (20 + len(options)) // 4
    seg = struct.pack(">HHIIBBHHH", 40000, port, seq, ack, offset << 4, flags, 8192, 0, 0) + options + payload
    return ipv4(6, with_checksum(seg, 16, PEER4 + US4 + struct.pack(">BBH", 0, 6, len(seg))))


def tcp6(flags, payload=b"", seq=1000, ack=0, port=80, options=b""):
    offset = (20 + len(options)) // 4
    seg = struct.pack(">HHIIBBHHH", 40000, port, seq, ack, offset << 4, flags, 8192, 0, 0) + options + payload
    return ipv6(6, with_checksum(seg, 16, PEER6 + US6 + struct.pack(">IxxxB", len(seg), 6)))


def udp4(payload, port=7):
    seg = struct.pack(">HHHH", 40000, port, 8 + len(payload), 0) + payload
    return ipv4(17, with_checksum(seg, 6, PEER4 + US4 + struct.pack(">BBH", 0, 17, len(seg))))


def udp6(payload, port=7):
    seg = struct.pack(">HHHH", 40000, port, 8 + len(payload), 0) + payload
    return ipv6(17, with_checksum(seg, 6, PEER6 + US6 + struct.pack(">IxxxB", len(seg), 17)))


def icmp6(message, src=PEER6, dst=US6, hops=64):
    return ipv6(58, with_checksum(message, 2, src + dst + struct.pack(">IxxxB", len(message), 58)), src, dst, hops)


def lwip_ethernet():
    syn, ack, psh, fin, rst = 0x02, 0x10, 0x08, 0x01, 0x04
    mss_sack_ws = b"\x02\x04\x05\xb4\x04\x02\x03\x03\x07\x01"  # MSS 1460, SACK permitted, window scale 7, NOP
    arp = struct.pack(">HHBBH", 1, 0x0800, 6, 4, 1) + PEER_MAC + PEER4 + bytes(6) + US4
    arp_reply = struct.pack(">HHBBH", 1, 0x0800, 6, 4, 2) + PEER_MAC + PEER4 + US_MAC + US4
    echo = b"\x08\x00\x00\x00\x12\x34\x00\x01" + b"ping" * 8
    big = b"x" * 1000
    first = struct.pack(">HHHH", 40000, 7, 8 + len(big), 0) + big[:504]
    mld_query = b"\x82\x00\x00\x00\x00\x0a\x00\x00" + bytes(16)
    ns = b"\x87\x00\x00\x00\x00\x00\x00\x00" + US6 + b"\x01\x01" + PEER_MAC
    ra = (b"\x86\x00\x00\x00\x40\x00\x07\x08" + bytes(8) + b"\x01\x01" + PEER_MAC
          + b"\x03\x04\x40\xc0" + struct.pack(">II", 86400, 14400) + bytes(4) + bytes.fromhex("20010db8000000010000000000000000")
          + b"\x05\x01\x00\x00\x00\x00\x05\xdc")
    frames = {
        "arp-request": ether(0x0806, arp, to=b"\xff" * 6),
        "arp-reply": ether(0x0806, arp_reply),
        "icmp-echo": ipv4(1, echo[:2] + checksum(echo) + echo[4:]),
        "udp-echo": udp4(b"hello"),
        "udp-closed-port": udp4(b"nobody", port=9),
        "udp-fragments": [ipv4(17, first, ident=7, frag=0x2000), ipv4(17, big[504:], ident=7, frag=64)],
        "tcp-syn": tcp4(syn, options=mss_sack_ws + b"\x01\x01"),
        "tcp-rst": tcp4(rst, seq=1001),
        "tcp-syn-closed": tcp4(syn, port=81),
        "igmp-query": ipv4(2, b"\x11\x64\x00\x00" + bytes(4), dst=bytes([224, 0, 0, 1]), ttl=1),
        "icmp6-echo": icmp6(b"\x80\x00\x00\x00\x12\x34\x00\x01ping"),
        "icmp6-ns": icmp6(ns, dst=bytes.fromhex("ff0200000000000000000001ff000001"), hops=255),
        "icmp6-ra": icmp6(ra, src=PEER_LINK6, dst=bytes.fromhex("ff020000000000000000000000000001"), hops=255),
        "mld-query": icmp6(mld_query, src=PEER_LINK6, dst=bytes.fromhex("ff020000000000000000000000000001"), hops=1),
        "udp6-echo": udp6(b"hello"),
        "tcp6-syn": tcp6(syn, options=mss_sack_ws + b"\x01\x01"),
        "ipv6-fragment": ipv6(44, b"\x11\x00\x00\x01\x00\x00\x00\x09" + struct.pack(">HHHH", 40000, 7, 16, 0) + b"frag"),
        "vlan": US_MAC + PEER_MAC + b"\x81\x00\x00\x05\x08\x00" + udp4(b"tagged")[14:],
        # Whole exchanges (acknowledgments relative to lwIP's SYN-ACK): the peer's address first, for the answers.
        "tcp-session": [ether(0x0806, arp_reply), tcp4(syn, options=mss_sack_ws + b"\x01\x01", seq=1000),
                        tcp4(ack | psh, b"GET / HTTP/1.0\r\n\r\n", seq=1001, ack=1),
                        tcp4(ack | fin, seq=1019, ack=28), tcp4(ack, seq=1020, ack=29)],
        "tcp-session-reset": [ether(0x0806, arp_reply), tcp4(syn, seq=5000), tcp4(ack, seq=5001, ack=1),
                              tcp4(rst | ack, seq=5001, ack=1)],
        "tcp6-session": [icmp6(ns, hops=255), tcp6(syn, seq=7000), tcp6(ack | psh, b"hello", seq=7001, ack=1),
                         tcp6(ack | fin, seq=7006, ack=1)],
    }
    return {name: b"".join(struct.pack(">H", len(f)) + f for f in (v if isinstance(v, list) else [v]))
            for name, v in frames.items()}


if __name__ == "__main__":
    write("lwip_ethernet", lwip_ethernet())
    write("http_response", http_response())
    write("http_request", http_request())
    write("socket_address", socket_address())
    write("dns_message", dns_message())
    write("url", url())
    write("mqtt", mqtt())
    write("coap", coap_seeds())
    write("websocket", websocket())
