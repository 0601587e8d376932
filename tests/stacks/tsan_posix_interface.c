/*
 * The POSIX interface's threads under ThreadSanitizer: connect and disconnect
 * (blocking and not) in the main thread, a thread reading the status and
 * addresses, another taking the peer end of a veth pair down and up (so
 * that rtnetlink events arrive at the interface's own thread), and a
 * callback that calls the interface back from that thread.  In a network
 * namespace of its own, so it needs root.  A plain program, as Criterion
 * cannot start under TSan: one "ok NAME" / "not ok NAME" line per case.
 */
#define _GNU_SOURCE

#include <net/if.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "clock.h"
#include "nsapi/posix.h"
#include "tsan_report.h"

#define ROUNDS 40
#define FLAPS 40

static nsapi_stack_t stack;
static nsapi_interface_t interface;
static int stopping, events;

/* Called in the interface's thread for the kernel's changes: asks the interface back. */
static void on_event(nsapi_event_t event, intptr_t argument, void *context)
{
    nsapi_socket_address_t address;

    (void)event;
    (void)argument;
    (void)context;
    (void)nsapi_interface_get_ip_address(&interface, &address);
    (void)nsapi_interface_get_connection_status(&interface);
    __atomic_add_fetch(&events, 1, __ATOMIC_RELAXED);
}

static void *reader(void *arg)
{
    char mac[NSAPI_MAC_SIZE];

    (void)arg;
    while (!__atomic_load_n(&stopping, __ATOMIC_ACQUIRE)) {
        nsapi_socket_address_t address;

        (void)nsapi_interface_get_connection_status(&interface);
        (void)nsapi_interface_get_ip_address(&interface, &address);
        (void)nsapi_interface_get_mac_address(&interface, mac, sizeof mac);
        sleep_ms(1);
    }
    return NULL;
}

/* Take v1 (the peer end) down or up: v0 loses or regains its carrier.  An ioctl, not ip(8): no fork
 * among threads. */
static void set_peer(int fd, int up)
{
    struct ifreq request;

    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "v1");
    if (ioctl(fd, SIOCGIFFLAGS, &request) == 0) {
        request.ifr_flags = (short)(up ? request.ifr_flags | IFF_UP : request.ifr_flags & ~IFF_UP);
        (void)ioctl(fd, SIOCSIFFLAGS, &request);
    }
}

static void *flapper(void *arg)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0), k;

    (void)arg;
    for (k = 0; k < FLAPS && !__atomic_load_n(&stopping, __ATOMIC_ACQUIRE); k++) {
        set_peer(fd, k % 2);
        sleep_ms(15);
    }
    set_peer(fd, 1);
    close(fd);
    return NULL;
}

/* Connect and disconnect while the other threads run; every answer is one the API documents. */
static int churn(void)
{
    int k, ok = 1;

    for (k = 0; k < ROUNDS; k++) {
        nsapi_error_t err;

        nsapi_interface_set_blocking(&interface, k % 2 == 0);
        err = nsapi_interface_connect(&interface);
        ok = ok && (err == NSAPI_ERROR_OK || err == NSAPI_ERROR_NO_CONNECTION);
        sleep_ms(5);
        err = nsapi_interface_disconnect(&interface);
        ok = ok && (err == NSAPI_ERROR_OK || err == NSAPI_ERROR_NO_CONNECTION);
    }
    return ok;
}

int main(void)
{
    pthread_t threads[2];
    int ok;

    if (geteuid() != 0 || unshare(CLONE_NEWNET) != 0
        || system("ip link set lo up && ip link add v0 type veth peer name v1 && ip addr add 10.9.0.1/24 dev v0"
                  " && ip link set v0 up && ip link set v1 up") != 0
        || nsapi_posix_init(&stack) != NSAPI_ERROR_OK
        || nsapi_posix_interface_init(&interface, &stack, "v0") != NSAPI_ERROR_OK
        || nsapi_interface_set_timeout(&interface, 300) != NSAPI_ERROR_OK
        || nsapi_interface_attach(&interface, on_event, NULL) != NSAPI_ERROR_OK) {
        report(0, "setup (a network namespace with a veth pair: root)");
        return 1;
    }
    pthread_create(&threads[0], NULL, reader, NULL);
    pthread_create(&threads[1], NULL, flapper, NULL);
    ok = churn();
    pthread_join(threads[1], NULL); /* the peer is up again */
    __atomic_store_n(&stopping, 1, __ATOMIC_RELEASE);
    pthread_join(threads[0], NULL);
    report(ok, "posix_interface_connect_disconnect_while_links_change");
    nsapi_interface_set_blocking(&interface, true);
    nsapi_interface_set_timeout(&interface, 5000);
    report(nsapi_interface_connect(&interface) == NSAPI_ERROR_OK && __atomic_load_n(&events, __ATOMIC_RELAXED) > 0,
           "posix_interface_up_after_the_races");
    report(nsapi_interface_deinit(&interface) == NSAPI_ERROR_OK && nsapi_posix_deinit(&stack) == NSAPI_ERROR_OK,
           "posix_interface_clean_shutdown");
    return report_status();
}
