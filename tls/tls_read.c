/*
 * The read loop TLS and DTLS share: mbedTLS is run until a record gives
 * bytes, the peer closes, the transport fails or the call's time is up.
 */
#include "tls_internal.h"

bool nsapi_tls_want(int code)
{
    return code == MBEDTLS_ERR_SSL_WANT_READ || code == MBEDTLS_ERR_SSL_WANT_WRITE;
}

nsapi_size_or_error_t nsapi_tls_read(nsapi_tls_context_t *tls, void *data, nsapi_size_t size, bool datagram)
{
    int r;

    nsapi_tls_call_start(tls);
    for (;;) {
        r = mbedtls_ssl_read(&tls->ssl, data, size);
        if (r > 0) {
            return r;
        }
        if (r == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
            tls->state = NSAPI_TLS_PEER_CLOSED;
            return 0;
        }
        /* 0 is the end of a stream, but only an empty record of a datagram */
        if ((r != 0 || !datagram) && (!nsapi_tls_want(r) || tls->transport_error != NSAPI_ERROR_OK)) {
            return datagram ? nsapi_dtls_record_failed(tls, r) : nsapi_tls_fail(tls, r);
        }
        if (nsapi_tls_call_expired(tls)) {
            return NSAPI_ERROR_WOULD_BLOCK;
        }
    }
}
