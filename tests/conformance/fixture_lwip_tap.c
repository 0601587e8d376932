/*
 * Conformance fixture: lwIP on a TAP device, with the Linux kernel as the
 * peer.  Each case runs in a process of its own (Criterion forks), which
 * moves into a new network namespace, makes the TAP device there, and runs
 * openbsd-inetd's built-in echo, discard, chargen and daytime on the
 * kernel's side (it finds them by name: /etc/services, from netbase).  The
 * namespace and inetd go away with the process.  Needs root (CAP_NET_ADMIN
 * and CAP_SYS_ADMIN), as CI has.
 */
#define _GNU_SOURCE

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "fixture.h"
#include "inetd.h"
#include "nsapi/lwip.h"

#define TAP "nsapi0"
#define KERNEL4 "192.168.7.1"
#define KERNEL6 "fd07::1"
#define LWIP4 "192.168.7.2"
#define LWIP6 "fd07::2"

static nsapi_stack_t stack;

void fixture_setup(void)
{
    cr_assert_eq(geteuid(), 0, "the TAP configuration needs root to make a network namespace");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this test's own");
    cr_assert_eq(system("ip tuntap add dev " TAP " mode tap && ip addr add " KERNEL4 "/24 dev " TAP
                        " && ip -6 addr add " KERNEL6 "/64 dev " TAP " nodad && ip link set lo up"
                        " && ip link set " TAP " up"),
                 0, "the TAP device and the kernel's addresses");
    inetd_start(KERNEL4, KERNEL6, true);
    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_tap(&stack, TAP, LWIP4, KERNEL4, LWIP6), NSAPI_ERROR_OK);
    /* inetd's built-in UDP echo returns at most 4096 bytes (still 3 fragments each way). */
    fixture_describe(&stack, NSAPI_IPv4, "lwip-tap IPv4", LWIP4, KERNEL4)->udp_max = 4096;
    fixture_describe(&stack, NSAPI_IPv6, "lwip-tap IPv6", LWIP6, KERNEL6)->udp_max = 4096;
    fx->kernel = KERNEL4;
}

void fixture_teardown(void)
{
    cr_expect_eq(stack.sockets, 0, "every nsapi socket was closed");
    cr_expect_eq(nsapi_lwip_open_sockets(&stack), 0, "lwIP holds no socket");
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
    inetd_stop();
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_lwip_open_sockets(&stack);
}
