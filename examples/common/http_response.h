/*
 * An HTTP/1.1 response as the HTTP client reads it: the status line, the
 * header lines, and the body (counted, chunked, or up to the close), from
 * bytes a source gives, without sockets of its own (the client's source is
 * its TCP or TLS socket; a fuzz target's is its input).  Every byte comes
 * from the server and is treated as hostile: lines, header counts and chunk
 * sizes are bounded.
 */
#ifndef EXAMPLE_HTTP_RESPONSE_H
#define EXAMPLE_HTTP_RESPONSE_H

#include <stddef.h>
#include <stdio.h>

#include "nsapi/nsapi.h"

#define EXAMPLE_HTTP_LINE_MAX 8192  /* a status, header, chunk size or trailer line, with its NUL */
#define EXAMPLE_HTTP_LINES_MAX 100  /* header lines, and trailer lines */

/* More bytes from the server into buf (at most size): the count, 0 at the server's close, or an nsapi error. */
typedef nsapi_size_or_error_t (*example_http_source)(void *source, unsigned char *buf, size_t size);

/* Buffered reading of one response; zero it, then set fill and source. */
struct example_http_reader {
    example_http_source fill;
    void *source;
    unsigned char buf[4096];
    size_t start, end;
    char why[128];                  /* after a -1: what was wrong, in words */
    nsapi_size_or_error_t error;    /* after a -1: the source's error that cut it short, or 0 */
};

/*
 * One line without its LF or CRLF into line (max bytes, NUL-terminated).
 * Returns its length, or -1 (r->why, r->error) when it is too long or the
 * response ends inside it.
 */
long example_http_read_line(struct example_http_reader *r, char *line, size_t max);

/*
 * The status code of a status line: "HTTP/1.0" or "HTTP/1.1", a space, three
 * digits (100 to 599), then a space or nothing.  Returns 100 to 599, or -1.
 */
int example_http_status(const char *line);

/*
 * The header lines after a status line, up to the empty line: *length set
 * from Content-Length (untouched without one), *chunked to 1 when
 * Transfer-Encoding ends with chunked, *how to what frames the body
 * ("content-length", "chunked"; untouched without either).  Returns their
 * number, or -1 (r->why, r->error) for a bad Content-Length, a coding the
 * client cannot undo, over EXAMPLE_HTTP_LINES_MAX lines or a line that does
 * not end.
 */
int example_http_read_headers(struct example_http_reader *r, long long *length, int *chunked, const char **how);

/*
 * count bytes of body (up to the server's close when count is -1) written
 * to out (none when out is NULL).  Returns the number, or -1 (r->why,
 * r->error) when it ends early or out cannot be written.
 */
long long example_http_read_body(struct example_http_reader *r, long long count, FILE *out);

/*
 * A chunked body (chunks of hex size, at most 2^40 bytes each, then
 * trailers) written to out (none when out is NULL).  Returns its size, or
 * -1 (r->why, r->error) for a bad chunk size line, a chunk not followed by
 * CRLF, over EXAMPLE_HTTP_LINES_MAX trailer lines, or an early end.
 */
long long example_http_read_chunked(struct example_http_reader *r, FILE *out);

#endif
