"""examples/coap_client against a real CoAP server, libcoap's coap-server (Debian's libcoap3-bin),
over POSIX on 127.0.0.1 and over lwIP on a TAP device with the server on the kernel's side, found
by address and by name (dnsmasq): GET, PUT then GET back, a separate response (the server's
/async?SECONDS; the server's log shows the client's ACK), 4.04; coaps:// against coap-server-openssl
with a pre-shared key and with certificates both ways (made at test time by tests/tls/make_certs.sh).  Against coap_fake_server.py:
requests dropped and sent again; malformed ACKs (a truncated option, a reserved delta, a marker
without payload, an unknown critical option, another token, a repeated Block2) and an RST with a
code, each ignored while the request is sent again, and a good answer after a malformed one; a
repeated Content-Format; a reset; strangers to ignore or reset before a separate response; the
options the client sends (Uri-Host, Uri-Path with dot segments resolved, Uri-Query, a PUT's
Content-Format), which the fake echoes.  Also no server at all (stdout and stderr in order in one
pipe), an unknown name, bad usage.  Needs root (network namespaces), as CI has."""

import os
import re
import shlex
import subprocess
import tempfile
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
FAKE = os.path.join(HERE, "coap_fake_server.py")
SERVER = "coap-server-notls -A {ip} -p 5683"
DNSMASQ = netns.DNSMASQ.replace("partner.test", "coap.test")


def run_cases(config, servers, cases, udp_ports=(5683, 53)):
    """In one fresh namespace (config's network, servers started, udp_ports bound), run coap_client
    once for each argument string in cases, in turn; a list of (rc, stdout, stderr).  (netns.run
    runs the example once; a PUT then GET needs the same server twice.)"""
    c = netns.CONFIGS[config]
    ip = c["server"]
    example = shlex.quote(os.path.join(netns.EXAMPLES, "coap_client"))
    with tempfile.TemporaryDirectory(prefix="nsapi-coap-") as out:
        starts = "\n".join(f"{cmd.format(ip=ip)} >/dev/null 2>&1 & pids=\"$pids $!\"" for cmd in servers)
        waits = "\n".join(f"""i=0
until [ -n "$(ss -Hlun 'sport = :{port}')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done""" for port in udp_ports)
        runs = "\n".join(f"{example} {c['options']} {args.format(ip=ip)} >{out}/{n}.out 2>{out}/{n}.err;"
                         f" echo $? >{out}/{n}.rc" for n, args in enumerate(cases))
        rc, stdout, stderr = netns.run_script(f"""
set -u
pids=""
{c["setup"]} || exit {netns.SETUP_FAILED}
{starts}
{waits}
{runs}
kill $pids; wait
""")
        assert rc == 0, f"the namespace's script failed ({rc}): {stdout}{stderr}"
        results = []
        for n in range(len(cases)):
            with open(f"{out}/{n}.rc") as r, open(f"{out}/{n}.out", errors="replace") as o, \
                    open(f"{out}/{n}.err", errors="replace") as e:
                results.append((int(r.read()), o.read(), e.read()))
        return results


class CoapClient(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="nsapi-coap-log-")
        self.addCleanup(self.tmp.cleanup)

    def check(self, result, rc, *texts):
        """The client's exit code, and each text in its output (stdout then stderr); the output."""
        code, stdout, stderr = result
        self.assertEqual(code, rc, stdout + stderr)
        for text in texts:
            self.assertIn(text, stdout + stderr)
        self.assertNotIn("runtime error", stderr)  # UBSan
        self.assertNotIn("Sanitizer", stderr)
        return stdout

    def real_server(self, config):
        log = os.path.join(self.tmp.name, "server.log")
        servers = [f"bash -c 'exec {SERVER} -v 7 >{log} 2>&1'", DNSMASQ]
        payload = f"written-over-{config}"
        get, put, get_back, separate, missing, encoded = run_cases(config, servers, [
            "get coap://{ip}/time", f"put coap://coap.test/example_data {payload}",
            "get coap://coap.test/example_data", "get coap://{ip}/async?1", "get coap://{ip}/missing",
            "get coap://{ip}/%74ime"])
        ip = netns.CONFIGS[config]["server"]
        stdout = self.check(get, 0, f"to {ip} port 5683 (CON, id 0x", "piggybacked response\n2.05 Content\n")
        self.assertRegex(stdout, r"payload: 15 bytes\n[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\n$")
        self.assertRegex(self.check(put, 0, "resolving coap.test", "PUT /example_data"), r"\n2\.0[14] (Created|Changed)\n")
        self.assertTrue(self.check(get_back, 0, "2.05 Content\n").endswith(f"\n{payload}\n"))
        stdout = self.check(separate, 0, "empty ACK: the response will come separately\n", ", acknowledged\n2.05 Content\n")
        self.assertTrue(stdout.endswith("payload: 4 bytes\ndone\n"), stdout)
        separate_id = re.search(r"separate response \(CON, id 0x([0-9a-f]{4})\)", stdout).group(1)
        self.check(missing, 1, "4.04 Not Found\n", "the server answered 4.04 Not Found")
        self.check(encoded, 0, "GET /%74ime", "2.05 Content")
        with open(log, errors="replace") as f:
            self.assertIn(f"t:ACK c:0.00 i:{separate_id} {{}}", f.read(), "the server got the client's ACK")

    def test_real_server_posix(self):
        self.real_server("posix")

    def test_real_server_lwip_tap(self):
        self.real_server("lwip-tap")

    def resent(self, config):
        fake = f"python3 {FAKE} {{ip}} 5683 {os.path.join(self.tmp.name, 'fake.log')}"
        [result] = run_cases(config, [fake], ["--ack-timeout 100 get coap://{ip}/drop2"], udp_ports=[5683])
        # The fake drops 2 copies, so the client sends at least 3 (a 4th if the link loses one), all alike.
        stdout = self.check(result, 0, "sending again (2 of 5)", "sending again (3 of 5)", "2.05 Content")
        self.assertRegex(stdout, r"\nsent [34] times, the same\n$")

    def test_resent_posix(self):
        self.resent("posix")

    def test_resent_lwip_tap(self):
        self.resent("lwip-tap")

    def test_misbehaving_server(self):
        log = os.path.join(self.tmp.name, "fake.log")
        # A malformed ACK or RST is ignored and the request sent again: a short ACK_TIMEOUT keeps it quick.
        ignored = {
            "truncated": ("ACK", "an option value cut short"),
            "reserved": ("ACK", "a reserved option delta or length (15)"),
            "marker": ("ACK", "a payload marker with no payload"),
            "critical": ("ACK", "an unrecognised critical option 2049 (0 bytes)"),
            "token": ("ACK", "a piggybacked response with another token"),
            "block2-twice": ("ACK", "a repeated Block2 option"),
            "reset-code": ("RST", "an RST that is not an Empty message"),
        }
        cases = {p: f"--ack-timeout 10 get coap://{{ip}}/{p}" for p in ignored}
        cases.update({
            "truncated-once": "--ack-timeout 10 get coap://{ip}/truncated-once",
            "format-twice": "get coap://{ip}/format-twice",
            "reset": "get coap://{ip}/reset",
            "chatty": "get coap://{ip}/chatty",
            "other": "get coap://{ip}/other",
            "unknown name": "get coap://missing.test/time",
        })
        servers = [f"python3 {FAKE} {{ip}} 5683 {log}", DNSMASQ]
        results = dict(zip(cases, run_cases("posix", servers, list(cases.values()))))
        for path, (kind, why) in ignored.items():
            with self.subTest(path=path):
                self.check(results[path], 1, f"ignored a malformed {kind} (id 0x", "sending again (5 of 5)",
                           "no answer after 5 transmissions over ", f"; last rejected: {why} ({kind}, id 0x")
        stdout = self.check(results["truncated-once"], 0, "ignored a malformed ACK (id 0x", "sending again (2 of 5)",
                            "piggybacked response\n2.05 Content\n")
        self.assertTrue(stdout.endswith("\nthe second answer\n"), stdout)
        self.assertTrue(self.check(results["format-twice"], 0).endswith("payload: 2 bytes, content-format 0\n{}\n"))
        self.check(results["reset"], 1, "the server rejected the request (RST)")
        stdout = self.check(results["chatty"], 0, "ignored an unexpected ACK message (id 0x",
                            "reset an unexpected CON message (id 0x7001)\n",
                            "empty ACK: the response will come separately\n",
                            "ignored an unexpected NON message (id 0x7002)\n",
                            "separate response (CON, id 0x6000), acknowledged\n2.05 Content\n")
        self.assertTrue(stdout.endswith("payload: 14 bytes, content-format 0\nstranger reset\n"), stdout)
        self.check(results["other"], 1, "4.04 Not Found\n")
        self.check(results["unknown name"], 1, "resolving missing.test", "gethostbyname: NSAPI_ERROR_DNS_FAILURE")
        with open(log) as f:
            lines = f.read().splitlines()
        self.assertIn("RST 0x7001", lines)
        self.assertIn("ACK 0x6000", lines, "the separate response was acknowledged")

    def test_options_sent(self):
        """The options on the wire, as the fake's /echo/... lists them (NUMBER:VALUE) in its answer."""
        cases = {
            # Uri-Host for a name; each &-separated part %-decoded, an empty one too.
            "get 'coap://coap.test/echo?a=1&b%20c&&%26=%3f'":
                "3:b'coap.test' 11:b'echo' 15:b'a=1' 15:b'b c' 15:b'' 15:b'&=?'",
            "get 'coap://{ip}/echo?'": "11:b'echo'",  # an empty query: no Uri-Query
            "put 'coap://{ip}/echo?x' hello": "11:b'echo' 12:b'' 15:b'x'",  # Content-Format 0, text/plain
            # Dot segments resolved, also %-encoded ones; one at the end leaves an empty segment.
            "get 'coap://{ip}/x/../echo/./a/%2E%2e/b/c/..'": "11:b'echo' 11:b'b' 11:b''",
            "get 'coap://{ip}/../" + "a/../" * 100 + "echo/%2Fx'": "11:b'echo' 11:b'/x'",
        }
        results = run_cases("posix", [f"python3 {FAKE} {{ip}} 5683 {os.devnull}", DNSMASQ], list(cases))
        for (args, options), result in zip(cases.items(), results):
            with self.subTest(args=args[:50]):
                stdout = self.check(result, 0, "2.05 Content\n")
                self.assertTrue(stdout.endswith(f"\n{options}\n"), stdout)

    def secure_server(self, config):
        """coaps:// against coap-server-openssl: a PSK (libcoap's -k, with a hint), then certificates both
        ways (-c/-j, and -R: the client's certificate checked), by name; a name the certificate lacks."""
        with tempfile.TemporaryDirectory(prefix="nsapi-coaps-") as certs:
            subprocess.run(["sh", os.path.join(HERE, "..", "tls", "make_certs.sh"), certs], check=True)
            psk_server = "coap-server-openssl -A {ip} -p 5683 -k secretkey -h hint"
            [psk, wrong_identity_ok] = run_cases(config, [psk_server], [
                "--psk-identity nsapi --psk secretkey get coaps://{ip}/time",
                "--psk-identity other --psk secretkey get coaps://{ip}:5684/time"], udp_ports=[5684])
            pki_server = f"coap-server-openssl -A {{ip}} -p 5683 -c {certs}/server.pem -j {certs}/server.key" \
                         f" -R {certs}/ca.pem"
            mine = f"--cacert {certs}/ca.pem --cert {certs}/client.pem --key {certs}/client.key"
            [pki, by_address] = run_cases(config, [pki_server, netns.DNSMASQ.replace("partner.test", "tls.test")], [
                f"{mine} get coaps://tls.test/time", f"{mine} get coaps://{{ip}}/time"])
        ip = netns.CONFIGS[config]["server"]
        self.check(psk, 0, "DTLS: DTLSv1.2, TLS-PSK-WITH-AES-128-CCM-8, pre-shared key\n",
                   f"to {ip} port 5684 (CON", "2.05 Content\n")
        self.check(wrong_identity_ok, 0, "2.05 Content\n")  # the server checks the key, not the identity
        self.check(pki, 0, "resolving tls.test", "server certificate verified\n", "2.05 Content\n")
        self.check(by_address, 1, "DTLS: X509 - Certificate verification failed",
                   "DTLS handshake: NSAPI_ERROR_AUTH_FAILURE")

    def test_secure_server_posix(self):
        self.secure_server("posix")

    def test_secure_server_lwip_tap(self):
        self.secure_server("lwip-tap")

    def test_no_server(self):
        # stdout and stderr into one pipe: the progress lines come before the final error.
        rc, output, _ = netns.run("posix", [], [], "coap_client", "--ack-timeout 10 get coap://{ip}/time 2>&1")
        self.check((rc, output, ""), 1, "sending again (5 of 5)\n", "no answer after 5 transmissions over ")
        self.assertNotIn("last rejected", output)
        self.assertLess(output.index("sending again (5 of 5)"), output.index("no answer after 5 transmissions"), output)

    def test_bad_usage(self):
        long_payload = "x" * 1025
        cases = {
            "": "usage: coap_client",
            "get": "usage: coap_client",
            "delete coap://{ip}/time": "usage: coap_client",
            "get http://{ip}/time": "usage: coap_client",
            "get coap://{ip}/time payload": "usage: coap_client",
            "get coap://{ip}/time#fragment": "usage: coap_client",
            "--psk key get coaps://{ip}/time": "usage: coap_client",
            "--psk-identity id --psk key get coap://{ip}/time": "usage: coap_client",
            "--cert c.pem get coaps://{ip}/time": "usage: coap_client",
            "get coap://{ip}:0/time": "usage: coap_client",
            "--ack-timeout 5 get coap://{ip}/time": "usage: coap_client",
            f"put coap://{{ip}}/x {long_payload}": "the payload is over 1024 bytes",
            "get coap://{ip}/" + "y" * 256: "a URL path segment or query part over 255 bytes",
            "get coap://{ip}/a%2": "a bad %-encoding in the URL",
            "get coap://{ip}" + "/a" * 65: "over 64 URL path segments",
            # (A short ACK_TIMEOUT in case one is taken and sent nowhere.)
            "--ack-timeout 10 get coap://na%6De/time": "usage: coap_client",  # names are not %-decoded
            "--ack-timeout 10 get coap://user@{ip}/time": "usage: coap_client",
            "--ack-timeout 10 get 'coap://[name]/time'": "usage: coap_client",  # brackets: IPv6 only
            "--ack-timeout 10 get 'coap://[{ip}]/time'": "usage: coap_client",
        }
        for (args, text), result in zip(cases.items(), run_cases("posix", [], list(cases), udp_ports=[])):
            with self.subTest(args=args[:40]):
                self.check(result, 2, text)


if __name__ == "__main__":
    unittest.main()
