/*
 * Loss recovery in lwIP's sender (stacks/lwip/config/tcp_recovery.c), over
 * the conformance fixture's TAP device.
 *
 * - Two holes in one window: the test drops the first sending of two chosen
 *   segments to the kernel's discard service, two segments apart.  The
 *   duplicate ACKs let new segments go (limited transmit), the third starts a
 *   fast retransmit, and the ACK that then covers the first hole but not the
 *   second sends the second again at once (a partial ACK).  Which frames are
 *   lost is chosen by sequence number, so the case does not depend on timing.
 * - A lossy link, 10 % each way (netif_impair.c): 512 KiB echoed by the kernel
 *   come back whole.  How often the timer was needed there varies from run to
 *   run; bench/lossy_link.py measures it (docs/reliability.md).
 */
#include <string.h>

#include <criterion/criterion.h>

#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/tcpip.h>

#include "fixture.h"
#include "nsapi/lwip.h"

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

/* ---- Dropping chosen segments: a wrapper around the TAP netif's linkoutput, in lwIP's thread ---- */

enum { HOLES = 2 };

static struct {
    struct netif *netif;
    netif_linkoutput_fn linkoutput;
    u16_t port;               /* the peer's port, network order */
    int have_base;            /* base: the sequence number of the first byte of data */
    u32_t base;
    u32_t hole[HOLES];        /* data offsets whose segments are dropped once */
    int dropped[HOLES];
} cut;

static u32_t be32(const u8_t *p)
{
    return (u32_t)p[0] << 24 | (u32_t)p[1] << 16 | (u32_t)p[2] << 8 | p[3];
}

static err_t cutting_linkoutput(struct netif *netif, struct pbuf *p)
{
    u8_t h[14 + 60 + 60];
    u16_t n = pbuf_copy_partial(p, h, sizeof h, 0);

    if (n >= 14 + 20 && h[12] == 0x08 && h[13] == 0x00 && h[14 + 9] == 6) { /* IPv4, TCP */
        unsigned ihl = (h[14] & 0x0fu) * 4, total = (unsigned)h[16] << 8 | h[17];
        const u8_t *tcp = h + 14 + ihl;
        if (14 + ihl + 20 <= n && memcmp(tcp + 2, &cut.port, 2) == 0) {
            unsigned thl = (tcp[12] >> 4) * 4u, len = total - ihl - thl;
            u32_t seq = be32(tcp + 4);
            if (len > 0 && !cut.have_base) {
                cut.base = seq;
                cut.have_base = 1;
            }
            for (int i = 0; len > 0 && i < HOLES; i++) {
                if (!cut.dropped[i] && cut.hole[i] - (seq - cut.base) < len) {
                    cut.dropped[i] = 1; /* its first sending only */
                    return ERR_OK;
                }
            }
        }
    }
    return cut.linkoutput(netif, p);
}

static void cut_start(const nsapi_socket_address_t *peer, u32_t first, u32_t second)
{
    memset(&cut, 0, sizeof cut);
    cut.port = lwip_htons(nsapi_socket_address_get_port(peer));
    cut.hole[0] = first;
    cut.hole[1] = second;
    struct netif *netif;

    LOCK_TCPIP_CORE();
    NETIF_FOREACH(netif) {
        if (netif->linkoutput != NULL && netif->hwaddr_len == 6) {
            cut.netif = netif;
        }
    }
    cr_assert_not_null(cut.netif, "the TAP netif");
    cut.linkoutput = cut.netif->linkoutput;
    cut.netif->linkoutput = cutting_linkoutput;
    UNLOCK_TCPIP_CORE();
}

static void cut_stop(void)
{
    LOCK_TCPIP_CORE();
    cut.netif->linkoutput = cut.linkoutput;
    UNLOCK_TCPIP_CORE();
}

Test(lwip_recovery, two_holes_in_one_window_are_repaired_by_duplicate_and_partial_acks)
{
    static char data[128 * 1024];
    nsapi_tcp_socket_t s = {0};
    struct nsapi_lwip_recovery_counts before, after;

    memset(data, 'r', sizeof data);
    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    /* At the tenth segment slow start has opened the window to about a dozen segments, far fewer
     * than the 64 KiB send buffer holds: each hole is followed by enough segments for three
     * duplicate ACKs, and there are full segments for limited transmit to send. */
    cut_start(&fx->tcp[DISCARD], 10 * TCP_MSS, 13 * TCP_MSS);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[DISCARD]), NSAPI_ERROR_OK);
    before = counts_now();
    /* 128 KiB through a 64 KiB buffer: when the last send returns, the first 64 KiB, the holes
     * among them, have been acknowledged. */
    for (size_t sent = 0; sent < sizeof data;) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(&s, data + sent, sizeof data - sent);

        cr_assert_gt(n, 0, "send: %d", (int)n);
        sent += (size_t)n;
    }
    after = counts_now();
    cut_stop();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);

    cr_log_info("holes %d and %d; recoveries %lu, partial resends %lu, limited transmits %lu, timeouts %lu",
                cut.dropped[0], cut.dropped[1], after.recoveries - before.recoveries,
                after.partial_resends - before.partial_resends, after.limited_transmits - before.limited_transmits,
                after.timeouts - before.timeouts);
    cr_assert(cut.dropped[0] && cut.dropped[1], "both chosen segments were dropped once");
    cr_expect_geq(after.limited_transmits - before.limited_transmits, 1, "limited transmit let new segments go");
    cr_expect_eq(after.recoveries - before.recoveries, 1, "one fast retransmit, for the first hole");
    cr_expect_geq(after.partial_resends - before.partial_resends, 1, "the partial ACK sent the second hole again");
}

Test(lwip_recovery, lossy_link_delivers_every_byte)
{
    static char chunk[CHUNK], back[CHUNK];
    nsapi_lwip_impairment_t lossy = {.loss = 1000, .blackhole_ms = -1, .seed = 18, .queue = 256};
    nsapi_lwip_impair_counters_t out;
    nsapi_tcp_socket_t s = {0};

    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, CALL_MS);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_tap_impair(TAP, &lossy), NSAPI_ERROR_OK);
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
    cr_log_info("lost %lu of %lu frames out", out.dropped, out.frames);
    cr_expect_gt(out.dropped, 40, "the link lost frames (%lu)", out.dropped);
}
