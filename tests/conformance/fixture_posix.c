/*
 * Conformance fixture: the POSIX backend on the kernel's own loopback.
 * Each case runs in a process of its own (Criterion forks), which moves
 * into a new network namespace (so ports and services never meet the
 * host's), brings up lo, and runs openbsd-inetd's built-in TCP services
 * and udp_peer.c's UDP echo and discard on 127.0.0.1 and ::1.  Needs root, as CI has.  Teardown also checks that
 * the backend closed every descriptor it opened.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "fixture.h"
#include "inetd.h"
#include "nsapi/posix.h"
#include "udp_peer.h"

#define IPV4 "127.0.0.1"
#define IPV6 "::1"

static nsapi_stack_t stack;
static int descriptors;

static int count_descriptors(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;

    cr_assert_not_null(d, "/proc/self/fd");
    while (readdir(d) != NULL) {
        n++;
    }
    closedir(d);
    return n;
}

void fixture_setup(void)
{
    cr_assert_eq(geteuid(), 0, "the POSIX configuration needs root to make a network namespace");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this test's own");
    /* lo carries multicast here, as an Ethernet interface would on a host. */
    cr_assert_eq(system("ip link set lo up && ip link set lo multicast on"
                        " && ip route add 224.0.0.0/4 dev lo && ip -6 route add ff00::/8 dev lo table local"),
                 0, "loopback up, with multicast routes");
    inetd_start(IPV4, IPV6, false);
    udp_peer_start();
    descriptors = count_descriptors();
    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    fixture_describe(&stack, NSAPI_IPv4, "posix IPv4", IPV4, IPV4)->tcp_buffers = true;
    fixture_describe(&stack, NSAPI_IPv6, "posix IPv6", IPV6, IPV6)->tcp_buffers = true;
    fx->kernel = IPV4;
}

void fixture_teardown(void)
{
    cr_expect_eq(stack.sockets, 0, "every nsapi socket was closed");
    cr_expect_eq(nsapi_posix_open_sockets(&stack), 0, "the backend holds no socket");
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
    cr_expect_eq(count_descriptors(), descriptors, "every descriptor the backend opened is closed");
    udp_peer_stop();
    inetd_stop();
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_posix_open_sockets(&stack);
}
