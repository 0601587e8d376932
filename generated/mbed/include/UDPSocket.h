/* Generated from idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* UDPSocket: datagrams (nsapi_udp_socket_t), Mbed 6's calls and Mbed 5's sendto(host, port, ...). */
#ifndef NSAPI_MBED_UDPSOCKET_H
#define NSAPI_MBED_UDPSOCKET_H

#include "InternetSocket.h"

class UDPSocket : public InternetSocket {
public:
    /** A closed socket. */
    UDPSocket() : _c() {}

    /** Mbed 5: a socket opened on stack (an interface or a stack). */
    template <typename S>
    explicit UDPSocket(S *stack) : _c()
    {
        (void)open(stack);
    }

    /** Closes the socket if open. */
    ~UDPSocket() override { (void)nsapi_udp_socket_close(&_c); }

    using InternetSocket::open;
    /** Open on stack. */
    nsapi_error_t open(NetworkStack *stack) override
    {
        return nsapi_udp_socket_open(&_c, stack ? stack->nsapi_object() : nullptr);
    }

    using InternetSocket::bind;

    /** Block without limit (true) or never (false). */
    void set_blocking(bool blocking) override { (void)nsapi_udp_socket_set_blocking(&_c, blocking); }
    /** Milliseconds a call may block. */
    void set_timeout(int timeout) override { (void)nsapi_udp_socket_set_timeout(&_c, timeout); }
    /** Call func when the socket may make progress (kept in the C object: no storage of its own). */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_udp_socket_sigio(&_c, func.nsapi_thunk(), func.nsapi_data());
    }

    using InternetSocket::sendto;
    /** Mbed 5: resolve host on the socket's stack and send one datagram to its port. */
    nsapi_size_or_error_t sendto(const char *host, uint16_t port, const void *data, nsapi_size_t size)
    {
        SocketAddress address;
        nsapi_error_t err = nsapi_stack_gethostbyname(_c.base.stack, host, address.nsapi_object(), NSAPI_UNSPEC);
        if (err != NSAPI_ERROR_OK) {
            return _c.base.stack == nullptr ? NSAPI_ERROR_NO_SOCKET : err;
        }
        address.set_port(port);
        return sendto(address, data, size);
    }

    /** UDP does not accept: nullptr, NSAPI_ERROR_UNSUPPORTED. */
    Socket *accept(nsapi_error_t *error = nullptr) override
    {
        if (error != nullptr) {
            *error = NSAPI_ERROR_UNSUPPORTED;
        }
        return nullptr;
    }

    /** UDP does not listen: NSAPI_ERROR_UNSUPPORTED. */
    nsapi_error_t listen(int backlog = 1) override
    {
        (void)backlog;
        return NSAPI_ERROR_UNSUPPORTED;
    }

    /** The C object, for nsapi's C API. */
    nsapi_udp_socket_t *nsapi_object() { return &_c; }

    /** UDPSocket's nsapi_udp_socket_close(), as a member. */
    nsapi_error_t close()
    {
        return nsapi_udp_socket_close(nsapi_object());
    }

    /** UDPSocket's nsapi_udp_socket_bind(), as a member. */
    nsapi_error_t bind(const SocketAddress &address)
    {
        return nsapi_udp_socket_bind(nsapi_object(), address.nsapi_object());
    }

    /** UDPSocket's nsapi_udp_socket_setsockopt(), as a member. */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen)
    {
        return nsapi_udp_socket_setsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /** UDPSocket's nsapi_udp_socket_getsockopt(), as a member. */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen)
    {
        return nsapi_udp_socket_getsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /** UDPSocket's nsapi_udp_socket_getpeername(), as a member. */
    nsapi_error_t getpeername(SocketAddress *address)
    {
        return nsapi_udp_socket_getpeername(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /** UDPSocket's nsapi_udp_socket_sendto(), as a member. */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_sendto(nsapi_object(), address.nsapi_object(), data, size);
    }

    /** UDPSocket's nsapi_udp_socket_recvfrom(), as a member. */
    nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_recvfrom(nsapi_object(), address ? address->nsapi_object() : nullptr, data, size);
    }

    /** UDPSocket's nsapi_udp_socket_connect(), as a member. */
    nsapi_error_t connect(const SocketAddress &address)
    {
        return nsapi_udp_socket_connect(nsapi_object(), address.nsapi_object());
    }

    /** UDPSocket's nsapi_udp_socket_send(), as a member. */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_send(nsapi_object(), data, size);
    }

    /** UDPSocket's nsapi_udp_socket_recv(), as a member. */
    nsapi_size_or_error_t recv(void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_recv(nsapi_object(), data, size);
    }

private:
    nsapi_udp_socket_t _c;
};

#endif /* NSAPI_MBED_UDPSOCKET_H */
