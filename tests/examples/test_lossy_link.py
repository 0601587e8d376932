"""The examples over a lossy link: 10 % loss, 25 % reordering, 2 % duplicates, 1 % corruption and 5 ms
of delay each way, lwIP's side of the TAP device impaired by NSAPI_IMPAIR
(stacks/lwip/netif_impair.c), POSIX on lo with the kernel dropping 10 % of TCP packets as they
arrive (nftables, numgen random; the kernel here has no netem), one segment a packet (MTU 1500, no
GSO) and on the input hook, where a drop is a loss and not a failed send that the sender repeats.
TCP echo byte-identical both ways, an HTTP download identical (SHA-256), names resolved through lost
queries (dnsmasq, 40 % loss), UDP ping-pong reporting what it sent again, DHCP with a TLS handshake
(openssl s_server) and a DTLS one (coap-server-openssl), and a blackhole: the calls end within their
timeouts with a clear error. Each run in a network namespace of its own, several at once (they wait
on timers). The HTTP download is issue 18's 16 MiB (about 10 s over lwIP, within the blackhole's
20 s, and 26 s over POSIX); the echo is 4 rounds of 64 KiB to fit scons test's budget,
docs/reliability.md has the measured 10 MiB runs."""

import concurrent.futures
import hashlib
import os
import re
import subprocess
import tempfile
import time
import unittest

import netns

LOSSY = "NSAPI_IMPAIR=loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed={seed}"
NFT_LOSS = netns.nft_loss(10)
NFT_DROPPED = netns.NFT_DROPPED
# The kernel's side drops every other DNS query, the first included: a lookup needs the resolver's retry.
DNS_DROP = ("nft add table inet dns && nft add chain inet dns in '{{ type filter hook input priority 0; }}'"
            " && nft add rule inet dns in udp dport 53 numgen inc mod 2 == 0 drop")
TCP_ECHO = "socat TCP-LISTEN:7000,bind={ip},reuseaddr,fork PIPE"
UDP_ECHO = "socat UDP-RECVFROM:7001,bind={ip},fork PIPE"
DHCP = ("/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces"
        " --interface=nsapi0 --port=53 --pid-file= --user=root --dhcp-range=192.168.7.10,192.168.7.50,1h"
        " --dhcp-leasefile=/dev/null --host-record=tls.test,{ip}")
TAP_DHCP = "--interface lwip-tap:nsapi0"
DOWNLOAD = 16 * 1024 * 1024  # issue 18's size, over plain HTTP
TLS_DOWNLOAD = 256 * 1024  # the TLS case is about DHCP and the handshake


def fetch(config, servers, tcp_ports, example, args, udp_ports=(), env="", options=None, after="", timeout=120):
    start = time.monotonic()
    rc, out, err = netns.run(config, servers, tcp_ports, example, args, udp_ports=udp_ports, env=env,
                             options=options, after=after, timeout=timeout)
    return rc, out, err, time.monotonic() - start


class LossyLink(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nsapi-lossy-")
        subprocess.run(["sh", os.path.join(netns.ROOT, "tests", "tls", "make_certs.sh"), cls.tmp.name], check=True,
                       capture_output=True)
        cls.body = os.urandom(DOWNLOAD)
        with open(os.path.join(cls.tmp.name, "body.bin"), "wb") as f:
            f.write(cls.body)
        cls.tls_body = cls.body[:TLS_DOWNLOAD]
        with open(os.path.join(cls.tmp.name, "small.bin"), "wb") as f:
            f.write(cls.tls_body)
        t = cls.tmp.name
        http = f"python3 -m http.server --bind {{ip}} --directory {t} 8000"
        tls = f"sh -c 'cd {t} && exec openssl s_server -accept {{ip}}:8443 -cert server.pem -key server.key -WWW'"
        dtls = "coap-server-openssl -A {ip} -p 5683 -k secretkey -h hint"
        lossy = LOSSY.format(seed=1)
        runs = {
            "tcp_lwip": ("lwip-tap", [TCP_ECHO], [7000], "tcp_ping_pong", "{ip} 7000 4 65536", [], lossy, None),
            "tcp_posix": ("posix", [NFT_LOSS, TCP_ECHO], [7000], "tcp_ping_pong", "{ip} 7000 4 65536", [], "", None,
                          NFT_DROPPED),
            "http_lwip": ("lwip-tap", [http], [8000], "http_client", f"http://{{ip}}:8000/body.bin -o {t}/http_lwip.out",
                          [], LOSSY.format(seed=2), None),
            "http_posix": ("posix", [NFT_LOSS, http], [8000], "http_client",
                           f"http://{{ip}}:8000/body.bin -o {t}/http_posix.out", [], "", None, NFT_DROPPED),
            "udp": ("lwip-tap", [UDP_ECHO], [], "udp_ping_pong", "{ip} 7001 12 100", [7001], LOSSY.format(seed=3), None),
            "dns": ("lwip-tap", [DNS_DROP, TCP_ECHO, netns.DNSMASQ], [7000], "tcp_ping_pong", "partner.test 7000 1 100",
                    [53], "NSAPI_IMPAIR=reorder=25,duplicate=2,delay=5,seed=4", None),
            "dhcp_tls": ("lwip-tap", [tls, DHCP], [8443], "http_client",
                         f"--cacert {t}/ca.pem https://tls.test:8443/small.bin -o {t}/tls.out", [53],
                         LOSSY.format(seed=5), TAP_DHCP),
            "dtls": ("lwip-tap", [dtls], [], "coap_client",
                     "--psk-identity nsapi --psk secretkey get coaps://{ip}/time", [5684], LOSSY.format(seed=6), None),
            "blackhole_tcp": ("lwip-tap", [TCP_ECHO], [7000], "tcp_ping_pong", "--timeout 5000 {ip} 7000 1 100", [],
                              "NSAPI_IMPAIR=blackhole=0", None),
            "blackhole_mid": ("lwip-tap", [TCP_ECHO], [7000], "tcp_ping_pong", "--timeout 5000 {ip} 7000 1000000 1000",
                              [], "NSAPI_IMPAIR=blackhole=1000", None),
            "blackhole_udp": ("lwip-tap", [UDP_ECHO], [], "udp_ping_pong", "{ip} 7001 1 100", [7001],
                              "NSAPI_IMPAIR=blackhole=0", None),
            "malformed": ("lwip-tap", [], [], "tcp_ping_pong", "{ip} 7000 1 100", [], "NSAPI_IMPAIR=loss=10,dealy=5",
                          None),
        }
        with concurrent.futures.ThreadPoolExecutor(len(runs)) as pool:
            futures = {name: pool.submit(fetch, *run) for name, run in runs.items()}
            cls.results = {name: f.result() for name, f in futures.items()}
            if "gethostbyname: NSAPI_ERROR_DNS_FAILURE" in cls.results["dhcp_tls"][2]:
                # At 10 % loss each way about 0.3 % of lookups lose all four tries (docs/dns.md): the
                # resolver's setting, not what this case tests.
                cls.results["dhcp_tls"] = fetch(*runs["dhcp_tls"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def ok(self, name, *expected):
        rc, out, err, _ = self.results[name]
        self.assertEqual(rc, 0, f"{name}: {out}{err}")
        for text in expected:
            self.assertIn(text, out, f"{name}: {out}{err}")
        return out

    def test_tcp_echo_is_byte_identical_both_ways(self):
        for name in ("tcp_lwip", "tcp_posix"):
            with self.subTest(name):
                self.ok(name, "4 rounds of 65536 bytes each way, every echo intact")

    def test_the_kernels_link_lost_packets(self):
        for name in ("tcp_posix", "http_posix"):
            with self.subTest(name):
                dropped = re.search(r"counter packets (\d+)", self.ok(name))
                self.assertTrue(dropped and int(dropped.group(1)) > 0, f"{name}: nftables dropped nothing")

    def test_an_http_download_is_identical(self):
        for name, body in (("http_lwip", self.body), ("http_posix", self.body), ("dhcp_tls", self.tls_body)):
            with self.subTest(name):
                self.ok(name, f"body: {len(body)} bytes")
                with open(os.path.join(self.tmp.name, f"{name}.out" if name != "dhcp_tls" else "tls.out"), "rb") as f:
                    self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(body).hexdigest())

    def test_names_resolve_through_lost_queries(self):
        self.ok("dns", "1 rounds of 100 bytes each way, every echo intact")

    def test_udp_ping_pong_reports_its_losses(self):
        out = self.ok("udp", "12 rounds of 100 bytes each way, every echo intact")
        self.assertRegex(out, r"datagrams sent again: \d+")

    def test_dhcp_and_the_tls_and_dtls_handshakes_complete(self):
        self.ok("dhcp_tls", "certificate of tls.test verified")
        self.ok("dtls", "DTLS: DTLSv1.2", "2.05 Content")

    def test_a_blackhole_ends_every_call_within_its_timeout(self):
        rc, out, err, took = self.results["blackhole_tcp"]
        self.assertEqual(rc, 1, out + err)
        self.assertIn("connect: timed out after 5000 ms", err)
        self.assertLess(took, 5 + 10, "connect's timeout is 5 s")
        rc, out, err, took = self.results["blackhole_mid"]  # dead a second after the interface came up
        self.assertEqual(rc, 1, out + err)
        self.assertRegex(err, r"round \d+, after \d+ of 1000 bytes: (send|recv): timed out after 5000 ms")
        self.assertLess(took, 1 + 5 + 10, "a call's timeout is 5 s")
        rc, out, err, took = self.results["blackhole_udp"]
        self.assertEqual(rc, 1, out + err)
        self.assertLess(took, 5 + 10, "five sends a second apart")

    def test_a_malformed_impairment_is_an_error(self):
        rc, out, err, _ = self.results["malformed"]
        self.assertEqual(rc, 2, out + err)
        self.assertIn('NSAPI_IMPAIR=loss=10,dealy=5: bad item at "dealy=5"', err)


if __name__ == "__main__":
    unittest.main()

