/* Generated from idl/socket_address.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* SocketAddress's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/socket_address.h"
#include "impl.h"

nsapi_error_t nsapi_socket_address_set_ip_address(nsapi_socket_address_t *address, const char *text)
{
    if (address == NULL ||
        text == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_set_ip_address(address, text);
}

nsapi_error_t nsapi_socket_address_set_ip_bytes(nsapi_socket_address_t *address, const void *bytes, nsapi_version_t version)
{
    if (address == NULL ||
        bytes == NULL ||
        (unsigned)version > (unsigned)NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_set_ip_bytes(address, bytes, version);
}

nsapi_error_t nsapi_socket_address_set_addr(nsapi_socket_address_t *address, const nsapi_addr_t *addr)
{
    if (address == NULL ||
        addr == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_set_addr(address, addr);
}

nsapi_error_t nsapi_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port)
{
    if (address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_set_port(address, port);
}

nsapi_size_or_error_t nsapi_socket_address_get_ip_address(const nsapi_socket_address_t *address, char *buffer, nsapi_size_t size)
{
    if (address == NULL ||
        buffer == NULL ||
        size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_get_ip_address(address, buffer, size);
}

const void *nsapi_socket_address_get_ip_bytes(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return NULL;
    }
    return nsapi_impl_socket_address_get_ip_bytes(address);
}

nsapi_version_t nsapi_socket_address_get_ip_version(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return NSAPI_UNSPEC;
    }
    return nsapi_impl_socket_address_get_ip_version(address);
}

nsapi_addr_t nsapi_socket_address_get_addr(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        const nsapi_addr_t none = {NSAPI_UNSPEC, {0}};
        return none;
    }
    return nsapi_impl_socket_address_get_addr(address);
}

uint16_t nsapi_socket_address_get_port(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return 0;
    }
    return nsapi_impl_socket_address_get_port(address);
}

bool nsapi_socket_address_is_nonzero(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return false;
    }
    return nsapi_impl_socket_address_is_nonzero(address);
}

bool nsapi_socket_address_equals(const nsapi_socket_address_t *address, const nsapi_socket_address_t *other)
{
    if (address == NULL ||
        other == NULL) {
        return false;
    }
    return nsapi_impl_socket_address_equals(address, other);
}
