/*
 * A scripted stack backend for testing the runtime alone: each operation
 * returns the next result a test queued for it (or a default), records the
 * call, and the test fires socket events when it chooses, from any thread.
 */
#ifndef FAKE_STACK_H
#define FAKE_STACK_H

#include <pthread.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

enum fake_op {
    FAKE_OPEN, FAKE_CLOSE, FAKE_BIND, FAKE_LISTEN, FAKE_CONNECT, FAKE_ACCEPT, FAKE_SEND, FAKE_RECV,
    FAKE_SENDTO, FAKE_RECVFROM, FAKE_SETSOCKOPT, FAKE_GETSOCKOPT, FAKE_OPS
};

#define FAKE_SOCKETS 8
#define FAKE_SCRIPT 32

struct fake_result {
    nsapi_size_or_error_t rc;
    nsapi_socket_address_t from; /* recvfrom and accept: the peer reported */
};

struct fake_socket {
    int used;
    nsapi_event_cb_t event;
    void *context;
};

struct fake_stack {
    nsapi_stack_t stack;
    pthread_mutex_t lock;
    struct fake_socket sockets[FAKE_SOCKETS];
    struct fake_result script[FAKE_OPS][FAKE_SCRIPT];
    unsigned head[FAKE_OPS], tail[FAKE_OPS];
    unsigned calls[FAKE_OPS];
    nsapi_size_t last_size[FAKE_OPS];          /* size argument of the last send/recv call */
    nsapi_socket_address_t last_address[FAKE_OPS]; /* address argument of the last call that had one */
    int close_delay_ms;                        /* socket_close takes this long, as a backend's may */
};

/* Initialise f and its nsapi stack. */
void fake_init(struct fake_stack *f);

/* Release f; every socket must be closed. */
void fake_deinit(struct fake_stack *f);

/* Queue the result of the next call of op (from: the peer for recvfrom/accept). */
void fake_push(struct fake_stack *f, enum fake_op op, nsapi_size_or_error_t rc);
void fake_push_from(struct fake_stack *f, enum fake_op op, nsapi_size_or_error_t rc, const char *ip, uint16_t port);

/* How many times op was called. */
unsigned fake_calls(struct fake_stack *f, enum fake_op op);

/* Fire the event of the index-th socket opened (0 first), as a backend would. */
void fake_event(struct fake_stack *f, int index);

/* Fire that event from another thread after delay_ms; fake_join() waits for it. */
void fake_event_later(struct fake_stack *f, int index, int delay_ms, pthread_t *thread);

/* Sockets the backend holds open. */
int fake_open_sockets(struct fake_stack *f);

#endif
