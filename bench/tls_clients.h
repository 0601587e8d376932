/*
 * The clients both TLS benches time (bench_tls.c over POSIX, bench_tls_lwip.c
 * over lwIP): nsapi's TLSSocket, and mbedTLS as an application writes it over
 * the same network.  Each bench supplies the target and, for mbedTLS, its
 * transport.  Both clients do the same work a connection: parse the CA file,
 * seed a CTR-DRBG, verify the chain and the name BENCH_TLS_HOST.
 */
#ifndef BENCH_TLS_CLIENTS_H
#define BENCH_TLS_CLIENTS_H

#include <stdint.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>

#include "nsapi/nsapi.h"

#define BENCH_TLS_HOST "tls.test"
#define BENCH_TLS_HANDSHAKE_MS 2000 /* a handshake takes tens of milliseconds: bench.h's 0.5 s would count a dozen */

/* Where the clients connect, set by the bench's main before the first round. */
struct bench_tls_target {
    nsapi_stack_t *stack;
    const char *ip;
    uint16_t port;
    const char *request; /* sent after the handshake; the server answers with its bulk and close_notify */
    char ca[512];        /* the CA file's path */
};

extern struct bench_tls_target bench_tls_target;

/* An mbedTLS client; net.fd is the descriptor of whichever sockets the bench's transport uses. */
struct bench_tls_plain {
    mbedtls_net_context net;
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
};

/* The bench's transport: connect p->net to the target and set p->ssl's I/O over it; close it. */
void bench_tls_plain_connect(struct bench_tls_plain *p);
void bench_tls_plain_disconnect(struct bench_tls_plain *p);

/* One round of each workload: MB/s of the answer after the handshake; handshakes/s for
 * BENCH_TLS_HANDSHAKE_MS. */
double bench_tls_nsapi_bulk(void);
double bench_tls_nsapi_handshakes(void);
double bench_tls_plain_bulk(void);
double bench_tls_plain_handshakes(void);

/*
 * The rounds: one untimed round of each API, then reps rounds in turn of the workload runs[api],
 * for the APIs which names ("all", or one of names), printing "WORKLOAD API REP VALUE 0".
 */
void bench_tls_rounds(const char *workload, const char *which, int reps, const char *const names[2],
                      double (*const runs[2])(void));

#endif
