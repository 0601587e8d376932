/* Generated from idl/tls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TLSSocketWrapper: TLS (nsapi_tls_socket_t, mbedTLS) over a TCPSocket the caller opened, as Mbed's;
 * the transport stays the caller's to close.  Link nsapi-tls.
 */
#ifndef NSAPI_MBED_TLSSOCKETWRAPPER_H
#define NSAPI_MBED_TLSSOCKETWRAPPER_H

#include <cstring>

#include "nsapi/tls_socket.h"
#include "TCPSocket.h"

/** TLS over a TCPSocket the caller opened and keeps. */
class TLSSocketWrapper : public Socket {
public:
    /** What the wrapper does with its transport: Mbed's names; here the transport is always the caller's to close. */
    enum control_transport { TRANSPORT_KEEP, TRANSPORT_CONNECT_AND_CLOSE, TRANSPORT_CONNECT, TRANSPORT_CLOSE };

    /**
     * Secure transport, checking the peer's certificate against hostname.
     * @param transport The open TCPSocket; it stays the caller's to close.
     * @param hostname  The name the certificate must carry; may be nullptr.
     * @param control   Mbed's; ignored.
     * @see nsapi_tls_socket_wrap
     */
    explicit TLSSocketWrapper(TCPSocket *transport, const char *hostname = nullptr,
                        control_transport control = TRANSPORT_CONNECT_AND_CLOSE) : _c()
    {
        (void)control;
        if (nsapi_tls_socket_wrap(&_c, transport ? transport->nsapi_object() : nullptr) == NSAPI_ERROR_OK && hostname) {
            (void)set_hostname(hostname);
        }
    }

    /** Closes the session if open (never the wrapped transport). */
    ~TLSSocketWrapper() override { (void)nsapi_tls_socket_close(&_c); }

    /**
     * The server's name: sent in the handshake (SNI) and checked against its
     * certificate. Before connect.
     *
     * @param hostname A host name of 1 to 253 characters.
     * @retval NSAPI_ERROR_OK        the name is set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, an empty or too long name,
     *                               or the handshake has started.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_MEMORY no memory for the name.
     * @see nsapi_tls_socket_set_hostname
     */
    nsapi_error_t set_hostname(const char *hostname) { return nsapi_tls_socket_set_hostname(&_c, hostname); }
    /**
     * Trust the certificate authorities in data, PEM (one or several, with or
     * without a terminating NUL) or DER (one), in addition to those trusted
     * already.
     *
     * @param root_ca PEM (NUL included) or DER.
     * @param len     Bytes at root_ca.
     * @retval NSAPI_ERROR_OK        the certificates are added.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, or data holds no valid
     *                               certificate.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
     * @see nsapi_tls_socket_set_root_ca_cert
     */
    nsapi_error_t set_root_ca_cert(const void *root_ca, size_t len)
    {
        return nsapi_tls_socket_set_root_ca_cert(&_c, root_ca, static_cast<nsapi_size_t>(len));
    }
    /**
     * Trust the certificate authorities in data, PEM (one or several, with or
     * without a terminating NUL) or DER (one), in addition to those trusted
     * already.
     *
     * @param root_ca_pem A NUL-terminated PEM text.
     * @retval NSAPI_ERROR_OK        the certificates are added.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, or data holds no valid
     *                               certificate.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
     * @see nsapi_tls_socket_set_root_ca_cert
     */
    nsapi_error_t set_root_ca_cert(const char *root_ca_pem)
    {
        return root_ca_pem ? set_root_ca_cert(root_ca_pem, std::strlen(root_ca_pem) + 1) : NSAPI_ERROR_PARAMETER;
    }

    /**
     * Connect the transport to address (unless address is NULL: the transport
     * is connected already), then run the TLS handshake. A blocking call
     * returns once both are done or failed. A non-blocking call returns
     * NSAPI_ERROR_IN_PROGRESS, then NSAPI_ERROR_ALREADY while either lasts
     * (call again when sigio fires), then NSAPI_ERROR_IS_CONNECTED. Needs a
     * host name set unless verification is off.
     *
     * @param address The server's address and port, or NULL when the transport
     *                is connected. May be NULL.
     * @retval NSAPI_ERROR_OK              connected; the server's certificate
     *                                     and name checked.
     * @retval NSAPI_ERROR_PARAMETER       a NULL TLSSocket, an address no
     *                                     server can have (as for
     *                                     nsapi_tcp_socket_connect()), or no
     *                                     host name set while verification is
     *                                     on.
     * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
     * @retval NSAPI_ERROR_IN_PROGRESS     non-blocking; the attempt started.
     * @retval NSAPI_ERROR_ALREADY         non-blocking; the attempt is still
     *                                     going.
     * @retval NSAPI_ERROR_IS_CONNECTED    the handshake is done.
     * @retval NSAPI_ERROR_NO_CONNECTION   the server refused or could not be
     *                                     reached, the transport is not
     *                                     connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP during the
     *                                     handshake.
     * @retval NSAPI_ERROR_WOULD_BLOCK     the timeout passed before the
     *                                     handshake ended.
     * @retval NSAPI_ERROR_AUTH_FAILURE    the server's certificate or name did
     *                                     not verify (see get_tls_error).
     * @retval NSAPI_ERROR_DEVICE_ERROR    any other TLS failure (the mbedTLS
     *                                     code is kept, see get_tls_error).
     * @see nsapi_tls_socket_connect
     */
    nsapi_error_t connect(const SocketAddress &address) override
    {
        return nsapi_tls_socket_connect(&_c, address ? address.nsapi_object() : nullptr);
    }
    /**
     * Send close_notify if it can go at once (never waiting for a silent peer),
     * close the TCP socket open() opened (not a wrapped one), and free
     * mbedTLS's memory. The TLSSocket may be opened again; its blocking mode,
     * timeout and sigio are kept.
     *
     * @retval NSAPI_ERROR_OK        the TLSSocket is closed.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @see nsapi_tls_socket_close
     */
    nsapi_error_t close() override { return nsapi_tls_socket_close(&_c); }
    /**
     * Make calls block (true, the default) or not (false): set_timeout(-1) or
     * set_timeout(0). Allowed on a closed TLSSocket.
     *
     * @param blocking true to block without limit, false to never block.
     * @see nsapi_tls_socket_set_blocking
     */
    void set_blocking(bool blocking) override { (void)nsapi_tls_socket_set_blocking(&_c, blocking); }
    /**
     * Bound how long a call (connect with its handshake, send, recv) may take,
     * in milliseconds: 0 is non-blocking, negative no limit. Allowed on a
     * closed TLSSocket.
     *
     * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
     * @see nsapi_tls_socket_set_timeout
     */
    void set_timeout(int timeout) override { (void)nsapi_tls_socket_set_timeout(&_c, timeout); }
    /**
     * Register the function called when the TLSSocket may make progress (the
     * transport's events: the handshake and records move on them); NULL removes
     * it. Coalesced as for a TCPSocket: call until NSAPI_ERROR_WOULD_BLOCK (or
     * ALREADY) before waiting. Allowed on a closed TLSSocket.
     *
     * @param func The callback; an empty one removes it.
     * @see nsapi_tls_socket_sigio
     */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_tls_socket_sigio(&_c, func.nsapi_thunk(), func.nsapi_data());
    }
    /**
     * Encrypt and send bytes. A blocking call returns when all are queued; a
     * non-blocking or timed-out one may queue only part. After
     * NSAPI_ERROR_WOULD_BLOCK, call again with the same data: part of a record
     * may be waiting to go.
     *
     * @param address Ignored.
     * @param data    The bytes. May be NULL when size is 0.
     * @param size    Bytes at data.
     * @return The number of bytes queued; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET     the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION not connected, or the connection was
     *                                   reset.
     * @retval NSAPI_ERROR_WOULD_BLOCK   non-blocking, or the timeout passed,
     *                                   with nothing queued.
     * @retval NSAPI_ERROR_DEVICE_ERROR  a TLS failure (the mbedTLS code is
     *                                   kept).
     * @see nsapi_tls_socket_send
     */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) override
    {
        (void)address;
        return send(data, size);
    }
    /**
     * Receive and decrypt bytes; returns as soon as some are available. 0 means
     * the server ended the session with close_notify; a TCP close without it is
     * NSAPI_ERROR_CONNECTION_LOST, since the data may have been cut short.
     *
     * @param address Receives the peer's address; may be nullptr.
     * @param data    Where to copy them.
     * @param size    Bytes available at data. At least 1.
     * @return The number of bytes copied; 0 once the server has sent
     *         close_notify; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused
     *                                     at once: nothing can be received into
     *                                     it, and a 0 returned would read as
     *                                     close_notify.
     * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP without
     *                                     close_notify.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing received.
     * @retval NSAPI_ERROR_DEVICE_ERROR    a TLS failure, such as a corrupt
     *                                     record (the mbedTLS code is kept).
     * @see nsapi_tls_socket_recv
     */
    nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size) override
    {
        nsapi_size_or_error_t n = recv(data, size);
        if (n >= 0 && address != nullptr) {
            (void)getpeername(address);
        }
        return n;
    }
    /**
     * Unsupported: bind the transport before wrapping it.
     * @param address Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    nsapi_error_t bind(const SocketAddress &address) override
    {
        (void)address;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * Unsupported: set the transport's options.
     * @param level   Ignored.
     * @param optname Ignored.
     * @param optval  Ignored.
     * @param optlen  Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen) override
    {
        (void)level, (void)optname, (void)optval, (void)optlen;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * Unsupported: read the transport's options.
     * @param level   Ignored.
     * @param optname Ignored.
     * @param optval  Ignored.
     * @param optlen  Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen) override
    {
        (void)level, (void)optname, (void)optval, (void)optlen;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * Unsupported.
     * @param error Receives NSAPI_ERROR_UNSUPPORTED; may be nullptr.
     * @return nullptr.
     */
    Socket *accept(nsapi_error_t *error = nullptr) override
    {
        if (error != nullptr) {
            *error = NSAPI_ERROR_UNSUPPORTED;
        }
        return nullptr;
    }
    /**
     * Unsupported.
     * @param backlog Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    nsapi_error_t listen(int backlog = 1) override
    {
        (void)backlog;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * The transport's peer.
     * @param address Receives it.
     * @return NSAPI_ERROR_OK, NSAPI_ERROR_NO_SOCKET when nothing is wrapped, or the transport's getpeername error code.
     */
    nsapi_error_t getpeername(SocketAddress *address) override
    {
        return _c.transport ? nsapi_tcp_socket_getpeername(_c.transport, address ? address->nsapi_object() : nullptr)
                            : NSAPI_ERROR_NO_SOCKET;
    }

    /** @return The C object, for nsapi's C API. */
    nsapi_tls_socket_t *nsapi_object() { return &_c; }

    /**
     * Trust the certificate authorities in a PEM or DER file, or in every file
     * of a directory (the system store, /etc/ssl/certs, works), in addition to
     * those trusted already.
     *
     * @param path A file or a directory.
     * @retval NSAPI_ERROR_OK        at least one certificate was added.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, or no readable certificate
     *                               at path.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @see nsapi_tls_socket_set_root_ca_path
     */
    nsapi_error_t set_root_ca_path(const char *path)
    {
        return nsapi_tls_socket_set_root_ca_path(nsapi_object(), path);
    }

    /**
     * The certificate (PEM or DER) and private key (unencrypted) the TLSSocket
     * shows a server that asks for one. Before connect.
     *
     * @param cert      The certificate, and any intermediates after it.
     * @param cert_size Bytes at cert. At least 1.
     * @param key       The private key.
     * @param key_size  Bytes at key. At least 1.
     * @retval NSAPI_ERROR_OK        the certificate and key are set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, an invalid certificate or
     *                               key, a key that does not match, or one is
     *                               set already.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
     * @see nsapi_tls_socket_set_client_cert_key
     */
    nsapi_error_t set_client_cert_key(const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
    {
        return nsapi_tls_socket_set_client_cert_key(nsapi_object(), cert, cert_size, key, key_size);
    }

    /**
     * The certificate (PEM or DER, intermediates after it) and private key
     * (unencrypted) this end shows: a server always, a client when the server
     * asks (the same as set_client_cert_key). Before connect or accept.
     *
     * @param cert      The certificate, and any intermediates after it.
     * @param cert_size Bytes at cert. At least 1.
     * @param key       The private key.
     * @param key_size  Bytes at key. At least 1.
     * @retval NSAPI_ERROR_OK        the certificate and key are set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, an invalid certificate or
     *                               key, a key that does not match, or one is
     *                               set already.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_MEMORY no memory for them.
     * @see nsapi_tls_socket_set_cert_key
     */
    nsapi_error_t set_cert_key(const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
    {
        return nsapi_tls_socket_set_cert_key(nsapi_object(), cert, cert_size, key, key_size);
    }

    /**
     * How far the handshake has got (nsapi's own; Mbed has none): the steps of
     * mbedTLS's handshake done since connect or accept started it, 0 before.
     * Every step is a message of the peer taken in whole or one of this end's
     * own prepared, with the work either needs (a server's signature, the key
     * exchange), so the count stays as it was across a connect or accept that
     * found nothing new to take in: no message from the peer, or only part of
     * one (a ClientHello trickling in), or a peer that reads nothing of what
     * this end sends. A non-blocking caller compares the count before and after
     * each call to tell a handshake that waits for its peer from one that
     * waited for this end's own work (a server with many handshakes to make):
     * connect and accept answer NSAPI_ERROR_ALREADY either way. The count stops
     * when the handshake ends (done or failed) and starts again from 0 after
     * close().
     *
     * @param steps Receives the count.
     * @retval NSAPI_ERROR_OK        steps holds the count.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @see nsapi_tls_socket_get_handshake_steps
     */
    nsapi_error_t get_handshake_steps(uint32_t *steps)
    {
        return nsapi_tls_socket_get_handshake_steps(nsapi_object(), steps);
    }

    /**
     * Check the server's certificate and name (true, the default), or accept
     * any server (false: for tests only; anyone on the path can then read and
     * change the traffic). Setting mbedTLS's authmode to
     * MBEDTLS_SSL_VERIFY_NONE through nsapi_tls_socket_get_ssl_config() is the
     * same. Before connect.
     *
     * @param verify false to skip every check.
     * @retval NSAPI_ERROR_OK        the mode is set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the handshake has
     *                               started.
     * @retval NSAPI_ERROR_NO_SOCKET the TLSSocket is not open.
     * @see nsapi_tls_socket_set_verify
     */
    nsapi_error_t set_verify(bool verify)
    {
        return nsapi_tls_socket_set_verify(nsapi_object(), verify);
    }

    /**
     * Encrypt and send bytes. A blocking call returns when all are queued; a
     * non-blocking or timed-out one may queue only part. After
     * NSAPI_ERROR_WOULD_BLOCK, call again with the same data: part of a record
     * may be waiting to go.
     *
     * @param data The bytes. May be NULL when size is 0.
     * @param size Bytes at data.
     * @return The number of bytes queued; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET     the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION not connected, or the connection was
     *                                   reset.
     * @retval NSAPI_ERROR_WOULD_BLOCK   non-blocking, or the timeout passed,
     *                                   with nothing queued.
     * @retval NSAPI_ERROR_DEVICE_ERROR  a TLS failure (the mbedTLS code is
     *                                   kept).
     * @see nsapi_tls_socket_send
     */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_tls_socket_send(nsapi_object(), data, size);
    }

    /**
     * Receive and decrypt bytes; returns as soon as some are available. 0 means
     * the server ended the session with close_notify; a TCP close without it is
     * NSAPI_ERROR_CONNECTION_LOST, since the data may have been cut short.
     *
     * @param data Where to copy them.
     * @param size Bytes available at data. At least 1.
     * @return The number of bytes copied; 0 once the server has sent
     *         close_notify; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused
     *                                     at once: nothing can be received into
     *                                     it, and a 0 returned would read as
     *                                     close_notify.
     * @retval NSAPI_ERROR_NO_SOCKET       the TLSSocket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the server closed TCP without
     *                                     close_notify.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing received.
     * @retval NSAPI_ERROR_DEVICE_ERROR    a TLS failure, such as a corrupt
     *                                     record (the mbedTLS code is kept).
     * @see nsapi_tls_socket_recv
     */
    nsapi_size_or_error_t recv(void *data, nsapi_size_t size)
    {
        return nsapi_tls_socket_recv(nsapi_object(), data, size);
    }

    /**
     * The mbedTLS code of the last TLS failure (0 if none), and its text, such
     * as "X509 - Certificate verification failed, e.g. CRL, CA or signature
     * check failed" followed by why verification failed.
     *
     * @param text Receives the text, cut to size with its NUL. May be NULL when
     *             size is 0.
     * @param size Bytes available at text, 0 for none.
     * @return The mbedTLS error code (negative), or 0.
     * @return 0 when a pointer argument is NULL.
     * @see nsapi_tls_socket_get_tls_error
     */
    int get_tls_error(char *text, nsapi_size_t size)
    {
        return nsapi_tls_socket_get_tls_error(nsapi_object(), text, size);
    }

    /**
     * mbedTLS's configuration, for what nsapi does not wrap (cipher suites,
     * authmode, ...): change it before connect. Valid until close().
     *
     * @return The mbedtls_ssl_config, or NULL while closed.
     * @return NULL when a pointer argument is NULL.
     * @see nsapi_tls_socket_get_ssl_config
     */
    nsapi_tls_config_t *get_ssl_config()
    {
        return nsapi_tls_socket_get_ssl_config(nsapi_object());
    }

protected:
    TLSSocketWrapper() : _c() {}

    nsapi_tls_socket_t _c; /**< The C object. */
};

#endif /* NSAPI_MBED_TLSSOCKETWRAPPER_H */
