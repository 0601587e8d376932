/*
 * nsapi's addresses and buffers against lwIP's.  nsapi addresses carry no
 * IPv6 zone, so a link-local one is taken to be on the netif that has a
 * link-local address; what bind accepts is an address some netif holds, a
 * loopback address, or any.
 */
#include <string.h>

#include <lwip/netif.h>

#include "lwip_backend.h"

bool nsapi_lwip_to_ip(const nsapi_addr_t *addr, ip_addr_t *ip)
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

void nsapi_lwip_from_ip(const ip_addr_t *ip, uint16_t port, nsapi_socket_address_t *address)
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

bool nsapi_lwip_is_local(const ip_addr_t *ip)
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

void nsapi_lwip_zone(ip_addr_t *ip)
{
    struct netif *netif;

    if (!IP_IS_V6(ip) || !ip6_addr_lacks_zone(ip_2_ip6(ip), IP6_UNKNOWN)) {
        return;
    }
    NETIF_FOREACH(netif) {
        if (ip6_addr_isvalid(netif_ip6_addr_state(netif, 0)) && ip6_addr_islinklocal(netif_ip6_addr(netif, 0))) {
            ip6_addr_assign_zone(ip_2_ip6(ip), IP6_UNKNOWN, netif);
            return;
        }
    }
}

nsapi_size_t nsapi_lwip_copy_out(const struct pbuf *p, void *data, nsapi_size_t size)
{
    u16_t length = size < p->tot_len ? (u16_t)size : p->tot_len;

    return pbuf_copy_partial(p, data, length, 0);
}
