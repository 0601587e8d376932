/*
 * What every example shares: the stack named on its command line.
 *
 *   --stack lwip-loop   lwIP in this process, loopback netif 10.0.0.1 / fd00::1 (no privileges)
 *   --stack lwip-tap    lwIP on a TAP device (--tap NAME, default nsapi0; --ip, default
 *                       192.168.7.2; --gateway, default 192.168.7.1; --ip6, default fd07::2)
 *   --stack posix       the host kernel's sockets
 *   --dns ADDRESS       a DNS server for host names (may be given more than once)
 */
#ifndef EXAMPLE_STACK_H
#define EXAMPLE_STACK_H

#include <stddef.h>

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
 * The authority part of a URL or a peer on the command line: HOST (a name or
 * an IPv4 address) or [IPv6], then :PORT (1 to 65535, digits only) or none
 * for default_port.  HOST goes to host, NUL-terminated, at most size - 1
 * bytes.  Returns where the authority ends (a '/', '?', '#' or the end of
 * the text, for the caller to judge), or NULL when it is malformed.
 */
const char *example_authority(const char *text, char *host, size_t size, unsigned *port, unsigned default_port);

/* The Host header's value for host and port: [v6] in brackets, ":port" unless it is default_port. */
void example_host_header(char *out, size_t size, const char *host, unsigned port, unsigned default_port);

/* The servers' command line after the stack: PORT [COUNT], COUNT 1 to max (0 when not given); 0, or -1. */
int example_port_count(int argc, char **argv, unsigned *port, unsigned long *count, unsigned long max);

/* Let SIGINT and SIGTERM ask a server to stop: they only set what example_signalled() reads. */
void example_stop_on_signals(void);
int example_signalled(void);

/* Print "what: CODE (meaning)" on stderr and return 1, for `return fail("connect", err);`. */
int example_fail(const char *what, nsapi_error_t err);

#endif
