/* An HTTP/1.1 header line, as the HTTP client and the WebSocket handshake read them. */
#ifndef EXAMPLE_HTTP_HEADER_H
#define EXAMPLE_HTTP_HEADER_H

/*
 * Whether line ("Name: value", NUL-terminated, without its line end) is the
 * header name (case-insensitive): 1 with *value its value, spaces and tabs
 * around it taken away (line's trailing ones overwritten with NULs); or 0.
 */
int example_http_header(char *line, const char *name, const char **value);

/* Whether a comma-separated header value lists token (case-insensitive): 1, or 0. */
int example_http_has_token(const char *value, const char *token);

#endif
