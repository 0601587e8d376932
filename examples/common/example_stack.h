/*
 * The stack an example runs on, as its command line names it.
 *
 *   --stack lwip-loop   lwIP in this process, loopback netif 10.0.0.1 / fd00::1 (no privileges)
 *   --stack lwip-tap    lwIP on a TAP device (--tap NAME, default nsapi0; --ip, default
 *                       192.168.7.2; --gateway, default 192.168.7.1; --ip6, default fd07::2)
 *   --stack posix       the host kernel's sockets
 *   --dns ADDRESS       a DNS server for host names (may be given more than once)
 */
#ifndef EXAMPLE_STACK_H
#define EXAMPLE_STACK_H

#include "nsapi/nsapi.h"

/*
 * Bring up the stack the options in argv ask for, and remove those options
 * from argv (*argc shrinks), leaving the example's own arguments.  Returns
 * 0; 2 for options that make no sense; 1 when the stack cannot come up
 * (no TAP device, say).  Prints what is wrong.
 */
int example_stack_up(int *argc, char **argv, nsapi_stack_t *stack);

/* Release it (every socket closed first). */
void example_stack_down(nsapi_stack_t *stack);

/*
 * Resolve host (a name or an address) into *address, with port.  Returns 0,
 * or 1 after saying on stderr what failed, and, when the stack has no DNS
 * server to ask, that --dns gives one.
 */
int example_resolve(nsapi_stack_t *stack, const char *host, unsigned port, nsapi_socket_address_t *address);

#endif
