/*
 * The TLS benches' clients (tls_clients.h): the same calls whatever the
 * network under them.
 */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "nsapi/tls_socket.h"
#include "tls_clients.h"

struct bench_tls_target bench_tls_target;
static unsigned char buf[BENCH_WRITE];

/* nsapi: one connection, handshake done; the socket is the caller's to close. */
static void nsapi_open(nsapi_tls_socket_t *tls)
{
    nsapi_socket_address_t a;

    memset(tls, 0, sizeof *tls);
    memset(&a, 0, sizeof a);
    nsapi_socket_address_set_ip_address(&a, bench_tls_target.ip);
    nsapi_socket_address_set_port(&a, bench_tls_target.port);
    bench_check("nsapi_tls_socket_open", nsapi_tls_socket_open(tls, bench_tls_target.stack));
    bench_check("set_root_ca_path", nsapi_tls_socket_set_root_ca_path(tls, bench_tls_target.ca));
    bench_check("set_hostname", nsapi_tls_socket_set_hostname(tls, BENCH_TLS_HOST));
    bench_check("connect", nsapi_tls_socket_connect(tls, &a));
}

double bench_tls_nsapi_bulk(void)
{
    static nsapi_tls_socket_t tls;
    unsigned long long got = 0;
    nsapi_size_or_error_t n;
    double t0;

    nsapi_open(&tls);
    t0 = bench_now();
    bench_check("send", nsapi_tls_socket_send(&tls, bench_tls_target.request, strlen(bench_tls_target.request)));
    while ((n = nsapi_tls_socket_recv(&tls, buf, sizeof buf)) > 0) {
        got += (unsigned long long)n;
    }
    bench_check("recv", n);
    t0 = bench_now() - t0;
    nsapi_tls_socket_close(&tls);
    return (double)got / 1e6 / t0;
}

double bench_tls_nsapi_handshakes(void)
{
    static nsapi_tls_socket_t tls;
    unsigned long count = 0;
    double t0 = bench_now();

    while (bench_now() - t0 < BENCH_TLS_HANDSHAKE_MS / 1000.0) {
        nsapi_open(&tls);
        nsapi_tls_socket_close(&tls);
        count++;
    }
    return (double)count / (bench_now() - t0);
}

/* mbedTLS as its own example client does it: an entropy context, a CTR-DRBG, the CA, the name. */
static void plain_open(struct bench_tls_plain *p)
{
    mbedtls_net_init(&p->net);
    mbedtls_ssl_init(&p->ssl);
    mbedtls_ssl_config_init(&p->conf);
    mbedtls_x509_crt_init(&p->ca);
    mbedtls_entropy_init(&p->entropy);
    mbedtls_ctr_drbg_init(&p->drbg);
    bench_check("ctr_drbg_seed", mbedtls_ctr_drbg_seed(&p->drbg, mbedtls_entropy_func, &p->entropy, NULL, 0));
    bench_check("x509_crt_parse_file", mbedtls_x509_crt_parse_file(&p->ca, bench_tls_target.ca));
    bench_check("ssl_config_defaults", mbedtls_ssl_config_defaults(&p->conf, MBEDTLS_SSL_IS_CLIENT,
                                                                   MBEDTLS_SSL_TRANSPORT_STREAM,
                                                                   MBEDTLS_SSL_PRESET_DEFAULT));
    mbedtls_ssl_conf_authmode(&p->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&p->conf, &p->ca, NULL);
    mbedtls_ssl_conf_rng(&p->conf, mbedtls_ctr_drbg_random, &p->drbg);
    bench_check("ssl_setup", mbedtls_ssl_setup(&p->ssl, &p->conf));
    bench_check("set_hostname", mbedtls_ssl_set_hostname(&p->ssl, BENCH_TLS_HOST));
    bench_tls_plain_connect(p);
    bench_check("handshake", mbedtls_ssl_handshake(&p->ssl));
}

static void plain_close(struct bench_tls_plain *p)
{
    mbedtls_ssl_close_notify(&p->ssl);
    bench_tls_plain_disconnect(p);
    mbedtls_ssl_free(&p->ssl);
    mbedtls_ssl_config_free(&p->conf);
    mbedtls_x509_crt_free(&p->ca);
    mbedtls_ctr_drbg_free(&p->drbg);
    mbedtls_entropy_free(&p->entropy);
}

double bench_tls_plain_bulk(void)
{
    static struct bench_tls_plain p;
    const unsigned char *request = (const unsigned char *)bench_tls_target.request;
    size_t size = strlen(bench_tls_target.request), sent = 0;
    unsigned long long got = 0;
    int n;
    double t0;

    plain_open(&p);
    t0 = bench_now();
    while (sent < size) {
        n = mbedtls_ssl_write(&p.ssl, request + sent, size - sent);
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

double bench_tls_plain_handshakes(void)
{
    static struct bench_tls_plain p;
    unsigned long count = 0;
    double t0 = bench_now();

    while (bench_now() - t0 < BENCH_TLS_HANDSHAKE_MS / 1000.0) {
        plain_open(&p);
        plain_close(&p);
        count++;
    }
    return (double)count / (bench_now() - t0);
}

void bench_tls_rounds(const char *workload, const char *which, int reps, const char *const names[2],
                      double (*const runs[2])(void))
{
    int rep, api;

    for (rep = -1; rep < reps; rep++) {
        for (api = 0; api < 2; api++) {
            if (strcmp(which, "all") == 0 || strcmp(which, names[api]) == 0) {
                double value = runs[api]();

                if (rep >= 0) {
                    printf("%s %s %d %.3f 0\n", workload, names[api], rep, value);
                    fflush(stdout);
                }
            }
        }
    }
}
