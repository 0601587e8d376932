/*
 * Built against an installed nsapi with nothing but `pkg-config --cflags --libs nsapi-tls nsapi-posix`:
 * the TLS module must bring libnsapi_tls and mbedTLS.  Opens a TLSSocket (its TCP socket, a seeded
 * random generator, mbedTLS's buffers), trusts the system store, and closes it.
 */
#include <stdio.h>

#include <nsapi/nsapi.h>
#include <nsapi/posix.h>
#include <nsapi/tls_socket.h>

int main(void)
{
    static nsapi_stack_t stack;
    static nsapi_tls_socket_t tls;
    nsapi_error_t err = nsapi_posix_init(&stack);

    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tls_socket_open(&tls, &stack);
    }
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tls_socket_set_root_ca_path(&tls, "/etc/ssl/certs");
        nsapi_tls_socket_close(&tls);
    }
    nsapi_posix_deinit(&stack);
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "tls: %s\n", nsapi_strerror(err));
        return 1;
    }
    printf("tls: open, the system store, close\n");
    return 0;
}
