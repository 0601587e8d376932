/**
 * @file nsapi/lwip.h
 *
 * The lwIP backend: nsapi over Debian's liblwip, in this process.  lwIP runs
 * its own thread; nsapi drives it through the raw API under its core lock.
 * One lwIP stack exists per process.  Give it netifs after nsapi_lwip_init()
 * as network interfaces: Ethernet over Linux TAP devices (DHCP, SLAAC, static
 * addresses, link state, status events) and the in-process loopback (no
 * privileges needed); traffic to a netif's own addresses loops back
 * in-process too.
 *
 * @code
 * nsapi_stack_t stack = {0};
 * nsapi_interface_t eth = {0};
 * nsapi_lwip_init(&stack);
 * nsapi_lwip_ethernet_init(&eth, &stack, "tap0");
 * nsapi_interface_connect(&eth);      // DHCP; returns once GLOBAL_UP
 * ... open sockets on nsapi_interface_get_stack(&eth) ...
 * nsapi_interface_deinit(&eth);
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
 * Add the in-process loopback netif, up with static addresses, and make it
 * the default.  Traffic to its addresses, to 127.0.0.0/8 and to ::1 comes
 * back up the stack; traffic to anything else is dropped.  A shortcut kept
 * for tests and examples: nsapi_lwip_loopback_init() and the interface
 * functions are the way forward (status, events, addresses).
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
 * the default netif unless the loopback netif came first.  A shortcut kept
 * for tests and examples (static addresses, no DHCP, no status):
 * nsapi_lwip_ethernet_init() and the interface functions are the way
 * forward.
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
 *                                  NULL, or a netif of this stack uses that
 *                                  device already.
 * @retval NSAPI_ERROR_DEVICE_ERROR the device cannot be opened (no such
 *                                  device, no permission).
 * @retval NSAPI_ERROR_NO_MEMORY    no memory or thread for the reader, or
 *                                  NSAPI_LWIP_SHORTCUT_TAPS (4) devices are
 *                                  attached this way already.
 */
nsapi_error_t nsapi_lwip_add_tap(nsapi_stack_t *stack, const char *name, const char *ipv4, const char *gateway,
                                 const char *ipv6);

/**
 * Make interface an Ethernet interface (Mbed's EthernetInterface) over an
 * existing Linux TAP device of this process's network namespace.  The netif
 * has a MAC address of its own, locally administered and distinct per device
 * (nsapi_interface_set_mac_address() changes it while the interface is
 * down); the interface's name is the device's.  It starts DISCONNECTED with
 * DHCP on; nsapi_interface_connect() brings it up with lwIP's DHCP client
 * (or the static IPv4 address of nsapi_interface_set_network()), an IPv6
 * link-local address at once and SLAAC addresses from router
 * advertisements (stateless DHCPv6 for DNS servers when a router says so).
 * The device's link (the kernel's side up or down: its IFF_UP flag, looked
 * at every 100 ms) is the netif's link: it going down reports DISCONNECTED,
 * its return the status of the addresses kept (GLOBAL_UP with the lease,
 * which lwIP's DHCP confirms by INIT-REBOOT), else CONNECTING.  Several
 * interfaces (one per device) may share a stack, each with its own
 * addresses and status; the DNS servers DHCP announces are lwIP's one list,
 * which nsapi_interface_get_dns_server() of each shows.
 * nsapi_interface_deinit() removes the netif and closes the device.
 *
 * @param interface A zero-filled interface object, the caller's until
 *                  nsapi_interface_deinit().
 * @param stack     An lwIP stack.
 * @param tap       The TAP device's name, such as "tap0" (shorter than
 *                  NSAPI_INTERFACE_NAME_SIZE).
 * @retval NSAPI_ERROR_OK           the interface is ready, DISCONNECTED.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, stack is not an lwIP
 *                                  stack, tap is empty or too long, interface
 *                                  is already initialised, or a netif of this
 *                                  stack uses that device already.
 * @retval NSAPI_ERROR_DEVICE_ERROR the device cannot be opened (no such
 *                                  device, no permission).
 * @retval NSAPI_ERROR_NO_MEMORY    no memory, thread or lwIP netif for it.
 */
nsapi_error_t nsapi_lwip_ethernet_init(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *tap);

/**
 * Make interface the stack's in-process loopback netif (name "loop"):
 * traffic to its addresses, to 127.0.0.0/8 and to ::1 comes back up the
 * stack.  It has no DHCP (nsapi_interface_set_dhcp() is
 * NSAPI_ERROR_UNSUPPORTED) and no MAC address (nsapi_interface_get_mac_address()
 * is NSAPI_ERROR_UNSUPPORTED).  nsapi_interface_connect() gives it the static
 * addresses of nsapi_interface_set_network(), 10.0.0.1/24 and fd00::1/64
 * when none was set, and it is GLOBAL_UP at once.  It becomes the default
 * netif.
 *
 * @param interface A zero-filled interface object.
 * @param stack     An lwIP stack.
 * @retval NSAPI_ERROR_OK        the interface is ready, DISCONNECTED.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, stack is not an lwIP stack,
 *                               interface is already initialised, or the
 *                               stack's loopback netif exists already.
 * @retval NSAPI_ERROR_NO_MEMORY no memory or lwIP netif for it.
 */
nsapi_error_t nsapi_lwip_loopback_init(nsapi_interface_t *interface, nsapi_stack_t *stack);

/**
 * Remove the netifs and release the stack.  lwIP's own thread keeps running
 * (lwIP cannot stop it); a later nsapi_lwip_init() uses it again.
 *
 * @param stack An lwIP stack whose sockets are all closed.
 * @retval NSAPI_ERROR_OK        released.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on it, or an interface
 *                               of nsapi_lwip_ethernet_init() or
 *                               nsapi_lwip_loopback_init() on it is not
 *                               deinitialised.
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

/**
 * One round of lwIP in a firmware without threads (lwIP built with NO_SYS
 * 1, e.g. ports/mps2; absent from other builds): the Ethernet driver's
 * received frames into lwIP, lwIP's due timers, then the interfaces' status
 * reports.  The board registers it, or a function calling it, as the
 * bare-metal OS port's poll (nsapi_os_set_poll), so every blocking call
 * runs it while it waits; sigio and status callbacks run from here.  Not
 * reentrant: never from a callback.
 *
 * @return true if it did anything (a frame, a report), false if it found
 *         nothing to do (the caller may sleep until the next interrupt).
 */
bool nsapi_lwip_poll(void);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_LWIP_H */
