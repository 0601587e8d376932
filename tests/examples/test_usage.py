"""Every example's command line as a newcomer meets it: a name looked up with no DNS server
configured says so and names --dns.  Over lwIP's loopback netif in this process: nothing here
touches a network, so no namespace is needed."""

import os
import subprocess
import unittest

import netns

CLIENTS = {"http_client": "http://missing.test/", "tcp_ping_pong": "missing.test 7", "udp_ping_pong": "missing.test 7",
           "mqtt_client": "missing.test topic", "coap_client": "get coap://missing.test/", "websocket_client":
           "ws://missing.test/"}


def run(program, *args):
    p = subprocess.run([os.path.join(netns.EXAMPLES, program), *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


class Usage(unittest.TestCase):
    def test_no_dns_server_says_so(self):
        for program, args in CLIENTS.items():
            with self.subTest(program=program):
                rc, stdout, stderr = run(program, "--stack", "lwip-loop", *args.split())
                self.assertEqual(rc, 1, stdout + stderr)
                self.assertIn("cannot resolve missing.test: no DNS server is configured (give --dns ADDRESS)", stderr)
                self.assertNotIn("runtime error", stderr)  # UBSan


if __name__ == "__main__":
    unittest.main()
