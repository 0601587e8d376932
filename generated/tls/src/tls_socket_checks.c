/* Generated from idl/tls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TLSSocket's public functions: the argument checks the IDL declares, then the runtime. */
#include "nsapi/tls_socket.h"
#include "impl.h"

nsapi_error_t nsapi_tls_socket_open(nsapi_tls_socket_t *socket, nsapi_stack_t *stack)
{
    if (socket == NULL ||
        stack == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_open(socket, stack);
}

nsapi_error_t nsapi_tls_socket_wrap(nsapi_tls_socket_t *socket, nsapi_tcp_socket_t *transport)
{
    if (socket == NULL ||
        transport == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_wrap(socket, transport);
}

nsapi_error_t nsapi_tls_socket_set_hostname(nsapi_tls_socket_t *socket, const char *hostname)
{
    if (socket == NULL ||
        hostname == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_hostname(socket, hostname);
}

nsapi_error_t nsapi_tls_socket_set_root_ca_cert(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size)
{
    if (socket == NULL ||
        data == NULL ||
        size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_root_ca_cert(socket, data, size);
}

nsapi_error_t nsapi_tls_socket_set_root_ca_path(nsapi_tls_socket_t *socket, const char *path)
{
    if (socket == NULL ||
        path == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_root_ca_path(socket, path);
}

nsapi_error_t nsapi_tls_socket_set_client_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
{
    if (socket == NULL ||
        cert == NULL ||
        cert_size < 1 ||
        key == NULL ||
        key_size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_client_cert_key(socket, cert, cert_size, key, key_size);
}

nsapi_error_t nsapi_tls_socket_set_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
{
    if (socket == NULL ||
        cert == NULL ||
        cert_size < 1 ||
        key == NULL ||
        key_size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_cert_key(socket, cert, cert_size, key, key_size);
}

nsapi_error_t nsapi_tls_socket_accept(nsapi_tls_socket_t *socket)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_accept(socket);
}

nsapi_error_t nsapi_tls_socket_get_handshake_steps(nsapi_tls_socket_t *socket, uint32_t *steps)
{
    if (socket == NULL ||
        steps == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_get_handshake_steps(socket, steps);
}

nsapi_error_t nsapi_tls_socket_set_verify(nsapi_tls_socket_t *socket, bool verify)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_verify(socket, verify);
}

nsapi_error_t nsapi_tls_socket_connect(nsapi_tls_socket_t *socket, const nsapi_socket_address_t *address)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_connect(socket, address);
}

nsapi_error_t nsapi_tls_socket_connect_host(nsapi_tls_socket_t *socket, const char *host, uint16_t port)
{
    if (socket == NULL ||
        host == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_connect_host(socket, host, port);
}

nsapi_size_or_error_t nsapi_tls_socket_send(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size)
{
    if (socket == NULL ||
        (data == NULL && size != 0)) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_send(socket, data, size);
}

nsapi_size_or_error_t nsapi_tls_socket_recv(nsapi_tls_socket_t *socket, void *data, nsapi_size_t size)
{
    if (socket == NULL ||
        data == NULL ||
        size < 1) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_recv(socket, data, size);
}

nsapi_error_t nsapi_tls_socket_close(nsapi_tls_socket_t *socket)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_close(socket);
}

nsapi_error_t nsapi_tls_socket_set_blocking(nsapi_tls_socket_t *socket, bool blocking)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_blocking(socket, blocking);
}

nsapi_error_t nsapi_tls_socket_set_timeout(nsapi_tls_socket_t *socket, int timeout)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_set_timeout(socket, timeout);
}

nsapi_error_t nsapi_tls_socket_sigio(nsapi_tls_socket_t *socket, nsapi_sigio_cb_t callback, void *arg)
{
    if (socket == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_tls_socket_sigio(socket, callback, arg);
}

int nsapi_tls_socket_get_tls_error(nsapi_tls_socket_t *socket, char *text, nsapi_size_t size)
{
    if (socket == NULL ||
        (text == NULL && size != 0)) {
        return 0;
    }
    return nsapi_impl_tls_socket_get_tls_error(socket, text, size);
}

nsapi_tls_config_t *nsapi_tls_socket_get_ssl_config(nsapi_tls_socket_t *socket)
{
    if (socket == NULL) {
        return NULL;
    }
    return nsapi_impl_tls_socket_get_ssl_config(socket);
}
