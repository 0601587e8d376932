/*
 * Built against an installed nsapi with nothing but `g++ -std=c++11 ... $(pkg-config --cflags --libs
 * nsapi-mbed)`: an Mbed OS 6 program on the default interface (NSAPI_INTERFACE=lwip-loop, set by the
 * test, so that it runs anywhere): a TCPSocket listening and another connecting to it, one line
 * echoed through the socket accept() gave, a TLSSocket's header and library linked in.
 */
#include "mbed.h"
#include "TLSSocket.h"

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    MBED_ASSERT(net != nullptr);
    MBED_ASSERT(net->connect() == NSAPI_ERROR_OK);
    SocketAddress address;
    MBED_ASSERT(net->get_ip_address(&address) == NSAPI_ERROR_OK && address);
    address.set_port(7000);

    TCPSocket listener, client;
    MBED_ASSERT(listener.open(net) == NSAPI_ERROR_OK && listener.bind(7000) == NSAPI_ERROR_OK);
    MBED_ASSERT(listener.listen() == NSAPI_ERROR_OK);
    MBED_ASSERT(client.open(net) == NSAPI_ERROR_OK);
    client.set_timeout(5000);
    listener.set_timeout(5000);
    client.set_blocking(false);
    nsapi_error_t err = client.connect(address);
    MBED_ASSERT(err == NSAPI_ERROR_IN_PROGRESS || err == NSAPI_ERROR_OK);
    TCPSocket *served = listener.accept(&err);
    MBED_ASSERT(served != nullptr && err == NSAPI_ERROR_OK);
    client.set_blocking(true);
    MBED_ASSERT(client.send("ping", 4) == 4);
    char buf[4];
    MBED_ASSERT(served->recv(buf, sizeof buf) == 4 && memcmp(buf, "ping", 4) == 0);
    served->close();
    client.close();
    listener.close();

    TLSSocket tls;
    MBED_ASSERT(tls.connect(address) == NSAPI_ERROR_NO_SOCKET);  // not open
    net->disconnect();
    printf("ok mbed_hello: Mbed OS %d.%d API over %s\n", MBED_MAJOR_VERSION, MBED_MINOR_VERSION,
           nsapi_default_interface_spec());
    return 0;
}
