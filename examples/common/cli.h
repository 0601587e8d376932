/* What the examples' command lines share: the servers' PORT [COUNT], their stop flag, error messages. */
#ifndef EXAMPLE_CLI_H
#define EXAMPLE_CLI_H

#include "nsapi/nsapi.h"

/*
 * The servers' command line after the interface options: PORT [COUNT], PORT 1
 * to 65535 and COUNT 1 to max, digits only (*count 0 when not given).
 * Returns 0, or -1 for anything else.
 */
int example_port_count(int argc, char **argv, unsigned *port, unsigned long *count, unsigned long max);

/* Let SIGINT and SIGTERM ask a server to stop: they only set what example_signalled() reads. */
void example_stop_on_signals(void);

/* Whether SIGINT or SIGTERM came since example_stop_on_signals(): 1, or 0. */
int example_signalled(void);

/*
 * Print "what: CODE (meaning)" on stderr and return 1, for `return example_fail("connect", err);`.
 * NSAPI_ERROR_WOULD_BLOCK reads "what: timed out": the examples pass it here only from blocking
 * calls with a timeout or a deadline, where it means the time ran out.
 */
int example_fail(const char *what, nsapi_error_t err);

/* example_fail() for a call whose timeout was timeout_ms: "what: timed out after N ms"; returns 1. */
int example_fail_after(const char *what, nsapi_error_t err, long timeout_ms);

#endif
