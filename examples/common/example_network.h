/*
 * The network an example runs on: the host's default interface
 * (nsapi/default_interface.h), or the one its command line names
 * (--interface SPEC, or the older spellings --stack, --tap, --ip, --gateway,
 * --ip6; example_network_help() lists them with their defaults), brought up
 * with nsapi_interface_connect(); and the name lookup every client does on
 * it.
 */
#ifndef EXAMPLE_NETWORK_H
#define EXAMPLE_NETWORK_H

#include <stdio.h>

#include "nsapi/nsapi.h"

/*
 * Make and connect the interface the options in argv ask for, add their DNS
 * servers, and remove those options from argv (*argc shrinks), leaving the
 * example's own arguments; *stack is then the interface's stack, to open
 * sockets on.  Returns 0; 2 for options that make no sense (a malformed
 * spec, NSAPI_INTERFACE's included); 1 when the interface cannot come up (no
 * TAP device, no DHCP lease, say).  Prints what is wrong.
 */
int example_network_up(int *argc, char **argv, nsapi_stack_t **stack);

/* Disconnect and release it (every socket closed first); nothing if it is not up. */
void example_network_down(void);

/* Print the interface options, each with its default, one a line: the end of every example's --help. */
void example_network_help(FILE *out);

/*
 * Resolve host (a name or an address) into *address, with port.  Returns 0,
 * or 1 after saying on stderr what failed, and, when the stack has no DNS
 * server to ask, that --dns gives one.
 */
int example_resolve(nsapi_stack_t *stack, const char *host, unsigned port, nsapi_socket_address_t *address);

#endif
