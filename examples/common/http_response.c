#define _DEFAULT_SOURCE /* strcasecmp */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_header.h"
#include "http_response.h"

/* -1, with the source's error if it cut the response short, and why in words (a printf format). */
static int failed(struct example_http_reader *r, nsapi_size_or_error_t error, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vsnprintf(r->why, sizeof r->why, format, args);
    va_end(args);
    r->error = error;
    return -1;
}

/* More bytes into the reader's buffer: > 0, 0 at the server's close, or an error. */
static nsapi_size_or_error_t fill(struct example_http_reader *r)
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
    n = r->fill(r->source, r->buf + r->end, sizeof r->buf - r->end);
    if (n > 0) {
        r->end += (size_t)n > sizeof r->buf - r->end ? sizeof r->buf - r->end : (size_t)n; /* a source's lie */
    }
    return n;
}

long example_http_read_line(struct example_http_reader *r, char *line, size_t max)
{
    size_t used = 0;

    for (;;) {
        unsigned char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
        size_t take = nl != NULL ? (size_t)(nl - (r->buf + r->start)) + 1 : r->end - r->start;
        nsapi_size_or_error_t n;

        if (used + take >= max) {
            return failed(r, 0, "a header line longer than %zu bytes", max - 1);
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
            return failed(r, n, "the response ended inside a line");
        }
    }
}

int example_http_status(const char *line)
{
    if (strncmp(line, "HTTP/1.", 7) != 0 || (line[7] != '0' && line[7] != '1') || line[8] != ' '
        || strspn(line + 9, "0123456789") != 3 || (line[12] != ' ' && line[12] != '\0') || line[9] < '1'
        || line[9] > '5') {
        return -1;
    }
    return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
}

/* Whether a Transfer-Encoding value ends with the chunked coding (the last one applied). */
static int ends_chunked(const char *value)
{
    size_t length = strlen(value);
    const char *last = length >= 7 ? value + length - 7 : NULL;

    return last != NULL && strcasecmp(last, "chunked") == 0
           && (last == value || last[-1] == ',' || last[-1] == ' ' || last[-1] == '\t');
}

int example_http_read_headers(struct example_http_reader *r, long long *length, int *chunked, const char **how)
{
    char line[EXAMPLE_HTTP_LINE_MAX];
    const char *value;
    long got;
    int headers = 0;

    while ((got = example_http_read_line(r, line, sizeof line)) > 0) {
        if (++headers > EXAMPLE_HTTP_LINES_MAX) {
            return failed(r, 0, "more than %d header lines", EXAMPLE_HTTP_LINES_MAX);
        }
        if (example_http_header(line, "Content-Length", &value)) {
            char *end;

            errno = 0;
            *length = strtoll(value, &end, 10);
            if (end == value || *end != '\0' || errno != 0 || *length < 0 || value[0] == '+' || value[0] == '-') {
                return failed(r, 0, "a bad Content-Length: \"%.40s\"", value);
            }
            *how = "content-length";
        } else if (example_http_header(line, "Transfer-Encoding", &value)) {
            if (!ends_chunked(value)) {
                return failed(r, 0, "a transfer coding this client cannot undo: \"%.40s\"", value);
            }
            *chunked = 1;
            *how = "chunked";
        }
    }
    return got < 0 ? -1 : headers;
}

long long example_http_read_body(struct example_http_reader *r, long long count, FILE *out)
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
                return failed(r, n, "the body ended after %lld of %lld bytes", copied, count);
            }
            continue;
        }
        take = count < 0 || (long long)have < count - copied ? have : (size_t)(count - copied);
        if (out != NULL && fwrite(r->buf + r->start, 1, take, out) != take) {
            return failed(r, 0, "writing the body: %s", strerror(errno));
        }
        r->start += take;
        copied += (long long)take;
    }
    return copied;
}

/* A chunk size line: the size, or -1 when it is not hex digits (no sign, space or 0x) then the end or an extension. */
static long long chunk_size(const char *line)
{
    size_t digits = strspn(line, "0123456789abcdefABCDEF");
    unsigned long long size;
    char *end;

    errno = 0;
    size = strtoull(line, &end, 16);
    if (digits == 0 || end != line + digits || errno != 0 || (*end != '\0' && *end != ';' && *end != ' ' && *end != '\t')
        || size > (1ull << 40)) {
        return -1;
    }
    return (long long)size;
}

long long example_http_read_chunked(struct example_http_reader *r, FILE *out)
{
    char line[EXAMPLE_HTTP_LINE_MAX];
    long long total = 0, size;
    long length;
    int lines = 0;

    for (;;) {
        if (example_http_read_line(r, line, sizeof line) < 0) {
            return -1;
        }
        size = chunk_size(line);
        if (size < 0) {
            return failed(r, 0, "a bad chunk size line: \"%.40s\"", line);
        }
        if (size == 0) {
            break;
        }
        if (example_http_read_body(r, size, out) < 0 || (length = example_http_read_line(r, line, sizeof line)) < 0) {
            return -1;
        }
        if (length != 0) {
            return failed(r, 0, "a chunk not followed by CRLF");
        }
        total += size;
    }
    do { /* trailers, up to the empty line */
        length = example_http_read_line(r, line, sizeof line);
        if (length < 0) {
            return -1;
        }
        if (++lines > EXAMPLE_HTTP_LINES_MAX) {
            return failed(r, 0, "more than %d trailer lines", EXAMPLE_HTTP_LINES_MAX);
        }
    } while (length > 0);
    return total;
}
