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
 *
 * In the event-driven mode (nsapi_lwip_set_event_driven) lwIP's own thread
 * sends the events, before it releases the lock, one at a time off the
 * queue, as lwIP's raw API runs its callbacks; an application thread that
 * leaves events queued wakes it (a message of our own in its mailbox,
 * never two).  The backend's operations that a sigio calls meanwhile see
 * that their thread holds the lock already (nsapi_lwip_lock) and neither
 * take nor release it.  Close then needs no waiting: under the core lock
 * no event is being sent, but by lwIP's thread itself, and the queue no
 * longer holds the socket.  Only lwIP's thread sends, so no sigio runs
 * inside an application's call further up its thread, whose turn on the
 * socket a call from the sigio would need.
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
static bool event_driven;                      /* lwIP's thread sends events before releasing; core lock */
#if NO_SYS
static bool inside;                 /* sending events under the core lock */
static const bool sender = true;    /* one thread: whoever releases the lock sends */
#else
static __thread bool inside;        /* this thread sends events under the core lock (event-driven mode) */
static __thread bool sender;        /* this is lwIP's thread, the one that sends them */
static struct tcpip_callback_msg *wake; /* made by the first event-driven start, kept; core lock */
static bool woken;                      /* wake waits in lwIP's mailbox; core lock */
#endif
static struct nsapi_lwip_socket *first, *last; /* queued, in the order raised; core lock */
static struct sending *senders;                /* releases sending now; the list's lock */

#if NO_SYS
static void wake_sender(void)
{
}

static nsapi_error_t make_wake(void)
{
    return NSAPI_ERROR_OK;
}

void nsapi_lwip_events_mark_thread(void)
{
}

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
/* In lwIP's thread, for the wake: it sends the queue when it releases the lock next, after this. */
static void woke(void *arg)
{
    (void)arg;
    woken = false;
}

/* Have lwIP's thread send what is queued.  A full mailbox needs no wake: lwIP's thread releases
 * the lock after each message.  Core lock held. */
static void wake_sender(void)
{
    if (!woken && tcpip_callbackmsg_trycallback(wake) == ERR_OK) {
        woken = true;
    }
}

static nsapi_error_t make_wake(void)
{
    if (wake == NULL) {
        wake = tcpip_callbackmsg_new(woke, NULL);
    }
    return wake != NULL ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

void nsapi_lwip_events_mark_thread(void)
{
    sender = true;
}

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

/* Take the first socket off the queue; there is one.  Core lock held. */
static struct nsapi_lwip_socket *pop(void)
{
    struct nsapi_lwip_socket *s = first;

    first = s->next_event;
    if (first == NULL) {
        last = NULL;
    }
    s->event_queued = false;
    s->next_event = NULL;
    return s;
}

/* Move a batch of queued events to b, and list it.  Core lock held. */
static void take(struct sending *b)
{
    b->count = 0;
    while (first != NULL && b->count < NSAPI_LWIP_EVENT_BATCH) {
        struct nsapi_lwip_socket *s = pop();
        struct delivery *d = &b->deliveries[b->count++];

        d->socket = s;
        d->event = s->event; /* never NULL here: close takes its socket off the queue */
        d->context = s->context;
        d->state = DELIVERY_TAKEN;
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

/*
 * The event-driven mode, in lwIP's thread: send the queued events still holding the core lock,
 * until none is left (those the callbacks raise included), nor anything their calls looped back
 * beyond a call's own passes: nobody else would feed it in before lwIP's next timer.  A close
 * from a callback takes its socket off the queue; the one being sent is off it.
 */
static void send_holding(void)
{
    inside = true;
    for (;;) {
        while (first != NULL) {
            struct nsapi_lwip_socket *s = pop();

            s->event(s->context); /* never NULL here: close takes its socket off the queue */
        }
        if (!nsapi_lwip_loopback_pending()) {
            break;
        }
        nsapi_lwip_loopback_deliver();
    }
    inside = false;
}

/* nsapi_lwip_release_hook: release the core lock, then send the events raised while it was held. */
static void release(void)
{
    struct sending b;

    if (event_driven) {
        if (sender) {
            send_holding();
        } else if (first != NULL) {
            wake_sender();
        }
        NSAPI_LWIP_RELEASE_CORE();
        return;
    }
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

void nsapi_lwip_lock(void)
{
    if (!inside) {
        LOCK_TCPIP_CORE();
    }
}

void nsapi_lwip_unlock(void)
{
    nsapi_lwip_loopback_deliver();
    if (!inside) {
        UNLOCK_TCPIP_CORE();
    }
}

bool nsapi_lwip_inside_events(void)
{
    return inside;
}

nsapi_error_t nsapi_lwip_events_drive(bool on)
{
    nsapi_error_t err = on ? make_wake() : NSAPI_ERROR_OK;

    if (sockets != 0) {
        return NSAPI_ERROR_BUSY;
    }
    if (err == NSAPI_ERROR_OK) {
        event_driven = on;
    }
    return err;
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
