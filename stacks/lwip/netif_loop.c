/*
 * The in-process loopback netif.  Debian's lwIP has no loopif, but with
 * LWIP_NETIF_LOOPBACK any netif that is up and default turns traffic to its
 * own addresses and to 127.0.0.0/8 back into input (netif_loop_output, then
 * netif_poll in lwIP's thread).  IPv6 loops back only to a netif's own
 * addresses, so ::1 is made one of them.  What the output functions see is
 * traffic for other hosts, which has nowhere to go.
 */
#include <lwip/netif.h>
#include <lwip/tcpip.h>

#include "lwip_backend.h"

static struct netif loop;
static int added;

static err_t drop_ip4(struct netif *netif, struct pbuf *p, const ip4_addr_t *to)
{
    (void)netif;
    (void)p;
    (void)to;
    return ERR_RTE;
}

static err_t drop_ip6(struct netif *netif, struct pbuf *p, const ip6_addr_t *to)
{
    (void)netif;
    (void)p;
    (void)to;
    return ERR_RTE;
}

static err_t loop_init(struct netif *netif)
{
    netif->name[0] = 'l';
    netif->name[1] = 'o';
    netif->output = drop_ip4;
    netif->output_ip6 = drop_ip6;
    netif->mtu = 1500;
    netif->flags |= NETIF_FLAG_IGMP | NETIF_FLAG_MLD6; /* multicast groups can be joined */
    return ERR_OK;
}

struct netif *nsapi_lwip_loopback_create(void)
{
    ip6_addr_t localhost;

    if (added) {
        return NULL;
    }
    ip6_addr_set_loopback(&localhost);
    if (netif_add_noaddr(&loop, NULL, loop_init, NSAPI_LWIP_INPUT) == NULL) {
        return NULL;
    }
    if (nsapi_lwip_add_static_ip6(&loop, &localhost) != ERR_OK) {
        netif_remove(&loop);
        return NULL;
    }
    netif_set_default(&loop);
    netif_set_link_up(&loop); /* its link is this process: always there */
    added = 1;
    return &loop;
}

void nsapi_lwip_loopback_deliver(void)
{
    struct netif *netif;
    bool more = true;
    int passes;

    /* Again while a netif polled later looped something back to one polled before. */
    for (passes = 0; more && passes < NSAPI_LWIP_LOOPBACK_PASSES; passes++) {
        more = false;
        NETIF_FOREACH(netif) {
            if (netif->loop_first != NULL) {
                netif_poll(netif);
                more = true;
            }
        }
    }
}

bool nsapi_lwip_loopback_pending(void)
{
    struct netif *netif;

    NETIF_FOREACH(netif) {
        if (netif->loop_first != NULL) {
            return true;
        }
    }
    return false;
}

void nsapi_lwip_loopback_remove(void)
{
    if (added) {
        netif_remove(&loop);
        added = 0;
    }
}
