/*
 * Loss recovery without the retransmission timer, for lwIP 2.1.3's sender.
 *
 * lwIP repairs a loss without its timer only after three duplicate ACKs, and
 * only one loss a recovery.  A small congestion window (a few segments, all a
 * 10 % loss rate leaves) rarely brings three, nor does a loss among the last
 * segments of a write, and a second loss in one window waits too: nearly every
 * loss waited for the timer, at least three slow-timer ticks and doubling at
 * each expiry (docs/reliability.md).  Two standard repairs, from the segments
 * lwIP shows us:
 *
 * - limited transmit (RFC 3042): the first two duplicate ACKs each let one
 *   new segment go beyond the congestion window, so that a small window still
 *   brings the third;
 * - NewReno's partial acknowledgements (RFC 6582): a recovery lasts until
 *   all that was sent before it is acknowledged; an ACK within it that
 *   acknowledges new data, but not all, sends the next missing segment at
 *   once.  lwIP ends its recovery at the first such ACK.
 * - the peer's SACK blocks (RFC 2018; lwIP asks for them with LWIP_TCP_SACK_OUT
 *   but its sender never reads them): when more than two segments beyond the
 *   first hole have arrived, the hole is lost, whether or not three duplicate
 *   ACKs came (a lossy link loses ACKs too, and a peer that sends data
 *   acknowledges on it, which lwIP never counts), and so is a hole sent again when
 *   more than two segments sent after it have arrived: it goes again at once
 *   instead of waiting for the timer, whose wait doubles at each expiry.  Only
 *   the highest edge is kept, so this is RFC 6675's loss rule for the first
 *   hole alone; the partial ACKs move on to the next;
 * - a tail-loss probe (after RFC 8985's): when nothing has been acknowledged
 *   for two smoothed round trips, short of the timeout, the first segment not
 *   acknowledged goes again, once, and the ACK it brings back (its SACK blocks
 *   above) repairs a loss at the end of a write, where no duplicate ACKs come,
 *   without the timeout's one-segment window and doubled wait.
 *
 * Early retransmit (RFC 5827) was tried too: at 10 % loss it acted about once
 * a 512 KiB echo, so it is not here.
 *
 * Two halves, because lwIP has no hook after it has processed an ACK:
 * nsapi_lwip_recovery_in (LWIP_HOOK_TCP_INPACKET_PCB, lwipopts.h) sees each
 * segment before lwIP does; the backend's sent callback, which lwIP calls
 * after processing an ACK and before it sends, calls nsapi_lwip_recovery_sent
 * for what can only be done then.
 */
#include <stdint.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

#if LWIP_TCP_PCB_NUM_EXT_ARGS < 3
#error "config/tcp_recovery.c keeps three words a pcb in lwIP's ext args: LWIP_TCP_PCB_NUM_EXT_ARGS >= 3"
#endif

/* A pcb's state word: four flags, and above them the bytes limited transmit added to the window. */
enum { RECOVERING = 1, RESEND = 2, TIMED_OUT = 4, PROBED = 8, LENT_SHIFT = 4 };

/* lwIP's ext-arg slots: where the recovery ends, the state word, and snd_nxt when the first hole was
 * last sent again (what the peer must hold beyond it before that sending counts as lost). */
static u8_t recover_id, state_id, resent_id;
static int have_ids;
static struct nsapi_lwip_recovery_counts counts;

static void take_ids(void)
{
    if (!have_ids) {
        recover_id = tcp_ext_arg_alloc_id();
        state_id = tcp_ext_arg_alloc_id();
        resent_id = tcp_ext_arg_alloc_id();
        have_ids = 1;
    }
}

static u32_t recover_of(const struct tcp_pcb *pcb)
{
    return (u32_t)(uintptr_t)tcp_ext_arg_get(pcb, recover_id);
}

static u32_t resent_of(const struct tcp_pcb *pcb)
{
    return (u32_t)(uintptr_t)tcp_ext_arg_get(pcb, resent_id);
}

static void resent_now(struct tcp_pcb *pcb)
{
    tcp_ext_arg_set(pcb, resent_id, (void *)(uintptr_t)pcb->snd_nxt);
}

static uintptr_t state_of(const struct tcp_pcb *pcb)
{
    return (uintptr_t)tcp_ext_arg_get(pcb, state_id);
}

static void set_state(struct tcp_pcb *pcb, uintptr_t state)
{
    tcp_ext_arg_set(pcb, state_id, (void *)state);
}

/* Give back the window that limited transmit lent, before lwIP sizes anything from it. */
static uintptr_t repay(struct tcp_pcb *pcb, uintptr_t state)
{
    tcpwnd_size_t lent = (tcpwnd_size_t)(state >> LENT_SHIFT);

    pcb->cwnd = pcb->cwnd > lent + pcb->mss ? (tcpwnd_size_t)(pcb->cwnd - lent) : pcb->mss;
    return state & (((uintptr_t)1 << LENT_SHIFT) - 1);
}

/* What lwIP counts as a duplicate ACK: nothing new acknowledged, no data, the window's edge unmoved. */
static int duplicate_ack(const struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p)
{
    return hdr->ackno == pcb->lastack && hdr->ackno == pcb->snd_wl2 && p->tot_len == 0 &&
           !(TCPH_FLAGS(hdr) & TCP_FIN) && pcb->rtime >= 0 && pcb->unacked != NULL &&
           (tcpwnd_size_t)SND_WND_SCALE(pcb, hdr->wnd) == pcb->snd_wnd;
}

/* Whether a new segment could go if the window let it: there is one, and Nagle would not hold it
 * (a last short segment waits while anything is unacknowledged). */
static int new_data_ready(const struct tcp_pcb *pcb)
{
    const struct tcp_seg *next = pcb->unsent;

    return next != NULL && (next->next != NULL || next->len >= pcb->mss || (pcb->flags & TF_NODELAY));
}

/* A duplicate ACK outside a recovery, which lwIP will count as dupacks + 1. */
static uintptr_t on_duplicate(struct tcp_pcb *pcb, uintptr_t state)
{
    if (pcb->dupacks < 2 && new_data_ready(pcb)) {
        TCP_WND_INC(pcb->cwnd, pcb->mss);
        state += (uintptr_t)pcb->mss << LENT_SHIFT;
        counts.limited_transmits++;
    } else if (pcb->dupacks == 2) {
        state = repay(pcb, state); /* lwIP's fast retransmit halves the window it had */
    }
    return state;
}

/* The segment's options, the first opt1len bytes after the header and the rest at opt2 (lwIP's split). */
struct options {
    const u8_t *first, *rest;
    u16_t len, first_len;
};

static u8_t option_byte(const struct options *o, u16_t at)
{
    return at < o->first_len ? o->first[at] : o->rest[at - o->first_len];
}

static u32_t option_u32(const struct options *o, u16_t at)
{
    return (u32_t)option_byte(o, at) << 24 | (u32_t)option_byte(o, at + 1) << 16 |
           (u32_t)option_byte(o, at + 2) << 8 | option_byte(o, at + 3);
}

/* Whether the peer's SACK blocks say it holds more than two segments beyond since. */
static int sacked_beyond(const struct tcp_pcb *pcb, const struct options *o, u32_t since)
{
    for (u16_t at = 0; at < o->len;) {
        u8_t kind = option_byte(o, at);
        if (kind == 0) {
            break;
        }
        if (kind == 1) {
            at++;
            continue;
        }
        u8_t len = at + 1 < o->len ? option_byte(o, at + 1) : 0;
        if (len < 2 || at + len > o->len) {
            break;
        }
        for (u16_t block = (u16_t)(at + 2); kind == 5 && block + 8 <= at + len; block = (u16_t)(block + 8)) {
            if (TCP_SEQ_GT(option_u32(o, (u16_t)(block + 4)), since + 2u * pcb->mss)) {
                return 1;
            }
        }
        at = (u16_t)(at + len);
    }
    return 0;
}

/* A duplicate ACK whose SACK blocks show the first hole lost: outside a recovery, start lwIP's fast
 * retransmit now (after the window limited transmit lent is given back), unless this ACK is the
 * third, at which lwIP starts it itself; inside, the hole's last sending is lost too, and it goes
 * again. */
static uintptr_t on_sack(struct tcp_pcb *pcb, uintptr_t state, const struct options *o)
{
    if (!(state & RECOVERING) && pcb->dupacks >= 2) {
        return state;
    }
    u32_t since = state & RECOVERING ? resent_of(pcb) : pcb->lastack + pcb->unacked->len;

    /* The hole goes again from the head of the unacknowledged queue, where it must be (not still
     * waiting in the unsent queue for the window). */
    if (lwip_ntohl(pcb->unacked->tcphdr->seqno) != pcb->lastack || !sacked_beyond(pcb, o, since)) {
        return state;
    }
    if (!(state & RECOVERING)) {
        state = repay(pcb, state);
        tcp_rexmit_fast(pcb);
        if (pcb->flags & TF_INFR) {
            state |= RECOVERING;
            counts.sack_recoveries++;
            resent_now(pcb);
        }
    } else if (tcp_rexmit(pcb) == ERR_OK) {
        pcb->rtime = 0;
        counts.sack_resends++;
        resent_now(pcb);
    }
    return state;
}

int nsapi_lwip_recovery_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, u16_t optlen, u16_t opt1len,
                           const u8_t *opt2, const struct pbuf *p)
{
    const struct options options = {(const u8_t *)hdr + TCP_HLEN, opt2, optlen, opt1len};

    /* A listener's pcb has only the fields common to all pcbs: state first.  hdr is in host order. */
    if (pcb->state < ESTABLISHED || pcb->state == TIME_WAIT ||
        (TCPH_FLAGS(hdr) & (TCP_ACK | TCP_RST | TCP_SYN)) != TCP_ACK) {
        return 0;
    }
    take_ids();
    uintptr_t state = state_of(pcb);
    if (pcb->flags & TF_RTO) {
        /* The timer went off: lwIP sends everything again from a window of one segment, and ends
         * any recovery; what limited transmit lent is gone with the window. */
        if (state != TIMED_OUT) {
            counts.timeouts++;
            set_state(pcb, TIMED_OUT);
        }
        return 0;
    }
    state &= ~(uintptr_t)TIMED_OUT;
    if (TCP_SEQ_GT(hdr->ackno, pcb->lastack)) {
        state &= ~(uintptr_t)PROBED; /* progress: the next silence may be probed again */
    }
    if (!(state & RECOVERING) && (pcb->flags & TF_INFR)) {
        state |= RECOVERING; /* lwIP's fast retransmit, at the ACK before */
        counts.recoveries++;
        resent_now(pcb);
    }
    if (state & RECOVERING) {
        if (TCP_SEQ_GEQ(hdr->ackno, recover_of(pcb))) {
            state &= ~(uintptr_t)RECOVERING;
        } else if (TCP_SEQ_GT(hdr->ackno, pcb->lastack) && TCP_SEQ_LEQ(hdr->ackno, pcb->snd_nxt)) {
            state |= RESEND;
        }
    }
    if (!(state & RECOVERING)) {
        /* Where a recovery that begins at this ACK ends: what has been sent so far. */
        tcp_ext_arg_set(pcb, recover_id, (void *)(uintptr_t)pcb->snd_nxt);
        if (duplicate_ack(pcb, hdr, p)) {
            state = on_duplicate(pcb, state);
        } else if (state >> LENT_SHIFT) {
            state = repay(pcb, state);
        }
    }
    /* Not duplicate_ack(): a window that moved does not make the SACK blocks less true, nor does data
     * the segment carries (an echo's peer acknowledges on its data, which lwIP never counts as a
     * duplicate ACK). */
    if (optlen > 0 && hdr->ackno == pcb->lastack && pcb->unacked != NULL && pcb->rtime >= 0) {
        state = on_sack(pcb, state, &options);
    }
    set_state(pcb, state);
    return 0;
}

void nsapi_lwip_recovery_sent(struct tcp_pcb *pcb)
{
    if (!have_ids) {
        return;
    }
    uintptr_t state = state_of(pcb);
    if (!(state & RESEND)) {
        return;
    }
    set_state(pcb, state & ~(uintptr_t)RESEND);
    /* The first segment not acknowledged is the next hole: send it again, and set lwIP's recovery
     * flag that the ACK just cleared, so that Nagle lets a short segment go and further duplicate
     * ACKs open the window instead of starting another fast retransmit. */
    if (pcb->unacked != NULL && lwip_ntohl(pcb->unacked->tcphdr->seqno) == pcb->lastack && tcp_rexmit(pcb) == ERR_OK) {
        tcp_set_flags(pcb, TF_INFR);
        counts.partial_resends++;
        resent_now(pcb);
    }
}

void nsapi_lwip_recovery_poll(struct tcp_pcb *pcb)
{
    if (!have_ids || pcb->state < ESTABLISHED || pcb->unacked == NULL || (pcb->flags & (TF_INFR | TF_RTO))) {
        return;
    }
    /* lwIP has just checked its timeout, so rtime < rto here; both count slow-timer ticks. */
    uintptr_t state = state_of(pcb);
    s16_t probe = (s16_t)LWIP_MAX(2 * (pcb->sa >> 3), 2);
    /* A short segment sent again ahead of others would wait for them (Nagle): leave it to the timer. */
    if ((state & (PROBED | RECOVERING)) || pcb->rtime < probe ||
        (pcb->unacked->next != NULL && pcb->unacked->len < pcb->mss && !(pcb->flags & TF_NODELAY))) {
        return;
    }
    u8_t nrtx = pcb->nrtx;
    if (tcp_rexmit(pcb) == ERR_OK) {
        pcb->nrtx = nrtx; /* a probe is not a timeout: the timer's backoff stays as it was */
        set_state(pcb, state | PROBED);
        counts.probes++;
    }
}

void nsapi_lwip_recovery_counts(struct nsapi_lwip_recovery_counts *out)
{
    *out = counts;
}
