/*
 * The threaded paths of a backend under ThreadSanitizer: the runtime's
 * threads, the backend's own thread (lwIP's, or the POSIX event thread,
 * which call the runtime's event callback) and the services' threads
 * together.  Built once per backend (TSAN_POSIX selects POSIX on
 * 127.0.0.1, high ports, no root needed; otherwise lwIP loopback).  A plain
 * program, as Criterion cannot start under TSan: one "ok NAME" / "not ok
 * NAME" line per case.  Misuse from several threads too: a close while
 * others are blocked in recv, accept or connect on the socket, closes that
 * race, and calls after the close: NSAPI_ERROR_NO_SOCKET, as documented.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "nsapi/lwip.h"
#include "nsapi/posix.h"
#include "services.h"
#include "tsan_report.h"
#include "waits.h"

#ifdef TSAN_POSIX
#define ADDRESS "127.0.0.1"
#define BASE 47000 /* clear of the host's services; no root needed */
#else
#define ADDRESS "10.0.0.1"
#define BASE 0
#endif

static nsapi_stack_t stack;
static nsapi_socket_address_t echo, discard;

static void *echo_client(void *arg)
{
    unsigned char out[30000], in[30000];
    nsapi_tcp_socket_t s = {0};
    size_t got = 0, i;
    int n = 1, *ok = arg;

    for (i = 0; i < sizeof out; i++) {
        out[i] = (unsigned char)(i * 7u + (unsigned)*ok);
    }
    if (nsapi_tcp_socket_open(&s, &stack) == NSAPI_ERROR_OK && nsapi_tcp_socket_connect(&s, &echo) == NSAPI_ERROR_OK
        && nsapi_tcp_socket_send(&s, out, sizeof out) == (int)sizeof out) {
        while (got < sizeof in && (n = nsapi_tcp_socket_recv(&s, in + got, (nsapi_size_t)(sizeof in - got))) > 0) {
            got += (size_t)n;
        }
    }
    nsapi_tcp_socket_close(&s);
    *ok = got == sizeof in && memcmp(in, out, got) == 0;
    return NULL;
}

static void parallel_echo(void)
{
    pthread_t t[3];
    int ok[3] = {1, 2, 3}, i, all = 1;

    for (i = 0; i < 3; i++) {
        pthread_create(&t[i], NULL, echo_client, &ok[i]);
    }
    for (i = 0; i < 3; i++) {
        pthread_join(t[i], NULL);
        all &= ok[i] == 1;
    }
    report(all, "parallel_echo");
}

struct blocked {
    nsapi_tcp_socket_t socket;
    int result;
};

static void *blocked_recv(void *arg)
{
    struct blocked *b = arg;
    char buf[8];

    b->result = nsapi_tcp_socket_recv(&b->socket, buf, sizeof buf);
    return NULL;
}

static void close_wakes_recv(void)
{
    struct blocked b;
    pthread_t t;

    memset(&b, 0, sizeof b);
    b.result = 1;
    nsapi_tcp_socket_open(&b.socket, &stack);
    nsapi_tcp_socket_connect(&b.socket, &discard);
    pthread_create(&t, NULL, blocked_recv, &b);
    sleep_ms(50);
    nsapi_tcp_socket_close(&b.socket);
    pthread_join(t, NULL);
    report(b.result == NSAPI_ERROR_NO_SOCKET, "close_wakes_recv");
}

struct server_call {
    nsapi_tcp_server_t *server;
    int result;
};

static void *blocked_accept(void *arg)
{
    struct server_call *c = arg;
    nsapi_tcp_socket_t connection = {0};

    c->result = nsapi_tcp_server_accept(c->server, &connection, NULL);
    if (c->result == NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&connection);
    }
    return NULL;
}

/* A listener of our own on port, with backlog; 1 when it listens. */
static int listen_on(nsapi_tcp_server_t *server, uint16_t port, int backlog)
{
    nsapi_socket_address_t at = echo;

    nsapi_socket_address_set_port(&at, port);
    return nsapi_tcp_server_open(server, &stack) == NSAPI_ERROR_OK && nsapi_tcp_server_bind(server, &at) == NSAPI_ERROR_OK
           && nsapi_tcp_server_listen(server, backlog) == NSAPI_ERROR_OK;
}

/* Two threads blocked in accept on one server when another closes it: both return NO_SOCKET. */
static void close_wakes_accept(void)
{
    nsapi_tcp_server_t server = {0};
    struct server_call a = {&server, 1}, b = {&server, 1};
    pthread_t ta, tb;
    int ok = listen_on(&server, BASE + 50, 2);

    nsapi_tcp_server_set_timeout(&server, 5000); /* a bound, should the close not wake them */
    pthread_create(&ta, NULL, blocked_accept, &a);
    pthread_create(&tb, NULL, blocked_accept, &b);
    sleep_ms(50);
    ok &= nsapi_tcp_server_close(&server) == NSAPI_ERROR_OK;
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    report(ok && a.result == NSAPI_ERROR_NO_SOCKET && b.result == NSAPI_ERROR_NO_SOCKET, "close_wakes_accept");
}

static void *blocked_connect(void *arg)
{
    struct blocked *b = arg;
    nsapi_socket_address_t to = echo;

    nsapi_socket_address_set_port(&to, BASE + 51);
    b->result = nsapi_tcp_socket_connect(&b->socket, &to);
    return NULL;
}

/*
 * A thread blocked in connect when another closes the socket: NO_SOCKET.  The
 * connect blocks because the listener's backlog is full and never accepted
 * from, so its SYN goes unanswered (on both backends).
 */
static void close_wakes_connect(void)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t fillers[3];
    struct blocked b;
    pthread_t t;
    int ok = listen_on(&server, BASE + 51, 1), i;
    nsapi_socket_address_t to = echo;

    nsapi_socket_address_set_port(&to, BASE + 51);
    memset(fillers, 0, sizeof fillers);
    for (i = 0; i < 3; i++) { /* some connect, the last wait in vain: the queue is full */
        nsapi_tcp_socket_open(&fillers[i], &stack);
        nsapi_tcp_socket_set_timeout(&fillers[i], 300);
        nsapi_tcp_socket_connect(&fillers[i], &to);
    }
    memset(&b, 0, sizeof b);
    b.result = 1;
    nsapi_tcp_socket_open(&b.socket, &stack);
    nsapi_tcp_socket_set_timeout(&b.socket, 5000);
    pthread_create(&t, NULL, blocked_connect, &b);
    sleep_ms(100);
    ok &= nsapi_tcp_socket_close(&b.socket) == NSAPI_ERROR_OK;
    pthread_join(t, NULL);
    for (i = 0; i < 3; i++) {
        nsapi_tcp_socket_close(&fillers[i]);
    }
    nsapi_tcp_server_close(&server);
    report(ok && b.result == NSAPI_ERROR_NO_SOCKET, "close_wakes_connect");
}

struct closer {
    nsapi_tcp_socket_t *socket;
    pthread_barrier_t *start;
    int result;
};

static void *close_call(void *arg)
{
    struct closer *c = arg;

    pthread_barrier_wait(c->start);
    c->result = nsapi_tcp_socket_close(c->socket);
    return NULL;
}

/* Four threads close one connected socket at once: one gets OK, the others NO_SOCKET. */
static void closes_race(void)
{
    nsapi_tcp_socket_t s = {0};
    pthread_barrier_t start;
    struct closer c[4];
    pthread_t t[4];
    int i, oks = 0, no_sockets = 0, round, ok = 1;

    for (round = 0; round < 20; round++) {
        pthread_barrier_init(&start, NULL, 4);
        ok &= nsapi_tcp_socket_open(&s, &stack) == NSAPI_ERROR_OK && nsapi_tcp_socket_connect(&s, &echo) == NSAPI_ERROR_OK;
        for (i = 0; i < 4; i++) {
            c[i].socket = &s;
            c[i].start = &start;
            pthread_create(&t[i], NULL, close_call, &c[i]);
        }
        for (i = 0; i < 4; i++) {
            pthread_join(t[i], NULL);
            oks += c[i].result == NSAPI_ERROR_OK;
            no_sockets += c[i].result == NSAPI_ERROR_NO_SOCKET;
        }
        pthread_barrier_destroy(&start);
    }
    report(ok && oks == 20 && no_sockets == 60, "closes_race");
}

static void *send_until_error(void *arg)
{
    struct blocked *b = arg;
    static const char data[1000];
    nsapi_size_or_error_t n;
    int i;

    for (i = 0; i < 1000000 && (n = nsapi_tcp_socket_send(&b->socket, data, sizeof data)) >= 0; i++) {
    }
    b->result = n;
    return NULL;
}

/* Sends in one thread while another closes the socket; then every call on it: NO_SOCKET, no crash. */
static void use_after_close(void)
{
    struct blocked b;
    pthread_t t;
    char buf[4];
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t connection = {0};
    int ok;

    memset(&b, 0, sizeof b);
    ok = nsapi_tcp_socket_open(&b.socket, &stack) == NSAPI_ERROR_OK
         && nsapi_tcp_socket_connect(&b.socket, &discard) == NSAPI_ERROR_OK;
    pthread_create(&t, NULL, send_until_error, &b);
    sleep_ms(20);
    ok &= nsapi_tcp_socket_close(&b.socket) == NSAPI_ERROR_OK;
    pthread_join(t, NULL);
    ok &= b.result == NSAPI_ERROR_NO_SOCKET;
    ok &= nsapi_tcp_socket_close(&b.socket) == NSAPI_ERROR_NO_SOCKET;
    ok &= nsapi_tcp_socket_send(&b.socket, "x", 1) == NSAPI_ERROR_NO_SOCKET;
    ok &= nsapi_tcp_socket_recv(&b.socket, buf, sizeof buf) == NSAPI_ERROR_NO_SOCKET;
    ok &= nsapi_tcp_socket_connect(&b.socket, &echo) == NSAPI_ERROR_NO_SOCKET;
    ok &= listen_on(&server, BASE + 52, 1) && nsapi_tcp_server_close(&server) == NSAPI_ERROR_OK;
    ok &= nsapi_tcp_server_accept(&server, &connection, NULL) == NSAPI_ERROR_NO_SOCKET;
    ok &= nsapi_tcp_server_close(&server) == NSAPI_ERROR_NO_SOCKET;
    report(ok, "use_after_close");
}

static void sigio_driven_udp(void)
{
    nsapi_udp_socket_t s = {0};
    char buf[16];
    int i, received = 0;

    nsapi_udp_socket_open(&s, &stack);
    nsapi_udp_socket_set_blocking(&s, false);
    nsapi_udp_socket_sigio(&s, signal_raise, NULL);
    for (i = 0; i < 50; i++) {
        int waits = 0;

        nsapi_udp_socket_sendto(&s, &echo, "ping", 4);
        while (received <= i && waits++ < 20 && signal_wait(2000)) { /* a sigio may come for nothing */
            while (nsapi_udp_socket_recv(&s, buf, sizeof buf) == 4) {
                received++;
            }
        }
    }
    nsapi_udp_socket_close(&s);
    report(received == 50, "sigio_driven_udp");
}

static int dns_calls;
static pthread_mutex_t dns_lock = PTHREAD_MUTEX_INITIALIZER;

static void dns_result(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context)
{
    (void)result;
    (void)address;
    (void)context;
    pthread_mutex_lock(&dns_lock);
    dns_calls++;
    pthread_mutex_unlock(&dns_lock);
}

struct lookups {
    nsapi_value_or_error_t ids[NSAPI_DNS_QUERIES];
    int cancelled;
};

static void *cancel_all(void *arg)
{
    struct lookups *l = arg;
    int i;

    for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
        l->cancelled += l->ids[i] > 0 && nsapi_stack_gethostbyname_async_cancel(&stack, l->ids[i]) == NSAPI_ERROR_OK;
    }
    return NULL;
}

/* Asynchronous lookups of a server that never answers, cancelled from another thread while they run. */
static void async_dns_cancel_races(const nsapi_socket_address_t *silent)
{
    struct lookups l;
    pthread_t t;
    int round, i, ok = nsapi_stack_add_dns_server(&stack, silent) == NSAPI_ERROR_OK;

    for (round = 0; round < 3 && ok; round++) {
        memset(&l, 0, sizeof l);
        for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
            char name[16];

            snprintf(name, sizeof name, "q%d.test", i);
            l.ids[i] = nsapi_stack_gethostbyname_async(&stack, name, dns_result, NULL, NSAPI_IPv4);
        }
        pthread_create(&t, NULL, cancel_all, &l);
        pthread_join(t, NULL);
        ok &= l.cancelled == NSAPI_DNS_QUERIES;
        lookups_wait(&stack);
    }
    pthread_mutex_lock(&dns_lock);
    ok &= dns_calls == 0;
    pthread_mutex_unlock(&dns_lock);
    report(ok, "async_dns_cancel_races");
}

#ifdef TSAN_POSIX
static int start(void)
{
    return nsapi_posix_init(&stack) == NSAPI_ERROR_OK;
}

static int stop(void)
{
    return nsapi_posix_open_sockets(&stack) == 0 && nsapi_posix_deinit(&stack) == NSAPI_ERROR_OK;
}
#else
static int start(void)
{
    return nsapi_lwip_init(&stack) == NSAPI_ERROR_OK && nsapi_lwip_add_loopback(&stack, ADDRESS, NULL) == NSAPI_ERROR_OK;
}

static int stop(void)
{
    return nsapi_lwip_open_sockets(&stack) == 0 && nsapi_lwip_deinit(&stack) == NSAPI_ERROR_OK;
}
#endif

int main(void)
{
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0};

    nsapi_socket_address_set_ip_address(&at, ADDRESS);
    if (!start() || services_start(&stack, &at, BASE) != 0) {
        report(0, "setup");
        return 1;
    }
    echo = discard = at;
    nsapi_socket_address_set_port(&echo, BASE + 7);
    nsapi_socket_address_set_port(&discard, BASE + 9);
    parallel_echo();
    close_wakes_recv();
    close_wakes_accept();
    close_wakes_connect();
    closes_race();
    use_after_close();
    sigio_driven_udp();
    nsapi_socket_address_set_port(&at, BASE + 99); /* nobody listens there */
    async_dns_cancel_races(&at);
    services_stop();
    report(stop(), "clean_shutdown");
    return report_status();
}
