/*
 * A data segment shorter than a full one is acknowledged at once
 * (LWIP_HOOK_TCP_INPACKET_PCB, lwipopts.h).  lwIP 2.1.3 acknowledges every
 * second full segment at once and holds the ACK of an odd one until its
 * next fast timer, up to TCP_TMR_INTERVAL (250 ms).  A peer running Nagle
 * (Linux runs Minshall's variant) holds its next short segment until its
 * last short one is acknowledged; when lwIP's side sends nothing the ACK
 * could ride on (a client reading an answer, a server reading a TLS flight),
 * the rest of the peer's message waited for that timer.  A short segment
 * usually ends a write, so acknowledging exactly those breaks the wait and
 * leaves bulk transfer, all full segments, with lwIP's ACK every second one.
 */
#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

int nsapi_lwip_quick_ack(struct tcp_pcb *pcb, const struct pbuf *p)
{
    /* A listener's pcb has only the fields common to all pcbs: state first. */
    if (pcb->state >= ESTABLISHED && pcb->state != TIME_WAIT && p->tot_len > 0 && p->tot_len < pcb->mss) {
        tcp_ack_now(pcb); /* sent by the tcp_output at the end of tcp_input */
    }
    return 0;
}
