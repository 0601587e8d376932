/*
 * Blocking in the backend.  A blocking call blocks in the kernel's own call
 * (socket_block: the descriptor blocks, and SO_RCVTIMEO or SO_SNDTIMEO carry
 * what is left of the call's timeout, set only when it changes), one system
 * call where a poll and then the call were two; the non-blocking calls pass
 * MSG_DONTWAIT, or, for connect and accept, which have no such flag, set
 * O_NONBLOCK.  Where a call comes back early (a signal, a datagram from a
 * stranger the runtime drops), the runtime waits in socket_wait: poll() on
 * the socket alone, so the kernel wakes it straight away, and tries again.
 *
 * socket_wake (the runtime's close, while a call is under way) shuts the
 * socket down both ways: the kernel then ends every blocking call on it and
 * reports it hung up to every poll, now and later, so no wake can be missed,
 * and no descriptor is needed for it.  Only a connect starts afresh on a
 * socket shut down before it: the wake shuts it down again until the connect
 * that may have entered the kernel meanwhile has left.  The close follows at
 * once, so the peer sees what a close shows it.  The shutdown also disturbs
 * an operation that runs at the same moment (a recv reads 0, a send fails, a
 * listener stops): posix_stack.c answers WOULD_BLOCK for those on a woken
 * socket, and the runtime, seeing the close, NO_SOCKET.
 *
 * A connect whose wait saw room to send and no error is connected: the
 * kernel makes a socket writable only past SYN_SENT, and a failed attempt
 * also hangs up.
 */
#define _GNU_SOURCE

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>

#include "posix_socket.h"

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
    if (n > 0 && what == NSAPI_WAIT_SEND && s->state == POSIX_CONNECTING && (p.revents & POLLOUT)
        && !(p.revents & (POLLERR | POLLHUP))) {
        s->state = POSIX_CONNECTED; /* that call's turn, which the runtime serialises */
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_posix_socket_block(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what,
                                       int timeout_ms)
{
    struct posix_socket *s = handle;
    int kind = what == NSAPI_WAIT_SEND, kernel = timeout_ms < 0 ? 0 : timeout_ms;

    (void)stack;
    s->may_block[kind] = false;
    if (timeout_ms == 0) {
        return NSAPI_ERROR_OK;
    }
    if (kernel != s->kernel_timeout[kind]) {
        struct timeval limit = {kernel / 1000, (kernel % 1000) * 1000};

        if (setsockopt(s->fd, SOL_SOCKET, kind ? SO_SNDTIMEO : SO_RCVTIMEO, &limit, sizeof limit) != 0) {
            return NSAPI_ERROR_OK; /* the call tries at once; the runtime polls */
        }
        s->kernel_timeout[kind] = kernel;
    }
    s->may_block[kind] = true;
    return NSAPI_ERROR_OK;
}

bool nsapi_posix_take_allowance(struct posix_socket *s, nsapi_wait_t what)
{
    int kind = what == NSAPI_WAIT_SEND;
    bool block = s->may_block[kind];

    s->may_block[kind] = false; /* for this call alone */
    return block;
}

bool nsapi_posix_fd_mode(struct posix_socket *s, bool nonblocking)
{
    if (__atomic_load_n(&s->fd_nonblocking, __ATOMIC_RELAXED) == nonblocking) {
        return true;
    }
    /* A socket's only settable status flag we use: no F_GETFL needed. */
    if (fcntl(s->fd, F_SETFL, nonblocking ? O_NONBLOCK : 0) != 0) {
        return false;
    }
    __atomic_store_n(&s->fd_nonblocking, nonblocking, __ATOMIC_RELAXED);
    return true;
}

nsapi_error_t nsapi_posix_socket_wake(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct posix_socket *s = handle;
    const struct timespec a_moment = {0, 1000000};

    (void)stack;
    /* Before the shutdown, so that an operation it disturbs finds the socket woken. */
    __atomic_store_n(&s->woken, true, __ATOMIC_SEQ_CST);
    /* An unconnected socket answers ENOTCONN, but Linux marks it shut down and wakes its pollers all the same. */
    (void)shutdown(s->fd, SHUT_RDWR);
    /* A connect that saw no wake may enter the kernel after that shutdown; one now aborts it (or
     * finds it done).  Bounded: the connect leaves as soon as a shutdown finds it in the kernel. */
    while (__atomic_load_n(&s->connecting, __ATOMIC_SEQ_CST)) {
        nanosleep(&a_moment, NULL);
        (void)shutdown(s->fd, SHUT_RDWR);
    }
    return NSAPI_ERROR_OK;
}
