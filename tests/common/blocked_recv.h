/*
 * A thread's one blocking TCP receive and what it returned, for the cases in
 * which a close, a timeout or another receiver ends it.  Inline, so that each
 * test's own build (the C++ conformance build redirects the socket calls to
 * the Mbed classes) decides what the receive calls.
 */
#ifndef NSAPI_TESTS_BLOCKED_RECV_H
#define NSAPI_TESTS_BLOCKED_RECV_H

#include "nsapi/nsapi.h"

struct blocked_recv {
    nsapi_tcp_socket_t *socket;
    nsapi_size_or_error_t result; /* set to something recv cannot return before the thread starts */
};

/* pthread_create's start routine, arg a struct blocked_recv: one receive of up to 16 bytes. */
static inline void *blocked_recv(void *arg)
{
    struct blocked_recv *r = arg;
    char buf[16];

    r->result = nsapi_tcp_socket_recv(r->socket, buf, sizeof buf);
    return NULL;
}

#endif
