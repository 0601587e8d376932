/* Generated from idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/udp_socket.h
 *
 * UDPSocket, datagrams with sendto and recvfrom.
 */
#ifndef NSAPI_UDP_SOCKET_H
#define NSAPI_UDP_SOCKET_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/socket.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_udp_socket_class UDPSocket
 * @copybrief nsapi_udp_socket
 * @{
 */

/**
 * A UDP socket. Each send is one datagram; each receive returns one datagram.
 * connect() sets a default peer for send() and filters what recv() accepts.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_udp_socket {
    /** The Socket this UDPSocket extends. */
    nsapi_socket_t base;
};

/**
 * Open the socket on a network stack. A socket that was closed may be opened
 * again.
 *
 * @param socket The UDPSocket.
 * @param stack  An initialised stack.
 * @retval NSAPI_ERROR_OK          the socket is open.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the socket is already
 *                                 open.
 * @retval NSAPI_ERROR_NO_SOCKET   the stack has no socket free.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack does not offer this protocol.
 */
nsapi_error_t nsapi_udp_socket_open(nsapi_udp_socket_t *socket, nsapi_stack_t *stack);

/**
 * Close the socket and release the stack's resources. Calls blocked on the
 * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
 * opened again.
 *
 * @param socket The UDPSocket.
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
static inline nsapi_error_t nsapi_udp_socket_close(nsapi_udp_socket_t *socket)
{
    return nsapi_socket_close(socket ? &socket->base : NULL);
}

/**
 * Give the socket a local address and port. An empty or zero IP address binds
 * the port on every local address.
 *
 * @param socket  The UDPSocket.
 * @param address Local address and port.
 * @retval NSAPI_ERROR_OK             the socket is bound.
 * @retval NSAPI_ERROR_PARAMETER      a NULL argument, an address that is not
 *                                    local, or a socket already bound.
 * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE another socket holds the address and port.
 * @retval NSAPI_ERROR_UNSUPPORTED    the stack cannot bind.
 */
static inline nsapi_error_t nsapi_udp_socket_bind(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address)
{
    return nsapi_socket_bind(socket ? &socket->base : NULL, address);
}

/**
 * Make calls block (true, the default) or not (false). false is set_timeout(0),
 * true is set_timeout(-1). Allowed on a closed socket; the setting is kept
 * across close and open.
 *
 * @param socket   The UDPSocket.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_udp_socket_set_blocking(nsapi_udp_socket_t *socket, bool blocking)
{
    return nsapi_socket_set_blocking(socket ? &socket->base : NULL, blocking);
}

/**
 * Bound how long a blocking call may take, in milliseconds. A call that runs
 * out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the count
 * already sent). 0 means non-blocking; a negative value means no limit. Allowed
 * on a closed socket.
 *
 * @param socket  The UDPSocket.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_udp_socket_set_timeout(nsapi_udp_socket_t *socket, int timeout)
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
 * @param socket   The UDPSocket.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               socket's events; nothing changed.
 */
static inline nsapi_error_t nsapi_udp_socket_sigio(nsapi_udp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    return nsapi_socket_sigio(socket ? &socket->base : NULL, callback, arg);
}

/**
 * Set a socket option (levels and names in nsapi/types.h).
 *
 * @param socket  The UDPSocket.
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
static inline nsapi_error_t nsapi_udp_socket_setsockopt(nsapi_udp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen)
{
    return nsapi_socket_setsockopt(socket ? &socket->base : NULL, level, optname, optval, optlen);
}

/**
 * Read a socket option.
 *
 * @param socket  The UDPSocket.
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
static inline nsapi_error_t nsapi_udp_socket_getsockopt(nsapi_udp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen)
{
    return nsapi_socket_getsockopt(socket ? &socket->base : NULL, level, optname, optval, optlen);
}

/**
 * The address of the connected peer.
 *
 * @param socket  The UDPSocket.
 * @param address Receives the peer's address.
 * @retval NSAPI_ERROR_OK            address holds the peer.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
 */
static inline nsapi_error_t nsapi_udp_socket_getpeername(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address)
{
    return nsapi_socket_getpeername(socket ? &socket->base : NULL, address);
}

/**
 * Send one datagram to address. A zero-length datagram is allowed.
 *
 * @param socket  The UDPSocket.
 * @param address Destination address and port.
 * @param data    The payload. May be NULL when size is 0.
 * @param size    Bytes at data.
 * @return size; a datagram is sent whole or not at all; otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or a destination no datagram
 *                                 can go to, refused at once: empty, port 0, or
 *                                 the unspecified address (0.0.0.0, ::).
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, and the
 *                                 stack could not take it.
 * @retval NSAPI_ERROR_NO_MEMORY   the datagram is larger than the stack can
 *                                 send.
 */
nsapi_size_or_error_t nsapi_udp_socket_sendto(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size);

/**
 * Receive one datagram. The part that does not fit in size bytes is discarded,
 * so size 0 takes the next datagram and returns 0 (the way to drop one). With a
 * peer set by connect(), datagrams from elsewhere are dropped.
 *
 * @param socket  The UDPSocket.
 * @param address Receives the sender's address, or NULL. May be NULL.
 * @param data    Where to copy the payload. May be NULL when size is 0.
 * @param size    Bytes available at data.
 * @return The number of bytes copied, 0 for an empty datagram; otherwise one
 *         of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
 *                                 nothing received.
 */
nsapi_size_or_error_t nsapi_udp_socket_recvfrom(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address, void *data, nsapi_size_t size);

/**
 * Set the peer used by send() and accepted by recv() and recvfrom(). An empty
 * address removes it. No packet is sent.
 *
 * @param socket  The UDPSocket.
 * @param address The peer, or an empty address.
 * @retval NSAPI_ERROR_OK        the peer is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET the socket is not open.
 */
nsapi_error_t nsapi_udp_socket_connect(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address);

/**
 * Send one datagram to the peer set by connect().
 *
 * @param socket The UDPSocket.
 * @param data   The payload. May be NULL when size is 0.
 * @param size   Bytes at data.
 * @return size; otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or a peer no datagram can go
 *                                 to (as for sendto), refused at once.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_NO_ADDRESS  no peer was set by connect().
 * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, and the
 *                                 stack could not take it.
 * @retval NSAPI_ERROR_NO_MEMORY   the datagram is larger than the stack can
 *                                 send.
 */
nsapi_size_or_error_t nsapi_udp_socket_send(nsapi_udp_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Receive one datagram, from the peer if one was set by connect(); as
 * recvfrom(), size 0 takes one and returns 0.
 *
 * @param socket The UDPSocket.
 * @param data   Where to copy the payload. May be NULL when size is 0.
 * @param size   Bytes available at data.
 * @return The number of bytes copied, 0 for an empty datagram; otherwise one
 *         of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
 *                                 nothing received.
 */
nsapi_size_or_error_t nsapi_udp_socket_recv(nsapi_udp_socket_t *socket, void *data, nsapi_size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_UDP_SOCKET_H */
