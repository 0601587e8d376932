/*
 * A netif on a Linux TAP device, one per device: Ethernet frames in and out
 * of /dev/net/tun.  Debian's own tapif allocates from a PBUF_POOL that its
 * build sizes too small (a heap overflow), so this one is ours: a reader
 * thread reads each frame into a PBUF_RAM pbuf and hands it to lwIP's
 * thread with tcpip_input; output writes the frame from lwIP's thread.
 *
 * The device's state is the netif's link: the reader looks at the kernel's
 * flags for the device (IFF_UP, what `ip link set DEV down` clears) at
 * least every NSAPI_LWIP_TAP_LINK_POLL_MS and has lwIP's
 * thread set the link up or down when they change.  The TAP file itself
 * says nothing of it: reads just stop, so polling the flags is the way.
 *
 * A link may be impaired (netif_impair.c, nsapi_lwip_tap_impair()): each
 * direction's frames then pass through the impairment under that
 * direction's lock, and the reader also delivers the frames it held when
 * they fall due, both ways; lwIP's output kicks it awake when it holds one.
 *
 * The reader never takes the core lock (tcpip_input and tcpip_try_callback
 * only queue), so closing can stop and join it; closing then waits for
 * lwIP's thread to have run what the reader queued, since those messages
 * point at the netif, before removing the netif and freeing the device.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <lwip/etharp.h>
#include <lwip/ethip6.h>
#include <lwip/netif.h>
#include <lwip/tcpip.h>
#include <netif/ethernet.h>

#include "lwip_backend.h"
#include "nsapi/lwip.h"

#define FRAME_MAX 1518 /* an Ethernet frame with a VLAN tag, without the FCS */

struct nsapi_lwip_tap {
    struct netif netif;
    char name[IFNAMSIZ];
    int fd;
    int flags_fd; /* a socket to ask the kernel for the device's flags */
    int wake[2];  /* writing to wake[1] ends the reader */
    pthread_t reader;
    int kernel_up;        /* the device's state as the reader last saw it; the reader's */
    int link_queued;      /* a link update waits in lwIP's queue; under link_lock */
    pthread_mutex_t link_lock;
    nsapi_lwip_impair_t *impair;      /* NULL: a faithful link; changed under both lane locks */
    pthread_mutex_t lane_lock[2];     /* by nsapi_lwip_impair_direction_t; never both but to change impair */
    int kick[2];                      /* writing to kick[1] has the reader look at the impairment's queues */
    struct nsapi_lwip_tap *next; /* in the list of open devices, under the core lock */
};

static struct nsapi_lwip_tap *devices; /* under the core lock */

static uint64_t now_ms(void);

/* A frame to the wire, from lwIP's output or from the impairment's queue; lost, as on a wire, if the write fails. */
static void write_frame(void *context, const unsigned char *frame, size_t length)
{
    struct nsapi_lwip_tap *tap = context;

    if (write(tap->fd, frame, length) != (ssize_t)length) {
        return;
    }
}

/* Through the impairment if there is one: true if it took the frame. */
static bool impaired_output(struct nsapi_lwip_tap *tap, unsigned char *frame, size_t length)
{
    bool taken, kick;

    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    taken = tap->impair != NULL;
    if (taken) {
        long wait;

        (void)nsapi_lwip_impair_pass(tap->impair, NSAPI_LWIP_IMPAIR_OUT, frame, length, now_ms(), write_frame, tap);
        (void)nsapi_lwip_impair_release(tap->impair, NSAPI_LWIP_IMPAIR_OUT, now_ms(), write_frame, tap, &wait);
        kick = wait >= 0;
    }
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    if (taken && kick && write(tap->kick[1], "", 1) != 1) {
        /* the pipe is full: the reader is awake already */
    }
    return taken;
}

static err_t tap_output(struct netif *netif, struct pbuf *p)
{
    struct nsapi_lwip_tap *tap = netif->state;
    unsigned char frame[FRAME_MAX];
    u16_t length = pbuf_copy_partial(p, frame, sizeof frame, 0);

    if (p->tot_len > sizeof frame) {
        return ERR_BUF;
    }
    if (impaired_output(tap, frame, length)) {
        return ERR_OK;
    }
    /* A TAP write takes the whole frame or fails; a full queue or a device down drops it, as a wire would. */
    return write(tap->fd, frame, length) == (ssize_t)length ? ERR_OK : ERR_IF;
}

/* ---- the link ------------------------------------------------------------------------------- */

/*
 * Whether the kernel has the device up.  IFF_UP alone: IFF_RUNNING follows
 * the carrier, which this very file turns on, and the kernel reports it
 * late (its link watch runs up to a second after), so a netif added just
 * after opening would start with its link down.
 */
static int device_up(const struct nsapi_lwip_tap *tap)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof ifr);
    memcpy(ifr.ifr_name, tap->name, sizeof tap->name);
    if (ioctl(tap->flags_fd, SIOCGIFFLAGS, &ifr) < 0) {
        return 0;
    }
    return (ifr.ifr_flags & IFF_UP) != 0;
}

/* In lwIP's thread: make the netif's link what the reader saw last. */
static void apply_link(void *arg)
{
    struct nsapi_lwip_tap *tap = arg;
    int up;

    pthread_mutex_lock(&tap->link_lock);
    tap->link_queued = 0;
    up = tap->kernel_up;
    pthread_mutex_unlock(&tap->link_lock);
    if (up) {
        netif_set_link_up(&tap->netif);
    } else {
        netif_set_link_down(&tap->netif);
    }
}

/* In the reader: look at the device's flags and have lwIP's thread follow a change. */
static void watch_link(struct nsapi_lwip_tap *tap)
{
    int up = device_up(tap), post;

    pthread_mutex_lock(&tap->link_lock);
    post = up != tap->kernel_up && !tap->link_queued; /* one queued update reads the latest state anyway */
    tap->kernel_up = up;
    tap->link_queued |= post;
    pthread_mutex_unlock(&tap->link_lock);
    if (post && tcpip_try_callback(apply_link, tap) != ERR_OK) {
        pthread_mutex_lock(&tap->link_lock);
        tap->link_queued = 0;
        tap->kernel_up = !up; /* lwIP's queue was full: the next look sees a change again */
        pthread_mutex_unlock(&tap->link_lock);
    }
}

static uint64_t now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* ---- the reader ----------------------------------------------------------------------------- */

/* A frame from the wire to lwIP's thread, straight from the device or from the impairment's queue. */
static void deliver(void *context, const unsigned char *frame, size_t length)
{
    struct nsapi_lwip_tap *tap = context;
    struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)length, PBUF_RAM); /* never PBUF_POOL: see above */

    if (p == NULL) {
        return;
    }
    pbuf_take(p, frame, (u16_t)length);
    if (tap->netif.input(p, &tap->netif) != ERR_OK) {
        pbuf_free(p);
    }
}

static void receive(struct nsapi_lwip_tap *tap)
{
    unsigned char frame[FRAME_MAX];
    ssize_t n = read(tap->fd, frame, sizeof frame);

    if (n <= 0) {
        return;
    }
    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
    if (tap->impair != NULL) {
        (void)nsapi_lwip_impair_pass(tap->impair, NSAPI_LWIP_IMPAIR_IN, frame, (size_t)n, now_ms(), deliver, tap);
    } else {
        deliver(tap, frame, (size_t)n);
    }
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
}

/* Deliver what the impairment held that is due, both ways; the ms until the next is due, or -1. */
static long release_held(struct nsapi_lwip_tap *tap)
{
    static const nsapi_lwip_impair_emit_t emit[2] = {deliver, write_frame};
    long soonest = -1;
    int d;

    for (d = NSAPI_LWIP_IMPAIR_IN; d <= NSAPI_LWIP_IMPAIR_OUT; d++) {
        long wait = -1;

        pthread_mutex_lock(&tap->lane_lock[d]);
        if (tap->impair != NULL) {
            (void)nsapi_lwip_impair_release(tap->impair, (nsapi_lwip_impair_direction_t)d, now_ms(), emit[d], tap,
                                            &wait);
        }
        pthread_mutex_unlock(&tap->lane_lock[d]);
        if (wait >= 0 && (soonest < 0 || wait < soonest)) {
            soonest = wait;
        }
    }
    return soonest;
}

static void drain_kicks(struct nsapi_lwip_tap *tap)
{
    char bytes[64];

    while (read(tap->kick[0], bytes, sizeof bytes) == (ssize_t)sizeof bytes) {
    }
}

static void *tap_reader(void *arg)
{
    struct nsapi_lwip_tap *tap = arg;
    struct pollfd fds[3] = {{tap->fd, POLLIN, 0}, {tap->wake[0], POLLIN, 0}, {tap->kick[0], POLLIN, 0}};
    uint64_t looked = now_ms();
    long timeout = NSAPI_LWIP_TAP_LINK_POLL_MS;

    for (;;) {
        int n = poll(fds, 3, (int)timeout);

        if (n < 0 && errno != EINTR) {
            break;
        }
        if (n > 0 && fds[1].revents != 0) {
            break; /* asked to stop */
        }
        if (n > 0 && (fds[2].revents & POLLIN)) {
            drain_kicks(tap);
        }
        if (n > 0 && (fds[0].revents & POLLIN)) {
            receive(tap);
        }
        if (now_ms() - looked >= NSAPI_LWIP_TAP_LINK_POLL_MS) {
            looked = now_ms();
            watch_link(tap);
        }
        timeout = release_held(tap);
        if (timeout < 0 || timeout > NSAPI_LWIP_TAP_LINK_POLL_MS) {
            timeout = NSAPI_LWIP_TAP_LINK_POLL_MS;
        }
    }
    return NULL;
}

/* ---- the device ----------------------------------------------------------------------------- */

/* A locally administered unicast MAC, distinct per device: the process above, the device's index below. */
static void choose_mac(struct netif *netif, unsigned index)
{
    uint32_t h = 2166136261u; /* FNV-1a over the process id: another process on a bridge differs */
    pid_t pid = getpid();
    size_t i;

    for (i = 0; i < sizeof pid; i++) {
        h = (h ^ ((uint32_t)pid >> (8 * i) & 0xffu)) * 16777619u;
    }
    netif->hwaddr[0] = 0x02;
    netif->hwaddr[1] = (u8_t)(h >> 16);
    netif->hwaddr[2] = (u8_t)(h >> 8);
    netif->hwaddr[3] = (u8_t)h;
    netif->hwaddr[4] = (u8_t)(index >> 8);
    netif->hwaddr[5] = (u8_t)index;
}

static err_t tap_init(struct netif *netif)
{
    struct nsapi_lwip_tap *tap = netif->state;

    netif->name[0] = 't';
    netif->name[1] = 'p';
    netif->output = etharp_output;
    netif->output_ip6 = ethip6_output;
    netif->linkoutput = tap_output;
    netif->mtu = 1500;
    netif->hwaddr_len = 6;
    choose_mac(netif, if_nametoindex(tap->name));
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP
                   | NETIF_FLAG_MLD6;
    return ERR_OK;
}

/* The device's file, or -1; only a device that exists (TUNSETIFF would make one). */
static int open_device(const char *name)
{
    struct ifreq ifr;
    int fd;

    if (if_nametoindex(name) == 0 || (fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC)) < 0) {
        return -1;
    }
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void close_files(struct nsapi_lwip_tap *tap)
{
    int *fds[] = {&tap->fd, &tap->flags_fd, &tap->wake[0], &tap->wake[1], &tap->kick[0], &tap->kick[1]};
    size_t i;

    for (i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        if (*fds[i] >= 0) {
            close(*fds[i]);
        }
    }
    pthread_mutex_destroy(&tap->link_lock);
    pthread_mutex_destroy(&tap->lane_lock[0]);
    pthread_mutex_destroy(&tap->lane_lock[1]);
    if (tap->impair != NULL) {
        (void)nsapi_lwip_impair_destroy(tap->impair);
    }
    free(tap);
}

/* A pipe whose ends never block: a kick into a full pipe is not needed, the reader is awake. */
static int open_kick(int kick[2])
{
    if (pipe(kick) != 0) {
        return -1;
    }
    return fcntl(kick[0], F_SETFL, O_NONBLOCK) == 0 && fcntl(kick[1], F_SETFL, O_NONBLOCK) == 0 ? 0 : -1;
}

/* A device with its files open, or NULL with *err set. */
static struct nsapi_lwip_tap *open_files(const char *name, nsapi_error_t *err)
{
    struct nsapi_lwip_tap *tap = calloc(1, sizeof *tap);

    *err = NSAPI_ERROR_NO_MEMORY;
    if (tap == NULL) {
        return NULL;
    }
    tap->fd = tap->flags_fd = tap->wake[0] = tap->wake[1] = tap->kick[0] = tap->kick[1] = -1;
    pthread_mutex_init(&tap->link_lock, NULL);
    pthread_mutex_init(&tap->lane_lock[0], NULL);
    pthread_mutex_init(&tap->lane_lock[1], NULL);
    memcpy(tap->name, name, strlen(name) + 1);
    tap->fd = open_device(name);
    tap->flags_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (tap->fd < 0 || tap->flags_fd < 0 || pipe(tap->wake) != 0 || open_kick(tap->kick) != 0) {
        close_files(tap);
        *err = NSAPI_ERROR_DEVICE_ERROR;
        return NULL;
    }
    tap->kernel_up = device_up(tap);
    return tap;
}

/* The open device name, or NULL; under the core lock. */
static struct nsapi_lwip_tap *lookup(const char *name)
{
    struct nsapi_lwip_tap *tap;

    for (tap = devices; tap != NULL && strcmp(tap->name, name) != 0; tap = tap->next) {
    }
    return tap;
}

static bool in_use(const char *name)
{
    return lookup(name) != NULL;
}

/* Add the netif, down, its link as the device's; under the core lock. */
static nsapi_error_t add_netif(struct nsapi_lwip_tap *tap)
{
    if (in_use(tap->name)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (netif_add_noaddr(&tap->netif, tap, tap_init, tcpip_input) == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (tap->kernel_up) {
        netif_set_link_up(&tap->netif);
    }
    tap->next = devices;
    devices = tap;
    return NSAPI_ERROR_OK;
}

static void remove_netif(struct nsapi_lwip_tap *tap)
{
    struct nsapi_lwip_tap **at = &devices;

    while (*at != tap) {
        at = &(*at)->next;
    }
    *at = tap->next;
    netif_remove(&tap->netif);
}

nsapi_error_t nsapi_lwip_tap_open(const char *name, struct nsapi_lwip_tap **out)
{
    struct nsapi_lwip_tap *tap;
    nsapi_error_t err;

    bool taken;

    if (name[0] == '\0' || strlen(name) >= IFNAMSIZ) {
        return NSAPI_ERROR_PARAMETER;
    }
    NSAPI_LWIP_LOCKED(taken = in_use(name)); /* before the kernel says EBUSY; add_netif looks again */
    if (taken) {
        return NSAPI_ERROR_PARAMETER;
    }
    tap = open_files(name, &err);
    if (tap == NULL) {
        return err;
    }
    NSAPI_LWIP_LOCKED(err = add_netif(tap));
    if (err == NSAPI_ERROR_OK && pthread_create(&tap->reader, NULL, tap_reader, tap) != 0) {
        NSAPI_LWIP_LOCKED(remove_netif(tap));
        err = NSAPI_ERROR_NO_MEMORY;
    }
    if (err != NSAPI_ERROR_OK) {
        close_files(tap);
        return err;
    }
    *out = tap;
    return NSAPI_ERROR_OK;
}

struct netif *nsapi_lwip_tap_netif(struct nsapi_lwip_tap *tap)
{
    return &tap->netif;
}

struct flush {
    pthread_mutex_t lock;
    pthread_cond_t done;
    int flushed;
};

/* In lwIP's thread, after everything the reader queued before it. */
static void flushed(void *arg)
{
    struct flush *flush = arg;

    pthread_mutex_lock(&flush->lock);
    flush->flushed = 1;
    pthread_cond_signal(&flush->done);
    pthread_mutex_unlock(&flush->lock);
}

void nsapi_lwip_tap_close(struct nsapi_lwip_tap *tap)
{
    struct flush flush = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};

    if (write(tap->wake[1], "", 1) == 1) {
        pthread_join(tap->reader, NULL);
    }
    if (tcpip_callback(flushed, &flush) == ERR_OK) {
        pthread_mutex_lock(&flush.lock);
        while (!flush.flushed) {
            pthread_cond_wait(&flush.done, &flush.lock);
        }
        pthread_mutex_unlock(&flush.lock);
    }
    NSAPI_LWIP_LOCKED(remove_netif(tap));
    close_files(tap);
}

/* ---- impairing the link ------------------------------------------------------------------------ */

/* The open device name, or NULL. */
static struct nsapi_lwip_tap *find_device(const char *name)
{
    struct nsapi_lwip_tap *tap;

    NSAPI_LWIP_LOCKED(tap = lookup(name));
    return tap;
}

/* Put impair in place of the device's impairment (both lanes locked); the one it replaces. */
static nsapi_lwip_impair_t *swap_impair(struct nsapi_lwip_tap *tap, nsapi_lwip_impair_t *impair)
{
    nsapi_lwip_impair_t *old;

    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    old = tap->impair;
    tap->impair = impair;
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
    return old;
}

nsapi_error_t nsapi_lwip_tap_impair(const char *name, const nsapi_lwip_impairment_t *impairment)
{
    struct nsapi_lwip_tap *tap = name != NULL ? find_device(name) : NULL;
    nsapi_lwip_impair_t *impair = NULL, *old;
    nsapi_error_t err;

    if (tap == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (impairment != NULL && (err = nsapi_lwip_impair_create(impairment, now_ms(), &impair)) != NSAPI_ERROR_OK) {
        return err;
    }
    old = swap_impair(tap, impair);
    if (old != NULL) {
        (void)nsapi_lwip_impair_destroy(old);
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_tap_blackhole(const char *name, bool on)
{
    struct nsapi_lwip_tap *tap = name != NULL ? find_device(name) : NULL;
    nsapi_error_t err;

    if (tap == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
    pthread_mutex_lock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    err = tap->impair != NULL ? nsapi_lwip_impair_set_blackhole(tap->impair, on) : NSAPI_ERROR_NO_CONNECTION;
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_OUT]);
    pthread_mutex_unlock(&tap->lane_lock[NSAPI_LWIP_IMPAIR_IN]);
    return err;
}

nsapi_error_t nsapi_lwip_tap_impair_counters(const char *name, nsapi_lwip_impair_direction_t direction,
                                             nsapi_lwip_impair_counters_t *out)
{
    struct nsapi_lwip_tap *tap = name != NULL ? find_device(name) : NULL;
    nsapi_error_t err;

    if (tap == NULL || out == NULL || (direction != NSAPI_LWIP_IMPAIR_IN && direction != NSAPI_LWIP_IMPAIR_OUT)) {
        return NSAPI_ERROR_PARAMETER;
    }
    pthread_mutex_lock(&tap->lane_lock[direction]);
    err = tap->impair != NULL ? nsapi_lwip_impair_counters(tap->impair, direction, out) : NSAPI_ERROR_NO_CONNECTION;
    pthread_mutex_unlock(&tap->lane_lock[direction]);
    return err;
}
