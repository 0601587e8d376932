/* errno as nsapi_error_t: one table, documented in posix_errors.c. */
#ifndef NSAPI_POSIX_ERRORS_H
#define NSAPI_POSIX_ERRORS_H

#include "nsapi/nsapi.h"

/* The nsapi error for a kernel errno value (0 gives NSAPI_ERROR_OK). */
nsapi_error_t nsapi_posix_error(int err);

#endif
