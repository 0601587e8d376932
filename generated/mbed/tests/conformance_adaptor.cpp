/* Generated from idl/socket_address.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * The adaptors conformance_redirect.h sends the C conformance suite's calls to: each makes its call
 * through the Mbed C++ class (see generator/emit/cpp.py, "The C conformance suite through the C++
 * classes").  Socket objects come from pools the adaptors keep for the test's life.
 */
#include <cstring>
#include <mutex>
#include <new>
#include <type_traits>

#include "TCPServer.h"
#include "TCPSocket.h"
#include "UDPSocket.h"

#ifndef NSAPI_CPP_VIEWS
#define NSAPI_CPP_VIEWS 512
#endif

/* The C++ object standing for the suite's C object c: the one whose pointer c's first word holds,
 * or, when that word is zero (a zero-filled or memset object), a new closed one: in the place an
 * earlier object at the same address had (that object is gone: its memory was reused), else in a
 * free place. */
template <typename Cpp>
static Cpp *nsapi_cpp_view(void *c)
{
    static typename std::aligned_storage<sizeof(Cpp), alignof(Cpp)>::type pool[NSAPI_CPP_VIEWS];
    static void *owner[NSAPI_CPP_VIEWS];
    static unsigned used;
    static std::mutex lock;
    if (c == nullptr) {
        return nullptr;
    }
    Cpp *o;
    std::memcpy(&o, c, sizeof o);
    if (o == nullptr) {
        std::lock_guard<std::mutex> hold(lock);
        unsigned i = 0;
        while (i < used && owner[i] != c) {
            i++;
        }
        if (i < used) {
            reinterpret_cast<Cpp *>(&pool[i])->~Cpp();
        } else {
            MBED_ASSERT(used < NSAPI_CPP_VIEWS && "more sockets in one test than NSAPI_CPP_VIEWS");
            used++;
        }
        owner[i] = c;
        o = new (&pool[i]) Cpp();
        std::memcpy(c, &o, sizeof o);
    }
    return o;
}

/* Text from Mbed's get_ip_address() into the C call's buffer, with the C call's results. */
static nsapi_size_or_error_t nsapi_cpp_text(const char *text, char *buffer, nsapi_size_t size)
{
    size_t n = text != nullptr ? std::strlen(text) : 0;
    if (text == nullptr || n >= size) {
        buffer[0] = '\0';
        return text == nullptr ? NSAPI_ERROR_NO_ADDRESS : NSAPI_ERROR_NO_MEMORY;
    }
    std::memcpy(buffer, text, n + 1);
    return static_cast<nsapi_size_or_error_t>(n);
}

extern "C" {

nsapi_error_t nsapi_cpp_socket_address_set_ip_address(nsapi_socket_address_t *address, const char *text)
{
    if (address == NULL) {
        return nsapi_socket_address_set_ip_address(address, text);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    auto result = o.set_ip_address(text) ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;
    *address = *o.nsapi_object();
    return result;
}

nsapi_error_t nsapi_cpp_socket_address_set_addr(nsapi_socket_address_t *address, const nsapi_addr_t *addr)
{
    if (address == NULL || addr == NULL) {
        return nsapi_socket_address_set_addr(address, addr);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    o.set_addr(*addr);
    *address = *o.nsapi_object();
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port)
{
    if (address == NULL) {
        return nsapi_socket_address_set_port(address, port);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    o.set_port(port);
    *address = *o.nsapi_object();
    return NSAPI_ERROR_OK;
}

nsapi_size_or_error_t nsapi_cpp_socket_address_get_ip_address(const nsapi_socket_address_t *address, char *buffer, nsapi_size_t size)
{
    if (address == NULL) {
        return nsapi_socket_address_get_ip_address(address, buffer, size);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    return nsapi_cpp_text(o.get_ip_address(), buffer, size);
}

nsapi_version_t nsapi_cpp_socket_address_get_ip_version(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return nsapi_socket_address_get_ip_version(address);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    return o.get_ip_version();
}

nsapi_addr_t nsapi_cpp_socket_address_get_addr(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return nsapi_socket_address_get_addr(address);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    return o.get_addr();
}

uint16_t nsapi_cpp_socket_address_get_port(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return nsapi_socket_address_get_port(address);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    return o.get_port();
}

bool nsapi_cpp_socket_address_is_nonzero(const nsapi_socket_address_t *address)
{
    if (address == NULL) {
        return nsapi_socket_address_is_nonzero(address);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    return static_cast<bool>(o);
}

bool nsapi_cpp_socket_address_equals(const nsapi_socket_address_t *address, const nsapi_socket_address_t *other)
{
    if (address == NULL || other == NULL) {
        return nsapi_socket_address_equals(address, other);
    }
    SocketAddress o;
    *o.nsapi_object() = *address;
    SocketAddress a_other;
    *a_other.nsapi_object() = *other;
    return o == a_other;
}

nsapi_error_t nsapi_cpp_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_open(socket, stack);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    NetworkStack s_stack(stack);
    return o->open(&s_stack);
}

nsapi_error_t nsapi_cpp_tcp_socket_close(nsapi_tcp_socket_t *socket)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_close(socket);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    return o->close();
}

nsapi_error_t nsapi_cpp_tcp_socket_bind(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_tcp_socket_bind(socket, address);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->bind(a_address);
}

nsapi_error_t nsapi_cpp_tcp_socket_set_blocking(nsapi_tcp_socket_t *socket, bool blocking)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_set_blocking(socket, blocking);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    o->set_blocking(blocking);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_socket_set_timeout(nsapi_tcp_socket_t *socket, int timeout)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_set_timeout(socket, timeout);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    o->set_timeout(timeout);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_socket_sigio(nsapi_tcp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_sigio(socket, callback, arg);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    o->sigio(mbed::Callback<void()>::nsapi_from(callback, arg));
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_socket_setsockopt(nsapi_tcp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_setsockopt(socket, level, optname, optval, optlen);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    return o->setsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_tcp_socket_getsockopt(nsapi_tcp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_getsockopt(socket, level, optname, optval, optlen);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    return o->getsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_tcp_socket_getpeername(nsapi_tcp_socket_t *socket, nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_tcp_socket_getpeername(socket, address);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    auto result = o->getpeername(address ? &a_address : nullptr);
    if (address != NULL) {
        *address = *a_address.nsapi_object();
    }
    return result;
}

nsapi_error_t nsapi_cpp_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_tcp_socket_connect(socket, address);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->connect(a_address);
}

nsapi_size_or_error_t nsapi_cpp_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_send(socket, data, size);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    return o->send(data, size);
}

nsapi_size_or_error_t nsapi_cpp_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size)
{
    if (socket == NULL) {
        return nsapi_tcp_socket_recv(socket, data, size);
    }
    TCPSocket *o = nsapi_cpp_view<TCPSocket>(socket);
    return o->recv(data, size);
}

nsapi_error_t nsapi_cpp_udp_socket_open(nsapi_udp_socket_t *socket, nsapi_stack_t *stack)
{
    if (socket == NULL) {
        return nsapi_udp_socket_open(socket, stack);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    NetworkStack s_stack(stack);
    return o->open(&s_stack);
}

nsapi_error_t nsapi_cpp_udp_socket_close(nsapi_udp_socket_t *socket)
{
    if (socket == NULL) {
        return nsapi_udp_socket_close(socket);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    return o->close();
}

nsapi_error_t nsapi_cpp_udp_socket_bind(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_udp_socket_bind(socket, address);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->bind(a_address);
}

nsapi_error_t nsapi_cpp_udp_socket_set_blocking(nsapi_udp_socket_t *socket, bool blocking)
{
    if (socket == NULL) {
        return nsapi_udp_socket_set_blocking(socket, blocking);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    o->set_blocking(blocking);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_udp_socket_set_timeout(nsapi_udp_socket_t *socket, int timeout)
{
    if (socket == NULL) {
        return nsapi_udp_socket_set_timeout(socket, timeout);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    o->set_timeout(timeout);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_udp_socket_sigio(nsapi_udp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    if (socket == NULL) {
        return nsapi_udp_socket_sigio(socket, callback, arg);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    o->sigio(mbed::Callback<void()>::nsapi_from(callback, arg));
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_udp_socket_setsockopt(nsapi_udp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen)
{
    if (socket == NULL) {
        return nsapi_udp_socket_setsockopt(socket, level, optname, optval, optlen);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    return o->setsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_udp_socket_getsockopt(nsapi_udp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen)
{
    if (socket == NULL) {
        return nsapi_udp_socket_getsockopt(socket, level, optname, optval, optlen);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    return o->getsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_udp_socket_getpeername(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_udp_socket_getpeername(socket, address);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    auto result = o->getpeername(address ? &a_address : nullptr);
    if (address != NULL) {
        *address = *a_address.nsapi_object();
    }
    return result;
}

nsapi_size_or_error_t nsapi_cpp_udp_socket_sendto(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size)
{
    if (socket == NULL || address == NULL) {
        return nsapi_udp_socket_sendto(socket, address, data, size);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->sendto(a_address, data, size);
}

nsapi_size_or_error_t nsapi_cpp_udp_socket_recvfrom(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    if (socket == NULL) {
        return nsapi_udp_socket_recvfrom(socket, address, data, size);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    SocketAddress a_address;
    if (address != NULL) {
        *a_address.nsapi_object() = *address;
    }
    auto result = o->recvfrom(address ? &a_address : nullptr, data, size);
    if (address != NULL) {
        *address = *a_address.nsapi_object();
    }
    return result;
}

nsapi_error_t nsapi_cpp_udp_socket_connect(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL || address == NULL) {
        return nsapi_udp_socket_connect(socket, address);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->connect(a_address);
}

nsapi_size_or_error_t nsapi_cpp_udp_socket_send(nsapi_udp_socket_t *socket, const void *data, nsapi_size_t size)
{
    if (socket == NULL) {
        return nsapi_udp_socket_send(socket, data, size);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    return o->send(data, size);
}

nsapi_size_or_error_t nsapi_cpp_udp_socket_recv(nsapi_udp_socket_t *socket, void *data, nsapi_size_t size)
{
    if (socket == NULL) {
        return nsapi_udp_socket_recv(socket, data, size);
    }
    UDPSocket *o = nsapi_cpp_view<UDPSocket>(socket);
    return o->recv(data, size);
}

nsapi_error_t nsapi_cpp_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack)
{
    if (server == NULL) {
        return nsapi_tcp_server_open(server, stack);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    NetworkStack s_stack(stack);
    return o->open(&s_stack);
}

nsapi_error_t nsapi_cpp_tcp_server_close(nsapi_tcp_server_t *server)
{
    if (server == NULL) {
        return nsapi_tcp_server_close(server);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    return o->close();
}

nsapi_error_t nsapi_cpp_tcp_server_bind(nsapi_tcp_server_t *server, const nsapi_socket_address_t *address)
{
    if (server == NULL || address == NULL) {
        return nsapi_tcp_server_bind(server, address);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    return o->bind(a_address);
}

nsapi_error_t nsapi_cpp_tcp_server_set_blocking(nsapi_tcp_server_t *server, bool blocking)
{
    if (server == NULL) {
        return nsapi_tcp_server_set_blocking(server, blocking);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    o->set_blocking(blocking);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_server_set_timeout(nsapi_tcp_server_t *server, int timeout)
{
    if (server == NULL) {
        return nsapi_tcp_server_set_timeout(server, timeout);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    o->set_timeout(timeout);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_server_sigio(nsapi_tcp_server_t *server, nsapi_sigio_cb_t callback, void *arg)
{
    if (server == NULL) {
        return nsapi_tcp_server_sigio(server, callback, arg);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    o->sigio(mbed::Callback<void()>::nsapi_from(callback, arg));
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_cpp_tcp_server_setsockopt(nsapi_tcp_server_t *server, int level, int optname, const void *optval, unsigned optlen)
{
    if (server == NULL) {
        return nsapi_tcp_server_setsockopt(server, level, optname, optval, optlen);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    return o->setsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_tcp_server_getsockopt(nsapi_tcp_server_t *server, int level, int optname, void *optval, unsigned *optlen)
{
    if (server == NULL) {
        return nsapi_tcp_server_getsockopt(server, level, optname, optval, optlen);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    return o->getsockopt(level, optname, optval, optlen);
}

nsapi_error_t nsapi_cpp_tcp_server_getpeername(nsapi_tcp_server_t *server, nsapi_socket_address_t *address)
{
    if (server == NULL || address == NULL) {
        return nsapi_tcp_server_getpeername(server, address);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    SocketAddress a_address;
    *a_address.nsapi_object() = *address;
    auto result = o->getpeername(address ? &a_address : nullptr);
    if (address != NULL) {
        *address = *a_address.nsapi_object();
    }
    return result;
}

nsapi_error_t nsapi_cpp_tcp_server_listen(nsapi_tcp_server_t *server, int backlog)
{
    if (server == NULL) {
        return nsapi_tcp_server_listen(server, backlog);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    return o->listen(backlog);
}

nsapi_error_t nsapi_cpp_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address)
{
    if (server == NULL) {
        return nsapi_tcp_server_accept(server, connection, address);
    }
    TCPServer *o = nsapi_cpp_view<TCPServer>(server);
    SocketAddress a_address;
    if (address != NULL) {
        *a_address.nsapi_object() = *address;
    }
    auto result = o->accept(nsapi_cpp_view<TCPSocket>(connection), address ? &a_address : nullptr);
    if (address != NULL) {
        *address = *a_address.nsapi_object();
    }
    return result;
}

} // extern "C"
