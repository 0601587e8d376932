/*
 * A peer that resets mid-transfer, and one that vanishes:
 *   - a reset (the stack's own accepted end closed with data unread, or a
 *     kernel peer closing with SO_LINGER 0) reaches a sender and a blocked
 *     receiver as NSAPI_ERROR_NO_CONNECTION, as the IDL documents, every
 *     time after, never as 0 (end of stream) and never as a hang;
 *   - a vanished peer (every packet dropped on the kernel's input by an
 *     nftables rule in the case's own namespace: the POSIX backend's
 *     loopback, or the kernel's side of lwIP's TAP device): recv, send and
 *     connect end within their timeouts with NSAPI_ERROR_WOULD_BLOCK;
 *   - keep-alive, set with NSAPI_KEEPALIVE, KEEPIDLE and KEEPINTVL, finds the
 *     vanished peer dead within its configured time and says
 *     NSAPI_ERROR_CONNECTION_LOST, every time after.
 * The last two need a kernel side (fx->kernel) and are skipped without one.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "fixture.h"
#include "pair.h"

#define BIG (16 * 1024 * 1024)
#define PROMPT_MS 1500 /* how soon a reset or a close must end a blocked call */

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
}

TestSuite(peer, .init = setup, .fini = fixture_teardown, .timeout = 60);

/* After a reset: recv and send say NO_CONNECTION (or, on a vanished peer, expect), twice each. */
static void expect_dead(nsapi_tcp_socket_t *s, nsapi_error_t expect, const char *what)
{
    char buf[16];
    int i;

    for (i = 0; i < 2; i++) {
        nsapi_size_or_error_t r = nsapi_tcp_socket_recv(s, buf, sizeof buf);
        nsapi_size_or_error_t w = nsapi_tcp_socket_send(s, "late", 4);

        cr_expect_eq(r, expect, "%s on %s: recv %d after it: %d (%s)", what, fx->name, i, r, nsapi_error_name(r));
        cr_expect_eq(w, expect, "%s on %s: send %d after it: %d (%s)", what, fx->name, i, w, nsapi_error_name(w));
    }
}

/* ---- resets between two ends of the stack's own ------------------------------------------------- */

struct sender {
    nsapi_tcp_socket_t *socket;
    const unsigned char *data;
    nsapi_size_or_error_t result;
};

static void *send_big(void *arg)
{
    struct sender *s = arg;

    s->result = nsapi_tcp_socket_send(s->socket, s->data, BIG);
    return NULL;
}

static void reset_ends_a_blocked_send(void)
{
    static unsigned char data[BIG], buf[65536];
    struct sender sender;
    struct pair p;
    pthread_t thread;
    size_t got = 0;
    long start;

    pair_listen(&p, 6401, 1);
    cr_assert_eq(pair_connect(&p), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&p.client, 10000);
    sender = (struct sender){&p.client, data, 1};
    cr_assert_eq(pthread_create(&thread, NULL, send_big, &sender), 0);
    while (got < sizeof buf) { /* mid-transfer: the sender is blocked with more to send */
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(&p.accepted, buf, (nsapi_size_t)(sizeof buf - got));

        cr_assert_gt(n, 0, "%s", nsapi_error_name(n));
        got += (size_t)n;
    }
    start = now_ms();
    cr_assert_eq(nsapi_tcp_socket_close(&p.accepted), NSAPI_ERROR_OK); /* data unread: a reset */
    pthread_join(thread, NULL);
    cr_expect_lt(now_ms() - start, PROMPT_MS, "the blocked send ended %ld ms after the reset", now_ms() - start);
    cr_expect(sender.result == NSAPI_ERROR_NO_CONNECTION || (sender.result > 0 && sender.result < BIG),
              "the send ends with what it queued or NO_CONNECTION: %d (%s)", sender.result,
              nsapi_error_name(sender.result));
    expect_dead(&p.client, NSAPI_ERROR_NO_CONNECTION, "a reset");
    pair_close(&p);
}

struct receiver {
    nsapi_tcp_socket_t *socket;
    nsapi_size_or_error_t result;
    long ended;
};

static void *recv_one(void *arg)
{
    struct receiver *r = arg;
    char buf[16];

    r->result = nsapi_tcp_socket_recv(r->socket, buf, sizeof buf);
    r->ended = now_ms();
    return NULL;
}

static void reset_ends_a_blocked_recv(void)
{
    struct receiver receiver;
    struct pair p;
    pthread_t thread;
    char byte;
    long start;

    pair_listen(&p, 6402, 1);
    cr_assert_eq(pair_connect(&p), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_send(&p.client, "unread", 6), 6);
    cr_assert_eq(nsapi_tcp_socket_recv(&p.accepted, &byte, 1), 1);
    nsapi_tcp_socket_set_timeout(&p.client, 10000);
    receiver = (struct receiver){&p.client, 1, 0};
    cr_assert_eq(pthread_create(&thread, NULL, recv_one, &receiver), 0);
    sleep_ms(100); /* the receiver is blocked by now */
    start = now_ms();
    cr_assert_eq(nsapi_tcp_socket_close(&p.accepted), NSAPI_ERROR_OK); /* five bytes unread: a reset */
    pthread_join(thread, NULL);
    cr_expect_lt(receiver.ended - start, PROMPT_MS, "the blocked recv ended %ld ms after the reset",
                 receiver.ended - start);
    cr_expect_eq(receiver.result, NSAPI_ERROR_NO_CONNECTION, "a reset, not end of stream: %d (%s)", receiver.result,
                 nsapi_error_name(receiver.result));
    expect_dead(&p.client, NSAPI_ERROR_NO_CONNECTION, "a reset");
    pair_close(&p);
}

/* One case for both (each case is a process of its own, with its fixture to set up). */
Test(peer, reset_by_the_stack_itself_ends_blocked_calls)
{
    reset_ends_a_blocked_send();
    reset_ends_a_blocked_recv();
}

/* ---- a kernel peer: resets, and vanishing ------------------------------------------------------- */

static void require_kernel(void)
{
    if (fx->kernel == NULL) {
        fixture_teardown(); /* .fini does not run after a skip */
        cr_skip_test("unsupported: %s has no kernel side to be the peer", fx->name);
    }
}

/* A kernel listener on the kernel's address, port; connections wait in its queue until accepted. */
static int kernel_listen(uint16_t port)
{
    struct sockaddr_in a = {0};
    const int on = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    cr_assert_eq(inet_pton(AF_INET, fx->kernel, &a.sin_addr), 1);
    cr_assert_geq(fd, 0);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    cr_assert_eq(listen(fd, 8), 0);
    return fd;
}

static void connect_to_kernel(nsapi_tcp_socket_t *s, uint16_t port)
{
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_socket_address_set_ip_address(&at, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&at, port);
    cr_assert_eq(nsapi_tcp_socket_open(s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(s, 3000);
    cr_assert_eq(nsapi_tcp_socket_connect(s, &at), NSAPI_ERROR_OK, "connect to the kernel on %s", fx->name);
}

/* Close a kernel socket with a reset (SO_LINGER, 0 s). */
static void kernel_reset(int fd)
{
    struct linger abortive = {1, 0};

    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    close(fd);
}

static void kernel_resets_while_sending_to_us(void)
{
    static unsigned char out[256 * 1024], in[65536];
    nsapi_tcp_socket_t s = {0};
    size_t total = 0;
    nsapi_size_or_error_t n;
    int fd, c, reads = 0;

    fd = kernel_listen(6411);
    connect_to_kernel(&s, 6411);
    c = accept(fd, NULL, NULL);
    cr_assert_geq(c, 0);
    cr_assert_eq(write(c, out, sizeof out), (ssize_t)sizeof out, "the kernel queues its 256 KiB");
    kernel_reset(c);
    while ((n = nsapi_tcp_socket_recv(&s, in, sizeof in)) > 0 && reads++ < 1000) {
        total += (size_t)n;
    }
    cr_expect_eq(n, NSAPI_ERROR_NO_CONNECTION, "after %zu bytes on %s: %d (%s), not end of stream", total, fx->name,
                 n, nsapi_error_name(n));
    expect_dead(&s, NSAPI_ERROR_NO_CONNECTION, "the kernel's reset");
    nsapi_tcp_socket_close(&s);
    close(fd);
}

static void kernel_resets_while_we_send(void)
{
    static unsigned char data[BIG], buf[65536];
    struct sender sender;
    nsapi_tcp_socket_t s = {0};
    pthread_t thread;
    size_t got = 0;
    int fd, c;
    long start;

    fd = kernel_listen(6412);
    connect_to_kernel(&s, 6412);
    c = accept(fd, NULL, NULL);
    cr_assert_geq(c, 0);
    nsapi_tcp_socket_set_timeout(&s, 10000);
    sender = (struct sender){&s, data, 1};
    cr_assert_eq(pthread_create(&thread, NULL, send_big, &sender), 0);
    while (got < sizeof buf) {
        ssize_t n = read(c, buf, sizeof buf - got);

        cr_assert_gt(n, 0);
        got += (size_t)n;
    }
    start = now_ms();
    kernel_reset(c);
    pthread_join(thread, NULL);
    cr_expect_lt(now_ms() - start, PROMPT_MS, "the blocked send ended %ld ms after the reset", now_ms() - start);
    cr_expect(sender.result == NSAPI_ERROR_NO_CONNECTION || (sender.result > 0 && sender.result < BIG),
              "the send ends with what it queued or NO_CONNECTION: %d (%s)", sender.result,
              nsapi_error_name(sender.result));
    expect_dead(&s, NSAPI_ERROR_NO_CONNECTION, "the kernel's reset");
    nsapi_tcp_socket_close(&s);
    close(fd);
}

Test(peer, kernel_peer_resets_mid_transfer)
{
    require_kernel();
    kernel_resets_while_sending_to_us();
    kernel_resets_while_we_send();
}

/* A kernel client connected to the stack's own address, port (within 3 s). */
static int kernel_connect(uint16_t port)
{
    struct sockaddr_in a = {0};
    struct timeval limit = {3, 0};
    char ip[NSAPI_IP_SIZE];
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    cr_assert_geq(fd, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    nsapi_socket_address_get_ip_address(&fx->local, ip, sizeof ip);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    cr_assert_eq(inet_pton(AF_INET, ip, &a.sin_addr), 1);
    cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0, "a kernel client connects to %s", fx->name);
    return fd;
}

/* Accept (3 s each) until `clients` connections have each given their byte, or none is left: how many did. */
static int accept_bytes(nsapi_tcp_server_t *server, int clients)
{
    nsapi_tcp_socket_t conn;
    int i, served = 0;
    char byte;

    for (i = 0; i < clients + 4 && served < clients; i++) {
        memset(&conn, 0, sizeof conn);
        if (nsapi_tcp_server_accept(server, &conn, NULL) != NSAPI_ERROR_OK) {
            break;
        }
        nsapi_tcp_socket_set_timeout(&conn, 3000);
        served += nsapi_tcp_socket_recv(&conn, &byte, 1) == 1; /* a client reset in the queue gives none */
        nsapi_tcp_socket_close(&conn);
    }
    return served;
}

/* Issue 18: clients that reset while queued, before accept took them, must not cost later clients a reset
 * (lwIP stopped counting them against the backlog; its backend still did, and refused the next ones).
 * lwIP on TAP only: Linux keeps a reset connection in its queue until accept takes it, so there later
 * clients' SYNs wait for room (no reset either), which this sequence, accepting last, cannot show. */
Test(peer, clients_reset_in_the_listen_queue_cost_later_clients_nothing)
{
    nsapi_tcp_server_t server;
    nsapi_socket_address_t at = fx->local;
    int dead[2], live[2], i;
    char byte;

    require_kernel();
    if (strncmp(fx->name, "lwip", 4) != 0) {
        fixture_teardown(); /* .fini does not run after a skip */
        cr_skip_test("lwIP's backlog accounting: %s queues as Linux does", fx->name);
    }
    memset(&server, 0, sizeof server);
    nsapi_socket_address_set_port(&at, 6415);
    cr_assert_eq(nsapi_tcp_server_open(&server, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&server, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&server, 2), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(&server, 3000);
    for (i = 0; i < 2; i++) {
        dead[i] = kernel_connect(6415);
    }
    sleep_ms(200); /* both queued on the stack's side */
    for (i = 0; i < 2; i++) {
        kernel_reset(dead[i]);
    }
    sleep_ms(200); /* the resets reach the stack */
    for (i = 0; i < 2; i++) {
        live[i] = kernel_connect(6415);
        cr_expect_eq(send(live[i], "x", 1, MSG_NOSIGNAL), 1, "client %d sends", i);
    }
    cr_expect_eq(accept_bytes(&server, 2), 2, "both clients after the reset ones accepted, their bytes read");
    for (i = 0; i < 2; i++) {
        cr_expect_eq(recv(live[i], &byte, 1, 0), 0, "client %d: the server's FIN, no reset", i);
        close(live[i]);
    }
    nsapi_tcp_server_close(&server);
}

/* Drop every packet the kernel receives in this namespace: the peer hears nothing, answers nothing.
 * (On input only: a drop on output would fail the kernel's own sends with EPERM, which is no
 * vanishing.)  Needs nftables (tools/install-deps). */
static void vanish(void)
{
    cr_assert_eq(system("nft add table inet vanish && nft add chain inet vanish in"
                        " '{ type filter hook input priority 0; policy drop; }'"),
                 0, "an nftables rule that drops every packet the kernel receives");
}

static void reappear(void)
{
    cr_expect_eq(system("nft delete table inet vanish"), 0);
}

static void expect_times_out(nsapi_size_or_error_t result, long start, int timeout, const char *what)
{
    long took = now_ms() - start;

    cr_expect_eq(result, NSAPI_ERROR_WOULD_BLOCK, "%s on %s: %d (%s)", what, fx->name, result,
                 nsapi_error_name(result));
    cr_expect(took >= timeout && took < timeout + 1000, "%s on %s ended after %ld ms, its timeout %d ms", what,
              fx->name, took, timeout);
}

/* With the peer gone, each blocking call on s (recv, send into a full buffer, and connect on a new
 * socket) ends when its 300 ms pass. */
static void calls_end_in_their_timeouts(nsapi_tcp_socket_t *s, uint16_t port)
{
    static unsigned char chunk[4096];
    nsapi_tcp_socket_t other = {0};
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0};
    size_t queued = 0;
    nsapi_size_or_error_t n;
    char buf[16];
    long start;

    nsapi_tcp_socket_set_timeout(s, 300);
    start = now_ms();
    expect_times_out(nsapi_tcp_socket_recv(s, buf, sizeof buf), start, 300, "recv");
    do { /* the peer acknowledges nothing: the send buffer fills */
        start = now_ms();
        n = nsapi_tcp_socket_send(s, chunk, sizeof chunk);
        queued += n > 0 ? (size_t)n : 0;
    } while (n > 0 && queued < 64u * 1024 * 1024);
    expect_times_out(n, start, 300, "send into a full buffer");
    cr_assert_eq(nsapi_socket_address_set_ip_address(&at, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&at, port);
    cr_assert_eq(nsapi_tcp_socket_open(&other, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&other, 300);
    start = now_ms();
    expect_times_out(nsapi_tcp_socket_connect(&other, &at), start, 300, "connect");
    start = now_ms();
    cr_expect_eq(nsapi_tcp_socket_close(&other), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_close(s), NSAPI_ERROR_OK);
    cr_expect_lt(now_ms() - start, 1000, "closing with the peer gone (and data unsent) returns at once");
}

static void set_int(nsapi_tcp_socket_t *s, int option, int value)
{
    cr_assert_eq(nsapi_tcp_socket_setsockopt(s, NSAPI_SOCKET, option, &value, sizeof value), NSAPI_ERROR_OK);
}

/* Keep-alive after 1 s idle, probes 200 ms apart (the POSIX backend rounds up to whole seconds, the
 * kernel's unit).  How many probes go unanswered before the peer is declared dead is no nsapi option:
 * lwIP's default is 9 (TCP_KEEPCNT_DEFAULT), and the kernel's, 9, is lowered to 2 in this namespace,
 * so both give up after about 3 s. */
#define IDLE_MS 1000
#define INTERVAL_MS 200
#define DEAD_WITHIN_MS 6000

static void *keepalive_recv(void *arg)
{
    struct receiver *r = arg;
    char buf[16];

    nsapi_tcp_socket_set_timeout(r->socket, 2 * DEAD_WITHIN_MS);
    r->result = nsapi_tcp_socket_recv(r->socket, buf, sizeof buf);
    r->ended = now_ms();
    return NULL;
}

/* Two connections to a kernel peer that then vanishes: one with keep-alive, blocked in recv in a
 * thread of its own, the other for the timeouts meanwhile. */
Test(peer, vanished_peer_timeouts_and_keepalive)
{
    nsapi_tcp_socket_t kept = {0}, timed = {0};
    struct receiver receiver;
    pthread_t thread;
    FILE *probes;
    long start, took;
    int fd;

    require_kernel();
    probes = fopen("/proc/sys/net/ipv4/tcp_keepalive_probes", "w");
    cr_assert_not_null(probes);
    fprintf(probes, "2\n");
    cr_assert_eq(fclose(probes), 0);
    fd = kernel_listen(6413);
    connect_to_kernel(&kept, 6413);
    connect_to_kernel(&timed, 6413);
    set_int(&kept, NSAPI_KEEPALIVE, 1);
    set_int(&kept, NSAPI_KEEPIDLE, IDLE_MS);
    set_int(&kept, NSAPI_KEEPINTVL, INTERVAL_MS);
    vanish();
    start = now_ms();
    receiver = (struct receiver){&kept, 1, 0};
    cr_assert_eq(pthread_create(&thread, NULL, keepalive_recv, &receiver), 0);
    calls_end_in_their_timeouts(&timed, 6413);
    pthread_join(thread, NULL);
    took = receiver.ended - start;
    cr_log_info("keep-alive on %s: the peer found dead after %ld ms", fx->name, took);
    cr_expect_eq(receiver.result, NSAPI_ERROR_CONNECTION_LOST, "keep-alive on %s: recv ended after %ld ms with %d (%s)",
                 fx->name, took, receiver.result, nsapi_error_name(receiver.result));
    cr_expect(took >= IDLE_MS && took < DEAD_WITHIN_MS, "keep-alive on %s found the peer dead after %ld ms",
              fx->name, took);
    expect_dead(&kept, NSAPI_ERROR_CONNECTION_LOST, "keep-alive's verdict");
    nsapi_tcp_socket_close(&kept);
    reappear();
    close(fd);
}
