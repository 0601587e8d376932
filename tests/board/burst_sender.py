"""The kernel side of the driver test's burst: wait (60 s at most) on 192.168.7.1:9999 for the
firmware's request, then send it BURST datagrams of SIZE bytes at once, each its sequence number
(16 bits, big-endian) and a pattern of it (byte i is seq + i, modulo 256)."""

import socket

BURST, SIZE = 300, 1000

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.168.7.1", 9999))
s.settimeout(60)
_, firmware = s.recvfrom(64)
for seq in range(BURST):
    s.sendto(bytes([seq >> 8, seq & 0xff]) + bytes((seq + i) & 0xff for i in range(2, SIZE)), firmware)
