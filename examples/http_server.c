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
 * Anything else gets its error: 400 a malformed request, 404 another path,
 * 405 another method, 431 a request head over 8 KiB, 505 a version other
 * than HTTP/1.x.  A client has 10 s to send its request head and each send
 * to it 10 s to progress; a slower one is dropped, so none holds the server.
 *
 * usage: http_server --stack lwip-loop|lwip-tap|posix PORT [REQUESTS]
 *        Answers REQUESTS requests, then stops (serves forever unless given),
 *        or stops on SIGINT/SIGTERM.
 * Prints a line for each request; exits 0 once stopped, 1 when it cannot
 * listen, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "example_stack.h"
#include "examples.h"

#define HEAD_MAX 8192          /* the request line and headers */
#define HEADERS_MAX 100
#define CLIENT_MS 10000        /* for the request head, and for each send */
#define POLL_MS 200            /* how often a waiting accept looks at the stop flag */
#define BYTES_MAX (1ul << 30)
#define DRAIN_MAX 65536        /* unread request bytes discarded before the close */

struct request {
    char head[HEAD_MAX + 1];
    char *method, *path, *version;
    int http10;
};

struct response {
    int status;
    const char *reason;        /* why, for the log, when status is not 200 */
    unsigned long long sent;   /* body bytes */
};

static nsapi_tcp_server_t server;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int asked_to_stop;
static volatile sig_atomic_t signalled;

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
    return asked || signalled;
}

static long now_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* All of data, or the error that cut it short (the count sent so far in *sent). */
static nsapi_error_t send_all(nsapi_tcp_socket_t *socket, const void *data, size_t size, unsigned long long *sent)
{
    const char *p = data;

    while (size > 0) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(socket, p, (nsapi_size_t)(size < 65536 ? size : 65536));

        if (n <= 0) {
            return n == 0 ? NSAPI_ERROR_NO_CONNECTION : n;
        }
        p += n;
        size -= (size_t)n;
        if (sent != NULL) {
            *sent += (unsigned long long)n;
        }
    }
    return NSAPI_ERROR_OK;
}

/*
 * Read the request head (up to the empty line) into r->head, NUL-terminated:
 * 0, or the status to answer (400, 431), or -1 when the client went or was too slow.
 */
static int read_head(nsapi_tcp_socket_t *socket, struct request *r)
{
    long deadline = now_ms() + CLIENT_MS;
    size_t used = 0;

    for (;;) {
        long left = deadline - now_ms();
        nsapi_size_or_error_t n;
        char *end;

        if (used == HEAD_MAX) {
            return 431;
        }
        if (left <= 0) {
            return -1;
        }
        nsapi_tcp_socket_set_timeout(socket, (int)left);
        n = nsapi_tcp_socket_recv(socket, r->head + used, (nsapi_size_t)(HEAD_MAX - used));
        if (n <= 0) {
            return -1;
        }
        used += (size_t)n;
        r->head[used] = '\0';
        if (memchr(r->head, '\0', used) != NULL) {
            return 400; /* no NUL belongs in a request head */
        }
        end = strstr(r->head, "\r\n\r\n");
        if (end != NULL) {
            end[2] = '\0'; /* keep the last header's CRLF; what follows is a body we do not read */
            return 0;
        }
    }
}

/* A token (RFC 9110): the characters of a method or a header name. */
static size_t token_length(const char *s)
{
    return strspn(s, "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

/* Split and check the request line and the headers: 0, or the status to answer. */
static int parse_head(struct request *r)
{
    char *line = r->head, *next = strstr(line, "\r\n");
    int headers = 0;
    size_t length;

    *next = '\0';
    r->method = line;
    length = token_length(line);
    if (length == 0 || line[length] != ' ') {
        return 400;
    }
    line[length] = '\0';
    r->path = line + length + 1;
    length = strcspn(r->path, " ");
    if (r->path[0] != '/' || r->path[length] != ' ') {
        return 400;
    }
    r->path[length] = '\0';
    r->version = r->path + length + 1;
    if (strncmp(r->version, "HTTP/", 5) != 0 || strchr(r->version, ' ') != NULL) {
        return 400;
    }
    if (strcmp(r->version, "HTTP/1.1") != 0 && strcmp(r->version, "HTTP/1.0") != 0) {
        return 505;
    }
    r->http10 = r->version[7] == '0';
    for (line = next + 2; *line != '\0'; line = next + 2) {
        next = strstr(line, "\r\n");
        length = token_length(line);
        if (++headers > HEADERS_MAX || length == 0 || line[length] != ':') {
            return 400; /* also whitespace before the colon, which RFC 9112 forbids */
        }
    }
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
        return 405;
    }
    return 0;
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

static nsapi_error_t send_head(nsapi_tcp_socket_t *socket, int status, const char *type, const char *framing)
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
    return send_all(socket, head, (size_t)n, NULL);
}

/* count bytes of the i % 251 pattern, in chunks when chunked. */
static nsapi_error_t send_pattern(nsapi_tcp_socket_t *socket, unsigned long count, int chunked,
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
            err = send_all(socket, size, (size_t)sprintf(size, "%zx\r\n", take), NULL);
        }
        if (err == NSAPI_ERROR_OK) {
            err = send_all(socket, block, take, sent);
        }
        if (chunked && err == NSAPI_ERROR_OK) {
            err = send_all(socket, "\r\n", 2, NULL);
        }
        offset += take;
    }
    if (chunked && err == NSAPI_ERROR_OK) {
        err = send_all(socket, "0\r\n\r\n", 5, NULL);
    }
    return err;
}

/* Answer a parsed request: the route's status, and its body unless HEAD. */
static nsapi_error_t answer(nsapi_tcp_socket_t *socket, const struct request *r, struct response *out)
{
    int head_only = strcmp(r->method, "HEAD") == 0;
    size_t path_length = strcspn(r->path, "?");
    unsigned long n;
    char framing[64];
    nsapi_error_t err;

    if (path_length == 1) {
        sprintf(framing, "Content-Length: %zu\r\n", sizeof PAGE - 1);
        err = send_head(socket, out->status = 200, "text/html; charset=utf-8", framing);
        return err != NSAPI_ERROR_OK || head_only ? err : send_all(socket, PAGE, sizeof PAGE - 1, &out->sent);
    }
    if (strncmp(r->path, "/bytes/", 7) == 0 && size_in(r->path + 7, &n) == 0) {
        sprintf(framing, "Content-Length: %lu\r\n", n);
        err = send_head(socket, out->status = 200, "application/octet-stream", framing);
        return err != NSAPI_ERROR_OK || head_only ? err : send_pattern(socket, n, 0, &out->sent);
    }
    if (strncmp(r->path, "/chunked/", 9) == 0 && size_in(r->path + 9, &n) == 0) {
        err = send_head(socket, out->status = 200, "application/octet-stream",
                        r->http10 ? "" : "Transfer-Encoding: chunked\r\n");
        return err != NSAPI_ERROR_OK || head_only ? err : send_pattern(socket, n, !r->http10, &out->sent);
    }
    out->status = 404;
    out->reason = "no such path";
    return send_head(socket, 404, "text/plain", "Content-Length: 0\r\n");
}

/* Discard what the client sent beyond the head, so that the close is a FIN and not a reset losing the answer. */
static void drain(nsapi_tcp_socket_t *socket)
{
    static char sink[4096];
    size_t total = 0;
    nsapi_size_or_error_t n;

    nsapi_tcp_socket_set_timeout(socket, 0);
    do {
        n = nsapi_tcp_socket_recv(socket, sink, sizeof sink);
        total += n > 0 ? (size_t)n : 0;
    } while (n > 0 && total < DRAIN_MAX);
}

static void serve(nsapi_tcp_socket_t *socket, const nsapi_socket_address_t *from)
{
    static struct request r;
    struct response out = {0, NULL, 0};
    char text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    int status;

    nsapi_socket_address_get_ip_address(from, text, sizeof text);
    memset(&r, 0, sizeof r);
    status = read_head(socket, &r);
    if (status == 0) {
        status = parse_head(&r);
    }
    if (status < 0) {
        printf("%s port %u: no complete request within %d ms, dropped\n", text, nsapi_socket_address_get_port(from),
               CLIENT_MS);
        return;
    }
    nsapi_tcp_socket_set_timeout(socket, CLIENT_MS);
    if (status == 0) {
        err = answer(socket, &r, &out);
    } else {
        out.status = status;
        out.reason = status == 400 ? "malformed request" : status == 405 ? "method not allowed"
                     : status == 431 ? "request head too large" : "HTTP version not supported";
        err = send_head(socket, status, "text/plain", "Content-Length: 0\r\n");
    }
    printf("%s %s from %s port %u: %d", r.method != NULL && status != 400 ? r.method : "-",
           r.path != NULL && status != 400 ? r.path : "-", text, nsapi_socket_address_get_port(from), out.status);
    if (out.reason != NULL) {
        printf(" (%s)", out.reason);
    } else {
        printf(", %llu bytes", out.sent);
    }
    if (err != NSAPI_ERROR_OK) {
        printf(", then send: %s", nsapi_error_name(err));
    }
    printf("\n");
    fflush(stdout);
    drain(socket);
}

int http_server_listen(nsapi_stack_t *stack, unsigned port)
{
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err;

    nsapi_socket_address_set_port(&any, (uint16_t)port);
    err = nsapi_tcp_server_open(&server, stack);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_server_bind(&server, &any);
    }
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_server_listen(&server, 4);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_server_close(&server);
        return example_fail("listen", err);
    }
    nsapi_tcp_server_set_timeout(&server, POLL_MS); /* accept wakes up to look at the stop flag */
    printf("http server listening on port %u\n", port);
    fflush(stdout);
    return 0;
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
            example_fail("accept", err); /* out of sockets, say: the next turn may do better */
            continue;
        }
        serve(&client, &from);
        nsapi_tcp_socket_close(&client);
        answered++;
    }
    nsapi_tcp_server_close(&server);
    printf("http server answered %lu requests\n", answered);
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
static void on_signal(int sig)
{
    (void)sig;
    signalled = 1;
}

int main(int argc, char **argv)
{
    nsapi_stack_t stack;
    struct sigaction action;
    char *end;
    unsigned long port = 0, requests = 0;
    int rc;

    rc = example_stack_up(&argc, argv, &stack);
    if (rc == 0 && (argc < 2 || argc > 3 || (port = strtoul(argv[1], &end, 10)) == 0 || *end != '\0' || port > 65535
                    || (argc == 3 && ((requests = strtoul(argv[2], &end, 10)) == 0 || *end != '\0'
                                      || requests > 1000000000ul)))) {
        example_stack_down(&stack);
        rc = 2;
    }
    if (rc != 0) {
        if (rc == 2) {
            fprintf(stderr, "usage: http_server --stack lwip-loop|lwip-tap|posix PORT [REQUESTS]\n");
        }
        return rc;
    }
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    rc = http_server_listen(&stack, (unsigned)port);
    if (rc == 0) {
        rc = http_server_run(requests);
    }
    example_stack_down(&stack);
    return rc;
}
#endif
