/*
 * The lwIP backend's vtable and its public API (nsapi/lwip.h).  Each
 * operation takes lwIP's core lock, does its work through the raw API
 * (lwip_tcp.c, lwip_udp.c; the options in lwip_options.c), ends as
 * nsapi_lwip_unlock() does (lwip_events.c) and returns at once.  The
 * runtime's event callback is called after the core lock is released, by
 * the thread that held it while lwIP raised the event (an application's,
 * or lwIP's own): never under the lock, so it may call the stack again.
 * In the event-driven mode lwIP's own thread calls it before releasing the
 * lock, and the operations it calls then run in its hold (nsapi_lwip_lock).
 */
#include <string.h>

#include <lwip/init.h>
#include <lwip/netif.h>

#include "lwip_backend.h"
#include "nsapi/lwip.h"

#if !NO_SYS
#include <pthread.h>
#include <stdlib.h>

#include <lwip/sys.h>

static pthread_once_t started = PTHREAD_ONCE_INIT;
#endif
static nsapi_stack_t *owner; /* the one nsapi stack on lwIP; under the core lock */
static struct nsapi_lwip_tap *shortcut_taps[NSAPI_LWIP_SHORTCUT_TAPS]; /* of nsapi_lwip_add_tap(); under the core lock */

/* ---- the vtable ------------------------------------------------------------------------------ */

static nsapi_error_t get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr)
{
    nsapi_error_t err = NSAPI_ERROR_NO_ADDRESS;
    nsapi_socket_address_t found;

    (void)stack;
    nsapi_lwip_lock();
    if (netif_default != NULL && !ip4_addr_isany_val(*netif_ip4_addr(netif_default))) {
        nsapi_lwip_from_ip(netif_ip_addr4(netif_default), 0, &found);
        *addr = found.addr;
        err = NSAPI_ERROR_OK;
    } else if (netif_default != NULL && ip6_addr_isvalid(netif_ip6_addr_state(netif_default, 0))) {
        nsapi_lwip_from_ip(netif_ip_addr6(netif_default, 0), 0, &found);
        *addr = found.addr;
        err = NSAPI_ERROR_OK;
    }
    nsapi_lwip_unlock();
    return err;
}

static nsapi_error_t socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle,
                                 nsapi_event_cb_t event, void *context)
{
    struct nsapi_lwip_socket *s;
    nsapi_error_t err = NSAPI_ERROR_NO_MEMORY;

    (void)stack;
    if (proto != NSAPI_TCP && proto != NSAPI_UDP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    nsapi_lwip_lock();
    s = nsapi_lwip_socket_alloc(proto);
    if (s != NULL) {
        s->event = event;
        s->context = context;
        err = proto == NSAPI_TCP ? nsapi_lwip_tcp_open(s) : nsapi_lwip_udp_open(s);
        if (err != NSAPI_ERROR_OK) {
            nsapi_lwip_socket_free(s);
        }
    }
    nsapi_lwip_unlock();
    if (err == NSAPI_ERROR_OK) {
        *handle = s;
    }
    return err;
}

static nsapi_error_t socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct nsapi_lwip_socket *s = handle;

    (void)stack;
    nsapi_lwip_lock();
    nsapi_lwip_silence(s); /* no event after close returns */
    if (s->proto == NSAPI_TCP) {
        nsapi_lwip_tcp_close(s);
    } else {
        nsapi_lwip_udp_close(s);
    }
    nsapi_lwip_socket_free(s);
    nsapi_lwip_unlock();
    return NSAPI_ERROR_OK;
}

static nsapi_error_t socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle,
                                 const nsapi_socket_address_t *address)
{
    struct nsapi_lwip_socket *s = handle;
    nsapi_error_t err = NSAPI_ERROR_PARAMETER;
    ip_addr_t ip;

    (void)stack;
    if (!nsapi_lwip_to_ip(&address->addr, &ip)) {
        return NSAPI_ERROR_PARAMETER;
    }
    nsapi_lwip_lock();
    nsapi_lwip_zone(&ip);
    if (nsapi_lwip_is_local(&ip)) {
        err = s->proto == NSAPI_TCP ? nsapi_lwip_tcp_bind(s, &ip, address->port)
                                    : nsapi_lwip_udp_bind(s, &ip, address->port);
    }
    nsapi_lwip_unlock();
    return err;
}

static nsapi_error_t socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    struct nsapi_lwip_socket *s = handle;
    nsapi_error_t err = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (s->proto == NSAPI_TCP) {
        NSAPI_LWIP_LOCKED(err = nsapi_lwip_tcp_listen(s, backlog));
    }
    return err;
}

static nsapi_error_t socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle,
                                    const nsapi_socket_address_t *address)
{
    struct nsapi_lwip_socket *s = handle;
    nsapi_error_t err;
    ip_addr_t ip;

    (void)stack;
    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED; /* the runtime keeps UDP peers itself */
    }
    if (!nsapi_lwip_to_ip(&address->addr, &ip) || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    nsapi_lwip_lock();
    nsapi_lwip_zone(&ip);
    err = nsapi_lwip_tcp_connect(s, &ip, address->port);
    nsapi_lwip_unlock();
    return err;
}

static nsapi_error_t socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle,
                                   nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    struct nsapi_lwip_socket *s = server, *c = NULL;
    nsapi_error_t err = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (s->proto != NSAPI_TCP) {
        return err;
    }
    nsapi_lwip_lock();
    err = nsapi_lwip_tcp_accept(s, &c);
    if (err == NSAPI_ERROR_OK) {
        c->event = event;
        c->context = context;
        *handle = c;
        *address = c->peer;
        nsapi_lwip_notify(c); /* whatever came before it was accepted is not lost */
    }
    nsapi_lwip_unlock();
    return err;
}

static nsapi_size_or_error_t socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data,
                                         nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct nsapi_lwip_socket *)handle)->proto == NSAPI_TCP) {
        NSAPI_LWIP_LOCKED(n = nsapi_lwip_tcp_send(handle, data, size));
    }
    return n;
}

static nsapi_size_or_error_t socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data,
                                         nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct nsapi_lwip_socket *)handle)->proto == NSAPI_TCP) {
        NSAPI_LWIP_LOCKED(n = nsapi_lwip_tcp_recv(handle, data, size));
    }
    return n;
}

static nsapi_size_or_error_t socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle,
                                           const nsapi_socket_address_t *address, const void *data,
                                           nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;
    ip_addr_t ip;

    (void)stack;
    if (((struct nsapi_lwip_socket *)handle)->proto != NSAPI_UDP) {
        return n;
    }
    if (!nsapi_lwip_to_ip(&address->addr, &ip) || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    nsapi_lwip_lock();
    nsapi_lwip_zone(&ip);
    n = nsapi_lwip_udp_sendto(handle, &ip, address->port, data, size);
    nsapi_lwip_unlock();
    return n;
}

static nsapi_size_or_error_t socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle,
                                             nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct nsapi_lwip_socket *)handle)->proto == NSAPI_UDP) {
        NSAPI_LWIP_LOCKED(n = nsapi_lwip_udp_recvfrom(handle, address, data, size));
    }
    return n;
}

/* The runtime owes a sigio: queue the socket's event; it goes out where every event goes. */
static nsapi_error_t socket_notify(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    (void)stack;
    NSAPI_LWIP_LOCKED(nsapi_lwip_notify(handle));
    return NSAPI_ERROR_OK;
}

/* Not inside the events of the event-driven mode: the lock a sleeper would keep stops lwIP. */
static nsapi_error_t may_wait(nsapi_stack_t *stack)
{
    (void)stack;
    return nsapi_lwip_inside_events() ? NSAPI_ERROR_WOULD_BLOCK : NSAPI_ERROR_OK;
}

static const nsapi_stack_api_t vtable = {
    .get_ip_address = get_ip_address,
    .socket_open = socket_open,
    .socket_close = socket_close,
    .socket_bind = socket_bind,
    .socket_listen = socket_listen,
    .socket_connect = socket_connect,
    .socket_accept = socket_accept,
    .socket_send = socket_send,
    .socket_recv = socket_recv,
    .socket_sendto = socket_sendto,
    .socket_recvfrom = socket_recvfrom,
    .setsockopt = nsapi_lwip_setsockopt,
    .getsockopt = nsapi_lwip_getsockopt,
    .socket_notify = socket_notify,
    .may_wait = may_wait,
};

/* ---- the public API (nsapi/lwip.h) ------------------------------------------------------------ */

#if NO_SYS
/* No threads: lwIP's state is made by the first call, and runs in nsapi_lwip_poll(). */
static void start_once(void)
{
    static bool started;

    if (!started) {
        started = true;
        nsapi_lwip_events_start();
        lwip_init();
    }
}
#else
static void tcpip_started(void *arg)
{
    nsapi_lwip_events_mark_thread();
    sys_sem_signal((sys_sem_t *)arg);
}

/* Waits until lwIP's thread runs: it records its own id (read by the core-lock check of every
 * call) before it signals, so no caller can reach lwIP before that write. */
static void start_lwip(void)
{
    sys_sem_t running;

    if (sys_sem_new(&running, 0) != ERR_OK) {
        abort(); /* nothing could run without lwIP's thread */
    }
    nsapi_lwip_events_start();
    tcpip_init(tcpip_started, &running);
    sys_sem_wait(&running);
    sys_sem_free(&running);
}

static void start_once(void)
{
    pthread_once(&started, start_lwip);
}
#endif

static bool is_ours(nsapi_stack_t *stack)
{
    bool ours;

    if (stack == NULL) {
        return false;
    }
    start_once(); /* the core lock exists even before the first nsapi_lwip_init() */
    NSAPI_LWIP_LOCKED(ours = stack == owner);
    return ours;
}

nsapi_error_t nsapi_lwip_init(nsapi_stack_t *stack)
{
    nsapi_error_t err = NSAPI_ERROR_BUSY;

    if (stack == NULL || stack->api != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    start_once();
    LOCK_TCPIP_CORE();
    if (owner == NULL) {
        err = nsapi_stack_init(stack, &vtable, NULL);
        if (err == NSAPI_ERROR_OK) {
            owner = stack;
        }
    }
    UNLOCK_TCPIP_CORE();
    return err;
}

/* An address of the given version from text; NULL text gives NULL. */
static nsapi_error_t parse(const char *text, nsapi_version_t version, ip_addr_t *ip, const ip_addr_t **out)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    *out = NULL;
    if (text == NULL) {
        return NSAPI_ERROR_OK;
    }
    if (nsapi_socket_address_set_ip_address(&a, text) != NSAPI_ERROR_OK || a.addr.version != version) {
        return NSAPI_ERROR_PARAMETER;
    }
    nsapi_lwip_to_ip(&a.addr, ip);
    *out = ip;
    return NSAPI_ERROR_OK;
}

/* ---- interfaces, and the shortcuts of static netifs ---------------------------------------- */

nsapi_error_t nsapi_lwip_ethernet_init(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *tap)
{
    if (interface == NULL || tap == NULL || interface->api != NULL || !is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_lwip_interface_ethernet(interface, stack, tap);
}

nsapi_error_t nsapi_lwip_loopback_init(nsapi_interface_t *interface, nsapi_stack_t *stack)
{
    if (interface == NULL || interface->api != NULL || !is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_lwip_interface_loopback(interface, stack);
}

/* The loopback netif up with static addresses (either may be NULL). */
static nsapi_error_t add_loopback(const ip_addr_t *ipv4, const ip_addr_t *ipv6)
{
    struct netif *netif = nsapi_lwip_loopback_create();
    ip4_addr_t mask;

    if (netif == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    IP4_ADDR(&mask, 255, 255, 255, 0);
    if (ipv4 != NULL) {
        netif_set_addr(netif, ip_2_ip4(ipv4), &mask, IP4_ADDR_ANY4);
    }
    if (ipv6 != NULL && nsapi_lwip_add_static_ip6(netif, ip_2_ip6(ipv6)) != ERR_OK) {
        nsapi_lwip_loopback_remove();
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    netif_set_up(netif);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_add_loopback(nsapi_stack_t *stack, const char *ipv4, const char *ipv6)
{
    ip_addr_t ip4, ip6;
    const ip_addr_t *v4, *v6;
    nsapi_error_t err;

    if (!is_ours(stack) || (ipv4 == NULL && ipv6 == NULL) || parse(ipv4, NSAPI_IPv4, &ip4, &v4) != NSAPI_ERROR_OK
        || parse(ipv6, NSAPI_IPv6, &ip6, &v6) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_PARAMETER;
    }
    NSAPI_LWIP_LOCKED(err = add_loopback(v4, v6));
    return err;
}

/* A TAP netif of the shortcut up with static addresses: IPv4 a /24, IPv6 a /64 beside the link-local one. */
static void configure_tap(struct netif *netif, const ip_addr_t *ipv4, const ip_addr_t *gateway,
                          const ip_addr_t *ipv6)
{
    ip4_addr_t mask;

    IP4_ADDR(&mask, 255, 255, 255, 0);
    if (ipv4 != NULL) {
        netif_set_addr(netif, ip_2_ip4(ipv4), &mask, gateway ? ip_2_ip4(gateway) : IP4_ADDR_ANY4);
    }
    netif_create_ip6_linklocal_address(netif, 1); /* neighbour discovery needs one */
    if (ipv6 != NULL) {
        (void)nsapi_lwip_add_static_ip6(netif, ip_2_ip6(ipv6));
    }
    if (netif_default == NULL) {
        netif_set_default(netif);
    }
    netif_set_up(netif);
}

nsapi_error_t nsapi_lwip_add_tap(nsapi_stack_t *stack, const char *name, const char *ipv4, const char *gateway,
                                 const char *ipv6)
{
    ip_addr_t ip4, gw, ip6;
    const ip_addr_t *v4, *g4, *v6;
    struct nsapi_lwip_tap *tap;
    nsapi_error_t err;
    unsigned i;

    if (!is_ours(stack) || name == NULL || name[0] == '\0' || parse(ipv4, NSAPI_IPv4, &ip4, &v4) != NSAPI_ERROR_OK
        || parse(gateway, NSAPI_IPv4, &gw, &g4) != NSAPI_ERROR_OK || parse(ipv6, NSAPI_IPv6, &ip6, &v6) != NSAPI_ERROR_OK
        || (v4 == NULL && v6 == NULL)) {
        return NSAPI_ERROR_PARAMETER;
    }
    err = nsapi_lwip_tap_open(name, &tap);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    LOCK_TCPIP_CORE();
    for (i = 0; i < NSAPI_LWIP_SHORTCUT_TAPS && shortcut_taps[i] != NULL; i++) {
    }
    if (i < NSAPI_LWIP_SHORTCUT_TAPS) {
        configure_tap(nsapi_lwip_tap_netif(tap), v4, g4, v6);
        shortcut_taps[i] = tap;
    }
    nsapi_lwip_unlock();
    if (i == NSAPI_LWIP_SHORTCUT_TAPS) {
        nsapi_lwip_tap_close(tap);
        return NSAPI_ERROR_NO_MEMORY;
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_deinit(nsapi_stack_t *stack)
{
    struct nsapi_lwip_tap *taps[NSAPI_LWIP_SHORTCUT_TAPS] = {NULL};
    nsapi_error_t err = NSAPI_ERROR_BUSY;
    unsigned i;

    if (!is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    if (nsapi_lwip_interface_count() == 0) {
        err = nsapi_stack_deinit(stack);
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_lwip_loopback_remove();
        memcpy(taps, shortcut_taps, sizeof taps);
        memset(shortcut_taps, 0, sizeof shortcut_taps);
        owner = NULL;
    }
    nsapi_lwip_unlock();
    for (i = 0; i < NSAPI_LWIP_SHORTCUT_TAPS; i++) {
        if (taps[i] != NULL) {
            nsapi_lwip_tap_close(taps[i]); /* its reader stops without the core lock */
        }
    }
    return err;
}

nsapi_error_t nsapi_lwip_set_event_driven(nsapi_stack_t *stack, bool on)
{
    nsapi_error_t err;

    if (!is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    NSAPI_LWIP_LOCKED(err = nsapi_lwip_events_drive(on));
    return err;
}

unsigned nsapi_lwip_open_sockets(nsapi_stack_t *stack)
{
    unsigned n;

    if (!is_ours(stack)) {
        return 0;
    }
    NSAPI_LWIP_LOCKED(n = nsapi_lwip_socket_count());
    return n;
}
