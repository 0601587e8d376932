/*
 * A DTLSSocket's mbedTLS I/O over its UDP transport, and the timer mbedTLS
 * retransmits its handshake flights on.  A read waits no longer than what
 * is left of the call and of the timer, so that a due retransmission is
 * never late; datagrams from anyone but the peer are dropped.  A server
 * that does not know its client yet takes the first datagram's sender.
 */
#include <string.h>

#include <mbedtls/net_sockets.h>

#include "tls_internal.h"

void nsapi_dtls_set_client_id(nsapi_dtls_socket_t *socket)
{
    const nsapi_socket_address_t *peer = &socket->dtls.tls.peer;
    unsigned char id[NSAPI_IPv6_BYTES + 2];

    memcpy(id, nsapi_socket_address_get_ip_bytes(peer), NSAPI_IPv6_BYTES);
    id[NSAPI_IPv6_BYTES] = (unsigned char)(peer->port >> 8);
    id[NSAPI_IPv6_BYTES + 1] = (unsigned char)peer->port;
    mbedtls_ssl_set_client_transport_id(&socket->dtls.tls.ssl, id, sizeof id);
}

/* Milliseconds a read may wait: what is left of the call, and of the timer while it runs. */
static int read_wait(const nsapi_dtls_context_t *dtls)
{
    int left = nsapi_tls_call_left(&dtls->tls);
    int64_t timer;

    if (dtls->timer_final == 0) {
        return left;
    }
    timer = dtls->timer_start + dtls->timer_final - nsapi_tls_now_ms();
    timer = timer < 0 ? 0 : timer;
    return left < 0 || timer < left ? (int)timer : left;
}

int nsapi_dtls_bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    nsapi_dtls_socket_t *socket = ctx;
    nsapi_size_or_error_t n;

    nsapi_udp_socket_set_timeout(socket->transport, nsapi_tls_call_left(&socket->dtls.tls));
    n = nsapi_udp_socket_sendto(socket->transport, &socket->dtls.tls.peer, buf, (nsapi_size_t)len);
    if (n >= 0) {
        return (int)len; /* a datagram goes whole */
    }
    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    }
    socket->dtls.tls.transport_error = n;
    return MBEDTLS_ERR_NET_SEND_FAILED;
}

int nsapi_dtls_bio_recv(void *ctx, unsigned char *buf, size_t len)
{
    nsapi_dtls_socket_t *socket = ctx;
    nsapi_dtls_context_t *dtls = &socket->dtls;
    nsapi_socket_address_t from;
    nsapi_size_or_error_t n;

    nsapi_udp_socket_set_timeout(socket->transport, read_wait(dtls));
    n = nsapi_udp_socket_recvfrom(socket->transport, &from, buf, (nsapi_size_t)len);
    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    if (n < 0) {
        dtls->tls.transport_error = n;
        return MBEDTLS_ERR_NET_RECV_FAILED;
    }
    if (!dtls->peer_known) {
        dtls->tls.peer = from;
        dtls->peer_known = 1;
        nsapi_dtls_set_client_id(socket); /* before mbedTLS reads the ClientHello it is given */
    } else if (!nsapi_socket_address_equals(&from, &dtls->tls.peer)) {
        return MBEDTLS_ERR_SSL_WANT_READ; /* not the peer's */
    }
    return n > 0 ? n : MBEDTLS_ERR_SSL_WANT_READ; /* an empty datagram is no end of anything */
}

void nsapi_dtls_timer_set(void *ctx, uint32_t intermediate, uint32_t final)
{
    nsapi_dtls_context_t *dtls = ctx;

    dtls->timer_start = nsapi_tls_now_ms();
    dtls->timer_intermediate = intermediate;
    dtls->timer_final = final;
}

int nsapi_dtls_timer_get(void *ctx)
{
    const nsapi_dtls_context_t *dtls = ctx;
    int64_t elapsed;

    if (dtls->timer_final == 0) {
        return -1;
    }
    elapsed = nsapi_tls_now_ms() - dtls->timer_start;
    return elapsed >= dtls->timer_final ? 2 : elapsed >= dtls->timer_intermediate ? 1 : 0;
}
