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
static struct fixture fixtures[2];
static int descriptors;
struct fixture *fx;

static void describe(struct fixture *f, nsapi_version_t version, const char *ip)
{
    static const uint16_t ports[SERVICES] = {7, 9, 19, 13};
    int i;

    memset(f, 0, sizeof *f);
    f->stack = &stack;
    f->version = version;
    f->name = version == NSAPI_IPv4 ? "posix IPv4" : "posix IPv6";
    f->udp_max = 60000;
    f->tcp_buffers = true;
    nsapi_socket_address_set_ip_address(&f->local, ip);
    for (i = 0; i < SERVICES; i++) {
        f->tcp[i] = f->udp[i] = f->local;
        nsapi_socket_address_set_port(&f->tcp[i], ports[i]);
        nsapi_socket_address_set_port(&f->udp[i], ports[i]);
    }
    f->closed = f->local;
    nsapi_socket_address_set_port(&f->closed, 1);
}

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
    describe(&fixtures[0], NSAPI_IPv4, IPV4);
    describe(&fixtures[1], NSAPI_IPv6, IPV6);
    fx = &fixtures[0];
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

void fixture_use(nsapi_version_t version)
{
    fx = &fixtures[version == NSAPI_IPv6];
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_posix_open_sockets(&stack);
}
