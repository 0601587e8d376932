"""A CoAP server that misbehaves on purpose, the way chosen by the request's Uri-Path:

  /drop2      drops the first 2 transmissions of a request, answers the 3rd (2.05, a payload
              saying whether the 3 were byte for byte the same)
  /truncated  a piggybacked 2.05 whose option announces 5 bytes and has 2
  /reserved   a piggybacked 2.05 with an option delta of 15 that is not the payload marker
  /marker     a piggybacked 2.05 with a payload marker and no payload
  /critical   a piggybacked 2.05 with an unknown critical option (2049)
  /token      a piggybacked 2.05 with another token
  /block2-twice  a piggybacked 2.05 with two Block2 options
  /truncated-once  a piggybacked 2.05 with a truncated option to the first transmission, a good
              one to the next
  /format-twice  a piggybacked 2.05 with Content-Format 0, then 50
  /reset      an RST
  /reset-code an RST with a code (2.05), which an RST may not have
  /echo/...   a piggybacked 2.05 whose payload lists the request's options, NUMBER:VALUE (a
              Python bytes literal) separated by spaces
  /chatty     strangers first: an ACK for another message id, a CON response with another
              token (which must be reset), then an empty ACK, a NON with another token, and the
              separate CON response, its options in the 13 and 14 extended forms; the payload says
              whether the stranger CON was reset
Every RST and ACK received is written to LOG (one line each), also those still queued at SIGTERM.

usage: python3 coap_fake_server.py ADDRESS PORT LOG
"""

import signal
import socket
import struct
import sys

CON, NON, ACK, RST = range(4)
CONTENT = 2 << 5 | 5

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((sys.argv[1], int(sys.argv[2])))
log = open(sys.argv[3], "a", buffering=1)


def message(kind, code, mid, token=b"", options=b"", payload=b""):
    return (struct.pack("!BBH", 0x40 | kind << 4 | len(token), code, mid) + token + options
            + (b"\xff" + payload if payload else b""))


def extended(data, at, nibble):
    """An option delta or length: the nibble, or 13 + 1 byte, or 269 + 2 bytes; (value, next position)."""
    if nibble == 13:
        return 13 + data[at], at + 1
    if nibble == 14:
        return 269 + struct.unpack("!H", data[at:at + 2])[0], at + 2
    return nibble, at


def parse(data):
    """(type, code, id, token, Uri-Path, options as (number, value) pairs) of a well-formed message
    (the client's are)."""
    kind, tkl, code, mid = data[0] >> 4 & 3, data[0] & 15, data[1], struct.unpack("!H", data[2:4])[0]
    token, at, number, options = data[4:4 + tkl], 4 + tkl, 0, []
    while at < len(data) and data[at] != 0xFF:
        header = data[at]
        delta, at = extended(data, at + 1, header >> 4)
        length, at = extended(data, at, header & 15)
        number += delta
        options.append((number, data[at:at + length]))
        at += length
    path = "/" + "/".join(value.decode(errors="replace") for number, value in options if number == 11)
    return kind, code, mid, token, path, options


def note(data):
    if len(data) >= 4 and data[0] >> 4 & 3 in (ACK, RST):
        log.write(f"{'ACK' if data[0] >> 4 & 3 == ACK else 'RST'} {struct.unpack('!H', data[2:4])[0]:#06x}\n")


def receive(timeout=None):
    sock.settimeout(timeout)
    data, peer = sock.recvfrom(65536)
    note(data)
    return data, peer


def stop(*_):
    """Log what the client sent last (its ACK of a separate response) before going."""
    try:
        while True:
            receive(0.3)
    except OSError:
        pass
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
PIGGYBACKED = {
    "/truncated": b"\xc5\x00\x00",                # Content-Format, length 5, 2 bytes
    "/reserved": b"\xf1\x00",                     # delta 15, length 1
    "/critical": b"\xe0\x06\xf4",                 # option 269 + 1780 = 2049
    "/marker": b"\xff",
    "/block2-twice": b"\xd1\x0a\x02" + b"\x01\x02",  # Block2 (13 + 10 = 23) block 0 of 64 bytes, again
    "/format-twice": b"\xc0" + b"\x01\x32" + b"\xff{}",  # Content-Format 0 (empty uint), then 50
}
sent_before = {}
stranger_mid = 0x7000
while True:
    data, peer = receive()
    kind, code, mid, token, path, options = parse(data)
    if kind != CON or code == 0:
        continue
    if path == "/drop2":
        sent_before.setdefault(mid, []).append(data)
        copies = sent_before[mid]
        if len(copies) < 3:
            continue
        same = "the same" if all(c == copies[0] for c in copies) else "DIFFERENT"
        sock.sendto(message(ACK, CONTENT, mid, token, payload=f"sent {len(copies)} times, {same}".encode()), peer)
    elif path == "/truncated-once":
        sent_before.setdefault(mid, []).append(data)
        if len(sent_before[mid]) == 1:
            sock.sendto(message(ACK, CONTENT, mid, token) + PIGGYBACKED["/truncated"], peer)
        else:
            sock.sendto(message(ACK, CONTENT, mid, token, payload=b"the second answer"), peer)
    elif path.split("/")[1] == "echo":
        listed = " ".join(f"{number}:{value!r}" for number, value in options)
        sock.sendto(message(ACK, CONTENT, mid, token, payload=listed.encode()), peer)
    elif path in PIGGYBACKED:
        sock.sendto(message(ACK, CONTENT, mid, token) + PIGGYBACKED[path], peer)
    elif path == "/token":
        sock.sendto(message(ACK, CONTENT, mid, b"\x01" + token, payload=b"not yours"), peer)
    elif path == "/reset":
        sock.sendto(message(RST, 0, mid), peer)
    elif path == "/reset-code":
        sock.sendto(message(RST, CONTENT, mid), peer)
    elif path == "/chatty":
        stranger_mid += 1
        sock.sendto(message(ACK, CONTENT, mid ^ 0x5555, token, payload=b"another id"), peer)
        sock.sendto(message(CON, CONTENT, stranger_mid, b"\xee" + token, payload=b"another token"), peer)
        reset = False
        try:
            while not reset:
                reply, _ = receive(2)
                reset = reply[0] >> 4 & 3 == RST and struct.unpack("!H", reply[2:4])[0] == stranger_mid
        except OSError:
            pass
        sock.sendto(message(ACK, 0, mid), peer)
        sock.sendto(message(NON, CONTENT, stranger_mid + 1, b"\xdd" + token, payload=b"another token"), peer)
        # Content-Format 0 (delta 12), an elective option 60 (delta 48: 13 form), another 1000 (delta 940: 14 form)
        options = b"\xc0" + b"\xd1\x23\x07" + bytes([0xE2]) + struct.pack("!H", 940 - 269) + b"\x01\x02"
        sock.sendto(message(CON, CONTENT, 0x6000, token, options, b"stranger reset" if reset else b"no reset"), peer)
    else:
        sock.sendto(message(ACK, 4 << 5 | 4, mid, token), peer)
