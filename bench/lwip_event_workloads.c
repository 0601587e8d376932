/*
 * tcp_bulk over nsapi in lwIP's event-driven mode (nsapi_lwip_set_event_driven):
 * a non-blocking application whose whole work is its sigio callbacks, which
 * run in lwIP's thread under its core lock, as the raw API's callbacks do.
 * The client writes until WOULD_BLOCK, the accepted end reads until
 * WOULD_BLOCK; the calling thread only starts the connect and waits for the
 * end.  The callbacks never run at once (the core lock), so their state
 * needs no lock.
 */
#include <stdbool.h>
#include <string.h>

#include "bench.h"
#include "nsapi/lwip.h"

static nsapi_stack_t *stack;

static struct {
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t client, peer;
    unsigned long long sent, got;
    double t0;
    bool started, accepted, done;
} ev;

void bench_nsapi_event_use(struct nsapi_stack *s)
{
    stack = s;
}

static void on_client(void *arg)
{
    (void)arg;
    while (ev.sent < bench_bytes) {
        unsigned long long left = bench_bytes - ev.sent;
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(&ev.client, bench_out,
                                                        left < BENCH_WRITE ? (nsapi_size_t)left : BENCH_WRITE);

        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            return; /* the next sigio: room, or the connection made */
        }
        bench_check("event send", n);
        if (!ev.started) {
            ev.started = true;
            ev.t0 = bench_now(); /* connected: where the raw run starts its clock too */
        }
        ev.sent += (unsigned long long)n;
    }
}

static void on_peer(void *arg)
{
    nsapi_size_or_error_t n;

    (void)arg;
    while (!ev.done && (n = nsapi_tcp_socket_recv(&ev.peer, bench_in, sizeof bench_in)) > 0) {
        ev.got += (unsigned long long)n;
        if (ev.got == bench_bytes) {
            ev.done = true;
            bench_finish();
        }
    }
}

static void on_server(void *arg)
{
    nsapi_error_t err;

    (void)arg;
    if (ev.accepted) {
        return;
    }
    err = nsapi_tcp_server_accept(&ev.server, &ev.peer, NULL);
    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        return;
    }
    bench_check("event accept", err);
    ev.accepted = true;
}

static nsapi_socket_address_t address(uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    bench_check("address", nsapi_socket_address_set_ip_address(&a, bench_address));
    nsapi_socket_address_set_port(&a, port);
    return a;
}

/* Set up both ends, non-blocking with their callbacks, and start the connect. */
static void start(uint16_t port)
{
    nsapi_socket_address_t at = address(port);
    nsapi_error_t err;

    nsapi_tcp_server_set_blocking(&ev.server, false);
    nsapi_tcp_socket_set_blocking(&ev.peer, false);
    nsapi_tcp_socket_set_blocking(&ev.client, false);
    nsapi_tcp_socket_sigio(&ev.peer, on_peer, NULL); /* kept by the accept */
    nsapi_tcp_server_sigio(&ev.server, on_server, NULL);
    nsapi_tcp_socket_sigio(&ev.client, on_client, NULL);
    bench_check("server open", nsapi_tcp_server_open(&ev.server, stack));
    bench_check("bind", nsapi_tcp_server_bind(&ev.server, &at));
    bench_check("listen", nsapi_tcp_server_listen(&ev.server, 8));
    bench_check("open", nsapi_tcp_socket_open(&ev.client, stack));
    err = nsapi_tcp_socket_connect(&ev.client, &at);
    bench_check("connect", err == NSAPI_ERROR_IN_PROGRESS ? NSAPI_ERROR_OK : err);
}

static double bulk(uint16_t port)
{
    double end;

    bench_check("event-driven on", nsapi_lwip_set_event_driven(stack, true));
    memset(&ev, 0, sizeof ev);
    start(port);
    end = bench_wait();
    nsapi_tcp_socket_close(&ev.client);
    nsapi_tcp_socket_close(&ev.peer);
    nsapi_tcp_server_close(&ev.server);
    bench_check("event-driven off", nsapi_lwip_set_event_driven(stack, false));
    return (double)bench_bytes / (end - ev.t0) / 1e6;
}

const struct bench_api bench_nsapi_event = {"event", {bulk, NULL, NULL}};
