/*
 * TCPSocket: a byte stream.  Blocking send queues everything or runs out of
 * time; recv returns what is there; connect follows Mbed's non-blocking
 * sequence IN_PROGRESS, ALREADY, IS_CONNECTED and turns it into OK when it
 * blocks.
 */
#include <limits.h>
#include <string.h>

#include "destination.h"
#include "impl.h"
#include "os.h"
#include "socket.h"

struct stream_op {
    const nsapi_socket_address_t *address;
    const unsigned char *out;
    void *in;
    nsapi_size_t size;
    nsapi_size_t done;  /* bytes sent so far */
    bool started;       /* connect: this call saw the attempt in progress */
};

nsapi_error_t nsapi_impl_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack)
{
    return nsapi_rt_socket_open(&socket->base, stack, NSAPI_TCP);
}

static enum socket_step connect_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    struct stream_op *o = op;

    *result = stack_api_socket_connect(socket->stack, socket->handle, o->address);
    if (*result == NSAPI_ERROR_IN_PROGRESS || *result == NSAPI_ERROR_OK || *result == NSAPI_ERROR_NO_CONNECTION) {
        /* The peer is known from the first answer, even if this call times out before the handshake ends. */
        nsapi_os_lock(&socket->sync);
        if (*result == NSAPI_ERROR_NO_CONNECTION) {
            memset(&socket->peer, 0, sizeof socket->peer);
        } else {
            socket->peer = *o->address;
        }
        nsapi_os_unlock(&socket->sync);
    }
    if (*result == NSAPI_ERROR_IN_PROGRESS || *result == NSAPI_ERROR_ALREADY) {
        o->started = true;
        return SOCKET_WAIT;
    }
    return SOCKET_DONE;
}

nsapi_error_t nsapi_impl_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address)
{
    struct stream_op op = {address, NULL, NULL, 0, 0, false};
    nsapi_socket_t *s = &socket->base;
    nsapi_error_t err;
    bool nonblocking = nsapi_rt_socket_nonblocking(s);

    /* After the open check, so that a closed socket answers NSAPI_ERROR_NO_SOCKET for any address. */
    if (!nsapi_rt_destination_usable(address, NSAPI_TCP) && nsapi_rt_socket_is_open(s)) {
        return NSAPI_ERROR_PARAMETER;
    }
    err = nsapi_rt_socket_run(s, SOCKET_SENDER, connect_attempt, &op);
    if (err == NSAPI_ERROR_IS_CONNECTED && op.started && !nonblocking) {
        err = NSAPI_ERROR_OK; /* this call saw it through */
        /* Nothing can have come yet that the peer did not send before its side was up. */
        nsapi_rt_socket_expect_wait(s);
    } else if ((err == NSAPI_ERROR_IN_PROGRESS || err == NSAPI_ERROR_ALREADY) && !nonblocking) {
        err = NSAPI_ERROR_WOULD_BLOCK; /* the timeout passed first */
    }
    return err;
}

static enum socket_step send_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    struct stream_op *o = op;
    nsapi_size_or_error_t sent;

    sent = stack_api_socket_send(socket->stack, socket->handle, o->out + o->done, o->size - o->done);
    if (sent > 0) {
        o->done += (nsapi_size_t)sent;
    }
    /* What the call returns if it ends now: the bytes queued, if any, before an error. */
    *result = o->done > 0 ? (nsapi_size_or_error_t)o->done : sent;
    if (sent < 0 && sent != NSAPI_ERROR_WOULD_BLOCK) {
        return SOCKET_DONE;
    }
    if (o->done == o->size) {
        *result = (nsapi_size_or_error_t)o->done;
        return SOCKET_DONE;
    }
    /* Some went but not all: the stack may take more at once.  None went: wait for room. */
    if (sent > 0) {
        return SOCKET_AGAIN;
    }
    if (sent == 0) {
        *result = o->done > 0 ? (nsapi_size_or_error_t)o->done : NSAPI_ERROR_WOULD_BLOCK;
    }
    return SOCKET_WAIT;
}

nsapi_size_or_error_t nsapi_impl_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size)
{
    /* The count must fit the return type; a larger buffer is a partial send. */
    struct stream_op op = {NULL, data, NULL, size > INT_MAX ? (nsapi_size_t)INT_MAX : size, 0, false};

    return nsapi_rt_socket_run(&socket->base, SOCKET_SENDER, send_attempt, &op);
}

static enum socket_step recv_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    struct stream_op *o = op;

    *result = stack_api_socket_recv(socket->stack, socket->handle, o->in, o->size);
    return *result == NSAPI_ERROR_WOULD_BLOCK ? SOCKET_WAIT : SOCKET_DONE;
}

nsapi_size_or_error_t nsapi_impl_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size)
{
    struct stream_op op = {NULL, NULL, data, size > INT_MAX ? (nsapi_size_t)INT_MAX : size, 0, false};

    return nsapi_rt_socket_run(&socket->base, SOCKET_RECEIVER, recv_attempt, &op);
}
