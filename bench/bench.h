/*
 * What the socket benchmarks share: the workloads, the clock, the finish
 * line the two ends of a run meet at, and the main loop that warms up and
 * then lets the APIs take turns.  Each run returns its figure: MB/s for
 * tcp_bulk, round trips/s for udp_pingpong, connections/s for tcp_connect.
 */
#ifndef BENCH_H
#define BENCH_H

#include <pthread.h>
#include <stdint.h>

#define BENCH_WRITE 16384        /* bytes a TCP write, and the receiver's buffer */
#define BENCH_DATAGRAM 32
#define BENCH_DURATION_MS 500    /* for ping-pong and connections, unless the environment's BENCH_DURATION_MS says */
#define BENCH_CONNECTIONS_MAX 3000

enum bench_workload { TCP_BULK, UDP_PINGPONG, TCP_CONNECT, WORKLOADS };

typedef double (*bench_run_t)(uint16_t port);

struct bench_api {
    const char *name;
    bench_run_t run[WORKLOADS]; /* NULL: a workload the API does not run */
};

extern const char *bench_address;        /* where the server ends listen */
extern unsigned long long bench_bytes;   /* tcp_bulk's total */
extern double bench_duration_s;          /* a ping-pong or connection round's length */
extern unsigned char bench_out[BENCH_WRITE], bench_in[BENCH_WRITE];

double bench_now(void);
void bench_die(const char *what, long code);
void bench_check(const char *what, long code); /* dies when code < 0 */
void bench_finish(void);                       /* the run's end: records the time, wakes bench_wait() */
double bench_wait(void);                       /* until bench_finish(); the time it recorded */
/* Start fn(arg); pinned to the peer's CPU when bench_main() pins (BENCH_CPUS). */
void bench_thread(pthread_t *thread, void *(*fn)(void *), void *arg);
/* Whether a timed run that has done count (at most max) should stop: looks at the clock every 64. */
int bench_time_up(double t0, unsigned long count, unsigned long max);

/* tcp_connect's acceptor goes on while this says so, looking after each accept; the client clears it before one last, untimed connection. */
int bench_accepting(void);
void bench_set_accepting(int accepting);

/*
 * usage: PROGRAM WORKLOAD API|all REPS [BYTES]: one untimed round of each
 * API, then REPS rounds in turn, printing "WORKLOAD API REP VALUE SWITCHES
 * VOLUNTARY", the process's context switches (all its threads, getrusage)
 * per MiB, round trip or connection, and those of them the threads chose
 * (they slept), which other processes' load does not add to; between()
 * runs after every round, outside the timing.  With BENCH_CPUS=A,B in the
 * environment, the calling thread (the client end) runs on CPU A and the
 * threads bench_thread() starts (the server end) on CPU B; threads started
 * before (a stack's own) are left to the scheduler.
 */
int bench_main(int argc, char **argv, const struct bench_api *apis, int count, void (*between)(void));

/* The nsapi side of every workload, over this stack. */
struct nsapi_stack;
void bench_nsapi_use(struct nsapi_stack *stack);
extern const struct bench_api bench_nsapi;

/* tcp_bulk alone, in lwIP's event-driven mode over this lwIP stack (lwip_event_workloads.c); "event". */
void bench_nsapi_event_use(struct nsapi_stack *stack);
extern const struct bench_api bench_nsapi_event;

/* The same over BSD sockets: lwIP's (bsd_workloads.c built with BENCH_LWIP_SOCKETS) and the kernel's. */
extern const struct bench_api bench_lwip_sockets, bench_kernel_sockets;

#endif
