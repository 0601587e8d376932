"""An HTTP/1.1 server (Python's http.server) whose /chunked.bin answer is sent with
Transfer-Encoding: chunked, in chunks of varied sizes, for the examples' tests.

usage: python3 chunked_server.py ADDRESS PORT SIZE
The body is SIZE bytes of a fixed pseudo-random pattern (body(SIZE) below).
"""

import http.server
import random
import sys


def body(size):
    return random.Random(6455).randbytes(size)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path != "/chunked.bin":
            self.send_error(404)
            return
        data = body(self.server.size)
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        sizes = random.Random(1).choices([1, 7, 100, 1000, 4095, 4096, 20000], k=len(data))
        at = 0
        for size in sizes:
            if at >= len(data):
                break
            chunk = data[at:at + size]
            self.wfile.write(b"%x;ext=1\r\n" % len(chunk) + chunk + b"\r\n")
            at += len(chunk)
        self.wfile.write(b"0\r\nX-Trailer: yes\r\n\r\n")

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = http.server.HTTPServer((sys.argv[1], int(sys.argv[2])), Handler)
    server.size = int(sys.argv[3])
    server.serve_forever()
