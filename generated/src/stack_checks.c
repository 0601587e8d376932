/* Generated from idl/stack.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* NetworkStack's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/stack.h"
#include "nsapi/stack_api.h"
#include "impl.h"

nsapi_error_t nsapi_stack_init(nsapi_stack_t *stack, const nsapi_stack_api_t *api, void *context)
{
    if (stack == NULL ||
        api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_init(stack, api, context);
}

nsapi_error_t nsapi_stack_deinit(nsapi_stack_t *stack)
{
    if (stack == NULL ||
        stack->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_deinit(stack);
}

nsapi_error_t nsapi_stack_set_socket_limit(nsapi_stack_t *stack, unsigned limit)
{
    if (stack == NULL ||
        stack->api == NULL ||
        limit < 1 ||
        limit > 65535) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_set_socket_limit(stack, limit);
}

nsapi_error_t nsapi_stack_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_socket_address_t *address, nsapi_version_t version)
{
    if (stack == NULL ||
        stack->api == NULL ||
        host == NULL ||
        address == NULL ||
        (unsigned)version > (unsigned)NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_gethostbyname(stack, host, address, version);
}

nsapi_value_or_error_t nsapi_stack_gethostbyname_async(nsapi_stack_t *stack, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version)
{
    if (stack == NULL ||
        stack->api == NULL ||
        host == NULL ||
        callback == NULL ||
        (unsigned)version > (unsigned)NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_gethostbyname_async(stack, host, callback, context, version);
}

nsapi_error_t nsapi_stack_gethostbyname_async_cancel(nsapi_stack_t *stack, int id)
{
    if (stack == NULL ||
        stack->api == NULL ||
        id < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_gethostbyname_async_cancel(stack, id);
}

nsapi_error_t nsapi_stack_add_dns_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address)
{
    if (stack == NULL ||
        stack->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_add_dns_server(stack, address);
}

nsapi_error_t nsapi_stack_get_ip_address(nsapi_stack_t *stack, nsapi_socket_address_t *address)
{
    if (stack == NULL ||
        stack->api == NULL ||
        address == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_stack_get_ip_address(stack, address);
}
