/*
 * TCP against the kernel as the peer (the configurations with one:
 * fx->kernel), where the peer's own TCP decides what happens:
 *   - a server of the stack's that closes first, and kernel clients that
 *     come back on the same source ports while it may still hold their old
 *     connections in TIME-WAIT (the namespace's ephemeral range is made
 *     small, so they come back after a few connections, not thousands);
 *   - a client of the stack's that closes first, more times than the stack
 *     has ephemeral ports (lwIP: 16,384), each connection leaving TIME-WAIT;
 *   - answers the kernel writes in two pieces, the second held by its
 *     Nagle until the first is acknowledged: the stack must not sit on
 *     that ACK for a delayed-ACK timer.
 * Every connection must be served at once; every wait is bounded.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "fixture.h"

#define STEP_MS 3000       /* for any one connect, answer or close: a stall fails the case */
#define SERVER_PORT 7100
#define KERNEL_PORT 7101
#define ANSWER_PORT 7102

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
    if (fx->kernel == NULL) {
        fixture_teardown(); /* .fini does not run after a skip */
        cr_skip_test("unsupported: %s has no kernel side to be the peer", fx->name);
    }
}

TestSuite(tcp_kernel, .init = setup, .fini = fixture_teardown, .timeout = 60);

/* ---- the stack's server closes first; the kernel's clients reuse ports ------------------- */

struct server {
    nsapi_tcp_server_t listener;
    pthread_t thread;
    pthread_mutex_t lock;
    int stop;
    unsigned served;
    nsapi_error_t failure;
};

static int stopping(struct server *s)
{
    int stop;

    pthread_mutex_lock(&s->lock);
    stop = s->stop;
    pthread_mutex_unlock(&s->lock);
    return stop;
}

/* Accept, send one byte, close (first): the stack holds each connection in TIME-WAIT. */
static void *serve(void *arg)
{
    struct server *s = arg;

    while (!stopping(s)) {
        nsapi_tcp_socket_t c = {0};
        nsapi_error_t err = nsapi_tcp_server_accept(&s->listener, &c, NULL);

        if (err == NSAPI_ERROR_WOULD_BLOCK) {
            continue;
        }
        if (err == NSAPI_ERROR_OK && nsapi_tcp_socket_send(&c, "x", 1) != 1) {
            err = NSAPI_ERROR_DEVICE_ERROR;
        }
        nsapi_tcp_socket_close(&c);
        pthread_mutex_lock(&s->lock);
        s->served += err == NSAPI_ERROR_OK;
        s->failure = err != NSAPI_ERROR_OK ? err : s->failure;
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

static void server_start(struct server *s, nsapi_socket_address_t *at)
{
    memset(s, 0, sizeof *s);
    pthread_mutex_init(&s->lock, NULL);
    *at = fx->local;
    nsapi_socket_address_set_port(at, SERVER_PORT);
    cr_assert_eq(nsapi_tcp_server_open(&s->listener, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&s->listener, at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&s->listener, 8), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(&s->listener, 100); /* accept looks at the stop flag */
    cr_assert_eq(pthread_create(&s->thread, NULL, serve, s), 0);
}

static void server_stop(struct server *s)
{
    pthread_mutex_lock(&s->lock);
    s->stop = 1;
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    nsapi_tcp_server_close(&s->listener);
    pthread_mutex_destroy(&s->lock);
}

/* The kernel's own address of a socket address of nsapi's. */
static socklen_t kernel_address(const nsapi_socket_address_t *at, struct sockaddr_storage *ss)
{
    char text[NSAPI_IP_SIZE];

    memset(ss, 0, sizeof *ss);
    nsapi_socket_address_get_ip_address(at, text, sizeof text);
    if (at->addr.version == NSAPI_IPv6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

        a->sin6_family = AF_INET6;
        a->sin6_port = htons(at->port);
        cr_assert_eq(inet_pton(AF_INET6, text, &a->sin6_addr), 1);
        return sizeof *a;
    }
    ((struct sockaddr_in *)ss)->sin_family = AF_INET;
    ((struct sockaddr_in *)ss)->sin_port = htons(at->port);
    cr_assert_eq(inet_pton(AF_INET, text, &((struct sockaddr_in *)ss)->sin_addr), 1);
    return sizeof(struct sockaddr_in);
}

static unsigned local_port(int fd)
{
    struct sockaddr_storage ss;
    socklen_t length = sizeof ss;

    getsockname(fd, (struct sockaddr *)&ss, &length);
    return ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                          : ((struct sockaddr_in *)&ss)->sin_port);
}

/* One kernel client: connect, read the server's byte and its close, close; each step within STEP_MS. */
static void kernel_client(const struct sockaddr_storage *ss, socklen_t length, unsigned i)
{
    int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct pollfd p = {fd, POLLOUT, 0};
    int err = 0, got = 0;
    socklen_t size = sizeof err;
    char buf[4];
    ssize_t n;

    cr_assert_geq(fd, 0);
    cr_assert(connect(fd, (const struct sockaddr *)ss, length) == 0 || errno == EINPROGRESS,
              "connection %u: connect: %s", i, strerror(errno));
    cr_assert_eq(poll(&p, 1, STEP_MS), 1, "connection %u from port %u: no answer to its SYN within %d ms on %s", i,
                 local_port(fd), STEP_MS, fx->name);
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &size);
    cr_assert_eq(err, 0, "connection %u from port %u: %s", i, local_port(fd), strerror(err));
    p.events = POLLIN;
    while (poll(&p, 1, STEP_MS) == 1 && (n = read(fd, buf, sizeof buf)) > 0) {
        got += (int)n;
    }
    cr_assert_eq(got, 1, "connection %u from port %u: the server's byte, then its close", i, local_port(fd));
    close(fd);
}

static void clients_come_back(nsapi_version_t version, unsigned count)
{
    FILE *range = fopen("/proc/sys/net/ipv4/ip_local_port_range", "w");
    struct sockaddr_storage ss;
    nsapi_socket_address_t at;
    struct server server;
    socklen_t length;
    unsigned i;

    /* This namespace's clients: 16 ports, each back after 16 connections. */
    cr_assert_not_null(range);
    fprintf(range, "40000 40015\n");
    cr_assert_eq(fclose(range), 0);
    fixture_use(version);
    server_start(&server, &at);
    length = kernel_address(&at, &ss);
    for (i = 0; i < count; i++) {
        kernel_client(&ss, length, i);
    }
    server_stop(&server);
    cr_expect_eq(server.served, count, "every connection served on %s", fx->name);
    cr_expect_eq(server.failure, NSAPI_ERROR_OK, "%s", nsapi_error_name(server.failure));
}

Test(tcp_kernel, server_closes_first_and_clients_reuse_ports_ipv4)
{
    clients_come_back(NSAPI_IPv4, 400);
}

Test(tcp_kernel, server_closes_first_and_clients_reuse_ports_ipv6)
{
    clients_come_back(NSAPI_IPv6, 100);
}

/* ---- the stack's client closes first, more times than it has ephemeral ports -------------- */

struct sink {
    int fd;
    pthread_t thread;
    pthread_mutex_t lock;
    int stop;
};

static int sink_stopping(struct sink *k)
{
    int stop;

    pthread_mutex_lock(&k->lock);
    stop = k->stop;
    pthread_mutex_unlock(&k->lock);
    return stop;
}

/* The kernel's server: accept, read to the client's close, close. */
static void *sink_serve(void *arg)
{
    struct sink *k = arg;
    struct pollfd p = {k->fd, POLLIN, 0};

    while (!sink_stopping(k)) {
        char buf[64];
        int c;

        if (poll(&p, 1, 100) != 1 || (c = accept(k->fd, NULL, NULL)) < 0) {
            continue;
        }
        while (read(c, buf, sizeof buf) > 0) {
        }
        close(c);
    }
    return NULL;
}

Test(tcp_kernel, client_closes_first_more_times_than_there_are_ports)
{
    struct sockaddr_in a = {0};
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    struct sink sink;
    const int on = 1;
    unsigned i;

    a.sin_family = AF_INET;
    a.sin_port = htons(KERNEL_PORT);
    cr_assert_eq(inet_pton(AF_INET, fx->kernel, &a.sin_addr), 1);
    memset(&sink, 0, sizeof sink);
    pthread_mutex_init(&sink.lock, NULL);
    sink.fd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(sink.fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    cr_assert_eq(bind(sink.fd, (struct sockaddr *)&a, sizeof a), 0);
    /* The stack's connects can outrun this one accepting thread: a full queue would drop SYNs, each
     * then retransmitted a second later, and 17,000 connections would not fit the case's time. */
    cr_assert_eq(listen(sink.fd, SOMAXCONN), 0);
    cr_assert_eq(pthread_create(&sink.thread, NULL, sink_serve, &sink), 0);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&peer, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&peer, KERNEL_PORT);
    for (i = 0; i < 17000; i++) {
        nsapi_tcp_socket_t s = {0};
        nsapi_error_t err;

        cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
        nsapi_tcp_socket_set_timeout(&s, STEP_MS);
        err = nsapi_tcp_socket_connect(&s, &peer);
        nsapi_tcp_socket_close(&s);
        cr_assert_eq(err, NSAPI_ERROR_OK, "connect %u on %s: %s", i, fx->name, nsapi_error_name(err));
    }
    pthread_mutex_lock(&sink.lock);
    sink.stop = 1;
    pthread_mutex_unlock(&sink.lock);
    pthread_join(sink.thread, NULL);
    close(sink.fd);
    pthread_mutex_destroy(&sink.lock);
}

/* ---- answers in two writes, the second held by the kernel's Nagle ----------------------------- */

#define ROUNDS 40
#define PIECE 1000

/* The kernel's server: for each byte received, an answer of two writes of PIECE bytes. */
static void *answer_in_two(void *arg)
{
    int fd = *(int *)arg, c = accept(fd, NULL, NULL);
    static const char piece[PIECE];
    char request;

    while (c >= 0 && read(c, &request, 1) == 1 && write(c, piece, PIECE) == PIECE && write(c, piece, PIECE) == PIECE) {
    }
    if (c >= 0) {
        close(c);
    }
    return NULL;
}

Test(tcp_kernel, an_answer_in_two_writes_is_not_held_by_a_delayed_ack)
{
    static char answer[2 * PIECE];
    struct sockaddr_in a = {0};
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_tcp_socket_t s = {0};
    const int on = 1;
    pthread_t thread;
    long start, took;
    int fd, round;

    a.sin_family = AF_INET;
    a.sin_port = htons(ANSWER_PORT);
    cr_assert_eq(inet_pton(AF_INET, fx->kernel, &a.sin_addr), 1);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    cr_assert_eq(listen(fd, 1), 0);
    cr_assert_eq(pthread_create(&thread, NULL, answer_in_two, &fd), 0);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&peer, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&peer, ANSWER_PORT);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, STEP_MS);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_OK);
    start = now_ms();
    for (round = 0; round < ROUNDS; round++) {
        size_t got = 0;

        cr_assert_eq(nsapi_tcp_socket_send(&s, "?", 1), 1);
        while (got < sizeof answer) {
            nsapi_size_or_error_t n = nsapi_tcp_socket_recv(&s, answer + got, (nsapi_size_t)(sizeof answer - got));

            cr_assert_gt(n, 0, "round %d, after %zu bytes: %s", round, got, nsapi_error_name(n));
            got += (size_t)n;
        }
    }
    took = now_ms() - start;
    nsapi_tcp_socket_close(&s);
    pthread_join(thread, NULL);
    close(fd);
    /* The kernel's own delayed ACK (40 ms) makes about 1.6 s of these rounds; lwIP's fast timer
     * (250 ms) made about 5 s.  With lwIP's timer at 10 ms (lwipopts.h) the bound no longer tells
     * config/quick_ack.c from the timer: the lwip_quick_ack suite checks the hook itself. */
    cr_expect_lt(took, ROUNDS * 75, "%d answers took %ld ms on %s: the first piece's ACK was held", ROUNDS, took,
                 fx->name);
}
