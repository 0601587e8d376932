"""examples/http_server against real clients on the kernel's side, over POSIX on 127.0.0.1 and
over lwIP on a TAP device, in a network namespace of each case's own: curl fetches the page, 1 MiB
with a Content-Length and 300 KB chunked (both checked by hash), the close-delimited answer an
HTTP/1.0 client gets, HEAD; raw requests, good and bad, get 200, 400, 404, 405, 431 and 505 as
RFC 9112 says (bare LF line ends, a bare CR, Host rules, versions, absolute-form, control characters,
NUL bytes in a body), each closed with a FIN; a client that vanishes mid-request does not stop the
next one; the server stops after REQUESTS, or on SIGTERM.  Also bad usage."""

import hashlib
import os
import re
import shlex
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(netns.EXAMPLES, "http_server")
PORT = 8088


def pattern_hash(n):
    return hashlib.sha256(bytes(i % 251 for i in range(n))).hexdigest()


def serve(config, clients, requests):
    """Start the server for requests requests, run the client commands (shell, {url} and {ip}
    replaced), wait for the server to stop; the script's output."""
    c = netns.CONFIGS[config]
    ip = c["device"]
    url = f"http://{ip}:{PORT}"
    steps = "\n".join(f"echo '>>> {i}'; " + cmd.format(url=url, ip=ip, port=PORT) for i, cmd in enumerate(clients))
    script = f"""
set -u
{c["setup"]} || exit {netns.SETUP_FAILED}
out=$(mktemp); trap 'rm -f $out' EXIT
{shlex.quote(SERVER)} {c["options"]} {PORT} {requests} > $out 2>&1 & server=$!
i=0
until grep -q listening $out; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $server; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done
{steps}
wait $server
echo "server exit $?"
cat $out
"""
    rc, stdout, stderr = netns.run_script(script)
    return stdout + stderr


def raw(request, *flags):
    return f"python3 {shlex.quote(os.path.join(HERE, 'raw_http.py'))} {{ip}} {{port}} {shlex.quote(request)} " \
           + " ".join(flags)


class HttpServer(unittest.TestCase):
    def check(self, config):
        curl = "curl -sS --max-time 20"
        out = serve(config, [
            f"{curl} {{url}}/",
            f"{curl} {{url}}/bytes/1048576 | sha256sum",
            f"{curl} {{url}}/chunked/300000 | sha256sum",
            f"{curl} --http1.0 -D - {{url}}/chunked/1000 -o /dev/null",
            f"{curl} -I {{url}}/bytes/5",
            curl + " -o /dev/null -w '%{{http_code}}\\n' {url}/nowhere",
            f"{curl} -D - -o /dev/null -d x {{url}}/",
        ], 7)
        self.assertIn("server exit 0", out, out)
        parts = re.split(r">>> \d+\n", out)
        self.assertIn("<h1>Hello from nsapi</h1>", parts[1])
        self.assertIn(pattern_hash(1048576), parts[2])
        self.assertIn(pattern_hash(300000), parts[3])
        self.assertNotIn("Transfer-Encoding", parts[4], "an HTTP/1.0 client gets no chunks")
        self.assertIn("HTTP/1.1 200 OK", parts[4])
        self.assertIn("Content-Length: 5", parts[5])
        self.assertIn("404", parts[6])
        self.assertIn("HTTP/1.1 405 Method Not Allowed", parts[7])
        self.assertIn("Allow: GET, HEAD", parts[7])
        self.assertRegex(out, r"GET /bytes/1048576 from \S+ port \d+: 200, 1048576 bytes")
        self.assertRegex(out, r"GET /chunked/300000 from \S+ port \d+: 200, 300000 bytes")
        self.assertRegex(out, r"HEAD /bytes/5 from \S+ port \d+: 200, 0 bytes")
        self.assertIn("http server answered 7 requests", out)

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")

    def test_requests_good_and_bad(self):
        cases = [  # (raw request, the status line expected, or None for a client that vanishes)
            ("GARBAGE\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),
            ("GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 505 HTTP Version Not Supported"),
            ("GET / HTTP/x.y\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),
            ("GET / HTTP/1.2\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 200 OK"),
            ("GET / HTTP/1.1\\r\\nX: " + "y" * 9000 + "\\r\\n\\r\\n", "HTTP/1.1 431 Request Header Fields Too Large"),
            ("GET / HTTP/1.1\\r\\nHost: x\\r\\nBad Header: x\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),
            ("GET / HTTP/1.1\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),  # no Host
            ("GET / HTTP/1.1\\r\\nHost: x\\r\\nHost: y\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),
            ("GET /x\\nGET\\t/forged HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 400 Bad Request"),
            ("GET / HTTP/1.1\\nHost: x\\n\\n", "HTTP/1.1 200 OK"),  # bare LF line ends
            ("GET / HTTP/1.1\\nHost: x\\rY\\n\\n", "HTTP/1.1 400 Bad Request"),  # a bare CR
            ("\\r\\nGET /bytes/3 HTTP/1.0\\r\\n\\r\\n", "HTTP/1.1 200 OK"),  # an empty line first; 1.0 needs no Host
            ("GET http://x/bytes/7 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 200 OK"),  # absolute-form
            ("POST /bytes/3 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 4\\r\\n\\r\\n\\x00\\x01\\x02\\x03",
             "HTTP/1.1 405 Method Not Allowed"),  # NUL bytes in the body are not in the head
            ("GET / HT", None),
            ("GET /bytes/2000000000 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 404 Not Found"),
            ("GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n", "HTTP/1.1 200 OK"),
        ]
        answered = sum(want is not None for _, want in cases)
        out = serve("posix", [raw(request, *(() if want else ("--vanish",))) for request, want in cases], answered)
        parts = re.split(r">>> \d+\n", out)
        for (request, want), got in zip(cases, parts[1:]):
            if want is not None:
                self.assertEqual(got.splitlines()[0], want, request[:60])
                self.assertIn("closed", got, "a FIN, not a reset: " + request[:60])
        self.assertIn("body 3\n", parts[12], "HTTP/1.0 /bytes/3")
        self.assertIn("body 7\n", parts[13], "absolute-form /bytes/7")
        self.assertIn("server exit 0", out, out)
        self.assertIn("(malformed request)", out)
        self.assertIn("(request head too large)", out)
        self.assertIn("closed before a complete request, dropped", out)
        self.assertNotIn("/forged", out, "no control character reaches the log")
        self.assertIn(f"http server answered {answered} requests", out)

    # A client that reads the answer to its end and closes only then, so that the server's end is the
    # one in TIME-WAIT (curl may close first, and then it is not).
    CLOSES_LAST = ("import socket, time\n"
                   "for i in range(100):\n"
                   "    try:\n"
                   "        s = socket.create_connection(('127.0.0.1', {port})); break\n"
                   "    except OSError: time.sleep(0.1)\n"
                   "s.sendall(b'GET / HTTP/1.0\\r\\n\\r\\n')\n"
                   "while s.recv(65536): pass\n"
                   "time.sleep(0.2); s.close()")

    def test_restarts_on_its_port(self):
        """Defect 3: after serving (the server closes first, so its end waits in TIME-WAIT), a new
        server takes the port at once (REUSEADDR), on POSIX; a port held by a live listener is still
        refused, and the message names the call that failed (bind)."""
        c = netns.CONFIGS["posix"]
        # Each server answers one request, under timeout: one that never got its request (a client that
        # gave up on a loaded machine) ends as "exit 124", not as a script that waits forever.
        server = f"timeout 30 {shlex.quote(SERVER)} {c['options']} {PORT}"
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
{server} 1 > /dev/null 2>&1 & first=$!
python3 -c {shlex.quote(self.CLOSES_LAST.format(port=PORT))}
wait $first; echo "first exit $?"
ss -Htan state time-wait "sport = :{PORT}" | grep -q . && echo "time-wait held"
{server} 1 > /dev/null 2>&1 & second=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:{PORT}/ || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done
wait $second; echo "second exit $?"
python3 -c "import socket, time; s = socket.create_server(('127.0.0.1', {PORT})); time.sleep(60)" & holder=$!
i=0; until [ -n "$(ss -Hltn 'sport = :{PORT}')" ] || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done
{server} 1; echo "third exit $?"
kill $holder
""", timeout=120)
        self.assertIn("first exit 0", stdout, stdout + stderr)
        self.assertIn("time-wait held", stdout, "the case needs the server's end in TIME-WAIT")
        self.assertIn("second exit 0", stdout, stdout + stderr)
        self.assertIn("third exit 1", stdout, stdout + stderr)
        self.assertIn("bind: NSAPI_ERROR_", stderr)

    def test_sigterm_and_usage(self):
        c = netns.CONFIGS["posix"]
        rc, stdout, stderr = netns.run_script(f"""
{c["setup"]}
out=$(mktemp); trap 'rm -f $out' EXIT
{shlex.quote(SERVER)} {c["options"]} {PORT} > $out 2>&1 & server=$!
i=0
until grep -q listening $out; do i=$((i + 1)); [ $i -lt 50 ] || exit {netns.NOT_LISTENING}; sleep 0.1; done
kill -TERM $server
wait $server
echo "server exit $?"
cat $out
""")
        self.assertIn("server exit 0", stdout, stdout + stderr)
        self.assertIn("http server answered 0 requests", stdout)
        for args in ("", "0", "80 x", "70000", "--backlog 0 80", "--backlog 256 80", "--backlog x 80", "--backlog"):
            rc, _, stderr = netns.run("posix", [], [], "http_server", args)
            self.assertEqual(rc, 2, args)
            self.assertIn("usage: http_server", stderr)


if __name__ == "__main__":
    unittest.main()
