/*
 * Destinations no packet of ours should go to, refused by the runtime before
 * any backend sees them, so that every backend answers alike and at once.
 */
#ifndef NSAPI_RUNTIME_DESTINATION_H
#define NSAPI_RUNTIME_DESTINATION_H

#include <stdbool.h>

#include "nsapi/nsapi.h"

/*
 * Whether address may be the destination of a proto socket: an IP address
 * that is not the unspecified one (0.0.0.0, ::, ::ffff:0.0.0.0) and a port
 * other than 0; for NSAPI_TCP also not multicast (224.0.0.0/4, ff00::/8,
 * their IPv4-mapped forms) nor the limited broadcast 255.255.255.255, which
 * no server can answer from.  An IPv4-mapped IPv6 address is judged as the
 * IPv4 address it carries.
 */
bool nsapi_rt_destination_usable(const nsapi_socket_address_t *address, nsapi_protocol_t proto);

#endif /* NSAPI_RUNTIME_DESTINATION_H */
