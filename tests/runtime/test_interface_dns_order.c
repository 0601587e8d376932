/*
 * The DNS servers a network announces are in the stack's resolver before
 * anyone learns the network is up: a blocking connect returns only once
 * they are (a program resolves a name right after connect, as the worked
 * example does), not merely before the callbacks hear of it.  The backend
 * here reports GLOBAL_UP from a thread of its own, as lwIP's does, and is
 * slow to read its server.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include "clock.h"
#include "fake_stack.h"

static pthread_t reporter;

static void *report_up(void *interface)
{
    nsapi_interface_report_status(interface, NSAPI_STATUS_GLOBAL_UP);
    return NULL;
}

static nsapi_error_t up(nsapi_interface_t *interface)
{
    return pthread_create(&reporter, NULL, report_up, interface) == 0 ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

static nsapi_error_t nothing(nsapi_interface_t *interface)
{
    (void)interface;
    return NSAPI_ERROR_OK;
}

/* One server, 192.0.2.53, read in 200 ms: long enough for a connect woken early to return first. */
static nsapi_error_t slow_dns_server(nsapi_interface_t *interface, int index, nsapi_addr_t *addr)
{
    static const uint8_t server[4] = {192, 0, 2, 53};

    (void)interface;
    if (index > 0) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    sleep_ms(200);
    addr->version = NSAPI_IPv4;
    memcpy(addr->bytes, server, sizeof server);
    return NSAPI_ERROR_OK;
}

static const nsapi_interface_api_t api = {
    .up = up, .down = nothing, .release = nothing, .get_dns_server = slow_dns_server};

Test(interface_dns_order, a_blocking_connect_returns_with_the_announced_server_in_the_resolver)
{
    struct fake_stack f;
    nsapi_interface_t net;
    nsapi_socket_address_t server;
    char text[NSAPI_IP_SIZE] = "";

    fake_init(&f);
    memset(&net, 0, sizeof net);
    memset(&server, 0, sizeof server);
    cr_assert_eq(nsapi_interface_init(&net, &api, NULL, &f.stack, "fake0", true), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&net), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_dns_server(&net, 0, &server), NSAPI_ERROR_OK,
                 "connect returned before the announced server was in the resolver");
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    cr_expect_str_eq(text, "192.0.2.53");
    pthread_join(reporter, NULL);
    cr_expect_eq(nsapi_interface_deinit(&net), NSAPI_ERROR_OK);
    fake_deinit(&f);
}
