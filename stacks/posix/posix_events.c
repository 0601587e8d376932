/*
 * The event thread: one per stack, waiting with epoll in edge-triggered
 * mode on the sockets whose events the runtime wants (below), so that a
 * socket is reported when it changes (data arrived, room to send, a
 * connection to accept, a connect finished, an error), not for as long as
 * it stays ready.  That is the runtime's contract: it retries the
 * operation after each event.
 *
 * Events are delivered without the stack's lock, so that the runtime's
 * event function (and the application's sigio behind it) may call anything,
 * even on this stack.  Close waits while an event for its socket is being
 * delivered, so after close returns no event reaches the runtime; and a
 * socket closed while the thread holds an event for it, read just before,
 * is freed only after the thread has dealt with that batch.
 *
 * A socket is in the epoll set only while the runtime wants its events
 * (socket_events: while it has a sigio callback): blocking calls wait in
 * poll themselves (posix_wait.c), so watching every socket would only wake
 * this thread for nobody.  Until the runtime says (a caller of the vtable
 * that never does gets events as socket_open promises), a UDP socket is
 * watched from its open, a TCP socket from its connect or listen, and an
 * accepted one from its accept if its listener's runtime said nothing; one
 * whose listener's did starts unwatched, for the runtime to say.
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

/* Add s to the epoll set (op EPOLL_CTL_ADD) or change its watch (EPOLL_CTL_MOD); either way epoll
 * checks readiness again, so what came before is reported.  Stack's lock held. */
static nsapi_error_t watch(struct posix_stack *ps, struct posix_socket *s, int op)
{
    struct epoll_event watch = {.events = WATCH | (s->watching_writes ? EPOLLOUT : 0u), .data.ptr = s};

    if (epoll_ctl(ps->epoll, op, s->fd, &watch) != 0) {
        return errno == ENOMEM || errno == ENOSPC ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
    }
    s->ever_watched = true;
    return NSAPI_ERROR_OK;
}

static void free_closed(struct posix_stack *ps)
{
    while (ps->closed != NULL) {
        struct posix_socket *s = ps->closed;

        ps->closed = s->next_closed;
        free(s);
    }
    ps->closed_count = 0;
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
                                     void *context, const struct posix_socket *listener)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&ps->lock);
    s->event = event;
    s->context = context;
    if (listener != NULL && listener->wanted != POSIX_EVENTS_UNSAID) {
        s->wanted = POSIX_EVENTS_UNWANTED; /* until the runtime says otherwise for this one */
    }
    if (s->wanted == POSIX_EVENTS_UNSAID && (listener != NULL || s->proto == NSAPI_UDP)) {
        err = watch(ps, s, EPOLL_CTL_ADD);
        s->watched = err == NSAPI_ERROR_OK;
    }
    if (err == NSAPI_ERROR_OK) {
        ps->sockets++;
    } else {
        s->event = NULL;
    }
    pthread_mutex_unlock(&ps->lock);
    return err;
}

nsapi_error_t nsapi_posix_events_begin(struct posix_stack *ps, struct posix_socket *s)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&ps->lock);
    if (s->wanted != POSIX_EVENTS_UNWANTED && !s->watched) {
        err = watch(ps, s, EPOLL_CTL_ADD);
        s->watched = err == NSAPI_ERROR_OK;
    }
    pthread_mutex_unlock(&ps->lock);
    return err;
}

void nsapi_posix_events_remove(struct posix_stack *ps, struct posix_socket *s)
{
    int fd;

    pthread_mutex_lock(&ps->lock);
    s->event = NULL;
    while (ps->delivering == s && !pthread_equal(pthread_self(), ps->thread)) {
        pthread_cond_wait(&ps->delivered, &ps->lock);
    }
    if (s->watched) {
        epoll_ctl(ps->epoll, EPOLL_CTL_DEL, s->fd, NULL);
    }
    fd = s->fd;
    s->fd = -1;
    if (!s->ever_watched) {
        /* No event ever named it, so none read before the close can: freed now, without the thread. */
        ps->sockets--;
        pthread_mutex_unlock(&ps->lock);
        close(fd);
        free(s);
        return;
    }
    s->next_closed = ps->closed;
    ps->closed = s;
    ps->sockets--;
    /* Freed after the thread's next batch; woken for it only now and then, not once a close
     * (two context switches each), since a quiet thread may sleep long. */
    if (++ps->closed_count >= NSAPI_POSIX_CLOSED_BATCH) {
        wake(ps);
    }
    pthread_mutex_unlock(&ps->lock);
    /* Unlocked: the close may wake the peer's thread, which would find the lock taken. */
    close(fd);
}

nsapi_error_t nsapi_posix_events_want_write(struct posix_stack *ps, struct posix_socket *s)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&ps->lock);
    if (!s->watching_writes) {
        s->watching_writes = true;
        /* Room that came since the send is still reported (a socket outside the set gets it when
         * events are wanted again). */
        if (s->watched && watch(ps, s, EPOLL_CTL_MOD) != NSAPI_ERROR_OK) {
            s->watching_writes = false;
            err = NSAPI_ERROR_NO_MEMORY; /* no event would come: say so rather than let a caller wait */
        }
    }
    pthread_mutex_unlock(&ps->lock);
    return err;
}

nsapi_error_t nsapi_posix_socket_events(nsapi_stack_t *stack, nsapi_handle_t handle, bool wanted)
{
    struct posix_stack *ps = stack->context;
    struct posix_socket *s = handle;
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&ps->lock);
    if (wanted && !s->watched) {
        err = watch(ps, s, EPOLL_CTL_ADD);
        s->watched = err == NSAPI_ERROR_OK;
    } else if (!wanted && s->watched) {
        epoll_ctl(ps->epoll, EPOLL_CTL_DEL, s->fd, NULL);
        s->watched = false;
    }
    if (err == NSAPI_ERROR_OK) {
        s->wanted = wanted ? POSIX_EVENTS_WANTED : POSIX_EVENTS_UNWANTED;
    }
    pthread_mutex_unlock(&ps->lock);
    return err;
}
