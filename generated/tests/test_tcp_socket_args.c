/* Generated from idl/tcp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TCPSocket: each bad input the IDL documents gets the documented answer. */
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

/* the TCPSocket is NULL */
Test(nsapi_tcp_socket_connect, null_socket)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tcp_socket_connect(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_tcp_socket_connect, null_address)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_connect(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TCPSocket is not open */
Test(nsapi_tcp_socket_connect, not_open)
{
    nsapi_tcp_socket_t socket;
    nsapi_socket_address_t address_object;

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tcp_socket_connect(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TCPSocket is NULL */
Test(nsapi_tcp_socket_send, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_send(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* data is NULL and size is not 0 */
Test(nsapi_tcp_socket_send, null_data_with_size)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_send(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TCPSocket is not open */
Test(nsapi_tcp_socket_send, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_send(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TCPSocket is NULL */
Test(nsapi_tcp_socket_recv, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(NULL, data_object, 1), NSAPI_ERROR_PARAMETER);
}

/* data is NULL */
Test(nsapi_tcp_socket_recv, null_data)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_recv(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* size is below 1 */
Test(nsapi_tcp_socket_recv, size_below_min)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(&socket, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TCPSocket is not open */
Test(nsapi_tcp_socket_recv, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(&socket, data_object, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}
