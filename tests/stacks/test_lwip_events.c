/*
 * How the lwIP backend sends its sockets' events: after lwIP's core lock is
 * released, so that a sigio callback may call the stack, even to close its
 * own socket; and a close waits while another thread is sending the
 * socket's event, so that none reaches the runtime after close returns.
 * Over lwIP's loopback netif, in one process: no privileges needed.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "nsapi/lwip.h"

#define PORT 7100
#define SIGIO_MS 200   /* how long the slow sigio sleeps: close must outwait it */
#define WAIT_MS 5000   /* the most any step here waits for another thread */

static nsapi_stack_t stack;

static void up(void)
{
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_loopback(&stack, "10.0.0.1", NULL), NSAPI_ERROR_OK);
}

static void down(void)
{
    cr_expect_eq(nsapi_lwip_open_sockets(&stack), 0, "every socket closed");
    nsapi_lwip_deinit(&stack);
}

static nsapi_socket_address_t local(uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "10.0.0.1"), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

/* What the callbacks below saw, and a condition to wait for it with a bound. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int armed, entered, left, closed, saw_closed, stack_answered = -1;
static nsapi_error_t closed_from_sigio = 1;

/* Wait until *flag is set, at most WAIT_MS; whether it is. */
static int wait_for(const int *flag)
{
    struct timespec deadline = deadline_ms(WAIT_MS);
    int set;

    pthread_mutex_lock(&lock);
    while (!*flag && pthread_cond_timedwait(&changed, &lock, &deadline) == 0) {
    }
    set = *flag;
    pthread_mutex_unlock(&lock);
    return set;
}

static void set(int *flag)
{
    pthread_mutex_lock(&lock);
    *flag = 1;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

static int is_set(const int *flag)
{
    int value;

    pthread_mutex_lock(&lock);
    value = *flag;
    pthread_mutex_unlock(&lock);
    return value;
}

/* Send one datagram from a socket of its own to the port. */
static void *send_one(void *arg)
{
    nsapi_udp_socket_t sender = {0};
    nsapi_socket_address_t to = local(*(uint16_t *)arg);

    if (nsapi_udp_socket_open(&sender, &stack) == NSAPI_ERROR_OK) {
        (void)nsapi_udp_socket_sendto(&sender, &to, "x", 1);
        nsapi_udp_socket_close(&sender);
    }
    return NULL;
}

static void open_receiver(nsapi_udp_socket_t *s, uint16_t port)
{
    nsapi_socket_address_t at = local(port);

    cr_assert_eq(nsapi_udp_socket_open(s, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(s, &at), NSAPI_ERROR_OK);
}

/* ---- a sigio that calls the stack ----------------------------------------------------------- */

static void sigio_asks_the_stack(void *arg)
{
    (void)arg;
    if (is_set(&armed) && !is_set(&entered)) {
        int sockets = (int)nsapi_lwip_open_sockets(&stack); /* takes the core lock */

        pthread_mutex_lock(&lock);
        stack_answered = sockets;
        pthread_mutex_unlock(&lock);
        set(&entered);
    }
}

Test(lwip_events, a_sigio_may_call_the_stack, .init = up, .fini = down, .timeout = 20)
{
    nsapi_udp_socket_t s = {0};
    uint16_t port = PORT;
    int answered;

    open_receiver(&s, port);
    nsapi_udp_socket_sigio(&s, sigio_asks_the_stack, NULL);
    set(&armed);
    send_one(&port); /* the datagram's event is sent in this very thread, at the end of the sendto */
    cr_assert(wait_for(&entered), "the sigio ran and its call into the stack returned");
    pthread_mutex_lock(&lock);
    answered = stack_answered;
    pthread_mutex_unlock(&lock);
    cr_expect_eq(answered, 2, "the receiver and the sender were open");
    nsapi_udp_socket_close(&s);
}

/* ---- a sigio that closes its own socket ---------------------------------------------------- */

static nsapi_udp_socket_t self_closing;

static void sigio_closes_its_socket(void *arg)
{
    (void)arg;
    if (is_set(&armed) && !is_set(&entered)) {
        nsapi_error_t err = nsapi_udp_socket_close(&self_closing);

        pthread_mutex_lock(&lock);
        closed_from_sigio = err;
        pthread_mutex_unlock(&lock);
        set(&entered);
    }
}

Test(lwip_events, a_sigio_may_close_its_own_socket, .init = up, .fini = down, .timeout = 20)
{
    uint16_t port = PORT + 1;
    nsapi_error_t err;

    open_receiver(&self_closing, port);
    nsapi_udp_socket_sigio(&self_closing, sigio_closes_its_socket, NULL);
    set(&armed);
    send_one(&port);
    cr_assert(wait_for(&entered), "the sigio ran and its close returned");
    pthread_mutex_lock(&lock);
    err = closed_from_sigio;
    pthread_mutex_unlock(&lock);
    cr_expect_eq(err, NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_close(&self_closing), NSAPI_ERROR_NO_SOCKET, "closed once, in the sigio");
}

/* ---- close while another thread is inside the socket's sigio ------------------------------ */

static void slow_sigio(void *arg)
{
    (void)arg;
    if (!is_set(&armed) || is_set(&entered)) {
        return;
    }
    set(&entered);
    sleep_ms(SIGIO_MS); /* the close runs meanwhile */
    pthread_mutex_lock(&lock);
    saw_closed = closed;
    pthread_mutex_unlock(&lock);
    set(&left);
}

Test(lwip_events, close_waits_for_a_sigio_another_thread_runs, .init = up, .fini = down, .timeout = 20)
{
    nsapi_udp_socket_t s = {0};
    uint16_t port = PORT + 2;
    pthread_t sender;
    int early;

    open_receiver(&s, port);
    nsapi_udp_socket_sigio(&s, slow_sigio, NULL);
    set(&armed);
    cr_assert_eq(pthread_create(&sender, NULL, send_one, &port), 0);
    cr_assert(wait_for(&entered), "the sender's thread runs the sigio");
    cr_expect_eq(nsapi_udp_socket_close(&s), NSAPI_ERROR_OK);
    set(&closed);
    pthread_join(sender, NULL);
    cr_assert(is_set(&left));
    pthread_mutex_lock(&lock);
    early = saw_closed;
    pthread_mutex_unlock(&lock);
    cr_expect_eq(early, 0, "close returned while the socket's sigio still ran");
}

/* ---- a sigio that runs inside a call on its own socket, on the same thread ---------------- */

/* The socket sends to itself: the datagram's event reaches its sigio in this thread, while the
 * sendto that sent it still holds the socket's turn to send.  A call there that waited for that
 * turn would wait for itself. */
static nsapi_udp_socket_t looped;
static pthread_t caller;
static int sigios, nested;
static nsapi_size_or_error_t nested_result = 1;

static void sigio_calls_inside_its_call(void *arg)
{
    nsapi_socket_address_t self = local(PORT + 3);

    if (!is_set(&armed)) {
        return;
    }
    pthread_mutex_lock(&lock);
    sigios++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
    if (pthread_equal(pthread_self(), caller) && !is_set(&nested)) {
        nsapi_size_or_error_t r = arg == NULL ? nsapi_udp_socket_sendto(&looped, &self, "y", 1)
                                              : nsapi_udp_socket_close(&looped);

        pthread_mutex_lock(&lock);
        nested_result = r;
        pthread_mutex_unlock(&lock);
        set(&nested);
    }
}

/* Wait until the sigio has run more than once; whether it has. */
static int second_sigio(void)
{
    struct timespec deadline = deadline_ms(WAIT_MS);
    int n;

    pthread_mutex_lock(&lock);
    while (sigios < 2 && pthread_cond_timedwait(&changed, &lock, &deadline) == 0) {
    }
    n = sigios;
    pthread_mutex_unlock(&lock);
    return n >= 2;
}

static nsapi_size_or_error_t send_to_itself(void *how)
{
    nsapi_socket_address_t self = local(PORT + 3);

    open_receiver(&looped, PORT + 3); /* blocking, no timeout */
    nsapi_udp_socket_sigio(&looped, sigio_calls_inside_its_call, how);
    caller = pthread_self();
    set(&armed);
    cr_assert_eq(nsapi_udp_socket_sendto(&looped, &self, "x", 1), 1);
    cr_assert(is_set(&nested), "the sigio ran inside the sendto, in its thread");
    pthread_mutex_lock(&lock);
    nsapi_size_or_error_t r = nested_result;
    pthread_mutex_unlock(&lock);
    return r;
}

Test(lwip_events, a_call_inside_a_call_of_its_kind_does_not_wait_for_itself, .init = up, .fini = down, .timeout = 20)
{
    char got[4];

    cr_expect_eq(send_to_itself(NULL), NSAPI_ERROR_WOULD_BLOCK, "the nested blocking sendto returned at once");
    cr_expect(second_sigio(), "the sigio came again once the outer sendto ended");
    nsapi_udp_socket_set_timeout(&looped, WAIT_MS);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&looped, NULL, got, sizeof got), 1);
    cr_expect_eq(got[0], 'x');
    cr_expect_eq(nsapi_udp_socket_close(&looped), NSAPI_ERROR_OK);
}

Test(lwip_events, a_close_inside_a_call_on_its_socket_is_refused, .init = up, .fini = down, .timeout = 20)
{
    cr_expect_eq(send_to_itself(&looped), NSAPI_ERROR_WOULD_BLOCK, "close inside the sendto could not wait for it");
    cr_expect_eq(nsapi_udp_socket_close(&looped), NSAPI_ERROR_OK, "the socket stayed open, and closes after");
}
