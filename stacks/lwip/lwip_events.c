/*
 * How the lwIP backend's sockets reach the runtime.  lwIP's callbacks run
 * with the core lock held, in whichever thread holds it; they only queue
 * the socket, once however many events it gets, and that thread sends the
 * queued events just after it releases the lock (release(), the last step
 * of every UNLOCK_TCPIP_CORE, lwIP's own thread's included).  Sent under
 * the lock, an event woke a thread that at once slept again on the lock
 * its waker still held; sent after it, the woken thread finds it free.
 *
 * So that no event reaches the runtime after a socket's close returns (the
 * runtime may then free its socket), close (nsapi_lwip_silence) takes the
 * socket off the queue, drops its events that a release has taken but not
 * yet sent, and waits while another thread is sending one.  What a release
 * takes lives on its thread's stack, listed for close to see under this
 * file's own lock, which is taken under the core lock, never the other way
 * round.  Also the count of sockets alive, for the leak checks.
 */
#include <stdlib.h>

#include "lwip_backend.h"

#if !NO_SYS
#include <pthread.h>
#endif

enum delivery_state { DELIVERY_TAKEN, DELIVERY_SENDING, DELIVERY_OVER };

struct delivery {
    const struct nsapi_lwip_socket *socket; /* only compared, by close: the sender never reads it */
    nsapi_event_cb_t event;
    void *context;
    enum delivery_state state; /* under the list's lock */
};

/* The events one release took off the queue, on the releasing thread's stack. */
struct sending {
    struct delivery deliveries[NSAPI_LWIP_EVENT_BATCH];
    unsigned count;
#if !NO_SYS
    pthread_t thread;
#endif
    struct sending *next;
};

static unsigned sockets;                       /* alive, pending accepts included; core lock */
static struct nsapi_lwip_socket *first, *last; /* queued, in the order raised; core lock */
static struct sending *senders;                /* releases sending now; the list's lock */

#if NO_SYS
/* One thread: an event being sent is the caller's own, further up its stack, and nothing waits. */
static void list_lock(void)
{
}

static void list_unlock(void)
{
}

static void mark_sender(struct sending *b)
{
    (void)b;
}

static bool by_caller(const struct sending *b)
{
    (void)b;
    return true;
}

static void wait_sent(void)
{
}

static void tell_sent(void)
{
}
#else
static pthread_mutex_t list = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sent = PTHREAD_COND_INITIALIZER;
static unsigned closing; /* closes waiting for an event to be sent; the list's lock */

static void list_lock(void)
{
    pthread_mutex_lock(&list);
}

static void list_unlock(void)
{
    pthread_mutex_unlock(&list);
}

static void mark_sender(struct sending *b)
{
    b->thread = pthread_self();
}

static bool by_caller(const struct sending *b)
{
    return pthread_equal(b->thread, pthread_self()) != 0;
}

static void wait_sent(void)
{
    closing++;
    pthread_cond_wait(&sent, &list);
    closing--;
}

static void tell_sent(void)
{
    if (closing > 0) {
        pthread_cond_broadcast(&sent);
    }
}
#endif

/* Move a batch of queued events to b, and list it.  Core lock held. */
static void take(struct sending *b)
{
    b->count = 0;
    while (first != NULL && b->count < NSAPI_LWIP_EVENT_BATCH) {
        struct nsapi_lwip_socket *s = first;
        struct delivery *d = &b->deliveries[b->count++];

        first = s->next_event;
        s->event_queued = false;
        s->next_event = NULL;
        d->socket = s;
        d->event = s->event; /* never NULL here: close takes its socket off the queue */
        d->context = s->context;
        d->state = DELIVERY_TAKEN;
    }
    if (first == NULL) {
        last = NULL;
    }
    mark_sender(b);
    list_lock();
    b->next = senders;
    senders = b;
    list_unlock();
}

/* Send b's events but those close dropped, and unlist it.  Without the core lock. */
static void send(struct sending *b)
{
    struct sending **p;
    unsigned i;

    list_lock();
    for (i = 0; i < b->count; i++) {
        struct delivery *d = &b->deliveries[i];

        if (d->state != DELIVERY_TAKEN) {
            continue; /* its socket was closed */
        }
        d->state = DELIVERY_SENDING;
        list_unlock();
        d->event(d->context);
        list_lock();
        d->state = DELIVERY_OVER;
        tell_sent();
    }
    for (p = &senders; *p != b; p = &(*p)->next) {
    }
    *p = b->next;
    list_unlock();
}

/* nsapi_lwip_release_hook: release the core lock, then send the events raised while it was held. */
static void release(void)
{
    struct sending b;

    while (first != NULL) {
        bool more;

        take(&b);
        more = first != NULL;
        NSAPI_LWIP_RELEASE_CORE();
        send(&b);
        if (!more) {
            return;
        }
        LOCK_TCPIP_CORE(); /* a burst beyond one batch: take the rest */
    }
    NSAPI_LWIP_RELEASE_CORE();
}

void nsapi_lwip_events_start(void)
{
    nsapi_lwip_release_hook = release;
}

void nsapi_lwip_unlock(void)
{
    nsapi_lwip_loopback_deliver();
    UNLOCK_TCPIP_CORE();
}

void nsapi_lwip_notify(struct nsapi_lwip_socket *s)
{
    if (s->event == NULL || s->event_queued) {
        return; /* not the runtime's (yet, or any more); or already to be sent */
    }
    s->event_queued = true;
    s->next_event = NULL;
    if (last != NULL) {
        last->next_event = s;
    } else {
        first = s;
    }
    last = s;
}

/* Take s off the queue.  Core lock held. */
static void unqueue(struct nsapi_lwip_socket *s)
{
    struct nsapi_lwip_socket *before = NULL, *q;

    for (q = first; q != s; q = q->next_event) {
        before = q;
    }
    if (before != NULL) {
        before->next_event = s->next_event;
    } else {
        first = s->next_event;
    }
    if (last == s) {
        last = before;
    }
    s->event_queued = false;
    s->next_event = NULL;
}

/* Drop s's events taken but not sent; whether another thread is sending one.  The list's lock held. */
static bool drop(const struct nsapi_lwip_socket *s)
{
    struct sending *b;
    bool busy = false;
    unsigned i;

    for (b = senders; b != NULL; b = b->next) {
        for (i = 0; i < b->count; i++) {
            struct delivery *d = &b->deliveries[i];

            if (d->socket != s) {
                continue;
            }
            if (d->state == DELIVERY_TAKEN) {
                d->state = DELIVERY_OVER;
            } else if (d->state == DELIVERY_SENDING && !by_caller(b)) {
                busy = true;
            }
        }
    }
    return busy;
}

void nsapi_lwip_silence(struct nsapi_lwip_socket *s)
{
    bool busy;

    s->event = NULL; /* nothing is queued for it from now on */
    if (s->event_queued) {
        unqueue(s);
    }
    list_lock();
    busy = drop(s);
    list_unlock();
    if (!busy) {
        return;
    }
    /* Without the core lock: the event being sent may call the stack (a sigio may). */
    UNLOCK_TCPIP_CORE();
    list_lock();
    while (drop(s)) {
        wait_sent();
    }
    list_unlock();
    LOCK_TCPIP_CORE();
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
