/*
 * A segment that fills the hole before what arrived out of order is
 * acknowledged at once (RFC 5681, 4.2), and that acknowledgement is sent a
 * second time at the next slow-timer tick.
 *
 * lwIP 2.1.3 acknowledges a segment that fills the whole hole as any other
 * in-order one: at its next fast timer, or with the next segment.  The ACK
 * that then covers the hole and everything queued beyond it is often the
 * only one the peer gets for a while: at the end of a write nothing follows
 * it.  If that ACK is lost, the peer, its retransmission of the hole having
 * arrived, waits out its retransmission timer to send the hole again (200
 * ms at least on Linux, doubled at each expiry), and a further loss of that
 * or of the answer doubles it again: the seconds-long stalls at 10 % loss
 * each way (docs/reliability.md).  A repeat a tick later makes the loss of
 * that one ACK cost a tick instead; to the peer it is a duplicate ACK
 * without SACK blocks, one per hole filled, never the three that would
 * start a fast retransmit on its own.
 */
#include <stdint.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

/* lwIP's ext-arg slot: nonzero while the ACK of a filled hole is still to be repeated. */
static u8_t repeat_id;
static int have_id;

/* Under the core lock, like every caller here. */
static void take_id(void)
{
    if (!have_id) {
        repeat_id = tcp_ext_arg_alloc_id();
        have_id = 1;
    }
}

int nsapi_lwip_fill_ack_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p)
{
    /* A listener's pcb has only the fields common to all pcbs: state first.  hdr is in host order. */
    if (pcb->state < ESTABLISHED || pcb->state >= CLOSE_WAIT || pcb->ooseq == NULL || p->tot_len == 0) {
        return 0;
    }
    /* Data from rcv_nxt on: the hole, or its first part, is filled. */
    if (TCP_SEQ_LEQ(hdr->seqno, pcb->rcv_nxt) && TCP_SEQ_GT(hdr->seqno + p->tot_len, pcb->rcv_nxt)) {
        take_id();
        tcp_ack_now(pcb); /* sent by the tcp_output at the end of tcp_input */
        tcp_ext_arg_set(pcb, repeat_id, (void *)1);
    }
    return 0;
}

void nsapi_lwip_fill_ack_poll(struct tcp_pcb *pcb)
{
    if (have_id && tcp_ext_arg_get(pcb, repeat_id) != NULL) {
        tcp_ext_arg_set(pcb, repeat_id, NULL);
        if (pcb->state >= ESTABLISHED && pcb->state < CLOSE_WAIT) {
            tcp_ack_now(pcb); /* lwIP's slow timer calls tcp_output after the poll callback */
        }
    }
}
