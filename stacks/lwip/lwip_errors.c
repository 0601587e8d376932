/*
 * lwIP err_t -> nsapi_error_t.  Where Mbed's table (lwip_tools.cpp) is
 * wrong for a socket API, this one differs, and says why:
 *
 *   ERR_OK          0   NSAPI_ERROR_OK
 *   ERR_MEM        -1   NSAPI_ERROR_NO_MEMORY
 *   ERR_BUF        -2   NSAPI_ERROR_NO_MEMORY
 *   ERR_TIMEOUT    -3   NSAPI_ERROR_TIMEOUT          Mbed: WOULD_BLOCK; the raw API never times out a call
 *   ERR_RTE        -4   NSAPI_ERROR_NO_CONNECTION    Mbed: WOULD_BLOCK, which a blocking caller waits on forever
 *   ERR_INPROGRESS -5   NSAPI_ERROR_IN_PROGRESS
 *   ERR_VAL        -6   NSAPI_ERROR_PARAMETER
 *   ERR_WOULDBLOCK -7   NSAPI_ERROR_WOULD_BLOCK
 *   ERR_USE        -8   NSAPI_ERROR_ADDRESS_IN_USE   Mbed: PARAMETER; the code exists for this
 *   ERR_ALREADY    -9   NSAPI_ERROR_ALREADY
 *   ERR_ISCONN    -10   NSAPI_ERROR_IS_CONNECTED
 *   ERR_CONN      -11   NSAPI_ERROR_NO_CONNECTION
 *   ERR_IF        -12   NSAPI_ERROR_DEVICE_ERROR
 *   ERR_ABRT      -13   NSAPI_ERROR_CONNECTION_LOST  Mbed: NO_CONNECTION; aborted after it was up
 *   ERR_RST       -14   NSAPI_ERROR_NO_CONNECTION
 *   ERR_CLSD      -15   NSAPI_ERROR_NO_CONNECTION    Mbed: 0, which made a failed connect look successful (Mbed issue 6542)
 *   ERR_ARG       -16   NSAPI_ERROR_PARAMETER
 *   anything else       NSAPI_ERROR_DEVICE_ERROR
 */
#include "lwip_backend.h"

nsapi_error_t nsapi_lwip_error(err_t err)
{
    switch (err) {
    case ERR_OK:
        return NSAPI_ERROR_OK;
    case ERR_MEM:
    case ERR_BUF:
        return NSAPI_ERROR_NO_MEMORY;
    case ERR_TIMEOUT:
        return NSAPI_ERROR_TIMEOUT;
    case ERR_RTE:
    case ERR_CONN:
    case ERR_RST:
    case ERR_CLSD:
        return NSAPI_ERROR_NO_CONNECTION;
    case ERR_INPROGRESS:
        return NSAPI_ERROR_IN_PROGRESS;
    case ERR_VAL:
    case ERR_ARG:
        return NSAPI_ERROR_PARAMETER;
    case ERR_WOULDBLOCK:
        return NSAPI_ERROR_WOULD_BLOCK;
    case ERR_USE:
        return NSAPI_ERROR_ADDRESS_IN_USE;
    case ERR_ALREADY:
        return NSAPI_ERROR_ALREADY;
    case ERR_ISCONN:
        return NSAPI_ERROR_IS_CONNECTED;
    case ERR_ABRT:
        return NSAPI_ERROR_CONNECTION_LOST;
    default:
        return NSAPI_ERROR_DEVICE_ERROR;
    }
}
