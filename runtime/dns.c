/*
 * The runtime's resolver (dns.h).  One lookup opens one UDPSocket on the
 * stack, asks each server in turn (newest first) NSAPI_DNS_TRIES times,
 * waiting NSAPI_DNS_TRY_MS for the first answer and twice as long at each
 * try after it, and closes the socket.  Every try to a server sends the
 * same query, so an answer to an earlier one that comes late still counts
 * (as lwIP's resolver and glibc's do).  A datagram that is not the answer
 * (from elsewhere, another id, malformed) is ignored and the wait goes on;
 * a server that fails (SERVFAIL, REFUSED, truncated) gives way to the
 * next; a name that does not exist ends the lookup.  The whole lookup
 * takes at most servers x NSAPI_DNS_TRY_MS x (2^NSAPI_DNS_TRIES - 1),
 * whichever versions it asks for.  Query ids come from the OS's random
 * source, so an off-path guess has 1 in 65536.
 */
#include "nsapi/nsapi.h" /* NSAPI_CONFIG_DNS */

#if NSAPI_CONFIG_DNS

#include <limits.h>
#include <string.h>

#include "dns.h"
#include "dns_message.h"
#include "os.h"
#include "socket.h"
#include "stack_api_calls.h"

#define DNS_PORT 53

/* How asking one version of the name went. */
enum outcome { FOUND, NO_SUCH_NAME, NO_DATA, NO_ANSWER, UNREACHABLE /* no query could be sent */ };

void nsapi_rt_dns_reset(nsapi_stack_t *stack)
{
    memset(stack->dns_servers, 0, sizeof stack->dns_servers);
    memset(stack->dns_cache, 0, sizeof stack->dns_cache);
    memset(stack->dns_queries, 0, sizeof stack->dns_queries);
    stack->dns_last_id = 0;
}

nsapi_error_t nsapi_rt_dns_add_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address)
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

nsapi_error_t nsapi_rt_dns_server(nsapi_stack_t *stack, int index, nsapi_socket_address_t *address)
{
    nsapi_error_t err = NSAPI_ERROR_NO_ADDRESS;

    nsapi_os_lock(&stack->sync);
    if (index < NSAPI_DNS_SERVERS && stack->dns_servers[index].addr.version != NSAPI_UNSPEC) {
        *address = stack->dns_servers[index];
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

enum query_state { QUERY_FREE, QUERY_RUNNING, QUERY_CANCELLED, QUERY_CALLING };

/* One lookup under way: its socket, its deadline, and its place if it is asynchronous. */
struct lookup {
    nsapi_stack_t *stack;
    nsapi_udp_socket_t socket;
    uint64_t deadline;
    const nsapi_dns_query_t *query; /* NULL for nsapi_stack_gethostbyname() */
};

static bool cancelled(const struct lookup *l)
{
    bool yes;

    if (l->query == NULL) {
        return false;
    }
    nsapi_os_lock(&l->stack->sync);
    yes = l->query->state == QUERY_CANCELLED;
    nsapi_os_unlock(&l->stack->sync);
    return yes;
}

/*
 * Set the socket's timeout for the next wait before `until`: the time left, or for an asynchronous lookup no
 * more than a cancel may wait.  False if the time is up or the lookup was cancelled.
 */
static bool next_wait(struct lookup *l, uint64_t until)
{
    uint64_t now = nsapi_os_now_ms(), wait = until > now ? until - now : 0;

    if (wait == 0 || cancelled(l)) {
        return false;
    }
    if (l->query != NULL && wait > NSAPI_DNS_CANCEL_CHECK_MS) {
        wait = NSAPI_DNS_CANCEL_CHECK_MS;
    }
    nsapi_udp_socket_set_timeout(&l->socket, wait > INT_MAX ? INT_MAX : (int)wait);
    return true;
}

/* Wait until `until` for server's response to query; false if none came in time (or the lookup was cancelled). */
static bool await(struct lookup *l, const nsapi_socket_address_t *server, const uint8_t *query, int query_len,
                  uint64_t until, enum dns_result *r, nsapi_addr_t *addr, uint32_t *ttl)
{
    uint8_t reply[DNS_MESSAGE_MAX];
    nsapi_socket_address_t from;
    unsigned count;

    while (next_wait(l, until)) {
        nsapi_size_or_error_t n = nsapi_udp_socket_recvfrom(&l->socket, &from, reply, sizeof reply);

        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            continue;
        }
        if (n < 0) {
            return false;
        }
        if (nsapi_rt_socket_same_peer(&from, server)) {
            *r = nsapi_rt_dns_response_read(reply, (size_t)n, query, (size_t)query_len, addr, 1, &count, ttl);
            if (*r != DNS_MALFORMED && *r != DNS_NOT_OURS) {
                return true; /* anything else is ignored, as if it had been lost */
            }
        }
    }
    return false;
}

/* How long the lookup waits for one server at most: its tries' waits, each twice the one before. */
static uint64_t server_ms(void)
{
    return (uint64_t)NSAPI_DNS_TRY_MS * ((UINT64_C(1) << NSAPI_DNS_TRIES) - 1u);
}

/*
 * Ask one server for one version of name, NSAPI_DNS_TRIES times at most, until the lookup's deadline at the
 * latest; false when no query could be sent to it.
 */
static bool ask_server(struct lookup *l, const nsapi_socket_address_t *server, const uint8_t *query, int length,
                       enum dns_result *r, nsapi_addr_t *addr, uint32_t *ttl)
{
    uint64_t wait = NSAPI_DNS_TRY_MS;
    bool sent = false;
    int try;

    *r = DNS_NOT_OURS; /* no answer yet */
    for (try = 0; try < NSAPI_DNS_TRIES; try++, wait *= 2) {
        uint64_t now = nsapi_os_now_ms();
        uint64_t until = now + wait < l->deadline ? now + wait : l->deadline;

        /* A send that cannot go at once waits no longer than the try, or than a cancel may wait. */
        if (!next_wait(l, until)) {
            break;
        }
        if (nsapi_udp_socket_sendto(&l->socket, server, query, (nsapi_size_t)length) != length) {
            break; /* a server this stack cannot reach */
        }
        sent = true;
        if (await(l, server, query, length, until, r, addr, ttl)) {
            break; /* an answer, to this try's query or to an earlier one: they are the same */
        }
    }
    return sent;
}

/* Ask the servers in turn for one version of name, until the lookup's deadline at the latest. */
static enum outcome ask(struct lookup *l, const nsapi_socket_address_t *servers, int count, const char *name,
                        nsapi_version_t version, nsapi_addr_t *addr)
{
    uint8_t query[DNS_MESSAGE_MAX];
    bool sent = false;
    int i;

    for (i = 0; i < count && nsapi_os_now_ms() < l->deadline; i++) {
        int length = nsapi_rt_dns_query_build(query, sizeof query, (uint16_t)nsapi_os_random(), name, version);
        uint32_t ttl;
        enum dns_result r;

        if (length < 0) {
            break;
        }
        sent |= ask_server(l, &servers[i], query, length, &r, addr, &ttl);
        if (r == DNS_ANSWER) {
            remember(l->stack, name, addr, ttl);
            return FOUND;
        }
        if (r == DNS_NO_SUCH_NAME || r == DNS_NO_DATA) {
            return r == DNS_NO_SUCH_NAME ? NO_SUCH_NAME : NO_DATA;
        }
        /* no answer, a server failure or a truncated answer: the next server may do better */
    }
    return sent ? NO_ANSWER : UNREACHABLE;
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

/* What to ask for, in order: version, or for NSAPI_UNSPEC the stack's own version then the other. */
static void versions(nsapi_stack_t *stack, nsapi_version_t version, nsapi_version_t order[2])
{
    nsapi_addr_t own;
    bool six;

    order[0] = version;
    order[1] = NSAPI_UNSPEC;
    if (version == NSAPI_UNSPEC) {
        six = stack_api_get_ip_address(stack, &own) == NSAPI_ERROR_OK && own.version == NSAPI_IPv6;
        order[0] = six ? NSAPI_IPv6 : NSAPI_IPv4;
        order[1] = six ? NSAPI_IPv4 : NSAPI_IPv6;
    }
}

/* The servers to ask, and how many there are. */
static int servers_of(nsapi_stack_t *stack, nsapi_socket_address_t servers[NSAPI_DNS_SERVERS])
{
    int count;

    nsapi_os_lock(&stack->sync);
    memcpy(servers, stack->dns_servers, sizeof stack->dns_servers);
    nsapi_os_unlock(&stack->sync);
    for (count = 0; count < NSAPI_DNS_SERVERS && servers[count].addr.version != NSAPI_UNSPEC; count++) {
    }
    return count;
}

/* Whether host is a name DNS can carry; its canonical form into name. */
static bool valid_name(const char *host, nsapi_version_t version, char *name)
{
    uint8_t probe[DNS_MESSAGE_MAX];

    if (nsapi_rt_dns_query_build(probe, sizeof probe, 0, host, version == NSAPI_IPv6 ? NSAPI_IPv6 : NSAPI_IPv4) < 0) {
        return false;
    }
    canonical(host, name);
    return true;
}

/*
 * The lookup itself, on the caller's thread or an asynchronous lookup's:
 * NSAPI_ERROR_OK, DNS_FAILURE (no such name or no address of the
 * version), TIMEOUT (no server answered), or what opening a socket gave.
 * name is canonical and cached answers were looked at already.
 */
static nsapi_error_t lookup(nsapi_stack_t *stack, const char *name, const nsapi_version_t order[2],
                            const nsapi_socket_address_t *servers, int count, const nsapi_dns_query_t *query,
                            nsapi_addr_t *addr)
{
    struct lookup l;
    enum outcome outcome;
    nsapi_addr_t found;
    nsapi_error_t err;

    memset(&l, 0, sizeof l);
    l.stack = stack;
    l.query = query;
    err = nsapi_udp_socket_open(&l.socket, stack);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    l.deadline = nsapi_os_now_ms() + (uint64_t)count * server_ms();
    outcome = ask(&l, servers, count, name, order[0], &found);
    /* Only a name without an address of the first version is asked again, for the other. */
    if (outcome == NO_DATA && order[1] != NSAPI_UNSPEC) {
        outcome = cached(stack, name, order[1], &found) ? FOUND : ask(&l, servers, count, name, order[1], &found);
    }
    nsapi_udp_socket_close(&l.socket);
    if (outcome != FOUND) {
        return outcome == NO_ANSWER ? NSAPI_ERROR_TIMEOUT : NSAPI_ERROR_DNS_FAILURE; /* asked and not answered, or not */
    }
    *addr = found; /* the caller's address changes only on success */
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_rt_dns_resolve(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr, nsapi_version_t version)
{
    char name[NSAPI_DNS_NAME_SIZE];
    nsapi_socket_address_t servers[NSAPI_DNS_SERVERS];
    nsapi_version_t order[2];
    nsapi_error_t err;
    int count;

    if (!valid_name(host, version, name)) {
        return NSAPI_ERROR_PARAMETER;
    }
    versions(stack, version, order);
    if (cached(stack, name, order[0], addr)) {
        return NSAPI_ERROR_OK;
    }
    count = servers_of(stack, servers);
    if (count == 0) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    err = lookup(stack, name, order, servers, count, NULL, addr);
    return err == NSAPI_ERROR_TIMEOUT ? NSAPI_ERROR_DNS_FAILURE : err; /* Mbed's: the synchronous call never times out */
}

/* --- asynchronous lookups ------------------------------------------------------------------ */

static void release(nsapi_stack_t *stack, nsapi_dns_query_t *q)
{
    nsapi_os_lock(&stack->sync);
    q->id = 0;
    q->state = QUERY_FREE;
    nsapi_os_unlock(&stack->sync);
}

/* The rule of every lookup, given how many servers the program gave: see nsapi_rt_dns_backend_resolves(). */
static bool backend_answers(const nsapi_stack_t *stack, int servers)
{
    return servers == 0 && stack->api->gethostbyname != NULL;
}

bool nsapi_rt_dns_backend_resolves(nsapi_stack_t *stack)
{
    nsapi_socket_address_t servers[NSAPI_DNS_SERVERS];

    return backend_answers(stack, servers_of(stack, servers));
}

static void run_query(void *arg)
{
    nsapi_dns_query_t *q = arg;
    nsapi_stack_t *stack = q->stack;
    nsapi_socket_address_t servers[NSAPI_DNS_SERVERS];
    nsapi_socket_address_t found = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_version_t order[2];
    nsapi_dns_cb_t callback = NULL;
    void *context = NULL;
    nsapi_error_t err;
    int count;

    versions(stack, q->version, order);
    count = servers_of(stack, servers);
    if (backend_answers(stack, count)) {
        err = stack->api->gethostbyname(stack, q->name, &found.addr, q->version); /* the backend's own */
    } else {
        err = lookup(stack, q->name, order, servers, count, q, &found.addr);
    }
    /* Under one hold of the lock: a cancel either came first (no callback) or finds nothing to cancel. */
    nsapi_os_lock(&stack->sync);
    if (q->state == QUERY_RUNNING) {
        callback = q->callback;
        context = q->context;
        q->id = 0; /* too late to cancel */
        q->state = QUERY_CALLING;
    }
    nsapi_os_unlock(&stack->sync);
    if (callback != NULL) {
        callback(err == NSAPI_ERROR_OK ? 1 : err, err == NSAPI_ERROR_OK ? &found : NULL, context);
    }
    release(stack, q); /* only now may the stack be released: its place held nsapi_stack_deinit() off */
}

nsapi_value_or_error_t nsapi_rt_dns_resolve_async(nsapi_stack_t *stack, const char *host, nsapi_dns_cb_t callback,
                                         void *context, nsapi_version_t version)
{
    char name[NSAPI_DNS_NAME_SIZE];
    nsapi_socket_address_t servers[NSAPI_DNS_SERVERS], found = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_version_t order[2];
    nsapi_dns_query_t *q = NULL;
    int i, id, count;

    if (!valid_name(host, version, name)) {
        return NSAPI_ERROR_PARAMETER;
    }
    versions(stack, version, order);
    if (cached(stack, name, order[0], &found.addr)) {
        callback(1, &found, context);
        return 0;
    }
    count = servers_of(stack, servers);
    if (count == 0 && !backend_answers(stack, count)) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    nsapi_os_lock(&stack->sync);
    for (i = 0; i < NSAPI_DNS_QUERIES && q == NULL; i++) {
        q = stack->dns_queries[i].state == QUERY_FREE ? &stack->dns_queries[i] : NULL;
    }
    if (q != NULL) {
        do { /* positive, and not the id of a lookup in flight */
            id = stack->dns_last_id = stack->dns_last_id == INT_MAX ? 1 : stack->dns_last_id + 1;
            for (i = 0; i < NSAPI_DNS_QUERIES && stack->dns_queries[i].id != id; i++) {
            }
        } while (i < NSAPI_DNS_QUERIES);
        memset(q, 0, sizeof *q);
        q->id = id;
        q->stack = stack;
        q->state = QUERY_RUNNING;
        q->version = version;
        q->callback = callback;
        q->context = context;
        strcpy(q->name, name);
    }
    nsapi_os_unlock(&stack->sync);
    if (q == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (nsapi_os_thread_start(run_query, q) != NSAPI_ERROR_OK) {
        release(stack, q);
        return NSAPI_ERROR_NO_MEMORY;
    }
    return id;
}

nsapi_error_t nsapi_rt_dns_cancel(nsapi_stack_t *stack, int id)
{
    nsapi_dns_query_t *q = NULL;
    int i;

    nsapi_os_lock(&stack->sync);
    for (i = 0; i < NSAPI_DNS_QUERIES && q == NULL; i++) {
        if (stack->dns_queries[i].id == id && stack->dns_queries[i].state == QUERY_RUNNING) {
            q = &stack->dns_queries[i];
        }
    }
    if (q != NULL) {
        /* Its thread sees this within NSAPI_DNS_CANCEL_CHECK_MS and ends without a callback, freeing the place.  Never
         * waited for here: cancel may be called where that thread's socket cannot progress (a sigio). */
        q->state = QUERY_CANCELLED;
        q->id = 0;
    }
    nsapi_os_unlock(&stack->sync);
    return q != NULL ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;
}

bool nsapi_rt_dns_busy(nsapi_stack_t *stack)
{
    bool busy = false;
    int i;

    nsapi_os_lock(&stack->sync);
    for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
        busy |= stack->dns_queries[i].state != QUERY_FREE;
    }
    nsapi_os_unlock(&stack->sync);
    return busy;
}

#else
typedef int nsapi_rt_dns_left_out; /* ISO C wants every file to declare something */
#endif /* NSAPI_CONFIG_DNS */
