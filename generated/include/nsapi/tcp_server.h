/* Generated from idl/tcp_server.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/tcp_server.h
 *
 * TCPServer, a listening TCP socket that accepts connections.
 */
#ifndef NSAPI_TCP_SERVER_H
#define NSAPI_TCP_SERVER_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/socket.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_tcp_server_class TCPServer
 * @copybrief nsapi_tcp_server
 * @{
 */

/**
 * A TCP socket that listens on a bound port and hands each incoming connection
 * to a caller-allocated TCPSocket.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_tcp_server {
    /** The Socket this TCPServer extends. */
    nsapi_socket_t base;
};

/**
 * Open the socket on a network stack. A socket that was closed may be opened
 * again.
 *
 * @param server The TCPServer.
 * @param stack  An initialised stack.
 * @retval NSAPI_ERROR_OK          the socket is open.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the socket is already
 *                                 open.
 * @retval NSAPI_ERROR_NO_SOCKET   the stack has no socket free.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack does not offer this protocol.
 */
nsapi_error_t nsapi_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack);

/**
 * Close the socket and release the stack's resources. Calls blocked on the
 * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
 * opened again.
 *
 * @param server The TCPServer.
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
static inline nsapi_error_t nsapi_tcp_server_close(nsapi_tcp_server_t *server)
{
    return nsapi_socket_close(server ? &server->base : NULL);
}

/**
 * Give the socket a local address and port. An empty or zero IP address binds
 * the port on every local address.
 *
 * @param server  The TCPServer.
 * @param address Local address and port.
 * @retval NSAPI_ERROR_OK             the socket is bound.
 * @retval NSAPI_ERROR_PARAMETER      a NULL argument, an address that is not
 *                                    local, or a socket already bound.
 * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE another socket holds the address and port.
 * @retval NSAPI_ERROR_UNSUPPORTED    the stack cannot bind.
 */
static inline nsapi_error_t nsapi_tcp_server_bind(nsapi_tcp_server_t *server, const nsapi_socket_address_t *address)
{
    return nsapi_socket_bind(server ? &server->base : NULL, address);
}

/**
 * Make calls block (true, the default) or not (false). false is set_timeout(0),
 * true is set_timeout(-1). Allowed on a closed socket; the setting is kept
 * across close and open.
 *
 * @param server   The TCPServer.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_tcp_server_set_blocking(nsapi_tcp_server_t *server, bool blocking)
{
    return nsapi_socket_set_blocking(server ? &server->base : NULL, blocking);
}

/**
 * Bound how long a blocking call may take, in milliseconds. A call that runs
 * out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the count
 * already sent). 0 means non-blocking; a negative value means no limit. Allowed
 * on a closed socket.
 *
 * @param server  The TCPServer.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
static inline nsapi_error_t nsapi_tcp_server_set_timeout(nsapi_tcp_server_t *server, int timeout)
{
    return nsapi_socket_set_timeout(server ? &server->base : NULL, timeout);
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
 * @param server   The TCPServer.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               socket's events; nothing changed.
 */
static inline nsapi_error_t nsapi_tcp_server_sigio(nsapi_tcp_server_t *server, nsapi_sigio_cb_t callback, void *arg)
{
    return nsapi_socket_sigio(server ? &server->base : NULL, callback, arg);
}

/**
 * Set a socket option (levels and names in nsapi/types.h).
 *
 * @param server  The TCPServer.
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
static inline nsapi_error_t nsapi_tcp_server_setsockopt(nsapi_tcp_server_t *server, int level, int optname, const void *optval, unsigned optlen)
{
    return nsapi_socket_setsockopt(server ? &server->base : NULL, level, optname, optval, optlen);
}

/**
 * Read a socket option.
 *
 * @param server  The TCPServer.
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
static inline nsapi_error_t nsapi_tcp_server_getsockopt(nsapi_tcp_server_t *server, int level, int optname, void *optval, unsigned *optlen)
{
    return nsapi_socket_getsockopt(server ? &server->base : NULL, level, optname, optval, optlen);
}

/**
 * The address of the connected peer.
 *
 * @param server  The TCPServer.
 * @param address Receives the peer's address.
 * @retval NSAPI_ERROR_OK            address holds the peer.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
 */
static inline nsapi_error_t nsapi_tcp_server_getpeername(nsapi_tcp_server_t *server, nsapi_socket_address_t *address)
{
    return nsapi_socket_getpeername(server ? &server->base : NULL, address);
}

/**
 * Start accepting connections on the bound port.
 *
 * @param server  The TCPServer.
 * @param backlog Connections the stack may hold before accept() takes them.
 *                From 1 to 255.
 * @retval NSAPI_ERROR_OK          the server is listening.
 * @retval NSAPI_ERROR_PARAMETER   server is NULL, backlog is out of range, or
 *                                 the socket is not bound.
 * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot listen.
 */
nsapi_error_t nsapi_tcp_server_listen(nsapi_tcp_server_t *server, int backlog);

/**
 * Take the next incoming connection and open connection on it; the server keeps
 * listening. connection must be closed; it is opened on the server's stack and
 * keeps its own blocking mode and timeout (blocking without limit unless set on
 * it), not the server's.
 *
 * @param server     The TCPServer.
 * @param connection A closed TCPSocket to hold the connection.
 * @param address    Receives the client's address, or NULL. May be NULL.
 * @retval NSAPI_ERROR_OK          connection is open and connected.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, connection is open, or the
 *                                 server is not listening.
 * @retval NSAPI_ERROR_NO_SOCKET   the server is not open, or no socket is free
 *                                 for the connection.
 * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
 *                                 nothing to accept.
 */
nsapi_error_t nsapi_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_TCP_SERVER_H */
