/*
 * The device side of TCP ping-pong with a computer: connect to the
 * computer's echo partner, send a numbered message each round and check
 * that exactly the same bytes come back, then print the round trips.
 *
 * usage: tcp_ping_pong [--interface SPEC] [INTERFACE OPTIONS] [--timeout MS] HOST PORT [ROUNDS [SIZE]]
 *        (ROUNDS 100 and SIZE 1000 unless given; SIZE at most 65536; --help lists every option)
 * Exits 0 when every round came back intact, 1 on any error or difference, 2 on bad usage.
 */
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/net_io.h"
#include "examples.h"

int tcp_ping_pong_play(nsapi_stack_t *stack, const nsapi_socket_address_t *partner, const struct ping_pong *game)
{
    static unsigned char out[PING_PONG_MAX], in[PING_PONG_MAX];
    nsapi_tcp_socket_t socket = {0};
    struct ping_pong_times times = {0};
    nsapi_error_t err;
    unsigned round;

    err = nsapi_tcp_socket_open(&socket, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    nsapi_tcp_socket_set_timeout(&socket, (int)game->timeout_ms);
    err = nsapi_tcp_socket_connect(&socket, partner);
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&socket);
        return example_fail_after("connect", err, game->timeout_ms);
    }
    printf("connected; %u rounds of %u bytes\n", game->rounds, game->size);
    for (round = 0; round < game->rounds; round++) {
        size_t got;
        long long start = example_now_ms();

        ping_pong_fill(out, game->size, round);
        err = example_send_all(&socket, out, game->size, EXAMPLE_FOREVER, NULL, &got);
        if (err != NSAPI_ERROR_OK) {
            nsapi_tcp_socket_close(&socket);
            fprintf(stderr, "round %u, after %zu of %u bytes: ", round, got, game->size);
            return example_fail_after("send", err, game->timeout_ms);
        }
        err = example_recv_exact(&socket, in, game->size, EXAMPLE_FOREVER, &got); /* the echo may come in pieces */
        if (err != NSAPI_ERROR_OK || got < game->size) {
            nsapi_tcp_socket_close(&socket);
            fprintf(stderr, "round %u, after %zu of %u bytes: ", round, got, game->size);
            return example_fail_after("recv", err != NSAPI_ERROR_OK ? err : NSAPI_ERROR_NO_CONNECTION,
                                      game->timeout_ms);
        }
        if (memcmp(in, out, game->size) != 0) {
            nsapi_tcp_socket_close(&socket);
            fprintf(stderr, "round %u: the echo differs from what was sent\n", round);
            return 1;
        }
        ping_pong_time(&times, example_now_ms() - start);
    }
    nsapi_tcp_socket_close(&socket);
    ping_pong_report(&times, game);
    printf("longest wait in one call: %lld ms\n", example_longest_wait_ms());
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
int main(int argc, char **argv)
{
    return ping_pong_main(argc, argv, tcp_ping_pong_play, 1, PING_PONG_MAX, true);
}
#endif
