#include "cli.h"
#include "listener.h"

int example_listen(nsapi_tcp_server_t *server, nsapi_stack_t *stack, unsigned port, int backlog, int connections)
{
    static unsigned limit = NSAPI_SOCKET_LIMIT; /* one thread starts the servers, before they serve */
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};
    const char *what = "open";
    int on = 1;
    nsapi_error_t err;

    limit += (unsigned)connections;
    nsapi_stack_set_socket_limit(stack, limit);
    nsapi_socket_address_set_port(&any, (uint16_t)port);
    err = nsapi_tcp_server_open(server, stack);
    if (err == NSAPI_ERROR_OK) {
        what = "setsockopt REUSEADDR";
        err = nsapi_tcp_server_setsockopt(server, NSAPI_SOCKET, NSAPI_REUSEADDR, &on, sizeof on);
    }
    if (err == NSAPI_ERROR_OK) {
        what = "bind";
        err = nsapi_tcp_server_bind(server, &any);
    }
    if (err == NSAPI_ERROR_OK) {
        what = "listen";
        err = nsapi_tcp_server_listen(server, backlog);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_server_close(server);
        return example_fail(what, err);
    }
    return 0;
}
