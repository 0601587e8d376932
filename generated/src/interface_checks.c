/* Generated from idl/network_interface.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* NetworkInterface's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/network_interface.h"
#include "nsapi/stack_api.h"
#include "impl.h"

nsapi_error_t nsapi_interface_init(nsapi_interface_t *interface, const nsapi_interface_api_t *api, void *context, nsapi_stack_t *stack, const char *name, bool dhcp)
{
    if (interface == NULL ||
        api == NULL ||
        stack == NULL ||
        name == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_init(interface, api, context, stack, name, dhcp);
}

nsapi_error_t nsapi_interface_report_status(nsapi_interface_t *interface, nsapi_connection_status_t status)
{
    if (interface == NULL ||
        interface->api == NULL ||
        (status != NSAPI_STATUS_ERROR_UNSUPPORTED && status != NSAPI_STATUS_LOCAL_UP && status != NSAPI_STATUS_GLOBAL_UP && status != NSAPI_STATUS_DISCONNECTED && status != NSAPI_STATUS_CONNECTING)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_report_status(interface, status);
}

nsapi_error_t nsapi_interface_deinit(nsapi_interface_t *interface)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_deinit(interface);
}

nsapi_error_t nsapi_interface_connect(nsapi_interface_t *interface)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_connect(interface);
}

nsapi_error_t nsapi_interface_disconnect(nsapi_interface_t *interface)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_disconnect(interface);
}

nsapi_error_t nsapi_interface_set_blocking(nsapi_interface_t *interface, bool blocking)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_set_blocking(interface, blocking);
}

nsapi_error_t nsapi_interface_set_timeout(nsapi_interface_t *interface, int timeout)
{
    if (interface == NULL ||
        interface->api == NULL ||
        timeout < 1 ||
        timeout > 86400000) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_set_timeout(interface, timeout);
}

nsapi_error_t nsapi_interface_set_network(nsapi_interface_t *interface, const nsapi_socket_address_t *ip_address, const nsapi_socket_address_t *netmask, const nsapi_socket_address_t *gateway)
{
    if (interface == NULL ||
        interface->api == NULL ||
        ip_address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_set_network(interface, ip_address, netmask, gateway);
}

nsapi_error_t nsapi_interface_set_dhcp(nsapi_interface_t *interface, bool dhcp)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_set_dhcp(interface, dhcp);
}

nsapi_connection_status_t nsapi_interface_get_connection_status(nsapi_interface_t *interface)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_STATUS_ERROR_UNSUPPORTED;
    }
    return nsapi_impl_interface_get_connection_status(interface);
}

nsapi_error_t nsapi_interface_attach(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_attach(interface, callback, context);
}

nsapi_error_t nsapi_interface_add_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context)
{
    if (interface == NULL ||
        interface->api == NULL ||
        callback == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_add_event_listener(interface, callback, context);
}

nsapi_error_t nsapi_interface_remove_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context)
{
    if (interface == NULL ||
        interface->api == NULL ||
        callback == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_remove_event_listener(interface, callback, context);
}

nsapi_stack_t *nsapi_interface_get_stack(nsapi_interface_t *interface)
{
    if (interface == NULL ||
        interface->api == NULL) {
        return NULL;
    }
    return nsapi_impl_interface_get_stack(interface);
}

nsapi_error_t nsapi_interface_get_ip_address(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_ip_address(interface, address);
}

nsapi_error_t nsapi_interface_get_ipv6_link_local_address(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_ipv6_link_local_address(interface, address);
}

nsapi_error_t nsapi_interface_get_netmask(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_netmask(interface, address);
}

nsapi_error_t nsapi_interface_get_gateway(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_gateway(interface, address);
}

nsapi_error_t nsapi_interface_get_mac_address(nsapi_interface_t *interface, char *buffer, nsapi_size_t size)
{
    if (interface == NULL ||
        interface->api == NULL ||
        buffer == NULL ||
        size < 18 ||
        size > 65535) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_mac_address(interface, buffer, size);
}

nsapi_error_t nsapi_interface_set_mac_address(nsapi_interface_t *interface, const uint8_t *mac, nsapi_size_t size)
{
    if (interface == NULL ||
        interface->api == NULL ||
        mac == NULL ||
        size < 6 ||
        size > 6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_set_mac_address(interface, mac, size);
}

nsapi_error_t nsapi_interface_get_interface_name(nsapi_interface_t *interface, char *buffer, nsapi_size_t size)
{
    if (interface == NULL ||
        interface->api == NULL ||
        buffer == NULL ||
        size < 1 ||
        size > 65535) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_interface_name(interface, buffer, size);
}

nsapi_error_t nsapi_interface_gethostbyname(nsapi_interface_t *interface, const char *host, nsapi_socket_address_t *address, nsapi_version_t version)
{
    if (interface == NULL ||
        interface->api == NULL ||
        host == NULL ||
        address == NULL ||
        (unsigned)version > (unsigned)NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_gethostbyname(interface, host, address, version);
}

nsapi_value_or_error_t nsapi_interface_gethostbyname_async(nsapi_interface_t *interface, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version)
{
    if (interface == NULL ||
        interface->api == NULL ||
        host == NULL ||
        callback == NULL ||
        (unsigned)version > (unsigned)NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_gethostbyname_async(interface, host, callback, context, version);
}

nsapi_error_t nsapi_interface_gethostbyname_async_cancel(nsapi_interface_t *interface, int id)
{
    if (interface == NULL ||
        interface->api == NULL ||
        id < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_gethostbyname_async_cancel(interface, id);
}

nsapi_error_t nsapi_interface_add_dns_server(nsapi_interface_t *interface, const nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_add_dns_server(interface, address);
}

nsapi_error_t nsapi_interface_get_dns_server(nsapi_interface_t *interface, int index, nsapi_socket_address_t *address)
{
    if (interface == NULL ||
        interface->api == NULL ||
        index < 0 ||
        index > 255 ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_interface_get_dns_server(interface, index, address);
}
