/* Generated from idl/tcp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * TCPSocket: a TCP connection (nsapi_tcp_socket_t), and since Mbed 6 also a listening socket
 * (listen, accept).  The C object is kept as a TCP socket and as a TCP server at once (a union of
 * the two, which share their only member), so that one object can do both as in Mbed.
 *
 * accept() hands out sockets from a pool of NSAPI_MBED_ACCEPT_POOL (default 4) kept beside the
 * program, not from the heap: close() gives one back, as close() deletes one in Mbed; when all are
 * in use accept() fails with NSAPI_ERROR_NO_SOCKET.
 */
#ifndef NSAPI_MBED_TCPSOCKET_H
#define NSAPI_MBED_TCPSOCKET_H

#include <mutex>
#include <new>
#include <type_traits>

#include "InternetSocket.h"

#ifndef NSAPI_MBED_ACCEPT_POOL
#define NSAPI_MBED_ACCEPT_POOL 4
#endif

class TCPSocket;

namespace nsapi_detail {

/* The sockets accept() hands out: NSAPI_MBED_ACCEPT_POOL places for a T, each built and destroyed in place. */
template <typename T>
class AcceptPool {
public:
    static AcceptPool &instance()
    {
        static AcceptPool pool;
        return pool;
    }

    /* A free place, marked used, or nullptr. */
    void *take()
    {
        std::lock_guard<std::mutex> hold(_lock);
        for (unsigned i = 0; i < NSAPI_MBED_ACCEPT_POOL; i++) {
            if (!_used[i]) {
                _used[i] = true;
                return &_places[i];
            }
        }
        return nullptr;
    }

    /* Mark place free. */
    void give(const void *place)
    {
        std::lock_guard<std::mutex> hold(_lock);
        _used[index(place)] = false;
    }

    /* Whether p is one of the places. */
    bool owns(const void *p) const { return index(p) < NSAPI_MBED_ACCEPT_POOL; }

private:
    AcceptPool() : _used() {}

    unsigned index(const void *p) const
    {
        const char *c = static_cast<const char *>(p), *first = reinterpret_cast<const char *>(&_places[0]);
        if (c < first || c >= first + sizeof _places) {
            return NSAPI_MBED_ACCEPT_POOL;
        }
        return static_cast<unsigned>((c - first) / sizeof _places[0]);
    }

    typename std::aligned_storage<sizeof(T), alignof(T)>::type _places[NSAPI_MBED_ACCEPT_POOL];
    bool _used[NSAPI_MBED_ACCEPT_POOL];
    std::mutex _lock;
};

} // namespace nsapi_detail

class TCPSocket : public InternetSocket {
public:
    /** A closed socket. */
    TCPSocket() : _u() {}

    /** Mbed 5: a socket opened on stack (an interface or a stack). */
    template <typename S>
    explicit TCPSocket(S *stack) : _u()
    {
        (void)open(stack);
    }

    /** Closes the socket if open. */
    ~TCPSocket() override { (void)nsapi_tcp_socket_close(&_u.tcp); }

    using InternetSocket::open;
    /** Open on stack. */
    nsapi_error_t open(NetworkStack *stack) override
    {
        return nsapi_tcp_socket_open(&_u.tcp, stack ? stack->nsapi_object() : nullptr);
    }

    /** Close; a socket accept() gave is given back to the pool, and must not be used again. */
    nsapi_error_t close() override
    {
        nsapi_error_t err = nsapi_tcp_socket_close(&_u.tcp);
        nsapi_detail::AcceptPool<TCPSocket> &pool = nsapi_detail::AcceptPool<TCPSocket>::instance();
        if (pool.owns(this)) {
            this->~TCPSocket();
            pool.give(this);
        }
        return err;
    }

    using InternetSocket::bind;

    /** Block without limit (true) or never (false). */
    void set_blocking(bool blocking) override { (void)nsapi_tcp_socket_set_blocking(&_u.tcp, blocking); }
    /** Milliseconds a call may block. */
    void set_timeout(int timeout) override { (void)nsapi_tcp_socket_set_timeout(&_u.tcp, timeout); }
    /** Call func when the socket may make progress (kept in the C object: no storage of its own). */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_tcp_socket_sigio(&_u.tcp, func.nsapi_thunk(), func.nsapi_data());
    }

    using InternetSocket::connect;
    /** Mbed 5: resolve host on the socket's stack and connect to its port. */
    nsapi_error_t connect(const char *host, uint16_t port)
    {
        SocketAddress address;
        nsapi_error_t err = nsapi_stack_gethostbyname(_u.tcp.base.stack, host, address.nsapi_object(), NSAPI_UNSPEC);
        if (err != NSAPI_ERROR_OK) {
            return _u.tcp.base.stack == nullptr ? NSAPI_ERROR_NO_SOCKET : err;
        }
        address.set_port(port);
        return connect(address);
    }

    /** Send to the peer; address is ignored, as in Mbed. */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) override
    {
        (void)address;
        return send(data, size);
    }

    /** Receive from the peer; address receives the peer's address. */
    nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size) override
    {
        nsapi_size_or_error_t n = recv(data, size);
        if (n >= 0 && address != nullptr) {
            (void)getpeername(address);
        }
        return n;
    }

    /** Listen on the bound port. */
    nsapi_error_t listen(int backlog = 1) override { return nsapi_tcp_server_listen(&_u.server, backlog); }

    /** The next connection, as a socket from the pool to close() when done; nullptr and *error when none. */
    TCPSocket *accept(nsapi_error_t *error = nullptr) override
    {
        nsapi_detail::AcceptPool<TCPSocket> &pool = nsapi_detail::AcceptPool<TCPSocket>::instance();
        void *place = pool.take();
        nsapi_error_t err = NSAPI_ERROR_NO_SOCKET;
        TCPSocket *connection = nullptr;
        if (place != nullptr) {
            connection = new (place) TCPSocket();
            err = nsapi_tcp_server_accept(&_u.server, &connection->_u.tcp, nullptr);
            if (err != NSAPI_ERROR_OK) {
                connection->~TCPSocket();
                pool.give(place);
                connection = nullptr;
            }
        }
        if (error != nullptr) {
            *error = err;
        }
        return connection;
    }

    /** The C object, for nsapi's C API. */
    nsapi_tcp_socket_t *nsapi_object() { return &_u.tcp; }
    /** The C object as a TCP server, for nsapi's C API. */
    nsapi_tcp_server_t *nsapi_server() { return &_u.server; }

    /** TCPSocket's nsapi_tcp_socket_bind(), as a member. */
    nsapi_error_t bind(const SocketAddress &address)
    {
        return nsapi_tcp_socket_bind(nsapi_object(), address.nsapi_object());
    }

    /** TCPSocket's nsapi_tcp_socket_setsockopt(), as a member. */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen)
    {
        return nsapi_tcp_socket_setsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /** TCPSocket's nsapi_tcp_socket_getsockopt(), as a member. */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen)
    {
        return nsapi_tcp_socket_getsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /** TCPSocket's nsapi_tcp_socket_getpeername(), as a member. */
    nsapi_error_t getpeername(SocketAddress *address)
    {
        return nsapi_tcp_socket_getpeername(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /** TCPSocket's nsapi_tcp_socket_connect(), as a member. */
    nsapi_error_t connect(const SocketAddress &address)
    {
        return nsapi_tcp_socket_connect(nsapi_object(), address.nsapi_object());
    }

    /** TCPSocket's nsapi_tcp_socket_send(), as a member. */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_tcp_socket_send(nsapi_object(), data, size);
    }

    /** TCPSocket's nsapi_tcp_socket_recv(), as a member. */
    nsapi_size_or_error_t recv(void *data, nsapi_size_t size)
    {
        return nsapi_tcp_socket_recv(nsapi_object(), data, size);
    }

private:
    union Object {
        nsapi_tcp_socket_t tcp;
        nsapi_tcp_server_t server;
    } _u;
};

#endif /* NSAPI_MBED_TCPSOCKET_H */
