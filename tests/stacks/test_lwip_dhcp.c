/*
 * DHCPv4 of lwIP's Ethernet interface (nsapi_lwip_ethernet_init, lwIP's own dhcp.c) against servers
 * on the kernel's side of a TAP device: tests/tools/fake_dhcp.py playing a scenario (a NAK, silence,
 * another transaction id, an ACK missing options, a short lease, a server that vanishes, hostile
 * replies), and busybox's udhcpd.  Each case runs in a process of its own (Criterion forks) that
 * moves into a new network namespace, makes the TAP device there and stops its server itself.
 * Needs root, as CI has.
 *
 * lwIP 2.1 counts a lease in whole minutes: its DHCP_COARSE_TIMER_SECS is fixed at 60 in dhcp.h.
 * The cases that watch a lease age give leases in minutes and make lwIP's coarse DHCP timer tick
 * once a second, in lwIP's own thread as its timer does: one second of the case is one minute of
 * the lease.  Everything else (retransmissions, the ARP check, the interface's timeout) runs in
 * real time.
 */
#define _GNU_SOURCE

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "clock.h"
#include "lwip/dhcp.h"
#include "lwip/tcpip.h"
#include "nsapi/lwip.h"
#include "nsapi/nsapi.h"

#define TAP "nsapi0"
#define SERVER "192.168.7.1"
#define OFFERED "192.168.7.100"
#define TIMEOUT_MS 3000 /* a blocking connect's bound in the cases that expect it to fail */
#define MINUTE 60       /* a lease of n minutes lasts n ticks */
#define EVENTS_MAX 64

static nsapi_stack_t stack;
static nsapi_interface_t eth;
static pid_t server = -1;
static char folder[] = "/tmp/nsapi-dhcp-XXXXXX";
static char log_path[64];
static char fake_dhcp_path[512];

/* ---- clock and helpers ------------------------------------------------------------------------ */

/* CLOCK_MONOTONIC in seconds: the clock of the server's log too. */
static double now(void)
{
    return (double)now_ms() / 1000;
}

static void coarse_tick(void *unused)
{
    (void)unused;
    dhcp_coarse_tmr();
}

/* One minute of lwIP's DHCP leases passes. */
static void tick(void)
{
    cr_assert_eq(tcpip_callback(coarse_tick, NULL), ERR_OK, "lwIP's thread takes the tick");
}

static const char *status_name(nsapi_connection_status_t status)
{
    switch (status) {
    case NSAPI_STATUS_LOCAL_UP: return "LOCAL_UP";
    case NSAPI_STATUS_GLOBAL_UP: return "GLOBAL_UP";
    case NSAPI_STATUS_DISCONNECTED: return "DISCONNECTED";
    case NSAPI_STATUS_CONNECTING: return "CONNECTING";
    default: return "ERROR_UNSUPPORTED";
    }
}

/* An address of the interface as text ("" when err is not OK); returns err. */
static nsapi_error_t address_text(nsapi_error_t (*get)(nsapi_interface_t *, nsapi_socket_address_t *), char *text,
                                  size_t size)
{
    nsapi_socket_address_t address;
    nsapi_error_t err;

    memset(&address, 0, sizeof address);
    err = get(&eth, &address);
    text[0] = '\0';
    if (err == NSAPI_ERROR_OK) {
        cr_assert_gt(nsapi_socket_address_get_ip_address(&address, text, (nsapi_size_t)size), 0);
    }
    return err;
}

/* ---- status events ---------------------------------------------------------------------------- */

static pthread_mutex_t events_lock = PTHREAD_MUTEX_INITIALIZER;
static nsapi_connection_status_t events[EVENTS_MAX];
static double event_times[EVENTS_MAX];
static unsigned event_count;

static void on_event(nsapi_event_t event, intptr_t argument, void *context)
{
    (void)context;
    pthread_mutex_lock(&events_lock);
    if (event == NSAPI_EVENT_CONNECTION_STATUS_CHANGE && event_count < EVENTS_MAX) {
        event_times[event_count] = now();
        events[event_count++] = (nsapi_connection_status_t)argument;
    }
    pthread_mutex_unlock(&events_lock);
}

/* The index of the first event from index from on whose status is not status, or -1. */
static int first_event_other_than(unsigned from, nsapi_connection_status_t status)
{
    int found = -1;
    unsigned k;

    pthread_mutex_lock(&events_lock);
    for (k = from; k < event_count && found < 0; k++) {
        if (events[k] != status) {
            found = (int)k;
        }
    }
    pthread_mutex_unlock(&events_lock);
    return found;
}

static unsigned count_events(nsapi_connection_status_t status)
{
    unsigned k, count = 0;

    pthread_mutex_lock(&events_lock);
    for (k = 0; k < event_count; k++) {
        count += events[k] == status;
    }
    pthread_mutex_unlock(&events_lock);
    return count;
}

static unsigned events_so_far(void)
{
    unsigned count;

    pthread_mutex_lock(&events_lock);
    count = event_count;
    pthread_mutex_unlock(&events_lock);
    return count;
}

/* ---- the server's log ------------------------------------------------------------------------- */

/* How many lines of the server's log hold every one of words (up to three; NULL ends them); the time of
 * the nth (from 1) of them goes to *when when asked and found. */
static unsigned log_lines(const char *word1, const char *word2, const char *word3, unsigned nth, double *when)
{
    char line[512];
    unsigned count = 0;
    FILE *f = fopen(log_path, "r");

    if (f == NULL) {
        return 0;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        if ((word1 && !strstr(line, word1)) || (word2 && !strstr(line, word2)) || (word3 && !strstr(line, word3))) {
            continue;
        }
        if (++count == nth && when != NULL) {
            *when = strtod(line, NULL);
        }
    }
    fclose(f);
    return count;
}

/* Wait (at most seconds) until the log has a line with the words; whether it came. */
static bool await_log(const char *word1, const char *word2, double seconds)
{
    double end = now() + seconds;

    while (log_lines(word1, word2, NULL, 0, NULL) == 0) {
        if (now() > end) {
            return false;
        }
        sleep_ms(20);
    }
    return true;
}

/* Copy the server's log into the case's output, for a failure's reader. */
static void show_log(void)
{
    char line[512];
    unsigned shown = 0;
    FILE *f = fopen(log_path, "r");

    while (f != NULL && fgets(line, sizeof line, f) != NULL && shown++ < 60) {
        cr_log_info("server: %s", line);
    }
    if (f != NULL) {
        fclose(f);
    }
}

/* ---- servers ---------------------------------------------------------------------------------- */

/* Run argv (stdout and stderr into the case's folder) as this case's server. */
static void spawn(char *const argv[])
{
    char out[96];

    snprintf(out, sizeof out, "%s/server.out", folder);
    server = fork();
    if (server == 0) {
        int null = open("/dev/null", O_RDONLY), file = open(out, O_WRONLY | O_CREAT | O_APPEND, 0600);

        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the case, even one that fails */
        dup2(null, 0);
        dup2(file, 1);
        dup2(file, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    cr_assert_gt(server, 0, "the server started");
}

/* Start fake_dhcp.py with a scenario and a lease (seconds), and wait (at most 5 s) until it listens. */
static void serve(const char *scenario, unsigned lease)
{
    char seconds[16];
    int status;

    snprintf(seconds, sizeof seconds, "%u", lease);
    {
        char *argv[] = {"/usr/bin/python3", fake_dhcp_path, "--interface", TAP, "--address", SERVER, "--offer", OFFERED,
                        "--scenario", (char *)scenario, "--lease", seconds, "--log", log_path,
                        "--duration", "90", NULL};

        spawn(argv);
    }
    if (!await_log("ready", NULL, 5.0)) {
        cr_assert_fail("fake_dhcp.py is not ready after 5 s (exited: %d)", waitpid(server, &status, WNOHANG) == server);
    }
}

/* Stop the server: SIGTERM, then SIGKILL after 2 s; always reaped. */
static void stop_server(void)
{
    int i;

    if (server <= 0) {
        return;
    }
    kill(server, SIGTERM);
    for (i = 0; i < 100 && waitpid(server, NULL, WNOHANG) == 0; i++) {
        sleep_ms(20);
    }
    if (i == 100) {
        kill(server, SIGKILL);
        waitpid(server, NULL, 0);
    }
    server = -1;
}

/* ---- the fixture ------------------------------------------------------------------------------ */

static void setup(void)
{
    char cwd[256];

    cr_assert_eq(geteuid(), 0, "a network namespace and a TAP device need root");
    cr_assert_eq(unshare(CLONE_NEWNET), 0, "a network namespace of this case's own");
    cr_assert_eq(system("ip tuntap add dev " TAP " mode tap && ip addr add " SERVER "/24 dev " TAP
                        " && ip link set lo up && ip link set " TAP " up"),
                 0, "the TAP device and the kernel's address");
    cr_assert_not_null(mkdtemp(folder));
    snprintf(log_path, sizeof log_path, "%s/dhcp.log", folder);
    cr_assert_not_null(getcwd(cwd, sizeof cwd)); /* the runner starts suites at the repository's top */
    snprintf(fake_dhcp_path, sizeof fake_dhcp_path, "%s/tests/tools/fake_dhcp.py", cwd);
    memset(&stack, 0, sizeof stack);
    memset(&eth, 0, sizeof eth);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_ethernet_init(&eth, &stack, TAP), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, TIMEOUT_MS), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_add_event_listener(&eth, on_event, NULL), NSAPI_ERROR_OK);
}

static void teardown(void)
{
    char command[96];

    cr_expect_eq(nsapi_interface_deinit(&eth), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
    stop_server();
    snprintf(command, sizeof command, "rm -rf %s", folder);
    cr_expect_eq(system(command), 0);
}

TestSuite(lwip_dhcp, .init = setup, .fini = teardown, .timeout = 40);

/* ---- what the cases check --------------------------------------------------------------------- */

/* A blocking connect that must fail with DHCP_FAILURE after the interface's timeout, no sooner and
 * not much later, leaving the interface down without an address. */
static void expect_dhcp_failure(void)
{
    char text[NSAPI_IP_SIZE];
    double start = now(), took;
    nsapi_error_t err = nsapi_interface_connect(&eth);

    took = now() - start;
    cr_expect_eq(err, NSAPI_ERROR_DHCP_FAILURE, "connect: %s", nsapi_error_name(err));
    cr_expect_geq(took, TIMEOUT_MS / 1000.0 - 0.05, "not before the timeout: %.2f s", took);
    cr_expect_lt(took, TIMEOUT_MS / 1000.0 + 2.0, "soon after the timeout: %.2f s", took);
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_DISCONNECTED, "%s",
                 status_name(nsapi_interface_get_connection_status(&eth)));
    cr_expect_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_NO_ADDRESS, "%s", text);
    cr_assert_gt(events_so_far(), 0);
    cr_expect_eq(events[events_so_far() - 1], NSAPI_STATUS_DISCONNECTED, "the last event says down");
}

/* Connected with the offered address, its /24, the server as gateway and DNS server. */
static void expect_lease(const char *ip)
{
    char text[NSAPI_IP_SIZE];
    nsapi_socket_address_t dns;

    cr_assert_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_GLOBAL_UP);
    cr_assert_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, ip);
    cr_assert_eq(address_text(nsapi_interface_get_netmask, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, "255.255.255.0");
    cr_assert_eq(address_text(nsapi_interface_get_gateway, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, SERVER);
    memset(&dns, 0, sizeof dns);
    cr_assert_eq(nsapi_interface_get_dns_server(&eth, 0, &dns), NSAPI_ERROR_OK, "DHCP's DNS server was learned");
    cr_assert_gt(nsapi_socket_address_get_ip_address(&dns, text, sizeof text), 0);
    cr_expect_str_eq(text, SERVER);
}

/* ---- the cases -------------------------------------------------------------------------------- */

Test(lwip_dhcp, a_lease_gives_address_netmask_gateway_and_dns_and_disconnect_releases_it)
{
    nsapi_error_t err;

    serve("normal", 10 * MINUTE);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 10000), NSAPI_ERROR_OK);
    err = nsapi_interface_connect(&eth);
    if (err != NSAPI_ERROR_OK) {
        show_log();
    }
    cr_assert_eq(err, NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    expect_lease(OFFERED);
    cr_expect_eq(log_lines("recv DISCOVER", NULL, NULL, 0, NULL), 1, "one DISCOVER");
    cr_expect_eq(log_lines("recv REQUEST", "kind=select", NULL, 0, NULL), 1, "one REQUEST");
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_expect(await_log("recv RELEASE", "ciaddr=" OFFERED, 2.0), "disconnect released the lease");
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_DISCONNECTED);
}

Test(lwip_dhcp, nak_to_every_request_ends_in_dhcp_failure_within_the_bound)
{
    serve("nak", 10 * MINUTE);
    expect_dhcp_failure();
    cr_expect_geq(log_lines("recv REQUEST", NULL, NULL, 0, NULL), 1, "the client asked");
    cr_expect_geq(log_lines("send NAK", NULL, NULL, 0, NULL), 1, "and was refused");
    cr_log_info("NAKs in %d ms: %u", TIMEOUT_MS, log_lines("send NAK", NULL, NULL, 0, NULL));
}

Test(lwip_dhcp, silence_ends_in_dhcp_failure_within_the_bound)
{
    serve("silent", 10 * MINUTE);
    expect_dhcp_failure();
    cr_expect_geq(log_lines("recv DISCOVER", NULL, NULL, 0, NULL), 1, "the client asked");
}

Test(lwip_dhcp, an_offer_with_another_transaction_id_is_not_taken)
{
    char text[NSAPI_IP_SIZE];
    nsapi_connection_status_t status;

    serve("wrong-xid", 10 * MINUTE);
    cr_assert_eq(nsapi_interface_set_blocking(&eth, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    cr_assert(await_log("send OFFER", NULL, 5.0), "the server answered the DISCOVER");
    sleep_ms(1500); /* time enough to take it, had the client wanted */
    status = nsapi_interface_get_connection_status(&eth);
    cr_expect(status == NSAPI_STATUS_CONNECTING || status == NSAPI_STATUS_LOCAL_UP, "%s", status_name(status));
    cr_expect_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_NO_ADDRESS, "%s", text);
    cr_expect_eq(log_lines("recv REQUEST", NULL, NULL, 0, NULL), 0, "the client never asked for the offer");
    cr_assert_eq(nsapi_interface_disconnect(&eth), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_set_blocking(&eth, true), NSAPI_ERROR_OK);
    expect_dhcp_failure();
}

/*
 * lwIP binds an ACK without a lease time, netmask or server id: the netmask from the address's class
 * (a /24 for 192.168/16), the server id of the OFFER, a lease of 0 s, which its coarse timer ends at
 * its next tick (it releases the address and starts over; the server answers the same way again).
 * Whatever it does, the interface must say what it has: GLOBAL_UP with an address and its netmask, or
 * no address at all.
 */
static void expect_consistent(const char *when)
{
    char ip[NSAPI_IP_SIZE], mask[NSAPI_IP_SIZE];
    nsapi_connection_status_t status = nsapi_interface_get_connection_status(&eth);
    nsapi_error_t has_ip = address_text(nsapi_interface_get_ip_address, ip, sizeof ip);
    nsapi_error_t has_mask = address_text(nsapi_interface_get_netmask, mask, sizeof mask);

    cr_log_info("%s: %s, address %s %s, netmask %s %s", when, status_name(status), nsapi_error_name(has_ip), ip,
                nsapi_error_name(has_mask), mask);
    if (status == NSAPI_STATUS_GLOBAL_UP) {
        cr_expect_eq(has_ip, NSAPI_ERROR_OK, "%s: GLOBAL_UP with an address", when);
        cr_expect_str_eq(ip, OFFERED, "%s", when);
        cr_expect_eq(has_mask, NSAPI_ERROR_OK, "%s: and its netmask", when);
    } else {
        cr_expect_eq(has_ip, NSAPI_ERROR_NO_ADDRESS, "%s: no address unless GLOBAL_UP (%s)", when, ip);
        cr_expect_eq(has_mask, NSAPI_ERROR_NO_ADDRESS, "%s: nor a netmask (%s)", when, mask);
    }
}

Test(lwip_dhcp, an_ack_without_server_id_lease_or_netmask_leaves_a_consistent_interface)
{
    nsapi_error_t err;
    int i;

    serve("missing-options", 10 * MINUTE);
    err = nsapi_interface_connect(&eth);
    cr_log_info("connect: %s", nsapi_error_name(err));
    cr_expect(err == NSAPI_ERROR_OK || err == NSAPI_ERROR_DHCP_FAILURE, "connect: %s", nsapi_error_name(err));
    expect_consistent("after connect");
    if (err != NSAPI_ERROR_OK) {
        return;
    }
    cr_expect(await_log("send ACK", NULL, 1.0), "the ACK was the incomplete one");
    for (i = 0; i < 3; i++) { /* the lease of 0 s ends; what follows must stay consistent too */
        tick();
        sleep_ms(1500);
        expect_consistent("after a tick");
    }
    cr_log_info("DISCOVERs %u, RELEASEs %u, ACKs %u, status events %u",
                log_lines("recv DISCOVER", NULL, NULL, 0, NULL), log_lines("recv RELEASE", NULL, NULL, 0, NULL),
                log_lines("send ACK", NULL, NULL, 0, NULL), events_so_far());
    cr_expect_geq(log_lines("recv RELEASE", NULL, NULL, 0, NULL), 1, "the lease of 0 s ended at a tick");
}

Test(lwip_dhcp, a_short_lease_is_renewed_at_t1_then_rebound_at_t2_and_the_address_kept)
{
    double bound, renew = 0, rebind = 0;
    unsigned events_at_bind, ticks;
    char text[NSAPI_IP_SIZE];

    /* 8 minutes: T1 after 4 ticks (then again each half of the time left to T2), T2 after 7 (lwIP
     * rounds 7/8 of 480 s to 7 minutes), the end after 8.  The server ignores renewals. */
    serve("short-lease", 8 * MINUTE);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 10000), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    bound = now();
    events_at_bind = events_so_far();
    for (ticks = 1; ticks <= 10; ticks++) {
        sleep_ms(1000);
        tick();
        if (ticks == 7) {
            cr_assert(await_log("kind=rebind", NULL, 2.0), "a rebinding REQUEST at T2");
            cr_assert(await_log("send ACK", "to=" OFFERED, 2.0));
        }
    }
    sleep_ms(200);
    cr_assert_geq(log_lines("kind=renew", NULL, NULL, 1, &renew), 1, "a renewing REQUEST at T1");
    cr_assert_geq(log_lines("kind=rebind", NULL, NULL, 1, &rebind), 1);
    cr_log_info("renewals %u, first at %.2f s; rebinding at %.2f s", log_lines("kind=renew", NULL, NULL, 0, NULL),
                renew - bound, rebind - bound);
    cr_expect(renew > bound + 2.5 && renew < bound + 7.0, "T1 is 4 ticks in: %.2f s", renew - bound);
    cr_expect(rebind > bound + 5.5 && rebind < bound + 10.0, "T2 is 7 ticks in: %.2f s", rebind - bound);
    cr_expect_lt(renew, rebind, "renewal before rebinding");
    cr_expect_eq(log_lines("kind=renew", "dest=" SERVER, "ciaddr=" OFFERED, 0, NULL),
                 log_lines("kind=renew", NULL, NULL, 0, NULL), "renewals unicast to the server, from the address");
    cr_expect_eq(log_lines("kind=rebind", "dest=255.255.255.255", "ciaddr=" OFFERED, 0, NULL), 1,
                 "one rebinding, broadcast");
    /* Ten ticks: past the first lease's end; the rebinding's ACK started a new one. */
    cr_expect_eq(nsapi_interface_get_connection_status(&eth), NSAPI_STATUS_GLOBAL_UP);
    cr_expect_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect_str_eq(text, OFFERED);
    cr_expect_eq(first_event_other_than(events_at_bind, NSAPI_STATUS_GLOBAL_UP), -1, "no status change meanwhile");
}

/*
 * The server answers until the client is bound, then nothing: lwIP renews, rebinds, and at the lease's
 * end drops the address and starts over.  The interface's link is still up and it is still wanted, so
 * it leaves GLOBAL_UP for LOCAL_UP while its IPv6 link-local address stays (else CONNECTING).
 */
/* What runtime/interface.c's rules make of a wanted interface whose link is up without an IPv4 address
 * (nor a global IPv6 one): LOCAL_UP with an IPv6 link-local address, else CONNECTING. */
static nsapi_connection_status_t expected_without_ipv4(void)
{
    char text[NSAPI_IP_SIZE];

    return address_text(nsapi_interface_get_ipv6_link_local_address, text, sizeof text) == NSAPI_ERROR_OK
               ? NSAPI_STATUS_LOCAL_UP
               : NSAPI_STATUS_CONNECTING;
}

Test(lwip_dhcp, a_vanished_server_loses_the_address_at_the_end_of_the_lease)
{
    double bound, changed;
    unsigned events_at_bind, ticks;
    char text[NSAPI_IP_SIZE];
    nsapi_connection_status_t status;
    int change = -1;

    serve("vanish", 8 * MINUTE);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 10000), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_interface_connect(&eth), NSAPI_ERROR_OK);
    bound = now();
    events_at_bind = events_so_far();
    for (ticks = 1; ticks <= 11 && change < 0; ticks++) {
        sleep_ms(1000);
        tick();
        sleep_ms(100);
        change = first_event_other_than(events_at_bind, NSAPI_STATUS_GLOBAL_UP);
    }
    cr_assert_geq(change, 0, "the status left GLOBAL_UP within 11 ticks");
    changed = event_times[change];
    status = nsapi_interface_get_connection_status(&eth);
    cr_log_info("left GLOBAL_UP for %s after %.2f s (%u ticks)", status_name(events[change]), changed - bound,
                ticks - 1);
    cr_expect_geq(ticks - 1, 8, "not before the lease's end (8 ticks)");
    cr_expect_eq(events[change], expected_without_ipv4(), "%s", status_name(events[change]));
    cr_expect_neq(status, NSAPI_STATUS_GLOBAL_UP, "%s", status_name(status));
    cr_expect_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_NO_ADDRESS, "%s", text);
    cr_expect_geq(log_lines("kind=renew", NULL, NULL, 0, NULL), 1, "the client renewed");
    cr_expect_geq(log_lines("kind=rebind", NULL, NULL, 0, NULL), 1, "and rebound");
    cr_expect_eq(log_lines("send", NULL, NULL, 0, NULL), 2, "the server sent only its OFFER and ACK");
}

Test(lwip_dhcp, hostile_replies_crash_nothing_and_a_lease_follows)
{
    nsapi_error_t err;
    int waited;
    char line[512];
    FILE *f;

    serve("hostile", 10 * MINUTE);
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 20000), NSAPI_ERROR_OK);
    err = nsapi_interface_connect(&eth);
    if (err != NSAPI_ERROR_OK) {
        show_log();
    }
    cr_assert_eq(err, NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    expect_lease(OFFERED);
    cr_expect_eq(log_lines("send HOSTILE", NULL, NULL, 0, NULL), 28, "every hostile reply went out");
    cr_expect_eq(log_lines("send-failed", NULL, NULL, 0, NULL), 0, "the fragmented one too");
    cr_expect_geq(log_lines("send NAK", NULL, NULL, 0, NULL), 4, "one round each");
    for (waited = 0; waited < 2000 && count_events(NSAPI_STATUS_GLOBAL_UP) == 0; waited += 20) {
        sleep_ms(20); /* connect returns at the change; its event reaches the callback a moment later */
    }
    sleep_ms(200); /* and no second one follows */
    cr_expect_eq(count_events(NSAPI_STATUS_GLOBAL_UP), 1, "up once, with the real lease only");
    f = fopen(log_path, "r");
    while (f != NULL && fgets(line, sizeof line, f) != NULL) { /* which offers the client took, for the reader */
        const char *requested = strstr(line, "requested=");

        if (strstr(line, "recv REQUEST") != NULL && requested != NULL) {
            cr_log_info("REQUEST %.30s", requested);
        }
    }
    if (f != NULL) {
        fclose(f);
    }
}

/*
 * A server that ACKs an address no host may have: the broadcast address, a multicast one, a loopback
 * one.  Sane is not to take it: no address, and a blocking connect ends in DHCP_FAILURE.  lwIP 2.1.3's
 * dhcp.c binds whatever yiaddr an ACK holds (it checks neither the magic cookie nor the address); the
 * backend hides such a lease, never reports GLOBAL_UP for it, and has DHCP start over.
 */
Test(lwip_dhcp, an_ack_for_a_broadcast_multicast_or_loopback_address_is_not_taken)
{
    static const char *const bogus[] = {"255.255.255.255", "224.0.0.1", "127.0.0.1"};
    char text[NSAPI_IP_SIZE];
    size_t k;

    cr_assert_eq(nsapi_interface_set_timeout(&eth, 2000), NSAPI_ERROR_OK);
    for (k = 0; k < sizeof bogus / sizeof bogus[0]; k++) {
        nsapi_error_t err;
        char *argv[] = {"/usr/bin/python3", NULL, "--interface", TAP, "--address", SERVER, "--offer",
                        (char *)bogus[k], "--scenario", "ack-anything", "--log", log_path, "--duration", "30", NULL};

        argv[1] = fake_dhcp_path;
        spawn(argv);
        cr_assert(await_log("ready", NULL, 5.0));
        err = nsapi_interface_connect(&eth);
        cr_expect_eq(err, NSAPI_ERROR_DHCP_FAILURE, "%s: %s", bogus[k], nsapi_error_name(err));
        if (err == NSAPI_ERROR_OK) {
            cr_expect_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_NO_ADDRESS,
                         "%s bound", text);
            (void)nsapi_interface_disconnect(&eth);
        }
        stop_server();
        unlink(log_path);
    }
}

/* Wait (at most 5 s) until something listens on UDP port 67 (0x0043) in this namespace. */
static bool port_67_bound(void)
{
    int i;

    for (i = 0; i < 250; i++) {
        char line[256];
        bool found = false;
        FILE *f = fopen("/proc/net/udp", "r");

        while (f != NULL && !found && fgets(line, sizeof line, f) != NULL) {
            found = strstr(line, ":0043 ") != NULL && strstr(line, ":0043 ") < line + 30;
        }
        if (f != NULL) {
            fclose(f);
        }
        if (found) {
            return true;
        }
        sleep_ms(20);
    }
    return false;
}

Test(lwip_dhcp, busybox_udhcpd_leases_an_address)
{
    char config[96], text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    FILE *f;

    if (access("/usr/sbin/udhcpd", X_OK) != 0) {
        cr_skip_test("udhcpd is not installed (Debian's udhcpd package)");
    }
    snprintf(config, sizeof config, "%s/udhcpd.conf", folder);
    f = fopen(config, "w");
    cr_assert_not_null(f);
    fprintf(f, "start 192.168.7.100\nend 192.168.7.110\ninterface " TAP "\nlease_file %s/udhcpd.leases\n"
               "pidfile %s/udhcpd.pid\nopt subnet 255.255.255.0\nopt router " SERVER "\nopt dns " SERVER
               "\nopt lease 600\n",
            folder, folder);
    fclose(f);
    {
        char *argv[] = {"/usr/sbin/udhcpd", "-f", config, NULL};

        spawn(argv);
    }
    cr_assert(port_67_bound(), "udhcpd listens on port 67");
    cr_assert_eq(nsapi_interface_set_timeout(&eth, 10000), NSAPI_ERROR_OK);
    err = nsapi_interface_connect(&eth);
    cr_assert_eq(err, NSAPI_ERROR_OK, "connect: %s", nsapi_error_name(err));
    cr_assert_eq(address_text(nsapi_interface_get_ip_address, text, sizeof text), NSAPI_ERROR_OK);
    cr_expect(strncmp(text, "192.168.7.1", 11) == 0 && strlen(text) == 13, "from the pool: %s", text);
    expect_lease(text);
}
