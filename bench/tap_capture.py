"""The TCP/IPv4 headers crossing a network device, as text (bench/lossy_link.py --capture): run in
the namespace, as root, until SIGTERM.  A line a segment:

    SECONDS DIR SPORT>DPORT SEQ ACK LEN WINDOW FLAGS [SACK-LEFT-RIGHT ...]

DIR is K for what the kernel (192.168.7.1) sends, L for what the other end (lwIP) sends; FLAGS in
hex.  tcpdump is not needed (nor installed): an AF_PACKET socket sees both directions.

    python3 bench/tap_capture.py DEVICE FILE
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


def parse(frame):
    """One line for an Ethernet frame holding IPv4 TCP, else None."""
    if len(frame) < 54 or frame[12:14] != b"\x08\x00" or frame[23] != 6:
        return None
    ihl = (frame[14] & 15) * 4
    total = struct.unpack("!H", frame[16:18])[0]
    tcp = frame[14 + ihl:]
    sport, dport, seq, ack, offset, flags, window = struct.unpack("!HHIIBBH", tcp[:16])
    hlen = (offset >> 4) * 4
    who = "K" if socket.inet_ntoa(frame[26:30]) == KERNEL else "L"
    sack = " ".join(f"{a}-{b}" for a, b in sack_blocks(tcp[20:hlen]))
    return f"{who} {sport}>{dport} {seq} {ack} {total - ihl - hlen} {window} {flags:02x} {sack}"


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
