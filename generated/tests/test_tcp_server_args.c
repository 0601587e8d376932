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

/* the TCPServer is NULL */
Test(nsapi_tcp_server_listen, null_server)
{
    cr_expect_eq(nsapi_tcp_server_listen(NULL, 1), NSAPI_ERROR_PARAMETER);
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

/* the TCPServer is not open */
Test(nsapi_tcp_server_listen, not_open)
{
    nsapi_tcp_server_t server;

    memset(&server, 0, sizeof server);
    cr_expect_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* the TCPServer is NULL */
Test(nsapi_tcp_server_accept, null_server)
{
    nsapi_tcp_socket_t connection_object;
    nsapi_socket_address_t address_object;

    memset(&connection_object, 0, sizeof connection_object);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tcp_server_accept(NULL, &connection_object, &address_object), NSAPI_ERROR_PARAMETER);
}

/* connection is NULL */
Test(nsapi_tcp_server_accept, null_connection)
{
    nsapi_tcp_server_t server;
    nsapi_socket_address_t address_object;

    memset(&server, 0, sizeof server);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tcp_server_accept(&server, NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}

/* the TCPServer is not open */
Test(nsapi_tcp_server_accept, not_open)
{
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t connection_object;
    nsapi_socket_address_t address_object;

    memset(&server, 0, sizeof server);
    memset(&connection_object, 0, sizeof connection_object);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tcp_server_accept(&server, &connection_object, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&server, sizeof server), "server was changed");
}
