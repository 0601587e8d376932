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

/** A TCP socket (nsapi_tcp_socket_t) that can also listen and accept, as in Mbed 6. */
class TCPSocket : public InternetSocket {
public:
    /** A closed socket. */
    TCPSocket() : _u() {}

    /**
     * Mbed 5: a socket opened on stack; see open().
     * @param stack An interface or a stack.
     */
    template <typename S>
    explicit TCPSocket(S *stack) : _u()
    {
        (void)open(stack);
    }

    /** Closes the socket if open. */
    ~TCPSocket() override { (void)nsapi_tcp_socket_close(&_u.tcp); }

    using InternetSocket::open;
    /**
     * Open the socket on a network stack. A socket that was closed may be
     * opened again.
     *
     * @param stack An initialised stack.
     * @retval NSAPI_ERROR_OK          the socket is open.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the socket is already
     *                                 open.
     * @retval NSAPI_ERROR_NO_SOCKET   the stack has no socket free.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack does not offer this protocol.
     * @see nsapi_tcp_socket_open
     */
    nsapi_error_t open(NetworkStack *stack) override
    {
        return nsapi_tcp_socket_open(&_u.tcp, stack ? stack->nsapi_object() : nullptr);
    }

    /**
     * Close the socket and release the stack's resources. Calls blocked on the
     * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
     * opened again.
     *
     * A socket accept() gave is given back to the pool, and must not be used
     * again.
     *
     * @retval NSAPI_ERROR_OK          the socket is closed.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK called from a sigio the stack runs in its
     *                                 own context (lwIP's event-driven mode)
     *                                 while another call on the socket is under
     *                                 way, or from a sigio that runs inside a
     *                                 receive or send on the socket further up
     *                                 the same thread; the socket stays open:
     *                                 close it later.
     * @see nsapi_tcp_socket_close
     */
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

    /**
     * Make calls block (true, the default) or not (false). false is
     * set_timeout(0), true is set_timeout(-1). Allowed on a closed socket; the
     * setting is kept across close and open.
     *
     * @param blocking true to block without limit, false to never block.
     * @see nsapi_tcp_socket_set_blocking
     */
    void set_blocking(bool blocking) override { (void)nsapi_tcp_socket_set_blocking(&_u.tcp, blocking); }
    /**
     * Bound how long a blocking call may take, in milliseconds. A call that
     * runs out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the
     * count already sent). 0 means non-blocking; a negative value means no
     * limit. Allowed on a closed socket.
     *
     * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
     * @see nsapi_tcp_socket_set_timeout
     */
    void set_timeout(int timeout) override { (void)nsapi_tcp_socket_set_timeout(&_u.tcp, timeout); }
    /**
     * Register the function called when the socket may be able to make progress
     * or has failed; NULL removes it. Events are coalesced: after a call, the
     * next one comes only once the socket has been used again, so drain the
     * socket (until NSAPI_ERROR_WOULD_BLOCK) before waiting. An event already
     * pending when the callback is registered is delivered. A non-blocking call
     * that finds another call of its kind under way on the socket returns
     * NSAPI_ERROR_WOULD_BLOCK, and the callback is called again as that call
     * ends. Allowed on a closed socket. A stack may call it in its own context
     * (lwIP's event-driven mode, nsapi_lwip_set_event_driven): there a call
     * that would wait returns at once what a timeout of 0 returns
     * (NSAPI_ERROR_WOULD_BLOCK, or the count a send queued). So does a call
     * from a sigio that runs inside a call of its kind on the same socket
     * further up the same thread (lwIP sends the events its lock's holder
     * raised as that thread lets the lock go), which could only wait for
     * itself; the callback is called again as the outer call ends.
     *
     * @param func The callback; an empty one removes it.
     * @see nsapi_tcp_socket_sigio
     */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_tcp_socket_sigio(&_u.tcp, func.nsapi_thunk(), func.nsapi_data());
    }

    using InternetSocket::connect;
    /**
     * Mbed 5: resolve host on the socket's stack and connect to its port.
     * @param host A name or an address's text.
     * @param port The port.
     * @return NSAPI_ERROR_OK, NSAPI_ERROR_NO_SOCKET when not open, or an error code (nsapi_stack_gethostbyname's, or connect's).
     * @see nsapi_tcp_socket_connect
     */
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

    /**
     * Send bytes. A blocking call returns when all are queued; a non-blocking
     * or timed-out one may queue only part.
     *
     * @param address Ignored, as in Mbed.
     * @param data    The bytes. May be NULL when size is 0.
     * @param size    Bytes at data.
     * @return The number of bytes queued; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing queued.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that
     *                                     stopped answering (keep-alive or
     *                                     retransmission), every time after.
     * @see nsapi_tcp_socket_send
     */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) override
    {
        (void)address;
        return send(data, size);
    }

    /**
     * Receive bytes; returns as soon as some are available.
     *
     * @param address Receives the peer's address; may be nullptr.
     * @param data    Where to copy them.
     * @param size    Bytes available at data. At least 1.
     * @return The number of bytes copied; 0 once the peer has closed its side;
     *         otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused
     *                                     at once: nothing can be received into
     *                                     it, and a 0 returned would read as
     *                                     the end of the stream.
     * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing received.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that
     *                                     stopped answering (keep-alive or
     *                                     retransmission), every time after.
     * @see nsapi_tcp_socket_recv
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
     * Start accepting connections on the bound port.
     *
     * @param backlog Connections the stack may hold before accept() takes them.
     *                From 1 to 255.
     * @retval NSAPI_ERROR_OK          the server is listening.
     * @retval NSAPI_ERROR_PARAMETER   server is NULL, backlog is out of range,
     *                                 or the socket is not bound.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot listen.
     * @see nsapi_tcp_server_listen
     */
    nsapi_error_t listen(int backlog = 1) override { return nsapi_tcp_server_listen(&_u.server, backlog); }

    /**
     * The next connection, as a socket from a pool of NSAPI_MBED_ACCEPT_POOL to close() when done.
     * @param error Receives NSAPI_ERROR_OK, NSAPI_ERROR_NO_SOCKET when the pool is empty, or
     *              nsapi_tcp_server_accept's error code; may be nullptr.
     * @return The connection, or nullptr.
     * @see nsapi_tcp_server_accept
     */
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

    /** @return The C object, for nsapi's C API. */
    nsapi_tcp_socket_t *nsapi_object() { return &_u.tcp; }
    /** @return The C object as a TCP server, for nsapi's C API. */
    nsapi_tcp_server_t *nsapi_server() { return &_u.server; }

    /**
     * Give the socket a local address and port. An empty or zero IP address
     * binds the port on every local address.
     *
     * @param address Local address and port.
     * @retval NSAPI_ERROR_OK             the socket is bound.
     * @retval NSAPI_ERROR_PARAMETER      a NULL argument, an address that is
     *                                    not local, or a socket already bound.
     * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
     * @retval NSAPI_ERROR_ADDRESS_IN_USE another socket holds the address and
     *                                    port.
     * @retval NSAPI_ERROR_UNSUPPORTED    the stack cannot bind.
     * @see nsapi_tcp_socket_bind
     */
    nsapi_error_t bind(const SocketAddress &address)
    {
        return nsapi_tcp_socket_bind(nsapi_object(), address.nsapi_object());
    }

    /**
     * Set a socket option (levels and names in nsapi/types.h).
     *
     * @param level   Option level, normally NSAPI_SOCKET.
     * @param optname Option name.
     * @param optval  The option's value. May be NULL when optlen is 0.
     * @param optlen  Bytes at optval.
     * @retval NSAPI_ERROR_OK          the option is set.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument or a value of the wrong
     *                                 size or range.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack does not know the option;
     *                                 nothing changed.
     * @see nsapi_tcp_socket_setsockopt
     */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen)
    {
        return nsapi_tcp_socket_setsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /**
     * Read a socket option.
     *
     * @param level   Option level, normally NSAPI_SOCKET.
     * @param optname Option name.
     * @param optval  Where to write the value.
     * @param optlen  In, the bytes available at optval; out, the bytes written.
     * @retval NSAPI_ERROR_OK          the value was written.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument or a buffer too small.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot report the option;
     *                                 optval unchanged.
     * @see nsapi_tcp_socket_getsockopt
     */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen)
    {
        return nsapi_tcp_socket_getsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /**
     * The address of the connected peer.
     *
     * @param address Receives the peer's address.
     * @retval NSAPI_ERROR_OK            address holds the peer.
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
     * @see nsapi_tcp_socket_getpeername
     */
    nsapi_error_t getpeername(SocketAddress *address)
    {
        return nsapi_tcp_socket_getpeername(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /**
     * Connect to a server. A blocking call returns once connected or failed. A
     * non-blocking call returns NSAPI_ERROR_IN_PROGRESS, then
     * NSAPI_ERROR_ALREADY while the attempt lasts, then
     * NSAPI_ERROR_IS_CONNECTED once it succeeded.
     *
     * @param address The server's address and port.
     * @retval NSAPI_ERROR_OK             connected.
     * @retval NSAPI_ERROR_PARAMETER      a NULL argument, or an address no
     *                                    server can have, refused at once
     *                                    without a packet sent: empty, port 0,
     *                                    the unspecified address (0.0.0.0, ::),
     *                                    multicast (224.0.0.0/4, ff00::/8, or
     *                                    IPv4-mapped) or the limited broadcast
     *                                    255.255.255.255.
     * @retval NSAPI_ERROR_NO_SOCKET      the socket is not open.
     * @retval NSAPI_ERROR_IN_PROGRESS    non-blocking; the attempt started.
     * @retval NSAPI_ERROR_ALREADY        non-blocking; the attempt is still
     *                                    going.
     * @retval NSAPI_ERROR_IS_CONNECTED   the socket is already connected.
     * @retval NSAPI_ERROR_NO_CONNECTION  the server refused or could not be
     *                                    reached.
     * @retval NSAPI_ERROR_WOULD_BLOCK    the timeout passed before the attempt
     *                                    ended.
     * @retval NSAPI_ERROR_ADDRESS_IN_USE no local port is free: every ephemeral
     *                                    port holds a connection (TIME-WAIT
     *                                    included); the socket may try again
     *                                    later.
     * @see nsapi_tcp_socket_connect
     */
    nsapi_error_t connect(const SocketAddress &address)
    {
        return nsapi_tcp_socket_connect(nsapi_object(), address.nsapi_object());
    }

    /**
     * Send bytes. A blocking call returns when all are queued; a non-blocking
     * or timed-out one may queue only part.
     *
     * @param data The bytes. May be NULL when size is 0.
     * @param size Bytes at data.
     * @return The number of bytes queued; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing queued.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that
     *                                     stopped answering (keep-alive or
     *                                     retransmission), every time after.
     * @see nsapi_tcp_socket_send
     */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_tcp_socket_send(nsapi_object(), data, size);
    }

    /**
     * Receive bytes; returns as soon as some are available.
     *
     * @param data Where to copy them.
     * @param size Bytes available at data. At least 1.
     * @return The number of bytes copied; 0 once the peer has closed its side;
     *         otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER       a NULL argument, or size 0, refused
     *                                     at once: nothing can be received into
     *                                     it, and a 0 returned would read as
     *                                     the end of the stream.
     * @retval NSAPI_ERROR_NO_SOCKET       the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK     non-blocking, or the timeout passed,
     *                                     with nothing received.
     * @retval NSAPI_ERROR_NO_CONNECTION   not connected, or the connection was
     *                                     reset.
     * @retval NSAPI_ERROR_CONNECTION_LOST the stack gave up on a peer that
     *                                     stopped answering (keep-alive or
     *                                     retransmission), every time after.
     * @see nsapi_tcp_socket_recv
     */
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
