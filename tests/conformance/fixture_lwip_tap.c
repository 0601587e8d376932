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

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "fixture.h"
#include "nsapi/lwip.h"

#define TAP "nsapi0"
#define KERNEL4 "192.168.7.1"
#define KERNEL6 "fd07::1"
#define LWIP4 "192.168.7.2"
#define LWIP6 "fd07::2"

static nsapi_stack_t stack;
static struct fixture fixtures[2];
struct fixture *fx;
static pid_t inetd = -1;
static char config[] = "/tmp/nsapi-inetd-XXXXXX";

static void describe(struct fixture *f, nsapi_version_t version, const char *lwip, const char *kernel)
{
    static const uint16_t ports[SERVICES] = {7, 9, 19, 13};
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    int i;

    memset(f, 0, sizeof *f);
    f->stack = &stack;
    f->version = version;
    f->name = version == NSAPI_IPv4 ? "lwip-tap IPv4" : "lwip-tap IPv6";
    f->udp_max = 4096; /* inetd's built-in UDP echo returns at most 4096 bytes (still 3 fragments each way) */
    nsapi_socket_address_set_ip_address(&f->local, lwip);
    nsapi_socket_address_set_ip_address(&peer, kernel);
    for (i = 0; i < SERVICES; i++) {
        f->tcp[i] = f->udp[i] = peer;
        nsapi_socket_address_set_port(&f->tcp[i], ports[i]);
        nsapi_socket_address_set_port(&f->udp[i], ports[i]);
    }
    f->closed = peer;
    nsapi_socket_address_set_port(&f->closed, 1);
}

static void start_inetd(void)
{
    static const char *const services[] = {"echo stream tcp", "discard stream tcp", "chargen stream tcp",
                                           "daytime stream tcp", "echo dgram udp", "discard dgram udp"};
    FILE *f;
    int fd = mkstemp(config);
    size_t i;

    cr_assert_geq(fd, 0, "a temporary inetd.conf");
    f = fdopen(fd, "w");
    for (i = 0; i < sizeof services / sizeof services[0]; i++) {
        const char *wait = strstr(services[i], "dgram") ? "wait" : "nowait";
        char name[32];
        const char *kind;

        sscanf(services[i], "%31s", name);
        kind = services[i] + strlen(name) + 1;
        fprintf(f, KERNEL4 ":%s %s %s root internal\n", name, kind, wait);
        fprintf(f, "[" KERNEL6 "]:%s %s6 %s root internal\n", name, kind, wait);
    }
    fclose(f);
    inetd = fork();
    if (inetd == 0) {
        int null = open("/dev/null", O_RDWR);

        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the case, even one that fails in its setup */
        dup2(null, 0); /* nor hold the test runner's output pipes open */
        dup2(null, 1);
        dup2(null, 2);
        execl("/usr/sbin/inetd", "inetd", "-i", config, (char *)NULL);
        _exit(127);
    }
    cr_assert_gt(inetd, 0, "inetd started");
}

/* Wait (at most 5 s) until the kernel's echo service accepts connections. */
static void wait_for_services(void)
{
    struct sockaddr_in echo = {.sin_family = AF_INET, .sin_port = htons(7)};
    struct timespec pause = {0, 20 * 1000000L};
    int i, up = 0;

    inet_pton(AF_INET, KERNEL4, &echo.sin_addr);
    for (i = 0; i < 250 && !up; i++) {
        int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

        up = connect(s, (struct sockaddr *)&echo, sizeof echo) == 0;
        close(s);
        if (!up) {
            nanosleep(&pause, NULL);
        }
    }
    cr_assert(up, "inetd answers on " KERNEL4 ":7");
}

void fixture_setup(void)
{
    cr_assert_eq(geteuid(), 0, "the TAP configuration needs root to make a network namespace");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this test's own");
    cr_assert_eq(system("ip tuntap add dev " TAP " mode tap && ip addr add " KERNEL4 "/24 dev " TAP
                        " && ip -6 addr add " KERNEL6 "/64 dev " TAP " nodad && ip link set lo up"
                        " && ip link set " TAP " up"),
                 0, "the TAP device and the kernel's addresses");
    start_inetd();
    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_tap(&stack, TAP, LWIP4, KERNEL4, LWIP6), NSAPI_ERROR_OK);
    describe(&fixtures[0], NSAPI_IPv4, LWIP4, KERNEL4);
    describe(&fixtures[1], NSAPI_IPv6, LWIP6, KERNEL6);
    fx = &fixtures[0];
    wait_for_services();
}

void fixture_teardown(void)
{
    cr_expect_eq(stack.sockets, 0, "every nsapi socket was closed");
    cr_expect_eq(nsapi_lwip_open_sockets(), 0, "lwIP holds no socket");
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
    if (inetd > 0) {
        kill(inetd, SIGTERM);
        waitpid(inetd, NULL, 0);
    }
    unlink(config);
}

void fixture_use(nsapi_version_t version)
{
    fx = &fixtures[version == NSAPI_IPv6];
}

unsigned fixture_backend_sockets(void)
{
    return nsapi_lwip_open_sockets();
}
