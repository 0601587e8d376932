/*
 * A netif on a Linux TAP device: Ethernet frames in and out of /dev/net/tun.
 * Debian's own tapif allocates from a PBUF_POOL that its build sizes too
 * small (a heap overflow), so this one is ours: a reader thread reads each
 * frame into a PBUF_RAM pbuf and hands it to lwIP's thread with
 * tcpip_input; output writes the frame from lwIP's thread.  Stopping wakes
 * the reader through a pipe and joins it before the netif goes away.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <lwip/etharp.h>
#include <lwip/ethip6.h>
#include <lwip/netif.h>
#include <lwip/tcpip.h>
#include <netif/ethernet.h>

#include "lwip_backend.h"

#define FRAME_MAX 1518 /* an Ethernet frame with a VLAN tag, without the FCS */

static struct tap {
    struct netif netif;
    int fd;
    int wake[2]; /* writing to wake[1] ends the reader */
    pthread_t reader;
    int added;
} tap = {.fd = -1, .wake = {-1, -1}};

static err_t tap_output(struct netif *netif, struct pbuf *p)
{
    unsigned char frame[FRAME_MAX];
    u16_t length = pbuf_copy_partial(p, frame, sizeof frame, 0);

    (void)netif;
    if (p->tot_len > sizeof frame) {
        return ERR_BUF;
    }
    /* A TAP write takes the whole frame or fails; a full queue just drops it, as a wire would. */
    return write(tap.fd, frame, length) == (ssize_t)length ? ERR_OK : ERR_IF;
}

static void *tap_reader(void *arg)
{
    unsigned char frame[FRAME_MAX];
    struct pollfd fds[2] = {{tap.fd, POLLIN, 0}, {tap.wake[0], POLLIN, 0}};

    (void)arg;
    for (;;) {
        ssize_t n;
        struct pbuf *p;

        if (poll(fds, 2, -1) < 0 && errno != EINTR) {
            break;
        }
        if (fds[1].revents != 0) {
            break; /* asked to stop */
        }
        if (!(fds[0].revents & POLLIN) || (n = read(tap.fd, frame, sizeof frame)) <= 0) {
            continue;
        }
        p = pbuf_alloc(PBUF_RAW, (u16_t)n, PBUF_RAM); /* never PBUF_POOL: see above */
        if (p == NULL) {
            continue;
        }
        pbuf_take(p, frame, (u16_t)n);
        if (tap.netif.input(p, &tap.netif) != ERR_OK) {
            pbuf_free(p);
        }
    }
    return NULL;
}

static err_t tap_init(struct netif *netif)
{
    static const u8_t mac[6] = {0x02, 0x6e, 0x73, 0x61, 0x70, 0x69}; /* locally administered */

    netif->name[0] = 't';
    netif->name[1] = 'p';
    netif->output = etharp_output;
    netif->output_ip6 = ethip6_output;
    netif->linkoutput = tap_output;
    netif->mtu = 1500;
    netif->hwaddr_len = 6;
    memcpy(netif->hwaddr, mac, sizeof mac);
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP
                   | NETIF_FLAG_MLD6;
    return ERR_OK;
}

static int open_tap(const char *name)
{
    struct ifreq ifr;
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

    if (fd < 0) {
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

static void release(void)
{
    int *fds[] = {&tap.fd, &tap.wake[0], &tap.wake[1]};
    size_t i;

    for (i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        if (*fds[i] >= 0) {
            close(*fds[i]);
            *fds[i] = -1;
        }
    }
}

nsapi_error_t nsapi_lwip_tap_add(const char *name, const ip_addr_t *ipv4, const ip_addr_t *gateway,
                                 const ip_addr_t *ipv6)
{
    ip4_addr_t mask, none;

    if (tap.added || strlen(name) >= IFNAMSIZ) {
        return NSAPI_ERROR_PARAMETER;
    }
    tap.fd = open_tap(name);
    if (tap.fd < 0 || pipe(tap.wake) != 0) {
        release();
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    IP4_ADDR(&mask, 255, 255, 255, 0);
    ip4_addr_set_zero(&none);
    if (netif_add(&tap.netif, ipv4 ? ip_2_ip4(ipv4) : &none, ipv4 ? &mask : &none,
                  gateway ? ip_2_ip4(gateway) : &none, NULL, tap_init, tcpip_input) == NULL) {
        release();
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    netif_create_ip6_linklocal_address(&tap.netif, 1); /* neighbour discovery needs one */
    if (ipv6 != NULL) {
        s8_t index;

        if (netif_add_ip6_address(&tap.netif, ip_2_ip6(ipv6), &index) == ERR_OK) {
            netif_ip6_addr_set_state(&tap.netif, index, IP6_ADDR_PREFERRED); /* static: no duplicate detection */
        }
    }
    if (netif_default == NULL) {
        netif_set_default(&tap.netif);
    }
    netif_set_link_up(&tap.netif);
    netif_set_up(&tap.netif);
    if (pthread_create(&tap.reader, NULL, tap_reader, NULL) != 0) {
        netif_remove(&tap.netif);
        release();
        return NSAPI_ERROR_NO_MEMORY;
    }
    tap.added = 1;
    return NSAPI_ERROR_OK;
}

void nsapi_lwip_tap_remove(void)
{
    if (!tap.added) {
        return;
    }
    /* The reader never takes the core lock (tcpip_input only queues), so it can stop while we hold it. */
    if (write(tap.wake[1], "", 1) == 1) {
        pthread_join(tap.reader, NULL);
    }
    netif_remove(&tap.netif);
    release();
    tap.added = 0;
}
