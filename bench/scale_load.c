/*
 * The scale bench's load generator, on the kernel's sockets and epoll: it
 * opens CONNECTIONS TCP connections to an echo server (at most PACE of them
 * waiting for their first echo at once, so that the server's listen queue
 * never overflows), each sending one SCALE_MESSAGE-byte message and waiting
 * for its echo; once every connection has had it, all of them keep one
 * message in flight, every echo checked byte for byte, and the echoes that
 * come back in SECONDS are counted.  It prints
 *   connected N messages M seconds S rate R load_cpu L server_cpu C server_switches W
 * (C and W only with SERVER_PID: the CPU each process used in the window,
 * in cores, and the server's context switches in it, all its threads,
 * voluntary or not), closes them all (as close_all() says, waiting at most
 * CLOSE_SECONDS, CLOSE_LIMIT_S unless given) and prints
 *   closed K of N in T s
 * SOURCES > 0 spreads the connections over that many source addresses
 * 127.0.1.1 and up (ephemeral ports are per source address).
 *
 * usage: scale_load ADDRESS PORT CONNECTIONS SECONDS [SOURCES [SERVER_PID [CLOSE_SECONDS]]]
 * Exits 0; 1 on any failure (said on stderr after "connected K", the
 * connections up then); 2 on bad usage.  Bounded: connecting takes at most
 * CONNECT_LIMIT_S, closing CLOSE_LIMIT_S, the whole run their sum, SECONDS
 * and RUN_SLACK_S (SIGALRM).
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "scale.h"

#define PACE 128            /* connections waiting for their first echo at once: within the listen queue */
#define BATCH 256           /* events an epoll_wait takes */
#define CONNECT_LIMIT_S 60
#define CLOSE_LIMIT_S 20
#define RUN_SLACK_S 90
#define SPARE_DESCRIPTORS 16

enum { CONNECTING, WAITING_FIRST, RUNNING, CLOSING, CLOSED };

struct lconn {
    int fd;
    uint32_t seq;            /* messages echoed */
    uint16_t got;            /* bytes of the current echo so far */
    uint8_t state;
};

static struct {
    struct lconn *c;
    unsigned long count, opened, up, pending, echoes;
    int epoll;
    struct sockaddr_in server;
    unsigned sources;
    int running;             /* the timed exchange has begun: every echo is answered by the next message */
} g;

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void fail(const char *what, unsigned long i, int err)
{
    printf("connected %lu\n", g.up);
    fprintf(stderr, "scale_load: connection %lu: %s%s%s\n", i, what, err ? ": " : "", err ? strerror(err) : "");
    exit(1);
}

/* Byte k of message seq of connection i: each message differs, so a misplaced echo shows. */
static unsigned char expected(unsigned long i, uint32_t seq, unsigned k)
{
    return (unsigned char)(i * 31u + seq * 7u + k);
}

static void send_message(unsigned long i)
{
    unsigned char m[SCALE_MESSAGE];
    unsigned k;

    for (k = 0; k < SCALE_MESSAGE; k++) {
        m[k] = expected(i, g.c[i].seq, k);
    }
    /* One message in flight on a fresh socket always fits its send buffer: a short send is a failure. */
    if (send(g.c[i].fd, m, sizeof m, MSG_NOSIGNAL | MSG_DONTWAIT) != (ssize_t)sizeof m) {
        fail("send", i, errno);
    }
}

static void watch(unsigned long i, int op, uint32_t events)
{
    struct epoll_event e = {.events = events, .data.u64 = i};

    if (epoll_ctl(g.epoll, op, g.c[i].fd, &e) != 0) {
        fail("epoll_ctl", i, errno);
    }
}

static void open_one(unsigned long i)
{
    struct lconn *c = &g.c[i];
    int one = 1;

    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        fail("socket", i, errno);
    }
    if (g.sources > 0) {
        struct sockaddr_in from = {.sin_family = AF_INET};

        from.sin_addr.s_addr = htonl(0x7f000101u + (uint32_t)(i % g.sources)); /* 127.0.1.1 and up */
        setsockopt(c->fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        if (bind(c->fd, (struct sockaddr *)&from, sizeof from) != 0) {
            fail("bind", i, errno);
        }
    }
    if (connect(c->fd, (struct sockaddr *)&g.server, sizeof g.server) != 0 && errno != EINPROGRESS) {
        fail("connect", i, errno);
    }
    c->state = CONNECTING;
    watch(i, EPOLL_CTL_ADD, EPOLLOUT);
    g.opened++;
    g.pending++;
}

static void connected(unsigned long i)
{
    int err = 0;
    socklen_t length = sizeof err;

    if (getsockopt(g.c[i].fd, SOL_SOCKET, SO_ERROR, &err, &length) != 0 || err != 0) {
        fail("connect", i, err);
    }
    g.c[i].state = WAITING_FIRST;
    send_message(i);
    watch(i, EPOLL_CTL_MOD, EPOLLIN);
}

/* A closing connection: the echo still in flight, then the server's end of stream. */
static void closing(unsigned long i)
{
    unsigned char in[SCALE_MESSAGE];
    ssize_t n = recv(g.c[i].fd, in, sizeof in, MSG_DONTWAIT);

    if (n < 0 && errno == EAGAIN) {
        return;
    }
    if (n < 0) {
        fail("recv while closing", i, errno);
    }
    if (n == 0) {
        close(g.c[i].fd);
        g.c[i].state = CLOSED;
        g.pending--;
    }
}

static void received(unsigned long i)
{
    struct lconn *c = &g.c[i];
    unsigned char in[SCALE_MESSAGE];
    ssize_t n = recv(c->fd, in, SCALE_MESSAGE - c->got, MSG_DONTWAIT);
    ssize_t k;

    if (n < 0 && errno == EAGAIN) {
        return;
    }
    if (n <= 0) {
        fail(n == 0 ? "closed by the server" : "recv", i, n == 0 ? 0 : errno);
    }
    for (k = 0; k < n; k++) {
        if (in[k] != expected(i, c->seq, c->got + (unsigned)k)) {
            fail("echo differs from what was sent", i, 0);
        }
    }
    c->got = (uint16_t)(c->got + n);
    if (c->got < SCALE_MESSAGE) {
        return;
    }
    c->got = 0;
    c->seq++;
    g.echoes++;
    if (c->state == WAITING_FIRST) {
        c->state = RUNNING;
        g.up++;
        g.pending--;
    }
    if (g.running) {
        send_message(i);
    }
}

/* One epoll_wait's events, waiting at most ms. */
static void turn(int ms)
{
    struct epoll_event events[BATCH];
    int n = epoll_wait(g.epoll, events, BATCH, ms), k;

    for (k = 0; k < n; k++) {
        unsigned long i = (unsigned long)events[k].data.u64;

        if (g.c[i].state == CONNECTING) {
            connected(i);
        } else if (g.c[i].state == CLOSING) {
            closing(i);
        } else if (events[k].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
            received(i);
        }
    }
}

static double cpu_self(void)
{
    struct rusage u;

    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

/* The CPU seconds process pid has used (utime + stime of /proc/PID/stat); -1 if unreadable. */
static double cpu_of(long pid)
{
    char path[64], line[1024], *p;
    unsigned long utime, stime;
    FILE *f;

    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    f = fopen(path, "r");
    if (f == NULL) {
        return -1;
    }
    p = fgets(line, sizeof line, f);
    fclose(f);
    p = p == NULL ? NULL : strrchr(line, ')'); /* after the command's name, which may hold spaces */
    if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
        return -1;
    }
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

/* The context switches of every thread of process pid so far (/proc/PID/task/TID/status); -1 if unreadable. */
static double switches_of(long pid)
{
    char path[96], line[256];
    struct dirent *t;
    unsigned long n, sum = 0;
    DIR *tasks;
    FILE *f;

    snprintf(path, sizeof path, "/proc/%ld/task", pid);
    tasks = opendir(path);
    if (tasks == NULL) {
        return -1;
    }
    while ((t = readdir(tasks)) != NULL) {
        if (t->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof path, "/proc/%ld/task/%.20s/status", pid, t->d_name);
        f = fopen(path, "r");
        while (f != NULL && fgets(line, sizeof line, f) != NULL) {
            if (sscanf(line, "voluntary_ctxt_switches: %lu", &n) == 1
                || sscanf(line, "nonvoluntary_ctxt_switches: %lu", &n) == 1) {
                sum += n;
            }
        }
        if (f != NULL) {
            fclose(f);
        }
    }
    closedir(tasks);
    return (double)sum;
}

/* End every connection as the server would see a client leave: shut down its sending side, at most
 * PACE at a time (a burst of thousands of FINs overflows a TAP device's queue, and each lost one
 * waits for the kernel's retransmission), and close it once the server has closed its side.  Those
 * still open after limit_s are closed without waiting.  How many closed in time. */
static unsigned long close_all(double limit_s)
{
    double deadline = now() + limit_s;
    unsigned long i, closed = 0;

    g.running = 0;
    g.pending = 0;
    for (i = 0; i < g.count && now() < deadline; i++) {
        while (g.pending >= PACE && now() < deadline) {
            turn(100);
        }
        if (shutdown(g.c[i].fd, SHUT_WR) != 0) {
            fail("shutdown", i, errno);
        }
        g.c[i].state = CLOSING;
        g.pending++;
    }
    while (g.pending > 0 && now() < deadline) {
        turn(100);
    }
    for (i = 0; i < g.count; i++) {
        if (g.c[i].state == CLOSED) {
            closed++;
        } else {
            close(g.c[i].fd);
        }
    }
    return closed;
}

static int parse(int argc, char **argv, double *seconds, long *server_pid, double *close_s)
{
    char *end;
    unsigned long port;

    if (argc < 5 || argc > 8 || inet_pton(AF_INET, argv[1], &g.server.sin_addr) != 1) {
        return 0;
    }
    g.server.sin_family = AF_INET;
    port = strtoul(argv[2], &end, 10);
    g.server.sin_port = htons((uint16_t)port);
    g.count = strtoul(argv[3], NULL, 10);
    *seconds = atof(argv[4]);
    g.sources = argc > 5 ? (unsigned)strtoul(argv[5], NULL, 10) : 0;
    *server_pid = argc > 6 ? strtol(argv[6], NULL, 10) : 0;
    *close_s = argc > 7 ? atof(argv[7]) : CLOSE_LIMIT_S;
    return *end == '\0' && port > 0 && port < 65536 && g.count > 0 && g.count <= 1000000 && *seconds > 0
           && *seconds <= 600 && g.sources <= 254 && *close_s >= 0 && *close_s <= CLOSE_LIMIT_S;
}

int main(int argc, char **argv)
{
    double seconds, close_s, t0, t1, cpu0, server0, switches0, deadline, closing;
    long server_pid;
    unsigned long i, start;

    if (!parse(argc, argv, &seconds, &server_pid, &close_s)) {
        fprintf(stderr, "usage: %s ADDRESS PORT CONNECTIONS SECONDS [SOURCES [SERVER_PID [CLOSE_SECONDS]]]\n",
                argv[0]);
        return 2;
    }
    alarm((unsigned)seconds + CONNECT_LIMIT_S + CLOSE_LIMIT_S + RUN_SLACK_S);
    g.c = calloc(g.count, sizeof *g.c);
    g.epoll = epoll_create1(EPOLL_CLOEXEC);
    if (g.c == NULL || g.epoll < 0 || scale_raise_nofile(g.count + SPARE_DESCRIPTORS) != 0) {
        fprintf(stderr, "scale_load: no room for %lu connections\n", g.count);
        return 1;
    }
    deadline = now() + CONNECT_LIMIT_S;
    for (i = 0; i < g.count; i++) {
        while (g.pending >= PACE) {
            turn(100);
            if (now() > deadline) {
                fail("connecting took too long", i, 0);
            }
        }
        open_one(i);
    }
    while (g.up < g.count) {
        turn(100);
        if (now() > deadline) {
            fail("connecting took too long", g.up, 0);
        }
    }
    fprintf(stderr, "scale_load: %lu connections up in %.2f s\n", g.up, now() - (deadline - CONNECT_LIMIT_S));
    g.running = 1;
    for (i = 0; i < g.count; i++) {
        send_message(i);
    }
    start = g.echoes;
    cpu0 = cpu_self();
    server0 = server_pid > 0 ? cpu_of(server_pid) : -1;
    switches0 = server_pid > 0 ? switches_of(server_pid) : -1;
    t0 = now();
    while ((t1 = now()) - t0 < seconds) {
        turn(100);
    }
    printf("connected %lu messages %lu seconds %.3f rate %.1f load_cpu %.2f server_cpu %.2f server_switches %.0f\n",
           g.up,
           g.echoes - start, t1 - t0, (double)(g.echoes - start) / (t1 - t0), (cpu_self() - cpu0) / (t1 - t0),
           server0 < 0 ? -1.0 : (cpu_of(server_pid) - server0) / (t1 - t0),
           switches0 < 0 ? -1.0 : switches_of(server_pid) - switches0);
    fflush(stdout);
    closing = now();
    i = close_all(close_s);
    printf("closed %lu of %lu in %.2f s\n", i, g.count, now() - closing);
    free(g.c);
    close(g.epoll);
    return 0;
}
