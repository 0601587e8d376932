/*
 * A client's connection: a TCPSocket, or a TLSSocket over it (mqtts://,
 * wss://), with net_io.h's whole sends and receives by a deadline either
 * way, so that a protocol's loop does not care which.
 */
#ifndef EXAMPLE_LINK_H
#define EXAMPLE_LINK_H

#include <stddef.h>

#include "nsapi/nsapi.h"
#include "nsapi/tls_socket.h"

struct example_link {
    nsapi_tcp_socket_t tcp; /* open and connect it yourself */
    nsapi_tls_socket_t tls; /* over tcp once example_link_secure() succeeded */
    int secure;
};

/*
 * TLS over link's connected TCP socket: the server's certificate must chain
 * to cacert (a PEM file or a directory such as /etc/ssl/certs) and name host
 * (a host given as an address names nothing: refused).  Prints the session
 * or why it failed (the mbedTLS reason too).  Returns NSAPI_ERROR_OK;
 * NSAPI_ERROR_PARAMETER (no authority in cacert, host an address);
 * NSAPI_ERROR_AUTH_FAILURE (the certificate); NSAPI_ERROR_WOULD_BLOCK (no
 * handshake by deadline); or another of connect's errors.  On an error
 * TCP stays open, for example_link_close().
 */
nsapi_error_t example_link_secure(struct example_link *link, const char *cacert, const char *host,
                                  long long deadline);

/* As example_send_all() (no stop function), through TLS when secure. */
nsapi_error_t example_link_send_all(struct example_link *link, const void *data, size_t size, long long deadline);

/* As example_recv_by(); 0 is then the server's close_notify (a TCP close without it is an error). */
nsapi_size_or_error_t example_link_recv_by(struct example_link *link, void *data, size_t size, long long deadline);

/* As example_recv_exact(). */
nsapi_error_t example_link_recv_exact(struct example_link *link, void *data, size_t size, long long deadline,
                                      size_t *received);

/* Close TLS (close_notify if it can go at once) and TCP. */
void example_link_close(struct example_link *link);

#endif
