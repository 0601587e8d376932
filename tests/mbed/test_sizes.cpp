/*
 * Each C++ socket class is its C object and at most two pointers more (here one: the virtual
 * table's; a sigio callback lives in the C object's callback and argument), checked when this
 * compiles, and reported by the program as TAP-style lines.
 */
#include <cstdio>

#include "DTLSSocket.h"
#include "TCPServer.h"
#include "TCPSocket.h"
#include "TLSSocket.h"
#include "UDPSocket.h"

#define FITS(cpp, c) (sizeof(cpp) <= sizeof(c) + 2 * sizeof(void *))
#define CHECK(cpp, c)                                                                                   \
    static_assert(FITS(cpp, c), #cpp " is at most " #c " and two pointers");                            \
    std::printf("%s %s: %zu bytes, %s %zu\n", FITS(cpp, c) ? "ok" : "not ok", #cpp, sizeof(cpp), #c, sizeof(c))

static_assert(sizeof(mbed::Callback<void()>) == 2 * sizeof(void *), "a Callback is two words");

int main()
{
    CHECK(TCPSocket, nsapi_tcp_socket_t);
    CHECK(TCPServer, nsapi_tcp_server_t);
    CHECK(UDPSocket, nsapi_udp_socket_t);
    CHECK(TLSSocket, nsapi_tls_socket_t);
    CHECK(TLSSocketWrapper, nsapi_tls_socket_t);
    CHECK(DTLSSocket, nsapi_dtls_socket_t);
    CHECK(DTLSSocketWrapper, nsapi_dtls_socket_t);
    return 0;
}
