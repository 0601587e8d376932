/*
 * SocketAddress text: the input, as a NUL-terminated string, given to
 * nsapi_socket_address_set_ip_address().  It takes what the C library's
 * inet_pton() takes, as the header says, to the same bytes; and what parses
 * prints back as text that parses to the same address (the canonical form
 * is a fixed point).
 */
#define _POSIX_C_SOURCE 200809L /* inet_pton */

#include <arpa/inet.h>
#include <string.h>

#include "fuzz_target.h"
#include "nsapi/socket_address.h"

/* Whether inet_pton() reads text as the address in a (NSAPI_UNSPEC: as no address): 1, or 0. */
static int agrees_with_libc(const char *text, const nsapi_socket_address_t *a)
{
    unsigned char bytes[16];

    if (inet_pton(AF_INET, text, bytes) == 1) {
        return a->addr.version == NSAPI_IPv4 && memcmp(bytes, a->addr.bytes, 4) == 0;
    }
    if (inet_pton(AF_INET6, text, bytes) == 1) {
        return a->addr.version == NSAPI_IPv6 && memcmp(bytes, a->addr.bytes, 16) == 0;
    }
    return a->addr.version == NSAPI_UNSPEC;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), printed[NSAPI_IP_SIZE], again[NSAPI_IP_SIZE];
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0}, b = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_size_or_error_t n;

    if (text == NULL) {
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    (void)nsapi_socket_address_set_ip_address(&a, text); /* the address is NSAPI_UNSPEC when it fails */
    FUZZ_CHECK(agrees_with_libc(text, &a));
    if (a.addr.version != NSAPI_UNSPEC) {
        n = nsapi_socket_address_get_ip_address(&a, printed, sizeof printed);
        FUZZ_CHECK(n > 0 && (size_t)n == strlen(printed));
        FUZZ_CHECK(nsapi_socket_address_set_ip_address(&b, printed) == NSAPI_ERROR_OK);
        FUZZ_CHECK(nsapi_socket_address_equals(&a, &b));
        FUZZ_CHECK(nsapi_socket_address_get_ip_address(&b, again, sizeof again) == n);
        FUZZ_CHECK(strcmp(printed, again) == 0);
    }
    free(text);
    return 0;
}
