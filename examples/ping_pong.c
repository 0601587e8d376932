#include <stdio.h>
#include <stdlib.h>

#include "common/cli.h"
#include "common/example_stack.h"
#include "ping_pong.h"

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

static int usage(const char *program)
{
    fprintf(stderr, "usage: %s --stack lwip-loop|lwip-tap|posix [--dns ADDRESS] HOST PORT [ROUNDS [SIZE]]\n"
                    "       ROUNDS 1 to 1000000, SIZE 1 to %d\n", program, PING_PONG_MAX);
    return 2;
}

/* HOST PORT [ROUNDS [SIZE]] from argv[1..]: the partner's address (resolved) and the game; 0, or the exit code. */
static int arguments(int argc, char **argv, nsapi_stack_t *stack, nsapi_socket_address_t *partner,
                     struct ping_pong *game)
{
    unsigned port;

    game->rounds = 100;
    game->size = 1000;
    if (argc < 3 || argc > 5 || number(argv[2], 1, 65535, &port) != 0
        || (argc > 3 && number(argv[3], 1, 1000000, &game->rounds) != 0)
        || (argc > 4 && number(argv[4], 1, PING_PONG_MAX, &game->size) != 0)) {
        return usage(argv[0]);
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
}

void ping_pong_report(const struct ping_pong_times *times, const struct ping_pong *game)
{
    printf("%u rounds of %u bytes each way, every echo intact\n", times->count, game->size);
    printf("round trip: min %ld ms, average %ld ms, max %ld ms\n", times->min,
           times->count > 0 ? times->total / (long)times->count : 0, times->max);
}

int ping_pong_main(int argc, char **argv, ping_pong_play_t play)
{
    nsapi_stack_t stack;
    nsapi_socket_address_t partner;
    struct ping_pong game;
    int rc = example_stack_up(&argc, argv, &stack);

    if (rc != 0) {
        return rc == 2 ? usage(argv[0]) : rc;
    }
    rc = arguments(argc, argv, &stack, &partner, &game);
    if (rc == 0) {
        rc = play(&stack, &partner, &game);
    }
    example_stack_down(&stack);
    return rc;
}
