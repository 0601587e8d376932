/*
 * The scale bench (bench_scale, scale_load): one echo server holding many
 * TCP connections at once, written on nsapi (scale_nsapi.c) and directly on
 * epoll (scale_epoll.c) with the same protocol and buffers, and a kernel-side
 * load generator that opens the connections and keeps one message in flight
 * on each.  What the two servers and the generator share is here.
 */
#ifndef SCALE_H
#define SCALE_H

#include <stdbool.h>

#define SCALE_MESSAGE 64        /* bytes a message: the generator's, echoed whole */
#define SCALE_BUFFER 512        /* bytes a connection's server buffer: room for 8 messages */
#define SCALE_BACKLOG 255       /* the listen queue: the most nsapi_tcp_server_listen() takes */
#define SCALE_EVENTS 64         /* events one epoll_wait takes, as the POSIX backend's thread takes */
#define SCALE_IDLE_MS 200       /* how often an idle server looks at its stop condition */
#define SCALE_LIFETIME_S 300    /* a server that runs longer ends itself: nothing outlives a failed run */

/* The process's resident set, in KiB, from /proc/self/statm; -1 if unreadable. */
long scale_rss_kib(void);

/* Raise the soft limit of descriptors to want, within the hard limit.  0, or -1 (said on stderr). */
int scale_raise_nofile(unsigned long want);

/*
 * What a server measures: the RSS before the first connection, and with
 * every connection open, taken at the first end of stream (the generator
 * closes its connections only once the exchange is over); connections: the
 * most open at once.
 */
struct scale_result {
    long rss_before_kib, rss_full_kib;
    unsigned long connections;
};

/* Take rss_full_kib now and print "rss_before_kib B rss_full_kib F connections N" (flushed): the
 * server's figures, printed before it closes anything, whether or not it gets to end. */
void scale_report(struct scale_result *result);

/* An echo server on an nsapi stack, listening on port for up to limit connections, until every one
 * that came has gone and at least one came; in_sigio: served in the sigio callbacks rather than by
 * a loop they wake.  0, or 1 (said on stderr). */
struct nsapi_stack;
int scale_nsapi_serve(struct nsapi_stack *stack, unsigned port, unsigned long limit, bool in_sigio,
                      struct scale_result *result);

/* The same server directly on Linux's epoll and kernel sockets. */
int scale_epoll_serve(unsigned port, unsigned long limit, struct scale_result *result);

#endif
