/*
 * Echo, discard, chargen and daytime servers written with nsapi itself, for
 * stacks whose peer is the same process (lwIP loopback).  Each runs in its
 * own threads until services_stop(), which closes the servers' sockets and
 * so wakes and ends every thread blocked in them.
 */
#ifndef CONFORMANCE_SERVICES_H
#define CONFORMANCE_SERVICES_H

#include "nsapi/nsapi.h"

/* Start the TCP services and UDP echo/discard on address (port ignored); base + 7, 9, 19, 13. */
int services_start(nsapi_stack_t *stack, const nsapi_socket_address_t *address, uint16_t base);

/* Stop them all and wait for their threads. */
void services_stop(void);

#endif
