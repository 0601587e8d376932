/* Generated from idl/stack.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/stack.h
 *
 * NetworkStack, an IP stack sockets are opened on, and its name resolution.
 */
#ifndef NSAPI_STACK_H
#define NSAPI_STACK_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/options.h"
#include "nsapi/socket_address.h"
#include "nsapi/os.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Called once with the outcome of nsapi_stack_gethostbyname_async(): result is
 * the number of addresses found (1, in address), or a negative nsapi_error,
 * address then NULL: NSAPI_ERROR_DNS_FAILURE (no such name, no address of the
 * version, or no query could be sent), NSAPI_ERROR_TIMEOUT (no server
 * answered), or what opening the lookup's UDPSocket gave
 * (NSAPI_ERROR_NO_SOCKET, say). It runs in a thread of the resolver's when the
 * lookup was not answered at once: it should be short, and may call any
 * function of the API but nsapi_stack_deinit() of its stack, which is BUSY
 * until it returns.
 */
typedef void (*nsapi_dns_cb_t)(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context);

#if NSAPI_CONFIG_DNS
/** One asynchronous lookup in flight, in its place in the stack. */
typedef struct nsapi_dns_query {
    /**
     * What nsapi_stack_gethostbyname_async() returned for it; 0 for a free
     * place.
     */
    int id;
    /** The stack it runs on, for its thread. */
    nsapi_stack_t *stack;
    /** Free, running, cancelled, or calling back (runtime/dns.c). */
    int state;
    /** The version asked for. */
    nsapi_version_t version;
    /** Where the result goes. */
    nsapi_dns_cb_t callback;
    /** Passed to callback. */
    void *context;
    /** The name asked for. */
    char name[NSAPI_DNS_NAME_SIZE];
} nsapi_dns_query_t;

/** One answer the runtime's resolver remembers. */
typedef struct nsapi_dns_entry {
    /** The name asked for, in lower case; empty for an unused entry. */
    char name[NSAPI_DNS_NAME_SIZE];
    /** Its address. */
    nsapi_addr_t addr;
    /** When the answer's TTL runs out, on the OS layer's monotonic clock. */
    uint64_t expires_ms;
} nsapi_dns_entry_t;
#endif /* NSAPI_CONFIG_DNS */

/**
 * @defgroup nsapi_stack_class NetworkStack
 * @copybrief nsapi_stack
 * @{
 */

/**
 * One instance of an IP stack: what sockets are opened on. Applications get one
 * from a backend's start function (nsapi_posix_init(), say); the backend hands
 * the runtime its operations with nsapi_stack_init() (nsapi/stack_api.h).
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_stack {
    /** The backend's operations. */
    const nsapi_stack_api_t *api;
    /** The backend's own state, passed back to it through stack. */
    void *context;
    /** Sockets open on the stack. */
    unsigned sockets;
    /** How many may be open at once. */
    unsigned socket_limit;
#if NSAPI_CONFIG_DNS
    /**
     * The runtime resolver's servers, the first asked first; an empty address
     * ends the list.
     */
    nsapi_socket_address_t dns_servers[NSAPI_DNS_SERVERS];
    /** The runtime resolver's answers. */
    nsapi_dns_entry_t dns_cache[NSAPI_DNS_CACHE_SIZE];
    /** The asynchronous lookups in flight. */
    nsapi_dns_query_t dns_queries[NSAPI_DNS_QUERIES];
    /** The id given to the last asynchronous lookup. */
    int dns_last_id;
#endif /* NSAPI_CONFIG_DNS */
    /** Lock for the counts and the resolver's servers and answers. */
    nsapi_os_sync_t sync;
};

/**
 * Set how many sockets may be open on the stack at once (sockets returned by
 * accept count). An open beyond it returns NSAPI_ERROR_NO_SOCKET. Lowering it
 * closes nothing.
 *
 * @param stack The NetworkStack.
 * @param limit The new limit. From 1 to 65535.
 * @retval NSAPI_ERROR_OK        the limit is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, a limit out of range, or the
 *                               stack is not initialised.
 */
nsapi_error_t nsapi_stack_set_socket_limit(nsapi_stack_t *stack, unsigned limit);

/**
 * Resolve a host name to an IP address. An IP address in text form is converted
 * without a query, and "localhost" or a name under it (RFC 6761) is 127.0.0.1,
 * or \::1 when NSAPI_IPv6 is asked for, on every backend, without a server.
 * Otherwise, once the program has given servers with
 * nsapi_stack_add_dns_server(), the runtime asks them over a UDPSocket on this
 * stack; until then a backend with a resolver of its own answers (POSIX: the
 * host's, so /etc/hosts and /etc/resolv.conf apply). The runtime's resolver
 * asks its servers newest first, each up to NSAPI_DNS_TRIES times, waiting
 * NSAPI_DNS_TRY_MS for the first answer and twice as long at each try after it
 * (by default 4 tries in 3 s a server), and keeps answers for their TTL. With
 * NSAPI_UNSPEC it asks for the version of the stack's own address first and for
 * the other if the name has none. The port of address is kept. A runtime built
 * without its resolver (NSAPI_CONFIG_DNS 0) converts address text and asks the
 * backend's resolver only.
 *
 * @param stack   The NetworkStack.
 * @param host    Host name or IP address text.
 * @param address Receives the address.
 * @param version NSAPI_IPv4 or NSAPI_IPv6 to ask for one version, NSAPI_UNSPEC
 *                for either.
 * @retval NSAPI_ERROR_OK          address holds the result.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, an
 *                                 empty, over-long or malformed name, or the
 *                                 stack is not initialised.
 * @retval NSAPI_ERROR_DNS_FAILURE the name does not exist, has no address of
 *                                 the version asked for, or no server answered.
 * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server was added, and the backend has
 *                                 no resolver of its own.
 * @retval NSAPI_ERROR_NO_MEMORY   the backend's resolver ran out of memory.
 * @retval NSAPI_ERROR_NO_SOCKET   no socket was free for the query.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack has no UDP sockets to ask with; or,
 *                                 in a runtime built without its resolver
 *                                 (NSAPI_CONFIG_DNS 0), host is not an address
 *                                 and the backend has no resolver of its own.
 */
nsapi_error_t nsapi_stack_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_socket_address_t *address, nsapi_version_t version);

/**
 * Start resolving a host name and return at once. An address literal, a
 * localhost name, or a name whose answer is cached, is answered before the call
 * returns: callback has then already been called, and the call returns 0.
 * Otherwise the lookup runs as nsapi_stack_gethostbyname() would, in a thread
 * of the resolver's, and callback gets its result, with NSAPI_ERROR_TIMEOUT
 * when no server answered; the call returns the lookup's id for
 * nsapi_stack_gethostbyname_async_cancel(). Ids are positive and unique among
 * the lookups in flight. A backend's own resolver runs in that thread too.
 *
 * @param stack    The NetworkStack.
 * @param host     Host name or IP address text.
 * @param callback Called once with the result, unless the lookup is cancelled.
 * @param context  Passed to callback. May be NULL.
 * @param version  NSAPI_IPv4 or NSAPI_IPv6 to ask for one version, NSAPI_UNSPEC
 *                 for either.
 * @return 0 if callback was called already, otherwise the lookup's id
 *         (positive); otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, an
 *                                 empty, over-long or malformed name, or the
 *                                 stack is not initialised.
 * @retval NSAPI_ERROR_DNS_FAILURE an address literal of the other version than
 *                                 asked.
 * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server was added, and the backend has
 *                                 no resolver of its own.
 * @retval NSAPI_ERROR_NO_MEMORY   NSAPI_DNS_QUERIES lookups are in flight
 *                                 already, or no thread could be started.
 * @retval NSAPI_ERROR_UNSUPPORTED in a runtime built without its resolver
 *                                 (NSAPI_CONFIG_DNS 0), host is not an address.
 */
nsapi_value_or_error_t nsapi_stack_gethostbyname_async(nsapi_stack_t *stack, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version);

/**
 * Cancel an asynchronous lookup. When it returns NSAPI_ERROR_OK the lookup's
 * callback has not been called and never will be. It does not wait (so it may
 * be called from a sigio callback): the lookup's thread sees the cancel within
 * NSAPI_DNS_CANCEL_CHECK_MS and ends, and its place is free again then.
 *
 * @param stack The NetworkStack.
 * @param id    What nsapi_stack_gethostbyname_async() returned. At least 1.
 * @retval NSAPI_ERROR_OK        cancelled.
 * @retval NSAPI_ERROR_PARAMETER a NULL stack, an id below 1, no lookup in
 *                               flight with that id (never started, finished,
 *                               its callback running, or cancelled already), or
 *                               the stack is not initialised.
 */
nsapi_error_t nsapi_stack_gethostbyname_async_cancel(nsapi_stack_t *stack, int id);

/**
 * Add a DNS server, asked before those added earlier. Adding one already there
 * changes nothing.
 *
 * @param stack   The NetworkStack.
 * @param address The server's address; port 0 means 53.
 * @retval NSAPI_ERROR_OK          the server was added, or was there already.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an empty address, or the
 *                                 stack is not initialised.
 * @retval NSAPI_ERROR_NO_MEMORY   the list already holds NSAPI_DNS_SERVERS
 *                                 servers.
 * @retval NSAPI_ERROR_UNSUPPORTED in a runtime built without its resolver
 *                                 (NSAPI_CONFIG_DNS 0), on a backend that keeps
 *                                 no servers of its own.
 */
nsapi_error_t nsapi_stack_add_dns_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address);

/**
 * The stack's own IP address.
 *
 * @param stack   The NetworkStack.
 * @param address Receives the address, port 0.
 * @retval NSAPI_ERROR_OK          address holds it.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the stack is not
 *                                 initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS  the stack has no address yet.
 * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot tell.
 */
nsapi_error_t nsapi_stack_get_ip_address(nsapi_stack_t *stack, nsapi_socket_address_t *address);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_STACK_H */
