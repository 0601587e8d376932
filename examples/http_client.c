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
 * A response must be complete within a minute; at most 100 header or trailer lines are read.
 */
#define _DEFAULT_SOURCE /* strcasecmp */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/http_header.h"
#include "common/net_io.h"
#include "common/url.h"
#include "common/usage.h"
#include "examples.h"
#include "nsapi/tls_socket.h"

#define TIMEOUT_MS 10000   /* for each send and receive */
#define DEADLINE_MS 60000  /* for the whole response */
#define LINE_MAX_BYTES 8192
#define LINES_MAX 100      /* header lines, and trailer lines */

struct url {
    int secure; /* https:// */
    char host[NSAPI_DNS_NAME_SIZE];
    char authority[NSAPI_DNS_NAME_SIZE + 8]; /* the Host header: [v6] in brackets, :port unless 80 */
    unsigned port;
    const char *path;
};

static const char *cacert = "/etc/ssl/certs";

/* Buffered reading from a TCPSocket, or the TLSSocket over it: lines and counted bytes, all before a deadline. */
struct reader {
    nsapi_tcp_socket_t *socket;
    nsapi_tls_socket_t *tls; /* NULL for http:// */
    long long deadline;
    unsigned char buf[4096];
    size_t start, end;
};

static int parse_url(const char *text, struct url *url)
{
    const char *end;
    unsigned standard;

    url->secure = strncmp(text, "https://", 8) == 0;
    standard = url->secure ? 443 : 80;
    text += url->secure ? 8 : 7;
    if ((!url->secure && strncmp(text - 7, "http://", 7) != 0)
        || (end = example_authority(text, url->host, sizeof url->host, &url->port, standard)) == NULL
        || (*end != '\0' && *end != '/')) {
        return -1;
    }
    url->path = *end == '/' ? end : "/";
    example_host_header(url->authority, sizeof url->authority, url->host, url->port, standard);
    return 0;
}

/* More bytes into the reader's buffer: > 0, 0 at the server's close, or an error. */
static nsapi_size_or_error_t fill(struct reader *r)
{
    nsapi_size_or_error_t n;

    if (r->start == r->end) {
        r->start = r->end = 0;
    } else if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end == sizeof r->buf) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (example_now_ms() >= r->deadline) {
        return NSAPI_ERROR_TIMEOUT; /* a server that trickles does not keep us forever */
    }
    n = r->tls != NULL ? nsapi_tls_socket_recv(r->tls, r->buf + r->end, (nsapi_size_t)(sizeof r->buf - r->end))
                       : nsapi_tcp_socket_recv(r->socket, r->buf + r->end, (nsapi_size_t)(sizeof r->buf - r->end));
    if (n > 0) {
        r->end += (size_t)n;
    }
    return n;
}

/* One line without its CRLF into line (NUL-terminated); its length, or -1 with a message. */
static long read_line(struct reader *r, char *line, size_t max)
{
    size_t used = 0;

    for (;;) {
        unsigned char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
        size_t take = nl != NULL ? (size_t)(nl - (r->buf + r->start)) + 1 : r->end - r->start;
        nsapi_size_or_error_t n;

        if (used + take >= max) {
            fprintf(stderr, "a header line longer than %zu bytes\n", max - 1);
            return -1;
        }
        memcpy(line + used, r->buf + r->start, take);
        used += take;
        r->start += take;
        if (nl != NULL) {
            used -= 1 + (used >= 2 && line[used - 2] == '\r');
            line[used] = '\0';
            return (long)used;
        }
        n = fill(r);
        if (n <= 0) {
            fprintf(stderr, "the response ended inside a line\n");
            if (n < 0) {
                example_fail("recv", n);
            }
            return -1;
        }
    }
}

/* Copy count bytes of body (or everything until the close when count is -1) to out; the number copied, or -1. */
static long long read_body(struct reader *r, long long count, FILE *out)
{
    long long copied = 0;

    while (count < 0 || copied < count) {
        size_t have = r->end - r->start, take;
        nsapi_size_or_error_t n;

        if (have == 0) {
            n = fill(r);
            if (n == 0 && count < 0) {
                return copied; /* the server's close ends a body of unstated length */
            }
            if (n <= 0) {
                fprintf(stderr, "the body ended after %lld of %lld bytes\n", copied, count);
                if (n < 0) {
                    example_fail("recv", n);
                }
                return -1;
            }
            continue;
        }
        take = count < 0 || (long long)have < count - copied ? have : (size_t)(count - copied);
        if (out != NULL && fwrite(r->buf + r->start, 1, take, out) != take) {
            fprintf(stderr, "writing the body: %s\n", strerror(errno));
            return -1;
        }
        r->start += take;
        copied += (long long)take;
    }
    return copied;
}

/* A chunked body: chunks of hex size, then trailers; the body's size, or -1. */
static long long read_chunked(struct reader *r, FILE *out)
{
    char line[LINE_MAX_BYTES];
    long long total = 0;

    long length;
    int lines = 0;

    for (;;) {
        char *end;
        unsigned long long size;
        size_t digits;

        if (read_line(r, line, sizeof line) < 0) {
            return -1;
        }
        digits = strspn(line, "0123456789abcdefABCDEF"); /* hex digits only: no sign, space or 0x */
        errno = 0;
        size = strtoull(line, &end, 16);
        if (digits == 0 || end != line + digits || errno != 0 || (*end != '\0' && *end != ';' && *end != ' ' && *end != '\t')
            || size > (1ull << 40)) {
            fprintf(stderr, "a bad chunk size line: \"%.40s\"\n", line);
            return -1;
        }
        if (size == 0) {
            break;
        }
        if (read_body(r, (long long)size, out) < 0 || read_line(r, line, sizeof line) != 0) {
            fprintf(stderr, "a chunk not followed by CRLF\n");
            return -1;
        }
        total += (long long)size;
    }
    do { /* trailers, up to the empty line */
        length = read_line(r, line, sizeof line);
        if (length < 0) {
            return -1;
        }
        if (++lines > LINES_MAX) {
            fprintf(stderr, "more than %d trailer lines\n", LINES_MAX);
            return -1;
        }
    } while (length > 0);
    return total;
}

/* Whether a Transfer-Encoding value ends with the chunked coding (the last one applied). */
static int ends_chunked(const char *value)
{
    size_t length = strlen(value);
    const char *last = length >= 7 ? value + length - 7 : NULL;

    return last != NULL && strcasecmp(last, "chunked") == 0
           && (last == value || last[-1] == ',' || last[-1] == ' ' || last[-1] == '\t');
}

/* The status line: "HTTP/1.0" or "HTTP/1.1", a space, three digits (100 to 599), then a space or nothing. */
static int status_of(const char *line)
{
    if (strncmp(line, "HTTP/1.", 7) != 0 || (line[7] != '0' && line[7] != '1') || line[8] != ' '
        || strspn(line + 9, "0123456789") != 3 || (line[12] != ' ' && line[12] != '\0') || line[9] < '1'
        || line[9] > '5') {
        return -1;
    }
    return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
}

/* Read the headers after a status line: their number, and what they say of the body; -1 on error. */
static int read_headers(struct reader *r, long long *length, int *chunked, const char **how)
{
    char line[LINE_MAX_BYTES];
    const char *value;
    long got;
    int headers = 0;

    while ((got = read_line(r, line, sizeof line)) > 0) {
        if (++headers > LINES_MAX) {
            fprintf(stderr, "more than %d header lines\n", LINES_MAX);
            return -1;
        }
        if (example_http_header(line, "Content-Length", &value)) {
            char *end;

            errno = 0;
            *length = strtoll(value, &end, 10);
            if (end == value || *end != '\0' || errno != 0 || *length < 0 || value[0] == '+' || value[0] == '-') {
                fprintf(stderr, "a bad Content-Length: \"%.40s\"\n", value);
                return -1;
            }
            *how = "content-length";
        } else if (example_http_header(line, "Transfer-Encoding", &value)) {
            if (!ends_chunked(value)) {
                fprintf(stderr, "a transfer coding this client cannot undo: \"%.40s\"\n", value);
                return -1;
            }
            *chunked = 1;
            *how = "chunked";
        }
    }
    return got < 0 ? -1 : headers;
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
static nsapi_error_t send_request(struct reader *r, const char *request, size_t size)
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

static void hang_up(struct reader *r)
{
    if (r->tls != NULL) {
        nsapi_tls_socket_close(r->tls);
    }
    nsapi_tcp_socket_close(r->socket);
}

static int fetch(nsapi_stack_t *stack, const struct url *url, FILE *out)
{
    static struct reader reader;
    static nsapi_tls_socket_t tls;
    nsapi_tcp_socket_t socket = {0};
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    char line[LINE_MAX_BYTES], text[NSAPI_IP_SIZE], request[1024];
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
        return example_fail(url->secure ? "connect (TCP, then TLS)" : "connect", err);
    }
    memset(&reader, 0, sizeof reader);
    reader.socket = &socket;
    reader.tls = url->secure ? &tls : NULL;
    n = snprintf(request, sizeof request,
                 "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: nsapi-http-client\r\nConnection: close\r\n\r\n",
                 url->path, url->authority);
    if (n < 0 || (size_t)n >= sizeof request) {
        hang_up(&reader);
        fprintf(stderr, "the request does not fit %zu bytes\n", sizeof request);
        return 1;
    }
    err = send_request(&reader, request, (size_t)n);
    if (err != NSAPI_ERROR_OK) {
        hang_up(&reader);
        return example_fail("send", err);
    }
    printf("sent GET %s\n", url->path);
    reader.deadline = example_now_ms() + DEADLINE_MS;
    do { /* 1xx answers are interim: the final one follows */
        if (read_line(&reader, line, sizeof line) < 0) {
            hang_up(&reader); /* read_line said why */
            return 1;
        }
        status = status_of(line);
        if (status < 0) {
            fprintf(stderr, "not an HTTP/1.x status line: \"%.60s\"\n", line);
            hang_up(&reader);
            return 1;
        }
        printf("status: %s\n", line + 9);
        length = -1;
        chunked = 0;
        how = "until close";
        headers = read_headers(&reader, &length, &chunked, &how);
        if (headers < 0) {
            hang_up(&reader);
            return 1;
        }
    } while (status < 200);
    printf("headers: %d\n", headers);
    if (status == 204 || status == 304) {
        body = 0; /* no body, whatever the headers say */
        how = "none";
    } else {
        body = chunked ? read_chunked(&reader, out) : read_body(&reader, length, out);
    }
    hang_up(&reader);
    if (body < 0) {
        return 1;
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
