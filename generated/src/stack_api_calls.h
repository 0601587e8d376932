/* Generated from idl/stack_api.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * How the runtime calls a backend's operations.
 *
 * One function per operation of each vtable (NAME_api_OP for nsapi_NAME_api_t):
 * it calls the backend's operation, or answers NSAPI_ERROR_UNSUPPORTED where
 * the backend leaves it NULL. So a backend written before an operation was
 * added to the IDL still builds, and every use of the new operation gets the
 * documented default.
 */
#ifndef NSAPI_STACK_API_CALLS_H
#define NSAPI_STACK_API_CALLS_H

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

/** The stack's get_ip_address operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr)
{
    if (stack->api->get_ip_address == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->get_ip_address(stack, addr);
}

/** The stack's gethostbyname operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version)
{
    if (stack->api->gethostbyname == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->gethostbyname(stack, host, addr, version);
}

/** The stack's add_dns_server operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_add_dns_server(nsapi_stack_t *stack, const nsapi_addr_t *addr)
{
    if (stack->api->add_dns_server == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->add_dns_server(stack, addr);
}

/** The stack's socket_open operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle, nsapi_event_cb_t event, void *context)
{
    if (stack->api->socket_open == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_open(stack, proto, handle, event, context);
}

/** The stack's socket_close operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    if (stack->api->socket_close == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_close(stack, handle);
}

/** The stack's socket_bind operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address)
{
    if (stack->api->socket_bind == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_bind(stack, handle, address);
}

/** The stack's socket_listen operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    if (stack->api->socket_listen == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_listen(stack, handle, backlog);
}

/** The stack's socket_connect operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address)
{
    if (stack->api->socket_connect == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_connect(stack, handle, address);
}

/** The stack's socket_accept operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle, nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    if (stack->api->socket_accept == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_accept(stack, server, handle, address, event, context);
}

/** The stack's socket_send operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_size_or_error_t stack_api_socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data, nsapi_size_t size)
{
    if (stack->api->socket_send == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_send(stack, handle, data, size);
}

/** The stack's socket_recv operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_size_or_error_t stack_api_socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data, nsapi_size_t size)
{
    if (stack->api->socket_recv == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_recv(stack, handle, data, size);
}

/** The stack's socket_sendto operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_size_or_error_t stack_api_socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size)
{
    if (stack->api->socket_sendto == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_sendto(stack, handle, address, data, size);
}

/** The stack's socket_recvfrom operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_size_or_error_t stack_api_socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    if (stack->api->socket_recvfrom == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_recvfrom(stack, handle, address, data, size);
}

/** The stack's socket_wait operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_wait(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what, int timeout_ms)
{
    if (stack->api->socket_wait == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_wait(stack, handle, what, timeout_ms);
}

/** The stack's socket_block operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_block(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what, int timeout_ms)
{
    if (stack->api->socket_block == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_block(stack, handle, what, timeout_ms);
}

/** The stack's socket_wake operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_wake(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    if (stack->api->socket_wake == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_wake(stack, handle);
}

/** The stack's socket_events operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_events(nsapi_stack_t *stack, nsapi_handle_t handle, bool wanted)
{
    if (stack->api->socket_events == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_events(stack, handle, wanted);
}

/** The stack's socket_notify operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_socket_notify(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    if (stack->api->socket_notify == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->socket_notify(stack, handle);
}

/** The stack's may_wait operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_may_wait(nsapi_stack_t *stack)
{
    if (stack->api->may_wait == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->may_wait(stack);
}

/** The stack's setsockopt operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, const void *optval, unsigned optlen)
{
    if (stack->api->setsockopt == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->setsockopt(stack, handle, level, optname, optval, optlen);
}

/** The stack's getsockopt operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t stack_api_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname, void *optval, unsigned *optlen)
{
    if (stack->api->getsockopt == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return stack->api->getsockopt(stack, handle, level, optname, optval, optlen);
}

/** The interface's up operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_up(nsapi_interface_t *interface)
{
    if (interface->api->up == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->up(interface);
}

/** The interface's down operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_down(nsapi_interface_t *interface)
{
    if (interface->api->down == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->down(interface);
}

/** The interface's release operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_release(nsapi_interface_t *interface)
{
    if (interface->api->release == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->release(interface);
}

/** The interface's get_address operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_get_address(nsapi_interface_t *interface, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    if (interface->api->get_address == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->get_address(interface, kind, addr);
}

/** The interface's get_dns_server operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_get_dns_server(nsapi_interface_t *interface, int index, nsapi_addr_t *addr)
{
    if (interface->api->get_dns_server == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->get_dns_server(interface, index, addr);
}

/** The interface's set_network operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_set_network(nsapi_interface_t *interface, const nsapi_addr_t *ip, const nsapi_addr_t *netmask, const nsapi_addr_t *gateway)
{
    if (interface->api->set_network == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->set_network(interface, ip, netmask, gateway);
}

/** The interface's set_dhcp operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_set_dhcp(nsapi_interface_t *interface, bool dhcp)
{
    if (interface->api->set_dhcp == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->set_dhcp(interface, dhcp);
}

/** The interface's get_mac_address operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_get_mac_address(nsapi_interface_t *interface, uint8_t *mac)
{
    if (interface->api->get_mac_address == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->get_mac_address(interface, mac);
}

/** The interface's set_mac_address operation, or NSAPI_ERROR_UNSUPPORTED without one. */
static inline nsapi_error_t interface_api_set_mac_address(nsapi_interface_t *interface, const uint8_t *mac)
{
    if (interface->api->set_mac_address == NULL) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    return interface->api->set_mac_address(interface, mac);
}

#endif /* NSAPI_STACK_API_CALLS_H */
