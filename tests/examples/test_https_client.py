"""examples/http_client over TLS: https:// from openssl s_server -WWW (a 1 MiB file, checked by
SHA-256, the body ended by close_notify), dnsmasq for the name, certificates made for the run by
tests/tls/make_certs.sh, over POSIX on 127.0.0.1 and over lwIP on a TAP device.  Also its TLS
errors: a CA it does not trust (the system store), and a URL by address (no name to check).
Needs root (network namespaces), as CI has."""

import hashlib
import os
import subprocess
import tempfile
import unittest

import netns

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


if __name__ == "__main__":
    unittest.main()
