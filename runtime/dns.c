/*
 * The runtime's resolver (dns.h).  One lookup opens one UDPSocket on the
 * stack, asks each server in turn (newest first) NSAPI_DNS_TRIES times,
 * waiting NSAPI_DNS_TRY_MS for each answer, and closes the socket.  A
 * datagram that is not the answer (from elsewhere, another id, malformed)
 * is ignored and the wait goes on; a server that fails (SERVFAIL, REFUSED,
 * truncated) gives way to the next; a name that does not exist ends the
 * lookup.  The whole lookup takes at most servers x NSAPI_DNS_TRIES x
 * NSAPI_DNS_TRY_MS, whichever versions it asks for.  Query ids come from
 * the OS's random source, so an off-path guess has 1 in 65536.
 */
#include <string.h>

#include "dns.h"
#include "dns_message.h"
#include "os.h"
#include "socket.h"
#include "stack_api_calls.h"

#define DNS_PORT 53

/* How asking one version of the name went. */
enum outcome { FOUND, NO_SUCH_NAME, NO_DATA, NO_ANSWER };

void dns_reset(nsapi_stack_t *stack)
{
    memset(stack->dns_servers, 0, sizeof stack->dns_servers);
    memset(stack->dns_cache, 0, sizeof stack->dns_cache);
}

nsapi_error_t dns_add_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address)
{
    nsapi_socket_address_t server = *address;
    nsapi_error_t err = NSAPI_ERROR_NO_MEMORY;
    int i;

    if (server.port == 0) {
        server.port = DNS_PORT;
    }
    nsapi_os_lock(&stack->sync);
    for (i = 0; i < NSAPI_DNS_SERVERS && stack->dns_servers[i].addr.version != NSAPI_UNSPEC; i++) {
        if (nsapi_socket_address_equals(&stack->dns_servers[i], &server)) {
            err = NSAPI_ERROR_OK; /* there already */
            break;
        }
    }
    if (err != NSAPI_ERROR_OK && i < NSAPI_DNS_SERVERS) {
        memmove(&stack->dns_servers[1], &stack->dns_servers[0], (size_t)i * sizeof stack->dns_servers[0]);
        stack->dns_servers[0] = server;
        err = NSAPI_ERROR_OK;
    }
    nsapi_os_unlock(&stack->sync);
    return err;
}

/* --- the cache ------------------------------------------------------------------------------ */

static bool cached(nsapi_stack_t *stack, const char *name, nsapi_version_t version, nsapi_addr_t *addr)
{
    uint64_t now = nsapi_os_now_ms();
    bool found = false;
    int i;

    nsapi_os_lock(&stack->sync);
    for (i = 0; i < NSAPI_DNS_CACHE_SIZE && !found; i++) {
        const nsapi_dns_entry_t *e = &stack->dns_cache[i];

        if (e->addr.version == version && e->expires_ms > now && strcmp(e->name, name) == 0) {
            *addr = e->addr;
            found = true;
        }
    }
    nsapi_os_unlock(&stack->sync);
    return found;
}

/* Keep an answer for ttl seconds, in place of the entry that expires first. */
static void remember(nsapi_stack_t *stack, const char *name, const nsapi_addr_t *addr, uint32_t ttl)
{
    nsapi_dns_entry_t *victim;
    int i;

    if (ttl == 0) {
        return;
    }
    nsapi_os_lock(&stack->sync);
    victim = &stack->dns_cache[0];
    for (i = 1; i < NSAPI_DNS_CACHE_SIZE; i++) {
        if (stack->dns_cache[i].expires_ms < victim->expires_ms) {
            victim = &stack->dns_cache[i];
        }
    }
    strcpy(victim->name, name);
    victim->addr = *addr;
    victim->expires_ms = nsapi_os_now_ms() + (uint64_t)ttl * 1000u;
    nsapi_os_unlock(&stack->sync);
}

/* --- asking ------------------------------------------------------------------------------------ */

/* Wait until deadline for server's response to query; false if none came in time. */
static bool await(nsapi_udp_socket_t *s, const nsapi_socket_address_t *server, const uint8_t *query, int query_len,
                  uint64_t deadline, enum dns_result *r, nsapi_addr_t *addr, uint32_t *ttl)
{
    uint8_t reply[DNS_MESSAGE_MAX];
    nsapi_socket_address_t from;
    unsigned count;

    for (;;) {
        uint64_t now = nsapi_os_now_ms();
        nsapi_size_or_error_t n;

        if (now >= deadline) {
            return false;
        }
        nsapi_udp_socket_set_timeout(s, (int)(deadline - now));
        n = nsapi_udp_socket_recvfrom(s, &from, reply, sizeof reply);
        if (n < 0) {
            return false;
        }
        if (socket_same_peer(&from, server)) {
            *r = dns_response_read(reply, (size_t)n, query, (size_t)query_len, addr, 1, &count, ttl);
            if (*r != DNS_MALFORMED && *r != DNS_NOT_OURS) {
                return true; /* anything else is ignored, as if it had been lost */
            }
        }
    }
}

/* Ask the servers in turn for one version of name, until the lookup's deadline at the latest. */
static enum outcome ask(nsapi_stack_t *stack, nsapi_udp_socket_t *s, const nsapi_socket_address_t *servers,
                        int count, const char *name, nsapi_version_t version, uint64_t deadline, nsapi_addr_t *addr)
{
    uint8_t query[DNS_MESSAGE_MAX];
    int i, try;

    for (i = 0; i < count; i++) {
        for (try = 0; try < NSAPI_DNS_TRIES; try++) {
            int length = dns_query_build(query, sizeof query, (uint16_t)nsapi_os_random(), name, version);
            uint64_t now = nsapi_os_now_ms(), until = now + NSAPI_DNS_TRY_MS < deadline ? now + NSAPI_DNS_TRY_MS : deadline;
            uint32_t ttl;
            enum dns_result r;

            if (now >= deadline) {
                return NO_ANSWER;
            }
            nsapi_udp_socket_set_timeout(s, (int)(until - now)); /* a send that cannot go at once waits no longer */
            if (length < 0 || nsapi_udp_socket_sendto(s, &servers[i], query, (nsapi_size_t)length) != length) {
                break; /* a server this stack cannot reach */
            }
            if (!await(s, &servers[i], query, length, until, &r, addr, &ttl)) {
                continue; /* no answer in time: ask again */
            }
            if (r == DNS_ANSWER) {
                remember(stack, name, addr, ttl);
                return FOUND;
            }
            if (r == DNS_NO_SUCH_NAME || r == DNS_NO_DATA) {
                return r == DNS_NO_SUCH_NAME ? NO_SUCH_NAME : NO_DATA;
            }
            break; /* a server failure or a truncated answer: this server will not do better, the next may */
        }
    }
    return NO_ANSWER;
}

/* The name as the cache keeps it: lower case, no final dot. */
static void canonical(const char *host, char *name)
{
    size_t i, length = strlen(host);

    length -= length > 0 && host[length - 1] == '.';
    for (i = 0; i < length; i++) {
        name[i] = (char)(host[i] >= 'A' && host[i] <= 'Z' ? host[i] + ('a' - 'A') : host[i]);
    }
    name[length] = '\0';
}

nsapi_error_t dns_resolve(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version)
{
    uint8_t probe[DNS_MESSAGE_MAX];
    char name[NSAPI_DNS_NAME_SIZE];
    nsapi_socket_address_t servers[NSAPI_DNS_SERVERS];
    nsapi_version_t order[2] = {version, NSAPI_UNSPEC};
    nsapi_udp_socket_t s = {0};
    nsapi_addr_t own, found;
    enum outcome outcome;
    nsapi_error_t err;
    uint64_t deadline;
    int count;

    if (dns_query_build(probe, sizeof probe, 0, host, version == NSAPI_IPv6 ? NSAPI_IPv6 : NSAPI_IPv4) < 0) {
        return NSAPI_ERROR_PARAMETER; /* not a name DNS can carry */
    }
    canonical(host, name);
    if (version == NSAPI_UNSPEC) {
        bool six = stack_api_get_ip_address(stack, &own) == NSAPI_ERROR_OK && own.version == NSAPI_IPv6;

        order[0] = six ? NSAPI_IPv6 : NSAPI_IPv4;
        order[1] = six ? NSAPI_IPv4 : NSAPI_IPv6;
    }
    if (cached(stack, name, order[0], addr)) {
        return NSAPI_ERROR_OK;
    }
    nsapi_os_lock(&stack->sync);
    memcpy(servers, stack->dns_servers, sizeof servers);
    nsapi_os_unlock(&stack->sync);
    for (count = 0; count < NSAPI_DNS_SERVERS && servers[count].addr.version != NSAPI_UNSPEC; count++) {
    }
    if (count == 0) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    err = nsapi_udp_socket_open(&s, stack);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    deadline = nsapi_os_now_ms() + (uint64_t)count * NSAPI_DNS_TRIES * NSAPI_DNS_TRY_MS;
    outcome = ask(stack, &s, servers, count, name, order[0], deadline, &found);
    /* Only a name without an address of the first version is asked again, for the other. */
    if (outcome == NO_DATA && order[1] != NSAPI_UNSPEC) {
        outcome = cached(stack, name, order[1], &found) ? FOUND
                                                        : ask(stack, &s, servers, count, name, order[1], deadline, &found);
    }
    nsapi_udp_socket_close(&s);
    if (outcome != FOUND) {
        return NSAPI_ERROR_DNS_FAILURE;
    }
    *addr = found; /* the caller's address changes only on success */
    return NSAPI_ERROR_OK;
}
