/* Generated from idl/tcp_server.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TCPServer: Mbed 5's listening socket (a TCPSocket that accepts into a TCPSocket the caller owns).
 * Deprecated in Mbed 5.10 and gone in 6, kept for the programs that still use it.
 */
#ifndef NSAPI_MBED_TCPSERVER_H
#define NSAPI_MBED_TCPSERVER_H

#include "TCPSocket.h"

class TCPServer : public TCPSocket {
public:
    /** A closed server. */
    TCPServer() {}

    /** A server opened on stack (an interface or a stack). */
    template <typename S>
    explicit TCPServer(S *stack)
    {
        (void)open(stack);
    }

    using TCPSocket::accept;
    /** Take the next connection into connection (closed), and its address into address unless nullptr. */
    nsapi_error_t accept(TCPSocket *connection, SocketAddress *address = nullptr)
    {
        return nsapi_tcp_server_accept(nsapi_object(), connection ? connection->TCPSocket::nsapi_object() : nullptr,
                                       address ? address->nsapi_object() : nullptr);
    }

    /** The C object, for nsapi's C API. */
    nsapi_tcp_server_t *nsapi_object() { return nsapi_server(); }


};

#endif /* NSAPI_MBED_TCPSERVER_H */
