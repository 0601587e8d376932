#define _GNU_SOURCE /* alarm, CPU affinity */

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

const char *bench_address;
unsigned long long bench_bytes = 256ull << 20;
double bench_duration_s = BENCH_DURATION_MS / 1e3;
unsigned char bench_out[BENCH_WRITE], bench_in[BENCH_WRITE];

#define ROUND_LIMIT_S 120

static const char *const WORKLOAD_NAMES[WORKLOADS] = {"tcp_bulk", "udp_pingpong", "tcp_connect"};
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER;
static int done, accepting;
static double done_at;
static int peer_cpu = -1; /* where bench_thread() pins, when BENCH_CPUS is set */

double bench_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void bench_die(const char *what, long code)
{
    fprintf(stderr, "bench: %s: %ld\n", what, code);
    exit(1);
}

void bench_check(const char *what, long code)
{
    if (code < 0) {
        bench_die(what, code);
    }
}

void bench_finish(void)
{
    pthread_mutex_lock(&lock);
    done = 1;
    done_at = bench_now();
    pthread_cond_signal(&finished);
    pthread_mutex_unlock(&lock);
}

double bench_wait(void)
{
    double at;

    pthread_mutex_lock(&lock);
    while (!done) {
        pthread_cond_wait(&finished, &lock);
    }
    done = 0;
    at = done_at;
    pthread_mutex_unlock(&lock);
    return at;
}

static void pin(pthread_t thread, int cpu)
{
    cpu_set_t set;

    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (pthread_setaffinity_np(thread, sizeof set, &set) != 0) {
        bench_die("pthread_setaffinity_np (BENCH_CPUS)", cpu);
    }
}

void bench_thread(pthread_t *thread, void *(*fn)(void *), void *arg)
{
    if (pthread_create(thread, NULL, fn, arg) != 0) {
        bench_die("pthread_create", -1);
    }
    if (peer_cpu >= 0) {
        pin(*thread, peer_cpu);
    }
}

int bench_time_up(double t0, unsigned long count, unsigned long max)
{
    return count >= max || ((count & 63) == 0 && bench_now() - t0 >= bench_duration_s);
}

int bench_accepting(void)
{
    int a;

    pthread_mutex_lock(&lock);
    a = accepting;
    pthread_mutex_unlock(&lock);
    return a;
}

void bench_set_accepting(int a)
{
    pthread_mutex_lock(&lock);
    accepting = a;
    pthread_mutex_unlock(&lock);
}

/* Context switches of every thread of the process so far: all of them, and the voluntary ones. */
static long switches(long *voluntary)
{
    struct rusage usage;

    getrusage(RUSAGE_SELF, &usage);
    *voluntary = usage.ru_nvcsw;
    return usage.ru_nvcsw + usage.ru_nivcsw;
}

/* The environment's BENCH_DURATION_MS and BENCH_CPUS; false if they make no sense. */
static int environment(void)
{
    const char *duration = getenv("BENCH_DURATION_MS"), *cpus = getenv("BENCH_CPUS");
    int client;

    if (duration != NULL && *duration != '\0') {
        bench_duration_s = atoi(duration) / 1e3;
        if (bench_duration_s <= 0) {
            return 0;
        }
    }
    if (cpus != NULL && *cpus != '\0') {
        if (sscanf(cpus, "%d,%d", &client, &peer_cpu) != 2 || client < 0 || peer_cpu < 0) {
            return 0;
        }
        pin(pthread_self(), client);
    }
    return 1;
}

static int find(const char *name, const char *const *names, int count)
{
    int i;

    for (i = 0; i < count; i++) {
        if (strcmp(name, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

int bench_main(int argc, char **argv, const struct bench_api *apis, int count, void (*between)(void))
{
    const char *names[8];
    int w, a, first, last, reps, rep, i;
    uint16_t port = 6000; /* a fresh port each round: nothing left of the last one */

    for (i = 0; i < count; i++) {
        names[i] = apis[i].name;
    }
    if (argc < 4 || argc > 5 || (w = find(argv[1], WORKLOAD_NAMES, WORKLOADS)) < 0
        || ((a = find(argv[2], names, count)) < 0 && strcmp(argv[2], "all") != 0) || (reps = atoi(argv[3])) < 1) {
        fprintf(stderr, "usage: %s tcp_bulk|udp_pingpong|tcp_connect API|all REPS [BYTES]\n", argv[0]);
        return 2;
    }
    if (!environment()) {
        fprintf(stderr, "BENCH_DURATION_MS: milliseconds; BENCH_CPUS: CLIENT,SERVER\n");
        return 2;
    }
    if (argc == 5) {
        bench_bytes = strtoull(argv[4], NULL, 10);
        if (bench_bytes == 0 || bench_bytes % BENCH_WRITE != 0) {
            fprintf(stderr, "BYTES: a multiple of %d\n", BENCH_WRITE);
            return 2;
        }
    }
    first = a < 0 ? 0 : a;
    last = a < 0 ? count - 1 : a;
    for (rep = -1; rep < reps; rep++) { /* round -1 warms up, untimed */
        for (i = 0; i <= last - first; i++) {
            double t0, value, elapsed, ops;
            long before, voluntary, after, voluntary_after;

            a = first + (i + rep + 1) % (last - first + 1); /* each round starts with another API */
            if (apis[a].run[w] == NULL) {
                continue; /* an API offering only some workloads (lwIP's event-driven mode: tcp_bulk) */
            }
            alarm(ROUND_LIMIT_S); /* a round that hangs ends the program (SIGALRM), not the whole bench */
            before = switches(&voluntary);
            t0 = bench_now();
            value = apis[a].run[w](port++);
            elapsed = bench_now() - t0;
            alarm(0);
            after = switches(&voluntary_after);
            /* context switches per MiB, round trip or connection: where the time goes */
            ops = w == TCP_BULK ? (double)bench_bytes / (1 << 20) : value * elapsed;
            between();
            if (rep >= 0) {
                printf("%s %s %d %.1f %.2f %.2f\n", WORKLOAD_NAMES[w], apis[a].name, rep, value,
                       (double)(after - before) / ops, (double)(voluntary_after - voluntary) / ops);
                fflush(stdout);
            }
        }
    }
    return 0;
}
