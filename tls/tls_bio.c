/*
 * mbedTLS's I/O over the transport, and the clock that bounds a call.
 * Each read or write of the transport may wait what is left of the TLS
 * call's time, so that a timeout bounds the whole call (handshake
 * included) however many records it takes; a transport that would block
 * becomes mbedTLS's WANT_READ or WANT_WRITE, which the caller turns into
 * WOULD_BLOCK (or ALREADY) once the time is up.
 */
#define _POSIX_C_SOURCE 200809L

#include <time.h>

#include <mbedtls/net_sockets.h>

#include "tls_internal.h"

/* Monotonic milliseconds: the one OS service the TLS part uses besides its entropy hook. */
static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int effective_timeout(const nsapi_tls_context_t *tls)
{
    return tls->timeout_set ? tls->timeout : -1;
}

bool nsapi_tls_nonblocking(const nsapi_tls_context_t *tls)
{
    return effective_timeout(tls) == 0;
}

void nsapi_tls_call_start(nsapi_tls_context_t *tls)
{
    int timeout = effective_timeout(tls);

    tls->transport_error = NSAPI_ERROR_OK;
    tls->deadline = timeout < 0 ? -1 : now_ms() + timeout;
}

bool nsapi_tls_call_expired(const nsapi_tls_context_t *tls)
{
    return tls->deadline >= 0 && now_ms() >= tls->deadline;
}

void nsapi_tls_transport_timeout(nsapi_tls_socket_t *socket)
{
    int64_t left = -1;

    if (socket->tls.deadline >= 0) {
        left = socket->tls.deadline - now_ms();
        left = left < 0 ? 0 : left;
    }
    nsapi_tcp_socket_set_timeout(socket->transport, (int)left);
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
