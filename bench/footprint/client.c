/*
 * What a firmware's network client calls, for the linked footprint (bench/run.py): bring the interface up,
 * resolve a name, connect, send, receive, close, and say how it went.  Linked with --gc-sections against
 * the runtime and generated code, it measures what such a firmware pays, not what the library holds.
 */
#include "nsapi/nsapi.h"

const char *nsapi_footprint_client(nsapi_interface_t *net, nsapi_tcp_socket_t *socket, char *buffer);

const char *nsapi_footprint_client(nsapi_interface_t *net, nsapi_tcp_socket_t *socket, char *buffer)
{
    nsapi_socket_address_t server = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_size_or_error_t err = nsapi_interface_connect(net);

    if (err == NSAPI_ERROR_OK) {
        err = nsapi_interface_gethostbyname(net, "example.com", &server, NSAPI_UNSPEC);
    }
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_socket_open(socket, nsapi_interface_get_stack(net));
    }
    nsapi_socket_address_set_port(&server, 80);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_socket_connect(socket, &server);
    }
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_socket_send(socket, "GET / HTTP/1.0\r\n\r\n", 18);
    }
    if (err >= 0) {
        err = nsapi_tcp_socket_recv(socket, buffer, 512);
    }
    nsapi_socket_close(&socket->base);
    return nsapi_strerror(err < 0 ? err : NSAPI_ERROR_OK);
}
