/*
 * An echo server (RFC 862) for several TCP clients at once, and for UDP on
 * the same port, in one thread: the listening socket, every connection and
 * the UDP socket are non-blocking, and their sigio callbacks wake the loop.
 * Each turn of the loop accepts what is waiting, gives every client one
 * buffer's worth of work, so that no client keeps the others waiting, and
 * echoes one datagram; it sleeps only when a turn found nothing to do.
 * A client idle for 30 s is dropped, and when every one of the 64 slots is
 * taken, those idle for 1 s give way, so that idle clients cannot keep
 * the others waiting in the listen queue (64 long) for ever.
 *
 * usage: echo_server [--interface SPEC] [INTERFACE OPTIONS] PORT [CLIENTS] (--help: every option)
 *        Serves CLIENTS TCP clients and stops once they have gone (serves
 *        forever unless given), or stops on SIGINT/SIGTERM.
 * Exits 0 then, 1 on any error, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/listener.h"
#include "common/usage.h"
#include "common/wakeup.h"
#include "examples.h"

#define SLOTS 64           /* clients served at once; more wait in the listen queue */
#define BACKLOG 64         /* the listen queue */
#define IDLE_MS 30000      /* a client with nothing echoed for this long is dropped */
#define CROWDED_MS 1000    /* with every slot taken, a client idle for this long gives way */
#define BUFFER 16384       /* bytes a client may have received but not yet echoed */
#define DATAGRAM 65507     /* the largest UDP payload */
#define POLL_MS 200        /* how often an idle loop looks at the stop flag */

struct client {
    nsapi_tcp_socket_t socket;
    int open, number;
    long long active;      /* when it last made progress */
    unsigned char buf[BUFFER];
    size_t start, end;     /* received, not yet sent back */
    unsigned long long echoed;
};

enum progress { IDLE, BUSY, GONE };

static nsapi_tcp_server_t server;
static nsapi_udp_socket_t udp;
static struct client clients[SLOTS];
static uint16_t own_port;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct example_wakeup wakeup;
static pthread_once_t wakeup_once = PTHREAD_ONCE_INIT;
static unsigned char datagram[DATAGRAM];
static int asked_to_stop;

static void init_wakeup(void)
{
    example_wakeup_init(&wakeup);
}

void echo_server_stop(void)
{
    pthread_mutex_lock(&lock);
    asked_to_stop = 1;
    pthread_mutex_unlock(&lock);
    example_wakeup_signal(&wakeup);
}

static int stopping(void)
{
    int asked;

    pthread_mutex_lock(&lock);
    asked = asked_to_stop;
    pthread_mutex_unlock(&lock);
    return asked || example_signalled();
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
        c->active = example_now_ms();
        nsapi_tcp_socket_set_blocking(&c->socket, false);
        nsapi_tcp_socket_sigio(&c->socket, example_wakeup_signal, &wakeup);
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
        c->active = example_now_ms();
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
    c->active = example_now_ms();
    return BUSY;
}

/*
 * Echo one datagram, if one is waiting; the number echoed (0 or 1).  Not to
 * a privileged port, where echo, chargen and their kind live, nor to our
 * own: a forged datagram must not set two servers echoing each other forever.
 */
static unsigned echo_datagram(nsapi_udp_socket_t *udp)
{
    nsapi_socket_address_t from;
    nsapi_size_or_error_t n = nsapi_udp_socket_recvfrom(udp, &from, datagram, sizeof datagram);
    uint16_t port = nsapi_socket_address_get_port(&from);

    if (n < 0 || port < 1024 || port == own_port) {
        return 0; /* WOULD_BLOCK: none waiting; anything else is the sender's problem, not the server's */
    }
    /* UDP may drop: a datagram that does not fit the sender's path now is lost, as on any link. */
    nsapi_udp_socket_sendto(udp, &from, datagram, (nsapi_size_t)n);
    return 1;
}

static void finish(struct client *c, const char *how)
{
    printf("client %d: echoed %llu bytes, %s\n", c->number, c->echoed, how);
    fflush(stdout);
    nsapi_tcp_socket_close(&c->socket);
    c->open = 0;
}

/* Finish c, counted as gone (1), when it has been idle for ms; else 0. */
static int drop_idle(struct client *c, long long ms, const char *how)
{
    if (!c->open || example_now_ms() - c->active < ms) {
        return 0;
    }
    finish(c, how);
    return 1;
}

/* Whether every slot is taken. */
static int full(void)
{
    int i;

    for (i = 0; i < SLOTS && clients[i].open; i++) {
    }
    return i == SLOTS;
}

int echo_server_listen(nsapi_stack_t *stack, unsigned port)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err;

    pthread_once(&wakeup_once, init_wakeup);
    own_port = (uint16_t)port;
    nsapi_socket_address_set_port(&any, own_port);
    if (example_listen(&server, stack, port, BACKLOG, SLOTS) != 0) {
        return 1;
    }
    err = nsapi_udp_socket_open(&udp, stack);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_udp_socket_bind(&udp, &any);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_udp_socket_close(&udp);
        nsapi_tcp_server_close(&server);
        return example_fail("udp bind", err);
    }
    nsapi_tcp_server_set_blocking(&server, false);
    nsapi_tcp_server_sigio(&server, example_wakeup_signal, &wakeup);
    nsapi_udp_socket_set_blocking(&udp, false);
    nsapi_udp_socket_sigio(&udp, example_wakeup_signal, &wakeup);
    printf("echo server listening on port %u (TCP and UDP)\n", port);
    fflush(stdout);
    return 0;
}

int echo_server_run(int limit)
{
    unsigned long datagrams = 0;
    int accepted = 0, done = 0, i;

    while (!stopping() && (limit == 0 || done < limit)) {
        unsigned echoed = echo_datagram(&udp);
        int work = echoed > 0;

        datagrams += echoed;
        accept_all(&server, &accepted, limit);
        if (full()) {
            for (i = 0; i < SLOTS; i++) {
                done += drop_idle(&clients[i], CROWDED_MS, "idle while the server is full, dropped");
            }
        }
        for (i = 0; i < SLOTS; i++) {
            struct client *c = &clients[i];
            enum progress p = c->open ? serve(c) : IDLE;

            if (p == GONE) {
                finish(c, "closed");
                done++;
            }
            done += drop_idle(c, IDLE_MS, "idle for 30 s, dropped");
            work |= p != IDLE; /* a freed slot may take a queued client at once, too */
        }
        if (!work) {
            example_wakeup_wait(&wakeup, POLL_MS);
        }
    }
    for (i = 0; i < SLOTS; i++) {
        if (clients[i].open) {
            finish(&clients[i], "cut off by the stop");
        }
    }
    nsapi_udp_socket_close(&udp);
    nsapi_tcp_server_close(&server);
    printf("served %d clients, echoed %lu datagrams\n", done, datagrams);
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "PORT [CLIENTS]",
                         "  PORT                   the TCP and UDP port to listen on, 1 to 65535\n"
                         "  CLIENTS                stop once this many TCP clients have come and gone, 1 to 1000000\n"
                         "                         (default: serve until SIGINT or SIGTERM)\n",
                         help);
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    unsigned port;
    unsigned long count;
    int rc;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc == 0 && example_port_count(argc, argv, &port, &count, 1000000) != 0) {
        example_network_down();
        rc = 2;
    }
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    example_stop_on_signals();
    rc = echo_server_listen(stack, port);
    if (rc == 0) {
        rc = echo_server_run((int)count);
    }
    example_network_down();
    return rc;
}
#endif
