/* The nsapi side of each workload: blocking sockets, the two ends in two threads, as an application does. */
#include <pthread.h>

#include "bench.h"
#include "nsapi/nsapi.h"

static nsapi_stack_t *stack;

void bench_nsapi_use(struct nsapi_stack *s)
{
    stack = s;
}

static nsapi_socket_address_t address(uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    bench_check("address", nsapi_socket_address_set_ip_address(&a, bench_address));
    nsapi_socket_address_set_port(&a, port);
    return a;
}

static void listen_on(nsapi_tcp_server_t *server, uint16_t port)
{
    nsapi_socket_address_t at = address(port);
    int on = 1;

    bench_check("server open", nsapi_tcp_server_open(server, stack));
    bench_check("reuseaddr", nsapi_tcp_server_setsockopt(server, NSAPI_SOCKET, NSAPI_REUSEADDR, &on, sizeof on));
    bench_check("bind", nsapi_tcp_server_bind(server, &at));
    bench_check("listen", nsapi_tcp_server_listen(server, 8));
}

static void *bulk_receiver(void *arg)
{
    nsapi_tcp_socket_t peer = {0};
    unsigned long long got = 0;
    nsapi_size_or_error_t n = 1;

    bench_check("accept", nsapi_tcp_server_accept(arg, &peer, NULL));
    while (got < bench_bytes && (n = nsapi_tcp_socket_recv(&peer, bench_in, sizeof bench_in)) > 0) {
        got += (unsigned long long)n;
    }
    bench_check("recv", n);
    bench_check("the whole transfer", got == bench_bytes ? 0 : -1);
    bench_finish();
    nsapi_tcp_socket_close(&peer);
    return NULL;
}

static double bulk(uint16_t port)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0};
    nsapi_socket_address_t at = address(port);
    unsigned long long sent = 0;
    pthread_t receiver;
    double t0;

    listen_on(&server, port);
    bench_thread(&receiver, bulk_receiver, &server);
    bench_check("open", nsapi_tcp_socket_open(&client, stack));
    bench_check("connect", nsapi_tcp_socket_connect(&client, &at));
    t0 = bench_now();
    while (sent < bench_bytes) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(&client, bench_out, sizeof bench_out);

        bench_check("send", n);
        sent += (unsigned long long)n;
    }
    t0 = bench_wait() - t0;
    pthread_join(receiver, NULL);
    nsapi_tcp_socket_close(&client);
    nsapi_tcp_server_close(&server);
    return (double)bench_bytes / t0 / 1e6;
}

static void *echo(void *arg)
{
    unsigned char buf[BENCH_DATAGRAM];
    nsapi_socket_address_t from;
    nsapi_size_or_error_t n;

    while ((n = nsapi_udp_socket_recvfrom(arg, &from, buf, sizeof buf)) > 1) {
        nsapi_udp_socket_sendto(arg, &from, buf, (nsapi_size_t)n);
    }
    return NULL; /* a 1-byte datagram: the end */
}

static double pingpong(uint16_t port)
{
    nsapi_udp_socket_t server = {0}, client = {0};
    nsapi_socket_address_t at = address(port);
    unsigned char buf[BENCH_DATAGRAM] = {0};
    unsigned long rounds = 0;
    pthread_t thread;
    double t0;

    bench_check("udp open", nsapi_udp_socket_open(&server, stack));
    bench_check("udp bind", nsapi_udp_socket_bind(&server, &at));
    bench_thread(&thread, echo, &server);
    bench_check("udp open", nsapi_udp_socket_open(&client, stack));
    bench_check("udp connect", nsapi_udp_socket_connect(&client, &at));
    t0 = bench_now();
    do {
        bench_check("udp send", nsapi_udp_socket_send(&client, buf, BENCH_DATAGRAM));
        bench_check("udp recv", nsapi_udp_socket_recv(&client, buf, sizeof buf));
    } while (!bench_time_up(t0, ++rounds, (unsigned long)-1));
    t0 = bench_now() - t0;
    nsapi_udp_socket_send(&client, buf, 1);
    pthread_join(thread, NULL);
    nsapi_udp_socket_close(&client);
    nsapi_udp_socket_close(&server);
    return (double)rounds / t0;
}

static void *acceptor(void *arg)
{
    bool more;

    do {
        nsapi_tcp_socket_t peer = {0};

        bench_check("accept", nsapi_tcp_server_accept(arg, &peer, NULL));
        more = bench_accepting(); /* before the close, which lets the client go on and clear it */
        nsapi_tcp_socket_close(&peer); /* the server closes first: TIME-WAIT stays on its side */
    } while (more);
    return NULL;
}

/* One connection: connect, wait for the server's close, close. */
static void connection(const nsapi_socket_address_t *at)
{
    nsapi_tcp_socket_t client = {0};
    char byte;

    bench_check("open", nsapi_tcp_socket_open(&client, stack));
    bench_check("connect", nsapi_tcp_socket_connect(&client, at));
    bench_check("recv", nsapi_tcp_socket_recv(&client, &byte, 1)); /* 0: the server's close */
    nsapi_tcp_socket_close(&client);
}

static double connects(uint16_t port)
{
    nsapi_tcp_server_t server = {0};
    nsapi_socket_address_t at = address(port);
    unsigned long count = 0;
    pthread_t thread;
    double t0;

    listen_on(&server, port);
    bench_set_accepting(1);
    bench_thread(&thread, acceptor, &server);
    t0 = bench_now();
    do {
        connection(&at);
    } while (!bench_time_up(t0, ++count, BENCH_CONNECTIONS_MAX));
    t0 = bench_now() - t0;
    bench_set_accepting(0);
    connection(&at); /* untimed: the one that lets the acceptor go */
    pthread_join(thread, NULL);
    nsapi_tcp_server_close(&server);
    return (double)count / t0;
}

const struct bench_api bench_nsapi = {"nsapi", {bulk, pingpong, connects}};
