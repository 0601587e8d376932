"""A UDP echo partner with the faults a real link has: it drops every 4th datagram it receives
and sends every 5th echo twice, the second time 300 ms late, so that a client must send again
and must recognise a late echo of an earlier round.

usage: python3 lossy_udp_echo.py ADDRESS PORT
"""

import socket
import sys
import threading

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
count = 0
while True:
    data, peer = s.recvfrom(65536)
    count += 1
    if count % 4 == 0:
        continue
    s.sendto(data, peer)
    if count % 5 == 0:
        threading.Timer(0.3, s.sendto, args=(data, peer)).start()
