/**
 * @file nsapi/lwip.h
 *
 * The lwIP backend: nsapi over Debian's liblwip, in this process.  lwIP runs
 * its own thread; nsapi drives it through the raw API under its core lock.
 * One lwIP stack exists per process.  Give it netifs after nsapi_lwip_init():
 * the in-process loopback (no privileges needed), a Linux TAP device, or
 * both (traffic to the TAP netif's own addresses loops back in-process too).
 *
 * @code
 * nsapi_stack_t stack = {0};
 * nsapi_lwip_init(&stack);
 * nsapi_lwip_add_loopback(&stack, "10.0.0.1", "fd00::1");
 * ... open sockets on &stack; 10.0.0.1, 127.0.0.1, fd00::1 and ::1 reach this process ...
 * nsapi_lwip_deinit(&stack);
 * @endcode
 */
#ifndef NSAPI_LWIP_H
#define NSAPI_LWIP_H

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Start lwIP (the first time in the process) and make stack an lwIP stack,
 * with no netif yet.
 *
 * @param stack A zero-filled stack object.
 * @retval NSAPI_ERROR_OK        the stack is ready for netifs.
 * @retval NSAPI_ERROR_PARAMETER stack is NULL or already initialised.
 * @retval NSAPI_ERROR_BUSY      another nsapi stack already uses lwIP.
 */
nsapi_error_t nsapi_lwip_init(nsapi_stack_t *stack);

/**
 * Add the in-process loopback netif and make it the default.  Traffic to
 * its addresses, to 127.0.0.0/8 and to ::1 comes back up the stack; traffic
 * to anything else is dropped.
 *
 * @param stack An lwIP stack.
 * @param ipv4  Its IPv4 address (a /24), or NULL for none.
 * @param ipv6  Its IPv6 address (a /64), or NULL for none.
 * @retval NSAPI_ERROR_OK        the netif is up.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack, an address is
 *                               malformed or of the wrong version, both are
 *                               NULL, or the loopback netif exists.
 */
nsapi_error_t nsapi_lwip_add_loopback(nsapi_stack_t *stack, const char *ipv4, const char *ipv6);

/**
 * Attach a netif to an existing Linux TAP device in this process's network
 * namespace (create it with `ip tuntap add dev NAME mode tap`; this needs
 * CAP_NET_ADMIN or a device made for this user).  Frames go through
 * /dev/net/tun; a reader thread of the backend receives them.  It becomes
 * the default netif unless the loopback netif came first.
 *
 * @param stack   An lwIP stack.
 * @param name    The TAP device, such as "tap0".
 * @param ipv4    Its IPv4 address (a /24), or NULL.
 * @param gateway The IPv4 gateway, or NULL for none.
 * @param ipv6    A static IPv6 address (a /64), or NULL; a link-local one is
 *                always added for neighbour discovery.
 * @retval NSAPI_ERROR_OK           the netif is up.
 * @retval NSAPI_ERROR_PARAMETER    stack is not an lwIP stack, name is empty
 *                                  or too long, an address is malformed or of
 *                                  the wrong version, ipv4 and ipv6 are both
 *                                  NULL, or a TAP netif exists.
 * @retval NSAPI_ERROR_DEVICE_ERROR the device cannot be opened (no such
 *                                  device, no permission).
 * @retval NSAPI_ERROR_NO_MEMORY    no thread for the reader.
 */
nsapi_error_t nsapi_lwip_add_tap(nsapi_stack_t *stack, const char *name, const char *ipv4, const char *gateway,
                                 const char *ipv6);

/**
 * Remove the netifs and release the stack.  lwIP's own thread keeps running
 * (lwIP cannot stop it); a later nsapi_lwip_init() uses it again.
 *
 * @param stack An lwIP stack whose sockets are all closed.
 * @retval NSAPI_ERROR_OK        released.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on it.
 */
nsapi_error_t nsapi_lwip_deinit(nsapi_stack_t *stack);

/**
 * Sockets, and connections waiting to be accepted, that the backend holds:
 * 0 once everything is closed (tests check it for leaks).
 *
 * @param stack An lwIP stack.
 * @return The count, or 0 if stack is not an lwIP stack.
 */
unsigned nsapi_lwip_open_sockets(nsapi_stack_t *stack);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_LWIP_H */
