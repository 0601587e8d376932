/* Generated from idl/errors.yaml, idl/network_interface.yaml, idl/options.yaml, idl/socket.yaml, idl/socket_address.yaml, idl/stack.yaml, idl/stack_api.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/types.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
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

/* NetworkInterface */
nsapi_error_t nsapi_impl_interface_init(nsapi_interface_t *interface, const nsapi_interface_api_t *api, void *context, nsapi_stack_t *stack, const char *name, bool dhcp);
nsapi_error_t nsapi_impl_interface_report_status(nsapi_interface_t *interface, nsapi_connection_status_t status);
nsapi_error_t nsapi_impl_interface_deinit(nsapi_interface_t *interface);
nsapi_error_t nsapi_impl_interface_connect(nsapi_interface_t *interface);
nsapi_error_t nsapi_impl_interface_disconnect(nsapi_interface_t *interface);
nsapi_error_t nsapi_impl_interface_set_blocking(nsapi_interface_t *interface, bool blocking);
nsapi_error_t nsapi_impl_interface_set_timeout(nsapi_interface_t *interface, int timeout);
nsapi_error_t nsapi_impl_interface_set_network(nsapi_interface_t *interface, const nsapi_socket_address_t *ip_address, const nsapi_socket_address_t *netmask, const nsapi_socket_address_t *gateway);
nsapi_error_t nsapi_impl_interface_set_dhcp(nsapi_interface_t *interface, bool dhcp);
nsapi_connection_status_t nsapi_impl_interface_get_connection_status(nsapi_interface_t *interface);
nsapi_error_t nsapi_impl_interface_attach(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);
nsapi_error_t nsapi_impl_interface_add_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);
nsapi_error_t nsapi_impl_interface_remove_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);
nsapi_stack_t *nsapi_impl_interface_get_stack(nsapi_interface_t *interface);
nsapi_error_t nsapi_impl_interface_get_ip_address(nsapi_interface_t *interface, nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_interface_get_ipv6_link_local_address(nsapi_interface_t *interface, nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_interface_get_netmask(nsapi_interface_t *interface, nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_interface_get_gateway(nsapi_interface_t *interface, nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_interface_get_mac_address(nsapi_interface_t *interface, char *buffer, nsapi_size_t size);
nsapi_error_t nsapi_impl_interface_set_mac_address(nsapi_interface_t *interface, const uint8_t *mac, nsapi_size_t size);
nsapi_error_t nsapi_impl_interface_get_interface_name(nsapi_interface_t *interface, char *buffer, nsapi_size_t size);
nsapi_error_t nsapi_impl_interface_gethostbyname(nsapi_interface_t *interface, const char *host, nsapi_socket_address_t *address, nsapi_version_t version);
nsapi_value_or_error_t nsapi_impl_interface_gethostbyname_async(nsapi_interface_t *interface, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version);
nsapi_error_t nsapi_impl_interface_gethostbyname_async_cancel(nsapi_interface_t *interface, int id);
nsapi_error_t nsapi_impl_interface_add_dns_server(nsapi_interface_t *interface, const nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_interface_get_dns_server(nsapi_interface_t *interface, int index, nsapi_socket_address_t *address);

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
