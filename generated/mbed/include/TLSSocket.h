/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TLSSocket: a TLSSocketWrapper over a TCP socket of its own: open(&net), set_root_ca_cert,
 * set_hostname, connect(address) (Mbed 6) or connect(host, port) (Mbed 5: resolves host, checks
 * the certificate against it).  Link nsapi-tls.
 */
#ifndef NSAPI_MBED_TLSSOCKET_H
#define NSAPI_MBED_TLSSOCKET_H

#include "TLSSocketWrapper.h"

class TLSSocket : public TLSSocketWrapper {
public:
    /** A closed socket. */
    TLSSocket() {}

    /** Open the socket's own TCP socket on stack. */
    nsapi_error_t open(NetworkStack *stack) { return nsapi_tls_socket_open(&_c, stack ? stack->nsapi_object() : nullptr); }

    /** Open on an interface's stack (or on a stack): socket.open(&net). */
    template <typename S>
    nsapi_error_t open(S *stack)
    {
        return open(nsapi_create_stack(stack));
    }

    using TLSSocketWrapper::connect;
    /** Mbed 5: resolve host, connect to its port, and check the certificate against host. */
    nsapi_error_t connect(const char *host, uint16_t port) { return nsapi_tls_socket_connect_host(&_c, host, port); }
};

#endif /* NSAPI_MBED_TLSSOCKET_H */
