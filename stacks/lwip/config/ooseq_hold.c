/*
 * What arrived out of order is kept while the peer repairs the hole before
 * it, not dropped after six of lwIP's own retransmission timeouts.
 *
 * lwIP 2.1.3 frees a connection's out-of-order queue when nothing has
 * arrived for TCP_OOSEQ_TIMEOUT (6, fixed in tcp_priv.h) times the pcb's
 * retransmission timeout, the timeout of lwIP as a sender.  With nsapi's
 * 10 ms timer that timeout is 60 ms on a fast link, so the queue went after
 * 360 ms: a hole the peer's first retransmission also lost is resent by the
 * peer's timer 200 ms and then 400 ms later (Linux's floor, doubling), by
 * which time lwIP had dropped the segments it had already acknowledged with
 * SACK blocks.  The peer then finds the SACKed data reneged, waits out a
 * further timeout, and sends it all again from a window of one segment,
 * every sending a retransmission that measures no round trip, so its
 * doubled timeout stays doubled: stalls of 2 to 13 s at 10 % loss
 * (docs/reliability.md).  Linux itself never drops such data but under
 * memory pressure.
 *
 * So the backend's poll callback, which lwIP calls each slow-timer tick
 * just after that check, keeps the queue's idle time short of it, for up to
 * NSAPI_LWIP_OOSEQ_HOLD_MS since the last segment arrived; then the real
 * idle time is put back, and lwIP drops the queue as before.  The idle time
 * (pcb->tmr) is read by keep-alive too, which a held queue thus postpones by
 * at most that hold.  The queue is bounded by the receive window; on a
 * small target lwIP still frees it when its pbuf pool runs dry.
 */
#include <stdint.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>

#define HOLD_TICKS ((u32_t)(NSAPI_LWIP_OOSEQ_HOLD_MS / TCP_SLOW_INTERVAL))

/* lwIP's ext-arg slot: since when the queue has been held (the real pcb->tmr), or NULL. */
static u8_t held_id;
static int have_id;

/* Under the core lock, like every caller here. */
static void take_id(void)
{
    if (!have_id) {
        held_id = tcp_ext_arg_alloc_id();
        have_id = 1;
    }
}

/* A held queue's real idle start, stored plus one so that NULL means none. */
static int held_since(const struct tcp_pcb *pcb, u32_t *since)
{
    uintptr_t stored = (uintptr_t)tcp_ext_arg_get(pcb, held_id);

    *since = (u32_t)(stored - 1);
    return stored != 0;
}

static void hold_from(struct tcp_pcb *pcb, u32_t since)
{
    tcp_ext_arg_set(pcb, held_id, (void *)((uintptr_t)since + 1));
}

static void release(struct tcp_pcb *pcb)
{
    tcp_ext_arg_set(pcb, held_id, NULL);
}

int nsapi_lwip_ooseq_in(struct tcp_pcb *pcb)
{
    /* A listener's pcb has only the fields common to all pcbs: state first.  A segment arriving sets
     * pcb->tmr to now, which ends a hold. */
    if (have_id && pcb->state >= ESTABLISHED && pcb->state != TIME_WAIT) {
        release(pcb);
    }
    return 0;
}

/* States in which lwIP still takes data in (tcp_receive) and reads pcb->tmr only for the queue's
 * timeout and keep-alive. */
static int receiving(const struct tcp_pcb *pcb)
{
    return pcb->state == ESTABLISHED || pcb->state == FIN_WAIT_1 ||
           (pcb->state == FIN_WAIT_2 && !(pcb->flags & TF_RXCLOSED));
}

void nsapi_lwip_ooseq_poll(struct tcp_pcb *pcb)
{
    take_id();
    u32_t since;
    int holding = held_since(pcb, &since);

    if (pcb->ooseq == NULL || !receiving(pcb)) {
        if (holding) {
            pcb->tmr = since;
            release(pcb);
        }
        return;
    }
    /* lwIP drops the queue at the next tick when the idle time then reaches this. */
    u32_t limit = (u32_t)pcb->rto * TCP_OOSEQ_TIMEOUT;
    if (!holding) {
        since = pcb->tmr;
    }
    if ((u32_t)(tcp_ticks - since) >= HOLD_TICKS) {
        pcb->tmr = since; /* held long enough: the real idle time, and lwIP's rule, again */
        release(pcb);
        return;
    }
    if ((u32_t)(tcp_ticks + 1 - pcb->tmr) >= limit) {
        hold_from(pcb, since);
        pcb->tmr = tcp_ticks + 2 - LWIP_MAX(limit, 2);
    }
}
