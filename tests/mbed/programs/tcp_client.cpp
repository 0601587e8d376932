/*
 * A TCP client as Mbed OS 6 programs write it: resolve MBED_CONF_APP_ECHO_HOST through the
 * interface, connect to the echo service, send lines and read each back.  Also through a Socket
 * pointer, and the Mbed 5 connect(host, port) on a second socket.
 */
#include "mbed.h"

#ifndef MBED_CONF_APP_ECHO_HOST
#error "build with -DMBED_CONF_APP_ECHO_HOST=\"name\""
#endif
#ifndef MBED_CONF_APP_ECHO_PORT
#define MBED_CONF_APP_ECHO_PORT 7
#endif

static bool echo(Socket *s, const char *line)
{
    size_t len = strlen(line);
    nsapi_size_or_error_t sent = s->send(line, len);
    char back[128] = {0};
    size_t got = 0;
    while (sent == (nsapi_size_or_error_t)len && got < len) {
        nsapi_size_or_error_t n = s->recv(back + got, sizeof back - 1 - got);
        if (n <= 0) {
            break;
        }
        got += n;
    }
    printf("echo %s: %s\n", line, got == len && memcmp(back, line, len) == 0 ? "ok" : "wrong");
    return got == len && memcmp(back, line, len) == 0;
}

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (!net || net->connect() != NSAPI_ERROR_OK) {
        printf("no network\n");
        return 1;
    }
    SocketAddress address;
    nsapi_error_t err = net->gethostbyname(MBED_CONF_APP_ECHO_HOST, &address);
    printf("gethostbyname: %d\n", err);
    address.set_port(MBED_CONF_APP_ECHO_PORT);
    printf("peer: %s port %u\n", address.get_ip_address(), address.get_port());

    TCPSocket socket;
    socket.set_timeout(5000);
    bool ok = socket.open(net) == NSAPI_ERROR_OK && socket.connect(address) == NSAPI_ERROR_OK;
    SocketAddress peer;
    ok = ok && socket.getpeername(&peer) == NSAPI_ERROR_OK && peer == address;
    printf("connected: %s\n", ok ? "yes" : "no");
    Socket *s = &socket;
    ok = ok && echo(s, "hello") && echo(s, "from an Mbed program");
    ok = socket.close() == NSAPI_ERROR_OK && ok;

    TCPSocket old_style(net);  // Mbed 5: opened by its constructor
    ok = ok && old_style.connect(MBED_CONF_APP_ECHO_HOST, MBED_CONF_APP_ECHO_PORT) == NSAPI_ERROR_OK;
    ok = ok && echo(&old_style, "Mbed 5 connect");
    printf("unopened send: %d\n", TCPSocket().send("x", 1));
    net->disconnect();
    printf("%s\n", ok ? "Done" : "FAILED");
    return ok ? 0 : 1;
}
