/*
 * Status reports of the lwIP backend's interfaces, told to the runtime
 * outside the core lock.  lwIP's netif callbacks run with the core lock held
 * (in lwIP's thread, or in a caller of the raw API), while the runtime's
 * nsapi_interface_report_status() calls the program's callbacks, which call
 * the interface back (get_ip_address takes the core lock) and may wait for
 * the network (a name lookup needs lwIP's thread).  So the callbacks only
 * queue each interface's new status here, and one thread of this file,
 * started with the first interface and kept for the process as lwIP's own
 * thread is, reports them in the order they were queued.
 *
 * Its own lock is taken under the core lock, never the other way round.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "lwip_backend.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int started;        /* the thread runs */
static pthread_t reporter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static struct nsapi_lwip_pending *reporting;    /* whose statuses the thread is reporting */

/* Take the first interface off the list, its statuses into out; the caller holds the lock. */
static unsigned take(struct nsapi_lwip_pending **p, nsapi_connection_status_t *out)
{
    unsigned count;

    *p = nsapi_lwip_pending_first();
    nsapi_lwip_pending_remove(*p);
    count = (*p)->count;
    memcpy(out, (*p)->queue, count * sizeof *out);
    (*p)->count = 0;
    return count;
}

static void *run(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        nsapi_connection_status_t statuses[NSAPI_LWIP_STATUS_QUEUE];
        struct nsapi_lwip_pending *p;
        nsapi_interface_t *interface;
        unsigned count, i;

        while (nsapi_lwip_pending_first() == NULL) {
            pthread_cond_wait(&changed, &lock);
        }
        count = take(&p, statuses);
        interface = p->interface; /* p is not read again once the lock is let go */
        reporting = p;
        pthread_mutex_unlock(&lock);
        for (i = 0; i < count; i++) {
            (void)nsapi_interface_report_status(interface, statuses[i]);
        }
        pthread_mutex_lock(&lock);
        reporting = NULL;
        pthread_cond_broadcast(&changed);
    }
    return NULL;
}

static void start(void)
{
    started = pthread_create(&reporter, NULL, run, NULL) == 0;
}

nsapi_error_t nsapi_lwip_status_start(void)
{
    pthread_once(&once, start);
    return started ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

void nsapi_lwip_status_post(struct nsapi_lwip_pending *p, nsapi_connection_status_t status)
{
    pthread_mutex_lock(&lock);
    if (nsapi_lwip_pending_add(p, status)) {
        pthread_cond_broadcast(&changed);
    }
    pthread_mutex_unlock(&lock);
}

void nsapi_lwip_status_cancel(struct nsapi_lwip_pending *p)
{
    struct timespec deadline;

    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += NSAPI_LWIP_STATUS_CANCEL_MS / 1000;
    deadline.tv_nsec += (long)(NSAPI_LWIP_STATUS_CANCEL_MS % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&lock);
    nsapi_lwip_pending_remove(p);
    p->count = 0;
    /* A report under way ends first, unless it is the caller's own (a callback taking its interface down). */
    while (reporting == p && !pthread_equal(pthread_self(), reporter)) {
        if (pthread_cond_timedwait(&changed, &lock, &deadline) != 0) {
            break; /* a callback waits for this very caller: let it go rather than deadlock */
        }
    }
    pthread_mutex_unlock(&lock);
}
