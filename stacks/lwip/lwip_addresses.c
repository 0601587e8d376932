/*
 * A netif's addresses, as the netifs and the interfaces handle them: static
 * IPv6 ones (valid at once: duplicate detection would only delay them on a
 * link we configure), clearing them all when an interface goes down, and
 * finding the one of a kind an interface is asked for.  Under the core lock.
 */
#include <lwip/netif.h>

#include "lwip_backend.h"

err_t nsapi_lwip_add_static_ip6(struct netif *netif, const ip6_addr_t *ip6)
{
    s8_t index;
    err_t err = netif_add_ip6_address(netif, ip6, &index);

    if (err == ERR_OK) {
        netif_ip6_addr_set_state(netif, index, IP6_ADDR_PREFERRED);
    }
    return err;
}

void nsapi_lwip_clear_addresses(struct netif *netif)
{
    s8_t i;

    netif_set_addr(netif, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4);
    for (i = 0; i < LWIP_IPV6_NUM_ADDRESSES; i++) {
        if (!ip6_addr_isloopback(netif_ip6_addr(netif, i))) { /* ::1 makes the loopback netif what it is */
            netif_ip6_addr_set_state(netif, i, IP6_ADDR_INVALID);
            netif_ip6_addr_set(netif, i, IP6_ADDR_ANY6);
        }
    }
}

/* The valid IPv6 address of the netif that is link-local (link_local) or beyond the link, preferred first. */
static const ip_addr_t *find_ip6(struct netif *netif, bool link_local)
{
    const ip_addr_t *found = NULL;
    s8_t i;

    for (i = 0; i < LWIP_IPV6_NUM_ADDRESSES; i++) {
        const ip6_addr_t *ip6 = netif_ip6_addr(netif, i);
        u8_t state = netif_ip6_addr_state(netif, i);

        if (!ip6_addr_isvalid(state) || ip6_addr_isloopback(ip6) || ip6_addr_islinklocal(ip6) != link_local) {
            continue;
        }
        if (ip6_addr_ispreferred(state)) {
            return netif_ip_addr6(netif, i);
        }
        if (found == NULL) {
            found = netif_ip_addr6(netif, i);
        }
    }
    return found;
}

const ip_addr_t *nsapi_lwip_find_address(struct netif *netif, nsapi_address_kind_t kind)
{
    bool has_ip4 = !ip4_addr_isany_val(*netif_ip4_addr(netif));

    switch (kind) {
    case NSAPI_ADDRESS_IPv4:
        return has_ip4 ? netif_ip_addr4(netif) : NULL;
    case NSAPI_ADDRESS_NETMASK:
        return has_ip4 ? netif_ip_netmask4(netif) : NULL;
    case NSAPI_ADDRESS_GATEWAY:
        return has_ip4 && !ip4_addr_isany_val(*netif_ip4_gw(netif)) ? netif_ip_gw4(netif) : NULL;
    case NSAPI_ADDRESS_IPv6_LINK_LOCAL:
        return find_ip6(netif, true);
    case NSAPI_ADDRESS_IPv6_GLOBAL:
        return find_ip6(netif, false);
    default:
        return NULL;
    }
}
