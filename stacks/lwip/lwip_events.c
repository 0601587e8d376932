/*
 * How the lwIP backend's sockets reach the runtime: each call into lwIP
 * ends by delivering, in the caller's thread, what the call looped back to
 * this process; while that delivery runs, a socket's events are noted once
 * and sent when it is over, so a burst of segments wakes the reader once,
 * not once a segment.  Also the count of sockets alive, for the leak checks.
 * Everything here is under the core lock.
 */
#include <stdlib.h>

#include "lwip_backend.h"

static unsigned sockets; /* alive, pending accepts included */
static struct nsapi_lwip_socket *batch[NSAPI_LWIP_EVENT_BATCH];
static unsigned batched;
static bool batching;

void nsapi_lwip_unlock(void)
{
    unsigned i;

    batching = true;
    nsapi_lwip_loopback_deliver();
    batching = false;
    for (i = 0; i < batched; i++) {
        batch[i]->batched = false;
        nsapi_lwip_notify(batch[i]);
    }
    batched = 0;
    UNLOCK_TCPIP_CORE();
}

void nsapi_lwip_notify(struct nsapi_lwip_socket *s)
{
    if (s->event == NULL || s->batched) {
        return; /* not the runtime's yet; or noted, to be sent at the end of the delivery */
    }
    if (batching && batched < NSAPI_LWIP_EVENT_BATCH) {
        s->batched = true;
        batch[batched++] = s;
        return;
    }
    s->event(s->context);
}

struct nsapi_lwip_socket *nsapi_lwip_socket_alloc(nsapi_protocol_t proto)
{
    struct nsapi_lwip_socket *s = calloc(1, sizeof *s);

    if (s != NULL) {
        s->proto = proto;
        sockets++;
    }
    return s;
}

void nsapi_lwip_socket_free(struct nsapi_lwip_socket *s)
{
    sockets--;
    free(s);
}

unsigned nsapi_lwip_socket_count(void)
{
    return sockets;
}
