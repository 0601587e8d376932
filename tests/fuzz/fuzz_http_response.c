/*
 * HTTP responses as the HTTP client reads them (examples/common/http_response.c):
 * the input's first byte says in what pieces the server's bytes arrive
 * (1 to 127 bytes a receive, or as much as asked for), the rest is the
 * response: status lines (1xx answers first), headers, and the body counted,
 * chunked or up to the close, as http_client's fetch() takes them.
 */
#include <string.h>

#include "common/http_response.h"
#include "fuzz_target.h"

#define INTERIM_MAX 1000 /* more 1xx answers than any input holds */

struct input {
    const uint8_t *data;
    size_t size, at, piece;
};

static nsapi_size_or_error_t receive(void *source, unsigned char *buf, size_t size)
{
    struct input *in = source;
    size_t take = in->size - in->at;

    take = take < size ? take : size;
    take = in->piece != 0 && take > in->piece ? in->piece : take;
    memcpy(buf, in->data + in->at, take);
    in->at += take;
    return (nsapi_size_or_error_t)take;
}

static void read_response(struct example_http_reader *r)
{
    static char line[EXAMPLE_HTTP_LINE_MAX];
    long long length = -1, body;
    const char *how = "until close";
    int status = 0, interim, headers = 0, chunked = 0;

    for (interim = 0; interim < INTERIM_MAX && status < 200; interim++) {
        if (example_http_read_line(r, line, sizeof line) < 0) {
            return;
        }
        status = example_http_status(line);
        if (status < 0) {
            return;
        }
        FUZZ_CHECK(status >= 100 && status <= 599);
        length = -1;
        chunked = 0;
        headers = example_http_read_headers(r, &length, &chunked, &how);
        if (headers < 0) {
            return;
        }
        FUZZ_CHECK(headers <= EXAMPLE_HTTP_LINES_MAX && length >= -1);
    }
    FUZZ_CHECK(interim < INTERIM_MAX);
    body = chunked ? example_http_read_chunked(r, NULL) : example_http_read_body(r, length, NULL);
    FUZZ_CHECK(body >= -1 && (chunked || length < 0 || body == -1 || body == length));
    FUZZ_CHECK(r->start <= r->end && r->end <= sizeof r->buf);
    FUZZ_CHECK(body >= 0 || memchr(r->why, '\0', sizeof r->why) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct example_http_reader reader;
    struct input in = {data, size, 1, 0};

    if (size < 1) {
        return 0;
    }
    in.piece = data[0] & 0x7f;
    memset(&reader, 0, sizeof reader);
    reader.fill = receive;
    reader.source = &in;
    read_response(&reader);
    return 0;
}
