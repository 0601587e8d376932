"""Send one raw request (Python string escapes allowed) and print what came back.

usage: python3 raw_http.py ADDRESS PORT REQUEST [--vanish]
Prints the status line, then "body N" (the bytes after the head) and "closed" once the server
closed the connection.  With --vanish it sends REQUEST and closes at once, reading nothing.
"""

import socket
import sys


def main():
    address, port, request = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode().decode("unicode_escape")
    with socket.create_connection((address, port), timeout=10) as s:
        s.sendall(request.encode("latin-1"))
        if "--vanish" in sys.argv:
            print("vanished")
            return
        got = bytearray()
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    head, _, body = bytes(got).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    print(lines[0])
    for line in lines[1:]:
        print("header", line)
    print("body", len(body))
    print("closed")


if __name__ == "__main__":
    main()
