#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_answer.h"

static const char PAGE[] =
    "<!DOCTYPE html>\n<html><head><title>nsapi</title></head>\n<body><h1>Hello from nsapi</h1>\n"
    "<p>This page came from examples/http_server, through nsapi's TCPServer and TCPSocket.</p>\n"
    "<p>Try <a href=\"/bytes/1048576\">/bytes/1048576</a> or <a href=\"/chunked/100000\">/chunked/100000</a>.</p>\n"
    "</body></html>\n";

/* N in /bytes/N or /chunked/N: decimal digits only, at most HTTP_BYTES_MAX; 0 and *n, or -1. */
static int size_in(const char *text, unsigned long long *n)
{
    size_t digits = strspn(text, "0123456789");

    if (digits == 0 || digits > 10 || (text[digits] != '\0' && text[digits] != '?')) {
        return -1;
    }
    *n = strtoull(text, NULL, 10);
    return *n <= HTTP_BYTES_MAX ? 0 : -1;
}

/* Route a valid request. */
static void route(struct http_response *out, const struct http_request *r)
{
    out->status = 200;
    if (strcspn(r->path, "?") == 1) {
        out->page = 1;
        out->count = sizeof PAGE - 1;
    } else if (strncmp(r->path, "/bytes/", 7) == 0 && size_in(r->path + 7, &out->count) == 0) {
        out->framing = HTTP_LENGTH;
    } else if (strncmp(r->path, "/chunked/", 9) == 0 && size_in(r->path + 9, &out->count) == 0) {
        out->framing = r->http10 ? HTTP_CLOSE : HTTP_CHUNKED; /* an HTTP/1.0 client knows no chunks */
    } else {
        out->status = 404;
        out->reason = "no such path";
    }
}

void http_response_prepare(struct http_response *out, const struct http_request *r, int status)
{
    static const char *const REASONS[] = {"malformed request", "method not allowed", "request head too large",
                                          "HTTP version not supported"};

    memset(out, 0, sizeof *out);
    if (status == 0) {
        route(out, r);
    } else {
        out->status = status;
        out->reason = REASONS[status == 400 ? 0 : status == 405 ? 1 : status == 431 ? 2 : 3];
    }
    if (out->status != 200) {
        out->count = 0;
        out->framing = HTTP_LENGTH;
    }
    out->announced = out->count;
    if (status == 0 && strcmp(r->method, "HEAD") == 0) {
        out->count = 0;
        out->last_done = 1; /* no body, so no last chunk either */
    }
}

static size_t head(struct http_response *out, char *buf, size_t size)
{
    static const struct { int status; const char *text; } TEXTS[] = {
        {200, "OK"}, {400, "Bad Request"}, {404, "Not Found"}, {405, "Method Not Allowed"},
        {431, "Request Header Fields Too Large"}, {505, "HTTP Version Not Supported"}};
    const char *text = "Error", *type = out->page ? "text/html; charset=utf-8"
                                      : out->status == 200 ? "application/octet-stream" : "text/plain";
    char framing[64] = "";
    size_t i;

    for (i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        text = TEXTS[i].status == out->status ? TEXTS[i].text : text;
    }
    if (out->framing == HTTP_CHUNKED) {
        strcpy(framing, "Transfer-Encoding: chunked\r\n");
    } else if (out->framing == HTTP_LENGTH) {
        sprintf(framing, "Content-Length: %llu\r\n", out->announced);
    }
    out->head_done = 1;
    return (size_t)snprintf(buf, size, "HTTP/1.1 %d %s\r\nServer: nsapi-http-server\r\nContent-Type: %s\r\n%s%s"
                            "Connection: close\r\n\r\n", out->status, text, type, framing,
                            out->status == 405 ? "Allow: GET, HEAD\r\n" : "");
}

/* Up to size body bytes: the page, or the i % 251 pattern. */
static size_t body(struct http_response *out, unsigned char *buf, size_t size)
{
    unsigned long long left = out->count - out->produced;
    size_t take = left < size ? (size_t)left : size, i;

    for (i = 0; i < take; i++) {
        buf[i] = out->page ? (unsigned char)PAGE[out->produced + i] : (unsigned char)((out->produced + i) % 251);
    }
    out->produced += take;
    return take;
}

size_t http_response_next(struct http_response *out, unsigned char *buf, size_t size, size_t *body_bytes)
{
    size_t n;

    *body_bytes = 0;
    if (!out->head_done) {
        return head(out, (char *)buf, size);
    }
    if (out->produced < out->count && out->framing != HTTP_CHUNKED) {
        *body_bytes = body(out, buf, size);
        return *body_bytes;
    }
    if (out->produced < out->count) { /* a chunk: its size line, its bytes, CRLF */
        unsigned char *data = buf + 10;

        n = body(out, data, size - 12);
        *body_bytes = n;
        sprintf((char *)buf, "%08zx\r", n); /* a fixed width, so the data stays where it is */
        buf[9] = '\n';
        memcpy(data + n, "\r\n", 2);
        return n + 12;
    }
    if (out->framing == HTTP_CHUNKED && !out->last_done) {
        out->last_done = 1;
        memcpy(buf, "0\r\n\r\n", 5);
        return 5;
    }
    return 0;
}
