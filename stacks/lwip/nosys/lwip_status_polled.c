/*
 * Status reports of the lwIP backend's interfaces without threads (NO_SYS
 * 1): lwIP's netif callbacks queue each new status here, as they queue it
 * to lwip_status.c's thread on a host, and nsapi_lwip_poll() reports them,
 * in order, once lwIP's callbacks have returned.
 */
#include <string.h>

#include "lwip_backend.h"

static struct nsapi_lwip_pending *first, *last; /* interfaces with statuses to report, in turn */

nsapi_error_t nsapi_lwip_status_start(void)
{
    return NSAPI_ERROR_OK; /* nothing to start: the poll reports */
}

void nsapi_lwip_status_post(struct nsapi_lwip_pending *p, nsapi_connection_status_t status)
{
    if (p->count == NSAPI_LWIP_STATUS_QUEUE) {
        /* Far behind: the oldest goes, the latest stays (the runtime's queue does the same). */
        memmove(&p->queue[0], &p->queue[1], (p->count - 1) * sizeof p->queue[0]);
        p->count--;
    }
    p->queue[p->count++] = status;
    if (!p->listed) {
        p->listed = true;
        p->next = NULL;
        if (last != NULL) {
            last->next = p;
        } else {
            first = p;
        }
        last = p;
    }
}

bool nsapi_lwip_status_deliver(void)
{
    bool any = false;

    while (first != NULL) {
        struct nsapi_lwip_pending *p = first;
        nsapi_connection_status_t status;

        status = p->queue[0];
        memmove(&p->queue[0], &p->queue[1], (p->count - 1) * sizeof p->queue[0]);
        if (--p->count == 0) {
            first = p->next; /* taken off before the report: a callback may cancel or post again */
            if (first == NULL) {
                last = NULL;
            }
            p->listed = false;
        }
        (void)nsapi_interface_report_status(p->interface, status);
        any = true;
    }
    return any;
}

void nsapi_lwip_status_cancel(struct nsapi_lwip_pending *p)
{
    struct nsapi_lwip_pending **at = &first, *before = NULL;

    if (p->listed) {
        while (*at != p) {
            before = *at;
            at = &(*at)->next;
        }
        *at = p->next;
        if (last == p) {
            last = before;
        }
        p->listed = false;
    }
    p->count = 0;
}
