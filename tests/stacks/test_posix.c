/*
 * The POSIX backend's own promises, beyond the conformance suite: its
 * errno table, a clean start and stop (thread joined, descriptors closed),
 * running out of descriptors (NO_SOCKET, then recovery), several stacks at
 * once, options in nsapi's units, a refusal that survives a recv, and a
 * sigio callback free to call the stack.  No network namespace is needed:
 * the only traffic is on 127.0.0.1.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "nsapi/posix.h"
#include "posix_errors.h"

static int entries(const char *path)
{
    DIR *d = opendir(path);
    int n = 0;

    cr_assert_not_null(d, "%s", path);
    while (readdir(d) != NULL) {
        n++;
    }
    closedir(d);
    return n;
}

Test(posix, errno_table)
{
    static const struct {
        int err;
        nsapi_error_t want;
    } rows[] = {
        {0, NSAPI_ERROR_OK},
        {EAGAIN, NSAPI_ERROR_WOULD_BLOCK},
        {EWOULDBLOCK, NSAPI_ERROR_WOULD_BLOCK},
        {EINPROGRESS, NSAPI_ERROR_IN_PROGRESS},
        {EALREADY, NSAPI_ERROR_ALREADY},
        {EISCONN, NSAPI_ERROR_IS_CONNECTED},
        {ENOTCONN, NSAPI_ERROR_NO_CONNECTION},
        {EPIPE, NSAPI_ERROR_NO_CONNECTION},
        {ECONNREFUSED, NSAPI_ERROR_NO_CONNECTION},
        {ECONNRESET, NSAPI_ERROR_NO_CONNECTION},
        {ENETUNREACH, NSAPI_ERROR_NO_CONNECTION},
        {EHOSTUNREACH, NSAPI_ERROR_NO_CONNECTION},
        {ENETDOWN, NSAPI_ERROR_NO_CONNECTION},
        {EHOSTDOWN, NSAPI_ERROR_NO_CONNECTION},
        {ECONNABORTED, NSAPI_ERROR_CONNECTION_LOST},
        {ETIMEDOUT, NSAPI_ERROR_CONNECTION_LOST},
        {EADDRINUSE, NSAPI_ERROR_ADDRESS_IN_USE},
        {EADDRNOTAVAIL, NSAPI_ERROR_PARAMETER},
        {EINVAL, NSAPI_ERROR_PARAMETER},
        {EACCES, NSAPI_ERROR_PARAMETER},
        {EPERM, NSAPI_ERROR_PARAMETER},
        {EMFILE, NSAPI_ERROR_NO_SOCKET},
        {ENFILE, NSAPI_ERROR_NO_SOCKET},
        {EBADF, NSAPI_ERROR_NO_SOCKET},
        {ENOTSOCK, NSAPI_ERROR_NO_SOCKET},
        {ENOBUFS, NSAPI_ERROR_NO_MEMORY},
        {ENOMEM, NSAPI_ERROR_NO_MEMORY},
        {EMSGSIZE, NSAPI_ERROR_NO_MEMORY},
        {EAFNOSUPPORT, NSAPI_ERROR_UNSUPPORTED},
        {EOPNOTSUPP, NSAPI_ERROR_UNSUPPORTED},
        {EPROTONOSUPPORT, NSAPI_ERROR_UNSUPPORTED},
        {ENOPROTOOPT, NSAPI_ERROR_UNSUPPORTED},
        {ENODEV, NSAPI_ERROR_NO_ADDRESS},
        {EIO, NSAPI_ERROR_DEVICE_ERROR},
        {12345, NSAPI_ERROR_DEVICE_ERROR},
    };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        cr_expect_eq(nsapi_posix_error(rows[i].err), rows[i].want, "errno %d gives %s", rows[i].err,
                     nsapi_error_name(nsapi_posix_error(rows[i].err)));
    }
}

Test(posix, start_and_stop_leave_nothing_behind)
{
    int fds = entries("/proc/self/fd"), threads = entries("/proc/self/task"), round;

    for (round = 0; round < 3; round++) {
        nsapi_stack_t stack = {0};
        nsapi_tcp_socket_t s = {0};

        cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
        cr_expect_eq(nsapi_posix_init(&stack), NSAPI_ERROR_PARAMETER, "initialised already");
        cr_expect_eq(entries("/proc/self/task"), threads + 1, "one event thread");
        cr_assert_eq(nsapi_tcp_socket_open(&s, &stack), NSAPI_ERROR_OK);
        cr_expect_eq(nsapi_posix_open_sockets(&stack), 1);
        cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_BUSY, "a socket is open");
        cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
        cr_expect_eq(nsapi_posix_open_sockets(&stack), 0);
        cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
        cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_PARAMETER, "stopped already");
        cr_expect_eq(entries("/proc/self/task"), threads, "the event thread was joined");
        cr_expect_eq(entries("/proc/self/fd"), fds, "every descriptor was closed");
    }
    cr_expect_eq(nsapi_posix_init(NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_posix_deinit(NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_posix_open_sockets(NULL), 0);
}

Test(posix, out_of_descriptors_is_no_socket_then_recovers)
{
    nsapi_stack_t stack = {0};
    nsapi_udp_socket_t s[64];
    struct rlimit saved, tight;
    nsapi_error_t err = NSAPI_ERROR_OK;
    int opened = 0, i;

    memset(s, 0, sizeof s);
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_stack_set_socket_limit(&stack, 64), NSAPI_ERROR_OK);
    cr_assert_eq(getrlimit(RLIMIT_NOFILE, &saved), 0);
    tight = saved;
    tight.rlim_cur = (rlim_t)entries("/proc/self/fd") + 8;
    cr_assert_eq(setrlimit(RLIMIT_NOFILE, &tight), 0);
    for (i = 0; i < 64 && err == NSAPI_ERROR_OK; i++) {
        err = nsapi_udp_socket_open(&s[i], &stack);
        opened += err == NSAPI_ERROR_OK;
    }
    cr_expect_eq(err, NSAPI_ERROR_NO_SOCKET, "out of descriptors: %s", nsapi_error_name(err));
    cr_expect(opened > 0 && opened < 64, "%d opened before that", opened);
    cr_expect_eq(stack.sockets, (unsigned)opened, "the failed open took no place");
    cr_expect_eq(nsapi_udp_socket_close(&s[0]), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_open(&s[0], &stack), NSAPI_ERROR_OK, "a closed descriptor is free again");
    cr_assert_eq(setrlimit(RLIMIT_NOFILE, &saved), 0);
    for (i = 0; i < 64; i++) {
        nsapi_udp_socket_close(&s[i]);
    }
    cr_expect_eq(nsapi_posix_open_sockets(&stack), 0);
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
}

Test(posix, two_stacks_at_once)
{
    nsapi_stack_t a = {0}, b = {0};
    nsapi_udp_socket_t sa = {0}, sb = {0};
    nsapi_socket_address_t at;
    char buf[8];

    cr_assert_eq(nsapi_posix_init(&a), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_posix_init(&b), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&sa, &a), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&sb, &b), NSAPI_ERROR_OK);
    nsapi_socket_address_set_ip_address(&at, "127.0.0.1");
    nsapi_socket_address_set_port(&at, 0);
    cr_assert_eq(nsapi_udp_socket_bind(&sb, &at), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_posix_open_sockets(&a), 1);
    cr_expect_eq(nsapi_posix_open_sockets(&b), 1);
    nsapi_udp_socket_set_timeout(&sb, 100);
    cr_expect_eq(nsapi_udp_socket_recv(&sb, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK, "each stack's thread times out");
    nsapi_udp_socket_close(&sa);
    nsapi_udp_socket_close(&sb);
    cr_expect_eq(nsapi_posix_deinit(&a), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_posix_deinit(&b), NSAPI_ERROR_OK);
}

static int get(nsapi_tcp_socket_t *s, int optname)
{
    int value = -1;
    unsigned length = sizeof value;

    cr_assert_eq(nsapi_tcp_socket_getsockopt(s, NSAPI_SOCKET, optname, &value, &length), NSAPI_ERROR_OK);
    return value;
}

static nsapi_error_t set(nsapi_tcp_socket_t *s, int optname, int value)
{
    return nsapi_tcp_socket_setsockopt(s, NSAPI_SOCKET, optname, &value, sizeof value);
}

Test(posix, options_in_nsapi_units)
{
    nsapi_stack_t stack = {0};
    nsapi_tcp_socket_t s = {0};

    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    cr_expect_eq(set(&s, NSAPI_KEEPIDLE, 1500), NSAPI_ERROR_OK);
    cr_expect_eq(get(&s, NSAPI_KEEPIDLE), 2000, "milliseconds, rounded up to the kernel's whole seconds");
    cr_expect_eq(set(&s, NSAPI_KEEPINTVL, 3000), NSAPI_ERROR_OK);
    cr_expect_eq(get(&s, NSAPI_KEEPINTVL), 3000);
    cr_expect_eq(set(&s, NSAPI_KEEPIDLE, 0), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(set(&s, NSAPI_KEEPIDLE, 40000000), NSAPI_ERROR_PARAMETER, "beyond the kernel's 32767 s");
    cr_expect_eq(set(&s, NSAPI_SNDBUF, 32768), NSAPI_ERROR_OK);
    cr_expect_eq(get(&s, NSAPI_SNDBUF), 32768, "as asked, not the kernel's doubled figure");
    cr_expect_eq(set(&s, NSAPI_RCVBUF, -1), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(set(&s, NSAPI_REUSEADDR, 5), NSAPI_ERROR_OK);
    cr_expect_eq(get(&s, NSAPI_REUSEADDR), 1);
    cr_expect_eq(set(&s, NSAPI_LINGER, 1), NSAPI_ERROR_UNSUPPORTED);
    nsapi_tcp_socket_close(&s);
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
}

/* A TCP port on 127.0.0.1 that is bound (so nobody else takes it) but not listening: connects are refused. */
static nsapi_socket_address_t refusing_port(int *fd)
{
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof in;
    nsapi_socket_address_t at;

    *fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert_eq(bind(*fd, (struct sockaddr *)&in, sizeof in), 0);
    cr_assert_eq(getsockname(*fd, (struct sockaddr *)&in, &length), 0);
    nsapi_socket_address_set_ip_address(&at, "127.0.0.1");
    nsapi_socket_address_set_port(&at, ntohs(in.sin_port));
    return at;
}

Test(posix, refused_connect_stays_refused_after_recv_read_the_error)
{
    nsapi_stack_t stack = {0};
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t at;
    char buf[4];
    int fd;

    at = refusing_port(&fd);
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_blocking(&s, false);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &at), NSAPI_ERROR_IN_PROGRESS);
    sleep_ms(50); /* the refusal arrives */
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_NO_CONNECTION, "recv takes the error");
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &at), NSAPI_ERROR_NO_CONNECTION, "and connect still knows");
    cr_expect_eq(nsapi_tcp_socket_connect(&s, &at), NSAPI_ERROR_NO_CONNECTION, "every time");
    nsapi_tcp_socket_close(&s);
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
    close(fd);
}

/* A UDP port on 127.0.0.1 that was free a moment ago. */
static nsapi_socket_address_t free_udp_port(void)
{
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof in;
    nsapi_socket_address_t at;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);

    cr_assert_eq(bind(fd, (struct sockaddr *)&in, sizeof in), 0);
    cr_assert_eq(getsockname(fd, (struct sockaddr *)&in, &length), 0);
    close(fd);
    nsapi_socket_address_set_ip_address(&at, "127.0.0.1");
    nsapi_socket_address_set_port(&at, ntohs(in.sin_port));
    return at;
}

static nsapi_stack_t *callback_stack;
static volatile int callback_saw = -1;

static void sigio_calls_the_stack(void *arg)
{
    (void)arg;
    callback_saw = (int)nsapi_posix_open_sockets(callback_stack); /* takes the stack's lock */
}

Test(posix, sigio_runs_without_the_stack_lock)
{
    nsapi_stack_t stack = {0};
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t at;
    int i;

    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    callback_stack = &stack;
    cr_assert_eq(nsapi_udp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    at = free_udp_port();
    cr_assert_eq(nsapi_udp_socket_bind(&s, &at), NSAPI_ERROR_OK);
    nsapi_udp_socket_sigio(&s, sigio_calls_the_stack, NULL);
    cr_assert_eq(nsapi_udp_socket_sendto(&s, &at, "self", 4), 4);
    for (i = 0; i < 300 && callback_saw < 0; i++) {
        sleep_ms(10);
    }
    cr_expect_eq(callback_saw, 1, "the callback ran and could call into the stack");
    nsapi_udp_socket_close(&s);
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
}
