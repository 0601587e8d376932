/* Generated from idl/tcp_server.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TCPServer's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/tcp_server.h"
#include "impl.h"

nsapi_error_t nsapi_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack)
{
    if (server == NULL ||
        stack == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_server_open(server, stack);
}

nsapi_error_t nsapi_tcp_server_listen(nsapi_tcp_server_t *server, int backlog)
{
    if (server == NULL ||
        backlog < 1 ||
        backlog > 255) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_server_listen(server, backlog);
}

nsapi_error_t nsapi_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address)
{
    if (server == NULL ||
        connection == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tcp_server_accept(server, connection, address);
}
