/*
 * nsapi over lwIP against lwIP's own BSD sockets and its raw API, in one
 * process over lwIP's loopback netif (10.0.0.1), on bench.h's three
 * workloads.  The nsapi and sockets paths run the two ends in two threads,
 * as an application would; the raw path runs both as callbacks in lwIP's
 * thread, with no thread crossing at all: the ceiling; "event" is tcp_bulk
 * over nsapi in lwIP's event-driven mode, its callbacks where raw's run.
 *
 * usage: bench_lwip tcp_bulk|udp_pingpong|tcp_connect nsapi|sockets|raw|event|all REPS [BYTES]
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>
#include <lwip/tcpip.h>
#include <lwip/udp.h>

#include "bench.h"
#include "nsapi/lwip.h"

/* The raw API: both ends are callbacks in lwIP's thread. */
static struct {
    struct tcp_pcb *listener, *client, *server;
    unsigned long long sent, got;
    double t0;
} raw;

/* A raw pcb that lwIP drops (reset, out of memory) ends the benchmark: nothing would finish the run. */
static void raw_error(void *arg, err_t err)
{
    (void)arg;
    bench_die("raw pcb", err);
}

/* Close a raw pcb, its callbacks gone first, so that nothing of this round reaches the next. */
static void raw_close(struct tcp_pcb *pcb)
{
    if (pcb == NULL) {
        return;
    }
    tcp_arg(pcb, NULL);
    if (pcb->state == LISTEN) {
        tcp_accept(pcb, NULL);
    } else {
        tcp_err(pcb, NULL);
        tcp_recv(pcb, NULL);
        tcp_sent(pcb, NULL);
    }
    if (tcp_close(pcb) != ERR_OK) {
        tcp_abort(pcb);
    }
}

static void raw_bulk_push(struct tcp_pcb *pcb)
{
    while (raw.sent < bench_bytes && tcp_sndbuf(pcb) > 0) {
        unsigned long long left = bench_bytes - raw.sent;
        u16_t take = tcp_sndbuf(pcb) < BENCH_WRITE ? tcp_sndbuf(pcb) : BENCH_WRITE;

        take = left < take ? (u16_t)left : take; /* exactly bench_bytes: the receiver finishes once */

        if (tcp_write(pcb, bench_out, take, TCP_WRITE_FLAG_COPY) != ERR_OK) {
            break; /* out of segments for now: sent() calls again */
        }
        raw.sent += take;
    }
    tcp_output(pcb);
}

static err_t raw_bulk_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
    (void)arg;
    (void)len;
    raw_bulk_push(pcb);
    return ERR_OK;
}

static err_t raw_bulk_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    u16_t offset = 0;

    (void)arg;
    (void)err;
    if (p == NULL) {
        return ERR_OK;
    }
    while (offset < p->tot_len) { /* the copy an application makes */
        offset += pbuf_copy_partial(p, bench_in, sizeof bench_in, offset);
    }
    raw.got += p->tot_len;
    tcp_recved(pcb, p->tot_len);
    pbuf_free(p);
    if (raw.got == bench_bytes) {
        bench_finish();
    }
    return ERR_OK;
}

static err_t raw_bulk_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg;
    (void)err;
    raw.server = pcb;
    tcp_err(pcb, raw_error);
    tcp_recv(pcb, raw_bulk_recv);
    return ERR_OK;
}

static err_t raw_bulk_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg;
    (void)err;
    raw.t0 = bench_now();
    tcp_nagle_disable(pcb); /* the last short segment goes at once, not after lwIP's delayed-ACK timer */
    tcp_sent(pcb, raw_bulk_sent);
    raw_bulk_push(pcb);
    return ERR_OK;
}

static struct tcp_pcb *raw_listen(uint16_t port, tcp_accept_fn accepted)
{
    ip_addr_t ip;
    struct tcp_pcb *pcb = tcp_new(), *listener;

    ipaddr_aton(bench_address, &ip);
    if (pcb == NULL || tcp_bind(pcb, &ip, port) != ERR_OK || (listener = tcp_listen(pcb)) == NULL) {
        bench_die("raw listen", -1);
    }
    tcp_accept(listener, accepted);
    return listener;
}

static void raw_connect(uint16_t port, tcp_connected_fn connected)
{
    ip_addr_t ip;

    ipaddr_aton(bench_address, &ip);
    raw.client = tcp_new();
    if (raw.client == NULL || tcp_connect(raw.client, &ip, port, connected) != ERR_OK) {
        bench_die("raw connect", -1);
    }
    tcp_err(raw.client, raw_error);
}

static double raw_bulk(uint16_t port)
{
    double end;

    LOCK_TCPIP_CORE();
    memset(&raw, 0, sizeof raw);
    raw.listener = raw_listen(port, raw_bulk_accept);
    raw_connect(port, raw_bulk_connected);
    UNLOCK_TCPIP_CORE();
    end = bench_wait();
    LOCK_TCPIP_CORE();
    raw_close(raw.client);
    raw_close(raw.server);
    raw_close(raw.listener);
    UNLOCK_TCPIP_CORE();
    return (double)bench_bytes / (end - raw.t0) / 1e6;
}

static struct {
    struct udp_pcb *echo, *client;
    unsigned long rounds;
    double t0;
} rawu;

static void raw_echo_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port)
{
    (void)arg;
    udp_sendto(pcb, p, addr, port);
    pbuf_free(p);
}

static void raw_client_send(void)
{
    struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, BENCH_DATAGRAM, PBUF_RAM);

    if (p == NULL) {
        bench_die("pbuf_alloc", -1);
    }
    memset(p->payload, 0, BENCH_DATAGRAM);
    udp_send(rawu.client, p);
    pbuf_free(p);
}

static void raw_client_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port)
{
    (void)arg;
    (void)pcb;
    (void)addr;
    (void)port;
    pbuf_copy_partial(p, bench_in, BENCH_DATAGRAM, 0);
    pbuf_free(p);
    if (++rawu.rounds % 64 == 0 && bench_now() - rawu.t0 >= bench_duration_s) {
        bench_finish();
        return;
    }
    raw_client_send();
}

static double raw_pingpong(uint16_t port)
{
    ip_addr_t ip;
    double end;

    ipaddr_aton(bench_address, &ip);
    LOCK_TCPIP_CORE();
    memset(&rawu, 0, sizeof rawu);
    rawu.echo = udp_new();
    rawu.client = udp_new();
    if (rawu.echo == NULL || rawu.client == NULL || udp_bind(rawu.echo, &ip, port) != ERR_OK
        || udp_connect(rawu.client, &ip, port) != ERR_OK) {
        bench_die("raw udp", -1);
    }
    udp_recv(rawu.echo, raw_echo_recv, NULL);
    udp_recv(rawu.client, raw_client_recv, NULL);
    rawu.t0 = bench_now();
    raw_client_send();
    UNLOCK_TCPIP_CORE();
    end = bench_wait();
    LOCK_TCPIP_CORE();
    udp_remove(rawu.client);
    udp_remove(rawu.echo);
    UNLOCK_TCPIP_CORE();
    return (double)rawu.rounds / (end - rawu.t0);
}

static struct {
    uint16_t port;
    unsigned long count;
} rawc;

static void raw_next_connection(void);

static err_t raw_client_recv_fin(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    (void)arg;
    (void)err;
    if (p != NULL) {
        tcp_recved(pcb, p->tot_len);
        pbuf_free(p);
        return ERR_OK;
    }
    raw_close(pcb); /* the server's close came: ours, then the next connection */
    rawc.count++;
    if (rawc.count == BENCH_CONNECTIONS_MAX || bench_now() - raw.t0 >= bench_duration_s) {
        bench_finish();
    } else {
        raw_next_connection();
    }
    return ERR_OK;
}

static err_t raw_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg;
    (void)pcb;
    (void)err;
    return ERR_OK;
}

static err_t raw_accept_close(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg;
    (void)err;
    raw_close(pcb);
    return ERR_OK;
}

static void raw_next_connection(void)
{
    raw_connect(rawc.port, raw_connected);
    tcp_recv(raw.client, raw_client_recv_fin);
}

static double raw_connects(uint16_t port)
{
    double end;

    LOCK_TCPIP_CORE();
    memset(&raw, 0, sizeof raw);
    memset(&rawc, 0, sizeof rawc);
    rawc.port = port;
    raw.listener = raw_listen(port, raw_accept_close);
    raw.t0 = bench_now();
    raw_next_connection();
    UNLOCK_TCPIP_CORE();
    end = bench_wait();
    LOCK_TCPIP_CORE();
    raw_close(raw.listener);
    UNLOCK_TCPIP_CORE();
    return (double)rawc.count / (end - raw.t0);
}

static const struct bench_api RAW = {"raw", {raw_bulk, raw_pingpong, raw_connects}};

/* After each round: TIME-WAIT pcbs are only freed, so that no round pays for the last one's list. */
static void clear_time_wait(void)
{
    LOCK_TCPIP_CORE();
    while (tcp_tw_pcbs != NULL) {
        tcp_abort(tcp_tw_pcbs);
    }
    UNLOCK_TCPIP_CORE();
}

int main(int argc, char **argv)
{
    static nsapi_stack_t stack;
    const struct bench_api apis[] = {bench_nsapi, bench_lwip_sockets, RAW, bench_nsapi_event};
    int rc;

    bench_address = "10.0.0.1";
    bench_check("nsapi_lwip_init", nsapi_lwip_init(&stack));
    bench_check("loopback", nsapi_lwip_add_loopback(&stack, bench_address, NULL));
    bench_nsapi_use(&stack);
    bench_nsapi_event_use(&stack);
    rc = bench_main(argc, argv, apis, 4, clear_time_wait);
    nsapi_lwip_deinit(&stack);
    return rc;
}
