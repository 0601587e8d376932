/*
 * Interop: two nsapi stacks in one process, talking across a TAP device.
 * lwIP owns the TAP netif (fixture_lwip_tap.c); the POSIX backend uses the
 * kernel, whose end of the TAP device is in the same network namespace.
 * A server on one stack and a client on the other exchange 1 MiB each way,
 * checked byte for byte, over IPv4 and IPv6, with each stack serving once.
 */
#define _GNU_SOURCE

#include <pthread.h>
#include <string.h>

#include <criterion/criterion.h>

#include "../conformance/fixture.h"
#include "nsapi/posix.h"

#define BULK (1024 * 1024)
#define PORT 6100

static nsapi_stack_t posix;

static void setup(void)
{
    fixture_setup();
    memset(&posix, 0, sizeof posix);
    cr_assert_eq(nsapi_posix_init(&posix), NSAPI_ERROR_OK);
}

static void teardown(void)
{
    cr_expect_eq(nsapi_posix_open_sockets(&posix), 0, "the POSIX backend holds no socket");
    cr_expect_eq(nsapi_posix_deinit(&posix), NSAPI_ERROR_OK);
    fixture_teardown();
}

TestSuite(interop, .init = setup, .fini = teardown, .timeout = 60);

static unsigned char pattern(size_t i, unsigned seed)
{
    return (unsigned char)(seed + i * 131u + (i >> 10));
}

/* Send BULK bytes of pattern seed; receive BULK bytes and count those that differ from pattern peer_seed. */
struct side {
    nsapi_tcp_socket_t socket;
    unsigned seed, peer_seed;
    size_t sent, received, wrong;
};

static void send_bulk(struct side *side)
{
    static unsigned char chunk[2][16384];
    unsigned char *buf = chunk[side->seed & 1];

    while (side->sent < BULK) {
        size_t i, n = BULK - side->sent < sizeof chunk[0] ? BULK - side->sent : sizeof chunk[0];
        nsapi_size_or_error_t done;

        for (i = 0; i < n; i++) {
            buf[i] = pattern(side->sent + i, side->seed);
        }
        done = nsapi_tcp_socket_send(&side->socket, buf, (nsapi_size_t)n);
        if (done <= 0) {
            return;
        }
        side->sent += (size_t)done;
    }
}

static void recv_bulk(struct side *side)
{
    static unsigned char chunk[2][16384];
    unsigned char *buf = chunk[side->seed & 1];

    while (side->received < BULK) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(&side->socket, buf, sizeof chunk[0]);
        int i;

        if (n <= 0) {
            return;
        }
        for (i = 0; i < n; i++) {
            side->wrong += buf[i] != pattern(side->received + (size_t)i, side->peer_seed);
        }
        side->received += (size_t)n;
    }
}

/* The server's half: 1 MiB in, then 1 MiB out. */
static void *serve(void *arg)
{
    struct side *side = arg;

    recv_bulk(side);
    send_bulk(side);
    return NULL;
}

static void exchange(nsapi_stack_t *server_stack, nsapi_stack_t *client_stack, const nsapi_socket_address_t *server_ip)
{
    nsapi_tcp_server_t server = {0};
    struct side served, client;
    nsapi_socket_address_t at = *server_ip;
    pthread_t thread;

    memset(&served, 0, sizeof served);
    memset(&client, 0, sizeof client);
    served.seed = client.peer_seed = 1;
    client.seed = served.peer_seed = 2;
    nsapi_socket_address_set_port(&at, PORT);
    cr_assert_eq(nsapi_tcp_server_open(&server, server_stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&server, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_open(&client.socket, client_stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&client.socket, 10000);
    cr_assert_eq(nsapi_tcp_socket_connect(&client.socket, &at), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(&server, 10000);
    cr_assert_eq(nsapi_tcp_server_accept(&server, &served.socket, NULL), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&served.socket, 10000);
    pthread_create(&thread, NULL, serve, &served);
    send_bulk(&client);
    recv_bulk(&client);
    pthread_join(thread, NULL);
    cr_expect_eq(client.sent, BULK, "client sent %zu", client.sent);
    cr_expect_eq(served.received, BULK, "server received %zu", served.received);
    cr_expect_eq(served.wrong, 0, "server saw %zu wrong bytes", served.wrong);
    cr_expect_eq(served.sent, BULK, "server sent %zu", served.sent);
    cr_expect_eq(client.received, BULK, "client received %zu", client.received);
    cr_expect_eq(client.wrong, 0, "client saw %zu wrong bytes", client.wrong);
    nsapi_tcp_socket_close(&client.socket);
    nsapi_tcp_socket_close(&served.socket);
    nsapi_tcp_server_close(&server);
}

Test(interop, lwip_serves_posix_ipv4)
{
    fixture_use(NSAPI_IPv4);
    exchange(fx->stack, &posix, &fx->local);
}

Test(interop, lwip_serves_posix_ipv6)
{
    fixture_use(NSAPI_IPv6);
    exchange(fx->stack, &posix, &fx->local);
}

Test(interop, posix_serves_lwip_ipv4)
{
    fixture_use(NSAPI_IPv4);
    exchange(&posix, fx->stack, &fx->tcp[ECHO]); /* the kernel's address on the TAP device */
}

Test(interop, posix_serves_lwip_ipv6)
{
    fixture_use(NSAPI_IPv6);
    exchange(&posix, fx->stack, &fx->tcp[ECHO]);
}
