#include "clock.h"
#include "net_io.h"

static long long longest; /* ms, the longest one send or recv here blocked */

/* When a call that began at start has returned. */
static void waited(long long start)
{
    long long took = example_now_ms() - start;

    if (took > longest) {
        longest = took;
    }
}

long long example_longest_wait_ms(void)
{
    return longest;
}

int example_time_left(nsapi_tcp_socket_t *socket, long long deadline)
{
    long long left = deadline - example_now_ms();

    if (left <= 0) {
        return 0;
    }
    nsapi_tcp_socket_set_timeout(socket, left < 0x7fffffff ? (int)left : 0x7fffffff);
    return 1;
}

/* Bound the next call: 1, or 0 when the deadline has passed or stop says so. */
static int may_wait(nsapi_tcp_socket_t *socket, long long deadline, int (*stop)(void))
{
    if (deadline == EXAMPLE_FOREVER) {
        return 1;
    }
    if (stop != NULL && stop()) {
        return 0;
    }
    if (stop != NULL && deadline - example_now_ms() > EXAMPLE_POLL_MS) {
        return example_time_left(socket, example_now_ms() + EXAMPLE_POLL_MS);
    }
    return example_time_left(socket, deadline);
}

nsapi_error_t example_send_all(nsapi_tcp_socket_t *socket, const void *data, size_t size, long long deadline,
                               int (*stop)(void), size_t *sent)
{
    const unsigned char *p = data;
    size_t done = 0;
    nsapi_size_or_error_t n = NSAPI_ERROR_OK;

    while (done < size) {
        if (!may_wait(socket, deadline, stop)) {
            n = NSAPI_ERROR_WOULD_BLOCK;
            break;
        }
        long long start = example_now_ms();

        n = nsapi_tcp_socket_send(socket, p + done, (nsapi_size_t)(size - done));
        waited(start);
        if (n == NSAPI_ERROR_WOULD_BLOCK && deadline != EXAMPLE_FOREVER) {
            continue; /* out of this call's time: the next turn looks at the deadline and stop */
        }
        if (n <= 0) {
            n = n == 0 ? NSAPI_ERROR_NO_CONNECTION : n;
            break;
        }
        done += (size_t)n; /* a short count: the next turn meets what cut it, or finds no time left */
        n = NSAPI_ERROR_OK;
    }
    if (sent != NULL) {
        *sent = done;
    }
    return n;
}

nsapi_size_or_error_t example_recv_by(nsapi_tcp_socket_t *socket, void *data, size_t size, long long deadline)
{
    long long start = example_now_ms();
    nsapi_size_or_error_t n;

    if (deadline != EXAMPLE_FOREVER && !example_time_left(socket, deadline)) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    n = nsapi_tcp_socket_recv(socket, data, (nsapi_size_t)size);
    waited(start);
    return n;
}

nsapi_error_t example_recv_exact(nsapi_tcp_socket_t *socket, void *data, size_t size, long long deadline,
                                 size_t *received)
{
    unsigned char *p = data;
    nsapi_size_or_error_t n = NSAPI_ERROR_OK;

    *received = 0;
    while (*received < size) {
        n = example_recv_by(socket, p + *received, size - *received, deadline);
        if (n == NSAPI_ERROR_WOULD_BLOCK && deadline != EXAMPLE_FOREVER && example_now_ms() < deadline) {
            continue; /* woken early */
        }
        if (n <= 0) {
            return n; /* 0, the peer's close, is NSAPI_ERROR_OK with fewer bytes */
        }
        *received += (size_t)n;
        n = NSAPI_ERROR_OK;
    }
    return n;
}
