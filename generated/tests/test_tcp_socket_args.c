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

/* socket is NULL */
Test(nsapi_tcp_socket_open, null_socket)
{
    nsapi_stack_t stack_object;
    nsapi_tcp_socket_t socket;

    memset(&stack_object, 0, sizeof stack_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_open(NULL, &stack_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* stack is NULL */
Test(nsapi_tcp_socket_open, null_stack)
{
    nsapi_stack_t stack_object;
    nsapi_tcp_socket_t socket;

    memset(&stack_object, 0, sizeof stack_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_open(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_close, null_socket)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_close(NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_close, not_open)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_close(&socket), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_bind, null_socket)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_bind(NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* address is NULL */
Test(nsapi_tcp_socket_bind, null_address)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_bind(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_bind, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_bind(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_set_blocking, null_socket)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_set_blocking(NULL, false), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_set_timeout, null_socket)
{
    nsapi_tcp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_set_timeout(NULL, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_sigio, null_socket)
{
    nsapi_tcp_socket_t socket;
    unsigned char arg_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&arg_object, 0, sizeof arg_object);
    cr_expect_eq(nsapi_tcp_socket_sigio(NULL, NULL, arg_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_setsockopt, null_socket)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(NULL, 0, 0, optval_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* optval is NULL and optlen is not 0 */
Test(nsapi_tcp_socket_setsockopt, null_optval_with_optlen)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&socket, 0, 0, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_setsockopt, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    cr_expect_eq(nsapi_tcp_socket_setsockopt(&socket, 0, 0, optval_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_getsockopt, null_socket)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(NULL, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* optval is NULL */
Test(nsapi_tcp_socket_getsockopt, null_optval)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&socket, 0, 0, NULL, &optlen_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* optlen is NULL */
Test(nsapi_tcp_socket_getsockopt, null_optlen)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&socket, 0, 0, optval_object, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_getsockopt, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char optval_object[64];
    unsigned optlen_object;

    memset(&socket, 0, sizeof socket);
    memset(&optval_object, 0, sizeof optval_object);
    memset(&optlen_object, 0, sizeof optlen_object);
    cr_expect_eq(nsapi_tcp_socket_getsockopt(&socket, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_getpeername, null_socket)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_getpeername(NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* address is NULL */
Test(nsapi_tcp_socket_getpeername, null_address)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_getpeername(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_getpeername, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_getpeername(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_connect, null_socket)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_connect(NULL, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* address is NULL */
Test(nsapi_tcp_socket_connect, null_address)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_connect(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_connect, not_open)
{
    nsapi_socket_address_t address_object;
    nsapi_tcp_socket_t socket;

    memset(&address_object, 0, sizeof address_object);
    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tcp_socket_connect(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_send, null_socket)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_send(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* data is NULL and size is not 0 */
Test(nsapi_tcp_socket_send, null_data_with_size)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_send(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_send, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_send(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* socket is NULL */
Test(nsapi_tcp_socket_recv, null_socket)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* data is NULL and size is not 0 */
Test(nsapi_tcp_socket_recv, null_data_with_size)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* TCPSocket is not open */
Test(nsapi_tcp_socket_recv, not_open)
{
    nsapi_tcp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tcp_socket_recv(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}
