/*
 * A non-blocking echo done wholly in sigio callbacks, for lwIP's
 * event-driven mode (nsapi_lwip_set_event_driven): an echo server (listener
 * and one connection) and a client that sends a known pattern and checks
 * what comes back.  Shared by the Criterion suite (test_lwip_event_mode.c)
 * and the TSan program (tsan_lwip_event.c).  One echo at a time.
 */
#ifndef EVENT_ECHO_H
#define EVENT_ECHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsapi/nsapi.h"

/* What an echo saw, read with event_echo_result(). */
struct event_echo_result {
    size_t sent, got;   /* bytes the client sent, and got back */
    bool corrupt;       /* a byte came back other than sent */
    bool failed;        /* a call in a callback failed with something else than WOULD_BLOCK (NO_SOCKET once a close began) */
    bool server_thread_ok; /* every callback of the server's connection ran in one thread, not the starter's */
    unsigned late;      /* events for a socket after its close returned */
};

/*
 * Listen on addr:port, connect a client to it; from then on the callbacks
 * move total bytes through the echo.  Sockets open non-blocking.  0, or -1
 * if a setup call failed.
 */
int event_echo_start(nsapi_stack_t *stack, const char *addr, uint16_t port, size_t total);

/* Wait until the client got at least bytes back, at most ms; whether it did. */
bool event_echo_wait(size_t bytes, int ms);

/* Close the client, the server's connection and the listener, from the calling thread. */
void event_echo_close(void);

/* A copy of what the echo saw so far. */
struct event_echo_result event_echo_result(void);

#endif
