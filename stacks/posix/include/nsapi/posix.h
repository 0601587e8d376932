/**
 * @file nsapi/posix.h
 *
 * The POSIX backend: nsapi over the host kernel's sockets (Linux).  Each
 * nsapi socket is one non-blocking descriptor; one event thread per stack
 * waits on them all with epoll and tells the runtime when a socket can make
 * progress, so blocking calls, timeouts and sigio behave as on any backend.
 * Sockets are dual-stack (IPv6 with IPv4-mapped addresses), so one socket
 * reaches IPv4 and IPv6 peers, as on lwIP.  nsapi_posix_interface_init()
 * makes a NetworkInterface over one of the kernel's interfaces.
 *
 * @code
 * nsapi_stack_t stack = {0};
 * nsapi_posix_init(&stack);
 * ... open sockets on &stack; they reach whatever the host reaches ...
 * nsapi_posix_deinit(&stack);
 * @endcode
 */
#ifndef NSAPI_POSIX_H
#define NSAPI_POSIX_H

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Make stack a stack on the kernel's sockets and start its event thread.
 * Several such stacks may exist at once, each with its own thread.
 *
 * @param stack A zero-filled stack object.
 * @retval NSAPI_ERROR_OK           the stack is ready.
 * @retval NSAPI_ERROR_PARAMETER    stack is NULL or already initialised.
 * @retval NSAPI_ERROR_NO_SOCKET    no descriptor for epoll or its wake-up.
 * @retval NSAPI_ERROR_NO_MEMORY    no memory or no thread for the stack.
 */
nsapi_error_t nsapi_posix_init(nsapi_stack_t *stack);

/**
 * Stop the event thread (joined before this returns), close the stack's
 * descriptors and release the stack.  Every socket must be closed first.
 * Not from a sigio callback.
 *
 * @param stack A POSIX stack.
 * @retval NSAPI_ERROR_OK        stopped; the object may be initialised again.
 * @retval NSAPI_ERROR_PARAMETER stack is not a POSIX stack.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on it, or the caller
 *                               is its event thread.
 */
nsapi_error_t nsapi_posix_deinit(nsapi_stack_t *stack);

/**
 * How many kernel sockets the stack holds (0 when every socket is closed;
 * sockets accepted but not yet given to the runtime count).
 *
 * @param stack A POSIX stack.
 * @return The count, or 0 if stack is not a POSIX stack.
 */
unsigned nsapi_posix_open_sockets(nsapi_stack_t *stack);

/**
 * Make interface a NetworkInterface over a kernel interface, for sockets on
 * stack.  The OS owns the interface: nsapi_interface_connect() configures
 * nothing, it starts reporting the kernel's status (DISCONNECTED while the
 * interface is not both up and running, that is down or without carrier;
 * CONNECTING while it has no usable address; LOCAL_UP with link-local
 * addresses only; GLOBAL_UP with any other address, IPv4 or IPv6, loopback
 * ones included), and a status event follows each change the kernel
 * announces over rtnetlink, from a thread of the interface's own.
 * nsapi_interface_disconnect() stops the reports and never takes the kernel's
 * interface down.  Addresses, netmask, gateway (the main table's default IPv4
 * route through the interface) and MAC address are the kernel's at the time
 * asked, connected or not; an IPv6 address still in duplicate address
 * detection does not count.  nsapi_interface_set_network(),
 * nsapi_interface_set_dhcp() and nsapi_interface_set_mac_address() return
 * NSAPI_ERROR_UNSUPPORTED (configure the OS instead), and the interface
 * announces no DNS servers: the stack resolves names as the host does.
 * DHCP is reported off.  nsapi_interface_deinit() releases it.
 *
 * @param interface A zero-filled interface object.
 * @param stack     A POSIX stack (nsapi_posix_init()); it must outlive the interface.
 * @param name      The kernel interface's name (as `ip link` shows it), or
 *                  NULL for the interface of the default route (IPv4's,
 *                  else IPv6's; the lowest metric wins).
 * @retval NSAPI_ERROR_OK            the interface is ready, DISCONNECTED;
 *                                   its name is the kernel's.
 * @retval NSAPI_ERROR_PARAMETER     interface is NULL or already initialised,
 *                                   stack is not a POSIX stack, or name is
 *                                   empty or too long for a kernel name.
 * @retval NSAPI_ERROR_DEVICE_ERROR  the kernel has no interface of that name.
 * @retval NSAPI_ERROR_NO_CONNECTION name is NULL and the host has no default route.
 * @retval NSAPI_ERROR_NO_SOCKET     no descriptor for rtnetlink or the thread's wake-up.
 * @retval NSAPI_ERROR_NO_MEMORY     no memory, no thread, or no lock.
 */
nsapi_error_t nsapi_posix_interface_init(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *name);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_POSIX_H */
