/*
 * lwIP's event-driven mode (nsapi_lwip_set_event_driven): sigio runs in
 * lwIP's own thread under its core lock, and the socket calls it makes run
 * in that hold.  A non-blocking echo done wholly in callbacks keeps every
 * byte; a blocking call in a callback returns at once; close in a callback,
 * of its own socket or another, and close from another thread while events
 * flow, leave no event behind; the default mode still sends an event in the
 * thread that raised it.  Over lwIP's loopback netif: no privileges needed.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "event_echo.h"
#include "nsapi/lwip.h"

#define ADDRESS "10.0.0.1"
#define PORT 7200
#define WAIT_MS 10000 /* the most any step here waits for the callbacks */
#define PROMPT_MS 500 /* a call that must not wait returns within this, with room for a loaded machine */

static nsapi_stack_t stack;

static void up(void)
{
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_loopback(&stack, ADDRESS, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_set_event_driven(&stack, true), NSAPI_ERROR_OK);
}

static void down(void)
{
    cr_expect_eq(nsapi_lwip_open_sockets(&stack), 0, "every socket closed");
    cr_expect_eq(nsapi_lwip_set_event_driven(&stack, false), NSAPI_ERROR_OK);
    nsapi_lwip_deinit(&stack);
}

static nsapi_socket_address_t local(uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, ADDRESS), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

/* What a callback saw, under lock, and a bounded wait for it. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int entered;
static pthread_t callback_thread;

static void enter(void)
{
    pthread_mutex_lock(&lock);
    entered++;
    callback_thread = pthread_self();
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

static int wait_entered(void)
{
    struct timespec deadline = deadline_ms(WAIT_MS);
    int n;

    pthread_mutex_lock(&lock);
    while (entered == 0 && pthread_cond_timedwait(&changed, &lock, &deadline) == 0) {
    }
    n = entered;
    pthread_mutex_unlock(&lock);
    return n;
}

static bool ran_in_this_thread(void)
{
    bool same;

    pthread_mutex_lock(&lock);
    same = pthread_equal(callback_thread, pthread_self()) != 0;
    pthread_mutex_unlock(&lock);
    return same;
}

static void open_udp(nsapi_udp_socket_t *s, uint16_t port)
{
    nsapi_socket_address_t at = local(port);

    cr_assert_eq(nsapi_udp_socket_open(s, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(s, &at), NSAPI_ERROR_OK);
}

/* One datagram to the port, from a socket of its own, in the calling thread. */
static void send_one(uint16_t port)
{
    nsapi_udp_socket_t sender = {0};
    nsapi_socket_address_t to = local(port);

    cr_assert_eq(nsapi_udp_socket_open(&sender, &stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_sendto(&sender, &to, "x", 1), 1);
    nsapi_udp_socket_close(&sender);
}

/* ---- a non-blocking echo in callbacks ----------------------------------------------------- */

Test(lwip_event_mode, an_echo_in_callbacks_keeps_every_byte, .init = up, .fini = down, .timeout = 30)
{
    const size_t total = 4u << 20;
    struct event_echo_result r;

    cr_assert_eq(event_echo_start(&stack, ADDRESS, PORT, total), 0);
    cr_expect(event_echo_wait(total, WAIT_MS), "the whole echo came back");
    r = event_echo_result();
    event_echo_close();
    cr_expect_eq(r.sent, total);
    cr_expect_eq(r.got, total);
    cr_expect(!r.corrupt, "every byte as sent");
    cr_expect(!r.failed, "no call in a callback failed");
    cr_expect(r.server_thread_ok, "the server's callbacks all ran in lwIP's thread, not this one");
    cr_expect_eq(event_echo_result().late, 0, "no event after a close returned");
}

/* ---- a blocking call in a callback ---------------------------------------------------------- */

static nsapi_udp_socket_t blocking_udp;
static nsapi_tcp_server_t idle_listener;
static nsapi_size_or_error_t second_recv = 1;
static nsapi_error_t idle_accept = 1;
static long blocked_ms = -1;

static void calls_that_would_wait(void *arg)
{
    char buf[8];
    nsapi_tcp_socket_t never = {0};
    nsapi_size_or_error_t first, second;
    nsapi_error_t accept;
    long t0;

    (void)arg;
    first = nsapi_udp_socket_recvfrom(&blocking_udp, NULL, buf, sizeof buf);
    if (first != 1) {
        return; /* not the datagram's event */
    }
    t0 = now_ms();
    second = nsapi_udp_socket_recvfrom(&blocking_udp, NULL, buf, sizeof buf); /* nothing more: would wait */
    accept = nsapi_tcp_server_accept(&idle_listener, &never, NULL);           /* nobody connects: would wait */
    pthread_mutex_lock(&lock);
    blocked_ms = now_ms() - t0;
    second_recv = second;
    idle_accept = accept;
    pthread_mutex_unlock(&lock);
    enter();
}

Test(lwip_event_mode, a_blocking_call_in_a_callback_returns_would_block_at_once, .init = up, .fini = down,
     .timeout = 30)
{
    nsapi_socket_address_t at = local(PORT + 1);

    cr_assert_eq(nsapi_tcp_server_open(&idle_listener, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&idle_listener, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&idle_listener, 1), NSAPI_ERROR_OK);
    open_udp(&blocking_udp, PORT + 2); /* blocking, no timeout: the default */
    nsapi_udp_socket_sigio(&blocking_udp, calls_that_would_wait, NULL);
    send_one(PORT + 2);
    cr_assert(wait_entered(), "the callback ran and its calls returned");
    pthread_mutex_lock(&lock);
    cr_expect_eq(second_recv, NSAPI_ERROR_WOULD_BLOCK);
    cr_expect_eq(idle_accept, NSAPI_ERROR_WOULD_BLOCK);
    cr_expect_lt(blocked_ms, PROMPT_MS, "took %ld ms", blocked_ms);
    pthread_mutex_unlock(&lock);
    cr_expect(!ran_in_this_thread(), "in lwIP's thread, not the sender's");
    nsapi_udp_socket_close(&blocking_udp);
    nsapi_tcp_server_close(&idle_listener);
}

/* ---- close in a callback ------------------------------------------------------------------------- */

static nsapi_udp_socket_t first_socket, second_socket;
static nsapi_error_t closed_second = 1, closed_first = 1;
static int second_events;

static void second_sigio(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    second_events++;
    pthread_mutex_unlock(&lock);
}

/* Raise the second socket's event, then close it before it is sent, and close our own. */
static void closes_both(void *arg)
{
    char buf[8];
    nsapi_socket_address_t to = local(PORT + 4);
    nsapi_error_t second, first;

    (void)arg;
    if (nsapi_udp_socket_recvfrom(&first_socket, NULL, buf, sizeof buf) != 1) {
        return;
    }
    (void)nsapi_udp_socket_sendto(&first_socket, &to, "y", 1); /* looped back: the second's event is queued */
    second = nsapi_udp_socket_close(&second_socket);
    first = nsapi_udp_socket_close(&first_socket);
    pthread_mutex_lock(&lock);
    closed_second = second;
    closed_first = first;
    pthread_mutex_unlock(&lock);
    enter();
}

Test(lwip_event_mode, close_in_a_callback_of_its_socket_and_another_leaves_no_event, .init = up, .fini = down,
     .timeout = 30)
{
    int events;

    open_udp(&first_socket, PORT + 3);
    open_udp(&second_socket, PORT + 4);
    nsapi_udp_socket_sigio(&second_socket, second_sigio, NULL);
    nsapi_udp_socket_sigio(&first_socket, closes_both, NULL);
    send_one(PORT + 3);
    cr_assert(wait_entered(), "the callback ran and closed both");
    sleep_ms(100); /* room for an event that should not come */
    pthread_mutex_lock(&lock);
    cr_expect_eq(closed_second, NSAPI_ERROR_OK);
    cr_expect_eq(closed_first, NSAPI_ERROR_OK);
    events = second_events;
    pthread_mutex_unlock(&lock);
    cr_expect_eq(events, 0, "the second socket's queued event was dropped by its close");
    cr_expect_eq(nsapi_udp_socket_close(&first_socket), NSAPI_ERROR_NO_SOCKET, "closed once, in the callback");
}

/* ---- close in a callback while another thread is in a call on that socket ------------------------- */

static nsapi_tcp_server_t busy_listener;
static nsapi_udp_socket_t closer;
static nsapi_error_t close_refused = 1;
static nsapi_error_t blocked_accept = 1;

static void *accept_blocked(void *arg)
{
    nsapi_tcp_socket_t never = {0};
    nsapi_error_t err = nsapi_tcp_server_accept(&busy_listener, &never, NULL); /* until the close */

    (void)arg;
    pthread_mutex_lock(&lock);
    blocked_accept = err;
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void closes_the_busy_listener(void *arg)
{
    char buf[8];
    nsapi_error_t err;

    (void)arg;
    if (nsapi_udp_socket_recvfrom(&closer, NULL, buf, sizeof buf) != 1) {
        return;
    }
    err = nsapi_tcp_server_close(&busy_listener);
    pthread_mutex_lock(&lock);
    close_refused = err;
    pthread_mutex_unlock(&lock);
    enter();
}

Test(lwip_event_mode, close_in_a_callback_refuses_while_another_thread_is_in_a_call, .init = up, .fini = down,
     .timeout = 30)
{
    nsapi_socket_address_t at = local(PORT + 5);
    pthread_t thread;

    cr_assert_eq(nsapi_tcp_server_open(&busy_listener, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&busy_listener, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&busy_listener, 1), NSAPI_ERROR_OK);
    cr_assert_eq(pthread_create(&thread, NULL, accept_blocked, NULL), 0);
    sleep_ms(100); /* the accept is waiting */
    open_udp(&closer, PORT + 6);
    nsapi_udp_socket_sigio(&closer, closes_the_busy_listener, NULL);
    send_one(PORT + 6);
    cr_assert(wait_entered());
    pthread_mutex_lock(&lock);
    cr_expect_eq(close_refused, NSAPI_ERROR_WOULD_BLOCK, "close must not wait in lwIP's thread");
    cr_expect_eq(blocked_accept, 1, "the accept still waits: the listener is open");
    pthread_mutex_unlock(&lock);
    cr_expect_eq(nsapi_tcp_server_close(&busy_listener), NSAPI_ERROR_OK, "from this thread it may wait");
    pthread_join(thread, NULL);
    cr_expect_eq(blocked_accept, NSAPI_ERROR_NO_SOCKET, "the close woke the accept");
    nsapi_udp_socket_close(&closer);
}

/* ---- a callback's call refused its turn ---------------------------------------------------------- */

static nsapi_udp_socket_t shared;
static pthread_t main_thread;
static int shared_calls, shared_calls_in_main;

static void refused_then_owed(void *arg)
{
    char buf[8];

    (void)arg;
    (void)nsapi_udp_socket_recvfrom(&shared, NULL, buf, sizeof buf); /* the first: main's recvfrom holds the turn */
    pthread_mutex_lock(&lock);
    shared_calls++;
    shared_calls_in_main += pthread_equal(pthread_self(), main_thread) != 0;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

static void *send_later(void *arg)
{
    nsapi_udp_socket_t sender = {0};
    nsapi_socket_address_t to = local(PORT + 20);

    (void)arg;
    sleep_ms(100); /* main's recvfrom waits by then, holding the receiver's turn */
    if (nsapi_udp_socket_open(&sender, &stack) == NSAPI_ERROR_OK) {
        (void)nsapi_udp_socket_sendto(&sender, &to, "z", 1);
        nsapi_udp_socket_close(&sender);
    }
    return NULL;
}

Test(lwip_event_mode, a_sigio_refused_its_turn_comes_again_in_lwips_thread, .init = up, .fini = down, .timeout = 30)
{
    struct timespec deadline;
    pthread_t sender;
    char buf[8];
    int calls, in_main;

    open_udp(&shared, PORT + 20);
    main_thread = pthread_self();
    nsapi_udp_socket_sigio(&shared, refused_then_owed, NULL);
    cr_assert_eq(pthread_create(&sender, NULL, send_later, NULL), 0);
    cr_expect_eq(nsapi_udp_socket_recvfrom(&shared, NULL, buf, sizeof buf), 1, "this blocking call got the datagram");
    pthread_join(sender, NULL);
    deadline = deadline_ms(WAIT_MS);
    pthread_mutex_lock(&lock);
    while (shared_calls < 2 && pthread_cond_timedwait(&changed, &lock, &deadline) == 0) {
    }
    calls = shared_calls;
    in_main = shared_calls_in_main;
    pthread_mutex_unlock(&lock);
    cr_expect_geq(calls, 2, "the sigio whose call was refused came again as this call ended");
    cr_expect_eq(in_main, 0, "every sigio ran in lwIP's thread, none in this one");
    nsapi_udp_socket_close(&shared);
}

/* ---- close from another thread while events flow ---------------------------------------------- */

Test(lwip_event_mode, close_from_another_thread_while_events_flow_leaves_no_event, .init = up, .fini = down,
     .timeout = 30)
{
    unsigned late = 0, flowed = 0;
    bool corrupt = false;
    int round;

    for (round = 0; round < 10; round++) {
        struct event_echo_result r;

        cr_assert_eq(event_echo_start(&stack, ADDRESS, (uint16_t)(PORT + 10 + round), 64u << 20), 0);
        flowed += event_echo_wait(256u << 10, WAIT_MS); /* the echo flows */
        event_echo_close();                              /* mid-transfer: the callbacks send and receive */
        sleep_ms(20);                                    /* room for an event that should not come */
        r = event_echo_result();
        late += r.late;
        corrupt |= r.corrupt;
    }
    cr_expect_eq(flowed, 10, "every round's echo flowed before its close");
    cr_expect_eq(late, 0, "events after their socket's close returned");
    cr_expect(!corrupt);
}

/* ---- switching, and the default mode ------------------------------------------------------------- */

static void note_thread(void *arg)
{
    (void)arg;
    enter();
}

Test(lwip_event_mode, switching_needs_every_socket_closed, .init = up, .fini = down, .timeout = 30)
{
    nsapi_stack_t other = {0};
    nsapi_udp_socket_t s = {0};

    cr_expect_eq(nsapi_lwip_set_event_driven(NULL, true), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_set_event_driven(&other, true), NSAPI_ERROR_PARAMETER, "not lwIP's stack");
    open_udp(&s, PORT + 7);
    cr_expect_eq(nsapi_lwip_set_event_driven(&stack, false), NSAPI_ERROR_BUSY);
    nsapi_udp_socket_close(&s);
    cr_expect_eq(nsapi_lwip_set_event_driven(&stack, false), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_set_event_driven(&stack, true), NSAPI_ERROR_OK);
}

Test(lwip_event_mode, the_default_mode_sends_an_event_in_the_thread_that_raised_it, .init = up, .fini = down,
     .timeout = 30)
{
    nsapi_udp_socket_t s = {0};

    cr_assert_eq(nsapi_lwip_set_event_driven(&stack, false), NSAPI_ERROR_OK);
    open_udp(&s, PORT + 8);
    nsapi_udp_socket_sigio(&s, note_thread, NULL);
    send_one(PORT + 8);
    cr_assert(wait_entered());
    cr_expect(ran_in_this_thread(), "the sender's own thread sent the event, after releasing the lock");
    nsapi_udp_socket_close(&s);
}

Test(lwip_event_mode, the_event_driven_mode_sends_it_in_lwips_thread, .init = up, .fini = down, .timeout = 30)
{
    nsapi_udp_socket_t s = {0};

    open_udp(&s, PORT + 9);
    nsapi_udp_socket_sigio(&s, note_thread, NULL);
    send_one(PORT + 9);
    cr_assert(wait_entered());
    cr_expect(!ran_in_this_thread(), "lwIP's thread sent it");
    nsapi_udp_socket_close(&s);
}
