/*
 * lwIP's thread, for a build without threads (NO_SYS 1): what lwIP's own
 * thread and lwip_status.c's reporter do on a host, done one round at a
 * time by whoever waits (nsapi/lwip.h: nsapi_lwip_poll).
 */
#include <lwip/timeouts.h>

#include "lwip_backend.h"
#include "nsapi/lwip.h"

bool nsapi_lwip_poll(void)
{
    bool busy;

    LOCK_TCPIP_CORE();
    busy = nsapi_lwip_tap_poll();
    sys_check_timeouts();
    nsapi_lwip_unlock(); /* looped-back packets and the sockets' events, as after any call */
    /* Reports call the program back, which may call the interface: outside lwIP's callbacks. */
    return nsapi_lwip_status_deliver() || busy;
}
