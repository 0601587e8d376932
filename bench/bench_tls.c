/*
 * TLS through nsapi's TLSSocket over its POSIX backend against mbedTLS over
 * its own mbedtls_net_* kernel sockets, both clients of one openssl s_server
 * -WWW on 127.0.0.1 (run.py starts it in CERTDIR, with big.bin there):
 *
 *   tls_bulk       GET /big.bin, read to close_notify: MB/s after the handshake
 *   tls_handshake  open, trust CERTDIR/ca.pem, connect with the name checked, close: handshakes/s for 2 s
 *   tls_heap       one tls_bulk connection: the peak of the heap above where it started, bytes
 *
 * The clients are tls_clients.c's.  The heap is counted by this program's own malloc, calloc, realloc and free over
 * glibc's (__libc_*): mbedTLS, a shared library, allocates through them too.
 *
 * usage: bench_tls tls_bulk|tls_handshake|tls_heap nsapi|mbedtls|all REPS PORT CERTDIR
 * prints "WORKLOAD API REP VALUE 0", one untimed round of each API first (not printed).
 */
#define _GNU_SOURCE

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "nsapi/posix.h"
#include "tls_clients.h"

/* The heap in use and its peak, counted by the allocator below. */
static size_t heap_now, heap_peak;

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static void *counted(void *p)
{
    if (p != NULL) {
        size_t now = __atomic_add_fetch(&heap_now, malloc_usable_size(p), __ATOMIC_RELAXED);

        if (now > heap_peak) {
            heap_peak = now; /* one thread allocates during a measured connection */
        }
    }
    return p;
}

void *malloc(size_t size)
{
    return counted(__libc_malloc(size));
}

void *calloc(size_t count, size_t size)
{
    return counted(__libc_calloc(count, size));
}

void free(void *p)
{
    if (p != NULL) {
        __atomic_sub_fetch(&heap_now, malloc_usable_size(p), __ATOMIC_RELAXED);
    }
    __libc_free(p);
}

void *realloc(void *p, size_t size)
{
    size_t before = p != NULL ? malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, size);

    if (q != NULL || size == 0) {
        __atomic_sub_fetch(&heap_now, before, __ATOMIC_RELAXED);
    }
    return size == 0 ? q : counted(q);
}

/* mbedTLS's transport: its own mbedtls_net_* kernel sockets. */
void bench_tls_plain_connect(struct bench_tls_plain *p)
{
    char port[8];

    snprintf(port, sizeof port, "%u", (unsigned)bench_tls_target.port);
    bench_check("net_connect", mbedtls_net_connect(&p->net, bench_tls_target.ip, port, MBEDTLS_NET_PROTO_TCP));
    mbedtls_ssl_set_bio(&p->ssl, &p->net, mbedtls_net_send, mbedtls_net_recv, NULL);
}

void bench_tls_plain_disconnect(struct bench_tls_plain *p)
{
    mbedtls_net_free(&p->net);
}

/* The heap's peak above its level before one bulk connection. */
static double heap_of(double (*bulk)(void))
{
    size_t base = __atomic_load_n(&heap_now, __ATOMIC_RELAXED);

    heap_peak = base;
    bulk();
    return (double)(heap_peak - base);
}

static double nsapi_heap(void)
{
    return heap_of(bench_tls_nsapi_bulk);
}

static double plain_heap(void)
{
    return heap_of(bench_tls_plain_bulk);
}

int main(int argc, char **argv)
{
    static const char *const workloads[] = {"tls_bulk", "tls_handshake", "tls_heap"};
    static double (*const runs[][2])(void) = {{bench_tls_nsapi_bulk, bench_tls_plain_bulk},
                                              {bench_tls_nsapi_handshakes, bench_tls_plain_handshakes},
                                              {nsapi_heap, plain_heap}};
    static const char *const names[] = {"nsapi", "mbedtls"};
    static nsapi_stack_t stack;
    int w, reps;

    if (argc != 6) {
        fprintf(stderr, "usage: %s tls_bulk|tls_handshake|tls_heap nsapi|mbedtls|all REPS PORT CERTDIR\n", argv[0]);
        return 2;
    }
    for (w = 0; w < 3 && strcmp(argv[1], workloads[w]) != 0; w++) {
    }
    reps = atoi(argv[3]);
    if (w == 3 || reps < 1) {
        return 2;
    }
    bench_tls_target.stack = &stack;
    bench_tls_target.ip = "127.0.0.1";
    bench_tls_target.port = (uint16_t)atoi(argv[4]);
    bench_tls_target.request = "GET /big.bin HTTP/1.0\r\n\r\n";
    snprintf(bench_tls_target.ca, sizeof bench_tls_target.ca, "%s/ca.pem", argv[5]);
    bench_check("nsapi_posix_init", nsapi_posix_init(&stack));
    bench_tls_rounds(workloads[w], argv[2], reps, names, runs[w]);
    nsapi_posix_deinit(&stack);
    return 0;
}
