/*
 * The lwIP backend's vtable: each operation takes lwIP's core lock, does its
 * work through the raw API (lwip_tcp.c, lwip_udp.c) and returns at once.
 * lwIP's thread calls the runtime's event callback from pcb callbacks, with
 * the core lock held; the runtime never takes the core lock while holding a
 * socket's lock, so the two cannot deadlock.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <lwip/netif.h>
#include <lwip/tcpip.h>

#include "lwip_errors.h"
#include "lwip_netif.h"
#include "lwip_socket.h"
#include "nsapi/lwip.h"

static pthread_once_t started = PTHREAD_ONCE_INIT;
static nsapi_stack_t *owner; /* the one nsapi stack on lwIP; under the core lock */
static unsigned sockets;     /* backend sockets alive, pending accepts included; under the core lock */

/*
 * While a call's loopback traffic is delivered, a socket's events are noted
 * once and sent when the delivery is over: a burst of segments wakes the
 * reader once, not once a segment.  Under the core lock.
 */
#define BATCH_MAX 16
static struct lwip_socket *batch[BATCH_MAX];
static unsigned batched;
static bool batching;

/* The end of a call into lwIP: what it looped back is delivered before the core lock goes. */
static void unlock_core(void)
{
    unsigned i;

    batching = true;
    lwip_loopback_deliver();
    batching = false;
    for (i = 0; i < batched; i++) {
        batch[i]->batched = false;
        lwip_socket_notify(batch[i]);
    }
    batched = 0;
    UNLOCK_TCPIP_CORE();
}

#define LOCKED(expr)                                                                                                  \
    do {                                                                                                              \
        LOCK_TCPIP_CORE();                                                                                            \
        expr;                                                                                                         \
        unlock_core();                                                                                                \
    } while (0)

/* ---- shared helpers (lwip_socket.h) ----------------------------------------------------- */

void lwip_socket_notify(struct lwip_socket *s)
{
    if (s->event == NULL || s->batched) {
        return; /* not the runtime's yet; or noted, to be sent at the end of the delivery */
    }
    if (batching && batched < BATCH_MAX) {
        s->batched = true;
        batch[batched++] = s;
        return;
    }
    s->event(s->context);
}

struct lwip_socket *lwip_socket_alloc(nsapi_protocol_t proto)
{
    struct lwip_socket *s = calloc(1, sizeof *s);

    if (s != NULL) {
        s->proto = proto;
        sockets++;
    }
    return s;
}

void lwip_socket_free(struct lwip_socket *s)
{
    sockets--;
    free(s);
}

bool lwip_to_ip(const nsapi_addr_t *addr, ip_addr_t *ip)
{
    switch (addr->version) {
    case NSAPI_UNSPEC:
        ip_addr_copy(*ip, *IP_ANY_TYPE); /* either version: every address, IPv4 and IPv6 */
        return true;
    case NSAPI_IPv4:
        IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V4);
        memcpy(&ip_2_ip4(ip)->addr, addr->bytes, 4);
        return true;
    case NSAPI_IPv6:
        IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V6);
        memcpy(ip_2_ip6(ip)->addr, addr->bytes, 16);
        ip6_addr_clear_zone(ip_2_ip6(ip));
        return true;
    default:
        return false;
    }
}

void lwip_from_ip(const ip_addr_t *ip, uint16_t port, nsapi_socket_address_t *address)
{
    nsapi_addr_t addr;

    memset(&addr, 0, sizeof addr);
    if (IP_IS_V6(ip)) {
        addr.version = NSAPI_IPv6;
        memcpy(addr.bytes, ip_2_ip6(ip)->addr, 16);
    } else {
        addr.version = NSAPI_IPv4;
        memcpy(addr.bytes, &ip_2_ip4(ip)->addr, 4);
    }
    nsapi_socket_address_set_addr(address, &addr);
    nsapi_socket_address_set_port(address, port);
}

bool lwip_is_local(const ip_addr_t *ip)
{
    struct netif *netif;

    if (ip_addr_isany(ip) || ip_addr_isloopback(ip)) {
        return true;
    }
    NETIF_FOREACH(netif) {
        if (IP_IS_V4(ip) && ip4_addr_cmp(ip_2_ip4(ip), netif_ip4_addr(netif))) {
            return true;
        }
        if (IP_IS_V6(ip) && netif_get_ip6_addr_match(netif, ip_2_ip6(ip)) >= 0) {
            return true;
        }
    }
    return false;
}

void lwip_zone(ip_addr_t *ip)
{
    struct netif *netif;

    if (!IP_IS_V6(ip) || !ip6_addr_lacks_zone(ip_2_ip6(ip), IP6_UNKNOWN)) {
        return;
    }
    /* nsapi addresses carry no zone: a link-local peer is on the netif that has a link-local address. */
    NETIF_FOREACH(netif) {
        if (ip6_addr_isvalid(netif_ip6_addr_state(netif, 0)) && ip6_addr_islinklocal(netif_ip6_addr(netif, 0))) {
            ip6_addr_assign_zone(ip_2_ip6(ip), IP6_UNKNOWN, netif);
            return;
        }
    }
}

nsapi_size_t lwip_copy_out(const struct pbuf *p, void *data, nsapi_size_t size)
{
    u16_t length = size < p->tot_len ? (u16_t)size : p->tot_len;

    return pbuf_copy_partial(p, data, length, 0);
}

/* ---- the vtable ------------------------------------------------------------------------------ */

static nsapi_error_t lwip_get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr)
{
    nsapi_error_t err = NSAPI_ERROR_NO_ADDRESS;
    nsapi_socket_address_t found;

    (void)stack;
    LOCK_TCPIP_CORE();
    if (netif_default != NULL && !ip4_addr_isany_val(*netif_ip4_addr(netif_default))) {
        lwip_from_ip(netif_ip_addr4(netif_default), 0, &found);
        *addr = found.addr;
        err = NSAPI_ERROR_OK;
    } else if (netif_default != NULL && ip6_addr_isvalid(netif_ip6_addr_state(netif_default, 0))) {
        lwip_from_ip(netif_ip_addr6(netif_default, 0), 0, &found);
        *addr = found.addr;
        err = NSAPI_ERROR_OK;
    }
    unlock_core();
    return err;
}

static nsapi_error_t lwip_socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle,
                                      nsapi_event_cb_t event, void *context)
{
    struct lwip_socket *s;
    nsapi_error_t err = NSAPI_ERROR_NO_MEMORY;

    (void)stack;
    if (proto != NSAPI_TCP && proto != NSAPI_UDP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    LOCK_TCPIP_CORE();
    s = lwip_socket_alloc(proto);
    if (s != NULL) {
        s->event = event;
        s->context = context;
        err = proto == NSAPI_TCP ? lwip_tcp_open(s) : lwip_udp_open(s);
        if (err != NSAPI_ERROR_OK) {
            lwip_socket_free(s);
        }
    }
    unlock_core();
    if (err == NSAPI_ERROR_OK) {
        *handle = s;
    }
    return err;
}

static nsapi_error_t lwip_socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct lwip_socket *s = handle;

    (void)stack;
    LOCK_TCPIP_CORE();
    s->event = NULL; /* no event after close returns */
    if (s->proto == NSAPI_TCP) {
        lwip_tcp_close(s);
    } else {
        lwip_udp_close(s);
    }
    lwip_socket_free(s);
    unlock_core();
    return NSAPI_ERROR_OK;
}

static nsapi_error_t lwip_socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle,
                                      const nsapi_socket_address_t *address)
{
    struct lwip_socket *s = handle;
    nsapi_error_t err = NSAPI_ERROR_PARAMETER;
    ip_addr_t ip;

    (void)stack;
    if (!lwip_to_ip(&address->addr, &ip)) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    lwip_zone(&ip);
    if (lwip_is_local(&ip)) {
        err = s->proto == NSAPI_TCP ? lwip_tcp_bind(s, &ip, address->port) : lwip_udp_bind(s, &ip, address->port);
    }
    unlock_core();
    return err;
}

static nsapi_error_t lwip_socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    struct lwip_socket *s = handle;
    nsapi_error_t err = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (s->proto == NSAPI_TCP) {
        LOCKED(err = lwip_tcp_listen(s, backlog));
    }
    return err;
}

static nsapi_error_t lwip_socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle,
                                         const nsapi_socket_address_t *address)
{
    struct lwip_socket *s = handle;
    nsapi_error_t err;
    ip_addr_t ip;

    (void)stack;
    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED; /* the runtime keeps UDP peers itself */
    }
    if (!lwip_to_ip(&address->addr, &ip) || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    lwip_zone(&ip);
    err = lwip_tcp_connect(s, &ip, address->port);
    unlock_core();
    return err;
}

static nsapi_error_t lwip_socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle,
                                        nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    struct lwip_socket *s = server, *c = NULL;
    nsapi_error_t err = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (s->proto != NSAPI_TCP) {
        return err;
    }
    LOCK_TCPIP_CORE();
    err = lwip_tcp_accept(s, &c);
    if (err == NSAPI_ERROR_OK) {
        c->event = event;
        c->context = context;
        *handle = c;
        *address = c->peer;
        lwip_socket_notify(c); /* whatever came before it was accepted is not lost */
    }
    unlock_core();
    return err;
}

static nsapi_size_or_error_t lwip_socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data,
                                              nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct lwip_socket *)handle)->proto == NSAPI_TCP) {
        LOCKED(n = lwip_tcp_send(handle, data, size));
    }
    return n;
}

static nsapi_size_or_error_t lwip_socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data,
                                              nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct lwip_socket *)handle)->proto == NSAPI_TCP) {
        LOCKED(n = lwip_tcp_recv(handle, data, size));
    }
    return n;
}

static nsapi_size_or_error_t lwip_socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                const nsapi_socket_address_t *address, const void *data,
                                                nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;
    ip_addr_t ip;

    (void)stack;
    if (((struct lwip_socket *)handle)->proto != NSAPI_UDP) {
        return n;
    }
    if (!lwip_to_ip(&address->addr, &ip) || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    lwip_zone(&ip);
    n = lwip_udp_sendto(handle, &ip, address->port, data, size);
    unlock_core();
    return n;
}

static nsapi_size_or_error_t lwip_socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                  nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    nsapi_size_or_error_t n = NSAPI_ERROR_UNSUPPORTED;

    (void)stack;
    if (((struct lwip_socket *)handle)->proto == NSAPI_UDP) {
        LOCKED(n = lwip_udp_recvfrom(handle, address, data, size));
    }
    return n;
}

/* ---- options ------------------------------------------------------------------------------- */

/* The pcb's so_options byte, which TCP and UDP pcbs both carry. */
static u8_t *so_options(struct lwip_socket *s)
{
    if (s->proto == NSAPI_TCP) {
        return s->pcb.tcp != NULL ? &s->pcb.tcp->so_options : NULL;
    }
    return &s->pcb.udp->so_options;
}

static bool int_option_known(int optname)
{
    return optname == NSAPI_REUSEADDR || optname == NSAPI_KEEPALIVE || optname == NSAPI_KEEPIDLE
           || optname == NSAPI_KEEPINTVL || optname == NSAPI_RCVBUF;
}

/* Set (set) or read (!set) an int-valued option.  Core lock held. */
static nsapi_error_t int_option(struct lwip_socket *s, int optname, int *value, bool set)
{
    u8_t *options = so_options(s);
    /* A listening pcb is lwIP's smaller tcp_pcb_listen: it has no keep-alive timers. */
    struct tcp_pcb *tcp = s->proto == NSAPI_TCP && s->state != TCP_LISTENING ? s->pcb.tcp : NULL;
    u8_t flag = optname == NSAPI_REUSEADDR ? SOF_REUSEADDR : SOF_KEEPALIVE;

    switch (optname) {
    case NSAPI_REUSEADDR:
    case NSAPI_KEEPALIVE:
        if (options == NULL) {
            return NSAPI_ERROR_NO_CONNECTION;
        }
        if (optname == NSAPI_KEEPALIVE && tcp == NULL) {
            return s->state == TCP_LISTENING ? NSAPI_ERROR_UNSUPPORTED : NSAPI_ERROR_NO_CONNECTION;
        }
        if (set) {
            *options = (u8_t)(*value ? *options | flag : *options & ~flag);
        } else {
            *value = (*options & flag) != 0;
        }
        return NSAPI_ERROR_OK;
    case NSAPI_KEEPIDLE:
    case NSAPI_KEEPINTVL:
        if (tcp == NULL) {
            return s->proto == NSAPI_TCP && s->state != TCP_LISTENING ? NSAPI_ERROR_NO_CONNECTION
                                                                      : NSAPI_ERROR_UNSUPPORTED;
        }
        if (set && *value <= 0) {
            return NSAPI_ERROR_PARAMETER;
        }
        if (optname == NSAPI_KEEPIDLE) {
            set ? (void)(tcp->keep_idle = (u32_t)*value) : (void)(*value = (int)tcp->keep_idle);
        } else {
            set ? (void)(tcp->keep_intvl = (u32_t)*value) : (void)(*value = (int)tcp->keep_intvl);
        }
        return NSAPI_ERROR_OK;
    case NSAPI_RCVBUF:
        if (s->proto != NSAPI_UDP) {
            return NSAPI_ERROR_UNSUPPORTED; /* lwIP's TCP window is fixed when it is built */
        }
        if (set && *value <= 0) {
            return NSAPI_ERROR_PARAMETER;
        }
        set ? (void)(s->rcvbuf = (unsigned)*value) : (void)(*value = (int)s->rcvbuf);
        return NSAPI_ERROR_OK;
    default:
        return NSAPI_ERROR_UNSUPPORTED;
    }
}

static nsapi_error_t lwip_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                     const void *optval, unsigned optlen)
{
    struct lwip_socket *s = handle;
    nsapi_error_t err;
    int value;

    (void)stack;
    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (optname == NSAPI_ADD_MEMBERSHIP || optname == NSAPI_DROP_MEMBERSHIP) {
        if (optlen != sizeof(nsapi_ip_mreq_t)) {
            return NSAPI_ERROR_PARAMETER;
        }
        if (s->proto != NSAPI_UDP) {
            return NSAPI_ERROR_UNSUPPORTED;
        }
        LOCKED(err = lwip_udp_membership(s, optname == NSAPI_ADD_MEMBERSHIP, optval));
        return err;
    }
    if (!int_option_known(optname)) {
        return NSAPI_ERROR_UNSUPPORTED; /* LINGER and SNDBUF among them: lwIP fixes both when it is built */
    }
    if (optlen != sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    memcpy(&value, optval, sizeof value);
    LOCKED(err = int_option(s, optname, &value, true));
    return err;
}

static nsapi_error_t lwip_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                     void *optval, unsigned *optlen)
{
    nsapi_error_t err;
    int value = 0;

    (void)stack;
    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (!int_option_known(optname)) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (*optlen < sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCKED(err = int_option(handle, optname, &value, false));
    if (err == NSAPI_ERROR_OK) {
        memcpy(optval, &value, sizeof value);
        *optlen = sizeof value;
    }
    return err;
}

static const nsapi_stack_api_t lwip_api = {
    .get_ip_address = lwip_get_ip_address,
    .socket_open = lwip_socket_open,
    .socket_close = lwip_socket_close,
    .socket_bind = lwip_socket_bind,
    .socket_listen = lwip_socket_listen,
    .socket_connect = lwip_socket_connect,
    .socket_accept = lwip_socket_accept,
    .socket_send = lwip_socket_send,
    .socket_recv = lwip_socket_recv,
    .socket_sendto = lwip_socket_sendto,
    .socket_recvfrom = lwip_socket_recvfrom,
    .setsockopt = lwip_setsockopt,
    .getsockopt = lwip_getsockopt,
};

/* ---- the public API (nsapi/lwip.h) ------------------------------------------------------------ */

static void start_lwip(void)
{
    tcpip_init(NULL, NULL); /* the core lock and lwIP's state exist when it returns */
}

static bool is_ours(nsapi_stack_t *stack)
{
    bool ours;

    LOCKED(ours = stack != NULL && stack == owner);
    return ours;
}

nsapi_error_t nsapi_lwip_init(nsapi_stack_t *stack)
{
    nsapi_error_t err = NSAPI_ERROR_BUSY;

    if (stack == NULL || stack->api != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    pthread_once(&started, start_lwip);
    LOCK_TCPIP_CORE();
    if (owner == NULL) {
        err = nsapi_stack_init(stack, &lwip_api, NULL);
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
    lwip_to_ip(&a.addr, ip);
    *out = ip;
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
    LOCKED(err = lwip_loopback_add(v4, v6));
    return err;
}

nsapi_error_t nsapi_lwip_add_tap(nsapi_stack_t *stack, const char *name, const char *ipv4, const char *gateway,
                                const char *ipv6)
{
    ip_addr_t ip4, gw, ip6;
    const ip_addr_t *v4, *g4, *v6;
    nsapi_error_t err;

    if (!is_ours(stack) || name == NULL || name[0] == '\0' || parse(ipv4, NSAPI_IPv4, &ip4, &v4) != NSAPI_ERROR_OK
        || parse(gateway, NSAPI_IPv4, &gw, &g4) != NSAPI_ERROR_OK || parse(ipv6, NSAPI_IPv6, &ip6, &v6) != NSAPI_ERROR_OK
        || (v4 == NULL && v6 == NULL)) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCKED(err = lwip_tap_add(name, v4, g4, v6));
    return err;
}

nsapi_error_t nsapi_lwip_deinit(nsapi_stack_t *stack)
{
    nsapi_error_t err;

    if (!is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    err = nsapi_stack_deinit(stack);
    if (err == NSAPI_ERROR_OK) {
        lwip_loopback_remove();
        lwip_tap_remove();
        owner = NULL;
    }
    UNLOCK_TCPIP_CORE();
    return err;
}

unsigned nsapi_lwip_open_sockets(void)
{
    unsigned n;

    pthread_once(&started, start_lwip);
    LOCKED(n = sockets);
    return n;
}
