/* What the TCP and UDP ping-pong examples share: arguments, the messages, the timing report. */
#ifndef EXAMPLE_PING_PONG_H
#define EXAMPLE_PING_PONG_H

#include <stdbool.h>

#include "nsapi/nsapi.h"

#define PING_PONG_MAX 65536
/* Each call's timeout unless --timeout says: beyond the stalls of a lossy link, where a segment lost several times in a row
 * waits out doubling retransmission timeouts (Linux from 200 ms: 6 losses are 12.6 s; docs/reliability.md). */
#define PING_PONG_TIMEOUT_MS 20000

struct ping_pong {
    unsigned rounds;
    unsigned size;
    unsigned timeout_ms; /* each call's (TCP) */
};

#define PING_PONG_HISTOGRAM 1024 /* round trips counted per millisecond; the last counts the longer ones too */

struct ping_pong_times {
    long min, max, total;
    unsigned count;
    unsigned histogram[PING_PONG_HISTOGRAM];
};

/* One game against the partner: the program's exit code. */
typedef int (*ping_pong_play_t)(nsapi_stack_t *stack, const nsapi_socket_address_t *partner,
                                const struct ping_pong *game);

/*
 * The whole program: the stack and [--timeout MS] HOST PORT [ROUNDS [SIZE]] from the command line,
 * then play.  size_min and size_max, the sizes play takes, are for the usage (play checks them
 * itself); --timeout is taken when timed (a game whose calls wait that long; else the default).
 */
int ping_pong_main(int argc, char **argv, ping_pong_play_t play, unsigned size_min, unsigned size_max, bool timed);

/* Round round's message: size bytes, different every round, starting with round (big-endian) when size >= 4. */
void ping_pong_fill(unsigned char *buf, unsigned size, unsigned round);

/* Count one round trip of ms milliseconds. */
void ping_pong_time(struct ping_pong_times *times, long ms);

/* Print the summary: rounds, bytes, round-trip times (min, average, max; then the 99th percentile). */
void ping_pong_report(const struct ping_pong_times *times, const struct ping_pong *game);

#endif
