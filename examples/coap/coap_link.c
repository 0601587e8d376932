/*
 * A CoAP client's link to its server: a connected UDPSocket, and over it a
 * DTLSSocket for coaps://.  The handshake has HANDSHAKE_MS in all;
 * mbedTLS retransmits its flights meanwhile.
 */
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "coap_link.h"

#define HANDSHAKE_MS 30000
#define PEM_MAX 16384

/* A whole file into buf (PEM_MAX bytes); its size, or 0. */
static size_t load(const char *path, unsigned char *buf)
{
    FILE *f = fopen(path, "rb");
    size_t n;

    if (f == NULL) {
        return 0;
    }
    n = fread(buf, 1, PEM_MAX, f);
    fclose(f);
    return n < PEM_MAX ? n : 0;
}

static nsapi_error_t own_cert(nsapi_dtls_socket_t *dtls, const struct coap_security *s)
{
    static unsigned char cert[PEM_MAX], key[PEM_MAX];
    size_t cert_size = load(s->cert, cert), key_size = load(s->key, key);

    if (cert_size == 0 || key_size == 0) {
        fprintf(stderr, "cannot read %s or %s\n", s->cert, s->key);
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_dtls_socket_set_cert_key(dtls, cert, (nsapi_size_t)cert_size, key, (nsapi_size_t)key_size);
}

/* The DTLSSocket's credentials: a PSK, or the authorities, the name to check and maybe a certificate. */
static nsapi_error_t credentials(nsapi_dtls_socket_t *dtls, const struct coap_security *s, const char *host)
{
    nsapi_error_t err;

    if (s->psk_identity != NULL) {
        return nsapi_dtls_socket_set_psk(dtls, s->psk_identity, s->psk, (nsapi_size_t)strlen(s->psk));
    }
    err = nsapi_dtls_socket_set_root_ca_path(dtls, s->cacert);
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "no certificate authority in %s\n", s->cacert);
        return err;
    }
    err = nsapi_dtls_socket_set_hostname(dtls, host); /* an address is no name: connect says PARAMETER */
    if (err == NSAPI_ERROR_OK && s->cert != NULL) {
        err = own_cert(dtls, s);
    }
    return err;
}

static int handshake(struct coap_link *link, const nsapi_socket_address_t *server, const struct coap_security *s,
                     const char *host)
{
    nsapi_dtls_socket_t *dtls = &link->dtls;
    nsapi_error_t err = nsapi_dtls_socket_wrap(dtls, &link->udp);
    char why[256];

    if (err == NSAPI_ERROR_OK) {
        err = credentials(dtls, s, host);
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_dtls_socket_set_timeout(dtls, HANDSHAKE_MS);
        err = nsapi_dtls_socket_connect(dtls, server);
    }
    if (err != NSAPI_ERROR_OK) {
        if (nsapi_dtls_socket_get_tls_error(dtls, why, sizeof why) != 0) {
            fprintf(stderr, "DTLS: %s\n", why);
        }
        nsapi_dtls_socket_close(dtls);
        return example_fail("DTLS handshake", err);
    }
    link->secure = 1;
    printf("DTLS: %s, %s, %s\n", mbedtls_ssl_get_version(&dtls->dtls.tls.ssl),
           mbedtls_ssl_get_ciphersuite(&dtls->dtls.tls.ssl),
           s->psk_identity != NULL ? "pre-shared key" : "server certificate verified");
    return 0;
}

int coap_link_open(struct coap_link *link, nsapi_stack_t *stack, const nsapi_socket_address_t *server,
                   const struct coap_security *security, const char *host)
{
    nsapi_error_t err;

    memset(link, 0, sizeof *link);
    err = nsapi_udp_socket_open(&link->udp, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    err = nsapi_udp_socket_connect(&link->udp, server); /* the server's datagrams only */
    if (err != NSAPI_ERROR_OK) {
        nsapi_udp_socket_close(&link->udp);
        return example_fail("connect", err);
    }
    if (security != NULL && handshake(link, server, security, host) != 0) {
        nsapi_udp_socket_close(&link->udp);
        return 1;
    }
    return 0;
}

nsapi_size_or_error_t coap_link_send(struct coap_link *link, const void *data, size_t size)
{
    if (link->secure) {
        return nsapi_dtls_socket_send(&link->dtls, data, (nsapi_size_t)size);
    }
    return nsapi_udp_socket_send(&link->udp, data, (nsapi_size_t)size);
}

nsapi_size_or_error_t coap_link_recv(struct coap_link *link, void *data, size_t size, int timeout_ms)
{
    if (link->secure) {
        nsapi_size_or_error_t n;

        nsapi_dtls_socket_set_timeout(&link->dtls, timeout_ms);
        n = nsapi_dtls_socket_recv(&link->dtls, data, (nsapi_size_t)size);
        return n == 0 ? NSAPI_ERROR_CONNECTION_LOST : n; /* the server's close_notify: no more answers */
    }
    nsapi_udp_socket_set_timeout(&link->udp, timeout_ms);
    return nsapi_udp_socket_recv(&link->udp, data, (nsapi_size_t)size);
}

void coap_link_close(struct coap_link *link)
{
    if (link->secure) {
        nsapi_dtls_socket_close(&link->dtls);
    }
    nsapi_udp_socket_close(&link->udp);
}
