/*
 * The scale bench's baseline: the echo server of scale_nsapi.c written
 * directly on Linux's epoll and kernel sockets, with the same protocol,
 * buffers and rules: one thread, edge-triggered readiness (as the POSIX
 * backend watches), room to send watched only once a send found none, a
 * connection served until a recv finds nothing (EAGAIN), the connections
 * in one array allocated once.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scale.h"

#define WATCH (EPOLLIN | EPOLLRDHUP | EPOLLET)

struct conn {
    int fd;
    bool open;
    bool watching_writes;
    uint16_t start, end;     /* received, not yet sent back */
    unsigned char buf[SCALE_BUFFER];
};

static struct {
    int epoll, listener;
    struct conn *conns;
    uint32_t *free;          /* indices of closed connections, a stack */
    unsigned long limit, used, free_count, open;
    struct scale_result *result;
} srv;

static struct conn *take_slot(void)
{
    if (srv.free_count > 0) {
        return &srv.conns[srv.free[--srv.free_count]];
    }
    return srv.used < srv.limit ? &srv.conns[srv.used++] : NULL;
}

static void accept_all(void)
{
    struct conn *c;

    while ((c = take_slot()) != NULL) {
        struct epoll_event watch = {.events = WATCH, .data.ptr = c};

        c->fd = accept4(srv.listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (c->fd < 0 || epoll_ctl(srv.epoll, EPOLL_CTL_ADD, c->fd, &watch) != 0) {
            if (c->fd >= 0) {
                close(c->fd);
            }
            srv.free[srv.free_count++] = (uint32_t)(c - srv.conns);
            return; /* none waiting (EAGAIN): the listener's next event says when */
        }
        c->open = true;
        c->watching_writes = false;
        c->start = c->end = 0;
        if (++srv.open > srv.result->connections) {
            srv.result->connections = srv.open;
        }
    }
}

static void finish(struct conn *c)
{
    if (srv.result->rss_full_kib < 0) {
        scale_report(srv.result); /* the first end of stream: every connection still open */
    }
    close(c->fd);
    c->open = false;
    srv.open--;
    srv.free[srv.free_count++] = (uint32_t)(c - srv.conns);
}

/* After a send found no room: watch for room from now on. */
static bool want_write(struct conn *c)
{
    struct epoll_event watch = {.events = WATCH | EPOLLOUT, .data.ptr = c};

    if (c->watching_writes) {
        return true;
    }
    c->watching_writes = true;
    return epoll_ctl(srv.epoll, EPOLL_CTL_MOD, c->fd, &watch) == 0;
}

/* Echo what is waiting on c; false once it has ended. */
static bool serve(struct conn *c)
{
    for (;;) {
        ssize_t n;

        if (c->start < c->end) {
            n = send(c->fd, c->buf + c->start, (size_t)(c->end - c->start), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0) {
                return errno == EAGAIN ? want_write(c) : false;
            }
            c->start = (uint16_t)(c->start + n);
            continue;
        }
        n = recv(c->fd, c->buf, SCALE_BUFFER, MSG_DONTWAIT);
        if (n < 0 && errno == EAGAIN) {
            return true;
        }
        if (n <= 0) {
            return false;
        }
        c->start = 0;
        c->end = (uint16_t)n;
    }
}

static int listen_on(unsigned port)
{
    struct sockaddr_in6 any = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
    struct epoll_event watch = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};
    int off = 0;

    /* Dual-stack, as the POSIX backend opens its sockets. */
    srv.listener = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    srv.epoll = epoll_create1(EPOLL_CLOEXEC);
    if (srv.listener < 0 || srv.epoll < 0
        || setsockopt(srv.listener, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) != 0
        || bind(srv.listener, (struct sockaddr *)&any, sizeof any) != 0 || listen(srv.listener, SCALE_BACKLOG) != 0
        || epoll_ctl(srv.epoll, EPOLL_CTL_ADD, srv.listener, &watch) != 0) {
        fprintf(stderr, "scale_epoll: listen on port %u: %s\n", port, strerror(errno));
        return 1;
    }
    return 0;
}

int scale_epoll_serve(unsigned port, unsigned long limit, struct scale_result *result)
{
    struct epoll_event events[SCALE_EVENTS];

    srv.limit = limit;
    srv.result = result;
    result->rss_full_kib = -1;
    srv.conns = calloc(limit, sizeof *srv.conns);
    srv.free = calloc(limit, sizeof *srv.free);
    if (srv.conns == NULL || srv.free == NULL || listen_on(port) != 0) {
        free(srv.conns);
        free(srv.free);
        return 1; /* the process ends: its descriptors go with it */
    }
    result->rss_before_kib = scale_rss_kib();
    printf("listening on port %u\n", port);
    fflush(stdout);
    while (srv.open > 0 || result->connections == 0) {
        int n = epoll_wait(srv.epoll, events, SCALE_EVENTS, SCALE_IDLE_MS), i;

        for (i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;

            if (c == NULL) {
                accept_all();
            } else if (c->open && !serve(c)) {
                finish(c); /* an event after this in the batch finds it closed, or reused: one recv too many */
            }
        }
    }
    close(srv.listener);
    close(srv.epoll);
    free(srv.conns);
    free(srv.free);
    return 0;
}
