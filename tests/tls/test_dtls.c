/*
 * DTLSSocket against real peers on the kernel's side: openssl s_server
 * -dtls1_2 (certificates and PSK), gnutls-serv --udp, openssl s_client
 * against our server (cookies, PSK, close_notify), a silent peer (socat),
 * and lossy_relay.py (this kernel has no sch_netem) for a handshake under
 * loss.  Built once per configuration
 * whose fixture has a kernel side (POSIX on 127.0.0.1, lwIP over TAP):
 * each case runs in a process and network namespace of its own, with
 * certificates made for it by make_certs.sh.  Every server is stopped.
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
#include <mbedtls/x509.h>

#include "clock.h"
#include "fixture.h"
#include "tls_case.h"
#include "nsapi/dtls_socket.h"

#define PORT 4443
#define PSK_HEX "00112233445566778899aabbccddeeff"
#define PSK_ID "nsapi-client"

static const unsigned char psk[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                      0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
static pid_t server = -1, relay = -1;
static nsapi_dtls_socket_t dtls;

static void setup(void)
{
    tls_case_setup();
    memset(&dtls, 0, sizeof dtls);
}

TestSuite(dtls, .init = setup, .fini = tls_case_teardown, .timeout = 60);

static void s_server(const char *options)
{
    char command[384];

    snprintf(command, sizeof command, "openssl s_server -dtls1_2 -accept %s:%d -naccept 1 %s", fx->kernel, PORT,
             options);
    server = tls_case_spawn(command, "server.out");
    tls_case_wait_listen(true, PORT);
}

static nsapi_socket_address_t kernel_address(int port)
{
    nsapi_socket_address_t a;

    memset(&a, 0, sizeof a);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&a, (uint16_t)port);
    return a;
}

/* Open, trust ca_file, name name, 10 s for every call. */
static void pki_client(const char *ca_file, const char *name)
{
    cr_assert_eq(nsapi_dtls_socket_open(&dtls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_root_ca_path(&dtls, tls_case_path(ca_file)), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_hostname(&dtls, name), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_timeout(&dtls, 10000), NSAPI_ERROR_OK);
}

static void psk_client(const char *identity, const unsigned char *key)
{
    cr_assert_eq(nsapi_dtls_socket_open(&dtls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_psk(&dtls, identity, key, 16), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_timeout(&dtls, 10000), NSAPI_ERROR_OK);
}

/* Short retransmission timers: min_ms, doubling, until max_ms. */
static void handshake_timeout(uint32_t min_ms, uint32_t max_ms)
{
    nsapi_tls_config_t *conf = nsapi_dtls_socket_get_ssl_config(&dtls);

    cr_assert_not_null(conf);
    mbedtls_ssl_conf_handshake_timeout(conf, min_ms, max_ms);
}

static nsapi_error_t connect_to(int port)
{
    nsapi_socket_address_t a = kernel_address(port);

    return nsapi_dtls_socket_connect(&dtls, &a);
}

static void expect_tls_error(int code, const char *words)
{
    char text[256];

    cr_expect_eq(nsapi_dtls_socket_get_tls_error(&dtls, text, sizeof text), code);
    cr_expect(strstr(text, words) != NULL, "\"%s\" in \"%s\"", words, text);
}

/* A record both ways with s_server, which prints what it receives and sends what its stdin gets.  (Its
 * command Q sends no close_notify over DTLS: the peer's close_notify is s_client's, in the server cases.) */
static void exchange_with_s_server(void)
{
    char buf[256];
    nsapi_size_or_error_t n;
    int i;

    cr_assert_eq(nsapi_dtls_socket_send(&dtls, "hello over dtls\n", 16), 16);
    tls_case_say("hello back\n");
    n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf);
    cr_assert_eq(n, 11, "recv: %d (%s)", n, nsapi_error_name(n));
    cr_expect(memcmp(buf, "hello back\n", 11) == 0);
    for (i = 0; i < 40 && !tls_case_file_has("server.out", "hello over dtls"); i++) {
        sleep_ms(50);
    }
    cr_expect_lt(i, 40, "s_server printed our record");
}

Test(dtls, pki_handshake_and_records_with_openssl)
{
    s_server("-cert server.pem -key server.key");
    pki_client("ca.pem", "tls.test");
    cr_assert_eq(connect_to(PORT), NSAPI_ERROR_OK);
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(nsapi_dtls_socket_accept(&dtls), NSAPI_ERROR_PARAMETER, "a client accepts nothing");
    exchange_with_s_server();
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

Test(dtls, our_close_notify_ends_the_openssl_session)
{
    int status;

    s_server("-cert server.pem -key server.key");
    pki_client("ca.pem", "tls.test");
    cr_assert_eq(connect_to(PORT), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_send(&dtls, "bye\n", 4), 4);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
    for (int i = 0; i < 100 && waitpid(server, &status, WNOHANG) == 0; i++) {
        sleep_ms(50);
    }
    cr_expect(kill(server, 0) != 0 || waitpid(server, &status, WNOHANG) == server, "s_server ended with its client");
    cr_expect(tls_case_file_has("server.out", "bye"), "the record came first");
}

Test(dtls, psk_aes_128_ccm_8_with_openssl)
{
    s_server("-nocert -psk " PSK_HEX " -psk_identity " PSK_ID " -cipher PSK-AES128-CCM8");
    psk_client(PSK_ID, psk);
    cr_assert_eq(connect_to(PORT), NSAPI_ERROR_OK, "no host name needed with a PSK");
    exchange_with_s_server();
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

/* OpenSSL drops the Finished it cannot authenticate, as DTLS allows, and sends no alert: the client
 * retransmits until mbedTLS gives up. */
Test(dtls, wrong_psk_against_openssl_times_out)
{
    unsigned char wrong[16];
    long t0;
    nsapi_error_t r;
    long ms;

    memcpy(wrong, psk, sizeof wrong);
    wrong[15] ^= 1;
    s_server("-nocert -psk " PSK_HEX " -psk_identity " PSK_ID " -cipher PSK-AES128-CCM8");
    psk_client(PSK_ID, wrong);
    handshake_timeout(200, 1600); /* 200 to 1600 ms: 3 s */
    t0 = now_ms();
    r = connect_to(PORT);
    ms = now_ms() - t0;
    cr_expect_eq(r, NSAPI_ERROR_TIMEOUT, "%s", nsapi_error_name(r));
    cr_expect(ms < 5000, "within the retransmission bound: %ld ms", ms);
    cr_expect_eq(nsapi_dtls_socket_get_tls_error(&dtls, NULL, 0), MBEDTLS_ERR_SSL_TIMEOUT, "the mbedTLS code is kept");
    cr_expect_eq(nsapi_dtls_socket_send(&dtls, "x", 1), r, "a failed association stays failed");
    nsapi_dtls_socket_close(&dtls);
}

Test(dtls, unknown_ca_is_auth_failure)
{
    s_server("-cert untrusted.pem -key server.key");
    pki_client("ca.pem", "tls.test");
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_AUTH_FAILURE);
    expect_tls_error(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "not correctly signed");
    nsapi_dtls_socket_close(&dtls);
}

Test(dtls, wrong_host_name_is_auth_failure)
{
    s_server("-cert server.pem -key server.key");
    pki_client("ca.pem", "other.test");
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_AUTH_FAILURE);
    expect_tls_error(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "Common Name");
    nsapi_dtls_socket_close(&dtls);
}

Test(dtls, connect_by_address_needs_a_host_name)
{
    cr_assert_eq(nsapi_dtls_socket_open(&dtls, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_root_ca_path(&dtls, tls_case_path("ca.pem")), NSAPI_ERROR_OK);
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_PARAMETER, "no name to check");
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

Test(dtls, silent_peer_times_out_within_the_retransmission_bound)
{
    long t0;
    long ms;

    server = tls_case_spawn("socat -u UDP4-RECV:" "4443" ",bind=0.0.0.0 OPEN:silent.bin,creat", "server.out");
    tls_case_wait_listen(true, PORT);
    pki_client("ca.pem", "tls.test");
    nsapi_dtls_socket_set_timeout(&dtls, -1);
    handshake_timeout(100, 800); /* 100, 200, 400, 800 ms: 1.5 s */
    t0 = now_ms();
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_TIMEOUT);
    ms = now_ms() - t0;
    cr_expect(ms >= 1400 && ms < 3000, "retransmissions ran out after 1.5 s: %ld ms", ms);
    cr_expect_eq(nsapi_dtls_socket_get_tls_error(&dtls, NULL, 0), MBEDTLS_ERR_SSL_TIMEOUT);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK, "close returns at once");
}

Test(dtls, call_timeout_bounds_the_handshake)
{
    long t0;
    long ms;

    server = tls_case_spawn("socat -u UDP4-RECV:" "4443" ",bind=0.0.0.0 OPEN:silent.bin,creat", "server.out");
    tls_case_wait_listen(true, PORT);
    pki_client("ca.pem", "tls.test");
    nsapi_dtls_socket_set_timeout(&dtls, 500);
    t0 = now_ms();
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_WOULD_BLOCK);
    ms = now_ms() - t0;
    cr_expect(ms >= 450 && ms < 1500, "the timeout bounds connect: %ld ms", ms);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

Test(dtls, non_blocking_handshake_then_records_with_sigio)
{
    nsapi_error_t r;
    int rounds = 0;
    char buf[64];
    nsapi_size_or_error_t n;

    s_server("-cert server.pem -key server.key");
    pki_client("ca.pem", "tls.test");
    cr_assert_eq(nsapi_dtls_socket_sigio(&dtls, tls_case_on_event, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_set_blocking(&dtls, false), NSAPI_ERROR_OK);
    cr_assert_eq(connect_to(PORT), NSAPI_ERROR_IN_PROGRESS);
    while ((r = connect_to(PORT)) == NSAPI_ERROR_ALREADY && rounds < 200) {
        tls_case_wait_event(100);
        rounds++;
    }
    cr_assert_eq(r, NSAPI_ERROR_IS_CONNECTED, "%s after %d rounds", nsapi_error_name(r), rounds);
    cr_expect_gt(tls_case_events(), 0, "the server's flights came as sigio");
    cr_expect_eq(nsapi_dtls_socket_recv(&dtls, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    tls_case_say("ping\n");
    for (rounds = 0; (n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf)) == NSAPI_ERROR_WOULD_BLOCK && rounds < 100;
         rounds++) {
        tls_case_wait_event(100);
    }
    cr_expect_eq(n, 5, "%d", n);
    nsapi_dtls_socket_close(&dtls);
}

Test(dtls, pki_with_gnutls_serv_echo)
{
    static char big[20000];
    char command[256], buf[64];
    nsapi_size_or_error_t n;

    snprintf(command, sizeof command, "gnutls-serv --udp --echo -p %d --x509certfile server.pem --x509keyfile server.key",
             PORT);
    server = tls_case_spawn(command, "server.out");
    tls_case_wait_listen(true, PORT);
    pki_client("ca.pem", "tls.test");
    cr_assert_eq(connect_to(PORT), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_send(&dtls, big, sizeof big), NSAPI_ERROR_PARAMETER, "more than a record");
    cr_assert_eq(nsapi_dtls_socket_send(&dtls, "echo me, gnutls", 15), 15);
    n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf);
    cr_assert_eq(n, 15, "recv: %d (%s)", n, nsapi_error_name(n));
    cr_expect(memcmp(buf, "echo me, gnutls", 15) == 0);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

Test(dtls, handshake_completes_through_a_relay_losing_a_third)
{
    char command[512], cwd[256];
    long t0;
    size_t size;
    char *log;
    long ms;

    s_server("-cert server.pem -key server.key");
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    snprintf(command, sizeof command, "python3 %s/tests/tls/lossy_relay.py %s %d %s %d", cwd, fx->kernel, PORT + 1,
             fx->kernel, PORT);
    relay = tls_case_spawn(command, "relay.out");
    tls_case_wait_listen(true, PORT + 1);
    pki_client("ca.pem", "tls.test");
    handshake_timeout(200, 6400);
    t0 = now_ms();
    cr_assert_eq(connect_to(PORT + 1), NSAPI_ERROR_OK);
    ms = now_ms() - t0;
    cr_expect_lt(ms, 10000, "within the bound: %ld ms", ms);
    log = (char *)tls_case_read_file("relay.out", 65535, &size);
    cr_expect(strstr(log, "c>s 0 dropped") != NULL && strstr(log, "s>c 0 dropped") != NULL,
              "datagrams were lost both ways:\n%s", log);
    free(log);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
}

/* Our server on the stack's own address, port PORT + 10, for one openssl s_client. */
static void serve(nsapi_udp_socket_t *udp, const char *client_options)
{
    nsapi_socket_address_t local = fx->local;
    char ip[NSAPI_IP_SIZE], command[384];
    char *cert, *key;
    size_t cert_size, key_size;

    memset(udp, 0, sizeof *udp);
    nsapi_socket_address_set_port(&local, PORT + 10);
    cr_assert_eq(nsapi_udp_socket_open(udp, fx->stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(udp, &local), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_wrap(&dtls, udp), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_accept(&dtls), NSAPI_ERROR_PARAMETER, "no certificate or key yet");
    cert = (char *)tls_case_read_file("server.pem", 65535, &cert_size);
    key = (char *)tls_case_read_file("server.key", 65535, &key_size);
    cr_assert_eq(nsapi_dtls_socket_set_cert_key(&dtls, cert, (nsapi_size_t)cert_size, key, (nsapi_size_t)key_size),
                 NSAPI_ERROR_OK);
    free(cert);
    free(key);
    nsapi_dtls_socket_set_timeout(&dtls, 10000);
    nsapi_socket_address_get_ip_address(&fx->local, ip, sizeof ip);
    snprintf(command, sizeof command, "sh -c 'sleep 0.2; printf \"ping\\n\" | timeout 20 openssl s_client -dtls1_2"
             " -connect %s:%d %s'", ip, PORT + 10, client_options);
    server = tls_case_spawn(command, "client.out");
}


Test(dtls, our_server_with_cookies_serves_openssl_s_client)
{
    nsapi_udp_socket_t udp;
    char buf[64];
    nsapi_size_or_error_t n;

    serve(&udp, "-CAfile ca.pem -verify_hostname tls.test -verify_return_error -trace");
    cr_assert_eq(nsapi_dtls_socket_accept(&dtls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_accept(&dtls), NSAPI_ERROR_IS_CONNECTED);
    cr_expect_eq(connect_to(PORT), NSAPI_ERROR_PARAMETER, "a server connects nowhere");
    n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf);
    cr_assert_eq(n, 5, "recv: %d (%s)", n, nsapi_error_name(n));
    cr_expect(memcmp(buf, "ping\n", 5) == 0);
    n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf);
    cr_expect_eq(n, 0, "s_client's close_notify at its input's end: %d (%s)", n, nsapi_error_name(n));
    cr_expect_eq(tls_case_exit_status(&server), 0, "s_client verified us");
    cr_expect(tls_case_file_has("client.out", "HelloVerifyRequest"), "the cookie exchange");
    cr_expect(tls_case_file_has("client.out", "Verify return code: 0 (ok)"));
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_udp_socket_close(&udp), NSAPI_ERROR_OK, "the transport was left open for its owner");
}

Test(dtls, our_server_with_psk_serves_openssl_s_client)
{
    nsapi_udp_socket_t udp;
    char buf[64];
    nsapi_size_or_error_t n;

    serve(&udp, "-psk " PSK_HEX " -psk_identity " PSK_ID " -cipher PSK-AES128-CCM8");
    cr_assert_eq(nsapi_dtls_socket_set_psk(&dtls, PSK_ID, psk, sizeof psk), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_dtls_socket_accept(&dtls), NSAPI_ERROR_OK);
    n = nsapi_dtls_socket_recv(&dtls, buf, sizeof buf);
    cr_assert_eq(n, 5, "recv: %d (%s)", n, nsapi_error_name(n));
    cr_expect_eq(tls_case_exit_status(&server), 0);
    cr_expect(tls_case_file_has("client.out", "PSK-AES128-CCM8"));
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
    nsapi_udp_socket_close(&udp);
}

Test(dtls, our_server_refuses_a_wrong_psk)
{
    nsapi_udp_socket_t udp;
    nsapi_error_t r;

    serve(&udp, "-psk 00112233445566778899aabbccddeefe -psk_identity " PSK_ID " -cipher PSK-AES128-CCM8");
    cr_assert_eq(nsapi_dtls_socket_set_psk(&dtls, PSK_ID, psk, sizeof psk), NSAPI_ERROR_OK);
    r = nsapi_dtls_socket_accept(&dtls);
    cr_expect_eq(r, NSAPI_ERROR_AUTH_FAILURE, "%s", nsapi_error_name(r));
    cr_expect_eq(nsapi_dtls_socket_get_tls_error(&dtls, NULL, 0), MBEDTLS_ERR_SSL_INVALID_MAC);
    cr_expect_neq(tls_case_exit_status(&server), 0, "s_client failed too");
    nsapi_dtls_socket_close(&dtls);
    nsapi_udp_socket_close(&udp);
}

Test(dtls, setup_errors)
{
    nsapi_udp_socket_t closed;
    char big[20000];

    memset(&closed, 0, sizeof closed);
    memset(big, 'x', sizeof big);
    cr_expect_eq(nsapi_dtls_socket_wrap(&dtls, &closed), NSAPI_ERROR_NO_SOCKET);
    cr_expect_null(nsapi_dtls_socket_get_ssl_config(&dtls));
    cr_assert_eq(nsapi_dtls_socket_open(&dtls, fx->stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_open(&dtls, fx->stack), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_dtls_socket_set_psk(&dtls, "", psk, 16), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_dtls_socket_set_psk(&dtls, PSK_ID, psk, 16), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_set_psk(&dtls, PSK_ID, psk, 16), NSAPI_ERROR_PARAMETER, "one key");
    cr_expect_eq(nsapi_dtls_socket_send(&dtls, big, sizeof big), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_dtls_socket_set_hostname(&dtls, ""), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_dtls_socket_set_root_ca_path(&dtls, tls_case_path("nothing")), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_dtls_socket_send(&dtls, "x", 1), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_dtls_socket_recv(&dtls, big, 1), NSAPI_ERROR_NO_CONNECTION);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_dtls_socket_close(&dtls), NSAPI_ERROR_NO_SOCKET);
}
