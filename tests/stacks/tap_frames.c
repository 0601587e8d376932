#include "tap_frames.h"

#include <criterion/criterion.h>

#include <lwip/tcpip.h>

static u32_t be32(const u8_t *p)
{
    return (u32_t)p[0] << 24 | (u32_t)p[1] << 16 | (u32_t)p[2] << 8 | p[3];
}

int tap_tcp_read(const struct pbuf *frame, struct tap_tcp *out)
{
    u8_t h[14 + 60 + 20];
    u16_t n = pbuf_copy_partial(frame, h, sizeof h, 0);

    if (n < 14 + 20 || h[12] != 0x08 || h[13] != 0x00 || h[14 + 9] != 6) {
        return 0; /* not IPv4, not TCP */
    }
    unsigned ihl = (h[14] & 0x0fu) * 4, total = (unsigned)h[16] << 8 | h[17];
    const u8_t *tcp = h + 14 + ihl;
    if (ihl < 20 || 14 + ihl + 20 > n) {
        return 0;
    }
    unsigned thl = (tcp[12] >> 4) * 4u;
    if (thl < 20 || total < ihl + thl) {
        return 0;
    }
    out->source = (u16_t)(tcp[0] << 8 | tcp[1]);
    out->destination = (u16_t)(tcp[2] << 8 | tcp[3]);
    out->seq = be32(tcp + 4);
    out->ack = be32(tcp + 8);
    out->flags = tcp[13];
    out->options = thl - 20;
    out->len = total - ihl - thl;
    return 1;
}

void tap_wrap(struct tap_hooks *saved, netif_input_fn input, netif_linkoutput_fn linkoutput)
{
    struct netif *netif;

    LOCK_TCPIP_CORE();
    saved->netif = NULL;
    NETIF_FOREACH(netif) {
        if (netif->linkoutput != NULL && netif->hwaddr_len == 6) {
            saved->netif = netif;
        }
    }
    if (saved->netif != NULL) {
        saved->input = saved->netif->input;
        saved->linkoutput = saved->netif->linkoutput;
        saved->netif->input = input;
        saved->netif->linkoutput = linkoutput;
    }
    UNLOCK_TCPIP_CORE();
    cr_assert_not_null(saved->netif, "the TAP netif");
}

void tap_unwrap(const struct tap_hooks *saved)
{
    LOCK_TCPIP_CORE();
    saved->netif->input = saved->input;
    saved->netif->linkoutput = saved->linkoutput;
    UNLOCK_TCPIP_CORE();
}
