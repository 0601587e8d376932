/*
 * TIME-WAIT that neither stalls a returning client nor grows without bound.
 *
 * lwIP 2.1.3 answers a SYN that reaches one of its TIME-WAIT connections
 * with a bare ACK (or a reset when the SYN falls inside the old window),
 * and, following RFC 1337, ignores the reset the client sends back: a
 * kernel client that reuses its source port while lwIP still holds the
 * 4-tuple hangs in SYN-SENT until the 2 MSL are over.  A server that closes
 * first holds such a connection for every client, so this happens after a
 * few thousand connections.  Here, as RFC 1122 4.2.2.13 allows and Linux
 * does, a SYN whose sequence number lies beyond what the old connection
 * received ends the TIME-WAIT and is fed to lwIP again, where the listener
 * takes it; a reset exactly at the old connection's next sequence number
 * (the answer of a client that could not use our ACK) ends it too.
 *
 * With pools from malloc lwIP never runs short of pcbs, so it never
 * recycles TIME-WAIT on its own (tcp_alloc's tcp_kill_timewait): the
 * connections pile up for 2 MSL, every unmatched segment walks them, and
 * a client's ephemeral ports run out.  nsapi_lwip_trim_time_wait() keeps
 * the newest few and ends the oldest, which is what lwIP does when its
 * static pool is empty: here whenever a SYN reaches a listener, and (the
 * backend) before each connect.
 */
#include <stdbool.h>
#include <string.h>

#include <lwip/ip.h>
#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>
#include <lwip/tcpip.h>

#if !NO_SYS
/* The segment lwIP is processing, as it arrived: IP header, TCP header in network order, data. */
static struct pbuf *copy_segment(const struct tcp_hdr *hdr, u16_t optlen, u16_t opt1len, const u8_t *opt2,
                                 const struct pbuf *p)
{
    const u8_t *ip = ip_current_is_v6() ? (const u8_t *)ip6_current_header() : (const u8_t *)ip4_current_header();
    u16_t iplen = ip_current_header_tot_len(), tcplen = (u16_t)(TCP_HLEN + optlen);
    struct tcp_hdr *out;
    struct pbuf *q;
    u8_t *at;

    if (ip == NULL || ip + iplen != (const u8_t *)hdr) {
        return NULL; /* the IP header is not where the TCP header's bytes follow it (a reassembled packet) */
    }
    q = pbuf_alloc(PBUF_RAW, (u16_t)(iplen + tcplen + p->tot_len), PBUF_RAM);
    if (q == NULL) {
        return NULL;
    }
    at = q->payload;
    MEMCPY(at, ip, (size_t)iplen + TCP_HLEN + opt1len);
    if (opt2 != NULL) {
        MEMCPY(at + iplen + TCP_HLEN + opt1len, opt2, (size_t)(optlen - opt1len));
    }
    pbuf_copy_partial(p, at + iplen + tcplen, p->tot_len, 0);
    /* tcp_input turned these to host order in place; the checksum covers them in network order. */
    out = (struct tcp_hdr *)(void *)(at + iplen);
    out->src = lwip_htons(hdr->src);
    out->dest = lwip_htons(hdr->dest);
    out->seqno = lwip_htonl(hdr->seqno);
    out->ackno = lwip_htonl(hdr->ackno);
    out->wnd = lwip_htons(hdr->wnd);
    return q;
}

#endif

/* Give lwIP the SYN again, to find the listener once this segment is done; false if it cannot be copied.
 * Without a thread to queue it to (NO_SYS) it is dropped: the client's next SYN finds the listener. */
static bool requeue_syn(const struct tcp_hdr *hdr, u16_t optlen, u16_t opt1len, const u8_t *opt2,
                        const struct pbuf *p, struct netif *netif)
{
#if NO_SYS
    (void)hdr, (void)optlen, (void)opt1len, (void)opt2, (void)p, (void)netif;
    return true;
#else
    struct pbuf *q = copy_segment(hdr, optlen, opt1len, opt2, p);

    if (q == NULL) {
        return false;
    }
    /* Queued to lwIP's thread, it comes back after this segment's processing. */
    if (tcpip_inpkt(q, netif, ip_input) != ERR_OK) {
        pbuf_free(q); /* the client sends its SYN again */
    }
    return true;
#endif
}

int nsapi_lwip_time_wait_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, u16_t optlen, u16_t opt1len,
                            const u8_t *opt2, const struct pbuf *p)
{
    u16_t flags = TCPH_FLAGS(hdr) & (TCP_SYN | TCP_ACK | TCP_RST | TCP_FIN);
    struct netif *netif = ip_current_input_netif();

    if (pcb->state == LISTEN && flags == TCP_SYN) {
        nsapi_lwip_trim_time_wait(NSAPI_LWIP_TIME_WAIT_MAX); /* a server that closes first leaves one per client */
    }
    if (pcb->state != TIME_WAIT) {
        return 0; /* pcb may be a listener's, which has no more than the fields common to all pcbs */
    }
    if (flags == TCP_RST && hdr->seqno == pcb->rcv_nxt) {
        tcp_abort(pcb); /* a TIME-WAIT pcb goes without a reset of its own */
        return -1;
    }
    if (flags != TCP_SYN || !TCP_SEQ_GT(hdr->seqno, pcb->rcv_nxt) || netif == NULL) {
        return 0; /* lwIP's own answer */
    }
    if (!requeue_syn(hdr, optlen, opt1len, opt2, p, netif)) {
        return 0;
    }
    tcp_abort(pcb);
    return -1;
}

void nsapi_lwip_trim_time_wait(unsigned keep)
{
    struct tcp_pcb *pcb = tcp_tw_pcbs, *next;
    unsigned kept;

    /* lwIP puts a connection entering TIME-WAIT at the head of the list: past the first keep are the oldest. */
    for (kept = 0; pcb != NULL && kept < keep; kept++) {
        pcb = pcb->next;
    }
    for (; pcb != NULL; pcb = next) {
        next = pcb->next;
        tcp_abort(pcb);
    }
}
