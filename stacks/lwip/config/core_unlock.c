/*
 * Releasing lwIP's core lock (UNLOCK_TCPIP_CORE, see lwipopts.h): what was
 * looped back while the lock was held is delivered first, by the thread
 * that holds it, so that no looped-back packet waits for lwIP's thread;
 * then nsapi's backend, if it is there, releases the lock and sends the
 * sockets' events that the holder's work raised.
 * Built into nsapi's lwIP library, since lwIP's own code releases the lock.
 */
#include <lwip/netif.h>
#include <lwip/tcpip.h>

#ifdef NSAPI_LWIP_RELEASE_CORE

void (*nsapi_lwip_release_hook)(void);

void nsapi_lwip_unlock_core(void)
{
    struct netif *netif;
    int more = 1;

    /* Until nothing is left: what one netif delivers may loop more back to another. */
    while (more) {
        more = 0;
        NETIF_FOREACH(netif) {
            if (netif->loop_first != NULL) {
                netif_poll(netif);
                more = 1;
            }
        }
    }
    if (nsapi_lwip_release_hook != NULL) {
        nsapi_lwip_release_hook(); /* releases it itself: the events go out after */
    } else {
        NSAPI_LWIP_RELEASE_CORE();
    }
}

#endif
