/*
 * UDPSocket: one datagram per call.  A peer set by connect() is the default
 * destination and a receive filter; datagrams from anyone else are dropped.
 */
#include <string.h>

#include "destination.h"
#include "impl.h"
#include "os.h"
#include "socket.h"

struct datagram_op {
    nsapi_socket_address_t peer;        /* for send: where; for receive: the filter, if set */
    const void *out;
    void *in;
    nsapi_size_t size;
    nsapi_socket_address_t *from;
};

nsapi_error_t nsapi_impl_udp_socket_open(nsapi_udp_socket_t *socket, nsapi_stack_t *stack)
{
    return nsapi_rt_socket_open(&socket->base, stack, NSAPI_UDP);
}

static enum socket_step sendto_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    const struct datagram_op *o = op;

    *result = stack_api_socket_sendto(socket->stack, socket->handle, &o->peer, o->out, o->size);
    return *result == NSAPI_ERROR_WOULD_BLOCK ? SOCKET_WAIT : SOCKET_DONE;
}

static enum socket_step recvfrom_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    struct datagram_op *o = op;
    nsapi_socket_address_t from;

    /* Each turn of the loop takes one datagram, so it ends when the queue is empty. */
    for (;;) {
        from.addr.version = NSAPI_UNSPEC;
        from.port = 0;
        *result = stack_api_socket_recvfrom(socket->stack, socket->handle, &from, o->in, o->size);
        if (*result < 0) {
            return *result == NSAPI_ERROR_WOULD_BLOCK ? SOCKET_WAIT : SOCKET_DONE;
        }
        if (o->peer.addr.version == NSAPI_UNSPEC || nsapi_rt_socket_same_peer(&from, &o->peer)) {
            break;
        }
    }
    if (o->from != NULL) {
        *o->from = from;
    }
    return SOCKET_DONE;
}

/* sendto's destination, judged once the socket is known open (a closed one says NO_SOCKET first). */
static nsapi_error_t sendto_check(nsapi_socket_t *socket, void *op)
{
    const struct datagram_op *o = op;

    (void)socket;
    return nsapi_rt_destination_usable(&o->peer, NSAPI_UDP) ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;
}

/* send's destination: the peer set by connect(), read under the lock, which the call needs. */
static nsapi_error_t send_check(nsapi_socket_t *socket, void *op)
{
    struct datagram_op *o = op;

    o->peer = socket->peer;
    if (o->peer.addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    return sendto_check(socket, op); /* connect() records any peer, as Mbed's does */
}

/* A receive's filter: the peer set by connect(), if any, read under the lock. */
static nsapi_error_t recv_check(nsapi_socket_t *socket, void *op)
{
    ((struct datagram_op *)op)->peer = socket->peer;
    return NSAPI_ERROR_OK;
}

nsapi_size_or_error_t nsapi_impl_udp_socket_sendto(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address,
                                                   const void *data, nsapi_size_t size)
{
    struct datagram_op op = {*address, data, NULL, size, NULL};

    return nsapi_rt_socket_run_checked(&socket->base, SOCKET_SENDER, sendto_check, sendto_attempt, &op);
}

nsapi_size_or_error_t nsapi_impl_udp_socket_recvfrom(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address,
                                                     void *data, nsapi_size_t size)
{
    struct datagram_op op = {{{NSAPI_UNSPEC, {0}}, 0}, NULL, data, size, address};

    return nsapi_rt_socket_run_checked(&socket->base, SOCKET_RECEIVER, recv_check, recvfrom_attempt, &op);
}

nsapi_error_t nsapi_impl_udp_socket_connect(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (!nsapi_rt_socket_is_open(&socket->base)) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    nsapi_os_lock(&socket->base.sync);
    socket->base.peer = *address;
    if (!nsapi_socket_address_is_nonzero(address)) {
        socket->base.peer.addr.version = NSAPI_UNSPEC; /* an empty or zero address removes the peer */
    }
    nsapi_os_unlock(&socket->base.sync);
    return NSAPI_ERROR_OK;
}

nsapi_size_or_error_t nsapi_impl_udp_socket_send(nsapi_udp_socket_t *socket, const void *data, nsapi_size_t size)
{
    struct datagram_op op = {{{NSAPI_UNSPEC, {0}}, 0}, data, NULL, size, NULL};

    return nsapi_rt_socket_run_checked(&socket->base, SOCKET_SENDER, send_check, sendto_attempt, &op);
}

nsapi_size_or_error_t nsapi_impl_udp_socket_recv(nsapi_udp_socket_t *socket, void *data, nsapi_size_t size)
{
    return nsapi_impl_udp_socket_recvfrom(socket, NULL, data, size);
}
