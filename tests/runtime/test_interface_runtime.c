/*
 * runtime/interface.c over a scripted interface backend: what a blocking connect promises its caller
 * when it returns.  The backend reports GLOBAL_UP from a thread of its own, as a real one does, and
 * answers the DNS server question slowly, as one that takes its stack's lock may.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "fake_stack.h"
#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

static struct fake_stack fake;
static nsapi_interface_t interface;
static pthread_t reporter;
static int reporting;

static void *report_up(void *arg)
{
    (void)nsapi_interface_report_status(arg, NSAPI_STATUS_GLOBAL_UP);
    return NULL;
}

static nsapi_error_t up(nsapi_interface_t *i)
{
    reporting = pthread_create(&reporter, NULL, report_up, i) == 0;
    return reporting ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

static nsapi_error_t down(nsapi_interface_t *i)
{
    (void)i;
    if (reporting) {
        pthread_join(reporter, NULL);
        reporting = 0;
    }
    return NSAPI_ERROR_OK;
}

static nsapi_error_t release(nsapi_interface_t *i)
{
    (void)i;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t get_address(nsapi_interface_t *i, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    (void)i;
    (void)kind;
    (void)addr;
    return NSAPI_ERROR_NO_ADDRESS;
}

/* One server, 192.0.2.53, told after 100 ms. */
static nsapi_error_t get_dns_server(nsapi_interface_t *i, int index, nsapi_addr_t *addr)
{
    static const uint8_t server[4] = {192, 0, 2, 53};
    struct timespec slow = {0, 100 * 1000000L};

    (void)i;
    if (index != 0) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    nanosleep(&slow, NULL);
    memset(addr, 0, sizeof *addr);
    addr->version = NSAPI_IPv4;
    memcpy(addr->bytes, server, sizeof server);
    return NSAPI_ERROR_OK;
}

static const nsapi_interface_api_t api = {
    .up = up, .down = down, .release = release, .get_address = get_address, .get_dns_server = get_dns_server};

static void setup(void)
{
    fake_init(&fake);
    memset(&interface, 0, sizeof interface);
    cr_assert_eq(nsapi_interface_init(&interface, &api, NULL, &fake.stack, "fake0", true), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_timeout(&interface, 5000), NSAPI_ERROR_OK);
}

static void teardown(void)
{
    cr_expect_eq(nsapi_interface_deinit(&interface), NSAPI_ERROR_OK);
    fake_deinit(&fake);
}

TestSuite(interface_runtime, .init = setup, .fini = teardown, .timeout = 10);

Test(interface_runtime, a_blocking_connect_returns_with_the_networks_dns_servers_known)
{
    nsapi_socket_address_t server;
    char text[NSAPI_IP_SIZE];

    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    memset(&server, 0, sizeof server);
    /* The caller may resolve a name at once: the server must be the resolver's already. */
    cr_assert_eq(nsapi_interface_get_dns_server(&interface, 0, &server), NSAPI_ERROR_OK);
    cr_assert_gt(nsapi_socket_address_get_ip_address(&server, text, sizeof text), 0);
    cr_expect_str_eq(text, "192.0.2.53");
}
