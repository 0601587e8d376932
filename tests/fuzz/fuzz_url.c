/*
 * URLs' scheme prefixes and authorities (examples/common/url.c), as the HTTP and WebSocket
 * clients and the command lines take them: the input's first byte sizes the
 * host buffer (1 to 256 bytes), the rest is the text.  What parses keeps the
 * header's promises (where it ends, the host fits, the port), and the Host
 * header written from it reads back as the same host and port.
 */
#include <string.h>

#include "common/url.h"
#include "fuzz_target.h"

#define DEFAULT_PORT 80

/* A host the Host header can carry unbracketed or bracketed and read back: letters, digits, '.', '-', ':'. */
static int plain_host(const char *host)
{
    return strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:") == strlen(host);
}

static void check_host_header(const char *host, unsigned port)
{
    char header[300], again[257];
    unsigned port_again = 0;
    const char *end;

    example_host_header(header, sizeof header, host, port, DEFAULT_PORT);
    FUZZ_CHECK(memchr(header, '\0', sizeof header) != NULL);
    if (plain_host(host) && strlen(header) < sizeof header - 1) {
        end = example_authority(header, again, sizeof again, &port_again, DEFAULT_PORT);
        FUZZ_CHECK(end != NULL && *end == '\0');
        FUZZ_CHECK(strcmp(again, host) == 0 && port_again == port);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text, host[257];
    size_t host_size;
    unsigned port = 0;
    const char *end;

    if (size < 1 || (text = malloc(size)) == NULL) {
        return 0;
    }
    host_size = 1 + data[0];
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    end = example_after_prefix(text, "http://");
    FUZZ_CHECK(end == NULL || (end == text + 7 && strncmp(text, "http://", 7) == 0));
    memset(host, 0x55, sizeof host);
    end = example_authority(text, host, host_size, &port, DEFAULT_PORT);
    if (end != NULL) {
        FUZZ_CHECK(end > text && end <= text + strlen(text));
        FUZZ_CHECK(*end == '\0' || *end == '/' || *end == '?' || *end == '#');
        FUZZ_CHECK(memchr(host, '\0', host_size) != NULL && host[0] != '\0');
        FUZZ_CHECK(host[host_size] == 0x55); /* nothing written past the buffer given */
        FUZZ_CHECK(port >= 1 && port <= 65535);
        check_host_header(host, port);
    }
    free(text);
    return 0;
}
