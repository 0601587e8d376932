/* Generated from idl/tcp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TCPSocket's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/tcp_socket.h"
#include "impl.h"

nsapi_error_t nsapi_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack)
{
    if (socket == NULL ||
        stack == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_socket_open(socket, stack);
}

nsapi_error_t nsapi_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_socket_connect(socket, address);
}

nsapi_size_or_error_t nsapi_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size)
{
    if (socket == NULL ||
        (data == NULL && size != 0)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_socket_send(socket, data, size);
}

nsapi_size_or_error_t nsapi_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size)
{
    if (socket == NULL ||
        data == NULL ||
        size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_socket_recv(socket, data, size);
}
