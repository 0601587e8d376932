/*
 * lwIP acknowledges a short data segment at once (stacks/lwip/config/quick_ack.c), where lwIP 2.1.3
 * alone would hold the ACK until its fast timer.  Over the conformance fixture's TAP device, the
 * kernel echoes short requests; the test processes each incoming frame in lwIP's thread through a
 * wrapper, and checks that the pure ACK of each echo left while lwIP was still processing the echo
 * (sent by the tcp_output at the end of tcp_input), not later from the timer.  No timing is
 * measured: the conformance suite's tcp_kernel case bounds the time a delayed ACK costs a peer.
 */
#include <string.h>

#include <criterion/criterion.h>

#include <lwip/tcpip.h>
#include <lwip/prot/tcp.h>
#include <netif/ethernet.h>

#include "clock.h"
#include "fixture.h"
#include "tap_frames.h"

#define ROUNDS 8

static void setup(void)
{
    fixture_setup();
}

TestSuite(lwip_quick_ack, .init = setup, .fini = fixture_teardown, .timeout = 60);

static struct {
    struct tap_hooks tap;
    u16_t port;    /* the peer's */
    int in_input;  /* lwIP's thread is processing an incoming frame */
    int awaited;   /* an echo arrived, its ACK not yet seen */
    u32_t ack;     /* what that ACK acknowledges */
    int acks, at_once;
} watch;

/* lwIP's thread: one incoming frame. */
static err_t watched_ethernet_input(struct pbuf *p, struct netif *netif)
{
    struct tap_tcp t;

    if (tap_tcp_read(p, &t) && t.source == watch.port && t.len > 0) {
        watch.ack = t.seq + t.len;
        watch.awaited = 1;
    }
    watch.in_input = 1;
    err_t err = ethernet_input(p, netif);
    watch.in_input = 0;
    return err;
}

/* The reader thread: hand the frame to lwIP's thread, to the wrapper above. */
static err_t watching_input(struct pbuf *p, struct netif *netif)
{
    return tcpip_inpkt(p, netif, watched_ethernet_input);
}

/* lwIP's thread, sending: note the pure ACK of the awaited echo, and from where it left. */
static err_t watching_linkoutput(struct netif *netif, struct pbuf *p)
{
    struct tap_tcp t;

    if (watch.awaited && tap_tcp_read(p, &t) && t.destination == watch.port && t.len == 0 &&
        (t.flags & (TCP_ACK | TCP_SYN | TCP_FIN | TCP_RST)) == TCP_ACK && t.ack == watch.ack) {
        watch.awaited = 0;
        watch.acks++;
        watch.at_once += watch.in_input;
    }
    return watch.tap.linkoutput(netif, p);
}

static int acks_seen(void)
{
    LOCK_TCPIP_CORE();
    int n = watch.acks;
    UNLOCK_TCPIP_CORE();
    return n;
}

Test(lwip_quick_ack, a_short_segment_is_acknowledged_while_lwip_processes_it)
{
    nsapi_tcp_socket_t s = {0};
    char back[100];

    cr_assert_eq(nsapi_tcp_socket_open(&s, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&s, 5000);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &fx->tcp[ECHO]), NSAPI_ERROR_OK);
    memset(&watch, 0, sizeof watch);
    watch.port = nsapi_socket_address_get_port(&fx->tcp[ECHO]);
    tap_wrap(&watch.tap, watching_input, watching_linkoutput);
    for (int round = 0; round < ROUNDS; round++) {
        char request[sizeof back];

        memset(request, 'a' + round, sizeof request);
        cr_assert_eq(nsapi_tcp_socket_send(&s, request, sizeof request), (nsapi_size_or_error_t)sizeof request);
        for (size_t got = 0; got < sizeof back;) {
            nsapi_size_or_error_t n = nsapi_tcp_socket_recv(&s, back + got, sizeof back - got);

            cr_assert_gt(n, 0, "round %d: recv: %d", round, (int)n);
            got += (size_t)n;
        }
        cr_assert_eq(memcmp(request, back, sizeof back), 0);
        /* Its ACK, at once or from the timer, before the next request could carry it. */
        for (int waited = 0; acks_seen() <= round && waited < 1000; waited++) {
            sleep_ms(1);
        }
    }
    tap_unwrap(&watch.tap);
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    cr_assert_eq(watch.acks, ROUNDS, "each echo's pure ACK was seen (%d)", watch.acks);
    cr_expect_eq(watch.at_once, ROUNDS, "%d of %d left while lwIP processed the echo", watch.at_once, ROUNDS);
}
