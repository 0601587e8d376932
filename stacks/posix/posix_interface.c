/*
 * A kernel interface as an nsapi NetworkInterface.  The OS owns it: connect
 * configures nothing, it starts reporting what the kernel says (flags and
 * addresses, posix_netlink.c), and disconnect stops reporting without
 * touching the kernel's interface.
 *
 * Each interface has a thread of its own, from init to release, that listens
 * to rtnetlink and, between up and down, computes the status after each
 * change and reports it.  Its own thread keeps the stack's event thread
 * about sockets only, and lets release join it: once release returns,
 * nothing of ours touches the interface.  Reports are made without our
 * lock, since the callbacks they run may call the interface back.
 *
 * down stops new reports but does not wait for one under way: that report
 * may be running callbacks that call connect or disconnect, which wait for
 * the down in progress to end (a deadlock).  Nothing is lost by it: the
 * runtime stops counting reports before it calls down, so one that reaches
 * it afterwards is ignored, and a status read before an up is as true as
 * one read after, since up and down change nothing in the kernel.
 */
#define _GNU_SOURCE

#include <net/if.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "nsapi/posix.h"
#include "posix_netlink.h"
#include "posix_socket.h"

struct posix_interface {
    nsapi_interface_t *interface;
    char name[IF_NAMESIZE];
    int watch;             /* rtnetlink socket */
    int wake;              /* eventfd: up asks for a first look, release for the end */
    pthread_t thread;
    pthread_mutex_t lock;  /* over everything below */
    unsigned generation;   /* counts ups and downs: a status computed before one is not reported */
    bool active;           /* between up and down */
    bool look;             /* up asked for the status */
    bool stopping;
};

#define STATE(interface) ((struct posix_interface *)(interface)->context)

static void poke(struct posix_interface *pi)
{
    uint64_t one = 1;

    (void)!write(pi->wake, &one, sizeof one); /* fails only when the counter is full: a wake is due anyway */
}

/* Report status if no up, down or release came since it was computed (generation). */
static void report(struct posix_interface *pi, unsigned generation, nsapi_connection_status_t status)
{
    bool current;

    pthread_mutex_lock(&pi->lock);
    current = pi->active && !pi->stopping && pi->generation == generation;
    pthread_mutex_unlock(&pi->lock);
    if (current) {
        (void)nsapi_interface_report_status(pi->interface, status);
    }
}

static void *watch_thread(void *arg)
{
    struct posix_interface *pi = arg;

    for (;;) {
        struct pollfd fds[2] = {{pi->watch, POLLIN, 0}, {pi->wake, POLLIN, 0}};
        unsigned generation;
        uint64_t count;
        bool look;

        if (poll(fds, 2, -1) < 0) {
            continue; /* EINTR */
        }
        if (fds[1].revents & POLLIN) {
            (void)!read(pi->wake, &count, sizeof count);
        }
        /* Messages are read even while not reporting, so that none is left over for the next up.
         * POLLERR: the kernel dropped messages for want of room; reading clears it, and we look again. */
        look = (fds[0].revents & (POLLIN | POLLERR)) && nsapi_posix_netlink_changed(pi->watch, pi->name);
        pthread_mutex_lock(&pi->lock);
        if (pi->stopping) {
            pthread_mutex_unlock(&pi->lock);
            return NULL;
        }
        look = pi->active && (look || pi->look);
        pi->look = false;
        generation = pi->generation;
        pthread_mutex_unlock(&pi->lock);
        if (look) {
            report(pi, generation, nsapi_posix_netlink_status(pi->name));
        }
    }
}

/* ---- the operations ------------------------------------------------------------------------- */

static nsapi_error_t posix_interface_up(nsapi_interface_t *interface)
{
    struct posix_interface *pi = STATE(interface);

    pthread_mutex_lock(&pi->lock);
    pi->active = true;
    pi->look = true;
    pi->generation++;
    pthread_mutex_unlock(&pi->lock);
    poke(pi);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t posix_interface_down(nsapi_interface_t *interface)
{
    struct posix_interface *pi = STATE(interface);

    pthread_mutex_lock(&pi->lock);
    pi->active = false;
    pi->generation++;
    pthread_mutex_unlock(&pi->lock);
    return NSAPI_ERROR_OK;
}

/* Free what init made; the thread, if started, is stopped first. */
static void destroy(struct posix_interface *pi, bool started)
{
    if (started) {
        pthread_mutex_lock(&pi->lock);
        pi->stopping = true;
        pthread_mutex_unlock(&pi->lock);
        poke(pi);
        pthread_join(pi->thread, NULL);
    }
    if (pi->watch >= 0) {
        close(pi->watch);
    }
    if (pi->wake >= 0) {
        close(pi->wake);
    }
    pthread_mutex_destroy(&pi->lock);
    free(pi);
}

/* The runtime releases only when no callback runs, so never from the thread itself. */
static nsapi_error_t posix_interface_release(nsapi_interface_t *interface)
{
    destroy(STATE(interface), true);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t posix_interface_get_address(nsapi_interface_t *interface, nsapi_address_kind_t kind,
                                                 nsapi_addr_t *addr)
{
    return nsapi_posix_netlink_address(STATE(interface)->name, kind, addr);
}

static nsapi_error_t posix_interface_get_mac_address(nsapi_interface_t *interface, uint8_t *mac)
{
    return nsapi_posix_netlink_mac_address(STATE(interface)->name, mac);
}

/* set_network, set_dhcp, set_mac_address: the OS owns them (NULL: UNSUPPORTED).  get_dns_server:
 * the host's resolver applies already, through the stack's gethostbyname. */
static const nsapi_interface_api_t posix_interface_api = {
    .up = posix_interface_up,
    .down = posix_interface_down,
    .release = posix_interface_release,
    .get_address = posix_interface_get_address,
    .get_mac_address = posix_interface_get_mac_address,
};

/* ---- making one ----------------------------------------------------------------------------- */

/* Which kernel interface: the named one, or the default route's. */
static nsapi_error_t choose(const char *name, char *chosen)
{
    if (name == NULL) {
        return nsapi_posix_netlink_default_interface(chosen) ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_CONNECTION;
    }
    if (name[0] == '\0' || strlen(name) >= IF_NAMESIZE) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (if_nametoindex(name) == 0) {
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    strcpy(chosen, name);
    return NSAPI_ERROR_OK;
}

static struct posix_interface *make(nsapi_interface_t *interface, nsapi_error_t *err)
{
    struct posix_interface *pi = calloc(1, sizeof *pi);

    if (pi == NULL) {
        *err = NSAPI_ERROR_NO_MEMORY;
        return NULL;
    }
    pi->interface = interface;
    pthread_mutex_init(&pi->lock, NULL);
    pi->watch = nsapi_posix_netlink_watch();
    pi->wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (pi->watch < 0 || pi->wake < 0) {
        destroy(pi, false);
        *err = NSAPI_ERROR_NO_SOCKET;
        return NULL;
    }
    *err = NSAPI_ERROR_OK;
    return pi;
}

nsapi_error_t nsapi_posix_interface_init(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *name)
{
    char chosen[IF_NAMESIZE] = "";
    struct posix_interface *pi;
    nsapi_error_t err;

    if (interface == NULL || interface->api != NULL || !nsapi_posix_is_stack(stack)) {
        return NSAPI_ERROR_PARAMETER;
    }
    err = choose(name, chosen);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    pi = make(interface, &err);
    if (pi == NULL) {
        return err;
    }
    memcpy(pi->name, chosen, sizeof pi->name);
    /* The thread reads the interface only once up has run, after the runtime made it. */
    if (pthread_create(&pi->thread, NULL, watch_thread, pi) != 0) {
        destroy(pi, false);
        return NSAPI_ERROR_NO_MEMORY;
    }
    err = nsapi_interface_init(interface, &posix_interface_api, pi, stack, chosen, false);
    if (err != NSAPI_ERROR_OK) {
        destroy(pi, true);
    }
    return err;
}
