"""examples/websocket_client against a real WebSocket server, Python's websockets 10.4 echoing every
message (ws_echo_server.py), found by name (dnsmasq), over POSIX on 127.0.0.1 and over lwIP on a
TAP device with the server on the kernel's side.  A frame-level echo (ws_bad_server.py, /echo)
records the client's frames: all masked, every mask different, the three length forms, the
fragments; and the request's target (an empty path with a query, a scheme in capitals, no port).
The same server misbehaves on other paths, and the client must refuse: a 200 answer, a wrong
Sec-WebSocket-Accept, no Upgrade header or two, each followed by nothing from the client; then
frames a client must not take (masked, reserved bits, unknown opcode, long or fragmented control
frames, stray continuations, a length not in its shortest form or with its top bit set, text that
is not UTF-8, a message over 128 KiB, over 1000 empty frames, a bad close status), each answered
with a close frame whose status says why; a close answered with 1002 or with a bad frame, a
server that does not close TCP, a silent one; and the server closing first.  What the client
must take: two Connection lines, a message in 2048 frames, one of exactly 128 KiB, control
characters (printed escaped).  Also a refused connection and bad usage, and the SHA-1 behind the
handshake against FIPS 180 vectors.  Needs root (network namespaces), as CI has."""

import base64
import hashlib
import os
import subprocess
import tempfile
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
ECHO = f"/usr/bin/python3 {os.path.join(HERE, 'ws_echo_server.py')} {{ip}} 8765"
DNSMASQ = netns.DNSMASQ.replace("partner.test", "ws.test")

SCRIPT = [
    "answered a ping (11 bytes)",
    'text "hello": echo matched (1 frame)',
    "binary, every byte value (256 bytes): echo matched (1 frame)",
    "binary, 65536 bytes: echo matched (1 frame)",
    "text in 3 fragments: echo matched (4 frames)",  # the server's 10-character fragments, then an empty final one
    'ping "are you there?": pong matched',
    "close: sent 1000, the server answered 1000 (normal)",
    "every echo matched; the connection closed cleanly",
]

# Path on ws_bad_server.py -> what the client must say, and the status of the close frame it sends.
PROTOCOL_ERRORS = {
    "/masked": ("a masked frame: a server must not mask", 1002),
    "/reserved": ("a frame with reserved bits set (0x40) and no extension agreed", 1002),
    "/bad-opcode": ("a frame with the unknown opcode 0x3", 1002),
    "/long-ping": ("a control frame of 126 bytes (at most 125)", 1002),
    "/fragmented-ping": ("a fragmented control frame (opcode 0x9)", 1002),
    "/continuation": ("a continuation frame with no message begun", 1002),
    "/new-message": ("a new message before the last one's final fragment", 1002),
    "/long-form": ("a frame length of 5 not in its shortest form", 1002),
    "/long-form-64": ("a frame length of 5 not in its shortest form", 1002),
    "/top-bit": ("a 64-bit frame length with its most significant bit set", 1002),
    "/many-empty": ("more than 1000 empty frames or pings while waiting for a message", 1008),
    "/bad-close": ("a close frame with a bad status (2 bytes, status 1005)", 1002),
    "/bad-utf8": ("a text message that is not UTF-8", 1007),
    "/too-big": ("a message larger than 131072 bytes", 1009),
}
STATUS = {1002: "protocol error", 1007: "invalid text", 1008: "policy violation", 1009: "message too big"}

# FIPS 180-2 appendix A and FIPS 180-4's examples: (message, SHA-1).
FIPS_180 = [
    (b"abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
    (b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    (b"a" * 1000000, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
]

SHA1_DRIVER = r"""
#include <stdio.h>
#include "sha1.h"

int main(void)
{
    unsigned char buf[7], digest[SHA1_SIZE]; /* 7 bytes a call: updates that straddle blocks */
    struct sha1 s;
    size_t n;
    int i;

    sha1_init(&s);
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        sha1_update(&s, buf, n);
    }
    sha1_final(&s, digest);
    for (i = 0; i < SHA1_SIZE; i++) {
        printf("%02x", digest[i]);
    }
    printf("\n");
    return 0;
}
"""


class WebSocketClient(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-ws-")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def real(self, config, args):
        rc, stdout, stderr = netns.run(config, [ECHO, DNSMASQ], [8765], "websocket_client", args, udp_ports=[53])
        self.assertNotIn("runtime error", stderr)  # UBSan
        return rc, stdout, stderr

    def bad(self, path, want_rc=1, config="posix", url="ws://{ip}:8766", port=8766, options=""):
        """The client against ws_bad_server.py on path: (stdout, stderr, the server's log lines)."""
        fd, log = tempfile.mkstemp(dir=self.tmp.name)
        os.close(fd)
        server = f"/usr/bin/python3 {os.path.join(HERE, 'ws_bad_server.py')} {{ip}} {port} {log}"
        rc, stdout, stderr = netns.run(config, [server], [port], "websocket_client", f"{options} {url}{path}")
        self.assertEqual(rc, want_rc, stdout + stderr)
        self.assertNotIn("runtime error", stderr)
        with open(log) as f:
            return stdout, stderr, f.read().splitlines()

    def script(self, config):
        rc, stdout, stderr = self.real(config, "ws://ws.test:8765/chat")
        self.assertEqual(rc, 0, stdout + stderr)
        server = netns.CONFIGS[config]["server"]
        self.assertEqual(stdout.splitlines(), [
            "resolving ws.test", f"connecting to {server} port 8765",
            "handshake: 101 Switching Protocols, Sec-WebSocket-Accept checked"] + SCRIPT)
        self.assertEqual(stderr, "")

    def test_posix_script(self):
        self.script("posix")

    def test_lwip_tap_script(self):
        self.script("lwip-tap")

    def test_posix_message(self):
        text = "h\u00e9llo w\u00f6rld, back in 4 frames"  # 29 characters: 3 fragments and an empty final one
        rc, stdout, stderr = self.real("posix", f"--message '{text}' ws://ws.test:8765/")
        self.assertEqual(rc, 0, stdout + stderr)
        self.assertIn(f"received text ({len(text.encode())} bytes, 4 frames): {text}\n", stdout)
        self.assertIn("close: sent 1000, the server answered 1000 (normal)\nthe connection closed cleanly\n", stdout)

    def frames_on_the_wire(self, config):
        stdout, _, log = self.bad("/echo", want_rc=0, config=config)
        self.assertIn("every echo matched; the connection closed cleanly", stdout)
        self.assertEqual(log[0], "get /echo")
        self.assertEqual(len(base64.b64decode(log[1].split()[1], validate=True)), 16, log[1])
        frames = [line.split()[1:] for line in log if line.startswith("frame ")]
        self.assertEqual([f[:3] for f in frames], [  # opcode, FIN, length form
            ["1", "1", "7"], ["2", "1", "16"], ["2", "1", "64"],
            ["1", "0", "7"], ["0", "0", "7"], ["0", "1", "7"], ["9", "1", "7"], ["8", "1", "7"]])
        masks = [f[3] for f in frames]
        self.assertNotIn("unmasked", masks)
        self.assertEqual(len(set(masks)), len(masks), "a fresh mask for every frame")
        self.assertEqual(log[-1], "close 1000")

    def test_posix_frames_on_the_wire(self):
        self.frames_on_the_wire("posix")

    def test_lwip_tap_frames_on_the_wire(self):
        self.frames_on_the_wire("lwip-tap")

    def test_targets(self):
        """An empty path with a query becomes /?QUERY; the scheme in any case; no port, 80 (RFC 6455 section 3)."""
        for url, port, target in (("ws://{ip}:8766?q=1", 8766, "/?q=1"), ("WS://{ip}:8766/echo", 8766, "/echo"),
                                  ("ws://{ip}?q=1", 80, "/?q=1")):
            with self.subTest(url=url):
                stdout, _, log = self.bad("", want_rc=0, url=url, port=port)
                self.assertIn("every echo matched; the connection closed cleanly", stdout)
                self.assertEqual(log[0], f"get {target}")

    def test_bad_handshakes(self):
        want = {
            "/status-200": 'not 101 Switching Protocols: the server answered "HTTP/1.1 200 OK\\x1b[2J"\n',
            "/bad-accept": '", the server sent "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="\n',
            "/no-upgrade": 'the answer lacks "Upgrade: websocket"\n',
            "/two-upgrades": 'one "Upgrade: websocket" expected, the server sent "Upgrade: h2c"\n',
        }
        for path, text in want.items():
            with self.subTest(path=path):
                stdout, stderr, log = self.bad(path)
                self.assertIn(text, stderr)
                self.assertNotIn("handshake:", stdout)
                self.assertEqual(log[2:], ["eof"], "nothing after the handshake, then the client's close")

    def test_two_connection_lines(self):
        """Connection: Upgrade, then Connection: keep-alive: the upgrade still counts."""
        stdout, _, _ = self.bad("/two-connections", want_rc=0)
        self.assertIn("every echo matched; the connection closed cleanly", stdout)

    def test_many_frames(self):
        """Echoes in frames of 32 bytes: 2048 frames for 64 KiB, all taken (only frames without bytes are counted)."""
        stdout, _, _ = self.bad("/many-frames", want_rc=0)
        self.assertIn("binary, 65536 bytes: echo matched (2048 frames)\n", stdout)
        self.assertIn("every echo matched; the connection closed cleanly", stdout)

    def test_largest_message(self):
        stdout, _, log = self.bad("/max-size", want_rc=0, options="--message hi")
        self.assertEqual(stdout.splitlines()[-3:], [
            "received a binary message (131072 bytes, 3 frames)", "close: sent 1000, the server answered 1000 (normal)",
            "the connection closed cleanly"])
        self.assertEqual(log[-1], "close 1000")

    def test_control_characters_escaped(self):
        stdout, _, _ = self.bad("/control-text", want_rc=0, options="--message hi")
        self.assertIn("received text (16 bytes, 1 frame): a\\x1b[2Jb\\x00c\\xc2\\x9bd\\x5ce \u00e9\n", stdout)

    def test_protocol_errors(self):
        for path, (text, status) in PROTOCOL_ERRORS.items():
            with self.subTest(path=path):
                _, stderr, log = self.bad(path)
                self.assertIn(f"{text}; closing with status {status} ({STATUS[status]})\n", stderr)
                self.assertEqual(log[-1], f"close {status}", "the server got the close frame")

    def test_lwip_tap_protocol_errors(self):
        for path in ("/masked", "/reserved"):
            with self.subTest(path=path):
                _, stderr, log = self.bad(path, config="lwip-tap")
                self.assertIn(f"{PROTOCOL_ERRORS[path][0]}; closing with status 1002 (protocol error)", stderr)
                self.assertEqual(log[-1], "close 1002")

    def test_server_closes_first(self):
        _, stderr, log = self.bad("/server-close")
        self.assertIn('the server closed the connection: status 1001 (going away) "going\\x1b]0;x\\x07"\n', stderr)
        self.assertEqual(log[-1], "close 1001", "the client's close echoes the server's status")

    def test_close_answered_with_1002(self):
        stdout, stderr, _ = self.bad("/answer-1002")
        self.assertIn('close: sent 1000, the server answered 1002 (protocol error) "no\\x00"\n', stderr)
        self.assertNotIn("closed cleanly", stdout)

    def test_bad_frame_after_our_close(self):
        _, stderr, log = self.bad("/bad-after-close")
        self.assertIn("a masked frame: a server must not mask; our close (status 1000) was already sent\n", stderr)
        self.assertEqual([line for line in log if line.startswith("close")], ["close 1000"], "one close frame only")

    def test_server_keeps_tcp_open(self):
        stdout, stderr, log = self.bad("/no-tcp-close")
        self.assertIn("close: sent 1000, the server answered 1000 (normal)\n", stdout)
        self.assertNotIn("closed cleanly", stdout)
        self.assertIn("the server did not close the connection within 2 s of the close frames\n", stderr)
        self.assertEqual(log[-2:], ["close 1000", "eof"], "nothing after the close frame")

    def test_silent_server(self):
        """No echo at all: the client gives up after the step's 10 s."""
        _, stderr, _ = self.bad("/silent")
        self.assertIn("nothing from the server within 10 s\n", stderr)

    def test_errors(self):
        rc, stdout, stderr = self.real("posix", "ws://{ip}:8799/")
        self.assertEqual(rc, 1)
        self.assertIn("connect: NSAPI_ERROR_NO_CONNECTION", stderr)
        rc, _, stderr = self.real("posix", "ws://missing.test:8765/")
        self.assertEqual(rc, 1)
        self.assertIn("gethostbyname: NSAPI_ERROR_DNS_FAILURE", stderr)
        for args in ("http://ws.test:8765/", "ws://ws.test:8765/ extra", "--message", "ws://ws.test:0/",
                     "'ws://ws.test/a b'", "'ws://ws .test/'", "$'ws://ws\\x01.test/'", "ws://ws.test#top",
                     "wss://ws.test:0/", "--message $'\\xc0' ws://ws.test/"):
            with self.subTest(args=args):
                rc, _, stderr = netns.run("posix", [], [], "websocket_client", args)
                self.assertEqual(rc, 2, stderr)
                self.assertIn("usage: websocket_client", stderr)

    def test_sha1_fips_180(self):
        """examples/websocket/sha1.c on its own: FIPS 180's vectors, and lengths around the block boundaries against
        hashlib."""
        driver = os.path.join(self.tmp.name, "sha1_driver")
        with open(driver + ".c", "w") as f:
            f.write(SHA1_DRIVER)
        examples = os.path.join(netns.ROOT, "examples", "websocket")
        subprocess.run(["gcc", "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-fsanitize=address,undefined",
                        "-fno-sanitize-recover=all", "-I", examples, driver + ".c", os.path.join(examples, "sha1.c"),
                        "-o", driver], check=True)
        cases = FIPS_180 + [(b"", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
        cases += [(os.urandom(n), None) for n in (1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000)]
        for message, digest in cases:
            with self.subTest(length=len(message)):
                got = subprocess.run([driver], input=message, capture_output=True, check=True).stdout.decode().strip()
                self.assertEqual(got, digest or hashlib.sha1(message).hexdigest())


if __name__ == "__main__":
    unittest.main()
