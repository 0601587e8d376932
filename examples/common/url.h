/* The authority part of a URL, or a peer on the command line: HOST[:PORT] or [IPv6][:PORT]. */
#ifndef EXAMPLE_URL_H
#define EXAMPLE_URL_H

#include <stddef.h>

/*
 * The text after prefix ("http://", say) when text starts with it, else
 * NULL.  It reads no further than text's terminating NUL, so a text shorter
 * than prefix is simply not a match.
 */
const char *example_after_prefix(const char *text, const char *prefix);

/*
 * Parse the authority at text: HOST (a name or an IPv4 address) or [IPv6],
 * then :PORT (1 to 65535, digits only) or none for default_port.  HOST goes
 * to host, NUL-terminated, at most size - 1 bytes.  Returns where the
 * authority ends (a '/', '?', '#' or the end of the text, for the caller to
 * judge), or NULL when it is malformed.
 */
const char *example_authority(const char *text, char *host, size_t size, unsigned *port, unsigned default_port);

/*
 * The Host header's value for host and port into out (size bytes, always
 * NUL-terminated, cut when too long): [v6] in brackets, ":port" unless it is
 * default_port.
 */
void example_host_header(char *out, size_t size, const char *host, unsigned port, unsigned default_port);

#endif
