/*
 * lwIP's event-driven mode under ThreadSanitizer: sigio in lwIP's thread
 * under the core lock, the calls it makes in that hold, and other threads
 * opening, closing and waiting meanwhile.  A plain program (Criterion cannot
 * start under TSan): one "ok NAME" / "not ok NAME" line per case.  Over
 * lwIP's loopback netif: no privileges needed.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>

#include "clock.h"
#include "event_echo.h"
#include "nsapi/lwip.h"
#include "tsan_report.h"

#define ADDRESS "10.0.0.1"
#define PORT 7300
#define WAIT_MS 20000 /* TSan is slow */

static nsapi_stack_t stack;

static void echo_keeps_every_byte(void)
{
    const size_t total = 1u << 20;
    struct event_echo_result r;
    int ok = event_echo_start(&stack, ADDRESS, PORT, total) == 0 && event_echo_wait(total, WAIT_MS);

    r = event_echo_result(); /* before the close, whose NO_SOCKET a callback may meet */
    event_echo_close();
    printf("# sent %zu got %zu corrupt %d failed %d server thread %d\n", r.sent, r.got, r.corrupt, r.failed,
           r.server_thread_ok);
    report(ok && r.got == total && !r.corrupt && !r.failed && r.server_thread_ok && event_echo_result().late == 0,
           "echo_keeps_every_byte");
}

static void close_while_events_flow(void)
{
    int round, ok = 1;

    for (round = 0; round < 5; round++) {
        struct event_echo_result r;

        ok &= event_echo_start(&stack, ADDRESS, (uint16_t)(PORT + 1 + round), 64u << 20) == 0;
        ok &= event_echo_wait(64u << 10, WAIT_MS);
        event_echo_close();
        sleep_ms(20);
        r = event_echo_result();
        ok &= r.late == 0 && !r.corrupt;
    }
    report(ok, "close_while_events_flow");
}

/* A callback closes its own socket and another whose event it has just raised. */
static nsapi_udp_socket_t first_socket, second_socket;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int second_events, closed_both = -1;

static nsapi_socket_address_t local(uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    nsapi_socket_address_set_ip_address(&a, ADDRESS);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

static void second_sigio(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    second_events++;
    pthread_mutex_unlock(&lock);
}

static void closes_both(void *arg)
{
    nsapi_socket_address_t to = local(PORT + 11);
    char buf[8];
    int ok;

    (void)arg;
    if (nsapi_udp_socket_recvfrom(&first_socket, NULL, buf, sizeof buf) != 1) {
        return;
    }
    (void)nsapi_udp_socket_sendto(&first_socket, &to, "y", 1);
    ok = nsapi_udp_socket_close(&second_socket) == NSAPI_ERROR_OK;
    ok &= nsapi_udp_socket_close(&first_socket) == NSAPI_ERROR_OK;
    pthread_mutex_lock(&lock);
    closed_both = ok;
    pthread_mutex_unlock(&lock);
}

static void close_in_a_callback(void)
{
    nsapi_socket_address_t a = local(PORT + 10), b = local(PORT + 11);
    nsapi_udp_socket_t sender = {0};
    int i, closed = -1, events = -1;

    nsapi_udp_socket_open(&first_socket, &stack);
    nsapi_udp_socket_bind(&first_socket, &a);
    nsapi_udp_socket_open(&second_socket, &stack);
    nsapi_udp_socket_bind(&second_socket, &b);
    nsapi_udp_socket_sigio(&second_socket, second_sigio, NULL);
    nsapi_udp_socket_sigio(&first_socket, closes_both, NULL);
    nsapi_udp_socket_open(&sender, &stack);
    nsapi_udp_socket_sendto(&sender, &a, "x", 1);
    nsapi_udp_socket_close(&sender);
    for (i = 0; i < WAIT_MS / 10 && closed < 0; i++) {
        sleep_ms(10);
        pthread_mutex_lock(&lock);
        closed = closed_both;
        pthread_mutex_unlock(&lock);
    }
    sleep_ms(50);
    pthread_mutex_lock(&lock);
    events = second_events;
    pthread_mutex_unlock(&lock);
    report(closed == 1 && events == 0, "close_in_a_callback");
}

int main(void)
{
    if (nsapi_lwip_init(&stack) != NSAPI_ERROR_OK || nsapi_lwip_add_loopback(&stack, ADDRESS, NULL) != NSAPI_ERROR_OK
        || nsapi_lwip_set_event_driven(&stack, true) != NSAPI_ERROR_OK) {
        report(0, "setup");
        return 1;
    }
    echo_keeps_every_byte();
    close_while_events_flow();
    close_in_a_callback();
    report(nsapi_lwip_open_sockets(&stack) == 0 && nsapi_lwip_set_event_driven(&stack, false) == NSAPI_ERROR_OK
           && nsapi_lwip_deinit(&stack) == NSAPI_ERROR_OK, "clean_shutdown");
    return report_status();
}
