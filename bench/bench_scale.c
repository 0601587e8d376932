/*
 * The scale bench's server: the echo server of scale_nsapi.c on the stack
 * the interface options choose (the examples' --interface, --stack), its
 * loop woken by sigio (nsapi) or its work done in sigio (nsapi-sigio), or
 * the epoll one of scale_epoll.c, for up to CONNECTIONS connections on PORT.
 * It says "listening on port PORT" once connections may come; at the first
 * end of stream, before it closes anything,
 *   rss_before_kib B rss_full_kib F connections N
 * its resident memory before the first connection and with all of them
 * open, and the most open at once; and it ends once every connection that
 * came has gone (or after SCALE_LIFETIME_S, or on SIGTERM).
 *
 * usage: bench_scale nsapi|nsapi-sigio [INTERFACE OPTIONS] PORT CONNECTIONS
 *        bench_scale epoll PORT CONNECTIONS
 * Exits 0, 1 on a failure, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/example_network.h"
#include "nsapi/nsapi.h"
#include "scale.h"

#define SPARE_DESCRIPTORS 64 /* the listener, epoll, the stack's own, stdio */

static int usage(const char *argv0)
{
    fprintf(stderr, "usage: %s nsapi|nsapi-sigio [INTERFACE OPTIONS] PORT CONNECTIONS\n", argv0);
    fprintf(stderr, "       %s epoll PORT CONNECTIONS\n", argv0);
    return 2;
}

static int parse(int argc, char **argv, unsigned *port, unsigned long *connections)
{
    char *end;

    if (argc != 4) {
        return 0;
    }
    *port = (unsigned)strtoul(argv[2], &end, 10);
    if (*end != '\0' || *port == 0 || *port > 65535) {
        return 0;
    }
    *connections = strtoul(argv[3], &end, 10);
    return *end == '\0' && *connections > 0 && *connections <= 1000000;
}

static int serve_nsapi(int argc, char **argv, bool in_sigio, struct scale_result *result)
{
    nsapi_stack_t *stack = NULL;
    unsigned long connections;
    unsigned port;
    int rc = example_network_up(&argc, argv, &stack);

    if (rc != 0) {
        return rc;
    }
    if (!parse(argc, argv, &port, &connections)) {
        example_network_down();
        return usage(argv[0]);
    }
    /* The connections and the listener; the stack's default limit is a small device's. */
    rc = nsapi_stack_set_socket_limit(stack, (unsigned)connections + 1) != NSAPI_ERROR_OK
         || scale_raise_nofile(connections + SPARE_DESCRIPTORS) != 0
         || scale_nsapi_serve(stack, port, connections, in_sigio, result) != 0;
    example_network_down();
    return rc;
}

int main(int argc, char **argv)
{
    struct scale_result result = {0, -1, 0};
    unsigned long connections;
    unsigned port;
    int rc;

    alarm(SCALE_LIFETIME_S);
    if (argc >= 2 && (strcmp(argv[1], "nsapi") == 0 || strcmp(argv[1], "nsapi-sigio") == 0)) {
        rc = serve_nsapi(argc, argv, strcmp(argv[1], "nsapi-sigio") == 0, &result);
    } else if (argc >= 2 && strcmp(argv[1], "epoll") == 0) {
        if (!parse(argc, argv, &port, &connections)) {
            return usage(argv[0]);
        }
        rc = scale_raise_nofile(connections + SPARE_DESCRIPTORS) != 0
             || scale_epoll_serve(port, connections, &result) != 0;
    } else {
        return usage(argv[0]);
    }
    return rc;
}
