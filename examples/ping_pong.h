/* What the TCP and UDP ping-pong examples share: arguments, the messages, the timing report. */
#ifndef EXAMPLE_PING_PONG_H
#define EXAMPLE_PING_PONG_H

#include "nsapi/nsapi.h"

#define PING_PONG_MAX 65536
#define PING_PONG_TIMEOUT_MS 5000

struct ping_pong {
    unsigned rounds;
    unsigned size;
};

struct ping_pong_times {
    long min, max, total;
    unsigned count;
};

/* HOST PORT [ROUNDS [SIZE]] from argv[1..]: the partner's address (resolved) and the game; 0, or the exit code. */
int ping_pong_args(int argc, char **argv, nsapi_stack_t *stack, nsapi_socket_address_t *partner,
                   struct ping_pong *game);

/* Round round's message: size bytes, different every round, starting with round (big-endian) when size >= 4. */
void ping_pong_fill(unsigned char *buf, unsigned size, unsigned round);

/* Milliseconds on the monotonic clock. */
long ping_pong_now(void);

/* Count one round trip of ms milliseconds. */
void ping_pong_time(struct ping_pong_times *times, long ms);

/* Print the summary: rounds, bytes, round-trip times. */
void ping_pong_report(const struct ping_pong_times *times, const struct ping_pong *game);

#endif
