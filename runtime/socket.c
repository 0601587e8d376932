/*
 * Socket: what every socket class shares.  A call takes the socket's lock
 * only to read and change its state, never while the stack works, so the
 * stack may call nsapi_rt_socket_event() from its own thread at any time.  Blocking
 * is a loop over the stack's non-blocking operation that sleeps until the
 * stack signals an event or the deadline, computed once per call, passes.
 * A stack with a socket_wait operation sleeps in the stack instead (for
 * kernel sockets, in poll), woken by the readiness itself rather than by the
 * stack's event thread; its events then matter only for sigio, and the
 * runtime tells it so, so that it need not watch the socket for nobody.
 * On such a stack a receiving call that expects to wait (one like it just
 * found nothing) waits first and tries after: a ping-pong receiver would
 * otherwise make a system call that finds nothing each time.  A stack with
 * socket_block goes further: each attempt of a blocking call may block in
 * the operation itself (for kernel sockets, one blocking recv where poll
 * and recv were two), and the runtime waits only after one that returned
 * early, with time left.
 */
#include <limits.h>
#include <string.h>

#include "impl.h"
#include "os.h"
#include "socket.h"

/* Receiving calls that wait first after one found nothing; the next then tries first, to notice
 * when data has started to be there already (a wait on a ready socket costs what the attempt saved). */
#define WAIT_FIRST_RUN 16

nsapi_error_t nsapi_rt_socket_claim(nsapi_socket_t *socket)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    if (!socket->ready) {
        /* The first open makes the lock: it must not race another first call on the same object. */
        err = nsapi_os_sync_init(&socket->sync);
        if (err != NSAPI_ERROR_OK) {
            return err;
        }
        socket->ready = 1;
    }
    nsapi_os_lock(&socket->sync);
    if (socket->flags & (SOCKET_OPEN | SOCKET_CLOSING | SOCKET_OPENING)) {
        err = NSAPI_ERROR_PARAMETER; /* open, or another thread is opening or closing it */
    } else {
        socket->flags = (uint8_t)((socket->flags & SOCKET_TIMEOUT_SET) | SOCKET_OPENING);
        socket->events = 0;
        socket->reader = socket->writer = 0;
        socket->controls = socket->waiters = socket->wait_first = 0;
        memset(&socket->peer, 0, sizeof socket->peer);
    }
    nsapi_os_unlock(&socket->sync);
    return err;
}

void nsapi_rt_socket_unclaim(nsapi_socket_t *socket)
{
    nsapi_os_lock(&socket->sync);
    socket->flags &= (uint8_t)~SOCKET_OPENING;
    nsapi_os_unlock(&socket->sync);
}

/* Whether the stack blocks calls itself; then it calls event for sigio only.  The stack is set. */
static bool waits_in_stack(const nsapi_stack_t *stack)
{
    return stack->api->socket_wait != NULL;
}

/* Whether the stack's operations may block themselves (socket_block); then it waits too. */
static bool blocks_in_stack(const nsapi_stack_t *stack)
{
    return stack->api->socket_block != NULL && waits_in_stack(stack);
}

/* Whether the calling thread may sleep: not inside the stack's own event context (a sigio the stack
 * runs under its lock), where a sleep would stop the stack it waits for. */
static bool may_wait(nsapi_stack_t *stack)
{
    return stack_api_may_wait(stack) != NSAPI_ERROR_WOULD_BLOCK;
}

/* Turn the stack's events for handle on or off; a stack that cannot has them always on.  Lock held. */
static nsapi_error_t stack_events(nsapi_stack_t *stack, nsapi_handle_t handle, bool wanted)
{
    nsapi_error_t err = stack_api_socket_events(stack, handle, wanted);

    return err == NSAPI_ERROR_UNSUPPORTED || !wanted ? NSAPI_ERROR_OK : err; /* off failing: they stay on */
}

/* The stack's socket count lives in the stack object, but only sockets change it. */
static void give_socket(nsapi_stack_t *stack)
{
    nsapi_os_lock(&stack->sync);
    stack->sockets--;
    nsapi_os_unlock(&stack->sync);
}

nsapi_error_t nsapi_rt_socket_opened(nsapi_socket_t *socket, nsapi_stack_t *stack, nsapi_handle_t handle)
{
    nsapi_os_lock(&socket->sync);
    /* A stack that waits itself is told whether its events are wanted: only for a sigio, which may have
     * been set before the open or during it (an opening socket only keeps the callback). */
    if (waits_in_stack(stack) && stack_events(stack, handle, socket->sigio != NULL) != NSAPI_ERROR_OK) {
        socket->flags &= (uint8_t)~SOCKET_OPENING;
        nsapi_os_unlock(&socket->sync);
        (void)stack_api_socket_close(stack, handle);
        give_socket(stack);
        return NSAPI_ERROR_NO_SOCKET; /* the stack cannot watch one more socket */
    }
    socket->stack = stack;
    socket->handle = handle;
    socket->flags = (uint8_t)((socket->flags & ~SOCKET_OPENING) | SOCKET_OPEN);
    nsapi_os_unlock(&socket->sync);
    return NSAPI_ERROR_OK;
}

bool nsapi_rt_socket_is_open(nsapi_socket_t *socket)
{
    bool open;

    if (!socket->ready) {
        return false;
    }
    nsapi_os_lock(&socket->sync);
    open = (socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) == SOCKET_OPEN;
    nsapi_os_unlock(&socket->sync);
    return open;
}

/* The stack's socket count lives in the stack object, but only sockets change it: here. */
nsapi_error_t nsapi_rt_stack_take_socket(nsapi_stack_t *stack)
{
    nsapi_error_t err = NSAPI_ERROR_NO_SOCKET;

    nsapi_os_lock(&stack->sync);
    if (stack->sockets < stack->socket_limit) {
        stack->sockets++;
        err = NSAPI_ERROR_OK;
    }
    nsapi_os_unlock(&stack->sync);
    return err;
}

bool nsapi_rt_stack_has_room(nsapi_stack_t *stack)
{
    bool room;

    nsapi_os_lock(&stack->sync);
    room = stack->sockets < stack->socket_limit;
    nsapi_os_unlock(&stack->sync);
    return room;
}

nsapi_error_t nsapi_rt_socket_open(nsapi_socket_t *socket, nsapi_stack_t *stack, nsapi_protocol_t proto)
{
    nsapi_handle_t handle = NULL;
    nsapi_error_t err;

    if (stack->api == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    err = nsapi_rt_socket_claim(socket);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    err = nsapi_rt_stack_take_socket(stack);
    if (err == NSAPI_ERROR_OK) {
        err = stack_api_socket_open(stack, proto, &handle, nsapi_rt_socket_event, socket);
        if (err != NSAPI_ERROR_OK) {
            give_socket(stack);
            err = err < 0 ? err : NSAPI_ERROR_DEVICE_ERROR;
        }
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_rt_socket_unclaim(socket);
        return err;
    }
    return nsapi_rt_socket_opened(socket, stack, handle);
}

void nsapi_rt_socket_event(void *ctx)
{
    nsapi_socket_t *socket = ctx;
    nsapi_sigio_cb_t callback = NULL;
    void *arg = NULL;

    nsapi_os_lock(&socket->sync);
    socket->events++;
    if (socket->sigio != NULL && !(socket->flags & SOCKET_SIGIO_SENT)) {
        socket->flags |= SOCKET_SIGIO_SENT;
        callback = socket->sigio;
        arg = socket->sigio_arg;
    }
    if (socket->waiters) {
        nsapi_os_wake_all(&socket->sync);
    }
    nsapi_os_unlock(&socket->sync);
    /* Outside the lock: the callback may signal threads that use the socket. */
    if (callback != NULL) {
        callback(arg);
    }
}

/* Whether the socket never blocks (timeout 0).  Lock held. */
static bool never_blocks(const nsapi_socket_t *socket)
{
    return (socket->flags & SOCKET_TIMEOUT_SET) && socket->timeout == 0;
}

bool nsapi_rt_socket_nonblocking(nsapi_socket_t *socket)
{
    bool nonblocking;

    if (!socket->ready) {
        return false;
    }
    nsapi_os_lock(&socket->sync);
    nonblocking = never_blocks(socket);
    nsapi_os_unlock(&socket->sync);
    return nonblocking;
}

/* Sleep until woken or the deadline; false once it has passed.  Lock held. */
static bool socket_wait(nsapi_socket_t *socket, uint64_t deadline)
{
    bool woken;

    socket->waiters++;
    woken = nsapi_os_wait(&socket->sync, deadline);
    socket->waiters--;
    return woken;
}

static uintptr_t *socket_turn(nsapi_socket_t *socket, enum socket_role role)
{
    return role == SOCKET_RECEIVER ? &socket->reader : role == SOCKET_SENDER ? &socket->writer : NULL;
}

/* Whether this thread's own call holds a turn further up its stack (a sigio run inside it).  Lock held. */
static bool holds_turn(const nsapi_socket_t *socket, enum socket_role role)
{
    uintptr_t self = nsapi_os_thread_self();

    return role == SOCKET_RECEIVER ? socket->reader == self
         : role == SOCKET_SENDER   ? socket->writer == self
                                   : socket->reader == self || socket->writer == self;
}

/* What is left until deadline, in ms for the stack (negative: no limit). */
static int time_left(uint64_t deadline)
{
    uint64_t now;

    if (deadline == NSAPI_OS_FOREVER) {
        return -1;
    }
    now = nsapi_os_now_ms();
    return now >= deadline ? 0 : deadline - now > INT_MAX ? INT_MAX : (int)(deadline - now);
}

static nsapi_wait_t wait_kind(enum socket_role role)
{
    return role == SOCKET_RECEIVER ? NSAPI_WAIT_RECEIVE : NSAPI_WAIT_SEND;
}

/*
 * Sleep in the stack until the socket may be ready for the role, close wakes
 * it or the deadline; false once the deadline has passed.  Lock held; the
 * role's turn keeps close from freeing the handle meanwhile.
 */
static bool stack_wait(nsapi_socket_t *socket, enum socket_role role, uint64_t deadline)
{
    int timeout = time_left(deadline);
    nsapi_error_t err;

    nsapi_os_unlock(&socket->sync);
    err = stack_api_socket_wait(socket->stack, socket->handle, wait_kind(role), timeout);
    nsapi_os_lock(&socket->sync);
    return err != NSAPI_ERROR_WOULD_BLOCK;
}

/*
 * Whether a call of the role should wait in the stack before its first
 * attempt, and count it.  Lock held.
 */
static bool wait_first(nsapi_socket_t *socket, enum socket_role role, bool nonblocking)
{
    if (role != SOCKET_RECEIVER || nonblocking || socket->wait_first == 0 || !waits_in_stack(socket->stack)
        || blocks_in_stack(socket->stack)) {
        return false;
    }
    socket->wait_first--;
    return true;
}

void nsapi_rt_socket_expect_wait(nsapi_socket_t *socket)
{
    nsapi_os_lock(&socket->sync);
    socket->wait_first = 1;
    nsapi_os_unlock(&socket->sync);
}

/* Wait for the role's turn and take it.  Lock held; returns the call's result if it cannot. */
static nsapi_error_t socket_take_turn(nsapi_socket_t *socket, enum socket_role role, uint64_t deadline)
{
    uintptr_t *turn = socket_turn(socket, role);

    for (;;) {
        if ((socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) != SOCKET_OPEN) {
            return NSAPI_ERROR_NO_SOCKET;
        }
        if (turn == NULL) {
            socket->controls++;
            return NSAPI_ERROR_OK;
        }
        if (*turn == 0) {
            *turn = nsapi_os_thread_self();
            return NSAPI_ERROR_OK;
        }
        if (!socket_wait(socket, deadline)) {
            return NSAPI_ERROR_WOULD_BLOCK;
        }
    }
}

/*
 * Before a call gives up its turn: the events owed to calls that could not wait and found the turn
 * taken, asked of the stack (which sends them from where it sends all), or the sigio to call once
 * the lock is released if it cannot.  Holding the turn, the socket stays open meanwhile; holding
 * the lock from the last look until the turn is given up, no call is refused unseen.  Lock held.
 */
static nsapi_sigio_cb_t settle_owed(nsapi_socket_t *socket, void **arg)
{
    while (socket->flags & SOCKET_SIGIO_OWED) {
        nsapi_error_t err;

        socket->flags &= (uint8_t)~SOCKET_SIGIO_OWED;
        nsapi_os_unlock(&socket->sync);
        err = stack_api_socket_notify(socket->stack, socket->handle);
        nsapi_os_lock(&socket->sync);
        if (err == NSAPI_ERROR_UNSUPPORTED && socket->sigio != NULL && !(socket->flags & SOCKET_CLOSING)) {
            socket->flags |= SOCKET_SIGIO_SENT;
            *arg = socket->sigio_arg;
            return socket->sigio;
        }
    }
    return NULL;
}

nsapi_size_or_error_t nsapi_rt_socket_run(nsapi_socket_t *socket, enum socket_role role, socket_attempt_fn attempt, void *op)
{
    return nsapi_rt_socket_run_checked(socket, role, NULL, attempt, op);
}

/* The call's own check, before its turn; NSAPI_ERROR_NO_SOCKET on a socket not open.  Lock held. */
static nsapi_error_t run_check(nsapi_socket_t *socket, socket_check_fn check, void *op)
{
    if ((socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) != SOCKET_OPEN) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return check(socket, op);
}

nsapi_size_or_error_t nsapi_rt_socket_run_checked(nsapi_socket_t *socket, enum socket_role role,
                                                  socket_check_fn check, socket_attempt_fn attempt, void *op)
{
    nsapi_size_or_error_t result = NSAPI_ERROR_NO_SOCKET;
    nsapi_sigio_cb_t owed;
    void *arg = NULL;
    uint64_t deadline;
    nsapi_error_t err;
    bool nonblocking, blocking_attempts;

    if (!socket->ready) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    nsapi_os_lock(&socket->sync);
    nonblocking = never_blocks(socket);
    if (!nonblocking && (socket->flags & SOCKET_OPEN) && (!may_wait(socket->stack) || holds_turn(socket, role))) {
        nonblocking = true; /* in the stack's event context, or its turn is ours: as with a timeout of 0 */
    }
    err = check != NULL ? run_check(socket, check, op) : NSAPI_ERROR_OK;
    if (err != NSAPI_ERROR_OK) {
        nsapi_os_unlock(&socket->sync);
        return err;
    }
    deadline = nsapi_os_deadline(nonblocking ? 0 : (socket->flags & SOCKET_TIMEOUT_SET) ? socket->timeout : -1);
    err = socket_take_turn(socket, role, deadline);
    if (err != NSAPI_ERROR_OK) {
        if (err == NSAPI_ERROR_WOULD_BLOCK && nonblocking) {
            /* The event that brought this caller (a sigio) must not be lost to the holder's turn: re-armed,
             * as an attempt would, so that the event the holder has raised again calls it. */
            socket->flags = (uint8_t)((socket->flags | SOCKET_SIGIO_OWED) & ~SOCKET_SIGIO_SENT);
        }
        nsapi_os_unlock(&socket->sync);
        return err;
    }
    blocking_attempts = role != SOCKET_CONTROL && blocks_in_stack(socket->stack);
    /* Timed out or not, one attempt follows: the call's answer is the stack's, never the wait's. */
    if (wait_first(socket, role, nonblocking)) {
        (void)stack_wait(socket, role, deadline);
    }
    for (;;) {
        unsigned seen = socket->events;
        enum socket_step step;

        /* Each attempt re-arms sigio: the next event after it calls the user again. */
        socket->flags &= (uint8_t)~SOCKET_SIGIO_SENT;
        nsapi_os_unlock(&socket->sync);
        if (blocking_attempts) {
            /* Told every attempt, non-blocking ones too: none may inherit an allowance left unused. */
            (void)stack_api_socket_block(socket->stack, socket->handle, wait_kind(role),
                                         nonblocking ? 0 : time_left(deadline));
        }
        step = attempt(socket, op, &result);
        nsapi_os_lock(&socket->sync);
        if (step == SOCKET_DONE) {
            break;
        }
        if (socket->flags & SOCKET_CLOSING) {
            result = NSAPI_ERROR_NO_SOCKET;
            break;
        }
        if (step == SOCKET_WAIT && role == SOCKET_RECEIVER && !nonblocking) {
            socket->wait_first = WAIT_FIRST_RUN;
        }
        /* A non-blocking call reports the first answer: a connect must say IN_PROGRESS once. */
        if (step == SOCKET_WAIT && nonblocking) {
            break;
        }
        /* Retry at once when asked to, or when an event came while the stack worked. */
        if (step == SOCKET_AGAIN || socket->events != seen) {
            continue;
        }
        /* The attempt blocked itself: it came back for want of time, or early (then wait, as below). */
        if (blocking_attempts && time_left(deadline) == 0) {
            break;
        }
        if (waits_in_stack(socket->stack) ? !stack_wait(socket, role, deadline)
                                          : !socket_wait(socket, deadline) && socket->events == seen) {
            break; /* timed out: the last attempt's result stands */
        }
        if (socket->flags & SOCKET_CLOSING) {
            result = NSAPI_ERROR_NO_SOCKET;
            break;
        }
    }
    owed = settle_owed(socket, &arg);
    if (role == SOCKET_CONTROL) {
        socket->controls--;
    } else {
        *socket_turn(socket, role) = 0;
    }
    if (socket->waiters) {
        nsapi_os_wake_all(&socket->sync); /* the next in turn, or close */
    }
    nsapi_os_unlock(&socket->sync);
    if (owed != NULL) {
        owed(arg);
    }
    return result;
}

nsapi_error_t nsapi_impl_socket_close(nsapi_socket_t *socket)
{
    nsapi_stack_t *stack;
    nsapi_handle_t handle;
    nsapi_error_t err = NSAPI_ERROR_OK;

    if (!nsapi_rt_socket_is_open(socket)) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    nsapi_os_lock(&socket->sync);
    if ((socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) != SOCKET_OPEN) {
        nsapi_os_unlock(&socket->sync);
        return NSAPI_ERROR_NO_SOCKET; /* another thread closed it first */
    }
    if (((socket->reader || socket->writer || socket->controls) && !may_wait(socket->stack)) ||
        holds_turn(socket, SOCKET_CONTROL)) {
        nsapi_os_unlock(&socket->sync);
        return NSAPI_ERROR_WOULD_BLOCK; /* those calls may be waiting for the very context we run in */
    }
    socket->flags |= SOCKET_CLOSING;
    nsapi_os_wake_all(&socket->sync);
    /* Calls asleep in the stack, if any: later ones see CLOSING before they wait. */
    if (waits_in_stack(socket->stack) && (socket->reader || socket->writer || socket->controls)) {
        (void)stack_api_socket_wake(socket->stack, socket->handle);
    }
    while (socket->reader || socket->writer || socket->controls) {
        socket_wait(socket, NSAPI_OS_FOREVER);
    }
    stack = socket->stack;
    handle = socket->handle;
    nsapi_os_unlock(&socket->sync);

    err = stack_api_socket_close(stack, handle);
    err = err == NSAPI_ERROR_UNSUPPORTED ? NSAPI_ERROR_OK : err; /* nothing to free */
    nsapi_os_lock(&socket->sync);
    socket->flags &= (uint8_t)~(SOCKET_OPEN | SOCKET_CLOSING);
    socket->stack = NULL;
    socket->handle = NULL;
    memset(&socket->peer, 0, sizeof socket->peer);
    nsapi_os_wake_all(&socket->sync);
    nsapi_os_unlock(&socket->sync);
    give_socket(stack);
    return err;
}

struct bind_op {
    const nsapi_socket_address_t *address;
};

static enum socket_step bind_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    const struct bind_op *o = op;

    *result = stack_api_socket_bind(socket->stack, socket->handle, o->address);
    return SOCKET_DONE;
}

nsapi_error_t nsapi_impl_socket_bind(nsapi_socket_t *socket, const nsapi_socket_address_t *address)
{
    struct bind_op op = {address};

    return nsapi_rt_socket_run(socket, SOCKET_CONTROL, bind_attempt, &op);
}

nsapi_error_t nsapi_impl_socket_set_blocking(nsapi_socket_t *socket, bool blocking)
{
    return nsapi_impl_socket_set_timeout(socket, blocking ? -1 : 0);
}

nsapi_error_t nsapi_impl_socket_set_timeout(nsapi_socket_t *socket, int timeout)
{
    bool locked = socket->ready != 0;

    if (locked) {
        nsapi_os_lock(&socket->sync);
    }
    socket->timeout = timeout < 0 ? -1 : timeout;
    socket->flags |= SOCKET_TIMEOUT_SET;
    if (locked) {
        nsapi_os_unlock(&socket->sync);
    }
    return NSAPI_ERROR_OK;
}

/* Tell a stack that waits itself whether the socket's events are wanted, as sigio goes from
 * none to one or back.  Lock held. */
static nsapi_error_t want_events(nsapi_socket_t *socket, nsapi_sigio_cb_t callback)
{
    if ((socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) != SOCKET_OPEN || !waits_in_stack(socket->stack)
        || (socket->sigio == NULL) == (callback == NULL)) {
        return NSAPI_ERROR_OK;
    }
    return stack_events(socket->stack, socket->handle, callback != NULL);
}

nsapi_error_t nsapi_impl_socket_sigio(nsapi_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    bool pending = false;
    nsapi_error_t err;

    if (!socket->ready) {
        socket->sigio = callback;
        socket->sigio_arg = arg;
        return NSAPI_ERROR_OK;
    }
    nsapi_os_lock(&socket->sync);
    err = want_events(socket, callback);
    if (err != NSAPI_ERROR_OK) {
        nsapi_os_unlock(&socket->sync);
        return err;
    }
    socket->sigio = callback;
    socket->sigio_arg = arg;
    /* An event may have come before the callback: deliver it rather than lose it. */
    if (callback != NULL && (socket->flags & SOCKET_OPEN) && socket->events != 0) {
        socket->flags |= SOCKET_SIGIO_SENT;
        pending = true;
    }
    nsapi_os_unlock(&socket->sync);
    if (pending) {
        callback(arg);
    }
    return NSAPI_ERROR_OK;
}

struct option_op {
    int level;
    int optname;
    const void *in;
    void *out;
    unsigned inlen;
    unsigned *outlen;
};

static enum socket_step option_attempt(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result)
{
    const struct option_op *o = op;

    if (o->out == NULL) {
        *result = stack_api_setsockopt(socket->stack, socket->handle, o->level, o->optname, o->in, o->inlen);
    } else {
        *result = stack_api_getsockopt(socket->stack, socket->handle, o->level, o->optname, o->out, o->outlen);
    }
    return SOCKET_DONE;
}

nsapi_error_t nsapi_impl_socket_setsockopt(nsapi_socket_t *socket, int level, int optname, const void *optval,
                                           unsigned optlen)
{
    struct option_op op = {level, optname, optval, NULL, optlen, NULL};

    return nsapi_rt_socket_run(socket, SOCKET_CONTROL, option_attempt, &op);
}

nsapi_error_t nsapi_impl_socket_getsockopt(nsapi_socket_t *socket, int level, int optname, void *optval,
                                           unsigned *optlen)
{
    struct option_op op = {level, optname, NULL, optval, 0, optlen};

    return nsapi_rt_socket_run(socket, SOCKET_CONTROL, option_attempt, &op);
}

nsapi_error_t nsapi_impl_socket_getpeername(nsapi_socket_t *socket, nsapi_socket_address_t *address)
{
    nsapi_error_t err = NSAPI_ERROR_NO_SOCKET;

    if (!socket->ready) {
        return err;
    }
    nsapi_os_lock(&socket->sync);
    if ((socket->flags & (SOCKET_OPEN | SOCKET_CLOSING)) == SOCKET_OPEN) {
        err = NSAPI_ERROR_NO_CONNECTION;
        if (socket->peer.addr.version != NSAPI_UNSPEC) {
            *address = socket->peer;
            err = NSAPI_ERROR_OK;
        }
    }
    nsapi_os_unlock(&socket->sync);
    return err;
}

bool nsapi_rt_socket_same_peer(const nsapi_socket_address_t *from, const nsapi_socket_address_t *peer)
{
    static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

    if (nsapi_socket_address_equals(from, peer)) {
        return true;
    }
    return from->port == peer->port && from->addr.version == NSAPI_IPv4 && peer->addr.version == NSAPI_IPv6
           && memcmp(peer->addr.bytes, mapped, sizeof mapped) == 0
           && memcmp(peer->addr.bytes + 12, from->addr.bytes, 4) == 0;
}
