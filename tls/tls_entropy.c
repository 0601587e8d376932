/*
 * The TLS part's entropy hook on hosts: the kernel's random generator
 * through getrandom(), which blocks only until the kernel's pool was
 * first seeded at boot.  An embedded port builds its own file in place of
 * this one, over its hardware random source (see nsapi/tls_context.h).
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <sys/random.h>

#include "nsapi/tls_context.h"

int nsapi_tls_entropy(void *unused, unsigned char *out, size_t size)
{
    (void)unused;
    while (size > 0) {
        ssize_t n = getrandom(out, size, 0);

        if (n < 0 && errno != EINTR) {
            return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
        }
        if (n > 0) {
            out += n;
            size -= (size_t)n;
        }
    }
    return 0;
}
