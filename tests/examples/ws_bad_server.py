"""A WebSocket server that misbehaves in the way the request's path names, for a client to
refuse; on /echo (and on "/", and on a few paths that stretch the rules without breaking them) a
well-behaved frame-level echo that records what the client's frames look like.  Appends what it saw
to LOG, one line each: "get TARGET" for the request's target, "key KEY" for the client's
Sec-WebSocket-Key, "frame OPCODE FIN LENGTH-FORM MASK" for each frame the client sent (LENGTH-FORM
7, 16 or 64 bits; MASK in hex, or "unmasked"), "close STATUS" for a close frame; and where it
listens to the end of the connection, "bytes HEX" for everything that came, then "eof", "timeout"
or "reset".

usage: python3 ws_bad_server.py ADDRESS PORT LOG
"""

import base64
import hashlib
import socket
import socketserver
import struct
import sys

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def accept_key(key):
    return base64.b64encode(hashlib.sha1(key + GUID).digest())


def frame(opcode, payload, fin=True, rsv=0, mask=None, length=None):
    """A server frame; length forces the length field's form (126 or 127) whatever the size."""
    size = len(payload)
    head = bytes([(0x80 if fin else 0) | rsv | opcode])
    form = length or (size if size < 126 else 126 if size < 65536 else 127)
    bit = 0x80 if mask else 0
    head += bytes([bit | form])
    head += struct.pack("!H", size) if form == 126 else struct.pack("!Q", size) if form == 127 else b""
    if mask:
        head += mask
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + payload


BIG = 65536
# Handshake answers a client must refuse; after them the server only listens, to the end of the connection.
REFUSED = {"/status-200", "/bad-accept", "/no-upgrade", "/two-upgrades"}
# After a proper 101, what each path sends first.
FIRST = {
    "/masked": frame(0x1, b"hello", mask=b"\x01\x02\x03\x04"),
    "/reserved": frame(0x1, b"hello", rsv=0x40),
    "/bad-opcode": frame(0x3, b""),
    "/long-ping": frame(0x9, b"x" * 126),
    "/fragmented-ping": frame(0x9, b"x", fin=False),
    "/continuation": frame(0x0, b"x"),
    "/new-message": frame(0x1, b"one", fin=False) + frame(0x1, b"two"),
    "/long-form": frame(0x1, b"hello", length=126),
    "/long-form-64": frame(0x1, b"hello", length=127),
    "/top-bit": b"\x81\x7f" + struct.pack("!Q", 1 << 63 | 5) + b"hello",
    "/many-empty": frame(0x1, b"", fin=False) + frame(0x0, b"", fin=False) * 1000,  # 1001 frames, no bytes
    "/bad-utf8": frame(0x1, b"caf\xc3"),
    # 131073 bytes, one more than a client takes; /max-size sends exactly 131072
    "/too-big": frame(0x2, b"x" * BIG, fin=False) + frame(0x0, b"x" * BIG, fin=False) + frame(0x0, b"x"),
    "/max-size": frame(0x2, b"x" * BIG, fin=False) + frame(0x0, b"x" * (BIG - 1), fin=False) + frame(0x0, b"x"),
    "/control-text": frame(0x1, "a\x1b[2Jb\x00c\u009bd\\e \u00e9".encode()),  # ESC, NUL, C1 CSI: valid UTF-8
    "/bad-close": frame(0x8, struct.pack("!H", 1005)),
    "/server-close": frame(0x8, struct.pack("!H", 1001) + b"going\x1b]0;x\x07"),
}
# Paths that echo every frame and answer the client's close (with the close's own payload unless listed).
ECHO = {"/echo", "/two-connections", "/max-size", "/control-text", "/many-frames", "/answer-1002",
        "/bad-after-close", "/no-tcp-close"}
CLOSE_ANSWER = {
    "/answer-1002": frame(0x8, struct.pack("!H", 1002) + b"no\x00"),
    "/bad-after-close": frame(0x1, b"late", mask=b"\x01\x02\x03\x04"),  # a masked frame instead of the close
}
PIECE = 32  # /many-frames: echoes in frames of at most this many bytes (2048 frames for 64 KiB)


class Handler(socketserver.StreamRequestHandler):
    def log(self, text):
        with open(sys.argv[3], "a") as f:
            f.write(text + "\n")

    def handshake(self, path, key):
        if path == "/status-200":
            return b"HTTP/1.1 200 OK\x1b[2J\r\nContent-Length: 0\r\n\r\n"
        if path == "/bad-accept":
            key = b"dGhlIHNhbXBsZSBub25jZQ=="  # RFC 6455's sample key, not the client's
        answer = b"HTTP/1.1 101 Switching Protocols\r\n"
        if path != "/no-upgrade":
            answer += b"Upgrade: websocket\r\n"
        if path == "/two-upgrades":
            answer += b"Upgrade: h2c\r\n"
        answer += b"Connection: Upgrade\r\n"
        if path == "/two-connections":
            answer += b"Connection: keep-alive\r\n"  # a second line does not take back the first
        return answer + b"Sec-WebSocket-Accept: " + accept_key(key) + b"\r\n\r\n"

    def listen(self):
        """Log every byte that comes until the client closes the connection (or 5 s pass)."""
        try:
            while data := self.rfile.read1(4096):
                self.log(f"bytes {data.hex()}")
            self.log("eof")
        except socket.timeout:
            self.log("timeout")
        except ConnectionError:
            self.log("reset")

    def read_frame(self):
        """A client frame: (fin, opcode, payload) after logging its shape; None at the end."""
        head = self.rfile.read(2)
        if len(head) < 2:
            return None
        size = head[1] & 0x7f
        form = 7
        if size == 126:
            size, form = struct.unpack("!H", self.rfile.read(2))[0], 16
        elif size == 127:
            size, form = struct.unpack("!Q", self.rfile.read(8))[0], 64
        mask = self.rfile.read(4) if head[1] & 0x80 else None
        payload = self.rfile.read(size)
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        fin, opcode = head[0] >> 7, head[0] & 0x0f
        self.log(f"frame {opcode} {fin} {form} {mask.hex() if mask else 'unmasked'}")
        return fin, opcode, payload

    def handle(self):
        self.request.settimeout(5)
        request = self.rfile.readline().decode("latin-1").split()
        if not request:
            return  # a probe that only connects (the tests wait for the port this way)
        key = b""
        while True:
            line = self.rfile.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"sec-websocket-key":
                key = value.strip()
        target = request[1] if len(request) > 1 else ""
        self.log(f"get {target}")
        self.log(f"key {key.decode()}")
        path = target.partition("?")[0]
        path = "/echo" if path == "/" else path
        self.wfile.write(self.handshake(path, key))
        if path in REFUSED:
            self.listen()  # nothing at all may come after a refused handshake
            return
        self.wfile.write(FIRST.get(path, b""))
        if path == "/silent":
            self.request.settimeout(15)  # longer than the client waits for an echo
        try:
            self.serve(path)
        except (socket.timeout, ConnectionError):
            self.log("no close")

    def serve(self, path):
        """Read the client's frames until its close; on the ECHO paths, send each frame back and answer the close."""
        while (got := self.read_frame()) is not None:
            fin, opcode, payload = got
            if opcode == 0x8:
                self.log(f"close {struct.unpack('!H', payload[:2])[0] if len(payload) >= 2 else 'none'}")
                if path in ECHO:
                    self.wfile.write(CLOSE_ANSWER.get(path, frame(0x8, payload)))
                if path == "/no-tcp-close":
                    self.listen()  # the client has to end TCP itself
                return
            if path in ECHO:
                self.wfile.write(self.echo(path, fin, opcode, payload))
        self.log("no close")

    @staticmethod
    def echo(path, fin, opcode, payload):
        if opcode == 0x9:
            return frame(0xa, payload)
        if path != "/many-frames":
            return frame(opcode, payload, fin=bool(fin))
        pieces = [payload[i:i + PIECE] for i in range(0, len(payload), PIECE)] or [b""]
        return b"".join(frame(opcode if i == 0 else 0x0, piece, fin=bool(fin) and i == len(pieces) - 1)
                        for i, piece in enumerate(pieces))


if __name__ == "__main__":
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
