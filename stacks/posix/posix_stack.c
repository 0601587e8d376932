/*
 * The POSIX backend's vtable: each operation is one or two calls on a
 * kernel socket, non-blocking (MSG_DONTWAIT, or O_NONBLOCK for connect and
 * accept) unless socket_block allowed it to block (posix_wait.c), with errno
 * turned into nsapi_error_t by posix_errors.c; a blocking call a signal
 * interrupts answers WOULD_BLOCK, and the runtime tries again.  What the
 * kernel does differently from the nsapi contract is made right here:
 *   - connect: a failed attempt is NO_CONNECTION, every time after (the
 *     kernel would start a new one), and progress is read with poll,
 *     SO_ERROR and the peer's name (SO_ERROR alone is lost to any recv or
 *     send that reads it first);
 *   - listen: needs a bound socket (the kernel would pick a port);
 *   - recv: 0 means the peer closed, never a reset (after reporting
 *     ECONNRESET once, to whichever call came first, the kernel reads 0:
 *     every call that can take that error remembers it);
 *   - recv and send: a peer the kernel gave up on (ETIMEDOUT, reported
 *     once) is CONNECTION_LOST every time after, not NO_CONNECTION;
 *   - on a socket woken for close (posix_wait.c shuts it down), what fails
 *     is WOULD_BLOCK, and connect ALREADY: the runtime answers NO_SOCKET.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "nsapi/posix.h"
#include "posix_errors.h"
#include "posix_socket.h"

#define STACK(stack) ((struct posix_stack *)(stack)->context)

static nsapi_error_t errno_error(void)
{
    return nsapi_posix_error(errno);
}

static bool woken(const struct posix_socket *s)
{
    return __atomic_load_n(&s->woken, __ATOMIC_SEQ_CST);
}

static int clamp(nsapi_size_t size)
{
    return size > INT_MAX ? INT_MAX : (int)size;
}

/*
 * Make s dual-stack.  The kernel's default (net.ipv6.bindv6only, 0 unless an
 * administrator sets it) is read from the stack's first IPv6 socket; while
 * it is dual, later sockets need no system call for it.
 */
static void dual_stack(struct posix_stack *ps, struct posix_socket *s)
{
    int off = 0, v6only = 1;
    socklen_t length = sizeof v6only;

    if (__atomic_load_n(&ps->dual_by_default, __ATOMIC_RELAXED)) {
        return;
    }
    if (getsockopt(s->fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, &length) == 0 && v6only == 0) {
        __atomic_store_n(&ps->dual_by_default, true, __ATOMIC_RELAXED);
        return;
    }
    setsockopt(s->fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
}

/* A new socket of the given type, dual-stack where the host has IPv6. */
static struct posix_socket *make(struct posix_stack *ps, int type, nsapi_error_t *err)
{
    struct posix_socket *s = calloc(1, sizeof *s);

    if (s == NULL) {
        *err = NSAPI_ERROR_NO_MEMORY;
        return NULL;
    }
    s->family = AF_INET6;
    /* Blocking: a blocking call blocks in the kernel's call; the others pass MSG_DONTWAIT. */
    s->fd = socket(AF_INET6, type | SOCK_CLOEXEC, 0);
    if (s->fd < 0 && errno == EAFNOSUPPORT) {
        s->family = AF_INET;
        s->fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    }
    if (s->fd < 0) {
        *err = errno_error();
        free(s);
        return NULL;
    }
    if (s->family == AF_INET6) {
        dual_stack(ps, s);
    }
    *err = NSAPI_ERROR_OK;
    return s;
}

static nsapi_error_t posix_socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle,
                                       nsapi_event_cb_t event, void *context)
{
    struct posix_socket *s;
    nsapi_error_t err;

    if (proto != NSAPI_TCP && proto != NSAPI_UDP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    s = make(STACK(stack), proto == NSAPI_TCP ? SOCK_STREAM : SOCK_DGRAM, &err);
    if (s == NULL) {
        return err;
    }
    s->proto = proto;
    err = nsapi_posix_events_add(STACK(stack), s, event, context, NULL);
    if (err != NSAPI_ERROR_OK) {
        close(s->fd);
        free(s);
        return err;
    }
    *handle = s;
    return NSAPI_ERROR_OK;
}

static nsapi_error_t posix_socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    nsapi_posix_events_remove(STACK(stack), handle);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t posix_socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle,
                                       const nsapi_socket_address_t *address)
{
    struct posix_socket *s = handle;
    struct sockaddr_storage sa;
    socklen_t length = nsapi_posix_to_sockaddr(s, address, &sa);

    (void)stack;
    if (length == 0) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (bind(s->fd, (struct sockaddr *)&sa, length) != 0) {
        return errno_error();
    }
    __atomic_store_n(&s->bound, true, __ATOMIC_RELAXED);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t posix_socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    struct posix_socket *s = handle;

    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (!__atomic_load_n(&s->bound, __ATOMIC_RELAXED)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_posix_events_begin(STACK(stack), s) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_NO_MEMORY; /* no event would tell of a connection */
    }
    if (listen(s->fd, backlog) != 0) {
        return errno_error();
    }
    __atomic_store_n(&s->listening, true, __ATOMIC_RELAXED);
    return NSAPI_ERROR_OK;
}

/* A connect attempt failed: so will every later connect, and a recv reading 0 is no orderly close. */
static nsapi_error_t connect_failed(struct posix_socket *s)
{
    s->state = POSIX_FAILED;
    __atomic_store_n(&s->ended, true, __ATOMIC_RELAXED);
    return NSAPI_ERROR_NO_CONNECTION;
}

/* Where a started connect stands, looked at without waiting: ALREADY, IS_CONNECTED or NO_CONNECTION. */
static nsapi_error_t connect_progress(struct posix_socket *s)
{
    struct pollfd p = {.fd = s->fd, .events = POLLOUT};
    struct sockaddr_storage peer;
    socklen_t length = sizeof peer;

    if (poll(&p, 1, 0) == 0) {
        return NSAPI_ERROR_ALREADY;
    }
    if (getpeername(s->fd, (struct sockaddr *)&peer, &length) != 0) {
        if (woken(s)) {
            return NSAPI_ERROR_ALREADY; /* aborted by the shutdown for close, not failed */
        }
        return connect_failed(s); /* refused, reset or timed out: whatever SO_ERROR said, if anyone read it */
    }
    s->state = POSIX_CONNECTED;
    return NSAPI_ERROR_IS_CONNECTED;
}

/* The kernel's connect, with socket_wake told it may be under way (a shutdown before it would not
 * stop it).  The connect's return, or -1 with errno EALREADY if the socket is woken. */
static int kernel_connect(struct posix_socket *s, const struct sockaddr_storage *sa, socklen_t length)
{
    int r = -1;

    __atomic_store_n(&s->connecting, true, __ATOMIC_SEQ_CST);
    if (!woken(s)) {
        r = connect(s->fd, (const struct sockaddr *)sa, length);
    } else {
        errno = EALREADY;
    }
    __atomic_store_n(&s->connecting, false, __ATOMIC_SEQ_CST);
    return r;
}

/* A started connect, waited for in the kernel's connect (a second one waits for the first's end):
 * ALREADY (time up, a signal, or woken), IS_CONNECTED or NO_CONNECTION. */
static nsapi_error_t connect_finish(struct posix_socket *s, const nsapi_socket_address_t *address)
{
    struct sockaddr_storage sa;
    socklen_t length = nsapi_posix_to_sockaddr(s, address, &sa);

    if (length == 0 || !nsapi_posix_fd_mode(s, false)) {
        return connect_progress(s);
    }
    if (kernel_connect(s, &sa, length) == 0 || errno == EISCONN) {
        s->state = POSIX_CONNECTED;
        return NSAPI_ERROR_IS_CONNECTED;
    }
    if (woken(s) || errno == EALREADY || errno == EINTR || errno == EINPROGRESS) {
        return NSAPI_ERROR_ALREADY;
    }
    return connect_failed(s);
}

static nsapi_error_t posix_socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle,
                                          const nsapi_socket_address_t *address)
{
    struct posix_socket *s = handle;
    struct sockaddr_storage sa;
    socklen_t length;
    bool block;

    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED; /* the runtime keeps UDP peers itself */
    }
    if (woken(s)) {
        return NSAPI_ERROR_ALREADY; /* closing: the runtime answers NO_SOCKET */
    }
    block = nsapi_posix_take_allowance(s, NSAPI_WAIT_SEND);
    switch (s->state) {
    case POSIX_CONNECTING:
        return block ? connect_finish(s, address) : connect_progress(s);
    case POSIX_CONNECTED:
        return NSAPI_ERROR_IS_CONNECTED;
    case POSIX_FAILED:
        return NSAPI_ERROR_NO_CONNECTION;
    case POSIX_IDLE:
        break;
    }
    length = nsapi_posix_to_sockaddr(s, address, &sa);
    if (length == 0 || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_posix_events_begin(STACK(stack), s) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_NO_MEMORY; /* no event would tell of the attempt's end */
    }
    if (!nsapi_posix_fd_mode(s, !block)) {
        return errno_error();
    }
    if (kernel_connect(s, &sa, length) == 0) {
        s->state = POSIX_CONNECTED;
        return NSAPI_ERROR_OK;
    }
    if (woken(s)) {
        return NSAPI_ERROR_ALREADY; /* closing, the attempt perhaps aborted: the runtime answers NO_SOCKET */
    }
    /* Started and not done: at once, or in the time allowed, or before a signal came. */
    if (errno == EINPROGRESS || errno == EINTR) {
        s->state = POSIX_CONNECTING;
        return nsapi_posix_events_want_write(STACK(stack), s) == NSAPI_ERROR_OK ? NSAPI_ERROR_IN_PROGRESS
                                                                                 : NSAPI_ERROR_NO_MEMORY;
    }
    if (errno == EINVAL || errno == EAFNOSUPPORT) {
        return NSAPI_ERROR_PARAMETER; /* an address this socket cannot reach, such as IPv4 from an IPv6 bind */
    }
    if (errno == EADDRNOTAVAIL) {
        return NSAPI_ERROR_ADDRESS_IN_USE; /* every ephemeral port is taken; the socket may try again */
    }
    return connect_failed(s); /* refused, no route: the attempt failed */
}

static nsapi_error_t posix_socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle,
                                         nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    struct posix_socket *s = server, *c;
    struct sockaddr_storage from;
    socklen_t length = sizeof from;
    nsapi_error_t err;
    int fd, tries = 0;
    bool block = nsapi_posix_take_allowance(s, NSAPI_WAIT_RECEIVE);

    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /* Only a listener's mode: a connect of the sender's may be setting another socket's. */
    if (__atomic_load_n(&s->listening, __ATOMIC_RELAXED) && !nsapi_posix_fd_mode(s, !block)) {
        return errno_error();
    }
    c = calloc(1, sizeof *c);
    if (c == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    /* A connection that gave up before it was accepted is skipped: the next may be queued behind it,
     * and edge-triggered epoll would not report it again. */
    do {
        length = sizeof from;
        fd = accept4(s->fd, (struct sockaddr *)&from, &length, SOCK_CLOEXEC); /* blocking, as make()'s */
    } while (fd < 0 && errno == ECONNABORTED && tries++ < NSAPI_POSIX_ACCEPT_TRIES);
    if (fd < 0) {
        err = errno == ECONNABORTED || errno == EINTR || woken(s) ? NSAPI_ERROR_WOULD_BLOCK : errno_error();
        free(c);
        return err;
    }
    c->fd = fd;
    c->family = s->family;
    c->proto = NSAPI_TCP;
    c->state = POSIX_CONNECTED;
    c->bound = true;
    /* Watched at once if the runtime does not say (epoll reports data already waiting when a descriptor
     * is added), else when it says it wants events. */
    err = nsapi_posix_events_add(STACK(stack), c, event, context, s);
    if (err != NSAPI_ERROR_OK) {
        close(fd);
        free(c);
        return err;
    }
    nsapi_posix_from_sockaddr(&from, address);
    *handle = c;
    return NSAPI_ERROR_OK;
}

/* The error of a failed recv or send, remembered when it ends the connection (the kernel says it
 * once); a signal that interrupted a blocking one is WOULD_BLOCK, for the runtime to try again. */
static nsapi_error_t transfer_error(struct posix_socket *s)
{
    nsapi_error_t err = errno == EINTR ? NSAPI_ERROR_WOULD_BLOCK : errno_error();

    if (err == NSAPI_ERROR_CONNECTION_LOST) {
        __atomic_store_n(&s->lost, true, __ATOMIC_RELAXED);
    }
    if (err == NSAPI_ERROR_CONNECTION_LOST || errno == ECONNRESET || errno == ECONNREFUSED) {
        __atomic_store_n(&s->ended, true, __ATOMIC_RELAXED);
    }
    return err;
}

static bool lost(const struct posix_socket *s)
{
    return __atomic_load_n(&s->lost, __ATOMIC_RELAXED);
}

/* A send that failed: when for want of room, room is watched for from now on. */
static nsapi_error_t send_error(nsapi_stack_t *stack, struct posix_socket *s)
{
    nsapi_error_t err;

    if (woken(s)) {
        return NSAPI_ERROR_WOULD_BLOCK; /* the shutdown for close */
    }
    err = transfer_error(s);

    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        return nsapi_posix_events_want_write(STACK(stack), s) == NSAPI_ERROR_OK ? err : NSAPI_ERROR_NO_MEMORY;
    }
    return err;
}

static nsapi_size_or_error_t posix_socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data,
                                               nsapi_size_t size)
{
    struct posix_socket *s = handle;
    bool block = nsapi_posix_take_allowance(s, NSAPI_WAIT_SEND);
    ssize_t n;

    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (lost(s)) {
        return NSAPI_ERROR_CONNECTION_LOST;
    }
    block = block && nsapi_posix_fd_mode(s, false); /* a non-blocking connect's O_NONBLOCK: the sender's */
    n = send(s->fd, data, (size_t)clamp(size), MSG_NOSIGNAL | (block ? 0 : MSG_DONTWAIT));
    return n >= 0 ? (nsapi_size_or_error_t)n : send_error(stack, s);
}

static nsapi_size_or_error_t posix_socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data,
                                               nsapi_size_t size)
{
    struct posix_socket *s = handle;
    bool block = nsapi_posix_take_allowance(s, NSAPI_WAIT_RECEIVE);
    ssize_t n;

    (void)stack;
    if (s->proto != NSAPI_TCP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (lost(s)) {
        return NSAPI_ERROR_CONNECTION_LOST;
    }
    /* The descriptor's mode is the sender's: left non-blocking by a connect, this recv does not block. */
    n = recv(s->fd, data, (size_t)clamp(size), block ? 0 : MSG_DONTWAIT);
    if (n > 0 || (n == 0 && size == 0)) {
        return (nsapi_size_or_error_t)n;
    }
    if (woken(s)) {
        return NSAPI_ERROR_WOULD_BLOCK; /* the shutdown for close */
    }
    if (n == 0) {
        return __atomic_load_n(&s->ended, __ATOMIC_RELAXED) ? NSAPI_ERROR_NO_CONNECTION : 0;
    }
    return transfer_error(s);
}

static nsapi_size_or_error_t posix_socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                 const nsapi_socket_address_t *address, const void *data,
                                                 nsapi_size_t size)
{
    struct posix_socket *s = handle;
    bool block = nsapi_posix_take_allowance(s, NSAPI_WAIT_SEND);
    struct sockaddr_storage sa;
    socklen_t length;
    ssize_t n;

    if (s->proto != NSAPI_UDP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    length = nsapi_posix_to_sockaddr(s, address, &sa);
    if (length == 0 || address->addr.version == NSAPI_UNSPEC) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (size > 65535) {
        return NSAPI_ERROR_NO_MEMORY; /* larger than any datagram: refused whole, never cut */
    }
    n = sendto(s->fd, data, size, MSG_NOSIGNAL | (block ? 0 : MSG_DONTWAIT), (struct sockaddr *)&sa, length);
    return n >= 0 ? (nsapi_size_or_error_t)n : send_error(stack, s);
}

static nsapi_size_or_error_t posix_socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                   nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    struct posix_socket *s = handle;
    bool block = nsapi_posix_take_allowance(s, NSAPI_WAIT_RECEIVE);
    struct sockaddr_storage from;
    socklen_t length = sizeof from;
    ssize_t n;

    (void)stack;
    if (s->proto != NSAPI_UDP) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    n = recvfrom(s->fd, data, (size_t)clamp(size), block ? 0 : MSG_DONTWAIT, (struct sockaddr *)&from, &length);
    /* Woken, a blocked recvfrom reads 0 (the shutdown) with no datagram: it is not one. */
    if (n < 0 || (n == 0 && woken(s))) {
        return woken(s) || errno == EINTR ? NSAPI_ERROR_WOULD_BLOCK : errno_error();
    }
    if (address != NULL) {
        nsapi_posix_from_sockaddr(&from, address);
    }
    return (nsapi_size_or_error_t)n;
}

static nsapi_error_t posix_socket_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                             const void *optval, unsigned optlen)
{
    (void)stack;
    return nsapi_posix_setsockopt(handle, level, optname, optval, optlen);
}

static nsapi_error_t posix_socket_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                             void *optval, unsigned *optlen)
{
    (void)stack;
    return nsapi_posix_getsockopt(handle, level, optname, optval, optlen);
}

static const nsapi_stack_api_t posix_api = {
    .get_ip_address = nsapi_posix_get_ip_address,
    .gethostbyname = nsapi_posix_gethostbyname,
    .socket_open = posix_socket_open,
    .socket_close = posix_socket_close,
    .socket_bind = posix_socket_bind,
    .socket_listen = posix_socket_listen,
    .socket_connect = posix_socket_connect,
    .socket_accept = posix_socket_accept,
    .socket_send = posix_socket_send,
    .socket_recv = posix_socket_recv,
    .socket_sendto = posix_socket_sendto,
    .socket_recvfrom = posix_socket_recvfrom,
    .socket_wait = nsapi_posix_socket_wait,
    .socket_block = nsapi_posix_socket_block,
    .socket_wake = nsapi_posix_socket_wake,
    .socket_events = nsapi_posix_socket_events,
    .setsockopt = posix_socket_setsockopt,
    .getsockopt = posix_socket_getsockopt,
};

/* ---- the public API (nsapi/posix.h) ------------------------------------------------------------ */

static bool is_ours(const nsapi_stack_t *stack)
{
    return stack != NULL && stack->api == &posix_api && stack->context != NULL;
}

bool nsapi_posix_is_stack(const nsapi_stack_t *stack)
{
    return is_ours(stack);
}

static void release(struct posix_stack *ps)
{
    if (ps->epoll >= 0) {
        close(ps->epoll);
    }
    if (ps->wake >= 0) {
        close(ps->wake);
    }
    pthread_cond_destroy(&ps->delivered);
    pthread_mutex_destroy(&ps->lock);
    free(ps);
}

nsapi_error_t nsapi_posix_init(nsapi_stack_t *stack)
{
    struct posix_stack *ps;
    nsapi_error_t err;

    if (stack == NULL || stack->api != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    ps = calloc(1, sizeof *ps);
    if (ps == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    pthread_mutex_init(&ps->lock, NULL);
    pthread_cond_init(&ps->delivered, NULL);
    ps->epoll = epoll_create1(EPOLL_CLOEXEC);
    ps->wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (ps->epoll < 0 || ps->wake < 0) {
        err = errno_error();
        release(ps);
        return err;
    }
    err = nsapi_posix_events_start(ps);
    if (err != NSAPI_ERROR_OK) {
        release(ps);
        return err;
    }
    err = nsapi_stack_init(stack, &posix_api, ps);
    if (err != NSAPI_ERROR_OK) {
        nsapi_posix_events_stop(ps);
        release(ps);
    }
    return err;
}

nsapi_error_t nsapi_posix_deinit(nsapi_stack_t *stack)
{
    struct posix_stack *ps;
    nsapi_error_t err;

    if (!is_ours(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    ps = STACK(stack);
    if (pthread_equal(pthread_self(), ps->thread)) {
        return NSAPI_ERROR_BUSY;
    }
    err = nsapi_stack_deinit(stack);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    nsapi_posix_events_stop(ps);
    release(ps);
    return NSAPI_ERROR_OK;
}

unsigned nsapi_posix_open_sockets(nsapi_stack_t *stack)
{
    struct posix_stack *ps;
    unsigned n;

    if (!is_ours(stack)) {
        return 0;
    }
    ps = STACK(stack);
    pthread_mutex_lock(&ps->lock);
    n = ps->sockets;
    pthread_mutex_unlock(&ps->lock);
    return n;
}
