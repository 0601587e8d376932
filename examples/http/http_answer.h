/*
 * http_server's answers, produced a piece at a time into the caller's
 * buffer so that a non-blocking server can send each as the connection
 * takes it.  Routes, for GET and HEAD:
 *
 *   /            a short HTML page
 *   /bytes/N     N bytes (at most 1 GiB), byte i being i % 251, with a Content-Length
 *   /chunked/N   the same bytes in chunks, or until the close for HTTP/1.0
 *
 * and an empty answer with the status for anything else.  Every answer says
 * Connection: close.
 */
#ifndef EXAMPLE_HTTP_ANSWER_H
#define EXAMPLE_HTTP_ANSWER_H

#include <stddef.h>

#include "http_request.h"

#define HTTP_BYTES_MAX (1ul << 30)

enum http_framing { HTTP_LENGTH, HTTP_CHUNKED, HTTP_CLOSE };

struct http_response {
    int status;
    const char *reason;           /* why, for the log, when status is not 200 */
    enum http_framing framing;
    unsigned long long announced; /* the Content-Length */
    unsigned long long count;     /* body bytes to produce (0 for HEAD) */
    unsigned long long produced;  /* body bytes produced so far */
    int page, head_done, last_done;
};

/*
 * Decide the answer to r: status 0 routes the request; another status
 * (400, 405, 431, 505, from http_request_received()) is answered as it is.
 */
void http_response_prepare(struct http_response *out, const struct http_request *r, int status);

/*
 * The next piece of the answer into buf (size at least 512): its length, 0
 * once the whole answer has been produced.  *body is set to the count of
 * body bytes in the piece (the rest is head or chunk framing).
 */
size_t http_response_next(struct http_response *out, unsigned char *buf, size_t size, size_t *body);

#endif
