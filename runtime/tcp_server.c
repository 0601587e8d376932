/*
 * TCPServer: listen, and accept into a TCPSocket the caller owns.  The new
 * socket is counted and ready for events before the stack hands it over, so
 * nothing that arrives with the connection is missed.
 */
#include "impl.h"
#include "os.h"
#include "socket.h"

struct accept_op {
    nsapi_socket_t *connection;
    nsapi_stack_t *stack; /* the server's, read while its turn keeps close away */
    nsapi_handle_t handle;
    nsapi_socket_address_t from;
    int backlog;
};

nsapi_error_t nsapi_impl_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack)
{
    return nsapi_rt_socket_open(&server->base, stack, NSAPI_TCP);
}

static enum socket_step listen_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    const struct accept_op *o = op;

    *result = stack_api_socket_listen(socket->stack, socket->handle, o->backlog);
    return SOCKET_DONE;
}

nsapi_error_t nsapi_impl_tcp_server_listen(nsapi_tcp_server_t *server, int backlog)
{
    struct accept_op op = {NULL, NULL, NULL, {{NSAPI_UNSPEC, {0}}, 0}, backlog};

    return nsapi_rt_socket_run(&server->base, SOCKET_CONTROL, listen_attempt, &op);
}

static enum socket_step accept_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    struct accept_op *o = op;

    o->stack = socket->stack;
    /* At the limit the connection stays queued in the stack; a waiting accept holds no place. */
    if (!nsapi_rt_stack_has_room(socket->stack)) {
        *result = NSAPI_ERROR_NO_SOCKET;
        return SOCKET_DONE;
    }
    *result = stack_api_socket_accept(socket->stack, socket->handle, &o->handle, &o->from, nsapi_rt_socket_event,
                                      o->connection);
    if (*result == NSAPI_ERROR_OK && nsapi_rt_stack_take_socket(socket->stack) != NSAPI_ERROR_OK) {
        /* An open on another thread took the last place meanwhile: refuse this connection. */
        stack_api_socket_close(socket->stack, o->handle);
        *result = NSAPI_ERROR_NO_SOCKET;
    }
    return *result == NSAPI_ERROR_WOULD_BLOCK ? SOCKET_WAIT : SOCKET_DONE;
}

nsapi_error_t nsapi_impl_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection,
                                           nsapi_socket_address_t *address)
{
    struct accept_op op = {&connection->base, NULL, NULL, {{NSAPI_UNSPEC, {0}}, 0}, 0};
    nsapi_error_t err;

    if (!nsapi_rt_socket_is_open(&server->base)) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    err = nsapi_rt_socket_claim(&connection->base);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    err = nsapi_rt_socket_run(&server->base, SOCKET_RECEIVER, accept_attempt, &op);
    if (err != NSAPI_ERROR_OK) {
        nsapi_rt_socket_unclaim(&connection->base);
        return err;
    }
    err = nsapi_rt_socket_opened(&connection->base, op.stack, op.handle);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    nsapi_os_lock(&connection->base.sync);
    connection->base.peer = op.from;
    nsapi_os_unlock(&connection->base.sync);
    if (address != NULL) {
        *address = op.from;
    }
    return NSAPI_ERROR_OK;
}
