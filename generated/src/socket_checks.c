/* Generated from idl/socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* Socket's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/socket.h"
#include "impl.h"

nsapi_error_t nsapi_socket_close(nsapi_socket_t *socket)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_close(socket);
}

nsapi_error_t nsapi_socket_bind(nsapi_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_bind(socket, address);
}

nsapi_error_t nsapi_socket_set_blocking(nsapi_socket_t *socket, bool blocking)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_set_blocking(socket, blocking);
}

nsapi_error_t nsapi_socket_set_timeout(nsapi_socket_t *socket, int timeout)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_set_timeout(socket, timeout);
}

nsapi_error_t nsapi_socket_sigio(nsapi_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_sigio(socket, callback, arg);
}

nsapi_error_t nsapi_socket_setsockopt(nsapi_socket_t *socket, int level, int optname, const void *optval, unsigned optlen)
{
    if (socket == NULL ||
        (optval == NULL && optlen != 0)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_setsockopt(socket, level, optname, optval, optlen);
}

nsapi_error_t nsapi_socket_getsockopt(nsapi_socket_t *socket, int level, int optname, void *optval, unsigned *optlen)
{
    if (socket == NULL ||
        optval == NULL ||
        optlen == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_getsockopt(socket, level, optname, optval, optlen);
}

nsapi_error_t nsapi_socket_getpeername(nsapi_socket_t *socket, nsapi_socket_address_t *address)
{
    if (socket == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_getpeername(socket, address);
}
