/* The netifs the lwIP backend offers.  Core lock held for every call. */
#ifndef NSAPI_LWIP_NETIF_H
#define NSAPI_LWIP_NETIF_H

#include <lwip/ip_addr.h>

#include "nsapi/nsapi.h"

/* Add the loopback netif with these addresses (either may be NULL) and make it the default. */
nsapi_error_t lwip_loopback_add(const ip_addr_t *ipv4, const ip_addr_t *ipv6);

/* Remove it, if it was added. */
void lwip_loopback_remove(void);

/*
 * Feed what the caller's own lwIP calls looped back (to this process's
 * addresses, on any netif) into lwIP now, in the caller's thread: the
 * receiving socket's thread is woken straight from here rather than after
 * a hop through lwIP's thread, which would run netif_poll() later.
 */
void lwip_loopback_deliver(void);

/* Attach a netif to the Linux TAP device name: IPv4 address (a /24) and gateway, IPv6 address (a /64); any may be NULL. */
nsapi_error_t lwip_tap_add(const char *name, const ip_addr_t *ipv4, const ip_addr_t *gateway, const ip_addr_t *ipv6);

/* Stop its reader thread and remove it, if it was added. */
void lwip_tap_remove(void);

#endif
