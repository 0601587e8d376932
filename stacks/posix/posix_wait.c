/*
 * Blocking in the backend: a call that must wait sleeps in poll() on its own
 * socket, so the kernel wakes it straight away, as it wakes a blocking recv,
 * instead of the event thread seeing the readiness first and then waking it
 * (two more context switches a wait).
 *
 * socket_wake (the runtime's close, while a call is under way) shuts the
 * socket down both ways: the kernel then reports it hung up to every poll,
 * now and later, so no wake can be missed, and no descriptor is needed for
 * it (an eventfd a socket cost two system calls a connection).  The close
 * follows at once, so the peer sees what a close shows it.  The shutdown
 * also disturbs an operation that runs at the same moment (a recv reads 0, a
 * send fails, a listener stops): posix_stack.c answers WOULD_BLOCK for those
 * on a woken socket, and the runtime, seeing the close, NO_SOCKET.
 *
 * What a wait saw is kept for the call it serves: a connect whose wait saw
 * room to send and no error is connected (no second look at the kernel),
 * and a recv that reads 0 after a wait that saw no hang-up is the peer's
 * orderly close (no TCP_INFO to rule out a reset).
 */
#define _GNU_SOURCE

#include <poll.h>
#include <sys/socket.h>

#include "posix_socket.h"

/* Keep what a wait saw for the call it serves (that call's turn, which the runtime serialises). */
static void note(struct posix_socket *s, nsapi_wait_t what, short revents)
{
    bool failed = (revents & (POLLERR | POLLHUP)) != 0;

    if (what == NSAPI_WAIT_RECEIVE) {
        s->receive_seen = (revents & POLLIN) && !failed ? POSIX_SEEN_CLEAN : POSIX_SEEN_NOTHING;
    } else if (s->state == POSIX_CONNECTING && (revents & POLLOUT) && !failed) {
        s->state = POSIX_CONNECTED; /* writable only past SYN_SENT; a failed attempt also hangs up */
    }
}

nsapi_error_t nsapi_posix_socket_wait(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what,
                                      int timeout_ms)
{
    struct posix_socket *s = handle;
    struct pollfd p = {s->fd, what == NSAPI_WAIT_SEND ? POLLOUT : POLLIN, 0};
    int n;

    (void)stack;
    n = poll(&p, 1, timeout_ms < 0 ? -1 : timeout_ms);
    /* Only a timeout says WOULD_BLOCK; a signal is an early return, and the runtime tries again. */
    if (n == 0) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    if (n > 0 && s->proto == NSAPI_TCP) {
        note(s, what, p.revents);
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_posix_socket_wake(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct posix_socket *s = handle;

    (void)stack;
    /* Before the shutdown, so that an operation it disturbs finds the socket woken. */
    __atomic_store_n(&s->woken, true, __ATOMIC_SEQ_CST);
    /* An unconnected socket answers ENOTCONN, but Linux marks it shut down and wakes its pollers all the same. */
    (void)shutdown(s->fd, SHUT_RDWR);
    return NSAPI_ERROR_OK;
}
