/* Generated from idl/socket_address.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/socket_address.h
 *
 * SocketAddress, an IP address and port pair naming one network endpoint.
 */
#ifndef NSAPI_SOCKET_ADDRESS_H
#define NSAPI_SOCKET_ADDRESS_H

#include "nsapi/types.h"
#include "nsapi/errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_socket_address_class SocketAddress
 * @copybrief nsapi_socket_address
 * @{
 */

/**
 * An IP address (IPv4, IPv6, or none) and a port. A zero-filled object is the
 * empty address: NSAPI_UNSPEC, port 0. It owns no resources: copy it with
 * assignment, drop it without a call.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_socket_address {
    /** The IP address. */
    nsapi_addr_t addr;
    /** The port, in host byte order. */
    uint16_t port;
};

/**
 * Set the IP address from its text form: dotted-quad IPv4 or IPv6 as
 * inet_pton() accepts them, including "::" compression and a dotted IPv4 tail.
 * No host names, ports, brackets or zone indices. The port is kept.
 *
 * @param address The SocketAddress.
 * @param text    NUL-terminated address text.
 * @retval NSAPI_ERROR_OK        the text was an address; it is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument (nothing changed), or text that
 *                               is not an address (the IP address is reset to
 *                               NSAPI_UNSPEC).
 */
nsapi_error_t nsapi_socket_address_set_ip_address(nsapi_socket_address_t *address, const char *text);

/**
 * Set the IP address from bytes in network order: 4 for NSAPI_IPv4, 16 for
 * NSAPI_IPv6, none for NSAPI_UNSPEC (the address becomes empty). The port is
 * kept.
 *
 * @param address The SocketAddress.
 * @param bytes   The address bytes.
 * @param version How many bytes to read and what they are.
 * @retval NSAPI_ERROR_OK        the address is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument or an unknown version; nothing
 *                               changed.
 */
nsapi_error_t nsapi_socket_address_set_ip_bytes(nsapi_socket_address_t *address, const void *bytes, nsapi_version_t version);

/**
 * Set the IP address from a binary address. The port is kept; bytes past an
 * IPv4 address are stored as zero.
 *
 * @param address The SocketAddress.
 * @param addr    The address to copy.
 * @retval NSAPI_ERROR_OK        the address is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument or an unknown addr->version;
 *                               nothing changed.
 */
nsapi_error_t nsapi_socket_address_set_addr(nsapi_socket_address_t *address, const nsapi_addr_t *addr);

/**
 * Set the port.
 *
 * @param address The SocketAddress.
 * @param port    Port in host byte order.
 * @retval NSAPI_ERROR_OK        the port is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port);

/**
 * Write the IP address as text: IPv4 in dotted-quad form, IPv6 in the canonical
 * form of RFC 5952 (lower-case hex, the longest run of two or more zero groups
 * shortened to "::", IPv4-mapped addresses as \::ffff:a.b.c.d). NSAPI_IP_SIZE
 * bytes are always enough.
 *
 * @param address The SocketAddress.
 * @param buffer  Where to write the NUL-terminated text.
 * @param size    Bytes available at buffer. At least 1.
 * @return The length of the text, without its NUL; otherwise one of:
 * @retval NSAPI_ERROR_NO_ADDRESS the address is empty (NSAPI_UNSPEC); buffer
 *                                holds "".
 * @retval NSAPI_ERROR_NO_MEMORY  the text does not fit in size bytes; buffer
 *                                holds "".
 * @retval NSAPI_ERROR_PARAMETER  a NULL argument or size 0.
 */
nsapi_size_or_error_t nsapi_socket_address_get_ip_address(const nsapi_socket_address_t *address, char *buffer, nsapi_size_t size);

/**
 * The address bytes in network order, inside the object.
 *
 * @param address The SocketAddress.
 * @return 4 bytes for IPv4, 16 for IPv6; for NSAPI_UNSPEC 16 zero bytes.
 * @return NULL when a pointer argument is NULL.
 */
const void *nsapi_socket_address_get_ip_bytes(const nsapi_socket_address_t *address);

/**
 * The IP version of the address.
 *
 * @param address The SocketAddress.
 * @return NSAPI_IPv4, NSAPI_IPv6, or NSAPI_UNSPEC when empty.
 * @return NSAPI_UNSPEC when a pointer argument is NULL.
 */
nsapi_version_t nsapi_socket_address_get_ip_version(const nsapi_socket_address_t *address);

/**
 * The IP address as a binary address.
 *
 * @param address The SocketAddress.
 * @return A copy of the address.
 * @return {NSAPI_UNSPEC, {0}} when a pointer argument is NULL.
 */
nsapi_addr_t nsapi_socket_address_get_addr(const nsapi_socket_address_t *address);

/**
 * The port.
 *
 * @param address The SocketAddress.
 * @return The port in host byte order.
 * @return 0 when a pointer argument is NULL.
 */
uint16_t nsapi_socket_address_get_port(const nsapi_socket_address_t *address);

/**
 * Whether the address names a host: true when its version is NSAPI_IPv4 or
 * NSAPI_IPv6 and some byte is not zero (the Mbed operator bool). 0.0.0.0, ::
 * and the empty address are false.
 *
 * @param address The SocketAddress.
 * @return true or false.
 * @return false when a pointer argument is NULL.
 */
bool nsapi_socket_address_is_nonzero(const nsapi_socket_address_t *address);

/**
 * Mbed's equality. Two addresses that are both zero or empty (see is_nonzero)
 * are equal whatever their versions and ports. Otherwise they are equal when
 * version, port and address bytes all match: 127.0.0.1 does not equal
 * \::ffff:127.0.0.1.
 *
 * @param address The SocketAddress.
 * @param other   The address to compare with.
 * @return true when equal.
 * @return false when a pointer argument is NULL.
 */
bool nsapi_socket_address_equals(const nsapi_socket_address_t *address, const nsapi_socket_address_t *other);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_SOCKET_ADDRESS_H */
