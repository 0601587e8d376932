/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * InternetSocket: what TCP and UDP sockets share in Mbed, open on a stack or on an interface
 * (socket.open(&net)), bind to a port alone, and Mbed 5's attach (sigio's old name).
 */
#ifndef NSAPI_MBED_INTERNETSOCKET_H
#define NSAPI_MBED_INTERNETSOCKET_H

#include "Socket.h"
#include "NetworkStack.h"

/** What TCP and UDP sockets share in Mbed: open on a stack or an interface, bind to a port alone. */
class InternetSocket : public Socket {
public:
    /**
     * Open on stack.
     * @param stack The stack.
     * @return NSAPI_ERROR_OK, or the class's open error code.
     */
    virtual nsapi_error_t open(NetworkStack *stack) = 0;

    /**
     * Open on an interface's stack (or on a stack): socket.open(&net).
     * @param stack An interface or a stack.
     * @return NSAPI_ERROR_OK, or the class's open error code.
     */
    template <typename S>
    nsapi_error_t open(S *stack)
    {
        return open(nsapi_create_stack(stack));
    }

    using Socket::bind;
    /**
     * Bind to port on every local address.
     * @param port The port.
     * @return NSAPI_ERROR_OK, or the class's bind error code.
     */
    nsapi_error_t bind(uint16_t port) { return bind(SocketAddress(nsapi_addr_t(), port)); }

    /**
     * Mbed 5's name for sigio().
     * @param func The callback; an empty one removes it.
     */
    void attach(mbed::Callback<void()> func) { sigio(func); }
};

#endif /* NSAPI_MBED_INTERNETSOCKET_H */
