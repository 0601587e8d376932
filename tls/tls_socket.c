/*
 * A TLSSocket's life: set up over a transport (its own TCP socket, or a
 * caller's), the settings that need no certificate, and close.
 */
#include "impl.h"
#include "tls_internal.h"

/*
 * mbedTLS writes each record of a flight with a send of its own: with Nagle's algorithm the last
 * short one waits for the peer's delayed ACK of the one before (40 ms from Linux), in every
 * handshake.  Records are whole messages, so sending each at once costs no extra segments.  A
 * backend without the option keeps Nagle's algorithm.
 */
static void send_at_once(nsapi_tcp_socket_t *transport)
{
    int on = 1;

    (void)nsapi_tcp_socket_setsockopt(transport, NSAPI_SOCKET, NSAPI_NODELAY, &on, sizeof on);
}

static nsapi_error_t setup(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport)
{
    nsapi_error_t r = NSAPI_ERROR_OK;

    /* First, since a failure here leaves nothing to undo. */
    if (socket->tls.sigio != NULL) {
        r = nsapi_tcp_socket_sigio(transport, socket->tls.sigio, socket->tls.sigio_arg);
    }
    if (r == NSAPI_ERROR_OK) {
        r = nsapi_tls_context_setup(&socket->tls, MBEDTLS_SSL_TRANSPORT_STREAM);
    }
    if (r != NSAPI_ERROR_OK) {
        return r;
    }
    mbedtls_ssl_set_bio(&socket->tls.ssl, socket, nsapi_tls_bio_send, nsapi_tls_bio_recv, NULL);
    send_at_once(transport);
    socket->transport = transport;
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
    }
    return r;
}

nsapi_error_t nsapi_impl_tls_socket_wrap(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport)
{
    nsapi_socket_address_t peer;

    if (socket->transport != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_tcp_socket_getpeername(transport, &peer) == NSAPI_ERROR_NO_SOCKET) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return setup(socket, transport);
}

nsapi_error_t nsapi_impl_tls_socket_close(nsapi_tls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->tls;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    nsapi_tls_context_close_notify(tls);
    if (socket->transport == &socket->tcp) {
        nsapi_tcp_socket_close(&socket->tcp);
    }
    nsapi_tls_context_free(tls);
    socket->transport = NULL;
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
    if (socket->transport != NULL) {
        nsapi_error_t r = nsapi_tcp_socket_sigio(socket->transport, callback, arg);

        if (r != NSAPI_ERROR_OK) {
            return r; /* the transport kept its callback; so does the TLSSocket */
        }
    }
    socket->tls.sigio = callback;
    socket->tls.sigio_arg = arg;
    return NSAPI_ERROR_OK;
}

int nsapi_impl_tls_socket_get_tls_error(nsapi_tls_socket_t *socket, char *text, nsapi_size_t size)
{
    return nsapi_tls_context_error(&socket->tls, socket->transport != NULL, text, size);
}

nsapi_tls_config_t *nsapi_impl_tls_socket_get_ssl_config(nsapi_tls_socket_t *socket)
{
    return socket->transport != NULL ? &socket->tls.conf : NULL;
}
