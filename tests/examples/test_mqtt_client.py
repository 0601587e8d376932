"""examples/mqtt_client against Debian's mosquitto 2.0, in a network namespace of each case's own,
over POSIX on 127.0.0.1 and over lwIP on a TAP device with the broker on the kernel's side (found by
name through dnsmasq): it subscribes, publishes its own message at QoS 0 and at QoS 1 and receives
it back; receives what mosquitto_pub publishes at QoS 0 and 1 once it has subscribed; keeps an idle
connection alive with PINGREQ (mosquitto's log shows them answered); subscribes to a filter with
wildcards.  Also its errors: a message larger than its buffer, a refused connection, an address
nobody answers on (--time bounds the connect), bad usage (topics MQTT forbids), and a fake broker
(fake_broker.py) that refuses, is silent, trickles or cuts a packet, sends malformed PUBLISHes, packets
the client has no place for (an unsolicited PINGRESP is refused) or stops answering PINGREQ."""

import concurrent.futures
import os
import re
import shlex
import struct
import tempfile
import unittest

import netns

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT = os.path.join(netns.EXAMPLES, "mqtt_client")
FAKE = os.path.join(HERE, "fake_broker.py")
TOPIC = "nsapi/test"
MOSQUITTO_CONF = "listener 1883 {ip}\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n"
CONNECTED = re.compile(r"^connected as (nsapi\d+) \(clean session, keep-alive (\d+) s\)$", re.M)


def with_broker(config, args, then="", seconds=20, broker_conf=MOSQUITTO_CONF, port=1883, name="broker.test"):
    """In a fresh namespace: mosquitto and dnsmasq (broker.test) on the kernel's side, then the client
    with args (and --time seconds: a failing case fails sooner than the default minute) in the
    background; once it printed its "subscribed" line, the shell commands then (which may read its
    output so far in $out) run.  broker_conf: mosquitto's configuration ({ip} and {tmp} filled in), listening on
    port; name: the broker's in DNS.  (rc, stdout, stderr, mosquitto's log)."""
    c = netns.CONFIGS[config]
    ip = c["server"]
    with tempfile.TemporaryDirectory(prefix="nsapi-mqtt-") as tmp:
        conf, out, err, log = (os.path.join(tmp, name) for name in ("mosquitto.conf", "out", "err", "log"))
        with open(conf, "w") as f:
            f.write(broker_conf.format(ip=ip, tmp=tmp))
        script = f"""
set -u
{c["setup"]} || exit {netns.SETUP_FAILED}
out={shlex.quote(out)}
/usr/sbin/mosquitto -c {shlex.quote(conf)} > {shlex.quote(log)} 2>&1 &
{netns.DNSMASQ.format(ip=ip).replace("partner.test", name)} > /dev/null 2>&1 &
i=0
until python3 -c "import socket; socket.create_connection(('{ip}', {port}), 0.2)" 2>/dev/null \\
      && [ -n "$(ss -Hlun 'sport = :53')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || exit {netns.NOT_LISTENING}; sleep 0.1
done
{shlex.quote(CLIENT)} {c["options"]} {args.format(ip=ip)} --time {seconds} > $out 2> {shlex.quote(err)} & client=$!
i=0
until grep -q '^subscribed' $out || ! kill -0 $client 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.1
done
{then.format(ip=ip)}
wait $client
"""
        rc, _, _ = netns.run_script(script)
        with open(out) as f1, open(err) as f2, open(log) as f3:
            return rc, f1.read(), f2.read(), f3.read()


def pub(qos, message, topic=TOPIC):
    return f"mosquitto_pub -h {{ip}} -t {topic} -q {qos} -m {shlex.quote(message)}"


def packet(first, body=b""):
    """A packet of fewer than 128 bytes as hexadecimal, for fake_broker.py's MODE-HEX."""
    return bytes([first, len(body)]).hex() + body.hex()


def publish(first, topic=TOPIC.encode(), rest=b"m"):
    """A PUBLISH as hexadecimal: first byte, topic, then rest (a packet id at QoS 1 and 2, the message)."""
    return packet(first, struct.pack("!H", len(topic)) + topic + rest)


def against_fake(cases):
    """Each (mode, client arguments) against a fake broker of its own, over POSIX, a few at once:
    {(mode, args): (rc, stdout, stderr)}."""
    def one(case):
        return netns.run("posix", [f"python3 {FAKE} {{ip}} 1883 {case[0]}"], [1883], "mqtt_client",
                         f"{{ip}} {TOPIC} {case[1]}")
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        return dict(zip(cases, pool.map(one, cases)))


class MqttClient(unittest.TestCase):
    def connected(self, stdout, keepalive):
        match = CONNECTED.search(stdout)
        self.assertIsNotNone(match, stdout)
        self.assertEqual(match.group(2), str(keepalive))
        return match.group(1)

    def exchange(self, config):
        """Its own QoS 0 message back, and two from mosquitto_pub (QoS 0 and 1), by name."""
        rc, stdout, stderr, log = with_broker(
            config, f"broker.test {TOPIC} --publish 'hello at qos 0' --count 3",
            then=pub(0, "from mosquitto_pub at qos 0") + "\n" + pub(1, "from mosquitto_pub at qos 1"))
        self.assertEqual(rc, 0, stdout + stderr + log)
        client = self.connected(stdout, 60)
        lines = stdout.splitlines()
        self.assertEqual(lines[0], f"connecting to {netns.CONFIGS[config]['server']} port 1883")
        for line in (f"subscribed to {TOPIC} (granted qos 1)", f"published 14 bytes to {TOPIC} (qos 0)",
                     f"received on {TOPIC} (qos 0): hello at qos 0",
                     f"received on {TOPIC} (qos 0): from mosquitto_pub at qos 0",
                     f"received on {TOPIC} (qos 1): from mosquitto_pub at qos 1"):
            self.assertIn(line, lines)
        self.assertEqual(lines[-1], "disconnected after 3 messages")
        self.assertRegex(log, rf"Received PUBACK from {client} \(Mid: \d+", "the QoS 1 delivery answered")
        self.assertIn(f"Received DISCONNECT from {client}", log)

    def qos1_round_trip(self, config):
        """Its own 1000-byte message at QoS 1: PUBACK for its packet id, and the message back."""
        message = "".join(chr(ord("a") + i % 26) for i in range(1000))
        rc, stdout, stderr, log = with_broker(config, f"{{ip}}:1883 {TOPIC} --publish {message} --qos 1")
        self.assertEqual(rc, 0, stdout + stderr + log)
        client = self.connected(stdout, 60)
        for line in (f"published 1000 bytes to {TOPIC} (qos 1)", "PUBACK for packet 2",
                     f"received on {TOPIC} (qos 1): {message[:200]}... (1000 bytes)", "disconnected after 1 message"):
            self.assertIn(line, stdout.splitlines())
        self.assertIn(f"Received PUBLISH from {client} (d0, q1, r0, m2, '{TOPIC}', ... (1000 bytes))", log)

    def keepalive(self, config):
        """Idle with a 1 s keep-alive: PINGREQs answered, then a message from mosquitto_pub."""
        rc, stdout, stderr, log = with_broker(config, f"{{ip}} {TOPIC} --keepalive 1", then=f"""
i=0
until [ "$(grep -c '^PINGRESP received' $out)" -ge 2 ] || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done
{pub(1, "after the pings")}""")
        self.assertEqual(rc, 0, stdout + stderr + log)
        client = self.connected(stdout, 1)
        pings = stdout.count("idle for 1 s: PINGREQ sent\nPINGRESP received\n")
        self.assertGreaterEqual(pings, 2, stdout)
        self.assertIn(f"received on {TOPIC} (qos 1): after the pings", stdout)
        self.assertGreaterEqual(log.count(f"Received PINGREQ from {client}\n"), pings, log)
        self.assertGreaterEqual(log.count(f"Sending PINGRESP to {client}\n"), pings, log)

    def test_posix(self):
        self.exchange("posix")
        self.qos1_round_trip("posix")

    def test_lwip_tap(self):
        self.exchange("lwip-tap")
        self.qos1_round_trip("lwip-tap")

    def test_keepalive_posix(self):
        self.keepalive("posix")

    def test_keepalive_lwip_tap(self):
        self.keepalive("lwip-tap")

    def test_message_too_big(self):
        """A 5000-byte message from mosquitto_pub: refused with a message, never read into the buffer."""
        rc, stdout, stderr, log = with_broker("posix", f"{{ip}} {TOPIC}", then=pub(0, "x" * 5000))
        self.assertEqual(rc, 1, stdout + stderr)
        self.assertIn("the broker sent a PUBLISH of 5012 bytes; this client takes at most 4096", stderr)
        self.assertNotIn("received on", stdout)

    def test_deadline(self):
        """Fewer messages than --count within --time: an error, after the one that came."""
        rc, stdout, stderr, _ = with_broker("posix", f"{{ip}} {TOPIC} --publish once --count 2", seconds=2)
        self.assertEqual(rc, 1, stdout + stderr)
        self.assertIn(f"received on {TOPIC} (qos 0): once", stdout)
        self.assertIn("1 of 2 messages received in 2 s", stderr)

    def test_refused_connection_and_bad_usage(self):
        rc, _, stderr = netns.run("posix", [], [], "mqtt_client", f"{{ip}}:1884 {TOPIC}")
        self.assertEqual(rc, 1)
        self.assertIn("connect: NSAPI_ERROR_NO_CONNECTION", stderr)
        bad = {"": "", "{ip}": "", "{ip} t --qos 2": "", "{ip}:0 t": "", "{ip}:x t": "", "[::1 t": "",
               "{ip} t --count": "", "{ip} t --time 0": "", "{ip} t u": "", "{ip} '' --publish x": "",
               "{ip} t --wait 3": "",
               "{ip} t --qos 1": "--qos is the QoS of the message --publish sends: it needs --publish",
               "{ip} t --qos 0": "--qos is the QoS of the message --publish sends: it needs --publish",
               "{ip} a/+ --publish x": "a topic with + or # is a filter",
               "{ip} a/# --publish x": "a topic with + or # is a filter",
               f"{{ip}} t --publish {'y' * 4092}": "TOPIC (at most 4091 bytes) and MESSAGE together must fit in 4092",
               "{ip} $'a/\\xc3'": "TOPIC is not well-formed UTF-8",       # cut short
               "{ip} $'\\xc0\\xaf'": "TOPIC is not well-formed UTF-8",   # an overlong /
               "{ip} $'\\xed\\xa0\\x80'": "TOPIC is not well-formed UTF-8",  # a UTF-16 surrogate
               "{ip} $'\\xf4\\x90\\x80\\x80'": "TOPIC is not well-formed UTF-8",  # past U+10FFFF
               "{ip} $'\\xff'": "TOPIC is not well-formed UTF-8"}
        for topic in ("a+", "a/+b", "+a/b", "a/#/b", "a#", "#/a", "a/##"):
            bad[f"{{ip}} '{topic}'"] = "TOPIC: + must fill a whole level, # the whole last one"
        for args, text in bad.items():
            with self.subTest(args=args[:30]):
                rc, _, stderr = netns.run("posix", [], [], "mqtt_client", args)
                self.assertEqual(rc, 2, stderr)
                self.assertIn(text, stderr)
                self.assertIn("usage: mqtt_client", stderr)

    def test_connect_deadline(self):
        """An address nobody answers on: the connect ends with --time, not after 10 s.  Over POSIX the
        network of a TUN device no program reads (what is sent there goes nowhere); over lwIP an address
        on the TAP link that no one holds (ARP goes unanswered)."""
        for config, setup, address in (
                ("posix", "ip link set lo up && ip tuntap add dev nobody mode tun"
                          " && ip addr add 10.9.0.1/24 dev nobody && ip link set nobody up", "10.9.0.2"),
                ("lwip-tap", netns.CONFIGS["lwip-tap"]["setup"], "192.168.7.9")):
            with self.subTest(config=config):
                rc, stdout, stderr = netns.run_script(f"""
{setup} || exit {netns.SETUP_FAILED}
{shlex.quote(CLIENT)} {netns.CONFIGS[config]["options"]} {address} {TOPIC} --time 2
""")
                self.assertEqual(rc, 1, stdout + stderr)
                self.assertIn(f"connecting to {address} port 1883", stdout)
                self.assertRegex(stderr, r"connect: no answer from the broker within [12]\.\d s \(the end of --time\)")

    def test_filter(self):
        """A filter with both wildcards, each where 3.1.1 allows it, and a letter beyond ASCII (UTF-8 is
        taken both ways): a message on a topic it matches."""
        rc, stdout, stderr, log = with_broker("posix", "{ip} '+/t\u00e9st/#'", then=pub(1, "matched", "a/t\u00e9st/b/c"))
        self.assertEqual(rc, 0, stdout + stderr + log)
        self.assertIn("subscribed to +/t\u00e9st/# (granted qos 1)\n"
                      "received on a/t\\xc3\\xa9st/b/c (qos 1): matched\n", stdout)

    def test_misbehaving_broker(self):
        within = r"within [12]\.\d s \(the end of --time\)"  # 2 s less what went before: not 10 s
        want = {
            "refuse-5": ("", "the broker refused the connection: return code 5 (not authorized: "),
            "refuse-1": ("", "return code 1 (unacceptable protocol version: the broker does not speak MQTT 3.1.1)"),
            "refuse-9": ("", "return code 9 (reserved: not a code MQTT 3.1.1 defines)"),
            "hang-up": ("", "the broker closed the connection\n"),
            "bad-length": ("", "a malformed SUBACK: its remaining length goes on past 4 bytes"),
            "sub-refused": ("", f"the broker refused the subscription to {TOPIC} (SUBACK 0x80"),
            "huge": ("", "the broker sent a PUBLISH of 268435455 bytes; this client takes at most 4096"),
            "bad-publish": ("", "a malformed PUBLISH (3 bytes, qos 0): its topic runs past its end"),
            "wrong-puback": ("--publish x --qos 1", "a PUBACK of 2 bytes for packet 7, while awaiting one for packet 2"),
            "no-pingresp": ("--keepalive 1", "no PINGRESP within 1 s of the PINGREQ: the broker is gone"),
            # Waits cut by --time, and packets cut short.
            "silent": ("--time 2", re.compile("no CONNACK from the broker " + within)),
            "trickle": ("--time 2", re.compile("a packet cut short: its rest did not come " + within)),
            "cut-" + publish(0x30)[:12]: ("", "the broker closed the connection in the middle of a packet"),
            "cut-3080": ("", "the broker closed the connection in the middle of a packet"),  # in its length
            # PUBLISHes MQTT 3.1.1 forbids, and one at a QoS above the 1 subscribed to.
            "send-" + publish(0x36, rest=b"\x00\x05m"): ("", "a malformed PUBLISH (15 bytes, qos 3): qos 3 does not exist"),
            "send-" + publish(0x38): ("", "a malformed PUBLISH (13 bytes, qos 0): DUP set at qos 0"),
            "send-" + publish(0x32, rest=b"\x00\x00m"): ("", "a malformed PUBLISH (15 bytes, qos 1): packet id 0"),
            "send-" + publish(0x32, rest=b"\x00"): ("", "a malformed PUBLISH (13 bytes, qos 1): its topic and packet id run"),
            "send-" + publish(0x30, b""): ("", "a malformed PUBLISH (3 bytes, qos 0): an empty topic"),
            "send-" + publish(0x30, b"a/+"): ("", "a malformed PUBLISH (6 bytes, qos 0): + or # in its topic"),
            "send-" + publish(0x30, b"a/#"): ("", "a malformed PUBLISH (6 bytes, qos 0): + or # in its topic"),
            "send-" + publish(0x30, b"a\x00b"): ("", "a malformed PUBLISH (6 bytes, qos 0): a topic that is not UTF-8"),
            "send-" + publish(0x30, b"a\xc3"): ("", "a malformed PUBLISH (5 bytes, qos 0): a topic that is not UTF-8"),
            "send-" + publish(0x30, b"\xed\xbf\xbf"): ("", "a malformed PUBLISH (6 bytes, qos 0): a topic that is not"),
            "send-" + publish(0x34, rest=b"\x00\x05m"): ("", "a PUBLISH at qos 2: above the qos 1 subscribed to"),
            # Packets with no place where they came: named for their type, whatever their flags.
            "send-" + packet(0x62, b"\x00\x01"): ("", "an unexpected PUBREL (2 bytes) from the broker\n"),
            "send-" + packet(0x20, b"\x00\x00"): ("", "an unexpected CONNACK (2 bytes) from the broker\n"),
            "send-" + packet(0x00): ("", "an unexpected reserved (0) (0 bytes) from the broker\n"),
            "send-" + packet(0xF5): ("", "an unexpected reserved (15) (0 bytes) from the broker\n"),
            "send-" + packet(0xD0): ("", "an unexpected PINGRESP (0 bytes) from the broker: no PINGREQ awaits one"),
            "connack-" + publish(0x30): ("", "expected a CONNACK first, got a PUBLISH (13 bytes)"),
            "connack-" + packet(0x20, b"\x01\x00"): ("", "a malformed CONNACK (flags 0, 2 bytes): not 2 bytes with no "),
            # SUBACKs for no SUBSCRIBE of ours: a wrong packet id, a second one, wrong flags.
            "suback-" + packet(0x90, b"\x00\x07\x01"): (
                "", "a SUBACK of 3 bytes for packet 7, while awaiting one of 3 bytes for packet 1"),
            "send-" + packet(0x90, b"\x00\x01\x01"): ("", "a SUBACK of 3 bytes for packet 1, while already subscribed"),
            "suback-" + packet(0x92, b"\x00\x01\x01"): ("", "a malformed SUBACK: flags 2 where 3.1.1 says 0"),
        }
        results = against_fake([(mode, args) for mode, (args, _) in want.items()])
        for mode, (args, text) in want.items():
            with self.subTest(mode=mode):
                rc, stdout, stderr = results[(mode, args)]
                self.assertEqual(rc, 1, stdout + stderr)
                if isinstance(text, str):
                    self.assertIn(text, stderr)
                else:
                    self.assertRegex(stderr, text)
                self.assertNotIn("received on", stdout)
                self.assertNotIn("runtime error", stderr)  # UBSan

    def test_message_before_suback(self):
        """A broker may deliver before its SUBACK: taken, answered with the right PUBACK (the fake broker
        sends its SUBACK only after that), 200 raw bytes printed escaped."""
        for config in ("posix", "lwip-tap"):
            with self.subTest(config=config):
                rc, stdout, stderr = netns.run(config, [f"python3 {FAKE} {{ip}} 1883 early"], [1883], "mqtt_client",
                                               f"{{ip}} {TOPIC}")
                self.assertEqual(rc, 0, stdout + stderr)
                escaped = "".join(chr(b) if 0x20 <= b < 0x7f and b != 0x5c else f"\\x{b:02x}" for b in range(200))
                lines = stdout.splitlines()
                self.assertEqual(lines[2:], [f"received on {TOPIC} (qos 1): {escaped}",
                                             f"subscribed to {TOPIC} (granted qos 1)", "disconnected after 1 message"])


if __name__ == "__main__":
    unittest.main()
