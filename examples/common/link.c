#include <stdio.h>

#include "clock.h"
#include "link.h"
#include "net_io.h"

/* The TLS socket's timeout: the time left until deadline; 0 when none is left. */
static int tls_time_left(struct example_link *link, long long deadline)
{
    long long left = deadline - example_now_ms();

    if (deadline == EXAMPLE_FOREVER) {
        return 1;
    }
    if (left <= 0) {
        return 0;
    }
    nsapi_tls_socket_set_timeout(&link->tls, left < 0x7fffffff ? (int)left : 0x7fffffff);
    return 1;
}

nsapi_error_t example_link_secure(struct example_link *link, const char *cacert, const char *host,
                                  long long deadline)
{
    nsapi_socket_address_t literal = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err = nsapi_tls_socket_wrap(&link->tls, &link->tcp);
    char why[256];

    if (err == NSAPI_ERROR_OK && (err = nsapi_tls_socket_set_root_ca_path(&link->tls, cacert)) != NSAPI_ERROR_OK) {
        fprintf(stderr, "no certificate authority in %s\n", cacert);
    }
    if (err == NSAPI_ERROR_OK && nsapi_socket_address_set_ip_address(&literal, host) != NSAPI_ERROR_OK) {
        err = nsapi_tls_socket_set_hostname(&link->tls, host); /* for an address, none: connect says PARAMETER */
    }
    if (err == NSAPI_ERROR_OK) {
        err = tls_time_left(link, deadline) ? nsapi_tls_socket_connect(&link->tls, NULL) : NSAPI_ERROR_WOULD_BLOCK;
    }
    if (err == NSAPI_ERROR_OK) {
        link->secure = 1;
        printf("TLS: %s, %s, certificate of %s verified\n", mbedtls_ssl_get_version(&link->tls.tls.ssl),
               mbedtls_ssl_get_ciphersuite(&link->tls.tls.ssl), host);
        return err;
    }
    if (nsapi_tls_socket_get_tls_error(&link->tls, why, sizeof why) != 0) {
        fprintf(stderr, "TLS: %s\n", why);
    }
    nsapi_tls_socket_close(&link->tls); /* the wrapped TCP socket stays open: the caller's */
    return err;
}

nsapi_error_t example_link_send_all(struct example_link *link, const void *data, size_t size, long long deadline)
{
    const unsigned char *p = data;
    size_t done = 0;
    nsapi_size_or_error_t n = NSAPI_ERROR_OK;

    if (!link->secure) {
        return example_send_all(&link->tcp, data, size, deadline, NULL, NULL);
    }
    while (done < size) {
        if (!tls_time_left(link, deadline)) {
            return NSAPI_ERROR_WOULD_BLOCK;
        }
        n = nsapi_tls_socket_send(&link->tls, p + done, (nsapi_size_t)(size - done));
        if (n == NSAPI_ERROR_WOULD_BLOCK && deadline != EXAMPLE_FOREVER) {
            continue; /* the next turn looks at the deadline */
        }
        if (n <= 0) {
            return n == 0 ? NSAPI_ERROR_NO_CONNECTION : n;
        }
        done += (size_t)n;
    }
    return NSAPI_ERROR_OK;
}

nsapi_size_or_error_t example_link_recv_by(struct example_link *link, void *data, size_t size, long long deadline)
{
    if (!link->secure) {
        return example_recv_by(&link->tcp, data, size, deadline);
    }
    if (!tls_time_left(link, deadline)) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    return nsapi_tls_socket_recv(&link->tls, data, (nsapi_size_t)size);
}

nsapi_error_t example_link_recv_exact(struct example_link *link, void *data, size_t size, long long deadline,
                                      size_t *received)
{
    unsigned char *p = data;
    nsapi_size_or_error_t n;

    if (!link->secure) {
        return example_recv_exact(&link->tcp, data, size, deadline, received);
    }
    for (*received = 0; *received < size; *received += (size_t)n) {
        n = example_link_recv_by(link, p + *received, size - *received, deadline);
        if (n == NSAPI_ERROR_WOULD_BLOCK && deadline != EXAMPLE_FOREVER && example_now_ms() < deadline) {
            n = 0; /* woken early */
            continue;
        }
        if (n <= 0) {
            return n; /* 0, close_notify, is NSAPI_ERROR_OK with fewer bytes */
        }
    }
    return NSAPI_ERROR_OK;
}

void example_link_close(struct example_link *link)
{
    if (link->secure) {
        nsapi_tls_socket_close(&link->tls);
        link->secure = 0;
    }
    nsapi_tcp_socket_close(&link->tcp);
}
