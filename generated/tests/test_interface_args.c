/* Generated from idl/network_interface.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* NetworkInterface: each bad input the IDL documents gets the documented answer. */
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

/* the NetworkInterface is NULL */
Test(nsapi_interface_init, null_interface)
{
    nsapi_interface_api_t api_object;
    unsigned char context_object[64];
    nsapi_stack_t stack_object;
    char name_object[64];

    memset(&api_object, 0, sizeof api_object);
    memset(&context_object, 0, sizeof context_object);
    memset(&stack_object, 0, sizeof stack_object);
    memset(&name_object, 0, sizeof name_object);
    cr_expect_eq(nsapi_interface_init(NULL, &api_object, context_object, &stack_object, name_object, false), NSAPI_ERROR_PARAMETER);
}

/* api is NULL */
Test(nsapi_interface_init, null_api)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];
    nsapi_stack_t stack_object;
    char name_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    memset(&stack_object, 0, sizeof stack_object);
    memset(&name_object, 0, sizeof name_object);
    cr_expect_eq(nsapi_interface_init(&interface, NULL, context_object, &stack_object, name_object, false), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* stack is NULL */
Test(nsapi_interface_init, null_stack)
{
    nsapi_interface_t interface;
    nsapi_interface_api_t api_object;
    unsigned char context_object[64];
    char name_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&api_object, 0, sizeof api_object);
    memset(&context_object, 0, sizeof context_object);
    memset(&name_object, 0, sizeof name_object);
    cr_expect_eq(nsapi_interface_init(&interface, &api_object, context_object, NULL, name_object, false), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* name is NULL */
Test(nsapi_interface_init, null_name)
{
    nsapi_interface_t interface;
    nsapi_interface_api_t api_object;
    unsigned char context_object[64];
    nsapi_stack_t stack_object;

    memset(&interface, 0, sizeof interface);
    memset(&api_object, 0, sizeof api_object);
    memset(&context_object, 0, sizeof context_object);
    memset(&stack_object, 0, sizeof stack_object);
    cr_expect_eq(nsapi_interface_init(&interface, &api_object, context_object, &stack_object, NULL, false), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_report_status, null_interface)
{
    cr_expect_eq(nsapi_interface_report_status(NULL, NSAPI_STATUS_ERROR_UNSUPPORTED), NSAPI_ERROR_PARAMETER);
}

/* status is not a nsapi_connection_status_t */
Test(nsapi_interface_report_status, status_not_in_enum)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_report_status(&interface, (nsapi_connection_status_t)4), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_deinit, null_interface)
{
    cr_expect_eq(nsapi_interface_deinit(NULL), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_connect, null_interface)
{
    cr_expect_eq(nsapi_interface_connect(NULL), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_disconnect, null_interface)
{
    cr_expect_eq(nsapi_interface_disconnect(NULL), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_set_blocking, null_interface)
{
    cr_expect_eq(nsapi_interface_set_blocking(NULL, false), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_set_timeout, null_interface)
{
    cr_expect_eq(nsapi_interface_set_timeout(NULL, 1000), NSAPI_ERROR_PARAMETER);
}

/* timeout is below 1 */
Test(nsapi_interface_set_timeout, timeout_below_min)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_set_timeout(&interface, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* timeout is above 86400000 */
Test(nsapi_interface_set_timeout, timeout_above_max)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_set_timeout(&interface, 86400001), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_set_network, null_interface)
{
    nsapi_socket_address_t ip_address_object;
    nsapi_socket_address_t netmask_object;
    nsapi_socket_address_t gateway_object;

    memset(&ip_address_object, 0, sizeof ip_address_object);
    memset(&netmask_object, 0, sizeof netmask_object);
    memset(&gateway_object, 0, sizeof gateway_object);
    cr_expect_eq(nsapi_interface_set_network(NULL, &ip_address_object, &netmask_object, &gateway_object), NSAPI_ERROR_PARAMETER);
}

/* ip_address is NULL */
Test(nsapi_interface_set_network, null_ip_address)
{
    nsapi_interface_t interface;
    nsapi_socket_address_t netmask_object;
    nsapi_socket_address_t gateway_object;

    memset(&interface, 0, sizeof interface);
    memset(&netmask_object, 0, sizeof netmask_object);
    memset(&gateway_object, 0, sizeof gateway_object);
    cr_expect_eq(nsapi_interface_set_network(&interface, NULL, &netmask_object, &gateway_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_set_dhcp, null_interface)
{
    cr_expect_eq(nsapi_interface_set_dhcp(NULL, false), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_connection_status, null_interface)
{
    cr_expect_eq(nsapi_interface_get_connection_status(NULL), NSAPI_STATUS_ERROR_UNSUPPORTED);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_attach, null_interface)
{
    unsigned char context_object[64];

    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_attach(NULL, NULL, context_object), NSAPI_ERROR_PARAMETER);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_add_event_listener, null_interface)
{
    unsigned char context_object[64];

    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_add_event_listener(NULL, (nsapi_interface_cb_t)1, context_object), NSAPI_ERROR_PARAMETER);
}

/* callback is NULL */
Test(nsapi_interface_add_event_listener, null_callback)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_add_event_listener(&interface, NULL, context_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_remove_event_listener, null_interface)
{
    unsigned char context_object[64];

    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_remove_event_listener(NULL, (nsapi_interface_cb_t)1, context_object), NSAPI_ERROR_PARAMETER);
}

/* callback is NULL */
Test(nsapi_interface_remove_event_listener, null_callback)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_remove_event_listener(&interface, NULL, context_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_stack, null_interface)
{
    cr_expect_eq(nsapi_interface_get_stack(NULL), NULL);
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_ip_address, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_ip_address(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_interface_get_ip_address, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_ip_address(&interface, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_ipv6_link_local_address, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_ipv6_link_local_address(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_interface_get_ipv6_link_local_address, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_ipv6_link_local_address(&interface, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_netmask, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_netmask(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_interface_get_netmask, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_netmask(&interface, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_gateway, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_gateway(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_interface_get_gateway, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_gateway(&interface, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_mac_address, null_interface)
{
    char buffer_object[64];

    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_mac_address(NULL, buffer_object, 64), NSAPI_ERROR_PARAMETER);
}

/* buffer is NULL */
Test(nsapi_interface_get_mac_address, null_buffer)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_mac_address(&interface, NULL, 64), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is below 18 */
Test(nsapi_interface_get_mac_address, size_below_min)
{
    nsapi_interface_t interface;
    char buffer_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_mac_address(&interface, buffer_object, 17), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is above 65535 */
Test(nsapi_interface_get_mac_address, size_above_max)
{
    nsapi_interface_t interface;
    char buffer_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_mac_address(&interface, buffer_object, 65536), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_set_mac_address, null_interface)
{
    uint8_t mac_object;

    memset(&mac_object, 0, sizeof mac_object);
    cr_expect_eq(nsapi_interface_set_mac_address(NULL, &mac_object, 6), NSAPI_ERROR_PARAMETER);
}

/* mac is NULL */
Test(nsapi_interface_set_mac_address, null_mac)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_set_mac_address(&interface, NULL, 6), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is below 6 */
Test(nsapi_interface_set_mac_address, size_below_min)
{
    nsapi_interface_t interface;
    uint8_t mac_object;

    memset(&interface, 0, sizeof interface);
    memset(&mac_object, 0, sizeof mac_object);
    cr_expect_eq(nsapi_interface_set_mac_address(&interface, &mac_object, 5), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is above 6 */
Test(nsapi_interface_set_mac_address, size_above_max)
{
    nsapi_interface_t interface;
    uint8_t mac_object;

    memset(&interface, 0, sizeof interface);
    memset(&mac_object, 0, sizeof mac_object);
    cr_expect_eq(nsapi_interface_set_mac_address(&interface, &mac_object, 7), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_interface_name, null_interface)
{
    char buffer_object[64];

    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_interface_name(NULL, buffer_object, 64), NSAPI_ERROR_PARAMETER);
}

/* buffer is NULL */
Test(nsapi_interface_get_interface_name, null_buffer)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_interface_name(&interface, NULL, 64), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is below 1 */
Test(nsapi_interface_get_interface_name, size_below_min)
{
    nsapi_interface_t interface;
    char buffer_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_interface_name(&interface, buffer_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* size is above 65535 */
Test(nsapi_interface_get_interface_name, size_above_max)
{
    nsapi_interface_t interface;
    char buffer_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&buffer_object, 0, sizeof buffer_object);
    cr_expect_eq(nsapi_interface_get_interface_name(&interface, buffer_object, 65536), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_gethostbyname, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_gethostbyname(NULL, "192.0.2.1", &address_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
}

/* host is NULL */
Test(nsapi_interface_gethostbyname, null_host)
{
    nsapi_interface_t interface;
    nsapi_socket_address_t address_object;

    memset(&interface, 0, sizeof interface);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_gethostbyname(&interface, NULL, &address_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* address is NULL */
Test(nsapi_interface_gethostbyname, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_gethostbyname(&interface, "192.0.2.1", NULL, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* version is not a nsapi_version_t */
Test(nsapi_interface_gethostbyname, version_not_in_enum)
{
    nsapi_interface_t interface;
    nsapi_socket_address_t address_object;

    memset(&interface, 0, sizeof interface);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_gethostbyname(&interface, "192.0.2.1", &address_object, (nsapi_version_t)3), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_gethostbyname_async, null_interface)
{
    unsigned char context_object[64];

    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_gethostbyname_async(NULL, "192.0.2.1", (nsapi_dns_cb_t)1, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
}

/* host is NULL */
Test(nsapi_interface_gethostbyname_async, null_host)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_gethostbyname_async(&interface, NULL, (nsapi_dns_cb_t)1, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* callback is NULL */
Test(nsapi_interface_gethostbyname_async, null_callback)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_gethostbyname_async(&interface, "192.0.2.1", NULL, context_object, NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* version is not a nsapi_version_t */
Test(nsapi_interface_gethostbyname_async, version_not_in_enum)
{
    nsapi_interface_t interface;
    unsigned char context_object[64];

    memset(&interface, 0, sizeof interface);
    memset(&context_object, 0, sizeof context_object);
    cr_expect_eq(nsapi_interface_gethostbyname_async(&interface, "192.0.2.1", (nsapi_dns_cb_t)1, context_object, (nsapi_version_t)3), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_gethostbyname_async_cancel, null_interface)
{
    cr_expect_eq(nsapi_interface_gethostbyname_async_cancel(NULL, 1), NSAPI_ERROR_PARAMETER);
}

/* id is below 1 */
Test(nsapi_interface_gethostbyname_async_cancel, id_below_min)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_gethostbyname_async_cancel(&interface, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_add_dns_server, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_add_dns_server(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* address is NULL */
Test(nsapi_interface_add_dns_server, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_add_dns_server(&interface, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* the NetworkInterface is NULL */
Test(nsapi_interface_get_dns_server, null_interface)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_dns_server(NULL, 0, &address_object), NSAPI_ERROR_PARAMETER);
}

/* index is below 0 */
Test(nsapi_interface_get_dns_server, index_below_min)
{
    nsapi_interface_t interface;
    nsapi_socket_address_t address_object;

    memset(&interface, 0, sizeof interface);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_dns_server(&interface, -1, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* index is above 255 */
Test(nsapi_interface_get_dns_server, index_above_max)
{
    nsapi_interface_t interface;
    nsapi_socket_address_t address_object;

    memset(&interface, 0, sizeof interface);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_interface_get_dns_server(&interface, 256, &address_object), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}

/* address is NULL */
Test(nsapi_interface_get_dns_server, null_address)
{
    nsapi_interface_t interface;

    memset(&interface, 0, sizeof interface);
    cr_expect_eq(nsapi_interface_get_dns_server(&interface, 0, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&interface, sizeof interface), "interface was changed");
}
