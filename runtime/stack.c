/*
 * NetworkStack: the object a backend fills in.  The runtime keeps the socket
 * count and limit in it (socket.c counts; the limit is ours, since a stack
 * such as lwIP may never run out), answers name lookups that need no query,
 * and hands the others to the runtime's resolver (dns.c) when the program gave
 * it servers or the backend has no resolver, else to the backend's.  The
 * generated checks refuse a stack no backend initialised (api NULL) before any
 * function here but init runs.
 */
#include <string.h>

#include "dns.h"
#include "impl.h"
#include "os.h"
#include "stack_api_calls.h"

#define HOST_NAME_MAX_LENGTH 255 /* RFC 1035: a name is at most 255 octets */

#if NSAPI_ABI_VERSION != 1
#error "the runtime is written for NSAPI_ABI_VERSION 1: regenerate or update runtime/"
#endif

nsapi_error_t nsapi_impl_stack_init(nsapi_stack_t *stack, const nsapi_stack_api_t *api, void *context)
{
    nsapi_error_t err;

    if (stack->api != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    err = nsapi_os_sync_init(&stack->sync);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    stack->context = context;
    stack->sockets = 0;
    stack->socket_limit = NSAPI_SOCKET_LIMIT;
    nsapi_rt_dns_reset(stack);
    stack->api = api;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_stack_deinit(nsapi_stack_t *stack)
{
    unsigned open;

    nsapi_os_lock(&stack->sync);
    open = stack->sockets;
    nsapi_os_unlock(&stack->sync);
    if (open != 0 || nsapi_rt_dns_busy(stack)) {
        return NSAPI_ERROR_BUSY;
    }
    nsapi_os_sync_destroy(&stack->sync);
    memset(stack, 0, sizeof *stack);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_stack_set_socket_limit(nsapi_stack_t *stack, unsigned limit)
{
    nsapi_os_lock(&stack->sync);
    stack->socket_limit = limit;
    nsapi_os_unlock(&stack->sync);
    return NSAPI_ERROR_OK;
}

/*
 * Whether host is "localhost" or a name under it (RFC 6761 6.3: such names are the loopback host and
 * never asked of a DNS server), in any case, with or without the final dot.
 */
static bool is_localhost(const char *host, size_t length)
{
    static const char name[] = "localhost";
    size_t n = sizeof name - 1;
    size_t i;

    if (length > 0 && host[length - 1] == '.') {
        length--;
    }
    if (length < n || (length > n && host[length - n - 1] != '.')) {
        return false;
    }
    for (i = 0; i < n; i++) {
        if ((host[length - n + i] | 0x20) != name[i]) {
            return false;
        }
    }
    return true;
}

/*
 * What both lookups do first: check the name, and answer an address in text form or
 * a localhost name without a query (asking an address for the other version fails as a lookup
 * would; localhost is 127.0.0.1, or ::1 when IPv6 is asked for).  NSAPI_ERROR_OK with *literal
 * set when host was such a name, NSAPI_ERROR_WOULD_BLOCK when it is a name to look up.
 */
static nsapi_error_t before_lookup(const char *host, nsapi_version_t version, nsapi_socket_address_t *literal)
{
    size_t length = strlen(host);

    if (length == 0 || length > HOST_NAME_MAX_LENGTH) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (is_localhost(host, length)) {
        host = version == NSAPI_IPv6 ? "::1" : "127.0.0.1";
    }
    if (nsapi_socket_address_set_ip_address(literal, host) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    if (version != NSAPI_UNSPEC && version != nsapi_socket_address_get_ip_version(literal)) {
        return NSAPI_ERROR_DNS_FAILURE;
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_stack_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_socket_address_t *address,
                                             nsapi_version_t version)
{
    nsapi_socket_address_t literal = *address; /* the port is kept */
    nsapi_error_t err = before_lookup(host, version, &literal);

    if (err == NSAPI_ERROR_OK) {
        *address = literal;
    }
    if (err != NSAPI_ERROR_WOULD_BLOCK) {
        return err;
    }
    if (nsapi_rt_dns_backend_resolves(stack)) {
        return stack->api->gethostbyname(stack, host, &address->addr, version);
    }
    return nsapi_rt_dns_resolve(stack, host, &address->addr, version);
}

nsapi_value_or_error_t nsapi_impl_stack_gethostbyname_async(nsapi_stack_t *stack, const char *host,
                                                            nsapi_dns_cb_t callback, void *context,
                                                            nsapi_version_t version)
{
    nsapi_socket_address_t literal = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err = before_lookup(host, version, &literal);

    if (err == NSAPI_ERROR_OK) {
        callback(1, &literal, context); /* answered at once: Mbed's contract, the callback before the return */
        return 0;
    }
    if (err != NSAPI_ERROR_WOULD_BLOCK) {
        return err;
    }
    return nsapi_rt_dns_resolve_async(stack, host, callback, context, version);
}

nsapi_error_t nsapi_impl_stack_gethostbyname_async_cancel(nsapi_stack_t *stack, int id)
{
    return nsapi_rt_dns_cancel(stack, id);
}

nsapi_error_t nsapi_impl_stack_add_dns_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address)
{
    if (!nsapi_socket_address_is_nonzero(address)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (stack->api->add_dns_server != NULL) {
        return stack->api->add_dns_server(stack, &address->addr);
    }
    return nsapi_rt_dns_add_server(stack, address);
}

nsapi_error_t nsapi_impl_stack_get_ip_address(nsapi_stack_t *stack, nsapi_socket_address_t *address)
{
    nsapi_addr_t addr;
    nsapi_error_t err;

    memset(&addr, 0, sizeof addr);
    err = stack_api_get_ip_address(stack, &addr);
    if (err == NSAPI_ERROR_OK && addr.version == NSAPI_UNSPEC) {
        err = NSAPI_ERROR_NO_ADDRESS;
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_socket_address_set_addr(address, &addr);
        nsapi_socket_address_set_port(address, 0);
    }
    return err;
}
