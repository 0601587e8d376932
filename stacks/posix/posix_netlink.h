/*
 * What the kernel knows of its interfaces, asked with rtnetlink (posix_netlink.c):
 * addresses with their flags (a tentative IPv6 address is not usable yet), gateways
 * from the main routing table, the default route's interface, and a socket that
 * hears of changes.  Interfaces are named, not numbered: a device deleted and made
 * again keeps its name but not its index.  Flags and the MAC address come from
 * ioctls, which answer them directly.
 */
#ifndef NSAPI_POSIX_NETLINK_H
#define NSAPI_POSIX_NETLINK_H

#include <stdbool.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

/* The named interface's status as nsapi counts it: DISCONNECTED when it is gone or not both up
 * and running (no carrier), CONNECTING without a usable address, LOCAL_UP with link-local ones
 * only, GLOBAL_UP with any other. */
nsapi_connection_status_t nsapi_posix_netlink_status(const char *name);

/* One of the named interface's addresses (its gateway from the main table's default route
 * through it); NSAPI_ERROR_NO_ADDRESS when it has none of that kind or is gone. */
nsapi_error_t nsapi_posix_netlink_address(const char *name, nsapi_address_kind_t kind, nsapi_addr_t *addr);

/* The name of the interface of the main table's default route, IPv4 first, then IPv6 (the
 * lowest metric wins); false when there is none.  name holds IF_NAMESIZE bytes. */
bool nsapi_posix_netlink_default_interface(char *name);

/* The named interface's Ethernet address; NSAPI_ERROR_UNSUPPORTED when it has none (loopback,
 * a tunnel) or is gone. */
nsapi_error_t nsapi_posix_netlink_mac_address(const char *name, uint8_t *mac);

/* A non-blocking socket told of links and IPv4 and IPv6 addresses coming and going; -1 on failure. */
int nsapi_posix_netlink_watch(void);

/* Read every message waiting on a watch socket; true if one may change the named interface's
 * status (any link's message, an address of its, or lost messages). */
bool nsapi_posix_netlink_changed(int watch, const char *name);

#endif
