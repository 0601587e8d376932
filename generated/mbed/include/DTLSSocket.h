/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* DTLSSocket: a DTLSSocketWrapper over a UDP socket of its own (open(&net), then connect).  Link nsapi-tls. */
#ifndef NSAPI_MBED_DTLSSOCKET_H
#define NSAPI_MBED_DTLSSOCKET_H

#include "DTLSSocketWrapper.h"

class DTLSSocket : public DTLSSocketWrapper {
public:
    /** A closed socket. */
    DTLSSocket() {}

    /** Open the socket's own UDP socket on stack. */
    nsapi_error_t open(NetworkStack *stack) { return nsapi_dtls_socket_open(&_c, stack ? stack->nsapi_object() : nullptr); }

    /** Open on an interface's stack (or on a stack). */
    template <typename S>
    nsapi_error_t open(S *stack)
    {
        return open(nsapi_create_stack(stack));
    }
};

#endif /* NSAPI_MBED_DTLSSOCKET_H */
