#!/bin/sh
# The demo's first part, as root: the overview's worked example
# (examples/ethernet_http) on lwIP over a TAP device.  Its interface is the
# default one, NSAPI_INTERFACE=lwip-tap:nsapi0: it gets its address, gateway
# and DNS server by DHCP from dnsmasq, resolves www.demo.test with the same
# dnsmasq, and fetches a page from python3's http.server, all on the
# kernel's side of the device, in network and PID namespaces made for the
# purpose and gone, with every process in them, when it ends.
set -eu
example="$(cd "$(dirname "$0")/.." && pwd)/build/release/examples/ethernet_http"
if [ "$(id -u)" -ne 0 ]; then
    printf '\n(the worked example over TAP needs root: sudo scons demo)\n'
    exit 0
fi
exec unshare -n -p -f --kill-child -- /bin/sh -eu -c '
example=$1
printf "=== As root: the overview'\''s worked example, lwIP on a TAP device with the kernel on the other side\n"
say() { printf "\n== %s\n" "$*"; }
wait_for() { # wait_for PORT tcp|udp: until something listens there, 5 s at most
    i=0
    until [ -n "$(ss -Hln"$(echo "$2" | cut -c1)" "sport = :$1")" ]; do
        i=$((i + 1)); [ $i -lt 50 ] || { echo "nothing on port $1/$2" >&2; exit 1; }; sleep 0.1
    done
}
say "1. a network namespace with TAP device nsapi0, the kernel at 192.168.7.1"
ip link set lo up
ip tuntap add dev nsapi0 mode tap
ip addr add 192.168.7.1/24 dev nsapi0
ip link set nsapi0 up
www=$(mktemp -d)
trap "rm -rf $www" EXIT
printf "<!DOCTYPE html>\n<html><body><p>Hello from the kernel side of nsapi0</p></body></html>\n" > "$www/index.html"
say "2. on the kernel side: dnsmasq leases 192.168.7.100-150 (router and DNS 192.168.7.1) and answers" \
    "www.demo.test; python3 -m http.server serves port 80"
/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces \
    --interface=nsapi0 --listen-address=192.168.7.1 --pid-file= --user=root --log-facility=- \
    --local=/test/ --host-record=www.demo.test,192.168.7.1 --dhcp-leasefile="$www/leases" \
    --dhcp-range=192.168.7.100,192.168.7.150,255.255.255.0,1h --dhcp-option=option:router,192.168.7.1 \
    --dhcp-option=option:dns-server,192.168.7.1 2>&1 | grep --line-buffered -E "DHCP[A-Z]+\(" | sed -u "s/^[^ ]* /  dnsmasq: /" &
/usr/bin/python3 -m http.server --bind 192.168.7.1 --directory "$www" 80 2>&1 | sed -u "s/^/  http.server: /" &
wait_for 53 udp
wait_for 67 udp
wait_for 80 tcp
say "3. NSAPI_INTERFACE=lwip-tap:nsapi0 ethernet_http www.demo.test"
NSAPI_INTERFACE=lwip-tap:nsapi0 stdbuf -oL "$example" www.demo.test
say "4. the namespace goes, with its device and servers"
' tap_demo "$example"
