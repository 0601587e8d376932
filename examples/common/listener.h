/* The servers' listening socket: how every server example opens it. */
#ifndef EXAMPLE_LISTENER_H
#define EXAMPLE_LISTENER_H

#include "nsapi/nsapi.h"

/*
 * Raise stack's socket limit by connections (those the server serves at
 * once), over NSAPI_SOCKET_LIMIT and what earlier calls added (the process's
 * servers share one stack).  Open server on stack, on port of every address,
 * with REUSEADDR (a server restarted on its port must not wait for its last
 * connections' TIME-WAIT to pass, as every server does), bind and listen
 * with backlog.  On a failure it prints the call that failed ("bind: ..."),
 * leaves server closed and returns 1; otherwise 0.
 */
int example_listen(nsapi_tcp_server_t *server, nsapi_stack_t *stack, unsigned port, int backlog, int connections);

#endif
