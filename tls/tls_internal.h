/* What the TLS part's files share: the connection's states, the call clock, the transport glue. */
#ifndef NSAPI_TLS_INTERNAL_H
#define NSAPI_TLS_INTERNAL_H

#include <stdbool.h>

#include "nsapi/tls_socket.h"

/* tls.state: a zero-filled object is closed (transport NULL) and, once opened, idle. */
enum {
    NSAPI_TLS_IDLE,        /* open; nothing started */
    NSAPI_TLS_TCP,         /* the transport's connect is under way */
    NSAPI_TLS_HANDSHAKE,   /* the handshake is under way */
    NSAPI_TLS_CONNECTED,   /* records flow */
    NSAPI_TLS_PEER_CLOSED, /* the peer sent close_notify: recv answers 0 */
    NSAPI_TLS_FAILED       /* every call answers tls.failure */
};

/* Start a call: its deadline from the TLSSocket's timeout. */
void nsapi_tls_call_start(nsapi_tls_context_t *tls);

/* Whether the current call's time is up (always, for a non-blocking one). */
bool nsapi_tls_call_expired(const nsapi_tls_context_t *tls);

/* Whether the TLSSocket is non-blocking (timeout 0). */
bool nsapi_tls_nonblocking(const nsapi_tls_context_t *tls);

/* Give the transport what is left of the current call's time. */
void nsapi_tls_transport_timeout(nsapi_tls_socket_t *socket);

/* mbedTLS's I/O callbacks over the transport (ctx is the nsapi_tls_socket_t). */
int nsapi_tls_bio_send(void *ctx, const unsigned char *buf, size_t len);
int nsapi_tls_bio_recv(void *ctx, unsigned char *buf, size_t len);

/* Record a failed mbedTLS call: the code kept, the connection failed; returns the nsapi error. */
nsapi_error_t nsapi_tls_fail(nsapi_tls_context_t *tls, int code);

#endif /* NSAPI_TLS_INTERNAL_H */
