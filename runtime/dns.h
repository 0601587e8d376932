/*
 * The runtime's resolver: DNS over a UDPSocket on the stack itself, for
 * every backend without a resolver of its own.  Servers and answers live
 * in the stack object (nsapi_stack_t's dns_* fields), under its lock.
 *
 * With NSAPI_CONFIG_DNS 0 (nsapi/options.h) the resolver is not built and the
 * stack object has no such fields: the functions below become stand-ins that
 * hold nothing and answer NSAPI_ERROR_UNSUPPORTED, so a name resolves only on
 * a backend with a resolver of its own.
 */
#ifndef NSAPI_RUNTIME_DNS_H
#define NSAPI_RUNTIME_DNS_H

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

#if NSAPI_CONFIG_DNS

/* Forget every server, answer and lookup; at nsapi_stack_init(). */
void nsapi_rt_dns_reset(nsapi_stack_t *stack);

/* nsapi_stack_add_dns_server() for a stack whose backend keeps no servers. */
nsapi_error_t nsapi_rt_dns_add_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address);

/* The server at index (0: asked first) into address; NSAPI_ERROR_NO_ADDRESS past the last. */
nsapi_error_t nsapi_rt_dns_server(nsapi_stack_t *stack, int index, nsapi_socket_address_t *address);

/* Whether a name goes to the backend's own resolver: it has one, and the program has given this
 * resolver no server (once it has, those servers are asked instead). */
bool nsapi_rt_dns_backend_resolves(nsapi_stack_t *stack);

/* nsapi_stack_gethostbyname() for a name that is not an address, on such a stack. */
nsapi_error_t nsapi_rt_dns_resolve(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version);

/* nsapi_stack_gethostbyname_async() for a name that is not an address: the servers' answer, or,
 * when it has none and the backend has a resolver, the backend's, in the lookup's thread. */
nsapi_value_or_error_t nsapi_rt_dns_resolve_async(nsapi_stack_t *stack, const char *host, nsapi_dns_cb_t callback,
                                         void *context, nsapi_version_t version);

/* nsapi_stack_gethostbyname_async_cancel(). */
nsapi_error_t nsapi_rt_dns_cancel(nsapi_stack_t *stack, int id);

/* Whether asynchronous lookups are in flight (the stack cannot be released). */
bool nsapi_rt_dns_busy(nsapi_stack_t *stack);

#else /* !NSAPI_CONFIG_DNS */

static inline void nsapi_rt_dns_reset(nsapi_stack_t *stack)
{
    (void)stack;
}

static inline bool nsapi_rt_dns_backend_resolves(nsapi_stack_t *stack)
{
    return stack->api->gethostbyname != NULL;
}

static inline nsapi_error_t nsapi_rt_dns_add_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address)
{
    (void)stack, (void)address;
    return NSAPI_ERROR_UNSUPPORTED;
}

static inline nsapi_error_t nsapi_rt_dns_server(nsapi_stack_t *stack, int index, nsapi_socket_address_t *address)
{
    (void)stack, (void)index, (void)address;
    return NSAPI_ERROR_UNSUPPORTED;
}

static inline nsapi_error_t nsapi_rt_dns_resolve(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr,
                                                 nsapi_version_t version)
{
    (void)stack, (void)host, (void)addr, (void)version;
    return NSAPI_ERROR_UNSUPPORTED;
}

static inline nsapi_value_or_error_t nsapi_rt_dns_resolve_async(nsapi_stack_t *stack, const char *host,
                                                                nsapi_dns_cb_t callback, void *context,
                                                                nsapi_version_t version)
{
    (void)stack, (void)host, (void)callback, (void)context, (void)version;
    return NSAPI_ERROR_UNSUPPORTED;
}

static inline nsapi_error_t nsapi_rt_dns_cancel(nsapi_stack_t *stack, int id)
{
    (void)stack, (void)id;
    return NSAPI_ERROR_PARAMETER; /* no lookup is ever in flight */
}

static inline bool nsapi_rt_dns_busy(nsapi_stack_t *stack)
{
    (void)stack;
    return false;
}

#endif /* NSAPI_CONFIG_DNS */

#endif
