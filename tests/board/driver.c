/*
 * The LAN9118 driver under stress, as firmware for the mps2 board, driven by
 * tests/board/test_driver.py:
 *
 * - link: the firmware says "link test: pull the cable"; the test sets the
 *   NIC's link down on QEMU's monitor; the interface must go DISCONNECTED,
 *   then, once the test sets it up again, GLOBAL_UP with a lease, and a
 *   name must resolve again;
 * - burst: the firmware asks the kernel side (UDP port 9999) for BURST
 *   datagrams and does not touch the controller for a second while they
 *   come: far more than the chip's RX FIFO holds.  It then takes in what
 *   the FIFO kept: every datagram must be intact (its sequence number and
 *   pattern), none twice; the ones missing are the drops, counted.
 *
 * Ends with "N passed, N failed"; QEMU exits 0 only if none failed.
 */
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "nsapi/lwip.h"

#define PEER "192.168.7.1"
#define BURST 300
#define DATAGRAM 1000
#define STEP_MS 15000 /* the longest one link change may take to be seen */

static unsigned passed, failed;
static unsigned char seen[BURST];
static unsigned char datagram[DATAGRAM + 1];

static void report(const char *name, bool ok)
{
    printf("%s: %s\n", name, ok ? "ok" : "FAILED");
    if (ok) {
        passed++;
    } else {
        failed++;
    }
}

/* Run the stack (as a blocking call would) until net's status is want; false after STEP_MS. */
static bool await_status(nsapi_interface_t *net, nsapi_connection_status_t want)
{
    uint32_t start = nsapi_board_ms();

    while (nsapi_interface_get_connection_status(net) != want) {
        if (nsapi_board_ms() - start > STEP_MS) {
            printf("  status %d, not %d, after %d ms\n", (int)nsapi_interface_get_connection_status(net), (int)want,
                   STEP_MS);
            return false;
        }
        if (!nsapi_lwip_poll()) {
            nsapi_board_idle();
        }
    }
    return true;
}

static bool link_down_and_up(nsapi_interface_t *net)
{
    nsapi_socket_address_t a;
    nsapi_error_t err;

    printf("link test: pull the cable\n");
    if (!await_status(net, NSAPI_STATUS_DISCONNECTED)) {
        return false;
    }
    printf("link test: link down seen; plug it back\n");
    if (!await_status(net, NSAPI_STATUS_GLOBAL_UP)) {
        return false;
    }
    printf("link test: up again\n");
    memset(&a, 0, sizeof a);
    err = nsapi_interface_gethostbyname(net, "www.demo.test", &a, NSAPI_IPv4);
    if (err != NSAPI_ERROR_OK) {
        printf("  www.demo.test after the link came back: %s\n", nsapi_error_name(err));
        return false;
    }
    return true;
}

/* Whether d (n bytes) is datagram number seq's pattern. */
static bool intact(const unsigned char *d, int n, unsigned *seq)
{
    int i;

    if (n != DATAGRAM) {
        return false;
    }
    *seq = (unsigned)d[0] << 8 | d[1];
    for (i = 2; i < n; i++) {
        if (d[i] != (unsigned char)(*seq + i)) {
            return false;
        }
    }
    return *seq < BURST;
}

static bool burst(nsapi_stack_t *stack)
{
    nsapi_socket_address_t to, from;
    nsapi_udp_socket_t s;
    unsigned received = 0, corrupt = 0, twice = 0, seq;
    uint32_t start;
    nsapi_size_or_error_t n;

    memset(&s, 0, sizeof s);
    memset(&to, 0, sizeof to);
    (void)nsapi_socket_address_set_ip_address(&to, PEER);
    nsapi_socket_address_set_port(&to, 9999);
    if (nsapi_udp_socket_open(&s, stack) != NSAPI_ERROR_OK) {
        return false;
    }
    nsapi_udp_socket_set_timeout(&s, 1000);
    n = nsapi_udp_socket_sendto(&s, &to, "burst", 5);
    /* A second without polling: the burst fills the controller's FIFOs, and the rest is dropped. */
    for (start = nsapi_board_ms(); nsapi_board_ms() - start < 1000;) {
        nsapi_board_idle();
    }
    while (n >= 0) {
        n = nsapi_udp_socket_recvfrom(&s, &from, datagram, sizeof datagram);
        if (n < 0) {
            break;
        }
        if (!intact(datagram, n, &seq)) {
            corrupt++;
        } else if (seen[seq]++) {
            twice++;
        } else {
            received++;
        }
    }
    nsapi_udp_socket_close(&s);
    printf("burst: sent %d, received %u, dropped %u, corrupt %u, twice %u\n", BURST, received, BURST - received,
           corrupt, twice);
    return received > 0 && corrupt == 0 && twice == 0;
}

int main(void)
{
    nsapi_interface_t *net = nsapi_board_ethernet();
    nsapi_error_t err;

    printf("driver (mps2-an386, LAN9118)\n");
    if (net == NULL) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    nsapi_interface_set_timeout(net, 20000);
    err = nsapi_interface_connect(net);
    if (err != NSAPI_ERROR_OK) {
        printf("connect: %s\n0 passed, 1 failed\n", nsapi_error_name(err));
        return 1;
    }
    report("burst_beyond_the_rx_fifo", burst(nsapi_interface_get_stack(net)));
    report("link_down_and_up", link_down_and_up(net));
    nsapi_interface_disconnect(net);
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
