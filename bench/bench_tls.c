/*
 * TLS through nsapi's TLSSocket over its POSIX backend against mbedTLS over
 * its own mbedtls_net_* kernel sockets, both clients of one openssl s_server
 * -WWW on 127.0.0.1 (run.py starts it in CERTDIR, with big.bin there):
 *
 *   tls_bulk       GET /big.bin, read to close_notify: MB/s after the handshake
 *   tls_handshake  open, trust CERTDIR/ca.pem, connect with the name checked, close: handshakes/s for 2 s
 *   tls_heap       one tls_bulk connection: the peak of the heap above where it started, bytes
 *
 * Both sides do the same work a connection: parse the CA file, seed a CTR-DRBG, verify the chain and
 * the name tls.test.  The heap is counted by this program's own malloc, calloc, realloc and free over
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

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>

#include "bench.h"
#include "nsapi/posix.h"
#include "nsapi/tls_socket.h"

#define HOST "tls.test"
#define HANDSHAKE_MS 2000 /* a handshake takes tens of milliseconds: bench.h's 0.5 s would count a dozen */

static const char GET[] = "GET /big.bin HTTP/1.0\r\n\r\n";
static nsapi_stack_t stack;
static const char *port;
static char ca[512];
static unsigned char buf[BENCH_WRITE];

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

/* nsapi: one connection, handshake done; the socket is the caller's to close. */
static void nsapi_open(nsapi_tls_socket_t *tls)
{
    nsapi_socket_address_t a;

    memset(tls, 0, sizeof *tls);
    memset(&a, 0, sizeof a);
    nsapi_socket_address_set_ip_address(&a, "127.0.0.1");
    nsapi_socket_address_set_port(&a, (uint16_t)atoi(port));
    bench_check("nsapi_tls_socket_open", nsapi_tls_socket_open(tls, &stack));
    bench_check("set_root_ca_path", nsapi_tls_socket_set_root_ca_path(tls, ca));
    bench_check("set_hostname", nsapi_tls_socket_set_hostname(tls, HOST));
    bench_check("connect", nsapi_tls_socket_connect(tls, &a));
}

static double nsapi_bulk(void)
{
    static nsapi_tls_socket_t tls;
    unsigned long long got = 0;
    nsapi_size_or_error_t n;
    double t0;

    nsapi_open(&tls);
    t0 = bench_now();
    bench_check("send", nsapi_tls_socket_send(&tls, GET, sizeof GET - 1));
    while ((n = nsapi_tls_socket_recv(&tls, buf, sizeof buf)) > 0) {
        got += (unsigned long long)n;
    }
    bench_check("recv", n);
    t0 = bench_now() - t0;
    nsapi_tls_socket_close(&tls);
    return (double)got / 1e6 / t0;
}

static double nsapi_handshakes(void)
{
    static nsapi_tls_socket_t tls;
    unsigned long count = 0;
    double t0 = bench_now();

    while (bench_now() - t0 < HANDSHAKE_MS / 1000.0) {
        nsapi_open(&tls);
        nsapi_tls_socket_close(&tls);
        count++;
    }
    return (double)count / (bench_now() - t0);
}

/* mbedTLS as its own example client does it: mbedtls_net_*, an entropy context, a CTR-DRBG. */
struct plain {
    mbedtls_net_context net;
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
};

static void plain_open(struct plain *p)
{
    mbedtls_net_init(&p->net);
    mbedtls_ssl_init(&p->ssl);
    mbedtls_ssl_config_init(&p->conf);
    mbedtls_x509_crt_init(&p->ca);
    mbedtls_entropy_init(&p->entropy);
    mbedtls_ctr_drbg_init(&p->drbg);
    bench_check("ctr_drbg_seed", mbedtls_ctr_drbg_seed(&p->drbg, mbedtls_entropy_func, &p->entropy, NULL, 0));
    bench_check("x509_crt_parse_file", mbedtls_x509_crt_parse_file(&p->ca, ca));
    bench_check("ssl_config_defaults", mbedtls_ssl_config_defaults(&p->conf, MBEDTLS_SSL_IS_CLIENT,
                                                                   MBEDTLS_SSL_TRANSPORT_STREAM,
                                                                   MBEDTLS_SSL_PRESET_DEFAULT));
    mbedtls_ssl_conf_authmode(&p->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&p->conf, &p->ca, NULL);
    mbedtls_ssl_conf_rng(&p->conf, mbedtls_ctr_drbg_random, &p->drbg);
    bench_check("ssl_setup", mbedtls_ssl_setup(&p->ssl, &p->conf));
    bench_check("set_hostname", mbedtls_ssl_set_hostname(&p->ssl, HOST));
    bench_check("net_connect", mbedtls_net_connect(&p->net, "127.0.0.1", port, MBEDTLS_NET_PROTO_TCP));
    mbedtls_ssl_set_bio(&p->ssl, &p->net, mbedtls_net_send, mbedtls_net_recv, NULL);
    bench_check("handshake", mbedtls_ssl_handshake(&p->ssl));
}

static void plain_close(struct plain *p)
{
    mbedtls_ssl_close_notify(&p->ssl);
    mbedtls_net_free(&p->net);
    mbedtls_ssl_free(&p->ssl);
    mbedtls_ssl_config_free(&p->conf);
    mbedtls_x509_crt_free(&p->ca);
    mbedtls_ctr_drbg_free(&p->drbg);
    mbedtls_entropy_free(&p->entropy);
}

static double plain_bulk(void)
{
    static struct plain p;
    unsigned long long got = 0;
    size_t sent = 0;
    int n;
    double t0;

    plain_open(&p);
    t0 = bench_now();
    while (sent < sizeof GET - 1) {
        n = mbedtls_ssl_write(&p.ssl, (const unsigned char *)GET + sent, sizeof GET - 1 - sent);
        bench_check("ssl_write", n);
        sent += (size_t)n;
    }
    while ((n = mbedtls_ssl_read(&p.ssl, buf, sizeof buf)) > 0) {
        got += (unsigned long long)n;
    }
    if (n != MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY && n != 0) {
        bench_die("ssl_read", n);
    }
    t0 = bench_now() - t0;
    plain_close(&p);
    return (double)got / 1e6 / t0;
}

static double plain_handshakes(void)
{
    static struct plain p;
    unsigned long count = 0;
    double t0 = bench_now();

    while (bench_now() - t0 < HANDSHAKE_MS / 1000.0) {
        plain_open(&p);
        plain_close(&p);
        count++;
    }
    return (double)count / (bench_now() - t0);
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
    return heap_of(nsapi_bulk);
}

static double plain_heap(void)
{
    return heap_of(plain_bulk);
}

int main(int argc, char **argv)
{
    static const char *const workloads[] = {"tls_bulk", "tls_handshake", "tls_heap"};
    static double (*const runs[][3])(void) = {{nsapi_bulk, nsapi_handshakes, nsapi_heap},
                                              {plain_bulk, plain_handshakes, plain_heap}};
    static const char *const apis[] = {"nsapi", "mbedtls"};
    int w, reps, rep, api;

    if (argc != 6) {
        fprintf(stderr, "usage: %s tls_bulk|tls_handshake|tls_heap nsapi|mbedtls|all REPS PORT CERTDIR\n", argv[0]);
        return 2;
    }
    for (w = 0; w < 3 && strcmp(argv[1], workloads[w]) != 0; w++) {
    }
    reps = atoi(argv[3]);
    port = argv[4];
    snprintf(ca, sizeof ca, "%s/ca.pem", argv[5]);
    if (w == 3 || reps < 1) {
        return 2;
    }
    bench_check("nsapi_posix_init", nsapi_posix_init(&stack));
    for (rep = -1; rep < reps; rep++) {
        for (api = 0; api < 2; api++) {
            if (strcmp(argv[2], "all") == 0 || strcmp(argv[2], apis[api]) == 0) {
                double value = runs[api][w]();

                if (rep >= 0) {
                    printf("%s %s %d %.3f 0\n", workloads[w], apis[api], rep, value);
                    fflush(stdout);
                }
            }
        }
    }
    nsapi_posix_deinit(&stack);
    return 0;
}
