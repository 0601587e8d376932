/*
 * TLS over lwIP's loopback netif (10.0.0.1), in one process: nsapi's
 * TLSSocket over nsapi's lwIP backend against mbedTLS over lwIP's own BSD
 * sockets (lwip_send/lwip_recv as its I/O), both clients of one server
 * thread of this program's: mbedTLS over lwIP's sockets, the certificate and
 * key of CERTDIR (tests/tls/make_certs.sh's), so that the server's work is
 * the same for both.  (openssl s_server cannot listen inside this process's
 * lwIP.)
 *
 *   tls_bulk       the client sends "b", the server answers BYTES and close_notify: MB/s after the handshake
 *   tls_handshake  open, trust CERTDIR/ca.pem, connect with the name checked, close: handshakes/s for 2 s
 *
 * The clients are tls_clients.c's.
 *
 * usage: bench_tls_lwip tls_bulk|tls_handshake nsapi|sockets|all REPS CERTDIR
 * prints "WORKLOAD API REP VALUE 0", one untimed round of each API first (not printed).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lwip/sockets.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

#include "bench.h"
#include "nsapi/lwip.h"
#include "tls_clients.h"

#define ADDRESS "10.0.0.1"
#define PORT 4433
#define BULK (64ULL * 1024 * 1024)

static char certdir[400];
static int listening; /* set by the server thread once it listens */

/* mbedTLS's I/O over one of lwIP's sockets (the context is the descriptor). */
static int lwip_bio_send(void *ctx, const unsigned char *data, size_t size)
{
    int n = lwip_send(*(int *)ctx, data, size, 0);

    return n >= 0 ? n : MBEDTLS_ERR_NET_SEND_FAILED;
}

static int lwip_bio_recv(void *ctx, unsigned char *data, size_t size)
{
    int n = lwip_recv(*(int *)ctx, data, size, 0);

    return n >= 0 ? n : MBEDTLS_ERR_NET_RECV_FAILED;
}

/* The server: one connection at a time, for as long as the program runs. */
static void *serve(void *arg)
{
    static mbedtls_ssl_config conf;
    static mbedtls_x509_crt cert;
    static mbedtls_pk_context key;
    static mbedtls_entropy_context entropy;
    static mbedtls_ctr_drbg_context drbg;
    static unsigned char out[BENCH_WRITE];
    struct sockaddr_in a;
    char path[512];
    int listener = lwip_socket(AF_INET, SOCK_STREAM, 0), one = 1;

    (void)arg;
    mbedtls_ssl_config_init(&conf);
    mbedtls_x509_crt_init(&cert);
    mbedtls_pk_init(&key);
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    bench_check("server seed", mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, NULL, 0));
    snprintf(path, sizeof path, "%s/server.pem", certdir);
    bench_check("server cert", mbedtls_x509_crt_parse_file(&cert, path));
    snprintf(path, sizeof path, "%s/server.key", certdir);
    bench_check("server key", mbedtls_pk_parse_keyfile(&key, path, NULL));
    bench_check("server defaults", mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_SERVER,
                                                               MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT));
    mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
    bench_check("server own cert", mbedtls_ssl_conf_own_cert(&conf, &cert, &key));
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(PORT);
    a.sin_addr.s_addr = inet_addr(ADDRESS);
    lwip_setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    bench_check("server bind", lwip_bind(listener, (struct sockaddr *)&a, sizeof a));
    bench_check("server listen", lwip_listen(listener, 8));
    __atomic_store_n(&listening, 1, __ATOMIC_RELEASE);
    for (;;) {
        static mbedtls_ssl_context ssl;
        int fd = lwip_accept(listener, NULL, NULL);
        unsigned char what = 0;

        if (fd < 0) {
            continue;
        }
        /* Each handshake message its own segment at once: no stall on the client's delayed ACK. */
        lwip_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        mbedtls_ssl_init(&ssl);
        bench_check("server setup", mbedtls_ssl_setup(&ssl, &conf));
        mbedtls_ssl_set_bio(&ssl, &fd, lwip_bio_send, lwip_bio_recv, NULL);
        if (mbedtls_ssl_handshake(&ssl) == 0 && mbedtls_ssl_read(&ssl, &what, 1) == 1 && what == 'b') {
            for (unsigned long long sent = 0; sent < BULK;) {
                int n = mbedtls_ssl_write(&ssl, out, sizeof out);

                if (n <= 0) {
                    break;
                }
                sent += (unsigned long long)n;
            }
        }
        mbedtls_ssl_close_notify(&ssl);
        mbedtls_ssl_free(&ssl);
        lwip_close(fd);
    }
    return NULL;
}

/* mbedTLS's transport: lwIP's sockets, as an application on lwIP writes it. */
void bench_tls_plain_connect(struct bench_tls_plain *p)
{
    struct sockaddr_in a;

    p->net.fd = lwip_socket(AF_INET, SOCK_STREAM, 0);
    bench_check("lwip_socket", p->net.fd);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(PORT);
    a.sin_addr.s_addr = inet_addr(ADDRESS);
    bench_check("lwip_connect", lwip_connect(p->net.fd, (struct sockaddr *)&a, sizeof a));
    mbedtls_ssl_set_bio(&p->ssl, &p->net.fd, lwip_bio_send, lwip_bio_recv, NULL);
}

void bench_tls_plain_disconnect(struct bench_tls_plain *p)
{
    lwip_close(p->net.fd);
}

int main(int argc, char **argv)
{
    static const char *const workloads[] = {"tls_bulk", "tls_handshake"};
    static double (*const runs[][2])(void) = {{bench_tls_nsapi_bulk, bench_tls_plain_bulk},
                                              {bench_tls_nsapi_handshakes, bench_tls_plain_handshakes}};
    static const char *const names[] = {"nsapi", "sockets"};
    static nsapi_stack_t stack;
    pthread_t server;
    int w, reps;

    if (argc != 5) {
        fprintf(stderr, "usage: %s tls_bulk|tls_handshake nsapi|sockets|all REPS CERTDIR\n", argv[0]);
        return 2;
    }
    for (w = 0; w < 2 && strcmp(argv[1], workloads[w]) != 0; w++) {
    }
    reps = atoi(argv[3]);
    if (w == 2 || reps < 1) {
        return 2;
    }
    snprintf(certdir, sizeof certdir, "%s", argv[4]);
    bench_tls_target.stack = &stack;
    bench_tls_target.ip = ADDRESS;
    bench_tls_target.port = PORT;
    bench_tls_target.request = "b";
    snprintf(bench_tls_target.ca, sizeof bench_tls_target.ca, "%s/ca.pem", certdir);
    bench_check("nsapi_lwip_init", nsapi_lwip_init(&stack));
    bench_check("loopback", nsapi_lwip_add_loopback(&stack, ADDRESS, NULL));
    bench_thread(&server, serve, NULL);
    for (double t0 = bench_now(); !__atomic_load_n(&listening, __ATOMIC_ACQUIRE); ) {
        if (bench_now() - t0 > 5) {
            bench_die("the server did not listen within 5 s", 0);
        }
    }
    bench_tls_rounds(workloads[w], argv[2], reps, names, runs[w]);
    return 0; /* the server thread ends with the process */
}
