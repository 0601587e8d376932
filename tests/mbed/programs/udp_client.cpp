/*
 * A UDP client: Mbed 5's sendto(host, port, ...) and Mbed 6's sendto(address, ...) to the echo
 * service, recvfrom with the sender's address, then connect() and send/recv.
 */
#include "mbed.h"

#ifndef MBED_CONF_APP_ECHO_HOST
#error "build with -DMBED_CONF_APP_ECHO_HOST=\"name\""
#endif
#ifndef MBED_CONF_APP_ECHO_PORT
#define MBED_CONF_APP_ECHO_PORT 7
#endif

/* A datagram sent is one received, from the peer, with its bytes. */
static bool check_reply(UDPSocket &sock, const SocketAddress &peer, const char *text)
{
    char buf[64];
    SocketAddress from;
    nsapi_size_or_error_t n = sock.recvfrom(&from, buf, sizeof buf);
    bool ok = n == (nsapi_size_or_error_t)strlen(text) && memcmp(buf, text, n) == 0 && from == peer;
    printf("reply to %s: %s\n", text, ok ? "ok" : "wrong");
    return ok;
}

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (!net || net->connect() != NSAPI_ERROR_OK) {
        printf("no network\n");
        return 1;
    }
    UDPSocket sock;
    sock.open(net);
    sock.set_timeout(3000);
    SocketAddress peer;
    net->gethostbyname(MBED_CONF_APP_ECHO_HOST, &peer);
    peer.set_port(MBED_CONF_APP_ECHO_PORT);

    bool ok = true;
    // A datagram can be lost: each exchange gets three tries.
    for (int tries = 0; tries < 3; tries++) {
        if (sock.sendto(MBED_CONF_APP_ECHO_HOST, MBED_CONF_APP_ECHO_PORT, "mbed5", 5) == 5 && check_reply(sock, peer, "mbed5")) {
            break;
        }
        ok = tries < 2;
    }
    ok = ok && sock.sendto(peer, "mbed6", 5) == 5 && check_reply(sock, peer, "mbed6");
    ok = ok && sock.connect(peer) == NSAPI_ERROR_OK && sock.send("connected", 9) == 9;
    char buf[16];
    ok = ok && sock.recv(buf, sizeof buf) == 9 && memcmp(buf, "connected", 9) == 0;
    printf("accept on UDP: %s\n", sock.accept() == nullptr ? "nullptr" : "a socket");
    sock.close();
    net->disconnect();
    printf("%s\n", ok ? "Done" : "FAILED");
    return ok ? 0 : 1;
}
