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

class TLSSocketWrapper : public Socket {
public:
    /** What the wrapper does with its transport: Mbed's names; here the transport is always the caller's to close. */
    enum control_transport { TRANSPORT_KEEP, TRANSPORT_CONNECT_AND_CLOSE, TRANSPORT_CONNECT, TRANSPORT_CLOSE };

    /** Secure transport (open), checking the peer's certificate against hostname unless nullptr. */
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

    /** The name the peer's certificate must carry (and SNI). */
    nsapi_error_t set_hostname(const char *hostname) { return nsapi_tls_socket_set_hostname(&_c, hostname); }
    /** Trust the authorities in root_ca (PEM or DER, len bytes). */
    nsapi_error_t set_root_ca_cert(const void *root_ca, size_t len)
    {
        return nsapi_tls_socket_set_root_ca_cert(&_c, root_ca, static_cast<nsapi_size_t>(len));
    }
    /** Trust the authorities in a NUL-terminated PEM text. */
    nsapi_error_t set_root_ca_cert(const char *root_ca_pem)
    {
        return root_ca_pem ? set_root_ca_cert(root_ca_pem, std::strlen(root_ca_pem) + 1) : NSAPI_ERROR_PARAMETER;
    }

    /** Connect the transport to address (an empty address: it is connected already), then the handshake. */
    nsapi_error_t connect(const SocketAddress &address) override
    {
        return nsapi_tls_socket_connect(&_c, address ? address.nsapi_object() : nullptr);
    }
    /** Close the session (the transport stays open: it is the caller's). */
    nsapi_error_t close() override { return nsapi_tls_socket_close(&_c); }
    /** Block without limit (true) or never (false). */
    void set_blocking(bool blocking) override { (void)nsapi_tls_socket_set_blocking(&_c, blocking); }
    /** Milliseconds a call may block. */
    void set_timeout(int timeout) override { (void)nsapi_tls_socket_set_timeout(&_c, timeout); }
    /** Call func when the session may make progress. */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_tls_socket_sigio(&_c, func.nsapi_thunk(), func.nsapi_data());
    }
    /** Send to the peer; address is ignored. */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) override
    {
        (void)address;
        return send(data, size);
    }
    /** Receive from the peer; address, unless nullptr, receives its address. */
    nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size) override
    {
        nsapi_size_or_error_t n = recv(data, size);
        if (n >= 0 && address != nullptr) {
            (void)getpeername(address);
        }
        return n;
    }
    /** NSAPI_ERROR_UNSUPPORTED: bind the transport before wrapping it. */
    nsapi_error_t bind(const SocketAddress &address) override
    {
        (void)address;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /** NSAPI_ERROR_UNSUPPORTED: set the transport's options. */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen) override
    {
        (void)level, (void)optname, (void)optval, (void)optlen;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /** NSAPI_ERROR_UNSUPPORTED: read the transport's options. */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen) override
    {
        (void)level, (void)optname, (void)optval, (void)optlen;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /** nullptr, NSAPI_ERROR_UNSUPPORTED. */
    Socket *accept(nsapi_error_t *error = nullptr) override
    {
        if (error != nullptr) {
            *error = NSAPI_ERROR_UNSUPPORTED;
        }
        return nullptr;
    }
    /** NSAPI_ERROR_UNSUPPORTED. */
    nsapi_error_t listen(int backlog = 1) override
    {
        (void)backlog;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /** The transport's peer. */
    nsapi_error_t getpeername(SocketAddress *address) override
    {
        return _c.transport ? nsapi_tcp_socket_getpeername(_c.transport, address ? address->nsapi_object() : nullptr)
                            : NSAPI_ERROR_NO_SOCKET;
    }

    /** The C object, for nsapi's C API. */
    nsapi_tls_socket_t *nsapi_object() { return &_c; }

    /** TLSSocket's nsapi_tls_socket_set_root_ca_path(), as a member. */
    nsapi_error_t set_root_ca_path(const char *path)
    {
        return nsapi_tls_socket_set_root_ca_path(nsapi_object(), path);
    }

    /** TLSSocket's nsapi_tls_socket_set_client_cert_key(), as a member. */
    nsapi_error_t set_client_cert_key(const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
    {
        return nsapi_tls_socket_set_client_cert_key(nsapi_object(), cert, cert_size, key, key_size);
    }

    /** TLSSocket's nsapi_tls_socket_set_cert_key(), as a member. */
    nsapi_error_t set_cert_key(const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
    {
        return nsapi_tls_socket_set_cert_key(nsapi_object(), cert, cert_size, key, key_size);
    }

    /** TLSSocket's nsapi_tls_socket_set_verify(), as a member. */
    nsapi_error_t set_verify(bool verify)
    {
        return nsapi_tls_socket_set_verify(nsapi_object(), verify);
    }

    /** TLSSocket's nsapi_tls_socket_send(), as a member. */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_tls_socket_send(nsapi_object(), data, size);
    }

    /** TLSSocket's nsapi_tls_socket_recv(), as a member. */
    nsapi_size_or_error_t recv(void *data, nsapi_size_t size)
    {
        return nsapi_tls_socket_recv(nsapi_object(), data, size);
    }

    /** TLSSocket's nsapi_tls_socket_get_tls_error(), as a member. */
    int get_tls_error(char *text, nsapi_size_t size)
    {
        return nsapi_tls_socket_get_tls_error(nsapi_object(), text, size);
    }

    /** TLSSocket's nsapi_tls_socket_get_ssl_config(), as a member. */
    nsapi_tls_config_t *get_ssl_config()
    {
        return nsapi_tls_socket_get_ssl_config(nsapi_object());
    }

protected:
    TLSSocketWrapper() : _c() {}

    nsapi_tls_socket_t _c;
};

#endif /* NSAPI_MBED_TLSSOCKETWRAPPER_H */
