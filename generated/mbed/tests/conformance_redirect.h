/* Generated from idl/socket_address.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Included first (-include) into the C conformance suite's sources for its conformance_cpp_*
 * builds: each call below goes to its adaptor (conformance_adaptor.cpp), which makes it through
 * the Mbed C++ class.  The calls left to C are listed at the end.
 */
#ifndef NSAPI_CONFORMANCE_REDIRECT_H
#define NSAPI_CONFORMANCE_REDIRECT_H

/* First in every source, so the sources' own feature macros (_GNU_SOURCE, or _POSIX_C_SOURCE
 * 200809L, which glibc sets for _GNU_SOURCE too) must be set before any system header. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SocketAddress */
nsapi_error_t nsapi_cpp_socket_address_set_ip_address(nsapi_socket_address_t *address, const char *text);
#define nsapi_socket_address_set_ip_address nsapi_cpp_socket_address_set_ip_address
nsapi_error_t nsapi_cpp_socket_address_set_addr(nsapi_socket_address_t *address, const nsapi_addr_t *addr);
#define nsapi_socket_address_set_addr nsapi_cpp_socket_address_set_addr
nsapi_error_t nsapi_cpp_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port);
#define nsapi_socket_address_set_port nsapi_cpp_socket_address_set_port
nsapi_size_or_error_t nsapi_cpp_socket_address_get_ip_address(const nsapi_socket_address_t *address, char *buffer, nsapi_size_t size);
#define nsapi_socket_address_get_ip_address nsapi_cpp_socket_address_get_ip_address
nsapi_version_t nsapi_cpp_socket_address_get_ip_version(const nsapi_socket_address_t *address);
#define nsapi_socket_address_get_ip_version nsapi_cpp_socket_address_get_ip_version
nsapi_addr_t nsapi_cpp_socket_address_get_addr(const nsapi_socket_address_t *address);
#define nsapi_socket_address_get_addr nsapi_cpp_socket_address_get_addr
uint16_t nsapi_cpp_socket_address_get_port(const nsapi_socket_address_t *address);
#define nsapi_socket_address_get_port nsapi_cpp_socket_address_get_port
bool nsapi_cpp_socket_address_is_nonzero(const nsapi_socket_address_t *address);
#define nsapi_socket_address_is_nonzero nsapi_cpp_socket_address_is_nonzero
bool nsapi_cpp_socket_address_equals(const nsapi_socket_address_t *address, const nsapi_socket_address_t *other);
#define nsapi_socket_address_equals nsapi_cpp_socket_address_equals
/* Left to C: nsapi_socket_address_set_ip_bytes, nsapi_socket_address_get_ip_bytes. */

/* TCPSocket */
nsapi_error_t nsapi_cpp_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack);
#define nsapi_tcp_socket_open nsapi_cpp_tcp_socket_open
nsapi_error_t nsapi_cpp_tcp_socket_close(nsapi_tcp_socket_t *socket);
#define nsapi_tcp_socket_close nsapi_cpp_tcp_socket_close
nsapi_error_t nsapi_cpp_tcp_socket_bind(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address);
#define nsapi_tcp_socket_bind nsapi_cpp_tcp_socket_bind
nsapi_error_t nsapi_cpp_tcp_socket_set_blocking(nsapi_tcp_socket_t *socket, bool blocking);
#define nsapi_tcp_socket_set_blocking nsapi_cpp_tcp_socket_set_blocking
nsapi_error_t nsapi_cpp_tcp_socket_set_timeout(nsapi_tcp_socket_t *socket, int timeout);
#define nsapi_tcp_socket_set_timeout nsapi_cpp_tcp_socket_set_timeout
nsapi_error_t nsapi_cpp_tcp_socket_sigio(nsapi_tcp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);
#define nsapi_tcp_socket_sigio nsapi_cpp_tcp_socket_sigio
nsapi_error_t nsapi_cpp_tcp_socket_setsockopt(nsapi_tcp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen);
#define nsapi_tcp_socket_setsockopt nsapi_cpp_tcp_socket_setsockopt
nsapi_error_t nsapi_cpp_tcp_socket_getsockopt(nsapi_tcp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen);
#define nsapi_tcp_socket_getsockopt nsapi_cpp_tcp_socket_getsockopt
nsapi_error_t nsapi_cpp_tcp_socket_getpeername(nsapi_tcp_socket_t *socket, nsapi_socket_address_t *address);
#define nsapi_tcp_socket_getpeername nsapi_cpp_tcp_socket_getpeername
nsapi_error_t nsapi_cpp_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address);
#define nsapi_tcp_socket_connect nsapi_cpp_tcp_socket_connect
nsapi_size_or_error_t nsapi_cpp_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size);
#define nsapi_tcp_socket_send nsapi_cpp_tcp_socket_send
nsapi_size_or_error_t nsapi_cpp_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size);
#define nsapi_tcp_socket_recv nsapi_cpp_tcp_socket_recv

/* UDPSocket */
nsapi_error_t nsapi_cpp_udp_socket_open(nsapi_udp_socket_t *socket, nsapi_stack_t *stack);
#define nsapi_udp_socket_open nsapi_cpp_udp_socket_open
nsapi_error_t nsapi_cpp_udp_socket_close(nsapi_udp_socket_t *socket);
#define nsapi_udp_socket_close nsapi_cpp_udp_socket_close
nsapi_error_t nsapi_cpp_udp_socket_bind(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address);
#define nsapi_udp_socket_bind nsapi_cpp_udp_socket_bind
nsapi_error_t nsapi_cpp_udp_socket_set_blocking(nsapi_udp_socket_t *socket, bool blocking);
#define nsapi_udp_socket_set_blocking nsapi_cpp_udp_socket_set_blocking
nsapi_error_t nsapi_cpp_udp_socket_set_timeout(nsapi_udp_socket_t *socket, int timeout);
#define nsapi_udp_socket_set_timeout nsapi_cpp_udp_socket_set_timeout
nsapi_error_t nsapi_cpp_udp_socket_sigio(nsapi_udp_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);
#define nsapi_udp_socket_sigio nsapi_cpp_udp_socket_sigio
nsapi_error_t nsapi_cpp_udp_socket_setsockopt(nsapi_udp_socket_t *socket, int level, int optname, const void *optval, unsigned optlen);
#define nsapi_udp_socket_setsockopt nsapi_cpp_udp_socket_setsockopt
nsapi_error_t nsapi_cpp_udp_socket_getsockopt(nsapi_udp_socket_t *socket, int level, int optname, void *optval, unsigned *optlen);
#define nsapi_udp_socket_getsockopt nsapi_cpp_udp_socket_getsockopt
nsapi_error_t nsapi_cpp_udp_socket_getpeername(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address);
#define nsapi_udp_socket_getpeername nsapi_cpp_udp_socket_getpeername
nsapi_size_or_error_t nsapi_cpp_udp_socket_sendto(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size);
#define nsapi_udp_socket_sendto nsapi_cpp_udp_socket_sendto
nsapi_size_or_error_t nsapi_cpp_udp_socket_recvfrom(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address, void *data, nsapi_size_t size);
#define nsapi_udp_socket_recvfrom nsapi_cpp_udp_socket_recvfrom
nsapi_error_t nsapi_cpp_udp_socket_connect(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address);
#define nsapi_udp_socket_connect nsapi_cpp_udp_socket_connect
nsapi_size_or_error_t nsapi_cpp_udp_socket_send(nsapi_udp_socket_t *socket, const void *data, nsapi_size_t size);
#define nsapi_udp_socket_send nsapi_cpp_udp_socket_send
nsapi_size_or_error_t nsapi_cpp_udp_socket_recv(nsapi_udp_socket_t *socket, void *data, nsapi_size_t size);
#define nsapi_udp_socket_recv nsapi_cpp_udp_socket_recv

/* TCPServer */
nsapi_error_t nsapi_cpp_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack);
#define nsapi_tcp_server_open nsapi_cpp_tcp_server_open
nsapi_error_t nsapi_cpp_tcp_server_close(nsapi_tcp_server_t *server);
#define nsapi_tcp_server_close nsapi_cpp_tcp_server_close
nsapi_error_t nsapi_cpp_tcp_server_bind(nsapi_tcp_server_t *server, const nsapi_socket_address_t *address);
#define nsapi_tcp_server_bind nsapi_cpp_tcp_server_bind
nsapi_error_t nsapi_cpp_tcp_server_set_blocking(nsapi_tcp_server_t *server, bool blocking);
#define nsapi_tcp_server_set_blocking nsapi_cpp_tcp_server_set_blocking
nsapi_error_t nsapi_cpp_tcp_server_set_timeout(nsapi_tcp_server_t *server, int timeout);
#define nsapi_tcp_server_set_timeout nsapi_cpp_tcp_server_set_timeout
nsapi_error_t nsapi_cpp_tcp_server_sigio(nsapi_tcp_server_t *server, nsapi_sigio_cb_t callback, void *arg);
#define nsapi_tcp_server_sigio nsapi_cpp_tcp_server_sigio
nsapi_error_t nsapi_cpp_tcp_server_setsockopt(nsapi_tcp_server_t *server, int level, int optname, const void *optval, unsigned optlen);
#define nsapi_tcp_server_setsockopt nsapi_cpp_tcp_server_setsockopt
nsapi_error_t nsapi_cpp_tcp_server_getsockopt(nsapi_tcp_server_t *server, int level, int optname, void *optval, unsigned *optlen);
#define nsapi_tcp_server_getsockopt nsapi_cpp_tcp_server_getsockopt
nsapi_error_t nsapi_cpp_tcp_server_getpeername(nsapi_tcp_server_t *server, nsapi_socket_address_t *address);
#define nsapi_tcp_server_getpeername nsapi_cpp_tcp_server_getpeername
nsapi_error_t nsapi_cpp_tcp_server_listen(nsapi_tcp_server_t *server, int backlog);
#define nsapi_tcp_server_listen nsapi_cpp_tcp_server_listen
nsapi_error_t nsapi_cpp_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address);
#define nsapi_tcp_server_accept nsapi_cpp_tcp_server_accept

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_CONFORMANCE_REDIRECT_H */
