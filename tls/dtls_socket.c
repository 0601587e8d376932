/*
 * A DTLSSocket's life: set up over a UDP transport (its own, or a
 * caller's), its settings (certificates through what TLSSocket shares,
 * the pre-shared key), and close.
 */
#include <string.h>

#include "impl.h"
#include "tls_internal.h"

/* The pre-shared-key suites, CoAP's (RFC 7252) first; mbedTLS skips those its build lacks. */
static const int PSK_SUITES[] = {
    MBEDTLS_TLS_PSK_WITH_AES_128_CCM_8,
    MBEDTLS_TLS_PSK_WITH_AES_128_CCM,
    MBEDTLS_TLS_PSK_WITH_AES_256_CCM_8,
    MBEDTLS_TLS_PSK_WITH_AES_256_CCM,
    MBEDTLS_TLS_PSK_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_PSK_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_PSK_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256,
    MBEDTLS_TLS_PSK_WITH_AES_128_CBC_SHA256,
    0
};

static nsapi_error_t setup(nsapi_dtls_socket_t *socket, nsapi_udp_socket_t *transport)
{
    nsapi_dtls_context_t *dtls = &socket->dtls;
    nsapi_error_t r = NSAPI_ERROR_OK;

    /* First, since a failure here leaves nothing to undo. */
    if (dtls->tls.sigio != NULL) {
        r = nsapi_udp_socket_sigio(transport, dtls->tls.sigio, dtls->tls.sigio_arg);
    }
    if (r == NSAPI_ERROR_OK) {
        r = nsapi_tls_context_setup(&dtls->tls, MBEDTLS_SSL_TRANSPORT_DATAGRAM);
    }
    if (r != NSAPI_ERROR_OK) {
        return r;
    }
    mbedtls_ssl_cookie_init(&dtls->cookie);
    dtls->timer_final = 0;
    dtls->peer_known = 0;
    dtls->psk_set = 0;
    mbedtls_ssl_set_bio(&dtls->tls.ssl, socket, nsapi_dtls_bio_send, nsapi_dtls_bio_recv, NULL);
    mbedtls_ssl_set_timer_cb(&dtls->tls.ssl, dtls, nsapi_dtls_timer_set, nsapi_dtls_timer_get);
    socket->transport = transport;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_open(nsapi_dtls_socket_t *socket, nsapi_stack_t *stack)
{
    nsapi_error_t r;

    if (socket->transport != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    r = nsapi_udp_socket_open(&socket->udp, stack);
    if (r != NSAPI_ERROR_OK) {
        return r;
    }
    r = setup(socket, &socket->udp);
    if (r != NSAPI_ERROR_OK) {
        nsapi_udp_socket_close(&socket->udp);
    }
    return r;
}

nsapi_error_t nsapi_impl_dtls_socket_wrap(nsapi_dtls_socket_t *socket, nsapi_udp_socket_t *transport)
{
    nsapi_socket_address_t peer;

    if (socket->transport != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_udp_socket_getpeername(transport, &peer) == NSAPI_ERROR_NO_SOCKET) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return setup(socket, transport);
}

nsapi_error_t nsapi_impl_dtls_socket_close(nsapi_dtls_socket_t *socket)
{
    nsapi_dtls_context_t *dtls = &socket->dtls;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    nsapi_tls_context_close_notify(&dtls->tls);
    if (socket->transport == &socket->udp) {
        nsapi_udp_socket_close(&socket->udp);
    }
    mbedtls_ssl_cookie_free(&dtls->cookie);
    nsapi_tls_context_free(&dtls->tls);
    dtls->timer_final = 0;
    dtls->peer_known = 0;
    dtls->psk_set = 0;
    socket->transport = NULL;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_set_hostname(nsapi_dtls_socket_t *socket, const char *hostname)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return nsapi_tls_context_set_hostname(&socket->dtls.tls, hostname);
}

nsapi_error_t nsapi_impl_dtls_socket_set_root_ca_cert(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size)
{
    return socket->transport == NULL ? NSAPI_ERROR_NO_SOCKET : nsapi_tls_add_ca(&socket->dtls.tls, data, size);
}

nsapi_error_t nsapi_impl_dtls_socket_set_root_ca_path(nsapi_dtls_socket_t *socket, const char *path)
{
    return socket->transport == NULL ? NSAPI_ERROR_NO_SOCKET : nsapi_tls_add_ca_path(&socket->dtls.tls, path);
}

nsapi_error_t nsapi_impl_dtls_socket_set_cert_key(nsapi_dtls_socket_t *socket, const void *cert, nsapi_size_t cert_size,
                                                  const void *key, nsapi_size_t key_size)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return nsapi_tls_own_cert_key(&socket->dtls.tls, cert, cert_size, key, key_size);
}

nsapi_error_t nsapi_impl_dtls_socket_set_psk(nsapi_dtls_socket_t *socket, const char *identity, const void *key,
                                             nsapi_size_t key_size)
{
    nsapi_tls_context_t *tls = &socket->dtls.tls;
    size_t length;
    int r;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    length = strlen(identity);
    if (length == 0 || length > 128 || tls->state != NSAPI_TLS_IDLE || socket->dtls.psk_set) {
        return NSAPI_ERROR_PARAMETER;
    }
    r = mbedtls_ssl_conf_psk(&tls->conf, key, key_size, (const unsigned char *)identity, length);
    if (r != 0) {
        return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_PARAMETER;
    }
    /* Only PSK suites: no certificate is ever sent, so there is no name to check. */
    mbedtls_ssl_conf_ciphersuites(&tls->conf, PSK_SUITES);
    socket->dtls.psk_set = 1;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_set_verify(nsapi_dtls_socket_t *socket, bool verify)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (socket->dtls.tls.state != NSAPI_TLS_IDLE) {
        return NSAPI_ERROR_PARAMETER;
    }
    mbedtls_ssl_conf_authmode(&socket->dtls.tls.conf, verify ? MBEDTLS_SSL_VERIFY_REQUIRED : MBEDTLS_SSL_VERIFY_NONE);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_set_timeout(nsapi_dtls_socket_t *socket, int timeout)
{
    socket->dtls.tls.timeout = timeout < 0 ? -1 : timeout;
    socket->dtls.tls.timeout_set = 1;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_set_blocking(nsapi_dtls_socket_t *socket, bool blocking)
{
    return nsapi_impl_dtls_socket_set_timeout(socket, blocking ? -1 : 0);
}

nsapi_error_t nsapi_impl_dtls_socket_sigio(nsapi_dtls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    if (socket->transport != NULL) {
        nsapi_error_t r = nsapi_udp_socket_sigio(socket->transport, callback, arg);

        if (r != NSAPI_ERROR_OK) {
            return r; /* the transport kept its callback; so does the DTLSSocket */
        }
    }
    socket->dtls.tls.sigio = callback;
    socket->dtls.tls.sigio_arg = arg;
    return NSAPI_ERROR_OK;
}

int nsapi_impl_dtls_socket_get_tls_error(nsapi_dtls_socket_t *socket, char *text, nsapi_size_t size)
{
    return nsapi_tls_context_error(&socket->dtls.tls, socket->transport != NULL, text, size);
}

nsapi_tls_config_t *nsapi_impl_dtls_socket_get_ssl_config(nsapi_dtls_socket_t *socket)
{
    return socket->transport != NULL ? &socket->dtls.tls.conf : NULL;
}
