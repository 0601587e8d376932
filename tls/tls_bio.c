/*
 * A TLSSocket's mbedTLS I/O over its TCP transport.
 * Each read or write of the transport may wait what is left of the TLS
 * call's time, so that a timeout bounds the whole call (handshake
 * included) however many records it takes; a transport that would block
 * becomes mbedTLS's WANT_READ or WANT_WRITE, which the caller turns into
 * WOULD_BLOCK (or ALREADY) once the time is up.
 */
#include <mbedtls/net_sockets.h>

#include "tls_internal.h"

void nsapi_tls_transport_timeout(nsapi_tls_socket_t *socket)
{
    nsapi_tcp_socket_set_timeout(socket->transport, nsapi_tls_call_left(&socket->tls));
}

int nsapi_tls_bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    nsapi_tls_socket_t *socket = ctx;
    nsapi_size_or_error_t n;

    nsapi_tls_transport_timeout(socket);
    n = nsapi_tcp_socket_send(socket->transport, buf, (nsapi_size_t)len);
    if (n > 0) {
        return n;
    }
    if (n == 0 || n == NSAPI_ERROR_WOULD_BLOCK) {
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    }
    socket->tls.transport_error = n;
    return MBEDTLS_ERR_NET_SEND_FAILED;
}

int nsapi_tls_bio_recv(void *ctx, unsigned char *buf, size_t len)
{
    nsapi_tls_socket_t *socket = ctx;
    nsapi_size_or_error_t n;

    nsapi_tls_transport_timeout(socket);
    n = nsapi_tcp_socket_recv(socket->transport, buf, (nsapi_size_t)len);
    if (n >= 0) {
        return n; /* 0: the peer ended TCP, which mbedTLS tells apart from close_notify */
    }
    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    socket->tls.transport_error = n;
    return MBEDTLS_ERR_NET_RECV_FAILED;
}
