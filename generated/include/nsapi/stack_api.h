/* Generated from idl/network_interface.yaml, idl/stack.yaml, idl/stack_api.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
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
#include "nsapi/network_interface.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Which of an interface's addresses nsapi_interface_api_t's get_address asks
 * for.
 */
typedef enum nsapi_address_kind {
    NSAPI_ADDRESS_IPv4 = 0,            /**< its IPv4 address */
    NSAPI_ADDRESS_NETMASK = 1,         /**< that address's netmask */
    NSAPI_ADDRESS_GATEWAY = 2,         /**< its IPv4 gateway */
    NSAPI_ADDRESS_IPv6_LINK_LOCAL = 3, /**< its IPv6 link-local address */
    NSAPI_ADDRESS_IPv6_GLOBAL = 4,     /**< a valid IPv6 address beyond the link (SLAAC or static), the preferred one first */
} nsapi_address_kind_t;

/**
 * What a call blocked in nsapi_stack_api_t's socket_wait waits for, or which
 * operations socket_block lets block.
 */
typedef enum nsapi_wait {
    NSAPI_WAIT_RECEIVE = 0, /**< bytes, a datagram or a connection to accept, the peer's close, or an error */
    NSAPI_WAIT_SEND = 1,    /**< room to send, the end of a connect attempt, or an error */
} nsapi_wait_t;

/**
 * The runtime's per-socket event function, given to the backend when a socket
 * is created. The backend calls it, from any thread, whenever the socket may be
 * able to receive, send, accept or finish connecting, or has failed. Extra
 * calls are harmless; a missed one leaves a caller waiting.
 */
typedef void (*nsapi_event_cb_t)(void *context);

/**
 * A stack backend's operations. They never block (but socket_wait, and an
 * operation socket_block allowed to): each returns at once, with
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
     * returns, the backend calls event(context) as the socket changes state
     * (after socket_events, only while they are wanted).
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
     * that arrived before is missed (after socket_events, only while they are
     * wanted, and once when they become so).
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
     * The one operation that blocks: sleep until the socket may be able to do
     * what, socket_wake is called for it, or timeout_ms pass (negative: no
     * limit). A blocking call waits here between its attempts, in the backend
     * itself (for kernel sockets, in poll), so no other thread has to see the
     * readiness and wake it. Several threads may wait on one socket at once. An
     * early return is harmless: the runtime tries the operation again and waits
     * again.
     *
     * Left NULL: a blocking call sleeps on the socket's lock until the socket's
     * event function runs (and socket_wake and socket_events are not called).
     *
     * @retval NSAPI_ERROR_OK          the socket may be ready, or it was woken.
     * @retval NSAPI_ERROR_WOULD_BLOCK timeout_ms passed and the socket is not
     *                                 ready.
     */
    nsapi_error_t (*socket_wait)(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what, int timeout_ms);
    /**
     * Let the socket's next operation of the kind what (NSAPI_WAIT_RECEIVE:
     * recv, recvfrom or accept; NSAPI_WAIT_SEND: send, sendto or connect) block
     * in the backend itself, as a kernel's blocking call does, until it can
     * complete, socket_wake is called or timeout_ms pass (negative: no limit;
     * 0: it does not block). That one operation takes the allowance; the ones
     * after it do not block until told again. It then answers as it would have
     * without blocking (WOULD_BLOCK, IN_PROGRESS or ALREADY when the time
     * passed first); it may also return so early, and the runtime then waits
     * with socket_wait and tries again with what is left of the call's timeout.
     * The runtime tells it before each attempt of a call of that kind, blocking
     * or not, holding the kind's turn, so a blocking call makes one operation
     * where it would wait and then make it. A backend with it has socket_wait
     * and socket_wake too.
     *
     * Left NULL: operations never block: a blocking call waits with socket_wait
     * (or on the socket's lock) between attempts.
     *
     * @retval NSAPI_ERROR_OK the next operation of that kind may block that
     *                        long.
     */
    nsapi_error_t (*socket_block)(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what, int timeout_ms);
    /**
     * End every socket_wait on the socket, and every operation socket_block let
     * block, and make every later one return at once, until socket_close: the
     * runtime calls it when close begins, holding the socket's lock, so it must
     * not call the event function.
     *
     * Left NULL: the runtime never calls it (a backend with socket_wait must
     * have it).
     *
     * @retval NSAPI_ERROR_OK woken.
     */
    nsapi_error_t (*socket_wake)(nsapi_stack_t *stack, nsapi_handle_t handle);
    /**
     * Whether the runtime needs the socket's event function. A runtime that
     * blocks in socket_wait says so after each open and accept, and at each
     * change after: it wants them only while the application has a sigio
     * callback. Not wanted, the backend need not call the function (a kernel
     * socket leaves the event thread's watch, which would wake for nobody);
     * wanted, it calls it once at once if the socket is ready by then, so no
     * sigio is lost. Until told, the backend calls it as socket_open and
     * socket_accept say, for callers that never tell; a socket accepted from a
     * listener whose events were told may start without, to be told in turn.
     * Called holding the socket's lock: it must not call the event function
     * itself.
     *
     * Left NULL: the backend calls the event function from socket_open to
     * socket_close, as socket_open says.
     *
     * @retval NSAPI_ERROR_OK        done.
     * @retval NSAPI_ERROR_NO_MEMORY events could not be turned on; they stay
     *                               off.
     */
    nsapi_error_t (*socket_events)(nsapi_stack_t *stack, nsapi_handle_t handle, bool wanted);
    /**
     * Call the socket's event function once more, later, from where the backend
     * calls it. The runtime asks when a call that could not wait found another
     * call of its kind under way on the socket: the event that brought it (a
     * sigio's) is owed as that call ends. Called without the socket's lock, by
     * the call still holding its turn, so the socket stays open meanwhile.
     *
     * Left NULL: the runtime calls the sigio itself, in the thread that ends
     * the call.
     *
     * @retval NSAPI_ERROR_OK the event will come.
     */
    nsapi_error_t (*socket_notify)(nsapi_stack_t *stack, nsapi_handle_t handle);
    /**
     * Whether the calling thread may sleep in a blocking call. A backend that
     * calls the event function from inside its own context (lwIP's event-driven
     * mode, which runs sigio under its core lock) says no there, since a sleep
     * would stop the stack it waits for: the runtime then runs the call as with
     * a timeout of 0, and a close with another call on the socket under way
     * returns NSAPI_ERROR_WOULD_BLOCK rather than wait for it. Called holding
     * the socket's lock: it must neither block nor call the event function.
     *
     * Left NULL: every thread may sleep.
     *
     * @retval NSAPI_ERROR_OK          the caller may sleep.
     * @retval NSAPI_ERROR_WOULD_BLOCK the caller runs in the stack's event
     *                                 context and must not.
     */
    nsapi_error_t (*may_wait)(nsapi_stack_t *stack);
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
 * A backend's operations on one of its interfaces (a netif, a kernel
 * interface), given to the runtime with nsapi_interface_init(). They never
 * block: progress is told with nsapi_interface_report_status(), from any
 * thread. An operation left NULL is NSAPI_ERROR_UNSUPPORTED.
 */
struct nsapi_interface_api {
    /**
     * Start bringing the interface up: the link, then DHCP when interface->dhcp
     * is 1 or the static IPv4 address otherwise, IPv6 link-local and SLAAC
     * addresses. The runtime has reported CONNECTING already.
     *
     * Event: LOCAL_UP or GLOBAL_UP as addresses come; DISCONNECTED when the
     * link goes, CONNECTING when it is back; until down is called.
     *
     * @retval NSAPI_ERROR_OK           coming up.
     * @retval NSAPI_ERROR_DEVICE_ERROR the device failed.
     * @retval NSAPI_ERROR_NO_MEMORY    a client (DHCP) could not start.
     */
    nsapi_error_t (*up)(nsapi_interface_t *interface);
    /**
     * Take the interface down: release a lease, remove addresses. Once it
     * returns the backend starts no report until the next up. It need not wait
     * for a report under way, and must not when that report runs in another
     * thread: its callbacks may be waiting for this down to end. The runtime
     * ignores a report that reaches it after it called down; one that arrives
     * after the next up counts, so it must still be true then.
     *
     * @retval NSAPI_ERROR_OK down.
     */
    nsapi_error_t (*down)(nsapi_interface_t *interface);
    /**
     * Free the interface's device and state; the interface is down. Once it
     * returns the backend never touches the interface again.
     *
     * @retval NSAPI_ERROR_OK released.
     */
    nsapi_error_t (*release)(nsapi_interface_t *interface);
    /**
     * One of the interface's current addresses.
     *
     * @retval NSAPI_ERROR_OK         addr holds it.
     * @retval NSAPI_ERROR_NO_ADDRESS the interface has none of that kind now.
     */
    nsapi_error_t (*get_address)(nsapi_interface_t *interface, nsapi_address_kind_t kind, nsapi_addr_t *addr);
    /**
     * A DNS server the network announced (DHCP option 6, DHCPv6), index 0
     * first; the runtime adds them to the stack's resolver when the interface
     * reaches GLOBAL_UP.
     *
     * @retval NSAPI_ERROR_OK         addr holds it.
     * @retval NSAPI_ERROR_NO_ADDRESS no server at index.
     */
    nsapi_error_t (*get_dns_server)(nsapi_interface_t *interface, int index, nsapi_addr_t *addr);
    /**
     * Keep static addresses for the next up; netmask and gateway are IPv4 or
     * NSAPI_UNSPEC (none given).
     *
     * @retval NSAPI_ERROR_OK        kept.
     * @retval NSAPI_ERROR_PARAMETER addresses the device cannot use.
     */
    nsapi_error_t (*set_network)(nsapi_interface_t *interface, const nsapi_addr_t *ip, const nsapi_addr_t *netmask, const nsapi_addr_t *gateway);
    /**
     * Whether the device may use DHCP (the runtime keeps the choice in
     * interface->dhcp for up); a device without DHCP leaves it NULL.
     *
     * @retval NSAPI_ERROR_OK the next up follows it.
     */
    nsapi_error_t (*set_dhcp)(nsapi_interface_t *interface, bool dhcp);
    /**
     * The device's MAC address, NSAPI_MAC_BYTES bytes.
     *
     * @retval NSAPI_ERROR_OK mac holds it.
     */
    nsapi_error_t (*get_mac_address)(nsapi_interface_t *interface, uint8_t *mac);
    /**
     * Give the device a MAC address (the interface is down).
     *
     * @retval NSAPI_ERROR_OK set.
     */
    nsapi_error_t (*set_mac_address)(nsapi_interface_t *interface, const uint8_t *mac);
};

/**
 * Make interface one served by api on stack. Called by backends, from their own
 * function that makes an interface.
 *
 * @param interface The NetworkInterface.
 * @param api       The backend's operations; they must outlive the interface.
 * @param context   The backend's own state. May be NULL.
 * @param stack     The stack the interface's addresses belong to.
 * @param name      The interface's name, shorter than
 *                  NSAPI_INTERFACE_NAME_SIZE.
 * @param dhcp      Whether the interface starts with DHCP on.
 * @retval NSAPI_ERROR_OK        the interface is ready, DISCONNECTED.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, a name empty or too long, or
 *                               the interface is already initialised.
 * @retval NSAPI_ERROR_NO_MEMORY the OS could not provide a lock.
 */
nsapi_error_t nsapi_interface_init(nsapi_interface_t *interface, const nsapi_interface_api_t *api, void *context, nsapi_stack_t *stack, const char *name, bool dhcp);

/**
 * The backend tells the runtime the interface's status changed (an address
 * gained or lost, the link gone or back). From any thread but from inside a
 * callback of the interface's. Reports between disconnect and the next connect
 * are ignored; one that repeats the status is not an event.
 *
 * @param interface The NetworkInterface.
 * @param status    The new status.
 * @retval NSAPI_ERROR_OK        noted (and handed to the callbacks).
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an unknown status, or the
 *                               interface is not initialised.
 */
nsapi_error_t nsapi_interface_report_status(nsapi_interface_t *interface, nsapi_connection_status_t status);

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
