/*
 * The runtime's threaded paths under ThreadSanitizer, over the scripted
 * backend.  Criterion's process arena cannot start under TSan, so this is a
 * plain program: one "ok NAME" or "not ok NAME" line per case (the test
 * runner counts them), exit status 0 only if all passed.  TSan itself fails
 * the run on any data race.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include "blocked_recv.h"
#include "clock.h"
#include "fake_stack.h"
#include "tsan_report.h"

static void close_wakes_blocked_receivers(void)
{
    struct fake_stack f;
    nsapi_tcp_socket_t s = {0};
    struct blocked_recv a = {&s, 1}, b = {&s, 1};
    pthread_t ta, tb;

    fake_init(&f);
    nsapi_tcp_socket_open(&s, &f.stack);
    pthread_create(&ta, NULL, blocked_recv, &a);
    pthread_create(&tb, NULL, blocked_recv, &b); /* waits for a's turn */
    sleep_ms(50);
    report(nsapi_tcp_socket_close(&s) == NSAPI_ERROR_OK, "close_returns");
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    report(a.result == NSAPI_ERROR_NO_SOCKET && b.result == NSAPI_ERROR_NO_SOCKET, "close_wakes_blocked_receivers");
    fake_deinit(&f);
}

static void receivers_take_turns(void)
{
    struct fake_stack f;
    nsapi_tcp_socket_t s = {0};
    struct blocked_recv a = {&s, 1}, b = {&s, 1};
    pthread_t ta, tb;

    fake_init(&f);
    nsapi_tcp_socket_open(&s, &f.stack);
    pthread_create(&ta, NULL, blocked_recv, &a);
    pthread_create(&tb, NULL, blocked_recv, &b);
    sleep_ms(30);
    fake_push(&f, FAKE_RECV, 3);
    fake_push(&f, FAKE_RECV, 4);
    fake_event(&f, 0);
    sleep_ms(30);
    fake_event(&f, 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    report(a.result + b.result == 7 && a.result != b.result, "receivers_take_turns");
    nsapi_tcp_socket_close(&s);
    fake_deinit(&f);
}

struct storm {
    struct fake_stack *f;
    volatile int stop;
};

static void *event_storm(void *arg)
{
    struct storm *st = arg;
    int i;

    for (i = 0; i < 20000 && !__atomic_load_n(&st->stop, __ATOMIC_SEQ_CST); i++) {
        fake_event(st->f, 0);
    }
    return NULL;
}

static int sigio_count;

static void on_sigio(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&sigio_count, 1, __ATOMIC_SEQ_CST);
}

static void events_race_calls_and_sigio(void)
{
    struct fake_stack f;
    nsapi_udp_socket_t s = {0};
    struct storm st;
    pthread_t storm;
    char buf[8];
    int i, ok = 1;

    fake_init(&f);
    st.f = &f;
    st.stop = 0;
    nsapi_udp_socket_open(&s, &f.stack);
    nsapi_udp_socket_set_blocking(&s, false);
    pthread_create(&storm, NULL, event_storm, &st);
    for (i = 0; i < 2000; i++) {
        nsapi_udp_socket_sigio(&s, (i & 1) ? on_sigio : NULL, NULL);
        ok &= nsapi_udp_socket_recv(&s, buf, sizeof buf) == NSAPI_ERROR_WOULD_BLOCK;
        nsapi_udp_socket_set_timeout(&s, 0);
    }
    __atomic_store_n(&st.stop, 1, __ATOMIC_SEQ_CST);
    pthread_join(storm, NULL);
    report(ok && nsapi_udp_socket_close(&s) == NSAPI_ERROR_OK, "events_race_calls_and_sigio");
    fake_deinit(&f);
}

static void *open_close_loop(void *arg)
{
    struct fake_stack *f = arg;
    nsapi_udp_socket_t s = {0};
    int i;

    for (i = 0; i < 500; i++) {
        if (nsapi_udp_socket_open(&s, &f->stack) == NSAPI_ERROR_OK) {
            nsapi_udp_socket_close(&s);
        }
    }
    return NULL;
}

static void sockets_share_a_stack(void)
{
    struct fake_stack f;
    pthread_t t[4];
    int i;

    fake_init(&f);
    nsapi_stack_set_socket_limit(&f.stack, 3);
    for (i = 0; i < 4; i++) {
        pthread_create(&t[i], NULL, open_close_loop, &f);
    }
    for (i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
    }
    report(f.stack.sockets == 0 && fake_open_sockets(&f) == 0, "sockets_share_a_stack");
    fake_deinit(&f);
}

/* ---- an interface: connect and disconnect in one thread, the backend's reports in another ---- */

static nsapi_error_t iface_op(nsapi_interface_t *interface)
{
    (void)interface;
    return NSAPI_ERROR_OK;
}

static const nsapi_interface_api_t iface_api = {.up = iface_op, .down = iface_op, .release = iface_op};

static struct {
    nsapi_interface_t interface;
    int stop;
    pthread_mutex_t lock;
    unsigned events;
    nsapi_connection_status_t last; /* the latest change the callback was told */
} net = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void *report_loop(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < 20000; i++) {
        nsapi_interface_report_status(&net.interface, i % 2 ? NSAPI_STATUS_GLOBAL_UP : NSAPI_STATUS_LOCAL_UP);
        (void)nsapi_interface_get_connection_status(&net.interface);
    }
    return NULL;
}

static void on_status(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)event, (void)context;
    pthread_mutex_lock(&net.lock);
    net.events++;
    net.last = (nsapi_connection_status_t)argument;
    pthread_mutex_unlock(&net.lock);
}

static void interface_reports_race_connect_and_disconnect(void)
{
    struct fake_stack f;
    pthread_t reporter;
    int i, ok = 1;

    fake_init(&f);
    memset(&net.interface, 0, sizeof net.interface);
    ok &= nsapi_interface_init(&net.interface, &iface_api, NULL, &f.stack, "race0", false) == NSAPI_ERROR_OK;
    ok &= nsapi_interface_add_event_listener(&net.interface, on_status, NULL) == NSAPI_ERROR_OK;
    ok &= nsapi_interface_set_blocking(&net.interface, false) == NSAPI_ERROR_OK;
    pthread_create(&reporter, NULL, report_loop, NULL);
    for (i = 0; i < 2000; i++) {
        nsapi_error_t c = nsapi_interface_connect(&net.interface);
        nsapi_error_t d = nsapi_interface_disconnect(&net.interface);

        ok &= c == NSAPI_ERROR_OK && d == NSAPI_ERROR_OK;
    }
    pthread_join(reporter, NULL);
    ok &= nsapi_interface_get_connection_status(&net.interface) == NSAPI_STATUS_DISCONNECTED;
    /* A callback far behind has the oldest changes merged away (NSAPI_INTERFACE_EVENT_QUEUE), so
     * the count may fall short of the changes; the latest one is never lost. */
    ok &= net.events > 0 && net.events <= net.interface.changes && net.last == NSAPI_STATUS_DISCONNECTED;
    ok &= nsapi_interface_deinit(&net.interface) == NSAPI_ERROR_OK;
    report(ok, "interface_reports_race_connect_and_disconnect");
    fake_deinit(&f);
}

int main(void)
{
    close_wakes_blocked_receivers();
    receivers_take_turns();
    events_race_calls_and_sigio();
    sockets_share_a_stack();
    interface_reports_race_connect_and_disconnect();
    return report_status();
}
