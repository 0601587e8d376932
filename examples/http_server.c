/*
 * A small HTTP/1.1 server, the kind a device serves its status page with:
 * one request a connection, one connection at a time (echo_server shows
 * how to serve many at once).  GET and HEAD on three paths:
 *
 *   /            a short HTML page
 *   /bytes/N     N bytes (at most 1 GiB), byte i being i % 251, with a Content-Length
 *   /chunked/N   the same bytes in chunks (Transfer-Encoding: chunked), or until
 *                the close for an HTTP/1.0 client, which knows no chunks
 *
 * Anything else gets its error: 400 a malformed request (HTTP/1.1 without
 * exactly one Host header too), 404 another path, 405 another method, 431 a
 * request head over 8 KiB, 505 a major version other than 1.  Lines may end
 * in CRLF or LF (RFC 9112).  A client has 10 s to send its request head and
 * its answer 60 s to go out; a slower one is dropped, and a stop request cuts
 * an answer short, so no client holds the server.
 *
 * usage: http_server [--interface SPEC] [INTERFACE OPTIONS] [--cert FILE --key FILE] PORT [REQUESTS]
 *        (--help: every option)
 *        Answers REQUESTS requests, then stops (serves forever unless given),
 *        or stops on SIGINT/SIGTERM.  With a certificate and its key (PEM or
 *        DER), it serves HTTPS: a TLSSocket over each accepted connection.
 * Prints a line for each request; exits 0 once stopped, 1 when it cannot
 * listen, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/listener.h"
#include "common/net_io.h"
#include "common/usage.h"
#include "examples.h"
#include "nsapi/tls_socket.h"

#define HEAD_MAX 8192          /* the request line and headers */
#define HEADERS_MAX 100
#define HEAD_MS 10000          /* for the request head */
#define ANSWER_MS 60000        /* for the whole answer */
#define POLL_MS 200            /* how often a waiting accept looks at the stop flag */
#define BYTES_MAX (1ul << 30)
#define LINGER_MS 1000         /* reading what the client still sends before the close */
#define DRAIN_MAX (1ul << 20)

enum { CLOSED = -1, TOO_SLOW = -2 }; /* read_head() without a head */

struct request {
    char head[HEAD_MAX + 1];
    size_t used, length;       /* bytes received; the head's own, up to its empty line */
    const char *method, *path;
    int http10, has_body;
};

struct response {
    int status;
    const char *reason;        /* why, for the log, when status is not 200 */
    unsigned long long sent;   /* body bytes */
};

static nsapi_tcp_server_t server;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int asked_to_stop;

static const char PAGE[] =
    "<!DOCTYPE html>\n<html><head><title>nsapi</title></head>\n<body><h1>Hello from nsapi</h1>\n"
    "<p>This page came from examples/http_server, through nsapi's TCPServer and TCPSocket.</p>\n"
    "<p>Try <a href=\"/bytes/1048576\">/bytes/1048576</a> or <a href=\"/chunked/100000\">/chunked/100000</a>.</p>\n"
    "</body></html>\n";

void http_server_stop(void)
{
    pthread_mutex_lock(&lock);
    asked_to_stop = 1;
    pthread_mutex_unlock(&lock);
}

static int stopping(void)
{
    int asked;

    pthread_mutex_lock(&lock);
    asked = asked_to_stop;
    pthread_mutex_unlock(&lock);
    return asked || example_signalled();
}

/* HTTPS: the certificate and key (NULL for HTTP), and the TLS over the one connection being served. */
static struct { unsigned char *cert, *key; size_t cert_size, key_size; } identity;
static nsapi_tls_socket_t tls;
static int secure;

/* TLS's timeout: what is left until deadline. */
static void tls_deadline(long long deadline)
{
    long long left = deadline - example_now_ms();

    nsapi_tls_socket_set_timeout(&tls, left > 0 ? (int)left : 0);
}

/* example_send_all through TLS. */
static nsapi_error_t tls_send_all(const unsigned char *data, size_t size, long long deadline, size_t *done)
{
    nsapi_size_or_error_t n = 0;

    for (*done = 0; *done < size && n >= 0 && !stopping() && example_now_ms() < deadline; ) {
        tls_deadline(deadline < example_now_ms() + POLL_MS ? deadline : example_now_ms() + POLL_MS);
        n = nsapi_tls_socket_send(&tls, data + *done, (nsapi_size_t)(size - *done));
        *done += n > 0 ? (size_t)n : 0;
        n = n == NSAPI_ERROR_WOULD_BLOCK ? 0 : n;
    }
    return n < 0 ? n : *done == size ? NSAPI_ERROR_OK : NSAPI_ERROR_WOULD_BLOCK;
}

/* One receive by deadline, through TLS when serving HTTPS. */
static nsapi_size_or_error_t recv_by(nsapi_tcp_socket_t *socket, void *data, size_t size, long long deadline)
{
    if (!secure) {
        return example_recv_by(socket, data, size, deadline);
    }
    tls_deadline(deadline);
    return nsapi_tls_socket_recv(&tls, data, (nsapi_size_t)size);
}

/* All of data before deadline, or the error that cut it short (TIMEOUT: the deadline, or the server stops);
 * the count sent added to *sent. */
static nsapi_error_t send_all(nsapi_tcp_socket_t *socket, const void *data, size_t size, long long deadline,
                              unsigned long long *sent)
{
    size_t done;
    nsapi_error_t err = secure ? tls_send_all(data, size, deadline, &done)
                               : example_send_all(socket, data, size, deadline, stopping, &done);

    if (sent != NULL) {
        *sent += done;
    }
    return err == NSAPI_ERROR_WOULD_BLOCK ? NSAPI_ERROR_TIMEOUT : err;
}

/* Just past the head's empty line in buf[0, used), lines ending in LF or CRLF, searching from from; 0 if not there. */
static size_t head_end(const char *buf, size_t from, size_t used)
{
    size_t i;

    for (i = from; i < used; i++) {
        if (buf[i] == '\n' && i + 1 < used && buf[i + 1] == '\n') {
            return i + 2;
        }
        if (buf[i] == '\n' && i + 2 < used && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
            return i + 3;
        }
    }
    return 0;
}

/*
 * Read the request head, up to its empty line, into r->head, NUL-terminated
 * at r->length: 0, or the status to answer (400, 431), or CLOSED, TOO_SLOW.
 */
static int read_head(nsapi_tcp_socket_t *socket, struct request *r)
{
    long long deadline = example_now_ms() + HEAD_MS;
    size_t searched = 0;

    for (;;) {
        nsapi_size_or_error_t n;
        size_t skip;

        if (r->used == HEAD_MAX) {
            return 431;
        }
        n = recv_by(socket, r->head + r->used, HEAD_MAX - r->used, deadline);
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            return TOO_SLOW;
        }
        if (n <= 0) {
            return CLOSED;
        }
        r->used += (size_t)n;
        r->head[r->used] = '\0';
        skip = strspn(r->head, "\r\n"); /* empty lines before the request line are ignored */
        r->length = head_end(r->head, searched > skip + 2 ? searched - 2 : skip, r->used);
        searched = r->used;
        if (r->length != 0) {
            r->head[r->length] = '\0';
            return memchr(r->head, '\0', r->length) != NULL ? 400 : 0; /* no NUL belongs in a head */
        }
    }
}

/* A token (RFC 9110): the characters of a method or a header name. */
static size_t token_length(const char *s)
{
    return strspn(s, "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

/* The line at *at, NUL-terminated without its LF or CRLF; *at moves past it. NULL when a CR stands alone in it. */
static char *take_line(char **at)
{
    char *line = *at, *lf = strchr(line, '\n'); /* every line of a head ends in LF */

    *lf = '\0';
    *at = lf + 1;
    if (lf > line && lf[-1] == '\r') {
        lf[-1] = '\0';
    }
    return strchr(line, '\r') == NULL ? line : NULL;
}

/* The request line, METHOD SP TARGET SP HTTP/d.d: 0, or the status to answer. */
static int parse_request_line(char *line, struct request *r)
{
    size_t length = token_length(line);
    char *target, *version;

    if (length == 0 || line[length] != ' ') {
        return 400;
    }
    line[length] = '\0';
    target = line + length + 1;
    for (length = 0; target[length] > ' ' && target[length] < 0x7f; length++) {
    } /* visible ASCII only: nothing that could forge a log line */
    if (length == 0 || target[length] != ' ') {
        return 400;
    }
    target[length] = '\0';
    version = target + length + 1;
    if (strlen(version) != 8 || strncmp(version, "HTTP/", 5) != 0 || version[6] != '.'
        || strspn(version + 5, "0123456789") != 1 || strspn(version + 7, "0123456789") != 1) {
        return 400;
    }
    r->method = line;
    r->path = target;
    if (version[5] != '1') {
        return 505;
    }
    r->http10 = version[7] == '0'; /* 1.1 and any later 1.x are served as 1.1 */
    if (strncmp(target, "http://", 7) == 0) { /* absolute-form: the path is what follows the authority */
        r->path = strchr(target + 7, '/') != NULL ? strchr(target + 7, '/') : "/";
    }
    return 0;
}

/* Check the request line and the headers: 0, or the status to answer. */
static int parse_head(struct request *r)
{
    char *at = r->head + strspn(r->head, "\r\n"), *line = take_line(&at);
    int headers = 0, hosts = 0, status;

    if (line == NULL) {
        return 400;
    }
    status = parse_request_line(line, r);
    if (status != 0) {
        return status;
    }
    while ((line = take_line(&at)) != NULL && *line != '\0') {
        size_t length = token_length(line);

        if (++headers > HEADERS_MAX || length == 0 || line[length] != ':') {
            return 400; /* also whitespace before the colon, which RFC 9112 forbids */
        }
        hosts += length == 4 && strncasecmp(line, "Host", 4) == 0;
        r->has_body |= (length == 14 && strncasecmp(line, "Content-Length", 14) == 0
                        && strspn(line + 15, " \t0") != strlen(line + 15))
                       || (length == 17 && strncasecmp(line, "Transfer-Encoding", 17) == 0);
    }
    if (line == NULL || hosts > 1 || (hosts == 0 && !r->http10)) {
        return 400; /* a bare CR; or not the one Host header HTTP/1.1 requires */
    }
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
        return 405;
    }
    return r->path[0] == '/' ? 0 : 400;
}

/* N in /bytes/N or /chunked/N: decimal digits only, at most BYTES_MAX; 0 and *n, or -1. */
static int size_in(const char *text, unsigned long *n)
{
    size_t digits = strspn(text, "0123456789");

    if (digits == 0 || digits > 10 || (text[digits] != '\0' && text[digits] != '?')) {
        return -1;
    }
    *n = strtoul(text, NULL, 10);
    return *n <= BYTES_MAX ? 0 : -1;
}

static nsapi_error_t send_head(nsapi_tcp_socket_t *socket, int status, const char *type, const char *framing,
                               long long deadline)
{
    static const struct { int status; const char *text; } TEXTS[] = {
        {200, "OK"}, {400, "Bad Request"}, {404, "Not Found"}, {405, "Method Not Allowed"},
        {431, "Request Header Fields Too Large"}, {505, "HTTP Version Not Supported"}};
    char head[512];
    const char *text = "Error";
    size_t i;
    int n;

    for (i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        text = TEXTS[i].status == status ? TEXTS[i].text : text;
    }
    n = snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nServer: nsapi-http-server\r\nContent-Type: %s\r\n%s%s"
                 "Connection: close\r\n\r\n", status, text, type, framing,
                 status == 405 ? "Allow: GET, HEAD\r\n" : "");
    return send_all(socket, head, (size_t)n, deadline, NULL);
}

/* count bytes of the i % 251 pattern, in chunks when chunked. */
static nsapi_error_t send_pattern(nsapi_tcp_socket_t *socket, unsigned long count, int chunked, long long deadline,
                                  unsigned long long *sent)
{
    static unsigned char block[16384];
    unsigned long offset = 0;
    nsapi_error_t err = NSAPI_ERROR_OK;

    while (offset < count && err == NSAPI_ERROR_OK) {
        size_t take = count - offset < sizeof block ? count - offset : sizeof block, i;
        char size[24];

        for (i = 0; i < take; i++) {
            block[i] = (unsigned char)((offset + i) % 251);
        }
        if (chunked) {
            err = send_all(socket, size, (size_t)sprintf(size, "%zx\r\n", take), deadline, NULL);
        }
        if (err == NSAPI_ERROR_OK) {
            err = send_all(socket, block, take, deadline, sent);
        }
        if (chunked && err == NSAPI_ERROR_OK) {
            err = send_all(socket, "\r\n", 2, deadline, NULL);
        }
        offset += take;
    }
    if (chunked && err == NSAPI_ERROR_OK) {
        err = send_all(socket, "0\r\n\r\n", 5, deadline, NULL);
    }
    return err;
}

/* Answer a parsed request: the route's status, and its body unless HEAD. */
static nsapi_error_t answer(nsapi_tcp_socket_t *socket, const struct request *r, struct response *out)
{
    long long deadline = example_now_ms() + ANSWER_MS;
    int head_only = strcmp(r->method, "HEAD") == 0;
    size_t path_length = strcspn(r->path, "?");
    unsigned long n;
    char framing[64];
    nsapi_error_t err;

    out->status = 200;
    if (path_length == 1) {
        sprintf(framing, "Content-Length: %zu\r\n", sizeof PAGE - 1);
        err = send_head(socket, 200, "text/html; charset=utf-8", framing, deadline);
        return err != NSAPI_ERROR_OK || head_only ? err : send_all(socket, PAGE, sizeof PAGE - 1, deadline, &out->sent);
    }
    if (strncmp(r->path, "/bytes/", 7) == 0 && size_in(r->path + 7, &n) == 0) {
        sprintf(framing, "Content-Length: %lu\r\n", n);
        err = send_head(socket, 200, "application/octet-stream", framing, deadline);
        return err != NSAPI_ERROR_OK || head_only ? err : send_pattern(socket, n, 0, deadline, &out->sent);
    }
    if (strncmp(r->path, "/chunked/", 9) == 0 && size_in(r->path + 9, &n) == 0) {
        err = send_head(socket, 200, "application/octet-stream", r->http10 ? "" : "Transfer-Encoding: chunked\r\n",
                        deadline);
        return err != NSAPI_ERROR_OK || head_only ? err : send_pattern(socket, n, !r->http10, deadline, &out->sent);
    }
    out->status = 404;
    out->reason = "no such path";
    return send_head(socket, 404, "text/plain", "Content-Length: 0\r\n", deadline);
}

/*
 * Read and discard what the client sent beyond the head, for a while when
 * more may come (a body), so that the close is a FIN and not a reset that
 * could cost the client the answer.
 */
static void drain(nsapi_tcp_socket_t *socket, const struct request *r)
{
    static char sink[4096];
    long long deadline = example_now_ms() + (r->has_body || r->used > r->length ? LINGER_MS : 0);
    size_t total = 0;
    nsapi_size_or_error_t n;

    do {
        n = recv_by(socket, sink, sizeof sink, deadline);
        total += n > 0 ? (size_t)n : 0;
    } while (n > 0 && total < DRAIN_MAX);
}

/* Serve one connection: whether a request was answered. */
static int serve(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *from)
{
    static struct request r;
    struct response out = {0, NULL, 0};
    char text[NSAPI_IP_SIZE], line[HEAD_MAX + 200];
    nsapi_error_t err;
    int status, n;

    nsapi_socket_address_get_ip_address(from, text, sizeof text);
    memset(&r, 0, sizeof r);
    status = read_head(socket, &r);
    if (status == 0) {
        status = parse_head(&r);
    }
    if (status < 0) {
        printf("%s port %u: %s, dropped\n", text, nsapi_socket_address_get_port(from),
               status == TOO_SLOW ? "no complete request within 10 s" : "closed before a complete request");
        return 0;
    }
    if (status == 0) {
        err = answer(socket, &r, &out);
    } else {
        out.status = status;
        out.reason = status == 400 ? "malformed request" : status == 405 ? "method not allowed"
                     : status == 431 ? "request head too large" : "HTTP version not supported";
        err = send_head(socket, status, "text/plain", "Content-Length: 0\r\n", example_now_ms() + ANSWER_MS);
    }
    /* One printf for the line: the demo's other threads print too. */
    n = snprintf(line, sizeof line, "%s %s from %s port %u: %d", r.method != NULL && status != 400 ? r.method : "-",
                 r.path != NULL && status != 400 ? r.path : "-", text, nsapi_socket_address_get_port(from), out.status);
    if (out.reason != NULL) {
        n += snprintf(line + n, sizeof line - (size_t)n, " (%s)", out.reason);
    } else {
        n += snprintf(line + n, sizeof line - (size_t)n, ", %llu bytes", out.sent);
    }
    if (err != NSAPI_ERROR_OK) {
        snprintf(line + n, sizeof line - (size_t)n, ", then send: %s%s", nsapi_error_name(err),
                 err == NSAPI_ERROR_TIMEOUT ? " (over 60 s, or the server stops)" : "");
    }
    printf("%s\n", line);
    fflush(stdout);
    drain(socket, &r);
    return 1;
}

int http_server_listen(nsapi_stack_t *stack, unsigned port)
{
    if (example_listen(&server, stack, port, 4) != 0) {
        return 1;
    }
    nsapi_tcp_server_set_timeout(&server, POLL_MS); /* accept wakes up to look at the stop flag */
    printf("http server listening on port %u\n", port);
    fflush(stdout);
    return 0;
}

/* HTTPS: TLS over the accepted connection, within the time a request head has. */
static nsapi_error_t handshake(nsapi_tcp_socket_t *client, const nsapi_socket_address_t *from)
{
    nsapi_error_t err = nsapi_tls_socket_wrap(&tls, client);

    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tls_socket_set_cert_key(&tls, identity.cert, (nsapi_size_t)identity.cert_size, identity.key,
                                            (nsapi_size_t)identity.key_size);
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_tls_socket_set_timeout(&tls, HEAD_MS);
        err = nsapi_tls_socket_accept(&tls);
    }
    if (err != NSAPI_ERROR_OK) {
        char text[NSAPI_IP_SIZE], why[200];

        nsapi_socket_address_get_ip_address(from, text, sizeof text);
        nsapi_tls_socket_get_tls_error(&tls, why, sizeof why);
        printf("%s port %u: TLS handshake failed: %s%s%s\n", text, nsapi_socket_address_get_port(from),
               nsapi_error_name(err), why[0] ? ", " : "", why);
        fflush(stdout);
    }
    return err;
}

int http_server_run(unsigned long requests)
{
    unsigned long answered = 0;
    nsapi_error_t err;

    while (!stopping() && (requests == 0 || answered < requests)) {
        nsapi_tcp_socket_t client = {0};
        nsapi_socket_address_t from;

        err = nsapi_tcp_server_accept(&server, &client, &from);
        if (err == NSAPI_ERROR_WOULD_BLOCK) {
            continue;
        }
        if (err != NSAPI_ERROR_OK) {
            struct timespec pause = {0, POLL_MS * 1000000L};

            example_fail("accept", err); /* out of sockets, say: a later turn may do better */
            nanosleep(&pause, NULL);
            continue;
        }
        secure = identity.cert != NULL;
        if (!secure || handshake(&client, &from) == NSAPI_ERROR_OK) {
            answered += (unsigned long)serve(&client, &from);
        }
        if (secure) {
            nsapi_tls_socket_close(&tls); /* close_notify, if it can go at once */
        }
        nsapi_tcp_socket_close(&client);
    }
    nsapi_tcp_server_close(&server);
    printf("http server answered %lu requests\n", answered);
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--cert FILE --key FILE] PORT [REQUESTS]",
                         "  --cert FILE            serve HTTPS with this certificate, PEM or DER (default: plain HTTP)\n"
                         "  --key FILE             the certificate's private key (given with --cert)\n"
                         "  PORT                   the TCP port to listen on, 1 to 65535\n"
                         "  REQUESTS               stop after answering this many, 1 to 1000000000\n"
                         "                         (default: serve until SIGINT or SIGTERM)\n",
                         help);
}

/* A whole file in a buffer of its own (free it), or NULL with a message. */
static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long length;

    if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0
        && (data = malloc((size_t)length)) != NULL && fread(data, 1, (size_t)length, f) == (size_t)length) {
        *size = (size_t)length;
    } else {
        fprintf(stderr, "%s: cannot read it\n", path);
        free(data);
        data = NULL;
    }
    if (f != NULL) {
        fclose(f);
    }
    return data;
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    unsigned port;
    unsigned long count;
    int rc;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc == 0 && argc >= 5 && strcmp(argv[1], "--cert") == 0 && strcmp(argv[3], "--key") == 0) {
        identity.cert = read_file(argv[2], &identity.cert_size);
        identity.key = read_file(argv[4], &identity.key_size);
        rc = identity.cert != NULL && identity.key != NULL ? 0 : 1;
        if (rc != 0) {
            example_network_down();
        }
        argv[4] = argv[0];
        argv += 4;
        argc -= 4;
    }
    if (rc == 0 && example_port_count(argc, argv, &port, &count, 1000000000ul) != 0) {
        example_network_down();
        rc = 2;
    }
    if (rc != 0) {
        free(identity.cert);
        free(identity.key);
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    example_stop_on_signals();
    rc = http_server_listen(stack, port);
    if (rc == 0) {
        rc = http_server_run(count);
    }
    example_network_down();
    free(identity.cert);
    free(identity.key);
    return rc;
}
#endif
