/*
 * Status reports of the lwIP backend's interfaces without threads (NO_SYS
 * 1): lwIP's netif callbacks queue each new status here, as they queue it
 * to lwip_status.c's thread on a host, and nsapi_lwip_poll() reports them,
 * in order, once lwIP's callbacks have returned.
 */
#include <string.h>

#include "lwip_backend.h"

nsapi_error_t nsapi_lwip_status_start(void)
{
    return NSAPI_ERROR_OK; /* nothing to start: the poll reports */
}

void nsapi_lwip_status_post(struct nsapi_lwip_pending *p, nsapi_connection_status_t status)
{
    (void)nsapi_lwip_pending_add(p, status);
}

bool nsapi_lwip_status_deliver(void)
{
    struct nsapi_lwip_pending *p;
    bool any = false;

    while ((p = nsapi_lwip_pending_first()) != NULL) {
        nsapi_connection_status_t status = p->queue[0];

        memmove(&p->queue[0], &p->queue[1], (p->count - 1) * sizeof p->queue[0]);
        if (--p->count == 0) {
            nsapi_lwip_pending_remove(p); /* before the report: a callback may cancel or post again */
        }
        (void)nsapi_interface_report_status(p->interface, status);
        any = true;
    }
    return any;
}

void nsapi_lwip_status_cancel(struct nsapi_lwip_pending *p)
{
    nsapi_lwip_pending_remove(p);
    p->count = 0;
}
