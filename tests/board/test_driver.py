"""The LAN9118 driver alone (tests/board/driver.c) on QEMU's mps2-an386: a burst of 300 datagrams
of 1000 bytes (300 kB) while the firmware does not poll, far beyond the controller's RX FIFO:
what it takes in afterwards is intact and never twice, the rest counted as dropped; then the
link set down and up on QEMU's monitor (set_link): the interface goes DISCONNECTED, comes back
GLOBAL_UP with a lease, and a name resolves again."""

import os
import re
import unittest

import qemu

SENDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "burst_sender.py")


def until(text, seconds=30):
    """A shell loop: until the console shows text, or fail (status 93) after seconds."""
    return f"""i=0
until grep -q "{text}" "$console"; do
    i=$((i + 1)); [ $i -lt {seconds * 10} ] || {{ kill $qemu; exit 93; }}; sleep 0.1
done"""


class Driver(unittest.TestCase):
    def test_burst_and_link_down_and_up(self):
        command = f"""console=$(mktemp) monitor=$(mktemp -u)
{qemu.qemu("driver.elf", 90, "-monitor unix:$monitor,server,nowait")} > "$console" 2>&1 & qemu=$!
{until("link test: pull the cable")}
echo "set_link net0 off" | socat - "UNIX-CONNECT:$monitor" > /dev/null
{until("link down seen")}
echo "set_link net0 on" | socat - "UNIX-CONNECT:$monitor" > /dev/null
wait $qemu; rc=$?
cat "$console"; rm -f "$console"
exit $rc"""
        rc, out, err = qemu.run(command.replace("-nic tap,", "-nic tap,id=net0,"),
                                servers=[f"python3 {SENDER}"], timeout=120)
        self.assertEqual(rc, 0, out + err)
        burst = re.search(r"^burst: sent 300, received (\d+), dropped (\d+), corrupt 0, twice 0$", out, re.M)
        self.assertIsNotNone(burst, out)
        self.assertGreater(int(burst.group(1)), 0, out)
        self.assertIn("link test: up again\n", out)
        self.assertIn("2 passed, 0 failed\n", out)


if __name__ == "__main__":
    unittest.main()
