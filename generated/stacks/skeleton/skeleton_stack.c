/* Generated from idl/stack_api.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* The skeleton stack backend.  Replace each body with the real operation. */
#include "skeleton_stack.h"

/**
 * The stack's own IP address.
 *
 * @retval NSAPI_ERROR_OK         addr holds it.
 * @retval NSAPI_ERROR_NO_ADDRESS the stack has no address yet.
 */
static nsapi_error_t skeleton_get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr)
{
    (void)stack;
    (void)addr;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Resolve a name with the backend's own resolver. Leave NULL to use the
 * runtime's resolver, which queries DNS over the stack's UDP.
 *
 * @retval NSAPI_ERROR_OK          addr holds the result.
 * @retval NSAPI_ERROR_DNS_FAILURE no answer.
 */
static nsapi_error_t skeleton_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version)
{
    (void)stack;
    (void)host;
    (void)addr;
    (void)version;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Give the backend's own resolver a server. Leave NULL with gethostbyname.
 *
 * @retval NSAPI_ERROR_OK added.
 */
static nsapi_error_t skeleton_add_dns_server(nsapi_stack_t *stack, const nsapi_addr_t *addr)
{
    (void)stack;
    (void)addr;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Create a socket and store its handle. From now until socket_close returns,
 * the backend calls event(context) as the socket changes state.
 *
 * @retval NSAPI_ERROR_OK          handle is set.
 * @retval NSAPI_ERROR_NO_SOCKET   no socket free.
 * @retval NSAPI_ERROR_UNSUPPORTED proto is not offered.
 */
static nsapi_error_t skeleton_socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle, nsapi_event_cb_t event, void *context)
{
    (void)stack;
    (void)proto;
    (void)handle;
    (void)event;
    (void)context;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Close the socket and free it. After it returns the backend never calls the
 * socket's event function again.
 *
 * @retval NSAPI_ERROR_OK closed.
 */
static nsapi_error_t skeleton_socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    (void)stack;
    (void)handle;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Bind to a local address; an empty or zero address means any.
 *
 * @retval NSAPI_ERROR_OK             bound.
 * @retval NSAPI_ERROR_PARAMETER      not a local address, or already bound.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE held by another socket.
 */
static nsapi_error_t skeleton_socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address)
{
    (void)stack;
    (void)handle;
    (void)address;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Start listening on a bound TCP socket.
 *
 * @retval NSAPI_ERROR_OK        listening.
 * @retval NSAPI_ERROR_PARAMETER not bound.
 */
static nsapi_error_t skeleton_socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    (void)stack;
    (void)handle;
    (void)backlog;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Start connecting (TCP) or set the peer (UDP). Repeated calls report the
 * attempt's progress.
 *
 * @retval NSAPI_ERROR_OK            connected (UDP, or an attempt that
 *                                   completed at once).
 * @retval NSAPI_ERROR_IN_PROGRESS   the attempt started.
 * @retval NSAPI_ERROR_ALREADY       the attempt is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED  the attempt succeeded earlier.
 * @retval NSAPI_ERROR_NO_CONNECTION the attempt failed.
 */
static nsapi_error_t skeleton_socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address)
{
    (void)stack;
    (void)handle;
    (void)address;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Take a pending connection and store its handle and the client's address. From
 * then on the backend calls event(context) for the new socket, and calls it
 * once at once if data or a close is already pending, so nothing that arrived
 * before is missed.
 *
 * @retval NSAPI_ERROR_OK          handle and address are set.
 * @retval NSAPI_ERROR_WOULD_BLOCK no connection pending.
 * @retval NSAPI_ERROR_NO_SOCKET   no socket free.
 */
static nsapi_error_t skeleton_socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle, nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    (void)stack;
    (void)server;
    (void)handle;
    (void)address;
    (void)event;
    (void)context;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Queue bytes on a connected TCP socket.
 *
 * @retval NSAPI_ERROR_WOULD_BLOCK   no room.
 * @retval NSAPI_ERROR_NO_CONNECTION not connected or reset.
 */
static nsapi_size_or_error_t skeleton_socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data, nsapi_size_t size)
{
    (void)stack;
    (void)handle;
    (void)data;
    (void)size;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Take received bytes from a TCP socket; 0 after the peer closed.
 *
 * @retval NSAPI_ERROR_WOULD_BLOCK   nothing received.
 * @retval NSAPI_ERROR_NO_CONNECTION not connected or reset.
 */
static nsapi_size_or_error_t skeleton_socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data, nsapi_size_t size)
{
    (void)stack;
    (void)handle;
    (void)data;
    (void)size;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Send one datagram, whole or not at all.
 *
 * @retval NSAPI_ERROR_WOULD_BLOCK no room now.
 * @retval NSAPI_ERROR_NO_MEMORY   too large.
 */
static nsapi_size_or_error_t skeleton_socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size)
{
    (void)stack;
    (void)handle;
    (void)address;
    (void)data;
    (void)size;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Take one datagram, copying at most size bytes and discarding the rest;
 * address may be NULL.
 *
 * @retval NSAPI_ERROR_WOULD_BLOCK nothing received.
 */
static nsapi_size_or_error_t skeleton_socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    (void)stack;
    (void)handle;
    (void)address;
    (void)data;
    (void)size;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Set an option.
 *
 * @retval NSAPI_ERROR_OK          set.
 * @retval NSAPI_ERROR_UNSUPPORTED unknown option; nothing changed.
 */
static nsapi_error_t skeleton_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, const void *optval, unsigned optlen)
{
    (void)stack;
    (void)handle;
    (void)level;
    (void)optname;
    (void)optval;
    (void)optlen;
    return NSAPI_ERROR_UNSUPPORTED;
}

/**
 * Read an option.
 *
 * @retval NSAPI_ERROR_OK          written.
 * @retval NSAPI_ERROR_UNSUPPORTED unknown option; optval unchanged.
 */
static nsapi_error_t skeleton_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, void *optval, unsigned *optlen)
{
    (void)stack;
    (void)handle;
    (void)level;
    (void)optname;
    (void)optval;
    (void)optlen;
    return NSAPI_ERROR_UNSUPPORTED;
}

const nsapi_stack_api_t nsapi_skeleton_stack_api = {
    .get_ip_address = skeleton_get_ip_address,
    .gethostbyname = skeleton_gethostbyname,
    .add_dns_server = skeleton_add_dns_server,
    .socket_open = skeleton_socket_open,
    .socket_close = skeleton_socket_close,
    .socket_bind = skeleton_socket_bind,
    .socket_listen = skeleton_socket_listen,
    .socket_connect = skeleton_socket_connect,
    .socket_accept = skeleton_socket_accept,
    .socket_send = skeleton_socket_send,
    .socket_recv = skeleton_socket_recv,
    .socket_sendto = skeleton_socket_sendto,
    .socket_recvfrom = skeleton_socket_recvfrom,
    .setsockopt = skeleton_setsockopt,
    .getsockopt = skeleton_getsockopt,
};

nsapi_error_t nsapi_skeleton_stack_init(nsapi_stack_t *stack)
{
    return nsapi_stack_init(stack, &nsapi_skeleton_stack_api, NULL);
}
