/*
 * A TCP echo server for several clients at once, in one thread: the
 * listening socket and every connection are non-blocking, and their sigio
 * callbacks wake the loop.  Each turn of the loop accepts what is waiting
 * and gives every client one buffer's worth of work, so that no client
 * keeps the others waiting; it sleeps only when a turn found nothing to do.
 *
 * usage: echo_server --stack lwip-loop|lwip-tap|posix PORT [CLIENTS]
 *        Serves CLIENTS clients and stops once they have gone (serves forever
 *        unless given), or stops on SIGINT/SIGTERM.
 * Exits 0 then, 1 on any error, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "example_stack.h"

#define SLOTS 8            /* clients served at once; more wait in the listen queue */
#define BUFFER 16384       /* bytes a client may have received but not yet echoed */
#define POLL_MS 200        /* how often an idle loop looks at the stop flag */

struct client {
    nsapi_tcp_socket_t socket;
    int open, number;
    unsigned char buf[BUFFER];
    size_t start, end;     /* received, not yet sent back */
    unsigned long long echoed;
};

enum progress { IDLE, BUSY, GONE };

static struct client clients[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t woken;
static int events;
static volatile sig_atomic_t stop;

/* Every socket's sigio: only note it and wake the loop (sigio runs in the stack's thread). */
static void wake(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    events++;
    pthread_cond_signal(&woken);
    pthread_mutex_unlock(&lock);
}

static void wait_for_event(void)
{
    struct timespec until;

    clock_gettime(CLOCK_MONOTONIC, &until); /* the condition variable's clock: see main() */
    until.tv_nsec += POLL_MS * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&lock);
    if (events == 0) {
        pthread_cond_timedwait(&woken, &lock, &until);
    }
    events = 0;
    pthread_mutex_unlock(&lock);
}

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

/* Take connections waiting, into free slots, while fewer than limit (0: no limit) have been taken. */
static void accept_all(nsapi_tcp_server_t *server, int *accepted, int limit)
{
    int i;

    for (i = 0; i < SLOTS && (limit == 0 || *accepted < limit); i++) {
        struct client *c = &clients[i];
        nsapi_socket_address_t from;
        char text[NSAPI_IP_SIZE];

        if (c->open) {
            continue;
        }
        memset(c, 0, sizeof *c);
        if (nsapi_tcp_server_accept(server, &c->socket, &from) != NSAPI_ERROR_OK) {
            return; /* none waiting (WOULD_BLOCK), or none can be taken now: a later turn retries */
        }
        c->open = 1;
        c->number = ++*accepted;
        nsapi_tcp_socket_set_blocking(&c->socket, false);
        nsapi_tcp_socket_sigio(&c->socket, wake, NULL);
        nsapi_socket_address_get_ip_address(&from, text, sizeof text);
        printf("client %d connected from %s port %u\n", c->number, text, nsapi_socket_address_get_port(&from));
        fflush(stdout);
    }
}

/* One turn for a client: send back what is pending, or receive one buffer. */
static enum progress serve(struct client *c)
{
    nsapi_size_or_error_t n;

    if (c->start < c->end) {
        n = nsapi_tcp_socket_send(&c->socket, c->buf + c->start, (nsapi_size_t)(c->end - c->start));
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            return IDLE;
        }
        if (n < 0) {
            printf("client %d: send: %s\n", c->number, nsapi_error_name(n));
            return GONE;
        }
        c->start += (size_t)n;
        c->echoed += (unsigned long long)n;
        return BUSY;
    }
    n = nsapi_tcp_socket_recv(&c->socket, c->buf, sizeof c->buf);
    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return IDLE;
    }
    if (n <= 0) {
        if (n < 0) {
            printf("client %d: recv: %s\n", c->number, nsapi_error_name(n));
        }
        return GONE;
    }
    c->start = 0;
    c->end = (size_t)n;
    return BUSY;
}

static void finish(struct client *c, const char *how)
{
    printf("client %d: echoed %llu bytes, %s\n", c->number, c->echoed, how);
    fflush(stdout);
    nsapi_tcp_socket_close(&c->socket);
    c->open = 0;
}

static int run(nsapi_stack_t *stack, unsigned port, int limit)
{
    nsapi_tcp_server_t server = {0};
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err;
    int accepted = 0, done = 0, i;

    nsapi_socket_address_set_port(&any, (uint16_t)port);
    err = nsapi_tcp_server_open(&server, stack);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_server_bind(&server, &any);
    }
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_server_listen(&server, SLOTS);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_server_close(&server);
        return example_fail("listen", err);
    }
    nsapi_tcp_server_set_blocking(&server, false);
    nsapi_tcp_server_sigio(&server, wake, NULL);
    printf("listening on port %u\n", port);
    fflush(stdout);
    while (!stop && (limit == 0 || done < limit)) {
        int work = 0;

        accept_all(&server, &accepted, limit);
        for (i = 0; i < SLOTS; i++) {
            struct client *c = &clients[i];
            enum progress p = c->open ? serve(c) : IDLE;

            if (p == GONE) {
                finish(c, "closed");
                done++;
            }
            work |= p != IDLE; /* a freed slot may take a queued client at once, too */
        }
        if (!work) {
            wait_for_event();
        }
    }
    for (i = 0; i < SLOTS; i++) {
        if (clients[i].open) {
            finish(&clients[i], "cut off by the stop");
        }
    }
    nsapi_tcp_server_close(&server);
    printf("served %d clients\n", done);
    return 0;
}

int main(int argc, char **argv)
{
    nsapi_stack_t stack;
    pthread_condattr_t attr;
    struct sigaction action;
    char *end;
    unsigned long port = 0, limit = 0;
    int rc;

    rc = example_stack_up(&argc, argv, &stack);
    if (rc == 0 && (argc < 2 || argc > 3 || (port = strtoul(argv[1], &end, 10)) == 0 || *end != '\0' || port > 65535
                    || (argc == 3 && ((limit = strtoul(argv[2], &end, 10)) == 0 || *end != '\0' || limit > 1000000)))) {
        example_stack_down(&stack);
        rc = 2;
    }
    if (rc != 0) {
        if (rc == 2) {
            fprintf(stderr, "usage: echo_server --stack lwip-loop|lwip-tap|posix PORT [CLIENTS]\n");
        }
        return rc;
    }
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); /* waits never stretch when the wall clock steps */
    pthread_cond_init(&woken, &attr);
    pthread_condattr_destroy(&attr);
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal; /* stays installed: a second signal only asks again */
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    rc = run(&stack, (unsigned)port, (int)limit);
    example_stack_down(&stack);
    return rc;
}
