/* Generated from idl/tls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/tls_socket.h
 *
 * TLSSocket, TLS 1.2 over any nsapi TCP socket, through mbedTLS.
 */
#ifndef NSAPI_TLS_SOCKET_H
#define NSAPI_TLS_SOCKET_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/tcp_socket.h"
#include "nsapi/tls_context.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_tls_socket_class TLSSocket
 * @copybrief nsapi_tls_socket
 * @{
 */

/**
 * A TLS connection (Mbed's TLSSocket and TLSSocketWrapper): a client over a TCP
 * socket of its own, opened by nsapi_tls_socket_open(), or over a caller's TCP
 * socket given to nsapi_tls_socket_wrap(); or, over an accepted socket, a
 * server (nsapi_tls_socket_accept()). It works on every backend, through the
 * public TCPSocket functions only. The host name is always checked: connect
 * needs nsapi_tls_socket_set_hostname() (or nsapi_tls_socket_connect_host())
 * unless verification was turned off with nsapi_tls_socket_set_verify().
 * Blocking, timeouts and sigio behave as for a TCPSocket: a timeout bounds the
 * whole call, handshake included. One thread at a time may use it.
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_tls_socket {
    /** The TCP socket open() opens and close() closes; unused after wrap(). */
    nsapi_tcp_socket_t tcp;
    /**
     * The TCP socket TLS runs over (tcp, or the caller's), NULL while closed.
     */
    nsapi_tcp_socket_t *transport;
    /** The mbedTLS contexts and the call state. */
    nsapi_tls_context_t tls;
};

/**
 * Open a TCP socket of the TLSSocket's own on a stack and set up TLS: a client
 * that requires the server's certificate, seeded from the platform's entropy. A
 * TLSSocket that was closed may be opened again. The TCP socket sends each
 * record at once (NSAPI_NODELAY, where the stack has it), so that no record of
 * a handshake waits for the peer's delayed acknowledgement.
 *
 * @param socket The TLSSocket.
 * @param stack  An initialised stack.
 * @retval NSAPI_ERROR_OK           the socket is open.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the TLSSocket is already
 *                                  open.
 * @retval NSAPI_ERROR_NO_SOCKET    the stack has no socket free.
 * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers, or
 *                                  the stack could not report the transport's
 *                                  events to a registered sigio.
 * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be seeded.
 */
nsapi_error_t nsapi_tls_socket_open(nsapi_tls_socket_t *socket, nsapi_stack_t *stack);

/**
 * Set up TLS over a caller's open TCP socket, connected or not (Mbed's
 * TLSSocketWrapper). The transport stays the caller's: the TLSSocket sets its
 * timeout and sigio for each call, and close() leaves it open. NSAPI_NODELAY is
 * set on it, as open() does.
 *
 * @param socket    The TLSSocket.
 * @param transport An open TCPSocket, for instance one
 *                  nsapi_tcp_server_accept() filled.
 * @retval NSAPI_ERROR_OK           the TLSSocket is open over transport.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, or the TLSSocket is already
 *                                  open.
 * @retval NSAPI_ERROR_NO_SOCKET    transport is not open.
 * @retval NSAPI_ERROR_NO_MEMORY    mbedTLS could not allocate its buffers, or
 *                                  the stack could not report the transport's
 *                                  events to a registered sigio.
 * @retval NSAPI_ERROR_DEVICE_ERROR the random generator could not be seeded.
 */
nsapi_error_t nsapi_tls_socket_wrap(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport);

/**
 * The server's name: sent in the handshake (SNI) and checked against its
 * certificate. Before connect.
 *
 * @param socket   The TLSSocket.
 * @param hostname A host name of 1 to 253 characters.
 * @retval NSAPI_ERROR_OK        the name is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an empty or too long name, or
 *                               the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for the name.
 */
nsapi_error_t nsapi_tls_socket_set_hostname(nsapi_tls_socket_t *socket, const char *hostname);

/**
 * Trust the certificate authorities in data, PEM (one or several, with or
 * without a terminating NUL) or DER (one), in addition to those trusted
 * already.
 *
 * @param socket The TLSSocket.
 * @param data   The certificates.
 * @param size   Bytes at data. At least 1.
 * @retval NSAPI_ERROR_OK        the certificates are added.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or data holds no valid
 *                               certificate.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_tls_socket_set_root_ca_cert(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Trust the certificate authorities in a PEM or DER file, or in every file of a
 * directory (the system store, /etc/ssl/certs, works), in addition to those
 * trusted already.
 *
 * @param socket The TLSSocket.
 * @param path   A file or a directory.
 * @retval NSAPI_ERROR_OK        at least one certificate was added.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or no readable certificate at
 *                               path.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 */
nsapi_error_t nsapi_tls_socket_set_root_ca_path(nsapi_tls_socket_t *socket, const char *path);

/**
 * The certificate (PEM or DER) and private key (unencrypted) the TLSSocket
 * shows a server that asks for one. Before connect.
 *
 * @param socket    The TLSSocket.
 * @param cert      The certificate, and any intermediates after it.
 * @param cert_size Bytes at cert. At least 1.
 * @param key       The private key.
 * @param key_size  Bytes at key. At least 1.
 * @retval NSAPI_ERROR_OK        the certificate and key are set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an invalid certificate or key,
 *                               a key that does not match, or one is set
 *                               already.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_tls_socket_set_client_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);

/**
 * The certificate (PEM or DER, intermediates after it) and private key
 * (unencrypted) this end shows: a server always, a client when the server asks
 * (the same as set_client_cert_key). Before connect or accept.
 *
 * @param socket    The TLSSocket.
 * @param cert      The certificate, and any intermediates after it.
 * @param cert_size Bytes at cert. At least 1.
 * @param key       The private key.
 * @param key_size  Bytes at key. At least 1.
 * @retval NSAPI_ERROR_OK        the certificate and key are set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, an invalid certificate or key,
 *                               a key that does not match, or one is set
 *                               already.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
 */
nsapi_error_t nsapi_tls_socket_set_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);

/**
 * Server mode (Mbed has none): run the server's side of the handshake over the
 * transport, a connected TCP socket (typically one nsapi_tcp_server_accept()
 * filled, given to wrap()), showing the certificate and key of set_cert_key().
 * Clients are not asked for a certificate. Blocking, non-blocking and timeouts
 * as for connect.
 *
 * @param socket The TLSSocket.
 * @retval NSAPI_ERROR_OK              the handshake is done.
 * @retval NSAPI_ERROR_PARAMETER       a NULL argument, no certificate and key
 *                                     set, or connect was called.
 * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
 * @retval NSAPI_ERROR_IN_PROGRESS     non-blocking; the handshake started.
 * @retval NSAPI_ERROR_ALREADY         non-blocking; the handshake is still
 *                                     going.
 * @retval NSAPI_ERROR_IS_CONNECTED    the handshake is done.
 * @retval NSAPI_ERROR_NO_CONNECTION   the transport is not connected, or the
 *                                     connection was reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the client closed TCP during the
 *                                     handshake.
 * @retval NSAPI_ERROR_WOULD_BLOCK     the timeout passed before the handshake
 *                                     ended.
 * @retval NSAPI_ERROR_DEVICE_ERROR    a TLS failure, such as a client speaking
 *                                     no TLS (the mbedTLS code is kept).
 */
nsapi_error_t nsapi_tls_socket_accept(nsapi_tls_socket_t *socket);

/**
 * How far the handshake has got (nsapi's own; Mbed has none): the steps of
 * mbedTLS's handshake done since connect or accept started it, 0 before. Every
 * step is a message of the peer taken in whole or one of this end's own
 * prepared, with the work either needs (a server's signature, the key
 * exchange), so the count stays as it was across a connect or accept that found
 * nothing new to take in: no message from the peer, or only part of one (a
 * ClientHello trickling in), or a peer that reads nothing of what this end
 * sends. A non-blocking caller compares the count before and after each call to
 * tell a handshake that waits for its peer from one that waited for this end's
 * own work (a server with many handshakes to make): connect and accept answer
 * NSAPI_ERROR_ALREADY either way. The count stops when the handshake ends (done
 * or failed) and starts again from 0 after close().
 *
 * @param socket The TLSSocket.
 * @param steps  Receives the count.
 * @retval NSAPI_ERROR_OK        steps holds the count.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 */
nsapi_error_t nsapi_tls_socket_get_handshake_steps(nsapi_tls_socket_t *socket, uint32_t *steps);

/**
 * Check the server's certificate and name (true, the default), or accept any
 * server (false: for tests only; anyone on the path can then read and change
 * the traffic). Setting mbedTLS's authmode to MBEDTLS_SSL_VERIFY_NONE through
 * nsapi_tls_socket_get_ssl_config() is the same. Before connect.
 *
 * @param socket The TLSSocket.
 * @param verify false to skip every check.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the handshake has started.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 */
nsapi_error_t nsapi_tls_socket_set_verify(nsapi_tls_socket_t *socket, bool verify);

/**
 * Connect the transport to address (unless address is NULL: the transport is
 * connected already), then run the TLS handshake. A blocking call returns once
 * both are done or failed. A non-blocking call returns NSAPI_ERROR_IN_PROGRESS,
 * then NSAPI_ERROR_ALREADY while either lasts (call again when sigio fires),
 * then NSAPI_ERROR_IS_CONNECTED. Needs a host name set unless verification is
 * off.
 *
 * @param socket  The TLSSocket.
 * @param address The server's address and port, or NULL when the transport is
 *                connected. May be NULL.
 * @retval NSAPI_ERROR_OK              connected; the server's certificate and
 *                                     name checked.
 * @retval NSAPI_ERROR_PARAMETER       a NULL TLSSocket, an address no server
 *                                     can have (as for
 *                                     nsapi_tcp_socket_connect()), or no host
 *                                     name set while verification is on.
 * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
 * @retval NSAPI_ERROR_IN_PROGRESS     non-blocking; the attempt started.
 * @retval NSAPI_ERROR_ALREADY         non-blocking; the attempt is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED    the handshake is done.
 * @retval NSAPI_ERROR_NO_CONNECTION   the server refused or could not be
 *                                     reached, the transport is not connected,
 *                                     or the connection was reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP during the
 *                                     handshake.
 * @retval NSAPI_ERROR_WOULD_BLOCK     the timeout passed before the handshake
 *                                     ended.
 * @retval NSAPI_ERROR_AUTH_FAILURE    the server's certificate or name did not
 *                                     verify (see get_tls_error).
 * @retval NSAPI_ERROR_DEVICE_ERROR    any other TLS failure (the mbedTLS code
 *                                     is kept, see get_tls_error).
 */
nsapi_error_t nsapi_tls_socket_connect(nsapi_tls_socket_t *socket, const nsapi_socket_address_t *address);

/**
 * Resolve host on the transport's stack (a blocking lookup, on the first call
 * only), take it as the host name to check unless it is an address literal,
 * then connect() to it.
 *
 * @param socket The TLSSocket.
 * @param host   The server's name (or an address, with set_hostname() called).
 * @param port   The server's port.
 * @retval NSAPI_ERROR_OK              connected; the server's certificate
 *                                     checked against host.
 * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or an address literal
 *                                     without a host name set while
 *                                     verification is on.
 * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
 * @retval NSAPI_ERROR_DNS_FAILURE     host could not be resolved.
 * @retval NSAPI_ERROR_IN_PROGRESS     non-blocking; the attempt started.
 * @retval NSAPI_ERROR_ALREADY         non-blocking; the attempt is still going.
 * @retval NSAPI_ERROR_IS_CONNECTED    the handshake is done.
 * @retval NSAPI_ERROR_NO_CONNECTION   the server refused or could not be
 *                                     reached, or the connection was reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP during the
 *                                     handshake.
 * @retval NSAPI_ERROR_WOULD_BLOCK     the timeout passed before the handshake
 *                                     ended.
 * @retval NSAPI_ERROR_AUTH_FAILURE    the server's certificate or name did not
 *                                     verify.
 * @retval NSAPI_ERROR_DEVICE_ERROR    any other TLS failure (the mbedTLS code
 *                                     is kept).
 */
nsapi_error_t nsapi_tls_socket_connect_host(nsapi_tls_socket_t *socket, const char *host, uint16_t port);

/**
 * Encrypt and send bytes. A blocking call returns when all are queued; a
 * non-blocking or timed-out one may queue only part. After
 * NSAPI_ERROR_WOULD_BLOCK, call again with the same data: part of a record may
 * be waiting to go.
 *
 * @param socket The TLSSocket.
 * @param data   The bytes. May be NULL when size is 0.
 * @param size   Bytes at data.
 * @return The number of bytes queued; otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET     the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION not connected, or the connection was reset.
 * @retval NSAPI_ERROR_WOULD_BLOCK   non-blocking, or the timeout passed, with
 *                                   nothing queued.
 * @retval NSAPI_ERROR_DEVICE_ERROR  a TLS failure (the mbedTLS code is kept).
 */
nsapi_size_or_error_t nsapi_tls_socket_send(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size);

/**
 * Receive and decrypt bytes; returns as soon as some are available. 0 means the
 * server ended the session with close_notify; a TCP close without it is
 * NSAPI_ERROR_CONNECTION_LOST, since the data may have been cut short.
 *
 * @param socket The TLSSocket.
 * @param data   Where to copy them.
 * @param size   Bytes available at data. At least 1.
 * @return The number of bytes copied; 0 once the server has sent close_notify;
 *         otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused at
 *                                     once: nothing can be received into it,
 *                                     and a 0 returned would read as
 *                                     close_notify.
 * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
 * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
 *                                     reset.
 * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP without
 *                                     close_notify.
 * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed, with
 *                                     nothing received.
 * @retval NSAPI_ERROR_DEVICE_ERROR    a TLS failure, such as a corrupt record
 *                                     (the mbedTLS code is kept).
 */
nsapi_size_or_error_t nsapi_tls_socket_recv(nsapi_tls_socket_t *socket, void *data, nsapi_size_t size);

/**
 * Send close_notify if it can go at once (never waiting for a silent peer),
 * close the TCP socket open() opened (not a wrapped one), and free mbedTLS's
 * memory. The TLSSocket may be opened again; its blocking mode, timeout and
 * sigio are kept.
 *
 * @param socket The TLSSocket.
 * @retval NSAPI_ERROR_OK        the TLSSocket is closed.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
 */
nsapi_error_t nsapi_tls_socket_close(nsapi_tls_socket_t *socket);

/**
 * Make calls block (true, the default) or not (false): set_timeout(-1) or
 * set_timeout(0). Allowed on a closed TLSSocket.
 *
 * @param socket   The TLSSocket.
 * @param blocking true to block without limit, false to never block.
 * @retval NSAPI_ERROR_OK        the mode is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_tls_socket_set_blocking(nsapi_tls_socket_t *socket, bool blocking);

/**
 * Bound how long a call (connect with its handshake, send, recv) may take, in
 * milliseconds: 0 is non-blocking, negative no limit. Allowed on a closed
 * TLSSocket.
 *
 * @param socket  The TLSSocket.
 * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
 * @retval NSAPI_ERROR_OK        the timeout is set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 */
nsapi_error_t nsapi_tls_socket_set_timeout(nsapi_tls_socket_t *socket, int timeout);

/**
 * Register the function called when the TLSSocket may make progress (the
 * transport's events: the handshake and records move on them); NULL removes it.
 * Coalesced as for a TCPSocket: call until NSAPI_ERROR_WOULD_BLOCK (or ALREADY)
 * before waiting. Allowed on a closed TLSSocket.
 *
 * @param socket   The TLSSocket.
 * @param callback The function to call. May be NULL.
 * @param arg      Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        the callback is registered.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument.
 * @retval NSAPI_ERROR_NO_MEMORY the stack could not start reporting the
 *                               transport's events; nothing changed.
 */
nsapi_error_t nsapi_tls_socket_sigio(nsapi_tls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);

/**
 * The mbedTLS code of the last TLS failure (0 if none), and its text, such as
 * "X509 - Certificate verification failed, e.g. CRL, CA or signature check
 * failed" followed by why verification failed.
 *
 * @param socket The TLSSocket.
 * @param text   Receives the text, cut to size with its NUL. May be NULL when
 *               size is 0.
 * @param size   Bytes available at text, 0 for none.
 * @return The mbedTLS error code (negative), or 0.
 * @return 0 when a pointer argument is NULL.
 */
int nsapi_tls_socket_get_tls_error(nsapi_tls_socket_t *socket, char *text, nsapi_size_t size);

/**
 * mbedTLS's configuration, for what nsapi does not wrap (cipher suites,
 * authmode, ...): change it before connect. Valid until close().
 *
 * @param socket The TLSSocket.
 * @return The mbedtls_ssl_config, or NULL while closed.
 * @return NULL when a pointer argument is NULL.
 */
nsapi_tls_config_t *nsapi_tls_socket_get_ssl_config(nsapi_tls_socket_t *socket);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_TLS_SOCKET_H */
