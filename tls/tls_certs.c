/*
 * Certificates and keys: the trusted authorities (from memory, a file or a
 * directory) and the certificate and key shown to a peer.  mbedTLS reads
 * PEM only from a buffer whose length counts a terminating NUL; callers
 * often pass strlen(), so a PEM buffer without one is copied with it.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "impl.h"
#include "tls_internal.h"

static bool looks_pem(const unsigned char *data, size_t size)
{
    static const char mark[] = "-----BEGIN ";
    size_t i;

    for (i = 0; i + sizeof mark - 1 <= size; i++) {
        if (memcmp(data + i, mark, sizeof mark - 1) == 0) {
            return true;
        }
    }
    return false;
}

/* data as mbedTLS wants it: *copy is set (free it) when a NUL had to be added. */
static const unsigned char *terminated(const void *data, size_t *size, unsigned char **copy)
{
    const unsigned char *bytes = data;

    *copy = NULL;
    if (bytes[*size - 1] == '\0' || !looks_pem(bytes, *size)) {
        return bytes;
    }
    *copy = malloc(*size + 1);
    if (*copy != NULL) {
        memcpy(*copy, bytes, *size);
        (*copy)[(*size)++] = '\0';
    }
    return *copy;
}

static int count(const mbedtls_x509_crt *chain)
{
    int n = 0;

    for (; chain != NULL && chain->raw.len != 0; chain = chain->next) {
        n++;
    }
    return n;
}

static nsapi_error_t parse_certs(mbedtls_x509_crt *chain, const void *data, size_t size)
{
    unsigned char *copy;
    const unsigned char *buf = terminated(data, &size, &copy);
    int before = count(chain);
    int r;

    if (buf == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    r = mbedtls_x509_crt_parse(chain, buf, size);
    free(copy);
    if (r == MBEDTLS_ERR_X509_ALLOC_FAILED) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    return count(chain) > before ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;
}

nsapi_error_t nsapi_tls_add_ca(nsapi_tls_context_t *tls, const void *data, nsapi_size_t size)
{
    return parse_certs(&tls->ca, data, size);
}

nsapi_error_t nsapi_tls_add_ca_path(nsapi_tls_context_t *tls, const char *path)
{
    struct stat st;
    int before;

    if (stat(path, &st) != 0) {
        return NSAPI_ERROR_PARAMETER;
    }
    before = count(&tls->ca);
    if (S_ISDIR(st.st_mode)) {
        mbedtls_x509_crt_parse_path(&tls->ca, path);  /* a store holds files that are not certificates */
    } else {
        mbedtls_x509_crt_parse_file(&tls->ca, path);
    }
    return count(&tls->ca) > before ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;
}

nsapi_error_t nsapi_impl_tls_socket_set_root_ca_cert(nsapi_tls_socket_t *socket, const void *data, nsapi_size_t size)
{
    return socket->transport == NULL ? NSAPI_ERROR_NO_SOCKET : nsapi_tls_add_ca(&socket->tls, data, size);
}

nsapi_error_t nsapi_impl_tls_socket_set_root_ca_path(nsapi_tls_socket_t *socket, const char *path)
{
    return socket->transport == NULL ? NSAPI_ERROR_NO_SOCKET : nsapi_tls_add_ca_path(&socket->tls, path);
}

static nsapi_error_t parse_key(mbedtls_pk_context *key, const void *data, size_t size)
{
    unsigned char *copy;
    const unsigned char *buf = terminated(data, &size, &copy);
    int r;

    if (buf == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    r = mbedtls_pk_parse_key(key, buf, size, NULL, 0);
    free(copy);
    return r == 0 ? NSAPI_ERROR_OK : r == MBEDTLS_ERR_PK_ALLOC_FAILED ? NSAPI_ERROR_NO_MEMORY : NSAPI_ERROR_PARAMETER;
}

/* The certificate and key this end shows: a server's, or a client's when asked. */
nsapi_error_t nsapi_tls_own_cert_key(nsapi_tls_context_t *tls, const void *cert, nsapi_size_t cert_size,
                                     const void *key, nsapi_size_t key_size)
{
    nsapi_error_t r;

    if (tls->own_cert_set || tls->state != NSAPI_TLS_IDLE) {
        return NSAPI_ERROR_PARAMETER;
    }
    r = parse_certs(&tls->own_cert, cert, cert_size);
    if (r == NSAPI_ERROR_OK) {
        r = parse_key(&tls->own_key, key, key_size);
    }
    if (r == NSAPI_ERROR_OK && mbedtls_pk_check_pair(&tls->own_cert.pk, &tls->own_key) != 0) {
        r = NSAPI_ERROR_PARAMETER;
    }
    if (r == NSAPI_ERROR_OK && mbedtls_ssl_conf_own_cert(&tls->conf, &tls->own_cert, &tls->own_key) != 0) {
        r = NSAPI_ERROR_NO_MEMORY;
    }
    if (r != NSAPI_ERROR_OK) {  /* as before the call */
        mbedtls_x509_crt_free(&tls->own_cert);
        mbedtls_pk_free(&tls->own_key);
        mbedtls_x509_crt_init(&tls->own_cert);
        mbedtls_pk_init(&tls->own_key);
        return r;
    }
    tls->own_cert_set = 1;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_tls_socket_set_client_cert_key(nsapi_tls_socket_t *socket, const void *cert,
                                                        nsapi_size_t cert_size, const void *key, nsapi_size_t key_size)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return nsapi_tls_own_cert_key(&socket->tls, cert, cert_size, key, key_size);
}

nsapi_error_t nsapi_impl_tls_socket_set_cert_key(nsapi_tls_socket_t *socket, const void *cert, nsapi_size_t cert_size,
                                                 const void *key, nsapi_size_t key_size)
{
    if (socket->transport == NULL) {
        return NSAPI_ERROR_NO_SOCKET;
    }
    return nsapi_tls_own_cert_key(&socket->tls, cert, cert_size, key, key_size);
}
