/* Generated from idl/stack.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* NetworkStack: each bad input the IDL documents gets the documented answer. */
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

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

/* the NetworkStack is NULL */
Test(nsapi_stack_init, null_stack)
{
    nsapi_stack_api_t api_object;
    unsigned char context_object[64];

    memset(&api_object, 0, sizeof api_object);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_init(NULL, &api_object, context_object), NSAPI_ERROR_PARAMETER);
}

/* api is NULL */
Test(nsapi_stack_init, null_api)
{
    nsapi_stack_t stack;
    unsigned char context_object[64];

    memset(&stack, 0, sizeof stack);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_init(&stack, NULL, context_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_deinit, null_stack)
{
    cr_expect_eq(nsapi_stack_deinit(NULL), NSAPI_ERROR_PARAMETER);
}

/* the NetworkStack is NULL */
Test(nsapi_stack_set_socket_limit, null_stack)
{
    cr_expect_eq(nsapi_stack_set_socket_limit(NULL, 1), NSAPI_ERROR_PARAMETER);
}

/* limit is below 1 */
Test(nsapi_stack_set_socket_limit, limit_below_min)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_set_socket_limit(&stack, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* limit is above 65535 */
Test(nsapi_stack_set_socket_limit, limit_above_max)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_set_socket_limit(&stack, 65536), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_gethostbyname, null_stack)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_stack_gethostbyname(NULL, "192.0.2.1", &address_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
}

/* host is NULL */
Test(nsapi_stack_gethostbyname, null_host)
{
    nsapi_stack_t stack;
    nsapi_socket_address_t address_object;

    memset(&stack, 0, sizeof stack);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_stack_gethostbyname(&stack, NULL, &address_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* address is NULL */
Test(nsapi_stack_gethostbyname, null_address)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_gethostbyname(&stack, "192.0.2.1", NULL, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* version is not a nsapi_version_t */
Test(nsapi_stack_gethostbyname, version_not_in_enum)
{
    nsapi_stack_t stack;
    nsapi_socket_address_t address_object;

    memset(&stack, 0, sizeof stack);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_stack_gethostbyname(&stack, "192.0.2.1", &address_object, (nsapi_version_t)3), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_gethostbyname_async, null_stack)
{
    unsigned char context_object[64];

    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_gethostbyname_async(NULL, "192.0.2.1", (nsapi_dns_cb_t)1, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
}

/* host is NULL */
Test(nsapi_stack_gethostbyname_async, null_host)
{
    nsapi_stack_t stack;
    unsigned char context_object[64];

    memset(&stack, 0, sizeof stack);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_gethostbyname_async(&stack, NULL, (nsapi_dns_cb_t)1, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* callback is NULL */
Test(nsapi_stack_gethostbyname_async, null_callback)
{
    nsapi_stack_t stack;
    unsigned char context_object[64];

    memset(&stack, 0, sizeof stack);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_gethostbyname_async(&stack, "192.0.2.1", NULL, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* version is not a nsapi_version_t */
Test(nsapi_stack_gethostbyname_async, version_not_in_enum)
{
    nsapi_stack_t stack;
    unsigned char context_object[64];

    memset(&stack, 0, sizeof stack);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_stack_gethostbyname_async(&stack, "192.0.2.1", (nsapi_dns_cb_t)1, context_object, (nsapi_version_t)3), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_gethostbyname_async_cancel, null_stack)
{
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(NULL, 1), NSAPI_ERROR_PARAMETER);
}

/* id is below 1 */
Test(nsapi_stack_gethostbyname_async_cancel, id_below_min)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(&stack, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_add_dns_server, null_stack)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_stack_add_dns_server(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_stack_add_dns_server, null_address)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_add_dns_server(&stack, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}

/* the NetworkStack is NULL */
Test(nsapi_stack_get_ip_address, null_stack)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_stack_get_ip_address(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_stack_get_ip_address, null_address)
{
    nsapi_stack_t stack;

    memset(&stack, 0, sizeof stack);
    cr_expect_eq(nsapi_stack_get_ip_address(&stack, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&stack, sizeof stack), "stack was changed");
}
