/* Generated from idl/stack.yaml, idl/stack_api.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/stack_api.h
 *
 * What a stack backend implements and calls; a backend's sources include it
 * beside nsapi/nsapi.h, applications never need it. A backend hands its
 * operations to the runtime with nsapi_stack_init(), from its own start
 * function, and takes them back with nsapi_stack_deinit().
 */
#ifndef NSAPI_STACK_API_H
#define NSAPI_STACK_API_H

#include "nsapi/types.h"
#include "nsapi/errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The runtime's per-socket event function, given to the backend when a socket
 * is created. The backend calls it, from any thread, whenever the socket may be
 * able to receive, send, accept or finish connecting, or has failed. Extra
 * calls are harmless; a missed one leaves a caller waiting.
 */
typedef void (*nsapi_event_cb_t)(void *context);

/**
 * A stack backend's operations. They never block: each returns at once, with
 * NSAPI_ERROR_WOULD_BLOCK (or NSAPI_ERROR_IN_PROGRESS for connect) when it
 * cannot complete yet, and the backend calls the socket's event callback when
 * the operation may succeed if retried. The runtime builds blocking calls,
 * timeouts and sigio on top. An operation left NULL is NSAPI_ERROR_UNSUPPORTED,
 * unless its doc says what the runtime does instead.
 */
struct nsapi_stack_api {
    /**
     * The stack's own IP address.
     *
     * @retval NSAPI_ERROR_OK         addr holds it.
     * @retval NSAPI_ERROR_NO_ADDRESS the stack has no address yet.
     */
    nsapi_error_t (*get_ip_address)(nsapi_stack_t *stack, nsapi_addr_t *addr);
    /**
     * Resolve a name with the backend's own resolver (for example the host's).
     * The runtime asks it only while the program has given the runtime's
     * resolver no server; it may block, and for asynchronous lookups runs in
     * the resolver's own thread.
     *
     * Left NULL: the runtime's resolver asks the servers given to
     * nsapi_stack_add_dns_server() over the stack's own UDP sockets.
     *
     * @retval NSAPI_ERROR_OK          addr holds the result.
     * @retval NSAPI_ERROR_DNS_FAILURE no such name, no address of that version,
     *                                 or no answer.
     * @retval NSAPI_ERROR_NO_MEMORY   the resolver ran out of memory.
     */
    nsapi_error_t (*gethostbyname)(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version);
    /**
     * Give the backend's own resolver a server. Set it with gethostbyname, or
     * neither.
     *
     * Left NULL: the runtime's resolver keeps the server.
     *
     * @retval NSAPI_ERROR_OK added.
     */
    nsapi_error_t (*add_dns_server)(nsapi_stack_t *stack, const nsapi_addr_t *addr);
    /**
     * Create a socket and store its handle. From now until socket_close
     * returns, the backend calls event(context) as the socket changes state.
     *
     * @retval NSAPI_ERROR_OK          handle is set.
     * @retval NSAPI_ERROR_NO_SOCKET   no socket free.
     * @retval NSAPI_ERROR_UNSUPPORTED proto is not offered.
     */
    nsapi_error_t (*socket_open)(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle, nsapi_event_cb_t event, void *context);
    /**
     * Close the socket and free it. After it returns the backend never calls
     * the socket's event function again.
     *
     * Event: None for this socket once close has returned; calls already under
     * way in other threads must have finished by then.
     *
     * @retval NSAPI_ERROR_OK closed.
     */
    nsapi_error_t (*socket_close)(nsapi_stack_t *stack, nsapi_handle_t handle);
    /**
     * Bind to a local address; an empty or zero address means any.
     *
     * @retval NSAPI_ERROR_OK             bound.
     * @retval NSAPI_ERROR_PARAMETER      not a local address, or already bound.
     * @retval NSAPI_ERROR_ADDRESS_IN_USE held by another socket.
     */
    nsapi_error_t (*socket_bind)(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address);
    /**
     * Start listening on a bound TCP socket.
     *
     * @retval NSAPI_ERROR_OK        listening.
     * @retval NSAPI_ERROR_PARAMETER not bound.
     */
    nsapi_error_t (*socket_listen)(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog);
    /**
     * Start connecting (TCP) or set the peer (UDP). Repeated calls report the
     * attempt's progress.
     *
     * Event: When the attempt succeeds or fails.
     *
     * @retval NSAPI_ERROR_OK            connected (UDP, or an attempt that
     *                                   completed at once).
     * @retval NSAPI_ERROR_IN_PROGRESS   the attempt started.
     * @retval NSAPI_ERROR_ALREADY       the attempt is still going.
     * @retval NSAPI_ERROR_IS_CONNECTED  the attempt succeeded earlier.
     * @retval NSAPI_ERROR_NO_CONNECTION the attempt failed.
     */
    nsapi_error_t (*socket_connect)(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address);
    /**
     * Take a pending connection and store its handle and the client's address.
     * From then on the backend calls event(context) for the new socket, and
     * calls it once at once if data or a close is already pending, so nothing
     * that arrived before is missed.
     *
     * Event: The listening socket's, when a connection arrives; the new
     * socket's, at once if data or a close came before it was accepted.
     *
     * @retval NSAPI_ERROR_OK          handle and address are set.
     * @retval NSAPI_ERROR_WOULD_BLOCK no connection pending.
     * @retval NSAPI_ERROR_NO_SOCKET   no socket free.
     */
    nsapi_error_t (*socket_accept)(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle, nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context);
    /**
     * Queue bytes on a connected TCP socket.
     *
     * Event: After WOULD_BLOCK, when room frees up; and when the connection
     * fails.
     *
     * @retval NSAPI_ERROR_WOULD_BLOCK   no room.
     * @retval NSAPI_ERROR_NO_CONNECTION not connected or reset.
     */
    nsapi_size_or_error_t (*socket_send)(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data, nsapi_size_t size);
    /**
     * Take received bytes from a TCP socket; 0 after the peer closed.
     *
     * Event: When bytes arrive, when the peer closes, and when the connection
     * fails.
     *
     * @retval NSAPI_ERROR_WOULD_BLOCK   nothing received.
     * @retval NSAPI_ERROR_NO_CONNECTION not connected or reset.
     */
    nsapi_size_or_error_t (*socket_recv)(nsapi_stack_t *stack, nsapi_handle_t handle, void *data, nsapi_size_t size);
    /**
     * Send one datagram, whole or not at all.
     *
     * Event: After WOULD_BLOCK, when room frees up.
     *
     * @retval NSAPI_ERROR_WOULD_BLOCK no room now.
     * @retval NSAPI_ERROR_NO_MEMORY   too large.
     */
    nsapi_size_or_error_t (*socket_sendto)(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size);
    /**
     * Take one datagram, copying at most size bytes and discarding the rest;
     * address may be NULL.
     *
     * Event: When a datagram arrives.
     *
     * @retval NSAPI_ERROR_WOULD_BLOCK nothing received.
     */
    nsapi_size_or_error_t (*socket_recvfrom)(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_socket_address_t *address, void *data, nsapi_size_t size);
    /**
     * Set an option.
     *
     * @retval NSAPI_ERROR_OK          set.
     * @retval NSAPI_ERROR_UNSUPPORTED unknown option; nothing changed.
     */
    nsapi_error_t (*setsockopt)(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, const void *optval, unsigned optlen);
    /**
     * Read an option.
     *
     * @retval NSAPI_ERROR_OK          written.
     * @retval NSAPI_ERROR_UNSUPPORTED unknown option; optval unchanged.
     */
    nsapi_error_t (*getsockopt)(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, void *optval, unsigned *optlen);
};

/**
 * Make stack a stack served by api. Called by backends, from their own start
 * function.
 *
 * @param stack   The NetworkStack.
 * @param api     The backend's operations; they must outlive the stack.
 * @param context The backend's own state. May be NULL.
 * @retval NSAPI_ERROR_OK        the stack is ready.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the stack is already
 *                               initialised.
 * @retval NSAPI_ERROR_NO_MEMORY the OS could not provide a lock.
 */
nsapi_error_t nsapi_stack_init(nsapi_stack_t *stack, const nsapi_stack_api_t *api, void *context);

/**
 * Release what nsapi_stack_init() took. Called by backends, from their own stop
 * function, once every socket on the stack is closed.
 *
 * @param stack The NetworkStack.
 * @retval NSAPI_ERROR_OK        released; the object may be initialised again.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the stack is not
 *                               initialised.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on the stack, or
 *                               asynchronous lookups are in flight (a cancelled
 *                               one until its thread has ended, an answered one
 *                               until its callback has returned).
 */
nsapi_error_t nsapi_stack_deinit(nsapi_stack_t *stack);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_STACK_API_H */
