/*
 * What the lwIP-on-TAP tests need to watch or drop chosen TCP frames: the
 * fixture's netif, and an Ethernet frame's IPv4 and TCP headers read.
 */
#ifndef TESTS_TAP_FRAMES_H
#define TESTS_TAP_FRAMES_H

#include <lwip/netif.h>
#include <lwip/pbuf.h>

/* A TCP segment's header fields, in host order. */
struct tap_tcp {
    u16_t source, destination; /* ports */
    u32_t seq, ack;
    u8_t flags;                /* TCP_ACK, TCP_SYN ... */
    unsigned options;          /* bytes of options */
    unsigned len;              /* bytes of data */
};

/* Whether frame is an IPv4 TCP segment over Ethernet; if so, its header in *out. */
int tap_tcp_read(const struct pbuf *frame, struct tap_tcp *out);

/* The fixture's TAP netif (the one Ethernet netif); call under the core lock. */
struct netif *tap_netif(void);

#endif
