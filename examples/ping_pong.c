#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/example_network.h"
#include "common/usage.h"
#include "ping_pong.h"

#define ROUNDS 100  /* the defaults */
#define SIZE 1000

static int number(const char *text, unsigned long min, unsigned long max, unsigned *out)
{
    char *end;
    unsigned long value = strtoul(text, &end, 10);

    if (end == text || *end != '\0' || value < min || value > max) {
        return -1;
    }
    *out = (unsigned)value;
    return 0;
}

/* The usage, SIZE's bounds being the game's (size_min to size_max) though any up to PING_PONG_MAX parses;
 * --timeout where the game takes it (timed). */
static int usage(const char *argv0, unsigned size_min, unsigned size_max, bool timed, int help)
{
    char options[640], timeout[128] = "";

    if (timed) {
        snprintf(timeout, sizeof timeout,
                 "  --timeout MS           each call's timeout in milliseconds, 1 to 3600000 (default %u)\n",
                 PING_PONG_TIMEOUT_MS);
    }
    snprintf(options, sizeof options,
             "%s"
             "  HOST                   the echo partner: a name or an address\n"
             "  PORT                   its port, 1 to 65535\n"
             "  ROUNDS                 messages sent, each to come back intact, 1 to 1000000 (default %u)\n"
             "  SIZE                   bytes in a message, %u to %u (default %u)\n",
             timeout, ROUNDS, size_min, size_max, SIZE);
    return example_usage(argv0, timed ? "[--timeout MS] HOST PORT [ROUNDS [SIZE]]" : "HOST PORT [ROUNDS [SIZE]]",
                         options, help);
}

/* [--timeout MS] (if timed) HOST PORT [ROUNDS [SIZE]] from argv[1..]: the partner's address (resolved) and the
 * game; 0, -1 for bad usage, or 1 when the name does not resolve. */
static int arguments(int argc, char **argv, nsapi_stack_t *stack, nsapi_socket_address_t *partner,
                     bool timed, struct ping_pong *game)
{
    unsigned port;

    game->rounds = ROUNDS;
    game->size = SIZE;
    game->timeout_ms = PING_PONG_TIMEOUT_MS;
    if (timed && argc > 2 && strcmp(argv[1], "--timeout") == 0) {
        if (number(argv[2], 1, 3600000, &game->timeout_ms) != 0) {
            return -1;
        }
        argc -= 2;
        argv += 2;
    }
    if (argc < 3 || argc > 5 || number(argv[2], 1, 65535, &port) != 0
        || (argc > 3 && number(argv[3], 1, 1000000, &game->rounds) != 0)
        || (argc > 4 && number(argv[4], 1, PING_PONG_MAX, &game->size) != 0)) {
        return -1;
    }
    return example_resolve(stack, argv[1], port, partner);
}

void ping_pong_fill(unsigned char *buf, unsigned size, unsigned round)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        buf[i] = i < 4 && size >= 4 ? (unsigned char)(round >> (24 - 8 * i)) : (unsigned char)(round * 131u + i * 7u + (i >> 8));
    }
}

void ping_pong_time(struct ping_pong_times *times, long ms)
{
    times->min = times->count == 0 || ms < times->min ? ms : times->min;
    times->max = ms > times->max ? ms : times->max;
    times->total += ms;
    times->count++;
    times->histogram[ms < 0 ? 0 : ms < PING_PONG_HISTOGRAM - 1 ? ms : PING_PONG_HISTOGRAM - 1]++;
}

/* The shortest time that at least 99% of the round trips took no longer than. */
static long percentile99(const struct ping_pong_times *times)
{
    unsigned long need = ((unsigned long)times->count * 99 + 99) / 100, seen = 0;
    long ms;

    for (ms = 0; ms < PING_PONG_HISTOGRAM - 1 && seen + times->histogram[ms] < need; ms++) {
        seen += times->histogram[ms];
    }
    return ms < times->max ? ms : times->max;
}

void ping_pong_report(const struct ping_pong_times *times, const struct ping_pong *game)
{
    printf("%u rounds of %u bytes each way, every echo intact\n", times->count, game->size);
    printf("round trip: min %ld ms, average %ld ms, max %ld ms\n", times->min,
           times->count > 0 ? times->total / (long)times->count : 0, times->max);
    printf("round trip 99th percentile: %ld ms\n", percentile99(times));
}

int ping_pong_main(int argc, char **argv, ping_pong_play_t play, unsigned size_min, unsigned size_max, bool timed)
{
    nsapi_stack_t *stack = NULL;
    nsapi_socket_address_t partner;
    struct ping_pong game;
    int rc;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], size_min, size_max, timed, 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], size_min, size_max, timed, 0) : rc;
    }
    rc = arguments(argc, argv, stack, &partner, timed, &game);
    if (rc == 0) {
        rc = play(stack, &partner, &game);
    }
    example_network_down();
    return rc < 0 ? usage(argv[0], size_min, size_max, timed, 0) : rc;
}
