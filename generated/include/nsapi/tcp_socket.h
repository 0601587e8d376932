/* Generated from idl/tcp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/tcp_socket.h
 *
 * TCPSocket, a connected byte stream.
 */
#ifndef NSAPI_TCP_SOCKET_H
#define NSAPI_TCP_SOCKET_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/socket.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_tcp_socket_class TCPSocket
 * @copybrief nsapi_tcp_socket
 * @{
 */

/**
 * A TCP connection: connect to a server, or be handed one by
 * nsapi_tcp_server_accept().
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_tcp_socket {
    /** The Socket this TCPSocket extends. */
    nsapi_socket_t base;
};

/**
 * Open the socket on a network stack. A socket that was closed may be opened
 * again.
 *
 * @param socket The TCPSocket.
 * @param stack  An initialised stack.
 * @retval NSAPI_ERROR_OK          the socket is open.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the socket is already
 *                                 open.
 * @retval NSAPI_ERROR_NO_SOCKET   the stack has no socket free.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack does not offer this protocol.
 */
nsapi_error_t nsapi_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack);

/**
 * Close the socket and release the stack's resources. Calls blocked on the
 * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
 * opened again.
 *
 * @param socket The TCPSocket.
 * @retval NSAPI_ERROR_OK          the socket is closed.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK called from a sigio the stack runs in its own
 *                                 context (lwIP's event-driven mode) while
 *                                 another call on the socket is under way, or
 *                                 from a sigio that runs inside a receive or
 *                                 send on the socket further up the same
 *                                 thread; the socket stays open: close it
 *                                 later.
 */
static inline nsapi_error_t nsapi_tcp_socket_close(nsapi_tcp_socket_t *socket)
{
    return nsapi_socket_close(socket ? &socket->base : NULL);
}

/**
 * Give the socket a local address and port. An empty or zero IP address binds
 * the port on every local address.
 *
 * @param socket  The TCPSocket.
 * @param address Local address and port.
 * @retval NSAPI_ERROR_OK             the socket is bound.
 * @retval NSAPI_ERROR_PARAMETER      a NULL argument, an address that is not
 *                                    local, or a socket already bound.
 * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE another socket holds the address and port.
 * @retval NSAPI_ERROR_UNSUPPORTED    the stack cannot bind.
 */
static inline nsapi_error_t nsapi_tcp_socket_bind(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address)
{
    return nsapi_socket_bind(socket ? &socket->base : NULL, address);
}

/**
 * Make calls block (true, the default) or not (false). false is set_timeout(0),
 * true is set_timeout(-1). Allowed on a closed socket; the setting is kept
 * across close and open.
 *
 * @param socket   The TCPSocket.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_tcp_socket_set_blocking(nsapi_tcp_socket_t *socket, bool blocking)
{
    return nsapi_socket_set_blocking(socket ? &socket->base : NULL, blocking);
}

/**
 * Bound how long a blocking call may take, in milliseconds. A call that runs
 * out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the count
 * already sent). 0 means non-blocking; a negative value means no limit. Allowed
 * on a closed socket.
 *
 * @param socket  The TCPSocket.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_tcp_socket_set_timeout(nsapi_tcp_socket_t *socket, int timeout)
{
    return nsapi_socket_set_timeout(socket ? &socket->base : NULL, timeout);
}

/**
 * Register the function called when the socket may be able to make progress or
 * has failed; NULL removes it. Events are coalesced: after a call, the next one
 * comes only once the socket has been used again, so drain the socket (until
 * NSAPI_ERROR_WOULD_BLOCK) before waiting. An event already pending when the
 * callback is registered is delivered. A non-blocking call that finds another
 * call of its kind under way on the socket returns NSAPI_ERROR_WOULD_BLOCK, and
 * the callback is called again as that call ends. Allowed on a closed socket. A
 * stack may call it in its own context (lwIP's event-driven mode,
 * nsapi_lwip_set_event_driven): there a call that would wait returns at once
 * what a timeout of 0 returns (NSAPI_ERROR_WOULD_BLOCK, or the count a send
 * queued). So does a call from a sigio that runs inside a call of its kind on
 * the same socket further up the same thread (lwIP sends the events its lock's
 * holder raised as that thread lets the lock go), which could only wait for
 * itself; the callback is called again as the outer call ends.
 *
 * @param socket   The TCPSocket.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               socket's events; nothing changed.
 */
static inline nsapi_error_t nsapi_tcp_socket_sigio(nsapi_tcp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    return nsapi_socket_sigio(socket ? &socket->base : NULL, callback, arg);
}

/**
 * Set a socket option (levels and names in nsapi/types.h).
 *
 * @param socket  The TCPSocket.
 * @param level   Option level, normally NSAPI_SOCKET.
 * @param optname Option name.
 * @param optval  The option's value. May be NULL when optlen is 0.
 * @param optlen  Bytes at optval.
 * @retval NSAPI_ERROR_OK          the option is set.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument or a value of the wrong size
 *                                 or range.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack does not know the option; nothing
 *                                 changed.
 */
static inline nsapi_error_t nsapi_tcp_socket_setsockopt(nsapi_tcp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen)
{
    return nsapi_socket_setsockopt(socket ? &socket->base : NULL, level, optname, optval, optlen);
}

/**
 * Read a socket option.
 *
 * @param socket  The TCPSocket.
 * @param level   Option level, normally NSAPI_SOCKET.
 * @param optname Option name.
 * @param optval  Where to write the value.
 * @param optlen  In, the bytes available at optval; out, the bytes written.
 * @retval NSAPI_ERROR_OK          the value was written.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument or a buffer too small.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot report the option; optval
 *                                 unchanged.
 */
static inline nsapi_error_t nsapi_tcp_socket_getsockopt(nsapi_tcp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen)
{
    return nsapi_socket_getsockopt(socket ? &socket->base : NULL, level, optname, optval, optlen);
}

/**
 * The address of the connected peer.
 *
 * @param socket  The TCPSocket.
 * @param address Receives the peer's address.
 * @retval NSAPI_ERROR_OK            address holds the peer.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
 */
static inline nsapi_error_t nsapi_tcp_socket_getpeername(nsapi_tcp_socket_t *socket, nsapi_socket_address_t *address)
{
    return nsapi_socket_getpeername(socket ? &socket->base : NULL, address);
}

/**
 * Connect to a server. A blocking call returns once connected or failed. A
 * non-blocking call returns NSAPI_ERROR_IN_PROGRESS, then NSAPI_ERROR_ALREADY
 * while the attempt lasts, then NSAPI_ERROR_IS_CONNECTED once it succeeded.
 *
 * @param socket  The TCPSocket.
 * @param address The server's address and port.
 * @retval NSAPI_ERROR_OK             connected.
 * @retval NSAPI_ERROR_PARAMETER      a NULL argument, or an address no server
 *                                    can have, refused at once without a packet
 *                                    sent: empty, port 0, the unspecified
 *                                    address (0.0.0.0, ::), multicast
 *                                    (224.0.0.0/4, ff00::/8, or IPv4-mapped) or
 *                                    the limited broadcast 255.255.255.255.
 * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
 * @retval NSAPI_ERROR_IN_PROGRESS    non-blocking; the attempt started.
 * @retval NSAPI_ERROR_ALREADY        non-blocking; the attempt is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED   the socket is already connected.
 * @retval NSAPI_ERROR_NO_CONNECTION  the server refused or could not be
 *                                    reached.
 * @retval NSAPI_ERROR_WOULD_BLOCK    the timeout passed before the attempt
 *                                    ended.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE no local port is free: every ephemeral
 *                                    port holds a connection (TIME-WAIT
 *                                    included); the socket may try again later.
 */
nsapi_error_t nsapi_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address);

/**
 * Send bytes. A blocking call returns when all are queued; a non-blocking or
 * timed-out one may queue only part.
 *
 * @param socket The TCPSocket.
 * @param data   The bytes. May be NULL when size is 0.
 * @param size   Bytes at data.
 * @return The number of bytes queued; otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER       a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed, with
 *                                     nothing queued.
 * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
 *                                     reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that stopped
 *                                     answering (keep-alive or retransmission),
 *                                     every time after.
 */
nsapi_size_or_error_t nsapi_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Receive bytes; returns as soon as some are available.
 *
 * @param socket The TCPSocket.
 * @param data   Where to copy them.
 * @param size   Bytes available at data. At least 1.
 * @return The number of bytes copied; 0 once the peer has closed its side;
 *         otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused at
 *                                     once: nothing can be received into it,
 *                                     and a 0 returned would read as the end of
 *                                     the stream.
 * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed, with
 *                                     nothing received.
 * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
 *                                     reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that stopped
 *                                     answering (keep-alive or retransmission),
 *                                     every time after.
 */
nsapi_size_or_error_t nsapi_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_TCP_SOCKET_H */
