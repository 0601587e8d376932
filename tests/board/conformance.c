/*
 * The conformance cases that need no second thread, as firmware for the
 * mps2 board: against the kernel side of the TAP device (192.168.7.1),
 * where the test runs inetd's echo, discard and chargen (TCP) and echo
 * (UDP), and dnsmasq for DHCP and DNS.  Each case prints a line; the last
 * line is "N passed, N failed", and QEMU exits 0 only if none failed.
 * Every wait is bounded by a socket timeout.
 */
#include <stdio.h>
#include <string.h>

#include "board.h"

#define PEER "192.168.7.1"
#define TIMEOUT_MS 5000

static nsapi_stack_t *stack;
static unsigned passed, failed;
static unsigned char buffer[8192], back[8192];

#define CHECK(cond, ...)              \
    do {                              \
        if (!(cond)) {                \
            printf("  " __VA_ARGS__); \
            printf("\n");             \
            return false;             \
        }                             \
    } while (0)

static nsapi_socket_address_t peer(uint16_t port)
{
    nsapi_socket_address_t a;

    memset(&a, 0, sizeof a);
    (void)nsapi_socket_address_set_ip_address(&a, PEER);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

static nsapi_error_t tcp_to(nsapi_tcp_socket_t *s, uint16_t port)
{
    nsapi_socket_address_t a = peer(port);
    nsapi_error_t err;

    memset(s, 0, sizeof *s);
    err = nsapi_tcp_socket_open(s, stack);
    if (err == NSAPI_ERROR_OK) {
        nsapi_tcp_socket_set_timeout(s, TIMEOUT_MS);
        err = nsapi_tcp_socket_connect(s, &a);
        if (err != NSAPI_ERROR_OK) {
            nsapi_tcp_socket_close(s);
        }
    }
    return err;
}

static bool send_all(nsapi_tcp_socket_t *s, const void *data, unsigned size)
{
    unsigned sent = 0;

    while (sent < size) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(s, (const char *)data + sent, size - sent);

        if (n <= 0) {
            printf("  send: %s\n", nsapi_error_name(n));
            return false;
        }
        sent += (unsigned)n;
    }
    return true;
}

static bool recv_all(nsapi_tcp_socket_t *s, void *data, unsigned size)
{
    unsigned got = 0;

    while (got < size) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(s, (char *)data + got, size - got);

        if (n <= 0) {
            printf("  recv after %u of %u bytes: %s\n", got, size, n == 0 ? "closed" : nsapi_error_name(n));
            return false;
        }
        got += (unsigned)n;
    }
    return true;
}

/* ---- the cases ------------------------------------------------------------------------------- */

static bool tcp_echo_round_trips(void)
{
    nsapi_tcp_socket_t s;
    unsigned round, i;
    bool ok = true;
    nsapi_error_t err = tcp_to(&s, 7);

    CHECK(err == NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    /* 64 KiB in 1 KiB turns: more than lwIP's window, without a second thread to read meanwhile. */
    for (round = 0; ok && round < 64; round++) {
        for (i = 0; i < 1024; i++) {
            buffer[i] = (unsigned char)(round * 7 + i);
        }
        ok = send_all(&s, buffer, 1024) && recv_all(&s, back, 1024);
        if (ok && memcmp(buffer, back, 1024) != 0) {
            printf("  round %u: the echo differs\n", round);
            ok = false;
        }
    }
    nsapi_tcp_socket_close(&s);
    return ok;
}

static bool tcp_discard_takes_everything(void)
{
    nsapi_tcp_socket_t s;
    unsigned i;
    bool ok = true;
    nsapi_error_t err = tcp_to(&s, 9);

    CHECK(err == NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    memset(buffer, 'd', sizeof buffer);
    for (i = 0; ok && i < 16; i++) {
        ok = send_all(&s, buffer, sizeof buffer); /* 128 KiB */
    }
    nsapi_tcp_socket_close(&s);
    return ok;
}

static bool tcp_chargen_pattern(void)
{
    nsapi_tcp_socket_t s;
    unsigned i, line = 0, column = 0;
    unsigned char first = 0;
    bool ok;
    nsapi_error_t err = tcp_to(&s, 19);

    CHECK(err == NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    ok = recv_all(&s, buffer, sizeof buffer);
    nsapi_tcp_socket_close(&s);
    CHECK(ok, "no 8 KiB from chargen");
    /* Lines of 72 printable characters, each one on from the one before, then CR LF; each line
     * starts one character on from the line before. */
    for (i = 0; i < sizeof buffer; i++) {
        unsigned char c = buffer[i];

        if (column == 72) {
            CHECK(c == '\r', "byte %u: no CR ending line %u", i, line);
        } else if (column == 73) {
            CHECK(c == '\n', "byte %u: no LF ending line %u", i, line);
            column = 0;
            line++;
            continue;
        } else if (column == 0) {
            CHECK(line == 0 || c == (first == '~' ? ' ' : first + 1), "line %u starts with %c", line, c);
            first = c;
        } else {
            unsigned char before = buffer[i - 1];
            CHECK(c == (before == '~' ? ' ' : before + 1), "byte %u: %c after %c", i, c, before);
        }
        column++;
    }
    return true;
}

static bool tcp_connect_refused(void)
{
    nsapi_tcp_socket_t s;
    nsapi_error_t err = tcp_to(&s, 1);

    CHECK(err == NSAPI_ERROR_NO_CONNECTION, "connect to a closed port: %s", nsapi_error_name(err));
    return true;
}

static bool tcp_recv_timeout(void)
{
    nsapi_tcp_socket_t s;
    nsapi_size_or_error_t n;
    uint32_t start, took;
    nsapi_error_t err = tcp_to(&s, 7);

    CHECK(err == NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    nsapi_tcp_socket_set_timeout(&s, 300);
    start = nsapi_board_ms();
    n = nsapi_tcp_socket_recv(&s, buffer, 16);
    took = nsapi_board_ms() - start;
    nsapi_tcp_socket_close(&s);
    CHECK(n == NSAPI_ERROR_WOULD_BLOCK, "recv with nothing sent: %s", nsapi_error_name(n));
    CHECK(took >= 290 && took < 2000, "a 300 ms timeout took %lu ms", (unsigned long)took);
    return true;
}

static void count(void *arg)
{
    (*(unsigned *)arg)++;
}

static bool tcp_sigio_from_the_loop(void)
{
    nsapi_tcp_socket_t s;
    unsigned calls = 0;
    bool ok;
    nsapi_error_t err = tcp_to(&s, 7);

    CHECK(err == NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    nsapi_tcp_socket_sigio(&s, count, &calls);
    ok = send_all(&s, "ping", 4) && recv_all(&s, back, 4);
    nsapi_tcp_socket_sigio(&s, NULL, NULL);
    nsapi_tcp_socket_close(&s);
    CHECK(ok && memcmp(back, "ping", 4) == 0, "no echo of ping");
    CHECK(calls > 0, "sigio was never called while recv waited");
    return true;
}

static bool udp_echo_sizes(void)
{
    static const unsigned sizes[] = {1, 512, 1472, 4000}; /* 4000: three fragments each way */
    nsapi_socket_address_t to = peer(7), from;
    nsapi_udp_socket_t s;
    unsigned i, j, attempt;
    nsapi_error_t err;

    memset(&s, 0, sizeof s);
    err = nsapi_udp_socket_open(&s, stack);
    CHECK(err == NSAPI_ERROR_OK, "open: %s", nsapi_error_name(err));
    nsapi_udp_socket_set_timeout(&s, 1000);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        nsapi_size_or_error_t n = NSAPI_ERROR_WOULD_BLOCK;

        for (j = 0; j < sizes[i]; j++) {
            buffer[j] = (unsigned char)(i + j * 3);
        }
        /* UDP may lose one (the first goes out while ARP resolves): three tries. */
        for (attempt = 0; attempt < 3 && n == NSAPI_ERROR_WOULD_BLOCK; attempt++) {
            n = nsapi_udp_socket_sendto(&s, &to, buffer, sizes[i]);
            if (n == (nsapi_size_or_error_t)sizes[i]) {
                memset(&from, 0, sizeof from);
                n = nsapi_udp_socket_recvfrom(&s, &from, back, sizeof back);
            }
        }
        if (n != (nsapi_size_or_error_t)sizes[i] || memcmp(buffer, back, sizes[i]) != 0
            || !nsapi_socket_address_equals(&from, &to)) {
            nsapi_udp_socket_close(&s);
            CHECK(false, "%u bytes: %s", sizes[i], n < 0 ? nsapi_error_name(n) : "a different echo");
        }
    }
    nsapi_udp_socket_close(&s);
    return true;
}

static bool dns_names(nsapi_interface_t *net)
{
    nsapi_socket_address_t a, expected = peer(0);
    nsapi_error_t err;

    memset(&a, 0, sizeof a);
    err = nsapi_interface_gethostbyname(net, "www.demo.test", &a, NSAPI_IPv4);
    CHECK(err == NSAPI_ERROR_OK, "www.demo.test: %s", nsapi_error_name(err));
    CHECK(nsapi_socket_address_equals(&a, &expected), "www.demo.test is not " PEER);
    err = nsapi_interface_gethostbyname(net, "nowhere.test", &a, NSAPI_IPv4);
    CHECK(err == NSAPI_ERROR_DNS_FAILURE, "nowhere.test: %s", nsapi_error_name(err));
    return true;
}

static void run(const char *name, bool (*test)(void))
{
    bool ok = test();

    printf("%s: %s\n", name, ok ? "ok" : "FAILED");
    if (ok) {
        passed++;
    } else {
        failed++;
    }
}

int main(void)
{
    nsapi_interface_t *net = nsapi_board_ethernet();
    nsapi_error_t err;
    bool dns;

    printf("conformance (mps2-an386, LAN9118, lwIP NO_SYS)\n");
    if (net == NULL) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    nsapi_interface_set_timeout(net, 20000);
    err = nsapi_interface_connect(net);
    if (err != NSAPI_ERROR_OK) {
        printf("connect: %s\n0 passed, 1 failed\n", nsapi_error_name(err));
        return 1;
    }
    stack = nsapi_interface_get_stack(net);
    run("tcp_echo_round_trips", tcp_echo_round_trips);
    run("tcp_discard_takes_everything", tcp_discard_takes_everything);
    run("tcp_chargen_pattern", tcp_chargen_pattern);
    run("tcp_connect_refused", tcp_connect_refused);
    run("tcp_recv_timeout", tcp_recv_timeout);
    run("tcp_sigio_from_the_loop", tcp_sigio_from_the_loop);
    run("udp_echo_sizes", udp_echo_sizes);
    dns = dns_names(net);
    printf("dns_names: %s\n", dns ? "ok" : "FAILED");
    passed += dns;
    failed += !dns;
    nsapi_interface_disconnect(net);
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
