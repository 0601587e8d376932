#include "tap_frames.h"

#include <string.h>

#include <criterion/criterion.h>

#include <lwip/inet_chksum.h>
#include <lwip/prot/ethernet.h>
#include <lwip/prot/ip4.h>
#include <lwip/prot/tcp.h>
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
        saved->netif->input = input != NULL ? input : saved->input;
        saved->netif->linkoutput = linkoutput != NULL ? linkoutput : saved->linkoutput;
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

err_t tap_tcp_forge(const struct tap_hooks *tap, const struct tcp_pcb *pcb, u32_t seq, const void *data, u16_t len)
{
    struct netif *netif = tap->netif;
    u16_t tcp_len = (u16_t)(TCP_HLEN + len), below_tcp = SIZEOF_ETH_HDR + IP_HLEN;
    struct pbuf *frame = pbuf_alloc(PBUF_RAW, (u16_t)(below_tcp + tcp_len), PBUF_RAM);

    if (frame == NULL) {
        return ERR_MEM;
    }
    u8_t *eth = frame->payload;
    struct ip_hdr *ip = (struct ip_hdr *)(eth + SIZEOF_ETH_HDR);
    struct tcp_hdr *tcp = (struct tcp_hdr *)(eth + below_tcp);
    memset(tcp, 0, TCP_HLEN);
    tcp->src = lwip_htons(pcb->remote_port);
    tcp->dest = lwip_htons(pcb->local_port);
    tcp->seqno = lwip_htonl(seq);
    tcp->ackno = lwip_htonl(pcb->lastack);
    TCPH_HDRLEN_FLAGS_SET(tcp, TCP_HLEN / 4, TCP_ACK | TCP_PSH);
#if LWIP_WND_SCALE
    tcp->wnd = lwip_htons((u16_t)(pcb->snd_wnd >> pcb->snd_scale));
#else
    tcp->wnd = lwip_htons(pcb->snd_wnd);
#endif
    memcpy((u8_t *)tcp + TCP_HLEN, data, len);
    /* The checksum over the segment alone: the frame's payload moved to it and back (a RAM pbuf). */
    pbuf_remove_header(frame, below_tcp);
    tcp->chksum = ip_chksum_pseudo(frame, IP_PROTO_TCP, tcp_len, &pcb->remote_ip, &pcb->local_ip);
    pbuf_add_header(frame, below_tcp);

    memcpy(eth, netif->hwaddr, 6);
    memcpy(eth + 6, (const u8_t[6]){0x02, 0, 0, 0, 0, 0x01}, 6); /* lwIP reads no source address */
    eth[12] = 0x08;
    eth[13] = 0x00;
    memset(ip, 0, IP_HLEN);
    IPH_VHL_SET(ip, 4, IP_HLEN / 4);
    IPH_LEN_SET(ip, lwip_htons((u16_t)(IP_HLEN + tcp_len)));
    IPH_TTL_SET(ip, 64);
    IPH_PROTO_SET(ip, IP_PROTO_TCP);
    ip4_addr_copy(ip->src, *ip_2_ip4(&pcb->remote_ip));
    ip4_addr_copy(ip->dest, *ip_2_ip4(&pcb->local_ip));
    IPH_CHKSUM_SET(ip, inet_chksum(ip, IP_HLEN));
    err_t err = tap->input(frame, netif);
    if (err != ERR_OK) {
        pbuf_free(frame);
    }
    return err;
}
