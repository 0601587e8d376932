/*
 * Running out, and recovering in full once what ran out is released:
 *   - nsapi's socket limit, for UDP sockets and TCP servers (TCP sockets:
 *     tests/conformance/test_tcp.c) and for many connections at once;
 *   - the process's descriptors (RLIMIT_NOFILE lowered: the POSIX
 *     backend's kernel sockets run out; lwIP uses none per socket);
 *   - a slow reader: the peer reads nothing, its window and the sender's
 *     buffer fill, sends say WOULD_BLOCK (at once, or when a timeout
 *     passes), and everything arrives intact once it reads.
 * Each time the same load is then run again and must succeed as before.
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>
#include <sys/resource.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "counts.h"
#include "fixture.h"
#include "pair.h"

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
}

TestSuite(exhaust, .init = setup, .fini = fixture_teardown, .timeout = 60);

/* ---- nsapi's socket limit ------------------------------------------------------------------- */

#define KINDS 8

/* Open UDP sockets (udp) or listening TCP servers until the stack refuses; how many opened. */
static int open_until_refused(bool udp, nsapi_udp_socket_t *u, nsapi_tcp_server_t *t, int room)
{
    int i;

    for (i = 0; i < room + 1; i++) {
        nsapi_error_t err = udp ? nsapi_udp_socket_open(&u[i], fx->stack) : nsapi_tcp_server_open(&t[i], fx->stack);

        if (err != NSAPI_ERROR_OK) {
            cr_expect_eq(err, NSAPI_ERROR_NO_SOCKET, "%s open %d at the limit: %s", udp ? "UDP" : "server", i,
                         nsapi_error_name(err));
            break;
        }
        if (!udp) {
            nsapi_socket_address_t at = fx->local;

            nsapi_socket_address_set_port(&at, (uint16_t)(6200 + i));
            cr_assert_eq(nsapi_tcp_server_bind(&t[i], &at), NSAPI_ERROR_OK);
            cr_assert_eq(nsapi_tcp_server_listen(&t[i], 1), NSAPI_ERROR_OK);
        }
    }
    return i;
}

static void limit_and_recovery(bool udp)
{
    nsapi_udp_socket_t u[KINDS + 1];
    nsapi_tcp_server_t t[KINDS + 1];
    unsigned base = fx->stack->sockets;
    int round, i;

    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, base + KINDS), NSAPI_ERROR_OK);
    for (round = 0; round < 2; round++) {
        memset(u, 0, sizeof u);
        memset(t, 0, sizeof t);
        cr_expect_eq(open_until_refused(udp, u, t, KINDS), KINDS, "round %d: the limit, no fewer", round);
        for (i = 0; i <= KINDS; i++) {
            udp ? nsapi_udp_socket_close(&u[i]) : nsapi_tcp_server_close(&t[i]);
        }
    }
    nsapi_stack_set_socket_limit(fx->stack, NSAPI_SOCKET_LIMIT);
}


/* ---- many connections at once ----------------------------------------------------------------- */

#define MANY 64

/* Connect pairs until one fails (or MANY); each carries a byte.  How many connected. */
static int connect_many(struct pair *listener, struct pair *pairs, nsapi_error_t *failure)
{
    int i;

    for (i = 0; i < MANY + 1; i++) {
        char byte;

        pairs[i] = *listener;
        memset(&pairs[i].client, 0, sizeof pairs[i].client);
        memset(&pairs[i].accepted, 0, sizeof pairs[i].accepted);
        *failure = pair_connect(&pairs[i]);
        if (*failure != NSAPI_ERROR_OK) {
            break;
        }
        cr_assert_eq(nsapi_tcp_socket_send(&pairs[i].client, "m", 1), 1);
        cr_assert_eq(nsapi_tcp_socket_recv(&pairs[i].accepted, &byte, 1), 1, "connection %d carries a byte", i);
    }
    return i;
}

static void many_connections(void)
{
    static struct pair pairs[MANY + 1];
    struct pair listener;
    unsigned base;
    long heap = 0;
    int round, i;

    pair_listen(&listener, 6300, 16);
    base = fx->stack->sockets;
    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, base + 2 * MANY), NSAPI_ERROR_OK);
    for (round = 0; round < 2; round++) {
        nsapi_error_t failure = NSAPI_ERROR_OK;
        int connected = connect_many(&listener, pairs, &failure);

        cr_expect_eq(connected, MANY, "round %d on %s: %d connections, then %s", round, fx->name, connected,
                     nsapi_error_name(failure));
        cr_expect_eq(failure, NSAPI_ERROR_NO_SOCKET, "round %d: the one over the limit", round);
        for (i = 0; i <= connected && i <= MANY; i++) {
            pair_hang_up(&pairs[i]);
        }
        if (round == 0) {
            heap = counts_heap();
        }
    }
    cr_expect_leq(counts_heap_settled(heap, 32768L) - heap, 32768L,
                  "the second round keeps no more heap than the first");
    nsapi_stack_set_socket_limit(fx->stack, NSAPI_SOCKET_LIMIT);
    nsapi_tcp_server_close(&listener.server);
}

/* ---- the process's descriptors ------------------------------------------------------------------ */

#define DESCRIPTOR_ROOM 12 /* descriptors left free under the lowered limit */
#define TRIES 100

/* Open TCP sockets until the stack refuses (or TRIES); how many, and why it stopped. */
static int open_tcp_until_refused(nsapi_tcp_socket_t *s, nsapi_error_t *why)
{
    int i;

    *why = NSAPI_ERROR_OK;
    for (i = 0; i < TRIES; i++) {
        *why = nsapi_tcp_socket_open(&s[i], fx->stack);
        if (*why != NSAPI_ERROR_OK) {
            break;
        }
    }
    return i;
}

static void descriptors(void)
{
    static nsapi_tcp_socket_t s[TRIES];
    struct rlimit saved, low;
    int opened[2], round, i, before = counts_descriptors();
    bool per_socket; /* the backend holds a descriptor for each socket (POSIX), or none (lwIP) */
    struct pair p;

    cr_assert_eq(nsapi_tcp_socket_open(&s[0], fx->stack), NSAPI_ERROR_OK);
    per_socket = counts_descriptors() > before;
    nsapi_tcp_socket_close(&s[0]);
    cr_assert_eq(getrlimit(RLIMIT_NOFILE, &saved), 0);
    low = saved;
    low.rlim_cur = (rlim_t)(counts_descriptors() + DESCRIPTOR_ROOM);
    cr_assert_eq(nsapi_stack_set_socket_limit(fx->stack, fx->stack->sockets + TRIES + 1), NSAPI_ERROR_OK);
    cr_assert_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
    for (round = 0; round < 2; round++) {
        nsapi_error_t why;

        memset(s, 0, sizeof s);
        opened[round] = open_tcp_until_refused(s, &why);
        cr_expect(why == NSAPI_ERROR_OK || why == NSAPI_ERROR_NO_SOCKET, "round %d on %s: opened %d, then %s", round,
                  fx->name, opened[round], nsapi_error_name(why));
        cr_log_info("descriptors, round %d on %s: %d sockets opened, then %s", round, fx->name, opened[round],
                    nsapi_error_name(why));
        for (i = 0; i < TRIES; i++) {
            nsapi_tcp_socket_close(&s[i]);
        }
    }
    cr_expect_eq(opened[1], opened[0], "the same number opens again once they are closed");
    cr_expect(opened[0] > 0, "some open: %d", opened[0]);
    if (per_socket) {
        cr_expect_lt(opened[0], TRIES, "on %s the descriptors run out before %d sockets", fx->name, TRIES);
    }
    /* With the room given back to the process, the stack serves a connection as before. */
    setrlimit(RLIMIT_NOFILE, &saved);
    pair_listen(&p, 6301, 1);
    cr_expect_eq(pair_connect(&p), NSAPI_ERROR_OK);
    pair_close(&p);
    nsapi_stack_set_socket_limit(fx->stack, NSAPI_SOCKET_LIMIT);
}

/* One case for the limits (each case is a process of its own, with its fixture to set up). */
Test(exhaust, limits_reached_then_recovered)
{
    limit_and_recovery(false);
    many_connections();
    descriptors();
    fixture_require(NSAPI_UDP);
    limit_and_recovery(true);
}

/* ---- a slow reader ------------------------------------------------------------------------------ */

#define CHUNK 4096
#define MOST (32L * 1024 * 1024) /* a bound on what a full window and buffer can take */

static unsigned char pattern(size_t at)
{
    return (unsigned char)(at * 7u + (at >> 12));
}

/* Send, non-blocking, until sends say WOULD_BLOCK for SETTLE_MS on end: until then an ACK in flight
 * (a peer's delayed ACK, lwIP's every 25 ms) may still free room.  The bytes queued from offset. */
#define SETTLE_MS 300

static size_t fill_up(nsapi_tcp_socket_t *s, size_t offset)
{
    static unsigned char chunk[CHUNK];
    size_t queued = 0;
    long blocked_since = -1;

    nsapi_tcp_socket_set_blocking(s, false);
    while (queued < (size_t)MOST && (blocked_since < 0 || now_ms() - blocked_since < SETTLE_MS)) {
        nsapi_size_or_error_t n;
        size_t i;

        for (i = 0; i < CHUNK; i++) {
            chunk[i] = pattern(offset + queued + i);
        }
        n = nsapi_tcp_socket_send(s, chunk, CHUNK);
        cr_assert(n > 0 || n == NSAPI_ERROR_WOULD_BLOCK, "send after %zu bytes: %s", queued, nsapi_error_name(n));
        if (n > 0) {
            queued += (size_t)n;
            blocked_since = -1;
        } else {
            blocked_since = blocked_since < 0 ? now_ms() : blocked_since;
            sleep_ms(10);
        }
    }
    cr_assert_lt(queued, (size_t)MOST, "on %s the sender never met a full window", fx->name);
    return queued;
}

/* Read (blocking, 3 s a call) exactly size bytes, checking each against the pattern from offset. */
static void drain(nsapi_tcp_socket_t *s, size_t offset, size_t size)
{
    static unsigned char buf[65536];
    size_t got = 0;

    while (got < size) {
        size_t want = size - got < sizeof buf ? size - got : sizeof buf, i;
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(s, buf, (nsapi_size_t)want);

        cr_assert_gt(n, 0, "read after %zu of %zu bytes: %s", got, size, nsapi_error_name(n));
        for (i = 0; i < (size_t)n; i++) {
            cr_assert_eq(buf[i], pattern(offset + got + i), "byte %zu", offset + got + i);
        }
        got += (size_t)n;
    }
}

Test(exhaust, slow_reader_fills_the_window_then_everything_arrives)
{
    struct pair p;
    size_t offset = 0, queued[2];
    int round;

    pair_listen(&p, 6302, 1);
    cr_assert_eq(pair_connect(&p), NSAPI_ERROR_OK);
    for (round = 0; round < 2; round++) {
        long start;

        queued[round] = fill_up(&p.client, offset);
        cr_log_info("round %d on %s: %zu bytes queued before WOULD_BLOCK", round, fx->name, queued[round]);
        start = now_ms();
        cr_expect_eq(nsapi_tcp_socket_send(&p.client, "x", 1), NSAPI_ERROR_WOULD_BLOCK, "still full");
        cr_expect_lt(now_ms() - start, 100, "a non-blocking send returns at once");
        nsapi_tcp_socket_set_timeout(&p.client, 200);
        start = now_ms();
        cr_expect_eq(nsapi_tcp_socket_send(&p.client, "x", 1), NSAPI_ERROR_WOULD_BLOCK, "a timed send, still full");
        cr_expect(now_ms() - start >= 200 && now_ms() - start < 1500, "it waited its 200 ms: %ld ms",
                  now_ms() - start);
        drain(&p.accepted, offset, queued[round]);
        offset += queued[round];
    }
    cr_expect_geq(queued[1] * 2, queued[0], "the second fill took about as much: %zu, then %zu", queued[0],
                  queued[1]);
    pair_close(&p);
}
