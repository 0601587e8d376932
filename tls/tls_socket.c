/*
 * A TLSSocket's life: set up over a transport (its own TCP socket, or a
 * caller's), the settings that need no certificate, and close.  Every
 * mbedTLS context lives in the caller's object; mbedTLS allocates on the
 * heap only what it sizes itself (record buffers, parsed certificates,
 * the handshake's state), all freed by close.
 */
#include <string.h>

#include <mbedtls/error.h>

#include "impl.h"
#include "tls_internal.h"

static const unsigned char PERSONALISATION[] = "nsapi tls";

static void free_contexts(nsapi_tls_context_t *tls)
{
    mbedtls_ssl_free(&tls->ssl);
    mbedtls_ssl_config_free(&tls->conf);
    mbedtls_x509_crt_free(&tls->ca);
    mbedtls_x509_crt_free(&tls->own_cert);
    mbedtls_pk_free(&tls->own_key);
    mbedtls_ctr_drbg_free(&tls->drbg);
}

/* Forget everything but what close keeps: the timeout and the sigio callback. */
static void reset(nsapi_tls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->tls;
    nsapi_sigio_cb_t sigio = tls->sigio;
    void *sigio_arg = tls->sigio_arg;
    int timeout = tls->timeout;
    uint8_t timeout_set = tls->timeout_set;

    memset(tls, 0, sizeof *tls);
    tls->sigio = sigio;
    tls->sigio_arg = sigio_arg;
    tls->timeout = timeout;
    tls->timeout_set = timeout_set;
    socket->transport = NULL;
}

static nsapi_error_t setup(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport)
{
    nsapi_tls_context_t *tls = &socket->tls;
    int r;

    mbedtls_ssl_init(&tls->ssl);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_x509_crt_init(&tls->ca);
    mbedtls_x509_crt_init(&tls->own_cert);
    mbedtls_pk_init(&tls->own_key);
    mbedtls_ctr_drbg_init(&tls->drbg);
    /* Seeded from the platform's entropy, never a fixed seed; no mbedtls_entropy_context, which
     * Debian's build (with HAVEGE) makes 38 KB, in every object. */
    if (mbedtls_ctr_drbg_seed(&tls->drbg, nsapi_tls_entropy, NULL, PERSONALISATION,
                              sizeof PERSONALISATION - 1) != 0) {
        free_contexts(tls);
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                MBEDTLS_SSL_PRESET_DEFAULT);
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    r = mbedtls_ssl_setup(&tls->ssl, &tls->conf);
    if (r != 0) {
        free_contexts(tls);
        return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
    }
    mbedtls_ssl_set_bio(&tls->ssl, socket, nsapi_tls_bio_send, nsapi_tls_bio_recv, NULL);
    socket->transport = transport;
    tls->state = NSAPI_TLS_IDLE;
    if (tls->sigio != NULL) {
        nsapi_tcp_socket_sigio(transport, tls->sigio, tls->sigio_arg);
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_open(nsapi_tls_socket_t *socket, nsapi_stack_t *stack)
{
    nsapi_error_t r;

    if (socket->transport != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    r = nsapi_tcp_socket_open(&socket->tcp, stack);
    if (r != NSAPI_ERROR_OK) {
        return r;
    }
    r = setup(socket, &socket->tcp);
    if (r != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&socket->tcp);
        reset(socket);
    }
    return r;
}

nsapi_error_t nsapi_impl_tls_socket_wrap(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport)
{
    nsapi_socket_address_t peer;
    nsapi_error_t r;

    if (socket->transport != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_tcp_socket_getpeername(transport, &peer) == NSAPI_ERROR_NO_SOCKET) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    r = setup(socket, transport);
    if (r != NSAPI_ERROR_OK) {
        reset(socket);
    }
    return r;
}

nsapi_error_t nsapi_impl_tls_socket_close(nsapi_tls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->tls;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (tls->state == NSAPI_TLS_CONNECTED || tls->state == NSAPI_TLS_PEER_CLOSED) {
        /* One try without waiting: a silent or gone peer never holds close (Mbed's #15209). */
        int timeout = tls->timeout;
        uint8_t timeout_set = tls->timeout_set;

        tls->timeout = 0;
        tls->timeout_set = 1;
        nsapi_tls_call_start(tls);
        mbedtls_ssl_close_notify(&tls->ssl);
        tls->timeout = timeout;
        tls->timeout_set = timeout_set;
    }
    if (socket->transport == &socket->tcp) {
        nsapi_tcp_socket_close(&socket->tcp);
    }
    free_contexts(tls);
    reset(socket);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_set_verify(nsapi_tls_socket_t *socket, bool verify)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (socket->tls.state != NSAPI_TLS_IDLE) {
        return NSAPI_ERROR_PARAMETER;
    }
    mbedtls_ssl_conf_authmode(&socket->tls.conf, verify ? MBEDTLS_SSL_VERIFY_REQUIRED : MBEDTLS_SSL_VERIFY_NONE);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_set_timeout(nsapi_tls_socket_t *socket, int timeout)
{
    socket->tls.timeout = timeout < 0 ? -1 : timeout;
    socket->tls.timeout_set = 1;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_set_blocking(nsapi_tls_socket_t *socket, bool blocking)
{
    return nsapi_impl_tls_socket_set_timeout(socket, blocking ? -1 : 0);
}

nsapi_error_t nsapi_impl_tls_socket_sigio(nsapi_tls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    socket->tls.sigio = callback;
    socket->tls.sigio_arg = arg;
    if (socket->transport != NULL) {
        nsapi_tcp_socket_sigio(socket->transport, callback, arg);
    }
    return NSAPI_ERROR_OK;
}

int nsapi_impl_tls_socket_get_tls_error(nsapi_tls_socket_t *socket, char *text, nsapi_size_t size)
{
    int code = socket->tls.last_error;
    size_t used;

    if (size == 0) {
        return code;
    }
    text[0] = '\0';
    if (code == 0) {
        return 0;
    }
    mbedtls_strerror(code, text, size);
    used = strlen(text);
    if (code == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED && socket->transport != NULL && used + 3 < size) {
        /* Why: expired, not trusted, name mismatch... (mbedTLS's own words, one per line: joined by "; "). */
        char *why = text + used;
        char *p;

        mbedtls_x509_crt_verify_info(why + 2, size - used - 2, "",
                                     mbedtls_ssl_get_verify_result(&socket->tls.ssl));
        if (why[2] != '\0') {
            why[0] = ':';
            why[1] = ' ';
        }
        for (p = why; *p != '\0'; p++) {
            if (*p == '\n') {
                *p = p[1] == '\0' ? '\0' : ';';
            }
        }
    }
    return code;
}

nsapi_tls_config_t *nsapi_impl_tls_socket_get_ssl_config(nsapi_tls_socket_t *socket)
{
    return socket->transport != NULL ? &socket->tls.conf : NULL;
}
