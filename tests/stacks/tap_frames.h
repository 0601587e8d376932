/*
 * What the lwIP-on-TAP tests need to watch, drop or forge chosen TCP frames:
 * the fixture's netif, an Ethernet frame's IPv4 and TCP headers read, and a
 * segment from a connection's peer made up.
 */
#ifndef TESTS_TAP_FRAMES_H
#define TESTS_TAP_FRAMES_H

#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/tcp.h>

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

/* The fixture's TAP netif's own input and output, while a test's wrappers stand in for them. */
struct tap_hooks {
    struct netif *netif;
    netif_input_fn input;           /* called by the TAP reader's thread */
    netif_linkoutput_fn linkoutput; /* called in lwIP's thread */
};

/* Put input and linkoutput in front of the fixture's TAP netif (the one Ethernet netif); saved gets
 * what they call on.  NULL leaves the netif's own.  Takes the core lock. */
void tap_wrap(struct tap_hooks *saved, netif_input_fn input, netif_linkoutput_fn linkoutput);

/* Put back what tap_wrap() saved.  Takes the core lock. */
void tap_unwrap(const struct tap_hooks *saved);

/* Hand the TAP netif's own input (saved by tap_wrap, past the case's wrapper), as the TAP reader
 * does, a segment from pcb's peer made up here: len bytes of data at sequence number seq, flags
 * ACK and PSH, acknowledging what pcb's peer last did, in the window it last gave.  Under the core
 * lock (pcb is read), so it asserts nothing: ERR_OK once handed over (lwIP's thread processes it
 * later, in order with every other frame), ERR_MEM, or what the input returned. */
err_t tap_tcp_forge(const struct tap_hooks *tap, const struct tcp_pcb *pcb, u32_t seq, const void *data, u16_t len);

#endif
