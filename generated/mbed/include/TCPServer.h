/* Generated from idl/tcp_server.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TCPServer: Mbed 5's listening socket (a TCPSocket that accepts into a TCPSocket the caller owns).
 * Deprecated in Mbed 5.10 and gone in 6, kept for the programs that still use it.
 */
#ifndef NSAPI_MBED_TCPSERVER_H
#define NSAPI_MBED_TCPSERVER_H

#include "TCPSocket.h"

/** Mbed 5's listening socket, which accepts into a TCPSocket the caller owns (gone in Mbed 6). */
class TCPServer : public TCPSocket {
public:
    /** A closed server. */
    TCPServer() {}

    /**
     * A server opened on stack; see open().
     * @param stack An interface or a stack.
     */
    template <typename S>
    explicit TCPServer(S *stack)
    {
        (void)open(stack);
    }

    using TCPSocket::accept;
    /**
     * Take the next incoming connection and open connection on it; the server
     * keeps listening. connection must be closed; it is opened on the server's
     * stack and keeps its own blocking mode and timeout (blocking without limit
     * unless set on it), not the server's.
     *
     * @param connection A closed TCPSocket to hold the connection.
     * @param address    Receives the client's address, or NULL. May be NULL.
     * @retval NSAPI_ERROR_OK          connection is open and connected.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, connection is open, or
     *                                 the server is not listening.
     * @retval NSAPI_ERROR_NO_SOCKET   the server is not open, or no socket is
     *                                 free for the connection.
     * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
     *                                 nothing to accept.
     * @see nsapi_tcp_server_accept
     */
    nsapi_error_t accept(TCPSocket *connection, SocketAddress *address = nullptr)
    {
        return nsapi_tcp_server_accept(nsapi_object(), connection ? connection->TCPSocket::nsapi_object() : nullptr,
                                       address ? address->nsapi_object() : nullptr);
    }

    /** @return The C object, for nsapi's C API. */
    nsapi_tcp_server_t *nsapi_object() { return nsapi_server(); }


};

#endif /* NSAPI_MBED_TCPSERVER_H */
