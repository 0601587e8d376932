/* lwIP's err_t as nsapi_error_t: one table, documented in lwip_errors.c. */
#ifndef NSAPI_LWIP_ERRORS_H
#define NSAPI_LWIP_ERRORS_H

#include <lwip/err.h>

#include "nsapi/nsapi.h"

/* The nsapi error for an lwIP error (ERR_OK gives NSAPI_ERROR_OK). */
nsapi_error_t lwip_error(err_t err);

#endif
