/*
 * UDP conformance, after Mbed's greentea UDP suite: echo with sendto and
 * recvfrom (IPv4, IPv6) and with connect/send/recv, truncation to the
 * caller's buffer, empty and oversized datagrams, the connected peer as a
 * receive filter, timeouts, non-blocking echo with sigio, bind errors,
 * multicast membership; a receive of size 0 (one datagram taken, cut to
 * nothing) and destinations no datagram can go to (port 0, the unspecified
 * address), refused at once.  Lost datagrams are retried a bounded number of times.
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "fixture.h"
#include "waits.h"

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_UDP);
}

TestSuite(udp, .init = setup, .fini = fixture_teardown, .timeout = 60);

static void open_udp(nsapi_udp_socket_t *s)
{
    cr_assert_eq(nsapi_udp_socket_open(s, fx->stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_timeout(s, 2000);
}

/* Send buf to the echo service and read the echo back, up to 3 tries. */
static void echo_once(nsapi_udp_socket_t *s, const unsigned char *out, unsigned size)
{
    static unsigned char in[65536];
    nsapi_socket_address_t from;
    nsapi_size_or_error_t n = NSAPI_ERROR_WOULD_BLOCK;
    int tries;

    for (tries = 0; tries < 3 && n == NSAPI_ERROR_WOULD_BLOCK; tries++) {
        cr_assert_eq(nsapi_udp_socket_sendto(s, &fx->udp[ECHO], out, size), (int)size, "sendto %u", size);
        n = nsapi_udp_socket_recvfrom(s, &from, in, sizeof in);
    }
    cr_assert_eq(n, (int)size, "echo of %u bytes: %d (%s)", size, n, nsapi_error_name(n));
    cr_expect_eq(memcmp(in, out, size), 0);
    cr_expect(nsapi_socket_address_equals(&from, &fx->udp[ECHO]), "the echo comes from the service");
}

static void echo_sizes(nsapi_version_t version)
{
    static const unsigned sizes[] = {1, 2, 10, 100, 500, 1000, 1200, 1472, 1473, 4000, 30000, 60000};
    static unsigned char out[60000];
    nsapi_udp_socket_t s = {0};
    size_t i;

    fixture_use(version);
    open_udp(&s);
    for (i = 0; i < sizeof out; i++) {
        out[i] = (unsigned char)(i * 13u);
    }
    for (i = 0; i < sizeof sizes / sizeof sizes[0] && sizes[i] <= fx->udp_max; i++) {
        echo_once(&s, out, sizes[i]);
    }
    echo_once(&s, out, fx->udp_max);
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
}

Test(udp, echo_ipv4)
{
    echo_sizes(NSAPI_IPv4);
}

Test(udp, echo_ipv6)
{
    echo_sizes(NSAPI_IPv6);
}

Test(udp, connect_send_recv)
{
    nsapi_udp_socket_t s = {0};
    char in[16];

    open_udp(&s);
    cr_expect_eq(nsapi_udp_socket_send(&s, "hello", 5), NSAPI_ERROR_NO_ADDRESS);
    cr_assert_eq(nsapi_udp_socket_connect(&s, &fx->udp[ECHO]), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_send(&s, "hello", 5), 5);
    cr_assert_eq(nsapi_udp_socket_recv(&s, in, sizeof in), 5);
    cr_expect_eq(memcmp(in, "hello", 5), 0);
    nsapi_udp_socket_close(&s);
}

Test(udp, truncation_empty_and_oversized)
{
    static unsigned char big[70000];
    nsapi_udp_socket_t s = {0};
    char in[10];

    open_udp(&s);
    cr_assert_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "0123456789abcdef", 16), 16);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, in, 4), 4, "copies what fits");
    cr_expect_eq(memcmp(in, "0123", 4), 0);
    cr_assert_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "xy", 2), 2);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, in, sizeof in), 2, "the rest of the first was dropped");
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], NULL, 0), 0, "an empty datagram");
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, in, sizeof in), 0, "comes back empty");
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], big, sizeof big), NSAPI_ERROR_NO_MEMORY,
                 "too big for IP: refused, not truncated");
    nsapi_udp_socket_close(&s);
}

Test(udp, recv_size_zero_takes_one_datagram)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t from = {0};
    char in[16];

    open_udp(&s);
    cr_assert_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "abc", 3), 3);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, &from, NULL, 0), 0, "the datagram, cut to nothing");
    cr_expect(nsapi_socket_address_equals(&from, &fx->udp[ECHO]), "from the echo service");
    nsapi_udp_socket_set_timeout(&s, 100);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, in, sizeof in), NSAPI_ERROR_WOULD_BLOCK, "it was taken");
    cr_expect_eq(nsapi_udp_socket_recv(&s, in, 0), NSAPI_ERROR_WOULD_BLOCK, "size 0 waits for a datagram");
    nsapi_udp_socket_close(&s);
}

/* A sendto to ip:port (ip NULL: the echo service's host): NSAPI_ERROR_PARAMETER, well inside a
 * 5 s timeout (a bound, not a speed measurement). */
static void sendto_refused_at_once(const char *ip, uint16_t port)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t to = fx->udp[ECHO];
    nsapi_size_or_error_t n;
    long start, elapsed;

    if (ip != NULL) {
        cr_assert_eq(nsapi_socket_address_set_ip_address(&to, ip), NSAPI_ERROR_OK, "%s", ip);
    }
    nsapi_socket_address_set_port(&to, port);
    open_udp(&s);
    nsapi_udp_socket_set_timeout(&s, 5000);
    start = now_ms();
    n = nsapi_udp_socket_sendto(&s, &to, "x", 1);
    elapsed = now_ms() - start;
    cr_expect_eq(n, NSAPI_ERROR_PARAMETER, "sendto %s port %u on %s: %s", ip ? ip : "the echo host", port, fx->name,
                 nsapi_error_name(n));
    cr_expect_lt(elapsed, 1000, "refused after %ld ms", elapsed);
    cr_assert_eq(nsapi_udp_socket_connect(&s, &to), NSAPI_ERROR_OK, "connect only records the peer");
    n = nsapi_udp_socket_send(&s, "x", 1);
    if (nsapi_socket_address_is_nonzero(&to)) {
        cr_expect_eq(n, NSAPI_ERROR_PARAMETER, "send to that peer: %s", nsapi_error_name(n));
    } else {
        cr_expect_eq(n, NSAPI_ERROR_NO_ADDRESS, "a zero address removed the peer: %s", nsapi_error_name(n));
    }
    nsapi_udp_socket_close(&s);
}

Test(udp, sendto_port_zero)
{
    sendto_refused_at_once(NULL, 0);
}

Test(udp, sendto_ipv6_port_zero)
{
    fixture_use(NSAPI_IPv6);
    sendto_refused_at_once(NULL, 0);
}

Test(udp, sendto_unspecified_ipv4)
{
    sendto_refused_at_once("0.0.0.0", 7);
}

Test(udp, sendto_unspecified_ipv6)
{
    sendto_refused_at_once("::", 7);
}

Test(udp, connected_peer_filters_receive)
{
    nsapi_udp_socket_t a = {0}, b = {0};
    nsapi_socket_address_t a_at = fx->local, b_at = fx->local, from;
    char in[16];

    nsapi_socket_address_set_port(&a_at, 6001);
    nsapi_socket_address_set_port(&b_at, 6002);
    open_udp(&a);
    open_udp(&b);
    cr_assert_eq(nsapi_udp_socket_bind(&a, &a_at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(&b, &b_at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_connect(&a, &fx->udp[ECHO]), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_sendto(&b, &a_at, "stranger", 8), 8);
    cr_assert_eq(nsapi_udp_socket_send(&a, "friend", 6), 6);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&a, &from, in, sizeof in), 6, "the stranger's datagram was dropped");
    cr_expect_eq(memcmp(in, "friend", 6), 0);
    nsapi_udp_socket_set_timeout(&a, 100);
    cr_expect_eq(nsapi_udp_socket_recv(&a, in, sizeof in), NSAPI_ERROR_WOULD_BLOCK);
    nsapi_udp_socket_close(&a);
    nsapi_udp_socket_close(&b);
}

Test(udp, recv_timeout)
{
    nsapi_udp_socket_t s = {0};
    char in[16];
    long start, elapsed;

    open_udp(&s);
    nsapi_udp_socket_set_timeout(&s, 100);
    start = now_ms();
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, in, sizeof in), NSAPI_ERROR_WOULD_BLOCK);
    elapsed = now_ms() - start;
    cr_expect(elapsed >= 100 && elapsed < 1000, "timed out after %ld ms", elapsed);
    nsapi_udp_socket_close(&s);
}

Test(udp, nonblocking_echo_with_sigio)
{
    nsapi_udp_socket_t s = {0};
    char in[64];
    int i, received = 0;

    open_udp(&s);
    nsapi_udp_socket_set_blocking(&s, false);
    nsapi_udp_socket_sigio(&s, signal_raise, NULL);
    cr_expect_eq(nsapi_udp_socket_recv(&s, in, sizeof in), NSAPI_ERROR_WOULD_BLOCK);
    for (i = 0; i < 20; i++) {
        nsapi_size_or_error_t n;
        int waits = 0;

        cr_assert_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "ping", 4), 4);
        /* A sigio may come for nothing (room to send, say): wait again until the echo is there. */
        while (received <= i && waits++ < 20 && signal_wait(2000)) {
            while ((n = nsapi_udp_socket_recvfrom(&s, NULL, in, sizeof in)) == 4) {
                received++;
            }
            cr_assert_eq(n, NSAPI_ERROR_WOULD_BLOCK, "drained: %s", nsapi_error_name(n));
        }
    }
    cr_expect_eq(received, 20, "every echo arrived and was signalled");
    nsapi_udp_socket_close(&s);
}

Test(udp, bind_errors_and_reuse)
{
    nsapi_udp_socket_t a = {0}, b = {0};
    nsapi_socket_address_t at = fx->local;
    int size = 8192, value = 0;
    unsigned length = sizeof value;

    nsapi_socket_address_set_port(&at, 6003);
    cr_expect_eq(nsapi_udp_socket_bind(&a, &at), NSAPI_ERROR_NO_SOCKET);
    open_udp(&a);
    open_udp(&b);
    cr_expect_eq(nsapi_udp_socket_bind(&a, &at), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_bind(&b, &at), NSAPI_ERROR_ADDRESS_IN_USE);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&b, NSAPI_SOCKET, NSAPI_RCVBUF, &size, sizeof size), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_getsockopt(&b, NSAPI_SOCKET, NSAPI_RCVBUF, &value, &length), NSAPI_ERROR_OK);
    cr_expect_eq(value, 8192, "read back: %d", value);
    nsapi_udp_socket_close(&a);
    nsapi_udp_socket_close(&b);
}

Test(udp, multicast_membership)
{
    nsapi_udp_socket_t s = {0};
    nsapi_ip_mreq_t mreq;
    nsapi_socket_address_t group;

    memset(&mreq, 0, sizeof mreq);
    nsapi_socket_address_set_ip_address(&group, fx->version == NSAPI_IPv4 ? "239.1.2.3" : "ff15::1:2");
    mreq.imr_multiaddr = nsapi_socket_address_get_addr(&group);
    open_udp(&s);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_ADD_MEMBERSHIP, &mreq, sizeof mreq), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_DROP_MEMBERSHIP, &mreq, sizeof mreq), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_DROP_MEMBERSHIP, &mreq, sizeof mreq),
                 NSAPI_ERROR_NO_ADDRESS, "not a member any more");
    cr_expect_eq(nsapi_udp_socket_setsockopt(&s, NSAPI_SOCKET, NSAPI_ADD_MEMBERSHIP, &mreq, 3), NSAPI_ERROR_PARAMETER);
    nsapi_udp_socket_close(&s);
}

Test(udp, multicast_membership_belongs_to_its_socket)
{
    nsapi_udp_socket_t a = {0}, b = {0};
    nsapi_ip_mreq_t mreq;
    nsapi_socket_address_t group;

    memset(&mreq, 0, sizeof mreq);
    nsapi_socket_address_set_ip_address(&group, "239.1.2.4");
    mreq.imr_multiaddr = nsapi_socket_address_get_addr(&group);
    open_udp(&a);
    open_udp(&b);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&a, NSAPI_SOCKET, NSAPI_ADD_MEMBERSHIP, &mreq, sizeof mreq), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&a, NSAPI_SOCKET, NSAPI_ADD_MEMBERSHIP, &mreq, sizeof mreq),
                 NSAPI_ERROR_ADDRESS_IN_USE, "a member already");
    cr_expect_eq(nsapi_udp_socket_setsockopt(&b, NSAPI_SOCKET, NSAPI_DROP_MEMBERSHIP, &mreq, sizeof mreq),
                 NSAPI_ERROR_NO_ADDRESS, "b never joined");
    nsapi_udp_socket_close(&a); /* leaves the group */
    cr_expect_eq(nsapi_udp_socket_setsockopt(&b, NSAPI_SOCKET, NSAPI_ADD_MEMBERSHIP, &mreq, sizeof mreq), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_setsockopt(&b, NSAPI_SOCKET, NSAPI_DROP_MEMBERSHIP, &mreq, sizeof mreq), NSAPI_ERROR_OK);
    nsapi_udp_socket_close(&b);
}
