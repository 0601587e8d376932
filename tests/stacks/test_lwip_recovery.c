/*
 * Loss recovery in lwIP's sender (stacks/lwip/config/tcp_recovery.c), over
 * the conformance fixture's TAP device.  The first three cases drop chosen
 * frames, by sequence number, while 128 KiB go to the kernel's discard
 * service, so they do not depend on timing:
 * - two holes in one window: the duplicate ACKs let new segments go (limited
 *   transmit), the third starts a fast retransmit, and the ACK that then
 *   covers the first hole but not the second sends the second again at once;
 * - a hole whose fast retransmit is lost too: the SACK blocks for what was
 *   sent after it show it lost, and it goes a third time;
 * - a hole whose duplicate ACKs are lost but one: that one's SACK blocks start
 *   the fast retransmit.
 * Without each repair, its case waits for the retransmission timer.  Three
 * cases check that timer (config/rto.c) in lwIP's slow-timer ticks: the first
 * round trip sets its estimate, its waits stay at the estimate on a thin
 * connection, and a fast retransmit does not double it.  One
 * case is lwIP's receiving side: every sending of one of the kernel's
 * segments is dropped for 700 ms, until its timer's third (200, 400 and
 * 800 ms apart), and what lwIP held beyond the hole meanwhile must still be
 * there when the hole is filled; and one makes up the kernel's data in
 * pieces (its own sendings dropped): a piece sent again inside what lwIP
 * holds out of order must not cut that short.  The last case echoes 512 KiB
 * through a link that loses 10 % each way
 * (netif_impair.c) and checks the data; how often the timer was needed there
 * varies from run to run, and bench/lossy_link.py measures it
 * (docs/reliability.md).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include <lwip/priv/tcp_priv.h>
#include <lwip/tcpip.h>

#include "clock.h"
#include "fixture.h"
#include "nsapi/lwip.h"
#include "tap_frames.h"

#define TAP "nsapi0" /* fixture_lwip_tap.c's device */
#define CHUNK 16384
#define CALL_MS 20000 /* a segment lost several times in a row waits out doubling timeouts */

static void setup(void)
{
    fixture_setup();
}

TestSuite(lwip_recovery, .init = setup, .fini = fixture_teardown, .timeout = 120);

static struct nsapi_lwip_recovery_counts counts_now(void)
{
    struct nsapi_lwip_recovery_counts c;

    LOCK_TCPIP_CORE();
    nsapi_lwip_recovery_counts(&c);
    UNLOCK_TCPIP_CORE();
    return c;
}

/* All of size bytes sent, or recv'd, through s, or the case fails. */
static void send_all(nsapi_tcp_socket_t *s, const char *data, size_t size)
{
    for (size_t sent = 0; sent < size;) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(s, data + sent, size - sent);

        cr_assert_gt(n, 0, "send: %d", (int)n);
        sent += (size_t)n;
    }
}

static void recv_all(nsapi_tcp_socket_t *s, char *into, size_t size)
{
    for (size_t got = 0; got < size;) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_recv(s, into + got, size - got);

        cr_assert_gt(n, 0, "recv: %d", (int)n);
        got += (size_t)n;
    }
}

/* ---- Dropping chosen segments: wrappers around the TAP netif's linkoutput and input ---- */

enum { HOLES = 2, SENDINGS = 8 };

static struct {
    struct tap_hooks tap;
    u16_t port;               /* the peer's */
    int have_base;            /* base: the sequence number of the first byte of data */
    u32_t base;
    u32_t hole[HOLES];        /* data offsets whose segments are dropped */
    int times[HOLES];         /* how many of their sendings, the first ones */
    int dropped[HOLES];
    u32_t sent_at[SENDINGS];  /* lwIP's slow-timer tick at each sending of the first hole's segment, */
    s32_t estimate[SENDINGS]; /* and the connection's estimate then (srtt + 4 rttvar), in ticks */
    int sendings;
    u32_t first_hole;         /* the sequence number of the first hole, once dropped */
    int one_ack;              /* let only the third of the duplicate ACKs for the first hole in */
    int no_ack;               /* let none of them in */
    int acks;                 /* duplicate ACKs for the first hole seen */
    /* Coming in: the first in_times sendings of the peer's segment holding data offset in_hole, for
     * in_ms from the first; the end of the data that had reached lwIP when one got through, the
     * sendings that got through, and lwIP's ACKs beyond the hole (the first dropped if
     * drop_ack_past), with the sendings through when the second went. */
    int in_have_base, in_times, in_dropped, in_filled, in_passed, drop_ack_past, acks_past, passed_at_second;
    int64_t in_ms, in_first;
    u32_t in_base, in_hole, in_hole_seq, in_end, in_held, ack_past;
} cut;

static u32_t ticks_now(void)
{
    LOCK_TCPIP_CORE();
    u32_t ticks = tcp_ticks;
    UNLOCK_TCPIP_CORE();
    return ticks;
}

/* The retransmission estimate, (sa >> 3) + sv in lwIP's terms, of the connection to the peer's port;
 * on lwIP's thread. */
static s32_t estimate_now(void)
{
    for (const struct tcp_pcb *pcb = tcp_active_pcbs; pcb != NULL; pcb = pcb->next) {
        if (pcb->remote_port == cut.port) {
            return (pcb->sa >> 3) + pcb->sv;
        }
    }
    return -1;
}

/* lwIP's thread, sending: drop the chosen sendings. */
static err_t cutting_linkoutput(struct netif *netif, struct pbuf *p)
{
    struct tap_tcp t;

    if (tap_tcp_read(p, &t) && t.destination == cut.port && cut.in_dropped > 0 && (t.flags & 0x10) /* ACK */ &&
        (s32_t)(t.ack - cut.in_hole_seq) > 0 && ++cut.acks_past <= 2) {
        if (cut.acks_past == 2) {
            cut.passed_at_second = cut.in_passed;
        } else {
            cut.ack_past = t.ack;
            if (cut.drop_ack_past) {
                return ERR_OK;
            }
        }
    }
    if (tap_tcp_read(p, &t) && t.destination == cut.port && t.len > 0) {
        if (!cut.have_base) {
            cut.base = t.seq;
            cut.have_base = 1;
        }
        if (cut.times[0] > 0 && cut.hole[0] - (t.seq - cut.base) < t.len && cut.sendings < SENDINGS) {
            cut.estimate[cut.sendings] = estimate_now();
            cut.sent_at[cut.sendings++] = tcp_ticks;
        }
        for (int i = 0; i < HOLES; i++) {
            if (cut.dropped[i] < cut.times[i] && cut.hole[i] - (t.seq - cut.base) < t.len) {
                cut.first_hole = i == 0 ? t.seq : cut.first_hole;
                cut.dropped[i]++;
                return ERR_OK;
            }
        }
    }
    return cut.tap.linkoutput(netif, p);
}

/* Whether to drop a data segment from the peer: one of the first in_times sendings of the segment
 * holding data offset in_hole, until in_ms have passed since the first.  Under the core lock. */
static int drop_coming_in(const struct tap_tcp *t)
{
    if (!cut.in_have_base) {
        cut.in_base = t->seq;
        cut.in_have_base = 1;
    }
    if (cut.in_hole - (t->seq - cut.in_base) < t->len) {
        if (cut.in_dropped == 0) {
            cut.in_first = now_ms();
        }
        if (!cut.in_filled && cut.in_dropped < cut.in_times && now_ms() - cut.in_first < cut.in_ms) {
            cut.in_hole_seq = t->seq;
            cut.in_dropped++;
            return 1;
        }
        if (!cut.in_filled) {
            cut.in_held = cut.in_end; /* what lwIP has, out of order, as the hole fills */
            cut.in_filled = 1;
        }
        cut.in_passed++;
    } else if ((s32_t)(t->seq + t->len - cut.in_base - cut.in_end) > 0) {
        cut.in_end = t->seq + t->len - cut.in_base;
    }
    return 0;
}

/* The reader thread's input: drop duplicate ACKs for the first hole (from the peer's port, no data,
 * acknowledging up to the hole, with options: the kernel's SACK blocks; the ACK that first reached
 * the hole has none), all but the third; and the chosen sendings of the peer's data.  The decision
 * is made under the core lock, as lwIP's thread writes what it reads. */
static err_t cutting_input(struct pbuf *p, struct netif *netif)
{
    struct tap_tcp t;
    int drop = 0;

    if (tap_tcp_read(p, &t) && t.source == cut.port) {
        LOCK_TCPIP_CORE();
        if (t.len == 0 && t.options > 0 && (cut.one_ack || cut.no_ack) && cut.dropped[0] > 0 &&
            t.ack == cut.first_hole) {
            drop = ++cut.acks != 3 || cut.no_ack;
        } else if (t.len > 0 && cut.in_ms > 0) {
            drop = drop_coming_in(&t);
        }
        UNLOCK_TCPIP_CORE();
    }
    if (drop) {
        pbuf_free(p);
        return ERR_OK;
    }
    return cut.tap.input(p, netif);
}

/* Drop the first `times` sendings of the segments that hold data offsets first and second (times 0:
 * none). */
static void cut_start(const nsapi_socket_address_t *peer, u32_t first, u32_t second, int times[HOLES])
{
    memset(&cut, 0, sizeof cut);
    cut.port = nsapi_socket_address_get_port(peer);
    cut.hole[0] = first;
    cut.hole[1] = second;
    memcpy(cut.times, times, sizeof cut.times);
    tap_wrap(&cut.tap, cutting_input, cutting_linkoutput);
}

static void cut_stop(void)
{
    tap_unwrap(&cut.tap);
}

/* A connection from lwIP (s, opened) to a kernel socket of the case's own on the fixture's kernel
 * address; *peer is that socket's address.  Returns the kernel's end, with TCP_NODELAY, and closes
 * the listener. */
static int kernel_peer(nsapi_tcp_socket_t *s, nsapi_socket_address_t *peer)
{
    struct sockaddr_in kernel = {.sin_family = AF_INET};
    socklen_t length = sizeof kernel;
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;

    cr_assert_geq(listener, 0);
    cr_assert_eq(inet_pton(AF_INET, fx->kernel, &kernel.sin_addr), 1);
    cr_assert_eq(bind(listener, (struct sockaddr *)&kernel, sizeof kernel), 0);
    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(getsockname(listener, (struct sockaddr *)&kernel, &length), 0);
    *peer = fx->tcp[ECHO];
    nsapi_socket_address_set_port(peer, ntohs(kernel.sin_port));
    cr_assert_eq(nsapi_tcp_socket_connect(s, peer), NSAPI_ERROR_OK);
    int conn = accept(listener, NULL, NULL);
    cr_assert_geq(conn, 0);
    close(listener);
    cr_assert_eq(setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
    return conn;
}

/* What the repairs did from before to after, logged. */
static struct nsapi_lwip_recovery_counts counts_between(const struct nsapi_lwip_recovery_counts *before,
                                                        const struct nsapi_lwip_recovery_counts *after)
{
    struct nsapi_lwip_recovery_counts did = {
        .recoveries = after->recoveries - before->recoveries,
        .partial_resends = after->partial_resends - before->partial_resends,
        .limited_transmits = after->limited_transmits - before->limited_transmits,
        .sack_recoveries = after->sack_recoveries - before->sack_recoveries,
        .sack_resends = after->sack_resends - before->sack_resends,
        .probes = after->probes - before->probes,
        .timeouts = after->timeouts - before->timeouts,
    };

    cr_log_info("recoveries %lu, partial resends %lu, limited transmits %lu, SACK recoveries %lu, SACK resends %lu, "
                "probes %lu, timeouts %lu",
                did.recoveries, did.partial_resends, did.limited_transmits, did.sack_recoveries, did.sack_resends,
                did.probes, did.timeouts);
    return did;
}

/* What the repairs did while 128 KiB went to the kernel's discard service through the holes cut_start
 * makes.  At the tenth segment slow start has opened the window to about a dozen segments, far
 * fewer than the 64 KiB send buffer holds: a hole there is followed by enough segments for three
 * duplicate ACKs, and there are full segments for limited transmit to send.  When the last send
 * returns, the first 64 KiB, the holes among them, have been acknowledged. */
static struct nsapi_lwip_recovery_counts send_through_holes(u32_t first, u32_t second, int times[HOLES], int one_ack)
{
    static char data[128 * 1024];
    nsapi_tcp_socket_t s = {0};
    struct nsapi_lwip_recovery_counts before, after;

    memset(data, 'r', sizeof data);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    cut_start(&fx->tcp[DISCARD], first, second, times);
    cut.one_ack = one_ack;
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[DISCARD]), NSAPI_ERROR_OK);
    before = counts_now();
    send_all(&s, data, sizeof data);
    after = counts_now();
    cut_stop();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    cr_assert(cut.dropped[0] == times[0] && cut.dropped[1] == times[1], "the chosen sendings were dropped");
    return counts_between(&before, &after);
}

Test(lwip_recovery, two_holes_in_one_window_are_repaired_by_duplicate_and_partial_acks)
{
    struct nsapi_lwip_recovery_counts did = send_through_holes(10 * TCP_MSS, 13 * TCP_MSS, (int[HOLES]){1, 1}, 0);

    cr_expect_geq(did.limited_transmits, 1, "limited transmit let new segments go");
    cr_expect_eq(did.recoveries, 1, "one fast retransmit, for the first hole");
    cr_expect_geq(did.partial_resends, 1, "the partial ACK sent the second hole again");
}

Test(lwip_recovery, a_hole_lost_again_goes_again_when_sack_shows_it)
{
    struct nsapi_lwip_recovery_counts did = send_through_holes(10 * TCP_MSS, 0, (int[HOLES]){2, 0}, 0);

    /* Three duplicate ACKs start it, or the SACK blocks of fewer when the kernel's ACKs come
     * coalesced (seen once in ten runs). */
    cr_expect_eq(did.recoveries + did.sack_recoveries, 1, "one fast retransmit, whose segment is lost again");
    cr_expect_eq(did.sack_resends, 1, "the SACK blocks beyond it sent it a third time");
    cr_expect_eq(did.timeouts, 0, "without the timer");
}

Test(lwip_recovery, a_hole_whose_duplicate_acks_are_lost_goes_again_when_sack_shows_it)
{
    struct nsapi_lwip_recovery_counts did = send_through_holes(10 * TCP_MSS, 0, (int[HOLES]){1, 0}, 1);

    cr_expect_geq(cut.acks, 3, "the duplicate ACKs came, and all but one were dropped");
    cr_expect_eq(did.sack_recoveries, 1, "one duplicate ACK's SACK blocks started the fast retransmit");
    cr_expect_eq(did.timeouts, 0, "without the timer");
}

/* Whether at least n duplicate ACKs for the first hole have been seen; takes the core lock. */
static int acks_seen(int n)
{
    LOCK_TCPIP_CORE();
    int seen = cut.acks >= n;
    UNLOCK_TCPIP_CORE();
    return seen;
}

Test(lwip_recovery, a_hole_shown_by_sack_on_the_peers_data_goes_again)
{
    static char data[20 * TCP_MSS], back[sizeof data], answer[3];
    nsapi_socket_address_t peer;
    nsapi_tcp_socket_t s = {0};
    struct nsapi_lwip_recovery_counts before, after;
    struct timeval patience = {.tv_sec = CALL_MS / 1000};

    memset(data, 'd', sizeof data);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    int conn = kernel_peer(&s, &peer);
    cr_assert_eq(setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience), 0);
    /* The 11th segment's first sending is lost, and so is every duplicate ACK for it: lwIP counts
     * none.  Then the kernel sends three bytes, a segment each, which acknowledge up to the hole with
     * SACK blocks for what followed it, as an echo's peer acknowledges on its data. */
    cut_start(&peer, 10 * TCP_MSS, 0, (int[HOLES]){1, 0});
    cut.no_ack = 1;
    before = counts_now();
    cr_assert_eq(nsapi_tcp_socket_send(&s, data, sizeof data), (nsapi_size_or_error_t)sizeof data);
    for (int i = 0; i < 2000 && !acks_seen(3); i++) {
        sleep_ms(1);
    }
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(send(conn, "k", 1, 0), 1);
    }
    for (size_t got = 0; got < sizeof back;) {
        ssize_t n = recv(conn, back + got, sizeof back - got, 0);

        cr_assert_gt(n, 0, "the kernel's recv: %zd", n);
        got += (size_t)n;
    }
    recv_all(&s, answer, sizeof answer);
    after = counts_now();
    cut_stop();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    close(conn);
    cr_assert_eq(memcmp(data, back, sizeof data), 0);
    cr_assert(cut.dropped[0] == 1 && cut.acks >= 3, "the hole and its duplicate ACKs were dropped (%d)", cut.acks);

    struct nsapi_lwip_recovery_counts did = counts_between(&before, &after);
    cr_expect_eq(did.sack_recoveries, 1, "the SACK blocks on the kernel's data started the fast retransmit");
    cr_expect_eq(did.timeouts + did.probes, 0, "without the timer or a probe");
}

/* Ten segments to the echo service, the first `times` sendings of the one holding data offset at
 * dropped, and the echo checked; what the repairs did. */
static struct nsapi_lwip_recovery_counts echo_losing(u32_t at, int times)
{
    static char data[10 * TCP_MSS], back[sizeof data];
    nsapi_tcp_socket_t s = {0};
    struct nsapi_lwip_recovery_counts before, after;

    memset(data, 't', sizeof data);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    cut_start(&fx->tcp[ECHO], at, 0, (int[HOLES]){times, 0});
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    /* lwIP times no segment sent at tick 0 (rttest 0 means none), where a fresh process starts. */
    for (int i = 0; i < 100 && ticks_now() == 0; i++) {
        sleep_ms(10);
    }
    before = counts_now();
    cr_assert_eq(nsapi_tcp_socket_send(&s, data, sizeof data), (nsapi_size_or_error_t)sizeof data);
    recv_all(&s, back, sizeof back);
    after = counts_now();
    cut_stop();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    cr_assert_eq(cut.dropped[0], times, "the segment's first %d sendings were dropped", times);
    cr_assert_eq(memcmp(data, back, sizeof data), 0);
    return counts_between(&before, &after);
}

/* The last of ten segments lost: nothing follows it to bring a duplicate ACK. */
Test(lwip_recovery, a_lost_last_segment_is_sent_again_by_the_probe)
{
    struct nsapi_lwip_recovery_counts did = echo_losing(9 * TCP_MSS, 1);

    cr_expect_eq(did.probes, 1, "one probe");
    cr_expect_eq(did.timeouts, 0, "without the timer");
}

/* The last segment and its probe lost: the timer sends it again after the estimate that the
 * connection's first round trip set, a few ticks on this link.  lwIP alone moves its estimate a
 * quarter of the way from the initial 1 s (50 ticks) at the first sample, to 38 ticks. */
Test(lwip_recovery, the_first_round_trip_sets_the_timeout)
{
    echo_losing(9 * TCP_MSS, 2);

    cr_assert_geq(cut.sendings, 3, "the first sending, the probe and the timer's");
    for (int i = 0; i < cut.sendings; i++) {
        cr_log_info("sending %d: tick %u, estimate %d", i, (unsigned)cut.sent_at[i], (int)cut.estimate[i]);
    }
    cr_expect(cut.estimate[0] > 0 && cut.estimate[0] < NSAPI_LWIP_INITIAL_RTO_MS / TCP_SLOW_INTERVAL / 2,
              "the estimate (%d ticks) follows the round trip", (int)cut.estimate[0]);
    cr_expect_leq(cut.sent_at[2] - cut.sent_at[0], (u32_t)cut.estimate[0] + 1);
}

/* The last segment, its probe and the timer's first four sendings lost: on a connection with one
 * segment queued each of the timer's waits is the estimate instead of doubling (2, 4, 8, 16 times
 * it).  Counted in lwIP's slow-timer ticks, so a loaded machine that runs the timer late does not
 * change them. */
Test(lwip_recovery, a_thin_connections_timer_does_not_double)
{
    echo_losing(9 * TCP_MSS, 6);

    cr_assert_geq(cut.sendings, 7, "the first sending, the probe, and five of the timer's");
    for (int i = 3; i < 7; i++) {
        u32_t wait = cut.sent_at[i] - cut.sent_at[i - 1];

        cr_expect_leq(wait, (u32_t)cut.estimate[i - 1] + 1, "the timer's wait %d: %u ticks, the estimate %d", i - 2,
                      (unsigned)wait, (int)cut.estimate[i - 1]);
    }
}

/* The seventh of ten segments lost, then its fast retransmit and the timer's first sending: the
 * timer's second comes twice the estimate after its first, as RFC 6298 doubles at each expiry.
 * lwIP's backoff counts the fast retransmit too, which made it four times. */
Test(lwip_recovery, the_timeout_doubles_at_the_timers_expiries_only)
{
    struct nsapi_lwip_recovery_counts did = echo_losing(6 * TCP_MSS, 3);

    cr_assert_geq(cut.sendings, 4, "the first sending, the fast retransmit and two of the timer's");
    cr_expect_eq(did.recoveries + did.sack_recoveries, 1, "one fast retransmit");
    u32_t wait = cut.sent_at[3] - cut.sent_at[2];
    cr_expect_leq(wait, 2 * (u32_t)cut.estimate[2] + 1, "the timer's second sending %u ticks after its first, the estimate %d",
                  (unsigned)wait, (int)cut.estimate[2]);
}

Test(lwip_recovery, data_after_a_hole_is_kept_while_the_peer_resends_the_hole)
{
    static char data[32 * TCP_MSS], back[sizeof data];
    nsapi_tcp_socket_t s = {0};
    char byte = 'p';

    memset(data, 'o', sizeof data);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    /* Round trips measured bring lwIP's timeout down to its floor (60 ms), and the six of them it kept
     * data out of order for to 360 ms.  lwIP times a round trip only once its slow timer has ticked
     * (a sample taken at tick 0 reads as none): a few ms between them. */
    for (int i = 0; i < 16; i++) {
        cr_assert_eq(nsapi_tcp_socket_send(&s, &byte, 1), 1);
        cr_assert_eq(nsapi_tcp_socket_recv(&s, &byte, 1), 1);
        sleep_ms(5);
    }
    cut_start(&fx->tcp[ECHO], 0, 0, (int[HOLES]){0, 0});
    LOCK_TCPIP_CORE();
    cut.in_hole = 10 * TCP_MSS;
    /* The fast retransmit, the timer's first (200 ms on) and second (400 ms more) are lost too: the
     * next comes 800 ms later, and nothing else comes meanwhile, the rest having arrived. */
    cut.in_ms = 700;
    cut.in_times = 1000;
    UNLOCK_TCPIP_CORE();
    send_all(&s, data, sizeof data);
    recv_all(&s, back, sizeof back);
    cut_stop();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    cr_assert_eq(memcmp(data, back, sizeof data), 0);
    cr_log_info("the hole dropped %d times; %u bytes had arrived when it filled", cut.in_dropped,
                (unsigned)cut.in_held);
    cr_assert(cut.in_filled && cut.in_dropped >= 3 && cut.acks_past > 0, "the hole was dropped, then filled");
    cr_assert_gt(cut.in_held, cut.in_hole + TCP_MSS, "data beyond the hole had arrived");
    cr_expect_geq(cut.ack_past - cut.in_base, cut.in_held,
                  "the hole filled, lwIP acknowledged what it had held beyond (%u bytes), not just to the "
                  "hole's end (ACK at %u)", (unsigned)cut.in_held, (unsigned)(cut.ack_past - cut.in_base));
}

/* Whether lwIP has sent its second ACK beyond the hole; takes the core lock. */
static int acked_past_twice(void)
{
    LOCK_TCPIP_CORE();
    int twice = cut.acks_past >= 2;
    UNLOCK_TCPIP_CORE();
    return twice;
}

Test(lwip_recovery, the_ack_of_a_filled_hole_goes_twice)
{
    static char data[12 * TCP_MSS], back[sizeof data];
    nsapi_socket_address_t peer;
    nsapi_tcp_socket_t s = {0};

    /* The kernel's side is a socket of the case's own, which sends 12 segments and then nothing. */
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    int conn = kernel_peer(&s, &peer);
    /* The 11th segment's first sending is dropped, the 12th arrives: the fast retransmit fills the
     * hole, and lwIP's first ACK that says so is dropped.  Nothing else is sent, so without a second
     * ACK lwIP says no more until the kernel's timer sends the hole again (200 ms or more). */
    cut_start(&peer, 0, 0, (int[HOLES]){0, 0});
    LOCK_TCPIP_CORE();
    cut.in_hole = 10 * TCP_MSS;
    cut.in_times = 1;
    cut.in_ms = CALL_MS;
    cut.drop_ack_past = 1;
    UNLOCK_TCPIP_CORE();
    memset(data, 'f', sizeof data);
    cr_assert_eq(send(conn, data, sizeof data, 0), (ssize_t)sizeof data);
    for (int i = 0; i < 500 && !acked_past_twice(); i++) {
        sleep_ms(10);
    }
    cut_stop();
    recv_all(&s, back, sizeof back);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    close(conn);
    cr_assert_eq(memcmp(data, back, sizeof data), 0);
    cr_assert(cut.in_dropped == 1 && cut.acks_past >= 2, "the hole was dropped once, and lwIP acknowledged it twice");
    cr_expect_eq(cut.passed_at_second, 1,
                 "lwIP repeated its ACK of the filled hole before the kernel sent the hole again (%d sendings "
                 "through at the second ACK)", cut.passed_at_second);
}

/* ---- A segment inside data held out of order (config/ooseq_overlap.c) ---- */

static struct {
    struct tap_hooks tap;
    u16_t port;  /* the kernel's */
    int dropped; /* the kernel's data segments dropped */
} forge;

/* The reader thread: no data from the kernel reaches lwIP (the case forges what does). */
static err_t dropping_input(struct pbuf *p, struct netif *netif)
{
    struct tap_tcp t;

    if (tap_tcp_read(p, &t) && t.source == forge.port && t.len > 0) {
        __atomic_add_fetch(&forge.dropped, 1, __ATOMIC_SEQ_CST);
        pbuf_free(p);
        return ERR_OK;
    }
    return forge.tap.input(p, netif);
}

Test(lwip_recovery, a_segment_inside_data_held_out_of_order_cuts_none_of_it)
{
    static char data[1100], back[sizeof data];
    nsapi_socket_address_t peer;
    nsapi_tcp_socket_t s = {0};

    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (char)('a' + i % 26);
    }
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 3000);
    int conn = kernel_peer(&s, &peer);
    /* The kernel sends the 1,100 bytes (its sequence numbers stay true to them), and every sending is
     * dropped on the way in; lwIP gets them as the case makes them up, in three pieces: bytes 100 to
     * 1,100 (held out of order), bytes 600 to 608 again (as Linux resends a piece cut to the room
     * its SACK blocks leave), then the first 100.  lwIP 2.1.3 alone cut the held segment at 600 to
     * queue the piece, freeing bytes 608 to 1,100: the first 608 came, the rest never. */
    forge.port = nsapi_socket_address_get_port(&peer);
    tap_wrap(&forge.tap, dropping_input, NULL);
    cr_assert_eq(send(conn, data, sizeof data, 0), (ssize_t)sizeof data);
    for (int i = 0; i < 200 && __atomic_load_n(&forge.dropped, __ATOMIC_SEQ_CST) == 0; i++) {
        sleep_ms(10);
    }
    cr_assert_gt(__atomic_load_n(&forge.dropped, __ATOMIC_SEQ_CST), 0, "the kernel's sending was seen");
    err_t err[3] = {ERR_CONN, ERR_CONN, ERR_CONN};
    LOCK_TCPIP_CORE();
    const struct tcp_pcb *pcb = tcp_active_pcbs;
    while (pcb != NULL && pcb->remote_port != forge.port) {
        pcb = pcb->next;
    }
    if (pcb != NULL) {
        u32_t base = pcb->rcv_nxt;
        err[0] = tap_tcp_forge(&forge.tap, pcb, base + 100, data + 100, 1000);
        err[1] = tap_tcp_forge(&forge.tap, pcb, base + 600, data + 600, 8);
        err[2] = tap_tcp_forge(&forge.tap, pcb, base, data, 100);
    }
    UNLOCK_TCPIP_CORE();
    cr_assert(err[0] == ERR_OK && err[1] == ERR_OK && err[2] == ERR_OK, "the pieces went to lwIP: %d %d %d",
              err[0], err[1], err[2]);
    size_t got = 0;
    for (nsapi_size_or_error_t n = 1; n > 0 && got < sizeof back; got += n > 0 ? (size_t)n : 0) {
        n = nsapi_tcp_socket_recv(&s, back + got, sizeof back - got);
    }
    tap_unwrap(&forge.tap);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    close(conn);
    cr_assert_eq(got, sizeof data, "all 1,100 bytes came (%zu did)", got);
    cr_assert_eq(memcmp(data, back, sizeof data), 0);
}

Test(lwip_recovery, lossy_link_delivers_every_byte)
{
    static char chunk[CHUNK], back[CHUNK];
    nsapi_lwip_impairment_t lossy = {.loss = 1000, .blackhole_ms = -1, .seed = 18, .queue = 256};
    nsapi_lwip_impair_counters_t out;
    nsapi_tcp_socket_t s = {0};
    struct nsapi_lwip_recovery_counts before;

    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_tap_impair(TAP, &lossy), NSAPI_ERROR_OK);
    before = counts_now();
    for (size_t round = 0; round < 512 * 1024 / CHUNK; round++) {
        memset(chunk, (int)('a' + round % 26), sizeof chunk);
        for (size_t sent = 0; sent < CHUNK;) {
            nsapi_size_or_error_t n = nsapi_tcp_socket_send(&s, chunk + sent, CHUNK - sent);

            cr_assert_gt(n, 0, "round %zu: send: %d", round, (int)n);
            sent += (size_t)n;
        }
        for (size_t got = 0; got < CHUNK;) {
            nsapi_size_or_error_t n = nsapi_tcp_socket_recv(&s, back + got, CHUNK - got);

            cr_assert_gt(n, 0, "round %zu: recv: %d", round, (int)n);
            got += (size_t)n;
        }
        cr_assert_eq(memcmp(chunk, back, CHUNK), 0, "round %zu came back changed", round);
    }
    cr_assert_eq(nsapi_lwip_tap_impair_counters(TAP, NSAPI_LWIP_IMPAIR_OUT, &out), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_tap_impair(TAP, NULL), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    struct nsapi_lwip_recovery_counts after = counts_now();
    cr_log_info("lost %lu of %lu frames out", out.dropped, out.frames);
    counts_between(&before, &after);
    cr_expect_gt(out.dropped, 40, "the link lost frames (%lu)", out.dropped);
}

