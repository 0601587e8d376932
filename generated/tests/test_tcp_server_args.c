/* Generated from idl/tcp_server.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TCPServer: each bad input the IDL documents gets the documented answer. */
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/nsapi.h"

/* Rejected calls leave the object as it was: zero-filled. */
static int is_zero(const void *object, size_t size)
{
    const unsigned char *bytes = object;
    size_t i;

    for (i = 0; i < size; i++) {
        if (bytes[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* server is NULL */
Test(nsapi_tcp_server_open, null_server)
{
    nsapi_stack_t stack_object;
    nsapi_tcp_server_t server;

    memset(&stack_object, 0, sizeof stack_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_open(NULL, &stack_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* stack is NULL */
Test(nsapi_tcp_server_open, null_stack)
{
    nsapi_stack_t stack_object;
    nsapi_tcp_server_t server;

    memset(&stack_object, 0, sizeof stack_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_open(&server, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_close, null_server)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_close(NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_close, not_open)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_close(&server), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_bind, null_server)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_bind(NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* address is NULL */
Test(nsapi_tcp_server_bind, null_address)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_bind(&server, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_bind, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_bind(&server, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_set_blocking, null_server)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_set_blocking(NULL, false), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_set_timeout, null_server)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_set_timeout(NULL, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_sigio, null_server)
{
    nsapi_tcp_server_t server;
    unsigned char arg_object[64];

    memset(&server, 0, sizeof server);
    memset(&arg_object, 0, sizeof arg_object);
    cr_expect_eq(nsapi_tcp_server_sigio(NULL, NULL, arg_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_setsockopt, null_server)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_server_setsockopt(NULL, 0, 0, optval_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* optval is NULL and optlen is not 0 */
Test(nsapi_tcp_server_setsockopt, null_optval_with_optlen)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_server_setsockopt(&server, 0, 0, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_setsockopt, not_open)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_server_setsockopt(&server, 0, 0, optval_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_getsockopt, null_server)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_server_getsockopt(NULL, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* optval is NULL */
Test(nsapi_tcp_server_getsockopt, null_optval)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_server_getsockopt(&server, 0, 0, NULL, &optlen_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* optlen is NULL */
Test(nsapi_tcp_server_getsockopt, null_optlen)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_server_getsockopt(&server, 0, 0, optval_object, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_getsockopt, not_open)
{
    nsapi_tcp_server_t server;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&server, 0, sizeof server);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_server_getsockopt(&server, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_getpeername, null_server)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_getpeername(NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* address is NULL */
Test(nsapi_tcp_server_getpeername, null_address)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_getpeername(&server, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_getpeername, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_getpeername(&server, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_listen, null_server)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_listen(NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* backlog is below 1 */
Test(nsapi_tcp_server_listen, backlog_below_min)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* backlog is above 255 */
Test(nsapi_tcp_server_listen, backlog_above_max)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 256), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_listen, not_open)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* server is NULL */
Test(nsapi_tcp_server_accept, null_server)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t connection_object;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    memset(&connection_object, 0, sizeof connection_object);
    cr_expect_eq(nsapi_tcp_server_accept(NULL, &connection_object, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* connection is NULL */
Test(nsapi_tcp_server_accept, null_connection)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t connection_object;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    memset(&connection_object, 0, sizeof connection_object);
    cr_expect_eq(nsapi_tcp_server_accept(&server, NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* TCPServer is not open */
Test(nsapi_tcp_server_accept, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t connection_object;

    memset(&address_object, 0, sizeof address_object);
    memset(&server, 0, sizeof server);
    memset(&connection_object, 0, sizeof connection_object);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection_object, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}
