/*
 * An ACK that tells a connection nothing new is dropped while its receive
 * window is zero (LWIP_HOOK_TCP_INPACKET_PCB, lwipopts.h).  lwIP 2.1.3 takes
 * every zero-length segment as outside a zero window and answers it with an
 * ACK, although RFC 793 accepts one at RCV.NXT; when both ends of a
 * connection have a full window, each answers the other's ACK, and on the
 * loopback netif, where the answer is delivered at once, they do so forever
 * under the core lock (also seen in ESP-IDF's lwIP, esp-idf issue 2425).
 * Dropping exactly those segments is what the RFC's processing would
 * amount to: they acknowledge nothing, move no window and carry no data.
 */
#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

int nsapi_lwip_tcp_in(const struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p)
{
    /* The header's fields are in host order here (tcp_input converted them); flags are not. */
    if (pcb->state == LISTEN || pcb->state == TIME_WAIT || pcb->state < ESTABLISHED) {
        return 0; /* not a synchronised connection with windows of its own */
    }
    if (pcb->rcv_wnd != 0 || p->tot_len != 0 || (TCPH_FLAGS(hdr) & (TCP_SYN | TCP_FIN | TCP_RST | TCP_URG)) != 0 ||
        (TCPH_FLAGS(hdr) & TCP_ACK) == 0) {
        return 0;
    }
    if (hdr->seqno != pcb->rcv_nxt || hdr->ackno != pcb->lastack || pcb->unacked != NULL ||
        (tcpwnd_size_t)SND_WND_SCALE(pcb, hdr->wnd) != pcb->snd_wnd) {
        return 0; /* news: something acknowledged, a window moved, or a duplicate ACK that counts */
    }
    return -1;
}
