/*
 * The interfaces with statuses waiting to be reported, in the order they
 * were queued: one list, shared by the reporting thread on a host
 * (lwip_status.c) and nsapi_lwip_poll() without threads
 * (nosys/lwip_status_polled.c).  The callers serialise access: a lock, or
 * the absence of threads.
 */
#include <string.h>

#include "lwip_backend.h"

static struct nsapi_lwip_pending *first, *last;

bool nsapi_lwip_pending_add(struct nsapi_lwip_pending *p, nsapi_connection_status_t status)
{
    if (p->count == NSAPI_LWIP_STATUS_QUEUE) {
        /* Far behind: the oldest goes, the latest stays (the runtime's queue does the same). */
        memmove(&p->queue[0], &p->queue[1], (p->count - 1) * sizeof p->queue[0]);
        p->count--;
    }
    p->queue[p->count++] = status;
    if (p->listed) {
        return false;
    }
    p->listed = true;
    p->next = NULL;
    if (last != NULL) {
        last->next = p;
    } else {
        first = p;
    }
    last = p;
    return true;
}

struct nsapi_lwip_pending *nsapi_lwip_pending_first(void)
{
    return first;
}

void nsapi_lwip_pending_remove(struct nsapi_lwip_pending *p)
{
    struct nsapi_lwip_pending **at = &first, *before = NULL;

    if (!p->listed) {
        return;
    }
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
