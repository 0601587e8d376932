/*
 * The TLS part's clock: the deadline that bounds a call however many
 * records it takes, and the time DTLS's retransmission timer reads.
 */
#define _POSIX_C_SOURCE 200809L

#include <time.h>

#include "tls_internal.h"

/* The one OS service the TLS part uses besides its entropy hook. */
int64_t nsapi_tls_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int effective_timeout(const nsapi_tls_context_t *tls)
{
    return tls->timeout_set ? tls->timeout : -1;
}

bool nsapi_tls_nonblocking(const nsapi_tls_context_t *tls)
{
    return effective_timeout(tls) == 0;
}

void nsapi_tls_call_start(nsapi_tls_context_t *tls)
{
    int timeout = effective_timeout(tls);

    tls->transport_error = NSAPI_ERROR_OK;
    tls->deadline = timeout < 0 ? -1 : nsapi_tls_now_ms() + timeout;
}

bool nsapi_tls_call_expired(const nsapi_tls_context_t *tls)
{
    return tls->deadline >= 0 && nsapi_tls_now_ms() >= tls->deadline;
}

int nsapi_tls_call_left(const nsapi_tls_context_t *tls)
{
    int64_t left;

    if (tls->deadline < 0) {
        return -1;
    }
    left = tls->deadline - nsapi_tls_now_ms();
    return left < 0 ? 0 : (int)left;
}
