/*
 * Open and close, thousands of times, with nothing left behind: TCP
 * sockets, UDP sockets (bound), TCP servers (bound and listening), and
 * connections (connect, accept, a byte each way, close).  Each case counts
 * the process's descriptors and heap after a warm-up (so that lazily made
 * state, such as lwIP's first pcbs or the stack's threads' buffers, is in
 * the baseline) and again after the cycles, and allows a small slack.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "counts.h"
#include "fixture.h"
#include "pair.h"

#define CYCLES 10000
#define CONNECTIONS 1000
#define WARM_UP 100
/* Heap that may come and go between two counts without a leak: the POSIX backend's closed sockets,
 * freed 32 at a time (NSAPI_POSIX_CLOSED_BATCH), a background thread's buffers.  Measured: at most
 * 6,400 bytes either way (docs/reliability.md); a leak of one byte an open and close (10,000 bytes), or
 * of nine a connection, is more. */
#define HEAP_SLACK 8192L

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
}

TestSuite(cycles, .init = setup, .fini = fixture_teardown, .timeout = 60);

struct counts {
    long heap;
    int descriptors;
    unsigned sockets; /* the backend's (the lwIP loopback's peer services hold some) */
};

static struct counts take(void)
{
    struct counts c = {counts_heap(), counts_descriptors(), fixture_backend_sockets()};

    return c;
}

static void expect_no_growth(const struct counts *before, const char *what, int cycles)
{
    struct counts after = {counts_heap_settled(before->heap, HEAP_SLACK), counts_descriptors(),
                           fixture_backend_sockets()};

    cr_log_info("%s on %s, %d cycles: heap %+ld bytes, descriptors %+d", what, fx->name, cycles,
                after.heap - before->heap, after.descriptors - before->descriptors);
    cr_expect_leq(after.descriptors, before->descriptors, "%s on %s, %d cycles: %d descriptors before, %d after",
                  what, fx->name, cycles, before->descriptors, after.descriptors);
    cr_expect_leq(after.heap - before->heap, HEAP_SLACK, "%s on %s, %d cycles: heap %ld bytes before, %ld after",
                  what, fx->name, cycles, before->heap, after.heap);
    cr_expect_leq(after.sockets, before->sockets, "%s on %s: the backend holds %u sockets, %u before", what,
                  fx->name, after.sockets, before->sockets);
}

static void tcp_socket_cycle(int i)
{
    nsapi_tcp_socket_t s = {0};

    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK, "open %d", i);
    cr_assert_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK, "close %d", i);
}

static void udp_socket_cycle(int i)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t at = fx->local;

    nsapi_socket_address_set_port(&at, 6101);
    cr_assert_eq(nsapi_udp_socket_open(&s, fx->stack), NSAPI_ERROR_OK, "open %d", i);
    cr_assert_eq(nsapi_udp_socket_bind(&s, &at), NSAPI_ERROR_OK, "bind %d", i);
    cr_assert_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK, "close %d", i);
}

static void tcp_server_cycle(int i)
{
    nsapi_tcp_server_t s = {0};
    nsapi_socket_address_t at = fx->local;

    nsapi_socket_address_set_port(&at, 6102);
    cr_assert_eq(nsapi_tcp_server_open(&s, fx->stack), NSAPI_ERROR_OK, "open %d", i);
    cr_assert_eq(nsapi_tcp_server_bind(&s, &at), NSAPI_ERROR_OK, "bind %d", i);
    cr_assert_eq(nsapi_tcp_server_listen(&s, 4), NSAPI_ERROR_OK, "listen %d", i);
    cr_assert_eq(nsapi_tcp_server_close(&s), NSAPI_ERROR_OK, "close %d", i);
}

static void run(void (*cycle)(int), const char *what)
{
    struct counts before;
    int i;

    for (i = 0; i < WARM_UP; i++) {
        cycle(i);
    }
    before = take();
    for (i = 0; i < CYCLES; i++) {
        cycle(i);
    }
    expect_no_growth(&before, what, CYCLES);
}

/* One connection: connect, accept, a byte each way, close (the client first, so that its end, not
 * the server's, waits in TIME-WAIT, as a client's does). */
static void connection_cycle(struct pair *p, int i)
{
    char byte;
    nsapi_error_t err = pair_connect(p);

    cr_assert_eq(err, NSAPI_ERROR_OK, "connection %d on %s: %s", i, fx->name, nsapi_error_name(err));
    cr_assert_eq(nsapi_tcp_socket_send(&p->client, "?", 1), 1, "connection %d", i);
    cr_assert_eq(nsapi_tcp_socket_recv(&p->accepted, &byte, 1), 1, "connection %d", i);
    cr_assert_eq(nsapi_tcp_socket_send(&p->accepted, "!", 1), 1, "connection %d", i);
    cr_assert_eq(nsapi_tcp_socket_recv(&p->client, &byte, 1), 1, "connection %d", i);
    cr_assert_eq(nsapi_tcp_socket_close(&p->client), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_recv(&p->accepted, &byte, 1), 0, "connection %d: the client's close", i);
    cr_assert_eq(nsapi_tcp_socket_close(&p->accepted), NSAPI_ERROR_OK);
}

static void connections(void)
{
    struct pair p;
    struct counts before;
    int i;

    pair_listen(&p, 6103, 8);
    for (i = 0; i < WARM_UP; i++) {
        connection_cycle(&p, i);
    }
    before = take();
    for (i = 0; i < CONNECTIONS; i++) {
        connection_cycle(&p, i);
    }
    nsapi_tcp_server_close(&p.server); /* counted in before: closing it can only lower the counts */
    expect_no_growth(&before, "connect/accept/close", CONNECTIONS);
}

/* One case for all four (each case is a process of its own, with its fixture to set up). */
Test(cycles, open_and_close_leave_nothing_behind)
{
    run(tcp_socket_cycle, "TCP open/close");
    run(tcp_server_cycle, "TCP server open/bind/listen/close");
    connections();
    fixture_require(NSAPI_UDP);
    run(udp_socket_cycle, "UDP open/bind/close");
}
