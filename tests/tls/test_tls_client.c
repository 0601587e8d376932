/*
 * TLSSocket as a client, against real peers on the kernel's side: openssl
 * s_server (downloads, uploads, certificate failures), gnutls-serv (the
 * same from a second implementation) and tls_peer.py (stalls, garbage,
 * cuts, truncation, a reset mid-record, echo).  Built once per configuration
 * whose fixture has a kernel side (POSIX on 127.0.0.1, lwIP over TAP):
 * each case runs in a process and network namespace of its own, with
 * certificates made for it by make_certs.sh.  Every case ends with every
 * socket closed (the fixture checks) and, under ASan, nothing leaked.
 */
#define _GNU_SOURCE

#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509.h>

#include "clock.h"
#include "fixture.h"
#include "tls_case.h"
#include "nsapi/tls_socket.h"

#define PORT 4433
#define BIG (1024 * 1024)

static pid_t server = -1;
static nsapi_tls_socket_t tls;

static void setup(void)
{
    tls_case_setup();
    memset(&tls, 0, sizeof tls);
}

TestSuite(tls, .init = setup, .fini = tls_case_teardown, .timeout = 60);

/* Run a shell command in dir as the server, stdout to out; return once PORT listens. */
static void start_server(const char *command, const char *out)
{
    server = tls_case_spawn(command, out ? out : "server.out");
    tls_case_wait_listen(false, PORT);
}

static void s_server(const char *cert, const char *options, const char *out)
{
    char command[256];

    snprintf(command, sizeof command, "openssl s_server -accept %s:%d -cert %s -key server.key -naccept 1 %s",
             fx->kernel, PORT, cert, options);
    start_server(command, out);
}

static void gnutls_serv(const char *options)
{
    char command[256];

    snprintf(command, sizeof command, "gnutls-serv -p %d --x509certfile server.pem --x509keyfile server.key %s", PORT,
             options);
    start_server(command, NULL);
}

static void peer(const char *mode)
{
    char command[512], cwd[256];

    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    snprintf(command, sizeof command, "python3 %s/tests/tls/tls_peer.py %s %s %d %s", cwd, mode, fx->kernel, PORT, tls_case_path("."));
    start_server(command, NULL);
}

static nsapi_socket_address_t server_address(void)
{
    nsapi_socket_address_t a;

    memset(&a, 0, sizeof a);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&a, PORT);
    return a;
}

/* Open, trust ca_file, name tls.test, 10 s for every call. */
static void client(const char *ca_file)
{
    cr_assert_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_root_ca_path(&tls, tls_case_path(ca_file)), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_hostname(&tls, "tls.test"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_timeout(&tls, 10000), NSAPI_ERROR_OK);
}

static nsapi_error_t connect_server(void)
{
    nsapi_socket_address_t a = server_address();

    return nsapi_tls_socket_connect(&tls, &a);
}

static unsigned char *pattern(size_t size, unsigned seed)
{
    unsigned char *p = malloc(size);
    size_t i;

    cr_assert_not_null(p);
    for (i = 0; i < size; i++) {
        seed = seed * 1103515245u + 12345u;
        p[i] = (unsigned char)(seed >> 16);
    }
    return p;
}

/* Lines of 63 pseudo-random letters and a newline: gnutls-serv --echo echoes text, a line at a time. */
static unsigned char *text_pattern(size_t size, unsigned seed)
{
    unsigned char *p = pattern(size, seed);
    size_t i;

    for (i = 0; i < size; i++) {
        p[i] = i % 64 == 63 ? '\n' : (unsigned char)('a' + p[i] % 26);
    }
    return p;
}

static void write_file(const char *name, const void *data, size_t size)
{
    FILE *f = fopen(tls_case_path(name), "wb");

    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, size, f), size);
    fclose(f);
}

/* Receive until close_notify (recv's 0), at most size bytes; returns the count. */
static size_t recv_all(unsigned char *buf, size_t size)
{
    size_t got = 0;
    nsapi_size_or_error_t n;

    while ((n = nsapi_tls_socket_recv(&tls, buf + got, (nsapi_size_t)(size - got))) > 0) {
        got += (size_t)n;
        cr_assert_lt(got, size, "more than expected");
    }
    cr_assert_eq(n, 0, "recv ended with %d (%s), not close_notify", n, nsapi_error_name(n));
    return got;
}

/* The transport's NSAPI_NODELAY, or the error reading it gave. */
static int nodelay(nsapi_tcp_socket_t *transport)
{
    int value = -1;
    unsigned length = sizeof value;
    nsapi_error_t err = nsapi_tcp_socket_getsockopt(transport, NSAPI_SOCKET, NSAPI_NODELAY, &value, &length);

    return err == NSAPI_ERROR_OK ? value : err;
}

static void expect_tls_error(int code, const char *words)
{
    char text[256];

    cr_expect_eq(nsapi_tls_socket_get_tls_error(&tls, text, sizeof text), code);
    cr_expect(strstr(text, words) != NULL, "\"%s\" in \"%s\"", words, text);
}

Test(tls, download_1mib_ends_with_close_notify)
{
    static const char get[] = "GET /big.bin HTTP/1.0\r\n\r\n";
    unsigned char *big = pattern(BIG, 1);
    unsigned char *reply = malloc(BIG + 4096);
    unsigned char *body;
    size_t got;

    write_file("big.bin", big, BIG);
    s_server("server.pem", "-WWW", NULL);
    client("ca.pem");
    cr_expect_eq(nodelay(&tls.tcp), 1, "a handshake's records must not wait for the peer's delayed ACK");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_connect(&tls, NULL), NSAPI_ERROR_IS_CONNECTED);
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    got = recv_all(reply, BIG + 4096);
    body = memmem(reply, got, "\r\n\r\n", 4);
    cr_assert_not_null(body, "the response has a head");
    body += 4;
    cr_assert_eq(got - (size_t)(body - reply), BIG);
    cr_expect(memcmp(body, big, BIG) == 0, "every byte as served");
    cr_expect_eq(nsapi_tls_socket_recv(&tls, reply, 1), 0, "0 again after close_notify");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    free(big);
    free(reply);
}

Test(tls, upload_1mib_as_sent)
{
    unsigned char *big = pattern(BIG, 2);
    unsigned char *got;
    size_t size;
    int status;

    s_server("server.pem", "-quiet", "upload.bin");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_send(&tls, big, BIG), BIG);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    cr_assert_eq(waitpid(server, &status, 0), server, "s_server ends with its one client");
    server = -1;
    got = tls_case_read_file("upload.bin", 2 * BIG, &size);
    cr_assert_eq(size, BIG);
    cr_expect(memcmp(got, big, BIG) == 0, "every byte as sent");
    free(big);
    free(got);
}

Test(tls, echo_1mib_each_way_through_python_ssl)
{
    unsigned char *big = pattern(BIG, 3);
    unsigned char *back = malloc(BIG + 1);
    size_t got = 0;
    nsapi_size_or_error_t n;

    peer("echo");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    /* Interleaved, so that neither side's buffers fill while the other waits. */
    for (size_t sent = 0; sent < BIG; sent += 16384) {
        cr_assert_eq(nsapi_tls_socket_send(&tls, big + sent, 16384), 16384);
        while (got < sent + 16384) {
            n = nsapi_tls_socket_recv(&tls, back + got, (nsapi_size_t)(BIG - got));
            cr_assert_gt(n, 0, "recv: %d", n);
            got += (size_t)n;
        }
    }
    cr_expect(memcmp(back, big, BIG) == 0, "every byte echoed");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    free(big);
    free(back);
}

Test(tls, wrong_host_name_is_auth_failure)
{
    s_server("server.pem", "", NULL);
    cr_assert_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_root_ca_path(&tls, tls_case_path("ca.pem")), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_hostname(&tls, "other.test"), NSAPI_ERROR_OK);
    nsapi_tls_socket_set_timeout(&tls, 10000);
    cr_expect_eq(connect_server(), NSAPI_ERROR_AUTH_FAILURE);
    expect_tls_error(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "Common Name");
    cr_expect_eq(nsapi_tls_socket_send(&tls, "x", 1), NSAPI_ERROR_AUTH_FAILURE, "a failed session stays failed");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
}

Test(tls, unknown_ca_is_auth_failure)
{
    s_server("untrusted.pem", "", NULL);
    client("ca.pem");
    cr_expect_eq(connect_server(), NSAPI_ERROR_AUTH_FAILURE);
    expect_tls_error(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "not correctly signed");
    nsapi_tls_socket_close(&tls);
}

Test(tls, no_trusted_ca_is_auth_failure)
{
    s_server("server.pem", "", NULL);
    cr_assert_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_hostname(&tls, "tls.test"), NSAPI_ERROR_OK);
    cr_expect_eq(connect_server(), NSAPI_ERROR_AUTH_FAILURE);
    nsapi_tls_socket_close(&tls);
}

Test(tls, expired_certificate_is_auth_failure)
{
    s_server("expired.pem", "", NULL);
    client("ca.pem");
    cr_expect_eq(connect_server(), NSAPI_ERROR_AUTH_FAILURE);
    expect_tls_error(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "expired");
    nsapi_tls_socket_close(&tls);
}

Test(tls, client_certificate_when_the_server_requires_one)
{
    static const char get[] = "GET / HTTP/1.0\r\n\r\n";
    unsigned char *cert, *key, reply[16384];
    size_t cert_size, key_size;

    s_server("server.pem", "-Verify 1 -CAfile ca.pem -www", NULL);
    client("ca.pem");
    cert = tls_case_read_file("client.pem", 2 * BIG, &cert_size);
    key = tls_case_read_file("client.key", 2 * BIG, &key_size);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&tls, cert, (nsapi_size_t)cert_size, key, 1),
                 NSAPI_ERROR_PARAMETER, "not a key");
    cr_assert_eq(nsapi_tls_socket_set_client_cert_key(&tls, cert, (nsapi_size_t)cert_size, key, (nsapi_size_t)key_size),
                 NSAPI_ERROR_OK);
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    cr_expect_gt(recv_all(reply, sizeof reply), 0);
    nsapi_tls_socket_close(&tls);
    free(cert);
    free(key);
}

Test(tls, client_certificate_absent_when_required)
{
    nsapi_error_t r;

    s_server("server.pem", "-Verify 1 -CAfile ca.pem -www", NULL);
    client("ca.pem");
    r = connect_server();
    if (r == NSAPI_ERROR_OK) { /* TLS 1.2 servers refuse in the handshake; the refusal may also come after */
        r = nsapi_tls_socket_recv(&tls, (char[8]){0}, 8);
    }
    cr_expect_eq(r, NSAPI_ERROR_DEVICE_ERROR, "refused by the server: %s", nsapi_error_name(r));
    nsapi_tls_socket_close(&tls);
}

Test(tls, connect_by_address_needs_a_host_name)
{
    nsapi_socket_address_t a = server_address();
    unsigned char reply[16384];
    static const char get[] = "GET / HTTP/1.0\r\n\r\n";

    s_server("untrusted.pem", "-www", NULL);
    cr_assert_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_root_ca_path(&tls, tls_case_path("ca.pem")), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_connect(&tls, &a), NSAPI_ERROR_PARAMETER, "no name to check");
    cr_expect_eq(nsapi_tls_socket_connect_host(&tls, fx->kernel, PORT), NSAPI_ERROR_PARAMETER, "an address is no name");
    /* Verification off, explicitly: any server will do. */
    cr_assert_eq(nsapi_tls_socket_set_verify(&tls, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_connect(&tls, &a), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_set_verify(&tls, true), NSAPI_ERROR_PARAMETER, "too late");
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    cr_expect_gt(recv_all(reply, sizeof reply), 0);
    nsapi_tls_socket_close(&tls);
}

Test(tls, stalled_handshake_times_out_and_close_returns)
{
    long t0, ms;

    peer("stall");
    client("ca.pem");
    nsapi_tls_socket_set_timeout(&tls, 500);
    t0 = now_ms();
    cr_expect_eq(connect_server(), NSAPI_ERROR_WOULD_BLOCK);
    ms = now_ms() - t0;
    cr_expect(ms >= 450 && ms < 2000, "the timeout bounds connect and its handshake: %ld ms", ms);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
}

Test(tls, garbage_from_the_server_is_device_error)
{
    peer("garbage");
    client("ca.pem");
    cr_expect_eq(connect_server(), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_lt(nsapi_tls_socket_get_tls_error(&tls, NULL, 0), 0, "the mbedTLS code is kept");
    nsapi_tls_socket_close(&tls);
}

Test(tls, handshake_cut_is_connection_lost)
{
    peer("cut");
    client("ca.pem");
    cr_expect_eq(connect_server(), NSAPI_ERROR_CONNECTION_LOST);
    nsapi_tls_socket_close(&tls);
}

Test(tls, tcp_close_without_close_notify_is_not_end_of_stream)
{
    char buf[64];
    nsapi_size_or_error_t n;

    peer("truncate");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_recv(&tls, buf, sizeof buf), 7);
    n = nsapi_tls_socket_recv(&tls, buf, sizeof buf);
    cr_expect_eq(n, NSAPI_ERROR_CONNECTION_LOST, "truncation is an error: %s", nsapi_error_name(n));
    nsapi_tls_socket_close(&tls);
}

Test(tls, tcp_reset_mid_record_is_no_connection)
{
    char buf[64];
    nsapi_size_or_error_t n;

    peer("reset");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    n = nsapi_tls_socket_recv(&tls, buf, sizeof buf);
    cr_expect_eq(n, NSAPI_ERROR_NO_CONNECTION, "half a record, then RST: %s", nsapi_error_name(n));
    cr_expect_eq(nsapi_tls_socket_recv(&tls, buf, sizeof buf), n, "and it stays so");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
}

Test(tls, gnutls_download_1mib_ends_with_close_notify)
{
    static const char get[] = "GET / HTTP/1.0\r\n\r\n";
    unsigned char *big = pattern(BIG, 6);
    unsigned char *reply = malloc(BIG + 4096);
    unsigned char *body;
    size_t got;

    write_file("big.bin", big, BIG);
    gnutls_serv("--http --httpdata=big.bin");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    got = recv_all(reply, BIG + 4096);
    body = memmem(reply, got, "\r\n\r\n", 4);
    cr_assert_not_null(body, "the response has a head");
    body += 4;
    cr_assert_eq(got - (size_t)(body - reply), BIG);
    cr_expect(memcmp(body, big, BIG) == 0, "every byte as served");
    cr_expect_eq(nsapi_tls_socket_recv(&tls, reply, 1), 0, "0 again after close_notify");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    free(big);
    free(reply);
}

Test(tls, gnutls_echo_1mib_each_way)
{
    unsigned char *big = text_pattern(BIG, 7);
    unsigned char *back = malloc(BIG + 1);
    size_t got = 0;
    nsapi_size_or_error_t n;

    gnutls_serv("--echo");
    client("ca.pem");
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    for (size_t sent = 0; sent < BIG; sent += 16384) {
        cr_assert_eq(nsapi_tls_socket_send(&tls, big + sent, 16384), 16384);
        while (got < sent + 16384) {
            n = nsapi_tls_socket_recv(&tls, back + got, (nsapi_size_t)(BIG - got));
            cr_assert_gt(n, 0, "recv: %s", nsapi_error_name(n));
            got += (size_t)n;
        }
    }
    cr_expect(memcmp(back, big, BIG) == 0, "every byte echoed");
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    free(big);
    free(back);
}

Test(tls, gnutls_client_certificate_when_required)
{
    static const char get[] = "GET / HTTP/1.0\r\n\r\n";
    unsigned char *cert, *key, reply[16384];
    size_t cert_size, key_size;

    gnutls_serv("--http -r --verify-client-cert --x509cafile ca.pem");
    client("ca.pem");
    cert = tls_case_read_file("client.pem", 2 * BIG, &cert_size);
    key = tls_case_read_file("client.key", 2 * BIG, &key_size);
    cr_assert_eq(nsapi_tls_socket_set_client_cert_key(&tls, cert, (nsapi_size_t)cert_size, key, (nsapi_size_t)key_size),
                 NSAPI_ERROR_OK);
    cr_assert_eq(connect_server(), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    cr_expect_gt(recv_all(reply, sizeof reply), 0);
    nsapi_tls_socket_close(&tls);
    free(cert);
    free(key);
}

Test(tls, gnutls_client_certificate_absent_when_required)
{
    nsapi_error_t r;

    gnutls_serv("--http -r --verify-client-cert --x509cafile ca.pem");
    client("ca.pem");
    r = connect_server();
    /* gnutls-serv sends its alert and closes at once, with the rest of our flight unread: its RST may
     * overtake the alert (the kernel's ECONNRESET on our next write). */
    cr_expect(r == NSAPI_ERROR_DEVICE_ERROR || r == NSAPI_ERROR_NO_CONNECTION, "refused in the handshake: %s",
              nsapi_error_name(r));
    if (r == NSAPI_ERROR_DEVICE_ERROR) {
        cr_expect_eq(nsapi_tls_socket_get_tls_error(&tls, NULL, 0), MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, "its alert");
    }
    cr_expect_eq(nsapi_tls_socket_send(&tls, "x", 1), r, "a failed session stays failed");
    nsapi_tls_socket_close(&tls);
}

Test(tls, non_blocking_connect_and_records_with_sigio)
{
    static const char get[] = "GET /big.bin HTTP/1.0\r\n\r\n";
    unsigned char *big = pattern(BIG / 4, 4);
    unsigned char *reply = malloc(BIG);
    size_t got = 0;
    nsapi_error_t r;
    int rounds = 0;

    write_file("big.bin", big, BIG / 4);
    s_server("server.pem", "-WWW", NULL);
    client("ca.pem");
    cr_assert_eq(nsapi_tls_socket_sigio(&tls, tls_case_on_event, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_blocking(&tls, false), NSAPI_ERROR_OK);
    cr_assert_eq(connect_server(), NSAPI_ERROR_IN_PROGRESS);
    while ((r = connect_server()) == NSAPI_ERROR_ALREADY) {
        cr_assert(tls_case_wait_event(10000), "sigio came");
        rounds++;
    }
    cr_assert_eq(r, NSAPI_ERROR_IS_CONNECTED, "%s after %d rounds", nsapi_error_name(r), rounds);
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    for (;;) {
        nsapi_size_or_error_t n = nsapi_tls_socket_recv(&tls, reply + got, (nsapi_size_t)(BIG - got));

        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            cr_assert(tls_case_wait_event(10000), "sigio came");
            continue;
        }
        cr_assert_geq(n, 0, "recv: %s", nsapi_error_name(n));
        if (n == 0) {
            break;
        }
        got += (size_t)n;
    }
    cr_expect(got > BIG / 4 && memcmp(reply + got - BIG / 4, big, BIG / 4) == 0, "the whole file");
    nsapi_tls_socket_close(&tls);
    free(big);
    free(reply);
}

Test(tls, setup_errors)
{
    static const char not_pem[] = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
    unsigned char *ca;
    size_t size;
    nsapi_tcp_socket_t closed;

    memset(&closed, 0, sizeof closed);
    cr_expect_eq(nsapi_tls_socket_wrap(&tls, &closed), NSAPI_ERROR_NO_SOCKET);
    cr_expect_eq(nsapi_tls_socket_connect(&tls, NULL), NSAPI_ERROR_NO_SOCKET);
    cr_expect_null(nsapi_tls_socket_get_ssl_config(&tls));
    cr_assert_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_open(&tls, fx->stack), NSAPI_ERROR_PARAMETER);
    cr_expect_not_null(nsapi_tls_socket_get_ssl_config(&tls));
    cr_expect_eq(nsapi_tls_socket_set_hostname(&tls, ""), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&tls, not_pem, sizeof not_pem - 1), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_path(&tls, tls_case_path("nothing")), NSAPI_ERROR_PARAMETER);
    /* PEM without its NUL, and appending: both certificates are then trusted. */
    ca = tls_case_read_file("ca.pem", 2 * BIG, &size);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&tls, ca, (nsapi_size_t)size), NSAPI_ERROR_OK);
    free(ca);
    ca = tls_case_read_file("other_ca.pem", 2 * BIG, &size);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&tls, ca, (nsapi_size_t)size), NSAPI_ERROR_OK);
    free(ca);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_path(&tls, "/etc/ssl/certs"), NSAPI_ERROR_OK, "the system store");
    cr_expect_eq(nsapi_tls_socket_connect(&tls, NULL), NSAPI_ERROR_PARAMETER, "no host name");
    cr_expect_eq(nsapi_tls_socket_send(&tls, "x", 1), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tls_socket_recv(&tls, (char[1]){0}, 1), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_NO_SOCKET);
}

Test(tls, wrapped_accepted_style_socket_stays_the_callers)
{
    nsapi_tcp_socket_t tcp;
    nsapi_socket_address_t a = server_address();
    static const char get[] = "GET / HTTP/1.0\r\n\r\n";
    unsigned char reply[16384];
    uint32_t steps = 99;

    s_server("server.pem", "-www", NULL);
    memset(&tcp, 0, sizeof tcp);
    cr_assert_eq(nsapi_tcp_socket_open(&tcp, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&tcp, &a), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_wrap(&tls, &tcp), NSAPI_ERROR_OK);
    cr_expect_eq(nodelay(&tcp), 1, "wrap sends each record at once");
    cr_assert_eq(nsapi_tls_socket_set_root_ca_path(&tls, tls_case_path("ca.pem")), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_set_hostname(&tls, "tls.test"), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_OK);
    cr_expect_eq(steps, 0, "no handshake yet");
    cr_assert_eq(nsapi_tls_socket_connect(&tls, NULL), NSAPI_ERROR_OK, "over the connected transport");
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_OK);
    cr_expect_gt(steps, 0, "a client's handshake counts its steps too");
    cr_assert_eq(nsapi_tls_socket_send(&tls, get, sizeof get - 1), (int)sizeof get - 1);
    cr_expect_gt(recv_all(reply, sizeof reply), 0);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tcp_socket_close(&tcp), NSAPI_ERROR_OK, "the transport was left open for its owner");
}

Test(tls, entropy_differs_every_time)
{
    unsigned char a[48], b[48], zero[48] = {0};

    cr_assert_eq(nsapi_tls_entropy(NULL, a, sizeof a), 0);
    cr_assert_eq(nsapi_tls_entropy(NULL, b, sizeof b), 0);
    cr_expect(memcmp(a, b, sizeof a) != 0 && memcmp(a, zero, sizeof a) != 0, "48 random bytes, twice");
}

/* A TCPServer on the stack's own address, port PORT + 10; the connection it accepts, TLS over it. */
static void serve_tls(nsapi_tcp_server_t *listener, nsapi_tcp_socket_t *conn, const char *client_command)
{
    nsapi_socket_address_t local = fx->local;
    unsigned char *cert, *key;
    size_t cert_size, key_size;

    memset(listener, 0, sizeof *listener);
    memset(conn, 0, sizeof *conn);
    nsapi_socket_address_set_port(&local, PORT + 10);
    cr_assert_eq(nsapi_tcp_server_open(listener, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(listener, &local), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(listener, 1), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(listener, 10000);
    server = tls_case_spawn(client_command, "client.out");
    cr_assert_eq(nsapi_tcp_server_accept(listener, conn, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tls_socket_wrap(&tls, conn), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_PARAMETER, "no certificate yet");
    cert = tls_case_read_file("server.pem", 2 * BIG, &cert_size);
    key = tls_case_read_file("server.key", 2 * BIG, &key_size);
    cr_assert_eq(nsapi_tls_socket_set_cert_key(&tls, cert, (nsapi_size_t)cert_size, key, (nsapi_size_t)key_size),
                 NSAPI_ERROR_OK);
    free(cert);
    free(key);
    nsapi_tls_socket_set_timeout(&tls, 10000);
}

Test(tls, server_mode_serves_1mib_to_curl)
{
    nsapi_tcp_server_t listener;
    nsapi_tcp_socket_t conn;
    char ip[NSAPI_IP_SIZE], command[256], head[128], request[4096];
    unsigned char *big = pattern(BIG, 5), *got;
    size_t used = 0, size;
    nsapi_size_or_error_t n;

    nsapi_socket_address_get_ip_address(&fx->local, ip, sizeof ip);
    snprintf(command, sizeof command, "curl -sS --max-time 20 --cacert ca.pem --resolve tls.test:%d:%s"
             " https://tls.test:%d/big -o got.bin", PORT + 10, ip, PORT + 10);
    serve_tls(&listener, &conn, command);
    cr_assert_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_tls_socket_connect(&tls, NULL), NSAPI_ERROR_PARAMETER, "a server connects nowhere");
    while (memmem(request, used, "\r\n\r\n", 4) == NULL) {
        n = nsapi_tls_socket_recv(&tls, request + used, (nsapi_size_t)(sizeof request - used));
        cr_assert_gt(n, 0, "the request: %s", nsapi_error_name(n));
        used += (size_t)n;
    }
    cr_expect(strncmp(request, "GET /big HTTP/1.1\r\n", 19) == 0);
    n = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", BIG);
    cr_assert_eq(nsapi_tls_socket_send(&tls, head, (nsapi_size_t)n), n);
    cr_assert_eq(nsapi_tls_socket_send(&tls, big, BIG), BIG);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    cr_expect_eq(tls_case_exit_status(&server), 0, "curl verified the server and got everything");
    nsapi_tcp_socket_close(&conn);
    nsapi_tcp_server_close(&listener);
    got = tls_case_read_file("got.bin", 2 * BIG, &size);
    cr_expect(size == BIG && memcmp(got, big, BIG) == 0, "every byte as served");
    free(big);
    free(got);
}

Test(tls, server_mode_refuses_a_client_without_tls)
{
    nsapi_tcp_server_t listener;
    nsapi_tcp_socket_t conn;
    char ip[NSAPI_IP_SIZE], command[256];

    nsapi_socket_address_get_ip_address(&fx->local, ip, sizeof ip);
    snprintf(command, sizeof command, "curl -sS --max-time 5 http://%s:%d/", ip, PORT + 10);
    serve_tls(&listener, &conn, command);
    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_DEVICE_ERROR);
    cr_expect_lt(nsapi_tls_socket_get_tls_error(&tls, NULL, 0), 0);
    nsapi_tls_socket_close(&tls);
    nsapi_tcp_socket_close(&conn);
    nsapi_tcp_server_close(&listener);
    tls_case_exit_status(&server);
}

/* Wait (up to 10 s) until the client's output file has words. */
static void wait_client_says(const char *words)
{
    int i;

    for (i = 0; i < 1000 && !tls_case_file_has("client.out", words); i++) {
        usleep(10000);
    }
    cr_assert(tls_case_file_has("client.out", words), "the client never said \"%s\"", words);
}

/* A non-blocking accept that must not have finished; the count of steps after it. */
static uint32_t unfinished_accept(void)
{
    uint32_t steps = 0;

    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_ALREADY);
    cr_assert_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_OK);
    return steps;
}

/* Five looks, 50 ms apart, while the client keeps the handshake waiting: the count stays at steps. */
static void expect_no_move(uint32_t steps, const char *why)
{
    int i;

    for (i = 0; i < 5; i++) {
        usleep(50000);
        cr_expect_eq(unfinished_accept(), steps, "%s", why);
    }
}

/* Call accept until the count passes steps (up to 5 s): what the call that moved it answered. */
static nsapi_error_t accept_until_moved(uint32_t steps, uint32_t *now)
{
    nsapi_error_t r = NSAPI_ERROR_ALREADY;
    int i;

    for (i = 0; i < 500; i++) {
        r = nsapi_tls_socket_accept(&tls);
        cr_assert_eq(nsapi_tls_socket_get_handshake_steps(&tls, now), NSAPI_ERROR_OK);
        if (*now != steps || (r != NSAPI_ERROR_ALREADY && r != NSAPI_ERROR_IN_PROGRESS)) {
            return r;
        }
        usleep(10000);
    }
    return r;
}

Test(tls, server_handshake_steps_move_only_on_what_the_client_sends)
{
    nsapi_tcp_server_t listener;
    nsapi_tcp_socket_t conn;
    char ip[NSAPI_IP_SIZE], command[512], cwd[256], ping[8];
    uint32_t steps = 99, started, hello, done;
    nsapi_size_or_error_t n = NSAPI_ERROR_WOULD_BLOCK;
    nsapi_error_t r;
    int i;

    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    nsapi_socket_address_get_ip_address(&fx->local, ip, sizeof ip);
    snprintf(command, sizeof command, "python3 %s/tests/tls/tls_step_client.py %s %d ca.pem", cwd, ip, PORT + 10);
    serve_tls(&listener, &conn, command);
    nsapi_tls_socket_set_blocking(&tls, false);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_OK);
    cr_expect_eq(steps, 0, "nothing done before accept");
    wait_client_says("connected");
    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_IN_PROGRESS);
    cr_assert_eq(nsapi_tls_socket_get_handshake_steps(&tls, &started), NSAPI_ERROR_OK);
    expect_no_move(started, "no ClientHello yet");
    tls_case_say("half\n");
    wait_client_says("half sent");
    expect_no_move(started, "half a ClientHello moves nothing");
    tls_case_say("rest\n");
    cr_expect_eq(accept_until_moved(started, &hello), NSAPI_ERROR_ALREADY, "the ClientHello taken, the reply awaited");
    cr_expect_gt(hello, started, "the whole ClientHello moved the handshake on");
    wait_client_says("flight read");
    expect_no_move(hello, "the client holds its reply");
    tls_case_say("reply\n");
    for (i = 0; i < 500 && (r = nsapi_tls_socket_accept(&tls)) == NSAPI_ERROR_ALREADY; i++) {
        usleep(10000); /* the reply may come in pieces */
    }
    cr_expect_eq(r, NSAPI_ERROR_IS_CONNECTED, "the reply ended the handshake");
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &done), NSAPI_ERROR_OK);
    cr_expect_gt(done, hello);
    cr_expect_eq(nsapi_tls_socket_accept(&tls), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_OK);
    cr_expect_eq(steps, done, "the count stops with the handshake");
    for (i = 0; i < 500 && n == NSAPI_ERROR_WOULD_BLOCK; i++) {
        usleep(10000);
        n = nsapi_tls_socket_recv(&tls, ping, sizeof ping);
    }
    cr_expect(n == 4 && memcmp(ping, "ping", 4) == 0, "the client's record: %d", (int)n);
    cr_expect_eq(nsapi_tls_socket_close(&tls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&tls, &steps), NSAPI_ERROR_NO_SOCKET);
    nsapi_tcp_socket_close(&conn);
    nsapi_tcp_server_close(&listener);
    cr_expect_eq(tls_case_exit_status(&server), 0, "the client checked the server and saw it close");
}
