/* Generated from idl/tls_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* TLSSocket: each bad input the IDL documents gets the documented answer. */
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/nsapi.h"
#include "nsapi/tls_socket.h"

/* Rejected calls leave the object as it was: zero-filled. */
static int is_zero(const void *object, size_t size)
{
    const unsigned char *bytes = object;
    size_t i;

    for (i = 0; i < size; i++) {
        if (bytes[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_open, null_socket)
{
    nsapi_stack_t stack_object;

    memset(&stack_object, 0, sizeof stack_object);
    cr_expect_eq(nsapi_tls_socket_open(NULL, &stack_object), NSAPI_ERROR_PARAMETER);
}

/* stack is NULL */
Test(nsapi_tls_socket_open, null_stack)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_open(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_wrap, null_socket)
{
    nsapi_tcp_socket_t transport_object;

    memset(&transport_object, 0, sizeof transport_object);
    cr_expect_eq(nsapi_tls_socket_wrap(NULL, &transport_object), NSAPI_ERROR_PARAMETER);
}

/* transport is NULL */
Test(nsapi_tls_socket_wrap, null_transport)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_wrap(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_hostname, null_socket)
{
    char hostname_object[64];

    memset(&hostname_object, 0, sizeof hostname_object);
    cr_expect_eq(nsapi_tls_socket_set_hostname(NULL, hostname_object), NSAPI_ERROR_PARAMETER);
}

/* hostname is NULL */
Test(nsapi_tls_socket_set_hostname, null_hostname)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_set_hostname(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_hostname, not_open)
{
    nsapi_tls_socket_t socket;
    char hostname_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&hostname_object, 0, sizeof hostname_object);
    cr_expect_eq(nsapi_tls_socket_set_hostname(&socket, hostname_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_root_ca_cert, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(NULL, data_object, 1), NSAPI_ERROR_PARAMETER);
}

/* data is NULL */
Test(nsapi_tls_socket_set_root_ca_cert, null_data)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* size is below 1 */
Test(nsapi_tls_socket_set_root_ca_cert, size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&socket, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_root_ca_cert, not_open)
{
    nsapi_tls_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_cert(&socket, data_object, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_root_ca_path, null_socket)
{
    char path_object[64];

    memset(&path_object, 0, sizeof path_object);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_path(NULL, path_object), NSAPI_ERROR_PARAMETER);
}

/* path is NULL */
Test(nsapi_tls_socket_set_root_ca_path, null_path)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_path(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_root_ca_path, not_open)
{
    nsapi_tls_socket_t socket;
    char path_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&path_object, 0, sizeof path_object);
    cr_expect_eq(nsapi_tls_socket_set_root_ca_path(&socket, path_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_client_cert_key, null_socket)
{
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(NULL, cert_object, 1, key_object, 1), NSAPI_ERROR_PARAMETER);
}

/* cert is NULL */
Test(nsapi_tls_socket_set_client_cert_key, null_cert)
{
    nsapi_tls_socket_t socket;
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&socket, NULL, 1, key_object, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* cert_size is below 1 */
Test(nsapi_tls_socket_set_client_cert_key, cert_size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&socket, cert_object, 0, key_object, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* key is NULL */
Test(nsapi_tls_socket_set_client_cert_key, null_key)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&socket, cert_object, 1, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* key_size is below 1 */
Test(nsapi_tls_socket_set_client_cert_key, key_size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&socket, cert_object, 1, key_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_client_cert_key, not_open)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_client_cert_key(&socket, cert_object, 1, key_object, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_cert_key, null_socket)
{
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(NULL, cert_object, 1, key_object, 1), NSAPI_ERROR_PARAMETER);
}

/* cert is NULL */
Test(nsapi_tls_socket_set_cert_key, null_cert)
{
    nsapi_tls_socket_t socket;
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(&socket, NULL, 1, key_object, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* cert_size is below 1 */
Test(nsapi_tls_socket_set_cert_key, cert_size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(&socket, cert_object, 0, key_object, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* key is NULL */
Test(nsapi_tls_socket_set_cert_key, null_key)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(&socket, cert_object, 1, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* key_size is below 1 */
Test(nsapi_tls_socket_set_cert_key, key_size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(&socket, cert_object, 1, key_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_cert_key, not_open)
{
    nsapi_tls_socket_t socket;
    unsigned char cert_object[64];
    unsigned char key_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&cert_object, 0, sizeof cert_object);
    memset(&key_object, 0, sizeof key_object);
    cr_expect_eq(nsapi_tls_socket_set_cert_key(&socket, cert_object, 1, key_object, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_accept, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_accept(NULL), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_accept, not_open)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_accept(&socket), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_get_handshake_steps, null_socket)
{
    uint32_t steps_object;

    memset(&steps_object, 0, sizeof steps_object);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(NULL, &steps_object), NSAPI_ERROR_PARAMETER);
}

/* steps is NULL */
Test(nsapi_tls_socket_get_handshake_steps, null_steps)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&socket, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_get_handshake_steps, not_open)
{
    nsapi_tls_socket_t socket;
    uint32_t steps_object;

    memset(&socket, 0, sizeof socket);
    memset(&steps_object, 0, sizeof steps_object);
    cr_expect_eq(nsapi_tls_socket_get_handshake_steps(&socket, &steps_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_verify, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_set_verify(NULL, false), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_set_verify, not_open)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_set_verify(&socket, false), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_connect, null_socket)
{
    nsapi_socket_address_t address_object;

    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tls_socket_connect(NULL, &address_object), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_connect, not_open)
{
    nsapi_tls_socket_t socket;
    nsapi_socket_address_t address_object;

    memset(&socket, 0, sizeof socket);
    memset(&address_object, 0, sizeof address_object);
    cr_expect_eq(nsapi_tls_socket_connect(&socket, &address_object), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_connect_host, null_socket)
{
    char host_object[64];

    memset(&host_object, 0, sizeof host_object);
    cr_expect_eq(nsapi_tls_socket_connect_host(NULL, host_object, 0), NSAPI_ERROR_PARAMETER);
}

/* host is NULL */
Test(nsapi_tls_socket_connect_host, null_host)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_connect_host(&socket, NULL, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_connect_host, not_open)
{
    nsapi_tls_socket_t socket;
    char host_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&host_object, 0, sizeof host_object);
    cr_expect_eq(nsapi_tls_socket_connect_host(&socket, host_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_send, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_send(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);
}

/* data is NULL and size is not 0 */
Test(nsapi_tls_socket_send, null_data_with_size)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_send(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_send, not_open)
{
    nsapi_tls_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_send(&socket, data_object, 0), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_recv, null_socket)
{
    unsigned char data_object[64];

    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_recv(NULL, data_object, 1), NSAPI_ERROR_PARAMETER);
}

/* data is NULL */
Test(nsapi_tls_socket_recv, null_data)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_recv(&socket, NULL, 1), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* size is below 1 */
Test(nsapi_tls_socket_recv, size_below_min)
{
    nsapi_tls_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_recv(&socket, data_object, 0), NSAPI_ERROR_PARAMETER);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_recv, not_open)
{
    nsapi_tls_socket_t socket;
    unsigned char data_object[64];

    memset(&socket, 0, sizeof socket);
    memset(&data_object, 0, sizeof data_object);
    cr_expect_eq(nsapi_tls_socket_recv(&socket, data_object, 1), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_close, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_close(NULL), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is not open */
Test(nsapi_tls_socket_close, not_open)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_close(&socket), NSAPI_ERROR_NO_SOCKET);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_blocking, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_set_blocking(NULL, false), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_set_timeout, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_set_timeout(NULL, 0), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_sigio, null_socket)
{
    unsigned char arg_object[64];

    memset(&arg_object, 0, sizeof arg_object);
    cr_expect_eq(nsapi_tls_socket_sigio(NULL, NULL, arg_object), NSAPI_ERROR_PARAMETER);
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_get_tls_error, null_socket)
{
    char text_object[64];

    memset(&text_object, 0, sizeof text_object);
    cr_expect_eq(nsapi_tls_socket_get_tls_error(NULL, text_object, 0), 0);
}

/* text is NULL and size is not 0 */
Test(nsapi_tls_socket_get_tls_error, null_text_with_size)
{
    nsapi_tls_socket_t socket;

    memset(&socket, 0, sizeof socket);
    cr_expect_eq(nsapi_tls_socket_get_tls_error(&socket, NULL, 1), 0);
    cr_expect(is_zero(&socket, sizeof socket), "socket was changed");
}

/* the TLSSocket is NULL */
Test(nsapi_tls_socket_get_ssl_config, null_socket)
{
    cr_expect_eq(nsapi_tls_socket_get_ssl_config(NULL), NULL);
}
