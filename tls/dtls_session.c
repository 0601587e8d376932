/*
 * A DTLSSocket's association: connect (a client's handshake with its
 * peer), accept (a server's, with cookies, for the first client that
 * comes), send and recv of records, and what their failures answer.  Each
 * call runs mbedTLS until it is done or the call's time is up; the
 * transport's events and mbedTLS's retransmission timer say when to call
 * again.
 */
#include "impl.h"
#include "tls_internal.h"

/* A handshake refused for its key: a bad Finished, or the peer's alert saying so. */
static bool key_refused(const nsapi_tls_context_t *tls, int code)
{
    if (code == MBEDTLS_ERR_SSL_INVALID_MAC || code == MBEDTLS_ERR_SSL_UNKNOWN_IDENTITY) {
        return true;
    }
    if (code != MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE || tls->ssl.in_msg == NULL) {
        return false;
    }
    switch (tls->ssl.in_msg[1]) {  /* the alert's description, still in mbedTLS's buffer */
    case MBEDTLS_SSL_ALERT_MSG_BAD_RECORD_MAC:
    case MBEDTLS_SSL_ALERT_MSG_DECRYPT_ERROR:
    case MBEDTLS_SSL_ALERT_MSG_UNKNOWN_PSK_IDENTITY:
    case MBEDTLS_SSL_ALERT_MSG_BAD_CERT:
    case MBEDTLS_SSL_ALERT_MSG_UNKNOWN_CA:
        return true;
    default:
        return false;
    }
}

/* A failed handshake: what TLS answers, but for DTLS's own ends (retransmissions ran out, a key refused). */
static nsapi_error_t handshake_failed(nsapi_tls_context_t *tls, int code)
{
    nsapi_error_t r = nsapi_tls_fail(tls, code);

    if (tls->transport_error != NSAPI_ERROR_OK || r == NSAPI_ERROR_AUTH_FAILURE) {
        return r;
    }
    if (code == MBEDTLS_ERR_SSL_TIMEOUT) {
        r = NSAPI_ERROR_TIMEOUT;
    } else if (key_refused(tls, code)) {
        r = NSAPI_ERROR_AUTH_FAILURE;
    } else {
        r = NSAPI_ERROR_DEVICE_ERROR;
    }
    tls->failure = r;
    return r;
}

static nsapi_error_t unfinished(const nsapi_tls_context_t *tls, bool first)
{
    if (nsapi_tls_nonblocking(tls)) {
        return first ? NSAPI_ERROR_IN_PROGRESS : NSAPI_ERROR_ALREADY;
    }
    return NSAPI_ERROR_WOULD_BLOCK;
}

static nsapi_error_t handshake(nsapi_dtls_socket_t *socket, bool first)
{
    nsapi_tls_context_t *tls = &socket->dtls.tls;
    int r;

    nsapi_tls_call_start(tls);
    for (;;) {
        r = mbedtls_ssl_handshake(&tls->ssl);
        if (r == 0) {
            break;
        }
        if (r == MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED) {
            /* The cookie went to the client: start again, expecting its ClientHello with it. */
            r = mbedtls_ssl_session_reset(&tls->ssl);
            if (r != 0) {
                return handshake_failed(tls, r);
            }
            nsapi_dtls_set_client_id(socket);
            continue;
        }
        if (!nsapi_tls_want(r) || tls->transport_error != NSAPI_ERROR_OK) {
            return handshake_failed(tls, r);
        }
        if (nsapi_tls_call_expired(tls)) {
            return unfinished(tls, first);
        }
    }
    if (nsapi_tls_handshake_done(tls) != NSAPI_ERROR_OK) {
        return tls->failure;
    }
    return nsapi_tls_nonblocking(tls) ? NSAPI_ERROR_IS_CONNECTED : NSAPI_ERROR_OK;
}

/* What connect and accept answer once the handshake ended, or NSAPI_ERROR_OK while it goes on. */
static nsapi_error_t ended(const nsapi_tls_context_t *tls)
{
    if (tls->state == NSAPI_TLS_CONNECTED || tls->state == NSAPI_TLS_PEER_CLOSED) {
        return NSAPI_ERROR_IS_CONNECTED;
    }
    return tls->state == NSAPI_TLS_FAILED ? tls->failure : NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_connect(nsapi_dtls_socket_t *socket, const nsapi_socket_address_t *address)
{
    nsapi_dtls_context_t *dtls = &socket->dtls;
    bool first = false;
    nsapi_error_t r;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (dtls->tls.server) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (dtls->tls.state == NSAPI_TLS_IDLE) {
        /* The name is always checked: without one, only a PSK or verification turned off may connect. */
        if (!nsapi_socket_address_is_nonzero(address) || (!nsapi_tls_name_known(&dtls->tls) && !dtls->psk_set)) {
            return NSAPI_ERROR_PARAMETER;
        }
        dtls->tls.peer = *address;
        dtls->peer_known = 1;
        dtls->tls.state = NSAPI_TLS_HANDSHAKE;
        first = true;
    }
    r = ended(&dtls->tls);
    return r != NSAPI_ERROR_OK ? r : handshake(socket, first);
}

/* Turn the idle client mbedTLS was set up as into a server with cookies, which asks no client for a certificate. */
static nsapi_error_t become_server(nsapi_dtls_socket_t *socket)
{
    nsapi_dtls_context_t *dtls = &socket->dtls;
    nsapi_tls_context_t *tls = &dtls->tls;
    int r;

    if (!tls->own_cert_set && !dtls->psk_set) {
        return NSAPI_ERROR_PARAMETER;
    }
    mbedtls_ssl_conf_endpoint(&tls->conf, MBEDTLS_SSL_IS_SERVER);
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_NONE);
    if (mbedtls_ssl_cookie_setup(&dtls->cookie, mbedtls_ctr_drbg_random, &tls->drbg) != 0) {
        return NSAPI_ERROR_DEVICE_ERROR;
    }
    mbedtls_ssl_conf_dtls_cookies(&tls->conf, mbedtls_ssl_cookie_write, mbedtls_ssl_cookie_check, &dtls->cookie);
    r = mbedtls_ssl_session_reset(&tls->ssl);
    if (r != 0) {
        return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
    }
    dtls->peer_known = 0; /* the first datagram's sender */
    tls->server = 1;
    tls->state = NSAPI_TLS_HANDSHAKE;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_dtls_socket_accept(nsapi_dtls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->dtls.tls;
    bool first = false;
    nsapi_error_t r;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (tls->state == NSAPI_TLS_IDLE) {
        r = become_server(socket);
        if (r != NSAPI_ERROR_OK) {
            return r;
        }
        first = true;
    } else if (!tls->server) {
        return NSAPI_ERROR_PARAMETER; /* a client already */
    }
    r = ended(tls);
    return r != NSAPI_ERROR_OK ? r : handshake(socket, first);
}

static nsapi_error_t not_connected(const nsapi_dtls_socket_t *socket)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return socket->dtls.tls.state == NSAPI_TLS_FAILED ? socket->dtls.tls.failure : NSAPI_ERROR_NO_CONNECTION;
}

nsapi_size_or_error_t nsapi_impl_dtls_socket_send(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size)
{
    nsapi_tls_context_t *tls = &socket->dtls.tls;
    int max;
    int r;

    if (socket->transport == NULL || (tls->state != NSAPI_TLS_CONNECTED && tls->state != NSAPI_TLS_PEER_CLOSED)) {
        return not_connected(socket);
    }
    max = mbedtls_ssl_get_max_out_record_payload(&tls->ssl);
    if (max < 0 || size > (nsapi_size_t)max) {
        return NSAPI_ERROR_PARAMETER; /* a record is one datagram: no larger */
    }
    nsapi_tls_call_start(tls);
    for (;;) {
        r = mbedtls_ssl_write(&tls->ssl, data, size);
        if (r >= 0) {
            return r;
        }
        if (!nsapi_tls_want(r) || tls->transport_error != NSAPI_ERROR_OK) {
            return nsapi_dtls_record_failed(tls, r);
        }
        if (nsapi_tls_call_expired(tls)) {
            return NSAPI_ERROR_WOULD_BLOCK;
        }
    }
}

nsapi_size_or_error_t nsapi_impl_dtls_socket_recv(nsapi_dtls_socket_t *socket, void *data, nsapi_size_t size)
{
    nsapi_tls_context_t *tls = &socket->dtls.tls;
    if (socket->transport != NULL && tls->state == NSAPI_TLS_PEER_CLOSED) {
        return 0;
    }
    if (socket->transport == NULL || tls->state != NSAPI_TLS_CONNECTED) {
        return not_connected(socket);
    }
    if (size == 0) {
        return 0;
    }
    return nsapi_tls_read(tls, data, size, true);
}
