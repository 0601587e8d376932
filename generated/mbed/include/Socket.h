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

/** Mbed's abstract socket: every call virtual, so that a Socket pointer reaches any socket class. */
class Socket {
public:
    /** Closes the socket if open. */
    virtual ~Socket() {}

    /**
     * Close; the object may be opened again (an accepted TCPSocket is given back instead).
     * @return NSAPI_ERROR_OK, or the error code of the class's close.
     */
    virtual nsapi_error_t close() = 0;
    /**
     * Connect to address (TCP) or set the peer (UDP).
     * @param address The peer's address and port.
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t connect(const SocketAddress &address) = 0;
    /**
     * Send to the peer.
     * @param data The bytes.
     * @param size Bytes at data.
     * @return The bytes queued, or an error code.
     */
    virtual nsapi_size_or_error_t send(const void *data, nsapi_size_t size) = 0;
    /**
     * Receive from the peer.
     * @param data Where the bytes go.
     * @param size Room at data.
     * @return The bytes copied (0 for a TCP peer that closed), or an error code.
     */
    virtual nsapi_size_or_error_t recv(void *data, nsapi_size_t size) = 0;
    /**
     * Send to address (TCP: to its peer, address ignored).
     * @param address Where to.
     * @param data    The bytes.
     * @param size    Bytes at data.
     * @return The bytes queued or sent, or an error code.
     */
    virtual nsapi_size_or_error_t sendto(const SocketAddress &address, const void *data, nsapi_size_t size) = 0;
    /**
     * Receive, with the sender's address.
     * @param address Receives the sender's address; may be nullptr.
     * @param data    Where the bytes go.
     * @param size    Room at data.
     * @return The bytes copied, or an error code.
     */
    virtual nsapi_size_or_error_t recvfrom(SocketAddress *address, void *data, nsapi_size_t size) = 0;
    /**
     * Bind to a local address and port.
     * @param address The local address (empty: every one) and port.
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t bind(const SocketAddress &address) = 0;
    /**
     * Block without limit or never.
     * @param blocking true: block without limit; false: never block.
     */
    virtual void set_blocking(bool blocking) = 0;
    /**
     * How long a call may block.
     * @param timeout Milliseconds, 0 for never, negative for no limit.
     */
    virtual void set_timeout(int timeout) = 0;
    /**
     * Call func when the socket may make progress.
     * @param func The callback; an empty one removes it.
     */
    virtual void sigio(mbed::Callback<void()> func) = 0;
    /**
     * Set an option.
     * @param level   NSAPI_SOCKET, or a stack's own level.
     * @param optname An nsapi_socket_option_t name.
     * @param optval  The value.
     * @param optlen  Bytes at optval.
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t setsockopt(int level, int optname, const void *optval, unsigned optlen) = 0;
    /**
     * Read an option.
     * @param level   NSAPI_SOCKET, or a stack's own level.
     * @param optname An nsapi_socket_option_t name.
     * @param optval  Receives the value.
     * @param optlen  In: room at optval; out: bytes written.
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t getsockopt(int level, int optname, void *optval, unsigned *optlen) = 0;
    /**
     * Accept a connection.
     * @param error Receives NSAPI_ERROR_OK or the error code; may be nullptr.
     * @return A socket to close when done, or nullptr.
     */
    virtual Socket *accept(nsapi_error_t *error = nullptr) = 0;
    /**
     * Listen for connections on the bound port.
     * @param backlog Connections that may wait for accept().
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t listen(int backlog = 1) = 0;
    /**
     * The connected peer's address.
     * @param address Receives it.
     * @return NSAPI_ERROR_OK, or an error code.
     */
    virtual nsapi_error_t getpeername(SocketAddress *address) = 0;

protected:
    Socket() {}

private:
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;
};

#endif /* NSAPI_MBED_SOCKET_H */
