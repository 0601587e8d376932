/* Generated from idl/dtls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/dtls_socket.h
 *
 * DTLSSocket, DTLS 1.2 over any nsapi UDP socket, through mbedTLS.
 */
#ifndef NSAPI_DTLS_SOCKET_H
#define NSAPI_DTLS_SOCKET_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/udp_socket.h"
#include "nsapi/tls_context.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_dtls_socket_class DTLSSocket
 * @copybrief nsapi_dtls_socket
 * @{
 */

/**
 * A DTLS 1.2 association (Mbed's DTLSSocket and DTLSSocketWrapper): a client
 * over a UDP socket of its own, opened by nsapi_dtls_socket_open(), or over a
 * caller's UDP socket given to nsapi_dtls_socket_wrap(); or a server for one
 * client over a caller's bound UDP socket (nsapi_dtls_socket_accept(), with
 * HelloVerifyRequest cookies). It authenticates with certificates, as a
 * TLSSocket (the host name is always checked), or with a pre-shared key
 * (nsapi_dtls_socket_set_psk()). send and recv move whole records, one datagram
 * each. The handshake retransmits its flights on mbedTLS's timer (1 s,
 * doubling, up to 60 s unless changed with mbedtls_ssl_conf_handshake_timeout()
 * through nsapi_dtls_socket_get_ssl_config()). Blocking, timeouts and sigio
 * behave as for a TLSSocket. One thread at a time may use it.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_dtls_socket {
    /** The UDP socket open() opens and close() closes; unused after wrap(). */
    nsapi_udp_socket_t udp;
    /**
     * The UDP socket DTLS runs over (udp, or the caller's), NULL while closed.
     */
    nsapi_udp_socket_t *transport;
    /** The mbedTLS contexts, the timer and the call state. */
    nsapi_dtls_context_t dtls;
};

/**
 * Open a UDP socket of the DTLSSocket's own on a stack and set up DTLS: a
 * client that requires the server's certificate (or a pre-shared key once
 * set_psk is called), seeded from the platform's entropy. A DTLSSocket that was
 * closed may be opened again.
 *
 * @param socket The DTLSSocket.
 * @param stack  An initialised stack.
 * @retval NSAPI_ERROR_OK           the socket is open.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the DTLSSocket is
 *                                  already open.
 * @retval NSAPI_ERROR_NO_SOCKET    the stack has no socket free.
 * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers, or
 *                                  the stack could not report the transport's
 *                                  events to a registered sigio.
 * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be seeded.
 */
nsapi_error_t nsapi_dtls_socket_open(nsapi_dtls_socket_t *socket, nsapi_stack_t *stack);

/**
 * Set up DTLS over a caller's open UDP socket (Mbed's DTLSSocketWrapper): a
 * client's, or a server's bound one for accept(). The transport stays the
 * caller's: the DTLSSocket sets its timeout and sigio for each call, and
 * close() leaves it open.
 *
 * @param socket    The DTLSSocket.
 * @param transport An open UDPSocket.
 * @retval NSAPI_ERROR_OK           the DTLSSocket is open over transport.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the DTLSSocket is
 *                                  already open.
 * @retval NSAPI_ERROR_NO_SOCKET    transport is not open.
 * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers, or
 *                                  the stack could not report the transport's
 *                                  events to a registered sigio.
 * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be seeded.
 */
nsapi_error_t nsapi_dtls_socket_wrap(nsapi_dtls_socket_t *socket, nsapi_udp_socket_t *transport);

/**
 * The server's name: sent in the handshake (SNI) and checked against its
 * certificate. Before connect.
 *
 * @param socket   The DTLSSocket.
 * @param hostname A host name of 1 to 253 characters.
 * @retval NSAPI_ERROR_OK        the name is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an empty or too long name, or
 *                               the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for the name.
 */
nsapi_error_t nsapi_dtls_socket_set_hostname(nsapi_dtls_socket_t *socket, const char *hostname);

/**
 * Trust the certificate authorities in data, PEM (one or several, with or
 * without a terminating NUL) or DER (one), in addition to those trusted
 * already.
 *
 * @param socket The DTLSSocket.
 * @param data   The certificates.
 * @param size   Bytes at data. At least 1.
 * @retval NSAPI_ERROR_OK        the certificates are added.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or data holds no valid
 *                               certificate.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_dtls_socket_set_root_ca_cert(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Trust the certificate authorities in a PEM or DER file, or in every file of a
 * directory (such as /etc/ssl/certs), in addition to those trusted already.
 *
 * @param socket The DTLSSocket.
 * @param path   A file or a directory.
 * @retval NSAPI_ERROR_OK        at least one certificate was added.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or no readable certificate at
 *                               path.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 */
nsapi_error_t nsapi_dtls_socket_set_root_ca_path(nsapi_dtls_socket_t *socket, const char *path);

/**
 * The certificate (PEM or DER, intermediates after it) and private key
 * (unencrypted) this end shows: a server's, or a client's when the server asks.
 * Before connect or accept.
 *
 * @param socket    The DTLSSocket.
 * @param cert      The certificate, and any intermediates after it.
 * @param cert_size Bytes at cert. At least 1.
 * @param key       The private key.
 * @param key_size  Bytes at key. At least 1.
 * @retval NSAPI_ERROR_OK        the certificate and key are set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an invalid certificate or key,
 *                               a key that does not match, one is set already,
 *                               or the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_dtls_socket_set_cert_key(nsapi_dtls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);

/**
 * Authenticate with a pre-shared key instead of certificates (as CoAP over DTLS
 * does): only the PSK cipher suites are offered (TLS_PSK_WITH_AES_128_CCM_8
 * first, then the other PSK and ECDHE-PSK suites mbedTLS has), so no
 * certificate and no host name is needed. A server accepts the one client
 * identity given. Before connect or accept.
 *
 * @param socket   The DTLSSocket.
 * @param identity The identity, 1 to 128 bytes.
 * @param key      The key.
 * @param key_size Bytes at key, 1 to 64. From 1 to 64.
 * @retval NSAPI_ERROR_OK        the key is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an empty or too long identity,
 *                               a key_size out of range, a key set already, or
 *                               the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_dtls_socket_set_psk(nsapi_dtls_socket_t *socket, const char *identity, const void *key, nsapi_size_t key_size);

/**
 * Check the server's certificate and name (true, the default), or accept any
 * server (false: for tests only). Setting mbedTLS's authmode to
 * MBEDTLS_SSL_VERIFY_NONE through nsapi_dtls_socket_get_ssl_config() is the
 * same. Before connect.
 *
 * @param socket The DTLSSocket.
 * @param verify false to skip every check.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 */
nsapi_error_t nsapi_dtls_socket_set_verify(nsapi_dtls_socket_t *socket, bool verify);

/**
 * Take address as the peer (datagrams from elsewhere are dropped) and run the
 * handshake, retransmitting on mbedTLS's timer. A blocking call returns once it
 * is done or failed. A non-blocking call returns NSAPI_ERROR_IN_PROGRESS, then
 * NSAPI_ERROR_ALREADY while it lasts (call again when sigio fires, or after at
 * most a second for the retransmissions), then NSAPI_ERROR_IS_CONNECTED. Needs
 * a host name set unless verification is off or a pre-shared key is set.
 *
 * @param socket  The DTLSSocket.
 * @param address The server's address and port.
 * @retval NSAPI_ERROR_OK            connected; the server's certificate and
 *                                   name (or its key) checked.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, an empty address, no host
 *                                   name set while certificates are verified,
 *                                   or accept was called.
 * @retval NSAPI_ERROR_NO_SOCKET     the DTLSSocket is not open.
 * @retval NSAPI_ERROR_IN_PROGRESS   non-blocking; the handshake started.
 * @retval NSAPI_ERROR_ALREADY       non-blocking; the handshake is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED  the handshake is done.
 * @retval NSAPI_ERROR_WOULD_BLOCK   the DTLSSocket's timeout passed before the
 *                                   handshake ended.
 * @retval NSAPI_ERROR_TIMEOUT       the server never completed the handshake;
 *                                   mbedTLS's retransmissions ran out (also
 *                                   what a wrong PSK gives with a server that
 *                                   drops the Finished it cannot authenticate,
 *                                   as OpenSSL does).
 * @retval NSAPI_ERROR_AUTH_FAILURE  the server's certificate or name did not
 *                                   verify, or the server refused our key with
 *                                   an alert (see get_tls_error).
 * @retval NSAPI_ERROR_NO_CONNECTION the transport failed (its error was
 *                                   NSAPI_ERROR_NO_CONNECTION or another the
 *                                   transport answered).
 * @retval NSAPI_ERROR_DEVICE_ERROR  any other DTLS failure (the mbedTLS code is
 *                                   kept, see get_tls_error).
 */
nsapi_error_t nsapi_dtls_socket_connect(nsapi_dtls_socket_t *socket, const nsapi_socket_address_t *address);

/**
 * Server mode: wait on the transport (a bound UDP socket) for a client, take
 * the first one's address as the peer (datagrams from elsewhere are then
 * dropped), answer its first ClientHello with a HelloVerifyRequest cookie, and
 * run the server's side of the handshake, showing the certificate and key of
 * set_cert_key() or using the key of set_psk(). Clients are not asked for a
 * certificate. Blocking, non-blocking and timeouts as for connect.
 *
 * @param socket The DTLSSocket.
 * @retval NSAPI_ERROR_OK            the handshake is done.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, neither a certificate nor
 *                                   a key set, or connect was called.
 * @retval NSAPI_ERROR_NO_SOCKET     the DTLSSocket is not open.
 * @retval NSAPI_ERROR_IN_PROGRESS   non-blocking; the handshake started.
 * @retval NSAPI_ERROR_ALREADY       non-blocking; the handshake is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED  the handshake is done.
 * @retval NSAPI_ERROR_WOULD_BLOCK   the timeout passed before the handshake
 *                                   ended (or before any client came).
 * @retval NSAPI_ERROR_TIMEOUT       the client went silent mid-handshake;
 *                                   mbedTLS's retransmissions ran out.
 * @retval NSAPI_ERROR_AUTH_FAILURE  the client's key or identity was wrong (its
 *                                   Finished did not authenticate; the client
 *                                   is told with an alert).
 * @retval NSAPI_ERROR_NO_CONNECTION the transport failed.
 * @retval NSAPI_ERROR_DEVICE_ERROR  any other DTLS failure (the mbedTLS code is
 *                                   kept).
 */
nsapi_error_t nsapi_dtls_socket_accept(nsapi_dtls_socket_t *socket);

/**
 * Encrypt data as one record and send it in one datagram.
 *
 * @param socket The DTLSSocket.
 * @param data   The bytes. May be NULL when size is 0.
 * @param size   Bytes at data, at most what one record carries
 *               (mbedtls_ssl_get_max_out_record_payload()).
 * @return size, once the datagram is sent; otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or more than one record
 *                                   carries.
 * @retval NSAPI_ERROR_NO_SOCKET     the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION not connected, or the transport failed.
 * @retval NSAPI_ERROR_WOULD_BLOCK   non-blocking, or the timeout passed, with
 *                                   nothing sent.
 * @retval NSAPI_ERROR_DEVICE_ERROR  a DTLS failure (the mbedTLS code is kept).
 */
nsapi_size_or_error_t nsapi_dtls_socket_send(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Receive and decrypt the next record from the peer (records that do not
 * authenticate are dropped, as DTLS does). A record longer than size comes in
 * parts, the rest with the next calls. 0 means the peer ended the association
 * with close_notify.
 *
 * @param socket The DTLSSocket.
 * @param data   Where to copy it.
 * @param size   Bytes available at data. At least 1.
 * @return The number of bytes copied; 0 once the peer has sent close_notify;
 *         otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or size 0, refused at
 *                                   once: it would take nothing of the record,
 *                                   and a 0 returned would read as
 *                                   close_notify.
 * @retval NSAPI_ERROR_NO_SOCKET     the DTLSSocket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION not connected, or the transport failed.
 * @retval NSAPI_ERROR_WOULD_BLOCK   non-blocking, or the timeout passed, with
 *                                   nothing received.
 * @retval NSAPI_ERROR_DEVICE_ERROR  a DTLS failure, such as a fatal alert from
 *                                   the peer (the mbedTLS code is kept).
 */
nsapi_size_or_error_t nsapi_dtls_socket_recv(nsapi_dtls_socket_t *socket, void *data, nsapi_size_t size);

/**
 * Send close_notify if the association is up (one datagram, never waiting),
 * close the UDP socket open() opened (not a wrapped one), and free mbedTLS's
 * memory. The DTLSSocket may be opened again; its blocking mode, timeout and
 * sigio are kept.
 *
 * @param socket The DTLSSocket.
 * @retval NSAPI_ERROR_OK        the DTLSSocket is closed.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET the DTLSSocket is not open.
 */
nsapi_error_t nsapi_dtls_socket_close(nsapi_dtls_socket_t *socket);

/**
 * Make calls block (true, the default) or not (false): set_timeout(-1) or
 * set_timeout(0). Allowed on a closed DTLSSocket.
 *
 * @param socket   The DTLSSocket.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_dtls_socket_set_blocking(nsapi_dtls_socket_t *socket, bool blocking);

/**
 * Bound how long a call (connect or accept with the handshake, send, recv) may
 * take, in milliseconds: 0 is non-blocking, negative no limit (then the
 * handshake's own retransmission limit still bounds connect and accept).
 * Allowed on a closed DTLSSocket.
 *
 * @param socket  The DTLSSocket.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_dtls_socket_set_timeout(nsapi_dtls_socket_t *socket, int timeout);

/**
 * Register the function called when the DTLSSocket may make progress (the
 * transport's events); NULL removes it. A retransmission is due on a timer, not
 * on an event: a non-blocking caller mid-handshake also calls again within a
 * second. Allowed on a closed DTLSSocket.
 *
 * @param socket   The DTLSSocket.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               transport's events; nothing changed.
 */
nsapi_error_t nsapi_dtls_socket_sigio(nsapi_dtls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);

/**
 * The mbedTLS code of the last DTLS failure (0 if none), and its text, with why
 * verification failed when it did.
 *
 * @param socket The DTLSSocket.
 * @param text   Receives the text, cut to size with its NUL. May be NULL when
 *               size is 0.
 * @param size   Bytes available at text, 0 for none.
 * @return The mbedTLS error code (negative), or 0.
 * @return 0 when a pointer argument is NULL.
 */
int nsapi_dtls_socket_get_tls_error(nsapi_dtls_socket_t *socket, char *text, nsapi_size_t size);

/**
 * mbedTLS's configuration, for what nsapi does not wrap (cipher suites,
 * handshake timeouts, ...): change it before connect or accept. Valid until
 * close().
 *
 * @param socket The DTLSSocket.
 * @return The mbedtls_ssl_config, or NULL while closed.
 * @return NULL when a pointer argument is NULL.
 */
nsapi_tls_config_t *nsapi_dtls_socket_get_ssl_config(nsapi_dtls_socket_t *socket);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_DTLS_SOCKET_H */
