/*
 * The kernel-side peer of the conformance suite: openbsd-inetd's built-in
 * echo, discard, chargen and daytime (TCP) and echo and discard (UDP),
 * listening on one IPv4 and one IPv6 address of this network namespace.
 */
#ifndef CONFORMANCE_INETD_H
#define CONFORMANCE_INETD_H

#include <stdbool.h>

/* Start inetd on ipv4 and ipv6, with the UDP services or without, and wait (at most 5 s) until its TCP echo answers. */
void inetd_start(const char *ipv4, const char *ipv6, bool udp);

/* Stop it and remove its configuration. */
void inetd_stop(void);

#endif
