/*
 * TCP conformance, after Mbed's greentea TCP suite and the state x operation
 * matrix: echo (sizes, bursts, non-blocking with sigio, IPv6), timeouts,
 * end of stream, reset, bind and listen errors, accept, close from another
 * thread, socket limit, options, leaks; recv of size 0 and connects to
 * destinations no server can have (port 0, multicast, broadcast, the
 * unspecified address), refused at once.  Every wait is bounded.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include <criterion/criterion.h>

#include "blocked_recv.h"
#include "clock.h"
#include "fixture.h"
#include "waits.h"

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
}

TestSuite(tcp, .init = setup, .fini = fixture_teardown, .timeout = 60);

static void fill(unsigned char *buf, size_t size, unsigned seed)
{
    size_t i;

    for (i = 0; i < size; i++) {
        buf[i] = (unsigned char)(seed + i * 31u + (i >> 8));
    }
}

static void connect_to(nsapi_tcp_socket_t *s, enum service service)
{
    cr_assert_eq(nsapi_tcp_socket_open(s, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(s, &fx->tcp[service]), NSAPI_ERROR_OK, "connect on %s", fx->name);
}

/* Receive exactly size bytes (blocking), failing the case on anything else. */
static void recv_all(nsapi_tcp_socket_t *s, unsigned char *buf, size_t size)
{
    size_t got = 0;

    while (got < size) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(s, buf + got, (nsapi_size_t)(size - got));

        cr_assert_gt(n, 0, "recv after %zu of %zu bytes: %d (%s)", got, size, n, nsapi_error_name(n));
        got += (size_t)n;
    }
}

static void echo_sizes(nsapi_version_t version)
{
    static const unsigned sizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 200, 300, 400, 500, 600, 700, 800, 900,
                                     1000, 1100, 1200, 65535, 65536, 200000};
    static unsigned char out[200000], in[200000];
    nsapi_tcp_socket_t s = {0};
    size_t i;

    fixture_use(version);
    connect_to(&s, ECHO);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        fill(out, sizes[i], (unsigned)i);
        cr_assert_eq(nsapi_tcp_socket_send(&s, out, sizes[i]), (int)sizes[i], "send %u", sizes[i]);
        recv_all(&s, in, sizes[i]);
        cr_assert_eq(memcmp(in, out, sizes[i]), 0, "echo of %u bytes", sizes[i]);
    }
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
}

Test(tcp, echo_ipv4)
{
    echo_sizes(NSAPI_IPv4);
}

Test(tcp, echo_ipv6)
{
    echo_sizes(NSAPI_IPv6);
}

Test(tcp, echo_burst)
{
    static unsigned char out[20][1220], in[20 * 1220];
    nsapi_tcp_socket_t s = {0};
    int i;

    connect_to(&s, ECHO);
    for (i = 0; i < 20; i++) {
        fill(out[i], sizeof out[i], (unsigned)i);
        cr_assert_eq(nsapi_tcp_socket_send(&s, out[i], sizeof out[i]), (int)sizeof out[i]);
    }
    recv_all(&s, in, sizeof in);
    cr_expect_eq(memcmp(in, out, sizeof in), 0);
    nsapi_tcp_socket_close(&s);
}

/* --- non-blocking with sigio ------------------------------------------------------------ */

Test(tcp, nonblocking_connect_and_echo_with_sigio)
{
    static unsigned char out[100000], in[100000];
    nsapi_tcp_socket_t s = {0};
    size_t sent = 0, got = 0;
    nsapi_error_t err;
    int rounds = 0;

    signal_reset();
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_blocking(&s, false);
    nsapi_tcp_socket_sigio(&s, signal_raise, NULL);
    err = nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]);
    cr_assert_eq(err, NSAPI_ERROR_IN_PROGRESS, "first non-blocking connect: %s", nsapi_error_name(err));
    while ((err = nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO])) == NSAPI_ERROR_ALREADY && rounds++ < 100) {
        cr_assert(signal_wait(5000), "sigio while connecting");
    }
    cr_assert_eq(err, NSAPI_ERROR_IS_CONNECTED, "connect ends IS_CONNECTED: %s", nsapi_error_name(err));
    fill(out, sizeof out, 7);
    for (rounds = 0; got < sizeof out && rounds < 10000; rounds++) {
        nsapi_size_or_error_t n;

        if (sent < sizeof out) {
            n = nsapi_tcp_socket_send(&s, out + sent, (nsapi_size_t)(sizeof out - sent));
            cr_assert(n > 0 || n == NSAPI_ERROR_WOULD_BLOCK, "send: %s", nsapi_error_name(n));
            sent += n > 0 ? (size_t)n : 0;
        }
        n = nsapi_tcp_socket_recv(&s, in + got, (nsapi_size_t)(sizeof in - got));
        cr_assert(n > 0 || n == NSAPI_ERROR_WOULD_BLOCK, "recv: %s", nsapi_error_name(n));
        got += n > 0 ? (size_t)n : 0;
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            cr_assert(signal_wait(5000), "sigio after %zu sent, %zu received", sent, got);
        }
    }
    cr_expect_eq(got, sizeof out);
    cr_expect_eq(memcmp(in, out, sizeof out), 0);
    nsapi_tcp_socket_close(&s);
}

/* --- timeouts, end of stream, refusal, reset -------------------------------------------------- */

Test(tcp, recv_timeout)
{
    nsapi_tcp_socket_t s = {0};
    char buf[16];
    long start, elapsed;

    connect_to(&s, DISCARD);
    nsapi_tcp_socket_set_timeout(&s, 100);
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    elapsed = now_ms() - start;
    cr_expect(elapsed >= 100 && elapsed < 1000, "timed out after %ld ms", elapsed);
    nsapi_tcp_socket_set_blocking(&s, false);
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    cr_expect_lt(now_ms() - start, 50, "non-blocking returns at once");
    nsapi_tcp_socket_close(&s);
}

Test(tcp, end_of_stream_is_zero_every_time)
{
    nsapi_tcp_socket_t s = {0};
    char buf[64];
    size_t total = 0;
    int n, reads = 0;

    connect_to(&s, DAYTIME);
    while ((n = nsapi_tcp_socket_recv(&s, buf, sizeof buf)) > 0 && reads++ < 100) {
        total += (size_t)n;
    }
    cr_expect_eq(n, 0, "the server's close reads as 0, got %s", nsapi_error_name(n));
    cr_expect(total > 0 && total < 64, "one daytime line, %zu bytes", total);
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), 0, "and again");
    nsapi_tcp_socket_close(&s);
}

Test(tcp, refused_connect_never_succeeds_later)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer;

    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &fx->closed), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &fx->closed), NSAPI_ERROR_NO_CONNECTION, "no false success");
    cr_expect_eq(nsapi_tcp_socket_getpeername(&s, &peer), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_send(&s, "x", 1), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK, "the object opens again");
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    nsapi_tcp_socket_close(&s);
}

/* --- size 0 and destinations no server can have: refused at once, on every backend ------------ */

Test(tcp, recv_size_zero_is_refused_at_once)
{
    nsapi_tcp_socket_t s = {0};
    char buf[16];
    long start;

    connect_to(&s, ECHO);
    nsapi_tcp_socket_set_timeout(&s, 5000);
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, 0), NSAPI_ERROR_PARAMETER, "nothing pending");
    cr_expect_eq(nsapi_tcp_socket_recv(&s, NULL, 0), NSAPI_ERROR_PARAMETER, "NULL and 0");
    cr_expect_lt(now_ms() - start, 1000, "without waiting for data");
    cr_assert_eq(nsapi_tcp_socket_send(&s, "abc", 3), 3);
    sleep_ms(200); /* the echo is back: 0 must not read as the end of the stream */
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, 0), NSAPI_ERROR_PARAMETER, "data pending");
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), 3, "the data is still there");
    cr_expect_eq(memcmp(buf, "abc", 3), 0);
    nsapi_tcp_socket_close(&s);
}

/* A connect to ip:port, port 0 meaning the echo service's host on port 0: NSAPI_ERROR_PARAMETER,
 * well inside a 5 s timeout (a bound, not a speed measurement). */
static void connect_refused_at_once(const char *ip, uint16_t port)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t to = fx->tcp[ECHO];
    nsapi_error_t err;
    long start, elapsed;

    if (ip != NULL) {
        cr_assert_eq(nsapi_socket_address_set_ip_address(&to, ip), NSAPI_ERROR_OK, "%s", ip);
    }
    nsapi_socket_address_set_port(&to, port);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 5000);
    start = now_ms();
    err = nsapi_tcp_socket_connect(&s, &to);
    elapsed = now_ms() - start;
    cr_expect_eq(err, NSAPI_ERROR_PARAMETER, "connect to %s port %u on %s: %s", ip ? ip : "the echo host", port,
                 fx->name, nsapi_error_name(err));
    cr_expect_lt(elapsed, 1000, "refused after %ld ms", elapsed);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
}

Test(tcp, connect_port_zero)
{
    connect_refused_at_once(NULL, 0);
}

Test(tcp, connect_ipv4_multicast)
{
    connect_refused_at_once("224.0.0.1", 7);
    connect_refused_at_once("239.255.255.250", 7);
}

Test(tcp, connect_limited_broadcast)
{
    connect_refused_at_once("255.255.255.255", 7);
}

Test(tcp, connect_ipv6_multicast)
{
    connect_refused_at_once("ff02::1", 7);
    connect_refused_at_once("ff05::2", 7);
}

Test(tcp, connect_ipv4_mapped_multicast)
{
    connect_refused_at_once("::ffff:224.0.0.1", 7);
}

Test(tcp, connect_unspecified_ipv4)
{
    connect_refused_at_once("0.0.0.0", 7);
}

Test(tcp, connect_unspecified_ipv6)
{
    connect_refused_at_once("::", 7);
}

/* A server of the test's own, so that the test decides when it closes. */
static void listen_on(nsapi_tcp_server_t *server, uint16_t port, nsapi_socket_address_t *at)
{
    *at = fx->local;
    nsapi_socket_address_set_port(at, port);
    cr_assert_eq(nsapi_tcp_server_open(server, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(server, at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(server, 4), NSAPI_ERROR_OK);
}

Test(tcp, reset_is_an_error_not_end_of_stream)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0}, accepted = {0};
    nsapi_socket_address_t at;
    char buf[16];
    nsapi_size_or_error_t n;
    int tries = 0;

    listen_on(&server, 5001, &at);
    cr_assert_eq(nsapi_tcp_socket_open(&client, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&client, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_accept(&server, &accepted, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_send(&client, "unread", 6), 6);
    nsapi_tcp_socket_set_timeout(&accepted, 2000);
    cr_assert_eq(nsapi_tcp_socket_recv(&accepted, buf, 1), 1, "one byte read, five left unread");
    cr_assert_eq(nsapi_tcp_socket_close(&accepted), NSAPI_ERROR_OK); /* unread data: the peer is reset */
    nsapi_tcp_socket_set_timeout(&client, 2000);
    n = nsapi_tcp_socket_recv(&client, buf, sizeof buf);
    cr_expect(n < 0 && n != NSAPI_ERROR_WOULD_BLOCK, "a reset reads as an error, got %d (%s)", n, nsapi_error_name(n));
    do {
        n = nsapi_tcp_socket_send(&client, "more", 4);
    } while (n > 0 && tries++ < 100);
    cr_expect(n < 0, "send after a reset fails: %s", nsapi_error_name(n));
    nsapi_tcp_socket_close(&client);
    nsapi_tcp_server_close(&server);
}

/* --- bind, listen, accept ----------------------------------------------------------------- */

Test(tcp, bind_errors)
{
    nsapi_tcp_socket_t a = {0}, b = {0};
    nsapi_socket_address_t at = fx->local, foreign;

    nsapi_socket_address_set_port(&at, 5002);
    cr_expect_eq(nsapi_tcp_socket_bind(&a, &at), NSAPI_ERROR_NO_SOCKET, "unopened");
    cr_assert_eq(nsapi_tcp_socket_open(&a, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_open(&b, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_bind(&a, &at), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_bind(&a, &at), NSAPI_ERROR_PARAMETER, "bound already");
    cr_expect_eq(nsapi_tcp_socket_bind(&b, &at), NSAPI_ERROR_ADDRESS_IN_USE);
    nsapi_socket_address_set_ip_address(&foreign, fx->version == NSAPI_IPv4 ? "190.2.3.4" : "fe80::ff01");
    nsapi_socket_address_set_port(&foreign, 5003);
    cr_expect_eq(nsapi_tcp_socket_bind(&b, &foreign), NSAPI_ERROR_PARAMETER, "not a local address");
    nsapi_tcp_socket_close(&a);
    nsapi_tcp_socket_close(&b);
}

Test(tcp, listen_needs_a_bound_socket)
{
    nsapi_tcp_server_t server = {0};

    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_NO_SOCKET);
    cr_assert_eq(nsapi_tcp_server_open(&server, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_PARAMETER);
    nsapi_tcp_server_close(&server);
}

Test(tcp, accept_keeps_listening_and_reports_the_peer)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t clients[3], accepted[3];
    nsapi_socket_address_t at, from, peer;
    nsapi_error_t err;
    int i;

    memset(clients, 0, sizeof clients);
    memset(accepted, 0, sizeof accepted);
    listen_on(&server, 5004, &at);
    for (i = 0; i < 3; i++) {
        cr_assert_eq(nsapi_tcp_socket_open(&clients[i], fx->stack), NSAPI_ERROR_OK);
        cr_assert_eq(nsapi_tcp_socket_connect(&clients[i], &at), NSAPI_ERROR_OK);
        err = nsapi_tcp_server_accept(&server, &accepted[i], &from);
        cr_assert_eq(err, NSAPI_ERROR_OK, "accept %d: %s", i, nsapi_error_name(err));
        cr_expect_eq(nsapi_tcp_socket_getpeername(&accepted[i], &peer), NSAPI_ERROR_OK);
        cr_expect(nsapi_socket_address_equals(&from, &peer));
        cr_expect_eq(nsapi_socket_address_get_ip_version(&from), fx->version);
    }
    cr_expect_eq(nsapi_tcp_server_accept(&server, &accepted[0], NULL), NSAPI_ERROR_PARAMETER, "connection still open");
    nsapi_tcp_server_set_blocking(&server, false);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &clients[0], NULL), NSAPI_ERROR_PARAMETER);
    for (i = 0; i < 3; i++) {
        nsapi_tcp_socket_close(&clients[i]);
        nsapi_tcp_socket_close(&accepted[i]);
    }
    {
        nsapi_tcp_socket_t none = {0};

        cr_expect_eq(nsapi_tcp_server_accept(&server, &none, NULL), NSAPI_ERROR_WOULD_BLOCK);
    }
    nsapi_tcp_server_close(&server);
}

Test(tcp, close_wakes_a_blocked_recv)
{
    nsapi_tcp_socket_t s = {0};
    struct blocked_recv b = {&s, 1};
    pthread_t thread;
    long start;

    connect_to(&s, DISCARD);
    pthread_create(&thread, NULL, blocked_recv, &b);
    sleep_ms(100);
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    pthread_join(thread, NULL);
    cr_expect_eq(b.result, NSAPI_ERROR_NO_SOCKET);
    cr_expect_lt(now_ms() - start, 1000, "close returns promptly");
}

/* --- limits, options, leaks ----------------------------------------------------------------- */

Test(tcp, socket_limit_and_recovery)
{
    nsapi_tcp_socket_t s[8];
    unsigned base = fx->stack->sockets;
    int i, opened = 0;

    memset(s, 0, sizeof s);
    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, base + 4), NSAPI_ERROR_OK);
    for (i = 0; i < 8; i++) {
        opened += nsapi_tcp_socket_open(&s[i], fx->stack) == NSAPI_ERROR_OK;
    }
    cr_expect_eq(opened, 4);
    cr_expect_eq(nsapi_tcp_socket_open(&s[7], fx->stack), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_tcp_socket_close(&s[0]), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_open(&s[0], fx->stack), NSAPI_ERROR_OK, "closing one frees a place");
    for (i = 0; i < 8; i++) {
        nsapi_tcp_socket_close(&s[i]);
    }
    nsapi_stack_set_socket_limit(fx->stack, NSAPI_SOCKET_LIMIT);
}

Test(tcp, accept_at_the_limit_leaves_the_connection_queued)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0}, accepted = {0};
    nsapi_socket_address_t at;
    char buf[8];

    listen_on(&server, 5005, &at);
    cr_assert_eq(nsapi_tcp_socket_open(&client, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&client, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_send(&client, "early", 5), 5);
    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, fx->stack->sockets), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &accepted, NULL), NSAPI_ERROR_NO_SOCKET, "no place for it");
    cr_expect_eq(nsapi_tcp_socket_close(&accepted), NSAPI_ERROR_NO_SOCKET, "nothing was opened");
    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, NSAPI_SOCKET_LIMIT), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &accepted, NULL), NSAPI_ERROR_OK, "still queued");
    nsapi_tcp_socket_set_timeout(&accepted, 2000);
    cr_expect_eq(nsapi_tcp_socket_recv(&accepted, buf, sizeof buf), 5, "with the data that came first");
    nsapi_tcp_socket_close(&accepted);
    nsapi_tcp_socket_close(&client);
    nsapi_tcp_server_close(&server);
}

Test(tcp, sigio_attached_after_data_still_fires)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0}, accepted = {0};
    nsapi_socket_address_t at;

    signal_reset();
    listen_on(&server, 5006, &at);
    cr_assert_eq(nsapi_tcp_socket_open(&client, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&client, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_send(&client, "data", 4), 4);
    sleep_ms(50); /* the data is there before accept and before sigio */
    cr_assert_eq(nsapi_tcp_server_accept(&server, &accepted, NULL), NSAPI_ERROR_OK);
    nsapi_tcp_socket_sigio(&accepted, signal_raise, NULL);
    cr_expect(signal_wait(5000), "the data that came before the callback is signalled");
    nsapi_tcp_socket_sigio(&accepted, NULL, NULL);
    nsapi_tcp_socket_close(&accepted);
    nsapi_tcp_socket_close(&client);
    nsapi_tcp_server_close(&server);
}

Test(tcp, thousand_open_close_cycles_leak_nothing)
{
    unsigned before = fixture_backend_sockets();
    int i;

    for (i = 0; i < 1000; i++) {
        nsapi_tcp_socket_t s = {0};

        cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
        cr_assert_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    }
    cr_expect_eq(fixture_backend_sockets(), before);
}

Test(tcp, options_read_back)
{
    nsapi_tcp_socket_t s = {0};
    int on = 1, idle = 7000, value = 0;
    unsigned length = sizeof value;

    connect_to(&s, DISCARD);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &on, sizeof on), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPIDLE, &idle, sizeof idle), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 1);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPIDLE, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 7000);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPIDLE, &idle, 1), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_BIND_TO_DEVICE, "lo", 3), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, 12345, NSAPI_KEEPALIVE, &on, sizeof on), NSAPI_ERROR_UNSUPPORTED);
    nsapi_tcp_socket_close(&s);
}

/* nsapi's own option: Nagle's algorithm, on by default as in both stacks; TCP's alone. */
Test(tcp, nodelay_read_back_and_tcp_only)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_udp_socket_t u = {0};
    int on = 1, off = 0, value = -1;
    unsigned length = sizeof value;

    connect_to(&s, DISCARD);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 0, "Nagle's algorithm until told otherwise");
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &on, sizeof on), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 1);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &off, sizeof off), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 0);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_NODELAY, &on, 1), NSAPI_ERROR_PARAMETER);
    nsapi_tcp_socket_close(&s);
    cr_assert_eq(nsapi_udp_socket_open(&u, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&u, NSAPI_SOCKET, NSAPI_NODELAY, &on, sizeof on), NSAPI_ERROR_UNSUPPORTED);
    nsapi_udp_socket_close(&u);
}

/* A documented difference between backends: lwIP fixes its TCP buffers when it is built. */
Test(tcp, buffer_sizes_where_the_backend_offers_them)
{
    static const int options[] = {NSAPI_SNDBUF, NSAPI_RCVBUF};
    nsapi_tcp_socket_t s = {0};
    int size = 32768, value, i;
    unsigned length = sizeof value;

    connect_to(&s, DISCARD);
    for (i = 0; i < 2; i++) {
        nsapi_error_t set = nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, options[i], &size, sizeof size);
        nsapi_error_t get = nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, options[i], &value, &length);

        if (fx->tcp_buffers) {
            cr_expect_eq(set, NSAPI_ERROR_OK, "%s: set %s", fx->name, i ? "RCVBUF" : "SNDBUF");
            cr_expect_eq(get, NSAPI_ERROR_OK);
            cr_expect_eq(value, size, "read back as set: %d", value);
        } else {
            cr_expect_eq(set, NSAPI_ERROR_UNSUPPORTED, "%s: set %s", fx->name, i ? "RCVBUF" : "SNDBUF");
            cr_expect_eq(get, NSAPI_ERROR_UNSUPPORTED);
        }
    }
    nsapi_tcp_socket_close(&s);
}

/* --- threads ---------------------------------------------------------------------------------- */

struct echo_job {
    int id;
    int ok; /* set by the thread: Criterion's assertions belong to the test's own thread */
};

static void *echo_thread(void *arg)
{
    static unsigned char out[2][50000], in[2][50000];
    struct echo_job *job = arg;
    unsigned char *o = out[job->id], *i = in[job->id];
    nsapi_tcp_socket_t s = {0};
    size_t got = 0;
    nsapi_size_or_error_t n = 1;

    fill(o, sizeof out[0], (unsigned)job->id * 100u);
    if (nsapi_tcp_socket_open(&s, fx->stack) == NSAPI_ERROR_OK &&
        nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]) == NSAPI_ERROR_OK &&
        nsapi_tcp_socket_send(&s, o, sizeof out[0]) == (int)sizeof out[0]) {
        while (got < sizeof in[0] && (n = nsapi_tcp_socket_recv(&s, i + got, (nsapi_size_t)(sizeof in[0] - got))) > 0) {
            got += (size_t)n;
        }
        job->ok = got == sizeof in[0] && memcmp(i, o, got) == 0;
    }
    nsapi_tcp_socket_close(&s);
    return NULL;
}

Test(tcp, thread_per_socket)
{
    pthread_t threads[2];
    struct echo_job jobs[2] = {{0, 0}, {1, 0}};
    int i;

    for (i = 0; i < 2; i++) {
        pthread_create(&threads[i], NULL, echo_thread, &jobs[i]);
    }
    for (i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        cr_expect(jobs[i].ok, "thread %d echoed its 50000 bytes", i);
    }
}

Test(tcp, chargen_100k)
{
    static unsigned char buf[102400];
    nsapi_tcp_socket_t s = {0};
    size_t i;

    connect_to(&s, CHARGEN);
    recv_all(&s, buf, sizeof buf);
    for (i = 0; i + 74 <= sizeof buf; i += 74) {
        cr_assert_eq(buf[i + 72], '\r', "line at %zu", i);
        cr_assert_eq(buf[i], (unsigned char)(' ' + (i / 74) % 95), "line at %zu starts one further on", i);
    }
    nsapi_tcp_socket_close(&s);
}
