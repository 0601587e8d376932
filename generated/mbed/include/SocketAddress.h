/* Generated from idl/socket_address.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * SocketAddress: an IP address and a port (nsapi_socket_address_t), with Mbed's constructors, setters
 * that take text or bytes, operator bool (a host is named), == and !=.  get_ip_address() keeps its
 * text inside the object, valid until the address changes.
 */
#ifndef NSAPI_MBED_SOCKETADDRESS_H
#define NSAPI_MBED_SOCKETADDRESS_H

#include <cstring>

#include "nsapi_types.h"

class SocketAddress {
public:
    /** addr and port (the empty address by default). */
    SocketAddress(const nsapi_addr_t &addr = nsapi_addr_t(), uint16_t port = 0) : _c(), _text()
    {
        set_addr(addr);
        set_port(port);
    }

    /** The address in text form (the empty address when it is not one) and port. */
    SocketAddress(const char *addr, uint16_t port = 0) : _c(), _text()
    {
        set_ip_address(addr);
        set_port(port);
    }

    /** The address from bytes in network order (4 for NSAPI_IPv4, 16 for NSAPI_IPv6) and port. */
    SocketAddress(const void *bytes, nsapi_version_t version, uint16_t port = 0) : _c(), _text()
    {
        set_ip_bytes(bytes, version);
        set_port(port);
    }

    /** A copy of addr. */
    SocketAddress(const SocketAddress &addr) : _c(addr._c), _text() {}

    /** Become a copy of addr. */
    SocketAddress &operator=(const SocketAddress &addr)
    {
        _c = addr._c;
        return *this;
    }

    /** Set the address from text: true when it was an address, else false and the address is empty. */
    bool set_ip_address(const char *addr)
    {
        if (addr == nullptr) {
            set_addr(nsapi_addr_t());
            return false;
        }
        return nsapi_socket_address_set_ip_address(&_c, addr) == NSAPI_ERROR_OK;
    }

    /** Set the address from bytes in network order; the port is kept. */
    void set_ip_bytes(const void *bytes, nsapi_version_t version)
    {
        (void)nsapi_socket_address_set_ip_bytes(&_c, bytes, version);
    }

    /** Set the address; the port is kept. */
    void set_addr(const nsapi_addr_t &addr) { (void)nsapi_socket_address_set_addr(&_c, &addr); }

    /** Set the port. */
    void set_port(uint16_t port) { (void)nsapi_socket_address_set_port(&_c, port); }

    /** The address as text, or nullptr when it is empty. */
    const char *get_ip_address() const
    {
        return nsapi_socket_address_get_ip_address(&_c, _text, sizeof _text) >= 0 ? _text : nullptr;
    }

    /** Whether the address names a host (not empty, not all zeros). */
    explicit operator bool() const { return nsapi_socket_address_is_nonzero(&_c); }

    /** Mbed's equality: two empty or zero addresses are equal, others when version, bytes and port match. */
    friend bool operator==(const SocketAddress &a, const SocketAddress &b)
    {
        return nsapi_socket_address_equals(&a._c, &b._c);
    }

    /** Not ==. */
    friend bool operator!=(const SocketAddress &a, const SocketAddress &b) { return !(a == b); }

    /** The C object, for nsapi's C API. */
    nsapi_socket_address_t *nsapi_object() { return &_c; }
    /** The C object, for nsapi's C API. */
    const nsapi_socket_address_t *nsapi_object() const { return &_c; }

    /** SocketAddress's nsapi_socket_address_get_ip_bytes(), as a member. */
    const void *get_ip_bytes() const
    {
        return nsapi_socket_address_get_ip_bytes(nsapi_object());
    }

    /** SocketAddress's nsapi_socket_address_get_ip_version(), as a member. */
    nsapi_version_t get_ip_version() const
    {
        return nsapi_socket_address_get_ip_version(nsapi_object());
    }

    /** SocketAddress's nsapi_socket_address_get_addr(), as a member. */
    nsapi_addr_t get_addr() const
    {
        return nsapi_socket_address_get_addr(nsapi_object());
    }

    /** SocketAddress's nsapi_socket_address_get_port(), as a member. */
    uint16_t get_port() const
    {
        return nsapi_socket_address_get_port(nsapi_object());
    }

private:
    nsapi_socket_address_t _c;
    mutable char _text[NSAPI_IP_SIZE];
};

#endif /* NSAPI_MBED_SOCKETADDRESS_H */
