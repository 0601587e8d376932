"""Running the mps2 board's firmware (build/board/*.elf, `scons board`) under qemu-system-arm's
mps2-an386, its LAN9118 on a TAP device in a network namespace of its own whose kernel side runs
the peers (dnsmasq for DHCP and DNS, python3's http.server, inetd's echo services ...).  QEMU's
exit status is the firmware's semihosting exit (0 success, 1 failure); `timeout` kills a firmware
that hangs, so a hang fails (status 124) instead of stalling the suite."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples"))
import netns  # noqa: E402

FIRMWARE = os.path.join(netns.ROOT, "build", "board")
TAP_SETUP = ("ip link set lo up && ip tuntap add dev nsapi0 mode tap && ip addr add 192.168.7.1/24 dev nsapi0"
             " && ip link set nsapi0 up")
DHCP_DNS = ("/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces"
            " --interface=nsapi0 --listen-address=192.168.7.1 --pid-file= --user=root --local=/test/"
            " --host-record=www.demo.test,192.168.7.1 --dhcp-leasefile=/tmp/nsapi-board-$$.leases"
            " --dhcp-range=192.168.7.100,192.168.7.150,255.255.255.0,1h --dhcp-option=option:router,192.168.7.1"
            " --dhcp-option=option:dns-server,192.168.7.1")


def wait(port, proto):
    """A shell loop: until something listens on port (tcp or udp), 5 s at most."""
    return f"""i=0
until [ -n "$(ss -Hl{proto[0]}n 'sport = :{port}')" ]; do
    i=$((i + 1)); [ $i -lt 50 ] || {{ kill $pids; exit {netns.NOT_LISTENING}; }}; sleep 0.1
done"""


def qemu(elf, seconds, extra=""):
    """The shell line booting elf on mps2-an386 with its NIC on nsapi0, killed after seconds."""
    assert os.path.exists(os.path.join(FIRMWARE, elf)), f"no {elf}: `scons board` needs arm-none-eabi-gcc (tools/install-deps)"
    return (f"timeout -k 2 {seconds} qemu-system-arm -M mps2-an386 -display none -serial stdio -monitor none"
            f" -semihosting-config enable=on,target=native -nic tap,ifname=nsapi0,script=no,downscript=no"
            f" {extra} -kernel {os.path.join(FIRMWARE, elf)}")


def run(command, servers=(), listening=(), timeout=90):
    """command (a shell line) in a namespace with dnsmasq and the servers (shell lines) on nsapi0's
    kernel side, once they listen ((port, "tcp" or "udp") pairs); (rc, stdout, stderr)."""
    starts = "\n".join(f'{s} >/dev/null 2>&1 & pids="$pids $!"' for s in servers)
    waits = "\n".join(wait(port, proto) for port, proto in [(67, "udp"), (53, "udp")] + list(listening))
    script = f"""
set -u
pids=""
{TAP_SETUP} || exit {netns.SETUP_FAILED}
{DHCP_DNS} >/dev/null 2>&1 & pids="$pids $!"
{starts}
{waits}
{command}
rc=$?
kill $pids; wait
rm -f /tmp/nsapi-board-$$.leases
exit $rc
"""
    return netns.run_script(script, timeout)
