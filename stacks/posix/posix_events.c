/*
 * The event thread: one per stack, waiting on every socket with epoll in
 * edge-triggered mode, so that a socket is reported when it changes
 * (data arrived, room to send, a connection to accept, a connect finished,
 * an error), not for as long as it stays ready.  That is the runtime's
 * contract: it retries the operation after each event.
 *
 * Events are delivered without the stack's lock, so that the runtime's
 * event function (and the application's sigio behind it) may call anything,
 * even on this stack.  Close waits while an event for its socket is being
 * delivered, so after close returns no event reaches the runtime; and a
 * socket closed while the thread holds an event for it, read just before,
 * is freed only after the thread has dealt with that batch.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "posix_socket.h"

/* Room to send is watched only once a send has found none: most sockets never do, and on a
 * socket that sends, each acknowledgement or freed datagram would otherwise wake the thread. */
#define WATCH (EPOLLIN | EPOLLRDHUP | EPOLLET)

static void free_closed(struct posix_stack *ps)
{
    while (ps->closed != NULL) {
        struct posix_socket *s = ps->closed;

        ps->closed = s->next_closed;
        free(s);
    }
}

static void drain_wake(struct posix_stack *ps)
{
    uint64_t count;

    while (read(ps->wake, &count, sizeof count) > 0) {
    }
}

static void *event_thread(void *arg)
{
    struct posix_stack *ps = arg;
    struct epoll_event events[NSAPI_POSIX_EVENT_BATCH];
    bool stop = false;

    while (!stop) {
        int n = epoll_wait(ps->epoll, events, NSAPI_POSIX_EVENT_BATCH, -1), i;

        pthread_mutex_lock(&ps->lock);
        for (i = 0; i < n; i++) {
            struct posix_socket *s = events[i].data.ptr;

            if (s == NULL) {
                drain_wake(ps);
            } else if (s->event != NULL) {
                nsapi_event_cb_t event = s->event;

                ps->delivering = s;
                pthread_mutex_unlock(&ps->lock);
                event(s->context);
                pthread_mutex_lock(&ps->lock);
                ps->delivering = NULL;
                pthread_cond_broadcast(&ps->delivered);
            }
        }
        free_closed(ps);
        stop = ps->stopping;
        pthread_mutex_unlock(&ps->lock);
    }
    return NULL;
}

nsapi_error_t nsapi_posix_events_start(struct posix_stack *ps)
{
    struct epoll_event wake = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};

    if (epoll_ctl(ps->epoll, EPOLL_CTL_ADD, ps->wake, &wake) != 0) {
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    return pthread_create(&ps->thread, NULL, event_thread, ps) == 0 ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

static void wake(struct posix_stack *ps)
{
    uint64_t one = 1;

    /* Only fails when the counter is full, and then the thread is already due to wake. */
    (void)!write(ps->wake, &one, sizeof one);
}

void nsapi_posix_events_stop(struct posix_stack *ps)
{
    pthread_mutex_lock(&ps->lock);
    ps->stopping = true;
    wake(ps);
    pthread_mutex_unlock(&ps->lock);
    pthread_join(ps->thread, NULL);
    free_closed(ps);
}

nsapi_error_t nsapi_posix_events_add(struct posix_stack *ps, struct posix_socket *s, nsapi_event_cb_t event,
                                     void *context)
{
    struct epoll_event watch = {.events = WATCH, .data.ptr = s};
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&ps->lock);
    s->event = event;
    s->context = context;
    if (epoll_ctl(ps->epoll, EPOLL_CTL_ADD, s->fd, &watch) != 0) {
        err = errno == ENOMEM || errno == ENOSPC ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
        s->event = NULL;
    } else {
        ps->sockets++;
    }
    pthread_mutex_unlock(&ps->lock);
    return err;
}

void nsapi_posix_events_remove(struct posix_stack *ps, struct posix_socket *s)
{
    pthread_mutex_lock(&ps->lock);
    s->event = NULL;
    while (ps->delivering == s && !pthread_equal(pthread_self(), ps->thread)) {
        pthread_cond_wait(&ps->delivered, &ps->lock);
    }
    epoll_ctl(ps->epoll, EPOLL_CTL_DEL, s->fd, NULL);
    close(s->fd);
    s->fd = -1;
    s->next_closed = ps->closed;
    ps->closed = s;
    ps->sockets--;
    wake(ps);
    pthread_mutex_unlock(&ps->lock);
}

nsapi_error_t nsapi_posix_events_want_write(struct posix_stack *ps, struct posix_socket *s)
{
    struct epoll_event watch = {.events = WATCH | EPOLLOUT, .data.ptr = s};

    if (s->watching_writes) {
        return NSAPI_ERROR_OK;
    }
    /* Modifying the watch checks readiness again, so room that came since the send is still reported. */
    if (epoll_ctl(ps->epoll, EPOLL_CTL_MOD, s->fd, &watch) != 0) {
        return NSAPI_ERROR_NO_MEMORY; /* no event would come: say so rather than let a caller wait */
    }
    s->watching_writes = true;
    return NSAPI_ERROR_OK;
}
