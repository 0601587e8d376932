/*
 * The stack an example runs on, as its command line names it (--stack,
 * --tap, --ip, --gateway, --ip6, --dns: example_stack_help() lists them
 * with their defaults), and the name lookup every client does on it.
 */
#ifndef EXAMPLE_STACK_H
#define EXAMPLE_STACK_H

#include <stdio.h>

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

/* Print the stack's options, each with its default, one a line: the end of every example's --help. */
void example_stack_help(FILE *out);

/*
 * Resolve host (a name or an address) into *address, with port.  Returns 0,
 * or 1 after saying on stderr what failed, and, when the stack has no DNS
 * server to ask, that --dns gives one.
 */
int example_resolve(nsapi_stack_t *stack, const char *host, unsigned port, nsapi_socket_address_t *address);

#endif
