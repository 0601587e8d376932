/*
 * The state x operation matrix (docs/sockets.md, "State x operation"): every cell is
 * a fresh socket brought to the state, one operation, and the answer the
 * page documents.  TCP states: never opened, open, connected, peer closed
 * (the server ended the stream), closed.  Calls are non-blocking so that a
 * wrong answer fails instead of waiting.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "fixture.h"

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_TCP);
    fixture_require(NSAPI_UDP);
}

TestSuite(matrix, .init = setup, .fini = fixture_teardown, .timeout = 60);

enum state { UNOPENED, OPEN, CONNECTED, PEER_CLOSED, CLOSED, STATES };
enum op { OP_OPEN, OP_CLOSE, OP_BIND, OP_CONNECT, OP_SEND, OP_RECV, OP_SETSOCKOPT, OP_GETPEERNAME, OPS };

static const char *const state_names[STATES] = {"unopened", "open", "connected", "peer closed", "closed"};
static const char *const op_names[OPS] = {"open", "close", "bind", "connect", "send", "recv", "setsockopt",
                                          "getpeername"};

/* What each operation returns in each state; a positive value means "that many bytes". */
static const nsapi_size_or_error_t expected[OPS][STATES] = {
    [OP_OPEN] = {NSAPI_ERROR_OK, NSAPI_ERROR_PARAMETER, NSAPI_ERROR_PARAMETER, NSAPI_ERROR_PARAMETER, NSAPI_ERROR_OK},
    [OP_CLOSE] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_OK, NSAPI_ERROR_OK, NSAPI_ERROR_OK, NSAPI_ERROR_NO_SOCKET},
    [OP_BIND] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_OK, NSAPI_ERROR_PARAMETER, NSAPI_ERROR_PARAMETER,
                 NSAPI_ERROR_NO_SOCKET},
    [OP_CONNECT] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_IN_PROGRESS, NSAPI_ERROR_IS_CONNECTED, NSAPI_ERROR_IS_CONNECTED,
                    NSAPI_ERROR_NO_SOCKET},
    [OP_SEND] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_NO_CONNECTION, 4, 4, NSAPI_ERROR_NO_SOCKET},
    [OP_RECV] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_NO_CONNECTION, NSAPI_ERROR_WOULD_BLOCK, 0, NSAPI_ERROR_NO_SOCKET},
    [OP_SETSOCKOPT] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_OK, NSAPI_ERROR_OK, NSAPI_ERROR_OK, NSAPI_ERROR_NO_SOCKET},
    [OP_GETPEERNAME] = {NSAPI_ERROR_NO_SOCKET, NSAPI_ERROR_NO_CONNECTION, NSAPI_ERROR_OK, NSAPI_ERROR_OK,
                        NSAPI_ERROR_NO_SOCKET},
};

static void bring_to(nsapi_tcp_socket_t *s, enum state state)
{
    char buf[64];
    int reads = 0;

    memset(s, 0, sizeof *s);
    if (state == UNOPENED) {
        return;
    }
    cr_assert_eq(nsapi_tcp_socket_open(s, fx->stack), NSAPI_ERROR_OK);
    if (state == CONNECTED) {
        cr_assert_eq(nsapi_tcp_socket_connect(s, &fx->tcp[DISCARD]), NSAPI_ERROR_OK);
    } else if (state == PEER_CLOSED) {
        cr_assert_eq(nsapi_tcp_socket_connect(s, &fx->tcp[DAYTIME]), NSAPI_ERROR_OK);
        nsapi_tcp_socket_set_timeout(s, 2000);
        while (nsapi_tcp_socket_recv(s, buf, sizeof buf) > 0 && reads++ < 10) {
        }
    } else if (state == CLOSED) {
        cr_assert_eq(nsapi_tcp_socket_close(s), NSAPI_ERROR_OK);
    }
    nsapi_tcp_socket_set_blocking(s, false);
}

static nsapi_size_or_error_t run(nsapi_tcp_socket_t *s, enum op op)
{
    nsapi_socket_address_t local = fx->local, peer;
    int on = 1;
    char buf[16];

    nsapi_socket_address_set_port(&local, 5100);
    switch (op) {
    case OP_OPEN:
        return nsapi_tcp_socket_open(s, fx->stack);
    case OP_CLOSE:
        return nsapi_tcp_socket_close(s);
    case OP_BIND:
        return nsapi_tcp_socket_bind(s, &local);
    case OP_CONNECT:
        return nsapi_tcp_socket_connect(s, &fx->tcp[DISCARD]);
    case OP_SEND:
        return nsapi_tcp_socket_send(s, "data", 4);
    case OP_RECV:
        return nsapi_tcp_socket_recv(s, buf, sizeof buf);
    case OP_SETSOCKOPT:
        return nsapi_tcp_socket_setsockopt(s, NSAPI_SOCKET, NSAPI_KEEPALIVE, &on, sizeof on);
    default:
        return nsapi_tcp_socket_getpeername(s, &peer);
    }
}

Test(matrix, tcp_socket)
{
    int state, op;

    for (op = 0; op < OPS; op++) {
        for (state = 0; state < STATES; state++) {
            nsapi_tcp_socket_t s;
            nsapi_size_or_error_t got;

            bring_to(&s, (enum state)state);
            got = run(&s, (enum op)op);
            cr_expect_eq(got, expected[op][state], "%s when %s: got %s (%d), want %s (%d)", op_names[op],
                         state_names[state], nsapi_error_name(got), got, nsapi_error_name(expected[op][state]),
                         expected[op][state]);
            nsapi_tcp_socket_close(&s);
        }
    }
}

Test(matrix, udp_socket)
{
    nsapi_udp_socket_t s = {0};
    char buf[16];
    nsapi_socket_address_t peer;

    nsapi_udp_socket_set_blocking(&s, false);
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "x", 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, buf, sizeof buf), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_udp_socket_send(&s, "x", 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_udp_socket_connect(&s, &fx->udp[ECHO]), NSAPI_ERROR_NO_SOCKET);
    cr_assert_eq(nsapi_udp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&s, NULL, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    cr_expect_eq(nsapi_udp_socket_send(&s, "x", 1), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_udp_socket_getpeername(&s, &peer), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_udp_socket_connect(&s, &fx->udp[DISCARD]), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_getpeername(&s, &peer), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_send(&s, "x", 1), 1);
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_sendto(&s, &fx->udp[ECHO], "x", 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_NO_SOCKET);
}

Test(matrix, tcp_server)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t connection = {0};
    nsapi_socket_address_t at = fx->local;

    nsapi_socket_address_set_port(&at, 5101);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_NO_SOCKET);
    cr_assert_eq(nsapi_tcp_server_open(&server, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_blocking(&server, false);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_PARAMETER, "not listening");
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_PARAMETER, "not bound");
    cr_assert_eq(nsapi_tcp_server_bind(&server, &at), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_OK, "listening already");
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_WOULD_BLOCK);
    {
        int idle = 5000, on = 1;

        cr_expect_eq(nsapi_tcp_server_setsockopt(&server, NSAPI_SOCKET, NSAPI_KEEPIDLE, &idle, sizeof idle),
                     NSAPI_ERROR_UNSUPPORTED, "a listening socket has no keep-alive timers");
        cr_expect_eq(nsapi_tcp_server_setsockopt(&server, NSAPI_SOCKET, NSAPI_REUSEADDR, &on, sizeof on), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_tcp_server_close(&server), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection, NULL), NSAPI_ERROR_NO_SOCKET);
}
