#define _GNU_SOURCE

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "udp_peer.h"

enum { V4_ECHO, V4_DISCARD, V6_ECHO, V6_DISCARD, STOP, FDS };

static struct pollfd fds[FDS];
static int stop_pipe[2];
static pthread_t thread;

static int bound(int family, uint16_t port)
{
    struct sockaddr_storage ss;
    socklen_t length;
    int fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0), on = 1;

    memset(&ss, 0, sizeof ss);
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;

        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        length = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        in6->sin6_addr = in6addr_loopback;
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
        length = sizeof *in6;
    }
    cr_assert_eq(bind(fd, (struct sockaddr *)&ss, length), 0, "UDP peer on port %u", port);
    return fd;
}

static void *serve(void *arg)
{
    static unsigned char buf[65536];

    (void)arg;
    while (poll(fds, FDS, -1) >= 0 && !fds[STOP].revents) {
        int i;

        for (i = 0; i < STOP; i++) {
            struct sockaddr_storage from;
            socklen_t length = sizeof from;
            ssize_t n;

            if (!(fds[i].revents & POLLIN)) {
                continue;
            }
            n = recvfrom(fds[i].fd, buf, sizeof buf, MSG_DONTWAIT, (struct sockaddr *)&from, &length);
            if (n >= 0 && (i == V4_ECHO || i == V6_ECHO)) {
                sendto(fds[i].fd, buf, (size_t)n, 0, (struct sockaddr *)&from, length);
            }
        }
    }
    return NULL;
}

void udp_peer_start(void)
{
    int i;

    cr_assert_eq(pipe2(stop_pipe, O_CLOEXEC), 0);
    fds[V4_ECHO].fd = bound(AF_INET, 7);
    fds[V4_DISCARD].fd = bound(AF_INET, 9);
    fds[V6_ECHO].fd = bound(AF_INET6, 7);
    fds[V6_DISCARD].fd = bound(AF_INET6, 9);
    fds[STOP].fd = stop_pipe[0];
    for (i = 0; i < FDS; i++) {
        fds[i].events = POLLIN;
    }
    cr_assert_eq(pthread_create(&thread, NULL, serve, NULL), 0);
}

void udp_peer_stop(void)
{
    int i;

    if (write(stop_pipe[1], "", 1) == 1) {
        pthread_join(thread, NULL);
    }
    for (i = 0; i < FDS; i++) {
        close(fds[i].fd);
    }
    close(stop_pipe[1]);
}
