/**
 * @file nsapi/tls_context.h
 * The mbedTLS state a TLSSocket holds, so that the caller allocates it
 * whole (nsapi/tls_socket.h names it nsapi_tls_context_t).  Its fields are
 * the TLS part's; use the nsapi_tls_socket_* functions, and
 * nsapi_tls_socket_get_ssl_config() for what they do not cover.
 */
#ifndef NSAPI_TLS_CONTEXT_H
#define NSAPI_TLS_CONTEXT_H

#include <stdint.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/ssl_cookie.h>
#include <mbedtls/x509_crt.h>

#include "nsapi/socket_address.h"
#include "nsapi/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The platform's entropy, which seeds each TLSSocket's random generator (an
 * mbedTLS entropy callback).  On hosts, tls/tls_entropy.c reads getrandom();
 * an embedded port provides this function over its hardware random source.
 * Never a fixed seed: a TLSSocket whose seeding fails does not open.
 *
 * @param unused NULL.
 * @param out    Where to write size random bytes.
 * @param size   Bytes wanted.
 * @return 0, or MBEDTLS_ERR_ENTROPY_SOURCE_FAILED.
 */
int nsapi_tls_entropy(void *unused, unsigned char *out, size_t size);

/** mbedTLS's configuration of one TLSSocket. */
typedef mbedtls_ssl_config nsapi_tls_config_t;

/** One TLSSocket's mbedTLS contexts and the state of its calls. */
typedef struct nsapi_tls_context {
    mbedtls_ssl_context ssl;          /**< the session */
    mbedtls_ssl_config conf;          /**< its configuration */
    mbedtls_x509_crt ca;              /**< the trusted authorities */
    mbedtls_x509_crt own_cert;        /**< the certificate shown to a peer that asks */
    mbedtls_pk_context own_key;       /**< its private key */
    mbedtls_ctr_drbg_context drbg;    /**< the random generator, seeded by nsapi_tls_entropy() */
    nsapi_socket_address_t peer;      /**< where connect goes */
    nsapi_sigio_cb_t sigio;           /**< the user's callback, set on the transport */
    void *sigio_arg;                  /**< its argument */
    int64_t deadline;                 /**< end of the current call, monotonic milliseconds */
    int timeout;                      /**< once timeout_set: milliseconds, 0 non-blocking, negative no limit */
    int last_error;                   /**< mbedTLS code of the last failure, 0 if none */
    nsapi_error_t transport_error;    /**< what the transport answered in the current call, if it failed */
    nsapi_error_t failure;            /**< what a failed connection answers from then on */
    uint32_t handshake_steps;         /**< the handshake's moves so far (get_handshake_steps) */
    uint8_t state;                    /**< where the connection is (tls_internal.h) */
    uint8_t timeout_set;              /**< 1 once set_timeout or set_blocking was called */
    uint8_t hostname_set;             /**< 1 once the name to check is known */
    uint8_t own_cert_set;             /**< 1 once set_cert_key or set_client_cert_key succeeded */
    uint8_t server;                   /**< 1 once accept started: the server's side */
} nsapi_tls_context_t;

/** One DTLSSocket's: a TLSSocket's, the server's cookies and the retransmission timer. */
typedef struct nsapi_dtls_context {
    nsapi_tls_context_t tls;          /**< as a TLSSocket's; tls.peer is the peer once known */
    mbedtls_ssl_cookie_ctx cookie;    /**< the server's HelloVerifyRequest cookies */
    int64_t timer_start;              /**< when mbedTLS set its timer, monotonic milliseconds */
    uint32_t timer_intermediate;      /**< its intermediate delay, milliseconds */
    uint32_t timer_final;             /**< its final delay, milliseconds; 0 when cancelled */
    uint8_t peer_known;               /**< 1 once tls.peer is the one address records come from */
    uint8_t psk_set;                  /**< 1 once set_psk succeeded */
} nsapi_dtls_context_t;

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_TLS_CONTEXT_H */
