/*
 * runtime/interface.c alone, over a scripted interface backend: the status
 * and its events (order, once each, never re-entered), blocking connect and
 * how it ends, disconnect meanwhile, the DNS servers a network announces,
 * listeners, and the checks the runtime makes beyond the generated ones.
 */
#include <pthread.h>
#include <string.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "fake_stack.h"
#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

#define EVENTS 32

/* The scripted backend: what up does, what it has, and what was asked of it. */
static struct backend {
    nsapi_error_t up_result;
    int report_on_up;                 /* a status up reports itself, or -1 */
    int up_calls, down_calls, release_calls, set_network_calls;
    nsapi_addr_t ipv4, ipv6_global, dns[2];
    nsapi_addr_t last_ip, last_mask, last_gateway;
    uint8_t mac[NSAPI_MAC_BYTES];
} be;

/* What the callbacks saw, in order. */
static struct seen {
    pthread_mutex_t lock;
    int statuses[EVENTS];
    int who[EVENTS]; /* 0: attach's callback, 1, 2: listeners */
    int count;
    int depth, deepest;
} seen = {.lock = PTHREAD_MUTEX_INITIALIZER};

static struct fake_stack fs;
static nsapi_interface_t iface;

static nsapi_error_t op_up(nsapi_interface_t *interface)
{
    be.up_calls++;
    if (be.up_result == NSAPI_ERROR_OK && be.report_on_up >= 0) {
        nsapi_interface_report_status(interface, (nsapi_connection_status_t)be.report_on_up);
    }
    return be.up_result;
}

static nsapi_error_t op_down(nsapi_interface_t *interface)
{
    (void)interface;
    be.down_calls++;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t op_release(nsapi_interface_t *interface)
{
    (void)interface;
    be.release_calls++;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t op_get_address(nsapi_interface_t *interface, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    (void)interface;
    if (kind == NSAPI_ADDRESS_IPv4 && be.ipv4.version != NSAPI_UNSPEC) {
        *addr = be.ipv4;
        return NSAPI_ERROR_OK;
    }
    if (kind == NSAPI_ADDRESS_IPv6_GLOBAL && be.ipv6_global.version != NSAPI_UNSPEC) {
        *addr = be.ipv6_global;
        return NSAPI_ERROR_OK;
    }
    return NSAPI_ERROR_NO_ADDRESS;
}

static nsapi_error_t op_get_dns_server(nsapi_interface_t *interface, int index, nsapi_addr_t *addr)
{
    (void)interface;
    if (index < 2 && be.dns[index].version != NSAPI_UNSPEC) {
        *addr = be.dns[index];
        return NSAPI_ERROR_OK;
    }
    return NSAPI_ERROR_NO_ADDRESS;
}

static nsapi_error_t op_set_network(nsapi_interface_t *interface, const nsapi_addr_t *ip, const nsapi_addr_t *netmask,
                                    const nsapi_addr_t *gateway)
{
    (void)interface;
    be.set_network_calls++;
    be.last_ip = *ip, be.last_mask = *netmask, be.last_gateway = *gateway;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t op_set_dhcp(nsapi_interface_t *interface, bool dhcp)
{
    (void)interface, (void)dhcp;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t op_get_mac(nsapi_interface_t *interface, uint8_t *mac)
{
    (void)interface;
    memcpy(mac, be.mac, sizeof be.mac);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t op_set_mac(nsapi_interface_t *interface, const uint8_t *mac)
{
    (void)interface;
    memcpy(be.mac, mac, sizeof be.mac);
    return NSAPI_ERROR_OK;
}

static const nsapi_interface_api_t full_api = {
    .up = op_up, .down = op_down, .release = op_release, .get_address = op_get_address,
    .get_dns_server = op_get_dns_server, .set_network = op_set_network, .set_dhcp = op_set_dhcp,
    .get_mac_address = op_get_mac, .set_mac_address = op_set_mac,
};

/* What an OS-owned interface offers: no addresses of the program's, no DHCP, no MAC changes. */
static const nsapi_interface_api_t os_api = {
    .up = op_up, .down = op_down, .release = op_release, .get_address = op_get_address,
};

static void record(int who, nsapi_event_t event, intptr_t argument)
{
    cr_assert_eq(event, NSAPI_EVENT_CONNECTION_STATUS_CHANGE);
    pthread_mutex_lock(&seen.lock);
    if (seen.count < EVENTS) {
        seen.statuses[seen.count] = (int)argument;
        seen.who[seen.count] = who;
        seen.count++;
    }
    pthread_mutex_unlock(&seen.lock);
}

static void attached_cb(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)context;
    record(0, event, argument);
}

static void listener_cb(nsapi_event_t event, intptr_t argument, void *context)
{
    record((int)(intptr_t)context, event, argument);
}

static void setup(void)
{
    memset(&be, 0, sizeof be);
    be.report_on_up = -1;
    be.mac[0] = 0x02, be.mac[5] = 0x01;
    seen.count = seen.depth = seen.deepest = 0;
    fake_init(&fs);
    memset(&iface, 0, sizeof iface);
    cr_assert_eq(nsapi_interface_init(&iface, &full_api, &be, &fs.stack, "fake0", true), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_attach(&iface, attached_cb, NULL), NSAPI_ERROR_OK);
}

static void teardown(void)
{
    if (iface.api != NULL) {
        cr_expect_eq(nsapi_interface_deinit(&iface), NSAPI_ERROR_OK);
    }
    fake_deinit(&fs);
}

TestSuite(interface_runtime, .init = setup, .fini = teardown, .timeout = 20);

static nsapi_addr_t v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
    nsapi_addr_t addr = {NSAPI_IPv4, {a, b, c, d}};
    return addr;
}

/* The events seen, as attach's callback saw them. */
static void expect_events(const int *statuses, int count)
{
    int n = 0, i;

    pthread_mutex_lock(&seen.lock);
    for (i = 0; i < seen.count; i++) {
        if (seen.who[i] == 0) {
            cr_expect(n < count, "event %d (status %d) beyond the %d expected", n, seen.statuses[i], count);
            if (n < count) {
                cr_expect_eq(seen.statuses[i], statuses[n], "event %d is status %d, not %d", n, seen.statuses[i],
                             statuses[n]);
            }
            n++;
        }
    }
    pthread_mutex_unlock(&seen.lock);
    cr_expect_eq(n, count, "%d events, not %d", n, count);
}

struct later {
    pthread_t thread;
    int delay_ms;
    int status;     /* to report, or -1 */
    int disconnect; /* or disconnect */
    nsapi_error_t result;
};

static void *later_run(void *arg)
{
    struct later *l = arg;

    sleep_ms(l->delay_ms);
    l->result = l->disconnect ? nsapi_interface_disconnect(&iface)
                              : nsapi_interface_report_status(&iface, (nsapi_connection_status_t)l->status);
    return NULL;
}

static void start_later(struct later *l)
{
    cr_assert_eq(pthread_create(&l->thread, NULL, later_run, l), 0);
}

Test(interface_runtime, made_down_with_its_stack_and_name)
{
    char name[NSAPI_INTERFACE_NAME_SIZE];

    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(nsapi_interface_get_stack(&iface), &fs.stack);
    cr_expect_eq(nsapi_interface_get_interface_name(&iface, name, sizeof name), NSAPI_ERROR_OK);
    cr_expect_str_eq(name, "fake0");
    cr_expect_eq(nsapi_interface_get_interface_name(&iface, name, 5), NSAPI_ERROR_PARAMETER, "no room for the NUL");
    cr_expect_eq(nsapi_interface_init(&iface, &full_api, NULL, &fs.stack, "again", true), NSAPI_ERROR_PARAMETER);
}

Test(interface_runtime, init_rejects_bad_names_and_stacks)
{
    nsapi_interface_t other;
    nsapi_stack_t idle;

    memset(&other, 0, sizeof other);
    memset(&idle, 0, sizeof idle);
    cr_expect_eq(nsapi_interface_init(&other, &full_api, NULL, &fs.stack, "", true), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_init(&other, &full_api, NULL, &fs.stack, "sixteen-letters!", true),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_init(&other, &full_api, NULL, &idle, "x", true), NSAPI_ERROR_PARAMETER,
                 "a stack no backend made");
    cr_expect_eq(nsapi_interface_get_connection_status(&other), NSAPI_STATUS_ERROR_UNSUPPORTED);
    cr_expect_null(nsapi_interface_get_stack(&other));
    cr_expect_eq(nsapi_interface_connect(&other), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_deinit(&other), NSAPI_ERROR_PARAMETER);
}

static void lookup_cb(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context)
{
    (void)result, (void)address, (void)context;
    cr_expect_fail("no lookup runs on an object that was not initialised");
}

/* The generated checks alone refuse an object not initialised (the runtime no longer looks): every function. */
Test(interface_runtime, every_function_refuses_an_interface_not_initialised)
{
    static const uint8_t mac[NSAPI_MAC_BYTES] = {0x02, 0, 0, 0, 0, 1};
    nsapi_interface_t other;
    nsapi_socket_address_t address;
    char buffer[NSAPI_MAC_SIZE + NSAPI_INTERFACE_NAME_SIZE];

    memset(&other, 0, sizeof other);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&address, "192.0.2.1"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_report_status(&other, NSAPI_STATUS_GLOBAL_UP), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_disconnect(&other), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_blocking(&other, false), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_timeout(&other, 1000), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_network(&other, &address, NULL, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_dhcp(&other, false), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_attach(&other, listener_cb, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_add_event_listener(&other, listener_cb, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_remove_event_listener(&other, listener_cb, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_ip_address(&other, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_ipv6_link_local_address(&other, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_netmask(&other, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_gateway(&other, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_mac_address(&other, buffer, sizeof buffer), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_mac_address(&other, mac, sizeof mac), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_interface_name(&other, buffer, sizeof buffer), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_gethostbyname(&other, "example.com", &address, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_gethostbyname_async(&other, "example.com", lookup_cb, NULL, NSAPI_UNSPEC),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_gethostbyname_async_cancel(&other, 1), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_add_dns_server(&other, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_get_dns_server(&other, 0, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(be.up_calls + be.down_calls + be.set_network_calls, 0, "the backend was never asked");
}

Test(interface_runtime, every_function_refuses_a_stack_not_initialised)
{
    nsapi_stack_t idle;
    nsapi_socket_address_t address;

    memset(&idle, 0, sizeof idle);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&address, "192.0.2.53"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_stack_deinit(&idle), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_set_socket_limit(&idle, 4), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_gethostbyname(&idle, "192.0.2.1", &address, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER,
                 "even an address that needs no lookup");
    cr_expect_eq(nsapi_stack_gethostbyname_async(&idle, "example.com", lookup_cb, NULL, NSAPI_UNSPEC),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(&idle, 1), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_add_dns_server(&idle, &address), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_get_ip_address(&idle, &address), NSAPI_ERROR_PARAMETER);
}

Test(interface_runtime, blocking_connect_returns_at_global_up_with_events_in_order)
{
    struct later up = {.delay_ms = 50, .status = NSAPI_STATUS_GLOBAL_UP};
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_LOCAL_UP, NSAPI_STATUS_GLOBAL_UP};

    be.report_on_up = NSAPI_STATUS_LOCAL_UP;
    cr_assert_eq(nsapi_interface_add_event_listener(&iface, listener_cb, (void *)1), NSAPI_ERROR_OK);
    start_later(&up);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    pthread_join(up.thread, NULL);
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_GLOBAL_UP);
    expect_events(want, 3);
    /* attach's callback first, then the listener, for each event */
    cr_expect_eq(seen.count, 6);
    cr_expect(seen.who[0] == 0 && seen.who[1] == 1 && seen.who[4] == 0 && seen.who[5] == 1);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(be.up_calls, 1);
}

Test(interface_runtime, non_blocking_connect_returns_at_once_then_busy)
{
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_GLOBAL_UP, NSAPI_STATUS_DISCONNECTED};

    cr_assert_eq(nsapi_interface_set_blocking(&iface, false), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_CONNECTING);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_BUSY);
    cr_expect_eq(nsapi_interface_report_status(&iface, NSAPI_STATUS_GLOBAL_UP), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_report_status(&iface, NSAPI_STATUS_GLOBAL_UP), NSAPI_ERROR_OK, "a repeat, no event");
    cr_expect_eq(nsapi_interface_disconnect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_disconnect(&iface), NSAPI_ERROR_NO_CONNECTION);
    expect_events(want, 3);
    cr_expect_eq(be.down_calls, 1);
}

Test(interface_runtime, reports_while_down_are_ignored)
{
    cr_expect_eq(nsapi_interface_report_status(&iface, NSAPI_STATUS_GLOBAL_UP), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(nsapi_interface_report_status(&iface, NSAPI_STATUS_ERROR_UNSUPPORTED), NSAPI_ERROR_PARAMETER);
    expect_events(NULL, 0);
}

Test(interface_runtime, timeout_with_dhcp_is_a_dhcp_failure_and_leaves_it_down)
{
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_DISCONNECTED};

    cr_assert_eq(nsapi_interface_set_timeout(&iface, 100), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_DHCP_FAILURE);
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(be.down_calls, 1);
    expect_events(want, 2);
    cr_expect_eq(nsapi_interface_disconnect(&iface), NSAPI_ERROR_NO_CONNECTION);
}

Test(interface_runtime, timeout_with_a_local_address_only_is_a_dhcp_failure)
{
    be.report_on_up = NSAPI_STATUS_LOCAL_UP;
    cr_assert_eq(nsapi_interface_set_timeout(&iface, 100), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_DHCP_FAILURE);
}

Test(interface_runtime, timeout_without_dhcp_or_with_the_link_down_is_no_connection)
{
    cr_assert_eq(nsapi_interface_set_dhcp(&iface, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_timeout(&iface, 100), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_NO_CONNECTION);
    cr_assert_eq(nsapi_interface_set_dhcp(&iface, true), NSAPI_ERROR_OK);
    be.report_on_up = NSAPI_STATUS_DISCONNECTED; /* the link is down */
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(be.down_calls, 2);
}

Test(interface_runtime, disconnect_ends_a_waiting_connect)
{
    struct later stop = {.delay_ms = 50, .disconnect = 1};

    start_later(&stop);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_NO_CONNECTION);
    pthread_join(stop.thread, NULL);
    cr_expect_eq(stop.result, NSAPI_ERROR_OK);
    cr_expect_eq(be.down_calls, 1, "taken down once, by disconnect");
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
}

Test(interface_runtime, up_failing_is_returned_and_leaves_it_down)
{
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_DISCONNECTED};

    be.up_result = NSAPI_ERROR_DEVICE_ERROR;
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
    expect_events(want, 2);
    cr_expect_eq(nsapi_interface_disconnect(&iface), NSAPI_ERROR_NO_CONNECTION);
}

/* Checks, from inside the GLOBAL_UP event, that the announced servers are in the resolver already. */
static nsapi_socket_address_t dns_seen;

static void dns_cb(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)event, (void)context;
    if (argument == NSAPI_STATUS_GLOBAL_UP) {
        nsapi_interface_get_dns_server(&iface, 0, &dns_seen);
    }
}

Test(interface_runtime, announced_dns_servers_reach_the_resolver_before_the_event)
{
    nsapi_socket_address_t server;
    char text[NSAPI_IP_SIZE];

    be.dns[0] = v4(192, 0, 2, 53), be.dns[1] = v4(192, 0, 2, 54);
    be.report_on_up = NSAPI_STATUS_GLOBAL_UP;
    memset(&dns_seen, 0, sizeof dns_seen);
    cr_assert_eq(nsapi_interface_attach(&iface, dns_cb, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_dns_server(&iface, 0, &server), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_socket_address_get_ip_address(&dns_seen, text, sizeof text), 10);
    cr_expect_str_eq(text, "192.0.2.53");
    cr_expect_eq(nsapi_interface_get_dns_server(&iface, 1, &server), NSAPI_ERROR_OK);
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    cr_expect_str_eq(text, "192.0.2.54");
    cr_expect_eq(nsapi_socket_address_get_port(&server), 53);
    cr_expect_eq(nsapi_interface_get_dns_server(&iface, 2, &server), NSAPI_ERROR_NO_ADDRESS);
}

Test(interface_runtime, listeners_are_kept_once_and_bounded)
{
    int i;

    cr_expect_eq(nsapi_interface_add_event_listener(&iface, listener_cb, (void *)1), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_add_event_listener(&iface, listener_cb, (void *)1), NSAPI_ERROR_OK, "there already");
    for (i = 2; i < NSAPI_INTERFACE_LISTENERS; i++) {
        cr_expect_eq(nsapi_interface_add_event_listener(&iface, listener_cb, (void *)(intptr_t)i), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_interface_add_event_listener(&iface, listener_cb, (void *)99), NSAPI_ERROR_NO_MEMORY);
    cr_expect_eq(nsapi_interface_remove_event_listener(&iface, listener_cb, (void *)99), NSAPI_ERROR_NO_ADDRESS);
    for (i = 1; i < NSAPI_INTERFACE_LISTENERS; i++) {
        cr_expect_eq(nsapi_interface_remove_event_listener(&iface, listener_cb, (void *)(intptr_t)i), NSAPI_ERROR_OK);
    }
    cr_assert_eq(nsapi_interface_set_blocking(&iface, false), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(seen.count, 1, "attach's callback alone: the listeners were removed");
    cr_expect_eq(nsapi_interface_attach(&iface, NULL, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_disconnect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(seen.count, 1, "attach(NULL) removed the callback");
}

/* A callback that reports two more changes and calls the interface back, from inside its event. */
static void reentrant_cb(nsapi_event_t event, intptr_t argument, void *context)
{
    nsapi_socket_address_t address;

    (void)context;
    pthread_mutex_lock(&seen.lock);
    seen.depth++;
    if (seen.depth > seen.deepest) {
        seen.deepest = seen.depth;
    }
    pthread_mutex_unlock(&seen.lock);
    record(0, event, argument);
    if (argument == NSAPI_STATUS_CONNECTING) {
        nsapi_interface_report_status(&iface, NSAPI_STATUS_LOCAL_UP);
        nsapi_interface_report_status(&iface, NSAPI_STATUS_GLOBAL_UP);
        cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_GLOBAL_UP);
        cr_expect_eq(nsapi_interface_get_ip_address(&iface, &address), NSAPI_ERROR_NO_ADDRESS);
        cr_expect_eq(nsapi_interface_deinit(&iface), NSAPI_ERROR_BUSY, "not from its own callback");
    }
    pthread_mutex_lock(&seen.lock);
    seen.depth--;
    pthread_mutex_unlock(&seen.lock);
}

Test(interface_runtime, changes_made_in_a_callback_come_after_it_in_order)
{
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_LOCAL_UP, NSAPI_STATUS_GLOBAL_UP};

    cr_assert_eq(nsapi_interface_attach(&iface, reentrant_cb, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK, "GLOBAL_UP came during the CONNECTING event");
    expect_events(want, 3);
    cr_expect_eq(seen.deepest, 1, "a callback is never re-entered");
}

Test(interface_runtime, set_network_checks_and_converts)
{
    nsapi_socket_address_t ip, mask, gateway, six;

    memset(&ip, 0, sizeof ip), memset(&mask, 0, sizeof mask), memset(&gateway, 0, sizeof gateway);
    memset(&six, 0, sizeof six);
    nsapi_socket_address_set_ip_address(&ip, "192.0.2.7");
    nsapi_socket_address_set_ip_address(&six, "2001:db8::7");
    nsapi_socket_address_set_ip_address(&mask, "255.0.255.0");
    cr_expect_eq(nsapi_interface_set_network(&iface, &ip, &mask, NULL), NSAPI_ERROR_PARAMETER, "not a prefix");
    cr_expect_eq(nsapi_interface_set_network(&iface, &ip, &six, NULL), NSAPI_ERROR_PARAMETER, "an IPv6 netmask");
    cr_expect_eq(nsapi_interface_set_network(&iface, &ip, NULL, &six), NSAPI_ERROR_PARAMETER, "an IPv6 gateway");
    cr_expect_eq(nsapi_interface_set_network(&iface, &gateway, NULL, NULL), NSAPI_ERROR_PARAMETER, "no address");
    cr_expect_eq(be.set_network_calls, 0);
    nsapi_socket_address_set_ip_address(&mask, "255.255.255.240");
    nsapi_socket_address_set_ip_address(&gateway, "192.0.2.1");
    cr_expect_eq(nsapi_interface_set_network(&iface, &ip, &mask, &gateway), NSAPI_ERROR_OK);
    cr_expect_eq(be.last_mask.bytes[3], 240);
    cr_expect_eq(be.last_gateway.bytes[3], 1);
    cr_expect_eq(nsapi_interface_set_network(&iface, &six, NULL, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(be.last_mask.version, NSAPI_UNSPEC, "none given");
    nsapi_socket_address_set_ip_address(&mask, "0.0.0.0");
    cr_expect_eq(nsapi_interface_set_network(&iface, &ip, &mask, NULL), NSAPI_ERROR_OK, "/0 is a prefix");
}

Test(interface_runtime, mac_address_text_and_changes)
{
    static const uint8_t multicast[NSAPI_MAC_BYTES] = {0x01, 0, 0, 0, 0, 1}, zero[NSAPI_MAC_BYTES];
    static const uint8_t good[NSAPI_MAC_BYTES] = {0x02, 0xab, 0xcd, 0xef, 0x01, 0x23};
    char text[NSAPI_MAC_SIZE];

    cr_expect_eq(nsapi_interface_set_mac_address(&iface, multicast, 6), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_mac_address(&iface, zero, 6), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_interface_set_mac_address(&iface, good, 6), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_mac_address(&iface, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, "02:ab:cd:ef:01:23");
    cr_assert_eq(nsapi_interface_set_blocking(&iface, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_set_mac_address(&iface, good, 6), NSAPI_ERROR_BUSY, "while coming up");
}

Test(interface_runtime, addresses_prefer_ipv4_then_a_global_ipv6)
{
    nsapi_socket_address_t address;
    char text[NSAPI_IP_SIZE];

    cr_expect_eq(nsapi_interface_get_ip_address(&iface, &address), NSAPI_ERROR_NO_ADDRESS);
    be.ipv6_global.version = NSAPI_IPv6;
    be.ipv6_global.bytes[0] = 0x20, be.ipv6_global.bytes[1] = 0x01, be.ipv6_global.bytes[15] = 9;
    cr_expect_eq(nsapi_interface_get_ip_address(&iface, &address), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_socket_address_get_ip_version(&address), NSAPI_IPv6);
    be.ipv4 = v4(192, 0, 2, 9);
    cr_expect_eq(nsapi_interface_get_ip_address(&iface, &address), NSAPI_ERROR_OK);
    nsapi_socket_address_get_ip_address(&address, text, sizeof text);
    cr_expect_str_eq(text, "192.0.2.9");
    cr_expect_eq(nsapi_interface_get_gateway(&iface, &address), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_interface_get_ipv6_link_local_address(&iface, &address), NSAPI_ERROR_NO_ADDRESS);
}

Test(interface_runtime, an_os_owned_interface_refuses_what_the_os_owns)
{
    nsapi_interface_t os;
    nsapi_socket_address_t ip;
    static const uint8_t good[NSAPI_MAC_BYTES] = {0x02, 0, 0, 0, 0, 1};
    char text[NSAPI_MAC_SIZE];

    memset(&os, 0, sizeof os);
    memset(&ip, 0, sizeof ip);
    nsapi_socket_address_set_ip_address(&ip, "192.0.2.7");
    cr_assert_eq(nsapi_interface_init(&os, &os_api, NULL, &fs.stack, "eth0", false), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_set_network(&os, &ip, NULL, NULL), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_dhcp(&os, true), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(os.dhcp, 0, "the choice was not kept");
    cr_expect_eq(nsapi_interface_set_mac_address(&os, good, 6), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_get_mac_address(&os, text, sizeof text), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_deinit(&os), NSAPI_ERROR_OK);
}

Test(interface_runtime, deinit_takes_it_down_and_releases)
{
    be.report_on_up = NSAPI_STATUS_GLOBAL_UP;
    cr_assert_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_deinit(&iface), NSAPI_ERROR_OK);
    cr_expect_eq(be.down_calls, 1);
    cr_expect_eq(be.release_calls, 1);
    cr_expect_null(iface.api);
}

Test(interface_runtime, names_go_to_the_stack)
{
    nsapi_socket_address_t address;
    char text[NSAPI_IP_SIZE];

    memset(&address, 0, sizeof address);
    cr_expect_eq(nsapi_interface_gethostbyname(&iface, "192.0.2.5", &address, NSAPI_UNSPEC), NSAPI_ERROR_OK);
    nsapi_socket_address_get_ip_address(&address, text, sizeof text);
    cr_expect_str_eq(text, "192.0.2.5");
    nsapi_socket_address_set_ip_address(&address, "192.0.2.53");
    cr_expect_eq(nsapi_interface_add_dns_server(&iface, &address), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_dns_server(&iface, 0, &address), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_socket_address_get_port(&address), 53);
}

/* Disconnects from inside the LOCAL_UP event, which the backend reports from inside its up. */
static void disconnecting_cb(nsapi_event_t event, intptr_t argument, void *context)
{
    record(0, event, argument);
    if (argument == NSAPI_STATUS_LOCAL_UP) {
        *(nsapi_error_t *)context = nsapi_interface_disconnect(&iface);
    }
}

Test(interface_runtime, a_callback_may_disconnect_while_up_runs)
{
    static const int want[] = {NSAPI_STATUS_CONNECTING, NSAPI_STATUS_LOCAL_UP, NSAPI_STATUS_DISCONNECTED};
    nsapi_error_t inner = 1;

    be.report_on_up = NSAPI_STATUS_LOCAL_UP;
    cr_assert_eq(nsapi_interface_attach(&iface, disconnecting_cb, &inner), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&iface), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(inner, NSAPI_ERROR_OK);
    cr_expect_eq(be.down_calls, 1, "down ran once, after up returned");
    cr_expect_eq(nsapi_interface_get_connection_status(&iface), NSAPI_STATUS_DISCONNECTED);
    expect_events(want, 3);
}
