/*
 * The lwIP backend's network interfaces against real peers: each case runs
 * in a network namespace of its own with TAP device nsapi0 (the kernel's
 * side 192.168.7.1/24 and fd07::1/64), and where it needs one, dnsmasq on
 * the kernel's side as DHCP and DNS server or IPv6 router.  lwIP's DHCP
 * client takes a lease, SLAAC an address, the resolver the server DHCP
 * announced; the status events come in order; the link follows the kernel's
 * side of the device.  The namespace, its devices and dnsmasq go with the
 * case.  Needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN), as CI has.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "dns_message.h"
#include "nsapi/lwip.h"
#include "nsapi/stack_api.h"

#define TAP "nsapi0"
#define KERNEL4 "192.168.7.1"
#define KERNEL6 "fd07::1"
#define NAME "printer.lan.test" /* only dnsmasq knows it */
#define NAME_ADDRESS "192.0.2.77"

static nsapi_stack_t stack;
static nsapi_interface_t eth;
static char folder[] = "/tmp/nsapi-lwip-if-XXXXXX";
static char leases[64];
static pid_t dnsmasq = -1;

/* ---- the namespace and the kernel's side ------------------------------------------------------ */

static void shell(const char *command)
{
    cr_assert_eq(system(command), 0, "%s", command);
}

/* A TAP device with the kernel's side at ipv4/24 and ipv6/64, up. */
static void make_tap(const char *name, const char *ipv4, const char *ipv6)
{
    char command[256];

    snprintf(command, sizeof command,
             "ip tuntap add dev %s mode tap && ip addr add %s/24 dev %s && ip -6 addr add %s/64 dev %s nodad"
             " && ip link set %s up",
             name, ipv4, name, ipv6, name, name);
    shell(command);
}

static void setup(void)
{
    cr_assert_eq(geteuid(), 0, "a network namespace and TAP devices need root");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this case's own");
    shell("ip link set lo up");
    make_tap(TAP, KERNEL4, KERNEL6);
    cr_assert_not_null(mkdtemp(folder));
    snprintf(leases, sizeof leases, "%s/leases", folder);
    memset(&stack, 0, sizeof stack);
    memset(&eth, 0, sizeof eth);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
}

static void stop_dnsmasq(void)
{
    if (dnsmasq > 0) {
        kill(dnsmasq, SIGTERM);
        waitpid(dnsmasq, NULL, 0);
        dnsmasq = -1;
    }
}

static void teardown(void)
{
    char command[96];

    if (eth.api != NULL) {
        cr_expect_eq(nsapi_interface_deinit(&eth), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
    stop_dnsmasq();
    snprintf(command, sizeof command, "rm -rf %s", folder);
    cr_expect_eq(system(command), 0);
}

TestSuite(lwip_interface, .init = setup, .fini = teardown, .timeout = 30);

/* Whether dnsmasq answers a query for NAME on the kernel's side within 100 ms. */
static bool dns_answers(void)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(53)};
    uint8_t query[DNS_MESSAGE_MAX], reply[DNS_MESSAGE_MAX];
    int length = nsapi_rt_dns_query_build(query, sizeof query, 7, NAME, NSAPI_IPv4);
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct pollfd p = {fd, POLLIN, 0};
    bool ok = false;

    inet_pton(AF_INET, KERNEL4, &to.sin_addr);
    if (sendto(fd, query, (size_t)length, 0, (struct sockaddr *)&to, sizeof to) == length && poll(&p, 1, 100) == 1) {
        ok = recv(fd, reply, sizeof reply, 0) > 0;
    }
    close(fd);
    return ok;
}

/* dnsmasq on the kernel's side: DNS for NAME, and what extra adds (DHCP, router advertisements; NULL-ended). */
static void start_dnsmasq(const char *const *extra)
{
    static const char *const common[] = {
        "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll",
        "--bind-interfaces", "--interface=" TAP, "--listen-address=" KERNEL4, "--port=53", "--pid-file=",
        "--user=root", "--local=/test/", "--host-record=" NAME "," NAME_ADDRESS, "--no-ping"};
    const char *argv[32];
    char leasefile[96];
    size_t n = 0, i;

    snprintf(leasefile, sizeof leasefile, "--dhcp-leasefile=%s", leases);
    for (i = 0; i < sizeof common / sizeof common[0]; i++) {
        argv[n++] = common[i];
    }
    argv[n++] = leasefile;
    for (i = 0; extra[i] != NULL && n + 1 < sizeof argv / sizeof argv[0]; i++) {
        argv[n++] = extra[i];
    }
    argv[n] = NULL;
    dnsmasq = fork();
    if (dnsmasq == 0) {
        int null = open("/dev/null", O_RDWR);

        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the case */
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execv("/usr/sbin/dnsmasq", (char *const *)argv);
        _exit(127);
    }
    cr_assert_gt(dnsmasq, 0, "dnsmasq started");
    for (i = 0; i < 50 && !dns_answers(); i++) {
    }
    cr_assert_lt(i, 50, "dnsmasq answers on " KERNEL4 ":53");
}

/* dnsmasq as DHCP server: addresses .50 to .99, the kernel's side as router and DNS server. */
static void start_dhcp_server(void)
{
    static const char *const dhcp[] = {"--dhcp-range=192.168.7.50,192.168.7.99,255.255.255.0,1h",
                                       "--dhcp-option=option:router," KERNEL4,
                                       "--dhcp-option=option:dns-server," KERNEL4, NULL};

    start_dnsmasq(dhcp);
}

/* Whether dnsmasq's lease file names mac. */
static bool leased(const char *mac)
{
    char line[256];
    bool found = false;
    FILE *f = fopen(leases, "r");

    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        found |= strstr(line, mac) != NULL;
    }
    if (f != NULL) {
        fclose(f);
    }
    return found;
}

/* ---- status events ---------------------------------------------------------------------------- */

#define EVENTS 32

static struct {
    pthread_mutex_t lock;
    nsapi_connection_status_t seen[EVENTS];
    unsigned count;
} events = {PTHREAD_MUTEX_INITIALIZER, {0}, 0};

/* What get_ip_address gave a callback told of GLOBAL_UP: it runs outside lwIP's lock, with the address there. */
static nsapi_error_t address_in_callback = NSAPI_ERROR_WOULD_BLOCK;

static void record(nsapi_event_t event, intptr_t argument, void *context)
{
    if (context != NULL && argument == NSAPI_STATUS_GLOBAL_UP) {
        nsapi_socket_address_t ip;
        nsapi_error_t err = nsapi_interface_get_ip_address(context, &ip);

        __atomic_store_n(&address_in_callback, err, __ATOMIC_RELEASE);
    }
    pthread_mutex_lock(&events.lock);
    if (event == NSAPI_EVENT_CONNECTION_STATUS_CHANGE && events.count < EVENTS) {
        events.seen[events.count++] = (nsapi_connection_status_t)argument;
    }
    pthread_mutex_unlock(&events.lock);
}

static unsigned event_count(void)
{
    unsigned n;

    pthread_mutex_lock(&events.lock);
    n = events.count;
    pthread_mutex_unlock(&events.lock);
    return n;
}

static nsapi_connection_status_t event(unsigned i)
{
    nsapi_connection_status_t s;

    pthread_mutex_lock(&events.lock);
    s = i < events.count ? events.seen[i] : NSAPI_STATUS_ERROR_UNSUPPORTED;
    pthread_mutex_unlock(&events.lock);
    return s;
}

/* The index of the first event from `from` on that is status, within ms, or -1. */
static int await_event(unsigned from, nsapi_connection_status_t status, int ms)
{
    int waited;

    for (waited = 0; waited <= ms; waited += 10) {
        unsigned i, n = event_count();

        for (i = from; i < n; i++) {
            if (event(i) == status) {
                return (int)i;
            }
        }
        sleep_ms(10);
    }
    return -1;
}

/* ---- addresses and a TCP peer ----------------------------------------------------------------- */

static nsapi_socket_address_t address(const char *ip, uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, ip), NSAPI_ERROR_OK, "%s", ip);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

static const char *text(const nsapi_socket_address_t *a)
{
    static char buffer[4][NSAPI_IP_SIZE];
    static unsigned next;
    char *b = buffer[next++ % 4];

    nsapi_socket_address_get_ip_address(a, b, NSAPI_IP_SIZE);
    return b;
}

static void ethernet(nsapi_interface_t *interface, const char *tap)
{
    cr_assert_eq(nsapi_lwip_ethernet_init(interface, &stack, tap), NSAPI_ERROR_OK, "an interface on %s", tap);
    cr_assert_eq(nsapi_interface_attach(interface, record, NULL), NSAPI_ERROR_OK);
}

/* Connect over TCP from interface's stack to a kernel listener at ip:port and exchange a few bytes. */
static void tcp_exchange(int family, const char *ip, uint16_t port)
{
    struct sockaddr_storage where;
    socklen_t length;
    int listener = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1, peer;
    nsapi_tcp_socket_t client = {0};
    nsapi_socket_address_t to = address(ip, port);
    struct pollfd p;
    char got[8] = {0};

    memset(&where, 0, sizeof where);
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&where;

        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        inet_pton(AF_INET, ip, &in->sin_addr);
        length = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&where;

        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        inet_pton(AF_INET6, ip, &in6->sin6_addr);
        length = sizeof *in6;
    }
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    cr_assert_eq(bind(listener, (struct sockaddr *)&where, length), 0, "the kernel listens on %s", ip);
    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&client, &stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&client, 5000);
    cr_assert_eq(nsapi_tcp_socket_connect(&client, &to), NSAPI_ERROR_OK, "lwIP connects to %s", ip);
    p.fd = listener;
    p.events = POLLIN;
    cr_assert_eq(poll(&p, 1, 3000), 1, "the kernel has the connection");
    peer = accept(listener, NULL, NULL);
    cr_assert_geq(peer, 0);
    cr_assert_eq(nsapi_tcp_socket_send(&client, "ping", 4), 4);
    p.fd = peer;
    cr_assert_eq(poll(&p, 1, 3000), 1);
    cr_assert_eq(recv(peer, got, sizeof got, 0), 4);
    cr_assert_str_eq(got, "ping");
    cr_assert_eq(send(peer, "pong", 4, 0), 4);
    memset(got, 0, sizeof got);
    cr_assert_eq(nsapi_tcp_socket_recv(&client, got, sizeof got), 4);
    cr_assert_str_eq(got, "pong");
    nsapi_tcp_socket_close(&client);
    close(peer);
    close(listener);
}

/* ---- DHCP ------------------------------------------------------------------------------------- */

Test(lwip_interface, dhcp_lease_gateway_dns_and_release)
{
    nsapi_socket_address_t ip, mask, gateway, server, found;
    char mac[NSAPI_MAC_SIZE], name[NSAPI_INTERFACE_NAME_SIZE];
    struct in_addr a;
    int i;

    start_dhcp_server();
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_get_interface_name(&eth, name, sizeof name), NSAPI_ERROR_OK);
    cr_expect_str_eq(name, TAP);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &ip), NSAPI_ERROR_NO_ADDRESS, "none before connect");
    nsapi_interface_set_timeout(&eth, 10000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK, "a lease from dnsmasq");
    cr_assert_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_GLOBAL_UP);

    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &ip), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&ip), NSAPI_IPv4);
    inet_pton(AF_INET, text(&ip), &a);
    cr_expect(ntohl(a.s_addr) >= 0xc0a80732u && ntohl(a.s_addr) <= 0xc0a80763u, "%s in the range", text(&ip));
    cr_assert_eq(nsapi_interface_get_netmask(&eth, &mask), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&mask), "255.255.255.0");
    cr_assert_eq(nsapi_interface_get_gateway(&eth, &gateway), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&gateway), KERNEL4);

    /* The resolver asks the server DHCP announced; the program added none. */
    cr_assert_eq(nsapi_interface_get_dns_server(&eth, 0, &server), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&server), KERNEL4);
    cr_assert_eq(nsapi_interface_gethostbyname(&eth, NAME, &found, NSAPI_IPv4), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&found), NAME_ADDRESS);

    cr_assert_eq(nsapi_interface_get_mac_address(&eth, mac, sizeof mac), NSAPI_ERROR_OK);
    cr_expect(leased(mac), "dnsmasq's lease file lists %s", mac);
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_ip_address(&eth, &ip), NSAPI_ERROR_NO_ADDRESS, "the lease is gone");
    for (i = 0; i < 300 && leased(mac); i++) {
        sleep_ms(10);
    }
    cr_expect(!leased(mac), "DHCPRELEASE reached dnsmasq within 3 s");
}

Test(lwip_interface, release_right_after_the_lease)
{
    char mac[NSAPI_MAC_SIZE];
    int i;

    start_dhcp_server();
    ethernet(&eth, TAP);
    nsapi_interface_set_timeout(&eth, 10000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_mac_address(&eth, mac, sizeof mac), NSAPI_ERROR_OK);
    cr_assert(leased(mac), "dnsmasq's lease file lists %s", mac);
    /* Nothing went to the server since the lease: the DHCPRELEASE waits for ARP first, and still goes. */
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    for (i = 0; i < 300 && leased(mac); i++) {
        sleep_ms(10);
    }
    cr_expect(!leased(mac), "DHCPRELEASE reached dnsmasq within 3 s");
}

Test(lwip_interface, dhcp_silence_fails_in_time)
{
    uint64_t start;
    nsapi_error_t err;

    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 3000), NSAPI_ERROR_OK);
    start = now_ms();
    err = nsapi_interface_connect(&eth);
    cr_expect_eq(err, NSAPI_ERROR_DHCP_FAILURE, "got %s", nsapi_error_name(err));
    cr_expect_lt(now_ms() - start, 4500, "within the bound");
    cr_expect_geq(now_ms() - start, 2900, "not before it");
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_DISCONNECTED);
    cr_expect_eq(event(0), NSAPI_STATUS_CONNECTING);
    cr_expect_geq(await_event(1, NSAPI_STATUS_DISCONNECTED, 1000), 1);
}

/* ---- status events ---------------------------------------------------------------------------- */

Test(lwip_interface, blocking_connect_events_in_order)
{
    unsigned i, n;

    start_dhcp_server();
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_attach(&eth, record, &eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_NO_CONNECTION, "down already");
    nsapi_interface_set_timeout(&eth, 10000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_assert_geq(await_event(0, NSAPI_STATUS_GLOBAL_UP, 1000), 1);
    n = event_count();
    cr_expect_eq(event(0), NSAPI_STATUS_CONNECTING);
    for (i = 1; i + 1 < n; i++) {
        cr_expect_eq(event(i), NSAPI_STATUS_LOCAL_UP, "only LOCAL_UP between (event %u is %d)", i, event(i));
    }
    cr_expect_eq(event(n - 1), NSAPI_STATUS_GLOBAL_UP);
    cr_expect_eq(__atomic_load_n(&address_in_callback, __ATOMIC_ACQUIRE), NSAPI_ERROR_OK,
                 "the callback had the address");
    cr_expect_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_IS_CONNECTED);
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(await_event(n, NSAPI_STATUS_DISCONNECTED, 1000), (int)n, "DISCONNECTED next");
    cr_expect_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_NO_CONNECTION);
    sleep_ms(300);
    cr_expect_eq(event_count(), n + 1, "nothing after the interface went down");
}

Test(lwip_interface, non_blocking_connect_returns_at_once)
{
    uint64_t start;

    start_dhcp_server();
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_set_blocking(&eth, false), NSAPI_ERROR_OK);
    start = now_ms();
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_expect_lt(now_ms() - start, 200, "returns at once");
    cr_expect_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_BUSY, "coming up already");
    cr_expect_eq(event(0), NSAPI_STATUS_CONNECTING);
    cr_assert_geq(await_event(1, NSAPI_STATUS_GLOBAL_UP, 10000), 1, "the lease as an event");
    cr_expect_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_IS_CONNECTED);
}

Test(lwip_interface, link_loss_and_return_keep_the_lease)
{
    nsapi_socket_address_t before, after;
    uint64_t start;
    int down, up;

    start_dhcp_server();
    ethernet(&eth, TAP);
    nsapi_interface_set_timeout(&eth, 10000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &before), NSAPI_ERROR_OK);
    start = now_ms();
    shell("ip link set " TAP " down");
    down = await_event(1, NSAPI_STATUS_DISCONNECTED, 2000);
    cr_assert_geq(down, 1, "the link went down");
    cr_expect_lt(now_ms() - start, 1000, "seen within a second");
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_DISCONNECTED);
    shell("ip link set " TAP " up");
    up = await_event((unsigned)down + 1, NSAPI_STATUS_GLOBAL_UP, 5000);
    cr_assert_gt(up, down, "up again");
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &after), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&after), text(&before), "the same lease");
    tcp_exchange(AF_INET, KERNEL4, 7100); /* and it works */
}

/* ---- static addresses, SLAAC ------------------------------------------------------------------ */

Test(lwip_interface, static_addresses_up_at_once)
{
    nsapi_socket_address_t ip = address("192.168.7.2", 0), mask = address("255.255.255.0", 0);
    nsapi_socket_address_t gateway = address(KERNEL4, 0), got;
    uint64_t start;

    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_set_dhcp(&eth, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_network(&eth, &ip, &mask, &gateway), NSAPI_ERROR_OK);
    start = now_ms();
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_expect_lt(now_ms() - start, 500, "no client to wait for");
    cr_expect_eq(event(0), NSAPI_STATUS_CONNECTING);
    cr_expect_eq(event(1), NSAPI_STATUS_GLOBAL_UP);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "192.168.7.2");
    cr_assert_eq(nsapi_interface_get_gateway(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), KERNEL4);
    tcp_exchange(AF_INET, KERNEL4, 7101);
}

Test(lwip_interface, slaac_address_then_tcp_over_ipv6)
{
    nsapi_socket_address_t ip, link_local;
    char prefix[NSAPI_IP_SIZE];

    static const char *const router[] = {"--enable-ra", "--dhcp-range=fd07::,ra-only,64", NULL};

    start_dnsmasq(router);
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_set_dhcp(&eth, false), NSAPI_ERROR_OK);
    nsapi_interface_set_timeout(&eth, 15000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK, "a global address from the router's prefix");
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &ip), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&ip), NSAPI_IPv6);
    snprintf(prefix, sizeof prefix, "%s", text(&ip));
    cr_expect_eq(strncmp(prefix, "fd07::", 6), 0, "%s is in fd07::/64", prefix);
    cr_assert_eq(nsapi_interface_get_ipv6_link_local_address(&eth, &link_local), NSAPI_ERROR_OK);
    cr_expect_eq(strncmp(text(&link_local), "fe80::", 6), 0, "%s", text(&link_local));
    tcp_exchange(AF_INET6, KERNEL6, 7102);
}

/* ---- devices: two on one stack, MAC addresses ------------------------------------------------- */

Test(lwip_interface, two_taps_each_its_own)
{
    nsapi_interface_t second = {0};
    nsapi_socket_address_t ip1 = address("192.168.7.2", 0), ip2 = address("192.168.8.2", 0), got;
    char mac1[NSAPI_MAC_SIZE], mac2[NSAPI_MAC_SIZE];

    make_tap("nsapi1", "192.168.8.1", "fd08::1");
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_lwip_ethernet_init(&second, &stack, "nsapi1"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_ethernet_init(&(nsapi_interface_t){0}, &stack, TAP), NSAPI_ERROR_PARAMETER,
                 "one interface a device");
    cr_assert_eq(nsapi_interface_get_mac_address(&eth, mac1, sizeof mac1), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_mac_address(&second, mac2, sizeof mac2), NSAPI_ERROR_OK);
    cr_expect_str_neq(mac1, mac2, "a MAC address each");
    cr_expect_eq(strtol(mac1, NULL, 16) & 0x3, 0x2, "%s: locally administered, unicast", mac1);
    nsapi_interface_set_dhcp(&eth, false);
    nsapi_interface_set_dhcp(&second, false);
    nsapi_interface_set_network(&eth, &ip1, NULL, NULL);
    nsapi_interface_set_network(&second, &ip2, NULL, NULL);

    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&second), NSAPI_STATUS_DISCONNECTED, "the other stays down");
    cr_expect_eq(nsapi_interface_get_ip_address(&second, &got), NSAPI_ERROR_NO_ADDRESS);
    cr_assert_eq(nsapi_interface_connect(&second), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "192.168.7.2");
    cr_assert_eq(nsapi_interface_get_ip_address(&second, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "192.168.8.2");
    tcp_exchange(AF_INET, KERNEL4, 7103);
    tcp_exchange(AF_INET, "192.168.8.1", 7104);
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&second), NSAPI_STATUS_GLOBAL_UP, "the other stays up");
    tcp_exchange(AF_INET, "192.168.8.1", 7105);
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_BUSY, "interfaces remain");
    cr_assert_eq(nsapi_interface_deinit(&second), NSAPI_ERROR_OK);
}

Test(lwip_interface, mac_address_set_while_down)
{
    static const uint8_t mine[NSAPI_MAC_BYTES] = {0x02, 0x00, 0x00, 0xaa, 0xbb, 0xcc};
    char mac[NSAPI_MAC_SIZE];
    int i;

    start_dhcp_server();
    ethernet(&eth, TAP);
    cr_assert_eq(nsapi_interface_set_mac_address(&eth, mine, sizeof mine), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_mac_address(&eth, mac, sizeof mac), NSAPI_ERROR_OK);
    cr_expect_str_eq(mac, "02:00:00:aa:bb:cc");
    nsapi_interface_set_timeout(&eth, 10000);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    for (i = 0; i < 100 && !leased("02:00:00:aa:bb:cc"); i++) {
        sleep_ms(10);
    }
    cr_expect(leased("02:00:00:aa:bb:cc"), "dnsmasq leased to that MAC");
    cr_expect_eq(nsapi_interface_set_mac_address(&eth, mine, sizeof mine), NSAPI_ERROR_BUSY, "not while up");
}

Test(lwip_interface, a_device_that_does_not_exist)
{
    cr_expect_eq(nsapi_lwip_ethernet_init(&eth, &stack, "nosuch0"), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_eq(nsapi_lwip_ethernet_init(&eth, &stack, "a-name-far-too-long"), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_ethernet_init(NULL, &stack, TAP), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_ethernet_init(&eth, NULL, TAP), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_ethernet_init(&eth, &stack, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_null(eth.api, "nothing made");
}

/* ---- the loopback interface ------------------------------------------------------------------- */

Test(lwip_interface, loopback_static_addresses)
{
    nsapi_socket_address_t ip = address("10.1.2.3", 0), got;
    char buffer[NSAPI_MAC_SIZE];
    static const uint8_t mac[NSAPI_MAC_BYTES] = {0x02, 0, 0, 0, 0, 1};

    cr_assert_eq(nsapi_lwip_loopback_init(&eth, &stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_loopback_init(&(nsapi_interface_t){0}, &stack), NSAPI_ERROR_PARAMETER, "one loopback");
    cr_assert_eq(nsapi_interface_attach(&eth, record, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_mac_address(&eth, buffer, sizeof buffer), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_mac_address(&eth, mac, sizeof mac), NSAPI_ERROR_UNSUPPORTED);
    cr_expect_eq(nsapi_interface_set_dhcp(&eth, true), NSAPI_ERROR_UNSUPPORTED);
    cr_assert_eq(nsapi_interface_set_network(&eth, &ip, NULL, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_GLOBAL_UP);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "10.1.2.3");
    cr_assert_eq(nsapi_interface_get_interface_name(&eth, buffer, sizeof buffer), NSAPI_ERROR_OK);
    cr_expect_str_eq(buffer, "loop");
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_interface_get_ip_address(&eth, &got), NSAPI_ERROR_NO_ADDRESS);
}

Test(lwip_interface, loopback_defaults_and_traffic)
{
    nsapi_socket_address_t got;
    nsapi_udp_socket_t receiver = {0}, sender = {0};
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 7106}, to = address("fd00::1", 7106), from;
    char data[8] = {0};

    cr_assert_eq(nsapi_lwip_loopback_init(&eth, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_get_ip_address(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "10.0.0.1");
    cr_assert_eq(nsapi_interface_get_netmask(&eth, &got), NSAPI_ERROR_OK);
    cr_expect_str_eq(text(&got), "255.255.255.0");
    cr_assert_eq(nsapi_udp_socket_open(&receiver, nsapi_interface_get_stack(&eth)), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(&receiver, &any), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&sender, &stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_timeout(&receiver, 3000);
    cr_assert_eq(nsapi_udp_socket_sendto(&sender, &to, "ping", 4), 4, "fd00::1, the default IPv6 address");
    cr_assert_eq(nsapi_udp_socket_recvfrom(&receiver, &from, data, sizeof data), 4);
    nsapi_udp_socket_close(&sender);
    nsapi_udp_socket_close(&receiver);
}
