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
static struct fixture fixtures[2];
struct fixture *fx;

static void describe(struct fixture *f, nsapi_version_t version, const char *ip)
{
    static const uint16_t ports[SERVICES] = {7, 9, 19, 13};
    int i;

    memset(f, 0, sizeof *f);
    f->stack = &stack;
    f->version = version;
    f->name = version == NSAPI_IPv4 ? "lwip-loop IPv4" : "lwip-loop IPv6";
    nsapi_socket_address_set_ip_address(&f->local, ip);
    for (i = 0; i < SERVICES; i++) {
        f->tcp[i] = f->udp[i] = f->local;
        nsapi_socket_address_set_port(&f->tcp[i], ports[i]);
        nsapi_socket_address_set_port(&f->udp[i], ports[i]);
    }
    f->udp_max = 60000;
    f->closed = f->local;
    nsapi_socket_address_set_port(&f->closed, 1);
}

void fixture_setup(void)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};

    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_loopback(&stack, IPV4, IPV6), NSAPI_ERROR_OK);
    describe(&fixtures[0], NSAPI_IPv4, IPV4);
    describe(&fixtures[1], NSAPI_IPv6, IPV6);
    fx = &fixtures[0];
    cr_assert_eq(services_start(&stack, &any, 0), 0, "services start");
}

void fixture_teardown(void)
{
    services_stop();
    cr_expect_eq(stack.sockets, 0, "every nsapi socket was closed");
    cr_expect_eq(nsapi_lwip_open_sockets(), 0, "lwIP holds no socket");
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
}

void fixture_use(nsapi_version_t version)
{
    fx = &fixtures[version == NSAPI_IPv6];
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_lwip_open_sockets();
}
