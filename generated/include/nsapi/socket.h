/* Generated from idl/socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/socket.h
 *
 * Socket, the abstract base of every socket class.
 */
#ifndef NSAPI_SOCKET_H
#define NSAPI_SOCKET_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/socket_address.h"
#include "nsapi/os.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_socket_class Socket
 * @copybrief nsapi_socket
 * @{
 */

/**
 * What every socket has: a stack it is open on, blocking mode and timeout, a
 * sigio callback and options. Objects are allocated by the caller (static,
 * automatic or inside another object) and zero-filled before first use, which
 * makes them closed. A socket is blocking with no timeout until told otherwise.
 * Argument errors are reported before state errors: a NULL pointer gives
 * NSAPI_ERROR_PARAMETER even on a closed socket.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_socket {
    /** The stack the socket is open on, NULL while closed. */
    nsapi_stack_t *stack;
    /** The stack's handle for this socket. */
    nsapi_handle_t handle;
    /** The connected peer, empty when none. */
    nsapi_socket_address_t peer;
    /** The user's event callback, or NULL. */
    nsapi_sigio_cb_t sigio;
    /** Argument passed to sigio. */
    void *sigio_arg;
    /**
     * Milliseconds a blocking call may wait, once set; negative for no limit.
     */
    int timeout;
    /**
     * Events the stack has signalled, counted, so that a call notices one that
     * came while it ran.
     */
    unsigned events;
    /**
     * The thread (nsapi_os_thread_self) whose call that receives or accepts
     * runs, 0 when none; others wait their turn.
     */
    uintptr_t reader;
    /**
     * The thread whose call that sends or connects runs, 0 when none; others
     * wait their turn.
     */
    uintptr_t writer;
    /**
     * Runtime state bits (open, closing, timeout set, sigio sent), under sync.
     */
    uint8_t flags;
    /**
     * 1 once sync is set up, by the first open; apart from flags because it is
     * read before taking the lock.
     */
    uint8_t ready;
    /**
     * Calls without a turn (bind, options, listen) inside the stack; close
     * waits for them.
     */
    uint8_t controls;
    /** Calls waiting on sync, so that events wake only when someone waits. */
    uint8_t waiters;
    /**
     * Receiving calls left that wait before they try, on a stack that waits
     * itself: set when one found nothing (or a connect had to wait), so that a
     * call that expects to wait skips the attempt that would find nothing.
     */
    uint8_t wait_first;
    /**
     * Lock and wake-up for the fields above, set up by the first open and kept
     * for the object's life.
     */
    nsapi_os_sync_t sync;
};

/**
 * Close the socket and release the stack's resources. Calls blocked on the
 * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
 * opened again.
 *
 * @param socket The Socket.
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
nsapi_error_t nsapi_socket_close(nsapi_socket_t *socket);

/**
 * Give the socket a local address and port. An empty or zero IP address binds
 * the port on every local address.
 *
 * @param socket  The Socket.
 * @param address Local address and port.
 * @retval NSAPI_ERROR_OK             the socket is bound.
 * @retval NSAPI_ERROR_PARAMETER      a NULL argument, an address that is not
 *                                    local, or a socket already bound.
 * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
 * @retval NSAPI_ERROR_ADDRESS_IN_USE another socket holds the address and port.
 * @retval NSAPI_ERROR_UNSUPPORTED    the stack cannot bind.
 */
nsapi_error_t nsapi_socket_bind(nsapi_socket_t *socket, const nsapi_socket_address_t *address);

/**
 * Make calls block (true, the default) or not (false). false is set_timeout(0),
 * true is set_timeout(-1). Allowed on a closed socket; the setting is kept
 * across close and open.
 *
 * @param socket   The Socket.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_socket_set_blocking(nsapi_socket_t *socket, bool blocking);

/**
 * Bound how long a blocking call may take, in milliseconds. A call that runs
 * out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the count
 * already sent). 0 means non-blocking; a negative value means no limit. Allowed
 * on a closed socket.
 *
 * @param socket  The Socket.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_socket_set_timeout(nsapi_socket_t *socket, int timeout);

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
 * @param socket   The Socket.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               socket's events; nothing changed.
 */
nsapi_error_t nsapi_socket_sigio(nsapi_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);

/**
 * Set a socket option (levels and names in nsapi/types.h).
 *
 * @param socket  The Socket.
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
nsapi_error_t nsapi_socket_setsockopt(nsapi_socket_t *socket, int level, int optname, const void *optval, unsigned optlen);

/**
 * Read a socket option.
 *
 * @param socket  The Socket.
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
nsapi_error_t nsapi_socket_getsockopt(nsapi_socket_t *socket, int level, int optname, void *optval, unsigned *optlen);

/**
 * The address of the connected peer.
 *
 * @param socket  The Socket.
 * @param address Receives the peer's address.
 * @retval NSAPI_ERROR_OK            address holds the peer.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
 */
nsapi_error_t nsapi_socket_getpeername(nsapi_socket_t *socket, nsapi_socket_address_t *address);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_SOCKET_H */
