/*
 * The POSIX backend's NetworkInterface (posix_interface.c) over real kernel interfaces: each case
 * runs in a network namespace of its own with a veth pair v0-v1 (v1 the peer end, 10.9.0.2), and
 * changes them with ip(8) while the interface watches.  The runtime's interface rules that need a
 * real backend (twice, while down, listeners, deinit from a callback) run here too.  Needs root.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "nsapi/nsapi.h"
#include "nsapi/posix.h"
#include "nsapi/stack_api.h"

#define EVENTS 32
#define WAIT_MS 5000 /* for an event the kernel's change brings: far above the milliseconds it takes */

static nsapi_stack_t stack;
static nsapi_interface_t interface;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int events[EVENTS];
static unsigned seen;

/* Run a shell command, which must succeed. */
static void sh(const char *format, ...)
{
    char command[512];
    va_list args;

    va_start(args, format);
    vsnprintf(command, sizeof command, format, args);
    va_end(args);
    cr_assert_eq(system(command), 0, "%s", command);
}

static void record(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)context;
    cr_expect_eq(event, NSAPI_EVENT_CONNECTION_STATUS_CHANGE);
    pthread_mutex_lock(&lock);
    if (seen < EVENTS) {
        events[seen] = (int)argument;
    }
    seen++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

/* Wait up to timeout_ms for more than `after` events; the count then. */
static unsigned wait_events(unsigned after, int timeout_ms)
{
    struct timespec until = deadline_ms(timeout_ms);
    unsigned n;

    pthread_mutex_lock(&lock);
    while (seen <= after && pthread_cond_timedwait(&changed, &lock, &until) == 0) {
    }
    n = seen;
    pthread_mutex_unlock(&lock);
    return n;
}

/* Wait for the event at place `at` and check that it is status. */
static void expect_event(unsigned at, nsapi_connection_status_t status)
{
    cr_assert_gt(wait_events(at, WAIT_MS), at, "event %u (status %d) within %d ms", at, status, WAIT_MS);
    pthread_mutex_lock(&lock);
    cr_expect_eq(events[at], status, "event %u: %d, want %d", at, events[at], status);
    pthread_mutex_unlock(&lock);
}

static void setup(void)
{
    cr_assert_eq(geteuid(), 0, "network namespaces need root");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this case's own");
    /* No duplicate address detection: link-local addresses usable at once, as on a trusted link. */
    sh("sysctl -qw net.ipv6.conf.default.accept_dad=0 && ip link set lo up"
       " && ip link add v0 type veth peer name v1 && ip addr add 10.9.0.2/24 dev v1 && ip link set v1 up");
    memset(&stack, 0, sizeof stack);
    memset(&interface, 0, sizeof interface);
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
    seen = 0;
}

static void teardown(void)
{
    if (interface.api != NULL) {
        cr_expect_eq(nsapi_interface_deinit(&interface), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
}

TestSuite(posix_interface, .init = setup, .fini = teardown, .timeout = 30);

static void expect_address(nsapi_error_t (*get)(nsapi_interface_t *, nsapi_socket_address_t *), const char *want)
{
    nsapi_socket_address_t got;
    char text[NSAPI_IP_SIZE];

    memset(&got, 0, sizeof got);
    cr_assert_eq(get(&interface, &got), NSAPI_ERROR_OK, "want %s", want);
    cr_assert_gt(nsapi_socket_address_get_ip_address(&got, text, sizeof text), 0);
    cr_expect_str_eq(text, want);
}

/* v0 up with 10.9.0.1/24, a known MAC and the default route through 10.9.0.254. */
static void configure_v0(void)
{
    sh("ip link set v0 address 02:00:5e:10:00:01 && ip addr add 10.9.0.1/24 dev v0 && ip link set v0 up"
       " && ip route add default via 10.9.0.254 dev v0");
}

Test(posix_interface, connect_gives_the_kernels_addresses_name_and_mac)
{
    char text[64];
    nsapi_socket_address_t got;
    int i;

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(interface.dhcp, 0, "DHCP off: the OS owns the addresses");
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_GLOBAL_UP);
    cr_expect_eq(nsapi_interface_get_stack(&interface), &stack);
    expect_address(nsapi_interface_get_ip_address, "10.9.0.1");
    expect_address(nsapi_interface_get_netmask, "255.255.255.0");
    expect_address(nsapi_interface_get_gateway, "10.9.0.254");
    cr_assert_eq(nsapi_interface_get_mac_address(&interface, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, "02:00:5e:10:00:01");
    cr_assert_eq(nsapi_interface_get_interface_name(&interface, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, "v0");
    /* The kernel makes the link-local address from the MAC (EUI-64) once the link is up. */
    memset(&got, 0, sizeof got);
    for (i = 0; i < 200 && nsapi_interface_get_ipv6_link_local_address(&interface, &got) != NSAPI_ERROR_OK; i++) {
        sleep_ms(10);
    }
    cr_assert_gt(nsapi_socket_address_get_ip_address(&got, text, sizeof text), 0, "a link-local address in 2 s");
    cr_expect_str_eq(text, "fe80::5eff:fe10:1");
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_DISCONNECTED);
    sh("ip link show v0 | grep -q ',UP'"); /* disconnect leaves the kernel's interface as it was */
}

Test(posix_interface, a_global_ipv6_address_alone_is_global_up)
{
    sh("ip link set v0 addrgenmode none && ip link set v0 up && ip -6 addr add 2001:db8:9::1/64 dev v0");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_timeout(&interface, 3000), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    expect_address(nsapi_interface_get_ip_address, "2001:db8:9::1");
    cr_expect_eq(nsapi_interface_get_netmask(&interface, &(nsapi_socket_address_t){0}), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_interface_get_gateway(&interface, &(nsapi_socket_address_t){0}), NSAPI_ERROR_NO_ADDRESS);
}

Test(posix_interface, an_ipv4_link_local_address_alone_is_local_up)
{
    sh("ip link set v0 addrgenmode none && ip link set v0 up && ip addr add 169.254.3.4/16 dev v0");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_blocking(&interface, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    expect_event(0, NSAPI_STATUS_CONNECTING);
    expect_event(1, NSAPI_STATUS_LOCAL_UP);
    expect_address(nsapi_interface_get_ip_address, "169.254.3.4");
    expect_address(nsapi_interface_get_netmask, "255.255.0.0");
}

Test(posix_interface, an_ipv6_address_in_duplicate_address_detection_does_not_count_yet)
{
    nsapi_socket_address_t got;

    /* DAD on v0 (the case's default is off): the kernel probes for a second before the address is usable. */
    sh("ip link set v0 addrgenmode none && sysctl -qw net.ipv6.conf.v0.accept_dad=1 && ip link set v0 up");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_blocking(&interface, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    expect_event(0, NSAPI_STATUS_CONNECTING);
    sh("ip -6 addr add 2001:db8:9::1/64 dev v0 && ip -6 addr show dev v0 | grep -q tentative");
    memset(&got, 0, sizeof got);
    cr_expect_eq(nsapi_interface_get_ip_address(&interface, &got), NSAPI_ERROR_NO_ADDRESS, "tentative");
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_CONNECTING);
    expect_event(1, NSAPI_STATUS_GLOBAL_UP); /* the kernel's message when DAD ends */
    expect_address(nsapi_interface_get_ip_address, "2001:db8:9::1");
}

Test(posix_interface, link_down_and_up_and_carrier_loss_are_events_in_order)
{
    unsigned n;

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_attach(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    expect_event(0, NSAPI_STATUS_CONNECTING);
    expect_event(1, NSAPI_STATUS_GLOBAL_UP);
    sh("ip link set v0 down");
    expect_event(2, NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_DISCONNECTED);
    sh("ip link set v0 up"); /* the IPv4 address stayed: up with it at once */
    expect_event(3, NSAPI_STATUS_GLOBAL_UP);
    sh("ip link set v1 down"); /* the peer end: v0 stays up but loses its carrier */
    expect_event(4, NSAPI_STATUS_DISCONNECTED);
    sh("ip link set v1 up");
    expect_event(5, NSAPI_STATUS_GLOBAL_UP);
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_OK);
    expect_event(6, NSAPI_STATUS_DISCONNECTED);
    /* Down: the kernel's changes are no events any more. */
    sh("ip link set v0 down && ip link set v0 up");
    n = wait_events(7, 300);
    cr_expect_eq(n, 7, "no event after disconnect, %u seen", n);
}

Test(posix_interface, blocking_connect_without_an_address_fails_within_its_time)
{
    long start;

    sh("ip link set v0 addrgenmode none && ip link set v0 up");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_timeout(&interface, 1000), NSAPI_ERROR_OK);
    start = now_ms();
    cr_expect_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_geq(now_ms() - start, 900);
    cr_expect_lt(now_ms() - start, 3000);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(nsapi_interface_get_ip_address(&interface, &(nsapi_socket_address_t){0}), NSAPI_ERROR_NO_ADDRESS);
}

Test(posix_interface, nonblocking_connect_returns_at_once_and_addresses_bring_it_up)
{
    long start;

    sh("ip link set v0 addrgenmode none && ip link set v0 up");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_blocking(&interface, false), NSAPI_ERROR_OK);
    start = now_ms();
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    cr_expect_lt(now_ms() - start, 500, "returns at once");
    expect_event(0, NSAPI_STATUS_CONNECTING);
    cr_expect_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_BUSY, "coming up already");
    sh("ip -6 addr add fe80::9/64 dev v0");
    expect_event(1, NSAPI_STATUS_LOCAL_UP);
    expect_address(nsapi_interface_get_ipv6_link_local_address, "fe80::9");
    cr_expect_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_IS_CONNECTED);
    sh("ip addr add 10.9.0.1/24 dev v0");
    expect_event(2, NSAPI_STATUS_GLOBAL_UP);
    expect_address(nsapi_interface_get_ip_address, "10.9.0.1");
    sh("ip addr del 10.9.0.1/24 dev v0");
    expect_event(3, NSAPI_STATUS_LOCAL_UP);
}

Test(posix_interface, what_the_os_owns_is_unsupported)
{
    nsapi_socket_address_t ip;
    const uint8_t mac[NSAPI_MAC_BYTES] = {2, 0, 0x5e, 0x10, 0, 9};
    char text[NSAPI_MAC_SIZE];

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    memset(&ip, 0, sizeof ip);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&ip, "10.9.0.7"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_set_network(&interface, &ip, NULL, NULL), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_dhcp(&interface, true), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_dhcp(&interface, false), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(interface.dhcp, 0);
    cr_expect_eq(nsapi_interface_set_mac_address(&interface, mac, sizeof mac), NSAPI_ERROR_UNSUPPORTED);
    cr_assert_eq(nsapi_interface_get_mac_address(&interface, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, "02:00:5e:10:00:01", "the kernel's address is unchanged");
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_set_mac_address(&interface, mac, sizeof mac), NSAPI_ERROR_UNSUPPORTED, "not BUSY");
    cr_expect_eq(nsapi_interface_set_network(&interface, &ip, NULL, NULL), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_dhcp(&interface, true), NSAPI_ERROR_UNSUPPORTED);
}

Test(posix_interface, names_the_kernel_does_not_know_and_other_bad_input)
{
    nsapi_stack_t other;

    cr_expect_eq(nsapi_posix_interface_init(&interface, &stack, "nosuch0"), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_eq(nsapi_posix_interface_init(&interface, &stack, ""), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_posix_interface_init(&interface, &stack, "a-name-far-too-long"), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_posix_interface_init(NULL, &stack, "v0"), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_posix_interface_init(&interface, NULL, "v0"), NSAPI_ERROR_PARAMETER);
    memset(&other, 0, sizeof other);
    cr_expect_eq(nsapi_posix_interface_init(&interface, &other, "v0"), NSAPI_ERROR_PARAMETER, "not a POSIX stack");
    cr_expect_null(interface.api, "nothing made");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_PARAMETER, "made already");
}

Test(posix_interface, no_name_picks_the_default_routes_interface_ipv4_first)
{
    char name[NSAPI_INTERFACE_NAME_SIZE];

    cr_expect_eq(nsapi_posix_interface_init(&interface, &stack, NULL), NSAPI_ERROR_NO_CONNECTION, "no default route");
    sh("ip link add w0 type veth peer name w1 && ip link set w0 up && ip link set w1 up"
       " && ip -6 addr add 2001:db8:7::1/64 dev w0 nodad && ip -6 route add default via 2001:db8:7::2 dev w0");
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_interface_name(&interface, name, sizeof name), NSAPI_ERROR_OK);
    cr_expect_str_eq(name, "w0", "IPv6's default route when IPv4 has none");
    cr_assert_eq(nsapi_interface_deinit(&interface), NSAPI_ERROR_OK);
    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_interface_name(&interface, name, sizeof name), NSAPI_ERROR_OK);
    cr_expect_str_eq(name, "v0", "IPv4's default route first");
}

Test(posix_interface, sockets_on_its_stack_reach_a_peer)
{
    nsapi_socket_address_t local, peer;
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons(7007)};
    nsapi_tcp_socket_t socket_;
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1, accepted;
    struct timeval second = {3, 0};
    char text[8] = "";

    configure_v0();
    /* The peer: a kernel listener on v1's address. */
    inet_pton(AF_INET, "10.9.0.2", &at.sin_addr);
    cr_assert_geq(listener, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &second, sizeof second); /* bounds accept */
    cr_assert_eq(bind(listener, (struct sockaddr *)&at, sizeof at), 0);
    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    memset(&socket_, 0, sizeof socket_);
    cr_assert_eq(nsapi_tcp_socket_open(&socket_, nsapi_interface_get_stack(&interface)), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_set_timeout((nsapi_socket_t *)&socket_, 3000), NSAPI_ERROR_OK);
    memset(&local, 0, sizeof local);
    cr_assert_eq(nsapi_interface_get_ip_address(&interface, &local), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_bind(&socket_, &local), NSAPI_ERROR_OK, "bound to the interface's address");
    memset(&peer, 0, sizeof peer);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&peer, "10.9.0.2"), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&peer, 7007);
    cr_assert_eq(nsapi_tcp_socket_connect(&socket_, &peer), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_send(&socket_, "hi", 2), 2);
    accepted = accept(listener, NULL, NULL);
    cr_assert_geq(accepted, 0);
    setsockopt(accepted, SOL_SOCKET, SO_RCVTIMEO, &second, sizeof second);
    cr_expect_eq(recv(accepted, text, 2, MSG_WAITALL), 2);
    cr_expect_str_eq(text, "hi");
    cr_expect_eq(nsapi_tcp_socket_close(&socket_), NSAPI_ERROR_OK);
    close(accepted);
    close(listener);
}

Test(posix_interface, loopback_is_up_and_has_no_mac)
{
    char text[NSAPI_MAC_SIZE];

    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "lo"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    expect_address(nsapi_interface_get_ip_address, "127.0.0.1");
    cr_expect_eq(nsapi_interface_get_mac_address(&interface, text, sizeof text), NSAPI_ERROR_UNSUPPORTED);
}

/* ---- the runtime's interface rules, on a real backend ------------------------------------- */

static void other(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)event;
    (void)argument;
    (void)context;
}

Test(posix_interface, twice_while_down_and_listeners)
{
    unsigned k;

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_NO_CONNECTION, "down already");
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_NO_CONNECTION);
    /* Listeners: the same one twice is one; places beside attach's run out. */
    cr_expect_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    for (k = 1; k < NSAPI_INTERFACE_LISTENERS - 1; k++) {
        cr_expect_eq(nsapi_interface_add_event_listener(&interface, other, (void *)(uintptr_t)k), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_interface_add_event_listener(&interface, other, &interface), NSAPI_ERROR_NO_MEMORY);
    cr_expect_eq(nsapi_interface_remove_event_listener(&interface, other, &interface), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_interface_remove_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_remove_event_listener(&interface, record, NULL), NSAPI_ERROR_NO_ADDRESS);
    cr_expect_eq(nsapi_interface_add_event_listener(&interface, other, &interface), NSAPI_ERROR_OK, "a place freed");
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&interface), NSAPI_STATUS_GLOBAL_UP);
}

static nsapi_error_t deinit_result = NSAPI_ERROR_OK;
static nsapi_error_t disconnect_result = NSAPI_ERROR_OK;

/*
 * Connect (blocking), and wait until the GLOBAL_UP that ended it has been told to the callbacks: connect
 * returns when the status changes, and the backend's thread may still be delivering the event, to a
 * callback attached meanwhile too.  A callback attached after this hears only what comes next.
 */
static void connect_and_settle(void)
{
    unsigned n = 0, tries;
    bool up = false;

    cr_assert_eq(nsapi_interface_add_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&interface), NSAPI_ERROR_OK);
    for (tries = 0; !up && tries < 4; tries++) { /* CONNECTING, perhaps LOCAL_UP, GLOBAL_UP */
        unsigned more = wait_events(n, WAIT_MS);

        if (more == n || more > EVENTS) {
            break;
        }
        n = more;
        pthread_mutex_lock(&lock);
        up = events[n - 1] == NSAPI_STATUS_GLOBAL_UP;
        pthread_mutex_unlock(&lock);
    }
    cr_assert(up, "GLOBAL_UP delivered within %d ms", WAIT_MS);
    cr_assert_eq(nsapi_interface_remove_event_listener(&interface, record, NULL), NSAPI_ERROR_OK);
    pthread_mutex_lock(&lock);
    seen = 0;
    pthread_mutex_unlock(&lock);
}

/* On the link's loss, in the backend's thread: deinit is refused, disconnect works. */
static void leave(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)event;
    if (argument == NSAPI_STATUS_DISCONNECTED && context != NULL) {
        deinit_result = nsapi_interface_deinit(&interface);
        disconnect_result = nsapi_interface_disconnect(&interface);
    }
    record(event, argument, NULL);
}

Test(posix_interface, deinit_from_a_callback_is_busy_and_disconnect_from_the_backends_thread_works)
{
    unsigned n;

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    connect_and_settle();
    cr_assert_eq(nsapi_interface_attach(&interface, leave, &interface), NSAPI_ERROR_OK);
    sh("ip link set v0 down");
    expect_event(0, NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(deinit_result, NSAPI_ERROR_BUSY);
    cr_expect_eq(disconnect_result, NSAPI_ERROR_OK, "the link's loss leaves the interface wanted until then");
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_NO_CONNECTION, "down already");
    sh("ip link set v0 up");
    n = wait_events(1, 300);
    cr_expect_eq(n, 1, "no event after the callback's disconnect, %u seen", n);
}

static int in_callback;
static nsapi_error_t reconnect_result = NSAPI_ERROR_DEVICE_ERROR;

/* On the link's loss, in the backend's thread: let the test disconnect meanwhile, then reconnect. */
static void reconnect(nsapi_event_t event, intptr_t argument, void *context)
{
    if (argument == NSAPI_STATUS_DISCONNECTED && context != NULL
        && !__atomic_exchange_n(&in_callback, 1, __ATOMIC_ACQ_REL)) {
        sleep_ms(300);
        nsapi_interface_set_blocking(&interface, false);
        reconnect_result = nsapi_interface_connect(&interface);
    }
    record(event, argument, NULL);
}

Test(posix_interface, disconnect_while_a_callback_reconnects_does_not_deadlock)
{
    long start;
    int i;

    configure_v0();
    cr_assert_eq(nsapi_posix_interface_init(&interface, &stack, "v0"), NSAPI_ERROR_OK);
    connect_and_settle();
    cr_assert_eq(nsapi_interface_attach(&interface, reconnect, &interface), NSAPI_ERROR_OK);
    sh("ip link set v0 down");
    for (i = 0; i < 500 && !__atomic_load_n(&in_callback, __ATOMIC_ACQUIRE); i++) {
        sleep_ms(10);
    }
    cr_assert(__atomic_load_n(&in_callback, __ATOMIC_ACQUIRE), "the link's loss reached the callback in 5 s");
    start = now_ms();
    cr_expect_eq(nsapi_interface_disconnect(&interface), NSAPI_ERROR_OK);
    cr_expect_lt(now_ms() - start, 2000, "disconnect does not wait for the callback");
    expect_event(0, NSAPI_STATUS_DISCONNECTED); /* the link's, once the callback returns */
    expect_event(1, NSAPI_STATUS_CONNECTING);   /* the callback's connect, after the disconnect */
    cr_expect_eq(reconnect_result, NSAPI_ERROR_OK);
    expect_event(2, NSAPI_STATUS_DISCONNECTED); /* what the kernel says after that up: the link is down */
    sh("ip link set v0 up");
    expect_event(3, NSAPI_STATUS_GLOBAL_UP);
}
