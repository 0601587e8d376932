/* Generated from idl/stack.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * NetworkStack: the stack sockets open on (nsapi_stack_t), as an interface's get_stack() gives it;
 * name lookups (Mbed 6 and Mbed 5 forms) and the stack's own address.  It points at the C object,
 * which the interface owns.
 */
#ifndef NSAPI_MBED_NETWORKSTACK_H
#define NSAPI_MBED_NETWORKSTACK_H

#include "nsapi_types.h"
#include "SocketAddress.h"

class NetworkStack {
public:
    /** The stack c (nullptr: calls fail with NSAPI_ERROR_PARAMETER). */
    explicit NetworkStack(nsapi_stack_t *c = nullptr) : _c(c), _ip() {}
    virtual ~NetworkStack() {}

    /** Resolve host (a name or an address's text) into *address. */
    virtual nsapi_error_t gethostbyname(const char *host, SocketAddress *address,
                                        nsapi_version_t version = NSAPI_UNSPEC, const char *interface_name = nullptr)
    {
        (void)interface_name;  // one interface per stack here
        return nsapi_stack_gethostbyname(_c, host, address ? address->nsapi_object() : nullptr, version);
    }

    /** The stack's own address into *address. */
    virtual nsapi_error_t get_ip_address(SocketAddress *address)
    {
        return nsapi_stack_get_ip_address(_c, address ? address->nsapi_object() : nullptr);
    }

    /** Mbed 5: the stack's address as text, or nullptr when it has none. */
    virtual const char *get_ip_address()
    {
        SocketAddress a;
        if (get_ip_address(&a) != NSAPI_ERROR_OK || a.get_ip_address() == nullptr) {
            return nullptr;
        }
        std::strncpy(_ip, a.get_ip_address(), sizeof _ip - 1);
        return _ip;
    }

    /** The C object, for nsapi's C API. */
    nsapi_stack_t *nsapi_object() const { return _c; }
    /** Point at another C object. */
    void nsapi_set_object(nsapi_stack_t *c) { _c = c; }

    /** NetworkStack's nsapi_stack_set_socket_limit(), as a member. */
    nsapi_error_t set_socket_limit(unsigned limit)
    {
        return nsapi_stack_set_socket_limit(nsapi_object(), limit);
    }

    /** NetworkStack's nsapi_stack_add_dns_server(), as a member. */
    nsapi_error_t add_dns_server(const SocketAddress &address)
    {
        return nsapi_stack_add_dns_server(nsapi_object(), address.nsapi_object());
    }

private:
    NetworkStack(const NetworkStack &) = delete;
    NetworkStack &operator=(const NetworkStack &) = delete;

    nsapi_stack_t *_c;
    char _ip[NSAPI_IP_SIZE];
};

/** What a socket's open(&stack) opens on. */
inline NetworkStack *nsapi_create_stack(NetworkStack *stack) { return stack; }

#endif /* NSAPI_MBED_NETWORKSTACK_H */
