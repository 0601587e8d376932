/* Generated from idl/dtls_socket.yaml, idl/tls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * What the runtime implements behind the generated argument checks.
 *
 * Each nsapi_impl_* function is called only with arguments that passed the
 * checks the IDL declares: no NULL pointer where one is not allowed, integers
 * in range, enum values known. It checks the object's state and does the work.
 */
#ifndef NSAPI_TLS_IMPL_H
#define NSAPI_TLS_IMPL_H

#include "nsapi/nsapi.h"
#include "nsapi/dtls_socket.h"
#include "nsapi/tls_socket.h"

/* DTLSSocket */
nsapi_error_t nsapi_impl_dtls_socket_open(nsapi_dtls_socket_t *socket, nsapi_stack_t *stack);
nsapi_error_t nsapi_impl_dtls_socket_wrap(nsapi_dtls_socket_t *socket, nsapi_udp_socket_t *transport);
nsapi_error_t nsapi_impl_dtls_socket_set_hostname(nsapi_dtls_socket_t *socket, const char *hostname);
nsapi_error_t nsapi_impl_dtls_socket_set_root_ca_cert(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_error_t nsapi_impl_dtls_socket_set_root_ca_path(nsapi_dtls_socket_t *socket, const char *path);
nsapi_error_t nsapi_impl_dtls_socket_set_cert_key(nsapi_dtls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);
nsapi_error_t nsapi_impl_dtls_socket_set_psk(nsapi_dtls_socket_t *socket, const char *identity, const void *key, nsapi_size_t key_size);
nsapi_error_t nsapi_impl_dtls_socket_set_verify(nsapi_dtls_socket_t *socket, bool verify);
nsapi_error_t nsapi_impl_dtls_socket_connect(nsapi_dtls_socket_t *socket, const nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_dtls_socket_accept(nsapi_dtls_socket_t *socket);
nsapi_size_or_error_t nsapi_impl_dtls_socket_send(nsapi_dtls_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_impl_dtls_socket_recv(nsapi_dtls_socket_t *socket, void *data, nsapi_size_t size);
nsapi_error_t nsapi_impl_dtls_socket_close(nsapi_dtls_socket_t *socket);
nsapi_error_t nsapi_impl_dtls_socket_set_blocking(nsapi_dtls_socket_t *socket, bool blocking);
nsapi_error_t nsapi_impl_dtls_socket_set_timeout(nsapi_dtls_socket_t *socket, int timeout);
nsapi_error_t nsapi_impl_dtls_socket_sigio(nsapi_dtls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);
int nsapi_impl_dtls_socket_get_tls_error(nsapi_dtls_socket_t *socket, char *text, nsapi_size_t size);
nsapi_tls_config_t *nsapi_impl_dtls_socket_get_ssl_config(nsapi_dtls_socket_t *socket);

/* TLSSocket */
nsapi_error_t nsapi_impl_tls_socket_open(nsapi_tls_socket_t *socket, nsapi_stack_t *stack);
nsapi_error_t nsapi_impl_tls_socket_wrap(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport);
nsapi_error_t nsapi_impl_tls_socket_set_hostname(nsapi_tls_socket_t *socket, const char *hostname);
nsapi_error_t nsapi_impl_tls_socket_set_root_ca_cert(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_error_t nsapi_impl_tls_socket_set_root_ca_path(nsapi_tls_socket_t *socket, const char *path);
nsapi_error_t nsapi_impl_tls_socket_set_client_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);
nsapi_error_t nsapi_impl_tls_socket_set_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size);
nsapi_error_t nsapi_impl_tls_socket_accept(nsapi_tls_socket_t *socket);
nsapi_error_t nsapi_impl_tls_socket_get_handshake_steps(nsapi_tls_socket_t *socket, uint32_t *steps);
nsapi_error_t nsapi_impl_tls_socket_set_verify(nsapi_tls_socket_t *socket, bool verify);
nsapi_error_t nsapi_impl_tls_socket_connect(nsapi_tls_socket_t *socket, const nsapi_socket_address_t *address);
nsapi_error_t nsapi_impl_tls_socket_connect_host(nsapi_tls_socket_t *socket, const char *host, uint16_t port);
nsapi_size_or_error_t nsapi_impl_tls_socket_send(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_impl_tls_socket_recv(nsapi_tls_socket_t *socket, void *data, nsapi_size_t size);
nsapi_error_t nsapi_impl_tls_socket_close(nsapi_tls_socket_t *socket);
nsapi_error_t nsapi_impl_tls_socket_set_blocking(nsapi_tls_socket_t *socket, bool blocking);
nsapi_error_t nsapi_impl_tls_socket_set_timeout(nsapi_tls_socket_t *socket, int timeout);
nsapi_error_t nsapi_impl_tls_socket_sigio(nsapi_tls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg);
int nsapi_impl_tls_socket_get_tls_error(nsapi_tls_socket_t *socket, char *text, nsapi_size_t size);
nsapi_tls_config_t *nsapi_impl_tls_socket_get_ssl_config(nsapi_tls_socket_t *socket);

#endif /* NSAPI_TLS_IMPL_H */
