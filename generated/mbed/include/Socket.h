/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Socket: Mbed's abstract socket, every call virtual, so that `Socket *s = &tcp;` works.  The
 * classes below it each keep their C object inside (nsapi_tcp_socket_t, ...) and add only the
 * virtual table's pointer: a sigio callback lives in the C object's own callback and argument.
 */
#ifndef NSAPI_MBED_SOCKET_H
#define NSAPI_MBED_SOCKET_H

#include "nsapi_types.h"
#include "Callback.h"
#include "SocketAddress.h"

class Socket {
public:
    /** Closes the socket if open. */
    virtual ~Socket() {}

    /** Close; the object may be opened again (an accepted TCPSocket is given back instead). */
    virtual nsapi_error_t close() = 0;
    /** Connect to address (TCP) or set the peer (UDP). */
    virtual nsapi_error_t connect(const SocketAddress &address) = 0;
    /** Send to the peer: the bytes queued, or an error. */
    virtual nsapi_size_or_error_t send(const void *data, nsapi_size_t size) = 0;
    /** Receive from the peer: the bytes copied (0 for a TCP peer that closed), or an error. */
    virtual nsapi_size_or_error_t recv(void *data, nsapi_size_t size) = 0;
    /** Send to address (TCP: to its peer, address ignored). */
    virtual nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) = 0;
    /** Receive, and the sender's address into address unless nullptr. */
    virtual nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size) = 0;
    /** Bind to a local address and port. */
    virtual nsapi_error_t bind(const SocketAddress &address) = 0;
    /** Block without limit (true) or never (false). */
    virtual void set_blocking(bool blocking) = 0;
    /** Milliseconds a call may block, 0 for never, negative for no limit. */
    virtual void set_timeout(int timeout) = 0;
    /** Call func when the socket may make progress; an empty callback removes it. */
    virtual void sigio(mbed::Callback<void()> func) = 0;
    /** Set an option (NSAPI_SOCKET level, nsapi_socket_option_t names). */
    virtual nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen) = 0;
    /** Read an option. */
    virtual nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen) = 0;
    /** Accept a connection: a socket to close when done, or nullptr and *error (when error is given). */
    virtual Socket *accept(nsapi_error_t *error = nullptr) = 0;
    /** Listen for connections on the bound port. */
    virtual nsapi_error_t listen(int backlog = 1) = 0;
    /** The connected peer's address. */
    virtual nsapi_error_t getpeername(SocketAddress *address) = 0;

protected:
    Socket() {}

private:
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;
};

#endif /* NSAPI_MBED_SOCKET_H */
