/* Generated from idl/errors.yaml, idl/options.yaml, idl/socket.yaml, idl/socket_address.yaml, idl/stack.yaml, idl/stack_api.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/types.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * What the runtime implements behind the generated argument checks.
 *
 * Each nsapi_impl_* function is called only with arguments that passed the
 * checks the IDL declares: no NULL pointer where one is not allowed, integers
 * in range, enum values known. It checks the object's state and does the work.
 */
#ifndef NSAPI_IMPL_H
#define NSAPI_IMPL_H

#include "nsapi/nsapi.h"

/* Socket */
nsapi_error_t nsapi_impl_socket_close(nsapi_socket_t *socket);
nsapi_error_t nsapi_impl_socket_bind(nsapi_socket_t *socket, const nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_socket_set_blocking(nsapi_socket_t *socket, bool blocking);
nsapi_error_t nsapi_impl_socket_set_timeout(nsapi_socket_t *socket, int timeout);
nsapi_error_t nsapi_impl_socket_sigio(nsapi_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);
nsapi_error_t nsapi_impl_socket_setsockopt(nsapi_socket_t *socket, int level, int optname, const void *optval, unsigned optlen);
nsapi_error_t nsapi_impl_socket_getsockopt(nsapi_socket_t *socket, int level, int optname, void *optval, unsigned *optlen);
nsapi_error_t nsapi_impl_socket_getpeername(nsapi_socket_t *socket, nsapi_socket_address_t *address);

/* SocketAddress */
nsapi_error_t nsapi_impl_socket_address_set_ip_address(nsapi_socket_address_t *address, const char *text);
nsapi_error_t nsapi_impl_socket_address_set_ip_bytes(nsapi_socket_address_t *address, const void *bytes, nsapi_version_t version);
nsapi_error_t nsapi_impl_socket_address_set_addr(nsapi_socket_address_t *address, const nsapi_addr_t *addr);
nsapi_error_t nsapi_impl_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port);
nsapi_size_or_error_t nsapi_impl_socket_address_get_ip_address(const nsapi_socket_address_t *address, char *buffer, nsapi_size_t size);
const void *nsapi_impl_socket_address_get_ip_bytes(const nsapi_socket_address_t *address);
nsapi_version_t nsapi_impl_socket_address_get_ip_version(const nsapi_socket_address_t *address);
nsapi_addr_t nsapi_impl_socket_address_get_addr(const nsapi_socket_address_t *address);
uint16_t nsapi_impl_socket_address_get_port(const nsapi_socket_address_t *address);
bool nsapi_impl_socket_address_is_nonzero(const nsapi_socket_address_t *address);
bool nsapi_impl_socket_address_equals(const nsapi_socket_address_t *address, const nsapi_socket_address_t *other);

/* NetworkStack */
nsapi_error_t nsapi_impl_stack_init(nsapi_stack_t *stack, const nsapi_stack_api_t *api, void *context);
nsapi_error_t nsapi_impl_stack_deinit(nsapi_stack_t *stack);
nsapi_error_t nsapi_impl_stack_set_socket_limit(nsapi_stack_t *stack, unsigned limit);
nsapi_error_t nsapi_impl_stack_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_socket_address_t *address, nsapi_version_t version);
nsapi_value_or_error_t nsapi_impl_stack_gethostbyname_async(nsapi_stack_t *stack, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version);
nsapi_error_t nsapi_impl_stack_gethostbyname_async_cancel(nsapi_stack_t *stack, int id);
nsapi_error_t nsapi_impl_stack_add_dns_server(nsapi_stack_t *stack, const nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_stack_get_ip_address(nsapi_stack_t *stack, nsapi_socket_address_t *address);

/* TCPServer */
nsapi_error_t nsapi_impl_tcp_server_open(nsapi_tcp_server_t *server, nsapi_stack_t *stack);
nsapi_error_t nsapi_impl_tcp_server_listen(nsapi_tcp_server_t *server, int backlog);
nsapi_error_t nsapi_impl_tcp_server_accept(nsapi_tcp_server_t *server, nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address);

/* TCPSocket */
nsapi_error_t nsapi_impl_tcp_socket_open(nsapi_tcp_socket_t *socket, nsapi_stack_t *stack);
nsapi_error_t nsapi_impl_tcp_socket_connect(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *address);
nsapi_size_or_error_t nsapi_impl_tcp_socket_send(nsapi_tcp_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_impl_tcp_socket_recv(nsapi_tcp_socket_t *socket, void *data, nsapi_size_t size);

/* UDPSocket */
nsapi_error_t nsapi_impl_udp_socket_open(nsapi_udp_socket_t *socket, nsapi_stack_t *stack);
nsapi_size_or_error_t nsapi_impl_udp_socket_sendto(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_impl_udp_socket_recvfrom(nsapi_udp_socket_t *socket, nsapi_socket_address_t *address, void *data, nsapi_size_t size);
nsapi_error_t nsapi_impl_udp_socket_connect(nsapi_udp_socket_t *socket, const nsapi_socket_address_t *address);
nsapi_size_or_error_t nsapi_impl_udp_socket_send(nsapi_udp_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_impl_udp_socket_recv(nsapi_udp_socket_t *socket, void *data, nsapi_size_t size);

#endif /* NSAPI_IMPL_H */
