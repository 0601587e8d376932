"""Every example's command line as a newcomer meets it: --help and -h print the usage on stdout and
exit 0, naming the program by its basename and every argument and option with its default (the
interface options included); bad usage still goes to stderr with exit 2, a malformed NSAPI_INTERFACE
or --interface too; and a name looked up with no DNS server configured says so and names --dns. Over
lwIP's loopback netif in this process: nothing here touches a network, so no namespace is needed."""

import os
import re
import subprocess
import unittest

import netns

# Each program's own arguments and options, each with a text its help must give for it (its default
# or its range; "" when it has none).
PROGRAMS = {
    "http_client": {"--cacert FILE": "(default /etc/ssl/certs", "http[s]://HOST[:PORT][/PATH]": "PORT 80 (https: 443)",
                    "-o FILE": "default: the body is counted"},
    "http_server": {"--backlog N": "(default: 64)", "--cert FILE": "(default: plain HTTP)", "--key FILE": "", "PORT": "1 to 65535",
                    "REQUESTS": "default: serve until SIGINT or SIGTERM"},
    "echo_server": {"PORT": "1 to 65535", "CLIENTS": "default: serve until SIGINT or SIGTERM"},
    "tcp_ping_pong": {"HOST": "", "PORT": "1 to 65535", "ROUNDS": "(default 100)", "SIZE": "1 to 65536 (default 1000)"},
    "udp_ping_pong": {"HOST": "", "PORT": "1 to 65535", "ROUNDS": "(default 100)", "SIZE": "4 to 65507 (default 1000)"},
    "mqtt_client": {"--cacert FILE": "(default /etc/ssl/certs)", "BROKER": "PORT 1883 (mqtts: 8883)", "TOPIC": "", "--publish MESSAGE": "(default: none)",
                    "--qos 0|1": "(default 0)", "--count N": "(default 1", "--keepalive SECONDS": "(default 60",
                    "--time SECONDS": "(default 60)"},
    "coap_client": {"get|put": "", "coap[s]://HOST[:PORT][/PATH][?QUERY]": "PORT 5683 (coaps: 5684",
                    "PAYLOAD": "(default empty)", "--ack-timeout MS": "(default 2000)",
                    "--psk-identity ID": "(default: none", "--psk KEY": "", "--cacert FILE": "(default /etc/ssl/certs)",
                    "--cert FILE": "(default: none)", "--key FILE": ""},
    "websocket_client": {"--cacert FILE": "(default /etc/ssl/certs)", "ws[s]://HOST[:PORT][/PATH][?QUERY]": "PORT 80 (wss: 443",
                         "--message TEXT": "(default: the whole script"},
}
# examples/common/example_network.c's options and defaults, the same in every program.
STACK = {"--interface SPEC": "(default: NSAPI_INTERFACE, else the build's; now lwip-loop)",
         "--stack lwip-loop|lwip-tap|posix": "(default: --interface)", "--tap NAME": "(default nsapi0)",
         "--ip ADDRESS": "(default: DHCP; --stack lwip-tap 192.168.7.2)",
         "--gateway ADDRESS": "(default none; --stack lwip-tap 192.168.7.1)",
         "--ip6 ADDRESS": "(default none; --stack lwip-tap fd07::2)", "--dhcp": "(default: DHCP unless",
         "--dns ADDRESS": "(default: those DHCP gave", "-h, --help": ""}
SPECS = "(lwip-tap:NAME, lwip-loop, posix or posix:NAME)"
CLIENTS = {"http_client": "http://missing.test/", "tcp_ping_pong": "missing.test 7", "udp_ping_pong": "missing.test 7",
           "mqtt_client": "missing.test topic", "coap_client": "get coap://missing.test/", "websocket_client":
           "ws://missing.test/"}


def run(program, *args, interface="lwip-loop"):
    """The program with NSAPI_INTERFACE set (lwIP's loopback: no network, no privileges)."""
    p = subprocess.run([os.path.join(netns.EXAMPLES, program), *args], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "NSAPI_INTERFACE": interface})
    return p.returncode, p.stdout, p.stderr


def entries(help_text):
    """{name: its text} for each entry of a help: a line "  NAME  text", then lines of more text indented further."""
    found, name = {}, None
    for line in help_text.splitlines():
        m = re.match(r"  (\S.*?)(?:  +(.*))?$", line)
        if m:
            name = m.group(1)
            found[name] = m.group(2) or ""
        elif name is not None and line.startswith("   "):
            found[name] += " " + line.strip()
        else:
            name = None
    return found


def synopsis_words(usage_line, program):
    """The arguments and options the usage line names after the interface's: "-o FILE", "ROUNDS", "get|put"."""
    rest = usage_line.split(f"usage: {program} [--interface SPEC] [INTERFACE OPTIONS] ", 1)[1]
    words = []
    for token in rest.split():
        token = token.lstrip("[")
        while token.count("]") > token.count("["):  # the brackets that close an optional part, not the URL's
            token = token[:-1]
        if words and words[-1].startswith("-") and " " not in words[-1] and not token.startswith("-"):
            words[-1] += " " + token  # an option's value
        else:
            words.append(token)
    return words


class Usage(unittest.TestCase):
    def test_help_on_stdout_with_every_option_and_default(self):
        for program, own in PROGRAMS.items():
            for args in (["--help"], ["-h"], ["--interface", "posix", "--help"]):
                with self.subTest(program=program, args=args):
                    rc, stdout, stderr = run(program, *args)
                    self.assertEqual((rc, stderr), (0, ""), stdout)
                    first = stdout.splitlines()[0]
                    self.assertTrue(first.startswith(f"usage: {program} [--interface SPEC] [INTERFACE OPTIONS] "), first)
                    found = entries(stdout)
                    for name, text in {**own, **STACK}.items():
                        self.assertIn(name, found, stdout)
                        self.assertIn(text, found[name], f"{name}: {found[name]}")
                    for word in synopsis_words(first, program):
                        self.assertIn(word, found, f"{word} in the usage line, not explained: {stdout}")

    def test_bad_usage_on_stderr(self):
        for program in PROGRAMS:
            with self.subTest(program=program):
                rc, stdout, stderr = run(program)
                self.assertEqual((rc, stdout), (2, ""), stderr)
                self.assertEqual(stderr.splitlines()[0].split()[:2], ["usage:", program], "the basename, not the path")
                self.assertIn(f"{program} --help lists every option and its default", stderr)
        rc, _, stderr = run("http_client", "http://localhost/", interface="wifi")
        self.assertEqual(rc, 2)
        self.assertIn(f"NSAPI_INTERFACE=wifi: not an interface {SPECS}", stderr)
        rc, _, stderr = run("http_client", "--interface", "lwip-tap:", "http://localhost/")
        self.assertEqual(rc, 2)
        self.assertIn(f"--interface lwip-tap:: not an interface {SPECS}", stderr)
        rc, _, stderr = run("http_client", "--interface", "lwip-loop", "--stack", "posix", "http://localhost/")
        self.assertEqual(rc, 2)
        self.assertIn("--interface and --stack are two spellings of one choice: give one", stderr)

    def test_no_dns_server_says_so(self):
        for program, args in CLIENTS.items():
            with self.subTest(program=program):
                rc, stdout, stderr = run(program, *args.split())
                self.assertEqual(rc, 1, stdout + stderr)
                self.assertIn("cannot resolve missing.test: no DNS server is configured (give --dns ADDRESS)", stderr)
                self.assertNotIn("runtime error", stderr)  # UBSan


if __name__ == "__main__":
    unittest.main()
