/*
 * lwIP 2.1.3's retransmission timeout, as RFC 6298 sets it, and undoubled on
 * a thin connection.
 *
 * Three departures of lwIP's from RFC 6298 each lengthened a stall on a
 * lossy link (docs/reliability.md, measured with bench/lossy_link.py):
 *
 * - the first round-trip sample (2.2) should set the estimate outright:
 *   SRTT = R, RTTVAR = R / 2.  lwIP moves its variance a quarter of the way
 *   from the initial 1 s, so after a handshake on a LAN the timeout was still
 *   760 ms, and a segment lost early in a connection waited that, doubled;
 * - the timeout should double at each expiry of the timer (5.5).  lwIP's
 *   backoff counts every retransmission, fast ones and the repairs of
 *   config/tcp_recovery.c too, so a timeout after a fast retransmit was four
 *   times the estimate, and eight after two;
 * - with fewer than four segments queued (a thin connection: the end of a
 *   write, a request and its answer) nothing but the timer can show a loss,
 *   and each of its sendings lost doubled the next wait: three in a row cost
 *   seconds.  As Linux's tcp_thin_linear_timeouts, the first
 *   NSAPI_LWIP_LINEAR_TIMEOUTS expiries since the last progress keep the
 *   estimate, and they are not counted towards TCP_MAXRTX.
 *
 * The hook sees each segment before lwIP does; the backend's sent callback
 * runs after lwIP has processed an ACK (and taken its sample); its poll
 * callback runs each slow-timer tick after lwIP's timer has been checked.
 */
#include <stdint.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

/* A pcb's timer word: the expiries since the last progress that doubled the timeout and those
 * that did not, whether the estimator has been seeded, and a sample waiting to seed it. */
enum {
    DOUBLED_MASK = 0x0f,
    LINEAR_SHIFT = 4,
    LINEAR_MASK = 0x70,
    SEEDED = 0x80,
    PENDING = 0x100,
    SAMPLE_SHIFT = 9, /* the sample, in slow-timer ticks, above the flags */
    MAX_SHIFT = 7,    /* lwIP's largest backoff: 128 times the estimate */
    MIN_SV = 3        /* the variance lwIP's integer estimator settles at on a steady path */
};

static u8_t timer_id;
static int have_id;

/* Under the core lock, like every caller here. */
static void take_id(void)
{
    if (!have_id) {
        timer_id = tcp_ext_arg_alloc_id();
        have_id = 1;
    }
}

static uintptr_t word_of(const struct tcp_pcb *pcb)
{
    return (uintptr_t)tcp_ext_arg_get(pcb, timer_id);
}

static void set_word(struct tcp_pcb *pcb, uintptr_t word)
{
    tcp_ext_arg_set(pcb, timer_id, (void *)word);
}

int nsapi_lwip_rto_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr)
{
    /* A listener's pcb has only the fields common to all pcbs: state first.  hdr is in host order. */
    if (pcb->state < ESTABLISHED || pcb->state == TIME_WAIT || !(TCPH_FLAGS(hdr) & TCP_ACK) ||
        !TCP_SEQ_GT(hdr->ackno, pcb->lastack) || TCP_SEQ_GT(hdr->ackno, pcb->snd_nxt)) {
        return 0;
    }
    take_id();
    uintptr_t word = word_of(pcb) & ~(uintptr_t)(DOUBLED_MASK | LINEAR_MASK);
    /* Progress: the expiries start again from the estimate, as lwIP's timeout does.  The ACK that
     * ends lwIP's measurement (as lwIP will read it: rtseq below the ACK) gives the first sample. */
    if (!(word & SEEDED) && pcb->rttest != 0 && TCP_SEQ_LT(pcb->rtseq, hdr->ackno)) {
        uintptr_t sample = (uintptr_t)(u32_t)(tcp_ticks - pcb->rttest);
        word = PENDING | (sample << SAMPLE_SHIFT);
    }
    set_word(pcb, word);
    return 0;
}

void nsapi_lwip_rto_sent(struct tcp_pcb *pcb)
{
    if (!have_id) {
        return;
    }
    uintptr_t word = word_of(pcb);
    if (!(word & PENDING)) {
        return;
    }
    /* lwIP has folded the sample into its estimate a quarter of the way; set it as RFC 6298 does
     * for a first one (sa is 8 SRTT, sv 4 RTTVAR), no lower than lwIP's own floor. */
    s16_t sample = (s16_t)LWIP_MIN(word >> SAMPLE_SHIFT, 0x7FF);
    pcb->sa = (s16_t)(sample << 3);
    pcb->sv = (s16_t)LWIP_MAX(2 * sample, MIN_SV);
    pcb->rto = (s16_t)((pcb->sa >> 3) + pcb->sv);
    set_word(pcb, SEEDED);
}

/* Whether fewer than four segments are queued, sent or not (Linux counts those in flight; after a
 * timeout lwIP has put them all back in the unsent queue). */
static int thin(const struct tcp_pcb *pcb)
{
    int n = 0;

    for (const struct tcp_seg *seg = pcb->unacked; seg != NULL && n < 4; seg = seg->next) {
        n++;
    }
    for (const struct tcp_seg *seg = pcb->unsent; seg != NULL && n < 4; seg = seg->next) {
        n++;
    }
    return n < 4;
}

void nsapi_lwip_rto_poll(struct tcp_pcb *pcb)
{
    /* The timer went off at this tick: it set rtime to 0 after the tick's increment, and the
     * timeout from its own count. */
    if (pcb->state < ESTABLISHED || pcb->rtime != 0 || !(pcb->flags & TF_RTO) || pcb->unacked == NULL) {
        return;
    }
    take_id();
    uintptr_t word = word_of(pcb), doubled = word & DOUBLED_MASK, linear = (word & LINEAR_MASK) >> LINEAR_SHIFT;
    s32_t estimate = (pcb->sa >> 3) + pcb->sv;

    if (linear < NSAPI_LWIP_LINEAR_TIMEOUTS && thin(pcb)) {
        linear++;
        pcb->nrtx--; /* lwIP's count, which ends the connection at TCP_MAXRTX */
    } else if (doubled < DOUBLED_MASK) {
        doubled++;
    }
    pcb->rto = (s16_t)LWIP_MIN(estimate << LWIP_MIN(doubled, MAX_SHIFT), 0x7FFF);
    set_word(pcb, (word & ~(uintptr_t)(DOUBLED_MASK | LINEAR_MASK)) | doubled | linear << LINEAR_SHIFT);
}
