/*
 * The scale bench's echo server on nsapi: one thread, every socket
 * non-blocking with a sigio callback, the connections in one array
 * allocated once.  A sigio callback runs in the stack's thread and only
 * puts its connection on a ready queue (once: a flag says it is there) and
 * wakes the loop, the examples' wakeup pattern with the socket named; the
 * loop serves what the queue holds, so each event costs the same however
 * many connections are open.  A connection is served until a recv finds
 * nothing (WOULD_BLOCK), everything read sent back: a short read does not
 * mean nothing more is there, since an end of stream that came with the
 * data brings no event of its own.
 *
 * With in_sigio, the callbacks serve (and accept) themselves, in the
 * stack's thread, which the POSIX backend allows (it delivers events
 * without its lock): the loop only waits for the end.  That measures what
 * the wakeup pattern's thread crossing costs.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "nsapi/nsapi.h"
#include "scale.h"

struct conn {
    nsapi_tcp_socket_t socket;
    struct conn *next;       /* in the ready queue */
    bool queued;             /* on the ready queue or taken from it and not yet served: under ready.lock */
    bool open;
    uint16_t start, end;     /* received, not yet sent back */
    unsigned char buf[SCALE_BUFFER];
};

static struct {
    pthread_mutex_t lock;
    pthread_cond_t woken;    /* on the monotonic clock: ready_init() */
    struct conn *head, *tail;
    bool accept;             /* the listener's sigio came */
    bool asleep;             /* the loop waits on woken */
    bool done;               /* every connection that came has gone */
} ready = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, false, false, false};

/* The condition variable on the monotonic clock, which the loop's deadlines use. */
static void ready_init(void)
{
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&ready.woken, &attr);
    pthread_condattr_destroy(&attr);
}

static struct {
    nsapi_tcp_server_t server;
    struct conn *conns;
    uint32_t *free;          /* indices of closed connections, a stack */
    unsigned long limit, used, free_count, open;
    struct scale_result *result;
    bool in_sigio;
} srv;

static bool serve(struct conn *c);
static void finish(struct conn *c);
static void accept_all(void);

/* sigio of a connection: queue it once, wake the loop if it sleeps; or serve it here. */
static void conn_ready(void *arg)
{
    struct conn *c = arg;

    if (srv.in_sigio) {
        if (c->open && !serve(c)) {
            finish(c);
        }
        return;
    }
    pthread_mutex_lock(&ready.lock);
    if (!c->queued) {
        c->queued = true;
        c->next = NULL;
        if (ready.tail != NULL) {
            ready.tail->next = c;
        } else {
            ready.head = c;
        }
        ready.tail = c;
    }
    if (ready.asleep) {
        pthread_cond_signal(&ready.woken);
    }
    pthread_mutex_unlock(&ready.lock);
}

/* sigio of the listener. */
static void listener_ready(void *arg)
{
    (void)arg;
    if (srv.in_sigio) {
        accept_all();
        return;
    }
    pthread_mutex_lock(&ready.lock);
    ready.accept = true;
    if (ready.asleep) {
        pthread_cond_signal(&ready.woken);
    }
    pthread_mutex_unlock(&ready.lock);
}

/* A slot for one more connection, or NULL when all limit are open. */
static struct conn *take_slot(void)
{
    if (srv.free_count > 0) {
        return &srv.conns[srv.free[--srv.free_count]];
    }
    return srv.used < srv.limit ? &srv.conns[srv.used++] : NULL;
}

static void accept_all(void)
{
    struct conn *c;

    while ((c = take_slot()) != NULL) {
        /* Kept across close and reopen; set before the accept, so that no event is missed. */
        nsapi_tcp_socket_set_blocking(&c->socket, false);
        nsapi_tcp_socket_sigio(&c->socket, conn_ready, c);
        if (nsapi_tcp_server_accept(&srv.server, &c->socket, NULL) != NSAPI_ERROR_OK) {
            srv.free[srv.free_count++] = (uint32_t)(c - srv.conns);
            return; /* none waiting: the listener's next sigio says when */
        }
        c->open = true;
        c->start = c->end = 0;
        if (++srv.open > srv.result->connections) {
            srv.result->connections = srv.open;
        }
        conn_ready(c); /* data may have come with the connection */
    }
}

static void finish(struct conn *c)
{
    if (srv.result->rss_full_kib < 0) {
        scale_report(srv.result); /* the first end of stream: every connection still open */
    }
    nsapi_tcp_socket_close(&c->socket);
    c->open = false;
    srv.free[srv.free_count++] = (uint32_t)(c - srv.conns);
    if (--srv.open == 0) {
        pthread_mutex_lock(&ready.lock);
        ready.done = true;
        pthread_cond_signal(&ready.woken);
        pthread_mutex_unlock(&ready.lock);
    }
}

/* Echo what is waiting on c; false once it has ended. */
static bool serve(struct conn *c)
{
    for (;;) {
        nsapi_size_or_error_t n;

        if (c->start < c->end) {
            n = nsapi_tcp_socket_send(&c->socket, c->buf + c->start, (nsapi_size_t)(c->end - c->start));
            if (n == NSAPI_ERROR_WOULD_BLOCK) {
                return true; /* sigio says when there is room */
            }
            if (n < 0) {
                return false;
            }
            c->start = (uint16_t)(c->start + n);
            continue;
        }
        n = nsapi_tcp_socket_recv(&c->socket, c->buf, SCALE_BUFFER);
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            return true;
        }
        if (n <= 0) {
            return false;
        }
        c->start = 0;
        c->end = (uint16_t)n;
    }
}

/* Wait for work; what the queue held, and whether the listener has connections; NULL and false
 * once done. */
static struct conn *wait_for_work(bool *accept, bool *done)
{
    struct conn *batch;
    struct timespec until;

    pthread_mutex_lock(&ready.lock);
    if (ready.head == NULL && !ready.accept && !ready.done) {
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += SCALE_IDLE_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        ready.asleep = true;
        pthread_cond_timedwait(&ready.woken, &ready.lock, &until);
        ready.asleep = false;
    }
    batch = ready.head;
    ready.head = ready.tail = NULL;
    *accept = ready.accept;
    ready.accept = false;
    *done = ready.done && batch == NULL && !*accept;
    pthread_mutex_unlock(&ready.lock);
    return batch;
}

static void serve_batch(struct conn *batch)
{
    while (batch != NULL) {
        struct conn *c = batch;

        pthread_mutex_lock(&ready.lock);
        batch = c->next;
        c->queued = false; /* an event from here on queues it again */
        pthread_mutex_unlock(&ready.lock);
        if (c->open && !serve(c)) {
            finish(c);
        }
    }
}

static int listen_on(nsapi_stack_t *stack, unsigned port)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};
    const char *what = "open";
    nsapi_error_t err;

    nsapi_socket_address_set_port(&any, (uint16_t)port);
    nsapi_tcp_server_set_blocking(&srv.server, false);
    nsapi_tcp_server_sigio(&srv.server, listener_ready, NULL);
    err = nsapi_tcp_server_open(&srv.server, stack);
    if (err == NSAPI_ERROR_OK) {
        what = "bind";
        err = nsapi_tcp_server_bind(&srv.server, &any);
    }
    if (err == NSAPI_ERROR_OK) {
        what = "listen";
        err = nsapi_tcp_server_listen(&srv.server, SCALE_BACKLOG);
    }
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "scale_nsapi: %s on port %u: %s\n", what, port, nsapi_error_name(err));
        nsapi_tcp_server_close(&srv.server);
        return 1;
    }
    return 0;
}

int scale_nsapi_serve(nsapi_stack_t *stack, unsigned port, unsigned long limit, bool in_sigio,
                      struct scale_result *result)
{
    bool done = false;

    ready_init();
    srv.in_sigio = in_sigio;
    srv.limit = limit;
    srv.result = result;
    result->rss_full_kib = -1;
    /* Allocated once; pages are resident only once a connection uses them. */
    srv.conns = calloc(limit, sizeof *srv.conns);
    srv.free = calloc(limit, sizeof *srv.free);
    if (srv.conns == NULL || srv.free == NULL || listen_on(stack, port) != 0) {
        free(srv.conns);
        free(srv.free);
        return 1;
    }
    result->rss_before_kib = scale_rss_kib();
    printf("listening on port %u\n", port);
    fflush(stdout);
    while (!done) {
        bool accept;
        struct conn *batch = wait_for_work(&accept, &done);

        if (accept) {
            accept_all();
        }
        serve_batch(batch);
    }
    nsapi_tcp_server_close(&srv.server);
    free(srv.conns);
    free(srv.free);
    return 0;
}
