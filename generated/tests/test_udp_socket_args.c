/* Generated from idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* UDPSocket: each bad input the IDL documents gets the documented answer. */
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

/* the UDPSocket is NULL */
Test(nsapi_udp_socket_sendto, null_socket)
{
    nsapi_socket_address_t address_object;
    unsigned char data_object[64];

    memset(&address_object, 0, sizeof address_object);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_sendto(NULL, &address_object, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_udp_socket_sendto, null_address)
{
    nsapi_udp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_sendto(&socket, NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* data is NULL and size is not 0 */
Test(nsapi_udp_socket_sendto, null_data_with_size)
{
    nsapi_udp_socket_t socket;
    nsapi_socket_address_t address_object;

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_udp_socket_sendto(&socket, &address_object, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is not open */
Test(nsapi_udp_socket_sendto, not_open)
{
    nsapi_udp_socket_t socket;
    nsapi_socket_address_t address_object;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_sendto(&socket, &address_object, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is NULL */
Test(nsapi_udp_socket_recvfrom, null_socket)
{
    nsapi_socket_address_t address_object;
    unsigned char data_object[64];

    memset(&address_object, 0, sizeof address_object);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_recvfrom(NULL, &address_object, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* data is NULL and size is not 0 */
Test(nsapi_udp_socket_recvfrom, null_data_with_size)
{
    nsapi_udp_socket_t socket;
    nsapi_socket_address_t address_object;

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&socket, &address_object, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is not open */
Test(nsapi_udp_socket_recvfrom, not_open)
{
    nsapi_udp_socket_t socket;
    nsapi_socket_address_t address_object;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&socket, &address_object, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is NULL */
Test(nsapi_udp_socket_connect, null_socket)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_udp_socket_connect(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_udp_socket_connect, null_address)
{
    nsapi_udp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_udp_socket_connect(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is not open */
Test(nsapi_udp_socket_connect, not_open)
{
    nsapi_udp_socket_t socket;
    nsapi_socket_address_t address_object;

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_udp_socket_connect(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is NULL */
Test(nsapi_udp_socket_send, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_send(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* data is NULL and size is not 0 */
Test(nsapi_udp_socket_send, null_data_with_size)
{
    nsapi_udp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_udp_socket_send(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is not open */
Test(nsapi_udp_socket_send, not_open)
{
    nsapi_udp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_send(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is NULL */
Test(nsapi_udp_socket_recv, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_recv(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* data is NULL and size is not 0 */
Test(nsapi_udp_socket_recv, null_data_with_size)
{
    nsapi_udp_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_udp_socket_recv(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the UDPSocket is not open */
Test(nsapi_udp_socket_recv, not_open)
{
    nsapi_udp_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_udp_socket_recv(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}
