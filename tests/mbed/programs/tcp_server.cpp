/*
 * Echo servers: Mbed 5's TCPServer accepting into a TCPSocket of the program's, on
 * MBED_CONF_APP_PORT, then Mbed 6's TCPSocket::listen and accept (a socket from the pool, closed
 * when done) on the next port.  Each serves one client until it closes.  Prints "listening on
 * ADDRESS PORT" before each accept, for the test's client.
 */
#include "mbed.h"
#include "TCPServer.h"

#ifndef MBED_CONF_APP_PORT
#define MBED_CONF_APP_PORT 7007
#endif

/* Echo until the peer closes; the bytes echoed. */
static int serve(Socket *client)
{
    char buf[256];
    int total = 0;
    for (;;) {
        nsapi_size_or_error_t n = client->recv(buf, sizeof buf);
        if (n <= 0) {
            return n == 0 ? total : n;
        }
        for (nsapi_size_or_error_t sent = 0; sent < n;) {
            nsapi_size_or_error_t m = client->send(buf + sent, n - sent);
            if (m < 0) {
                return m;
            }
            sent += m;
        }
        total += n;
    }
}

static void listening(NetworkInterface *net, uint16_t port)
{
    SocketAddress me;
    net->get_ip_address(&me);
    printf("listening on %s %u\n", me.get_ip_address(), port);
    fflush(stdout);
}

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (!net || net->connect() != NSAPI_ERROR_OK) {
        printf("no network\n");
        return 1;
    }
    bool ok = true;

    TCPServer server;
    ok = ok && server.open(net) == NSAPI_ERROR_OK && server.bind(MBED_CONF_APP_PORT) == NSAPI_ERROR_OK
         && server.listen(2) == NSAPI_ERROR_OK;
    listening(net, MBED_CONF_APP_PORT);
    server.set_timeout(20000);
    TCPSocket client;
    SocketAddress from;
    ok = ok && server.accept(&client, &from) == NSAPI_ERROR_OK;
    printf("TCPServer client from %s\n", from.get_ip_address() ? from.get_ip_address() : "nowhere");
    printf("TCPServer echoed %d bytes\n", ok ? serve(&client) : -1);
    client.close();
    server.close();

    TCPSocket listener;
    ok = ok && listener.open(net) == NSAPI_ERROR_OK && listener.bind(MBED_CONF_APP_PORT + 1) == NSAPI_ERROR_OK
         && listener.listen() == NSAPI_ERROR_OK;
    listening(net, MBED_CONF_APP_PORT + 1);
    listener.set_timeout(20000);
    nsapi_error_t err = NSAPI_ERROR_OK;
    TCPSocket *accepted = listener.accept(&err);
    printf("accept: %d\n", err);
    if (accepted) {
        printf("TCPSocket::accept echoed %d bytes\n", serve(accepted));
        accepted->close();  // back to the pool, as Mbed deletes it
    }
    ok = ok && accepted != nullptr;
    listener.close();
    net->disconnect();
    printf("%s\n", ok ? "Done" : "FAILED");
    return ok ? 0 : 1;
}
