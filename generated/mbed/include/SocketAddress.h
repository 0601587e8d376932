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

/** An IP address and a port (nsapi_socket_address_t), with Mbed's constructors and operators. */
class SocketAddress {
public:
    /**
     * An address and a port.
     * @param addr The address (empty by default).
     * @param port The port.
     * @see nsapi_socket_address_set_addr
     */
    SocketAddress(const nsapi_addr_t &addr = nsapi_addr_t(), uint16_t port = 0) : _c(), _text()
    {
        set_addr(addr);
        set_port(port);
    }

    /**
     * An address from its text, and a port.
     * @param addr The text; the address is empty when it is not one.
     * @param port The port.
     * @see nsapi_socket_address_set_ip_address
     */
    SocketAddress(const char *addr, uint16_t port = 0) : _c(), _text()
    {
        set_ip_address(addr);
        set_port(port);
    }

    /**
     * An address from its bytes, and a port.
     * @param bytes The address in network order (4 bytes for NSAPI_IPv4, 16 for NSAPI_IPv6).
     * @param version NSAPI_IPv4 or NSAPI_IPv6.
     * @param port The port.
     * @see nsapi_socket_address_set_ip_bytes
     */
    SocketAddress(const void *bytes, nsapi_version_t version, uint16_t port = 0) : _c(), _text()
    {
        set_ip_bytes(bytes, version);
        set_port(port);
    }

    /**
     * A copy.
     * @param addr The address copied.
     */
    SocketAddress(const SocketAddress &addr) : _c(addr._c), _text() {}

    /**
     * Become a copy.
     * @param addr The address copied.
     * @return *this.
     */
    SocketAddress &operator=(const SocketAddress &addr)
    {
        _c = addr._c;
        return *this;
    }

    /**
     * Set the IP address from its text form: dotted-quad IPv4 or IPv6 as
     * inet_pton() accepts them, including "::" compression and a dotted IPv4
     * tail. No host names, ports, brackets or zone indices. The port is kept.
     *
     * @param addr The text; nullptr empties the address.
     * @return true when addr was an address; false, the address left empty,
     *         when not.
     * @see nsapi_socket_address_set_ip_address
     */
    bool set_ip_address(const char *addr)
    {
        if (addr == nullptr) {
            set_addr(nsapi_addr_t());
            return false;
        }
        return nsapi_socket_address_set_ip_address(&_c, addr) == NSAPI_ERROR_OK;
    }

    /**
     * Set the IP address from bytes in network order: 4 for NSAPI_IPv4, 16 for
     * NSAPI_IPv6, none for NSAPI_UNSPEC (the address becomes empty). The port
     * is kept.
     *
     * @param bytes   The address bytes.
     * @param version How many bytes to read and what they are.
     * @see nsapi_socket_address_set_ip_bytes
     */
    void set_ip_bytes(const void *bytes, nsapi_version_t version)
    {
        (void)nsapi_socket_address_set_ip_bytes(&_c, bytes, version);
    }

    /**
     * Set the IP address from a binary address. The port is kept; bytes past an
     * IPv4 address are stored as zero.
     *
     * @param addr The address to copy.
     * @see nsapi_socket_address_set_addr
     */
    void set_addr(const nsapi_addr_t &addr) { (void)nsapi_socket_address_set_addr(&_c, &addr); }

    /**
     * Set the port.
     *
     * @param port Port in host byte order.
     * @see nsapi_socket_address_set_port
     */
    void set_port(uint16_t port) { (void)nsapi_socket_address_set_port(&_c, port); }

    /**
     * The address as text, kept in the object until the address changes.
     * @return The text, or nullptr when the address is empty.
     * @see nsapi_socket_address_get_ip_address
     */
    const char *get_ip_address() const
    {
        return nsapi_socket_address_get_ip_address(&_c, _text, sizeof _text) >= 0 ? _text : nullptr;
    }

    /**
     * Whether the address names a host: true when its version is NSAPI_IPv4 or
     * NSAPI_IPv6 and some byte is not zero (the Mbed operator bool). 0.0.0.0,
     * :: and the empty address are false.
     *
     * @return true when the address is neither empty nor all zeros.
     * @see nsapi_socket_address_is_nonzero
     */
    explicit operator bool() const { return nsapi_socket_address_is_nonzero(&_c); }

    /**
     * Mbed's equality. Two addresses that are both zero or empty (see
     * is_nonzero) are equal whatever their versions and ports. Otherwise they
     * are equal when version, port and address bytes all match: 127.0.0.1 does
     * not equal \::ffff:127.0.0.1.
     *
     * @param a One address.
     * @param b The other.
     * @return true when they are equal.
     * @see nsapi_socket_address_equals
     */
    friend bool operator==(const SocketAddress &a, const SocketAddress &b)
    {
        return nsapi_socket_address_equals(&a._c, &b._c);
    }

    /**
     * Not ==.
     * @param a One address.
     * @param b The other.
     * @return true when they differ.
     */
    friend bool operator!=(const SocketAddress &a, const SocketAddress &b) { return !(a == b); }

    /** @return The C object, for nsapi's C API. */
    nsapi_socket_address_t *nsapi_object() { return &_c; }
    /** @return The C object, for nsapi's C API. */
    const nsapi_socket_address_t *nsapi_object() const { return &_c; }

    /**
     * The address bytes in network order, inside the object.
     *
     * @return 4 bytes for IPv4, 16 for IPv6; for NSAPI_UNSPEC 16 zero bytes.
     * @return NULL when a pointer argument is NULL.
     * @see nsapi_socket_address_get_ip_bytes
     */
    const void *get_ip_bytes() const
    {
        return nsapi_socket_address_get_ip_bytes(nsapi_object());
    }

    /**
     * The IP version of the address.
     *
     * @return NSAPI_IPv4, NSAPI_IPv6, or NSAPI_UNSPEC when empty.
     * @return NSAPI_UNSPEC when a pointer argument is NULL.
     * @see nsapi_socket_address_get_ip_version
     */
    nsapi_version_t get_ip_version() const
    {
        return nsapi_socket_address_get_ip_version(nsapi_object());
    }

    /**
     * The IP address as a binary address.
     *
     * @return A copy of the address.
     * @return {NSAPI_UNSPEC, {0}} when a pointer argument is NULL.
     * @see nsapi_socket_address_get_addr
     */
    nsapi_addr_t get_addr() const
    {
        return nsapi_socket_address_get_addr(nsapi_object());
    }

    /**
     * The port.
     *
     * @return The port in host byte order.
     * @return 0 when a pointer argument is NULL.
     * @see nsapi_socket_address_get_port
     */
    uint16_t get_port() const
    {
        return nsapi_socket_address_get_port(nsapi_object());
    }

private:
    nsapi_socket_address_t _c;
    mutable char _text[NSAPI_IP_SIZE];
};

#endif /* NSAPI_MBED_SOCKETADDRESS_H */
