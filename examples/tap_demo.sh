#!/bin/sh
# The demo's second part, as root: examples/http_client on lwIP over a TAP
# device resolves a name with dnsmasq and fetches a page from python3's
# http.server, both on the kernel's side of the device, in network and PID
# namespaces made for the purpose and gone, with every process in them, when
# it ends.
set -eu
client="$(cd "$(dirname "$0")/.." && pwd)/build/release/examples/http_client"
if [ "$(id -u)" -ne 0 ]; then
    printf '\n(the TAP part of the demo needs root: sudo scons demo)\n'
    exit 0
fi
exec unshare -n -p -f --kill-child -- /bin/sh -eu -c '
client=$1
printf "\n=== Part 2, as root: lwIP on a TAP device, with the kernel on the other side\n"
say() { printf "\n== %s\n" "$*"; }
wait_for() { # wait_for PORT tcp|udp: until something listens there, 5 s at most
    i=0
    until [ -n "$(ss -Hln"$(echo "$2" | cut -c1)" "sport = :$1")" ]; do
        i=$((i + 1)); [ $i -lt 50 ] || { echo "nothing on port $1/$2" >&2; exit 1; }; sleep 0.1
    done
}
say "1. a network namespace with TAP device nsapi0: the kernel at 192.168.7.1, lwIP will be 192.168.7.2"
ip link set lo up
ip tuntap add dev nsapi0 mode tap
ip addr add 192.168.7.1/24 dev nsapi0
ip link set nsapi0 up
www=$(mktemp -d)
trap "rm -rf $www" EXIT
printf "<!DOCTYPE html>\n<html><body><p>Hello from the kernel side of nsapi0</p></body></html>\n" > "$www/index.html"
say "2. on the kernel side: dnsmasq answers www.demo.test, python3 -m http.server serves port 8080"
/usr/sbin/dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces \
    --listen-address=192.168.7.1 --pid-file= --user=root --local=/test/ --host-record=www.demo.test,192.168.7.1 \
    2>/dev/null &
/usr/bin/python3 -m http.server --bind 192.168.7.1 --directory "$www" 8080 2>&1 | sed -u "s/^/  http.server: /" &
wait_for 53 udp
wait_for 8080 tcp
say "3. http_client --stack lwip-tap --dns 192.168.7.1 http://www.demo.test:8080/ (then the page it saved)"
stdbuf -oL "$client" --stack lwip-tap --dns 192.168.7.1 http://www.demo.test:8080/ -o "$www/fetched.html"
cat "$www/fetched.html"
say "4. the namespace goes, with its device and servers"
' tap_demo "$client"
