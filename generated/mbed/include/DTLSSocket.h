/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* DTLSSocket: a DTLSSocketWrapper over a UDP socket of its own (open(&net), then connect).  Link nsapi-tls. */
#ifndef NSAPI_MBED_DTLSSOCKET_H
#define NSAPI_MBED_DTLSSOCKET_H

#include "DTLSSocketWrapper.h"

/** DTLS over a UDP socket of its own (nsapi_dtls_socket_t). */
class DTLSSocket : public DTLSSocketWrapper {
public:
    /** A closed socket. */
    DTLSSocket() {}

    /**
     * Open a UDP socket of the DTLSSocket's own on a stack and set up DTLS: a
     * client that requires the server's certificate (or a pre-shared key once
     * set_psk is called), seeded from the platform's entropy. A DTLSSocket that
     * was closed may be opened again.
     *
     * @param stack An initialised stack.
     * @retval NSAPI_ERROR_OK           the socket is open.
     * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the DTLSSocket is
     *                                  already open.
     * @retval NSAPI_ERROR_NO_SOCKET    the stack has no socket free.
     * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers,
     *                                  or the stack could not report the
     *                                  transport's events to a registered
     *                                  sigio.
     * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be
     *                                  seeded.
     * @see nsapi_dtls_socket_open
     */
    nsapi_error_t open(NetworkStack *stack) { return nsapi_dtls_socket_open(&_c, stack ? stack->nsapi_object() : nullptr); }

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
};

#endif /* NSAPI_MBED_DTLSSOCKET_H */
