/*
 * The datagrams of a CoAP exchange with one server: plain UDP (coap://) or
 * DTLS (coaps://, RFC 7252 9.1) with a pre-shared key or certificates.
 */
#ifndef EXAMPLE_COAP_LINK_H
#define EXAMPLE_COAP_LINK_H

#include "nsapi/dtls_socket.h"
#include "nsapi/nsapi.h"

/* How a coaps:// link authenticates: psk_identity and psk, or cacert (with cert and key when the server asks). */
struct coap_security {
    const char *psk_identity; /* NULL for certificates */
    const char *psk;          /* the key's bytes, as libcoap's -k takes them */
    const char *cacert;       /* a PEM file or a directory of them */
    const char *cert, *key;   /* this client's certificate and key files, or NULL */
};

struct coap_link {
    nsapi_udp_socket_t udp;
    nsapi_dtls_socket_t dtls;
    int secure;               /* 1 over DTLS */
};

/*
 * Open the link to server: a connected UDP socket, and for security (not
 * NULL) the DTLS handshake, checking host's name in the server's
 * certificate unless a PSK is used.  0, or 1 with the reason on stderr.
 */
int coap_link_open(struct coap_link *link, nsapi_stack_t *stack, const nsapi_socket_address_t *server,
                   const struct coap_security *security, const char *host);

/* One datagram (a record over DTLS); the count sent, or an nsapi error. */
nsapi_size_or_error_t coap_link_send(struct coap_link *link, const void *data, size_t size);

/* The next datagram, waiting at most timeout_ms; its size, NSAPI_ERROR_WOULD_BLOCK, or an nsapi error
 * (NSAPI_ERROR_CONNECTION_LOST once the server sent close_notify). */
nsapi_size_or_error_t coap_link_recv(struct coap_link *link, void *data, size_t size, int timeout_ms);

/* Close the link (close_notify over DTLS). */
void coap_link_close(struct coap_link *link);

#endif
