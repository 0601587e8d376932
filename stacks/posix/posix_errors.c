/*
 * Kernel errno -> nsapi_error_t, for every call the POSIX backend makes.
 * A call that needs a different meaning for one errno (a membership that is
 * not held, say) handles it before coming here.
 *
 *   0                          NSAPI_ERROR_OK
 *   EAGAIN, EWOULDBLOCK        NSAPI_ERROR_WOULD_BLOCK
 *   EINPROGRESS                NSAPI_ERROR_IN_PROGRESS
 *   EALREADY                   NSAPI_ERROR_ALREADY
 *   EISCONN                    NSAPI_ERROR_IS_CONNECTED
 *   ENOTCONN, EPIPE            NSAPI_ERROR_NO_CONNECTION    never connected, or no longer
 *   ECONNREFUSED, ECONNRESET   NSAPI_ERROR_NO_CONNECTION    as lwIP's ERR_RST
 *   ENETUNREACH, EHOSTUNREACH  NSAPI_ERROR_NO_CONNECTION    no route: nothing to wait for
 *   ENETDOWN, EHOSTDOWN        NSAPI_ERROR_NO_CONNECTION
 *   ECONNABORTED               NSAPI_ERROR_CONNECTION_LOST  as lwIP's ERR_ABRT
 *   ETIMEDOUT                  NSAPI_ERROR_CONNECTION_LOST  retransmission or keep-alive gave up on the peer,
 *                                                          as lwIP's ERR_ABRT
 *   EADDRINUSE                 NSAPI_ERROR_ADDRESS_IN_USE
 *   EADDRNOTAVAIL, EINVAL      NSAPI_ERROR_PARAMETER        not a local address; wrong state
 *   EACCES, EPERM              NSAPI_ERROR_PARAMETER        a port or address this process may not use
 *   EMFILE, ENFILE             NSAPI_ERROR_NO_SOCKET        out of descriptors
 *   EBADF, ENOTSOCK            NSAPI_ERROR_NO_SOCKET
 *   ENOBUFS, ENOMEM            NSAPI_ERROR_NO_MEMORY
 *   EMSGSIZE                   NSAPI_ERROR_NO_MEMORY        a datagram too large: refused, not cut
 *   EAFNOSUPPORT, EOPNOTSUPP   NSAPI_ERROR_UNSUPPORTED
 *   EPROTONOSUPPORT, ENOPROTOOPT NSAPI_ERROR_UNSUPPORTED
 *   ENODEV                     NSAPI_ERROR_NO_ADDRESS       no interface for the address
 *   anything else              NSAPI_ERROR_DEVICE_ERROR
 */
#include <errno.h>

#include "posix_errors.h"

nsapi_error_t nsapi_posix_error(int err)
{
    switch (err) {
    case 0:
        return NSAPI_ERROR_OK;
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return NSAPI_ERROR_WOULD_BLOCK;
    case EINPROGRESS:
        return NSAPI_ERROR_IN_PROGRESS;
    case EALREADY:
        return NSAPI_ERROR_ALREADY;
    case EISCONN:
        return NSAPI_ERROR_IS_CONNECTED;
    case ENOTCONN:
    case EPIPE:
    case ECONNREFUSED:
    case ECONNRESET:
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
    case EHOSTDOWN:
        return NSAPI_ERROR_NO_CONNECTION;
    case ECONNABORTED:
    case ETIMEDOUT:
        return NSAPI_ERROR_CONNECTION_LOST;
    case EADDRINUSE:
        return NSAPI_ERROR_ADDRESS_IN_USE;
    case EADDRNOTAVAIL:
    case EINVAL:
    case EACCES:
    case EPERM:
        return NSAPI_ERROR_PARAMETER;
    case EMFILE:
    case ENFILE:
    case EBADF:
    case ENOTSOCK:
        return NSAPI_ERROR_NO_SOCKET;
    case ENOBUFS:
    case ENOMEM:
    case EMSGSIZE:
        return NSAPI_ERROR_NO_MEMORY;
    case EAFNOSUPPORT:
    case EOPNOTSUPP:
    case EPROTONOSUPPORT:
    case ENOPROTOOPT:
        return NSAPI_ERROR_UNSUPPORTED;
    case ENODEV:
        return NSAPI_ERROR_NO_ADDRESS;
    default:
        return NSAPI_ERROR_DEVICE_ERROR;
    }
}
