#include <string.h>
#include <strings.h>

#include "http_request.h"

void http_request_reset(struct http_request *r)
{
    r->used = r->length = r->searched = 0;
    r->method = r->path = NULL;
    r->http10 = r->has_body = 0;
    r->head[0] = '\0';
}

size_t http_request_room(const struct http_request *r)
{
    return HTTP_HEAD_MAX - r->used;
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
static int parse_request_line(char *line, struct http_request *r)
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
static int parse_head(struct http_request *r)
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

        if (++headers > HTTP_HEADERS_MAX || length == 0 || line[length] != ':') {
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

int http_request_received(struct http_request *r, size_t n)
{
    size_t skip;

    r->used += n;
    r->head[r->used] = '\0';
    skip = strspn(r->head, "\r\n"); /* empty lines before the request line are ignored */
    r->length = head_end(r->head, r->searched > skip + 2 ? r->searched - 2 : skip, r->used);
    r->searched = r->used;
    if (r->length == 0) {
        return r->used == HTTP_HEAD_MAX ? 431 : HTTP_MORE;
    }
    r->head[r->length] = '\0';
    return memchr(r->head, '\0', r->length) != NULL ? 400 : parse_head(r); /* no NUL belongs in a head */
}
