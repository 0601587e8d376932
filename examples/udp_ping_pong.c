/*
 * The device side of UDP ping-pong with a computer: send a numbered
 * datagram each round to the computer's echo partner and check that the
 * same bytes come back.  A datagram may be lost: after a second without
 * its echo it is sent again (five times at most), and a late echo of an
 * earlier round is recognised by its number and skipped.
 *
 * usage: udp_ping_pong [--interface SPEC] [INTERFACE OPTIONS] HOST PORT [ROUNDS [SIZE]]
 *        (ROUNDS 100 and SIZE 1000 unless given; SIZE 4 to 65507; --help lists every option)
 * Exits 0 when every round came back intact, 1 on any error or difference, 2 on bad usage.
 */
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "examples.h"

#define WAIT_MS 1000
#define SENDS 5
#define SIZE_LEAST 4        /* a message starts with its round's number */
#define SIZE_MOST 65507     /* the largest UDP payload */

static unsigned round_of(const unsigned char *buf)
{
    return (unsigned)buf[0] << 24 | (unsigned)buf[1] << 16 | (unsigned)buf[2] << 8 | buf[3];
}

/* One round: 0 when its echo came back intact, 1 (with a message) otherwise. */
static int one_round(nsapi_udp_socket_t *socket, const struct ping_pong *game, unsigned round, unsigned *resent)
{
    static unsigned char out[PING_PONG_MAX], in[PING_PONG_MAX], earlier[PING_PONG_MAX];
    nsapi_size_or_error_t n;
    int sends;

    ping_pong_fill(out, game->size, round);
    for (sends = 0; sends < SENDS; sends++) {
        long long deadline = example_now_ms() + WAIT_MS;

        *resent += sends > 0;
        n = nsapi_udp_socket_send(socket, out, game->size);
        if (n != (nsapi_size_or_error_t)game->size) {
            fprintf(stderr, "round %u: ", round);
            return example_fail("send", n < 0 ? n : NSAPI_ERROR_NO_MEMORY);
        }
        for (;;) {
            long long left = deadline - example_now_ms();

            if (left <= 0) {
                break;
            }
            nsapi_udp_socket_set_timeout(socket, (int)left);
            n = nsapi_udp_socket_recv(socket, in, sizeof in); /* connect() made it the partner's only */
            if (n == NSAPI_ERROR_WOULD_BLOCK) {
                break;
            }
            if (n < 0) {
                fprintf(stderr, "round %u: ", round);
                return example_fail("recv", n);
            }
            if (n == (nsapi_size_or_error_t)game->size && round_of(in) < round) {
                ping_pong_fill(earlier, game->size, round_of(in));
                if (memcmp(in, earlier, game->size) == 0) {
                    continue; /* a late echo of an earlier round, intact */
                }
            }
            if (n != (nsapi_size_or_error_t)game->size || memcmp(in, out, game->size) != 0) {
                fprintf(stderr, "round %u: the echo (%d bytes) differs from what was sent\n", round, n);
                return 1;
            }
            return 0;
        }
    }
    fprintf(stderr, "round %u: no echo after %d sends\n", round, SENDS);
    return 1;
}

int udp_ping_pong_play(nsapi_stack_t *stack, const nsapi_socket_address_t *partner, const struct ping_pong *game)
{
    nsapi_udp_socket_t socket = {0};
    struct ping_pong_times times = {0};
    unsigned round, resent = 0;
    nsapi_error_t err;

    if (game->size < SIZE_LEAST || game->size > SIZE_MOST) {
        fprintf(stderr, "SIZE must be %d to %d for UDP\n", SIZE_LEAST, SIZE_MOST);
        return 2;
    }
    err = nsapi_udp_socket_open(&socket, stack);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_udp_socket_connect(&socket, partner);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_udp_socket_close(&socket);
        return example_fail("open", err);
    }
    printf("sending %u rounds of %u bytes\n", game->rounds, game->size);
    for (round = 0; round < game->rounds; round++) {
        long long start = example_now_ms();

        if (one_round(&socket, game, round, &resent) != 0) {
            nsapi_udp_socket_close(&socket);
            return 1;
        }
        ping_pong_time(&times, example_now_ms() - start);
    }
    nsapi_udp_socket_close(&socket);
    ping_pong_report(&times, game);
    printf("datagrams sent again: %u\n", resent);
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
int main(int argc, char **argv)
{
    return ping_pong_main(argc, argv, udp_ping_pong_play, SIZE_LEAST, SIZE_MOST, false);
}
#endif
