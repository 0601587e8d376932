"""The examples over TLS, with certificates made for the run by tests/tls/make_certs.sh, over POSIX
on 127.0.0.1 and over lwIP on a TAP device: http_client's https:// from openssl s_server -WWW (a
1 MiB file, checked by SHA-256, the body ended by close_notify), dnsmasq for the name, and its TLS
errors (a CA it does not trust, a URL by address: no name to check); http_server --cert --key
serving curl --cacert (1 MiB and 300000 bytes chunked, checked by SHA-256) and python3's ssl, and
refusing a client that speaks no TLS; mqtt_client mqtts:// against mosquitto with a TLS listener
(its own message back at QoS 1; an authority it does not trust); websocket_client wss:// against
ws_echo_server.py wrapped in python3's ssl (the whole script of echoes).  Needs root (network
namespaces), as CI has."""

import hashlib
import os
import shlex
import subprocess
import tempfile
import unittest

import netns
import test_mqtt_client
import test_websocket_client

MAKE_CERTS = os.path.join(netns.ROOT, "tests", "tls", "make_certs.sh")
MIB = 1024 * 1024


class HttpsClient(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-https-")
        subprocess.run(["sh", MAKE_CERTS, cls.tmp.name], check=True)
        cls.big = os.urandom(MIB)
        with open(os.path.join(cls.tmp.name, "big.bin"), "wb") as f:
            f.write(cls.big)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def fetch(self, config, args):
        servers = [f"sh -c 'cd {self.tmp.name} && exec openssl s_server -accept {{ip}}:8443 -cert server.pem"
                   f" -key server.key -WWW'", netns.DNSMASQ.replace("partner.test", "tls.test")]
        return netns.run(config, servers, [8443], "http_client", args, udp_ports=[53])

    def check_big(self, config):
        out = os.path.join(self.tmp.name, f"out-{config}")
        rc, stdout, stderr = self.fetch(config, f"--cacert {self.tmp.name}/ca.pem https://tls.test:8443/big.bin -o {out}")
        self.assertEqual(rc, 0, stdout + stderr)
        self.assertRegex(stdout, r"TLS: TLSv1\.2, TLS-\S+, certificate of tls.test verified\n")
        self.assertIn(f"body: {MIB} bytes (until close)", stdout)
        with open(out, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(self.big).hexdigest())

    def test_posix_1_mib(self):
        self.check_big("posix")

    def test_lwip_tap_1_mib(self):
        self.check_big("lwip-tap")

    def test_unknown_ca(self):
        rc, stdout, stderr = self.fetch("posix", "https://tls.test:8443/big.bin")  # the system store
        self.assertEqual(rc, 1, stdout + stderr)
        self.assertIn("NSAPI_ERROR_AUTH_FAILURE", stderr)
        self.assertIn("TLS: X509 - Certificate verification failed", stderr)

    def test_address_is_no_name(self):
        rc, stdout, stderr = self.fetch("posix", f"--cacert {self.tmp.name}/ca.pem https://127.0.0.1:8443/")
        self.assertEqual(rc, 1, stdout + stderr)
        self.assertIn("NSAPI_ERROR_PARAMETER", stderr)


# python3's ssl as the client: 1 MiB from http_server, the name and chain checked, to stdout.
PY_SSL_GET = ("import socket, ssl, sys; c = ssl.create_default_context(cafile='{ca}');"
              " s = c.wrap_socket(socket.create_connection(('{ip}', 8443), 20), server_hostname='tls.test');"
              " s.sendall(b'GET /bytes/1048576 HTTP/1.0\\r\\nHost: tls.test\\r\\n\\r\\n');"
              " sys.stdout.buffer.write(s.makefile('rb').read().split(b'\\r\\n\\r\\n', 1)[1])")


class HttpsServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-https-server-")
        subprocess.run(["sh", MAKE_CERTS, cls.tmp.name], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, config):
        c, d = netns.CONFIGS[config], self.tmp.name
        curl = f"curl -sS --max-time 20 --cacert {d}/ca.pem --resolve tls.test:8443:{c['device']} https://tls.test:8443"
        server = shlex.quote(os.path.join(netns.EXAMPLES, "http_server"))
        rc, stdout, stderr = netns.run_script(f"""
set -u
{c["setup"]} || exit {netns.SETUP_FAILED}
{server} {c["options"]} --cert {d}/server.pem --key {d}/server.key 8443 4 > {d}/out-{config} 2>&1 & server=$!
i=0
until grep -q listening {d}/out-{config}; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $server; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done
{curl}/bytes/1048576 | sha256sum
curl -sS --max-time 5 http://{c['device']}:8443/ >/dev/null 2>&1; echo "plain http: $?"
{curl}/chunked/300000 | sha256sum
{curl}/ | grep -c 'Hello from nsapi'
python3 -c "{PY_SSL_GET.format(ca=d + '/ca.pem', ip=c['device'])}" | sha256sum
wait $server
echo "server exit $?"
cat {d}/out-{config}
""")
        self.assertEqual(rc, 0, stdout + stderr)
        lines = stdout.splitlines()
        self.assertEqual(lines[0].split()[0], hashlib.sha256(bytes(i % 251 for i in range(MIB))).hexdigest())
        self.assertNotEqual(lines[1], "plain http: 0")
        self.assertEqual(lines[2].split()[0], hashlib.sha256(bytes(i % 251 for i in range(300000))).hexdigest())
        self.assertEqual(lines[3], "1")
        self.assertEqual(lines[4].split()[0], hashlib.sha256(bytes(i % 251 for i in range(MIB))).hexdigest(),
                         "python3's ssl")
        self.assertEqual(lines[5], "server exit 0")
        self.assertIn("TLS handshake failed: NSAPI_ERROR_DEVICE_ERROR", stdout)
        self.assertIn("http server answered 4 requests", stdout)

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")


MOSQUITTO_TLS = ("listener 8883 {ip}\ncafile {tmp}/ca.pem\ncertfile {tmp}/server.pem\nkeyfile {tmp}/server.key\n"
                 "user root\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n")


class Mqtts(unittest.TestCase):
    """mosquitto with a TLS listener on 8883, its certificates made in the case's own temporary folder."""

    def run_client(self, config, ca):
        tmp = tempfile.mkdtemp(prefix="nsapi-mqtts-")
        subprocess.run(["sh", MAKE_CERTS, tmp], check=True)
        conf = MOSQUITTO_TLS.replace("{tmp}", tmp)
        try:
            return test_mqtt_client.with_broker(
                config, f"--cacert {tmp}/{ca} mqtts://tls.test nsapi/tls --publish 'over TLS' --qos 1", broker_conf=conf,
                port=8883, name="tls.test")
        finally:
            subprocess.run(["rm", "-rf", tmp], check=True)

    def check(self, config):
        rc, stdout, stderr, log = self.run_client(config, "ca.pem")
        self.assertEqual(rc, 0, stdout + stderr + log)
        server = netns.CONFIGS[config]["server"]
        self.assertIn(f"connecting to {server} port 8883\n", stdout)
        self.assertRegex(stdout, r"TLS: TLSv1\.2, TLS-\S+, certificate of tls.test verified\n")
        self.assertIn("received on nsapi/tls (qos 1): over TLS\n", stdout)
        self.assertIn("disconnected after 1 message\n", stdout)
        self.assertNotIn("runtime error", stderr)

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")

    def test_untrusted_ca(self):
        rc, stdout, stderr, _ = self.run_client("posix", "other_ca.pem")
        self.assertEqual(rc, 1, stdout + stderr)
        self.assertIn("TLS handshake: NSAPI_ERROR_AUTH_FAILURE", stderr)
        self.assertIn("not correctly signed by the trusted CA", stderr)


class Wss(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-wss-")
        subprocess.run(["sh", MAKE_CERTS, cls.tmp.name], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, config):
        d = self.tmp.name
        echo = f"{test_websocket_client.ECHO} {d}/server.pem {d}/server.key"
        rc, stdout, stderr = netns.run(config, [echo, netns.DNSMASQ.replace("partner.test", "tls.test")], [8765],
                                       "websocket_client", f"--cacert {d}/ca.pem wss://tls.test:8765/chat",
                                       udp_ports=[53])
        self.assertEqual(rc, 0, stdout + stderr)
        server = netns.CONFIGS[config]["server"]
        lines = stdout.splitlines()
        self.assertEqual(lines[:2], ["resolving tls.test", f"connecting to {server} port 8765"])
        self.assertRegex(lines[2], r"TLS: TLSv1\.2, TLS-\S+, certificate of tls.test verified")
        self.assertEqual(lines[3:], ["handshake: 101 Switching Protocols, Sec-WebSocket-Accept checked"]
                         + test_websocket_client.SCRIPT)
        self.assertEqual(stderr, "")

    def test_posix(self):
        self.check("posix")

    def test_lwip_tap(self):
        self.check("lwip-tap")


if __name__ == "__main__":
    unittest.main()
