/* What the TLS part's files share: the connection's states, the call clock, the contexts' life, the transport glue. */
#ifndef NSAPI_TLS_INTERNAL_H
#define NSAPI_TLS_INTERNAL_H

#include <stdbool.h>

#include "nsapi/dtls_socket.h"
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

/* Monotonic milliseconds: the one clock of the TLS part (calls' deadlines, DTLS's timer). */
int64_t nsapi_tls_now_ms(void);

/* Start a call: its deadline from the socket's timeout. */
void nsapi_tls_call_start(nsapi_tls_context_t *tls);

/* Whether the current call's time is up (always, for a non-blocking one). */
bool nsapi_tls_call_expired(const nsapi_tls_context_t *tls);

/* Milliseconds left of the current call: 0 when up, -1 without limit. */
int nsapi_tls_call_left(const nsapi_tls_context_t *tls);

/* Whether the socket is non-blocking (timeout 0). */
bool nsapi_tls_nonblocking(const nsapi_tls_context_t *tls);

/* Set up the contexts of an idle client over transport (MBEDTLS_SSL_TRANSPORT_STREAM or _DATAGRAM); on failure
 * everything is freed and the nsapi error returned (NO_MEMORY, DEVICE_ERROR). */
nsapi_error_t nsapi_tls_context_setup(nsapi_tls_context_t *tls, int transport);

/* Free the contexts and forget all but what close keeps: the timeout and the sigio callback. */
void nsapi_tls_context_free(nsapi_tls_context_t *tls);

/* Send close_notify if it can go at once, never waiting for a silent peer. */
void nsapi_tls_context_close_notify(nsapi_tls_context_t *tls);

/* The name to check; PARAMETER once the handshake started. */
nsapi_error_t nsapi_tls_context_set_hostname(nsapi_tls_context_t *tls, const char *hostname);

/* get_tls_error's answer (open: whether the verification result may be read). */
int nsapi_tls_context_error(const nsapi_tls_context_t *tls, bool open, char *text, nsapi_size_t size);

/* Whether a handshake may start: the name is always checked, unless verification is off. */
bool nsapi_tls_name_known(const nsapi_tls_context_t *tls);

/* The end of a handshake mbedTLS finished: OK, or AUTH_FAILURE if the peer's certificate did not verify. */
nsapi_error_t nsapi_tls_handshake_done(nsapi_tls_context_t *tls);

/* Certificates and keys (tls_certs.c): the trusted authorities and this end's certificate and key. */
nsapi_error_t nsapi_tls_add_ca(nsapi_tls_context_t *tls, const void *data, nsapi_size_t size);
nsapi_error_t nsapi_tls_add_ca_path(nsapi_tls_context_t *tls, const char *path);
nsapi_error_t nsapi_tls_own_cert_key(nsapi_tls_context_t *tls, const void *cert, nsapi_size_t cert_size,
                                     const void *key, nsapi_size_t key_size);

/* Give a TLSSocket's transport what is left of the current call's time. */
void nsapi_tls_transport_timeout(nsapi_tls_socket_t *socket);

/* mbedTLS's I/O callbacks over a TLSSocket's transport (ctx is the nsapi_tls_socket_t). */
int nsapi_tls_bio_send(void *ctx, const unsigned char *buf, size_t len);
int nsapi_tls_bio_recv(void *ctx, unsigned char *buf, size_t len);

/* mbedTLS's I/O and timer callbacks over a DTLSSocket's transport (ctx is the nsapi_dtls_socket_t). */
int nsapi_dtls_bio_send(void *ctx, const unsigned char *buf, size_t len);
int nsapi_dtls_bio_recv(void *ctx, unsigned char *buf, size_t len);
/* A server's client, as its cookies know it: the peer's address bytes and port (after each session reset). */
void nsapi_dtls_set_client_id(nsapi_dtls_socket_t *socket);
void nsapi_dtls_timer_set(void *ctx, uint32_t intermediate, uint32_t final);
int nsapi_dtls_timer_get(void *ctx);

/* Record a failed mbedTLS call: the code kept, the connection failed; returns the nsapi error. */
nsapi_error_t nsapi_tls_fail(nsapi_tls_context_t *tls, int code);

/* The same for a datagram's record: a lost transport is a device error, as DTLS has no connection to lose. */
nsapi_error_t nsapi_dtls_record_failed(nsapi_tls_context_t *tls, int code);

/* Whether mbedTLS asks to be called again once the transport can move. */
bool nsapi_tls_want(int code);

/* Read into data (size > 0) from a connected session: the bytes, 0 once the peer sent close_notify,
 * WOULD_BLOCK when the call's time is up, or the failure, recorded. */
nsapi_size_or_error_t nsapi_tls_read(nsapi_tls_context_t *tls, void *data, nsapi_size_t size, bool datagram);

#endif /* NSAPI_TLS_INTERNAL_H */
