"""A misbehaving MQTT broker for mqtt_client's tests.  It first checks that the client's CONNECT is a
well-formed MQTT 3.1.1 CONNECT asking for a clean session (and its SUBSCRIBE, where the mode reads
it: topic filter, QoS 1), closing at once if not; then it answers as MODE says:

  refuse-N      a CONNACK with return code N
  hang-up       a CONNACK, then closes once the SUBSCRIBE came
  bad-length    a CONNACK, then a SUBACK whose remaining length runs on past 4 bytes
  sub-refused   a CONNACK, then a SUBACK refusing the subscription (0x80)
  huge          a CONNACK, a SUBACK, then a PUBLISH claiming 268435455 bytes (the most 4 bytes can say)
  bad-publish   a CONNACK, a SUBACK, then a PUBLISH whose topic runs past its end
  wrong-puback  a CONNACK, a SUBACK, then a PUBACK for a packet id the client did not use
  no-pingresp   a CONNACK, a SUBACK, then silence: PINGREQs go unanswered
  early         a CONNACK, then a QoS 1 PUBLISH (200 bytes, packet id 0x1234) before the SUBACK, which
                comes only once the client's PUBACK for 0x1234 has
  silent        no CONNACK, ever
  trickle       a CONNACK, a SUBACK, then a 1000-byte PUBLISH one byte every 0.1 s (100 s in all)
  connack-HEX   the bytes HEX (hexadecimal) instead of the CONNACK
  suback-HEX    a CONNACK, then HEX instead of the SUBACK
  send-HEX      a CONNACK, a SUBACK, then HEX
  cut-HEX       a CONNACK, a SUBACK, then HEX, and closes

usage: python3 fake_broker.py ADDRESS PORT MODE
"""

import socketserver
import struct
import sys
import time

CONNACK_OK = b"\x20\x02\x00\x00"


def read_exactly(sock, size):
    data = b""
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise EOFError
        data += more
    return data


def read_packet(sock):
    """(first byte, body) of the next packet."""
    first = read_exactly(sock, 1)[0]
    length, shift = 0, 0
    for _ in range(4):
        byte = read_exactly(sock, 1)[0]
        length |= (byte & 127) << shift
        shift += 7
        if byte < 128:
            return first, read_exactly(sock, length)
    raise ValueError("remaining length past 4 bytes")


def check_connect(sock):
    first, body = read_packet(sock)
    (id_length,) = struct.unpack("!H", body[10:12])
    if first != 0x10 or body[:8] != b"\x00\x04MQTT\x04\x02" or len(body) != 12 + id_length or id_length == 0:
        raise ValueError(f"not a clean-session 3.1.1 CONNECT: {first:#x} {body!r}")


def check_subscribe(sock):
    """The SUBSCRIBE's packet id and topic."""
    first, body = read_packet(sock)
    packet_id, topic_length = struct.unpack("!HH", body[:4])
    if first != 0x82 or packet_id == 0 or len(body) != 5 + topic_length or body[-1] != 1:
        raise ValueError(f"not a SUBSCRIBE of one filter at QoS 1: {first:#x} {body!r}")
    return packet_id, body[4:-1]


def publish(topic, payload, qos=0, packet_id=0):
    body = struct.pack("!H", len(topic)) + topic + (struct.pack("!H", packet_id) if qos else b"") + payload
    assert len(body) < 16384
    length = bytes([len(body)]) if len(body) < 128 else bytes([len(body) % 128 | 128, len(body) // 128])
    return bytes([0x30 | qos << 1]) + length + body


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        sock, mode = self.request, self.server.mode
        try:
            self.answer(sock, mode)
            while read_packet(sock)[0] != 0xE0:  # on until the client's DISCONNECT or close
                pass
        except (EOFError, ValueError, struct.error, ConnectionError) as e:
            print(f"fake_broker: {e!r}", file=sys.stderr)  # the probe that waits for the port ends here too

    def answer(self, sock, mode):
        check_connect(sock)
        what, _, raw = mode.partition("-")
        raw = bytes.fromhex(raw) if what in ("connack", "suback", "send", "cut") else b""
        if what == "refuse":
            sock.sendall(bytes([0x20, 0x02, 0x00, int(mode[7:])]))
            return
        if mode == "silent" or what == "connack":
            sock.sendall(raw)
            return
        sock.sendall(CONNACK_OK)
        if mode == "bad-length":
            sock.sendall(b"\x90\xff\xff\xff\xff\x01")
            return
        packet_id, topic = check_subscribe(sock)
        if mode == "hang-up":
            raise EOFError("hung up, as asked")
        if what == "suback":
            sock.sendall(raw)
            return
        if mode == "early":
            sock.sendall(publish(topic, bytes(range(200)), qos=1, packet_id=0x1234))
            if read_packet(sock) != (0x40, b"\x12\x34"):
                raise ValueError("no PUBACK for 0x1234")
        sock.sendall(b"\x90\x03" + struct.pack("!H", packet_id) + (b"\x80" if mode == "sub-refused" else b"\x01"))
        if mode == "huge":
            sock.sendall(b"\x30\xff\xff\xff\x7f")
        elif mode == "bad-publish":
            sock.sendall(b"\x30\x03\x00\x09\x41")
        elif mode == "wrong-puback":
            first, body = read_packet(sock)
            if first != 0x32:
                raise ValueError(f"not a QoS 1 PUBLISH: {first:#x}")
            sock.sendall(b"\x40\x02" + struct.pack("!H", 7))
        elif mode == "trickle":
            for byte in publish(topic, b"x" * (1000 - 2 - len(topic))):
                sock.sendall(bytes([byte]))
                time.sleep(0.1)
        elif what in ("send", "cut"):
            sock.sendall(raw)
            if what == "cut":
                raise EOFError("hung up mid-packet, as asked")


if __name__ == "__main__":
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer((sys.argv[1], int(sys.argv[2])), Handler)
    server.mode = sys.argv[3]
    server.serve_forever()
