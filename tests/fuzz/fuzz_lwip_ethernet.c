/*
 * Ethernet frames into lwIP, built with nsapi's options (its checksum checks
 * off, so that mutated frames reach the parsers behind them), through a netif
 * of this file's: 192.0.2.1/24, fe80::ff:fe00:1 and 2001:db8::1 on
 * 02:00:00:00:00:01, its output dropped.  On top, through nsapi: a UDP
 * socket bound to port 7 and a TCP server listening on port 80, both
 * non-blocking.  An input is up to FRAMES_MAX frames, each a 2-byte length
 * (big-endian) then its bytes; each frame is given to the netif's input
 * under the core lock as a driver's receive would, then what it made ready
 * is read: datagrams taken, a connection accepted, read, answered and closed.
 * The acknowledgment number of a TCP segment in a frame is taken as relative
 * to the sequence number of lwIP's last SYN-ACK, so that a handshake and what
 * follows it can be written (and found) without guessing a random number.
 * lwIP's timers run in its own thread meanwhile, so state carries from input
 * to input as on a wire.  At exit the target tears that state down (see
 * teardown()) before LeakSanitizer looks for leaks.
 */
#include <string.h>

#include <lwip/etharp.h>
#include <lwip/ethip6.h>
#include <lwip/ip4_frag.h>
#include <lwip/ip6_frag.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/tcpip.h>
#include <netif/ethernet.h>

#include "fuzz_target.h"
#include "lwip_backend.h"
#include "nsapi/lwip.h"
#include "nsapi/tcp_server.h"
#include "nsapi/tcp_socket.h"
#include "nsapi/udp_socket.h"

#define FRAME_MAX 1518      /* the largest frame a driver hands up: 1500 bytes of payload, header and VLAN tag */
#define READS_MAX 8         /* datagrams or connections taken after a frame */
#define FRAMES_MAX 16       /* frames in one input */
#define ETHER_HEADER 14
#define TCP_SYN 0x02
#define TCP_ACK 0x10

static struct netif netif;
static nsapi_stack_t stack;
static nsapi_udp_socket_t udp;
static nsapi_tcp_server_t server;
static uint32_t synack_seq;  /* of lwIP's last SYN-ACK; under the core lock */

/* Where the TCP header of the frame's IPv4 or IPv6 packet (without extension headers) begins, or 0. */
static size_t tcp_at(const uint8_t *frame, size_t size)
{
    unsigned kind = size >= ETHER_HEADER ? (unsigned)frame[12] << 8 | frame[13] : 0;
    size_t at = 0;

    if (kind == 0x0800 && size >= ETHER_HEADER + 20 && frame[ETHER_HEADER + 9] == 6) {
        at = ETHER_HEADER + (size_t)(frame[ETHER_HEADER] & 15) * 4;
    } else if (kind == 0x86dd && size >= ETHER_HEADER + 40 && frame[ETHER_HEADER + 6] == 6) {
        at = ETHER_HEADER + 40;
    }
    return at >= ETHER_HEADER + 20 && at + 20 <= size ? at : 0;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* What lwIP sends goes nowhere; a SYN-ACK's sequence number is noted. */
static err_t drop(struct netif *n, struct pbuf *p)
{
    uint8_t head[ETHER_HEADER + 60 + 20];
    u16_t size = pbuf_copy_partial(p, head, sizeof head, 0);
    size_t at = tcp_at(head, size);

    (void)n;
    if (at != 0 && (head[at + 13] & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) {
        synack_seq = get32(head + at + 4);
    }
    return ERR_OK;
}

static err_t netif_setup(struct netif *n)
{
    static const uint8_t mac[ETH_HWADDR_LEN] = {0x02, 0, 0, 0, 0, 0x01};

    n->name[0] = 'f';
    n->name[1] = 'z';
    n->output = etharp_output;
    n->output_ip6 = ethip6_output;
    n->linkoutput = drop;
    n->mtu = 1500;
    n->hwaddr_len = ETH_HWADDR_LEN;
    memcpy(n->hwaddr, mac, ETH_HWADDR_LEN);
    n->flags |= NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP | NETIF_FLAG_MLD6;
    return ERR_OK;
}

static void add_netif(void)
{
    ip4_addr_t ip, mask, gateway;
    ip6_addr_t global;

    IP4_ADDR(&ip, 192, 0, 2, 1);
    IP4_ADDR(&mask, 255, 255, 255, 0);
    IP4_ADDR(&gateway, 192, 0, 2, 254);
    IP6_ADDR(&global, PP_HTONL(0x20010db8), 0, 0, PP_HTONL(1));
    LOCK_TCPIP_CORE();
    FUZZ_CHECK(netif_add(&netif, &ip, &mask, &gateway, NULL, netif_setup, ethernet_input) != NULL);
    netif_create_ip6_linklocal_address(&netif, 1);
    netif_ip6_addr_set_state(&netif, 0, IP6_ADDR_VALID); /* no duplicate detection on a wire of our own */
    FUZZ_CHECK(nsapi_lwip_add_static_ip6(&netif, &global) == ERR_OK);
    netif_set_default(&netif);
    netif_set_up(&netif);
    netif_set_link_up(&netif);
    UNLOCK_TCPIP_CORE();
}

/*
 * Release what lwIP holds until a timer, at exit: LeakSanitizer's check, set
 * up before main, runs after this.  A datagram waiting for its missing
 * fragments chains them through a pointer lwIP writes into the previous
 * fragment's payload, where a received frame puts it 2 bytes off a word
 * (struct ip_reass_helper, struct ip6_reass_helper over the IP and fragment
 * headers); LeakSanitizer scans aligned words only, so those fragments look
 * unreachable until the reassembly timer frees them (IP_REASS_MAXAGE,
 * IPV6_REASS_MAXAGE ticks).  Ticking it that often here frees them as the
 * timer would; removing the netif frees the ARP and neighbour queues.  What is
 * still unreachable afterwards is a leak.
 */
static void teardown(void)
{
    int tick;

    FUZZ_CHECK(nsapi_udp_socket_close(&udp) == NSAPI_ERROR_OK);
    FUZZ_CHECK(nsapi_tcp_server_close(&server) == NSAPI_ERROR_OK);
    LOCK_TCPIP_CORE();
    for (tick = 0; tick <= IP_REASS_MAXAGE; tick++) {
        ip_reass_tmr();
    }
    for (tick = 0; tick <= IPV6_REASS_MAXAGE; tick++) {
        ip6_reass_tmr();
    }
    netif_remove(&netif);
    UNLOCK_TCPIP_CORE();
    FUZZ_CHECK(nsapi_lwip_deinit(&stack) == NSAPI_ERROR_OK); /* every connection accepted was closed */
}

static void open_sockets(void)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 7};

    FUZZ_CHECK(nsapi_lwip_init(&stack) == NSAPI_ERROR_OK);
    add_netif();
    FUZZ_CHECK(nsapi_udp_socket_open(&udp, &stack) == NSAPI_ERROR_OK);
    FUZZ_CHECK(nsapi_udp_socket_bind(&udp, &any) == NSAPI_ERROR_OK);
    nsapi_udp_socket_set_blocking(&udp, false);
    any.port = 80;
    FUZZ_CHECK(nsapi_tcp_server_open(&server, &stack) == NSAPI_ERROR_OK);
    FUZZ_CHECK(nsapi_tcp_server_bind(&server, &any) == NSAPI_ERROR_OK);
    FUZZ_CHECK(nsapi_tcp_server_listen(&server, 4) == NSAPI_ERROR_OK);
    nsapi_tcp_server_set_blocking(&server, false);
    FUZZ_CHECK(atexit(teardown) == 0);
}

/*
 * The frame at data, as a driver gives one: copied into a pbuf from lwIP's
 * pool (a TCP acknowledgment made absolute), handed to the netif's input.
 */
static void receive(const uint8_t *data, size_t size)
{
    static uint8_t frame[FRAME_MAX];
    struct pbuf *p;
    size_t at;

    memcpy(frame, data, size);
    LOCK_TCPIP_CORE();
    at = tcp_at(frame, size);
    if (at != 0) {
        put32(frame + at + 8, get32(frame + at + 8) + synack_seq);
    }
    p = pbuf_alloc(PBUF_RAW, (u16_t)size, PBUF_POOL);
    if (p != NULL) {
        FUZZ_CHECK(pbuf_take(p, frame, (u16_t)size) == ERR_OK);
        if (netif.input(p, &netif) != ERR_OK) {
            pbuf_free(p);
        }
    }
    nsapi_lwip_unlock();
}

/* What the frame made ready: datagrams read, a connection accepted, read, answered and closed. */
static void serve(void)
{
    static uint8_t buf[2048];
    nsapi_socket_address_t from;
    int i;

    for (i = 0; i < READS_MAX && nsapi_udp_socket_recvfrom(&udp, &from, buf, sizeof buf) >= 0; i++) {
    }
    for (i = 0; i < READS_MAX; i++) {
        nsapi_tcp_socket_t connection = {0};

        if (nsapi_tcp_server_accept(&server, &connection, &from) != NSAPI_ERROR_OK) {
            break;
        }
        nsapi_tcp_socket_set_blocking(&connection, false);
        (void)nsapi_tcp_socket_recv(&connection, buf, sizeof buf);
        (void)nsapi_tcp_socket_send(&connection, "HTTP/1.0 204 No Content\r\n\r\n", 27);
        nsapi_tcp_socket_close(&connection);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int opened;
    size_t at = 0;
    int frames;

    if (!opened) {
        open_sockets();
        opened = 1;
    }
    for (frames = 0; frames < FRAMES_MAX && size - at >= 2; frames++) {
        size_t length = (size_t)data[at] << 8 | data[at + 1];

        at += 2;
        length = length < size - at ? length : size - at;
        if (length >= ETHER_HEADER && length <= FRAME_MAX) { /* else no header, or more than any driver hands up */
            receive(data + at, length);
            serve();
        }
        at += length;
    }
    return 0;
}
