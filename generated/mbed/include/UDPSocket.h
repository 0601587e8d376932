/* Generated from idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* UDPSocket: datagrams (nsapi_udp_socket_t), Mbed 6's calls and Mbed 5's sendto(host, port, ...). */
#ifndef NSAPI_MBED_UDPSOCKET_H
#define NSAPI_MBED_UDPSOCKET_H

#include "InternetSocket.h"

/** A UDP socket (nsapi_udp_socket_t): Mbed 6's calls, and Mbed 5's sendto(host, port, ...). */
class UDPSocket : public InternetSocket {
public:
    /** A closed socket. */
    UDPSocket() : _c() {}

    /**
     * Mbed 5: a socket opened on stack; see open().
     * @param stack An interface or a stack.
     */
    template <typename S>
    explicit UDPSocket(S *stack) : _c()
    {
        (void)open(stack);
    }

    /** Closes the socket if open. */
    ~UDPSocket() override { (void)nsapi_udp_socket_close(&_c); }

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
     * @see nsapi_udp_socket_open
     */
    nsapi_error_t open(NetworkStack *stack) override
    {
        return nsapi_udp_socket_open(&_c, stack ? stack->nsapi_object() : nullptr);
    }

    using InternetSocket::bind;

    /**
     * Make calls block (true, the default) or not (false). false is
     * set_timeout(0), true is set_timeout(-1). Allowed on a closed socket; the
     * setting is kept across close and open.
     *
     * @param blocking true to block without limit, false to never block.
     * @see nsapi_udp_socket_set_blocking
     */
    void set_blocking(bool blocking) override { (void)nsapi_udp_socket_set_blocking(&_c, blocking); }
    /**
     * Bound how long a blocking call may take, in milliseconds. A call that
     * runs out of time returns NSAPI_ERROR_WOULD_BLOCK (or, for a TCP send, the
     * count already sent). 0 means non-blocking; a negative value means no
     * limit. Allowed on a closed socket.
     *
     * @param timeout Milliseconds, 0 for non-blocking, negative for no limit.
     * @see nsapi_udp_socket_set_timeout
     */
    void set_timeout(int timeout) override { (void)nsapi_udp_socket_set_timeout(&_c, timeout); }
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
     * @see nsapi_udp_socket_sigio
     */
    void sigio(mbed::Callback<void()> func) override
    {
        (void)nsapi_udp_socket_sigio(&_c, func.nsapi_thunk(), func.nsapi_data());
    }

    using InternetSocket::sendto;
    /**
     * Mbed 5: resolve host on the socket's stack and send one datagram to its port.
     * @param host A name or an address's text.
     * @param port The port.
     * @param data The datagram.
     * @param size Bytes at data.
     * @return The bytes sent, or an error code (nsapi_stack_gethostbyname's, or sendto's).
     * @see nsapi_udp_socket_sendto
     */
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

    /**
     * UDP does not accept.
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
     * UDP does not listen.
     * @param backlog Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    nsapi_error_t listen(int backlog = 1) override
    {
        (void)backlog;
        return NSAPI_ERROR_UNSUPPORTED;
    }

    /** @return The C object, for nsapi's C API. */
    nsapi_udp_socket_t *nsapi_object() { return &_c; }

    /**
     * Close the socket and release the stack's resources. Calls blocked on the
     * socket in other threads return NSAPI_ERROR_NO_SOCKET. The object may be
     * opened again.
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
     * @see nsapi_udp_socket_close
     */
    nsapi_error_t close()
    {
        return nsapi_udp_socket_close(nsapi_object());
    }

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
     * @see nsapi_udp_socket_bind
     */
    nsapi_error_t bind(const SocketAddress &address)
    {
        return nsapi_udp_socket_bind(nsapi_object(), address.nsapi_object());
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
     * @see nsapi_udp_socket_setsockopt
     */
    nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen)
    {
        return nsapi_udp_socket_setsockopt(nsapi_object(), level, optname, optval, optlen);
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
     * @see nsapi_udp_socket_getsockopt
     */
    nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen)
    {
        return nsapi_udp_socket_getsockopt(nsapi_object(), level, optname, optval, optlen);
    }

    /**
     * The address of the connected peer.
     *
     * @param address Receives the peer's address.
     * @retval NSAPI_ERROR_OK            address holds the peer.
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET     the socket is not open.
     * @retval NSAPI_ERROR_NO_CONNECTION the socket has no peer.
     * @see nsapi_udp_socket_getpeername
     */
    nsapi_error_t getpeername(SocketAddress *address)
    {
        return nsapi_udp_socket_getpeername(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /**
     * Send one datagram to address. A zero-length datagram is allowed.
     *
     * @param address Destination address and port.
     * @param data    The payload. May be NULL when size is 0.
     * @param size    Bytes at data.
     * @return size; a datagram is sent whole or not at all; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or a destination no
     *                                 datagram can go to, refused at once:
     *                                 empty, port 0, or the unspecified address
     *                                 (0.0.0.0, ::).
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, and
     *                                 the stack could not take it.
     * @retval NSAPI_ERROR_NO_MEMORY   the datagram is larger than the stack can
     *                                 send.
     * @see nsapi_udp_socket_sendto
     */
    nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_sendto(nsapi_object(), address.nsapi_object(), data, size);
    }

    /**
     * Receive one datagram. The part that does not fit in size bytes is
     * discarded, so size 0 takes the next datagram and returns 0 (the way to
     * drop one). With a peer set by connect(), datagrams from elsewhere are
     * dropped.
     *
     * @param address Receives the sender's address, or NULL. May be NULL.
     * @param data    Where to copy the payload. May be NULL when size is 0.
     * @param size    Bytes available at data.
     * @return The number of bytes copied, 0 for an empty datagram; otherwise
     *         one of:
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
     *                                 nothing received.
     * @see nsapi_udp_socket_recvfrom
     */
    nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_recvfrom(nsapi_object(), address ? address->nsapi_object() : nullptr, data, size);
    }

    /**
     * Set the peer used by send() and accepted by recv() and recvfrom(). An
     * empty address removes it. No packet is sent.
     *
     * @param address The peer, or an empty address.
     * @retval NSAPI_ERROR_OK        the peer is set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET the socket is not open.
     * @see nsapi_udp_socket_connect
     */
    nsapi_error_t connect(const SocketAddress &address)
    {
        return nsapi_udp_socket_connect(nsapi_object(), address.nsapi_object());
    }

    /**
     * Send one datagram to the peer set by connect().
     *
     * @param data The payload. May be NULL when size is 0.
     * @param size Bytes at data.
     * @return size; otherwise one of:
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or a peer no datagram
     *                                 can go to (as for sendto), refused at
     *                                 once.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_NO_ADDRESS  no peer was set by connect().
     * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, and
     *                                 the stack could not take it.
     * @retval NSAPI_ERROR_NO_MEMORY   the datagram is larger than the stack can
     *                                 send.
     * @see nsapi_udp_socket_send
     */
    nsapi_size_or_error_t send(const void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_send(nsapi_object(), data, size);
    }

    /**
     * Receive one datagram, from the peer if one was set by connect(); as
     * recvfrom(), size 0 takes one and returns 0.
     *
     * @param data Where to copy the payload. May be NULL when size is 0.
     * @param size Bytes available at data.
     * @return The number of bytes copied, 0 for an empty datagram; otherwise
     *         one of:
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument.
     * @retval NSAPI_ERROR_NO_SOCKET   the socket is not open.
     * @retval NSAPI_ERROR_WOULD_BLOCK non-blocking, or the timeout passed, with
     *                                 nothing received.
     * @see nsapi_udp_socket_recv
     */
    nsapi_size_or_error_t recv(void *data, nsapi_size_t size)
    {
        return nsapi_udp_socket_recv(nsapi_object(), data, size);
    }

private:
    nsapi_udp_socket_t _c;
};

#endif /* NSAPI_MBED_UDPSOCKET_H */
