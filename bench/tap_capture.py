"""The TCP/IPv4 headers crossing a network device, as text (bench/lossy_link.py --capture): run in
the namespace, as root, until SIGTERM.  A line a segment:

    SECONDS DIR SPORT>DPORT SEQ ACK LEN WINDOW FLAGS [SACK-LEFT-RIGHT ...]

DIR is K for what the kernel (192.168.7.1) sends, L for what the other end (lwIP) sends, in lower
case when the TCP checksum is wrong (a frame the impairment corrupted, which the receiver drops);
FLAGS in hex.  tcpdump is not needed (nor installed): an AF_PACKET socket sees both directions.

    python3 bench/tap_capture.py DEVICE FILE

stalls(FILE) reads such a file back (bench/lossy_link.py --capture): for each sender, the longest
time its data waited, unacknowledged, for the receiver's cumulative ACK to move.
"""
import signal
import socket
import struct
import sys
import time

KERNEL = "192.168.7.1"


def sack_blocks(options):
    """The SACK blocks among a segment's options, as (left, right) pairs."""
    blocks, i = [], 0
    while i < len(options) and options[i] != 0:
        if options[i] == 1:
            i += 1
            continue
        length = options[i + 1]
        if length < 2:
            break
        if options[i] == 5:
            blocks += [struct.unpack("!II", options[b:b + 8]) for b in range(i + 2, i + length - 7, 8)]
        i += length
    return blocks


def checksum_ok(ip, tcp_bytes):
    """Whether a TCP segment's checksum over the IPv4 pseudo-header holds."""
    data = ip[12:20] + struct.pack("!BBH", 0, 6, len(tcp_bytes)) + tcp_bytes
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total == 0xFFFF


def parse(frame):
    """One line for an Ethernet frame holding IPv4 TCP, else None."""
    if len(frame) < 54 or frame[12:14] != b"\x08\x00" or frame[23] != 6:
        return None
    ihl = (frame[14] & 15) * 4
    total = struct.unpack("!H", frame[16:18])[0]
    tcp = frame[14 + ihl:14 + total]
    sport, dport, seq, ack, offset, flags, window = struct.unpack("!HHIIBBH", tcp[:16])
    hlen = (offset >> 4) * 4
    who = "K" if socket.inet_ntoa(frame[26:30]) == KERNEL else "L"
    if not checksum_ok(frame[14:14 + ihl], tcp):
        who = who.lower()
    sack = " ".join(f"{a}-{b}" for a, b in sack_blocks(tcp[20:hlen]))
    return f"{who} {sport}>{dport} {seq} {ack} {total - ihl - hlen} {window} {flags:02x} {sack}"


def after(a, b):
    """Whether sequence number a is after b (modulo 2^32)."""
    return 0 < (a - b) & 0xFFFFFFFF < 0x80000000


def stalls(path):
    """{sender: (seconds, at)}: for "K" and "L", the longest time that sender had data out that the
    other end's cumulative ACK did not move past, from a capture file; frames with a wrong checksum
    (never delivered) are left out."""
    sent = {}    # sender: the end of its highest data sent
    acked = {}   # sender: the other end's highest ACK of it
    since = {}   # sender: when that ACK last moved, or its data first went out after it
    longest = {"K": (0.0, 0.0), "L": (0.0, 0.0)}
    with open(path) as lines:
        for line in lines:
            f = line.split()
            if len(f) < 8 or f[1] not in ("K", "L"):
                continue
            t, me, seq, ack, length = float(f[0]), f[1], int(f[3]), int(f[4]), int(f[5])
            other = "L" if me == "K" else "K"
            if length and (me not in sent or after(seq + length, sent[me])):
                if me in acked and not after(sent.get(me, acked[me]), acked[me]):
                    since[me] = t  # nothing was out: the wait starts now
                sent[me] = seq + length
            if int(f[7], 16) & 0x10 and (other not in acked or after(ack, acked[other])):
                if other in since and other in acked and after(sent.get(other, acked[other]), acked[other]):
                    longest[other] = max(longest[other], (t - since[other], since[other]))
                acked[other], since[other] = ack, t
    return longest


def main():
    device, path = sys.argv[1], sys.argv[2]
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    s.bind((device, 0))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    out = open(path, "w")
    signal.signal(signal.SIGTERM, lambda *_: (out.close(), sys.exit(0)))
    start = time.monotonic()
    while True:
        frame = s.recv(65535)
        try:
            line = parse(frame)
        except (struct.error, IndexError, ValueError):
            continue  # a corrupted frame
        if line:
            out.write(f"{time.monotonic() - start:.6f} {line}\n")


if __name__ == "__main__":
    main()
