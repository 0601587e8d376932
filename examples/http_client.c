/*
 * An HTTP client: fetch a page over HTTP/1.1, or HTTPS.
 * Resolve the host, connect (for https://, then a TLSSocket over the TCP
 * socket checks the server's certificate and name), send a GET, read the
 * status line and the headers, then the whole body, whether its length is
 * given (Content-Length), sent in chunks (Transfer-Encoding: chunked) or
 * ended by the server's close.
 *
 * usage: http_client [--interface SPEC] [INTERFACE OPTIONS] [--cacert FILE] URL [-o FILE]
 *        URL is http[s]://HOST[:PORT][/PATH]; HOST a name or an address ([v6] in brackets).
 *        --cacert: the authorities an https server's certificate must chain to, a PEM file or a
 *        directory (default /etc/ssl/certs, the system store).  --help lists every option and its default.
 * Prints each step; exits 0 once the whole response was read, 1 on any error, 2 on bad usage.
 * A response must be complete within a minute; at most 100 header or trailer lines are read
 * (common/http_response.c reads it).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/http_response.h"
#include "common/net_io.h"
#include "common/url.h"
#include "common/usage.h"
#include "examples.h"
#include "nsapi/tls_socket.h"

#define TIMEOUT_MS 20000   /* for each send and receive: beyond a lossy link's stalls (ping_pong.h) */
#define DEADLINE_MS 60000  /* for the whole response */

struct url {
    int secure; /* https:// */
    char host[NSAPI_DNS_NAME_SIZE];
    char authority[NSAPI_DNS_NAME_SIZE + 8]; /* the Host header: [v6] in brackets, :port unless 80 */
    unsigned port;
    const char *path;
};

static const char *cacert = "/etc/ssl/certs";

/* The connection a response is read from: TCP, or TLS over it, and the deadline of the whole response. */
struct connection {
    nsapi_tcp_socket_t *socket;
    nsapi_tls_socket_t *tls; /* NULL for http:// */
    long long deadline;
};

static int parse_url(const char *text, struct url *url)
{
    const char *rest = example_after_prefix(text, "https://"), *end;
    unsigned standard;

    url->secure = rest != NULL;
    standard = url->secure ? 443 : 80;
    if ((!url->secure && (rest = example_after_prefix(text, "http://")) == NULL)
        || (end = example_authority(rest, url->host, sizeof url->host, &url->port, standard)) == NULL
        || (*end != '\0' && *end != '/')) {
        return -1;
    }
    url->path = *end == '/' ? end : "/";
    example_host_header(url->authority, sizeof url->authority, url->host, url->port, standard);
    return 0;
}

/* The response's source (example_http_source): one receive, unless the deadline has passed. */
static nsapi_size_or_error_t receive(void *source, unsigned char *buf, size_t size)
{
    struct connection *c = source;

    if (example_now_ms() >= c->deadline) {
        return NSAPI_ERROR_TIMEOUT; /* a server that trickles does not keep us forever */
    }
    return c->tls != NULL ? nsapi_tls_socket_recv(c->tls, buf, (nsapi_size_t)size)
                          : nsapi_tcp_socket_recv(c->socket, buf, (nsapi_size_t)size);
}

/* What made the response unreadable, on stderr: 1. */
static int unreadable(const struct example_http_reader *r)
{
    fprintf(stderr, "%s\n", r->why);
    if (r->error < 0) {
        example_fail_after("recv", r->error, TIMEOUT_MS);
    }
    return 1;
}

/* TLS over the connected socket: the server's certificate must chain to cacert and name the URL's host. */
static nsapi_error_t secure(nsapi_tls_socket_t *tls, nsapi_tcp_socket_t *socket, const char *host)
{
    nsapi_socket_address_t literal = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err = nsapi_tls_socket_wrap(tls, socket);

    if (err == NSAPI_ERROR_OK && (err = nsapi_tls_socket_set_root_ca_path(tls, cacert)) != NSAPI_ERROR_OK) {
        fprintf(stderr, "no certificate authority in %s\n", cacert);
    }
    if (err == NSAPI_ERROR_OK && nsapi_socket_address_set_ip_address(&literal, host) != NSAPI_ERROR_OK) {
        err = nsapi_tls_socket_set_hostname(tls, host); /* for an address, none: connect says PARAMETER */
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_tls_socket_set_timeout(tls, TIMEOUT_MS);
        err = nsapi_tls_socket_connect(tls, NULL);
    }
    if (err != NSAPI_ERROR_OK) {
        char why[256];

        if (nsapi_tls_socket_get_tls_error(tls, why, sizeof why) != 0) {
            fprintf(stderr, "TLS: %s\n", why);
        }
        nsapi_tls_socket_close(tls);
    }
    return err;
}

/* The whole request, through TLS or straight to TCP. */
static nsapi_error_t send_request(struct connection *r, const char *request, size_t size)
{
    while (r->tls != NULL && size > 0) {
        nsapi_size_or_error_t n = nsapi_tls_socket_send(r->tls, request, (nsapi_size_t)size);

        if (n < 0) {
            return n;
        }
        request += n;
        size -= (size_t)n;
    }
    return r->tls != NULL ? NSAPI_ERROR_OK : example_send_all(r->socket, request, size, EXAMPLE_FOREVER, NULL, NULL);
}

static void hang_up(struct connection *r)
{
    if (r->tls != NULL) {
        nsapi_tls_socket_close(r->tls);
    }
    nsapi_tcp_socket_close(r->socket);
}

static int fetch(nsapi_stack_t *stack, const struct url *url, FILE *out)
{
    static struct example_http_reader reader;
    struct connection c = {NULL, NULL, 0};
    static nsapi_tls_socket_t tls;
    nsapi_tcp_socket_t socket = {0};
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    char line[EXAMPLE_HTTP_LINE_MAX], text[NSAPI_IP_SIZE], request[1024];
    const char *how;
    long long length, body;
    int status, headers, chunked, n;
    nsapi_error_t err;

    printf("resolving %s\n", url->host);
    if (example_resolve(stack, url->host, url->port, &peer) != 0) {
        return 1;
    }
    nsapi_socket_address_get_ip_address(&peer, text, sizeof text);
    printf("connecting to %s port %u\n", text, url->port);
    err = nsapi_tcp_socket_open(&socket, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    nsapi_tcp_socket_set_timeout(&socket, TIMEOUT_MS);
    err = nsapi_tcp_socket_connect(&socket, &peer);
    if (err == NSAPI_ERROR_OK && url->secure && (err = secure(&tls, &socket, url->host)) == NSAPI_ERROR_OK) {
        printf("TLS: %s, %s, certificate of %s verified\n", mbedtls_ssl_get_version(&tls.tls.ssl),
               mbedtls_ssl_get_ciphersuite(&tls.tls.ssl), url->host);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&socket);
        return example_fail_after(url->secure ? "connect (TCP, then TLS)" : "connect", err, TIMEOUT_MS);
    }
    c.socket = &socket;
    c.tls = url->secure ? &tls : NULL;
    memset(&reader, 0, sizeof reader);
    reader.fill = receive;
    reader.source = &c;
    n = snprintf(request, sizeof request,
                 "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: nsapi-http-client\r\nConnection: close\r\n\r\n",
                 url->path, url->authority);
    if (n < 0 || (size_t)n >= sizeof request) {
        hang_up(&c);
        fprintf(stderr, "the request does not fit %zu bytes\n", sizeof request);
        return 1;
    }
    err = send_request(&c, request, (size_t)n);
    if (err != NSAPI_ERROR_OK) {
        hang_up(&c);
        return example_fail_after("send", err, TIMEOUT_MS);
    }
    printf("sent GET %s\n", url->path);
    c.deadline = example_now_ms() + DEADLINE_MS;
    do { /* 1xx answers are interim: the final one follows */
        if (example_http_read_line(&reader, line, sizeof line) < 0) {
            hang_up(&c);
            return unreadable(&reader);
        }
        status = example_http_status(line);
        if (status < 0) {
            fprintf(stderr, "not an HTTP/1.x status line: \"%.60s\"\n", line);
            hang_up(&c);
            return 1;
        }
        printf("status: %s\n", line + 9);
        length = -1;
        chunked = 0;
        how = "until close";
        headers = example_http_read_headers(&reader, &length, &chunked, &how);
        if (headers < 0) {
            hang_up(&c);
            return unreadable(&reader);
        }
    } while (status < 200);
    printf("headers: %d\n", headers);
    if (status == 204 || status == 304) {
        body = 0; /* no body, whatever the headers say */
        how = "none";
    } else {
        body = chunked ? example_http_read_chunked(&reader, out) : example_http_read_body(&reader, length, out);
    }
    hang_up(&c);
    if (body < 0) {
        return unreadable(&reader);
    }
    printf("body: %lld bytes (%s)\n", body, how);
    return 0;
}

int http_client_get(nsapi_stack_t *stack, const char *text, FILE *out)
{
    struct url url;

    if (parse_url(text, &url) != 0) {
        fprintf(stderr, "not an http[s]://HOST[:PORT][/PATH] URL: %s\n", text);
        return 2;
    }
    return fetch(stack, &url, out);
}

#ifndef EXAMPLE_NO_MAIN
static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--cacert FILE] http[s]://HOST[:PORT][/PATH] [-o FILE]",
                         "  --cacert FILE          the authorities an https server's certificate must chain to:\n"
                         "                         a PEM file or a directory (default /etc/ssl/certs, the system store)\n"
                         "  http[s]://HOST[:PORT][/PATH]\n"
                         "                         the page to GET: HOST a name or an address ([v6] in brackets),\n"
                         "                         PORT 80 (https: 443) unless given, PATH / unless given\n"
                         "  -o FILE                save the body in FILE (default: the body is counted, not saved)\n",
                         help);
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    struct url url;
    FILE *out = NULL;
    int rc;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    if (argc >= 3 && strcmp(argv[1], "--cacert") == 0) {
        cacert = argv[2];
        argv[2] = argv[0];
        argv += 2;
        argc -= 2;
    }
    if ((argc != 2 && !(argc == 4 && strcmp(argv[2], "-o") == 0)) || parse_url(argv[1], &url) != 0) {
        example_network_down();
        return usage(argv[0], 0);
    }
    if (argc == 4 && (out = fopen(argv[3], "wb")) == NULL) {
        fprintf(stderr, "%s: %s\n", argv[3], strerror(errno));
        example_network_down();
        return 1;
    }
    rc = fetch(stack, &url, out);
    if (out != NULL && fclose(out) != 0 && rc == 0) {
        fprintf(stderr, "%s: %s\n", argv[3], strerror(errno));
        rc = 1;
    }
    example_network_down();
    return rc;
}
#endif
