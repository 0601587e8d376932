/*
 * Blocking in the backend: a call that must wait sleeps in poll() on its own
 * socket and on the socket's wake eventfd, so the kernel wakes it straight
 * away, as it wakes a blocking recv, instead of the event thread seeing the
 * readiness first and then waking it (two more context switches a wait).
 *
 * socket_wake (the runtime's close) signals the eventfd and nobody reads it
 * back, so every wait from then on returns at once.  The eventfd is made by
 * a socket's first wait: sockets that never block (a sigio server's) have
 * none.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "posix_socket.h"

/* Without an eventfd (the process is out of descriptors) a wait looks at the woken flag this often. */
#define WAKE_CHECK_MS 50

static void signal_wake(int fd)
{
    uint64_t one = 1;

    /* Only fails when the counter is full, and then it is signalled already. */
    (void)!write(fd, &one, sizeof one);
}

/* The socket's wake eventfd, made on first use (signalled if a wake came first); -1 if none can be. */
static int wake_fd(struct posix_stack *ps, struct posix_socket *s)
{
    int fd = __atomic_load_n(&s->wake_fd, __ATOMIC_ACQUIRE);

    if (fd >= 0) {
        return fd;
    }
    pthread_mutex_lock(&ps->lock);
    if (s->wake_fd < 0) {
        fd = eventfd(s->woken ? 1 : 0, EFD_NONBLOCK | EFD_CLOEXEC);
        __atomic_store_n(&s->wake_fd, fd, __ATOMIC_RELEASE);
    }
    fd = s->wake_fd;
    pthread_mutex_unlock(&ps->lock);
    return fd;
}

static bool woken(struct posix_stack *ps, struct posix_socket *s)
{
    bool w;

    pthread_mutex_lock(&ps->lock);
    w = s->woken;
    pthread_mutex_unlock(&ps->lock);
    return w;
}

nsapi_error_t nsapi_posix_socket_wait(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what,
                                      int timeout_ms)
{
    struct posix_stack *ps = stack->context;
    struct posix_socket *s = handle;
    struct pollfd p[2] = {{s->fd, what == NSAPI_WAIT_SEND ? POLLOUT : POLLIN, 0}, {wake_fd(ps, s), POLLIN, 0}};
    int timeout = timeout_ms < 0 ? -1 : timeout_ms, n;
    bool capped = false;

    if (p[1].fd < 0) {
        if (woken(ps, s)) {
            return NSAPI_ERROR_OK;
        }
        capped = timeout < 0 || timeout > WAKE_CHECK_MS;
        timeout = capped ? WAKE_CHECK_MS : timeout;
    }
    n = poll(p, p[1].fd < 0 ? 1 : 2, timeout);
    /* Only a timeout that is the caller's says WOULD_BLOCK; a signal or a capped sleep is an early return. */
    if (n == 0 && !capped) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_posix_socket_wake(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct posix_stack *ps = stack->context;
    struct posix_socket *s = handle;

    pthread_mutex_lock(&ps->lock);
    s->woken = true;
    if (s->wake_fd >= 0) {
        signal_wake(s->wake_fd);
    }
    pthread_mutex_unlock(&ps->lock);
    return NSAPI_ERROR_OK;
}
