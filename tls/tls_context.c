/*
 * The mbedTLS contexts a TLSSocket and a DTLSSocket share: their set-up
 * and release, the host name, failures and their text, and the end of a
 * handshake.
 * Every context lives in the caller's object; mbedTLS allocates on the heap
 * only what it sizes itself (record buffers, parsed certificates, the
 * handshake's state), all freed by nsapi_tls_context_free().
 */
#include <string.h>

#include <mbedtls/error.h>

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

void nsapi_tls_context_free(nsapi_tls_context_t *tls)
{
    nsapi_sigio_cb_t sigio = tls->sigio;
    void *sigio_arg = tls->sigio_arg;
    int timeout = tls->timeout;
    uint8_t timeout_set = tls->timeout_set;

    free_contexts(tls);
    memset(tls, 0, sizeof *tls);
    tls->sigio = sigio;
    tls->sigio_arg = sigio_arg;
    tls->timeout = timeout;
    tls->timeout_set = timeout_set;
}

nsapi_error_t nsapi_tls_context_setup(nsapi_tls_context_t *tls, int transport)
{
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
        nsapi_tls_context_free(tls);
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT, transport, MBEDTLS_SSL_PRESET_DEFAULT);
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    r = mbedtls_ssl_setup(&tls->ssl, &tls->conf);
    if (r != 0) {
        nsapi_tls_context_free(tls);
        return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
    }
    tls->state = NSAPI_TLS_IDLE;
    return NSAPI_ERROR_OK;
}

void nsapi_tls_context_close_notify(nsapi_tls_context_t *tls)
{
    int timeout = tls->timeout;
    uint8_t timeout_set = tls->timeout_set;

    if (tls->state != NSAPI_TLS_CONNECTED && tls->state != NSAPI_TLS_PEER_CLOSED) {
        return;
    }
    /* One try without waiting: a silent or gone peer never holds close (Mbed's #15209). */
    tls->timeout = 0;
    tls->timeout_set = 1;
    nsapi_tls_call_start(tls);
    mbedtls_ssl_close_notify(&tls->ssl);
    tls->timeout = timeout;
    tls->timeout_set = timeout_set;
}

nsapi_error_t nsapi_tls_context_set_hostname(nsapi_tls_context_t *tls, const char *hostname)
{
    size_t length = strlen(hostname);

    if (length == 0 || length > 253 || tls->state != NSAPI_TLS_IDLE) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (mbedtls_ssl_set_hostname(&tls->ssl, hostname) != 0) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    tls->hostname_set = 1;
    return NSAPI_ERROR_OK;
}

bool nsapi_tls_name_known(const nsapi_tls_context_t *tls)
{
    return tls->hostname_set || tls->conf.authmode == MBEDTLS_SSL_VERIFY_NONE;
}

nsapi_error_t nsapi_tls_fail(nsapi_tls_context_t *tls, int code)
{
    nsapi_error_t r;

    tls->last_error = code;
    if (code == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
        r = NSAPI_ERROR_AUTH_FAILURE;
    } else if (tls->transport_error != NSAPI_ERROR_OK) {
        r = tls->transport_error;
    } else if (code == MBEDTLS_ERR_SSL_CONN_EOF || code == 0) {
        r = NSAPI_ERROR_CONNECTION_LOST; /* TCP ended without close_notify: the data may be cut short */
    } else {
        r = NSAPI_ERROR_DEVICE_ERROR;
    }
    tls->state = NSAPI_TLS_FAILED;
    tls->failure = r;
    return r;
}

nsapi_error_t nsapi_dtls_record_failed(nsapi_tls_context_t *tls, int code)
{
    if (nsapi_tls_fail(tls, code) == NSAPI_ERROR_CONNECTION_LOST) {
        tls->failure = NSAPI_ERROR_DEVICE_ERROR;
    }
    return tls->failure;
}

nsapi_error_t nsapi_tls_handshake_done(nsapi_tls_context_t *tls)
{
    /* With authmode OPTIONAL mbedTLS finishes despite a bad certificate: nsapi still refuses it. */
    if (tls->conf.authmode != MBEDTLS_SSL_VERIFY_NONE && mbedtls_ssl_get_verify_result(&tls->ssl) != 0) {
        return nsapi_tls_fail(tls, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED);
    }
    tls->state = NSAPI_TLS_CONNECTED;
    return NSAPI_ERROR_OK;
}

int nsapi_tls_context_error(const nsapi_tls_context_t *tls, bool open, char *text, nsapi_size_t size)
{
    int code = tls->last_error;
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
    if (code == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED && open && used + 3 < size) {
        /* Why: expired, not trusted, name mismatch... (mbedTLS's own words, one per line: joined by "; "). */
        char *why = text + used;
        char *p;

        mbedtls_x509_crt_verify_info(why + 2, size - used - 2, "", mbedtls_ssl_get_verify_result(&tls->ssl));
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
