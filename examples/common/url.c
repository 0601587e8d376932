#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"

const char *example_after_prefix(const char *text, const char *prefix)
{
    size_t length = strlen(prefix);

    /* strncmp stops at text's NUL, so a match means text holds the whole prefix */
    return strncmp(text, prefix, length) == 0 ? text + length : NULL;
}

const char *example_authority(const char *text, char *host, size_t size, unsigned *port, unsigned default_port)
{
    const char *end;
    size_t length;

    if (*text == '[') {
        end = strchr(++text, ']');
        if (end == NULL) {
            return NULL;
        }
        length = (size_t)(end++ - text);
    } else {
        end = text + strcspn(text, ":/?#");
        length = (size_t)(end - text);
    }
    if (length == 0 || length >= size) {
        return NULL;
    }
    memcpy(host, text, length);
    host[length] = '\0';
    *port = default_port;
    if (*end == ':') {
        size_t digits = strspn(end + 1, "0123456789");
        unsigned long value = digits > 0 && digits <= 5 ? strtoul(end + 1, NULL, 10) : 0;

        if (value == 0 || value > 65535) {
            return NULL;
        }
        *port = (unsigned)value;
        end += 1 + digits;
    }
    return *end == '\0' || *end == '/' || *end == '?' || *end == '#' ? end : NULL;
}

void example_host_header(char *out, size_t size, const char *host, unsigned port, unsigned default_port)
{
    int n = snprintf(out, size, strchr(host, ':') != NULL ? "[%s]" : "%s", host);

    if (port != default_port && n > 0 && (size_t)n < size) {
        snprintf(out + n, size - (size_t)n, ":%u", port);
    }
}
