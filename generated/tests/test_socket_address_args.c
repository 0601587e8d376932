/* Generated from idl/socket_address.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* SocketAddress: each bad input the IDL documents gets the documented answer. */
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

/* the SocketAddress is NULL */
Test(nsapi_socket_address_set_ip_address, null_address)
{
    cr_expect_eq(nsapi_socket_address_set_ip_address(NULL, "192.0.2.1"), NSAPI_ERROR_PARAMETER);
}

/* text is NULL */
Test(nsapi_socket_address_set_ip_address, null_text)
{
    nsapi_socket_address_t address;

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_socket_address_set_ip_address(&address, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_set_ip_bytes, null_address)
{
    unsigned char bytes_object[64];

    memset(&bytes_object, 0, sizeof bytes_object);
    cr_expect_eq(nsapi_socket_address_set_ip_bytes(NULL, bytes_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
}

/* bytes is NULL */
Test(nsapi_socket_address_set_ip_bytes, null_bytes)
{
    nsapi_socket_address_t address;

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_socket_address_set_ip_bytes(&address, NULL, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* version is not a nsapi_version_t */
Test(nsapi_socket_address_set_ip_bytes, version_not_in_enum)
{
    nsapi_socket_address_t address;
    unsigned char bytes_object[64];

    memset(&address, 0, sizeof address);
    memset(&bytes_object, 0, sizeof bytes_object);
    cr_expect_eq(nsapi_socket_address_set_ip_bytes(&address, bytes_object, (nsapi_version_t)3), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_set_addr, null_address)
{
    nsapi_addr_t addr_object;

    memset(&addr_object, 0, sizeof addr_object);
    cr_expect_eq(nsapi_socket_address_set_addr(NULL, &addr_object), NSAPI_ERROR_PARAMETER);
}

/* addr is NULL */
Test(nsapi_socket_address_set_addr, null_addr)
{
    nsapi_socket_address_t address;

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_socket_address_set_addr(&address, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_set_port, null_address)
{
    cr_expect_eq(nsapi_socket_address_set_port(NULL, 0), NSAPI_ERROR_PARAMETER);
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_get_ip_address, null_address)
{
    char buffer_object[64];

    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_socket_address_get_ip_address(NULL, buffer_object, 1), NSAPI_ERROR_PARAMETER);
}

/* buffer is NULL */
Test(nsapi_socket_address_get_ip_address, null_buffer)
{
    nsapi_socket_address_t address;

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_socket_address_get_ip_address(&address, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* size is below 1 */
Test(nsapi_socket_address_get_ip_address, size_below_min)
{
    nsapi_socket_address_t address;
    char buffer_object[64];

    memset(&address, 0, sizeof address);
    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_socket_address_get_ip_address(&address, buffer_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_get_ip_bytes, null_address)
{
    cr_expect_eq(nsapi_socket_address_get_ip_bytes(NULL), NULL);
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_get_ip_version, null_address)
{
    cr_expect_eq(nsapi_socket_address_get_ip_version(NULL), NSAPI_UNSPEC);
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_get_addr, null_address)
{
    {
        const nsapi_addr_t got = nsapi_socket_address_get_addr(NULL);
        const nsapi_addr_t want = {NSAPI_UNSPEC, {0}};
        cr_expect(memcmp(&got, &want, sizeof got) == 0);
    }
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_get_port, null_address)
{
    cr_expect_eq(nsapi_socket_address_get_port(NULL), 0);
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_is_nonzero, null_address)
{
    cr_expect_eq(nsapi_socket_address_is_nonzero(NULL), false);
}

/* the SocketAddress is NULL */
Test(nsapi_socket_address_equals, null_address)
{
    nsapi_socket_address_t other_object;

    memset(&other_object, 0, sizeof other_object);
    cr_expect_eq(nsapi_socket_address_equals(NULL, &other_object), false);
}

/* other is NULL */
Test(nsapi_socket_address_equals, null_other)
{
    nsapi_socket_address_t address;

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_socket_address_equals(&address, NULL), false);
    cr_expect(is_zero(&address, sizeof address), "address was changed");
}
