/*
 * An lwIP netif on the SMSC LAN9118 Ethernet controller, as QEMU's MPS2
 * boards have it at 0x40200000: the board's Ethernet device in a build
 * without threads (lwip_backend.h, "NO_SYS"), standing in for netif_tap.c.
 *
 * The controller is polled, not interrupt driven: nsapi_lwip_poll() runs
 * nsapi_lwip_tap_poll() from every blocking call, so a frame waits at most
 * one round of the caller's loop, and nothing runs in interrupt context
 * (lwIP with NO_SYS may not be entered from an interrupt).  Frames move
 * through the chip's FIFOs by programmed I/O, one 32-bit word at a time.
 * The link is the PHY's (its basic status register, bit 2), read every
 * NSAPI_LAN9118_LINK_POLL_MS.
 *
 * Register facts: the LAN9118 datasheet (SMSC, rev. 1.5) and QEMU 7.2's
 * hw/net/lan9118.c, which emulates the 32-bit bus mode.
 */
#include <string.h>

#include <lwip/etharp.h>
#include <lwip/ethip6.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/sys.h>

#include "lwip_backend.h"

#ifndef NSAPI_LAN9118_BASE
#define NSAPI_LAN9118_BASE 0x40200000u /* mps2-an385, -an386, -an500 */
#endif
#ifndef NSAPI_LAN9118_LINK_POLL_MS
#define NSAPI_LAN9118_LINK_POLL_MS 100u
#endif
#ifndef NSAPI_LAN9118_RX_BURST
#define NSAPI_LAN9118_RX_BURST 8u /* frames one poll takes in, so timers and callers get their turn */
#endif

#define REG(offset) (*(volatile uint32_t *)(NSAPI_LAN9118_BASE + (offset)))
#define RX_DATA_FIFO REG(0x00)
#define TX_DATA_FIFO REG(0x20)
#define RX_STATUS_FIFO REG(0x40)
#define TX_STATUS_FIFO REG(0x48)
#define BYTE_TEST REG(0x64)
#define RX_CFG REG(0x6c)
#define TX_CFG REG(0x70)
#define HW_CFG REG(0x74)
#define RX_FIFO_INF REG(0x7c)
#define TX_FIFO_INF REG(0x80)
#define PMT_CTRL REG(0x84)
#define MAC_CSR_CMD REG(0xa4)
#define MAC_CSR_DATA REG(0xa8)

#define BYTE_TEST_VALUE 0x87654321u
#define HW_CFG_SRST 0x1u
#define PMT_CTRL_READY 0x1u
#define TX_CFG_ON 0x2u
#define TX_CFG_SAO 0x4u /* the status of a sent frame may be overwritten: nobody reads it */
#define CSR_BUSY 0x80000000u
#define CSR_READ 0x40000000u
#define MAC_CR 1u
#define MAC_ADDRH 2u
#define MAC_ADDRL 3u
#define MAC_MII_ACC 6u
#define MAC_MII_DATA 7u
#define MAC_CR_MCPAS 0x00080000u /* every multicast frame: IPv6's ND and MLD, IGMP */
#define MAC_CR_FDPX 0x00100000u
#define MAC_CR_TXEN 0x8u
#define MAC_CR_RXEN 0x4u
#define PHY_ADDRESS 1u
#define PHY_BSR 1u
#define PHY_BSR_LINK 0x4u
#define TX_CMD_A_FIRST 0x2000u
#define TX_CMD_A_LAST 0x1000u
#define RX_STATUS_ERROR 0x8000u
#define FRAME_MAX 1518u /* with the CRC the chip appends to what it received */
#define WAIT_ROUNDS 100000u

struct nsapi_lwip_tap {
    struct netif netif;
    bool open;
    bool link;
    u32_t link_checked; /* sys_now() of the last look at the PHY */
    u32_t rx_frames, rx_dropped, rx_errors, tx_frames, tx_dropped;
};

static struct nsapi_lwip_tap device;
static u32_t frame[(FRAME_MAX + 3) / 4]; /* one frame on its way through the FIFOs */

/* ---- the MAC's and the PHY's registers, behind the controller's ------------------------------- */

static bool csr_idle(void)
{
    unsigned i;

    for (i = 0; i < WAIT_ROUNDS && (MAC_CSR_CMD & CSR_BUSY); i++) {
    }
    return !(MAC_CSR_CMD & CSR_BUSY);
}

static u32_t mac_read(u32_t reg)
{
    MAC_CSR_CMD = CSR_BUSY | CSR_READ | reg;
    (void)csr_idle();
    return MAC_CSR_DATA;
}

static void mac_write(u32_t reg, u32_t value)
{
    MAC_CSR_DATA = value;
    MAC_CSR_CMD = CSR_BUSY | reg;
    (void)csr_idle();
}

static u32_t phy_read(u32_t reg)
{
    mac_write(MAC_MII_ACC, (PHY_ADDRESS << 11) | (reg << 6) | 1u); /* bit 0: busy, bit 1 clear: read */
    return mac_read(MAC_MII_DATA) & 0xffffu;
}

/* ---- moving frames ----------------------------------------------------------------------------- */

static err_t transmit(struct netif *netif, struct pbuf *p)
{
    struct nsapi_lwip_tap *dev = netif->state;
    u32_t length = p->tot_len, words = (length + 3) / 4, i;

    if (length > sizeof frame || (TX_FIFO_INF & 0xffffu) < words * 4 + 8) {
        dev->tx_dropped++;
        return ERR_MEM; /* too long, or the FIFO is full: dropped as on a busy wire */
    }
    frame[words - 1] = 0;
    pbuf_copy_partial(p, frame, (u16_t)length, 0);
    TX_DATA_FIFO = TX_CMD_A_FIRST | TX_CMD_A_LAST | length; /* command A: one buffer, the whole frame */
    TX_DATA_FIFO = (length << 16) | length;                  /* command B: the tag, then the length */
    for (i = 0; i < words; i++) {
        TX_DATA_FIFO = frame[i];
    }
    while ((TX_FIFO_INF >> 16) & 0xffu) {
        (void)TX_STATUS_FIFO; /* emulations keep statuses even with SAO: keep that FIFO empty */
    }
    dev->tx_frames++;
    return ERR_OK;
}

/* Take one received frame out of the FIFO, into lwIP if it is good and a pbuf can be had. */
static void receive_one(struct nsapi_lwip_tap *dev)
{
    u32_t status = RX_STATUS_FIFO, length = (status >> 16) & 0x3fffu, words = (length + 3) / 4, i;
    struct pbuf *p = NULL;

    for (i = 0; i < words; i++) {
        u32_t word = RX_DATA_FIFO; /* the whole frame leaves the FIFO, whatever becomes of it */

        if (i < sizeof frame / sizeof frame[0]) {
            frame[i] = word;
        }
    }
    if ((status & RX_STATUS_ERROR) || length < 14 + 4 || length > FRAME_MAX) {
        dev->rx_errors++;
        return;
    }
    p = pbuf_alloc(PBUF_RAW, (u16_t)(length - 4), PBUF_POOL); /* without the CRC */
    if (p == NULL) {
        dev->rx_dropped++;
        return;
    }
    (void)pbuf_take(p, frame, (u16_t)(length - 4));
    dev->rx_frames++;
    if (dev->netif.input(p, &dev->netif) != ERR_OK) {
        pbuf_free(p);
    }
}

static bool follow_link(struct nsapi_lwip_tap *dev)
{
    bool link;

    if ((u32_t)(sys_now() - dev->link_checked) < NSAPI_LAN9118_LINK_POLL_MS) {
        return false;
    }
    dev->link_checked = sys_now();
    link = (phy_read(PHY_BSR) & PHY_BSR_LINK) != 0;
    if (link == dev->link) {
        return false;
    }
    dev->link = link;
    if (link) {
        netif_set_link_up(&dev->netif);
    } else {
        netif_set_link_down(&dev->netif);
    }
    return true;
}

bool nsapi_lwip_tap_poll(void)
{
    struct nsapi_lwip_tap *dev = &device;
    unsigned n;

    if (!dev->open) {
        return false;
    }
    for (n = 0; n < NSAPI_LAN9118_RX_BURST && ((RX_FIFO_INF >> 16) & 0xffu) != 0; n++) {
        receive_one(dev);
    }
    return follow_link(dev) || n > 0;
}

/* ---- the device ------------------------------------------------------------------------------- */

static err_t lan9118_init(struct netif *netif)
{
    u32_t low = mac_read(MAC_ADDRL), high = mac_read(MAC_ADDRH);

    netif->name[0] = 'e';
    netif->name[1] = 'n';
    netif->hwaddr_len = ETH_HWADDR_LEN;
    netif->hwaddr[0] = (u8_t)low;
    netif->hwaddr[1] = (u8_t)(low >> 8);
    netif->hwaddr[2] = (u8_t)(low >> 16);
    netif->hwaddr[3] = (u8_t)(low >> 24);
    netif->hwaddr[4] = (u8_t)high;
    netif->hwaddr[5] = (u8_t)(high >> 8);
    netif->mtu = 1500;
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP
                   | NETIF_FLAG_MLD6;
    netif->output = etharp_output;
    netif->output_ip6 = ethip6_output;
    netif->linkoutput = transmit;
    return ERR_OK;
}

/* Reset the controller and start its transmitter and receiver; false if it does not answer. */
static bool reset(void)
{
    unsigned i;

    if (BYTE_TEST != BYTE_TEST_VALUE) {
        return false;
    }
    HW_CFG = HW_CFG_SRST;
    for (i = 0; i < WAIT_ROUNDS && ((HW_CFG & HW_CFG_SRST) || !(PMT_CTRL & PMT_CTRL_READY)); i++) {
    }
    if (!(PMT_CTRL & PMT_CTRL_READY)) {
        return false;
    }
    RX_CFG = 0; /* no offset before a frame, word alignment at its end */
    TX_CFG = TX_CFG_ON | TX_CFG_SAO;
    mac_write(MAC_CR, MAC_CR_TXEN | MAC_CR_RXEN | MAC_CR_FDPX | MAC_CR_MCPAS); /* not promiscuous */
    return true;
}

nsapi_error_t nsapi_lwip_tap_open(const char *name, struct nsapi_lwip_tap **tap)
{
    struct nsapi_lwip_tap *dev = &device;
    nsapi_error_t err = NSAPI_ERROR_OK;

    if (strcmp(name, "lan9118") != 0) {
        return NSAPI_ERROR_PARAMETER;
    }
    LOCK_TCPIP_CORE();
    if (dev->open) {
        err = NSAPI_ERROR_PARAMETER;
    } else if (!reset()) {
        err = NSAPI_ERROR_DEVICE_ERROR;
    } else if (netif_add_noaddr(&dev->netif, dev, lan9118_init, NSAPI_LWIP_INPUT) == NULL) {
        err = NSAPI_ERROR_NO_MEMORY;
    } else {
        dev->open = true;
        dev->link = false;
        dev->link_checked = sys_now() - NSAPI_LAN9118_LINK_POLL_MS; /* the first poll looks */
        *tap = dev;
    }
    nsapi_lwip_unlock();
    return err;
}

struct netif *nsapi_lwip_tap_netif(struct nsapi_lwip_tap *tap)
{
    return &tap->netif;
}

void nsapi_lwip_tap_close(struct nsapi_lwip_tap *tap)
{
    LOCK_TCPIP_CORE();
    if (tap->open) {
        mac_write(MAC_CR, 0);
        netif_remove(&tap->netif);
        tap->open = false;
    }
    nsapi_lwip_unlock();
}
