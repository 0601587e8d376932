/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TLSSocket: a TLSSocketWrapper over a TCP socket of its own: open(&net), set_root_ca_cert,
 * set_hostname, connect(address) (Mbed 6) or connect(host, port) (Mbed 5: resolves host, checks
 * the certificate against it).  Link nsapi-tls.
 */
#ifndef NSAPI_MBED_TLSSOCKET_H
#define NSAPI_MBED_TLSSOCKET_H

#include "TLSSocketWrapper.h"

/** TLS over a TCP socket of its own (nsapi_tls_socket_t). */
class TLSSocket : public TLSSocketWrapper {
public:
    /** A closed socket. */
    TLSSocket() {}

    /**
     * Open a TCP socket of the TLSSocket's own on a stack and set up TLS: a
     * client that requires the server's certificate, seeded from the platform's
     * entropy. A TLSSocket that was closed may be opened again. The TCP socket
     * sends each record at once (NSAPI_NODELAY, where the stack has it), so
     * that no record of a handshake waits for the peer's delayed
     * acknowledgement.
     *
     * @param stack An initialised stack.
     * @retval NSAPI_ERROR_OK           the socket is open.
     * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the TLSSocket is
     *                                  already open.
     * @retval NSAPI_ERROR_NO_SOCKET    the stack has no socket free.
     * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers,
     *                                  or the stack could not report the
     *                                  transport's events to a registered
     *                                  sigio.
     * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be
     *                                  seeded.
     * @see nsapi_tls_socket_open
     */
    nsapi_error_t open(NetworkStack *stack) { return nsapi_tls_socket_open(&_c, stack ? stack->nsapi_object() : nullptr); }

    /**
     * Open on an interface's stack (or on a stack): socket.open(&net).
     * @param stack An interface or a stack.
     * @return As open(NetworkStack *).
     */
    template <typename S>
    nsapi_error_t open(S *stack)
    {
        return open(nsapi_create_stack(stack));
    }

    using TLSSocketWrapper::connect;
    /**
     * Resolve host on the transport's stack (a blocking lookup, on the first
     * call only), take it as the host name to check unless it is an address
     * literal, then connect() to it.
     *
     * @param host The server's name (or an address, with set_hostname()
     *             called).
     * @param port The server's port.
     * @retval NSAPI_ERROR_OK              connected; the server's certificate
     *                                     checked against host.
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or an address
     *                                     literal without a host name set while
     *                                     verification is on.
     * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
     * @retval NSAPI_ERROR_DNS_FAILURE     host could not be resolved.
     * @retval NSAPI_ERROR_IN_PROGRESS     non-blocking; the attempt started.
     * @retval NSAPI_ERROR_ALREADY         non-blocking; the attempt is still
     *                                     going.
     * @retval NSAPI_ERROR_IS_CONNECTED    the handshake is done.
     * @retval NSAPI_ERROR_NO_CONNECTION   the server refused or could not be
     *                                     reached, or the connection was reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP during the
     *                                     handshake.
     * @retval NSAPI_ERROR_WOULD_BLOCK     the timeout passed before the
     *                                     handshake ended.
     * @retval NSAPI_ERROR_AUTH_FAILURE    the server's certificate or name did
     *                                     not verify.
     * @retval NSAPI_ERROR_DEVICE_ERROR    any other TLS failure (the mbedTLS
     *                                     code is kept).
     * @see nsapi_tls_socket_connect_host
     */
    nsapi_error_t connect(const char *host, uint16_t port) { return nsapi_tls_socket_connect_host(&_c, host, port); }
};

#endif /* NSAPI_MBED_TLSSOCKET_H */
