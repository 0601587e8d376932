/*
 * The lwIP backend's network interfaces (nsapi_interface_api_t): Ethernet
 * over a TAP netif, and the loopback netif.  lwIP does the work: dhcp.c for
 * IPv4 leases (renewal, INIT-REBOOT when the link returns, AutoIP when no
 * server answers), nd6.c for the link-local address and SLAAC, dhcp6.c for
 * stateless DHCPv6; these operations only start and stop them, under the
 * core lock.
 *
 * The status follows from the netif as it is (link down: DISCONNECTED; an
 * IPv4 address beyond 169.254/16 or a valid IPv6 one beyond the link:
 * GLOBAL_UP; link-local ones only: LOCAL_UP; else CONNECTING), worked out
 * again in lwIP's extended netif callback whenever either changes.  That
 * callback runs under the core lock, where the runtime must not be told (it
 * calls the program back), so a changed status is queued to lwip_status.c's
 * thread.  An interface reports only between up and down.
 *
 * A TAP interface's netif stays up in lwIP after down, without addresses: a
 * DHCPRELEASE may still wait in ARP's queue for the server's MAC address,
 * and a netif taken down would drop it.
 */
#include <stdlib.h>
#include <string.h>

#include <lwip/autoip.h>
#include <lwip/dhcp.h>
#include <lwip/dhcp6.h>
#include <lwip/dns.h>
#include <lwip/nd6.h>
#include <lwip/netif.h>

#include "lwip_backend.h"

struct lwip_interface {
    struct netif *netif;
    struct nsapi_lwip_tap *tap; /* NULL: the loopback netif */
    struct nsapi_lwip_pending pending;
    bool active;                   /* between up and down: the status is reported */
    nsapi_connection_status_t last; /* the status queued last */
    ip4_addr_t ip4, netmask, gateway; /* of set_network */
    ip6_addr_t ip6;
    bool has_ip4, has_ip6;
    struct dhcp dhcp; /* lwIP's clients' state, ours rather than lwIP's heap */
    struct autoip autoip;
    struct dhcp6 dhcp6;
    struct lwip_interface *next;
};

static struct lwip_interface *interfaces; /* under the core lock */
static unsigned count;
NETIF_DECLARE_EXT_CALLBACK(watcher)

static struct lwip_interface *find(struct netif *netif)
{
    struct lwip_interface *d;

    for (d = interfaces; d != NULL && d->netif != netif; d = d->next) {
    }
    return d;
}

/* ---- status ----------------------------------------------------------------------------------- */

static nsapi_connection_status_t status_of(struct netif *netif)
{
    const ip_addr_t *ip4 = nsapi_lwip_find_address(netif, NSAPI_ADDRESS_IPv4);

    if (!netif_is_link_up(netif)) {
        return NSAPI_STATUS_DISCONNECTED;
    }
    if ((ip4 != NULL && !ip4_addr_islinklocal(ip_2_ip4(ip4)))
        || nsapi_lwip_find_address(netif, NSAPI_ADDRESS_IPv6_GLOBAL) != NULL) {
        return NSAPI_STATUS_GLOBAL_UP; /* a lease, a static address, a SLAAC one */
    }
    if (ip4 != NULL || nsapi_lwip_find_address(netif, NSAPI_ADDRESS_IPv6_LINK_LOCAL) != NULL) {
        return NSAPI_STATUS_LOCAL_UP; /* AutoIP's 169.254/16, fe80::/10 */
    }
    return NSAPI_STATUS_CONNECTING;
}

/*
 * A netif with an IPv4 address as the default when the default has none:
 * off-link IPv4 goes by the default netif alone, and an interface that went
 * down (or never got a lease) must not keep it from one that is up.
 */
static void choose_default(void)
{
    struct netif *netif;

    if (netif_default != NULL && netif_is_up(netif_default) && netif_is_link_up(netif_default)
        && !ip4_addr_isany_val(*netif_ip4_addr(netif_default))) {
        return;
    }
    NETIF_FOREACH(netif) {
        if (netif_is_up(netif) && netif_is_link_up(netif) && !ip4_addr_isany_val(*netif_ip4_addr(netif))) {
            netif_set_default(netif);
            return;
        }
    }
}

static void update(struct lwip_interface *d)
{
    nsapi_connection_status_t status = status_of(d->netif);

    if (d->active && status != d->last) {
        d->last = status;
        nsapi_lwip_status_post(&d->pending, status);
    }
}

/* lwIP's extended netif callback, for every netif and change: under the core lock. */
static void netif_changed(struct netif *netif, netif_nsc_reason_t reason, const netif_ext_callback_args_t *args)
{
    struct lwip_interface *d = find(netif);

    (void)args;
    if (reason != LWIP_NSC_NETIF_REMOVED) {
        choose_default();
    }
    if (d != NULL) {
        update(d);
    }
}

/* ---- up and down ------------------------------------------------------------------------------ */

/* Start lwIP's IPv4 client, or set the static address; NSAPI_ERROR_NO_MEMORY if DHCP cannot start. */
static nsapi_error_t start_ipv4(struct lwip_interface *d, bool dhcp)
{
    if (dhcp) {
        return dhcp_start(d->netif) == ERR_OK ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
    }
    if (d->has_ip4) {
        netif_set_addr(d->netif, &d->ip4, &d->netmask, &d->gateway);
    }
    return NSAPI_ERROR_OK;
}

static nsapi_error_t ethernet_up_locked(struct lwip_interface *d, bool dhcp)
{
    nsapi_error_t err;

    d->active = true;
    d->last = NSAPI_STATUS_CONNECTING; /* what the runtime reported on connect */
    netif_set_up(d->netif);
    nd6_restart_netif(d->netif); /* solicit routers again when the netif stayed up since the last down */
    netif_create_ip6_linklocal_address(d->netif, 1);
    netif_set_ip6_autoconfig_enabled(d->netif, 1);
    if (d->has_ip6) {
        (void)nsapi_lwip_add_static_ip6(d->netif, &d->ip6);
    }
    (void)dhcp6_enable_stateless(d->netif); /* DNS servers, when a router advertisement says to ask */
    err = start_ipv4(d, dhcp);
    if (err != NSAPI_ERROR_OK) {
        d->active = false;
        dhcp6_disable(d->netif);
        nsapi_lwip_clear_addresses(d->netif);
        return err;
    }
    choose_default();
    update(d);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t ethernet_up(nsapi_interface_t *interface)
{
    struct lwip_interface *d = interface->context;
    bool dhcp = interface->dhcp;
    nsapi_error_t err;

    NSAPI_LWIP_LOCKED(err = ethernet_up_locked(d, dhcp));
    return err;
}

static void ethernet_down_locked(struct lwip_interface *d)
{
    d->active = false;
    dhcp_release_and_stop(d->netif); /* the DHCPRELEASE; AutoIP stops with it */
    dhcp6_disable(d->netif);
    netif_set_ip6_autoconfig_enabled(d->netif, 0);
    nsapi_lwip_clear_addresses(d->netif);
    choose_default();
}

static nsapi_error_t ethernet_down(nsapi_interface_t *interface)
{
    struct lwip_interface *d = interface->context;

    NSAPI_LWIP_LOCKED(ethernet_down_locked(d));
    nsapi_lwip_status_cancel(&d->pending); /* nothing reported once down returns */
    return NSAPI_ERROR_OK;
}

static nsapi_error_t loopback_up_locked(struct lwip_interface *d)
{
    ip4_addr_t ip4 = d->ip4, netmask = d->netmask, none;
    ip6_addr_t ip6 = d->ip6;
    bool defaults = !d->has_ip4 && !d->has_ip6; /* what --stack lwip-loop has always used */

    if (defaults) {
        IP4_ADDR(&ip4, 10, 0, 0, 1);
        IP4_ADDR(&netmask, 255, 255, 255, 0);
        IP6_ADDR(&ip6, PP_HTONL(0xfd000000u), 0, 0, PP_HTONL(1u));
    }
    ip4_addr_set_zero(&none);
    d->active = true;
    d->last = NSAPI_STATUS_CONNECTING;
    if (defaults || d->has_ip4) {
        netif_set_addr(d->netif, &ip4, &netmask, d->has_ip4 ? &d->gateway : &none);
    }
    if (defaults || d->has_ip6) {
        (void)nsapi_lwip_add_static_ip6(d->netif, &ip6);
    }
    netif_set_up(d->netif);
    netif_set_default(d->netif);
    update(d);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t loopback_up(nsapi_interface_t *interface)
{
    struct lwip_interface *d = interface->context;
    nsapi_error_t err;

    NSAPI_LWIP_LOCKED(err = loopback_up_locked(d));
    return err;
}

static void loopback_down_locked(struct lwip_interface *d)
{
    d->active = false;
    nsapi_lwip_clear_addresses(d->netif);
    netif_set_down(d->netif);
    choose_default();
}

static nsapi_error_t loopback_down(nsapi_interface_t *interface)
{
    struct lwip_interface *d = interface->context;

    NSAPI_LWIP_LOCKED(loopback_down_locked(d));
    nsapi_lwip_status_cancel(&d->pending);
    return NSAPI_ERROR_OK;
}

/* ---- life ------------------------------------------------------------------------------------- */

/* Forget d's netif (lwIP's clients let go of d's structures) and take d off the list. */
static void forget(struct lwip_interface *d)
{
    struct lwip_interface **at = &interfaces;

    if (d->tap != NULL) {
        dhcp_remove_struct(d->netif);
        /* lwIP 2.1's autoip_remove_struct() names a field that became client data: its body, right */
        netif_set_client_data(d->netif, LWIP_NETIF_CLIENT_DATA_INDEX_AUTOIP, NULL);
        dhcp6_remove_struct(d->netif);
    }
    while (*at != d) {
        at = &(*at)->next;
    }
    *at = d->next;
    count--;
}

static nsapi_error_t release(nsapi_interface_t *interface)
{
    struct lwip_interface *d = interface->context;

    nsapi_lwip_status_cancel(&d->pending);
    if (d->tap != NULL) {
        NSAPI_LWIP_LOCKED(forget(d));
        nsapi_lwip_tap_close(d->tap);
        NSAPI_LWIP_LOCKED(choose_default()); /* lwIP left none if it was this one */
    } else {
        LOCK_TCPIP_CORE();
        forget(d);
        nsapi_lwip_loopback_remove();
        nsapi_lwip_unlock();
    }
    free(d);
    return NSAPI_ERROR_OK;
}

/* Put d on the list, its netif watched; under the core lock. */
static void enlist(struct lwip_interface *d)
{
    static bool watching;

    if (!watching) {
        netif_add_ext_callback(&watcher, netif_changed);
        watching = true;
    }
    if (d->tap != NULL) {
        dhcp_set_struct(d->netif, &d->dhcp);
        autoip_set_struct(d->netif, &d->autoip);
        dhcp6_set_struct(d->netif, &d->dhcp6);
    }
    d->next = interfaces;
    interfaces = d;
    count++;
}

unsigned nsapi_lwip_interface_count(void)
{
    return count;
}

/* ---- what it has and what it is given --------------------------------------------------------- */

static nsapi_error_t get_address_locked(struct lwip_interface *d, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    const ip_addr_t *ip = nsapi_lwip_find_address(d->netif, kind);
    nsapi_socket_address_t found;

    if (ip == NULL) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    nsapi_lwip_from_ip(ip, 0, &found);
    *addr = found.addr;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t get_address(nsapi_interface_t *interface, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    nsapi_error_t err;

    NSAPI_LWIP_LOCKED(err = get_address_locked(interface->context, kind, addr));
    return err;
}

/* lwIP's resolver servers, which its DHCP (option 6) and DHCPv6 clients fill: one list for all netifs. */
static nsapi_error_t get_dns_server(nsapi_interface_t *interface, int index, nsapi_addr_t *addr)
{
    nsapi_error_t err = NSAPI_ERROR_NO_ADDRESS;
    nsapi_socket_address_t found;

    (void)interface;
    if (index < 0 || index >= DNS_MAX_SERVERS) {
        return err;
    }
    LOCK_TCPIP_CORE();
    if (!ip_addr_isany(dns_getserver((u8_t)index))) {
        nsapi_lwip_from_ip(dns_getserver((u8_t)index), 0, &found);
        *addr = found.addr;
        err = NSAPI_ERROR_OK;
    }
    nsapi_lwip_unlock();
    return err;
}

static void set_network_locked(struct lwip_interface *d, const ip_addr_t *ip, const nsapi_addr_t *netmask,
                               const nsapi_addr_t *gateway)
{
    ip_addr_t mask, route;

    if (IP_IS_V6(ip)) {
        ip6_addr_copy(d->ip6, *ip_2_ip6(ip));
        d->has_ip6 = true;
        return;
    }
    ip4_addr_copy(d->ip4, *ip_2_ip4(ip));
    IP4_ADDR(&d->netmask, 255, 255, 255, 0);
    ip4_addr_set_zero(&d->gateway);
    if (netmask->version == NSAPI_IPv4 && nsapi_lwip_to_ip(netmask, &mask)) {
        ip4_addr_copy(d->netmask, *ip_2_ip4(&mask));
    }
    if (gateway->version == NSAPI_IPv4 && nsapi_lwip_to_ip(gateway, &route)) {
        ip4_addr_copy(d->gateway, *ip_2_ip4(&route));
    }
    d->has_ip4 = true;
}

static nsapi_error_t set_network(nsapi_interface_t *interface, const nsapi_addr_t *ip, const nsapi_addr_t *netmask,
                                 const nsapi_addr_t *gateway)
{
    ip_addr_t address;

    if (!nsapi_lwip_to_ip(ip, &address) || ip->version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    NSAPI_LWIP_LOCKED(set_network_locked(interface->context, &address, netmask, gateway));
    return NSAPI_ERROR_OK;
}

static nsapi_error_t set_dhcp(nsapi_interface_t *interface, bool dhcp)
{
    (void)interface;
    (void)dhcp; /* the runtime keeps it for up */
    return NSAPI_ERROR_OK;
}

static nsapi_error_t get_mac_address(nsapi_interface_t *interface, uint8_t *mac)
{
    struct lwip_interface *d = interface->context;

    NSAPI_LWIP_LOCKED(memcpy(mac, d->netif->hwaddr, NSAPI_MAC_BYTES));
    return NSAPI_ERROR_OK;
}

/* The interface is down: the next up makes its link-local address from this MAC. */
static nsapi_error_t set_mac_address(nsapi_interface_t *interface, const uint8_t *mac)
{
    struct lwip_interface *d = interface->context;

    NSAPI_LWIP_LOCKED(memcpy(d->netif->hwaddr, mac, NSAPI_MAC_BYTES));
    return NSAPI_ERROR_OK;
}

static const nsapi_interface_api_t ethernet_api = {
    .up = ethernet_up,
    .down = ethernet_down,
    .release = release,
    .get_address = get_address,
    .get_dns_server = get_dns_server,
    .set_network = set_network,
    .set_dhcp = set_dhcp,
    .get_mac_address = get_mac_address,
    .set_mac_address = set_mac_address,
};

/* No DHCP, no MAC address, no DNS servers: those operations are NULL, NSAPI_ERROR_UNSUPPORTED. */
static const nsapi_interface_api_t loopback_api = {
    .up = loopback_up,
    .down = loopback_down,
    .release = release,
    .get_address = get_address,
    .set_network = set_network,
};

/* ---- making one ------------------------------------------------------------------------------- */

static struct lwip_interface *new_interface(nsapi_interface_t *interface, nsapi_error_t *err)
{
    struct lwip_interface *d;

    *err = nsapi_lwip_status_start();
    if (*err != NSAPI_ERROR_OK) {
        return NULL;
    }
    d = calloc(1, sizeof *d);
    if (d == NULL) {
        *err = NSAPI_ERROR_NO_MEMORY;
        return NULL;
    }
    d->pending.interface = interface;
    return d;
}

nsapi_error_t nsapi_lwip_interface_ethernet(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *tap)
{
    nsapi_error_t err;
    struct lwip_interface *d = new_interface(interface, &err);

    if (d == NULL) {
        return err;
    }
    err = nsapi_lwip_tap_open(tap, &d->tap);
    if (err == NSAPI_ERROR_OK) {
        d->netif = nsapi_lwip_tap_netif(d->tap);
        err = nsapi_interface_init(interface, &ethernet_api, d, stack, tap, true);
        if (err != NSAPI_ERROR_OK) {
            nsapi_lwip_tap_close(d->tap);
        }
    }
    if (err != NSAPI_ERROR_OK) {
        free(d);
        return err;
    }
    NSAPI_LWIP_LOCKED(enlist(d));
    return NSAPI_ERROR_OK;
}

static nsapi_error_t add_loopback(struct lwip_interface *d)
{
    d->netif = nsapi_lwip_loopback_create();
    if (d->netif == NULL) {
        return NSAPI_ERROR_PARAMETER; /* it exists already */
    }
    enlist(d);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_interface_loopback(nsapi_interface_t *interface, nsapi_stack_t *stack)
{
    nsapi_error_t err;
    struct lwip_interface *d = new_interface(interface, &err);

    if (d == NULL) {
        return err;
    }
    NSAPI_LWIP_LOCKED(err = add_loopback(d));
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_interface_init(interface, &loopback_api, d, stack, "loop", false);
        if (err != NSAPI_ERROR_OK) {
            LOCK_TCPIP_CORE();
            forget(d);
            nsapi_lwip_loopback_remove();
            nsapi_lwip_unlock();
        }
    }
    if (err != NSAPI_ERROR_OK) {
        free(d);
    }
    return err;
}
