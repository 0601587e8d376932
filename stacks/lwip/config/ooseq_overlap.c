/*
 * A segment inside data lwIP already holds out of order does not cut that
 * data short.
 *
 * lwIP 2.1.3 queues an out-of-order segment that begins inside one it holds
 * by trimming the held one to where the new one begins; when the new one
 * ends first, the held bytes after it are freed, although lwIP has reported
 * them to the peer in its SACK blocks.  Linux sends such segments: it cuts
 * what it sends again to the room its own SACK blocks leave (1448 or 1440
 * bytes where the first sending had 1460), so the pieces of a retransmission
 * begin and end inside segments lwIP holds.  The peer then finds SACKed data
 * reneged (Linux's TCPSACKReneging), forgets every SACK block, and after a
 * short wait sends all it has in flight again from a window of one segment
 * (docs/reliability.md, seen in bench/lossy_link.py's captures).
 *
 * Such a segment brings no byte lwIP lacks.  When it brings nothing else
 * either (the same acknowledgement and window, no flag but ACK and PSH), the
 * input hook does what lwIP does with any out-of-order segment but queue it
 * (the connection marked active, an ACK sent at once), and drops it.  One
 * that does bring news goes to lwIP as before.
 */
#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

/* Whether a held segment begins before seq and ends after end. */
static int inside_held(const struct tcp_pcb *pcb, u32_t seq, u32_t end)
{
    for (const struct tcp_seg *held = pcb->ooseq; held != NULL; held = held->next) {
        u32_t from = held->tcphdr->seqno; /* in host order, as tcp_input left it */
        if (TCP_SEQ_LT(from, seq) && TCP_SEQ_LT(end, from + held->len)) {
            return 1;
        }
    }
    return 0;
}

int nsapi_lwip_ooseq_overlap_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p)
{
    /* A listener's pcb has only the fields common to all pcbs: state first.  hdr is in host order. */
    if ((pcb->state != ESTABLISHED && pcb->state != FIN_WAIT_1 && pcb->state != FIN_WAIT_2) ||
        pcb->ooseq == NULL || p->tot_len == 0 ||
        (TCPH_FLAGS(hdr) & (TCP_SYN | TCP_FIN | TCP_RST | TCP_URG | TCP_ACK)) != TCP_ACK) {
        return 0;
    }
    if (hdr->ackno != pcb->lastack || (tcpwnd_size_t)SND_WND_SCALE(pcb, hdr->wnd) != pcb->snd_wnd ||
        !TCP_SEQ_GT(hdr->seqno, pcb->rcv_nxt) || !inside_held(pcb, hdr->seqno, hdr->seqno + p->tot_len)) {
        return 0;
    }
    /* tcp_process's bookkeeping for any segment, and tcp_receive's answer to one out of order. */
    if (!(pcb->flags & TF_RXCLOSED)) {
        pcb->tmr = tcp_ticks;
    }
    pcb->keep_cnt_sent = 0;
    pcb->persist_probe = 0;
    tcp_send_empty_ack(pcb);
    return -1;
}
