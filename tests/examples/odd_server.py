"""A TCP server with scripted, raw HTTP answers that a careful client must get right (or refuse
cleanly), chosen by the request's path; /host answers with the request's Host header as its body.

usage: python3 odd_server.py ADDRESS PORT
"""

import socketserver
import sys

ANSWERS = {
    "/continue": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    "/te-space": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked \r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "/not-modified": b"HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
    "/bad-status": b"HTTP/1.19 OK\r\n\r\n",
    "/empty": b"",
    "/hex-size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
    "/gzip": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxxxx",
    "/short": b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello",
}


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        request = self.rfile.readline().decode("latin-1").split()
        headers = []
        while True:
            line = self.rfile.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            headers.append(line.decode("latin-1").strip())
        path = request[1] if len(request) > 1 else ""
        if path == "/host":
            body = "\n".join(h for h in headers if h.lower().startswith("host:")).encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        else:
            self.wfile.write(ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))


if __name__ == "__main__":
    socketserver.TCPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
