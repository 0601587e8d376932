/*
 * The runtime's socket semantics over a scripted backend (fake_stack.h):
 * open/close and the socket limit, blocking and timeouts, sigio, close
 * waking blocked calls, Mbed's connect sequence, partial sends, UDP peers.
 * The same behaviour over real stacks is the conformance suite's job.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include <criterion/criterion.h>

#include "blocked_recv.h"
#include "clock.h"
#include "fake_stack.h"

static struct fake_stack fake;
static nsapi_stack_t *const stack = &fake.stack;

static void setup(void)
{
    fake_init(&fake);
}

static void teardown(void)
{
    cr_expect_eq(fake.stack.sockets, 0, "every socket was closed");
    cr_expect_eq(fake_open_sockets(&fake), 0, "the backend holds no socket");
    fake_deinit(&fake);
}

TestSuite(socket_runtime, .init = setup, .fini = teardown, .timeout = 20);

static nsapi_socket_address_t address(const char *ip, uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    nsapi_socket_address_set_ip_address(&a, ip);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

/* --- open, close, limit ------------------------------------------------------------ */

Test(socket_runtime, open_close_reopen)
{
    nsapi_udp_socket_t s = {0};

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_PARAMETER, "open twice");
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_NO_SOCKET, "close twice");
    cr_expect_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK, "a closed socket opens again");
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
}

Test(socket_runtime, failed_open_leaves_socket_usable)
{
    nsapi_tcp_socket_t s = {0};

    fake_push(&fake, FAKE_OPEN, NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(fake.stack.sockets, 0, "the failed open is not counted");
    cr_expect_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK, "unlike Mbed (issue 14825), it opens again");
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
}

Test(socket_runtime, open_on_uninitialised_stack)
{
    nsapi_stack_t none = {0};
    nsapi_udp_socket_t s = {0};

    cr_expect_eq(nsapi_udp_socket_open(&s, &none), NSAPI_ERROR_PARAMETER);
}

static void *close_call(void *arg)
{
    nsapi_udp_socket_close(arg);
    return NULL;
}

Test(socket_runtime, open_while_closing_is_refused)
{
    nsapi_udp_socket_t s = {0};
    pthread_t thread;

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake.close_delay_ms = 200;
    pthread_create(&thread, NULL, close_call, &s);
    sleep_ms(50);
    cr_expect_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_PARAMETER, "another thread is closing it");
    pthread_join(thread, NULL);
    cr_expect_eq(fake.stack.sockets, 0, "nothing was opened behind the close");
    cr_expect_eq(fake_open_sockets(&fake), 0);
    fake.close_delay_ms = 0;
    cr_expect_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK, "closed now: it opens");
    nsapi_udp_socket_close(&s);
}

Test(socket_runtime, socket_limit)
{
    nsapi_udp_socket_t s[3];

    memset(s, 0, sizeof s);
    cr_assert_eq(nsapi_stack_set_socket_limit(stack, 2), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&s[0], stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&s[1], stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_open(&s[2], stack), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(fake_calls(&fake, FAKE_OPEN), 2, "the backend was not asked for the third");
    cr_expect_eq(nsapi_stack_deinit(stack), NSAPI_ERROR_BUSY, "sockets still open");
    cr_expect_eq(nsapi_udp_socket_close(&s[0]), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_open(&s[2], stack), NSAPI_ERROR_OK, "closing one frees a place");
    cr_expect_eq(nsapi_udp_socket_close(&s[1]), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_close(&s[2]), NSAPI_ERROR_OK);
}

Test(socket_runtime, accept_at_limit_takes_nothing)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t connection = {0};

    cr_assert_eq(nsapi_stack_set_socket_limit(stack, 1), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_open(&server, stack), NSAPI_ERROR_OK);
    fake_push_from(&fake, FAKE_ACCEPT, NSAPI_ERROR_OK, "192.0.2.7", 4000);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(fake_calls(&fake, FAKE_ACCEPT), 0, "the connection stays queued in the stack");
    cr_expect_eq(nsapi_tcp_socket_close(&connection), NSAPI_ERROR_NO_SOCKET);
    cr_assert_eq(nsapi_stack_set_socket_limit(stack, 2), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_close(&connection), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_close(&server), NSAPI_ERROR_OK);
}

/* --- blocking and timeouts ------------------------------------------------------------ */

Test(socket_runtime, nonblocking_returns_at_once)
{
    nsapi_tcp_socket_t s = {0};
    char buf[8];
    long start;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_blocking(&s, false);
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    cr_expect_lt(now_ms() - start, 50);
    cr_expect_eq(fake_calls(&fake, FAKE_RECV), 1);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, timeout_bounds_the_call)
{
    nsapi_udp_socket_t s = {0};
    char buf[8];
    long start, elapsed;

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_timeout(&s, 100);
    start = now_ms();
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    elapsed = now_ms() - start;
    cr_expect_geq(elapsed, 100, "waited %ld ms", elapsed);
    cr_expect_lt(elapsed, 1000, "waited %ld ms", elapsed);
    nsapi_udp_socket_close(&s);
}

Test(socket_runtime, spurious_events_do_not_extend_the_timeout)
{
    nsapi_udp_socket_t s = {0};
    pthread_t threads[8];
    char buf[8];
    long start, elapsed;
    int i;

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_timeout(&s, 200);
    for (i = 0; i < 8; i++) {
        fake_event_later(&fake, 0, 40 * (i + 1), &threads[i]); /* until 320 ms, past the timeout */
    }
    start = now_ms();
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    elapsed = now_ms() - start;
    cr_expect_geq(elapsed, 200, "waited %ld ms", elapsed);
    cr_expect_lt(elapsed, 300, "every wake-up must not restart the timeout: waited %ld ms", elapsed);
    cr_expect_gt(fake_calls(&fake, FAKE_RECVFROM), 2, "each event retried the stack");
    for (i = 0; i < 8; i++) {
        pthread_join(threads[i], NULL);
    }
    nsapi_udp_socket_close(&s);
}

Test(socket_runtime, blocking_recv_wakes_on_event)
{
    nsapi_tcp_socket_t s = {0};
    pthread_t thread;
    char buf[8];

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake_push(&fake, FAKE_RECV, NSAPI_ERROR_WOULD_BLOCK);
    fake_push(&fake, FAKE_RECV, 5);
    fake_event_later(&fake, 0, 50, &thread);
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), 5);
    cr_expect_eq(memcmp(buf, "xxxxx", 5), 0);
    pthread_join(thread, NULL);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, close_wakes_blocked_call)
{
    nsapi_tcp_socket_t s = {0};
    struct blocked_recv b = {&s, 1};
    pthread_t thread;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    pthread_create(&thread, NULL, blocked_recv, &b);
    sleep_ms(100);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    pthread_join(thread, NULL);
    cr_expect_eq(b.result, NSAPI_ERROR_NO_SOCKET);
}

Test(socket_runtime, one_receiver_at_a_time)
{
    nsapi_tcp_socket_t s = {0};
    struct blocked_recv b = {&s, 1};
    pthread_t thread;
    char buf[8];

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    pthread_create(&thread, NULL, blocked_recv, &b);
    sleep_ms(50);
    nsapi_tcp_socket_set_timeout(&s, 50);
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK, "waited for its turn, then timed out");
    nsapi_tcp_socket_close(&s);
    pthread_join(thread, NULL);
    cr_expect_eq(b.result, NSAPI_ERROR_NO_SOCKET);
}

/* --- sigio ------------------------------------------------------------------------------- */

static int sigio_calls;

static void count_sigio(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&sigio_calls, 1, __ATOMIC_SEQ_CST);
}

Test(socket_runtime, sigio_is_coalesced_between_operations)
{
    nsapi_udp_socket_t s = {0};
    char buf[8];

    sigio_calls = 0;
    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_sigio(&s, count_sigio, NULL);
    cr_expect_eq(sigio_calls, 0, "nothing pending yet");
    fake_event(&fake, 0);
    fake_event(&fake, 0);
    fake_event(&fake, 0);
    cr_expect_eq(sigio_calls, 1, "three events, one call");
    nsapi_udp_socket_set_blocking(&s, false);
    nsapi_udp_socket_recv(&s, buf, sizeof buf);
    fake_event(&fake, 0);
    cr_expect_eq(sigio_calls, 2, "an operation re-arms it");
    nsapi_udp_socket_sigio(&s, NULL, NULL);
    nsapi_udp_socket_recv(&s, buf, sizeof buf);
    fake_event(&fake, 0);
    cr_expect_eq(sigio_calls, 2, "detached");
    nsapi_udp_socket_close(&s);
}

Test(socket_runtime, sigio_registered_late_still_fires)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t connection = {0};

    sigio_calls = 0;
    cr_assert_eq(nsapi_tcp_server_open(&server, stack), NSAPI_ERROR_OK);
    fake_push_from(&fake, FAKE_ACCEPT, NSAPI_ERROR_OK, "192.0.2.7", 4000);
    cr_assert_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_OK);
    fake_event(&fake, 1); /* data arrives before the application attaches */
    nsapi_tcp_socket_sigio(&connection, count_sigio, NULL);
    cr_expect_eq(sigio_calls, 1, "the pending event is delivered on attach");
    nsapi_tcp_socket_close(&connection);
    nsapi_tcp_server_close(&server);
}

/* --- TCP ----------------------------------------------------------------------------------- */

Test(socket_runtime, nonblocking_connect_sequence)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.1", 7), got;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_blocking(&s, false);
    cr_expect_eq(nsapi_tcp_socket_getpeername(&s, &got), NSAPI_ERROR_NO_CONNECTION);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IN_PROGRESS);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_ALREADY);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_IN_PROGRESS);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_ALREADY);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_tcp_socket_getpeername(&s, &got), NSAPI_ERROR_OK);
    cr_expect(nsapi_socket_address_equals(&got, &peer));
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, blocking_connect)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer = address("2001:db8::1", 80);
    pthread_t thread;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IN_PROGRESS);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IS_CONNECTED);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IS_CONNECTED);
    fake_event_later(&fake, 0, 30, &thread);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_IS_CONNECTED, "a second connect");
    pthread_join(thread, NULL);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, refused_connect_then_no_false_success)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.1", 9), got;
    pthread_t thread;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IN_PROGRESS);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_NO_CONNECTION);
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_NO_CONNECTION);
    fake_event_later(&fake, 0, 30, &thread);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_getpeername(&s, &got), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_NO_CONNECTION);
    pthread_join(thread, NULL);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, connect_timeout_is_would_block)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.1", 7);

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 50);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_WOULD_BLOCK);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, peer_known_after_a_timed_out_connect)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.1", 7), got;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 30);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_WOULD_BLOCK, "the handshake outlasts the timeout");
    fake_push(&fake, FAKE_CONNECT, NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &peer), NSAPI_ERROR_IS_CONNECTED, "then completes");
    cr_expect_eq(nsapi_tcp_socket_getpeername(&s, &got), NSAPI_ERROR_OK);
    cr_expect(nsapi_socket_address_equals(&got, &peer));
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, blocking_send_queues_everything)
{
    nsapi_tcp_socket_t s = {0};
    static const char data[100];
    pthread_t thread;

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake_push(&fake, FAKE_SEND, 30);
    fake_push(&fake, FAKE_SEND, 20);
    fake_push(&fake, FAKE_SEND, NSAPI_ERROR_WOULD_BLOCK);
    fake_push(&fake, FAKE_SEND, 50);
    fake_event_later(&fake, 0, 30, &thread);
    cr_expect_eq(nsapi_tcp_socket_send(&s, data, sizeof data), 100);
    cr_expect_eq(fake.last_size[FAKE_SEND], 50, "the last call asked for what was left");
    pthread_join(thread, NULL);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, timed_out_send_returns_partial_count)
{
    nsapi_tcp_socket_t s = {0};
    static const char data[100];

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 50);
    fake_push(&fake, FAKE_SEND, 40);
    cr_expect_eq(nsapi_tcp_socket_send(&s, data, sizeof data), 40);
    cr_expect_eq(nsapi_tcp_socket_send(&s, data, sizeof data), NSAPI_ERROR_WOULD_BLOCK);
    fake_push(&fake, FAKE_SEND, 10);
    fake_push(&fake, FAKE_SEND, NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_send(&s, data, sizeof data), 10, "the count sent before a reset is not lost");
    fake_push(&fake, FAKE_SEND, NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_send(&s, data, sizeof data), NSAPI_ERROR_NO_CONNECTION);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, recv_passes_end_of_stream_and_errors)
{
    nsapi_tcp_socket_t s = {0};
    char buf[8];

    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    fake_push(&fake, FAKE_RECV, 0);
    fake_push(&fake, FAKE_RECV, NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), 0);
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_NO_CONNECTION);
    nsapi_tcp_socket_close(&s);
}

/* --- UDP ----------------------------------------------------------------------------------- */

Test(socket_runtime, udp_send_needs_a_peer)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.9", 5683), none = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_udp_socket_connect(&s, &peer), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), 2);
    cr_expect(nsapi_socket_address_equals(&fake.last_address[FAKE_SENDTO], &peer));
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &none, "hi", 2), NSAPI_ERROR_PARAMETER, "no destination");
    cr_expect_eq(nsapi_udp_socket_connect(&s, &none), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), NSAPI_ERROR_NO_ADDRESS, "the peer was removed");
    nsapi_udp_socket_close(&s);
}

/* A call's own checks run inside the run's hold of the lock (runtime/socket.c): a socket not open still
 * answers NO_SOCKET before any destination is judged, and a refused destination never reaches the stack. */
Test(socket_runtime, udp_checks_in_order)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t bad = address("192.0.2.9", 0), good = address("192.0.2.9", 5683), from;
    char buf[8];

    cr_expect_eq(nsapi_udp_socket_sendto(&s, &bad, "hi", 2), NSAPI_ERROR_NO_SOCKET, "never opened");
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), NSAPI_ERROR_NO_SOCKET, "never opened");
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, &from, buf, sizeof buf), NSAPI_ERROR_NO_SOCKET, "never opened");
    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &bad, "hi", 2), NSAPI_ERROR_PARAMETER, "port 0");
    cr_expect_eq(nsapi_udp_socket_connect(&s, &bad), NSAPI_ERROR_OK, "connect records any peer");
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), NSAPI_ERROR_PARAMETER, "to port 0");
    cr_expect_eq(fake_calls(&fake, FAKE_SENDTO), 0, "nothing refused reached the stack");
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &good, "hi", 2), 2, "sendto elsewhere on a connected socket");
    cr_expect(nsapi_socket_address_equals(&fake.last_address[FAKE_SENDTO], &good));
    cr_assert_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &bad, "hi", 2), NSAPI_ERROR_NO_SOCKET, "closed");
    cr_expect_eq(nsapi_udp_socket_send(&s, "hi", 2), NSAPI_ERROR_NO_SOCKET, "closed: its peer is gone too");
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_NO_SOCKET, "closed");
}

Test(socket_runtime, udp_peer_filters_receive)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t peer = address("192.0.2.9", 5683), from;
    char buf[8];

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_connect(&s, &peer), NSAPI_ERROR_OK);
    fake_push_from(&fake, FAKE_RECVFROM, 3, "192.0.2.66", 5683);
    fake_push_from(&fake, FAKE_RECVFROM, 4, "192.0.2.9", 5684);
    fake_push_from(&fake, FAKE_RECVFROM, 5, "192.0.2.9", 5683);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, &from, buf, sizeof buf), 5);
    cr_expect(nsapi_socket_address_equals(&from, &peer));
    cr_expect_eq(fake_calls(&fake, FAKE_RECVFROM), 3, "two datagrams from elsewhere were dropped");
    nsapi_udp_socket_close(&s);
}

/* --- options and the stack's optional operations ------------------------------------------- */

Test(socket_runtime, options_and_missing_operations)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t where;
    int value = 1;
    unsigned length = sizeof value;

    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &value, sizeof value),
                 NSAPI_ERROR_NO_SOCKET);
    cr_assert_eq(nsapi_tcp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &value, sizeof value), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &value, &length),
                 NSAPI_ERROR_UNSUPPORTED, "the backend has no getsockopt");
    cr_expect_eq(nsapi_stack_get_ip_address(stack, &where), NSAPI_ERROR_UNSUPPORTED);
    nsapi_tcp_socket_close(&s);
}

Test(socket_runtime, host_names_without_a_dns_server)
{
    nsapi_socket_address_t a = address("0.0.0.0", 443);

    cr_expect_eq(nsapi_stack_gethostbyname(stack, "2001:db8::7", &a, NSAPI_UNSPEC), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv6);
    cr_expect_eq(nsapi_socket_address_get_port(&a), 443, "the port is kept");
    cr_expect_eq(nsapi_stack_gethostbyname(stack, "192.0.2.1", &a, NSAPI_IPv6), NSAPI_ERROR_DNS_FAILURE);
    cr_expect_eq(nsapi_stack_gethostbyname(stack, "", &a, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
#if NSAPI_CONFIG_DNS
    cr_expect_eq(nsapi_stack_gethostbyname(stack, "example.org", &a, NSAPI_UNSPEC), NSAPI_ERROR_NO_ADDRESS,
                 "the runtime's resolver has no server to ask");
#else
    cr_expect_eq(nsapi_stack_gethostbyname(stack, "example.org", &a, NSAPI_UNSPEC), NSAPI_ERROR_UNSUPPORTED,
                 "no resolver in the runtime, none in the backend");
#endif
    cr_expect_eq(stack->sockets, 0, "and opened no socket");
}

Test(socket_runtime, localhost_without_a_dns_server)
{
    static const struct {
        const char *name;
        nsapi_version_t version;
        const char *ip;
    } cases[] = {
        {"localhost", NSAPI_UNSPEC, "127.0.0.1"}, {"localhost", NSAPI_IPv4, "127.0.0.1"},
        {"localhost", NSAPI_IPv6, "::1"},         {"LocalHost.", NSAPI_UNSPEC, "127.0.0.1"},
        {"app.localhost", NSAPI_IPv6, "::1"},     {"a.b.LOCALHOST.", NSAPI_IPv4, "127.0.0.1"},
    };
    static const char *const not_local[] = {"mylocalhost", "localhost.example", "localhost..", "localhos"};
    char text[NSAPI_IP_SIZE];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nsapi_socket_address_t a = address("0.0.0.0", 80);

        cr_expect_eq(nsapi_stack_gethostbyname(stack, cases[i].name, &a, cases[i].version), NSAPI_ERROR_OK, "%s",
                     cases[i].name);
        nsapi_socket_address_get_ip_address(&a, text, sizeof text);
        cr_expect_str_eq(text, cases[i].ip, "%s", cases[i].name);
        cr_expect_eq(nsapi_socket_address_get_port(&a), 80, "the port is kept");
    }
    for (i = 0; i < sizeof not_local / sizeof not_local[0]; i++) {
        nsapi_socket_address_t a = address("0.0.0.0", 80);

        cr_expect_neq(nsapi_stack_gethostbyname(stack, not_local[i], &a, NSAPI_UNSPEC), NSAPI_ERROR_OK, "%s",
                      not_local[i]);
    }
    cr_expect_eq(stack->sockets, 0, "no query asked");
}

#if !NSAPI_CONFIG_DNS
static void count_answer(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context)
{
    char text[NSAPI_IP_SIZE];

    cr_expect_eq(result, 1);
    cr_expect_geq(nsapi_socket_address_get_ip_address(address, text, sizeof text), 0);
    cr_expect_str_eq(text, "192.0.2.1");
    (*(int *)context)++;
}

Test(socket_runtime, without_the_resolver)
{
    nsapi_socket_address_t server = address("192.0.2.53", 53);
    int answers = 0;

    cr_expect_eq(nsapi_stack_add_dns_server(stack, &server), NSAPI_ERROR_UNSUPPORTED, "no resolver keeps servers");
    cr_expect_eq(nsapi_stack_gethostbyname_async(stack, "example.org", count_answer, &answers, NSAPI_UNSPEC),
                 NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_stack_gethostbyname_async(stack, "192.0.2.1", count_answer, &answers, NSAPI_UNSPEC), 0,
                 "an address needs no resolver");
    cr_expect_eq(answers, 1, "answered before the return");
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(stack, 1), NSAPI_ERROR_PARAMETER, "no such lookup");
    cr_expect_lt(sizeof(nsapi_stack_t), 256, "the stack object holds no resolver state (%zu bytes)",
                 sizeof(nsapi_stack_t));
    cr_expect_eq(stack->sockets, 0);
}
#endif

Test(socket_runtime, udp_filter_takes_an_ipv4_mapped_peer_as_its_ipv4_host)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t mapped = address("::ffff:192.0.2.9", 5683);
    char buf[8];

    cr_assert_eq(nsapi_udp_socket_open(&s, stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_connect(&s, &mapped), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_blocking(&s, false);
    fake_push_from(&fake, FAKE_RECVFROM, 3, "192.0.2.9", 5684); /* another port: not the peer */
    fake_push_from(&fake, FAKE_RECVFROM, 2, "192.0.2.9", 5683); /* as a dual-stack backend reports the peer */
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), 2, "the peer's datagram, the stranger's dropped");
    nsapi_udp_socket_close(&s);
}
