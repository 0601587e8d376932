/*
 * Conformance fixture: lwIP with the in-process loopback netif.  The peers
 * are the project's own services (services.c) on the same stack, bound to
 * every address so that IPv4 and IPv6 cases share them.
 */
#include <criterion/criterion.h>

#include "fixture.h"
#include "nsapi/lwip.h"
#include "services.h"

#define IPV4 "10.0.0.1"
#define IPV6 "fd00::1"

static nsapi_stack_t stack;

void fixture_setup(void)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};

    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_loopback(&stack, IPV4, IPV6), NSAPI_ERROR_OK);
    fixture_describe(&stack, NSAPI_IPv4, "lwip-loop IPv4", IPV4, IPV4);
    fixture_describe(&stack, NSAPI_IPv6, "lwip-loop IPv6", IPV6, IPV6);
    cr_assert_eq(services_start(&stack, &any, 0), 0, "services start");
}

void fixture_teardown(void)
{
    services_stop();
    cr_expect_eq(stack.sockets, 0, "every nsapi socket was closed");
    cr_expect_eq(nsapi_lwip_open_sockets(&stack), 0, "lwIP holds no socket");
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_lwip_open_sockets(&stack);
}
