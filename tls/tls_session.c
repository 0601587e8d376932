/*
 * The session: the peer's name, connect (the transport's connect, then the handshake),
 * send and recv, and what their failures answer.  Each call runs mbedTLS
 * until it is done or the call's time is up; the transport's events
 * (its sigio, which the user's callback is) say when to call again.
 */
#include <string.h>

#include "impl.h"
#include "tls_internal.h"

/* What a connect that has not finished answers. */
static nsapi_error_t unfinished(nsapi_tls_context_t *tls, bool first)
{
    if (nsapi_tls_nonblocking(tls)) {
        return first ? NSAPI_ERROR_IN_PROGRESS : NSAPI_ERROR_ALREADY;
    }
    return NSAPI_ERROR_WOULD_BLOCK;
}

static nsapi_error_t start(nsapi_tls_socket_t *socket, const nsapi_socket_address_t *address)
{
    nsapi_tls_context_t *tls = &socket->tls;
    nsapi_socket_address_t peer;

    if (!nsapi_tls_name_known(tls)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (address != NULL) {
        tls->peer = *address;
        tls->state = NSAPI_TLS_TCP;
    } else if (nsapi_tcp_socket_getpeername(socket->transport, &peer) == NSAPI_ERROR_OK) {
        tls->state = NSAPI_TLS_HANDSHAKE;
    } else {
        return NSAPI_ERROR_NO_CONNECTION;
    }
    return NSAPI_ERROR_OK;
}

static nsapi_error_t connect_transport(nsapi_tls_socket_t *socket, bool first)
{
    nsapi_tls_context_t *tls = &socket->tls;
    nsapi_error_t r;

    nsapi_tls_transport_timeout(socket);
    r = nsapi_tcp_socket_connect(socket->transport, &tls->peer);
    if (r == NSAPI_ERROR_OK || r == NSAPI_ERROR_IS_CONNECTED) {
        tls->state = NSAPI_TLS_HANDSHAKE;
        return NSAPI_ERROR_OK;
    }
    if (r == NSAPI_ERROR_IN_PROGRESS || r == NSAPI_ERROR_ALREADY || r == NSAPI_ERROR_WOULD_BLOCK) {
        return unfinished(tls, first);
    }
    tls->state = NSAPI_TLS_IDLE; /* refused or unreachable: the caller may try again */
    return r;
}

/* mbedTLS's handshake loop a step at a time, so that each move of its state is counted (get_handshake_steps):
 * 0 once done, else what stopped it. */
static int run_steps(nsapi_tls_context_t *tls)
{
    int r = 0;

    while (r == 0 && tls->ssl.state != MBEDTLS_SSL_HANDSHAKE_OVER) {
        int before = tls->ssl.state;

        r = mbedtls_ssl_handshake_step(&tls->ssl);
        tls->handshake_steps += tls->ssl.state != before; /* a writer moves on before its flush may block */
    }
    return r;
}

static nsapi_error_t handshake(nsapi_tls_socket_t *socket, bool first)
{
    nsapi_tls_context_t *tls = &socket->tls;
    int r;

    for (;;) {
        r = run_steps(tls);
        if (r == 0) {
            break;
        }
        if (!nsapi_tls_want(r) || tls->transport_error != NSAPI_ERROR_OK) {
            return nsapi_tls_fail(tls, r);
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

nsapi_error_t nsapi_impl_tls_socket_connect(nsapi_tls_socket_t *socket, const nsapi_socket_address_t *address)
{
    nsapi_tls_context_t *tls = &socket->tls;
    bool first = false;
    nsapi_error_t r;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (tls->server) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (tls->state == NSAPI_TLS_CONNECTED || tls->state == NSAPI_TLS_PEER_CLOSED) {
        return NSAPI_ERROR_IS_CONNECTED;
    }
    if (tls->state == NSAPI_TLS_FAILED) {
        return tls->failure;
    }
    if (tls->state == NSAPI_TLS_IDLE) {
        r = start(socket, address);
        if (r != NSAPI_ERROR_OK) {
            return r;
        }
        first = true;
    }
    nsapi_tls_call_start(tls);
    if (tls->state == NSAPI_TLS_TCP) {
        r = connect_transport(socket, first);
        if (tls->state != NSAPI_TLS_HANDSHAKE) {
            return r;
        }
    }
    return handshake(socket, first);
}

/* Turn the idle client mbedTLS was set up as into a server, which asks no client for a certificate. */
static nsapi_error_t become_server(nsapi_tls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->tls;
    nsapi_socket_address_t peer;
    int r;

    if (!tls->own_cert_set) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (nsapi_tcp_socket_getpeername(socket->transport, &peer) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_NO_CONNECTION;
    }
    mbedtls_ssl_conf_endpoint(&tls->conf, MBEDTLS_SSL_IS_SERVER);
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_NONE);
    r = mbedtls_ssl_session_reset(&tls->ssl);
    if (r != 0) {
        return r == MBEDTLS_ERR_SSL_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_DEVICE_ERROR;
    }
    tls->server = 1;
    tls->state = NSAPI_TLS_HANDSHAKE;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_accept(nsapi_tls_socket_t *socket)
{
    nsapi_tls_context_t *tls = &socket->tls;
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
    if (tls->state == NSAPI_TLS_CONNECTED || tls->state == NSAPI_TLS_PEER_CLOSED) {
        return NSAPI_ERROR_IS_CONNECTED;
    }
    if (tls->state == NSAPI_TLS_FAILED) {
        return tls->failure;
    }
    nsapi_tls_call_start(tls);
    return handshake(socket, first);
}

nsapi_error_t nsapi_impl_tls_socket_get_handshake_steps(nsapi_tls_socket_t *socket, uint32_t *steps)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    *steps = socket->tls.handshake_steps;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_set_hostname(nsapi_tls_socket_t *socket, const char *hostname)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return nsapi_tls_context_set_hostname(&socket->tls, hostname);
}

nsapi_error_t nsapi_impl_tls_socket_connect_host(nsapi_tls_socket_t *socket, const char *host, uint16_t port)
{
    nsapi_tls_context_t *tls = &socket->tls;
    nsapi_socket_address_t address;
    nsapi_error_t r;

    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    if (tls->state != NSAPI_TLS_IDLE) {
        return nsapi_impl_tls_socket_connect(socket, &tls->peer); /* resolved on the first call */
    }
    memset(&address, 0, sizeof address);
    if (nsapi_socket_address_set_ip_address(&address, host) != NSAPI_ERROR_OK) {
        r = nsapi_stack_gethostbyname(socket->transport->base.stack, host, &address, NSAPI_UNSPEC);
        if (r != NSAPI_ERROR_OK) {
            return r;
        }
        r = nsapi_impl_tls_socket_set_hostname(socket, host);
        if (r != NSAPI_ERROR_OK) {
            return r;
        }
    }
    nsapi_socket_address_set_port(&address, port);
    return nsapi_impl_tls_socket_connect(socket, &address);
}

/* What send and recv answer before the session is up, or after it failed. */
static nsapi_error_t not_connected(const nsapi_tls_socket_t *socket)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return socket->tls.state == NSAPI_TLS_FAILED ? socket->tls.failure : NSAPI_ERROR_NO_CONNECTION;
}

nsapi_size_or_error_t nsapi_impl_tls_socket_send(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size)
{
    nsapi_tls_context_t *tls = &socket->tls;
    const unsigned char *bytes = data;
    nsapi_size_t sent = 0;
    int r;

    if (socket->transport == NULL || (tls->state != NSAPI_TLS_CONNECTED && tls->state != NSAPI_TLS_PEER_CLOSED)) {
        return not_connected(socket);
    }
    nsapi_tls_call_start(tls);
    while (sent < size) {
        r = mbedtls_ssl_write(&tls->ssl, bytes + sent, size - sent);
        if (r > 0) {
            sent += (nsapi_size_t)r;
        } else if (!nsapi_tls_want(r) || tls->transport_error != NSAPI_ERROR_OK) {
            return sent > 0 ? (nsapi_size_or_error_t)sent : nsapi_tls_fail(tls, r);
        } else if (nsapi_tls_call_expired(tls)) {
            break;
        }
    }
    return sent > 0 || size == 0 ? (nsapi_size_or_error_t)sent : NSAPI_ERROR_WOULD_BLOCK;
}

nsapi_size_or_error_t nsapi_impl_tls_socket_recv(nsapi_tls_socket_t *socket, void *data, nsapi_size_t size)
{
    nsapi_tls_context_t *tls = &socket->tls;
    if (socket->transport != NULL && tls->state == NSAPI_TLS_PEER_CLOSED) {
        return 0;
    }
    if (socket->transport == NULL || tls->state != NSAPI_TLS_CONNECTED) {
        return not_connected(socket);
    }
    if (size == 0) {
        return 0;
    }
    return nsapi_tls_read(tls, data, size, false);
}
