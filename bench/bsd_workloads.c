/*
 * The BSD-socket side of each workload, compiled twice: over lwIP's socket
 * API (BSD(x) is lwip_x) and over the kernel's (BSD(x) is x).  The same
 * shape as nsapi_workloads.c: blocking sockets, two threads.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include "bench.h"

#ifdef BENCH_LWIP_SOCKETS
#include <lwip/sockets.h>
#define BSD(name) lwip_##name
#define API_NAME "sockets"
#define API bench_lwip_sockets
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#define BSD(name) name
#define API_NAME "kernel"
#define API bench_kernel_sockets
#endif

static struct sockaddr_in address(uint16_t port)
{
    struct sockaddr_in a;

    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = inet_addr(bench_address);
    return a;
}

static int listen_on(uint16_t port, int type)
{
    struct sockaddr_in at = address(port);
    int s = BSD(socket)(AF_INET, type, 0), on = 1;

    bench_check("socket", s);
    bench_check("reuseaddr", BSD(setsockopt)(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    bench_check("bind", BSD(bind)(s, (struct sockaddr *)&at, sizeof at));
    if (type == SOCK_STREAM) {
        bench_check("listen", BSD(listen)(s, 8));
    }
    return s;
}

static int connect_to(uint16_t port, int type)
{
    struct sockaddr_in at = address(port);
    int s = BSD(socket)(AF_INET, type, 0);

    bench_check("socket", s);
    bench_check("connect", BSD(connect)(s, (struct sockaddr *)&at, sizeof at));
    return s;
}

static void *bulk_receiver(void *arg)
{
    int peer = BSD(accept)(*(int *)arg, NULL, NULL);
    unsigned long long got = 0;
    long n = 1;

    bench_check("accept", peer);
    while (got < bench_bytes && (n = BSD(recv)(peer, bench_in, sizeof bench_in, 0)) > 0) {
        got += (unsigned long long)n;
    }
    bench_check("recv", n);
    bench_check("the whole transfer", got == bench_bytes ? 0 : -1);
    bench_finish();
    BSD(close)(peer);
    return NULL;
}

static double bulk(uint16_t port)
{
    int listener = listen_on(port, SOCK_STREAM), client;
    unsigned long long sent = 0;
    pthread_t receiver;
    double t0;

    bench_thread(&receiver, bulk_receiver, &listener);
    client = connect_to(port, SOCK_STREAM);
    t0 = bench_now();
    while (sent < bench_bytes) {
        long n = BSD(send)(client, bench_out, sizeof bench_out, 0);

        bench_check("send", n);
        sent += (unsigned long long)n;
    }
    t0 = bench_wait() - t0;
    pthread_join(receiver, NULL);
    BSD(close)(client);
    BSD(close)(listener);
    return (double)bench_bytes / t0 / 1e6;
}

static void *echo(void *arg)
{
    int s = *(int *)arg;
    unsigned char buf[BENCH_DATAGRAM];
    struct sockaddr_in from;
    socklen_t size = sizeof from;
    long n;

    while ((n = BSD(recvfrom)(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &size)) > 1) {
        BSD(sendto)(s, buf, (size_t)n, 0, (struct sockaddr *)&from, size);
        size = sizeof from;
    }
    return NULL; /* a 1-byte datagram: the end */
}

static double pingpong(uint16_t port)
{
    int server = listen_on(port, SOCK_DGRAM), client = connect_to(port, SOCK_DGRAM);
    unsigned char buf[BENCH_DATAGRAM] = {0};
    unsigned long rounds = 0;
    pthread_t thread;
    double t0;

    bench_thread(&thread, echo, &server);
    t0 = bench_now();
    do {
        bench_check("send", BSD(send)(client, buf, BENCH_DATAGRAM, 0));
        bench_check("recv", BSD(recv)(client, buf, sizeof buf, 0));
    } while (!bench_time_up(t0, ++rounds, (unsigned long)-1));
    t0 = bench_now() - t0;
    BSD(send)(client, buf, 1, 0);
    pthread_join(thread, NULL);
    BSD(close)(client);
    BSD(close)(server);
    return (double)rounds / t0;
}

static void *acceptor(void *arg)
{
    int more;

    do {
        int peer = BSD(accept)(*(int *)arg, NULL, NULL);

        bench_check("accept", peer);
        more = bench_accepting(); /* before the close, which lets the client go on and clear it */
        BSD(close)(peer); /* the server closes first: TIME-WAIT stays on its side */
    } while (more);
    return NULL;
}

/* One connection: connect, wait for the server's close, close. */
static void connection(uint16_t port)
{
    int client = connect_to(port, SOCK_STREAM);
    char byte;

    bench_check("recv", BSD(recv)(client, &byte, 1, 0)); /* 0: the server's close */
    BSD(close)(client);
}

static double connects(uint16_t port)
{
    int listener = listen_on(port, SOCK_STREAM);
    unsigned long count = 0;
    pthread_t thread;
    double t0;

    bench_set_accepting(1);
    bench_thread(&thread, acceptor, &listener);
    t0 = bench_now();
    do {
        connection(port);
    } while (!bench_time_up(t0, ++count, BENCH_CONNECTIONS_MAX));
    t0 = bench_now() - t0;
    bench_set_accepting(0);
    connection(port); /* untimed: the one that lets the acceptor go */
    pthread_join(thread, NULL);
    BSD(close)(listener);
    return (double)count / t0;
}

const struct bench_api API = {API_NAME, {bulk, pingpong, connects}};
