/*
 * HTTP request heads as http_server reads them (examples/http/http_request.c):
 * the input's first byte says in what pieces the client's bytes arrive (1 to
 * 255 bytes a receive, or 0: as much as there is room for), the rest is what
 * the client sends.  The same bytes are read a second time in one piece:
 * where a head ends and what it says must not depend on how it arrived.  An
 * accepted head is checked against what the parser promises the server: a
 * GET or HEAD with a path of visible ASCII from "/", both inside the head
 * (but the path "/" of an absolute-form target without one).
 */
#include <string.h>

#include "fuzz_target.h"
#include "http/http_request.h"

struct input {
    const uint8_t *data;
    size_t size, at;
};

/* Receive pieces of at most piece bytes (0: no limit) until the head is read or rejected: the status. */
static int read_head(struct http_request *r, struct input *in, size_t piece)
{
    int status = HTTP_MORE;

    http_request_reset(r);
    while (status == HTTP_MORE && in->at < in->size) {
        size_t n = in->size - in->at, room = http_request_room(r);

        FUZZ_CHECK(room > 0 && room <= HTTP_HEAD_MAX); /* the parser gives up before its buffer fills */
        n = n < room ? n : room;
        n = piece != 0 && n > piece ? piece : n;
        memcpy(r->head + r->used, in->data + in->at, n);
        in->at += n;
        status = http_request_received(r, n);
        FUZZ_CHECK(r->used <= HTTP_HEAD_MAX && r->head[HTTP_HEAD_MAX] == '\0');
    }
    return status;
}

/* s points into the head's first length bytes, its NUL there too. */
static int inside(const struct http_request *r, const char *s)
{
    return s >= r->head && s < r->head + r->length && memchr(s, '\0', (size_t)(r->head + r->length - s)) != NULL;
}

static void check_accepted(const struct http_request *r)
{
    size_t i;

    FUZZ_CHECK(r->length > 0 && r->length <= r->used);
    FUZZ_CHECK(inside(r, r->method) && (inside(r, r->path) || strcmp(r->path, "/") == 0));
    FUZZ_CHECK(strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0);
    FUZZ_CHECK(r->path[0] == '/');
    for (i = 0; r->path[i] != '\0'; i++) {
        FUZZ_CHECK(r->path[i] > ' ' && r->path[i] < 0x7f); /* nothing that could forge a log line */
    }
    FUZZ_CHECK(r->http10 == 0 || r->http10 == 1);
    FUZZ_CHECK(r->has_body == 0 || r->has_body == 1);
}

/* The piecewise read and the one-piece read found the same head and said the same of it. */
static void check_same(const struct http_request *a, int status_a, const struct http_request *b, int status_b)
{
    FUZZ_CHECK(status_a == status_b);
    if (status_a == 0) {
        FUZZ_CHECK(a->length == b->length && memcmp(a->head, b->head, a->length) == 0);
        FUZZ_CHECK(strcmp(a->method, b->method) == 0 && strcmp(a->path, b->path) == 0);
        FUZZ_CHECK(a->http10 == b->http10 && a->has_body == b->has_body);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct http_request pieces, whole;
    struct input in = {NULL, 0, 0};
    int status, once;

    if (size < 1) {
        return 0;
    }
    in.data = data + 1;
    in.size = size - 1;
    status = read_head(&pieces, &in, data[0]);
    FUZZ_CHECK(status == HTTP_MORE || status == 0 || status == 400 || status == 405 || status == 431
               || status == 505);
    FUZZ_CHECK(status != 431 || (pieces.used == HTTP_HEAD_MAX && pieces.length == 0));
    FUZZ_CHECK(status != HTTP_MORE || in.at == in.size);
    if (status == 0) {
        check_accepted(&pieces);
    }
    in.at = 0;
    once = read_head(&whole, &in, 0);
    check_same(&pieces, status, &whole, once);
    return 0;
}
