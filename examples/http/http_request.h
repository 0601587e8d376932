/*
 * An HTTP/1.1 request head as http_server reads it (RFC 9112): received a
 * piece at a time into the request's own buffer, then checked.  Lines may
 * end in CRLF or LF; empty lines before the request line are skipped.
 */
#ifndef EXAMPLE_HTTP_REQUEST_H
#define EXAMPLE_HTTP_REQUEST_H

#include <stddef.h>

#define HTTP_HEAD_MAX 8192     /* the request line and headers */
#define HTTP_HEADERS_MAX 100
#define HTTP_MORE (-1)         /* http_request_received(): no complete head yet */

struct http_request {
    char head[HTTP_HEAD_MAX + 1];
    size_t used, length;       /* bytes received; the head's own, up to its empty line */
    size_t searched;           /* how far the search for the empty line has gone */
    const char *method, *path; /* into head once checked (NULL before); path is "/" when an absolute-form
                                  target has none (http://host) */
    int http10, has_body;
};

/* Empty r for a new request. */
void http_request_reset(struct http_request *r);

/* Where the next bytes go: r->head + r->used; room for http_request_room(r) of them. */
size_t http_request_room(const struct http_request *r);

/*
 * Account for n bytes just received at r->head + r->used and look for the
 * end of the head.  Returns HTTP_MORE while it is incomplete; 0 once a head
 * is complete and valid (method, path, http10, has_body set); or the status
 * to answer it with: 400 malformed, 405 a method other than GET and HEAD,
 * 431 a head over HTTP_HEAD_MAX, 505 an HTTP major version other than 1.
 */
int http_request_received(struct http_request *r, size_t n);

#endif
